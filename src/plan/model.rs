//! The typed plan model: what a plan file means once it is read.
//!
//! Every value a user wrote keeps its span, and every mapping (plan header,
//! element, indicator, baseline…) keeps the span of the whole mapping, so that
//! a finding about an absent key can point at the nearest enclosing node that
//! exists. The model holds no YAML-library type.

use std::fmt;

pub use super::text::Text;
use crate::i18n::{Lang, unaccented};
use crate::source::{FileId, Span, Spanned};

/// Declares a closed set of words read from plan files: each value's English word (the
/// format's own, and the only one machine outputs and rules use) and, next to it, its Spanish
/// twins (`es [...]`), the first of which is how Spanish messages write the value.
macro_rules! word_enum {
    ($(#[$doc:meta])* $name:ident {
        $($(#[$vdoc:meta])* $variant:ident = $text:literal, es [$es:literal $(, $more:literal)* $(,)?]),+ $(,)?
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// Every word, in declaration order.
            pub const WORDS: &'static [&'static str] = &[$($text),+];
            /// Every value's first Spanish twin, in declaration order.
            pub const SPANISH: &'static [&'static str] = &[$($es),+];

            /// The word as written in plan files.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }

            /// Reads the word exactly as the format writes it (the rule language's spelling).
            #[must_use]
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some(Self::$variant),)+ _ => None }
            }

            /// The Spanish words that mean this value, the usual one first.
            #[must_use]
            pub fn spanish(self) -> &'static [&'static str] {
                match self { $(Self::$variant => &[$es $(, $more)*]),+ }
            }

            /// The value's word in `lang`: the English word, or the first Spanish twin.
            #[must_use]
            pub fn word(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::En => self.as_str(),
                    Lang::Es => self.spanish().first().copied().unwrap_or(self.as_str()),
                }
            }

            /// Every value's word in `lang`, in declaration order.
            #[must_use]
            pub fn words(lang: Lang) -> &'static [&'static str] {
                match lang {
                    Lang::En => Self::WORDS,
                    Lang::Es => Self::SPANISH,
                }
            }

            /// Reads the word as a plan file may write it: the English word or one of its
            /// Spanish twins, in any case, with or without accents (see [`same_word`]).
            #[must_use]
            pub fn read(text: &str) -> Option<Self> {
                // The format's own word, as written, first: almost every value is.
                Self::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str() == text)
                    .or_else(|| {
                        Self::ALL.iter().copied().find(|value| {
                            same_word(text, value.as_str())
                                || value.spanish().iter().any(|twin| same_word(text, twin))
                        })
                    })
            }
        }

        impl Word for $name {
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }

            fn read(text: &str) -> Option<Self> {
                $name::read(text)
            }

            fn words(lang: Lang) -> &'static [&'static str] {
                $name::words(lang)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A closed set of words read from plan files, declared with `word_enum!`: what the loader
/// and the field table need to read a value and name it.
pub trait Word: Copy + 'static {
    /// The format's own word.
    fn as_str(self) -> &'static str;
    /// Reads the word in either language, any case, with or without accents.
    fn read(text: &str) -> Option<Self>;
    /// Every value's word in `lang`, in declaration order.
    fn words(lang: Lang) -> &'static [&'static str];
}

/// Whether a word written in a plan file is `word`: case, accents (`número` is `numero`)
/// and the separators between words (a space, `-` or `_`, and how many) do not matter.
#[must_use]
pub fn same_word(written: &str, word: &str) -> bool {
    folded(written).eq(folded(word))
}

/// `text` lowercased, without accents, its words separated by one space.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|word| !word.is_empty())
        .enumerate()
        .flat_map(|(i, word)| {
            (i > 0)
                .then_some(' ')
                .into_iter()
                .chain(word.chars().flat_map(char::to_lowercase).map(unaccented))
        })
}

