//! The model, the messages and the update function of the browser (the Elm
//! architecture).
//!
//! [`update`] is pure: it reads a [`Msg`], changes the [`Model`], and may return a
//! follow-up message (a key becomes an action through the [keymap](super::keys)). What
//! needs the outside world (the editor, a re-lint, the clipboard) is queued as an
//! [`Effect`] that the [terminal loop](super::terminal) carries out and answers with
//! another message. No function here touches the terminal or the disk, so the state
//! machine is tested without a terminal.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use super::TuiStyle;
use super::coverage::{self, Matrix};
use super::filter::Filter;
use super::index::{Counts, Index, Node, Prepared};
use super::keys::{self, Action, Context, GROUP_KEYS, GroupBy};
use super::layout;
use super::strings::Words;
use super::trace::{self, LineKind, TraceLine};
use crate::Run;
use crate::graph::{ElementId, PlanId};
use crate::i18n::Lang;
use crate::report::{Finding, Pillar, Severity};
use crate::source::Span;
use crate::tr;

/// The four views, on keys `1`–`4`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// Findings list and detail.
    Findings,
    /// The selected element's chain through the plan hierarchy.
    Trace,
    /// A concerted plan's objectives against the plans beneath it.
    Coverage,
    /// Public value profiles.
    Profile,
}

impl View {
    /// Every view, in key order.
    pub const ALL: [Self; 4] = [Self::Findings, Self::Trace, Self::Coverage, Self::Profile];
}

/// The two panes a view may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The list or tree.
    Primary,
    /// The detail, matrix or rules.
    Secondary,
}

/// Something that happened: a key, the mouse, a resize, an action, or the answer to an
/// [`Effect`].
#[derive(Debug)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// The mouse was used.
    Mouse(MouseEvent),
    /// The terminal has a new size (columns, rows).
    Resize(u16, u16),
    /// A bound action.
    Action(Action),
    /// Group the findings differently (the end of the `,` chord).
    Group(GroupBy),
    /// A re-lint finished (its index built off the browser's thread).
    Reloaded(Box<Prepared>),
    /// A re-lint could not run.
    ReloadFailed(String),
    /// The editor exited (or could not start: the error).
    EditorFinished(Result<(), String>),
    /// A message for the status line.
    Status(String),
    /// What a job in the background is doing (the re-lint's spinner), shown in the status
    /// line when no other message is; `None` when it is done.
    Busy(Option<String>),
}

/// Work for the terminal loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Suspend the screen and open the editor at a place.
    OpenEditor {
        /// The file, as discovered.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Run the checker again.
    Reload,
    /// Put text on the clipboard.
    Copy(String),
}

/// A row of the findings list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A group header (index into the groups).
    Group(usize),
    /// A finding (index into the report's findings).
    Finding(usize),
}

/// A group of findings.
#[derive(Clone, Debug)]
pub struct Group {
    /// What the members share (a file, a rule…).
    pub label: String,
    /// Finding indices, errors first, then in report order.
    pub members: Vec<usize>,
    /// Members per severity.
    pub counts: Counts,
}

/// What a text prompt edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// `/`.
    Search,
    /// `f`.
    Filter,
}

#[derive(Clone, Debug)]
pub(crate) struct Prompt {
    pub(crate) kind: PromptKind,
    pub(crate) text: String,
    /// Where the cursor is, in characters from the start of `text`.
    pub(crate) cursor: usize,
    previous: String,
    pub(crate) error: Option<String>,
}

impl Prompt {
    /// The byte offset of the cursor in `text`.
    fn at(&self) -> usize {
        self.text
            .char_indices()
            .nth(self.cursor)
            .map_or(self.text.len(), |(at, _)| at)
    }

    /// Edits the text as a line editor does: characters go in at the cursor; backspace,
    /// delete, ctrl-u (the whole line), ctrl-w (the word before the cursor), and the cursor
    /// moves with ←, →, Home, End, ctrl-a, ctrl-e. Returns whether the text changed.
    fn edit(&mut self, key: KeyEvent) -> bool {
        let control = key.modifiers.contains(KeyModifiers::CONTROL);
        let length = self.text.chars().count();
        match key.code {
            KeyCode::Char('u') if control => {
                self.text.clear();
                self.cursor = 0;
                true
            }
            KeyCode::Char('w') if control => {
                let before: Vec<char> = self.text.chars().take(self.cursor).collect();
                let kept = before
                    .iter()
                    .rposition(|c| !c.is_whitespace())
                    .and_then(|last| {
                        before
                            .iter()
                            .take(last + 1)
                            .rposition(|c| c.is_whitespace())
                    })
                    .map_or(0, |space| space + 1);
                let rest: String = self.text.chars().skip(self.cursor).collect();
                self.text = before.iter().take(kept).collect::<String>() + &rest;
                self.cursor = kept;
                true
            }
            KeyCode::Char('a') if control => {
                self.cursor = 0;
                false
            }
            KeyCode::Char('e') if control => {
                self.cursor = length;
                false
            }
            KeyCode::Char(c) if !control => {
                let at = self.at();
                self.text.insert(at, c);
                self.cursor += 1;
                true
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.at();
                self.text.remove(at);
                true
            }
            KeyCode::Delete if self.cursor < length => {
                let at = self.at();
                self.text.remove(at);
                true
            }
            KeyCode::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            KeyCode::Right => {
                self.cursor = (self.cursor + 1).min(length);
                false
            }
            KeyCode::Home => {
                self.cursor = 0;
                false
            }
            KeyCode::End => {
                self.cursor = length;
                false
            }
            _ => false,
        }
    }
}

/// The popups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopupKind {
    /// The keys.
    Help,
    /// A rule's documentation.
    Explain,
    /// The objectives behind a coverage cell.
    Cell,
}

#[derive(Clone, Debug)]
pub(crate) enum Popup {
    Help {
        filter: String,
        scroll: usize,
    },
    Explain {
        rule: String,
        scroll: usize,
    },
    Cell {
        title: String,
        items: Vec<ElementId>,
        selected: usize,
    },
}

#[derive(Debug)]
pub(crate) struct FindingsState {
    pub(crate) group_by: GroupBy,
    pub(crate) min_severity: Severity,
    pub(crate) filter_text: String,
    filter: Filter,
    pub(crate) search: String,
    pub(crate) search_hits: usize,
    folded: HashSet<String>,
    pub(crate) groups: Vec<Group>,
    pub(crate) rows: Vec<Row>,
    pub(crate) selected: usize,
    pub(crate) offset: usize,
    pub(crate) detail_scroll: usize,
    pub(crate) shown: usize,
    /// Where each jump to a related location left from (fingerprint, and which of its
    /// related locations it followed), newest last: `ctrl-o` goes back.
    jumps: Vec<(String, usize)>,
    /// After going back, the next related location of that finding that `o` follows.
    next_related: Option<(String, usize)>,
}

#[derive(Debug, Default)]
pub(crate) struct TraceState {
    pub(crate) root: Option<Node>,
    from_finding: Option<usize>,
    /// The roots left by following a line, with the line that was selected there.
    history: Vec<(Node, usize)>,
    pub(crate) lines: Vec<TraceLine>,
    pub(crate) selected: usize,
    pub(crate) offset: usize,
}

#[derive(Debug, Default)]
pub(crate) struct CoverageState {
    pub(crate) plans: Vec<PlanId>,
    pub(crate) plan: usize,
    pub(crate) plan_offset: usize,
    pub(crate) matrix: Option<Matrix>,
    pub(crate) row: usize,
    pub(crate) column: usize,
    pub(crate) row_offset: usize,
    pub(crate) column_offset: usize,
    pub(crate) least_first: bool,
}

#[derive(Debug, Default)]
pub(crate) struct ProfileState {
    pub(crate) selected: usize,
    pub(crate) offset: usize,
    pub(crate) rules_scroll: usize,
    /// The selected check of the selected plan (in pillar order), when the checks pane
    /// has the focus.
    pub(crate) check: usize,
}

/// How many rows on each side of a selected finding a reload looks at for a surviving
/// neighbour when the finding itself is gone (beyond them, the selection goes to its group).
const NEIGHBOURS: usize = 64;

