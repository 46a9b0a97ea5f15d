//! The keymap: every key the browser understands, in one table.
//!
//! [`BINDINGS`] is the single source of truth: [`action_for`] looks keys up in it and
//! the help popup is generated from it by [`help_entries`], so the help can never
//! disagree with what the keys do. Arrows and Enter reach everything; vim keys are
//! aliases.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for. The meaning of some actions depends on the view (see
/// [`update`](super::app::update)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move the selection down one row.
    Down,
    /// Move the selection up one row.
    Up,
    /// Move down one page.
    PageDown,
    /// Move up one page.
    PageUp,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Next finding, skipping group rows.
    NextFinding,
    /// Previous finding, skipping group rows.
    PrevFinding,
    /// Unfold a group, or enter (re-root a trace, next matrix column).
    Right,
    /// Fold a group, go to the parent, go back.
    Left,
    /// Toggle a group, open the cell, focus the detail.
    Enter,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Show the Findings view.
    ViewFindings,
    /// Show the Trace view.
    ViewTrace,
    /// Show the Coverage view.
    ViewCoverage,
    /// Show the Profile view.
    ViewProfile,
    /// Start a search.
    Search,
    /// Next search match.
    SearchNext,
    /// Previous search match.
    SearchPrev,
    /// Edit the filter.
    Filter,
    /// Cycle the minimum severity.
    CycleSeverity,
    /// Start a grouping chord (`,` then a letter).
    GroupPrefix,
    /// Open the editor at the selection.
    Edit,
    /// Show the selected finding's element in the Trace view.
    Trace,
    /// Explain the selected finding's rule.
    Explain,
    /// Copy `path:line:col`.
    Copy,
    /// Re-lint now.
    Reload,
    /// Toggle the coverage matrix order.
    SortCoverage,
    /// Open the help.
    Help,
    /// Close a popup, then clear the search, then clear the filter.
    Escape,
    /// Quit.
    Quit,
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Everywhere outside popups and prompts.
    Global,
    /// The Findings view.
    Findings,
    /// The Coverage view.
    Coverage,
}

impl Context {
    /// The name shown in the help.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::Findings => "findings",
            Self::Coverage => "coverage",
        }
    }
}

/// One key: a code and the modifiers that must be held (shift is implied by the
/// character for letters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control and alt (shift is ignored for characters and back-tab).
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// A row of the keymap.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// The keys that do it (the first is the main one).
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// Where.
    pub context: Context,
    /// The description in the help.
    pub help: &'static str,
}

/// How the findings are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// By plan file (the default).
    File,
    /// By rule.
    Rule,
    /// By severity.
    Severity,
    /// By pillar.
    Pillar,
    /// Not grouped.
    None,
}

impl GroupBy {
    /// The name in the status line.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::File => "file",
            Self::Rule => "rule",
            Self::Severity => "severity",
            Self::Pillar => "pillar",
            Self::None => "none",
        }
    }
}

/// The second key of the `,` chord.
pub const GROUP_KEYS: &[(char, GroupBy, &str)] = &[
    ('f', GroupBy::File, "group findings by plan file"),
    ('r', GroupBy::Rule, "group findings by rule"),
    ('s', GroupBy::Severity, "group findings by severity"),
    ('p', GroupBy::Pillar, "group findings by pillar"),
    ('n', GroupBy::None, "do not group findings"),
];

