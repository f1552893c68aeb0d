//! Inputs -> documents: text and Markdown files, directories (walked in sorted order), JSONL
//! files (one article a line), and standard input; with a clear error for each bad input.
//! [`stream`] gives them one at a time, in memory that does not grow with the input;
//! [`read_inputs`] collects them. With [`ReadOptions::lossy`], text that is not valid UTF-8 is
//! read with U+FFFD replacement characters, and a warning names it.

mod jsonl;
mod normalize;

pub use normalize::Normalized;

use crate::bytescan::NEWLINE;
use jsonl::{quick_article, JsonlArticle};
use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

/// One article as read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The JSONL `id`, else the path as given (`-` for standard input).
    pub id: String,
    /// The file it came from, as given; `None` for standard input.
    pub path: Option<String>,
    /// The text exactly as read (a BOM, CRLF line ends and NFD text kept as they are).
    pub text: String,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The JSONL line it came from.
    pub line: Option<u64>,
}

impl Document {
    /// A document from a string, with the date taken from a `date YYYY-MM-DD` first line when
    /// it is a calendar date ([`is_calendar_date`]; the line is the header either way).
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let date = date_header(&text)
            .map(|(date, _)| date)
            .filter(|date| is_calendar_date(date))
            .map(str::to_string);
        Document {
            id: id.into(),
            text,
            date,
            ..Document::default()
        }
    }

    /// Byte offset where the article proper starts: after a BOM and a `date YYYY-MM-DD` line.
    pub fn body_start(&self) -> usize {
        date_header(&self.text).map_or(0, |(_, end)| end)
    }
}

/// `date YYYY-MM-DD` at the very start (white space and a BOM allowed before it): the date and
/// the byte offset just past the header and the white space after it.
pub fn date_header(text: &str) -> Option<(&str, usize)> {
    let lead = text.len()
        - text
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .len();
    let rest = &text[lead..];
    let after = rest.strip_prefix("date")?;
    let trimmed = after.trim_start_matches([' ', '\t', ':']);
    if trimmed.len() == after.len() {
        return None;
    }
    let date = trimmed.get(..10)?;
    let b = date.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    if !shape {
        return None;
    }
    let tail = &trimmed[10..];
    if tail.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    let body = tail.trim_start();
    Some((date, text.len() - body.len()))
}

/// Whether `date` is a day of the calendar written `YYYY-MM-DD` (the report's `date`): no
/// month 13, no February 30, no 29 February out of leap years.
pub fn is_calendar_date(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The warning for a date that is no calendar date: the document is read without one.
fn not_a_date(input: &str, line: u64, date: &str) -> InputError {
    error(
        input,
        Some(line),
        format!("not a date YYYY-MM-DD: {date}; the document is read without a date"),
    )
}

/// A `date` header line whose date is no calendar date: the warning, at its line.
fn header_date_warning(name: &str, text: &str) -> Option<InputError> {
    let (date, _) = date_header(text)?;
    if is_calendar_date(date) {
        return None;
    }
    let at = date.as_ptr() as usize - text.as_ptr() as usize;
    Some(not_a_date(
        name,
        line_of(text.as_bytes(), at),
        &format!("{date:?}"),
    ))
}

/// A problem with one input: which input, which line (JSONL), what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    pub input: String,
    pub line: Option<u64>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.input, line, self.message),
            None => write!(f, "{}: {}", self.input, self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// What reading the inputs gave: documents in input order, and the inputs that failed.
#[derive(Debug, Default)]
pub struct Inputs {
    pub documents: Vec<Document>,
    pub errors: Vec<InputError>,
    /// Documents read with replacement characters ([`ReadOptions::lossy`]) or without their
    /// date (not a calendar date), and files of a walk not read (not regular files, links
    /// back to a directory walked): in input order.
    pub warnings: Vec<InputError>,
    /// Files met while walking a directory that are not articles (not `.txt` or `.md`), but
    /// for those also named as inputs.
    pub skipped: Vec<String>,
}

impl Extend<Item> for Inputs {
    fn extend<I: IntoIterator<Item = Item>>(&mut self, items: I) {
        for item in items {
            match item {
                Item::Document(d) => self.documents.push(d),
                Item::Error(e) => self.errors.push(e),
                Item::Warning(w) => self.warnings.push(w),
                Item::Skipped(s) => self.skipped.push(s),
            }
        }
    }
}

impl FromIterator<Item> for Inputs {
    fn from_iter<I: IntoIterator<Item = Item>>(items: I) -> Inputs {
        let mut out = Inputs::default();
        out.extend(items);
        out
    }
}

/// One item of the input stream, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A document to analyze.
    Document(Document),
    /// An input, a JSONL line or a document that could not be read or was refused.
    Error(InputError),
    /// A document read with replacement characters ([`ReadOptions::lossy`]): where its first
    /// invalid UTF-8 is and how many invalid sequences were replaced; or read without its
    /// date, which is no calendar date. The document itself is the next item but for more
    /// such warnings. Or, alone, a file of a directory walk that is not read: not a regular
    /// file (a named pipe, a socket, a device), or a link back to a directory walked.
    Warning(InputError),
    /// A file met while walking a directory that is not an article (not `.txt` or `.md`),
    /// unless it is also named as an input.
    Skipped(String),
}

/// The default largest document: larger ones are reported, not analyzed.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// How much longer than the document limit a JSONL line may be (its other fields, JSON
/// escapes) before it is reported and skipped without being held in memory.
const JSONL_LINE_SLACK: usize = 1024 * 1024;

/// How to read the inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// The largest document, in bytes: larger ones are errors, not documents.
    pub max_bytes: usize,
    /// Read text that is not valid UTF-8 with U+FFFD for each invalid sequence (as
    /// [`String::from_utf8_lossy`] does), the document preceded by an [`Item::Warning`],
    /// instead of refusing it. A text file, standard input as text, or a JSONL line (decoded
    /// before it is parsed). A NUL byte still makes a text input a binary file, an error.
    pub lossy: bool,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            max_bytes: MAX_DOCUMENT_BYTES,
            lossy: false,
        }
    }
}

/// Reads every input (files, directories, `-`) in the order given, with the default limit.
pub fn read_inputs(inputs: &[String]) -> Inputs {
    read_inputs_with(inputs, MAX_DOCUMENT_BYTES)
}

/// Reads every input; a document over `max_bytes` is an error naming the input (and line).
/// This is [`stream`] collected, so every document is in memory at once.
pub fn read_inputs_with(inputs: &[String], max_bytes: usize) -> Inputs {
    stream(inputs, max_bytes).collect()
}

/// Streams the documents of `inputs` (files, directories walked in sorted order, JSONL files,
/// `-` for standard input) one at a time, in the same order and with exactly the same
/// documents, errors and skipped entries as [`read_inputs_with`] gives.
///
/// Nothing is read before the iterator reaches it: a text file is read whole (it is one
/// document, at most `max_bytes`), a JSONL file or JSONL on standard input one line at a time,
/// and a JSONL line longer than `max_bytes` plus 1 MiB is reported and skipped unread. So
/// memory holds one document at a time, a directory's file names, and the ids seen so far: a
/// document whose id was already given is an error naming both places, not a document.
///
/// Text that is not valid UTF-8 is an error; [`stream_with`] can read it lossily instead.
pub fn stream(inputs: &[String], max_bytes: usize) -> Stream {
    stream_with(
        inputs,
        &ReadOptions {
            max_bytes,
            lossy: false,
        },
    )
}

/// [`stream`] with options: with [`ReadOptions::lossy`], a text input or JSONL line that is
/// not valid UTF-8 is read with replacement characters and given as an [`Item::Warning`]
/// naming it (file, line, byte offset, how many invalid sequences), then its
/// [`Item::Document`]. A warning is always followed by its document: when the document is
/// refused after all (over the limit, a duplicate id), only the error is given.
pub fn stream_with(inputs: &[String], options: &ReadOptions) -> Stream {
    Stream::new(inputs.to_vec(), options)
}