/// How far each scrolled pane can scroll, as last drawn: the view records it, and
/// [`update`] clamps every scroll position to it, so that no key is dead after `G`, a long
/// help or `j` past the end. Unknown (`usize::MAX`) until the pane is first drawn.
#[derive(Debug)]
pub(crate) struct Limits {
    pub(crate) detail: Cell<usize>,
    pub(crate) help: Cell<usize>,
    pub(crate) explain: Cell<usize>,
    pub(crate) profile: Cell<usize>,
    /// Where the checks pane was scrolled to, as drawn (it follows the selected check).
    pub(crate) profile_shown: Cell<usize>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            detail: Cell::new(usize::MAX),
            help: Cell::new(usize::MAX),
            explain: Cell::new(usize::MAX),
            profile: Cell::new(usize::MAX),
            profile_shown: Cell::new(0),
        }
    }
}

/// Everything the browser shows, and why.
#[derive(Debug)]
pub struct Model {
    pub(crate) run: Run,
    pub(crate) index: Index,
    pub(crate) words: Words,
    pub(crate) style: TuiStyle,
    pub(crate) view: View,
    pub(crate) focus: Pane,
    pub(crate) area: Rect,
    pub(crate) findings: FindingsState,
    pub(crate) trace: TraceState,
    pub(crate) coverage: CoverageState,
    pub(crate) profile: ProfileState,
    pub(crate) popup: Option<Popup>,
    pub(crate) prompt: Option<Prompt>,
    pub(crate) pending_group: bool,
    pub(crate) status: Option<String>,
    pub(crate) limits: Limits,
    busy: Option<String>,
    effects: Vec<Effect>,
    retired: Option<Box<Prepared>>,
    quit: bool,
}

impl Model {
    /// A model over a finished run, on an 80×24 screen until told otherwise. It speaks
    /// the run's language (`run.report.lang`).
    #[must_use]
    pub fn new(run: Run, style: TuiStyle) -> Self {
        Self::prepared(Prepared::new(run), style)
    }

    /// [`Model::new`] over a run whose index is already built (by the linting thread).
    #[must_use]
    pub fn prepared(prepared: Prepared, style: TuiStyle) -> Self {
        let Prepared { run, index } = prepared;
        let words = Words::new(run.report.lang);
        let mut model = Self {
            coverage: CoverageState {
                plans: coverage::plans(&run.graph),
                ..CoverageState::default()
            },
            run,
            index,
            words,
            style,
            view: View::Findings,
            focus: Pane::Primary,
            area: Rect::new(0, 0, 80, 24),
            findings: FindingsState {
                group_by: GroupBy::File,
                min_severity: Severity::Info,
                filter_text: String::new(),
                filter: Filter::default(),
                search: String::new(),
                search_hits: 0,
                folded: HashSet::new(),
                groups: Vec::new(),
                rows: Vec::new(),
                selected: 0,
                offset: 0,
                detail_scroll: 0,
                shown: 0,
                jumps: Vec::new(),
                next_related: None,
            },
            trace: TraceState::default(),
            profile: ProfileState::default(),
            popup: None,
            prompt: None,
            pending_group: false,
            status: None,
            limits: Limits::default(),
            busy: None,
            effects: Vec::new(),
            retired: None,
            quit: false,
        };
        model.refilter();
        model.select_first_finding();
        model.fit();
        model
    }

    /// The run being shown.
    #[must_use]
    pub fn run(&self) -> &Run {
        &self.run
    }

