//! The human report: miette's graphical snippets, one per finding, then a summary.

use std::fmt;
use std::io::{self, Write};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use crate::i18n::Lang;
use crate::report::{Diagnostic as Problem, Finding, Pillar, Report, Severity};
use crate::source::{SourceDb, Span};
use crate::tr;

/// Writes every finding, causes first (unless `file_order`), then the summary (unless quiet).
///
/// # Errors
/// When writing fails.
pub fn render(
    report: &Report,
    sources: &SourceDb,
    style: super::Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let handler = handler(style);
    let mut text = String::new();
    for finding in ordered(report, style.file_order) {
        text.clear();
        let diagnostic = FindingDiagnostic::new(finding, sources, report.lang);
        handler
            .render_report(&mut text, &diagnostic)
            .map_err(|_| io::Error::other("cannot format a finding"))?;
        out.write_all(localized(&text, report.lang).as_bytes())?;
        // A text read back for the snippet that was no longer the one checked.
        let file = sources.file(finding.span.file);
        if file.changed_on_disk() {
            let note = tr!(
                report.lang,
                "report-changed-on-disk",
                file = file.display_name()
            );
            writeln!(out, "  {note}")?;
        }
        out.write_all(b"\n")?;
    }
    if style.quiet {
        return Ok(());
    }
    summary(report, style, out)
}

/// miette's own word before a help text (`help:`) in the run's language, its continuation
/// lines realigned under the new word.
fn localized(text: &str, lang: Lang) -> String {
    let word = tr!(lang, "report-help");
    if word == "help" {
        return text.to_owned();
    }
    let extra = word.chars().count().saturating_sub("help".len());
    let mut out = String::with_capacity(text.len() + 16);
    // The column where a help text's continuation lines start, while inside one.
    let mut continuation: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = line.get(indent..).unwrap_or_default();
        // `help:` may come wrapped in colour codes.
        let colour = if rest.starts_with('\u{1b}') {
            rest.find('m').map_or(0, |end| end + 1)
        } else {
            0
        };
        let after_colour = rest.get(colour..).unwrap_or_default();
        if let Some(tail) = after_colour.strip_prefix("help:") {
            out.push_str(line.get(..indent + colour).unwrap_or_default());
            out.push_str(&word);
            out.push(':');
            out.push_str(tail);
            continuation = Some(indent + "help: ".len());
            continue;
        }
        match continuation {
            Some(column) if indent == column && !rest.trim().is_empty() => {
                out.push_str(&" ".repeat(extra));
                out.push_str(line);
            }
            _ => {
                continuation = None;
                out.push_str(line);
            }
        }
    }
    out
}

/// The findings in the order a person reads them: errors of the LOAD and REF families (a
/// file that cannot be read, a reference that does not resolve) first, because other
/// findings may follow from them; then the rest, each part in file order.
pub fn ordered(report: &Report, file_order: bool) -> impl Iterator<Item = &Finding> {
    let cause = move |finding: &Finding| {
        !file_order
            && finding.severity == Severity::Error
            && matches!(crate::policy::family(&finding.rule), "LOAD" | "REF")
    };
    let causes = report.findings.iter().filter(move |f| cause(f));
    let effects = report.findings.iter().filter(move |f| !cause(f));
    causes.chain(effects)
}

/// The summary: counts, suppressed and fixed findings, and the profiles of the plans with
/// findings.
///
/// # Errors
/// When writing fails.
pub fn summary(report: &Report, style: super::Style, out: &mut dyn Write) -> io::Result<()> {
    let (bold, reset) = if style.color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let lang = report.lang;
    let checked = tr!(
        lang,
        "summary-checked",
        files = report.files(),
        plans = report.plans,
        errors = report.count(Severity::Error),
        warnings = report.count(Severity::Warning),
        infos = report.count(Severity::Info),
    );
    writeln!(out, "{bold}{checked}{reset}")?;
    if report.suppressed() > 0 {
        writeln!(
            out,
            "{}",
            tr!(lang, "summary-suppressed", count = report.suppressed())
        )?;
    }
    if !report.not_transcribed.is_empty() {
        writeln!(
            out,
            "{}",
            tr!(
                lang,
                "summary-not-transcribed",
                count = report.not_transcribed.len()
            )
        )?;
    }
    if !report.fixed.is_empty() {
        writeln!(
            out,
            "{}",
            tr!(lang, "summary-fixed", count = report.fixed.len())
        )?;
        for fixed in &report.fixed {
            writeln!(out, "  {}  {}", fixed.fingerprint, fixed.message)?;
        }
    }
    let plans_with_findings: std::collections::HashSet<&str> =
        report.findings.iter().map(|f| f.plan.as_str()).collect();
    let with_findings: Vec<_> = report
        .profiles
        .iter()
        .filter(|profile| plans_with_findings.contains(profile.plan.as_str()))
        .collect();
    if !with_findings.is_empty() {
        writeln!(out, "{}", tr!(lang, "summary-profile"))?;
        for profile in with_findings {
            writeln!(out, "  {}", profile.plan)?;
            for line in profile_lines(profile, lang) {
                writeln!(out, "    {line}")?;
            }
        }
    }
    Ok(())
}