word_enum! {
    /// The kind of plan, which fixes its rank in the SINAPLAN hierarchy.
    PlanKind {
        /// Plan Estratégico de Desarrollo Nacional.
        Pedn = "pedn", es ["PEDN"],
        /// Política General de Gobierno.
        Pgg = "pgg", es ["PGG"],
        /// Política Nacional.
        Pn = "pn", es ["PN"],
        /// Plan Estratégico Sectorial Multianual.
        Pesem = "pesem", es ["PESEM"],
        /// Plan de Desarrollo Regional Concertado.
        Pdrc = "pdrc", es ["PDRC"],
        /// Plan de Desarrollo Local Concertado.
        Pdlc = "pdlc", es ["PDLC"],
        /// Plan Estratégico Institucional.
        Pei = "pei", es ["PEI"],
        /// Plan Operativo Institucional.
        Poi = "poi", es ["POI"],
    }
}

/// A placeholder while a plan header is read: a plan whose kind cannot be read is never built.
impl Default for PlanKind {
    fn default() -> Self {
        Self::Pei
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
        Ministry = "ministry", es ["ministerio"],
        /// An organismo constitucionalmente autónomo.
        Oca = "oca", es ["organismo constitucionalmente autónomo"],
        /// A regional government.
        RegionalGovernment = "regional-government", es ["gobierno regional"],
        /// A provincial or district municipality.
        Municipality = "municipality", es ["municipalidad", "municipalidad provincial", "municipalidad distrital"],
        /// A public university.
        University = "university", es ["universidad", "universidad pública"],
        /// Anything else.
        Other = "other", es ["otro", "otra"],
    }
}

word_enum! {
    /// The level of government.
    Level {
        /// National.
        National = "national", es ["nacional"],
        /// Regional (departamento).
        Regional = "regional", es ["regional"],
        /// Provincial.
        Provincial = "provincial", es ["provincial"],
        /// District.
        District = "district", es ["distrital"],
    }
}

word_enum! {
    /// How the plan came to be.
    Version {
        /// Nuevo.
        New = "new", es ["nuevo", "nueva"],
        /// Actualizado.
        Updated = "updated", es ["actualizado", "actualizada"],
        /// Ampliado.
        Extended = "extended", es ["ampliado", "ampliada"],
    }
}

word_enum! {
    /// Approval status.
    Status {
        /// Not yet approved.
        Draft = "draft", es ["borrador"],
        /// Approved by an acto resolutivo.
        Approved = "approved", es ["aprobado"],
    }
}

word_enum! {
    /// The unit of an indicator.
    Unit {
        /// Cantidad.
        Count = "count", es ["cantidad"],
        /// Número.
        Number = "number", es ["número"],
        /// Porcentaje.
        Percent = "percent", es ["porcentaje"],
        /// Ratio.
        Ratio = "ratio", es ["ratio", "razón"],
        /// Tasa.
        Rate = "rate", es ["tasa"],
        /// Índice.
        Index = "index", es ["índice"],
        /// Tasa de variación.
        RateOfChange = "rate-of-change", es ["tasa de variación"],
    }
}

word_enum! {
    /// The expected direction of an indicator (sentido esperado).
    Direction {
        /// Ascendente.
        Ascending = "ascending", es ["ascendente"],
        /// Descendente.
        Descending = "descending", es ["descendente"],
        /// No definido.
        Undefined = "undefined", es ["no definido"],
    }
}

word_enum! {
    /// Invierte.pe investment type.
    InvestmentType {
        /// Proyecto de inversión.
        Pi = "PI", es ["PI", "proyecto de inversión"],
        /// Optimización, ampliación marginal, reposición o rehabilitación.
        Ioarr = "IOARR", es ["IOARR"],
        /// Inversión de rehabilitación por desastre (IRI).
        Iri = "IRI", es ["IRI"],
    }
}

word_enum! {
    /// The kind of gap an investment closes.
    GapType {
        /// Calidad.
        Quality = "quality", es ["calidad"],
        /// Cobertura.
        Coverage = "coverage", es ["cobertura"],
    }
}

word_enum! {
    /// The CEPLAN guide whose annexes a plan follows (absent: the 2024 guide, Directiva
    /// 001-2024-CEPLAN/PCD).
    Guide {
        /// Guía para el Planeamiento Institucional of 2017 (annexes B-1, B-2, A-6).
        G2017 = "2017", es ["2017"],
        /// The 2024 guide, with the matrix of articulation with the Políticas Nacionales.
        G2024 = "2024", es ["2024"],
    }
}

