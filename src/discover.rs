//! Stage 1: find the YAML files under the paths the user gave.
//!
//! Hidden folders, `target/` and the configuration files (`alinea.yaml`) are skipped; symbolic links are followed and
//! loops are reported (as a file that cannot be read) instead of followed
//! forever; a file reached twice through links is read once. A named pipe, a device or a
//! socket with a YAML name is reported, never opened. The order is
//! sorted by path, so results never depend on the file system's order. A folder without
//! links is walked in parallel, a subfolder a task (see `Walker::walk`); the files found and
//! their order are those of one walk.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
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
    /// Named on the command line itself (not found by walking a folder): always checked,
    /// and reported when it is not a plan.
    pub explicit: bool,
    /// Under the paths the user asked about: its findings are reported. Files found only
    /// by walking the repository around them give context (references resolve to them)
    /// but are not reported.
    pub reported: bool,
    /// The canonical path (symbolic links resolved), by which files are told apart and
    /// ordered.
    pub key: PathBuf,
}

impl Input {
    /// A file the user asked about, found by walking a folder.
    #[must_use]
    pub fn asked(path: PathBuf) -> Self {
        Self {
            key: path.clone(),
            path,
            problem: None,
            text: None,
            explicit: false,
            reported: true,
        }
    }
}

/// A path given by the user that does not exist.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("path `{path}` does not exist")]
#[diagnostic(code(alinea::usage))]
pub struct MissingPathError {
    path: String,
}

impl MissingPathError {
    /// The path, as the user gave it.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }
}

/// Every YAML file under `roots`, sorted within each root; explicit file paths are taken whatever their extension.
///
/// # Errors
/// When a root does not exist.
pub fn discover(roots: &[PathBuf]) -> Result<Vec<Input>, MissingPathError> {
    discover_excluding(roots, None)
}

/// [`discover`], leaving out files that match glob patterns relative to a base folder
/// (the configuration's `exclude`). Bad patterns never match; files named on the command
/// line are never left out.
///
/// # Errors
/// When a root does not exist.
pub fn discover_excluding(
    roots: &[PathBuf],
    exclude: Option<(&Path, &[String])>,
) -> Result<Vec<Input>, MissingPathError> {
    discover_repository(roots, None, exclude, crate::i18n::Lang::En)
}

/// The files of a run: every YAML file under `paths` (reported), then, when the repository
/// has a `root`, every other YAML file under it (context: references resolve to them, their
/// findings are not reported). Sorted by absolute path, so a run on one file sees the
/// repository in the same order as a run on all of it.
///
/// # Errors
/// When a path does not exist.
pub fn discover_repository(
    paths: &[PathBuf],
    root: Option<&Path>,
    exclude: Option<(&Path, &[String])>,
    lang: crate::i18n::Lang,
) -> Result<Vec<Input>, MissingPathError> {
    let mut walker = Walker::new(exclude);
    walker.lang = lang;
    let mut seen = HashSet::new();
    let mut inputs = Vec::new();
    for path in paths {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(MissingPathError {
                path: path.display().to_string(),
            });
        }
        walker.walk(path, true, &mut seen, &mut inputs);
    }
    // The repository around the paths, unless a path already holds all of it.
    if let Some(root) = root
        && !paths
            .iter()
            .any(|path| absolute_key(root).starts_with(absolute_key(path)))
    {
        let shown = crate::source::relative_to_cwd(root);
        let shown = if shown.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            shown
        };
        walker.walk(&shown, false, &mut seen, &mut inputs);
        inputs.sort_by(|a, b| a.key.cmp(&b.key));
    }
    Ok(inputs)
}

/// The repository a run on `paths` belongs to: the folder of the configuration when it
/// holds every path, else the nearest folder above the paths with a `.git`, else none (the
/// paths are the whole repository).
#[must_use]
pub fn repository_root(paths: &[PathBuf], config_dir: Option<&Path>) -> Option<PathBuf> {
    let absolute: Vec<PathBuf> = paths.iter().map(|path| absolute_key(path)).collect();
    if let Some(dir) = config_dir {
        let dir = absolute_key(dir);
        if absolute.iter().all(|path| path.starts_with(&dir)) {
            return Some(dir);
        }
    }
    let start = common_folder(&absolute)?;
    start
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
}

