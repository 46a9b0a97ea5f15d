//! A plan's trace graph for the HTML report, laid out here: the plan's objectives and
//! actions (and, for a POI, its activities and investments), and everything they trace to,
//! up to the PEDN and the Políticas Nacionales.
//!
//! Nodes come from the resolved graph (`traces_to`, an action's objective, an activity's
//! action); a reference that resolved to nothing is a node of its own ("missing"); a gap
//! is what [`Gaps`] says about a node (the rules' findings decide, the view draws). The
//! layout is layered: one layer per rank and tier (objectives above actions above
//! activities), highest rank at the top; the order inside a layer comes from a few
//! barycentre sweeps (each node moves towards the mean position of its neighbours, which
//! removes most crossings); a layer wider than [`PER_ROW`] nodes wraps into rows, so that
//! 200 elements stay readable. The page's script draws the nodes and edges where this
//! module puts them.
//!
//! A national report holds some 6,000 graphs, so a graph is written compactly, in base-64
//! digits: its rows (where the row's first node is, how many nodes it has, one node box
//! apart, each named by its entry in the report's [`NodeTable`] and its flags) and its edges
//! (four digits each); the table names each node (plan and code) and each layer title once
//! for the whole report.

use std::collections::{BTreeMap, HashMap, VecDeque};

use serde::Serialize;

use crate::graph::{ElementId, Graph, ImplementerId, LinkId, PlanId, Target};
use crate::i18n::Lang;
use crate::report::gaps::{GapKind, Gaps};
use crate::tr;

/// Nodes drawn at most; the rest are counted.
const MAX_NODES: usize = 400;
// An edge writes `from × 4 + kind` and `to` in two base-64 digits each; a row its `y` in
// three (at most one row per node and a title per layer), its `x` in two (no row is wider
// than `PER_ROW` nodes) and its count of nodes in one.
const _: () = assert!(MAX_NODES * 4 <= 64 * 64);
const _: () = assert!(
    MAX_NODES * ((NODE_HEIGHT + GAP_ROW + LAYER_TITLE + LAYER_GAP) as usize) < 64 * 64 * 64
);
const _: () = assert!(PER_ROW * (STEP as usize) + 2 * (MARGIN as usize) < 64 * 64);
const _: () = assert!(PER_ROW < 64);
/// Nodes per row inside a layer.
pub(super) const PER_ROW: usize = 8;
/// Node size and gaps, in the drawing's units (pixels at 100 %).
const NODE_WIDTH: u32 = 132;
const NODE_HEIGHT: u32 = 34;
const GAP_X: u32 = 14;
/// From one node of a row to the next.
const STEP: u32 = NODE_WIDTH + GAP_X;
const GAP_ROW: u32 = 16;
const LAYER_TITLE: u32 = 22;
const LAYER_GAP: u32 = 34;
const MARGIN: u32 = 10;
/// Barycentre sweeps (each one down, then up).
const SWEEPS: usize = 4;
/// Statements are cut to this many characters in the tooltips.
const MAX_TIP_CHARS: usize = 140;

/// A laid-out trace graph.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(super) struct Trace {
    /// Width and height of the drawing.
    pub(super) w: u32,
    pub(super) h: u32,
    /// Each layer's title and where it is written (`[y, title]`, the title an index into
    /// the table's titles).
    pub(super) layers: Vec<(u32, u32)>,
    /// The nodes in the order of the drawing (layer by layer, row by row, left to right),
    /// for the tests; the page reads `rows`.
    #[serde(skip)]
    pub(super) nodes: Vec<Node>,
    /// Each node's entry in the [`NodeTable`], in the order of `nodes`.
    #[serde(skip)]
    refs: Vec<u32>,
    /// The rows, filled by [`Trace::encode`] once the table is complete, in base-64 digits:
    /// per row, its `y` (3 digits) and the `x` of its first node (2), how many nodes it has
    /// (1), and each node: its table entry ([`NodeTable::digits`] digits) and its flags (1),
    /// the kind (`k`) plus 4 × the gap (`g`). The nodes are numbered in this order, row
    /// after row.
    pub(super) rows: String,
    /// The edges, for the tests (`from, to, kind`, indices into `nodes`); the page reads `e`.
    #[serde(skip)]
    pub(super) edges: Vec<(usize, usize, u8)>,
    /// The edges, four base-64 digits each: two for `from × 4 + kind`, two for `to`; from
    /// the lower node to what it traces to; kind 0 a trace, 1 an action's place under its
    /// objective, 2 an activity's action, 3 a broken reference.
    pub(super) e: String,
    /// How many nodes beyond [`MAX_NODES`] are left out, in words (empty when none).
    pub(super) cut: String,
    /// The gaps of the drawing, in words (`[code, gap, words]`, `gap` as in [`Node::g`]),
    /// for readers who do not see red.
    pub(super) gaps: Vec<(String, u8, String)>,
}

