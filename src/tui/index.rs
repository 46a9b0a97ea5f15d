//! What the browser derives from a run once (and again after each re-lint), so that a
//! key press never has to walk every finding: each finding's line, column and search
//! text, finding counts per plan, element and rule, and the lookups from a finding's
//! plan and element code to the graph.

use std::collections::HashMap;

use crate::Run;
use crate::graph::{ElementId, Graph, ImplementerId, ImplementerPlace, PlanId};
use crate::report::{Finding, Pillar, Severity};

/// Findings per severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors.
    pub error: u32,
    /// Warnings.
    pub warning: u32,
    /// Infos.
    pub info: u32,
}

impl Counts {
    /// Counts one more finding of `severity`.
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }

    /// The count of one severity.
    #[must_use]
    pub fn of(self, severity: Severity) -> u32 {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    /// The total.
    #[must_use]
    pub fn total(self) -> u32 {
        self.error + self.warning + self.info
    }

    /// The worst severity counted, if any.
    #[must_use]
    pub fn worst(self) -> Option<Severity> {
        if self.error > 0 {
            Some(Severity::Error)
        } else if self.warning > 0 {
            Some(Severity::Warning)
        } else if self.info > 0 {
            Some(Severity::Info)
        } else {
            None
        }
    }
}

/// Where a finding is, computed once.
#[derive(Clone, Debug)]
pub struct FindingInfo {
    /// 1-based line of the span's start.
    pub line: usize,
    /// 1-based column (characters) of the span's start.
    pub column: usize,
    /// Lowercase text that free filter terms and the search look in.
    pub haystack: String,
    /// The finding's fingerprint (what a reload finds the selection by).
    pub fingerprint: String,
}

/// A rule or built-in check, as the Profile view lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    /// `ART-01`.
    pub id: String,
    /// One-line title.
    pub title: String,
    /// The pillar it protects.
    pub pillar: Option<Pillar>,
}

/// Something the Trace view can be rooted at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    /// A whole plan (for findings about no element).
    Plan(PlanId),
    /// An objective or action.
    Element(ElementId),
    /// An activity or investment.
    Implementer(ImplementerId),
}

/// A run with its derived data, built where the run is made (the linting thread), so
/// that a reload leaves the browser's thread little to do.
#[derive(Debug)]
pub struct Prepared {
    /// The run.
    pub run: Run,
    /// What the views derive from it.
    pub index: Index,
}

impl Prepared {
    /// Derives the index of a run.
    #[must_use]
    pub fn new(run: Run) -> Self {
        let index = Index::new(&run);
        Self { run, index }
    }
}

impl From<Run> for Prepared {
    fn from(run: Run) -> Self {
        Self::new(run)
    }
}

/// The derived data of one run.
#[derive(Debug, Default)]
pub struct Index {
    /// One entry per finding, in report order.
    pub info: Vec<FindingInfo>,
    /// All findings per severity.
    pub totals: Counts,
    /// The rules that ran and the built-in checks, by id.
    pub rules: Vec<RuleInfo>,
    /// The gaps the findings mark: what the trace and coverage views draw as gaps.
    pub gaps: crate::report::gaps::Gaps,
    elements: HashMap<(String, String), ElementId>,
    implementers: HashMap<(String, String), ImplementerId>,
    by_element: HashMap<(String, String), Counts>,
    by_plan: HashMap<String, Counts>,
    by_plan_rule: HashMap<(String, String), u32>,
}

