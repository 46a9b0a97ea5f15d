//! The spanned YAML tree → the typed [`Plan`], with a LOAD-02 finding for
//! every key or value that does not fit the format, and the run going on.
//!
//! # Plan files in Spanish
//!
//! Keys may be written with the Spanish names of CEPLAN's matrices (`codigo`, `articulacion`,
//! `linea_base`…) and values with their Spanish twins (`sentido: ascendente`, `unidad:
//! Porcentaje`, `tipo: gobierno regional`, `tipo: PEI`), declared next to each English value
//! in [`crate::plan::model`]. A Spanish key or value means exactly what its English twin
//! means; case and accents do not matter, and the two languages may be mixed in one file.
//!
//! **The language of a file** is the language of its keys: a file is written in Spanish when
//! more of its keys, at any depth, are Spanish names than English keys of the format, and in
//! English otherwise (also when it has as many of each, or none). Keys that are the same in
//! both languages (`plan`, `id`, `version`, `pliego`, `cui`), unknown keys and years count for
//! neither. The file's language, not the run's, decides how messages name keys and values
//! (the run's language decides the language of the sentences around them):
//!
//! - a key the mapping has is named as the file writes it (`título`), an absent one by its
//!   name in the file's language (`articulacion`, not `traces_to`);
//! - the allowed keys and values are listed in the file's language (`ascendente`, …);
//! - "did you mean" looks among the keys or values of the file's language first, and among
//!   the other language's only when none is near.
//!
//! Paths (`objectives[0].traces_to[1]`) and everything a machine reads keep the format's
//! English names, so that fingerprints do not depend on the language of a file.

use crate::i18n::Lang;
use crate::plan::model::{
    Activity, Approval, Baseline, Date, Element, Entity, Ficha, Gap, Indicator, Investment, Level,
    Participation, Period, Plan, PlanKind, RefPlace, Reference, Waiver, Word, YearMap,
    indicator_path, position,
};
use crate::plan::schema::{self, Mapping, Meta, Place};
use crate::plan::text::{Interner, Local, Text};
use crate::plan::yaml::{Document, Entry, Node, Plain, Value};
use crate::plan::{LOAD_02, PlanFile};
use crate::report::{Finding, Severity};
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
pub(crate) fn decode(
    file: FileId,
    document: &Document,
    explicit: bool,
    lang: Lang,
    interner: &Interner,
) -> PlanFile {
    let entries = document.root.as_ref().and_then(Node::as_map);
    let header = entries.and_then(|entries| entries.iter().find(|e| e.key.value == "plan"));
    let Some(root) = &document.root else {
        return not_a_plan(file, document, explicit, lang);
    };
    let Some(header) = header else {
        return not_a_plan(file, document, explicit, lang);
    };
    let mut decoder = Decoder::new(file, document, lang, interner);
    for span in &document.complex_keys {
        let (message, label) = (
            tr!(lang, "load-complex-key"),
            tr!(lang, "load-complex-key-label"),
        );
        decoder.error(*span, message, label, None, "");
    }
    if let Some(span) = document.extra_document {
        let (message, label, help) = (
            tr!(lang, "load-second-document"),
            tr!(lang, "load-second-document-label"),
            tr!(lang, "load-second-document-help"),
        );
        decoder.error(span, message, label, Some(help), "");
    }
    let plan = decoder.plan(root, header);
    let mut findings = decoder.findings;
    if let Some(plan) = &plan {
        for finding in &mut findings {
            plan.id.value.as_str().clone_into(&mut finding.plan);
        }
    }
    PlanFile::Plan {
        plan: plan.map(std::sync::Arc::new),
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
    // The header's keys, as the file would spell them.
    let kind = key_name(file_language(document.root.as_ref()), "kind");
    let finding = if let Some(entry) = near {
        Finding::new(
            &LOAD_02,
            entry.key.span,
            tr!(lang, "load-near-plan", key = entry.key.value.as_str()),
        )
        .label(tr!(lang, "load-near-plan-label"))
        .help(tr!(lang, "load-near-plan-help", kind = kind))
    } else if let Some(entry) = content {
        Finding::new(
            &LOAD_02,
            entry.key.span,
            tr!(lang, "load-headless", key = entry.key.value.as_str()),
        )
        .label(tr!(lang, "load-headless-label"))
        .help(tr!(lang, "load-headless-help", kind = kind))
    } else if explicit {
        let span = document
            .root
            .as_ref()
            .map_or_else(|| Span::file_start(file), |root| root.span);
        Finding::new(&LOAD_02, span, tr!(lang, "load-not-a-plan"))
            .label(tr!(lang, "load-not-a-plan-label"))
            .help(tr!(lang, "load-not-a-plan-help", kind = kind))
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

const CONFIG_KEYS: &[&str] = &[
    "rules", "select", "ignore", "severity", "fail_on", "exclude", "baseline", "waivers", "lang",
];

/// What a written key says about its file's language.
#[derive(Clone, Copy)]
enum KeyLang {
    /// Written the same in both (`plan`, `id`, `version`, `pliego`, `cui`): nothing.
    Neither,
    English,
    Spanish,
}

/// What a written key says about its file's language (`None`: not a key of the format).
/// Asked for every key of every file: keys as the format and its Spanish names spell them
/// are found in one look-up; other spellings (accents, case) are folded first.
fn key_lang(key: &str) -> Option<KeyLang> {
    static EXACT: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, KeyLang>> =
        std::sync::LazyLock::new(|| {
            let names = schema::spanish_names();
            let same: std::collections::HashSet<&str> = names
                .iter()
                .filter(|(key, es)| es.contains(key))
                .map(|(key, _)| *key)
                .collect();
            let mut exact = rustc_hash::FxHashMap::default();
            for key in names
                .iter()
                .map(|(key, _)| *key)
                .chain(CONFIG_KEYS.iter().copied())
            {
                let lang = if same.contains(key) {
                    KeyLang::Neither
                } else {
                    KeyLang::English
                };
                exact.entry(key).or_insert(lang);
            }
            for name in names.iter().flat_map(|(_, es)| es.iter().copied()) {
                exact.entry(name).or_insert(KeyLang::Spanish);
            }
            exact
        });
    static FOLDED: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            folded_names()
                .iter()
                .map(|(name, _)| name.as_str())
                .collect()
        });
    if let Some(lang) = EXACT.get(key) {
        return Some(*lang);
    }
    // Years (most keys of a large plan) name no key of the format: nothing to fold.
    if key.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    FOLDED
        .contains(plain_key(key).as_str())
        .then_some(KeyLang::Spanish)
}

/// The language a document's keys are written in (see the module documentation).
fn file_language(root: Option<&Node>) -> Lang {
    let (mut english, mut spanish) = (0_usize, 0_usize);
    let mut stack: Vec<&Node> = root.into_iter().collect();
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Map(entries) => {
                for entry in entries {
                    match key_lang(entry.key.value.as_str()) {
                        Some(KeyLang::English) => english += 1,
                        Some(KeyLang::Spanish) => spanish += 1,
                        Some(KeyLang::Neither) | None => {}
                    }
                    stack.push(&entry.value);
                }
            }
            Value::Seq(items) => stack.extend(items),
            Value::Scalar(_) => {}
        }
    }
    if spanish > english {
        Lang::Es
    } else {
        Lang::En
    }
}

/// The other language.
fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Es,
        Lang::Es => Lang::En,
    }
}

