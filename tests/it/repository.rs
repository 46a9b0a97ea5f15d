//! A planner's real repository: nothing passes silently, one file is checked in the context
//! of the whole repository, one cause gives one finding, and every command agrees.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::{binary, edit};

const AS_OF: &str = "2026-11-26";

fn alinea_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn json_in(dir: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["check", "--format", "json", "--as-of", AS_OF];
    all.extend_from_slice(args);
    let output = alinea_in(dir, &all);
    let value = serde_json::from_slice(&output.stdout);
    assert!(
        value.is_ok(),
        "no JSON report from `alinea {}`; standard error: {}",
        all.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code(), value.unwrap())
}

fn findings(report: &serde_json::Value) -> &Vec<serde_json::Value> {
    report["findings"].as_array().unwrap()
}

/// A finding as the tests compare it.
fn key(finding: &serde_json::Value) -> String {
    format!(
        "{}:{}:{} {} {} [{}]",
        finding["file"].as_str().unwrap(),
        finding["line"],
        finding["column"],
        finding["rule"].as_str().unwrap(),
        finding["message"].as_str().unwrap(),
        finding["fingerprint"].as_str().unwrap(),
    )
}

/// Copies a folder of the project into `to`.
fn copy(from: &str, to: &Path) {
    crate::copy_tree(Path::new(from), to);
}

#[test]
fn a_misspelt_plan_header_is_a_finding_not_a_skipped_file() {
    for (written, line) in [("Plan:", 10), ("plna:", 10), ("plan_:", 10)] {
        let dir = tempfile::tempdir().unwrap();
        copy("plans", dir.path());
        let pei = dir.path().join("local/moyobamba/pei-2025-2027.yaml");
        let text = std::fs::read_to_string(&pei).unwrap();
        std::fs::write(&pei, text.replacen("\nplan:", &format!("\n{written}"), 1)).unwrap();
        let (code, report) = json_in(dir.path(), &["."]);
        assert_eq!(code, Some(1), "{written}");
        let load: Vec<&serde_json::Value> = findings(&report)
            .iter()
            .filter(|f| f["rule"] == "LOAD-02")
            .collect();
        assert_eq!(load.len(), 1, "{written}: {load:?}");
        assert_eq!(load[0]["file"], "local/moyobamba/pei-2025-2027.yaml");
        assert_eq!(load[0]["line"], line);
        assert_eq!(load[0]["column"], 1);
        assert!(
            load[0]["help"]
                .as_str()
                .unwrap()
                .starts_with("did you mean `plan`?"),
            "{written}: {load:?}"
        );
    }
    // Plan content without a header.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pei.yaml"),
        "objetivos:\n  - codigo: OEI.01\n",
    )
    .unwrap();
    let (code, report) = json_in(dir.path(), &["."]);
    assert_eq!(code, Some(1));
    assert_eq!(findings(&report)[0]["rule"], "LOAD-02");
    assert_eq!(findings(&report)[0]["line"], 1);
    // A file named on the command line is never skipped.
    std::fs::write(dir.path().join("notes.yaml"), "title: not a plan\n").unwrap();
    let (code, report) = json_in(dir.path(), &["notes.yaml"]);
    assert_eq!(code, Some(1));
    assert_eq!(findings(&report).len(), 1);
    assert_eq!(findings(&report)[0]["rule"], "LOAD-02");
    assert_eq!(findings(&report)[0]["file"], "notes.yaml");
}

