//! Data the sources have and a transcription lacks (`not_transcribed`): findings about it are
//! unknown, neither failing nor waived, and said apart in every output.

use std::process::Command;

const PLAN: &str = r#"plan:
  id: pei-x
  kind: pei
  title: PEI X
  entity: {name: X, type: municipality, level: district, territory: "220101"}
  period: {start: 2024, end: 2026}
objectives:
  - code: OEI.01
    statement: Mejorar algo
    priority: 1
    responsible: Gerencia
    indicators:
      - name: Porcentaje de algo
        unit: percent
        direction: ascending
        baseline: {year: 2022, value: 10}
        targets: {2024: 11, 2025: 12, 2026: 13}
"#;

fn check(dir: &std::path::Path, extra: &str) -> (Option<i32>, serde_json::Value) {
    std::fs::write(dir.join("alinea.yaml"), "").unwrap();
    std::fs::write(dir.join("pei.yaml"), format!("{PLAN}{extra}")).unwrap();
    let output = Command::new(crate::binary())
        .args(["check", ".", "--format", "json", "--as-of", "2026-11-26"])
        .args(["--select", "IND-09,WAI"])
        .current_dir(dir)
        .output()
        .unwrap();
    (
        output.status.code(),
        serde_json::from_slice(&output.stdout).unwrap(),
    )
}

fn rules(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_finding_about_data_not_transcribed_is_unknown_not_failing_nor_waived() {
    let dir = tempfile::tempdir().unwrap();
    // Without the entry, the indicator's missing metadata is a warning.
    let (_, plain) = check(dir.path(), "");
    assert_eq!(rules(&plain), ["IND-09"]);
    assert_eq!(plain["summary"]["not_transcribed"], 0);
    // With it, the finding is set aside as unknown, in Spanish keys too.
    for entry in [
        "not_transcribed:\n  - {rule: IND-09, at: OEI.01, reason: the source gives no ficha}\n",
        "no_transcrito:\n  - {regla: missing-indicator-metadata, en: OEI.01, motivo: la fuente no da la ficha}\n",
    ] {
        let (code, report) = check(dir.path(), entry);
        assert_eq!(code, Some(0), "{entry}");
        assert!(rules(&report).is_empty(), "{entry}: {report}");
        assert_eq!(report["summary"]["not_transcribed"], 1, "{entry}");
        assert_eq!(report["summary"]["suppressed"], 0, "{entry}");
    }
    // An entry that covers nothing is reported like an unused waiver.
    let (_, unused) = check(
        dir.path(),
        "not_transcribed:\n  - {rule: IND-09, at: OEI.09, reason: typo}\n",
    );
    assert_eq!(rules(&unused), ["IND-09", "WAI-01"]);
    let message = unused["findings"][1]["message"].as_str().unwrap();
    assert!(message.contains("`not_transcribed`"), "{message}");
}

#[test]
fn the_human_summary_says_how_much_is_not_transcribed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("alinea.yaml"), "").unwrap();
    std::fs::write(
        dir.path().join("pei.yaml"),
        format!("{PLAN}not_transcribed:\n  - {{rule: IND-09, reason: no ficha in the source}}\n"),
    )
    .unwrap();
    for (lang, expected) in [
        (
            "en",
            "1 finding is about data not transcribed from the sources",
        ),
        (
            "es",
            "1 hallazgo trata sobre datos no transcritos de las fuentes",
        ),
    ] {
        let output = Command::new(crate::binary())
            .args(["check", ".", "--lang", lang, "--select", "IND-09"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains(expected), "{text}");
    }
}
