//! Runtime values: numbers, text, words, and handles into the graph.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::dsl::schema::Field;
use crate::graph::{ElementId, Graph, ImplementerId, LinkId, PlanId};
use crate::plan::model::{Date, Indicator, YearMap};
use crate::source::Span;

/// An indicator: its owner and its position among the owner's indicators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndicatorRef {
    pub(crate) element: ElementId,
    index: u32,
}

impl IndicatorRef {
    pub(crate) fn new(element: ElementId, index: usize) -> Self {
        Self {
            element,
            index: crate::plan::model::position(index),
        }
    }

    pub(crate) fn get(self, graph: &Graph) -> Option<&Indicator> {
        graph
            .element(self.element)
            .indicators
            .get(self.index as usize)
    }
}

/// A value during evaluation.
#[derive(Clone, Debug)]
pub enum Value<'g> {
    /// An optional field the file does not have.
    Absent,
    /// A boolean.
    Bool(bool),
    /// A number.
    Num(f64),
    /// Text.
    Str(Cow<'g, str>),
    /// A date.
    Date(Date),
    /// An enum word.
    Enum(&'static str),
    /// A plan.
    Plan(PlanId),
    /// An objective or action.
    Element(ElementId),
    /// A `traces_to` link.
    Link(LinkId),
    /// An `upper` link.
    UpperLink(LinkId),
    /// An `action` link.
    ActionLink(LinkId),
    /// An indicator.
    Indicator(IndicatorRef),
    /// An indicator's baseline.
    Baseline(IndicatorRef),
    /// An indicator's ficha técnica.
    Ficha(IndicatorRef),
    /// The baseline of an indicator's ficha técnica.
    FichaBaseline(IndicatorRef),
    /// An activity.
    Activity(ImplementerId),
    /// An investment.
    Investment(ImplementerId),
    /// A gap of an investment.
    Gap(ImplementerId, u32),
    /// A plan's entity.
    Entity(PlanId),
    /// A plan's period.
    Period(PlanId),
    /// A plan's approval.
    Approval(PlanId),
    /// A participation record.
    Participation(PlanId, u32),
    /// A list.
    List(Rc<[Value<'g>]>),
    /// Numbers by year.
    Map(&'g YearMap),
}

/// The word of a plan's kind.
pub(crate) fn plan_kind_word(graph: &Graph, plan: PlanId) -> &'static str {
    graph.plan(plan).kind.value.as_str()
}

impl<'g> Value<'g> {
    /// Whether the value is absent.
    #[must_use]
    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// `true` only for the boolean true (absent is false).
    #[must_use]
    pub fn truthy(&self) -> bool {
        matches!(self, Self::Bool(true))
    }

    /// The number, when it is one.
    #[must_use]
    pub fn number(&self) -> Option<f64> {
        match self {
            Self::Num(n) => Some(*n),
            _ => None,
        }
    }

    /// Whether the value is something a finding can be about.
    #[must_use]
    pub fn is_entity(&self) -> bool {
        matches!(
            self,
            Self::Plan(_)
                | Self::Element(_)
                | Self::Link(_)
                | Self::UpperLink(_)
                | Self::Indicator(_)
                | Self::Activity(_)
                | Self::Investment(_)
        )
    }

    /// Equality as `==` sees it.
    #[must_use]
    pub fn same(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Bool(a), Self::Bool(b)) => a == b,
            (Self::Num(a), Self::Num(b)) => (a - b).abs() < 1e-9,
            (Self::Str(a), Self::Str(b)) => a == b,
            (Self::Enum(a), Self::Enum(b)) => a == b,
            (Self::Enum(a), Self::Str(b)) | (Self::Str(b), Self::Enum(a)) => *a == b.as_ref(),
            (Self::Date(a), Self::Date(b)) => a == b,
            (Self::Plan(a), Self::Plan(b))
            | (Self::Entity(a), Self::Entity(b))
            | (Self::Period(a), Self::Period(b)) => a == b,
            (Self::Element(a), Self::Element(b)) => a == b,
            (Self::Link(a), Self::Link(b))
            | (Self::UpperLink(a), Self::UpperLink(b))
            | (Self::ActionLink(a), Self::ActionLink(b)) => a == b,
            (Self::Indicator(a), Self::Indicator(b))
            | (Self::Baseline(a), Self::Baseline(b))
            | (Self::Ficha(a), Self::Ficha(b))
            | (Self::FichaBaseline(a), Self::FichaBaseline(b)) => a == b,
            (Self::Activity(a), Self::Activity(b)) | (Self::Investment(a), Self::Investment(b)) => {
                a == b
            }
            (Self::List(a), Self::List(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same(y))
            }
            _ => false,
        }
    }

    /// Ordering as `<` sees it.
    #[must_use]
    pub fn order(&self, other: &Self) -> Option<Ordering> {
        match (self, other) {
            (Self::Num(a), Self::Num(b)) => a.partial_cmp(b),
            (Self::Str(a), Self::Str(b)) => Some(a.cmp(b)),
            (Self::Date(a), Self::Date(b)) => Some(a.cmp(b)),
            (Self::Enum(a), Self::Enum(b)) => Some(a.cmp(b)),
            (Self::Bool(a), Self::Bool(b)) => Some(a.cmp(b)),
            _ => None,
        }
    }

    /// A field of an object, as the field table reads it, and whether reading it depends on
    /// a broken reference (the value is *incomplete*): an unresolved or undecodable
    /// `traces_to`, `upper` or `action` entry, or links into a plan that a broken reference or
    /// an unreadable file may have meant. A verdict that read such a field is dropped: the REF
    /// or LOAD finding already reports the cause. The field table ([`crate::plan::schema`])
    /// says which fields can be incomplete.
    pub(crate) fn read(&self, graph: &'g Graph, field: Field) -> (Value<'g>, bool) {
        crate::plan::schema::read(self, graph, field)
    }

    /// Where a value is written, for values that are places.
    pub(crate) fn span(&self, graph: &Graph) -> Option<Span> {
        match self {
            Self::Plan(p) => Some(graph.plan(*p).id.span),
            Self::Element(e) => Some(graph.element(*e).code.span),
            Self::Link(l) | Self::UpperLink(l) | Self::ActionLink(l) => {
                Some(graph.reference(*l).text.span)
            }
            Self::Indicator(i) => i.get(graph).map(|ind| {
                ind.name
                    .as_ref()
                    .or(ind.code.as_ref())
                    .map_or(ind.span, |s| s.span)
            }),
            Self::Baseline(i) => i
                .get(graph)
                .and_then(|ind| ind.baseline.as_ref())
                .map(|b| b.span),
            Self::Ficha(i) => i
                .get(graph)
                .and_then(|ind| ind.ficha.as_ref())
                .map(|f| f.span),
            Self::FichaBaseline(i) => i
                .get(graph)
                .and_then(|ind| ind.ficha.as_ref()?.baseline.as_ref())
                .map(|b| b.span),
            Self::Activity(a) => graph.activity(*a).map(|act| act.code.span),
            Self::Investment(v) => graph.investment(*v).map(|inv| inv.cui.span),
            Self::Gap(v, g) => graph
                .investment(*v)
                .and_then(|i| i.gaps.get(*g as usize))
                .map(|g| g.span),
            Self::Period(p) => graph.plan(*p).period.map(|period| period.span),
            Self::Approval(p) => graph.plan(*p).approval.as_ref().map(|a| a.span),
            _ => None,
        }
    }

    /// Where a field of this value is written, when it is present (the field table says).
    pub(crate) fn field_span(&self, graph: &Graph, field: Field) -> Option<Span> {
        crate::plan::schema::span(self, graph, field)
    }

    /// The value as messages print it (absent is `—`).
    pub(crate) fn display(&self, graph: &Graph, out: &mut String) {
        match self {
            Self::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.display(graph, out);
                }
            }
            other => out.push_str(&other.plain(graph)),
        }
    }

    /// A short text for the value.
    pub(crate) fn plain(&self, graph: &Graph) -> String {
        match self {
            Self::Absent => "—".to_owned(),
            Self::Bool(b) => b.to_string(),
            Self::Num(n) => format_number(*n),
            Self::Str(s) => s.to_string(),
            Self::Date(d) => d.to_string(),
            Self::Enum(w) => (*w).to_owned(),
            Self::Plan(p)
            | Self::Entity(p)
            | Self::Period(p)
            | Self::Approval(p)
            | Self::Participation(p, _) => graph.plan(*p).id.value.to_string(),
            Self::Element(e) => graph.element(*e).code.value.to_string(),
            Self::Link(l) | Self::UpperLink(l) | Self::ActionLink(l) => {
                graph.reference(*l).text.value.to_string()
            }
            Self::Indicator(i) | Self::Baseline(i) | Self::Ficha(i) | Self::FichaBaseline(i) => i
                .get(graph)
                .and_then(|ind| ind.code.as_ref().or(ind.name.as_ref()))
                .map(|s| s.value.to_string())
                .unwrap_or_default(),
            Self::Activity(a) => graph
                .activity(*a)
                .map(|x| x.code.value.to_string())
                .unwrap_or_default(),
            Self::Investment(v) | Self::Gap(v, _) => graph
                .investment(*v)
                .map(|x| x.cui.value.to_string())
                .unwrap_or_default(),
            Self::List(_) => {
                let mut out = String::new();
                self.display(graph, &mut out);
                out
            }
            Self::Map(map) => map
                .iter()
                .map(|(y, v)| format!("{y}: {}", format_number(v.value)))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// Whole numbers without decimals; others as Rust prints them (shortest exact form).
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{n:.0}");
    }
    // Six decimals hide binary noise (74.2 - 75.65 = -1.4500000000000028).
    let text = format!("{n:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}
