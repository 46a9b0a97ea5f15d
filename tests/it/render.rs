//! Snapshots of the human and JSON reports.

use std::path::Path;

use alinea::render::{Format, Style, render};

use crate::run;

fn rendered(dir: &str, format: Format) -> String {
    let run = run(&[Path::new(dir)]);
    let mut out = Vec::new();
    let style = Style {
        color: false,
        quiet: false,
        width: 100,
    };
    render(format, &run.report, &run.sources, style, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn human_report_of_broken_references() {
    insta::assert_snapshot!(rendered("tests/fixtures/checks/REF-01", Format::Human));
}

#[test]
fn human_report_of_schema_violations() {
    insta::assert_snapshot!(rendered("tests/fixtures/checks/LOAD-02", Format::Human));
}

#[test]
fn human_report_of_cycles_and_downward_traces() {
    insta::assert_snapshot!(rendered("tests/fixtures/checks/REF-03", Format::Human));
}

#[test]
fn json_report_of_broken_references() {
    insta::assert_snapshot!(rendered("tests/fixtures/checks/REF-01", Format::Json));
}

#[test]
fn json_report_has_the_documented_shape() {
    let value: serde_json::Value =
        serde_json::from_str(&rendered("tests/fixtures/checks/REF-02", Format::Json)).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["tool"]["name"], "alinea");
    let summary = value["summary"].as_object().unwrap();
    let keys: Vec<_> = summary.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "errors",
            "files",
            "infos",
            "plans",
            "rules",
            "suppressed",
            "warnings"
        ]
    );
    let finding = value["findings"][0].as_object().unwrap();
    for key in [
        "rule",
        "slug",
        "severity",
        "pillar",
        "message",
        "plan",
        "element",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "related",
        "help",
        "fingerprint",
    ] {
        assert!(finding.contains_key(key), "finding has no `{key}`");
    }
    assert_eq!(value["findings"][0]["indicator"], "IND.1");
    assert_eq!(
        value["findings"][0]["fingerprint"],
        "REF-02:pdrc-san-martin-2030:AET.1.2:indicators[0].code"
    );
}
