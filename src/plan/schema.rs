//! The plan format's fields, each declared once.
//!
//! One table per object (plan, entity, element, indicator…) lists its fields in order. A
//! row says everything alinea knows about a field:
//!
//! - its **key** in plan files, where the key is written (the plan header, the top of the
//!   file, the object's own mapping…) and the **Spanish names** planners may write instead
//!   (`codigo` for `code`; a key's Spanish names are declared on the first row that has the
//!   key, and every other row with the key shares them);
//! - whether the key is **required**;
//! - how the value is **read**: a member of the typed model that the loader decodes from the
//!   key by the member's Rust type (`Decode`: text, number, year, date, word, numbers by
//!   year), a member the loader decodes by hand (identities and references), a value the
//!   evaluator computes from the resolved graph (`rank`, `traced_by`), or a key the loader
//!   checks and drops (`notes`);
//! - the field's **type** in the rule language, derived from the member's Rust type
//!   (`Member::ty`) or written in the row for computed fields;
//! - where a finding about the field points, and whether reading it depends on references
//!   that may be broken (the evaluator's taint).
//!
//! Everything else derives from these tables: the loader's allowed keys for each mapping
//! and their Spanish names (`keys`, `spanish_names`), the rule language's fields and
//! their types ([`fields`]), the evaluator's accessors (`read`, `span`, `incomplete`)
//! and the field lists of the documentation. Adding a field that is stored in the model is
//! one row here plus its model member; a key nobody spells twice is caught by a test.

use std::sync::LazyLock;

use crate::dsl::ir::Root;
use crate::dsl::schema::{EnumKind, ObjType, Type};
use crate::eval::{IndicatorRef, Value};
use crate::graph::{
    ElementId, Graph, ImplementerId, ImplementerPlace, LinkId, Owner, PlanId, Target,
};
use crate::plan::load::{Decode, Decoder, Fields, What};
use crate::plan::model::{
    Activity, Approval, Baseline, Date, Direction, Element, Entity, EntityType, Ficha, Gap,
    GapType, Guide, Indicator, Investment, InvestmentType, Level, Participation, Period, Plan,
    PlanKind, Provenance, Reference, Status, Text, Unit, Version, Waiver, Word, YearMap,
};
use crate::source::{Span, Spanned};

/// Runs `$body` with `$table` bound to the table of `$object`.
macro_rules! with_table {
    ($object:expr, |$table:ident| $body:expr) => {
        match $object {
            ObjType::Plan => {
                let $table = &*PLAN;
                $body
            }
            ObjType::Entity => {
                let $table = &*ENTITY;
                $body
            }
            ObjType::Period => {
                let $table = &*PERIOD;
                $body
            }
            ObjType::Approval => {
                let $table = &*APPROVAL;
                $body
            }
            ObjType::Participation => {
                let $table = &*PARTICIPATION;
                $body
            }
            ObjType::Element => {
                let $table = &*ELEMENT;
                $body
            }
            ObjType::Link => {
                let $table = &*LINK;
                $body
            }
            ObjType::UpperLink => {
                let $table = &*UPPER_LINK;
                $body
            }
            ObjType::ActionLink => {
                let $table = &*ACTION_LINK;
                $body
            }
            ObjType::Indicator => {
                let $table = &*INDICATOR;
                $body
            }
            ObjType::Baseline => {
                let $table = &*BASELINE;
                $body
            }
            ObjType::Ficha => {
                let $table = &*FICHA;
                $body
            }
            ObjType::Activity => {
                let $table = &*ACTIVITY;
                $body
            }
            ObjType::Investment => {
                let $table = &*INVESTMENT;
                $body
            }
            ObjType::Gap => {
                let $table = &*GAP;
                $body
            }
        }
    };
}

/// The evaluator's handle to an object of a table: what a `Value::$variant` holds.
macro_rules! handle {
    ($variant:ident) => {
        |value| match value {
            Value::$variant(handle) => Some(*handle),
            _ => None,
        }
    };
    ($variant:ident, 2) => {
        |value| match value {
            Value::$variant(first, second) => Some((*first, *second)),
            _ => None,
        }
    };
}

/// A field the rule language reads, resolved once by the checker: the object and the field's
/// row in that object's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    object: ObjType,
    row: u16,
}

impl Field {
    /// The field's name as written in rules and YAML paths.
    #[must_use]
    pub fn name(self) -> &'static str {
        with_table!(self.object, |table| table
            .rows
            .get(usize::from(self.row))
            .map_or("", |row| row.meta.key))
    }

    /// The object the field belongs to.
    #[must_use]
    pub fn object(self) -> ObjType {
        self.object
    }
}

/// Where a key is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// Nowhere: the evaluator computes the field from the resolved graph.
    Derived,
    /// In the object's own mapping.
    Here,
    /// At the top of a plan file (plans only).
    Top,
    /// In the plan header (plans only).
    Header,
    /// In objectives and not in actions (elements only).
    ObjectiveOnly,
    /// In the waivers of `alinea.yaml` and not in a plan's (waivers only).
    ConfigOnly,
}

/// The mappings of a plan file (and the waivers of `alinea.yaml`), each with its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Mapping {
    /// The top of a plan file.
    PlanFile,
    /// The `plan` header.
    Header,
    /// `plan.entity`.
    Entity,
    /// `plan.period`.
    Period,
    /// `plan.approval`.
    Approval,
    /// An entry of `plan.participation`.
    Participation,
    /// An objective.
    Objective,
    /// An action.
    Action,
    /// A `traces_to` entry written as a mapping (`ref`, `why`).
    Link,
    /// An indicator.
    Indicator,
    /// An indicator's baseline.
    Baseline,
    /// A POI activity.
    Activity,
    /// A POI investment.
    Investment,
    /// A gap of an investment.
    Gap,
    /// An indicator's ficha técnica.
    Ficha,
    /// An entry of a plan's `not_transcribed`.
    NotTranscribed,
    /// A waiver in a plan.
    Waiver,
    /// A waiver in `alinea.yaml`.
    ConfigWaiver,
}

impl Mapping {
    /// Every mapping.
    pub(crate) const ALL: [Self; 18] = [
        Self::PlanFile,
        Self::Header,
        Self::Entity,
        Self::Period,
        Self::Approval,
        Self::Participation,
        Self::Objective,
        Self::Action,
        Self::Link,
        Self::Indicator,
        Self::Baseline,
        Self::Activity,
        Self::Investment,
        Self::Gap,
        Self::Ficha,
        Self::NotTranscribed,
        Self::Waiver,
        Self::ConfigWaiver,
    ];

