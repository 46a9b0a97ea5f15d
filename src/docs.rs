//! Rule documentation, from one place: [`listed`] turns the built-in checks and the
//! loaded rules into one view, [`Listed`], which `alinea explain`, `alinea rules list`
//! and the rule reference ([`rule_reference`], `docs/rules.md`) all print, in the run's
//! language.
//!
//! The reference is generated, never written by hand: a test compares
//! `docs/rules.md` (English) and `docs/es/rules.md` (Spanish) with [`rule_reference`] over
//! the default pack, and `alinea rules list --format markdown` prints the same page for any
//! set of rules (a planner's own pack included).

use crate::dsl::CheckedRule;
use crate::dsl::ir::section_labels;
use crate::i18n::Lang;
use crate::report::{CheckMeta, Pillar, Severity};
use crate::tr;

/// Where the English reference of the default pack lives in alinea's repository.
pub const REFERENCE_PAGE: &str = "docs/rules.md";

/// Where the Spanish reference of the default pack lives in alinea's repository.
pub const REFERENCE_PAGE_ES: &str = "docs/es/rules.md";

/// The reference page of `lang`.
#[must_use]
pub fn reference_page(lang: Lang) -> &'static str {
    match lang {
        Lang::En => REFERENCE_PAGE,
        Lang::Es => REFERENCE_PAGE_ES,
    }
}

/// A built-in check or a rule, as `explain`, `rules list` and the reference show it, in
/// one language (ids, slugs and the rule's text never change).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// `ART-01`.
    pub id: String,
    /// `objective-not-articulated`.
    pub slug: String,
    /// The default severity.
    pub severity: Severity,
    /// The pillar, when the check has one.
    pub pillar: Option<Pillar>,
    /// The public value profile's check its findings feed, when it feeds one.
    pub check: Option<String>,
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
    /// The language of the title, the sections and [`Listed::origin`].
    pub lang: Lang,
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
            Some(tr!(
                self.lang,
                "rules-origin-builtin",
                page = format!("{}#{}", reference_page(self.lang), self.anchor())
            ))
        } else {
            self.source.clone()
        }
    }

    /// The pillar in words, in the listing's language (`—` when the check has none).
    #[must_use]
    pub fn pillar_name(&self) -> String {
        self.pillar
            .map_or_else(|| "—".to_owned(), |pillar| pillar.name(self.lang))
    }

    /// The status in words, in the listing's language (`stable`, `estable`).
    #[must_use]
    pub fn status_name(&self) -> Option<String> {
        self.status.as_deref().map(|status| match status {
            "preview" => tr!(self.lang, "rules-status-preview"),
            "deprecated" => tr!(self.lang, "rules-status-deprecated"),
            _ => tr!(self.lang, "rules-status-stable"),
        })
    }
}

/// Every built-in check and every rule, sorted by id, in `lang`.
#[must_use]
pub fn listed(rules: &[CheckedRule], lang: Lang) -> Vec<Listed> {
    let mut all: Vec<Listed> = crate::BUILTIN_CHECKS
        .iter()
        .map(|check| builtin_listed(check, lang))
        .collect();
    all.extend(rules.iter().map(|rule| {
        let meta = rule.meta();
        Listed {
            id: meta.id.clone(),
            slug: meta.slug.clone(),
            severity: meta.severity,
            pillar: Some(meta.pillar),
            check: meta.check.clone(),
            title: meta.title_in(lang).to_owned(),
            source: meta.source.clone(),
            status: Some(meta.status.clone()),
            file: Some(meta.file.clone()),
            sections: meta.sections_in(lang),
            text: Some(meta.text.clone()),
            builtin: false,
            lang,
        }
    }));
    all.sort_by(|a, b| a.id.cmp(&b.id));
    all
}

