//! Plan files written in Spanish (keys and values), and the LOAD messages in both languages:
//! a Spanish copy of `plans/` gives the same findings as the original; LOAD-01 and LOAD-02
//! speak Spanish with `lang: es` and point at the same places; "did you mean" and the help
//! name keys and values as the file spells them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use alinea::i18n::Lang;
use alinea::plan::model::{Direction, Status, Unit};
use alinea::plan::yaml::{Node, Value};
use alinea::source::{FileId, SourceFile, Span};

/// The Spanish name a planner gives each key of the format, as CEPLAN's matrices write it
/// (accents included). Keys missing here (`plan`, `id`, `pliego`, `cui`) are the same in both
/// languages.
const SPANISH_KEYS: &[(&str, &str)] = &[
    ("kind", "tipo"),
    ("title", "título"),
    ("entity", "entidad"),
    ("name", "nombre"),
    ("type", "tipo"),
    ("level", "nivel"),
    ("territory", "ubigeo"),
    ("period", "periodo"),
    ("start", "inicio"),
    ("end", "fin"),
    ("version", "versión"),
    ("status", "estado"),
    ("approval", "aprobación"),
    ("instrument", "instrumento"),
    ("date", "fecha"),
    ("technical_report", "informe_técnico"),
    ("published", "publicado"),
    ("upper", "planes_superiores"),
    ("participation", "participación"),
    ("participants", "participantes"),
    ("provenance", "procedencia"),
    ("notes", "notas"),
    ("objectives", "objetivos"),
    ("code", "código"),
    ("statement", "enunciado"),
    ("priority", "prioridad"),
    ("responsible", "responsable"),
    ("traces_to", "articulación"),
    ("indicators", "indicadores"),
    ("actions", "acciones"),
    ("ref", "referencia"),
    ("why", "explicación_causal"),
    ("unit", "unidad_de_medida"),
    ("direction", "sentido_esperado"),
    ("baseline", "línea_base"),
    ("targets", "logros_esperados"),
    ("source", "fuente"),
    ("method", "método_de_cálculo"),
    ("year", "año"),
    ("value", "valor"),
    ("budget_ceiling", "techo_presupuestal"),
    ("activities", "actividades_operativas"),
    ("action", "acción"),
    ("cost_center", "centro_de_costo"),
    ("physical", "metas_físicas"),
    ("budget", "presupuesto"),
    ("investments", "inversiones"),
    ("gaps", "brechas"),
    ("indicator", "indicador"),
    ("contribution", "contribución"),
    ("waivers", "excepciones"),
    ("rule", "regla"),
    ("at", "en"),
    ("reason", "motivo"),
    ("until", "hasta"),
];

/// The Spanish value a planner writes, by the mapping the key is in, the key and the English
/// value; written in the mixed case of CEPLAN's fichas, to show that case does not matter.
/// (`municipality` depends on the entity's level and is handled apart.)
const SPANISH_VALUES: &[(&str, &str, &str, &str)] = &[
    ("plan", "kind", "pedn", "PEDN"),
    ("plan", "kind", "pgg", "PGG"),
    ("plan", "kind", "pn", "PN"),
    ("plan", "kind", "pesem", "PESEM"),
    ("plan", "kind", "pdrc", "PDRC"),
    ("plan", "kind", "pdlc", "PDLC"),
    ("plan", "kind", "pei", "PEI"),
    ("plan", "kind", "poi", "POI"),
    ("plan", "version", "new", "Nuevo"),
    ("plan", "version", "updated", "Actualizado"),
    ("plan", "version", "extended", "Ampliado"),
    ("plan", "status", "draft", "borrador"),
    ("plan", "status", "approved", "Aprobado"),
    ("entity", "type", "ministry", "Ministerio"),
    (
        "entity",
        "type",
        "oca",
        "Organismo Constitucionalmente Autónomo",
    ),
    ("entity", "type", "regional-government", "Gobierno Regional"),
    ("entity", "type", "university", "Universidad"),
    ("entity", "type", "other", "otro"),
    ("entity", "level", "national", "Nacional"),
    ("entity", "level", "regional", "Regional"),
    ("entity", "level", "provincial", "Provincial"),
    ("entity", "level", "district", "Distrital"),
    ("indicators", "unit", "count", "Cantidad"),
    ("indicators", "unit", "number", "Número"),
    ("indicators", "unit", "percent", "Porcentaje"),
    ("indicators", "unit", "ratio", "Razón"),
    ("indicators", "unit", "rate", "Tasa"),
    ("indicators", "unit", "index", "Indice"),
    ("indicators", "unit", "rate-of-change", "Tasa de variación"),
    ("indicators", "direction", "ascending", "Ascendente"),
    ("indicators", "direction", "descending", "Descendente"),
    ("indicators", "direction", "undefined", "No definido"),
    ("investments", "type", "PI", "Proyecto de inversión"),
    ("investments", "type", "IOARR", "ioarr"),
    ("investments", "type", "IRI", "iri"),
    ("gaps", "type", "quality", "Calidad"),
    ("gaps", "type", "coverage", "Cobertura"),
    ("*", "provenance", "verified", "verificada"),
    ("*", "provenance", "secondary", "Secundaria"),
    ("*", "provenance", "synthetic", "sintética"),
    ("*", "provenance", "mixed", "mixta"),
];

