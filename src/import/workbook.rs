//! A workbook's sheets as grids of cells (calamine stays in this module).
//!
//! Merged cells are filled with the merged range's value, so that a header or a parent code
//! merged over several cells reads the same in each of them.

use std::io::Cursor;

use calamine::{Data, Reader, Sheets};

/// The most cells read from one sheet: a plan's matrices hold a few thousand.
pub(crate) const MAX_CELLS: usize = 2_000_000;

/// A cell's value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    /// Nothing.
    Empty,
    /// Text, trimmed.
    Text(String),
    /// A number.
    Number(f64),
}

impl Cell {
    /// The cell as text (a whole number without `.0`).
    pub(crate) fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(text) => text.clone(),
            Self::Number(number) => crate::import::draft::number(*number),
        }
    }

    /// Whether the cell is empty.
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Self::Empty)
    }
}

/// One sheet.
#[derive(Clone, Debug)]
pub(crate) struct Sheet {
    /// Its name.
    pub(crate) name: String,
    /// Its rows from the first (row 1 of the sheet), each from column A.
    pub(crate) rows: Vec<Vec<Cell>>,
    /// The cells that hold a copy of a merged range's value (all but its first).
    pub(crate) copies: std::collections::HashSet<(usize, usize)>,
}

impl Sheet {
    /// The cell at a 0-based row and column.
    pub(crate) fn get(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|cells| cells.get(column))
            .unwrap_or(&Cell::Empty)
    }

    /// Whether a cell holds a copy of a merged range's value (what it says was noted at
    /// the range's first cell).
    pub(crate) fn is_copy(&self, row: usize, column: usize) -> bool {
        self.copies.contains(&(row, column))
    }

    /// `Sheet!C12` for a 0-based row and column.
    pub(crate) fn address(&self, row: usize, column: usize) -> String {
        format!("{}!{}{}", self.name, column_name(column), row + 1)
    }
}

/// `A`, `B`, …, `Z`, `AA` for a 0-based column.
pub(crate) fn column_name(column: usize) -> String {
    let mut name = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    name.iter().rev().collect()
}

/// Why a workbook or one of its sheets could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    /// Not a spreadsheet alinea reads (xlsx, xlsm, xls, ods).
    NotASpreadsheet,
    /// A damaged spreadsheet: the reader's words.
    Damaged(String),
    /// Protected by a password (encrypted).
    Password,
    /// A sheet that cannot be read.
    Sheet {
        /// The sheet.
        sheet: String,
        /// Why, in the reader's words.
        reason: String,
    },
    /// No sheet holds a PEI matrix (a header row with a code and an indicator column).
    NoMatrix {
        /// The workbook's sheets.
        sheets: Vec<String>,
    },
    /// A sheet with more cells than alinea reads.
    TooLarge {
        /// The sheet.
        sheet: String,
        /// How many cells it spans.
        cells: usize,
    },
}

