//! The spanned YAML tree → the typed [`Plan`], with a LOAD-02 finding for
//! every key or value that does not fit the format, and the run going on.

use crate::i18n::Lang;
use crate::plan::model::{
    Activity, Approval, Baseline, Date, Element, Entity, Gap, Indicator, Investment, Participation,
    Period, Plan, PlanKind, Provenance, Reference, Waiver, YearMap,
};
use crate::plan::yaml::{Document, Entry, Node, Plain, Value};
use crate::plan::{LOAD_02, PlanFile};
use crate::report::Finding;
use crate::source::{FileId, Span, Spanned};
use crate::suggest::did_you_mean;
use crate::tr;

/// Reads the plan in a parsed document, or says that the file is not a plan.
///
/// A file is a plan when its top-level mapping has `plan`. A file that looks like a plan
/// without being one (a top-level key near `plan`, such as `Plan` or `plna`, or plan
/// content such as `objectives` without a `plan` header), and any file named on the
/// command line (`explicit`), is reported (LOAD-02) instead of skipped: nothing passes
/// silently.
pub(crate) fn decode(file: FileId, document: &Document, explicit: bool, lang: Lang) -> PlanFile {
    let entries = document.root.as_ref().and_then(Node::as_map);
    let header = entries.and_then(|entries| entries.iter().find(|e| e.key.value == "plan"));
    let Some(root) = &document.root else {
        return not_a_plan(file, document, explicit, lang);
    };
    let Some(header) = header else {
        return not_a_plan(file, document, explicit, lang);
    };
    let mut decoder = Decoder::new(file, document, lang);
    for span in &document.complex_keys {
        decoder.error(
            *span,
            "a mapping key must be plain text",
            "this key is a list or a mapping",
            None,
            "",
        );
    }
    if let Some(span) = document.extra_document {
        decoder.error(
            span,
            "a plan file holds one YAML document",
            "a second document starts here",
            Some("move the second document to a file of its own"),
            "",
        );
    }
    let plan = decoder.plan(root, header);
    let mut findings = decoder.findings;
    if let Some(plan) = &plan {
        for finding in &mut findings {
            finding.plan.clone_from(&plan.id.value);
        }
    }
    PlanFile::Plan {
        plan: plan.map(Box::new),
        findings,
    }
}

/// Top-level keys only a plan has (`waivers` is shared with alinea.yaml).
const CONTENT: &[&str] = &["objectives", "activities", "investments", "budget_ceiling"];

/// A file without a `plan` header: skipped, unless it looks like a plan or was named on the
/// command line, when a LOAD-02 finding says why it is not one.
fn not_a_plan(file: FileId, document: &Document, explicit: bool, lang: Lang) -> PlanFile {
    let entries = document.root.as_ref().and_then(Node::as_map).unwrap_or(&[]);
    let near = entries.iter().find(|entry| near_plan_key(&entry.key.value));
    let content = entries.iter().find(|entry| {
        let key = entry.key.value.as_str();
        CONTENT.contains(&key) || spanish_key(key, CONTENT).is_some()
    });
    let finding = if let Some(entry) = near {
        Finding::new(
            &LOAD_02,
            entry.key.span,
            tr!(lang, "load-near-plan", key = entry.key.value.as_str()),
        )
        .label(tr!(lang, "load-near-plan-label"))
        .help(tr!(lang, "load-near-plan-help"))
    } else if let Some(entry) = content {
        Finding::new(
            &LOAD_02,
            entry.key.span,
            tr!(lang, "load-headless", key = entry.key.value.as_str()),
        )
        .label(tr!(lang, "load-headless-label"))
        .help(tr!(lang, "load-headless-help"))
    } else if explicit {
        let span = document
            .root
            .as_ref()
            .map_or_else(|| Span::file_start(file), |root| root.span);
        Finding::new(&LOAD_02, span, tr!(lang, "load-not-a-plan"))
            .label(tr!(lang, "load-not-a-plan-label"))
            .help(tr!(lang, "load-not-a-plan-help"))
    } else {
        return PlanFile::NotAPlan;
    };
    PlanFile::Plan {
        plan: None,
        findings: vec![finding.at("", "", "plan")],
    }
}

/// Whether a top-level key is a misspelling of `plan` (`Plan`, `plna`, `plan_`, `PLAN:`).
pub(crate) fn near_plan_key(key: &str) -> bool {
    let plain: String = key
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    key != "plan" && plain != "plans" && strsim::damerau_levenshtein(&plain, "plan") <= 1
}

