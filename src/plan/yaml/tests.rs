use super::{MAX_DEPTH, Plain, Value, parse};
use crate::source::{FileId, SourceFile};

fn tree(text: &str) -> (SourceFile, super::Document) {
    let file = SourceFile::new("t.yaml".into(), text.to_owned());
    let document = parse(FileId::from_index(0), &file, crate::i18n::Lang::En).unwrap();
    (file, document)
}

fn slice(file: &SourceFile, span: crate::source::Span) -> &str {
    &file.text()[span.start as usize..span.end as usize]
}

#[test]
fn keys_and_values_keep_byte_spans_after_multibyte_text() {
    let (file, document) = tree("título: \"Señal\"\nñ: [uno, dos]\n");
    let root = document.root.unwrap();
    let entries = root.as_map().unwrap();
    assert_eq!(slice(&file, entries[0].key.span), "título");
    assert_eq!(slice(&file, entries[0].value.span), "\"Señal\"");
    assert_eq!(slice(&file, entries[1].key.span), "ñ");
    let Value::Seq(items) = &entries[1].value.value else {
        panic!("a list")
    };
    assert_eq!(slice(&file, items[1].span), "dos");
}

#[test]
fn every_scalar_keeps_its_byte_span_after_two_three_and_four_byte_characters() {
    // Keys and values after characters of every UTF-8 length, in block and flow
    // collections, on several lines and at the end of the text.
    let text =
        "ñ: [€uno, \"😀dos\", tres]\n€: {a: 'ñé', b: c😀}\n😀:\n  - añ\n  - 'fin€'\nz: último";
    let (file, document) = tree(text);
    let mut scalars = Vec::new();
    let mut stack = vec![document.root.unwrap()];
    while let Some(node) = stack.pop() {
        match node.value {
            Value::Scalar(scalar) => scalars.push((scalar.text, node.span)),
            Value::Seq(items) => stack.extend(items),
            Value::Map(entries) => {
                for entry in entries {
                    scalars.push((entry.key.value.clone(), entry.key.span));
                    stack.push(entry.value);
                }
            }
        }
    }
    assert_eq!(scalars.len(), 14);
    for (value, span) in scalars {
        let written = slice(&file, span);
        assert_eq!(written.trim_matches(['\'', '"']), value, "{span:?}");
    }
}

#[test]
fn collections_end_at_their_last_value_not_at_the_next_key() {
    let (file, document) = tree("a:\n  b: 1\n  c: 2\n\n# comment\nd: 3\n");
    let root = document.root.unwrap();
    assert_eq!(slice(&file, root.get("a").unwrap().span), "b: 1\n  c: 2");
}

#[test]
fn plain_scalars_follow_the_core_schema_and_quoted_ones_are_text() {
    let (_, document) =
        tree("a: 22\nb: \"22\"\nc: ~\nd: true\ne: 2023-12-22\nf: 1e3\ng: 0x1F\nh: .5\n");
    let root = document.root.unwrap();
    let resolve = |key: &str| match &root.get(key).unwrap().value {
        Value::Scalar(scalar) => scalar.resolve(),
        _ => panic!("a scalar"),
    };
    assert_eq!(resolve("a"), Plain::Number(22.0));
    assert_eq!(resolve("b"), Plain::Text);
    assert_eq!(resolve("c"), Plain::Null);
    assert_eq!(resolve("d"), Plain::Bool(true));
    assert_eq!(resolve("e"), Plain::Text);
    assert_eq!(resolve("f"), Plain::Number(1000.0));
    assert_eq!(resolve("g"), Plain::Number(31.0));
    assert_eq!(resolve("h"), Plain::Number(0.5));
}

#[test]
fn duplicated_keys_are_recorded_with_the_first_occurrence() {
    let (file, document) = tree("a: 1\nb: 2\na: 3\n");
    let (second, first) = &document.duplicate_keys[0];
    assert_eq!(second.value, "a");
    assert_eq!(file.line_col(second.span.start).line, 3);
    assert_eq!(file.line_col(first.start).line, 1);
    assert_eq!(document.root.unwrap().as_map().unwrap().len(), 2);
}

