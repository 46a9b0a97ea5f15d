use super::{Filter, haystack};
use crate::report::{Finding, Pillar, Severity};
use crate::source::{FileId, Span};

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

/// The rules of the findings that `filter` keeps, from a fixed set.
#[track_caller]
fn check(filter: &str, expect: &[&str]) {
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
    let parsed = Filter::parse(filter).unwrap();
    let kept: Vec<&str> = findings
        .iter()
        .filter(|f| parsed.matches(f, "plans/pei.yaml", &haystack(f, "plans/pei.yaml")))
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
        let message = Filter::parse(filter).unwrap_err();
        assert!(message.contains(error), "`{filter}`: {message}");
    }
    assert!(Filter::parse("  ").unwrap().is_empty());
}
