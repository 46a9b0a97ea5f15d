//! Rules in two languages: the default pack and the built-in checks are complete in Spanish,
//! a Spanish run says the same things in Spanish, a user's English-only rule falls back to
//! English, and the checker treats the Spanish texts exactly like the English ones.

use std::collections::BTreeMap;
use std::path::PathBuf;

use alinea::dsl::{CheckedRule, RuleSource, SECTIONS, SECTIONS_ES};
use alinea::i18n::Lang;

fn default_rules() -> Vec<CheckedRule> {
    let mut sources = alinea::source::SourceDb::new();
    alinea::load_rules(&alinea::CheckOptions::default(), &mut sources)
        .expect("the default pack compiles")
}

/// Runs the binary (wide and without colour, so that no message is wrapped or styled).
fn alinea(args: &[&str]) -> std::process::Output {
    std::process::Command::new(crate::binary())
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .output()
        .unwrap()
}

/// Compiles one rule file given as text: the rules, and the errors as `line: message`
/// (with the help, when there is one).
fn compile(text: &str, lang: Lang) -> (Vec<CheckedRule>, Vec<String>) {
    let mut sources = alinea::source::SourceDb::new();
    let source = RuleSource {
        path: PathBuf::from("mine.rule"),
        text: text.to_owned(),
        default_pack: false,
    };
    let (rules, errors) = alinea::dsl::compile(vec![source], &mut sources, lang);
    let errors = errors
        .iter()
        .map(|e| {
            let line = sources.start(e.span).line;
            let help = e
                .help
                .as_deref()
                .map_or_else(String::new, |h| format!(" ({h})"));
            format!("{line}: {}{help}", e.message)
        })
        .collect();
    (rules, errors)
}

/// A rule whose Spanish texts are `spanish` (lines written after the English `help`).
fn rule_with(spanish: &str) -> String {
    format!(
        "rule USR-09 my-rule {{\n  title \"Objective without a code\"\n  severity info\n  pillar value\n  \
         for o in objectives of pei\n  require o.code != \"\"\n  message \"{{o.code}} has no code\" at o\n  \
         help \"write a code\"\n{spanish}}}\n"
    )
}

#[test]
fn every_rule_of_the_default_pack_and_every_built_in_check_is_complete_in_spanish() {
    let rules = default_rules();
    assert!(!rules.is_empty());
    for rule in &rules {
        let meta = rule.meta();
        assert_eq!(
            rule.untranslated(),
            Vec::<String>::new(),
            "{} lacks Spanish texts",
            meta.id
        );
        // Every English section has its Spanish twin, and the Spanish differs from the English.
        for (english, spanish) in SECTIONS.iter().zip(SECTIONS_ES) {
            assert_eq!(
                meta.section(english).is_some(),
                meta.section(spanish).is_some(),
                "{}: `{english}` and `{spanish}`",
                meta.id
            );
            if let (Some(en), Some(es)) = (meta.section(english), meta.section(spanish))
                && !en.starts_with('`')
            {
                assert_ne!(en, es, "{}: `{spanish}` is the English text", meta.id);
            }
        }
        assert_ne!(meta.title_in(Lang::Es), meta.title, "{}", meta.id);
    }
    for check in alinea::BUILTIN_CHECKS {
        assert_ne!(check.title_es, check.title, "{}", check.id);
        let english = alinea::docs::builtin_listed(check, Lang::En);
        let spanish = alinea::docs::builtin_listed(check, Lang::Es);
        let labels = |listed: &alinea::docs::Listed| -> Vec<&str> {
            listed.sections.iter().map(|(label, _)| *label).collect()
        };
        let expected: Vec<&str> = labels(&english)
            .iter()
            .map(|label| {
                let index = SECTIONS.iter().position(|s| s == label).unwrap();
                SECTIONS_ES[index]
            })
            .collect();
        assert!(!expected.is_empty(), "{} has no documentation", check.id);
        assert_eq!(labels(&spanish), expected, "{}", check.id);
        for (_, text) in &spanish.sections {
            assert!(!text.is_empty(), "{}", check.id);
        }
    }
}

