//! CEPLAN's Excel matrices: `alinea import` (a PEI's matrices into a plan file), `alinea
//! new pei` (a PEI and a POI stub from the municipal catalogue) and `alinea export` (a plan
//! back to the annexes).
//!
//! - `workbook`: the only calamine user: a workbook's sheets as grids, merged cells filled.
//! - `layout`: the matrices found by their headers' words, each column given a role, and
//!   the header block above them.
//! - `codes`: loose codes (`OP 3`, `L.1.3.`, `OIE.03`) and values (`37.50%`, `ND`) read.
//! - `matrix`: the rows of the matrices placed into a [`Draft`], every change and every
//!   problem a [`Note`] at its cell.
//! - `draft`: the plan as these commands handle it, read from the model in one place and
//!   written as a plan file with the schema's keys.
//! - `catalogue`: `new pei` from the MEGL catalogue.
//! - `annex`: the annexes written as xlsx (the only `rust_xlsxwriter` user).
//!
//! These modules work on bytes and text: the files are read and written by `cli`.

pub mod annex;
pub mod catalogue;
pub(crate) mod codes;
pub mod draft;
pub(crate) mod layout;
pub(crate) mod matrix;
pub mod workbook;

use serde::Serialize;

pub use draft::Draft;
pub use matrix::import;
pub use workbook::WorkbookError;

use crate::i18n::Lang;
use crate::plan::model::{EntityType, Guide, Level, PlanKind};
use crate::tr;

/// What the header options give (`--id`, `--kind`…): each one wins over the workbook.
#[derive(Clone, Debug, Default)]
pub struct HeaderOptions {
    /// `--id`.
    pub id: Option<String>,
    /// `--kind`.
    pub kind: Option<PlanKind>,
    /// `--entity-name`.
    pub entity_name: Option<String>,
    /// `--entity-type`.
    pub entity_type: Option<EntityType>,
    /// `--level`.
    pub level: Option<Level>,
    /// `--territory`.
    pub territory: Option<String>,
    /// `--pliego`.
    pub pliego: Option<String>,
    /// `--period START-END`.
    pub period: Option<(i32, i32)>,
    /// `--title`.
    pub title: Option<String>,
    /// `--upper ID,ID…`.
    pub upper: Vec<String>,
    /// `--guide`.
    pub guide: Option<Guide>,
    /// `--pgg ID`: the PGG the ruta's linkage names.
    pub pgg: Option<String>,
}

impl HeaderOptions {
    /// Applies the options over what the workbook gave, and composes a title from the kind,
    /// the entity and the period when neither gives one.
    pub fn apply(&self, draft: &mut Draft) {
        let set = |slot: &mut Option<String>, value: &Option<String>| {
            if value.is_some() {
                slot.clone_from(value);
            }
        };
        set(&mut draft.id, &self.id);
        set(&mut draft.title, &self.title);
        set(&mut draft.entity.name, &self.entity_name);
        set(&mut draft.entity.territory, &self.territory);
        set(&mut draft.entity.pliego, &self.pliego);
        draft.kind = self.kind.or(draft.kind);
        draft.entity.entity_type = self.entity_type.or(draft.entity.entity_type);
        draft.entity.level = self.level.or(draft.entity.level);
        draft.period = self.period.or(draft.period);
        draft.guide = self.guide.or(draft.guide);
        if !self.upper.is_empty() {
            draft.upper.clone_from(&self.upper);
        }
        if draft.title.is_none()
            && let (Some(kind), Some(name), Some((start, end))) =
                (draft.kind, &draft.entity.name, draft.period)
        {
            draft.title = Some(format!(
                "{} {start}-{end} {name}",
                kind.as_str().to_uppercase()
            ));
        }
    }
}

/// Something an import changed or could not place, at its cell.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    /// `Sheet!C12`.
    pub cell: String,
    /// What happened.
    #[serde(flatten)]
    pub kind: NoteKind,
}

/// What an import changed or could not place.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NoteKind {
    /// A code written loosely, read in the format's spelling.
    Code {
        /// As written.
        from: String,
        /// As read.
        to: String,
    },
    /// A number written as text (`37.50%`, `37,5`).
    Number {
        /// As written.
        from: String,
        /// As read.
        to: f64,
    },
    /// `ND`: read as "no data".
    NoData {
        /// As written.
        from: String,
    },
    /// Several indicators in one cell, split.
    Split {
        /// How many.
        count: usize,
    },
    /// A value that is not understood: left out of the plan.
    Value {
        /// As written.
        text: String,
        /// What was expected there (`number`, `year`, `unit`, `direction`, `code`).
        expected: &'static str,
    },
    /// A column whose header is not understood: its cells are not read.
    Column {
        /// The header.
        header: String,
    },
    /// A row that cannot be placed in the plan: not imported.
    Row {
        /// Why (`no-element`, `no-objective`, `no-name`, `unknown-element`, `no-upper-plan`,
        /// `no-policy`, `no-pgg`).
        reason: &'static str,
        /// The row's main text.
        text: String,
    },
    /// A sheet where no matrix was found: not read.
    Sheet,
    /// A value given twice with different texts; the first is kept.
    Conflict {
        /// The value kept.
        kept: String,
        /// The value left.
        left: String,
    },
}

