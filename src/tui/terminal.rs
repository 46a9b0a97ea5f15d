//! The only module of the browser that does terminal IO: it takes the terminal over
//! (raw mode, alternate screen, mouse), gives it back on quit, on error, on panic and on
//! SIGTERM or SIGHUP, runs the event loop, and carries out the model's [`Effect`]s
//! (suspending the screen and pausing input while the editor runs).
//!
//! Runs go on in the [worker](super::worker)'s thread and file changes come from the
//! operating system ([`watch`](super::watch)), so the loop never waits on either: it
//! draws the loading screen until the first run arrives, then the model, with a spinner
//! in the status line while a re-lint runs. Keys come from a thread of their own
//! ([`input`]), so that a terminal that went away is noticed. Asleep, the
//! loop waits on the keys' channel and wakes every [`IDLE`] to look at two more and at a
//! flag, and costs nothing else.

#[cfg(test)]
mod tests;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::DefaultTerminal;

use super::TuiStyle;
use super::app::{Effect, Model, Msg, dispatch};
use super::editor;
use super::input::{self, Input};
use super::keys::Action;
use super::view::{loading, view};
use super::watch::Watch;
use super::worker::{Outcome, Worker};
use crate::i18n::Lang;
use crate::tr;

/// How long the first run may take before the loading screen shows: a run that fails
/// fast (broken rules, a missing path) is reported before the terminal is taken over.
pub const FIRST_WAIT: Duration = Duration::from_millis(150);
/// The spinner's tick: how often the screen is redrawn while a run goes on.
pub const TICK: Duration = Duration::from_millis(100);
/// How often an idle browser wakes up, to see a signal or a finished run.
pub const IDLE: Duration = Duration::from_millis(250);
/// At most this many queued events are handled before the screen is redrawn.
const EVENT_BATCH: usize = 64;

/// Why the browser could not run.
#[derive(Debug)]
pub enum Error {
    /// The terminal (or a thread) cannot be used.
    Terminal(io::Error),
    /// The first run could not start (broken rules, a missing path…): the terminal has
    /// been given back, for the caller to report it as `alinea check` does.
    FirstRun(crate::CheckError),
}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Self::Terminal(error)
    }
}

/// How the browser ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    /// The user quit.
    Quit,
    /// This signal (SIGTERM, SIGHUP) came.
    Signal(i32),
}

/// Runs the browser until the user quits: the first run and every re-lint go on in a
/// worker thread; the terminal is restored on every way out. On SIGTERM or SIGHUP the
/// terminal is restored and the process ends by the signal.
///
/// # Errors
/// When the first run cannot start, or the terminal cannot be used.
pub fn run(options: &crate::CheckOptions, style: TuiStyle) -> Result<(), Error> {
    let signals = Signals::register()?;
    let mut worker = Worker::start(options.clone())?;
    // Watching starts with the first run, so that a save made during it is seen; in a
    // thread, as it walks every folder of the repository.
    let roots = watched(options);
    let watch = std::thread::Builder::new()
        .name("alinea-watch".to_owned())
        .spawn(move || Watch::new(&roots).map_err(|error| error.to_string()))?;
    let first = worker.wait_outcome(FIRST_WAIT);
    let first = match first {
        Some(Err(error)) => return Err(Error::FirstRun(error)),
        Some(Ok(run)) => Some(run),
        None => None,
    };
    // crossterm drops every style under NO_COLOR (the selection would vanish); the
    // monochrome theme handles NO_COLOR instead.
    crossterm::style::force_color_output(true);
    let mut terminal = ratatui::try_init()?;
    let restore = Restore;
    install_panic_hook();
    let end = browse(
        &mut terminal,
        first,
        watch,
        &mut worker,
        &signals,
        options.lang,
        style,
    );
    drop(restore);
    match end? {
        End::Quit => {
            signals.unregister();
            Ok(())
        }
        End::Signal(signal) => {
            // The terminal is back: end as the signal would have ended us.
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal)
        }
    }
}

/// The repository (or the paths) and the rule files: what a change in can change a run.
fn watched(options: &crate::CheckOptions) -> Vec<PathBuf> {
    let mut roots = options
        .root
        .clone()
        .map_or_else(|| options.paths.clone(), |root| vec![root]);
    roots.extend(options.rules.iter().cloned());
    roots
}