/// The keys of `alinea.yaml`, read; problems are LOAD-02-shaped findings (the caller turns them into usage errors).
#[derive(Debug, Default)]
pub(crate) struct RawConfig {
    pub(crate) rules: Vec<Spanned<Text>>,
    pub(crate) select: Option<Vec<Spanned<Text>>>,
    pub(crate) ignore: Vec<Spanned<Text>>,
    pub(crate) severity: Vec<(Spanned<Text>, Spanned<Severity>)>,
    pub(crate) fail_on: Option<Spanned<Severity>>,
    pub(crate) exclude: Vec<Spanned<Text>>,
    pub(crate) baseline: Option<Spanned<Text>>,
    pub(crate) waivers: Vec<Waiver>,
    pub(crate) lang: Option<Spanned<Lang>>,
}

/// The words of `lang:` in the configuration.
fn lang_words(_: Lang) -> &'static [&'static str] {
    &["es", "en"]
}

/// The severities, as the configuration writes them (in English in every file).
fn severity_words(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["error", "warning", "info"],
        Lang::Es => &["error", "advertencia", "información"],
    }
}

/// A severity in `alinea.yaml`, in English or Spanish (`advertencia`, `información`), any
/// case, with or without accents.
fn read_severity(text: &str) -> Option<Severity> {
    Severity::parse(text).or_else(|| {
        [
            (Severity::Error, "error"),
            (Severity::Warning, "advertencia"),
            (Severity::Info, "información"),
            (Severity::Warning, "warning"),
            (Severity::Info, "info"),
        ]
        .into_iter()
        .find(|(_, word)| crate::plan::model::same_word(text, word))
        .map(|(severity, _)| severity)
    })
}

/// Reads a configuration document.
pub(crate) fn decode_config(
    file: FileId,
    document: &Document,
    lang: Lang,
) -> (RawConfig, Vec<Finding>) {
    let interner = Interner::default();
    let mut decoder = Decoder::new(file, document, lang, &interner);
    let mut config = RawConfig::default();
    let Some(root) = &document.root else {
        return (config, decoder.findings);
    };
    let Some(top) = decoder.fields(root, What::Config, CONFIG_KEYS, "") else {
        return (config, decoder.findings);
    };
    let texts = |decoder: &mut Decoder<'_>, key: &str| -> Vec<Spanned<Text>> {
        let name = spelt(&top, key);
        decoder
            .list(&top, key)
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                decoder.text_node(node, name, PathTo::Is(&format!("{key}[{i}]")))
            })
            .collect()
    };
    config.rules = texts(&mut decoder, "rules");
    if top.get("select").is_some() {
        config.select = Some(texts(&mut decoder, "select"));
    }
    config.ignore = texts(&mut decoder, "ignore");
    config.exclude = texts(&mut decoder, "exclude");
    config.baseline = decoder.text(&top, "baseline");
    config.lang = decoder.word(&top, "lang", Lang::parse_exact, lang_words);
    config.fail_on = decoder.word(&top, "fail_on", read_severity, severity_words);
    if let Some(node) = top.get("severity") {
        match &node.value {
            Value::Map(entries) => {
                for entry in entries {
                    let path = format!("severity.{}", entry.key.value);
                    let Some(word) =
                        decoder.text_node(&entry.value, &entry.key.value, PathTo::Is(&path))
                    else {
                        continue;
                    };
                    if let Some(severity) = read_severity(&word.value) {
                        config.severity.push((
                            Spanned::new(Text::from(entry.key.value.as_str()), entry.key.span),
                            Spanned::new(severity, word.span),
                        ));
                    } else {
                        let list = quoted_list(severity_words(lang));
                        let (message, label, help) = (
                            tr!(lang, "load-unknown-severity", value = word.value.as_str()),
                            tr!(lang, "load-unknown-severity-label"),
                            tr!(lang, "load-unknown-severity-help", list = list),
                        );
                        decoder.error(word.span, message, label, Some(help), &path);
                    }
                }
            }
            _ if is_null(node) => {}
            _ => {
                let (message, label) = (
                    tr!(
                        lang,
                        "load-severity-not-a-map",
                        key = spelt(&top, "severity"),
                        found = node.describe(lang),
                    ),
                    tr!(lang, "load-severity-not-a-map-label"),
                );
                decoder.error(node.span, message, label, None, "severity");
            }
        }
    }
    config.waivers = decoder.waiver_list(&top, true);
    (config, decoder.findings)
}

/// What a mapping is, for messages; the text is the key the mapping is written under, as the
/// file writes it.
#[derive(Clone, Copy)]
pub(crate) enum What<'a> {
    PlanFile,
    Header,
    Entity(&'a str),
    Period(&'a str),
    Approval(&'a str),
    Participation,
    Objective,
    Action,
    Link,
    Indicator,
    Baseline(&'a str),
    Ficha,
    Activity,
    Investment,
    Gap,
    Waiver,
    NotTranscribed,
    Config,
}

/// The keys of one mapping, with the path that leads to it.
pub(crate) struct Fields<'n> {
    node: &'n Node,
    entries: &'n [Entry],
    /// The format's (English) name of each entry's key; `None` for unknown keys.
    names: Vec<Option<&'static str>>,
    path: Where,
    /// The key the mapping is written under, when it has one.
    under: Option<Span>,
    /// The keys that unknown keys look like misspellings of (`trace_to` → `traces_to`).
    misspelt: Vec<&'static str>,
}

impl<'n> Fields<'n> {
    fn entry(&self, key: &str) -> Option<&'n Entry> {
        self.names
            .iter()
            .position(|name| name.is_some_and(|name| same_key(name, key)))
            .and_then(|index| self.entries.get(index))
    }

    fn get(&self, key: &str) -> Option<&'n Node> {
        self.entry(key).map(|entry| &entry.value)
    }

    fn key_span(&self, key: &str) -> Option<Span> {
        self.entry(key).map(|entry| entry.key.span)
    }

    /// The key as the file writes it, when the mapping has it.
    fn written(&self, key: &str) -> Option<&'n str> {
        self.entry(key).map(|entry| entry.key.value.as_str())
    }

    fn child(&self, key: &str) -> String {
        self.at(key).build()
    }

    /// Where `key` of this mapping is, built only for a message.
    fn at<'k>(&'k self, key: &'k str) -> PathTo<'k> {
        PathTo::Under(&self.path, key)
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

/// Whether two keys are the same. Keys are looked up millions of times in a national load,
/// nearly always among keys of other lengths or other first letters, and most often by the
/// very `&'static str` the format lists (the schema's rows look up their own keys): those
/// are told apart without comparing the rest of their bytes.
#[inline]
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && (std::ptr::eq(a.as_ptr(), b.as_ptr())
            || (a.as_bytes().first() == b.as_bytes().first() && a == b))
}

/// A key the mapping has, as the file writes it (`key` itself when it is absent).
fn spelt<'a>(fields: &Fields<'a>, key: &'a str) -> &'a str {
    fields.written(key).unwrap_or(key)
}

/// Where a value is, for the message about it: built only when there is a message (a
/// national repository reads millions of values, nearly all of them fine).
#[derive(Clone, Copy)]
enum PathTo<'a> {
    /// The path, as is.
    Is(&'a str),
    /// `key` under the mapping at the path.
    Under(&'a Where, &'a str),
    /// A reference inside its owner (`traces_to[1]`).
    Reference(RefPlace),
}

impl PathTo<'_> {
    fn build(self) -> String {
        match self {
            Self::Is(path) => path.to_owned(),
            Self::Under(path, key) => join(&path.build(), key),
            Self::Reference(place) => place.path(),
        }
    }
}

