//! A plan written back to CEPLAN's annexes, as an xlsx workbook in the layout of the guide
//! it follows, and the fichas read back by `import`.
//!
//! Every sheet starts with the header block (everything a later import needs: the plan's
//! id, kind, entity, pliego, period, guide, upper plans, and the PGG its ruta names), then
//! its matrix under a two-level merged header. The sheets:
//!
//! - 2024 guide: `Ruta estratégica`, `B-1` (articulation with the plans above, one sheet
//!   per plan), `B-2` (with the Políticas Nacionales), `B-3` (the PEI matrix) and one
//!   `Ficha n` per indicator;
//! - 2017 guide: `Ruta estratégica`, `B-1` (every articulation but the PGG's), `B-2` (the
//!   PEI matrix) and one `A-6 n` (ficha) per indicator.

use std::collections::{BTreeSet, HashMap};

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::i18n::Lang;
use crate::import::codes;
use crate::import::draft::Known;
use crate::import::draft::{DraftBaseline, DraftElement, DraftFicha, DraftIndicator, Value};
use crate::import::layout::words;
use crate::import::workbook::Sheet;
use crate::import::{Draft, Note, NoteKind};
use crate::plan::model::{Direction, Guide, PlanKind, Unit};

/// Where a link goes in the annexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Matrix {
    Ruta,
    Plans,
    Policies,
}

fn matrix_of(targets: &Known, plan: &str, guide: Guide) -> Matrix {
    match (targets.kind(plan), guide) {
        (Some(PlanKind::Pgg), _) => Matrix::Ruta,
        (Some(PlanKind::Pn), Guide::G2024) => Matrix::Policies,
        _ => Matrix::Plans,
    }
}

/// A cell written.
#[derive(Clone, Debug, PartialEq)]
enum Out {
    Text(String),
    Number(f64),
}

/// A sheet being laid out.
#[derive(Debug, Default)]
struct Grid {
    name: String,
    cells: Vec<(u32, u16, Out, bool)>,
    merges: Vec<(u32, u16, u32, u16, String)>,
    row: u32,
}

impl Grid {
    fn new(name: String) -> Self {
        Self {
            name,
            ..Self::default()
        }
    }

    fn text(&mut self, column: u16, text: &str, bold: bool) {
        if !text.is_empty() {
            self.cells
                .push((self.row, column, Out::Text(text.to_owned()), bold));
        }
    }

    fn number(&mut self, column: u16, value: Option<f64>) {
        if let Some(value) = value {
            self.cells
                .push((self.row, column, Out::Number(value), false));
        }
    }

    fn merge(&mut self, first: (u32, u16), last: (u32, u16), text: &str) {
        if first == last {
            self.cells
                .push((first.0, first.1, Out::Text(text.to_owned()), true));
        } else {
            self.merges
                .push((first.0, first.1, last.0, last.1, text.to_owned()));
        }
    }

    /// The title and the header block.
    fn block(&mut self, title: &str, draft: &Draft, pgg: Option<&str>, upper: Option<&str>) {
        self.text(0, title, true);
        self.row += 1;
        let lang = Lang::Es;
        let period = draft.period.map(|(start, end)| format!("{start}-{end}"));
        let upper_list = upper.map_or_else(|| draft.upper.join(", "), str::to_owned);
        let (instrument, date) = draft.approval.clone().unwrap_or_default();
        let rows: [(&str, Option<String>); 20] = [
            ("Identificador del plan", draft.id.clone()),
            ("Tipo de plan", draft.kind.map(|k| k.word(lang).to_owned())),
            ("Título", draft.title.clone()),
            ("Entidad", draft.entity.name.clone()),
            (
                "Tipo de entidad",
                draft.entity.entity_type.map(|t| t.word(lang).to_owned()),
            ),
            (
                "Nivel de gobierno",
                draft.entity.level.map(|l| l.word(lang).to_owned()),
            ),
            ("Ubigeo", draft.entity.territory.clone()),
            ("Pliego", draft.entity.pliego.clone()),
            ("Sector", None),
            ("Periodo", period),
            ("Guía", draft.guide.map(|g| g.as_str().to_owned())),
            ("Versión", draft.version.map(|v| v.word(lang).to_owned())),
            ("Estado", draft.status.map(|s| s.word(lang).to_owned())),
            ("Instrumento de aprobación", instrument),
            ("Fecha de aprobación", date.map(|d| d.to_string())),
            ("Informe técnico", draft.technical_report.clone()),
            ("Informe técnico de CEPLAN", draft.ceplan_report.clone()),
            ("Publicado en", draft.published.clone()),
            (
                if upper.is_some() {
                    "Plan superior"
                } else {
                    "Planes superiores"
                },
                (!upper_list.is_empty()).then_some(upper_list),
            ),
            ("PGG", pgg.map(str::to_owned)),
        ];
        for (label, value) in rows {
            self.text(0, &format!("{label}:"), true);
            self.text(1, value.as_deref().unwrap_or_default(), false);
            self.row += 1;
        }
        self.text(0, "Misión:", true);
        self.row += 2;
    }