/// The loading screen until the first run arrives, then the browser.
fn browse(
    terminal: &mut DefaultTerminal,
    first: Option<super::index::Prepared>,
    watch: JoinHandle<Result<Watch, String>>,
    worker: &mut Worker,
    signals: &Signals,
    lang: Lang,
    style: TuiStyle,
) -> Result<End, Error> {
    execute!(io::stdout(), EnableMouseCapture)?;
    let mut input = Input::start()?;
    let first = match first {
        Some(run) => run,
        None => match load(terminal, &input, worker, signals, lang, style)? {
            Loading::Done(outcome) => match *outcome {
                Ok(run) => run,
                Err(error) => return Err(Error::FirstRun(error)),
            },
            Loading::End(end) => return Ok(end),
        },
    };
    let mut model = Model::prepared(first, style);
    let size = terminal.size()?;
    dispatch(&mut model, Msg::Resize(size.width, size.height));
    let mut watching = Watching::Starting(watch);
    event_loop(
        terminal,
        &mut model,
        &mut input,
        worker,
        &mut watching,
        signals,
    )
}

/// The file watch, while it is set up in its thread, then ready (or off).
enum Watching {
    Starting(JoinHandle<Result<Watch, String>>),
    Ready(Watch),
    Off,
}

impl Watching {
    /// The watch, once set up; a watch that could not be set up is said in the status line.
    fn get(&mut self, model: &mut Model) -> Option<&mut Watch> {
        if matches!(self, Self::Starting(thread) if thread.is_finished()) {
            let Self::Starting(thread) = std::mem::replace(self, Self::Off) else {
                return None;
            };
            match thread.join() {
                Ok(Ok(watch)) => *self = Self::Ready(watch),
                Ok(Err(error)) => {
                    let text = tr!(model.lang(), "tui-watch-failed", error = error);
                    dispatch(model, Msg::Status(text));
                }
                Err(_) => {}
            }
        }
        match self {
            Self::Ready(watch) => Some(watch),
            Self::Starting(_) | Self::Off => None,
        }
    }
}

/// How the loading screen ended.
enum Loading {
    /// The first run arrived.
    Done(Box<Outcome>),
    /// The user quit, or a signal came.
    End(End),
}

/// Draws the loading screen, with the run's progress, until the first run arrives; `q`
/// and `ctrl-c` quit.
fn load(
    terminal: &mut DefaultTerminal,
    input: &Input,
    worker: &mut Worker,
    signals: &Signals,
    lang: Lang,
    style: TuiStyle,
) -> Result<Loading, Error> {
    let mut tick = 0;
    loop {
        terminal.draw(|frame| loading::draw(frame, worker.progress(), lang, style.color, tick))?;
        if let Some(signal) = signals.hang_up() {
            return Ok(Loading::End(End::Signal(signal)));
        }
        let mut next = input.next(TICK)?;
        while let Some(event) = next {
            if let Event::Key(key) = event
                && key.kind != KeyEventKind::Release
                && (key.code == KeyCode::Char('q')
                    || (key.code == KeyCode::Char('c')
                        && key.modifiers.contains(KeyModifiers::CONTROL)))
            {
                return Ok(Loading::End(End::Quit));
            }
            next = input.try_next()?;
        }
        if let Some(outcome) = worker.try_outcome() {
            return Ok(Loading::Done(Box::new(outcome)));
        }
        tick += 1;
    }
}

/// SIGTERM and SIGHUP, caught into a flag that the loops look at.
struct Signals {
    caught: Arc<AtomicUsize>,
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    fn register() -> io::Result<Self> {
        let caught = Arc::new(AtomicUsize::new(0));
        let mut ids = Vec::new();
        for signal in [
            signal_hook::consts::SIGTERM,
            #[cfg(unix)]
            signal_hook::consts::SIGHUP,
        ] {
            let value = usize::try_from(signal).unwrap_or(usize::MAX);
            ids.push(signal_hook::flag::register_usize(
                signal,
                Arc::clone(&caught),
                value,
            )?);
        }
        Ok(Self { caught, ids })
    }