/// A built-in check as listed in `lang`: its documentation (one text, `What it checks: …
/// Why it matters: …`, or `Qué verifica: … Por qué importa: …`) is cut into the same
/// sections as a rule's.
#[must_use]
pub fn builtin_listed(check: &CheckMeta, lang: Lang) -> Listed {
    let labels = section_labels(lang);
    let mut sections = Vec::new();
    let mut rest = check.doc_in(lang);
    for (i, label) in labels.iter().enumerate() {
        let Some(start) = rest.find(&format!("{label}:")) else {
            continue;
        };
        let after = rest.get(start + label.len() + 1..).unwrap_or("");
        let end = labels
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
        pillar: check.pillar,
        check: check.check.map(str::to_owned),
        title: check.title_in(lang).to_owned(),
        source: None,
        status: None,
        file: None,
        sections,
        text: None,
        builtin: true,
        lang,
    }
}

/// The objects and fields rules can read, as a Markdown table in `lang`: generated from
/// the field table ([`crate::plan::schema`], the one declaration of every field and its type) and the
/// `field-…` messages of the catalogues. The rule language pages embed it between
/// `<!-- fields:begin -->` and `<!-- fields:end -->`.
#[must_use]
pub fn field_reference(lang: Lang) -> String {
    let mut table = tr!(lang, "dsl-field-table-head");
    table.push_str("\n|---|---|---|---|\n");
    for object in crate::dsl::schema::ObjType::ALL {
        let mut first = true;
        for (name, _, field_type) in crate::dsl::schema::fields(object) {
            let id = format!("field-{}-{}", object.key(), name.replace('_', "-"));
            let what = if crate::i18n::has(lang, &id) {
                crate::i18n::text(lang, &id, &[])
            } else {
                String::new()
            };
            let shown = if first {
                format!(
                    "**{}**",
                    tr!(lang, "dsl-object-name", object = object.key())
                )
            } else {
                String::new()
            };
            first = false;
            table.push_str(&format!(
                "| {shown} | `{name}` | {} | {what} |\n",
                field_type.describe(lang)
            ));
        }
    }
    table
}

