use super::{matrix, plans};
use crate::report::Severity;
use crate::tui::index::Index;

fn chain() -> crate::Run {
    crate::check(&crate::CheckOptions {
        paths: vec!["tests/fixtures/chain".into()],
        as_of: crate::plan::model::Date::parse("2026-01-01"),
        ..crate::CheckOptions::default()
    })
    .unwrap()
}

#[test]
fn concerted_plans_come_highest_first() {
    let run = chain();
    let ids: Vec<&str> = plans(&run.graph)
        .into_iter()
        .map(|plan| run.graph.plan(plan).id.value.as_str())
        .collect();
    assert_eq!(ids.first(), Some(&"pdrc-san-martin-2030"), "{ids:?}");
    assert!(ids.contains(&"pedn-2050"), "{ids:?}");
    for expected in [
        "pdrc-san-martin-2030",
        "pdlc-moyobamba-2022-2030",
        "pdlc-soritor-2023-2033",
    ] {
        assert!(ids.contains(&expected), "{expected} missing from {ids:?}");
    }
    let position = |id: &str| ids.iter().position(|x| *x == id).unwrap();
    assert!(position("pdrc-san-martin-2030") < position("pdlc-moyobamba-2022-2030"));
}

#[test]
fn cells_count_lower_elements_and_their_worst_finding() {
    let run = chain();
    let index = Index::new(&run);
    let plan = run.graph.plan_by_id("pdrc-san-martin-2030").unwrap();
    let built = matrix(&run.graph, &index, plan, false);
    let column = |id: &str| {
        built
            .columns
            .iter()
            .position(|&c| run.graph.plan(c).id.value == id)
            .unwrap()
    };
    let row = |code: &str| {
        built
            .rows
            .iter()
            .find(|r| run.graph.element(r.element).code.value == code)
            .unwrap()
    };
    let pdlc = column("pdlc-moyobamba-2022-2030");
    // OET.5 is uncovered (ART-11), and none of its actions either.
    assert_eq!(row("OET.5").covered, 0);
    // OET.2 has no direct trace, but its action AET.2.7 has.
    assert_eq!(row("OET.2").total, 0);
    assert!(row("OET.2").covered >= row("AET.2.7").total);
    // AET.2.7 is traced by the provincial OEL.04.
    let cell = &row("AET.2.7").cells[pdlc];
    assert_eq!(cell.lowers.len(), 1);
    assert_eq!(run.graph.element(cell.lowers[0]).code.value, "OEL.04");
    // AET.8.1 is traced by the provincial OEL.02, which has findings or not; the worst is consistent.
    let cell = &row("AET.8.1").cells[pdlc];
    assert!(!cell.lowers.is_empty());
    assert!(cell.worst.is_none_or(|w| w >= Severity::Info));
    // Least covered first puts uncovered rows on top, stably.
    let sorted = matrix(&run.graph, &index, plan, true);
    assert_eq!(sorted.rows.first().map(|r| r.covered), Some(0));
    let totals: Vec<usize> = sorted.rows.iter().map(|r| r.covered).collect();
    assert!(totals.windows(2).all(|w| w[0] <= w[1]), "{totals:?}");
    assert_eq!(sorted.rows.len(), built.rows.len());
}
