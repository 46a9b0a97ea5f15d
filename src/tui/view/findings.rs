//! The Findings view: the grouped list (only its visible rows are built) and the detail
//! pane (rule, message, location, YAML path, the source lines with the span
//! highlighted, related locations, help).

use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::super::app::{Model, Pane, Row};
use super::super::keys::GroupBy;
use super::super::layout::Screen;
use super::super::theme::Theme;
use super::{counts_spans, draw_rows, fit, focused, marker, pane, scrolled, wrapped};
use crate::report::Finding;
use crate::source::{SourceDb, Span as SourceSpan};
use crate::tr;

/// Lines of context around a snippet.
const CONTEXT: usize = 2;
/// Lines of a long span shown in a snippet.
const SPAN_LINES: usize = 8;

pub(super) fn draw(model: &Model, frame: &mut Frame, screen: &Screen, theme: &Theme) {
    let title = tr!(
        model.lang(),
        "tui-findings-title",
        shown = model.shown(),
        total = model.run().report.findings.len(),
        position = model.selected_position().unwrap_or(0)
    );
    let list = pane(
        frame,
        screen.primary,
        &title,
        focused(model, Pane::Primary),
        theme,
    );
    draw_list(model, frame, list, theme);
    let detail = pane(
        frame,
        screen.secondary,
        &tr!(model.lang(), "tui-detail"),
        focused(model, Pane::Secondary),
        theme,
    );
    if detail.width > 0 && detail.height > 0 {
        let lines = detail_lines(model, usize::from(detail.width), theme);
        scrolled(
            frame,
            detail,
            lines,
            model.findings.detail_scroll,
            &model.limits.detail,
        );
    }
}

fn draw_list(model: &Model, frame: &mut Frame, area: ratatui::layout::Rect, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let state = &model.findings;
    if state.rows.is_empty() {
        let text = if model.run().report.findings.is_empty() {
            tr!(model.lang(), "tui-no-findings")
        } else {
            tr!(model.lang(), "tui-no-match")
        };
        draw_rows(frame.buffer_mut(), area, &[Line::from(text)], None, theme);
        return;
    }
    let height = usize::from(area.height);
    let grouped = state.group_by != GroupBy::None;
    let severity_width = model.words.severity_width();
    let lines: Vec<Line<'_>> = state
        .rows
        .iter()
        .enumerate()
        .skip(state.offset)
        .take(height)
        .map(|(position, row)| {
            let selected = position == state.selected;
            match *row {
                Row::Group(group) => {
                    group_line(model, group, selected, usize::from(area.width), theme)
                }
                Row::Finding(index) => {
                    finding_line(model, index, selected, grouped, severity_width, theme)
                }
            }
        })
        .collect();
    let selected = state.selected.checked_sub(state.offset);
    draw_rows(frame.buffer_mut(), area, &lines, selected, theme);
}

/// A group's row; a file's path is shortened in the middle to fit `width`.
fn group_line(
    model: &Model,
    group: usize,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let Some(group) = model.findings.groups.get(group) else {
        return Line::default();
    };
    let folded = model.findings_folded(&group.label);
    let mut spans = vec![
        Span::raw(marker(selected)),
        Span::styled(if folded { "▸ " } else { "▾ " }, theme.heading),
        Span::raw(format!("{} ", group.members.len())),
    ];
    spans.extend(counts_spans(group.counts, &model.words, theme));
    let label = if model.group_by() == GroupBy::File {
        let used: usize = spans.iter().map(Span::width).sum::<usize>() + 2;
        fit::shorten_path(&group.label, width.saturating_sub(used))
    } else {
        group.label.clone()
    };
    spans.push(Span::styled(format!("  {label}"), theme.heading));
    Line::from(spans)
}

fn finding_line(
    model: &Model,
    index: usize,
    selected: bool,
    grouped: bool,
    severity_width: usize,
    theme: &Theme,
) -> Line<'static> {
    let run = model.run();
    let (Some(finding), Some(info)) = (run.report.findings.get(index), model.index.info.get(index))
    else {
        return Line::default();
    };
    let severity = theme.severity(finding.severity);
    let mut spans = vec![
        Span::raw(marker(selected)),
        // The match mark, painted only on rows that match.
        if model.search_matches(index) {
            Span::styled("*", theme.matched)
        } else {
            Span::raw(" ")
        },
        Span::raw(if grouped { "  " } else { "" }),
        Span::styled(
            format!(
                "{} {:<severity_width$}",
                model.words.letter(finding.severity),
                model.words.severity(finding.severity)
            ),
            severity,
        ),
        Span::raw(format!(" {:<7} ", finding.rule)),
        Span::styled(format!("{:>4}:{:<3} ", info.line, info.column), theme.dim),
    ];
    if model.group_by() != GroupBy::File {
        let file = run.sources.file(finding.span.file).display_name();
        let name = file.rsplit('/').next().unwrap_or(file);
        spans.push(Span::styled(format!("{name} "), theme.dim));
    }
    spans.extend(highlight_match(
        &finding.message,
        model.search(),
        model.search_matches(index),
        theme,
    ));
    Line::from(spans)
}

