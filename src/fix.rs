//! Fixes for mechanical defects: `alinea check --fix`, `--diff`, and the language server's
//! code actions.
//!
//! A [`Fix`] is a list of [`Edit`]s of files' text at byte spans (the spans the loader
//! kept), never a re-serialisation of the YAML: comments, quotes and formatting elsewhere are
//! untouched. Each fix is [`Applicability::Safe`] (applied by `--fix`) or
//! [`Applicability::Unsafe`] (applied only with `--unsafe-fixes`), as ruff marks them.
//!
//! Fixes attach to findings by rule id: [`FIXES`] is the one table of which rule has a fix,
//! whether it is safe, and the function that finds its edits from the finding and the run's
//! graph (a rule file says what is wrong; what to write instead is code, declared here once;
//! the rule reference's fix column derives from this table). [`Fixer::fix`] gives the fix of
//! one finding; [`fix_repository`] applies fixes pass after pass (non-overlapping ones in
//! each pass, then the run again on the fixed texts, as ruff does) until nothing is left to
//! fix or [`MAX_PASSES`] is reached, in memory: the caller decides whether to write the
//! files (`--fix`) or show a diff (`--diff`).
//!
//! A code renamed (ART-12, ART-10) is renamed everywhere the graph says it is named: the
//! element's `code`, every resolved `traces_to` and `action` reference to it, and the
//! waivers (in its plan and in `alinea.yaml`) whose `at` names it.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::graph::{ElementId, Graph, LinkKind, PlanId};
use crate::i18n::Lang;
use crate::plan::model::{Element, Plan, Text, Waiver};
use crate::report::Finding;
use crate::source::{FileId, SourceDb, Span, Spanned};
use crate::{CheckError, CheckOptions, Run, tr};

/// How many times [`fix_repository`] re-runs the check after applying fixes, at most.
pub const MAX_PASSES: usize = 10;

/// Whether a fix may be applied without review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Keeps the plan's meaning: applied by `--fix`.
    Safe,
    /// Changes what the plan says (renames a code, decides an order): applied only with
    /// `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    /// The machine name (`safe`, `unsafe`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Safe => "safe",
            Self::Unsafe => "unsafe",
        }
    }
}

/// One replacement of a file's text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edit {
    /// The bytes replaced (empty: an insertion at `span.start`), in the run's sources.
    pub span: Span,
    /// What is written instead.
    pub replacement: String,
}

/// The fix of one finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// The rule of the finding it fixes.
    pub rule: String,
    /// Whether `--fix` applies it without `--unsafe-fixes`.
    pub applicability: Applicability,
    /// What it does, in the run's language (a code action's title).
    pub title: String,
    /// The edits, sorted, none overlapping another; a fix is applied whole or not at all.
    pub edits: Vec<Edit>,
}

/// A rule with a fix: the one place that says so.
#[derive(Clone, Copy, Debug)]
pub struct FixKind {
    /// The rule id.
    pub rule: &'static str,
    /// The catalogue message that says what the fix does (`fix-doc-…`), for the rule reference.
    pub doc: &'static str,
    /// Finds the fix of a finding of the rule, when there is one.
    find: fn(&Fixer<'_>, &Finding) -> Option<Fix>,
}

/// Every rule with a fix.
#[expect(
    clippy::redundant_closure_for_method_calls,
    reason = "the methods' lifetime is the impl's: a closure is generic over it, as the pointer must be"
)]
pub const FIXES: &[FixKind] = &[
    FixKind::new("ART-10", "fix-doc-action-code", |f, x| f.action_code(x)),
    FixKind::new("ART-12", "fix-doc-canonical-code", |f, x| {
        f.canonical_code(x)
    }),
    FixKind::new("PRI-01", "fix-doc-priorities", |f, x| f.priorities(x)),
    FixKind::new("REF-01", "fix-doc-reference", |f, x| f.reference(x)),
    FixKind::new("WAI-01", "fix-doc-unused-waiver", |f, x| f.unused_waiver(x)),
];

impl FixKind {
    const fn new(
        rule: &'static str,
        doc: &'static str,
        find: fn(&Fixer<'_>, &Finding) -> Option<Fix>,
    ) -> Self {
        Self { rule, doc, find }
    }
}

/// The fix kind of a rule, if it has one.
#[must_use]
pub fn kind_of(rule: &str) -> Option<&'static FixKind> {
    FIXES.iter().find(|kind| kind.rule == rule)
}

