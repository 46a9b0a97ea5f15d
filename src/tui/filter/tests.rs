use super::{Filter, haystack};
use crate::i18n::Lang;
use crate::report::{Finding, Pillar, Severity};
use crate::source::{FileId, Span};
use crate::tui::strings::Words;

fn finding(rule: &str, slug: &str, severity: Severity, pillar: Option<Pillar>) -> Finding {
    let mut finding = Finding::new(
        &crate::graph::REF_01,
        Span::new(FileId::from_index(0), 0, 1),
        format!("message of {rule}"),
    )
    .at("pei-md-soritor-2025-2027", "OEI.01", "traces_to[0]");
    rule.clone_into(&mut finding.rule);
    slug.clone_into(&mut finding.slug);
    finding.severity = severity;
    finding.pillar = pillar;
    finding
}

/// The rules of the findings that `filter` keeps, from a fixed set, in an English run.
#[track_caller]
fn check(filter: &str, expect: &[&str]) {
    check_in(Lang::En, filter, expect);
}

/// The rules of the findings that `filter` keeps, from a fixed set, in a run in `lang`.
#[track_caller]
fn check_in(lang: Lang, filter: &str, expect: &[&str]) {
    let findings = [
        finding(
            "ART-01",
            "objective-not-articulated",
            Severity::Error,
            Some(Pillar::Legitimacy),
        ),
        finding(
            "IND-04",
            "stale-baseline",
            Severity::Warning,
            Some(Pillar::Value),
        ),
        finding(
            "IND-09",
            "missing-indicator-metadata",
            Severity::Warning,
            Some(Pillar::Value),
        ),
        finding(
            "CAP-02",
            "unfunded-action",
            Severity::Warning,
            Some(Pillar::Capacity),
        ),
        finding(
            "ART-11",
            "upper-objective-uncovered",
            Severity::Info,
            Some(Pillar::Legitimacy),
        ),
        finding("LOAD-01", "unreadable-file", Severity::Error, None),
    ];
    let parsed = Filter::parse(filter, lang).unwrap();
    let words = Words::new(lang);
    let kept: Vec<&str> = findings
        .iter()
        .filter(|f| parsed.matches(f, "plans/pei.yaml", &haystack(f, "plans/pei.yaml", &words)))
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(kept, expect, "filter `{filter}`");
}

#[test]
fn scoped_terms() {
    check(
        "",
        &["ART-01", "IND-04", "IND-09", "CAP-02", "ART-11", "LOAD-01"],
    );
    check("%rule IND", &["IND-04", "IND-09"]);
    check("%rule ind", &["IND-04", "IND-09"]);
    check("%rule=stale", &["IND-04"]);
    check("%rule ART-11,ind-04,", &["IND-04", "ART-11"]);
    check("!%rule ART,IND", &["CAP-02", "LOAD-01"]);
    check("%r unfunded", &["CAP-02"]);
    check(
        "%sev>=warning",
        &["ART-01", "IND-04", "IND-09", "CAP-02", "LOAD-01"],
    );
    check("%sev error", &["ART-01", "LOAD-01"]);
    check("%sev<warning", &["ART-11"]);
    check("%sev>w", &["ART-01", "LOAD-01"]);
    check("%pillar value", &["IND-04", "IND-09"]);
    check("%pi cap", &["CAP-02"]);
    check(
        "%plan soritor",
        &["ART-01", "IND-04", "IND-09", "CAP-02", "ART-11", "LOAD-01"],
    );
    check("%plan moyobamba", &[]);
    check(
        "%file pei",
        &["ART-01", "IND-04", "IND-09", "CAP-02", "ART-11", "LOAD-01"],
    );
    check("%element OEI.02", &[]);
}

#[test]
fn free_text_negation_and_conjunction() {
    check("stale", &["IND-04"]);
    check("!%rule ART", &["IND-04", "IND-09", "CAP-02", "LOAD-01"]);
    check("%rule IND !stale", &["IND-09"]);
    check("%sev>=warning %pillar legitimacy", &["ART-01"]);
    check("\"message of ind\"", &["IND-04", "IND-09"]);
    check("MESSAGE of art-01", &["ART-01"]);
}

#[test]
fn mistakes_are_explained() {
    for (filter, error) in [
        ("%colour red", "unknown field `%colour`"),
        ("%rule", "`%rule` needs a value"),
        ("%sev>=loud", "`loud` is not a severity"),
        ("%pillar money", "`money` is not a pillar"),
        ("%plan>=x", "only %sev compares"),
        ("\"open", "a quote is not closed"),
        ("%", "`%` needs a field"),
    ] {
        let message = Filter::parse(filter, Lang::En).unwrap_err();
        assert!(message.contains(error), "`{filter}`: {message}");
    }
    assert!(Filter::parse("  ", Lang::En).unwrap().is_empty());
}

#[test]
fn spanish_fields_and_values_are_read_in_either_language() {
    for lang in Lang::ALL {
        check_in(lang, "%regla IND", &["IND-04", "IND-09"]);
        check_in(
            lang,
            "%sev>=advertencia",
            &["ART-01", "IND-04", "IND-09", "CAP-02", "LOAD-01"],
        );
        check_in(lang, "%severidad informacion", &["ART-11"]);
        check_in(lang, "%sev=información", &["ART-11"]);
        check_in(lang, "%pilar valor", &["IND-04", "IND-09"]);
        check_in(lang, "%pilar legitimidad %sev error", &["ART-01"]);
        check_in(
            lang,
            "%archivo pei %elemento OEI.01 %regla CAP",
            &["CAP-02"],
        );
        // The English spellings keep working in a Spanish run.
        check_in(lang, "%pillar capacity", &["CAP-02"]);
    }
    // Free text finds the Spanish words of a Spanish run (and the English ones).
    check_in(Lang::Es, "advertencia", &["IND-04", "IND-09", "CAP-02"]);
    check_in(Lang::Es, "warning", &["IND-04", "IND-09", "CAP-02"]);
    check_in(Lang::Es, "capacidad", &["CAP-02"]);
    check_in(Lang::En, "advertencia", &[]);
}

#[test]
fn mistakes_are_explained_in_the_run_language() {
    for (filter, error) in [
        ("%color rojo", "`%color` no es un campo (regla, severidad"),
        ("%regla", "`%regla` necesita un valor"),
        (
            "%sev>=fuerte",
            "`fuerte` no es una severidad (error, advertencia, información)",
        ),
        (
            "%pilar dinero",
            "`dinero` no es un pilar (legitimidad, capacidad, valor)",
        ),
        ("%plan>=x", "solo %sev se compara"),
        ("\"abierta", "falta cerrar unas comillas"),
        ("%", "`%` necesita un campo"),
    ] {
        let message = Filter::parse(filter, Lang::Es).unwrap_err();
        assert!(message.contains(error), "`{filter}`: {message}");
    }
}