impl Trace {
    /// Writes the rows with `digits` base-64 digits per table entry.
    pub(super) fn encode(&mut self, digits: usize) {
        // Rows as `(y, x, nodes)`: a node continues the row when it sits one step to the
        // right of the row's last node.
        let mut rows: Vec<(u32, u32, Vec<usize>)> = Vec::new();
        for (position, node) in self.nodes.iter().enumerate() {
            let continues = rows.last().is_some_and(|(y, x, members)| {
                *y == node.y
                    && members.len() < PER_ROW
                    && u32::try_from(members.len()).is_ok_and(|n| *x + n * STEP == node.x)
            });
            if let (true, Some((_, _, members))) = (continues, rows.last_mut()) {
                members.push(position);
            } else {
                rows.push((node.y, node.x, vec![position]));
            }
        }
        let mut text = String::with_capacity(self.nodes.len() * (digits + 1) + rows.len() * 6);
        for (y, x, members) in rows {
            base64(y, 3, &mut text);
            base64(x, 2, &mut text);
            base64(u32::try_from(members.len()).unwrap_or(0), 1, &mut text);
            for member in members {
                if let (Some(node), Some(&entry)) = (self.nodes.get(member), self.refs.get(member))
                {
                    base64(entry, digits, &mut text);
                    base64(u32::from(node.k) + 4 * u32::from(node.g), 1, &mut text);
                }
            }
        }
        self.rows = text;
    }
}

/// The base-64 digits of the page's compact lists, in value order.
pub(super) const DIGITS: &[u8; 64] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends `value` as `width` base-64 digits, most significant first (the low digits of a
/// larger value).
pub(super) fn base64(value: u32, width: usize, out: &mut String) {
    for place in (0..width).rev() {
        let digit = (value >> (6 * place)) & 63;
        out.push(char::from(
            DIGITS.get(digit as usize).copied().unwrap_or(b'0'),
        ));
    }
}

/// How many base-64 digits write every value below `count`.
pub(super) fn digits_for(count: usize) -> usize {
    let mut digits = 1;
    while digits < 5 && count > 1 << (6 * digits) {
        digits += 1;
    }
    digits
}

/// A node where the script draws it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Node {
    pub(super) x: u32,
    pub(super) y: u32,
    /// The code (or plan id, or the broken reference).
    pub(super) t: String,
    /// The plan (absent for a missing node) and the statement.
    pub(super) plan: Option<PlanId>,
    pub(super) statement: Option<String>,
    /// 0 this plan, 1 a higher plan, 2 missing.
    pub(super) k: u8,
    /// The gap the findings mark on it: 0 none, 1 the chain is cut here (not articulated,
    /// or a missing node), 2 another gap (does not reach national policy, no lower plan
    /// takes it up, nothing implements it).
    pub(super) g: u8,
}

/// Every node the report's trace graphs draw, once: the graphs name them by index, so that
/// the PEDN's objectives, met by thousands of plans, are written once. The same for the
/// layers' titles.
#[derive(Default)]
pub(super) struct NodeTable {
    index: HashMap<(Option<PlanId>, String), u32>,
    plan_index: HashMap<PlanId, u32>,
    /// Plan ids.
    plans: Vec<String>,
    /// Per node, its plan + 1 (0 for a missing node).
    node_plans: Vec<u32>,
    /// Per node, its code.
    codes: Vec<String>,
    /// `[node, statement]` for the nodes whose statement the tooltips show.
    statements: Vec<(u32, String)>,
    titles: Vec<String>,
    title_index: HashMap<String, u32>,
    /// Statements of plans below this rank are left out (a national report would double).
    pub(super) statements_from_rank: u8,
}

