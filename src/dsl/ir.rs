//! The compiled form of checked rules: names resolved to slots and fields,
//! enum words to constants, regexes compiled. The evaluator runs this, never text.

use crate::dsl::ast::{BinaryOp, Quantifier};
use crate::dsl::schema::{Builtin, Field};
use crate::plan::model::PlanKind;
use crate::report::{Pillar, Severity};

/// A constant.
#[derive(Clone, Debug)]
pub(crate) enum Lit {
    Bool(bool),
    Num(f64),
    Str(Box<str>),
    Enum(&'static str),
}

/// A compiled expression.
#[derive(Clone, Debug)]
pub(crate) enum Ir {
    Lit(Lit),
    Var(usize),
    Field(Box<Ir>, Field),
    Index(Box<Ir>, Box<Ir>),
    Call(Builtin, Vec<Ir>),
    Matches(Box<Ir>, regex::Regex),
    Not(Box<Ir>),
    Negate(Box<Ir>),
    Binary(BinaryOp, Box<Ir>, Box<Ir>),
    Quantified(Quantifier, usize, Box<Ir>, Box<Ir>),
    Count(Box<Ir>),
    CountWhere(usize, Box<Ir>, Box<Ir>),
    Comprehension {
        slot: usize,
        source: Box<Ir>,
        filter: Option<Box<Ir>>,
        item: Box<Ir>,
    },
    List(Vec<Ir>),
    /// A `def` call: the argument values go to slots, then the body runs.
    Let(Vec<(usize, Ir)>, Box<Ir>),
}

/// A piece of a compiled message.
#[derive(Clone, Debug)]
pub(crate) enum IrPart {
    Text(String),
    Expr(Ir),
}

/// The root collections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Root {
    Plans,
    Objectives,
    Actions,
    Elements,
    Indicators,
    Activities,
    Investments,
    Links,
}

/// What a `for` variable ranges over.
#[derive(Clone, Debug)]
pub(crate) enum Source {
    Root(Root, Vec<PlanKind>),
    Expr(Ir),
}

/// The metadata of a rule: what `explain`, `rules list` and every finding show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleMeta {
    /// `ART-01`.
    pub id: String,
    /// `objective-not-articulated`.
    pub slug: String,
    /// One-line title.
    pub title: String,
    /// Default severity.
    pub severity: Severity,
    /// Pillar.
    pub pillar: Pillar,
    /// The CEPLAN norm the rule comes from.
    pub source: Option<String>,
    /// `preview`, `stable` or `deprecated`.
    pub status: String,
    /// The `///` documentation, one entry per line.
    pub docs: Vec<String>,
    /// The rule's text as written.
    pub text: String,
    /// The file the rule comes from.
    pub file: String,
}

impl RuleMeta {
    /// The documentation section that starts with `label:` (e.g. `What it checks`), joined into one paragraph.
    #[must_use]
    pub fn section(&self, label: &str) -> Option<String> {
        let mut collecting = false;
        let mut text = Vec::new();
        for line in &self.docs {
            if let Some((head, rest)) = line.split_once(':')
                && SECTIONS.contains(&head.trim())
            {
                if collecting {
                    break;
                }
                if head.trim() == label {
                    collecting = true;
                    text.push(rest.trim().to_owned());
                }
                continue;
            }
            if collecting {
                text.push(line.trim().to_owned());
            }
        }
        let joined = text.join(" ").trim().to_owned();
        (collecting && !joined.is_empty()).then_some(joined)
    }

    /// The documentation as one text (for SARIF and JSON), sections separated by blank lines.
    #[must_use]
    pub fn doc_text(&self) -> String {
        SECTIONS
            .iter()
            .filter_map(|label| self.section(label).map(|text| format!("{label}: {text}")))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// The documentation sections, in order.
pub const SECTIONS: &[&str] = &["What it checks", "Why it matters", "Example", "Use instead"];

/// A rule that parsed and type-checked, compiled.
///
/// INVARIANT: only `dsl::typeck` makes these (the fields are private to `dsl`, and
/// the evaluator reads them through the accessors below), so the evaluator never
/// sees a rule that did not pass the checker.
#[derive(Clone, Debug)]
pub struct CheckedRule {
    pub(in crate::dsl) meta: RuleMeta,
    pub(in crate::dsl) slots: usize,
    pub(in crate::dsl) bindings: Vec<(usize, Source)>,
    pub(in crate::dsl) filter: Option<Ir>,
    pub(in crate::dsl) require: Ir,
    pub(in crate::dsl) message: Vec<IrPart>,
    pub(in crate::dsl) at: Option<Ir>,
    pub(in crate::dsl) help: Option<Vec<IrPart>>,
}

impl CheckedRule {
    /// The number of variable slots evaluation needs.
    pub(crate) fn slots(&self) -> usize {
        self.slots
    }

    /// The `for` bindings: slot and source.
    pub(crate) fn bindings(&self) -> &[(usize, Source)] {
        &self.bindings
    }

    /// The `where` condition.
    pub(crate) fn filter(&self) -> Option<&Ir> {
        self.filter.as_ref()
    }

    /// The `require` condition.
    pub(crate) fn require(&self) -> &Ir {
        &self.require
    }

    /// The message template.
    pub(crate) fn message(&self) -> &[IrPart] {
        &self.message
    }

    /// The `at` path.
    pub(crate) fn at(&self) -> Option<&Ir> {
        self.at.as_ref()
    }

    /// The help template.
    pub(crate) fn help(&self) -> Option<&[IrPart]> {
        self.help.as_deref()
    }

    /// The rule's metadata.
    #[must_use]
    pub fn meta(&self) -> &RuleMeta {
        &self.meta
    }
}
