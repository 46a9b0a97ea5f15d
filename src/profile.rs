//! The public value profile (v2): for each plan, the three sides of Moore's strategic
//! triangle (legitimacy and support, operational capacity, public value) as **checks**, each
//! one question with one answer, and the money that flows through a complete chain.
//!
//! A check's answer is read from the run's findings, never decided again here: the rules
//! decide, and a rule names the check its findings feed (`check …` in its rule file; the
//! built-in REF checks feed `articulated`). The table [`CHECKS`] says, once, what each check
//! is: its pillar, its weight, which plans it applies to and whether it counts the plan as
//! one (pass or fail) or a share of its objectives, actions, indicators or operations.
//!
//! - `pass`: no finding of the check's rules on the plan (or on the item);
//! - `fail`: some finding that is neither waived nor about data not transcribed;
//! - `waived`: failing, but every failing finding is waived or in the baseline;
//! - `unknown`: the only findings are about data not transcribed (`not_transcribed`);
//! - `n/a`: the question does not apply to this plan, with the reason.
//!
//! A pillar's score is the weighted share of its applicable checks that pass (`pass`,
//! `fail` and `waived` count; `n/a` and `unknown` do not); with no such check the pillar has
//! no score (never 100 %). A share check passes for the share of its items that pass.

use std::collections::HashSet;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use thin_vec::ThinVec;

use crate::graph::{Graph, PlanId, Target};
use crate::plan::model::{Plan, PlanKind, Status as PlanStatus};
use crate::report::{Finding, Pillar};

/// What a check counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    /// The plan as one: pass or fail.
    Plan,
    /// The share of its objectives.
    Objectives,
    /// The share of its objectives and actions.
    Elements,
    /// The share of its actions.
    Actions,
    /// The share of its indicators.
    Indicators,
    /// The share of its activities and investments (a POI).
    Operations,
    /// The share of its investments (a POI).
    Investments,
}

/// When a check applies, beyond the plan's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Always.
    Always,
    /// Only to approved plans (a draft is not approved yet).
    Approved,
    /// Only to plans that have upper plans (not to the national ones).
    NotNational,
    /// Only to a PEI that some POI lists in `upper`.
    WithPoi,
    /// Only to a POI with a `budget_ceiling`.
    WithCeiling,
}

/// One question of the profile.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CheckDef {
    /// Stable id (JSON, rule files' `check`): `articulated`.
    pub id: &'static str,
    /// The side of the triangle.
    pub pillar: Pillar,
    /// Its weight in the pillar's score.
    pub weight: f64,
    /// The kinds of plan it applies to (empty: every kind).
    pub kinds: &'static [PlanKind],
    /// What it counts.
    pub over: Over,
    /// When it applies.
    pub when: When,
}

use PlanKind::{Pdlc, Pdrc, Pei, Pesem, Poi};

const CONCERTED_AND_PEI: &[PlanKind] = &[Pei, Pdrc, Pdlc];
const WITH_OBJECTIVES: &[PlanKind] = &[Pei, Pdlc, Pdrc, Pesem];

