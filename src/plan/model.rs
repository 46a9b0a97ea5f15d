//! The typed plan model: what a plan file means once it is read.
//!
//! Every value a user wrote keeps its span, and every mapping (plan header,
//! element, indicator, baseline…) keeps the span of the whole mapping, so that
//! a finding about an absent key can point at the nearest enclosing node that
//! exists. The model holds no YAML-library type.

use std::collections::BTreeMap;
use std::fmt;

use crate::source::{FileId, Span, Spanned};

/// Declares a closed set of words read from plan files.
macro_rules! word_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// Every word, in declaration order.
            pub const WORDS: &'static [&'static str] = &[$($text),+];

            /// The word as written in plan files.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }

            /// Reads the word.
            #[must_use]
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some(Self::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

word_enum! {
    /// The kind of plan, which fixes its rank in the SINAPLAN hierarchy.
    PlanKind {
        /// Plan Estratégico de Desarrollo Nacional.
        Pedn = "pedn",
        /// Política General de Gobierno.
        Pgg = "pgg",
        /// Política Nacional.
        Pn = "pn",
        /// Plan Estratégico Sectorial Multianual.
        Pesem = "pesem",
        /// Plan de Desarrollo Regional Concertado.
        Pdrc = "pdrc",
        /// Plan de Desarrollo Local Concertado.
        Pdlc = "pdlc",
        /// Plan Estratégico Institucional.
        Pei = "pei",
        /// Plan Operativo Institucional.
        Poi = "poi",
    }
}

impl PlanKind {
    /// Whether plans of this kind bind everyone without an `upper` declaration.
    #[must_use]
    pub fn is_national(self) -> bool {
        matches!(self, Self::Pedn | Self::Pgg | Self::Pn)
    }
}

word_enum! {
    /// The kind of entity that owns a plan.
    EntityType {
        /// A ministry.
        Ministry = "ministry",
        /// An organismo constitucionalmente autónomo.
        Oca = "oca",
        /// A regional government.
        RegionalGovernment = "regional-government",
        /// A provincial or district municipality.
        Municipality = "municipality",
        /// A public university.
        University = "university",
        /// Anything else.
        Other = "other",
    }
}

word_enum! {
    /// The level of government.
    Level {
        /// National.
        National = "national",
        /// Regional (departamento).
        Regional = "regional",
        /// Provincial.
        Provincial = "provincial",
        /// District.
        District = "district",
    }
}

word_enum! {
    /// How the plan came to be.
    Version {
        /// Nuevo.
        New = "new",
        /// Actualizado.
        Updated = "updated",
        /// Ampliado.
        Extended = "extended",
    }
}

word_enum! {
    /// Approval status.
    Status {
        /// Not yet approved.
        Draft = "draft",
        /// Approved by an acto resolutivo.
        Approved = "approved",
    }
}

word_enum! {
    /// The unit of an indicator.
    Unit {
        /// Cantidad.
        Count = "count",
        /// Número.
        Number = "number",
        /// Porcentaje.
        Percent = "percent",
        /// Ratio.
        Ratio = "ratio",
        /// Tasa.
        Rate = "rate",
        /// Índice.
        Index = "index",
        /// Tasa de variación.
        RateOfChange = "rate-of-change",
    }
}

word_enum! {
    /// The expected direction of an indicator (sentido esperado).
    Direction {
        /// Ascendente.
        Ascending = "ascending",
        /// Descendente.
        Descending = "descending",
        /// No definido.
        Undefined = "undefined",
    }
}

word_enum! {
    /// Invierte.pe investment type.
    InvestmentType {
        /// Proyecto de inversión.
        Pi = "PI",
        /// Optimización, ampliación marginal, reposición o rehabilitación.
        Ioarr = "IOARR",
        /// Inversión de rehabilitación por desastre (IRI).
        Iri = "IRI",
    }
}

word_enum! {
    /// The kind of gap an investment closes.
    GapType {
        /// Calidad.
        Quality = "quality",
        /// Cobertura.
        Coverage = "coverage",
    }
}

word_enum! {
    /// Where a record comes from (an alinea extension for transcribed plans).
    Provenance {
        /// Read in the official source.
        Verified = "verified",
        /// Seen in a secondary source.
        Secondary = "secondary",
        /// Made up for the sample.
        Synthetic = "synthetic",
        /// Partly verified.
        Mixed = "mixed",
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day, 1..=31 (checked against the month).
    pub day: u8,
}

impl Date {
    /// Reads `YYYY-MM-DD`, checking the day against the month.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-');
        let year_text = parts.next()?;
        let month_text = parts.next()?;
        let day_text = parts.next()?;
        if year_text.len() != 4 || month_text.len() != 2 || day_text.len() != 2 {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let month: u8 = month_text.parse().ok()?;
        let day: u8 = day_text.parse().ok()?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Self { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Numbers by year (`targets`, `budget`, `physical`, `budget_ceiling`).
pub type YearMap = BTreeMap<i32, Spanned<f64>>;

/// A reference to a plan (`upper`) or to an element (`traces_to`, `action`), as written.
#[derive(Clone, Debug)]
pub struct Reference {
    /// The text, `<plan id>/<code>`, a bare `<code>`, or a plan id.
    pub text: Spanned<String>,
    /// The causal explanation (`why`), when given.
    pub why: Option<Spanned<String>>,
    /// The path of the reference inside its element (`traces_to[1]`).
    pub path: String,
}

/// The plan header and everything under it.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The file the plan is in.
    pub file: FileId,
    /// The file's path as shown to users (for the rules' `p.file`).
    pub path: String,
    /// The `plan` key.
    pub header: Span,
    /// The plan id.
    pub id: Spanned<String>,
    /// The kind.
    pub kind: Spanned<PlanKind>,
    /// The title.
    pub title: Option<Spanned<String>>,
    /// The owning entity.
    pub entity: Entity,
    /// Start and end years, when both were readable.
    pub period: Option<Period>,
    /// New, updated or extended.
    pub version: Option<Spanned<Version>>,
    /// Draft or approved.
    pub status: Option<Spanned<Status>>,
    /// The approving act.
    pub approval: Option<Approval>,
    /// The technical report.
    pub technical_report: Option<Spanned<String>>,
    /// The URL on the transparency portal.
    pub published: Option<Spanned<String>>,
    /// The plans this plan articulates with directly.
    pub upper: Vec<Reference>,
    /// The `upper` key, when written.
    pub upper_key: Option<Span>,
    /// Whether an `upper` entry (or the key itself, misspelt) could not be decoded (LOAD-02).
    pub upper_broken: bool,
    /// Participatory process records.
    pub participation: Vec<Participation>,
    /// The `participation` key, when written.
    pub participation_key: Option<Span>,
    /// Where the header's data comes from.
    pub provenance: Option<Spanned<Provenance>>,
    /// Objectives (with their actions).
    pub objectives: Vec<Element>,
    /// POI budget ceilings by year.
    pub budget_ceiling: Option<Spanned<YearMap>>,
    /// POI activities.
    pub activities: Vec<Activity>,
    /// POI investments.
    pub investments: Vec<Investment>,
    /// Accepted findings.
    pub waivers: Vec<Waiver>,
}

impl Plan {
    /// Every objective and action, objectives first in document order, each followed by its actions.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.objectives
            .iter()
            .flat_map(|objective| std::iter::once(objective).chain(objective.actions.iter()))
    }
}

/// The entity that owns a plan.
#[derive(Clone, Debug, Default)]
pub struct Entity {
    /// Name.
    pub name: Option<Spanned<String>>,
    /// Type.
    pub entity_type: Option<Spanned<EntityType>>,
    /// Level of government.
    pub level: Option<Spanned<Level>>,
    /// INEI ubigeo.
    pub territory: Option<Spanned<String>>,
    /// Budget code.
    pub pliego: Option<Spanned<String>>,
}

/// A plan's horizon, whole years inclusive.
#[derive(Clone, Copy, Debug)]
pub struct Period {
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
    /// The `period` value.
    pub span: Span,
}

/// An approving act.
#[derive(Clone, Debug)]
pub struct Approval {
    /// The `approval` key.
    pub span: Span,
    /// Resolution or ordinance.
    pub instrument: Option<Spanned<String>>,
    /// Date of the act.
    pub date: Option<Spanned<Date>>,
}

/// One participatory event.
#[derive(Clone, Debug)]
pub struct Participation {
    /// Workshop, forum, consultation…
    pub kind: Option<Spanned<String>>,
    /// When.
    pub date: Option<Spanned<Date>>,
    /// How many took part.
    pub participants: Option<Spanned<f64>>,
}

/// An objective or an action.
#[derive(Clone, Debug)]
pub struct Element {
    /// The code (empty, at the element, when missing).
    pub code: Spanned<String>,
    /// Whether this is an action (under an objective).
    pub is_action: bool,
    /// The statement.
    pub statement: Option<Spanned<String>>,
    /// Priority in the ruta estratégica.
    pub priority: Option<Spanned<f64>>,
    /// Responsible unit.
    pub responsible: Option<Spanned<String>>,
    /// Articulation with higher plans.
    pub traces_to: Vec<Reference>,
    /// The `traces_to` key, when written.
    pub traces_to_key: Option<Span>,
    /// Whether a `traces_to` entry (or the key itself, misspelt) could not be decoded: a
    /// LOAD-02 finding says so, and rules that read the traces stay silent on the element.
    pub traces_broken: bool,
    /// Indicators.
    pub indicators: Vec<Indicator>,
    /// Actions (objectives only).
    pub actions: Vec<Element>,
    /// The element's mapping.
    pub span: Span,
    /// YAML path of the element in its file (`objectives[2].actions[0]`).
    pub path: String,
}

/// An indicator of an objective or action.
#[derive(Clone, Debug)]
pub struct Indicator {
    /// Optional code.
    pub code: Option<Spanned<String>>,
    /// Name (required).
    pub name: Option<Spanned<String>>,
    /// Unit.
    pub unit: Option<Spanned<Unit>>,
    /// Expected direction.
    pub direction: Option<Spanned<Direction>>,
    /// Baseline.
    pub baseline: Option<Baseline>,
    /// Targets by year.
    pub targets: Option<Spanned<YearMap>>,
    /// Responsible unit.
    pub responsible: Option<Spanned<String>>,
    /// Data source.
    pub source: Option<Spanned<String>>,
    /// Calculation method.
    pub method: Option<Spanned<String>>,
    /// The indicator's mapping.
    pub span: Span,
    /// Path inside the owning element (`indicators[0]`).
    pub path: String,
}

/// A baseline; `value` is `None` for `null` or `ND`.
#[derive(Clone, Debug)]
pub struct Baseline {
    /// The `baseline` value.
    pub span: Span,
    /// Year.
    pub year: Option<Spanned<i32>>,
    /// Value (absent, null and `ND` are all `None`).
    pub value: Option<Spanned<f64>>,
}

/// A POI activity (actividad operativa).
#[derive(Clone, Debug)]
pub struct Activity {
    /// Code.
    pub code: Spanned<String>,
    /// Name.
    pub name: Option<Spanned<String>>,
    /// The AEI it implements.
    pub action: Option<Reference>,
    /// Whether the `action` (or its key, misspelt) could not be decoded (LOAD-02).
    pub action_broken: bool,
    /// Cost centre.
    pub cost_center: Option<Spanned<String>>,
    /// Unit of the physical targets.
    pub unit: Option<Spanned<String>>,
    /// Physical targets by year.
    pub physical: Option<Spanned<YearMap>>,
    /// Budget by year.
    pub budget: Option<Spanned<YearMap>>,
    /// The activity's mapping.
    pub span: Span,
    /// YAML path (`activities[3]`).
    pub path: String,
}

/// A POI investment.
#[derive(Clone, Debug)]
pub struct Investment {
    /// Código único de inversión (empty, at the investment, when missing).
    pub cui: Spanned<String>,
    /// PI, IOARR or IRI.
    pub investment_type: Option<Spanned<InvestmentType>>,
    /// Name.
    pub name: Option<Spanned<String>>,
    /// The AEI it implements.
    pub action: Option<Reference>,
    /// Whether the `action` (or its key, misspelt) could not be decoded (LOAD-02).
    pub action_broken: bool,
    /// Gap indicators.
    pub gaps: Vec<Gap>,
    /// The `gaps` key, when written.
    pub gaps_key: Option<Span>,
    /// Budget by year.
    pub budget: Option<Spanned<YearMap>>,
    /// The investment's mapping.
    pub span: Span,
    /// YAML path (`investments[0]`).
    pub path: String,
}

/// A gap indicator of an investment.
#[derive(Clone, Debug)]
pub struct Gap {
    /// Quality or coverage.
    pub gap_type: Option<Spanned<GapType>>,
    /// The gap indicator's name.
    pub indicator: Option<Spanned<String>>,
    /// Contribution to closing the gap.
    pub contribution: Option<Spanned<f64>>,
    /// The gap's mapping.
    pub span: Span,
}

/// An accepted finding.
#[derive(Clone, Debug)]
pub struct Waiver {
    /// Rule id or slug.
    pub rule: Spanned<String>,
    /// Element code, or none for the whole plan.
    pub at: Option<Spanned<String>>,
    /// Why it is accepted.
    pub reason: Option<Spanned<String>>,
    /// Last day it applies.
    pub until: Option<Spanned<Date>>,
    /// The plan it belongs to (only for waivers in the configuration).
    pub plan: Option<Spanned<String>>,
    /// The waiver's mapping.
    pub span: Span,
}
