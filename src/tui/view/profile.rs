//! The Profile view: each plan's public value profile as three bars (legitimacy, capacity,
//! value: the weighted share of the pillar's checks that pass), and for the selected plan
//! Moore's strategic triangle with its scores, the pillars' lines of the report, every check
//! with its answer, and the money figure.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::super::app::{Model, Pane, fit_offset};
use super::super::layout::Screen;
use super::super::strings::Words;
use super::super::theme::Theme;
use super::{draw_rows, focused, marker, pane, scrolled, truncate};
use crate::profile::Status;
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
                        spans.extend(bar_spans(profile, pillar, bar, words, theme));
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
        &tr!(lang, "tui-pillar-checks"),
        focused(model, Pane::Secondary),
        theme,
    );
    if detail.width == 0 || detail.height == 0 {
        return;
    }
    let Some(profile) = profiles.get(state.selected) else {
        return;
    };
    // The triangle on top (when the pane is tall enough), the checks below it.
    let triangle_height = if detail.height >= 24 && detail.width >= 30 {
        12
    } else {
        0
    };
    let [top, below] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(triangle_height),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(detail);
    if triangle_height > 0 {
        draw_triangle(frame, top, profile, words, theme);
    }
    let width = usize::from(below.width);
    let mut lines = vec![Line::styled(profile.plan.clone(), theme.heading)];
    for line in crate::render::human::profile_lines(profile, lang) {
        lines.push(Line::raw(truncate(&line, width)));
    }
    // With the focus, one check is selected (Enter lists its findings) and kept in view.
    let cursor = focused(model, Pane::Secondary).then_some(state.check);
    let mut cursor_line = None;
    let mut position = 0;
    for pillar in Pillar::ALL {
        lines.push(Line::default());
        lines.push(Line::styled(words.pillar(pillar).to_owned(), theme.heading));
        for check in profile.pillar(pillar) {
            let selected = cursor == Some(position);
            position += 1;
            if selected {
                cursor_line = Some(lines.len());
            }
            let (mark, style) = match check.status {
                Status::Pass => ("✓", theme.dim),
                Status::Fail => ("✗", theme.error),
                Status::Waived => ("~", theme.warning),
                Status::Unknown => ("?", theme.warning),
                Status::NotApplicable => ("–", theme.dim),
            };
            let mark = format!("{}{mark}", marker(selected));
            let mut text = tr!(lang, "profile-check", id = check.id());
            if let (Some(share), Some(items)) = (check.share(), check.items) {
                text.push_str(&format!(" {:.0} % ({items})", share * 100.0));
            }
            if !check.rules.is_empty() {
                text.push_str(&format!("  {}", check.rules.join(", ")));
            }
            if let Some(reason) = check.reason {
                text.push_str(&format!(
                    "  · {}",
                    tr!(lang, "profile-reason", reason = reason.key())
                ));
            }
            let status = tr!(lang, "profile-status", status = check.status.key());
            lines.push(Line::from(vec![
                Span::styled(mark, style),
                Span::raw(format!(" {:<9} ", truncate(&status, 9))),
                Span::styled(
                    truncate(&text, width.saturating_sub(14)),
                    if check.status == Status::NotApplicable {
                        theme.dim
                    } else {
                        ratatui::style::Style::new()
                    },
                ),
            ]));
        }
    }
    let scroll = cursor_line.map_or(state.rules_scroll, |line| {
        fit_offset(
            state.rules_scroll,
            line,
            usize::from(below.height),
            lines.len(),
        )
    });
    model.limits.profile_shown.set(scroll);
    scrolled(frame, below, lines, scroll, &model.limits.profile);
}