/// The inputs read one document at a time, in input order: see [`stream_with`].
pub struct Stream {
    inputs: std::vec::IntoIter<String>,
    max_bytes: usize,
    lossy: bool,
    /// Items ready to go: a text input's document or error, a directory's listing errors.
    pending: VecDeque<ReadItem>,
    /// The items to give after the warning just given: more warnings, then their document.
    warned: VecDeque<Item>,
    /// The files of the directory being walked, sorted, not yet read.
    files: std::vec::IntoIter<PathBuf>,
    /// The JSONL input being read.
    jsonl: Option<JsonlLines<Box<dyn BufRead + Send>>>,
    /// Each document id given so far, and where: the input (`-` for standard input), the line.
    /// SipHash (std's), not FxHash: the ids are the input's, and a file of ids made to collide
    /// would make an Fx map's look-ups linear.
    seen: HashMap<String, (String, Option<u64>)>,
    /// The bytes of input read so far.
    read: BytesRead,
    /// The files named as inputs, found when a walk first skips a file: a file named is not
    /// said to be skipped.
    named: Option<std::collections::HashSet<FileId>>,
    /// Every input as given.
    given: Vec<String>,
}

impl Iterator for Stream {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if let Some(item) = self.warned.pop_front() {
            return Some(item);
        }
        let (warnings, item) = self.next_read()?;
        let item = match item {
            Item::Document(doc) => self.admit(doc),
            other => other,
        };
        if warnings.is_empty() || !matches!(item, Item::Document(_)) {
            return Some(item);
        }
        self.warned.extend(warnings.into_iter().map(Item::Warning));
        self.warned.push_back(item);
        self.warned.pop_front()
    }
}

impl std::iter::FusedIterator for Stream {}

impl fmt::Debug for Stream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stream")
            .field("inputs_left", &self.inputs.as_slice())
            .field("max_bytes", &self.max_bytes)
            .field("lossy", &self.lossy)
            .field("pending", &self.pending)
            .field("warned", &self.warned)
            .field("files_left", &self.files.len())
            .field("jsonl", &self.jsonl.as_ref().map(|j| (&j.name, j.line)))
            .field("ids_seen", &self.seen.len())
            .field("bytes_read", &self.read.get())
            .finish()
    }
}

impl Stream {
    fn new(inputs: Vec<String>, options: &ReadOptions) -> Stream {
        Stream {
            given: inputs.clone(),
            inputs: inputs.into_iter(),
            max_bytes: options.max_bytes,
            lossy: options.lossy,
            pending: VecDeque::new(),
            warned: VecDeque::new(),
            files: Vec::new().into_iter(),
            jsonl: None,
            seen: HashMap::new(),
            read: BytesRead::default(),
            named: None,
        }
    }

    /// How many bytes of input the stream has read so far, kept up to date as it reads on: for
    /// a progress display. Once the stream is done it is [`total_bytes`] of its inputs (when
    /// they did not change meanwhile).
    pub fn bytes_read(&self) -> BytesRead {
        self.read.clone()
    }

    /// The next item as read, before the size and duplicate checks, with its warning; opens
    /// inputs as needed.
    fn next_read(&mut self) -> Option<ReadItem> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if let Some(lines) = &mut self.jsonl {
                match lines.next() {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            if let Some(file) = self.files.next() {
                let name = file.display().to_string();
                if !is_article_file(&file) {
                    if self.is_named(&file) {
                        continue;
                    }
                    return Some((Vec::new(), Item::Skipped(name)));
                }
                return Some(read_text_file(
                    &name,
                    self.max_bytes,
                    self.lossy,
                    true,
                    &self.read,
                ));
            }
            let input = self.inputs.next()?;
            self.open(input);
        }
    }

    /// Starts reading one input: queues its items, or sets up its walk or its JSONL lines.
    fn open(&mut self, input: String) {
        if input == "-" {
            self.open_stdin(BufReader::new(self.read.counting(std::io::stdin())));
            return;
        }
        let path = Path::new(&input);
        let kind = NamedKind::of(path);
        let read = match std::fs::metadata(path) {
            Err(e) => io_failure(&input, &e),
            Ok(meta) if meta.is_dir() => {
                let walk = walk(path);
                let errors = walk.errors.into_iter().map(Item::Error);
                let warnings = walk.warnings.into_iter().map(Item::Warning);
                self.pending
                    .extend(errors.chain(warnings).map(|item| (Vec::new(), item)));
                self.files = walk.files.into_iter();
                return;
            }
            Ok(meta) if kind == NamedKind::Json => {
                // Done with, for the progress display's count of bytes read.
                self.read.add(meta.len());
                (
                    Vec::new(),
                    Item::Error(error(
                        &input,
                        None,
                        "a JSON file, not read: give articles as JSONL (one object a line) or \
                     text; a claimgraph report goes to `claimgraph merge`"
                            .into(),
                    )),
                )
            }
            Ok(meta) if kind != NamedKind::Text => match File::open(path) {
                Ok(file) => {
                    let reader = BufReader::with_capacity(64 * 1024, self.read.counting(file));
                    let jsonl = kind == NamedKind::Jsonl;
                    let before = self.read.get();
                    match sniff(reader, line_limit(self.max_bytes), jsonl) {
                        Ok((true, reader)) => {
                            self.open_jsonl(&input, Some(&input), Box::new(reader));
                            return;
                        }
                        Ok((false, _)) if meta.len() > self.max_bytes as u64 => {
                            // Not read further, but done with.
                            let sniffed = self.read.get() - before;
                            self.read.add(meta.len().saturating_sub(sniffed));
                            too_big_file(&input, meta.len(), self.max_bytes)
                        }
                        Ok((false, reader)) => {
                            match read_capped(
                                &input,
                                reader,
                                self.max_bytes,
                                self.lossy,
                                meta.len(),
                            ) {
                                Ok(capped) => capped.into_item(&input, self.max_bytes, self.lossy),
                                Err(e) => io_failure(&input, &e),
                            }
                        }
                        Err(e) => io_failure(&input, &e),
                    }
                }
                Err(e) => io_failure(&input, &e),
            },
            Ok(meta) if meta.len() > self.max_bytes as u64 => {
                // Not read, but done with.
                self.read.add(meta.len());
                too_big_file(&input, meta.len(), self.max_bytes)
            }
            Ok(_) => read_text_file(&input, self.max_bytes, self.lossy, false, &self.read),
        };
        self.pending.push_back(read);
    }

    /// Standard input (or, in tests, a stand-in): JSONL when its first non-white-space byte
    /// is `{`, else one document.
    fn open_stdin<R: BufRead + Send + 'static>(&mut self, reader: R) {
        let cannot_read = |e: std::io::Error| error("-", None, format!("cannot read: {e}"));
        let read = match sniff(reader, line_limit(self.max_bytes), false) {
            Err(e) => (Vec::new(), Item::Error(cannot_read(e))),
            Ok((true, reader)) => {
                self.open_jsonl("-", None, Box::new(reader));
                return;
            }
            Ok((false, reader)) => match read_capped("-", reader, self.max_bytes, self.lossy, 0) {
                Err(e) => (Vec::new(), Item::Error(cannot_read(e))),
                Ok(capped) => capped.into_item("-", self.max_bytes, self.lossy),
            },
        };
        self.pending.push_back(read);
    }

    /// Starts reading JSONL: `name` as the input is given, `path` the documents' path.
    fn open_jsonl(&mut self, name: &str, path: Option<&str>, reader: Box<dyn BufRead + Send>) {
        self.jsonl = Some(JsonlLines::new(
            name,
            path,
            reader,
            self.max_bytes,
            self.lossy,
        ));
    }

    /// Whether `file` is also named as an input (found by its [`FileId`]).
    fn is_named(&mut self, file: &Path) -> bool {
        if self.named.as_ref().is_some_and(|named| named.is_empty()) {
            // No input is a regular file: the skipped file is not looked at.
            return false;
        }
        let inputs = &self.given;
        let named = self.named.get_or_insert_with(|| {
            inputs
                .iter()
                .filter_map(|i| {
                    std::fs::metadata(i)
                        .ok()
                        .filter(|m| m.is_file())
                        .map(|m| (i, m))
                })
                .filter_map(|(i, m)| file_id(Path::new(i), &m))
                .collect()
        });
        std::fs::metadata(file)
            .ok()
            .and_then(|m| file_id(file, &m))
            .is_some_and(|id| named.contains(&id))
    }

    /// A document as read -> the document, or an error when it is over the limit or its id
    /// was given before.
    fn admit(&mut self, doc: Document) -> Item {
        let size = doc.text.len();
        if size > self.max_bytes {
            return Item::Error(error(
                doc.path.as_deref().unwrap_or(&doc.id),
                doc.line,
                too_big(size as u64, self.max_bytes, Some(&doc.id)),
            ));
        }
        let input = doc.path.as_deref().unwrap_or("-");
        // The id hashed once, whether it is new (the common case) or given before.
        match self.seen.entry(doc.id.clone()) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let (first, first_line) = first.get();
                let at = match first_line {
                    Some(line) => format!("{first}:{line}"),
                    None => first.clone(),
                };
                Item::Error(error(
                    input,
                    doc.line,
                    format!("duplicate document id {:?} (first at {at})", doc.id),
                ))
            }
            std::collections::hash_map::Entry::Vacant(new) => {
                new.insert((input.to_string(), doc.line));
                Item::Document(doc)
            }
        }
    }
}

