//! Popups over the current view: the help (generated from the keymap, filtered as you
//! type), a rule's explanation, and the objectives behind a coverage cell.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use super::super::app::{Model, Popup};
use super::super::keys::help_entries;
use super::super::theme::Theme;
use super::{counts_spans, draw_rows, marker, scrolled, truncate, wrapped};
use crate::i18n::Lang;
use crate::tr;

pub(super) fn draw(model: &Model, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(popup) = &model.popup else {
        return;
    };
    let width = area.width.saturating_sub(4).min(100);
    let height = area.height.saturating_sub(2).min(32);
    if width < 4 || height < 3 {
        return;
    }
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, rect);
    let lang = model.lang();
    let help_title = tr!(lang, "tui-help-title");
    let title = match popup {
        Popup::Help { filter, .. } => format!(" {help_title}: {filter} "),
        Popup::Explain { rule, .. } => {
            format!(" {} ", tr!(lang, "tui-explain-title", rule = rule.as_str()))
        }
        Popup::Cell { title, .. } => format!(" {title} {} ", tr!(lang, "tui-cell-keys")),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Line::styled(title, theme.border_focus));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let text_width = usize::from(inner.width);
    match popup {
        Popup::Help { filter, scroll } => {
            let lines = help_lines(lang, filter, text_width, theme);
            scrolled(frame, inner, lines, *scroll, &model.limits.help);
            let cursor = u16::try_from(help_title.chars().count() + 3 + filter.chars().count())
                .unwrap_or(u16::MAX);
            let x = rect
                .x
                .saturating_add(cursor)
                .min(rect.x.saturating_add(rect.width.saturating_sub(2)));
            frame.set_cursor_position(Position::new(x, rect.y));
        }
        Popup::Explain { rule, scroll } => {
            scrolled(
                frame,
                inner,
                explain_lines(model, rule, text_width, theme),
                *scroll,
                &model.limits.explain,
            );
        }
        Popup::Cell {
            items, selected, ..
        } => {
            let graph = &model.run().graph;
            let offset = selected.saturating_sub(usize::from(inner.height).saturating_sub(1));
            let lines: Vec<Line<'static>> = items
                .iter()
                .enumerate()
                .skip(offset)
                .take(usize::from(inner.height))
                .map(|(position, &element)| {
                    let plan = graph.plan(graph.element_plan(element));
                    let code = &graph.element(element).code.value;
                    let statement = graph
                        .element(element)
                        .statement
                        .as_ref()
                        .map(|s| s.value.to_string())
                        .unwrap_or_default();
                    let mut spans = vec![
                        Span::raw(marker(position == *selected)),
                        Span::styled(code.to_string(), theme.heading),
                        Span::raw(" "),
                    ];
                    spans.extend(counts_spans(
                        model.index.element_counts(&plan.id.value, code),
                        &model.words,
                        theme,
                    ));
                    spans.push(Span::raw(format!(
                        "  {}",
                        truncate(&statement, text_width.saturating_sub(code.len() + 12))
                    )));
                    Line::from(spans)
                })
                .collect();
            draw_rows(
                frame.buffer_mut(),
                inner,
                &lines,
                selected.checked_sub(offset),
                theme,
            );
        }
    }
}