word_enum! {
    /// Where a record comes from (an alinea extension for transcribed plans).
    Provenance {
        /// Read in the official source.
        Verified = "verified", es ["verificada", "verificado"],
        /// Seen in a secondary source.
        Secondary = "secondary", es ["secundaria", "secundario"],
        /// Made up for the sample.
        Synthetic = "synthetic", es ["sintética", "sintético"],
        /// Partly verified.
        Mixed = "mixed", es ["mixta", "mixto"],
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
///
/// A national repository holds about 700,000 of them, so each takes 16 bytes: the number,
/// where it is written (its file is the map's), and the year. Years are those of a plan
/// (the loader takes 1900 to 2200); a number written over more than 65,535 bytes is spanned
/// by its first 65,535.
#[derive(Clone, Debug, Default)]
pub struct YearMap {
    /// The file the numbers are written in.
    file: FileId,
    /// By year, each year once.
    entries: Box<[YearEntry]>,
}

#[derive(Clone, Copy, Debug)]
struct YearEntry {
    value: f64,
    start: u32,
    len: u16,
    year: u16,
}

impl YearEntry {
    fn year(self) -> i32 {
        i32::from(self.year)
    }
}

impl YearMap {
    /// An empty map.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a year's number in `entries` (the last one written wins, as in a map). A year
    /// outside 0 to 65,535 is not kept (no plan year is).
    fn put(file: &mut FileId, entries: &mut Vec<YearEntry>, year: i32, value: &Spanned<f64>) {
        let Ok(short) = u16::try_from(year) else {
            return;
        };
        *file = value.span.file;
        let entry = YearEntry {
            value: value.value,
            start: value.span.start,
            len: u16::try_from(value.span.end.saturating_sub(value.span.start)).unwrap_or(u16::MAX),
            year: short,
        };
        match entries.binary_search_by_key(&short, |e| e.year) {
            Ok(at) => {
                if let Some(slot) = entries.get_mut(at) {
                    *slot = entry;
                }
            }
            Err(at) => entries.insert(at, entry),
        }
    }

    /// An entry's year and number.
    fn pair(&self, entry: &YearEntry) -> (i32, Spanned<f64>) {
        (entry.year(), self.spanned(*entry))
    }

    fn spanned(&self, entry: YearEntry) -> Spanned<f64> {
        Spanned::new(
            entry.value,
            Span {
                file: self.file,
                start: entry.start,
                end: entry.start.saturating_add(u32::from(entry.len)),
            },
        )
    }

    /// A year's number.
    #[must_use]
    pub fn get(&self, year: i32) -> Option<Spanned<f64>> {
        let short = u16::try_from(year).ok()?;
        self.entries
            .binary_search_by_key(&short, |e| e.year)
            .ok()
            .and_then(|at| self.entries.get(at))
            .map(|entry| self.spanned(*entry))
    }

    /// The years and their numbers, in year order.
    pub fn iter(
        &self,
    ) -> impl DoubleEndedIterator<Item = (i32, Spanned<f64>)> + ExactSizeIterator + '_ {
        self.entries.iter().map(|entry| self.pair(entry))
    }

    /// The years, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = i32> + ExactSizeIterator + '_ {
        self.entries.iter().map(|entry| entry.year())
    }

    /// The numbers, in year order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = Spanned<f64>> + ExactSizeIterator + '_ {
        self.entries.iter().map(|entry| self.spanned(*entry))
    }

    /// How many years.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no year is given.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether the year is given.
    #[must_use]
    pub fn contains_key(&self, year: i32) -> bool {
        self.get(year).is_some()
    }

    /// The years from `years.start()` to `years.end()` and their numbers, in order.
    pub fn range(
        &self,
        years: std::ops::RangeInclusive<i32>,
    ) -> impl DoubleEndedIterator<Item = (i32, Spanned<f64>)> + '_ {
        self.iter().filter(move |(year, _)| years.contains(year))
    }

    /// The first year and its number.
    #[must_use]
    pub fn first_key_value(&self) -> Option<(i32, Spanned<f64>)> {
        self.entries.first().map(|entry| self.pair(entry))
    }

    /// The last year and its number.
    #[must_use]
    pub fn last_key_value(&self) -> Option<(i32, Spanned<f64>)> {
        self.entries.last().map(|entry| self.pair(entry))
    }
}

