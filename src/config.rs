//! `alinea.yaml`: the repository's configuration, found from the current folder
//! upwards (or given with `--config`). Command-line flags override it. Unknown
//! keys and bad values are usage errors (exit 2) pointing at the place, with a
//! "did you mean".

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::plan::model::Waiver;
use crate::report::{Diagnostic, Severity};
use crate::source::{FileId, ReadOutcome, SourceDb, SourceFile};

/// The configuration file's name.
pub const FILE_NAME: &str = "alinea.yaml";

/// A read and checked configuration. Paths are resolved against the file's folder.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file.
    pub file: PathBuf,
    /// The file's text (kept so that waivers from it can be shown in reports).
    pub text: String,
    /// Extra rule files and folders.
    pub rules: Vec<PathBuf>,
    /// Rules to report (ids, slugs, prefixes); `None` for all.
    pub select: Option<Vec<String>>,
    /// Rules not to report.
    pub ignore: Vec<String>,
    /// Per-rule severity overrides (id or slug → severity).
    pub severity: Vec<(String, Severity)>,
    /// The lowest severity that fails the run.
    pub fail_on: Option<Severity>,
    /// Glob patterns of files to leave out, relative to the file's folder.
    pub exclude: Vec<String>,
    /// The baseline file.
    pub baseline: Option<PathBuf>,
    /// The language of the texts people read (`lang: es|en`).
    pub lang: Option<Lang>,
}

impl Config {
    /// The folder the configuration applies from.
    #[must_use]
    pub fn dir(&self) -> &Path {
        self.file.parent().unwrap_or_else(|| Path::new("."))
    }

    /// The waivers of the configuration, read from its text as `file` of a run's sources.
    #[must_use]
    pub fn waivers(&self, file: FileId, source: &SourceFile) -> Vec<Waiver> {
        match crate::plan::yaml::parse(file, source, Lang::En) {
            Ok(document) => {
                crate::plan::load::decode_config(file, &document, Lang::En)
                    .0
                    .waivers
            }
            Err(_) => Vec::new(),
        }
    }
}

/// Why the configuration cannot be used.
#[derive(Debug)]
pub struct ConfigError {
    /// The problems, each at its place.
    pub diagnostics: Vec<Diagnostic>,
    /// The file, for rendering them.
    pub sources: SourceDb,
    /// A problem that has no place (the file cannot be read).
    pub message: Option<String>,
}

/// Finds `alinea.yaml` in `start` or the folders above it.
#[must_use]
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads and checks a configuration file.
///
/// # Errors
/// When it cannot be read or does not follow the format.
pub fn load(path: &Path, lang: Lang) -> Result<Config, ConfigError> {
    let fail = |message: String| ConfigError {
        diagnostics: Vec::new(),
        sources: SourceDb::new(),
        message: Some(message),
    };
    let text = match crate::source::read(path) {
        ReadOutcome::Text(text) => text,
        ReadOutcome::NotUtf8 { .. } | ReadOutcome::Utf16(_) => {
            return Err(fail(crate::tr!(
                lang,
                "load-config-not-utf8",
                path = path.display().to_string(),
            )));
        }
        ReadOutcome::TooLarge(_) => {
            return Err(fail(crate::tr!(
                lang,
                "load-config-too-large",
                path = path.display().to_string(),
            )));
        }
        ReadOutcome::Failed(error) => {
            return Err(fail(crate::tr!(
                lang,
                "load-config-unreadable",
                path = path.display().to_string(),
                error = crate::discover::io_message(&error),
            )));
        }
    };
    let mut sources = SourceDb::new();
    let id = sources.add(path.to_path_buf(), text.clone());
    let document = match crate::plan::yaml::parse(id, sources.file(id), lang) {
        Ok(document) => document,
        Err(error) => {
            let mut diagnostic = Diagnostic::new(error.span, error.message, &error.label);
            diagnostic.help = error.help;
            return Err(ConfigError {
                diagnostics: vec![diagnostic],
                sources,
                message: None,
            });
        }
    };
    let (raw, findings) = crate::plan::load::decode_config(id, &document, lang);
    if !findings.is_empty() {
        let diagnostics = findings
            .into_iter()
            .map(|finding| {
                let mut diagnostic = Diagnostic::new(finding.span, finding.message, &finding.label);
                diagnostic.help = finding.help;
                diagnostic
            })
            .collect();
        return Err(ConfigError {
            diagnostics,
            sources,
            message: None,
        });
    }
    let file = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = file.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    let relative = |p: &str| {
        let joined = dir.join(p);
        crate::source::relative_to_cwd(&joined)
    };
    Ok(Config {
        rules: raw.rules.iter().map(|r| relative(&r.value)).collect(),
        select: raw
            .select
            .map(|list| list.into_iter().map(|s| s.value.into()).collect()),
        ignore: raw.ignore.into_iter().map(|s| s.value.into()).collect(),
        severity: raw
            .severity
            .into_iter()
            .map(|(rule, severity)| (rule.value.into(), severity.value))
            .collect(),
        fail_on: raw.fail_on.map(|f| f.value),
        exclude: raw.exclude.into_iter().map(|s| s.value.into()).collect(),
        baseline: raw.baseline.map(|b| relative(&b.value)),
        lang: raw.lang.map(|l| l.value),
        file,
        text,
    })
}
