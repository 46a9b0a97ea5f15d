//! Rule documentation, from one place: [`listed`] turns the built-in checks and the
//! loaded rules into one view, [`Listed`], which `alinea explain`, `alinea rules list`
//! and the rule reference ([`rule_reference`], `docs/rules.md`) all print.
//!
//! The reference is generated, never written by hand: a test compares
//! `docs/rules.md` with [`rule_reference`] over the default pack, and
//! `alinea rules list --format markdown` prints the same page for any set of
//! rules (a planner's own pack included).

use crate::dsl::{CheckedRule, SECTIONS};
use crate::report::{CheckMeta, Pillar, Severity};

/// Where the reference of the default pack lives in alinea's repository.
pub const REFERENCE_PAGE: &str = "docs/rules.md";

/// A built-in check or a rule, as `explain`, `rules list` and the reference show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// `ART-01`.
    pub id: String,
    /// `objective-not-articulated`.
    pub slug: String,
    /// The default severity.
    pub severity: Severity,
    /// The pillar (`legitimacy`, `capacity`, `value`), when the check has one.
    pub pillar: Option<&'static str>,
    /// One-line title.
    pub title: String,
    /// The norm the rule comes from (none for built-in checks).
    pub source: Option<String>,
    /// `preview`, `stable` or `deprecated` (none for built-in checks).
    pub status: Option<String>,
    /// The rule file, as loaded (none for built-in checks).
    pub file: Option<String>,
    /// The documentation sections present, in order: (label, paragraph).
    pub sections: Vec<(&'static str, String)>,
    /// The rule's text as written, documentation included (none for built-in checks).
    pub text: Option<String>,
    /// Whether this is a built-in check rather than a rule.
    pub builtin: bool,
}

impl Listed {
    /// The anchor of the check's section in the reference (`art-01`).
    #[must_use]
    pub fn anchor(&self) -> String {
        self.id.to_lowercase()
    }