    /// The mapping's id in the catalogues (`keys-in-plan-file`).
    pub(crate) fn id(self) -> &'static str {
        match self {
            Self::PlanFile => "plan-file",
            Self::Header => "header",
            Self::Entity => "entity",
            Self::Period => "period",
            Self::Approval => "approval",
            Self::Participation => "participation",
            Self::Objective => "objective",
            Self::Action => "action",
            Self::Link => "link",
            Self::Indicator => "indicator",
            Self::Baseline => "baseline",
            Self::Activity => "activity",
            Self::Investment => "investment",
            Self::Gap => "gap",
            Self::Ficha => "ficha",
            Self::NotTranscribed => "not-transcribed",
            Self::Waiver => "waiver",
            Self::ConfigWaiver => "config-waiver",
        }
    }

    /// The keys of the mapping, in table order.
    fn collect(self) -> Vec<&'static str> {
        let pick = |metas: &mut dyn Iterator<Item = &'static Meta>, places: &[Place]| {
            metas
                .filter(|meta| places.contains(&meta.place))
                .map(|meta| meta.key)
                .collect::<Vec<_>>()
        };
        let here = [Place::Here];
        match self {
            Self::PlanFile => pick(&mut PLAN.metas(), &[Place::Top]),
            Self::Header => pick(&mut PLAN.metas(), &[Place::Header]),
            Self::Entity => pick(&mut ENTITY.metas(), &here),
            Self::Period => pick(&mut PERIOD.metas(), &here),
            Self::Approval => pick(&mut APPROVAL.metas(), &here),
            Self::Participation => pick(&mut PARTICIPATION.metas(), &here),
            Self::Objective => pick(&mut ELEMENT.metas(), &[Place::Here, Place::ObjectiveOnly]),
            Self::Action => pick(&mut ELEMENT.metas(), &here),
            Self::Link => pick(&mut LINK.metas(), &here),
            Self::Indicator => pick(&mut INDICATOR.metas(), &here),
            Self::Baseline => pick(&mut BASELINE.metas(), &here),
            Self::Activity => pick(&mut ACTIVITY.metas(), &here),
            Self::Investment => pick(&mut INVESTMENT.metas(), &here),
            Self::Gap => pick(&mut GAP.metas(), &here),
            Self::Ficha => pick(&mut FICHA.metas(), &here),
            Self::NotTranscribed => pick(&mut NOT_TRANSCRIBED.metas(), &here),
            Self::Waiver => pick(&mut WAIVER.metas(), &here),
            Self::ConfigWaiver => pick(&mut WAIVER.metas(), &[Place::ConfigOnly, Place::Here]),
        }
    }
}

/// The keys of a mapping, in table order.
pub(crate) fn keys(mapping: Mapping) -> &'static [&'static str] {
    // Indexed by the mapping's declaration order (`Mapping::ALL` is in that order).
    static KEYS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
        Mapping::ALL
            .iter()
            .map(|mapping| mapping.collect())
            .collect()
    });
    KEYS.get(mapping as usize).map_or(&[], Vec::as_slice)
}

/// Every key of the plan format with its Spanish names (the usual one first), in table order.
pub(crate) fn spanish_names() -> &'static [(&'static str, &'static [&'static str])] {
    static NAMES: LazyLock<Vec<(&'static str, &'static [&'static str])>> = LazyLock::new(|| {
        let mut names: Vec<(&'static str, &'static [&'static str])> = Vec::new();
        for meta in all_metas().filter(|meta| meta.place != Place::Derived) {
            match names.iter_mut().find(|(key, _)| *key == meta.key) {
                Some((_, es)) if es.is_empty() => *es = meta.es,
                Some(_) => {}
                None => names.push((meta.key, meta.es)),
            }
        }
        names
    });
    &NAMES
}

/// The Spanish names of a key of the plan format (empty for keys that have none).
pub(crate) fn spanish(key: &str) -> &'static [&'static str] {
    spanish_names()
        .iter()
        .find(|(english, _)| *english == key)
        .map_or(&[], |(_, es)| es)
}

/// The fields of an object the rule language reads: name, field, type.
#[must_use]
pub fn fields(object: ObjType) -> Vec<(&'static str, Field, Type)> {
    with_table!(object, |table| table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.meta.rules)
        .map(|(index, row)| {
            let field = Field {
                object,
                row: u16::try_from(index).unwrap_or(u16::MAX),
            };
            (row.meta.key, field, row.meta.ty.clone())
        })
        .collect())
}

/// A field of an object (absent when the value is not an object of the field's kind), and
/// whether reading it depends on a broken reference (see [`Value::read`]).
pub(crate) fn read<'g>(value: &Value<'g>, graph: &'g Graph, field: Field) -> (Value<'g>, bool) {
    with_table!(field.object, |table| table.read(value, graph, field.row))
}

/// What [`read`] does for one field, worked out once (for rules compiled to closures): a
/// model member or a computed value that no broken reference can leave incomplete is read
/// without looking up the field's row and what it says at every read.
pub(crate) type Reader =
    Box<dyn for<'g> Fn(&Value<'g>, &'g Graph) -> (Value<'g>, bool) + Send + Sync>;

/// The [`Reader`] of a field.
pub(crate) fn reader(field: Field) -> Reader {
    with_table!(field.object, |table| table.reader(field.row))
}

/// Where a field of an object is written, when it is present.
pub(crate) fn span(value: &Value<'_>, graph: &Graph, field: Field) -> Option<Span> {
    with_table!(field.object, |table| table.span(value, graph, field.row))
}

/// What a row says about its field, whatever its object.
#[derive(Debug)]
pub(crate) struct Meta {
    /// The field's name in rules, its key in plan files and YAML paths.
    pub(crate) key: &'static str,
    /// Where the key is written.
    pub(crate) place: Place,
    /// The Spanish names of the key, the usual one first.
    pub(crate) es: &'static [&'static str],
    /// Whether a plan must have the key (a LOAD-02 finding when it is missing).
    pub(crate) required: bool,
    /// Whether the number may be written `ND` (no data).
    pub(crate) nd: bool,
    /// Whether rules can read the field.
    pub(crate) rules: bool,
    /// The field's type in the rule language.
    pub(crate) ty: Type,
}

/// A model member holding one value read from one key: how the rule language types it, how
/// the evaluator reads it, and where it is written.
pub(crate) trait Member {
    /// The value's type in the rule language.
    fn ty() -> Type
    where
        Self: Sized;
    /// The value, for the evaluator.
    fn value(&self) -> Value<'_>;
    /// Where it is written, when it is.
    fn span(&self) -> Option<Span>;
}

/// A member the loader decodes from its key and rules read.
pub(crate) trait Stored: Member + Decode {}
impl<T: Member + Decode> Stored for T {}

