//! Malformed and hostile files beside good plans: one LOAD finding each, with a line; every
//! good plan still checked; no panic.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::run;

pub(crate) const GOOD_PEDN: &str = "plan:
  id: pedn-2050
  kind: pedn
  title: PEDN al 2050
  entity: {name: CEPLAN, type: other, level: national}
  period: {start: 2022, end: 2050}
objectives:
  - {code: ON1, statement: Alcanzar el pleno desarrollo de las capacidades de las personas}
";

const GOOD_PDRC: &str = "plan:
  id: pdrc-san-martin-2030
  kind: pdrc
  title: PDRC San Martín al 2030
  entity: {name: Gobierno Regional San Martín, type: regional-government, level: regional, territory: \"22\"}
  period: {start: 2019, end: 2030}
objectives:
  - {code: OET.2, statement: Mejorar el acceso a servicios, traces_to: [pedn-2050/ON1]}
";

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    fs::write(dir.join(name), contents).unwrap();
}

fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "good-pedn.yaml", GOOD_PEDN);
    fs::create_dir(root.join("regional")).unwrap();
    write(&root.join("regional"), "good-pdrc.yaml", GOOD_PDRC);
    write(
        root,
        "malformed.yaml",
        "plan:\n  id: x\n  kind: pei\n   title: bad\n",
    );
    write(
        root,
        "wrong-type.yaml",
        GOOD_PDRC
            .replace("period: {start: 2019, end: 2030}", "period: 2019")
            .replace("pdrc-san-martin-2030", "pdrc-wrong-type"),
    );
    write(
        root,
        "unknown-key.yaml",
        GOOD_PEDN
            .replace("title:", "titel:")
            .replace("pedn-2050", "pedn-unknown-key"),
    );
    write(
        root,
        "unknown-enum.yaml",
        GOOD_PEDN
            .replace("kind: pedn", "kind: pedn\n  status: vigente")
            .replace("pedn-2050", "pedn-unknown-enum"),
    );
    let mut bomb = String::from(
        "plan: {id: bomb, kind: pei}\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for level in 1..10 {
        let aliases = vec![format!("*a{}", level - 1); 9].join(", ");
        writeln!(bomb, "a{level}: &a{level} [{aliases}]").unwrap();
    }
    write(root, "alias-bomb.yaml", bomb);
    write(
        root,
        "deep-block.yaml",
        format!("plan:\n  nested:\n{}x\n", "  - ".repeat(100_000)),
    );
    write(
        root,
        "deep-flow.yaml",
        format!("plan: {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
    );
    write(
        root,
        "latin1.yaml",
        b"plan:\n  id: latin1\n  title: Planificaci\xf3n\n",
    );
    let huge = fs::File::create(root.join("huge.yaml")).unwrap();
    huge.set_len(alinea::source::MAX_FILE_BYTES + 1).unwrap();
    // 50 MB: refused from its size, before a byte of it is read.
    let fifty = fs::File::create(root.join("fifty-mb.yaml")).unwrap();
    fifty.set_len(50 * 1024 * 1024).unwrap();
    // One line of 10 MB (under the size limit), a double-quoted title never closed.
    write(
        root,
        "long-line.yaml",
        format!(
            "plan:\n  id: long-line\n  kind: pedn\n  title: \"{}\n",
            "a".repeat(10 * 1024 * 1024)
        ),
    );
    write(
        root,
        "utf16-bom.yaml",
        utf16le(true, "plan:\n  id: utf16-bom\n"),
    );
    write(root, "utf16.yaml", utf16le(false, "plan:\n  id: utf16\n"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(".", root.join("loop")).unwrap();
        std::os::unix::fs::symlink("nowhere.yaml", root.join("dangling.yaml")).unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.yaml"))
            .status()
            .unwrap();
        assert!(status.success());
    }
    dir
}

/// UTF-16 (little-endian) bytes of `text`, with or without the byte order mark.
fn utf16le(bom: bool, text: &str) -> Vec<u8> {
    let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

/// `(file under root, rule, line)` for every finding, sorted.
fn per_file(run: &alinea::Run, root: &Path) -> Vec<(String, String, usize)> {
    let mut found: Vec<_> = run
        .report
        .findings
        .iter()
        .map(|f| {
            let path = run.sources.file(f.span.file).path();
            let name = path.strip_prefix(root).unwrap().display().to_string();
            (name, f.rule.clone(), run.sources.start(f.span).line)
        })
        .collect();
    found.sort();
    found
}

/// The findings in the file whose path ends with `name`.
fn findings_in<'a>(
    run: &'a alinea::Run,
    name: &'a str,
) -> impl Iterator<Item = &'a alinea::report::Finding> {
    run.report
        .findings
        .iter()
        .filter(move |f| run.sources.file(f.span.file).path().ends_with(name))
}

