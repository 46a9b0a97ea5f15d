use std::path::Path;

use super::{Family, absolute, command, family, split_words, words};

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[track_caller]
fn check(setting: &str, expect: &[&str]) {
    let words = words(Some(setting), None).unwrap();
    let built = command(&words, Path::new("/repo/plans/pei.yaml"), 42, 7);
    let mut argv = vec![built.program];
    argv.extend(built.args);
    assert_eq!(argv, strings(expect), "editor setting `{setting}`");
}

#[test]
fn the_location_takes_the_form_each_editor_wants() {
    check("vi", &["vi", "+42", "/repo/plans/pei.yaml"]);
    check("vim", &["vim", "+42", "/repo/plans/pei.yaml"]);
    check(
        "/usr/bin/nvim",
        &["/usr/bin/nvim", "+42", "/repo/plans/pei.yaml"],
    );
    check("nano", &["nano", "+42", "/repo/plans/pei.yaml"]);
    check(
        "emacs -nw",
        &["emacs", "-nw", "+42", "/repo/plans/pei.yaml"],
    );
    check("micro", &["micro", "+42", "/repo/plans/pei.yaml"]);
    check("hx", &["hx", "/repo/plans/pei.yaml:42:7"]);
    check("subl -w", &["subl", "-w", "/repo/plans/pei.yaml:42:7"]);
    check("zed", &["zed", "/repo/plans/pei.yaml:42:7"]);
    check(
        "code --wait",
        &["code", "--wait", "--goto", "/repo/plans/pei.yaml:42:7"],
    );
    check("my-editor", &["my-editor", "+42", "/repo/plans/pei.yaml"]);
}

#[test]
fn visual_wins_over_editor_and_vi_is_the_last_resort() {
    assert_eq!(words(Some("hx"), Some("nano")).unwrap(), strings(&["hx"]));
    assert_eq!(words(None, Some("nano")).unwrap(), strings(&["nano"]));
    assert_eq!(words(Some("  "), Some("nano")).unwrap(), strings(&["nano"]));
    assert_eq!(words(None, None).unwrap(), strings(&["vi"]));
    assert_eq!(words(Some(""), Some("")).unwrap(), strings(&["vi"]));
}

#[test]
fn settings_split_like_a_shell_without_one() {
    assert_eq!(
        split_words(r#""/Applications/My Editor" --flag 'a b' c\ d "x\"y" $HOME"#).unwrap(),
        strings(&[
            "/Applications/My Editor",
            "--flag",
            "a b",
            "c d",
            "x\"y",
            "$HOME"
        ])
    );
    assert_eq!(
        split_words("vim; rm -rf /").unwrap(),
        strings(&["vim;", "rm", "-rf", "/"])
    );
    assert!(split_words("vim 'oops").is_err());
    assert!(words(Some("code \"x"), None).is_err());
    assert_eq!(split_words("  ").unwrap(), Vec::<String>::new());
}

#[test]
fn families_go_by_base_name() {
    assert_eq!(family("/opt/bin/hx"), Family::FileLineCol);
    assert_eq!(family("code.exe"), Family::Goto);
    assert_eq!(family("nvim"), Family::PlusLine);
}

#[test]
fn relative_paths_are_made_absolute_so_they_never_read_as_options() {
    assert_eq!(
        absolute(Path::new("-x.yaml"), Path::new("/repo")),
        Path::new("/repo/-x.yaml")
    );
    assert_eq!(
        absolute(Path::new("/a/b.yaml"), Path::new("/repo")),
        Path::new("/a/b.yaml")
    );
    let built = command(&[], Path::new("/a.yaml"), 0, 0);
    assert_eq!(built.program, "vi");
    assert_eq!(built.args, strings(&["+1", "/a.yaml"]));
}
