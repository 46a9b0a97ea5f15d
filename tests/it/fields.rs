//! Every field the rule language declares reads a value from a real plan. A field whose
//! evaluator arm is missing reads as absent on every object: this test generates one rule
//! per (object, field), `require exists(x.field)`, and checks that on the shipped plans and
//! the seeded chain at least one object of each kind has each field.

use std::collections::HashMap;
use std::path::Path;

use alinea::dsl::schema::{ObjType, fields};

/// How a rule binds objects of a kind: its `for` clause and the path to the object.
fn binding(obj: ObjType) -> (&'static str, &'static str) {
    match obj {
        ObjType::Plan => ("x in plans", "x"),
        ObjType::Element => ("x in elements", "x"),
        ObjType::Link => ("x in links", "x"),
        ObjType::UpperLink => ("p in plans, x in p.upper_links", "x"),
        ObjType::ActionLink => ("a in activities", "a.action_link"),
        ObjType::Indicator => ("x in indicators", "x"),
        ObjType::Baseline => ("i in indicators", "i.baseline"),
        ObjType::Ficha => ("i in indicators", "i.ficha"),
        ObjType::Activity => ("x in activities", "x"),
        ObjType::Investment => ("x in investments", "x"),
        ObjType::Gap => ("v in investments, x in v.gaps", "x"),
        ObjType::Entity => ("p in plans", "p.entity"),
        ObjType::Period => ("p in plans", "p.period"),
        ObjType::Approval => ("p in plans", "p.approval"),
        ObjType::Participation => ("p in plans, x in p.participation", "x"),
    }
}

#[test]
fn every_declared_field_reads_a_value_somewhere() {
    let mut text = String::new();
    // rule id → (kind, field); `None` for the rule that counts the objects of a kind.
    let mut meaning: HashMap<String, (ObjType, Option<&'static str>)> = HashMap::new();
    let mut number = 0;
    for kind in ObjType::ALL {
        let (for_clause, path) = binding(kind);
        number += 1;
        let id = format!("FLD-{number:03}");
        text.push_str(&format!(
            "rule {id} count-{number} {{\n  title \"count\"\n  severity info\n  pillar value\n  for {for_clause}\n  where exists({path})\n  require false\n  message \"one\"\n}}\n"
        ));
        meaning.insert(id, (kind, None));
        for (name, _, _) in fields(kind) {
            number += 1;
            let id = format!("FLD-{number:03}");
            text.push_str(&format!(
                "rule {id} field-{number} {{\n  title \"field\"\n  severity info\n  pillar value\n  for {for_clause}\n  where exists({path})\n  require exists({path}.{name})\n  message \"absent\"\n}}\n"
            ));
            meaning.insert(id, (kind, Some(name)));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("fields.rule");
    std::fs::write(&rules, &text).unwrap();
    // Findings per rule over both repositories, and how many objects of each kind there are.
    let mut absent: HashMap<String, usize> = HashMap::new();
    for repository in ["plans", "tests/fixtures/chain"] {
        let run = alinea::check(&alinea::CheckOptions {
            paths: vec![Path::new(repository).to_path_buf()],
            rules: vec![rules.clone()],
            no_default_rules: true,
            as_of: alinea::plan::model::Date::parse("2026-11-26"),
            ..alinea::CheckOptions::default()
        })
        .unwrap_or_else(|error| panic!("{error}\n{text}"));
        for finding in &run.report.findings {
            *absent.entry(finding.rule.clone()).or_default() += 1;
        }
    }
    let mut objects: HashMap<ObjType, usize> = HashMap::new();
    for (id, (kind, field)) in &meaning {
        if field.is_none() {
            objects.insert(*kind, absent.get(id).copied().unwrap_or(0));
        }
    }
    let mut never: Vec<String> = Vec::new();
    for (id, (kind, field)) in &meaning {
        let Some(field) = field else { continue };
        let count = objects.get(kind).copied().unwrap_or(0);
        assert!(count > 0, "no object of kind {kind:?} to read fields from");
        if absent.get(id).copied().unwrap_or(0) >= count {
            never.push(format!("{kind:?}.{field}"));
        }
    }
    never.sort();
    assert!(
        never.is_empty(),
        "these fields read as absent on every object: {never:?}"
    );
}
