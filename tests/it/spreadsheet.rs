//! `alinea import`, `alinea new pei` and `alinea export` on synthetic workbooks built here
//! with the layouts of CEPLAN's templates and of the public samples (whose files are not
//! copied: they carry no licence).

use std::path::Path;
use std::process::Command;

use proptest::strategy::Strategy as _;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

use crate::{binary, copy_tree};

fn alinea(args: &[&str]) -> std::process::Output {
    Command::new(binary())
        .args(args)
        .env_remove("ALINEA_LANG")
        .output()
        .unwrap()
}

fn text(output: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// `alinea import WORKBOOK -o PLAN` with more arguments.
fn import(workbook: &Path, plan: &Path, more: &[&str]) -> std::process::Output {
    let mut args = vec![
        "import",
        workbook.to_str().unwrap(),
        "-o",
        plan.to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    alinea(&args)
}

/// `alinea new pei --catalogue CATALOGUE -o FOLDER` with more arguments.
fn new_pei(catalogue: &Path, folder: &Path, more: &[&str]) -> std::process::Output {
    let mut args = vec![
        "new",
        "pei",
        "--catalogue",
        catalogue.to_str().unwrap(),
        "-o",
        folder.to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    alinea(&args)
}

/// The plan a file holds, as the spreadsheet commands see it.
fn draft_of(repository: &Path, id: &str) -> alinea::import::Draft {
    let run = crate::run(&[repository]);
    let plan = run.graph.plan_by_id(id).expect("the plan loads");
    alinea::import::Draft::from_plan(run.graph.plan(plan))
}

/// Exports a shipped plan, imports the workbook in its place (keys in `lang`), and returns
/// the plan before and after, with the workbook's sheets.
fn round_trip(
    file: &str,
    id: &str,
    lang: &str,
) -> (alinea::import::Draft, alinea::import::Draft, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("pei.xlsx");
    let plan = format!("plans/{file}");
    let output = alinea(&["export", &plan, "--output", workbook.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let repository = dir.path().join("plans");
    copy_tree(Path::new("plans"), &repository);
    let imported = repository.join(file);
    let output = import(
        &workbook,
        &imported,
        &["--force", "--format", "json", "--lang", lang],
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report.get("notes"),
        Some(&serde_json::json!([])),
        "{report}"
    );
    assert_eq!(output.status.code(), Some(0));
    let before = draft_of(Path::new("plans"), id);
    let after = draft_of(&repository, id);
    (before, after, calamine_sheet_names(&workbook))
}

#[test]
fn the_san_martin_pei_survives_export_then_import() {
    let (before, after, sheets) = round_trip(
        "regional/san-martin/pei-2024-2028.yaml",
        "pei-gore-san-martin-2024-2028",
        "en",
    );
    assert!(before.objectives.len() == 11 && before.elements().count() == 30);
    assert!(
        before
            .elements()
            .flat_map(|e| &e.indicators)
            .any(|i| i.ficha.is_some())
    );
    assert_eq!(after, before);
    // The 2017 guide's annexes: the ruta, the B-1, the B-2 matrix and one A-6 per indicator.
    let indicators = before.elements().map(|e| e.indicators.len()).sum::<usize>();
    assert_eq!(sheets.len(), 3 + indicators, "{sheets:?}");
    assert_eq!(&sheets[..4], ["Ruta estratégica", "B-1", "B-2", "A-6 1"]);
    // Written with Spanish keys, the same plan.
    let (_, spanish, _) = round_trip(
        "regional/san-martin/pei-2024-2028.yaml",
        "pei-gore-san-martin-2024-2028",
        "es",
    );
    assert_eq!(spanish, before);
}

#[test]
fn a_pei_of_the_2024_guide_survives_export_then_import() {
    let (before, after, sheets) = round_trip(
        "local/moyobamba/pei-2025-2027.yaml",
        "pei-mp-moyobamba-2025-2027",
        "en",
    );
    // Links to the PGG (ruta), the PDLC (B-1) and the Políticas Nacionales (B-2).
    let targets: Vec<&str> = before
        .elements()
        .flat_map(|e| &e.traces_to)
        .map(|link| link.target.split('/').next().unwrap())
        .collect();
    for plan in ["pgg-2023-2026", "pdlc-moyobamba-2022-2030", "pn-grd-2050"] {
        assert!(targets.contains(&plan), "{targets:?}");
    }
    assert_eq!(after, before);
    let indicators = before.elements().map(|e| e.indicators.len()).sum::<usize>();
    assert_eq!(sheets.len(), 4 + indicators, "{sheets:?}");
    assert_eq!(
        &sheets[..5],
        ["Ruta estratégica", "B-1", "B-2", "B-3", "Ficha 1"]
    );
}

fn calamine_sheet_names(path: &Path) -> Vec<String> {
    use calamine::Reader;
    calamine::open_workbook_auto(path).unwrap().sheet_names()
}

/// A PEI matrix as planners keep it: a header block, a two-row merged header, parent codes
/// merged or left blank, loose codes, percentages as text, `ND`, two indicators in one cell;
/// a B-1 and a B-2 with the Políticas Nacionales.
fn loose_workbook(path: &Path) {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name("B-3").unwrap();
    sheet
        .write_string(0, 0, "ANEXO B-3: MATRIZ DEL PEI")
        .unwrap();
    sheet.write_string(1, 0, "Entidad:").unwrap();
    sheet
        .write_string(1, 1, "Municipalidad Provincial de Ejemplo")
        .unwrap();
    sheet.write_string(2, 0, "Pliego: 399999").unwrap();
    sheet.write_string(3, 0, "Periodo:").unwrap();
    sheet.write_string(3, 1, "2026 - 2028").unwrap();
    // Rows 6-7 (0-based 5-6): the header.
    sheet.merge_range(5, 0, 6, 0, "Código", &bold).unwrap();
    sheet
        .merge_range(5, 1, 6, 1, "Denominación", &bold)
        .unwrap();
    sheet
        .merge_range(5, 2, 6, 2, "Nombre del indicador", &bold)
        .unwrap();
    sheet
        .merge_range(5, 3, 5, 4, "Línea de base", &bold)
        .unwrap();
    sheet.write_string(6, 3, "Año").unwrap();
    sheet.write_string(6, 4, "Valor").unwrap();
    sheet
        .merge_range(5, 5, 5, 7, "Logros esperados", &bold)
        .unwrap();
    for (i, year) in [2026, 2027, 2028].iter().enumerate() {
        sheet
            .write_number(6, 5 + u16::try_from(i).unwrap(), *year)
            .unwrap();
    }
    sheet
        .merge_range(5, 8, 6, 8, "Unidad orgánica responsable", &bold)
        .unwrap();
    // OEI.01 over rows 8-9 (merged), its AEI on row 10.
    sheet
        .merge_range(7, 0, 8, 0, "OEI 1", &Format::new())
        .unwrap();
    sheet
        .merge_range(
            7,
            1,
            8,
            1,
            "Reducir la exposición al riesgo de desastres de la población local",
            &Format::new(),
        )
        .unwrap();
    row(
        sheet,
        7,
        2,
        &["Porcentaje de zonas con factores de riesgo mitigados"],
        2024.0,
        "37.50%",
        &["40", "45.5", "50"],
    );
    sheet
        .write_string(7, 8, "Gerencia de Gestión del Riesgo de Desastres")
        .unwrap();
    row(
        sheet,
        8,
        2,
        &["Porcentaje de población en zonas de riesgo muy alto"],
        2024.0,
        "ND",
        &["30", "28", "26"],
    );
    sheet
        .write_string(8, 8, "Gerencia de Gestión del Riesgo de Desastres")
        .unwrap();
    sheet.write_string(9, 0, "AEI 1.1").unwrap();
    sheet
        .write_string(
            9,
            1,
            "Estudios de riesgo elaborados para la población local",
        )
        .unwrap();
    row(
        sheet,
        9,
        2,
        &["Ind.01 Número de estudios de riesgo aprobados / Ind.02 Porcentaje de zonas con estudio"],
        2024.0,
        "3",
        &["4", "5", "6"],
    );
    sheet
        .write_string(9, 8, "Gerencia de Gestión del Riesgo de Desastres")
        .unwrap();
    // OIE.03 (a slip), with its AEI whose code is left blank on its second row.
    sheet.write_string(10, 0, "OIE.03").unwrap();
    sheet
        .write_string(10, 1, "Modernizar la gestión institucional")
        .unwrap();
    row(
        sheet,
        10,
        2,
        &["Porcentaje de ciudadanos satisfechos con la gestión municipal"],
        2025.0,
        "52,5",
        &["55", "58", "60"],
    );
    sheet.write_string(10, 8, "Gerencia Municipal").unwrap();
    sheet.write_string(11, 0, "AEI.03.01").unwrap();
    sheet
        .write_string(
            11,
            1,
            "Gestión de recursos humanos eficiente en la municipalidad",
        )
        .unwrap();
    row(
        sheet,
        11,
        2,
        &["Porcentaje de servidores capacitados"],
        2025.0,
        "20",
        &["30", "40", "50"],
    );
    sheet
        .write_string(11, 8, "Subgerencia de Recursos Humanos")
        .unwrap();
    row(
        sheet,
        12,
        2,
        &["Porcentaje de puestos con perfil aprobado"],
        2025.0,
        "10",
        &["20", "35", "50"],
    );
    sheet
        .write_string(12, 8, "Subgerencia de Recursos Humanos")
        .unwrap();

    let sheet = workbook.add_worksheet();
    sheet.set_name("B-1").unwrap();
    sheet
        .write_string(0, 0, "ANEXO B-1: MATRIZ DE ARTICULACIÓN DE PLANES")
        .unwrap();
    sheet.write_string(1, 0, "Plan superior:").unwrap();
    sheet.write_string(1, 1, "pdlc-ejemplo-2022-2030").unwrap();
    sheet
        .merge_range(3, 0, 3, 1, "Objetivo estratégico territorial (OET)", &bold)
        .unwrap();
    sheet.write_string(4, 0, "Código").unwrap();
    sheet.write_string(4, 1, "Enunciado").unwrap();
    sheet
        .merge_range(
            3,
            2,
            3,
            3,
            "Objetivo estratégico institucional (OEI)",
            &bold,
        )
        .unwrap();
    sheet.write_string(4, 2, "Código").unwrap();
    sheet.write_string(4, 3, "Enunciado").unwrap();
    sheet
        .merge_range(3, 4, 4, 4, "Explicación de relación causal", &bold)
        .unwrap();
    sheet.write_string(5, 0, "OET.05.").unwrap();
    sheet
        .write_string(5, 1, "Reducir la vulnerabilidad de la población")
        .unwrap();
    sheet.write_string(5, 2, "OEI.01").unwrap();
    sheet
        .write_string(5, 4, "Menos exposición al riesgo reduce la vulnerabilidad.")
        .unwrap();

    let sheet = workbook.add_worksheet();
    sheet.set_name("B-2").unwrap();
    for (column, header) in [
        "Código AEI",
        "Denominación AEI",
        "Nombre de la Política Nacional",
        "Código OP",
        "Código lineamiento",
        "Enunciado del servicio",
    ]
    .iter()
    .enumerate()
    {
        sheet
            .write_string(0, u16::try_from(column).unwrap(), *header)
            .unwrap();
    }
    sheet.write_string(1, 0, "AEI.01.01").unwrap();
    sheet.write_string(1, 2, "pn-grd-2050").unwrap();
    sheet.write_string(1, 3, "OP 3").unwrap();
    sheet.write_string(1, 4, "L.1.3.").unwrap();
    sheet.write_string(2, 0, "AEI.03.01").unwrap();
    sheet
        .write_string(2, 2, "Política Nacional de Modernización")
        .unwrap();
    sheet.write_string(2, 3, "OP1").unwrap();
    workbook.save(path).unwrap();
}

/// One matrix row from `column`: the indicator, the baseline's year and value, the targets.
fn row(
    sheet: &mut Worksheet,
    at: u32,
    column: u16,
    name: &[&str],
    year: f64,
    value: &str,
    targets: &[&str],
) {
    sheet.write_string(at, column, name.join("")).unwrap();
    sheet.write_number(at, column + 1, year).unwrap();
    sheet.write_string(at, column + 2, value).unwrap();
    for (i, target) in targets.iter().enumerate() {
        let c = column + 3 + u16::try_from(i).unwrap();
        match target.parse::<f64>() {
            Ok(number) if i % 2 == 0 => sheet.write_number(at, c, number).unwrap(),
            _ => sheet.write_string(at, c, *target).unwrap(),
        };
    }
}

#[test]
fn a_loose_workbook_imports_with_every_normalisation_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("pei.xlsx");
    loose_workbook(&workbook);
    let plan = dir.path().join("pei.yaml");
    let args = [
        "import",
        workbook.to_str().unwrap(),
        "--output",
        plan.to_str().unwrap(),
        "--format",
        "json",
        "--id",
        "pei-mp-ejemplo-2026-2028",
        "--kind",
        "pei",
        "--entity-type",
        "municipality",
        "--level",
        "provincial",
        "--territory",
        "9901",
    ];
    let output = alinea(&args);
    let (stdout, stderr) = text(&output);
    let report: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stdout}{stderr}"));
    let notes: Vec<(String, String, String)> = report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|note| {
            let detail = note
                .get("to")
                .or(note.get("from"))
                .or(note.get("reason"))
                .map(ToString::to_string)
                .unwrap_or_default();
            (
                note["cell"].as_str().unwrap().to_owned(),
                note["kind"].as_str().unwrap().to_owned(),
                detail,
            )
        })
        .collect();
    let has = |cell: &str, kind: &str, detail: &str| {
        assert!(
            notes
                .iter()
                .any(|(c, k, d)| c == cell && k == kind && d.contains(detail)),
            "no {kind} {detail} at {cell} in {notes:#?}"
        );
    };
    has("B-3!A8", "code", "OEI.01");
    // A merged cell is noted once, at its first cell.
    assert!(
        !notes.iter().any(|(cell, _, _)| cell == "B-3!A9"),
        "{notes:#?}"
    );
    has("B-3!E8", "number", "37.5");
    has("B-3!E9", "no-data", "ND");
    has("B-3!A10", "code", "AEI.01.01");
    has("B-3!C10", "split", "");
    has("B-3!A11", "code", "OEI.03");
    has("B-3!E11", "number", "52.5");
    has("B-1!A6", "code", "OET.05");
    has("B-2!D2", "code", "OP3");
    has("B-2!E2", "code", "L1.3");
    has("B-2!C3", "row", "no-policy");
    // Only the named policy is a problem: exit 1, and the file is written all the same.
    assert_eq!(report["problems"], 1, "{notes:#?}");
    assert_eq!(output.status.code(), Some(1));
    let yaml = std::fs::read_to_string(&plan).unwrap();
    assert!(yaml.contains("pn-grd-2050/L1.3"), "{yaml}");
    assert!(
        yaml.contains("{ref: \"pdlc-ejemplo-2022-2030/OET.05\""),
        "{yaml}"
    );
    assert!(yaml.contains("baseline: {year: 2024, value: ND}"), "{yaml}");
    assert!(yaml.contains("pliego: \"399999\""), "{yaml}");
    assert!(yaml.contains("period: {start: 2026, end: 2028}"), "{yaml}");
    // `check` reads it without a LOAD finding.
    let run = crate::run(&[&plan]);
    let load: Vec<_> = run
        .report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("LOAD"))
        .map(|f| &f.message)
        .collect();
    assert!(load.is_empty(), "{load:?}\n{yaml}");
    let draft = draft_of(&plan, "pei-mp-ejemplo-2026-2028");
    let codes: Vec<&str> = draft.elements().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["OEI.01", "AEI.01.01", "OEI.03", "AEI.03.01"]);
    let indicators: Vec<usize> = draft.elements().map(|e| e.indicators.len()).collect();
    assert_eq!(indicators, [2, 2, 1, 2]);
    // Written again without `--force`: refused, the file is kept.
    let output = alinea(&args);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).1.contains("--force"));
}

