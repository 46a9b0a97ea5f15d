//! Finding the matrices in a workbook: header rows found by their words in Spanish, each
//! column given a role, and the header block above (pliego, entity, period…).

use crate::i18n::unaccented;
use crate::import::codes;
use crate::import::workbook::{Cell, Sheet};

/// How many rows from the top a matrix's header row may be.
const HEADER_SEARCH: usize = 40;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// An OEI or AEI code (the code says which).
    Code,
    /// An OEI code.
    ObjectiveCode,
    /// An AEI code.
    ActionCode,
    /// The statement of the row's element (the code column's).
    Statement,
    /// An OEI's statement.
    ObjectiveStatement,
    /// An AEI's statement.
    ActionStatement,
    /// The indicator's name.
    IndicatorName,
    /// The indicator's code.
    IndicatorCode,
    /// Método de cálculo.
    Method,
    /// Unidad de medida.
    Unit,
    /// Sentido esperado.
    Direction,
    /// Fuente de datos.
    Source,
    /// The baseline's year.
    BaselineYear,
    /// The baseline's value.
    BaselineValue,
    /// The baseline's value, the year in the header.
    BaselineIn(i32),
    /// A year's logro esperado.
    Target(i32),
    /// Unidad orgánica responsable.
    Responsible,
    /// The order in the ruta estratégica.
    Priority,
    /// Vinculación con la PGG.
    Pgg,
    /// The code of an objective of the upper plan (B-1).
    UpperObjectiveCode,
    /// The code of an action of the upper plan (B-1).
    UpperActionCode,
    /// Explicación de la relación causal (B-1).
    Why,
    /// The name (or id) of a Política Nacional.
    PolicyName,
    /// A Política Nacional's objetivo prioritario.
    OpCode,
    /// A Política Nacional's lineamiento.
    LineamientoCode,
    /// A column the matrices have that a plan file does not hold (statements of upper
    /// elements, services, numbering).
    Ignored,
}

/// A matrix found in a sheet.
#[derive(Debug)]
pub(crate) struct Matrix {
    /// The header's first row (0-based).
    pub(crate) header: usize,
    /// The first data row (0-based).
    pub(crate) first: usize,
    /// Each column's role; `None` for a column whose header is not understood.
    pub(crate) columns: Vec<(usize, Option<Role>, String)>,
}

impl Matrix {
    /// The column of a role.
    pub(crate) fn column(&self, role: Role) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, r, _)| *r == Some(role))
            .map(|(c, _, _)| *c)
    }

    /// Whether a role has a column.
    pub(crate) fn has(&self, role: Role) -> bool {
        self.column(role).is_some()
    }
}

/// A header's text, lowercase, without accents, words separated by one space.
pub(crate) fn words(text: &str) -> String {
    let lowered: String = text.to_lowercase().chars().map(unaccented).collect();
    lowered
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(' ').any(|w| w == word)
}

/// Words naming a plan above the institution's in a B-1's group header.
const UPPER: &[&str] = &[
    "superior",
    "regional",
    "territorial",
    "local",
    "concertado",
    "sectorial",
    "oer",
    "aer",
    "oet",
    "aet",
    "oel",
    "ael",
    "oes",
    "aes",
    "pdrc",
    "pdlc",
    "pesem",
    "pedn",
    "nacional",
];