/// The ids of the plans loaded, sorted.
fn plan_ids(run: &alinea::Run) -> Vec<String> {
    let mut ids: Vec<_> = run
        .graph
        .plans
        .iter()
        .map(|p| p.id.value.to_string())
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn hostile_files_each_give_one_load_finding_and_good_plans_are_still_checked() {
    let dir = hostile_folder();
    let run = run(&[dir.path()]);
    let per_file = per_file(&run, dir.path());
    let expected = [
        ("alias-bomb.yaml", "LOAD-01", 6),
        ("dangling.yaml", "LOAD-03", 1),
        ("deep-block.yaml", "LOAD-01", 3),
        ("deep-flow.yaml", "LOAD-01", 1),
        ("fifty-mb.yaml", "LOAD-03", 1),
        ("huge.yaml", "LOAD-03", 1),
        ("latin1.yaml", "LOAD-03", 3),
        ("long-line.yaml", "LOAD-01", 4),
        ("loop", "LOAD-03", 1),
        ("malformed.yaml", "LOAD-01", 4),
        ("pipe.yaml", "LOAD-03", 1),
        ("unknown-enum.yaml", "LOAD-02", 4),
        ("unknown-key.yaml", "LOAD-02", 4),
        ("utf16-bom.yaml", "LOAD-03", 1),
        ("utf16.yaml", "LOAD-03", 1),
        ("wrong-type.yaml", "LOAD-02", 6),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(f, r, l)| ((*f).to_owned(), (*r).to_owned(), *l))
        .collect();
    assert_eq!(per_file, expected);
    // The two good plans and the three plans whose errors are only schema errors.
    let ids = plan_ids(&run);
    assert_eq!(
        ids,
        [
            "pdrc-san-martin-2030",
            "pdrc-wrong-type",
            "pedn-2050",
            "pedn-unknown-enum",
            "pedn-unknown-key"
        ]
    );
}

#[test]
fn the_messages_say_what_limit_was_hit() {
    let dir = hostile_folder();
    let run = run(&[dir.path()]);
    let message = |file: &str| {
        run.report
            .findings
            .iter()
            .find(|f| run.sources.file(f.span.file).path().ends_with(file))
            .map(|f| f.message.clone())
            .unwrap()
    };
    // UTF-16 is named as such, with or without its byte order mark.
    for (file, expected) in [
        (
            "alias-bomb.yaml",
            "aliases expand to more than 10000 values",
        ),
        ("deep-block.yaml", "nesting deeper than 64 levels"),
        ("latin1.yaml", "the file is not UTF-8 (byte 0xF3)"),
        (
            "huge.yaml",
            "the file is too large (16 MiB; the limit is 16 MiB)",
        ),
        (
            "fifty-mb.yaml",
            "the file is too large (50 MiB; the limit is 16 MiB)",
        ),
        ("long-line.yaml", "unclosed `\"`"),
        ("utf16-bom.yaml", "the file is UTF-16; plan files are UTF-8"),
        ("utf16.yaml", "the file is UTF-16; plan files are UTF-8"),
        ("dangling.yaml", "cannot be read: no such file or directory"),
    ] {
        assert_eq!(message(file), expected, "{file}");
    }
    for (file, start) in [
        ("loop", "symbolic link loop: "),
        ("pipe.yaml", "not a regular file (a named pipe"),
    ] {
        assert!(message(file).starts_with(start), "{}", message(file));
    }
}

/// A small deterministic pseudo-random generator (xorshift), so the mutations are the same on every run.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % (bound.max(1) as u64)).unwrap()
    }
}

