//! The incremental run (`check_incremental`, what the browser's re-lint uses): the same
//! report as a full run, with only the changed files parsed again.

use std::path::Path;

use alinea::RunCache;
use alinea::i18n::Lang;
use alinea::{CheckOptions, Progress, Run};

fn json(run: &Run) -> String {
    let mut out = Vec::new();
    alinea::render::json::render(&run.report, &run.sources, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn options(dir: &Path, lang: Lang) -> CheckOptions {
    CheckOptions {
        paths: vec![dir.to_path_buf()],
        as_of: alinea::plan::model::Date::parse("2026-01-01"),
        lang,
        ..CheckOptions::default()
    }
}

#[test]
fn an_incremental_run_reports_as_a_full_run_and_parses_only_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), dir.path());
    let options = options(dir.path(), Lang::Es);
    let full = || json(&alinea::check(&options).unwrap());
    let mut cache = RunCache::default();
    let progress = Progress::default();

    let first = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    assert_eq!(cache.load.reused(), 0, "nothing to reuse yet");
    assert_eq!(json(&first), full());

    let again = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    let files = cache.load.reused();
    assert!(files > 10, "every plan file reused: {files}");
    assert_eq!(json(&again), json(&first));

    // One PEI changes: an objective's code (a broken trace for what pointed at it).
    let pei = dir.path().join("regional/san-martin/pei-2024-2028.yaml");
    let text = std::fs::read_to_string(&pei).unwrap();
    assert!(text.contains("code: OEI.01"));
    std::fs::write(&pei, text.replacen("code: OEI.01", "code: OEI.91", 1)).unwrap();
    let edited = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    assert_eq!(
        cache.load.reused(),
        files - 1,
        "only the edited file is parsed again"
    );
    assert_ne!(json(&edited), json(&first));
    assert_eq!(json(&edited), full());

    // A new file shifts the files after it: they are read again, and the report still
    // equals a full run's.
    std::fs::write(
        dir.path().join("regional/san-martin/a-new-note.yaml"),
        "notes: not a plan\n",
    )
    .unwrap();
    let added = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    assert!(cache.load.reused() < files, "{}", cache.load.reused());
    assert_eq!(json(&added), full());

    // Another language: every message changes, nothing is reused.
    let english = self::options(dir.path(), Lang::En);
    let other = alinea::check_incremental(&english, &progress, &mut cache).unwrap();
    assert_eq!(cache.load.reused(), 0);
    assert_eq!(json(&other), json(&alinea::check(&english).unwrap()));
}

/// One edit of a plan file's text, or `None` when the text has nothing it applies to.
type Edit = fn(&str, usize) -> Option<String>;