/// A file named as an input that is over the limit, refused unread.
fn too_big_file(input: &str, size: u64, max_bytes: usize) -> ReadItem {
    (
        Vec::new(),
        Item::Error(error(input, None, too_big(size, max_bytes, None))),
    )
}

fn too_big(size: u64, max_bytes: usize, id: Option<&str>) -> String {
    let what = id.map_or("file".to_string(), |id| format!("document {id:?}"));
    format!("{what} is {size} bytes, over the limit of {max_bytes} (raise it with --max-document-bytes)")
}

/// An item as read, and the warnings to give before it when it is a document: read lossily, a
/// date that is no calendar date.
type ReadItem = (Vec<InputError>, Item);

/// The longest JSONL line read whole.
fn line_limit(max_bytes: usize) -> usize {
    max_bytes.saturating_add(JSONL_LINE_SLACK)
}

/// What a walk of a directory found: its files (not hidden ones), sorted; the errors listing
/// it; what it did not read and why (files that are not regular files, links back to a
/// directory walked).
#[derive(Debug, Default)]
struct Walk {
    errors: Vec<InputError>,
    warnings: Vec<InputError>,
    files: Vec<PathBuf>,
}

/// Walks `dir`, following symbolic links, each directory once: a link to a directory already
/// walked (a loop, or a second way to the same one) is a warning, not walked again. A file
/// with an article's name (`.txt`, `.md`) that is not a regular file (a named pipe, a
/// socket, a device) is a warning too: reading it could wait for ever.
fn walk(dir: &Path) -> Walk {
    let mut walk = Walk::default();
    let mut walked: HashMap<FileId, PathBuf> = HashMap::new();
    if let Some(id) = std::fs::metadata(dir).ok().and_then(|m| file_id(dir, &m)) {
        walked.insert(id, dir.to_path_buf());
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                walk.errors
                    .push(error(&d.display().to_string(), None, io_message(&e)));
                continue;
            }
        };
        for entry in entries.flatten() {
            let p = entry.path();
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            // Followed when a link; a link to nothing is a file (its reading says so).
            let meta = match entry.file_type() {
                Ok(t) if !t.is_symlink() => entry.metadata(),
                _ => std::fs::metadata(&p),
            };
            let Ok(meta) = meta else {
                walk.files.push(p);
                continue;
            };
            if meta.is_dir() {
                let Some(id) = file_id(&p, &meta) else {
                    stack.push(p);
                    continue;
                };
                match walked.entry(id) {
                    std::collections::hash_map::Entry::Occupied(first) => {
                        let message = format!(
                            "a link to the directory {}, already walked: not walked again",
                            first.get().display()
                        );
                        walk.warnings
                            .push(error(&p.display().to_string(), None, message));
                    }
                    std::collections::hash_map::Entry::Vacant(new) => {
                        new.insert(p.clone());
                        stack.push(p);
                    }
                }
            } else if meta.is_file() || !is_article_file(&p) {
                walk.files.push(p);
            } else {
                let message = format!("not a regular file ({}): not read", file_kind(&meta));
                walk.warnings
                    .push(error(&p.display().to_string(), None, message));
            }
        }
    }
    walk.files.sort();
    walk.warnings.sort_by(|a, b| a.input.cmp(&b.input));
    walk
}

/// What a file that is not a regular file or a directory is, in words.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = meta;
    "not a file or directory"
}

/// What tells one file (or directory) from another whatever the path to it: its device and
/// inode on Unix, its canonical path elsewhere.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

/// The [`FileId`] of the file at `path` whose metadata (links followed) is `meta`.
#[cfg(unix)]
fn file_id(_path: &Path, meta: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}
#[cfg(not(unix))]
fn file_id(path: &Path, _meta: &std::fs::Metadata) -> Option<FileId> {
    std::fs::canonicalize(path).ok()
}

/// The [`FileId`] of standard input when it is a file (redirected from one).
#[cfg(unix)]
fn stdin_id() -> Option<FileId> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    let meta = File::from(fd).metadata().ok()?;
    file_id(Path::new("-"), &meta)
}
#[cfg(not(unix))]
fn stdin_id() -> Option<FileId> {
    None
}

/// The input of `inputs` (as [`stream`] names it: `-`, a file as named, a file of a directory
/// walk) that is the existing file `target`, if any: writing `target` would destroy that
/// input. Directories are walked to know (as [`total_bytes`] does).
pub fn input_that_is(inputs: &[String], target: &Path) -> Option<String> {
    let meta = std::fs::metadata(target).ok()?;
    let id = file_id(target, &meta)?;
    let is = |p: &Path| {
        std::fs::metadata(p)
            .ok()
            .and_then(|m| file_id(p, &m))
            .is_some_and(|i| i == id)
    };
    inputs.iter().find_map(|input| {
        let path = Path::new(input);
        let found = if input == "-" {
            stdin_id().is_some_and(|i| i == id)
        } else if path.is_dir() {
            let walk = walk(path);
            let file = walk.files.into_iter().find(|f| is_article_file(f) && is(f));
            return file.map(|f| f.display().to_string());
        } else {
            is(path)
        };
        found.then(|| input.clone())
    })
}

/// The size in bytes of what [`stream`] would read of `inputs`: files as named, and the
/// `.txt` and `.md` files of directories; `None` when standard input is among them. For a
/// progress display's total: directories are walked once more to add it up.
pub fn total_bytes(inputs: &[String]) -> Option<u64> {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let mut total = 0;
    for input in inputs {
        if input == "-" {
            return None;
        }
        let path = Path::new(input);
        total += if path.is_dir() {
            walk(path)
                .files
                .iter()
                .filter(|f| is_article_file(f))
                .map(|f| size(f))
                .sum()
        } else {
            size(path)
        };
    }
    Some(total)
}

/// A count of bytes read, shared: a [`Stream`] adds what it reads, a progress display reads
/// it from another place (or thread).
#[derive(Debug, Clone, Default)]
pub struct BytesRead(std::sync::Arc<std::sync::atomic::AtomicU64>);

impl BytesRead {
    /// The bytes read so far.
    pub fn get(&self) -> u64 {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn add(&self, n: u64) {
        self.0.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
    }

    /// `reader`, adding each read's size to this count: one atomic addition a read, so give
    /// it a buffered reader's large reads.
    pub fn counting<R: Read>(&self, reader: R) -> Counting<R> {
        Counting {
            reader,
            read: self.clone(),
        }
    }
}

/// A reader that counts what it reads ([`BytesRead::counting`]).
#[derive(Debug)]
pub struct Counting<R> {
    reader: R,
    read: BytesRead,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.reader.read(buf)?;
        self.read.add(n as u64);
        Ok(n)
    }
}

/// How a file named as an input is read, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NamedKind {
    /// `.txt`, `.md`: one article.
    Text,
    /// `.jsonl`, `.ndjson`, in any case: one article a line.
    Jsonl,
    /// `.json`, in any case: refused (a JSON file is not JSONL, and a report is no article).
    Json,
    /// Any other name: JSONL when it starts with `{` (after a BOM and white space), else one
    /// article, as standard input.
    Other,
}

impl NamedKind {
    fn of(path: &Path) -> NamedKind {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if is_article_file(path) {
            NamedKind::Text
        } else if ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson") {
            NamedKind::Jsonl
        } else if ext.eq_ignore_ascii_case("json") {
            NamedKind::Json
        } else {
            NamedKind::Other
        }
    }
}