/// The edits that turn one plan file into Spanish: (byte range, new text).
fn spanish_edits(text: &str) -> Vec<(Span, String)> {
    let file = SourceFile::new(PathBuf::from("plan.yaml"), text.to_owned());
    let document = alinea::plan::yaml::parse(FileId::from_index(0), &file, Lang::En).unwrap();
    let mut edits = Vec::new();
    // (node, the key of the mapping or list the node is under)
    let mut stack: Vec<(&Node, &str)> = document.root.iter().map(|root| (root, "")).collect();
    while let Some((node, under)) = stack.pop() {
        match &node.value {
            Value::Map(entries) => {
                let level = entries
                    .iter()
                    .find(|entry| entry.key.value == "level")
                    .and_then(|entry| scalar(&entry.value));
                for entry in entries {
                    let key = entry.key.value.as_str();
                    if let Some((_, spanish)) = SPANISH_KEYS.iter().find(|(k, _)| *k == key) {
                        edits.push((entry.key.span, (*spanish).to_owned()));
                    }
                    if let Some(value) = scalar(&entry.value) {
                        let spanish =
                            if under == "entity" && key == "type" && value == "municipality" {
                                Some(if level == Some("district") {
                                    "Municipalidad Distrital"
                                } else {
                                    "Municipalidad Provincial"
                                })
                            } else {
                                SPANISH_VALUES
                                    .iter()
                                    .find(|(mapping, k, english, _)| {
                                        (*mapping == under || *mapping == "*")
                                            && *k == key
                                            && *english == value
                                    })
                                    .map(|(_, _, _, spanish)| *spanish)
                            };
                        if let Some(spanish) = spanish {
                            edits.push((entry.value.span, spanish.to_owned()));
                        }
                    }
                    stack.push((&entry.value, key));
                }
            }
            Value::Seq(items) => stack.extend(items.iter().map(|item| (item, under))),
            Value::Scalar(_) => {}
        }
    }
    edits
}

fn scalar(node: &Node) -> Option<&str> {
    match &node.value {
        Value::Scalar(scalar) if scalar.plain => Some(scalar.text.as_str()),
        _ => None,
    }
}

/// Applies edits (which never span a line break, so lines stay where they are).
fn apply(text: &str, mut edits: Vec<(Span, String)>) -> String {
    edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut text = text.to_owned();
    for (span, new) in edits {
        let range = span.start as usize..span.end as usize;
        assert!(!text[range.clone()].contains('\n'), "an edit spans lines");
        text.replace_range(range, &new);
    }
    text
}

/// Copies `plans/` into `to`, every plan file rewritten in Spanish; returns how many keys
/// and values were rewritten.
fn spanish_copy(to: &Path) -> usize {
    let mut edited = 0;
    for entry in walkdir::WalkDir::new("plans") {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix("plans").unwrap();
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let is_plan = entry.path().extension().is_some_and(|e| e == "yaml")
            && entry.file_name() != "alinea.yaml";
        let text = if is_plan {
            let edits = spanish_edits(&text);
            edited += edits.len();
            apply(&text, edits)
        } else {
            text
        };
        std::fs::write(&target, text).unwrap();
    }
    edited
}

