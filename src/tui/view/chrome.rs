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
use super::counts_spans;
use crate::report::Severity;
use crate::tr;

/// The tab line: the name, the four views, the totals: `43 findings: 29 error · 13 warning
/// · 1 info` when it fits, else `43 findings: E29 W13 I1`, else `E29 W13 I1`.
pub(super) fn header(model: &Model, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut spans = vec![Span::styled(strings::APP, theme.heading), Span::raw("  ")];
    for (position, view) in View::ALL.iter().enumerate() {
        let style = if *view == model.view() {
            theme.tab_active
        } else {
            Style::new()
        };
        let title = model.words.view(*view);
        spans.push(Span::styled(format!(" {} {title} ", position + 1), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled("│ ", theme.dim));
    let room = usize::from(area.width).saturating_sub(spans.iter().map(Span::width).sum());
    let findings = Span::raw(format!(
        "{} ",
        tr!(
            model.lang(),
            "tui-header-findings",
            count = model.run().report.findings.len()
        )
    ));
    let words = totals(model, theme);
    let letters = counts_spans(model.index.totals, &model.words, theme);
    let width = |spans: &[Span<'_>]| spans.iter().map(Span::width).sum::<usize>();
    if findings.width() + width(&words) <= room {
        spans.push(findings);
        spans.extend(words);
    } else if findings.width() + width(&letters) <= room {
        spans.push(findings);
        spans.extend(letters);
    } else {
        spans.extend(letters);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn totals(model: &Model, theme: &Theme) -> Vec<Span<'static>> {
    let counts = model.index.totals;
    let lang = model.lang();
    let mut spans = Vec::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let count = counts.of(severity);
        if !spans.is_empty() {
            spans.push(Span::raw(" · "));
        }
        let text = match severity {
            Severity::Error => tr!(lang, "tui-header-errors", count = count),
            Severity::Warning => tr!(lang, "tui-header-warnings", count = count),
            Severity::Info => tr!(lang, "tui-header-infos", count = count),
        };
        spans.push(Span::styled(
            text,
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
    let lang = model.lang();
    if let Some(prompt) = &model.prompt {
        // The search prompt is its key, `/`, in every language.
        let label = match prompt.kind {
            PromptKind::Search => "/".to_owned(),
            PromptKind::Filter => format!("{} ", tr!(lang, "tui-prompt-filter")),
        };
        let cursor = label.chars().count() + prompt.cursor;
        let mut spans = vec![
            Span::styled(label, theme.key),
            Span::raw(prompt.text.clone()),
        ];
        if let Some(error) = &prompt.error {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(error.clone(), theme.error));
        } else if prompt.kind == PromptKind::Filter {
            spans.push(Span::styled(
                format!("  {}", shown_of_total(model)),
                theme.dim,
            ));
        } else if !prompt.text.is_empty() {
            spans.push(Span::styled(
                format!(
                    "  {}",
                    tr!(lang, "tui-matches", count = model.findings.search_hits)
                ),
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
    let hint = tr!(lang, "tui-hint");
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

/// `12 of 43 findings`.
fn shown_of_total(model: &Model) -> String {
    tr!(
        model.lang(),
        "tui-shown-of-total",
        shown = model.shown(),
        total = model.run().report.findings.len()
    )
}

/// The active filters, as the status line lists them.
fn chips(model: &Model) -> Vec<String> {
    let lang = model.lang();
    let mut chips = vec![shown_of_total(model)];
    if !model.filter_text().is_empty() {
        chips.push(tr!(lang, "tui-chip-filter", filter = model.filter_text()));
    }
    if model.min_severity() != Severity::Info {
        chips.push(tr!(
            lang,
            "tui-chip-severity",
            severity = model.words.severity(model.min_severity())
        ));
    }
    if !model.search().is_empty() {
        chips.push(tr!(
            lang,
            "tui-chip-search",
            search = model.search(),
            count = model.findings.search_hits
        ));
    }
    if model.group_by() != GroupBy::File {
        chips.push(tr!(
            lang,
            "tui-chip-group",
            group = model.group_by().as_str()
        ));
    }
    chips
}
