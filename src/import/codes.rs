//! Codes and values as planners write them in spreadsheets, read into the format's spelling.
//!
//! Each function returns what it read; the caller compares it with the cell's text and reports
//! every change at its cell, so that nothing is fixed silently.

/// The families of codes the matrices hold, each with its spelling in the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Family {
    /// `OEI.01` (also `OIE.01`, a frequent slip).
    Oei,
    /// `AEI.01.02`.
    Aei,
    /// A Política Nacional's objetivo prioritario, `OP1`.
    Op,
    /// A Política Nacional's lineamiento, `L1.3`.
    Lineamiento,
    /// A PGG eje, `EJE.8`.
    Eje,
    /// A PGG lineamiento, `LIN.8.3`.
    Lin,
}

/// A code split into its letters, its numbers and what follows them (`-440`).
#[derive(Debug, PartialEq, Eq)]
struct Parts {
    letters: String,
    numbers: Vec<u32>,
    suffix: String,
}

/// Splits `OP 3`, `L.1.3.`, `OEI.01-440`, `Lin. 8.3`: letters, then numbers separated by
/// dots, spaces or hyphens, then a suffix that starts with `-` after the numbers.
fn split(text: &str) -> Option<Parts> {
    let text = text.trim();
    let letters: String = text.chars().take_while(char::is_ascii_alphabetic).collect();
    let mut rest = text.get(letters.len()..)?;
    let mut numbers = Vec::new();
    loop {
        let trimmed = rest.trim_start_matches(['.', ' ', '_']);
        let digits: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
        if digits.is_empty() {
            rest = trimmed;
            break;
        }
        numbers.push(digits.parse().ok()?);
        rest = trimmed.get(digits.len()..)?;
    }
    let suffix = rest.trim_end_matches(['.', ' ']).to_owned();
    if !(suffix.is_empty() || suffix.starts_with('-')) || numbers.is_empty() {
        return None;
    }
    Some(Parts {
        letters: letters.to_ascii_uppercase(),
        numbers,
        suffix,
    })
}

/// The family a code's letters name.
fn family(letters: &str) -> Option<Family> {
    Some(match letters {
        "OEI" | "OIE" => Family::Oei,
        "AEI" | "AIE" => Family::Aei,
        "OP" => Family::Op,
        "L" | "LN" => Family::Lineamiento,
        "EJE" | "E" => Family::Eje,
        "LIN" | "LINEAMIENTO" => Family::Lin,
        _ => return None,
    })
}