fn check(paths: &[&Path], lang: Lang, rules: bool) -> alinea::Run {
    let options = alinea::CheckOptions {
        paths: paths.iter().map(|p| p.to_path_buf()).collect(),
        no_default_rules: !rules,
        as_of: alinea::plan::model::Date::parse("2026-01-01"),
        lang,
        ..alinea::CheckOptions::default()
    };
    alinea::check(&options).unwrap()
}

/// (file relative to `root`, line, rule, plan, element, path) of every finding, sorted.
fn findings(
    run: &alinea::Run,
    root: &Path,
) -> Vec<(String, usize, String, String, String, String)> {
    let root = std::path::absolute(root).unwrap();
    let mut found: Vec<_> = run
        .report
        .findings
        .iter()
        .map(|f| {
            let file = std::path::absolute(run.sources.file(f.span.file).path()).unwrap();
            (
                file.strip_prefix(&root).unwrap().display().to_string(),
                run.sources.start(f.span).line,
                f.rule.clone(),
                f.plan.clone(),
                f.element.clone(),
                f.path.clone(),
            )
        })
        .collect();
    found.sort();
    found
}

/// What each plan's enum values were read as, by plan id.
fn values(run: &alinea::Run) -> BTreeMap<String, String> {
    run.graph
        .plans
        .iter()
        .map(|plan| {
            let indicators: Vec<_> = plan
                .elements()
                .flat_map(|element| &element.indicators)
                .map(|i| {
                    (
                        i.unit.as_ref().map(|u| u.value),
                        i.direction.as_ref().map(|d| d.value),
                    )
                })
                .collect();
            let investments: Vec<_> = plan
                .investments
                .iter()
                .map(|i| {
                    let gaps: Vec<_> = i
                        .gaps
                        .iter()
                        .map(|g| g.gap_type.as_ref().map(|t| t.value))
                        .collect();
                    (i.investment_type.as_ref().map(|t| t.value), gaps)
                })
                .collect();
            let read = format!(
                "{:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                plan.kind.value,
                plan.version.as_ref().map(|v| v.value),
                plan.status.as_ref().map(|s| s.value),
                plan.entity.entity_type.as_ref().map(|t| t.value),
                plan.entity.level.as_ref().map(|l| l.value),
                indicators,
                investments,
            );
            (plan.id.value.to_string(), read)
        })
        .collect()
}

#[test]
fn a_spanish_copy_of_the_sample_plans_gives_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("plans");
    let edited = spanish_copy(&copy);
    let english = check(&[Path::new("plans")], Lang::En, true);
    let spanish = check(&[&copy], Lang::En, true);
    assert!(edited > 500, "only {edited} keys and values were rewritten");
    assert!(
        !english.report.findings.is_empty(),
        "the sample plans have findings to compare"
    );
    assert_eq!(
        findings(&spanish, &copy),
        findings(&english, Path::new("plans"))
    );
    assert_eq!(values(&spanish), values(&english));
    // The copy really is in Spanish: no English key of the format is left in a plan file.
    let text =
        std::fs::read_to_string(copy.join("regional/san-martin/pei-2024-2028.yaml")).unwrap();
    for english_key in [
        "kind:",
        "statement:",
        "traces_to:",
        "unit:",
        "direction:",
        "baseline:",
    ] {
        assert!(
            !text.contains(english_key),
            "{english_key} is left in the copy"
        );
    }
    assert!(text.contains("sentido_esperado: Ascendente"), "{text}");
}

/// The LOAD findings of `dir` in English and in Spanish, in the same order.
fn both_languages(dir: &Path) -> Vec<(alinea::report::Finding, alinea::report::Finding)> {
    let load = |lang| {
        let run = check(&[dir], lang, false);
        let mut load: Vec<_> = run
            .report
            .findings
            .into_iter()
            .filter(|f| f.rule.starts_with("LOAD"))
            .collect();
        load.sort_by_key(|f| (f.span, f.rule.clone()));
        load
    };
    let (english, spanish) = (load(Lang::En), load(Lang::Es));
    assert_eq!(english.len(), spanish.len(), "{}", dir.display());
    english.into_iter().zip(spanish).collect()
}

