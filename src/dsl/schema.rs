//! The schema rules are checked against: the types of the language, the
//! fields of each kind of object, the root collections and the enum words.

use std::fmt;

use crate::plan::model::{
    Direction, EntityType, GapType, InvestmentType, Level, PlanKind, Status, Unit, Version,
};

/// The type of an expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Type {
    /// `true` / `false`.
    Bool,
    /// Numbers (years too).
    Num,
    /// Text.
    Str,
    /// A calendar date.
    Date,
    /// A closed set of words.
    Enum(EnumKind),
    /// An object of the plan model.
    Obj(ObjType),
    /// A list.
    List(Box<Type>),
    /// Numbers by year (`targets`, `budget`, …).
    Map,
    /// The element type of an empty list: fits anything.
    Any,
}

impl Type {
    /// A list of `item`.
    #[must_use]
    pub fn list(item: Type) -> Self {
        Self::List(Box::new(item))
    }

    /// Whether a value of this type can stand where `other` is expected (or the reverse).
    #[must_use]
    pub fn fits(&self, other: &Type) -> bool {
        match (self, other) {
            (Self::Any, _) | (_, Self::Any) => true,
            (Self::List(a), Self::List(b)) => a.fits(b),
            (a, b) => a == b,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bool => f.write_str("a boolean"),
            Self::Num => f.write_str("a number"),
            Self::Str => f.write_str("text"),
            Self::Date => f.write_str("a date"),
            Self::Enum(kind) => write!(f, "a {}", kind.name()),
            Self::Obj(obj) => write!(f, "{} {}", article(obj.name()), obj.name()),
            Self::List(item) => write!(f, "a list of {}", plural(item)),
            Self::Map => f.write_str("a map of numbers by year"),
            Self::Any => f.write_str("anything"),
        }
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn plural(item: &Type) -> String {
    match item {
        Type::Bool => "booleans".to_owned(),
        Type::Num => "numbers".to_owned(),
        Type::Str => "texts".to_owned(),
        Type::Date => "dates".to_owned(),
        Type::Enum(kind) => format!("{}s", kind.name()),
        Type::Obj(obj) => format!("{}s", obj.name()),
        Type::List(inner) => format!("lists of {}", plural(inner)),
        Type::Map => "maps".to_owned(),
        Type::Any => "anything".to_owned(),
    }
}

/// The closed sets of words of the plan format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EnumKind {
    /// `pei`, `pdrc`, …
    PlanKind,
    /// `ministry`, …
    EntityType,
    /// `national`, …
    Level,
    /// `new`, …
    Version,
    /// `draft`, `approved`.
    Status,
    /// `percent`, …
    Unit,
    /// `ascending`, …
    Direction,
    /// `PI`, …
    InvestmentType,
    /// `quality`, `coverage`.
    GapType,
}

impl EnumKind {
    /// The name used in messages.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::PlanKind => "plan kind",
            Self::EntityType => "entity type",
            Self::Level => "level",
            Self::Version => "version",
            Self::Status => "status",
            Self::Unit => "unit",
            Self::Direction => "direction",
            Self::InvestmentType => "investment type",
            Self::GapType => "gap type",
        }
    }

    /// Every word of the set.
    #[must_use]
    pub fn words(self) -> &'static [&'static str] {
        match self {
            Self::PlanKind => PlanKind::WORDS,
            Self::EntityType => EntityType::WORDS,
            Self::Level => Level::WORDS,
            Self::Version => Version::WORDS,
            Self::Status => Status::WORDS,
            Self::Unit => Unit::WORDS,
            Self::Direction => Direction::WORDS,
            Self::InvestmentType => InvestmentType::WORDS,
            Self::GapType => GapType::WORDS,
        }
    }

    /// The set's own copy of a word, when it is one of its words.
    #[must_use]
    pub fn word(self, text: &str) -> Option<&'static str> {
        self.words().iter().copied().find(|w| *w == text)
    }
}

/// The kinds of objects rules can walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjType {
    /// A plan.
    Plan,
    /// An objective or action.
    Element,
    /// A `traces_to` entry.
    Link,
    /// An `upper` entry.
    UpperLink,
    /// An activity's or investment's `action` entry.
    ActionLink,
    /// An indicator.
    Indicator,
    /// An indicator's baseline.
    Baseline,
    /// A POI activity.
    Activity,
    /// A POI investment.
    Investment,
    /// An investment's gap indicator.
    Gap,
    /// A plan's entity.
    Entity,
    /// A plan's period.
    Period,
    /// A plan's approval.
    Approval,
    /// A participation record.
    Participation,
}

