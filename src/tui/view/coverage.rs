//! The Coverage view: the concerted plans on one side, the matrix of the selected one
//! on the other (rows: its objectives and actions; columns: the plans beneath it;
//! cells: how many of their elements trace here, and the worst finding among them).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::super::app::{Model, Pane};
use super::super::layout::{self, MATRIX_CELL, MATRIX_TOTAL, Screen};
use super::super::theme::Theme;
use super::{draw_rows, fit, focused, marker, pane, truncate, wrapped};
use crate::report::Severity;
use crate::tr;

pub(super) fn draw(model: &Model, frame: &mut Frame, screen: &Screen, theme: &Theme) {
    let run = model.run();
    let graph = &run.graph;
    let state = &model.coverage;
    let lang = model.lang();
    let list = pane(
        frame,
        screen.primary,
        &tr!(lang, "tui-concerted-plans"),
        focused(model, Pane::Primary),
        theme,
    );
    if list.width > 0 && list.height > 0 {
        if state.plans.is_empty() {
            draw_rows(
                frame.buffer_mut(),
                list,
                &no_concerted(model, list.width),
                None,
                theme,
            );
        } else {
            let lines: Vec<Line<'_>> = state
                .plans
                .iter()
                .enumerate()
                .skip(state.plan_offset)
                .take(usize::from(list.height))
                .map(|(position, &plan)| {
                    let plan = graph.plan(plan);
                    Line::from(vec![
                        Span::raw(marker(position == state.plan)),
                        Span::raw(plan.id.value.to_string()),
                        Span::styled(format!("  {}", plan.kind.value), theme.dim),
                    ])
                })
                .collect();
            draw_rows(
                frame.buffer_mut(),
                list,
                &lines,
                state.plan.checked_sub(state.plan_offset),
                theme,
            );
        }
    }
    let Some(matrix) = model.matrix() else {
        let inner = pane(
            frame,
            screen.secondary,
            &tr!(lang, "tui-matrix"),
            focused(model, Pane::Secondary),
            theme,
        );
        if inner.width > 0 && inner.height > 0 {
            draw_rows(
                frame.buffer_mut(),
                inner,
                &no_concerted(model, inner.width),
                None,
                theme,
            );
        }
        return;
    };
    let column_name = matrix
        .columns
        .get(state.column)
        .map(|&plan| graph.plan(plan).id.value.clone())
        .unwrap_or_default();
    let title = tr!(
        lang,
        "tui-matrix-title",
        plan = graph.plan(matrix.plan).id.value.as_str(),
        order = if state.least_first {
            tr!(lang, "tui-sort-least")
        } else {
            tr!(lang, "tui-sort-document")
        },
        column = column_name
    );
    let matrix_focus = focused(model, Pane::Secondary);
    let inner = pane(frame, screen.secondary, &title, matrix_focus, theme);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    draw_matrix(model, frame, inner, matrix_focus, theme);
    // The legend goes under the rows when they leave room for all of it, else in the
    // bottom border.
    let lines = legend_lines(model, usize::from(inner.width), theme);
    let rows = matrix.rows.len().saturating_sub(state.row_offset) + 2;
    if rows + lines.len() <= usize::from(inner.height) {
        let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        let area = Rect::new(
            inner.x,
            inner.y.saturating_add(inner.height.saturating_sub(height)),
            inner.width,
            height,
        );
        draw_rows(frame.buffer_mut(), area, &lines, None, theme);
    } else if layout::bordered(screen.secondary) {
        draw_legend(model, frame, screen.secondary, theme);
    }
}

/// The legend's items wrapped to `width`, whole items on each line.
fn legend_lines(model: &Model, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Vec<Span<'static>>> = Vec::new();
    for item in legend(model, theme) {
        let item_width: usize = item.iter().map(Span::width).sum();
        match lines.last_mut() {
            Some(line) if line.iter().map(Span::width).sum::<usize>() + 2 + item_width <= width => {
                line.push(Span::raw("  "));
                line.extend(item);
            }
            _ => lines.push(item),
        }
    }
    lines.into_iter().map(Line::from).collect()
}

/// What the marks of the cells mean, in the matrix's bottom border: as many of them as
/// fit, whole.
fn draw_legend(model: &Model, frame: &mut Frame, area: Rect, theme: &Theme) {
    let room = usize::from(area.width.saturating_sub(4));
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for item in legend(model, theme) {
        let width: usize = item.iter().map(Span::width).sum::<usize>() + 2;
        if used + width > room {
            break;
        }
        used += width;
        spans.push(Span::raw(" "));
        spans.extend(item);
        spans.push(Span::raw(" "));
    }
    if spans.is_empty() {
        return;
    }
    let y = area.y.saturating_add(area.height.saturating_sub(1));
    let x = area.x.saturating_add(2);
    frame
        .buffer_mut()
        .set_line(x, y, &Line::from(spans), area.width.saturating_sub(4));
}

