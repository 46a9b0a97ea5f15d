//! The incremental run (`check_incremental`, what the browser's re-lint uses): the same
//! report as a full run, with only the changed files parsed again.

use std::path::Path;

use alinea::i18n::Lang;
use alinea::plan::LoadCache;
use alinea::{CheckOptions, Progress, Run};

fn json(run: &Run) -> String {
    let mut out = Vec::new();
    alinea::render::json::render(&run.report, &run.sources, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn options(dir: &Path, lang: Lang) -> CheckOptions {
    CheckOptions {
        paths: vec![dir.to_path_buf()],
        as_of: alinea::plan::model::Date::parse("2026-01-01"),
        lang,
        ..CheckOptions::default()
    }
}

#[test]
fn an_incremental_run_reports_as_a_full_run_and_parses_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), dir.path());
    let options = options(dir.path(), Lang::Es);
    let full = || json(&alinea::check(&options).unwrap());
    let mut cache = LoadCache::default();
    let progress = Progress::default();

    let first = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    assert_eq!(cache.reused(), 0, "nothing to reuse yet");
    assert_eq!(json(&first), full());

    let again = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    let files = cache.reused();
    assert!(files > 10, "every plan file reused: {files}");
    assert_eq!(json(&again), json(&first));

    // One PEI changes: an objective's code (a broken trace for what pointed at it).
    let pei = dir.path().join("regional/san-martin/pei-2024-2028.yaml");
    let text = std::fs::read_to_string(&pei).unwrap();
    assert!(text.contains("code: OEI.01"));
    std::fs::write(&pei, text.replacen("code: OEI.01", "code: OEI.91", 1)).unwrap();
    let edited = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    assert_eq!(
        cache.reused(),
        files - 1,
        "only the edited file is parsed again"
    );
    assert_ne!(json(&edited), json(&first));
    assert_eq!(json(&edited), full());

    // A new file shifts the files after it: they are read again, and the report still
    // equals a full run's.
    std::fs::write(
        dir.path().join("regional/san-martin/a-new-note.yaml"),
        "notes: not a plan\n",
    )
    .unwrap();
    let added = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    assert!(cache.reused() < files, "{}", cache.reused());
    assert_eq!(json(&added), full());

    // Another language: every message changes, nothing is reused.
    let english = self::options(dir.path(), Lang::En);
    let other = alinea::check_incremental(&english, &progress, &mut cache).unwrap();
    assert_eq!(cache.reused(), 0);
    assert_eq!(json(&other), json(&alinea::check(&english).unwrap()));
}