/// Every check of the profile, by pillar, in the order reports list them.
pub const CHECKS: &[CheckDef] = &[
    CheckDef {
        id: "approved",
        pillar: Pillar::Legitimacy,
        weight: 3.0,
        kinds: &[],
        over: Over::Plan,
        when: When::Approved,
    },
    CheckDef {
        id: "ceplan_report",
        pillar: Pillar::Legitimacy,
        weight: 2.0,
        kinds: CONCERTED_AND_PEI,
        over: Over::Plan,
        when: When::Approved,
    },
    CheckDef {
        id: "published",
        pillar: Pillar::Legitimacy,
        weight: 2.0,
        kinds: &[],
        over: Over::Plan,
        when: When::Approved,
    },
    CheckDef {
        id: "participatory",
        pillar: Pillar::Legitimacy,
        weight: 2.0,
        kinds: &[Pdrc, Pdlc],
        over: Over::Plan,
        when: When::Approved,
    },
    CheckDef {
        id: "horizon",
        pillar: Pillar::Legitimacy,
        weight: 2.0,
        kinds: CONCERTED_AND_PEI,
        over: Over::Plan,
        when: When::Always,
    },
    CheckDef {
        id: "upper_in_force",
        pillar: Pillar::Legitimacy,
        weight: 3.0,
        kinds: &[],
        over: Over::Plan,
        when: When::NotNational,
    },
    CheckDef {
        id: "articulated",
        pillar: Pillar::Legitimacy,
        weight: 3.0,
        kinds: WITH_OBJECTIVES,
        over: Over::Objectives,
        when: When::Always,
    },
    CheckDef {
        id: "reaches_national",
        pillar: Pillar::Legitimacy,
        weight: 3.0,
        kinds: &[Pei],
        over: Over::Objectives,
        when: When::Always,
    },
    CheckDef {
        id: "owned",
        pillar: Pillar::Capacity,
        weight: 2.0,
        kinds: &[Pei],
        over: Over::Elements,
        when: When::Always,
    },
    CheckDef {
        id: "funded",
        pillar: Pillar::Capacity,
        weight: 3.0,
        kinds: &[Pei],
        over: Over::Actions,
        when: When::WithPoi,
    },
    CheckDef {
        id: "ruta_estrategica",
        pillar: Pillar::Capacity,
        weight: 1.0,
        kinds: &[Pei],
        over: Over::Plan,
        when: When::Always,
    },
    CheckDef {
        id: "operations_linked",
        pillar: Pillar::Capacity,
        weight: 3.0,
        kinds: &[Poi],
        over: Over::Operations,
        when: When::Always,
    },
    CheckDef {
        id: "within_budget",
        pillar: Pillar::Capacity,
        weight: 2.0,
        kinds: &[Poi],
        over: Over::Plan,
        when: When::WithCeiling,
    },
    CheckDef {
        id: "investments_measured",
        pillar: Pillar::Capacity,
        weight: 2.0,
        kinds: &[Poi],
        over: Over::Investments,
        when: When::Always,
    },
    CheckDef {
        id: "measurable",
        pillar: Pillar::Value,
        weight: 3.0,
        kinds: WITH_OBJECTIVES,
        over: Over::Elements,
        when: When::Always,
    },
    CheckDef {
        id: "baselines",
        pillar: Pillar::Value,
        weight: 2.0,
        kinds: &[],
        over: Over::Indicators,
        when: When::Always,
    },
    CheckDef {
        id: "targets",
        pillar: Pillar::Value,
        weight: 2.0,
        kinds: &[],
        over: Over::Indicators,
        when: When::Always,
    },
    CheckDef {
        id: "documented",
        pillar: Pillar::Value,
        weight: 1.0,
        kinds: &[],
        over: Over::Indicators,
        when: When::Always,
    },
];

/// The answer to a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Status {
    /// Passes.
    #[serde(rename = "pass")]
    Pass,
    /// Fails, with findings.
    #[serde(rename = "fail")]
    Fail,
    /// Fails, but every failing finding is waived or in the baseline.
    #[serde(rename = "waived")]
    Waived,
    /// Only findings about data not transcribed: the answer is not known.
    #[serde(rename = "unknown")]
    Unknown,
    /// Does not apply to this plan.
    #[serde(rename = "n/a")]
    NotApplicable,
}

impl Status {
    /// The status as JSON writes it (`n/a`), for the catalogues' selectors (`na`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::Waived => "waived",
            Self::Unknown => "unknown",
            Self::NotApplicable => "na",
        }
    }
}

/// One check's answer for one plan. (40 bytes: a national run keeps 115,000 of them. What
/// the check is, its id, pillar and weight, is read from its [`CheckDef`]; the share from the
/// counts.)
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    /// The check.
    pub def: &'static CheckDef,
    /// The answer.
    pub status: Status,
    /// Why it does not apply, or why it is unknown.
    pub reason: Option<Reason>,
    /// How many items a share check counted (its items whose answer is known); absent for a
    /// check of the plan as one, and when nothing was counted.
    pub items: Option<u32>,
    /// How many of the counted items pass.
    pub passed: u32,
    /// The fingerprints of the findings that fail it (or that it waived). (Thin lists: most
    /// check results have no finding.)
    pub findings: ThinVec<String>,
    /// The ids of the rules of those findings, sorted.
    pub rules: ThinVec<String>,
}

