//! A plan as the spreadsheet commands handle it: plain owned data, built from a workbook
//! (`import`), from the municipal catalogue (`new pei`) or from a loaded plan (`export`),
//! and written as a plan file in the format `plan::schema` declares.
//!
//! [`Draft::from_plan`] is the one place these commands read the typed plan model; every
//! key written comes from the schema's table (`key`), in English or Spanish.

use std::collections::{BTreeMap, HashMap};

use crate::i18n::Lang;
use crate::plan::model::{
    Date, Direction, EntityType, Guide, Level, Plan, PlanKind, Status, Unit, Version, YearMap,
};
use crate::plan::schema::{self, Mapping};

/// A plan being imported, created or exported.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// `plan.id`.
    pub id: Option<String>,
    /// `plan.kind`.
    pub kind: Option<PlanKind>,
    /// `plan.title`.
    pub title: Option<String>,
    /// `plan.entity`.
    pub entity: DraftEntity,
    /// `plan.period`: first and last year.
    pub period: Option<(i32, i32)>,
    /// `plan.guide`.
    pub guide: Option<Guide>,
    /// `plan.upper`.
    pub upper: Vec<String>,
    /// `plan.version`.
    pub version: Option<Version>,
    /// `plan.status`.
    pub status: Option<Status>,
    /// `plan.approval`: the instrument and its date.
    pub approval: Option<(Option<String>, Option<Date>)>,
    /// `plan.technical_report`.
    pub technical_report: Option<String>,
    /// `plan.ceplan_report`.
    pub ceplan_report: Option<String>,
    /// `plan.published`.
    pub published: Option<String>,
    /// The objectives, with their actions.
    pub objectives: Vec<DraftElement>,
    /// A POI's activities.
    pub activities: Vec<DraftActivity>,
}

/// `plan.entity`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftEntity {
    /// `name`.
    pub name: Option<String>,
    /// `type`.
    pub entity_type: Option<EntityType>,
    /// `level`.
    pub level: Option<Level>,
    /// `territory` (ubigeo).
    pub territory: Option<String>,
    /// `pliego`.
    pub pliego: Option<String>,
}

/// An objective or an action.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftElement {
    /// `code`.
    pub code: String,
    /// `statement`.
    pub statement: Option<String>,
    /// `priority`.
    pub priority: Option<f64>,
    /// `responsible`.
    pub responsible: Option<String>,
    /// `traces_to`.
    pub traces_to: Vec<DraftLink>,
    /// `indicators`.
    pub indicators: Vec<DraftIndicator>,
    /// `actions` (objectives only).
    pub actions: Vec<DraftElement>,
}

/// A `traces_to` entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftLink {
    /// `<plan id>/<code>`.
    pub target: String,
    /// The causal explanation.
    pub why: Option<String>,
}

/// A baseline's value.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Value {
    /// Not given (`null`).
    #[default]
    Null,
    /// `ND`: no data.
    Nd,
    /// A number.
    Number(f64),
}

impl Value {
    /// The number, when there is one.
    #[must_use]
    pub fn number(self) -> Option<f64> {
        match self {
            Self::Number(number) => Some(number),
            Self::Null | Self::Nd => None,
        }
    }
}

/// An indicator's baseline.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DraftBaseline {
    /// `year`.
    pub year: Option<i32>,
    /// `value`.
    pub value: Value,
}

/// An indicator.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftIndicator {
    /// `code`.
    pub code: Option<String>,
    /// `name`.
    pub name: String,
    /// `unit`.
    pub unit: Option<Unit>,
    /// `direction`.
    pub direction: Option<Direction>,
    /// `baseline`.
    pub baseline: Option<DraftBaseline>,
    /// `targets`: a year's target, `None` for one left to fill.
    pub targets: BTreeMap<i32, Option<f64>>,
    /// `responsible`.
    pub responsible: Option<String>,
    /// `source`.
    pub source: Option<String>,
    /// `method`.
    pub method: Option<String>,
    /// `ficha`.
    pub ficha: Option<DraftFicha>,
}

/// An indicator's ficha técnica.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftFicha {
    /// `baseline`.
    pub baseline: Option<DraftBaseline>,
    /// `targets`.
    pub targets: BTreeMap<i32, Option<f64>>,
    /// `direction`.
    pub direction: Option<Direction>,
    /// `unit`.
    pub unit: Option<Unit>,
    /// `method`.
    pub method: Option<String>,
    /// `justification`.
    pub justification: Option<String>,
    /// `limitations`.
    pub limitations: Option<String>,
    /// `assumptions`.
    pub assumptions: Option<String>,
    /// `numerator`.
    pub numerator: Option<String>,
    /// `denominator`.
    pub denominator: Option<String>,
}

