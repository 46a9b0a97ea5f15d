//! Properties over generated plan repositories: a PEDN, a PDRC tracing to it, PEIs tracing
//! to the PDRC (some references broken), indicators with baselines and targets, now and then
//! a file that is not YAML. Each case writes the repository to a temporary folder and checks
//! it: the output does not depend on `--jobs` or on the run; a baseline written and read back
//! accepts exactly the current findings; moving objectives and inserting blank lines keep
//! every fingerprint; waivers never hide a LOAD finding; every machine format and the human
//! report carry the same findings; a Spanish run has the English run's ids and fingerprints.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use alinea::render::{Format, Style};
use proptest::prelude::*;

/// Cases per property: each case runs one or more checks.
const CASES: u32 = 16;

/// The date waivers are checked against (fixed, so runs agree).
const AS_OF: &str = "2025-06-30";

#[derive(Clone, Debug)]
enum Trace {
    /// To the PDRC's objective with this index.
    Objective(usize),
    /// To a code the PDRC does not have.
    MissingCode,
    /// To a plan that does not exist.
    MissingPlan,
    /// No trace.
    Nothing,
}

#[derive(Clone, Debug)]
struct Indicator {
    baseline_year: i32,
    baseline_value: Option<u32>,
    targets: Vec<u32>,
    ascending: bool,
}

#[derive(Clone, Debug)]
struct Objective {
    trace: Trace,
    responsible: bool,
    indicator: Option<Indicator>,
    action: bool,
}

#[derive(Clone, Debug)]
struct Pei {
    objectives: Vec<Objective>,
    upper: bool,
    /// A misspelt header key (a LOAD-02 finding in a plan that still loads).
    typo: bool,
}

#[derive(Clone, Debug)]
struct Repo {
    pdrc_objectives: usize,
    peis: Vec<Pei>,
    /// A file that is not well-formed YAML (a LOAD-01 finding).
    malformed: bool,
}

fn trace() -> impl Strategy<Value = Trace> {
    prop_oneof![
        6 => (0usize..4).prop_map(Trace::Objective),
        1 => Just(Trace::MissingCode),
        1 => Just(Trace::MissingPlan),
        1 => Just(Trace::Nothing),
    ]
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        2015i32..2026,
        proptest::option::weighted(0.8, 0u32..100),
        proptest::collection::vec(0u32..100, 0..4),
        any::<bool>(),
    )
        .prop_map(
            |(baseline_year, baseline_value, targets, ascending)| Indicator {
                baseline_year,
                baseline_value,
                targets,
                ascending,
            },
        )
}

fn objective() -> impl Strategy<Value = Objective> {
    (
        trace(),
        any::<bool>(),
        proptest::option::weighted(0.8, indicator()),
        any::<bool>(),
    )
        .prop_map(|(trace, responsible, indicator, action)| Objective {
            trace,
            responsible,
            indicator,
            action,
        })
}

fn pei() -> impl Strategy<Value = Pei> {
    (
        proptest::collection::vec(objective(), 1..5),
        proptest::bool::weighted(0.8),
        proptest::bool::weighted(0.2),
    )
        .prop_map(|(objectives, upper, typo)| Pei {
            objectives,
            upper,
            typo,
        })
}

fn repo() -> impl Strategy<Value = Repo> {
    (
        1usize..4,
        proptest::collection::vec(pei(), 1..4),
        proptest::bool::weighted(0.25),
    )
        .prop_map(|(pdrc_objectives, peis, malformed)| Repo {
            pdrc_objectives,
            peis,
            malformed,
        })
}

/// The hostile corpus's PEDN, approved, with a second objective.
fn pedn() -> String {
    crate::hostile::GOOD_PEDN.replace(
        "objectives:\n",
        "  status: approved\n  approval: {instrument: Decreto Supremo N° 095-2022-PCM, date: 2022-07-28}\nobjectives:\n",
    ) + "  - {code: ON2, statement: Gestionar el territorio de manera sostenible}\n"
}

