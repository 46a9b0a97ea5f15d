//! Every word the browser shows that is not data: titles, hints, messages.
//!
//! Kept in one place so that wording stays consistent and a translation has one file
//! to change. Key descriptions live beside their keys in [`keys`](super::keys).

/// The application name in the header.
pub const APP: &str = "alinea";
/// Tab titles, in key order `1`–`4`.
pub const VIEW_TITLES: [&str; 4] = ["Findings", "Trace", "Coverage", "Profile"];
/// Shown instead of the screen below the minimum size.
pub const TOO_SMALL: &str = "terminal too small";
/// The findings list's title.
pub const FINDINGS: &str = "findings";
/// The detail pane's title.
pub const DETAIL: &str = "detail";
/// The trace pane's title.
pub const TRACE: &str = "trace";
/// The coverage view's plan list title.
pub const CONCERTED_PLANS: &str = "concerted plans";
/// The coverage matrix title.
pub const MATRIX: &str = "coverage";
/// The profile view's plan list title.
pub const PROFILES: &str = "public value profile";
/// The profile view's rule pane title.
pub const PILLAR_RULES: &str = "rules behind each pillar";
/// The help popup title.
pub const HELP: &str = "keys (type to filter)";
/// The explain popup title.
pub const EXPLAIN: &str = "rule";
/// Shown when no finding is left (or there were none).
pub const NO_FINDINGS: &str = "no findings";
/// Shown when a filter hides every finding.
pub const NO_MATCH: &str = "no finding matches the filter (esc clears it)";
/// The detail pane with nothing selected.
pub const NOTHING_SELECTED: &str = "select a finding to see it here";
/// The trace view with nothing to trace.
pub const NO_TRACE: &str =
    "select a finding about an objective, action, activity or investment, then press t or 2";
/// The coverage view without a concerted plan.
pub const NO_CONCERTED: &str = "no concerted plan (pdrc, pdlc) or traced upper plan was loaded";
/// The profile view without plans.
pub const NO_PLANS: &str = "no plan was loaded";
/// The hint on the right of the status line.
pub const HINT: &str = "? help  q quit";
/// Heading of the upward half of a trace.
pub const UPWARDS: &str = "▲ upwards: what it serves";
/// Heading of the downward half of a trace.
pub const DOWNWARDS: &str = "▼ downwards: what implements it";
/// A reference that resolves to nothing.
pub const GAP_BROKEN: &str = "gap: broken reference";
/// Before a gap that a finding marks (its words and rule follow).
pub const GAP: &str = "gap:";
/// Marks a node already shown higher in the same trace.
pub const SEEN: &str = "(shown above)";
/// Marks where a trace stops growing.
pub const TRUNCATED: &str = "… (trace cut here: too deep or too wide)";
/// The profile bars' legend.
pub const PROFILE_LEGEND: &str = "share of elements without findings of each pillar";
/// Coverage matrix sort orders.
pub const SORT_DOCUMENT: &str = "document order";
/// Coverage matrix sort orders.
pub const SORT_LEAST: &str = "least covered first";
/// The first column of the coverage matrix.
pub const OBJECTIVE: &str = "objective";
/// The total column of the coverage matrix.
pub const TOTAL: &str = "total";
/// Status after a re-lint.
pub const RELINTED: &str = "re-linted";
/// Status while re-linting.
pub const RELINTING: &str = "re-linting…";
/// Prompt label for search.
pub const SEARCH_PROMPT: &str = "/";
/// Prompt label for the filter.
pub const FILTER_PROMPT: &str = "filter: ";
/// Shown after `,` while waiting for the grouping key.
pub const GROUP_PENDING: &str = "group by: f file · r rule · s severity · p pillar · n none";

/// The status after a failed re-lint.
#[must_use]
pub fn relint_failed(error: &str) -> String {
    format!("re-lint failed: {error}")
}

/// The status when the editor cannot be started or fails.
#[must_use]
pub fn editor_failed(error: &str) -> String {
    format!("editor: {error}")
}

/// The status after copying a location.
#[must_use]
pub fn copied(text: &str) -> String {
    format!("copied {text}")
}

/// The status when a rule has no documentation.
#[must_use]
pub fn unknown_rule(rule: &str) -> String {
    format!("no documentation for `{rule}`")
}

/// The status when the selection has no element to trace.
#[must_use]
pub fn nothing_to_trace(rule: &str) -> String {
    format!("{rule}: this finding is about no element; showing its plan")
}
