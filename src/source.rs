//! Stage 0 vocabulary: where text comes from and how places in it are named.
//!
//! Every file alinea reads is stored once in a [`SourceDb`] and named by a
//! [`FileId`]. A [`Span`] is a file plus a byte range; line and column are
//! computed on demand from the file's line index, with columns counted in
//! Unicode characters (as the JSON and SARIF outputs promise).

use std::fmt;
use std::path::{Path, PathBuf};

/// The index of a file in the [`SourceDb`].
///
/// Kept as the index plus one, never zero: an absent span (`Option<Span>`), number
/// (`Option<Spanned<f64>>`) or baseline then takes no more room than a present one, in
/// structs a national repository holds hundreds of thousands of.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(std::num::NonZeroU32);

impl FileId {
    /// The id of the file at `index` in the database.
    #[must_use]
    pub fn from_index(index: usize) -> Self {
        let stored = u32::try_from(index)
            .ok()
            .and_then(|index| index.checked_add(1))
            .unwrap_or(u32::MAX);
        Self(std::num::NonZeroU32::new(stored).unwrap_or(std::num::NonZeroU32::MAX))
    }

    /// The position of the file in the database.
    #[must_use]
    pub fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

impl Default for FileId {
    /// The first file.
    fn default() -> Self {
        Self(std::num::NonZeroU32::MIN)
    }
}

impl fmt::Debug for FileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FileId").field(&self.index()).finish()
    }
}

