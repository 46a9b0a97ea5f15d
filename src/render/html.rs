//! The HTML report (`--format html`): one self-contained page for the people who judge a
//! plan without a terminal (the council, CEPLAN's analyst, the citizen on the transparency
//! portal).
//!
//! The page is one file: its style, its script, its data and its drawings are inside it,
//! and a Content-Security-Policy (with the SHA-256 of the one style and the one script)
//! forbids every request. The same run gives the same bytes: no timestamps, sorted data.
//!
//! The data is JSON in `<script type="application/json">` elements (every `<` written
//! `\u003c`, so that no plan text can close the element), in three parts, so that the
//! overview of a national repository parses only what it shows: `data`, the overview's
//! (the counts, every word of the page, and one row per plan); `nodes`, the table that
//! names the trace graphs' nodes and layer titles (`trace::NodeTable`); and `p-<N>`, the
//! rest of plan `N`'s page (its findings with their source lines, its profile's checks,
//! waivers, trace graph and coverage matrix), read when its page is opened (`#plan/<id>`).
//! The page's script builds the overview's rows on demand (a page of rows at a time) and
//! each plan's page from its block; the trace graph's SVG elements are made only then, where
//! the layout computed here puts them. Every string from a plan reaches the page through
//! `textContent`, never as markup.
//!
//! What is shown is computed here, never re-decided: findings and their counts come from
//! the [`Report`](crate::report::Report); the profile's scores, checks and money from
//! [`crate::profile`]; the gaps from [`crate::report::gaps`]; the trace graph's nodes and
//! edges from the resolved [`Graph`], laid out here (`trace`); the
//! coverage matrix from the browser's [`crate::tui::coverage::matrix`]. The script only
//! draws.
//!
//! The JSON keys are short, because a national report has tens of thousands of findings.
//! `data`: `summary`, `families`, `rules`, `words` (every word of the page, in the run's
//! language), `files` (names), `groups` (ubigeo → name), `kinds`, and `plans` (`key` the
//! address, `counts` per severity, `r` the rules of its findings). `p-<N>`: `findings` /
//! `waived` / `unknown` (`r` rule index, `s` severity 0 error 1 warning 2 info, `m`
//! message, `h` help, `e` element, `f` file, `l` `c` `el` `ec` the span, `x` related `[file,
//! line, message]`), `lines` (per file, the source lines they show, as runs of consecutive
//! lines), `trace`, `coverage`.

mod trace;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::Run;
use crate::graph::{Graph, PlanId};
use crate::i18n::Lang;
use crate::plan::model::{EntityType, PlanKind};
use crate::report::{Finding, Pillar, Severity};
use crate::source::SourceDb;
use crate::tr;

use super::junit::escape;

const STYLE: &str = include_str!("html/page.css");
const SCRIPT: &str = include_str!("html/page.js");

/// Up to this many plans, the trace graphs' tooltips carry every statement.
const STATEMENTS_UP_TO_PLANS: usize = 500;
/// Source lines shown before and after a finding's span.
const CONTEXT_LINES: usize = 2;
/// A span longer than this many lines shows its first lines only.
const MAX_SPAN_LINES: usize = 6;
/// Source lines longer than this are cut (a minified line would swell the page).
const MAX_LINE_CHARS: usize = 400;

/// Writes the report as one HTML page.
///
/// # Errors
/// When writing fails.
pub fn render(run: &Run, out: &mut dyn Write) -> io::Result<()> {
    let parts = parts(run);
    out.write_all(page(run.report.lang, &parts)?.as_bytes())
}

