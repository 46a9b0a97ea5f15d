//! Building the graph: index codes, resolve references, report REF-01..05.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::hash_map::Entry as MapEntry;
use std::sync::Arc;
use thin_vec::ThinVec;

use super::{
    ElementId, ElementNode, ElementPlace, Graph, ImplementerId, ImplementerNode, ImplementerPlace,
    Link, LinkId, LinkKind, Owner, PlanId, PlanNode, REF_01, REF_02, REF_03, REF_04, REF_05,
    Target, describe_plan, rank,
};
use crate::i18n::Lang;
use crate::plan::Unreadable;
use crate::plan::model::{Plan, PlanKind, Reference, position};
use crate::report::Finding;
use crate::source::Span;
use crate::suggest::closest;
use crate::tr;

/// Resolves every reference of `plans` (in path order) and reports REF-01..05.
#[must_use]
pub fn build<P: Into<std::sync::Arc<Plan>>>(
    plans: impl IntoIterator<Item = P>,
) -> (Graph, Vec<Finding>) {
    let plans: Vec<std::sync::Arc<Plan>> = plans.into_iter().map(Into::into).collect();
    build_with(&plans, &[], Lang::En)
}

/// [`build`], knowing the plan files that could not be read: a reference to one of them
/// names the real cause (the file and its LOAD finding), and what they may have traced to
/// is marked incomplete.
#[must_use]
pub fn build_with(
    plans: &[std::sync::Arc<Plan>],
    unreadable: &[Unreadable],
    lang: Lang,
) -> (Graph, Vec<Finding>) {
    let mut builder = Builder {
        lang,
        graph: Graph::default(),
        codes: Vec::new(),
        findings: Vec::new(),
        unreadable,
        plan_ids: std::sync::OnceLock::new(),
    };
    builder.index(plans);
    builder.graph.plans = plans.to_vec();
    builder.resolve_all();
    // Three reads of the finished graph, side by side: what is incomplete, REF-04 and
    // REF-05, REF-03.
    let (incomplete, (ranks, cycles)) = rayon::join(
        || builder.incomplete(),
        || rayon::join(|| builder.check_ranks(), || builder.check_cycles()),
    );
    builder.mark_incomplete(&incomplete);
    builder.findings.extend(ranks);
    builder.findings.extend(cycles);
    builder.graph.unreadable = unreadable.to_vec();
    // The tables grew by doubling; they stay in memory for the rest of the run.
    let graph = &mut builder.graph;
    Arc::make_mut(&mut graph.plan_nodes).shrink_to_fit();
    Arc::make_mut(&mut graph.elements).shrink_to_fit();
    Arc::make_mut(&mut graph.implementers).shrink_to_fit();
    Arc::make_mut(&mut graph.links).shrink_to_fit();
    (builder.graph, builder.findings)
}

/// How many plans' references are looked up in parallel before their links are added.
const PLANS_A_PIECE: usize = 256;
/// The most plans of a piece one thread indexes or resolves in a row before an idle thread
/// can take the rest of its share (rayon's own splitting leaves runs of 64 plans, and a
/// thread waiting at the end of every piece).
const PLANS_A_TASK: usize = 16;

/// A reference looked up: the link it makes, from what (and its place in the owner's list),
/// to what it resolved to.
type Resolved = (LinkKind, Owner, usize, Option<Target>);

/// A reference that resolves to nothing: its finding, and what it most likely meant.
type Unresolved = (Finding, Option<Target>);

/// What an unresolved reference finding says.
struct Miss {
    message: String,
    label: String,
    help: Option<String>,
    related: Option<(Span, String)>,
    /// What the reference most likely meant (its inbound links are then incomplete).
    meant: Option<Target>,
}

struct Builder<'u, 'p> {
    graph: Graph,
    /// Per plan: code → the first element or activity that has it (the code borrowed from
    /// the plan, which outlives the builder).
    codes: Vec<HashMap<&'p str, Target>>,
    findings: Vec<Finding>,
    /// Plan files that could not be read.
    unreadable: &'u [Unreadable],
    /// The language of the messages.
    lang: Lang,
    /// Every plan id, by plan, made ready for "did you mean" (once, at the first miss).
    plan_ids: std::sync::OnceLock<crate::suggest::Candidates>,
}

