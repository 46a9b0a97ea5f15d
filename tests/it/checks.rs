//! One fixture folder per built-in check: the findings are exactly the `# expect:` comments.

use std::path::Path;

use crate::{expected, found, run};

#[track_caller]
fn check(dir: &str) {
    let dir = Path::new("tests/fixtures/checks").join(dir);
    let run = run(&[&dir]);
    let expected = expected(&dir);
    assert!(
        !expected.is_empty(),
        "the fixture {} expects nothing",
        dir.display()
    );
    assert_eq!(found(&run), expected, "findings of {}", dir.display());
}

#[test]
fn load_01_invalid_yaml() {
    check("LOAD-01");
}

#[test]
fn load_02_schema_violation() {
    check("LOAD-02");
}

#[test]
fn load_03_unreadable_file() {
    check("LOAD-03");
}

#[test]
fn ref_01_unresolved_reference() {
    check("REF-01");
}

#[test]
fn ref_02_duplicate_id() {
    check("REF-02");
}

#[test]
fn ref_03_trace_cycle() {
    check("REF-03");
}

#[test]
fn ref_04_trace_not_upward() {
    check("REF-04");
}

#[test]
fn ref_05_trace_to_undeclared_plan() {
    check("REF-05");
}

#[test]
fn every_check_has_a_fixture() {
    for check in alinea::BUILTIN_CHECKS {
        // Waiver checks are tested like rules, with pass and fail cases.
        let dir = Path::new("tests/fixtures/checks").join(check.id);
        let cases = Path::new("tests/fixtures/rules").join(check.id);
        assert!(
            dir.is_dir() || cases.join("fail").is_dir(),
            "no fixture folder for {}",
            check.id
        );
    }
}

#[test]
fn good_plans_beside_broken_files_are_still_checked() {
    let run = run(&[Path::new("tests/fixtures/checks/LOAD-01")]);
    assert_eq!(run.report.plans, 1);
    assert_eq!(run.graph.plans[0].id.value, "pedn-2050");
    // Seventeen broken files and the good plan; the CI file without `plan` is skipped.
    assert_eq!(run.report.files(), 18);
    assert_eq!(
        run.report.skipped,
        vec!["tests/fixtures/checks/LOAD-01/not-a-plan.yaml"]
    );
}

#[test]
fn unresolved_reference_points_at_the_exact_text_and_relates_the_near_miss() {
    let run = run(&[Path::new("tests/fixtures/checks/REF-01")]);
    let finding = run
        .report
        .findings
        .iter()
        .find(|f| f.message.contains("AET.2.9"))
        .unwrap();
    assert_eq!(
        run.sources.slice(finding.span),
        "pdrc-san-martin-2030/AET.2.9"
    );
    let start = run.sources.start(finding.span);
    assert_eq!((start.line, start.column), (13, 9));
    assert_eq!(finding.element, "OEI.03");
    assert_eq!(finding.path, "traces_to[1]");
    assert_eq!(
        finding.help.as_deref(),
        Some("did you mean `pdrc-san-martin-2030/AET.2.2`?")
    );
    let related = &finding.related[0];
    assert_eq!(
        run.sources.file(related.span.file).display_name(),
        "tests/fixtures/checks/REF-01/pdrc.yaml"
    );
    assert_eq!(run.sources.slice(related.span), "AET.2.2");
}

#[test]
fn a_bare_code_of_an_upper_plan_suggests_the_qualified_reference() {
    let run = run(&[Path::new("tests/fixtures/checks/REF-01")]);
    let finding = run
        .report
        .findings
        .iter()
        .find(|f| f.message == "this plan has no element `OET.2`")
        .unwrap();
    assert_eq!(
        finding.help.as_deref(),
        Some("did you mean `pdrc-san-martin-2030/OET.2`?")
    );
}

#[test]
fn duplicates_relate_the_first_occurrence() {
    let run = run(&[Path::new("tests/fixtures/checks/REF-02")]);
    for finding in &run.report.findings {
        assert_eq!(finding.related.len(), 1, "{}", finding.message);
        assert!(
            finding.related[0].span.start < finding.span.start
                || finding.related[0].span.file != finding.span.file
        );
    }
}

#[test]
fn the_graph_walks_both_ways() {
    let run = run(&[Path::new("tests/fixtures/checks/REF-01")]);
    let graph = &run.graph;
    let pdrc = graph.plan_by_id("pdrc-san-martin-2030").unwrap();
    let pei = graph.plan_by_id("pei-gore-san-martin-2024-2028").unwrap();
    let poi = graph.plan_by_id("poi-gore-san-martin-2025-2027").unwrap();
    assert_eq!(graph.plan_node(pdrc).lower, vec![pei]);
    assert_eq!(graph.plan_node(pei).lower, vec![poi]);
    assert_eq!(graph.upper_closure(poi), vec![pei, pdrc]);
    // OET.2 is traced by OEI.03 (one resolved link) and its action AET.2.2 by AEI.03.01.
    let oet2 = graph.plan_node(pdrc).elements[0];
    let traced_by: Vec<_> = graph
        .element_node(oet2)
        .traced_by
        .iter()
        .map(|&l| graph.reference(l).text.value.as_str())
        .collect();
    assert_eq!(traced_by, ["pdrc-san-martin-2030/OET.2"]);
    let aei = graph.plan_node(pei).elements[1];
    assert_eq!(graph.element(aei).code.value, "AEI.03.01");
    assert_eq!(
        graph.element_node(aei).parent,
        Some(graph.plan_node(pei).elements[0])
    );
    let implementers: Vec<_> = graph
        .element_node(aei)
        .implemented_by
        .iter()
        .map(|&i| graph.activity(i).unwrap().code.value.as_str())
        .collect();
    assert_eq!(implementers, ["AOI99000000001"]);
    assert_eq!(
        graph
            .traces(aei)
            .map(|e| graph.element(e).code.value.as_str())
            .collect::<Vec<_>>(),
        ["AET.2.2"]
    );
}

#[test]
fn keys_may_be_written_in_spanish() {
    let dir = Path::new("tests/fixtures/spanish");
    let run = run(&[dir]);
    assert_eq!(found(&run), expected(dir));
    let plan = run
        .graph
        .plans
        .iter()
        .find(|p| p.id.value == "pei-md-soritor-2025-2027")
        .unwrap();
    assert_eq!(plan.kind.value, alinea::plan::PlanKind::Pei);
    assert_eq!(plan.entity.territory.as_ref().unwrap().value, "220105");
    let objective = &plan.objectives[0];
    assert_eq!(
        objective.traces_to[0].why.as_ref().unwrap().value,
        "El agua segura reduce la anemia y la desnutrición."
    );
    let baseline = objective.indicators[0].baseline.as_ref().unwrap();
    assert_eq!(baseline.year.as_ref().unwrap().value, 2023);
}
