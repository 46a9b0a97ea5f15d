//! `alinea graph`: the resolved trace graph as dot, mermaid or json, with
//! broken links and gaps marked.
//!
//! Nodes are objectives and actions (grouped by plan); edges are `traces_to`
//! (from the lower element to the higher one), an action's place under its
//! objective, and POI activities and investments implementing actions. A broken
//! reference is drawn to a red "missing" node. A gap is an element with an ART-01
//! or ART-07 finding ([`Gaps::articulation`]): the marks come from the rules'
//! findings after the run's policy, never from code that re-decides them, so the
//! graph and `alinea check` always agree. The whole repository is drawn; gaps are
//! marked on the plans the run reported on.

use std::fmt::Write as _;

use serde_json::json;

use crate::graph::{ElementId, Graph, ImplementerPlace, LinkKind, Owner, Target};
use crate::report::gaps::Gaps;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz.
    Dot,
    /// Mermaid flowchart.
    Mermaid,
    /// JSON nodes and edges.
    Json,
}

struct Node {
    id: String,
    plan: String,
    label: String,
    kind: &'static str,
    gap: Option<String>,
}

struct Edge {
    from: String,
    to: String,
    kind: &'static str,
    broken: bool,
    text: String,
}

/// The graph in `format` (deterministic: plans and elements in file order).
#[must_use]
pub fn export(graph: &Graph, gaps: &Gaps, format: GraphFormat, lang: crate::i18n::Lang) -> String {
    let (nodes, edges) = collect(graph, gaps, lang);
    match format {
        GraphFormat::Json => json_text(graph, &nodes, &edges),
        GraphFormat::Dot => dot(graph, &nodes, &edges),
        GraphFormat::Mermaid => mermaid(graph, &nodes, &edges),
    }
}

fn element_id(graph: &Graph, element: ElementId) -> String {
    format!(
        "{}/{}",
        graph.plan(graph.element_plan(element)).id.value,
        graph.element(element).code.value
    )
}

fn collect(graph: &Graph, gaps: &Gaps, lang: crate::i18n::Lang) -> (Vec<Node>, Vec<Edge>) {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for plan_id in graph.plan_ids() {
        let plan = graph.plan(plan_id);
        let node = graph.plan_node(plan_id);
        for &element in &node.elements {
            let data = graph.element(element);
            let element_node = graph.element_node(element);
            let gap = gaps
                .articulation(&plan.id.value, &data.code.value)
                .map(|gap| format!("{} ({})", gap.kind.words(lang), gap.rule));
            nodes.push(Node {
                id: element_id(graph, element),
                plan: plan.id.value.to_string(),
                label: data.code.value.to_string(),
                kind: if data.is_action {
                    "action"
                } else {
                    "objective"
                },
                gap,
            });
            if let Some(parent) = element_node.parent {
                edges.push(Edge {
                    from: element_id(graph, element),
                    to: element_id(graph, parent),
                    kind: "part-of",
                    broken: false,
                    text: String::new(),
                });
            }
        }
        for &implementer in &node.implementers {
            let (label, kind) = match graph.implementer_node(implementer).place {
                ImplementerPlace::Activity(..) => (
                    graph
                        .activity(implementer)
                        .map(|a| a.code.value.to_string()),
                    "activity",
                ),
                ImplementerPlace::Investment(..) => (
                    graph
                        .investment(implementer)
                        .map(|i| i.cui.value.to_string()),
                    "investment",
                ),
            };
            nodes.push(Node {
                id: format!("{}/{}", plan.id.value, label.clone().unwrap_or_default()),
                plan: plan.id.value.to_string(),
                label: label.unwrap_or_default(),
                kind,
                gap: None,
            });
        }
    }
    for index in 0..graph.links.len() {
        let id = crate::graph::LinkId(u32::try_from(index).unwrap_or(u32::MAX));
        let link = graph.link(id);
        let reference = graph.reference(id);
        let plan = &graph.plan(link.plan).id.value;
        let from = match link.from {
            Owner::Element(e) => element_id(graph, e),
            Owner::Plan(_) => plan.to_string(),
            Owner::Implementer(i) => {
                let code = graph
                    .activity(i)
                    .map(|a| a.code.value.to_string())
                    .or_else(|| graph.investment(i).map(|v| v.cui.value.to_string()))
                    .unwrap_or_default();
                format!("{plan}/{code}")
            }
        };
        let kind = match link.kind {
            LinkKind::Trace => "traces-to",
            LinkKind::Upper => "upper",
            LinkKind::Action => "implements",
        };
        let (to, broken) = match link.target {
            Some(Target::Element(e)) => (element_id(graph, e), false),
            Some(Target::Plan(p)) => (graph.plan(p).id.value.to_string(), false),
            Some(Target::Implementer(i)) => (
                format!(
                    "{}/{}",
                    graph
                        .plan(graph.target_plan(Target::Implementer(i)))
                        .id
                        .value,
                    graph
                        .activity(i)
                        .map(|a| a.code.value.to_string())
                        .unwrap_or_default()
                ),
                false,
            ),
            None => (format!("missing:{}", reference.text.value), true),
        };
        edges.push(Edge {
            from,
            to,
            kind,
            broken,
            text: reference.text.value.to_string(),
        });
    }
    (nodes, edges)
}