/// Files a directory walk reads: `.txt` and `.md`, in any case. JSONL files are read when
/// named.
fn is_article_file(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// A text file -> one document (with a warning when read lossily), or an error. A file met in
/// a directory walk (`walked`) that is over the limit is not read into memory, only scanned
/// for the error to give.
fn read_text_file(
    name: &str,
    max_bytes: usize,
    lossy: bool,
    walked: bool,
    read: &BytesRead,
) -> ReadItem {
    let file = match File::open(name) {
        Ok(f) => f,
        Err(e) => return io_failure(name, &e),
    };
    let size = file.metadata().map_or(0, |m| m.len());
    let file = read.counting(file);
    let read = if walked && size > max_bytes as u64 {
        scan_over(name, Vec::new(), file, lossy)
    } else {
        read_capped(name, file, max_bytes, lossy, size)
    };
    match read {
        Err(e) => io_failure(name, &e),
        Ok(capped) => capped.into_item(name, max_bytes, lossy),
    }
}

/// What [`read_capped`] read: all of it, or for an input over the limit the error decoding
/// all of it would give, else its size.
enum Capped {
    Whole(Vec<u8>),
    Bad(InputError),
    Over(u64),
}

impl Capped {
    /// The document named `name` (its id, and its path unless it is standard input) with its
    /// warning when read lossily, or the error: the same as decoding the whole input and then
    /// checking its size (for an input over the limit, its size as read, before any U+FFFD).
    fn into_item(self, name: &str, max_bytes: usize, lossy: bool) -> ReadItem {
        match self {
            Capped::Whole(bytes) => match decode(name, bytes, lossy) {
                Ok((text, warning)) => {
                    let mut doc = Document::from_text(name, text);
                    doc.path = (name != "-").then(|| name.to_string());
                    let warnings = warning
                        .into_iter()
                        .chain(header_date_warning(name, &doc.text))
                        .collect();
                    (warnings, Item::Document(doc))
                }
                Err(e) => (Vec::new(), Item::Error(e)),
            },
            Capped::Bad(e) => (Vec::new(), Item::Error(e)),
            Capped::Over(size) => (
                Vec::new(),
                Item::Error(error(name, None, too_big(size, max_bytes, Some(name)))),
            ),
        }
    }
}

/// Reads all of `reader` if it is at most `max_bytes`, else scans the rest without keeping it.
/// `hint` is the expected size, to allocate once.
fn read_capped<R: Read>(
    name: &str,
    mut reader: R,
    max_bytes: usize,
    lossy: bool,
    hint: u64,
) -> std::io::Result<Capped> {
    let cap = (max_bytes as u64).saturating_add(1);
    let mut bytes = Vec::with_capacity(hint.min(cap) as usize);
    (&mut reader).take(cap).read_to_end(&mut bytes)?;
    if bytes.len() <= max_bytes {
        return Ok(Capped::Whole(bytes));
    }
    scan_over(name, bytes, reader, lossy)
}

/// An input over the limit, `head` then the rest of `reader`, read a piece at a time: the error
/// [`decode`] would give for the whole of it, else its size.
fn scan_over<R: Read>(
    name: &str,
    head: Vec<u8>,
    mut reader: R,
    lossy: bool,
) -> std::io::Result<Capped> {
    let mut scan = Scan {
        lossy,
        ..Scan::default()
    };
    if let Some(e) = scan.feed(name, &head) {
        return Ok(Capped::Bad(e));
    }
    drop(head);
    let mut chunk = vec![0; 64 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if let Some(e) = scan.feed(name, &chunk[..n]) {
            return Ok(Capped::Bad(e));
        }
    }
    Ok(scan.finish(name))
}

/// [`decode`] a piece at a time: a NUL byte anywhere wins, else the first bad UTF-8 (unless
/// `lossy`).
#[derive(Default)]
struct Scan {
    /// Bad UTF-8 is no error: only a NUL byte is.
    lossy: bool,
    /// Bytes fed so far.
    pos: u64,
    /// Line breaks fed so far.
    breaks: u64,
    /// The start of a UTF-8 sequence cut at the end of the last piece (at most 3 bytes).
    carry: Vec<u8>,
    bad_utf8: Option<InputError>,
}

impl Scan {
    /// Takes the next piece; gives the error for a NUL byte in it.
    fn feed(&mut self, name: &str, piece: &[u8]) -> Option<InputError> {
        if let Some(at) = piece.iter().position(|&b| b == 0) {
            let line = self.breaks + line_of(piece, at);
            return Some(binary_error(name, self.pos + at as u64, line));
        }
        if !self.lossy && self.bad_utf8.is_none() {
            // The carried bytes are not line breaks, so lines count from the piece's start.
            let start = self.pos - self.carry.len() as u64;
            let joined;
            let data = if self.carry.is_empty() {
                piece
            } else {
                let mut j = std::mem::take(&mut self.carry);
                j.extend_from_slice(piece);
                joined = j;
                &joined[..]
            };
            if let Err(e) = std::str::from_utf8(data) {
                let at = e.valid_up_to();
                if e.error_len().is_some() {
                    let line = self.breaks + line_of(data, at);
                    self.bad_utf8 = Some(utf8_error(name, start + at as u64, line));
                } else {
                    self.carry = data[at..].to_vec();
                }
            }
        }
        self.breaks += piece.iter().filter(|&&b| b == b'\n').count() as u64;
        self.pos += piece.len() as u64;
        None
    }

    /// The end of the input: its first bad UTF-8 (a cut sequence at the end counts), else
    /// its size.
    fn finish(self, name: &str) -> Capped {
        match self.bad_utf8 {
            Some(e) => Capped::Bad(e),
            None if !self.carry.is_empty() => {
                let at = self.pos - self.carry.len() as u64;
                Capped::Bad(utf8_error(name, at, self.breaks + 1))
            }
            None => Capped::Over(self.pos),
        }
    }
}

/// A reader with the white space [`sniff`] read put back in front.
type Unread<R> = std::io::Chain<Cursor<Vec<u8>>, R>;

/// The UTF-8 byte order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Whether `reader` starts, after a BOM and white space, with `{` (JSONL), and the reader with
/// what was read put back: all of it for text, the BOM left out for JSONL (it is before the
/// JSON, not in it). With `jsonl`, it is JSONL whatever it starts with. Gives up (not JSONL)
/// after `cap` bytes of white space.
fn sniff<R: BufRead>(mut reader: R, cap: usize, jsonl: bool) -> std::io::Result<(bool, Unread<R>)> {
    let mut prefix = Vec::new();
    // How much of a BOM starts the input.
    let mut bom = 0;
    let brace = loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break false;
        }
        let mut at = 0;
        while at < buf.len() && prefix.len() + at == bom && bom < BOM.len() && buf[at] == BOM[bom] {
            bom += 1;
            at += 1;
        }
        match buf[at..].iter().position(|b| !b.is_ascii_whitespace()) {
            Some(more) => {
                let at = at + more;
                let first = buf[at];
                prefix.extend_from_slice(&buf[..at]);
                reader.consume(at);
                break first == b'{';
            }
            None => {
                let n = buf.len();
                prefix.extend_from_slice(buf);
                reader.consume(n);
                if prefix.len() > cap {
                    break false;
                }
            }
        }
    };
    let whole_bom = bom == BOM.len();
    let jsonl = jsonl || (brace && (bom == 0 || whole_bom));
    if jsonl && whole_bom {
        prefix.drain(..BOM.len());
    }
    Ok((jsonl, Cursor::new(prefix).chain(reader)))
}

/// Bytes -> text, or an error naming the byte offset (and line) of the first bad byte. With
/// `lossy`, bad UTF-8 is read with U+FFFD, and the warning names where and how much.
fn decode(
    name: &str,
    bytes: Vec<u8>,
    lossy: bool,
) -> Result<(String, Option<InputError>), InputError> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(binary_error(name, at as u64, line_of(&bytes, at)));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let mut found = utf8_error(name, at as u64, line_of(e.as_bytes(), at));
            if !lossy {
                return Err(found);
            }
            let (text, replaced) = replace_invalid(e.as_bytes());
            found.message.push_str(&replaced_note(replaced));
            Ok((text, Some(found)))
        }
    }
}

/// [`String::from_utf8_lossy`], and how many invalid sequences it replaced with U+FFFD.
fn replace_invalid(bytes: &[u8]) -> (String, usize) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            replaced += 1;
        }
    }
    (text, replaced)
}

/// What a warning adds to the message of the error it stands for.
fn replaced_note(replaced: usize) -> String {
    let sequences = if replaced == 1 {
        "sequence"
    } else {
        "sequences"
    };
    format!(": {replaced} invalid {sequences} replaced with U+FFFD (--lossy)")
}

fn binary_error(name: &str, at: u64, line: u64) -> InputError {
    error(
        name,
        Some(line),
        format!("binary file (NUL byte at byte offset {at}), not text"),
    )
}

fn utf8_error(name: &str, at: u64, line: u64) -> InputError {
    error(
        name,
        Some(line),
        format!("not valid UTF-8 at byte offset {at}"),
    )
}

