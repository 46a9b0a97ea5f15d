//! The browser, in three layers:
//!
//! 1. the state machine: keys → messages → state, no terminal;
//! 2. rendered frames: `TestBackend` snapshots of every view at several sizes, a
//!    style-aware snapshot of the highlighted span and of the monochrome selection,
//!    and a sweep of sizes down to 1×1 that must not panic;
//! 3. the real binary in tmux: navigate, filter, open a fake editor, trace, help,
//!    resize, quit; the terminal comes back in cooked mode (also after a panic).
//!
//! Each layer also runs in Spanish (`--lang es`): every title, hint, prompt, popup and
//! message comes from the Spanish catalogue, the keys stay the same, and the longer
//! words still fit at 80×24 and 120×40.

use std::path::{Path, PathBuf};

use alinea::i18n::Lang;
use alinea::tr;
use alinea::tui::TuiStyle;
use alinea::tui::app::{Effect, Model, Msg, Pane, PopupKind, PromptKind, Row, View, dispatch};
use alinea::tui::keys::GroupBy;
use alinea::tui::trace::LineKind;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const CHAIN: &str = "tests/fixtures/chain";
const AS_OF: &str = "2026-01-01";

// ---- harness ----

/// A model over `path` with the default pack, on a `width`×`height` screen.
fn model_at(path: &str, color: bool, width: u16, height: u16) -> Model {
    let run = crate::run_with_rules(&[Path::new(path)], AS_OF);
    let mut model = Model::new(run, TuiStyle { color });
    dispatch(&mut model, Msg::Resize(width, height));
    model
}

fn chain() -> Model {
    model_at(CHAIN, true, 120, 40)
}

/// The chain, checked in `lang`.
fn chain_run(lang: Lang) -> alinea::Run {
    alinea::check(&alinea::CheckOptions {
        paths: vec![PathBuf::from(CHAIN)],
        as_of: alinea::plan::model::Date::parse(AS_OF),
        lang,
        ..alinea::CheckOptions::default()
    })
    .expect("the chain checks")
}

/// A model over the chain, checked in `lang`, on a 120×40 screen.
fn chain_in(lang: Lang) -> Model {
    let mut model = Model::new(chain_run(lang), TuiStyle { color: true });
    dispatch(&mut model, Msg::Resize(120, 40));
    model
}

/// Key events from a script: characters stand for themselves, `<name>` for special keys
/// (`<enter> <esc> <up> <down> <left> <right> <tab> <backtab> <pgdn> <pgup> <bs> <f1> <f5> <c-c>`).
pub(crate) fn keys(script: &str) -> Vec<KeyEvent> {
    let mut events = Vec::new();
    let mut chars = script.chars();
    while let Some(c) = chars.next() {
        let (code, modifiers) = if c == '<' {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            match name.as_str() {
                "enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "up" => (KeyCode::Up, KeyModifiers::NONE),
                "down" => (KeyCode::Down, KeyModifiers::NONE),
                "left" => (KeyCode::Left, KeyModifiers::NONE),
                "right" => (KeyCode::Right, KeyModifiers::NONE),
                "tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "backtab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "pgdn" => (KeyCode::PageDown, KeyModifiers::NONE),
                "pgup" => (KeyCode::PageUp, KeyModifiers::NONE),
                "bs" => (KeyCode::Backspace, KeyModifiers::NONE),
                "f1" => (KeyCode::F(1), KeyModifiers::NONE),
                "f5" => (KeyCode::F(5), KeyModifiers::NONE),
                "c-c" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
                "c-u" => (KeyCode::Char('u'), KeyModifiers::CONTROL),
                "c-w" => (KeyCode::Char('w'), KeyModifiers::CONTROL),
                "c-o" => (KeyCode::Char('o'), KeyModifiers::CONTROL),
                "home" => (KeyCode::Home, KeyModifiers::NONE),
                "end" => (KeyCode::End, KeyModifiers::NONE),
                "lt" => (KeyCode::Char('<'), KeyModifiers::NONE),
                other => unreachable!("unknown key <{other}>"),
            }
        } else if c.is_ascii_uppercase() {
            (KeyCode::Char(c), KeyModifiers::SHIFT)
        } else {
            (KeyCode::Char(c), KeyModifiers::NONE)
        };
        events.push(KeyEvent::new(code, modifiers));
    }
    events
}

/// Presses the keys of a script.
fn press(model: &mut Model, script: &str) {
    for key in keys(script) {
        dispatch(model, Msg::Key(key));
    }
}

