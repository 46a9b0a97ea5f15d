//! The JSON report, schema version 2: `version`, `tool`, `summary`, `findings` (one object
//! per finding; lines and columns 1-based, columns in characters) and `profiles` (the public
//! value profile v2: per pillar a `score` and its `checks`, and the `money` figure).
//! Version 2 because the profile's meaning changed; everything else is as in version 1.

use std::io::{self, Write};

use serde::Serialize;

use crate::report::{Finding, Pillar, Profile, Report};
use crate::source::SourceDb;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    tool: Tool,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
    profiles: Vec<JsonProfile<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    fixed: &'a [crate::report::Fixed],
}

#[derive(Serialize)]
struct JsonProfile<'a> {
    plan: &'a str,
    pillars: JsonPillars<'a>,
    money: Option<crate::profile::Money>,
}

#[derive(Serialize)]
struct JsonPillars<'a> {
    legitimacy: JsonPillar<'a>,
    capacity: JsonPillar<'a>,
    value: JsonPillar<'a>,
}

#[derive(Serialize)]
struct JsonPillar<'a> {
    score: Option<f64>,
    checks: Vec<&'a crate::profile::CheckResult>,
}

fn profile(profile: &Profile) -> JsonProfile<'_> {
    let pillar = |pillar| JsonPillar {
        score: profile.score(pillar),
        checks: profile.pillar(pillar).collect(),
    };
    JsonProfile {
        plan: &profile.plan,
        pillars: JsonPillars {
            legitimacy: pillar(Pillar::Legitimacy),
            capacity: pillar(Pillar::Capacity),
            value: pillar(Pillar::Value),
        },
        money: profile.money,
    }
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// The report's counts, as the JSON report (and the HTML report's data) write them.
#[derive(Serialize)]
pub(super) struct Summary {
    pub(super) files: usize,
    pub(super) plans: usize,
    pub(super) errors: usize,
    pub(super) warnings: usize,
    pub(super) infos: usize,
    pub(super) suppressed: usize,
    pub(super) not_transcribed: usize,
    pub(super) rules: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    slug: &'a str,
    severity: &'static str,
    pillar: Option<&'static str>,
    message: &'a str,
    plan: &'a str,
    element: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicator: Option<&'a str>,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    related: Vec<JsonRelated<'a>>,
    help: Option<&'a str>,
    fingerprint: String,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
}

/// Writes the report as pretty-printed JSON followed by a newline.
///
/// # Errors
/// When writing fails.
pub fn render(report: &Report, sources: &SourceDb, out: &mut dyn Write) -> io::Result<()> {
    let document = JsonReport {
        version: 2,
        tool: Tool {
            name: "alinea",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: summary(report),
        findings: report
            .findings
            .iter()
            .map(|f| finding(f, sources))
            .collect(),
        profiles: report.profiles.iter().map(|p| profile(p)).collect(),
        fixed: &report.fixed,
    };
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// The report's counts.
pub(super) fn summary(report: &Report) -> Summary {
    Summary {
        files: report.files(),
        plans: report.plans,
        errors: report.count(crate::report::Severity::Error),
        warnings: report.count(crate::report::Severity::Warning),
        infos: report.count(crate::report::Severity::Info),
        suppressed: report.suppressed(),
        not_transcribed: report.not_transcribed.len(),
        rules: report.rules,
    }
}

fn finding<'a>(finding: &'a Finding, sources: &'a SourceDb) -> JsonFinding<'a> {
    let start = sources.start(finding.span);
    let end = sources.end(finding.span);
    JsonFinding {
        rule: &finding.rule,
        slug: &finding.slug,
        severity: finding.severity.as_str(),
        pillar: finding.pillar.map(crate::report::Pillar::as_str),
        message: &finding.message,
        plan: &finding.plan,
        element: &finding.element,
        indicator: finding.indicator.as_deref(),
        file: sources.file(finding.span.file).display_name(),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        related: finding
            .related
            .iter()
            .map(|related| {
                let at = sources.start(related.span);
                JsonRelated {
                    file: sources.file(related.span.file).display_name(),
                    line: at.line,
                    column: at.column,
                    message: &related.message,
                }
            })
            .collect(),
        help: finding.help.as_deref(),
        fingerprint: finding.fingerprint(sources),
    }
}