#[test]
fn rules_check_names_no_rule_of_the_default_pack() {
    let output = alinea(&["rules", "check", "--lang", "es"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains("español:"), "{text}");
}

/// `(rule, fingerprint, file, line, column)` and (message, help) of every finding of a JSON report.
type Findings = BTreeMap<(String, String, String, u64, u64), (String, Option<String>)>;

fn findings(lang: &str) -> Findings {
    let output = alinea(&[
        "check",
        "plans",
        "--format",
        "json",
        "--as-of",
        "2026-11-26",
        "--lang",
        lang,
    ]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let text =
        |f: &serde_json::Value, key: &str| f.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let number =
        |f: &serde_json::Value, key: &str| f.get(key).and_then(serde_json::Value::as_u64).unwrap();
    let all = report
        .get("findings")
        .and_then(serde_json::Value::as_array)
        .unwrap();
    all.iter()
        .map(|f| {
            (
                (
                    text(f, "rule").unwrap(),
                    text(f, "fingerprint").unwrap(),
                    text(f, "file").unwrap(),
                    number(f, "line"),
                    number(f, "column"),
                ),
                (text(f, "message").unwrap(), text(f, "help")),
            )
        })
        .collect()
}

#[test]
fn a_spanish_run_finds_the_same_things_and_says_them_in_spanish() {
    let english = findings("en");
    let spanish = findings("es");
    assert!(!english.is_empty());
    // Ids, fingerprints, files and places do not depend on the language.
    assert_eq!(
        english.keys().collect::<Vec<_>>(),
        spanish.keys().collect::<Vec<_>>()
    );
    let pack: Vec<String> = default_rules()
        .iter()
        .map(|r| r.meta().id.clone())
        .collect();
    let mut checked = 0;
    for (key, (message, help)) in &spanish {
        if !pack.contains(&key.0) {
            continue;
        }
        checked += 1;
        let (english_message, english_help) = english.get(key).unwrap();
        assert_ne!(message, english_message, "{key:?} is in English");
        assert_eq!(help.is_some(), english_help.is_some(), "{key:?}");
        assert_ne!(help, english_help, "{key:?}: the help is in English");
        for english_words in [
            "is not articulated",
            " has no ",
            "indicator `",
            " of a higher plan",
            "does not reach",
            "ascending",
            "descending",
            "list under",
        ] {
            assert!(!message.contains(english_words), "{key:?}: {message}");
            assert!(
                !help.as_deref().unwrap_or("").contains(english_words),
                "{key:?}: {help:?}"
            );
        }
    }
    assert!(checked > 0, "the sample plans have findings of the pack");
}

#[test]
fn explain_prints_the_spanish_sections_and_labels() {
    let output = alinea(&["explain", "ART-01", "--lang", "es"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let rules = default_rules();
    let meta = rules
        .iter()
        .map(CheckedRule::meta)
        .find(|m| m.id == "ART-01")
        .unwrap();
    assert!(
        text.starts_with(&format!(
            "ART-01 objective-not-articulated: {}\n",
            meta.title_in(Lang::Es)
        )),
        "{text}"
    );
    for label in SECTIONS_ES {
        assert!(text.contains(&format!("\n{label}:\n")), "{label}:\n{text}");
    }
    for label in SECTIONS {
        assert!(!text.contains(&format!("\n{label}:\n")), "{label}:\n{text}");
    }
    // The first words of each Spanish section are printed (the text is wrapped).
    for label in SECTIONS_ES {
        let section = meta.section(label).unwrap();
        let start: String = section
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&start), "{start}:\n{text}");
    }
    for field in ["severidad ", "pilar ", "fuente "] {
        assert!(text.contains(&format!("\n{field}")), "{field}:\n{text}");
    }
    assert!(text.contains("legitimidad"), "{text}");
    assert!(text.contains("\nRegla:\n"), "{text}");
}

#[test]
fn rules_list_in_spanish_keeps_the_keys_and_values_and_translates_the_titles() {
    let output = alinea(&["rules", "list", "--format", "json", "--lang", "es"]);
    assert_eq!(output.status.code(), Some(0));
    let listed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let english: serde_json::Value = serde_json::from_slice(
        &alinea(&["rules", "list", "--format", "json", "--lang", "en"]).stdout,
    )
    .unwrap();
    let listed = listed.as_array().unwrap();
    let english = english.as_array().unwrap();
    assert_eq!(listed.len(), english.len());
    let rules = default_rules();
    for (es, en) in listed.iter().zip(english) {
        let keys =
            |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(es), keys(en));
        for key in ["id", "slug", "severity", "pillar", "builtin"] {
            assert_eq!(es[key], en[key], "{key}");
        }
        let id = es["id"].as_str().unwrap();
        let title = rules
            .iter()
            .map(CheckedRule::meta)
            .find(|m| m.id == id)
            .map(|m| m.title_in(Lang::Es).to_owned())
            .or_else(|| {
                alinea::BUILTIN_CHECKS
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| c.title_es.to_owned())
            })
            .unwrap();
        assert_eq!(es["title"], title.as_str());
        assert_ne!(es["title"], en["title"], "{id}");
    }
}