impl<'p> Builder<'_, 'p> {
    fn index(&mut self, plans: &'p [std::sync::Arc<Plan>]) {
        // The tables are sized once: grown by doubling, they would hold up to twice their
        // length, and three times while a doubling copies them, at the run's peak of memory.
        let elements: usize = plans.iter().map(|plan| element_count(plan)).sum();
        let implementers: usize = plans
            .iter()
            .map(|plan| plan.activities.len() + plan.investments.len())
            .sum();
        Arc::make_mut(&mut self.graph.elements).reserve_exact(elements);
        Arc::make_mut(&mut self.graph.implementers).reserve_exact(implementers);
        Arc::make_mut(&mut self.graph.plan_nodes).reserve_exact(plans.len());
        self.codes.reserve_exact(plans.len());
        // Plan ids first (a plan id written twice is reported at its plan, before the plan's
        // codes), then each plan's part of the tables, built in parallel a piece of plans at
        // a time from where its ids start, and added in plan order.
        let mut id_twice: Vec<Option<Finding>> = Vec::with_capacity(plans.len());
        for (plan_index, plan) in plans.iter().enumerate() {
            let plan_id = PlanId::from_index(plan_index);
            id_twice.push(
                match Arc::make_mut(&mut self.graph.by_id).entry(plan.id.value.to_string()) {
                    MapEntry::Vacant(slot) => {
                        slot.insert(plan_id);
                        None
                    }
                    MapEntry::Occupied(first) => {
                        let first_span = plans
                            .get(first.get().index())
                            .map_or(plan.id.span, |first| first.id.span);
                        Some(
                            Finding::new(
                                &REF_02,
                                plan.id.span,
                                tr!(
                                    self.lang,
                                    "ref-plan-id-twice",
                                    plan = plan.id.value.as_str()
                                ),
                            )
                            .label(tr!(self.lang, "ref-plan-id-twice-label"))
                            .related(first_span, tr!(self.lang, "ref-plan-id-twice-first"))
                            .help(tr!(self.lang, "ref-plan-id-twice-help"))
                            .at(&plan.id.value, "", "plan.id"),
                        )
                    }
                },
            );
        }
        let mut id_twice = id_twice.into_iter();
        let (mut first_element, mut first_implementer) = (0, 0);
        for (piece_index, piece) in plans.chunks(PLANS_A_PIECE).enumerate() {
            let mut starts = Vec::with_capacity(piece.len());
            for plan in piece {
                starts.push((first_element, first_implementer));
                first_element += element_count(plan);
                first_implementer += plan.activities.len() + plan.investments.len();
            }
            let lang = self.lang;
            let parts: Vec<PlanPart<'p>> = piece
                .par_iter()
                .with_max_len(PLANS_A_TASK)
                .zip(starts)
                .enumerate()
                .map(|(index, (plan, starts))| {
                    let plan_id = PlanId::from_index(piece_index * PLANS_A_PIECE + index);
                    index_plan(lang, plan_id, plan, starts)
                })
                .collect();
            for part in parts {
                self.findings.extend(id_twice.next().flatten());
                self.findings.extend(part.findings);
                Arc::make_mut(&mut self.graph.elements).extend(part.elements);
                Arc::make_mut(&mut self.graph.implementers).extend(part.implementers);
                Arc::make_mut(&mut self.graph.plan_nodes).push(part.node);
                self.codes.push(part.codes);
            }
        }
    }

    fn resolve_all(&mut self) {
        let links: usize = self
            .graph
            .plans
            .iter()
            .map(|plan| {
                let traces: usize = plan
                    .objectives
                    .iter()
                    .map(|objective| {
                        objective.traces_to.len()
                            + objective
                                .actions
                                .iter()
                                .map(|action| action.traces_to.len())
                                .sum::<usize>()
                    })
                    .sum();
                let actions = plan
                    .activities
                    .iter()
                    .filter(|a| a.action.is_some())
                    .count()
                    + plan
                        .investments
                        .iter()
                        .filter(|i| i.action.is_some())
                        .count();
                plan.upper.len() + traces + actions
            })
            .sum();
        Arc::make_mut(&mut self.graph.links).reserve_exact(links);
        // The plans' references are looked up in parallel, a piece of plans at a time (each
        // plan's links and misses are kept until its piece is added); then, plan by plan, the
        // misses are reported and the links added at once: the tables are made writable once
        // a plan, not at every link (each time is an atomic compare-and-swap).
        let plans = self.graph.plans.len();
        for piece in (0..plans).step_by(PLANS_A_PIECE) {
            let this = &*self;
            let resolved: Vec<(Vec<Resolved>, Vec<Unresolved>)> = (piece
                ..(piece + PLANS_A_PIECE).min(plans))
                .into_par_iter()
                .with_max_len(PLANS_A_TASK)
                .map(|index| this.resolve_plan_references(PlanId::from_index(index)))
                .collect();
            for (index, (links, misses)) in (piece..).zip(resolved) {
                for (finding, meant) in misses {
                    self.mark_meant(meant);
                    self.findings.push(finding);
                }
                self.add_links(PlanId::from_index(index), &links);
            }
        }
    }

    /// A plan's references, resolved in order (its `upper`, its elements' `traces_to`, its
    /// activities' and investments' `action`), and the findings of those that resolve to
    /// nothing.
    fn resolve_plan_references(&self, plan_id: PlanId) -> (Vec<Resolved>, Vec<Unresolved>) {
        let mut resolved = Vec::new();
        let mut misses = Vec::new();
        let plan = self.graph.plan(plan_id);
        for (index, reference) in plan.upper.iter().enumerate() {
            let target = self.resolve_plan(plan_id, reference, &mut misses);
            resolved.push((LinkKind::Upper, Owner::Plan(plan_id), index, target));
        }
        for &element_id in &self.graph.plan_node(plan_id).elements {
            let place = self.graph.element_node(element_id).place;
            let Some(element) = element_at(plan, place) else {
                continue;
            };
            for (index, reference) in element.traces_to.iter().enumerate() {
                let owner = Owner::Element(element_id);
                let target = self.resolve_code(plan_id, owner, reference, &mut misses);
                resolved.push((LinkKind::Trace, owner, index, target));
            }
        }
        for &implementer in &self.graph.plan_node(plan_id).implementers {
            let reference = match self.graph.implementer_node(implementer).place {
                ImplementerPlace::Activity(_, i) => {
                    plan.activities.get(i).and_then(|a| a.action.as_ref())
                }
                ImplementerPlace::Investment(_, i) => {
                    plan.investments.get(i).and_then(|a| a.action.as_ref())
                }
            };
            let Some(reference) = reference else { continue };
            let owner = Owner::Implementer(implementer);
            let target = self.resolve_code(plan_id, owner, reference, &mut misses);
            resolved.push((LinkKind::Action, owner, 0, target));
        }
        (resolved, misses)
    }

    /// Adds a plan's resolved references as links, in the order they were resolved, with the
    /// lists that point at them (the plan's `upper`, an element's `traces_to` and `traced_by`,
    /// an implementer's `action` and its action's `implemented_by`, an upper plan's `lower`).
    fn add_links(&mut self, plan: PlanId, resolved: &[Resolved]) {
        let graph = &mut self.graph;
        let links = Arc::make_mut(&mut graph.links);
        let elements = Arc::make_mut(&mut graph.elements);
        let plan_nodes = Arc::make_mut(&mut graph.plan_nodes);
        let implementers = Arc::make_mut(&mut graph.implementers);
        for &(kind, from, index, target) in resolved {
            let id = LinkId::from_index(links.len());
            if let Some(Target::Element(element)) = target
                && let Some(node) = elements.get_mut(element.index())
            {
                node.traced_by.push(id);
            }
            links.push(Link {
                kind,
                plan,
                from,
                index: u32::try_from(index).unwrap_or(u32::MAX),
                target,
            });
            match from {
                Owner::Plan(_) => {
                    if let Some(node) = plan_nodes.get_mut(plan.index()) {
                        node.upper.push(id);
                    }
                    if let Some(Target::Plan(upper)) = target
                        && let Some(node) = plan_nodes.get_mut(upper.index())
                        && !node.lower.contains(&plan)
                    {
                        node.lower.push(plan);
                    }
                }
                Owner::Element(element) => {
                    if let Some(node) = elements.get_mut(element.index()) {
                        node.traces_to.push(id);
                    }
                }
                Owner::Implementer(implementer) => {
                    if let Some(node) = implementers.get_mut(implementer.index()) {
                        node.action = Some(id);
                    }
                    if let Some(Target::Element(action)) = target
                        && let Some(node) = elements.get_mut(action.index())
                    {
                        node.implemented_by.push(implementer);
                    }
                }
            }
        }
    }

    /// The code of the element, activity or investment that wrote a reference.
    fn owner_code(&self, owner: Owner) -> String {
        match owner {
            Owner::Plan(_) => String::new(),
            Owner::Element(element) => self.graph.element(element).code.value.to_string(),
            Owner::Implementer(implementer) => match self.graph.implementer_node(implementer).place
            {
                ImplementerPlace::Activity(..) => self
                    .graph
                    .activity(implementer)
                    .map(|a| a.code.value.to_string())
                    .unwrap_or_default(),
                ImplementerPlace::Investment(..) => self
                    .graph
                    .investment(implementer)
                    .map(|i| i.cui.value.to_string())
                    .unwrap_or_default(),
            },
        }
    }

    /// Marks what an unresolved reference most likely meant: its inbound links are incomplete.
    fn mark_meant(&mut self, meant: Option<Target>) {
        match meant {
            Some(Target::Element(element)) => {
                if let Some(node) = Arc::make_mut(&mut self.graph.elements).get_mut(element.index())
                {
                    node.incomplete_inbound = true;
                }
            }
            Some(target) => {
                let meant = self.graph.target_plan(target);
                if let Some(node) = Arc::make_mut(&mut self.graph.plan_nodes).get_mut(meant.index())
                {
                    node.incomplete_inbound = true;
                }
            }
            None => {}
        }
    }

    /// The finding of a reference that resolves to nothing, with what it most likely meant.
    fn unresolved(
        &self,
        plan: PlanId,
        owner: Owner,
        reference: &Reference,
        miss: Miss,
        misses: &mut Vec<Unresolved>,
    ) {
        let plan_id = self.graph.plan(plan).id.value.to_string();
        let element = self.owner_code(owner);
        let mut finding = Finding::new(&REF_01, reference.text.span, miss.message)
            .label(miss.label)
            .maybe_help(miss.help)
            .at(&plan_id, &element, reference.path());
        if let Some((span, message)) = miss.related {
            finding = finding.related(span, message);
        }
        misses.push((finding, miss.meant));
    }

    fn resolve_plan(
        &self,
        plan: PlanId,
        reference: &Reference,
        misses: &mut Vec<Unresolved>,
    ) -> Option<Target> {
        let text = reference.text.value.trim();
        if let Some(found) = self.graph.plan_by_id(text) {
            return Some(Target::Plan(found));
        }
        let miss = self.unreadable_plan(text).unwrap_or_else(|| {
            let (help, related, meant) = self.near_plan(text, plan);
            Miss {
                message: tr!(self.lang, "ref-no-upper-plan", plan = text),
                label: tr!(self.lang, "ref-no-plan-label"),
                help,
                related,
                meant,
            }
        });
        self.unresolved(plan, Owner::Plan(plan), reference, miss, misses);
        None
    }

    /// The finding for a reference to a plan whose file could not be read: it names the
    /// file and points at its LOAD finding, and suggests nothing else.
    fn unreadable_plan(&self, text: &str) -> Option<Miss> {
        let broken = self.unreadable.iter().find(|u| u.id == text)?;
        let lang = self.lang;
        Some(Miss {
            message: tr!(
                lang,
                "ref-unreadable-plan",
                plan = text,
                file = broken.path.as_str(),
                rule = broken.rule.as_str()
            ),
            label: tr!(lang, "ref-unreadable-plan-label"),
            help: Some(tr!(
                lang,
                "ref-unreadable-plan-help",
                file = broken.path.as_str()
            )),
            related: Some((broken.span, format!("{}: {}", broken.rule, broken.message))),
            meant: None,
        })
    }

    /// The plan id nearest to a misspelt one (never the referring plan's own id), as help
    /// and a related location.
    fn near_plan(
        &self,
        text: &str,
        from: PlanId,
    ) -> (Option<String>, Option<(Span, String)>, Option<Target>) {
        let plan_ids = self.plan_ids.get_or_init(|| {
            crate::suggest::Candidates::new(self.graph.plans.iter().map(|p| p.id.value.as_str()))
        });
        let own = self.graph.plan(from).id.value.as_str();
        let near = plan_ids
            .closest(text, |index| {
                self.graph
                    .plans
                    .get(index)
                    .is_some_and(|p| p.id.value == own || p.id.value == text)
            })
            .map(PlanId::from_index);
        match near {
            Some(near) => {
                let near_plan = self.graph.plan(near);
                (
                    Some(tr!(
                        self.lang,
                        "did-you-mean",
                        name = near_plan.id.value.as_str()
                    )),
                    Some((
                        near_plan.id.span,
                        tr!(
                            self.lang,
                            "ref-declared-here",
                            name = near_plan.id.value.as_str()
                        ),
                    )),
                    Some(Target::Plan(near)),
                )
            }
            None => (Some(tr!(self.lang, "ref-plan-ids-help")), None, None),
        }
    }

    fn resolve_code(
        &self,
        plan: PlanId,
        owner: Owner,
        reference: &Reference,
        misses: &mut Vec<Unresolved>,
    ) -> Option<Target> {
        let text: &str = reference.text.value.trim();
        let (target_plan, code) = match text.split_once('/') {
            Some((plan_text, code)) => {
                let Some(found) = self.graph.plan_by_id(plan_text.trim()) else {
                    let miss = self.unreadable_plan(plan_text.trim()).unwrap_or_else(|| {
                        let (help, related, meant) = self.near_plan(plan_text.trim(), plan);
                        Miss {
                            message: tr!(
                                self.lang,
                                "ref-names-unknown-plan",
                                reference = text,
                                plan = plan_text.trim()
                            ),
                            label: tr!(self.lang, "ref-unknown-plan-label"),
                            help,
                            related,
                            meant,
                        }
                    });
                    self.unresolved(plan, owner, reference, miss, misses);
                    return None;
                };
                (found, code.trim())
            }
            None => (plan, text),
        };
        if let Some(&target) = self
            .codes
            .get(target_plan.index())
            .and_then(|codes| codes.get(code))
        {
            return Some(target);
        }
        let target_plan_value = self.graph.plan(target_plan);
        let target_id = target_plan_value.id.value.to_string();
        // A bare code that exists in an upper plan: the plan prefix was forgotten.
        if !text.contains('/') {
            for upper in self.graph.upper_closure_unresolved(plan, &self.codes) {
                if let Some(&found) = self
                    .codes
                    .get(upper.index())
                    .and_then(|codes| codes.get(code))
                {
                    let upper_id = self.graph.plan(upper).id.value.to_string();
                    let span = self.target_span(found);
                    self.unresolved(
                        plan,
                        owner,
                        reference,
                        Miss {
                            message: tr!(self.lang, "ref-bare-code", code = code),
                            label: tr!(self.lang, "ref-bare-code-label"),
                            help: Some(tr!(
                                self.lang,
                                "did-you-mean",
                                name = format!("{upper_id}/{code}")
                            )),
                            related: Some((
                                span,
                                tr!(
                                    self.lang,
                                    "ref-code-of",
                                    code = code,
                                    plan = upper_id.as_str()
                                ),
                            )),
                            meant: Some(found),
                        },
                        misses,
                    );
                    return None;
                }
            }
        }
        let near = self.codes.get(target_plan.index()).and_then(|codes| {
            let mut keys: Vec<&str> = codes.keys().copied().collect();
            keys.sort_unstable();
            closest(code, keys).map(|near| (near.to_owned(), codes.get(near).copied()))
        });
        let meant = match near {
            Some((_, Some(found))) => found,
            _ => Target::Plan(target_plan),
        };
        let (help, related) = match near {
            Some((near_code, Some(found))) => (
                Some(if text.contains('/') {
                    tr!(
                        self.lang,
                        "did-you-mean",
                        name = format!("{target_id}/{near_code}")
                    )
                } else {
                    tr!(self.lang, "did-you-mean", name = near_code.as_str())
                }),
                Some((
                    self.target_span(found),
                    tr!(self.lang, "ref-declared-here", name = near_code.as_str()),
                )),
            ),
            _ => (
                Some(tr!(
                    self.lang,
                    "ref-look-up-code",
                    plan = self.graph.plan(target_plan).id.value.as_str()
                )),
                None,
            ),
        };
        let message = if text.contains('/') {
            tr!(
                self.lang,
                "ref-no-element",
                plan = target_id.as_str(),
                code = code
            )
        } else {
            tr!(self.lang, "ref-bare-code", code = code)
        };
        self.unresolved(
            plan,
            owner,
            reference,
            Miss {
                message,
                label: tr!(self.lang, "ref-no-element-label"),
                help,
                related,
                meant: Some(meant),
            },
            misses,
        );
        None
    }

    fn target_span(&self, target: Target) -> Span {
        match target {
            Target::Plan(plan) => self.graph.plan(plan).id.span,
            Target::Element(element) => self.graph.element(element).code.span,
            Target::Implementer(implementer) => self
                .graph
                .activity(implementer)
                .map(|a| a.code.span)
                .or_else(|| self.graph.investment(implementer).map(|i| i.cui.span))
                .unwrap_or_else(|| self.graph.plan(self.graph.target_plan(target)).id.span),
        }
    }

    /// Marks what rules cannot judge because a reference is broken: an element whose traces
    /// (or a plan whose `upper`, or an activity whose `action`) hold an unresolved or
    /// undecodable entry, and the inbound links of plans that an unreadable file mentions.
    /// The evaluator drops a finding whose verdict read such a place: REF or LOAD already
    /// reports the cause.
    /// Which elements, plans and implementers have a broken reference of their own (written
    /// unreadably, or resolved to nothing), by index.
    fn incomplete(&self) -> Incomplete {
        let graph = &self.graph;
        let unresolved =
            |links: &[LinkId]| links.iter().any(|&link| graph.link(link).target.is_none());
        let elements = (0..graph.elements.len())
            .map(|index| {
                let id = ElementId::from_index(index);
                graph.element(id).traces_broken || unresolved(&graph.element_node(id).traces_to)
            })
            .collect();
        let plans = (0..graph.plan_nodes.len())
            .map(|index| {
                let id = PlanId::from_index(index);
                graph.plan(id).upper_broken || unresolved(&graph.plan_node(id).upper)
            })
            .collect();
        let implementers = (0..graph.implementers.len())
            .map(|index| {
                let id = ImplementerId::from_index(index);
                let written_broken = graph
                    .activity(id)
                    .map(|a| a.action_broken)
                    .or_else(|| graph.investment(id).map(|i| i.action_broken))
                    .unwrap_or(false);
                written_broken
                    || graph
                        .implementer_node(id)
                        .action
                        .is_some_and(|link| graph.link(link).target.is_none())
            })
            .collect();
        Incomplete {
            elements,
            plans,
            implementers,
        }
    }

    /// Marks what [`Builder::incomplete`] found, and what an unreadable file may have traced
    /// to (its inbound links are incomplete).
    fn mark_incomplete(&mut self, incomplete: &Incomplete) {
        let graph = &mut self.graph;
        for (node, &broken) in Arc::make_mut(&mut graph.elements)
            .iter_mut()
            .zip(&incomplete.elements)
        {
            node.incomplete_traces = broken;
        }
        for (node, &broken) in Arc::make_mut(&mut graph.plan_nodes)
            .iter_mut()
            .zip(&incomplete.plans)
        {
            node.incomplete_upper = broken;
        }
        for (node, &broken) in Arc::make_mut(&mut graph.implementers)
            .iter_mut()
            .zip(&incomplete.implementers)
        {
            node.incomplete_action = broken;
        }
        for unreadable in self.unreadable {
            for mention in unreadable.mentions.iter() {
                let (plan_text, code) = mention.split_once('/').unwrap_or((mention, ""));
                let Some(plan) = self.graph.plan_by_id(plan_text) else {
                    continue;
                };
                match self
                    .codes
                    .get(plan.index())
                    .and_then(|codes| codes.get(code))
                {
                    Some(Target::Element(element)) => {
                        if let Some(node) =
                            Arc::make_mut(&mut self.graph.elements).get_mut(element.index())
                        {
                            node.incomplete_inbound = true;
                        }
                    }
                    _ => {
                        if let Some(node) =
                            Arc::make_mut(&mut self.graph.plan_nodes).get_mut(plan.index())
                        {
                            node.incomplete_inbound = true;
                        }
                    }
                }
            }
        }
    }

    /// REF-04 (not upward) and REF-05 (to a concerted or sectoral plan not declared in `upper`).
    fn check_ranks(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        let mut closures: HashMap<PlanId, Vec<PlanId>> = HashMap::default();
        for index in 0..self.graph.links.len() {
            let link_id = LinkId::from_index(index);
            let link = self.graph.link(link_id);
            let reference = self.graph.reference(link_id);
            if link.kind == LinkKind::Action {
                continue;
            }
            let Some(target) = link.target else { continue };
            let from_plan = link.plan;
            let to_plan = self.graph.target_plan(target);
            let from_rank = self.graph.plan_node(from_plan).rank;
            let to_rank = self.graph.plan_node(to_plan).rank;
            let from = self.graph.plan(from_plan);
            let to = self.graph.plan(to_plan);
            // Borrowed: nearly every link is fine, and needs no copy of its code.
            let element: &str = match link.from {
                Owner::Element(element) => &self.graph.element(element).code.value,
                _ => "",
            };
            if to_rank <= from_rank {
                let lang = self.lang;
                let kind = if link.kind == LinkKind::Upper {
                    "upper"
                } else {
                    "trace"
                };
                let message = if to_plan == from_plan {
                    tr!(
                        lang,
                        "ref-own-plan",
                        element = element,
                        reference = reference.text.value.as_str()
                    )
                } else {
                    tr!(
                        lang,
                        "ref-not-above",
                        who = if element.is_empty() {
                            format!("`{}`", from.id.value)
                        } else {
                            format!("`{element}`")
                        },
                        kind = kind,
                        reference = reference.text.value.as_str(),
                        target = describe_plan(to, lang),
                        source = describe_plan(from, lang),
                    )
                };
                let mut finding = Finding::new(&REF_04, reference.text.span, message)
                    .label(tr!(lang, "ref-not-above-label"))
                    .help(tr!(lang, "ref-not-above-help"))
                    .at(&from.id.value, element, reference.path());
                if to_plan != from_plan {
                    finding = finding.related(
                        to.id.span,
                        tr!(
                            lang,
                            "ref-plan-is",
                            plan = to.id.value.as_str(),
                            description = describe_plan(to, lang)
                        ),
                    );
                }
                findings.push(finding);
                continue;
            }
            if link.kind != LinkKind::Trace
                || !matches!(
                    to.kind.value,
                    PlanKind::Pesem | PlanKind::Pdrc | PlanKind::Pdlc
                )
            {
                continue;
            }
            let closure = closures
                .entry(from_plan)
                .or_insert_with(|| self.graph.upper_closure(from_plan));
            if closure.contains(&to_plan) {
                continue;
            }
            let lang = self.lang;
            let to_id = to.id.value.as_str();
            let mut finding = Finding::new(
                &REF_05,
                reference.text.span,
                tr!(lang, "ref-undeclared", element = element, plan = to_id),
            )
            .label(tr!(lang, "ref-undeclared-label"))
            .help(tr!(lang, "ref-undeclared-help", plan = to_id))
            .at(&from.id.value, element, reference.path());
            if let Some(key) = from.upper_key {
                finding = finding.related(key, tr!(lang, "ref-undeclared-related"));
            }
            findings.push(finding);
        }
        findings
    }

    /// REF-03: one finding per strongly connected set of elements that traces in a circle.
    fn check_cycles(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        let successors = Successors::new(self.graph.elements.len(), |id| {
            self.graph
                .element_node(id)
                .traces_to
                .iter()
                .filter_map(|&link| match self.graph.link(link).target {
                    Some(Target::Element(target)) => Some((target, link)),
                    _ => None,
                })
        });
        for component in circles(&successors) {
            let key = |id: &ElementId| {
                let plan = self.graph.plan(self.graph.element_plan(*id));
                (
                    plan.id.value.to_string(),
                    self.graph.element(*id).code.value.to_string(),
                )
            };
            let Some(&start) = component.iter().min_by_key(|id| key(id)) else {
                continue;
            };
            let Some(&(next, link)) = successors
                .of(start.index())
                .iter()
                .find(|(t, _)| component.contains(t))
            else {
                continue;
            };
            // The cycle, shortest way back from `next` to `start` inside the component.
            let path = shortest_path(&successors, next, start, &component);
            let mut names = vec![self.qualified(start)];
            names.extend(path.iter().map(|&id| self.qualified(id)));
            let reference = self.graph.reference(link);
            let plan = self.graph.plan(self.graph.link(link).plan);
            let mut finding = Finding::new(
                &REF_03,
                reference.text.span,
                tr!(self.lang, "ref-cycle", cycle = names.join(" → ")),
            )
            .label(tr!(self.lang, "ref-cycle-label"))
            .help(tr!(self.lang, "ref-cycle-help"))
            .at(
                &plan.id.value,
                &self.graph.element(start).code.value,
                reference.path(),
            );
            for &id in path.iter().filter(|&&id| id != start).take(4) {
                finding = finding.related(
                    self.graph.element(id).code.span,
                    tr!(self.lang, "ref-in-cycle", element = self.qualified(id)),
                );
            }
            findings.push(finding);
        }
        findings
    }

    fn qualified(&self, element: ElementId) -> String {
        let plan = self.graph.plan(self.graph.element_plan(element));
        format!(
            "{}/{}",
            plan.id.value,
            self.graph.element(element).code.value
        )
    }
}

