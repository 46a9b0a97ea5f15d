//! A run's policy: which findings are reported (select, ignore), at which severity, which
//! ones fail the run, and which ones are accepted for now (the baseline; waivers live in
//! [`crate::waiver`]). It is declared once, in [`crate::CheckOptions`] and `alinea.yaml`,
//! validated against the loaded rules before any plan is evaluated, and applied by
//! [`crate::check`], so that `check`, `browse`, `baseline` and `graph` cannot disagree.
//!
//! **Invariant:** LOAD findings (a file that cannot be read, parsed or decoded) are never
//! suppressed: they cannot be ignored, waived, baselined or lowered in severity, as ruff
//! never lets a syntax error be suppressed. A file nobody could read is a plan nobody checked.

use crate::baseline::Entry;
use crate::dsl::CheckedRule;
use crate::i18n::Lang;
use crate::report::{Finding, Fixed, Severity};
use crate::source::SourceDb;
use crate::tr;
use crate::{BaselineChoice, CheckError, CheckOptions};

/// The validated policy of a run.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    select: Vec<String>,
    ignore: Vec<String>,
    severity: Vec<(String, Severity)>,
    fail_on: Severity,
    baseline: Option<Vec<Entry>>,
}

/// What applying the baseline did.
#[derive(Debug, Default)]
pub struct Applied {
    /// Findings the baseline accepted.
    pub baselined: Vec<Finding>,
    /// Baseline entries that matched no finding.
    pub entries: Vec<Fixed>,
}

/// Whether findings of this rule can be suppressed (ignored, waived, baselined, lowered).
/// LOAD findings cannot: see the module docs.
#[must_use]
pub fn suppressible(rule: &str) -> bool {
    !family(rule).eq_ignore_ascii_case("LOAD")
}

/// The family of a rule id: `ART` for `ART-01`.
#[must_use]
pub fn family(rule: &str) -> &str {
    rule.split('-').next().unwrap_or(rule)
}

/// Whether a `select`/`ignore` name names a rule: its id, its slug, or its family (`IND`).
/// An id never matches by prefix: `ART-1` names no rule.
#[must_use]
pub fn matches_rule(name: &str, id: &str, slug: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && (name.eq_ignore_ascii_case(id)
            || name == slug
            || (!name.contains('-') && name.eq_ignore_ascii_case(family(id))))
}

impl Policy {
    /// The policy of `options` (flags first, then the configuration), every rule name checked
    /// against the built-in checks and `rules`.
    ///
    /// # Errors
    /// A name that names no rule, a LOAD check named in `ignore` or `severity`, an
    /// unreadable baseline.
    pub fn new(options: &CheckOptions, rules: &[CheckedRule]) -> Result<Self, CheckError> {
        let config = options.config.as_ref();
        let config_name = config.map_or_else(String::new, |c| crate::source::display_path(&c.file));
        let known = crate::known_rules(rules);
        let lang = options.lang;
        let config = config_name.as_str();
        let (select, select_origin) = match (
            &options.select,
            options.config.as_ref().and_then(|c| c.select.as_ref()),
        ) {
            (Some(select), _) => (select.clone(), tr!(lang, "policy-origin-select-flag")),
            (None, Some(select)) => (
                select.clone(),
                tr!(lang, "policy-origin-select-config", config = config),
            ),
            (None, None) => (Vec::new(), String::new()),
        };
        let (ignore, ignore_origin) =
            match (&options.ignore, options.config.as_ref().map(|c| &c.ignore)) {
                (Some(ignore), _) => (ignore.clone(), tr!(lang, "policy-origin-ignore-flag")),
                (None, Some(ignore)) => (
                    ignore.clone(),
                    tr!(lang, "policy-origin-ignore-config", config = config),
                ),
                (None, None) => (Vec::new(), String::new()),
            };
        for name in &select {
            check_name(name, &select_origin, &known, lang)?;
        }
        for name in &ignore {
            check_name(name, &ignore_origin, &known, lang)?;
            if unsuppressible(name) {
                return Err(load_error(
                    tr!(
                        lang,
                        "policy-load-ignored",
                        origin = ignore_origin.as_str(),
                        name = name.as_str()
                    ),
                    lang,
                ));
            }
        }
        let severity = options
            .config
            .as_ref()
            .map(|c| c.severity.clone())
            .unwrap_or_default();
        let severity_origin = tr!(lang, "policy-origin-severity-config", config = config);
        for (name, _) in &severity {
            if !known.iter().any(|(id, slug)| id == name || slug == name) {
                return Err(unknown(name, &severity_origin, &known, lang));
            }
            if unsuppressible(name) {
                return Err(load_error(
                    tr!(
                        lang,
                        "policy-load-severity",
                        origin = severity_origin.as_str(),
                        name = name.as_str()
                    ),
                    lang,
                ));
            }
        }
        let config = options.config.as_ref();
        let fail_on = options
            .fail_on
            .or_else(|| config.and_then(|c| c.fail_on))
            .unwrap_or(Severity::Error);
        let baseline_path = match &options.baseline {
            BaselineChoice::Off => None,
            BaselineChoice::File(path) => Some((path.clone(), false)),
            BaselineChoice::Configured => {
                config.and_then(|c| c.baseline.clone()).map(|p| (p, true))
            }
        };
        let baseline = match baseline_path {
            None => None,
            Some((path, configured)) => match crate::baseline::read(&path, lang) {
                Ok(entries) => Some(entries),
                Err(message) => {
                    let helps = if configured {
                        vec![tr!(
                            lang,
                            "policy-baseline-configured",
                            config = config_name.as_str()
                        )]
                    } else {
                        Vec::new()
                    };
                    return Err(CheckError::Usage(message, helps));
                }
            },
        };
        let mut policy = Self {
            select,
            ignore,
            severity,
            fail_on,
            baseline: None,
        };
        // Entries of rules this run does not report are neither applied nor "fixed"; LOAD
        // entries never apply. Decided once, with every loaded rule's slug at hand.
        policy.baseline = baseline.map(|entries| {
            entries
                .into_iter()
                .filter(|entry| {
                    let slug = known
                        .iter()
                        .find(|(id, _)| *id == entry.rule)
                        .map_or("", |(_, slug)| *slug);
                    suppressible(&entry.rule) && policy.selects(&entry.rule, slug)
                })
                .collect()
        });
        Ok(policy)
    }

