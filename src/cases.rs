//! Rule fixture cases (`alinea rules test`): folders of plan files in which every
//! expected finding is a YAML comment `# expect: ID` on the line it points at.
//!
//! A case is a folder holding plan files directly. When a component of its path
//! is a rule id (`ART-01/fail`), only that rule's findings are compared (plus the
//! structural LOAD and REF checks, which must stay silent unless expected);
//! otherwise every finding is. A case passes when the findings equal the
//! expectations, line for line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::discover::Input;
use crate::dsl::CheckedRule;
use crate::plan::model::Date;
use crate::source::SourceDb;

/// One case: a folder of plan files.
#[derive(Clone, Debug)]
pub struct Case {
    /// The folder, as shown.
    pub name: String,
    /// The rule the case is about, when its path names one.
    pub rule: Option<String>,
    /// The plan files: path and text.
    pub files: Vec<(PathBuf, String)>,
}

/// `(file, line, rule)`.
pub type Expectation = (String, usize, String);

/// How a case went.
#[derive(Clone, Debug)]
pub struct CaseResult {
    /// The case's folder.
    pub name: String,
    /// Expected but not found.
    pub missing: Vec<Expectation>,
    /// Found but not expected, with the message.
    pub unexpected: Vec<(Expectation, String)>,
}

impl CaseResult {
    /// Whether the case passed.
    #[must_use]
    pub fn passed(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// Groups files (path, text) into cases by their folder, in path order.
#[must_use]
pub fn group(files: Vec<(PathBuf, String)>, known_rules: &[String]) -> Vec<Case> {
    let mut folders: BTreeMap<PathBuf, Vec<(PathBuf, String)>> = BTreeMap::new();
    for (path, text) in files {
        let folder = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        folders.entry(folder).or_default().push((path, text));
    }
    folders
        .into_iter()
        .map(|(folder, mut files)| {
            files.sort_by(|a, b| a.0.cmp(&b.0));
            let rule = folder
                .components()
                .filter_map(|c| c.as_os_str().to_str())
                .find(|c| known_rules.iter().any(|r| r == c))
                .map(str::to_owned);
            Case {
                name: folder.to_string_lossy().replace('\\', "/"),
                rule,
                files,
            }
        })
        .collect()
}

/// Reads the YAML files under `dirs`.
///
/// # Errors
/// When a folder does not exist or a file cannot be read.
pub fn read_dirs(dirs: &[PathBuf]) -> Result<Vec<(PathBuf, String)>, String> {
    let mut files = Vec::new();
    for dir in dirs {
        if !dir.exists() {
            return Err(format!("folder `{}` does not exist", dir.display()));
        }
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?;
            let is_yaml = entry
                .path()
                .extension()
                .is_some_and(|e| e == "yaml" || e == "yml");
            if entry.file_type().is_file() && is_yaml {
                let bytes = std::fs::read(entry.path())
                    .map_err(|e| format!("cannot read `{}`: {e}", entry.path().display()))?;
                files.push((
                    entry.path().to_path_buf(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                ));
            }
        }
    }
    Ok(files)
}

/// Runs one case with the rules.
#[must_use]
pub fn run(case: &Case, rules: &[CheckedRule], as_of: Date, lang: crate::i18n::Lang) -> CaseResult {
    let inputs: Vec<Input> = case
        .files
        .iter()
        .map(|(path, text)| Input {
            text: Some(text.clone()),
            ..Input::asked(path.clone())
        })
        .collect();
    let mut sources = SourceDb::new();
    let findings = crate::analyse(
        &inputs,
        rules,
        &mut sources,
        &[],
        Some(as_of),
        lang,
        &mut crate::Stopwatch::new(),
        None,
        false,
    )
    .findings;
    let mut found: Vec<(Expectation, String)> = findings
        .iter()
        .filter(|f| {
            case.rule.as_ref().is_none_or(|rule| {
                &f.rule == rule || f.rule.starts_with("LOAD") || f.rule.starts_with("REF")
            })
        })
        .map(|f| {
            (
                (
                    sources.file(f.span.file).display_name().to_owned(),
                    sources.start(f.span).line,
                    f.rule.clone(),
                ),
                f.message.clone(),
            )
        })
        .collect();
    found.sort();
    let mut expected = Vec::new();
    for (id, file) in sources.files() {
        let _ = id;
        for (index, line) in file.text().lines().enumerate() {
            if let Some((_, ids)) = line.split_once("# expect:") {
                for rule in ids.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                    expected.push((file.display_name().to_owned(), index + 1, rule.to_owned()));
                }
            }
        }
    }
    expected.sort();
    // Multiset difference, both ways.
    let mut missing = Vec::new();
    let mut unexpected = found.clone();
    for expectation in expected {
        if let Some(position) = unexpected.iter().position(|(f, _)| *f == expectation) {
            unexpected.remove(position);
        } else {
            missing.push(expectation);
        }
    }
    CaseResult {
        name: case.name.clone(),
        missing,
        unexpected,
    }
}
