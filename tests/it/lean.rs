//! A one-shot check that releases the texts of its files once decoded
//! (`CheckOptions::lean_texts`, what `alinea check` does) reports byte for byte as a run that
//! keeps them, and never shows a file's new text in the place of the one it checked.

use std::path::Path;

use alinea::render::{Format, Style};
use alinea::{CheckOptions, Run};

fn options(dir: &Path, lean_texts: bool) -> CheckOptions {
    CheckOptions {
        paths: vec![dir.to_path_buf()],
        as_of: alinea::plan::model::Date::parse("2026-01-01"),
        lean_texts,
        ..CheckOptions::default()
    }
}

fn rendered(run: &Run, format: Format) -> String {
    let style = Style {
        color: false,
        quiet: false,
        file_order: false,
        width: 100,
    };
    let mut out = Vec::new();
    alinea::render::render(format, run, style, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_check_that_releases_texts_reports_byte_for_byte_as_one_that_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), dir.path());
    let kept = alinea::check(&options(dir.path(), false)).unwrap();
    let lean = alinea::check(&options(dir.path(), true)).unwrap();
    assert!(
        !kept.report.findings.is_empty(),
        "the sample plans have findings"
    );
    for format in [
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Concise,
        Format::Human,
    ] {
        assert_eq!(
            rendered(&lean, format),
            rendered(&kept, format),
            "{format:?} differs"
        );
    }
    // The texts a report asks for are read back as they were checked.
    for (id, file) in lean.sources.files() {
        assert_eq!(file.text(), kept.sources.file(id).text());
        assert!(!file.changed_on_disk());
    }
}

#[test]
fn a_released_text_changed_on_disk_is_never_shown_in_its_place() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), dir.path());
    let run = alinea::check(&options(dir.path(), true)).unwrap();
    let json_before = rendered(&run, Format::Json);
    // A file with findings from the rules (its text was released after decoding).
    let finding = run
        .report
        .findings
        .iter()
        .find(|f| !f.rule.starts_with("LOAD"))
        .expect("a rule's finding");
    let file = run.sources.file(finding.span.file);
    let path = file.path().to_path_buf();
    let original = std::fs::read_to_string(&path).unwrap();
    let marker = "ESCRITO DESPUÉS DE LA REVISIÓN";
    let changed = original.replace('\n', &format!(" # {marker}\n"));
    std::fs::write(&path, changed).unwrap();
    // Lines and columns were worked out before the change; snippets show blank lines.
    assert_eq!(rendered(&run, Format::Json), json_before);
    let human = rendered(&run, Format::Human);
    assert!(!human.contains(marker), "the new text is shown:\n{human}");
    assert!(
        human.contains("changed after it was checked; its lines are not shown"),
        "no word of the change:\n{human}"
    );
    assert!(file.changed_on_disk());
    assert_eq!(file.text().len(), original.len());
    assert_eq!(file.text().lines().count(), original.lines().count());
}