impl Graph {
    /// Plans above `plan` through `upper`, before links are built: read from the plans' text.
    fn upper_closure_unresolved(
        &self,
        plan: PlanId,
        _codes: &[HashMap<&str, Target>],
    ) -> Vec<PlanId> {
        let mut seen = vec![false; self.plans.len()];
        let mut order = Vec::new();
        let mut stack = vec![plan];
        while let Some(current) = stack.pop() {
            for reference in &self.plan(current).upper {
                if let Some(upper) = self.plan_by_id(reference.text.value.trim())
                    && let Some(flag) = seen.get_mut(upper.index())
                    && !*flag
                    && upper != plan
                {
                    *flag = true;
                    order.push(upper);
                    stack.push(upper);
                }
            }
        }
        order
    }
}

/// A plan's part of the graph's tables, built on its own (see `Builder::index`).
struct PlanPart<'p> {
    node: PlanNode,
    /// Its objectives and actions, in id order.
    elements: Vec<ElementNode>,
    /// Its activities and investments, in id order.
    implementers: Vec<ImplementerNode>,
    /// Code → the first element or activity that has it.
    codes: HashMap<&'p str, Target>,
    /// Codes, indicator codes and CUIs written twice, in document order.
    findings: Vec<Finding>,
}

/// The plan's part of the tables, its elements' ids starting at `first_element` and its
/// implementers' at `first_implementer`.
fn index_plan(
    lang: Lang,
    plan_id: PlanId,
    plan: &Plan,
    (first_element, first_implementer): (usize, usize),
) -> PlanPart<'_> {
    let mut part = PlanPart {
        node: PlanNode {
            rank: rank(plan),
            upper: Vec::with_capacity(plan.upper.len()),
            elements: Vec::with_capacity(element_count(plan)),
            implementers: Vec::with_capacity(plan.activities.len() + plan.investments.len()),
            ..PlanNode::default()
        },
        elements: Vec::with_capacity(element_count(plan)),
        implementers: Vec::with_capacity(plan.activities.len() + plan.investments.len()),
        codes: HashMap::default(),
        findings: Vec::new(),
    };
    // Code → where it is first written (borrowed from the plan, for REF-02).
    let mut spans: HashMap<&str, Span> = HashMap::default();
    let mut indicator_codes: HashMap<&str, Span> = HashMap::default();
    for (objective_index, objective) in plan.objectives.iter().enumerate() {
        let objective_at = part.elements.len();
        let objective_id = ElementId::from_index(first_element + objective_at);
        part.elements.push(ElementNode {
            place: ElementPlace {
                plan: plan_id,
                objective: position(objective_index),
                action: None,
            },
            parent: None,
            children: ThinVec::with_capacity(objective.actions.len()),
            traces_to: ThinVec::with_capacity(objective.traces_to.len()),
            traced_by: ThinVec::new(),
            implemented_by: ThinVec::new(),
            incomplete_traces: false,
            incomplete_inbound: false,
        });
        part.node.elements.push(objective_id);
        for (action_index, action) in objective.actions.iter().enumerate() {
            let action_id = ElementId::from_index(first_element + part.elements.len());
            part.elements.push(ElementNode {
                place: ElementPlace {
                    plan: plan_id,
                    objective: position(objective_index),
                    action: Some(position(action_index)),
                },
                parent: Some(objective_id),
                children: ThinVec::new(),
                traces_to: ThinVec::with_capacity(action.traces_to.len()),
                traced_by: ThinVec::new(),
                implemented_by: ThinVec::new(),
                incomplete_traces: false,
                incomplete_inbound: false,
            });
            if let Some(parent) = part.elements.get_mut(objective_at) {
                parent.children.push(action_id);
            }
            part.node.elements.push(action_id);
        }
    }
    // The ids run in document order: each objective, then its actions.
    let in_order = plan
        .objectives
        .iter()
        .flat_map(|objective| std::iter::once(objective).chain(&objective.actions));
    for (element, id) in in_order.zip((first_element..).map(ElementId::from_index)) {
        claim_code(
            lang,
            (&mut part.codes, &mut spans, &mut part.findings),
            plan,
            &element.code.value,
            element.code.span,
            Target::Element(id),
            &element.code.value,
        );
        for indicator in &element.indicators {
            if let Some(code) = &indicator.code {
                if let Some(first) = indicator_codes.get(code.value.as_str()) {
                    let mut finding = Finding::new(
                        &REF_02,
                        code.span,
                        tr!(lang, "ref-indicator-twice", code = code.value.as_str()),
                    )
                    .label(tr!(lang, "ref-indicator-twice-label"))
                    .related(*first, tr!(lang, "ref-indicator-twice-first"))
                    .help(tr!(lang, "ref-indicator-twice-help"))
                    .at(
                        &plan.id.value,
                        &element.code.value,
                        format!("{}.code", indicator.path()),
                    );
                    finding.indicator = Some(code.value.to_string());
                    part.findings.push(finding);
                } else {
                    indicator_codes.insert(&code.value, code.span);
                }
            }
        }
    }
    // An activity's or investment's id, its node added.
    let implementer = |part: &mut PlanPart<'_>, place: ImplementerPlace| {
        let id = ImplementerId::from_index(first_implementer + part.implementers.len());
        part.implementers.push(ImplementerNode {
            place,
            action: None,
            incomplete_action: false,
        });
        part.node.implementers.push(id);
        id
    };
    for (activity_index, activity) in plan.activities.iter().enumerate() {
        let id = implementer(
            &mut part,
            ImplementerPlace::Activity(plan_id, activity_index),
        );
        claim_code(
            lang,
            (&mut part.codes, &mut spans, &mut part.findings),
            plan,
            &activity.code.value,
            activity.code.span,
            Target::Implementer(id),
            &activity.code.value,
        );
    }
    let mut cuis: HashMap<&str, Span> = HashMap::default();
    for (investment_index, investment) in plan.investments.iter().enumerate() {
        implementer(
            &mut part,
            ImplementerPlace::Investment(plan_id, investment_index),
        );
        if investment.cui.value.is_empty() {
            continue;
        }
        if let Some(first) = cuis.get(investment.cui.value.as_str()) {
            part.findings.push(
                Finding::new(
                    &REF_02,
                    investment.cui.span,
                    tr!(lang, "ref-cui-twice", cui = investment.cui.value.as_str()),
                )
                .label(tr!(lang, "ref-cui-twice-label"))
                .related(*first, tr!(lang, "ref-cui-twice-first"))
                .help(tr!(lang, "ref-cui-twice-help"))
                .at(&plan.id.value, &investment.cui.value, "cui"),
            );
        } else {
            cuis.insert(&investment.cui.value, investment.cui.span);
        }
    }
    part
}