/// The words of the page, by key (`html-` left out): the script reads them from the data.
const WORDS: &[&str] = &[
    "html-title",
    "html-overview",
    "html-summary",
    "html-files",
    "html-plans",
    "html-findings",
    "html-suppressed",
    "html-not-transcribed",
    "html-rules-run",
    "html-by-family",
    "html-family",
    "html-total",
    "html-by-rule",
    "html-rule",
    "html-slug",
    "html-title-col",
    "html-count",
    "html-plans-heading",
    "html-filter-region",
    "html-filter-kind",
    "html-filter-rule",
    "html-filter-text",
    "html-filter-text-hint",
    "html-all",
    "html-shown",
    "html-show-more",
    "html-no-plans",
    "html-col-plan",
    "html-col-kind",
    "html-col-entity",
    "html-col-territory",
    "html-col-money",
    "html-sort-hint",
    "html-sorted-note",
    "html-territory-order",
    "html-national",
    "html-region",
    "html-province",
    "html-district",
    "html-no-territory",
    "html-back",
    "html-plan-not-found",
    "html-entity",
    "html-period",
    "html-status",
    "html-file",
    "html-profile",
    "html-profile-note",
    "html-pillar",
    "html-score",
    "html-checks",
    "html-money",
    "html-no-money",
    "html-findings-heading",
    "html-no-findings",
    "html-help",
    "html-related",
    "html-location",
    "html-source",
    "html-waivers",
    "html-waiver-at",
    "html-waiver-reason",
    "html-waiver-until",
    "html-no-reason",
    "html-whole-plan",
    "html-waived-findings",
    "html-unknown-findings",
    "html-trace",
    "html-trace-note",
    "html-trace-empty",
    "html-gaps",
    "html-no-gaps",
    "html-legend-own",
    "html-legend-upper",
    "html-legend-gap",
    "html-legend-gap2",
    "html-coverage",
    "html-coverage-note",
    "html-coverage-element",
    "html-coverage-covered",
    "html-uncovered",
    "html-coverage-empty",
    "html-severity",
    "html-outside",
    "html-script-errors",
];

#[derive(Serialize)]
struct Data<'a> {
    lang: &'static str,
    summary: super::json::Summary,
    words: BTreeMap<&'static str, String>,
    severities: [String; 3],
    pillars: [String; 3],
    triangle: Triangle,
    families: Vec<FamilyRow>,
    rules: Vec<RuleRow<'a>>,
    files: Vec<&'a str>,
    groups: BTreeMap<String, String>,
    kinds: Vec<(&'static str, String)>,
    plans: Vec<PlanRow<'a>>,
}

/// The page's data: the overview's, the node table, and each plan's rest, in the plans'
/// order.
struct Parts<'a> {
    data: Data<'a>,
    table: trace::TableData,
    details: Vec<Detail<'a>>,
}

/// The full triangle: its corners (legitimacy at the top, capacity bottom left, value
/// bottom right) in the drawing's units, centre at the origin.
#[derive(Serialize)]
struct Triangle {
    corners: [[f64; 2]; 3],
    view_box: &'static str,
}

const CORNERS: [[f64; 2]; 3] = [[0.0, -100.0], [-86.6, 50.0], [86.6, 50.0]];

#[derive(Serialize)]
struct FamilyRow {
    family: String,
    counts: [usize; 3],
}

#[derive(Serialize)]
struct RuleRow<'a> {
    id: &'a str,
    slug: &'a str,
    title: &'a str,
    counts: [usize; 3],
}

/// A plan's row of the overview.
#[derive(Serialize)]
struct PlanRow<'a> {
    /// The address: the plan id (with the file, for a second plan with one id).
    key: String,
    id: &'a str,
    kind: &'static str,
    kind_word: String,
    title: &'a str,
    entity: &'a str,
    entity_type: String,
    territory: &'a str,
    /// The pillars' scores in 0..=1, `null` when no check applies.
    scores: [Option<f64>; 3],
    money: Option<Money>,
    counts: [usize; 3],
    /// The rules of its findings (indices into `rules`), for the rule filter.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    r: Vec<usize>,
}

