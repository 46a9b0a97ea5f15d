//! Embeds the default rule pack (`rules/**/*.rule`), its fixture cases
//! (`tests/fixtures/rules/**`) and the text catalogues (`src/i18n/**/*.ftl`) into the binary, so that `alinea check`,
//! `alinea explain` and `alinea rules test` work from any folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=tests/fixtures/rules");
    println!("cargo:rerun-if-changed=src/i18n");
    embed(
        &root,
        "rules",
        &["rule"],
        &out.join("default_rules.rs"),
        "DEFAULT_RULES",
    );
    embed(
        &root,
        "src/i18n",
        &["ftl"],
        &out.join("catalogues.rs"),
        "CATALOGUES",
    );
    embed(
        &root,
        "tests/fixtures/rules",
        &["yaml", "yml"],
        &out.join("rule_cases.rs"),
        "RULE_CASES",
    );
}

fn embed(root: &Path, folder: &str, extensions: &[&str], target: &Path, name: &str) {
    let mut files = Vec::new();
    collect(&root.join(folder), extensions, &mut files);
    files.sort();
    let mut code = format!(
        "/// Embedded files: (path relative to the crate, contents).\npub static {name}: &[(&str, &str)] = &[\n"
    );
    for file in files {
        let relative = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        let absolute = file.to_string_lossy().replace('\\', "/");
        let _ = writeln!(code, "    ({relative:?}, include_str!({absolute:?})),");
    }
    code.push_str("];\n");
    if std::fs::write(target, code).is_err() {
        println!("cargo:warning=cannot write {}", target.display());
    }
}

fn collect(dir: &Path, extensions: &[&str], files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, extensions, files);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            files.push(path);
        }
    }
}