/// Draws the model on a `width`×`height` test terminal.
pub(crate) fn draw(model: &mut Model, width: u16, height: u16) -> Buffer {
    dispatch(model, Msg::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| alinea::tui::view::view(model, frame))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, trailing spaces removed.
fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The screen as text with styles marked: `«…»` around underlined cells (the span a
/// finding points at), `⟦…⟧` around the selection (reversed, or a background colour).
fn styled(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let (mut underlined, mut selected) = (false, false);
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            let is_selected = cell.modifier.contains(Modifier::REVERSED) || cell.bg != Color::Reset;
            let is_underlined = cell.modifier.contains(Modifier::UNDERLINED);
            if underlined && !is_underlined {
                line.push('»');
            }
            if selected && !is_selected {
                line.push('⟧');
            }
            if is_selected && !selected {
                line.push('⟦');
            }
            if is_underlined && !underlined {
                line.push('«');
            }
            (underlined, selected) = (is_underlined, is_selected);
            line.push_str(cell.symbol());
        }
        if underlined {
            line.push('»');
        }
        if selected {
            line.push('⟧');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[track_caller]
fn check_screen(name: &str, model: &mut Model, width: u16, height: u16) {
    let screen = text(&draw(model, width, height));
    insta::assert_snapshot!(name, screen);
}

fn selected_rule(model: &Model) -> String {
    model
        .selected_finding()
        .map(|f| f.rule.clone())
        .unwrap_or_default()
}

// ---- layer 1: the state machine ----

#[test]
fn starts_on_the_first_finding_errors_first_grouped_by_file() {
    let model = chain();
    assert_eq!(model.view(), View::Findings);
    assert_eq!(model.group_by(), GroupBy::File);
    assert!(matches!(model.rows().first(), Some(Row::Group(_))));
    assert_eq!(model.selected_row(), 1);
    assert_eq!(model.shown(), model.run().report.findings.len());
    // Within each group, errors come before warnings, warnings before infos.
    let mut last = None;
    for row in model.rows() {
        match row {
            Row::Group(_) => last = None,
            Row::Finding(index) => {
                let severity = model.run().report.findings[*index].severity;
                assert!(last.is_none_or(|last| last >= severity), "not errors first");
                last = Some(severity);
            }
        }
    }
}

#[test]
fn brackets_skip_group_rows_and_arrows_fold() {
    let mut model = chain();
    let first_group_size = model
        .rows()
        .iter()
        .skip(1)
        .take_while(|row| matches!(row, Row::Finding(_)))
        .count();
    for _ in 0..first_group_size {
        press(&mut model, "]");
    }
    // Skipped the second group's row.
    assert!(matches!(
        model.rows()[model.selected_row()],
        Row::Finding(_)
    ));
    assert_eq!(model.selected_row(), first_group_size + 2);
    press(&mut model, "[");
    assert_eq!(model.selected_row(), first_group_size);
    // ← on a finding goes to its group; ← again folds it; → unfolds.
    press(&mut model, "<left>");
    assert_eq!(model.selected_row(), 0);
    let rows = model.rows().len();
    press(&mut model, "<left>");
    assert_eq!(model.rows().len(), rows - first_group_size);
    press(&mut model, "<right>");
    assert_eq!(model.rows().len(), rows);
    // enter toggles too; j and k are aliases of the arrows.
    press(&mut model, "<enter>");
    assert_eq!(model.rows().len(), rows - first_group_size);
    press(&mut model, "<enter>jjk");
    assert_eq!(model.selected_row(), 1);
    press(&mut model, "G");
    assert_eq!(model.selected_row(), rows - 1);
    press(&mut model, "g");
    assert_eq!(model.selected_row(), 0);
}

#[test]
fn the_filter_narrows_the_list_and_esc_clears_it() {
    let mut model = chain();
    press(&mut model, "f");
    assert_eq!(model.prompt(), Some(PromptKind::Filter));
    press(&mut model, "%rule IND<enter>");
    assert_eq!(model.prompt(), None);
    assert_eq!(model.filter_text(), "%rule IND");
    let rules: Vec<&str> = model.listed_findings().map(|f| f.rule.as_str()).collect();
    let seeded = crate::run_with_rules(&[std::path::Path::new("tests/fixtures/chain")], AS_OF)
        .report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("IND-"))
        .count();
    assert_eq!(rules.len(), seeded, "{rules:?}");
    assert!(
        rules.iter().all(|rule| rule.starts_with("IND-")),
        "{rules:?}"
    );
    // Negation, severity scope, free text.
    press(
        &mut model,
        "f<bs><bs><bs><bs><bs><bs><bs><bs><bs>!%rule IND %sev>=error<enter>",
    );
    assert!(
        model
            .listed_findings()
            .all(|f| !f.rule.starts_with("IND") && f.severity == alinea::report::Severity::Error)
    );
    // A bad filter keeps the last good one and says why; esc restores the previous text.
    press(&mut model, "f %colour<enter>");
    assert_eq!(model.prompt(), Some(PromptKind::Filter));
    assert!(
        model.status().unwrap().contains("unknown field"),
        "{:?}",
        model.status()
    );
    press(&mut model, "<esc>");
    assert_eq!(model.filter_text(), "!%rule IND %sev>=error");
    press(&mut model, "<esc>");
    assert_eq!(model.filter_text(), "");
    assert_eq!(model.shown(), model.run().report.findings.len());
}

#[test]
fn search_keeps_the_list_and_jumps_between_matches() {
    let mut model = chain();
    let rows = model.rows().len();
    press(&mut model, "/baseline<enter>");
    assert_eq!(model.search(), "baseline");
    assert_eq!(model.rows().len(), rows, "the list is unchanged");
    let first = model.selected_row();
    assert!(
        model
            .selected_finding()
            .unwrap()
            .message
            .contains("baseline")
    );
    press(&mut model, "n");
    let second = model.selected_row();
    assert!(second > first);
    assert!(
        model
            .selected_finding()
            .unwrap()
            .message
            .contains("baseline")
    );
    press(&mut model, "N");
    assert_eq!(model.selected_row(), first);
    // N from the first match wraps around to the last.
    press(&mut model, "N");
    assert!(model.selected_row() > second);
    // esc clears the search first, then the filter.
    press(&mut model, "f%sev error<enter><esc>");
    assert_eq!(model.search(), "");
    assert_eq!(model.filter_text(), "%sev error");
}

#[test]
fn severity_cycles_and_grouping_chords() {
    let mut model = chain();
    let all = model.shown();
    press(&mut model, "s");
    assert_eq!(model.min_severity(), alinea::report::Severity::Warning);
    let warnings = model.shown();
    press(&mut model, "s");
    assert_eq!(model.min_severity(), alinea::report::Severity::Error);
    assert!(model.shown() < warnings && warnings < all);
    press(&mut model, "s");
    assert_eq!(model.shown(), all);
    for (chord, group_by) in [
        (",r", GroupBy::Rule),
        (",s", GroupBy::Severity),
        (",p", GroupBy::Pillar),
        (",n", GroupBy::None),
        (",f", GroupBy::File),
    ] {
        press(&mut model, chord);
        assert_eq!(model.group_by(), group_by);
    }
    press(&mut model, ",s");
    let severity_rows: Vec<&Row> = model
        .rows()
        .iter()
        .filter(|r| matches!(r, Row::Group(_)))
        .collect();
    assert_eq!(severity_rows.len(), 3, "error, warning, info");
    press(&mut model, ",n");
    assert!(model.rows().iter().all(|r| matches!(r, Row::Finding(_))));
}

#[test]
fn editor_copy_and_reload_are_effects() {
    let mut model = chain();
    let finding = model.selected_finding().unwrap().clone();
    let start = model.run().sources.start(finding.span);
    let path = model
        .run()
        .sources
        .file(finding.span.file)
        .path()
        .to_path_buf();
    press(&mut model, "e");
    assert_eq!(
        model.take_effects(),
        vec![Effect::OpenEditor {
            path: path.clone(),
            line: start.line,
            column: start.column
        }]
    );
    // The editor came back: re-lint. It could not start: say so.
    dispatch(&mut model, Msg::EditorFinished(Ok(())));
    assert_eq!(model.take_effects(), vec![Effect::Reload]);
    dispatch(
        &mut model,
        Msg::EditorFinished(Err("cannot start `nope`: No such file".to_owned())),
    );
    assert!(model.status().unwrap().contains("cannot start `nope`"));
    assert!(model.take_effects().is_empty());
    press(&mut model, "y");
    let location = format!(
        "{}:{}:{}",
        model.run().sources.file(finding.span.file).display_name(),
        start.line,
        start.column
    );
    assert_eq!(model.take_effects(), vec![Effect::Copy(location.clone())]);
    assert!(model.status().unwrap().contains(&location));
    press(&mut model, "r<f5>");
    assert_eq!(model.take_effects(), vec![Effect::Reload, Effect::Reload]);
}

#[test]
fn a_reload_keeps_the_selection_on_the_same_finding() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new(CHAIN), dir.path());
    let run = crate::run_with_rules(&[dir.path()], AS_OF);
    let mut model = Model::new(run, TuiStyle { color: true });
    dispatch(&mut model, Msg::Resize(120, 40));
    press(&mut model, "]]]]]]]");
    let before = model.selected_finding().unwrap().clone();
    let fingerprint = model.selected_fingerprint().unwrap();
    let line_before = model.run().sources.start(before.span).line;
    let file = model
        .run()
        .sources
        .file(before.span.file)
        .path()
        .to_path_buf();
    // Insert two comment lines at the top of its file: every line moves.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("# one\n# two\n{text}")).unwrap();
    let rerun = crate::run_with_rules(&[dir.path()], AS_OF);
    dispatch(&mut model, Msg::Reloaded(Box::new(rerun.into())));
    assert_eq!(model.selected_fingerprint().unwrap(), fingerprint);
    let after = model.selected_finding().unwrap();
    assert_eq!(model.run().sources.start(after.span).line, line_before + 2);
    assert!(model.status().unwrap().starts_with("re-linted"));
    // The finding is gone (its file no longer holds the plan): the selection goes to its
    // nearest neighbour that survives, a finding that was listed before.
    let listed: Vec<String> = model
        .listed_findings()
        .map(|f| f.fingerprint(&model.run().sources))
        .collect();
    std::fs::write(&file, "plan: {}\n").unwrap();
    let rerun = crate::run_with_rules(&[dir.path()], AS_OF);
    dispatch(&mut model, Msg::Reloaded(Box::new(rerun.into())));
    let now = model.selected_fingerprint().unwrap();
    assert_ne!(now, fingerprint);
    assert!(listed.contains(&now), "{now} was not listed before");
}

/// Selects the first finding of `rule` on `element`.
fn select(model: &mut Model, rule: &str, element: &str) {
    press(model, "f");
    for _ in 0..model.filter_text().chars().count() {
        press(model, "<bs>");
    }
    press(model, &format!("%rule {rule} %element {element}<enter>"));
}

/// Moves the selection with `]` to the first finding of `rule` on `element`, leaving
/// the list whole.
fn goto(model: &mut Model, rule: &str, element: &str) {
    let found = |model: &Model| {
        model
            .selected_finding()
            .is_some_and(|f| f.rule == rule && f.element == element)
    };
    for _ in 0..model.rows().len() {
        if found(model) {
            break;
        }
        press(model, "]");
    }
    assert!(found(model), "no {rule} finding on {element}");
}

