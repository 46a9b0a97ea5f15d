//! The Trace view's content: an element's chain through the plan hierarchy, as lines
//! of a tree.
//!
//! Upwards, each `traces_to` is followed (and, for an action, its objective's traces)
//! up to the PEDN and the Políticas Nacionales; downwards, what implements the
//! element: its actions, the activities and investments that name it, and the
//! elements of lower plans that trace to it. Gaps are lines of their own: a broken
//! reference, an element of a non-national plan that traces to nothing, a chain that
//! never reaches a national plan, an element nothing implements. Each node carries
//! its own finding counts. A node met twice is shown once and marked.

#[cfg(test)]
mod tests;

use std::collections::HashSet;

use super::index::{Counts, Index, Node};
use crate::graph::{Graph, LinkKind, Owner, PlanId, Target};
use crate::i18n::Lang;
use crate::report::gaps::GapKind;
use crate::source::Span;
use crate::tr;

/// Trees deeper than this are cut.
const MAX_DEPTH: usize = 16;
/// Traces longer than this are cut.
const MAX_LINES: usize = 4000;

/// What a line of the trace is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A section heading (upwards, downwards).
    Heading,
    /// The element the trace is about.
    Root,
    /// Something the root serves (above it).
    Up,
    /// Something that implements the root (below it).
    Down,
    /// A missing link.
    Gap,
    /// A remark (a node shown before, a cut).
    Note,
}

/// One line of the trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceLine {
    /// Tree drawing before the node (`│  ├─ `).
    pub prefix: String,
    /// What it is.
    pub kind: LineKind,
    /// A short tag (`obj`, `act`, `aoi`, `cui`, `plan`, `✗`), in the run's language.
    pub tag: String,
    /// The code or plan id.
    pub code: String,
    /// The statement, name, or explanation.
    pub text: String,
    /// The plan id and kind, for nodes.
    pub plan: String,
    /// Findings about the node itself.
    pub counts: Counts,
    /// Where `enter` goes.
    pub node: Option<Node>,
    /// Where `e` opens.
    pub span: Option<Span>,
}

impl TraceLine {
    fn note(prefix: String, kind: LineKind, text: &str) -> Self {
        Self {
            prefix,
            kind,
            tag: if kind == LineKind::Gap { "✗" } else { "" }.to_owned(),
            code: String::new(),
            text: text.to_owned(),
            plan: String::new(),
            counts: Counts::default(),
            node: None,
            span: None,
        }
    }
}

/// The trace of `root`, its words in `lang`.
#[must_use]
pub fn build(graph: &Graph, index: &Index, root: Node, lang: Lang) -> Vec<TraceLine> {
    let mut builder = Builder {
        graph,
        index,
        lang,
        tags: Tags::new(lang),
        lines: Vec::new(),
        expanded: HashSet::new(),
        cut: false,
    };
    let mut root_line = builder.node_line(root, String::new(), LineKind::Root);
    root_line.kind = LineKind::Root;
    builder.lines.push(root_line);
    builder.expanded.insert(root);

    builder.lines.push(TraceLine::note(
        String::new(),
        LineKind::Heading,
        &tr!(lang, "tui-trace-upwards"),
    ));
    let ups = builder.up_children(root);
    builder.children(ups, "", 0, true);

    builder.lines.push(TraceLine::note(
        String::new(),
        LineKind::Heading,
        &tr!(lang, "tui-trace-downwards"),
    ));
    builder.expanded.clear();
    builder.expanded.insert(root);
    let downs = builder.down_children(root);
    builder.children(downs, "", 0, false);
    if builder.cut {
        builder.lines.push(TraceLine::note(
            String::new(),
            LineKind::Note,
            &tr!(lang, "tui-trace-truncated"),
        ));
    }
    builder.lines
}

/// How a node relates to the node above it in the tree (its words come before its
/// statement).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// Nothing to say: a `traces_to` link, an activity or investment.
    Plain,
    /// The objective an action belongs to.
    Parent,
    /// An action of the objective.
    Action,
    /// An element of a lower plan that traces to it.
    TracedBy,
    /// A plan the plan names as upper.
    UpperPlan,
    /// A plan that names the plan as upper.
    LowerPlan,
}

impl Relation {
    fn words(self, lang: Lang) -> Option<String> {
        match self {
            Self::Plain => None,
            Self::Parent => Some(tr!(lang, "tui-relation-parent")),
            Self::Action => Some(tr!(lang, "tui-relation-action")),
            Self::TracedBy => Some(tr!(lang, "tui-relation-traced-by")),
            Self::UpperPlan => Some(tr!(lang, "tui-relation-upper-plan")),
            Self::LowerPlan => Some(tr!(lang, "tui-relation-lower-plan")),
        }
    }
}