fn pdrc(objectives: usize) -> String {
    let mut text = String::from(
        "plan:
  id: pdrc-ejemplo-2030
  kind: pdrc
  title: PDRC de Ejemplo al 2030
  entity: {name: Gobierno Regional de Ejemplo, type: regional-government, level: regional, territory: \"99\"}
  period: {start: 2022, end: 2030}
  status: approved
  approval: {instrument: Ordenanza Regional N° 001-2021-GRE/CR, date: 2021-11-19}
  upper: [pedn-2050]
objectives:
",
    );
    for index in 1..=objectives {
        writeln!(
            text,
            "  - code: OET.{index}\n    statement: Objetivo territorial {index}\n    traces_to: [pedn-2050/ON{}]\n    actions:\n      - {{code: AET.{index}.1, statement: Acción territorial {index}}}",
            1 + index % 2
        )
        .unwrap();
    }
    text
}

/// One objective of a PEI, as a block of lines (so that objectives can be moved whole).
fn objective_text(number: usize, objective: &Objective, pdrc_objectives: usize) -> String {
    let code = format!("OEI.{number:02}");
    let mut text = format!("  - code: {code}\n    statement: Objetivo institucional {number}\n");
    if objective.responsible {
        text.push_str("    responsible: Gerencia Regional de Planeamiento\n");
    }
    match objective.trace {
        Trace::Objective(index) => writeln!(
            text,
            "    traces_to:\n      - ref: pdrc-ejemplo-2030/OET.{}\n        why: Contribuye al objetivo territorial.",
            1 + index % pdrc_objectives
        )
        .unwrap(),
        Trace::MissingCode => text.push_str("    traces_to: [pdrc-ejemplo-2030/OET.9]\n"),
        Trace::MissingPlan => text.push_str("    traces_to: [pdrc-otro-2030/OET.1]\n"),
        Trace::Nothing => {}
    }
    if let Some(indicator) = &objective.indicator {
        let value = indicator
            .baseline_value
            .map_or_else(|| "null".to_owned(), |v| v.to_string());
        let targets: Vec<String> = indicator
            .targets
            .iter()
            .enumerate()
            .map(|(i, t)| format!("{}: {t}", 2025 + i))
            .collect();
        write!(
            text,
            "    indicators:\n      - code: IND.{code}\n        name: Indicador del objetivo {number}\n        unit: percent\n        direction: {}\n        baseline: {{year: {}, value: {value}}}\n        targets: {{{}}}\n",
            if indicator.ascending { "ascending" } else { "descending" },
            indicator.baseline_year,
            targets.join(", ")
        )
        .unwrap();
    }
    if objective.action {
        write!(
            text,
            "    actions:\n      - code: AEI.{number:02}.01\n        statement: Acción institucional {number}\n        traces_to: [pdrc-ejemplo-2030/AET.1.1]\n"
        )
        .unwrap();
    }
    text
}

/// The PEI's header and its objectives' blocks, in order.
fn pei_parts(index: usize, pei: &Pei, pdrc_objectives: usize) -> (String, Vec<String>) {
    let mut header = format!(
        "plan:\n  id: pei-{index}\n  kind: pei\n  {}: PEI {index}\n  entity: {{name: Entidad {index}, type: regional-government, level: regional, territory: \"99\"}}\n  period: {{start: 2025, end: 2027}}\n",
        if pei.typo { "titel" } else { "title" }
    );
    if pei.upper {
        header.push_str("  upper: [pdrc-ejemplo-2030]\n");
    }
    header.push_str("objectives:\n");
    let objectives = pei
        .objectives
        .iter()
        .enumerate()
        .map(|(number, objective)| objective_text(number + 1, objective, pdrc_objectives))
        .collect();
    (header, objectives)
}

/// The repository's files: relative path and text.
fn files(repo: &Repo) -> Vec<(String, String)> {
    let mut files = vec![
        ("national/pedn-2050.yaml".to_owned(), pedn()),
        (
            "regional/pdrc-2030.yaml".to_owned(),
            pdrc(repo.pdrc_objectives),
        ),
    ];
    for (index, pei) in repo.peis.iter().enumerate() {
        let (header, objectives) = pei_parts(index, pei, repo.pdrc_objectives);
        files.push((
            format!("regional/pei-{index}.yaml"),
            header + &objectives.concat(),
        ));
    }
    if repo.malformed {
        files.push((
            "regional/broken.yaml".to_owned(),
            "plan:\n  id: broken\n  kind: pei\n   title: bad\n".to_owned(),
        ));
    }
    files
}

fn write_files(root: &Path, files: &[(String, String)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn options(root: &Path, lang: alinea::i18n::Lang) -> alinea::CheckOptions {
    alinea::CheckOptions {
        paths: vec![root.to_path_buf()],
        as_of: alinea::plan::model::Date::parse(AS_OF),
        lang,
        ..alinea::CheckOptions::default()
    }
}

fn check(root: &Path) -> alinea::Run {
    alinea::check(&options(root, alinea::i18n::Lang::En)).unwrap()
}

/// Fingerprints of the findings, counted.
fn fingerprints(run: &alinea::Run) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for finding in &run.report.findings {
        *counts.entry(finding.fingerprint(&run.sources)).or_default() += 1;
    }
    counts
}

/// `(rule, file, line)` of every finding, sorted.
fn located(run: &alinea::Run) -> Vec<(String, String, usize)> {
    let mut found: Vec<_> = run
        .report
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                run.sources.file(f.span.file).display_name().to_owned(),
                run.sources.start(f.span).line,
            )
        })
        .collect();
    found.sort();
    found
}