    /// A two-level header: `(group, labels)`; a group with one label spans both rows.
    fn header(&mut self, groups: &[(&str, &[&str])]) -> u16 {
        let top = self.row;
        let mut column: u16 = 0;
        for (group, labels) in groups {
            let width = u16::try_from(labels.len()).unwrap_or(1).max(1);
            if labels.is_empty() {
                self.merge((top, column), (top + 1, column), group);
            } else {
                self.merge((top, column), (top, column + width - 1), group);
                for (i, label) in labels.iter().enumerate() {
                    let at = column + u16::try_from(i).unwrap_or(0);
                    self.cells
                        .push((top + 1, at, Out::Text((*label).to_owned()), true));
                }
            }
            column += width;
        }
        self.row = top + 2;
        column
    }

    fn write(self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        let border = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
        let bold = Format::new()
            .set_bold()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        sheet.set_name(&self.name)?;
        sheet.set_column_width(0, 22)?;
        for column in 1..16 {
            sheet.set_column_width(column, 18)?;
        }
        for (row, column, value, is_bold) in self.cells {
            let format = if is_bold { &bold } else { &border };
            match value {
                Out::Text(text) => sheet.write_string_with_format(row, column, text, format)?,
                Out::Number(number) => {
                    sheet.write_number_with_format(row, column, number, format)?
                }
            };
        }
        for (first_row, first_column, last_row, last_column, text) in self.merges {
            sheet.merge_range(first_row, first_column, last_row, last_column, &text, &bold)?;
        }
        Ok(())
    }
}

/// The years a draft's indicators have targets for, with the plan's period.
fn years(draft: &Draft) -> Vec<i32> {
    let mut years: BTreeSet<i32> = draft
        .elements()
        .flat_map(|element| element.indicators.iter())
        .flat_map(|indicator| indicator.targets.keys().copied())
        .collect();
    if let Some((start, end)) = draft.period {
        years.extend(start..=end.min(start + 30));
    }
    years.into_iter().collect()
}

/// The annexes of a plan, as an xlsx workbook.
///
/// # Errors
/// When the workbook cannot be written (a sheet or cell beyond Excel's limits).
pub fn export(draft: &Draft, targets: &Known) -> Result<Vec<u8>, XlsxError> {
    let guide = draft.guide_or_default();
    let pgg: Option<String> = draft
        .elements()
        .flat_map(|element| element.traces_to.iter())
        .filter_map(|link| link.target.split_once('/').map(|(plan, _)| plan))
        .find(|plan| targets.kind(plan) == Some(PlanKind::Pgg))
        .map(str::to_owned);
    let mut grids = vec![ruta(draft, targets, pgg.as_deref())];
    let mut upper_plans: Vec<String> = Vec::new();
    for link in draft
        .elements()
        .flat_map(|element| element.traces_to.iter())
    {
        let plan = link.target.split_once('/').map_or("", |(plan, _)| plan);
        if matrix_of(targets, plan, guide) == Matrix::Plans
            && !upper_plans.iter().any(|p| p == plan)
        {
            upper_plans.push(plan.to_owned());
        }
    }
    for (i, plan) in upper_plans.iter().enumerate() {
        let name = if i == 0 {
            "B-1".to_owned()
        } else {
            format!("B-1 ({})", i + 1)
        };
        grids.push(articulation(draft, targets, plan, name, pgg.as_deref()));
    }
    let (matrix_name, ficha_name) = match guide {
        Guide::G2024 => {
            grids.push(policies(draft, targets, pgg.as_deref()));
            ("B-3", "Ficha")
        }
        Guide::G2017 => ("B-2", "A-6"),
    };
    grids.push(pei_matrix(draft, matrix_name, pgg.as_deref()));
    let mut n = 0;
    for element in draft.elements() {
        for indicator in &element.indicators {
            n += 1;
            grids.push(ficha(
                element,
                indicator,
                format!("{ficha_name} {n}"),
                guide,
            ));
        }
    }
    let mut workbook = Workbook::new();
    for grid in grids {
        let mut sheet = Worksheet::new();
        grid.write(&mut sheet)?;
        workbook.push_worksheet(sheet);
    }
    workbook.save_to_buffer()
}

