//! Popups over the current view: the help (generated from the keymap, filtered as you
//! type), a rule's explanation, and the objectives behind a coverage cell.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use super::super::app::{Model, Popup};
use super::super::keys::help_entries;
use super::super::strings;
use super::super::theme::Theme;
use super::{counts_spans, draw_rows, marker, scrolled, truncate, wrapped};
use crate::dsl::SECTIONS;

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
    let title = match popup {
        Popup::Help { filter, .. } => format!(" {}: {filter} ", strings::HELP),
        Popup::Explain { rule, .. } => format!(" {} {rule} (esc closes) ", strings::EXPLAIN),
        Popup::Cell { title, .. } => format!(" {title} (enter: trace, e: edit, esc) "),
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
            let entries = help_entries(filter);
            let keys_width = entries
                .iter()
                .map(|e| e.keys.chars().count())
                .max()
                .unwrap_or(0)
                .min(text_width / 3);
            let lines: Vec<Line<'static>> = if entries.is_empty() {
                vec![Line::from(format!("no key matches `{filter}`"))]
            } else {
                entries
                    .iter()
                    .map(|entry| {
                        Line::from(vec![
                            Span::styled(format!("{:<keys_width$}", entry.keys), theme.key),
                            Span::raw("  "),
                            Span::raw(entry.help),
                            Span::styled(format!("  ({})", entry.context.as_str()), theme.dim),
                        ])
                    })
                    .collect()
            };
            scrolled(frame, inner, lines, *scroll);
            let cursor = u16::try_from(strings::HELP.chars().count() + 3 + filter.chars().count())
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
                        .map(|s| s.value.clone())
                        .unwrap_or_default();
                    let mut spans = vec![
                        Span::raw(marker(position == *selected)),
                        Span::styled(code.clone(), theme.heading),
                        Span::raw(" "),
                    ];
                    spans.extend(counts_spans(
                        model.index.element_counts(&plan.id.value, code),
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

/// A rule's documentation: header, then each section, then (for rule files) its text.
fn explain_lines(model: &Model, rule: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let run = model.run();
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
        lines.extend(wrapped(&meta.title, width, Style::new(), ""));
        lines.push(Line::styled(
            format!(
                "severity {} · pillar {} · {}{}",
                meta.severity,
                meta.pillar.as_str(),
                meta.status,
                meta.source
                    .as_ref()
                    .map(|s| format!(" · source {s}"))
                    .unwrap_or_default()
            ),
            theme.dim,
        ));
        for section in SECTIONS {
            if let Some(text) = meta.section(section) {
                lines.push(Line::default());
                lines.push(Line::styled((*section).to_owned(), theme.heading));
                lines.extend(wrapped(&text, width, Style::new(), ""));
            }
        }
        if !meta.text.is_empty() {
            lines.push(Line::default());
            lines.push(Line::styled(
                format!("rule text ({})", meta.file),
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
        lines.extend(wrapped(check.title, width, Style::new(), ""));
        lines.push(Line::styled(
            format!(
                "severity {} · pillar {} · built-in check",
                check.severity,
                check.pillar.map_or("none", crate::report::Pillar::as_str)
            ),
            theme.dim,
        ));
        for (section, text) in builtin_sections(check.doc) {
            lines.push(Line::default());
            lines.push(Line::styled(section.to_owned(), theme.heading));
            lines.extend(wrapped(text, width, Style::new(), ""));
        }
    } else {
        lines.push(Line::from(strings::unknown_rule(rule)));
    }
    lines
}

/// Splits a built-in check's `doc` (`What it checks: … Why it matters: … Example: …`).
fn builtin_sections(doc: &str) -> Vec<(&'static str, &str)> {
    let mut marks: Vec<(usize, &'static str)> = SECTIONS
        .iter()
        .filter_map(|section| doc.find(&format!("{section}:")).map(|at| (at, *section)))
        .collect();
    marks.sort_unstable();
    let mut sections = Vec::new();
    for (position, &(at, section)) in marks.iter().enumerate() {
        let start = at + section.len() + 1;
        let end = marks.get(position + 1).map_or(doc.len(), |&(next, _)| next);
        if let Some(text) = doc.get(start..end) {
            sections.push((section, text.trim()));
        }
    }
    if sections.is_empty() {
        sections.push(("What it checks", doc));
    }
    sections
}
