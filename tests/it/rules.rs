//! The rule language and the default pack.

use std::path::PathBuf;

use alinea::dsl::{CheckedRule, RULE_CASES};

fn default_rules() -> Vec<CheckedRule> {
    let mut sources = alinea::source::SourceDb::new();
    alinea::load_rules(&alinea::CheckOptions::default(), &mut sources)
        .expect("the default pack compiles")
}

#[test]
fn every_case_of_the_default_pack_passes() {
    let rules = default_rules();
    let mut known: Vec<String> = rules.iter().map(|r| r.meta().id.clone()).collect();
    known.extend(alinea::BUILTIN_CHECKS.iter().map(|c| c.id.to_owned()));
    let files = RULE_CASES
        .iter()
        .map(|(p, t)| (PathBuf::from(p), (*t).to_owned()))
        .collect();
    let cases = alinea::cases::group(files, &known);
    let as_of = alinea::plan::model::Date::parse("2026-11-26").unwrap();
    let failures: Vec<String> = cases
        .iter()
        .map(|case| alinea::cases::run(case, &rules, as_of, alinea::i18n::Lang::En))
        .filter(|result| !result.passed())
        .map(|result| {
            format!(
                "{}: missing {:?}, unexpected {:?}",
                result.name, result.missing, result.unexpected
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_passing_and_a_failing_case() {
    let rules = default_rules();
    for rule in &rules {
        let id = &rule.meta().id;
        for kind in ["pass", "fail"] {
            let prefix = format!("tests/fixtures/rules/{id}/{kind}/");
            assert!(
                RULE_CASES.iter().any(|(path, _)| path.starts_with(&prefix)),
                "{id} has no {kind} case"
            );
        }
    }
}

#[test]
fn every_catalogue_rule_is_in_the_pack_with_its_documentation() {
    let rules = default_rules();
    let catalogue = [
        "ART-01", "ART-02", "ART-03", "ART-04", "ART-05", "ART-06", "ART-07", "ART-08", "ART-09",
        "ART-10", "ART-11", "ART-12", "IND-01", "IND-02", "IND-03", "IND-04", "IND-05", "IND-06",
        "IND-07", "IND-08", "IND-09", "CAP-01", "CAP-02", "CAP-03", "PRI-01", "APR-01", "APR-02",
        "APR-03", "APR-04", "APR-05", "IND-10", "POI-01", "POI-02", "POI-03", "INV-01", "INV-02",
        "INV-03",
    ];
    let mut ids: Vec<&str> = rules.iter().map(|r| r.meta().id.as_str()).collect();
    ids.sort_unstable();
    let mut expected = catalogue.to_vec();
    expected.sort_unstable();
    assert_eq!(ids, expected);
    for rule in &rules {
        let meta = rule.meta();
        for section in ["What it checks", "Why it matters", "Example"] {
            assert!(
                meta.section(section).is_some(),
                "{} lacks `{section}`",
                meta.id
            );
        }
        assert!(
            meta.file.starts_with("rules/") && meta.file.ends_with(&format!("/{}.rule", meta.slug)),
            "{} is in {}",
            meta.id,
            meta.file
        );
    }
}

#[test]
fn the_seeded_chain_reports_every_defect_and_nothing_else() {
    let dir = std::path::Path::new("tests/fixtures/chain");
    let run = crate::run_with_rules(&[dir], "2026-11-26");
    assert_eq!(crate::found(&run), crate::expected(dir));
}

#[test]
fn the_real_gore_san_martin_pei_reports_exactly_its_real_defects() {
    let run = crate::run_with_rules(&[std::path::Path::new("plans")], "2026-11-26");
    let mut found: Vec<(String, String, String)> = run
        .report
        .findings
        .iter()
        .map(|f| (f.rule.clone(), f.plan.clone(), f.element.clone()))
        .collect();
    found.sort();
    found.dedup();
    let pei = "pei-gore-san-martin-2024-2028";
    let pdrc = "pdrc-san-martin-2030";
    let moyobamba = "pei-mp-moyobamba-2025-2027";
    let mut expected: Vec<(String, String, String)> = vec![
        // OEI.05 and OEI.06 are absent from the Anexo B-1: no articulation with the PDRC.
        ("ART-01", pei, "OEI.05"),
        ("ART-01", pei, "OEI.06"),
        // OEI.05's baseline is 'ND' in the B-2 matrix.
        ("IND-02", pei, "OEI.05"),
        // Baselines of 2018 and 2019 for a plan starting in 2024 (OEI.04 has two).
        ("IND-04", pei, "OEI.04"),
        ("IND-04", pei, "OEI.07"),
        ("IND-04", pei, "OEI.08"),
        // CRED: ascending, baseline 15.50, first target 14.00.
        ("IND-07", pei, "AEI.03.02"),
        // Periodic maintenance: targets 0, 0, 161.49, 0, 80.75 for an ascending indicator.
        ("IND-06", pei, "AEI.08.02"),
        ("IND-07", pei, "AEI.08.02"),
        // The fichas técnicas (Anexo A-6) disagree with the B-2 matrix: 2028 logro 99.70 vs
        // 98.75 (energy) and vs 97.90 (rural energy), 92.50 vs 85.00 (anemia); CRED baseline
        // 12.50 vs 15.50; NEE baseline year 2023 vs 2022; OEI.05 baseline year 2022 vs 2023;
        // periodic maintenance 0, 0, 161.50, 0, 0 vs 0, 0, 161.49, 0, 80.75.
        ("IND-10", pei, "OEI.02"),
        ("IND-10", pei, "AEI.02.03"),
        ("IND-10", pei, "OEI.03"),
        ("IND-10", pei, "AEI.03.02"),
        ("IND-10", pei, "AEI.04.04"),
        ("IND-10", pei, "OEI.05"),
        ("IND-10", pei, "AEI.08.02"),
    ]
    .into_iter()
    .map(|(rule, plan, element)| (rule.to_owned(), plan.to_owned(), element.to_owned()))
    .collect();
    // The PDRC San Martín al 2030 (2018) predates the PEDN al 2050 and no source shows its
    // articulation with a national plan: none of its OET is articulated upward.
    for code in [
        "OET.1", "OET.2", "OET.3", "OET.4", "OET.5", "OET.6", "OET.7", "OET.8",
    ] {
        expected.push(("ART-01".to_owned(), pdrc.to_owned(), code.to_owned()));
    }
    // So no GORE objective reaches the PEDN or a Política Nacional: their chains stop at the
    // PDRC (OEI.05 and OEI.06 have no chain at all). The PEI follows the 2017 guide
    // (`guide: 2017`), which has no matrix of articulation of the AEI with the Políticas
    // Nacionales, so no AEI link makes up for it (and ART-08 does not apply).
    for code in [
        "OEI.01", "OEI.02", "OEI.03", "OEI.04", "OEI.05", "OEI.06", "OEI.07", "OEI.08", "OEI.09",
        "OEI.10", "OEI.11",
    ] {
        expected.push(("ART-07".to_owned(), pei.to_owned(), code.to_owned()));
    }
    // Nor does any objective of the Moyobamba PEI, whose chain runs through its PDLC to the
    // same PDRC (its AEI trace to Políticas Nacionales, but ART-07 follows objectives upward).
    for code in ["OEI.01", "OEI.05", "OEI.07", "OEI.08", "OEI.11"] {
        expected.push(("ART-07".to_owned(), moyobamba.to_owned(), code.to_owned()));
    }
    // APR-05 (no CEPLAN informe técnico) on the PDRC and the GORE PEI is about data the sources
    // read do not give: `not_transcribed`, not a finding. The synthetic Moyobamba plans record
    // a synthetic one.
    expected.sort();
    assert_eq!(found, expected);
}

fn alinea(args: &[&str]) -> std::process::Output {
    std::process::Command::new(crate::binary())
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn a_users_rule_file_runs_alone() {
    let output = alinea(&[
        "check",
        "plans",
        "--no-default-rules",
        "--rules",
        "tests/fixtures/user-rules/targets.rule",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report["summary"]["rules"],
        alinea::BUILTIN_CHECKS.len() + 1,
        "the built-in checks and USR-01"
    );
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "USR-01")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    // OEI.06 informal employment: 74.70 → 73.25 (a 1.45-point fall) is timid; OEI.03 anemia 31 → 85 is not.
    assert!(messages.iter().any(|m| m.starts_with("OEI.06: `Porcentaje de la población económicamente activa (PEA) ocupada con empleo informal` moves -1.45 points by 2028 (targets 74.2, 73.8, 73.6, 73.25)")), "{messages:#?}");
    assert!(
        !messages.iter().any(|m| m.contains("anemia")),
        "{messages:#?}"
    );
}

#[track_caller]
fn rule_error(file: &str) -> String {
    let output = alinea(&["check", "plans", "--rules", file]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty(), "no plan is checked");
    String::from_utf8(output.stderr).unwrap()
}

#[test]
fn broken_rule_files_stop_the_run_with_their_place() {
    let unknown_field = rule_error("tests/fixtures/bad-rules/unknown-field.rule");
    assert!(
        unknown_field.contains("unknown field `indicatrs` of an element"),
        "{unknown_field}"
    );
    assert!(
        unknown_field.contains("tests/fixtures/bad-rules/unknown-field.rule:6:19"),
        "{unknown_field}"
    );
    assert!(
        unknown_field.contains("did you mean `indicators`?"),
        "{unknown_field}"
    );

    let mismatch = rule_error("tests/fixtures/bad-rules/type-mismatch.rule");
    assert!(
        mismatch.contains("cannot compare text with a number using `>`"),
        "{mismatch}"
    );
    assert!(mismatch.contains("type-mismatch.rule:6:11"), "{mismatch}");

    let unknown_enum = rule_error("tests/fixtures/bad-rules/unknown-enum.rule");
    assert!(
        unknown_enum.contains("unknown plan kind `pie`"),
        "{unknown_enum}"
    );
    assert!(
        unknown_enum.contains("unknown-enum.rule:6:19"),
        "{unknown_enum}"
    );
    assert!(
        unknown_enum.contains("did you mean `pei`?"),
        "{unknown_enum}"
    );

    let syntax = rule_error("tests/fixtures/bad-rules/syntax-error.rule");
    assert!(syntax.contains("syntax error: expected"), "{syntax}");
    assert!(syntax.contains("`require`"), "{syntax}");
    assert!(syntax.contains("syntax-error.rule:6:3"), "{syntax}");
}

#[test]
fn explain_prints_the_documentation_and_the_rule() {
    let output = alinea(&["explain", "ART-01"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0));
    for part in [
        "ART-01 objective-not-articulated",
        "What it checks:",
        "Why it matters:",
        "Example:",
        "rule ART-01 objective-not-articulated {",
    ] {
        assert!(text.contains(part), "{part} missing from:\n{text}");
    }
    let by_slug = alinea(&["explain", "objective-not-articulated"]);
    assert_eq!(by_slug.stdout, text.as_bytes());
    let unknown = alinea(&["explain", "ART-99"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn rules_list_names_every_rule() {
    let output = alinea(&["rules", "list", "--format", "json"]);
    let rules: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        rules.as_array().unwrap().len(),
        alinea::BUILTIN_CHECKS.len() + alinea::dsl::default_pack().len()
    );
    assert_eq!(rules[0]["id"], "APR-01");
    assert_eq!(rules[0]["slug"], "missing-approval");
}

#[test]
fn rules_test_runs_the_embedded_cases() {
    let output = alinea(&["rules", "test", "--as-of", "2026-11-26"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{text}");
    // One case per folder of plan files under tests/fixtures/rules (`<RULE>/pass`, `<RULE>/fail`).
    let cases = walkdir::WalkDir::new("tests/fixtures/rules")
        .min_depth(2)
        .max_depth(2)
        .into_iter()
        .filter(|entry| entry.as_ref().unwrap().file_type().is_dir())
        .count();
    assert!(
        text.ends_with(&format!("{cases} cases: {cases} passed, 0 failed\n")),
        "{text}"
    );
}

#[test]
fn findings_do_not_depend_on_the_number_of_threads() {
    let one = alinea(&[
        "check",
        "tests/fixtures/chain",
        "--format",
        "json",
        "--jobs",
        "1",
        "--as-of",
        "2026-11-26",
    ]);
    let two = alinea(&[
        "check",
        "tests/fixtures/chain",
        "--format",
        "json",
        "--jobs",
        "2",
        "--as-of",
        "2026-11-26",
    ]);
    assert_eq!(one.stdout, two.stdout);
}

/// Runs `alinea rules check` in `dir` (wide, so that no message is wrapped): exit code and stderr.
fn rules_check_in(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let output = std::process::Command::new(crate::binary())
        .args(["rules", "check"])
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// `file:line:column` of the first `rule ID` in `text` (the id's place).
fn place_of_rule(file: &str, text: &str, id: &str) -> String {
    let declaration = format!("rule {id} ");
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.starts_with(&declaration))
        .unwrap();
    let column = line.find(id).unwrap() + 1;
    format!("{file}:{}:{column}", index + 1)
}

#[test]
fn a_user_rule_reusing_a_default_id_points_at_both_rules() {
    let pack_path = "rules/articulation/objective-not-articulated.rule";
    let pack_text = std::fs::read_to_string(pack_path).unwrap();
    // The user's copy of ART-01 under another slug, in a folder where `rules/` does not exist.
    let dir = tempfile::tempdir().unwrap();
    let user_text = pack_text.replace("objective-not-articulated", "my-articulation-check");
    std::fs::write(dir.path().join("dup.rule"), &user_text).unwrap();
    let (code, stderr) = rules_check_in(dir.path(), &["dup.rule"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("rule id `ART-01` is already used by the default pack"),
        "{stderr}"
    );
    // The second declaration, in the user's file…
    assert!(
        stderr.contains(&place_of_rule("dup.rule", &user_text, "ART-01")),
        "{stderr}"
    );
    // …and the first, in the default pack, named as it is in the sources and as compiled in.
    assert!(
        stderr.contains(
            "the default pack's rule `ART-01` (rules/articulation/objective-not-articulated.rule)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(&place_of_rule(pack_path, &pack_text, "ART-01")),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "give your rule another id, or leave the default pack out with `--no-default-rules`"
        ),
        "{stderr}"
    );
    // Without the default pack the same file is fine.
    let (code, stderr) = rules_check_in(dir.path(), &["--no-default-rules", "dup.rule"]);
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn two_user_rules_with_one_id_point_at_both_files() {
    let text = std::fs::read_to_string("tests/fixtures/user-rules/targets.rule").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("first.rule"), &text).unwrap();
    let second = text.replace("timid-percent-target", "another-target-check");
    std::fs::write(dir.path().join("second.rule"), &second).unwrap();
    let (code, stderr) = rules_check_in(
        dir.path(),
        &["--no-default-rules", "first.rule", "second.rule"],
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("rule id `USR-01` is already used"),
        "{stderr}"
    );
    assert!(!stderr.contains("default pack"), "{stderr}");
    let first = place_of_rule("first.rule", &text, "USR-01");
    assert!(
        stderr.contains(&place_of_rule("second.rule", &second, "USR-01")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("the first rule with this id, `USR-01` ({first})")),
        "{stderr}"
    );
    // The note's snippet is the first file's, not the second's.
    assert!(stderr.contains(&format!("╭─[{first}]")), "{stderr}");
}