    /// The language of every text on screen: the run's.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.run.report.lang
    }

    /// The current view.
    #[must_use]
    pub fn view(&self) -> View {
        self.view
    }

    /// The focused pane.
    #[must_use]
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The style the browser was started with.
    #[must_use]
    pub fn style(&self) -> TuiStyle {
        self.style
    }

    /// The screen size the model lays itself out for.
    #[must_use]
    pub fn area(&self) -> Rect {
        self.area
    }

    /// The selected finding, when the selected row is one.
    #[must_use]
    pub fn selected_finding(&self) -> Option<&Finding> {
        self.selected_index()
            .and_then(|index| self.run.report.findings.get(index))
    }

    /// The findings on the list's rows, top to bottom (folded ones left out).
    pub fn listed_findings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.rows.iter().filter_map(|row| match row {
            Row::Finding(index) => self.run.report.findings.get(*index),
            Row::Group(_) => None,
        })
    }

    /// The rows of the findings list.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.findings.rows
    }

    /// The index of the selected row.
    #[must_use]
    pub fn selected_row(&self) -> usize {
        self.findings.selected
    }

    /// How many findings pass the filter and minimum severity (folded ones included).
    #[must_use]
    pub fn shown(&self) -> usize {
        self.findings.shown
    }

    /// The filter as typed.
    #[must_use]
    pub fn filter_text(&self) -> &str {
        &self.findings.filter_text
    }

    /// The search as typed.
    #[must_use]
    pub fn search(&self) -> &str {
        &self.findings.search
    }

    /// The minimum severity listed.
    #[must_use]
    pub fn min_severity(&self) -> Severity {
        self.findings.min_severity
    }

    /// The grouping.
    #[must_use]
    pub fn group_by(&self) -> GroupBy {
        self.findings.group_by
    }

    /// The open popup.
    #[must_use]
    pub fn popup(&self) -> Option<PopupKind> {
        self.popup.as_ref().map(|popup| match popup {
            Popup::Help { .. } => PopupKind::Help,
            Popup::Explain { .. } => PopupKind::Explain,
            Popup::Cell { .. } => PopupKind::Cell,
        })
    }

    /// The open prompt.
    #[must_use]
    pub fn prompt(&self) -> Option<PromptKind> {
        self.prompt.as_ref().map(|prompt| prompt.kind)
    }

    /// The status line's message (else what runs in the background).
    #[must_use]
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref().or(self.busy.as_deref())
    }

    /// The lines of the Trace view.
    #[must_use]
    pub fn trace_lines(&self) -> &[TraceLine] {
        &self.trace.lines
    }

    /// The selected line of the Trace view.
    #[must_use]
    pub fn trace_selected(&self) -> usize {
        self.trace.selected
    }

    /// The coverage matrix being shown.
    #[must_use]
    pub fn matrix(&self) -> Option<&Matrix> {
        self.coverage.matrix.as_ref()
    }

    /// Whether the user asked to quit.
    #[must_use]
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Takes the effects queued since the last call.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The run a reload replaced, for the caller to free off the browser's thread (with
    /// 100,000 findings, freeing it takes 80 ms). Left here, it is freed at the next
    /// reload.
    pub fn take_retired(&mut self) -> Option<Box<Prepared>> {
        self.retired.take()
    }

    /// The selected finding's place among the listed findings, from 1 (none on a group row).
    #[must_use]
    pub fn selected_position(&self) -> Option<usize> {
        match self.findings.rows.get(self.findings.selected) {
            Some(Row::Finding(_)) => Some(
                self.findings
                    .rows
                    .iter()
                    .take(self.findings.selected + 1)
                    .filter(|row| matches!(row, Row::Finding(_)))
                    .count(),
            ),
            _ => None,
        }
    }

    /// The fingerprint of the selected finding.
    #[must_use]
    pub fn selected_fingerprint(&self) -> Option<String> {
        let index = self.selected_index()?;
        self.index
            .info
            .get(index)
            .map(|info| info.fingerprint.clone())
    }

    fn selected_index(&self) -> Option<usize> {
        match self.findings.rows.get(self.findings.selected) {
            Some(Row::Finding(index)) => Some(*index),
            _ => None,
        }
    }

    fn finding(&self, index: usize) -> Option<&Finding> {
        self.run.report.findings.get(index)
    }

    /// Whether a finding matches the search.
    pub(crate) fn search_matches(&self, index: usize) -> bool {
        let search = &self.findings.search;
        !search.is_empty()
            && self
                .index
                .info
                .get(index)
                .is_some_and(|info| info.haystack.contains(&search.to_lowercase()))
    }

    /// Whether the group with this label is folded.
    pub(crate) fn findings_folded(&self, label: &str) -> bool {
        self.findings.folded.contains(label)
    }

    fn screen(&self) -> layout::Screen {
        layout::screen(self.area, self.view, self.focus)
    }

    fn primary_height(&self) -> usize {
        usize::from(layout::inner(self.screen().primary).height)
    }

    fn secondary_height(&self) -> usize {
        usize::from(layout::inner(self.screen().secondary).height)
    }

    // ---- findings ----

    /// Recomputes the groups from the filter, the minimum severity and the grouping,
    /// then the rows; keeps the selection on the same finding when it is still listed.
    fn refilter(&mut self) {
        let keep = self.selected_index();
        let keep_group = self.selected_group_label();
        let state = &mut self.findings;
        // One pass in report order; each group keeps one bucket per severity, so that
        // "errors first, then report order" needs no sort.
        let mut groups: Vec<(Group, [Vec<usize>; 3])> = Vec::new();
        let mut by_key: HashMap<GroupKey<'_>, usize> = HashMap::new();
        let mut shown = 0;
        let words = &self.words;
        for (index, finding) in self.run.report.findings.iter().enumerate() {
            if finding.severity < state.min_severity {
                continue;
            }
            if !state.filter.is_empty() {
                let file = self.run.sources.file(finding.span.file).display_name();
                let haystack = self
                    .index
                    .info
                    .get(index)
                    .map_or("", |info| info.haystack.as_str());
                if !state.filter.matches(finding, file, haystack) {
                    continue;
                }
            }
            shown += 1;
            let key = group_key(state.group_by, finding);
            let position = if let Some(&position) = by_key.get(&key) {
                position
            } else {
                let file = self.run.sources.file(finding.span.file).display_name();
                groups.push((
                    Group {
                        label: group_label(state.group_by, finding, file, words),
                        members: Vec::new(),
                        counts: Counts::default(),
                    },
                    [Vec::new(), Vec::new(), Vec::new()],
                ));
                by_key.insert(key, groups.len() - 1);
                groups.len() - 1
            };
            if let Some((group, buckets)) = groups.get_mut(position) {
                group.counts.add(finding.severity);
                let bucket = match finding.severity {
                    Severity::Error => &mut buckets[0],
                    Severity::Warning => &mut buckets[1],
                    Severity::Info => &mut buckets[2],
                };
                bucket.push(index);
            }
        }
        let mut groups: Vec<Group> = groups
            .into_iter()
            .map(|(mut group, buckets)| {
                group.members = buckets.concat();
                group
            })
            .collect();
        if state.group_by == GroupBy::Severity {
            groups.sort_by_key(|group| std::cmp::Reverse(group.counts.worst()));
        } else {
            groups.sort_by(|a, b| {
                b.counts
                    .worst()
                    .cmp(&a.counts.worst())
                    .then_with(|| a.label.cmp(&b.label))
            });
        }
        state.groups = groups;
        state.shown = shown;
        self.rebuild_rows();
        self.count_search_hits();
        if let Some(index) = keep
            && self.select_finding(index)
        {
            return;
        }
        if let Some(label) = keep_group
            && let Some(row) = self.findings.rows.iter().position(|row| {
                matches!(row, Row::Group(g) if self.findings.groups.get(*g).is_some_and(|g| g.label == label))
            })
        {
            self.findings.selected = row;
            return;
        }
        self.select_first_finding();
    }

    fn selected_group_label(&self) -> Option<String> {
        match self.findings.rows.get(self.findings.selected) {
            Some(Row::Group(group)) => self.findings.groups.get(*group).map(|g| g.label.clone()),
            _ => None,
        }
    }

    fn rebuild_rows(&mut self) {
        let state = &mut self.findings;
        let mut rows = Vec::with_capacity(state.shown + state.groups.len());
        for (position, group) in state.groups.iter().enumerate() {
            if state.group_by != GroupBy::None {
                rows.push(Row::Group(position));
                if state.folded.contains(&group.label) {
                    continue;
                }
            }
            rows.extend(group.members.iter().map(|&index| Row::Finding(index)));
        }
        state.rows = rows;
        state.selected = state.selected.min(state.rows.len().saturating_sub(1));
    }

    fn count_search_hits(&mut self) {
        let search = self.findings.search.to_lowercase();
        self.findings.search_hits = if search.is_empty() {
            0
        } else {
            self.findings
                .groups
                .iter()
                .flat_map(|group| group.members.iter())
                .filter(|&&index| {
                    self.index
                        .info
                        .get(index)
                        .is_some_and(|info| info.haystack.contains(&search))
                })
                .count()
        };
    }

    fn select_finding(&mut self, index: usize) -> bool {
        match self
            .findings
            .rows
            .iter()
            .position(|row| *row == Row::Finding(index))
        {
            Some(row) => {
                self.findings.selected = row;
                true
            }
            None => false,
        }
    }

    fn select_first_finding(&mut self) {
        self.findings.selected = self
            .findings
            .rows
            .iter()
            .position(|row| matches!(row, Row::Finding(_)))
            .unwrap_or(0);
    }

    fn move_row(&mut self, row: usize) {
        let last = self.findings.rows.len().saturating_sub(1);
        let row = row.min(last);
        if row != self.findings.selected {
            self.findings.detail_scroll = 0;
        }
        self.findings.selected = row;
    }

    /// Follows one of the selected finding's related locations to the finding there: the
    /// first one, or after `ctrl-o` came back to it, the next one. Its group is unfolded, and
    /// the filter and minimum severity are cleared if they hide it. A location with no
    /// finding is said in the status line.
    fn follow_related(&mut self) {
        let lang = self.lang();
        let Some(index) = self.selected_index() else {
            return;
        };
        let Some(finding) = self.finding(index) else {
            return;
        };
        let count = finding.related.len();
        if count == 0 {
            self.status = Some(tr!(lang, "tui-no-related"));
            return;
        }
        let fingerprint = self
            .index
            .info
            .get(index)
            .map(|info| info.fingerprint.clone())
            .unwrap_or_default();
        let which = match &self.findings.next_related {
            Some((from, next)) if *from == fingerprint => *next % count,
            _ => 0,
        };
        let Some(span) = finding.related.get(which).map(|related| related.span) else {
            return;
        };
        let (_, line, column, location) = self.location(span);
        let Some(target) = self.finding_at(span) else {
            self.status = Some(tr!(
                lang,
                "tui-no-finding-at",
                location = format!("{location}:{line}:{column}")
            ));
            return;
        };
        if !self.reveal(target) {
            return;
        }
        self.findings.jumps.push((fingerprint, which));
        self.findings.next_related = None;
        self.findings.detail_scroll = 0;
        self.focus = Pane::Primary;
        self.status = Some(tr!(lang, "tui-followed", which = which + 1, count = count));
    }

    /// Goes back to where the last [`follow_related`](Self::follow_related) left from.
    fn jump_back(&mut self) {
        let Some((fingerprint, which)) = self.findings.jumps.pop() else {
            self.status = Some(tr!(self.lang(), "tui-no-jump-back"));
            return;
        };
        let index = self
            .index
            .info
            .iter()
            .position(|info| info.fingerprint == fingerprint);
        if let Some(index) = index
            && self.reveal(index)
        {
            self.findings.detail_scroll = 0;
            self.findings.next_related = Some((fingerprint, which + 1));
        }
    }

    /// The finding at a location: the one starting there, else the first in the same file
    /// whose span holds it, else the first on the same line.
    fn finding_at(&self, span: Span) -> Option<usize> {
        let findings = &self.run.report.findings;
        let same_file = || {
            findings
                .iter()
                .enumerate()
                .filter(move |(_, f)| f.span.file == span.file)
        };
        let line = self.run.sources.file(span.file).line_col(span.start).line;
        same_file()
            .find(|(_, f)| f.span.start == span.start)
            .or_else(|| {
                same_file().find(|(_, f)| f.span.start <= span.start && span.start < f.span.end)
            })
            .or_else(|| {
                same_file().find(|(index, _)| {
                    self.index
                        .info
                        .get(*index)
                        .is_some_and(|info| info.line == line)
                })
            })
            .map(|(index, _)| index)
    }

    /// Selects a finding, unfolding its group and clearing a filter or minimum severity
    /// that hides it; false when it cannot be listed.
    fn reveal(&mut self, index: usize) -> bool {
        if self.select_finding(index) {
            return true;
        }
        let listed = |model: &Self| {
            model
                .findings
                .groups
                .iter()
                .any(|group| group.members.contains(&index))
        };
        if !listed(self) {
            self.findings.filter = Filter::default();
            self.findings.filter_text.clear();
            self.findings.min_severity = Severity::Info;
            self.refilter();
        }
        let label = self
            .findings
            .groups
            .iter()
            .find(|group| group.members.contains(&index))
            .map(|group| group.label.clone());
        if let Some(label) = label
            && self.findings.folded.remove(&label)
        {
            self.rebuild_rows();
        }
        self.select_finding(index)
    }

    fn step_finding(&mut self, forward: bool) {
        let rows = &self.findings.rows;
        let from = self.findings.selected;
        let found = if forward {
            rows.iter()
                .enumerate()
                .skip(from + 1)
                .find(|(_, row)| matches!(row, Row::Finding(_)))
                .map(|(position, _)| position)
        } else {
            rows.iter()
                .enumerate()
                .take(from)
                .rev()
                .find(|(_, row)| matches!(row, Row::Finding(_)))
                .map(|(position, _)| position)
        };
        if let Some(row) = found {
            self.move_row(row);
        }
    }

    fn step_search(&mut self, forward: bool, include_current: bool) {
        if self.findings.search.is_empty() {
            return;
        }
        self.unfold_matches();
        let count = self.findings.rows.len();
        if count == 0 {
            return;
        }
        let start = self.findings.selected;
        for step in 0..count {
            let offset = if include_current { step } else { step + 1 };
            let row = if forward {
                (start + offset) % count
            } else {
                (start + count * 2 - offset % count) % count
            };
            if let Some(Row::Finding(index)) = self.findings.rows.get(row)
                && self.search_matches(*index)
            {
                self.move_row(row);
                return;
            }
        }
    }

    /// Opens the folded groups that hold a finding the search matches, keeping the selected
    /// row where it is.
    fn unfold_matches(&mut self) {
        let opened: Vec<String> = self
            .findings
            .groups
            .iter()
            .filter(|group| self.findings.folded.contains(&group.label))
            .filter(|group| {
                group
                    .members
                    .iter()
                    .any(|&index| self.search_matches(index))
            })
            .map(|group| group.label.clone())
            .collect();
        if opened.is_empty() {
            return;
        }
        let selected = self.findings.rows.get(self.findings.selected).copied();
        for label in &opened {
            self.findings.folded.remove(label);
        }
        self.rebuild_rows();
        if let Some(row) =
            selected.and_then(|row| self.findings.rows.iter().position(|r| *r == row))
        {
            self.findings.selected = row;
        }
    }

    fn toggle_fold(&mut self, fold: Option<bool>) {
        let Some(Row::Group(group)) = self.findings.rows.get(self.findings.selected).copied()
        else {
            return;
        };
        let Some(label) = self.findings.groups.get(group).map(|g| g.label.clone()) else {
            return;
        };
        let folded = self.findings.folded.contains(&label);
        let want = fold.unwrap_or(!folded);
        if want == folded {
            return;
        }
        if want {
            self.findings.folded.insert(label);
        } else {
            self.findings.folded.remove(&label);
        }
        let selected = self.findings.selected;
        self.rebuild_rows();
        self.findings.selected = selected.min(self.findings.rows.len().saturating_sub(1));
    }

    fn selected_group_folded(&self) -> Option<bool> {
        match self.findings.rows.get(self.findings.selected) {
            Some(Row::Group(group)) => self
                .findings
                .groups
                .get(*group)
                .map(|g| self.findings.folded.contains(&g.label)),
            _ => None,
        }
    }

    fn go_to_group_row(&mut self) {
        let selected = self.findings.selected;
        if let Some(row) = self
            .findings
            .rows
            .iter()
            .take(selected)
            .rposition(|row| matches!(row, Row::Group(_)))
        {
            self.move_row(row);
        }
    }

    fn set_group(&mut self, group_by: GroupBy) {
        self.findings.group_by = group_by;
        self.refilter();
        self.status = None;
    }

    fn apply_filter(&mut self, text: &str) -> Result<(), String> {
        let filter = Filter::parse(text, self.lang())?;
        text.clone_into(&mut self.findings.filter_text);
        self.findings.filter = filter;
        self.refilter();
        Ok(())
    }

    fn location(&self, span: Span) -> (PathBuf, usize, usize, String) {
        let file = self.run.sources.file(span.file);
        let start = file.line_col(span.start);
        (
            file.path().to_path_buf(),
            start.line,
            start.column,
            format!("{}:{}:{}", file.display_name(), start.line, start.column),
        )
    }

    fn edit(&mut self, span: Option<Span>) {
        if let Some(span) = span {
            let (path, line, column, _) = self.location(span);
            self.effects.push(Effect::OpenEditor { path, line, column });
        }
    }

    fn copy(&mut self, span: Option<Span>) {
        if let Some(span) = span {
            let (_, _, _, text) = self.location(span);
            self.status = Some(tr!(self.lang(), "tui-copied", location = text.as_str()));
            self.effects.push(Effect::Copy(text));
        }
    }

    // ---- trace ----

    fn set_trace_root(&mut self, node: Node) {
        self.trace.root = Some(node);
        self.trace.lines = trace::build(&self.run.graph, &self.index, node, self.lang());
        self.trace.selected = 0;
        self.trace.offset = 0;
    }

    fn show_trace(&mut self) {
        if let Some(index) = self.selected_index()
            && (self.trace.from_finding != Some(index) || self.trace.root.is_none())
            && let Some(finding) = self.finding(index)
        {
            let node = self.index.node_of(&self.run.graph, finding);
            let about_no_element = finding.element.is_empty();
            let rule = finding.rule.clone();
            if let Some(node) = node {
                self.trace.history.clear();
                self.trace.from_finding = Some(index);
                self.set_trace_root(node);
                if about_no_element {
                    self.status = Some(tr!(self.lang(), "tui-nothing-to-trace", rule = rule));
                }
            }
        }
        self.view = View::Trace;
        self.focus = Pane::Primary;
    }

    fn trace_to(&mut self, node: Node) {
        if let Some(root) = self.trace.root
            && root != node
        {
            self.trace.history.push((root, self.trace.selected));
        }
        self.set_trace_root(node);
        self.view = View::Trace;
        self.focus = Pane::Primary;
    }

    /// Opens the Trace view on `node` with no history to go back to.
    fn trace_afresh(&mut self, node: Node) {
        self.trace.history.clear();
        self.trace.root = None;
        self.trace_to(node);
    }

    fn selected_trace_line(&self) -> Option<&TraceLine> {
        self.trace.lines.get(self.trace.selected)
    }

    // ---- coverage ----

    fn recompute_matrix(&mut self) {
        self.coverage.matrix = self.coverage.plans.get(self.coverage.plan).map(|&plan| {
            coverage::matrix(
                &self.run.graph,
                &self.index,
                plan,
                self.coverage.least_first,
            )
        });
        let rows = self.coverage.matrix.as_ref().map_or(0, |m| m.rows.len());
        let columns = self.coverage.matrix.as_ref().map_or(0, |m| m.columns.len());
        self.coverage.row = self.coverage.row.min(rows.saturating_sub(1));
        self.coverage.column = self.coverage.column.min(columns.saturating_sub(1));
    }

    fn selected_matrix_element(&self) -> Option<ElementId> {
        self.coverage
            .matrix
            .as_ref()
            .and_then(|matrix| matrix.rows.get(self.coverage.row))
            .map(|row| row.element)
    }

    // ---- reload ----

    fn node_key(&self, node: Node) -> (String, String) {
        let graph = &self.run.graph;
        match node {
            Node::Plan(plan) => (graph.plan(plan).id.value.to_string(), String::new()),
            Node::Element(element) => (
                graph.plan(graph.element_plan(element)).id.value.to_string(),
                graph.element(element).code.value.to_string(),
            ),
            Node::Implementer(implementer) => {
                let plan = match graph.implementer_node(implementer).place {
                    crate::graph::ImplementerPlace::Activity(plan, _)
                    | crate::graph::ImplementerPlace::Investment(plan, _) => plan,
                };
                let code = graph
                    .activity(implementer)
                    .map(|a| a.code.value.to_string())
                    .or_else(|| {
                        graph
                            .investment(implementer)
                            .map(|i| i.cui.value.to_string())
                    })
                    .unwrap_or_default();
                (graph.plan(plan).id.value.to_string(), code)
            }
        }
    }

    /// The fingerprints of the findings listed around the selected row, nearest first
    /// (the next one before the previous one at each distance), up to [`NEIGHBOURS`].
    fn neighbour_fingerprints(&self) -> Vec<String> {
        let rows = &self.findings.rows;
        let selected = self.findings.selected;
        let fingerprint_at = |row: usize| match rows.get(row) {
            Some(Row::Finding(index)) => self
                .index
                .info
                .get(*index)
                .map(|info| info.fingerprint.clone()),
            _ => None,
        };
        (1..rows.len().min(NEIGHBOURS))
            .flat_map(|distance| {
                [
                    selected.checked_add(distance),
                    selected.checked_sub(distance),
                ]
            })
            .flatten()
            .filter_map(fingerprint_at)
            .collect()
    }

    /// Replaces the run, keeping filters, grouping, folds, the view and the selection: the
    /// same finding (by fingerprint), else its nearest surviving neighbour, else the same
    /// group's row. Everything that held graph ids (the trace root, the coverage plan, an
    /// open cell popup) is re-resolved by (plan id, code), or closed.
    fn reload(&mut self, prepared: Prepared) {
        let fingerprint = self.selected_fingerprint();
        let old_row = self.findings.selected;
        // The selected finding's neighbours in the list, nearest first, and its group: where
        // the selection goes when the finding itself is gone.
        let neighbours = self.neighbour_fingerprints();
        let group_label = self.selected_group_label().or_else(|| {
            let index = self.selected_index()?;
            self.findings
                .groups
                .iter()
                .find(|group| group.members.contains(&index))
                .map(|group| group.label.clone())
        });
        // Graph ids die with the run: what a popup lists is kept by (plan id, code).
        let cell_keys: Option<Vec<(String, String)>> = match &self.popup {
            Some(Popup::Cell { items, .. }) => Some(
                items
                    .iter()
                    .map(|&element| self.node_key(Node::Element(element)))
                    .collect(),
            ),
            _ => None,
        };
        let trace_key = self.trace.root.map(|node| self.node_key(node));
        let coverage_plan = self
            .coverage
            .plans
            .get(self.coverage.plan)
            .map(|&plan| self.run.graph.plan(plan).id.value.to_string());
        let profile_plan = self
            .run
            .graph
            .plans
            .get(self.profile.selected)
            .map(|plan| plan.id.value.to_string());

        // Freeing the old run takes as long as building a small one: it is handed over to
        // be dropped elsewhere ([`Model::take_retired`]).
        let run = std::mem::replace(&mut self.run, prepared.run);
        let index = std::mem::replace(&mut self.index, prepared.index);
        self.retired = Some(Box::new(Prepared { run, index }));
        self.words = Words::new(self.run.report.lang);
        self.refilter();
        // The wanted fingerprints, nearest first: the listed row of the nearest one found.
        let mut wanted: HashMap<&str, usize> = HashMap::new();
        for (rank, fingerprint) in fingerprint.iter().chain(neighbours.iter()).enumerate() {
            wanted.entry(fingerprint.as_str()).or_insert(rank);
        }
        let found = self
            .findings
            .rows
            .iter()
            .enumerate()
            .filter_map(|(row, entry)| match entry {
                Row::Finding(index) => {
                    let info = self.index.info.get(*index)?;
                    wanted
                        .get(info.fingerprint.as_str())
                        .map(|&rank| (rank, row))
                }
                Row::Group(_) => None,
            })
            .min();
        let restored = found.map(|(_, row)| row).or_else(|| {
            let label = group_label?;
            self.findings.rows.iter().position(|row| {
                matches!(row, Row::Group(group)
                        if self.findings.groups.get(*group).is_some_and(|g| g.label == label))
            })
        });
        self.findings.selected =
            restored.unwrap_or_else(|| old_row.min(self.findings.rows.len().saturating_sub(1)));
        if let Some(keys) = cell_keys {
            let items: Vec<ElementId> = keys
                .iter()
                .filter_map(
                    |(plan, code)| match self.index.node(&self.run.graph, plan, code) {
                        Some(Node::Element(element)) => Some(element),
                        _ => None,
                    },
                )
                .collect();
            match &mut self.popup {
                Some(Popup::Cell {
                    items: held,
                    selected,
                    ..
                }) if !items.is_empty() => {
                    *selected = (*selected).min(items.len() - 1);
                    *held = items;
                }
                _ => self.popup = None,
            }
        }
        if let Some(Popup::Explain { rule, .. }) = &self.popup
            && !rule_known(&self.run, rule)
        {
            self.popup = None;
        }
        self.findings.detail_scroll = 0;

        self.trace.history.clear();
        self.trace.from_finding = self.selected_index();
        let node =
            trace_key.and_then(|(plan, code)| self.index.node(&self.run.graph, &plan, &code));
        if let Some(node) = node {
            let selected = self.trace.selected;
            self.set_trace_root(node);
            self.trace.selected = selected.min(self.trace.lines.len().saturating_sub(1));
        } else {
            self.trace.root = None;
            self.trace.lines.clear();
        }

        self.coverage.plans = coverage::plans(&self.run.graph);
        self.coverage.plan = coverage_plan
            .and_then(|id| {
                self.coverage
                    .plans
                    .iter()
                    .position(|&plan| self.run.graph.plan(plan).id.value == id)
            })
            .unwrap_or(0);
        self.recompute_matrix();
        self.profile.selected = profile_plan
            .and_then(|id| self.run.graph.plans.iter().position(|p| p.id.value == id))
            .unwrap_or(0);

        let totals = self.index.totals;
        self.status = Some(tr!(
            self.lang(),
            "tui-relinted",
            errors = totals.error,
            warnings = totals.warning,
            infos = totals.info
        ));
    }

    // ---- keys ----

    fn on_key(&mut self, key: KeyEvent) -> Option<Msg> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            return Some(Msg::Action(Action::Quit));
        }
        if key.modifiers.contains(KeyModifiers::ALT) && matches!(key.code, KeyCode::Char(_)) {
            // A key typed right after esc arrives as alt+key. Nothing is bound to alt, so
            // it is taken as the two keys it was.
            if let Some(Msg::Action(action)) =
                self.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE))
            {
                let _ = self.on_action(action);
            }
            return self.on_key(KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT));
        }
        if self.popup.is_some() {
            return self.popup_key(key);
        }
        if self.prompt.is_some() {
            self.prompt_key(key);
            return None;
        }
        if self.pending_group {
            self.pending_group = false;
            self.status = None;
            if let KeyCode::Char(c) = key.code
                && let Some(&(_, group_by)) = GROUP_KEYS.iter().find(|(k, _)| *k == c)
            {
                return Some(Msg::Group(group_by));
            }
            return None;
        }
        self.status = None;
        let context = match self.view {
            View::Findings => Context::Findings,
            View::Coverage => Context::Coverage,
            View::Trace | View::Profile => Context::Global,
        };
        keys::action_for(context, &key).map(Msg::Action)
    }

    fn popup_key(&mut self, key: KeyEvent) -> Option<Msg> {
        let page = self.area.height.saturating_sub(6).max(1) as usize;
        let mut follow = None;
        let mut close = false;
        match &mut self.popup {
            Some(Popup::Help { filter, scroll }) => match key.code {
                KeyCode::Esc | KeyCode::F(1) | KeyCode::Enter | KeyCode::Char('?') => close = true,
                // `q` closes the help, unless it is being typed into the filter.
                KeyCode::Char('q') if filter.is_empty() => close = true,
                KeyCode::Backspace => {
                    filter.pop();
                    *scroll = 0;
                }
                KeyCode::Down => *scroll = scroll.saturating_add(1),
                KeyCode::Up => *scroll = scroll.saturating_sub(1),
                KeyCode::PageDown => *scroll = scroll.saturating_add(page),
                KeyCode::PageUp => *scroll = scroll.saturating_sub(page),
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    filter.push(c);
                    *scroll = 0;
                }
                _ => {}
            },
            Some(Popup::Explain { scroll, .. }) => match key.code {
                KeyCode::Esc | KeyCode::Enter | KeyCode::Char('q' | 'i') => close = true,
                KeyCode::Down | KeyCode::Char('j') => *scroll = scroll.saturating_add(1),
                KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
                KeyCode::PageDown => *scroll = scroll.saturating_add(page),
                KeyCode::PageUp => *scroll = scroll.saturating_sub(page),
                _ => {}
            },
            Some(Popup::Cell {
                items, selected, ..
            }) => match key.code {
                KeyCode::Esc | KeyCode::Char('q') => close = true,
                KeyCode::Down | KeyCode::Char('j') => {
                    *selected = (*selected + 1).min(items.len().saturating_sub(1));
                }
                KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
                KeyCode::Enter | KeyCode::Right | KeyCode::Char('l' | 't') => {
                    follow = items.get(*selected).map(|&e| (e, false));
                    close = true;
                }
                KeyCode::Char('e') => follow = items.get(*selected).map(|&e| (e, true)),
                _ => {}
            },
            None => {}
        }
        if close {
            self.popup = None;
        }
        match follow {
            Some((element, true)) => {
                let span = self.run.graph.element(element).code.span;
                self.edit(Some(span));
            }
            Some((element, false)) => self.trace_to(Node::Element(element)),
            None => {}
        }
        None
    }

    fn prompt_key(&mut self, key: KeyEvent) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let kind = prompt.kind;
        match key.code {
            KeyCode::Esc => {
                let previous = prompt.previous.clone();
                self.prompt = None;
                self.set_prompt_value(kind, &previous);
                return;
            }
            KeyCode::Enter => {
                let valid = prompt.error.is_none();
                if valid {
                    self.prompt = None;
                } else if let Some(error) = &prompt.error {
                    self.status = Some(error.clone());
                }
                return;
            }
            _ => {
                if !prompt.edit(key) {
                    return;
                }
            }
        }
        let text = prompt.text.clone();
        self.set_prompt_value(kind, &text);
    }

    fn set_prompt_value(&mut self, kind: PromptKind, text: &str) {
        match kind {
            PromptKind::Search => {
                text.clone_into(&mut self.findings.search);
                self.count_search_hits();
                self.step_search(true, true);
            }
            PromptKind::Filter => {
                let result = self.apply_filter(text);
                if let Some(prompt) = &mut self.prompt {
                    prompt.error = result.err();
                }
            }
        }
    }

    fn open_prompt(&mut self, kind: PromptKind) {
        let previous = match kind {
            PromptKind::Search => self.findings.search.clone(),
            PromptKind::Filter => self.findings.filter_text.clone(),
        };
        // The prompt starts empty, and what it holds applies as it is typed; Esc gives the
        // previous value back.
        self.prompt = Some(Prompt {
            kind,
            text: String::new(),
            cursor: 0,
            previous,
            error: None,
        });
        self.set_prompt_value(kind, "");
    }

    // ---- actions ----

    fn on_action(&mut self, action: Action) -> Option<Msg> {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => {
                self.popup = Some(Popup::Help {
                    filter: String::new(),
                    scroll: 0,
                });
            }
            Action::Escape => {
                if !self.findings.search.is_empty() {
                    self.findings.search.clear();
                    self.findings.search_hits = 0;
                } else if !self.findings.filter_text.is_empty() {
                    let _ = self.apply_filter("");
                }
            }
            Action::Reload => {
                self.status = Some(tr!(self.lang(), "tui-relinting"));
                self.effects.push(Effect::Reload);
            }
            Action::ViewFindings => {
                self.view = View::Findings;
                self.focus = Pane::Primary;
            }
            Action::ViewTrace => self.show_trace(),
            Action::ViewCoverage => {
                self.view = View::Coverage;
                self.focus = Pane::Primary;
                if self.coverage.matrix.is_none() {
                    self.recompute_matrix();
                }
            }
            Action::ViewProfile => {
                self.view = View::Profile;
                self.focus = Pane::Primary;
            }
            Action::NextPane | Action::PrevPane => {
                if self.view != View::Trace {
                    self.focus = match self.focus {
                        Pane::Primary => Pane::Secondary,
                        Pane::Secondary => Pane::Primary,
                    };
                }
            }
            _ => match self.view {
                View::Findings => return self.findings_action(action),
                View::Trace => self.trace_action(action),
                View::Coverage => self.coverage_action(action),
                View::Profile => self.profile_action(action),
            },
        }
        None
    }

    fn findings_action(&mut self, action: Action) -> Option<Msg> {
        let detail = self.focus == Pane::Secondary;
        let page = self.primary_height().max(1);
        let detail_page = self.secondary_height().max(1);
        let selected = self.findings.selected;
        let span = self.selected_finding().map(|f| f.span);
        match action {
            Action::Down if detail => self.findings.detail_scroll += 1,
            Action::Up if detail => {
                self.findings.detail_scroll = self.findings.detail_scroll.saturating_sub(1);
            }
            Action::PageDown if detail => self.findings.detail_scroll += detail_page,
            Action::PageUp if detail => {
                self.findings.detail_scroll =
                    self.findings.detail_scroll.saturating_sub(detail_page);
            }
            Action::Top if detail => self.findings.detail_scroll = 0,
            Action::Bottom if detail => self.findings.detail_scroll = usize::MAX,
            Action::Down => self.move_row(selected + 1),
            Action::Up => self.move_row(selected.saturating_sub(1)),
            Action::PageDown => self.move_row(selected + page),
            Action::PageUp => self.move_row(selected.saturating_sub(page)),
            Action::Top => self.move_row(0),
            Action::Bottom => self.move_row(usize::MAX),
            Action::NextFinding => self.step_finding(true),
            Action::PrevFinding => self.step_finding(false),
            Action::FollowRelated => self.follow_related(),
            Action::JumpBack => self.jump_back(),
            Action::Right if detail => {}
            Action::Right => match self.selected_group_folded() {
                Some(true) => self.toggle_fold(Some(false)),
                Some(false) => self.move_row(selected + 1),
                None => self.focus = Pane::Secondary,
            },
            Action::Left if detail => self.focus = Pane::Primary,
            Action::Left => match self.selected_group_folded() {
                Some(false) => self.toggle_fold(Some(true)),
                Some(true) => {}
                None => self.go_to_group_row(),
            },
            Action::Enter => match self.selected_group_folded() {
                Some(_) => self.toggle_fold(None),
                None => {
                    self.focus = if detail {
                        Pane::Primary
                    } else {
                        Pane::Secondary
                    };
                }
            },
            Action::Search => self.open_prompt(PromptKind::Search),
            Action::Filter => self.open_prompt(PromptKind::Filter),
            Action::SearchNext => self.step_search(true, false),
            Action::SearchPrev => self.step_search(false, false),
            Action::CycleSeverity => {
                self.findings.min_severity = match self.findings.min_severity {
                    Severity::Info => Severity::Warning,
                    Severity::Warning => Severity::Error,
                    Severity::Error => Severity::Info,
                };
                self.refilter();
            }
            Action::GroupPrefix => {
                self.pending_group = true;
                self.status = Some(tr!(self.lang(), "tui-group-pending"));
            }
            Action::Edit => self.edit(span),
            Action::Copy => self.copy(span),
            Action::Trace => self.show_trace(),
            Action::Explain => {
                if let Some(finding) = self.selected_finding() {
                    let rule = finding.rule.clone();
                    if rule_known(&self.run, &rule) {
                        self.popup = Some(Popup::Explain { rule, scroll: 0 });
                    } else {
                        self.status = Some(tr!(self.lang(), "tui-unknown-rule", rule = rule));
                    }
                }
            }
            _ => {}
        }
        None
    }

    fn trace_action(&mut self, action: Action) {
        let page = self.primary_height().max(1);
        let last = self.trace.lines.len().saturating_sub(1);
        let selected = self.trace.selected;
        let line = self.selected_trace_line();
        let node = line
            .filter(|line| !matches!(line.kind, LineKind::Root | LineKind::Heading))
            .and_then(|line| line.node);
        let span = line.and_then(|line| line.span);
        match action {
            Action::Down => self.trace.selected = (selected + 1).min(last),
            Action::Up => self.trace.selected = selected.saturating_sub(1),
            Action::PageDown => self.trace.selected = (selected + page).min(last),
            Action::PageUp => self.trace.selected = selected.saturating_sub(page),
            Action::Top => self.trace.selected = 0,
            Action::Bottom => self.trace.selected = last,
            Action::Right | Action::Enter | Action::Trace => {
                if let Some(node) = node {
                    self.trace_to(node);
                }
            }
            Action::Left => {
                // Back to the previous root, on the line that was followed from it.
                if let Some((previous, line)) = self.trace.history.pop() {
                    self.set_trace_root(previous);
                    self.trace.selected = line.min(self.trace.lines.len().saturating_sub(1));
                }
            }
            Action::Edit => self.edit(span),
            Action::Copy => self.copy(span),
            _ => {}
        }
    }

    fn coverage_action(&mut self, action: Action) {
        let matrix_focus = self.focus == Pane::Secondary;
        let rows = self.coverage.matrix.as_ref().map_or(0, |m| m.rows.len());
        let columns = self.coverage.matrix.as_ref().map_or(0, |m| m.columns.len());
        let plans = self.coverage.plans.len();
        let element = self.selected_matrix_element();
        let span = element.map(|e| self.run.graph.element(e).code.span);
        match action {
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom => {
                let page = if matrix_focus {
                    self.secondary_height().saturating_sub(1).max(1)
                } else {
                    self.primary_height().max(1)
                };
                let (current, count) = if matrix_focus {
                    (self.coverage.row, rows)
                } else {
                    (self.coverage.plan, plans)
                };
                let next = step(current, count, action, page);
                if matrix_focus {
                    self.coverage.row = next;
                } else if next != self.coverage.plan {
                    self.coverage.plan = next;
                    self.coverage.row = 0;
                    self.coverage.column = 0;
                    self.recompute_matrix();
                }
            }
            Action::Right | Action::Enter if !matrix_focus => self.focus = Pane::Secondary,
            Action::Right => {
                self.coverage.column = (self.coverage.column + 1).min(columns.saturating_sub(1));
            }
            Action::Left if matrix_focus => {
                if self.coverage.column == 0 {
                    self.focus = Pane::Primary;
                } else {
                    self.coverage.column -= 1;
                }
            }
            Action::Enter => self.open_cell(),
            Action::SortCoverage => {
                let keep = element;
                self.coverage.least_first = !self.coverage.least_first;
                self.recompute_matrix();
                if let Some(keep) = keep
                    && let Some(row) = self
                        .coverage
                        .matrix
                        .as_ref()
                        .and_then(|m| m.rows.iter().position(|r| r.element == keep))
                {
                    self.coverage.row = row;
                }
            }
            Action::Edit => self.edit(span),
            Action::Copy => self.copy(span),
            Action::Trace => {
                if let Some(element) = element {
                    self.trace_afresh(Node::Element(element));
                }
            }
            _ => {}
        }
    }

    fn open_cell(&mut self) {
        let Some(matrix) = &self.coverage.matrix else {
            return;
        };
        let Some(row) = matrix.rows.get(self.coverage.row) else {
            return;
        };
        let graph = &self.run.graph;
        let code = &graph.element(row.element).code.value;
        let (items, column) = match matrix.columns.get(self.coverage.column) {
            Some(&column) => (
                row.cells
                    .get(self.coverage.column)
                    .map(|cell| cell.lowers.clone())
                    .unwrap_or_default(),
                graph.plan(column).id.value.to_string(),
            ),
            None => (Vec::new(), String::new()),
        };
        if items.is_empty() {
            self.status = Some(tr!(
                self.run.report.lang,
                "tui-cell-empty",
                plan = column,
                code = code.as_str()
            ));
            return;
        }
        self.popup = Some(Popup::Cell {
            title: format!("{column} → {code}"),
            items,
            selected: 0,
        });
    }

    /// The checks of the selected plan's profile, in the order the checks pane lists them.
    fn profile_checks(&self) -> Vec<&crate::profile::CheckResult> {
        self.run
            .report
            .profiles
            .get(self.profile.selected)
            .map(|profile| {
                Pillar::ALL
                    .into_iter()
                    .flat_map(|pillar| profile.pillar(pillar))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn profile_action(&mut self, action: Action) {
        let plans = self.run.graph.plans.len();
        let checks = self.profile_checks().len();
        let rules_focus = self.focus == Pane::Secondary;
        let plan = self.run.graph.plans.get(self.profile.selected);
        let span = plan.map(|plan| plan.id.span);
        let node = plan.and_then(|plan| self.run.graph.plan_by_id(&plan.id.value));
        match action {
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom => {
                if rules_focus {
                    let page = self.secondary_height().max(1);
                    // The pane follows the selected check from where it was drawn.
                    self.profile.rules_scroll = self.limits.profile_shown.get();
                    self.profile.check = step(self.profile.check, checks, action, page);
                } else {
                    let page = self.primary_height().max(1);
                    let next = step(self.profile.selected, plans, action, page);
                    if next != self.profile.selected {
                        self.profile.rules_scroll = 0;
                        self.profile.check = 0;
                    }
                    self.profile.selected = next;
                }
            }
            // From a check, Enter lists the plan's findings of the rules behind it (of all
            // rules when none is behind it).
            Action::Enter if rules_focus => {
                if let Some(plan) = plan {
                    let mut filter = format!("%plan \"{}\"", plan.id.value);
                    if let Some(check) = self.profile_checks().get(self.profile.check)
                        && !check.rules.is_empty()
                    {
                        filter.push_str(&format!(" %rule {}", check.rules.join(",")));
                    }
                    if self.apply_filter(&filter).is_ok() {
                        self.view = View::Findings;
                        self.focus = Pane::Primary;
                        self.select_first_finding();
                    }
                }
            }
            Action::Right | Action::Enter => self.focus = Pane::Secondary,
            Action::Left => self.focus = Pane::Primary,
            Action::Edit => self.edit(span),
            Action::Copy => self.copy(span),
            Action::Trace => {
                if let Some(node) = node {
                    self.trace_afresh(Node::Plan(node));
                }
            }
            _ => {}
        }
    }

    // ---- mouse ----

    fn on_mouse(&mut self, mouse: MouseEvent) {
        if self.popup.is_some() || self.prompt.is_some() {
            return;
        }
        let screen = self.screen();
        let (column, row) = (mouse.column, mouse.row);
        let in_primary = layout::contains(screen.primary, column, row);
        let in_secondary = layout::contains(screen.secondary, column, row);
        match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                if layout::contains(screen.header, column, row) {
                    if let Some(&(view, ..)) = layout::tabs(screen.header, self.words.views())
                        .iter()
                        .find(|(_, x, width)| column >= *x && column < x.saturating_add(*width))
                    {
                        let action = match view {
                            View::Findings => Action::ViewFindings,
                            View::Trace => Action::ViewTrace,
                            View::Coverage => Action::ViewCoverage,
                            View::Profile => Action::ViewProfile,
                        };
                        let _ = self.on_action(action);
                    }
                } else if in_primary {
                    self.focus = Pane::Primary;
                    let inner = layout::inner(screen.primary);
                    if layout::contains(inner, column, row) {
                        self.click_primary(usize::from(row - inner.y));
                    }
                } else if in_secondary {
                    self.focus = Pane::Secondary;
                    let inner = layout::inner(screen.secondary);
                    if self.view == View::Coverage
                        && layout::contains(inner, column, row)
                        && row > inner.y
                    {
                        let target = self.coverage.row_offset + usize::from(row - inner.y - 1);
                        let rows = self.coverage.matrix.as_ref().map_or(0, |m| m.rows.len());
                        if target < rows {
                            self.coverage.row = target;
                        }
                    }
                }
            }
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = mouse.kind == MouseEventKind::ScrollDown;
                let action = if down { Action::Down } else { Action::Up };
                let focus = self.focus;
                let target = if in_primary {
                    Pane::Primary
                } else if in_secondary {
                    Pane::Secondary
                } else {
                    return;
                };
                self.focus = target;
                for _ in 0..3 {
                    let _ = self.on_action(action);
                }
                if self.view != View::Coverage {
                    self.focus = focus;
                }
            }
            _ => {}
        }
    }

    fn click_primary(&mut self, line: usize) {
        match self.view {
            View::Findings => {
                let row = self.findings.offset + line;
                if row < self.findings.rows.len() {
                    self.move_row(row);
                }
            }
            View::Trace => {
                let row = self.trace.offset + line;
                if row < self.trace.lines.len() {
                    self.trace.selected = row;
                }
            }
            View::Coverage => {
                let row = self.coverage.plan_offset + line;
                if row < self.coverage.plans.len() && row != self.coverage.plan {
                    self.coverage.plan = row;
                    self.coverage.row = 0;
                    self.coverage.column = 0;
                    self.recompute_matrix();
                }
            }
            View::Profile => {
                let row = self.profile.offset + line;
                if row < self.run.graph.plans.len() {
                    self.profile.selected = row;
                    self.profile.rules_scroll = 0;
                    self.profile.check = 0;
                }
            }
        }
    }

    // ---- scrolling ----

    /// Keeps every selection inside its pane after a change (of size, of selection).
    fn fit(&mut self) {
        let screen = self.screen();
        let primary = usize::from(layout::inner(screen.primary).height);
        let secondary_inner = layout::inner(screen.secondary);
        let secondary = usize::from(secondary_inner.height);
        let state = &mut self.findings;
        state.selected = state.selected.min(state.rows.len().saturating_sub(1));
        state.offset = fit_offset(state.offset, state.selected, primary, state.rows.len());
        let trace = &mut self.trace;
        trace.selected = trace.selected.min(trace.lines.len().saturating_sub(1));
        trace.offset = fit_offset(trace.offset, trace.selected, primary, trace.lines.len());
        let coverage = &mut self.coverage;
        coverage.plan_offset = fit_offset(
            coverage.plan_offset,
            coverage.plan,
            primary,
            coverage.plans.len(),
        );
        if let Some(matrix) = &coverage.matrix {
            coverage.row_offset = fit_offset(
                coverage.row_offset,
                coverage.row,
                secondary.saturating_sub(1),
                matrix.rows.len(),
            );
            let visible = layout::matrix_columns(secondary_inner.width).max(1);
            coverage.column_offset = fit_offset(
                coverage.column_offset,
                coverage.column,
                visible,
                matrix.columns.len(),
            );
        }
        let plans = self.run.graph.plans.len();
        let profile = &mut self.profile;
        profile.selected = profile.selected.min(plans.saturating_sub(1));
        profile.offset = fit_offset(profile.offset, profile.selected, primary, plans);
        self.clamp();
    }

    /// Keeps every position inside what it points into: selections inside their lists, the
    /// coverage cursor inside its matrix, scroll positions within what was last drawn, a
    /// popup's selection inside its items.
    fn clamp(&mut self) {
        let coverage = &mut self.coverage;
        coverage.plan = coverage.plan.min(coverage.plans.len().saturating_sub(1));
        let (rows, columns) = coverage
            .matrix
            .as_ref()
            .map_or((0, 0), |m| (m.rows.len(), m.columns.len()));
        coverage.row = coverage.row.min(rows.saturating_sub(1));
        coverage.column = coverage.column.min(columns.saturating_sub(1));
        let limits = &self.limits;
        self.findings.detail_scroll = self.findings.detail_scroll.min(limits.detail.get());
        self.profile.rules_scroll = self.profile.rules_scroll.min(limits.profile.get());
        self.profile.check = self
            .profile
            .check
            .min(self.profile_checks().len().saturating_sub(1));
        match &mut self.popup {
            Some(Popup::Help { scroll, .. }) => *scroll = (*scroll).min(limits.help.get()),
            Some(Popup::Explain { scroll, .. }) => *scroll = (*scroll).min(limits.explain.get()),
            Some(Popup::Cell {
                items, selected, ..
            }) => *selected = (*selected).min(items.len().saturating_sub(1)),
            None => {}
        }
    }

    /// What is wrong with the model, if anything: every position must point inside what it
    /// points into, and every graph id it holds must belong to the current run (the
    /// state-machine tests call it after every key and every reload).
    #[must_use]
    pub fn invariants(&self) -> Vec<String> {
        let mut wrong = Vec::new();
        let within = |name: &str, index: usize, len: usize, wrong: &mut Vec<String>| {
            if len > 0 && index >= len {
                wrong.push(format!("{name} {index} of {len}"));
            }
        };
        within(
            "findings row",
            self.findings.selected,
            self.findings.rows.len(),
            &mut wrong,
        );
        let findings = self.run.report.findings.len();
        for row in &self.findings.rows {
            match *row {
                Row::Finding(index) => within("finding", index, findings, &mut wrong),
                Row::Group(index) => within("group", index, self.findings.groups.len(), &mut wrong),
            }
        }
        within(
            "trace line",
            self.trace.selected,
            self.trace.lines.len(),
            &mut wrong,
        );
        let graph = &self.run.graph;
        let elements = graph.elements.len();
        let plans = graph.plans.len();
        let node_ok = |node: Node| match node {
            Node::Plan(plan) => plan.index() < plans,
            Node::Element(element) => element.index() < elements,
            Node::Implementer(implementer) => implementer.index() < graph.implementers.len(),
        };
        if self.trace.root.is_some_and(|node| !node_ok(node)) {
            wrong.push("trace root from another run".to_owned());
        }
        if self
            .trace
            .lines
            .iter()
            .any(|line| line.node.is_some_and(|node| !node_ok(node)))
        {
            wrong.push("trace line from another run".to_owned());
        }
        within(
            "coverage plan",
            self.coverage.plan,
            self.coverage.plans.len(),
            &mut wrong,
        );
        if self.coverage.plans.iter().any(|plan| plan.index() >= plans) {
            wrong.push("coverage plan from another run".to_owned());
        }
        if let Some(matrix) = &self.coverage.matrix {
            within(
                "coverage row",
                self.coverage.row,
                matrix.rows.len(),
                &mut wrong,
            );
            within(
                "coverage column",
                self.coverage.column,
                matrix.columns.len(),
                &mut wrong,
            );
            if matrix
                .rows
                .iter()
                .any(|row| row.element.index() >= elements)
            {
                wrong.push("coverage row from another run".to_owned());
            }
        }
        within("profile", self.profile.selected, plans, &mut wrong);
        if let Some(Popup::Cell {
            items, selected, ..
        }) = &self.popup
        {
            within("cell item", *selected, items.len(), &mut wrong);
            if items.iter().any(|item| item.index() >= elements) {
                wrong.push("cell item from another run".to_owned());
            }
            if items.is_empty() {
                wrong.push("an empty cell popup".to_owned());
            }
        }
        wrong
    }
}

