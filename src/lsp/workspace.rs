//! The server's state: the repository, the editor's open buffers, and the last run.
//!
//! [`Workspace::check`] is the one place the server runs the check: every change of the
//! check's signature is adapted here.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_types::Url;

use crate::i18n::Lang;
use crate::source::FileId;
use crate::{CheckOptions, Progress, Run};

/// An editor buffer the client opened.
#[derive(Debug)]
pub(crate) struct Buffer {
    /// The URI the client names it by.
    pub(crate) uri: Url,
    /// Its text, saved or not.
    pub(crate) text: String,
    /// The client's version of the text.
    pub(crate) version: i32,
}

/// The repository the server checks, and what it knows of it.
#[derive(Debug)]
pub(crate) struct Workspace {
    /// The folder the client opened, as `check` would be given it.
    folder: PathBuf,
    /// `--lang`, when the client's initialization options name a language.
    lang_flag: Option<Lang>,
    /// The run's options, as `alinea check <root>` builds them.
    options: Option<CheckOptions>,
    /// Why the options or the last run could not be had (a broken configuration or rule
    /// file), in the run's language.
    pub(crate) problem: Option<String>,
    cache: crate::RunCache,
    /// The last run that succeeded.
    pub(crate) run: Option<Run>,
    /// The files of the last run, by path.
    files: rustc_hash::FxHashMap<PathBuf, FileId>,
    /// Open buffers, by canonical path.
    pub(crate) buffers: HashMap<PathBuf, Buffer>,
    /// Whether a buffer or a file changed since the last run.
    pub(crate) dirty: bool,
}

impl Workspace {
    /// The workspace of a folder; `lang_flag` as `--lang` would give it.
    pub(crate) fn new(folder: &Path, lang_flag: Option<Lang>) -> Self {
        let mut workspace = Self {
            folder: crate::discover::absolute_key(folder),
            lang_flag,
            options: None,
            problem: None,
            cache: crate::RunCache::default(),
            run: None,
            files: rustc_hash::FxHashMap::default(),
            buffers: HashMap::new(),
            dirty: true,
        };
        workspace.reload_options();
        workspace
    }

    /// The run's language: the client's, else the configuration's, else the environment's.
    pub(crate) fn lang(&self) -> Lang {
        self.options.as_ref().map_or_else(
            || Lang::choose(self.lang_flag, None),
            |options| options.lang,
        )
    }

    /// Builds the run's options as `alinea check` does for the repository around the folder
    /// (the configuration is read again: after `alinea.yaml` is saved, say).
    pub(crate) fn reload_options(&mut self) {
        let lang = self.lang_flag.map(Lang::as_str);
        let options_for = |path: &Path| {
            let path = path.to_string_lossy();
            let mut line = vec!["check", path.as_ref()];
            if let Some(lang) = lang {
                line.extend(["--lang", lang]);
            }
            crate::cli::run_options(&line).ok()
        };
        // The root as `check` finds it; every plan file under it is reported.
        let options = options_for(&self.folder).and_then(|options| match &options.root {
            Some(root) if *root != self.folder => options_for(root),
            _ => Some(options),
        });
        self.problem = options
            .is_none()
            .then(|| crate::tr!(self.lang(), "lsp-no-options"));
        // The editor shows diagnostics, not the public value profiles.
        self.options = options.map(|options| CheckOptions {
            no_profiles: true,
            ..options
        });
        self.dirty = true;
    }

    /// Runs the check over the repository with the open buffers' text, if anything changed
    /// since the last run. The one call into the check.
    pub(crate) fn check(&mut self) {
        if !self.dirty {
            return;
        }
        self.dirty = false;
        let Some(options) = &self.options else { return };
        match crate::check_incremental(options, &Progress::default(), &mut self.cache) {
            Ok(run) => {
                // The files are usually the last run's, in the same order: the map stays.
                let same = self.run.as_ref().is_some_and(|last| {
                    last.sources.len() == run.sources.len()
                        && last.sources.files().zip(run.sources.files()).all(|(a, b)| {
                            a.0 == b.0 && a.1.path().as_os_str() == b.1.path().as_os_str()
                        })
                });
                if !same {
                    self.files = run
                        .sources
                        .files()
                        .map(|(id, file)| (file.path().to_path_buf(), id))
                        .collect();
                }
                // The last run is freed on another thread: the diagnostics need not wait.
                if let Some(last) = self.run.replace(run) {
                    rayon::spawn(move || drop(last));
                }
                self.problem = None;
            }
            Err(error) => self.problem = Some(problem(&error, options.lang)),
        }
    }

    /// The options every run uses, once they could be made.
    pub(crate) fn options(&self) -> Option<&CheckOptions> {
        self.options.as_ref()
    }

    /// The next run walks the repository and reads every file (after a save, when other
    /// tools may have changed files too).
    pub(crate) fn rescan(&mut self) {
        self.cache.rescan();
        self.dirty = true;
    }

    /// Opens or changes a buffer: its text is what the next run reads for the file.
    pub(crate) fn set_buffer(&mut self, uri: Url, text: String, version: i32) {
        let Some(path) = super::convert::path_of(&uri) else {
            return;
        };
        let key = crate::discover::absolute_key(&path);
        self.cache.load.set_overlay(key.clone(), Some(text.clone()));
        // Between saves, a run reads only the buffers that changed.
        self.cache.changed([key.clone()]);
        self.buffers.insert(key, Buffer { uri, text, version });
        self.dirty = true;
    }

    /// Closes a buffer: the next run reads the file from the disk.
    pub(crate) fn close_buffer(&mut self, uri: &Url) {
        let Some(path) = super::convert::path_of(uri) else {
            return;
        };
        let key = crate::discover::absolute_key(&path);
        self.cache.load.set_overlay(key.clone(), None);
        self.cache.changed([key.clone()]);
        self.buffers.remove(&key);
        self.dirty = true;
    }

    /// The buffer behind a URI.
    pub(crate) fn buffer(&self, uri: &Url) -> Option<&Buffer> {
        let path = super::convert::path_of(uri)?;
        self.buffers.get(&crate::discover::absolute_key(&path))
    }

    /// The file of the last run behind a URI.
    pub(crate) fn file_id(&self, uri: &Url) -> Option<FileId> {
        let path = super::convert::path_of(uri)?;
        self.files
            .get(&path)
            .or_else(|| self.files.get(&crate::discover::absolute_key(&path)))
            .copied()
    }

    /// The URI of a file of the last run: the client's own when the file is open.
    pub(crate) fn uri(&self, id: FileId) -> Option<Url> {
        let run = self.run.as_ref()?;
        let path = run.sources.file(id).path();
        self.buffers
            .get(path)
            .map(|buffer| buffer.uri.clone())
            .or_else(|| super::convert::uri_of(path))
    }
}

/// Why a run could not start, in the run's language, on one line.
fn problem(error: &crate::CheckError, lang: Lang) -> String {
    match error {
        crate::CheckError::Rules { errors, .. } => {
            crate::tr!(lang, "cli-rule-problems", count = errors.len())
        }
        crate::CheckError::MissingPath(missing) => {
            crate::tr!(lang, "cli-missing-path", path = missing.path())
        }
        crate::CheckError::RulePath(message) => message.clone(),
        crate::CheckError::Usage(message, helps) => std::iter::once(message.as_str())
            .chain(helps.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("; "),
    }
}
