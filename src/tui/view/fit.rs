//! Fitting text into a width: every cut ends with `…`, paths are shortened in the middle
//! (the file name and `:line:col` stay), and column headers cut to one width stay
//! distinct.
//!
//! Widths count characters, like the rest of the views (the browser's texts are one
//! column per character); [`line`] measures with ratatui's own widths, since it cuts
//! what the buffer would clip.

#[cfg(test)]
mod tests;

use ratatui::text::{Line, Span};

/// The ellipsis that ends every cut text.
const ELLIPSIS: char = '…';

/// The width of `text`, one column per character.
pub(super) fn width(text: &str) -> usize {
    text.chars().count()
}

/// `text` cut to `max` characters, its last one `…` when it is cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push(ELLIPSIS);
    cut
}

/// `text` cut to its last `max` characters, its first one `…` when it is cut.
pub(crate) fn keep_end(text: &str, max: usize) -> String {
    let total = width(text);
    if total <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut cut = String::from(ELLIPSIS);
    cut.extend(text.chars().skip(total - (max - 1)));
    cut
}

/// A path (possibly followed by `:line:col`) shortened in the middle to `max`
/// characters: its first directory, `…`, then as many of its last directories as fit
/// and the file name (`plans/…/san-martin/pei-2024-2028.yaml:309:11`). When not even
/// `…/` and the file name fit, the end is kept (`…2028.yaml:309:11`).
pub(crate) fn shorten_path(path: &str, max: usize) -> String {
    if width(path) <= max {
        return path.to_owned();
    }
    let parts: Vec<&str> = path.split('/').collect();
    let Some((first, rest)) = parts.split_first() else {
        return keep_end(path, max);
    };
    let mut best = None;
    // `kept` of the last parts after `…/`, the file name always among them; the first
    // part before `…/` while there is something left out between them.
    for kept in 1..=rest.len() {
        let tail = rest.get(rest.len() - kept..).unwrap_or_default().join("/");
        let with_first = Some(format!("{first}/{ELLIPSIS}/{tail}"))
            .filter(|short| kept < rest.len() && width(short) <= max);
        let without = format!("{ELLIPSIS}/{tail}");
        if with_first.is_some() {
            best = with_first;
        } else if width(&without) <= max {
            best = Some(without);
        } else {
            break;
        }
    }
    best.unwrap_or_else(|| keep_end(path, max))
}

/// `text` cut to `max` characters, its longest path-like word (one with a `/`)
/// shortened in the middle first ([`shorten_path`]), so a message such as `copied
/// plans/…/pei.yaml:38:11` keeps its location's end; then cut at the end with `…`.
pub(crate) fn shorten_paths_in(text: &str, max: usize) -> String {
    let total = width(text);
    if total <= max {
        return text.to_owned();
    }
    let excess = total - max;
    let longest = text
        .split(' ')
        .filter(|word| word.contains('/'))
        .max_by_key(|word| width(word));
    if let Some(word) = longest
        && width(word) > excess + 4
    {
        let short = shorten_path(word, width(word) - excess);
        let shortened = text.replacen(word, &short, 1);
        return truncate(&shortened, max);
    }
    truncate(text, max)
}

/// Labels for `names` cut to `max` characters each, no two alike unless their names
/// are: a name that fits stays whole; a cut name keeps its start and ends with `…`
/// (`pdlc-moy…`) unless another name starts the same, in which case it keeps the
/// shortest end that no other name shares (`pei…2028` beside `pei…2027`).
pub(crate) fn distinct(names: &[&str], max: usize) -> Vec<String> {
    let heads: Vec<String> = names.iter().map(|name| truncate(name, max)).collect();
    names
        .iter()
        .zip(&heads)
        .enumerate()
        .map(|(position, (name, head))| {
            let collides =
                heads
                    .iter()
                    .zip(names)
                    .enumerate()
                    .any(|(other, (other_head, other_name))| {
                        other != position && other_head == head && other_name != name
                    });
            if !collides {
                return head.clone();
            }
            let suffix = readable_suffix(name, unique_suffix(name, names), max);
            if suffix >= max {
                return keep_end(name, max);
            }
            let mut label: String = name.chars().take(max - 1 - suffix).collect();
            label.push(ELLIPSIS);
            label.extend(name.chars().skip(width(name) - suffix));
            label
        })
        .collect()
}

/// `suffix` characters of the end of `name`, widened back to the start of their word
/// (`2028` rather than `8`) when that still leaves a character of the start in `max`.
fn readable_suffix(name: &str, suffix: usize, max: usize) -> usize {
    let chars: Vec<char> = name.chars().collect();
    let word = chars
        .iter()
        .rev()
        .skip(suffix)
        .position(|c| matches!(c, '-' | '_' | '.' | '/' | ' ' | '—'))
        .map_or(chars.len(), |position| suffix + position);
    if word + 2 <= max { word } else { suffix }
}

/// The length of the shortest end of `name` that ends no other of `names` (all of
/// `name` when another name ends with it).
fn unique_suffix(name: &str, names: &[&str]) -> usize {
    let chars: Vec<char> = name.chars().collect();
    let others: Vec<Vec<char>> = names
        .iter()
        .filter(|other| **other != name)
        .map(|other| other.chars().collect())
        .collect();
    (1..=chars.len())
        .find(|&length| {
            let end = chars.get(chars.len() - length..).unwrap_or_default();
            others.iter().all(|other| !other.ends_with(end))
        })
        .unwrap_or(chars.len())
}

/// `line` cut to `max` columns, its last one `…` in the style of the text it cuts;
/// unchanged when it fits.
pub(crate) fn line(line: &Line<'_>, max: usize) -> Line<'static> {
    let owned = |line: &Line<'_>| Line {
        spans: line
            .spans
            .iter()
            .map(|span| Span::styled(span.content.clone().into_owned(), span.style))
            .collect(),
        style: line.style,
        alignment: line.alignment,
    };
    if line.width() <= max {
        return owned(line);
    }
    let mut spans = Vec::new();
    let mut room = max.saturating_sub(1);
    let mut last_style = None;
    for span in &line.spans {
        let mut kept = String::new();
        for c in span.content.chars() {
            let mut buffer = [0; 4];
            let columns = Span::raw(&*c.encode_utf8(&mut buffer)).width();
            if columns > room {
                room = 0;
                break;
            }
            room -= columns;
            kept.push(c);
        }
        last_style = Some(span.style);
        if !kept.is_empty() {
            spans.push(Span::styled(kept, span.style));
        }
        if room == 0 {
            break;
        }
    }
    if max > 0 {
        spans.push(Span::styled(
            ELLIPSIS.to_string(),
            last_style.unwrap_or_default(),
        ));
    }
    Line {
        spans,
        style: line.style,
        alignment: line.alignment,
    }
}
