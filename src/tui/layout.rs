//! Where everything goes on the screen, for any size: one function shared by the view
//! (to draw) and by `update` (to scroll and to hit-test mouse clicks).
//!
//! The ladder: wide (≥ 100 columns) puts the two panes of a view side by side; narrower
//! but tall enough (≥ 16 body rows) stacks them; smaller still shows only the focused
//! pane; below [`MIN_WIDTH`]×[`MIN_HEIGHT`] the screen only says it is too small. A pane
//! gets a border only when it has room for one. Every computation saturates.

use ratatui::layout::Rect;

use super::app::{Pane, View};

/// Narrowest usable terminal.
pub const MIN_WIDTH: u16 = 20;
/// Lowest usable terminal.
pub const MIN_HEIGHT: u16 = 5;
/// From this width on, panes sit side by side.
pub const WIDE: u16 = 100;
/// From this body height on, narrow screens stack panes.
pub const TALL: u16 = 16;

/// The parts of the screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Screen {
    /// The tab line.
    pub header: Rect,
    /// The status line.
    pub status: Rect,
    /// The view's main pane (list, tree).
    pub primary: Rect,
    /// The view's second pane (detail, matrix, rules); empty when hidden.
    pub secondary: Rect,
    /// Below the minimum size: nothing but a message.
    pub too_small: bool,
}

/// How the two panes of a view share the body.
fn split(view: View) -> Option<u16> {
    match view {
        View::Findings => Some(50),
        View::Coverage => Some(30),
        View::Profile => Some(55),
        View::Trace => None,
    }
}

/// The screen for `area`, `view` and the focused pane.
#[must_use]
pub fn screen(area: Rect, view: View, focus: Pane) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen {
            too_small: true,
            ..Screen::default()
        };
    }
    let header = Rect::new(area.x, area.y, area.width, 1);
    let status = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(1),
        area.width,
        1,
    );
    let body = Rect::new(
        area.x,
        area.y.saturating_add(1),
        area.width,
        area.height.saturating_sub(2),
    );
    let empty = Rect::new(body.x, body.y, 0, 0);
    let Some(percent) = split(view) else {
        return Screen {
            header,
            status,
            primary: body,
            secondary: empty,
            too_small: false,
        };
    };
    let (primary, secondary) = if body.width >= WIDE {
        let left = u16::try_from(u32::from(body.width) * u32::from(percent) / 100).unwrap_or(0);
        (
            Rect::new(body.x, body.y, left, body.height),
            Rect::new(
                body.x.saturating_add(left),
                body.y,
                body.width.saturating_sub(left),
                body.height,
            ),
        )
    } else if body.height >= TALL {
        let top = (body.height * 2 / 5).max(3);
        (
            Rect::new(body.x, body.y, body.width, top),
            Rect::new(
                body.x,
                body.y.saturating_add(top),
                body.width,
                body.height.saturating_sub(top),
            ),
        )
    } else if focus == Pane::Secondary {
        (empty, body)
    } else {
        (body, empty)
    };
    Screen {
        header,
        status,
        primary,
        secondary,
        too_small: false,
    }
}

/// Whether a pane is big enough for a border.
#[must_use]
pub fn bordered(pane: Rect) -> bool {
    pane.width >= 12 && pane.height >= 5
}

/// The inside of a pane (inside its border, when it has one).
#[must_use]
pub fn inner(pane: Rect) -> Rect {
    if bordered(pane) {
        Rect::new(
            pane.x.saturating_add(1),
            pane.y.saturating_add(1),
            pane.width.saturating_sub(2),
            pane.height.saturating_sub(2),
        )
    } else {
        pane
    }
}

/// Where each tab of the header is (for mouse clicks): `(view, first column, width)`;
/// `titles` are the tab titles in the run's language, in key order.
#[must_use]
pub fn tabs(header: Rect, titles: &[String; 4]) -> Vec<(View, u16, u16)> {
    let mut x = header.x.saturating_add(tab_start());
    View::ALL
        .iter()
        .zip(titles)
        .map(|(&view, title)| {
            let width = tab_width(title);
            let tab = (view, x, width);
            x = x.saturating_add(width).saturating_add(1);
            tab
        })
        .collect()
}

/// The column where the first tab starts (after the application name).
#[must_use]
pub fn tab_start() -> u16 {
    u16::try_from(super::strings::APP.chars().count() + 2).unwrap_or(0)
}

/// The width of a tab: ` 1 Findings `.
#[must_use]
pub fn tab_width(title: &str) -> u16 {
    u16::try_from(title.chars().count() + 4).unwrap_or(u16::MAX)
}

/// Whether `(column, row)` is inside `rect`.
#[must_use]
pub fn contains(rect: Rect, column: u16, row: u16) -> bool {
    rect.width > 0
        && rect.height > 0
        && column >= rect.x
        && row >= rect.y
        && column < rect.x.saturating_add(rect.width)
        && row < rect.y.saturating_add(rect.height)
}

/// The width of a coverage matrix cell.
pub const MATRIX_CELL: u16 = 10;
/// The width of the coverage matrix's total column.
pub const MATRIX_TOTAL: u16 = 7;

/// The width of the coverage matrix's first column (the objectives), for a pane
/// `width` columns wide.
#[must_use]
pub fn matrix_label_width(width: u16) -> u16 {
    (width / 3).clamp(8, 44).min(width)
}

/// How many plan columns of the coverage matrix fit in `width` columns.
#[must_use]
pub fn matrix_columns(width: u16) -> usize {
    usize::from(
        width
            .saturating_sub(matrix_label_width(width))
            .saturating_sub(MATRIX_TOTAL)
            / MATRIX_CELL,
    )
}
