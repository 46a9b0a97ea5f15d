//! YAML text → a small tree in which every key and value keeps its span.
//!
//! This is the only module that sees the YAML library (`saphyr-parser`). It
//! pulls events one at a time and builds [`Node`]s with an explicit stack, so
//! that no input can overflow the stack, and it enforces its own limits while
//! reading: nesting depth, alias expansion and node count. A file that breaks
//! a limit becomes one error, never a crash or an unbounded allocation.

use std::collections::HashMap;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError, Span as YamlSpan};

use crate::i18n::Lang;
use crate::source::{FileId, SourceFile, Span, Spanned};
use crate::tr;

/// The deepest nesting a plan file may use (real plans use fewer than 10 levels).
pub const MAX_DEPTH: usize = 64;
/// The most nodes alias expansion may create in one file (an alias bomb stops here).
pub const MAX_ALIAS_NODES: usize = 10_000;
/// The most values one file may hold (real plans hold a few thousand; the cap keeps the
/// memory of a hostile file near 100 MB).
pub const MAX_NODES: usize = 500_000;

/// A YAML value with its span.
#[derive(Clone, Debug)]
pub struct Node {
    /// Where the value is written (for collections: from their first to their last token).
    pub span: Span,
    /// The value.
    pub value: Value,
}

/// The three shapes of YAML values.
#[derive(Clone, Debug)]
pub enum Value {
    /// A scalar, as written.
    Scalar(Scalar),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in document order, without duplicated keys.
    Map(Vec<Entry>),
}

/// A scalar's text and whether it was written plain (unquoted, so typed by the core schema).
#[derive(Clone, Debug)]
pub struct Scalar {
    /// The text after unescaping.
    pub text: String,
    /// Written without quotes or block indicators.
    pub plain: bool,
}

/// A mapping entry.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The key (always a scalar).
    pub key: Spanned<String>,
    /// The value.
    pub value: Node,
}

/// What the core schema makes of a plain scalar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Plain {
    /// `null`, `~` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// Anything else.
    Text,
}

impl Scalar {
    /// The core-schema reading of the scalar (quoted scalars are always text).
    #[must_use]
    pub fn resolve(&self) -> Plain {
        if !self.plain {
            return Plain::Text;
        }
        match self.text.as_str() {
            "" | "~" | "null" | "Null" | "NULL" => Plain::Null,
            "true" | "True" | "TRUE" => Plain::Bool(true),
            "false" | "False" | "FALSE" => Plain::Bool(false),
            text => parse_number(text).map_or(Plain::Text, Plain::Number),
        }
    }
}

/// Parses a YAML 1.2 core-schema number (decimal, `0x`, `0o`, `.inf`, `.nan` excluded).
fn parse_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if !(first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.') {
        return None;
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok().map(|n| n as f64);
    }
    if let Some(octal) = text.strip_prefix("0o") {
        return i64::from_str_radix(octal, 8).ok().map(|n| n as f64);
    }
    // Letters are ASCII here (the bytes of other characters are never ASCII letters).
    if bytes
        .iter()
        .any(|&b| b.is_ascii_alphabetic() && b != b'e' && b != b'E')
    {
        return None;
    }
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

impl Node {
    /// The entries, when the node is a mapping.
    #[must_use]
    pub fn as_map(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    /// The value under `key`, when the node is a mapping that has it.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|entry| entry.key.value == key)
            .map(|entry| &entry.value)
    }

    /// A short phrase for the node's shape, in `lang`, for messages.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        match &self.value {
            Value::Seq(_) => tr!(lang, "yaml-shape-list"),
            Value::Map(_) => tr!(lang, "yaml-shape-mapping"),
            Value::Scalar(scalar) => match scalar.resolve() {
                Plain::Null => tr!(lang, "yaml-shape-null"),
                Plain::Bool(_) => tr!(lang, "yaml-shape-boolean"),
                Plain::Number(_) => tr!(lang, "yaml-shape-number"),
                Plain::Text => tr!(lang, "yaml-shape-text"),
            },
        }
    }

    fn count_nodes(&self) -> usize {
        1 + match &self.value {
            Value::Scalar(_) => 0,
            Value::Seq(items) => items.iter().map(Node::count_nodes).sum(),
            Value::Map(entries) => entries.iter().map(|e| 1 + e.value.count_nodes()).sum(),
        }
    }
}