#[test]
fn t_and_2_show_the_selected_element_in_the_trace() {
    let mut model = chain();
    // IND-06 on AEI.08.01 of the Soritor PEI: its chain reaches the PEDN.
    select(&mut model, "IND-06", "AEI.08.01");
    assert_eq!(selected_rule(&model), "IND-06");
    press(&mut model, "2");
    assert_eq!(model.view(), View::Trace);
    let lines = model.trace_lines();
    assert_eq!(lines[0].kind, LineKind::Root);
    assert_eq!(lines[0].code, "AEI.08.01");
    assert!(
        lines
            .iter()
            .any(|l| l.code == "ON1" && l.plan.starts_with("pedn-2050"))
    );
    // → on a node re-roots the trace there; ← goes back.
    let target = lines.iter().position(|l| l.code == "OEL.01").unwrap();
    for _ in 0..target {
        press(&mut model, "<down>");
    }
    press(&mut model, "<right>");
    assert_eq!(model.trace_lines()[0].code, "OEL.01");
    press(&mut model, "<left>");
    assert_eq!(model.trace_lines()[0].code, "AEI.08.01");
    // e opens the node under the cursor.
    press(&mut model, "e");
    assert!(matches!(
        model.take_effects().as_slice(),
        [Effect::OpenEditor { .. }]
    ));
    // Back in the findings, t does the same as 2.
    press(&mut model, "1<esc>");
    select(&mut model, "REF-01", "OEL.01");
    press(&mut model, "t");
    assert_eq!(model.view(), View::Trace);
    assert!(
        model
            .trace_lines()
            .iter()
            .any(|l| l.kind == LineKind::Gap && l.text.contains("AET.2.9"))
    );
}

#[test]
fn the_coverage_matrix_lists_the_objectives_behind_a_cell() {
    let mut model = chain();
    press(&mut model, "3");
    assert_eq!(model.view(), View::Coverage);
    let matrix = model.matrix().unwrap();
    let graph = &model.run().graph;
    assert_eq!(graph.plan(matrix.plan).id.value, "pdrc-san-martin-2030");
    // Go to the AET.2.7 row (traced by the provincial OEL.04) and open its cell.
    let row = matrix
        .rows
        .iter()
        .position(|r| graph.element(r.element).code.value == "AET.2.7")
        .unwrap();
    press(&mut model, "<tab>");
    assert_eq!(model.focus(), Pane::Secondary);
    for _ in 0..row {
        press(&mut model, "j");
    }
    press(&mut model, "<enter>");
    assert_eq!(model.popup(), Some(PopupKind::Cell));
    press(&mut model, "<enter>");
    assert_eq!(model.popup(), None);
    assert_eq!(model.view(), View::Trace);
    assert_eq!(model.trace_lines()[0].code, "OEL.04");
    // o sorts by least covered.
    press(&mut model, "3o");
    let totals: Vec<usize> = model
        .matrix()
        .unwrap()
        .rows
        .iter()
        .map(|r| r.covered)
        .collect();
    assert!(totals.windows(2).all(|w| w[0] <= w[1]), "{totals:?}");
}

#[test]
fn help_filters_as_you_type_and_explain_shows_the_rule() {
    let mut model = chain();
    press(&mut model, "?");
    assert_eq!(model.popup(), Some(PopupKind::Help));
    press(&mut model, "editor");
    let screen = text(&draw(&mut model, 120, 40));
    assert!(screen.contains("open $VISUAL / $EDITOR"), "{screen}");
    assert!(!screen.contains("next pane"), "{screen}");
    press(&mut model, "<esc>");
    assert_eq!(model.popup(), None);
    press(&mut model, "<f1><esc>i");
    assert_eq!(model.popup(), Some(PopupKind::Explain));
    let screen = text(&draw(&mut model, 120, 40));
    assert!(screen.contains("What it checks"), "{screen}");
    press(&mut model, "q");
    assert_eq!(model.popup(), None);
    assert!(!model.should_quit(), "q closes the popup first");
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls_the_pane_under_it() {
    let mut model = chain();
    draw(&mut model, 120, 40);
    // Row 2 of the list's inside (y = 1 header + 1 border + 2).
    let click = |column, row| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    dispatch(&mut model, click(10, 4));
    assert_eq!(model.selected_row(), 2);
    let wheel = |kind, column, row| {
        Msg::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    dispatch(&mut model, wheel(MouseEventKind::ScrollDown, 10, 10));
    assert_eq!(model.selected_row(), 5);
    // The wheel over the detail scrolls it, not the list.
    dispatch(&mut model, wheel(MouseEventKind::ScrollDown, 100, 10));
    assert_eq!(model.selected_row(), 5);
    assert_eq!(model.focus(), Pane::Primary);
    // A click on a tab switches views.
    dispatch(&mut model, click(22, 0));
    assert_eq!(model.view(), View::Trace);
}

#[test]
fn q_and_ctrl_c_quit_even_from_a_prompt() {
    let mut model = chain();
    press(&mut model, "fq");
    assert!(!model.should_quit(), "q is text in a prompt");
    press(&mut model, "<c-c>");
    assert!(model.should_quit());
    let mut model = chain();
    press(&mut model, "q");
    assert!(model.should_quit());
    // esc then 4 typed fast arrive as alt+4: taken as the two keys.
    let mut model = chain();
    press(&mut model, "?");
    dispatch(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Char('4'), KeyModifiers::ALT)),
    );
    assert_eq!(model.popup(), None);
    assert_eq!(model.view(), View::Profile);
}

#[test]
fn the_keys_are_the_same_in_both_languages_and_only_their_descriptions_change() {
    let english = alinea::tui::keys::help_entries(Lang::En, "");
    let spanish = alinea::tui::keys::help_entries(Lang::Es, "");
    let keys = |entries: &[alinea::tui::keys::HelpEntry]| {
        entries.iter().map(|e| e.keys.clone()).collect::<Vec<_>>()
    };
    assert_eq!(keys(&english), keys(&spanish));
    for (en, es) in english.iter().zip(&spanish) {
        assert_ne!(en.help, es.help, "`{}` is not translated", en.keys);
    }
    // The help filters on the words of its language.
    let quit = tr!(Lang::Es, "tui-key-quit");
    let found = alinea::tui::keys::help_entries(Lang::Es, &quit);
    assert!(found.iter().any(|e| e.keys == "q ctrl-c"), "{found:?}");
    // The same keys do the same things in a Spanish run.
    let mut en = chain_in(Lang::En);
    let mut es = chain_in(Lang::Es);
    for script in [
        "]]]",
        "f%rule IND<enter>",
        ",r",
        "s",
        "2",
        "3<tab>jj",
        "4j",
        "?",
        "<esc>1",
    ] {
        press(&mut en, script);
        press(&mut es, script);
        assert_eq!(
            (
                en.view(),
                en.focus(),
                en.popup(),
                en.selected_row(),
                en.shown()
            ),
            (
                es.view(),
                es.focus(),
                es.popup(),
                es.selected_row(),
                es.shown()
            ),
            "after `{script}`"
        );
    }
}