fn rendered(run: &alinea::Run, format: Format) -> String {
    let style = Style {
        color: false,
        quiet: false,
        file_order: true,
        width: 400,
    };
    let mut out = Vec::new();
    alinea::render::render(format, run, style, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The alinea binary's output for `args` in `dir`.
fn cli(dir: &Path, args: &[&str]) -> Vec<u8> {
    let output = std::process::Command::new(crate::binary())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn the_output_is_the_same_with_any_number_of_jobs_and_on_every_run(repo in repo()) {
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), &files(&repo));
        let args = |jobs: &'static str| -> Vec<&'static str> {
            vec!["check", ".", "--format", "json", "--as-of", AS_OF, "--jobs", jobs]
        };
        let one = cli(dir.path(), &args("1"));
        let two = cli(dir.path(), &args("2"));
        let again = cli(dir.path(), &args("2"));
        prop_assert!(!one.is_empty());
        prop_assert_eq!(&one, &two);
        prop_assert_eq!(&two, &again);
    }

    #[test]
    fn a_baseline_written_and_read_back_accepts_exactly_the_current_findings(repo in repo()) {
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), &files(&repo));
        let before = check(dir.path());
        let (text, written, left_out) =
            alinea::baseline::write(&before.report.findings, &before.sources);
        let loads = before.report.findings.iter().filter(|f| f.rule.starts_with("LOAD-")).count();
        prop_assert_eq!(written + left_out, before.report.findings.len());
        prop_assert_eq!(left_out, loads);
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, text).unwrap();
        let mut with_baseline = options(dir.path(), alinea::i18n::Lang::En);
        with_baseline.baseline = alinea::BaselineChoice::File(path);
        let after = alinea::check(&with_baseline).unwrap();
        // What is left is the LOAD findings, which no baseline accepts; nothing is fixed.
        let kept: Vec<_> = before
            .report
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("LOAD-"))
            .map(|f| f.fingerprint(&before.sources))
            .collect();
        let left: Vec<_> = after.report.findings.iter().map(|f| f.fingerprint(&after.sources)).collect();
        prop_assert_eq!(left, kept);
        prop_assert!(after.report.fixed.is_empty());
        prop_assert_eq!(
            after.report.waived.len(),
            before.report.waived.len() + written
        );
    }

    #[test]
    fn moving_objectives_and_inserting_blank_lines_keeps_every_fingerprint(
        repo in repo(),
        rotations in proptest::collection::vec(0usize..5, 3),
        blanks in proptest::collection::vec((0usize..200, 1usize..4), 0..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), &files(&repo));
        let before = check(dir.path());
        // The same plans, in the same place (a file that cannot be read is named by its
        // path), with each PEI's objectives rotated and blank lines inserted.
        let mut changed = files(&repo);
        for (index, pei) in repo.peis.iter().enumerate() {
            let (header, mut objectives) = pei_parts(index, pei, repo.pdrc_objectives);
            let by = rotations.get(index).copied().unwrap_or(0) % objectives.len();
            objectives.rotate_left(by);
            changed[2 + index].1 = header + &objectives.concat();
        }
        for (at, count) in &blanks {
            let count_of_files = changed.len();
            let file = &mut changed[at % count_of_files].1;
            let lines: Vec<&str> = file.lines().collect();
            let at = at % (lines.len() + 1);
            let mut with_blanks = lines[..at].join("\n");
            with_blanks.push_str(&"\n".repeat(*count + usize::from(at > 0)));
            with_blanks.push_str(&lines[at..].join("\n"));
            with_blanks.push('\n');
            *file = with_blanks;
        }
        write_files(dir.path(), &changed);
        let after = check(dir.path());
        prop_assert_eq!(fingerprints(&before), fingerprints(&after));
    }

    #[test]
    fn waivers_never_hide_a_load_finding(repo in repo(), in_plan in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let mut files = files(&repo);
        let without = {
            write_files(dir.path(), &files);
            check(dir.path())
        };
        // Waive every LOAD check, by id and by slug, in the first PEI and in alinea.yaml.
        let mut waivers = String::new();
        for rule in ["LOAD-01", "LOAD-02", "LOAD-03", "unreadable-file"] {
            writeln!(
                waivers,
                "  - {{rule: {rule}, plan: pei-0, reason: Pendiente, until: 2030-12-31}}"
            )
            .unwrap();
        }
        if in_plan {
            files[2].1.push_str(&format!("waivers:\n{}", waivers.replace(" plan: pei-0,", "")));
        }
        let waived = tempfile::tempdir().unwrap();
        write_files(waived.path(), &files);
        std::fs::write(waived.path().join("alinea.yaml"), format!("waivers:\n{waivers}")).unwrap();
        let mut options = options(waived.path(), alinea::i18n::Lang::En);
        options.config = Some(
            alinea::config::load(&waived.path().join("alinea.yaml"), alinea::i18n::Lang::En)
                .unwrap(),
        );
        let with = alinea::check(&options).unwrap();
        let loads = |run: &alinea::Run| -> Vec<String> {
            located(run)
                .into_iter()
                .filter(|(rule, ..)| rule.starts_with("LOAD-"))
                .map(|(rule, file, line)| format!("{rule} {file}:{line}"))
                .collect()
        };
        let strip = |found: Vec<String>, root: &Path| -> Vec<String> {
            let root = alinea::source::display_path(root);
            found.into_iter().map(|f| f.replace(&root, "")).collect()
        };
        prop_assert_eq!(strip(loads(&without), dir.path()), strip(loads(&with), waived.path()));
        prop_assert!(with.report.waived.iter().all(|f| !f.rule.starts_with("LOAD-")));
        // Each LOAD waiver is itself reported (WAI-03).
        let wai03 = with.report.findings.iter().filter(|f| f.rule == "WAI-03").count();
        prop_assert!(wai03 >= 4, "{}", wai03);
    }

    #[test]
    fn every_format_carries_the_same_findings(repo in repo()) {
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), &files(&repo));
        let run = check(dir.path());
        let expected = located(&run);
        let sort = |mut found: Vec<(String, String, usize)>| { found.sort(); found };

        let json: serde_json::Value = serde_json::from_str(&rendered(&run, Format::Json)).unwrap();
        let from_json = sort(json["findings"].as_array().unwrap().iter().map(|f| (
            f["rule"].as_str().unwrap().to_owned(),
            f["file"].as_str().unwrap().to_owned(),
            usize::try_from(f["line"].as_u64().unwrap()).unwrap(),
        )).collect());
        prop_assert_eq!(&from_json, &expected);

        let sarif: serde_json::Value = serde_json::from_str(&rendered(&run, Format::Sarif)).unwrap();
        let from_sarif = sort(sarif["runs"][0]["results"].as_array().unwrap().iter().map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                location["artifactLocation"]["uri"].as_str().unwrap().trim_start_matches("file://").to_owned(),
                usize::try_from(location["region"]["startLine"].as_u64().unwrap()).unwrap(),
            )
        }).collect());
        prop_assert_eq!(&from_sarif, &expected);

        let junit = rendered(&run, Format::Junit);
        let from_junit = sort(junit.lines().filter(|l| l.trim_start().starts_with("<testcase ")).zip(
            junit.lines().filter(|l| l.trim_start().starts_with("<failure "))
        ).map(|(case, failure)| (
            attribute(failure, "type"),
            attribute(case, "file"),
            attribute(case, "line").parse().unwrap(),
        )).collect());
        prop_assert_eq!(&from_junit, &expected);

        let github = rendered(&run, Format::Github);
        let from_github = sort(github.lines().map(|line| {
            let properties = line.split_once(' ').unwrap().1.split_once("::").unwrap().0;
            let property = |name: &str| properties.split(',').find_map(|p| p.strip_prefix(name)).unwrap().to_owned();
            (
                property("title=").split_once(' ').unwrap().0.to_owned(),
                property("file="),
                property("line=").parse().unwrap(),
            )
        }).collect());
        prop_assert_eq!(&from_github, &expected);

        // The human report: a heading `severity[RULE]` per finding, then its snippet's
        // `╭─[file:line:column]` (a file that could not be read has no text to show).
        let human = rendered(&run, Format::Human);
        let mut from_human = Vec::new();
        let mut lines = human.lines().peekable();
        while let Some(line) = lines.next() {
            let Some((_, rest)) = line.split_once('[') else { continue };
            if !["error[", "warning[", "info["].iter().any(|s| line.starts_with(s)) {
                continue;
            }
            let rule = rest.split_once(']').unwrap().0.to_owned();
            let mut place = None;
            while let Some(next) = lines.peek() {
                if ["error[", "warning[", "info["].iter().any(|s| next.starts_with(s)) {
                    break;
                }
                let next = lines.next().unwrap();
                if place.is_none() && let Some((_, at)) = next.split_once("╭─[") {
                    let mut parts = at.trim_end_matches(']').rsplitn(3, ':');
                    let (_, line, file) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
                    place = Some((file.to_owned(), line.parse::<usize>().unwrap()));
                }
            }
            from_human.push((rule, place));
        }
        let human_rules = sort(from_human.iter().map(|(rule, place)| {
            let (file, line) = place.clone().unwrap_or_default();
            (rule.clone(), file, line)
        }).collect());
        let expected_human = sort(expected.iter().map(|(rule, file, line)| {
            let shown = from_human.iter().any(|(r, p)| r == rule && p.as_ref().is_some_and(|(f, _)| f == file));
            if shown { (rule.clone(), file.clone(), *line) } else { (rule.clone(), String::new(), 0) }
        }).collect());
        prop_assert_eq!(human_rules, expected_human);
    }

    #[test]
    fn a_spanish_run_has_the_english_run_s_ids_and_fingerprints(repo in repo()) {
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), &files(&repo));
        let english = check(dir.path());
        let spanish = alinea::check(&options(dir.path(), alinea::i18n::Lang::Es)).unwrap();
        prop_assert_eq!(located(&english), located(&spanish));
        prop_assert_eq!(fingerprints(&english), fingerprints(&spanish));
        let json = |run: &alinea::Run| -> Vec<(String, String)> {
            let value: serde_json::Value = serde_json::from_str(&rendered(run, Format::Json)).unwrap();
            value["findings"].as_array().unwrap().iter().map(|f| (
                f["rule"].as_str().unwrap().to_owned(),
                f["fingerprint"].as_str().unwrap().to_owned(),
            )).collect()
        };
        prop_assert_eq!(json(&english), json(&spanish));
        // The texts themselves are translated (unless there is nothing to say).
        let messages = |run: &alinea::Run| -> Vec<String> {
            run.report.findings.iter().map(|f| f.message.clone()).collect()
        };
        if !english.report.findings.is_empty() {
            prop_assert_ne!(messages(&english), messages(&spanish));
        }
    }
}

