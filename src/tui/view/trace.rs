//! The Trace view: the tree of what the root serves and what implements it, gaps drawn
//! as gaps, finding counts on every node.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::super::app::{Model, Pane};
use super::super::strings::Words;
use super::super::theme::Theme;
use super::super::trace::{LineKind, TraceLine};
use super::{counts_spans, draw_rows, focused, marker, pane, truncate, wrapped};
use crate::tr;

/// Statements longer than this are cut in the tree.
const STATEMENT: usize = 70;

pub(super) fn draw(model: &Model, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines = model.trace_lines();
    let lang = model.lang();
    let title = match lines.first() {
        Some(root) => tr!(
            lang,
            "tui-trace-title",
            code = root.code.as_str(),
            plan = root.plan.as_str()
        ),
        None => tr!(lang, "tui-trace"),
    };
    let inner = pane(frame, area, &title, focused(model, Pane::Primary), theme);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if lines.is_empty() {
        draw_rows(
            frame.buffer_mut(),
            inner,
            &wrapped(
                &tr!(lang, "tui-no-trace"),
                usize::from(inner.width),
                ratatui::style::Style::new(),
                "",
            ),
            None,
            theme,
        );
        return;
    }
    let offset = model.trace.offset;
    let selected = model.trace_selected();
    let visible: Vec<Line<'_>> = lines
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(inner.height))
        .map(|(position, line)| trace_line(line, position == selected, &model.words, theme))
        .collect();
    draw_rows(
        frame.buffer_mut(),
        inner,
        &visible,
        selected.checked_sub(offset),
        theme,
    );
}

fn trace_line(line: &TraceLine, selected: bool, words: &Words, theme: &Theme) -> Line<'static> {
    let mut spans = vec![
        Span::raw(marker(selected)),
        Span::styled(line.prefix.clone(), theme.dim),
    ];
    match line.kind {
        LineKind::Heading => spans.push(Span::styled(line.text.clone(), theme.heading)),
        LineKind::Gap => spans.push(Span::styled(format!("✗ {}", line.text), theme.gap)),
        LineKind::Note => spans.push(Span::styled(line.text.clone(), theme.dim)),
        LineKind::Root | LineKind::Up | LineKind::Down => {
            let code_style = if line.kind == LineKind::Root {
                theme.heading.add_modifier(Modifier::UNDERLINED)
            } else {
                theme.heading
            };
            spans.push(Span::styled(format!("{} ", line.tag), theme.dim));
            spans.push(Span::styled(line.code.clone(), code_style));
            let counts = counts_spans(line.counts, words, theme);
            if !counts.is_empty() {
                spans.push(Span::raw(" ["));
                spans.extend(counts);
                spans.push(Span::raw("]"));
            }
            if !line.text.is_empty() {
                spans.push(Span::raw(format!("  {}", truncate(&line.text, STATEMENT))));
            }
            if !line.plan.is_empty() {
                spans.push(Span::styled(format!("  · {}", line.plan), theme.dim));
            }
        }
    }
    Line::from(spans)
}