/// Moves a selection by an action within `count` rows.
fn step(current: usize, count: usize, action: Action, page: usize) -> usize {
    let last = count.saturating_sub(1);
    match action {
        Action::Down => current.saturating_add(1).min(last),
        Action::Up => current.saturating_sub(1),
        Action::PageDown => current.saturating_add(page).min(last),
        Action::PageUp => current.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        _ => current,
    }
}

/// The first visible row, so that `selected` is inside a window of `height` rows.
pub(crate) fn fit_offset(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return offset.min(len.saturating_sub(1));
    }
    let mut offset = offset.min(len.saturating_sub(height));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset
}

/// What findings of one group share, cheap to hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum GroupKey<'a> {
    File(crate::source::FileId),
    Rule(&'a str),
    Severity(Severity),
    Pillar(Option<Pillar>),
    None,
}

fn group_key(group_by: GroupBy, finding: &Finding) -> GroupKey<'_> {
    match group_by {
        GroupBy::File => GroupKey::File(finding.span.file),
        GroupBy::Rule => GroupKey::Rule(&finding.rule),
        GroupBy::Severity => GroupKey::Severity(finding.severity),
        GroupBy::Pillar => GroupKey::Pillar(finding.pillar),
        GroupBy::None => GroupKey::None,
    }
}

