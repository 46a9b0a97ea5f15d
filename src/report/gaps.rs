//! Gaps: the holes in the chain that the views draw (the marks of `alinea graph`, the
//! browser's trace and coverage views), derived from the rules' findings. A view never
//! re-decides what a rule decides: when ART-01 is ignored, waived or fixed, its gap goes
//! away everywhere at once.

use std::collections::HashMap;

use crate::report::Finding;

/// What kind of hole a finding marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GapKind {
    /// The objective traces to no objective of a higher plan (ART-01).
    NotArticulated,
    /// The objective does not reach the PEDN or a Política Nacional (ART-07).
    NotNational,
    /// No lower plan takes the concerted objective up (ART-11).
    Uncovered,
    /// No activity or investment implements the action (CAP-02).
    Unfunded,
    /// The activity or investment implements no action of the PEI (POI-01, INV-01).
    NoAction,
}

impl GapKind {
    /// Whether this gap cuts the chain upwards (the gaps `alinea graph` marks).
    #[must_use]
    pub fn is_articulation(self) -> bool {
        matches!(self, Self::NotArticulated | Self::NotNational)
    }

    /// The gap in words, in `lang`, for the views.
    #[must_use]
    pub fn words(self, lang: crate::i18n::Lang) -> String {
        match self {
            Self::NotArticulated => crate::tr!(lang, "gap-not-articulated"),
            Self::NotNational => crate::tr!(lang, "gap-not-national"),
            Self::Uncovered => crate::tr!(lang, "gap-uncovered"),
            Self::Unfunded => crate::tr!(lang, "gap-unfunded"),
            Self::NoAction => crate::tr!(lang, "gap-no-action"),
        }
    }
}

/// Which rule's finding is which gap: the one table the views read.
pub const GAP_RULES: &[(&str, GapKind)] = &[
    ("ART-01", GapKind::NotArticulated),
    ("ART-07", GapKind::NotNational),
    ("ART-11", GapKind::Uncovered),
    ("CAP-02", GapKind::Unfunded),
    ("POI-01", GapKind::NoAction),
    ("INV-01", GapKind::NoAction),
];

/// One gap: its kind and the finding that marks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// The kind.
    pub kind: GapKind,
    /// The rule id of the finding.
    pub rule: String,
    /// The finding's message.
    pub message: String,
}

/// The gaps of a run, by plan id and element code.
#[derive(Clone, Debug, Default)]
pub struct Gaps {
    by_element: HashMap<(String, String), Vec<Gap>>,
}

impl Gaps {
    /// The gaps the findings mark (findings after the run's policy).
    #[must_use]
    pub fn new(findings: &[Finding]) -> Self {
        let mut by_element: HashMap<(String, String), Vec<Gap>> = HashMap::new();
        for finding in findings {
            let Some(&(_, kind)) = GAP_RULES.iter().find(|(rule, _)| *rule == finding.rule) else {
                continue;
            };
            if finding.element.is_empty() {
                continue;
            }
            let gaps = by_element
                .entry((finding.plan.clone(), finding.element.clone()))
                .or_default();
            if !gaps.iter().any(|gap| gap.kind == kind) {
                gaps.push(Gap {
                    kind,
                    rule: finding.rule.clone(),
                    message: finding.message.clone(),
                });
            }
        }
        Self { by_element }
    }

    /// The gaps of one element (objective, action, activity or investment).
    #[must_use]
    pub fn of(&self, plan: &str, element: &str) -> &[Gap] {
        self.by_element
            .get(&(plan.to_owned(), element.to_owned()))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the element has a gap of this kind.
    #[must_use]
    pub fn has(&self, plan: &str, element: &str, kind: GapKind) -> bool {
        self.of(plan, element).iter().any(|gap| gap.kind == kind)
    }

    /// The first gap that cuts the chain upwards (ART-01, then ART-07), for `alinea graph`.
    #[must_use]
    pub fn articulation(&self, plan: &str, element: &str) -> Option<&Gap> {
        let gaps = self.of(plan, element);
        gaps.iter()
            .find(|gap| gap.kind == GapKind::NotArticulated)
            .or_else(|| gaps.iter().find(|gap| gap.kind.is_articulation()))
    }
}
