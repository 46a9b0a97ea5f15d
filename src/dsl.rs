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

pub use ir::{CheckedRule, RuleMeta, SECTIONS, SECTIONS_ES, sections_of};

use crate::i18n::Lang;
use crate::source::{FileId, SourceDb, Span};
use crate::tr;

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

/// The stack the rule compiler runs on. Parsing and checking recurse once per level of an
/// expression (several frames per bracket): an expression nested up to
/// [`parser::MAX_EXPR_DEPTH`] levels needs more than a test's or a worker's thread has (2 MiB;
/// a debug build overflowed 8 MiB at 80 brackets). Reserved, not used: only the pages touched
/// are taken.
const COMPILER_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Parses, checks and compiles rule files (added to `sources` so errors can show them).
/// Errors in one file do not stop the others from being checked; duplicate ids or
/// slugs across files are errors at the second one, with a note at the first. Errors are
/// worded in `lang`. Runs on a thread of its own with a stack for the deepest expression
/// accepted (256 MiB, reserved and touched only as deep as it goes), whatever thread calls it.
pub fn compile(
    files: Vec<RuleSource>,
    sources: &mut SourceDb,
    lang: Lang,
) -> (Vec<CheckedRule>, Vec<RuleError>) {
    let mut files = Some(files);
    let compiled = std::thread::scope(|scope| {
        let (files, sources) = (&mut files, &mut *sources);
        std::thread::Builder::new()
            .name("rule-compiler".to_owned())
            .stack_size(COMPILER_STACK_BYTES)
            .spawn_scoped(scope, move || {
                compile_here(files.take().unwrap_or_default(), sources, lang)
            })
            .ok()
            .map(std::thread::ScopedJoinHandle::join)
    });
    match compiled {
        Some(Ok(compiled)) => compiled,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        // No thread could be made: compile here, on the caller's stack.
        None => compile_here(files.unwrap_or_default(), sources, lang),
    }
}

fn compile_here(
    files: Vec<RuleSource>,
    sources: &mut SourceDb,
    lang: Lang,
) -> (Vec<CheckedRule>, Vec<RuleError>) {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    // The first rule with each id and slug: where, its id, and whether the default pack has it.
    let mut seen_ids: HashMap<String, (Span, String, bool)> = HashMap::new();
    let mut seen_slugs: HashMap<String, (Span, String, bool)> = HashMap::new();
    let files: Vec<(FileId, bool)> = files
        .into_iter()
        .map(|file| (sources.add(file.path, file.text), file.default_pack))
        .collect();
    let compiled = parse_and_check(&files, sources, lang);
    for (&(_, default_pack), compiled) in files.iter().zip(compiled) {
        let (parsed, checked, file_errors) = match compiled {
            Ok(compiled) => compiled,
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
                    errors.push(duplicate(what, key, first, default_pack, sources, lang));
                } else {
                    seen.insert(
                        key.value.clone(),
                        (key.span, rule.id.value.clone(), default_pack),
                    );
                }
            }
            if default_pack {
                let sections = sections_of(&rule.docs);
                for section in SECTIONS.iter().take(3) {
                    if !sections.iter().any(|(label, _)| label == section) {
                        errors.push(RuleError::new(
                            rule.span,
                            tr!(
                                lang,
                                "dsl-no-doc-section",
                                rule = rule.id.value.as_str(),
                                section = *section
                            ),
                            &tr!(lang, "dsl-no-doc-section-label"),
                        ));
                    }
                }
            }
        }
        errors.extend(file_errors);
        rules.extend(checked);
    }
    errors.sort_by_key(|e| (e.span.file, e.span.start));
    (rules, errors)
}

/// A rule file parsed, and its rules checked: the rules that passed and the errors of those
/// that did not; or the file's syntax error.
type Compiled = Result<(ast::RuleFile, Vec<CheckedRule>, Vec<RuleError>), RuleError>;