/// A byte range in one file (the default, the empty span at the start of the first file, is
/// a placeholder that a model member holds until the loader reads it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The file the range is in.
    pub file: FileId,
    /// First byte (inclusive).
    pub start: u32,
    /// Last byte (exclusive).
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` bytes in `file`.
    #[must_use]
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Self {
            file,
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end.max(start)).unwrap_or(u32::MAX),
        }
    }

    /// The empty span at the start of `file`: used for findings about a whole file.
    #[must_use]
    pub fn file_start(file: FileId) -> Self {
        Self::new(file, 0, 0)
    }

    /// The number of bytes covered.
    #[must_use]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no byte.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

/// A value read from user input, with the place it was read from.
///
/// Equality and hashing look at the value only: two codes are the same code
/// wherever they were written.
#[derive(Clone, Debug, Default)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wraps `value` read at `span`.
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T: std::hash::Hash> std::hash::Hash for Spanned<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

/// A 1-based line and column (columns count Unicode characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One file's text and the index that turns byte offsets into lines.
///
/// A one-shot check may [release](SourceFile::release) the text of a file once it is
/// decoded: the file keeps its length, a digest and its line index, and reads its text
/// again from disk the first time a renderer asks for it (most files of a large repository
/// have no finding, and their text is never asked for again).
#[derive(Debug)]
pub struct SourceFile {
    path: PathBuf,
    display: String,
    text: std::sync::OnceLock<String>,
    /// The length and digest of a released text, to know it again when it is read back.
    released: Option<(usize, u64)>,
    /// Whether a released text was no longer on disk as read (a stand-in took its place).
    stale: std::sync::atomic::AtomicBool,
    /// For a released text: where its UTF-8 continuation bytes are (`10xxxxxx`, every byte
    /// of a character but its first), packed as [`pack_gaps`] packs (about a byte each;
    /// none in an ASCII text). The columns of a released text are worked out from them and
    /// the line starts, without reading the text back.
    packed_continuations: Option<Box<[u8]>>,
    /// For a released text: lines and columns worked out beforehand, by byte offset.
    positions: std::sync::OnceLock<Vec<(u32, LineCol)>>,
    /// Where each line starts: kept while the text is, packed when it is released (most
    /// files of a large repository are never asked for a line again), and unpacked the
    /// first time one is.
    line_starts: std::sync::OnceLock<Box<[u32]>>,
    /// The line starts of a released text, as LEB128 line lengths (about a byte a line).
    packed_lines: Option<Box<[u8]>>,
    /// Whether the text has a `\r` (a line break for some readers, not for the index).
    has_cr: bool,
}

/// How many lines of `starts` (line starts, ascending) start before the line holding `offset`.
fn lines_before_in(starts: &[u32], offset: usize) -> usize {
    let offset = u32::try_from(offset).unwrap_or(u32::MAX);
    match starts.binary_search(&offset) {
        Ok(exact) => exact,
        Err(next) => next.saturating_sub(1),
    }
}

/// Ascending offsets as the gaps between them (the first one's from 0), each in LEB128:
/// seven bits a byte, the high bit set on all but a number's last byte.
fn pack_gaps(offsets: impl IntoIterator<Item = u32>, capacity: usize) -> Box<[u8]> {
    let mut packed = Vec::with_capacity(capacity);
    let mut before = 0_u32;
    for offset in offsets {
        let mut gap = offset.saturating_sub(before);
        before = offset;
        loop {
            let low = u8::try_from(gap & 0x7f).unwrap_or(0);
            gap >>= 7;
            if gap == 0 {
                packed.push(low);
                break;
            }
            packed.push(low | 0x80);
        }
    }
    packed.into_boxed_slice()
}

/// The offsets [`pack_gaps`] packed, after `first` (pushed first when given).
fn unpack_gaps(packed: &[u8], first: Option<u32>) -> Box<[u32]> {
    let mut offsets = Vec::with_capacity(packed.len() + 1);
    offsets.extend(first);
    let (mut at, mut gap, mut shift) = (0_u32, 0_u32, 0_u32);
    for &byte in packed {
        gap |= u32::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
        if byte & 0x80 == 0 {
            at = at.saturating_add(gap);
            offsets.push(at);
            (gap, shift) = (0, 0);
        } else {
            shift += 7;
        }
    }
    offsets.into_boxed_slice()
}

/// Line starts (the first is 0) packed as the lengths of the lines before the last.
fn pack_lines(starts: &[u32]) -> Box<[u8]> {
    pack_gaps(
        starts.iter().skip(1).copied(),
        starts.len() + starts.len() / 8,
    )
}

/// The line starts [`pack_lines`] packed.
fn unpack_lines(packed: &[u8]) -> Box<[u32]> {
    unpack_gaps(packed, Some(0))
}

/// The offsets of a text's UTF-8 continuation bytes (`10xxxxxx`), in order. The bytes are
/// looked at 32 at a time, as four words; in a word with a byte that is not ASCII, a
/// continuation byte is one whose top bit is set and the next bit clear, all found at once.
pub(crate) fn continuation_offsets(bytes: &[u8]) -> Vec<u32> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut offsets = Vec::new();
    let mut blocks = bytes.chunks_exact(32);
    let mut at = 0_usize;
    for block in &mut blocks {
        let words: [u64; 4] = std::array::from_fn(|i| {
            block
                .get(i * 8..i * 8 + 8)
                .and_then(|word| <[u8; 8]>::try_from(word).ok())
                .map_or(0, u64::from_le_bytes)
        });
        if words.iter().fold(0, |any, word| any | word) & HIGH != 0 {
            for (i, word) in words.iter().enumerate() {
                // Bit 7 of each byte, where bit 6 (shifted up to bit 7) is clear.
                let mut found = word & !(word << 1) & HIGH;
                while found != 0 {
                    let byte = at + i * 8 + (found.trailing_zeros() / 8) as usize;
                    offsets.push(u32::try_from(byte).unwrap_or(u32::MAX));
                    found &= found - 1;
                }
            }
        }
        at += 32;
    }
    for (i, &byte) in blocks.remainder().iter().enumerate() {
        if byte & 0xC0 == 0x80 {
            offsets.push(u32::try_from(at + i).unwrap_or(u32::MAX));
        }
    }
    offsets
}

impl SourceFile {
    /// A file's text with its line index; `path` is shown relative to the current folder.
    #[must_use]
    pub fn new(path: PathBuf, text: String) -> Self {
        let display = display_path(&path);
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(
            memchr::memchr_iter(b'\n', bytes).map(|at| u32::try_from(at + 1).unwrap_or(u32::MAX)),
        );
        let has_cr = memchr::memchr(b'\r', bytes).is_some();
        Self {
            path,
            display,
            text: std::sync::OnceLock::from(text),
            released: None,
            stale: std::sync::atomic::AtomicBool::new(false),
            packed_continuations: None,
            positions: std::sync::OnceLock::new(),
            line_starts: std::sync::OnceLock::from(line_starts.into_boxed_slice()),
            packed_lines: None,
            has_cr,
        }
    }

    /// Drops the text, keeping what reads it back from the file at [`SourceFile::path`]
    /// when it is asked for. Only for a text read from that file as it is on disk (not an
    /// editor's buffer, not standard input).
    pub fn release(&mut self) {
        if let Some(text) = self.text.take() {
            self.released = Some((text.len(), digest(text.as_bytes())));
            if let Some(starts) = self.line_starts.take() {
                self.packed_lines = Some(pack_lines(&starts));
            }
            if !text.is_ascii() {
                let offsets = continuation_offsets(text.as_bytes());
                self.packed_continuations = Some(pack_gaps(offsets.iter().copied(), offsets.len()));
            }
        }
    }

    /// Whether the text was released and, read back, was no longer what was checked: its
    /// place is held by blank lines of the same lengths, so that spans stay in it.
    #[must_use]
    pub fn changed_on_disk(&self) -> bool {
        self.stale.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The length of the text, in bytes (without reading a released text back).
    #[must_use]
    pub fn len(&self) -> usize {
        match (self.text.get(), self.released) {
            (Some(text), _) => text.len(),
            (None, Some((len, _))) => len,
            (None, None) => 0,
        }
    }

    /// Whether the text is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A released text, read back: the file as checked, or blank lines in its shape when it
    /// changed since.
    fn read_back(&self) -> String {
        String::from_utf8(self.read_back_bytes()).unwrap_or_default()
    }

    /// [`SourceFile::read_back`]'s bytes: the bytes read are the text checked when they are
    /// as long and hash the same (that text was UTF-8), and are not checked again.
    fn read_back_bytes(&self) -> Vec<u8> {
        let Some((len, sum)) = self.released else {
            return Vec::new();
        };
        if let Ok(bytes) = read_bytes(&self.path)
            && bytes.len() == len
            && digest(&bytes) == sum
        {
            return bytes;
        }
        self.stale.store(true, std::sync::atomic::Ordering::Relaxed);
        let mut blank = vec![b' '; len];
        for &start in self.line_starts().iter().skip(1) {
            if let Some(byte) = (start as usize)
                .checked_sub(1)
                .and_then(|at| blank.get_mut(at))
            {
                *byte = b'\n';
            }
        }
        blank
    }

    /// Where each line starts (unpacked again the first time a released text is asked for one).
    fn line_starts(&self) -> &[u32] {
        self.line_starts
            .get_or_init(|| unpack_lines(self.packed_lines.as_deref().unwrap_or_default()))
    }

    /// The path as discovered.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as shown to users: relative to the current folder, `/`-separated.
    #[must_use]
    pub fn display_name(&self) -> &str {
        &self.display
    }

    /// The text (for files that are not UTF-8, a lossy copy used only for snippets).
    #[must_use]
    pub fn text(&self) -> &str {
        self.text.get_or_init(|| self.read_back())
    }

    /// The byte offset where the line `lines_before` lines above the one holding `offset`
    /// starts (the first line's start when there are fewer lines above).
    #[must_use]
    pub fn line_start_above(&self, offset: usize, lines_before: usize) -> usize {
        let line = self.lines_before(offset);
        self.line_starts()
            .get(line.saturating_sub(lines_before))
            .copied()
            .unwrap_or(0) as usize
    }

    /// Whether the text has a carriage return anywhere.
    #[must_use]
    pub fn has_cr(&self) -> bool {
        self.has_cr
    }

    /// How many lines start before `offset` (its 0-based line number).
    #[must_use]
    pub fn lines_before(&self, offset: usize) -> usize {
        lines_before_in(self.line_starts(), offset.min(self.len()))
    }

    /// Line and column of a byte offset (clamped to the text, snapped to a char boundary).
    #[must_use]
    pub fn line_col(&self, offset: u32) -> LineCol {
        if self.text.get().is_none()
            && let Some(known) = self.positions.get()
            && let Ok(at) = known.binary_search_by_key(&offset, |(known, _)| *known)
            && let Some((_, place)) = known.get(at)
        {
            return *place;
        }
        let text = self.text().as_bytes();
        self.line_col_by(self.line_starts(), offset, |from, to| {
            // Every byte starts a character but UTF-8's continuation bytes (`10xxxxxx`).
            text.get(from..to)
                .unwrap_or_default()
                .iter()
                .filter(|&&byte| (byte & 0xC0) == 0x80)
                .count()
        })
    }

    /// Works out, for a released text, the lines and columns of `offsets` from its line
    /// starts and the places of its continuation bytes, without reading it back: a report
    /// that shows only lines and columns (JSON, SARIF…) then holds no text of the file.
    pub fn remember_positions(&self, offsets: &mut Vec<u32>) {
        if self.text.get().is_some() || self.positions.get().is_some() {
            return;
        }
        offsets.sort_unstable();
        offsets.dedup();
        let continuations = unpack_gaps(
            self.packed_continuations.as_deref().unwrap_or_default(),
            None,
        );
        let below = |end: usize| continuations.partition_point(|&at| (at as usize) < end);
        // The line starts are unpacked for this alone and dropped after (not kept: the
        // report's rendering, at the run's peak of memory, asks only for these positions).
        let unpacked;
        let starts = if let Some(starts) = self.line_starts.get() {
            starts
        } else {
            unpacked = unpack_lines(self.packed_lines.as_deref().unwrap_or_default());
            &unpacked
        };
        let known = offsets
            .iter()
            .map(|&offset| {
                let place = self.line_col_by(starts, offset, |from, to| below(to) - below(from));
                (offset, place)
            })
            .collect();
        let _ = self.positions.set(known);
    }

    /// The line and column of `offset` (clamped to the text), given how many continuation
    /// bytes lie between two offsets: the column counts the characters that start between
    /// the line's start and the offset.
    fn line_col_by(
        &self,
        starts: &[u32],
        offset: u32,
        continuations: impl Fn(usize, usize) -> usize,
    ) -> LineCol {
        let offset = (offset as usize).min(self.len());
        let line_index = lines_before_in(starts, offset);
        let line_start = (starts.get(line_index).copied().unwrap_or(0) as usize).min(offset);
        let column = (offset - line_start).saturating_sub(continuations(line_start, offset));
        LineCol {
            line: line_index + 1,
            column: column + 1,
        }
    }

    /// The byte offset of a 1-based line and a 0-based character column.
    #[must_use]
    pub fn offset_of(&self, line: usize, char_column: usize) -> usize {
        let text = self.text();
        let Some(&start) = self.line_starts().get(line.saturating_sub(1)) else {
            return text.len();
        };
        let start = start as usize;
        let rest = text.get(start..).unwrap_or("");
        rest.char_indices()
            .nth(char_column)
            .map_or(text.len(), |(i, _)| start + i)
    }

    /// The text of the 1-based line (without its line break).
    #[must_use]
    pub fn line_text(&self, line: usize) -> &str {
        let text = self.text();
        let Some(&start) = self.line_starts().get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self
            .line_starts()
            .get(line)
            .map_or(text.len(), |&e| e as usize);
        text.get(start as usize..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
}

/// Every file read during a run. Files are added once and never change.
#[derive(Debug, Default)]
pub struct SourceDb {
    /// Shared with the load cache of an incremental run.
    files: Vec<std::sync::Arc<SourceFile>>,
}

impl SourceDb {
    /// An empty database.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file's text; `path` is shown relative to the current folder.
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.push(SourceFile::new(path, text))
    }

    /// Adds a file built beforehand (files are built in parallel, then pushed in order).
    pub fn push(&mut self, file: SourceFile) -> FileId {
        self.push_shared(std::sync::Arc::new(file))
    }

    /// Adds a file another run read (kept by the load cache of an incremental run).
    pub fn push_shared(&mut self, file: std::sync::Arc<SourceFile>) -> FileId {
        let id = FileId::from_index(self.files.len());
        self.files.push(file);
        id
    }

    /// The file behind an id, to share with the next run.
    #[must_use]
    pub fn shared(&self, id: FileId) -> Option<std::sync::Arc<SourceFile>> {
        self.files.get(id.index()).cloned()
    }

    /// The id the next pushed file will get.
    #[must_use]
    pub fn next_id(&self) -> FileId {
        FileId::from_index(self.files.len())
    }

    /// The file behind an id.
    ///
    /// # Panics
    /// Never for an id this database returned.
    #[must_use]
    pub fn file(&self, id: FileId) -> &SourceFile {
        #[expect(clippy::indexing_slicing, reason = "FileIds are only made by `add`")]
        &self.files[id.index()]
    }

    /// Every file, in the order added.
    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId::from_index(i), &**f))
    }

    /// The number of files.
    #[must_use]
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file was added.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Line and column where a span starts.
    #[must_use]
    pub fn start(&self, span: Span) -> LineCol {
        self.file(span.file).line_col(span.start)
    }

    /// Line and column where a span ends (the last character, inclusive, as editors show it).
    #[must_use]
    pub fn end(&self, span: Span) -> LineCol {
        self.file(span.file).line_col(span.end)
    }

    /// The text a span covers.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        self.file(span.file)
            .text()
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

/// A digest of a text, to know a released text again when it is read back.
fn digest(text: &[u8]) -> u64 {
    use std::hash::Hasher as _;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text);
    hasher.finish()
}

/// The path made relative to the current folder when it is under it (kept as it is otherwise).
#[must_use]
pub fn relative_to_cwd(path: &Path) -> PathBuf {
    under_cwd(path).unwrap_or_else(|| path.to_path_buf())
}

/// The path relative to the current folder, when it is an absolute path under it (a relative
/// path is already relative to it: the current folder, which is absolute, is not asked).
fn under_cwd(path: &Path) -> Option<PathBuf> {
    if path.is_relative() {
        return None;
    }
    let cwd = std::env::current_dir().ok()?;
    path.strip_prefix(&cwd).ok().map(Path::to_path_buf)
}

/// The path relative to the current folder when it is under it, with `/` separators.
#[must_use]
pub fn display_path(path: &Path) -> String {
    let relative = relative_to_cwd(path);
    let relative = relative.strip_prefix(".").unwrap_or(&relative);
    let shown = relative.to_string_lossy().replace('\\', "/");
    if shown.is_empty() {
        ".".to_owned()
    } else {
        shown
    }
}

/// The largest plan file alinea reads (real plans are well under 1 MiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What reading a file gave.
#[derive(Debug)]
pub enum ReadOutcome {
    /// The UTF-8 text.
    Text(String),
    /// The bytes are not UTF-8: a lossy copy for snippets, and the offset of the first bad byte in it.
    NotUtf8 {
        /// The text with bad bytes replaced.
        lossy: String,
        /// Byte offset of the first replacement in `lossy`.
        offset: usize,
        /// The first bad byte.
        byte: u8,
    },
    /// The bytes are UTF-16 (a byte order mark, or a zero in every other byte of the start):
    /// the text decoded, for snippets.
    Utf16(String),
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// The file cannot be read.
    Failed(std::io::Error),
}

/// Whether bytes are UTF-16, and little-endian: a byte order mark, or else a zero in every
/// other byte of the first 64 and in none of the others (text in a Latin script, as
/// Excel's and Notepad's "Unicode" saves it). UTF-8 text has no zero bytes.
fn utf16(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some(true),
        [0xFE, 0xFF, ..] => return Some(false),
        _ => {}
    }
    let start = bytes.get(..bytes.len().min(64))?;
    if start.len() < 4 {
        return None;
    }
    let zeros = |skip: usize| start.iter().skip(skip).step_by(2).all(|&b| b == 0);
    let none = |skip: usize| start.iter().skip(skip).step_by(2).all(|&b| b != 0);
    if zeros(1) && none(0) {
        Some(true)
    } else if zeros(0) && none(1) {
        Some(false)
    } else {
        None
    }
}

/// Reads a file, refusing files over the size limit before reading them.
#[must_use]
pub fn read(path: &Path) -> ReadOutcome {
    let bytes = match read_bytes(path) {
        Ok(bytes) => bytes,
        Err(outcome) => return outcome,
    };
    if let Some(little_endian) = utf16(&bytes) {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| match pair {
                [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
                [a, b] => u16::from_be_bytes([*a, *b]),
                _ => 0,
            })
            .collect();
        let text = String::from_utf16_lossy(&units);
        return ReadOutcome::Utf16(text.trim_start_matches('\u{feff}').to_owned());
    }
    match String::from_utf8(bytes) {
        Ok(text) => ReadOutcome::Text(text),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let byte = bytes.get(offset).copied().unwrap_or(0);
            ReadOutcome::NotUtf8 {
                lossy: String::from_utf8_lossy(&bytes).into_owned(),
                offset,
                byte,
            }
        }
    }
}

/// [`read`]'s bytes, or what stopped it from reading them.
fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadOutcome> {
    use std::io::Read as _;
    // One look at the file before opening it: opening a named pipe waits for a writer, so
    // only regular files are opened (discovery already reports the others; this guards
    // `--rules`, `--config` and the like); a file over the limit is refused unread; the
    // buffer takes the file's own size (a growing buffer doubles).
    let mut expected = 0;
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            return Err(ReadOutcome::Failed(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file",
            )));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(ReadOutcome::TooLarge(meta.len()));
        }
        expected = usize::try_from(meta.len()).unwrap_or(0);
    }
    let file = std::fs::File::open(path).map_err(ReadOutcome::Failed)?;
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    // Read one byte past the limit, in case the file grew after `metadata`.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadOutcome::Failed)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadOutcome::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_line_starts_unpack_to_the_same_starts() {
        let text = format!(
            "a\n\n{}\n{}\nñandú\nlast",
            "x".repeat(200),
            "y".repeat(20_000)
        );
        let end = u32::try_from(text.len()).unwrap_or(u32::MAX);
        let mut file = SourceFile::new(PathBuf::from("none.yaml"), text.clone());
        let starts = file.line_starts().to_vec();
        let offsets = [0, 2, 3, 210, 10_300, end];
        let places: Vec<LineCol> = offsets
            .iter()
            .map(|&offset| file.line_col(offset))
            .collect();
        assert_eq!(
            unpack_lines(&pack_lines(&starts)),
            starts.into_boxed_slice()
        );
        file.release();
        assert!(file.packed_lines.is_some());
        file.remember_positions(&mut offsets.to_vec());
        // The file is not on disk: its places are found without reading it back.
        for (offset, place) in offsets.iter().zip(&places) {
            assert_eq!(file.line_col(*offset), *place);
        }
        assert!(file.text.get().is_none());
        assert_eq!(file.lines_before(10_300), 3);
        assert_eq!(
            continuation_offsets("añ€".as_bytes()),
            vec![2, 4, 5],
            "the bytes after a character's first"
        );
        // Across blocks of 32 bytes and their words, and in the bytes after the last block.
        let long = "ñ".repeat(50) + &"x".repeat(300) + "€𝄞" + &"y".repeat(29) + "é";
        let offsets = continuation_offsets(long.as_bytes());
        let expected: Vec<u32> = (0_u32..)
            .zip(long.bytes())
            .filter(|(_, byte)| byte & 0xC0 == 0x80)
            .map(|(at, _)| at)
            .collect();
        assert_eq!(offsets, expected);
        assert_eq!(
            unpack_gaps(&pack_gaps(offsets.iter().copied(), 0), None).to_vec(),
            offsets
        );
    }

    #[test]
    fn columns_count_characters_whether_the_text_is_kept_released_or_read_back() {
        // Columns count characters: after 2-, 3- and 4-byte characters, and at an offset
        // inside one (the characters that start before it). A released file gives the same
        // places as the text kept in memory, before and after it is read back from disk.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.yaml");
        let text = "ñandú: 1\n  año: ü€𝄞x\n\nlast: é".to_owned();
        std::fs::write(&path, &text).unwrap();
        let end = u32::try_from(text.len()).unwrap();
        let kept = SourceFile::new(path.clone(), text.clone());
        let places: Vec<LineCol> = (0..=end).map(|offset| kept.line_col(offset)).collect();
        let euro = u32::try_from(text.find('€').unwrap()).unwrap();
        // `  año: ü€𝄞x`: `€` is the ninth character, `𝄞` the tenth, `x` the eleventh.
        assert_eq!(kept.line_col(euro), LineCol { line: 2, column: 9 });
        assert_eq!(
            kept.line_col(euro + 1),
            LineCol {
                line: 2,
                column: 10
            }
        );
        assert_eq!(
            kept.line_col(euro + 3),
            LineCol {
                line: 2,
                column: 10
            }
        );
        assert_eq!(
            kept.line_col(euro + 7),
            LineCol {
                line: 2,
                column: 11
            }
        );
        let mut released = SourceFile::new(path, text.clone());
        released.release();
        released.remember_positions(&mut (0..=end).collect());
        for (offset, place) in (0..=end).zip(&places) {
            assert_eq!(released.line_col(offset), *place, "offset {offset}");
        }
        assert!(released.text.get().is_none(), "not read back for places");
        // Read back (as a report that shows the text does), it gives the same places.
        assert_eq!(released.text(), text);
        assert!(!released.changed_on_disk());
        for (offset, place) in (0..=end).zip(&places) {
            assert_eq!(released.line_col(offset), *place, "offset {offset}");
        }
    }
}
