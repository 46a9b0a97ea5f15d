//! What the server answers about plan files, from the last run's graph: hover, definition,
//! references, completion of references, document and workspace symbols.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, DocumentSymbol, Documentation,
    Location, MarkupContent, MarkupKind, Position, Range, SymbolInformation, SymbolKind, TextEdit,
    Url,
};

use super::convert;
use super::workspace::Workspace;
use crate::Run;
use crate::graph::{ElementId, Graph, ImplementerId, ImplementerPlace, LinkId, PlanId, Target};
use crate::i18n::Lang;
use crate::plan::model::{Element, Text};
use crate::source::{FileId, Span, Spanned};
use crate::tr;

/// The most items a list in a hover shows (the rest are counted).
const HOVER_LIST: usize = 20;
/// The most completion items or workspace symbols sent at once.
const MAX_ITEMS: usize = 1000;

/// What is written at a place of a plan file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spot {
    /// A reference (`traces_to`, `upper` or `action` entry).
    Link(LinkId),
    /// An objective's or action's own code.
    Element(ElementId),
    /// An activity's code or an investment's CUI.
    Implementer(ImplementerId),
    /// The plan's own id.
    Plan(PlanId),
}

fn within(span: Span, file: FileId, offset: usize) -> bool {
    span.file == file && (span.start as usize) <= offset && offset <= span.end as usize
}

/// The plans written in a file.
fn plans_in(graph: &Graph, file: FileId) -> impl Iterator<Item = PlanId> + '_ {
    graph
        .plan_ids()
        .filter(move |&id| graph.plan(id).file == file)
}

/// The span of an implementer's own code (an activity's code, an investment's CUI).
fn implementer_code(graph: &Graph, id: ImplementerId) -> Option<Span> {
    graph
        .activity(id)
        .map(|activity| activity.code.span)
        .or_else(|| graph.investment(id).map(|investment| investment.cui.span))
}

/// What is written at `offset` of `file`.
pub(crate) fn spot_at(graph: &Graph, file: FileId, offset: usize) -> Option<Spot> {
    for plan_id in plans_in(graph, file) {
        let plan = graph.plan(plan_id);
        let node = graph.plan_node(plan_id);
        if within(plan.id.span, file, offset) {
            return Some(Spot::Plan(plan_id));
        }
        let links = node.upper.iter().chain(
            node.elements
                .iter()
                .flat_map(|&element| graph.element_node(element).traces_to.iter()),
        );
        let implementer_links = node
            .implementers
            .iter()
            .filter_map(|&id| graph.implementer_node(id).action);
        for link in links.copied().chain(implementer_links) {
            if within(graph.reference(link).text.span, file, offset) {
                return Some(Spot::Link(link));
            }
        }
        for &element in &node.elements {
            if within(graph.element(element).code.span, file, offset) {
                return Some(Spot::Element(element));
            }
        }
        for &implementer in &node.implementers {
            if implementer_code(graph, implementer).is_some_and(|span| within(span, file, offset)) {
                return Some(Spot::Implementer(implementer));
            }
        }
    }
    None
}

/// The place a target is declared: an element's or activity's code, a plan's id.
fn declared_at(graph: &Graph, target: Target) -> Option<Span> {
    match target {
        Target::Plan(plan) => Some(graph.plan(plan).id.span),
        Target::Element(element) => Some(graph.element(element).code.span),
        Target::Implementer(implementer) => implementer_code(graph, implementer),
    }
}

/// What a spot names: the target of a reference, or the thing itself.
fn named(graph: &Graph, spot: Spot) -> Option<Target> {
    match spot {
        Spot::Link(link) => graph.link(link).target,
        Spot::Element(element) => Some(Target::Element(element)),
        Spot::Implementer(implementer) => Some(Target::Implementer(implementer)),
        Spot::Plan(plan) => Some(Target::Plan(plan)),
    }
}

fn location(workspace: &Workspace, run: &Run, span: Span) -> Option<Location> {
    Some(Location {
        uri: workspace.uri(span.file)?,
        range: convert::range(&run.sources, span),
    })
}

/// The spot under a position of a document, with the run it was found in.
fn spot_of<'w>(
    workspace: &'w Workspace,
    uri: &Url,
    position: Position,
) -> Option<(&'w Run, FileId, Spot)> {
    let run = workspace.run.as_ref()?;
    let file = workspace.file_id(uri)?;
    let offset = convert::offset(run.sources.file(file), position);
    let spot = spot_at(&run.graph, file, offset)?;
    Some((run, file, spot))
}

