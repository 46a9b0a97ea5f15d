//! The header (tabs and totals) and the status line (prompt, message, active filters,
//! hint).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{Model, PromptKind, View};
use super::super::keys::GroupBy;
use super::super::strings;
use super::super::theme::Theme;
use crate::report::Severity;

/// The tab line: the name, the four views, the totals.
pub(super) fn header(model: &Model, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut spans = vec![Span::styled(strings::APP, theme.heading), Span::raw("  ")];
    for (position, (view, title)) in View::ALL.iter().zip(strings::VIEW_TITLES).enumerate() {
        let style = if *view == model.view() {
            theme.tab_active
        } else {
            Style::new()
        };
        spans.push(Span::styled(format!(" {} {title} ", position + 1), style));
        spans.push(Span::raw(" "));
    }
    let totals = totals(model, theme);
    spans.push(Span::styled("│ ", theme.dim));
    spans.push(Span::raw(format!(
        "{} findings: ",
        model.run().report.findings.len()
    )));
    spans.extend(totals);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn totals(model: &Model, theme: &Theme) -> Vec<Span<'static>> {
    let counts = model.index.totals;
    let mut spans = Vec::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let count = counts.of(severity);
        if !spans.is_empty() {
            spans.push(Span::raw(" · "));
        }
        spans.push(Span::styled(
            format!("{count} {}", severity.as_str()),
            if count > 0 {
                theme.severity(severity)
            } else {
                Style::new()
            },
        ));
    }
    spans
}

/// The status line: the prompt while typing, else the message and the active filters;
/// the hint on the right.
pub(super) fn status(model: &Model, frame: &mut Frame, area: Rect, theme: &Theme) {
    frame.buffer_mut().set_style(area, theme.status);
    if let Some(prompt) = &model.prompt {
        let label = match prompt.kind {
            PromptKind::Search => strings::SEARCH_PROMPT,
            PromptKind::Filter => strings::FILTER_PROMPT,
        };
        let mut spans = vec![
            Span::styled(label, theme.key),
            Span::raw(prompt.text.clone()),
        ];
        let cursor = label.chars().count() + prompt.text.chars().count();
        if let Some(error) = &prompt.error {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(error.clone(), theme.error));
        } else if prompt.kind == PromptKind::Filter {
            spans.push(Span::styled(
                format!(
                    "  {} of {} findings",
                    model.shown(),
                    model.run().report.findings.len()
                ),
                theme.dim,
            ));
        } else if !prompt.text.is_empty() {
            spans.push(Span::styled(
                format!("  {} matches", model.findings.search_hits),
                theme.dim,
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
        let x = area
            .x
            .saturating_add(u16::try_from(cursor).unwrap_or(u16::MAX))
            .min(area.x.saturating_add(area.width.saturating_sub(1)));
        frame.set_cursor_position(Position::new(x, area.y));
        return;
    }
    let mut spans: Vec<Span<'static>> = Vec::new();
    if let Some(status) = model.status() {
        spans.push(Span::styled(status.to_owned(), theme.key));
        spans.push(Span::raw("  "));
    }
    if model.view() == View::Findings || !model.filter_text().is_empty() {
        for chip in chips(model) {
            spans.push(Span::raw(format!("[{chip}]")));
            spans.push(Span::raw(" "));
        }
    }
    let hint = strings::HINT;
    let hint_width = u16::try_from(hint.chars().count()).unwrap_or(u16::MAX);
    let left_width = area.width.saturating_sub(hint_width.saturating_add(1));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status),
        Rect::new(area.x, area.y, left_width, 1),
    );
    if area.width > hint_width.saturating_add(10) {
        frame.render_widget(
            Paragraph::new(hint).style(theme.status),
            Rect::new(
                area.x.saturating_add(area.width - hint_width),
                area.y,
                hint_width,
                1,
            ),
        );
    }
}

/// The active filters, as the status line lists them.
fn chips(model: &Model) -> Vec<String> {
    let mut chips = vec![format!(
        "{} of {} findings",
        model.shown(),
        model.run().report.findings.len()
    )];
    if !model.filter_text().is_empty() {
        chips.push(format!("filter: {}", model.filter_text()));
    }
    if model.min_severity() != Severity::Info {
        chips.push(format!("severity ≥ {}", model.min_severity()));
    }
    if !model.search().is_empty() {
        chips.push(format!(
            "search: {} ({} matches)",
            model.search(),
            model.findings.search_hits
        ));
    }
    if model.group_by() != GroupBy::File {
        chips.push(format!("group: {}", model.group_by().as_str()));
    }
    chips
}