const TOP_KEYS: &[&str] = &[
    "plan",
    "objectives",
    "budget_ceiling",
    "activities",
    "investments",
    "waivers",
];
const HEADER_KEYS: &[&str] = &[
    "id",
    "kind",
    "title",
    "entity",
    "period",
    "version",
    "status",
    "approval",
    "technical_report",
    "published",
    "upper",
    "participation",
    "provenance",
    "notes",
];
const ENTITY_KEYS: &[&str] = &["name", "type", "level", "territory", "pliego"];
const PERIOD_KEYS: &[&str] = &["start", "end"];
const APPROVAL_KEYS: &[&str] = &["instrument", "date"];
const PARTICIPATION_KEYS: &[&str] = &["kind", "date", "participants", "notes"];
const OBJECTIVE_KEYS: &[&str] = &[
    "code",
    "statement",
    "priority",
    "responsible",
    "traces_to",
    "indicators",
    "actions",
    "provenance",
    "notes",
];
const ACTION_KEYS: &[&str] = &[
    "code",
    "statement",
    "priority",
    "responsible",
    "traces_to",
    "indicators",
    "provenance",
    "notes",
];
const LINK_KEYS: &[&str] = &["ref", "why"];
const INDICATOR_KEYS: &[&str] = &[
    "code",
    "name",
    "unit",
    "direction",
    "baseline",
    "targets",
    "responsible",
    "source",
    "method",
    "provenance",
    "notes",
];
const BASELINE_KEYS: &[&str] = &["year", "value"];
const ACTIVITY_KEYS: &[&str] = &[
    "code",
    "name",
    "action",
    "cost_center",
    "unit",
    "physical",
    "budget",
    "provenance",
    "notes",
];
const INVESTMENT_KEYS: &[&str] = &[
    "cui",
    "type",
    "name",
    "action",
    "gaps",
    "budget",
    "provenance",
    "notes",
];
const GAP_KEYS: &[&str] = &["type", "indicator", "contribution"];
const WAIVER_KEYS: &[&str] = &["rule", "at", "reason", "until"];
const CONFIG_WAIVER_KEYS: &[&str] = &["plan", "rule", "at", "reason", "until"];
const CONFIG_KEYS: &[&str] = &[
    "rules", "select", "ignore", "severity", "fail_on", "exclude", "baseline", "waivers", "lang",
];

/// The keys of `alinea.yaml`, read; problems are LOAD-02-shaped findings (the caller turns them into usage errors).
#[derive(Debug, Default)]
pub(crate) struct RawConfig {
    pub(crate) rules: Vec<Spanned<String>>,
    pub(crate) select: Option<Vec<Spanned<String>>>,
    pub(crate) ignore: Vec<Spanned<String>>,
    pub(crate) severity: Vec<(Spanned<String>, Spanned<crate::report::Severity>)>,
    pub(crate) fail_on: Option<Spanned<crate::report::Severity>>,
    pub(crate) exclude: Vec<Spanned<String>>,
    pub(crate) baseline: Option<Spanned<String>>,
    pub(crate) waivers: Vec<Waiver>,
    pub(crate) lang: Option<Spanned<Lang>>,
}

/// Reads a configuration document.
pub(crate) fn decode_config(
    file: FileId,
    document: &Document,
    lang: Lang,
) -> (RawConfig, Vec<Finding>) {
    let mut decoder = Decoder::new(file, document, lang);
    let mut config = RawConfig::default();
    let Some(root) = &document.root else {
        return (config, decoder.findings);
    };
    let Some(top) = decoder.fields(root, "the configuration", CONFIG_KEYS, "") else {
        return (config, decoder.findings);
    };
    let texts = |decoder: &mut Decoder, key: &str| -> Vec<Spanned<String>> {
        decoder
            .list(&top, key)
            .iter()
            .enumerate()
            .filter_map(|(i, node)| decoder.text_node(node, key, &format!("{key}[{i}]")))
            .collect()
    };
    config.rules = texts(&mut decoder, "rules");
    if top.get("select").is_some() {
        config.select = Some(texts(&mut decoder, "select"));
    }
    config.ignore = texts(&mut decoder, "ignore");
    config.exclude = texts(&mut decoder, "exclude");
    config.baseline = decoder.text(&top, "baseline");
    config.lang = decoder.word(&top, "lang", Lang::parse_exact, &["es", "en"]);
    config.fail_on = decoder.word(
        &top,
        "fail_on",
        crate::report::Severity::parse,
        &["error", "warning", "info"],
    );
    if let Some(node) = top.get("severity") {
        match &node.value {
            Value::Map(entries) => {
                for entry in entries {
                    let path = format!("severity.{}", entry.key.value);
                    let Some(word) = decoder.text_node(&entry.value, &entry.key.value, &path)
                    else {
                        continue;
                    };
                    match crate::report::Severity::parse(&word.value) {
                        Some(severity) => config
                            .severity
                            .push((entry.key.clone(), Spanned::new(severity, word.span))),
                        None => decoder.error(
                            word.span,
                            format!("unknown severity `{}`", word.value),
                            "not a severity",
                            Some("the severities are `error`, `warning`, `info`"),
                            &path,
                        ),
                    }
                }
            }
            _ if is_null(node) => {}
            _ => decoder.error(
                node.span,
                format!(
                    "`severity` must map rule ids to severities, found {}",
                    node.describe()
                ),
                "expected `{ART-04: info}`",
                None,
                "severity",
            ),
        }
    }
    config.waivers = decoder.waiver_list(&top, true);
    (config, decoder.findings)
}

/// The keys of one mapping, with the path that leads to it.
struct Fields<'n> {
    node: &'n Node,
    entries: &'n [Entry],
    /// The format's (English) name of each entry's key; `None` for unknown keys.
    names: Vec<Option<&'static str>>,
    path: String,
    /// The key the mapping is written under, when it has one.
    under: Option<Span>,
    /// The keys that unknown keys look like misspellings of (`trace_to` → `traces_to`).
    misspelt: Vec<&'static str>,
}