    /// The rule's text without its `///` documentation lines (shown as sections instead).
    #[must_use]
    pub fn rule_text(&self) -> Option<String> {
        self.text.as_ref().map(|text| {
            text.lines()
                .filter(|line| !line.trim_start().starts_with("///"))
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    /// Where the check comes from, in words: its norm, or that it is built into alinea
    /// (with the page of the reference that documents it).
    #[must_use]
    pub fn origin(&self) -> Option<String> {
        if self.builtin {
            Some(format!(
                "alinea itself (reference: {REFERENCE_PAGE}#{} in alinea's repository)",
                self.anchor()
            ))
        } else {
            self.source.clone()
        }
    }
}

/// Every built-in check and every rule, sorted by id.
#[must_use]
pub fn listed(rules: &[CheckedRule]) -> Vec<Listed> {
    let mut all: Vec<Listed> = crate::BUILTIN_CHECKS.iter().map(builtin_listed).collect();
    all.extend(rules.iter().map(|rule| {
        let meta = rule.meta();
        Listed {
            id: meta.id.clone(),
            slug: meta.slug.clone(),
            severity: meta.severity,
            pillar: Some(meta.pillar.as_str()),
            title: meta.title.clone(),
            source: meta.source.clone(),
            status: Some(meta.status.clone()),
            file: Some(meta.file.clone()),
            sections: SECTIONS
                .iter()
                .filter_map(|label| meta.section(label).map(|text| (*label, text)))
                .collect(),
            text: Some(meta.text.clone()),
            builtin: false,
        }
    }));
    all.sort_by(|a, b| a.id.cmp(&b.id));
    all
}

/// A built-in check as listed: its documentation (one text, `What it checks: … Why it
/// matters: …`) is cut into the same sections as a rule's.
#[must_use]
pub fn builtin_listed(check: &CheckMeta) -> Listed {
    let mut sections = Vec::new();
    let mut rest = check.doc;
    for (i, label) in SECTIONS.iter().enumerate() {
        let Some(start) = rest.find(&format!("{label}:")) else {
            continue;
        };
        let after = rest.get(start + label.len() + 1..).unwrap_or("");
        let end = SECTIONS
            .iter()
            .skip(i + 1)
            .filter_map(|next| after.find(&format!("{next}:")))
            .min()
            .unwrap_or(after.len());
        sections.push((*label, after.get(..end).unwrap_or("").trim().to_owned()));
        rest = after;
    }
    Listed {
        id: check.id.to_owned(),
        slug: check.slug.to_owned(),
        severity: check.severity,
        pillar: check.pillar.map(Pillar::as_str),
        title: check.title.to_owned(),
        source: None,
        status: None,
        file: None,
        sections,
        text: None,
        builtin: true,
    }
}

/// The rule reference in Markdown: a table of every check, then one section per
/// built-in check and per rule (id, slug, title, severity, pillar, source, the
/// documentation sections and the rule's text). `docs/rules.md` is this text for the
/// default pack.
#[must_use]
pub fn rule_reference(rules: &[CheckedRule]) -> String {
    let all = listed(rules);
    let builtins: Vec<&Listed> = all.iter().filter(|r| r.builtin).collect();
    let written: Vec<&Listed> = all.iter().filter(|r| !r.builtin).collect();
    let mut page = String::from("# Rule reference\n\n");
    page.push_str(
        "<!-- Generated by `alinea rules list --format markdown`: edit the rules, not this page. -->\n\n",
    );
    page.push_str(&format!(
        "alinea runs {} checks: {} built into alinea and {} written in the rule language.\n",
        all.len(),
        count(builtins.len(), "check", "checks"),
        count(written.len(), "rule", "rules"),
    ));
    page.push_str(
        "Either the id or the slug names a check in `--select`, `--ignore`, `severity:` of \
         `alinea.yaml`, waivers and `alinea explain`. The severity is the default one \
         (`severity:` in `alinea.yaml` changes it); the pillar is the side of the strategic \
         triangle (legitimacy, capacity, public value) the check protects.\n\n",
    );
    page.push_str("| id | slug | severity | pillar | title |\n|---|---|---|---|---|\n");
    for rule in &all {
        page.push_str(&format!(
            "| [{}](#{}) | `{}` | {} | {} | {} |\n",
            rule.id,
            rule.anchor(),
            rule.slug,
            rule.severity,
            rule.pillar.unwrap_or("—"),
            cell(&rule.title),
        ));
    }
    let groups = [
        (
            "Built-in checks",
            "These checks are part of alinea itself: they run on every plan, with or without \
             rule files (`--no-default-rules` leaves them in).",
            &builtins,
        ),
        (
            "Rules",
            "Each rule is written in alinea's rule language; its text follows its documentation.",
            &written,
        ),
    ];
    for (heading, intro, group) in groups {
        if group.is_empty() {
            continue;
        }
        page.push_str(&format!("\n## {heading}\n\n{intro}\n"));
        for rule in group {
            page.push_str(&section(rule));
        }
    }
    page
}

/// One check's section of the reference.
fn section(rule: &Listed) -> String {
    let mut text = format!(
        "\n### {}\n\n**`{}`**: {}\n\n",
        rule.id, rule.slug, rule.title
    );
    text.push_str(&format!("- Severity: {}\n", rule.severity));
    text.push_str(&format!("- Pillar: {}\n", rule.pillar.unwrap_or("—")));
    if rule.builtin {
        text.push_str("- Kind: built into alinea (runs without rule files)\n");
    }
    if let Some(source) = &rule.source {
        text.push_str(&format!("- Source: {source}\n"));
    }
    if let Some(status) = &rule.status {
        text.push_str(&format!("- Status: {status}\n"));
    }
    if let Some(file) = &rule.file {
        text.push_str(&format!("- File: `{file}`\n"));
    }
    for (label, body) in &rule.sections {
        text.push_str(&format!("\n**{label}:** {body}\n"));
    }
    if let Some(source) = rule.rule_text() {
        let fence = fence(&source);
        text.push_str(&format!("\n{fence}text\n{}\n{fence}\n", source.trim_end()));
    }
    text
}

/// `1 rule`, `34 rules`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text inside a table cell: a `|` would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A code fence longer than any run of backticks in the text it holds.
fn fence(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    "`".repeat((longest + 1).max(3))
}