#[test]
fn sarif_describes_the_rules_in_the_run_language() {
    let output = alinea(&[
        "check",
        "plans",
        "--format",
        "sarif",
        "--as-of",
        "2026-11-26",
        "--lang",
        "es",
    ]);
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let run = &log["runs"][0];
    assert_eq!(run["language"], "es");
    let rules = default_rules();
    let described = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(described.len(), alinea::BUILTIN_CHECKS.len() + rules.len());
    for rule in described {
        let id = rule["id"].as_str().unwrap();
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        assert!(full.starts_with("Qué verifica: "), "{id}: {full}");
        if let Some(meta) = rules.iter().map(CheckedRule::meta).find(|m| m.id == id) {
            assert_eq!(rule["shortDescription"]["text"], meta.title_in(Lang::Es));
            assert_eq!(full, meta.doc_text_in(Lang::Es));
        }
    }
}

#[test]
fn a_users_rule_without_spanish_falls_back_to_english_and_rules_check_names_it() {
    let file = "tests/fixtures/user-rules/targets.rule";
    let run = |lang: &str| {
        let output = alinea(&[
            "check",
            "plans",
            "--no-default-rules",
            "--rules",
            file,
            "--format",
            "json",
            "--lang",
            lang,
        ]);
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "USR-01")
            .map(|f| (f["message"].clone(), f["help"].clone()))
            .collect::<Vec<_>>()
    };
    let english = run("en");
    assert!(!english.is_empty());
    assert_eq!(run("es"), english);

    let output = alinea(&["rules", "check", "--no-default-rules", file, "--lang", "es"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "texts without Spanish do not fail"
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("1 regla no tiene todos sus textos en español:"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "USR-01 ({file}): `title.es`, `message.es`, `help.es`, `/// Qué verifica:`, \
             `/// Por qué importa:`, `/// Ejemplo:`"
        )),
        "{text}"
    );
    let output = alinea(&["rules", "check", "--no-default-rules", file]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("1 rule lacks Spanish texts:"), "{text}");

    // `explain` in Spanish labels the English sections in Spanish.
    let output = alinea(&["explain", "USR-01", "--rules", file, "--lang", "es"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("\nQué verifica:\n  the last target"),
        "{text}"
    );
    assert!(text.contains("USR-01 timid-percent-target: Percent target that barely moves"));
}

#[test]
fn a_spanish_message_is_checked_like_the_english_one() {
    let (rules, errors) = compile(
        &rule_with(
            "  message.es \"{o.code} no tiene código\"\n  help.es \"escriba un código para {o.code}\"\n",
        ),
        Lang::En,
    );
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(rules.len(), 1);
    assert!(rules[0].untranslated().contains(&"title.es".to_owned()));
    assert!(!rules[0].untranslated().contains(&"message.es".to_owned()));

    // An unknown binding in the Spanish message is a type error at its line.
    let text = rule_with("  message.es \"{x.code} no tiene código\"\n");
    let (rules, errors) = compile(&text, Lang::En);
    assert!(rules.is_empty());
    let line = text.lines().position(|l| l.contains("message.es")).unwrap() + 1;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!("{line}: unknown name `x`")),
        "{errors:?}"
    );
    let (_, errors) = compile(&text, Lang::Es);
    assert!(
        errors[0].starts_with(&format!("{line}: `x` no es un nombre conocido")),
        "{errors:?}"
    );

    // So is an unknown field in the Spanish help, with a suggestion in the run's language.
    let (_, errors) = compile(&rule_with("  help.es \"{o.cod}\"\n"), Lang::Es);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("un elemento no tiene el campo `cod` (¿quiso decir `code`?)"),
        "{errors:?}"
    );
}