#[test]
fn spanish_messages_group_labels_and_filters() {
    let mut model = chain_in(Lang::Es);
    assert_eq!(model.lang(), Lang::Es);
    // Severity groups are named in Spanish (folded, they all fit on the screen).
    press(&mut model, ",sg<left>]<left><left>]<left><left>");
    let screen = text(&draw(&mut model, 120, 40));
    let groups: Vec<&str> = screen.lines().filter(|l| l.contains('▸')).collect();
    assert_eq!(groups.len(), 3, "{screen}");
    let severities = [
        alinea::report::Severity::Error,
        alinea::report::Severity::Warning,
        alinea::report::Severity::Info,
    ];
    for (line, severity) in groups.iter().zip(severities) {
        let word = severity.name(Lang::Es);
        assert!(
            line.contains(&format!("  {word}")),
            "no `{word}` group:\n{screen}"
        );
    }
    // Pillar groups too (and the group of findings without one).
    press(&mut model, ",pg");
    for _ in 0..4 {
        press(&mut model, "<left>]<left>");
    }
    let screen = text(&draw(&mut model, 120, 40));
    for finding in &model.run().report.findings {
        let word = finding
            .pillar
            .map_or_else(|| tr!(Lang::Es, "tui-no-pillar"), |p| p.name(Lang::Es));
        assert!(
            screen.contains(&format!("  {word}")),
            "no `{word}` group:\n{screen}"
        );
    }
    // The filter takes Spanish words for severities and pillars.
    press(&mut model, ",ff%sev>=advertencia %pilar valor<enter>");
    assert!(model.shown() > 0);
    assert!(model.listed_findings().all(|f| {
        f.severity >= alinea::report::Severity::Warning
            && f.pillar == Some(alinea::report::Pillar::Value)
    }));
    // A mistake is explained in Spanish, in the status line.
    press(&mut model, "f %color<enter>");
    assert_eq!(
        model.status(),
        Some(tr!(Lang::Es, "tui-filter-unknown-field", name = "color").as_str())
    );
    press(&mut model, "<esc><esc>");
    // Copying says so in Spanish; a re-lint reports its totals in Spanish.
    press(&mut model, "]y");
    let Some(Effect::Copy(location)) = model.take_effects().pop() else {
        panic!("no copy");
    };
    assert_eq!(
        model.status(),
        Some(tr!(Lang::Es, "tui-copied", location = location.as_str()).as_str())
    );
    press(&mut model, "r");
    assert_eq!(
        model.status(),
        Some(tr!(Lang::Es, "tui-relinting").as_str())
    );
    dispatch(
        &mut model,
        Msg::Reloaded(Box::new(chain_run(Lang::Es).into())),
    );
    let status = model.status().unwrap().to_owned();
    assert!(status.starts_with("revisión actualizada: "), "{status}");
    dispatch(&mut model, Msg::EditorFinished(Err("x".to_owned())));
    assert_eq!(
        model.status(),
        Some(tr!(Lang::Es, "tui-editor-failed", error = "x").as_str())
    );
}

// ---- layer 2: rendered frames ----

#[test]
fn snapshots_of_every_view_at_several_sizes() {
    let mut model = chain();
    goto(&mut model, "IND-06", "AEI.08.01");
    for (width, height) in [(120, 40), (80, 24), (40, 12)] {
        check_screen(
            &format!("findings_{width}x{height}"),
            &mut model,
            width,
            height,
        );
    }
    press(&mut model, "2");
    for (width, height) in [(120, 40), (80, 24)] {
        check_screen(
            &format!("trace_{width}x{height}"),
            &mut model,
            width,
            height,
        );
    }
    press(&mut model, "3<tab>jjjj");
    for (width, height) in [(120, 40), (60, 20)] {
        check_screen(
            &format!("coverage_{width}x{height}"),
            &mut model,
            width,
            height,
        );
    }
    press(&mut model, "4");
    for (width, height) in [(120, 40), (80, 24)] {
        check_screen(
            &format!("profile_{width}x{height}"),
            &mut model,
            width,
            height,
        );
    }
    press(&mut model, "?");
    check_screen("help_120x40", &mut model, 120, 40);
    press(&mut model, "<esc>1i");
    check_screen("explain_100x30", &mut model, 100, 30);
    press(&mut model, "<esc>");
    check_screen("findings_30x8", &mut model, 30, 8);
    check_screen("too_small_19x4", &mut model, 19, 4);
}

#[test]
fn grouped_by_rule_with_a_filter_and_a_search() {
    let mut model = chain();
    press(&mut model, ",rf%sev>=warning<enter>/baseline<enter>");
    check_screen("findings_by_rule_filtered_searched", &mut model, 120, 30);
}

#[test]
fn spanish_snapshots_of_every_view() {
    let mut model = chain_in(Lang::Es);
    goto(&mut model, "IND-06", "AEI.08.01");
    for (width, height) in [(120, 40), (80, 24)] {
        check_screen(
            &format!("es_findings_{width}x{height}"),
            &mut model,
            width,
            height,
        );
    }
    press(&mut model, "2");
    for (width, height) in [(120, 40), (80, 24)] {
        check_screen(
            &format!("es_trace_{width}x{height}"),
            &mut model,
            width,
            height,
        );
    }
    press(&mut model, "3<tab>jjjj");
    for (width, height) in [(120, 40), (80, 24)] {
        check_screen(
            &format!("es_coverage_{width}x{height}"),
            &mut model,
            width,
            height,
        );
    }
    press(&mut model, "<enter>");
    assert_eq!(model.popup(), Some(PopupKind::Cell));
    check_screen("es_cell_120x40", &mut model, 120, 40);
    press(&mut model, "<esc>4");
    for (width, height) in [(120, 40), (80, 24)] {
        check_screen(
            &format!("es_profile_{width}x{height}"),
            &mut model,
            width,
            height,
        );
    }
    press(&mut model, "?");
    for (width, height) in [(120, 40), (80, 24)] {
        check_screen(
            &format!("es_help_{width}x{height}"),
            &mut model,
            width,
            height,
        );
    }
    press(&mut model, "<esc>1i");
    check_screen("es_explain_100x30", &mut model, 100, 30);
    press(
        &mut model,
        "<esc>,rf%sev>=advertencia<enter>/baseline<enter>",
    );
    check_screen("es_findings_by_rule_filtered_searched", &mut model, 120, 30);
    // A filter mistake is explained in Spanish, beside the prompt.
    press(&mut model, "<esc><esc>f%regla");
    check_screen("es_filter_prompt_80x24", &mut model, 80, 24);
    press(&mut model, "<esc><esc><esc>");
    check_screen("es_too_small_19x4", &mut model, 19, 4);
}

/// The totals of the header in words (`29 errores · 13 advertencias · …`) and in letters
/// (`E29 A13 I1`: each severity's initial, zero counts left out).
fn totals(model: &Model, lang: Lang) -> (String, String) {
    use alinea::report::Severity;
    let count = |severity| {
        model
            .run()
            .report
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    };
    let in_words = [
        tr!(lang, "tui-header-errors", count = count(Severity::Error)),
        tr!(
            lang,
            "tui-header-warnings",
            count = count(Severity::Warning)
        ),
        tr!(lang, "tui-header-infos", count = count(Severity::Info)),
    ]
    .join(" · ");
    let in_letters = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .filter(|&severity| count(severity) > 0)
        .map(|severity| {
            let initial = severity.name(lang).chars().next().unwrap().to_uppercase();
            format!("{initial}{}", count(severity))
        })
        .collect::<Vec<_>>()
        .join(" ");
    (in_words, in_letters)
}

/// The cells of `row` from column `x` on, `width` of them, as text.
fn row_text(buffer: &Buffer, row: u16, x: u16, width: u16) -> String {
    (x..x.saturating_add(width).min(buffer.area.width))
        .map(|column| buffer[(column, row)].symbol())
        .collect()
}