/// The value of an XML attribute on a line (unescaped enough for ids, paths and numbers).
fn attribute(line: &str, name: &str) -> String {
    let start = format!(" {name}=\"");
    let rest = line.split_once(&start).unwrap().1;
    rest.split_once('"').unwrap().0.to_owned()
}

// ---- differential: the default pack against a plain reading of a few rules ----

/// What a plain reading of the catalogue says the generated repository gives, for rules
/// where the engine and a direct reading can differ: reaching (ART-07), and an indicator's
/// baseline and targets against its direction (IND-02, IND-06, IND-07). Each as
/// `(rule, plan, element)`.
fn expected(repo: &Repo) -> BTreeSet<(String, String, String)> {
    let mut expected = BTreeSet::new();
    for (index, pei) in repo.peis.iter().enumerate() {
        let plan = format!("pei-{index}");
        for (number, objective) in pei.objectives.iter().enumerate() {
            let code = format!("OEI.{:02}", number + 1);
            let mut add = |rule: &str| {
                expected.insert((rule.to_owned(), plan.clone(), code.clone()));
            };
            // Reaching follows `traces_to` only (not the objective's own actions). Every PDRC
            // objective traces to the PEDN, so a resolved trace reaches it; a broken one is
            // REF-01's alone (rules never see unresolved references).
            if matches!(objective.trace, Trace::Nothing) {
                add("ART-07");
            }
            let Some(indicator) = &objective.indicator else {
                continue;
            };
            let rising = |from: u32, to: u32| {
                if indicator.ascending {
                    to < from
                } else {
                    to > from
                }
            };
            match indicator.baseline_value {
                None => add("IND-02"),
                Some(baseline) => {
                    // The earliest target against the baseline.
                    if indicator
                        .targets
                        .first()
                        .is_some_and(|&first| rising(baseline, first))
                    {
                        add("IND-07");
                    }
                }
            }
            // Successive targets, in year order, moving against the direction.
            if indicator
                .targets
                .iter()
                .zip(indicator.targets.iter().skip(1))
                .any(|(&from, &to)| rising(from, to))
            {
                add("IND-06");
            }
        }
    }
    expected
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES * 2))]

    #[test]
    fn reaching_and_targets_agree_with_a_plain_reading_of_the_catalogue(repo in repo()) {
        let dir = tempfile::tempdir().unwrap();
        write_files(dir.path(), &files(&repo));
        let run = check(dir.path());
        let rules = ["ART-07", "IND-02", "IND-06", "IND-07"];
        let found: BTreeSet<(String, String, String)> = run
            .report
            .findings
            .iter()
            .filter(|f| rules.contains(&f.rule.as_str()) && f.plan.starts_with("pei-"))
            .map(|f| (f.rule.clone(), f.plan.clone(), f.element.clone()))
            .collect();
        prop_assert_eq!(found, expected(&repo));
    }
}

