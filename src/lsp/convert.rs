//! Places in text between alinea's byte spans and the protocol's positions: 0-based lines
//! and columns counted in UTF-16 code units (the protocol's default encoding), and file
//! paths to and from `file:` URIs.

use std::path::{Path, PathBuf};

use lsp_types::{Position, Range, Url};

use crate::source::{SourceDb, SourceFile, Span};

/// The position of a byte offset in a file (clamped to the text).
#[must_use]
pub(crate) fn position(file: &SourceFile, offset: usize) -> Position {
    let text = file.text();
    let offset = offset.min(text.len());
    let line = file.lines_before(offset);
    let start = file.line_start_above(offset, 0);
    let column: usize = text
        .get(start..)
        .unwrap_or("")
        .char_indices()
        .take_while(|(i, _)| start + i < offset)
        .map(|(_, c)| c.len_utf16())
        .sum();
    Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        character: u32::try_from(column).unwrap_or(u32::MAX),
    }
}

/// The range a span covers in its file.
#[must_use]
pub(crate) fn range(sources: &SourceDb, span: Span) -> Range {
    let file = sources.file(span.file);
    Range {
        start: position(file, span.start as usize),
        end: position(file, span.end as usize),
    }
}

/// The byte offset of a position (the end of its line when the column is past it, the end
/// of the text when the line is).
#[must_use]
pub(crate) fn offset(file: &SourceFile, position: Position) -> usize {
    let line = position.line as usize + 1;
    let start = file.offset_of(line, 0);
    let line_text = file.line_text(line);
    let mut units = 0;
    for (i, c) in line_text.char_indices() {
        if units >= position.character as usize {
            return start + i;
        }
        units += c.len_utf16();
    }
    start + line_text.len()
}

/// The local path a `file:` URI names.
#[must_use]
pub(crate) fn path_of(uri: &Url) -> Option<PathBuf> {
    uri.to_file_path().ok()
}

/// The `file:` URI of a path (made absolute first).
#[must_use]
pub(crate) fn uri_of(path: &Path) -> Option<Url> {
    let absolute = std::path::absolute(path).ok()?;
    Url::from_file_path(absolute).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_both_ways() {
        // `é` is 2 bytes and 1 unit; `𝒳` is 4 bytes and 2 units.
        let file = SourceFile::new(PathBuf::from("a.yaml"), "ab\né𝒳x: 1\n".to_owned());
        let x = "ab\né𝒳".len();
        assert_eq!(
            position(&file, x),
            Position {
                line: 1,
                character: 3
            }
        );
        assert_eq!(offset(&file, position(&file, x)), x);
        assert_eq!(offset(&file, Position::new(0, 99)), 2);
        assert_eq!(offset(&file, Position::new(9, 0)), file.text().len());
    }
}