/// Reads every sheet of a workbook from its bytes.
pub(crate) fn read(bytes: Vec<u8>) -> Result<Vec<Sheet>, WorkbookError> {
    let mut workbook = open(bytes)?;
    let names = workbook.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let sheet_error = |error: &dyn std::fmt::Display| WorkbookError::Sheet {
            sheet: name.clone(),
            reason: error.to_string(),
        };
        let too_large = |cells: usize| WorkbookError::TooLarge {
            sheet: name.clone(),
            cells,
        };
        let mut used: Vec<(usize, usize, Cell)> = Vec::new();
        if let Sheets::Xlsx(xlsx) = &mut workbook {
            // Cell by cell, so that a sheet spanning A1:XFD1048576 with two cells is refused
            // before anything the size of its range is allocated.
            let mut reader = xlsx
                .worksheet_cells_reader(&name)
                .map_err(|e| sheet_error(&e))?;
            while let Some(cell) = reader.next_cell().map_err(|e| sheet_error(&e))? {
                let (row, column) = cell.get_position();
                let value = convert(&Data::from(cell.get_value().clone()));
                if !value.is_empty() {
                    if used.len() >= MAX_CELLS {
                        return Err(too_large(used.len() + 1));
                    }
                    used.push((row as usize, column as usize, value));
                }
            }
        } else {
            let range = workbook
                .worksheet_range(&name)
                .map_err(|e| sheet_error(&e))?;
            let (start_row, start_column) = range.start().unwrap_or((0, 0));
            used.extend(range.used_cells().map(|(row, column, data)| {
                (
                    start_row as usize + row,
                    start_column as usize + column,
                    convert(data),
                )
            }));
        }
        let height = used.iter().map(|(row, _, _)| row + 1).max().unwrap_or(0);
        let width = used
            .iter()
            .map(|(_, column, _)| column + 1)
            .max()
            .unwrap_or(0);
        if height.saturating_mul(width) > MAX_CELLS {
            return Err(too_large(height.saturating_mul(width)));
        }
        let mut rows = vec![vec![Cell::Empty; width]; height];
        for (row, column, value) in used {
            if let Some(cell) = rows.get_mut(row).and_then(|cells| cells.get_mut(column)) {
                *cell = value;
            }
        }
        let mut copies = std::collections::HashSet::new();
        if let Sheets::Xlsx(xlsx) = &mut workbook
            && let Ok(merged) = xlsx.merge_cells_by_sheet_name(&name)
        {
            let mut filled = 0usize;
            for region in merged {
                let (top, left) = (region.start.0 as usize, region.start.1 as usize);
                let bottom = (region.end.0 as usize).min(height.saturating_sub(1));
                let right = (region.end.1 as usize).min(width.saturating_sub(1));
                // Merged ranges over the same cells, again and again, are refused like a
                // sheet that is too large.
                filled = filled.saturating_add(
                    (bottom + 1).saturating_sub(top) * (right + 1).saturating_sub(left),
                );
                if filled > MAX_CELLS {
                    return Err(too_large(filled));
                }
                let value = rows
                    .get(top)
                    .and_then(|cells| cells.get(left))
                    .cloned()
                    .unwrap_or(Cell::Empty);
                for (r, row) in rows.iter_mut().enumerate().take(bottom + 1).skip(top) {
                    for (c, cell) in row.iter_mut().enumerate().take(right + 1).skip(left) {
                        *cell = value.clone();
                        if (r, c) != (top, left) {
                            copies.insert((r, c));
                        }
                    }
                }
            }
        }
        sheets.push(Sheet { name, rows, copies });
    }
    Ok(sheets)
}

fn convert(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(int) => Cell::Number(*int as f64),
        Data::Float(float) => Cell::Number(*float),
        Data::Bool(value) => Cell::Text(value.to_string()),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => {
            let text = text.trim();
            if text.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(text.to_owned())
            }
        }
        Data::DateTime(moment) => Cell::Number(moment.as_f64()),
        Data::Error(error) => Cell::Text(format!("#{error:?}")),
    }
}

/// Opens a workbook by its first bytes: a zip is an xlsx (or an ods), an OLE file an xls
/// (or an encrypted xlsx, which is how Excel saves a password-protected one).
fn open(bytes: Vec<u8>) -> Result<Sheets<Cursor<Vec<u8>>>, WorkbookError> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let cursor = Cursor::new(bytes);
    let reason = |error: &dyn std::fmt::Display| WorkbookError::Damaged(error.to_string());
    if cursor.get_ref().starts_with(ZIP) {
        return match calamine::open_workbook_from_rs(cursor.clone()) {
            Ok(xlsx) => Ok(Sheets::Xlsx(xlsx)),
            Err(xlsx_error) => match calamine::open_workbook_from_rs(cursor) {
                Ok(ods) => Ok(Sheets::Ods(ods)),
                Err(calamine::OdsError::Password) => Err(WorkbookError::Password),
                Err(_) => Err(reason(&xlsx_error)),
            },
        };
    }
    if cursor.get_ref().starts_with(OLE) {
        let xls_error = match calamine::open_workbook_from_rs(cursor.clone()) {
            Ok(xls) => return Ok(Sheets::Xls(xls)),
            Err(calamine::XlsError::Password) => return Err(WorkbookError::Password),
            Err(error) => error,
        };
        return match calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(cursor) {
            Err(calamine::XlsxError::Password) => Err(WorkbookError::Password),
            _ => Err(reason(&xls_error)),
        };
    }
    Err(WorkbookError::NotASpreadsheet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_spreadsheets_name_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
    }
}