/// The rest of a plan's page.
#[derive(Serialize)]
struct Detail<'a> {
    level: &'static str,
    period: String,
    status: &'static str,
    file: usize,
    /// The inner triangle's points.
    points: String,
    /// Per pillar, the checks that do not pass, in words.
    checks: [Vec<String>; 3],
    findings: Vec<FindingData<'a>>,
    waived: Vec<FindingData<'a>>,
    unknown: Vec<FindingData<'a>>,
    /// Per file (index into `files`), the lines its findings show, as runs of consecutive
    /// lines: `[first line, [text, …]]`.
    lines: BTreeMap<usize, Vec<(usize, Vec<String>)>>,
    waivers: Vec<WaiverData<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trace: Option<trace::Trace>,
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<Coverage>,
}

/// One plan of the report: its overview row and the rest of its page.
struct Entry<'a> {
    row: PlanRow<'a>,
    detail: Detail<'a>,
}

#[derive(Serialize)]
struct Money {
    chain: f64,
    total: f64,
    text: String,
}

#[derive(Serialize)]
struct WaiverData<'a> {
    rule: &'a str,
    at: Option<&'a str>,
    reason: Option<&'a str>,
    until: Option<String>,
}

#[derive(Serialize)]
struct Coverage {
    /// The lower plans: the index of its page in `plans`, or its id when it has none.
    columns: Vec<Column>,
    /// `[code, flags, covered, cells]`: flags 1 an action, 2 no lower plan takes it up;
    /// `covered` how many lower plans take it up; a cell how many elements of the column's
    /// plan trace to it.
    rows: Vec<(String, u8, usize, Vec<usize>)>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Column {
    Page(usize),
    Id(String),
}

#[derive(Serialize)]
struct FindingData<'a> {
    r: usize,
    s: u8,
    m: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    h: Option<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    e: &'a str,
    f: usize,
    l: usize,
    c: usize,
    el: usize,
    ec: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    x: Vec<(usize, usize, &'a str)>,
}

fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

fn parts(run: &Run) -> Parts<'_> {
    let report = &run.report;
    let lang = report.lang;
    let graph = &run.graph;
    let sources = &run.sources;

    let mut files = Files::default();
    let mut rules = Rules::default();
    for doc in &report.rule_docs {
        rules.index(&doc.id, &doc.slug, &doc.title);
    }
    let [findings, waived, unknown] = [&report.findings, &report.waived, &report.not_transcribed]
        .map(|list| {
            list.iter()
                .map(|f| finding(f, sources, &mut files, &mut rules))
                .collect::<Vec<_>>()
        });
    for (finding, data) in report.findings.iter().zip(&findings) {
        if let Some(count) = rules
            .rows
            .get_mut(data.r)
            .and_then(|row| row.counts.get_mut(severity_index(finding.severity)))
        {
            *count += 1;
        }
    }

    let (entries, table) = plans(run, &mut files, [findings, waived, unknown]);
    let mut families: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for finding in &report.findings {
        let counts = families
            .entry(crate::policy::family(&finding.rule).to_owned())
            .or_default();
        if let Some(count) = counts.get_mut(severity_index(finding.severity)) {
            *count += 1;
        }
    }
    let words = WORDS
        .iter()
        .map(|&id| {
            (
                id.strip_prefix("html-").unwrap_or(id),
                crate::i18n::text(lang, id, &[]),
            )
        })
        .collect();
    let (rows, mut details): (Vec<PlanRow<'_>>, Vec<Detail<'_>>) = entries
        .into_iter()
        .map(|entry| (entry.row, entry.detail))
        .unzip();
    let digits = table.digits();
    for detail in &mut details {
        if let Some(trace) = &mut detail.trace {
            trace.encode(digits);
        }
    }
    let data = Data {
        lang: lang.as_str(),
        summary: super::json::summary(report),
        words,
        severities: [
            Severity::Error.name(lang),
            Severity::Warning.name(lang),
            Severity::Info.name(lang),
        ],
        pillars: Pillar::ALL.map(|pillar| capitalized(&pillar.name(lang))),
        triangle: Triangle {
            corners: CORNERS,
            view_box: "-150 -122 300 206",
        },
        families: families
            .into_iter()
            .map(|(family, counts)| FamilyRow { family, counts })
            .collect(),
        rules: rules.rows,
        groups: groups(graph, &rows),
        kinds: PlanKind::ALL
            .iter()
            .map(|kind| (kind.as_str(), kind.word(lang).to_uppercase()))
            .collect(),
        files: files
            .order
            .iter()
            .map(|&id| sources.file(id).display_name())
            .collect(),
        plans: rows,
    };
    Parts {
        data,
        table: table.finish(),
        details,
    }
}