#[test]
fn randomly_mutated_plans_never_crash_the_pipeline() {
    let originals: Vec<(String, Vec<u8>)> = [
        "plans/regional/san-martin/pei-2024-2028.yaml",
        "plans/regional/san-martin/poi-2025-2027.yaml",
        "plans/local/moyobamba/pdlc-2022-2030.yaml",
    ]
    .iter()
    .map(|p| ((*p).to_owned(), fs::read(p).unwrap()))
    .collect();
    let pieces: [&[u8]; 12] = [
        b":", b"- ", b"{", b"}", b"[", b"]", b"&a ", b"*a", b"\n  ", b"\"", b"\xff", b"null",
    ];
    let mut random = Xorshift(0x5eed_1234_abcd_0001);
    let mut sources = alinea::source::SourceDb::new();
    let rules = alinea::load_rules(&alinea::CheckOptions::default(), &mut sources).unwrap();
    for round in 0..300 {
        let dir = tempfile::tempdir().unwrap();
        for (path, bytes) in &originals {
            let mut bytes = bytes.clone();
            for _ in 0..=random.next(6) {
                let at = random.next(bytes.len());
                match random.next(3) {
                    0 => {
                        let end = (at + random.next(40)).min(bytes.len());
                        bytes.drain(at..end);
                    }
                    1 => {
                        let piece = pieces[random.next(pieces.len())];
                        bytes.splice(at..at, piece.iter().copied());
                    }
                    _ => {
                        let from = random.next(bytes.len());
                        let len = random.next(60).min(bytes.len() - from);
                        let copy: Vec<u8> = bytes[from..from + len].to_vec();
                        bytes.splice(at..at, copy);
                    }
                }
            }
            let name = Path::new(path).file_name().unwrap();
            fs::write(dir.path().join(name), bytes).unwrap();
        }
        // The whole pipeline, rules included: it must come back with findings, never panic.
        let inputs = alinea::discover::discover(&[dir.path().to_path_buf()]).unwrap();
        let mut sources = alinea::source::SourceDb::new();
        let loaded = alinea::plan::load(&inputs, &mut sources, alinea::i18n::Lang::En);
        let (graph, _) = alinea::graph::build(loaded.plans);
        let findings = alinea::eval::evaluate(&rules, &graph, alinea::i18n::Lang::En);
        assert!(loaded.files <= 3, "round {round}");
        drop(findings);
    }
}

#[test]
fn a_mapping_of_100000_keys_gives_a_bounded_list_of_findings() {
    // Duplicate-key detection indexes long mappings (it was quadratic: 22 s for this file),
    // and unknown keys past the first few are counted in one finding.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("plan:\n  id: many-keys\n  kind: pedn\n");
    for key in 0..100_000 {
        writeln!(text, "  k{key}: v").unwrap();
        if key % 10_000 == 0 {
            // The same key again, later in the mapping.
            writeln!(text, "  k0: again").unwrap();
        }
    }
    write(dir.path(), "many-keys.yaml", &text);
    write(
        dir.path(),
        "good-pedn.yaml",
        GOOD_PEDN.replace("pedn-2050", "pedn-good"),
    );
    let run = run(&[dir.path()]);
    let messages: Vec<&str> = findings_in(&run, "many-keys.yaml")
        .map(|f| f.message.as_str())
        .collect();
    let duplicated = messages.iter().filter(|m| m.contains("duplicated")).count();
    let unknown = messages
        .iter()
        .filter(|m| m.starts_with("unknown key"))
        .count();
    // k0 comes back 10 times (the first time right after itself).
    assert_eq!(duplicated, 10, "{messages:?}");
    assert_eq!(unknown, alinea::plan::MAX_UNKNOWN_KEYS, "{messages:?}");
    assert!(
        messages.contains(&"99980 more unknown keys in the plan header, not listed one by one"),
        "{messages:?}"
    );
    assert!(run.graph.plan_by_id("pedn-good").is_some());
}