/// A value read from one key: its type and its value in the rule language.
pub(crate) trait Scalar {
    /// The type in the rule language.
    fn ty() -> Type;
    /// The value, for the evaluator.
    fn value(&self) -> Value<'_>;
}

impl Scalar for Text {
    fn ty() -> Type {
        Type::Str
    }
    fn value(&self) -> Value<'_> {
        Value::Str(self.as_str().into())
    }
}

impl Scalar for f64 {
    fn ty() -> Type {
        Type::Num
    }
    fn value(&self) -> Value<'_> {
        Value::Num(*self)
    }
}

/// A year.
impl Scalar for i32 {
    fn ty() -> Type {
        Type::Num
    }
    fn value(&self) -> Value<'_> {
        Value::Num(f64::from(*self))
    }
}

impl Scalar for Date {
    fn ty() -> Type {
        Type::Date
    }
    fn value(&self) -> Value<'_> {
        Value::Date(*self)
    }
}

impl Scalar for YearMap {
    fn ty() -> Type {
        Type::Map
    }
    fn value(&self) -> Value<'_> {
        Value::Map(self)
    }
}

/// A closed set of words rules can compare with: its set in the rule language.
pub(crate) trait RuleWord: Word {
    /// The set.
    const KIND: EnumKind;
}

/// Declares, once, which word set of the plan format is which set of the rule language:
/// the `RuleWord` impls, and [`EnumKind::words`].
macro_rules! rule_words {
    ($($word:ident),+) => {
        $(impl RuleWord for $word {
            const KIND: EnumKind = EnumKind::$word;
        })+

        impl EnumKind {
            /// Every word of the set.
            #[must_use]
            pub fn words(self) -> &'static [&'static str] {
                match self {
                    $(Self::$word => $word::WORDS,)+
                }
            }
        }
    };
}

rule_words!(
    Guide,
    PlanKind,
    EntityType,
    Level,
    Version,
    Status,
    Unit,
    Direction,
    InvestmentType,
    GapType
);

impl<W: RuleWord> Scalar for W {
    fn ty() -> Type {
        Type::Enum(W::KIND)
    }
    fn value(&self) -> Value<'_> {
        Value::Enum(self.as_str())
    }
}

/// A required value (a code, the plan's id or kind).
impl<T: Scalar> Member for Spanned<T> {
    fn ty() -> Type {
        T::ty()
    }
    fn value(&self) -> Value<'_> {
        self.value.value()
    }
    fn span(&self) -> Option<Span> {
        Some(self.span)
    }
}

/// An optional value: absent when the key is.
impl<T: Scalar> Member for Option<Spanned<T>> {
    fn ty() -> Type {
        T::ty()
    }
    fn value(&self) -> Value<'_> {
        self.as_ref().map_or(Value::Absent, |s| s.value.value())
    }
    fn span(&self) -> Option<Span> {
        self.as_ref().map(|s| s.span)
    }
}

/// An optional value kept boxed (rare in plans): read as the value it holds.
impl<T: Scalar> Member for Option<Box<Spanned<T>>> {
    fn ty() -> Type {
        T::ty()
    }
    fn value(&self) -> Value<'_> {
        self.as_deref().map_or(Value::Absent, Member::value)
    }
    fn span(&self) -> Option<Span> {
        self.as_deref().and_then(Member::span)
    }
}

type Get<M> = Box<dyn (Fn(&M) -> &dyn Member) + Send + Sync>;
type GetMut<M> = Box<dyn (Fn(&mut M) -> &mut dyn Stored) + Send + Sync>;
/// A member's value for the evaluator, read with the member's own type (no `dyn Member`).
type ValueOf<M> = Box<dyn for<'m> Fn(&'m M) -> Value<'m> + Send + Sync>;
type Compute<H> = for<'g> fn(H, &'g Graph) -> Value<'g>;
type Locate<H> = fn(H, &Graph) -> Option<Span>;
type Taint<H> = fn(H, &Graph) -> bool;
type Check = fn(&mut Decoder<'_>, &Fields<'_>, &Meta);

/// How a field's value is read.
enum Read<M, H> {
    /// A model member the loader decodes from the key.
    Stored(Get<M>, GetMut<M>, ValueOf<M>),
    /// A model member the loader decodes by hand (identities, references).
    Member(Get<M>, ValueOf<M>),
    /// Computed from the resolved graph (for keys, what the loader decoded by hand).
    Graph(Compute<H>),
    /// A key the loader checks and drops (`notes`).
    Checked(Check),
    /// A key the loader reads by hand and rules do not read (`plan`, `waivers`).
    Manual,
}

/// One field.
struct Row<M, H> {
    meta: Meta,
    read: Read<M, H>,
    locate: Option<Locate<H>>,
    taint: Option<Taint<H>>,
}

/// The fields of one object: `M` is its model, `H` the evaluator's handle to it.
pub(crate) struct Table<M: 'static, H: Copy + 'static> {
    handle: fn(&Value<'_>) -> Option<H>,
    model: for<'g> fn(H, &'g Graph) -> Option<&'g M>,
    rows: Vec<Row<M, H>>,
}

impl<M: 'static, H: Copy + 'static> Table<M, H> {
    fn new(
        handle: fn(&Value<'_>) -> Option<H>,
        model: for<'g> fn(H, &'g Graph) -> Option<&'g M>,
    ) -> Self {
        Self {
            handle,
            model,
            rows: Vec::new(),
        }
    }

