//! Lints in a thread of its own, so that the browser keeps drawing and answering keys
//! while a run goes on (the first one included).
//!
//! Each run after the first takes the files whose text has not changed from the last one
//! ([`RunCache`](crate::RunCache)): a save re-parses one file, and re-evaluates only
//! the verdicts that read a plan that changed.
//!
//! One run at a time: a re-lint asked for while one runs is queued, and any number of
//! such requests make one more run ([`Lints`]), which starts as soon as the running one
//! ends, so that a save made during a run is never lost.

#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::Duration;

use super::index::Prepared;
use crate::{CheckError, CheckOptions, Progress};

/// What a run gives: a run with its index (built here, off the browser's thread), or why
/// it could not start.
pub type Outcome = Result<Prepared, CheckError>;

/// Whether a run is going on and whether another one is wanted after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lints {
    running: bool,
    queued: bool,
}

impl Lints {
    /// A run is asked for: true when it should start now; false when one is running (it
    /// is queued, once however often it is asked for).
    pub fn request(&mut self) -> bool {
        if self.running {
            self.queued = true;
            false
        } else {
            self.running = true;
            true
        }
    }

    /// The running run ended: true when a queued run should start now.
    pub fn finished(&mut self) -> bool {
        self.running = std::mem::take(&mut self.queued);
        self.running
    }

    /// Whether a run is going on.
    pub fn running(&self) -> bool {
        self.running
    }
}

/// The linting thread, seen from the browser.
pub struct Worker {
    /// A run asked for, with the files that changed since the last one (`None`: unknown).
    requests: Sender<Option<Vec<PathBuf>>>,
    /// The files changed since the last run was asked for.
    pending: Vec<PathBuf>,
    /// Whether a change since the last run was asked for is of unknown files.
    unknown: bool,
    outcomes: Receiver<Outcome>,
    progress: Arc<Progress>,
    lints: Lints,
    lang: crate::i18n::Lang,
}

impl Worker {
    /// Starts the thread and the first run over `options` (every run uses them).
    ///
    /// # Errors
    /// When the thread cannot be started.
    pub fn start(options: CheckOptions) -> std::io::Result<Self> {
        let lang = options.lang;
        let (requests, asked) = mpsc::channel::<Option<Vec<PathBuf>>>();
        let (answer, outcomes) = mpsc::channel();
        let progress = Arc::new(Progress::default());
        let shared = Arc::clone(&progress);
        std::thread::Builder::new()
            .name("alinea-lint".to_owned())
            .spawn(move || {
                // The lint leaves one core to the browser, so that keys are answered while
                // it runs (with one core, it shares it). Without a pool of its own, it runs
                // on the global one.
                let cores = std::thread::available_parallelism().map_or(1, usize::from);
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(cores.saturating_sub(1).max(1))
                    .thread_name(|i| format!("alinea-lint-{i}"))
                    .build()
                    .ok();
                // What the last run loaded: a re-lint parses only the files that changed.
                let mut cache = crate::RunCache::default();
                // Ends when the browser drops its side of either channel.
                while let Ok(changed) = asked.recv() {
                    if let Some(paths) = changed {
                        cache.changed(paths);
                    }
                    let mut lint = || {
                        crate::check_incremental(&options, &shared, &mut cache).map(Prepared::new)
                    };
                    let outcome = match &pool {
                        Some(pool) => pool.install(lint),
                        None => lint(),
                    };
                    if answer.send(outcome).is_err() {
                        break;
                    }
                }
            })?;
        let mut worker = Self {
            requests,
            pending: Vec::new(),
            unknown: false,
            outcomes,
            progress,
            lints: Lints::default(),
            lang,
        };
        worker.request(None);
        Ok(worker)
    }

    /// Asks for a run, after the files `changed` changed (`None`: unknown, every file is
    /// read again): it starts now, or after the running one.
    pub fn request(&mut self, changed: Option<Vec<PathBuf>>) {
        match changed {
            Some(paths) => self.pending.extend(paths),
            None => self.unknown = true,
        }
        if self.lints.request() {
            self.send();
        }
    }

    /// Sends the request, with the changes gathered since the last one.
    fn send(&mut self) {
        let paths = std::mem::take(&mut self.pending);
        let known = !std::mem::take(&mut self.unknown);
        let _ = self.requests.send(known.then_some(paths));
    }

    /// Whether a run is going on.
    pub fn busy(&self) -> bool {
        self.lints.running()
    }

    /// How far the running run has got.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The outcome of the running run if it has ended (the queued run, if any, starts).
    pub fn try_outcome(&mut self) -> Option<Outcome> {
        match self.outcomes.try_recv() {
            Ok(outcome) => Some(self.ended(outcome)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => self.stopped(),
        }
    }

    /// [`try_outcome`](Self::try_outcome), waiting at most `wait` for it.
    pub fn wait_outcome(&mut self, wait: Duration) -> Option<Outcome> {
        match self.outcomes.recv_timeout(wait) {
            Ok(outcome) => Some(self.ended(outcome)),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => self.stopped(),
        }
    }

    fn ended(&mut self, outcome: Outcome) -> Outcome {
        if self.lints.finished() {
            self.send();
        }
        outcome
    }

    /// The thread is gone (it can only have panicked): said once, as a failed run.
    fn stopped(&mut self) -> Option<Outcome> {
        if !self.lints.running() {
            return None;
        }
        self.lints = Lints::default();
        Some(Err(CheckError::Usage(
            crate::tr!(self.lang, "tui-worker-stopped"),
            Vec::new(),
        )))
    }
}
