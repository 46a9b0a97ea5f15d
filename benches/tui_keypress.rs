//! How long a key press takes in the browser with 100,000 findings: `update` plus a
//! full redraw into a 120×40 `TestBackend`, for the moving keys and a few others.
//!
//! Run it in release: `cargo bench --bench tui_keypress`. It prints nanoseconds per key
//! press (median and worst of each key's runs), and the time a re-lint's result takes to
//! replace the run (`Msg::Reloaded`) followed by a key and a redraw; a frame is 16 ms. The
//! run's index is built before (the linting thread builds it) and timed on its own.

#![expect(
    clippy::indexing_slicing,
    reason = "a benchmark that cannot set up its input should fail loudly"
)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use alinea::report::{Finding, Report, Severity};
use alinea::source::{SourceDb, Span};
use alinea::tui::TuiStyle;
use alinea::tui::app::{Model, Msg, dispatch};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const FINDINGS: usize = 100_000;
const FILES: usize = 100;
const LINES: usize = 2_000;
const PRESSES: usize = 200;

fn main() {
    let started = Instant::now();
    let mut model = Model::new(synthetic_run(), TuiStyle { color: true });
    dispatch(&mut model, Msg::Resize(120, 40));
    let built = started.elapsed();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    println!(
        "tui_keypress: {} findings in {} files; model built in {:.1} ms",
        model.run().report.findings.len(),
        FILES,
        built.as_secs_f64() * 1e3
    );
    let keys: [(&str, KeyCode); 8] = [
        ("down (j)", KeyCode::Char('j')),
        ("next finding (])", KeyCode::Char(']')),
        ("page down", KeyCode::PageDown),
        ("up (k)", KeyCode::Char('k')),
        ("last (G)", KeyCode::Char('G')),
        ("first (g)", KeyCode::Char('g')),
        ("fold/unfold (enter)", KeyCode::Enter),
        ("severity (s)", KeyCode::Char('s')),
    ];
    let mut all = Vec::new();
    for (name, code) in keys {
        let mut times = Vec::with_capacity(PRESSES);
        for _ in 0..PRESSES {
            let start = Instant::now();
            dispatch(
                &mut model,
                Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
            );
            terminal
                .draw(|frame| alinea::tui::view::view(black_box(&model), frame))
                .expect("draw");
            times.push(start.elapsed());
        }
        times.sort();
        let median = times.get(times.len() / 2).copied().unwrap_or_default();
        let worst = times.last().copied().unwrap_or_default();
        println!(
            "  {name:<22} median {:>9} ns   worst {:>10} ns",
            median.as_nanos(),
            worst.as_nanos()
        );
        all.extend(times);
    }
    // A re-lint's result replacing the run (on the UI thread, like every message), then a
    // key press and a redraw: the selection, folds and filters are carried over.
    let mut reloads = Vec::new();
    let mut indexing = Vec::new();
    for _ in 0..5 {
        let run = synthetic_run();
        // What the linting thread does after a run: the index, off the browser's thread.
        let start = Instant::now();
        let prepared = alinea::tui::index::Prepared::new(run);
        indexing.push(start.elapsed());
        let start = Instant::now();
        dispatch(&mut model, Msg::Reloaded(Box::new(prepared)));
        // The browser frees the old run in a thread of its own.
        let retired = model.take_retired();
        dispatch(
            &mut model,
            Msg::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE)),
        );
        terminal
            .draw(|frame| alinea::tui::view::view(black_box(&model), frame))
            .expect("draw");
        reloads.push(start.elapsed());
        drop(retired);
    }
    reloads.sort();
    indexing.sort();
    println!(
        "  {:<22} median {:>9} ns   (on the linting thread)",
        "index of a run",
        indexing
            .get(indexing.len() / 2)
            .copied()
            .unwrap_or_default()
            .as_nanos(),
    );
    println!(
        "  {:<22} median {:>9} ns   worst {:>10} ns",
        "reload + key + redraw",
        reloads
            .get(reloads.len() / 2)
            .copied()
            .unwrap_or_default()
            .as_nanos(),
        reloads.last().copied().unwrap_or_default().as_nanos()
    );
    all.sort();
    let median = all.get(all.len() / 2).copied().unwrap_or_default();
    let p99 = all.get(all.len() * 99 / 100).copied().unwrap_or_default();
    let mean: Duration = all.iter().sum::<Duration>() / u32::try_from(all.len()).unwrap_or(1);
    println!(
        "tui_keypress: key press + redraw, {} presses: median {} ns, mean {} ns, p99 {} ns (frame budget 16000000 ns)",
        all.len(),
        median.as_nanos(),
        mean.as_nanos(),
        p99.as_nanos()
    );
}

/// A run with `FINDINGS` findings spread over `FILES` synthetic files.
fn synthetic_run() -> alinea::Run {
    let mut sources = SourceDb::new();
    let text = (1..=LINES).fold(String::new(), |mut text, line| {
        let _ = writeln!(
            text,
            "  - code: OEI.{line:04}  # statement of objective {line}"
        );
        text
    });
    let files: Vec<_> = (0..FILES)
        .map(|k| {
            sources.add(
                PathBuf::from(format!("plans/synthetic/pei-{k:03}.yaml")),
                text.clone(),
            )
        })
        .collect();
    let checks = [
        alinea::graph::REF_01,
        alinea::graph::REF_02,
        alinea::graph::REF_05,
        alinea::plan::LOAD_01,
    ];
    let line_len = text.lines().next().map_or(1, |l| l.len() + 1);
    let findings = (0..FINDINGS)
        .map(|i| {
            let file = files[i % FILES];
            let line = (i / FILES) % LINES;
            let start = line * line_len + 10;
            let check = &checks[i % checks.len()];
            let mut finding = Finding::new(
                check,
                Span::new(file, start, start + 8),
                format!("OEI.{line:04} synthetic finding number {i} about something"),
            )
            .at(
                &format!("pei-{:03}", i % FILES),
                &format!("OEI.{line:04}"),
                "traces_to[0]",
            )
            .help("a synthetic help text");
            finding.severity = [Severity::Error, Severity::Warning, Severity::Info][i % 3];
            finding
        })
        .collect();
    let mut report = Report {
        findings,
        checked: files,
        ..Report::default()
    };
    report.sort(&sources);
    alinea::Run {
        report,
        sources,
        graph: alinea::graph::Graph::default(),
        rules: Vec::new().into(),
        timings: Vec::new(),
    }
}
