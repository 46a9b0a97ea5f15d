//! Stage 2: plan documents: read each file, parse its YAML with spans, and
//! decode the typed [`Plan`], reporting LOAD-01..03 findings on the way.
//!
//! Files are read and parsed in parallel; results are collected in discovery
//! order, so the output never depends on scheduling.

pub(crate) mod load;
pub mod model;
pub mod schema;
pub mod text;
pub mod yaml;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::discover::{Input, io_message};
use crate::i18n::Lang;
use crate::report::{CheckMeta, Finding, Severity};
use crate::source::{FileId, ReadOutcome, SourceDb, SourceFile, Span, read};
use crate::tr;

pub use load::MAX_UNKNOWN_KEYS;
pub use model::{Plan, PlanKind};

/// The most files a thread reads in a row before the rest of its share can be taken by an
/// idle thread. Rayon's own splitting leaves a few long runs of files (an eighth of a
/// national repository each): the last of them was read by one thread while the other
/// waited, 150 ms of a national check. Runs of 8 files (a few milliseconds) end together.
pub const LOAD_LEAF: usize = 8;

/// LOAD-01: the file is not well-formed YAML (or breaks a parsing limit).
pub const LOAD_01: CheckMeta = CheckMeta {
    id: "LOAD-01",
    slug: "invalid-yaml",
    severity: Severity::Error,
    pillar: None,
    check: None,
    doc: "What it checks: the file is well-formed YAML and stays within alinea's limits (nesting depth, alias expansion, number of values). Why it matters: a file that does not parse cannot be checked at all; the limits keep hostile files (alias bombs, 100,000-deep nesting) from exhausting the machine. Example: a key indented one space too far, an unclosed `[`, tabs used for indentation.",
    title: "The file is not well-formed YAML",
    title_es: "El archivo no es un YAML bien formado",
    doc_es: "Qué verifica: el archivo es un YAML bien formado y se mantiene dentro de los límites de alinea (profundidad de anidamiento, expansión de alias, cantidad de valores). Por qué importa: un archivo que no se puede analizar no se puede revisar en absoluto; los límites impiden que archivos hostiles (bombas de alias, anidamientos de 100 000 niveles) agoten la máquina. Ejemplo: una clave con un espacio de sangría de más, un `[` sin cerrar, tabulaciones usadas como sangría.",
};
/// LOAD-02: the plan does not follow the plan format.
pub const LOAD_02: CheckMeta = CheckMeta {
    id: "LOAD-02",
    slug: "schema-violation",
    severity: Severity::Error,
    pillar: None,
    check: None,
    doc: "What it checks: the plan follows the plan format: types, required keys, known keys, enum values, text where text is required, keys written once. Why it matters: a misspelt key (`indicatrs`) silently drops data, and a number where text is required (`territory: 22`) loses leading zeros of ubigeo and CUI codes. Example: `unit: km`, `period: 2024`, `titel: …`.",
    title: "The plan does not follow the plan format",
    title_es: "El plan no se ajusta al formato de plan",
    doc_es: "Qué verifica: el plan se ajusta al formato de plan: tipos, claves obligatorias, claves conocidas, valores admitidos, texto donde se exige texto, cada clave escrita una sola vez. Por qué importa: una clave mal escrita (`indicatrs`) descarta datos sin aviso, y un número donde se exige texto (`territory: 22`) pierde los ceros iniciales de los códigos de ubigeo y de CUI. Ejemplo: `unit: km`, `period: 2024`, `titel: …`.",
};
/// LOAD-03: the file cannot be read.
pub const LOAD_03: CheckMeta = CheckMeta {
    id: "LOAD-03",
    slug: "unreadable-file",
    severity: Severity::Error,
    pillar: None,
    check: None,
    doc: "What it checks: the file can be read: permissions, UTF-8 encoding, size limit, symbolic link loops. Why it matters: a file that cannot be read is a plan nobody checked. Example: a plan saved as Latin-1 from a spreadsheet export.",
    title: "The file cannot be read",
    title_es: "No se puede leer el archivo",
    doc_es: "Qué verifica: el archivo se puede leer: permisos, codificación UTF-8, límite de tamaño, ciclos de enlaces simbólicos. Por qué importa: un archivo que no se puede leer es un plan que nadie revisó. Ejemplo: un plan guardado en Latin-1 al exportarlo desde una hoja de cálculo.",
};

/// The LOAD checks: a file that cannot be read, parsed or decoded. Their findings can never
/// be suppressed ([`crate::policy::suppressible`]).
pub const LOAD_CHECKS: [CheckMeta; 3] = [LOAD_01, LOAD_02, LOAD_03];