/// Moore's strategic triangle: the full triangle, one axis per pillar, and the plan's scores
/// as a filled triangle inside it (a pillar without a score sits at the centre). Drawn with
/// braille dots, so it reads without colour.
fn draw_triangle(
    frame: &mut Frame,
    area: ratatui::layout::Rect,
    profile: &Profile,
    words: &Words,
    theme: &Theme,
) {
    use ratatui::symbols::Marker;
    use ratatui::widgets::canvas::{Canvas, Line as Segment, Points};
    let corners = [(0.0, 1.0), (-0.866, -0.5), (0.866, -0.5)];
    let scores = Pillar::ALL.map(|pillar| profile.score(pillar));
    let inner: Vec<(f64, f64)> = corners
        .iter()
        .zip(scores)
        .map(|(&(x, y), score)| (x * score.unwrap_or(0.0), y * score.unwrap_or(0.0)))
        .collect();
    // Cells are about twice as tall as wide: widen the x range to keep the triangle's shape.
    let aspect = f64::from(area.width) / (2.0 * f64::from(area.height.max(1)));
    let half_height = 1.35;
    let fill = inside_points(&inner);
    let color = theme.bar.fg.unwrap_or(ratatui::style::Color::Reset);
    let edge = theme.dim.fg.unwrap_or(ratatui::style::Color::Reset);
    let labels: Vec<String> = Pillar::ALL
        .iter()
        .zip(scores)
        .map(|(&pillar, score)| {
            let value = score.map_or_else(|| "n/a".to_owned(), |s| format!("{:.0} %", s * 100.0));
            format!("{} {value}", words.pillar(pillar))
        })
        .collect();
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([-half_height * aspect, half_height * aspect])
        .y_bounds([-0.85, 1.25])
        .paint(move |ctx| {
            for (a, b) in corners.iter().zip(corners.iter().cycle().skip(1)) {
                ctx.draw(&Segment::new(a.0, a.1, b.0, b.1, edge));
                ctx.draw(&Segment::new(0.0, 0.0, a.0, a.1, edge));
            }
            ctx.draw(&Points::new(&fill, color));
            for (a, b) in inner.iter().zip(inner.iter().cycle().skip(1)) {
                ctx.draw(&Segment::new(a.0, a.1, b.0, b.1, color));
            }
            if let [top, left, right] = labels.as_slice() {
                #[expect(clippy::cast_precision_loss, reason = "a label's length in characters")]
                let half = |text: &str| text.chars().count() as f64 * 0.02;
                ctx.print(-half(top), 1.12, top.clone());
                ctx.print(-0.866 - half(left), -0.75, left.clone());
                ctx.print(0.866 - half(right), -0.75, right.clone());
            }
        });
    frame.render_widget(canvas, area);
}

/// Points that fill a triangle, on a grid fine enough for braille dots.
fn inside_points(corners: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let [(ax, ay), (bx, by), (cx, cy)] = [
        corners.first().copied().unwrap_or_default(),
        corners.get(1).copied().unwrap_or_default(),
        corners.get(2).copied().unwrap_or_default(),
    ];
    let area = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
    if area.abs() < 1e-9 {
        return Vec::new();
    }
    // A grid of 81 × 81 points over [-1, 1]², kept when its barycentric weights are all ≥ 0.
    let grid = (0..=80).map(|i| f64::from(i) / 40.0 - 1.0);
    grid.clone()
        .flat_map(|row| grid.clone().map(move |column| (column, row)))
        .filter(|&(px, py)| {
            let first = ((bx - px) * (cy - py) - (cx - px) * (by - py)) / area;
            let second = ((cx - px) * (ay - py) - (ax - px) * (cy - py)) / area;
            first >= 0.0 && second >= 0.0 && 1.0 - first - second >= 0.0
        })
        .collect()
}

/// `L ████░░  30%`: a pillar's initial, its score as a bar and in percent (`n/a` without a
/// score); drawn with characters, so it reads without colour.
fn bar_spans(
    profile: &Profile,
    pillar: Pillar,
    width: usize,
    words: &Words,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let score = profile.score(pillar);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "a score in 0..=1 times a bar's width in cells"
    )]
    let filled = score.map_or(0, |s| (s * width as f64).round() as usize);
    let initial = words
        .pillar(pillar)
        .chars()
        .next()
        .map_or(' ', |c| c.to_uppercase().next().unwrap_or(c));
    vec![
        Span::styled(format!("{initial} "), theme.dim),
        Span::styled("█".repeat(filled), theme.bar),
        Span::styled("░".repeat(width.saturating_sub(filled)), theme.dim),
        Span::raw(score.map_or_else(
            || "  n/a".to_owned(),
            |s| format!(" {:>3}%", (s * 100.0).round()),
        )),
    ]
}
