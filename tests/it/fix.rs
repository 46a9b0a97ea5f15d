//! `alinea check --fix`, `--unsafe-fixes` and `--diff`, and the fix library the language
//! server calls: edits at spans, every other byte unchanged, idempotent, safe and unsafe.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use alinea::fix::{Applicability, Fixer};

const PEI: &str = "regional/san-martin/pei-2024-2028.yaml";
const POI: &str = "regional/san-martin/poi-2025-2027.yaml";

/// Every file under `dir`, by path relative to it, with its text (every byte: the files are
/// UTF-8).
fn tree(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let name = entry.path().strip_prefix(dir).unwrap().to_string_lossy();
            (
                name.replace('\\', "/"),
                String::from_utf8(std::fs::read(entry.path()).unwrap()).unwrap(),
            )
        })
        .collect()
}

/// `alinea check <args>` run in `dir`.
fn check_in(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(crate::binary())
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--as-of", "2026-11-26", "--color", "never"])
        .env("COLUMNS", "200")
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A copy of the sample repository with the defects, each the exact undoing of what
/// its fix writes: the code `OEI. 09` (with a waiver that names it), the code `AEI.03. 01`
/// with both POI activities that name it written the same way, a POI reference `aei.03.02`,
/// OEI.05's priority 11 written 13 (a gap), and a waiver that matches nothing.
fn broken_sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), dir.path());
    let pei = dir.path().join(PEI);
    let poi = dir.path().join(POI);
    crate::edit(&pei, "  - code: OEI.09\n", "  - code: OEI. 09\n");
    crate::edit(
        &pei,
        "      - code: AEI.03.01\n",
        "      - code: AEI.03. 01\n",
    );
    let text = std::fs::read_to_string(&poi).unwrap();
    std::fs::write(
        &poi,
        text.replace("2028/AEI.03.01", "2028/AEI.03. 01")
            .replace("2028/AEI.03.02", "2028/aei.03.02"),
    )
    .unwrap();
    // OEI.05, the last of the ruta estratégica: 13 leaves a gap and keeps the order.
    crate::edit(&pei, "\n    priority: 11\n", "\n    priority: 13\n");
    let moved = std::fs::read_to_string(&pei).unwrap();
    let waived = format!(
        "{moved}waivers:\n  - rule: IND-04  # the survey is five-yearly\n    at: OEI. 09\n    reason: INEI publishes this survey every five years.\n    until: 2027-12-31\n"
    );
    std::fs::write(&pei, waived).unwrap();
    dir
}

/// Fails with the lines that differ, not the whole files.
#[track_caller]
fn similar_asserts(name: &str, expected: &str, actual: &str) {
    let diff = similar::TextDiff::from_lines(expected, actual);
    assert!(
        expected == actual,
        "{name} differs:\n{}",
        diff.unified_diff().header("expected", "actual")
    );
}

/// The options of a run on `dir` on the tests' date.
fn options_for(dir: &Path) -> alinea::CheckOptions {
    alinea::CheckOptions {
        paths: vec![dir.to_path_buf()],
        as_of: alinea::plan::model::Date::parse("2026-11-26"),
        ..alinea::CheckOptions::default()
    }
}

/// The first finding of `rule` in a run.
#[track_caller]
fn finding<'r>(run: &'r alinea::Run, rule: &str) -> &'r alinea::report::Finding {
    run.report.findings.iter().find(|f| f.rule == rule).unwrap()
}

