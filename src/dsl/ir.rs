//! The compiled form of checked rules: names resolved to slots and fields,
//! enum words to constants, regexes compiled. The evaluator runs this, never text.

use crate::dsl::ast::{BinaryOp, Quantifier};
use crate::dsl::schema::{Builtin, Field};
use crate::i18n::Lang;
use crate::plan::model::PlanKind;
use crate::report::{Pillar, Severity};

/// A constant.
#[derive(Clone, Debug)]
pub(crate) enum Lit {
    Bool(bool),
    Num(f64),
    Str(Box<str>),
    Enum(&'static str),
}

/// A compiled expression.
#[derive(Clone, Debug)]
pub(crate) enum Ir {
    Lit(Lit),
    Var(usize),
    Field(Box<Ir>, Field),
    Index(Box<Ir>, Box<Ir>),
    Call(Builtin, Vec<Ir>),
    Matches(Box<Ir>, regex::Regex),
    Not(Box<Ir>),
    Negate(Box<Ir>),
    Binary(BinaryOp, Box<Ir>, Box<Ir>),
    Quantified(Quantifier, usize, Box<Ir>, Box<Ir>),
    Count(Box<Ir>),
    CountWhere(usize, Box<Ir>, Box<Ir>),
    Comprehension {
        slot: usize,
        source: Box<Ir>,
        filter: Option<Box<Ir>>,
        item: Box<Ir>,
    },
    List(Vec<Ir>),
    /// A `def` call: the argument values go to slots, then the body runs.
    Let(Vec<(usize, Ir)>, Box<Ir>),
}

/// A piece of a compiled message.
#[derive(Clone, Debug)]
pub(crate) enum IrPart {
    Text(String),
    Expr(Ir),
}

/// The root collections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Root {
    Plans,
    Objectives,
    Actions,
    Elements,
    Indicators,
    Activities,
    Investments,
    Links,
}

/// What a `for` variable ranges over.
#[derive(Clone, Debug)]
pub(crate) enum Source {
    Root(Root, Vec<PlanKind>),
    Expr(Ir),
}

/// The metadata of a rule: what `explain`, `rules list` and every finding show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleMeta {
    /// `ART-01`.
    pub id: String,
    /// `objective-not-articulated`.
    pub slug: String,
    /// One-line title.
    pub title: String,
    /// The title in Spanish (`title.es`), when the rule has one.
    pub title_es: Option<String>,
    /// Default severity.
    pub severity: Severity,
    /// Pillar.
    pub pillar: Pillar,
    /// The public value profile's check the rule's findings feed (`check …`), if any.
    pub check: Option<String>,
    /// The CEPLAN norm the rule comes from.
    pub source: Option<String>,
    /// `preview`, `stable` or `deprecated`.
    pub status: String,
    /// The `///` documentation, one entry per line: the English sections and the Spanish ones.
    pub docs: Vec<String>,
    /// The rule's text as written.
    pub text: String,
    /// The file the rule comes from.
    pub file: String,
}

impl RuleMeta {
    /// The title in `lang`; a rule without a Spanish title shows its English one.
    #[must_use]
    pub fn title_in(&self, lang: Lang) -> &str {
        match (lang, &self.title_es) {
            (Lang::Es, Some(title)) => title,
            _ => &self.title,
        }
    }

    /// The documentation section headed `label` (`What it checks`, `Qué verifica`), joined
    /// into one paragraph.
    #[must_use]
    pub fn section(&self, label: &str) -> Option<String> {
        sections_of(&self.docs)
            .into_iter()
            .find(|(head, _)| *head == label)
            .map(|(_, text)| text)
    }

    /// The documentation sections in `lang`, in order: each English section with its label
    /// in `lang`, and its text in `lang` (a section without a Spanish text shows the English one).
    #[must_use]
    pub fn sections_in(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let written = sections_of(&self.docs);
        let find = |label: &str| {
            written
                .iter()
                .find(|(head, _)| *head == label)
                .map(|(_, text)| text.clone())
        };
        SECTIONS
            .iter()
            .zip(SECTIONS_ES)
            .filter_map(|(english, spanish)| {
                let text = find(english)?;
                Some(match lang {
                    Lang::En => (*english, text),
                    Lang::Es => (*spanish, find(spanish).unwrap_or(text)),
                })
            })
            .collect()
    }

    /// The documentation as one text (for SARIF and JSON), sections separated by blank lines.
    #[must_use]
    pub fn doc_text(&self) -> String {
        self.doc_text_in(Lang::En)
    }