/// Text with runs of whitespace made one space.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn spanish_words_fit_at_80x24_and_120x40() {
    let lang = Lang::Es;
    let titles = [
        tr!(lang, "tui-view-findings"),
        tr!(lang, "tui-view-trace"),
        tr!(lang, "tui-view-coverage"),
        tr!(lang, "tui-view-profile"),
    ];
    let hint = tr!(lang, "tui-hint");
    for (width, height) in [(80, 24), (120, 40)] {
        let mut model = chain_in(lang);
        goto(&mut model, "IND-06", "AEI.08.01");
        for script in ["1", "2", "3", "4"] {
            press(&mut model, script);
            let buffer = draw(&mut model, width, height);
            let screen = text(&buffer);
            let header = screen.lines().next().unwrap_or_default();
            let status = screen.lines().last().unwrap_or_default();
            // Every tab title, and the totals (in words or in letters), on the tab line.
            for (key, title) in titles.iter().enumerate() {
                assert!(
                    header.contains(&format!(" {} {title} ", key + 1)),
                    "{header}"
                );
            }
            let (in_words, in_letters) = totals(&model, lang);
            assert!(
                header.ends_with(&in_words) || header.ends_with(&in_letters),
                "`{in_words}` or `{in_letters}` cut: {header}"
            );
            assert!(
                status.ends_with(&hint),
                "{width}x{height} view {script}:\n{screen}"
            );
        }
        // Every key of the help, and all of what it does, shows (scrolling down).
        press(&mut model, "1?");
        let popup_width = (width - 4).min(100);
        let x = (width - popup_width) / 2 + 1;
        let mut seen = String::new();
        let entries = alinea::tui::keys::help_entries(lang, "");
        for _ in 0..=entries.len() * 2 {
            let buffer = draw(&mut model, width, height);
            let popup_height = (height - 2).min(32);
            let top = (height - popup_height) / 2 + 1;
            for row in top..top + popup_height - 2 {
                seen.push_str(&row_text(&buffer, row, x, popup_width - 2));
                seen.push(' ');
            }
            press(&mut model, "<down>");
        }
        let seen = squeeze(&seen);
        for entry in &entries {
            let line = squeeze(&format!(
                "{} {} ({})",
                entry.keys, entry.help, entry.context
            ));
            assert!(seen.contains(&line), "{width}x{height}: `{line}` is cut");
        }
        assert!(seen.contains(&squeeze(&tr!(lang, "tui-help-keys-note"))));
    }
}

#[test]
fn no_size_panics_in_spanish() {
    let mut model = chain_in(Lang::Es);
    for script in [
        "",
        "]]<tab>j",
        "2j<right>",
        "3<tab>jl<enter>",
        "4<tab>j",
        "?",
        "1i",
        "f%regla IND",
    ] {
        press(&mut model, "<esc><esc><esc>1");
        press(&mut model, script);
        for width in [1, 10, 19, 20, 21, 40, 59, 60, 80, 99, 100, 120] {
            for height in [1, 4, 5, 6, 12, 16, 17, 24, 40] {
                let buffer = draw(&mut model, width, height);
                assert_eq!(buffer.area.width, width);
            }
        }
    }
}

#[test]
fn the_span_is_highlighted_by_style_and_the_monochrome_selection_stays_visible() {
    let mut model = model_at(CHAIN, false, 100, 24);
    goto(&mut model, "IND-08", "AEI.01.01");
    let screen = styled(&draw(&mut model, 100, 24));
    insta::assert_snapshot!("styled_span_and_selection_no_color", screen);
    // The selected row is reversed, and a marker shows it without any style.
    assert!(
        screen
            .lines()
            .any(|l| l.contains("⟦│▶") || l.contains("│⟦▶")),
        "{screen}"
    );
    // The span is underlined in the snippet: the mistyped 700.
    assert!(
        screen.contains("«700.0»") || screen.contains("«700»"),
        "{screen}"
    );
}

#[test]
fn no_size_panics() {
    let widths = [
        1, 2, 3, 5, 9, 10, 19, 20, 21, 39, 40, 59, 60, 80, 99, 100, 101, 120, 250,
    ];
    let heights = [1, 2, 3, 4, 5, 6, 7, 11, 12, 16, 17, 18, 24, 40, 80];
    let mut model = chain();
    let scripts = [
        "",
        "]]]]<tab>jj",
        "2",
        "2jjjjj<right>",
        "3",
        "3<tab>jl<enter>",
        "3<tab>jjjjj",
        "4",
        "4<tab>jj",
        "?",
        "1i",
        "f%rule IND",
        "/x",
    ];
    for script in scripts {
        press(&mut model, "<esc><esc><esc>1");
        press(&mut model, script);
        for &width in &widths {
            for &height in &heights {
                let buffer = draw(&mut model, width, height);
                assert_eq!(buffer.area.width, width);
            }
        }
        // Resizing live, down and back up.
        for (width, height) in [(120, 40), (40, 12), (20, 6), (10, 3), (1, 1), (120, 40)] {
            draw(&mut model, width, height);
        }
    }
}

#[test]
fn an_empty_repository_and_a_repository_without_findings() {
    let dir = tempfile::tempdir().unwrap();
    // An empty folder is not a repository: the run is refused before the browser starts.
    let empty = alinea::check(&alinea::CheckOptions {
        paths: vec![dir.path().to_path_buf()],
        ..alinea::CheckOptions::default()
    });
    assert!(
        matches!(&empty, Err(alinea::CheckError::Usage(message, _)) if message.starts_with("no plan file under")),
        "{empty:?}"
    );
    // One plan without findings (the built-in checks only).
    std::fs::copy(
        "tests/fixtures/checks/REF-05/pedn.yaml",
        dir.path().join("pedn.yaml"),
    )
    .unwrap();
    let run = crate::run(&[dir.path()]);
    assert!(run.report.findings.is_empty());
    let mut model = Model::new(run, TuiStyle { color: true });
    for script in [
        "",
        "]e",
        "2",
        "3<tab><enter>",
        "4<tab>j",
        "f%rule X<enter>",
        "/a<enter>n",
    ] {
        press(&mut model, script);
        let screen = text(&draw(&mut model, 80, 20));
        assert!(!screen.is_empty());
    }
    press(&mut model, "1");
    let screen = text(&draw(&mut model, 80, 20));
    assert!(screen.contains("no findings"), "{screen}");
}

// ---- layer 3: the real binary in tmux ----