/// A PEI whose objectives (and each objective's actions) carry the given priorities.
fn prioritised_pei(objectives: &[(Option<u32>, Vec<Option<u32>>)]) -> String {
    let mut text = String::from(
        "plan:\n  id: pei-prioridades\n  kind: pei\n  title: PEI con prioridades\n  entity: {name: Entidad, type: regional-government, level: regional, territory: \"99\"}\n  period: {start: 2025, end: 2027}\nobjectives:\n",
    );
    let priority =
        |value: Option<u32>| value.map_or_else(String::new, |p| format!(", priority: {p}"));
    for (number, (objective, actions)) in objectives.iter().enumerate() {
        let number = number + 1;
        writeln!(
            text,
            "  - {{code: OEI.{number:02}, statement: Objetivo {number}{}}}",
            priority(*objective)
        )
        .unwrap();
        if !actions.is_empty() {
            // The flow mapping above ends the objective: actions need the block form.
            text = text.trim_end_matches('\n').trim_end_matches('}').to_owned();
            text.push_str(", actions: [");
            let listed: Vec<String> = actions
                .iter()
                .enumerate()
                .map(|(index, action)| {
                    format!(
                        "{{code: AEI.{number:02}.{:02}, statement: Acción {}{}}}",
                        index + 1,
                        index + 1,
                        priority(*action)
                    )
                })
                .collect();
            text.push_str(&listed.join(", "));
            text.push_str("]}\n");
        }
    }
    text
}