/// A YAML document read from a file.
#[derive(Debug)]
pub struct Document {
    /// The root node (`None` for an empty file).
    pub root: Option<Node>,
    /// The start of a second document, when the file holds more than one.
    pub extra_document: Option<Span>,
    /// Keys written twice in one mapping: (the second occurrence, the first).
    pub duplicate_keys: Vec<(Spanned<String>, Span)>,
    /// Mapping keys that are not scalars (ignored with their values).
    pub complex_keys: Vec<Span>,
}

/// Why a file is not usable YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What went wrong, in words.
    pub message: String,
    /// The offending place.
    pub span: Span,
    /// The label under the place.
    pub label: String,
    /// A hint, when there is one.
    pub help: Option<String>,
}

/// Parses the first document of `file`, keeping spans and enforcing the limits; errors are
/// worded in `lang`.
///
/// # Errors
/// The first syntax error, or the first limit broken.
pub fn parse(id: FileId, file: &SourceFile, lang: Lang) -> Result<Document, YamlError> {
    Builder::new(id, file, lang).run()
}

/// An open collection. Its items wait on the builder's stack of items (`items`, `entries`)
/// from `first` on, and move into one exact allocation when it closes.
enum Frame {
    Seq {
        start: Span,
        first: usize,
        anchor: usize,
    },
    Map {
        start: Span,
        first: usize,
        /// Each key's entry, once the mapping is too long to search (see [`MAP_SCAN`]).
        index: HashMap<String, usize>,
        pending_key: Option<Result<Spanned<String>, Span>>,
        anchor: usize,
    },
}

/// Up to this many entries, a mapping is searched for a duplicated key; beyond, its keys
/// are indexed, so that a mapping of 100,000 keys costs 100,000 lookups, not 5 billion
/// comparisons.
const MAP_SCAN: usize = 16;

struct Builder<'a> {
    id: FileId,
    lang: Lang,
    file: &'a SourceFile,
    stack: Vec<Frame>,
    /// The items of the open sequences, innermost last.
    items: Vec<Node>,
    /// The entries of the open mappings, innermost last.
    entries: Vec<Entry>,
    anchors: HashMap<usize, Node>,
    alias_nodes: usize,
    nodes: usize,
    root: Option<Node>,
    duplicate_keys: Vec<(Spanned<String>, Span)>,
    complex_keys: Vec<Span>,
    /// The character index of the last marker converted.
    cursor: usize,
    /// Where the text's UTF-8 continuation bytes are (see [`Builder::offset`]).
    continuations: Vec<u32>,
    /// How many of them lie before the cursor.
    continued: usize,
    /// The last collection end pulled back over blanks and comments (see [`trim_collection`]).
    trimmed: (u32, u32, u32),
}

impl<'a> Builder<'a> {
    fn new(id: FileId, file: &'a SourceFile, lang: Lang) -> Self {
        Self {
            id,
            lang,
            file,
            stack: Vec::new(),
            items: Vec::new(),
            entries: Vec::new(),
            anchors: HashMap::new(),
            alias_nodes: 0,
            nodes: 0,
            root: None,
            duplicate_keys: Vec::new(),
            complex_keys: Vec::new(),
            cursor: 0,
            continuations: crate::source::continuation_offsets(file.text().as_bytes()),
            continued: 0,
            trimmed: (0, u32::MAX, 0),
        }
    }

    #[inline]
    fn span(&mut self, span: YamlSpan) -> Span {
        let start = self.offset(span.start);
        let end = self.offset(span.end);
        Span::new(self.id, start, end)
    }

    /// The byte offset of a marker (saphyr counts characters). Events arrive
    /// mostly in text order, so a cursor walks forward over the places of the text's UTF-8
    /// continuation bytes (found once per file, 32 bytes at a time): the character at index
    /// `c` starts at byte `c + k`, where `k` counts the continuation bytes of the characters
    /// before it. A jump backwards goes through the line index instead.
    fn offset(&mut self, marker: Marker) -> usize {
        let char_index = marker.index();
        if char_index < self.cursor {
            return self.file.offset_of(marker.line(), marker.col());
        }
        // The continuation byte at `p`, the `k`-th, belongs to the character of index
        // `p - k - 1`: it lies before character `char_index` when `p - k <= char_index`.
        let mut k = self.continued;
        while let Some(&at) = self.continuations.get(k) {
            if (at as usize).saturating_sub(k) > char_index {
                break;
            }
            k += 1;
        }
        self.continued = k;
        let byte = (char_index + k).min(self.file.text().len());
        self.cursor = char_index;
        byte
    }

