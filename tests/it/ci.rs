//! alinea as a CI check: SARIF (validated by Microsoft's SARIF Multitool), `JUnit`,
//! GitHub annotations, determinism, configuration, baseline, graph export, statistics.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{binary, edit};

const AS_OF: &str = "2026-11-26";

fn alinea_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(binary())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn alinea(args: &[&str]) -> std::process::Output {
    alinea_in(Path::new("."), args)
}

fn chain(format: &str) -> Vec<u8> {
    alinea(&[
        "check",
        "tests/fixtures/chain",
        "--format",
        format,
        "--as-of",
        AS_OF,
    ])
    .stdout
}

/// The SARIF Multitool: where `.ci/run` installs it (`target/sarif-tools` beside the
/// manifest) or under `$CARGO_TARGET_DIR/sarif-tools`, whichever has it; when neither does,
/// npm installs it under the build's target folder, once per test process.
fn multitool() -> PathBuf {
    static TOOL: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    TOOL.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let prefixes: Vec<PathBuf> = std::env::var_os("CARGO_TARGET_DIR")
            .map(|dir| manifest.join(dir))
            .into_iter()
            .chain([manifest.join("target")])
            .map(|target| target.join("sarif-tools"))
            .collect();
        let tool_in = |prefix: &Path| prefix.join("node_modules/.bin/sarif-multitool");
        let prefix = prefixes
            .iter()
            .find(|prefix| tool_in(prefix).exists())
            .unwrap_or_else(|| prefixes.first().unwrap());
        if !tool_in(prefix).exists() {
            let status = Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--prefix"])
                .arg(prefix)
                .arg("@microsoft/sarif-multitool@5.7.0")
                .status()
                .expect(
                    "npm is needed to install Microsoft's SARIF Multitool (the SARIF validator)",
                );
            assert!(
                status.success(),
                "npm could not install @microsoft/sarif-multitool"
            );
        }
        // npm may leave the native binary without its execute bit (its postinstall script does that).
        let native = prefix.join("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
        if native.exists() {
            let _ = Command::new("chmod").arg("u+x").arg(&native).status();
        }
        tool_in(prefix)
    })
    .clone()
}

/// What the SARIF Multitool finds wrong in `log` at the error and warning levels. The only
/// warning allowed is SARIF2005, "no informationUri": alinea has no public home page yet,
/// and making one up would be worse.
#[track_caller]
fn sarif_problems(log: &[u8]) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alinea.sarif");
    std::fs::write(&path, log).unwrap();
    let verdict = dir.path().join("verdict.sarif");
    let output = Command::new(multitool())
        .arg("validate")
        .arg(&path)
        .arg("-o")
        .arg(&verdict)
        .args(["--level", "Error", "Warning"])
        .output()
        .unwrap();
    assert!(
        verdict.exists(),
        "the validator wrote no verdict:\n{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let verdict: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&verdict).unwrap()).unwrap();
    verdict
        .pointer("/runs/0/results")
        .and_then(serde_json::Value::as_array)
        .unwrap()
        .iter()
        .filter(|problem| {
            problem.get("ruleId").and_then(serde_json::Value::as_str) != Some("SARIF2005")
        })
        .cloned()
        .collect()
}

#[test]
fn sarif_passes_the_official_validator_with_one_result_per_finding() {
    let problems = sarif_problems(&chain("sarif"));
    assert!(
        problems.is_empty(),
        "the validator found problems:\n{problems:#?}"
    );

    let sarif: serde_json::Value = serde_json::from_slice(&chain("sarif")).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&chain("json")).unwrap();
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(findings) {
        assert_eq!(result["ruleId"], finding["rule"]);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], finding["line"]);
        assert_eq!(region["startColumn"], finding["column"]);
        assert_eq!(
            result["partialFingerprints"]["alineaFingerprint/v1"],
            finding["fingerprint"]
        );
    }
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(
        rules.len(),
        alinea::BUILTIN_CHECKS.len() + alinea::dsl::default_pack().len(),
        "every loaded rule is documented"
    );
    let art01 = rules.iter().find(|r| r["id"] == "ART-01").unwrap();
    assert_eq!(art01["name"], "objective-not-articulated");
    assert!(
        art01["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .starts_with("What it checks:")
    );
    assert_eq!(art01["properties"]["pillar"], "legitimacy");
    assert!(results.iter().any(|r| {
        r["relatedLocations"]
            .as_array()
            .is_some_and(|l| !l.is_empty())
    }));
}

