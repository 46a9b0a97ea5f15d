//! The documentation: the rule reference is generated from the rules, the examples of
//! the plan format and of the rule language pages (English and Spanish) run, links lead
//! somewhere, and no file points at material that is not in the repository.

use std::path::{Path, PathBuf};

use alinea::i18n::Lang;

fn default_rules() -> Vec<alinea::dsl::CheckedRule> {
    let mut sources = alinea::source::SourceDb::new();
    alinea::load_rules(&alinea::CheckOptions::default(), &mut sources)
        .expect("the default pack compiles")
}

#[test]
fn the_rule_reference_is_generated_from_the_rules() {
    let rules = default_rules();
    for lang in Lang::ALL {
        let generated = alinea::docs::rule_reference(&rules, lang);
        let path = Path::new(alinea::docs::reference_page(lang));
        if std::env::var_os("ALINEA_BLESS").is_some_and(|v| v == "1") {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &generated).unwrap();
            continue;
        }
        let written = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            written == generated,
            "{} is not the reference generated from the rules and the built-in checks; \
             regenerate it with `ALINEA_BLESS=1 cargo test --test it docs` and review the diff",
            path.display()
        );
        // One section per built-in check and per rule, and a row of the table linking to it.
        let listed = alinea::docs::listed(&rules, lang);
        assert_eq!(listed.len(), alinea::BUILTIN_CHECKS.len() + rules.len());
        for rule in &listed {
            let heading = format!("\n### {}\n", rule.id);
            assert_eq!(
                generated.matches(&heading).count(),
                1,
                "{} has no section of its own",
                rule.id
            );
            assert!(
                generated.contains(&format!("| [{}](#{}) |", rule.id, rule.anchor())),
                "{} is missing from the table",
                rule.id
            );
            assert!(
                generated.contains(&format!("**`{}`**: {}\n", rule.slug, rule.title)),
                "the title of {} is missing",
                rule.id
            );
            for (label, body) in &rule.sections {
                assert!(
                    generated.contains(&format!("**{label}:** {body}\n")),
                    "the section `{label}` of {} is missing",
                    rule.id
                );
            }
            if !rule.builtin {
                assert!(
                    generated.contains(&format!("rule {} {} {{", rule.id, rule.slug)),
                    "the text of {} is missing",
                    rule.id
                );
            }
        }
    }
    let english = alinea::docs::rule_reference(&rules, Lang::En);
    assert!(english.contains(&format!(
        "alinea runs {} checks: {} checks built into alinea and {} rules",
        alinea::BUILTIN_CHECKS.len() + rules.len(),
        alinea::BUILTIN_CHECKS.len(),
        rules.len()
    )));
    let spanish = alinea::docs::rule_reference(&rules, Lang::Es);
    assert!(spanish.contains(&format!(
        "alinea ejecuta {} verificaciones: {} verificaciones integradas en alinea y {} reglas",
        alinea::BUILTIN_CHECKS.len() + rules.len(),
        alinea::BUILTIN_CHECKS.len(),
        rules.len()
    )));
    // The Spanish page is Spanish: its labels and every section of the default pack.
    for label in alinea::dsl::SECTIONS {
        assert!(
            !spanish.contains(&format!("**{label}:**")),
            "an English section `{label}` in the Spanish reference"
        );
    }
    assert!(spanish.contains("| id | nombre | severidad | pilar | título |"));
}

