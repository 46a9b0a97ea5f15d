//! Stage 1: find the YAML files under the paths the user gave.
//!
//! Hidden folders and `target/` are skipped; symbolic links are followed and
//! loops are reported (as a file that cannot be read) instead of followed
//! forever; a file reached twice through links is read once. The order is
//! sorted by path, so results never depend on the file system's order.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// A file to read, or a place that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path, as reached from the user's path.
    pub path: PathBuf,
    /// Why the place could not be walked (a symlink loop, a permission error).
    pub problem: Option<String>,
    /// The text, for inputs that do not come from the disk (embedded rule cases).
    pub text: Option<String>,
}

/// A path given by the user that does not exist.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("path `{path}` does not exist")]
#[diagnostic(code(alinea::usage))]
pub struct MissingPathError {
    path: String,
}

/// Every YAML file under `roots`, sorted within each root; explicit file paths are taken whatever their extension.
///
/// # Errors
/// When a root does not exist.
pub fn discover(roots: &[PathBuf]) -> Result<Vec<Input>, MissingPathError> {
    discover_excluding(roots, None)
}

/// [`discover`], leaving out files that match glob patterns relative to a base folder
/// (the configuration's `exclude`). Bad patterns never match.
///
/// # Errors
/// When a root does not exist.
pub fn discover_excluding(
    roots: &[PathBuf],
    exclude: Option<(&Path, &[String])>,
) -> Result<Vec<Input>, MissingPathError> {
    let excluded = exclude.and_then(|(base, patterns)| {
        let mut builder = globset::GlobSetBuilder::new();
        for pattern in patterns {
            if let Ok(glob) = globset::GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
            {
                builder.add(glob);
            }
        }
        builder.build().ok().map(|set| (base.to_path_buf(), set))
    });
    let is_excluded = |path: &Path| {
        excluded.as_ref().is_some_and(|(base, set)| {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            absolute
                .strip_prefix(base)
                .is_ok_and(|relative| set.is_match(relative))
        })
    };
    let mut seen = HashSet::new();
    let mut inputs = Vec::new();
    for root in roots {
        if std::fs::symlink_metadata(root).is_err() {
            return Err(MissingPathError {
                path: root.display().to_string(),
            });
        }
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !skipped_dir(entry));
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let explicit = entry.depth() == 0;
                    if !entry.file_type().is_file()
                        || !(explicit || is_yaml(entry.path()))
                        || is_excluded(entry.path())
                    {
                        continue;
                    }
                    let key = std::fs::canonicalize(entry.path())
                        .unwrap_or_else(|_| entry.path().to_path_buf());
                    if seen.insert(key) {
                        inputs.push(Input {
                            path: entry.path().to_path_buf(),
                            problem: None,
                            text: None,
                        });
                    }
                }
                Err(error) => {
                    let path = error.path().map_or_else(|| root.clone(), Path::to_path_buf);
                    let problem = if let Some(ancestor) = error.loop_ancestor() {
                        format!(
                            "symbolic link loop: `{}` leads back to `{}`",
                            crate::source::display_path(&path),
                            crate::source::display_path(ancestor)
                        )
                    } else if let Some(io) = error.io_error() {
                        // A link to itself or to nothing is an IO error on a path that is not a folder.
                        format!("cannot be read: {}", io_message(io))
                    } else {
                        format!("cannot be read: {error}")
                    };
                    if is_yaml(&path) || error.loop_ancestor().is_some() || path.is_dir() {
                        inputs.push(Input {
                            path,
                            problem: Some(problem),
                            text: None,
                        });
                    }
                }
            }
        }
    }
    Ok(inputs)
}

/// The lowercase, sentence-style text of an IO error.
#[must_use]
pub fn io_message(error: &std::io::Error) -> String {
    let text = error.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_owned();
    let mut chars = text.chars();
    chars.next().map_or(text.clone(), |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

fn skipped_dir(entry: &walkdir::DirEntry) -> bool {
    if !entry.file_type().is_dir() {
        return false;
    }
    let name = entry.file_name().to_string_lossy();
    name.starts_with('.') || name == "target" || name == "node_modules"
}

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"))
}