/// `text` with its first letter in capitals, as a heading writes a word.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The files findings point at, by index.
#[derive(Default)]
struct Files {
    index: HashMap<crate::source::FileId, usize>,
    order: Vec<crate::source::FileId>,
}

impl Files {
    fn index(&mut self, file: crate::source::FileId) -> usize {
        *self.index.entry(file).or_insert_with(|| {
            self.order.push(file);
            self.order.len() - 1
        })
    }
}

/// The source lines a plan's findings show, per file: each span's first lines with
/// [`CONTEXT_LINES`] around them.
fn source_lines(
    sources: &SourceDb,
    files: &Files,
    detail: &Detail<'_>,
) -> BTreeMap<usize, Vec<(usize, Vec<String>)>> {
    let mut wanted: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for finding in detail
        .findings
        .iter()
        .chain(&detail.waived)
        .chain(&detail.unknown)
    {
        let first = finding.l;
        let last = finding.el.max(first).min(first + MAX_SPAN_LINES);
        wanted
            .entry(finding.f)
            .or_default()
            .extend(first.saturating_sub(CONTEXT_LINES).max(1)..=last + CONTEXT_LINES);
    }
    wanted
        .into_iter()
        .filter_map(|(index, lines)| {
            let file = sources.file(*files.order.get(index)?);
            let last = file
                .line_col(u32::try_from(file.text().len()).unwrap_or(u32::MAX))
                .line;
            let mut runs: Vec<(usize, Vec<String>)> = Vec::new();
            for line in lines.into_iter().filter(|&line| line <= last) {
                let text = file.line_text(line);
                let text = match text.char_indices().nth(MAX_LINE_CHARS) {
                    Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or("")),
                    None => text.to_owned(),
                };
                match runs.last_mut() {
                    Some((first, texts)) if *first + texts.len() == line => texts.push(text),
                    _ => runs.push((line, vec![text])),
                }
            }
            Some((index, runs))
        })
        .collect()
}

/// The rules of the report, by index.
#[derive(Default)]
struct Rules<'a> {
    index: HashMap<&'a str, usize>,
    rows: Vec<RuleRow<'a>>,
}

impl<'a> Rules<'a> {
    fn index(&mut self, id: &'a str, slug: &'a str, title: &'a str) -> usize {
        *self.index.entry(id).or_insert_with(|| {
            self.rows.push(RuleRow {
                id,
                slug,
                title,
                counts: [0; 3],
            });
            self.rows.len() - 1
        })
    }
}

fn finding<'a>(
    finding: &'a Finding,
    sources: &'a SourceDb,
    files: &mut Files,
    rules: &mut Rules<'a>,
) -> FindingData<'a> {
    let start = sources.start(finding.span);
    let end = sources.end(finding.span);
    let file = files.index(finding.span.file);
    FindingData {
        r: rules.index(&finding.rule, &finding.slug, ""),
        s: match finding.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        },
        m: &finding.message,
        h: finding.help.as_deref(),
        e: &finding.element,
        f: file,
        l: start.line,
        c: start.column,
        el: end.line,
        ec: end.column,
        x: finding
            .related
            .iter()
            .map(|related| {
                let at = sources.start(related.span);
                let related_file = files.index(related.span.file);
                (related_file, at.line, related.message.as_str())
            })
            .collect(),
    }
}