/// Two maps are equal when they give the same numbers for the same years, wherever they are
/// written (as [`Spanned`] values compare).
impl PartialEq for YearMap {
    fn eq(&self, other: &Self) -> bool {
        self.entries.len() == other.entries.len()
            && self
                .entries
                .iter()
                .zip(other.entries.iter())
                .all(|(a, b)| a.year == b.year && a.value == b.value)
    }
}

/// A map is built whole, from its years in the order written; a year written twice keeps
/// its last number.
impl FromIterator<(i32, Spanned<f64>)> for YearMap {
    fn from_iter<I: IntoIterator<Item = (i32, Spanned<f64>)>>(years: I) -> Self {
        let years = years.into_iter();
        let mut file = FileId::default();
        let mut entries = Vec::with_capacity(years.size_hint().0);
        for (year, value) in years {
            Self::put(&mut file, &mut entries, year, &value);
        }
        Self {
            file,
            entries: entries.into_boxed_slice(),
        }
    }
}

/// A reference to a plan (`upper`) or to an element (`traces_to`, `action`), as written.
#[derive(Clone, Debug)]
pub struct Reference {
    /// The text, `<plan id>/<code>`, a bare `<code>`, or a plan id.
    pub text: Spanned<Text>,
    /// The causal explanation (`why`), when given (boxed: few references have one).
    pub why: Option<Box<Spanned<Text>>>,
    /// Where it is written in its owner.
    pub place: RefPlace,
}

/// Where a reference is written in its owner: its list, and its position as written (the
/// path is worked out when a message needs it, not kept for each of a repository's
/// references).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RefPlace {
    /// An activity's or investment's `action`.
    #[default]
    Action,
    /// `upper[i]` of a plan.
    Upper(u32),
    /// `traces_to[i]` of an element.
    Trace(u32),
}

impl Reference {
    /// The path of the reference inside its owner (`traces_to[1]`, `upper[0]`, `action`).
    #[must_use]
    pub fn path(&self) -> String {
        self.place.path()
    }
}

impl RefPlace {
    /// The path it names inside the owner (`traces_to[1]`, `upper[0]`, `action`).
    #[must_use]
    pub fn path(self) -> String {
        match self {
            Self::Action => "action".to_owned(),
            Self::Upper(at) => format!("upper[{at}]"),
            Self::Trace(at) => format!("traces_to[{at}]"),
        }
    }
}

/// The plan header and everything under it.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// The file the plan is in.
    pub file: FileId,
    /// The file's path as shown to users (for the rules' `p.file`).
    pub path: String,
    /// The `plan` key.
    pub header: Span,
    /// The plan id.
    pub id: Spanned<Text>,
    /// The kind.
    pub kind: Spanned<PlanKind>,
    /// The title.
    pub title: Option<Spanned<Text>>,
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
    pub technical_report: Option<Spanned<Text>>,
    /// CEPLAN's informe técnico, which precedes approval.
    pub ceplan_report: Option<Spanned<Text>>,
    /// The CEPLAN guide the plan follows (absent: 2024).
    pub guide: Option<Spanned<Guide>>,
    /// The URL on the transparency portal.
    pub published: Option<Spanned<Text>>,
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
    /// Findings about data the sources have and the transcription lacks (`until` is unused).
    pub not_transcribed: Vec<Waiver>,
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
    pub name: Option<Spanned<Text>>,
    /// Type.
    pub entity_type: Option<Spanned<EntityType>>,
    /// Level of government.
    pub level: Option<Spanned<Level>>,
    /// INEI ubigeo.
    pub territory: Option<Spanned<Text>>,
    /// Budget code.
    pub pliego: Option<Spanned<Text>>,
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
#[derive(Clone, Debug, Default)]
pub struct Approval {
    /// The `approval` key.
    pub span: Span,
    /// Resolution or ordinance.
    pub instrument: Option<Spanned<Text>>,
    /// Date of the act.
    pub date: Option<Spanned<Date>>,
}