/// The `n`-th (modulo their count) line matching `wanted`, changed by `change`.
fn edit_line(
    text: &str,
    n: usize,
    wanted: impl Fn(&str) -> bool,
    change: impl Fn(&str) -> String,
) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let matching: Vec<usize> = (0..lines.len())
        .filter(|&i| lines.get(i).is_some_and(|l| wanted(l)))
        .collect();
    let chosen = *matching.get(n % matching.len().max(1))?;
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i == chosen {
            out.push_str(&change(line));
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

/// Where a qualified reference's `/` is in a line (`pdrc-x/OER.1`, in any YAML form).
fn reference_slash(line: &str) -> Option<usize> {
    line.as_bytes()
        .windows(3)
        .position(|w| {
            matches!(w, [before, b'/', after]
                if before.is_ascii_alphanumeric() && after.is_ascii_uppercase())
        })
        .map(|at| at + 1)
}

fn is_reference(line: &str) -> bool {
    reference_slash(line).is_some()
}

/// The line with its first reference's code made longer (`OER.1` → `OER.19`).
fn longer_code(line: &str) -> String {
    let slash = reference_slash(line).unwrap_or(0);
    let end = line[slash..]
        .find([',', '}', ']', ' ', '\n'])
        .map_or(line.len(), |at| slash + at);
    format!("{}9{}", &line[..end], &line[end..])
}

const EDITS: &[(&str, Edit)] = &[
    ("a code changes", |text, n| {
        edit_line(
            text,
            n,
            |l| l.trim_start().starts_with("- code: ") || l.trim_start().starts_with("code: "),
            |l| l.replacen('\n', "9\n", 1),
        )
    }),
    ("a reference is removed", |text, n| {
        edit_line(text, n, is_reference, |_| String::new())
    }),
    ("a reference names another plan", |text, n| {
        edit_line(text, n, is_reference, |l| l.replacen('/', "-x/", 1))
    }),
    ("a reference names another code", |text, n| {
        edit_line(text, n, is_reference, longer_code)
    }),
    ("the plan id changes", |text, n| {
        edit_line(
            text,
            n,
            |l| l.starts_with("  id: ") || l.starts_with("id: "),
            |l| l.replacen('\n', "-x\n", 1),
        )
    }),
    ("a level changes", |text, n| {
        edit_line(
            text,
            n,
            |l| l.contains("level: "),
            |l| {
                if l.contains("district") {
                    l.replace("district", "province")
                } else {
                    l.replace("province", "district")
                }
            },
        )
    }),
    ("an upper plan changes", |text, n| {
        edit_line(
            text,
            n,
            |l| l.contains("upper: ["),
            |l| l.replacen(']', "-old]", 1),
        )
    }),
    ("a number changes", |text, n| {
        edit_line(
            text,
            n,
            |l| l.trim_end().ends_with(".0") || l.trim_end().ends_with('5'),
            |l| l.replacen('\n', "1\n", 1),
        )
    }),
    ("the file stops being YAML", |text, _| {
        Some(format!("{text}\n  - : [\n"))
    }),
    ("a statement changes", |text, n| {
        edit_line(
            text,
            n,
            |l| l.trim_start().starts_with("statement: "),
            |l| l.replacen("statement: ", "statement: Revisado, ", 1),
        )
    }),
    ("a comment is added at the top", |text, _| {
        Some(format!("# revisado\n{text}"))
    }),
];

/// A seeded series of edits across the shipped plans (codes, references, plan ids, levels,
/// upper plans, numbers, statements, comments that move everything below them, broken
/// files, and restoring a file): after each one, the incremental run's report equals a full
/// run's; verdicts that read no changed plan were taken from the cache, and edits that
/// change no reference patched the graph.
#[test]
fn after_any_series_of_edits_the_incremental_report_equals_a_full_runs() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), dir.path());
    let options = options(dir.path(), Lang::En);
    let mut files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(dir.path())
        .into_iter()
        .map(|entry| entry.unwrap().into_path())
        .filter(|path| {
            path.extension().is_some_and(|e| e == "yaml")
                && path.file_name().is_some_and(|n| n != "alinea.yaml")
        })
        .collect();
    files.sort();
    let originals: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let mut cache = RunCache::default();
    let progress = Progress::default();
    alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    let mut seed: u64 = 0x5eed;
    // splitmix64: successive draws are independent enough to mix files and edits.
    let mut next = || {
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        usize::try_from((z ^ (z >> 31)) >> 33).unwrap()
    };
    let (mut reused, mut patched) = (0, 0);
    let mut applied = std::collections::BTreeSet::new();
    for step in 0..70 {
        let index = next() % files.len();
        let file = &files[index];
        let text = std::fs::read_to_string(file).unwrap();
        let choice = next() % (EDITS.len() + 2);
        let (what, edited) = match EDITS.get(choice) {
            Some((what, edit)) => (*what, edit(&text, next())),
            None => ("the file is restored", Some(originals[index].clone())),
        };
        let Some(edited) = edited else { continue };
        std::fs::write(file, &edited).unwrap();
        applied.insert(what);
        // Every other step, the caller says which file changed (as an editor does): the
        // run neither walks the repository nor reads the other files.
        if step % 2 == 0 {
            cache.changed([file.clone()]);
        }
        let run = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
        reused += cache.eval.reused().0;
        patched += usize::from(cache.patched());
        assert_eq!(
            json(&run),
            json(&alinea::check(&options).unwrap()),
            "step {step}: {what} in {}",
            file.display()
        );
    }
    assert_eq!(
        applied.len(),
        EDITS.len() + 1,
        "every kind of edit was made: {applied:?}"
    );
    assert!(reused > 0, "no verdict was taken from the cache");
    assert!(patched > 5, "the graph was patched {patched} times");
}

