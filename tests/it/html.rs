//! The HTML report in a real browser: headless Chromium (Debian's `chromium`, which
//! `.ci/run` installs) opens the file from `file://`, runs its script, and the DOM shows
//! every plan and as many findings as the JSON report, with no script error and nothing
//! blocked by the page's policy (which forbids every request). Screenshots of the overview
//! and of one plan page are written under `target/html-shots/` for a person to look at.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PEI: &str = "pei-gore-san-martin-2024-2028";

/// Where the reports and screenshots go: `target/html-shots/` of the build.
fn shots() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| manifest.join("target"), |dir| manifest.join(dir));
    let dir = target.join("html-shots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `alinea check plans --format html --output <file> --lang <lang>`; the JSON report of the
/// same run beside it.
fn report(lang: &str) -> (PathBuf, serde_json::Value) {
    let file = shots().join(format!("report-{lang}.html"));
    let status = Command::new(crate::binary())
        .args([
            "check", "plans", "--format", "html", "--lang", lang, "--output",
        ])
        .arg(&file)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "plans/ has errors: exit 1");
    let json = Command::new(crate::binary())
        .args(["check", "plans", "--format", "json", "--lang", lang])
        .output()
        .unwrap();
    (file, serde_json::from_slice(&json.stdout).unwrap())
}

/// Debian's Chromium (or `ALINEA_CHROMIUM`).
fn chromium() -> PathBuf {
    let path = std::env::var_os("ALINEA_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        path.exists(),
        "the HTML report is tested in Chromium: `apt-get install chromium` (.ci/run does), or \
         set ALINEA_CHROMIUM"
    );
    path
}

/// Runs headless Chromium on `file#fragment` with `args` in a fresh profile, with every
/// background service off (the network is closed here), and returns its standard output
/// (written to a file: a dumped DOM is larger than a pipe holds while nobody reads it).
fn browse(file: &Path, fragment: &str, args: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = profile.path().join("stdout");
    let url = format!("file://{}{fragment}", file.display());
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(&url)
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_mins(2);
    while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let finished = child.try_wait().unwrap().is_some();
    if !finished {
        let _ = child.kill();
        let _ = child.wait();
    }
    assert!(finished, "Chromium did not finish on {url} in two minutes");
    String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned()
}

/// The DOM after the page's script ran.
fn dom(file: &Path, fragment: &str) -> String {
    let dom = browse(file, fragment, &["--dump-dom"]);
    let body = attribute_block(&dom, "<body");
    assert!(
        body.contains("data-ready=\"true\""),
        "the script did not finish: {body}"
    );
    assert!(
        body.contains("data-errors=\"0\""),
        "the script reported errors: {}",
        dom.split("id=\"script-errors\"").nth(1).unwrap_or(&body)
    );
    dom
}

/// The opening tag that starts with `start`.
fn attribute_block(dom: &str, start: &str) -> String {
    assert!(dom.contains(start), "no `{start}` in the DOM");
    let at = dom.find(start).unwrap();
    dom[at..at + dom[at..].find('>').unwrap()].to_owned()
}

/// The value of `name="…"` in the opening tag that starts with `start`.
fn attribute(dom: &str, start: &str, name: &str) -> String {
    let tag = attribute_block(dom, start);
    let key = format!("{name}=\"");
    assert!(tag.contains(&key), "no {name} in {tag}");
    let at = tag.find(&key).unwrap() + key.len();
    tag[at..at + tag[at..].find('"').unwrap()].to_owned()
}

fn screenshot(file: &Path, fragment: &str, name: &str, height: u32) -> PathBuf {
    let path = shots().join(name);
    let _ = std::fs::remove_file(&path);
    browse(
        file,
        fragment,
        &[
            &format!("--screenshot={}", path.display()),
            &format!("--window-size=1280,{height}"),
            "--hide-scrollbars",
        ],
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000,
        "{name}"
    );
    path
}