#[test]
fn import_keys_follow_lang() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("pei.xlsx");
    loose_workbook(&workbook);
    let plan = dir.path().join("pei.yaml");
    let output = import(
        &workbook,
        &plan,
        &[
            "--lang",
            "es",
            "--entity-type",
            "municipalidad",
            "--level",
            "provincial",
            "--territory",
            "9901",
            "--id",
            "pei-x",
            "--kind",
            "pei",
        ],
    );
    let (stdout, _) = text(&output);
    assert!(
        stdout.contains("B-3!E8: nota: número escrito como texto `37.50%` leído como 37.5"),
        "{stdout}"
    );
    let yaml = std::fs::read_to_string(&plan).unwrap();
    assert!(
        yaml.contains("objetivos:") && yaml.contains("linea_base: {anio: 2024"),
        "{yaml}"
    );
    let run = crate::run(&[&plan]);
    let load: Vec<&String> = run
        .report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("LOAD"))
        .map(|f| &f.message)
        .collect();
    assert!(load.is_empty(), "{load:?}\n{yaml}");
}

#[test]
fn broken_workbooks_are_named_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.yaml");
    // A workbook without a matrix.
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Hoja de notas").unwrap();
    sheet.write_string(0, 0, "Sin matriz").unwrap();
    let empty = workbook.save_to_buffer().unwrap();
    // A sheet with two cells, at A1 and at the last cell Excel has.
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Enorme").unwrap();
    sheet.write_string(0, 0, "Código").unwrap();
    sheet.write_string(1_048_575, 16_383, "fin").unwrap();
    let huge = workbook.save_to_buffer().unwrap();
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0];
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("notes.txt", b"just text".to_vec(), "is not a spreadsheet"),
        (
            "corrupt.xlsx",
            b"PK\x03\x04garbage that is no zip".to_vec(),
            "cannot be read as a spreadsheet",
        ),
        ("old.xls", ole.to_vec(), "cannot be read as a spreadsheet"),
        // Excel saves a password-protected workbook as an OLE file with an `EncryptedPackage`.
        (
            "protegido.xlsx",
            encrypted_package(),
            "protected by a password",
        ),
        ("empty.xlsx", empty, "sheets: `Hoja de notas`"),
        ("huge.xlsx", huge, "sheet `Enorme` of"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = alinea(&[
            "import",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(name) && stderr.contains(expected),
            "{stderr}"
        );
        assert!(!out.exists());
    }
    // A missing file.
    let output = alinea(&["import", "no-such.xlsx", "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).1.contains("no-such.xlsx"));
}

/// A catalogue shaped as CEPLAN's municipal one (MEGL): OEI, AEI (one row per indicator),
/// the PGG linkage, the Políticas Nacionales and the operational activities.
fn catalogue(path: &Path) {
    let mut workbook = Workbook::new();
    let table = |sheet: &mut Worksheet, name: &str, rows: &[&[&str]]| {
        sheet.set_name(name).unwrap();
        for (r, cells) in rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                sheet
                    .write_string(u32::try_from(r).unwrap(), u16::try_from(c).unwrap(), *cell)
                    .unwrap();
            }
        }
    };
    table(
        workbook.add_worksheet(),
        "OEI",
        &[
            &["Código", "Denominación", "Nombre del Indicador"],
            &[
                "OEI.05",
                "Reducir la exposición al riesgo de desastres de la población local",
                "Porcentaje de zonas de la localidad con factores de riesgo de desastres eliminados o minimizados",
            ],
            &[
                "OEI.08",
                "Garantizar la provisión de los servicios de agua potable y saneamiento",
                "Porcentaje de viviendas con servicio de agua potable y alcantarillado",
            ],
            &[
                "OEI.11",
                "Modernizar la gestión institucional",
                "Porcentaje de ciudadanos satisfechos con la gestión institucional de la municipalidad",
            ],
        ],
    );
    table(
        workbook.add_worksheet(),
        "AEI",
        &[
            &[
                "Código OEI",
                "Código AEI",
                "Denominación",
                "Nombre del Indicador",
            ],
            &[
                "OEI.05",
                "AEI.05.01",
                "Estudios de riesgo elaborados en la localidad",
                "Número de estudios de evaluación de riesgo aprobados",
            ],
            &[
                "OEI.05",
                "AEI.05.02",
                "Capacidades en gestión del riesgo fortalecidas en la población",
                "Porcentaje de población capacitada en gestión del riesgo",
            ],
            &[
                "OEI.08",
                "AEI.08.01",
                "Servicio de agua potable ampliado para la población",
                "Número de conexiones domiciliarias instaladas",
            ],
            &[
                "OEI.11",
                "AEI.11.01",
                "Gestión administrativa eficiente en la municipalidad",
                "Porcentaje de procesos simplificados",
            ],
        ],
    );
    table(
        workbook.add_worksheet(),
        "PGG",
        &[
            &[
                "Código OEI",
                "Denominación OEI",
                "Vinculación OEI con la PGG",
                "Código AEI",
                "Denominación AEI",
                "Vinculación AEI con la PGG",
            ],
            &[
                "OEI.05",
                "",
                "Eje 6 / Lin. 6.7",
                "AEI.05.01",
                "",
                "Eje.6 / Lin. 6.7",
            ],
            &[
                "OEI.08",
                "",
                "Eje.9 / Lin. 9.2",
                "AEI.08.01",
                "",
                "EJE 9, LIN 9.2",
            ],
        ],
    );
    table(
        workbook.add_worksheet(),
        "PN",
        &[
            &[
                "Código AEI",
                "Denominación AEI",
                "Nombre de la Política Nacional",
                "Código_OP_PN",
                "Código_Lin_PN",
            ],
            &["AEI.05.01", "", "pn-grd-2050", "OP 2", "L 2.2"],
            // A policy named by its title, as CEPLAN's catalogue names them.
            &[
                "AEI.05.02",
                "",
                "Política Nacional de Gestión del Riesgo de Desastres al 2050",
                "OP5",
                "L.5.1.",
            ],
        ],
    );
    table(
        workbook.add_worksheet(),
        "Actividades",
        &[
            &["Código AEI", "Actividad operativa", "Unidad de medida"],
            &[
                "AEI.05.01",
                "Elaboración de estudios de evaluación del riesgo",
                "estudio",
            ],
            &[
                "AEI.08.01",
                "Instalación de conexiones domiciliarias de agua",
                "conexión",
            ],
        ],
    );
    workbook.save(path).unwrap();
}

