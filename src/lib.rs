//! alinea checks whether Peru's public plans are aligned, and shows planners
//! what is wrong, where, and why.
//!
//! # Architecture
//!
//! A run is a pipeline of stages, each one a top-level module, in order:
//!
//! ```text
//! discover files → load plans (YAML with spans) → build the reference graph
//!    → compile rules (pest → AST → type-check → IR) → evaluate → waivers, baseline
//!    → findings → render (human | json | sarif | junit | github | html) or browse (tui)
//! ```
//!
//! ## Codemap
//!
//! - [`source`]: `FileId`, `Span`, `Spanned<T>`, `SourceFile` and `SourceDb`
//!   (each file's text stored once, with a line index); reading files with a
//!   size limit and UTF-8 check.
//! - [`discover`]: walks the user's paths with walkdir (hidden folders and
//!   `target/` skipped, symlinks followed, loops reported, `exclude` globs) → `Vec<Input>`;
//!   finds the repository root (`repository_root`: the nearest `alinea.yaml`, else `.git`)
//!   and walks it too, so that the files asked about are checked in the whole
//!   repository's context (`Input::reported` tells which findings are reported).
//! - [`plan`]: `plan::yaml` turns text into a spanned tree with its own limits
//!   (depth, alias expansion, node count), and its `syntax` module explains the
//!   parser's errors at the mistake itself; it feeds saphyr its string input with the
//!   16-character read-ahead window of saphyr's own loader (`ShortInput`), which spares
//!   the scanner a reallocation of nearly every scalar; `plan::load` decodes the tree into
//!   the typed `plan::model` (`Plan`, `Element`, `Indicator`, `Activity`, …),
//!   reporting LOAD-01..03. Files are parsed in parallel with rayon. The model is
//!   kept compact, for a whole country in under twice its YAML's bytes: every text is a
//!   `plan::text::Text` handed out by one interner per load (CEPLAN's templates make
//!   thousands of plans write the same words), year maps take 16 bytes a year, and
//!   paths (`objectives[2].actions[0]`) are worked out from positions when a message
//!   needs one.
//!   `plan::schema` is the one field table: each field of the format declared once
//!   (key, Spanish names, where it is written, required, how it is read, its type in
//!   the rule language); the loader's keys, the rule language's fields, the
//!   evaluator's accessors and the docs' field and key tables derive from it.
//! - [`graph`]: `graph::build` indexes codes and resolves every `traces_to`,
//!   `upper` and `action` reference into a `Graph` that can be walked both
//!   ways (traces/traced by, upper/lower, action/implemented by), reporting
//!   REF-01..05.
//! - [`dsl`]: the rule language. `dsl::parser` (the only pest user) builds the
//!   spanned `dsl::ast`; `dsl::typeck` checks it against `dsl::schema` and
//!   compiles it to `dsl::ir` (`CheckedRule`); the default pack (`rules/`) and its
//!   cases are compiled into the binary by `build.rs`.
//! - [`eval`]: evaluates checked rules over the graph (pure, parallel per rule). Each
//!   rule's `where` and `require` are compiled to closures once per evaluation
//!   (`eval::code`); messages and `at` places are rendered by the interpreter, and the
//!   two share what each operator and built-in does (a test runs both over the fixtures).
//!   `eval::evaluate_cached` keeps each rule's verdicts per plan with the plans they read
//!   (`graph::recording` notes every plan an accessor of the graph hands out); after an
//!   edit, [`check_incremental`] re-evaluates only the verdicts that read a plan whose file
//!   or graph signature changed ([`RunCache`]).
//! - [`policy`]: the run's policy (select, ignore, severities, fail-on, baseline),
//!   validated against the loaded rules and applied once by [`check`].
//! - [`waiver`]: waivers in plans and in the configuration (WAI-01..03).
//! - [`baseline`]: accepted findings keyed by fingerprint; fixed entries.
//! - [`config`]: the configuration file, `alinea.yaml`.
//! - [`report`]: `Finding`, `Severity`, `Pillar`, `Profile`, `RuleDoc`, `Report`:
//!   the one output model every renderer and the browser read; `report::gaps` derives
//!   the gaps the views draw from the findings.
//! - [`render`]: one module per format (`human` with miette, `json`, `sarif`,
//!   `junit`, `github`, `html`: one self-contained page with the trace graphs laid out in
//!   `render::html::trace`) and `--statistics`.
//! - [`export`]: `alinea graph` (dot, mermaid, json).
//! - [`fix`]: fixes of mechanical defects (`check --fix`, `--diff`, code actions): edits at
//!   spans, safe or unsafe, declared once per rule in `fix::FIXES`.
//! - [`import`]: CEPLAN's Excel matrices: `alinea import` (a PEI's matrices into a plan
//!   file, every normalisation a note at its cell), `alinea new pei` (a PEI and a POI stub
//!   from the municipal catalogue) and `alinea export` (a plan back to the annexes, xlsx).
//!   It works on bytes and text; calamine stays in `import::workbook`, `rust_xlsxwriter` in
//!   `import::annex`, and `import::draft` is the one place these commands read the model.
//! - [`cases`]: rule fixture cases (`alinea rules test`).
//! - [`docs`]: rule documentation from one place: `Listed` (a built-in check or a
//!   rule, as `explain` and `rules list` show it) and `rule_reference`, the Markdown
//!   rule reference (`docs/rules.md`, `docs/es/rules.md`, `alinea rules list --format
//!   markdown`), `field_reference`, the rule language's field table, and
//!   `key_reference`, the plan format's keys with their Spanish names, both generated
//!   from `plan::schema`.
//! - [`i18n`]: the texts people read, in Spanish and English: Fluent catalogues
//!   (`src/i18n/<lang>/*.ftl`) compiled in, `tr!`, and how a run's language is chosen
//!   (`--lang`, `lang:` in `alinea.yaml`, `ALINEA_LANG`, the locale).
//! - [`tui`]: the browser, in the Elm architecture (`tui::app`: model, messages,
//!   update; `tui::view`: rendering; `tui::terminal`: the only terminal IO).
//! - [`cli`]: flags → options, the commands, exit codes.
//! - [`lsp`]: `alinea lsp`, the language server: each edit runs [`check_incremental`] with
//!   the editor's unsaved buffers (`plan::LoadCache::set_overlay`), and the run's findings,
//!   graph and field table answer the editor (diagnostics, hover, definition, completion).
//! - [`suggest`]: "did you mean" by edit distance.
//!
//! ## Invariants
//!
//! - **Invariant:** every sentence a person reads comes from a catalogue in the run's
//!   language (`CheckOptions::lang`, carried to renderers by `Report::lang`); machine
//!   contracts (ids, slugs, JSON keys and enum values, fingerprints, YAML paths, exit
//!   codes) never change with it. Both languages declare the same messages (a test says so).
//! - **Invariant:** only `discover`, `source`, `config`, `baseline` and `cli` read
//!   files; only `cli` writes them (reports, baselines, graphs, workbooks; a plan file only
//!   where a command says it writes one: `check --fix`, and `import` and `new pei` to a path
//!   the user names, never over an existing file without `--force`).
//!   Only `render`, `cli` and `tui::terminal` write to the terminal (`lsp` speaks the
//!   protocol on standard output, never to a person).
//! - **Invariant:** the YAML library's types never leave `plan::yaml`; pest's
//!   never leave `dsl::parser`.
//! - **Invariant:** no stage returns early on bad user data: each returns its
//!   value together with findings, and one broken file never hides the
//!   findings of the others. `Result` is for IO and usage errors only (a broken
//!   rule file is a usage error: exit 2 before any plan is evaluated).
//! - **Invariant:** no input can crash the process: the YAML tree is built
//!   without recursion, nesting, alias expansion, node count and file size are
//!   capped, rule expressions are nesting-capped, and nothing indexes user data
//!   without a check (`unwrap`, `expect` and slice indexing are denied by lints
//!   outside tests).
//! - **Invariant:** the evaluator only sees `CheckedRule`s, which only
//!   `dsl::typeck` makes; evaluation always terminates (loops run over finite
//!   collections, `reaches`/`ancestors` visit each element once, no recursion).
//! - **Invariant:** results never depend on scheduling: files are parsed in
//!   parallel but collected in discovery order (sorted by path), and findings
//!   are sorted by file, line, column and rule id before rendering.
//! - **Invariant:** `render` and `tui` read the `Report` (and, for the trace and
//!   coverage views, the `Graph`); they never evaluate rules themselves, and the gaps
//!   they draw come from findings (`report::gaps`), never from code that re-decides a rule.
//! - **Invariant:** the run's policy is applied once, in [`check`]: every command (`check`,
//!   `browse`, `baseline`, `graph`) sees the same findings. LOAD findings are never
//!   suppressed.
//! - **Invariant:** one cause, one finding: a rule verdict that read a place a broken
//!   reference leaves incomplete (`Value::read` in `eval`) is dropped, because the
//!   REF or LOAD finding already reports the cause.

