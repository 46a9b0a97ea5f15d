//! The one integration-test binary.
//!
//! - `checks`: one fixture folder per built-in check, with the expected findings written as
//!   `# expect: ID` comments on the lines they point at; no misses, no extras.
//! - `fix`: `check --fix`, `--unsafe-fixes`, `--diff` and the fix library: byte-for-byte
//!   results on a copy of the sample repository, idempotence, safe and unsafe, both languages.
//! - `fields`: every field the rule language declares reads a value from a real plan.
//! - `hostile`: malformed and hostile files beside good plans.
//! - `html`: the HTML report in headless Chromium: every plan and finding shown, no script
//!   error, nothing blocked; screenshots under `target/html-shots/`.
//! - `ci`: SARIF, `JUnit`, GitHub annotations, configuration, baseline, graph export.
//! - `docs`: the generated rule reference, the documentation's examples and links (English and
//!   Spanish), no outside paths.
//! - `lean`: a check that releases its files' texts once decoded reports as one that keeps
//!   them, and never shows a file's new text in the place of the one it checked.
//! - `cli`: the binary as a user runs it: exit codes, formats, colours, pipes, determinism.
//! - `lsp`: `alinea lsp` through the protocol (diagnostics as `check` gives them, following
//!   unsaved buffers; hover, definition, references, completion, symbols; rule files), and
//!   headless Neovim's own client.
//! - `i18n`: the catalogues of texts in both languages, and how the language is chosen.
//! - `plans`: the shipped sample repository.
//! - `properties`: properties over generated repositories (proptest): `--jobs`, baselines,
//!   stable fingerprints, waivers and LOAD, every format, both languages.
//! - `render`: snapshots of the human and JSON reports.
//! - `repository`: a planner's real repository: nothing passes silently, one file in the
//!   whole repository's context, one cause one finding, every command agrees.
//! - `rules`: the rule language and the default pack: its cases, the seeded chain, real plans.
//! - `rules_es`: rules in two languages: the pack complete in Spanish, Spanish runs, fallbacks.
//! - `spanish`: plan files written in Spanish, and LOAD messages in both languages.
//! - `spreadsheet`: `import`, `new pei` and `export` on synthetic workbooks in CEPLAN's
//!   layouts: normalisations at their cells, broken workbooks, the San Martín round trip,
//!   generated workbooks imported or refused, never a panic.
//! - `tidy`: module and grammar docs, orphan snapshots, hostile rule files.
//! - `tui`: the browser: state machine, `TestBackend` snapshots and size sweep, the binary in tmux.
//! - `yaml_errors`: YAML syntax errors point at the mistake (the tab, the unclosed quote or
//!   bracket) with a help line that says how to fix it.

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot set up its input should fail loudly"
)]

mod checks;
mod ci;
mod cli;
mod docs;
mod fields;
mod fix;
mod fuzz_regressions;
mod hostile;
mod html;
mod i18n;
mod incremental;
mod lean;
mod lsp;
mod plans;
mod profile;
mod properties;
mod render;
mod repository;
mod rules;
mod rules_es;
mod spanish;
mod spreadsheet;
mod tidy;
mod transcription;
mod tui;
mod tui_reload;
mod yaml_errors;

use std::path::{Path, PathBuf};

/// Runs the built-in checks only (no rule pack) on `paths` (relative to the package root,
/// which is the test's current folder).
#[track_caller]
pub(crate) fn run(paths: &[&Path]) -> alinea::Run {
    let options = alinea::CheckOptions {
        paths: paths.iter().map(|p| p.to_path_buf()).collect(),
        no_default_rules: true,
        ..alinea::CheckOptions::default()
    };
    alinea::check(&options).expect("the paths exist")
}

/// Runs the built-in checks and the default rule pack, with waivers expiring against `as_of`.
#[track_caller]
pub(crate) fn run_with_rules(paths: &[&Path], as_of: &str) -> alinea::Run {
    let options = alinea::CheckOptions {
        paths: paths.iter().map(|p| p.to_path_buf()).collect(),
        as_of: alinea::plan::model::Date::parse(as_of),
        ..alinea::CheckOptions::default()
    };
    alinea::check(&options).expect("the paths exist and the rules compile")
}

/// `(file, line, rule)` for every finding, sorted.
pub(crate) fn found(run: &alinea::Run) -> Vec<(String, usize, String)> {
    let mut found: Vec<_> = run
        .report
        .findings
        .iter()
        .map(|f| {
            (
                run.sources.file(f.span.file).display_name().to_owned(),
                run.sources.start(f.span).line,
                f.rule.clone(),
            )
        })
        .collect();
    found.sort();
    found
}

/// `(file, line, rule)` for every `# expect: ID[, ID…]` comment in the files under `dir`, sorted.
pub(crate) fn expected(dir: &Path) -> Vec<(String, usize, String)> {
    let mut expected = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let name = entry.path().to_string_lossy().replace('\\', "/");
        for (index, line) in text.lines().enumerate() {
            if let Some((_, ids)) = line.split_once("# expect:") {
                for id in ids.split(',') {
                    expected.push((name.clone(), index + 1, id.trim().to_owned()));
                }
            }
        }
    }
    expected.sort();
    expected
}

/// Copies the folder `from` (relative to the package root) into `to`, which it creates.
pub(crate) fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Replaces the first `from` in a file by `to`; the file must contain `from`.
pub(crate) fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no `{from}`", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The path of the alinea binary built for the tests.
pub(crate) fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_alinea"))
}
