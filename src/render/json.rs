//! The JSON report, schema version 2: `version`, `tool`, `summary`, `findings` (one object
//! per finding; lines and columns 1-based, columns in characters) and `profiles` (the public
//! value profile v2: per pillar a `score` and its `checks`, and the `money` figure).
//! Version 2 because the profile's meaning changed; everything else is as in version 1.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use crate::report::{Finding, Pillar, Profile, Report};
use crate::source::SourceDb;

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
/// The document is written part by part, each finding and each profile rendered on its own
/// (in parallel, a batch at a time) and indented where it goes: the same bytes as
/// `serde_json`'s pretty printer gives for the whole document (a national report is tens of
/// megabytes, mostly profiles).
///
/// # Errors
/// When writing fails.
pub fn render(report: &Report, sources: &SourceDb, out: &mut dyn Write) -> io::Result<()> {
    let tool = Tool {
        name: "alinea",
        version: env!("CARGO_PKG_VERSION"),
    };
    out.write_all(b"{\n  \"version\": 2,\n  \"tool\": ")?;
    out.write_all(&pretty(&tool, 1)?)?;
    out.write_all(b",\n  \"summary\": ")?;
    out.write_all(&pretty(&summary(report), 1)?)?;
    out.write_all(b",\n  \"findings\": ")?;
    list(&report.findings, |f| pretty(&finding(f, sources), 2), out)?;
    out.write_all(b",\n  \"profiles\": ")?;
    list(&report.profiles, |p| pretty(&profile(p), 2), out)?;
    if !report.fixed.is_empty() {
        out.write_all(b",\n  \"fixed\": ")?;
        out.write_all(&pretty(&report.fixed, 1)?)?;
    }
    out.write_all(b"\n}\n")
}

/// How many list items are rendered at once (their text is held until written).
const BATCH: usize = 256;

/// A list member of the top-level object, its items rendered (two levels deep) in parallel
/// a batch at a time; a batch is written while the next one is rendered.
fn list<T: Sync>(
    items: &[T],
    render: impl Fn(&T) -> io::Result<Vec<u8>> + Sync,
    out: &mut dyn Write,
) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let render_batch =
        |batch: &[T]| -> io::Result<Vec<Vec<u8>>> { batch.par_iter().map(&render).collect() };
    let mut batches = items.chunks(BATCH);
    let mut rendered = batches
        .next()
        .map_or_else(|| Ok(Vec::new()), &render_batch)?;
    let mut first = true;
    loop {
        let next = batches.next();
        let mut following = None;
        let written = rayon::in_place_scope(|scope| {
            if let Some(next) = next {
                scope.spawn(|_| following = Some(render_batch(next)));
            }
            rendered.iter().try_for_each(|item| {
                out.write_all(if first { b"\n    " } else { b",\n    " })?;
                first = false;
                out.write_all(item)
            })
        });
        written?;
        match following {
            Some(batch) => rendered = batch?,
            None => break,
        }
    }
    out.write_all(b"\n  ]")
}

/// A value as `serde_json`'s pretty printer writes it `depth` levels deep: its lines after the
/// first indented by two spaces a level, written so in one pass.
fn pretty<T: Serialize>(value: &T, depth: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(512);
    let mut serializer = serde_json::Serializer::with_formatter(
        &mut out,
        Nested {
            level: depth,
            has_value: false,
        },
    );
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    Ok(out)
}

/// `serde_json`'s `PrettyFormatter` (two spaces a level) starting at a given level: the
/// value's own lines are indented as its place in the report needs.
struct Nested {
    level: usize,
    has_value: bool,
}

impl Nested {
    fn indent<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        // Two spaces a level, written at once (a report's lines are at most a few levels deep).
        const SPACES: &[u8; 32] = b"                                ";
        let mut left = self.level * 2;
        while left > 0 {
            let now = left.min(SPACES.len());
            writer.write_all(SPACES.get(..now).unwrap_or_default())?;
            left -= now;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level = self.level.saturating_sub(1);
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
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
