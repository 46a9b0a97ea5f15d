//! The keymap: every key the browser understands, in one table.
//!
//! [`BINDINGS`] is the single source of truth: [`action_for`] looks keys up in it and
//! the help popup is generated from it by [`help_entries`], so the help can never
//! disagree with what the keys do. Arrows and Enter reach everything; vim keys are
//! aliases. The keys are the same in every language (so that muscle memory and the
//! docs agree); what they do is described in the run's language ([`Action::help`]).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Lang;
use crate::tr;

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
    /// Follow a related location of the selected finding to the finding there.
    FollowRelated,
    /// Back to where the last followed related location left from.
    JumpBack,
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
    /// The name shown in the help, in `lang`.
    #[must_use]
    pub fn name(self, lang: Lang) -> String {
        match self {
            Self::Global => tr!(lang, "tui-context-global"),
            Self::Findings => tr!(lang, "tui-context-findings"),
            Self::Coverage => tr!(lang, "tui-context-coverage"),
        }
    }
}

impl Action {
    /// What the action does, as the help says it in `lang`.
    #[must_use]
    pub fn help(self, lang: Lang) -> String {
        match self {
            Self::Down => tr!(lang, "tui-key-down"),
            Self::Up => tr!(lang, "tui-key-up"),
            Self::PageDown => tr!(lang, "tui-key-page-down"),
            Self::PageUp => tr!(lang, "tui-key-page-up"),
            Self::Top => tr!(lang, "tui-key-top"),
            Self::Bottom => tr!(lang, "tui-key-bottom"),
            Self::NextFinding => tr!(lang, "tui-key-next-finding"),
            Self::PrevFinding => tr!(lang, "tui-key-prev-finding"),
            Self::FollowRelated => tr!(lang, "tui-key-follow-related"),
            Self::JumpBack => tr!(lang, "tui-key-jump-back"),
            Self::Right => tr!(lang, "tui-key-right"),
            Self::Left => tr!(lang, "tui-key-left"),
            Self::Enter => tr!(lang, "tui-key-enter"),
            Self::NextPane => tr!(lang, "tui-key-next-pane"),
            Self::PrevPane => tr!(lang, "tui-key-prev-pane"),
            Self::ViewFindings => tr!(lang, "tui-key-view-findings"),
            Self::ViewTrace => tr!(lang, "tui-key-view-trace"),
            Self::ViewCoverage => tr!(lang, "tui-key-view-coverage"),
            Self::ViewProfile => tr!(lang, "tui-key-view-profile"),
            Self::Search => tr!(lang, "tui-key-search"),
            Self::SearchNext => tr!(lang, "tui-key-search-next"),
            Self::SearchPrev => tr!(lang, "tui-key-search-prev"),
            Self::Filter => tr!(lang, "tui-key-filter"),
            Self::CycleSeverity => tr!(lang, "tui-key-cycle-severity"),
            Self::GroupPrefix => tr!(lang, "tui-key-group-prefix"),
            Self::Edit => tr!(lang, "tui-key-edit"),
            Self::Trace => tr!(lang, "tui-key-trace"),
            Self::Explain => tr!(lang, "tui-key-explain"),
            Self::Copy => tr!(lang, "tui-key-copy"),
            Self::Reload => tr!(lang, "tui-key-reload"),
            Self::SortCoverage => tr!(lang, "tui-key-sort-coverage"),
            Self::Help => tr!(lang, "tui-key-help"),
            Self::Escape => tr!(lang, "tui-key-escape"),
            Self::Quit => tr!(lang, "tui-key-quit"),
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
    /// The machine name (`file`, `rule`…), the same in every language.
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

    /// What the second key of the `,` chord does, as the help says it in `lang`.
    #[must_use]
    pub fn help(self, lang: Lang) -> String {
        match self {
            Self::File => tr!(lang, "tui-key-group-file"),
            Self::Rule => tr!(lang, "tui-key-group-rule"),
            Self::Severity => tr!(lang, "tui-key-group-severity"),
            Self::Pillar => tr!(lang, "tui-key-group-pillar"),
            Self::None => tr!(lang, "tui-key-group-none"),
        }
    }
}

/// The second key of the `,` chord.
pub const GROUP_KEYS: &[(char, GroupBy)] = &[
    ('f', GroupBy::File),
    ('r', GroupBy::Rule),
    ('s', GroupBy::Severity),
    ('p', GroupBy::Pillar),
    ('n', GroupBy::None),
];

/// Every binding, in the order the help lists them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[plain(KeyCode::Down), ch('j')],
        action: Action::Down,
        context: Context::Global,
    },
    Binding {
        keys: &[plain(KeyCode::Up), ch('k')],
        action: Action::Up,
        context: Context::Global,
    },
    Binding {
        keys: &[plain(KeyCode::PageDown), ctrl('d')],
        action: Action::PageDown,
        context: Context::Global,
    },
    Binding {
        keys: &[plain(KeyCode::PageUp), ctrl('u')],
        action: Action::PageUp,
        context: Context::Global,
    },
    Binding {
        keys: &[plain(KeyCode::Home), ch('g')],
        action: Action::Top,
        context: Context::Global,
    },
    Binding {
        keys: &[plain(KeyCode::End), ch('G')],
        action: Action::Bottom,
        context: Context::Global,
    },
    Binding {
        keys: &[ch(']')],
        action: Action::NextFinding,
        context: Context::Findings,
    },
    Binding {
        keys: &[ch('[')],
        action: Action::PrevFinding,
        context: Context::Findings,
    },
    Binding {
        keys: &[ch('o')],
        action: Action::FollowRelated,
        context: Context::Findings,
    },
    Binding {
        keys: &[ctrl('o')],
        action: Action::JumpBack,
        context: Context::Findings,
    },
    Binding {
        keys: &[plain(KeyCode::Right), ch('l')],
        action: Action::Right,
        context: Context::Global,
    },
    Binding {
        keys: &[plain(KeyCode::Left), ch('h')],
        action: Action::Left,
        context: Context::Global,
    },
    Binding {
        keys: &[plain(KeyCode::Enter)],
        action: Action::Enter,
        context: Context::Global,
    },
    Binding {
        keys: &[plain(KeyCode::Tab)],
        action: Action::NextPane,
        context: Context::Global,
    },
    Binding {
        keys: &[plain(KeyCode::BackTab)],
        action: Action::PrevPane,
        context: Context::Global,
    },
    Binding {
        keys: &[ch('1')],
        action: Action::ViewFindings,
        context: Context::Global,
    },
    Binding {
        keys: &[ch('2')],
        action: Action::ViewTrace,
        context: Context::Global,
    },
    Binding {
        keys: &[ch('3')],
        action: Action::ViewCoverage,
        context: Context::Global,
    },
    Binding {
        keys: &[ch('4')],
        action: Action::ViewProfile,
        context: Context::Global,
    },
    Binding {
        keys: &[ch('/')],
        action: Action::Search,
        context: Context::Findings,
    },
    Binding {
        keys: &[ch('n')],
        action: Action::SearchNext,
        context: Context::Findings,
    },
    Binding {
        keys: &[ch('N')],
        action: Action::SearchPrev,
        context: Context::Findings,
    },
    Binding {
        keys: &[ch('f')],
        action: Action::Filter,
        context: Context::Findings,
    },
    Binding {
        keys: &[ch('s')],
        action: Action::CycleSeverity,
        context: Context::Findings,
    },
    Binding {
        keys: &[ch(',')],
        action: Action::GroupPrefix,
        context: Context::Findings,
    },
    Binding {
        keys: &[ch('o')],
        action: Action::SortCoverage,
        context: Context::Coverage,
    },
    Binding {
        keys: &[ch('e')],
        action: Action::Edit,
        context: Context::Global,
    },
    Binding {
        keys: &[ch('t')],
        action: Action::Trace,
        context: Context::Global,
    },
    Binding {
        keys: &[ch('i')],
        action: Action::Explain,
        context: Context::Findings,
    },
    Binding {
        keys: &[ch('y')],
        action: Action::Copy,
        context: Context::Global,
    },
    Binding {
        keys: &[ch('r'), plain(KeyCode::F(5))],
        action: Action::Reload,
        context: Context::Global,
    },
    Binding {
        keys: &[ch('?'), plain(KeyCode::F(1))],
        action: Action::Help,
        context: Context::Global,
    },
    Binding {
        keys: &[plain(KeyCode::Esc)],
        action: Action::Escape,
        context: Context::Global,
    },
    Binding {
        keys: &[ch('q'), ctrl('c')],
        action: Action::Quit,
        context: Context::Global,
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
    /// What they do, in the run's language.
    pub help: String,
    /// Where, in the run's language.
    pub context: String,
}

/// The keys of the search and filter prompts (a line editor), with the catalogue id of
/// what each does.
pub const PROMPT_KEYS: &[(&str, &str)] = &[
    ("enter", "tui-prompt-key-enter"),
    ("esc", "tui-prompt-key-esc"),
    ("ctrl-u", "tui-prompt-key-clear"),
    ("ctrl-w", "tui-prompt-key-word"),
    ("← →", "tui-prompt-key-move"),
    ("home end", "tui-prompt-key-ends"),
];

/// The help in `lang`, generated from [`BINDINGS`], [`GROUP_KEYS`] and [`PROMPT_KEYS`], keeping the
/// entries whose keys, description or context contain `filter` (case-insensitive).
#[must_use]
pub fn help_entries(lang: Lang, filter: &str) -> Vec<HelpEntry> {
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
            help: binding.action.help(lang),
            context: binding.context.name(lang),
        })
        .collect();
    let findings = Context::Findings.name(lang);
    entries.extend(GROUP_KEYS.iter().map(|&(c, group_by)| HelpEntry {
        keys: format!(",{c}"),
        help: group_by.help(lang),
        context: findings.clone(),
    }));
    let prompt = tr!(lang, "tui-context-prompt");
    entries.extend(PROMPT_KEYS.iter().map(|&(keys, id)| HelpEntry {
        keys: keys.to_owned(),
        help: crate::i18n::text(lang, id, &[]),
        context: prompt.clone(),
    }));
    entries.retain(|entry| {
        wanted.is_empty()
            || entry.keys.to_lowercase().contains(&wanted)
            || entry.help.to_lowercase().contains(&wanted)
            || entry.context.to_lowercase().contains(&wanted)
    });
    entries
}