    /// A field written under `key` at `place`.
    fn key(&mut self, key: &'static str, place: Place) -> Spec<'_, M, H> {
        Spec {
            table: self,
            meta: Meta {
                key,
                place,
                es: &[],
                required: false,
                nd: false,
                rules: true,
                ty: Type::Any,
            },
            locate: None,
            taint: None,
        }
    }

    /// A field computed from the graph.
    fn derived(&mut self, name: &'static str) -> Spec<'_, M, H> {
        self.key(name, Place::Derived)
    }

    fn metas(&'static self) -> impl Iterator<Item = &'static Meta> {
        self.rows.iter().map(|row| &row.meta)
    }

    /// The members the table declares at `place`, decoded from `fields` into `model`; a
    /// LOAD-02 finding for each required key that is missing and each value that does not fit.
    pub(crate) fn decode(
        &self,
        decoder: &mut Decoder,
        fields: &Fields<'_>,
        what: What<'_>,
        place: Place,
        model: &mut M,
    ) {
        for row in self.rows.iter().filter(|row| row.meta.place == place) {
            match &row.read {
                Read::Stored(_, get_mut, _) => get_mut(model).decode(decoder, fields, &row.meta),
                Read::Checked(check) => check(decoder, fields, &row.meta),
                Read::Member(..) | Read::Graph(_) | Read::Manual => continue,
            }
            if row.meta.required {
                decoder.require(fields, row.meta.key, what);
            }
        }
    }

    fn read<'g>(&self, value: &Value<'g>, graph: &'g Graph, row: u16) -> (Value<'g>, bool) {
        let (Some(handle), Some(row)) = ((self.handle)(value), self.rows.get(usize::from(row)))
        else {
            return (Value::Absent, false);
        };
        let incomplete = row.taint.is_some_and(|taint| taint(handle, graph));
        let Some(model) = (self.model)(handle, graph) else {
            return (Value::Absent, incomplete);
        };
        let value = match &row.read {
            Read::Stored(_, _, value) | Read::Member(_, value) => value(model),
            Read::Graph(compute) => compute(handle, graph),
            Read::Checked(_) | Read::Manual => Value::Absent,
        };
        (value, incomplete)
    }

    /// [`Table::read`] of one row, as a closure: a model member or a computed value that no
    /// broken reference can leave incomplete is read straight from the model or the graph;
    /// any other row through [`Table::read`].
    fn reader(&'static self, row: u16) -> Reader
    where
        M: Sync,
        H: Send + Sync,
    {
        let (handle, model) = (self.handle, self.model);
        match self.rows.get(usize::from(row)) {
            Some(Row {
                read: Read::Stored(_, _, value_of) | Read::Member(_, value_of),
                taint: None,
                ..
            }) => Box::new(move |value, graph| {
                let value = handle(value)
                    .and_then(|handle| model(handle, graph))
                    .map_or(Value::Absent, value_of);
                (value, false)
            }),
            // A value computed from the graph, for an object that is there.
            Some(Row {
                read: Read::Graph(compute),
                taint: None,
                ..
            }) => {
                let compute = *compute;
                Box::new(move |value, graph| {
                    let value = handle(value)
                        .filter(|&handle| model(handle, graph).is_some())
                        .map_or(Value::Absent, |handle| compute(handle, graph));
                    (value, false)
                })
            }
            _ => Box::new(move |value, graph| self.read(value, graph, row)),
        }
    }

    fn span(&self, value: &Value<'_>, graph: &Graph, row: u16) -> Option<Span> {
        let handle = (self.handle)(value)?;
        let row = self.rows.get(usize::from(row))?;
        if let Some(locate) = row.locate {
            return locate(handle, graph);
        }
        let model = (self.model)(handle, graph)?;
        match &row.read {
            Read::Stored(get, ..) | Read::Member(get, _) => get(model).span(),
            Read::Graph(_) | Read::Checked(_) | Read::Manual => None,
        }
    }
}

/// A row being declared.
struct Spec<'t, M: 'static, H: Copy + 'static> {
    table: &'t mut Table<M, H>,
    meta: Meta,
    locate: Option<Locate<H>>,
    taint: Option<Taint<H>>,
}

impl<M: 'static, H: Copy + 'static> Spec<'_, M, H> {
    /// The key's Spanish names, the usual one first.
    fn es(mut self, names: &'static [&'static str]) -> Self {
        self.meta.es = names;
        self
    }

    /// A plan must have the key.
    fn required(mut self) -> Self {
        self.meta.required = true;
        self
    }

    /// Rules do not read the field.
    fn hidden(mut self) -> Self {
        self.meta.rules = false;
        self
    }

    /// The number may be written `ND`.
    fn nd(mut self) -> Self {
        self.meta.nd = true;
        self
    }

    /// Where a finding about the field points (by default, where its member is written).
    fn at(mut self, locate: Locate<H>) -> Self {
        self.locate = Some(locate);
        self
    }

    /// Reading the field depends on references that may be broken.
    fn taint(mut self, taint: Taint<H>) -> Self {
        self.taint = Some(taint);
        self
    }

    fn push(self, read: Read<M, H>) {
        self.table.rows.push(Row {
            meta: self.meta,
            read,
            locate: self.locate,
            taint: self.taint,
        });
    }

    /// A model member the loader decodes from the key by its type.
    fn stored<T: Stored + 'static>(mut self, get: fn(&M) -> &T, get_mut: fn(&mut M) -> &mut T) {
        self.meta.ty = T::ty();
        self.push(Read::Stored(
            Box::new(move |model| get(model)),
            Box::new(move |model| get_mut(model)),
            Box::new(move |model| get(model).value()),
        ));
    }

    /// A model member the loader decodes by hand.
    fn member<T: Member + 'static>(mut self, get: fn(&M) -> &T) {
        self.meta.ty = T::ty();
        self.push(Read::Member(
            Box::new(move |model| get(model)),
            Box::new(move |model| get(model).value()),
        ));
    }

    /// A value computed from the graph (for a key, the loader decodes it by hand).
    fn graph(mut self, ty: Type, compute: Compute<H>) {
        self.meta.ty = ty;
        self.push(Read::Graph(compute));
    }

    /// A key the loader checks as a `T` and drops; rules do not read it.
    fn checked<T: Decode + Default>(mut self) {
        self.meta.rules = false;
        self.push(Read::Checked(|decoder, fields, meta| {
            T::default().decode(decoder, fields, meta);
        }));
    }

    /// A key the loader reads by hand; rules do not read it.
    fn manual(mut self) {
        self.meta.rules = false;
        self.push(Read::Manual);
    }
}

/// Every row's meta, of every table.
fn all_metas() -> impl Iterator<Item = &'static Meta> {
    PLAN.metas()
        .chain(ENTITY.metas())
        .chain(PERIOD.metas())
        .chain(APPROVAL.metas())
        .chain(PARTICIPATION.metas())
        .chain(ELEMENT.metas())
        .chain(LINK.metas())
        .chain(UPPER_LINK.metas())
        .chain(ACTION_LINK.metas())
        .chain(INDICATOR.metas())
        .chain(BASELINE.metas())
        .chain(FICHA.metas())
        .chain(ACTIVITY.metas())
        .chain(INVESTMENT.metas())
        .chain(GAP.metas())
        .chain(WAIVER.metas())
        .chain(NOT_TRANSCRIBED.metas())
}

// ---------------------------------------------------------------------------------------
// The tables.

use Place::{ConfigOnly, Header, Here, ObjectiveOnly, Top};

/// `provenance` and `notes`: where the data comes from and free text, accepted on an
/// object and read by no rule.
fn annotations<M: 'static, H: Copy + 'static>(t: &mut Table<M, H>) {
    t.key("provenance", Here)
        .checked::<Option<Spanned<Provenance>>>();
    t.key("notes", Here).checked::<Option<Spanned<Text>>>();
}

fn list(object: ObjType) -> Type {
    Type::list(Type::Obj(object))
}