/// The table as the page reads it.
#[derive(Serialize)]
pub(super) struct TableData {
    /// The size of a node and the distance from one node of a row to the next.
    #[serde(rename = "box")]
    size: [u32; 3],
    /// Base-64 digits per node entry in the graphs' rows, and per plan in `plan`.
    digits: usize,
    plan_digits: usize,
    plans: Vec<String>,
    /// Each node's plan + 1 (0 for a missing node), `plan_digits` base-64 digits each.
    plan: String,
    codes: Vec<String>,
    statements: Vec<(u32, String)>,
    titles: Vec<String>,
}

impl NodeTable {
    fn entry(&mut self, graph: &Graph, node: &Node) -> u32 {
        let key = (node.plan, node.t.clone());
        if let Some(&index) = self.index.get(&key) {
            return index;
        }
        let plan = node.plan.map_or(0, |plan| {
            let next = u32::try_from(self.plans.len()).unwrap_or(u32::MAX);
            let index = *self.plan_index.entry(plan).or_insert(next);
            if index == next {
                self.plans.push(graph.plan(plan).id.value.to_string());
            }
            index + 1
        });
        let index = u32::try_from(self.codes.len()).unwrap_or(u32::MAX);
        if let (Some(plan), Some(statement)) = (node.plan, &node.statement)
            && graph.plan_node(plan).rank >= self.statements_from_rank
        {
            self.statements.push((index, statement.clone()));
        }
        self.node_plans.push(plan);
        self.codes.push(node.t.clone());
        self.index.insert(key, index);
        index
    }

    fn title(&mut self, title: String) -> u32 {
        let next = u32::try_from(self.titles.len()).unwrap_or(u32::MAX);
        let index = *self.title_index.entry(title.clone()).or_insert(next);
        if index == next {
            self.titles.push(title);
        }
        index
    }

    /// Base-64 digits per node entry.
    pub(super) fn digits(&self) -> usize {
        digits_for(self.codes.len())
    }