fn line_of(bytes: &[u8], at: usize) -> u64 {
    1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64
}

/// The articles of a JSONL input, one line at a time, each a document or an error naming the
/// line; blank lines are skipped. A line over `limit` bytes is an error, skipped unread.
struct JsonlLines<R> {
    reader: R,
    /// The input as given (`-` for standard input).
    name: String,
    /// The documents' path: the input, `None` for standard input.
    path: Option<String>,
    limit: usize,
    /// Lines that are not valid UTF-8 are read with U+FFFD, with a warning.
    lossy: bool,
    /// The number of the line last read.
    line: u64,
    /// The line being read, reused from line to line.
    buf: Vec<u8>,
    /// Set at the end of the input or on a read error.
    done: bool,
}

impl<R: BufRead> JsonlLines<R> {
    fn new(
        name: &str,
        path: Option<&str>,
        reader: R,
        max_bytes: usize,
        lossy: bool,
    ) -> JsonlLines<R> {
        JsonlLines {
            reader,
            name: name.to_string(),
            path: path.map(str::to_string),
            limit: line_limit(max_bytes),
            lossy,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn fail(&mut self, e: std::io::Error) -> ReadItem {
        self.done = true;
        (
            Vec::new(),
            Item::Error(error(
                &self.name,
                Some(self.line),
                format!("cannot read: {e}"),
            )),
        )
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        while !self.done {
            self.line += 1;
            self.buf.clear();
            // A line is read up to `limit + 1` bytes, its line break counted. One that lies
            // whole in the reader's buffer is read there, uncopied.
            let most = self.limit.saturating_add(1);
            let mut ended = false;
            loop {
                let available = match self.reader.fill_buf() {
                    Ok(available) => available,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Some(self.fail(e)),
                };
                if available.is_empty() {
                    break;
                }
                let room = most - self.buf.len();
                let window = &available[..available.len().min(room)];
                if self.buf.is_empty() {
                    // The common line, read where it lies, its end found by reading it: no
                    // scan for the line break first (2.2 M instructions of 261 M, callgrind,
                    // extract of dev1). A line it does not read (its end past the buffer's,
                    // or not of the common shape) is found and read as before.
                    if let Some((article, end)) = quick_article(window) {
                        if end < window.len() {
                            let item = article_item(
                                article,
                                None,
                                &self.name,
                                self.path.as_deref(),
                                self.line,
                            );
                            self.reader.consume(end + 1);
                            return Some(item);
                        }
                    }
                }
                match NEWLINE.first_in(window, 0) {
                    Some(at) if self.buf.is_empty() => {
                        let read = jsonl_line(
                            &self.name,
                            self.path.as_deref(),
                            self.line,
                            &window[..at],
                            self.lossy,
                        );
                        self.reader.consume(at + 1);
                        if read.is_some() {
                            return read;
                        }
                        ended = true;
                        break;
                    }
                    Some(at) => {
                        self.buf.extend_from_slice(&window[..at]);
                        self.reader.consume(at + 1);
                        ended = true;
                        break;
                    }
                    None => {
                        let n = window.len();
                        self.buf.extend_from_slice(window);
                        self.reader.consume(n);
                        if self.buf.len() == most {
                            break;
                        }
                    }
                }
            }
            if ended && self.buf.is_empty() {
                // Read where it lay, or blank.
                continue;
            }
            if !ended {
                if self.buf.is_empty() {
                    self.done = true;
                    return None;
                }
                if self.buf.len() > self.limit {
                    let size = match skip_line(&mut self.reader) {
                        Ok(rest) => self.buf.len() as u64 + rest,
                        Err(e) => return Some(self.fail(e)),
                    };
                    return Some((
                        Vec::new(),
                        Item::Error(error(
                            &self.name,
                            Some(self.line),
                            format!(
                                "line is {size} bytes, over the limit of {} for a JSONL line (raise it with --max-document-bytes)",
                                self.limit
                            ),
                        )),
                    ));
                }
            }
            let read = jsonl_line(
                &self.name,
                self.path.as_deref(),
                self.line,
                &self.buf,
                self.lossy,
            );
            if read.is_some() {
                return read;
            }
        }
        None
    }
}

/// Consumes the rest of a line, its line break included; gives how many bytes came before
/// the line break.
fn skip_line<R: BufRead>(reader: &mut R) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(skipped);
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(at) => {
                reader.consume(at + 1);
                return Ok(skipped + at as u64);
            }
            None => {
                let n = buf.len();
                reader.consume(n);
                skipped += n as u64;
            }
        }
    }
}

/// One JSONL line (without its line break) -> a document (with a warning when the line was
/// read lossily) or an error; `None` when blank.
fn jsonl_line(
    name: &str,
    path: Option<&str>,
    line: u64,
    raw: &[u8],
    lossy: bool,
) -> Option<ReadItem> {
    if raw.iter().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    // The direct reading checks the line's UTF-8 as it goes.
    let quick = |bytes: &[u8]| quick_article(bytes).filter(|&(_, end)| end == bytes.len());
    if let Some((article, _)) = quick(raw) {
        return Some(article_item(article, None, name, path, line));
    }
    let fail = |message: String| Some((Vec::new(), Item::Error(error(name, Some(line), message))));
    let (text, warning) = match std::str::from_utf8(raw) {
        Ok(t) => (std::borrow::Cow::Borrowed(t), None),
        Err(e) => {
            let message = format!("not valid UTF-8 at byte {} of the line", e.valid_up_to());
            if !lossy {
                return fail(message);
            }
            let (text, replaced) = replace_invalid(raw);
            let warning = error(name, Some(line), message + &replaced_note(replaced));
            (std::borrow::Cow::Owned(text), Some(warning))
        }
    };
    let quick = match &text {
        std::borrow::Cow::Owned(text) => quick(text.as_bytes()),
        // Read directly above, if at all.
        std::borrow::Cow::Borrowed(_) => None,
    };
    let (article, bad_date) = match quick {
        Some((a, _)) => (a, None),
        None => match jsonl::typed_article(&text) {
            Ok(read) => read,
            Err(message) => return fail(message),
        },
    };
    // A line of `extract`'s output (or a report on one line) where articles are read.
    if article.id.is_none()
        && text
            .trim_start()
            .starts_with(r#"{"schema":"claimgraph/report/"#)
    {
        return fail(
            "a claimgraph report (extract's output), not an article: `claimgraph merge` reads it"
                .into(),
        );
    }
    let (warnings, item) = article_item(article, bad_date, name, path, line);
    Some((warning.into_iter().chain(warnings).collect(), item))
}

/// A JSONL line's article -> its document (with a warning when its date is no calendar date,
/// and it is read without), or an error naming the line. `bad_date` is a `date` that is not
/// a string, as JSON writes it.
fn article_item(
    article: JsonlArticle,
    bad_date: Option<String>,
    name: &str,
    path: Option<&str>,
    line: u64,
) -> ReadItem {
    let fail = |message: String| (Vec::new(), Item::Error(error(name, Some(line), message)));
    let id = match article.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return fail("`id` must be a non-empty string or a number".into()),
        None => return fail("missing `id`".into()),
    };
    let Some(body) = article.text else {
        return fail(format!("article {id:?} has no `text`"));
    };
    let mut doc = Document::from_text(id, body);
    let mut warnings = Vec::new();
    match (article.date, bad_date) {
        (_, Some(shown)) => {
            warnings.push(not_a_date(name, line, &shown));
            doc.date = None;
        }
        (Some(date), None) if is_calendar_date(&date) => doc.date = Some(date),
        (Some(date), None) => {
            warnings.push(not_a_date(name, line, &format!("{date:?}")));
            doc.date = None;
        }
        (None, None) => warnings.extend(header_date_warning(name, &doc.text).map(|mut w| {
            // The line of the input, not of the text.
            w.line = Some(line);
            w
        })),
    }
    doc.path = path.map(str::to_string);
    doc.outlet = article.outlet;
    doc.title = article.title;
    doc.url = article.url;
    doc.line = Some(line);
    (warnings, Item::Document(doc))
}

fn error(input: &str, line: Option<u64>, message: String) -> InputError {
    InputError {
        input: input.to_string(),
        line,
        message,
    }
}