/// A POI activity.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftActivity {
    /// `code`.
    pub code: String,
    /// `name`.
    pub name: Option<String>,
    /// `action`: `<plan id>/<code>`.
    pub action: Option<String>,
    /// `unit`.
    pub unit: Option<String>,
}

impl DraftElement {
    /// The element and its actions, in order.
    pub fn walk(&self) -> impl Iterator<Item = &DraftElement> {
        std::iter::once(self).chain(self.actions.iter())
    }
}

impl Draft {
    /// Every objective and action, each objective before its actions.
    pub fn elements(&self) -> impl Iterator<Item = &DraftElement> {
        self.objectives.iter().flat_map(DraftElement::walk)
    }

    /// The draft of a loaded plan: the one place the spreadsheet commands read the model.
    #[must_use]
    pub fn from_plan(plan: &Plan) -> Self {
        let text = |value: &Option<crate::source::Spanned<crate::plan::model::Text>>| {
            value.as_ref().map(|spanned| spanned.value.to_string())
        };
        let targets = |map: &Option<crate::source::Spanned<YearMap>>| {
            map.as_ref()
                .map(|map| {
                    map.value
                        .iter()
                        .map(|(year, value)| (year, Some(value.value)))
                        .collect()
                })
                .unwrap_or_default()
        };
        let baseline = |baseline: &Option<crate::plan::model::Baseline>| {
            baseline.as_ref().map(|baseline| DraftBaseline {
                year: baseline.year.as_ref().map(|year| year.value),
                value: baseline
                    .value
                    .as_ref()
                    .map_or(Value::Null, |value| Value::Number(value.value)),
            })
        };
        let indicator = |indicator: &crate::plan::model::Indicator| DraftIndicator {
            code: text(&indicator.code),
            name: text(&indicator.name).unwrap_or_default(),
            unit: indicator.unit.as_ref().map(|unit| unit.value),
            direction: indicator.direction.as_ref().map(|d| d.value),
            baseline: baseline(&indicator.baseline),
            targets: targets(&indicator.targets),
            responsible: text(&indicator.responsible),
            source: text(&indicator.source),
            method: text(&indicator.method),
            ficha: indicator.ficha.as_ref().map(|ficha| DraftFicha {
                baseline: baseline(&ficha.baseline),
                targets: targets(&ficha.targets),
                direction: ficha.direction.as_ref().map(|d| d.value),
                unit: ficha.unit.as_ref().map(|unit| unit.value),
                method: text(&ficha.method),
                justification: text(&ficha.justification),
                limitations: text(&ficha.limitations),
                assumptions: text(&ficha.assumptions),
                numerator: text(&ficha.numerator),
                denominator: text(&ficha.denominator),
            }),
        };
        let element = |element: &crate::plan::model::Element| DraftElement {
            code: element.code.value.to_string(),
            statement: text(&element.statement),
            priority: element.priority.as_ref().map(|p| p.value),
            responsible: text(&element.responsible),
            traces_to: element
                .traces_to
                .iter()
                .map(|link| DraftLink {
                    target: link.text.value.to_string(),
                    why: link.why.as_ref().map(|why| why.value.to_string()),
                })
                .collect(),
            indicators: element.indicators.iter().map(indicator).collect(),
            actions: Vec::new(),
        };
        Self {
            id: Some(plan.id.value.to_string()),
            kind: Some(plan.kind.value),
            title: text(&plan.title),
            entity: DraftEntity {
                name: text(&plan.entity.name),
                entity_type: plan.entity.entity_type.as_ref().map(|t| t.value),
                level: plan.entity.level.as_ref().map(|level| level.value),
                territory: text(&plan.entity.territory),
                pliego: text(&plan.entity.pliego),
            },
            period: plan
                .period
                .as_ref()
                .map(|period| (period.start, period.end)),
            guide: plan.guide.as_ref().map(|guide| guide.value),
            upper: plan
                .upper
                .iter()
                .map(|r| r.text.value.to_string())
                .collect(),
            version: plan.version.as_ref().map(|version| version.value),
            status: plan.status.as_ref().map(|status| status.value),
            approval: plan.approval.as_ref().map(|approval| {
                (
                    text(&approval.instrument),
                    approval.date.as_ref().map(|date| date.value),
                )
            }),
            technical_report: text(&plan.technical_report),
            ceplan_report: text(&plan.ceplan_report),
            published: text(&plan.published),
            objectives: plan
                .objectives
                .iter()
                .map(|objective| DraftElement {
                    actions: objective.actions.iter().map(element).collect(),
                    ..element(objective)
                })
                .collect(),
            activities: plan
                .activities
                .iter()
                .map(|activity| DraftActivity {
                    code: activity.code.value.to_string(),
                    name: text(&activity.name),
                    action: activity.action.as_ref().map(|a| a.text.value.to_string()),
                    unit: text(&activity.unit),
                })
                .collect(),
        }
    }