    /// [`RuleMeta::doc_text`] in `lang`.
    #[must_use]
    pub fn doc_text_in(&self, lang: Lang) -> String {
        self.sections_in(lang)
            .iter()
            .map(|(label, text)| format!("{label}: {text}"))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The Spanish texts the rule lacks, as a rule file writes them (`title.es`,
    /// `/// Qué verifica:`): the title, and each documentation section written in English
    /// without its Spanish one.
    #[must_use]
    pub fn untranslated(&self) -> Vec<String> {
        let written = sections_of(&self.docs);
        let has = |label: &str| written.iter().any(|(head, _)| *head == label);
        let mut missing = Vec::new();
        if self.title_es.is_none() {
            missing.push("title.es".to_owned());
        }
        for (english, spanish) in SECTIONS.iter().zip(SECTIONS_ES) {
            if has(english) && !has(spanish) {
                missing.push(format!("/// {spanish}:"));
            }
        }
        missing
    }
}

/// The documentation sections, in order.
pub const SECTIONS: &[&str] = &["What it checks", "Why it matters", "Example", "Use instead"];

/// The same sections in Spanish, in the same order: `/// Qué verifica: …` in a rule file.
pub const SECTIONS_ES: &[&str] = &["Qué verifica", "Por qué importa", "Ejemplo", "En su lugar"];

/// The section labels of `lang`.
#[must_use]
pub fn section_labels(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => SECTIONS,
        Lang::Es => SECTIONS_ES,
    }
}

/// The label a documentation line starts a section with, if it does: `Qué verifica` also
/// written without accents (`Que verifica`), any case.
fn label_of(head: &str) -> Option<&'static str> {
    let plain = |text: &str| {
        text.trim()
            .to_lowercase()
            .replace('á', "a")
            .replace('é', "e")
            .replace('í', "i")
            .replace('ó', "o")
            .replace('ú', "u")
    };
    let head = plain(head);
    SECTIONS
        .iter()
        .chain(SECTIONS_ES)
        .copied()
        .find(|label| plain(label) == head)
}

/// The sections of `///` documentation lines, in the order written: (label, paragraph). A
/// section runs from the line that starts with its label and a colon to the next such line.
#[must_use]
pub fn sections_of(docs: &[String]) -> Vec<(&'static str, String)> {
    let mut sections: Vec<(&'static str, Vec<String>)> = Vec::new();
    for line in docs {
        if let Some((head, rest)) = line.split_once(':')
            && let Some(label) = label_of(head)
        {
            sections.push((label, vec![rest.trim().to_owned()]));
            continue;
        }
        if let Some((_, text)) = sections.last_mut() {
            text.push(line.trim().to_owned());
        }
    }
    sections
        .into_iter()
        .filter_map(|(label, text)| {
            let joined = text.join(" ").trim().to_owned();
            (!joined.is_empty()).then_some((label, joined))
        })
        .collect()
}

/// A rule that parsed and type-checked, compiled.
///
/// INVARIANT: only `dsl::typeck` makes these (the fields are private to `dsl`, and
/// the evaluator reads them through the accessors below), so the evaluator never
/// sees a rule that did not pass the checker.
#[derive(Clone, Debug)]
pub struct CheckedRule {
    pub(in crate::dsl) meta: RuleMeta,
    pub(in crate::dsl) slots: usize,
    pub(in crate::dsl) bindings: Vec<(usize, Source)>,
    pub(in crate::dsl) filter: Option<Ir>,
    pub(in crate::dsl) require: Ir,
    pub(in crate::dsl) message: Vec<IrPart>,
    pub(in crate::dsl) message_es: Option<Vec<IrPart>>,
    pub(in crate::dsl) at: Option<Ir>,
    pub(in crate::dsl) help: Option<Vec<IrPart>>,
    pub(in crate::dsl) help_es: Option<Vec<IrPart>>,
}

impl CheckedRule {
    /// The number of variable slots evaluation needs.
    pub(crate) fn slots(&self) -> usize {
        self.slots
    }

    /// The `for` bindings: slot and source.
    pub(crate) fn bindings(&self) -> &[(usize, Source)] {
        &self.bindings
    }

    /// The `where` condition.
    pub(crate) fn filter(&self) -> Option<&Ir> {
        self.filter.as_ref()
    }

    /// The `require` condition.
    pub(crate) fn require(&self) -> &Ir {
        &self.require
    }

    /// The message template in `lang` (English when the rule has no Spanish message).
    pub(crate) fn message(&self, lang: Lang) -> &[IrPart] {
        match (lang, &self.message_es) {
            (Lang::Es, Some(message)) => message,
            _ => &self.message,
        }
    }

    /// The `at` path.
    pub(crate) fn at(&self) -> Option<&Ir> {
        self.at.as_ref()
    }

    /// The help template in `lang` (English when the rule has no Spanish help).
    pub(crate) fn help(&self, lang: Lang) -> Option<&[IrPart]> {
        match (lang, &self.help_es) {
            (Lang::Es, Some(help)) => Some(help),
            _ => self.help.as_deref(),
        }
    }

    /// The Spanish texts the rule lacks, as a rule file writes them: `title.es`,
    /// `message.es`, `help.es` (when it has an English `help`) and the documentation
    /// sections (`/// Qué verifica:`). Empty when the rule is complete in Spanish.
    #[must_use]
    pub fn untranslated(&self) -> Vec<String> {
        let mut missing = self.meta.untranslated();
        let at = usize::from(self.meta.title_es.is_none());
        if self.message_es.is_none() {
            missing.insert(at, "message.es".to_owned());
        }
        if self.help.is_some() && self.help_es.is_none() {
            let at = at + usize::from(self.message_es.is_none());
            missing.insert(at, "help.es".to_owned());
        }
        missing
    }

    /// The rule's metadata.
    #[must_use]
    pub fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
