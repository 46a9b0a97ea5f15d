//! SARIF 2.1.0: one run in the report's language (`language`), the rules from their
//! documentation in that language, one result per finding with related locations and a
//! partial fingerprint. Columns are declared as Unicode code points, as alinea counts
//! them. Files under the
//! current folder are relative URIs against `%SRCROOT%`; files outside it
//! (absolute paths, `../…`) are absolute `file:` URIs, as a relative reference
//! may not start with `/` or climb out of its base.

use std::io::{self, Write};
use std::path::{Component, Path};

use serde_json::{Value, json};

use crate::report::{Finding, Report, Severity};
use crate::source::{SourceDb, SourceFile, Span};

/// Writes the report as a SARIF 2.1.0 log.
///
/// # Errors
/// When writing fails.
pub fn render(report: &Report, sources: &SourceDb, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = report
        .rule_docs
        .iter()
        .map(|rule| {
            let mut properties = serde_json::Map::new();
            properties.insert(
                "tags".to_owned(),
                json!([rule.id.split('-').next().unwrap_or_default()]),
            );
            if let Some(pillar) = rule.pillar {
                properties.insert("pillar".to_owned(), json!(pillar.as_str()));
            }
            if let Some(source) = &rule.source {
                properties.insert("source".to_owned(), json!(source));
            }
            let full = if rule.doc.is_empty() {
                rule.title.clone()
            } else {
                rule.doc.clone()
            };
            json!({
                "id": rule.id,
                "name": rule.slug,
                "shortDescription": { "text": rule.title },
                "fullDescription": { "text": full },
                "help": { "text": full, "markdown": full },
                "defaultConfiguration": { "level": level(rule.severity) },
                "properties": properties,
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| result(finding, report, sources))
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "alinea",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            // The language of the messages and of the rules' descriptions.
            "language": report.lang.as_str(),
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn location(span: Span, sources: &SourceDb) -> Value {
    let start = sources.start(span);
    let end = sources.end(span);
    json!({
        "physicalLocation": {
            "artifactLocation": artifact_location(sources.file(span.file)),
            "region": {
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column.max(if end.line == start.line { start.column } else { 1 }),
            }
        }
    })
}

/// Where a file is: relative to `%SRCROOT%` (the current folder) when it is under it, an
/// absolute `file:` URI otherwise.
fn artifact_location(file: &SourceFile) -> Value {
    let shown = file.display_name();
    let outside = Path::new(shown).is_absolute() || shown == ".." || shown.starts_with("../");
    if outside {
        json!({ "uri": file_uri(file.path()) })
    } else {
        json!({ "uri": uri(shown), "uriBaseId": "%SRCROOT%" })
    }
}

/// The absolute `file:` URI of a path (made absolute against the current folder, `.` and
/// `..` folded away, each segment percent-encoded).
fn file_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut segments: Vec<String> = Vec::new();
    for component in absolute.components() {
        match component {
            // A Windows drive (`C:`) keeps its colon: `file:///C:/…`.
            Component::Prefix(prefix) => segments.push(
                prefix
                    .as_os_str()
                    .to_string_lossy()
                    .trim_start_matches(['\\', '/', '?', '.'])
                    .replace('\\', "/"),
            ),
            Component::RootDir | Component::CurDir => {}
            Component::ParentDir => {
                segments.pop();
            }
            Component::Normal(name) => segments.push(uri(&name.to_string_lossy())),
        }
    }
    format!("file:///{}", segments.join("/"))
}

/// A relative path as a URI reference: `/` separators, spaces and `%` escaped.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '~' | '/' => out.push(c),
            other => {
                let mut buffer = [0u8; 4];
                for byte in other.encode_utf8(&mut buffer).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
        }
    }
    out
}

fn result(finding: &Finding, report: &Report, sources: &SourceDb) -> Value {
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str(&format!("\n{}: ", crate::tr!(report.lang, "report-help")));
        message.push_str(help);
    }
    let related: Vec<Value> = finding
        .related
        .iter()
        .enumerate()
        .map(|(id, related)| {
            let mut location = location(related.span, sources);
            if let Some(object) = location.as_object_mut() {
                object.insert("id".to_owned(), json!(id));
                object.insert("message".to_owned(), json!({ "text": related.message }));
            }
            location
        })
        .collect();
    let mut value = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": { "text": message },
        "locations": [location(finding.span, sources)],
        "partialFingerprints": { "alineaFingerprint/v1": finding.fingerprint(sources) },
    });
    if let Some(object) = value.as_object_mut() {
        if let Some(index) = report.rule_docs.iter().position(|r| r.id == finding.rule) {
            object.insert("ruleIndex".to_owned(), json!(index));
        }
        if !related.is_empty() {
            object.insert("relatedLocations".to_owned(), json!(related));
        }
    }
    value
}
