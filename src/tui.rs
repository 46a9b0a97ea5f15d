//! Stage 8: the interactive browser (`alinea browse`), over the same [`Run`](crate::Run)
//! as `alinea check`: a view, never a second engine.
//!
//! The browser follows the Elm architecture:
//!
//! - [`app`]: the [`Model`](app::Model) (everything on screen and why), the
//!   [`Msg`](app::Msg) enum, and [`update`](app::update), a pure function that
//!   turns a message into a new state and maybe a follow-up message. Side effects
//!   (open the editor, re-lint, copy) are queued as [`Effect`](app::Effect)s for the
//!   terminal loop to carry out.
//! - [`view`]: [`view`](view::view) draws a model into a frame and changes nothing;
//!   [`layout`] is the one place that decides where panes go, shared by the view and
//!   by mouse handling in `update`.
//! - [`terminal`]: the only module that touches the terminal: init and restore (also
//!   on error, panic, SIGTERM and SIGHUP), the event loop, suspending for the editor;
//!   [`worker`] lints in a thread of its own (a re-lint asked for during a run is queued),
//!   [`watch`] turns the operating system's file events into debounced re-lints.
//! - Every word shown comes from the catalogue of the run's language
//!   (`src/i18n/<lang>/tui.ftl`, through [`tr!`](crate::tr)); [`strings`] keeps the words
//!   repeated on every row ready, [`keys`] is the keymap (the help is generated from it,
//!   the keys are the same in every language) and [`theme`] has the colour and
//!   monochrome styles.
//! - [`index`] derives lookups and counts from a run once; [`filter`], [`trace`] and
//!   [`coverage`] compute the content of the views; [`editor`] builds the editor's
//!   command line. All of these are pure and unit-tested.
//!
//! The whole screen is snapshot-tested through ratatui's `TestBackend` in
//! `tests/it/tui.rs`, and the real binary is driven in tmux.

pub mod app;
pub mod coverage;
pub mod editor;
pub mod filter;
pub mod index;
pub mod input;
pub mod keys;
pub mod layout;
pub mod strings;
pub mod terminal;
pub mod theme;
pub mod trace;
pub mod view;
pub mod watch;
pub mod worker;

/// How the browser should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TuiStyle {
    /// Use colours (false for `NO_COLOR` / `--color never`: a monochrome theme in
    /// which the selection is reversed and bold).
    pub color: bool,
}

/// Runs the browser over the plans of `options` until the user quits: the loading screen
/// while the first run goes on (a worker thread lints; a run that fails fast is reported
/// before the terminal is taken over), then the browser.
///
/// # Errors
/// When the terminal cannot be used, or the first run cannot start (a missing path,
/// broken rules): [`terminal::Error::FirstRun`] carries it, the terminal given back.
pub fn run(options: &crate::CheckOptions, style: TuiStyle) -> Result<(), terminal::Error> {
    terminal::run(options, style)
}
