//! The words the browser repeats on many rows (severities, pillars, view titles), looked
//! up once in the run's language.
//!
//! Every text the browser shows comes from the catalogue `src/i18n/<lang>/tui.ftl` (or the
//! shared ones: severities, pillars, gaps), through [`tr!`](crate::tr) where it is shown.
//! The words below appear on every row of a list, so the [`Model`](super::app::Model)
//! keeps them ready instead of formatting them again for each row of each frame. Key
//! descriptions live beside their keys in [`keys`](super::keys).

use super::app::View;
use crate::i18n::Lang;
use crate::report::{Pillar, Severity};
use crate::tr;

/// The application name in the header (a name: the same in every language).
pub const APP: &str = "alinea";

/// The words of one language that the views repeat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    /// The language they are in.
    pub lang: Lang,
    /// Severity names, in the order error, warning, info.
    severities: [String; 3],
    /// Severity letters (`E`, `W`, `I` in English; `E`, `A`, `I` in Spanish).
    letters: [char; 3],
    /// Pillar names, in [`Pillar::ALL`] order.
    pillars: [String; 3],
    /// Tab titles, in key order `1`–`4`.
    views: [String; 4],
}

impl Words {
    /// The words of `lang`.
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        let severities = SEVERITIES.map(|severity| severity.name(lang));
        let letters = severities.clone().map(|name| {
            name.chars()
                .next()
                .map_or(' ', |c| c.to_uppercase().next().unwrap_or(c))
        });
        Self {
            lang,
            severities,
            letters,
            pillars: Pillar::ALL.map(|pillar| pillar.name(lang)),
            views: [
                tr!(lang, "tui-view-findings"),
                tr!(lang, "tui-view-trace"),
                tr!(lang, "tui-view-coverage"),
                tr!(lang, "tui-view-profile"),
            ],
        }
    }

    /// The severity in words.
    #[must_use]
    pub fn severity(&self, severity: Severity) -> &str {
        self.severities
            .get(severity_position(severity))
            .map_or("", String::as_str)
    }

    /// The severity's letter, shown beside its word and its colour: the first letter of
    /// the word.
    #[must_use]
    pub fn letter(&self, severity: Severity) -> char {
        self.letters
            .get(severity_position(severity))
            .copied()
            .unwrap_or(' ')
    }

    /// The width of the longest severity word (the column of the findings list).
    #[must_use]
    pub fn severity_width(&self) -> usize {
        width(&self.severities)
    }

    /// The pillar in words.
    #[must_use]
    pub fn pillar(&self, pillar: Pillar) -> &str {
        let position = Pillar::ALL.iter().position(|p| *p == pillar).unwrap_or(0);
        self.pillars.get(position).map_or("", String::as_str)
    }

    /// The width of the longest pillar word.
    #[must_use]
    pub fn pillar_width(&self) -> usize {
        width(&self.pillars)
    }

    /// The tab title of a view.
    #[must_use]
    pub fn view(&self, view: View) -> &str {
        let position = View::ALL.iter().position(|v| *v == view).unwrap_or(0);
        self.views.get(position).map_or("", String::as_str)
    }

    /// The tab titles, in key order.
    #[must_use]
    pub fn views(&self) -> &[String; 4] {
        &self.views
    }
}

/// The severities, worst first.
const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

fn severity_position(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

fn width(words: &[String]) -> usize {
    words
        .iter()
        .map(|word| word.chars().count())
        .max()
        .unwrap_or(0)
}