#[track_caller]
fn same_places_other_words(dir: &str) -> Vec<(alinea::report::Finding, alinea::report::Finding)> {
    let dir = Path::new("tests/fixtures/checks").join(dir);
    let pairs = both_languages(&dir);
    assert!(!pairs.is_empty(), "{} has LOAD findings", dir.display());
    for (english, spanish) in &pairs {
        assert_eq!(
            (
                english.span,
                &english.rule,
                &english.plan,
                &english.element,
                &english.path
            ),
            (
                spanish.span,
                &spanish.rule,
                &spanish.plan,
                &spanish.element,
                &spanish.path
            ),
        );
        assert_ne!(english.message, spanish.message);
        assert_ne!(english.label, spanish.label, "{}", english.message);
        assert_eq!(
            english.help.is_some(),
            spanish.help.is_some(),
            "{}",
            english.message
        );
        if english.help.is_some() {
            assert_ne!(english.help, spanish.help, "{}", english.message);
        }
        assert_eq!(english.related.len(), spanish.related.len());
        for (e, s) in english.related.iter().zip(&spanish.related) {
            assert_eq!(e.span, s.span);
            assert_ne!(e.message, s.message);
        }
    }
    pairs
}

#[test]
fn schema_errors_are_in_spanish_at_the_same_places() {
    let pairs = same_places_other_words("LOAD-02");
    let spanish = |english: &str| {
        let (_, s) = pairs
            .iter()
            .find(|(e, _)| e.message == english)
            .unwrap_or_else(|| panic!("no finding `{english}`"));
        (s.message.as_str(), s.label.as_str(), s.help.as_deref())
    };
    assert_eq!(
        spanish("unknown key `indicatrs` in an objective"),
        (
            "clave desconocida `indicatrs` en un objetivo",
            "clave desconocida",
            Some("¿quiso decir `indicators`?")
        )
    );
    assert_eq!(
        spanish("missing required key `code` in an objective").0,
        "falta la clave obligatoria `code` en un objetivo"
    );
    assert_eq!(
        spanish("`period` must be a mapping, found a number").0,
        "`period` debe ser un mapeo; se encontró un número"
    );
}

#[test]
fn syntax_errors_are_in_spanish_at_the_same_places() {
    let pairs = same_places_other_words("LOAD-01");
    let tab = pairs
        .iter()
        .find(|(e, _)| e.message == "tab character used for indentation")
        .map(|(_, s)| s)
        .unwrap();
    assert_eq!(tab.message, "tabulación usada para la sangría");
    assert_eq!(tab.label, "esta tabulación");
}

#[test]
fn the_configuration_file_speaks_the_language_of_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alinea.yaml");
    for (text, english) in [
        (
            "ignore:\n\t- ART-08\n",
            "tab character used for indentation",
        ),
        (
            "fail_onn: error\n",
            "unknown key `fail_onn` in the configuration",
        ),
    ] {
        std::fs::write(&path, text).unwrap();
        let english_error = alinea::config::load(&path, Lang::En).unwrap_err();
        let spanish_error = alinea::config::load(&path, Lang::Es).unwrap_err();
        let [e] = english_error.diagnostics.as_slice() else {
            panic!("{:#?}", english_error.diagnostics)
        };
        let [s] = spanish_error.diagnostics.as_slice() else {
            panic!("{:#?}", spanish_error.diagnostics)
        };
        assert_eq!(e.message, english);
        assert_eq!(e.span, s.span);
        assert_ne!(e.message, s.message);
        assert_ne!(e.label, s.label);
    }
    let missing = dir.path().join("missing").join("alinea.yaml");
    let error = alinea::config::load(&missing, Lang::Es).unwrap_err();
    assert!(
        error
            .message
            .unwrap()
            .starts_with("no se puede leer el archivo de configuración"),
    );
}

