//! Waivers: accepted findings, with a reason and an expiry (WAI-01, WAI-02); and the
//! entries of `not_transcribed`: findings about data the sources have and the transcription
//! lacks, which are unknown rather than failing or accepted.
//!
//! A waiver names its rule by id or slug; `at` is compared with the finding's
//! `element` (so an indicator finding is waived through its owner's code);
//! without `at` it covers the rule's findings in the whole plan. A waiver covers
//! findings of its own plan only. An expired waiver (the date is strictly after
//! `until`) waives nothing and is reported; a live one that matches nothing is
//! reported too.

use crate::graph::Graph;
use crate::i18n::Lang;
use crate::plan::model::{Date, Waiver};
use crate::report::{CheckMeta, Finding, Severity};
use crate::tr;

/// WAI-01.
pub const WAI_01: CheckMeta = CheckMeta {
    id: "WAI-01",
    slug: "unused-waiver",
    severity: Severity::Warning,
    pillar: None,
    check: None,
    doc: "What it checks: every live waiver matches at least one finding. Why it matters: a waiver that waives nothing is stale and hides nothing; removing it keeps the list of accepted exceptions honest. Example: a waiver of IND-03 on an objective whose baseline was fixed.",
    title: "A waiver matches no finding",
    title_es: "Una excepción no cubre ningún hallazgo",
    doc_es: "Qué verifica: cada excepción vigente cubre al menos un hallazgo. Por qué importa: una excepción que no cubre nada está desactualizada y no oculta nada; retirarla mantiene fidedigna la lista de excepciones. Ejemplo: una excepción de IND-03 sobre un objetivo cuya línea de base ya se corrigió.",
};
/// WAI-02.
pub const WAI_02: CheckMeta = CheckMeta {
    id: "WAI-02",
    slug: "expired-waiver",
    severity: Severity::Error,
    pillar: None,
    check: None,
    doc: "What it checks: no waiver is past its `until` date (today, or `--as-of`). Why it matters: an accepted exception is temporary; once it expires, the findings it covered are reported again. Example: `until: 2024-12-31` checked in 2025.",
    title: "A waiver has expired",
    title_es: "Una excepción está vencida",
    doc_es: "Qué verifica: ninguna excepción ha pasado su fecha `until` (hoy, o la fecha de `--as-of`). Por qué importa: una excepción aceptada es temporal; cuando vence, los hallazgos que cubría se reportan de nuevo. Ejemplo: `until: 2024-12-31` en una revisión de 2025.",
};

/// WAI-03.
pub const WAI_03: CheckMeta = CheckMeta {
    id: "WAI-03",
    slug: "invalid-waiver",
    severity: Severity::Error,
    pillar: None,
    check: None,
    doc: "What it checks: every waiver names a rule that exists and can be waived, and (in alinea.yaml) a plan that exists. Why it matters: a waiver of a misspelt rule or plan waives nothing, and the finding it meant to accept is still reported; LOAD findings can never be waived, because a file that cannot be read is a plan nobody checked. Example: `rule: ART-1` for `ART-01`, `plan: pei-gore-san-martin` for `pei-gore-san-martin-2024-2028`, `rule: LOAD-01`.",
    title: "A waiver names no rule or plan, or a LOAD check",
    title_es: "Una excepción nombra una regla o un plan que no existe, o una verificación LOAD",
    doc_es: "Qué verifica: cada excepción nombra una regla que existe y que admite excepciones y, en alinea.yaml, un plan que existe. Por qué importa: la excepción de una regla o de un plan mal escrito no cubre nada, y el hallazgo que pretendía aceptar se sigue reportando; los hallazgos LOAD nunca admiten excepciones, porque un archivo que no se puede leer es un plan que nadie revisó. Ejemplo: `rule: ART-1` en lugar de `ART-01`, `plan: pei-gore-san-martin` en lugar de `pei-gore-san-martin-2024-2028`, `rule: LOAD-01`.",
};

/// The findings a run sets aside: waived (accepted, still shown as waived by the profile)
/// and about data the transcription lacks (`not_transcribed`: unknown, neither failing nor
/// waived).
#[derive(Debug, Default)]
pub struct SetAside {
    /// Findings a live waiver covers.
    pub waived: Vec<Finding>,
    /// Findings a `not_transcribed` entry covers.
    pub not_transcribed: Vec<Finding>,
}