impl Index {
    /// Derives everything from a run.
    #[must_use]
    pub fn new(run: &Run) -> Self {
        let mut index = Self::default();
        let findings = &run.report.findings;
        index.gaps = crate::report::gaps::Gaps::new(findings);
        index.info.reserve(findings.len());
        let words = super::strings::Words::new(run.report.lang);
        for finding in findings {
            let file = run.sources.file(finding.span.file);
            let start = file.line_col(finding.span.start);
            index.info.push(FindingInfo {
                line: start.line,
                column: start.column,
                haystack: super::filter::haystack(finding, file.display_name(), &words),
                fingerprint: finding.fingerprint(&run.sources),
            });
            index.totals.add(finding.severity);
            index
                .by_element
                .entry((finding.plan.clone(), finding.element.clone()))
                .or_default()
                .add(finding.severity);
            index
                .by_plan
                .entry(finding.plan.clone())
                .or_default()
                .add(finding.severity);
            *index
                .by_plan_rule
                .entry((finding.plan.clone(), finding.rule.clone()))
                .or_default() += 1;
        }
        let graph = &run.graph;
        for position in 0..graph.elements.len() {
            let id = ElementId(u32::try_from(position).unwrap_or(u32::MAX));
            let plan = &graph.plan(graph.element_plan(id)).id.value;
            let code = &graph.element(id).code.value;
            index
                .elements
                .entry((plan.to_string(), code.to_string()))
                .or_insert(id);
        }
        for position in 0..graph.implementers.len() {
            let id = ImplementerId(u32::try_from(position).unwrap_or(u32::MAX));
            let (plan, code) = match graph.implementer_node(id).place {
                ImplementerPlace::Activity(plan, _) => {
                    (plan, graph.activity(id).map(|a| a.code.value.to_string()))
                }
                ImplementerPlace::Investment(plan, _) => {
                    (plan, graph.investment(id).map(|i| i.cui.value.to_string()))
                }
            };
            if let Some(code) = code {
                index
                    .implementers
                    .entry((graph.plan(plan).id.value.to_string(), code))
                    .or_insert(id);
            }
        }
        index.rules = run
            .rules
            .iter()
            .map(|rule| {
                let meta = rule.meta();
                RuleInfo {
                    id: meta.id.clone(),
                    title: meta.title_in(run.report.lang).to_owned(),
                    pillar: Some(meta.pillar),
                }
            })
            .chain(crate::BUILTIN_CHECKS.iter().map(|check| RuleInfo {
                id: check.id.to_owned(),
                title: check.title_in(run.report.lang).to_owned(),
                pillar: check.pillar,
            }))
            .collect();
        index.rules.sort_by(|a, b| a.id.cmp(&b.id));
        index.rules.dedup_by(|a, b| a.id == b.id);
        index
    }

    /// Findings about one element (or, with an empty code, about the plan itself).
    #[must_use]
    pub fn element_counts(&self, plan: &str, code: &str) -> Counts {
        self.by_element
            .get(&(plan.to_owned(), code.to_owned()))
            .copied()
            .unwrap_or_default()
    }

    /// All findings about a plan.
    #[must_use]
    pub fn plan_counts(&self, plan: &str) -> Counts {
        self.by_plan.get(plan).copied().unwrap_or_default()
    }

    /// Findings of one rule about one plan.
    #[must_use]
    pub fn plan_rule_count(&self, plan: &str, rule: &str) -> u32 {
        self.by_plan_rule
            .get(&(plan.to_owned(), rule.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// The objective or action with this code in this plan.
    #[must_use]
    pub fn element(&self, plan: &str, code: &str) -> Option<ElementId> {
        self.elements
            .get(&(plan.to_owned(), code.to_owned()))
            .copied()
    }

    /// What the Trace view shows for a finding: its element, activity or investment,
    /// else its plan.
    #[must_use]
    pub fn node_of(&self, graph: &Graph, finding: &Finding) -> Option<Node> {
        self.node(graph, &finding.plan, &finding.element)
    }

    /// The element, activity or investment `code` of `plan`, or the plan itself when the
    /// code is empty or unknown.
    #[must_use]
    pub fn node(&self, graph: &Graph, plan: &str, code: &str) -> Option<Node> {
        if !code.is_empty() {
            if let Some(id) = self.element(plan, code) {
                return Some(Node::Element(id));
            }
            if let Some(&id) = self.implementers.get(&(plan.to_owned(), code.to_owned())) {
                return Some(Node::Implementer(id));
            }
        }
        graph.plan_by_id(plan).map(Node::Plan)
    }
}
