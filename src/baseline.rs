//! Baselines: the findings a repository has accepted for now, keyed by
//! fingerprint (rule, plan id, element code, place inside the element), never
//! by line number or position, so moving lines or inserting elements keeps the
//! baseline valid. With `--baseline`, findings in it are not reported or counted;
//! entries that match nothing any more are reported as fixed.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::report::{Finding, Fixed};
use crate::source::SourceDb;

/// The default file name.
pub const FILE_NAME: &str = "alinea-baseline.json";

/// One accepted finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// The stable key.
    pub fingerprint: String,
    /// Rule id.
    pub rule: String,
    /// Plan id.
    pub plan: String,
    /// Element code.
    pub element: String,
    /// Place inside the element.
    pub path: String,
    /// The message when the baseline was taken (for people reading the file).
    pub message: String,
}

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// The baseline file's text for these findings (sorted, no timestamp: byte-identical across
/// runs), how many entries it holds, and how many LOAD findings it leaves out: those can
/// never be accepted ([`crate::policy::suppressible`]).
#[must_use]
pub fn write(findings: &[Finding], sources: &SourceDb) -> (String, usize, usize) {
    let mut entries: Vec<Entry> = findings
        .iter()
        .filter(|f| crate::policy::suppressible(&f.rule))
        .map(|f| Entry {
            fingerprint: f.fingerprint(sources),
            rule: f.rule.clone(),
            plan: f.plan.clone(),
            element: f.element.clone(),
            path: f.path.clone(),
            message: f.message.clone(),
        })
        .collect();
    entries.sort();
    let written = entries.len();
    let file = File {
        version: 1,
        findings: entries,
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    (text, written, findings.len() - written)
}

/// Reads a baseline file.
///
/// # Errors
/// When it cannot be read or is not a baseline.
pub fn read(path: &Path, lang: crate::i18n::Lang) -> Result<Vec<Entry>, String> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        crate::tr!(
            lang,
            "baseline-unreadable",
            file = file.as_str(),
            reason = crate::discover::io_message(&e)
        )
    })?;
    let parsed: File = serde_json::from_str(&text).map_err(|e| {
        crate::tr!(
            lang,
            "baseline-not-a-baseline",
            file = file.as_str(),
            reason = e.to_string()
        )
    })?;
    if parsed.version != 1 {
        return Err(crate::tr!(
            lang,
            "baseline-version",
            file = file.as_str(),
            version = parsed.version
        ));
    }
    Ok(parsed.findings)
}

/// Removes the findings the baseline accepts (each entry accepts one finding); returns
/// them and the entries that matched nothing.
pub fn apply(
    findings: &mut Vec<Finding>,
    sources: &SourceDb,
    entries: &[Entry],
) -> (Vec<Finding>, Vec<Fixed>) {
    let mut remaining: HashMap<&str, usize> = HashMap::new();
    for entry in entries {
        *remaining.entry(entry.fingerprint.as_str()).or_default() += 1;
    }
    let (accepted, kept): (Vec<Finding>, Vec<Finding>) =
        std::mem::take(findings).into_iter().partition(|finding| {
            if !crate::policy::suppressible(&finding.rule) {
                return false;
            }
            let key = finding.fingerprint(sources);
            match remaining.get_mut(key.as_str()) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    true
                }
                _ => false,
            }
        });
    *findings = kept;
    let mut fixed = Vec::new();
    for entry in entries {
        if let Some(count) = remaining.get_mut(entry.fingerprint.as_str())
            && *count > 0
        {
            *count -= 1;
            fixed.push(Fixed {
                fingerprint: entry.fingerprint.clone(),
                rule: entry.rule.clone(),
                message: entry.message.clone(),
            });
        }
    }
    (accepted, fixed)
}