/// One entry per plan the run reported on (in territory, entity, rank and id order), then
/// one per file with findings but no readable plan; each finding, waived finding and
/// finding about data not transcribed (`lists`, in the report's order) in its plan's entry.
fn plans<'a>(
    run: &'a Run,
    files: &mut Files,
    lists: [Vec<FindingData<'a>>; 3],
) -> (Vec<Entry<'a>>, trace::NodeTable) {
    let report = &run.report;
    let graph = &run.graph;
    let lang = report.lang;
    let checked: BTreeSet<crate::source::FileId> = report.checked.iter().copied().collect();
    let mut ids: Vec<PlanId> = graph
        .plan_ids()
        .filter(|&id| checked.contains(&graph.plan(id).id.span.file))
        .collect();
    ids.sort_by_cached_key(|&id| {
        let plan = graph.plan(id);
        (
            plan.entity
                .territory
                .as_ref()
                .map(|t| t.value.to_string())
                .unwrap_or_default(),
            plan.entity
                .name
                .as_ref()
                .map(|n| n.value.to_string())
                .unwrap_or_default(),
            std::cmp::Reverse(graph.plan_node(id).rank),
            plan.id.value.to_string(),
            run.sources
                .file(plan.id.span.file)
                .display_name()
                .to_owned(),
        )
    });
    let profiles: HashMap<&str, &crate::profile::Profile> = report
        .profiles
        .iter()
        .rev()
        .map(|profile| (profile.plan.as_str(), &**profile))
        .collect();
    let gaps = crate::report::gaps::Gaps::new(&report.findings);
    let index = crate::tui::index::Index::new(run);

    // Addresses first, so that coverage columns can link to the pages of lower plans.
    let mut pages: HashMap<PlanId, usize> = HashMap::new();
    let mut keys: Vec<String> = Vec::new();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for &id in &ids {
        let plan = graph.plan(id);
        let mut key = plan.id.value.to_string();
        if taken.contains(&key) {
            key = format!(
                "{}@{}",
                plan.id.value,
                run.sources.file(plan.id.span.file).display_name()
            );
        }
        taken.insert(key.clone());
        pages.insert(id, keys.len());
        keys.push(key);
    }

    // Small repositories show every statement in the trace graphs' tooltips; large ones
    // those of the plans a lower plan answers to (PDLC of a province and above), which are
    // few and met by many.
    let mut table = trace::NodeTable::default();
    table.statements_from_rank = if ids.len() <= STATEMENTS_UP_TO_PLANS {
        0
    } else {
        3
    };
    let mut entries: Vec<Entry<'a>> = ids
        .iter()
        .zip(keys)
        .map(|(&id, key)| {
            let plan = graph.plan(id);
            let file = files.index(plan.id.span.file);
            let profile = profiles.get(plan.id.value.as_str()).copied();
            let looked_up = Lookups {
                gaps: &gaps,
                index: &index,
                pages: &pages,
            };
            entry(graph, id, key, file, profile, lang, &looked_up, &mut table)
        })
        .collect();

    // Each finding goes to the plan it names (the one in its own file, when two share an
    // id), else to an entry for its file.
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (position, &id) in ids.iter().enumerate() {
        by_id
            .entry(graph.plan(id).id.value.as_str())
            .or_default()
            .push(position);
    }
    let mut by_file: HashMap<usize, usize> = HashMap::new();
    for (position, entry) in entries.iter().enumerate() {
        by_file.entry(entry.detail.file).or_insert(position);
    }
    let originals: [&'a [Finding]; 3] = [&report.findings, &report.waived, &report.not_transcribed];
    for (list, (originals, converted)) in originals.into_iter().zip(lists).enumerate() {
        for (original, data) in originals.iter().zip(converted) {
            let candidates = by_id
                .get(original.plan.as_str())
                .map_or(&[][..], Vec::as_slice);
            let owner = candidates
                .iter()
                .copied()
                .find(|&c| entries.get(c).is_some_and(|e| e.detail.file == data.f))
                .or_else(|| candidates.first().copied())
                .or_else(|| by_file.get(&data.f).copied());
            let owner = owner.unwrap_or_else(|| {
                entries.push(outside(run, data.f, original));
                by_file.insert(data.f, entries.len() - 1);
                entries.len() - 1
            });
            if let Some(entry) = entries.get_mut(owner) {
                match list {
                    0 => {
                        if let Some(count) = entry.row.counts.get_mut(usize::from(data.s)) {
                            *count += 1;
                        }
                        entry.row.r.push(data.r);
                        entry.detail.findings.push(data);
                    }
                    1 => entry.detail.waived.push(data),
                    _ => entry.detail.unknown.push(data),
                }
            }
        }
    }
    for entry in &mut entries {
        entry.row.r.sort_unstable();
        entry.row.r.dedup();
        entry.detail.lines = source_lines(&run.sources, files, &entry.detail);
    }
    (entries, table)
}

/// An entry for a file whose findings name no plan of the run (a file that does not parse).
fn outside<'a>(run: &'a Run, file: usize, finding: &'a Finding) -> Entry<'a> {
    let name = run.sources.file(finding.span.file).display_name();
    Entry {
        row: PlanRow {
            key: format!("file:{name}"),
            id: &finding.plan,
            kind: "",
            kind_word: String::new(),
            title: name,
            entity: "",
            entity_type: String::new(),
            territory: "",
            scores: [None; 3],
            money: None,
            counts: [0; 3],
            r: Vec::new(),
        },
        detail: Detail {
            level: "",
            period: String::new(),
            status: "",
            file,
            points: points([None; 3]),
            checks: Default::default(),
            findings: Vec::new(),
            waived: Vec::new(),
            unknown: Vec::new(),
            lines: BTreeMap::new(),
            waivers: Vec::new(),
            trace: None,
            coverage: None,
        },
    }
}

/// The run's derived lookups, computed once for every plan.
struct Lookups<'l> {
    gaps: &'l crate::report::gaps::Gaps,
    index: &'l crate::tui::index::Index,
    /// Each plan's position in the report's list of plans.
    pages: &'l HashMap<PlanId, usize>,
}

