//! The catalogues of texts: both languages have the same messages, every file parses, and
//! every message the code asks for exists.

use std::collections::BTreeSet;

use alinea::i18n::{self, Lang};

#[test]
fn every_catalogue_parses_and_declares_each_message_once() {
    assert_eq!(i18n::problems(), Vec::<String>::new());
}

#[test]
fn both_languages_have_the_same_messages() {
    let ids =
        |lang| -> BTreeSet<String> { i18n::ids(lang).into_iter().map(|(id, _)| id).collect() };
    let english = ids(Lang::En);
    let spanish = ids(Lang::Es);
    assert!(!english.is_empty());
    let only_english: Vec<&String> = english.difference(&spanish).collect();
    let only_spanish: Vec<&String> = spanish.difference(&english).collect();
    assert!(
        only_english.is_empty() && only_spanish.is_empty(),
        "only in English: {only_english:?}\nonly in Spanish: {only_spanish:?}"
    );
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let call = regex::Regex::new(r#"tr!\(\s*[^,()]+(?:\([^)]*\))?\s*,\s*"([a-z0-9-]+)""#).unwrap();
    let mut asked = BTreeSet::new();
    for entry in walkdir::WalkDir::new("src") {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for capture in call.captures_iter(&text) {
                asked.insert((capture[1].to_owned(), entry.path().display().to_string()));
            }
        }
    }
    assert!(asked.len() > 20, "the scan found the calls: {asked:?}");
    let missing: Vec<String> = asked
        .iter()
        .flat_map(|(id, file)| {
            Lang::ALL
                .into_iter()
                .filter(|&lang| !i18n::has(lang, id))
                .map(move |lang| format!("{file}: `{id}` has no {} text", lang.as_str()))
        })
        .collect();
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn the_language_comes_from_the_flag_the_configuration_the_environment_or_the_locale() {
    let vars = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    };
    assert_eq!(
        Lang::from_vars(vars(&[("LANG", "es_PE.UTF-8")])),
        Some(Lang::Es)
    );
    assert_eq!(
        Lang::from_vars(vars(&[("LANG", "en_US.UTF-8")])),
        Some(Lang::En)
    );
    assert_eq!(
        Lang::from_vars(vars(&[("LANG", "C.UTF-8")])),
        Some(Lang::En)
    );
    assert_eq!(
        Lang::from_vars(vars(&[("LC_ALL", "en_GB"), ("LANG", "es_PE")])),
        Some(Lang::En),
        "LC_ALL wins over LANG"
    );
    assert_eq!(
        Lang::from_vars(vars(&[("ALINEA_LANG", "es"), ("LC_ALL", "en_GB")])),
        Some(Lang::Es),
        "ALINEA_LANG wins over the locale"
    );
    assert_eq!(Lang::from_vars(vars(&[])), None);
    assert_eq!(Lang::choose(Some(Lang::En), Some(Lang::Es)), Lang::En);
}

#[test]
fn every_command_and_option_is_described_in_both_languages() {
    fn walk(command: &clap::Command, key: &str, missing: &mut Vec<String>) {
        for lang in Lang::ALL {
            if !i18n::has(lang, &format!("help-{key}")) {
                missing.push(format!("{}: help-{key}", lang.as_str()));
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str().replace('_', "-");
                let specific = format!("help-{key}-{id}");
                let shared = format!("help-arg-{id}");
                if !i18n::has(lang, &specific) && !i18n::has(lang, &shared) {
                    missing.push(format!("{}: {specific} or {shared}", lang.as_str()));
                }
            }
        }
        for sub in command.get_subcommands() {
            let sub_key = if key == "alinea" {
                sub.get_name().to_owned()
            } else {
                format!("{key}-{}", sub.get_name())
            };
            walk(sub, &sub_key, missing);
        }
    }
    let mut missing = Vec::new();
    let command = alinea::cli::command(Lang::Es);
    walk(&command, "alinea", &mut missing);
    assert!(missing.is_empty(), "{missing:#?}");
    // And the Spanish help says it in Spanish.
    let mut spanish = alinea::cli::command(Lang::Es);
    let help = spanish.render_long_help().to_string();
    assert!(
        help.contains("Comandos:") && help.contains("Muestra la ayuda"),
        "{help}"
    );
    let check = spanish.find_subcommand_mut("check").unwrap();
    let help = check.render_long_help().to_string();
    assert!(help.contains("Revisa los archivos de plan"), "{help}");
    assert!(!help.contains("Print help"), "{help}");
}