/// One participatory event.
#[derive(Clone, Debug, Default)]
pub struct Participation {
    /// Workshop, forum, consultation…
    pub kind: Option<Spanned<Text>>,
    /// When.
    pub date: Option<Spanned<Date>>,
    /// How many took part.
    pub participants: Option<Spanned<f64>>,
}

/// An objective or an action.
#[derive(Clone, Debug, Default)]
pub struct Element {
    /// The code (empty, at the element, when missing).
    pub code: Spanned<Text>,
    /// Whether this is an action (under an objective).
    pub is_action: bool,
    /// The statement.
    pub statement: Option<Spanned<Text>>,
    /// Priority in the ruta estratégica.
    pub priority: Option<Spanned<f64>>,
    /// Responsible unit.
    pub responsible: Option<Spanned<Text>>,
    /// Articulation with higher plans.
    pub traces_to: Box<[Reference]>,
    /// The `traces_to` key, when written.
    pub traces_to_key: Option<Span>,
    /// Whether a `traces_to` entry (or the key itself, misspelt) could not be decoded: a
    /// LOAD-02 finding says so, and rules that read the traces stay silent on the element.
    pub traces_broken: bool,
    /// Indicators.
    pub indicators: Box<[Indicator]>,
    /// Actions (objectives only).
    pub actions: Box<[Element]>,
    /// The element's mapping.
    pub span: Span,
    /// Its position in its list as written (`objectives`, or its objective's `actions`).
    pub at: u32,
    /// For an action, its objective's position in `objectives` as written; for an
    /// objective, `at`.
    pub objective_at: u32,
}

impl Element {
    /// The YAML path of the element in its file (`objectives[2].actions[0]`).
    #[must_use]
    pub fn path(&self) -> String {
        element_path(self.objective_at, self.is_action.then_some(self.at))
    }
}

/// The YAML path of the objective at `objective` (`objectives[2]`), or of its action at
/// `action` (`objectives[2].actions[0]`), positions as written: the loader names elements
/// by it while it reads them, and [`Element::path`] afterwards.
#[must_use]
pub fn element_path(objective: u32, action: Option<u32>) -> String {
    match action {
        Some(action) => format!("objectives[{objective}].actions[{action}]"),
        None => format!("objectives[{objective}]"),
    }
}

/// The path of the indicator at `at` inside its element (`indicators[0]`).
#[must_use]
pub fn indicator_path(at: u32) -> String {
    format!("indicators[{at}]")
}

/// A list position as the model and the graph keep it (no file holds 4 billion items: the
/// loader refuses files long before).
#[must_use]
pub fn position(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// An indicator of an objective or action.
#[derive(Clone, Debug, Default)]
pub struct Indicator {
    /// Optional code.
    pub code: Option<Spanned<Text>>,
    /// Name (required).
    pub name: Option<Spanned<Text>>,
    /// Unit.
    pub unit: Option<Spanned<Unit>>,
    /// Expected direction.
    pub direction: Option<Spanned<Direction>>,
    /// Baseline.
    pub baseline: Option<Baseline>,
    /// Targets by year.
    pub targets: Option<Spanned<YearMap>>,
    /// Responsible unit.
    pub responsible: Option<Spanned<Text>>,
    /// Data source.
    pub source: Option<Spanned<Text>>,
    /// Calculation method.
    pub method: Option<Spanned<Text>>,
    /// The ficha técnica, where it is transcribed too (boxed: most indicators have none).
    pub ficha: Option<Box<Ficha>>,
    /// The indicator's mapping.
    pub span: Span,
    /// Its position in its element's `indicators` as written.
    pub at: u32,
}

impl Indicator {
    /// The path of the indicator inside its element (`indicators[0]`).
    #[must_use]
    pub fn path(&self) -> String {
        indicator_path(self.at)
    }
}

/// A baseline; `value` is `None` for `null` or `ND`.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    /// The `baseline` value.
    pub span: Span,
    /// Year.
    pub year: Option<Spanned<i32>>,
    /// Value (absent, null and `ND` are all `None`).
    pub value: Option<Spanned<f64>>,
}