/// A plan's profile in words: one line per pillar (its score, then its failing, waived and
/// unknown checks with their rule ids), and the money line when the plan has one.
#[must_use]
pub fn profile_lines(profile: &crate::profile::Profile, lang: Lang) -> Vec<String> {
    let width = Pillar::ALL
        .iter()
        .map(|p| p.name(lang).chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for pillar in Pillar::ALL {
        let score = profile.score(pillar).map_or_else(
            || tr!(lang, "profile-no-score"),
            |score| format!("{:>3} %", (score * 100.0).round()),
        );
        let parts = pillar_parts(profile, pillar, lang);
        let name = pillar.name(lang);
        let mut line = format!("{name:<width$}  {score:>6}");
        if !parts.is_empty() {
            line.push_str("  ");
            line.push_str(&parts.join(" · "));
        }
        lines.push(line);
    }
    if let Some(money) = profile.money {
        lines.push(format!(
            "{:<width$}  {}",
            tr!(lang, "profile-money"),
            money_line(money, lang)
        ));
    }
    lines
}

/// The checks of one pillar that do not pass, in words: one part per status (failing,
/// waived, unknown), each listing its checks with their share and rule ids.
#[must_use]
pub fn pillar_parts(profile: &crate::profile::Profile, pillar: Pillar, lang: Lang) -> Vec<String> {
    use crate::profile::Status;
    let mut parts = Vec::new();
    for status in [Status::Fail, Status::Waived, Status::Unknown] {
        let checks: Vec<String> = profile
            .pillar(pillar)
            .filter(|check| check.status == status)
            .map(|check| {
                let mut text = tr!(lang, "profile-check", id = check.id());
                if let (Some(share), Some(items)) = (check.share(), check.items) {
                    #[expect(
                        clippy::cast_possible_truncation,
                        clippy::cast_sign_loss,
                        reason = "a share of a plan's items, times their count"
                    )]
                    let passing = (share * f64::from(items)).round() as usize;
                    text.push_str(&format!(" {passing}/{items}"));
                }
                if !check.rules.is_empty() {
                    text.push_str(&format!(" ({})", check.rules.join(", ")));
                }
                text
            })
            .collect();
        if !checks.is_empty() {
            parts.push(tr!(
                lang,
                "profile-status-list",
                status = status.key(),
                checks = checks.join(", ")
            ));
        }
    }
    parts
}

/// The money figure in words: how many of the POIs' soles reach national policy.
#[must_use]
pub fn money_line(money: crate::profile::Money, lang: Lang) -> String {
    let share = if money.total > 0.0 {
        format!("{:.0}", money.chain / money.total * 100.0)
    } else {
        "—".to_owned()
    };
    tr!(
        lang,
        "profile-money-line",
        chain = soles(money.chain, lang),
        total = soles(money.total, lang),
        share = share
    )
}

/// An amount of soles as a person reads it: `S/ 412.5 M` (`S/ 412,5 millones` in Spanish)
/// from a million on, else in full with thousands separated (`S/ 45 000`).
#[must_use]
pub fn soles(amount: f64, lang: Lang) -> String {
    let comma = |text: String| match lang {
        Lang::En => text,
        Lang::Es => text.replace('.', ","),
    };
    if amount.abs() >= 1_000_000.0 {
        let millions = comma(format!("{:.1}", amount / 1_000_000.0));
        return tr!(lang, "profile-millions", amount = millions);
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "below a million, rounded to whole soles"
    )]
    let whole = amount.round() as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    let sign = if whole < 0 { "-" } else { "" };
    format!("S/ {sign}{grouped}")
}