/// Records that `code` names `target` in its plan, or reports it written twice there.
fn claim_code<'p>(
    lang: Lang,
    (codes, spans, findings): (
        &mut HashMap<&'p str, Target>,
        &mut HashMap<&'p str, Span>,
        &mut Vec<Finding>,
    ),
    plan: &Plan,
    code: &'p str,
    span: Span,
    target: Target,
    element: &str,
) {
    if code.is_empty() {
        return;
    }
    // Codes are borrowed from the plans, which outlive the builder.
    match spans.entry(code) {
        MapEntry::Vacant(slot) => {
            slot.insert(span);
            codes.insert(code, target);
        }
        MapEntry::Occupied(first) => {
            let first = *first.get();
            findings.push(
                Finding::new(
                    &REF_02,
                    span,
                    tr!(
                        lang,
                        "ref-code-twice",
                        code = code,
                        plan = plan.id.value.as_str()
                    ),
                )
                .label(tr!(lang, "ref-code-twice-label"))
                .related(first, tr!(lang, "ref-code-twice-first"))
                .help(tr!(lang, "ref-code-twice-help"))
                .at(&plan.id.value, element, "code"),
            );
        }
    }
}

/// How many objectives and actions `plan` has.
fn element_count(plan: &Plan) -> usize {
    plan.objectives
        .iter()
        .map(|objective| 1 + objective.actions.len())
        .sum()
}

