//! The whole country: `alinea check` with the default pack, against the floor of parsing the
//! same files into saphyr's span-keeping `MarkedYaml` on the same threads, side by side in
//! one run; the check's peak memory against the corpus's bytes; and the same on a corpus
//! twice as large, to show the time grows with the input; and the incremental run (the load
//! cache) after one PEI changed.
//!
//!     cargo bench --bench national [-- SCALE…] [--recheck]
//!
//! The corpora come from `benches/national.py` (the country's shape, seeded defects; made
//! once under `target/bench-corpus/`); the default scales are 1 (about 6,000 plans, 90 MB)
//! and 2. The parse floor and the check are run in turn, 21 times each: the ratio is the
//! median of the 21 checks each against the parse just before it (a slow spell of a
//! shared machine falls on both; single pairs on a shared machine range over a third and
//! more, so that a median of eleven pairs still moved by up to eight hundredths from run to
//! run), the times printed the medians of each; every other measure
//! is the median of three runs, but the editor's re-check (one PEI's
//! statement edited and restored, the cache told which file), the median of 21 edits, against
//! the target of 50 ms. Memory is read by running the release
//! binary (`target/release/alinea`, which `cargo bench` builds beside the benchmark) under
//! `/usr/bin/time`. Targets: check ≤ 1.3 × parse; peak RSS < 2 × corpus bytes; the time of
//! scale 2 about twice that of scale 1.

#![expect(
    clippy::expect_used,
    reason = "a benchmark that cannot set up its input should fail loudly"
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use saphyr::{LoadableYamlNode, MarkedYaml};

/// The binary's allocator, so that the check is timed as `alinea check` runs (the parse floor
/// runs with it too).
#[cfg(unix)]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

const RUNS: usize = 3;
/// Runs of the parse floor and of the check, taken in turn (the ratio's two medians).
const PAIRED_RUNS: usize = 21;
/// Edits timed in the editor's case (its median is the figure against the 50 ms target).
const EDITS: usize = 21;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let scales: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    let scales = if scales.is_empty() {
        vec!["1".to_owned(), "2".to_owned()]
    } else {
        scales
    };
    // `--recheck`: only the incremental re-check (while working on it).
    let recheck_only = std::env::args().any(|arg| arg == "--recheck");
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "national: {threads} threads; parse and check in turn, median of {PAIRED_RUNS} each; other measures median of {RUNS}"
    );
    let mut first: Option<(f64, Duration)> = None;
    for scale in &scales {
        let corpus = corpus(&root, scale);
        let files = yaml_files(&corpus);
        let bytes: u64 = files
            .iter()
            .map(|file| std::fs::metadata(file).map_or(0, |m| m.len()))
            .sum();
        if recheck_only {
            let recheck = recheck_one(&corpus, &files);
            println!(
                "scale {scale}: re-check {:.0} ms",
                recheck.as_secs_f64() * 1e3
            );
            continue;
        }
        // Interleaved, so that a slow spell of a shared machine falls on both.
        let mut parses = Vec::with_capacity(PAIRED_RUNS);
        let mut checks = Vec::with_capacity(PAIRED_RUNS);
        let mut stages = Vec::new();
        for _ in 0..PAIRED_RUNS {
            parses.push(parse_all(&files));
            checks.push(check_all(&corpus, &mut stages));
        }
        // Each check against the parse run just before it: a slow spell falls on both.
        let ratios: Vec<f64> = parses
            .iter()
            .zip(&checks)
            .map(|(parse, check)| check.as_secs_f64() / parse.as_secs_f64())
            .collect();
        let (low, high) = (
            ratios.iter().copied().fold(f64::INFINITY, f64::min),
            ratios.iter().copied().fold(0.0, f64::max),
        );
        let ratio = middle(ratios);
        let (parse, check) = (middle(parses), middle(checks));
        println!(
            "scale {scale}: {} files, {:.1} MB; parse (saphyr MarkedYaml) {:.2} s; check {:.2} s; check/parse {ratio:.2}, the median of {PAIRED_RUNS} pairs (from {low:.2} to {high:.2}; target ≤ 1.30)",
            files.len(),
            bytes as f64 / 1e6,
            parse.as_secs_f64(),
            check.as_secs_f64(),
        );
        println!("  check stages (last run): {}", show_stages(&stages));
        let recheck = recheck_one(&corpus, &files);
        println!(
            "  re-check after one PEI changed, told which file (an editor's case): {:.0} ms, {:.3} × the full check (target: 50 ms)",
            recheck.as_secs_f64() * 1e3,
            recheck.as_secs_f64() / check.as_secs_f64()
        );
        if let Some(rss) = peak_rss(&root, &corpus) {
            println!(
                "  peak RSS of `alinea check`: {:.0} MB, {:.2} × the corpus (target < 2)",
                rss as f64 / 1e6,
                rss as f64 / bytes as f64
            );
        }
        match first {
            None => first = Some((bytes as f64, check)),
            Some((first_bytes, first_check)) => println!(
                "  against the first corpus: {:.2} × the bytes, {:.2} × the check's time",
                bytes as f64 / first_bytes,
                check.as_secs_f64() / first_check.as_secs_f64()
            ),
        }
    }
}