/// A verdict can change without reading the edited plan: a PDRC's objectives are checked for
/// uptake (ART-11) only while some plan lists the PDRC in `upper`, and they read only the
/// PDRC to know. When the one PDLC under it stops naming it, the PDRC's graph changes (its
/// lower plans), and its verdicts are evaluated again.
#[test]
fn a_plan_whose_links_change_is_evaluated_again_though_its_file_did_not() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("tests/fixtures/rules/ART-11/fail"), dir.path());
    // The PDLC names the PDRC in `upper` only: none of the PDRC's verdicts reads the PDLC.
    let pdlc = dir.path().join("pdlc.yaml");
    let text = std::fs::read_to_string(&pdlc).unwrap();
    let text = text.replace("    traces_to: [pdrc-san-martin-2030/OET.1]\n", "");
    std::fs::write(&pdlc, &text).unwrap();
    let options = options(dir.path(), Lang::En);
    let mut cache = RunCache::default();
    let progress = Progress::default();
    let first = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    let uptake = |run: &Run| {
        run.report
            .findings
            .iter()
            .filter(|f| f.rule == "ART-11" && f.plan == "pdrc-san-martin-2030")
            .count()
    };
    assert!(uptake(&first) >= 2, "the fixture's orphans are found");

    let edited = text.replace("upper: [pdrc-san-martin-2030]", "upper: []");
    assert_ne!(edited, text);
    std::fs::write(&pdlc, edited).unwrap();
    let run = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    let full = alinea::check(&options).unwrap();
    assert_eq!(uptake(&full), 0, "no plan lists the PDRC any more");
    assert_eq!(uptake(&run), 0, "the PDRC's verdicts were evaluated again");
    assert_eq!(json(&run), json(&full));
    let (reused, evaluated) = cache.eval.reused();
    assert!(
        reused > 0 && evaluated > 0,
        "{reused} reused, {evaluated} evaluated"
    );
}

/// Told which files changed, a run reads only those; a new file it is told of makes it walk
/// the repository again, so that the new file is checked.
#[test]
fn told_which_files_changed_a_run_reads_only_those_and_finds_new_files() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), dir.path());
    let options = options(dir.path(), Lang::En);
    let mut cache = RunCache::default();
    let progress = Progress::default();
    alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    let files = progress.files();

    let pei = dir.path().join("regional/san-martin/pei-2024-2028.yaml");
    let text = std::fs::read_to_string(&pei).unwrap();
    std::fs::write(
        &pei,
        text.replacen("statement: ", "statement: Revisado, ", 1),
    )
    .unwrap();
    cache.changed([pei.clone()]);
    let run = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    assert_eq!(json(&run), json(&alinea::check(&options).unwrap()));
    assert_eq!(cache.load.reused(), files - 1, "only the PEI was read");
    assert!(cache.patched());

    let copy = dir.path().join("regional/san-martin/pei-copy.yaml");
    std::fs::write(
        &copy,
        text.replace("pei-gore-san-martin-2024-2028", "pei-copia"),
    )
    .unwrap();
    cache.changed([copy]);
    let run = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    assert_eq!(progress.files(), files + 1, "the new file was found");
    assert_eq!(json(&run), json(&alinea::check(&options).unwrap()));
}