pub mod baseline;
pub mod cases;
pub mod cli;
pub mod config;
pub mod discover;
pub mod docs;
pub mod dsl;
pub mod eval;
pub mod export;
pub mod fix;
pub mod fuzz;
pub mod graph;
pub mod i18n;
pub mod import;
pub mod lsp;
pub mod plan;
pub mod policy;
pub mod profile;
pub mod render;
pub mod report;
pub mod source;
pub mod suggest;
pub mod tui;
pub mod waiver;

use std::collections::HashSet;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::graph::Graph;
use crate::report::{CheckMeta, Finding, Report};
use crate::source::SourceDb;

/// Every built-in check that runs without rule files.
pub const BUILTIN_CHECKS: &[CheckMeta] = &[
    plan::LOAD_01,
    plan::LOAD_02,
    plan::LOAD_03,
    graph::REF_01,
    graph::REF_02,
    graph::REF_03,
    graph::REF_04,
    graph::REF_05,
    waiver::WAI_01,
    waiver::WAI_02,
    waiver::WAI_03,
];

/// What a check run covers, and its policy. Built once (by the command line from flags and
/// `alinea.yaml`, or by a test); [`check`] validates it against the loaded rules before any
/// plan is evaluated and applies it, so that every command sees the same findings.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Files and folders to report on.
    pub paths: Vec<PathBuf>,
    /// The repository the paths belong to ([`discover::repository_root`]): every plan under
    /// it is loaded, so that references resolve, but only findings in `paths` are reported.
    /// `None`: the paths are the whole repository.
    pub root: Option<PathBuf>,
    /// Extra rule files and folders.
    pub rules: Vec<PathBuf>,
    /// Leave the default pack out.
    pub no_default_rules: bool,
    /// The date waivers expire against (default: today).
    pub as_of: Option<plan::model::Date>,
    /// The repository's configuration (`alinea.yaml`): waivers, exclusions, severities, and
    /// the defaults of the fields below.
    pub config: Option<config::Config>,
    /// Rules to report (ids, slugs, families); `None`: the configuration's, else all.
    pub select: Option<Vec<String>>,
    /// Rules not to report; `None`: the configuration's.
    pub ignore: Option<Vec<String>>,
    /// The lowest severity that fails the run; `None`: the configuration's, else error.
    pub fail_on: Option<report::Severity>,
    /// Which baseline to apply.
    pub baseline: BaselineChoice,
    /// The language of every text a person reads (ids, fingerprints and keys never change).
    pub lang: i18n::Lang,
    /// Texts read instead of the files' own, by canonical path ([`discover::Input::key`]):
    /// the files as [`fix`] has fixed them, before anything is written.
    pub texts: std::collections::HashMap<PathBuf, String>,
    /// Leave the public value profiles out of the report (an editor's run shows
    /// diagnostics, not profiles): `Report::profiles` is then empty.
    pub no_profiles: bool,
    /// Drop each plan file's text once it is decoded, and read it again from disk only if a
    /// renderer asks for it (a one-shot `alinea check`: on a national repository most files
    /// have no finding). A file that changed on disk in between shows blank lines in its
    /// place. Files with findings from the loader, editors' buffers, texts given in
    /// [`CheckOptions::texts`] and incremental runs keep their texts.
    pub lean_texts: bool,
}

