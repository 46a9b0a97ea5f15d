//! The only module of the browser that does terminal IO: it takes the terminal over
//! (raw mode, alternate screen, mouse), gives it back on quit, on error and on panic,
//! runs the event loop, carries out the model's [`Effect`]s (suspending the screen and
//! pausing input while the editor runs), and watches plan and rule files by polling
//! their modification times every [`WATCH_EVERY`].

#[cfg(test)]
mod tests;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::DefaultTerminal;

use super::TuiStyle;
use super::app::{Effect, Model, Msg, dispatch};
use super::editor;
use super::keys::Action;
use super::view::view;
use crate::i18n::Lang;
use crate::tr;

/// How often plan and rule files are checked for changes.
pub const WATCH_EVERY: Duration = Duration::from_millis(500);
/// At most this many queued events are handled before the screen is redrawn.
const EVENT_BATCH: usize = 64;

/// Runs the browser until the user quits; the terminal is restored on every way out.
///
/// # Errors
/// When the first run cannot start, or the terminal cannot be used.
pub fn run(options: &crate::CheckOptions, style: TuiStyle) -> io::Result<()> {
    let first =
        crate::check(options).map_err(|error| io::Error::other(describe(&error, options.lang)))?;
    run_from(first, options, style)
}

/// [`run`], starting from a run already made with `options` (re-lints use `options` again).
///
/// # Errors
/// When the terminal cannot be used.
pub fn run_from(
    first: crate::Run,
    options: &crate::CheckOptions,
    style: TuiStyle,
) -> io::Result<()> {
    let mut model = Model::new(first, style);
    // crossterm drops every style under NO_COLOR (the selection would vanish); the
    // monochrome theme handles NO_COLOR instead.
    crossterm::style::force_color_output(true);
    let mut terminal = ratatui::try_init()?;
    let _restore = Restore;
    install_panic_hook();
    execute!(io::stdout(), EnableMouseCapture)?;
    let size = terminal.size()?;
    dispatch(&mut model, Msg::Resize(size.width, size.height));
    let mut watcher = Watcher::new(options);
    event_loop(&mut terminal, &mut model, options, &mut watcher)
}

/// Gives the terminal back when dropped: on quit, on error, and while unwinding.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
        let _ = execute!(io::stdout(), crossterm::cursor::Show);
    }
}

/// Chains a hook before ratatui's (which restores raw mode and the screen, then
/// prints the panic): mouse capture is turned off first.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    model: &mut Model,
    options: &crate::CheckOptions,
    watcher: &mut Watcher,
) -> io::Result<()> {
    loop {
        terminal.draw(|frame| view(model, frame))?;
        if model.should_quit() {
            return Ok(());
        }
        if event::poll(watcher.timeout())? {
            let mut handled = 0;
            loop {
                if let Some(msg) = message(&event::read()?) {
                    #[cfg(debug_assertions)]
                    test_panic(&msg);
                    dispatch(model, msg);
                }
                handled += 1;
                if model.should_quit() || handled >= EVENT_BATCH || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if watcher.changed() {
            dispatch(model, Msg::Action(Action::Reload));
        }
        carry_out(terminal, model, options, watcher)?;
    }
}

/// In debug builds only, `P` panics when `ALINEA_TUI_TEST_PANIC` is set: the
/// end-to-end tests use it to prove that a panic gives the terminal back.
#[cfg(debug_assertions)]
#[expect(clippy::panic, reason = "a panic on request is the point")]
fn test_panic(msg: &Msg) {
    if let Msg::Key(key) = msg
        && key.code == crossterm::event::KeyCode::Char('P')
        && std::env::var_os("ALINEA_TUI_TEST_PANIC").is_some()
    {
        panic!("panic requested with ALINEA_TUI_TEST_PANIC");
    }
}

/// The message for a terminal event (key releases and focus events are dropped).
fn message(event: &Event) -> Option<Msg> {
    match *event {
        Event::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key)),
        Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
        Event::Resize(width, height) => Some(Msg::Resize(width, height)),
        _ => None,
    }
}

/// Carries out the queued effects, and those their answers queue.
fn carry_out(
    terminal: &mut DefaultTerminal,
    model: &mut Model,
    options: &crate::CheckOptions,
    watcher: &mut Watcher,
) -> io::Result<()> {
    loop {
        let effects = model.take_effects();
        if effects.is_empty() {
            return Ok(());
        }
        for effect in effects {
            match effect {
                Effect::Reload => {
                    // Show "re-linting…" while it runs.
                    terminal.draw(|frame| view(model, frame))?;
                    let msg = match crate::check(options) {
                        Ok(run) => Msg::Reloaded(Box::new(run)),
                        Err(error) => Msg::ReloadFailed(describe(&error, options.lang)),
                    };
                    watcher.reset();
                    dispatch(model, msg);
                }
                Effect::OpenEditor { path, line, column } => {
                    let result = open_editor(terminal, &path, line, column, options.lang);
                    dispatch(model, Msg::EditorFinished(result));
                }
                Effect::Copy(text) => {
                    let mut stdout = io::stdout();
                    stdout.write_all(osc52(&text).as_bytes())?;
                    stdout.flush()?;
                }
            }
        }
    }
}

