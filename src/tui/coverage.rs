//! The Coverage view's content: a concerted plan's objectives and actions against the
//! plans beneath it.
//!
//! A cell counts the elements of one lower plan that trace directly to one row's
//! element, and remembers the worst severity of the findings about them. A row's
//! coverage counts what traces to the element and, for an objective, to its actions
//! (as ART-11 sees it). A row is drawn as a gap when ART-11 reports it (the findings
//! decide, [`crate::report::gaps`]), never by counting here. Rows can be sorted with the
//! least covered first.

#[cfg(test)]
mod tests;

use super::index::{Counts, Index};
use crate::graph::{ElementId, Graph, LinkKind, Owner, PlanId};
use crate::plan::model::PlanKind;
use crate::report::Severity;

/// One cell: the lower elements behind it and their worst finding.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// Elements of the column's plan that trace to the row's element.
    pub lowers: Vec<ElementId>,
    /// The worst severity among the findings about those elements.
    pub worst: Option<Severity>,
}

/// One row: an objective or action of the concerted plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The element.
    pub element: ElementId,
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// Lower elements tracing here, over all columns.
    pub total: usize,
    /// `total`, plus the totals of its actions for an objective.
    pub covered: usize,
    /// Findings about the row's element itself.
    pub counts: Counts,
    /// Whether a finding marks the row as a gap (ART-11: no lower plan takes it up).
    pub gap: bool,
}

/// The matrix of one plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    /// The concerted plan.
    pub plan: PlanId,
    /// The plans beneath it, highest rank first.
    pub columns: Vec<PlanId>,
    /// Its objectives and actions.
    pub rows: Vec<Row>,
}

/// The plans the Coverage view offers: concerted plans (pdrc, pdlc) first, then any
/// other plan that some lower plan traces to; highest rank first, then by id.
#[must_use]
pub fn plans(graph: &Graph) -> Vec<PlanId> {
    let mut plans: Vec<PlanId> = graph
        .plan_ids()
        .filter(|&id| {
            let kind = graph.plan(id).kind.value;
            matches!(kind, PlanKind::Pdrc | PlanKind::Pdlc)
                || graph.plan_node(id).elements.iter().any(|&element| {
                    graph
                        .element_node(element)
                        .traced_by
                        .iter()
                        .any(|&link| is_trace_from_element(graph, link))
                })
        })
        .collect();
    let concerted =
        |id: PlanId| matches!(graph.plan(id).kind.value, PlanKind::Pdrc | PlanKind::Pdlc);
    plans.sort_by(|&a, &b| {
        concerted(b)
            .cmp(&concerted(a))
            .then_with(|| graph.plan_node(b).rank.cmp(&graph.plan_node(a).rank))
            .then_with(|| graph.plan(a).id.value.cmp(&graph.plan(b).id.value))
    });
    plans
}

fn is_trace_from_element(graph: &Graph, link: crate::graph::LinkId) -> bool {
    let link = graph.link(link);
    link.kind == LinkKind::Trace && matches!(link.from, Owner::Element(_))
}

/// The matrix of `plan`; rows in document order, or least covered first. Columns are the
/// plans that trace to it (highest rank first), then lower plans that trace to nothing
/// (a column of gaps).
#[must_use]
pub fn matrix(graph: &Graph, index: &Index, plan: PlanId, least_first: bool) -> Matrix {
    let node = graph.plan_node(plan);
    let mut columns: Vec<PlanId> = node.lower.clone();
    let mut tracers: Vec<(ElementId, Vec<ElementId>)> = Vec::new();
    for &element in &node.elements {
        let mut lowers = Vec::new();
        for &link in &graph.element_node(element).traced_by {
            let link = graph.link(link);
            if link.kind == LinkKind::Trace
                && let Owner::Element(from) = link.from
            {
                lowers.push(from);
                let from_plan = graph.element_plan(from);
                if !columns.contains(&from_plan) {
                    columns.push(from_plan);
                }
            }
        }
        tracers.push((element, lowers));
    }
    columns.retain(|&column| column != plan);
    let has_tracers = |column: PlanId| {
        tracers.iter().any(|(_, lowers)| {
            lowers
                .iter()
                .any(|&lower| graph.element_plan(lower) == column)
        })
    };
    columns.sort_by(|&a, &b| {
        has_tracers(b)
            .cmp(&has_tracers(a))
            .then_with(|| graph.plan_node(b).rank.cmp(&graph.plan_node(a).rank))
            .then_with(|| graph.plan(a).id.value.cmp(&graph.plan(b).id.value))
    });
    let mut rows: Vec<Row> = tracers
        .into_iter()
        .map(|(element, lowers)| {
            let mut cells = vec![Cell::default(); columns.len()];
            for lower in lowers {
                let lower_plan = graph.element_plan(lower);
                if let Some(position) = columns.iter().position(|&c| c == lower_plan)
                    && let Some(cell) = cells.get_mut(position)
                {
                    if !cell.lowers.contains(&lower) {
                        cell.lowers.push(lower);
                    }
                    let counts = index.element_counts(
                        &graph.plan(lower_plan).id.value,
                        &graph.element(lower).code.value,
                    );
                    cell.worst = cell.worst.max(counts.worst());
                }
            }
            let total = cells.iter().map(|cell| cell.lowers.len()).sum();
            let plan_id = &graph.plan(plan).id.value;
            let code = &graph.element(element).code.value;
            Row {
                element,
                counts: index.element_counts(plan_id, code),
                cells,
                total,
                covered: total,
                gap: index
                    .gaps
                    .has(plan_id, code, crate::report::gaps::GapKind::Uncovered),
            }
        })
        .collect();
    let totals: std::collections::HashMap<ElementId, usize> =
        rows.iter().map(|row| (row.element, row.total)).collect();
    for row in &mut rows {
        row.covered += graph
            .element_node(row.element)
            .children
            .iter()
            .map(|child| totals.get(child).copied().unwrap_or(0))
            .sum::<usize>();
    }
    if least_first {
        rows.sort_by_key(|row| row.covered);
    }
    Matrix {
        plan,
        columns,
        rows,
    }
}