fn ruta(draft: &Draft, targets: &Known, pgg: Option<&str>) -> Grid {
    let mut grid = Grid::new("Ruta estratégica".to_owned());
    grid.block("RUTA ESTRATÉGICA", draft, pgg, None);
    grid.header(&[
        ("Prioridad", &[]),
        ("Código OEI/AEI", &[]),
        ("Enunciado", &[]),
        ("Vinculación con la PGG", &[]),
        ("Unidad orgánica responsable", &[]),
    ]);
    for element in draft.elements() {
        grid.number(0, element.priority);
        grid.text(1, &element.code, false);
        grid.text(2, element.statement.as_deref().unwrap_or_default(), false);
        let links: Vec<&str> = element
            .traces_to
            .iter()
            .filter_map(|link| link.target.split_once('/'))
            .filter(|(plan, _)| targets.kind(plan) == Some(PlanKind::Pgg))
            .map(|(_, code)| code)
            .collect();
        grid.text(3, &links.join("\n"), false);
        grid.text(4, element.responsible.as_deref().unwrap_or_default(), false);
        grid.row += 1;
    }
    grid
}

fn articulation(
    draft: &Draft,
    targets: &Known,
    plan: &str,
    name: String,
    pgg: Option<&str>,
) -> Grid {
    let mut grid = Grid::new(name);
    grid.block(
        "ANEXO B-1: MATRIZ DE ARTICULACIÓN DE PLANES",
        draft,
        pgg,
        Some(plan),
    );
    grid.header(&[
        ("Objetivo estratégico del plan superior", &["Código"]),
        ("Acción estratégica del plan superior", &["Código"]),
        (
            "Objetivo o acción estratégica institucional",
            &["Código", "Enunciado"],
        ),
        ("Explicación de la relación causal", &[]),
    ]);
    for element in draft.elements() {
        for link in &element.traces_to {
            let Some((target_plan, code)) = link.target.split_once('/') else {
                continue;
            };
            if target_plan != plan {
                continue;
            }
            match targets.objective(plan, code) {
                Some(objective) => {
                    grid.text(0, objective, false);
                    grid.text(1, code, false);
                }
                None => grid.text(0, code, false),
            }
            grid.text(2, &element.code, false);
            grid.text(3, element.statement.as_deref().unwrap_or_default(), false);
            grid.text(4, link.why.as_deref().unwrap_or_default(), false);
            grid.row += 1;
        }
    }
    grid
}