/// Every `artifactLocation` in a SARIF log.
fn artifact_locations(sarif: &serde_json::Value) -> Vec<serde_json::Value> {
    let results = sarif
        .pointer("/runs/0/results")
        .and_then(serde_json::Value::as_array);
    let mut found = Vec::new();
    for result in results.unwrap() {
        let locations = result
            .get("locations")
            .and_then(serde_json::Value::as_array);
        let related = result
            .get("relatedLocations")
            .and_then(serde_json::Value::as_array);
        for location in locations
            .unwrap()
            .iter()
            .chain(related.into_iter().flatten())
        {
            found.push(
                location
                    .pointer("/physicalLocation/artifactLocation")
                    .unwrap()
                    .clone(),
            );
        }
    }
    found
}

/// The path of a `file:///…` URI, percent-decoded.
fn path_of_file_uri(uri: &str) -> PathBuf {
    let mut bytes = Vec::new();
    let mut rest = uri.strip_prefix("file://").unwrap();
    while let Some((before, after)) = rest.split_once('%') {
        bytes.extend_from_slice(before.as_bytes());
        let (hex, after) = after.split_at(2);
        bytes.push(u8::from_str_radix(hex, 16).unwrap());
        rest = after;
    }
    bytes.extend_from_slice(rest.as_bytes());
    PathBuf::from(String::from_utf8(bytes).unwrap())
}

#[test]
fn sarif_for_plans_outside_the_current_folder_uses_absolute_file_uris() {
    // The plans in a folder whose name needs escaping, checked from a sibling folder.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("planes de San Martín");
    crate::copy_tree(Path::new("plans"), &root.join("plans"));
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let plans = root.join("plans");
    let absolute = alinea_in(
        &elsewhere,
        &[
            "check",
            plans.to_str().unwrap(),
            "--format",
            "sarif",
            "--as-of",
            AS_OF,
        ],
    );
    let climbing = alinea_in(
        &elsewhere,
        &[
            "check",
            "../planes de San Martín/plans",
            "--format",
            "sarif",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(absolute.status.code(), Some(1), "the plans have findings");
    let problems = sarif_problems(&absolute.stdout);
    assert!(
        problems.is_empty(),
        "the validator found problems:\n{problems:#?}"
    );
    // `../…` is folded into the same absolute URIs.
    assert_eq!(absolute.stdout, climbing.stdout);
    let sarif: serde_json::Value = serde_json::from_slice(&absolute.stdout).unwrap();
    let locations = artifact_locations(&sarif);
    assert!(!locations.is_empty());
    for location in locations {
        let uri = location["uri"].as_str().unwrap();
        assert!(uri.starts_with("file:///"), "{location}");
        assert!(
            uri.contains("/planes%20de%20San%20Mart%C3%ADn/plans/"),
            "{location}"
        );
        assert!(location.get("uriBaseId").is_none(), "{location}");
        let path = path_of_file_uri(uri);
        assert!(path.is_file(), "{location} names no file");
        assert!(path.starts_with(&plans), "{location}");
    }

    // From the folder above, the same files are relative to %SRCROOT%.
    let inside = alinea_in(
        &root,
        &["check", "plans", "--format", "sarif", "--as-of", AS_OF],
    );
    let sarif: serde_json::Value = serde_json::from_slice(&inside.stdout).unwrap();
    for location in artifact_locations(&sarif) {
        assert_eq!(location["uriBaseId"], "%SRCROOT%", "{location}");
        assert!(
            location["uri"].as_str().unwrap().starts_with("plans/"),
            "{location}"
        );
    }
}

#[test]
fn junit_and_github_annotations_match_the_findings_one_to_one() {
    let json: serde_json::Value = serde_json::from_slice(&chain("json")).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let junit = String::from_utf8(chain("junit")).unwrap();
    assert_eq!(junit.matches("<failure ").count(), findings.len());
    assert_eq!(junit.matches("<testcase ").count(), findings.len());
    assert!(
        junit
            .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"alinea\"")
    );
    // One suite per plan file, those without findings included.
    assert_eq!(junit.matches("<testsuite ").count(), 11);
    let github = String::from_utf8(chain("github")).unwrap();
    let lines: Vec<&str> = github.lines().collect();
    assert_eq!(lines.len(), findings.len());
    for (line, finding) in lines.iter().zip(findings) {
        let command = match finding["severity"].as_str().unwrap() {
            "error" => "::error ",
            "warning" => "::warning ",
            _ => "::notice ",
        };
        assert!(line.starts_with(command), "{line}");
        let place = format!(
            "file={},line={},col={},",
            finding["file"].as_str().unwrap(),
            finding["line"],
            finding["column"]
        );
        assert!(line.contains(&place), "{line} lacks {place}");
        assert!(
            line.contains(&format!("title={} ", finding["rule"].as_str().unwrap())),
            "{line}"
        );
    }
}

#[test]
fn every_format_is_byte_identical_across_runs_and_thread_counts() {
    for format in ["human", "json", "sarif", "junit", "github"] {
        let run = |jobs: &str| {
            alinea(&[
                "check",
                "tests/fixtures",
                "--format",
                format,
                "--jobs",
                jobs,
                "--as-of",
                AS_OF,
            ])
            .stdout
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(one, run("2"), "{format}: --jobs 1 and 2 differ");
        assert_eq!(one, run("2"), "{format}: two runs differ");
    }
}

/// A copy of the shipped plans in a temporary folder, without `plans/alinea.yaml`, so that
/// a configuration written at the copy's root applies.
fn copy_of_plans() -> tempfile::TempDir {
    let dir = faithful_copy_of_plans();
    std::fs::remove_file(dir.path().join("plans/alinea.yaml")).unwrap();
    dir
}

/// A copy of the shipped plans in a temporary folder, `plans/alinea.yaml` included.
pub(crate) fn faithful_copy_of_plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), &dir.path().join("plans"));
    dir
}

