//! Code actions: what the editor offers to do about a finding. [`for_finding`] is the one
//! place they come from: the fixes of the fix library, then "add a waiver for this finding".

use crate::Run;
use crate::i18n::Lang;
use crate::plan::model::Date;
use crate::report::Finding;
use crate::source::{FileId, Span};
use crate::tr;

/// One thing to do about a finding: edits of files' text at spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Action {
    /// What the editor shows.
    pub(crate) title: String,
    /// Whether it is a fix (`quickfix`) the editor may prefer.
    pub(crate) preferred: bool,
    /// The edits: a span of a file of the run and its new text.
    pub(crate) edits: Vec<(Span, String)>,
}

/// Everything the editor may offer for a finding of the run: its fix (from `fixer`, the
/// fix library `alinea check --fix` applies), then a waiver.
pub(crate) fn for_finding(
    finding: &Finding,
    run: &Run,
    fixer: Option<&crate::fix::Fixer<'_>>,
    lang: Lang,
) -> Vec<Action> {
    let mut actions: Vec<Action> = fixer
        .and_then(|fixer| fixer.fix(finding))
        .map(|fix| Action {
            title: fix.title,
            // A safe fix is what `--fix` would do: the one the editor may apply at once.
            preferred: fix.applicability == crate::fix::Applicability::Safe,
            edits: fix
                .edits
                .into_iter()
                .map(|edit| (edit.span, edit.replacement))
                .collect(),
        })
        .into_iter()
        .collect();
    actions.extend(waiver(finding, run, lang));
    actions
}

/// The waivers key, in English or as a Spanish plan writes it.
fn waivers_key(line: &str) -> bool {
    let Some((key, _)) = line.split_once(':') else {
        return false;
    };
    let key = key.trim_end();
    key == "waivers"
        || crate::plan::schema::spanish("waivers")
            .iter()
            .any(|name| crate::plan::model::same_word(key, name))
}

/// The waiver's last day: the end of this year, or of the next one from October on (a
/// waiver is a decision to revisit, not to forget).
fn expiry(today: Date) -> Date {
    Date {
        year: if today.month >= 10 {
            today.year + 1
        } else {
            today.year
        },
        month: 12,
        day: 31,
    }
}

/// "Add a waiver for this finding": a `waivers` entry in the finding's plan, with its rule,
/// its element, a reason to write and an expiry. LOAD findings cannot be waived, and a
/// waiver's own findings (WAI) are fixed in the waiver, not waived.
fn waiver(finding: &Finding, run: &Run, lang: Lang) -> Option<Action> {
    let family = crate::policy::family(&finding.rule);
    if !crate::policy::suppressible(&finding.rule)
        || family.eq_ignore_ascii_case("WAI")
        || finding.plan.is_empty()
    {
        return None;
    }
    let plan = run.graph.plan(run.graph.plan_by_id(&finding.plan)?);
    let file: FileId = plan.file;
    let text = run.sources.file(file).text();
    let reason = tr!(lang, "lsp-waiver-reason").replace('"', "'");
    let until = expiry(crate::waiver::today());
    let entry = |indent: &str| {
        let mut entry = format!("{indent}- rule: {}\n", finding.rule);
        if !finding.element.is_empty() {
            entry.push_str(&format!("{indent}  at: {}\n", finding.element));
        }
        entry.push_str(&format!("{indent}  reason: \"{reason}\"\n"));
        entry.push_str(&format!("{indent}  until: {until}\n"));
        entry
    };
    // An existing top-level `waivers:` gets the entry first, at its entries' indentation.
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    let edit = loop {
        let Some(line) = lines.next() else {
            // None: a new `waivers` at the end of the file.
            let newline = if text.is_empty() || text.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            break (
                Span::new(file, text.len(), text.len()),
                format!("{newline}waivers:\n{}", entry("  ")),
            );
        };
        let start = offset;
        offset += line.len();
        if !line.starts_with([' ', '\t', '#', '-']) && waivers_key(line) {
            let value = line.split_once(':').map_or("", |(_, v)| v).trim();
            if value == "[]" {
                let key = line.split_once(':').map_or("waivers", |(k, _)| k);
                break (
                    Span::new(file, start, offset),
                    format!("{key}:\n{}", entry("  ")),
                );
            }
            let indent = lines
                .peek()
                .and_then(|next| next.get(..next.len() - next.trim_start_matches(' ').len()))
                .filter(|indent| !indent.is_empty())
                .unwrap_or("  ");
            let newline = if line.ends_with('\n') { "" } else { "\n" };
            break (
                Span::new(file, offset, offset),
                format!("{newline}{}", entry(indent)),
            );
        }
    };
    Some(Action {
        title: tr!(lang, "lsp-action-waiver", rule = finding.rule.as_str()),
        preferred: false,
        edits: vec![edit],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waiver_expires_at_the_end_of_a_year_at_least_a_quarter_away() {
        let on = |month| {
            expiry(Date {
                year: 2026,
                month,
                day: 1,
            })
        };
        assert_eq!(on(1).to_string(), "2026-12-31");
        assert_eq!(on(9).to_string(), "2026-12-31");
        assert_eq!(on(10).to_string(), "2027-12-31");
    }

    #[test]
    fn the_waivers_key_is_read_in_both_languages() {
        assert!(waivers_key("waivers:\n"));
        assert!(waivers_key("excepciones: []\n"));
        assert!(!waivers_key("plan:\n"));
    }
}
