//! Stage 6: the single output model.
//!
//! A [`Report`] is everything a run found: findings (from the loader, the
//! reference graph and the rules, all in one shape), counts, and the public
//! value profile of each plan. Every renderer and the browser read it; none
//! of them looks at plans, the graph or rules directly.

pub mod gaps;

use std::fmt;

use serde::Serialize;

use crate::source::{FileId, SourceDb, Span};

/// How bad a finding is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Should be fixed.
    Warning,
    /// Must be fixed before approval (and, by default, fails the run).
    #[default]
    Error,
}

impl Severity {
    /// The lowercase name used in every output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }

    /// The severity in words, in `lang` (`as_str` is the machine name).
    #[must_use]
    pub fn name(self, lang: crate::i18n::Lang) -> String {
        match self {
            Self::Info => crate::tr!(lang, "severity-info"),
            Self::Warning => crate::tr!(lang, "severity-warning"),
            Self::Error => crate::tr!(lang, "severity-error"),
        }
    }

    /// Parses `error`, `warning` or `info`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "error" => Some(Self::Error),
            "warning" => Some(Self::Warning),
            "info" => Some(Self::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The side of Moore's strategic triangle a rule protects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pillar {
    /// Authorising environment: approval, participation, articulation.
    Legitimacy,
    /// Operational capability: responsible units, budget, activities.
    Capacity,
    /// Public value delivered: indicators, baselines, targets.
    Value,
}

impl Pillar {
    /// Every pillar, in the order reports print them.
    pub const ALL: [Self; 3] = [Self::Legitimacy, Self::Capacity, Self::Value];

    /// The pillar in words, in `lang` (`as_str` is the machine name).
    #[must_use]
    pub fn name(self, lang: crate::i18n::Lang) -> String {
        match self {
            Self::Legitimacy => crate::tr!(lang, "pillar-legitimacy"),
            Self::Capacity => crate::tr!(lang, "pillar-capacity"),
            Self::Value => crate::tr!(lang, "pillar-value"),
        }
    }

    /// The lowercase name used in every output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Legitimacy => "legitimacy",
            Self::Capacity => "capacity",
            Self::Value => "value",
        }
    }
}

/// What a built-in check or a rule is: the metadata every finding carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckMeta {
    /// Stable id, such as `REF-01`.
    pub id: &'static str,
    /// The pattern flagged, such as `unresolved-reference`.
    pub slug: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The pillar, for checks that belong to one.
    pub pillar: Option<Pillar>,
    /// The public value profile's check its findings feed, if any (see [`crate::profile`]).
    pub check: Option<&'static str>,
    /// One-line title.
    pub title: &'static str,
    /// The documentation: `What it checks: … Why it matters: … Example: …`.
    pub doc: &'static str,
    /// The title in Spanish.
    pub title_es: &'static str,
    /// The documentation in Spanish: `Qué verifica: … Por qué importa: … Ejemplo: …`.
    pub doc_es: &'static str,
}

impl CheckMeta {
    /// The title in `lang`.
    #[must_use]
    pub fn title_in(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::En => self.title,
            crate::i18n::Lang::Es => self.title_es,
        }
    }

    /// The documentation in `lang`.
    #[must_use]
    pub fn doc_in(&self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::En => self.doc,
            crate::i18n::Lang::Es => self.doc_es,
        }
    }
}

/// A problem in an input that is not a plan (a rule file, a configuration): it stops the run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where.
    pub span: Span,
    /// What is wrong, in one line.
    pub message: String,
    /// The label under the span.
    pub label: String,
    /// A hint ("did you mean …").
    pub help: Option<String>,
    /// Other places that explain it (the first of two rules with one id).
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// A diagnostic at `span`.
    #[must_use]
    pub fn new(span: Span, message: String, label: &str) -> Self {
        Self {
            span,
            message,
            label: label.to_owned(),
            help: None,
            related: Vec::new(),
        }
    }
}

/// Another place that helps explain a finding.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Related {
    /// Where.
    pub span: Span,
    /// What it is.
    pub message: String,
}

/// One violation, at one place.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    /// Rule id (`REF-01`).
    pub rule: String,
    /// Rule slug (`unresolved-reference`).
    pub slug: String,
    /// Severity after configuration.
    pub severity: Severity,
    /// Pillar of the rule, if any.
    pub pillar: Option<Pillar>,
    /// One-line message.
    pub message: String,
    /// The id of the plan concerned (empty when the file holds no readable plan id).
    pub plan: String,
    /// Code of the element concerned (empty for plan-level findings).
    pub element: String,
    /// Code (or name) of the indicator concerned, for indicator findings.
    pub indicator: Option<String>,
    /// Where the finding points.
    pub span: Span,
    /// The label under the span.
    pub label: String,
    /// Other places that explain it.
    pub related: Vec<Related>,
    /// What to do about it.
    pub help: Option<String>,
    /// The YAML path of the place inside the element (or the file), e.g. `traces_to[1]`.
    pub path: String,
}

impl Finding {
    /// A finding of `check` at `span`, with the check's default severity.
    #[must_use]
    pub fn new(check: &CheckMeta, span: Span, message: impl Into<String>) -> Self {
        Self {
            rule: check.id.to_owned(),
            slug: check.slug.to_owned(),
            severity: check.severity,
            pillar: check.pillar,
            message: message.into(),
            plan: String::new(),
            element: String::new(),
            indicator: None,
            span,
            label: String::new(),
            related: Vec::new(),
            help: None,
            path: String::new(),
        }
    }

