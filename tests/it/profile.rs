//! The public value profile (v2): checks per pillar with pass, fail, waived, unknown and n/a,
//! weights and shares, and the money that flows through a complete chain.

use std::path::Path;
use std::process::Command;

const PEDN: &str = r"plan:
  id: pedn-2050
  kind: pedn
  title: PEDN
  entity: {name: CEPLAN, type: other, level: national}
  period: {start: 2022, end: 2050}
  status: approved
  approval: {instrument: DS 095-2022-PCM, date: 2022-07-28}
  published: https://example.invalid/pedn
objectives:
  - code: ON1
    statement: Personas
";

const PDRC: &str = r#"plan:
  id: pdrc-x-2030
  kind: pdrc
  title: PDRC X
  entity: {name: GORE X, type: regional-government, level: regional, territory: "22"}
  period: {start: 2019, end: 2030}
  status: approved
  approval: {instrument: OR 1, date: 2018-11-19}
  ceplan_report: IT 1-2018-CEPLAN
  published: https://example.invalid/pdrc
  participation: [{kind: taller, date: 2018-05-10, participants: 80}]
  upper: [pedn-2050]
objectives:
  - code: OET.1
    statement: Salud
    traces_to: [pedn-2050/ON1]
    indicators:
      - {name: Anemia, unit: percent, direction: descending, baseline: {year: 2017, value: 40}, targets: {2030: 20}, responsible: DIRESA, source: ENDES, method: N/D}
"#;

/// A PEI; `header` replaces its territory, period and approval lines.
fn pei(header: &str) -> String {
    format!(
        r#"plan:
  id: pei-x
  kind: pei
  title: PEI X
  entity: {{name: GORE X, type: regional-government, level: regional, territory: "{territory}"}}
  status: approved
  ceplan_report: IT 2-2023-CEPLAN
  published: https://example.invalid/pei
  upper: [pdrc-x-2030]
{header}objectives:
  - code: OEI.01
    statement: Reducir la anemia
    priority: 1
    responsible: DIRESA
    traces_to: [{{ref: pdrc-x-2030/OET.1, why: Menos anemia}}]
    indicators:
      - {{name: Anemia, unit: percent, direction: descending, baseline: {{year: 2022, value: 30}}, targets: {{2024: 28, 2025: 26, 2026: 24, 2027: 22, 2028: 20}}, responsible: DIRESA, source: ENDES, method: N/D}}
    actions:
      - code: AEI.01.01
        statement: Suplementación con hierro
        priority: 1
        responsible: DIRESA
        traces_to: [pdrc-x-2030/OET.1]
        indicators:
          - {{name: Niños suplementados, unit: percent, direction: ascending, baseline: {{year: 2022, value: 50}}, targets: {{2024: 55, 2025: 60, 2026: 65, 2027: 70, 2028: 75}}, responsible: DIRESA, source: HIS, method: N/D}}
"#,
        territory = if header.contains("foreign") {
            "23"
        } else {
            "22"
        },
    )
}

const CLEAN: &str =
    "  period: {start: 2024, end: 2028}\n  approval: {instrument: RER 1, date: 2023-12-22}\n";
/// No approval, a foreign upper territory (the PEI is of region 23, its PDRC of 22) and a
/// two-year horizon.
const BROKEN: &str = "  period: {start: 2024, end: 2025}   # foreign\n";

fn repository(pei_text: &str, extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("alinea.yaml"), "").unwrap();
    std::fs::write(dir.path().join("pedn.yaml"), PEDN).unwrap();
    std::fs::write(dir.path().join("pdrc.yaml"), PDRC).unwrap();
    std::fs::write(dir.path().join("pei.yaml"), pei_text).unwrap();
    for (name, text) in extra {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn report(dir: &Path, args: &[&str]) -> serde_json::Value {
    let output = Command::new(crate::binary())
        .args(["check", ".", "--format", "json", "--as-of", "2026-11-26"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&output.stdout);
    assert!(
        report.is_ok(),
        "no JSON report: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    report.unwrap()
}

fn profile<'a>(report: &'a serde_json::Value, plan: &str) -> &'a serde_json::Value {
    report["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["plan"] == plan)
        .expect("the plan has a profile")
}

fn check<'a>(profile: &'a serde_json::Value, pillar: &str, id: &str) -> &'a serde_json::Value {
    profile
        .pointer(&format!("/pillars/{pillar}/checks"))
        .and_then(serde_json::Value::as_array)
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .expect("the pillar has the check")
}