#[test]
fn small_aliases_are_expanded_where_they_are_written() {
    let (file, document) = tree("a: &x [1, 2]\nb: *x\n");
    let b = document.root.unwrap().get("b").unwrap().clone();
    assert_eq!(slice(&file, b.span), "*x");
    assert!(matches!(b.value, Value::Seq(ref items) if items.len() == 2));
}

#[test]
fn nesting_is_capped_without_recursion() {
    let text = "- ".repeat(100_000) + "x\n";
    let file = SourceFile::new("deep.yaml".into(), text);
    let error = parse(FileId::from_index(0), &file, crate::i18n::Lang::En).unwrap_err();
    assert_eq!(
        error.message,
        format!("nesting deeper than {MAX_DEPTH} levels")
    );
    assert_eq!(file.line_col(error.span.start).line, 1);
}

#[test]
fn a_second_document_is_reported() {
    let (file, document) = tree("plan: {id: a}\n---\nplan: {id: b}\n");
    assert_eq!(
        file.line_col(document.extra_document.unwrap().start).line,
        2
    );
}

/// The message of the syntax error in `text`, and the text its span covers.
fn syntax_error(text: &str) -> (String, String) {
    let file = SourceFile::new("t.yaml".into(), text.to_owned());
    let error = parse(FileId::from_index(0), &file, crate::i18n::Lang::En).unwrap_err();
    (error.message, slice(&file, error.span).to_owned())
}

#[test]
fn a_bracket_closed_later_is_not_called_unclosed() {
    // The list is closed, with the wrong bracket: the error stays where the scanner stopped.
    assert_eq!(
        syntax_error("e: [a, b}\n"),
        ("expected `,` or `]`".to_owned(), "}".to_owned())
    );
    // A list written over several lines, with a line left of its key: indented too little.
    assert_eq!(
        syntax_error("k:\n  e: [a,\nb]\n"),
        (
            "this line is indented too little".to_owned(),
            "b".to_owned()
        )
    );
}

#[test]
fn brackets_in_quotes_and_apostrophes_in_words_do_not_hide_an_unclosed_list() {
    for text in [
        "e: [a, \"b ] c\"\nk: v\n",
        "e: [a, b\nk: it's {fine\n",
        "e: [a, b # ]\nk: v\n",
        "e: [a, {b: c}\nk: [d]\n",
    ] {
        assert_eq!(
            syntax_error(text),
            ("unclosed `[`".to_owned(), "[".to_owned()),
            "{text}"
        );
    }
}

#[test]
fn the_innermost_unclosed_collection_is_named() {
    assert_eq!(
        syntax_error("e: [a, {b: c\nk: v\n"),
        ("unclosed `{`".to_owned(), "{".to_owned())
    );
}

#[test]
fn syntax_errors_in_every_cut_of_a_file_have_spans_inside_the_text() {
    let text =
        "plan:\n  título: \"Señal: ñ\"\n  upper: [pdrc-ñ, {a: 'b'}]\n\tid: 'x'\n  k: *a\n  - z\n";
    for end in (0..=text.len()).filter(|&end| text.is_char_boundary(end)) {
        let cut = text.get(..end).unwrap();
        let file = SourceFile::new("t.yaml".into(), cut.to_owned());
        if let Err(error) = parse(FileId::from_index(0), &file, crate::i18n::Lang::En) {
            let (start, stop) = (error.span.start as usize, error.span.end as usize);
            assert!(
                start <= stop && cut.get(start..stop).is_some(),
                "{cut:?}: {error:?}"
            );
            assert!(!error.message.contains('\n'), "{cut:?}: {error:?}");
        }
    }
}

/// Every event, with its span, or the error that stops the stream (as `Debug` text).
fn events<T: saphyr_parser::Input>(mut parser: saphyr_parser::Parser<'_, T>) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(next) = parser.next_event() {
        match next {
            Ok((event, span)) => {
                let end = event == saphyr_parser::Event::StreamEnd;
                out.push(format!("{event:?} {span:?}"));
                if end {
                    break;
                }
            }
            Err(error) => {
                out.push(format!("error {error:?}"));
                break;
            }
        }
    }
    out
}