#[test]
fn a_new_pei_from_the_catalogue_loads_and_asks_only_to_be_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let repository = dir.path().join("plans");
    copy_tree(Path::new("plans"), &repository);
    let catalogue_path = dir.path().join("megl.xlsx");
    catalogue(&catalogue_path);
    let folder = repository.join("local/ejemplo");
    let output = new_pei(
        &catalogue_path,
        &folder,
        &[
            "--id",
            "pei-mp-ejemplo-2026-2028",
            "--entity-name",
            "Municipalidad Provincial de Ejemplo",
            "--entity-type",
            "municipality",
            "--level",
            "provincial",
            "--territory",
            "2201",
            "--period",
            "2026-2028",
            "--upper",
            "pdlc-moyobamba-2022-2030",
            "--select",
            "OEI.05,OEI.08",
            "--format",
            "json",
        ],
    );
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let cells: Vec<&str> = report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["cell"].as_str().unwrap())
        .collect();
    assert!(
        cells.contains(&"PGG!C2") && cells.contains(&"PN!E3"),
        "{report}"
    );
    // The policy's title read as its plan id, at its cell; the PGG (no `--pgg`) is the
    // repository's PGG in force over the period.
    let named = report["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["cell"] == "PN!C3")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(named["to"], "pn-grd-2050", "{report}");
    let pei = std::fs::read_to_string(folder.join("pei-mp-ejemplo-2026-2028.yaml")).unwrap();
    let poi = std::fs::read_to_string(folder.join("poi-mp-ejemplo-2026-2028.yaml")).unwrap();
    assert!(
        pei.contains("pgg-2023-2026/LIN.6.7") && pei.contains("pn-grd-2050/L5.1"),
        "{pei}"
    );
    assert!(!pei.contains("OEI.11"), "{pei}");
    assert!(poi.contains("pei-mp-ejemplo-2026-2028/AEI.08.01"), "{poi}");
    let run = crate::run_with_rules(&[&repository], "2026-01-15");
    let mut rules: Vec<&str> = run
        .report
        .findings
        .iter()
        .filter(|f| f.plan == "pei-mp-ejemplo-2026-2028" || f.plan == "poi-mp-ejemplo-2026-2028")
        .map(|f| f.rule.as_str())
        .collect();
    rules.sort_unstable();
    rules.dedup();
    // Exactly what a planner fills in: baselines and targets (IND-02, IND-05), responsible
    // units (CAP-01, IND-09), the articulation with the PDLC (ART-01) and with the Políticas
    // Nacionales where the catalogue gives none (ART-07, ART-08), priorities (PRI-01), the
    // PEI's approval (ART-05, seen from the POI) and the activities of the AEI the catalogue
    // lists none for (CAP-02). No LOAD finding: both files load.
    let fill_in = [
        "ART-01", "ART-05", "ART-07", "ART-08", "CAP-01", "CAP-02", "IND-02", "IND-05", "IND-09",
        "PRI-01",
    ];
    assert_eq!(
        rules,
        fill_in,
        "{:#?}",
        run.report
            .findings
            .iter()
            .filter(|f| f.plan.ends_with("mp-ejemplo-2026-2028"))
            .map(|f| format!("{} {}", f.rule, f.message))
            .collect::<Vec<_>>()
    );
}

