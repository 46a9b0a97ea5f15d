# `alinea import`, `alinea new pei`, `alinea export`: CEPLAN's Excel matrices.

import-note-code = code `{ $from }` read as `{ $to }`
import-note-number = number written as text `{ $from }` read as { $to }
import-note-no-data = `{ $from }` read as no data (ND)
import-note-split = { $count } indicators in one cell, read as { $count } indicators (the row's values go to the first)
import-note-value = `{ $text }` is not { $expected }: left out
import-note-column = column `{ $header }` is not understood: its cells are not read
import-note-row = row not imported ({ $reason }): { $text }
import-note-sheet = no matrix found in this sheet: not read
import-note-conflict = `{ $left }` differs from `{ $kept }` given above: the first is kept

import-expected-number = a number
import-expected-year = a year
import-expected-unit = a unit of measure (cantidad, número, porcentaje, ratio, tasa, índice, tasa de variación)
import-expected-direction = a sentido esperado (ascendente, descendente, no definido)
import-expected-code = a code alinea reads (OEI.01, AEI.01.02, OP1, L1.3, Eje 8 / Lin 8.3)

import-row-no-element = no OEI or AEI code on it or above it
import-row-no-objective = an AEI with no OEI above it
import-row-no-name = values without an indicator name
import-row-unknown-element = its OEI or AEI and indicator are not in the PEI matrix
import-row-no-upper-plan = the upper plan's id is not known: give it with `--upper` or a `Plan superior:` row
import-row-no-policy = the Política Nacional is neither a plan id nor the title of a Política Nacional of the repository
import-row-no-pgg = the PGG's id is not known: give it with `--pgg` or a `PGG:` row

sheet-cannot-read = cannot read `{ $file }`: { $reason }
sheet-exists = `{ $file }` exists already
sheet-exists-help = add `--force` to write over it
sheet-not-a-workbook = `{ $file }` is not a spreadsheet alinea reads (xlsx, xlsm, xls, ods)
sheet-damaged = `{ $file }` cannot be read as a spreadsheet: { $reason }
sheet-password = `{ $file }` is protected by a password: save a copy without one
sheet-unreadable-sheet = sheet `{ $sheet }` of `{ $file }` cannot be read: { $reason }
sheet-too-large = sheet `{ $sheet }` of `{ $file }` spans { $cells } cells, more than the { $limit } alinea reads
sheet-no-matrix = no sheet of `{ $file }` holds a matrix alinea reads (a header row with a code and an indicator column, such as `Código`, `Nombre del indicador`); sheets: `{ $sheets }`
sheet-note = note
sheet-written = wrote `{ $file }` ({ $notes ->
        [one] 1 value normalised
       *[other] { $notes } values normalised
    }, { $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    })
sheet-new-needs-id = `alinea new pei` needs the PEI's id: `--id`
sheet-export-unloadable = `{ $file }` is not a plan that loads ({ $count ->
        [one] 1 LOAD finding
       *[other] { $count } LOAD findings
    })
sheet-export-unloadable-help = run `alinea check { $file }` and fix what it reports
sheet-not-in-catalogue = `{ $codes }` of `--select` is not in the catalogue `{ $file }`: nothing written
sheet-export-nothing = `{ $file }` has no objectives: the annexes hold a plan's objectives, actions and indicators
sheet-export-failed = cannot write the workbook: { $reason }
sheet-exported = wrote `{ $file }` (the annexes of `{ $plan }`)

limits-sheet-cells = cells a sheet of a workbook spans (`import`, `new pei`)

help-import = Import a PEI's matrices from a workbook (xlsx, xls, ods) into a plan file
help-import-workbook = The workbook (xlsx, xls, ods)
help-import-output = The plan file to write
help-import-format = The report's format
help-new = Create plans: a PEI and its POI stub from CEPLAN's municipal catalogue
help-new-help = Print this message or the help of the given subcommand(s)
help-new-pei = A PEI and its POI stub from CEPLAN's municipal catalogue (MEGL)
help-new-pei-catalogue = The catalogue workbook (xlsx, xls, ods)
help-new-pei-output = The folder to write the PEI and the POI in
help-new-pei-select = The OEI and AEI to keep, comma-separated (default: every one)
help-new-pei-format = The report's format
help-export = Export a plan to CEPLAN's annexes, as an xlsx workbook
help-export-plan = The plan file
help-export-output = The workbook to write (xlsx)
help-arg-force = Write over an existing file
help-arg-id = The plan's id
help-arg-kind = The plan's kind (pei, pdlc…)
help-arg-entity-name = The entity's name
help-arg-entity-type = The entity's type (municipality, regional-government…)
help-arg-level = The entity's level of government (national, regional, provincial, district)
help-arg-territory = The entity's ubigeo
help-arg-pliego = The pliego's budget code
help-arg-period = The period, START-END (2025-2027)
help-arg-title = The plan's title (default: composed from the kind, the entity and the period)
help-arg-upper = The plans above, comma-separated ids
help-arg-guide = The CEPLAN guide whose annexes the plan follows (2017 or 2024)
help-arg-pgg = The id of the PGG that the ruta estratégica's linkage names