/// What sets a finding aside.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cover {
    Waiver,
    NotTranscribed,
}

/// Sets aside the findings that `not_transcribed` entries and live waivers cover (an entry
/// of `not_transcribed` first) and returns them; WAI findings are added. `extra` are the
/// configuration's waivers, each naming its plan; `known` the (id, slug) of every rule and
/// check that ran. LOAD findings are never set aside.
pub fn apply(
    findings: &mut Vec<Finding>,
    graph: &Graph,
    extra: &[Waiver],
    as_of: Date,
    known: &[(&str, &str)],
    lang: Lang,
) -> SetAside {
    let mut covered: Vec<Option<Cover>> = vec![None; findings.len()];
    // Entries cover their own plan's findings only: index them by plan once.
    let mut by_plan: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (index, finding) in findings.iter().enumerate() {
        by_plan
            .entry(finding.plan.as_str())
            .or_default()
            .push(index);
    }
    let mut reports = Vec::new();
    let untranscribed = graph.plans.iter().flat_map(|plan| {
        plan.not_transcribed
            .iter()
            .map(move |w| (plan.id.value.as_str(), w, Cover::NotTranscribed))
    });
    let from_plans = graph.plans.iter().flat_map(|plan| {
        plan.waivers
            .iter()
            .map(move |w| (plan.id.value.as_str(), w, Cover::Waiver))
    });
    let from_config = extra.iter().map(|w| {
        (
            w.plan.as_ref().map_or("", |p| p.value.as_str()),
            w,
            Cover::Waiver,
        )
    });
    for (plan_id, waiver, cover) in untranscribed.chain(from_plans).chain(from_config) {
        if let Some(report) = invalid(plan_id, waiver, graph, known, lang) {
            reports.push(report);
            continue;
        }
        let expired = waiver
            .until
            .as_ref()
            .is_some_and(|until| as_of > until.value);
        let matches = |finding: &Finding| {
            crate::policy::suppressible(&finding.rule)
                && finding.plan == plan_id
                && (finding.rule == waiver.rule.value || finding.slug == waiver.rule.value)
                && waiver
                    .at
                    .as_ref()
                    .is_none_or(|at| at.value == finding.element)
        };
        if expired {
            reports.push(expired_report(plan_id, waiver, lang));
            continue;
        }
        let mut used = false;
        for &index in by_plan.get(plan_id).map_or(&[][..], Vec::as_slice) {
            if let (Some(finding), Some(flag)) = (findings.get(index), covered.get_mut(index))
                && flag.is_none()
                && matches(finding)
            {
                *flag = Some(cover);
                used = true;
            }
        }
        if !used {
            reports.push(unused_report(plan_id, waiver, cover, graph, lang));
        }
    }
    let mut set_aside = SetAside::default();
    let mut kept = Vec::with_capacity(findings.len());
    for (finding, cover) in std::mem::take(findings).into_iter().zip(covered) {
        match cover {
            Some(Cover::Waiver) => set_aside.waived.push(finding),
            Some(Cover::NotTranscribed) => set_aside.not_transcribed.push(finding),
            None => kept.push(finding),
        }
    }
    *findings = kept;
    findings.extend(reports);
    set_aside
}

/// WAI-02 for an expired waiver.
fn expired_report(plan_id: &str, waiver: &Waiver, lang: Lang) -> Finding {
    let until = waiver
        .until
        .as_ref()
        .map(|u| crate::i18n::prose_date(lang, u.value.year, u.value.month, u.value.day))
        .unwrap_or_default();
    Finding::new(
        &WAI_02,
        waiver.rule.span,
        tr!(
            lang,
            "waiver-expired",
            rule = waiver.rule.value.as_str(),
            until = until
        ),
    )
    .label(tr!(lang, "waiver-expired-label"))
    .help(tr!(lang, "waiver-expired-help"))
    .at(
        plan_id,
        waiver.at.as_ref().map_or("", |a| a.value.as_str()),
        "waivers",
    )
}