/// Which baseline a run applies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum BaselineChoice {
    /// The configuration's `baseline`, if it names one.
    #[default]
    Configured,
    /// This file (`--baseline`).
    File(PathBuf),
    /// None (`alinea baseline` writes every current finding).
    Off,
}

/// Why a run could not start.
#[derive(Debug)]
pub enum CheckError {
    /// A path does not exist.
    MissingPath(discover::MissingPathError),
    /// A rule path cannot be read.
    RulePath(String),
    /// Rule files do not parse or type-check; `sources` holds their text.
    Rules {
        /// Every error found.
        errors: Vec<dsl::RuleError>,
        /// The rule files, for rendering the errors.
        sources: SourceDb,
    },
    /// The policy or the paths cannot be used: a rule name that names no rule, an unreadable
    /// baseline, a path with no plan under it. The message, then help lines.
    Usage(String, Vec<String>),
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingPath(error) => write!(f, "{error}"),
            Self::RulePath(message) => f.write_str(message),
            Self::Rules { errors, .. } => write!(
                f,
                "{} problem{} in rule files",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            ),
            // One line, in the run's language (the command line prints the helps on lines
            // of their own, with its own label).
            Self::Usage(message, helps) => {
                f.write_str(message)?;
                for help in helps {
                    write!(f, "; {help}")?;
                }
                Ok(())
            }
        }
    }
}

/// Loads the rules a run uses: the default pack (unless left out) and the user's files;
/// problems are worded in `options.lang`.
///
/// # Errors
/// When a rule path cannot be read, or a rule does not parse or type-check.
pub fn load_rules(
    options: &CheckOptions,
    sources: &mut SourceDb,
) -> Result<Vec<dsl::CheckedRule>, CheckError> {
    compile_rules(rule_files(options)?, sources, options.lang)
}

/// The rule files a run uses: the default pack unless left out, and the `--rules` paths.
fn rule_files(options: &CheckOptions) -> Result<Vec<dsl::RuleSource>, CheckError> {
    let mut files = if options.no_default_rules {
        Vec::new()
    } else {
        dsl::default_pack()
    };
    files.extend(dsl::read_rule_paths(&options.rules, options.lang).map_err(CheckError::RulePath)?);
    Ok(files)
}

fn compile_rules(
    files: Vec<dsl::RuleSource>,
    sources: &mut SourceDb,
    lang: i18n::Lang,
) -> Result<Vec<dsl::CheckedRule>, CheckError> {
    let (rules, errors) = dsl::compile(files, sources, lang);
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(CheckError::Rules {
            errors,
            sources: std::mem::take(sources),
        })
    }
}

