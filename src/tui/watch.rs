//! Watches plan and rule files with the operating system's file events (`notify`):
//! nothing is walked or polled, so an idle browser costs nothing. Events come on a
//! channel that the terminal loop drains; those about plan and rule files start a
//! [`Debounce`], and a re-lint follows once the files have been quiet for [`QUIET`].

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

/// How long files must stay quiet after a change before the re-lint.
pub const QUIET: Duration = Duration::from_millis(200);
/// A stream of changes re-lints at least this often (a long checkout, a generator).
pub const AT_MOST: Duration = Duration::from_secs(2);

/// Waits for files to be quiet: a trailing debounce, capped at [`AT_MOST`] after the first
/// change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Debounce {
    first: Option<Instant>,
    due: Option<Instant>,
}

impl Debounce {
    /// A change at `now`.
    pub fn changed(&mut self, now: Instant) {
        let first = *self.first.get_or_insert(now);
        self.due = Some((now + QUIET).min(first + AT_MOST));
    }

    /// Forgets the changes seen (a run that starts now sees them).
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Whether the files have been quiet long enough at `now` (then forgets the changes).
    pub fn due(&mut self, now: Instant) -> bool {
        if self.due.is_some_and(|due| due <= now) {
            self.clear();
            true
        } else {
            false
        }
    }

    /// How long until [`due`](Self::due) holds, if a change waits.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        self.due.map(|due| due.saturating_duration_since(now))
    }
}

/// Whether a file event can change a run: a plan (`.yaml`, `.yml`), a rule file (`.rule`)
/// or a file named on the command line was written, created, removed or renamed, or a
/// folder (which may hold plans) was removed or renamed. Reads are not changes (the
/// linter's own reads would loop).
pub fn relevant(event: &notify::Event, named: &[PathBuf]) -> bool {
    let moved = matches!(
        event.kind,
        EventKind::Remove(_) | EventKind::Modify(notify::event::ModifyKind::Name(_))
    );
    match event.kind {
        EventKind::Access(_) | EventKind::Other => false,
        _ => event.paths.iter().any(|path| {
            named.iter().any(|name| name == path)
                || match path.extension().and_then(|e| e.to_str()) {
                    Some(extension) => {
                        matches!(extension, "yaml" | "yml" | "rule")
                            && !hidden(path.file_name().and_then(|n| n.to_str()))
                    }
                    None => moved,
                }
        }),
    }
}

/// Editors' scratch files (`.plan.yaml.swp` has another extension; `.#plan.yaml` is
/// emacs' lock).
fn hidden(name: Option<&str>) -> bool {
    name.is_some_and(|name| name.starts_with(".#"))
}

/// The operating system's watch over the run's files.
pub struct Watch {
    // Kept alive: dropping it stops the events.
    _watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    named: Vec<PathBuf>,
    debounce: Debounce,
    /// The files the relevant events named since the last run (`None`: unknown).
    paths: Option<Vec<PathBuf>>,
}

impl Watch {
    /// Watches `folders` recursively (the repository, or the paths, and the rule
    /// folders); a file among them is watched through its folder, so that editors that
    /// save by renaming are seen.
    ///
    /// # Errors
    /// When the system's watcher cannot be set up (no inotify left, say).
    pub fn new(roots: &[PathBuf]) -> notify::Result<Self> {
        let (sender, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(sender)?;
        let mut named = Vec::new();
        for root in roots {
            let absolute = std::path::absolute(root).unwrap_or_else(|_| root.clone());
            if absolute.is_file() {
                let folder = absolute.parent().unwrap_or(Path::new("/"));
                watcher.watch(folder, RecursiveMode::NonRecursive)?;
                named.push(absolute);
            } else {
                watcher.watch(&absolute, RecursiveMode::Recursive)?;
            }
        }
        Ok(Self {
            _watcher: watcher,
            events,
            named,
            debounce: Debounce::default(),
            paths: Some(Vec::new()),
        })
    }

    /// Takes the events that came in (at `now`).
    pub fn drain(&mut self, now: Instant) {
        while let Ok(event) = self.events.try_recv().map(Result::ok) {
            // An error (a watch lost, an overflow) may hide a change.
            match event {
                Some(event) if relevant(&event, &self.named) => {
                    self.debounce.changed(now);
                    if let Some(paths) = &mut self.paths {
                        paths.extend(event.paths);
                    }
                }
                Some(_) => {}
                None => {
                    self.debounce.changed(now);
                    self.paths = None;
                }
            }
        }
    }

    /// Forgets the changes seen so far (a run is starting or queued: it will see them), and
    /// says which files they were: `None` when that is not known (an error of the watcher,
    /// or no change seen: a reload the user asked for reads every file again).
    pub fn seen(&mut self) -> Option<Vec<PathBuf>> {
        self.debounce.clear();
        let paths = self.paths.replace(Vec::new())?;
        (!paths.is_empty()).then_some(paths)
    }

    /// Whether changes have settled and a re-lint is due.
    pub fn due(&mut self, now: Instant) -> bool {
        self.debounce.due(now)
    }

    /// How long until a re-lint may be due.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        self.debounce.wait(now)
    }
}