/// Finds the fixes of a run's findings.
pub struct Fixer<'a> {
    graph: &'a Graph,
    sources: &'a SourceDb,
    lang: Lang,
    /// The waivers of `alinea.yaml`, read from the run's copy of its text.
    config_waivers: Vec<Waiver>,
    /// The plan of each plan file.
    plans_by_file: HashMap<FileId, PlanId>,
    /// The unresolved references, by the span of their text (REF-01 points there).
    unresolved: HashMap<Span, usize>,
}

impl<'a> Fixer<'a> {
    /// A fixer for the findings of `run`, made with `options` (for the waivers of its
    /// configuration).
    #[must_use]
    pub fn new(run: &'a Run, options: &CheckOptions) -> Self {
        let config_waivers = options
            .config
            .as_ref()
            .and_then(|config| {
                let (id, file) = run
                    .sources
                    .files()
                    .find(|(_, file)| file.path() == config.file)?;
                Some(config.waivers(id, file))
            })
            .unwrap_or_default();
        let graph = &run.graph;
        Self {
            graph,
            sources: &run.sources,
            lang: run.report.lang,
            config_waivers,
            plans_by_file: graph
                .plan_ids()
                .map(|id| (graph.plan(id).file, id))
                .collect(),
            unresolved: graph
                .links
                .iter()
                .enumerate()
                .filter(|(_, link)| link.target.is_none())
                .map(|(index, _)| {
                    let id = crate::graph::LinkId(u32::try_from(index).unwrap_or(u32::MAX));
                    (graph.reference(id).text.span, index)
                })
                .collect(),
        }
    }

    /// The fix of a finding, if its rule has one and this finding's can be written safely
    /// at spans.
    #[must_use]
    pub fn fix(&self, finding: &Finding) -> Option<Fix> {
        let mut fix = (kind_of(&finding.rule)?.find)(self, finding)?;
        fix.edits.sort();
        fix.edits.dedup();
        let overlapping = fix
            .edits
            .windows(2)
            .any(|pair| matches!(pair, [a, b] if overlaps(a, b)));
        (!overlapping && !fix.edits.is_empty()).then_some(fix)
    }

    /// The fixes of a list of findings, by their index in it.
    #[must_use]
    pub fn fixes(&self, findings: &[Finding]) -> Vec<(usize, Fix)> {
        findings
            .iter()
            .enumerate()
            .filter_map(|(index, finding)| Some((index, self.fix(finding)?)))
            .collect()
    }

    fn text(&self, file: FileId) -> &str {
        self.sources.file(file).text()
    }

    /// The plan written in a file.
    fn plan_in(&self, file: FileId) -> Option<PlanId> {
        self.plans_by_file.get(&file).copied()
    }

    /// The innermost objective or action of the finding's file that holds its span and has
    /// its code.
    fn element_at(&self, finding: &Finding) -> Option<ElementId> {
        let plan = self.plan_in(finding.span.file)?;
        self.graph
            .plan_node(plan)
            .elements
            .iter()
            .copied()
            .filter(|&id| {
                let element = self.graph.element(id);
                element.code.value == finding.element
                    && element.span.start <= finding.span.start
                    && finding.span.end <= element.span.end
            })
            .min_by_key(|&id| self.graph.element(id).span.len())
    }

    /// ART-12: the code in capitals without blanks, everywhere it is named.
    fn canonical_code(&self, finding: &Finding) -> Option<Fix> {
        let element = self.element_at(finding)?;
        let fixed = canonical(&self.graph.element(element).code.value);
        self.renamed("ART-12", Applicability::Safe, element, &fixed)
    }

    /// ART-10: the action renumbered after its objective (`AEI.02.03` under `OEI.04` →
    /// `AEI.04.03`), everywhere it is named. Unsafe: the action's number changes.
    fn action_code(&self, finding: &Finding) -> Option<Fix> {
        let element = self.element_at(finding)?;
        let parent = self.graph.element_node(element).parent?;
        let code = &self.graph.element(element).code.value;
        let parent_code = &self.graph.element(parent).code.value;
        let number = parent_code.split('.').nth(1)?.split('-').next()?;
        let mut parts = code.splitn(3, '.');
        let (prefix, _, rest) = (parts.next()?, parts.next()?, parts.next()?);
        let fixed = format!("{prefix}.{number}.{rest}");
        self.renamed("ART-10", Applicability::Unsafe, element, &fixed)
    }

