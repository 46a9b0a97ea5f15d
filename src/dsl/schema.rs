//! The schema rules are checked against: the types of the language, the
//! fields of each kind of object, the root collections and the enum words.

use std::fmt;

use crate::i18n::Lang;
use crate::tr;

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

impl Type {
    /// The type in words, in `lang`: `a list of numbers`, `una lista de números`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Self::Bool => tr!(lang, "dsl-type-bool"),
            Self::Num => tr!(lang, "dsl-type-num"),
            Self::Str => tr!(lang, "dsl-type-str"),
            Self::Date => tr!(lang, "dsl-type-date"),
            Self::Enum(kind) => tr!(lang, "dsl-a-word", kind = kind.key()),
            Self::Obj(obj) => tr!(lang, "dsl-an-object", object = obj.key()),
            Self::List(item) => tr!(lang, "dsl-type-list", items = item.plural(lang)),
            Self::Map => tr!(lang, "dsl-type-map"),
            Self::Any => tr!(lang, "dsl-type-any"),
        }
    }

    /// Values of the type, in the plural: `numbers`, `números`.
    fn plural(&self, lang: Lang) -> String {
        match self {
            Self::Bool => tr!(lang, "dsl-type-bools"),
            Self::Num => tr!(lang, "dsl-type-nums"),
            Self::Str => tr!(lang, "dsl-type-strs"),
            Self::Date => tr!(lang, "dsl-type-dates"),
            Self::Enum(kind) => tr!(lang, "dsl-words", kind = kind.key()),
            Self::Obj(obj) => tr!(lang, "dsl-objects", object = obj.key()),
            Self::List(inner) => tr!(lang, "dsl-type-lists", items = inner.plural(lang)),
            Self::Map => tr!(lang, "dsl-type-maps"),
            Self::Any => tr!(lang, "dsl-type-any"),
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
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
    /// `2017`, `2024`.
    Guide,
}

impl EnumKind {
    /// Every set.
    pub const ALL: [Self; 10] = [
        Self::PlanKind,
        Self::EntityType,
        Self::Level,
        Self::Version,
        Self::Status,
        Self::Unit,
        Self::Direction,
        Self::InvestmentType,
        Self::GapType,
        Self::Guide,
    ];

    /// The key of the set in the catalogues' selectors (`plan-kind`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::PlanKind => "plan-kind",
            Self::EntityType => "entity-type",
            Self::Level => "level",
            Self::Version => "version",
            Self::Status => "status",
            Self::Unit => "unit",
            Self::Direction => "direction",
            Self::InvestmentType => "investment-type",
            Self::GapType => "gap-type",
            Self::Guide => "guide",
        }
    }

    /// The name of the set in `lang`, without an article (`plan kind`, `tipo de plan`).
    #[must_use]
    pub fn name_in(self, lang: Lang) -> String {
        tr!(lang, "dsl-word-name", kind = self.key())
    }

    /// Whether messages in Spanish show the set's words in Spanish (`ascending` as
    /// `ascendente`); plan kinds and investment types are the same words in both languages.
    #[must_use]
    pub fn translated(self) -> bool {
        !matches!(self, Self::PlanKind | Self::InvestmentType | Self::Guide)
    }

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
            Self::Guide => "guide",
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
    /// An indicator's baseline (in the matrix or in its ficha técnica).
    Baseline,
    /// An indicator's ficha técnica.
    Ficha,
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
    /// The key of the object in the catalogues' selectors (`upper-link`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Plan => "plan",
            Self::Element => "element",
            Self::Link => "link",
            Self::UpperLink => "upper-link",
            Self::ActionLink => "action-link",
            Self::Indicator => "indicator",
            Self::Baseline => "baseline",
            Self::Ficha => "ficha",
            Self::Activity => "activity",
            Self::Investment => "investment",
            Self::Gap => "gap",
            Self::Entity => "entity",
            Self::Period => "period",
            Self::Approval => "approval",
            Self::Participation => "participation",
        }
    }

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
            Self::Ficha => "ficha",
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

pub use crate::plan::schema::{Field, fields};

impl ObjType {
    /// Every object type.
    pub const ALL: [Self; 15] = [
        Self::Plan,
        Self::Element,
        Self::Link,
        Self::UpperLink,
        Self::ActionLink,
        Self::Indicator,
        Self::Baseline,
        Self::Ficha,
        Self::Activity,
        Self::Investment,
        Self::Gap,
        Self::Entity,
        Self::Period,
        Self::Approval,
        Self::Participation,
    ];
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
    Year,
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
    ("year", Builtin::Year),
];

/// A word of the plan format as a message in `lang` shows it: `ascending` is `ascendente` in
/// Spanish. Words without a translation (plan kinds, `PI`) are shown as written.
#[must_use]
pub fn show_word(lang: Lang, word: &str) -> String {
    let id = format!("rules-value-{word}");
    if crate::i18n::has(lang, &id) {
        crate::i18n::text(lang, &id, &[])
    } else {
        word.to_owned()
    }
}