/// A finished run: the report, the files it points into, and the graph.
#[derive(Debug)]
pub struct Run {
    /// Findings, counts and profiles, after the run's policy.
    pub report: Report,
    /// Every file read.
    pub sources: SourceDb,
    /// The resolved plans (of the whole repository, context included).
    pub graph: Graph,
    /// The rules that ran (shared with the cache of an incremental run).
    pub rules: Arc<[dsl::CheckedRule]>,
    /// How long each stage took, in pipeline order (for `--timings`): the stage's id
    /// (`compile-rules`, `discover`, `load`, `resolve`, `evaluate`, `report`; its name is
    /// `timing-<id>` in the catalogues) and the time.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Runs the pipeline on the paths: load the rules, validate the policy, discover the
/// repository, load plans, build the graph, evaluate, then apply the policy (waivers,
/// select and ignore, severities, baseline) and keep the findings of the paths asked about.
///
/// # Errors
/// When a path does not exist or holds no plan, a rule is broken, or the policy names no
/// rule (usage errors); bad plan files are findings, never errors.
pub fn check(options: &CheckOptions) -> Result<Run, CheckError> {
    check_reporting(options, &Progress::default())
}

/// [`check`], telling `progress` how far it has got as it goes (the browser shows it while
/// it waits). The run and its output are the same.
///
/// # Errors
/// As [`check`].
pub fn check_reporting(options: &CheckOptions, progress: &Progress) -> Result<Run, CheckError> {
    check_cached(options, progress, None)
}

/// What an incremental run keeps of the runs before it ([`check_incremental`]): the files
/// read and decoded, and each rule's verdicts with the plans they read.
#[derive(Debug, Default)]
pub struct RunCache {
    /// Files whose text has not changed are not parsed or decoded again.
    pub load: plan::LoadCache,
    /// Verdicts that read no changed plan are not evaluated again.
    pub eval: eval::EvalCache,
    /// The last run's graph and its findings: an edit that keeps every plan's interface
    /// patches it instead of building it again.
    graph: Option<GraphState>,
    /// Whether the last run patched the graph.
    patched: bool,
    /// The last run's inputs, and the paths and root they were discovered from.
    inputs: Option<KnownInputs>,
    /// The files the caller says may have changed since the last run ([`RunCache::changed`]).
    changed: Option<HashSet<PathBuf>>,
    /// The last run's profiles.
    profiles: profile::ProfileCache,
    /// The last run's rules, with the key of the files they were compiled from.
    rules: Option<(u64, Arc<[dsl::CheckedRule]>)>,
}

impl RunCache {
    /// Says that since the last run only `paths` may have changed (edited on disk, or given
    /// new text in [`CheckOptions::texts`]): the next run takes the list of files from the
    /// last one instead of walking the repository, and reads only these files. A path that
    /// the last run did not check (a new file) or that no longer exists makes the next run
    /// walk the repository as usual; so does any change of the run's paths. Files created or
    /// deleted elsewhere must be named here too, or not use this at all.
    pub fn changed(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        self.changed
            .get_or_insert_with(HashSet::new)
            .extend(paths.into_iter().map(|path| discover::absolute_key(&path)));
    }

    /// Forgets what [`RunCache::changed`] was told: the next run walks the repository and
    /// reads every file.
    pub fn rescan(&mut self) {
        self.changed = None;
    }

    /// The last run's inputs, when the caller said which files changed and they are all
    /// among them; the set of files that may have changed, by canonical path.
    fn known_inputs(
        &mut self,
        options: &CheckOptions,
    ) -> Option<(Arc<Vec<discover::Input>>, HashSet<PathBuf>)> {
        let changed = self.changed.take()?;
        let (paths, root, inputs) = self.inputs.as_ref()?;
        if *paths != options.paths || *root != options.root {
            return None;
        }
        let known = changed
            .iter()
            .all(|key| key.is_file() && inputs.iter().any(|input| input.key == *key));
        known.then(|| (Arc::clone(inputs), changed))
    }

    /// Whether the last run patched the last graph (its edits changed no plan's id, kind,
    /// level, codes or references) instead of building it again.
    #[must_use]
    pub fn patched(&self) -> bool {
        self.patched
    }
}

/// A run's inputs, with the paths and the root they were discovered from.
type KnownInputs = (Vec<PathBuf>, Option<PathBuf>, Arc<Vec<discover::Input>>);

/// A run's graph, its findings, and what else they were built from.
#[derive(Debug)]
struct GraphState {
    graph: Graph,
    findings: Vec<Finding>,
    unreadable: Vec<plan::Unreadable>,
    lang: i18n::Lang,
    /// Each plan's `Graph::signatures` entry, in graph order (`None`: not computed, the
    /// plan counts as changed at the next comparison).
    signatures: Vec<Option<u64>>,
}

impl GraphState {
    /// The graph of `plans` and its findings, by patching this one (see `graph::patch`),
    /// with the files of the plans that changed; `None` when it must be built again.
    fn patch(
        &self,
        plans: &[std::sync::Arc<plan::Plan>],
        unreadable: &[plan::Unreadable],
        lang: i18n::Lang,
    ) -> Option<(Graph, Vec<Finding>, Vec<u32>)> {
        if self.lang != lang || self.unreadable != unreadable {
            return None;
        }
        let (graph, changed) = self.graph.patched(plans)?;
        let findings = graph::remap(&self.findings, &changed)?;
        let files = changed
            .iter()
            .map(|(_, new)| u32::try_from(new.file.index()).unwrap_or(u32::MAX))
            .collect();
        Some((graph, findings, files))
    }

