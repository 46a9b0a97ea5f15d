//! Malformed and hostile files beside good plans: one LOAD finding each, with a line; every
//! good plan still checked; no panic.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::run;

const GOOD_PEDN: &str = "plan:
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
    #[cfg(unix)]
    std::os::unix::fs::symlink(".", root.join("loop")).unwrap();
    dir
}

#[test]
fn hostile_files_each_give_one_load_finding_and_good_plans_are_still_checked() {
    let dir = hostile_folder();
    let run = run(&[dir.path()]);
    let mut per_file: Vec<(String, String, usize)> = run
        .report
        .findings
        .iter()
        .map(|f| {
            let name = run
                .sources
                .file(f.span.file)
                .path()
                .strip_prefix(dir.path())
                .unwrap()
                .display()
                .to_string();
            (name, f.rule.clone(), run.sources.start(f.span).line)
        })
        .collect();
    per_file.sort();
    let expected = [
        ("alias-bomb.yaml", "LOAD-01", 6),
        ("deep-block.yaml", "LOAD-01", 3),
        ("deep-flow.yaml", "LOAD-01", 1),
        ("huge.yaml", "LOAD-03", 1),
        ("latin1.yaml", "LOAD-03", 3),
        ("loop", "LOAD-03", 1),
        ("malformed.yaml", "LOAD-01", 4),
        ("unknown-enum.yaml", "LOAD-02", 4),
        ("unknown-key.yaml", "LOAD-02", 4),
        ("wrong-type.yaml", "LOAD-02", 6),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(f, r, l)| ((*f).to_owned(), (*r).to_owned(), *l))
        .collect();
    assert_eq!(per_file, expected);
    // The two good plans and the three plans whose errors are only schema errors.
    let mut ids: Vec<_> = run
        .graph
        .plans
        .iter()
        .map(|p| p.id.value.as_str())
        .collect();
    ids.sort_unstable();
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
    assert_eq!(
        message("alias-bomb.yaml"),
        "aliases expand to more than 10000 values"
    );
    assert_eq!(message("deep-block.yaml"), "nesting deeper than 64 levels");
    assert_eq!(message("latin1.yaml"), "the file is not UTF-8 (byte 0xF3)");
    assert_eq!(
        message("huge.yaml"),
        "the file is too large (16 MiB; the limit is 16 MiB)"
    );
    assert!(
        message("loop").starts_with("symbolic link loop: "),
        "{}",
        message("loop")
    );
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
    let messages: Vec<&str> = run
        .report
        .findings
        .iter()
        .filter(|f| {
            run.sources
                .file(f.span.file)
                .path()
                .ends_with("many-keys.yaml")
        })
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