/// The smallest OLE compound file (version 3, 512-byte sectors) whose directory names an
/// `EncryptedPackage` stream, as a password-protected xlsx has: the header, one FAT
/// sector, one directory sector.
fn encrypted_package() -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    let mut file = vec![0u8; 512 * 3];
    let mut put = |at: usize, bytes: &[u8]| {
        file.get_mut(at..at + bytes.len())
            .unwrap()
            .copy_from_slice(bytes);
    };
    put(0, &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    put(24, &0x003E_u16.to_le_bytes());
    put(26, &3_u16.to_le_bytes());
    put(28, &0xFFFE_u16.to_le_bytes());
    put(30, &9_u16.to_le_bytes());
    put(32, &6_u16.to_le_bytes());
    put(44, &1_u32.to_le_bytes()); // one FAT sector
    put(48, &1_u32.to_le_bytes()); // the directory in sector 1
    put(56, &4096_u32.to_le_bytes());
    put(60, &END.to_le_bytes());
    put(68, &END.to_le_bytes());
    put(76, &0_u32.to_le_bytes()); // the FAT in sector 0
    for i in 1..109 {
        put(76 + 4 * i, &FREE.to_le_bytes());
    }
    // Sector 0, the FAT: sector 0 is the FAT's, sector 1 ends the directory's chain.
    put(512, &0xFFFF_FFFD_u32.to_le_bytes());
    put(516, &END.to_le_bytes());
    for i in 2..128 {
        put(512 + 4 * i, &FREE.to_le_bytes());
    }
    // Sector 1, the directory: the root and the encrypted package.
    for (entry, name) in ["Root Entry", "EncryptedPackage"].iter().enumerate() {
        let at = 1024 + 128 * entry;
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        put(at, &utf16);
        put(
            at + 64,
            &u16::try_from(utf16.len() + 2).unwrap().to_le_bytes(),
        );
        put(at + 66, &[if entry == 0 { 5 } else { 2 }]);
        put(at + 116, &END.to_le_bytes());
    }
    file
}