/// An input that could not be opened or read, as the item it gives.
fn io_failure(input: &str, e: &std::io::Error) -> ReadItem {
    (Vec::new(), Item::Error(error(input, None, io_message(e))))
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_header_forms() {
        assert_eq!(
            date_header(" date 2022-01-06 Second day"),
            Some(("2022-01-06", 17))
        );
        assert_eq!(
            date_header("date 2022-01-06\n\nText").map(|d| d.1),
            Some(17)
        );
        assert_eq!(
            date_header("date: 2022-01-06\n").map(|d| d.0),
            Some("2022-01-06")
        );
        assert_eq!(date_header("dated 2022-01-06"), None);
        assert_eq!(date_header("date 2022-1-6 x"), None);
        assert_eq!(date_header("date 2022-01-066"), None);
        assert_eq!(date_header("The date 2022-01-06"), None);
    }

    /// The items of JSONL text read as the file `name`, through a stream.
    fn jsonl_items<R: BufRead + Send + 'static>(name: &str, reader: R, max_bytes: usize) -> Stream {
        jsonl_items_with(name, reader, max_bytes, false)
    }

    fn jsonl_items_with<R: BufRead + Send + 'static>(
        name: &str,
        reader: R,
        max_bytes: usize,
        lossy: bool,
    ) -> Stream {
        let mut s = Stream::new(Vec::new(), &ReadOptions { max_bytes, lossy });
        s.jsonl = Some(JsonlLines::new(
            name,
            Some(name),
            Box::new(reader),
            max_bytes,
            lossy,
        ));
        s
    }

    /// The items of `reader` read as standard input.
    fn stdin_items<R: BufRead + Send + 'static>(reader: R, max_bytes: usize) -> Vec<Item> {
        stdin_items_with(reader, max_bytes, false)
    }

    fn stdin_items_with<R: BufRead + Send + 'static>(
        reader: R,
        max_bytes: usize,
        lossy: bool,
    ) -> Vec<Item> {
        let mut s = Stream::new(Vec::new(), &ReadOptions { max_bytes, lossy });
        s.open_stdin(reader);
        s.collect()
    }

    /// A fresh, empty directory for one test.
    fn scratch(test: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("claimgraph-input-{}-{test}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn messages(items: &[Item]) -> Vec<String> {
        items
            .iter()
            .map(|item| match item {
                Item::Document(d) => format!("doc {} {:?}:{:?}", d.id, d.path, d.line),
                Item::Error(e) => format!("error {e}"),
                Item::Warning(w) => format!("warning {w}"),
                Item::Skipped(s) => format!("skipped {s}"),
            })
            .collect()
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let data = b"{\"id\": \"a\", \"text\": \"One.\"}\n\nnot json\n{\"text\": \"x\"}\n{\"id\": 7, \"text\": \"Two.\", \"date\": \"2022-01-02\"}\n{\"id\": \"b\"}\n";
        let out: Inputs = jsonl_items("in.jsonl", &data[..], MAX_DOCUMENT_BYTES).collect();
        let ids: Vec<_> = out.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "7"]);
        assert_eq!(out.documents[1].date.as_deref(), Some("2022-01-02"));
        let lines: Vec<_> = out.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(3), Some(4), Some(6)]);
        assert!(out.errors[1]
            .to_string()
            .starts_with("in.jsonl:4: missing `id`"));
    }

    #[test]
    fn jsonl_streams_every_error_whatever_the_buffer_size() {
        let data: &'static [u8] = b"{\"id\": \"a\", \"text\": \"One.\", \"outlet\": \"O\", \"title\": \"T\", \"url\": \"u\"}\r\n\
            \n  \t\n\
            not json\n\
            [1, 2]\n\
            {\"text\": \"x\"}\n\
            {\"id\": \"\", \"text\": \"x\"}\n\
            {\"id\": [1], \"text\": \"x\"}\n\
            {\"id\": \"c\", \"text\": \"bad \xff\"}\n\
            {\"id\": \"b\"}\n\
            {\"id\": \"big\", \"text\": \"Twenty-one bytes long\"}\n\
            {\"id\": 7, \"text\": \"date 2022-01-03\\nTwo.\"}";
        let want = [
            "doc a Some(\"in.jsonl\"):Some(1)",
            "error in.jsonl:4: not valid JSON: expected ident at line 1 column 2",
            "error in.jsonl:5: not a JSON object: an array",
            "error in.jsonl:6: missing `id`",
            "error in.jsonl:7: `id` must be a non-empty string or a number",
            "error in.jsonl:8: `id` must be a non-empty string or a number",
            "error in.jsonl:9: not valid UTF-8 at byte 25 of the line",
            "error in.jsonl:10: article \"b\" has no `text`",
            "error in.jsonl:11: document \"big\" is 21 bytes, over the limit of 20 (raise it with --max-document-bytes)",
            "doc 7 Some(\"in.jsonl\"):Some(12)",
        ];
        for capacity in [1, 2, 3, 7, 64, 8192] {
            let reader = BufReader::with_capacity(capacity, data);
            let items: Vec<Item> = jsonl_items("in.jsonl", reader, 20).collect();
            assert_eq!(messages(&items), want, "buffer of {capacity}");
            let Item::Document(a) = &items[0] else {
                unreachable!()
            };
            assert_eq!(a.text, "One.");
            assert_eq!(
                (a.outlet.as_deref(), a.title.as_deref(), a.url.as_deref()),
                (Some("O"), Some("T"), Some("u"))
            );
            let Item::Document(seven) = &items[9] else {
                unreachable!()
            };
            assert_eq!(seven.date.as_deref(), Some("2022-01-03"));
        }
    }

    #[test]
    fn an_over_long_jsonl_line_is_skipped_unread() {
        let max = 10;
        let limit = max + JSONL_LINE_SLACK;
        let line = |id: &str, len: usize| {
            let head = format!("{{\"id\": \"{id}\", \"text\": \"");
            let mut l = head.clone().into_bytes();
            l.resize(len - 2, b'x');
            l.extend_from_slice(b"\"}");
            l
        };
        let mut data = line("huge", 4 * limit);
        data.push(b'\n');
        data.extend(line("edge", limit));
        data.extend(b"\n{\"id\": \"next\", \"text\": \"Still.\"}\n");
        data.extend(line("over", limit + 1));
        data.push(b'\n');
        data.extend(line("last", 2 * limit));
        let mut s = jsonl_items("big.jsonl", Cursor::new(data), max);
        let first = s.next().unwrap();
        assert_eq!(
            messages(&[first]),
            [format!("error big.jsonl:1: line is {} bytes, over the limit of {limit} for a JSONL line (raise it with --max-document-bytes)", 4 * limit)]
        );
        // The line was not held whole: at most the limit (plus the growth of a Vec).
        assert!(s.jsonl.as_ref().unwrap().buf.capacity() <= 2 * (limit + 1));
        let rest: Vec<Item> = s.collect();
        let rest = messages(&rest);
        assert!(
            rest[0].starts_with("error big.jsonl:2: document \"edge\" is "),
            "a line of just the limit is read: {rest:?}"
        );
        assert_eq!(rest[1], "doc next Some(\"big.jsonl\"):Some(3)");
        assert!(rest[2].starts_with(&format!("error big.jsonl:4: line is {} bytes", limit + 1)));
        assert!(rest[3].starts_with(&format!("error big.jsonl:5: line is {} bytes", 2 * limit)));
        assert_eq!(rest.len(), 4);
    }

    #[test]
    fn duplicate_ids_name_both_places() {
        let data = b"{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": 1, \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"Again.\"}\n{\"id\": \"1\", \"text\": \"y\"}\n";
        let items: Vec<Item> = jsonl_items("in.jsonl", &data[..], 100).collect();
        assert_eq!(
            messages(&items),
            [
                "doc a Some(\"in.jsonl\"):Some(1)",
                "doc 1 Some(\"in.jsonl\"):Some(2)",
                "error in.jsonl:3: duplicate document id \"a\" (first at in.jsonl:1)",
                "error in.jsonl:4: duplicate document id \"1\" (first at in.jsonl:2)",
            ]
        );

        let dir = scratch("duplicates");
        let a = dir.join("a.txt").display().to_string();
        std::fs::write(&a, "Text.").unwrap();
        let inputs = [a.clone(), dir.display().to_string(), a.clone()];
        let items: Vec<Item> = stream(&inputs, 100).collect();
        assert_eq!(
            messages(&items),
            [
                format!("doc {a} Some({a:?}):None"),
                format!("error {a}: duplicate document id {a:?} (first at {a})"),
                format!("error {a}: duplicate document id {a:?} (first at {a})"),
            ]
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn stdin_is_sniffed_without_reading_it_all() {
        let jsonl = b" \n\t\n  {\"id\": \"s\", \"text\": \"From a pipe.\"}\n{\"id\": \"s\", \"text\": \"x\"}\n";
        for capacity in [1, 2, 8192] {
            let items = stdin_items(BufReader::with_capacity(capacity, &jsonl[..]), 100);
            assert_eq!(
                messages(&items),
                [
                    "doc s None:Some(3)",
                    "error -:4: duplicate document id \"s\" (first at -:3)",
                ],
                "buffer of {capacity}"
            );
        }
        let text = " \n  Plain text {not JSONL}.\n";
        for capacity in [1, 2, 8192] {
            let items = stdin_items(BufReader::with_capacity(capacity, text.as_bytes()), 100);
            assert_eq!(
                items,
                [Item::Document(Document::from_text("-", text))],
                "leading white space kept, buffer of {capacity}"
            );
        }
        assert_eq!(
            messages(&stdin_items(&b"Eleven byte"[..], 10)),
            ["error -: document \"-\" is 11 bytes, over the limit of 10 (raise it with --max-document-bytes)"]
        );
        assert_eq!(
            messages(&stdin_items(&b"ok\n\xff"[..], 10)),
            ["error -:2: not valid UTF-8 at byte offset 3"]
        );
        // Over the limit, the bad byte is still found, the text not kept.
        assert_eq!(
            messages(&stdin_items(&b"ok\nbad \xff and too long"[..], 5)),
            ["error -:2: not valid UTF-8 at byte offset 7"]
        );
        assert_eq!(messages(&stdin_items(&b""[..], 10)), ["doc - None:None"]);
        assert_eq!(
            messages(&stdin_items(&b"  \n"[..], 0)),
            ["error -: document \"-\" is 3 bytes, over the limit of 0 (raise it with --max-document-bytes)"]
        );
    }

    #[test]
    fn calendar_dates() {
        for good in [
            "2022-01-06",
            "2024-02-29",
            "2000-02-29",
            "1999-12-31",
            "0001-01-01",
        ] {
            assert!(is_calendar_date(good), "{good}");
        }
        for bad in [
            "2022-13-45",
            "2022-00-10",
            "2022-01-00",
            "2022-04-31",
            "2023-02-29",
            "1900-02-29",
            "2022-1-6",
            "yesterday",
            "2022-01-06T10:00:00Z",
            "2022/01/06",
            "+022-01-06",
            "",
        ] {
            assert!(!is_calendar_date(bad), "{bad}");
        }
        assert_eq!(
            Document::from_text(
                "d",
                "date 2022-13-45
Text."
            )
            .date,
            None
        );
    }

    /// A BOM before JSONL is left out, whatever the pieces the input comes in; before text it
    /// is kept, in the text as read.
    #[test]
    fn a_bom_before_jsonl_is_skipped() {
        let jsonl = "\u{feff} \n{\"id\": \"s\", \"text\": \"x\"}\n";
        let text = "\u{feff}Plain {text}.";
        let half_bom = b"\xef\xbb {\"id\": \"s\", \"text\": \"x\"}\n";
        for capacity in [1, 2, 3, 8192] {
            let items = stdin_items(BufReader::with_capacity(capacity, jsonl.as_bytes()), 100);
            assert_eq!(
                messages(&items),
                ["doc s None:Some(2)"],
                "buffer of {capacity}"
            );
            let items = stdin_items(BufReader::with_capacity(capacity, text.as_bytes()), 100);
            assert_eq!(items, [Item::Document(Document::from_text("-", text))]);
            let items = stdin_items(BufReader::with_capacity(capacity, &half_bom[..]), 100);
            assert_eq!(
                messages(&items),
                ["error -:1: not valid UTF-8 at byte offset 0"]
            );
        }
    }

    #[test]
    fn directories_stream_in_sorted_order_and_files_are_read_late() {
        let dir = scratch("walk");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("b.txt"), "Bee.").unwrap();
        std::fs::write(dir.join("a.md"), "date 2022-01-02\nAy.").unwrap();
        std::fs::write(dir.join("c.csv"), "x,y").unwrap();
        std::fs::write(dir.join("bad.txt"), "a\0b, and over the limit too").unwrap();
        std::fs::write(dir.join("big.txt"), "This is far too big to read.").unwrap();
        std::fs::write(dir.join(".hidden.txt"), "Hidden.").unwrap();
        std::fs::write(dir.join("sub/d.txt"), "Dee.").unwrap();
        std::fs::write(dir.join("sub/e.jsonl"), "{}").unwrap();
        let d = dir.display().to_string();
        let late = format!("{d}/.late.jsonl"); // hidden: named, not walked
        let inputs = [
            d.clone(),
            format!("{d}/missing.txt"),
            late.clone(),
            format!("{d}/big.txt"),
        ];
        let mut s = stream(&inputs, 20);
        // Nothing is read before the stream reaches it.
        std::fs::write(&late, "{\"id\": \"L\", \"text\": \"Late.\"}\n").unwrap();
        let first = s.next().unwrap();
        let Item::Document(a) = &first else {
            panic!("{first:?}")
        };
        assert_eq!(
            (a.id.as_str(), a.date.as_deref()),
            (format!("{d}/a.md").as_str(), Some("2022-01-02"))
        );
        let items: Vec<Item> = std::iter::once(first).chain(s).collect();
        assert_eq!(
            messages(&items),
            [
                format!("doc {d}/a.md Some(\"{d}/a.md\"):None"),
                format!("doc {d}/b.txt Some(\"{d}/b.txt\"):None"),
                format!("error {d}/bad.txt:1: binary file (NUL byte at byte offset 1), not text"),
                format!("error {d}/big.txt: document \"{d}/big.txt\" is 28 bytes, over the limit of 20 (raise it with --max-document-bytes)"),
                format!("skipped {d}/c.csv"),
                format!("doc {d}/sub/d.txt Some(\"{d}/sub/d.txt\"):None"),
                format!("skipped {d}/sub/e.jsonl"),
                format!("error {d}/missing.txt: no such file or directory"),
                format!("doc L Some(\"{late}\"):Some(1)"),
                format!("error {d}/big.txt: file is 28 bytes, over the limit of 20 (raise it with --max-document-bytes)"),
            ]
        );
        let read = read_inputs_with(&inputs, 20);
        let collected: Inputs = items.into_iter().collect();
        assert_eq!(read.documents, collected.documents);
        assert_eq!(read.errors, collected.errors);
        assert_eq!(read.skipped, collected.skipped);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn scanning_in_pieces_finds_what_decode_finds() {
        let cases: [&[u8]; 9] = [
            b"plain\ntext\n",
            "caf\u{e9} \u{1f600}\n\u{20ac}".as_bytes(),
            b"ok\nbad \xff here",
            b"a\nb\n\xe2\x82",
            b"\xf0\x9f\x98\n",
            b"line\n\xff then\n a NUL \0 wins",
            b"\0",
            b"x\xc3",
            b"",
        ];
        for (bytes, lossy) in cases.iter().flat_map(|b| [(*b, false), (*b, true)]) {
            let want = match decode("f", bytes.to_vec(), lossy) {
                Ok(_) => format!("over {}", bytes.len()),
                Err(e) => e.to_string(),
            };
            for piece in 1..=bytes.len().max(1) {
                for head in [0, 1, 3] {
                    let head = head.min(bytes.len());
                    let pieces = Pieces(&bytes[head..], piece);
                    let got = match scan_over("f", bytes[..head].to_vec(), pieces, lossy) {
                        Ok(Capped::Over(size)) => format!("over {size}"),
                        Ok(Capped::Bad(e)) => e.to_string(),
                        _ => unreachable!(),
                    };
                    assert_eq!(
                        got, want,
                        "{bytes:?} in pieces of {piece} after {head}, lossy {lossy}"
                    );
                }
            }
        }

        /// A reader giving at most so many bytes a read.
        struct Pieces<'a>(&'a [u8], usize);
        impl Read for Pieces<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
    }

    #[test]
    fn the_stream_can_move_between_threads() {
        fn send<T: Send>(_: &T) {}
        send(&stream(&[], 1));
    }

    #[test]
    fn bad_utf8_names_the_offset() {
        let e = decode("x.txt", b"ok\nbad \xff here".to_vec(), false).unwrap_err();
        assert_eq!(e.to_string(), "x.txt:2: not valid UTF-8 at byte offset 7");
        let e = decode("y.txt", b"a\0b".to_vec(), false).unwrap_err();
        assert!(e.message.contains("binary"));
    }

    #[test]
    fn lossy_replaces_each_invalid_sequence_as_from_utf8_lossy_does() {
        let cases: [&[u8]; 7] = [
            b"",
            b"plain",
            b"caf\xe9",
            b"\xff\xfe two\n\xe2\x82 cut \xf0\x9f\x98",
            b"\xed\xa0\x80 surrogate, \xc0\xaf overlong",
            b"\xef\xbf\xbd already there \xff",
            b"end \xe2\x82",
        ];
        for bytes in cases {
            let (text, replaced) = replace_invalid(bytes);
            assert_eq!(text, String::from_utf8_lossy(bytes), "{bytes:?}");
            let before = String::from_utf8_lossy(bytes).matches('\u{fffd}').count();
            let kept = bytes.utf8_chunks().map(|c| c.valid()).collect::<String>();
            assert_eq!(
                replaced,
                before - kept.matches('\u{fffd}').count(),
                "{bytes:?}"
            );
        }
        assert_eq!(
            replace_invalid(b"\xff\xfe two\n\xe2\x82 cut \xf0\x9f\x98").1,
            4
        );
        assert_eq!(
            decode("x.txt", b"ok\nbad \xff here".to_vec(), true).unwrap(),
            (
                "ok\nbad \u{fffd} here".to_string(),
                Some(error(
                    "x.txt",
                    Some(2),
                    "not valid UTF-8 at byte offset 7: 1 invalid sequence replaced with U+FFFD (--lossy)".into()
                ))
            )
        );
        assert_eq!(
            decode("v.txt", b"valid".to_vec(), true).unwrap(),
            ("valid".into(), None)
        );
    }

    #[test]
    fn lossy_text_files_are_read_with_a_warning_before_them() {
        let dir = scratch("lossy");
        let latin1 = dir.join("latin1.txt").display().to_string();
        std::fs::write(&latin1, b"date 2022-01-05\nCaf\xe9 \xab ouvert \xbb.\n").unwrap();
        let good = dir.join("good.txt").display().to_string();
        std::fs::write(&good, "Fine.").unwrap();
        let binary = dir.join("binary.txt").display().to_string();
        std::fs::write(&binary, b"bad \xff and a NUL \0").unwrap();
        let inputs = [latin1.clone(), good.clone(), binary.clone()];

        // Without --lossy: refused, the message unchanged.
        let strict: Vec<Item> = stream(&inputs, 100).collect();
        assert_eq!(
            messages(&strict),
            [
                format!("error {latin1}:2: not valid UTF-8 at byte offset 19"),
                format!("doc {good} Some({good:?}):None"),
                format!("error {binary}:1: binary file (NUL byte at byte offset 16), not text"),
            ]
        );

        let lossy = ReadOptions {
            max_bytes: 100,
            lossy: true,
        };
        let items: Vec<Item> = stream_with(&inputs, &lossy).collect();
        assert_eq!(
            messages(&items),
            [
                format!("warning {latin1}:2: not valid UTF-8 at byte offset 19: 3 invalid sequences replaced with U+FFFD (--lossy)"),
                format!("doc {latin1} Some({latin1:?}):None"),
                format!("doc {good} Some({good:?}):None"),
                // A NUL byte: still binary, still an error.
                format!("error {binary}:1: binary file (NUL byte at byte offset 16), not text"),
            ]
        );
        let Item::Document(doc) = &items[1] else {
            unreachable!()
        };
        assert_eq!(
            doc.text,
            "date 2022-01-05\nCaf\u{fffd} \u{fffd} ouvert \u{fffd}.\n"
        );
        assert_eq!(doc.date.as_deref(), Some("2022-01-05"));

        let read: Inputs = stream_with(&inputs, &lossy).collect();
        assert_eq!(read.documents.len(), 2);
        assert_eq!(read.errors.len(), 1);
        assert_eq!(read.warnings.len(), 1);
        assert_eq!(read.warnings[0].line, Some(2));

        // Over the limit, walked: the size error only, no warning without its document.
        let dir_items: Vec<Item> = stream_with(
            &[dir.display().to_string()],
            &ReadOptions {
                max_bytes: 10,
                lossy: true,
            },
        )
        .collect();
        let dir_messages = messages(&dir_items);
        assert_eq!(dir_messages.len(), 3, "{dir_messages:?}");
        assert!(
            dir_messages[2].starts_with(&format!("error {latin1}: document")),
            "{dir_messages:?}"
        );
        // Named, a duplicate: its error only.
        let twice: Vec<Item> = stream_with(&[latin1.clone(), latin1.clone()], &lossy).collect();
        assert_eq!(
            messages(&twice)[2],
            format!("error {latin1}: duplicate document id {latin1:?} (first at {latin1})")
        );
        assert_eq!(twice.len(), 3);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn lossy_standard_input_and_jsonl_lines() {
        assert_eq!(
            messages(&stdin_items_with(&b"ok\n\xff"[..], 10, true)),
            [
                "warning -:2: not valid UTF-8 at byte offset 3: 1 invalid sequence replaced with U+FFFD (--lossy)",
                "doc - None:None",
            ]
        );
        assert_eq!(
            messages(&stdin_items_with(&b"a\xff\0"[..], 10, true)),
            ["error -:1: binary file (NUL byte at byte offset 2), not text"]
        );
        // Over the limit: the size as read.
        assert_eq!(
            messages(&stdin_items_with(&b"ok\nbad \xff and too long"[..], 5, true)),
            ["error -: document \"-\" is 21 bytes, over the limit of 5 (raise it with --max-document-bytes)"]
        );

        let data: &'static [u8] = b"{\"id\": \"a\", \"text\": \"One.\"}\n\
            {\"id\": \"c\", \"text\": \"caf\xe9 \xff\xfe\", \"title\": \"T\xe9\"}\n\
            {\"id\": \"d\", \"text\": \"x\xe9\"\n\
            {\"id\": \"e\", \"text\": \"Two \\u00e9.\"}\n";
        let strict: Vec<Item> = jsonl_items("in.jsonl", data, 100).collect();
        assert_eq!(
            messages(&strict),
            [
                "doc a Some(\"in.jsonl\"):Some(1)",
                "error in.jsonl:2: not valid UTF-8 at byte 24 of the line",
                "error in.jsonl:3: not valid UTF-8 at byte 22 of the line",
                "doc e Some(\"in.jsonl\"):Some(4)",
            ]
        );
        for capacity in [1, 3, 8192] {
            let reader = BufReader::with_capacity(capacity, data);
            let items: Vec<Item> = jsonl_items_with("in.jsonl", reader, 100, true).collect();
            assert_eq!(
                messages(&items),
                [
                    "doc a Some(\"in.jsonl\"):Some(1)",
                    "warning in.jsonl:2: not valid UTF-8 at byte 24 of the line: 4 invalid sequences replaced with U+FFFD (--lossy)",
                    "doc c Some(\"in.jsonl\"):Some(2)",
                    // Not JSON after all: the error, no warning.
                    "error in.jsonl:3: not valid JSON: EOF while parsing an object at line 1 column 26",
                    "doc e Some(\"in.jsonl\"):Some(4)",
                ],
                "buffer of {capacity}"
            );
            let Item::Document(c) = &items[2] else {
                unreachable!()
            };
            assert_eq!(c.text, "caf\u{fffd} \u{fffd}\u{fffd}");
            assert_eq!(c.title.as_deref(), Some("T\u{fffd}"));
        }
    }

    #[test]
    fn a_stream_reads_its_total_bytes() {
        let root = env!("CARGO_MANIFEST_DIR");
        let inputs: Vec<String> = ["corpus", "corpus/articles.jsonl", "no/such/file"]
            .iter()
            .map(|p| format!("{root}/{p}"))
            .collect();
        let total = total_bytes(&inputs).unwrap();
        let mut items = stream(&inputs, MAX_DOCUMENT_BYTES);
        let read = items.bytes_read();
        assert_eq!(read.get(), 0);
        assert!(items.by_ref().count() > 24);
        assert_eq!(read.get(), total);
        assert!(total > 50_000, "{total}");
        // A file over the limit is not read, and still counts as done with.
        let one = vec![format!("{root}/corpus/05-us-kentucky-tornado.txt")];
        let mut items = stream(&one, 10);
        let read = items.bytes_read();
        assert!(matches!(items.next(), Some(Item::Error(_))));
        assert_eq!(Some(read.get()), total_bytes(&one));
        assert_eq!(total_bytes(&["-".to_string()]), None);
    }
}
