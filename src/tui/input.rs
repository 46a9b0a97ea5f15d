//! Terminal events, read in a thread of their own.
//!
//! Once the terminal is gone (a closed window, `tmux kill-session`), its device stays
//! readable and every read gives 0 bytes, and crossterm's reader then loops forever
//! without returning, even from a poll with a timeout (crossterm-rs/crossterm#793). Read
//! on the browser's thread, that froze the browser at full CPU, deaf to SIGHUP and
//! SIGTERM. Read here, the browser's loop stays free to see the hang-up (the signal, or
//! its standard input no longer a terminal) and end, which ends this thread too.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

/// How often the reading thread looks whether it should stop.
const POLL: Duration = Duration::from_millis(25);

/// How long [`Input::stop`] waits for the thread to leave crossterm's reader.
const STOP_WAIT: Duration = Duration::from_secs(1);

/// The reading thread, seen from the browser.
pub struct Input {
    events: Receiver<io::Result<Event>>,
    stop: Arc<AtomicBool>,
}

impl Input {
    /// Starts reading.
    ///
    /// # Errors
    /// When the thread cannot be started.
    pub fn start() -> io::Result<Self> {
        let (send, events) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("alinea-input".to_owned())
            .spawn(move || {
                while !stopping.load(Ordering::Relaxed) {
                    let event = match event::poll(POLL) {
                        Ok(false) => continue,
                        Ok(true) => event::read(),
                        Err(error) => Err(error),
                    };
                    let failed = event.is_err();
                    // Ends when the browser is gone, or after telling it reading failed.
                    if send.send(event).is_err() || failed {
                        break;
                    }
                }
            })?;
        Ok(Self { events, stop })
    }

    /// The next event, waiting at most `wait`; `None` when none came.
    ///
    /// # Errors
    /// When reading failed, or the thread is gone.
    pub fn next(&self, wait: Duration) -> io::Result<Option<Event>> {
        match self.events.recv_timeout(wait) {
            Ok(event) => event.map(Some),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(gone()),
        }
    }

    /// The next event if one is waiting.
    ///
    /// # Errors
    /// When reading failed, or the thread is gone.
    pub fn try_next(&self) -> io::Result<Option<Event>> {
        match self.events.try_recv() {
            Ok(event) => event.map(Some),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(gone()),
        }
    }

    /// Stops reading and waits (a second at most) until the thread has left crossterm's
    /// reader, so that another program (the editor) gets every key. Events read but not
    /// taken are dropped. [`Input::start`] reads again.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
        let deadline = Instant::now() + STOP_WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.events.recv_timeout(left) {
                Ok(_) => {}
                Err(RecvTimeoutError::Disconnected | RecvTimeoutError::Timeout) => break,
            }
        }
    }
}

fn gone() -> io::Error {
    io::Error::new(io::ErrorKind::BrokenPipe, "the terminal input ended")
}

/// Whether the terminal the browser runs in is still there: after a hang-up, standard
/// input is no longer a terminal.
pub fn terminal_alive() -> bool {
    use std::io::IsTerminal as _;
    io::stdin().is_terminal()
}
