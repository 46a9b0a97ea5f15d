//! The rows of a workbook's matrices placed into a [`Draft`].
//!
//! Sheets are read in this order, whatever their order in the workbook: the PEI matrix
//! (B-3 of the 2024 guide, B-2 of 2017) makes the elements and their indicators; the ruta
//! estratégica adds priorities, responsible units and the PGG linkage; the matrix of
//! articulation of plans (B-1) and the one with the Políticas Nacionales (B-2 of 2024) add
//! `traces_to`; the fichas add what only they give.

use crate::import::codes::{self, Family};
use crate::import::draft::{DraftBaseline, DraftElement, DraftIndicator, DraftLink, Known, Value};
use crate::import::layout::{self, Block, Matrix, Role};
use crate::import::workbook::{self, Cell, Sheet};
use crate::import::{Draft, HeaderOptions, Imported, Note, NoteKind, WorkbookError};
use crate::plan::model::{
    Date, Direction, EntityType, Guide, Level, PlanKind, Status, Unit, Version,
};

/// What kind of matrix a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Pei,
    Ruta,
    Plans,
    Policies,
}

fn kind(matrix: &Matrix) -> Option<Kind> {
    let own =
        matrix.has(Role::Code) || matrix.has(Role::ObjectiveCode) || matrix.has(Role::ActionCode);
    if matrix.has(Role::PolicyName) || matrix.has(Role::OpCode) || matrix.has(Role::LineamientoCode)
    {
        Some(Kind::Policies)
    } else if matrix.has(Role::Why)
        || matrix.has(Role::UpperObjectiveCode)
        || matrix.has(Role::UpperActionCode)
    {
        Some(Kind::Plans)
    } else if own && matrix.has(Role::IndicatorName) {
        Some(Kind::Pei)
    } else if own {
        Some(Kind::Ruta)
    } else {
        None
    }
}

/// Reads a workbook's matrices into a plan. The header block gives what it can, the options
/// win over it.
///
/// # Errors
/// When the bytes are not a readable workbook, a sheet cannot be read, or no sheet holds a
/// PEI matrix (the sheets are named).
pub fn import(
    bytes: Vec<u8>,
    options: &HeaderOptions,
    known: &Known,
) -> Result<Imported, WorkbookError> {
    let sheets = workbook::read(bytes)?;
    let fichas: Vec<&Sheet> = sheets
        .iter()
        .filter(|sheet| crate::import::annex::is_ficha(sheet))
        .collect();
    let found: Vec<(&Sheet, Option<Matrix>, Block)> = sheets
        .iter()
        .filter(|sheet| !crate::import::annex::is_ficha(sheet))
        .map(|sheet| {
            let matrix = layout::find(sheet);
            let until = matrix
                .as_ref()
                .map_or(sheet.rows.len().min(60), |m| m.header);
            (sheet, matrix, layout::block(sheet, until))
        })
        .collect();
    let mut import = Import::default();
    for (sheet, _, block) in &found {
        import.header(sheet, block);
    }
    let kinds: Vec<(&Sheet, &Matrix, &Block, Option<Kind>)> = found
        .iter()
        .filter_map(|(sheet, matrix, block)| matrix.as_ref().map(|m| (*sheet, m, block, kind(m))))
        .collect();
    if !kinds.iter().any(|(_, _, _, kind)| *kind == Some(Kind::Pei)) {
        return Err(WorkbookError::NoMatrix {
            sheets: sheets.iter().map(|sheet| sheet.name.clone()).collect(),
        });
    }
    import.draft.upper.clone_from(&options.upper);
    if options.upper.is_empty() {
        import.draft.upper.clone_from(&import.upper_from_block);
    }
    if options.pgg.is_some() {
        import.pgg.clone_from(&options.pgg);
    }
    if import.pgg.is_none() {
        import.pgg = known
            .pgg(options.period.or(import.draft.period))
            .map(str::to_owned);
    }
    for order in [Kind::Pei, Kind::Ruta, Kind::Plans, Kind::Policies] {
        for (sheet, matrix, block, kind) in &kinds {
            if *kind == Some(order) {
                import.columns(sheet, matrix);
                match order {
                    Kind::Pei => import.pei(sheet, matrix),
                    Kind::Ruta => import.ruta(sheet, matrix),
                    Kind::Plans => import.plans(sheet, matrix, block),
                    Kind::Policies => import.policies(sheet, matrix, known),
                }
            }
        }
    }
    for ficha in fichas {
        crate::import::annex::read_ficha(ficha, &mut import.draft, &mut import.notes);
    }
    for (sheet, matrix, _) in &found {
        let skipped = match matrix {
            None => !import.header_sheets.contains(&sheet.name),
            Some(matrix) => kind(matrix).is_none(),
        };
        if skipped
            && sheet
                .rows
                .iter()
                .any(|row| row.iter().any(|cell| !cell.is_empty()))
        {
            import.notes.push(Note {
                cell: format!("{}!A1", sheet.name),
                kind: NoteKind::Sheet,
            });
        }
    }
    options.apply(&mut import.draft);
    import
        .notes
        .sort_by_key(|note| note_order(&sheets, &note.cell));
    Ok(Imported {
        draft: import.draft,
        notes: import.notes,
    })
}

