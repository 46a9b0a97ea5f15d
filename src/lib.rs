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
//!    → findings → render (human | json | sarif | junit | github) or browse (tui)
//! ```
//!
//! ## Codemap
//!
//! - [`source`]: `FileId`, `Span`, `Spanned<T>`, `SourceFile` and `SourceDb`
//!   (each file's text stored once, with a line index); reading files with a
//!   size limit and UTF-8 check.
//! - [`discover`]: walks the user's paths with walkdir (hidden folders and
//!   `target/` skipped, symlinks followed, loops reported, `exclude` globs) → `Vec<Input>`.
//! - [`plan`]: `plan::yaml` turns text into a spanned tree with its own limits
//!   (depth, alias expansion, node count); `plan::load` decodes the tree into
//!   the typed `plan::model` (`Plan`, `Element`, `Indicator`, `Activity`, …),
//!   reporting LOAD-01..03. Files are parsed in parallel with rayon.
//! - [`graph`]: `graph::build` indexes codes and resolves every `traces_to`,
//!   `upper` and `action` reference into a `Graph` that can be walked both
//!   ways (traces/traced by, upper/lower, action/implemented by), reporting
//!   REF-01..05.
//! - [`dsl`]: the rule language. `dsl::parser` (the only pest user) builds the
//!   spanned `dsl::ast`; `dsl::typeck` checks it against `dsl::schema` and
//!   compiles it to `dsl::ir` (`CheckedRule`); the default pack (`rules/`) and its
//!   cases are compiled into the binary by `build.rs`.
//! - [`eval`]: evaluates checked rules over the graph (pure, parallel per rule).
//! - [`waiver`]: waivers in plans and in the configuration (WAI-01, WAI-02).
//! - [`baseline`]: accepted findings keyed by fingerprint; fixed entries.
//! - [`config`]: the configuration file, `alinea.yaml`.
//! - [`report`]: `Finding`, `Severity`, `Pillar`, `Profile`, `RuleDoc`, `Report`:
//!   the one output model every renderer and the browser read.
//! - [`render`]: one module per format (`human` with miette, `json`, `sarif`,
//!   `junit`, `github`) and `--statistics`.
//! - [`export`]: `alinea graph` (dot, mermaid, json).
//! - [`cases`]: rule fixture cases (`alinea rules test`).
//! - [`docs`]: rule documentation from one place: `Listed` (a built-in check or a
//!   rule, as `explain` and `rules list` show it) and `rule_reference`, the Markdown
//!   rule reference (`docs/rules.md`, `alinea rules list --format markdown`).
//! - [`tui`]: the browser, in the Elm architecture (`tui::app`: model, messages,
//!   update; `tui::view`: rendering; `tui::terminal`: the only terminal IO).
//! - [`cli`]: flags → options, the commands, exit codes.
//! - [`suggest`]: "did you mean" by edit distance.
//!
//! ## Invariants
//!
//! - **Invariant:** only `discover`, `source`, `config`, `baseline` and `cli` read
//!   files; only `cli` writes them (reports, baselines, graphs: never a plan file).
//!   Only `render`, `cli` and `tui::terminal` write to the terminal.
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
//!   coverage views, the `Graph`); they never evaluate rules themselves.

pub mod baseline;
pub mod cases;
pub mod cli;
pub mod config;
pub mod discover;
pub mod docs;
pub mod dsl;
pub mod eval;
pub mod export;
pub mod graph;
pub mod plan;
pub mod render;
pub mod report;
pub mod source;
pub mod suggest;
pub mod tui;
pub mod waiver;

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::graph::Graph;
use crate::report::{CheckMeta, Finding, Pillar, Profile, Report};
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
];

/// What a check run covers.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Files and folders to check.
    pub paths: Vec<PathBuf>,
    /// Extra rule files and folders.
    pub rules: Vec<PathBuf>,
    /// Leave the default pack out.
    pub no_default_rules: bool,
    /// The date waivers expire against (default: today).
    pub as_of: Option<plan::model::Date>,
    /// The repository's configuration (`alinea.yaml`), for its waivers, exclusions and severities.
    pub config: Option<config::Config>,
    /// Findings accepted for now.
    pub baseline: Option<Vec<baseline::Entry>>,
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
}