impl CheckResult {
    /// The check's id.
    #[must_use]
    pub fn id(&self) -> &'static str {
        self.def.id
    }

    /// Its pillar.
    #[must_use]
    pub fn pillar(&self) -> Pillar {
        self.def.pillar
    }

    /// Its weight in the pillar's score.
    #[must_use]
    pub fn weight(&self) -> f64 {
        self.def.weight
    }

    /// For a share check, the share of its items that pass (items whose answer is unknown
    /// left out); for a check of the plan as one, 1 when it passes and 0 when not; absent
    /// when it does not apply or is unknown.
    #[must_use]
    pub fn share(&self) -> Option<f64> {
        match self.items {
            Some(counted) if counted > 0 => Some(f64::from(self.passed) / f64::from(counted)),
            None if self.def.over == Over::Plan => match self.status {
                Status::Pass => Some(1.0),
                Status::Fail | Status::Waived => Some(0.0),
                Status::Unknown | Status::NotApplicable => None,
            },
            // Nothing counted (or not a check of the plan as one that was answered).
            _ => None,
        }
    }
}

/// The JSON of a check's answer: `id`, `status`, `share`, `weight`, `items` (when counted),
/// `findings`, `rules`, `reason`.
impl Serialize for CheckResult {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut out = serializer.serialize_struct("CheckResult", 8)?;
        out.serialize_field("id", self.id())?;
        out.serialize_field("status", &self.status)?;
        out.serialize_field("share", &self.share())?;
        out.serialize_field("weight", &self.weight())?;
        match self.items {
            Some(items) => out.serialize_field("items", &items)?,
            None => out.skip_field("items")?,
        }
        out.serialize_field("findings", &self.findings)?;
        out.serialize_field("rules", &self.rules)?;
        out.serialize_field("reason", &self.reason.map(Reason::key))?;
        out.end()
    }
}

/// Why a check does not apply to a plan, or why its answer is unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The check is for plans of other kinds.
    Kind,
    /// The check is for approved plans; this one is a draft.
    Draft,
    /// The check is for plans with upper plans; this one is national.
    National,
    /// The check is for a PEI that some POI lists in `upper`.
    NoPoi,
    /// The check is for a POI with a `budget_ceiling`.
    NoCeiling,
    /// A share check with nothing to count.
    NothingToCount,
    /// Only findings about data not transcribed: the answer is not known.
    NotTranscribed,
}

impl Reason {
    /// The reason as JSON writes it and messages name it (`no-poi`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Kind => "kind",
            Self::Draft => "draft",
            Self::National => "national",
            Self::NoPoi => "no-poi",
            Self::NoCeiling => "no-ceiling",
            Self::NothingToCount => "nothing-to-count",
            Self::NotTranscribed => "not-transcribed",
        }
    }
}

/// Soles of a PEI's POIs: all of them, and those that flow through a complete chain.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Money {
    /// Through a complete chain: activity or investment → AEI with an indicator → OEI with
    /// an indicator, articulated with an upper plan → the PEDN or a Política Nacional.
    pub chain: f64,
    /// The POIs' budgets over the years of the PEI's period.
    pub total: f64,
    /// Always `PEN` (soles).
    pub currency: &'static str,
}

/// A plan's profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Profile {
    /// The plan's id.
    pub plan: String,
    /// Every check of [`CHECKS`], in its order.
    #[serde(skip)]
    pub checks: Vec<CheckResult>,
    /// For a PEI that POIs list, the money figure.
    pub money: Option<Money>,
}