/// The objective or action at `place` in `plan`.
fn element_at(plan: &Plan, place: ElementPlace) -> Option<&crate::plan::model::Element> {
    let objective = plan.objectives.get(place.objective as usize)?;
    match place.action {
        Some(action) => objective.actions.get(action as usize),
        None => Some(objective),
    }
}

/// What has a broken reference of its own, by index ([`Builder::incomplete`]).
struct Incomplete {
    elements: Vec<bool>,
    plans: Vec<bool>,
    implementers: Vec<bool>,
}

/// Each element's traces to elements, in one list: element `i`'s are
/// `edges[starts[i]..starts[i + 1]]` (one allocation, not one per element).
struct Successors {
    starts: Vec<u32>,
    edges: Vec<(ElementId, LinkId)>,
}

impl Successors {
    /// The traces of `count` elements, each element's given by `of`.
    fn new<I: Iterator<Item = (ElementId, LinkId)>>(
        count: usize,
        mut of: impl FnMut(ElementId) -> I,
    ) -> Self {
        let mut starts = Vec::with_capacity(count + 1);
        let mut edges = Vec::new();
        starts.push(0);
        for index in 0..count {
            edges.extend(of(ElementId::from_index(index)));
            starts.push(u32::try_from(edges.len()).unwrap_or(u32::MAX));
        }
        Self { starts, edges }
    }