/// The shorter read-ahead window changes how the scanner steps, not what it reads: the same
/// events at the same places (or the same error) as saphyr's own `StrInput`, for YAML that
/// stresses the window (long plain scalars and keys, indents beyond 16 columns, block scalars
/// indented deeper than the window, flow collections, multi-byte text, broken files), for the
/// shipped sample plans and for every YAML fixture of the tests.
#[test]
fn the_short_window_reads_the_same_events_as_saphyrs_str_input() {
    let long = "palabra ".repeat(60);
    let deep = (0..24).fold(String::new(), |mut text, depth| {
        text.push_str(&" ".repeat(depth * 2));
        text.push_str(&format!("k{depth}:\n"));
        text
    });
    let mut texts: Vec<String> = vec![
        format!("statement: {long}\nnext: 1\n"),
        format!("{}: valor\n", "clave".repeat(40)),
        format!(
            "a:\n{}b: |\n{}uno\n{}dos\n",
            " ".repeat(20),
            " ".repeat(24),
            " ".repeat(24)
        ),
        format!(
            "a: >-\n{}texto plegado {long}\n\n{}más\n",
            " ".repeat(18),
            " ".repeat(18)
        ),
        format!("lista: [{long}, \"dos\", {{x: 1, y: [2, 3]}}]\n"),
        format!("título: «Señal» ñandú {long}\n  continúa en la línea\n"),
        deep,
        "a: 'sin cerrar\n".to_owned(),
        "a: [1, 2\nb: 3\n".to_owned(),
        "a:\n\t- tab\n".to_owned(),
        "? [complex, key]\n: value\n--- \nsecond: doc\n".to_owned(),
        "anchor: &x {a: 1}\nalias: *x\n# comment\n...\n".to_owned(),
        "a: b: c\n".to_owned(),
        format!("{}- item\n", " ".repeat(40)),
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["plans", "tests/fixtures"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
            let path = entry.path();
            if path
                .extension()
                .is_some_and(|ext| ext == "yaml" || ext == "yml")
                && let Ok(text) = std::fs::read_to_string(path)
            {
                texts.push(text);
            }
        }
    }
    assert!(texts.len() > 30, "the sample plans and fixtures are read");
    for text in &texts {
        let short = events(saphyr_parser::Parser::new(super::input::ShortInput::new(
            text,
        )));
        let saphyr = events(saphyr_parser::Parser::new_from_str(text));
        assert_eq!(short, saphyr, "{text}");
    }
}

#[test]
fn spans_stay_on_byte_boundaries_after_two_three_and_four_byte_characters() {
    let (file, document) = tree("a: «ñandú» 🙂 €\nbé: [x, 🙂🙂]\nc: 'ü'\n");
    let root = document.root.unwrap();
    let entries = root.as_map().unwrap();
    assert_eq!(slice(&file, entries[0].value.span), "«ñandú» 🙂 €");
    assert_eq!(slice(&file, entries[1].key.span), "bé");
    let Value::Seq(items) = &entries[1].value.value else {
        panic!("a list")
    };
    assert_eq!(slice(&file, items[1].span), "🙂🙂");
    assert_eq!(slice(&file, entries[2].value.span), "'ü'");
}

#[test]
fn a_file_of_more_values_than_the_limit_is_one_error_at_the_value_past_it() {
    let text = format!("[{}]", vec!["0"; super::MAX_NODES].join(","));
    let file = SourceFile::new("t.yaml".into(), text);
    let error = parse(FileId::from_index(0), &file, crate::i18n::Lang::En).unwrap_err();
    assert_eq!(
        error.message,
        format!("the file holds more than {} YAML values", super::MAX_NODES)
    );
    // The sequence counts as one value: the last item is the one past the limit.
    assert_eq!(slice(&file, error.span), "0");
    assert_eq!(error.span.start as usize, file.text().len() - 2);
}