    /// The scanner's error, explained at the mistake rather than where the scanner gave up.
    fn scan_error(&self, error: &ScanError) -> YamlError {
        let mark = error.marker();
        let text = self.file.text();
        let offset = self.file.offset_of(mark.line(), mark.col());
        // The outermost `[` or `{` still open, for "never closed".
        let flow = self.stack.iter().find_map(|frame| {
            let start = match frame {
                Frame::Seq { start, .. } | Frame::Map { start, .. } => start.start as usize,
            };
            text.get(start..)
                .is_some_and(|rest| rest.starts_with(['[', '{']))
                .then_some(start)
        });
        let explained = syntax::explain(self.lang, error.info(), text, offset, flow);
        YamlError {
            message: explained.message,
            span: Span::new(self.id, explained.start, explained.end),
            label: explained.label,
            help: explained.help,
        }
    }

    fn limit(&mut self, span: YamlSpan, message: String, help: String) -> YamlError {
        YamlError {
            message,
            span: self.span(span),
            label: tr!(self.lang, "yaml-here"),
            help: Some(help),
        }
    }

    fn run(mut self) -> Result<Document, YamlError> {
        let mut parser = Parser::new(input::ShortInput::new(self.file.text()));
        let mut documents = 0;
        while let Some(next) = parser.next_event() {
            let (event, span) = match next {
                Ok(next) => next,
                Err(error) => return Err(self.scan_error(&error)),
            };
            match event {
                Event::StreamStart | Event::Nothing | Event::DocumentEnd => {}
                Event::StreamEnd => break,
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents > 1 {
                        return Ok(self.finish(Some(span)));
                    }
                }
                Event::Scalar(text, style, anchor, _tag) => {
                    let node = Node {
                        span: self.span(span),
                        value: Value::Scalar(Scalar {
                            text: text.into_owned(),
                            plain: style == ScalarStyle::Plain,
                        }),
                    };
                    self.count(1, span)?;
                    self.remember(anchor, &node);
                    self.attach(node);
                }
                Event::Alias(anchor) => {
                    let node = self.alias(anchor, span)?;
                    self.attach(node);
                }
                Event::SequenceStart(anchor, _tag) => {
                    self.open(span)?;
                    let start = self.span(span);
                    self.stack.push(Frame::Seq {
                        start,
                        first: self.items.len(),
                        anchor,
                    });
                }
                Event::MappingStart(anchor, _tag) => {
                    self.open(span)?;
                    let start = self.span(span);
                    self.stack.push(Frame::Map {
                        start,
                        first: self.entries.len(),
                        index: HashMap::new(),
                        pending_key: None,
                        anchor,
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => self.close(span),
            }
        }
        Ok(self.finish(None))
    }

    fn finish(mut self, extra_document: Option<YamlSpan>) -> Document {
        Document {
            extra_document: extra_document.map(|span| self.span(span)),
            root: self.root,
            duplicate_keys: self.duplicate_keys,
            complex_keys: self.complex_keys,
        }
    }

    /// Counts `nodes` more values; an error past [`MAX_NODES`]. Inlined where values are
    /// counted (once per scalar), the error worded out of line.
    #[inline]
    fn count(&mut self, nodes: usize, span: YamlSpan) -> Result<(), YamlError> {
        self.nodes += nodes;
        if self.nodes > MAX_NODES {
            return Err(self.too_many(span));
        }
        Ok(())
    }

    #[cold]
    fn too_many(&mut self, span: YamlSpan) -> YamlError {
        let lang = self.lang;
        self.limit(
            span,
            tr!(lang, "yaml-too-many-values", max = MAX_NODES.to_string()),
            tr!(lang, "yaml-too-many-values-help"),
        )
    }

    fn open(&mut self, span: YamlSpan) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            let lang = self.lang;
            return Err(self.limit(
                span,
                tr!(lang, "yaml-too-deep", max = MAX_DEPTH.to_string()),
                tr!(lang, "yaml-too-deep-help"),
            ));
        }
        self.count(1, span)
    }