    /// The fix that renames an element to `fixed` (see [`Self::rename`]).
    fn renamed(
        &self,
        rule: &'static str,
        applicability: Applicability,
        element: ElementId,
        fixed: &str,
    ) -> Option<Fix> {
        let code = &self.graph.element(element).code.value;
        Some(Fix {
            rule: rule.to_owned(),
            applicability,
            title: tr!(self.lang, "fix-rename", code = code.as_str(), fixed = fixed),
            edits: self.rename(element, fixed)?,
        })
    }

    /// The edits that rename an element to `fixed`: its code, every resolved reference to
    /// it, and every waiver whose `at` names it. None when the name is taken, or a place
    /// cannot be edited at its span.
    fn rename(&self, element: ElementId, fixed: &str) -> Option<Vec<Edit>> {
        let node = self.graph.element_node(element);
        let plan = self.graph.plan(node.place.plan);
        let code = &self.graph.element(element).code;
        if fixed == code.value || fixed.is_empty() || code_taken(plan, fixed) {
            return None;
        }
        let mut edits = vec![Edit {
            span: self.text_span(code)?,
            replacement: fixed.to_owned(),
        }];
        for &link in &node.traced_by {
            let reference = &self.graph.reference(link).text;
            edits.push(Edit {
                span: self.code_span(reference)?,
                replacement: fixed.to_owned(),
            });
        }
        let own = plan.waivers.iter().chain(&plan.not_transcribed);
        let configured = self
            .config_waivers
            .iter()
            .filter(|w| w.plan.as_ref().is_some_and(|p| p.value == plan.id.value));
        for at in own.chain(configured).filter_map(|w| w.at.as_ref()) {
            if at.value == code.value {
                edits.push(Edit {
                    span: self.text_span(at)?,
                    replacement: fixed.to_owned(),
                });
            }
        }
        Some(edits)
    }