#[test]
fn a_chain_of_30_defs_each_calling_the_next_twice_stops_at_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let mut rule = String::from("def d0(x) = x + 1\n");
    for level in 1..30 {
        writeln!(
            rule,
            "def d{level}(x) = d{}(x) + d{}(x)",
            level - 1,
            level - 1
        )
        .unwrap();
    }
    rule.push_str(
        "rule X-01 def-chain {\n  title \"a chain of defs\"\n  severity warning\n  pillar value\n\n  for i in indicators\n  require d29(1) > 0\n  message \"never\"\n}\n",
    );
    write(dir.path(), "chain.rule", &rule);
    write(dir.path(), "good-pedn.yaml", GOOD_PEDN);
    let outcome = alinea::check(&alinea::CheckOptions {
        paths: vec![dir.path().join("good-pedn.yaml")],
        rules: vec![dir.path().join("chain.rule")],
        ..alinea::CheckOptions::default()
    });
    let Err(alinea::CheckError::Rules { errors, .. }) = outcome else {
        panic!(
            "the chain should be refused: {:?}",
            outcome.map(|r| r.report.findings.len())
        );
    };
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [format!(
            "expanding `d0` goes past {} `def` calls in this rule",
            alinea::dsl::typeck::MAX_INLINED
        )]
    );
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_a_load_finding_beside_good_plans() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good-pedn.yaml", GOOD_PEDN);
    let locked = dir.path().join("locked.yaml");
    fs::write(&locked, GOOD_PEDN.replace("pedn-2050", "pedn-locked")).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // A folder that cannot be listed: the plans in it cannot be found.
    let closed = dir.path().join("closed");
    fs::create_dir(&closed).unwrap();
    write(
        &closed,
        "hidden.yaml",
        GOOD_PEDN.replace("pedn-2050", "pedn-hidden"),
    );
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads whatever the permissions say (the tests run as root in CI): then both are
    // plain plans, and only what can be asserted for root is.
    let permissions_bind = fs::File::open(&locked).is_err();
    let run = run(&[dir.path()]);
    let ids = plan_ids(&run);
    let found = per_file(&run, dir.path());
    if permissions_bind {
        assert_eq!(ids, ["pedn-2050"]);
        assert_eq!(
            found,
            [
                ("closed".to_owned(), "LOAD-03".to_owned(), 1),
                ("locked.yaml".to_owned(), "LOAD-03".to_owned(), 1),
            ]
        );
        assert!(
            run.report
                .findings
                .iter()
                .all(|f| f.message.contains("permission denied")),
            "{:?}",
            run.report.findings
        );
    } else {
        assert_eq!(ids, ["pedn-2050", "pedn-hidden", "pedn-locked"]);
        assert_eq!(found, []);
    }
    // Let the temporary folder be removed.
    fs::set_permissions(&closed, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_file_rewritten_while_it_is_read_gives_the_findings_of_the_text_that_was_read() {
    use std::io::Write as _;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let good = |root: &Path| {
        write(root, "good-pedn.yaml", GOOD_PEDN);
        fs::create_dir_all(root.join("regional")).unwrap();
        write(&root.join("regional"), "good-pdrc.yaml", GOOD_PDRC);
    };
    good(dir.path());
    // A plan, a file that does not parse, and a longer plan with a broken reference: every
    // prefix of each is ASCII, so whatever was read is UTF-8.
    let mut long = GOOD_PDRC.replace("pdrc-san-martin-2030", "pdrc-changing");
    for code in 3..400 {
        writeln!(
            long,
            "  - {{code: OET.{code}, statement: Objetivo {code}, traces_to: [pedn-2050/ON{code}]}}"
        )
        .unwrap();
    }
    let versions = [
        GOOD_PEDN.replace("pedn-2050", "pedn-changing"),
        "plan:\n  id: changing\n  kind: pei\n   title: bad\n".to_owned(),
        long,
    ];
    let path = dir.path().join("changing.yaml");
    fs::write(&path, &versions[0]).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (stop, path) = (Arc::clone(&stop), path.clone());
        std::thread::spawn(move || {
            let mut writes = 0usize;
            while !stop.load(Ordering::Relaxed) {
                // In place, in two halves: a reader can see the file empty, half written, whole.
                let text = versions[writes % versions.len()].as_bytes();
                let mut file = fs::OpenOptions::new()
                    .write(true)
                    .truncate(true)
                    .open(&path)
                    .unwrap();
                let (first, second) = text.split_at(text.len() / 2);
                file.write_all(first).unwrap();
                file.write_all(second).unwrap();
                writes += 1;
            }
            writes
        })
    };
    let in_changing = |run: &alinea::Run| -> Vec<(String, usize, String)> {
        let mut found: Vec<_> = findings_in(run, "changing.yaml")
            .map(|f| {
                (
                    f.rule.clone(),
                    run.sources.start(f.span).line,
                    f.message.clone(),
                )
            })
            .collect();
        found.sort();
        found
    };
    for round in 0..20 {
        let run = run(&[dir.path()]);
        assert!(run.graph.plan_by_id("pedn-2050").is_some(), "round {round}");
        assert!(
            run.graph.plan_by_id("pdrc-san-martin-2030").is_some(),
            "round {round}"
        );
        let read = run
            .sources
            .files()
            .find(|(_, file)| file.path().ends_with("changing.yaml"))
            .map(|(_, file)| file.text().to_owned())
            .unwrap();
        // The same text, read calmly beside the same plans, gives the same findings.
        let calm = tempfile::tempdir().unwrap();
        good(calm.path());
        write(calm.path(), "changing.yaml", &read);
        let calm_run = crate::run(&[calm.path()]);
        assert_eq!(
            in_changing(&run),
            in_changing(&calm_run),
            "round {round}: {read:?}"
        );
    }
    stop.store(true, Ordering::Relaxed);
    assert!(writer.join().unwrap() > 0);
}