/// A cell of an `OpenDocument` sheet written by [`ods`].
enum Ods<'a> {
    Text(&'a str),
    Number(f64),
    Empty,
    /// Text over this many rows and columns (`number-rows-spanned`, `number-columns-spanned`).
    Merged(&'a str, u32, u32),
    /// A cell under a merged one.
    Covered,
}

/// A minimal `OpenDocument` spreadsheet (what `LibreOffice` saves, without styles): its
/// `mimetype`, manifest and `content.xml`; `encrypted` marks its content as encrypted, as a
/// password-protected file's manifest does.
fn ods(sheets: &[(&str, Vec<Vec<Ods<'_>>>)], encrypted: bool) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let escape = |text: &str| text.replace('&', "&amp;").replace('<', "&lt;");
    let mut content = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet>",
    );
    for (name, rows) in sheets {
        content.push_str(&format!("<table:table table:name=\"{name}\">"));
        for row in rows {
            content.push_str("<table:table-row>");
            for cell in row {
                content.push_str(&match cell {
                    Ods::Text(text) => format!(
                        "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                        escape(text)
                    ),
                    Ods::Number(n) => format!(
                        "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
                    ),
                    Ods::Empty => "<table:table-cell/>".to_owned(),
                    Ods::Merged(text, rows, columns) => format!(
                        "<table:table-cell table:number-rows-spanned=\"{rows}\" \
                         table:number-columns-spanned=\"{columns}\" office:value-type=\"string\">\
                         <text:p>{}</text:p></table:table-cell>",
                        escape(text)
                    ),
                    Ods::Covered => "<table:covered-table-cell/>".to_owned(),
                });
            }
            content.push_str("</table:table-row>");
        }
        content.push_str("</table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let encryption = if encrypted {
        "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"AAAA\"/>"
    } else {
        ""
    };
    let manifest = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest \
         xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
         <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
         <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">{encryption}</manifest:file-entry>\
         </manifest:manifest>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest.as_str()),
        ("content.xml", content.as_str()),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The 2017 guide's B-2 as an `OpenDocument` sheet: headers merged over two rows (ODS keeps no
/// merge that calamine reads: the cells under a merge are empty), parent codes left blank
/// under the first row of their element, `Valor` before `Año`.
#[test]
fn an_opendocument_matrix_with_blank_parent_cells_imports() {
    use Ods::{Covered, Empty, Merged, Number, Text};
    let header = vec![
        Merged("Código", 2, 1),
        Merged("Descripción", 2, 1),
        Merged("Indicador", 2, 1),
        Merged("Línea base", 1, 2),
        Covered,
        Merged("Logros esperados", 1, 3),
        Covered,
        Covered,
        Merged("Unidad orgánica responsable", 2, 1),
    ];
    let sub = vec![
        Covered,
        Covered,
        Covered,
        Text("Valor"),
        Text("Año"),
        Number(2024.0),
        Number(2025.0),
        Number(2026.0),
        Covered,
    ];
    let row =
        |code: &'static str, statement: &'static str, name: &'static str, base: Ods<'static>| {
            vec![
                if code.is_empty() { Empty } else { Text(code) },
                if statement.is_empty() {
                    Empty
                } else {
                    Text(statement)
                },
                Text(name),
                base,
                Number(2022.0),
                Number(10.0),
                Text("12.5%"),
                Number(15.0),
                Text("Oficina de Planeamiento"),
            ]
        };
    let rows = vec![
        vec![Text("ANEXO B-2: MATRIZ DEL PEI")],
        vec![Text("Periodo:"), Text("2024-2026")],
        vec![],
        header,
        sub,
        row("OEI.01", "Mejorar la gestión", "Indicador A", Number(8.0)),
        row("", "", "Indicador B", Text("ND")),
        row(
            "AEI.01.01",
            "Procesos simplificados",
            "Indicador C",
            Number(5.0),
        ),
        row("", "", "Indicador D", Number(6.0)),
    ];
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("pei.ods");
    std::fs::write(&workbook, ods(&[("B-2", rows)], false)).unwrap();
    let plan = dir.path().join("pei.yaml");
    let output = import(
        &workbook,
        &plan,
        &["--id", "pei-x-2024-2026", "--kind", "pei"],
    );
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("B-2!G6: note: number written as text `12.5%` read as 12.5"),
        "{stdout}"
    );
    assert!(
        stdout.contains("B-2!D7: note: `ND` read as no data (ND)"),
        "{stdout}"
    );
    let draft = draft_of(&plan, "pei-x-2024-2026");
    let elements: Vec<(&str, usize)> = draft
        .elements()
        .map(|e| (e.code.as_str(), e.indicators.len()))
        .collect();
    assert_eq!(elements, [("OEI.01", 2), ("AEI.01.01", 2)]);
    let first = &draft.objectives[0].indicators[0];
    assert_eq!(
        first.baseline.map(|b| (b.year, b.value.number())),
        Some((Some(2022), Some(8.0)))
    );
    assert_eq!(first.targets.get(&2025), Some(&Some(12.5)));
    assert_eq!(draft.period, Some((2024, 2026)));
    // An encrypted `OpenDocument` file is named as password-protected.
    let locked = dir.path().join("locked.ods");
    std::fs::write(&locked, ods(&[("B-2", vec![])], true)).unwrap();
    let output = import(&locked, &dir.path().join("l.yaml"), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).1.contains("protected by a password"),
        "{:?}",
        text(&output)
    );
}

#[test]
fn what_cannot_be_written_is_refused_before_anything_is() {
    let dir = tempfile::tempdir().unwrap();
    // A POI has no objectives: no annexes.
    let workbook = dir.path().join("poi.xlsx");
    let output = alinea(&[
        "export",
        "plans/regional/san-martin/poi-2025-2027.yaml",
        "-o",
        workbook.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).1.contains("has no objectives"),
        "{:?}",
        text(&output)
    );
    assert!(!workbook.exists());
    // A code of `--select` that the catalogue does not have.
    let catalogue_path = dir.path().join("megl.xlsx");
    catalogue(&catalogue_path);
    let folder = dir.path().join("out");
    let output = new_pei(
        &catalogue_path,
        &folder,
        &["--lang", "es", "--id", "pei-x", "--select", "OEI.05,OEI.99"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output)
            .1
            .contains("`OEI.99` de `--select` no está en el catálogo"),
        "{:?}",
        text(&output)
    );
    assert!(!folder.exists());
    // `new pei` needs the PEI's id.
    let output = new_pei(&catalogue_path, &folder, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output).1.contains("--id"));
}

/// Words of the matrices, codes and values, loose and strict, for the generated workbooks.
const WORDS: &[&str] = &[
    "",
    "",
    "Código",
    "Denominación",
    "Nombre del indicador",
    "Línea de base",
    "Año",
    "Valor",
    "Logros esperados",
    "2025",
    "Meta 2026",
    "Unidad orgánica responsable",
    "OEI.01",
    "OEI 2",
    "OIE.03",
    "AEI.01.01",
    "AEI 2.1",
    "AEI.09.09",
    "37.50%",
    "52,5",
    "ND",
    "Ind.01 A / Ind.02 B",
    "Explicación de relación causal",
    "Objetivo estratégico regional",
    "Plan superior:",
    "pdrc-x-2030",
    "Código OP",
    "OP 3",
    "Código lineamiento",
    "L.1.3.",
    "Nombre de la Política Nacional",
    "Política Nacional de Algo",
    "Vinculación con la PGG",
    "Eje.8 / Lin. 8.3",
    "PGG:",
    "Periodo:",
    "2025 - 2027",
    "Ficha técnica del indicador",
    "Campo",
    "texto cualquiera",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Any grid of these words and numbers, in up to three sheets with merged ranges, is
    /// imported or refused with an error: never a panic. What is imported writes a plan file
    /// the loader reads without a LOAD-01.
    #[test]
    fn any_workbook_is_imported_or_refused(
        sheets in proptest::collection::vec(
            (
                proptest::collection::vec(
                    proptest::collection::vec(
                        proptest::prop_oneof![
                            (0..WORDS.len()).prop_map(|i| Err(WORDS[i])),
                            (-5.0f64..3000.0).prop_map(Ok),
                        ],
                        0..8,
                    ),
                    0..14,
                ),
                proptest::collection::vec((0u32..14, 0u16..8, 0u32..3, 0u16..3), 0..3),
            ),
            1..4,
        ),
    ) {
        let mut workbook = Workbook::new();
        for (index, (rows, merges)) in sheets.iter().enumerate() {
            let sheet = workbook.add_worksheet();
            sheet.set_name(format!("H{index}")).unwrap();
            for (r, cells) in rows.iter().enumerate() {
                for (c, cell) in cells.iter().enumerate() {
                    let (r, c) = (u32::try_from(r).unwrap(), u16::try_from(c).unwrap());
                    match cell {
                        Err(text) if !text.is_empty() => { sheet.write_string(r, c, *text).unwrap(); }
                        Ok(number) => { sheet.write_number(r, c, *number).unwrap(); }
                        Err(_) => {}
                    }
                }
            }
            for (r, c, down, across) in merges {
                if *down + u32::from(*across) > 0 {
                    // Overlapping ranges are refused by the writer: skip them.
                    let _ = sheet.merge_range(*r, *c, r + down, c + across, "OEI.01", &Format::new());
                }
            }
        }
        let bytes = workbook.save_to_buffer().unwrap();
        let options = alinea::import::HeaderOptions {
            id: Some("pei-x".to_owned()),
            ..alinea::import::HeaderOptions::default()
        };
        if let Ok(imported) = alinea::import::import(bytes, &options, &alinea::import::draft::Known::default()) {
            for lang in alinea::i18n::Lang::ALL {
                let dir = tempfile::tempdir().unwrap();
                let plan = dir.path().join("pei.yaml");
                std::fs::write(&plan, imported.draft.to_yaml(lang)).unwrap();
                let run = crate::run(&[&plan]);
                let broken: Vec<_> = run.report.findings.iter().filter(|f| f.rule == "LOAD-01").map(|f| &f.message).collect();
                proptest::prop_assert!(broken.is_empty(), "{broken:?}\n{}", imported.draft.to_yaml(lang));
                for note in &imported.notes {
                    proptest::prop_assert!(!note.message(lang).is_empty());
                }
            }
        }
    }
}
