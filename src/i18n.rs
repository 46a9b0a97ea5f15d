//! Texts people read, in Spanish and English, chosen per run.
//!
//! Every sentence a person reads (finding messages, labels, help, summaries, usage errors, the
//! browser) is a message of a catalogue: `src/i18n/<lang>/<area>.ftl`, in [Project
//! Fluent](https://projectfluent.org)'s syntax, which handles plurals and selectors and which a
//! translator can read and review as a whole. Code asks for a message by id with [`tr!`](crate::tr); the
//! catalogues are compiled into the binary. A test fails when an id exists in one language and
//! not in the other, or when the code asks for an id that no catalogue has.
//!
//! What never changes with the language: command and flag names, rule ids and slugs, JSON
//! keys and enum values, fingerprints, exit codes, file formats.

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// A language alinea speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Spanish (Peru's planners and CEPLAN's reviewers).
    Es,
}

impl Lang {
    /// Every language, in the order catalogues are checked.
    pub const ALL: [Self; 2] = [Self::En, Self::Es];

    /// `en` or `es`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
        }
    }

    /// Exactly `en` or `es` (the value of `lang:` in `alinea.yaml`).
    #[must_use]
    pub fn parse_exact(text: &str) -> Option<Self> {
        match text {
            "en" => Some(Self::En),
            "es" => Some(Self::Es),
            _ => None,
        }
    }

    /// `en`, `es`, and locale names that start with them (`es_PE.UTF-8`, `en-GB`), any case.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let lowered = text.trim().to_ascii_lowercase();
        let language = lowered
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        match language {
            "en" => Some(Self::En),
            "es" => Some(Self::Es),
            _ => None,
        }
    }

    /// The language the environment asks for: `ALINEA_LANG`, else the locale (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`: `es*` → Spanish, anything else → English), else none.
    #[must_use]
    pub fn from_env() -> Option<Self> {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Option<Self> {
        if let Some(lang) = var("ALINEA_LANG").and_then(|v| Self::parse(&v)) {
            return Some(lang);
        }
        // The first locale variable that is set decides, as POSIX says.
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|value| !value.is_empty()))
            .map(|locale| Self::parse(&locale).unwrap_or(Self::En))
    }

    /// The language of a run: the flag, else the configuration, else the environment, else
    /// English.
    #[must_use]
    pub fn choose(flag: Option<Self>, config: Option<Self>) -> Self {
        flag.or(config).or_else(Self::from_env).unwrap_or_default()
    }
}

/// A letter without the accent Spanish puts on vowels (`ñ` stays `ñ`: it is a letter of its
/// own). The one place alinea folds accents: plan values, Spanish keys and browser filters.
#[must_use]
pub fn unaccented(c: char) -> char {
    match c {
        'á' | 'à' => 'a',
        'é' | 'è' => 'e',
        'í' | 'ì' => 'i',
        'ó' | 'ò' => 'o',
        'ú' | 'ù' | 'ü' => 'u',
        other => other,
    }
}

/// `text` lowercased, without accents (`Información` → `informacion`).
#[must_use]
pub fn folded(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(unaccented)
        .collect()
}

/// A date as a person reads it in `lang`: `2026-12-31` in English (as plan files write it),
/// `31/12/2026` in Spanish prose. Machine formats always write `2026-12-31`.
#[must_use]
pub fn prose_date(lang: Lang, year: i32, month: u8, day: u8) -> String {
    match lang {
        Lang::En => format!("{year:04}-{month:02}-{day:02}"),
        Lang::Es => format!("{day:02}/{month:02}/{year:04}"),
    }
}

/// An argument of a message: text or a number.
pub type Arg<'a> = FluentValue<'a>;

impl From<crate::plan::text::Text> for FluentValue<'_> {
    fn from(text: crate::plan::text::Text) -> Self {
        FluentValue::String(String::from(text).into())
    }
}

impl<'a> From<&'a crate::plan::text::Text> for FluentValue<'a> {
    fn from(text: &'a crate::plan::text::Text) -> Self {
        FluentValue::String(text.as_str().into())
    }
}

/// The message `id` in `lang`, with its arguments. A message missing from the catalogue
/// comes back as its id (a test makes sure none is).
#[must_use]
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle(lang);
    let Some(message) = bundle.get_message(id) else {
        return id.to_owned();
    };
    let Some(pattern) = message.value() else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Whether the catalogue of `lang` has the message `id`.
#[must_use]
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The ids of every message of `lang`'s catalogue, with the file that declares each.
#[must_use]
pub fn ids(lang: Lang) -> Vec<(String, &'static str)> {
    let mut ids = Vec::new();
    for (path, source) in files(lang) {
        if let Ok(resource) = FluentResource::try_new((*source).to_owned()) {
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(message) = entry {
                    ids.push((message.id.name.to_owned(), *path));
                }
            }
        }
    }
    ids
}

/// Problems in the catalogues: files that do not parse, ids declared twice.
#[must_use]
pub fn problems() -> Vec<String> {
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (path, source) in files(lang) {
            match FluentResource::try_new((*source).to_owned()) {
                Ok(resource) => {
                    for entry in resource.entries() {
                        if let fluent_syntax::ast::Entry::Message(message) = entry
                            && let Some(first) = seen.insert(message.id.name.to_owned(), path)
                        {
                            problems.push(format!(
                                "{path}: `{}` is declared again (first in {first})",
                                message.id.name
                            ));
                        }
                    }
                }
                Err((_, errors)) => {
                    problems.push(format!("{path}: does not parse: {errors:?}"));
                }
            }
        }
    }
    problems
}

fn files(lang: Lang) -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    let prefix = format!("src/i18n/{}/", lang.as_str());
    CATALOGUES
        .iter()
        .filter(move |(path, _)| path.starts_with(&prefix))
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| build(Lang::En));
    static ES: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| build(Lang::Es));
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = match lang {
        Lang::En => unic_langid::langid!("en"),
        Lang::Es => unic_langid::langid!("es"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Plain text: no Unicode isolation marks around arguments (terminals print them).
    bundle.set_use_isolating(false);
    for (_, source) in files(lang) {
        // A broken file is reported by `problems` (and its test); the rest still loads.
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// A message of the catalogue in a language: `tr!(lang, "summary-checked", files = 3)`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::text(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}
