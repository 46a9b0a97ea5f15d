//! Which plans a computation read: the dependencies of an incremental evaluation.
//!
//! While [`recording`] runs a closure on a thread, every accessor of [`Graph`](super::Graph)
//! that hands out a plan's data or a node of its graph (`plan`, `plan_node`, `element_node`,
//! `element`, `link`, `implementer_node`, and what is built on them) notes the plan it belongs
//! to. The evaluator reads the graph only through those accessors, so the plans noted are
//! every plan whose data or links the verdicts depend on: when none of them changed, the
//! verdicts are the same (`eval::EvalCache`).
//!
//! Outside [`recording`] the accessors pay one thread-local flag test.

use std::cell::{Cell, RefCell};
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::FxHasher;

use super::{Graph, ImplementerPlace, LinkId, PlanId, Target};

thread_local! {
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    static NOTED: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// The plans a computation read, sorted and without repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Reads(Vec<u32>);

impl Reads {
    /// The plans read.
    pub(crate) fn plans(&self) -> impl Iterator<Item = PlanId> + '_ {
        self.0.iter().map(|&plan| PlanId(plan))
    }
}

/// Notes that the running computation read `plan` (when one is being recorded).
#[inline]
pub(super) fn note(plan: PlanId) {
    if ACTIVE.with(Cell::get) {
        NOTED.with(|noted| {
            let mut noted = noted.borrow_mut();
            if noted.last() != Some(&plan.0) {
                noted.push(plan.0);
            }
        });
    }
}

/// Runs `work`, returning what it returns and the plans it read through the graph. Calls
/// nest: an inner recording's plans are noted in the outer one too.
pub(crate) fn recording<T>(work: impl FnOnce() -> T) -> (T, Reads) {
    let outer = ACTIVE.with(|active| active.replace(true));
    let start = NOTED.with(|noted| noted.borrow().len());
    let result = work();
    let mut plans = NOTED.with(|noted| {
        let mut noted = noted.borrow_mut();
        if outer {
            noted.get(start..).map(<[u32]>::to_vec).unwrap_or_default()
        } else {
            noted.drain(..).collect::<Vec<u32>>()
        }
    });
    ACTIVE.with(|active| active.set(outer));
    plans.sort_unstable();
    plans.dedup();
    (result, Reads(plans))
}

impl Graph {
    /// For each plan, a hash of what the graph says about it beyond its own file: where its
    /// references resolved, what resolved to it, its rank and its incompleteness marks, with
    /// every other plan named by its file, so that the hashes of two graphs over the same
    /// files compare. A plan whose file is unchanged and whose signature is unchanged reads
    /// the same through every accessor.
    pub(crate) fn signatures(&self) -> Vec<u64> {
        let file = |plan: PlanId| self.plans.get(plan.index()).map(|p| p.file.index());
        let target = |hasher: &mut FxHasher, target: Option<Target>| match target {
            None => 0u8.hash(hasher),
            Some(Target::Plan(plan)) => (1u8, file(plan)).hash(hasher),
            Some(Target::Element(element)) => {
                let place = self.elements.get(element.index()).map(|node| node.place);
                (2u8, place.map(|p| (file(p.plan), p.objective, p.action))).hash(hasher);
            }
            Some(Target::Implementer(implementer)) => {
                (3u8, self.implementer_key(implementer.index())).hash(hasher);
            }
        };
        let link = |hasher: &mut FxHasher, id: LinkId| {
            if let Some(link) = self.links.get(id.index()) {
                let written = self.reference(id).text.span;
                (link.kind as u8, file(link.plan), written).hash(hasher);
                target(hasher, link.target);
            }
        };
        self.plan_nodes
            .par_iter()
            .map(|node| {
                let mut hasher = FxHasher::default();
                (node.rank, node.incomplete_upper, node.incomplete_inbound).hash(&mut hasher);
                node.upper.iter().for_each(|&id| link(&mut hasher, id));
                node.lower
                    .iter()
                    .for_each(|&plan| file(plan).hash(&mut hasher));
                for element in &node.elements {
                    let Some(element) = self.elements.get(element.index()) else {
                        continue;
                    };
                    (element.incomplete_traces, element.incomplete_inbound).hash(&mut hasher);
                    element
                        .traces_to
                        .iter()
                        .for_each(|&id| link(&mut hasher, id));
                    element
                        .traced_by
                        .iter()
                        .for_each(|&id| link(&mut hasher, id));
                    for implementer in &element.implemented_by {
                        self.implementer_key(implementer.index()).hash(&mut hasher);
                    }
                }
                for implementer in &node.implementers {
                    if let Some(implementer) = self.implementers.get(implementer.index()) {
                        implementer.incomplete_action.hash(&mut hasher);
                        implementer
                            .action
                            .into_iter()
                            .for_each(|id| link(&mut hasher, id));
                    }
                }
                hasher.finish()
            })
            .collect()
    }

    /// An activity or investment named by its plan's file and its place there.
    fn implementer_key(&self, index: usize) -> Option<(usize, u8, usize)> {
        let place = self.implementers.get(index)?.place;
        let (plan, kind, at) = match place {
            ImplementerPlace::Activity(plan, at) => (plan, 0, at),
            ImplementerPlace::Investment(plan, at) => (plan, 1, at),
        };
        Some((self.plans.get(plan.index())?.file.index(), kind, at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_is_read_while_recording_is_noted() {
        note(PlanId(9));
        let ((), reads) = recording(|| {
            note(PlanId(3));
            note(PlanId(1));
            note(PlanId(3));
            let ((), inner) = recording(|| note(PlanId(5)));
            assert_eq!(inner.0, vec![5]);
        });
        assert_eq!(reads.0, vec![1, 3, 5]);
        note(PlanId(7));
        let ((), none) = recording(|| ());
        assert!(none.0.is_empty());
        assert_eq!(
            reads.plans().collect::<Vec<_>>(),
            [PlanId(1), PlanId(3), PlanId(5)]
        );
    }
}