    fn close(&mut self, span: YamlSpan) {
        let end = self.span(span);
        let node = match self.stack.pop() {
            Some(Frame::Seq {
                start,
                first,
                anchor,
            }) => (
                Node {
                    span: Span::new(
                        self.id,
                        start.start as usize,
                        end.start.max(start.end) as usize,
                    ),
                    value: Value::Seq(self.items.drain(first..).collect()),
                },
                anchor,
            ),
            Some(Frame::Map {
                start,
                first,
                anchor,
                ..
            }) => (
                Node {
                    span: Span::new(
                        self.id,
                        start.start as usize,
                        end.start.max(start.end) as usize,
                    ),
                    value: Value::Map(self.entries.drain(first..).collect()),
                },
                anchor,
            ),
            None => return,
        };
        let (node, anchor) = node;
        let node = trim_collection(node, self.file.text(), &mut self.trimmed);
        self.remember(anchor, &node);
        self.attach(node);
    }

    fn remember(&mut self, anchor: usize, node: &Node) {
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
    }

    fn alias(&mut self, anchor: usize, span: YamlSpan) -> Result<Node, YamlError> {
        let lang = self.lang;
        let Some(target) = self.anchors.get(&anchor) else {
            return Err(self.limit(
                span,
                tr!(lang, "yaml-unknown-anchor"),
                tr!(lang, "yaml-unknown-anchor-help"),
            ));
        };
        let size = target.count_nodes();
        self.alias_nodes += size;
        if self.alias_nodes > MAX_ALIAS_NODES {
            return Err(self.limit(
                span,
                tr!(lang, "yaml-alias-bomb", max = MAX_ALIAS_NODES.to_string()),
                tr!(lang, "yaml-alias-bomb-help"),
            ));
        }
        let mut node = target.clone();
        // The copy is shown where the alias is written.
        node.span = self.span(span);
        self.count(size, span)?;
        Ok(node)
    }

    fn attach(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq { .. }) => self.items.push(node),
            Some(Frame::Map {
                first,
                index,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => {
                    *pending_key = Some(match node.value {
                        Value::Scalar(scalar) => Ok(Spanned::new(scalar.text, node.span)),
                        _ => Err(node.span),
                    });
                }
                Some(Err(key_span)) => self.complex_keys.push(key_span),
                Some(Ok(key)) => {
                    let entries = self.entries.get(*first..).unwrap_or_default();
                    let earlier = if entries.len() < MAP_SCAN {
                        entries.iter().find(|e| e.key.value == key.value)
                    } else {
                        if index.is_empty() {
                            index.extend(
                                entries
                                    .iter()
                                    .enumerate()
                                    .map(|(at, entry)| (entry.key.value.clone(), at)),
                            );
                        }
                        index.get(&key.value).and_then(|&at| entries.get(at))
                    };
                    if let Some(earlier) = earlier {
                        self.duplicate_keys.push((key, earlier.key.span));
                    } else {
                        if !index.is_empty() {
                            index.insert(key.value.clone(), entries.len());
                        }
                        self.entries.push(Entry { key, value: node });
                    }
                }
            },
        }
    }
}

/// Collections end where their next sibling starts; pull the end back over trailing
/// blanks and comments so that labels cover only the collection.
///
/// Collections that close together (an indicator, its list, its objective…) end at the same
/// place, each around the one before: `last` keeps the last scan that stopped at a line of
/// content, `(start, end, pulled back to)`, and a collection that ends there too and starts
/// no later would stop its scan at the same line, so it takes the same end without a scan.
fn trim_collection(mut node: Node, text: &str, last: &mut (u32, u32, u32)) -> Node {
    let (start, end) = (node.span.start, node.span.end);
    if last.1 == end && start <= last.0 {
        node.span = Span::new(node.span.file, start as usize, last.2 as usize);
        return node;
    }
    if let Some(slice) = text.get(start as usize..end as usize) {
        let mut keep = slice.len();
        let mut stopped = false;
        for line in slice.lines().rev() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                keep = keep.saturating_sub(line.len() + 1);
            } else {
                stopped = true;
                break;
            }
        }
        let kept = slice
            .get(..keep.min(slice.len()))
            .unwrap_or(slice)
            .trim_end();
        node.span = Span::new(node.span.file, start as usize, start as usize + kept.len());
        if stopped {
            *last = (start, end, node.span.end);
        }
    }
    node
}

mod input;
mod syntax;
#[cfg(test)]
mod tests;