/// The folder every path is in (a file's folder for a file).
#[must_use]
pub fn common_folder(paths: &[PathBuf]) -> Option<PathBuf> {
    let mut folders = paths.iter().map(|path| {
        let path = absolute_key(path);
        if path.is_dir() {
            path
        } else {
            path.parent()
                .map_or_else(|| path.clone(), Path::to_path_buf)
        }
    });
    let mut common = folders.next()?;
    for folder in folders {
        while !folder.starts_with(&common) {
            if !common.pop() {
                return None;
            }
        }
    }
    Some(common)
}

/// The absolute, canonical form of a path when it exists (the key files are compared by).
#[must_use]
pub fn absolute_key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Whether the configuration's `exclude` leaves this path out.
#[must_use]
pub fn is_excluded(path: &Path, exclude: Option<(&Path, &[String])>) -> bool {
    Walker::new(exclude).excluded(path)
}

/// Walks folders, with the configuration's exclusions.
struct Walker {
    /// The canonical folder the patterns are relative to, the patterns, and the current
    /// folder (asked once: relative paths are made absolute against it).
    excluded: Option<(PathBuf, globset::GlobSet, Option<PathBuf>)>,
    /// The language of the problems it reports.
    lang: crate::i18n::Lang,
}

impl Walker {
    fn new(exclude: Option<(&Path, &[String])>) -> Self {
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
            builder
                .build()
                .ok()
                .map(|set| (absolute_key(base), set, std::env::current_dir().ok()))
        });
        Self {
            excluded,
            lang: crate::i18n::Lang::En,
        }
    }

    fn excluded(&self, path: &Path) -> bool {
        self.excluded.as_ref().is_some_and(|(base, set, cwd)| {
            let absolute = match cwd {
                Some(cwd) if path.is_relative() => std::path::absolute(cwd.join(path)),
                _ => std::path::absolute(path),
            }
            .unwrap_or_else(|_| path.to_path_buf());
            match absolute.strip_prefix(base) {
                Ok(relative) => set.is_match(relative),
                // Reached through a link, or written with `..`: compare the real path.
                Err(_) => absolute_key(path)
                    .strip_prefix(base)
                    .is_ok_and(|relative| set.is_match(relative)),
            }
        })
    }

    /// Whether a walked entry is something other than a file or a folder (a named pipe, a
    /// device, a socket) that would be read as a plan if it were a file.
    fn not_a_file(&self, entry: &walkdir::DirEntry, explicit: bool) -> bool {
        let kind = entry.file_type();
        !kind.is_file()
            && !kind.is_dir()
            && (explicit
                || (is_yaml(entry.path())
                    && !self.excluded(entry.path())
                    && entry.file_name() != crate::config::FILE_NAME))
    }

    /// Walks `root` and adds what it finds to `inputs` (a file reached twice, once).
    ///
    /// A folder is walked in parallel, its subfolders two levels down each a task of its
    /// own (`SPLIT_DEPTH`), when no symbolic link and no error is met: the files found are
    /// then the same, in the same order, as one walk finds. Otherwise (links need the whole
    /// walk to tell loops) it is walked again in one piece.
    fn walk(
        &self,
        root: &Path,
        reported: bool,
        seen: &mut HashSet<PathBuf>,
        inputs: &mut Vec<Input>,
    ) {
        let found = self.walk_split(root, reported).unwrap_or_else(|| {
            let mut found = Vec::new();
            self.walk_from(root, 0, reported, &mut HashMap::new(), &mut found);
            found
        });
        for input in found {
            if seen.insert(input.key.clone()) {
                inputs.push(input);
            }
        }
    }

    /// The inputs under the folder `root` walked in parallel, or `None` when it is not a
    /// folder or holds a link or a place that cannot be read.
    fn walk_split(&self, root: &Path, reported: bool) -> Option<Vec<Input>> {
        if !std::fs::symlink_metadata(root).ok()?.is_dir() {
            return None;
        }
        let mut folders = HashMap::new();
        canonical(&mut folders, root);
        self.split(root, 1, reported, &folders)
    }

    /// The inputs under `folder` (at `depth` from the root): each entry walked on its own,
    /// in parallel, in name order.
    fn split(
        &self,
        folder: &Path,
        depth: usize,
        reported: bool,
        folders: &HashMap<PathBuf, PathBuf>,
    ) -> Option<Vec<Input>> {
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(folder).ok()? {
            let entry = entry.ok()?;
            let kind = entry.file_type().ok()?;
            if kind.is_symlink() {
                return None;
            }
            entries.push((entry.file_name(), kind.is_dir()));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let parts: Vec<Option<Vec<Input>>> = entries
            .par_iter()
            .with_max_len(1)
            .map(|(name, is_dir)| {
                let path = folder.join(name);
                let mut folders = folders.clone();
                if *is_dir && depth < SPLIT_DEPTH {
                    if is_skipped(name) {
                        return Some(Vec::new());
                    }
                    let key = canonical(&mut folders, folder).join(name);
                    folders.insert(path.clone(), key);
                    return self.split(&path, depth + 1, reported, &folders);
                }
                let mut found = Vec::new();
                self.walk_from(&path, depth, reported, &mut folders, &mut found)
                    .then_some(found)
            })
            .collect();
        let mut found = Vec::new();
        for part in parts {
            found.extend(part?);
        }
        Some(found)
    }

    /// Walks `root`, found at `depth` from the walk's root (0: it is the root), adding what
    /// it finds to `found` (a file reached twice, twice). `folders` holds the canonical form
    /// of the folders known. Below the root (`depth > 0`), the walk gives up at the first link
    /// or error (`false`): the caller walks the whole root again in one piece.
    fn walk_from(
        &self,
        root: &Path,
        depth: usize,
        reported: bool,
        folders: &mut HashMap<PathBuf, PathBuf>,
        found: &mut Vec<Input>,
    ) -> bool {
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() + depth == 0 || !skipped_dir(entry));
        // Canonical folders are resolved once each (`folders`): a file's key is its folder's
        // plus its name (or its own, when the file itself is a link), and so is a folder's
        // that is not a link (only the root and links are resolved on the file system).
        let strict = depth > 0;
        for entry in walker {
            match entry {
                Ok(entry) if strict && entry.path_is_symlink() => return false,
                Err(_) if strict => return false,
                Ok(entry) => {
                    if entry.depth() + depth > 0
                        && entry.file_type().is_dir()
                        && !entry.path_is_symlink()
                        && let Some(parent) = entry.path().parent()
                    {
                        let key = canonical(folders, parent).join(entry.file_name());
                        folders.insert(entry.path().to_path_buf(), key);
                    }
                    // A file named on the command line is always taken, whatever its name.
                    let explicit = reported && entry.depth() + depth == 0;
                    // A named pipe, a device or a socket with a plan's name: reported, never
                    // opened (opening a pipe waits for a writer).
                    if self.not_a_file(&entry, explicit) {
                        found.push(Input {
                            problem: Some(crate::tr!(self.lang, "discover-not-a-file")),
                            explicit,
                            reported,
                            key: absolute_key(entry.path()),
                            ..Input::asked(entry.path().to_path_buf())
                        });
                        continue;
                    }
                    if !entry.file_type().is_file()
                        || !(explicit || is_yaml(entry.path()))
                        || (!explicit
                            && (self.excluded(entry.path())
                                || entry.file_name() == crate::config::FILE_NAME))
                    {
                        continue;
                    }
                    let key = match (entry.path_is_symlink(), entry.path().parent()) {
                        (false, Some(parent)) => canonical(folders, parent).join(entry.file_name()),
                        _ => absolute_key(entry.path()),
                    };
                    found.push(Input {
                        explicit,
                        reported,
                        key,
                        ..Input::asked(entry.path().to_path_buf())
                    });
                }
                Err(error) => {
                    let path = error
                        .path()
                        .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                    let lang = self.lang;
                    let problem = if let Some(ancestor) = error.loop_ancestor() {
                        crate::tr!(
                            lang,
                            "discover-loop",
                            path = crate::source::display_path(&path),
                            ancestor = crate::source::display_path(ancestor)
                        )
                    } else if let Some(io) = error.io_error() {
                        // A link to itself or to nothing is an IO error on a path that is not a folder.
                        crate::tr!(lang, "discover-unreadable", reason = io_message(io))
                    } else {
                        crate::tr!(lang, "discover-unreadable", reason = error.to_string())
                    };
                    let key = absolute_key(&path);
                    if is_yaml(&path) || error.loop_ancestor().is_some() || path.is_dir() {
                        found.push(Input {
                            problem: Some(problem),
                            reported,
                            key,
                            ..Input::asked(path)
                        });
                    }
                }
            }
        }
        true
    }
}