fn policies(draft: &Draft, targets: &Known, pgg: Option<&str>) -> Grid {
    let mut grid = Grid::new("B-2".to_owned());
    grid.block(
        "ANEXO B-2: MATRIZ DE ARTICULACIÓN DE LAS POLÍTICAS NACIONALES Y EL PEI",
        draft,
        pgg,
        None,
    );
    grid.header(&[
        (
            "Objetivo o acción estratégica institucional",
            &["Código", "Enunciado"],
        ),
        ("Nombre de la Política Nacional", &[]),
        ("Objetivo prioritario", &["Código OP"]),
        ("Lineamiento", &["Código lineamiento"]),
    ]);
    for element in draft.elements() {
        for link in &element.traces_to {
            let Some((plan, code)) = link.target.split_once('/') else {
                continue;
            };
            if matrix_of(targets, plan, Guide::G2024) != Matrix::Policies {
                continue;
            }
            grid.text(0, &element.code, false);
            grid.text(1, element.statement.as_deref().unwrap_or_default(), false);
            grid.text(2, plan, false);
            let lineamiento = codes::normalise(code, &[codes::Family::Lineamiento]).is_some();
            match targets.objective(plan, code) {
                Some(objective) => {
                    grid.text(3, objective, false);
                    grid.text(4, code, false);
                }
                None if lineamiento => grid.text(4, code, false),
                None => grid.text(3, code, false),
            }
            grid.row += 1;
        }
    }
    grid
}

fn pei_matrix(draft: &Draft, name: &str, pgg: Option<&str>) -> Grid {
    let years = years(draft);
    let year_labels: Vec<String> = years.iter().map(ToString::to_string).collect();
    let year_refs: Vec<&str> = year_labels.iter().map(String::as_str).collect();
    let codes = draft
        .elements()
        .flat_map(|element| element.indicators.iter())
        .any(|indicator| indicator.code.is_some());
    let mut grid = Grid::new(name.to_owned());
    grid.block(&format!("ANEXO {name}: MATRIZ DEL PEI"), draft, pgg, None);
    let mut groups: Vec<(&str, &[&str])> = vec![
        ("Código", &[]),
        ("Enunciado", &[]),
        ("Nombre del indicador", &[]),
    ];
    if codes {
        groups.push(("Código del indicador", &[]));
    }
    groups.push(("Método de cálculo", &[]));
    groups.push(("Línea de base", &["Año", "Valor"]));
    if !year_refs.is_empty() {
        groups.push(("Logros esperados", &year_refs));
    }
    groups.push(("Unidad orgánica responsable", &[]));
    grid.header(&groups);
    let shift = u16::from(codes);
    for element in draft.elements() {
        let first = grid.row;
        let rows = u32::try_from(element.indicators.len().max(1)).unwrap_or(1);
        grid.merge((first, 0), (first + rows - 1, 0), &element.code);
        let statement = element.statement.as_deref().unwrap_or_default();
        grid.merge((first, 1), (first + rows - 1, 1), statement);
        if element.indicators.is_empty() {
            grid.row += 1;
            continue;
        }
        for indicator in &element.indicators {
            grid.text(2, &indicator.name, false);
            if let Some(code) = &indicator.code {
                grid.text(3, code, false);
            }
            grid.text(
                3 + shift,
                indicator.method.as_deref().unwrap_or_default(),
                false,
            );
            baseline_cells(&mut grid, 4 + shift, indicator.baseline);
            for (i, year) in years.iter().enumerate() {
                let column = 6 + shift + u16::try_from(i).unwrap_or(0);
                grid.number(column, indicator.targets.get(year).copied().flatten());
            }
            let last = 6 + shift + u16::try_from(years.len()).unwrap_or(0);
            grid.text(
                last,
                indicator.responsible.as_deref().unwrap_or_default(),
                false,
            );
            grid.row += 1;
        }
    }
    grid
}

fn baseline_cells(grid: &mut Grid, column: u16, baseline: Option<DraftBaseline>) {
    let Some(baseline) = baseline else { return };
    grid.number(column, baseline.year.map(f64::from));
    match baseline.value {
        Value::Number(value) => grid.number(column + 1, Some(value)),
        Value::Nd => grid.text(column + 1, "ND", false),
        Value::Null => {}
    }
}

/// The labels of a ficha's rows, in order (the years' rows follow).
const FICHA_ROWS: [&str; 15] = [
    "Objetivo o acción estratégica",
    "Nombre del indicador",
    "Código del indicador",
    "Unidad de medida",
    "Sentido esperado",
    "Fuente y base de datos",
    "Responsable del indicador",
    "Método de cálculo",
    "Numerador",
    "Denominador",
    "Justificación",
    "Limitaciones",
    "Supuestos",
    "Línea de base: año",
    "Línea de base: valor",
];

