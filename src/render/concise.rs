//! The concise report: one line per finding, `file:line:col: ID message`, in the human
//! report's order, then the summary (unless `--quiet`). For grep, editors' quickfix lists
//! and pre-commit hooks.

use std::io::{self, Write};

use crate::report::Report;
use crate::source::SourceDb;

/// Writes one line per finding, then the summary.
///
/// # Errors
/// When writing fails.
pub fn render(
    report: &Report,
    sources: &SourceDb,
    style: super::Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    for finding in super::human::ordered(report, style.file_order) {
        let start = sources.start(finding.span);
        writeln!(
            out,
            "{}:{}:{}: {} {}",
            sources.file(finding.span.file).display_name(),
            start.line,
            start.column,
            finding.rule,
            finding.message
        )?;
    }
    if style.quiet {
        return Ok(());
    }
    super::human::summary(report, style, out)
}