/// Notes in sheet order, then row, then column.
fn note_order(sheets: &[Sheet], cell: &str) -> (usize, usize, usize) {
    let (sheet, at) = cell.rsplit_once('!').unwrap_or((cell, ""));
    let index = sheets
        .iter()
        .position(|s| s.name == sheet)
        .unwrap_or(usize::MAX);
    let letters: String = at.chars().take_while(char::is_ascii_alphabetic).collect();
    let row = at
        .get(letters.len()..)
        .and_then(|r| r.parse().ok())
        .unwrap_or(0);
    let column = letters
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1));
    (index, row, column)
}

#[derive(Default)]
struct Import {
    draft: Draft,
    notes: Vec<Note>,
    upper_from_block: Vec<String>,
    pgg: Option<String>,
    /// Sheets that only hold a header block (the general data).
    header_sheets: Vec<String>,
}

/// Where an element is in the draft: its objective and, for an action, its index there.
type Place = (usize, Option<usize>);

impl Import {
    /// Notes something at a cell (once for a merged range: at its first cell).
    fn note(&mut self, sheet: &Sheet, row: usize, column: usize, kind: NoteKind) {
        if sheet.is_copy(row, column) && !matches!(kind, NoteKind::Row { .. }) {
            return;
        }
        self.notes.push(Note {
            cell: sheet.address(row, column),
            kind,
        });
    }