impl ObjType {
    /// The name used in messages.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Plan => "plan",
            Self::Element => "element",
            Self::Link => "link",
            Self::UpperLink => "upper link",
            Self::ActionLink => "action link",
            Self::Indicator => "indicator",
            Self::Baseline => "baseline",
            Self::Activity => "activity",
            Self::Investment => "investment",
            Self::Gap => "gap",
            Self::Entity => "entity",
            Self::Period => "period",
            Self::Approval => "approval",
            Self::Participation => "participation record",
        }
    }
}

/// Every field of every object, resolved once by the checker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[expect(
    missing_docs,
    reason = "the variants are the schema's field names, documented in docs/rule-language.md"
)]
pub enum Field {
    PlanId,
    PlanKind,
    PlanRank,
    PlanTitle,
    PlanEntity,
    PlanPeriod,
    PlanYears,
    PlanVersion,
    PlanStatus,
    PlanApproval,
    PlanTechnicalReport,
    PlanPublished,
    PlanParticipation,
    PlanUpper,
    PlanUpperLinks,
    PlanLower,
    PlanObjectives,
    PlanActions,
    PlanIndicators,
    PlanActivities,
    PlanInvestments,
    PlanBudgetCeiling,
    PlanFile,
    EntityName,
    EntityType,
    EntityLevel,
    EntityTerritory,
    EntityPliego,
    PeriodStart,
    PeriodEnd,
    ApprovalInstrument,
    ApprovalDate,
    ParticipationKind,
    ParticipationDate,
    ParticipationParticipants,
    ElementCode,
    ElementStatement,
    ElementPriority,
    ElementResponsible,
    ElementPlan,
    ElementIsAction,
    ElementSiblings,
    ElementTracesTo,
    ElementLinks,
    ElementTracedBy,
    ElementIndicators,
    ElementActions,
    ElementObjective,
    ElementActivities,
    ElementInvestments,
    LinkRef,
    LinkWhy,
    LinkFrom,
    LinkTarget,
    LinkPlan,
    UpperLinkRef,
    UpperLinkFrom,
    UpperLinkTarget,
    ActionLinkRef,
    ActionLinkTarget,
    IndicatorCode,
    IndicatorName,
    IndicatorUnit,
    IndicatorDirection,
    IndicatorBaseline,
    IndicatorTargets,
    IndicatorResponsible,
    IndicatorSource,
    IndicatorMethod,
    IndicatorOwner,
    IndicatorPlan,
    BaselineYear,
    BaselineValue,
    ActivityCode,
    ActivityName,
    ActivityAction,
    ActivityActionLink,
    ActivityCostCenter,
    ActivityUnit,
    ActivityPhysical,
    ActivityBudget,
    ActivityPlan,
    InvestmentCui,
    InvestmentType,
    InvestmentName,
    InvestmentAction,
    InvestmentActionLink,
    InvestmentGaps,
    InvestmentBudget,
    InvestmentPlan,
    GapType,
    GapIndicator,
    GapContribution,
}

impl ObjType {
    /// Every object type.
    pub const ALL: [Self; 14] = [
        Self::Plan,
        Self::Element,
        Self::Link,
        Self::UpperLink,
        Self::ActionLink,
        Self::Indicator,
        Self::Baseline,
        Self::Activity,
        Self::Investment,
        Self::Gap,
        Self::Entity,
        Self::Period,
        Self::Approval,
        Self::Participation,
    ];
}

impl Field {
    /// The field's name as written in rules and YAML paths (the table is built once).
    #[must_use]
    pub fn name(self) -> &'static str {
        static NAMES: std::sync::OnceLock<std::collections::HashMap<Field, &'static str>> =
            std::sync::OnceLock::new();
        NAMES
            .get_or_init(|| {
                ObjType::ALL
                    .iter()
                    .flat_map(|&obj| {
                        fields(obj)
                            .into_iter()
                            .map(|(name, field, _)| (field, name))
                    })
                    .collect()
            })
            .get(&self)
            .copied()
            .unwrap_or("")
    }
}

