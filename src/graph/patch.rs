//! Patching a graph after an edit that leaves every reference as it was.
//!
//! Most edits of a plan change what rules read (a statement, an indicator's values, a
//! responsible unit) and nothing the graph is built from: the plan's id, kind and level, its
//! codes in their order, its references as written, which of them could be decoded. Such a
//! plan has the same *interface* ([`same_interface`]) before and after, and the graph that
//! [`build`](super::build) would make is the old one with the new plan in its place: every
//! node, link and target is the same. Only positions move, so the graph's findings (REF) are
//! the old ones with their places in the edited files moved to where the same code or
//! reference now is ([`remap`]); a finding at a place with no counterpart means the patch
//! does not apply, and the graph is built again.

use std::collections::HashMap;
use std::sync::Arc;

use super::Graph;
use crate::plan::model::{Element, Level, Plan, PlanKind, RefPlace, Reference};
use crate::report::Finding;
use crate::source::{FileId, Span};

/// A plan before and after an edit.
pub(crate) type Edited = (Arc<Plan>, Arc<Plan>);

/// One fact of a plan's interface, in traversal order.
#[derive(Debug, PartialEq)]
enum Fact<'p> {
    Text(&'p str),
    Maybe(Option<&'p str>),
    Flag(bool),
    Count(usize),
    Place(RefPlace),
    Kind(PlanKind),
    Level(Option<Level>),
}

/// What the graph is built from in a plan, and the places its findings can point at, in
/// the same order for two plans of the same interface.
#[derive(Default)]
struct Interface<'p> {
    facts: Vec<Fact<'p>>,
    places: Vec<Span>,
}

impl<'p> Interface<'p> {
    fn of(plan: &'p Plan) -> Self {
        let mut out = Self::default();
        out.facts.push(Fact::Text(&plan.id.value));
        out.facts.push(Fact::Kind(plan.kind.value));
        out.facts
            .push(Fact::Level(plan.entity.level.as_ref().map(|l| l.value)));
        out.facts.push(Fact::Flag(plan.upper_broken));
        out.facts.push(Fact::Flag(plan.upper_key.is_some()));
        out.places
            .extend([plan.header, plan.id.span, plan.kind.span]);
        out.places.extend(plan.upper_key);
        out.references(&plan.upper);
        out.facts.push(Fact::Count(plan.objectives.len()));
        for objective in &plan.objectives {
            out.element(objective);
            out.facts.push(Fact::Count(objective.actions.len()));
            for action in &objective.actions {
                out.element(action);
            }
        }
        out.facts.push(Fact::Count(plan.activities.len()));
        for activity in &plan.activities {
            out.facts.push(Fact::Text(&activity.code.value));
            out.places.push(activity.code.span);
            out.facts.push(Fact::Flag(activity.action_broken));
            out.references(activity.action.as_slice());
        }
        out.facts.push(Fact::Count(plan.investments.len()));
        for investment in &plan.investments {
            out.facts.push(Fact::Text(&investment.cui.value));
            out.places.push(investment.cui.span);
            out.facts.push(Fact::Flag(investment.action_broken));
            out.references(investment.action.as_slice());
        }
        out
    }

    fn element(&mut self, element: &'p Element) {
        self.facts.push(Fact::Text(&element.code.value));
        self.places.push(element.code.span);
        self.facts.push(Fact::Flag(element.traces_broken));
        self.references(&element.traces_to);
        self.facts.push(Fact::Count(element.indicators.len()));
        for indicator in &element.indicators {
            self.facts.push(Fact::Maybe(
                indicator.code.as_ref().map(|c| c.value.as_str()),
            ));
            self.places.extend(indicator.code.as_ref().map(|c| c.span));
        }
    }

    fn references(&mut self, references: &'p [Reference]) {
        self.facts.push(Fact::Count(references.len()));
        for reference in references {
            self.facts.push(Fact::Text(&reference.text.value));
            self.facts.push(Fact::Place(reference.place));
            self.places.push(reference.text.span);
        }
    }
}

/// Whether the graph built with `new` in place of `old` is the graph built with `old`.
pub(crate) fn same_interface(old: &Plan, new: &Plan) -> bool {
    Interface::of(old).facts == Interface::of(new).facts
}

impl Graph {
    /// This graph with `plans` in place of its own, when the plans are the same files in
    /// the same order and each plan that changed kept its interface; with the pairs (old,
    /// new) of the plans that changed. `None`: the graph must be built again.
    pub(crate) fn patched(&self, plans: &[Arc<Plan>]) -> Option<(Graph, Vec<Edited>)> {
        if plans.len() != self.plans.len() {
            return None;
        }
        let mut changed = Vec::new();
        for (old, new) in self.plans.iter().zip(plans) {
            if Arc::ptr_eq(old, new) {
                continue;
            }
            if old.file != new.file || !same_interface(old, new) {
                return None;
            }
            changed.push((Arc::clone(old), Arc::clone(new)));
        }
        let mut graph = self.clone();
        graph.plans = plans.to_vec();
        Some((graph, changed))
    }
}

/// The graph's findings of the old plans, moved to the new plans' places: every place in
/// a changed file must be one of the old plan's places with a counterpart in the new one
/// (`None` otherwise).
pub(crate) fn remap(
    findings: &[Finding],
    changed: &[(Arc<Plan>, Arc<Plan>)],
) -> Option<Vec<Finding>> {
    if changed.is_empty() {
        return Some(findings.to_vec());
    }
    let files: Vec<FileId> = changed.iter().map(|(old, _)| old.file).collect();
    // Old place → new place; `None` when one old place has two counterparts.
    let mut moved: HashMap<Span, Option<Span>> = HashMap::new();
    for (old, new) in changed {
        let (before, after) = (Interface::of(old), Interface::of(new));
        if before.places.len() != after.places.len() {
            return None;
        }
        for (from, to) in before.places.into_iter().zip(after.places) {
            let entry = moved.entry(from).or_insert(Some(to));
            if *entry != Some(to) {
                *entry = None;
            }
        }
    }
    let place = |span: Span| -> Option<Span> {
        if files.contains(&span.file) {
            moved.get(&span).copied().flatten()
        } else {
            Some(span)
        }
    };
    findings
        .iter()
        .map(|finding| {
            let mut finding = finding.clone();
            finding.span = place(finding.span)?;
            for related in &mut finding.related {
                related.span = place(related.span)?;
            }
            Some(finding)
        })
        .collect()
}
