//! Tidy checks that keep the code base honest: module docs, grammar docs, rule
//! headers, and no orphan snapshots.

use std::path::Path;

fn files(dir: &str, extension: &str) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == extension))
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_module_starts_with_its_documentation() {
    for (path, text) in files("src", "rs") {
        if path.ends_with("tests.rs") {
            continue;
        }
        assert!(
            text.trim_start().starts_with("//!"),
            "{path} does not start with a `//!` module doc"
        );
    }
}

#[test]
fn every_grammar_rule_is_documented() {
    let grammar = std::fs::read_to_string("grammar/alignment.pest").unwrap();
    assert!(grammar.starts_with("//!"));
    let mut previous = "";
    for line in grammar.lines() {
        let is_rule = line.split_once('=').is_some_and(|(name, _)| {
            let name = name.trim();
            !name.is_empty()
                && !line.starts_with(' ')
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        if is_rule {
            assert!(
                previous.starts_with("///"),
                "grammar rule `{line}` has no `///` doc"
            );
        }
        previous = line;
    }
}

#[test]
fn every_snapshot_belongs_to_a_test() {
    for entry in std::fs::read_dir("tests/it/snapshots").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            Path::new(&name).extension().is_none_or(|e| e != "new"),
            "{name}: review the pending snapshot (cargo insta review)"
        );
        // it__<module>__<test or snapshot name>.snap
        let stem = name.trim_end_matches(".snap");
        let mut parts = stem.splitn(3, "__");
        let (_, module, test) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
        let source = std::fs::read_to_string(Path::new("tests/it").join(format!("{module}.rs")))
            .unwrap_or_default();
        // Names made with `format!("view_{width}x{height}")` are found by their prefix.
        let prefix = test
            .rsplit_once('_')
            .filter(|(_, size)| {
                size.split_once('x')
                    .is_some_and(|(w, h)| w.parse::<u16>().is_ok() && h.parse::<u16>().is_ok())
            })
            .map(|(prefix, _)| format!("\"{prefix}_{{width}}x{{height}}\""));
        assert!(
            source.contains(test) || prefix.is_some_and(|p| source.contains(&p)),
            "{name} is not referenced by any test of tests/it/{module}.rs"
        );
    }
}

#[test]
fn a_hostile_rule_file_is_a_usage_error_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.rule");
    let deep = format!(
        "rule USR-09 deep {{\n  title \"deep\"\n  severity info\n  pillar value\n  for p in plans\n  require {}true{}\n  message \"x\" at p\n}}\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    std::fs::write(&path, deep).unwrap();
    let output = std::process::Command::new(crate::binary())
        .args(["rules", "check", "--no-default-rules"])
        .arg(&path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("expression nested deeper than 200 levels"),
        "{stderr}"
    );
}
