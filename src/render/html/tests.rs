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

/// The JSON data of a page, parsed back.
fn embedded(page: &str) -> serde_json::Value {
    let start = page
        .find("<script type=\"application/json\" id=\"data\">")
        .unwrap();
    let rest = &page[start..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find("</script>").unwrap();
    serde_json::from_str(&rest[open..close]).unwrap()
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
    // The markup of the plan never reaches the page as markup: exactly the two script
    // elements of the page close, and no `<img` or `<b>` appears outside the data.
    assert_eq!(page.matches("</script>").count(), 2, "{page}");
    assert_eq!(page.matches("<script").count(), 2);
    assert!(!page.contains("<img") && !page.contains("<b>") && !page.contains("<!--"));
    // The data still holds the plan's text, character for character.
    let data = embedded(&page);
    let plan = &data["plans"][0];
    assert_eq!(
        plan["title"],
        "PEI </script><script>alert('title')</script>"
    );
    assert_eq!(plan["entity"], "Entidad <b>negrita</b> & <!-- comentario");
    let lines = data["files"][0]["lines"].as_array().unwrap();
    assert!(
        lines.iter().any(|line| line[1]
            .as_str()
            .unwrap()
            .contains("<img src=x onerror=alert(2)>")),
        "{lines:?}"
    );
    // The script writes plan text with textContent only.
    assert!(!SCRIPT.contains("innerHTML") && !SCRIPT.contains("insertAdjacentHTML"));
    assert!(!SCRIPT.contains("document.write") && !SCRIPT.contains("eval("));
}

#[test]
fn the_data_holds_as_many_findings_as_the_json_report() {
    for dir in ["plans", "tests/fixtures/chain"] {
        let run = run(&[PathBuf::from(dir)], Lang::En);
        let data = embedded(&html(&run));
        let json = json_report(&run);
        let findings = json["findings"].as_array().unwrap();
        assert!(!findings.is_empty(), "{dir} has findings");
        assert_eq!(data["findings"].as_array().unwrap().len(), findings.len());
        // Every finding belongs to exactly one plan entry.
        let owned: usize = data["plans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|plan| plan["findings"].as_array().unwrap().len())
            .sum();
        assert_eq!(owned, findings.len(), "{dir}");
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
    let data_start = page.find("<script type=\"application/json\"").unwrap();
    let data_end = data_start + page[data_start..].find("</script>").unwrap();
    let markup = format!("{}{}", &page[..data_start], &page[data_end..]);
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
fn a_plan_page_has_its_profile_waivers_trace_and_gaps() {
    let run = run(&[PathBuf::from("plans")], Lang::En);
    let data = embedded(&html(&run));
    let plans = data["plans"].as_array().unwrap();
    let pei = plans
        .iter()
        .find(|p| p["key"] == "pei-gore-san-martin-2024-2028")
        .unwrap();
    assert_eq!(pei["kind"], "pei");
    assert_eq!(pei["territory"], "22");
    for score in pei["scores"].as_array().unwrap() {
        assert!(score.is_null() || (0.0..=1.0).contains(&score.as_f64().unwrap()));
    }
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
    let table = data["trace_nodes"]["nodes"].as_array().unwrap();
    let flat: Vec<u64> = trace["n"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    let nodes: Vec<(&str, u64)> = flat
        .chunks(4)
        .map(|node| {
            (
                table[usize::try_from(node[0]).unwrap()][1]
                    .as_str()
                    .unwrap(),
                node[3],
            )
        })
        .collect();
    for code in ["OEI.05", "OEI.06"] {
        let &(_, flags) = nodes.iter().find(|(c, _)| *c == code).unwrap();
        assert_eq!(flags, 4, "{code}: this plan's, and where the chain is cut");
    }
    // It reaches the PDRC and the PEDN: nodes of higher plans exist.
    assert!(nodes.iter().any(|&(_, flags)| flags % 4 == 1));
    // The PDRC has a coverage matrix whose columns include the PEI.
    let pdrc = plans
        .iter()
        .find(|p| p["key"] == "pdrc-san-martin-2030")
        .unwrap();
    let columns: Vec<&str> = pdrc["coverage"]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c[0].as_str().unwrap())
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
fn spanish_runs_write_a_spanish_page() {
    let page = html(&run(&[Path::new("plans").to_path_buf()], Lang::Es));
    let data = embedded(&page);
    assert_eq!(data["lang"], "es");
    assert_eq!(data["words"]["trace"], "Grafo de articulación");
    assert_eq!(data["pillars"][0], Pillar::Legitimacy.name(Lang::Es));
    assert!(page.contains("<title>Reporte de alineamiento · alinea</title>"));
}