fn values<'g>(items: impl Iterator<Item = Value<'g>>) -> Value<'g> {
    Value::List(items.collect())
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[expect(
    clippy::unnecessary_wraps,
    reason = "a `Locate`: other fields' places may be absent"
)]
fn link_text(link: LinkId, graph: &Graph) -> Option<Span> {
    Some(graph.reference(link).text.span)
}

fn element_target(link: LinkId, graph: &Graph) -> Value<'_> {
    match graph.link(link).target {
        Some(Target::Element(element)) => Value::Element(element),
        _ => Value::Absent,
    }
}

fn action_target(implementer: ImplementerId, graph: &Graph) -> Value<'_> {
    graph
        .implementer_node(implementer)
        .action
        .map_or(Value::Absent, |link| element_target(link, graph))
}

fn action_span(implementer: ImplementerId, graph: &Graph) -> Option<Span> {
    graph
        .implementer_node(implementer)
        .action
        .and_then(|link| link_text(link, graph))
}

fn action_broken(implementer: ImplementerId, graph: &Graph) -> bool {
    graph.implementer_node(implementer).incomplete_action
}

fn implementer_plan(implementer: ImplementerId, graph: &Graph) -> Value<'_> {
    match graph.implementer_node(implementer).place {
        ImplementerPlace::Activity(plan, _) | ImplementerPlace::Investment(plan, _) => {
            Value::Plan(plan)
        }
    }
}

fn objectives(plan: PlanId, graph: &Graph) -> Value<'_> {
    crate::eval::plan_list(graph, Root::Objectives, plan)
}

fn period_span(plan: PlanId, graph: &Graph) -> Option<Span> {
    graph.plan(plan).period.map(|period| period.span)
}

fn inbound_broken(element: ElementId, graph: &Graph) -> bool {
    graph.element_node(element).incomplete_inbound
        || graph
            .plan_node(graph.element_plan(element))
            .incomplete_inbound
}

pub(crate) static PLAN: LazyLock<Table<Plan, PlanId>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Plan), |p, g| Some(g.plan(p)));
    t.key("id", Header).es(&["id"]).member(|p| &p.id);
    t.key("kind", Header).es(&["tipo"]).member(|p| &p.kind);
    t.derived("rank")
        .graph(Type::Num, |p, g| Value::Num(f64::from(g.plan_node(p).rank)));
    t.key("title", Header)
        .es(&["titulo"])
        .required()
        .stored(|p| &p.title, |p| &mut p.title);
    t.key("entity", Header)
        .es(&["entidad"])
        .graph(Type::Obj(ObjType::Entity), |p, _| Value::Entity(p));
    t.key("period", Header)
        .es(&["periodo", "horizonte"])
        .at(period_span)
        .graph(Type::Obj(ObjType::Period), |p, g| {
            if g.plan(p).period.is_some() {
                Value::Period(p)
            } else {
                Value::Absent
            }
        });
    t.derived("years")
        .at(period_span)
        .graph(Type::list(Type::Num), |p, g| {
            g.plan(p).period.map_or(Value::Absent, |period| {
                values((period.start..=period.end).map(|y| Value::Num(f64::from(y))))
            })
        });
    t.key("version", Header)
        .es(&["version"])
        .stored(|p| &p.version, |p| &mut p.version);
    t.key("status", Header)
        .es(&["estado"])
        .stored(|p| &p.status, |p| &mut p.status);
    t.key("approval", Header)
        .es(&["aprobacion"])
        .at(|p, g| g.plan(p).approval.as_ref().map(|a| a.span))
        .graph(Type::Obj(ObjType::Approval), |p, g| {
            if g.plan(p).approval.is_some() {
                Value::Approval(p)
            } else {
                Value::Absent
            }
        });
    t.key("technical_report", Header)
        .es(&["informe_tecnico"])
        .stored(|p| &p.technical_report, |p| &mut p.technical_report);
    t.key("ceplan_report", Header)
        .es(&["informe_ceplan", "informe_tecnico_ceplan"])
        .stored(|p| &p.ceplan_report, |p| &mut p.ceplan_report);
    t.key("guide", Header)
        .es(&["guia"])
        .stored(|p| &p.guide, |p| &mut p.guide);
    t.key("published", Header)
        .es(&["publicado"])
        .stored(|p| &p.published, |p| &mut p.published);
    t.key("participation", Header)
        .es(&["participacion"])
        .at(|p, g| g.plan(p).participation_key)
        .graph(list(ObjType::Participation), |p, g| {
            values((0..g.plan(p).participation.len()).map(|i| Value::Participation(p, index(i))))
        });
    t.key("upper", Header)
        .es(&["superior", "planes_superiores"])
        .at(|p, g| g.plan(p).upper_key)
        .taint(|p, g| g.plan_node(p).incomplete_upper)
        .graph(list(ObjType::Plan), |p, g| {
            values(
                g.plan_node(p)
                    .upper
                    .iter()
                    .filter_map(|&l| match g.link(l).target {
                        Some(Target::Plan(up)) => Some(Value::Plan(up)),
                        _ => None,
                    }),
            )
        });
    t.derived("upper_links")
        .at(|p, g| g.plan(p).upper_key)
        .taint(|p, g| g.plan_node(p).incomplete_upper)
        .graph(list(ObjType::UpperLink), |p, g| {
            values(g.plan_node(p).upper.iter().map(|&l| Value::UpperLink(l)))
        });
    t.derived("lower")
        .taint(|p, g| g.plan_node(p).incomplete_inbound)
        .graph(list(ObjType::Plan), |p, g| {
            values(g.plan_node(p).lower.iter().map(|&l| Value::Plan(l)))
        });
    t.key("objectives", Top)
        .es(&["objetivos"])
        .graph(list(ObjType::Element), objectives);
    t.derived("actions").graph(list(ObjType::Element), |p, g| {
        crate::eval::plan_list(g, Root::Actions, p)
    });
    t.derived("indicators")
        .graph(list(ObjType::Indicator), |p, g| {
            crate::eval::plan_list(g, Root::Indicators, p)
        });
    t.key("activities", Top)
        .es(&["actividades", "actividades_operativas"])
        .graph(list(ObjType::Activity), |p, g| {
            crate::eval::plan_list(g, Root::Activities, p)
        });
    t.key("investments", Top)
        .es(&["inversiones"])
        .graph(list(ObjType::Investment), |p, g| {
            crate::eval::plan_list(g, Root::Investments, p)
        });
    t.key("budget_ceiling", Top)
        .es(&["techo_presupuestal"])
        .stored(|p| &p.budget_ceiling, |p| &mut p.budget_ceiling);
    t.derived("file")
        .graph(Type::Str, |p, g| Value::Str(g.plan(p).path.as_str().into()));
    t.key("plan", Top).es(&["plan"]).manual();
    t.key("waivers", Top).es(&["excepciones"]).manual();
    t.key("not_transcribed", Top)
        .es(&["no_transcrito", "no_transcritos"])
        .manual();
    t.key("provenance", Header)
        .es(&["procedencia"])
        .checked::<Option<Spanned<Provenance>>>();
    t.key("notes", Header)
        .es(&["notas"])
        .checked::<Option<Spanned<Text>>>();
    t
});