/// The corpus of a scale, made by `benches/national.py` when missing.
fn corpus(root: &Path, scale: &str) -> PathBuf {
    let path = root
        .join("target/bench-corpus")
        .join(format!("national-s{scale}-seed1"));
    if !path.join("MANIFEST.json").exists() {
        let status = Command::new("python3")
            .arg(root.join("benches/national.py"))
            .args(["--scale", scale])
            .status()
            .expect("python3 runs benches/national.py");
        assert!(status.success(), "benches/national.py failed");
    }
    path
}

fn yaml_files(corpus: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(corpus)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "yaml" || ext == "yml")
        })
        .collect();
    files.sort();
    files
}

/// The median of `runs` runs.
fn median_of(runs: usize, mut run: impl FnMut() -> Duration) -> Duration {
    middle((0..runs).map(|_| run()).collect())
}

/// The median of some times (or ratios).
fn middle<T: PartialOrd + Copy + Default>(mut values: Vec<T>) -> T {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    values.get(values.len() / 2).copied().unwrap_or_default()
}

/// Reads and parses every file on the global pool (as many threads as cores), in tasks of
/// as many files as the check loads at once (`alinea::plan::LOAD_LEAF`; with rayon's own
/// splitting, one thread could be left parsing the last eighth of the files alone: no floor).
fn parse_all(files: &[PathBuf]) -> Duration {
    let start = Instant::now();
    let nodes: usize = files
        .par_iter()
        .with_max_len(alinea::plan::LOAD_LEAF)
        .map(|file| {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            MarkedYaml::load_from_str(&text).map_or(0, |docs| docs.len())
        })
        .sum();
    std::hint::black_box(nodes);
    start.elapsed()
}