/// What one file turned out to be.
#[derive(Clone, Debug)]
pub enum PlanFile {
    /// YAML without a top-level `plan` key: skipped without a word.
    NotAPlan,
    /// A plan document: the plan when its header could be read, and the findings.
    Plan {
        /// The plan (absent when `id` or `kind` could not be read); shared with the load
        /// cache of an incremental run.
        plan: Option<std::sync::Arc<Plan>>,
        /// LOAD findings.
        findings: Vec<Finding>,
    },
    /// A file that could not be read or parsed.
    Broken(Box<Finding>),
}

/// The result of loading every input.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Plans, in path order.
    pub plans: Vec<std::sync::Arc<Plan>>,
    /// LOAD findings.
    pub findings: Vec<Finding>,
    /// Files that are plans or could not be read.
    pub files: usize,
    /// YAML files skipped because they are not plans.
    pub skipped: Vec<FileId>,
    /// Plan files that could not be read into a plan, by the id their text declares.
    pub unreadable: Vec<Unreadable>,
}

/// What the rest of a run keeps of loading, once the plans went to the graph.
#[derive(Debug, Default)]
pub struct LoadSummary {
    /// YAML files skipped because they are not plans.
    pub skipped: Vec<FileId>,
}

/// A plan file that could not be read into a plan (LOAD-01 or LOAD-03, or a header LOAD-02
/// could not decode): what its text says about it, so that references to it name the real
/// cause instead of guessing another plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The plan id its text declares (`id:` under `plan:`).
    pub id: String,
    /// The file, as shown to the user.
    pub path: String,
    /// The LOAD finding's rule, place and message.
    pub rule: String,
    /// Where the LOAD finding points.
    pub span: Span,
    /// Its message.
    pub message: String,
    /// Words of its text that may name other plans or their elements (`plan/CODE`, bare
    /// plan ids): what it may have articulated with.
    pub mentions: Arc<[String]>,
}

/// What loading gave last time, for the next run of the same repository: a file whose
/// text, place among the inputs and way of being named are unchanged is not parsed or
/// decoded again, and its source and plan are shared, not copied. The browser keeps one
/// across its re-lints, so that a save re-parses one file, not the country.
///
/// Files are compared by their text (reading is a small part of loading; parsing and
/// decoding are most of it), so a change is never missed, whatever the file system's
/// timestamps say.
#[derive(Debug, Default)]
pub struct LoadCache {
    lang: Option<Lang>,
    /// The last run's files, in its input order, by path.
    files: Vec<(PathBuf, Cached)>,
    reused: usize,
    /// For the next run only: the files (canonical paths) that may have changed; the others
    /// are taken from the cache without being read.
    changed: Option<std::collections::HashSet<PathBuf>>,
    /// Text to read instead of the disk's, by canonical path (an editor's unsaved buffers).
    overlay: HashMap<PathBuf, String>,
}

#[derive(Debug)]
struct Cached {
    id: FileId,
    explicit: bool,
    file: Arc<SourceFile>,
    outcome: PlanFile,
    /// What the file says about itself when it is not a readable plan.
    unreadable: Option<Unreadable>,
}

impl LoadCache {
    /// Says which files may have changed since the last run (`None`: any): the next run
    /// reads only those, and takes the others from the cache as they were.
    pub fn trust(&mut self, changed: Option<std::collections::HashSet<PathBuf>>) {
        self.changed = changed;
    }

    /// How many files the last run took from the cache.
    #[must_use]
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// Makes the runs that use this cache read `text` for the file at `path` instead of the
    /// disk's (an editor's unsaved buffer), or the disk again when `text` is `None`. `path`
    /// is canonical ([`crate::discover::absolute_key`]); the file must exist on disk to be
    /// found by discovery.
    pub fn set_overlay(&mut self, path: PathBuf, text: Option<String>) {
        match text {
            Some(text) => self.overlay.insert(path, text),
            None => self.overlay.remove(&path),
        };
    }
}

/// Reads, parses and decodes every input, in parallel, into `sources`.
pub fn load(inputs: &[Input], sources: &mut SourceDb, lang: Lang) -> Loaded {
    load_counting(inputs, sources, lang, None, None, false)
}