/// Every binding, in the order the help lists them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[plain(KeyCode::Down), ch('j')],
        action: Action::Down,
        context: Context::Global,
        help: "move down",
    },
    Binding {
        keys: &[plain(KeyCode::Up), ch('k')],
        action: Action::Up,
        context: Context::Global,
        help: "move up",
    },
    Binding {
        keys: &[plain(KeyCode::PageDown), ctrl('d')],
        action: Action::PageDown,
        context: Context::Global,
        help: "page down",
    },
    Binding {
        keys: &[plain(KeyCode::PageUp), ctrl('u')],
        action: Action::PageUp,
        context: Context::Global,
        help: "page up",
    },
    Binding {
        keys: &[plain(KeyCode::Home), ch('g')],
        action: Action::Top,
        context: Context::Global,
        help: "go to the first row",
    },
    Binding {
        keys: &[plain(KeyCode::End), ch('G')],
        action: Action::Bottom,
        context: Context::Global,
        help: "go to the last row",
    },
    Binding {
        keys: &[ch(']')],
        action: Action::NextFinding,
        context: Context::Findings,
        help: "next finding, skipping group rows",
    },
    Binding {
        keys: &[ch('[')],
        action: Action::PrevFinding,
        context: Context::Findings,
        help: "previous finding, skipping group rows",
    },
    Binding {
        keys: &[plain(KeyCode::Right), ch('l')],
        action: Action::Right,
        context: Context::Global,
        help: "unfold a group / enter (trace: follow the node; matrix: next column)",
    },
    Binding {
        keys: &[plain(KeyCode::Left), ch('h')],
        action: Action::Left,
        context: Context::Global,
        help: "fold a group or go to its row / back (trace: previous root; matrix: previous column)",
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        action: Action::Enter,
        context: Context::Global,
        help: "toggle a group, focus the detail, follow a trace node, list a matrix cell",
    },
    Binding {
        keys: &[plain(KeyCode::Tab)],
        action: Action::NextPane,
        context: Context::Global,
        help: "next pane",
    },
    Binding {
        keys: &[plain(KeyCode::BackTab)],
        action: Action::PrevPane,
        context: Context::Global,
        help: "previous pane",
    },
    Binding {
        keys: &[ch('1')],
        action: Action::ViewFindings,
        context: Context::Global,
        help: "Findings view",
    },
    Binding {
        keys: &[ch('2')],
        action: Action::ViewTrace,
        context: Context::Global,
        help: "Trace view of the selected finding's element",
    },
    Binding {
        keys: &[ch('3')],
        action: Action::ViewCoverage,
        context: Context::Global,
        help: "Coverage matrix of a concerted plan",
    },
    Binding {
        keys: &[ch('4')],
        action: Action::ViewProfile,
        context: Context::Global,
        help: "Profile view: public value pillars",
    },
    Binding {
        keys: &[ch('/')],
        action: Action::Search,
        context: Context::Findings,
        help: "search (the list stays; matches are highlighted)",
    },
    Binding {
        keys: &[ch('n')],
        action: Action::SearchNext,
        context: Context::Findings,
        help: "next search match",
    },
    Binding {
        keys: &[ch('N')],
        action: Action::SearchPrev,
        context: Context::Findings,
        help: "previous search match",
    },
    Binding {
        keys: &[ch('f')],
        action: Action::Filter,
        context: Context::Findings,
        help: "filter: text, %rule ART, %sev>=warning, %plan pei-…, %pillar value, %file, %element, ! negates",
    },
    Binding {
        keys: &[ch('s')],
        action: Action::CycleSeverity,
        context: Context::Findings,
        help: "cycle the minimum severity (info, warning, error)",
    },
    Binding {
        keys: &[ch(',')],
        action: Action::GroupPrefix,
        context: Context::Findings,
        help: "group by: then f file, r rule, s severity, p pillar, n none",
    },
    Binding {
        keys: &[ch('o')],
        action: Action::SortCoverage,
        context: Context::Coverage,
        help: "sort the matrix: document order / least covered first",
    },
    Binding {
        keys: &[ch('e')],
        action: Action::Edit,
        context: Context::Global,
        help: "open $VISUAL / $EDITOR at the line and column",
    },
    Binding {
        keys: &[ch('t')],
        action: Action::Trace,
        context: Context::Global,
        help: "show the selection's element in the Trace view",
    },
    Binding {
        keys: &[ch('i')],
        action: Action::Explain,
        context: Context::Findings,
        help: "explain the rule",
    },
    Binding {
        keys: &[ch('y')],
        action: Action::Copy,
        context: Context::Global,
        help: "copy path:line:col",
    },
    Binding {
        keys: &[ch('r'), plain(KeyCode::F(5))],
        action: Action::Reload,
        context: Context::Global,
        help: "re-lint now (also automatic when a plan or rule file changes)",
    },
    Binding {
        keys: &[ch('?'), plain(KeyCode::F(1))],
        action: Action::Help,
        context: Context::Global,
        help: "this help; type to filter it",
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        action: Action::Escape,
        context: Context::Global,
        help: "close popup, then clear search, then clear filter",
    },
    Binding {
        keys: &[ch('q'), ctrl('c')],
        action: Action::Quit,
        context: Context::Global,
        help: "quit",
    },
];

/// The action bound to `event` in `context` (bindings of the context first, then global ones).
#[must_use]
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    let pressed = normalize(event);
    let find = |wanted: Context| {
        BINDINGS
            .iter()
            .filter(|binding| binding.context == wanted)
            .find(|binding| binding.keys.contains(&pressed))
            .map(|binding| binding.action)
    };
    if context == Context::Global {
        find(Context::Global)
    } else {
        find(context).or_else(|| find(Context::Global))
    }
}

/// The key as the table writes it: shift dropped where the character carries it.
#[must_use]
pub fn normalize(event: &KeyEvent) -> Key {
    let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    if !matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
        modifiers |= event.modifiers & KeyModifiers::SHIFT;
    }
    Key {
        code: event.code,
        modifiers,
    }
}

/// A key as the help writes it (`↓`, `PgDn`, `ctrl-c`, `F5`).
#[must_use]
pub fn key_name(key: Key) -> String {
    let base = match key.code {
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::Enter => "enter".to_owned(),
        KeyCode::Tab => "tab".to_owned(),
        KeyCode::BackTab => "shift-tab".to_owned(),
        KeyCode::Esc => "esc".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(' ') => "space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    let mut name = String::new();
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        name.push_str("ctrl-");
    }
    if key.modifiers.contains(KeyModifiers::ALT) {
        name.push_str("alt-");
    }
    name.push_str(&base);
    name
}

/// One line of the help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpEntry {
    /// The keys, joined (`↓ j`).
    pub keys: String,
    /// What they do.
    pub help: &'static str,
    /// Where.
    pub context: Context,
}

/// The help, generated from [`BINDINGS`] and [`GROUP_KEYS`], keeping the entries whose
/// keys, description or context contain `filter` (case-insensitive).
#[must_use]
pub fn help_entries(filter: &str) -> Vec<HelpEntry> {
    let wanted = filter.trim().to_lowercase();
    let mut entries: Vec<HelpEntry> = BINDINGS
        .iter()
        .map(|binding| HelpEntry {
            keys: binding
                .keys
                .iter()
                .map(|&key| key_name(key))
                .collect::<Vec<_>>()
                .join(" "),
            help: binding.help,
            context: binding.context,
        })
        .collect();
    entries.extend(GROUP_KEYS.iter().map(|&(c, _, help)| HelpEntry {
        keys: format!(",{c}"),
        help,
        context: Context::Findings,
    }));
    entries.retain(|entry| {
        wanted.is_empty()
            || entry.keys.to_lowercase().contains(&wanted)
            || entry.help.to_lowercase().contains(&wanted)
            || entry.context.as_str().contains(&wanted)
    });
    entries
}
