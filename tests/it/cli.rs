//! The binary as a user runs it.

use std::process::{Command, Stdio};

use crate::binary;

fn alinea(args: &[&str]) -> std::process::Output {
    Command::new(binary())
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}
/// `alinea check` with the built-in checks only, so that outputs stay about what each test shows.
fn builtin_check(args: &[&str]) -> std::process::Output {
    let mut all = vec!["check", "--no-default-rules"];
    all.extend_from_slice(args);
    alinea(&all)
}

#[test]
fn exit_codes() {
    assert_eq!(
        builtin_check(&["tests/fixtures/checks/LOAD-01/good.yaml"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        builtin_check(&["tests/fixtures/checks/REF-01"])
            .status
            .code(),
        Some(1)
    );
    // REF-05 is a warning: it fails the run only with --fail-on warning.
    assert_eq!(
        builtin_check(&["tests/fixtures/checks/REF-05"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        builtin_check(&["tests/fixtures/checks/REF-05", "--fail-on", "warning"])
            .status
            .code(),
        Some(1)
    );
    let missing = builtin_check(&["no/such/folder"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "error: path `no/such/folder` does not exist\n"
    );
    assert_eq!(builtin_check(&["--format", "xml"]).status.code(), Some(2));
    assert_eq!(alinea(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn select_and_ignore_take_ids_slugs_and_prefixes() {
    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec![
            "check",
            "--no-default-rules",
            "tests/fixtures/checks/REF-03",
            "--format",
            "json",
        ];
        all.extend_from_slice(args);
        serde_json::from_slice(&alinea(&all).stdout).unwrap()
    };
    let rules = |value: &serde_json::Value| -> Vec<String> {
        value["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(rules(&json(&["--select", "REF-03"])), ["REF-03", "REF-03"]);
    assert_eq!(
        rules(&json(&["--select", "trace-cycle"])),
        ["REF-03", "REF-03"]
    );
    assert_eq!(rules(&json(&["--ignore", "REF-04"])), ["REF-03", "REF-03"]);
    assert_eq!(rules(&json(&["--ignore", "REF"])), Vec::<String>::new());
    // One comma-separated value: the folder after it is a path, not a rule.
    assert_eq!(
        rules(&json(&[
            "--select",
            "REF-03,trace-cycle",
            "tests/fixtures/checks/REF-03"
        ])),
        ["REF-03", "REF-03"]
    );
    let unknown = builtin_check(&["tests/fixtures/checks/REF-03", "--select", "REF-99"]);
    assert_eq!(unknown.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("`--select` names `REF-99`, which is no rule"),
        "{stderr}"
    );
    // An id never matches by prefix.
    let prefix = builtin_check(&["tests/fixtures/checks/REF-03", "--ignore", "REF-0"]);
    assert_eq!(prefix.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&prefix.stderr);
    assert!(stderr.contains("did you mean `REF-01`?"), "{stderr}");
    // LOAD findings cannot be ignored.
    let load = builtin_check(&["tests/fixtures/checks/REF-03", "--ignore", "LOAD"]);
    assert_eq!(load.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&load.stderr).contains("LOAD findings cannot be ignored"));
}

#[test]
fn colours_only_when_asked_or_on_a_terminal() {
    let always = alinea(&["check", "tests/fixtures/checks/REF-01", "--color", "always"]);
    assert!(String::from_utf8_lossy(&always.stdout).contains("\u{1b}["));
    let never = alinea(&["check", "tests/fixtures/checks/REF-01", "--color", "never"]);
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\u{1b}'));
    // `auto` writing to a pipe: no colour.
    let auto = alinea(&["check", "tests/fixtures/checks/REF-01"]);
    assert!(!String::from_utf8_lossy(&auto.stdout).contains('\u{1b}'));
}

#[test]
fn quiet_prints_the_findings_without_the_summary() {
    let args = ["tests/fixtures/checks/REF-01", "--color", "never"];
    let loud = String::from_utf8(builtin_check(&args).stdout).unwrap();
    let quiet = builtin_check(&[&args[..], &["--quiet"]].concat());
    let quiet = String::from_utf8(quiet.stdout).unwrap();
    assert!(loud.contains("checked 4 files and 4 plans: 7 errors, 0 warnings, 0 infos"));
    let summary_start = loud.find("checked 4 files").unwrap();
    assert_eq!(
        quiet,
        loud[..summary_start],
        "the findings, and nothing after them"
    );
    assert_eq!(quiet.matches("error[REF-01]").count(), 7);
    // The concise format: one line per finding, `file:line:col: ID message`.
    let concise = builtin_check(&[&args[..], &["--format", "concise", "--quiet"]].concat());
    let concise = String::from_utf8(concise.stdout).unwrap();
    assert_eq!(concise.lines().count(), 7);
    assert!(
        concise
            .lines()
            .all(|line| line.starts_with("tests/fixtures/checks/REF-01/")
                && line.contains(": REF-01 ")),
        "{concise}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Command::new(binary())
        .args(["check", "tests/fixtures", "--color", "always"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the report is written, as `| head -0` would.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    // Quietly, and the exit code still tells that there are findings.
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    for format in ["human", "json"] {
        let one = alinea(&[
            "check",
            "tests/fixtures",
            "--format",
            format,
            "--jobs",
            "1",
            "--color",
            "never",
        ]);
        let two = alinea(&[
            "check",
            "tests/fixtures",
            "--format",
            format,
            "--jobs",
            "2",
            "--color",
            "never",
        ]);
        let again = alinea(&[
            "check",
            "tests/fixtures",
            "--format",
            format,
            "--jobs",
            "2",
            "--color",
            "never",
        ]);
        assert!(!one.stdout.is_empty());
        assert_eq!(one.stdout, two.stdout, "{format}: --jobs 1 and 2 differ");
        assert_eq!(two.stdout, again.stdout, "{format}: two runs differ");
    }
}

#[test]
fn output_file_receives_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let output = builtin_check(&[
        "tests/fixtures/checks/REF-05",
        "--format",
        "json",
        "--output",
        path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(report["summary"]["warnings"], 1);
}

#[test]
fn verbose_lists_skipped_files() {
    let output = alinea(&[
        "check",
        "tests/fixtures/checks/LOAD-01",
        "--verbose",
        "--color",
        "never",
    ]);
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .ends_with("skipped (not a plan): tests/fixtures/checks/LOAD-01/not-a-plan.yaml\n")
    );
}