/// A plan whose keys are Spanish, with `{objective}` as its first objective's extra lines.
fn spanish_plan(objective: &str) -> String {
    format!(
        "plan:\n  id: pei-md-prueba-2025-2027\n  tipo: PEI\n  título: Plan Estratégico Institucional\n  \
         entidad: {{nombre: Municipalidad Distrital de Prueba, tipo: municipalidad distrital, nivel: distrital, ubigeo: \"220105\"}}\n  \
         periodo: {{inicio: 2025, fin: 2027}}\n  estado: aprobado\nobjetivos:\n  - código: OEI.01\n    \
         enunciado: Mejorar el acceso a agua potable\n{objective}"
    )
}

fn run_text(text: &str, lang: Lang, rules: bool) -> alinea::Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pei.yaml"), text).unwrap();
    check(&[dir.path()], lang, rules)
}

#[test]
fn a_misspelt_spanish_key_gets_a_spanish_suggestion() {
    let text = spanish_plan("    articulasion: [pedn-2050/ON1]\n");
    for (lang, help) in [
        (Lang::Es, "¿quiso decir `articulacion`?"),
        (Lang::En, "did you mean `articulacion`?"),
    ] {
        let run = run_text(&text, lang, true);
        let unknown: Vec<_> = run
            .report
            .findings
            .iter()
            .filter(|f| f.rule == "LOAD-02")
            .collect();
        let [finding] = unknown.as_slice() else {
            panic!("{unknown:#?}")
        };
        assert_eq!(finding.help.as_deref(), Some(help));
        assert_eq!(run.sources.slice(finding.span), "articulasion");
        // The misspelt articulation is reported once, as LOAD-02: the rules that read the
        // articulation stay silent on the objective.
        let others: Vec<_> = run
            .report
            .findings
            .iter()
            .filter(|f| f.element == "OEI.01" && f.rule.starts_with("ART"))
            .map(|f| f.rule.as_str())
            .collect();
        assert_eq!(others, Vec::<&str>::new());
    }
}

#[test]
fn help_names_keys_and_values_as_the_file_spells_them() {
    let text = spanish_plan(
        "    indicadores:\n      - nombre: Porcentaje de viviendas con agua potable\n        \
         sentido: subiendo\n  - enunciado: un objetivo sin código\n",
    );
    let run = run_text(&text, Lang::Es, false);
    let message = |start: &str| {
        run.report
            .findings
            .iter()
            .find(|f| f.message.starts_with(start))
            .unwrap_or_else(|| panic!("no `{start}`: {:#?}", run.report.findings))
    };
    let direction = message("valor desconocido de `sentido`");
    assert_eq!(
        direction.help.as_deref(),
        Some("los valores admitidos son `ascendente`, `descendente`, `no definido`")
    );
    assert_eq!(
        message("falta la clave obligatoria").message,
        "falta la clave obligatoria `codigo` en un objetivo"
    );
    // The same file, checked in English: English sentences, Spanish keys and values.
    let run = run_text(&text, Lang::En, false);
    assert!(
        run.report
            .findings
            .iter()
            .any(|f| f.message == "missing required key `codigo` in an objective"),
        "{:#?}",
        run.report.findings
    );
}

#[test]
fn spanish_values_load_exactly_as_their_english_twins() {
    let text = spanish_plan(
        "    indicadores:\n      - nombre: Porcentaje de viviendas con agua potable\n        \
         unidad: Porcentaje\n        sentido: Ascendente\n",
    );
    let run = run_text(&text, Lang::Es, false);
    let load: Vec<_> = run
        .report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("LOAD"))
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(load, Vec::<&str>::new());
    let [plan] = run.graph.plans.as_slice() else {
        panic!("one plan")
    };
    assert_eq!(plan.status.as_ref().unwrap().value, Status::Approved);
    assert_eq!(plan.kind.value, alinea::plan::PlanKind::Pei);
    assert_eq!(
        plan.entity.entity_type.as_ref().unwrap().value,
        alinea::plan::model::EntityType::Municipality
    );
    let indicator = &plan.objectives[0].indicators[0];
    assert_eq!(indicator.unit.as_ref().unwrap().value, Unit::Percent);
    assert_eq!(
        indicator.direction.as_ref().unwrap().value,
        Direction::Ascending
    );
}