impl Profile {
    /// The pillar's score in 0..=1: the weighted share of its applicable checks that pass;
    /// `None` when no check applies.
    #[must_use]
    pub fn score(&self, pillar: Pillar) -> Option<f64> {
        let (mut passed, mut weight) = (0.0, 0.0);
        for check in self.pillar(pillar) {
            if matches!(check.status, Status::Pass | Status::Fail | Status::Waived) {
                passed += check.weight() * check.share().unwrap_or(0.0);
                weight += check.weight();
            }
        }
        (weight > 0.0).then(|| passed / weight)
    }

    /// The checks of a pillar.
    pub fn pillar(&self, pillar: Pillar) -> impl Iterator<Item = &CheckResult> {
        self.checks.iter().filter(move |c| c.pillar() == pillar)
    }
}

/// How the run classified a finding.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Live,
    Waived,
    Unknown,
}

/// Findings by (plan, check), with how the run classified them.
type ByCheck<'a> = rustc_hash::FxHashMap<(&'a str, &'a str), Vec<(&'a Finding, Kind)>>;

/// The findings of a run as the profile reads them.
pub struct Inputs<'a> {
    /// Findings reported (failing or not).
    pub findings: &'a [Finding],
    /// Findings waivers or the baseline accepted.
    pub waived: &'a [Finding],
    /// Findings about data not transcribed.
    pub not_transcribed: &'a [Finding],
    /// The check each rule's findings feed, by rule id.
    pub feeds: &'a rustc_hash::FxHashMap<String, &'static str>,
    /// The fingerprint of a finding.
    pub fingerprint: &'a (dyn Fn(&Finding) -> String + Sync),
}

/// The profile of each plan, in the order given.
#[must_use]
pub fn profiles<'p>(
    plans: impl IntoIterator<Item = (PlanId, &'p Plan)>,
    graph: &Graph,
    inputs: &Inputs<'_>,
) -> Vec<Arc<Profile>> {
    profiles_cached(plans, graph, inputs, None)
}

/// The profiles of an earlier run, by plan file, each with a hash of what it was computed
/// from: the plan's findings and its POIs' (the ones that feed a check), the POIs, and the
/// run's key (rules, language, policy).
#[derive(Debug, Default)]
pub struct ProfileCache {
    profiles: rustc_hash::FxHashMap<crate::source::FileId, (u64, Arc<Profile>)>,
}

/// What [`profiles_cached`] may take from an earlier run: its cache, the files that changed
/// since (indexed by file: a profile that read one is computed again), and what else the
/// profiles depend on (rules, language, policy).
pub struct Reuse<'c> {
    /// The profiles of the last run; this run's are left in it.
    pub cache: &'c mut ProfileCache,
    /// The files that changed since.
    pub changed: &'c [bool],
    /// What else the profiles depend on.
    pub key: u64,
}