/// A code of a known family in the format's spelling: `OIE.3` → `OEI.03`, `AEI 1.2` →
/// `AEI.01.02`, `OP 3` → `OP3`, `L.1.3.` → `L1.3`, `Lin. 8.3` → `LIN.8.3`. `None` when the
/// text is not such a code. `expect` restricts the families read (the PGG's `L` is a
/// lineamiento of the PGG, `LIN`).
pub(crate) fn normalise(text: &str, expect: &[Family]) -> Option<(Family, String)> {
    let parts = split(text)?;
    let mut family = family(&parts.letters)?;
    if family == Family::Lineamiento && expect.contains(&Family::Lin) {
        family = Family::Lin;
    }
    if !expect.is_empty() && !expect.contains(&family) {
        return None;
    }
    let numbers = |padded: bool| {
        parts
            .numbers
            .iter()
            .map(|n| {
                if padded {
                    format!("{n:02}")
                } else {
                    n.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(".")
    };
    let code = match family {
        Family::Oei if parts.numbers.len() == 1 => format!("OEI.{}", numbers(true)),
        Family::Aei if parts.numbers.len() == 2 => format!("AEI.{}", numbers(true)),
        Family::Op if parts.numbers.len() == 1 => format!("OP{}", numbers(false)),
        Family::Lineamiento if parts.numbers.len() == 2 => format!("L{}", numbers(false)),
        Family::Eje if parts.numbers.len() == 1 => format!("EJE.{}", numbers(false)),
        Family::Lin if parts.numbers.len() == 2 => format!("LIN.{}", numbers(false)),
        _ => return None,
    };
    Some((family, format!("{code}{}", parts.suffix)))
}

/// The objective number of an `AEI.nn.mm` code (`AEI.03.02` → 3).
pub(crate) fn objective_of(code: &str) -> Option<u32> {
    let parts = split(code)?;
    (family(&parts.letters)? == Family::Aei)
        .then(|| parts.numbers.first().copied())
        .flatten()
}

/// The objective number of an `OEI.nn` code.
pub(crate) fn objective_number(code: &str) -> Option<u32> {
    let parts = split(code)?;
    (family(&parts.letters)? == Family::Oei)
        .then(|| parts.numbers.first().copied())
        .flatten()
}

/// A PGG linkage cell (`Eje.8 / Lin. 8.3`, `EJE 2, LIN 2.2`, `Eje 5.`): its most specific
/// code (the lineamiento when given, else the eje).
pub(crate) fn pgg_code(text: &str) -> Option<String> {
    let pieces: Vec<&str> = text
        .split(['/', ',', ';', '\n', '-'])
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect();
    let lin = pieces
        .iter()
        .find_map(|piece| normalise(piece, &[Family::Lin]).map(|(_, code)| code));
    lin.or_else(|| {
        pieces
            .iter()
            .find_map(|piece| normalise(piece, &[Family::Eje]).map(|(_, code)| code))
    })
}

/// A code whose spelling the format does not fix (an upper plan's): spaces at the ends and
/// a trailing dot removed.
pub(crate) fn tidy(text: &str) -> String {
    text.trim().trim_end_matches('.').trim().to_owned()
}

/// A number as a cell may hold it in text: `37.50%`, `37,5`, ` 12 `. `None` when it is not one.
pub(crate) fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = text.strip_suffix('%').map_or(text, str::trim_end);
    let text = if text.contains(',') && !text.contains('.') {
        text.replacen(',', ".", 1)
    } else {
        text.to_owned()
    };
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.".contains(c))
    {
        return None;
    }
    text.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// Whether a cell says "no data": `ND`, `N.D.`, `n/d`, `S/D`.
pub(crate) fn is_nd(text: &str) -> bool {
    let letters: String = text
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_uppercase();
    matches!(letters.as_str(), "ND" | "SD") && text.trim().len() <= 5
}

/// A year, 1900..=2200, from a header's text or number.
pub(crate) fn year(text: &str) -> Option<i32> {
    let text = text.trim().trim_end_matches(".0");
    let year: i32 = text.parse().ok()?;
    (1900..=2200).contains(&year).then_some(year)
}

/// Two or more indicators written in one cell: `Ind.01 Porcentaje … / Ind.02 Número …`.
/// The names without their `Ind.n` labels, when the cell holds more than one.
pub(crate) fn several_indicators(text: &str) -> Option<Vec<String>> {
    let lowered = text.to_lowercase();
    let labels = lowered.matches("ind.").count() + lowered.matches("ind ").count();
    if labels < 2 || !text.contains('/') {
        return None;
    }
    let names: Vec<String> = text
        .split('/')
        .map(|piece| strip_label(piece.trim()).to_owned())
        .filter(|name| !name.is_empty())
        .collect();
    (names.len() >= 2).then_some(names)
}

/// `Ind.01 Porcentaje…` → `Porcentaje…`.
fn strip_label(text: &str) -> &str {
    let Some(rest) = text
        .get(..3)
        .filter(|head| head.eq_ignore_ascii_case("ind"))
        .and_then(|_| text.get(3..))
    else {
        return text;
    };
    let rest = rest.trim_start_matches(['.', ' ']);
    rest.trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start_matches(['.', ':', ' ', '-'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<String> {
        normalise(text, &[]).map(|(_, code)| code)
    }

    #[test]
    fn loose_codes_read_in_the_format_spelling() {
        assert_eq!(code("OP1 ").as_deref(), Some("OP1"));
        assert_eq!(code("OP 3").as_deref(), Some("OP3"));
        assert_eq!(code("OP.2").as_deref(), Some("OP2"));
        assert_eq!(code("OP1.").as_deref(), Some("OP1"));
        assert_eq!(code("L 1.1").as_deref(), Some("L1.1"));
        assert_eq!(code("L.1.3.").as_deref(), Some("L1.3"));
        assert_eq!(code("OIE.03").as_deref(), Some("OEI.03"));
        assert_eq!(code("OEI 3").as_deref(), Some("OEI.03"));
        assert_eq!(code("AEI 1.2").as_deref(), Some("AEI.01.02"));
        assert_eq!(code("OEI.01-440").as_deref(), Some("OEI.01-440"));
        assert_eq!(code("OEI.01").as_deref(), Some("OEI.01"));
        assert_eq!(code("Porcentaje de"), None);
        assert_eq!(code("OEI"), None);
        assert_eq!(code("AEI.01"), None);
    }

    #[test]
    fn pgg_cells_give_their_most_specific_code() {
        assert_eq!(pgg_code("Eje.8 / Lin. 8.3").as_deref(), Some("LIN.8.3"));
        assert_eq!(pgg_code("EJE 2, LIN 2.2").as_deref(), Some("LIN.2.2"));
        assert_eq!(pgg_code("Eje 5.").as_deref(), Some("EJE.5"));
        assert_eq!(pgg_code("ninguna"), None);
    }

    #[test]
    fn numbers_written_as_text_are_read() {
        assert_eq!(number("37.50%"), Some(37.5));
        assert_eq!(number("37,5"), Some(37.5));
        assert_eq!(number(" 12 "), Some(12.0));
        assert_eq!(number("ND"), None);
        assert_eq!(number("1e400"), None);
        assert!(is_nd("ND"));
        assert!(is_nd("N.D."));
        assert!(!is_nd("Andes"));
        assert_eq!(year("2025"), Some(2025));
        assert_eq!(year("2025.0"), Some(2025));
        assert_eq!(year("25"), None);
    }

    #[test]
    fn two_indicators_in_one_cell_are_split() {
        assert_eq!(
            several_indicators("Ind.01 Porcentaje A / Ind.02 Número B"),
            Some(vec!["Porcentaje A".to_owned(), "Número B".to_owned()])
        );
        assert_eq!(several_indicators("Porcentaje de A / B"), None);
    }
}