#[test]
fn rules_list_prints_the_reference_as_markdown() {
    for lang in Lang::ALL {
        let output = std::process::Command::new(crate::binary())
            .args([
                "rules",
                "list",
                "--format",
                "markdown",
                "--lang",
                lang.as_str(),
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        let printed = String::from_utf8(output.stdout).unwrap();
        assert_eq!(
            printed,
            alinea::docs::rule_reference(&default_rules(), lang)
        );
    }
}

#[test]
fn explain_of_a_built_in_check_names_something_a_user_can_open() {
    let output = std::process::Command::new(crate::binary())
        .args(["explain", "LOAD-01"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "source    alinea itself (reference: {}#load-01",
            alinea::docs::REFERENCE_PAGE
        )),
        "{text}"
    );
    assert!(!text.contains(".md)"), "{text}");
    // In Spanish it names the Spanish reference, which exists and has the check's section.
    let output = std::process::Command::new(crate::binary())
        .args(["explain", "LOAD-01", "--lang", "es"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let page = alinea::docs::reference_page(Lang::Es);
    assert!(
        text.contains(&format!(
            "fuente     el propio alinea (referencia: {page}#load-01 en el repositorio de alinea)"
        )),
        "{text}"
    );
    let reference = std::fs::read_to_string(page).unwrap();
    assert!(
        reference.contains("\n### LOAD-01\n"),
        "{page} has no LOAD-01"
    );
}

/// The fenced blocks of a Markdown file whose info string is `info`.
fn blocks(markdown: &str, info: &str) -> Vec<String> {
    let mut found = Vec::new();
    // The block being read: whether it is wanted, and its text.
    let mut open: Option<(bool, String)> = None;
    for line in markdown.lines() {
        let fence = line.trim_start().starts_with("```");
        match (&mut open, fence) {
            (None, true) => {
                let wanted = line.trim_start().trim_start_matches('`').trim() == info;
                open = Some((wanted, String::new()));
            }
            (Some(_), true) => {
                if let Some((true, text)) = open.take() {
                    found.push(text);
                }
            }
            (Some((_, text)), false) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, false) => {}
        }
    }
    found
}

/// The rule language page in each language.
const RULE_LANGUAGE_PAGES: [&str; 2] = ["docs/rule-language.md", "docs/es/lenguaje-de-reglas.md"];

#[test]
fn every_rule_file_of_the_rule_language_pages_compiles() {
    for name in RULE_LANGUAGE_PAGES {
        let page = std::fs::read_to_string(name).unwrap();
        let files = blocks(&page, "rule");
        assert!(!files.is_empty(), "{name} shows no complete rule file");
        for (index, text) in files.iter().enumerate() {
            let mut sources = alinea::source::SourceDb::new();
            let source = alinea::dsl::RuleSource {
                path: PathBuf::from(format!("{name}#example-{}", index + 1)),
                text: text.clone(),
                default_pack: false,
            };
            let (rules, errors) = alinea::dsl::compile(vec![source], &mut sources, Lang::En);
            assert!(
                errors.is_empty(),
                "example {} of {name} does not compile: {errors:?}\n{text}",
                index + 1
            );
            assert!(!rules.is_empty() || text.contains("let ") || text.contains("def "));
        }
    }
}

#[test]
fn the_rule_cases_of_the_rule_language_pages_pass() {
    for name in RULE_LANGUAGE_PAGES {
        rule_cases_of_the_page_pass(name);
    }
}

/// Compiles the `rule` blocks of a rule language page and runs its case files (YAML blocks
/// whose first line is a comment naming the case's path) against them.
fn rule_cases_of_the_page_pass(name: &str) {
    let page = std::fs::read_to_string(name).unwrap();
    let files = blocks(&page, "rule")
        .into_iter()
        .enumerate()
        .map(|(index, text)| alinea::dsl::RuleSource {
            path: PathBuf::from(format!("{name}#example-{}", index + 1)),
            text,
            default_pack: false,
        })
        .collect();
    let mut sources = alinea::source::SourceDb::new();
    let (rules, errors) = alinea::dsl::compile(files, &mut sources, Lang::En);
    assert!(errors.is_empty(), "{errors:?}");
    // A case file is a YAML block whose first line is a comment naming its path.
    let cases: Vec<(PathBuf, String)> = blocks(&page, "yaml")
        .into_iter()
        .filter_map(|text| {
            let path = PathBuf::from(text.lines().next()?.strip_prefix("# ")?.trim());
            let is_yaml = path.extension().is_some_and(|e| e == "yaml");
            is_yaml.then(|| (path, text.clone()))
        })
        .collect();
    assert!(!cases.is_empty(), "{name} shows no case");
    let known: Vec<String> = rules.iter().map(|r| r.meta().id.clone()).collect();
    let as_of = alinea::plan::model::Date::parse("2026-11-26").unwrap();
    for case in alinea::cases::group(cases, &known) {
        assert!(case.rule.is_some(), "{} names no rule", case.name);
        let result = alinea::cases::run(&case, &rules, as_of, Lang::En);
        assert!(
            result.passed(),
            "{name}, {}: missing {:?}, unexpected {:?}",
            case.name,
            result.missing,
            result.unexpected
        );
    }
}

#[test]
fn the_complete_example_of_the_plan_format_is_clean() {
    complete_example_is_clean("docs/plan-format.md");
}

#[test]
fn the_complete_example_of_the_spanish_plan_format_is_clean() {
    complete_example_is_clean("docs/es/formato-de-planes.md");
}

/// Writes the `# file:` examples of a plan format page into a folder and checks it: every
/// file is a plan, and the default pack reports nothing (the page says so).
fn complete_example_is_clean(name: &str) {
    let page = std::fs::read_to_string(name).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut written = 0;
    for block in blocks(&page, "yaml") {
        let Some(name) = block
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("# file: "))
        else {
            continue;
        };
        let path = dir.path().join(name.trim());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &block).unwrap();
        written += 1;
    }
    assert!(written > 0, "{name} has no `# file:` example");
    let run = crate::run_with_rules(&[dir.path()], "2026-11-26");
    let findings: Vec<String> = run
        .report
        .findings
        .iter()
        .map(|f| format!("{} {} {}: {}", f.rule, f.plan, f.element, f.message))
        .collect();
    assert!(findings.is_empty(), "{name}: {findings:#?}");
    assert_eq!(run.report.plans, written, "{name}");
}

