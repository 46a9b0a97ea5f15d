//! The Profile view: each plan's public value profile as three bars (legitimacy,
//! capacity, value: the share of its elements without findings of that pillar), and
//! the rules behind each pillar with their findings in the selected plan.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::super::app::{Model, Pane};
use super::super::layout::Screen;
use super::super::strings::Words;
use super::super::theme::Theme;
use super::{draw_rows, focused, marker, pane, scrolled, truncate};
use crate::report::{Pillar, Profile};
use crate::tr;

pub(super) fn draw(model: &Model, frame: &mut Frame, screen: &Screen, theme: &Theme) {
    let run = model.run();
    let profiles = &run.report.profiles;
    let state = &model.profile;
    let lang = model.lang();
    let words = &model.words;
    let title = format!(
        "{} · {}",
        tr!(lang, "tui-profiles"),
        tr!(lang, "tui-profile-legend")
    );
    let list = pane(
        frame,
        screen.primary,
        &title,
        focused(model, Pane::Primary),
        theme,
    );
    if list.width > 0 && list.height > 0 {
        if profiles.is_empty() {
            draw_rows(
                frame.buffer_mut(),
                list,
                &[Line::from(tr!(lang, "tui-no-plans"))],
                None,
                theme,
            );
        } else {
            let id_width = profiles
                .iter()
                .map(|p| p.plan.chars().count())
                .max()
                .unwrap_or(0)
                .min(usize::from(list.width) / 3);
            let bar = (usize::from(list.width).saturating_sub(id_width + 2 + 3 * 9)) / 3;
            let bar = bar.clamp(0, 20);
            let lines: Vec<Line<'_>> = profiles
                .iter()
                .enumerate()
                .skip(state.offset)
                .take(usize::from(list.height))
                .map(|(position, profile)| {
                    let mut spans = vec![
                        Span::raw(marker(position == state.selected)),
                        Span::raw(format!("{:<id_width$}", truncate(&profile.plan, id_width))),
                    ];
                    for pillar in Pillar::ALL {
                        spans.push(Span::raw(" "));
                        spans.extend(bar_spans(profile, pillar, bar, Some(words), theme));
                    }
                    Line::from(spans)
                })
                .collect();
            draw_rows(
                frame.buffer_mut(),
                list,
                &lines,
                state.selected.checked_sub(state.offset),
                theme,
            );
        }
    }
    let detail = pane(
        frame,
        screen.secondary,
        &tr!(lang, "tui-pillar-rules"),
        focused(model, Pane::Secondary),
        theme,
    );
    if detail.width == 0 || detail.height == 0 {
        return;
    }
    let Some(profile) = profiles.get(state.selected) else {
        return;
    };
    let width = usize::from(detail.width);
    let mut lines = vec![Line::styled(profile.plan.clone(), theme.heading)];
    let bar = width.saturating_sub(30).clamp(4, 40);
    let pillar_width = words.pillar_width() + 1;
    for pillar in Pillar::ALL {
        let mut spans = vec![Span::raw(format!(
            "{:<pillar_width$}",
            words.pillar(pillar)
        ))];
        spans.extend(bar_spans(profile, pillar, bar, None, theme));
        lines.push(Line::from(spans));
    }
    for pillar in Pillar::ALL {
        lines.push(Line::default());
        lines.push(Line::styled(words.pillar(pillar).to_owned(), theme.heading));
        for rule in model
            .index
            .rules
            .iter()
            .filter(|r| r.pillar == Some(pillar))
        {
            let count = model.index.plan_rule_count(&profile.plan, &rule.id);
            let (mark, style) = if count > 0 {
                (format!("{count:>3}"), theme.warning)
            } else {
                ("  ✓".to_owned(), theme.dim)
            };
            lines.push(Line::from(vec![
                Span::styled(mark, style),
                Span::raw(format!(" {:<7} ", rule.id)),
                Span::styled(
                    truncate(&rule.title, width.saturating_sub(12)),
                    if count > 0 {
                        ratatui::style::Style::new()
                    } else {
                        theme.dim
                    },
                ),
            ]));
        }
    }
    scrolled(frame, detail, lines, state.rules_scroll);
}

/// `L ████░░  30%` (short: with the words, for the pillar's initial) or
/// `████████░░░░ 9/30 30%` (long); the bar is drawn with characters, so it reads without
/// colour.
fn bar_spans(
    profile: &Profile,
    pillar: Pillar,
    width: usize,
    short: Option<&Words>,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let [clean, total] = profile.pillar(pillar);
    let filled = (clean * width + total / 2)
        .checked_div(total)
        .unwrap_or(width);
    let percent = (clean * 100).checked_div(total).unwrap_or(100);
    let mut spans = Vec::new();
    if let Some(words) = short {
        let initial = words
            .pillar(pillar)
            .chars()
            .next()
            .map_or(' ', |c| c.to_uppercase().next().unwrap_or(c));
        spans.push(Span::styled(format!("{initial} "), theme.dim));
    }
    spans.push(Span::styled("█".repeat(filled), theme.bar));
    spans.push(Span::styled(
        "░".repeat(width.saturating_sub(filled)),
        theme.dim,
    ));
    if short.is_some() {
        spans.push(Span::raw(format!(" {percent:>3}%")));
    } else {
        spans.push(Span::raw(format!(" {clean}/{total} {percent}%")));
    }
    spans
}