/// The role of a column from its header: its group (the merged row above, or the same
/// text) and its own label.
pub(crate) fn role(group: &str, label: &str) -> Option<Role> {
    let group = words(group);
    let label = words(label);
    let all = if label == group || label.is_empty() {
        group.clone()
    } else if group.is_empty() {
        label.clone()
    } else {
        format!("{group} {label}")
    };
    // `2025` under `Logros esperados`, or `Meta 2025`, `Logro esperado 2025` in one cell.
    let year = codes::year(&label).or_else(|| {
        let target = ["logro", "logros", "meta", "metas"]
            .iter()
            .any(|word| has_word(&all, word));
        let mut years = all.split(' ').filter_map(codes::year);
        match (years.next(), years.next()) {
            (Some(year), None) if target || baseline_words(&all) => Some(year),
            _ => None,
        }
    });
    let baseline = baseline_words(&all);
    if let Some(year) = year {
        return Some(if baseline {
            Role::BaselineIn(year)
        } else {
            Role::Target(year)
        });
    }
    if baseline {
        return Some(
            if has_word(&label, "ano") || has_word(&label, "año") || has_word(&label, "anio") {
                Role::BaselineYear
            } else {
                Role::BaselineValue
            },
        );
    }
    let upper = UPPER.iter().any(|word| has_word(&group, word))
        && !has_word(&group, "institucional")
        && !has_word(&group, "oei")
        && !has_word(&group, "aei");
    let code = has_word(&all, "codigo") || has_word(&all, "cod");
    let statement = ["enunciado", "denominacion", "descripcion"]
        .iter()
        .any(|word| has_word(&all, word));
    let action = has_word(&all, "aei") || has_word(&all, "accion") || has_word(&all, "acciones");
    let objective =
        has_word(&all, "oei") || has_word(&all, "objetivo") || has_word(&all, "objetivos");
    Some(if all.contains("causal") || has_word(&all, "explicacion") {
        Role::Why
    } else if all.contains("politica nacional") && !code && !statement {
        Role::PolicyName
    } else if has_word(&all, "lineamiento") || has_word(&all, "lin") {
        if code {
            Role::LineamientoCode
        } else {
            Role::Ignored
        }
    } else if has_word(&all, "op") || all.contains("objetivo prioritario") {
        if code { Role::OpCode } else { Role::Ignored }
    } else if has_word(&all, "servicio") || has_word(&all, "servicios") {
        Role::Ignored
    } else if has_word(&all, "pgg") || all.contains("politica general") {
        Role::Pgg
    } else if has_word(&all, "indicador") || has_word(&all, "indicadores") {
        if upper {
            Role::Ignored
        } else if code {
            Role::IndicatorCode
        } else {
            Role::IndicatorName
        }
    } else if has_word(&all, "metodo") || has_word(&all, "formula") {
        Role::Method
    } else if all.contains("unidad de medida") {
        Role::Unit
    } else if has_word(&all, "sentido") {
        Role::Direction
    } else if has_word(&all, "fuente") {
        Role::Source
    } else if has_word(&all, "prioridad") {
        Role::Priority
    } else if has_word(&all, "responsable") || all.contains("unidad organica") {
        Role::Responsible
    } else if code || (!statement && (action || objective) && all.split(' ').count() <= 2) {
        if upper {
            if has_word(&all, "accion")
                || has_word(&group, "aer")
                || has_word(&group, "aet")
                || has_word(&group, "ael")
                || has_word(&group, "aes")
            {
                Role::UpperActionCode
            } else {
                Role::UpperObjectiveCode
            }
        } else if action && objective {
            Role::Code
        } else if action {
            Role::ActionCode
        } else if objective {
            Role::ObjectiveCode
        } else {
            Role::Code
        }
    } else if statement {
        if upper {
            Role::Ignored
        } else if action && !objective {
            Role::ActionStatement
        } else if objective && !action {
            Role::ObjectiveStatement
        } else {
            Role::Statement
        }
    } else if ["n", "no", "nro", "numero", "item", "tipo", "nivel"]
        .iter()
        .any(|word| all == *word)
    {
        Role::Ignored
    } else {
        return None;
    })
}

/// Whether a header names the baseline.
fn baseline_words(all: &str) -> bool {
    all.contains("linea de base") || all.contains("linea base")
}

/// Words a sub-header row holds (under a merged group).
fn sub_header_word(text: &str) -> bool {
    let text = words(text);
    codes::year(&text).is_some()
        || [
            "ano",
            "año",
            "anio",
            "valor",
            "codigo",
            "enunciado",
            "denominacion",
            "indicador",
            "nombre",
            "descripcion",
        ]
        .iter()
        .any(|word| has_word(&text, word))
}

/// Whether a row can be a matrix's header: a code column and at least two other labels,
/// none of them a data code.
fn header_row(sheet: &Sheet, row: usize) -> bool {
    let Some(cells) = sheet.rows.get(row) else {
        return false;
    };
    let labels: Vec<String> = cells
        .iter()
        .filter_map(|cell| match cell {
            Cell::Text(text) => Some(words(text)),
            Cell::Number(_) | Cell::Empty => None,
        })
        .collect();
    let code = labels.iter().any(|label| {
        has_word(label, "codigo")
            || label == "oei"
            || label == "aei"
            || label == "oei aei"
            || label.starts_with("objetivo estrategico")
            || label.starts_with("accion estrategica")
    });
    code && labels.len() >= 3
}

/// The matrix of a sheet, when the sheet has a header row.
pub(crate) fn find(sheet: &Sheet) -> Option<Matrix> {
    let header = (0..HEADER_SEARCH.min(sheet.rows.len())).find(|row| header_row(sheet, *row))?;
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    let next = header + 1;
    let two_rows = sheet.rows.get(next).is_some_and(|cells| {
        let mut any = false;
        for cell in cells {
            let text = cell.text();
            if text.is_empty() {
                continue;
            }
            if codes::normalise(&text, &[codes::Family::Oei, codes::Family::Aei]).is_some() {
                return false;
            }
            any |= sub_header_word(&text) || matches!(cell, Cell::Number(n) if codes::year(&crate::import::draft::number(*n)).is_some());
        }
        any
    });
    let mut columns = Vec::new();
    let mut group = String::new();
    for column in 0..width {
        let top = sheet.get(header, column).text();
        let sub = if two_rows {
            sheet.get(next, column).text()
        } else {
            String::new()
        };
        // A group merged over columns in a format that keeps no merge (xls, ods) is written
        // in its first column only.
        if !top.is_empty() {
            group.clone_from(&top);
        } else if sub.is_empty() {
            continue;
        }
        let label = if sub.is_empty() {
            group.clone()
        } else {
            sub.clone()
        };
        let shown = if sub.is_empty() || sub == group {
            group.clone()
        } else {
            format!("{group} / {sub}")
        };
        columns.push((column, role(&group, &label), shown));
    }
    Some(Matrix {
        header,
        first: if two_rows { next + 1 } else { next },
        columns,
    })
}

