//! `alinea new pei`: a municipality's PEI and its POI stub from CEPLAN's municipal catalogue
//! (the MEGL: standard OEI, AEI and operational activities with their indicators).
//!
//! The catalogue is a workbook whose sheets are found by their headers, whatever their
//! names: the OEI (`Código`, `Denominación`, `Nombre del indicador`), the AEI (`Código OEI`,
//! `Código AEI`, `Denominación`, `Nombre del indicador`), the PGG linkage (`Código OEI`,
//! `Vinculación OEI con la PGG`, `Código AEI`, `Vinculación AEI con la PGG`), the Políticas
//! Nacionales (`Código AEI`, `Nombre de la Política Nacional` as a plan id, `Código OP`,
//! `Código lineamiento`) and the operational activities (`Código AEI`, `Actividad
//! operativa`, `Unidad de medida`). Baselines and targets are left to the planner (`null`).

use crate::import::codes::{self, Family};
use crate::import::draft::{
    DraftActivity, DraftBaseline, DraftElement, DraftIndicator, DraftLink, Known,
};
use crate::import::layout::words;
use crate::import::workbook::{self, Sheet};
use crate::import::{Draft, Note, NoteKind, WorkbookError};
use crate::plan::model::PlanKind;

/// A catalogue's columns, found by their header's words.
#[derive(Debug, Default)]
struct Columns {
    header: usize,
    objective: Option<usize>,
    action: Option<usize>,
    code: Option<usize>,
    statement: Option<usize>,
    indicator: Option<usize>,
    objective_pgg: Option<usize>,
    action_pgg: Option<usize>,
    policy: Option<usize>,
    op: Option<usize>,
    lineamiento: Option<usize>,
    activity: Option<usize>,
    unit: Option<usize>,
}

fn columns(sheet: &Sheet) -> Option<Columns> {
    (0..sheet.rows.len().min(20)).find_map(|row| {
        let mut found = Columns {
            header: row,
            ..Columns::default()
        };
        let width = sheet.rows.get(row).map_or(0, Vec::len);
        for column in 0..width {
            let label = words(&sheet.get(row, column).text());
            let has = |word: &str| label.split(' ').any(|w| w == word);
            let slot = if has("pgg") && has("oei") {
                &mut found.objective_pgg
            } else if has("pgg") && has("aei") {
                &mut found.action_pgg
            } else if label.contains("politica nacional") && !has("codigo") {
                &mut found.policy
            } else if has("lin") || has("lineamiento") {
                if !has("codigo") {
                    continue;
                }
                &mut found.lineamiento
            } else if has("op") {
                if !has("codigo") {
                    continue;
                }
                &mut found.op
            } else if label.contains("actividad") {
                &mut found.activity
            } else if label.contains("unidad de medida") {
                &mut found.unit
            } else if has("indicador") && !has("servicio") {
                &mut found.indicator
            } else if has("codigo") && has("oei") {
                &mut found.objective
            } else if has("codigo") && has("aei") {
                &mut found.action
            } else if has("codigo") {
                &mut found.code
            } else if (has("denominacion") || has("enunciado")) && found.statement.is_none() {
                &mut found.statement
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(column);
            }
        }
        let any = found.objective.is_some() || found.action.is_some() || found.code.is_some();
        any.then_some(found)
    })
}

/// What `new pei` asks of the catalogue.
#[derive(Clone, Debug, Default)]
pub struct Choice {
    /// The OEI and AEI to keep (`OEI.01`, `AEI.01.02`); empty: every one. An OEI chosen
    /// keeps all its AEI unless some of them are chosen.
    pub codes: Vec<String>,
}

/// A new PEI and its POI stub.
#[derive(Clone, Debug, Default)]
pub struct NewPei {
    /// The PEI.
    pub pei: Draft,
    /// The POI stub.
    pub poi: Draft,
    /// What the catalogue's reading noted (codes normalised, rows not placed).
    pub notes: Vec<Note>,
}

fn code_at(
    sheet: &Sheet,
    row: usize,
    column: Option<usize>,
    family: Family,
    notes: &mut Vec<Note>,
) -> Option<String> {
    crate::import::read_code(sheet, (row, column?), &[family], notes).map(|(_, code)| code)
}

fn text_at(sheet: &Sheet, row: usize, column: Option<usize>) -> Option<String> {
    let text = sheet.get(row, column?).text();
    (!text.is_empty()).then_some(text)
}

/// An indicator left for the planner: its name, and a baseline and a target per year that
/// are `null`.
fn blank_indicator(name: String, period: Option<(i32, i32)>) -> DraftIndicator {
    DraftIndicator {
        name,
        baseline: Some(DraftBaseline::default()),
        targets: period
            .map(|(start, end)| {
                (start..=end.min(start + 30))
                    .map(|year| (year, None))
                    .collect()
            })
            .unwrap_or_default(),
        ..DraftIndicator::default()
    }
}