#[test]
fn a_path_without_plans_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("emptydir")).unwrap();
    std::fs::write(dir.path().join("emptydir/ci.yaml"), "jobs: {}\n").unwrap();
    let output = alinea_in(dir.path(), &["check", "emptydir"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.starts_with("error: no plan file under `emptydir`"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn a_baseline_never_hides_a_broken_plan() {
    let dir = tempfile::tempdir().unwrap();
    copy("plans", dir.path());
    let pei = dir.path().join("local/moyobamba/pei-2025-2027.yaml");
    edit(&pei, "  version: new", "  version: [new");
    let output = alinea_in(dir.path(), &["baseline", ".", "--as-of", AS_OF]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("left out 1 LOAD finding"), "{stderr}");
    let baseline: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("alinea-baseline.json")).unwrap())
            .unwrap();
    let accepted: Vec<&str> = baseline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["rule"].as_str().unwrap())
        .collect();
    assert!(
        !accepted.iter().any(|rule| rule.starts_with("LOAD")),
        "{accepted:?}"
    );
    assert!(
        accepted.contains(&"REF-01"),
        "the references to it are accepted"
    );
    let (code, report) = json_in(dir.path(), &[".", "--baseline", "alinea-baseline.json"]);
    assert_eq!(code, Some(1), "the broken plan still fails the run");
    let rules: Vec<&str> = findings(&report)
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["LOAD-01"]);
    // Nor can a waiver hide it.
    edit(
        &pei,
        "plan:\n",
        "waivers:\n  - {rule: LOAD-01, reason: later, until: 2099-12-31}\nplan:\n",
    );
    let (_, report) = json_in(dir.path(), &["."]);
    assert!(findings(&report).iter().any(|f| f["rule"] == "LOAD-01"));
}

/// The findings of `check ROOT` grouped by file, and every plan file and folder under ROOT.
fn whole_run(dir: &Path, root: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let (_, report) = json_in(dir, &[root]);
    let all: Vec<String> = findings(&report).iter().map(key).collect();
    let mut files = Vec::new();
    let mut folders = BTreeSet::new();
    for entry in walkdir::WalkDir::new(dir.join(root)).sort_by_file_name() {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(dir).unwrap().to_owned();
        let shown = relative.to_string_lossy().replace('\\', "/");
        if entry.file_type().is_dir() {
            folders.insert(shown);
        } else if entry.path().extension().is_some_and(|e| e == "yaml")
            && !shown.ends_with("alinea.yaml")
        {
            files.push(shown);
        }
    }
    (all, files, folders.into_iter().collect())
}

/// Checking one file or one folder gives exactly the findings the whole-tree run gives in it.
fn assert_context_is_the_repository(dir: &Path, root: &str) {
    let (all, files, folders) = whole_run(dir, root);
    assert!(!all.is_empty());
    for file in &files {
        let (_, report) = json_in(dir, &[file]);
        let alone: Vec<String> = findings(&report).iter().map(key).collect();
        let expected: Vec<String> = all
            .iter()
            .filter(|f| f.starts_with(&format!("{file}:")))
            .cloned()
            .collect();
        assert_eq!(alone, expected, "`alinea check {file}`");
        assert_eq!(
            report.pointer("/summary/files"),
            Some(&serde_json::json!(1))
        );
    }
    for folder in &folders {
        let (_, report) = json_in(dir, &[folder]);
        let alone: Vec<String> = findings(&report).iter().map(key).collect();
        let expected: Vec<String> = all
            .iter()
            .filter(|f| f.starts_with(&format!("{folder}/")))
            .cloned()
            .collect();
        assert_eq!(alone, expected, "`alinea check {folder}`");
    }
}

#[test]
fn one_file_is_checked_against_the_whole_repository() {
    assert_context_is_the_repository(Path::new("."), "plans");
    let copy_dir = tempfile::tempdir().unwrap();
    copy("plans", &copy_dir.path().join("plans"));
    assert_context_is_the_repository(copy_dir.path(), "plans");
}

