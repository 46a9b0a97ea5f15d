//! Syntax errors a planner can act on.
//!
//! The YAML scanner says what it could not read, in its own words, at the place where it
//! gave up: often the line after the mistake, or the end of the file. This module looks at
//! the text around that place to find the mistake itself (the tab used for indentation,
//! the quote or bracket that is never closed, the key indented too far, the `: ` inside an
//! unquoted value) and says how to fix it. It sees only the scanner's message and the text.

use crate::i18n::Lang;
use crate::tr;

/// A syntax error put in words: where (byte offsets in the text), what, and how to fix it.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Explained {
    /// Where the mistake starts.
    pub(super) start: usize,
    /// Where it ends.
    pub(super) end: usize,
    /// What is wrong.
    pub(super) message: String,
    /// The label under the place.
    pub(super) label: String,
    /// What to do.
    pub(super) help: Option<String>,
}

/// The longest piece of the user's text quoted in a message.
const SNIPPET_CHARS: usize = 40;

/// The longest value written out in a suggested fix.
const SUGGESTION_CHARS: usize = 60;

/// Explains the scanner's error `info`, raised at byte `offset` of `text`, in `lang`. `flow`
/// is where the outermost flow collection (`[…]`, `{…}`) still open at the error was opened.
pub(super) fn explain(
    lang: Lang,
    info: &str,
    text: &str,
    offset: usize,
    flow: Option<usize>,
) -> Explained {
    let offset = offset.min(text.len());
    let at = At { text, offset, lang };
    let explained = match info {
        "tabs disallowed within this context (block indentation)"
        | "tabs disallowed in this context"
        | "tab cannot be used as indentation"
        | "while scanning a plain scalar, found a tab"
        | "a block scalar content cannot start with a tab"
        | "':' must be followed by a valid YAML whitespace"
        | "'-' must be followed by a valid YAML whitespace" => at.tab(),
        "while scanning a quoted scalar, found unexpected end of stream"
        | "while scanning a quoted scalar, found unexpected document indicator" => {
            at.unclosed_quote(true)
        }
        "invalid indentation in quoted scalar" => at.unclosed_quote(false),
        "while parsing a flow sequence, expected ',' or ']'"
        | "while parsing a flow mapping, did not find expected ',' or '}'"
        | "illegal placement of ':' indicator"
        | "invalid indentation in flow construct"
        | "invalid indentation" => at.flow(info, flow),
        "mapping values are not allowed in this context" => Some(at.colon()),
        "simple key expect ':'" => at.missing_colon(),
        "while parsing a block mapping, did not find expected key" => Some(at.expected_key()),
        "while parsing a block collection, did not find expected '-' indicator" => {
            Some(at.expected_item())
        }
        "block sequence entries are not allowed in this context" => Some(explained(
            at.char_span(),
            tr!(lang, "yaml-item-on-key-line"),
            tr!(lang, "yaml-item-on-key-line-label"),
            tr!(lang, "yaml-item-on-key-line-help"),
        )),
        "while parsing node, found unknown anchor" => at.unknown_alias(),
        "while scanning an anchor or alias, did not find expected alphabetic or numeric character" => {
            at.nameless_anchor()
        }
        "while parsing a quoted scalar, found unknown escape character"
        | "while parsing a quoted scalar, did not find expected hexadecimal number"
        | "while parsing a quoted scalar, found invalid Unicode character escape code" => {
            at.bad_escape()
        }
        "invalid trailing content after double-quoted scalar" => Some(at.after_quote()),
        "misplaced bracket" => at.unmatched_bracket(),
        "while parsing a node, did not find expected node content" => Some(at.no_value()),
        "invalid content after document end marker" => Some(explained(
            at.rest_of_token(),
            tr!(lang, "yaml-after-document-end"),
            tr!(lang, "yaml-here"),
            tr!(lang, "yaml-after-document-end-help"),
        )),
        "did not find expected <document start>" => Some(explained(
            at.char_span(),
            tr!(lang, "yaml-expected-document-start"),
            tr!(lang, "yaml-here"),
            tr!(lang, "yaml-expected-document-start-help"),
        )),
        "missing explicit document end marker before directive" => Some(explained(
            at.rest_of_token(),
            tr!(lang, "yaml-directive-inside"),
            tr!(lang, "yaml-here"),
            tr!(lang, "yaml-directive-inside-help"),
        )),
        "a byte order mark must not appear inside a document" => Some(explained(
            at.char_span(),
            tr!(lang, "yaml-byte-order-mark"),
            tr!(lang, "yaml-byte-order-mark-label"),
            tr!(lang, "yaml-byte-order-mark-help"),
        )),
        "while scanning a block scalar, did not find expected comment or line break" => {
            at.after_block_indicator()
        }
        _ if info.starts_with("unexpected character: ") => at.reserved(),
        _ => None,
    };
    explained.unwrap_or_else(|| {
        let (start, end) = at.char_span();
        Explained {
            start,
            end,
            message: tr!(lang, "yaml-invalid", info = info),
            label: tr!(lang, "yaml-here"),
            help: None,
        }
    })
}

