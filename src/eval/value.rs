//! Runtime values: numbers, text, words, and handles into the graph.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::dsl::schema::Field;
use crate::graph::{
    ElementId, Graph, ImplementerId, ImplementerPlace, LinkId, Owner, PlanId, Target,
};
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
            index: u32::try_from(index).unwrap_or(u32::MAX),
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

fn text(value: Option<&crate::source::Spanned<String>>) -> Value<'_> {
    value.map_or(Value::Absent, |s| {
        Value::Str(Cow::Borrowed(s.value.as_str()))
    })
}

fn number(value: Option<f64>) -> Value<'static> {
    value.map_or(Value::Absent, Value::Num)
}

fn word<T: Copy>(
    value: Option<&crate::source::Spanned<T>>,
    as_str: fn(T) -> &'static str,
) -> Value<'static> {
    value.map_or(Value::Absent, |w| Value::Enum(as_str(w.value)))
}

fn list<'g>(items: impl Iterator<Item = Value<'g>>) -> Value<'g> {
    Value::List(items.collect())
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
            (Self::Indicator(a), Self::Indicator(b)) | (Self::Baseline(a), Self::Baseline(b)) => {
                a == b
            }
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

    /// Whether reading `field` of this object depends on a broken reference: an unresolved
    /// or undecodable `traces_to`, `upper` or `action` entry, or links into a plan that a
    /// broken reference or an unreadable file may have meant. A verdict that read such a
    /// field is dropped: the REF or LOAD finding already reports the cause.
    pub(crate) fn incomplete(&self, graph: &Graph, field: Field) -> bool {
        use Field as F;
        match (self, field) {
            (Self::Plan(p), F::PlanUpper | F::PlanUpperLinks) => {
                graph.plan_node(*p).incomplete_upper
            }
            (Self::Plan(p), F::PlanLower) => graph.plan_node(*p).incomplete_inbound,
            (Self::Element(e), F::ElementTracesTo | F::ElementLinks) => {
                graph.element_node(*e).incomplete_traces
            }
            (
                Self::Element(e),
                F::ElementTracedBy | F::ElementActivities | F::ElementInvestments,
            ) => {
                graph.element_node(*e).incomplete_inbound
                    || graph.plan_node(graph.element_plan(*e)).incomplete_inbound
            }
            (
                Self::Activity(i) | Self::Investment(i),
                F::ActivityAction
                | F::ActivityActionLink
                | F::InvestmentAction
                | F::InvestmentActionLink,
            ) => graph.implementer_node(*i).incomplete_action,
            _ => false,
        }
    }

    /// A field of an object.
    #[expect(clippy::too_many_lines, reason = "one arm per field of the schema")]
    pub(crate) fn field(&self, graph: &'g Graph, field: Field) -> Value<'g> {
        use Field as F;
        match (self, field) {
            (Self::Plan(p), f) => {
                let plan = graph.plan(*p);
                let node = graph.plan_node(*p);
                match f {
                    F::PlanId => Value::Str(Cow::Borrowed(&plan.id.value)),
                    F::PlanKind => Value::Enum(plan.kind.value.as_str()),
                    F::PlanRank => Value::Num(f64::from(node.rank)),
                    F::PlanTitle => text(plan.title.as_ref()),
                    F::PlanEntity => Value::Entity(*p),
                    F::PlanPeriod => {
                        if plan.period.is_some() {
                            Value::Period(*p)
                        } else {
                            Value::Absent
                        }
                    }
                    F::PlanYears => plan.period.map_or(Value::Absent, |period| {
                        list((period.start..=period.end).map(|y| Value::Num(f64::from(y))))
                    }),
                    F::PlanVersion => {
                        word(plan.version.as_ref(), crate::plan::model::Version::as_str)
                    }
                    F::PlanStatus => word(plan.status.as_ref(), crate::plan::model::Status::as_str),
                    F::PlanApproval => {
                        if plan.approval.is_some() {
                            Value::Approval(*p)
                        } else {
                            Value::Absent
                        }
                    }
                    F::PlanTechnicalReport => text(plan.technical_report.as_ref()),
                    F::PlanPublished => text(plan.published.as_ref()),
                    F::PlanParticipation => {
                        list((0..plan.participation.len()).map(|i| {
                            Value::Participation(*p, u32::try_from(i).unwrap_or(u32::MAX))
                        }))
                    }
                    F::PlanUpper => {
                        list(
                            node.upper
                                .iter()
                                .filter_map(|&l| match graph.link(l).target {
                                    Some(Target::Plan(up)) => Some(Value::Plan(up)),
                                    _ => None,
                                }),
                        )
                    }
                    F::PlanUpperLinks => list(node.upper.iter().map(|&l| Value::UpperLink(l))),
                    F::PlanLower => list(node.lower.iter().map(|&l| Value::Plan(l))),
                    F::PlanObjectives => list(
                        node.elements
                            .iter()
                            .filter(|&&e| !graph.element(e).is_action)
                            .map(|&e| Value::Element(e)),
                    ),
                    F::PlanActions => list(
                        node.elements
                            .iter()
                            .filter(|&&e| graph.element(e).is_action)
                            .map(|&e| Value::Element(e)),
                    ),
                    F::PlanIndicators => list(node.elements.iter().flat_map(|&e| {
                        (0..graph.element(e).indicators.len())
                            .map(move |i| Value::Indicator(IndicatorRef::new(e, i)))
                    })),
                    F::PlanActivities => list(
                        node.implementers
                            .iter()
                            .filter(|&&i| graph.activity(i).is_some())
                            .map(|&i| Value::Activity(i)),
                    ),
                    F::PlanInvestments => list(
                        node.implementers
                            .iter()
                            .filter(|&&i| graph.investment(i).is_some())
                            .map(|&i| Value::Investment(i)),
                    ),
                    F::PlanBudgetCeiling => plan
                        .budget_ceiling
                        .as_ref()
                        .map_or(Value::Absent, |m| Value::Map(&m.value)),
                    F::PlanFile => Value::Str(Cow::Borrowed(&plan.path)),
                    _ => Value::Absent,
                }
            }
            (Self::Entity(p), f) => {
                let entity = &graph.plan(*p).entity;
                match f {
                    F::EntityName => text(entity.name.as_ref()),
                    F::EntityType => word(
                        entity.entity_type.as_ref(),
                        crate::plan::model::EntityType::as_str,
                    ),
                    F::EntityLevel => {
                        word(entity.level.as_ref(), crate::plan::model::Level::as_str)
                    }
                    F::EntityTerritory => text(entity.territory.as_ref()),
                    F::EntityPliego => text(entity.pliego.as_ref()),
                    _ => Value::Absent,
                }
            }
            (Self::Period(p), f) => match (graph.plan(*p).period, f) {
                (Some(period), F::PeriodStart) => Value::Num(f64::from(period.start)),
                (Some(period), F::PeriodEnd) => Value::Num(f64::from(period.end)),
                _ => Value::Absent,
            },
            (Self::Approval(p), f) => match (&graph.plan(*p).approval, f) {
                (Some(approval), F::ApprovalInstrument) => text(approval.instrument.as_ref()),
                (Some(approval), F::ApprovalDate) => approval
                    .date
                    .as_ref()
                    .map_or(Value::Absent, |d| Value::Date(d.value)),
                _ => Value::Absent,
            },
            (Self::Participation(p, i), f) => {
                match (graph.plan(*p).participation.get(*i as usize), f) {
                    (Some(record), F::ParticipationKind) => text(record.kind.as_ref()),
                    (Some(record), F::ParticipationDate) => record
                        .date
                        .as_ref()
                        .map_or(Value::Absent, |d| Value::Date(d.value)),
                    (Some(record), F::ParticipationParticipants) => {
                        number(record.participants.as_ref().map(|n| n.value))
                    }
                    _ => Value::Absent,
                }
            }
            (Self::Element(e), f) => {
                let element = graph.element(*e);
                let node = graph.element_node(*e);
                match f {
                    F::ElementCode => Value::Str(Cow::Borrowed(&element.code.value)),
                    F::ElementStatement => text(element.statement.as_ref()),
                    F::ElementPriority => number(element.priority.as_ref().map(|p| p.value)),
                    F::ElementResponsible => text(element.responsible.as_ref()),
                    F::ElementPlan => Value::Plan(graph.element_plan(*e)),
                    F::ElementIsAction => Value::Bool(element.is_action),
                    F::ElementSiblings => match node.parent {
                        Some(parent) => list(
                            graph
                                .element_node(parent)
                                .children
                                .iter()
                                .map(|&c| Value::Element(c)),
                        ),
                        None => Value::Plan(graph.element_plan(*e)).field(graph, F::PlanObjectives),
                    },
                    F::ElementTracesTo => list(graph.traces(*e).map(Value::Element)),
                    F::ElementLinks => list(node.traces_to.iter().map(|&l| Value::Link(l))),
                    F::ElementTracedBy => {
                        list(
                            node.traced_by
                                .iter()
                                .filter_map(|&l| match graph.link(l).from {
                                    Owner::Element(from) => Some(Value::Element(from)),
                                    _ => None,
                                }),
                        )
                    }
                    F::ElementIndicators => list(
                        (0..element.indicators.len())
                            .map(|i| Value::Indicator(IndicatorRef::new(*e, i))),
                    ),
                    F::ElementActions => list(node.children.iter().map(|&c| Value::Element(c))),
                    F::ElementObjective => node.parent.map_or(Value::Absent, Value::Element),
                    F::ElementActivities => list(
                        node.implemented_by
                            .iter()
                            .filter(|&&i| graph.activity(i).is_some())
                            .map(|&i| Value::Activity(i)),
                    ),
                    F::ElementInvestments => list(
                        node.implemented_by
                            .iter()
                            .filter(|&&i| graph.investment(i).is_some())
                            .map(|&i| Value::Investment(i)),
                    ),
                    _ => Value::Absent,
                }
            }
            (Self::Link(l) | Self::UpperLink(l) | Self::ActionLink(l), f) => {
                let link = graph.link(*l);
                match f {
                    F::LinkRef | F::UpperLinkRef | F::ActionLinkRef => {
                        Value::Str(Cow::Borrowed(&link.reference.text.value))
                    }
                    F::LinkWhy => text(link.reference.why.as_ref()),
                    F::LinkFrom => match link.from {
                        Owner::Element(e) => Value::Element(e),
                        _ => Value::Absent,
                    },
                    F::UpperLinkFrom | F::LinkPlan => Value::Plan(link.plan),
                    F::LinkTarget | F::ActionLinkTarget => match link.target {
                        Some(Target::Element(e)) => Value::Element(e),
                        _ => Value::Absent,
                    },
                    F::UpperLinkTarget => match link.target {
                        Some(Target::Plan(p)) => Value::Plan(p),
                        _ => Value::Absent,
                    },
                    _ => Value::Absent,
                }
            }
            (Self::Indicator(i), f) => {
                let Some(indicator) = i.get(graph) else {
                    return Value::Absent;
                };
                match f {
                    F::IndicatorCode => text(indicator.code.as_ref()),
                    F::IndicatorName => text(indicator.name.as_ref()),
                    F::IndicatorUnit => {
                        word(indicator.unit.as_ref(), crate::plan::model::Unit::as_str)
                    }
                    F::IndicatorDirection => word(
                        indicator.direction.as_ref(),
                        crate::plan::model::Direction::as_str,
                    ),
                    F::IndicatorBaseline => {
                        if indicator.baseline.is_some() {
                            Value::Baseline(*i)
                        } else {
                            Value::Absent
                        }
                    }
                    F::IndicatorTargets => indicator
                        .targets
                        .as_ref()
                        .map_or(Value::Absent, |m| Value::Map(&m.value)),
                    F::IndicatorResponsible => text(indicator.responsible.as_ref()),
                    F::IndicatorSource => text(indicator.source.as_ref()),
                    F::IndicatorMethod => text(indicator.method.as_ref()),
                    F::IndicatorOwner => Value::Element(i.element),
                    F::IndicatorPlan => Value::Plan(graph.element_plan(i.element)),
                    _ => Value::Absent,
                }
            }
            (Self::Baseline(i), f) => {
                let Some(baseline) = i.get(graph).and_then(|ind| ind.baseline.as_ref()) else {
                    return Value::Absent;
                };
                match f {
                    F::BaselineYear => number(baseline.year.as_ref().map(|y| f64::from(y.value))),
                    F::BaselineValue => number(baseline.value.as_ref().map(|v| v.value)),
                    _ => Value::Absent,
                }
            }
            (Self::Activity(a), f) => {
                let Some(activity) = graph.activity(*a) else {
                    return Value::Absent;
                };
                match f {
                    F::ActivityCode => Value::Str(Cow::Borrowed(&activity.code.value)),
                    F::ActivityName => text(activity.name.as_ref()),
                    F::ActivityAction => action_target(graph, *a),
                    F::ActivityActionLink => graph
                        .implementer_node(*a)
                        .action
                        .map_or(Value::Absent, Value::ActionLink),
                    F::ActivityCostCenter => text(activity.cost_center.as_ref()),
                    F::ActivityUnit => text(activity.unit.as_ref()),
                    F::ActivityPhysical => activity
                        .physical
                        .as_ref()
                        .map_or(Value::Absent, |m| Value::Map(&m.value)),
                    F::ActivityBudget => activity
                        .budget
                        .as_ref()
                        .map_or(Value::Absent, |m| Value::Map(&m.value)),
                    F::ActivityPlan => implementer_plan(graph, *a),
                    _ => Value::Absent,
                }
            }
            (Self::Investment(v), f) => {
                let Some(investment) = graph.investment(*v) else {
                    return Value::Absent;
                };
                match f {
                    F::InvestmentCui => Value::Str(Cow::Borrowed(&investment.cui.value)),
                    F::InvestmentType => word(
                        investment.investment_type.as_ref(),
                        crate::plan::model::InvestmentType::as_str,
                    ),
                    F::InvestmentName => text(investment.name.as_ref()),
                    F::InvestmentAction => action_target(graph, *v),
                    F::InvestmentActionLink => graph
                        .implementer_node(*v)
                        .action
                        .map_or(Value::Absent, Value::ActionLink),
                    F::InvestmentGaps => list(
                        (0..investment.gaps.len())
                            .map(|g| Value::Gap(*v, u32::try_from(g).unwrap_or(u32::MAX))),
                    ),
                    F::InvestmentBudget => investment
                        .budget
                        .as_ref()
                        .map_or(Value::Absent, |m| Value::Map(&m.value)),
                    F::InvestmentPlan => implementer_plan(graph, *v),
                    _ => Value::Absent,
                }
            }
            (Self::Gap(v, g), f) => {
                let Some(gap) = graph.investment(*v).and_then(|i| i.gaps.get(*g as usize)) else {
                    return Value::Absent;
                };
                match f {
                    F::GapType => word(gap.gap_type.as_ref(), crate::plan::model::GapType::as_str),
                    F::GapIndicator => text(gap.indicator.as_ref()),
                    F::GapContribution => number(gap.contribution.as_ref().map(|c| c.value)),
                    _ => Value::Absent,
                }
            }
            _ => Value::Absent,
        }
    }

    /// Where a value is written, for values that are places.
    pub(crate) fn span(&self, graph: &Graph) -> Option<Span> {
        match self {
            Self::Plan(p) => Some(graph.plan(*p).id.span),
            Self::Element(e) => Some(graph.element(*e).code.span),
            Self::Link(l) | Self::UpperLink(l) | Self::ActionLink(l) => {
                Some(graph.link(*l).reference.text.span)
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

    /// Where a field of this value is written, when it is present.
    #[expect(clippy::too_many_lines, reason = "one arm per field with a place")]
    pub(crate) fn field_span(&self, graph: &Graph, field: Field) -> Option<Span> {
        use Field as F;
        match self {
            Self::Plan(p) => {
                let plan = graph.plan(*p);
                match field {
                    F::PlanId => Some(plan.id.span),
                    F::PlanKind => Some(plan.kind.span),
                    F::PlanTitle => plan.title.as_ref().map(|t| t.span),
                    F::PlanPeriod | F::PlanYears => plan.period.map(|period| period.span),
                    F::PlanVersion => plan.version.as_ref().map(|v| v.span),
                    F::PlanStatus => plan.status.as_ref().map(|s| s.span),
                    F::PlanApproval => plan.approval.as_ref().map(|a| a.span),
                    F::PlanTechnicalReport => plan.technical_report.as_ref().map(|t| t.span),
                    F::PlanPublished => plan.published.as_ref().map(|t| t.span),
                    F::PlanUpper | F::PlanUpperLinks => plan.upper_key,
                    F::PlanParticipation => plan.participation_key,
                    F::PlanBudgetCeiling => plan.budget_ceiling.as_ref().map(|b| b.span),
                    _ => None,
                }
            }
            Self::Entity(p) => {
                let entity = &graph.plan(*p).entity;
                match field {
                    F::EntityName => entity.name.as_ref().map(|s| s.span),
                    F::EntityType => entity.entity_type.as_ref().map(|s| s.span),
                    F::EntityLevel => entity.level.as_ref().map(|s| s.span),
                    F::EntityTerritory => entity.territory.as_ref().map(|s| s.span),
                    F::EntityPliego => entity.pliego.as_ref().map(|s| s.span),
                    _ => None,
                }
            }
            Self::Approval(p) => {
                let approval = graph.plan(*p).approval.as_ref()?;
                match field {
                    F::ApprovalInstrument => approval.instrument.as_ref().map(|s| s.span),
                    F::ApprovalDate => approval.date.as_ref().map(|s| s.span),
                    _ => None,
                }
            }
            Self::Element(e) => {
                let element = graph.element(*e);
                match field {
                    F::ElementCode => Some(element.code.span),
                    F::ElementStatement => element.statement.as_ref().map(|s| s.span),
                    F::ElementPriority => element.priority.as_ref().map(|s| s.span),
                    F::ElementResponsible => element.responsible.as_ref().map(|s| s.span),
                    F::ElementTracesTo | F::ElementLinks => element.traces_to_key,
                    _ => None,
                }
            }
            Self::Indicator(i) => {
                let indicator = i.get(graph)?;
                match field {
                    F::IndicatorCode => indicator.code.as_ref().map(|s| s.span),
                    F::IndicatorName => indicator.name.as_ref().map(|s| s.span),
                    F::IndicatorUnit => indicator.unit.as_ref().map(|s| s.span),
                    F::IndicatorDirection => indicator.direction.as_ref().map(|s| s.span),
                    F::IndicatorBaseline => indicator.baseline.as_ref().map(|b| b.span),
                    F::IndicatorTargets => indicator.targets.as_ref().map(|t| t.span),
                    F::IndicatorResponsible => indicator.responsible.as_ref().map(|s| s.span),
                    F::IndicatorSource => indicator.source.as_ref().map(|s| s.span),
                    F::IndicatorMethod => indicator.method.as_ref().map(|s| s.span),
                    _ => None,
                }
            }
            Self::Baseline(i) => {
                let baseline = i.get(graph)?.baseline.as_ref()?;
                match field {
                    F::BaselineYear => baseline.year.as_ref().map(|y| y.span),
                    F::BaselineValue => baseline.value.as_ref().map(|v| v.span),
                    _ => None,
                }
            }
            Self::Activity(a) => {
                let activity = graph.activity(*a)?;
                match field {
                    F::ActivityCode => Some(activity.code.span),
                    F::ActivityName => activity.name.as_ref().map(|s| s.span),
                    F::ActivityAction | F::ActivityActionLink => {
                        activity.action.as_ref().map(|r| r.text.span)
                    }
                    F::ActivityCostCenter => activity.cost_center.as_ref().map(|s| s.span),
                    F::ActivityUnit => activity.unit.as_ref().map(|s| s.span),
                    F::ActivityPhysical => activity.physical.as_ref().map(|s| s.span),
                    F::ActivityBudget => activity.budget.as_ref().map(|s| s.span),
                    _ => None,
                }
            }
            Self::Investment(v) => {
                let investment = graph.investment(*v)?;
                match field {
                    F::InvestmentCui => Some(investment.cui.span),
                    F::InvestmentType => investment.investment_type.as_ref().map(|s| s.span),
                    F::InvestmentName => investment.name.as_ref().map(|s| s.span),
                    F::InvestmentAction | F::InvestmentActionLink => {
                        investment.action.as_ref().map(|r| r.text.span)
                    }
                    F::InvestmentGaps => investment.gaps_key,
                    F::InvestmentBudget => investment.budget.as_ref().map(|s| s.span),
                    _ => None,
                }
            }
            Self::Gap(v, g) => {
                let gap = graph.investment(*v)?.gaps.get(*g as usize)?;
                match field {
                    F::GapType => gap.gap_type.as_ref().map(|s| s.span),
                    F::GapIndicator => gap.indicator.as_ref().map(|s| s.span),
                    F::GapContribution => gap.contribution.as_ref().map(|s| s.span),
                    _ => None,
                }
            }
            Self::Link(l) | Self::UpperLink(l) | Self::ActionLink(l) => {
                let link = graph.link(*l);
                match field {
                    F::LinkWhy => link.reference.why.as_ref().map(|w| w.span),
                    _ => Some(link.reference.text.span),
                }
            }
            _ => self.span(graph),
        }
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
            | Self::Participation(p, _) => graph.plan(*p).id.value.clone(),
            Self::Element(e) => graph.element(*e).code.value.clone(),
            Self::Link(l) | Self::UpperLink(l) | Self::ActionLink(l) => {
                graph.link(*l).reference.text.value.clone()
            }
            Self::Indicator(i) | Self::Baseline(i) => i
                .get(graph)
                .and_then(|ind| ind.code.as_ref().or(ind.name.as_ref()))
                .map(|s| s.value.clone())
                .unwrap_or_default(),
            Self::Activity(a) => graph
                .activity(*a)
                .map(|x| x.code.value.clone())
                .unwrap_or_default(),
            Self::Investment(v) | Self::Gap(v, _) => graph
                .investment(*v)
                .map(|x| x.cui.value.clone())
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

fn action_target(graph: &Graph, implementer: ImplementerId) -> Value<'_> {
    match graph
        .implementer_node(implementer)
        .action
        .and_then(|l| graph.link(l).target)
    {
        Some(Target::Element(e)) => Value::Element(e),
        _ => Value::Absent,
    }
}

fn implementer_plan(graph: &Graph, implementer: ImplementerId) -> Value<'_> {
    match graph.implementer_node(implementer).place {
        ImplementerPlace::Activity(p, _) | ImplementerPlace::Investment(p, _) => Value::Plan(p),
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