    /// The guide whose annexes the plan follows (absent means 2024, as in the format).
    #[must_use]
    pub fn guide_or_default(&self) -> Guide {
        self.guide.unwrap_or(Guide::G2024)
    }

    /// The plan file, with its keys in `lang`.
    #[must_use]
    pub fn to_yaml(&self, lang: Lang) -> String {
        let mut out = Writer {
            lang,
            text: String::new(),
        };
        out.line(0, &format!("{}:", key(Mapping::PlanFile, "plan", lang)));
        let header = Mapping::Header;
        out.field(1, header, "id", self.id.as_deref());
        out.field(1, header, "kind", self.kind.map(|kind| kind.word(lang)));
        out.field(1, header, "title", self.title.as_deref());
        let entity = &self.entity;
        if entity != &DraftEntity::default() {
            out.line(1, &format!("{}:", key(header, "entity", lang)));
            let mapping = Mapping::Entity;
            out.field(2, mapping, "name", entity.name.as_deref());
            out.field(2, mapping, "type", entity.entity_type.map(|t| t.word(lang)));
            out.field(2, mapping, "level", entity.level.map(|l| l.word(lang)));
            out.field(2, mapping, "territory", entity.territory.as_deref());
            out.field(2, mapping, "pliego", entity.pliego.as_deref());
        }
        if let Some((start, end)) = self.period {
            out.line(
                1,
                &format!(
                    "{}: {{{}: {start}, {}: {end}}}",
                    key(header, "period", lang),
                    key(Mapping::Period, "start", lang),
                    key(Mapping::Period, "end", lang),
                ),
            );
        }
        out.field(1, header, "version", self.version.map(|v| v.word(lang)));
        out.field(
            1,
            header,
            "status",
            self.status.map(|status| status.word(lang)),
        );
        if let Some((instrument, date)) = &self.approval {
            out.line(1, &format!("{}:", key(header, "approval", lang)));
            out.field(2, Mapping::Approval, "instrument", instrument.as_deref());
            if let Some(date) = date {
                let line = format!("{}: {date}", key(Mapping::Approval, "date", lang));
                out.line(2, &line);
            }
        }
        out.field(
            1,
            header,
            "technical_report",
            self.technical_report.as_deref(),
        );
        out.field(1, header, "ceplan_report", self.ceplan_report.as_deref());
        out.field(1, header, "guide", self.guide.map(|guide| guide.word(lang)));
        out.field(1, header, "published", self.published.as_deref());
        if !self.upper.is_empty() {
            let list: Vec<String> = self.upper.iter().map(|id| quote(id)).collect();
            out.line(
                1,
                &format!("{}: [{}]", key(header, "upper", lang), list.join(", ")),
            );
        }
        if !self.objectives.is_empty() || self.kind != Some(PlanKind::Poi) {
            out.line(0, "");
            out.list_key(
                0,
                Mapping::PlanFile,
                "objectives",
                self.objectives.is_empty(),
            );
            for objective in &self.objectives {
                out.element(objective, Mapping::Objective);
            }
        }
        if !self.activities.is_empty() {
            out.line(0, "");
            out.list_key(0, Mapping::PlanFile, "activities", false);
            for activity in &self.activities {
                let mapping = Mapping::Activity;
                out.item(1, mapping, "code", &activity.code);
                out.field(2, mapping, "name", activity.name.as_deref());
                out.field(2, mapping, "action", activity.action.as_deref());
                out.field(2, mapping, "unit", activity.unit.as_deref());
            }
        }
        out.text
    }
}

/// The key of `english` in `mapping`, in `lang`: the key itself or its usual Spanish name,
/// as the schema's table declares them.
pub(crate) fn key(mapping: Mapping, english: &'static str, lang: Lang) -> &'static str {
    debug_assert!(
        schema::keys(mapping).contains(&english),
        "`{english}` is not a key of {mapping:?}"
    );
    match lang {
        Lang::En => english,
        Lang::Es => schema::spanish(english).first().copied().unwrap_or(english),
    }
}

/// A YAML scalar for a text: always double-quoted, so that no text is read as a number, a
/// date, a boolean or a flow collection.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as the plan format writes it (`37.5`, `40`).
pub(crate) fn number(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        "null".to_owned()
    }
}