/// [`profiles`], taking from `reuse` the profile of every plan whose inputs are unchanged.
pub fn profiles_cached<'p>(
    plans: impl IntoIterator<Item = (PlanId, &'p Plan)>,
    graph: &Graph,
    inputs: &Inputs<'_>,
    reuse: Option<Reuse<'_>>,
) -> Vec<Arc<Profile>> {
    // Findings by (plan, check), with how the run classified them.
    let mut by_check = ByCheck::default();
    // With a cache: by plan, a hash of its findings that feed a check (in the run's order)
    // and whether one of them is in a changed file.
    let mut by_plan: rustc_hash::FxHashMap<&str, (rustc_hash::FxHasher, bool)> =
        rustc_hash::FxHashMap::default();
    let changed = reuse.as_ref().map(|r| r.changed);
    for (list, kind) in [
        (inputs.findings, Kind::Live),
        (inputs.waived, Kind::Waived),
        (inputs.not_transcribed, Kind::Unknown),
    ] {
        for finding in list {
            if let Some(check) = inputs.feeds.get(&finding.rule) {
                by_check
                    .entry((finding.plan.as_str(), *check))
                    .or_default()
                    .push((finding, kind));
                if let Some(changed) = changed {
                    use std::hash::Hash;
                    let (hasher, dirty) = by_plan.entry(finding.plan.as_str()).or_default();
                    (*check, kind as u8, finding).hash(hasher);
                    *dirty |= changed
                        .get(finding.span.file.index())
                        .copied()
                        .unwrap_or(true);
                }
            }
        }
    }
    let by_plan: rustc_hash::FxHashMap<&str, (u64, bool)> = by_plan
        .into_iter()
        .map(|(plan, (hasher, dirty))| (plan, (std::hash::Hasher::finish(&hasher), dirty)))
        .collect();
    let plans: Vec<(PlanId, &Plan)> = plans.into_iter().collect();
    let previous = reuse
        .as_ref()
        .map(|r| (&r.cache.profiles, r.changed, r.key));
    // In tasks of at most 64 plans, so that the threads end together.
    let computed: Vec<(crate::source::FileId, u64, Arc<Profile>)> = plans
        .into_par_iter()
        .with_max_len(64)
        .map(|(id, plan)| {
            let (key, dirty) = previous.map_or((0, true), |(_, changed, key)| {
                inputs_hash(id, plan, graph, &by_plan, changed, key)
            });
            if let Some((cached, _, _)) = previous
                && !dirty
                && let Some((was, profile)) = cached.get(&plan.file)
                && *was == key
            {
                return (plan.file, key, Arc::clone(profile));
            }
            let checks = CHECKS
                .iter()
                .map(|def| {
                    let found = by_check
                        .get(&(plan.id.value.as_str(), def.id))
                        .map_or(&[][..], Vec::as_slice);
                    answer(def, id, plan, graph, found, inputs)
                })
                .collect();
            let profile = Profile {
                plan: plan.id.value.to_string(),
                checks,
                money: money(id, plan, graph, &by_check),
            };
            (plan.file, key, Arc::new(profile))
        })
        .collect();
    if let Some(reuse) = reuse {
        reuse.cache.profiles = computed
            .iter()
            .map(|(file, key, profile)| (*file, (*key, Arc::clone(profile))))
            .collect();
    }
    computed
        .into_iter()
        .map(|(_, _, profile)| profile)
        .collect()
}

/// A hash of what a plan's profile is computed from, and whether it must be computed
/// whatever the hash: the plan, one of its POIs, or the file of one of their findings
/// changed. `by_plan` holds each plan's findings as a hash and whether one is in a changed
/// file.
fn inputs_hash(
    id: PlanId,
    plan: &Plan,
    graph: &Graph,
    by_plan: &rustc_hash::FxHashMap<&str, (u64, bool)>,
    changed: &[bool],
    key: u64,
) -> (u64, bool) {
    use std::hash::{Hash, Hasher};
    let is_changed =
        |file: crate::source::FileId| changed.get(file.index()).copied().unwrap_or(true);
    let mut hasher = rustc_hash::FxHasher::default();
    key.hash(&mut hasher);
    let lower = &graph.plan_node(id).lower;
    let mut dirty = false;
    for (id, plan) in std::iter::once((id, plan)).chain(lower.iter().map(|&l| (l, graph.plan(l)))) {
        dirty |= is_changed(plan.file);
        (id, &plan.id.value).hash(&mut hasher);
        if let Some((findings, in_changed)) = by_plan.get(plan.id.value.as_str()) {
            findings.hash(&mut hasher);
            dirty |= in_changed;
        }
    }
    (hasher.finish(), dirty)
}

/// Why a check does not apply to a plan, if it does not.
fn not_applicable(def: &CheckDef, id: PlanId, plan: &Plan, graph: &Graph) -> Option<Reason> {
    let kind = plan.kind.value;
    if !def.kinds.is_empty() && !def.kinds.contains(&kind) {
        return Some(Reason::Kind);
    }
    let approved = plan
        .status
        .as_ref()
        .is_some_and(|s| s.value == PlanStatus::Approved);
    match def.when {
        When::Always => None,
        When::Approved => (!approved).then_some(Reason::Draft),
        When::NotNational => kind.is_national().then_some(Reason::National),
        When::WithPoi => (!has_poi(id, graph)).then_some(Reason::NoPoi),
        When::WithCeiling => plan.budget_ceiling.is_none().then_some(Reason::NoCeiling),
    }
}