pub(crate) static ENTITY: LazyLock<Table<Entity, PlanId>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Entity), |p, g| Some(&g.plan(p).entity));
    t.key("name", Here)
        .es(&["nombre"])
        .required()
        .stored(|e| &e.name, |e| &mut e.name);
    t.key("type", Here)
        .es(&["tipo"])
        .required()
        .stored(|e| &e.entity_type, |e| &mut e.entity_type);
    t.key("level", Here)
        .es(&["nivel"])
        .required()
        .stored(|e| &e.level, |e| &mut e.level);
    t.key("territory", Here)
        .es(&["territorio", "ubigeo"])
        .stored(|e| &e.territory, |e| &mut e.territory);
    t.key("pliego", Here)
        .es(&["pliego"])
        .stored(|e| &e.pliego, |e| &mut e.pliego);
    t
});

pub(crate) static PERIOD: LazyLock<Table<Period, PlanId>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Period), |p, g| g.plan(p).period.as_ref());
    t.key("start", Here)
        .es(&["inicio"])
        .at(period_span)
        .graph(Type::Num, |p, g| {
            g.plan(p)
                .period
                .map_or(Value::Absent, |period| Value::Num(f64::from(period.start)))
        });
    t.key("end", Here)
        .es(&["fin"])
        .at(period_span)
        .graph(Type::Num, |p, g| {
            g.plan(p)
                .period
                .map_or(Value::Absent, |period| Value::Num(f64::from(period.end)))
        });
    t
});

pub(crate) static APPROVAL: LazyLock<Table<Approval, PlanId>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Approval), |p, g| g.plan(p).approval.as_ref());
    t.key("instrument", Here)
        .es(&["instrumento"])
        .stored(|a| &a.instrument, |a| &mut a.instrument);
    t.key("date", Here)
        .es(&["fecha"])
        .stored(|a| &a.date, |a| &mut a.date);
    t
});

pub(crate) static PARTICIPATION: LazyLock<Table<Participation, (PlanId, u32)>> =
    LazyLock::new(|| {
        let mut t = Table::new(handle!(Participation, 2), |(p, i), g| {
            g.plan(p).participation.get(i as usize)
        });
        t.key("kind", Here).stored(|r| &r.kind, |r| &mut r.kind);
        t.key("date", Here).stored(|r| &r.date, |r| &mut r.date);
        t.key("participants", Here)
            .es(&["participantes"])
            .stored(|r| &r.participants, |r| &mut r.participants);
        t.key("notes", Here).checked::<Option<Spanned<Text>>>();
        t
    });

pub(crate) static ELEMENT: LazyLock<Table<Element, ElementId>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Element), |e, g| Some(g.element(e)));
    t.key("code", Here)
        .es(&["codigo"])
        .required()
        .stored(|e| &e.code, |e| &mut e.code);
    t.key("statement", Here)
        .es(&["enunciado"])
        .stored(|e| &e.statement, |e| &mut e.statement);
    t.key("priority", Here)
        .es(&["prioridad"])
        .stored(|e| &e.priority, |e| &mut e.priority);
    t.key("responsible", Here)
        .es(&["responsable"])
        .stored(|e| &e.responsible, |e| &mut e.responsible);
    t.derived("plan").graph(Type::Obj(ObjType::Plan), |e, g| {
        Value::Plan(g.element_plan(e))
    });
    t.derived("is_action")
        .graph(Type::Bool, |e, g| Value::Bool(g.element(e).is_action));
    t.derived("siblings").graph(list(ObjType::Element), |e, g| {
        match g.element_node(e).parent {
            Some(parent) => values(
                g.element_node(parent)
                    .children
                    .iter()
                    .map(|&c| Value::Element(c)),
            ),
            None => objectives(g.element_plan(e), g),
        }
    });
    t.key("traces_to", Here)
        .es(&["articulacion", "articula_con"])
        .at(|e, g| g.element(e).traces_to_key)
        .taint(|e, g| g.element_node(e).incomplete_traces)
        .graph(list(ObjType::Element), |e, g| {
            values(g.traces(e).map(Value::Element))
        });
    t.derived("links")
        .at(|e, g| g.element(e).traces_to_key)
        .taint(|e, g| g.element_node(e).incomplete_traces)
        .graph(list(ObjType::Link), |e, g| {
            values(g.element_node(e).traces_to.iter().map(|&l| Value::Link(l)))
        });
    t.derived("traced_by")
        .taint(inbound_broken)
        .graph(list(ObjType::Element), |e, g| {
            values(
                g.element_node(e)
                    .traced_by
                    .iter()
                    .filter_map(|&l| match g.link(l).from {
                        Owner::Element(from) => Some(Value::Element(from)),
                        _ => None,
                    }),
            )
        });
    t.key("indicators", Here)
        .es(&["indicadores"])
        .graph(list(ObjType::Indicator), |e, g| {
            values(
                (0..g.element(e).indicators.len())
                    .map(|i| Value::Indicator(IndicatorRef::new(e, i))),
            )
        });
    t.key("actions", ObjectiveOnly)
        .es(&["acciones"])
        .graph(list(ObjType::Element), |e, g| {
            values(
                g.element_node(e)
                    .children
                    .iter()
                    .map(|&c| Value::Element(c)),
            )
        });
    t.derived("objective")
        .graph(Type::Obj(ObjType::Element), |e, g| {
            g.element_node(e)
                .parent
                .map_or(Value::Absent, Value::Element)
        });
    t.derived("activities")
        .taint(inbound_broken)
        .graph(list(ObjType::Activity), |e, g| {
            values(
                g.element_node(e)
                    .implemented_by
                    .iter()
                    .filter(|&&i| g.activity(i).is_some())
                    .map(|&i| Value::Activity(i)),
            )
        });
    t.derived("investments")
        .taint(inbound_broken)
        .graph(list(ObjType::Investment), |e, g| {
            values(
                g.element_node(e)
                    .implemented_by
                    .iter()
                    .filter(|&&i| g.investment(i).is_some())
                    .map(|&i| Value::Investment(i)),
            )
        });
    annotations(&mut t);
    t
});