fn group_label(group_by: GroupBy, finding: &Finding, file: &str, words: &Words) -> String {
    match group_by {
        GroupBy::File => file.to_owned(),
        GroupBy::Rule => format!("{} {}", finding.rule, finding.slug),
        GroupBy::Severity => words.severity(finding.severity).to_owned(),
        GroupBy::Pillar => finding.pillar.map_or_else(
            || tr!(words.lang, "tui-no-pillar"),
            |pillar| words.pillar(pillar).to_owned(),
        ),
        GroupBy::None => String::new(),
    }
}

fn rule_known(run: &Run, rule: &str) -> bool {
    run.rules.iter().any(|r| r.meta().id == rule)
        || crate::BUILTIN_CHECKS.iter().any(|check| check.id == rule)
}

/// Applies a message: changes the model and returns a follow-up message, if any.
///
/// Call it again with the follow-up until it returns `None`; then take the queued
/// [`Effect`]s with [`Model::take_effects`].
pub fn update(model: &mut Model, msg: Msg) -> Option<Msg> {
    // Positions go back inside what was last drawn before a key moves them.
    model.clamp();
    let next = match msg {
        Msg::Key(key) => model.on_key(key),
        Msg::Mouse(mouse) => {
            model.on_mouse(mouse);
            None
        }
        Msg::Resize(width, height) => {
            model.area = Rect::new(0, 0, width, height);
            None
        }
        Msg::Action(action) => model.on_action(action),
        Msg::Group(group_by) => {
            model.set_group(group_by);
            None
        }
        Msg::Reloaded(prepared) => {
            model.reload(*prepared);
            None
        }
        Msg::ReloadFailed(error) => {
            model.status = Some(tr!(model.lang(), "tui-relint-failed", error = error));
            None
        }
        Msg::EditorFinished(result) => {
            match result {
                Ok(()) => {
                    model.status = Some(tr!(model.lang(), "tui-relinting"));
                    model.effects.push(Effect::Reload);
                }
                Err(error) => {
                    model.status = Some(tr!(model.lang(), "tui-editor-failed", error = error));
                }
            }
            None
        }
        Msg::Status(text) => {
            model.status = Some(text);
            None
        }
        Msg::Busy(text) => {
            // The spinner replaces the bare "re-linting…" the request left.
            if text.is_some() && model.status == Some(tr!(model.lang(), "tui-relinting")) {
                model.status = None;
            }
            model.busy = text;
            None
        }
    };
    model.fit();
    next
}

/// Applies a message and every follow-up it leads to.
pub fn dispatch(model: &mut Model, msg: Msg) {
    let mut next = Some(msg);
    while let Some(msg) = next {
        next = update(model, msg);
    }
}