/// The message, with the search match (if it is in the message) in the match style
/// (every matching row also has a `*` before its severity).
fn highlight_match(
    message: &str,
    search: &str,
    matches: bool,
    theme: &Theme,
) -> Vec<Span<'static>> {
    if !matches {
        return vec![Span::raw(message.to_owned())];
    }
    let lower = message.to_lowercase();
    let needle = search.to_lowercase();
    if lower.len() == message.len()
        && let Some(start) = lower.find(&needle)
        && let (Some(before), Some(hit), Some(after)) = (
            message.get(..start),
            message.get(start..start + needle.len()),
            message.get(start + needle.len()..),
        )
    {
        return vec![
            Span::raw(before.to_owned()),
            Span::styled(hit.to_owned(), theme.matched),
            Span::raw(after.to_owned()),
        ];
    }
    vec![Span::raw(message.to_owned())]
}

/// The detail of the selected row.
fn detail_lines(model: &Model, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let lang = model.lang();
    let words = &model.words;
    let Some(finding) = model.selected_finding() else {
        return match model
            .findings
            .rows
            .get(model.findings.selected)
            .and_then(|row| match row {
                Row::Group(group) => model.findings.groups.get(*group),
                Row::Finding(_) => None,
            }) {
            Some(group) => {
                let mut spans = vec![Span::styled(group.label.clone(), theme.heading)];
                spans.push(Span::raw(format!(
                    "  {}  ",
                    tr!(lang, "tui-group-findings", count = group.members.len())
                )));
                spans.extend(counts_spans(group.counts, words, theme));
                let mut lines = vec![Line::from(spans)];
                lines.extend(wrapped(
                    &tr!(lang, "tui-group-hint"),
                    width,
                    Style::new(),
                    "",
                ));
                lines
            }
            None => wrapped(&tr!(lang, "tui-nothing-selected"), width, Style::new(), ""),
        };
    };
    let run = model.run();
    let sources = &run.sources;
    let mut lines = Vec::new();
    let mut head = vec![
        Span::styled(
            format!(
                "{} {}",
                words.letter(finding.severity),
                words.severity(finding.severity)
            ),
            theme.severity(finding.severity),
        ),
        Span::raw("  "),
        Span::styled(finding.rule.clone(), theme.heading),
        Span::raw(format!(" {}", finding.slug)),
    ];
    if let Some(pillar) = finding.pillar {
        head.push(Span::styled(
            format!("  · {}", words.pillar(pillar)),
            theme.dim,
        ));
    }
    lines.push(Line::from(head));
    if let Some(title) = rule_title(model, &finding.rule) {
        lines.extend(wrapped(&title, width, theme.dim, ""));
    }
    lines.push(Line::default());
    lines.extend(wrapped(
        &finding.message,
        width,
        Style::new().add_modifier(Modifier::BOLD),
        "",
    ));
    // The labels before the location, the YAML path and what the finding is about, in
    // one column as wide as the longest of them.
    let labels = [
        tr!(lang, "tui-detail-at"),
        tr!(lang, "tui-detail-path"),
        tr!(lang, "tui-detail-on"),
    ];
    let label_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 1;
    let [at_label, path_label, on_label] = labels.map(|label| format!("{label:<label_width$}"));
    let file = sources.file(finding.span.file);
    let start = file.line_col(finding.span.start);
    let location = format!("{}:{}:{}", file.display_name(), start.line, start.column);
    lines.push(Line::from(vec![
        Span::styled(at_label, theme.dim),
        Span::raw(fit::shorten_path(
            &location,
            width.saturating_sub(label_width),
        )),
    ]));
    let path = yaml_path(model, finding);
    if !path.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(path_label, theme.dim),
            Span::raw(path),
        ]));
    }
    if !finding.element.is_empty() || !finding.plan.is_empty() {
        let mut about = if finding.element.is_empty() {
            finding.plan.clone()
        } else {
            tr!(
                lang,
                "tui-detail-element-of",
                element = finding.element.as_str(),
                plan = finding.plan.as_str()
            )
        };
        if let Some(indicator) = &finding.indicator {
            about.push_str(" · ");
            about.push_str(&tr!(
                lang,
                "tui-detail-indicator",
                indicator = indicator.as_str()
            ));
        }
        lines.extend(wrapped(
            &format!("{on_label}{about}"),
            width,
            theme.dim,
            &" ".repeat(label_width),
        ));
    }
    lines.push(Line::default());
    lines.extend(snippet(sources, finding.span, &finding.label, width, theme));
    if !finding.related.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled(tr!(lang, "tui-detail-related"), theme.heading));
        for related in &finding.related {
            let file = sources.file(related.span.file);
            let at = file.line_col(related.span.start);
            let location = format!("{}:{}:{}", file.display_name(), at.line, at.column);
            lines.extend(wrapped(
                &format!(
                    "→ {}  {}",
                    fit::shorten_path(&location, width.saturating_sub(2)),
                    related.message
                ),
                width,
                Style::new(),
                "    ",
            ));
            lines.extend(snippet_lines(sources, related.span, 0, 1, width, theme));
        }
    }
    if let Some(help) = &finding.help {
        let label = format!("{}: ", tr!(lang, "tui-detail-help"));
        lines.push(Line::default());
        lines.extend(wrapped(
            &format!("{label}{help}"),
            width,
            theme.key,
            &" ".repeat(label.chars().count()),
        ));
    }
    lines.push(Line::default());
    lines.extend(wrapped(&tr!(lang, "tui-detail-keys"), width, theme.dim, ""));
    lines
}

