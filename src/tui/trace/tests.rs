use super::{LineKind, build};
use crate::i18n::Lang;
use crate::report::gaps::GapKind;
use crate::tr;
use crate::tui::index::{Index, Node};

/// The text of a gap line that a finding of `rule` (of `kind`) marks, in English.
fn gap(kind: GapKind, rule: &str) -> String {
    tr!(Lang::En, "tui-gap", gap = kind.words(Lang::En), rule = rule)
}

fn chain() -> crate::Run {
    crate::check(&crate::CheckOptions {
        paths: vec!["tests/fixtures/chain".into()],
        as_of: crate::plan::model::Date::parse("2026-01-01"),
        ..crate::CheckOptions::default()
    })
    .unwrap()
}

/// The trace of `plan`/`code` as text: one line per node, `kind tag code [E W I]`.
fn trace(run: &crate::Run, plan: &str, code: &str) -> Vec<String> {
    let index = Index::new(run);
    let node = index.node(&run.graph, plan, code).unwrap();
    assert!(matches!(node, Node::Element(_) | Node::Implementer(_)));
    build(&run.graph, &index, node, Lang::En)
        .iter()
        .map(|line| {
            format!(
                "{:?} {}{} {} [{} {} {}] {}",
                line.kind,
                line.prefix,
                line.tag,
                line.code,
                line.counts.error,
                line.counts.warning,
                line.counts.info,
                if line.kind == LineKind::Gap {
                    &line.text
                } else {
                    ""
                }
            )
        })
        .collect()
}

#[test]
fn a_pei_objective_traces_up_to_the_pedn() {
    let run = chain();
    let lines = trace(&run, "pei-md-soritor-2025-2027", "OEI.08");
    let text = lines.join("\n");
    assert!(lines[0].starts_with("Root obj OEI.08 [1 0 0]"), "{text}");
    for code in [
        "AEL.01.01",
        "OEL.01",
        "AEL.04.01",
        "OEL.04",
        "AET.2.7",
        "OET.2",
        "ON1",
    ] {
        assert!(
            text.contains(&format!(" {code} ")),
            "{code} missing:\n{text}"
        );
    }
    assert!(
        !text.contains(&gap(GapKind::NotNational, "ART-07")),
        "{text}"
    );
    // Downwards: its actions and the activities that implement them.
    let down = text.split("Heading").last().unwrap_or("");
    assert!(down.contains("act AEI.08.01"), "{text}");
    assert!(down.contains("aoi AOI"), "{text}");
}

#[test]
fn gaps_are_drawn_as_gaps() {
    let run = chain();
    // ART-07: the chain stops at the provincial OEL.01.
    let text = trace(&run, "pei-md-soritor-2025-2027", "OEI.01").join("\n");
    assert!(
        text.contains(&gap(GapKind::NotNational, "ART-07")),
        "{text}"
    );
    // REF-01: a broken reference.
    let text = trace(&run, "pdlc-soritor-2023-2033", "OEL.01").join("\n");
    assert!(
        text.contains("gap: broken reference `pdrc-san-martin-2030/AET.2.9`"),
        "{text}"
    );
    // ART-11: nobody implements OET.5 of the PDRC.
    let text = trace(&run, "pdrc-san-martin-2030", "OET.5").join("\n");
    let down = text.split("Heading").last().unwrap_or("");
    assert!(down.contains(&gap(GapKind::Uncovered, "ART-11")), "{text}");
    // CAP-02: an action with no activity.
    let text = trace(&run, "pei-md-soritor-2025-2027", "AEI.01.05").join("\n");
    assert!(text.contains(&gap(GapKind::Unfunded, "CAP-02")), "{text}");
}

#[test]
fn cycles_are_shown_once() {
    let run = chain();
    // REF-03: AET.2.7 traces to itself.
    let lines = trace(&run, "pdrc-san-martin-2030", "AET.2.7");
    let text = lines.join("\n");
    assert!(lines.len() < 40, "{text}");
    let index = Index::new(&run);
    let node = index
        .node(&run.graph, "pdrc-san-martin-2030", "AET.2.7")
        .unwrap();
    let built = build(&run.graph, &index, node, Lang::En);
    let seen = tr!(Lang::En, "tui-trace-seen");
    assert!(built.iter().any(|line| line.text.contains(&seen)), "{text}");
}

#[test]
fn a_spanish_trace_has_spanish_headings_tags_relations_and_gaps() {
    let run = chain();
    let index = Index::new(&run);
    let built = |plan: &str, code: &str, lang: Lang| {
        let node = index.node(&run.graph, plan, code).unwrap();
        build(&run.graph, &index, node, lang)
    };
    // The same tree in both languages: only the words differ.
    let english = built("pei-md-soritor-2025-2027", "OEI.01", Lang::En);
    let spanish = built("pei-md-soritor-2025-2027", "OEI.01", Lang::Es);
    assert_eq!(english.len(), spanish.len());
    for (en, es) in english.iter().zip(&spanish) {
        assert_eq!(
            (en.kind, &en.prefix, &en.code, &en.plan, en.node, en.counts),
            (es.kind, &es.prefix, &es.code, &es.plan, es.node, es.counts)
        );
    }
    let headings: Vec<&str> = spanish
        .iter()
        .filter(|line| line.kind == LineKind::Heading)
        .map(|line| line.text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            tr!(Lang::Es, "tui-trace-upwards"),
            tr!(Lang::Es, "tui-trace-downwards")
        ]
    );
    assert!(headings.iter().all(|h| h.contains("hacia")), "{headings:?}");
    // ART-07 in Spanish words; the rule id stays.
    let gaps: Vec<&str> = spanish
        .iter()
        .filter(|line| line.kind == LineKind::Gap)
        .map(|line| line.text.as_str())
        .collect();
    let art07 = tr!(
        Lang::Es,
        "tui-gap",
        gap = GapKind::NotNational.words(Lang::Es),
        rule = "ART-07"
    );
    assert!(gaps.contains(&art07.as_str()), "{gaps:?}");
    assert!(
        art07.starts_with("vacío: ") && art07.contains("PEDN"),
        "{art07}"
    );
    // Actions are `acc` and their objective says so.
    let action = spanish
        .iter()
        .find(|line| line.kind == LineKind::Down && line.code.starts_with("AEI."))
        .unwrap();
    assert_eq!(action.tag, tr!(Lang::Es, "tui-tag-action"));
    assert!(
        action
            .text
            .starts_with(&format!("{} · ", tr!(Lang::Es, "tui-relation-action"))),
        "{}",
        action.text
    );
    // A broken reference.
    let broken = built("pdlc-soritor-2023-2033", "OEL.01", Lang::Es);
    assert!(
        broken.iter().any(|line| line.kind == LineKind::Gap
            && line.text
                == tr!(
                    Lang::Es,
                    "tui-gap-broken",
                    reference = "pdrc-san-martin-2030/AET.2.9"
                )),
        "{broken:?}"
    );
}

#[test]
fn activities_trace_through_their_action() {
    let run = chain();
    let text = trace(&run, "poi-md-soritor-2025-2028", "AOI99000002003").join("\n");
    assert!(
        text.starts_with("Root aoi AOI99000002003 [0 1 0]"),
        "{text}"
    );
    assert!(text.contains(" AEI.08.0"), "{text}");
    // An investment with no action.
    let text = trace(&run, "poi-md-soritor-2025-2028", "9900202").join("\n");
    assert!(text.contains(&gap(GapKind::NoAction, "INV-01")), "{text}");
}
