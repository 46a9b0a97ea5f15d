//! YAML syntax errors (LOAD-01) point at the mistake, not where the scanner gave up, and say
//! how to fix it: one file per case in `tests/fixtures/checks/LOAD-01/`.

use std::path::Path;

use crate::run;

/// What the one finding of a broken file must say, and where.
struct Case {
    file: &'static str,
    message: &'static str,
    label: &'static str,
    help: &'static str,
    /// 1-based line and column of the start of the span.
    at: (usize, usize),
    /// The text the span covers.
    covers: &'static str,
}

const CASES: &[Case] = &[
    Case {
        file: "tab.yaml",
        message: "tab character used for indentation",
        label: "this tab",
        help: "YAML forbids tabs for indentation; indent with spaces",
        at: (2, 1),
        covers: "\t",
    },
    Case {
        // The scanner stops at `pei-tab-later`, on the line before the tab.
        file: "tab-after-value.yaml",
        message: "tab character used for indentation",
        label: "this tab",
        help: "YAML forbids tabs for indentation; indent with spaces",
        at: (3, 1),
        covers: "\t",
    },
    Case {
        file: "unclosed-quote.yaml",
        message: "unclosed `\"`",
        label: "opened here",
        help: "this quoted string is never closed: add the closing `\"`",
        at: (3, 10),
        covers: "\"",
    },
    Case {
        file: "unclosed-single-quote.yaml",
        message: "unclosed `'`",
        label: "opened here",
        help: "this quoted string is never closed: add the closing `'`",
        at: (4, 10),
        covers: "'",
    },
    Case {
        file: "unclosed-flow.yaml",
        message: "unclosed `[`",
        label: "opened here",
        help: "this list is never closed: add the closing `]` after its last item",
        at: (4, 10),
        covers: "[",
    },
    Case {
        file: "unclosed-mapping.yaml",
        message: "unclosed `{`",
        label: "opened here",
        help: "this mapping is never closed: add the closing `}` after its last entry",
        at: (4, 11),
        covers: "{",
    },
    Case {
        file: "bad-indent.yaml",
        message: "key `title` is indented too far",
        label: "this key",
        help: "indent `title` like the keys above it: a line indented further than the line \
               before continues that line's value, where a `:` cannot start a key",
        at: (4, 4),
        covers: "title",
    },
    Case {
        file: "dedent.yaml",
        message: "bad indentation of `title`",
        label: "this line",
        help: "indent this line like the keys of the mapping it belongs to: in the column of a \
               key above it",
        at: (4, 2),
        covers: "title",
    },
    Case {
        file: "colon-in-value.yaml",
        message: "unexpected `:` in the value of `title`",
        label: "this colon",
        help: "a `: ` inside a value must be quoted: write `title: \"Objetivo: reducir la anemia\"`",
        at: (4, 18),
        covers: ":",
    },
    Case {
        file: "missing-colon.yaml",
        message: "expected `key: value`, found `kind pei`",
        label: "this line",
        help: "in a mapping each line is `key: value`: add the `:` after the key, or, if this \
               line continues the value above, indent it further than its key",
        at: (3, 3),
        covers: "kind pei",
    },
    Case {
        file: "list-among-keys.yaml",
        message: "unexpected list item",
        label: "this item",
        help: "a `- ` item cannot stand among the keys of a mapping: indent it like the other \
               items of its list, under the key that holds the list",
        at: (4, 3),
        covers: "-",
    },
    Case {
        file: "list-on-key-line.yaml",
        message: "list item on the same line as its key",
        label: "this `-`",
        help: "start the list on the next line, one `- ` item per line indented under its key, \
               or write it in brackets: `[a, b]`",
        at: (4, 10),
        covers: "-",
    },
    Case {
        file: "unknown-alias.yaml",
        message: "unknown alias `*ver`",
        label: "no anchor of this name above",
        help: "`*` starts an alias to a value marked `&ver` earlier in the file; if this is \
               text, put the value in quotes",
        at: (4, 10),
        covers: "*ver",
    },
    Case {
        file: "bad-escape.yaml",
        message: "invalid escape `\\i` in a double-quoted value",
        label: "this escape",
        help: "in double quotes a backslash starts an escape such as `\\n`: write a backslash \
               as `\\\\`, or put the value in single quotes",
        at: (4, 24),
        covers: "\\i",
    },
    Case {
        file: "quote-in-quotes.yaml",
        message: "text after the closing quote",
        label: "after the quote",
        help: "a single-quoted value ends at the next `'`: write a `'` inside it as `''`, or \
               put the whole value in double quotes",
        at: (4, 30),
        covers: "San",
    },
    Case {
        file: "document-end.yaml",
        message: "text after the document end marker `...`",
        label: "here",
        help: "`...` ends the YAML document: remove it, or put this text on a line of its own",
        at: (4, 5),
        covers: "fin",
    },
];

#[test]
fn syntax_errors_point_at_the_mistake_and_say_how_to_fix_it() {
    let dir = Path::new("tests/fixtures/checks/LOAD-01");
    for case in CASES {
        let run = run(&[&dir.join(case.file)]);
        let [finding] = run.report.findings.as_slice() else {
            panic!("{}: {:#?}", case.file, run.report.findings);
        };
        assert_eq!(finding.rule, "LOAD-01", "{}", case.file);
        assert_eq!(finding.message, case.message, "{}", case.file);
        assert_eq!(finding.label, case.label, "{}", case.file);
        assert_eq!(finding.help.as_deref(), Some(case.help), "{}", case.file);
        let start = run.sources.start(finding.span);
        assert_eq!((start.line, start.column), case.at, "{}", case.file);
        assert_eq!(
            run.sources.slice(finding.span),
            case.covers,
            "{}",
            case.file
        );
    }
}

#[test]
fn every_syntax_error_fixture_is_tested() {
    let tested: Vec<&str> = CASES.iter().map(|case| case.file).collect();
    // Files that are not syntax errors: the limits, a good plan, a file that is not a plan,
    // the folder's configuration.
    let other = [
        "alias-bomb.yaml",
        "good.yaml",
        "not-a-plan.yaml",
        "alinea.yaml",
    ];
    for entry in std::fs::read_dir("tests/fixtures/checks/LOAD-01").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            tested.contains(&name.as_str()) || other.contains(&name.as_str()),
            "{name} has no case here"
        );
    }
}

#[test]
fn the_configuration_file_gets_the_same_explanations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alinea.yaml");
    std::fs::write(&path, "ignore:\n\t- ART-08\n").unwrap();
    let error = alinea::config::load(&path, alinea::i18n::Lang::En).unwrap_err();
    let [diagnostic] = error.diagnostics.as_slice() else {
        panic!("{:#?}", error.diagnostics);
    };
    assert_eq!(diagnostic.message, "tab character used for indentation");
    assert_eq!(diagnostic.label, "this tab");
    assert_eq!(
        diagnostic.help.as_deref(),
        Some("YAML forbids tabs for indentation; indent with spaces")
    );
    let start = error.sources.start(diagnostic.span);
    assert_eq!((start.line, start.column), (2, 1));
}