    /// The lowest severity that fails the run.
    #[must_use]
    pub fn fail_on(&self) -> Severity {
        self.fail_on
    }

    /// Whether findings of this rule are reported (LOAD findings always are).
    #[must_use]
    pub fn selects(&self, id: &str, slug: &str) -> bool {
        if !suppressible(id) {
            return true;
        }
        (self.select.is_empty() || self.select.iter().any(|n| matches_rule(n, id, slug)))
            && !self.ignore.iter().any(|n| matches_rule(n, id, slug))
    }

    /// The configured severity of a rule, when the configuration overrides it.
    #[must_use]
    pub fn severity_of(&self, id: &str, slug: &str) -> Option<Severity> {
        self.severity
            .iter()
            .find(|(name, _)| name == id || name == slug)
            .map(|(_, severity)| *severity)
    }

    /// Applies the policy to a run's findings (waivers already applied): drops the rules not
    /// selected, sets configured severities, removes what the baseline accepts. Returns what
    /// the baseline did.
    pub fn apply(&self, findings: &mut Vec<Finding>, sources: &SourceDb) -> Applied {
        findings.retain(|finding| self.selects(&finding.rule, &finding.slug));
        for finding in findings.iter_mut() {
            if let Some(severity) = self.severity_of(&finding.rule, &finding.slug) {
                finding.severity = severity;
            }
        }
        let Some(entries) = &self.baseline else {
            return Applied::default();
        };
        let (baselined, fixed) = crate::baseline::apply(findings, sources, entries);
        Applied {
            baselined,
            entries: fixed,
        }
    }
}

fn check_name(
    name: &str,
    origin: &str,
    known: &[(&str, &str)],
    lang: Lang,
) -> Result<(), CheckError> {
    if known.iter().any(|(id, slug)| matches_rule(name, id, slug)) {
        Ok(())
    } else {
        Err(unknown(name, origin, known, lang))
    }
}

/// "did you mean" for a name that names no rule: an id written without its leading zero
/// (`ART-1`) first, then the nearest id or slug.
#[must_use]
pub fn rule_hint(name: &str, known: &[(&str, &str)], lang: Lang) -> Option<String> {
    if let Some((family, number)) = name.split_once('-')
        && let Ok(number) = number.parse::<u32>()
    {
        let padded = format!("{}-{number:02}", family.to_ascii_uppercase());
        if let Some((id, _)) = known.iter().find(|(id, _)| *id == padded) {
            return Some(tr!(lang, "did-you-mean", name = *id));
        }
    }
    crate::suggest::did_you_mean(lang, name, known.iter().flat_map(|(id, slug)| [*id, *slug]))
}

fn unknown(name: &str, origin: &str, known: &[(&str, &str)], lang: Lang) -> CheckError {
    let mut helps = Vec::new();
    if let Some(hint) = rule_hint(name, known, lang) {
        helps.push(hint);
    }
    helps.push(tr!(lang, "policy-unknown-rule-help"));
    CheckError::Usage(
        tr!(lang, "policy-unknown-rule", origin = origin, name = name),
        helps,
    )
}

/// Whether a name names a LOAD check (whose findings cannot be suppressed).
fn unsuppressible(name: &str) -> bool {
    crate::plan::LOAD_CHECKS
        .iter()
        .any(|check| matches_rule(name, check.id, check.slug))
}

fn load_error(message: String, lang: Lang) -> CheckError {
    CheckError::Usage(message, vec![tr!(lang, "policy-load-help")])
}