impl<'n> Fields<'n> {
    fn entry(&self, key: &str) -> Option<&'n Entry> {
        self.names
            .iter()
            .position(|name| *name == Some(key))
            .and_then(|index| self.entries.get(index))
    }

    fn get(&self, key: &str) -> Option<&'n Node> {
        self.entry(key).map(|entry| &entry.value)
    }

    fn key_span(&self, key: &str) -> Option<Span> {
        self.entry(key).map(|entry| entry.key.span)
    }

    fn child(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// Where to point when a key is missing: the key the mapping is written
    /// under, or (for list items) the mapping's first key.
    fn anchor(&self) -> Span {
        self.under.unwrap_or_else(|| {
            self.entries
                .first()
                .map_or(self.node.span, |entry| entry.key.span)
        })
    }

    /// Records the key this mapping is written under.
    fn under(mut self, key: Option<Span>) -> Self {
        self.under = key;
        self
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

struct Decoder {
    file: FileId,
    findings: Vec<Finding>,
    /// The language of the messages.
    lang: Lang,
}

impl Decoder {
    /// A decoder for a document, starting with a finding per duplicated key.
    fn new(file: FileId, document: &Document, lang: Lang) -> Self {
        let findings = document
            .duplicate_keys
            .iter()
            .map(|(second, first)| {
                Finding::new(
                    &LOAD_02,
                    second.span,
                    tr!(lang, "load-duplicated-key", key = second.value.as_str()),
                )
                .label(tr!(lang, "load-duplicated-key-label"))
                .related(*first, tr!(lang, "load-duplicated-key-first"))
                .help(tr!(lang, "load-duplicated-key-help"))
            })
            .collect();
        Self {
            file,
            findings,
            lang,
        }
    }

    fn error(
        &mut self,
        span: Span,
        message: impl Into<String>,
        label: &str,
        help: Option<&str>,
        path: &str,
    ) {
        let mut finding = Finding::new(&LOAD_02, span, message).label(label);
        finding.help = help.map(str::to_owned);
        path.clone_into(&mut finding.path);
        self.findings.push(finding);
    }

    /// Checks that `node` is a mapping whose keys are all in `allowed`.
    fn fields<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        allowed: &[&'static str],
        path: &str,
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            if !is_null(node) {
                self.error(
                    node.span,
                    format!("{what} must be a mapping, found {}", node.describe()),
                    "expected `key: value` lines here",
                    shape_example(what),
                    path,
                );
            }
            return None;
        };
        let mut names: Vec<Option<&'static str>> = Vec::with_capacity(entries.len());
        let mut misspelt = Vec::new();
        for entry in entries {
            let written = entry.key.value.as_str();
            let name = allowed
                .iter()
                .copied()
                .find(|key| *key == written)
                .or_else(|| spanish_key(written, allowed));
            match name {
                Some(name) if names.contains(&Some(name)) => {
                    self.error(
                        entry.key.span,
                        format!("`{written}` gives `{name}` a second time in {what}"),
                        "written twice (once in English, once in Spanish?)",
                        Some("keep one of the two keys"),
                        &join(path, written),
                    );
                    names.push(None);
                }
                Some(name) => names.push(Some(name)),
                None => {
                    misspelt.extend(crate::suggest::closest(written, allowed.iter().copied()));
                    let help = did_you_mean(self.lang, written, allowed.iter().copied())
                        .unwrap_or_else(|| {
                            format!("the keys of {what} are {}", quoted_list(allowed))
                        });
                    self.error(
                        entry.key.span,
                        format!("unknown key `{written}` in {what}"),
                        "unknown key",
                        Some(&help),
                        &join(path, written),
                    );
                    names.push(None);
                }
            }
        }
        Some(Fields {
            node,
            entries,
            names,
            path: path.to_owned(),
            under: None,
            misspelt,
        })
    }

    fn missing(&mut self, fields: &Fields<'_>, key: &str, what: &str) {
        // A misspelt key is already reported as unknown, with this key as its suggestion.
        let misspelt = fields
            .entries
            .iter()
            .any(|entry| crate::suggest::closest(&entry.key.value, [key]).is_some());
        if misspelt {
            return;
        }
        self.error(
            fields.anchor(),
            format!("missing required key `{key}` in {what}"),
            &format!("{what} has no `{key}`"),
            None,
            &fields.path,
        );
    }

    fn text(&mut self, fields: &Fields<'_>, key: &str) -> Option<Spanned<String>> {
        let node = fields.get(key)?;
        self.text_node(node, key, &fields.child(key))
    }

    fn required_text(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
        what: &str,
    ) -> Option<Spanned<String>> {
        let value = self.text(fields, key);
        if value.is_none() && fields.get(key).is_none_or(is_null) {
            self.missing(fields, key, what);
        }
        value
    }

    fn text_node(&mut self, node: &Node, key: &str, path: &str) -> Option<Spanned<String>> {
        if let Value::Scalar(scalar) = &node.value {
            match scalar.resolve() {
                Plain::Text => Some(Spanned::new(scalar.text.clone(), node.span)),
                Plain::Null => None,
                Plain::Number(_) | Plain::Bool(_) => {
                    self.error(
                    node.span,
                    format!("`{key}` must be text, found {} `{}`", node.describe(), scalar.text),
                    "this is read as a number, not as text",
                    Some(&format!(
                        "quote it: `{key}: \"{}\"` (leading zeros of codes such as ubigeo and CUI would otherwise be lost)",
                        scalar.text
                    )),
                    path,
                );
                    None
                }
            }
        } else {
            self.error(
                node.span,
                format!("`{key}` must be text, found {}", node.describe()),
                "expected text",
                None,
                path,
            );
            None
        }
    }

    fn number(&mut self, fields: &Fields<'_>, key: &str) -> Option<Spanned<f64>> {
        let node = fields.get(key)?;
        self.number_node(node, key, &fields.child(key), false)
    }

    fn number_node(
        &mut self,
        node: &Node,
        key: &str,
        path: &str,
        allow_nd: bool,
    ) -> Option<Spanned<f64>> {
        if let Value::Scalar(scalar) = &node.value {
            match scalar.resolve() {
                Plain::Number(n) => return Some(Spanned::new(n, node.span)),
                Plain::Null => return None,
                Plain::Text if allow_nd && scalar.text.trim().eq_ignore_ascii_case("ND") => {
                    return None;
                }
                Plain::Text if !scalar.plain && scalar.text.trim().parse::<f64>().is_ok() => {
                    self.error(
                        node.span,
                        format!(
                            "`{key}` must be a number, found the quoted text `{}`",
                            scalar.text
                        ),
                        "quoted, so read as text",
                        Some("remove the quotes"),
                        path,
                    );
                    return None;
                }
                _ => {}
            }
        }
        let hint = if allow_nd {
            " (or `null` / `ND` when unknown)"
        } else {
            ""
        };
        self.error(
            node.span,
            format!("`{key}` must be a number{hint}, found {}", node.describe()),
            "expected a number",
            None,
            path,
        );
        None
    }

    fn year_node(&mut self, node: &Node, key: &str, path: &str) -> Option<Spanned<i32>> {
        let number = self.number_node(node, key, path, false)?;
        let year = number.value;
        if year.fract() == 0.0 && (1900.0..=2200.0).contains(&year) {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "checked to be a whole number in 1900..=2200"
            )]
            return Some(Spanned::new(year as i32, number.span));
        }
        self.error(
            number.span,
            format!("`{key}` must be a year such as 2024, found `{year}`"),
            "not a year",
            None,
            path,
        );
        None
    }

    fn date(&mut self, fields: &Fields<'_>, key: &str) -> Option<Spanned<Date>> {
        let node = fields.get(key)?;
        let path = fields.child(key);
        let text = match &node.value {
            Value::Scalar(scalar) if !matches!(scalar.resolve(), Plain::Null) => {
                scalar.text.clone()
            }
            Value::Scalar(_) => return None,
            _ => String::new(),
        };
        if let Some(date) = Date::parse(&text) {
            return Some(Spanned::new(date, node.span));
        }
        self.error(
            node.span,
            format!(
                "`{key}` must be a date written YYYY-MM-DD, found {}",
                shown(node)
            ),
            "not a valid date",
            Some("write the date as year-month-day, e.g. `2023-12-22`"),
            &path,
        );
        None
    }

    fn word<T: Copy>(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
        parse: fn(&str) -> Option<T>,
        words: &[&str],
    ) -> Option<Spanned<T>> {
        let node = fields.get(key)?;
        let path = fields.child(key);
        if let Value::Scalar(scalar) = &node.value {
            if matches!(scalar.resolve(), Plain::Null) {
                return None;
            }
            if let Some(value) = parse(&scalar.text) {
                return Some(Spanned::new(value, node.span));
            }
            let near = spanish_word(&scalar.text, words)
                .map(|english| format!("`{}` is written `{english}` in plan files;", scalar.text))
                .or_else(|| did_you_mean(self.lang, &scalar.text, words.iter().copied()));
            let help = match near {
                Some(near) => format!("{near} the allowed values are {}", quoted_list(words)),
                None => format!("the allowed values are {}", quoted_list(words)),
            };
            self.error(
                node.span,
                format!("unknown {key} `{}`", scalar.text),
                &format!("not one of the {} allowed values", words.len()),
                Some(&help),
                &path,
            );
            return None;
        }
        self.error(
            node.span,
            format!("`{key}` must be one word, found {}", node.describe()),
            "expected one of the allowed values",
            Some(&format!("the allowed values are {}", quoted_list(words))),
            &path,
        );
        None
    }

    fn list<'n>(&mut self, fields: &Fields<'n>, key: &str) -> &'n [Node] {
        let Some(node) = fields.get(key) else {
            return &[];
        };
        match &node.value {
            Value::Seq(items) => items,
            _ if is_null(node) => &[],
            _ => {
                self.error(
                    node.span,
                    format!("`{key}` must be a list, found {}", node.describe()),
                    "expected a list",
                    Some(&format!("write `{key}: [ … ]` or one `- ` line per item")),
                    &fields.child(key),
                );
                &[]
            }
        }
    }

    fn year_map(&mut self, fields: &Fields<'_>, key: &str) -> Option<Spanned<YearMap>> {
        let node = fields.get(key)?;
        let path = fields.child(key);
        let Value::Map(entries) = &node.value else {
            if !is_null(node) {
                self.error(
                    node.span,
                    format!(
                        "`{key}` must map years to numbers, found {}",
                        node.describe()
                    ),
                    "expected `{2024: 40, 2025: 50}`",
                    None,
                    &path,
                );
            }
            return None;
        };
        let mut map = YearMap::new();
        for entry in entries {
            let year = entry
                .key
                .value
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y));
            let Some(year) = year else {
                self.error(
                    entry.key.span,
                    format!(
                        "`{key}` must map years to numbers, found the key `{}`",
                        entry.key.value
                    ),
                    "not a year",
                    None,
                    &path,
                );
                continue;
            };
            let value_path = format!("{path}[{year}]");
            if let Some(value) =
                self.number_node(&entry.value, &format!("{key}[{year}]"), &value_path, false)
            {
                map.insert(year, value);
            }
        }
        Some(Spanned::new(map, keyed(fields, key, node)))
    }

    fn reference(
        &mut self,
        node: &Node,
        key: &str,
        path: String,
        allow_why: bool,
    ) -> Option<Reference> {
        if allow_why && matches!(node.value, Value::Map(_)) {
            let fields = self.fields(node, "a link", LINK_KEYS, &path)?;
            let text = self.required_text(&fields, "ref", "a link");
            let why = self.text(&fields, "why");
            return text.map(|text| Reference { text, why, path });
        }
        self.text_node(node, key, &path).map(|text| Reference {
            text,
            why: None,
            path,
        })
    }

    fn plan(&mut self, root: &Node, header: &Entry) -> Option<Plan> {
        let top = self.fields(root, "a plan file", TOP_KEYS, "")?;
        let fields = self
            .fields(&header.value, "the plan header", HEADER_KEYS, "plan")
            .map(|fields| fields.under(Some(header.key.span)));
        let Some(fields) = fields else {
            if is_null(&header.value) {
                self.error(
                    header.key.span,
                    "the plan header is empty",
                    "no `id`, `kind`, …",
                    None,
                    "plan",
                );
            }
            return None;
        };
        let id = self.required_text(&fields, "id", "the plan header");
        if let Some(id) = &id
            && !valid_id(&id.value)
        {
            self.error(
                    id.span,
                    format!("invalid plan id `{}`", id.value),
                    "not a valid id",
                    Some("a plan id is lowercase letters, digits and hyphens, starting with a letter or digit"),
                    "plan.id",
                );
        }
        let kind = self.word(&fields, "kind", PlanKind::parse, PlanKind::WORDS);
        if fields.get("kind").is_none_or(is_null) {
            self.missing(&fields, "kind", "the plan header");
        }
        let title = self.required_text(&fields, "title", "the plan header");
        let entity = self.entity(&fields);
        let period = self.period(&fields);
        let version = self.word(
            &fields,
            "version",
            crate::plan::model::Version::parse,
            crate::plan::model::Version::WORDS,
        );
        let status = self.word(
            &fields,
            "status",
            crate::plan::model::Status::parse,
            crate::plan::model::Status::WORDS,
        );
        let approval = fields.get("approval").and_then(|node| {
            let approval = self.fields(node, "the approval", APPROVAL_KEYS, "plan.approval")?;
            Some(Approval {
                span: keyed(&fields, "approval", node),
                instrument: self.text(&approval, "instrument"),
                date: self.date(&approval, "date"),
            })
        });
        let technical_report = self.text(&fields, "technical_report");
        let published = self.text(&fields, "published");
        let before = self.findings.len();
        let upper = self
            .list(&fields, "upper")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| self.reference(node, "upper", format!("upper[{i}]"), false))
            .collect();
        let upper_broken = self.findings.len() > before || fields.misspelt.contains(&"upper");
        let participation = self
            .list(&fields, "participation")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                let path = format!("plan.participation[{i}]");
                let record =
                    self.fields(node, "a participation record", PARTICIPATION_KEYS, &path)?;
                Some(Participation {
                    kind: self.text(&record, "kind"),
                    date: self.date(&record, "date"),
                    participants: self.number(&record, "participants"),
                })
            })
            .collect();
        let provenance = self.word(&fields, "provenance", Provenance::parse, Provenance::WORDS);
        let _notes = self.text(&fields, "notes");

        let kind_value = kind.as_ref().map(|k| k.value);
        let objectives = self
            .list(&top, "objectives")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| self.element(node, &format!("objectives[{i}]"), false))
            .collect::<Vec<_>>();
        let activities = self
            .list(&top, "activities")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| self.activity(node, format!("activities[{i}]")))
            .collect::<Vec<_>>();
        let investments = self
            .list(&top, "investments")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| self.investment(node, format!("investments[{i}]")))
            .collect::<Vec<_>>();
        let budget_ceiling = self.year_map(&top, "budget_ceiling");
        let waivers = self.waivers(&top);
        self.kind_fits(&top, kind_value);

        Some(Plan {
            file: self.file,
            path: String::new(),
            header: header.key.span,
            id: id?,
            kind: kind?,
            title,
            entity,
            period,
            version,
            status,
            approval,
            technical_report,
            published,
            upper,
            upper_key: fields.key_span("upper"),
            upper_broken,
            participation,
            participation_key: fields.key_span("participation"),
            provenance,
            objectives,
            budget_ceiling,
            activities,
            investments,
            waivers,
        })
    }

    /// A POI holds activities and investments; every other plan holds objectives.
    fn kind_fits(&mut self, top: &Fields<'_>, kind: Option<PlanKind>) {
        let Some(kind) = kind else { return };
        let misplaced: &[&str] = if kind == PlanKind::Poi {
            &["objectives"]
        } else {
            &["activities", "investments", "budget_ceiling"]
        };
        for key in misplaced {
            if let Some(span) = top.key_span(key) {
                let holder = if kind == PlanKind::Poi {
                    "a plan of any other kind"
                } else {
                    "a `poi`"
                };
                self.error(
                    span,
                    format!("a `{kind}` plan has no `{key}`"),
                    &format!("`{key}` belong in {holder}"),
                    None,
                    key,
                );
            }
        }
    }

    fn entity(&mut self, header: &Fields<'_>) -> Entity {
        let Some(node) = header.get("entity") else {
            self.missing(header, "entity", "the plan header");
            return Entity::default();
        };
        let Some(fields) = self
            .fields(node, "the entity", ENTITY_KEYS, "plan.entity")
            .map(|fields| fields.under(header.key_span("entity")))
        else {
            return Entity::default();
        };
        let entity = Entity {
            name: self.required_text(&fields, "name", "the entity"),
            entity_type: self.word(
                &fields,
                "type",
                crate::plan::model::EntityType::parse,
                crate::plan::model::EntityType::WORDS,
            ),
            level: self.word(
                &fields,
                "level",
                crate::plan::model::Level::parse,
                crate::plan::model::Level::WORDS,
            ),
            territory: self.text(&fields, "territory"),
            pliego: self.text(&fields, "pliego"),
        };
        for key in ["type", "level"] {
            if fields.get(key).is_none_or(is_null) {
                self.missing(&fields, key, "the entity");
            }
        }
        let national = entity
            .level
            .as_ref()
            .is_some_and(|level| level.value == crate::plan::model::Level::National);
        if entity.level.is_some() && !national && fields.get("territory").is_none_or(is_null) {
            self.error(
                fields.anchor(),
                "missing required key `territory` in the entity",
                "regional, provincial and district entities need a territory",
                Some("give the INEI ubigeo as text: 2 digits for a region, 4 for a province, 6 for a district"),
                "plan.entity",
            );
        }
        if let Some(territory) = &entity.territory
            && (!matches!(territory.value.len(), 2 | 4 | 6)
                || !territory.value.bytes().all(|b| b.is_ascii_digit()))
        {
            self.error(
                territory.span,
                format!("invalid ubigeo `{}`", territory.value),
                "not 2, 4 or 6 digits",
                Some("an INEI ubigeo is 2 digits for a region, 4 for a province, 6 for a district"),
                "plan.entity.territory",
            );
        }
        entity
    }

    fn period(&mut self, header: &Fields<'_>) -> Option<Period> {
        let Some(node) = header.get("period") else {
            self.missing(header, "period", "the plan header");
            return None;
        };
        let fields = self
            .fields(node, "`period`", PERIOD_KEYS, "plan.period")?
            .under(header.key_span("period"));
        let start = fields
            .get("start")
            .and_then(|n| self.year_node(n, "start", "plan.period.start"));
        let end = fields
            .get("end")
            .and_then(|n| self.year_node(n, "end", "plan.period.end"));
        for key in PERIOD_KEYS {
            if fields.get(key).is_none_or(is_null) {
                self.missing(&fields, key, "`period`");
            }
        }
        let (start, end) = (start?, end?);
        if end.value < start.value {
            self.error(
                end.span,
                format!(
                    "the period ends ({}) before it starts ({})",
                    end.value, start.value
                ),
                "earlier than `start`",
                None,
                "plan.period.end",
            );
            return None;
        }
        Some(Period {
            start: start.value,
            end: end.value,
            span: keyed(header, "period", node),
        })
    }

    fn element(&mut self, node: &Node, path: &str, is_action: bool) -> Option<Element> {
        let (what, allowed) = if is_action {
            ("an action", ACTION_KEYS)
        } else {
            ("an objective", OBJECTIVE_KEYS)
        };
        let fields = self.fields(node, what, allowed, path)?;
        let code = self
            .required_text(&fields, "code", what)
            .unwrap_or_else(|| Spanned::new(String::new(), fields.anchor()));
        let before = self.findings.len();
        let traces_to = self
            .list(&fields, "traces_to")
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                self.reference(item, "traces_to", format!("traces_to[{i}]"), true)
            })
            .collect();
        let traces_broken = self.findings.len() > before || fields.misspelt.contains(&"traces_to");
        let indicators = self
            .list(&fields, "indicators")
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                self.indicator(
                    item,
                    &format!("{path}.indicators[{i}]"),
                    format!("indicators[{i}]"),
                )
            })
            .collect();
        let actions = self
            .list(&fields, "actions")
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.element(item, &format!("{path}.actions[{i}]"), true))
            .collect();
        let element = Element {
            code,
            is_action,
            statement: self.text(&fields, "statement"),
            priority: self.number(&fields, "priority"),
            responsible: self.text(&fields, "responsible"),
            traces_to,
            traces_to_key: fields.key_span("traces_to"),
            traces_broken,
            indicators,
            actions,
            span: node.span,
            path: path.to_owned(),
        };
        self.word(&fields, "provenance", Provenance::parse, Provenance::WORDS);
        self.text(&fields, "notes");
        Some(element)
    }

    fn indicator(&mut self, node: &Node, full_path: &str, path: String) -> Option<Indicator> {
        let fields = self.fields(node, "an indicator", INDICATOR_KEYS, full_path)?;
        let baseline = fields.get("baseline").and_then(|baseline_node| {
            let baseline_path = fields.child("baseline");
            let baseline =
                self.fields(baseline_node, "the baseline", BASELINE_KEYS, &baseline_path)?;
            Some(Baseline {
                span: keyed(&fields, "baseline", baseline_node),
                year: baseline
                    .get("year")
                    .and_then(|n| self.year_node(n, "year", &baseline.child("year"))),
                value: baseline
                    .get("value")
                    .and_then(|n| self.number_node(n, "value", &baseline.child("value"), true)),
            })
        });
        let indicator = Indicator {
            code: self.text(&fields, "code"),
            name: self.required_text(&fields, "name", "an indicator"),
            unit: self.word(
                &fields,
                "unit",
                crate::plan::model::Unit::parse,
                crate::plan::model::Unit::WORDS,
            ),
            direction: self.word(
                &fields,
                "direction",
                crate::plan::model::Direction::parse,
                crate::plan::model::Direction::WORDS,
            ),
            baseline,
            targets: self.year_map(&fields, "targets"),
            responsible: self.text(&fields, "responsible"),
            source: self.text(&fields, "source"),
            method: self.text(&fields, "method"),
            span: node.span,
            path,
        };
        self.word(&fields, "provenance", Provenance::parse, Provenance::WORDS);
        self.text(&fields, "notes");
        Some(indicator)
    }

    fn activity(&mut self, node: &Node, path: String) -> Option<Activity> {
        let fields = self.fields(node, "an activity", ACTIVITY_KEYS, &path)?;
        let code = self
            .required_text(&fields, "code", "an activity")
            .unwrap_or_else(|| Spanned::new(String::new(), fields.anchor()));
        let before = self.findings.len();
        let action = fields
            .get("action")
            .and_then(|n| self.reference(n, "action", "action".to_owned(), false));
        let action_broken = self.findings.len() > before || fields.misspelt.contains(&"action");
        let activity = Activity {
            code,
            name: self.text(&fields, "name"),
            action,
            action_broken,
            cost_center: self.text(&fields, "cost_center"),
            unit: self.text(&fields, "unit"),
            physical: self.year_map(&fields, "physical"),
            budget: self.year_map(&fields, "budget"),
            span: node.span,
            path,
        };
        self.word(&fields, "provenance", Provenance::parse, Provenance::WORDS);
        self.text(&fields, "notes");
        Some(activity)
    }

    fn investment(&mut self, node: &Node, path: String) -> Option<Investment> {
        let fields = self.fields(node, "an investment", INVESTMENT_KEYS, &path)?;
        let cui = self
            .required_text(&fields, "cui", "an investment")
            .unwrap_or_else(|| Spanned::new(String::new(), fields.anchor()));
        let before = self.findings.len();
        let action = fields
            .get("action")
            .and_then(|n| self.reference(n, "action", "action".to_owned(), false));
        let action_broken = self.findings.len() > before || fields.misspelt.contains(&"action");
        let gaps = self
            .list(&fields, "gaps")
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let gap_path = format!("{path}.gaps[{i}]");
                let gap = self.fields(item, "a gap", GAP_KEYS, &gap_path)?;
                Some(Gap {
                    gap_type: self.word(
                        &gap,
                        "type",
                        crate::plan::model::GapType::parse,
                        crate::plan::model::GapType::WORDS,
                    ),
                    indicator: self.text(&gap, "indicator"),
                    contribution: self.number(&gap, "contribution"),
                    span: item.span,
                })
            })
            .collect();
        let investment = Investment {
            cui,
            investment_type: self.word(
                &fields,
                "type",
                crate::plan::model::InvestmentType::parse,
                crate::plan::model::InvestmentType::WORDS,
            ),
            name: self.text(&fields, "name"),
            action,
            action_broken,
            gaps,
            gaps_key: fields.key_span("gaps"),
            budget: self.year_map(&fields, "budget"),
            span: node.span,
            path,
        };
        self.word(&fields, "provenance", Provenance::parse, Provenance::WORDS);
        self.text(&fields, "notes");
        Some(investment)
    }

    fn waivers(&mut self, top: &Fields<'_>) -> Vec<Waiver> {
        self.waiver_list(top, false)
    }

    /// Waivers of a plan, or of the configuration (which name their plan).
    fn waiver_list(&mut self, top: &Fields<'_>, in_config: bool) -> Vec<Waiver> {
        let keys = if in_config {
            CONFIG_WAIVER_KEYS
        } else {
            WAIVER_KEYS
        };
        self.list(top, "waivers")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                let path = format!("waivers[{i}]");
                let fields = self.fields(node, "a waiver", keys, &path)?;
                let plan = if in_config {
                    self.required_text(&fields, "plan", "a waiver")
                } else {
                    None
                };
                let rule = self.required_text(&fields, "rule", "a waiver")?;
                let reason = self.required_text(&fields, "reason", "a waiver");
                let until = self.date(&fields, "until");
                if fields.get("until").is_none_or(is_null) {
                    self.missing(&fields, "until", "a waiver");
                }
                Some(Waiver {
                    rule,
                    at: self.text(&fields, "at"),
                    reason,
                    until,
                    plan,
                    span: node.span,
                })
            })
            .collect()
    }
}