fn ficha(element: &DraftElement, indicator: &DraftIndicator, name: String, guide: Guide) -> Grid {
    let title = match guide {
        Guide::G2017 => "ANEXO A-6: FICHA TÉCNICA DEL INDICADOR",
        Guide::G2024 => "FICHA TÉCNICA DEL INDICADOR",
    };
    let mut grid = Grid::new(name);
    grid.text(0, title, true);
    grid.row += 1;
    grid.text(0, "Campo", true);
    grid.text(1, "Matriz del PEI", true);
    grid.text(2, "Ficha técnica (donde se transcribe aparte)", true);
    grid.row += 1;
    let empty = DraftFicha::default();
    let own = indicator.ficha.as_ref().unwrap_or(&empty);
    let lang = Lang::Es;
    let unit = |unit: Option<Unit>| unit.map(|u| u.word(lang).to_owned());
    let direction = |d: Option<Direction>| d.map(|d| d.word(lang).to_owned());
    let rows: [(Option<String>, Option<String>); 13] = [
        (Some(element.code.clone()), None),
        (Some(indicator.name.clone()), None),
        (indicator.code.clone(), None),
        (unit(indicator.unit), unit(own.unit)),
        (direction(indicator.direction), direction(own.direction)),
        (indicator.source.clone(), None),
        (indicator.responsible.clone(), None),
        (indicator.method.clone(), own.method.clone()),
        (None, own.numerator.clone()),
        (None, own.denominator.clone()),
        (None, own.justification.clone()),
        (None, own.limitations.clone()),
        (None, own.assumptions.clone()),
    ];
    for (label, (matrix, ficha)) in FICHA_ROWS.iter().zip(rows) {
        grid.text(0, label, true);
        grid.text(1, matrix.as_deref().unwrap_or_default(), false);
        grid.text(2, ficha.as_deref().unwrap_or_default(), false);
        grid.row += 1;
    }
    for (label, pick) in [(FICHA_ROWS[13], 0_u8), (FICHA_ROWS[14], 1_u8)] {
        grid.text(0, label, true);
        for (column, baseline) in [(1, indicator.baseline), (2, own.baseline)] {
            let Some(baseline) = baseline else { continue };
            if pick == 0 {
                grid.number(column, baseline.year.map(f64::from));
            } else {
                match baseline.value {
                    Value::Number(value) => grid.number(column, Some(value)),
                    Value::Nd => grid.text(column, "ND", false),
                    Value::Null => {}
                }
            }
        }
        grid.row += 1;
    }
    let years: BTreeSet<i32> = indicator
        .targets
        .keys()
        .chain(own.targets.keys())
        .copied()
        .collect();
    for year in years {
        grid.text(0, &format!("Logro esperado: {year}"), true);
        grid.number(1, indicator.targets.get(&year).copied().flatten());
        grid.number(2, own.targets.get(&year).copied().flatten());
        grid.row += 1;
    }
    grid
}

/// Whether a sheet is a ficha técnica written by [`export`].
pub(crate) fn is_ficha(sheet: &Sheet) -> bool {
    words(&sheet.get(0, 0).text()).contains("ficha tecnica")
        && words(&sheet.get(1, 0).text()) == "campo"
}