struct Writer {
    lang: Lang,
    text: String,
}

impl Writer {
    fn line(&mut self, indent: usize, line: &str) {
        if !line.is_empty() {
            self.text.push_str(&"  ".repeat(indent));
            self.text.push_str(line);
        }
        self.text.push('\n');
    }

    fn field(
        &mut self,
        indent: usize,
        mapping: Mapping,
        english: &'static str,
        value: Option<&str>,
    ) {
        if let Some(value) = value {
            let line = format!("{}: {}", key(mapping, english, self.lang), quote(value));
            self.line(indent, &line);
        }
    }

    fn list_key(&mut self, indent: usize, mapping: Mapping, english: &'static str, empty: bool) {
        let key = key(mapping, english, self.lang);
        let line = if empty {
            format!("{key}: []")
        } else {
            format!("{key}:")
        };
        self.line(indent, &line);
    }

    /// The first line of a list item: `- key: value`.
    fn item(&mut self, indent: usize, mapping: Mapping, english: &'static str, value: &str) {
        let line = format!("- {}: {}", key(mapping, english, self.lang), quote(value));
        self.line(indent, &line);
    }

    fn element(&mut self, element: &DraftElement, mapping: Mapping) {
        let lang = self.lang;
        let (first, rest) = match mapping {
            Mapping::Objective => (1, 2),
            _ => (3, 4),
        };
        self.item(first, mapping, "code", &element.code);
        self.field(rest, mapping, "statement", element.statement.as_deref());
        if let Some(priority) = element.priority {
            self.line(
                rest,
                &format!("{}: {}", key(mapping, "priority", lang), number(priority)),
            );
        }
        self.field(rest, mapping, "responsible", element.responsible.as_deref());
        if !element.traces_to.is_empty() {
            self.list_key(rest, mapping, "traces_to", false);
            for link in &element.traces_to {
                match &link.why {
                    None => self.line(rest + 1, &format!("- {}", quote(&link.target))),
                    Some(why) => self.line(
                        rest + 1,
                        &format!(
                            "- {{{}: {}, {}: {}}}",
                            key(Mapping::Link, "ref", lang),
                            quote(&link.target),
                            key(Mapping::Link, "why", lang),
                            quote(why)
                        ),
                    ),
                }
            }
        }
        self.list_key(rest, mapping, "indicators", element.indicators.is_empty());
        for indicator in &element.indicators {
            self.indicator(rest + 1, indicator);
        }
        if mapping == Mapping::Objective && !element.actions.is_empty() {
            self.list_key(rest, mapping, "actions", false);
            for action in &element.actions {
                self.element(action, Mapping::Action);
            }
        }
    }

    fn indicator(&mut self, indent: usize, indicator: &DraftIndicator) {
        let lang = self.lang;
        let mapping = Mapping::Indicator;
        self.item(indent, mapping, "name", &indicator.name);
        let rest = indent + 1;
        self.field(rest, mapping, "code", indicator.code.as_deref());
        self.field(
            rest,
            mapping,
            "unit",
            indicator.unit.map(|unit| unit.word(lang)),
        );
        self.field(
            rest,
            mapping,
            "direction",
            indicator.direction.map(|d| d.word(lang)),
        );
        self.measures(rest, mapping, indicator.baseline, &indicator.targets);
        self.field(
            rest,
            mapping,
            "responsible",
            indicator.responsible.as_deref(),
        );
        self.field(rest, mapping, "source", indicator.source.as_deref());
        self.field(rest, mapping, "method", indicator.method.as_deref());
        if let Some(ficha) = &indicator.ficha {
            self.line(rest, &format!("{}:", key(mapping, "ficha", lang)));
            let fields = Mapping::Ficha;
            let inner = rest + 1;
            self.measures(inner, fields, ficha.baseline, &ficha.targets);
            self.field(
                inner,
                fields,
                "direction",
                ficha.direction.map(|d| d.word(lang)),
            );
            self.field(
                inner,
                fields,
                "unit",
                ficha.unit.map(|unit| unit.word(lang)),
            );
            self.field(inner, fields, "method", ficha.method.as_deref());
            self.field(
                inner,
                fields,
                "justification",
                ficha.justification.as_deref(),
            );
            self.field(inner, fields, "limitations", ficha.limitations.as_deref());
            self.field(inner, fields, "assumptions", ficha.assumptions.as_deref());
            self.field(inner, fields, "numerator", ficha.numerator.as_deref());
            self.field(inner, fields, "denominator", ficha.denominator.as_deref());
        }
    }