/// A tmux server of its own, killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(command: &str, width: u16, height: u16) -> Self {
        // `.ci/run` installs it: a machine without it cannot run the browser's tests.
        assert!(
            std::process::Command::new("tmux")
                .arg("-V")
                .output()
                .is_ok(),
            "tmux is not installed: the end-to-end browser tests need it"
        );
        let socket = format!("alinea-it-{}-{}", std::process::id(), fastrand());
        let tmux = Self { socket };
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
        tmux.run(&["set-option", "-g", "window-size", "manual"]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let output = std::process::Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "t", key]);
        }
    }

    fn literal(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-t", "t", "-p"])
    }

    /// Waits until the screen contains `text` and has stopped changing (10 s at most).
    #[track_caller]
    fn wait_for(&self, text: &str) -> String {
        let start = std::time::Instant::now();
        let mut previous = String::new();
        loop {
            let screen = self.screen();
            if screen.contains(text) && screen == previous {
                return screen;
            }
            previous.clone_from(&screen);
            assert!(
                start.elapsed() < std::time::Duration::from_secs(10),
                "`{text}` never showed:\n{screen}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = std::process::Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

fn fastrand() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Waits for a file to appear (10 s at most) and reads it.
#[track_caller]
fn wait_file(path: &Path) -> String {
    let start = std::time::Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && !text.is_empty()
        {
            return text;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn shell_quote(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "'\\''"))
}

/// Whether SGR sequences in `text` set a foreground or background colour.
fn has_colour(text: &str) -> bool {
    text.split("\x1b[").skip(1).any(|sequence| {
        let params = sequence.split('m').next().unwrap_or("");
        params.split(';').any(|param| {
            matches!(
                param.parse::<u32>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            )
        })
    })
}

/// A script that appends its arguments to `args.txt` in `dir`.
fn fake_editor(dir: &Path) -> PathBuf {
    let script = dir.join("fake-editor.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho \"$@\" >> {}\n",
            shell_quote(&dir.join("args.txt"))
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    script
}

#[test]
fn the_real_binary_in_tmux() {
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path());
    let exit = dir.path().join("exit.txt");
    let stty = dir.path().join("stty.txt");
    let command = format!(
        "cd {} && VISUAL= EDITOR={} {} browse plans --as-of {AS_OF}; echo EXIT=$? > {}; stty -a > {}; sleep 30",
        shell_quote(&std::env::current_dir().unwrap()),
        shell_quote(&editor),
        shell_quote(&crate::binary()),
        shell_quote(&exit),
        shell_quote(&stty),
    );
    let tmux = Tmux::start(&command, 120, 40);
    // Findings listed with the severity spelled out.
    let screen = tmux.wait_for("1 Findings");
    assert!(screen.contains("E error   ART-07"), "{screen}");
    // Warnings come after the errors: G jumps to the last finding, g back to the first.
    tmux.keys(&["G"]);
    tmux.wait_for("W warning IND-0");
    tmux.keys(&["g"]);
    // f then %rule IND leaves only IND findings.
    tmux.keys(&["f"]);
    tmux.literal("%rule IND");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("[filter: %rule IND]");
    let listed: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(" error ") || l.contains(" warning ") || l.contains(" info "))
        .filter(|l| l.starts_with('│'))
        .collect();
    assert!(!listed.is_empty(), "{screen}");
    assert!(listed.iter().all(|l| l.contains("IND-")), "{screen}");
    // ] then e calls the editor with +LINE and the plan file; the screen comes back.
    tmux.keys(&["]", "e"]);
    let args = wait_file(&dir.path().join("args.txt"));
    let plan = std::env::current_dir()
        .unwrap()
        .join("plans/regional/san-martin/pei-2024-2028.yaml");
    // The editor gets the line of an IND finding of that file (which one depends on the data).
    let run = crate::run_with_rules(&[std::path::Path::new("plans")], AS_OF);
    let lines: Vec<String> = run
        .report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("IND-"))
        .filter(|f| {
            run.sources
                .file(f.span.file)
                .display_name()
                .ends_with("pei-2024-2028.yaml")
        })
        .map(|f| format!("+{} {}", run.sources.start(f.span).line, plan.display()))
        .collect();
    assert!(
        lines.contains(&args.trim().to_owned()),
        "{args} not in {lines:?}"
    );
    let screen = tmux.wait_for("re-linted");
    assert!(screen.contains("1 Findings"), "{screen}");
    // 2 shows the selected element's trace: what it serves, upwards, from its plan.
    tmux.keys(&["2"]);
    let screen = tmux.wait_for("trace of");
    assert!(screen.contains("▲ upwards: what it serves"), "{screen}");
    assert!(
        screen.contains(" · pei-gore-san-martin-2024-2028"),
        "{screen}"
    );
    // ? opens the help.
    tmux.keys(&["?"]);
    tmux.wait_for("keys (type to filter)");
    tmux.keys(&["Escape"]);
    // Resizing down to 10×3 and back does not crash.
    for (width, height) in [(40, 12), (20, 6), (10, 3), (120, 40)] {
        tmux.resize(width, height);
    }
    tmux.wait_for("1 Findings");
    tmux.resize(10, 3);
    tmux.wait_for("too");
    tmux.resize(120, 40);
    tmux.wait_for("trace of");
    // q exits 0, and the terminal is back in cooked mode.
    tmux.keys(&["q"]);
    assert_eq!(wait_file(&exit).trim(), "EXIT=0");
    let modes = wait_file(&stty);
    assert!(modes.split_whitespace().any(|m| m == "icanon"), "{modes}");
    assert!(modes.split_whitespace().any(|m| m == "echo"), "{modes}");
}

#[test]
fn the_real_binary_in_spanish_in_tmux() {
    let es = |id: &str| alinea::i18n::text(Lang::Es, id, &[]);
    let dir = tempfile::tempdir().unwrap();
    let exit = dir.path().join("exit.txt");
    let command = format!(
        "cd {} && {} browse plans --lang es --as-of {AS_OF}; echo EXIT=$? > {}; sleep 30",
        shell_quote(&std::env::current_dir().unwrap()),
        shell_quote(&crate::binary()),
        shell_quote(&exit),
    );
    let tmux = Tmux::start(&command, 120, 40);
    let findings = format!("1 {}", es("tui-view-findings"));
    // Spanish tabs, pane titles, severities, labels and hint.
    let screen = tmux.wait_for(&findings);
    for (key, id) in ["tui-view-trace", "tui-view-coverage", "tui-view-profile"]
        .into_iter()
        .enumerate()
    {
        assert!(
            screen.contains(&format!(" {} {} ", key + 2, es(id))),
            "{screen}"
        );
    }
    assert!(
        screen.contains(&format!("▶ {} (", es("tui-view-findings").to_lowercase())),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("┌ {} ", es("tui-detail"))),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("E {}", es("severity-error"))),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("{} ", es("tui-detail-path"))),
        "{screen}"
    );
    // Warnings come after the errors: G jumps to the last finding.
    tmux.keys(&["G"]);
    tmux.wait_for(&format!(" {} ", es("severity-warning")));
    tmux.keys(&["g"]);
    assert!(
        screen
            .lines()
            .last()
            .unwrap_or_default()
            .trim_end()
            .ends_with(&es("tui-hint")),
        "{screen}"
    );
    // The filter prompt is Spanish and takes Spanish words; the keys are the same.
    tmux.keys(&["f"]);
    tmux.literal("%sev=advertencia");
    let screen = tmux.wait_for(&format!("{} %sev=advertencia", es("tui-prompt-filter")));
    assert!(!screen.contains("error       "), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("[{} %sev=advertencia]", es("tui-prompt-filter")));
    tmux.keys(&["Escape"]);
    // ? opens the help in Spanish, with the same keys.
    tmux.keys(&["?"]);
    let screen = tmux.wait_for(&es("tui-help-title"));
    assert!(screen.contains(&es("tui-help-keys-note")), "{screen}");
    assert!(
        screen.contains(&format!("↓ j          {}", es("tui-key-down"))),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("({})", es("tui-context-global"))),
        "{screen}"
    );
    // Typing filters it on Spanish words.
    tmux.literal(&es("tui-key-quit"));
    let screen = tmux.wait_for("q ctrl-c");
    assert!(!screen.contains(&es("tui-key-down")), "{screen}");
    tmux.keys(&["Escape"]);
    // 2 shows the trace with Spanish headings.
    tmux.keys(&["2"]);
    let screen = tmux.wait_for(&es("tui-trace-upwards"));
    assert!(screen.contains(&es("tui-trace-downwards")), "{screen}");
    let trace_title = alinea::i18n::text(
        Lang::Es,
        "tui-trace-title",
        &[("code", "".into()), ("plan", "".into())],
    );
    let trace_of = trace_title
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(screen.contains(&trace_of), "{screen}");
    // 3 and 4: coverage and profile titles.
    tmux.keys(&["3"]);
    tmux.wait_for(&es("tui-concerted-plans"));
    tmux.keys(&["4"]);
    tmux.wait_for(&es("tui-pillar-checks"));
    // At 80×24 the tabs and the hint still fit.
    tmux.resize(80, 24);
    let screen = tmux.wait_for(&format!("4 {} ", es("tui-view-profile")));
    assert!(
        screen
            .lines()
            .last()
            .unwrap_or_default()
            .trim_end()
            .ends_with(&es("tui-hint")),
        "{screen}"
    );
    tmux.keys(&["q"]);
    assert_eq!(wait_file(&exit).trim(), "EXIT=0");
}

#[test]
fn the_terminal_is_restored_after_a_panic_and_no_color_keeps_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let exit = dir.path().join("exit.txt");
    let stty = dir.path().join("stty.txt");
    let command = format!(
        "cd {} && NO_COLOR=1 ALINEA_TUI_TEST_PANIC=1 {} browse plans; echo EXIT=$? > {}; stty -a > {}; sleep 30",
        shell_quote(&std::env::current_dir().unwrap()),
        shell_quote(&crate::binary()),
        shell_quote(&exit),
        shell_quote(&stty),
    );
    let tmux = Tmux::start(&command, 100, 30);
    tmux.wait_for("1 Findings");
    let styled = tmux.run(&["capture-pane", "-t", "t", "-p", "-e"]);
    let selected = styled
        .lines()
        .find(|l| l.contains('▶') && l.contains("ART-07"))
        .unwrap_or_else(|| panic!("no selected row:\n{styled}"));
    assert!(
        selected.contains("\x1b[1m") || selected.contains(";7m") || selected.contains("[7m"),
        "{selected:?}"
    );
    assert!(!has_colour(&styled), "colour under NO_COLOR: {styled:?}");
    // The debug build panics on `P` when asked to: the hook gives the terminal back.
    tmux.keys(&["P"]);
    let code = wait_file(&exit);
    assert_ne!(code.trim(), "EXIT=0");
    let modes = wait_file(&stty);
    assert!(modes.split_whitespace().any(|m| m == "icanon"), "{modes}");
    assert!(modes.split_whitespace().any(|m| m == "echo"), "{modes}");
}