#[test]
fn fix_undoes_the_defects_byte_for_byte_and_a_second_run_changes_nothing() {
    let dir = broken_sample();
    let pristine = tree(Path::new("plans"));
    let broken = tree(dir.path());
    assert_ne!(broken, pristine);
    let before = check_in(dir.path(), &["--format", "concise"]);
    let listed = stdout(&before);
    for (rule, at) in [
        ("ART-12", "OEI. 09"),
        ("ART-12", "AEI.03. 01"),
        ("REF-01", "aei.03.02"),
        ("PRI-01", "priority 13"),
        ("WAI-01", "IND-04"),
    ] {
        assert!(
            listed.lines().any(|l| l.contains(rule) && l.contains(at)),
            "{rule} {at}:\n{listed}"
        );
    }

    let fixed = check_in(dir.path(), &["--fix", "--format", "concise"]);
    // Every file is back to the sample's bytes: the fixes touched nothing else.
    let after = tree(dir.path());
    for (name, text) in &pristine {
        similar_asserts(name, text, &after[name]);
    }
    assert_eq!(after, pristine, "{}", stderr(&fixed));
    let summary = stderr(&fixed);
    let remaining = stdout(&fixed)
        .lines()
        .filter(|l| l.contains(".yaml:"))
        .count();
    assert!(
        summary.contains(&format!("({remaining} remaining)")),
        "{summary}"
    );
    // OEI. 09 and AEI.03. 01 renamed (2), the POI's references to AEI.03.01 followed the
    // rename, aei.03.02 (1), OEI.05's PRI-01, the unused waiver (1).
    let fixed_count: usize = summary
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(fixed_count >= 5, "{summary}");
    assert_eq!(
        fixed.status.code(),
        check_in(Path::new("plans"), &[]).status.code()
    );

    let again = check_in(dir.path(), &["--fix", "--format", "concise"]);
    assert_eq!(tree(dir.path()), pristine);
    assert!(
        stderr(&again).starts_with("Fixed 0 findings"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn diff_shows_the_edits_and_writes_nothing() {
    let dir = broken_sample();
    let broken = tree(dir.path());
    let output = check_in(dir.path(), &["--diff"]);
    assert_eq!(tree(dir.path()), broken, "--diff wrote a file");
    let diff = stdout(&output);
    let headers: Vec<&str> = diff.lines().filter(|l| l.starts_with("--- ")).collect();
    assert_eq!(
        headers,
        [format!("--- {PEI}"), format!("--- {POI}")],
        "{diff}"
    );
    for (removed, added) in [
        ("-  - code: OEI. 09", "+  - code: OEI.09"),
        ("-      - code: AEI.03. 01", "+      - code: AEI.03.01"),
        ("-    priority: 13", "+    priority: 11"),
        (
            "-    action: pei-gore-san-martin-2024-2028/aei.03.02",
            "+    action: pei-gore-san-martin-2024-2028/AEI.03.02",
        ),
    ] {
        assert!(diff.lines().any(|l| l == removed), "{removed}\n{diff}");
        assert!(diff.lines().any(|l| l == added), "{added}\n{diff}");
    }
    // The waiver goes, its list's key too; nothing is added in its place.
    assert!(diff.lines().any(|l| l == "-waivers:"), "{diff}");
    assert!(
        diff.lines()
            .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
            .all(|l| !l.contains("waiver")),
        "{diff}"
    );
    assert!(
        stderr(&output).starts_with("Would fix "),
        "{}",
        stderr(&output)
    );
    // The files as they are still fail: nothing was written.
    assert_eq!(output.status.code(), Some(1));

    let spanish = check_in(dir.path(), &["--diff", "--lang", "es"]);
    assert_eq!(stdout(&spanish), diff);
    assert!(
        stderr(&spanish).starts_with("Se corregirían "),
        "{}",
        stderr(&spanish)
    );
}

/// A PEI whose action AEI.02.03 sits under OEI.01, implemented by a POI activity, and
/// whose OEI.02 has no priority.
fn misfiled_action() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/rules/ART-10/fail/pedn.yaml",
        dir.path().join("pedn.yaml"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("pei.yaml"),
        "plan:
  id: pei-gore-amazonas-2024-2027
  kind: pei
  title: Plan Estratégico Institucional 2024-2027 del Gobierno Regional Amazonas
  entity: {name: Gobierno Regional Amazonas, type: regional-government, level: regional, territory: \"01\"}
  period: {start: 2024, end: 2027}
  upper: [pedn-2050]
objectives:
  - code: OEI.01   # salud
    statement: Mejorar la cobertura de servicios de salud en el departamento
    priority: 1
    actions:
      - code: AEI.01.01
        statement: Atención integral materno neonatal
        priority: 1
      - code: \"AEI.02.03\"
        statement: Control de crecimiento y desarrollo
        priority: 2
  - code: OEI.02
    statement: Mejorar las condiciones de habitabilidad
",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("poi.yaml"),
        "plan:
  id: poi-gore-amazonas-2025
  kind: poi
  title: Plan Operativo Institucional 2025 del Gobierno Regional Amazonas
  entity: {name: Gobierno Regional Amazonas, type: regional-government, level: regional, territory: \"01\"}
  period: {start: 2025, end: 2025}
  upper: [pei-gore-amazonas-2024-2027]
activities:
  - code: AOI00000000001
    name: Control de crecimiento
    action: pei-gore-amazonas-2024-2027/AEI.02.03
",
    )
    .unwrap();
    dir
}

#[test]
fn unsafe_fixes_wait_for_unsafe_fixes() {
    let dir = misfiled_action();
    let before = tree(dir.path());
    let safe = check_in(dir.path(), &["--fix", "--select", "ART-10,PRI-01"]);
    assert_eq!(tree(dir.path()), before, "{}", stderr(&safe));
    // ART-10's rename, and OEI.02's PRI-01 (an absent priority is added last).
    assert!(
        stderr(&safe).contains("2 more findings have an unsafe fix, applied with `--unsafe-fixes`"),
        "{}",
        stderr(&safe)
    );
    let spanish = check_in(
        dir.path(),
        &["--diff", "--lang", "es", "--select", "ART-10"],
    );
    assert!(
        stderr(&spanish).contains("1 hallazgo más tiene una corrección insegura"),
        "{}",
        stderr(&spanish)
    );

    let applied = check_in(
        dir.path(),
        &["--fix", "--unsafe-fixes", "--select", "ART-10,PRI-01"],
    );
    assert_eq!(applied.status.code(), Some(0), "{}", stderr(&applied));
    let after = tree(dir.path());
    let text = |name: &str| after[name].clone();
    let as_before = |name: &str| before[name].clone();
    // The action renamed inside its quotes, the POI's reference with it; OEI.02 gets the
    // priority 2 on a line of its own under its code; nothing else moves.
    assert_eq!(
        text("pei.yaml"),
        as_before("pei.yaml")
            .replace("\"AEI.02.03\"", "\"AEI.01.03\"")
            .replace("  - code: OEI.02\n", "  - code: OEI.02\n    priority: 2\n")
    );
    assert_eq!(
        text("poi.yaml"),
        as_before("poi.yaml").replace("2027/AEI.02.03", "2027/AEI.01.03")
    );
    assert_eq!(text("pedn.yaml"), as_before("pedn.yaml"));
    let again = check_in(dir.path(), &["--fix", "--unsafe-fixes"]);
    assert_eq!(tree(dir.path()), after, "{}", stderr(&again));
}

#[test]
fn unsafe_fixes_alone_is_a_usage_error() {
    let dir = misfiled_action();
    let output = check_in(dir.path(), &["--unsafe-fixes"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`--unsafe-fixes`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_library_gives_each_finding_its_fix_in_the_run_language() {
    let dir = misfiled_action();
    for (lang, title) in [
        (alinea::i18n::Lang::En, "Rename `AEI.02.03` to `AEI.01.03`"),
        (
            alinea::i18n::Lang::Es,
            "Cambiar `AEI.02.03` por `AEI.01.03`",
        ),
    ] {
        let options = alinea::CheckOptions {
            lang,
            ..options_for(dir.path())
        };
        let run = alinea::check(&options).unwrap();
        let fixer = Fixer::new(&run, &options);
        let art10 = finding(&run, "ART-10");
        let fix = fixer.fix(art10).unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert!(fix.title.starts_with(title), "{}", fix.title);
        // The code in the PEI and the reference in the POI, each exactly the old code.
        let edited: Vec<(&str, &str)> = fix
            .edits
            .iter()
            .map(|edit| {
                (
                    run.sources.file(edit.span.file).display_name(),
                    run.sources.slice(edit.span),
                )
            })
            .collect();
        assert_eq!(edited.len(), 2, "{edited:?}");
        assert!(
            edited.iter().all(|(_, old)| *old == "AEI.02.03"),
            "{edited:?}"
        );
        // Findings without a fix have none.
        let unfixable = run.report.findings.iter().find(|f| f.rule == "ART-02");
        assert!(unfixable.is_some_and(|f| fixer.fix(f).is_none()));
    }
}

#[test]
fn a_tie_of_priorities_is_unsafe_and_a_gap_is_safe() {
    let dir = misfiled_action();
    let pei = dir.path().join("pei.yaml");
    crate::edit(
        &pei,
        "    statement: Mejorar las condiciones de habitabilidad\n",
        "    statement: Mejorar las condiciones de habitabilidad\n    priority: 5\n",
    );
    crate::edit(&pei, "        priority: 2\n", "        priority: 1\n");
    let options = options_for(dir.path());
    let run = alinea::check(&options).unwrap();
    let fixer = Fixer::new(&run, &options);
    let applicability = |element: &str| {
        let finding = run
            .report
            .findings
            .iter()
            .find(|f| f.rule == "PRI-01" && f.element == element)
            .unwrap();
        fixer.fix(finding).unwrap().applicability
    };
    assert_eq!(applicability("OEI.02"), Applicability::Safe);
    assert_eq!(applicability("AEI.01.01"), Applicability::Unsafe);
}

#[test]
fn a_waiver_for_a_finding_waives_it() {
    let dir = misfiled_action();
    let options = options_for(dir.path());
    let run = alinea::check(&options).unwrap();
    let fixer = Fixer::new(&run, &options);
    let until = alinea::plan::model::Date::parse("2027-12-31").unwrap();
    let pei = finding(&run, "PRI-01");
    let plan_level = finding(&run, "ART-02");
    // The first waiver creates the list at the end of the plan.
    let first = fixer.waiver_for(pei, until).unwrap();
    assert_eq!(first.applicability, Applicability::Unsafe);
    assert!(first.title.contains("PRI-01"), "{}", first.title);
    let [edit] = first.edits.as_slice() else {
        panic!("{first:?}")
    };
    let file = run.sources.file(edit.span.file);
    let text = alinea::fix::apply(file.text(), &[edit]);
    assert!(text.starts_with(file.text()), "only appended");
    let key = alinea::discover::absolute_key(file.path());
    let mut waived = options.clone();
    waived.texts.insert(key.clone(), text);
    let run = alinea::check(&waived).unwrap();
    assert!(
        !run.report
            .findings
            .iter()
            .any(|f| f.rule == "PRI-01" || f.rule.starts_with("WAI"))
    );
    assert!(run.report.waived.iter().any(|f| f.rule == "PRI-01"));
    // The second goes after it, in the same list; a plan-level finding has no `at`.
    let second = Fixer::new(&run, &waived)
        .waiver_for(finding(&run, &plan_level.rule), until)
        .unwrap();
    let [edit] = second.edits.as_slice() else {
        panic!("{second:?}")
    };
    let text = alinea::fix::apply(run.sources.file(edit.span.file).text(), &[edit]);
    assert_eq!(text.matches("waivers:").count(), 1, "{text}");
    assert!(text.ends_with("  - rule: ART-02\n    reason: \"TODO: why this finding is accepted\"\n    until: 2027-12-31\n"), "{text}");
    waived.texts.insert(key, text);
    let run = alinea::check(&waived).unwrap();
    assert!(
        !run.report
            .findings
            .iter()
            .any(|f| f.rule == "ART-02" || f.rule.starts_with("WAI"))
    );
}

#[test]
fn an_unused_waiver_of_the_configuration_is_removed_with_its_comment_and_nothing_else() {
    let dir = misfiled_action();
    let config = "# The repository's configuration.\nfail_on: error\nwaivers:\n  - rule: IND-04   # no baseline survey\n    plan: pei-gore-amazonas-2024-2027\n    at: OEI.01\n    reason: INEI publishes this survey every five years.\n    until: 2027-12-31\n  - rule: ART-10\n    plan: pei-gore-amazonas-2024-2027\n    reason: The codes follow the 2019 numbering.\n    until: 2027-12-31\nlang: en\n";
    std::fs::write(dir.path().join("alinea.yaml"), config).unwrap();
    let output = check_in(dir.path(), &["--fix", "--select", "WAI-01"]);
    let after = std::fs::read_to_string(dir.path().join("alinea.yaml")).unwrap();
    // The second waiver covers ART-10's finding: it stays, and so does the list's key.
    let expected = config.replace(
        "  - rule: IND-04   # no baseline survey\n    plan: pei-gore-amazonas-2024-2027\n    at: OEI.01\n    reason: INEI publishes this survey every five years.\n    until: 2027-12-31\n",
        "",
    );
    similar_asserts("alinea.yaml", &expected, &after);
    assert!(
        stderr(&output).starts_with("Fixed 1 finding (0 remaining)."),
        "{}",
        stderr(&output)
    );
}

#[test]
fn what_cannot_be_edited_at_its_span_has_no_fix() {
    let dir = misfiled_action();
    let pei = dir.path().join("pei.yaml");
    // A waiver in flow style; an action whose renamed code is taken (AEI.02.01 under OEI.01
    // would become AEI.01.01).
    let text = std::fs::read_to_string(&pei).unwrap();
    std::fs::write(
        &pei,
        format!("{text}waivers: [{{rule: IND-04, at: OEI.01, reason: x, until: 2027-12-31}}]\n")
            .replace("\"AEI.02.03\"", "AEI.02.01"),
    )
    .unwrap();
    let options = options_for(dir.path());
    let run = alinea::check(&options).unwrap();
    let fixer = Fixer::new(&run, &options);
    for rule in ["WAI-01", "ART-10"] {
        assert!(fixer.fix(finding(&run, rule)).is_none(), "{rule}");
    }
    let before = tree(dir.path());
    let output = check_in(
        dir.path(),
        &["--fix", "--unsafe-fixes", "--select", "WAI-01,ART-10"],
    );
    assert_eq!(tree(dir.path()), before);
    assert!(
        stderr(&output).starts_with("Fixed 0 findings (2 remaining)."),
        "{}",
        stderr(&output)
    );
}
