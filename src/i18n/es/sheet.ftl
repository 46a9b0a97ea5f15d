# `alinea import`, `alinea new pei`, `alinea export`: las matrices de CEPLAN en Excel.

import-note-code = código `{ $from }` leído como `{ $to }`
import-note-number = número escrito como texto `{ $from }` leído como { $to }
import-note-no-data = `{ $from }` leído como sin dato (ND)
import-note-split = { $count } indicadores en una celda, leídos como { $count } indicadores (los valores de la fila van al primero)
import-note-value = `{ $text }` no es { $expected }: se deja fuera
import-note-column = no se entiende la columna `{ $header }`: sus celdas no se leen
import-note-row = fila no importada ({ $reason }): { $text }
import-note-sheet = no se encontró una matriz en esta hoja: no se lee
import-note-conflict = `{ $left }` difiere de `{ $kept }`, dado más arriba: se conserva el primero

import-expected-number = un número
import-expected-year = un año
import-expected-unit = una unidad de medida (cantidad, número, porcentaje, ratio, tasa, índice, tasa de variación)
import-expected-direction = un sentido esperado (ascendente, descendente, no definido)
import-expected-code = un código que alinea lee (OEI.01, AEI.01.02, OP1, L1.3, Eje 8 / Lin 8.3)

import-row-no-element = no hay código de OEI ni de AEI en ella ni encima
import-row-no-objective = una AEI sin OEI encima
import-row-no-name = valores sin nombre de indicador
import-row-unknown-element = su OEI o AEI e indicador no están en la matriz del PEI
import-row-no-upper-plan = no se conoce el id del plan superior: indíquelo con `--upper` o una fila `Plan superior:`
import-row-no-policy = la Política Nacional no es un id de plan ni el título de una Política Nacional del repositorio
import-row-no-pgg = no se conoce el id de la PGG: indíquelo con `--pgg` o una fila `PGG:`

sheet-cannot-read = no se puede leer `{ $file }`: { $reason }
sheet-exists = `{ $file }` ya existe
sheet-exists-help = añada `--force` para sobrescribirlo
sheet-not-a-workbook = `{ $file }` no es una hoja de cálculo que alinea lea (xlsx, xlsm, xls, ods)
sheet-damaged = `{ $file }` no se puede leer como hoja de cálculo: { $reason }
sheet-password = `{ $file }` está protegido con contraseña: guarde una copia sin ella
sheet-unreadable-sheet = no se puede leer la hoja `{ $sheet }` de `{ $file }`: { $reason }
sheet-too-large = la hoja `{ $sheet }` de `{ $file }` abarca { $cells } celdas, más de las { $limit } que alinea lee
sheet-no-matrix = ninguna hoja de `{ $file }` tiene una matriz que alinea lea (una fila de encabezado con una columna de código y una de indicador, como `Código`, `Nombre del indicador`); hojas: `{ $sheets }`
sheet-note = nota
sheet-written = se escribió `{ $file }` ({ $notes ->
        [one] 1 valor normalizado
       *[other] { $notes } valores normalizados
    }, { $problems ->
        [one] 1 problema
       *[other] { $problems } problemas
    })
sheet-new-needs-id = `alinea new pei` necesita el id del PEI: `--id`
sheet-export-unloadable = `{ $file }` no es un plan que cargue ({ $count ->
        [one] 1 hallazgo LOAD
       *[other] { $count } hallazgos LOAD
    })
sheet-export-unloadable-help = ejecute `alinea check { $file }` y corrija lo que reporte
sheet-not-in-catalogue = `{ $codes }` de `--select` no está en el catálogo `{ $file }`: no se escribe nada
sheet-export-nothing = `{ $file }` no tiene objetivos: los anexos contienen los objetivos, las acciones y los indicadores de un plan
sheet-export-failed = no se puede escribir el libro: { $reason }
sheet-exported = se escribió `{ $file }` (los anexos de `{ $plan }`)

limits-sheet-cells = celdas que abarca una hoja de un libro (`import`, `new pei`)

help-import = Importa las matrices de un PEI desde un libro (xlsx, xls, ods) a un archivo de plan
help-import-workbook = El libro (xlsx, xls, ods)
help-import-output = El archivo de plan que se escribe
help-import-format = El formato del reporte
help-new = Crea planes: un PEI y su POI esbozado desde el catálogo municipal de CEPLAN
help-new-help = Muestra este mensaje o la ayuda de los subcomandos indicados
help-new-pei = Un PEI y su POI esbozado desde el catálogo municipal de CEPLAN (MEGL)
help-new-pei-catalogue = El libro del catálogo (xlsx, xls, ods)
help-new-pei-output = La carpeta donde se escriben el PEI y el POI
help-new-pei-select = Los OEI y AEI que se conservan, separados por comas (por defecto: todos)
help-new-pei-format = El formato del reporte
help-export = Exporta un plan a los anexos de CEPLAN, como libro xlsx
help-export-plan = El archivo de plan
help-export-output = El libro que se escribe (xlsx)
help-arg-force = Sobrescribe un archivo existente
help-arg-id = El id del plan
help-arg-kind = El tipo de plan (pei, pdlc…)
help-arg-entity-name = El nombre de la entidad
help-arg-entity-type = El tipo de entidad (municipalidad, gobierno regional…)
help-arg-level = El nivel de gobierno de la entidad (nacional, regional, provincial, distrital)
help-arg-territory = El ubigeo de la entidad
help-arg-pliego = El código presupuestal del pliego
help-arg-period = El periodo, INICIO-FIN (2025-2027)
help-arg-title = El título del plan (por defecto: compuesto del tipo, la entidad y el periodo)
help-arg-upper = Los planes superiores, ids separados por comas
help-arg-guide = La guía de CEPLAN cuyos anexos sigue el plan (2017 o 2024)
help-arg-pgg = El id de la PGG que nombra la vinculación de la ruta estratégica