/// Go to definition: from a reference to what it names.
pub(crate) fn definition(workspace: &Workspace, uri: &Url, position: Position) -> Option<Location> {
    let (run, _, spot) = spot_of(workspace, uri, position)?;
    let Spot::Link(link) = spot else { return None };
    let target = run.graph.link(link).target?;
    location(workspace, run, declared_at(&run.graph, target)?)
}

/// Find references: every reference to what the spot names (the declaration too, when asked).
pub(crate) fn references(
    workspace: &Workspace,
    uri: &Url,
    position: Position,
    declaration: bool,
) -> Vec<Location> {
    let Some((run, _, spot)) = spot_of(workspace, uri, position) else {
        return Vec::new();
    };
    let graph = &run.graph;
    let Some(target) = named(graph, spot) else {
        return Vec::new();
    };
    let mut spans: Vec<Span> = Vec::new();
    if declaration {
        spans.extend(declared_at(graph, target));
    }
    spans.extend(
        graph
            .links
            .iter()
            .enumerate()
            .filter(|(_, link)| link.target == Some(target))
            .map(|(index, _)| {
                let id = crate::graph::LinkId(u32::try_from(index).unwrap_or(u32::MAX));
                graph.reference(id).text.span
            }),
    );
    spans
        .into_iter()
        .filter_map(|span| location(workspace, run, span))
        .collect()
}

/// `plan/CODE`, as references write it.
fn reference_text(graph: &Graph, element: ElementId) -> String {
    let plan = graph.plan(graph.element_plan(element));
    format!("{}/{}", plan.id.value, graph.element(element).code.value)
}

/// A short line about a plan: its id, kind and title.
fn plan_line(graph: &Graph, plan: PlanId, lang: Lang) -> String {
    let plan = graph.plan(plan);
    let title = plan
        .title
        .as_ref()
        .map_or(String::new(), |title| format!(": {}", title.value));
    format!(
        "`{}` ({}){title}",
        plan.id.value,
        crate::graph::describe_plan(plan, lang)
    )
}

/// A list with at most [`HOVER_LIST`] lines, the rest counted.
fn bounded(lines: Vec<String>, lang: Lang) -> String {
    let more = lines.len().saturating_sub(HOVER_LIST);
    let mut text = String::new();
    for line in lines.into_iter().take(HOVER_LIST) {
        text.push_str("- ");
        text.push_str(&line);
        text.push('\n');
    }
    if more > 0 {
        text.push_str(&format!(
            "- {}\n",
            tr!(lang, "lsp-hover-more", count = more)
        ));
    }
    text
}

fn element_hover(graph: &Graph, element: ElementId, lang: Lang) -> String {
    let node = graph.element_node(element);
    let value: &Element = graph.element(element);
    let kind = if value.is_action {
        "action"
    } else {
        "objective"
    };
    let mut text = format!(
        "**{}** · {}\n\n",
        reference_text(graph, element),
        tr!(lang, "lsp-hover-kind", kind = kind)
    );
    if let Some(statement) = &value.statement {
        text.push_str(&format!("{}\n\n", statement.value));
    }
    text.push_str(&format!(
        "{}: {}\n\n",
        tr!(lang, "lsp-hover-plan"),
        plan_line(graph, node.place.plan, lang)
    ));
    if !value.indicators.is_empty() {
        text.push_str(&format!("{}:\n", tr!(lang, "lsp-hover-indicators")));
        let lines = value
            .indicators
            .iter()
            .map(|indicator| {
                let code = indicator
                    .code
                    .as_ref()
                    .map_or(String::new(), |code| format!("`{}` ", code.value));
                let name = indicator
                    .name
                    .as_ref()
                    .map_or("", |name| name.value.as_str());
                format!("{code}{name}")
            })
            .collect();
        text.push_str(&bounded(lines, lang));
        text.push('\n');
    }
    let traced: Vec<String> = node
        .traced_by
        .iter()
        .filter_map(|&link| match graph.link(link).from {
            crate::graph::Owner::Element(from) => {
                Some(format!("`{}`", reference_text(graph, from)))
            }
            _ => None,
        })
        .chain(node.implemented_by.iter().filter_map(|&implementer| {
            let (plan, code) = implementer_plan_code(graph, implementer)?;
            Some(format!("`{plan}/{code}`"))
        }))
        .collect();
    let heading = tr!(lang, "lsp-hover-traced-by", count = traced.len());
    section(
        &mut text,
        traced,
        &heading,
        &tr!(lang, "lsp-hover-traced-by-none"),
        lang,
    );
    text
}

