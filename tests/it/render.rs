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
        file_order: false,
        width: 100,
    };
    render(format, &run, style, &mut out).unwrap();
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
    assert_eq!(value["version"], 2);
    assert_eq!(value["tool"]["name"], "alinea");
    // The profile (v2): per pillar a score and its checks; the money figure.
    let profile = value["profiles"][0].as_object().unwrap();
    assert!(profile.contains_key("plan") && profile.contains_key("money"));
    for pillar in ["legitimacy", "capacity", "value"] {
        let pillar = &value["profiles"][0]["pillars"][pillar];
        assert!(pillar["score"].is_null() || pillar["score"].is_number());
        for check in pillar["checks"].as_array().unwrap() {
            let check = check.as_object().unwrap();
            for key in ["id", "status", "share", "weight", "findings", "reason"] {
                assert!(check.contains_key(key), "check has no `{key}`");
            }
            assert!(
                ["pass", "fail", "waived", "unknown", "n/a"]
                    .contains(&check["status"].as_str().unwrap())
            );
        }
    }
    let summary = value["summary"].as_object().unwrap();
    let keys: Vec<_> = summary.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "errors",
            "files",
            "infos",
            "not_transcribed",
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

#[test]
fn columns_count_characters_in_every_format() {
    // Line 8 has `ó` and `—` (2 and 3 bytes) before the reference: character column 79, byte column 83.
    let human = rendered("tests/fixtures/unicode", Format::Human);
    assert!(
        human.contains("╭─[tests/fixtures/unicode/accents.yaml:8:79]"),
        "{human}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&rendered("tests/fixtures/unicode", Format::Json)).unwrap();
    assert_eq!(json["findings"][0]["column"], 79);
    assert_eq!(json["findings"][0]["end_column"], 89);
}