    /// The files whose plan differs in `graph` (its text, or what the graph says about it:
    /// `signatures`), indexed by file; `None` when the two graphs' plan files differ (then
    /// everything counts as changed).
    fn changed(&self, graph: &Graph, signatures: &[Option<u64>]) -> Option<Vec<bool>> {
        let (old, new) = (&self.graph.plans, &graph.plans);
        if old.len() != new.len() || old.iter().zip(new).any(|(a, b)| a.file != b.file) {
            return None;
        }
        let mut changed = vec![false; new.iter().map(|p| p.file.index() + 1).max().unwrap_or(0)];
        let pairs = old
            .iter()
            .zip(new)
            .zip(self.signatures.iter().zip(signatures));
        for ((before, after), (was, is)) in pairs {
            if (!std::sync::Arc::ptr_eq(before, after) || was.is_none() || was != is)
                && let Some(flag) = changed.get_mut(after.file.index())
            {
                *flag = true;
            }
        }
        Some(changed)
    }
}

/// [`check_reporting`] after an earlier run of the same options: the files whose text has
/// not changed since the run that filled `cache` are not parsed or decoded again, and a
/// rule's verdict over a plan that read no changed plan is not evaluated again (the
/// browser's re-lint). The run and its output are the same as a run without the cache.
///
/// # Errors
/// As [`check`].
pub fn check_incremental(
    options: &CheckOptions,
    progress: &Progress,
    cache: &mut RunCache,
) -> Result<Run, CheckError> {
    check_cached(options, progress, Some(cache))
}

fn check_cached(
    options: &CheckOptions,
    progress: &Progress,
    cache: Option<&mut RunCache>,
) -> Result<Run, CheckError> {
    progress.start();
    let mut watch = Stopwatch::reporting(progress);
    let files = rule_files(options)?;
    let key = rules_key(&files, options.lang);
    // The same rule files compile to the same rules: an incremental run takes them as the
    // last run left them.
    let compiled = cache
        .as_ref()
        .and_then(|cache| cache.rules.as_ref())
        .filter(|(was, _)| *was == key)
        .map(|(_, rules)| Arc::clone(rules));
    let exclude = options
        .config
        .as_ref()
        .map(|c| (c.dir(), c.exclude.as_slice()));
    let (mut cache, known) = match cache {
        Some(cache) => {
            let known = cache.known_inputs(options);
            (Some((cache, key)), known)
        }
        None => (None, None),
    };
    // The rules are compiled while the repository is walked (unless the inputs are known):
    // each on a thread of its own.
    let ((rules, compiling), (inputs, walking)) = rayon::join(
        || {
            let start = Instant::now();
            let rules = match compiled {
                Some(rules) => Ok(rules),
                None => compile_rules(files, &mut SourceDb::new(), options.lang)
                    .map(Arc::<[dsl::CheckedRule]>::from),
            };
            (rules, start.elapsed())
        },
        || {
            let start = Instant::now();
            let inputs = match known {
                Some((inputs, changed)) => Ok((inputs, Some(changed))),
                None => discover::discover_repository(
                    &options.paths,
                    options.root.as_deref(),
                    exclude,
                    options.lang,
                )
                .map(|inputs| (Arc::new(inputs), None)),
            };
            (inputs, start.elapsed())
        },
    );
    let rules = rules?;
    if let Some((cache, key)) = cache.as_mut() {
        cache.rules = Some((*key, Arc::clone(&rules)));
    }
    let policy = policy::Policy::new(options, &rules)?;
    watch.laps_together(&[("compile-rules", compiling), ("discover", walking)]);
    let (mut inputs, trusted) = inputs.map_err(CheckError::MissingPath)?;
    if let Some((cache, _)) = cache.as_mut() {
        cache.inputs = Some((
            options.paths.clone(),
            options.root.clone(),
            Arc::clone(&inputs),
        ));
        cache.load.trust(trusted);
    }
    if !options.texts.is_empty() {
        for input in Arc::make_mut(&mut inputs) {
            if let Some(text) = options.texts.get(&input.key) {
                input.text = Some(text.clone());
            }
        }
    }
    progress.files.store(inputs.len(), Ordering::Relaxed);
    // An incremental run keeps every text (the next run compares them).
    let lean_texts = options.lean_texts && cache.is_none();
    let mut sources = SourceDb::new();
    // The configuration comes first among the sources, so that its waivers can be shown.
    let mut config_waivers = Vec::new();
    let mut config_file = None;
    if let Some(config) = &options.config {
        let id = sources.add(config.file.clone(), config.text.clone());
        config_waivers = config.waivers(id, sources.file(id));
        config_file = Some(id);
    }
    let first_input = sources.next_id().index();
    let Analysis {
        loaded,
        graph,
        mut findings,
        set_aside,
        changed,
    } = analyse(
        &inputs,
        &rules,
        &mut sources,
        &config_waivers,
        options.as_of,
        options.lang,
        &mut watch,
        cache.as_mut().map(|(cache, key)| (&mut **cache, *key)),
        lean_texts,
    );
    // Only what was asked about is reported; the rest of the repository was context.
    let mut reported = FileSet(vec![false; sources.len()]);
    for (index, input) in inputs.iter().enumerate() {
        if input.reported {
            reported.insert(source::FileId::from_index(first_input + index));
        }
    }
    // The configuration is the run's own: its findings (unused or invalid waivers) are
    // always reported, whatever part of the repository was asked about.
    if let Some(config) = config_file {
        reported.insert(config);
    }
    no_plan_under_a_path(options, &inputs, first_input, &loaded.skipped, exclude)?;
    findings.retain(|finding| reported.contains(finding.span.file));
    let applied = policy.apply(&mut findings, &sources);
    // What was set aside is kept (the profile shows waived and unknown checks), under the
    // same selection as what is reported.
    let aside = |list: Vec<Finding>| -> Vec<Finding> {
        list.into_iter()
            .filter(|f| reported.contains(f.span.file) && policy.selects(&f.rule, &f.slug))
            .collect()
    };
    let mut waived = aside(set_aside.waived);
    waived.extend(applied.baselined);
    let not_transcribed = aside(set_aside.not_transcribed);
    let mut rule_docs: Vec<report::RuleDoc> = BUILTIN_CHECKS
        .iter()
        .map(|check| report::RuleDoc {
            id: check.id.to_owned(),
            slug: check.slug.to_owned(),
            title: check.title_in(options.lang).to_owned(),
            severity: check.severity,
            pillar: check.pillar,
            doc: check.doc_in(options.lang).to_owned(),
            source: None,
        })
        .chain(rules.iter().map(|rule| {
            let meta = rule.meta();
            report::RuleDoc {
                id: meta.id.clone(),
                slug: meta.slug.clone(),
                title: meta.title_in(options.lang).to_owned(),
                severity: meta.severity,
                pillar: Some(meta.pillar),
                doc: meta.doc_text_in(options.lang),
                source: meta.source.clone(),
            }
        }))
        .collect();
    rule_docs.sort_by(|a, b| a.id.cmp(&b.id));
    for doc in &mut rule_docs {
        if let Some(severity) = policy.severity_of(&doc.id, &doc.slug) {
            doc.severity = severity;
        }
    }
    let reported_plans: Vec<(graph::PlanId, &plan::Plan)> = graph
        .plan_ids()
        .map(|id| (id, graph.plan(id)))
        .filter(|(_, plan)| reported.contains(plan.id.span.file))
        .collect();
    let feeds = profile_feeds(&rules);
    let fingerprint = |finding: &Finding| finding.fingerprint(&sources);
    // Unknown changes: every profile is computed (an empty list marks every file changed),
    // and kept for the next run.
    let reuse = cache.map(|(cache, key)| profile::Reuse {
        cache: &mut cache.profiles,
        changed: changed.as_deref().unwrap_or_default(),
        key,
    });
    let profiles = if options.no_profiles {
        // Nothing kept either: a later run that wants profiles computes them all.
        if let Some(reuse) = reuse {
            *reuse.cache = profile::ProfileCache::default();
        }
        Vec::new()
    } else {
        profile::profiles_cached(
            reported_plans.iter().copied(),
            &graph,
            &profile::Inputs {
                findings: &findings,
                waived: &waived,
                not_transcribed: &not_transcribed,
                feeds: &feeds,
                fingerprint: &fingerprint,
            },
            reuse,
        )
    };
    let checked: Vec<source::FileId> = inputs
        .iter()
        .enumerate()
        .map(|(index, input)| (source::FileId::from_index(first_input + index), input))
        .filter(|(id, input)| input.reported && !loaded.skipped.contains(id))
        .map(|(id, _)| id)
        .collect();
    let mut report = Report {
        rule_docs,
        fixed: applied.entries,
        checked,
        plans: reported_plans.len(),
        rules: BUILTIN_CHECKS.len() + rules.len(),
        profiles,
        skipped: loaded
            .skipped
            .iter()
            .filter(|id| reported.contains(**id))
            .map(|&id| sources.file(id).display_name().to_owned())
            .collect(),
        findings,
        waived,
        not_transcribed,
        fail_on: policy.fail_on(),
        lang: options.lang,
    };
    report.sort(&sources);
    if lean_texts {
        remember_positions(&report, &sources);
    }
    watch.lap("report");
    Ok(Run {
        report,
        sources,
        graph,
        rules,
        timings: watch.laps,
    })
}

/// Works out the lines and columns of every place the report names, in the files whose texts
/// were released (in parallel, from what each file kept of its text: no text is read back).
fn remember_positions(report: &Report, sources: &SourceDb) {
    use rayon::prelude::*;
    let mut offsets: rustc_hash::FxHashMap<source::FileId, Vec<u32>> =
        rustc_hash::FxHashMap::default();
    for finding in report
        .findings
        .iter()
        .chain(&report.waived)
        .chain(&report.not_transcribed)
    {
        let related = finding.related.iter().map(|related| related.span);
        for span in std::iter::once(finding.span).chain(related) {
            offsets
                .entry(span.file)
                .or_default()
                .extend([span.start, span.end]);
        }
    }
    let offsets: Vec<(source::FileId, Vec<u32>)> = offsets.into_iter().collect();
    offsets.into_par_iter().for_each(|(file, mut offsets)| {
        sources.file(file).remember_positions(&mut offsets);
    });
}

/// A set of the files of one run, by index.
struct FileSet(Vec<bool>);

impl FileSet {
    fn insert(&mut self, file: source::FileId) {
        if let Some(slot) = self.0.get_mut(file.index()) {
            *slot = true;
        }
    }

