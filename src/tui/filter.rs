//! The filter language of the Findings view (`f`).
//!
//! A filter is a list of terms, all of which must hold. A term is free text (a
//! case-insensitive substring of the rule, slug, severity, message, plan, element,
//! file and YAML path) or a scoped test: `%rule ART` (rule id or slug starting with
//! it; `%rule ART-01,REF` with any of them), `%sev>=warning` (also `>`, `<=`, `<`, `=`, or a bare value for `=`),
//! `%plan pei-` (plan id containing it), `%pillar value`, `%file moyobamba`,
//! `%element OEI.03`. Field names may be shortened to any unambiguous prefix
//! (`%r`, `%s`, `%pl`, `%pi`). `!` before a term negates it. Values with spaces go in
//! double quotes.
//!
//! The filter reads both languages, whatever the run's: fields have Spanish names too
//! (`%regla`, `%severidad`, `%pilar`, `%archivo`, `%elemento`), severities and pillars
//! may be written in Spanish (`%sev>=advertencia`, `%pilar valor`, with or without
//! accents), and free text also finds the Spanish words of a finding's severity and
//! pillar. Its mistakes are explained in the run's language.

#[cfg(test)]
mod tests;

use crate::i18n::Lang;
use crate::report::{Finding, Pillar, Severity};
use crate::tr;

/// A parsed filter; the empty filter keeps everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    terms: Vec<Term>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Term {
    negated: bool,
    test: Test,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cmp {
    Eq,
    Ge,
    Gt,
    Le,
    Lt,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Test {
    Text(String),
    /// Any of these prefixes.
    Rule(Vec<String>),
    Severity(Cmp, Severity),
    Plan(String),
    Pillar(Pillar),
    File(String),
    Element(String),
}

/// What a scoped term tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Rule,
    Severity,
    Plan,
    Pillar,
    File,
    Element,
}

/// The scoped fields by name, English then Spanish, in the order prefixes are tried.
const FIELDS: &[(&str, Field)] = &[
    ("rule", Field::Rule),
    ("severity", Field::Severity),
    ("sev", Field::Severity),
    ("plan", Field::Plan),
    ("pillar", Field::Pillar),
    ("file", Field::File),
    ("element", Field::Element),
    ("regla", Field::Rule),
    ("severidad", Field::Severity),
    ("pilar", Field::Pillar),
    ("archivo", Field::File),
    ("elemento", Field::Element),
];

impl Filter {
    /// Reads a filter.
    ///
    /// # Errors
    /// A message for the status line, in `lang`, when a field is unknown, a value is
    /// missing or a severity or pillar is not one.
    pub fn parse(text: &str, lang: Lang) -> Result<Self, String> {
        let words = split(text, lang)?;
        let mut terms = Vec::new();
        let mut words = words.into_iter();
        while let Some(word) = words.next() {
            let (negated, word) = match word.strip_prefix('!') {
                Some(rest) => (true, rest.to_owned()),
                None => (false, word),
            };
            if word.is_empty() {
                continue;
            }
            let Some(scoped) = word.strip_prefix('%') else {
                terms.push(Term {
                    negated,
                    test: Test::Text(word.to_lowercase()),
                });
                continue;
            };
            let split_at = scoped.find(['>', '<', '=']).unwrap_or(scoped.len());
            let (name, rest) = scoped.split_at(split_at);
            let (cmp, inline) = if let Some(value) = rest.strip_prefix(">=") {
                (Cmp::Ge, value)
            } else if let Some(value) = rest.strip_prefix("<=") {
                (Cmp::Le, value)
            } else if let Some(value) = rest.strip_prefix('>') {
                (Cmp::Gt, value)
            } else if let Some(value) = rest.strip_prefix('<') {
                (Cmp::Lt, value)
            } else if let Some(value) = rest.strip_prefix('=') {
                (Cmp::Eq, value)
            } else {
                (Cmp::Eq, rest)
            };
            let (written, field) = field_named(name, lang)?;
            let value = if inline.is_empty() {
                words
                    .next()
                    .ok_or_else(|| tr!(lang, "tui-filter-needs-value", field = written))?
            } else {
                inline.to_owned()
            };
            let value = value.to_lowercase();
            if cmp != Cmp::Eq && field != Field::Severity {
                return Err(tr!(lang, "tui-filter-compare", field = written));
            }
            let kind = match field {
                Field::Rule => Test::Rule(
                    value
                        .split(',')
                        .filter(|prefix| !prefix.is_empty())
                        .map(str::to_owned)
                        .collect(),
                ),
                Field::Severity => Test::Severity(cmp, severity_named(&value, lang)?),
                Field::Plan => Test::Plan(value),
                Field::Pillar => Test::Pillar(pillar_named(&value, lang)?),
                Field::File => Test::File(value),
                Field::Element => Test::Element(value),
            };
            terms.push(Term {
                negated,
                test: kind,
            });
        }
        Ok(Self { terms })
    }

