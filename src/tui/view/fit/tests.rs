use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use super::{distinct, keep_end, line, shorten_path, shorten_paths_in, truncate, width};

const PATH: &str = "plans/regional/san-martin/pei-2024-2028.yaml:309:11";

#[test]
fn truncate_ends_with_an_ellipsis_and_never_overflows() {
    assert_eq!(truncate("", 0), "");
    assert_eq!(truncate("", 5), "");
    assert_eq!(truncate("abc", 3), "abc");
    assert_eq!(truncate("abc", 10), "abc");
    assert_eq!(truncate("abcd", 0), "");
    assert_eq!(truncate("abcd", 1), "…");
    assert_eq!(truncate("abcd", 2), "a…");
    assert_eq!(truncate("abcd", 3), "ab…");
    assert_eq!(truncate("acción — ó", 4), "acc…");
    assert_eq!(truncate("ó—ó—ó", 3), "ó—…");
}

#[test]
fn keep_end_starts_with_an_ellipsis() {
    assert_eq!(keep_end("", 0), "");
    assert_eq!(keep_end("abcd", 0), "");
    assert_eq!(keep_end("abcd", 1), "…");
    assert_eq!(keep_end("abcd", 3), "…cd");
    assert_eq!(keep_end("abcd", 4), "abcd");
    assert_eq!(keep_end("ó—ó—ó", 3), "…—ó");
}

#[test]
fn paths_are_shortened_in_the_middle_keeping_the_file_and_position() {
    assert_eq!(shorten_path(PATH, 200), PATH);
    assert_eq!(shorten_path(PATH, width(PATH)), PATH);
    assert_eq!(
        shorten_path(PATH, 45),
        "plans/…/san-martin/pei-2024-2028.yaml:309:11"
    );
    assert_eq!(
        shorten_path(PATH, 40),
        "…/san-martin/pei-2024-2028.yaml:309:11"
    );
    assert_eq!(shorten_path(PATH, 36), "plans/…/pei-2024-2028.yaml:309:11");
    assert_eq!(shorten_path(PATH, 29), "…/pei-2024-2028.yaml:309:11");
    assert_eq!(shorten_path(PATH, 20), "…24-2028.yaml:309:11");
    for max in 0..=width(PATH) + 1 {
        let short = shorten_path(PATH, max);
        assert!(width(&short) <= max, "{max}: {short}");
        if max >= 8 {
            assert!(short.ends_with(":309:11"), "{max}: {short}");
        }
    }
}

#[test]
fn path_edge_cases() {
    assert_eq!(shorten_path("", 0), "");
    assert_eq!(shorten_path("", 3), "");
    assert_eq!(shorten_path("a/b", 3), "a/b");
    assert_eq!(shorten_path("abcdef", 0), "");
    assert_eq!(shorten_path("abcdef", 1), "…");
    assert_eq!(shorten_path("abcdef", 2), "…f");
    assert_eq!(shorten_path("abcdef", 3), "…ef");
    assert_eq!(shorten_path("dir/file.yaml", 11), "…/file.yaml");
    assert_eq!(shorten_path("/abs/dir/file", 12), "/…/dir/file");
    let accents = "planes/región/san-martín/pei—2024.yaml:3:1";
    assert_eq!(shorten_path(accents, 31), "…/san-martín/pei—2024.yaml:3:1");
    assert_eq!(shorten_path(accents, 28), "planes/…/pei—2024.yaml:3:1");
    for max in 0..=width(accents) {
        assert!(width(&shorten_path(accents, max)) <= max);
    }
}

#[test]
fn messages_shorten_their_path_first() {
    let message = format!("copied {PATH}");
    assert_eq!(shorten_paths_in(&message, 100), message);
    assert_eq!(
        shorten_paths_in(&message, 43),
        "copied plans/…/pei-2024-2028.yaml:309:11"
    );
    assert_eq!(shorten_paths_in("no path here at all", 8), "no path…");
    for max in 0..=width(&message) {
        assert!(width(&shorten_paths_in(&message, max)) <= max);
    }
}

#[test]
fn distinct_headers_keep_their_start_unless_it_is_shared() {
    assert!(distinct(&[], 5).is_empty());
    assert_eq!(distinct(&["", "a"], 5), ["", "a"]);
    assert_eq!(distinct(&["pdlc", "pei"], 9), ["pdlc", "pei"]);
    assert_eq!(
        distinct(
            &["pdlc-moyobamba-2022-2030", "pei-gore-san-martin-2024-2028"],
            9
        ),
        ["pdlc-moy…", "pei-gore…"]
    );
    assert_eq!(
        distinct(
            &[
                "pei-moyobamba-2024-2028",
                "pei-moyobamba-2025-2027",
                "pn-salud"
            ],
            9
        ),
        ["pei-…2028", "pei-…2027", "pn-salud"]
    );
    // The same name twice cannot differ.
    assert_eq!(distinct(&["abcdef", "abcdef"], 4), ["abc…", "abc…"]);
}

#[test]
fn distinct_headers_at_tiny_widths_and_with_accents() {
    let names = ["gestión-2024", "gestión-2025"];
    assert_eq!(distinct(&names, 0), ["", ""]);
    assert_eq!(distinct(&names, 1), ["…", "…"]);
    assert_eq!(distinct(&names, 2), ["…4", "…5"]);
    assert_eq!(distinct(&names, 3), ["g…4", "g…5"]);
    assert_eq!(distinct(&names, 8), ["ges…2024", "ges…2025"]);
    assert_eq!(distinct(&names, 5), ["ges…4", "ges…5"]);
    assert_eq!(distinct(&["a—b—1", "a—b—2"], 4), ["a—…1", "a—…2"]);
    // Their starts differ within the column: no need for their ends.
    assert_eq!(distinct(&["x1yyyy", "x2yyyy"], 4), ["x1y…", "x2y…"]);
    // The only end that tells them apart is longer than the column: the end is kept.
    assert_eq!(distinct(&["abcd1yyyy", "abcd2yyyy"], 4), ["…yyy", "…yyy"]);
    for max in 0..12 {
        for label in distinct(&["pei-moyobamba-2024-2028", "pei-moyobamba-2025-2027"], max) {
            assert!(width(&label) <= max);
        }
    }
}

#[test]
fn lines_are_cut_with_an_ellipsis_in_the_style_they_cut() {
    let red = Style::new().fg(Color::Red);
    let text = Line::from(vec![Span::raw("ab "), Span::styled("cdé—f", red)]);
    assert_eq!(line(&text, 20), text);
    assert_eq!(line(&text, 8), text);
    let cut = line(&text, 6);
    assert_eq!(cut.to_string(), "ab cd…");
    assert_eq!(cut.spans.last().map(|span| span.style), Some(red));
    assert_eq!(line(&text, 3).to_string(), "ab…");
    assert_eq!(line(&text, 1).to_string(), "…");
    assert_eq!(line(&text, 0).to_string(), "");
    assert_eq!(line(&Line::default(), 0).to_string(), "");
}