/// A list under its heading, or the sentence that says it is empty.
fn section(text: &mut String, lines: Vec<String>, heading: &str, none: &str, lang: Lang) {
    if lines.is_empty() {
        text.push_str(none);
        text.push('\n');
    } else {
        text.push_str(heading);
        text.push_str(":\n");
        text.push_str(&bounded(lines, lang));
    }
}

fn implementer_plan_code(graph: &Graph, implementer: ImplementerId) -> Option<(String, String)> {
    let (ImplementerPlace::Activity(plan, _) | ImplementerPlace::Investment(plan, _)) =
        graph.implementer_node(implementer).place;
    let code = graph
        .activity(implementer)
        .map(|activity| activity.code.value.to_string())
        .or_else(|| {
            graph
                .investment(implementer)
                .map(|i| i.cui.value.to_string())
        })?;
    Some((graph.plan(plan).id.value.to_string(), code))
}

fn plan_hover(graph: &Graph, plan: PlanId, lang: Lang) -> String {
    let mut text = format!("{}\n\n", plan_line(graph, plan, lang));
    let lower: Vec<String> = graph
        .plan_node(plan)
        .lower
        .iter()
        .map(|&lower| plan_line(graph, lower, lang))
        .collect();
    let heading = tr!(lang, "lsp-hover-lower", count = lower.len());
    section(
        &mut text,
        lower,
        &heading,
        &tr!(lang, "lsp-hover-lower-none"),
        lang,
    );
    text
}

/// Hover: on a reference, what it names (statement, plan, kind, indicators); on a code or a
/// plan id, what traces to it.
pub(crate) fn hover(
    workspace: &Workspace,
    uri: &Url,
    position: Position,
) -> Option<(String, Range)> {
    let (run, _, spot) = spot_of(workspace, uri, position)?;
    let graph = &run.graph;
    let lang = run.report.lang;
    let (span, text) = match spot {
        Spot::Link(id) => {
            let link = graph.link(id);
            let reference = graph.reference(id);
            let text = match link.target {
                Some(Target::Element(element)) => element_hover(graph, element, lang),
                Some(Target::Plan(plan)) => plan_hover(graph, plan, lang),
                Some(Target::Implementer(implementer)) => {
                    let (plan, code) = implementer_plan_code(graph, implementer)?;
                    format!("**{plan}/{code}**\n")
                }
                None => tr!(
                    lang,
                    "lsp-hover-unresolved",
                    reference = reference.text.value.as_str()
                ),
            };
            (reference.text.span, text)
        }
        Spot::Element(element) => (
            graph.element(element).code.span,
            element_hover(graph, element, lang),
        ),
        Spot::Plan(plan) => (graph.plan(plan).id.span, plan_hover(graph, plan, lang)),
        Spot::Implementer(implementer) => {
            let (plan, code) = implementer_plan_code(graph, implementer)?;
            (
                implementer_code(graph, implementer)?,
                format!("**{plan}/{code}**\n"),
            )
        }
    };
    Some((text, convert::range(&run.sources, span)))
}

/// The reference keys completion works in, by their English key.
const REFERENCE_KEYS: [&str; 3] = ["traces_to", "upper", "action"];

/// The reference key (English) a key as written names, in English or Spanish.
fn reference_key(written: &str) -> Option<&'static str> {
    let written = written.trim().trim_matches(['"', '\'']);
    REFERENCE_KEYS.into_iter().find(|key| {
        *key == written
            || crate::plan::schema::spanish(key)
                .iter()
                .any(|name| crate::plan::model::same_word(written, name))
    })
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The reference key whose value holds `offset`: written on the same line (`upper: [a, `)
/// or above it, as the key of the block list the line is an entry of.
pub(crate) fn key_at(text: &str, offset: usize) -> Option<&'static str> {
    let before = text.get(..offset)?;
    let mut lines = before.rsplit('\n');
    let current = lines.next().unwrap_or("");
    if let Some((key, _)) = current
        .trim_start()
        .trim_start_matches("- ")
        .split_once(':')
    {
        return reference_key(key);
    }
    let indent = indentation(current);
    let entry = current.trim_start().starts_with('-');
    for line in lines {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let own = indentation(line);
        if trimmed.starts_with('-') && own >= indent {
            continue;
        }
        if own < indent || (own == indent && entry) {
            let key = trimmed.trim_start_matches("- ").split_once(':')?.0;
            return reference_key(key);
        }
        if own == indent {
            return None;
        }
    }
    None
}

/// The word being written at `offset`: from the last space, bracket, comma or quote.
fn word_start(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(offset, |before| {
        before
            .rfind(|c: char| c.is_whitespace() || "[],\"'{}".contains(c))
            .map_or(0, |i| i + 1)
    })
}