#[test]
fn a_broken_pei_is_one_cause_with_one_finding_per_reference() {
    let dir = tempfile::tempdir().unwrap();
    copy("tests/fixtures/chain", dir.path());
    let (_, good) = json_in(dir.path(), &["."]);
    let pei = "local/soritor/pei-2025-2027.yaml";
    edit(&dir.path().join(pei), "plan:\n", "plan:\n  version: [new\n");
    let (code, broken) = json_in(dir.path(), &["."]);
    assert_eq!(code, Some(1));
    let broken_findings = findings(&broken);
    // The cause: one LOAD finding, and the file holds nothing else.
    let in_pei: Vec<&serde_json::Value> = broken_findings
        .iter()
        .filter(|f| f["file"] == pei)
        .collect();
    assert_eq!(in_pei.len(), 1, "{in_pei:?}");
    assert_eq!(in_pei[0]["rule"], "LOAD-01");
    // At most one finding per reference to it, each naming the broken file.
    let references: usize = walkdir::WalkDir::new(dir.path())
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && !e.path().ends_with(pei))
        .map(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .matches("pei-md-soritor-2025-2027")
                .count()
        })
        .sum();
    let naming: Vec<&serde_json::Value> = broken_findings
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .unwrap()
                .contains("pei-md-soritor-2025-2027")
        })
        .collect();
    assert!(!naming.is_empty() && naming.len() <= references);
    for finding in &naming {
        assert_eq!(finding["rule"], "REF-01");
        let message = finding["message"].as_str().unwrap();
        assert!(
            message.contains(&format!(
                "is in `{pei}`, which could not be read: see LOAD-01"
            )),
            "{message}"
        );
        assert_eq!(finding["related"][0]["file"], pei);
        assert!(!finding["help"].as_str().unwrap().contains("did you mean"));
    }
    // No articulation finding that the good repository did not have: the PDLCs the PEI
    // traced to lose no coverage (ART-11), the POI gets nothing beyond the references.
    let before: BTreeSet<String> = findings(&good)
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_owned())
        .collect();
    let caused: Vec<String> = broken_findings
        .iter()
        .filter(|f| f["file"] != pei && f["rule"] != "REF-01")
        .filter(|f| !before.contains(f["fingerprint"].as_str().unwrap()))
        .map(key)
        .collect();
    assert!(caused.is_empty(), "{caused:#?}");
}

#[test]
fn a_typo_in_one_reference_is_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    copy("plans", dir.path());
    let pei = dir.path().join("regional/san-martin/pei-2024-2028.yaml");
    let (_, good) = json_in(dir.path(), &["."]);
    // OEI.01's only trace to the PDRC, misspelt.
    let text = std::fs::read_to_string(&pei).unwrap();
    let first = text.find("pdrc-san-martin-2030/").unwrap();
    let mut edited = text.clone();
    edited.replace_range(
        first..first + "pdrc-san-martin-2030/".len(),
        "pdrc-san-martin-2031/",
    );
    std::fs::write(&pei, edited).unwrap();
    let (_, broken) = json_in(dir.path(), &["."]);
    let before: BTreeSet<String> = findings(&good)
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_owned())
        .collect();
    let new: Vec<&serde_json::Value> = findings(&broken)
        .iter()
        .filter(|f| !before.contains(f["fingerprint"].as_str().unwrap()))
        .collect();
    assert_eq!(new.len(), 1, "{new:#?}");
    assert_eq!(new[0]["rule"], "REF-01");
    assert!(
        new[0]["help"]
            .as_str()
            .unwrap()
            .contains("did you mean `pdrc-san-martin-2030`?")
    );
    // Never the referring plan's own id.
    edit(
        &dir.path().join("local/moyobamba/poi-2025-2027.yaml"),
        "upper: [pei-mp-moyobamba-2025-2027]",
        "upper: [poi-mp-moyobamba-2025-2028]",
    );
    let (_, report) = json_in(dir.path(), &["."]);
    let own = findings(&report)
        .iter()
        .find(|f| {
            f["rule"] == "REF-01"
                && f["message"]
                    .as_str()
                    .unwrap()
                    .contains("poi-mp-moyobamba-2025-2028")
        })
        .unwrap();
    assert!(
        !own["help"]
            .as_str()
            .unwrap()
            .contains("poi-mp-moyobamba-2025-2027"),
        "{own}"
    );
}