impl Note {
    /// Whether something was left out (the import is incomplete) rather than read.
    #[must_use]
    pub fn is_problem(&self) -> bool {
        matches!(
            self.kind,
            NoteKind::Value { .. }
                | NoteKind::Column { .. }
                | NoteKind::Row { .. }
                | NoteKind::Conflict { .. }
        )
    }

    /// The note as a sentence in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match &self.kind {
            NoteKind::Code { from, to } => {
                tr!(
                    lang,
                    "import-note-code",
                    from = from.as_str(),
                    to = to.as_str()
                )
            }
            NoteKind::Number { from, to } => tr!(
                lang,
                "import-note-number",
                from = from.as_str(),
                to = draft::number(*to)
            ),
            NoteKind::NoData { from } => tr!(lang, "import-note-no-data", from = from.as_str()),
            NoteKind::Split { count } => tr!(lang, "import-note-split", count = *count),
            NoteKind::Value { text, expected } => tr!(
                lang,
                "import-note-value",
                text = text.as_str(),
                expected = crate::i18n::text(lang, &format!("import-expected-{expected}"), &[])
            ),
            NoteKind::Column { header } => {
                tr!(lang, "import-note-column", header = header.as_str())
            }
            NoteKind::Row { reason, text } => tr!(
                lang,
                "import-note-row",
                text = text.as_str(),
                reason = crate::i18n::text(lang, &format!("import-row-{reason}"), &[])
            ),
            NoteKind::Sheet => tr!(lang, "import-note-sheet"),
            NoteKind::Conflict { kept, left } => tr!(
                lang,
                "import-note-conflict",
                kept = kept.as_str(),
                left = left.as_str()
            ),
        }
    }
}

/// An imported plan and what the import noted.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// The plan.
    pub draft: Draft,
    /// Every normalisation and every problem, in sheet and row order.
    pub notes: Vec<Note>,
}

/// The ids of the expected-value and row-reason messages, for the catalogue test.
pub const MESSAGE_IDS: &[&str] = &[
    "import-expected-number",
    "import-expected-year",
    "import-expected-unit",
    "import-expected-direction",
    "import-expected-code",
    "import-row-no-element",
    "import-row-no-objective",
    "import-row-no-name",
    "import-row-unknown-element",
    "import-row-no-upper-plan",
    "import-row-no-policy",
    "import-row-no-pgg",
];

/// A code cell read in the format's spelling: a change is noted at the cell, a text that is
/// no code of `families` too (and gives `None`).
pub(crate) fn read_code(
    sheet: &workbook::Sheet,
    (row, column): (usize, usize),
    families: &[codes::Family],
    notes: &mut Vec<Note>,
) -> Option<(codes::Family, String)> {
    let text = sheet.get(row, column).text();
    if text.is_empty() {
        return None;
    }
    let read = codes::normalise(&text, families);
    if sheet.is_copy(row, column) {
        return read;
    }
    let kind = match &read {
        Some((_, code)) if *code == text => return read,
        Some((_, code)) => NoteKind::Code {
            from: text,
            to: code.clone(),
        },
        None => NoteKind::Value {
            text,
            expected: "code",
        },
    };
    notes.push(Note {
        cell: sheet.address(row, column),
        kind,
    });
    read
}

/// A Política Nacional cell (`Nombre de la Política Nacional`): its plan id as written, or the
/// id of the one `pn` plan of the repository whose title it names (noted at the cell). A name
/// that designates no plan is noted as a row not imported, and gives `None`.
pub(crate) fn read_policy(
    sheet: &workbook::Sheet,
    (row, column): (usize, usize),
    known: &draft::Known,
    notes: &mut Vec<Note>,
) -> Option<String> {
    let text = sheet.get(row, column).text();
    if matrix::is_plan_id(&text) {
        return Some(text);
    }
    let cell = sheet.address(row, column);
    if let Some(id) = known.policy(&text) {
        let id = id.to_owned();
        if !sheet.is_copy(row, column) {
            notes.push(Note {
                cell,
                kind: NoteKind::Code {
                    from: text,
                    to: id.clone(),
                },
            });
        }
        return Some(id);
    }
    notes.push(Note {
        cell,
        kind: NoteKind::Row {
            reason: "no-policy",
            text,
        },
    });
    None
}