    /// The header block's values, the first sheet that gives one winning.
    fn header(&mut self, sheet: &Sheet, block: &Block) {
        if block.entries.is_empty() {
            return;
        }
        let draft = &mut self.draft;
        let mut used = false;
        let mut text = |slot: &mut Option<String>, names: &[&str]| {
            if slot.is_none()
                && let Some((value, _)) = block.get(names)
            {
                *slot = Some(value.to_owned());
                used = true;
            }
        };
        text(&mut draft.id, &["identificador del plan", "id del plan"]);
        text(&mut draft.title, &["titulo"]);
        text(
            &mut draft.entity.name,
            &[
                "entidad",
                "nombre de la entidad",
                "municipalidad",
                "gobierno regional",
            ],
        );
        text(&mut draft.entity.territory, &["ubigeo", "territorio"]);
        text(&mut draft.entity.pliego, &["pliego"]);
        if let Some(pliego) = &mut draft.entity.pliego {
            // `Pliego: 459 Gobierno Regional San Martín`: the code.
            let code: String = pliego.chars().take_while(char::is_ascii_digit).collect();
            if !code.is_empty() {
                *pliego = code;
            }
        }
        let word = |names: &[&str]| block.get(names).map(|(value, _)| value);
        if draft.kind.is_none() {
            draft.kind = word(&["tipo de plan"]).and_then(PlanKind::read);
        }
        if draft.entity.entity_type.is_none() {
            draft.entity.entity_type = word(&["tipo de entidad"]).and_then(EntityType::read);
        }
        if draft.entity.level.is_none() {
            draft.entity.level = word(&["nivel de gobierno", "nivel"]).and_then(Level::read);
        }
        if draft.guide.is_none() {
            draft.guide = word(&["guia"]).and_then(|text| {
                ["2024", "2017"]
                    .iter()
                    .find(|year| text.contains(*year))
                    .and_then(|year| Guide::read(year))
            });
        }
        let exact = |slot: &mut Option<String>, name: &str| {
            if slot.is_none() {
                *slot = block.exact(name).map(str::to_owned);
            }
        };
        exact(&mut draft.technical_report, "informe tecnico");
        exact(&mut draft.ceplan_report, "informe tecnico de ceplan");
        exact(&mut draft.published, "publicado en");
        if draft.version.is_none() {
            draft.version = block.exact("version").and_then(Version::read);
        }
        if draft.status.is_none() {
            draft.status = block.exact("estado").and_then(Status::read);
        }
        if draft.approval.is_none() {
            let instrument = block.exact("instrumento de aprobacion").map(str::to_owned);
            let date = block.exact("fecha de aprobacion").and_then(Date::parse);
            if instrument.is_some() || date.is_some() {
                draft.approval = Some((instrument, date));
            }
        }
        if draft.period.is_none() {
            draft.period = word(&["periodo", "horizonte", "vigencia"]).and_then(period);
        }
        if self.upper_from_block.is_empty()
            && let Some(upper) = word(&["planes superiores", "plan superior"])
        {
            self.upper_from_block = upper
                .split([',', ';'])
                .map(str::trim)
                .filter(|id| is_plan_id(id))
                .map(str::to_owned)
                .collect();
        }
        if self.pgg.is_none() {
            self.pgg = word(&["pgg", "politica general de gobierno"])
                .filter(|id| is_plan_id(id))
                .map(str::to_owned);
        }
        if used && !self.header_sheets.contains(&sheet.name) {
            self.header_sheets.push(sheet.name.clone());
        }
        let general = block.entries.len() >= 2;
        if general && !self.header_sheets.contains(&sheet.name) {
            self.header_sheets.push(sheet.name.clone());
        }
    }

    /// Notes the columns whose header is not understood.
    fn columns(&mut self, sheet: &Sheet, matrix: &Matrix) {
        for (column, role, header) in &matrix.columns {
            if role.is_none() {
                self.note(
                    sheet,
                    matrix.header,
                    *column,
                    NoteKind::Column {
                        header: header.clone(),
                    },
                );
            }
        }
    }

    /// A cell's text, or `None` when empty.
    fn text(sheet: &Sheet, row: usize, column: Option<usize>) -> Option<String> {
        let text = sheet.get(row, column?).text();
        (!text.is_empty()).then_some(text)
    }

    /// An OEI or AEI code, normalised and noted.
    fn own_code(&mut self, sheet: &Sheet, row: usize, column: usize) -> Option<(Family, String)> {
        crate::import::read_code(
            sheet,
            (row, column),
            &[Family::Oei, Family::Aei],
            &mut self.notes,
        )
    }

    /// A number cell: a number, a number written as text (noted), `ND` (noted) or nothing.
    fn number(&mut self, sheet: &Sheet, row: usize, column: usize, nd: bool) -> Option<Value> {
        match sheet.get(row, column) {
            Cell::Empty => None,
            Cell::Number(number) => Some(Value::Number(*number)),
            Cell::Text(text) => {
                if let Some(number) = codes::number(text) {
                    self.note(
                        sheet,
                        row,
                        column,
                        NoteKind::Number {
                            from: text.clone(),
                            to: number,
                        },
                    );
                    Some(Value::Number(number))
                } else if codes::is_nd(text) {
                    self.note(sheet, row, column, NoteKind::NoData { from: text.clone() });
                    Some(if nd { Value::Nd } else { Value::Null })
                } else {
                    self.note(
                        sheet,
                        row,
                        column,
                        NoteKind::Value {
                            text: text.clone(),
                            expected: "number",
                        },
                    );
                    None
                }
            }
        }
    }