#[expect(
    clippy::too_many_arguments,
    reason = "the plan, where its page is, and the run's lookups"
)]
fn entry<'a>(
    graph: &'a Graph,
    id: PlanId,
    key: String,
    file: usize,
    profile: Option<&crate::profile::Profile>,
    lang: Lang,
    looked_up: &Lookups<'_>,
    table: &mut trace::NodeTable,
) -> Entry<'a> {
    let plan = graph.plan(id);
    let text = |value: Option<&'a crate::source::Spanned<crate::plan::model::Text>>| {
        value.map_or("", |v| v.value.as_str())
    };
    let scores = Pillar::ALL.map(|pillar| {
        profile
            .and_then(|p| p.score(pillar))
            .map(|score| (score * 10_000.0).round() / 10_000.0)
    });
    let checks = Pillar::ALL.map(|pillar| {
        profile.map_or_else(Vec::new, |p| super::human::pillar_parts(p, pillar, lang))
    });
    let money = profile.and_then(|p| p.money).map(|money| Money {
        chain: money.chain,
        total: money.total,
        text: super::human::money_line(money, lang),
    });
    let row = PlanRow {
        key,
        id: &plan.id.value,
        kind: plan.kind.value.as_str(),
        kind_word: plan.kind.value.word(lang).to_uppercase(),
        title: text(plan.title.as_ref()),
        entity: text(plan.entity.name.as_ref()),
        entity_type: plan
            .entity
            .entity_type
            .as_ref()
            .map_or_else(String::new, |t| entity_type(t.value, lang)),
        territory: text(plan.entity.territory.as_ref()),
        scores,
        money,
        counts: [0; 3],
        r: Vec::new(),
    };
    let detail = Detail {
        level: plan
            .entity
            .level
            .as_ref()
            .map_or("", |l| l.value.word(lang)),
        period: plan
            .period
            .map_or_else(String::new, |p| format!("{}–{}", p.start, p.end)),
        status: plan.status.as_ref().map_or("", |s| s.value.word(lang)),
        file,
        points: points(scores),
        checks,
        findings: Vec::new(),
        waived: Vec::new(),
        unknown: Vec::new(),
        lines: BTreeMap::new(),
        waivers: plan
            .waivers
            .iter()
            .map(|waiver| WaiverData {
                rule: &waiver.rule.value,
                at: waiver.at.as_ref().map(|a| a.value.as_str()),
                reason: waiver.reason.as_ref().map(|r| r.value.as_str()),
                until: waiver.until.as_ref().map(|u| u.value.to_string()),
            })
            .collect(),
        trace: trace::trace(graph, looked_up.gaps, id, table, lang),
        coverage: coverage(graph, looked_up.index, id, looked_up.pages),
    };
    Entry { row, detail }
}