    fn contains(&self, file: source::FileId) -> bool {
        self.0.get(file.index()).copied().unwrap_or(false)
    }
}

/// What a run's verdicts depend on besides the plans: the rules' files and the language.
fn rules_key(files: &[dsl::RuleSource], lang: i18n::Lang) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    lang.hash(&mut hasher);
    for file in files {
        (&file.path, &file.text, file.default_pack).hash(&mut hasher);
    }
    hasher.finish()
}

/// The profile check each rule's findings feed: the built-in checks' and the rules' own.
fn profile_feeds(rules: &[dsl::CheckedRule]) -> rustc_hash::FxHashMap<String, &'static str> {
    let by_id = |id: &str| profile::CHECKS.iter().find(|c| c.id == id).map(|c| c.id);
    BUILTIN_CHECKS
        .iter()
        .filter_map(|check| Some((check.id.to_owned(), check.check?)))
        .chain(rules.iter().filter_map(|rule| {
            let meta = rule.meta();
            Some((meta.id.clone(), by_id(meta.check.as_deref()?)?))
        }))
        .collect()
}

/// What [`analyse`] finds: the loaded files, the graph, the findings after waivers.
pub(crate) struct Analysis {
    /// What the loader saw.
    pub(crate) loaded: plan::LoadSummary,
    /// The resolved plans.
    pub(crate) graph: Graph,
    /// LOAD, REF, rule and WAI findings, the ones set aside removed.
    pub(crate) findings: Vec<Finding>,
    /// The findings waivers and `not_transcribed` entries set aside.
    pub(crate) set_aside: waiver::SetAside,
    /// The files whose plan changed since the cached run (indexed by file), when known.
    pub(crate) changed: Option<Vec<bool>>,
}