/// Loads the rules a run uses: the default pack (unless left out) and the user's files.
///
/// # Errors
/// When a rule path cannot be read, or a rule does not parse or type-check.
pub fn load_rules(
    options: &CheckOptions,
    sources: &mut SourceDb,
) -> Result<Vec<dsl::CheckedRule>, CheckError> {
    let mut files = if options.no_default_rules {
        Vec::new()
    } else {
        dsl::default_pack()
    };
    files.extend(dsl::read_rule_paths(&options.rules).map_err(CheckError::RulePath)?);
    let (rules, errors) = dsl::compile(files, sources);
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
    /// Findings, counts and profiles.
    pub report: Report,
    /// Every file read.
    pub sources: SourceDb,
    /// The resolved plans.
    pub graph: Graph,
    /// The rules that ran.
    pub rules: Vec<dsl::CheckedRule>,
    /// How long each stage took, in pipeline order (for `--timings`).
    pub timings: Vec<(&'static str, Duration)>,
}

/// Runs the pipeline on the paths: load the rules, discover, load plans, build the graph,
/// evaluate, apply waivers, report.
///
/// # Errors
/// When a path does not exist or a rule is broken (usage errors); bad plan files are
/// findings, never errors.
pub fn check(options: &CheckOptions) -> Result<Run, CheckError> {
    let mut timings = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |stage: &'static str| {
        let now = Instant::now();
        timings.push((stage, now - clock));
        clock = now;
    };
    let mut rule_sources = SourceDb::new();
    let rules = load_rules(options, &mut rule_sources)?;
    lap("compile rules");
    let exclude = options
        .config
        .as_ref()
        .map(|c| (c.dir(), c.exclude.as_slice()));
    let inputs =
        discover::discover_excluding(&options.paths, exclude).map_err(CheckError::MissingPath)?;
    lap("discover");
    let mut sources = SourceDb::new();
    // The configuration comes first among the sources, so that its waivers can be shown.
    let config_waivers = options.config.as_ref().map_or_else(Vec::new, |config| {
        let id = sources.add(config.file.clone(), config.text.clone());
        config.waivers(id, sources.file(id))
    });
    let loaded = plan::load(&inputs, &mut sources);
    lap("read, parse and decode");
    let (graph, graph_findings) = graph::build(loaded.plans);
    lap("resolve references");
    let mut findings = loaded.findings;
    findings.extend(graph_findings);
    findings.extend(eval::evaluate(&rules, &graph));
    lap("evaluate rules");
    let mut suppressed = waiver::apply(
        &mut findings,
        &graph,
        &config_waivers,
        options.as_of.unwrap_or_else(waiver::today),
    );
    let overrides = options
        .config
        .as_ref()
        .map_or(&[][..], |c| c.severity.as_slice());
    for finding in &mut findings {
        if let Some((_, severity)) = overrides
            .iter()
            .find(|(rule, _)| *rule == finding.rule || *rule == finding.slug)
        {
            finding.severity = *severity;
        }
    }
    let fixed = match &options.baseline {
        Some(entries) => {
            let (count, fixed) = baseline::apply(&mut findings, &sources, entries);
            suppressed += count;
            fixed
        }
        None => Vec::new(),
    };
    let mut rule_docs: Vec<report::RuleDoc> = BUILTIN_CHECKS
        .iter()
        .map(|check| report::RuleDoc {
            id: check.id.to_owned(),
            slug: check.slug.to_owned(),
            title: check.title.to_owned(),
            severity: check.severity,
            pillar: check.pillar,
            doc: check.doc.to_owned(),
            source: None,
        })
        .chain(rules.iter().map(|rule| {
            let meta = rule.meta();
            report::RuleDoc {
                id: meta.id.clone(),
                slug: meta.slug.clone(),
                title: meta.title.clone(),
                severity: meta.severity,
                pillar: Some(meta.pillar),
                doc: meta.doc_text(),
                source: meta.source.clone(),
            }
        }))
        .collect();
    rule_docs.sort_by(|a, b| a.id.cmp(&b.id));
    for doc in &mut rule_docs {
        if let Some((_, severity)) = overrides
            .iter()
            .find(|(rule, _)| *rule == doc.id || *rule == doc.slug)
        {
            doc.severity = *severity;
        }
    }
    let mut report = Report {
        rule_docs,
        fixed,
        files: loaded.files,
        plans: graph.plans.len(),
        rules: BUILTIN_CHECKS.len() + rules.len(),
        profiles: profiles(&graph, &findings),
        skipped: loaded
            .skipped
            .iter()
            .map(|&id| sources.file(id).display_name().to_owned())
            .collect(),
        findings,
        suppressed,
    };
    report.sort(&sources);
    lap("report");
    Ok(Run {
        report,
        sources,
        graph,
        rules,
        timings,
    })
}

/// Each plan's public value profile: per pillar, how many of its elements
/// (objectives, actions, activities, investments) carry no finding of that pillar.
#[must_use]
pub fn profiles(graph: &Graph, findings: &[Finding]) -> Vec<Profile> {
    let mut flagged: HashSet<(&str, &str, Pillar)> = HashSet::new();
    for finding in findings {
        if let Some(pillar) = finding.pillar
            && !finding.element.is_empty()
        {
            flagged.insert((finding.plan.as_str(), finding.element.as_str(), pillar));
        }
    }
    graph
        .plans
        .iter()
        .map(|plan| {
            let mut codes: Vec<&str> = plan.elements().map(|e| e.code.value.as_str()).collect();
            codes.extend(plan.activities.iter().map(|a| a.code.value.as_str()));
            codes.extend(plan.investments.iter().map(|i| i.cui.value.as_str()));
            let total = codes.len();
            let clean = |pillar: Pillar| {
                let dirty = codes
                    .iter()
                    .filter(|code| flagged.contains(&(plan.id.value.as_str(), **code, pillar)))
                    .count();
                [total - dirty, total]
            };
            Profile {
                plan: plan.id.value.clone(),
                legitimacy: clean(Pillar::Legitimacy),
                capacity: clean(Pillar::Capacity),
                value: clean(Pillar::Value),
            }
        })
        .collect()
}