/// A plan's profile changes when its findings do, though neither it nor its POIs changed:
/// the PDRC's period is cut short, the PEI that articulates with it now has an upper plan
/// out of force (ART-05), and its profile's `upper_in_force` check fails.
#[test]
fn a_profile_follows_its_plans_findings_after_an_edit_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), dir.path());
    let options = options(dir.path(), Lang::En);
    let mut cache = RunCache::default();
    let progress = Progress::default();
    let first = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    let pdrc = dir.path().join("regional/san-martin/pdrc-2030.yaml");
    let text = std::fs::read_to_string(&pdrc).unwrap();
    let edited = text.replace(
        "period: {start: 2019, end: 2030}",
        "period: {start: 2019, end: 2020}",
    );
    assert_ne!(edited, text);
    std::fs::write(&pdrc, edited).unwrap();
    cache.changed([pdrc]);
    let run = alinea::check_incremental(&options, &progress, &mut cache).unwrap();
    assert!(cache.patched(), "a period is not part of the graph");
    let in_force = |run: &Run| {
        run.report
            .profiles
            .iter()
            .find(|p| p.plan == "pei-gore-san-martin-2024-2028")
            .and_then(|p| p.checks.iter().find(|c| c.id() == "upper_in_force"))
            .map(|c| c.status)
    };
    let full = alinea::check(&options).unwrap();
    assert_eq!(in_force(&first), Some(alinea::profile::Status::Pass));
    assert_eq!(in_force(&run), in_force(&full));
    assert_eq!(in_force(&full), Some(alinea::profile::Status::Fail));
    assert_eq!(json(&run), json(&full));
}

/// The editor's runs leave the profiles out (`no_profiles`): the same findings, no profiles;
/// a later run that wants them, on the same cache, has every profile a full run has.
#[test]
fn a_run_without_profiles_has_the_same_findings_and_leaves_no_stale_profile() {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), dir.path());
    let with = options(dir.path(), Lang::Es);
    let without = CheckOptions {
        no_profiles: true,
        ..with.clone()
    };
    let mut cache = RunCache::default();
    let progress = Progress::default();
    let first = alinea::check_incremental(&with, &progress, &mut cache).unwrap();
    assert!(!first.report.profiles.is_empty());

    // An edit that changes a profile, seen by a run without profiles.
    let pei = dir.path().join("regional/san-martin/pei-2024-2028.yaml");
    let text = std::fs::read_to_string(&pei).unwrap();
    std::fs::write(&pei, text.replacen("code: OEI.01", "code: OEI.91", 1)).unwrap();
    let quiet = alinea::check_incremental(&without, &progress, &mut cache).unwrap();
    assert!(quiet.report.profiles.is_empty());
    let full = alinea::check(&with).unwrap();
    assert_eq!(quiet.report.findings, full.report.findings);
    assert_eq!(quiet.report.waived, full.report.waived);

    let back = alinea::check_incremental(&with, &progress, &mut cache).unwrap();
    assert_eq!(json(&back), json(&full));
}

#[test]
fn a_repository_of_more_plans_than_an_evaluation_piece_reports_as_plan_by_plan() {
    // A full check evaluates the rules over pieces of the plans (96 plans each), in parallel;
    // the incremental run evaluates each rule plan by plan. 300 copies of a PEI, each with its own
    // id, put the sample plans across four pieces: the two reports are the same, and every
    // copy has its findings.
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), dir.path());
    let pei = std::fs::read_to_string("plans/local/moyobamba/pei-2025-2027.yaml").unwrap();
    assert!(pei.contains("id: pei-mp-moyobamba-2025-2027"));
    let copies = dir.path().join("local/copies");
    std::fs::create_dir_all(&copies).unwrap();
    for n in 0..300 {
        let copy = pei.replacen(
            "id: pei-mp-moyobamba-2025-2027",
            &format!("id: pei-copy-{n:03}"),
            1,
        );
        std::fs::write(copies.join(format!("pei-{n:03}.yaml")), copy).unwrap();
    }
    let options = options(dir.path(), Lang::En);
    let full = alinea::check(&options).unwrap();
    assert!(full.report.plans > 300, "{} plans", full.report.plans);
    let mut cache = RunCache::default();
    let incremental =
        alinea::check_incremental(&options, &Progress::default(), &mut cache).unwrap();
    assert_eq!(json(&full), json(&incremental));
    let findings_of = |plan: &str| {
        full.report
            .findings
            .iter()
            .filter(|finding| finding.plan == plan)
            .count()
    };
    let (first, last) = (findings_of("pei-copy-000"), findings_of("pei-copy-299"));
    assert!(first > 0, "the first copy has findings");
    assert_eq!(first, last, "every copy has the same findings");
}