    /// The signal that came, if one did.
    fn caught(&self) -> Option<i32> {
        match self.caught.load(Ordering::Relaxed) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }

    /// The signal that came, or SIGHUP when the terminal is gone without one (standard
    /// input is no longer a terminal): either ends the browser.
    fn hang_up(&self) -> Option<i32> {
        self.caught().or_else(|| {
            #[cfg(unix)]
            if !input::terminal_alive() {
                return Some(signal_hook::consts::SIGHUP);
            }
            None
        })
    }

    /// Gives the signals their default handling back.
    fn unregister(self) {
        for id in self.ids {
            signal_hook::low_level::unregister(id);
        }
    }
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
    input: &mut Input,
    worker: &mut Worker,
    watching: &mut Watching,
    signals: &Signals,
) -> Result<End, Error> {
    let mut tick = 0;
    let mut next_tick = Instant::now();
    let mut draw = true;
    loop {
        if draw {
            terminal.draw(|frame| view(model, frame))?;
            draw = false;
        }
        if model.should_quit() {
            return Ok(End::Quit);
        }
        if let Some(signal) = signals.hang_up() {
            return Ok(End::Signal(signal));
        }
        let now = Instant::now();
        let mut timeout = if worker.busy() {
            next_tick.saturating_duration_since(now)
        } else {
            IDLE
        };
        if let Some(wait) = watching.get(model).and_then(|watch| watch.wait(now)) {
            timeout = timeout.min(wait);
        }
        let mut next = input.next(timeout)?;
        let mut handled = 0;
        while let Some(event) = next {
            draw = true;
            if let Some(msg) = message(&event) {
                #[cfg(debug_assertions)]
                test_panic(&msg);
                dispatch(model, msg);
            }
            handled += 1;
            next = if model.should_quit() || handled >= EVENT_BATCH {
                None
            } else {
                input.try_next()?
            };
        }
        let now = Instant::now();
        if let Some(watch) = watching.get(model) {
            watch.drain(now);
            if watch.due(now) {
                dispatch(model, Msg::Action(Action::Reload));
            }
        }
        if let Some(outcome) = worker.try_outcome() {
            draw = true;
            if !worker.busy() {
                dispatch(model, Msg::Busy(None));
            }
            let lang = model.lang();
            dispatch(
                model,
                match outcome {
                    Ok(prepared) => Msg::Reloaded(Box::new(prepared)),
                    Err(error) => Msg::ReloadFailed(describe(&error, lang)),
                },
            );
            if let Some(retired) = model.take_retired() {
                // Freed in a thread of its own; should the thread not start, here.
                let _ = std::thread::Builder::new()
                    .name("alinea-free".to_owned())
                    .spawn(move || drop(retired));
            }
        }
        draw |= carry_out(terminal, model, input, worker, watching)?;
        if worker.busy() && Instant::now() >= next_tick {
            tick += 1;
            next_tick = Instant::now() + TICK;
            let text = loading::relinting(worker.progress(), model.lang(), tick);
            dispatch(model, Msg::Busy(Some(text)));
            draw = true;
        }
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

/// Carries out the queued effects, and those their answers queue; true when there were
/// some. A re-lint is handed to the worker (queued behind a running one).
fn carry_out(
    terminal: &mut DefaultTerminal,
    model: &mut Model,
    input: &mut Input,
    worker: &mut Worker,
    watching: &mut Watching,
) -> io::Result<bool> {
    let mut any = false;
    loop {
        let effects = model.take_effects();
        if effects.is_empty() {
            return Ok(any);
        }
        any = true;
        for effect in effects {
            match effect {
                Effect::Reload => {
                    // The run asked for sees every change seen so far, and reads only the
                    // files they named when the watcher knows them.
                    let changed = watching.get(model).and_then(Watch::seen);
                    worker.request(changed);
                }
                Effect::OpenEditor { path, line, column } => {
                    // Every key goes to the editor while it runs.
                    input.stop();
                    let result = open_editor(terminal, &path, line, column, model.lang());
                    *input = Input::start()?;
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

/// Leaves the screen, runs the editor (the caller stops reading events meanwhile, so
/// every key goes to the editor), comes back and forces a full redraw.
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