/// The nodes `alinea graph --format json` marks as gaps, and the elements with ART-01 or
/// ART-07 findings in a JSON report, each sorted.
pub(crate) fn gaps_and_articulation_findings(
    graph: &serde_json::Value,
    report: &serde_json::Value,
) -> (Vec<String>, Vec<String>) {
    let mut gaps: Vec<String> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| !n["gap"].is_null())
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .collect();
    gaps.sort();
    let mut articulation: Vec<String> = findings(report)
        .iter()
        .filter(|f| f["rule"] == "ART-01" || f["rule"] == "ART-07")
        .map(|f| {
            format!(
                "{}/{}",
                f["plan"].as_str().unwrap(),
                f["element"].as_str().unwrap()
            )
        })
        .collect();
    articulation.sort();
    articulation.dedup();
    (gaps, articulation)
}

#[test]
fn check_browse_baseline_and_graph_agree() {
    let dir = tempfile::tempdir().unwrap();
    copy("plans", &dir.path().join("plans"));
    std::fs::write(
        dir.path().join("plans/alinea.yaml"),
        "ignore: [IND-10]\n\
         severity: {IND-04: info, ART-07: warning}\n\
         waivers:\n  \
           - {plan: pei-gore-san-martin-2024-2028, rule: ART-01, at: OEI.06, reason: B-1 under review, until: 2099-12-31}\n  \
           - {plan: pei-gore-san-martin-2024-2028x, rule: IND-02, reason: a misspelt plan, until: 2099-12-31}\n  \
           - {plan: pei-gore-san-martin-2024-2028, rule: ART-1, reason: a misspelt rule, until: 2099-12-31}\n",
    )
    .unwrap();
    let root = dir.path();
    let (_, report) = json_in(root, &["plans"]);
    let checked: Vec<String> = findings(&report)
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_owned())
        .collect();
    let rules: Vec<&str> = findings(&report)
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"IND-10"));
    assert_eq!(
        findings(&report)
            .iter()
            .filter(|f| f["rule"] == "ART-01" && f["plan"] == "pei-gore-san-martin-2024-2028")
            .count(),
        1,
        "OEI.06 is waived"
    );
    assert!(
        findings(&report)
            .iter()
            .any(|f| f["rule"] == "IND-04" && f["severity"] == "info")
    );
    // Waivers naming no plan or no rule are errors with a "did you mean".
    let invalid: Vec<&str> = findings(&report)
        .iter()
        .filter(|f| f["rule"] == "WAI-03")
        .map(|f| f["help"].as_str().unwrap())
        .collect();
    assert_eq!(
        invalid,
        [
            "did you mean `pei-gore-san-martin-2024-2028`?",
            "did you mean `ART-01`?"
        ]
    );

    // baseline: exactly the findings check reports.
    let output = alinea_in(root, &["baseline", "plans", "--as-of", AS_OF]);
    assert_eq!(output.status.code(), Some(0));
    let baseline: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("alinea-baseline.json")).unwrap()).unwrap();
    let mut written: Vec<String> = baseline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["fingerprint"].as_str().unwrap().to_owned())
        .collect();
    let mut expected = checked.clone();
    written.sort();
    expected.sort();
    assert_eq!(written, expected);

    // graph: the gaps are the ART-01 and ART-07 findings check reports.
    let output = alinea_in(
        root,
        &["graph", "plans", "--format", "json", "--as-of", AS_OF],
    );
    let graph: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let (gaps, articulation) = gaps_and_articulation_findings(&graph, &report);
    assert!(
        gaps.iter()
            .any(|gap| gap == "pei-gore-san-martin-2024-2028/OEI.05"),
        "{gaps:?}"
    );
    assert_eq!(gaps, articulation);

    // browse: the options the command line builds for it, the same run, the same findings.
    let previous = std::env::current_dir().unwrap();
    let plans: PathBuf = root.join("plans");
    let plans = plans.to_str().unwrap();
    let options =
        |command: &str| alinea::cli::run_options(&[command, plans, "--as-of", AS_OF]).unwrap();
    let browse = options("browse");
    assert_eq!(format!("{browse:?}"), format!("{:?}", options("check")));
    assert_eq!(
        format!("{:?}", browse.config),
        format!("{:?}", options("graph").config)
    );
    let run = alinea::check(&browse).unwrap();
    let model = alinea::tui::app::Model::new(run, alinea::tui::TuiStyle { color: false });
    let mut browsed: Vec<String> = model
        .listed_findings()
        .map(|f| f.fingerprint(&model.run().sources))
        .collect();
    browsed.sort();
    assert_eq!(browsed, expected);
    assert_eq!(std::env::current_dir().unwrap(), previous);
}