fn json_text(graph: &Graph, nodes: &[Node], edges: &[Edge]) -> String {
    let plans: Vec<_> = graph
        .plans
        .iter()
        .map(|p| json!({"id": p.id.value, "kind": p.kind.value.as_str(), "rank": crate::graph::rank(p), "file": p.path, "title": p.title.as_ref().map(|t| &t.value)}))
        .collect();
    let nodes: Vec<_> = nodes
        .iter()
        .map(|n| json!({"id": n.id, "plan": n.plan, "code": n.label, "kind": n.kind, "gap": n.gap}))
        .collect();
    let edges: Vec<_> = edges
        .iter()
        .map(|e| json!({"from": e.from, "to": e.to, "kind": e.kind, "broken": e.broken, "ref": e.text}))
        .collect();
    let mut text = serde_json::to_string_pretty(
        &json!({"version": 1, "plans": plans, "nodes": nodes, "edges": edges}),
    )
    .unwrap_or_default();
    text.push('\n');
    text
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn dot(graph: &Graph, nodes: &[Node], edges: &[Edge]) -> String {
    let mut out = String::from(
        "digraph alinea {\n  rankdir=BT;\n  node [shape=box, fontname=\"Helvetica\"];\n",
    );
    for (index, plan) in graph.plans.iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph cluster_{index} {{\n    label={};",
            quote(&format!("{} ({})", plan.id.value, plan.kind.value))
        );
        for node in nodes.iter().filter(|n| n.plan == plan.id.value) {
            let style = match (&node.gap, node.kind) {
                (Some(gap), _) => format!(", color=orange, style=dashed, tooltip={}", quote(gap)),
                (None, "activity" | "investment") => ", shape=ellipse".to_owned(),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "    {} [label={}{style}];",
                quote(&node.id),
                quote(&node.label)
            );
        }
        out.push_str("  }\n");
    }
    for edge in edges.iter().filter(|e| e.kind != "upper") {
        if edge.broken {
            let _ = writeln!(
                out,
                "  {} [label={}, color=red, fontcolor=red, shape=octagon];",
                quote(&edge.to),
                quote(&format!("missing: {}", edge.text))
            );
            let _ = writeln!(
                out,
                "  {} -> {} [color=red, style=dashed, label=\"broken\"];",
                quote(&edge.from),
                quote(&edge.to)
            );
        } else if edge.kind == "part-of" {
            let _ = writeln!(
                out,
                "  {} -> {} [style=dotted, arrowhead=none];",
                quote(&edge.from),
                quote(&edge.to)
            );
        } else {
            let _ = writeln!(out, "  {} -> {};", quote(&edge.from), quote(&edge.to));
        }
    }
    out.push_str("}\n");
    out
}

fn mermaid(graph: &Graph, nodes: &[Node], edges: &[Edge]) -> String {
    let mut ids: Vec<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
    ids.extend(edges.iter().filter(|e| e.broken).map(|e| e.to.as_str()));
    // Mermaid ids are short names; the first position of each full id names it.
    let mut positions: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (index, id) in ids.iter().enumerate() {
        positions.entry(id).or_insert(index);
    }
    let short = |id: &str| {
        positions
            .get(id)
            .map_or_else(|| "x".to_owned(), |i| format!("n{i}"))
    };
    let mut out = String::from("flowchart BT\n");
    for (index, plan) in graph.plans.iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph p{index}[\"{} ({})\"]",
            plan.id.value, plan.kind.value
        );
        for node in nodes.iter().filter(|n| n.plan == plan.id.value) {
            let _ = writeln!(
                out,
                "    {}[\"{}\"]",
                short(&node.id),
                node.label.replace('"', "'")
            );
        }
        out.push_str("  end\n");
    }
    for edge in edges.iter().filter(|e| e.kind != "upper") {
        if edge.broken {
            let _ = writeln!(
                out,
                "  {}[\"missing: {}\"]",
                short(&edge.to),
                edge.text.replace('"', "'")
            );
            let _ = writeln!(
                out,
                "  {} -. broken .-> {}",
                short(&edge.from),
                short(&edge.to)
            );
            let _ = writeln!(out, "  class {} broken", short(&edge.to));
        } else if edge.kind == "part-of" {
            let _ = writeln!(out, "  {} --- {}", short(&edge.from), short(&edge.to));
        } else {
            let _ = writeln!(out, "  {} --> {}", short(&edge.from), short(&edge.to));
        }
    }
    for node in nodes.iter().filter(|n| n.gap.is_some()) {
        let _ = writeln!(out, "  class {} gap", short(&node.id));
    }
    out.push_str("  classDef gap stroke:#e69500,stroke-dasharray:4\n  classDef broken stroke:#d00,color:#d00\n");
    out
}
