//! The header (tabs and totals) and the status line (prompt, message, active filters,
//! hint).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{Model, Pane, PromptKind, View};
use super::super::keys::GroupBy;
use super::super::strings;
use super::super::theme::Theme;
use super::{counts_spans, fit};
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
    frame.render_widget(
        Paragraph::new(fit::line(&Line::from(spans), usize::from(area.width))),
        area,
    );
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

/// The status line: the prompt while typing, else the count of findings, the message
/// and the active filters, and the hint on the right.
pub(super) fn status(model: &Model, frame: &mut Frame, area: Rect, theme: &Theme) {
    frame.buffer_mut().set_style(area, theme.status);
    if model.prompt.is_some() {
        prompt(model, frame, area, theme);
        return;
    }
    let width = usize::from(area.width);
    let (left, hint) = status_parts(model, width, theme);
    let hint_width = u16::try_from(fit::width(&hint)).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(fit::line(&Line::from(left), width)).style(theme.status),
        Rect::new(area.x, area.y, area.width, 1),
    );
    if !hint.is_empty() && hint_width <= area.width {
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

/// The prompt: its label, the end of what is typed (the cursor stays on screen), then
/// the mistake or the count, cut with `…` when the line is full.
fn prompt(model: &Model, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(prompt) = &model.prompt else {
        return;
    };
    let lang = model.lang();
    // The search prompt is its key, `/`, in every language.
    let label = match prompt.kind {
        PromptKind::Search => "/".to_owned(),
        PromptKind::Filter => format!("{} ", tr!(lang, "tui-prompt-filter")),
    };
    let room = usize::from(area.width)
        .saturating_sub(fit::width(&label))
        .saturating_sub(1);
    let typed = fit::keep_end(&prompt.text, room);
    // The cursor sits after the characters before it, counted in the part that is shown.
    let hidden = fit::width(&prompt.text).saturating_sub(fit::width(&typed));
    let before: String = prompt.text.chars().take(prompt.cursor).collect();
    let cursor = fit::width(&label) + fit::width(&before).saturating_sub(hidden);
    let mut spans = vec![Span::styled(label, theme.key), Span::raw(typed)];
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
    frame.render_widget(
        Paragraph::new(fit::line(&Line::from(spans), usize::from(area.width))).style(theme.status),
        area,
    );
    let x = area
        .x
        .saturating_add(u16::try_from(cursor).unwrap_or(u16::MAX))
        .min(area.x.saturating_add(area.width.saturating_sub(1)));
    frame.set_cursor_position(Position::new(x, area.y));
}

/// What the status line shows in `width` columns: the left part (the count, the
/// message, the active filters) and the hint. When they do not fit, the least important
/// go first: the long hint, the grouping, the search, the long count, the minimum
/// severity; then the message and the filter are cut with `…`, and the hint shrinks to
/// `?`. The count of findings always stays.
fn status_parts(model: &Model, width: usize, theme: &Theme) -> (Vec<Span<'static>>, String) {
    let lang = model.lang();
    let counted = model.view() == View::Findings || !model.filter_text().is_empty();
    let (count_long, count_short) = if counted {
        (
            format!("[{}]", shown_of_total(model)),
            tr!(
                lang,
                "tui-shown-of-total-short",
                shown = model.shown(),
                total = model.run().report.findings.len()
            ),
        )
    } else {
        (String::new(), String::new())
    };
    let message = model.status().map(ToOwned::to_owned);
    let chips = if counted {
        chips(model)
    } else {
        Chips::default()
    };
    // The focused view's own keys first, when there is room for them.
    let place = match (model.view(), model.focus()) {
        (View::Findings, Pane::Primary) => "findings",
        (View::Findings, Pane::Secondary) => "detail",
        (View::Trace, _) => "trace",
        (View::Coverage, Pane::Primary) => "coverage-plans",
        (View::Coverage, Pane::Secondary) => "coverage",
        (View::Profile, Pane::Primary) => "profile-plans",
        (View::Profile, Pane::Secondary) => "profile",
    };
    let hints = [
        format!(
            "{}  {}",
            tr!(lang, "tui-hint-view", place = place),
            tr!(lang, "tui-hint")
        ),
        tr!(lang, "tui-hint"),
        tr!(lang, "tui-hint-short"),
    ];
    // From the fullest to the barest: (hint, long count, severity, search, grouping).
    let steps: [(usize, bool, bool, bool, bool); 8] = [
        (0, true, true, true, true),
        (1, true, true, true, true),
        (2, true, true, true, true),
        (2, true, true, true, false),
        (2, true, true, false, false),
        (1, false, true, false, false),
        (2, false, true, false, false),
        (2, false, false, false, false),
    ];
    let item = |text: &str, style: Style| Span::styled(text.to_owned(), style);
    for (hint, long_count, severity, search, group) in steps {
        let mut left = Vec::new();
        let count = if long_count {
            &count_long
        } else {
            &count_short
        };
        for (text, style, shown) in [
            (Some(count.clone()), Style::new(), true),
            (message.clone(), theme.key, true),
            (chips.filter.clone(), Style::new(), true),
            (chips.severity.clone(), Style::new(), severity),
            (chips.search.clone(), Style::new(), search),
            (chips.group.clone(), Style::new(), group),
        ] {
            if let Some(text) = text.filter(|text| shown && !text.is_empty()) {
                if !left.is_empty() {
                    left.push(Span::raw(" "));
                }
                left.push(item(&text, style));
            }
        }
        let hint = hints.get(hint).cloned().unwrap_or_default();
        let used: usize = left.iter().map(Span::width).sum();
        if used + 1 + fit::width(&hint) <= width {
            return (left, hint);
        }
    }
    // The barest: the short count, the short hint (or `?`), and what room is left for
    // the message and the filter, cut.
    let short_hint = hints.get(2).cloned().unwrap_or_default();
    let hint = if fit::width(&count_short) + 1 + fit::width(&short_hint) <= width {
        short_hint
    } else {
        "?".to_owned()
    };
    let mut left = vec![Span::raw(count_short.clone())];
    let mut room = width
        .saturating_sub(fit::width(&count_short))
        .saturating_sub(fit::width(&hint) + 1);
    let mut after_count = !count_short.is_empty();
    for (text, style) in [(message, theme.key), (chips.filter, Style::new())] {
        let Some(text) = text else { continue };
        let gap = usize::from(after_count);
        if room < gap + 4 {
            break;
        }
        let cut = fit::shorten_paths_in(&text, room - gap);
        room -= gap + fit::width(&cut);
        if after_count {
            left.push(Span::raw(" "));
        }
        left.push(item(&cut, style));
        after_count = true;
    }
    (left, hint)
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

/// The active filters, as the status line lists them (`[filter: …]`).
#[derive(Default)]
struct Chips {
    filter: Option<String>,
    severity: Option<String>,
    search: Option<String>,
    group: Option<String>,
}

/// The active filters, as the status line lists them.
fn chips(model: &Model) -> Chips {
    let lang = model.lang();
    let chip = |text: String| Some(format!("[{text}]"));
    Chips {
        filter: (!model.filter_text().is_empty())
            .then(|| tr!(lang, "tui-chip-filter", filter = model.filter_text()))
            .and_then(chip),
        severity: (model.min_severity() != Severity::Info)
            .then(|| {
                tr!(
                    lang,
                    "tui-chip-severity",
                    severity = model.words.severity(model.min_severity())
                )
            })
            .and_then(chip),
        search: (!model.search().is_empty())
            .then(|| {
                tr!(
                    lang,
                    "tui-chip-search",
                    search = model.search(),
                    count = model.findings.search_hits
                )
            })
            .and_then(chip),
        group: (model.group_by() != GroupBy::File)
            .then(|| tr!(lang, "tui-chip-group", group = model.group_by().as_str()))
            .and_then(chip),
    }
}