/// PRI-01 read plainly: in each sequence (the objectives; the actions of one objective) of
/// `n` holders, a holder is reported when its priority is absent, repeated, or outside 1..n.
fn expected_priorities(objectives: &[(Option<u32>, Vec<Option<u32>>)]) -> BTreeSet<String> {
    fn sequence(codes: &[String], priorities: &[Option<u32>], out: &mut BTreeSet<String>) {
        let n = u32::try_from(priorities.len()).unwrap();
        for (code, priority) in codes.iter().zip(priorities) {
            let bad = match priority {
                None => true,
                Some(p) => {
                    !(1..=n).contains(p)
                        || priorities.iter().filter(|q| **q == Some(*p)).count() > 1
                }
            };
            if bad {
                out.insert(code.clone());
            }
        }
    }
    let mut out = BTreeSet::new();
    let codes: Vec<String> = (1..=objectives.len())
        .map(|n| format!("OEI.{n:02}"))
        .collect();
    let priorities: Vec<Option<u32>> = objectives.iter().map(|(p, _)| *p).collect();
    sequence(&codes, &priorities, &mut out);
    for (number, (_, actions)) in objectives.iter().enumerate() {
        let codes: Vec<String> = (1..=actions.len())
            .map(|index| format!("AEI.{:02}.{index:02}", number + 1))
            .collect();
        sequence(&codes, actions, &mut out);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES * 2))]

    #[test]
    fn priorities_agree_with_a_plain_reading_of_the_catalogue(
        objectives in proptest::collection::vec(
            (
                proptest::option::weighted(0.85, 0u32..6),
                proptest::collection::vec(proptest::option::weighted(0.85, 0u32..5), 0..4),
            ),
            1..6,
        )
    ) {
        let dir = tempfile::tempdir().unwrap();
        write_files(
            dir.path(),
            &[
                ("national/pedn-2050.yaml".to_owned(), pedn()),
                ("regional/pei.yaml".to_owned(), prioritised_pei(&objectives)),
            ],
        );
        let run = check(dir.path());
        let found: BTreeSet<String> = run
            .report
            .findings
            .iter()
            .filter(|f| f.rule == "PRI-01")
            .map(|f| f.element.clone())
            .collect();
        let loads: Vec<&str> = run
            .report
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("LOAD"))
            .map(|f| f.message.as_str())
            .collect();
        prop_assert!(loads.is_empty(), "{loads:?}\n{}", prioritised_pei(&objectives));
        prop_assert_eq!(found, expected_priorities(&objectives));
    }
}