/// Where a mapping is in its file (`objectives[0].actions[1].indicators[2].ficha`), kept in
/// parts and written out only for a message: a national load decodes millions of mappings,
/// and writes a handful of messages.
#[derive(Clone, Debug)]
enum Where {
    /// A path written out (`plan.period`, `waivers[0]`).
    Is(std::borrow::Cow<'static, str>),
    /// An objective (`objectives[0]`) or one of its actions (`….actions[1]`), or one of
    /// their indicators (`….indicators[2]`), and up to two keys under that (`….ficha`,
    /// `….ficha.baseline`).
    Element {
        objective: u32,
        action: Option<u32>,
        indicator: Option<u32>,
        keys: [Option<&'static str>; 2],
    },
    /// An item of a top-level list (`activities[3]`), and up to two keys under it.
    Item {
        list: &'static str,
        at: u32,
        keys: [Option<&'static str>; 2],
    },
}

impl Where {
    /// The objective at `objective`, or its action at `action`.
    fn element(objective: u32, action: Option<u32>) -> Self {
        Self::Element {
            objective,
            action,
            indicator: None,
            keys: [None, None],
        }
    }

    /// The item at `at` of the top-level list `list`.
    fn item(list: &'static str, at: u32) -> Self {
        Self::Item {
            list,
            at,
            keys: [None, None],
        }
    }

    /// The path as messages write it.
    fn build(&self) -> String {
        use std::fmt::Write as _;
        let mut path = String::new();
        // Writing into a `String` cannot fail.
        let keys = match self {
            Self::Is(path) => return path.to_string(),
            Self::Element {
                objective,
                action,
                indicator,
                keys,
            } => {
                let _ = write!(path, "objectives[{objective}]");
                if let Some(action) = action {
                    let _ = write!(path, ".actions[{action}]");
                }
                if let Some(indicator) = indicator {
                    let _ = write!(path, ".{}", indicator_path(*indicator));
                }
                keys
            }
            Self::Item { list, at, keys } => {
                let _ = write!(path, "{list}[{at}]");
                keys
            }
        };
        for key in keys.iter().flatten() {
            path.push('.');
            path.push_str(key);
        }
        path
    }

    /// The mapping under `key` of this one.
    fn under(&self, key: &'static str) -> Self {
        let with = |keys: &[Option<&'static str>; 2]| match keys {
            [None, _] => Some([Some(key), None]),
            [first @ Some(_), None] => Some([*first, Some(key)]),
            [Some(_), Some(_)] => None,
        };
        let deeper = match self {
            Self::Is(_) => None,
            Self::Element {
                objective,
                action,
                indicator,
                keys,
            } => with(keys).map(|keys| Self::Element {
                objective: *objective,
                action: *action,
                indicator: *indicator,
                keys,
            }),
            Self::Item { list, at, keys } => with(keys).map(|keys| Self::Item {
                list,
                at: *at,
                keys,
            }),
        };
        deeper.unwrap_or_else(|| Self::Is(join(&self.build(), key).into()))
    }

    /// The indicator at `at` of this element.
    fn indicator(&self, at: u32) -> Self {
        match self {
            Self::Element {
                objective,
                action,
                indicator: None,
                keys: [None, None],
            } => Self::Element {
                objective: *objective,
                action: *action,
                indicator: Some(at),
                keys: [None, None],
            },
            _ => Self::Is(format!("{}.{}", self.build(), indicator_path(at)).into()),
        }
    }
}

impl From<&'static str> for Where {
    fn from(path: &'static str) -> Self {
        Self::Is(path.into())
    }
}

impl From<String> for Where {
    fn from(path: String) -> Self {
        Self::Is(path.into())
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

pub(crate) struct Decoder<'i> {
    file: FileId,
    /// Where the plan's texts are kept once (the thread's table of the load's interner,
    /// held while the file decodes).
    interner: Local<'i>,
    findings: Vec<Finding>,
    /// The language of the messages (the run's).
    lang: Lang,
    /// The document, to tell the language its keys are written in when a message needs it.
    root: Option<&'i Node>,
    /// The language the file's keys are written in: how messages name keys and values
    /// (worked out for the first message: most files have none).
    file_lang: std::cell::OnceCell<Lang>,
}

/// The unknown keys of one mapping that are reported one by one; the rest are counted in
/// one more finding (a generated or hostile file may hold 100,000 of them).
pub const MAX_UNKNOWN_KEYS: usize = 20;

impl<'i> Decoder<'i> {
    /// A decoder for a document, starting with a finding per duplicated key.
    fn new(file: FileId, document: &'i Document, lang: Lang, interner: &'i Interner) -> Self {
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
            interner: interner.local(),
            findings,
            lang,
            root: document.root.as_ref(),
            file_lang: std::cell::OnceCell::new(),
        }
    }

    fn error(
        &mut self,
        span: Span,
        message: String,
        label: String,
        help: Option<String>,
        path: &str,
    ) {
        let mut finding = Finding::new(&LOAD_02, span, message).label(label);
        finding.help = help;
        path.clone_into(&mut finding.path);
        self.findings.push(finding);
    }

    /// A key's name as the file spells it: as written when the mapping has it, else its
    /// name in the file's language.
    fn name(&self, fields: &Fields<'_>, key: &str) -> String {
        fields
            .written(key)
            .unwrap_or_else(|| key_name(self.file_lang(), key))
            .to_owned()
    }

    /// The language the file's keys are written in.
    fn file_lang(&self) -> Lang {
        *self.file_lang.get_or_init(|| file_language(self.root))
    }

    /// A key's name in the file's language.
    fn key(&self, key: &'static str) -> &'static str {
        key_name(self.file_lang(), key)
    }

    /// What a mapping is, in words.
    fn what(&self, what: What<'_>) -> String {
        let lang = self.lang;
        match what {
            What::PlanFile => tr!(lang, "load-what-plan-file"),
            What::Header => tr!(lang, "load-what-header"),
            What::Entity(_) => tr!(lang, "load-what-entity"),
            What::Period(key) => tr!(lang, "load-what-period", key = key),
            What::Approval(_) => tr!(lang, "load-what-approval"),
            What::Participation => tr!(lang, "load-what-participation"),
            What::Objective => tr!(lang, "load-what-objective"),
            What::Action => tr!(lang, "load-what-action"),
            What::Link => tr!(lang, "load-what-link"),
            What::Indicator => tr!(lang, "load-what-indicator"),
            What::Baseline(_) => tr!(lang, "load-what-baseline"),
            What::Ficha => tr!(lang, "load-what-ficha"),
            What::Activity => tr!(lang, "load-what-activity"),
            What::Investment => tr!(lang, "load-what-investment"),
            What::Gap => tr!(lang, "load-what-gap"),
            What::Waiver => tr!(lang, "load-what-waiver"),
            What::NotTranscribed => tr!(lang, "load-what-not-transcribed"),
            What::Config => tr!(lang, "load-what-config"),
        }
    }

    /// How to write the mappings people most often get wrong, in the file's keys.
    fn shape_example(&self, what: What<'_>) -> Option<String> {
        let example = match what {
            What::Period(key) => format!(
                "{key}: {{{}: 2024, {}: 2028}}",
                self.key("start"),
                self.key("end")
            ),
            What::Entity(key) => format!(
                "{key}: {{{}: …, {}: …, {}: …, {}: \"22\"}}",
                self.key("name"),
                self.key("type"),
                self.key("level"),
                self.key("territory")
            ),
            What::Baseline(key) => format!(
                "{key}: {{{}: 2022, {}: 31.0}}",
                self.key("year"),
                self.key("value")
            ),
            What::Approval(key) => format!(
                "{key}: {{{}: …, {}: 2023-12-22}}",
                self.key("instrument"),
                self.key("date")
            ),
            _ => return None,
        };
        Some(tr!(self.lang, "load-shape-help", example = example))
    }

    /// The allowed key nearest to a misspelt one: as the file would spell it, and the
    /// format's key. The file's language is searched first, then the other.
    fn near_key(
        &self,
        written: &str,
        allowed: &[&'static str],
    ) -> Option<(&'static str, &'static str)> {
        [self.file_lang(), other(self.file_lang())]
            .into_iter()
            .find_map(|lang| {
                let candidates: Vec<(&'static str, &'static str)> = allowed
                    .iter()
                    .flat_map(|key| spellings(lang, key).map(move |spelling| (spelling, *key)))
                    .collect();
                let near = crate::suggest::closest(
                    written,
                    candidates.iter().map(|(spelling, _)| *spelling),
                )?;
                candidates
                    .iter()
                    .find(|(spelling, _)| *spelling == near)
                    .copied()
            })
    }

    /// Checks that `node` is a mapping whose keys are all in `allowed`.
    fn fields<'n>(
        &mut self,
        node: &'n Node,
        what: What<'_>,
        allowed: &[&'static str],
        path: impl Into<Where>,
    ) -> Option<Fields<'n>> {
        let path = path.into();
        let Value::Map(entries) = &node.value else {
            if !is_null(node) {
                let lang = self.lang;
                let (message, label) = (
                    tr!(
                        lang,
                        "load-not-a-mapping",
                        what = self.what(what),
                        found = node.describe(lang),
                    ),
                    tr!(lang, "load-not-a-mapping-label"),
                );
                let help = self.shape_example(what);
                self.error(node.span, message, label, help, &path.build());
            }
            return None;
        };
        let mut names: Vec<Option<&'static str>> = Vec::with_capacity(entries.len());
        let mut misspelt = Vec::new();
        let mut unknown = 0;
        for entry in entries {
            let written = entry.key.value.as_str();
            let name = allowed
                .iter()
                .copied()
                .find(|key| same_key(key, written))
                .or_else(|| spanish_key(written, allowed));
            let lang = self.lang;
            match name {
                Some(name) if names.iter().flatten().any(|seen| same_key(seen, name)) => {
                    // Named as the file wrote it the first time.
                    let first = names
                        .iter()
                        .position(|n| *n == Some(name))
                        .and_then(|i| entries.get(i))
                        .map_or(name, |first| first.key.value.as_str());
                    let (message, label, help) = (
                        tr!(
                            lang,
                            "load-key-twice",
                            key = written,
                            first = first,
                            what = self.what(what),
                        ),
                        tr!(lang, "load-key-twice-label"),
                        tr!(lang, "load-key-twice-help"),
                    );
                    self.error(
                        entry.key.span,
                        message,
                        label,
                        Some(help),
                        &join(&path.build(), written),
                    );
                    names.push(None);
                }
                Some(name) => names.push(Some(name)),
                None if unknown >= MAX_UNKNOWN_KEYS => {
                    unknown += 1;
                    names.push(None);
                }
                None => {
                    unknown += 1;
                    let near = self.near_key(written, allowed);
                    misspelt.extend(near.map(|(_, key)| key));
                    let help = if let Some((spelling, _)) = near {
                        tr!(lang, "did-you-mean", name = spelling)
                    } else {
                        let keys: Vec<&str> = allowed.iter().map(|key| self.key(key)).collect();
                        tr!(
                            lang,
                            "load-keys-are",
                            what = self.what(what),
                            list = quoted_list(&keys),
                        )
                    };
                    let (message, label) = (
                        tr!(
                            lang,
                            "load-unknown-key",
                            key = written,
                            what = self.what(what),
                        ),
                        tr!(lang, "load-unknown-key-label"),
                    );
                    self.error(
                        entry.key.span,
                        message,
                        label,
                        Some(help),
                        &join(&path.build(), written),
                    );
                    names.push(None);
                }
            }
        }
        if unknown > MAX_UNKNOWN_KEYS {
            // The rest in one finding, at the first key not listed.
            let unlisted = entries
                .iter()
                .zip(&names)
                .filter(|(_, name)| name.is_none())
                .nth(MAX_UNKNOWN_KEYS);
            if let Some((entry, _)) = unlisted {
                let lang = self.lang;
                let message = tr!(
                    lang,
                    "load-more-unknown-keys",
                    count = unknown - MAX_UNKNOWN_KEYS,
                    what = self.what(what),
                );
                let label = tr!(lang, "load-unknown-key-label");
                self.error(entry.key.span, message, label, None, &path.build());
            }
        }
        Some(Fields {
            node,
            entries,
            names,
            path,
            under: None,
            misspelt,
        })
    }

    fn missing(&mut self, fields: &Fields<'_>, key: &str, what: What<'_>) {
        // A misspelt key is already reported as unknown, with this key as its suggestion.
        let misspelt = fields
            .entries
            .iter()
            .zip(&fields.names)
            .filter(|(_, name)| name.is_none())
            .any(|(entry, _)| {
                spellings(Lang::En, key)
                    .chain(spellings(Lang::Es, key))
                    .any(|spelling| crate::suggest::closest(&entry.key.value, [spelling]).is_some())
            });
        if misspelt {
            return;
        }
        let lang = self.lang;
        let shown = self.name(fields, key);
        let (message, label) = (
            tr!(
                lang,
                "load-missing-key",
                key = shown.as_str(),
                what = self.what(what),
            ),
            tr!(
                lang,
                "load-missing-key-label",
                key = shown.as_str(),
                what = self.what(what),
            ),
        );
        self.error(fields.anchor(), message, label, None, &fields.path.build());
    }

    /// A LOAD-02 finding when a required key is absent or null.
    pub(crate) fn require(&mut self, fields: &Fields<'_>, key: &str, what: What<'_>) {
        if fields.get(key).is_none_or(is_null) {
            self.missing(fields, key, what);
        }
    }

    fn text(&mut self, fields: &Fields<'_>, key: &str) -> Option<Spanned<Text>> {
        // The key as the file spells it, from the entry found once.
        let entry = fields.entry(key)?;
        self.text_node(&entry.value, &entry.key.value, fields.at(key))
    }

    fn required_text(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
        what: What<'_>,
    ) -> Option<Spanned<Text>> {
        let value = self.text(fields, key);
        if value.is_none() && fields.get(key).is_none_or(is_null) {
            self.missing(fields, key, what);
        }
        value
    }

    /// Text; `key` is the key as the file spells it, for messages.
    fn text_node(&mut self, node: &Node, key: &str, path: PathTo<'_>) -> Option<Spanned<Text>> {
        let lang = self.lang;
        if let Value::Scalar(scalar) = &node.value {
            match scalar.resolve() {
                Plain::Text => Some(Spanned::new(self.interner.intern(&scalar.text), node.span)),
                Plain::Null => None,
                Plain::Number(_) | Plain::Bool(_) => {
                    let text = scalar.text.as_str();
                    let (message, label, help) = (
                        tr!(
                            lang,
                            "load-not-text-scalar",
                            key = key,
                            found = node.describe(lang),
                            value = text,
                        ),
                        tr!(lang, "load-not-text-scalar-label"),
                        tr!(lang, "load-not-text-scalar-help", key = key, value = text),
                    );
                    self.error(node.span, message, label, Some(help), &path.build());
                    None
                }
            }
        } else {
            let (message, label) = (
                tr!(
                    lang,
                    "load-not-text",
                    key = key,
                    found = node.describe(lang),
                ),
                tr!(lang, "load-not-text-label"),
            );
            self.error(node.span, message, label, None, &path.build());
            None
        }
    }

    /// A number; `key` is the key as the file spells it, for messages.
    fn number_node(
        &mut self,
        node: &Node,
        key: &str,
        path: PathTo<'_>,
        allow_nd: bool,
    ) -> Option<Spanned<f64>> {
        let lang = self.lang;
        if let Value::Scalar(scalar) = &node.value {
            match scalar.resolve() {
                Plain::Number(n) => return Some(Spanned::new(n, node.span)),
                Plain::Null => return None,
                Plain::Text if allow_nd && scalar.text.trim().eq_ignore_ascii_case("ND") => {
                    return None;
                }
                Plain::Text if !scalar.plain && scalar.text.trim().parse::<f64>().is_ok() => {
                    let (message, label, help) = (
                        tr!(
                            lang,
                            "load-quoted-number",
                            key = key,
                            value = scalar.text.as_str(),
                        ),
                        tr!(lang, "load-quoted-number-label"),
                        tr!(lang, "load-quoted-number-help"),
                    );
                    self.error(node.span, message, label, Some(help), &path.build());
                    return None;
                }
                _ => {}
            }
        }
        let found = node.describe(lang);
        let message = if allow_nd {
            tr!(lang, "load-not-a-number-or-nd", key = key, found = found)
        } else {
            tr!(lang, "load-not-a-number", key = key, found = found)
        };
        let label = tr!(lang, "load-not-a-number-label");
        self.error(node.span, message, label, None, &path.build());
        None
    }

    fn year_node(&mut self, node: &Node, key: &str, path: PathTo<'_>) -> Option<Spanned<i32>> {
        let number = self.number_node(node, key, path, false)?;
        let year = number.value;
        if year.fract() == 0.0 && (1900.0..=2200.0).contains(&year) {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "checked to be a whole number in 1900..=2200"
            )]
            return Some(Spanned::new(year as i32, number.span));
        }
        let lang = self.lang;
        let (message, label) = (
            tr!(lang, "load-not-a-year", key = key, value = year.to_string(),),
            tr!(lang, "load-not-a-year-label"),
        );
        self.error(number.span, message, label, None, &path.build());
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
        let lang = self.lang;
        let (message, label, help) = (
            tr!(
                lang,
                "load-not-a-date",
                key = spelt(fields, key),
                found = shown(node, lang),
            ),
            tr!(lang, "load-not-a-date-label"),
            tr!(lang, "load-not-a-date-help"),
        );
        self.error(node.span, message, label, Some(help), &path);
        None
    }

    /// One of a closed set of words: `read` reads it in either language, `words` lists the
    /// set in a language.
    fn word<T: Copy>(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
        read: fn(&str) -> Option<T>,
        words: fn(Lang) -> &'static [&'static str],
    ) -> Option<Spanned<T>> {
        let node = fields.get(key)?;
        let path = fields.at(key);
        let lang = self.lang;
        let name = spelt(fields, key);
        if let Value::Scalar(scalar) = &node.value {
            if matches!(scalar.resolve(), Plain::Null) {
                return None;
            }
            if let Some(value) = read(&scalar.text) {
                return Some(Spanned::new(value, node.span));
            }
            let list = quoted_list(words(self.file_lang()));
            let near = [self.file_lang(), other(self.file_lang())]
                .into_iter()
                .find_map(|each| did_you_mean(lang, &scalar.text, words(each).iter().copied()));
            let help = match near {
                Some(near) => tr!(lang, "load-allowed-values-near", near = near, list = list),
                None => tr!(lang, "load-allowed-values", list = list),
            };
            let (message, label) = (
                tr!(
                    lang,
                    "load-unknown-value",
                    key = name,
                    value = scalar.text.as_str(),
                ),
                tr!(
                    lang,
                    "load-unknown-value-label",
                    n = words(self.file_lang()).len(),
                ),
            );
            self.error(node.span, message, label, Some(help), &path.build());
            return None;
        }
        let (message, label, help) = (
            tr!(
                lang,
                "load-not-a-word",
                key = name,
                found = node.describe(lang),
            ),
            tr!(lang, "load-not-a-word-label"),
            tr!(
                lang,
                "load-allowed-values",
                list = quoted_list(words(self.file_lang())),
            ),
        );
        self.error(node.span, message, label, Some(help), &path.build());
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
                let lang = self.lang;
                let name = spelt(fields, key);
                let (message, label, help) = (
                    tr!(
                        lang,
                        "load-not-a-list",
                        key = name,
                        found = node.describe(lang),
                    ),
                    tr!(lang, "load-not-a-list-label"),
                    tr!(lang, "load-not-a-list-help", key = name),
                );
                self.error(node.span, message, label, Some(help), &fields.child(key));
                &[]
            }
        }
    }

    fn year_map(&mut self, fields: &Fields<'_>, key: &str) -> Option<Spanned<YearMap>> {
        let node = fields.get(key)?;
        // Paths and names are for messages: built only when one is written.
        let path = || fields.child(key);
        let lang = self.lang;
        let name = spelt(fields, key);
        let Value::Map(entries) = &node.value else {
            if !is_null(node) {
                let (message, label) = (
                    tr!(
                        lang,
                        "load-not-a-year-map",
                        key = name,
                        found = node.describe(lang),
                    ),
                    tr!(lang, "load-not-a-year-map-label"),
                );
                self.error(node.span, message, label, None, &path());
            }
            return None;
        };
        let mut years = Vec::with_capacity(entries.len());
        for entry in entries {
            let year = entry
                .key
                .value
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y));
            let Some(year) = year else {
                let (message, label) = (
                    tr!(
                        lang,
                        "load-year-map-key",
                        key = name,
                        found = entry.key.value.as_str(),
                    ),
                    tr!(lang, "load-not-a-year-label"),
                );
                self.error(entry.key.span, message, label, None, &path());
                continue;
            };
            // A number, as nearly every value is: no message to prepare.
            if let Value::Scalar(scalar) = &entry.value.value
                && let Plain::Number(number) = scalar.resolve()
            {
                years.push((year, Spanned::new(number, entry.value.span)));
                continue;
            }
            let value_path = format!("{}[{year}]", path());
            if let Some(value) = self.number_node(
                &entry.value,
                &format!("{name}[{year}]"),
                PathTo::Is(&value_path),
                false,
            ) {
                years.push((year, value));
            }
        }
        let map: YearMap = years.into_iter().collect();
        Some(Spanned::new(map, keyed(fields, key, node)))
    }

    /// A reference; `key` is the key of its list as the file spells it, for messages.
    fn reference(
        &mut self,
        node: &Node,
        key: &str,
        place: RefPlace,
        allow_why: bool,
    ) -> Option<Reference> {
        if allow_why && matches!(node.value, Value::Map(_)) {
            let fields =
                self.fields(node, What::Link, schema::keys(Mapping::Link), place.path())?;
            let text = self.required_text(&fields, "ref", What::Link);
            let why = self.text(&fields, "why").map(Box::new);
            return text.map(|text| Reference { text, why, place });
        }
        self.text_node(node, key, PathTo::Reference(place))
            .map(|text| Reference {
                text,
                why: None,
                place,
            })
    }

    fn plan(&mut self, root: &Node, header: &Entry) -> Option<Plan> {
        let top = self.fields(root, What::PlanFile, schema::keys(Mapping::PlanFile), "")?;
        let fields = self
            .fields(
                &header.value,
                What::Header,
                schema::keys(Mapping::Header),
                "plan",
            )
            .map(|fields| fields.under(Some(header.key.span)));
        let lang = self.lang;
        let Some(fields) = fields else {
            if is_null(&header.value) {
                let (message, label) = (
                    tr!(lang, "load-empty-header"),
                    tr!(lang, "load-empty-header-label", kind = self.key("kind")),
                );
                self.error(header.key.span, message, label, None, "plan");
            }
            return None;
        };
        // The plan's identity, read by hand: without it there is no plan.
        let id = self.required_text(&fields, "id", What::Header);
        if let Some(id) = &id
            && !valid_id(&id.value)
        {
            let (message, label, help) = (
                tr!(lang, "load-invalid-id", id = id.value.as_str()),
                tr!(lang, "load-invalid-id-label"),
                tr!(lang, "load-invalid-id-help"),
            );
            self.error(id.span, message, label, Some(help), "plan.id");
        }
        let kind = self.word(&fields, "kind", PlanKind::read, PlanKind::words);
        if fields.get("kind").is_none_or(is_null) {
            self.missing(&fields, "kind", What::Header);
        }
        let entity = self.entity(&fields);
        let period = self.period(&fields);
        let approval = fields.get("approval").and_then(|node| {
            let key = spelt(&fields, "approval");
            let what = What::Approval(key);
            let record =
                self.fields(node, what, schema::keys(Mapping::Approval), "plan.approval")?;
            let mut approval = Approval {
                span: keyed(&fields, "approval", node),
                ..Approval::default()
            };
            schema::APPROVAL.decode(self, &record, what, Place::Here, &mut approval);
            Some(approval)
        });
        let before = self.findings.len();
        let upper_name = spelt(&fields, "upper");
        let upper = self
            .list(&fields, "upper")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                self.reference(node, upper_name, RefPlace::Upper(position(i)), false)
            })
            .collect();
        let upper_broken = self.findings.len() > before || fields.misspelt.contains(&"upper");
        let participation = self
            .list(&fields, "participation")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                let path = format!("plan.participation[{i}]");
                let what = What::Participation;
                let record = self.fields(node, what, schema::keys(Mapping::Participation), path)?;
                let mut participation = Participation::default();
                schema::PARTICIPATION.decode(self, &record, what, Place::Here, &mut participation);
                Some(participation)
            })
            .collect();

        let kind_value = kind.as_ref().map(|k| k.value);
        let objectives = self
            .list(&top, "objectives")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                let at = position(i);
                self.element(node, Where::element(at, None), (at, at), false)
            })
            .collect::<Vec<_>>();
        let activities = self
            .list(&top, "activities")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                let at = position(i);
                self.activity(node, Where::item("activities", at), at)
            })
            .collect::<Vec<_>>();
        let investments = self
            .list(&top, "investments")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                let at = position(i);
                self.investment(node, Where::item("investments", at), at)
            })
            .collect::<Vec<_>>();
        let waivers = self.waivers(&top);
        let not_transcribed = self.not_transcribed(&top);
        self.kind_fits(&top, kind_value);

        let mut plan = Plan {
            file: self.file,
            header: header.key.span,
            entity,
            period,
            approval,
            upper,
            upper_key: fields.key_span("upper"),
            upper_broken,
            participation,
            participation_key: fields.key_span("participation"),
            objectives,
            activities,
            investments,
            waivers,
            not_transcribed,
            ..Plan::default()
        };
        schema::PLAN.decode(self, &fields, What::Header, Place::Header, &mut plan);
        schema::PLAN.decode(self, &top, What::PlanFile, Place::Top, &mut plan);
        plan.id = id?;
        plan.kind = kind?;
        plan.objectives.shrink_to_fit();
        plan.activities.shrink_to_fit();
        plan.investments.shrink_to_fit();
        Some(plan)
    }

    /// A POI holds activities and investments; every other plan holds objectives.
    fn kind_fits(&mut self, top: &Fields<'_>, kind: Option<PlanKind>) {
        let Some(kind) = kind else { return };
        let misplaced: &[&str] = if kind == PlanKind::Poi {
            &["objectives"]
        } else {
            &["activities", "investments", "budget_ceiling"]
        };
        let lang = self.lang;
        for key in misplaced {
            if let Some(span) = top.key_span(key) {
                let name = spelt(top, key);
                let label = if kind == PlanKind::Poi {
                    tr!(lang, "load-misplaced-elsewhere-label", key = name)
                } else {
                    tr!(
                        lang,
                        "load-misplaced-poi-label",
                        key = name,
                        poi = PlanKind::Poi.word(self.file_lang()),
                    )
                };
                let message = tr!(
                    lang,
                    "load-misplaced",
                    kind = kind.word(self.file_lang()),
                    key = name,
                );
                self.error(span, message, label, None, key);
            }
        }
    }

    fn entity(&mut self, header: &Fields<'_>) -> Entity {
        let Some(node) = header.get("entity") else {
            self.missing(header, "entity", What::Header);
            return Entity::default();
        };
        let key = spelt(header, "entity");
        let what = What::Entity(key);
        let Some(fields) = self
            .fields(node, what, schema::keys(Mapping::Entity), "plan.entity")
            .map(|fields| fields.under(header.key_span("entity")))
        else {
            return Entity::default();
        };
        let mut entity = Entity::default();
        schema::ENTITY.decode(self, &fields, what, Place::Here, &mut entity);
        let national = entity
            .level
            .as_ref()
            .is_some_and(|level| level.value == Level::National);
        let lang = self.lang;
        if entity.level.is_some() && !national && fields.get("territory").is_none_or(is_null) {
            let territory = self.name(&fields, "territory");
            let (message, label, help) = (
                tr!(
                    lang,
                    "load-missing-key",
                    key = territory.as_str(),
                    what = self.what(what),
                ),
                tr!(lang, "load-missing-territory-label"),
                tr!(lang, "load-missing-territory-help"),
            );
            self.error(fields.anchor(), message, label, Some(help), "plan.entity");
        }
        if let Some(territory) = &entity.territory
            && (!matches!(territory.value.len(), 2 | 4 | 6)
                || !territory.value.bytes().all(|b| b.is_ascii_digit()))
        {
            let (message, label, help) = (
                tr!(
                    lang,
                    "load-invalid-ubigeo",
                    value = territory.value.as_str()
                ),
                tr!(lang, "load-invalid-ubigeo-label"),
                tr!(lang, "load-invalid-ubigeo-help"),
            );
            self.error(
                territory.span,
                message,
                label,
                Some(help),
                "plan.entity.territory",
            );
        }
        entity
    }

    /// The period, read by hand: both years, in order, or none.
    fn period(&mut self, header: &Fields<'_>) -> Option<Period> {
        let Some(node) = header.get("period") else {
            self.missing(header, "period", What::Header);
            return None;
        };
        let key = spelt(header, "period");
        let what = What::Period(key);
        let keys = schema::keys(Mapping::Period);
        let fields = self
            .fields(node, what, keys, "plan.period")?
            .under(header.key_span("period"));
        let start_name = spelt(&fields, "start");
        let end_name = spelt(&fields, "end");
        let start = fields
            .get("start")
            .and_then(|n| self.year_node(n, start_name, PathTo::Is("plan.period.start")));
        let end = fields
            .get("end")
            .and_then(|n| self.year_node(n, end_name, PathTo::Is("plan.period.end")));
        for key in keys {
            self.require(&fields, key, what);
        }
        let (start, end) = (start?, end?);
        if end.value < start.value {
            let lang = self.lang;
            let (message, label) = (
                tr!(
                    lang,
                    "load-period-reversed",
                    start = start.value.to_string(),
                    end = end.value.to_string(),
                ),
                tr!(lang, "load-period-reversed-label", start = start_name),
            );
            self.error(end.span, message, label, None, "plan.period.end");
            return None;
        }
        Some(Period {
            start: start.value,
            end: end.value,
            span: keyed(header, "period", node),
        })
    }

    /// An element; `at` is (its objective's position as written, its own).
    fn element(
        &mut self,
        node: &Node,
        path: Where,
        at: (u32, u32),
        is_action: bool,
    ) -> Option<Element> {
        let (what, mapping) = if is_action {
            (What::Action, Mapping::Action)
        } else {
            (What::Objective, Mapping::Objective)
        };
        let fields = self.fields(node, what, schema::keys(mapping), path)?;
        let before = self.findings.len();
        let traces_name = spelt(&fields, "traces_to");
        let traces_to = self
            .list(&fields, "traces_to")
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                self.reference(item, traces_name, RefPlace::Trace(position(i)), true)
            })
            .collect();
        let traces_broken = self.findings.len() > before || fields.misspelt.contains(&"traces_to");
        let indicators = self
            .list(&fields, "indicators")
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let at = position(i);
                let path = fields.path.indicator(at);
                self.indicator(item, path, at)
            })
            .collect();
        let actions = self
            .list(&fields, "actions")
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let action = position(i);
                let path = Where::element(at.0, Some(action));
                self.element(item, path, (at.0, action), true)
            })
            .collect();
        let mut element = Element {
            is_action,
            traces_to,
            traces_to_key: fields.key_span("traces_to"),
            traces_broken,
            indicators,
            actions,
            span: node.span,
            objective_at: at.0,
            at: at.1,
            ..Element::default()
        };
        schema::ELEMENT.decode(self, &fields, what, Place::Here, &mut element);
        Some(element)
    }

    fn indicator(&mut self, node: &Node, full_path: Where, at: u32) -> Option<Indicator> {
        let fields = self.fields(
            node,
            What::Indicator,
            schema::keys(Mapping::Indicator),
            full_path,
        )?;
        let baseline = self.baseline(&fields);
        let ficha = fields.get("ficha").and_then(|node| {
            let path = fields.path.under("ficha");
            let what = What::Ficha;
            let record = self.fields(node, what, schema::keys(Mapping::Ficha), path)?;
            let mut ficha = Ficha {
                span: keyed(&fields, "ficha", node),
                baseline: self.baseline(&record),
                ..Ficha::default()
            };
            schema::FICHA.decode(self, &record, what, Place::Here, &mut ficha);
            Some(Box::new(ficha))
        });
        let mut indicator = Indicator {
            baseline,
            ficha,
            span: node.span,
            at,
            ..Indicator::default()
        };
        schema::INDICATOR.decode(self, &fields, What::Indicator, Place::Here, &mut indicator);
        Some(indicator)
    }

    /// The `baseline` of an indicator or of its ficha técnica.
    fn baseline(&mut self, fields: &Fields<'_>) -> Option<Baseline> {
        let node = fields.get("baseline")?;
        let path = fields.path.under("baseline");
        let what = What::Baseline(spelt(fields, "baseline"));
        let record = self.fields(node, what, schema::keys(Mapping::Baseline), path)?;
        let mut baseline = Baseline {
            span: keyed(fields, "baseline", node),
            ..Baseline::default()
        };
        schema::BASELINE.decode(self, &record, what, Place::Here, &mut baseline);
        Some(baseline)
    }

    /// An activity's or investment's `action`, and whether it could not be decoded.
    fn action(&mut self, fields: &Fields<'_>) -> (Option<Reference>, bool) {
        let before = self.findings.len();
        let action_name = spelt(fields, "action");
        let action = fields
            .get("action")
            .and_then(|n| self.reference(n, action_name, RefPlace::Action, false));
        let broken = self.findings.len() > before || fields.misspelt.contains(&"action");
        (action, broken)
    }

    fn activity(&mut self, node: &Node, path: Where, at: u32) -> Option<Activity> {
        let what = What::Activity;
        let fields = self.fields(node, what, schema::keys(Mapping::Activity), path)?;
        let (action, action_broken) = self.action(&fields);
        let mut activity = Activity {
            action,
            action_broken,
            span: node.span,
            at,
            ..Activity::default()
        };
        schema::ACTIVITY.decode(self, &fields, what, Place::Here, &mut activity);
        Some(activity)
    }

    fn investment(&mut self, node: &Node, path: Where, at: u32) -> Option<Investment> {
        let what = What::Investment;
        let fields = self.fields(node, what, schema::keys(Mapping::Investment), path)?;
        let (action, action_broken) = self.action(&fields);
        let gaps = self
            .list(&fields, "gaps")
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let gap_path = format!("{}.gaps[{i}]", fields.path.build());
                let record = self.fields(item, What::Gap, schema::keys(Mapping::Gap), gap_path)?;
                let mut gap = Gap {
                    span: item.span,
                    ..Gap::default()
                };
                schema::GAP.decode(self, &record, What::Gap, Place::Here, &mut gap);
                Some(gap)
            })
            .collect();
        let mut investment = Investment {
            action,
            action_broken,
            gaps,
            gaps_key: fields.key_span("gaps"),
            span: node.span,
            at,
            ..Investment::default()
        };
        schema::INVESTMENT.decode(self, &fields, what, Place::Here, &mut investment);
        Some(investment)
    }

    /// The findings about data the transcription lacks (`not_transcribed`).
    fn not_transcribed(&mut self, top: &Fields<'_>) -> Vec<Waiver> {
        self.list(top, "not_transcribed")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                let path = format!("not_transcribed[{i}]");
                let what = What::NotTranscribed;
                let fields =
                    self.fields(node, what, schema::keys(Mapping::NotTranscribed), path)?;
                let mut entry = Waiver {
                    span: node.span,
                    ..Waiver::default()
                };
                schema::NOT_TRANSCRIBED.decode(self, &fields, what, Place::Here, &mut entry);
                (!entry.rule.value.is_empty()).then_some(entry)
            })
            .collect()
    }

    fn waivers(&mut self, top: &Fields<'_>) -> Vec<Waiver> {
        self.waiver_list(top, false)
    }

    /// Waivers of a plan, or of the configuration (which name their plan). A waiver without
    /// a readable rule is dropped (its LOAD-02 finding says why).
    fn waiver_list(&mut self, top: &Fields<'_>, in_config: bool) -> Vec<Waiver> {
        let mapping = if in_config {
            Mapping::ConfigWaiver
        } else {
            Mapping::Waiver
        };
        self.list(top, "waivers")
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                let path = format!("waivers[{i}]");
                let fields = self.fields(node, What::Waiver, schema::keys(mapping), path)?;
                let mut waiver = Waiver {
                    span: node.span,
                    ..Waiver::default()
                };
                if in_config {
                    schema::WAIVER.decode(
                        self,
                        &fields,
                        What::Waiver,
                        Place::ConfigOnly,
                        &mut waiver,
                    );
                }
                schema::WAIVER.decode(self, &fields, What::Waiver, Place::Here, &mut waiver);
                (!waiver.rule.value.is_empty()).then_some(waiver)
            })
            .collect()
    }
}