/// The help's lines: the keys, then what they do (wrapped under itself when it is long),
/// then where, dimmed.
fn help_lines(lang: Lang, filter: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let entries = help_entries(lang, filter);
    let syntax = super::filter_syntax(lang, filter, width, theme);
    if entries.is_empty() && syntax.is_empty() {
        return wrapped(
            &tr!(lang, "tui-help-no-match", filter = filter),
            width,
            Style::new(),
            "",
        );
    }
    // Narrow, the keys go on their own line and what they do under them.
    let keys_width = if width < 40 {
        0
    } else {
        entries
            .iter()
            .map(|e| e.keys.chars().count())
            .max()
            .unwrap_or(0)
            .min(width / 3)
    };
    let indent = " ".repeat(keys_width + 2);
    let room = width.saturating_sub(keys_width + 2).max(8);
    let mut lines: Vec<Line<'static>> = Vec::new();
    if filter.trim().is_empty() {
        lines.extend(wrapped(
            &tr!(lang, "tui-help-keys-note"),
            width,
            theme.dim,
            "",
        ));
    }
    for entry in entries {
        // Keys wider than their column go on a line of their own.
        let own_line = entry.keys.chars().count() > keys_width;
        if own_line {
            lines.push(Line::styled(entry.keys.clone(), theme.key));
        }
        let options = textwrap::Options::new(room)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for (position, piece) in textwrap::wrap(&entry.help, options).into_iter().enumerate() {
            let lead = if position == 0 && !own_line {
                Span::styled(format!("{:<keys_width$}  ", entry.keys), theme.key)
            } else {
                Span::raw(indent.clone())
            };
            lines.push(Line::from(vec![lead, Span::raw(piece.into_owned())]));
        }
        // The context after the description, or under it when the line is full.
        let context = format!("  ({})", entry.context);
        match lines.last_mut() {
            Some(last) if last.width() + context.chars().count() <= width => {
                last.push_span(Span::styled(context, theme.dim));
            }
            _ => lines.push(Line::from(vec![
                Span::raw(indent.clone()),
                Span::styled(context.trim_start().to_owned(), theme.dim),
            ])),
        }
    }
    lines.extend(syntax);
    lines
}

/// A rule's documentation: header, then each section, then (for rule files) its text.
fn explain_lines(model: &Model, rule: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let run = model.run();
    let lang = model.lang();
    if let Some(meta) = run
        .rules
        .iter()
        .map(crate::dsl::CheckedRule::meta)
        .find(|meta| meta.id == rule)
    {
        lines.push(Line::from(vec![
            Span::styled(meta.id.clone(), theme.heading),
            Span::raw(format!(" {}", meta.slug)),
        ]));
        lines.extend(wrapped(meta.title_in(lang), width, Style::new(), ""));
        let mut about = tr!(
            lang,
            "tui-explain-about",
            severity = model.words.severity(meta.severity),
            pillar = model.words.pillar(meta.pillar),
            status = meta.status.as_str()
        );
        if let Some(source) = &meta.source {
            about.push_str(" · ");
            about.push_str(&tr!(lang, "tui-explain-source", source = source.as_str()));
        }
        lines.extend(wrapped(&about, width, theme.dim, ""));
        // The rule's own sections in `lang` (English where a rule has no Spanish text).
        for (heading, text) in meta.sections_in(lang) {
            lines.push(Line::default());
            lines.push(Line::styled(heading.to_owned(), theme.heading));
            lines.extend(wrapped(&text, width, Style::new(), ""));
        }
        if !meta.text.is_empty() {
            lines.push(Line::default());
            lines.push(Line::styled(
                tr!(lang, "tui-explain-rule-text", file = meta.file.as_str()),
                theme.heading,
            ));
            lines.extend(
                meta.text
                    .lines()
                    .map(|line| Line::styled(line.to_owned(), theme.dim)),
            );
        }
    } else if let Some(check) = crate::BUILTIN_CHECKS.iter().find(|check| check.id == rule) {
        lines.push(Line::from(vec![
            Span::styled(check.id, theme.heading),
            Span::raw(format!(" {}", check.slug)),
        ]));
        lines.extend(wrapped(check.title_in(lang), width, Style::new(), ""));
        let pillar = check.pillar.map_or_else(
            || tr!(lang, "tui-explain-no-pillar"),
            |pillar| model.words.pillar(pillar).to_owned(),
        );
        lines.extend(wrapped(
            &tr!(
                lang,
                "tui-explain-builtin",
                severity = model.words.severity(check.severity),
                pillar = pillar
            ),
            width,
            theme.dim,
            "",
        ));
        for (heading, text) in crate::docs::builtin_listed(check, lang).sections {
            lines.push(Line::default());
            lines.push(Line::styled(heading.to_owned(), theme.heading));
            lines.extend(wrapped(&text, width, Style::new(), ""));
        }
    } else {
        lines.push(Line::from(tr!(lang, "tui-unknown-rule", rule = rule)));
    }
    lines
}