fn markdown(text: String) -> Documentation {
    Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value: text,
    })
}

/// Completion inside `traces_to`, `upper` and `action`: the plans the element's plan may
/// articulate with (its `upper` chain and the national plans) and their codes, with their
/// statements as documentation.
pub(crate) fn complete(
    workspace: &Workspace,
    uri: &Url,
    position: Position,
) -> Vec<CompletionItem> {
    let Some(run) = workspace.run.as_ref() else {
        return Vec::new();
    };
    let graph = &run.graph;
    let lang = run.report.lang;
    // The buffer as typed (the run may hold an older text, or none when it does not parse).
    let text = workspace
        .buffer(uri)
        .map(|buffer| buffer.text.clone())
        .or_else(|| {
            let file = workspace.file_id(uri)?;
            Some(run.sources.file(file).text().to_owned())
        })
        .unwrap_or_default();
    let Some(path) = convert::path_of(uri) else {
        return Vec::new();
    };
    let source = super::diagnostics::source_of(&path, &text);
    let offset = convert::offset(&source, position);
    let Some(key) = key_at(&text, offset) else {
        return Vec::new();
    };
    let start = word_start(&text, offset);
    let range = Range {
        start: convert::position(&source, start),
        end: position,
    };
    // The plan this file declares (by its id, so that a buffer that no longer parses still
    // completes), and the plans it may articulate with.
    let own = crate::plan::declared_id(&text).and_then(|id| graph.plan_by_id(&id));
    let candidates: Vec<PlanId> = match own {
        Some(own) => {
            let mut plans = graph.upper_closure(own);
            let rank = graph.plan_node(own).rank;
            let chain = plans.clone();
            plans.extend(graph.plan_ids().filter(|&plan| {
                plan != own
                    && !chain.contains(&plan)
                    && (graph.plan(plan).kind.value.is_national()
                        || (key == "upper" && graph.plan_node(plan).rank > rank))
            }));
            plans
        }
        None => graph.plan_ids().collect(),
    };
    let item = |label: String, detail: String, documentation: String, kind| CompletionItem {
        label: label.clone(),
        kind: Some(kind),
        detail: Some(detail),
        documentation: Some(markdown(documentation)),
        filter_text: Some(label.clone()),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit {
            range,
            new_text: label,
        })),
        ..CompletionItem::default()
    };
    let mut items = Vec::new();
    for plan in candidates {
        if key == "upper" {
            let value = graph.plan(plan);
            items.push(item(
                value.id.value.to_string(),
                crate::graph::describe_plan(value, lang),
                plan_line(graph, plan, lang),
                CompletionItemKind::MODULE,
            ));
            continue;
        }
        for &element in &graph.plan_node(plan).elements {
            let value = graph.element(element);
            if key == "action" && !value.is_action {
                continue;
            }
            let statement = value
                .statement
                .as_ref()
                .map_or_else(String::new, |s| s.value.to_string());
            items.push(item(
                reference_text(graph, element),
                statement.clone(),
                format!("{statement}\n\n{}", plan_line(graph, plan, lang)),
                CompletionItemKind::REFERENCE,
            ));
        }
    }
    items.truncate(MAX_ITEMS);
    items
}

fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: Range,
    selection: Range,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    // The whole must hold the name: a symbol whose mapping span is unknown is its name.
    let inside = range.start <= selection.start && selection.end <= range.end;
    #[expect(
        deprecated,
        reason = "the protocol's type still has the field; `tags` replaces it"
    )]
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: if inside { range } else { selection },
        selection_range: selection,
        children: (!children.is_empty()).then_some(children),
    }
}