/// Whether some POI lists the plan in `upper`.
fn has_poi(id: PlanId, graph: &Graph) -> bool {
    graph
        .plan_node(id)
        .lower
        .iter()
        .any(|&lower| graph.plan(lower).kind.value == PlanKind::Poi)
}

/// The items a share check counts: an element's (or operation's) code, and for an
/// indicator its position among the element's indicators.
type Item<'p> = (&'p str, Option<usize>);

fn items(over: Over, plan: &Plan) -> Vec<Item<'_>> {
    fn codes<'p>(elements: impl Iterator<Item = &'p crate::plan::model::Element>) -> Vec<Item<'p>> {
        elements.map(|e| (e.code.value.as_str(), None)).collect()
    }
    match over {
        Over::Plan => Vec::new(),
        Over::Objectives => codes(plan.objectives.iter()),
        Over::Elements => codes(plan.elements()),
        Over::Actions => codes(plan.objectives.iter().flat_map(|o| o.actions.iter())),
        Over::Indicators => plan
            .elements()
            .flat_map(|e| (0..e.indicators.len()).map(move |i| (e.code.value.as_str(), Some(i))))
            .collect(),
        Over::Operations => plan
            .activities
            .iter()
            .map(|a| (a.code.value.as_str(), None))
            .chain(
                plan.investments
                    .iter()
                    .map(|v| (v.cui.value.as_str(), None)),
            )
            .collect(),
        Over::Investments => plan
            .investments
            .iter()
            .map(|v| (v.cui.value.as_str(), None))
            .collect(),
    }
}

/// Whether a finding is about an item: its element, and for an indicator its path
/// (`indicators[2]`, or a path under it).
fn about(finding: &Finding, &(code, indicator): &Item<'_>) -> bool {
    finding.element == code
        && indicator.is_none_or(|index| {
            finding
                .path
                .strip_prefix("indicators[")
                .and_then(|rest| rest.split_once(']'))
                .is_some_and(|(number, rest)| {
                    number.parse() == Ok(index) && (rest.is_empty() || rest.starts_with('.'))
                })
        })
}

/// The answer of the findings `found` (failing, waived, unknown).
fn verdict(found: &[&(&Finding, Kind)]) -> Status {
    if found.iter().any(|(_, kind)| *kind == Kind::Live) {
        Status::Fail
    } else if found.iter().any(|(_, kind)| *kind == Kind::Waived) {
        Status::Waived
    } else if found.is_empty() {
        Status::Pass
    } else {
        Status::Unknown
    }
}