fn score(profile: &serde_json::Value, pillar: &str) -> f64 {
    profile
        .pointer(&format!("/pillars/{pillar}/score"))
        .and_then(serde_json::Value::as_f64)
        .expect("the pillar has a score")
}

#[test]
fn no_approval_a_foreign_upper_plan_and_a_short_horizon_lower_legitimacy() {
    let clean = repository(&pei(CLEAN), &[]);
    let broken = repository(&pei(BROKEN), &[]);
    let (clean, broken) = (report(clean.path(), &[]), report(broken.path(), &[]));
    let (clean, broken) = (profile(&clean, "pei-x"), profile(&broken, "pei-x"));
    for id in ["approved", "upper_in_force", "horizon"] {
        assert_eq!(check(clean, "legitimacy", id)["status"], "pass", "{id}");
        assert_eq!(check(broken, "legitimacy", id)["status"], "fail", "{id}");
    }
    assert_eq!(
        check(broken, "legitimacy", "approved")["rules"][0],
        "APR-01"
    );
    assert_eq!(check(broken, "legitimacy", "horizon")["rules"][0], "APR-02");
    assert!(
        check(broken, "legitimacy", "upper_in_force")["rules"]
            .as_array()
            .unwrap()
            .contains(&"ART-03".into())
    );
    assert!((score(clean, "legitimacy") - 1.0).abs() < 1e-9, "{clean}");
    // approved (3), horizon (2) and upper plans in force (3) fail out of 3+2+2+2+3+3+3.
    let expected = 1.0 - 8.0 / 18.0;
    assert!(
        (score(broken, "legitimacy") - expected).abs() < 1e-9,
        "{}",
        score(broken, "legitimacy")
    );
}

#[test]
fn national_plans_show_n_a_where_no_check_applies() {
    let dir = repository(&pei(CLEAN), &[]);
    let report = report(dir.path(), &[]);
    let pedn = profile(&report, "pedn-2050");
    assert!(pedn["pillars"]["capacity"]["score"].is_null());
    assert!(pedn["pillars"]["value"]["score"].is_null());
    for check in pedn["pillars"]["capacity"]["checks"].as_array().unwrap() {
        assert_eq!(check["status"], "n/a", "{check}");
        assert_eq!(check["reason"], "kind", "{check}");
    }
    let upper = check(pedn, "legitimacy", "upper_in_force");
    assert_eq!(upper["status"], "n/a");
    assert_eq!(upper["reason"], "national");
    assert!(pedn["money"].is_null());
}

#[test]
fn a_waived_check_shows_as_waived_and_does_not_pass() {
    let waived = format!(
        "{}waivers:\n  - {{rule: APR-02, reason: the law allows it, until: 2030-12-31}}\n",
        pei(BROKEN)
    );
    let dir = repository(&waived, &[]);
    let with_waiver = report(dir.path(), &[]);
    let broken = repository(&pei(BROKEN), &[]);
    let without = report(broken.path(), &[]);
    let horizon = check(profile(&with_waiver, "pei-x"), "legitimacy", "horizon");
    assert_eq!(horizon["status"], "waived");
    assert_eq!(horizon["share"], 0.0);
    assert_eq!(horizon["findings"][0], "APR-02:pei-x::period");
    assert!(
        (score(profile(&with_waiver, "pei-x"), "legitimacy")
            - score(profile(&without, "pei-x"), "legitimacy"))
        .abs()
            < 1e-9
    );
}

