//! The shipped sample repository `plans/`.

use std::collections::BTreeSet;
use std::path::Path;

use alinea::plan::PlanKind;

use crate::run;

#[test]
fn shipped_plans_load_without_load_or_ref_findings() {
    let run = run(&[Path::new("plans")]);
    let structural: Vec<_> = run
        .report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("LOAD") || f.rule.starts_with("REF"))
        .map(|f| {
            format!(
                "{} {}:{} {}",
                f.rule,
                run.sources.file(f.span.file).display_name(),
                run.sources.start(f.span).line,
                f.message
            )
        })
        .collect();
    assert_eq!(structural, Vec::<String>::new());
    assert_eq!(
        run.report.files(),
        run.report.plans,
        "every file under plans/ is a plan"
    );
}

#[test]
fn shipped_plans_cover_every_plan_kind() {
    let run = run(&[Path::new("plans")]);
    let kinds: BTreeSet<_> = run.graph.plans.iter().map(|p| p.kind.value).collect();
    assert_eq!(kinds, PlanKind::ALL.iter().copied().collect());
}