/// The kind of entity in words (the plan format's words are for files, not for readers).
fn entity_type(value: EntityType, lang: Lang) -> String {
    match value {
        EntityType::Ministry => tr!(lang, "html-entity-ministry"),
        EntityType::Oca => tr!(lang, "html-entity-oca"),
        EntityType::RegionalGovernment => tr!(lang, "html-entity-regional-government"),
        EntityType::Municipality => tr!(lang, "html-entity-municipality"),
        EntityType::University => tr!(lang, "html-entity-university"),
        EntityType::Other => tr!(lang, "html-entity-other"),
    }
}

/// The inner triangle: each corner moved from the centre towards the full triangle's
/// corner by the pillar's score (a pillar without a score stays at the centre).
fn points(scores: [Option<f64>; 3]) -> String {
    let mut text = String::new();
    for (corner, score) in CORNERS.iter().zip(scores) {
        let share = score.unwrap_or(0.0).clamp(0.0, 1.0);
        let [x, y] = *corner;
        if !text.is_empty() {
            text.push(' ');
        }
        let _ = write!(text, "{:.1},{:.1}", x * share, y * share);
    }
    text
}

/// The coverage matrix of a concerted plan (pdrc, pdlc), as the browser computes it.
fn coverage(
    graph: &Graph,
    index: &crate::tui::index::Index,
    plan: PlanId,
    pages: &HashMap<PlanId, usize>,
) -> Option<Coverage> {
    if !matches!(graph.plan(plan).kind.value, PlanKind::Pdrc | PlanKind::Pdlc) {
        return None;
    }
    let matrix = crate::tui::coverage::matrix(graph, index, plan, false);
    Some(Coverage {
        columns: matrix
            .columns
            .iter()
            .map(|&column| {
                pages.get(&column).map_or_else(
                    || Column::Id(graph.plan(column).id.value.to_string()),
                    |&page| Column::Page(page),
                )
            })
            .collect(),
        rows: matrix
            .rows
            .iter()
            .map(|row| {
                let element = graph.element(row.element);
                (
                    element.code.value.to_string(),
                    u8::from(element.is_action) + 2 * u8::from(row.gap),
                    row.covered,
                    row.cells.iter().map(|cell| cell.lowers.len()).collect(),
                )
            })
            .collect(),
    })
}

