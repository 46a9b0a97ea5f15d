//! Stage 7: one renderer per output format, all reading the same [`Report`].

/// Reports are written in pieces of this many bytes: a national JSON report of 38 MB takes
/// 150 writes instead of 4,700 with `BufWriter`'s default 8 KiB (the report is whole before
/// its first byte is written, so nothing shows later for it).
pub const WRITE_BUFFER: usize = 256 * 1024;

pub mod concise;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::io::{self, Write};

use crate::report::Report;

/// The output formats of `alinea check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Snippets with the span labelled, related snippets, help, then a summary.
    Human,
    /// One line per finding: `file:line:col: ID message`, then the summary line.
    Concise,
    /// The JSON report, schema version 1.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// `JUnit` XML, one test suite per plan file.
    Junit,
    /// GitHub Actions annotations.
    Github,
    /// One self-contained HTML page for reviewers: overview, plan pages, profile, trace
    /// graph and coverage (works offline; makes no request).
    Html,
}

/// What the human renderer needs to know about the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Use colours.
    pub color: bool,
    /// Print the findings without the summary.
    pub quiet: bool,
    /// List findings in pure file order (by default the human report lists errors of the
    /// LOAD and REF families first: the cause before its effects).
    pub file_order: bool,
    /// Terminal width for wrapping.
    pub width: usize,
}

/// Writes the report in `format`.
///
/// # Errors
/// When writing fails (a closed pipe included; the caller decides what that means).
pub fn render(
    format: Format,
    run: &crate::Run,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (report, sources) = (&run.report, &run.sources);
    match format {
        Format::Human => human::render(report, sources, style, out),
        Format::Concise => concise::render(report, sources, style, out),
        Format::Json => json::render(report, sources, out),
        Format::Sarif => sarif::render(report, sources, out),
        Format::Junit => junit::render(report, sources, out),
        Format::Github => github::render(report, sources, out),
        Format::Html => html::render(run, out),
    }
}

/// Writes a count per rule instead of the findings (`--statistics`): a table for people
/// (the command line refuses it with a machine format).
///
/// # Errors
/// When writing fails.
pub fn statistics(report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let mut counts: Vec<(&str, &str, crate::report::Severity, usize)> = Vec::new();
    for finding in &report.findings {
        match counts.iter_mut().find(|(rule, ..)| *rule == finding.rule) {
            Some(entry) => entry.3 += 1,
            None => counts.push((&finding.rule, &finding.slug, finding.severity, 1)),
        }
    }
    counts.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(b.0)));
    let width = counts.iter().map(|c| c.1.len()).max().unwrap_or(0);
    for (rule, slug, severity, count) in &counts {
        writeln!(
            out,
            "{count:>6}  {rule:<8} {slug:<width$}  {}",
            severity.name(report.lang)
        )?;
    }
    let (bold, reset) = if style.color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    writeln!(
        out,
        "{bold}{}{reset}",
        crate::tr!(
            report.lang,
            "statistics-total",
            findings = report.findings.len(),
            rules = counts.len()
        )
    )
}