/// An indicator's ficha técnica: what it says, to compare with the matrix (IND-10).
#[derive(Clone, Debug, Default)]
pub struct Ficha {
    /// The `ficha` value.
    pub span: Span,
    /// Baseline.
    pub baseline: Option<Baseline>,
    /// Targets by year.
    pub targets: Option<Spanned<YearMap>>,
    /// Expected direction.
    pub direction: Option<Spanned<Direction>>,
    /// Unit.
    pub unit: Option<Spanned<Unit>>,
    /// Calculation method.
    pub method: Option<Spanned<Text>>,
    /// Justification.
    pub justification: Option<Spanned<Text>>,
    /// Limitations.
    pub limitations: Option<Spanned<Text>>,
    /// Assumptions.
    pub assumptions: Option<Spanned<Text>>,
    /// Numerator.
    pub numerator: Option<Spanned<Text>>,
    /// Denominator.
    pub denominator: Option<Spanned<Text>>,
}

/// A POI activity (actividad operativa).
#[derive(Clone, Debug, Default)]
pub struct Activity {
    /// Code.
    pub code: Spanned<Text>,
    /// Name.
    pub name: Option<Spanned<Text>>,
    /// The AEI it implements.
    pub action: Option<Reference>,
    /// Whether the `action` (or its key, misspelt) could not be decoded (LOAD-02).
    pub action_broken: bool,
    /// Cost centre.
    pub cost_center: Option<Spanned<Text>>,
    /// Unit of the physical targets.
    pub unit: Option<Spanned<Text>>,
    /// Physical targets by year.
    pub physical: Option<Spanned<YearMap>>,
    /// Budget by year.
    pub budget: Option<Spanned<YearMap>>,
    /// The activity's mapping.
    pub span: Span,
    /// Its position in `activities` as written (`activities[3]`).
    pub at: u32,
}

/// A POI investment.
#[derive(Clone, Debug, Default)]
pub struct Investment {
    /// Código único de inversión (empty, at the investment, when missing).
    pub cui: Spanned<Text>,
    /// PI, IOARR or IRI.
    pub investment_type: Option<Spanned<InvestmentType>>,
    /// Name.
    pub name: Option<Spanned<Text>>,
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
    /// Its position in `investments` as written (`investments[0]`).
    pub at: u32,
}

/// A gap indicator of an investment.
#[derive(Clone, Debug, Default)]
pub struct Gap {
    /// Quality or coverage.
    pub gap_type: Option<Spanned<GapType>>,
    /// The gap indicator's name.
    pub indicator: Option<Spanned<Text>>,
    /// Contribution to closing the gap.
    pub contribution: Option<Spanned<f64>>,
    /// The gap's mapping.
    pub span: Span,
}