    fn place_of(&self, code: &str) -> Option<Place> {
        self.draft
            .objectives
            .iter()
            .enumerate()
            .find_map(|(o, objective)| {
                if objective.code == code {
                    return Some((o, None));
                }
                objective
                    .actions
                    .iter()
                    .position(|action| action.code == code)
                    .map(|a| (o, Some(a)))
            })
    }

    fn element_mut(&mut self, place: Place) -> Option<&mut DraftElement> {
        let objective = self.draft.objectives.get_mut(place.0)?;
        match place.1 {
            None => Some(objective),
            Some(action) => objective.actions.get_mut(action),
        }
    }

    /// The element of a code, created when new (an action under its objective).
    fn element(
        &mut self,
        family: Family,
        code: &str,
        last_objective: Option<usize>,
    ) -> Option<Place> {
        if let Some(place) = self.place_of(code) {
            return Some(place);
        }
        let new = DraftElement {
            code: code.to_owned(),
            ..DraftElement::default()
        };
        if family == Family::Oei {
            self.draft.objectives.push(new);
            return Some((self.draft.objectives.len() - 1, None));
        }
        let parent = codes::objective_of(code)
            .and_then(|n| {
                self.draft
                    .objectives
                    .iter()
                    .position(|objective| codes::objective_number(&objective.code) == Some(n))
            })
            .or(last_objective)?;
        let objective = self.draft.objectives.get_mut(parent)?;
        objective.actions.push(new);
        Some((parent, Some(objective.actions.len() - 1)))
    }

    /// The element a row of a matrix is about: the code columns, with blank (or merged)
    /// parent cells filled from the rows above.
    fn row_element(
        &mut self,
        sheet: &Sheet,
        matrix: &Matrix,
        row: usize,
        state: &mut RowState,
    ) -> Option<Place> {
        let single = matrix.column(Role::Code);
        let objective = matrix.column(Role::ObjectiveCode);
        let action = matrix.column(Role::ActionCode);
        if let Some(column) = single {
            if let Some(text) = Self::text(sheet, row, Some(column)) {
                let (family, code) = self.own_code(sheet, row, column)?;
                let place = self.element(family, &code, state.objective);
                if place.is_none() {
                    self.note(
                        sheet,
                        row,
                        column,
                        NoteKind::Row {
                            reason: "no-objective",
                            text,
                        },
                    );
                }
                state.objective = place.map(|p| p.0).or(state.objective);
                state.element = place;
            }
            return state.element;
        }
        let objective_text = Self::text(sheet, row, objective);
        let action_text = Self::text(sheet, row, action);
        if let (Some(_), Some(column)) = (&objective_text, objective) {
            let (_, code) = self.own_code(sheet, row, column)?;
            let place = self.element(Family::Oei, &code, None);
            state.objective = place.map(|p| p.0);
            state.element = place;
        }
        if let (Some(text), Some(column)) = (&action_text, action) {
            let (_, code) = self.own_code(sheet, row, column)?;
            let place = self.element(Family::Aei, &code, state.objective);
            if place.is_none() {
                self.note(
                    sheet,
                    row,
                    column,
                    NoteKind::Row {
                        reason: "no-objective",
                        text: text.clone(),
                    },
                );
            }
            state.element = place;
        }
        state.element
    }

    /// Sets a text once; a different text later is noted.
    fn set_text(
        &mut self,
        sheet: &Sheet,
        row: usize,
        column: usize,
        slot: Slot,
        place: Place,
        text: String,
    ) {
        let Some(element) = self.element_mut(place) else {
            return;
        };
        let field = match slot {
            Slot::Statement => &mut element.statement,
            Slot::Responsible => &mut element.responsible,
        };
        match field {
            None => *field = Some(text),
            Some(kept) if *kept == text => {}
            Some(kept) => {
                let kept = kept.clone();
                self.note(sheet, row, column, NoteKind::Conflict { kept, left: text });
            }
        }
    }