#[test]
fn warnings_without_a_check_do_not_decide_a_pillar() {
    // The PEI's AEI has no Política Nacional (ART-08, a warning that feeds no check).
    let dir = repository(&pei(CLEAN), &[]);
    let all = report(dir.path(), &[]);
    let without = report(dir.path(), &["--ignore", "ART-08"]);
    assert!(
        all["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "ART-08")
    );
    for pillar in ["legitimacy", "capacity", "value"] {
        let path = format!("/pillars/{pillar}/score");
        assert_eq!(
            profile(&all, "pei-x").pointer(&path),
            profile(&without, "pei-x").pointer(&path),
            "{pillar}"
        );
    }
}

#[test]
fn the_money_figure_is_the_budget_of_the_operations_whose_chain_is_complete() {
    // OEI.01 → PDRC OET.1 → PEDN ON1 is a complete chain; AEI.01.01 has an indicator,
    // AEI.01.02 has none (IND-01); OEI.02 traces to nothing (ART-01, ART-07).
    let pei_text = format!(
        "{}      - code: AEI.01.02\n        statement: Consejería\n        priority: 2\n        responsible: DIRESA\n  - code: OEI.02\n    statement: Otra cosa\n    priority: 2\n    responsible: GRPP\n    indicators:\n      - {{name: Algo, unit: percent, direction: ascending, baseline: {{year: 2022, value: 1}}, targets: {{2024: 2, 2025: 3, 2026: 4, 2027: 5, 2028: 6}}, responsible: GRPP, source: X, method: N/D}}\n    actions:\n      - code: AEI.02.01\n        statement: Otra acción\n        priority: 1\n        responsible: GRPP\n        indicators:\n          - {{name: Otro, unit: percent, direction: ascending, baseline: {{year: 2022, value: 1}}, targets: {{2024: 2, 2025: 3, 2026: 4, 2027: 5, 2028: 6}}, responsible: GRPP, source: X, method: N/D}}\n",
        pei(CLEAN)
    );
    let poi = r#"plan:
  id: poi-x
  kind: poi
  title: POI X
  entity: {name: GORE X, type: regional-government, level: regional, territory: "22"}
  period: {start: 2024, end: 2026}
  upper: [pei-x]
activities:
  - {code: A1, name: Hierro, action: pei-x/AEI.01.01, unit: niño, physical: {2024: 1, 2025: 1}, budget: {2024: 100, 2025: 50}}
  - {code: A2, name: Consejería, action: pei-x/AEI.01.02, unit: familia, physical: {2024: 1}, budget: {2024: 30}}
  - {code: A3, name: Otra, action: pei-x/AEI.02.01, unit: u, physical: {2024: 1}, budget: {2024: 20}}
  - {code: A4, name: Sin acción, unit: u, physical: {2024: 1}, budget: {2024: 7}}
investments:
  - {cui: "2456789", type: PI, name: Mejoramiento, action: pei-x/AEI.01.01, gaps: [{type: quality, indicator: Brecha, contribution: 1}], budget: {2025: 1000}}
"#;
    let dir = repository(&pei_text, &[("poi.yaml", poi)]);
    let report = report(dir.path(), &[]);
    let money = &profile(&report, "pei-x")["money"];
    // Complete chains: A1 (100 + 50) and the investment (1000); not A2 (its AEI has no
    // indicator), A3 (its OEI reaches nothing) nor A4 (no action).
    assert_eq!(money["chain"], 1150.0, "{money}");
    assert_eq!(money["total"], 1207.0, "{money}");
    assert_eq!(money["currency"], "PEN");
    // The human report says it in a line of its own.
    let output = Command::new(crate::binary())
        .args(["check", ".", "--as-of", "2026-11-26"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("S/ 1\u{202f}150 of S/ 1\u{202f}207 (95 %) reach national policy"),
        "{text}"
    );
    // A PEI without POI has no money figure.
    let lone = repository(&pei(CLEAN), &[]);
    assert!(profile(&self::report(lone.path(), &[]), "pei-x")["money"].is_null());
}