/// A PEI and its POI stub from a catalogue's bytes; `header` holds the PEI's header as the
/// options give it (id, entity, period, upper…), `pgg` the id of the PGG the catalogue's
/// linkage names (else the repository's PGG in force over the period), `known` the plans
/// of the repository (Políticas Nacionales named by their titles).
///
/// # Errors
/// When the catalogue cannot be read, or no sheet lists OEI.
pub fn new_pei(
    bytes: Vec<u8>,
    header: &Draft,
    pgg: Option<&str>,
    choice: &Choice,
    known: &Known,
) -> Result<NewPei, WorkbookError> {
    let sheets = workbook::read(bytes)?;
    let pgg = pgg.or_else(|| known.pgg(header.period));
    let mut notes = Vec::new();
    let mut pei = header.clone();
    pei.kind = Some(PlanKind::Pei);
    let period = pei.period;
    let chosen = |code: &str, parent: Option<&str>| {
        choice.codes.is_empty()
            || choice.codes.iter().any(|c| c == code)
            || parent.is_some_and(|parent| {
                choice.codes.iter().any(|c| c == parent)
                    && !choice
                        .codes
                        .iter()
                        .any(|c| codes::objective_of(c) == codes::objective_number(parent))
            })
    };
    let tables: Vec<(&Sheet, Columns)> = sheets
        .iter()
        .filter_map(|s| columns(s).map(|c| (s, c)))
        .collect();
    // The OEI: a sheet with a plain code column and no AEI column.
    for (sheet, cols) in tables
        .iter()
        .filter(|(_, c)| c.code.is_some() && c.action.is_none() && c.objective.is_none())
    {
        for row in cols.header + 1..sheet.rows.len() {
            let Some(code) = code_at(sheet, row, cols.code, Family::Oei, &mut notes) else {
                continue;
            };
            if !chosen(&code, None)
                && !choice
                    .codes
                    .iter()
                    .any(|c| codes::objective_of(c) == codes::objective_number(&code))
            {
                continue;
            }
            let indicators = text_at(sheet, row, cols.indicator)
                .map(|name| codes::several_indicators(&name).unwrap_or_else(|| vec![name]))
                .unwrap_or_default()
                .into_iter()
                .map(|name| blank_indicator(name, period))
                .collect();
            pei.objectives.push(DraftElement {
                code,
                statement: text_at(sheet, row, cols.statement),
                indicators,
                ..DraftElement::default()
            });
        }
    }
    if pei.objectives.is_empty() {
        return Err(WorkbookError::NoMatrix {
            sheets: sheets.iter().map(|s| s.name.clone()).collect(),
        });
    }
    // The AEI: a sheet with both code columns and no linkage.
    for (sheet, cols) in tables.iter().filter(|(_, c)| {
        c.objective.is_some()
            && c.action.is_some()
            && c.objective_pgg.is_none()
            && c.action_pgg.is_none()
            && c.activity.is_none()
    }) {
        for row in cols.header + 1..sheet.rows.len() {
            let Some(action) = code_at(sheet, row, cols.action, Family::Aei, &mut notes) else {
                continue;
            };
            let objective = code_at(sheet, row, cols.objective, Family::Oei, &mut notes);
            let Some(parent) = pei
                .objectives
                .iter_mut()
                .find(|o| Some(&o.code) == objective.as_ref())
            else {
                continue;
            };
            if !chosen(&action, Some(&parent.code.clone())) {
                continue;
            }
            let names: Vec<String> = text_at(sheet, row, cols.indicator)
                .map(|name| codes::several_indicators(&name).unwrap_or_else(|| vec![name]))
                .unwrap_or_default();
            match parent.actions.iter_mut().find(|a| a.code == action) {
                // One row per indicator: the AEI's next indicator.
                Some(existing) => existing
                    .indicators
                    .extend(names.into_iter().map(|n| blank_indicator(n, period))),
                None => parent.actions.push(DraftElement {
                    code: action,
                    statement: text_at(sheet, row, cols.statement),
                    indicators: names
                        .into_iter()
                        .map(|n| blank_indicator(n, period))
                        .collect(),
                    ..DraftElement::default()
                }),
            }
        }
    }
    // The PGG linkage.
    for (sheet, cols) in tables
        .iter()
        .filter(|(_, c)| c.objective_pgg.is_some() || c.action_pgg.is_some())
    {
        for row in cols.header + 1..sheet.rows.len() {
            for (code_column, family, link_column) in [
                (cols.objective, Family::Oei, cols.objective_pgg),
                (cols.action, Family::Aei, cols.action_pgg),
            ] {
                let (Some(code), Some(text)) = (
                    text_at(sheet, row, code_column)
                        .and_then(|t| codes::normalise(&t, &[family]).map(|(_, c)| c)),
                    text_at(sheet, row, link_column),
                ) else {
                    continue;
                };
                let Some(element) = find(&mut pei, &code) else {
                    continue;
                };
                let Some(link) = codes::pgg_code(&text) else {
                    notes.push(Note {
                        cell: sheet.address(row, link_column.unwrap_or(0)),
                        kind: NoteKind::Value {
                            text,
                            expected: "code",
                        },
                    });
                    continue;
                };
                let Some(pgg) = pgg else {
                    notes.push(Note {
                        cell: sheet.address(row, link_column.unwrap_or(0)),
                        kind: NoteKind::Row {
                            reason: "no-pgg",
                            text,
                        },
                    });
                    continue;
                };
                if link != text.trim() {
                    notes.push(Note {
                        cell: sheet.address(row, link_column.unwrap_or(0)),
                        kind: NoteKind::Code {
                            from: text.clone(),
                            to: link.clone(),
                        },
                    });
                }
                let target = format!("{pgg}/{link}");
                if !element.traces_to.iter().any(|l| l.target == target) {
                    element.traces_to.push(DraftLink { target, why: None });
                }
            }
        }
    }
    // The Políticas Nacionales.
    for (sheet, cols) in tables.iter().filter(|(_, c)| c.policy.is_some()) {
        for row in cols.header + 1..sheet.rows.len() {
            let Some(code) = text_at(sheet, row, cols.action.or(cols.code))
                .and_then(|t| codes::normalise(&t, &[Family::Aei, Family::Oei]).map(|(_, c)| c))
            else {
                continue;
            };
            let Some(element) = find(&mut pei, &code) else {
                continue;
            };
            let target = [
                (cols.lineamiento, Family::Lineamiento),
                (cols.op, Family::Op),
            ]
            .into_iter()
            .find_map(|(column, family)| {
                let text = text_at(sheet, row, column)?;
                Some((
                    column,
                    text.clone(),
                    codes::normalise(&text, &[family]).map(|(_, c)| c),
                ))
            });
            let Some((column, text, normalised)) = target else {
                continue;
            };
            let at = sheet.address(row, column.unwrap_or(0));
            let Some(link) = normalised else {
                notes.push(Note {
                    cell: at,
                    kind: NoteKind::Value {
                        text,
                        expected: "code",
                    },
                });
                continue;
            };
            if link != text {
                notes.push(Note {
                    cell: at.clone(),
                    kind: NoteKind::Code {
                        from: text,
                        to: link.clone(),
                    },
                });
            }
            let Some(policy) = cols.policy.and_then(|column| {
                crate::import::read_policy(sheet, (row, column), known, &mut notes)
            }) else {
                continue;
            };
            let target = format!("{policy}/{link}");
            if !element.traces_to.iter().any(|l| l.target == target) {
                element.traces_to.push(DraftLink { target, why: None });
            }
        }
    }
    let mut poi = Draft {
        id: pei.id.as_ref().map(|id| poi_id(id)),
        kind: Some(PlanKind::Poi),
        title: pei
            .title
            .as_ref()
            .map(|title| title.replacen("PEI", "POI", 1)),
        entity: pei.entity.clone(),
        period: pei.period,
        upper: pei.id.iter().cloned().collect(),
        ..Draft::default()
    };
    // The operational activities.
    for (sheet, cols) in tables.iter().filter(|(_, c)| c.activity.is_some()) {
        for row in cols.header + 1..sheet.rows.len() {
            let Some(action) = text_at(sheet, row, cols.action)
                .and_then(|t| codes::normalise(&t, &[Family::Aei]).map(|(_, c)| c))
            else {
                continue;
            };
            if find(&mut pei, &action).is_none() {
                continue;
            }
            let Some(name) = text_at(sheet, row, cols.activity) else {
                continue;
            };
            let n = poi.activities.len() + 1;
            poi.activities.push(DraftActivity {
                code: format!("AO.{n:03}"),
                name: Some(name),
                action: pei.id.as_ref().map(|id| format!("{id}/{action}")),
                unit: text_at(sheet, row, cols.unit),
            });
        }
    }
    Ok(NewPei { pei, poi, notes })
}

fn find<'d>(draft: &'d mut Draft, code: &str) -> Option<&'d mut DraftElement> {
    draft.objectives.iter_mut().find_map(|objective| {
        if objective.code == code {
            Some(objective)
        } else {
            objective
                .actions
                .iter_mut()
                .find(|action| action.code == code)
        }
    })
}

/// The POI's id from the PEI's: `pei-…` → `poi-…`, else `…-poi`.
pub fn poi_id(pei: &str) -> String {
    match pei.strip_prefix("pei-") {
        Some(rest) => format!("poi-{rest}"),
        None => format!("{pei}-poi"),
    }
}
