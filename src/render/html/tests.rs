use std::path::{Path, PathBuf};

use super::*;

/// Runs the checks (and the default rule pack) on `paths`, in `lang`.
fn run(paths: &[PathBuf], lang: Lang) -> Run {
    let options = crate::CheckOptions {
        paths: paths.to_vec(),
        lang,
        ..crate::CheckOptions::default()
    };
    crate::check(&options).unwrap()
}

fn html(run: &Run) -> String {
    let mut out = Vec::new();
    render(run, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The JSON block `id` of a page, parsed back.
fn block(page: &str, id: &str) -> serde_json::Value {
    let start = page
        .find(&format!("<script type=\"application/json\" id=\"{id}\">"))
        .unwrap();
    let rest = &page[start..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find("</script>").unwrap();
    serde_json::from_str(&rest[open..close]).unwrap()
}

/// The overview's data of a page, parsed back.
fn embedded(page: &str) -> serde_json::Value {
    block(page, "data")
}

/// The rest of each plan's page, in the order of the overview's plans.
fn details(page: &str) -> Vec<serde_json::Value> {
    let plans = embedded(page)["plans"].as_array().unwrap().len();
    (0..plans).map(|n| block(page, &format!("p-{n}"))).collect()
}

/// A base-64 number of the page's compact lists.
fn number(text: &str) -> usize {
    text.bytes().fold(0, |value, digit| {
        value * 64 + trace::DIGITS.iter().position(|&d| d == digit).unwrap()
    })
}

/// A trace graph as the page reads it: each node's `(x, y, plan, code, flags)` and each
/// edge's `(from, to, kind)`.
#[expect(clippy::type_complexity, reason = "a test's decoder")]
fn decode(
    trace: &serde_json::Value,
    table: &serde_json::Value,
) -> (
    Vec<(u64, u64, String, String, usize)>,
    Vec<(usize, usize, usize)>,
) {
    let digits = usize::try_from(table["digits"].as_u64().unwrap()).unwrap();
    let plan_digits = usize::try_from(table["plan_digits"].as_u64().unwrap()).unwrap();
    let step = table["box"][2].as_u64().unwrap();
    let plan_of = table["plan"].as_str().unwrap();
    let mut nodes = Vec::new();
    let rows = trace["rows"].as_str().unwrap();
    let mut at = 0;
    while at < rows.len() {
        let y = number(&rows[at..at + 3]) as u64;
        let x = number(&rows[at + 3..at + 5]) as u64;
        let count = number(&rows[at + 5..at + 6]);
        assert!((1..=trace::PER_ROW).contains(&count), "{rows}");
        at += 6;
        for i in 0..count {
            let entry = number(&rows[at..at + digits]);
            let flags = number(&rows[at + digits..=at + digits]);
            at += digits + 1;
            let plan = number(&plan_of[entry * plan_digits..(entry + 1) * plan_digits]);
            nodes.push((
                x + step * i as u64,
                y,
                if plan == 0 {
                    String::new()
                } else {
                    table["plans"][plan - 1].as_str().unwrap().to_owned()
                },
                table["codes"][entry].as_str().unwrap().to_owned(),
                flags,
            ));
        }
    }
    let e = trace["e"].as_str().unwrap();
    assert_eq!(e.len() % 4, 0);
    let edges = (0..e.len() / 4)
        .map(|i| {
            let from = number(&e[i * 4..i * 4 + 2]);
            (from / 4, number(&e[i * 4 + 2..i * 4 + 4]), from % 4)
        })
        .collect();
    (nodes, edges)
}

fn json_report(run: &Run) -> serde_json::Value {
    let mut out = Vec::new();
    crate::render::json::render(&run.report, &run.sources, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

const HOSTILE: &str = r#"plan:
  id: pei-hostile-2024-2028
  kind: pei
  title: "PEI </script><script>alert('title')</script>"
  entity: {name: "Entidad <b>negrita</b> & <!-- comentario", type: regional-government, level: regional, territory: "22"}
  period: {start: 2024, end: 2028}
objectives:
  - code: OEI.01
    statement: "Mejorar </script><script>alert(1)</script> <img src=x onerror=alert(2)>"
    traces_to: [pdrc-nowhere-2030/OET.1]
"#;

#[test]
fn text_from_a_plan_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pei.yaml"), HOSTILE).unwrap();
    let run = run(&[dir.path().to_path_buf()], Lang::En);
    let page = html(&run);
    // The markup of the plan never reaches the page as markup: exactly the script elements
    // of the page close (the overview's data, the node table, one block per plan and the
    // script), and no `<img` or `<b>` appears outside the data.
    let plans = embedded(&page)["plans"].as_array().unwrap().len();
    assert_eq!(plans, 1);
    assert_eq!(page.matches("</script>").count(), 3 + plans, "{page}");
    assert_eq!(page.matches("<script").count(), 3 + plans);
    assert!(!page.contains("<img") && !page.contains("<b>") && !page.contains("<!--"));
    // The data still holds the plan's text, character for character.
    let data = embedded(&page);
    let plan = &data["plans"][0];
    assert_eq!(
        plan["title"],
        "PEI </script><script>alert('title')</script>"
    );
    assert_eq!(plan["entity"], "Entidad <b>negrita</b> & <!-- comentario");
    let detail = block(&page, "p-0");
    let runs = detail["lines"]["0"].as_array().unwrap();
    assert!(
        runs.iter()
            .flat_map(|run| run[1].as_array().unwrap())
            .any(|line| line
                .as_str()
                .unwrap()
                .contains("<img src=x onerror=alert(2)>")),
        "{runs:?}"
    );
    // The script writes plan text with textContent only.
    assert!(!SCRIPT.contains("innerHTML") && !SCRIPT.contains("insertAdjacentHTML"));
    assert!(!SCRIPT.contains("document.write") && !SCRIPT.contains("eval("));
}

#[test]
fn the_data_holds_as_many_findings_as_the_json_report() {
    for dir in ["plans", "tests/fixtures/chain"] {
        let run = run(&[PathBuf::from(dir)], Lang::En);
        let page = html(&run);
        let data = embedded(&page);
        let details = details(&page);
        let json = json_report(&run);
        let findings = json["findings"].as_array().unwrap();
        assert!(!findings.is_empty(), "{dir} has findings");
        // Every finding belongs to exactly one plan entry, which counts it.
        let owned: usize = details
            .iter()
            .map(|plan| plan["findings"].as_array().unwrap().len())
            .sum();
        assert_eq!(owned, findings.len(), "{dir}");
        for (row, detail) in data["plans"].as_array().unwrap().iter().zip(&details) {
            let mut counts = [0u64; 3];
            let mut rules: Vec<u64> = Vec::new();
            for finding in detail["findings"].as_array().unwrap() {
                counts[usize::try_from(finding["s"].as_u64().unwrap()).unwrap()] += 1;
                rules.push(finding["r"].as_u64().unwrap());
            }
            rules.sort_unstable();
            rules.dedup();
            assert_eq!(row["counts"], serde_json::json!(counts), "{dir} {row}");
            let listed: Vec<u64> = row["r"].as_array().map_or_else(Vec::new, |r| {
                r.iter().map(|v| v.as_u64().unwrap()).collect()
            });
            assert_eq!(listed, rules, "{dir} {row}");
            // Each finding's source lines are in its plan's block, in runs that neither
            // overlap nor touch (they would be one run).
            for finding in detail["findings"].as_array().unwrap() {
                let runs: Vec<(u64, u64)> = detail["lines"][finding["f"].to_string()]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|run| {
                        let first = run[0].as_u64().unwrap();
                        (first, first + run[1].as_array().unwrap().len() as u64)
                    })
                    .collect();
                let line = finding["l"].as_u64().unwrap();
                assert!(
                    runs.iter().any(|&(from, to)| (from..to).contains(&line)),
                    "{dir}: no source line for {finding}"
                );
                assert!(runs.windows(2).all(|w| w[0].1 < w[1].0), "{runs:?}");
            }
        }
        // Per rule and severity, the same counts.
        for (position, rule) in data["rules"].as_array().unwrap().iter().enumerate() {
            let id = rule["id"].as_str().unwrap();
            for (s, severity) in ["error", "warning", "info"].iter().enumerate() {
                let expected = findings
                    .iter()
                    .filter(|f| f["rule"] == id && f["severity"] == *severity)
                    .count();
                assert_eq!(rule["counts"][s], expected, "{dir} {id} {severity}");
            }
            let _ = position;
        }
        // One entry per plan of the JSON report's profiles.
        let listed: Vec<&str> = data["plans"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["kind"] != "")
            .map(|p| p["id"].as_str().unwrap())
            .collect();
        assert_eq!(Some(listed.len() as u64), json["summary"]["plans"].as_u64());
    }
}

#[test]
fn the_same_run_gives_the_same_bytes() {
    let first = html(&run(&[PathBuf::from("plans")], Lang::Es));
    let second = html(&run(&[PathBuf::from("plans")], Lang::Es));
    assert!(first == second, "two runs differ");
    assert!(first.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"));
}

#[test]
fn the_policy_allows_the_page_own_style_and_script_and_nothing_else() {
    let page = html(&run(&[PathBuf::from("tests/fixtures/chain")], Lang::En));
    let marker = "Content-Security-Policy\" content=\"";
    let csp = &page[page.find(marker).unwrap() + marker.len()..];
    let csp = &csp[..csp.find('"').unwrap()];
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    assert!(csp.contains(&format!("script-src 'sha256-{}'", sha256_base64(SCRIPT))));
    assert!(csp.contains(&format!("style-src 'sha256-{}'", sha256_base64(STYLE))));
    assert!(!csp.contains("unsafe"));
    // The hashed text is the text between the tags, byte for byte.
    assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
    assert!(page.contains(&format!("<style>{STYLE}</style>")));
    // Nothing is fetched: the markup, style and script name no address (the SVG namespace
    // is a name, not a request; the data's text is only ever text).
    let mut markup = String::new();
    let mut rest = page.as_str();
    while let Some(start) = rest.find("<script type=\"application/json\"") {
        markup.push_str(&rest[..start]);
        rest = &rest[start + rest[start..].find("</script>").unwrap()..];
    }
    markup.push_str(rest);
    assert!(markup.contains("<script>") && markup.contains("<style>"));
    let without_namespace = markup.replace("http://www.w3.org/2000/svg", "");
    for pattern in [
        "http:",
        "https:",
        "src=\"//",
        "href=\"//",
        "url(http",
        "@import",
    ] {
        assert!(
            !without_namespace.contains(pattern),
            "the page contains {pattern}"
        );
    }
}

#[test]
fn the_hash_is_sha256_in_base64() {
    // `echo -n abc | openssl dgst -sha256 -binary | base64`
    assert_eq!(
        sha256_base64("abc"),
        "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
    );
}

#[test]
fn every_word_of_the_page_exists_in_both_languages() {
    for lang in Lang::ALL {
        for id in WORDS {
            assert!(
                crate::i18n::has(lang, id),
                "{id} has no {} text",
                lang.as_str()
            );
        }
    }
    // And the script asks only for words the data carries.
    let asked = regex::Regex::new(r"W(?:\.([a-z]+)|\['([a-z-]+)'\])").unwrap();
    for capture in asked.captures_iter(SCRIPT) {
        let key = capture.get(1).or_else(|| capture.get(2)).unwrap().as_str();
        assert!(
            WORDS.contains(&format!("html-{key}").as_str()),
            "the script asks for `{key}`"
        );
    }
}

#[test]
fn every_entity_type_has_words_in_both_languages() {
    for lang in Lang::ALL {
        for &value in EntityType::ALL {
            let words = entity_type(value, lang);
            assert!(
                !words.starts_with("html-") && !words.contains('-'),
                "{value}: {words}"
            );
        }
    }
}

#[test]
fn a_plan_page_has_its_profile_waivers_trace_and_gaps() {
    let run = run(&[PathBuf::from("plans")], Lang::En);
    let page = html(&run);
    let data = embedded(&page);
    let details = details(&page);
    let plans = data["plans"].as_array().unwrap();
    let at = |key: &str| plans.iter().position(|p| p["key"] == key).unwrap();
    let pei = &plans[at("pei-gore-san-martin-2024-2028")];
    assert_eq!(pei["kind"], "pei");
    assert_eq!(pei["territory"], "22");
    assert_eq!(pei["entity_type"], "regional government");
    for score in pei["scores"].as_array().unwrap() {
        assert!(score.is_null() || (0.0..=1.0).contains(&score.as_f64().unwrap()));
    }
    let pei = &details[at("pei-gore-san-martin-2024-2028")];
    assert_eq!(pei["points"].as_str().unwrap().split(' ').count(), 3);
    // OEI.05 and OEI.06 trace to no PDRC objective: the findings mark them, and the trace
    // graph draws them as gaps.
    let trace = &pei["trace"];
    let gaps: Vec<&str> = trace["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g[0].as_str().unwrap())
        .collect();
    assert!(
        gaps.contains(&"OEI.05") && gaps.contains(&"OEI.06"),
        "{gaps:?}"
    );
    let table = block(&page, "nodes");
    let (nodes, _) = decode(trace, &table);
    for code in ["OEI.05", "OEI.06"] {
        let node = nodes.iter().find(|node| node.3 == code).unwrap();
        assert_eq!(node.2, "pei-gore-san-martin-2024-2028");
        assert_eq!(node.4, 4, "{code}: this plan's, and where the chain is cut");
    }
    // It reaches the PDRC and the PEDN: nodes of higher plans exist.
    assert!(
        nodes
            .iter()
            .any(|node| node.4 % 4 == 1 && node.2.starts_with("pdrc-"))
    );
    assert!(nodes.iter().any(|node| {
        node.4 % 4 == 1
            && ["pedn-", "pn-", "pgg-"]
                .iter()
                .any(|p| node.2.starts_with(p))
    }));
    // The layers' titles come from the table.
    let titles = table["titles"].as_array().unwrap();
    for layer in trace["layers"].as_array().unwrap() {
        assert!(titles[usize::try_from(layer[1].as_u64().unwrap()).unwrap()].is_string());
    }
    // The PDRC has a coverage matrix whose columns include the PEI (by its page).
    let pdrc = &details[at("pdrc-san-martin-2030")];
    let columns: Vec<&str> = pdrc["coverage"]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c.as_u64().map_or_else(
                || c.as_str().unwrap(),
                |page| {
                    plans[usize::try_from(page).unwrap()]["id"]
                        .as_str()
                        .unwrap()
                },
            )
        })
        .collect();
    assert!(
        columns.contains(&"pei-gore-san-martin-2024-2028"),
        "{columns:?}"
    );
}

#[test]
fn the_trace_layout_keeps_nodes_apart_and_inside_the_drawing() {
    let run = run(&[PathBuf::from("plans")], Lang::En);
    let gaps = crate::report::gaps::Gaps::new(&run.report.findings);
    for id in run.graph.plan_ids() {
        let mut table = trace::NodeTable::default();
        let Some(trace) = trace::trace(&run.graph, &gaps, id, &mut table, Lang::En) else {
            continue;
        };
        for (i, a) in trace.nodes.iter().enumerate() {
            assert!(a.x + 132 <= trace.w && a.y + 34 <= trace.h, "{a:?} outside");
            for b in trace.nodes.iter().skip(i + 1) {
                assert!(
                    a.x.abs_diff(b.x) >= 132 || a.y.abs_diff(b.y) >= 34,
                    "{a:?} overlaps {b:?}"
                );
            }
        }
        for &(from, to, _) in &trace.edges {
            assert!(from < trace.nodes.len() && to < trace.nodes.len());
        }
    }
}

#[test]
fn the_page_reads_back_the_layout_computed_here() {
    let run = run(&[PathBuf::from("plans")], Lang::En);
    let gaps = crate::report::gaps::Gaps::new(&run.report.findings);
    let mut table = trace::NodeTable::default();
    let mut traces: Vec<trace::Trace> = run
        .graph
        .plan_ids()
        .filter_map(|id| trace::trace(&run.graph, &gaps, id, &mut table, Lang::En))
        .collect();
    assert!(traces.len() > 3);
    let digits = table.digits();
    for trace in &mut traces {
        trace.encode(digits);
    }
    let table = serde_json::to_value(table.finish()).unwrap();
    for trace in &traces {
        let (nodes, edges) = decode(&serde_json::to_value(trace).unwrap(), &table);
        assert_eq!(nodes.len(), trace.nodes.len());
        for (read, node) in nodes.iter().zip(&trace.nodes) {
            assert_eq!((read.0, read.1), (u64::from(node.x), u64::from(node.y)));
            assert_eq!(read.3, node.t);
            assert_eq!(
                read.2,
                node.plan
                    .map_or("", |plan| run.graph.plan(plan).id.value.as_str())
            );
            assert_eq!(read.4, usize::from(node.k) + 4 * usize::from(node.g));
        }
        let expected: Vec<(usize, usize, usize)> = trace
            .edges
            .iter()
            .map(|&(from, to, kind)| (from, to, usize::from(kind)))
            .collect();
        assert_eq!(edges, expected);
    }
}

#[test]
fn base64_numbers_have_the_width_asked() {
    let mut text = String::new();
    trace::base64(0, 2, &mut text);
    trace::base64(63, 1, &mut text);
    trace::base64(64 * 5 + 7, 3, &mut text);
    assert_eq!(text, "00_057");
    assert_eq!(trace::digits_for(64), 1);
    assert_eq!(trace::digits_for(65), 2);
    assert_eq!(trace::digits_for(162_287), 3);
    assert_eq!(trace::digits_for(300_000), 4);
}

#[test]
fn spanish_runs_write_a_spanish_page() {
    let page = html(&run(&[Path::new("plans").to_path_buf()], Lang::Es));
    let data = embedded(&page);
    assert_eq!(data["lang"], "es");
    assert_eq!(data["words"]["trace"], "Grafo de articulación");
    assert_eq!(data["pillars"][0], "Legitimidad");
    assert_eq!(Pillar::Legitimacy.name(Lang::Es), "legitimidad");
    let pei = data["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "pei-gore-san-martin-2024-2028")
        .unwrap();
    assert_eq!(pei["entity_type"], "gobierno regional");
    assert!(page.contains("<title>Reporte de alineamiento · alinea</title>"));
}
