//! Colours and text styles, in two themes: colour (the 16 ANSI colours, so the user's
//! palette applies) and monochrome (`NO_COLOR`, `--color never`), where the selection
//! is reversed and bold and everything else is told apart by modifiers and words.

use ratatui::style::{Color, Modifier, Style};

use crate::report::Severity;

/// The styles the view uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// The selected row.
    pub selected: Style,
    /// Errors.
    pub error: Style,
    /// Warnings.
    pub warning: Style,
    /// Infos.
    pub info: Style,
    /// Secondary text.
    pub dim: Style,
    /// Group rows and headings.
    pub heading: Style,
    /// The active tab.
    pub tab_active: Style,
    /// The span a finding points at, in snippets.
    pub span: Style,
    /// Gaps in traces.
    pub gap: Style,
    /// Search matches.
    pub matched: Style,
    /// Borders of unfocused panes.
    pub border: Style,
    /// The border of the focused pane.
    pub border_focus: Style,
    /// The filled part of a bar.
    pub bar: Style,
    /// The status line.
    pub status: Style,
    /// Keys in hints and help.
    pub key: Style,
}

impl Theme {
    /// The colour theme, or the monochrome one.
    #[must_use]
    pub fn new(color: bool) -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        if color {
            Self {
                selected: Style::new()
                    .bg(Color::Blue)
                    .fg(Color::White)
                    .add_modifier(Modifier::BOLD),
                error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                warning: Style::new().fg(Color::Yellow),
                info: Style::new().fg(Color::Cyan),
                dim: Style::new().fg(Color::DarkGray),
                heading: bold.fg(Color::Magenta),
                tab_active: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(Modifier::BOLD),
                span: Style::new()
                    .fg(Color::Red)
                    .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                gap: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                matched: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::UNDERLINED),
                border: Style::new().fg(Color::DarkGray),
                border_focus: Style::new().fg(Color::Cyan),
                bar: Style::new().fg(Color::Green),
                status: Style::new().bg(Color::DarkGray).fg(Color::White),
                key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            }
        } else {
            Self {
                selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
                error: bold,
                warning: Style::new(),
                info: Style::new(),
                dim: Style::new(),
                heading: bold,
                tab_active: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
                span: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                gap: bold,
                matched: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                border: Style::new(),
                border_focus: bold,
                bar: Style::new(),
                status: Style::new().add_modifier(Modifier::REVERSED),
                key: bold,
            }
        }
    }

    /// The style of a severity.
    #[must_use]
    pub fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}
