//! What the fuzz targets (`fuzz/`) run, here so that `cargo test` replays the inputs they
//! found (`fuzz/regressions/`) through the very same code. Each function takes any bytes
//! and must neither panic nor run away; it asserts what must hold of its output.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::discover::Input;
use crate::i18n::Lang;
use crate::render::{Format, Style};
use crate::source::SourceDb;

/// The YAML loader: the bytes as one plan file → spanned tree → plan model, in both
/// languages. Every finding points inside the file.
///
/// # Panics
/// When a finding points outside the file (a bug the fuzzer found).
pub fn yaml_loader(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::En, Lang::Es] {
        let input = Input {
            text: Some(text.to_owned()),
            ..Input::asked(PathBuf::from("fuzz/plan.yaml"))
        };
        let mut sources = SourceDb::new();
        let loaded = crate::plan::load(&[input], &mut sources, lang);
        for finding in &loaded.findings {
            assert!(
                finding.span.end as usize <= text.len() && finding.span.start <= finding.span.end,
                "{finding:?}"
            );
        }
    }
}

/// The rule language: the bytes as a rule file → parse → type-check → compile, with its
/// budgets (nesting, `def` expansion). Every error points inside the file.
///
/// # Panics
/// When an error points outside the file (a bug the fuzzer found).
pub fn rule_language(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = crate::dsl::RuleSource {
        path: PathBuf::from("fuzz.rule"),
        text: text.to_owned(),
        default_pack: false,
    };
    let mut sources = SourceDb::new();
    let (_, errors) = crate::dsl::compile(vec![file], &mut sources, Lang::Es);
    for error in &errors {
        assert!(
            error.span.end as usize <= text.len() && error.span.start <= error.span.end,
            "{error:?}"
        );
    }
}

/// The separator of files in a [`whole_check`] input.
pub const FILE_SEPARATOR: &str = "\n---file---\n";

/// The whole check: up to four plan files (the bytes split at [`FILE_SEPARATOR`]) written
/// to a folder of their own → discovery, loading, references, the default pack, waivers,
/// the profile → every renderer, each of which must write UTF-8; the JSON report lists
/// every finding.
///
/// # Panics
/// When a renderer fails or writes invalid UTF-8, or the JSON report misses findings (a
/// bug the fuzzer found).
pub fn whole_check(data: &[u8]) {
    static RUN: AtomicUsize = AtomicUsize::new(0);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Memory-backed /dev/shm when there is one.
    let base = if Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!(
        "alinea-fuzz-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::Relaxed)
    ));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    for (index, file) in text.split(FILE_SEPARATOR).take(4).enumerate() {
        let _ = std::fs::write(dir.join(format!("plan-{index}.yaml")), file);
    }
    let options = crate::CheckOptions {
        paths: vec![dir.clone()],
        as_of: crate::plan::model::Date::parse("2026-01-01"),
        ..crate::CheckOptions::default()
    };
    let outcome = crate::check(&options);
    let _ = std::fs::remove_dir_all(&dir);
    let Ok(run) = outcome else {
        return;
    };
    let style = Style {
        color: false,
        quiet: false,
        file_order: false,
        width: 100,
    };
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Html,
    ] {
        let mut out = Vec::new();
        let written = crate::render::render(format, &run, style, &mut out);
        assert!(written.is_ok(), "{format:?}: {written:?}");
        assert!(
            std::str::from_utf8(&out).is_ok(),
            "{format:?} wrote invalid UTF-8"
        );
    }
    let mut json = Vec::new();
    assert!(crate::render::json::render(&run.report, &run.sources, &mut json).is_ok());
    let listed = serde_json::from_slice::<serde_json::Value>(&json)
        .ok()
        .and_then(|value| value.get("findings")?.as_array().map(Vec::len));
    assert_eq!(listed, Some(run.report.findings.len()));
}