/// The canonical form of a walked folder: known, or resolved on the file system once.
fn canonical<'f>(folders: &'f mut HashMap<PathBuf, PathBuf>, folder: &Path) -> &'f Path {
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    folders
        .entry(folder.to_path_buf())
        .or_insert_with(|| absolute_key(folder))
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
    entry.file_type().is_dir() && is_skipped(entry.file_name())
}

/// Whether a folder of this name is skipped: hidden folders, `target` and `node_modules`.
fn is_skipped(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name == "target" || name == "node_modules"
}

/// How deep folders are split into tasks walked in parallel (`Walker::walk`): the root's
/// subfolders and theirs (in a national repository, `local/<department>/` and the like).
const SPLIT_DEPTH: usize = 2;

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository three folders deep, with what a walk skips or reports: hidden and
    /// `target` folders, a configuration file, files that are not YAML, and a named pipe.
    fn repository(root: &Path) {
        for folder in ["a/b/c", "a/d", "z/.hidden/x", "z/target", "m"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        for file in [
            "top.yaml",
            "a/one.yml",
            "a/b/two.yaml",
            "a/b/c/three.YAML",
            "a/b/c/notes.txt",
            "a/d/alinea.yaml",
            "z/.hidden/x/hidden.yaml",
            "z/target/built.yaml",
            "z/four.yaml",
            "m/five.yaml",
        ] {
            std::fs::write(root.join(file), "id: x\n").unwrap();
        }
        let made = std::process::Command::new("mkfifo")
            .arg(root.join("a/b/pipe.yaml"))
            .status()
            .is_ok_and(|status| status.success());
        assert!(made, "mkfifo makes a named pipe");
    }

    fn in_one_piece(walker: &Walker, root: &Path) -> Vec<Input> {
        let mut found = Vec::new();
        walker.walk_from(root, 0, true, &mut HashMap::new(), &mut found);
        found
    }

    fn walked(walker: &Walker, root: &Path) -> Vec<Input> {
        let mut inputs = Vec::new();
        walker.walk(root, true, &mut HashSet::new(), &mut inputs);
        inputs
    }

    #[test]
    fn a_folder_walked_in_parallel_gives_what_one_walk_gives() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        repository(&root);
        let walker = Walker::new(None);
        let split = walker
            .walk_split(&root, true)
            .expect("no link: walked in parallel");
        let whole = in_one_piece(&walker, &root);
        assert_eq!(split, whole);
        let names: Vec<String> = whole
            .iter()
            .map(|input| {
                let relative = input.path.strip_prefix(&root).unwrap();
                format!(
                    "{}{}",
                    relative.display(),
                    if input.problem.is_some() { " !" } else { "" }
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                "a/b/c/three.YAML",
                "a/b/pipe.yaml !",
                "a/b/two.yaml",
                "a/one.yml",
                "m/five.yaml",
                "top.yaml",
                "z/four.yaml"
            ]
        );
        assert_eq!(walked(&walker, &root), whole);
    }

    #[test]
    fn a_link_anywhere_makes_the_folder_walked_in_one_piece() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        repository(&root);
        // Deep down, a loop back to the root and a second way to a file.
        std::os::unix::fs::symlink(&root, root.join("a/b/c/up")).unwrap();
        std::os::unix::fs::symlink(root.join("m/five.yaml"), root.join("a/d/again.yaml")).unwrap();
        let walker = Walker::new(None);
        assert_eq!(walker.walk_split(&root, true), None);
        let whole = in_one_piece(&walker, &root);
        assert!(
            whole
                .iter()
                .any(|input| input.problem.is_some() && input.path.ends_with("a/b/c/up"))
        );
        let mut seen = HashSet::new();
        let once: Vec<Input> = whole
            .into_iter()
            .filter(|input| seen.insert(input.key.clone()))
            .collect();
        assert_eq!(walked(&walker, &root), once);
    }
}