    /// `baseline` and `targets` of an indicator or a ficha.
    fn measures(
        &mut self,
        indent: usize,
        mapping: Mapping,
        baseline: Option<DraftBaseline>,
        targets: &BTreeMap<i32, Option<f64>>,
    ) {
        let lang = self.lang;
        if let Some(baseline) = baseline {
            let year = baseline
                .year
                .map_or_else(|| "null".to_owned(), |y| y.to_string());
            let value = match baseline.value {
                Value::Null => "null".to_owned(),
                Value::Nd => "ND".to_owned(),
                Value::Number(value) => number(value),
            };
            self.line(
                indent,
                &format!(
                    "{}: {{{}: {year}, {}: {value}}}",
                    key(mapping, "baseline", lang),
                    key(Mapping::Baseline, "year", lang),
                    key(Mapping::Baseline, "value", lang),
                ),
            );
        }
        if !targets.is_empty() {
            let entries: Vec<String> = targets
                .iter()
                .map(|(year, value)| {
                    format!(
                        "{year}: {}",
                        value.map_or_else(|| "null".to_owned(), number)
                    )
                })
                .collect();
            self.line(
                indent,
                &format!(
                    "{}: {{{}}}",
                    key(mapping, "targets", lang),
                    entries.join(", ")
                ),
            );
        }
    }
}

/// What the spreadsheet commands know of the plans around a plan (its repository): each
/// plan's kind, title and period, and for each action its objective's code.
#[derive(Clone, Debug, Default)]
pub struct Known {
    plans: HashMap<String, KnownPlan>,
}

#[derive(Clone, Debug)]
struct KnownPlan {
    kind: PlanKind,
    title: Option<String>,
    period: Option<(i32, i32)>,
    actions: HashMap<String, String>,
}

impl Known {
    /// What the loaded plans say.
    pub fn new<'p>(plans: impl IntoIterator<Item = &'p Plan>) -> Self {
        let plans = plans
            .into_iter()
            .map(|plan| {
                let actions = plan
                    .objectives
                    .iter()
                    .flat_map(|objective| {
                        objective.actions.iter().map(|action| {
                            (
                                action.code.value.to_string(),
                                objective.code.value.to_string(),
                            )
                        })
                    })
                    .collect();
                let known = KnownPlan {
                    kind: plan.kind.value,
                    title: plan.title.as_ref().map(|title| title.value.to_string()),
                    period: plan
                        .period
                        .as_ref()
                        .map(|period| (period.start, period.end)),
                    actions,
                };
                (plan.id.value.to_string(), known)
            })
            .collect();
        Self { plans }
    }

    /// A plan's kind.
    pub(crate) fn kind(&self, plan: &str) -> Option<PlanKind> {
        self.plans.get(plan).map(|known| known.kind)
    }

    /// The objective of an action of `plan` (`None` for an objective or an unknown code).
    pub(crate) fn objective(&self, plan: &str, code: &str) -> Option<&str> {
        self.plans
            .get(plan)
            .and_then(|known| known.actions.get(code))
            .map(String::as_str)
    }

    /// The Política Nacional a name designates: the one `pn` plan whose title is the name or
    /// holds it (case and accents aside).
    pub(crate) fn policy(&self, name: &str) -> Option<&str> {
        let name = crate::import::layout::words(name);
        if name.is_empty() {
            return None;
        }
        let mut found = self.plans.iter().filter(|(_, known)| {
            known.kind == PlanKind::Pn
                && known.title.as_deref().is_some_and(|title| {
                    let title = crate::import::layout::words(title);
                    title == name || title.contains(&name) || name.contains(&title)
                })
        });
        match (found.next(), found.next()) {
            (Some((id, _)), None) => Some(id.as_str()),
            _ => None,
        }
    }

    /// The PGG in force when a plan starts (the one PGG of the repository when no period is
    /// given): `None` when there is none or several fit.
    pub(crate) fn pgg(&self, period: Option<(i32, i32)>) -> Option<&str> {
        let mut found = self.plans.iter().filter(|(_, known)| {
            known.kind == PlanKind::Pgg
                && match (period, known.period) {
                    (Some((start, end)), Some((from, to))) => from <= end && start <= to,
                    _ => true,
                }
        });
        match (found.next(), found.next()) {
            (Some((id, _)), None) => Some(id.as_str()),
            _ => None,
        }
    }
}