/// The names of the territories the plans are in: a code's name is the entity of the
/// plan of that territory with the highest rank (its regional government or province).
fn groups(graph: &Graph, plans: &[PlanRow<'_>]) -> BTreeMap<String, String> {
    let mut named: BTreeMap<String, (u8, String)> = BTreeMap::new();
    for id in graph.plan_ids() {
        let plan = graph.plan(id);
        let (Some(territory), Some(name)) = (&plan.entity.territory, &plan.entity.name) else {
            continue;
        };
        let rank = graph.plan_node(id).rank;
        let entry = named
            .entry(territory.value.to_string())
            .or_insert((rank, name.value.to_string()));
        if rank > entry.0 || (rank == entry.0 && *name.value < *entry.1) {
            *entry = (rank, name.value.to_string());
        }
    }
    let wanted: BTreeSet<String> = plans
        .iter()
        .flat_map(|plan| {
            let t = plan.territory;
            [2, 4, 6]
                .into_iter()
                .filter_map(move |n| t.get(..n).map(str::to_owned))
        })
        .collect();
    named
        .into_iter()
        .filter(|(code, _)| wanted.contains(code))
        .map(|(code, (_, name))| (code, name))
        .collect()
}

/// The page around the data: the style and the script inline, each allowed by its hash.
fn page(lang: Lang, parts: &Parts<'_>) -> io::Result<String> {
    let data = &parts.data;
    let title = crate::i18n::text(lang, "html-title", &[]);
    let csp = format!(
        "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; img-src data:; \
         base-uri 'none'; form-action 'none'",
        sha256_base64(STYLE),
        sha256_base64(SCRIPT)
    );
    let summary = &data.summary;
    let findings = summary.errors + summary.warnings + summary.infos;
    let mut html = String::with_capacity(STYLE.len() + SCRIPT.len() + 4096);
    html.push_str("<!DOCTYPE html>\n");
    let _ = writeln!(html, "<html lang=\"{}\">", lang.as_str());
    html.push_str("<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        html,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"
    );
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(html, "<title>{} · alinea</title>", escape(&title));
    let _ = writeln!(html, "<style>{STYLE}</style>");
    html.push_str("</head>\n<body>\n");
    let _ = writeln!(
        html,
        "<a class=\"skip\" href=\"#main\">{}</a>",
        escape(&tr!(lang, "html-skip"))
    );
    let _ = writeln!(
        html,
        "<header><p class=\"brand\">alinea</p><h1 id=\"page-title\">{}</h1></header>",
        escape(&title)
    );
    html.push_str("<main id=\"main\" tabindex=\"-1\">\n<noscript>\n");
    let _ = writeln!(html, "<p>{}</p>", escape(&tr!(lang, "html-noscript")));
    let _ = writeln!(
        html,
        "<p>{}: {} · {}: {} · {}: {} ({} {}, {} {}, {} {})</p>",
        escape(&tr!(lang, "html-files")),
        summary.files,
        escape(&tr!(lang, "html-plans")),
        summary.plans,
        escape(&tr!(lang, "html-findings")),
        findings,
        summary.errors,
        escape(&Severity::Error.name(lang)),
        summary.warnings,
        escape(&Severity::Warning.name(lang)),
        summary.infos,
        escape(&Severity::Info.name(lang)),
    );
    html.push_str("</noscript>\n</main>\n");
    let _ = writeln!(
        html,
        "<footer><p>{}</p></footer>",
        escape(&tr!(
            lang,
            "html-generated",
            version = env!("CARGO_PKG_VERSION")
        ))
    );
    json_block(&mut html, "data", data)?;
    json_block(&mut html, "nodes", &parts.table)?;
    for (index, detail) in parts.details.iter().enumerate() {
        json_block(&mut html, &format!("p-{index}"), detail)?;
    }
    let _ = writeln!(html, "<script>{SCRIPT}</script>");
    html.push_str("</body>\n</html>\n");
    Ok(html)
}

/// `value` as JSON in `<script type="application/json" id="{id}">`.
fn json_block(html: &mut String, id: &str, value: &impl Serialize) -> io::Result<()> {
    let json = serde_json::to_string(value).map_err(io::Error::from)?;
    let _ = write!(html, "<script type=\"application/json\" id=\"{id}\">");
    html.push_str(&script_safe(&json));
    html.push_str("</script>\n");
    Ok(())
}

/// JSON that can sit inside `<script>`: every `<` as `\u003c`, so that neither `</script>`
/// nor `<!--` in a plan's text can end or change the element. (`<` only occurs inside JSON
/// strings, where the escape means the same character.)
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The SHA-256 of `text` in base64, as a Content-Security-Policy source names it.
fn sha256_base64(text: &str) -> String {
    use sha2::Digest as _;
    crate::tui::terminal::base64(&sha2::Sha256::digest(text.as_bytes()))
}