/// The text and the place where the scanner gave up.
#[derive(Clone, Copy)]
struct At<'a> {
    text: &'a str,
    offset: usize,
    /// The language of the messages.
    lang: Lang,
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t'
}

/// An explanation at `start..end`, with a help line.
fn explained(
    (start, end): (usize, usize),
    message: String,
    label: String,
    help: String,
) -> Explained {
    Explained {
        start,
        end,
        message,
        label,
        help: Some(help),
    }
}

impl At<'_> {
    fn char_at(&self, offset: usize) -> Option<char> {
        self.text.get(offset..).and_then(|rest| rest.chars().next())
    }

    /// The character at `offset` (empty at the end of the text).
    fn span_of_char(&self, offset: usize) -> (usize, usize) {
        (
            offset,
            self.char_at(offset)
                .map_or(offset, |c| offset + c.len_utf8()),
        )
    }

    fn char_span(&self) -> (usize, usize) {
        self.span_of_char(self.offset)
    }

    /// From the error to the next blank, comma or closing bracket (at least one character).
    fn rest_of_token(&self) -> (usize, usize) {
        let rest = self.text.get(self.offset..).unwrap_or("");
        let len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ']' | '}'))
            .unwrap_or(rest.len());
        if len == 0 {
            self.char_span()
        } else {
            (self.offset, self.offset + len)
        }
    }

    fn line_start(&self, offset: usize) -> usize {
        self.text
            .get(..offset)
            .and_then(|head| head.rfind('\n'))
            .map_or(0, |i| i + 1)
    }

    /// The end of the line holding `offset`, before its line break.
    fn line_end(&self, offset: usize) -> usize {
        let end = self
            .text
            .get(offset..)
            .and_then(|rest| rest.find('\n'))
            .map_or(self.text.len(), |i| offset + i);
        if end > offset && self.text.get(end - 1..end) == Some("\r") {
            end - 1
        } else {
            end
        }
    }

    /// The first character of the line starting at `start` that is not a space or a tab.
    fn content_start(&self, start: usize) -> usize {
        let line = self.text.get(start..self.line_end(start)).unwrap_or("");
        start + line.len() - line.trim_start_matches(is_blank).len()
    }

    /// The last line before `before` that holds more than blanks and a comment: the offsets
    /// of its first and last non-blank characters.
    fn previous_content_line(&self, before: usize) -> Option<(usize, usize)> {
        let head = self.text.get(..before)?;
        let mut found = None;
        let mut start = 0;
        for line in head.split_inclusive('\n') {
            let trimmed = without_comment(line).trim();
            if !trimmed.is_empty() {
                let lead = line.len() - line.trim_start().len();
                found = Some((start + lead, start + lead + trimmed.len()));
            }
            start += line.len();
        }
        found
    }

    fn slice(&self, (start, end): (usize, usize)) -> &str {
        self.text.get(start..end).unwrap_or("")
    }

    /// A tab near the error: in the blanks around it, or else in the indentation of the
    /// next line that holds something.
    fn find_tab(&self) -> Option<usize> {
        let line_start = self.line_start(self.offset);
        let line_end = self.line_end(self.offset);
        let before = self.text.get(line_start..self.offset.max(line_start))?;
        let run_start = line_start + before.trim_end_matches(is_blank).len();
        let after = self.text.get(self.offset.min(line_end)..line_end)?;
        let run_end =
            self.offset.min(line_end) + (after.len() - after.trim_start_matches(is_blank).len());
        if let Some(i) = self.text.get(run_start..run_end)?.find('\t') {
            return Some(run_start + i);
        }
        let mut start = line_end;
        for line in self.text.get(line_end..)?.split_inclusive('\n') {
            let content = line.trim_start_matches(is_blank);
            let indentation = line.len() - content.len();
            if !content.trim().is_empty()
                && let Some(i) = line.get(..indentation).and_then(|blanks| blanks.find('\t'))
            {
                return Some(start + i);
            }
            start += line.len();
        }
        None
    }

    fn tab(&self) -> Option<Explained> {
        let tab = self.find_tab()?;
        let indentation = self
            .text
            .get(self.line_start(tab)..tab)?
            .chars()
            .all(|c| is_blank(c) || c == '-');
        let lang = self.lang;
        Some(if indentation {
            explained(
                (tab, tab + 1),
                tr!(lang, "yaml-tab-indentation"),
                tr!(lang, "yaml-tab-label"),
                tr!(lang, "yaml-tab-indentation-help"),
            )
        } else {
            explained(
                (tab, tab + 1),
                tr!(lang, "yaml-tab"),
                tr!(lang, "yaml-tab-label"),
                tr!(lang, "yaml-tab-help"),
            )
        })
    }

    fn unclosed_quote(&self, at_end: bool) -> Option<Explained> {
        let quote = self
            .char_at(self.offset)
            .filter(|&c| c == '"' || c == '\'')?;
        // A quote that no later text could close is never closed, whatever stopped the scanner.
        let closable = self
            .text
            .get(self.offset + 1..)
            .is_some_and(|rest| rest.contains(quote));
        let lang = self.lang;
        let quote = quote.to_string();
        let help = if at_end || !closable {
            tr!(lang, "yaml-unclosed-quote-help", quote = quote.as_str())
        } else {
            tr!(
                lang,
                "yaml-unclosed-quote-line-help",
                quote = quote.as_str()
            )
        };
        Some(explained(
            self.char_span(),
            tr!(lang, "yaml-unclosed", open = quote.as_str()),
            tr!(lang, "yaml-opened-here"),
            help,
        ))
    }

    /// A broken `[…]` or `{…}`: never closed (shown where it was opened), or missing a
    /// comma or closed with the wrong bracket (shown where the scanner stopped).
    fn flow(&self, info: &str, flow: Option<usize>) -> Option<Explained> {
        let lang = self.lang;
        if let Some(opener) = flow.and_then(|from| unclosed_at(self.text, from, self.offset)) {
            let open = self.char_at(opener)?.to_string();
            let help = if open == "{" {
                tr!(lang, "yaml-unclosed-mapping-help")
            } else {
                tr!(lang, "yaml-unclosed-list-help")
            };
            return Some(explained(
                self.span_of_char(opener),
                tr!(lang, "yaml-unclosed", open = open.as_str()),
                tr!(lang, "yaml-opened-here"),
                help,
            ));
        }
        let here = tr!(lang, "yaml-here");
        Some(match info {
            "while parsing a flow sequence, expected ',' or ']'" => explained(
                self.char_span(),
                tr!(lang, "yaml-expected-comma-in-list"),
                here,
                tr!(lang, "yaml-expected-comma-in-list-help"),
            ),
            "while parsing a flow mapping, did not find expected ',' or '}'" => explained(
                self.char_span(),
                tr!(lang, "yaml-expected-comma-in-mapping"),
                here,
                tr!(lang, "yaml-expected-comma-in-mapping-help"),
            ),
            "illegal placement of ':' indicator" => explained(
                self.char_span(),
                tr!(lang, "yaml-colon-in-list"),
                here,
                tr!(lang, "yaml-colon-in-list-help"),
            ),
            _ if flow.is_some() || info == "invalid indentation in flow construct" => explained(
                self.char_span(),
                tr!(lang, "yaml-flow-indented-too-little"),
                here,
                tr!(lang, "yaml-flow-indented-too-little-help"),
            ),
            _ => explained(
                self.char_span(),
                tr!(lang, "yaml-bad-indentation"),
                here,
                tr!(lang, "yaml-bad-indentation-help"),
            ),
        })
    }

    /// `: ` where no key may start: inside an unquoted value, or after a key indented too far.
    fn colon(&self) -> Explained {
        let lang = self.lang;
        let line_start = self.line_start(self.offset);
        let content = self.content_start(line_start);
        let before = self
            .text
            .get(content..self.offset.max(content))
            .unwrap_or("");
        if let Some(colon) = key_colon(before) {
            let key = before
                .get(..colon)
                .unwrap_or("")
                .trim_start_matches(|c: char| c == '-' || is_blank(c))
                .trim();
            let value_start = content + colon + 1;
            let line_end = self.line_end(self.offset);
            let value = without_comment(self.text.get(value_start..line_end).unwrap_or("")).trim();
            let help = match quoted(value) {
                Some(value) if value.chars().count() <= SUGGESTION_CHARS => tr!(
                    lang,
                    "yaml-colon-in-value-help",
                    fixed = format!("{key}: {value}"),
                ),
                _ => tr!(lang, "yaml-colon-in-value-quote-help", key = key),
            };
            return explained(
                self.char_span(),
                tr!(lang, "yaml-colon-in-value", key = snippet(key)),
                tr!(lang, "yaml-colon-in-value-label"),
                help,
            );
        }
        let indentation = content - line_start;
        let above = self
            .previous_content_line(line_start)
            .map(|(start, _)| start - self.line_start(start));
        if above.is_some_and(|above| above < indentation) && content < self.offset {
            let key = self.slice((content, self.offset)).trim_end();
            let name = snippet(key.trim_start_matches(|c: char| c == '-' || is_blank(c)));
            return explained(
                (content, content + key.len()),
                tr!(lang, "yaml-key-indented-too-far", key = name.as_str()),
                tr!(lang, "yaml-key-indented-too-far-label"),
                tr!(lang, "yaml-key-indented-too-far-help", key = name.as_str()),
            );
        }
        explained(
            self.char_span(),
            tr!(lang, "yaml-unexpected-colon"),
            tr!(lang, "yaml-here"),
            tr!(lang, "yaml-unexpected-colon-help"),
        )
    }

    /// A line at a key's indentation without the `: ` that makes it a key.
    fn missing_colon(&self) -> Option<Explained> {
        let lang = self.lang;
        let before = if self.offset >= self.text.len() {
            self.text.len()
        } else {
            self.line_start(self.offset)
        };
        let span = self.previous_content_line(before)?;
        let line = self.slice(span);
        if let Some(colon) = line.find(':').filter(|_| key_colon(line).is_none())
            && line
                .get(..colon)
                .is_some_and(|key| !key.is_empty() && !key.contains(char::is_whitespace))
            && line
                .get(colon + 1..)
                .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
        {
            let fixed = format!(
                "{}: {}",
                line.get(..colon).unwrap_or(""),
                line.get(colon + 1..).unwrap_or("")
            );
            let help = if fixed.chars().count() <= SUGGESTION_CHARS {
                tr!(lang, "yaml-missing-space-fixed-help", fixed = fixed)
            } else {
                tr!(lang, "yaml-missing-space-help")
            };
            return Some(explained(
                span,
                tr!(lang, "yaml-missing-space", line = snippet(line)),
                tr!(lang, "yaml-this-line"),
                help,
            ));
        }
        Some(explained(
            span,
            tr!(lang, "yaml-expected-key-value", line = snippet(line)),
            tr!(lang, "yaml-this-line"),
            tr!(lang, "yaml-expected-key-value-help"),
        ))
    }

    /// A mapping ended and the next line is neither one of its keys nor one of an outer mapping.
    fn expected_key(&self) -> Explained {
        let lang = self.lang;
        let content = self.content_start(self.line_start(self.offset));
        let item = self.text.get(content..).is_some_and(|rest| {
            rest.strip_prefix('-')
                .is_some_and(|after| after.starts_with(char::is_whitespace))
        });
        if item
            && self
                .text
                .get(content..self.offset)
                .is_some_and(|before| before.chars().all(|c| c == '-' || is_blank(c)))
        {
            return explained(
                self.span_of_char(content),
                tr!(lang, "yaml-item-among-keys"),
                tr!(lang, "yaml-item-among-keys-label"),
                tr!(lang, "yaml-item-among-keys-help"),
            );
        }
        if content == self.offset {
            let key = self.key_at(content);
            return explained(
                key,
                tr!(
                    lang,
                    "yaml-bad-indentation-of",
                    key = snippet(self.slice(key))
                ),
                tr!(lang, "yaml-this-line"),
                tr!(lang, "yaml-bad-indentation-of-help"),
            );
        }
        explained(
            self.rest_of_token(),
            tr!(lang, "yaml-text-after-value"),
            tr!(lang, "yaml-here"),
            tr!(lang, "yaml-text-after-value-help"),
        )
    }

    /// A line among the items of a list that is not an item.
    fn expected_item(&self) -> Explained {
        let key = self.key_at(self.content_start(self.line_start(self.offset)));
        let lang = self.lang;
        explained(
            key,
            tr!(lang, "yaml-expected-item"),
            tr!(lang, "yaml-expected-item-label"),
            tr!(lang, "yaml-expected-item-help"),
        )
    }

    /// From `start` to the line's `: `, or to its end.
    fn key_at(&self, start: usize) -> (usize, usize) {
        let line = self.text.get(start..self.line_end(start)).unwrap_or("");
        let key = key_colon(line)
            .and_then(|i| line.get(..i))
            .unwrap_or(line)
            .trim_end();
        if key.is_empty() {
            self.span_of_char(start)
        } else {
            (start, start + key.len())
        }
    }

    fn unknown_alias(&self) -> Option<Explained> {
        let rest = self.text.get(self.offset..)?;
        let name = rest.strip_prefix('*')?;
        let len = name
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}'))
            .unwrap_or(name.len());
        let name = name.get(..len)?;
        let lang = self.lang;
        Some(explained(
            (self.offset, self.offset + 1 + len),
            tr!(lang, "yaml-unknown-alias", name = snippet(name)),
            tr!(lang, "yaml-unknown-alias-label"),
            tr!(lang, "yaml-unknown-alias-help", name = snippet(name)),
        ))
    }

    fn nameless_anchor(&self) -> Option<Explained> {
        let lang = self.lang;
        let (message, help) = match self.char_at(self.offset)? {
            '*' => (
                tr!(lang, "yaml-nameless-alias"),
                tr!(lang, "yaml-nameless-alias-help"),
            ),
            '&' => (
                tr!(lang, "yaml-nameless-anchor"),
                tr!(lang, "yaml-nameless-anchor-help"),
            ),
            _ => return None,
        };
        Some(explained(
            self.char_span(),
            message,
            tr!(lang, "yaml-here"),
            help,
        ))
    }

    /// The first escape a double-quoted string (opened at the error) cannot use.
    fn bad_escape(&self) -> Option<Explained> {
        let body = self.text.get(self.offset..)?.strip_prefix('"')?;
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return None,
                '\\' => {
                    let (_, escape) = chars.next()?;
                    let digits = match escape {
                        'x' => 2,
                        'u' => 4,
                        'U' => 8,
                        '0' | 'a' | 'b' | 't' | '\t' | 'n' | 'v' | 'f' | 'r' | 'e' | ' ' | '"'
                        | '/' | '\\' | 'N' | '_' | 'L' | 'P' | '\n' | '\r' => 0,
                        _ => usize::MAX,
                    };
                    let valid = digits == 0
                        || (digits != usize::MAX && {
                            let hex: String = chars.clone().take(digits).map(|(_, c)| c).collect();
                            hex.len() == digits
                                && u32::from_str_radix(&hex, 16)
                                    .ok()
                                    .and_then(char::from_u32)
                                    .is_some()
                        });
                    if !valid {
                        let start = self.offset + 1 + i;
                        let end = start + 1 + escape.len_utf8();
                        let lang = self.lang;
                        return Some(explained(
                            (start, end),
                            tr!(lang, "yaml-bad-escape", escape = format!("\\{escape}")),
                            tr!(lang, "yaml-bad-escape-label"),
                            tr!(lang, "yaml-bad-escape-help"),
                        ));
                    }
                    for _ in 0..digits {
                        chars.next();
                    }
                }
                _ => {}
            }
        }
        None
    }

    fn after_quote(&self) -> Explained {
        let line_start = self.line_start(self.offset);
        let quote = self
            .text
            .get(line_start..self.offset.max(line_start))
            .and_then(|before| before.trim_end().chars().next_back());
        let lang = self.lang;
        let help = if quote == Some('\'') {
            tr!(lang, "yaml-after-single-quote-help")
        } else {
            tr!(lang, "yaml-after-double-quote-help")
        };
        explained(
            self.rest_of_token(),
            tr!(lang, "yaml-after-quote"),
            tr!(lang, "yaml-after-quote-label"),
            help,
        )
    }

    fn unmatched_bracket(&self) -> Option<Explained> {
        let close = self.char_at(self.offset)?;
        let open = if close == '}' { '{' } else { '[' };
        let lang = self.lang;
        let (open, close) = (open.to_string(), close.to_string());
        Some(explained(
            self.char_span(),
            tr!(
                lang,
                "yaml-unmatched",
                open = open.as_str(),
                close = close.as_str(),
            ),
            tr!(lang, "yaml-unmatched-label"),
            tr!(
                lang,
                "yaml-unmatched-help",
                open = open.as_str(),
                close = close.as_str(),
            ),
        ))
    }

    fn no_value(&self) -> Explained {
        let lang = self.lang;
        match self.char_at(self.offset).filter(|c| !c.is_whitespace()) {
            Some(c) => {
                let c = c.to_string();
                explained(
                    self.char_span(),
                    tr!(lang, "yaml-bad-value-start", char = c.as_str()),
                    tr!(lang, "yaml-here"),
                    tr!(lang, "yaml-bad-value-start-help", char = c.as_str()),
                )
            }
            None => explained(
                self.char_span(),
                tr!(lang, "yaml-expected-value"),
                tr!(lang, "yaml-here"),
                tr!(lang, "yaml-expected-value-help"),
            ),
        }
    }

    fn after_block_indicator(&self) -> Option<Explained> {
        let indicator = self
            .char_at(self.offset)
            .filter(|&c| c == '|' || c == '>')?;
        let lang = self.lang;
        Some(explained(
            self.char_span(),
            tr!(
                lang,
                "yaml-after-block-indicator",
                indicator = indicator.to_string(),
            ),
            tr!(lang, "yaml-here"),
            tr!(lang, "yaml-after-block-indicator-help"),
        ))
    }

    fn reserved(&self) -> Option<Explained> {
        let c = self.char_at(self.offset)?;
        let lang = self.lang;
        Some(explained(
            self.char_span(),
            tr!(lang, "yaml-reserved", char = c.to_string()),
            tr!(lang, "yaml-reserved-label"),
            tr!(lang, "yaml-reserved-help"),
        ))
    }
}