    /// Whether the filter keeps everything.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether `finding` passes; `file` is its file's display name and `haystack` the
    /// lowercase text free terms search (see [`haystack`]).
    #[must_use]
    pub fn matches(&self, finding: &Finding, file: &str, haystack: &str) -> bool {
        self.terms.iter().all(|term| {
            let hit = match &term.test {
                Test::Text(text) => haystack.contains(text.as_str()),
                Test::Rule(prefixes) => prefixes.iter().any(|prefix| {
                    starts_with_ci(&finding.rule, prefix) || starts_with_ci(&finding.slug, prefix)
                }),
                Test::Severity(cmp, severity) => match cmp {
                    Cmp::Eq => finding.severity == *severity,
                    Cmp::Ge => finding.severity >= *severity,
                    Cmp::Gt => finding.severity > *severity,
                    Cmp::Le => finding.severity <= *severity,
                    Cmp::Lt => finding.severity < *severity,
                },
                Test::Plan(text) => contains_ci(&finding.plan, text),
                Test::Pillar(pillar) => finding.pillar == Some(*pillar),
                Test::File(text) => contains_ci(file, text),
                Test::Element(text) => contains_ci(&finding.element, text),
            };
            hit != term.negated
        })
    }
}

/// The lowercase text that free filter terms and the search look in; `words` are the
/// severity and pillar words of the run's language (beside the English ones), as
/// [`Words`](super::strings::Words) spells them.
#[must_use]
pub fn haystack(finding: &Finding, file: &str, words: &super::strings::Words) -> String {
    let mut text = String::with_capacity(
        finding.rule.len() + finding.slug.len() + finding.message.len() + file.len() + 96,
    );
    let translated = words.lang != Lang::En;
    for part in [
        finding.rule.as_str(),
        finding.slug.as_str(),
        finding.severity.as_str(),
        if translated {
            words.severity(finding.severity)
        } else {
            ""
        },
        finding.message.as_str(),
        finding.plan.as_str(),
        finding.element.as_str(),
        file,
        finding.path.as_str(),
        finding.pillar.map_or("", Pillar::as_str),
        match finding.pillar {
            Some(pillar) if translated => words.pillar(pillar),
            _ => "",
        },
    ] {
        text.push_str(&part.to_lowercase());
        text.push('\u{1f}');
    }
    text
}

fn starts_with_ci(text: &str, prefix_lower: &str) -> bool {
    text.to_lowercase().starts_with(prefix_lower)
}

fn contains_ci(text: &str, needle_lower: &str) -> bool {
    text.to_lowercase().contains(needle_lower)
}

/// The field a name (or a prefix of one) stands for, with its full name.
fn field_named(name: &str, lang: Lang) -> Result<(&'static str, Field), String> {
    let name = name.to_lowercase();
    if name.is_empty() {
        return Err(tr!(lang, "tui-filter-needs-field"));
    }
    FIELDS
        .iter()
        .find(|(field, _)| field.starts_with(&name))
        .copied()
        .ok_or_else(|| tr!(lang, "tui-filter-unknown-field", name = name.as_str()))
}

/// A severity, from a prefix of its English or Spanish word (accents optional).
fn severity_named(value: &str, lang: Lang) -> Result<Severity, String> {
    let wanted = crate::i18n::folded(value);
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .find(|severity| {
            !wanted.is_empty()
                && (severity.as_str().starts_with(&wanted)
                    || crate::i18n::folded(&severity.name(Lang::Es)).starts_with(&wanted))
        })
        .ok_or_else(|| tr!(lang, "tui-filter-not-severity", value = value))
}

/// A pillar, from a prefix of its English or Spanish word (accents optional).
fn pillar_named(value: &str, lang: Lang) -> Result<Pillar, String> {
    let wanted = crate::i18n::folded(value);
    Pillar::ALL
        .into_iter()
        .find(|pillar| {
            !wanted.is_empty()
                && (pillar.as_str().starts_with(&wanted)
                    || crate::i18n::folded(&pillar.name(Lang::Es)).starts_with(&wanted))
        })
        .ok_or_else(|| tr!(lang, "tui-filter-not-pillar", value = value))
}

/// Splits on whitespace, keeping double-quoted runs together.
fn split(text: &str, lang: Lang) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    words.push(std::mem::take(&mut current));
                    any = false;
                }
            }
            c => {
                current.push(c);
                any = true;
            }
        }
    }
    if quoted {
        return Err(tr!(lang, "tui-filter-unclosed-quote"));
    }
    if any {
        words.push(current);
    }
    Ok(words)
}