// ---- runs in the background, signals, no terminal ----

#[test]
fn while_a_relint_runs_the_spinner_shows_and_its_result_reaches_the_model() {
    let mut model = chain();
    let relinting = tr!(Lang::En, "tui-relinting");
    press(&mut model, "r");
    assert_eq!(model.take_effects(), vec![Effect::Reload]);
    assert_eq!(model.status(), Some(relinting.as_str()));
    // The loop's spinner replaces the bare "re-linting…".
    dispatch(&mut model, Msg::Busy(Some("⠋ re-linting… x".to_owned())));
    assert_eq!(model.status(), Some("⠋ re-linting… x"));
    // Keys still work during the run, and the spinner stays when their message is gone.
    let before = model.selected_row();
    press(&mut model, "j");
    assert_ne!(model.selected_row(), before);
    assert_eq!(model.status(), Some("⠋ re-linting… x"));
    press(&mut model, "y");
    assert!(
        model.status().unwrap().starts_with("copied"),
        "{:?}",
        model.status()
    );
    // A second request while it runs is an effect like any other (the worker queues it).
    press(&mut model, "r");
    assert_eq!(model.take_effects().last(), Some(&Effect::Reload));
    // The run ends: the spinner goes, the result is shown.
    dispatch(&mut model, Msg::Busy(None));
    dispatch(
        &mut model,
        Msg::Reloaded(Box::new(
            crate::run_with_rules(&[Path::new(CHAIN)], AS_OF).into(),
        )),
    );
    assert!(model.status().unwrap().starts_with("re-linted"));
    press(&mut model, "j");
    assert_eq!(model.status(), None);
}

/// Starts `alinea browse` in tmux through `sh`, which writes its pid to `pid.txt` in
/// `dir` and becomes it; then the exit code and `stty -a` are written to `exit.txt` and
/// `stty.txt`.
fn browse_in_tmux(dir: &Path, folder: &Path, args: &str) -> Tmux {
    let command = format!(
        "cd {} && sh -c 'echo $$ > {}; exec \"$0\" \"$@\"' {} browse {args}; echo EXIT=$? > {}; stty -a > {}; sleep 30",
        shell_quote(folder),
        shell_quote(&dir.join("pid.txt")),
        shell_quote(&crate::binary()),
        shell_quote(&dir.join("exit.txt")),
        shell_quote(&dir.join("stty.txt")),
    );
    Tmux::start(&command, 100, 30)
}

/// [`browse_in_tmux`] on the shipped plans, once their findings are on screen.
fn browse_plans_in_tmux(dir: &Path) -> Tmux {
    let tmux = browse_in_tmux(
        dir,
        &std::env::current_dir().unwrap(),
        &format!("plans --as-of {AS_OF}"),
    );
    tmux.wait_for("1 Findings");
    tmux
}

#[test]
fn o_follows_a_related_location_to_its_finding_and_ctrl_o_comes_back() {
    // A plan that cannot be read: the references to it say so, with its LOAD finding as
    // related location.
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new(CHAIN), dir.path());
    let pei = dir.path().join("local/soritor/pei-2025-2027.yaml");
    let text = std::fs::read_to_string(&pei).unwrap();
    std::fs::write(
        &pei,
        text.replacen("plan:\n", "plan:\n  version: [new\n", 1),
    )
    .unwrap();
    let run = crate::run_with_rules(&[dir.path()], AS_OF);
    let mut model = Model::new(run, TuiStyle { color: false });
    dispatch(&mut model, Msg::Resize(120, 40));
    // Only the references are listed; the LOAD finding is hidden by the filter.
    press(&mut model, "f%rule REF-01<enter>");
    let from = model.selected_finding().unwrap().clone();
    assert_eq!(from.rule, "REF-01");
    assert_eq!(from.related.len(), 1, "{from:?}");
    press(&mut model, "o");
    let there = model.selected_finding().unwrap().clone();
    assert_eq!(there.rule, "LOAD-01", "{:?}", model.status());
    assert_eq!(there.span, from.related[0].span);
    assert!(
        model.status().unwrap().contains("1 of 1"),
        "{:?}",
        model.status()
    );
    // The filter that hid it is gone; the LOAD finding has nothing related.
    press(&mut model, "o");
    assert_eq!(model.selected_finding().unwrap().rule, "LOAD-01");
    assert_eq!(
        model.status(),
        Some(tr!(Lang::En, "tui-no-related").as_str())
    );
    // ctrl-o comes back to the very finding it left from, once.
    press(&mut model, "<c-o>");
    assert_eq!(model.selected_finding(), Some(&from));
    press(&mut model, "<c-o>");
    assert_eq!(
        model.status(),
        Some(tr!(Lang::En, "tui-no-jump-back").as_str())
    );
    assert!(model.invariants().is_empty(), "{:?}", model.invariants());
}

#[test]
fn sigterm_and_sighup_give_the_terminal_back() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let dir = tempfile::tempdir().unwrap();
        let tmux = browse_plans_in_tmux(dir.path());
        let flags = "#{alternate_on} #{mouse_any_flag} #{cursor_flag}";
        assert_eq!(
            tmux.run(&["display-message", "-p", "-t", "t", flags])
                .trim(),
            "1 1 0"
        );
        let pid = wait_file(&dir.path().join("pid.txt"));
        let status = std::process::Command::new("kill")
            .args([&format!("-{signal}"), pid.trim()])
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(
            wait_file(&dir.path().join("exit.txt")).trim(),
            format!("EXIT={code}"),
            "SIG{signal}"
        );
        let modes = wait_file(&dir.path().join("stty.txt"));
        assert!(modes.split_whitespace().any(|m| m == "icanon"), "{modes}");
        assert!(modes.split_whitespace().any(|m| m == "echo"), "{modes}");
        // Out of the alternate screen, mouse reporting off, the cursor shown.
        assert_eq!(
            tmux.run(&["display-message", "-p", "-t", "t", flags])
                .trim(),
            "0 0 1",
            "SIG{signal}"
        );
    }
}

#[test]
fn a_browser_whose_terminal_goes_away_ends() {
    // Once its terminal is gone, crossterm's reader spins forever; the browser must still
    // see the hang-up and end, not stay behind at full CPU.
    let dir = tempfile::tempdir().unwrap();
    let tmux = browse_plans_in_tmux(dir.path());
    let pid = wait_file(&dir.path().join("pid.txt"));
    let proc = Path::new("/proc").join(pid.trim());
    assert!(proc.exists());
    tmux.run(&["kill-server"]);
    let start = std::time::Instant::now();
    while proc.exists() && start.elapsed() < std::time::Duration::from_secs(5) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let state = std::fs::read_to_string(proc.join("stat")).unwrap_or_default();
    // Gone, or a zombie its parent has not reaped yet.
    assert!(
        !proc.exists() || state.split_whitespace().nth(2) == Some("Z"),
        "still running 5 s after its terminal went away: {state}"
    );
}

#[test]
fn a_saved_plan_is_relinted_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    crate::copy_tree(Path::new(CHAIN), &repo);
    let tmux = browse_in_tmux(dir.path(), &repo, &format!(". --as-of {AS_OF}"));
    tmux.wait_for("1 Findings");
    // A file that is no plan changes nothing.
    std::fs::write(repo.join("notes.txt"), "not a plan").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert!(!tmux.screen().contains("re-linted"), "{}", tmux.screen());
    let plan = repo.join("local/soritor/pei-2025-2027.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&plan, format!("# saved\n{text}")).unwrap();
    tmux.wait_for("re-linted");
    tmux.keys(&["q"]);
    assert_eq!(wait_file(&dir.path().join("exit.txt")).trim(), "EXIT=0");
}