    /// Sets the label under the span.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Sets the help text.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the help text when there is one.
    #[must_use]
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    /// Adds a related location.
    #[must_use]
    pub fn related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    /// Names the plan and element the finding is about and the path inside the element.
    #[must_use]
    pub fn at(mut self, plan: &str, element: &str, path: impl Into<String>) -> Self {
        plan.clone_into(&mut self.plan);
        element.clone_into(&mut self.element);
        self.path = path.into();
        self
    }

    /// The stable key of the finding: rule, plan, element and path, never a line number.
    ///
    /// Findings in files without a readable plan id use the file's path instead.
    #[must_use]
    pub fn fingerprint(&self, sources: &SourceDb) -> String {
        let owner = if self.plan.is_empty() {
            sources.file(self.span.file).display_name()
        } else {
            &self.plan
        };
        format!("{}:{}:{}:{}", self.rule, owner, self.element, self.path)
    }
}

pub use crate::profile::Profile;

/// What the report says about a rule that ran (for SARIF's rule metadata and `--statistics`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleDoc {
    /// `ART-01`.
    pub id: String,
    /// `objective-not-articulated`.
    pub slug: String,
    /// One-line title.
    pub title: String,
    /// Severity after configuration.
    pub severity: Severity,
    /// Pillar, when the rule has one.
    pub pillar: Option<Pillar>,
    /// The documentation, sections separated by blank lines.
    pub doc: String,
    /// The norm it comes from.
    pub source: Option<String>,
}

/// A baseline entry that no finding matches any more: it was fixed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fixed {
    /// The finding's stable key.
    pub fingerprint: String,
    /// Rule id.
    pub rule: String,
    /// The message when the baseline was taken.
    pub message: String,
}

/// Everything a run found, in the order every output lists it.
#[derive(Debug, Default)]
pub struct Report {
    /// Every rule and check that ran, sorted by id.
    pub rule_docs: Vec<RuleDoc>,
    /// Baseline entries that matched no finding (with `--baseline`).
    pub fixed: Vec<Fixed>,
    /// Findings sorted by file, line, column, rule id.
    pub findings: Vec<Finding>,
    /// The files looked at (plan files and files that could not be read or parsed), that
    /// the run reports on, in discovery order.
    pub checked: Vec<crate::source::FileId>,
    /// Plans loaded.
    pub plans: usize,
    /// Checks and rules that ran.
    pub rules: usize,
    /// Findings that waivers or the baseline accept (not failing; the profile shows their
    /// checks as waived).
    pub waived: Vec<Finding>,
    /// Findings about data the transcription lacks (`not_transcribed`): unknown, neither
    /// failing nor waived.
    pub not_transcribed: Vec<Finding>,
    /// One profile per plan, in plan order.
    pub profiles: Vec<std::sync::Arc<Profile>>,
    /// YAML files skipped because they are not plans (for `--verbose`).
    pub skipped: Vec<String>,
    /// The lowest severity that fails the run (the run's policy).
    pub fail_on: Severity,
    /// The language of the texts in it (renderers write their own words in it too).
    pub lang: crate::i18n::Lang,
}

impl Report {
    /// Sorts findings into the one deterministic order: file, line, column, rule id, then message.
    pub fn sort(&mut self, sources: &SourceDb) {
        // Files ranked by their shown name (equal names, equal ranks); within a file, the
        // byte offset orders findings as line and column do, without computing them.
        let mut files: Vec<FileId> = self.findings.iter().map(|f| f.span.file).collect();
        files.sort_unstable();
        files.dedup();
        files.sort_by(|a, b| {
            sources
                .file(*a)
                .display_name()
                .cmp(sources.file(*b).display_name())
        });
        let mut rank = vec![0_u32; files.iter().map(|f| f.index() + 1).max().unwrap_or(0)];
        let mut current = 0_u32;
        for (i, file) in files.iter().enumerate() {
            let name = sources.file(*file).display_name();
            let tie = i
                .checked_sub(1)
                .and_then(|before| files.get(before))
                .is_some_and(|before| sources.file(*before).display_name() == name);
            if !tie {
                current = u32::try_from(i).unwrap_or(u32::MAX);
            }
            if let Some(slot) = rank.get_mut(file.index()) {
                *slot = current;
            }
        }
        let key = |finding: &Finding| {
            let file = finding.span.file;
            let len = u32::try_from(sources.file(file).len()).unwrap_or(u32::MAX);
            (
                rank.get(file.index()).copied().unwrap_or(u32::MAX),
                finding.span.start.min(len),
            )
        };
        self.findings.sort_by(|a, b| {
            key(a)
                .cmp(&key(b))
                .then_with(|| a.rule.cmp(&b.rule))
                .then_with(|| a.message.cmp(&b.message))
                .then_with(|| a.span.end.cmp(&b.span.end))
        });
    }

    /// How many findings waivers or the baseline suppressed.
    #[must_use]
    pub fn suppressed(&self) -> usize {
        self.waived.len()
    }

    /// How many files were looked at.
    #[must_use]
    pub fn files(&self) -> usize {
        self.checked.len()
    }

    /// How many findings have this severity.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|finding| finding.severity == severity)
            .count()
    }

    /// Whether the run fails: a finding at or above the run's `fail_on`.
    #[must_use]
    pub fn failed(&self) -> bool {
        self.fails(self.fail_on)
    }

    /// Whether any finding is at or above `threshold`.
    #[must_use]
    pub fn fails(&self, threshold: Severity) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity >= threshold)
    }
}