/// Every file of the repository (the build's `target/` and git's files left out).
fn repository_files() -> Vec<PathBuf> {
    walkdir::WalkDir::new(".")
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let name = entry.file_name().to_string_lossy();
            // Build output and what the fuzzers write (all ignored by git).
            let fuzz_output = entry.path().starts_with("./fuzz")
                && ["target", "corpus", "seeds", "artifacts", "coverage"].contains(&&*name);
            !(name == ".git" || (entry.depth() == 1 && name == "target") || fuzz_output)
        })
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect()
}

#[test]
fn no_file_points_at_material_outside_the_repository() {
    // Spelt in two halves so that this file does not match itself.
    let needles = [format!("{}/shared", ".."), format!("shared/{}", "spec")];
    let mut offenders = Vec::new();
    for path in repository_files() {
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for needle in &needles {
            if text.contains(needle.as_str()) {
                offenders.push(format!("{}: `{needle}`", path.display()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "these files point at documents that are not in the repository (write the docs under \
         docs/ or cite the public source instead):\n{}",
        offenders.join("\n")
    );
}

#[test]
fn every_relative_link_of_the_documentation_leads_to_a_file() {
    let mut pages = vec![
        PathBuf::from("README.md"),
        PathBuf::from("README.es.md"),
        PathBuf::from("plans/README.md"),
    ];
    for folder in ["docs", "docs/es"] {
        pages.extend(
            std::fs::read_dir(folder)
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .filter(|path| path.extension().is_some_and(|e| e == "md")),
        );
    }
    assert!(
        pages.iter().any(|page| page.starts_with("docs/es")),
        "docs/es has no page"
    );
    let mut broken = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for (_, rest) in text.match_indices("](").map(|(i, _)| text.split_at(i + 2)) {
            let Some(target) = rest.split(')').next() else {
                continue;
            };
            let file = target.split('#').next().unwrap_or("");
            if file.is_empty() || file.contains("://") || file.starts_with("mailto:") {
                continue;
            }
            let resolved = page.parent().unwrap_or(Path::new("")).join(file);
            if !resolved.exists() {
                broken.push(format!("{}: `{target}`", page.display()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// A generated table embedded in a page, between `<!-- {name}:begin -->` and its end marker.
fn embedded(page: &str, name: &str) -> Option<(usize, usize)> {
    let open = format!("<!-- {name}:begin -->\n");
    let begin = page.find(&open)? + open.len();
    let end = page.find(&format!("<!-- {name}:end -->"))?;
    (begin <= end).then_some((begin, end))
}

/// Checks that the table between a page's `marker` markers is `generated` (with
/// `ALINEA_BLESS` set, writes it there instead).
fn generated_table(name: &str, marker: &str, generated: &str) {
    let page = std::fs::read_to_string(name).unwrap();
    let (begin, end) = embedded(&page, marker).expect("the page has the markers");
    if std::env::var_os("ALINEA_BLESS").is_some() {
        let mut fresh = page.clone();
        fresh.replace_range(begin..end, generated);
        std::fs::write(name, fresh).unwrap();
        return;
    }
    assert!(
        page.get(begin..end) == Some(generated),
        "{name}: the {marker} table is not the one the field table declares; regenerate it with ALINEA_BLESS=1 cargo test --test it docs"
    );
}

#[test]
fn the_key_table_of_the_plan_format_pages_is_generated_from_the_field_table() {
    for (name, lang) in [
        ("docs/plan-format.md", Lang::En),
        ("docs/es/formato-de-planes.md", Lang::Es),
    ] {
        let generated = alinea::docs::key_reference(lang);
        generated_table(name, "keys", &generated);
        // Keys a planner writes in CEPLAN's matrices are in it.
        for spanish in [
            "`codigo`",
            "`articulacion`",
            "`linea_base`",
            "`año`",
            "`excepciones`",
        ] {
            assert!(generated.contains(spanish), "{name}: {spanish}");
        }
    }
}

#[test]
fn the_checks_of_the_profile_pages_are_generated_from_the_profile() {
    let pack = default_rules();
    for (name, lang) in [
        ("docs/profile.md", Lang::En),
        ("docs/es/perfil.md", Lang::Es),
    ] {
        let generated = alinea::docs::profile_reference(&pack, lang);
        generated_table(name, "checks", &generated);
        for check in alinea::profile::CHECKS {
            assert!(
                generated.contains(&format!("`{}`", check.id)),
                "{}",
                check.id
            );
        }
        // Every rule of the pack that names a check is listed with it.
        assert!(generated.contains("ART-01, REF-01, REF-02"), "{generated}");
    }
}

#[test]
fn the_field_reference_of_the_rule_language_pages_is_generated_from_the_schema() {
    for (name, lang) in [
        ("docs/rule-language.md", Lang::En),
        ("docs/es/lenguaje-de-reglas.md", Lang::Es),
    ] {
        let generated = alinea::docs::field_reference(lang);
        generated_table(name, "fields", &generated);
        // Every declared field is in the table.
        for object in alinea::dsl::schema::ObjType::ALL {
            for (field, _, _) in alinea::dsl::schema::fields(object) {
                assert!(generated.contains(&format!("`{field}`")), "{field}");
            }
        }
    }
}

#[test]
fn the_limits_table_of_the_readmes_is_generated_from_the_constants() {
    for (name, lang) in [("README.md", Lang::En), ("README.es.md", Lang::Es)] {
        let generated = alinea::docs::limits_reference(lang);
        generated_table(name, "limits", &generated);
        for constant in [
            "MAX_FILE_BYTES",
            "MAX_NODES",
            "MAX_DEPTH",
            "MAX_ALIAS_NODES",
            "MAX_UNKNOWN_KEYS",
            "MAX_EXPR_DEPTH",
            "MAX_INLINED",
            "MAX_CELLS",
        ] {
            assert!(generated.contains(constant), "{name}: {constant}");
        }
    }
    // The English table quotes the messages the hostile corpus gets.
    let english = alinea::docs::limits_reference(Lang::En);
    for message in [
        "the file is too large (N MiB; the limit is 16 MiB)",
        "nesting deeper than 64 levels",
        "aliases expand to more than 10000 values",
        "expression nested deeper than 200 levels",
        "expanding `f` goes past 10000 `def` calls in this rule",
    ] {
        assert!(english.contains(message), "{message}\n{english}");
    }
}
