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
mod fit;
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
use crate::i18n::Lang;
use crate::report::Severity;
use crate::tr;
use fit::truncate;

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
        // The title sits between the corners, cut with `…` when it is longer.
        let room = usize::from(area.width.saturating_sub(4));
        let title = truncate(&format!("{marker}{title}"), room);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(style)
            .title(Line::from(format!(" {title} ")).style(style));
        frame.render_widget(block, area);
    }
    layout::inner(area)
}

/// Draws lines top-down into `area`, one per row, each cut with `…` when it is wider;
/// row `selected` (relative to `area`) gets the selection style over the whole width.
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
        buffer.set_line(
            row.x,
            row.y,
            &fit::line(line, usize::from(row.width)),
            row.width,
        );
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

/// A paragraph that fills `area`, scrolled by `scroll` lines (clamped to the text), each
/// line cut with `…` when it is wider.
fn scrolled(
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: usize,
    limit: &std::cell::Cell<usize>,
) {
    let width = usize::from(area.width);
    let lines: Vec<Line<'static>> = lines
        .into_iter()
        .map(|line| fit::line(&line, width))
        .collect();
    // The furthest the pane can scroll with its last line still in view: the model clamps
    // its scroll position to it on the next update, so no key is ever dead.
    let furthest = lines.len().saturating_sub(usize::from(area.height));
    limit.set(furthest);
    let scroll = u16::try_from(scroll.min(furthest)).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
}

/// Wraps `text` to `width` columns, each line in `style`, with `indent` before
/// continuation lines; lines break at spaces only, so identifiers such as
/// `pei-2025-2027` or `!%rule` stay whole.
fn wrapped(text: &str, width: usize, style: Style, indent: &str) -> Vec<Line<'static>> {
    let width = width.max(8);
    textwrap::wrap(
        text,
        textwrap::Options::new(width)
            .subsequent_indent(indent)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation),
    )
    .into_iter()
    .map(|line| Line::styled(line.into_owned(), style))
    .collect()
}

/// Whether the focused pane is `pane`.
fn focused(model: &Model, pane: Pane) -> bool {
    model.focus() == pane
}

/// The filter's syntax for the end of the help (`f` in the findings list), whole at any
/// width: each term, then what it does, wrapped under itself (under the term when the
/// term is wide). Only the terms that contain `filter` (case-insensitive), or all of
/// them when the title does; nothing when none does.
fn filter_syntax(lang: Lang, filter: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let wanted = filter.trim().to_lowercase();
    let title = tr!(lang, "tui-syntax-title");
    let rows: Vec<(String, String)> = [
        (
            tr!(lang, "tui-syntax-text"),
            tr!(lang, "tui-syntax-text-help"),
        ),
        (
            tr!(lang, "tui-syntax-rule"),
            tr!(lang, "tui-syntax-rule-help"),
        ),
        (
            tr!(lang, "tui-syntax-severity"),
            tr!(lang, "tui-syntax-severity-help"),
        ),
        (
            tr!(lang, "tui-syntax-plan"),
            tr!(lang, "tui-syntax-plan-help"),
        ),
        (
            tr!(lang, "tui-syntax-pillar"),
            tr!(lang, "tui-syntax-pillar-help"),
        ),
        (
            tr!(lang, "tui-syntax-file"),
            tr!(lang, "tui-syntax-file-help"),
        ),
        (
            tr!(lang, "tui-syntax-element"),
            tr!(lang, "tui-syntax-element-help"),
        ),
        (
            tr!(lang, "tui-syntax-negate"),
            tr!(lang, "tui-syntax-negate-help"),
        ),
        (
            tr!(lang, "tui-syntax-quote"),
            tr!(lang, "tui-syntax-quote-help"),
        ),
        (
            tr!(lang, "tui-syntax-short"),
            tr!(lang, "tui-syntax-short-help"),
        ),
    ]
    .into_iter()
    .filter(|(term, help)| {
        wanted.is_empty()
            || title.to_lowercase().contains(&wanted)
            || term.to_lowercase().contains(&wanted)
            || help.to_lowercase().contains(&wanted)
    })
    .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    // Narrow, each term goes on its own line and its meaning under it.
    let term_width = if width < 40 {
        0
    } else {
        rows.iter()
            .map(|(term, _)| term.chars().count())
            .max()
            .unwrap_or(0)
            .min(width / 3)
    };
    let indent = " ".repeat(term_width + 2);
    let room = width.saturating_sub(term_width + 2).max(1);
    let mut lines = vec![Line::default()];
    lines.extend(wrapped(&title, width, theme.heading, ""));
    for (term, help) in rows {
        let own_line = term.chars().count() > term_width;
        if own_line {
            lines.push(Line::styled(term.clone(), theme.key));
        }
        let options = textwrap::Options::new(room)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for (position, piece) in textwrap::wrap(&help, options).into_iter().enumerate() {
            let lead = if position == 0 && !own_line {
                Span::styled(format!("{term:<term_width$}  "), theme.key)
            } else {
                Span::raw(indent.clone())
            };
            lines.push(Line::from(vec![lead, Span::raw(piece.into_owned())]));
        }
    }
    lines
}