/// A collection value's span, widened back to its key so that findings about it point at
/// the line where the key is written (block mappings start on the next line).
fn keyed(fields: &Fields<'_>, key: &str, node: &Node) -> Span {
    fields.key_span(key).map_or(node.span, |key_span| {
        Span::new(
            node.span.file,
            key_span.start as usize,
            node.span.end as usize,
        )
    })
}

fn is_null(node: &Node) -> bool {
    matches!(&node.value, Value::Scalar(scalar) if scalar.resolve() == Plain::Null)
}

fn shown(node: &Node) -> String {
    match &node.value {
        Value::Scalar(scalar) => format!("`{}`", scalar.text),
        _ => node.describe().to_owned(),
    }
}

fn valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn quoted_list(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How to write the mappings people most often get wrong.
fn shape_example(what: &str) -> Option<&'static str> {
    match what {
        "`period`" => Some("write `period: {start: 2024, end: 2028}`"),
        "the entity" => Some("write `entity: {name: …, type: …, level: …, territory: \"22\"}`"),
        "the baseline" => Some("write `baseline: {year: 2022, value: 31.0}`"),
        "the approval" => Some("write `approval: {instrument: …, date: 2023-12-22}`"),
        _ => None,
    }
}

/// The English word of the plan format for a Spanish word used in CEPLAN's matrices.
fn spanish_word(word: &str, words: &[&str]) -> Option<&'static str> {
    const SPANISH: &[(&str, &str)] = &[
        ("nuevo", "new"),
        ("actualizado", "updated"),
        ("ampliado", "extended"),
        ("borrador", "draft"),
        ("aprobado", "approved"),
        ("cantidad", "count"),
        ("numero", "number"),
        ("número", "number"),
        ("porcentaje", "percent"),
        ("razon", "ratio"),
        ("razón", "ratio"),
        ("tasa", "rate"),
        ("indice", "index"),
        ("índice", "index"),
        ("tasa de variacion", "rate-of-change"),
        ("tasa de variación", "rate-of-change"),
        ("ascendente", "ascending"),
        ("descendente", "descending"),
        ("no definido", "undefined"),
        ("calidad", "quality"),
        ("cobertura", "coverage"),
        ("ministerio", "ministry"),
        ("gobierno regional", "regional-government"),
        ("municipalidad", "municipality"),
        ("universidad", "university"),
        ("nacional", "national"),
        ("provincial", "provincial"),
        ("distrital", "district"),
    ];
    let lowered = word.trim().to_lowercase();
    SPANISH
        .iter()
        .find(|(spanish, english)| *spanish == lowered && words.contains(english))
        .map(|(_, english)| *english)
}