/// The byte index of the first `: ` (or `:` at the end) that ends a key in `line`.
fn key_colon(line: &str) -> Option<usize> {
    line.char_indices()
        .find(|&(i, c)| {
            c == ':'
                && line
                    .get(i + 1..)
                    .and_then(|rest| rest.chars().next())
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, _)| i)
}

/// `line` without a trailing `# comment` (a `#` at the start or after a blank).
fn without_comment(line: &str) -> &str {
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        if c == '#' && previous.is_whitespace() {
            return line.get(..i).unwrap_or(line);
        }
        previous = c;
    }
    line
}

/// `value` in double quotes, or in single quotes when it holds `"` or `\`.
fn quoted(value: &str) -> Option<String> {
    if !value.contains(['"', '\\']) {
        Some(format!("\"{value}\""))
    } else if !value.contains('\'') {
        Some(format!("'{value}'"))
    } else {
        None
    }
}

/// The user's text for a message: one line, at most [`SNIPPET_CHARS`] characters.
fn snippet(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() > SNIPPET_CHARS {
        let cut: String = line.chars().take(SNIPPET_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_owned()
    }
}

/// The innermost `[` or `{` that is open at `offset` and never closed, scanning the flow
/// collection opened at `from` (quoted strings and comments are skipped).
fn unclosed_at(text: &str, from: usize, offset: usize) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    // (opener, how many were open with it) once the error's place is passed.
    let mut candidate: Option<(usize, usize)> = None;
    let mut previous = ' ';
    let mut to_the_end = true;
    let rest = text.get(from..)?;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = from + i;
        if candidate.is_none() && at >= offset {
            candidate = Some((*open.last()?, open.len()));
        }
        match c {
            '[' | '{' => open.push(at),
            ']' | '}' => {
                open.pop();
                if let Some((_, depth)) = candidate
                    && open.len() < depth
                {
                    return None;
                }
                if open.is_empty() && candidate.is_none() {
                    return None;
                }
            }
            '"' | '\'' if previous.is_whitespace() || matches!(previous, '[' | '{' | ',' | ':') => {
                // Skip the quoted string; an unclosed one ends the search.
                let mut closed = false;
                while let Some((_, inner)) = chars.next() {
                    if c == '"' && inner == '\\' {
                        chars.next();
                    } else if inner == c {
                        if c == '\'' && chars.peek().is_some_and(|&(_, next)| next == '\'') {
                            chars.next();
                        } else {
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    to_the_end = false;
                    break;
                }
            }
            '#' if previous.is_whitespace() => {
                for (_, inner) in chars.by_ref() {
                    if inner == '\n' {
                        break;
                    }
                }
                previous = '\n';
                continue;
            }
            _ => {}
        }
        previous = c;
    }
    match candidate {
        Some((opener, _)) => Some(opener),
        // The error is at the end of the text.
        None if to_the_end => open.last().copied(),
        None => None,
    }
}