    /// The PEI matrix: elements, statements, indicators.
    fn pei(&mut self, sheet: &Sheet, matrix: &Matrix) {
        let mut state = RowState::default();
        let mut last_statement_place = None;
        for row in filled_rows(sheet, matrix) {
            let Some(place) = self.row_element(sheet, matrix, row, &mut state) else {
                let text = row_text(sheet, row);
                self.note(
                    sheet,
                    row,
                    0,
                    NoteKind::Row {
                        reason: "no-element",
                        text,
                    },
                );
                continue;
            };
            let statement_column = match place.1 {
                None => matrix
                    .column(Role::ObjectiveStatement)
                    .or(matrix.column(Role::Statement)),
                Some(_) => matrix
                    .column(Role::ActionStatement)
                    .or(matrix.column(Role::Statement)),
            };
            if let Some(column) = statement_column
                && let Some(text) = Self::text(sheet, row, Some(column))
            {
                // A statement merged over an objective's rows repeats on its actions' rows.
                if last_statement_place != Some(place) || place.1.is_none() {
                    self.set_text(sheet, row, column, Slot::Statement, place, text);
                }
                last_statement_place = Some(place);
            }
            if let Some(place_objective) = place.1.map(|_| (place.0, None))
                && let Some(column) = matrix.column(Role::ObjectiveStatement)
                && let Some(text) = Self::text(sheet, row, Some(column))
            {
                self.set_text(sheet, row, column, Slot::Statement, place_objective, text);
            }
            self.indicator_row(sheet, matrix, row, place);
        }
    }

    fn indicator_row(&mut self, sheet: &Sheet, matrix: &Matrix, row: usize, place: Place) {
        let name_column = matrix.column(Role::IndicatorName);
        let name = Self::text(sheet, row, name_column);
        let mut indicator = DraftIndicator::default();
        let mut any = false;
        for (column, role, _) in &matrix.columns {
            let column = *column;
            let Some(role) = role else { continue };
            let text = sheet.get(row, column).text();
            if text.is_empty() {
                continue;
            }
            match role {
                Role::BaselineYear => {
                    any = true;
                    let year = codes::year(&text);
                    if year.is_none() {
                        self.note(
                            sheet,
                            row,
                            column,
                            NoteKind::Value {
                                text,
                                expected: "year",
                            },
                        );
                    }
                    indicator
                        .baseline
                        .get_or_insert_with(DraftBaseline::default)
                        .year = year;
                }
                Role::BaselineValue | Role::BaselineIn(_) => {
                    any = true;
                    let value = self.number(sheet, row, column, true);
                    let baseline = indicator
                        .baseline
                        .get_or_insert_with(DraftBaseline::default);
                    baseline.value = value.unwrap_or_default();
                    if let Role::BaselineIn(year) = role {
                        baseline.year = Some(*year);
                    }
                }
                Role::Target(year) => {
                    any = true;
                    let value = self.number(sheet, row, column, false);
                    if let Some(value) = value {
                        indicator.targets.insert(*year, value.number());
                    }
                }
                Role::Method => indicator.method = Some(text),
                Role::Source => indicator.source = Some(text),
                Role::Responsible => indicator.responsible = Some(text),
                Role::IndicatorCode => indicator.code = Some(text),
                Role::Unit => {
                    indicator.unit = Unit::read(&text);
                    if indicator.unit.is_none() {
                        self.note(
                            sheet,
                            row,
                            column,
                            NoteKind::Value {
                                text,
                                expected: "unit",
                            },
                        );
                    }
                }
                Role::Direction => {
                    indicator.direction = Direction::read(&text);
                    if indicator.direction.is_none() {
                        self.note(
                            sheet,
                            row,
                            column,
                            NoteKind::Value {
                                text,
                                expected: "direction",
                            },
                        );
                    }
                }
                Role::Priority => {
                    if let Some(Value::Number(priority)) = self.number(sheet, row, column, false)
                        && let Some(element) = self.element_mut(place)
                    {
                        element.priority = Some(priority);
                    }
                }
                Role::Pgg => self.pgg_link(sheet, row, column, place, &text),
                _ => {}
            }
        }
        let Some(name) = name else {
            if any {
                self.note(
                    sheet,
                    row,
                    name_column.unwrap_or(0),
                    NoteKind::Row {
                        reason: "no-name",
                        text: row_text(sheet, row),
                    },
                );
            }
            return;
        };
        let names = codes::several_indicators(&name).unwrap_or_else(|| vec![name.clone()]);
        if names.len() > 1 {
            self.note(
                sheet,
                row,
                name_column.unwrap_or(0),
                NoteKind::Split { count: names.len() },
            );
        }
        let Some(element) = self.element_mut(place) else {
            return;
        };
        for (i, name) in names.into_iter().enumerate() {
            let indicator = if i == 0 {
                DraftIndicator {
                    name,
                    ..indicator.clone()
                }
            } else {
                DraftIndicator {
                    name,
                    responsible: indicator.responsible.clone(),
                    ..DraftIndicator::default()
                }
            };
            element.indicators.push(indicator);
        }
    }