#[test]
fn without_a_controlling_terminal_browse_says_so_before_linting() {
    let dir = tempfile::tempdir().unwrap();
    let err = dir.path().join("err.txt");
    let exit = dir.path().join("exit.txt");
    // stdin and stdout are the pane, but `setsid` leaves the process no controlling
    // terminal; the path does not exist, so linting would have said something else.
    let command = format!(
        "setsid -w {} browse no/such/folder 2> {}; echo EXIT=$? > {}; sleep 30",
        shell_quote(&crate::binary()),
        shell_quote(&err),
        shell_quote(&exit),
    );
    let _tmux = Tmux::start(&command, 100, 30);
    assert_eq!(wait_file(&exit).trim(), "EXIT=2");
    let said = std::fs::read_to_string(&err).unwrap();
    assert!(
        said.contains(&tr!(Lang::En, "cli-browse-terminal")),
        "{said}"
    );
}

// ---- readable at every width ----

/// The cells of a screen's row `y` whose text is `*` or that carry the search match's
/// colour (yellow background).
fn match_cells(buffer: &Buffer, y: u16) -> Vec<(u16, String)> {
    (0..buffer.area.width)
        .filter(|&x| buffer[(x, y)].bg == Color::Yellow)
        .map(|x| (x, buffer[(x, y)].symbol().to_owned()))
        .collect()
}

#[test]
fn the_search_mark_is_painted_only_on_matching_rows() {
    let mut model = chain();
    press(&mut model, "/baseline<enter>");
    let buffer = draw(&mut model, 120, 40);
    let mut matching = 0;
    let mut other = 0;
    for y in 2..38 {
        let row = row_text(&buffer, y, 0, 59);
        if !row.contains("error") && !row.contains("warning") && !row.contains("info") {
            continue;
        }
        if row.contains('*') {
            matching += 1;
        } else {
            other += 1;
            assert!(
                match_cells(&buffer, y).is_empty(),
                "a row that does not match is painted: {row}"
            );
        }
    }
    assert!(
        matching > 0 && other > 0,
        "{matching} matching, {other} not"
    );
}

#[test]
fn the_coverage_matrix_has_distinct_headers_and_a_legend() {
    let mut model = chain();
    press(&mut model, "3");
    for (width, height) in [(120, 40), (80, 24), (60, 20), (40, 24)] {
        let screen = text(&draw(&mut model, width, height));
        assert!(
            screen.contains("✓ no finding"),
            "{width}×{height}:\n{screen}"
        );
        let header = screen
            .lines()
            .find(|line| line.contains("objective"))
            .unwrap_or_default()
            .to_owned();
        let columns: Vec<&str> = header
            .split(['│', ' '])
            .filter(|word| word.contains('…'))
            .collect();
        let mut unique = columns.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), columns.len(), "{header}");
    }
    let screen = text(&draw(&mut model, 120, 40));
    for meaning in [
        "✓ no finding",
        "E W I worst finding",
        "· none traced",
        "✗ gap",
    ] {
        assert!(screen.contains(meaning), "{meaning}:\n{screen}");
    }
    check_screen("coverage_legend_80x24", &mut model, 80, 24);
    let mut model = chain_in(Lang::Es);
    press(&mut model, "3");
    let screen = text(&draw(&mut model, 120, 40));
    for meaning in [
        "✓ sin hallazgos",
        "E A I peor hallazgo",
        "· ninguno",
        "✗ vacío",
    ] {
        assert!(screen.contains(meaning), "{meaning}:\n{screen}");
    }
}

/// The text inside the popup of a `width`×`height` screen, its rows joined by spaces.
fn popup_text(buffer: &Buffer, width: u16, height: u16) -> String {
    let popup_width = width.saturating_sub(4).min(100);
    let popup_height = height.saturating_sub(2).min(32);
    let x = (width - popup_width) / 2 + 1;
    let y = (height - popup_height) / 2 + 1;
    (y..y + popup_height - 2)
        .map(|row| row_text(buffer, row, x, popup_width - 2))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_help_shows_the_whole_filter_syntax_at_80x24_and_smaller() {
    for (lang, filter) in [(Lang::En, "syntax"), (Lang::Es, "sintaxis")] {
        for (width, height) in [(80, 24), (60, 24), (40, 24), (24, 20)] {
            let mut model = chain_in(lang);
            press(&mut model, &format!("?{filter}"));
            // Every term and its meaning, whatever the scroll it needs.
            let mut seen = String::new();
            for _ in 0..40 {
                seen.push_str(&popup_text(&draw(&mut model, width, height), width, height));
                seen.push_str(" | ");
                press(&mut model, "<down><down><down>");
            }
            let seen = squeeze(&seen);
            assert!(
                !seen.contains('…'),
                "{lang:?} {width}×{height}: cut:\n{seen}"
            );
            for key in [
                "tui-syntax-title",
                "tui-syntax-rule",
                "tui-syntax-rule-help",
                "tui-syntax-severity",
                "tui-syntax-severity-help",
                "tui-syntax-file",
                "tui-syntax-negate-help",
                "tui-syntax-quote",
                "tui-syntax-short-help",
            ] {
                let words = squeeze(&alinea::i18n::text(lang, key, &[]));
                assert!(
                    seen.contains(&words),
                    "{lang:?} {width}×{height}: `{words}` is not whole in\n{seen}"
                );
            }
        }
    }
    let mut model = chain();
    press(&mut model, "?%");
    check_screen("help_filter_syntax_80x24", &mut model, 80, 24);
    let mut model = chain();
    press(&mut model, "?filter");
    check_screen("help_filter_20x24", &mut model, 20, 24);
}

#[test]
fn paths_are_shortened_in_the_middle() {
    let mut model = chain();
    let screen = text(&draw(&mut model, 40, 24));
    // The group row and the detail keep the file name and the line and column.
    assert!(
        screen.contains("…/pei-2025-2027.yaml")
            || screen.contains("…/pdlc-2023-2033.yaml")
            || screen.contains("…/pei-2025-2026.yaml"),
        "{screen}"
    );
    let finding = model.selected_finding().unwrap().clone();
    let file = model.run().sources.file(finding.span.file);
    let at = file.line_col(finding.span.start);
    let name = file.display_name().rsplit('/').next().unwrap().to_owned();
    let location = format!("{name}:{}:{}", at.line, at.column);
    assert!(screen.contains(&location), "{location}:\n{screen}");
    // Every cut ends with `…`: no row of the list ends in the middle of a word without it.
    check_screen("findings_paths_40x24", &mut model, 40, 24);
}

#[test]
fn the_status_line_keeps_the_count_and_the_hint_down_to_20_columns() {
    let mut model = chain();
    let total = model.run().report.findings.len();
    for script in ["", "f%sev warning<enter>", "/baseline<enter>", ",r"] {
        press(&mut model, script);
        for width in [20, 24, 30, 40, 60, 80] {
            let buffer = draw(&mut model, width, 10);
            let status = row_text(&buffer, 9, 0, width);
            let count = format!("{}/{total}", model.shown());
            let long = format!("{} of {total}", model.shown());
            assert!(
                status.contains(&count) || status.contains(&long),
                "{script} {width}: {status:?}"
            );
            assert!(status.contains("? help"), "{script} {width}: {status:?}");
        }
    }
    check_screen("status_20x10", &mut model, 20, 10);
    let mut model = chain_in(Lang::Es);
    let status = row_text(&draw(&mut model, 20, 10), 9, 0, 20);
    assert!(
        status.contains("/48") && status.contains("? ayuda"),
        "{status:?}"
    );
}

#[test]
fn at_20_columns_the_status_line_has_room_for_the_whole_hint() {
    let mut model = chain();
    let status = row_text(&draw(&mut model, 20, 10), 9, 0, 20);
    assert_eq!(status, "48/48 ? help  q quit");
}
