//! Stage 4: the alignment-rule language: parse (pest, in `dsl::parser` only),
//! type-check against the schema and compile (`dsl::typeck`), and the packs:
//! the default one compiled into the binary and the user's own files.

pub mod ast;
pub mod ir;
pub mod parser;
pub mod schema;
pub mod typeck;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use ir::{CheckedRule, RuleMeta, SECTIONS};

use crate::source::{SourceDb, Span};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_rules.rs"));
    include!(concat!(env!("OUT_DIR"), "/rule_cases.rs"));
}

pub use embedded::{DEFAULT_RULES, RULE_CASES};

/// A problem in a rule file: the run stops with exit code 2 before any plan is evaluated.
pub type RuleError = crate::report::Diagnostic;

/// A rule file to load: its name and text.
#[derive(Clone, Debug)]
pub struct RuleSource {
    /// The path shown in messages.
    pub path: PathBuf,
    /// The text.
    pub text: String,
    /// Whether it belongs to the default pack (which must carry complete docs).
    pub default_pack: bool,
}

/// The default pack's files.
#[must_use]
pub fn default_pack() -> Vec<RuleSource> {
    DEFAULT_RULES
        .iter()
        .map(|(path, text)| RuleSource {
            path: PathBuf::from(path),
            text: (*text).to_owned(),
            default_pack: true,
        })
        .collect()
}

/// Parses, checks and compiles rule files (added to `sources` so errors can show them).
/// Errors in one file do not stop the others from being checked; duplicate ids or
/// slugs across files are errors at the second one, with a note at the first.
pub fn compile(
    files: Vec<RuleSource>,
    sources: &mut SourceDb,
) -> (Vec<CheckedRule>, Vec<RuleError>) {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    // The first rule with each id and slug: where, its id, and whether the default pack has it.
    let mut seen_ids: HashMap<String, (Span, String, bool)> = HashMap::new();
    let mut seen_slugs: HashMap<String, (Span, String, bool)> = HashMap::new();
    for file in files {
        let default_pack = file.default_pack;
        let id = sources.add(file.path, file.text);
        let text = sources.file(id).text().to_owned();
        let name = sources.file(id).display_name().to_owned();
        let parsed = match parser::parse(id, &text) {
            Ok(parsed) => parsed,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        for rule in &parsed.rules {
            for (seen, key, what) in [
                (&mut seen_ids, &rule.id, "id"),
                (&mut seen_slugs, &rule.slug, "slug"),
            ] {
                if let Some(first) = seen.get(&key.value) {
                    errors.push(duplicate(what, key, first, default_pack, sources));
                } else {
                    seen.insert(
                        key.value.clone(),
                        (key.span, rule.id.value.clone(), default_pack),
                    );
                }
            }
            if default_pack {
                let meta = RuleMeta {
                    id: String::new(),
                    slug: String::new(),
                    title: String::new(),
                    severity: crate::report::Severity::Error,
                    pillar: crate::report::Pillar::Value,
                    source: None,
                    status: String::new(),
                    docs: rule.docs.clone(),
                    text: String::new(),
                    file: String::new(),
                };
                for section in SECTIONS.iter().take(3) {
                    if meta.section(section).is_none() {
                        errors.push(RuleError::new(
                            rule.span,
                            format!(
                                "rule `{}` has no `/// {section}:` documentation",
                                rule.id.value
                            ),
                            "documentation incomplete",
                        ));
                    }
                }
            }
        }
        let (checked, file_errors) = typeck::check_file(&parsed, &text, &name);
        errors.extend(file_errors);
        rules.extend(checked);
    }
    errors.sort_by_key(|e| (e.span.file, e.span.start));
    (rules, errors)
}

/// The error for a rule whose `what` (id or slug) `key` an earlier rule already has: at
/// the second rule, with a note at the first one (`first`: its place, its id, and whether
/// the default pack has it, which is compiled into the binary and can only be left out).
fn duplicate(
    what: &str,
    key: &crate::source::Spanned<String>,
    (first_span, first_id, first_in_pack): &(Span, String, bool),
    default_pack: bool,
    sources: &SourceDb,
) -> RuleError {
    let mut error = RuleError::new(
        key.span,
        format!("rule {what} `{}` is already used", key.value),
        &format!("duplicate {what}"),
    );
    if *first_in_pack && !default_pack {
        error.message.push_str(" by the default pack");
        error.related.push(crate::report::Related {
            span: *first_span,
            message: format!(
                "the default pack's rule `{first_id}` ({})",
                sources.file(first_span.file).display_name()
            ),
        });
        error.help = Some(format!(
            "give your rule another {what}, or leave the default pack out with `--no-default-rules`"
        ));
    } else {
        let first = sources.start(*first_span);
        error.related.push(crate::report::Related {
            span: *first_span,
            message: format!(
                "the first rule with this {what}, `{first_id}` ({}:{}:{})",
                sources.file(first_span.file).display_name(),
                first.line,
                first.column
            ),
        });
        error.help = Some(format!(
            "rule ids and slugs are unique across the loaded rule files: give one of the two rules another {what}"
        ));
    }
    error
}

/// Reads rule files from paths (folders are searched for `*.rule`), sorted by path.
///
/// # Errors
/// When a path does not exist or cannot be read.
pub fn read_rule_paths(paths: &[PathBuf]) -> Result<Vec<RuleSource>, String> {
    let mut files = Vec::new();
    for path in paths {
        if !path.exists() {
            return Err(format!("rule path `{}` does not exist", path.display()));
        }
        for entry in walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
            let is_rule = entry.depth() == 0 && entry.file_type().is_file()
                || entry.path().extension().is_some_and(|e| e == "rule");
            if !entry.file_type().is_file() || !is_rule {
                continue;
            }
            let text = read_text(entry.path())?;
            files.push(RuleSource {
                path: entry.path().to_path_buf(),
                text,
                default_pack: false,
            });
        }
    }
    Ok(files)
}

fn read_text(path: &Path) -> Result<String, String> {
    match crate::source::read(path) {
        crate::source::ReadOutcome::Text(text) => Ok(text),
        crate::source::ReadOutcome::NotUtf8 { .. } => {
            Err(format!("rule file `{}` is not UTF-8", path.display()))
        }
        crate::source::ReadOutcome::TooLarge(_) => {
            Err(format!("rule file `{}` is too large", path.display()))
        }
        crate::source::ReadOutcome::Failed(error) => Err(format!(
            "cannot read rule file `{}`: {}",
            path.display(),
            crate::discover::io_message(&error)
        )),
    }
}