#[test]
fn a_baseline_survives_moved_lines_reports_fixes_and_lets_only_new_findings_through() {
    let dir = copy_of_plans();
    let root = dir.path();
    let taken = alinea_in(root, &["baseline", "plans", "--as-of", AS_OF]);
    assert_eq!(taken.status.code(), Some(0));
    assert!(root.join("alinea-baseline.json").exists());
    let clean = alinea_in(
        root,
        &[
            "check",
            "plans",
            "--baseline",
            "alinea-baseline.json",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_eq!(clean.status.code(), Some(0));

    let pei = root.join("plans/regional/san-martin/pei-2024-2028.yaml");
    let text = std::fs::read_to_string(&pei).unwrap();
    // Shift every line, fix OEI.05's 'ND' baseline, and drop OEI.09's responsible unit.
    std::fs::write(&pei, format!("# moved\n# every\n# line\n{text}")).unwrap();
    edit(&pei, "value: ND", "value: 20.0");
    let oei09 = text.find("code: OEI.09").unwrap();
    let responsible = text[oei09..].find("responsible:").unwrap() + oei09;
    let line_end = text[responsible..].find('\n').unwrap() + responsible;
    let dropped = &text[responsible..line_end];
    edit(&pei, dropped, "notes: responsible unit dropped");

    let output = alinea_in(
        root,
        &[
            "check",
            "plans",
            "--baseline",
            "alinea-baseline.json",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["element"].as_str().unwrap()))
        .collect();
    assert_eq!(findings, [("CAP-01", "OEI.09")]);
    let fixed: Vec<&str> = report["fixed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(fixed, ["IND-02"]);
    assert!(report["summary"]["suppressed"].as_u64().unwrap() > 0);
}

#[test]
fn the_configuration_changes_the_report_and_the_exit_code() {
    let dir = copy_of_plans();
    let root = dir.path();
    let count = |args: &[&str]| -> (Option<i32>, serde_json::Value) {
        let mut all = vec!["check", "plans", "--format", "json", "--as-of", AS_OF];
        all.extend_from_slice(args);
        let output = alinea_in(root, &all);
        (
            output.status.code(),
            serde_json::from_slice(&output.stdout).unwrap(),
        )
    };
    let (code, before) = count(&[]);
    assert_eq!(code, Some(1));
    assert!(
        before["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "IND-04")
    );

    // Downgrade every error to a warning or ignore it: exit 0 under the default `fail_on: error`…
    std::fs::write(
        root.join("alinea.yaml"),
        "ignore: [IND-04]\nseverity: {ART-01: warning, ART-07: warning, IND-02: warning, IND-10: warning}\n",
    )
    .unwrap();
    let (code, after) = count(&[]);
    assert_eq!(code, Some(0));
    assert!(
        !after["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "IND-04")
    );
    assert_eq!(after["summary"]["errors"], 0);
    assert!(
        after["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "ART-01" && f["severity"] == "warning")
    );
    // …and exit 1 once the file fails on warnings; a flag overrides the file.
    std::fs::write(
        root.join("alinea.yaml"),
        "ignore: [IND-04]\nseverity: {ART-01: warning, ART-07: warning, IND-02: warning, IND-10: warning}\nfail_on: warning\n",
    )
    .unwrap();
    assert_eq!(count(&[]).0, Some(1));
    assert_eq!(count(&["--fail-on", "error"]).0, Some(0));

    std::fs::write(root.join("alinea.yaml"), "ignroe: [ART-08]\n").unwrap();
    let output = alinea_in(root, &["check", "plans"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("unknown key `ignroe` in the configuration"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `ignore`?"), "{stderr}");
    assert!(stderr.contains("alinea.yaml:1:1"), "{stderr}");
}

#[test]
fn configuration_waivers_and_exclusions_apply() {
    let dir = copy_of_plans();
    let root = dir.path();
    std::fs::create_dir_all(root.join("plans/drafts")).unwrap();
    std::fs::write(root.join("plans/drafts/broken.yaml"), "plan: {id: x}\n").unwrap();
    std::fs::write(
        root.join("alinea.yaml"),
        "exclude: [\"plans/drafts/**\"]\nwaivers:\n  - plan: pei-gore-san-martin-2024-2028\n    rule: objective-not-articulated\n    reason: B-1 under review with CEPLAN\n    until: 2099-12-31\n  - plan: pei-gore-san-martin-2024-2028\n    rule: IND-05\n    reason: nothing to waive\n    until: 2099-12-31\n",
    )
    .unwrap();
    let output = alinea_in(
        root,
        &["check", "plans", "--format", "json", "--as-of", AS_OF],
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    // The waiver covers its own plan's ART-01 findings, and no other plan's.
    let art_01 = |plan: &str| {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "ART-01" && f["plan"] == plan)
            .count()
    };
    assert_eq!(
        art_01("pei-gore-san-martin-2024-2028"),
        0,
        "waived by the configuration"
    );
    assert!(art_01("pdrc-san-martin-2030") > 0);
    assert!(
        !rules.iter().any(|r| r.starts_with("LOAD")),
        "the drafts folder is excluded"
    );
    let unused: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "WAI-01")
        .collect();
    assert_eq!(unused.len(), 1);
    assert_eq!(unused[0]["file"], "alinea.yaml");
    assert_eq!(unused[0]["line"], 8);
}

#[test]
fn the_graph_exports_marks_broken_links_and_gaps() {
    let json = alinea(&["graph", "tests/fixtures/chain", "--format", "json"]);
    assert_eq!(json.status.code(), Some(0));
    let graph: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let edges = graph["edges"].as_array().unwrap();
    let broken: Vec<&str> = edges
        .iter()
        .filter(|e| e["broken"] == true)
        .map(|e| e["ref"].as_str().unwrap())
        .collect();
    assert_eq!(broken, ["pdrc-san-martin-2030/AET.2.9"]);
    // The gaps are exactly the elements with ART-01 or ART-07 findings of `check`.
    let report: serde_json::Value = serde_json::from_slice(&chain("json")).unwrap();
    let (gaps, articulation) = crate::repository::gaps_and_articulation_findings(&graph, &report);
    assert!(!gaps.is_empty());
    assert_eq!(gaps, articulation);
    let oel = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "pdlc-moyobamba-2022-2030/OEL.01")
        .unwrap();
    assert_eq!(oel["gap"], "not articulated (ART-01)");
    let dot =
        String::from_utf8(alinea(&["graph", "tests/fixtures/chain", "--format", "dot"]).stdout)
            .unwrap();
    assert!(dot.starts_with("digraph alinea {"));
    assert!(dot.contains("color=red, style=dashed, label=\"broken\""));
    let mermaid =
        String::from_utf8(alinea(&["graph", "tests/fixtures/chain", "--format", "mermaid"]).stdout)
            .unwrap();
    assert!(mermaid.starts_with("flowchart BT\n"));
    assert!(mermaid.contains("-. broken .->"));
}

#[test]
fn statistics_count_findings_per_rule() {
    let json: serde_json::Value = serde_json::from_slice(&chain("json")).unwrap();
    let output = alinea(&[
        "check",
        "tests/fixtures/chain",
        "--statistics",
        "--as-of",
        AS_OF,
    ]);
    let human = String::from_utf8(output.stdout).unwrap();
    // `  count  RULE-ID  slug  severity` lines, then the total.
    let rows: Vec<(u64, &str)> = human
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let count = words.next()?.parse().ok()?;
            Some((count, words.next().filter(|id| id.contains('-'))?))
        })
        .collect();
    let total: u64 = rows.iter().map(|(count, _)| count).sum();
    assert_eq!(
        usize::try_from(total).unwrap(),
        json["findings"].as_array().unwrap().len()
    );
    assert!(rows.contains(&(2, "PRI-01")), "{human}");
    assert!(
        human.contains(&format!("{total} findings in {} rules", rows.len())),
        "{human}"
    );
    // A table for people: with a machine format it is a usage error, not a silent switch.
    let machine = alinea(&[
        "check",
        "tests/fixtures/chain",
        "--statistics",
        "--format",
        "json",
    ]);
    assert_eq!(machine.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&machine.stderr)
            .contains("cannot be combined with `--format json`")
    );
}