/// A `traces_to` entry; written as a mapping (`ref`, `why`) or as its reference alone.
pub(crate) static LINK: LazyLock<Table<Reference, LinkId>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Link), |l, g| Some(g.reference(l)));
    t.key("ref", Here).es(&["referencia"]).member(|r| &r.text);
    t.key("why", Here)
        .es(&["explicacion_causal"])
        .member(|r| &r.why);
    t.derived("from")
        .at(link_text)
        .graph(Type::Obj(ObjType::Element), |l, g| match g.link(l).from {
            Owner::Element(e) => Value::Element(e),
            _ => Value::Absent,
        });
    t.derived("target")
        .at(link_text)
        .graph(Type::Obj(ObjType::Element), element_target);
    t.derived("plan")
        .at(link_text)
        .graph(Type::Obj(ObjType::Plan), |l, g| Value::Plan(g.link(l).plan));
    t
});

/// An `upper` entry.
pub(crate) static UPPER_LINK: LazyLock<Table<Reference, LinkId>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(UpperLink), |l, g| Some(g.reference(l)));
    t.derived("ref").member(|r| &r.text);
    t.derived("from")
        .at(link_text)
        .graph(Type::Obj(ObjType::Plan), |l, g| Value::Plan(g.link(l).plan));
    t.derived("target")
        .at(link_text)
        .graph(Type::Obj(ObjType::Plan), |l, g| match g.link(l).target {
            Some(Target::Plan(p)) => Value::Plan(p),
            _ => Value::Absent,
        });
    t
});

/// An activity's or investment's `action` entry.
pub(crate) static ACTION_LINK: LazyLock<Table<Reference, LinkId>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(ActionLink), |l, g| Some(g.reference(l)));
    t.derived("ref").member(|r| &r.text);
    t.derived("target")
        .at(link_text)
        .graph(Type::Obj(ObjType::Element), element_target);
    t
});

pub(crate) static INDICATOR: LazyLock<Table<Indicator, IndicatorRef>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Indicator), IndicatorRef::get);
    t.key("code", Here).stored(|i| &i.code, |i| &mut i.code);
    t.key("name", Here)
        .required()
        .stored(|i| &i.name, |i| &mut i.name);
    t.key("unit", Here)
        .es(&["unidad", "unidad_de_medida"])
        .stored(|i| &i.unit, |i| &mut i.unit);
    t.key("direction", Here)
        .es(&["sentido", "sentido_esperado"])
        .stored(|i| &i.direction, |i| &mut i.direction);
    t.key("baseline", Here)
        .es(&["linea_base"])
        .at(|i, g| {
            i.get(g)
                .and_then(|ind| ind.baseline.as_ref())
                .map(|b| b.span)
        })
        .graph(Type::Obj(ObjType::Baseline), |i, g| {
            if i.get(g).is_some_and(|ind| ind.baseline.is_some()) {
                Value::Baseline(i)
            } else {
                Value::Absent
            }
        });
    t.key("targets", Here)
        .es(&["logros", "logros_esperados"])
        .stored(|i| &i.targets, |i| &mut i.targets);
    t.key("responsible", Here)
        .stored(|i| &i.responsible, |i| &mut i.responsible);
    t.key("source", Here)
        .es(&["fuente"])
        .stored(|i| &i.source, |i| &mut i.source);
    t.key("method", Here)
        .es(&["metodo", "metodo_de_calculo"])
        .stored(|i| &i.method, |i| &mut i.method);
    t.key("ficha", Here)
        .es(&["ficha", "ficha_tecnica"])
        .at(|i, g| i.get(g).and_then(|ind| ind.ficha.as_ref()).map(|f| f.span))
        .graph(Type::Obj(ObjType::Ficha), |i, g| {
            if i.get(g).is_some_and(|ind| ind.ficha.is_some()) {
                Value::Ficha(i)
            } else {
                Value::Absent
            }
        });
    t.derived("owner")
        .graph(Type::Obj(ObjType::Element), |i, _| {
            Value::Element(i.element)
        });
    t.derived("plan").graph(Type::Obj(ObjType::Plan), |i, g| {
        Value::Plan(g.element_plan(i.element))
    });
    annotations(&mut t);
    t
});

/// A baseline: the matrix's (`Value::Baseline`) or the ficha técnica's (`Value::FichaBaseline`).
pub(crate) static BASELINE: LazyLock<Table<Baseline, (IndicatorRef, bool)>> = LazyLock::new(|| {
    let mut t = Table::new(
        |v| match v {
            Value::Baseline(i) => Some((*i, false)),
            Value::FichaBaseline(i) => Some((*i, true)),
            _ => None,
        },
        |(i, in_ficha), g| {
            let indicator = i.get(g)?;
            if in_ficha {
                indicator.ficha.as_ref()?.baseline.as_ref()
            } else {
                indicator.baseline.as_ref()
            }
        },
    );
    t.key("year", Here)
        .es(&["anio", "año"])
        .stored(|b| &b.year, |b| &mut b.year);
    t.key("value", Here)
        .es(&["valor"])
        .nd()
        .stored(|b| &b.value, |b| &mut b.value);
    t
});

/// An indicator's ficha técnica, as far as it is transcribed.
pub(crate) static FICHA: LazyLock<Table<Ficha, IndicatorRef>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Ficha), |i, g| i.get(g)?.ficha.as_deref());
    t.key("baseline", Here)
        .at(|i, g| {
            i.get(g)
                .and_then(|ind| ind.ficha.as_ref()?.baseline.as_ref())
                .map(|b| b.span)
        })
        .graph(Type::Obj(ObjType::Baseline), |i, g| {
            if i.get(g)
                .is_some_and(|ind| ind.ficha.as_ref().is_some_and(|f| f.baseline.is_some()))
            {
                Value::FichaBaseline(i)
            } else {
                Value::Absent
            }
        });
    t.key("targets", Here)
        .stored(|f| &f.targets, |f| &mut f.targets);
    t.key("direction", Here)
        .stored(|f| &f.direction, |f| &mut f.direction);
    t.key("unit", Here).stored(|f| &f.unit, |f| &mut f.unit);
    t.key("method", Here)
        .stored(|f| &f.method, |f| &mut f.method);
    t.key("justification", Here)
        .es(&["justificacion"])
        .stored(|f| &f.justification, |f| &mut f.justification);
    t.key("limitations", Here)
        .es(&["limitaciones"])
        .stored(|f| &f.limitations, |f| &mut f.limitations);
    t.key("assumptions", Here)
        .es(&["supuestos"])
        .stored(|f| &f.assumptions, |f| &mut f.assumptions);
    t.key("numerator", Here)
        .es(&["numerador"])
        .stored(|f| &f.numerator, |f| &mut f.numerator);
    t.key("denominator", Here)
        .es(&["denominador"])
        .stored(|f| &f.denominator, |f| &mut f.denominator);
    t
});