/// [`load`], counting the files read in `read` when given, and taking what has not changed
/// since the last run from `cache` (which then holds this run's files). With `lean_texts`,
/// the text of a file read from disk is [released](SourceFile::release) once decoded
/// without a finding (see [`crate::CheckOptions::lean_texts`]).
pub fn load_counting(
    inputs: &[Input],
    sources: &mut SourceDb,
    lang: Lang,
    read: Option<&std::sync::atomic::AtomicUsize>,
    mut cache: Option<&mut LoadCache>,
    lean_texts: bool,
) -> Loaded {
    let first = sources.next_id().index();
    let changed = cache.as_deref_mut().and_then(|cache| cache.changed.take());
    let usable = cache.as_deref().filter(|cache| cache.lang == Some(lang));
    let overlay = cache
        .as_deref()
        .map(|cache| &cache.overlay)
        .filter(|overlay| !overlay.is_empty());
    // The last run's file of each input: by position when the inputs are the same list
    // (the usual case, compared without hashing), else by path.
    let aligned = usable.is_some_and(|cache| {
        cache.files.len() == inputs.len()
            && cache
                .files
                .iter()
                .zip(inputs)
                .all(|((path, _), input)| path.as_os_str() == input.path.as_os_str())
    });
    let by_path: Option<rustc_hash::FxHashMap<&Path, &Cached>> =
        usable.filter(|_| !aligned).map(|cache| {
            cache
                .files
                .iter()
                .map(|(path, c)| (path.as_path(), c))
                .collect()
        });
    let previous = |i: usize, input: &Input| -> Option<&Cached> {
        if aligned {
            usable?.files.get(i).map(|(_, cached)| cached)
        } else {
            by_path.as_ref()?.get(input.path.as_path()).copied()
        }
    };
    let named = |input: &Input| {
        changed.as_ref().is_some_and(|changed| {
            is_among(&input.key, changed.len(), changed.iter(), || {
                changed.contains(&input.key)
            })
        })
    };
    let in_overlay = |input: &Input| {
        overlay.is_some_and(|overlay| {
            is_among(&input.key, overlay.len(), overlay.keys(), || {
                overlay.contains_key(&input.key)
            })
        })
    };
    // Texts written in many plans are kept once.
    let interner = text::Interner::default();
    let results: Vec<Loaded1> = inputs
        .par_iter()
        .with_max_len(LOAD_LEAF)
        .enumerate()
        .map(|(i, input)| {
            let id = FileId::from_index(first + i);
            let previous = previous(i, input);
            let reuse = |cached: &Cached| Loaded1 {
                file: Arc::clone(&cached.file),
                outcome: cached.outcome.clone(),
                unreadable: cached.unreadable.clone(),
                reused: true,
            };
            // A file the caller says has not changed is taken as it was, unread.
            let unchanged = previous.filter(|cached| {
                changed.is_some()
                    && !named(input)
                    && input.text.is_none()
                    && !in_overlay(input)
                    && cached.id == id
                    && cached.explicit == input.explicit
            });
            if let Some(unchanged) = unchanged {
                if let Some(read) = read {
                    read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
                return reuse(unchanged);
            }
            let text = read_input(input, overlay);
            let kept = previous.filter(|cached| {
                cached.id == id
                    && cached.explicit == input.explicit
                    && matches!(&text, Some(ReadOutcome::Text(text)) if text == cached.file.text())
            });
            let loaded = kept.map_or_else(
                || {
                    let (mut file, outcome) = load_read(id, input, lang, text, &interner);
                    // Only a text read from the file itself can be read again later.
                    let from_disk = input.text.is_none() && !in_overlay(input);
                    if lean_texts
                        && from_disk
                        && match &outcome {
                            PlanFile::Plan { findings, .. } => findings.is_empty(),
                            PlanFile::NotAPlan => true,
                            PlanFile::Broken(_) => false,
                        }
                    {
                        file.release();
                    }
                    let unreadable = match &outcome {
                        PlanFile::Broken(finding) => unreadable(&file, finding),
                        PlanFile::Plan {
                            plan: None,
                            findings,
                        } => findings.first().and_then(|first| unreadable(&file, first)),
                        _ => None,
                    };
                    Loaded1 {
                        file: Arc::new(file),
                        outcome,
                        unreadable,
                        reused: false,
                    }
                },
                reuse,
            );
            if let Some(read) = read {
                read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            loaded
        })
        .collect();
    drop(by_path);
    if let Some(cache) = cache {
        cache.lang = Some(lang);
        cache.reused = results.iter().filter(|loaded| loaded.reused).count();
        let keep = |i: usize, input: &Input, loaded: &Loaded1| {
            (input.problem.is_none() && input.text.is_none()).then(|| Cached {
                id: FileId::from_index(first + i),
                explicit: input.explicit,
                file: Arc::clone(&loaded.file),
                outcome: loaded.outcome.clone(),
                unreadable: loaded.unreadable.clone(),
            })
        };
        if aligned
            && inputs
                .iter()
                .all(|input| input.problem.is_none() && input.text.is_none())
        {
            // Same list: only the files read again are replaced.
            for (i, ((_, cached), (input, loaded))) in cache
                .files
                .iter_mut()
                .zip(inputs.iter().zip(&results))
                .enumerate()
            {
                if !loaded.reused
                    && let Some(new) = keep(i, input, loaded)
                {
                    *cached = new;
                }
            }
        } else {
            cache.files = inputs
                .iter()
                .zip(&results)
                .enumerate()
                .filter_map(|(i, (input, loaded))| {
                    keep(i, input, loaded).map(|cached| (input.path.clone(), cached))
                })
                .collect();
        }
    }
    let mut loaded = Loaded::default();
    for one in results {
        let id = sources.push_shared(one.file);
        match one.outcome {
            PlanFile::NotAPlan => loaded.skipped.push(id),
            PlanFile::Broken(finding) => {
                loaded.files += 1;
                loaded.unreadable.extend(one.unreadable);
                loaded.findings.push(*finding);
            }
            PlanFile::Plan { plan, findings } => {
                loaded.files += 1;
                match plan {
                    Some(plan) => loaded.plans.push(plan),
                    None => loaded.unreadable.extend(one.unreadable),
                }
                loaded.findings.extend(findings);
            }
        }
    }
    loaded
}

/// Whether `key` is one of `keys` (`len` of them): compared byte for byte while they are
/// few (an editor's buffers, the files a watcher saw), which is cheaper than hashing every
/// input's path; looked up with `lookup` when they are many.
fn is_among<'k>(
    key: &Path,
    len: usize,
    mut keys: impl Iterator<Item = &'k PathBuf>,
    lookup: impl FnOnce() -> bool,
) -> bool {
    if len <= 64 {
        keys.any(|other| other.as_os_str() == key.as_os_str())
    } else {
        lookup()
    }
}

/// One input, loaded or taken from the cache.
struct Loaded1 {
    file: Arc<SourceFile>,
    outcome: PlanFile,
    unreadable: Option<Unreadable>,
    /// Taken from the cache.
    reused: bool,
}

/// What a file that could not become a plan says about itself, when its text declares a
/// plan id.
fn unreadable(file: &SourceFile, finding: &Finding) -> Option<Unreadable> {
    let id = declared_id(file.text())?;
    let mut mentions: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let words = file
        .text()
        .split(|c: char| c.is_whitespace() || "[]{},\"'#".contains(c))
        .filter(|word| !word.is_empty() && word.len() <= 200);
    for word in words.take(100_000) {
        let word = word.trim_end_matches(':');
        let plan = word.split('/').next().unwrap_or(word);
        if !plan.is_empty() && plan != id && seen.insert(word) {
            mentions.push(word.to_owned());
        }
    }
    Some(Unreadable {
        id,
        path: file.display_name().to_owned(),
        rule: finding.rule.clone(),
        span: finding.span,
        message: finding.message.clone(),
        mentions: mentions.into(),
    })
}

/// The plan id a plan file's text declares: the `id:` line of the `plan:` block (block or
/// flow style), read line by line so that it works on text that is not valid YAML.
#[must_use]
pub fn declared_id(text: &str) -> Option<String> {
    let mut in_header = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indented = line.len() != trimmed.len();
        if !indented {
            in_header = false;
            // `plan:`, or a misspelling of it (`Plan:`, `plna:`): the file's intent is clear.
            if let Some((key, value)) = trimmed.split_once(':')
                && (key.trim() == "plan" || load::near_plan_key(key.trim()))
            {
                in_header = true;
                // Flow style: `plan: {id: x, kind: pei}`.
                if let Some(found) = id_in(value) {
                    return Some(found);
                }
            }
            continue;
        }
        if in_header && let Some(found) = id_in(trimmed) {
            return Some(found);
        }
    }
    None
}