/// Leaves the screen, runs the editor (no event is read meanwhile, so every key goes
/// to the editor), comes back and forces a full redraw.
fn open_editor(
    terminal: &mut DefaultTerminal,
    path: &Path,
    line: usize,
    column: usize,
    lang: Lang,
) -> Result<(), String> {
    let visual = std::env::var("VISUAL").ok();
    let editor_var = std::env::var("EDITOR").ok();
    let words = editor::words(visual.as_deref(), editor_var.as_deref()).map_err(
        |editor::UnclosedQuote(setting)| tr!(lang, "tui-editor-unclosed-quote", setting = setting),
    )?;
    let cwd = std::env::current_dir().map_err(|error| error.to_string())?;
    let command = editor::command(&words, &editor::absolute(path, &cwd), line, column);
    suspend().map_err(|error| error.to_string())?;
    let status = std::process::Command::new(&command.program)
        .args(&command.args)
        .status();
    resume(terminal).map_err(|error| error.to_string())?;
    match status {
        Ok(_) => Ok(()),
        Err(error) => Err(tr!(
            lang,
            "tui-editor-cannot-start",
            program = command.program.as_str(),
            error = error.to_string()
        )),
    }
}

fn suspend() -> io::Result<()> {
    execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    )?;
    disable_raw_mode()
}

fn resume(terminal: &mut DefaultTerminal) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.clear()
}

/// A run that could not start, in one line, in `lang`.
fn describe(error: &crate::CheckError, lang: Lang) -> String {
    match error {
        crate::CheckError::MissingPath(error) => error.to_string(),
        crate::CheckError::RulePath(message) => message.clone(),
        crate::CheckError::Rules { errors, .. } => match errors.first() {
            Some(first) => tr!(
                lang,
                "tui-rule-problems",
                count = errors.len(),
                first = first.message.as_str()
            ),
            None => tr!(lang, "tui-rule-problems", count = 0, first = ""),
        },
        other @ crate::CheckError::Usage(..) => other.to_string(),
    }
}

/// The OSC 52 sequence that puts `text` on the terminal's clipboard.
#[must_use]
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let symbol =
        |index: u32| char::from(ALPHABET.get((index & 63) as usize).copied().unwrap_or(b'='));
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b0 = u32::from(chunk.first().copied().unwrap_or(0));
        let b1 = u32::from(chunk.get(1).copied().unwrap_or(0));
        let b2 = u32::from(chunk.get(2).copied().unwrap_or(0));
        let triple = (b0 << 16) | (b1 << 8) | b2;
        out.push(symbol(triple >> 18));
        out.push(symbol(triple >> 12));
        out.push(if chunk.len() > 1 {
            symbol(triple >> 6)
        } else {
            '='
        });
        out.push(if chunk.len() > 2 { symbol(triple) } else { '=' });
    }
    out
}

/// Polls the modification times and sizes of the plan files under the user's paths
/// and of the rule files.
struct Watcher {
    plans: Vec<PathBuf>,
    rules: Vec<PathBuf>,
    stamps: Vec<(PathBuf, Option<(SystemTime, u64)>)>,
    next: Instant,
}

impl Watcher {
    fn new(options: &crate::CheckOptions) -> Self {
        let mut watcher = Self {
            // The whole repository: a change in any plan can change what the paths show.
            plans: options
                .root
                .clone()
                .map_or_else(|| options.paths.clone(), |root| vec![root]),
            rules: options.rules.clone(),
            stamps: Vec::new(),
            next: Instant::now() + WATCH_EVERY,
        };
        watcher.stamps = watcher.scan();
        watcher
    }

    fn scan(&self) -> Vec<(PathBuf, Option<(SystemTime, u64)>)> {
        let mut paths: Vec<PathBuf> = crate::discover::discover(&self.plans)
            .map(|inputs| inputs.into_iter().map(|input| input.path).collect())
            .unwrap_or_default();
        for root in &self.rules {
            paths.extend(
                walkdir::WalkDir::new(root)
                    .follow_links(true)
                    .into_iter()
                    .filter_map(Result::ok)
                    .filter(|entry| entry.file_type().is_file())
                    .map(walkdir::DirEntry::into_path),
            );
        }
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let stamp = std::fs::metadata(&path)
                    .ok()
                    .and_then(|meta| meta.modified().ok().map(|time| (time, meta.len())));
                (path, stamp)
            })
            .collect()
    }

    /// How long until the next look.
    fn timeout(&self) -> Duration {
        self.next.saturating_duration_since(Instant::now())
    }

    /// Whether a file changed, appeared or went away since the last look (looks at most
    /// every [`WATCH_EVERY`]).
    fn changed(&mut self) -> bool {
        if Instant::now() < self.next {
            return false;
        }
        self.next = Instant::now() + WATCH_EVERY;
        let stamps = self.scan();
        if stamps == self.stamps {
            false
        } else {
            self.stamps = stamps;
            true
        }
    }

    /// Takes the current state as seen (after a re-lint).
    fn reset(&mut self) {
        self.stamps = self.scan();
        self.next = Instant::now() + WATCH_EVERY;
    }
}