    /// A PGG linkage cell: a link to the PGG's lineamiento (or eje).
    fn pgg_link(&mut self, sheet: &Sheet, row: usize, column: usize, place: Place, text: &str) {
        let Some(code) = codes::pgg_code(text) else {
            self.note(
                sheet,
                row,
                column,
                NoteKind::Value {
                    text: text.to_owned(),
                    expected: "code",
                },
            );
            return;
        };
        let Some(pgg) = self.pgg.clone() else {
            self.note(
                sheet,
                row,
                column,
                NoteKind::Row {
                    reason: "no-pgg",
                    text: text.to_owned(),
                },
            );
            return;
        };
        if words_code(text) != code {
            self.note(
                sheet,
                row,
                column,
                NoteKind::Code {
                    from: text.to_owned(),
                    to: code.clone(),
                },
            );
        }
        self.link(place, format!("{pgg}/{code}"), None);
    }

    fn link(&mut self, place: Place, target: String, why: Option<String>) {
        if let Some(element) = self.element_mut(place)
            && !element.traces_to.iter().any(|link| link.target == target)
        {
            element.traces_to.push(DraftLink { target, why });
        }
    }

    /// The rows of a matrix that are not empty, each with its element; a row with no element
    /// is noted and left out.
    fn placed_rows(&mut self, sheet: &Sheet, matrix: &Matrix) -> Vec<(usize, Place)> {
        let mut state = RowState::default();
        let mut placed = Vec::new();
        for row in filled_rows(sheet, matrix) {
            if let Some(place) = self.row_element(sheet, matrix, row, &mut state) {
                placed.push((row, place));
            } else {
                let text = row_text(sheet, row);
                self.note(
                    sheet,
                    row,
                    0,
                    NoteKind::Row {
                        reason: "no-element",
                        text,
                    },
                );
            }
        }
        placed
    }