#[test]
fn chromium_shows_every_plan_and_every_finding_of_the_report() {
    for lang in ["en", "es"] {
        let (file, json) = report(lang);
        let findings = json["findings"].as_array().unwrap();
        let plans = json["summary"]["plans"].as_u64().unwrap();

        // The overview: every plan a row with its link, the finding count of the JSON report.
        let overview = dom(&file, "");
        assert_eq!(
            attribute(&overview, "<html", "lang"),
            lang,
            "the page's language"
        );
        assert_eq!(
            attribute(&overview, "<body", "data-plans"),
            plans.to_string()
        );
        assert_eq!(
            attribute(&overview, "<body", "data-findings"),
            findings.len().to_string()
        );
        let table = &overview[overview.find("id=\"plans\"").unwrap()..];
        let table = &table[..table.find("</table>").unwrap()];
        assert_eq!(table.matches("href=\"#plan/").count() as u64, plans);
        assert!(overview.contains(&format!("id=\"count-findings\">{}</dd>", findings.len())));
        assert_eq!(attribute(&overview, "<body", "data-view"), "overview");
        // Entity types and pillars in words, as the rest of the page writes them.
        let (entity_type, pillar) = if lang == "es" {
            ("gobierno regional", "Legitimidad")
        } else {
            ("regional government", "Legitimacy")
        };
        assert!(overview.contains(&format!(" · {entity_type}</span>")));
        assert!(!overview.contains("regional-government"));
        assert!(overview.contains(&format!(">{pillar}</button>")));
        // In the order by territory, the rows have their headings and no note says otherwise.
        assert!(table.contains("class=\"group g0\""));
        assert!(attribute_block(&overview, "<p id=\"sorted\"").contains("hidden"));

        // Sorted by errors (the order lives in the address too): no headings by territory,
        // a note that says so, the plan with the most errors first.
        let sorted = dom(&file, "#overview?sort=-s0");
        assert_eq!(attribute(&sorted, "<body", "data-rows"), plans.to_string());
        let table = &sorted[sorted.find("id=\"plans\"").unwrap()..];
        let table = &table[..table.find("</table>").unwrap()];
        assert!(
            !table.contains("class=\"group"),
            "headings in a sorted list"
        );
        assert!(table.contains("aria-sort=\"descending\""));
        let note = &sorted[sorted.find("<p id=\"sorted\"").unwrap()..];
        let note = &note[..note.find("</p>").unwrap()];
        assert!(!attribute_block(note, "<p").contains("hidden"), "{note}");
        assert!(note.contains("id=\"territory-order\""), "{note}");
        let errors = |plan: &str| {
            findings
                .iter()
                .filter(|f| f["plan"] == plan && f["severity"] == "error")
                .count()
        };
        let most = json["profiles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|profile| errors(profile["plan"].as_str().unwrap()))
            .max()
            .unwrap();
        assert!(most > 0);
        let first = &table[table.find("href=\"#plan/").unwrap() + 12..];
        assert_eq!(errors(&first[..first.find('"').unwrap()]), most, "{table}");

        // A filtered overview (the filters live in the address): the PDRC only.
        let filtered = dom(&file, "#overview?kind=pdrc");
        assert_eq!(attribute(&filtered, "<body", "data-rows"), "1");
        let filtered = dom(&file, &format!("#overview?q={PEI}"));
        assert_eq!(attribute(&filtered, "<body", "data-rows"), "1");

        // The PEI's page: its triangle, its findings with source lines, its trace graph with
        // OEI.05 and OEI.06 marked where the chain is cut.
        let page = dom(&file, &format!("#plan/{PEI}"));
        assert_eq!(attribute(&page, "<body", "data-view"), "plan");
        let own = findings.iter().filter(|f| f["plan"] == PEI).count();
        assert!(own > 0);
        assert_eq!(
            attribute(&page, "<section id=\"findings\"", "data-count"),
            own.to_string()
        );
        let section = &page[page.find("<section id=\"findings\"").unwrap()..];
        let section = &section[..section.find("</section>").unwrap()];
        assert_eq!(section.matches("<li class=\"finding ").count(), own);
        assert!(page.contains("class=\"triangle\"") && page.contains("class=\"score\""));
        assert!(page.contains("<span class=\"ln\" aria-hidden=\"true\">"));
        assert!(page.contains("<mark>OEI.05</mark>") || page.contains("<mark>OEI.06</mark>"));
        assert!(page.contains("class=\"trace\""));
        for code in ["OEI.05", "OEI.06"] {
            assert!(
                page.contains(&format!("<li data-code=\"{code}\" class=\"cut\">")),
                "{code} is not marked as a gap"
            );
        }
        let words = if lang == "es" {
            [
                "Grafo de articulación",
                "Perfil de valor público",
                "Hallazgos",
            ]
        } else {
            ["Trace graph", "Public value profile", "Findings"]
        };
        for word in words {
            assert!(page.contains(word), "{lang}: no `{word}` on the plan page");
        }

        // The PDRC's coverage heatmap.
        let pdrc = dom(&file, "#plan/pdrc-san-martin-2030/coverage");
        assert!(pdrc.contains("class=\"heatmap\""));
        assert!(pdrc.contains(&format!("href=\"#plan/{PEI}\"")));

        if lang == "en" {
            screenshot(&file, "", "overview.png", 1000);
            screenshot(&file, "#overview?sort=-s0", "sorted.png", 1000);
            screenshot(&file, &format!("#plan/{PEI}"), "plan.png", 2400);
            screenshot(&file, &format!("#plan/{PEI}/trace"), "trace.png", 1200);
            screenshot(
                &file,
                "#plan/pdrc-san-martin-2030/coverage",
                "coverage.png",
                1000,
            );
        } else {
            screenshot(&file, &format!("#plan/{PEI}"), "plan-es.png", 1400);
        }
    }
}