/// Parses and checks each of `files` (already among `sources`), in order. The files are
/// shared between this thread and one more with as large a stack (every other file to each,
/// the default pack's files being of similar sizes): the rules of one file never depend on
/// another's (`def`s are the file's own), and what crosses files (repeated ids and slugs)
/// is checked afterwards, in order.
fn parse_and_check(files: &[(FileId, bool)], sources: &SourceDb, lang: Lang) -> Vec<Compiled> {
    let compile = |&(id, _): &(FileId, bool)| -> Compiled {
        let file = sources.file(id);
        let text = file.text();
        let parsed = parser::parse(id, text, lang)?;
        let (checked, errors) = typeck::check_file(&parsed, text, file.display_name(), lang);
        Ok((parsed, checked, errors))
    };
    let (even, odd) = std::thread::scope(|scope| {
        let odd = std::thread::Builder::new()
            .name("rule-compiler-2".to_owned())
            .stack_size(COMPILER_STACK_BYTES)
            .spawn_scoped(scope, || {
                files
                    .iter()
                    .skip(1)
                    .step_by(2)
                    .map(compile)
                    .collect::<Vec<_>>()
            })
            .ok();
        let even: Vec<Compiled> = files.iter().step_by(2).map(compile).collect();
        let odd = odd.map(std::thread::ScopedJoinHandle::join);
        (even, odd)
    });
    let odd = match odd {
        Some(Ok(odd)) => odd,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        // No thread could be made: the other files are compiled here.
        None => files.iter().skip(1).step_by(2).map(compile).collect(),
    };
    let mut even = even.into_iter();
    let mut odd = odd.into_iter();
    (0..files.len())
        .filter_map(|index| {
            if index % 2 == 0 {
                even.next()
            } else {
                odd.next()
            }
        })
        .collect()
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
    lang: Lang,
) -> RuleError {
    let first_file = sources.file(first_span.file).display_name();
    if *first_in_pack && !default_pack {
        let mut error = RuleError::new(
            key.span,
            tr!(
                lang,
                "dsl-duplicate-of-pack",
                what = what,
                key = key.value.as_str()
            ),
            &tr!(lang, "dsl-duplicate-label", what = what),
        );
        error.related.push(crate::report::Related {
            span: *first_span,
            message: tr!(
                lang,
                "dsl-duplicate-pack-rule",
                rule = first_id.as_str(),
                file = first_file
            ),
        });
        error.help = Some(tr!(lang, "dsl-duplicate-of-pack-help", what = what));
        error
    } else {
        let mut error = RuleError::new(
            key.span,
            tr!(lang, "dsl-duplicate", what = what, key = key.value.as_str()),
            &tr!(lang, "dsl-duplicate-label", what = what),
        );
        let first = sources.start(*first_span);
        error.related.push(crate::report::Related {
            span: *first_span,
            message: tr!(
                lang,
                "dsl-duplicate-first",
                what = what,
                rule = first_id.as_str(),
                place = format!("{first_file}:{}:{}", first.line, first.column)
            ),
        });
        error.help = Some(tr!(lang, "dsl-duplicate-help", what = what));
        error
    }
}

/// Reads rule files from paths (folders are searched for `*.rule`), sorted by path.
///
/// # Errors
/// When a path does not exist or cannot be read (worded in `lang`).
pub fn read_rule_paths(paths: &[PathBuf], lang: Lang) -> Result<Vec<RuleSource>, String> {
    let mut files = Vec::new();
    for path in paths {
        if !path.exists() {
            return Err(tr!(
                lang,
                "dsl-rule-path-missing",
                path = path.display().to_string()
            ));
        }
        for entry in walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| {
                tr!(
                    lang,
                    "dsl-rule-path-unreadable",
                    path = path.display().to_string(),
                    error = e.to_string()
                )
            })?;
            // A path named on the command line is read whatever it is (a named pipe is then
            // refused, not skipped); in a folder, only `.rule` files.
            let named = entry.depth() == 0 && !entry.file_type().is_dir();
            let in_folder = entry.file_type().is_file()
                && entry.path().extension().is_some_and(|e| e == "rule");
            if !named && !in_folder {
                continue;
            }
            let text = read_text(entry.path(), lang)?;
            files.push(RuleSource {
                path: entry.path().to_path_buf(),
                text,
                default_pack: false,
            });
        }
    }
    Ok(files)
}

fn read_text(path: &Path, lang: Lang) -> Result<String, String> {
    let shown = path.display().to_string();
    match crate::source::read(path) {
        crate::source::ReadOutcome::Text(text) => Ok(text),
        crate::source::ReadOutcome::NotUtf8 { .. } | crate::source::ReadOutcome::Utf16(_) => {
            Err(tr!(lang, "dsl-rule-file-not-utf8", path = shown))
        }
        crate::source::ReadOutcome::TooLarge(_) => {
            Err(tr!(lang, "dsl-rule-file-too-large", path = shown))
        }
        crate::source::ReadOutcome::Failed(error) => Err(tr!(
            lang,
            "dsl-rule-file-unreadable",
            path = shown,
            error = crate::discover::io_message(&error)
        )),
    }
}