/// Budgets by year (2025 to 2027), each year given or not; small, so that sums often meet
/// a ceiling exactly.
fn budgets() -> impl Strategy<Value = Vec<Option<u32>>> {
    proptest::collection::vec(proptest::option::weighted(0.7, 0u32..30), 3)
}

/// A flow mapping of the years given (`{2025: 80, 2027: 5}`).
fn year_map(values: &[Option<u32>]) -> String {
    let entries: Vec<String> = values
        .iter()
        .zip(2025..)
        .filter_map(|(value, year)| value.map(|value| format!("{year}: {value}")))
        .collect();
    format!("{{{}}}", entries.join(", "))
}

/// CAP-03's findings (their years) for a POI with these budgets, and what a plain reading
/// of the catalogue expects: a ceiling year whose activities' and investments' budgets for
/// that year add up to more than the ceiling.
fn ceilings(
    ceiling: &[Option<u32>],
    activities: &[Vec<Option<u32>>],
    investments: &[Vec<Option<u32>>],
) -> (BTreeSet<i32>, BTreeSet<i32>, String) {
    let mut poi = format!(
        "plan:\n  id: poi-x\n  kind: poi\n  title: POI X\n  entity: {{name: Entidad, type: regional-government, level: regional, territory: \"99\"}}\n  period: {{start: 2025, end: 2027}}\nbudget_ceiling: {}\n",
        year_map(ceiling)
    );
    poi.push_str("activities:\n");
    for (index, budget) in activities.iter().enumerate() {
        writeln!(
            poi,
            "  - {{code: A{index}, name: Actividad {index}, budget: {}}}",
            year_map(budget)
        )
        .unwrap();
    }
    poi.push_str("investments:\n");
    for (index, budget) in investments.iter().enumerate() {
        writeln!(
            poi,
            "  - {{cui: \"99000{index:02}\", type: PI, name: Inversión {index}, budget: {}}}",
            year_map(budget)
        )
        .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    write_files(dir.path(), &[("poi.yaml".to_owned(), poi.clone())]);
    let run = check(dir.path());
    let expected: BTreeSet<i32> = ceiling
        .iter()
        .zip(2025..)
        .filter_map(|(limit, year)| {
            let limit = (*limit)?;
            let spent: u32 = activities
                .iter()
                .chain(investments)
                .filter_map(|budget| {
                    budget
                        .get(usize::try_from(year - 2025).ok()?)
                        .copied()
                        .flatten()
                })
                .sum();
            (spent > limit).then_some(year)
        })
        .collect();
    let found: BTreeSet<i32> = run
        .report
        .findings
        .iter()
        .filter(|f| f.rule == "CAP-03")
        .map(|f| f.message.split(':').next().unwrap().parse().unwrap())
        .collect();
    (found, expected, poi)
}

#[test]
fn a_ceiling_met_exactly_is_not_exceeded_and_one_unit_more_is() {
    let (found, expected, poi) = ceilings(
        &[Some(100), Some(50), None],
        &[
            vec![Some(70), Some(50), Some(9)],
            vec![Some(30), None, None],
        ],
        &[vec![None, Some(1), Some(9)]],
    );
    assert_eq!(found, expected, "{poi}");
    assert_eq!(found, BTreeSet::from([2026]), "{poi}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES * 2))]

    #[test]
    fn budget_ceilings_agree_with_a_plain_reading_of_the_catalogue(
        ceiling in budgets(),
        activities in proptest::collection::vec(budgets(), 0..4),
        investments in proptest::collection::vec(budgets(), 0..3),
    ) {
        let (found, expected, poi) = ceilings(&ceiling, &activities, &investments);
        prop_assert_eq!(found, expected, "{}", poi);
    }
}