    /// The ruta estratégica: priorities, responsible units, PGG linkage.
    fn ruta(&mut self, sheet: &Sheet, matrix: &Matrix) {
        for (row, place) in self.placed_rows(sheet, matrix) {
            if let Some(column) = matrix.column(Role::Statement)
                && let Some(text) = Self::text(sheet, row, Some(column))
            {
                self.set_text(sheet, row, column, Slot::Statement, place, text);
            }
            if let Some(column) = matrix.column(Role::Responsible)
                && let Some(text) = Self::text(sheet, row, Some(column))
            {
                self.set_text(sheet, row, column, Slot::Responsible, place, text);
            }
            if let Some(column) = matrix.column(Role::Priority)
                && let Some(Value::Number(priority)) = self.number(sheet, row, column, false)
                && let Some(element) = self.element_mut(place)
            {
                element.priority = Some(priority);
            }
            if let Some(column) = matrix.column(Role::Pgg)
                && let Some(text) = Self::text(sheet, row, Some(column))
            {
                for piece in text
                    .split(['\n', ';'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    self.pgg_link(sheet, row, column, place, piece);
                }
            }
        }
    }

    /// The matrix of articulation of plans (B-1): own element → upper action (or objective).
    fn plans(&mut self, sheet: &Sheet, matrix: &Matrix, block: &Block) {
        let mut state = RowState::default();
        let upper = block
            .get(&["plan superior"])
            .map(|(id, _)| id.to_owned())
            .filter(|id| is_plan_id(id))
            .or_else(|| self.draft.upper.first().cloned());
        for row in filled_rows(sheet, matrix) {
            let Some(place) = self.row_element(sheet, matrix, row, &mut state) else {
                self.note(
                    sheet,
                    row,
                    0,
                    NoteKind::Row {
                        reason: "no-element",
                        text: row_text(sheet, row),
                    },
                );
                continue;
            };
            let target_column = [Role::UpperActionCode, Role::UpperObjectiveCode]
                .into_iter()
                .find_map(|role| {
                    let column = matrix.column(role)?;
                    Self::text(sheet, row, Some(column)).map(|text| (column, text))
                });
            let Some((column, text)) = target_column else {
                continue;
            };
            let code = codes::tidy(&text);
            if code != text {
                self.note(
                    sheet,
                    row,
                    column,
                    NoteKind::Code {
                        from: text.clone(),
                        to: code.clone(),
                    },
                );
            }
            let Some(upper) = &upper else {
                self.note(
                    sheet,
                    row,
                    column,
                    NoteKind::Row {
                        reason: "no-upper-plan",
                        text,
                    },
                );
                continue;
            };
            let why = Self::text(sheet, row, matrix.column(Role::Why));
            self.link(place, format!("{upper}/{code}"), why);
        }
    }

    /// The matrix of articulation with the Políticas Nacionales (B-2 of 2024): AEI → the
    /// policy's lineamiento (or objetivo prioritario).
    fn policies(&mut self, sheet: &Sheet, matrix: &Matrix, known: &Known) {
        for (row, place) in self.placed_rows(sheet, matrix) {
            // Both codes are read (and their changes noted); the link goes to the
            // lineamiento when the row gives one, else to the objetivo prioritario.
            let mut target = None;
            for (role, family) in [
                (Role::OpCode, Family::Op),
                (Role::LineamientoCode, Family::Lineamiento),
            ] {
                if let Some(column) = matrix.column(role)
                    && let Some((_, code)) =
                        crate::import::read_code(sheet, (row, column), &[family], &mut self.notes)
                {
                    target = Some((column, code));
                }
            }
            let Some((_, code)) = target else {
                continue;
            };
            let Some(policy_column) = matrix.column(Role::PolicyName) else {
                continue;
            };
            if let Some(policy) =
                crate::import::read_policy(sheet, (row, policy_column), known, &mut self.notes)
            {
                self.link(place, format!("{policy}/{code}"), None);
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Slot {
    Statement,
    Responsible,
}

#[derive(Default)]
struct RowState {
    objective: Option<usize>,
    element: Option<Place>,
}

/// The rows of a matrix, below its header, that have a cell that is not empty.
fn filled_rows<'s>(sheet: &'s Sheet, matrix: &Matrix) -> impl Iterator<Item = usize> + 's {
    (matrix.first..sheet.rows.len()).filter(|&row| {
        sheet
            .rows
            .get(row)
            .is_some_and(|cells| !cells.iter().all(Cell::is_empty))
    })
}

/// A row's cells joined, to name it in a note.
fn row_text(sheet: &Sheet, row: usize) -> String {
    let cells = sheet.rows.get(row).map_or(&[][..], Vec::as_slice);
    let text: Vec<String> = cells
        .iter()
        .map(Cell::text)
        .filter(|text| !text.is_empty())
        .take(4)
        .collect();
    let joined = text.join(" | ");
    match joined.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", joined.get(..at).unwrap_or_default()),
        None => joined,
    }
}

/// A PGG cell that is already one code in the format's spelling.
fn words_code(text: &str) -> String {
    text.trim().to_owned()
}

/// Whether a text is a plan id (`pgg-2023-2026`): lowercase letters, digits and hyphens.
pub(crate) fn is_plan_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 100
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !text.starts_with('-')
}

/// `2025-2027`, `2025 - 2027`, `2025 – 2027`.
pub(crate) fn period(text: &str) -> Option<(i32, i32)> {
    let years: Vec<i32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(codes::year)
        .collect();
    match years.as_slice() {
        [start, end] if start <= end => Some((*start, *end)),
        _ => None,
    }
}