/// A model member the loader reads from one key of a mapping, by the member's type; the
/// field table ([`schema`]) says which member each key fills.
pub(crate) trait Decode {
    /// Reads `meta.key` of `fields` into `self`, with a LOAD-02 finding when the value does
    /// not fit (an absent or null key leaves `self` empty).
    fn decode(&mut self, decoder: &mut Decoder<'_>, fields: &Fields<'_>, meta: &Meta);
}

impl Decode for Option<Spanned<Text>> {
    fn decode(&mut self, decoder: &mut Decoder<'_>, fields: &Fields<'_>, meta: &Meta) {
        *self = decoder.text(fields, meta.key);
    }
}

/// A code: empty, at the mapping, when it is missing (a required key's finding says so).
impl Decode for Spanned<Text> {
    fn decode(&mut self, decoder: &mut Decoder<'_>, fields: &Fields<'_>, meta: &Meta) {
        *self = decoder
            .text(fields, meta.key)
            .unwrap_or_else(|| Spanned::new(Text::default(), fields.anchor()));
    }
}

impl Decode for Option<Spanned<f64>> {
    fn decode(&mut self, decoder: &mut Decoder<'_>, fields: &Fields<'_>, meta: &Meta) {
        *self = fields.get(meta.key).and_then(|node| {
            decoder.number_node(node, spelt(fields, meta.key), fields.at(meta.key), meta.nd)
        });
    }
}

