//! Waivers: accepted findings, with a reason and an expiry (WAI-01, WAI-02).
//!
//! A waiver names its rule by id or slug; `at` is compared with the finding's
//! `element` (so an indicator finding is waived through its owner's code);
//! without `at` it covers the rule's findings in the whole plan. A waiver covers
//! findings of its own plan only. An expired waiver (the date is strictly after
//! `until`) waives nothing and is reported; a live one that matches nothing is
//! reported too.

use crate::graph::Graph;
use crate::plan::model::{Date, Waiver};
use crate::report::{CheckMeta, Finding, Pillar, Severity};

/// WAI-01.
pub const WAI_01: CheckMeta = CheckMeta {
    id: "WAI-01",
    slug: "unused-waiver",
    severity: Severity::Warning,
    pillar: Some(Pillar::Legitimacy),
    doc: "What it checks: every live waiver matches at least one finding. Why it matters: a waiver that waives nothing is stale and hides nothing; removing it keeps the list of accepted exceptions honest. Example: a waiver of IND-03 on an objective whose baseline was fixed.",
    title: "A waiver matches no finding",
};
/// WAI-02.
pub const WAI_02: CheckMeta = CheckMeta {
    id: "WAI-02",
    slug: "expired-waiver",
    severity: Severity::Error,
    pillar: Some(Pillar::Legitimacy),
    doc: "What it checks: no waiver is past its `until` date (today, or `--as-of`). Why it matters: an accepted exception is temporary; once it expires, the findings it covered are reported again. Example: `until: 2024-12-31` checked in 2025.",
    title: "A waiver has expired",
};

/// Removes waived findings; returns how many were suppressed. WAI findings are added.
/// `extra` are the configuration's waivers, each naming its plan.
pub fn apply(findings: &mut Vec<Finding>, graph: &Graph, extra: &[Waiver], as_of: Date) -> usize {
    let mut waived = vec![false; findings.len()];
    // Waivers cover their own plan's findings only: index them by plan once.
    let mut by_plan: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (index, finding) in findings.iter().enumerate() {
        by_plan
            .entry(finding.plan.as_str())
            .or_default()
            .push(index);
    }
    let mut reports = Vec::new();
    let from_plans = graph.plans.iter().flat_map(|plan| {
        plan.waivers
            .iter()
            .map(move |w| (plan.id.value.as_str(), w))
    });
    let from_config = extra
        .iter()
        .map(|w| (w.plan.as_ref().map_or("", |p| p.value.as_str()), w));
    for (plan_id, waiver) in from_plans.chain(from_config) {
        {
            let expired = waiver
                .until
                .as_ref()
                .is_some_and(|until| as_of > until.value);
            let matches = |finding: &Finding| {
                finding.plan == plan_id
                    && (finding.rule == waiver.rule.value || finding.slug == waiver.rule.value)
                    && waiver
                        .at
                        .as_ref()
                        .is_none_or(|at| at.value == finding.element)
            };
            if expired {
                let until = waiver
                    .until
                    .as_ref()
                    .map(|u| u.value.to_string())
                    .unwrap_or_default();
                reports.push(
                    Finding::new(
                        &WAI_02,
                        waiver.rule.span,
                        format!("the waiver of `{}` expired on {until}", waiver.rule.value),
                    )
                    .label("expired waiver")
                    .help("fix the findings it covered (they are reported again), or renew the waiver with a new `until` and reason")
                    .at(plan_id, waiver.at.as_ref().map_or("", |a| a.value.as_str()), "waivers"),
                );
                continue;
            }
            let mut used = false;
            for &index in by_plan.get(plan_id).map_or(&[][..], Vec::as_slice) {
                if let (Some(finding), Some(flag)) = (findings.get(index), waived.get_mut(index))
                    && matches(finding)
                {
                    *flag = true;
                    used = true;
                }
            }
            if !used {
                let scope = waiver
                    .at
                    .as_ref()
                    .map_or_else(|| "this plan".to_owned(), |at| format!("`{}`", at.value));
                reports.push(
                    Finding::new(
                        &WAI_01,
                        waiver.rule.span,
                        format!("the waiver of `{}` matches no finding on {scope}", waiver.rule.value),
                    )
                    .label("unused waiver")
                    .help("remove the waiver: what it accepted is fixed (or the rule or element is misspelt)")
                    .at(plan_id, waiver.at.as_ref().map_or("", |a| a.value.as_str()), "waivers"),
                );
            }
        }
    }
    let before = findings.len();
    let mut flags = waived.into_iter();
    findings.retain(|_| !flags.next().unwrap_or(false));
    let suppressed = before - findings.len();
    findings.extend(reports);
    suppressed
}

/// Today's date in UTC, from the system clock (the only clock alinea reads; rules never do).
#[must_use]
pub fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    civil_from_days(i64::try_from(days).unwrap_or(0))
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → date.
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: i32::try_from(year).unwrap_or(1970),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(20_418).to_string(), "2025-11-26");
        assert_eq!(civil_from_days(11_016).to_string(), "2000-02-29");
    }
}