/// What a header block (the rows above a matrix, `Label: value` or a label and its value in
/// the next cell) gives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Block {
    /// Each label, in words, with its value and its cell.
    pub(crate) entries: Vec<(String, String, (usize, usize))>,
}

impl Block {
    /// The value of the label that is `name` (in words).
    pub(crate) fn exact(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(label, value, _)| !value.is_empty() && label == name)
            .map(|(_, value, _)| value.as_str())
    }

    /// The value of the first label that contains one of `names` (in words).
    pub(crate) fn get(&self, names: &[&str]) -> Option<(&str, (usize, usize))> {
        self.entries
            .iter()
            .find(|(label, value, _)| {
                !value.is_empty() && names.iter().any(|name| label.contains(name))
            })
            .map(|(_, value, at)| (value.as_str(), *at))
    }
}

/// The header block of a sheet: the labelled values above `until`.
pub(crate) fn block(sheet: &Sheet, until: usize) -> Block {
    let mut entries = Vec::new();
    for (row, cells) in sheet.rows.iter().enumerate().take(until) {
        let mut column = 0;
        while column < cells.len() {
            let text = sheet.get(row, column).text();
            if let Some((label, value)) = text.split_once(':')
                && !label.trim().is_empty()
                && label.len() < 60
            {
                let value = value.trim();
                let value = if value.is_empty() {
                    next_value(sheet, row, column)
                } else {
                    value.to_owned()
                };
                entries.push((words(label), value, (row, column)));
            } else if !text.is_empty() && text.len() < 60 {
                let value = next_value(sheet, row, column);
                if !value.is_empty() {
                    entries.push((words(&text), value, (row, column)));
                    column += 1;
                }
            }
            column += 1;
        }
    }
    Block { entries }
}

/// The first non-empty cell after a label, on its row, that differs from the label (a merged
/// label repeats itself).
fn next_value(sheet: &Sheet, row: usize, column: usize) -> String {
    let label = sheet.get(row, column).text();
    let cells = sheet.rows.get(row).map_or(0, Vec::len);
    ((column + 1)..cells)
        .map(|c| sheet.get(row, c).text())
        .find(|text| !text.is_empty() && *text != label)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_by_their_words() {
        assert_eq!(role("Código", "Código"), Some(Role::Code));
        assert_eq!(role("OEI / AEI", ""), Some(Role::Code));
        assert_eq!(role("Código OEI", ""), Some(Role::ObjectiveCode));
        assert_eq!(role("Denominación AEI", ""), Some(Role::ActionStatement));
        assert_eq!(role("Nombre del indicador", ""), Some(Role::IndicatorName));
        assert_eq!(role("Línea de base", "Año"), Some(Role::BaselineYear));
        assert_eq!(role("Línea de base", "Valor"), Some(Role::BaselineValue));
        assert_eq!(role("Logros esperados", "2025"), Some(Role::Target(2025)));
        assert_eq!(role("Meta 2026", ""), Some(Role::Target(2026)));
        assert_eq!(role("Logro esperado 2027", ""), Some(Role::Target(2027)));
        assert_eq!(role("Línea de base 2022", ""), Some(Role::BaselineIn(2022)));
        assert_eq!(
            role("Unidad orgánica responsable", ""),
            Some(Role::Responsible)
        );
        assert_eq!(role("Vinculación con la PGG", ""), Some(Role::Pgg));
        assert_eq!(
            role("Acción estratégica regional (AER)", "Código"),
            Some(Role::UpperActionCode)
        );
        assert_eq!(
            role("Objetivo estratégico regional (OER)", "Código"),
            Some(Role::UpperObjectiveCode)
        );
        assert_eq!(
            role("Objetivo estratégico institucional (OEI)", "Código"),
            Some(Role::ObjectiveCode)
        );
        assert_eq!(role("Explicación de relación causal", ""), Some(Role::Why));
        assert_eq!(
            role("Nombre de la Política Nacional", ""),
            Some(Role::PolicyName)
        );
        assert_eq!(role("Código OP", ""), Some(Role::OpCode));
        assert_eq!(role("Código lineamiento", ""), Some(Role::LineamientoCode));
        assert_eq!(role("Color favorito", ""), None);
    }
}