/// A year.
impl Decode for Option<Spanned<i32>> {
    fn decode(&mut self, decoder: &mut Decoder<'_>, fields: &Fields<'_>, meta: &Meta) {
        *self = fields
            .get(meta.key)
            .and_then(|node| decoder.year_node(node, spelt(fields, meta.key), fields.at(meta.key)));
    }
}

impl Decode for Option<Spanned<Date>> {
    fn decode(&mut self, decoder: &mut Decoder<'_>, fields: &Fields<'_>, meta: &Meta) {
        *self = decoder.date(fields, meta.key);
    }
}

impl Decode for Option<Spanned<YearMap>> {
    fn decode(&mut self, decoder: &mut Decoder<'_>, fields: &Fields<'_>, meta: &Meta) {
        *self = decoder.year_map(fields, meta.key);
    }
}

impl<W: Word> Decode for Option<Spanned<W>> {
    fn decode(&mut self, decoder: &mut Decoder<'_>, fields: &Fields<'_>, meta: &Meta) {
        *self = decoder.word(fields, meta.key, W::read, W::words);
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

/// A value for a message: a scalar as written, in backticks, or the shape of a collection.
fn shown(node: &Node, lang: Lang) -> String {
    match &node.value {
        Value::Scalar(scalar) => format!("`{}`", scalar.text),
        _ => node.describe(lang),
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

/// A key as keys are compared: lowercase, without accents, `_` for a space or a hyphen.
fn plain_key(written: &str) -> String {
    crate::i18n::folded(written)
        .chars()
        .map(|c| match c {
            'ñ' => 'n',
            ' ' | '-' => '_',
            other => other,
        })
        .collect()
}

/// Every Spanish name of a key of the format, as keys are compared, with its key.
fn folded_names() -> &'static [(String, &'static str)] {
    static NAMES: std::sync::LazyLock<Vec<(String, &'static str)>> =
        std::sync::LazyLock::new(|| {
            schema::spanish_names()
                .iter()
                .flat_map(|(key, names)| names.iter().map(|name| (plain_key(name), *key)))
                .collect()
        });
    &NAMES
}

/// The format's key for a Spanish key of CEPLAN's matrices (`codigo` → `code`), when
/// that key belongs to the mapping being read (`tipo` is `kind` in the header and
/// `type` in an entity). Accents and case do not matter.
fn spanish_key(written: &str, allowed: &[&'static str]) -> Option<&'static str> {
    /// The format's keys of each folded Spanish name (in the order of `folded_names`), and
    /// the folded form of each name as the format spells it (most files write them so:
    /// found without folding).
    struct Names {
        folded: rustc_hash::FxHashMap<&'static str, Vec<&'static str>>,
        exact: rustc_hash::FxHashMap<&'static str, &'static str>,
    }
    static NAMES: std::sync::LazyLock<Names> = std::sync::LazyLock::new(|| {
        let mut folded: rustc_hash::FxHashMap<&'static str, Vec<&'static str>> =
            rustc_hash::FxHashMap::default();
        for (name, key) in folded_names() {
            folded.entry(name.as_str()).or_default().push(key);
        }
        let mut exact = rustc_hash::FxHashMap::default();
        for (name, (plain, _)) in schema::spanish_names()
            .iter()
            .flat_map(|(_, names)| names.iter())
            .zip(folded_names())
        {
            exact.entry(*name).or_insert(plain.as_str());
        }
        Names { folded, exact }
    });
    let keys = match NAMES.exact.get(written) {
        Some(plain) => NAMES.folded.get(plain),
        None => NAMES.folded.get(plain_key(written).as_str()),
    }?;
    keys.iter().find_map(|key| {
        allowed
            .iter()
            .copied()
            .find(|allowed| same_key(allowed, key))
    })
}

/// How a key is spelt in `lang`: the format's key, or every Spanish name of it (the key
/// itself when it has none, like `id`).
fn spellings(lang: Lang, key: &str) -> impl Iterator<Item = &str> {
    let spanish: &'static [&'static str] = match lang {
        Lang::En => &[],
        Lang::Es => schema::spanish(key),
    };
    let own = spanish.is_empty().then_some(key);
    spanish.iter().copied().chain(own)
}

/// A key's name in `lang`: the format's key, or its usual Spanish name.
fn key_name(lang: Lang, key: &str) -> &str {
    spellings(lang, key).next().unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::element_path;

    #[test]
    fn a_path_kept_in_parts_is_written_as_messages_write_it() {
        let objective = Where::element(0, None);
        assert_eq!(objective.build(), element_path(0, None));
        let action = Where::element(1, Some(2));
        assert_eq!(action.build(), element_path(1, Some(2)));
        let indicator = action.indicator(3);
        assert_eq!(
            indicator.build(),
            format!("{}.{}", element_path(1, Some(2)), indicator_path(3))
        );
        let baseline = indicator.under("ficha").under("baseline");
        assert_eq!(
            baseline.build(),
            "objectives[1].actions[2].indicators[3].ficha.baseline"
        );
        // Deeper than two keys: written out.
        assert_eq!(
            baseline.under("value").build(),
            "objectives[1].actions[2].indicators[3].ficha.baseline.value"
        );
        assert_eq!(
            PathTo::Under(&baseline, "year").build(),
            "objectives[1].actions[2].indicators[3].ficha.baseline.year"
        );
        let activity = Where::Item {
            list: "activities",
            at: 4,
            keys: [None, None],
        };
        assert_eq!(activity.build(), "activities[4]");
        assert_eq!(activity.under("gaps").build(), "activities[4].gaps");
        assert_eq!(Where::from("plan.period").build(), "plan.period");
        assert_eq!(Where::from(String::new()).under("plan").build(), "plan");
        assert_eq!(
            Where::from("plan").indicator(0).build(),
            "plan.indicators[0]"
        );
        assert_eq!(
            PathTo::Reference(RefPlace::Trace(1)).build(),
            "traces_to[1]"
        );
    }

    #[test]
    fn keys_are_the_same_by_their_bytes_wherever_they_are_kept() {
        let written = String::from("traces_to");
        assert!(same_key("traces_to", &written));
        assert!(same_key("code", "code"));
        assert!(!same_key("code", "cod"));
        assert!(!same_key("code", "node"));
        assert!(!same_key("code", "cods"));
        assert!(same_key("", ""));
    }
}
