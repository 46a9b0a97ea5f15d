//! Replays through the fuzz targets' own code (`alinea::fuzz`) every input the fuzzers
//! found a bug with (`fuzz/regressions/<target>/`), and the shipped plans and rules, which
//! seed them.

use std::path::Path;

fn files(folder: &Path, extension: Option<&str>) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| {
            extension.is_none_or(|wanted| path.extension().is_some_and(|ext| ext == wanted))
        })
        .collect();
    files.sort();
    files
}

/// A fuzz target: its name and what it runs.
type Target = (&'static str, fn(&[u8]));

#[test]
fn the_inputs_the_fuzzers_found_no_longer_fail() {
    let targets: [Target; 3] = [
        ("yaml_loader", alinea::fuzz::yaml_loader),
        ("rule_language", alinea::fuzz::rule_language),
        ("whole_check", alinea::fuzz::whole_check),
    ];
    for (target, run) in targets {
        for file in files(&Path::new("fuzz/regressions").join(target), None) {
            eprintln!("{target}: {}", file.display());
            run(&std::fs::read(&file).unwrap());
        }
    }
}

#[test]
fn the_seeds_pass_through_every_target() {
    let plans = files(Path::new("plans"), Some("yaml"));
    assert!(plans.len() > 10);
    for plan in &plans {
        alinea::fuzz::yaml_loader(&std::fs::read(plan).unwrap());
    }
    let rules = files(Path::new("rules"), Some("rule"));
    assert!(rules.len() > 20);
    for rule in &rules {
        alinea::fuzz::rule_language(&std::fs::read(rule).unwrap());
    }
    // The San Martín chain as one repository.
    let chain: Vec<String> = [
        "national/pedn-2050.yaml",
        "regional/san-martin/pdrc-2030.yaml",
        "regional/san-martin/pei-2024-2028.yaml",
        "regional/san-martin/poi-2025-2027.yaml",
    ]
    .iter()
    .map(|file| std::fs::read_to_string(Path::new("plans").join(file)).unwrap())
    .collect();
    alinea::fuzz::whole_check(chain.join(alinea::fuzz::FILE_SEPARATOR).as_bytes());
}