    /// How many elements.
    fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The traces of the element at `node`.
    fn of(&self, node: usize) -> &[(ElementId, LinkId)] {
        match (self.starts.get(node), self.starts.get(node + 1)) {
            (Some(&from), Some(&to)) => self
                .edges
                .get(from as usize..to as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }
}

/// The strongly connected sets of elements that trace in a circle (two or more elements,
/// or one that traces to itself), each sorted (Tarjan's algorithm, without recursion).
fn circles(successors: &Successors) -> Vec<Vec<ElementId>> {
    const UNSEEN: usize = usize::MAX;
    let count = successors.len();
    let mut index = vec![UNSEEN; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut components = Vec::new();
    let mut next_index = 0;
    // (node, next successor position)
    let mut work: Vec<(usize, usize)> = Vec::new();
    for root in 0..count {
        if index.get(root) != Some(&UNSEEN) {
            continue;
        }
        work.push((root, 0));
        while let Some(&mut (node, ref mut position)) = work.last_mut() {
            if *position == 0 && index.get(node) == Some(&UNSEEN) {
                if let (Some(i), Some(l), Some(o)) = (
                    index.get_mut(node),
                    low.get_mut(node),
                    on_stack.get_mut(node),
                ) {
                    *i = next_index;
                    *l = next_index;
                    *o = true;
                }
                next_index += 1;
                stack.push(node);
            }
            if let Some(&(successor, _)) = successors.of(node).get(*position) {
                *position += 1;
                let successor = successor.index();
                if index.get(successor) == Some(&UNSEEN) {
                    work.push((successor, 0));
                } else if on_stack.get(successor) == Some(&true) {
                    let successor_index = index.get(successor).copied().unwrap_or(0);
                    if let Some(l) = low.get_mut(node) {
                        *l = (*l).min(successor_index);
                    }
                }
                continue;
            }
            work.pop();
            let node_low = low.get(node).copied().unwrap_or(0);
            if let Some(&(parent, _)) = work.last()
                && let Some(l) = low.get_mut(parent)
            {
                *l = (*l).min(node_low);
            }
            if index.get(node) != Some(&node_low) {
                continue;
            }
            // A set of one (nearly every element) is a circle only when it traces to itself.
            if stack.last() == Some(&node) {
                stack.pop();
                if let Some(o) = on_stack.get_mut(node) {
                    *o = false;
                }
                let only = ElementId::from_index(node);
                if successors.of(node).iter().any(|(t, _)| *t == only) {
                    components.push(vec![only]);
                }
                continue;
            }
            let mut component = Vec::new();
            while let Some(member) = stack.pop() {
                if let Some(o) = on_stack.get_mut(member) {
                    *o = false;
                }
                component.push(ElementId::from_index(member));
                if member == node {
                    break;
                }
            }
            component.sort_unstable();
            components.push(component);
        }
    }
    components
}

/// The shortest path from `from` to `to` using only members of `component` (both ends included).
fn shortest_path(
    successors: &Successors,
    from: ElementId,
    to: ElementId,
    component: &[ElementId],
) -> Vec<ElementId> {
    let mut previous: HashMap<ElementId, ElementId> = HashMap::default();
    let mut queue = std::collections::VecDeque::from([from]);
    let mut seen = std::collections::HashSet::from([from]);
    while let Some(current) = queue.pop_front() {
        if current == to {
            break;
        }
        for &(next, _) in successors.of(current.index()) {
            if component.binary_search(&next).is_ok() && seen.insert(next) {
                previous.insert(next, current);
                queue.push_back(next);
            }
        }
    }
    let mut path = vec![to];
    let mut current = to;
    while current != from {
        match previous.get(&current) {
            Some(&before) => {
                path.push(before);
                current = before;
            }
            None => break,
        }
    }
    path.reverse();
    path
}
