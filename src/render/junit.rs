//! `JUnit` XML: one `testsuite` per plan file, one `testcase` per (rule, element,
//! place) that failed, with the finding as its `failure`; files without findings
//! are suites with no test case, so the CI server lists every file checked.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::report::{Finding, Report};
use crate::source::SourceDb;

/// Writes the report as `JUnit` XML.
///
/// # Errors
/// When writing fails.
pub fn render(report: &Report, sources: &SourceDb, out: &mut dyn Write) -> io::Result<()> {
    let mut suites: BTreeMap<String, Vec<&Finding>> = BTreeMap::new();
    for &file in &report.checked {
        suites
            .entry(sources.file(file).display_name().to_owned())
            .or_default();
    }
    for finding in &report.findings {
        suites
            .entry(sources.file(finding.span.file).display_name().to_owned())
            .or_default()
            .push(finding);
    }
    let total = report.findings.len();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="alinea" tests="{total}" failures="{total}" errors="0">"#
    )?;
    for (file, findings) in &suites {
        let count = findings.len();
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{count}" failures="{count}" errors="0" skipped="0">"#,
            escape(file)
        )?;
        for finding in findings {
            let start = sources.start(finding.span);
            let element = if finding.element.is_empty() {
                &finding.plan
            } else {
                &finding.element
            };
            let mut name = format!("{} {}", finding.rule, element);
            if !finding.path.is_empty() {
                name.push(' ');
                name.push_str(&finding.path);
            }
            writeln!(
                out,
                r#"    <testcase name="{}" classname="{}" file="{}" line="{}">"#,
                escape(&name),
                escape(file),
                escape(file),
                start.line
            )?;
            let mut body = format!(
                "{file}:{}:{}: {}: {}",
                start.line,
                start.column,
                finding.severity.name(report.lang),
                finding.message
            );
            if let Some(help) = &finding.help {
                body.push_str(&format!("\n{}: ", crate::tr!(report.lang, "report-help")));
                body.push_str(help);
            }
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}</failure>"#,
                escape(&finding.rule),
                escape(&finding.message),
                escape(&body)
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Escapes text for XML (and HTML) attributes and content; drops characters XML 1.0 cannot
/// hold.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}
