use super::{base64, osc52};

#[test]
fn base64_matches_the_standard_alphabet_and_padding() {
    assert_eq!(base64(b""), "");
    assert_eq!(base64(b"f"), "Zg==");
    assert_eq!(base64(b"fo"), "Zm8=");
    assert_eq!(base64(b"foo"), "Zm9v");
    assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    assert_eq!(
        base64("plans/a.yaml:3:7".as_bytes()),
        "cGxhbnMvYS55YW1sOjM6Nw=="
    );
}

#[test]
fn osc52_wraps_the_text_for_the_clipboard() {
    assert_eq!(osc52("foo"), "\x1b]52;c;Zm9v\x07");
}