/// The fields of an object type: name, field, type.
#[must_use]
pub fn fields(obj: ObjType) -> Vec<(&'static str, Field, Type)> {
    use Field as F;
    use ObjType as O;
    use Type as T;
    let list = |o: O| T::list(T::Obj(o));
    match obj {
        O::Plan => vec![
            ("id", F::PlanId, T::Str),
            ("kind", F::PlanKind, T::Enum(EnumKind::PlanKind)),
            ("rank", F::PlanRank, T::Num),
            ("title", F::PlanTitle, T::Str),
            ("entity", F::PlanEntity, T::Obj(O::Entity)),
            ("period", F::PlanPeriod, T::Obj(O::Period)),
            ("years", F::PlanYears, T::list(T::Num)),
            ("version", F::PlanVersion, T::Enum(EnumKind::Version)),
            ("status", F::PlanStatus, T::Enum(EnumKind::Status)),
            ("approval", F::PlanApproval, T::Obj(O::Approval)),
            ("technical_report", F::PlanTechnicalReport, T::Str),
            ("published", F::PlanPublished, T::Str),
            (
                "participation",
                F::PlanParticipation,
                list(O::Participation),
            ),
            ("upper", F::PlanUpper, list(O::Plan)),
            ("upper_links", F::PlanUpperLinks, list(O::UpperLink)),
            ("lower", F::PlanLower, list(O::Plan)),
            ("objectives", F::PlanObjectives, list(O::Element)),
            ("actions", F::PlanActions, list(O::Element)),
            ("indicators", F::PlanIndicators, list(O::Indicator)),
            ("activities", F::PlanActivities, list(O::Activity)),
            ("investments", F::PlanInvestments, list(O::Investment)),
            ("budget_ceiling", F::PlanBudgetCeiling, T::Map),
            ("file", F::PlanFile, T::Str),
        ],
        O::Entity => vec![
            ("name", F::EntityName, T::Str),
            ("type", F::EntityType, T::Enum(EnumKind::EntityType)),
            ("level", F::EntityLevel, T::Enum(EnumKind::Level)),
            ("territory", F::EntityTerritory, T::Str),
            ("pliego", F::EntityPliego, T::Str),
        ],
        O::Period => vec![
            ("start", F::PeriodStart, T::Num),
            ("end", F::PeriodEnd, T::Num),
        ],
        O::Approval => vec![
            ("instrument", F::ApprovalInstrument, T::Str),
            ("date", F::ApprovalDate, T::Date),
        ],
        O::Participation => vec![
            ("kind", F::ParticipationKind, T::Str),
            ("date", F::ParticipationDate, T::Date),
            ("participants", F::ParticipationParticipants, T::Num),
        ],
        O::Element => vec![
            ("code", F::ElementCode, T::Str),
            ("statement", F::ElementStatement, T::Str),
            ("priority", F::ElementPriority, T::Num),
            ("responsible", F::ElementResponsible, T::Str),
            ("plan", F::ElementPlan, T::Obj(O::Plan)),
            ("is_action", F::ElementIsAction, T::Bool),
            ("siblings", F::ElementSiblings, list(O::Element)),
            ("traces_to", F::ElementTracesTo, list(O::Element)),
            ("links", F::ElementLinks, list(O::Link)),
            ("traced_by", F::ElementTracedBy, list(O::Element)),
            ("indicators", F::ElementIndicators, list(O::Indicator)),
            ("actions", F::ElementActions, list(O::Element)),
            ("objective", F::ElementObjective, T::Obj(O::Element)),
            ("activities", F::ElementActivities, list(O::Activity)),
            ("investments", F::ElementInvestments, list(O::Investment)),
        ],
        O::Link => vec![
            ("ref", F::LinkRef, T::Str),
            ("why", F::LinkWhy, T::Str),
            ("from", F::LinkFrom, T::Obj(O::Element)),
            ("target", F::LinkTarget, T::Obj(O::Element)),
            ("plan", F::LinkPlan, T::Obj(O::Plan)),
        ],
        O::UpperLink => vec![
            ("ref", F::UpperLinkRef, T::Str),
            ("from", F::UpperLinkFrom, T::Obj(O::Plan)),
            ("target", F::UpperLinkTarget, T::Obj(O::Plan)),
        ],
        O::ActionLink => vec![
            ("ref", F::ActionLinkRef, T::Str),
            ("target", F::ActionLinkTarget, T::Obj(O::Element)),
        ],
        O::Indicator => vec![
            ("code", F::IndicatorCode, T::Str),
            ("name", F::IndicatorName, T::Str),
            ("unit", F::IndicatorUnit, T::Enum(EnumKind::Unit)),
            (
                "direction",
                F::IndicatorDirection,
                T::Enum(EnumKind::Direction),
            ),
            ("baseline", F::IndicatorBaseline, T::Obj(O::Baseline)),
            ("targets", F::IndicatorTargets, T::Map),
            ("responsible", F::IndicatorResponsible, T::Str),
            ("source", F::IndicatorSource, T::Str),
            ("method", F::IndicatorMethod, T::Str),
            ("owner", F::IndicatorOwner, T::Obj(O::Element)),
            ("plan", F::IndicatorPlan, T::Obj(O::Plan)),
        ],
        O::Baseline => vec![
            ("year", F::BaselineYear, T::Num),
            ("value", F::BaselineValue, T::Num),
        ],
        O::Activity => vec![
            ("code", F::ActivityCode, T::Str),
            ("name", F::ActivityName, T::Str),
            ("action", F::ActivityAction, T::Obj(O::Element)),
            ("action_link", F::ActivityActionLink, T::Obj(O::ActionLink)),
            ("cost_center", F::ActivityCostCenter, T::Str),
            ("unit", F::ActivityUnit, T::Str),
            ("physical", F::ActivityPhysical, T::Map),
            ("budget", F::ActivityBudget, T::Map),
            ("plan", F::ActivityPlan, T::Obj(O::Plan)),
        ],
        O::Investment => vec![
            ("cui", F::InvestmentCui, T::Str),
            ("type", F::InvestmentType, T::Enum(EnumKind::InvestmentType)),
            ("name", F::InvestmentName, T::Str),
            ("action", F::InvestmentAction, T::Obj(O::Element)),
            (
                "action_link",
                F::InvestmentActionLink,
                T::Obj(O::ActionLink),
            ),
            ("gaps", F::InvestmentGaps, list(O::Gap)),
            ("budget", F::InvestmentBudget, T::Map),
            ("plan", F::InvestmentPlan, T::Obj(O::Plan)),
        ],
        O::Gap => vec![
            ("type", F::GapType, T::Enum(EnumKind::GapType)),
            ("indicator", F::GapIndicator, T::Str),
            ("contribution", F::GapContribution, T::Num),
        ],
    }
}