/// The value of an `id:` key at the start of `text` or after `{` or `,`.
fn id_in(text: &str) -> Option<String> {
    let mut rest = text;
    loop {
        let candidate =
            rest.trim_start_matches(|c: char| c.is_whitespace() || c == '{' || c == ',');
        if let Some(after) = candidate.strip_prefix("id")
            && let Some(value) = after.trim_start().strip_prefix(':')
        {
            let value = value
                .split(['#', ',', '}'])
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(['"', '\'']);
            return (!value.is_empty()).then(|| value.to_owned());
        }
        let next = rest.find([',', '{'])?;
        rest = rest.get(next + 1..)?;
    }
}

/// The text of an input (an editor's buffer in `overlay` before the disk's), unless
/// discovery already found a problem with it.
fn read_input(input: &Input, overlay: Option<&HashMap<PathBuf, String>>) -> Option<ReadOutcome> {
    if input.problem.is_some() {
        return None;
    }
    let buffer = overlay.and_then(|overlay| overlay.get(&input.key));
    Some(match input.text.as_ref().or(buffer) {
        Some(text) => ReadOutcome::Text(text.clone()),
        None => read(&input.path),
    })
}

/// Parses and decodes what [`read_input`] gave.
fn load_read(
    id: FileId,
    input: &Input,
    lang: Lang,
    outcome: Option<ReadOutcome>,
    interner: &text::Interner,
) -> (SourceFile, PlanFile) {
    let (Some(outcome), None) = (outcome, &input.problem) else {
        let problem = input.problem.clone().unwrap_or_default();
        let file = SourceFile::new(input.path.clone(), String::new());
        let finding = Finding::new(&LOAD_03, Span::file_start(id), problem)
            .label(tr!(lang, "load-path-label"))
            .help(tr!(lang, "load-path-help"));
        return (file, PlanFile::Broken(Box::new(finding)));
    };
    load_outcome(id, input, lang, outcome, interner)
}