/// Every key of the plan format with its Spanish names and the mappings it is written in, as
/// a Markdown table in `lang`: generated from the field table ([`crate::plan::schema`]). The
/// plan format pages embed it between `<!-- keys:begin -->` and `<!-- keys:end -->`.
#[must_use]
pub fn key_reference(lang: Lang) -> String {
    use crate::plan::schema::{Mapping, keys, spanish_names};
    let mut table = tr!(lang, "keys-table-head");
    table.push_str("\n|---|---|---|\n");
    for (key, names) in spanish_names() {
        let spanish = if names.is_empty() {
            "—".to_owned()
        } else {
            names
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let places: Vec<String> = Mapping::ALL
            .iter()
            .filter(|mapping| keys(**mapping).contains(key))
            .map(|mapping| crate::i18n::text(lang, &format!("keys-in-{}", mapping.id()), &[]))
            .collect();
        table.push_str(&format!(
            "| {spanish} | `{key}` | {} |\n",
            places.join(", ")
        ));
    }
    table
}

/// The checks of the public value profile as a Markdown table in `lang`, generated from
/// [`crate::profile::CHECKS`] and from the checks the built-ins and `rules` name: pillar,
/// check, weight, what it counts, which plans it applies to, and the rules that feed it. The
/// profile pages embed it between `<!-- checks:begin -->` and `<!-- checks:end -->`.
#[must_use]
pub fn profile_reference(rules: &[CheckedRule], lang: Lang) -> String {
    use crate::profile::{CHECKS, Over, When};
    let mut table = tr!(lang, "profile-ref-head");
    table.push_str("\n|---|---|---|---|---|---|\n");
    for check in CHECKS {
        let mut feeding: Vec<&str> = crate::BUILTIN_CHECKS
            .iter()
            .filter(|builtin| builtin.check == Some(check.id))
            .map(|builtin| builtin.id)
            .chain(
                rules
                    .iter()
                    .filter(|rule| rule.meta().check.as_deref() == Some(check.id))
                    .map(|rule| rule.meta().id.as_str()),
            )
            .collect();
        feeding.sort_unstable();
        let counts = match check.over {
            Over::Plan => "plan",
            Over::Objectives => "objectives",
            Over::Elements => "elements",
            Over::Actions => "actions",
            Over::Indicators => "indicators",
            Over::Operations => "operations",
            Over::Investments => "investments",
        };
        let mut applies: Vec<String> = Vec::new();
        if check.kinds.is_empty() {
            applies.push(tr!(lang, "profile-ref-every-plan"));
        } else {
            applies.push(
                check
                    .kinds
                    .iter()
                    .map(|kind| format!("`{}`", kind.as_str()))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        let when = match check.when {
            When::Always => None,
            When::Approved => Some("approved"),
            When::NotNational => Some("not-national"),
            When::WithPoi => Some("with-poi"),
            When::WithCeiling => Some("with-ceiling"),
        };
        if let Some(when) = when {
            applies.push(tr!(lang, "profile-ref-when", when = when));
        }
        table.push_str(&format!(
            "| {} | `{}` {} | {} | {} | {} | {} |\n",
            check.pillar.name(lang),
            check.id,
            tr!(lang, "profile-check", id = check.id),
            check.weight,
            tr!(lang, "profile-ref-counts", over = counts),
            applies.join(", "),
            feeding.join(", "),
        ));
    }
    table
}

/// The rule reference in Markdown, in `lang`: a table of every check, then one section per
/// built-in check and per rule (id, slug, title, severity, pillar, source, the
/// documentation sections and the rule's text). `docs/rules.md` is this text for the
/// default pack in English, `docs/es/rules.md` in Spanish.
#[must_use]
pub fn rule_reference(rules: &[CheckedRule], lang: Lang) -> String {
    let all = listed(rules, lang);
    let builtins: Vec<&Listed> = all.iter().filter(|r| r.builtin).collect();
    let written: Vec<&Listed> = all.iter().filter(|r| !r.builtin).collect();
    let mut page = format!("# {}\n\n", tr!(lang, "rules-ref-title"));
    page.push_str(&format!(
        "<!-- {} -->\n\n",
        tr!(lang, "rules-ref-generated")
    ));
    page.push_str(&tr!(
        lang,
        "rules-ref-counts",
        all = all.len(),
        builtin = builtins.len(),
        rules = written.len()
    ));
    page.push('\n');
    page.push_str(&tr!(lang, "rules-ref-intro"));
    page.push_str("\n\n");
    page.push_str(&format!(
        "| id | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
        tr!(lang, "rules-label-slug"),
        tr!(lang, "rules-label-severity"),
        tr!(lang, "rules-label-pillar"),
        tr!(lang, "rules-label-title"),
    ));
    for rule in &all {
        page.push_str(&format!(
            "| [{}](#{}) | `{}` | {} | {} | {} |\n",
            rule.id,
            rule.anchor(),
            rule.slug,
            rule.severity.name(lang),
            rule.pillar_name(),
            cell(&rule.title),
        ));
    }
    let groups = [
        (
            tr!(lang, "rules-ref-builtin-heading"),
            tr!(lang, "rules-ref-builtin-intro"),
            &builtins,
        ),
        (
            tr!(lang, "rules-ref-rules-heading"),
            tr!(lang, "rules-ref-rules-intro"),
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
    let lang = rule.lang;
    let mut text = format!(
        "\n### {}\n\n**`{}`**: {}\n\n",
        rule.id, rule.slug, rule.title
    );
    let mut item = |line: String| {
        text.push_str("- ");
        text.push_str(&line);
        text.push('\n');
    };
    item(tr!(
        lang,
        "rules-ref-severity",
        value = rule.severity.name(lang)
    ));
    item(tr!(lang, "rules-ref-pillar", value = rule.pillar_name()));
    if let Some(check) = &rule.check {
        item(tr!(
            lang,
            "rules-ref-check",
            id = check.as_str(),
            name = tr!(lang, "profile-check", id = check.as_str())
        ));
    }
    if rule.builtin {
        item(tr!(lang, "rules-ref-kind-builtin"));
    }
    if let Some(source) = &rule.source {
        item(tr!(lang, "rules-ref-source", value = source.as_str()));
    }
    if let Some(status) = rule.status_name() {
        item(tr!(lang, "rules-ref-status", value = status));
    }
    if let Some(file) = &rule.file {
        item(tr!(lang, "rules-ref-file", value = format!("`{file}`")));
    }
    if let Some(fix) = crate::fix::kind_of(&rule.id) {
        item(tr!(
            lang,
            "rules-ref-fix",
            value = crate::i18n::text(lang, fix.doc, &[])
        ));
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

/// Every limit alinea puts on what it reads, as a Markdown table in `lang`: the limit, its
/// value and the constant that declares it, and the finding or error past it (the message as
/// alinea writes it, `N` standing for a count). Generated from the constants, so the numbers
/// are declared once; the READMEs embed it between `<!-- limits:begin -->` and
/// `<!-- limits:end -->`.
#[must_use]
pub fn limits_reference(lang: Lang) -> String {
    use crate::plan::yaml::{MAX_ALIAS_NODES, MAX_DEPTH, MAX_NODES};
    let mib = crate::source::MAX_FILE_BYTES / (1024 * 1024);
    let rule_error = tr!(lang, "limits-rule-error");
    let rows = [
        (
            tr!(lang, "limits-file-size"),
            tr!(lang, "limits-file-size-unit", value = mib.to_string()),
            "source::MAX_FILE_BYTES",
            format!(
                "LOAD-03: {}",
                tr!(lang, "load-too-large", size = "N", limit = mib.to_string())
            ),
        ),
        (
            tr!(lang, "limits-yaml-nodes"),
            MAX_NODES.to_string(),
            "plan::yaml::MAX_NODES",
            format!(
                "LOAD-01: {}",
                tr!(lang, "yaml-too-many-values", max = MAX_NODES.to_string())
            ),
        ),
        (
            tr!(lang, "limits-yaml-depth"),
            MAX_DEPTH.to_string(),
            "plan::yaml::MAX_DEPTH",
            format!(
                "LOAD-01: {}",
                tr!(lang, "yaml-too-deep", max = MAX_DEPTH.to_string())
            ),
        ),
        (
            tr!(lang, "limits-yaml-aliases"),
            MAX_ALIAS_NODES.to_string(),
            "plan::yaml::MAX_ALIAS_NODES",
            format!(
                "LOAD-01: {}",
                tr!(lang, "yaml-alias-bomb", max = MAX_ALIAS_NODES.to_string())
            ),
        ),
        (
            tr!(lang, "limits-unknown-keys"),
            crate::plan::MAX_UNKNOWN_KEYS.to_string(),
            "plan::MAX_UNKNOWN_KEYS",
            format!(
                "LOAD-02: {}",
                tr!(lang, "load-more-unknown-keys", count = "N", what = "…")
            ),
        ),
        (
            tr!(lang, "limits-expr-depth"),
            crate::dsl::parser::MAX_EXPR_DEPTH.to_string(),
            "dsl::parser::MAX_EXPR_DEPTH",
            format!(
                "{rule_error}: {}",
                tr!(
                    lang,
                    "dsl-too-deep",
                    levels = crate::dsl::parser::MAX_EXPR_DEPTH
                )
            ),
        ),
        (
            tr!(lang, "limits-def-expansion"),
            crate::dsl::typeck::MAX_INLINED.to_string(),
            "dsl::typeck::MAX_INLINED",
            format!(
                "{rule_error}: {}",
                tr!(
                    lang,
                    "dsl-inline-budget",
                    name = "f",
                    max = crate::dsl::typeck::MAX_INLINED.to_string()
                )
            ),
        ),
        (
            tr!(lang, "limits-sheet-cells"),
            crate::import::workbook::MAX_CELLS.to_string(),
            "import::workbook::MAX_CELLS",
            format!(
                "{}: {}",
                crate::report::Severity::Error.name(lang),
                tr!(
                    lang,
                    "sheet-too-large",
                    file = "F",
                    sheet = "S",
                    cells = "N",
                    limit = crate::import::workbook::MAX_CELLS.to_string()
                )
            ),
        ),
    ];
    let mut table = tr!(lang, "limits-table-head");
    table.push_str("\n|---|---|---|\n");
    for (limit, value, constant, past) in rows {
        table.push_str(&format!(
            "| {limit} | {value} (`{constant}`) | {} |\n",
            past.replace('|', "\\|")
        ));
    }
    table
}