/// A stage of a run, in pipeline order, as [`Progress`] reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading and compiling the rules, validating the policy.
    Rules,
    /// Finding the plan files.
    Discover,
    /// Reading, parsing and decoding the plan files ([`Progress::read`] of
    /// [`Progress::files`]).
    Read,
    /// Resolving references between plans.
    Resolve,
    /// Evaluating the rules.
    Evaluate,
    /// Applying the policy and building the report.
    Report,
}

impl Stage {
    const ALL: [Self; 6] = [
        Self::Rules,
        Self::Discover,
        Self::Read,
        Self::Resolve,
        Self::Evaluate,
        Self::Report,
    ];
}

/// How far a run has got, updated by [`check_reporting`] as it goes and readable from any
/// thread meanwhile.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicUsize,
    files: AtomicUsize,
    read: AtomicUsize,
}

impl Progress {
    /// The stage the run is in.
    pub fn stage(&self) -> Stage {
        Stage::ALL
            .get(self.stage.load(Ordering::Relaxed))
            .copied()
            .unwrap_or(Stage::Report)
    }

    /// How many files the run found (0 until they are found).
    pub fn files(&self) -> usize {
        self.files.load(Ordering::Relaxed)
    }

    /// How many of the files have been read.
    pub fn read(&self) -> usize {
        self.read.load(Ordering::Relaxed)
    }

    /// Back to the start, for a new run.
    fn start(&self) {
        self.stage.store(0, Ordering::Relaxed);
        self.files.store(0, Ordering::Relaxed);
        self.read.store(0, Ordering::Relaxed);
    }

    /// The stage after the lap named `lap` (a [`Run::timings`] id).
    fn lapped(&self, lap: &str) {
        let next = match lap {
            "compile-rules" => Stage::Discover,
            "discover" => Stage::Read,
            "load" => Stage::Resolve,
            "resolve" => Stage::Evaluate,
            _ => Stage::Report,
        };
        self.stage.store(next as usize, Ordering::Relaxed);
    }
}

/// How long each stage of a run takes (and, when asked, how far the run has got).
pub(crate) struct Stopwatch<'a> {
    laps: Vec<(&'static str, Duration)>,
    clock: Instant,
    progress: Option<&'a Progress>,
}

impl<'a> Stopwatch<'a> {
    pub(crate) fn new() -> Self {
        Self {
            laps: Vec::new(),
            clock: Instant::now(),
            progress: None,
        }
    }

    /// A stopwatch that also moves `progress` on at each lap.
    fn reporting(progress: &'a Progress) -> Self {
        Self {
            progress: Some(progress),
            ..Self::new()
        }
    }

    /// The counter of files read, when progress is reported.
    fn read_counter(&self) -> Option<&'a AtomicUsize> {
        self.progress.map(|progress| &progress.read)
    }

    /// Records stages that ran side by side, each with its own duration; the next lap starts
    /// now.
    fn laps_together(&mut self, stages: &[(&'static str, Duration)]) {
        for &(stage, duration) in stages {
            self.laps.push((stage, duration));
            if let Some(progress) = self.progress {
                progress.lapped(stage);
            }
        }
        self.clock = Instant::now();
    }

    /// Records the time since the last lap as `stage`.
    pub(crate) fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.clock));
        self.clock = now;
        if let Some(progress) = self.progress {
            progress.lapped(stage);
        }
    }
}

/// The (id, slug) of every built-in check and of `rules`.
pub(crate) fn known_rules(rules: &[dsl::CheckedRule]) -> Vec<(&str, &str)> {
    BUILTIN_CHECKS
        .iter()
        .map(|c| (c.id, c.slug))
        .chain(
            rules
                .iter()
                .map(|r| (r.meta().id.as_str(), r.meta().slug.as_str())),
        )
        .collect()
}