/// The whole check, the JSON report included, on the same pool, with the options of
/// `alinea check` (texts released once decoded).
fn check_all(corpus: &Path, stages: &mut Vec<(&'static str, Duration)>) -> Duration {
    let start = Instant::now();
    let run = alinea::check(&alinea::CheckOptions {
        paths: vec![corpus.to_path_buf()],
        lean_texts: true,
        ..alinea::CheckOptions::default()
    })
    .expect("the corpus checks");
    // Written to a file as `alinea check --format json --output FILE` writes it.
    let rendering = Instant::now();
    let report = corpus.with_extension("report.json");
    let file = std::fs::File::create(&report).expect("the report file opens");
    let mut out = std::io::BufWriter::with_capacity(alinea::render::WRITE_BUFFER, file);
    alinea::render::json::render(&run.report, &run.sources, &mut out).expect("JSON renders");
    std::io::Write::flush(&mut out).expect("the report is written");
    stages.clone_from(&run.timings);
    stages.push(("JSON", rendering.elapsed()));
    let elapsed = start.elapsed();
    drop(run);
    elapsed
}

/// The incremental run after one PEI changed: a comment appended, then the file restored.
fn recheck_one(corpus: &Path, files: &[PathBuf]) -> Duration {
    let options = alinea::CheckOptions {
        paths: vec![corpus.to_path_buf()],
        ..alinea::CheckOptions::default()
    };
    let progress = alinea::Progress::default();
    let mut cache = alinea::RunCache::default();
    alinea::check_incremental(&options, &progress, &mut cache).expect("the corpus checks");
    let pei = files
        .iter()
        .find(|file| {
            file.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("pei-"))
        })
        .expect("a PEI in the corpus");
    let original = std::fs::read_to_string(pei).expect("the PEI reads");
    let mut edit = 0;
    let mut stages = Vec::new();
    // Writes the PEI as one of `texts` (in turn) with a new comment at its end, tells the
    // cache so when `tell`, and times the re-check.
    let mut recheck = |texts: &[&str], tell: bool, runs: usize| {
        let mut patched = false;
        let time = median_of(runs, || {
            edit += 1;
            let text = texts.get(edit % texts.len()).copied().unwrap_or_default();
            std::fs::write(pei, format!("{text}# edit {edit}\n")).expect("the PEI is written");
            if tell {
                cache.changed([pei.clone()]);
            }
            let start = Instant::now();
            let run = alinea::check_incremental(&options, &progress, &mut cache)
                .expect("the corpus checks");
            let elapsed = start.elapsed();
            std::hint::black_box(run.report.findings.len());
            stages.clone_from(&run.timings);
            patched = cache.patched();
            elapsed
        });
        (time, patched)
    };
    // Unchanged files are still read and compared: the browser's re-lint when it cannot
    // tell which files changed.
    let (untold, _) = recheck(&[&original], false, RUNS);
    println!(
        "  re-check after one PEI changed, not told which file: {:.0} ms",
        untold.as_secs_f64() * 1e3
    );
    // Edits that rename a code and back (what traced to it breaks, then resolves): the
    // graph is built again.
    let renamed = original.replacen("code: ", "code: X", 1);
    assert_ne!(renamed, original, "the PEI has a code");
    let (relinked, relinked_patched) = recheck(&[&renamed, &original], true, RUNS);
    println!(
        "  re-check after a code of one PEI was renamed: {:.0} ms (graph patched: {})",
        relinked.as_secs_f64() * 1e3,
        relinked_patched
    );
    // The editor's case: told which file changed, an edit that keeps every reference (a
    // statement's text changed and back).
    let restated = original.replacen("statement: ", "statement: Editado ", 1);
    assert_ne!(restated, original, "the PEI has a statement");
    let (time, patched) = recheck(&[&restated, &original], true, EDITS);
    let (reused, evaluated) = cache.eval.reused();
    println!(
        "  re-check stages (last run): {}; graph patched: {}; rule verdicts (rule × plan) taken from the cache {reused}, evaluated {evaluated}",
        show_stages(&stages),
        patched
    );
    std::fs::write(pei, original).expect("the PEI is restored");
    time
}

/// Stages and their times, as one line.
fn show_stages(stages: &[(&str, Duration)]) -> String {
    stages
        .iter()
        .map(|(stage, time)| format!("{stage} {:.0} ms", time.as_secs_f64() * 1e3))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The peak RSS of the release binary checking `corpus`, from `/usr/bin/time`, in bytes.
fn peak_rss(root: &Path, corpus: &Path) -> Option<u64> {
    let binary = root.join("target/release/alinea");
    if !binary.exists() {
        println!("  (no target/release/alinea: `cargo build --release` to measure memory)");
        return None;
    }
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(&binary)
        .arg("check")
        .arg(corpus)
        .args(["--format", "json", "--output", "/dev/null"])
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let kilobytes: u64 = stderr.lines().last()?.trim().parse().ok()?;
    Some(kilobytes * 1024)
}