/// The root collections (`for x in objectives of pei`) and the type of their items.
#[must_use]
pub fn root(name: &str) -> Option<ObjType> {
    Some(match name {
        "plans" => ObjType::Plan,
        "objectives" | "actions" | "elements" => ObjType::Element,
        "indicators" => ObjType::Indicator,
        "activities" => ObjType::Activity,
        "investments" => ObjType::Investment,
        "links" => ObjType::Link,
        _ => return None,
    })
}

/// The built-in functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[expect(
    missing_docs,
    reason = "each variant is the function of the same name in docs/rule-language.md"
)]
pub enum Builtin {
    Exists,
    Len,
    Sum,
    Min,
    Max,
    Keys,
    Values,
    Sorted,
    First,
    Last,
    Range,
    Distinct,
    StartsWith,
    Matches,
    Lower,
    Trim,
    Split,
    Replace,
    Monotonic,
    Reaches,
    Ancestors,
    When,
}

/// Every built-in function's name.
pub const BUILTINS: &[(&str, Builtin)] = &[
    ("exists", Builtin::Exists),
    ("len", Builtin::Len),
    ("sum", Builtin::Sum),
    ("min", Builtin::Min),
    ("max", Builtin::Max),
    ("keys", Builtin::Keys),
    ("values", Builtin::Values),
    ("sorted", Builtin::Sorted),
    ("first", Builtin::First),
    ("last", Builtin::Last),
    ("range", Builtin::Range),
    ("distinct", Builtin::Distinct),
    ("starts_with", Builtin::StartsWith),
    ("matches", Builtin::Matches),
    ("lower", Builtin::Lower),
    ("trim", Builtin::Trim),
    ("split", Builtin::Split),
    ("replace", Builtin::Replace),
    ("monotonic", Builtin::Monotonic),
    ("reaches", Builtin::Reaches),
    ("ancestors", Builtin::Ancestors),
    ("when", Builtin::When),
];