/// Document symbols: each plan of the file, its objectives, their actions, their
/// indicators, and a POI's activities and investments.
pub(crate) fn document_symbols(workspace: &Workspace, uri: &Url) -> Vec<DocumentSymbol> {
    let (Some(run), Some(file)) = (workspace.run.as_ref(), workspace.file_id(uri)) else {
        return Vec::new();
    };
    let graph = &run.graph;
    let range = |span: Span| convert::range(&run.sources, span);
    let indicators = |element: &Element| -> Vec<DocumentSymbol> {
        element
            .indicators
            .iter()
            .filter_map(|indicator| {
                let name = indicator.code.as_ref().or(indicator.name.as_ref())?;
                Some(symbol(
                    name.value.to_string(),
                    indicator.name.as_ref().map(|n| n.value.to_string()),
                    SymbolKind::FIELD,
                    range(indicator.span),
                    range(name.span),
                    Vec::new(),
                ))
            })
            .collect()
    };
    let element_symbol = |element: &Element| -> DocumentSymbol {
        let actions = element.actions.iter().map(|action| {
            symbol(
                action.code.value.to_string(),
                action.statement.as_ref().map(|s| s.value.to_string()),
                SymbolKind::METHOD,
                range(action.span),
                range(action.code.span),
                indicators(action),
            )
        });
        let children = indicators(element).into_iter().chain(actions).collect();
        symbol(
            element.code.value.to_string(),
            element.statement.as_ref().map(|s| s.value.to_string()),
            SymbolKind::CLASS,
            range(element.span),
            range(element.code.span),
            children,
        )
    };
    let text_end = run.sources.file(file).text().len();
    plans_in(graph, file)
        .map(|plan_id| {
            let plan = graph.plan(plan_id);
            let mut children: Vec<DocumentSymbol> =
                plan.objectives.iter().map(element_symbol).collect();
            // Activities by their code, investments by their CUI, with their names.
            let leaf = |code: &Spanned<Text>, name: Option<&Spanned<Text>>, whole: Span| {
                let name = name.map(|name| name.value.to_string());
                let (whole, code_range) = (range(whole), range(code.span));
                symbol(
                    code.value.to_string(),
                    name,
                    SymbolKind::FUNCTION,
                    whole,
                    code_range,
                    Vec::new(),
                )
            };
            children.extend(
                plan.activities
                    .iter()
                    .map(|a| leaf(&a.code, a.name.as_ref(), a.span)),
            );
            children.extend(
                plan.investments
                    .iter()
                    .map(|i| leaf(&i.cui, i.name.as_ref(), i.span)),
            );
            symbol(
                plan.id.value.to_string(),
                plan.title.as_ref().map(|t| t.value.to_string()),
                SymbolKind::NAMESPACE,
                range(Span::new(file, 0, text_end)),
                range(plan.id.span),
                children,
            )
        })
        .collect()
}

/// Workspace symbols: plans and their objectives and actions whose id, code or statement
/// holds the query (any case).
pub(crate) fn workspace_symbols(workspace: &Workspace, query: &str) -> Vec<SymbolInformation> {
    let Some(run) = workspace.run.as_ref() else {
        return Vec::new();
    };
    let graph = &run.graph;
    let query = query.to_lowercase();
    let matches = |texts: &[&str]| texts.iter().any(|t| t.to_lowercase().contains(&query));
    #[expect(
        deprecated,
        reason = "the protocol's type still has the field; `tags` replaces it"
    )]
    let info = |name: String, kind, span: Span, container: Option<String>| {
        Some(SymbolInformation {
            name,
            kind,
            tags: None,
            deprecated: None,
            location: location(workspace, run, span)?,
            container_name: container,
        })
    };
    let mut found = Vec::new();
    for plan_id in graph.plan_ids() {
        let plan = graph.plan(plan_id);
        let title = plan.title.as_ref().map_or("", |t| t.value.as_str());
        if matches(&[&plan.id.value, title]) {
            found.extend(info(
                plan.id.value.to_string(),
                SymbolKind::NAMESPACE,
                plan.id.span,
                None,
            ));
        }
        for &element in &graph.plan_node(plan_id).elements {
            let value = graph.element(element);
            let name = reference_text(graph, element);
            let statement = value.statement.as_ref().map_or("", |s| s.value.as_str());
            if matches(&[&name, statement]) {
                let kind = if value.is_action {
                    SymbolKind::METHOD
                } else {
                    SymbolKind::CLASS
                };
                found.extend(info(
                    name,
                    kind,
                    value.code.span,
                    Some(plan.id.value.to_string()),
                ));
            }
        }
        if found.len() >= MAX_ITEMS {
            break;
        }
    }
    found.truncate(MAX_ITEMS);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_key_is_found_on_the_line_or_above_it() {
        let text = "objectives:\n  - code: OEI.01\n    traces_to:\n      - pdrc/OER.1\n      - pd\n    priority: 1\n  - code: OEI.02\n    articulacion: [pdrc/OER.2, p\n";
        let at = |needle: &str| text.find(needle).unwrap() + needle.len();
        assert_eq!(key_at(text, at("- pd")), Some("traces_to"));
        assert_eq!(key_at(text, at("- pdrc/OER")), Some("traces_to"));
        assert_eq!(key_at(text, at("[pdrc/OER.2, p")), Some("traces_to"));
        assert_eq!(key_at(text, at("priority: 1")), None);
        assert_eq!(key_at(text, at("code: OEI.02")), None);
        let upper = "plan:\n  id: x\n  upper:\n  - pdrc-a\n  - \n";
        assert_eq!(key_at(upper, upper.len() - 1), Some("upper"));
    }
}