/// WAI-01 for a waiver or a `not_transcribed` entry that covers no finding.
fn unused_report(
    plan_id: &str,
    waiver: &Waiver,
    cover: Cover,
    graph: &Graph,
    lang: Lang,
) -> Finding {
    let scope = waiver.at.as_ref().map_or_else(
        || tr!(lang, "waiver-unused-plan"),
        |at| format!("`{}`", at.value),
    );
    let help = waiver
        .at
        .as_ref()
        .and_then(|at| unknown_code(plan_id, &at.value, graph, lang))
        .unwrap_or_else(|| match cover {
            Cover::Waiver => tr!(lang, "waiver-unused-help"),
            Cover::NotTranscribed => tr!(lang, "not-transcribed-unused-help"),
        });
    let rule = waiver.rule.value.as_str();
    let (message, path) = match cover {
        Cover::Waiver => (
            tr!(lang, "waiver-unused", rule = rule, scope = scope),
            "waivers",
        ),
        Cover::NotTranscribed => (
            tr!(lang, "not-transcribed-unused", rule = rule, scope = scope),
            "not_transcribed",
        ),
    };
    Finding::new(&WAI_01, waiver.rule.span, message)
        .label(tr!(lang, "waiver-unused-label"))
        .help(help)
        .at(
            plan_id,
            waiver.at.as_ref().map_or("", |a| a.value.as_str()),
            path,
        )
}

/// WAI-03 for a waiver that names no rule, a LOAD check, or (in alinea.yaml) no plan.
fn invalid(
    plan_id: &str,
    waiver: &Waiver,
    graph: &Graph,
    known: &[(&str, &str)],
    lang: Lang,
) -> Option<Finding> {
    let rule = waiver.rule.value.as_str();
    let at = waiver.at.as_ref().map_or("", |a| a.value.as_str());
    let finding = |span, message: String, label: String, help: String| {
        Finding::new(&WAI_03, span, message)
            .label(label)
            .help(help)
            .at(plan_id, at, "waivers")
    };
    if !known.iter().any(|(id, slug)| *id == rule || *slug == rule) {
        let help = crate::policy::rule_hint(rule, known, lang)
            .unwrap_or_else(|| tr!(lang, "waiver-unknown-rule-help"));
        return Some(finding(
            waiver.rule.span,
            tr!(lang, "waiver-unknown-rule", rule = rule),
            tr!(lang, "waiver-unknown-rule-label"),
            help,
        ));
    }
    if !crate::policy::suppressible(
        known
            .iter()
            .find(|(id, slug)| *id == rule || *slug == rule)
            .map_or(rule, |(id, _)| id),
    ) {
        return Some(finding(
            waiver.rule.span,
            tr!(lang, "waiver-load", rule = rule),
            tr!(lang, "waiver-load-label"),
            tr!(lang, "waiver-load-help"),
        ));
    }
    if let Some(plan) = &waiver.plan
        && graph.plan_by_id(&plan.value).is_none()
        && !graph.unreadable.iter().any(|u| u.id == plan.value)
    {
        let ids = graph.plans.iter().map(|p| p.id.value.as_str());
        let help = crate::suggest::did_you_mean(lang, &plan.value, ids)
            .unwrap_or_else(|| tr!(lang, "waiver-unknown-plan-help"));
        return Some(finding(
            plan.span,
            tr!(lang, "waiver-unknown-plan", plan = plan.value.as_str()),
            tr!(lang, "waiver-unknown-plan-label"),
            help,
        ));
    }
    None
}

/// "did you mean" for a waiver's `at` that is no code of its plan.
fn unknown_code(plan_id: &str, code: &str, graph: &Graph, lang: Lang) -> Option<String> {
    let plan = graph.plan(graph.plan_by_id(plan_id)?);
    let mut codes: Vec<&str> = plan.elements().map(|e| e.code.value.as_str()).collect();
    codes.extend(plan.activities.iter().map(|a| a.code.value.as_str()));
    codes.extend(plan.investments.iter().map(|i| i.cui.value.as_str()));
    if codes.contains(&code) {
        return None;
    }
    let unknown = tr!(lang, "waiver-unknown-code", code = code, plan = plan_id);
    Some(
        crate::suggest::did_you_mean(lang, code, codes)
            .map_or_else(|| unknown.clone(), |hint| format!("{unknown}; {hint}")),
    )
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
