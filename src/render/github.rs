//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line
//! per finding, so that a workflow step annotates the pull request.

use std::io::{self, Write};

use crate::report::{Report, Severity};
use crate::source::SourceDb;

/// Writes one annotation line per finding.
///
/// # Errors
/// When writing fails.
pub fn render(report: &Report, sources: &SourceDb, out: &mut dyn Write) -> io::Result<()> {
    for finding in &report.findings {
        let start = sources.start(finding.span);
        let end = sources.end(finding.span);
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            message.push_str(&format!("\n{}: ", crate::tr!(report.lang, "report-help")));
            message.push_str(help);
        }
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(sources.file(finding.span.file).display_name()),
            start.line,
            start.column,
            end.line,
            end.column,
            property(&format!("{} {}", finding.rule, finding.slug)),
            data(&message),
        )?;
    }
    Ok(())
}

/// Escapes a command's message (`%`, CR, LF).
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value (also `:` and `,`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}
