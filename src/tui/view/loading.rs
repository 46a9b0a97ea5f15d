//! The loading screen, drawn while the first run goes on (there is no model yet), and the
//! words for a run's progress that the status line shows during a re-lint.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::Lang;
use crate::tr;
use crate::tui::theme::Theme;
use crate::{Progress, Stage};

/// The frames of the spinner, one per tick.
const SPINNER: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/// The spinner's frame for tick `tick`.
#[must_use]
pub fn spinner(tick: usize) -> char {
    SPINNER.get(tick % SPINNER.len()).copied().unwrap_or('·')
}

/// What a run is doing, in a few words (`reading the plans: 1234 of 5881 files`).
#[must_use]
pub fn stage(progress: &Progress, lang: Lang) -> String {
    match progress.stage() {
        Stage::Rules => tr!(lang, "tui-stage-rules"),
        Stage::Discover => tr!(lang, "tui-stage-discover"),
        Stage::Read => tr!(
            lang,
            "tui-stage-read",
            read = progress.read(),
            files = progress.files()
        ),
        Stage::Resolve => tr!(lang, "tui-stage-resolve"),
        Stage::Evaluate => tr!(lang, "tui-stage-evaluate"),
        Stage::Report => tr!(lang, "tui-stage-report"),
    }
}

/// The status line's words during a re-lint: the spinner, then what the run is doing.
#[must_use]
pub fn relinting(progress: &Progress, lang: Lang, tick: usize) -> String {
    format!(
        "{} {}",
        spinner(tick),
        tr!(lang, "tui-relinting-stage", stage = stage(progress, lang))
    )
}

/// Draws the loading screen: a title, the spinner with the stage and the count of files
/// read, a bar while files are read, and how to quit.
pub fn draw(frame: &mut Frame, progress: &Progress, lang: Lang, color: bool, tick: usize) {
    let theme = Theme::new(color);
    let area = frame.area();
    let mut lines = vec![
        Line::styled(tr!(lang, "tui-loading-title"), theme.heading),
        Line::raw(""),
        Line::raw(format!("{} {}", spinner(tick), stage(progress, lang))),
    ];
    let files = progress.files();
    if progress.stage() == Stage::Read && files > 0 {
        let width = usize::from(area.width.saturating_sub(4)).min(50);
        let done = (progress.read().min(files) * width) / files;
        lines.push(Line::from(vec![
            Span::raw("["),
            Span::styled("█".repeat(done), theme.bar),
            Span::raw(" ".repeat(width.saturating_sub(done))),
            Span::raw("]"),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(tr!(lang, "tui-loading-hint"), theme.key));
    let inside = Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(1),
    );
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inside);
}