#[test]
fn the_texts_of_a_rule_are_written_once_per_language() {
    let cases = [
        (
            "  message.es \"{o.code} sin código\" at o\n",
            "`at` goes with the English `message`",
        ),
        (
            "  help.de \"Hilfe\"\n",
            "names a language alinea does not speak: `de`",
        ),
        (
            "  help.es \"uno\"\n  help.es \"dos\"\n",
            "`help.es` is written twice in this rule",
        ),
    ];
    for (spanish, expected) in cases {
        let (rules, errors) = compile(&rule_with(spanish), Lang::En);
        assert!(rules.is_empty(), "{spanish}");
        assert_eq!(errors.len(), 1, "{spanish}: {errors:?}");
        assert!(errors[0].contains(expected), "{spanish}: {errors:?}");
    }
    // `title.es` belongs to the header, `help.es` needs the English `help`.
    let header = "rule USR-09 my-rule {\n  title \"T\"\n  title.es \"T\"\n  title.es \"U\"\n  severity info\n  \
                  pillar value\n  for o in objectives\n  require true\n  message \"m\" at o\n}\n";
    let (_, errors) = compile(header, Lang::Es);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`title.es` está escrito dos veces")),
        "{errors:?}"
    );
    let (_, errors) = compile(
        &header.replace("title.es \"U\"", "title.fr \"U\""),
        Lang::Es,
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`title.fr` indica un idioma que alinea no habla: `fr`")),
        "{errors:?}"
    );
    let alone = "rule USR-09 my-rule {\n  title \"T\"\n  severity info\n  pillar value\n  \
                 for o in objectives\n  require true\n  message \"m\" at o\n  help.es \"ayuda\"\n}\n";
    let (_, errors) = compile(alone, Lang::En);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("`help.es` translates `help`, which this rule does not have")),
        "{errors:?}"
    );
    let spanish_only = "rule USR-09 my-rule {\n  title \"T\"\n  severity info\n  pillar value\n  \
                        for o in objectives\n  require true\n  message.es \"m\"\n}\n";
    let (_, errors) = compile(spanish_only, Lang::Es);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("la regla `USR-09` no tiene `message` en inglés")),
        "{errors:?}"
    );
}

#[test]
fn rule_errors_are_worded_in_the_run_language() {
    let output = alinea(&[
        "check",
        "plans",
        "--rules",
        "tests/fixtures/bad-rules/unknown-enum.rule",
        "--lang",
        "es",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(text.contains("`pie` no es un tipo de plan"), "{text}");
    assert!(text.contains("¿quiso decir `pei`?"), "{text}");
    assert!(text.contains("unknown-enum.rule:6:19"), "{text}");

    let output = alinea(&[
        "check",
        "plans",
        "--rules",
        "tests/fixtures/bad-rules/syntax-error.rule",
        "--lang",
        "es",
    ]);
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(text.contains("error de sintaxis: se esperaba"), "{text}");
    assert!(text.contains("`require`"), "{text}");

    let output = alinea(&[
        "check",
        "plans",
        "--rules",
        "tests/fixtures/bad-rules/type-mismatch.rule",
        "--lang",
        "es",
    ]);
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(
        text.contains("no se puede comparar texto con un número mediante `>`"),
        "{text}"
    );
}

#[test]
fn the_words_of_the_plan_format_have_spanish_names_for_messages() {
    for kind in alinea::dsl::schema::EnumKind::ALL {
        if !kind.translated() {
            continue;
        }
        for word in kind.words() {
            let id = format!("rules-value-{word}");
            for lang in Lang::ALL {
                assert!(alinea::i18n::has(lang, &id), "{id} ({})", lang.as_str());
            }
            assert_eq!(alinea::dsl::schema::show_word(Lang::En, word), *word);
        }
    }
    assert_eq!(
        alinea::dsl::schema::show_word(Lang::Es, "ascending"),
        "ascendente"
    );
    assert_eq!(alinea::dsl::schema::show_word(Lang::Es, "pei"), "pei");
}
