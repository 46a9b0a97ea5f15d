//! Stage 7: one renderer per output format, all reading the same [`Report`].

pub mod human;
pub mod json;

use std::io::{self, Write};

use crate::report::Report;
use crate::source::SourceDb;

/// The output formats of `alinea check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Snippets with the span labelled, related snippets, help, then a summary.
    Human,
    /// The JSON report, schema version 1.
    Json,
}

/// What the human renderer needs to know about the terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Use colours.
    pub color: bool,
    /// Print only the summary line, not each finding.
    pub quiet: bool,
    /// Terminal width for wrapping.
    pub width: usize,
}

/// Writes the report in `format`.
///
/// # Errors
/// When writing fails (a closed pipe included; the caller decides what that means).
pub fn render(
    format: Format,
    report: &Report,
    sources: &SourceDb,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, sources, style, out),
        Format::Json => json::render(report, sources, out),
    }
}