#[test]
fn the_cause_is_listed_before_its_effects() {
    let dir = tempfile::tempdir().unwrap();
    copy("tests/fixtures/chain", dir.path());
    let concise = |args: &[&str]| -> Vec<String> {
        let mut all = vec![
            "check", ".", "--format", "concise", "--quiet", "--as-of", AS_OF,
        ];
        all.extend_from_slice(args);
        String::from_utf8(alinea_in(dir.path(), &all).stdout)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    };
    let rule = |line: &String| {
        line.split(": ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .to_owned()
    };
    let by_cause = concise(&[]);
    let by_file = concise(&["--file-order"]);
    assert_eq!(by_cause.len(), by_file.len());
    let mut sorted_cause = by_cause.clone();
    sorted_cause.sort();
    let mut sorted_file = by_file.clone();
    sorted_file.sort();
    assert_eq!(sorted_cause, sorted_file, "the same findings");
    // LOAD and REF errors first, then the rest; each part in file order.
    let causes = by_cause
        .iter()
        .take_while(|line| matches!(&rule(line)[..4], "LOAD" | "REF-"))
        .count();
    assert!(causes > 0);
    assert!(
        by_cause[causes..]
            .iter()
            .all(|line| !rule(line).starts_with("REF") || line.contains("REF-05"))
    );
    assert_ne!(by_cause, by_file);
    let json: serde_json::Value = json_in(dir.path(), &["."]).1;
    let in_file_order: Vec<String> = findings(&json)
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{}: {}",
                f["file"].as_str().unwrap(),
                f["line"],
                f["column"],
                f["rule"].as_str().unwrap()
            )
        })
        .collect();
    let shown: Vec<String> = by_file
        .iter()
        .map(|line| line.split(' ').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(shown, in_file_order);
}

#[test]
fn browse_without_a_terminal_says_so() {
    let output = Command::new(binary())
        .args(["browse", "plans"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}

#[test]
fn a_baseline_applies_to_rules_selected_by_slug() {
    let dir = tempfile::tempdir().unwrap();
    copy("plans", dir.path());
    let output = alinea_in(dir.path(), &["baseline", ".", "--as-of", AS_OF]);
    assert_eq!(output.status.code(), Some(0));
    let (_, without) = json_in(dir.path(), &[".", "--select", "not-reaching-national"]);
    let selected = findings(&without).len();
    assert!(selected > 0);
    let (code, report) = json_in(
        dir.path(),
        &[
            ".",
            "--select",
            "not-reaching-national",
            "--baseline",
            "alinea-baseline.json",
        ],
    );
    assert_eq!(code, Some(0), "{report}");
    assert!(findings(&report).is_empty(), "{report}");
    let suppressed = |r: &serde_json::Value| r["summary"]["suppressed"].as_u64().unwrap();
    assert_eq!(
        suppressed(&report),
        suppressed(&without) + u64::try_from(selected).unwrap()
    );
}