    /// The table as the page reads it.
    pub(super) fn finish(self) -> TableData {
        let plan_digits = digits_for(self.plans.len() + 1);
        let mut plan = String::with_capacity(self.node_plans.len() * plan_digits);
        for &entry in &self.node_plans {
            base64(entry, plan_digits, &mut plan);
        }
        TableData {
            size: [NODE_WIDTH, NODE_HEIGHT, STEP],
            digits: self.digits(),
            plan_digits,
            plans: self.plans,
            plan,
            codes: self.codes,
            statements: self.statements,
            titles: self.titles,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Element(ElementId),
    Implementer(ImplementerId),
    Plan(PlanId),
    Broken(LinkId),
}

/// The nodes found so far, in the order they were met.
#[derive(Default)]
struct Collected {
    keys: Vec<Key>,
    layers: Vec<u32>,
    seen: HashMap<Key, usize>,
    queue: VecDeque<usize>,
    cut: usize,
}

impl Collected {
    /// The node's index, added (and queued) when new; `None` past [`MAX_NODES`].
    fn add(&mut self, key: Key, layer: u32) -> Option<usize> {
        if let Some(&index) = self.seen.get(&key) {
            return Some(index);
        }
        if self.keys.len() >= MAX_NODES {
            self.cut += 1;
            return None;
        }
        self.keys.push(key);
        self.layers.push(layer);
        let index = self.keys.len() - 1;
        self.seen.insert(key, index);
        self.queue.push_back(index);
        Some(index)
    }
}

/// The trace graph of `plan`, or `None` when it has nothing to draw.
pub(super) fn trace(
    graph: &Graph,
    gaps: &Gaps,
    plan: PlanId,
    table: &mut NodeTable,
    lang: Lang,
) -> Option<Trace> {
    let node = graph.plan_node(plan);
    let mut found = Collected::default();
    let mut edges: Vec<(usize, usize, u8)> = Vec::new();
    let starts = node
        .elements
        .iter()
        .map(|&e| Key::Element(e))
        .chain(node.implementers.iter().map(|&i| Key::Implementer(i)));
    for key in starts {
        found.add(key, layer(graph, key, 0));
    }
    if found.keys.is_empty() {
        return None;
    }
    while let Some(index) = found.queue.pop_front() {
        let Some(&key) = found.keys.get(index) else {
            continue;
        };
        let own_layer = found.layers.get(index).copied().unwrap_or(0);
        let mut targets: Vec<(Key, u8)> = Vec::new();
        match key {
            Key::Element(id) => {
                let element = graph.element_node(id);
                for &link in &element.traces_to {
                    targets.push(match graph.link(link).target {
                        Some(target) => (target_key(target), 0),
                        None => (Key::Broken(link), 3),
                    });
                }
                if let Some(parent) = element.parent {
                    targets.push((Key::Element(parent), 1));
                }
            }
            Key::Implementer(id) => {
                if let Some(link) = graph.implementer_node(id).action {
                    targets.push(match graph.link(link).target {
                        Some(target) => (target_key(target), 2),
                        None => (Key::Broken(link), 3),
                    });
                }
            }
            Key::Plan(_) | Key::Broken(_) => {}
        }
        for (target, kind) in targets {
            if let Some(to) = found.add(target, layer(graph, target, own_layer)) {
                edges.push((index, to, kind));
            }
        }
    }
    let Collected {
        keys,
        layers: layer_of,
        cut,
        ..
    } = found;
    edges.sort_unstable();
    edges.dedup();

    // Layers, highest first.
    let mut by_layer: BTreeMap<std::cmp::Reverse<u32>, Vec<usize>> = BTreeMap::new();
    for (index, &layer) in layer_of.iter().enumerate() {
        by_layer
            .entry(std::cmp::Reverse(layer))
            .or_default()
            .push(index);
    }
    let mut layers: Vec<(u32, Vec<usize>)> = by_layer
        .into_iter()
        .map(|(std::cmp::Reverse(layer), mut members)| {
            members.sort_by_key(|&m| keys.get(m).copied());
            (layer, members)
        })
        .collect();
    order(&mut layers, &edges, keys.len());

    let widest = layers
        .iter()
        .map(|(_, members)| members.len().min(PER_ROW))
        .max()
        .unwrap_or(1);
    let width = MARGIN * 2 + count(widest) * STEP - GAP_X;
    // The nodes in the order of the drawing; `position` maps a node found to its place.
    let mut nodes: Vec<Node> = Vec::with_capacity(keys.len());
    let mut position: Vec<usize> = vec![0; keys.len()];
    let mut titles = Vec::new();
    let mut y = MARGIN;
    for (layer, members) in &layers {
        let title = table.title(layer_title(graph, *layer, members, &keys, lang));
        titles.push((y + LAYER_TITLE - 8, title));
        y += LAYER_TITLE;
        for row in members.chunks(PER_ROW) {
            let row_width = count(row.len()) * STEP - GAP_X;
            let mut x = (width - row_width) / 2;
            for &member in row {
                if let (Some(slot), Some(&key)) = (position.get_mut(member), keys.get(member)) {
                    *slot = nodes.len();
                    nodes.push(describe(graph, gaps, plan, key, x, y));
                }
                x += STEP;
            }
            y += NODE_HEIGHT + GAP_ROW;
        }
        y += LAYER_GAP - GAP_ROW;
    }
    // The gaps in the order the nodes were found (the plan's own first).
    let gap_list = keys
        .iter()
        .zip(&position)
        .filter_map(|(&key, &at)| nodes.get(at).map(|node| (key, node)))
        .filter(|(_, node)| node.g > 0)
        .map(|(key, node)| (node.t.clone(), node.g, gap_words(graph, gaps, key, lang)))
        .collect();
    let refs = nodes.iter().map(|node| table.entry(graph, node)).collect();
    let edges: Vec<(usize, usize, u8)> = edges
        .iter()
        .map(|&(from, to, kind)| {
            (
                position.get(from).copied().unwrap_or(0),
                position.get(to).copied().unwrap_or(0),
                kind,
            )
        })
        .collect();
    let mut e = String::with_capacity(edges.len() * 4);
    for &(from, to, kind) in &edges {
        let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        base64(index(from) * 4 + u32::from(kind), 2, &mut e);
        base64(index(to), 2, &mut e);
    }
    Some(Trace {
        w: width,
        h: y - LAYER_GAP + GAP_ROW + MARGIN,
        layers: titles,
        nodes,
        refs,
        rows: String::new(),
        edges,
        e,
        cut: if cut == 0 {
            String::new()
        } else {
            tr!(lang, "html-trace-cut", count = cut)
        },
        gaps: gap_list,
    })
}

fn count(n: usize) -> u32 {
    u32::try_from(n.max(1)).unwrap_or(u32::MAX / 1024)
}

fn target_key(target: Target) -> Key {
    match target {
        Target::Plan(plan) => Key::Plan(plan),
        Target::Element(element) => Key::Element(element),
        Target::Implementer(implementer) => Key::Implementer(implementer),
    }
}

/// The layer of a node: rank × 4 + tier (objectives 3, actions 2, activities 1); a
/// missing node sits in a layer of its own just above the node that names it.
fn layer(graph: &Graph, key: Key, from: u32) -> u32 {
    match key {
        Key::Element(id) => {
            let rank = u32::from(graph.plan_node(graph.element_plan(id)).rank);
            rank * 4 + if graph.element(id).is_action { 2 } else { 3 }
        }
        Key::Implementer(id) => {
            u32::from(
                graph
                    .plan_node(graph.target_plan(Target::Implementer(id)))
                    .rank,
            ) * 4
                + 1
        }
        Key::Plan(id) => u32::from(graph.plan_node(id).rank) * 4 + 3,
        Key::Broken(_) => (from / 4 + 1) * 4,
    }
}

/// Orders each layer by barycentre sweeps: down (each node towards its neighbours in the
/// layers above), then up; ties keep the previous order.
fn order(layers: &mut [(u32, Vec<usize>)], edges: &[(usize, usize, u8)], nodes: usize) {
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); nodes];
    for &(from, to, _) in edges {
        if let Some(list) = neighbours.get_mut(from) {
            list.push(to);
        }
        if let Some(list) = neighbours.get_mut(to) {
            list.push(from);
        }
    }
    let mut level = vec![0usize; nodes];
    let mut position = vec![0.0f64; nodes];
    for (depth, (_, members)) in layers.iter().enumerate() {
        for &member in members {
            if let Some(slot) = level.get_mut(member) {
                *slot = depth;
            }
        }
    }
    let place = |members: &[usize], position: &mut [f64]| {
        let len = members.len() as f64;
        for (i, &member) in members.iter().enumerate() {
            if let Some(slot) = position.get_mut(member) {
                *slot = (i as f64 + 0.5) / len;
            }
        }
    };
    for (_, members) in layers.iter() {
        place(members, &mut position);
    }
    let sweep = |layers: &mut [(u32, Vec<usize>)], position: &mut Vec<f64>, downwards: bool| {
        let depths: Vec<usize> = if downwards {
            (1..layers.len()).collect()
        } else {
            (0..layers.len().saturating_sub(1)).rev().collect()
        };
        for depth in depths {
            let Some((_, members)) = layers.get_mut(depth) else {
                continue;
            };
            let mut keyed: Vec<(f64, usize, usize)> = members
                .iter()
                .enumerate()
                .map(|(i, &member)| {
                    let (sum, n) = neighbours
                        .get(member)
                        .into_iter()
                        .flatten()
                        .filter(|&&other| {
                            let other_depth = level.get(other).copied().unwrap_or(depth);
                            if downwards {
                                other_depth < depth
                            } else {
                                other_depth > depth
                            }
                        })
                        .fold((0.0, 0usize), |(sum, n), &other| {
                            (sum + position.get(other).copied().unwrap_or(0.5), n + 1)
                        });
                    let here = position.get(member).copied().unwrap_or(0.5);
                    let bary = if n == 0 { here } else { sum / n as f64 };
                    (bary, i, member)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            *members = keyed.into_iter().map(|(_, _, member)| member).collect();
            place(members, position);
        }
    };
    for _ in 0..SWEEPS {
        sweep(layers, &mut position, true);
        sweep(layers, &mut position, false);
    }
}

fn layer_title(graph: &Graph, layer: u32, members: &[usize], keys: &[Key], lang: Lang) -> String {
    if layer.is_multiple_of(4) {
        return tr!(lang, "html-missing");
    }
    let mut kinds: Vec<String> = members
        .iter()
        .filter_map(|&m| keys.get(m))
        .filter_map(|&key| match key {
            Key::Element(id) => Some(graph.element_plan(id)),
            Key::Implementer(id) => Some(graph.target_plan(Target::Implementer(id))),
            Key::Plan(id) => Some(id),
            Key::Broken(_) => None,
        })
        .map(|plan| graph.plan(plan).kind.value.word(lang).to_uppercase())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    let tier = match layer % 4 {
        3 => tr!(lang, "html-objectives"),
        2 => tr!(lang, "html-actions"),
        _ => tr!(lang, "html-implementers"),
    };
    format!("{} · {tier}", kinds.join(", "))
}

fn describe(graph: &Graph, gaps: &Gaps, own: PlanId, key: Key, x: u32, y: u32) -> Node {
    let (plan, code, statement) = match key {
        Key::Element(id) => {
            let element = graph.element(id);
            (
                Some(graph.element_plan(id)),
                element.code.value.to_string(),
                element.statement.as_ref().map(|s| s.value.as_str()),
            )
        }
        Key::Implementer(id) => {
            let plan = graph.target_plan(Target::Implementer(id));
            let (code, name) = graph.activity(id).map_or_else(
                || {
                    graph.investment(id).map_or((String::new(), None), |i| {
                        (
                            i.cui.value.to_string(),
                            i.name.as_ref().map(|n| n.value.as_str()),
                        )
                    })
                },
                |a| {
                    (
                        a.code.value.to_string(),
                        a.name.as_ref().map(|n| n.value.as_str()),
                    )
                },
            );
            (Some(plan), code, name)
        }
        Key::Plan(id) => (
            Some(id),
            graph.plan(id).id.value.to_string(),
            graph.plan(id).title.as_ref().map(|t| t.value.as_str()),
        ),
        Key::Broken(link) => (None, graph.reference(link).text.value.to_string(), None),
    };
    let Some(plan) = plan else {
        return Node {
            x,
            y,
            t: code,
            plan: None,
            statement: None,
            k: 2,
            g: 1,
        };
    };
    let plan_id = &graph.plan(plan).id.value;
    let marked = if matches!(key, Key::Plan(_)) {
        &[][..]
    } else {
        gaps.of(plan_id, &code)
    };
    let gap = if marked.iter().any(|g| g.kind == GapKind::NotArticulated) {
        1
    } else {
        u8::from(!marked.is_empty()) * 2
    };
    let statement = statement.map(
        |statement| match statement.char_indices().nth(MAX_TIP_CHARS) {
            Some((cut, _)) => format!("{}…", statement.get(..cut).unwrap_or("")),
            None => statement.to_owned(),
        },
    );
    Node {
        x,
        y,
        t: code,
        plan: Some(plan),
        statement,
        k: u8::from(plan != own),
        g: gap,
    }
}

/// What is wrong with a node, in words: its gaps with their rules, or a broken reference.
fn gap_words(graph: &Graph, gaps: &Gaps, key: Key, lang: Lang) -> String {
    let (plan, code) = match key {
        Key::Element(id) => (
            graph.element_plan(id),
            graph.element(id).code.value.as_str(),
        ),
        Key::Implementer(id) => (
            graph.target_plan(Target::Implementer(id)),
            graph
                .activity(id)
                .map(|a| a.code.value.as_str())
                .or_else(|| graph.investment(id).map(|i| i.cui.value.as_str()))
                .unwrap_or(""),
        ),
        Key::Plan(_) => return String::new(),
        Key::Broken(_) => return tr!(lang, "html-broken"),
    };
    gaps.of(&graph.plan(plan).id.value, code)
        .iter()
        .map(|gap| format!("{} ({})", gap.kind.words(lang), gap.rule))
        .collect::<Vec<_>>()
        .join("; ")
}