/// `alinea check <path> --format <format> --lang <lang>` from the package root.
fn output(path: &str, format: &str, lang: &str) -> String {
    let output = std::process::Command::new(crate::binary())
        .args([
            "check",
            path,
            "--format",
            format,
            "--lang",
            lang,
            "--as-of",
            "2026-11-26",
        ])
        .env_remove("ALINEA_LANG")
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn machine_outputs_keep_ids_fingerprints_and_keys_in_every_language() {
    let path = "tests/fixtures/chain";
    let json =
        |lang| -> serde_json::Value { serde_json::from_str(&output(path, "json", lang)).unwrap() };
    let (english, spanish) = (json("en"), json("es"));
    let machine = |report: &serde_json::Value| -> Vec<String> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let keys: Vec<&String> = f.as_object().unwrap().keys().collect();
                format!(
                    "{keys:?} {} {} {} {}:{} {} {}",
                    f["rule"],
                    f["slug"],
                    f["severity"],
                    f["line"],
                    f["column"],
                    f["fingerprint"],
                    f["pillar"]
                )
            })
            .collect()
    };
    assert_eq!(machine(&english), machine(&spanish));
    assert_eq!(english["summary"], spanish["summary"]);
    // The REF findings of the chain speak Spanish.
    let messages = |report: &serde_json::Value, rule: &str| -> Vec<String> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule)
            .map(|f| f["message"].as_str().unwrap().to_owned())
            .collect()
    };
    let english_ref = messages(&english, "REF-01");
    let spanish_ref = messages(&spanish, "REF-01");
    assert!(!english_ref.is_empty());
    for (en, es) in english_ref.iter().zip(&spanish_ref) {
        assert_ne!(en, es);
    }
    // SARIF, JUnit and GitHub carry the same findings, with the help label in Spanish.
    let sarif: serde_json::Value = serde_json::from_str(&output(path, "sarif", "es")).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), spanish["findings"].as_array().unwrap().len());
    assert!(
        results
            .iter()
            .any(|r| r["message"]["text"].as_str().unwrap().contains("\nayuda: "))
    );
    let github = output(path, "github", "es");
    assert_eq!(github.lines().count(), results.len());
    assert!(github.contains("%0Aayuda: "));
    let junit = output(path, "junit", "es");
    assert!(junit.contains(": advertencia: ") && junit.contains("&#10;ayuda: "));
}

#[test]
fn the_configuration_reads_severities_in_spanish() {
    let dir = crate::ci::faithful_copy_of_plans();
    std::fs::write(
        dir.path().join("plans/alinea.yaml"),
        "lang: es\nfail_on: Advertencia\nseverity: {IND-07: información, IND-04: informacion}\n",
    )
    .unwrap();
    let output = std::process::Command::new(crate::binary())
        .args([
            "check",
            "plans",
            "--format",
            "json",
            "--as-of",
            "2026-11-26",
        ])
        .current_dir(dir.path())
        .env_remove("ALINEA_LANG")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "warnings fail the run");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["rule"] == "IND-07"));
    assert!(
        findings
            .iter()
            .filter(|f| f["rule"] == "IND-07" || f["rule"] == "IND-04")
            .all(|f| f["severity"] == "info")
    );
    // `lang: es` in the configuration: the messages are Spanish, the JSON keys are not.
    assert!(
        findings
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("no está articulad"))
    );
}

#[test]
fn alinea_help_describes_a_command_in_the_chosen_language() {
    let help = |args: &[&str]| {
        let output = run_in_c_locale(args);
        (
            output.status.code(),
            String::from_utf8(output.stdout).unwrap(),
        )
    };
    let (code, spanish) = help(&["help", "check", "--lang", "es"]);
    assert_eq!(code, Some(0));
    assert!(
        spanish.starts_with("Revisa los archivos de plan"),
        "{spanish}"
    );
    assert!(spanish.contains("Uso: alinea check"), "{spanish}");
    let (_, english) = help(&["help", "rules", "list"]);
    assert!(english.contains("Usage: alinea rules list"), "{english}");
    let (_, top) = help(&["--help", "--lang", "es"]);
    assert!(top.contains("help      Muestra este mensaje"), "{top}");
    assert_eq!(help(&["help", "nope"]).0, Some(2));
}

#[test]
fn timings_name_every_stage_in_the_chosen_language() {
    let stages = |lang: &str| {
        let output = std::process::Command::new(crate::binary())
            .args(["check", "plans", "--timings", "--quiet", "--lang", lang])
            .output()
            .unwrap();
        String::from_utf8(output.stderr)
            .unwrap()
            .lines()
            .filter_map(|line| line.split_once(" ms  ").map(|(_, name)| name.to_owned()))
            .collect::<Vec<_>>()
    };
    let (english, spanish) = (stages("en"), stages("es"));
    assert!(english.len() > 1, "{english:?}");
    assert_eq!(spanish.len(), english.len(), "{spanish:?}");
    assert!(english.iter().zip(&spanish).all(|(en, es)| en != es));
    assert_eq!(english.first().map(String::as_str), Some("compile rules"));
    assert_eq!(
        spanish.get(2).map(String::as_str),
        Some("leer, analizar y decodificar")
    );
}

#[test]
fn a_command_line_that_does_not_parse_is_explained_in_the_chosen_language() {
    let stderr = |args: &[&str]| {
        let output = run_in_c_locale(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    let spanish = stderr(&["check", "--frobnicate", "--lang", "es"]);
    assert!(
        spanish.starts_with("error: argumento inesperado `--frobnicate`"),
        "{spanish}"
    );
    assert!(
        spanish.contains("argumento parecido: `--format`"),
        "{spanish}"
    );
    assert!(spanish.contains("Uso: alinea check"), "{spanish}");
    let values = stderr(&["check", "plans", "--fail-on", "bogus", "--lang=es"]);
    assert!(
        values.contains("valor no válido `bogus`")
            && values.contains("valores posibles: `error`, `warning`, `info`"),
        "{values}"
    );
    let command = stderr(&["chek", "plans", "--lang", "es"]);
    assert!(command.contains("comando parecido: `check`"), "{command}");
    let english = stderr(&["check", "--frobnicate"]);
    assert!(
        english.starts_with("error: unexpected argument `--frobnicate`"),
        "{english}"
    );
    assert!(english.contains("For more information, try `--help`."));
}

/// Runs the binary with neither `ALINEA_LANG` nor a Spanish locale.
fn run_in_c_locale(args: &[&str]) -> std::process::Output {
    std::process::Command::new(crate::binary())
        .args(args)
        .env_remove("ALINEA_LANG")
        .env("LANG", "C")
        .output()
        .unwrap()
}