pub(crate) static ACTIVITY: LazyLock<Table<Activity, ImplementerId>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Activity), |a, g| g.activity(a));
    t.key("code", Here)
        .required()
        .stored(|a| &a.code, |a| &mut a.code);
    t.key("name", Here).stored(|a| &a.name, |a| &mut a.name);
    t.key("action", Here)
        .es(&["accion"])
        .at(action_span)
        .taint(action_broken)
        .graph(Type::Obj(ObjType::Element), action_target);
    t.derived("action_link")
        .at(action_span)
        .taint(action_broken)
        .graph(Type::Obj(ObjType::ActionLink), |a, g| {
            g.implementer_node(a)
                .action
                .map_or(Value::Absent, Value::ActionLink)
        });
    t.key("cost_center", Here)
        .es(&["centro_de_costo", "centro_costo"])
        .stored(|a| &a.cost_center, |a| &mut a.cost_center);
    t.key("unit", Here).stored(|a| &a.unit, |a| &mut a.unit);
    t.key("physical", Here)
        .es(&["metas_fisicas"])
        .stored(|a| &a.physical, |a| &mut a.physical);
    t.key("budget", Here)
        .es(&["presupuesto"])
        .stored(|a| &a.budget, |a| &mut a.budget);
    t.derived("plan")
        .graph(Type::Obj(ObjType::Plan), implementer_plan);
    annotations(&mut t);
    t
});

pub(crate) static INVESTMENT: LazyLock<Table<Investment, ImplementerId>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Investment), |i, g| g.investment(i));
    t.key("cui", Here)
        .es(&["cui"])
        .required()
        .stored(|i| &i.cui, |i| &mut i.cui);
    t.key("type", Here)
        .stored(|i| &i.investment_type, |i| &mut i.investment_type);
    t.key("name", Here).stored(|i| &i.name, |i| &mut i.name);
    t.key("action", Here)
        .at(action_span)
        .taint(action_broken)
        .graph(Type::Obj(ObjType::Element), action_target);
    t.derived("action_link")
        .at(action_span)
        .taint(action_broken)
        .graph(Type::Obj(ObjType::ActionLink), |i, g| {
            g.implementer_node(i)
                .action
                .map_or(Value::Absent, Value::ActionLink)
        });
    t.key("gaps", Here)
        .es(&["brechas"])
        .at(|i, g| g.investment(i).and_then(|investment| investment.gaps_key))
        .graph(list(ObjType::Gap), |i, g| {
            g.investment(i).map_or(Value::Absent, |investment| {
                values((0..investment.gaps.len()).map(|gap| Value::Gap(i, index(gap))))
            })
        });
    t.key("budget", Here)
        .stored(|i| &i.budget, |i| &mut i.budget);
    t.derived("plan")
        .graph(Type::Obj(ObjType::Plan), implementer_plan);
    annotations(&mut t);
    t
});

pub(crate) static GAP: LazyLock<Table<Gap, (ImplementerId, u32)>> = LazyLock::new(|| {
    let mut t = Table::new(handle!(Gap, 2), |(i, gap), g| {
        g.investment(i).and_then(|inv| inv.gaps.get(gap as usize))
    });
    t.key("type", Here)
        .stored(|g| &g.gap_type, |g| &mut g.gap_type);
    t.key("indicator", Here)
        .es(&["indicador"])
        .stored(|g| &g.indicator, |g| &mut g.indicator);
    t.key("contribution", Here)
        .es(&["contribucion"])
        .stored(|g| &g.contribution, |g| &mut g.contribution);
    t
});

/// Accepted findings: in a plan's `waivers`, and (naming their plan) in `alinea.yaml`'s.
/// Rules do not read them.
pub(crate) static WAIVER: LazyLock<Table<Waiver, ()>> = LazyLock::new(|| {
    let mut t: Table<Waiver, ()> = Table::new(|_| None, |(), _| None);
    t.key("plan", ConfigOnly)
        .required()
        .hidden()
        .stored(|w| &w.plan, |w| &mut w.plan);
    t.key("rule", Here)
        .es(&["regla"])
        .required()
        .hidden()
        .stored(|w| &w.rule, |w| &mut w.rule);
    t.key("at", Here)
        .es(&["en"])
        .hidden()
        .stored(|w| &w.at, |w| &mut w.at);
    t.key("reason", Here)
        .es(&["motivo"])
        .required()
        .hidden()
        .stored(|w| &w.reason, |w| &mut w.reason);
    t.key("until", Here)
        .es(&["hasta"])
        .required()
        .hidden()
        .stored(|w| &w.until, |w| &mut w.until);
    t
});

/// Findings about data the sources have and the transcription lacks: reported as unknown,
/// neither failing nor waived. Rules do not read them.
pub(crate) static NOT_TRANSCRIBED: LazyLock<Table<Waiver, ()>> = LazyLock::new(|| {
    let mut t: Table<Waiver, ()> = Table::new(|_| None, |(), _| None);
    t.key("rule", Here)
        .required()
        .hidden()
        .stored(|w| &w.rule, |w| &mut w.rule);
    t.key("at", Here).hidden().stored(|w| &w.at, |w| &mut w.at);
    t.key("reason", Here)
        .required()
        .hidden()
        .stored(|w| &w.reason, |w| &mut w.reason);
    t
});

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn mappings_are_listed_in_declaration_order() {
        for (index, mapping) in Mapping::ALL.iter().enumerate() {
            assert_eq!(*mapping as usize, index);
        }
    }

    #[test]
    fn a_key_has_its_spanish_names_declared_once() {
        let mut declared: HashMap<&str, &[&str]> = HashMap::new();
        for meta in all_metas().filter(|meta| !meta.es.is_empty()) {
            let earlier = declared.insert(meta.key, meta.es);
            assert!(
                earlier.is_none(),
                "the Spanish names of `{}` are declared twice",
                meta.key
            );
        }
    }

    #[test]
    fn no_spanish_name_means_two_keys_of_one_mapping() {
        for mapping in Mapping::ALL {
            let keys = keys(mapping);
            for (i, a) in keys.iter().enumerate() {
                for b in &keys[i + 1..] {
                    assert_ne!(a, b, "{mapping:?} has `{a}` twice");
                    for name in spanish(a) {
                        assert!(
                            !spanish(b).contains(name),
                            "{mapping:?}: `{name}` names both `{a}` and `{b}`"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_rule_field_has_a_type() {
        for object in ObjType::ALL {
            for (name, field, ty) in fields(object) {
                assert_ne!(ty, Type::Any, "{object:?}.{name}");
                assert_eq!(field.name(), name);
                assert_eq!(field.object(), object);
            }
        }
    }
}