fn rule_title(model: &Model, rule: &str) -> Option<String> {
    let run = model.run();
    run.rules
        .iter()
        .map(crate::dsl::CheckedRule::meta)
        .find(|meta| meta.id == rule)
        .map(|meta| meta.title_in(run.report.lang).to_owned())
        .or_else(|| {
            crate::BUILTIN_CHECKS
                .iter()
                .find(|check| check.id == rule)
                .map(|check| check.title_in(run.report.lang).to_owned())
        })
}

/// The full YAML path: the element's path in its file, then the path inside it.
fn yaml_path(model: &Model, finding: &Finding) -> String {
    let run = model.run();
    let base = model
        .index
        .element(&finding.plan, &finding.element)
        .map(|element| run.graph.element(element).path())
        .unwrap_or_default();
    match (base.is_empty(), finding.path.is_empty()) {
        (true, _) => finding.path.clone(),
        (false, true) => base,
        (false, false) => format!("{base}.{}", finding.path),
    }
}

/// The lines around a span, the span highlighted by style, a caret line under it with
/// the label.
fn snippet(
    sources: &SourceDb,
    span: SourceSpan,
    label: &str,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = snippet_lines(sources, span, CONTEXT, CONTEXT, width, theme);
    let file = sources.file(span.file);
    let start = file.line_col(span.start);
    let end = file.line_col(span.end);
    let gutter = gutter_width(end.line + CONTEXT);
    let skip = horizontal_skip(start.column, width, gutter);
    let carets = if end.line == start.line {
        end.column.saturating_sub(start.column).max(1)
    } else {
        file.line_text(start.line)
            .chars()
            .count()
            .saturating_sub(start.column - 1)
            .max(1)
    };
    let caret_line = Line::from(vec![
        Span::styled(format!("{} │ ", " ".repeat(gutter)), theme.dim),
        Span::raw(" ".repeat(start.column.saturating_sub(1).saturating_sub(skip))),
        Span::styled("^".repeat(carets), theme.span),
        Span::raw(" "),
        Span::styled(label.to_owned(), theme.span),
    ]);
    // The caret line goes right under the span's last shown line.
    let shown_end = end.line.min(start.line + SPAN_LINES - 1);
    let after = shown_end.saturating_sub(start.line.saturating_sub(CONTEXT).max(1)) + 1;
    let position = after.min(lines.len());
    lines.insert(position, caret_line);
    lines
}

fn gutter_width(last_line: usize) -> usize {
    last_line.to_string().len().max(3)
}

/// Characters to skip at the start of each snippet line so the span is on screen.
fn horizontal_skip(column: usize, width: usize, gutter: usize) -> usize {
    let room = width.saturating_sub(gutter + 3);
    if column + 10 > room {
        column.saturating_sub(room / 3)
    } else {
        0
    }
}

/// Source lines from `before` lines above the span to `after` lines below, with line
/// numbers; the span's characters in the span style.
fn snippet_lines(
    sources: &SourceDb,
    span: SourceSpan,
    before: usize,
    after: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let file = sources.file(span.file);
    let start = file.line_col(span.start);
    let end = file.line_col(span.end);
    let last_span_line = end.line.min(start.line + SPAN_LINES - 1);
    let first = start.line.saturating_sub(before).max(1);
    let last = last_span_line + after;
    let gutter = gutter_width(last.max(end.line + CONTEXT));
    let skip = horizontal_skip(start.column, width, gutter);
    let mut lines = Vec::new();
    let total = file.text().lines().count().max(1);
    for number in first..=last.min(total) {
        let text: Vec<char> = file
            .line_text(number)
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        let (from, to) = if number < start.line || number > end.line || span.is_empty() {
            (0, 0)
        } else {
            let from = if number == start.line {
                start.column - 1
            } else {
                0
            };
            let to = if number == end.line {
                end.column - 1
            } else {
                text.len()
            };
            (from, to.max(from))
        };
        let mut spans = vec![Span::styled(
            format!("{number:>gutter$} │ "),
            if (start.line..=end.line).contains(&number) {
                theme.key
            } else {
                theme.dim
            },
        )];
        let piece = |a: usize, b: usize| -> String {
            text.iter()
                .skip(a.max(skip))
                .take(b.saturating_sub(a.max(skip)))
                .collect()
        };
        spans.push(Span::raw(piece(0, from)));
        if to > from {
            spans.push(Span::styled(piece(from, to), theme.span));
        }
        spans.push(Span::raw(piece(to, text.len())));
        lines.push(Line::from(spans));
    }
    lines
}