/// Checks `rule` (a rule file's text) with a good plan; returns the rule errors' messages and
/// lines.
fn rule_errors(rule: &str) -> Vec<(String, usize)> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hostile.rule", rule);
    write(dir.path(), "good-pedn.yaml", GOOD_PEDN);
    let outcome = alinea::check(&alinea::CheckOptions {
        paths: vec![dir.path().join("good-pedn.yaml")],
        rules: vec![dir.path().join("hostile.rule")],
        no_default_rules: true,
        ..alinea::CheckOptions::default()
    });
    let Err(alinea::CheckError::Rules { errors, sources }) = outcome else {
        unreachable!(
            "the rule file should be refused: {:?}",
            outcome.map(|r| r.report.findings.len())
        );
    };
    errors
        .iter()
        .map(|e| (e.message.clone(), sources.start(e.span).line))
        .collect()
}

/// A rule whose `require` is `expr`, on line 6.
fn rule_requiring(expr: &str) -> String {
    format!(
        "rule USR-09 deep {{\n  title \"deep\"\n  severity info\n  pillar value\n  for p in plans\n  require {expr}\n  message \"x\" at p\n}}\n"
    )
}

#[test]
fn a_rule_nested_10000_levels_is_a_located_rule_error() {
    let depth = 10_000;
    let too_deep = format!(
        "expression nested deeper than {} levels",
        alinea::dsl::parser::MAX_EXPR_DEPTH
    );
    for expr in [
        format!("{}true{}", "(".repeat(depth), ")".repeat(depth)),
        format!("{}1{} == [1]", "[".repeat(depth), "]".repeat(depth)),
        // Nesting written without brackets: prefix operators (comments between them too),
        // chains of binary operators and of field accesses; each one overflowed the stack.
        format!("{}true", "not ".repeat(depth)),
        format!("{}true", "not # a comment\n  ".repeat(depth)),
        format!("{}1 > 0", "- ".repeat(depth)),
        format!("true{}", " and true".repeat(depth)),
        format!("1{} > 0", " + 1".repeat(depth)),
        format!("p{} == 1", ".title".repeat(depth)),
        format!("p{} == 1", "[0]".repeat(depth)),
    ] {
        // The first line past the limit: the one with the 201st `not` when they are on
        // lines of their own.
        let line = if expr.contains('#') {
            6 + alinea::dsl::parser::MAX_EXPR_DEPTH
        } else {
            6
        };
        let errors = rule_errors(&rule_requiring(&expr));
        assert_eq!(errors, [(too_deep.clone(), line)], "{}", &expr[..40]);
    }
}

#[test]
fn a_rule_nested_up_to_the_limit_still_compiles_and_runs() {
    // On a test's thread (2 MiB of stack): the compiler runs on a stack of its own (a debug
    // build overflowed the binary's 8 MiB main thread at 80 brackets).
    // The rule's own `{` is one level.
    let depth = alinea::dsl::parser::MAX_EXPR_DEPTH - 1;
    for (expr, holds) in [
        (
            format!("{}true{}", "(".repeat(depth), ")".repeat(depth)),
            true,
        ),
        (format!("{}true", "not not ".repeat(depth / 2)), true),
        (format!("true{}", " and true".repeat(depth - 1)), true),
        (format!("0{} < 1", " + 0".repeat(depth - 1)), true),
        (format!("0{} > 1", " + 0".repeat(depth - 1)), false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "deep.rule", rule_requiring(&expr));
        write(dir.path(), "good-pedn.yaml", GOOD_PEDN);
        let run = alinea::check(&alinea::CheckOptions {
            paths: vec![dir.path().join("good-pedn.yaml")],
            rules: vec![dir.path().join("deep.rule")],
            no_default_rules: true,
            ..alinea::CheckOptions::default()
        })
        .unwrap();
        assert!(run.report.rule_docs.iter().any(|r| r.id == "USR-09"));
        // The requirement was evaluated on the plan: a finding exactly when it fails.
        let failed = run.report.findings.iter().any(|f| f.rule == "USR-09");
        assert_eq!(failed, !holds, "{}", &expr[..40]);
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_given_as_rules_or_configuration_is_refused_without_waiting_on_it() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["pipe.rule", "alinea.yaml"] {
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join(name))
            .status()
            .unwrap();
        assert!(status.success());
    }
    write(dir.path(), "good-pedn.yaml", GOOD_PEDN);
    // Opening a pipe with no writer would block forever: the runs end, with a usage error.
    for args in [
        vec!["--rules", "pipe.rule"],
        vec!["--config", "alinea.yaml"],
    ] {
        let output = std::process::Command::new(crate::binary())
            .arg("check")
            .arg("good-pedn.yaml")
            .args(&args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("not a regular file"), "{args:?}: {stderr}");
    }
}