/// The analysis every run and every rule case shares: read and decode the inputs, resolve
/// references, evaluate the rules, apply waivers.
#[expect(
    clippy::too_many_arguments,
    reason = "the pipeline's inputs, each used once: a struct would only rename them"
)]
pub(crate) fn analyse(
    inputs: &[discover::Input],
    rules: &[dsl::CheckedRule],
    sources: &mut SourceDb,
    config_waivers: &[plan::model::Waiver],
    as_of: Option<plan::model::Date>,
    lang: i18n::Lang,
    watch: &mut Stopwatch<'_>,
    cache: Option<(&mut RunCache, u64)>,
    lean_texts: bool,
) -> Analysis {
    let (mut load_cache, mut eval_cache, mut graph_cache) = match cache {
        Some((cache, key)) => {
            // Split so that the loader, the graph and the evaluator each hold their part.
            let RunCache {
                load,
                eval,
                graph,
                patched,
                ..
            } = cache;
            (Some(load), Some((eval, key)), Some((graph, patched)))
        }
        None => (None, None, None),
    };
    let loaded = plan::load_counting(
        inputs,
        sources,
        lang,
        watch.read_counter(),
        load_cache.take(),
        lean_texts,
    );
    watch.lap("load");
    let previous = graph_cache.as_ref().and_then(|(state, _)| state.as_ref());
    let patched = previous.and_then(|state| state.patch(&loaded.plans, &loaded.unreadable, lang));
    let mut patched_files = None;
    let (graph, graph_findings, signatures) = if let Some((graph, findings, files)) = patched {
        // The graph is the last one but for the changed plans: their signatures are unknown.
        let signatures = graph
            .plans
            .iter()
            .zip(previous.map_or(&[][..], |state| &state.signatures))
            .map(|(plan, signature)| {
                let file = u32::try_from(plan.file.index()).unwrap_or(u32::MAX);
                signature.filter(|_| !files.contains(&file))
            })
            .collect();
        patched_files = Some(files);
        (graph, findings, signatures)
    } else {
        let (graph, findings) = graph::build_with(&loaded.plans, &loaded.unreadable, lang);
        let signatures = if graph_cache.is_some() {
            graph.signatures().into_iter().map(Some).collect()
        } else {
            Vec::new()
        };
        (graph, findings, signatures)
    };
    // After a patch, the plans that changed are known; else the graphs are compared.
    let changed = match &patched_files {
        Some(files) => {
            let size = graph
                .plans
                .iter()
                .map(|p| p.file.index() + 1)
                .max()
                .unwrap_or(0);
            let mut changed = vec![false; size];
            for &file in files {
                if let Some(flag) = changed.get_mut(file as usize) {
                    *flag = true;
                }
            }
            Some(changed)
        }
        None => previous.and_then(|state| state.changed(&graph, &signatures)),
    };
    if let Some((state, patched)) = graph_cache.take() {
        *patched = patched_files.is_some();
        *state = Some(GraphState {
            graph: graph.clone(),
            findings: graph_findings.clone(),
            unreadable: loaded.unreadable.clone(),
            lang,
            signatures,
        });
    }
    watch.lap("resolve");
    let mut findings = loaded.findings;
    findings.extend(graph_findings);
    match eval_cache.take() {
        Some((eval, key)) => {
            let changed = changed.as_deref().map(|files| eval::Changed {
                files,
                same_plans: patched_files.is_some(),
            });
            findings.extend(eval::evaluate_cached(
                rules,
                &graph,
                lang,
                eval,
                key,
                changed.as_ref(),
            ));
        }
        None => findings.extend(eval::evaluate(rules, &graph, lang)),
    }
    watch.lap("evaluate");
    let known = known_rules(rules);
    let set_aside = waiver::apply(
        &mut findings,
        &graph,
        config_waivers,
        as_of.unwrap_or_else(waiver::today),
        &known,
        lang,
    );
    Analysis {
        loaded: plan::LoadSummary {
            skipped: loaded.skipped,
        },
        graph,
        findings,
        set_aside,
        changed,
    }
}

/// A path the user named under which no file is a plan (nor a broken file) is a usage
/// error: a green run on an empty folder would pass silently.
fn no_plan_under_a_path(
    options: &CheckOptions,
    inputs: &[discover::Input],
    first_input: usize,
    skipped: &[source::FileId],
    exclude: Option<(&std::path::Path, &[String])>,
) -> Result<(), CheckError> {
    let planned: Vec<PathBuf> = inputs
        .iter()
        .enumerate()
        .filter(|(index, input)| {
            input.reported && !skipped.contains(&source::FileId::from_index(first_input + index))
        })
        .map(|(_, input)| input.key.clone())
        .collect();
    for path in &options.paths {
        let key = discover::absolute_key(path);
        if planned.iter().any(|file| file.starts_with(&key)) {
            continue;
        }
        let shown = source::display_path(path);
        let lang = options.lang;
        let mut helps = vec![tr!(lang, "cli-no-plan-help")];
        if let Some((base, _)) = exclude
            && discover::is_excluded(&path.join("x.yaml"), exclude)
        {
            helps.push(tr!(
                lang,
                "cli-no-plan-excluded",
                config = source::display_path(&base.join(config::FILE_NAME)),
                path = shown.as_str()
            ));
        }
        return Err(CheckError::Usage(
            tr!(lang, "cli-no-plan", path = shown.as_str()),
            helps,
        ));
    }
    Ok(())
}