/// The legend's items, most needed first: each mark in the style the cells give it,
/// then its meaning.
fn legend(model: &Model, theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let lang = model.lang();
    let words = &model.words;
    let mut letters = Vec::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        letters.push(Span::styled(
            words.letter(severity).to_string(),
            theme.severity(severity),
        ));
        letters.push(Span::raw(" "));
    }
    letters.push(Span::raw(tr!(lang, "tui-legend-worst")));
    vec![
        vec![
            Span::styled("✓", theme.bar),
            Span::raw(format!(" {}", tr!(lang, "tui-legend-clean"))),
        ],
        letters,
        vec![
            Span::styled("·", theme.dim),
            Span::raw(format!(" {}", tr!(lang, "tui-legend-none"))),
        ],
        vec![
            Span::styled("✗", theme.gap),
            Span::raw(format!(" {}", tr!(lang, "tui-legend-gap"))),
        ],
    ]
}

/// Why the view is empty, wrapped to the pane.
fn no_concerted(model: &Model, width: u16) -> Vec<Line<'static>> {
    wrapped(
        &tr!(model.lang(), "tui-no-concerted"),
        usize::from(width),
        ratatui::style::Style::new(),
        "",
    )
}

fn draw_matrix(model: &Model, frame: &mut Frame, area: Rect, matrix_focus: bool, theme: &Theme) {
    let Some(matrix) = model.matrix() else {
        return;
    };
    let graph = &model.run().graph;
    let state = &model.coverage;
    let label_width = usize::from(layout::matrix_label_width(area.width));
    let cell = usize::from(MATRIX_CELL);
    let visible = layout::matrix_columns(area.width);
    let columns: Vec<(usize, crate::graph::PlanId)> = matrix
        .columns
        .iter()
        .copied()
        .enumerate()
        .skip(state.column_offset)
        .take(visible)
        .collect();
    let mut header = vec![Span::styled(
        format!(
            "{:<label_width$}",
            truncate(&tr!(model.lang(), "tui-matrix-objective"), label_width)
        ),
        theme.heading,
    )];
    // Every column's header, cut to the cell and distinct from the others.
    let names: Vec<&str> = matrix
        .columns
        .iter()
        .map(|&plan| graph.plan(plan).id.value.as_str())
        .collect();
    let labels = fit::distinct(&names, cell - 1);
    for &(position, _) in &columns {
        let style = if position == state.column {
            theme.heading.add_modifier(Modifier::UNDERLINED)
        } else {
            theme.heading
        };
        let label = labels.get(position).map_or("", String::as_str);
        header.push(Span::styled(format!("{label:>cell$}"), style));
    }
    header.push(Span::styled(
        format!(
            "{:>width$}",
            truncate(
                &tr!(model.lang(), "tui-matrix-total"),
                usize::from(MATRIX_TOTAL)
            ),
            width = usize::from(MATRIX_TOTAL)
        ),
        theme.heading,
    ));
    let mut lines = vec![Line::from(header)];
    let body_height = usize::from(area.height.saturating_sub(1));
    for (position, row) in matrix
        .rows
        .iter()
        .enumerate()
        .skip(state.row_offset)
        .take(body_height)
    {
        let element = graph.element(row.element);
        let selected = position == state.row;
        let indent = if element.is_action { "  " } else { "" };
        let label = format!("{}{indent}{}", marker(selected), element.code.value);
        let mut spans = vec![Span::styled(
            format!("{:<label_width$}", truncate(&label, label_width)),
            if row.gap { theme.gap } else { Style::new() },
        )];
        for &(column, _) in &columns {
            let cell_value = row.cells.get(column);
            let count = cell_value.map_or(0, |c| c.lowers.len());
            let text = match cell_value.and_then(|c| c.worst) {
                Some(worst) if count > 0 => format!("{count} {}", model.words.letter(worst)),
                _ if count > 0 => format!("{count} ✓"),
                _ => "·".to_owned(),
            };
            let mut style = match cell_value.and_then(|c| c.worst) {
                Some(worst) if count > 0 => theme.severity(worst),
                _ if count > 0 => theme.bar,
                _ => theme.dim,
            };
            if selected && column == state.column && matrix_focus {
                style = style.add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
            }
            spans.push(Span::styled(format!("{text:>cell$}"), style));
        }
        // An objective's total includes its actions'.
        let total = if row.gap {
            format!("✗ {}", row.covered)
        } else {
            row.covered.to_string()
        };
        spans.push(Span::styled(
            format!("{total:>width$}", width = usize::from(MATRIX_TOTAL)),
            if row.gap { theme.gap } else { Style::new() },
        ));
        lines.push(Line::from(spans));
    }
    let selected = state.row.checked_sub(state.row_offset).map(|row| row + 1);
    draw_rows(frame.buffer_mut(), area, &lines, selected, theme);
}
