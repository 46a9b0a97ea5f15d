//! The filter language of the Findings view (`f`).
//!
//! A filter is a list of terms, all of which must hold. A term is free text (a
//! case-insensitive substring of the rule, slug, severity, message, plan, element,
//! file and YAML path) or a scoped test: `%rule ART` (rule id or slug starting with
//! it), `%sev>=warning` (also `>`, `<=`, `<`, `=`, or a bare value for `=`),
//! `%plan pei-` (plan id containing it), `%pillar value`, `%file moyobamba`,
//! `%element OEI.03`. Field names may be shortened to any unambiguous prefix
//! (`%r`, `%s`, `%pl`, `%pi`). `!` before a term negates it. Values with spaces go in
//! double quotes.

#[cfg(test)]
mod tests;

use crate::report::{Finding, Pillar, Severity};

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
    Rule(String),
    Severity(Cmp, Severity),
    Plan(String),
    Pillar(Pillar),
    File(String),
    Element(String),
}

/// The scoped fields, in the order prefixes are tried.
const FIELDS: &[&str] = &[
    "rule", "severity", "sev", "plan", "pillar", "file", "element",
];

impl Filter {
    /// Reads a filter.
    ///
    /// # Errors
    /// A message for the status line when a field is unknown, a value is missing or
    /// a severity or pillar is not one.
    pub fn parse(text: &str) -> Result<Self, String> {
        let words = split(text)?;
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
            let field = field_named(name)?;
            let value = if inline.is_empty() {
                words
                    .next()
                    .ok_or_else(|| format!("`%{field}` needs a value"))?
            } else {
                inline.to_owned()
            };
            let value = value.to_lowercase();
            if cmp != Cmp::Eq && !matches!(field, "severity" | "sev") {
                return Err(format!("only %sev compares with < and >, not `%{field}`"));
            }
            let kind = match field {
                "rule" => Test::Rule(value),
                "severity" | "sev" => Test::Severity(cmp, severity_named(&value)?),
                "plan" => Test::Plan(value),
                "pillar" => Test::Pillar(pillar_named(&value)?),
                "file" => Test::File(value),
                _ => Test::Element(value),
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
                Test::Rule(prefix) => {
                    starts_with_ci(&finding.rule, prefix) || starts_with_ci(&finding.slug, prefix)
                }
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

/// The lowercase text that free filter terms and the search look in.
#[must_use]
pub fn haystack(finding: &Finding, file: &str) -> String {
    let mut text = String::with_capacity(
        finding.rule.len() + finding.slug.len() + finding.message.len() + file.len() + 64,
    );
    for part in [
        finding.rule.as_str(),
        finding.slug.as_str(),
        finding.severity.as_str(),
        finding.message.as_str(),
        finding.plan.as_str(),
        finding.element.as_str(),
        file,
        finding.path.as_str(),
        finding.pillar.map_or("", Pillar::as_str),
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

fn field_named(name: &str) -> Result<&'static str, String> {
    let name = name.to_lowercase();
    if name.is_empty() {
        return Err(format!("`%` needs a field: {}", FIELDS.join(", ")));
    }
    FIELDS
        .iter()
        .find(|field| field.starts_with(&name))
        .copied()
        .ok_or_else(|| format!("unknown field `%{name}`; fields: {}", FIELDS.join(", ")))
}

fn severity_named(value: &str) -> Result<Severity, String> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .find(|severity| !value.is_empty() && severity.as_str().starts_with(value))
        .ok_or_else(|| format!("`{value}` is not a severity (error, warning, info)"))
}

fn pillar_named(value: &str) -> Result<Pillar, String> {
    Pillar::ALL
        .into_iter()
        .find(|pillar| !value.is_empty() && pillar.as_str().starts_with(value))
        .ok_or_else(|| format!("`{value}` is not a pillar (legitimacy, capacity, value)"))
}

/// Splits on whitespace, keeping double-quoted runs together.
fn split(text: &str) -> Result<Vec<String>, String> {
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
        return Err("a quote is not closed".to_owned());
    }
    if any {
        words.push(current);
    }
    Ok(words)
}