/// Writes diagnostics that stop a run (broken rule files), then a one-line summary.
///
/// # Errors
/// When writing fails.
pub fn render_diagnostics(
    diagnostics: &[Problem],
    sources: &SourceDb,
    style: super::Style,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let handler = handler(style);
    let mut text = String::new();
    for diagnostic in diagnostics {
        text.clear();
        let finding = Finding {
            rule: String::new(),
            slug: String::new(),
            severity: Severity::Error,
            pillar: None,
            message: diagnostic.message.clone(),
            plan: String::new(),
            element: String::new(),
            indicator: None,
            span: diagnostic.span,
            label: diagnostic.label.clone(),
            related: diagnostic.related.clone(),
            help: diagnostic.help.clone(),
            path: String::new(),
        };
        let mut shown = FindingDiagnostic::new(&finding, sources, lang);
        shown.code = None;
        handler
            .render_report(&mut text, &shown)
            .map_err(|_| io::Error::other("cannot format a diagnostic"))?;
        out.write_all(localized(&text, lang).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn handler(style: super::Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_context_lines(1)
        .with_links(false)
        .with_show_related_as_nested(true)
        .with_break_words(false)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// A finding seen through miette's eyes.
struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    code: Option<String>,
    source: FileSource<'a>,
    labels: Vec<LabeledSpan>,
    related: Vec<RelatedDiagnostic<'a>>,
}

impl<'a> FindingDiagnostic<'a> {
    fn new(finding: &'a Finding, sources: &'a SourceDb, lang: Lang) -> Self {
        let file = finding.span.file;
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            label(&finding.label),
            miette_span(finding.span),
        )];
        let mut related = Vec::new();
        for other in &finding.related {
            let near =
                other.span.file == file && lines_apart(sources, finding.span, other.span) <= 6;
            if near {
                labels.push(LabeledSpan::new_with_span(
                    Some(other.message.clone()),
                    miette_span(other.span),
                ));
            } else {
                related.push(RelatedDiagnostic {
                    message: other.message.clone(),
                    source: FileSource::new(sources, other.span),
                    span: other.span,
                });
            }
        }
        Self {
            finding,
            code: Some(format!(
                "{}[{}]: {}",
                finding.severity.name(lang),
                finding.rule,
                finding.slug
            )),
            source: FileSource::new(sources, finding.span),
            labels,
            related,
        }
    }
}

fn lines_apart(sources: &SourceDb, a: Span, b: Span) -> usize {
    sources.start(a).line.abs_diff(sources.start(b).line)
}

fn label(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

fn miette_span(span: Span) -> SourceSpan {
    SourceSpan::new((span.start as usize).into(), span.len())
}

fn miette_severity(severity: Severity) -> miette::Severity {
    match severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic")
            .field("rule", &self.finding.rule)
            .finish()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(miette_severity(self.finding.severity))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

/// A related location in another file, shown as its own snippet.
struct RelatedDiagnostic<'a> {
    message: String,
    source: FileSource<'a>,
    span: Span,
}

impl fmt::Debug for RelatedDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for RelatedDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RelatedDiagnostic<'_> {}

impl Diagnostic for RelatedDiagnostic<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(None, miette_span(self.span)),
        )))
    }
}

/// A file's text under its display name, borrowed from the [`SourceDb`].
struct FileSource<'a> {
    name: &'a str,
    text: &'a str,
    file: &'a crate::source::SourceFile,
}

impl<'a> FileSource<'a> {
    fn new(sources: &'a SourceDb, span: Span) -> Self {
        let file = sources.file(span.file);
        Self {
            name: file.display_name(),
            text: file.text(),
            file,
        }
    }
}

impl SourceCode for FileSource<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        // miette reads a span by scanning the text from its start: for a finding at the end
        // of a long file, once per finding. Its scan is started at the first context line
        // instead (found with the file's line index), and the result moved back to the file's
        // offsets and lines; files with a bare `\r`, which miette counts as a line break and
        // the index does not, are scanned whole.
        let (window, first_line) = if self.file.has_cr() {
            (0, 0)
        } else {
            let window = self
                .file
                .line_start_above(span.offset(), context_lines_before);
            (window, self.file.lines_before(window))
        };
        let text = self.text.get(window..).unwrap_or_default();
        let local = SourceSpan::new(span.offset().saturating_sub(window).into(), span.len());
        let inner = text.read_span(&local, context_lines_before, context_lines_after)?;
        let inner_span =
            SourceSpan::new((inner.span().offset() + window).into(), inner.span().len());
        let inner = MietteSpanContents::new(
            inner.data(),
            inner_span,
            inner.line() + first_line,
            inner.column(),
            inner.line_count() + first_line,
        );
        // miette counts columns in bytes; alinea promises characters, as the JSON output does.
        let start = inner.span().offset();
        let line_start = self
            .text
            .get(..start)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |i| i + 1);
        let column = self
            .text
            .get(line_start..start)
            .map_or(inner.column(), |prefix| prefix.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}