    /// PRI-01: the priorities of the element's siblings renumbered 1..n in their order.
    /// Safe when every sibling has a priority and no two share one (only the numbers
    /// change); unsafe when an absent priority is added last or a tie is broken by
    /// document order (an order is decided).
    fn priorities(&self, finding: &Finding) -> Option<Fix> {
        let element = self.element_at(finding)?;
        let node = self.graph.element_node(element);
        let siblings: Vec<ElementId> = match node.parent {
            Some(parent) => self.graph.element_node(parent).children.to_vec(),
            None => self
                .graph
                .plan_node(node.place.plan)
                .elements
                .iter()
                .copied()
                .filter(|&id| self.graph.element_node(id).parent.is_none())
                .collect(),
        };
        let mut order: Vec<(usize, Option<f64>, &Element)> = siblings
            .iter()
            .enumerate()
            .map(|(index, &id)| {
                let sibling = self.graph.element(id);
                (index, sibling.priority.as_ref().map(|p| p.value), sibling)
            })
            .collect();
        order.sort_by(|a, b| match (a.1, b.1) {
            (Some(x), Some(y)) => x.total_cmp(&y).then(a.0.cmp(&b.0)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.0.cmp(&b.0),
        });
        let decided = order
            .windows(2)
            .any(|pair| matches!(pair, [a, b] if a.1.is_none() || b.1.is_none() || a.1 == b.1))
            || order.first().is_some_and(|first| first.1.is_none());
        let mut edits = Vec::new();
        for (rank, (_, _, sibling)) in order.iter().enumerate() {
            let number = (rank + 1).to_string();
            match &sibling.priority {
                Some(written) if self.sources.slice(written.span) == number => {}
                Some(written) => edits.push(Edit {
                    span: written.span,
                    replacement: number,
                }),
                None => edits.push(self.priority_insertion(sibling, &number)?),
            }
        }
        Some(Fix {
            rule: "PRI-01".to_owned(),
            applicability: if decided {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            },
            title: tr!(self.lang, "fix-priorities", count = order.len()),
            edits,
        })
    }

    /// A `priority: n` line after the element's `code` line, at the indentation of its keys;
    /// none unless the element is a block mapping whose `code` key is on a line of its own
    /// (or the item's first line).
    fn priority_insertion(&self, element: &Element, number: &str) -> Option<Edit> {
        let text = self.text(element.span.file);
        let start = element.span.start as usize;
        let first_line = line_start(text, start);
        let indent = start - first_line;
        if !text
            .get(first_line..start)?
            .chars()
            .all(|c| c == ' ' || c == '-')
        {
            return None;
        }
        let code_start = element.code.span.start as usize;
        let code_end = element.code.span.end as usize;
        let code_line = line_start(text, code_start);
        let key_indent = text
            .get(code_line..code_start)?
            .len()
            .saturating_sub(text.get(code_line..code_start)?.trim_start().len());
        if code_line != first_line && key_indent != indent {
            return None;
        }
        if text.get(code_start..code_end)?.contains('\n') {
            return None;
        }
        let line_end = text
            .get(code_end..)?
            .find('\n')
            .map_or(text.len(), |at| code_end + at);
        let (at, newline) = if line_end > 0 && text.get(line_end - 1..line_end) == Some("\r") {
            (line_end - 1, "\r\n")
        } else {
            (line_end, "\n")
        };
        Some(Edit {
            span: Span::new(element.span.file, at, at),
            replacement: format!("{newline}{}priority: {number}", " ".repeat(indent)),
        })
    }

    /// REF-01: a reference whose code differs only in case or blanks from one code of the
    /// plan it names is written as that code.
    fn reference(&self, finding: &Finding) -> Option<Fix> {
        let index = *self.unresolved.get(&finding.span)?;
        let link = self.graph.links.get(index)?;
        if link.kind == LinkKind::Upper {
            return None;
        }
        let reference = self
            .graph
            .reference(crate::graph::LinkId(u32::try_from(index).ok()?));
        let written = reference.text.value.trim();
        let (plan, code) = match written.split_once('/') {
            Some((plan, code)) => (self.graph.plan_by_id(plan.trim())?, code.trim()),
            None => (link.plan, written),
        };
        let wanted = canonical(code);
        let mut matching = self
            .graph
            .plan(plan)
            .elements()
            .map(|element| element.code.value.as_str())
            .filter(|existing| canonical(existing) == wanted);
        let existing = matching.next()?;
        // Two codes that differ only in case: which one was meant is not mechanical.
        if matching.next().is_some() || existing == code {
            return None;
        }
        // The reference is already the code as ART-12 will write it: that fix renames the
        // code, and this reference resolves then.
        if code == canonical(existing) {
            return None;
        }
        Some(Fix {
            rule: "REF-01".to_owned(),
            applicability: Applicability::Safe,
            title: tr!(self.lang, "fix-reference", code = code, fixed = existing),
            edits: vec![Edit {
                span: self.code_span(&reference.text)?,
                replacement: existing.to_owned(),
            }],
        })
    }

    /// WAI-01: the unused waiver (or `not_transcribed` entry) removed, with its list's key
    /// when it was the list's only item.
    fn unused_waiver(&self, finding: &Finding) -> Option<Fix> {
        let in_plans = self
            .plan_in(finding.span.file)
            .map(|id| self.graph.plan(id))
            .into_iter()
            .flat_map(|plan| plan.waivers.iter().chain(&plan.not_transcribed));
        let waiver = in_plans
            .chain(&self.config_waivers)
            .find(|waiver| waiver.rule.span == finding.span)?;
        let span = self.item_span(waiver.span)?;
        Some(Fix {
            rule: "WAI-01".to_owned(),
            applicability: Applicability::Safe,
            title: tr!(
                self.lang,
                "fix-remove-waiver",
                rule = waiver.rule.value.as_str()
            ),
            edits: vec![Edit {
                span,
                replacement: String::new(),
            }],
        })
    }

    /// A waiver of the finding, added to its plan's `waivers` (the code action "add a waiver
    /// for this finding"): its rule, its element as `at`, a reason to write (a placeholder
    /// in the run's language) and `until`. Unsafe: it hides a finding. None for a finding
    /// that cannot be waived (LOAD), outside a plan, or when the plan's waivers are not a
    /// block list.
    #[must_use]
    pub fn waiver_for(&self, finding: &Finding, until: crate::plan::model::Date) -> Option<Fix> {
        if !crate::policy::suppressible(&finding.rule) {
            return None;
        }
        let plan = self.graph.plan(self.plan_in(finding.span.file)?);
        let text = self.text(plan.file);
        let reason = tr!(self.lang, "fix-waiver-reason");
        let item = |indent: &str| {
            let mut lines = format!("{indent}- rule: {}\n", finding.rule);
            if !finding.element.is_empty() {
                lines.push_str(&format!("{indent}  at: {}\n", finding.element));
            }
            lines.push_str(&format!(
                "{indent}  reason: \"{reason}\"\n{indent}  until: {until}\n"
            ));
            lines
        };
        let edit = if let Some(last) = plan.waivers.last() {
            // After the last item, at its indentation.
            let span = self.item_span(last.span)?;
            let first = line_start(text, last.span.start as usize);
            let dash = text.get(first..last.span.start as usize)?;
            let indent = &dash[..dash.len() - dash.trim_start().len()];
            let end = span.end as usize;
            let newline = if text.get(..end)?.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            Edit {
                span: Span::new(plan.file, end, end),
                replacement: format!("{newline}{}", item(indent)),
            }
        } else {
            if text.lines().any(|line| {
                let key = line.trim_end();
                !line.starts_with([' ', '\t', '#'])
                    && key.split(':').next().is_some_and(|k| {
                        let k = k.trim();
                        crate::plan::model::same_word(k, "waivers")
                            || crate::plan::schema::spanish("waivers")
                                .iter()
                                .any(|name| crate::plan::model::same_word(k, name))
                    })
            }) {
                return None;
            }
            let newline = if text.is_empty() || text.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            Edit {
                span: Span::new(plan.file, text.len(), text.len()),
                replacement: format!("{newline}waivers:\n{}", item("  ")),
            }
        };
        Some(Fix {
            rule: finding.rule.clone(),
            applicability: Applicability::Unsafe,
            title: tr!(
                self.lang,
                "fix-add-waiver",
                rule = finding.rule.as_str(),
                until = until.to_string()
            ),
            edits: vec![edit],
        })
    }

    /// The whole lines of a block sequence item (`- rule: …` and the lines under it), and
    /// the line of the list's key above it when the item is the list's only one; none for
    /// an item written in flow style.
    fn item_span(&self, mapping: Span) -> Option<Span> {
        let text = self.text(mapping.file);
        let start = mapping.start as usize;
        let end = mapping.end as usize;
        let first = line_start(text, start);
        let dash = text.get(first..start)?;
        if dash.trim() != "-" {
            return None;
        }
        let dash_indent = dash.len() - dash.trim_start().len();
        let after = text.get(end..)?;
        let rest_of_line = after.split('\n').next().unwrap_or("");
        let rest = rest_of_line.trim();
        if !(rest.is_empty() || rest.starts_with('#')) {
            return None;
        }
        let last = (end + rest_of_line.len() + 1).min(text.len());
        // A sibling below: the next line with content is another item of the same list.
        let sibling_below = text.get(last..)?.lines().find_map(|line| {
            let content = line.trim_start();
            (!content.is_empty() && !content.starts_with('#')).then(|| {
                line.len() - content.len() == dash_indent
                    && (content == "-" || content.starts_with("- "))
            })
        });
        // The line above: the list's key when this item is the first.
        let above = text.get(..first)?.trim_end_matches('\n');
        let key_line_start = line_start(above, above.len());
        let key_line = above.get(key_line_start..)?;
        let key = key_line.trim();
        let only_item = sibling_below != Some(true)
            && key.ends_with(':')
            && !key.starts_with('-')
            && !key.contains('#')
            && key_line.len() - key_line.trim_start().len() <= dash_indent;
        let from = if only_item { key_line_start } else { first };
        Some(Span::new(mapping.file, from, last))
    }

    /// The span of a scalar's text in its file: the scalar itself when written plain, inside
    /// the quotes when quoted without escapes; none otherwise.
    fn text_span(&self, value: &Spanned<Text>) -> Option<Span> {
        let raw = self.sources.slice(value.span);
        if raw == value.value {
            return Some(value.span);
        }
        let quoted = ["\"", "'"]
            .iter()
            .any(|q| raw.starts_with(q) && raw.ends_with(q));
        let inner = raw.get(1..raw.len().saturating_sub(1))?;
        (quoted && raw.len() >= 2 && inner == value.value).then(|| {
            Span::new(
                value.span.file,
                value.span.start as usize + 1,
                value.span.end as usize - 1,
            )
        })
    }

    /// The span of the code in a reference (`<plan id>/<code>` or a bare code), blanks
    /// around it left out.
    fn code_span(&self, reference: &Spanned<Text>) -> Option<Span> {
        let whole = self.text_span(reference)?;
        let value = reference.value.as_str();
        let code_from = value.find('/').map_or(0, |slash| slash + 1);
        let code = value.get(code_from..)?;
        let leading = code.len() - code.trim_start().len();
        let trailing = code.len() - code.trim_end().len();
        let start = whole.start as usize + code_from + leading;
        let end = whole.end as usize - trailing;
        (start < end).then(|| Span::new(whole.file, start, end))
    }
}

/// A code in capitals without blanks.
#[must_use]
pub fn canonical(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether a code names an element or activity of the plan already.
fn code_taken(plan: &Plan, code: &str) -> bool {
    plan.elements().any(|element| element.code.value == code)
        || plan
            .activities
            .iter()
            .any(|activity| activity.code.value == code)
}

/// The offset of the start of the line holding `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |newline| newline + 1)
}

fn overlaps(a: &Edit, b: &Edit) -> bool {
    a.span.file == b.span.file
        && (a.span.start < b.span.end && b.span.start < a.span.end || a.span.start == b.span.start)
}

/// `text` with `edits` (of this one file, none overlapping) applied.
#[must_use]
pub fn apply(text: &str, edits: &[&Edit]) -> String {
    let mut sorted: Vec<&&Edit> = edits.iter().collect();
    sorted.sort_by_key(|edit| (edit.span.start, edit.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in sorted {
        let start = edit.span.start as usize;
        let end = edit.span.end as usize;
        if start < at {
            continue;
        }
        out.push_str(text.get(at..start).unwrap_or(""));
        out.push_str(&edit.replacement);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// A file [`fix_repository`] changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixedFile {
    /// The path, as discovered.
    pub path: PathBuf,
    /// The path as shown to users.
    pub display: String,
    /// The text before any fix.
    pub before: String,
    /// The text after every fix.
    pub after: String,
}

/// What [`fix_repository`] did.
#[derive(Debug)]
pub struct Outcome {
    /// The run on the fixed texts (what is left).
    pub run: Run,
    /// Whether the run on the files as they are fails (`--diff` writes nothing).
    pub failed_before: bool,
    /// The files changed, in path order.
    pub files: Vec<FixedFile>,
    /// How many findings the applied fixes fixed.
    pub fixed: usize,
    /// How many findings left have a fix that `--unsafe-fixes` would apply.
    pub unsafe_available: usize,
    /// Files a pass of fixes would have left unparsable: that pass was not applied.
    pub refused: Vec<String>,
}

/// Runs the check and applies the fixes of its findings (the unsafe ones too when
/// `unsafe_fixes`), again and again on the fixed texts until none is left or [`MAX_PASSES`]
/// runs have been made; nothing is written. The runs after the first take the files no fix
/// changed from the first one (as the browser's re-lint does), so that a pass costs the
/// resolving and the rules, not reading the repository again.
///
/// # Errors
/// As [`crate::check`].
pub fn fix_repository(options: &CheckOptions, unsafe_fixes: bool) -> Result<Outcome, CheckError> {
    let mut options = options.clone();
    let config_key = options
        .config
        .as_ref()
        .map(|config| crate::discover::absolute_key(&config.file));
    // By canonical path: (path, display, text before any fix).
    let mut originals: HashMap<PathBuf, (PathBuf, String, String)> = HashMap::new();
    let mut fixed_count = 0;
    let mut failed_before = None;
    let mut passes = 0;
    let mut refused = Vec::new();
    // Each pass after the first parses only the files the last one changed.
    let mut cache = crate::RunCache::default();
    loop {
        let run = crate::check_incremental(&options, &crate::Progress::default(), &mut cache)?;
        failed_before.get_or_insert(run.report.failed());
        let found = Fixer::new(&run, &options).fixes(&run.report.findings);
        passes += 1;
        let mut chosen: Vec<&Edit> = Vec::new();
        let mut applied = 0;
        for (_, fix) in &found {
            if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
                continue;
            }
            let same = |edit: &Edit| chosen.contains(&edit);
            if fix.edits.iter().all(same) {
                // The fix of another finding of the same defect (PRI-01's siblings).
                applied += 1;
                continue;
            }
            if fix
                .edits
                .iter()
                .any(|edit| chosen.iter().any(|c| overlaps(c, edit)))
            {
                continue;
            }
            chosen.extend(&fix.edits);
            applied += 1;
        }
        if chosen.is_empty() || passes > MAX_PASSES {
            // (A refused pass sets `passes` past the limit: the run is made once more, on
            // the texts of the last good pass.)
            let unsafe_available = found
                .iter()
                .filter(|(_, fix)| fix.applicability == Applicability::Unsafe && !unsafe_fixes)
                .count();
            let mut files: Vec<FixedFile> = originals
                .into_iter()
                .filter_map(|(key, (path, display, before))| {
                    let after = options.texts.get(&key)?.clone();
                    (after != before).then_some(FixedFile {
                        path,
                        display,
                        before,
                        after,
                    })
                })
                .collect();
            files.sort_by(|a, b| a.path.cmp(&b.path));
            return Ok(Outcome {
                run,
                failed_before: failed_before.unwrap_or(false),
                files,
                fixed: fixed_count,
                unsafe_available,
                refused,
            });
        }
        let mut by_file: HashMap<FileId, Vec<&Edit>> = HashMap::new();
        for edit in chosen {
            by_file.entry(edit.span.file).or_default().push(edit);
        }
        let fixed_texts: Vec<(FileId, String)> = by_file
            .into_iter()
            .map(|(file, edits)| (file, apply(run.sources.file(file).text(), &edits)))
            .collect();
        // A pass that would leave a file that parsed no longer parsing is not applied (a
        // fix that does so is a bug of alinea's: it is named, and nothing of the pass is
        // written).
        let broken: Vec<String> = fixed_texts
            .iter()
            .filter(|(file, text)| breaks_yaml(*file, run.sources.file(*file), text))
            .map(|(file, _)| run.sources.file(*file).display_name().to_owned())
            .collect();
        if !broken.is_empty() {
            refused = broken;
            passes = MAX_PASSES;
            continue;
        }
        fixed_count += applied;
        for (file, text) in fixed_texts {
            let source = run.sources.file(file);
            let key = crate::discover::absolute_key(source.path());
            originals.entry(key.clone()).or_insert_with(|| {
                (
                    source.path().to_path_buf(),
                    source.display_name().to_owned(),
                    source.text().to_owned(),
                )
            });
            if Some(&key) == config_key.as_ref()
                && let Some(config) = options.config.as_mut()
            {
                config.text.clone_from(&text);
            }
            options.texts.insert(key, text);
        }
    }
}

/// Whether `after`, the fixed text of `source`, no longer parses as YAML while the source did.
fn breaks_yaml(file: FileId, source: &crate::source::SourceFile, after: &str) -> bool {
    let lang = Lang::En;
    let fixed = crate::source::SourceFile::new(source.path().to_path_buf(), after.to_owned());
    crate::plan::yaml::parse(file, source, lang).is_ok()
        && crate::plan::yaml::parse(file, &fixed, lang).is_err()
}

/// A unified diff of the changed files (`--diff`).
#[must_use]
pub fn diff(files: &[FixedFile]) -> String {
    let mut out = String::new();
    for file in files {
        let diff = similar::TextDiff::from_lines(&file.before, &file.after);
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&file.display, &file.display)
                .to_string(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_codes_are_capitals_without_blanks() {
        assert_eq!(canonical("OEI. 09"), "OEI.09");
        assert_eq!(canonical("oei.09"), "OEI.09");
        assert_eq!(canonical(" aei .03.01-440 "), "AEI.03.01-440");
    }

    #[test]
    fn a_fixed_text_that_no_longer_parses_is_told_apart() {
        let file = FileId::from_index(0);
        let source = crate::source::SourceFile::new("p.yaml".into(), "code: OEI. 09\n".into());
        assert!(!breaks_yaml(file, &source, "code: OEI.09\n"));
        assert!(breaks_yaml(file, &source, "code: [OEI.09\n"));
        let broken = crate::source::SourceFile::new("p.yaml".into(), "code: [\n".into());
        assert!(!breaks_yaml(file, &broken, "code: [[\n"));
    }

    #[test]
    fn edits_apply_at_their_spans_in_any_order() {
        let file = FileId::from_index(0);
        let a = Edit {
            span: Span::new(file, 6, 13),
            replacement: "OEI.09".to_owned(),
        };
        let b = Edit {
            span: Span::new(file, 0, 0),
            replacement: "# x\n".to_owned(),
        };
        assert_eq!(apply("code: OEI. 09\n", &[&a, &b]), "# x\ncode: OEI.09\n");
    }
}