/// Reads a ficha into its indicator: what only the ficha gives (unit, direction, source)
/// into the indicator, the ficha's own values into `ficha`.
pub(crate) fn read_ficha(sheet: &Sheet, draft: &mut Draft, notes: &mut Vec<Note>) {
    let mut by_label: HashMap<String, usize> = HashMap::new();
    for row in 2..sheet.rows.len() {
        by_label.insert(words(&sheet.get(row, 0).text()), row);
    }
    let cell = |label: &str, column: usize| {
        by_label
            .get(&words(label))
            .map(|row| sheet.get(*row, column).text())
            .filter(|text| !text.is_empty())
    };
    let (Some(code), Some(name)) = (cell(FICHA_ROWS[0], 1), cell(FICHA_ROWS[1], 1)) else {
        notes.push(Note {
            cell: sheet.address(2, 1),
            kind: NoteKind::Row {
                reason: "no-element",
                text: sheet.name.clone(),
            },
        });
        return;
    };
    let code =
        codes::normalise(&code, &[codes::Family::Oei, codes::Family::Aei]).map_or(code, |(_, c)| c);
    let indicator = draft
        .objectives
        .iter_mut()
        .flat_map(|objective| {
            let (head, actions) = (&mut objective.indicators, &mut objective.actions);
            let own = std::iter::once((objective.code.clone(), head));
            own.chain(
                actions
                    .iter_mut()
                    .map(|a| (a.code.clone(), &mut a.indicators)),
            )
        })
        .filter(|(element, _)| *element == code)
        .flat_map(|(_, indicators)| indicators.iter_mut())
        .find(|indicator| indicator.name == name);
    let Some(indicator) = indicator else {
        notes.push(Note {
            cell: sheet.address(by_label.get(&words(FICHA_ROWS[1])).copied().unwrap_or(3), 1),
            kind: NoteKind::Row {
                reason: "unknown-element",
                text: format!("{code}: {name}"),
            },
        });
        return;
    };
    let number = |label: &str, column: usize| -> Option<Value> {
        let row = *by_label.get(&words(label))?;
        match sheet.get(row, column) {
            crate::import::workbook::Cell::Number(n) => Some(Value::Number(*n)),
            crate::import::workbook::Cell::Text(text) if codes::is_nd(text) => Some(Value::Nd),
            crate::import::workbook::Cell::Text(text) => codes::number(text).map(Value::Number),
            crate::import::workbook::Cell::Empty => None,
        }
    };
    if indicator.unit.is_none() {
        indicator.unit = cell(FICHA_ROWS[3], 1).and_then(|t| Unit::read(&t));
    }
    if indicator.direction.is_none() {
        indicator.direction = cell(FICHA_ROWS[4], 1).and_then(|t| Direction::read(&t));
    }
    if indicator.source.is_none() {
        indicator.source = cell(FICHA_ROWS[5], 1);
    }
    if indicator.responsible.is_none() {
        indicator.responsible = cell(FICHA_ROWS[6], 1);
    }
    if indicator.method.is_none() {
        indicator.method = cell(FICHA_ROWS[7], 1);
    }
    if indicator.code.is_none() {
        indicator.code = cell(FICHA_ROWS[2], 1);
    }
    let baseline = |column: usize| {
        let year = number(FICHA_ROWS[13], column).and_then(Value::number);
        let value = number(FICHA_ROWS[14], column);
        (year.is_some() || value.is_some()).then(|| DraftBaseline {
            #[expect(clippy::cast_possible_truncation, reason = "a year read from a cell")]
            year: year.map(|y| y as i32),
            value: value.unwrap_or_default(),
        })
    };
    let targets = |column: usize| {
        by_label
            .iter()
            .filter_map(|(label, row)| {
                let year = label
                    .strip_prefix("logro esperado ")
                    .and_then(codes::year)?;
                match sheet.get(*row, column) {
                    crate::import::workbook::Cell::Number(n) => Some((year, Some(*n))),
                    _ => None,
                }
            })
            .collect()
    };
    let mut ficha = DraftFicha {
        baseline: baseline(2),
        targets: targets(2),
        direction: cell(FICHA_ROWS[4], 2).and_then(|t| Direction::read(&t)),
        unit: cell(FICHA_ROWS[3], 2).and_then(|t| Unit::read(&t)),
        method: cell(FICHA_ROWS[7], 2),
        justification: cell(FICHA_ROWS[10], 2),
        limitations: cell(FICHA_ROWS[11], 2),
        assumptions: cell(FICHA_ROWS[12], 2),
        numerator: cell(FICHA_ROWS[8], 2),
        denominator: cell(FICHA_ROWS[9], 2),
    };
    if indicator.baseline.is_none() {
        indicator.baseline = baseline(1);
    }
    if indicator.targets.is_empty() {
        indicator.targets = targets(1);
    }
    if ficha != DraftFicha::default() {
        indicator.ficha = Some(std::mem::take(&mut ficha));
    }
}