enum Child {
    Node(Node, Relation),
    Gap(String),
}

/// The tags of the nodes, in the trace's language.
struct Tags {
    objective: String,
    action: String,
    activity: String,
    investment: String,
    plan: String,
}

impl Tags {
    fn new(lang: Lang) -> Self {
        Self {
            objective: tr!(lang, "tui-tag-objective"),
            action: tr!(lang, "tui-tag-action"),
            activity: tr!(lang, "tui-tag-activity"),
            investment: tr!(lang, "tui-tag-investment"),
            plan: tr!(lang, "tui-tag-plan"),
        }
    }
}

struct Builder<'a> {
    graph: &'a Graph,
    index: &'a Index,
    lang: Lang,
    tags: Tags,
    lines: Vec<TraceLine>,
    expanded: HashSet<Node>,
    cut: bool,
}

impl Builder<'_> {
    fn children(&mut self, children: Vec<Child>, prefix: &str, depth: usize, upward: bool) {
        let count = children.len();
        for (position, child) in children.into_iter().enumerate() {
            if self.lines.len() >= MAX_LINES || depth >= MAX_DEPTH {
                self.cut = true;
                return;
            }
            let last = position + 1 == count;
            let connector = if last { "└─ " } else { "├─ " };
            let line_prefix = format!("{prefix}{connector}");
            let child_prefix = format!("{prefix}{}", if last { "   " } else { "│  " });
            match child {
                Child::Gap(text) => {
                    self.lines
                        .push(TraceLine::note(line_prefix, LineKind::Gap, &text));
                }
                Child::Node(node, relation) => {
                    let kind = if upward { LineKind::Up } else { LineKind::Down };
                    let mut line = self.node_line(node, line_prefix, kind);
                    if let Some(relation) = relation.words(self.lang) {
                        line.text = format!("{relation} · {}", line.text);
                    }
                    let first = self.expanded.insert(node);
                    if !first {
                        line.text = format!("{} {}", tr!(self.lang, "tui-trace-seen"), line.text);
                    }
                    self.lines.push(line);
                    if first {
                        let next = if upward {
                            self.up_children(node)
                        } else {
                            self.down_children(node)
                        };
                        self.children(next, &child_prefix, depth + 1, upward);
                    }
                }
            }
        }
    }

    fn up_children(&self, node: Node) -> Vec<Child> {
        let graph = self.graph;
        let mut children = Vec::new();
        match node {
            Node::Element(id) => {
                let element_node = graph.element_node(id);
                for &id in &element_node.traces_to {
                    match graph.link(id).target {
                        Some(Target::Element(target)) => {
                            children.push(Child::Node(Node::Element(target), Relation::Plain));
                        }
                        Some(Target::Implementer(target)) => {
                            children.push(Child::Node(Node::Implementer(target), Relation::Plain));
                        }
                        Some(Target::Plan(target)) => {
                            children.push(Child::Node(Node::Plan(target), Relation::Plain));
                        }
                        None => children.push(self.broken(&graph.reference(id).text.value)),
                    }
                }
                if let Some(parent) = element_node.parent {
                    children.push(Child::Node(Node::Element(parent), Relation::Parent));
                }
                self.gaps_of(
                    node,
                    &[GapKind::NotArticulated, GapKind::NotNational],
                    &mut children,
                );
            }
            Node::Implementer(id) => {
                if let Some(link) = graph.implementer_node(id).action {
                    match graph.link(link).target {
                        Some(Target::Element(target)) => {
                            children.push(Child::Node(Node::Element(target), Relation::Plain));
                        }
                        Some(_) => {}
                        None => children.push(self.broken(&graph.reference(link).text.value)),
                    }
                }
                self.gaps_of(node, &[GapKind::NoAction], &mut children);
            }
            Node::Plan(id) => {
                for &id in &graph.plan_node(id).upper {
                    match graph.link(id).target {
                        Some(target) => children.push(Child::Node(
                            Node::Plan(graph.target_plan(target)),
                            Relation::UpperPlan,
                        )),
                        None => children.push(self.broken(&graph.reference(id).text.value)),
                    }
                }
            }
        }
        children
    }

    /// A reference that leads nowhere.
    fn broken(&self, reference: &str) -> Child {
        Child::Gap(tr!(self.lang, "tui-gap-broken", reference = reference))
    }

    /// The gaps the findings mark on `node`, of these kinds: the rules decide, the view
    /// draws.
    fn gaps_of(&self, node: Node, kinds: &[GapKind], children: &mut Vec<Child>) {
        let (plan, code) = match node {
            Node::Element(id) => (
                self.graph.element_plan(id),
                self.graph.element(id).code.value.as_str(),
            ),
            Node::Implementer(id) => (
                self.graph.target_plan(Target::Implementer(id)),
                self.graph
                    .activity(id)
                    .map(|a| a.code.value.as_str())
                    .or_else(|| self.graph.investment(id).map(|i| i.cui.value.as_str()))
                    .unwrap_or(""),
            ),
            Node::Plan(_) => return,
        };
        let plan = &self.graph.plan(plan).id.value;
        for gap in self.index.gaps.of(plan, code) {
            if kinds.contains(&gap.kind) {
                children.push(Child::Gap(tr!(
                    self.lang,
                    "tui-gap",
                    gap = gap.kind.words(self.lang),
                    rule = gap.rule.as_str()
                )));
            }
        }
    }

    fn down_children(&self, node: Node) -> Vec<Child> {
        let graph = self.graph;
        let mut children = Vec::new();
        match node {
            Node::Element(id) => {
                let element_node = graph.element_node(id);
                for &action in &element_node.children {
                    children.push(Child::Node(Node::Element(action), Relation::Action));
                }
                for &implementer in &element_node.implemented_by {
                    children.push(Child::Node(Node::Implementer(implementer), Relation::Plain));
                }
                for &link in &element_node.traced_by {
                    let link = graph.link(link);
                    if link.kind == LinkKind::Trace
                        && let Owner::Element(from) = link.from
                    {
                        children.push(Child::Node(Node::Element(from), Relation::TracedBy));
                    }
                }
                self.gaps_of(
                    node,
                    &[GapKind::Uncovered, GapKind::Unfunded],
                    &mut children,
                );
            }
            Node::Implementer(_) => {}
            Node::Plan(id) => {
                for &lower in &graph.plan_node(id).lower {
                    children.push(Child::Node(Node::Plan(lower), Relation::LowerPlan));
                }
            }
        }
        children
    }

    fn node_line(&self, node: Node, prefix: String, kind: LineKind) -> TraceLine {
        let graph = self.graph;
        match node {
            Node::Element(id) => {
                let element = graph.element(id);
                let plan = graph.plan(graph.element_plan(id));
                TraceLine {
                    prefix,
                    kind,
                    tag: if element.is_action {
                        self.tags.action.clone()
                    } else {
                        self.tags.objective.clone()
                    },
                    code: element.code.value.to_string(),
                    text: element
                        .statement
                        .as_ref()
                        .map(|s| s.value.to_string())
                        .unwrap_or_default(),
                    plan: format!("{} · {}", plan.id.value, plan.kind.value),
                    counts: self
                        .index
                        .element_counts(&plan.id.value, &element.code.value),
                    node: Some(node),
                    span: Some(element.code.span),
                }
            }
            Node::Implementer(id) => {
                let plan_id = match graph.implementer_node(id).place {
                    crate::graph::ImplementerPlace::Activity(plan, _)
                    | crate::graph::ImplementerPlace::Investment(plan, _) => plan,
                };
                let plan = graph.plan(plan_id);
                let (tag, code, text, span) = if let Some(activity) = graph.activity(id) {
                    (
                        self.tags.activity.clone(),
                        activity.code.value.to_string(),
                        activity
                            .name
                            .as_ref()
                            .map(|n| n.value.to_string())
                            .unwrap_or_default(),
                        activity.code.span,
                    )
                } else if let Some(investment) = graph.investment(id) {
                    (
                        self.tags.investment.clone(),
                        investment.cui.value.to_string(),
                        investment
                            .name
                            .as_ref()
                            .map(|n| n.value.to_string())
                            .unwrap_or_default(),
                        investment.cui.span,
                    )
                } else {
                    (String::new(), String::new(), String::new(), plan.id.span)
                };
                TraceLine {
                    prefix,
                    kind,
                    tag,
                    counts: self.index.element_counts(&plan.id.value, &code),
                    code,
                    text,
                    plan: format!("{} · {}", plan.id.value, plan.kind.value),
                    node: Some(node),
                    span: Some(span),
                }
            }
            Node::Plan(id) => self.plan_line(id, prefix, kind),
        }
    }

    fn plan_line(&self, id: PlanId, prefix: String, kind: LineKind) -> TraceLine {
        let plan = self.graph.plan(id);
        TraceLine {
            prefix,
            kind,
            tag: self.tags.plan.clone(),
            code: plan.id.value.to_string(),
            text: plan
                .title
                .as_ref()
                .map(|t| t.value.to_string())
                .unwrap_or_default(),
            plan: plan.kind.value.to_string(),
            counts: self.index.plan_counts(&plan.id.value),
            node: Some(Node::Plan(id)),
            span: Some(plan.id.span),
        }
    }
}