/// An accepted finding.
#[derive(Clone, Debug, Default)]
pub struct Waiver {
    /// Rule id or slug.
    pub rule: Spanned<Text>,
    /// Element code, or none for the whole plan.
    pub at: Option<Spanned<Text>>,
    /// Why it is accepted.
    pub reason: Option<Spanned<Text>>,
    /// Last day it applies.
    pub until: Option<Spanned<Date>>,
    /// The plan it belongs to (only for waivers in the configuration).
    pub plan: Option<Spanned<Text>>,
    /// The waiver's mapping.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of a set, English and Spanish, with the value it means.
    fn words<T: Copy>(
        all: &[T],
        english: fn(T) -> &'static str,
        spanish: fn(T) -> &'static [&'static str],
    ) -> Vec<(&'static str, T)> {
        all.iter()
            .flat_map(|&value| {
                std::iter::once((english(value), value))
                    .chain(spanish(value).iter().map(move |&twin| (twin, value)))
            })
            .collect()
    }

    #[track_caller]
    fn twins_are_unambiguous<T: Copy + PartialEq + fmt::Debug>(
        all: &[T],
        english: fn(T) -> &'static str,
        spanish: fn(T) -> &'static [&'static str],
        read: fn(&str) -> Option<T>,
    ) {
        let words = words(all, english, spanish);
        for &(word, value) in &words {
            for &(other, other_value) in &words {
                assert!(
                    !same_word(word, other) || value == other_value,
                    "`{word}` and `{other}` read alike but mean {value:?} and {other_value:?}"
                );
            }
            for written in [
                word.to_owned(),
                word.to_uppercase(),
                word.to_lowercase(),
                word.replace(' ', "-"),
                word.chars().map(unaccented).collect(),
            ] {
                assert_eq!(read(&written), Some(value), "`{written}`");
            }
        }
    }

    #[test]
    fn every_word_and_twin_reads_as_its_value_in_any_case_and_accent() {
        twins_are_unambiguous(
            PlanKind::ALL,
            PlanKind::as_str,
            PlanKind::spanish,
            PlanKind::read,
        );
        twins_are_unambiguous(
            EntityType::ALL,
            EntityType::as_str,
            EntityType::spanish,
            EntityType::read,
        );
        twins_are_unambiguous(Level::ALL, Level::as_str, Level::spanish, Level::read);
        twins_are_unambiguous(
            Version::ALL,
            Version::as_str,
            Version::spanish,
            Version::read,
        );
        twins_are_unambiguous(Status::ALL, Status::as_str, Status::spanish, Status::read);
        twins_are_unambiguous(Unit::ALL, Unit::as_str, Unit::spanish, Unit::read);
        twins_are_unambiguous(
            Direction::ALL,
            Direction::as_str,
            Direction::spanish,
            Direction::read,
        );
        twins_are_unambiguous(
            InvestmentType::ALL,
            InvestmentType::as_str,
            InvestmentType::spanish,
            InvestmentType::read,
        );
        twins_are_unambiguous(
            GapType::ALL,
            GapType::as_str,
            GapType::spanish,
            GapType::read,
        );
        twins_are_unambiguous(Guide::ALL, Guide::as_str, Guide::spanish, Guide::read);
        twins_are_unambiguous(
            Provenance::ALL,
            Provenance::as_str,
            Provenance::spanish,
            Provenance::read,
        );
    }

    #[test]
    fn spanish_words_are_read_as_planners_write_them() {
        assert_eq!(Direction::read("No  Definido"), Some(Direction::Undefined));
        assert_eq!(Unit::read("numero"), Some(Unit::Number));
        assert_eq!(Unit::read("Tasa_de_Variacion"), Some(Unit::RateOfChange));
        assert_eq!(
            EntityType::read("MUNICIPALIDAD PROVINCIAL"),
            Some(EntityType::Municipality)
        );
        assert_eq!(Unit::read("km"), None);
        // The rule language keeps the format's exact words.
        assert_eq!(PlanKind::parse("PEI"), None);
        assert_eq!(PlanKind::read("PEI"), Some(PlanKind::Pei));
        assert_eq!(Unit::words(Lang::Es).len(), Unit::ALL.len());
    }

    #[test]
    fn a_year_map_keeps_each_year_once_in_order_with_its_place() {
        use crate::source::{FileId, Span, Spanned};
        let file = FileId::from_index(3);
        let at = |start: usize, end: usize| Span::new(file, start, end);
        let map: YearMap = [
            (2026, Spanned::new(7.0, at(40, 41))),
            (2024, Spanned::new(5.0, at(10, 13))),
            (2026, Spanned::new(8.5, at(50, 53))),
            (70_000, Spanned::new(1.0, at(60, 61))),
        ]
        .into_iter()
        .collect();
        assert_eq!(map.len(), 2);
        assert_eq!(map.keys().collect::<Vec<_>>(), vec![2024, 2026]);
        let last = map.get(2026).map(|v| (v.value, v.span));
        assert_eq!(last, Some((8.5, at(50, 53))));
        assert_eq!(map.get(2025), None);
        assert_eq!(
            map.first_key_value().map(|(y, v)| (y, v.span.file)),
            Some((2024, file))
        );
        // Equal numbers for equal years are equal maps, wherever they are written.
        let elsewhere: YearMap = [
            (
                2024,
                Spanned::new(5.0, Span::new(FileId::from_index(9), 0, 1)),
            ),
            (
                2026,
                Spanned::new(8.5, Span::new(FileId::from_index(9), 2, 5)),
            ),
        ]
        .into_iter()
        .collect();
        assert_eq!(map, elsewhere);
    }
}