fn answer(
    def: &'static CheckDef,
    id: PlanId,
    plan: &Plan,
    graph: &Graph,
    found: &[(&Finding, Kind)],
    inputs: &Inputs<'_>,
) -> CheckResult {
    let mut result = CheckResult {
        def,
        status: Status::NotApplicable,
        reason: not_applicable(def, id, plan, graph),
        items: None,
        passed: 0,
        findings: ThinVec::new(),
        rules: ThinVec::new(),
    };
    if result.reason.is_some() {
        return result;
    }
    let items = items(def.over, plan);
    // A share check reads only the findings about its items (a REF-01 on an `upper` entry
    // says nothing about how many objectives are articulated).
    let relevant: Vec<&(&Finding, Kind)> = found
        .iter()
        .filter(|(f, _)| def.over == Over::Plan || items.iter().any(|item| about(f, item)))
        .collect();
    let failing: Vec<&&(&Finding, Kind)> = relevant
        .iter()
        .filter(|(_, kind)| *kind != Kind::Unknown)
        .collect();
    result.findings = failing
        .iter()
        .map(|(finding, _)| (inputs.fingerprint)(finding))
        .collect();
    let mut rules: ThinVec<String> = failing.iter().map(|(f, _)| f.rule.clone()).collect();
    rules.sort();
    rules.dedup();
    result.rules = rules;
    if def.over == Over::Plan {
        result.status = verdict(&relevant);
        if result.status == Status::Unknown {
            result.reason = Some(Reason::NotTranscribed);
        }
        return result;
    }
    if items.is_empty() {
        result.reason = Some(Reason::NothingToCount);
        return result;
    }
    let (mut pass, mut counted, mut worst) = (0_usize, 0_usize, Status::Pass);
    for item in &items {
        let on_item: Vec<&(&Finding, Kind)> =
            found.iter().filter(|(f, _)| about(f, item)).collect();
        match verdict(&on_item) {
            Status::Pass => {
                pass += 1;
                counted += 1;
            }
            Status::Fail => {
                counted += 1;
                worst = Status::Fail;
            }
            Status::Waived => {
                counted += 1;
                if worst == Status::Pass {
                    worst = Status::Waived;
                }
            }
            Status::Unknown | Status::NotApplicable => {}
        }
    }
    if counted == 0 {
        result.status = Status::Unknown;
        result.reason = Some(Reason::NotTranscribed);
        return result;
    }
    result.items = Some(u32::try_from(counted).unwrap_or(u32::MAX));
    result.passed = u32::try_from(pass).unwrap_or(u32::MAX);
    result.status = worst;
    result
}

/// For a PEI that POIs list: the soles of their activities and investments over the PEI's
/// years, and those whose chain is complete. A link of the chain is broken when the check
/// that asks for it (`operations_linked`, `measurable`, `articulated`, `reaches_national`)
/// has a finding on it, failing, waived or about data not transcribed: only a chain known to
/// hold counts.
fn money(id: PlanId, plan: &Plan, graph: &Graph, by_check: &ByCheck<'_>) -> Option<Money> {
    if plan.kind.value != PlanKind::Pei || !has_poi(id, graph) {
        return None;
    }
    let period = plan.period?;
    let broken = |plan: &str, check: &str| -> HashSet<String> {
        by_check
            .get(&(plan, check))
            .map(|found| found.iter().map(|(f, _)| f.element.clone()).collect())
            .unwrap_or_default()
    };
    let pei = plan.id.value.as_str();
    let unmeasured = broken(pei, "measurable");
    let unarticulated = broken(pei, "articulated");
    let unreaching = broken(pei, "reaches_national");
    let (mut chain, mut total) = (0.0, 0.0);
    for &poi_id in &graph.plan_node(id).lower {
        let poi = graph.plan(poi_id);
        if poi.kind.value != PlanKind::Poi {
            continue;
        }
        let unlinked = broken(poi.id.value.as_str(), "operations_linked");
        for &implementer in &graph.plan_node(poi_id).implementers {
            let (code, budget) = match (graph.activity(implementer), graph.investment(implementer))
            {
                (Some(activity), _) => (&activity.code.value, activity.budget.as_ref()),
                (None, Some(investment)) => (&investment.cui.value, investment.budget.as_ref()),
                (None, None) => continue,
            };
            let soles: f64 = budget.map_or(0.0, |map| {
                map.value
                    .range(period.start..=period.end)
                    .map(|(_, v)| v.value)
                    .sum()
            });
            total += soles;
            let action = graph
                .implementer_node(implementer)
                .action
                .and_then(|link| graph.link(link).target);
            let Some(Target::Element(action)) = action else {
                continue;
            };
            let aei = graph.element(action);
            let Some(objective) = graph.element_node(action).parent else {
                continue;
            };
            let oei = &graph.element(objective).code.value;
            let complete = !unlinked.contains(code.as_str())
                && graph.element_plan(action) == id
                && aei.is_action
                && !unmeasured.contains(aei.code.value.as_str())
                && !unmeasured.contains(oei.as_str())
                && !unarticulated.contains(oei.as_str())
                && !unreaching.contains(oei.as_str());
            if complete {
                chain += soles;
            }
        }
    }
    Some(Money {
        chain,
        total,
        currency: "PEN",
    })
}
