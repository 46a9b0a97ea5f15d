//! Drawing: [`view`] renders a [`Model`] into a frame and changes nothing.
//!
//! Every view draws only what is visible (the findings list is virtualised: a frame
//! costs the same with ten findings or a hundred thousand), and every size is safe:
//! the layout (`tui::layout`) saturates, ratatui clips, and below the minimum the
//! screen says "terminal too small". Every word comes from the catalogue of the run's
//! language (`src/i18n/<lang>/tui.ftl`).

mod chrome;
mod coverage;
mod findings;
pub mod loading;
mod popup;
mod profile;
mod trace;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::app::{Model, Pane, View};
use super::index::Counts;
use super::layout;
use super::strings::Words;
use super::theme::Theme;
use crate::report::Severity;
use crate::tr;

/// Draws the model.
pub fn view(model: &Model, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme::new(model.style().color);
    let screen = layout::screen(area, model.view(), model.focus());
    if screen.too_small {
        frame.render_widget(
            Paragraph::new(tr!(model.lang(), "tui-too-small")).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    chrome::header(model, frame, screen.header, &theme);
    match model.view() {
        View::Findings => findings::draw(model, frame, &screen, &theme),
        View::Trace => trace::draw(model, frame, screen.primary, &theme),
        View::Coverage => coverage::draw(model, frame, &screen, &theme),
        View::Profile => profile::draw(model, frame, &screen, &theme),
    }
    chrome::status(model, frame, screen.status, &theme);
    popup::draw(model, frame, area, &theme);
}

/// Draws a pane's border (when it has room) and returns its inside.
fn pane(frame: &mut Frame, area: Rect, title: &str, focused: bool, theme: &Theme) -> Rect {
    if area.width == 0 || area.height == 0 {
        return Rect::new(area.x, area.y, 0, 0);
    }
    if layout::bordered(area) {
        let style = if focused {
            theme.border_focus
        } else {
            theme.border
        };
        let marker = if focused { "▶ " } else { "" };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(style)
            .title(Line::from(format!(" {marker}{title} ")).style(style));
        frame.render_widget(block, area);
    }
    layout::inner(area)
}

/// Draws lines top-down into `area`, one per row, clipped; row `selected` (relative to
/// `area`) gets the selection style over the whole width.
fn draw_rows(
    buffer: &mut Buffer,
    area: Rect,
    lines: &[Line<'_>],
    selected: Option<usize>,
    theme: &Theme,
) {
    for (position, line) in lines.iter().enumerate() {
        let Ok(offset) = u16::try_from(position) else {
            break;
        };
        if offset >= area.height {
            break;
        }
        let row = Rect::new(area.x, area.y + offset, area.width, 1);
        buffer.set_line(row.x, row.y, line, row.width);
        if selected == Some(position) {
            buffer.set_style(row, theme.selected);
        }
    }
}

/// The selection marker at the start of a row: visible without colour or modifiers.
fn marker(selected: bool) -> &'static str {
    if selected { "▶ " } else { "  " }
}

/// `E1 W2`-style counts, each in its severity's style; empty when all are zero.
fn counts_spans(counts: Counts, words: &Words, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let count = counts.of(severity);
        if count > 0 {
            if !spans.is_empty() {
                spans.push(Span::raw(" "));
            }
            spans.push(Span::styled(
                format!("{}{count}", words.letter(severity)),
                theme.severity(severity),
            ));
        }
    }
    spans
}

/// Truncates to `max` characters, with an ellipsis when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// A paragraph that fills `area`, scrolled by `scroll` lines (clamped to the text).
fn scrolled(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: usize,
    limit: &std::cell::Cell<usize>,
) {
    // The furthest the pane can scroll with its last line still in view: the model clamps
    // its scroll position to it on the next update, so no key is ever dead.
    let furthest = lines.len().saturating_sub(usize::from(area.height));
    limit.set(furthest);
    let scroll = u16::try_from(scroll.min(furthest)).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
}

/// Wraps `text` to `width` columns, each line in `style`, with `indent` before
/// continuation lines.
fn wrapped(text: &str, width: usize, style: Style, indent: &str) -> Vec<Line<'static>> {
    let width = width.max(8);
    textwrap::wrap(
        text,
        textwrap::Options::new(width).subsequent_indent(indent),
    )
    .into_iter()
    .map(|line| Line::styled(line.into_owned(), style))
    .collect()
}

/// Whether the focused pane is `pane`.
fn focused(model: &Model, pane: Pane) -> bool {
    model.focus() == pane
}
