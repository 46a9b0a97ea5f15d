//! Findings and rule-file problems as the protocol's diagnostics.

use crate::Run;

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Url,
};

use super::convert;
use super::workspace::Workspace;
use crate::i18n::Lang;
use crate::report::{Finding, Related, Severity};
use crate::source::{FileId, SourceDb, SourceFile};
use crate::tr;

/// The name diagnostics carry as their source.
pub(crate) const SOURCE: &str = "alinea";

/// Where a rule's documentation is: `rulesUrl` from the client's initialization options
/// (the rule reference, `docs/rules.md`, wherever the team publishes it), to which the
/// rule's anchor is added (`…/rules.md#ref-01`).
#[derive(Clone, Debug, Default)]
pub(crate) struct DocsLink {
    /// The page of the rule reference.
    pub(crate) base: Option<String>,
}

impl DocsLink {
    fn of(&self, rule: &str) -> Option<CodeDescription> {
        let base = self.base.as_deref()?;
        let href = Url::parse(&format!("{base}#{}", rule.to_ascii_lowercase())).ok()?;
        Some(CodeDescription { href })
    }
}

/// The protocol's severity of a finding's.
fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The message a person reads: the finding's, and its help on a line of its own.
fn message(text: &str, help: Option<&str>, lang: Lang) -> String {
    match help {
        Some(help) => format!("{text}\n{}: {help}", tr!(lang, "report-help")),
        None => text.to_owned(),
    }
}

/// The other places that explain a finding.
fn related(
    workspace: &Workspace,
    sources: &SourceDb,
    related: &[Related],
) -> Option<Vec<DiagnosticRelatedInformation>> {
    let list: Vec<DiagnosticRelatedInformation> = related
        .iter()
        .filter_map(|related| {
            Some(DiagnosticRelatedInformation {
                location: Location {
                    uri: workspace.uri(related.span.file)?,
                    range: convert::range(sources, related.span),
                },
                message: related.message.clone(),
            })
        })
        .collect();
    (!list.is_empty()).then_some(list)
}

/// One finding as a diagnostic.
pub(crate) fn of_finding(
    workspace: &Workspace,
    sources: &SourceDb,
    finding: &Finding,
    docs: &DocsLink,
    lang: Lang,
) -> Diagnostic {
    Diagnostic {
        range: convert::range(sources, finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.clone())),
        code_description: docs.of(&finding.rule),
        source: Some(SOURCE.to_owned()),
        message: message(&finding.message, finding.help.as_deref(), lang),
        related_information: related(workspace, sources, &finding.related),
        tags: None,
        data: None,
    }
}

/// The findings of the run by file, in the report's order, each file's with a fingerprint
/// of everything its diagnostics show (two runs give a file the same fingerprint when its
/// diagnostics are the same, spans included).
pub(crate) fn by_file(run: &Run) -> Vec<(FileId, Vec<&Finding>, u64)> {
    use std::hash::{Hash, Hasher};
    let mut groups: rustc_hash::FxHashMap<FileId, (Vec<&Finding>, rustc_hash::FxHasher)> =
        rustc_hash::FxHashMap::default();
    for finding in &run.report.findings {
        let (list, hasher) = groups.entry(finding.span.file).or_default();
        list.push(finding);
        (
            &finding.rule,
            finding.severity as u8,
            finding.span.start,
            finding.span.end,
        )
            .hash(hasher);
        (&finding.message, &finding.help).hash(hasher);
        for related in &finding.related {
            (related.span, &related.message).hash(hasher);
        }
    }
    let mut groups: Vec<(FileId, Vec<&Finding>, u64)> = groups
        .into_iter()
        .map(|(file, (list, hasher))| (file, list, hasher.finish()))
        .collect();
    groups.sort_by_key(|(file, _, _)| *file);
    groups
}

/// The problems of a rule file's text: it is parsed and type-checked alone, as `alinea rules
/// check FILE --no-default-rules` would.
pub(crate) fn of_rule_text(path: &std::path::Path, text: &str, lang: Lang) -> Vec<Diagnostic> {
    let mut sources = SourceDb::new();
    let file = crate::dsl::RuleSource {
        path: path.to_path_buf(),
        text: text.to_owned(),
        default_pack: false,
    };
    let (_, errors) = crate::dsl::compile(vec![file], &mut sources, lang);
    let own = |span: crate::source::Span| sources.file(span.file).path() == path;
    errors
        .iter()
        .filter(|error| own(error.span))
        .map(|error| Diagnostic {
            range: convert::range(&sources, error.span),
            severity: Some(DiagnosticSeverity::ERROR),
            code: None,
            code_description: None,
            source: Some(SOURCE.to_owned()),
            message: message(&error.message, error.help.as_deref(), lang),
            related_information: None,
            tags: None,
            data: None,
        })
        .collect()
}

/// A text's own line index, for positions in a buffer that is not part of a run.
pub(crate) fn source_of(path: &std::path::Path, text: &str) -> SourceFile {
    SourceFile::new(path.to_path_buf(), text.to_owned())
}