/// The format's key for a Spanish key of CEPLAN's matrices (`codigo` → `code`), when
/// that key belongs to the mapping being read (`tipo` is `kind` in the header and
/// `type` in an entity). Accents and case do not matter.
fn spanish_key(written: &str, allowed: &[&'static str]) -> Option<&'static str> {
    const KEYS: &[(&str, &[&str])] = &[
        ("tipo", &["kind", "type"]),
        ("titulo", &["title"]),
        ("entidad", &["entity"]),
        ("nombre", &["name"]),
        ("nivel", &["level"]),
        ("territorio", &["territory"]),
        ("ubigeo", &["territory"]),
        ("periodo", &["period"]),
        ("horizonte", &["period"]),
        ("inicio", &["start"]),
        ("fin", &["end"]),
        ("version", &["version"]),
        ("estado", &["status"]),
        ("aprobacion", &["approval"]),
        ("instrumento", &["instrument"]),
        ("fecha", &["date"]),
        ("informe_tecnico", &["technical_report"]),
        ("publicado", &["published"]),
        ("superior", &["upper"]),
        ("planes_superiores", &["upper"]),
        ("participacion", &["participation"]),
        ("participantes", &["participants"]),
        ("procedencia", &["provenance"]),
        ("notas", &["notes"]),
        ("objetivos", &["objectives"]),
        ("codigo", &["code"]),
        ("enunciado", &["statement"]),
        ("prioridad", &["priority"]),
        ("responsable", &["responsible"]),
        ("articulacion", &["traces_to"]),
        ("articula_con", &["traces_to"]),
        ("indicadores", &["indicators"]),
        ("acciones", &["actions"]),
        ("referencia", &["ref"]),
        ("explicacion_causal", &["why"]),
        ("unidad", &["unit"]),
        ("unidad_de_medida", &["unit"]),
        ("sentido", &["direction"]),
        ("sentido_esperado", &["direction"]),
        ("linea_base", &["baseline"]),
        ("logros", &["targets"]),
        ("logros_esperados", &["targets"]),
        ("fuente", &["source"]),
        ("metodo", &["method"]),
        ("metodo_de_calculo", &["method"]),
        ("anio", &["year"]),
        ("ano", &["year"]),
        ("valor", &["value"]),
        ("techo_presupuestal", &["budget_ceiling"]),
        ("actividades", &["activities"]),
        ("actividades_operativas", &["activities"]),
        ("accion", &["action"]),
        ("centro_de_costo", &["cost_center"]),
        ("centro_costo", &["cost_center"]),
        ("metas_fisicas", &["physical"]),
        ("presupuesto", &["budget"]),
        ("inversiones", &["investments"]),
        ("brechas", &["gaps"]),
        ("indicador", &["indicator"]),
        ("contribucion", &["contribution"]),
        ("excepciones", &["waivers"]),
        ("regla", &["rule"]),
        ("en", &["at"]),
        ("motivo", &["reason"]),
        ("hasta", &["until"]),
    ];
    let plain: String = written
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            'ñ' => 'n',
            ' ' | '-' => '_',
            other => other,
        })
        .collect();
    KEYS.iter()
        .filter(|(spanish, _)| *spanish == plain)
        .flat_map(|(_, english)| english.iter())
        .find_map(|english| allowed.iter().copied().find(|key| key == english))
}