fn load_outcome(
    id: FileId,
    input: &Input,
    lang: Lang,
    outcome: ReadOutcome,
    interner: &text::Interner,
) -> (SourceFile, PlanFile) {
    match outcome {
        ReadOutcome::Text(text) => {
            let file = SourceFile::new(input.path.clone(), text);
            let outcome = match yaml::parse(id, &file, lang) {
                Ok(document) => {
                    let mut outcome = load::decode(id, &document, input.explicit, lang, interner);
                    if let PlanFile::Plan {
                        plan: Some(plan), ..
                    } = &mut outcome
                        && let Some(plan) = std::sync::Arc::get_mut(plan)
                    {
                        file.display_name().clone_into(&mut plan.path);
                    }
                    outcome
                }
                Err(error) => PlanFile::Broken(Box::new(
                    Finding::new(&LOAD_01, error.span, error.message)
                        .label(error.label)
                        .maybe_help(error.help),
                )),
            };
            (file, outcome)
        }
        ReadOutcome::NotUtf8 {
            lossy,
            offset,
            byte,
        } => {
            let end = lossy
                .get(offset..)
                .and_then(|rest| rest.chars().next())
                .map_or(offset, |c| offset + c.len_utf8());
            let file = SourceFile::new(input.path.clone(), lossy);
            let finding = Finding::new(
                &LOAD_03,
                Span::new(id, offset, end),
                tr!(lang, "load-not-utf8", byte = format!("{byte:02X}")),
            )
            .label(tr!(lang, "load-not-utf8-label"))
            .help(tr!(lang, "load-not-utf8-help"));
            (file, PlanFile::Broken(Box::new(finding)))
        }
        ReadOutcome::Utf16(text) => {
            let first_line = text.find('\n').unwrap_or(text.len());
            let file = SourceFile::new(input.path.clone(), text);
            let finding = Finding::new(
                &LOAD_03,
                Span::new(id, 0, first_line),
                tr!(lang, "load-utf16"),
            )
            .label(tr!(lang, "load-utf16-label"))
            .help(tr!(lang, "load-utf16-help"));
            (file, PlanFile::Broken(Box::new(finding)))
        }
        ReadOutcome::TooLarge(size) => {
            let file = SourceFile::new(input.path.clone(), String::new());
            let finding = Finding::new(
                &LOAD_03,
                Span::file_start(id),
                tr!(
                    lang,
                    "load-too-large",
                    size = (size / (1024 * 1024)).to_string(),
                    limit = (crate::source::MAX_FILE_BYTES / (1024 * 1024)).to_string(),
                ),
            )
            .label(tr!(lang, "load-this-file"))
            .help(tr!(lang, "load-too-large-help"));
            (file, PlanFile::Broken(Box::new(finding)))
        }
        ReadOutcome::Failed(error) => {
            let file = SourceFile::new(input.path.clone(), String::new());
            let finding = Finding::new(
                &LOAD_03,
                Span::file_start(id),
                tr!(lang, "load-unreadable", error = io_message(&error)),
            )
            .label(tr!(lang, "load-this-file"));
            (file, PlanFile::Broken(Box::new(finding)))
        }
    }
}
