//! A report as one line of compact JSON: byte for byte what `serde_json::to_vec` writes for
//! it, written field by field. `claimgraph extract` writes one such line a document, most of
//! it the claims' text: serde_json escapes a string a byte at a time, this writer skips 8
//! bytes at a time to the next byte that needs escaping.
//!
//! The fields are written in the order and with the rules of the `Serialize` derives of
//! [`super::report`] (`None` is `null`, but a document's `title` and `url` are left out when
//! `None`); a test compares the two on the corpus, so a field added there and not here fails.
//! [`document_line`] writes a document's line from its analysis, borrowed, without building
//! the owned report: the same fields of the same view of the document (`DocumentView`) that
//! [`super::document_report`] copies, written by the same field lists below (but for its
//! claims, most of the line, written by a writer of their own; tests hold both to serde_json).
//!
//! [`write_pretty`] writes a borrowed report with the same field lists as serde_json's pretty
//! printer does (`claimgraph analyze`'s JSON); tests compare the two on the corpus and on
//! made-up reports.

use super::report::{
    ClaimOut, ConflictOut, DocumentOut, ErrorOut, FigureOut, Report, ReportRef, SourceOut,
    SpeakerOut, UpdateOut, SCHEMA_V1,
};
use super::{ClaimRef, DocumentRef, DocumentView, FigureRef, Id, Ids, SourceRef};
use crate::attribute::ClaimKind;
use crate::bytescan::JSON_SPECIAL;
use crate::input::Document;
use crate::pipeline::Analysis;
use crate::source::SourceLexicon;

/// `report` as compact JSON and a newline.
pub fn report_line(report: &Report) -> Vec<u8> {
    let mut out = Vec::with_capacity(size_hint(
        report.claims.iter().map(|c| c.text.len()),
        report.figures.iter().map(|f| f.text.len()),
        report.sources.len(),
    ));
    report.write(&mut Out::compact(&mut out));
    out.push(b'\n');
    out
}

/// The line of [`super::document_report`]'s report of `doc` ([`report_line`]), written from
/// the analysis without copying its strings into an owned report first.
pub fn document_line(doc: &Document, analysis: &Analysis, lexicon: &SourceLexicon) -> Vec<u8> {
    let view = DocumentView::new(doc, analysis, lexicon);
    // The document's id, in every claim and figure: escaped once.
    let mut id = Vec::with_capacity(doc.id.len() + 2);
    write_escaped(&mut id, &doc.id);
    let mut out = Vec::with_capacity(size_hint(
        analysis.claims.iter().map(|c| c.content.len()),
        analysis.figures.iter().map(|f| f.span.len()),
        view.sources.list.len(),
    ));
    Parts {
        schema: SCHEMA_V1,
        documents: &[view.document()],
        sources: &Seq((0..view.sources.list.len()).map(|i| view.source(i))),
        claims: &Seq((0..view.claims.len()).map(|n| view.claim(n))),
        figures: &Seq((0..view.figures.len()).map(|n| view.figure(n))),
        conflicts: &view.conflicts,
        updates: &view.updates,
        agreements: &view.agreements,
        errors: &[] as &[ErrorOut; 0],
    }
    .write(&mut Out {
        known: Some((&doc.id, &id)),
        ..Out::compact(&mut out)
    });
    out.push(b'\n');
    out
}

/// About the length of a report's line, so that its buffer is seldom grown: the text of its
/// claims and figures, and a little for each of their other fields and for each source.
fn size_hint(
    claims: impl Iterator<Item = usize>,
    figures: impl Iterator<Item = usize>,
    sources: usize,
) -> usize {
    let claims: usize = claims.map(|n| n + 256).sum();
    let figures: usize = figures.map(|n| n + 256).sum();
    512 + claims + figures + 128 * sources
}

/// `report` as serde_json's pretty JSON (`serde_json::to_writer_pretty`: two spaces a level,
/// `": "` after a name, `[]` and `{}` when empty), written to `sink` as it is made, a buffer
/// of about 64 KiB at a time.
pub fn write_pretty(report: &ReportRef, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut bytes = Vec::with_capacity(FLUSH_AT + (1 << 12));
    let mut out = Out {
        bytes: &mut bytes,
        depth: 0,
        pretty: true,
        sink: Some(sink),
        error: None,
        known: None,
    };
    report.write(&mut out);
    out.flush();
    match out.error {
        Some(e) => Err(e),
        None => out.sink.map_or(Ok(()), |s| s.write_all(out.bytes)),
    }
}

/// How many bytes [`write_pretty`] gathers before it writes them to its sink.
const FLUSH_AT: usize = 1 << 16;

/// Where a value writes itself: its bytes, compact or pretty (then at which depth of nesting),
/// and for [`write_pretty`] the sink the bytes go to when they are many.
struct Out<'o> {
    bytes: &'o mut Vec<u8>,
    depth: usize,
    pretty: bool,
    sink: Option<&'o mut dyn std::io::Write>,
    /// The first error of the sink: nothing more is written to it.
    error: Option<std::io::Error>,
    /// A string written many times (a document's id, in each of its claims and figures) and
    /// its escaped form, copied when that very string (the same bytes in memory) is written.
    known: Option<(&'o str, &'o [u8])>,
}

impl<'o> Out<'o> {
    /// Compact JSON into `bytes`.
    fn compact(bytes: &'o mut Vec<u8>) -> Out<'o> {
        Out {
            bytes,
            depth: 0,
            pretty: false,
            sink: None,
            error: None,
            known: None,
        }
    }

    /// Hands the bytes to the sink, if any, once they are many (between two items of an array).
    #[inline(always)]
    fn flush(&mut self) {
        if self.bytes.len() >= FLUSH_AT {
            self.flush_now();
        }
    }

    /// [`Out::flush`] of many bytes.
    #[inline(never)]
    fn flush_now(&mut self) {
        if let Some(sink) = &mut self.sink {
            if self.error.is_none() {
                if let Err(e) = sink.write_all(self.bytes) {
                    self.error = Some(e);
                }
            }
            self.bytes.clear();
        }
    }

    /// A new line at the current depth (pretty).
    fn line(&mut self) {
        self.line_after(false);
    }

    /// A comma if `comma`, then a new line at the current depth (pretty): up to sixteen levels
    /// (all of a report's) in one copy of constant size ([`append_cut`]).
    #[inline(never)]
    fn line_after(&mut self, comma: bool) {
        /// A comma, a new line and the indentation of sixteen levels.
        const INDENTED: [u8; 34] = {
            let mut line = [b' '; 34];
            line[0] = b',';
            line[1] = b'\n';
            line
        };
        /// The same without the comma.
        const LINE: &[u8; 33] = INDENTED.last_chunk().expect("33 bytes");
        if self.depth <= 16 {
            match comma {
                true => append_cut(self.bytes, &INDENTED, 2 + 2 * self.depth),
                false => append_cut(self.bytes, LINE, 1 + 2 * self.depth),
            }
            return;
        }
        if comma {
            self.bytes.push(b',');
        }
        self.bytes.push(b'\n');
        for _ in 0..self.depth {
            self.bytes.extend_from_slice(b"  ");
        }
    }

    /// Opens an array or object with `open`; pretty, the items are one level deeper.
    #[inline(always)]
    fn open(&mut self, open: u8) {
        self.bytes.push(open);
        self.depth += 1;
    }

    /// Before an item of an array: a comma after an earlier one; pretty, a new line.
    #[inline(always)]
    fn item(&mut self, first: bool) {
        if self.pretty {
            self.line_after(!first);
        } else if !first {
            self.bytes.push(b',');
        }
    }

    /// Before the value of the field of an object, given how its name is written (constants):
    /// compact, `"name":` first and `,"name":` after; pretty, `"name": ` on a line of its own.
    #[inline(always)]
    fn key(&mut self, first: bool, compact: &str, pretty: &str) {
        if self.pretty {
            self.line_after(!first);
            self.bytes.extend_from_slice(pretty.as_bytes());
        } else {
            self.bytes.extend_from_slice(compact.as_bytes());
        }
    }

    /// Closes an array or object with `close`; pretty, on a line of its own after some item.
    #[inline(always)]
    fn close(&mut self, close: u8, empty: bool) {
        self.depth -= 1;
        if self.pretty && !empty {
            self.line();
        }
        self.bytes.push(close);
    }
}

/// A value that writes itself as JSON.
trait Json {
    fn write(&self, out: &mut Out);

    /// `items` as a JSON array.
    fn write_all(items: &[Self], out: &mut Out)
    where
        Self: Sized,
    {
        write_items(out, items.iter());
    }
}

/// The fields of one JSON object, written as they come: `{"a":1,"b":2}`.
struct Object<'a, 'o> {
    out: &'a mut Out<'o>,
    empty: bool,
}

impl<'a, 'o> Object<'a, 'o> {
    fn open(out: &'a mut Out<'o>) -> Object<'a, 'o> {
        out.open(b'{');
        Object { out, empty: true }
    }

    fn field(&mut self, name: &str, value: &(impl Json + ?Sized)) -> &mut Self {
        self.out.item(self.empty);
        self.empty = false;
        // The names are the contract's: nothing in them to escape.
        self.out.bytes.push(b'"');
        self.out.bytes.extend_from_slice(name.as_bytes());
        let colon: &[u8] = if self.out.pretty { b"\": " } else { b"\":" };
        self.out.bytes.extend_from_slice(colon);
        value.write(self.out);
        self
    }

    fn close(&mut self) {
        self.out.close(b'}', self.empty);
    }
}

impl Json for str {
    fn write(&self, out: &mut Out) {
        let b = self.as_bytes();
        if b.len() <= 32 && write_short(out.bytes, b) {
            return;
        }
        // The string known (longer than most), as it was escaped.
        if let Some((known, escaped)) = out.known {
            if std::ptr::eq(self, known) {
                out.bytes.extend_from_slice(escaped);
                return;
            }
        }
        write_long(out.bytes, b);
    }
}

impl Json for String {
    fn write(&self, out: &mut Out) {
        self.as_str().write(out);
    }
}

impl<T: Json + ?Sized> Json for &T {
    fn write(&self, out: &mut Out) {
        (**self).write(out);
    }
}

impl<T: Json + Clone> Json for std::borrow::Cow<'_, T> {
    fn write(&self, out: &mut Out) {
        (**self).write(out);
    }
}

/// The first `len` bytes of `bytes` appended to `out`: all of them appended (a copy of
/// constant size, without a `memcpy` call) and the rest cut off again.
#[inline(always)]
fn append_cut<const N: usize>(out: &mut Vec<u8>, bytes: &[u8; N], len: usize) {
    let at = out.len();
    out.extend_from_slice(bytes);
    out.truncate(at + len);
}

/// An id written as its string (`"c12"`), without making the string.
impl Json for Id {
    fn write(&self, out: &mut Out) {
        write_id_between(out.bytes, &[], *self, &[]);
    }
}

/// `before`, the id `id` as its string and `after`: for most ids, of one or two digits,
/// gathered on the stack and appended in one copy of constant size ([`append_cut`]); a
/// claim's line puts field names around its ids.
#[inline(always)]
fn write_id_between<const A: usize, const B: usize>(
    out: &mut Vec<u8>,
    before: &[u8; A],
    id: Id,
    after: &[u8; B],
) {
    const { assert!(A + B <= 27, "the id's chunk has room for them") };
    let n = id.index + 1;
    if n >= 100 {
        out.extend_from_slice(before);
        write_long_id(out, id.prefix, n);
        out.extend_from_slice(after);
        return;
    }
    let two = n >= 10;
    let id = [
        b'"',
        id.prefix,
        b'0' + if two { n / 10 } else { n } as u8,
        if two { b'0' + (n % 10) as u8 } else { b'"' },
        b'"',
    ];
    let mut chunk = [0u8; 32];
    chunk[..A].copy_from_slice(before);
    chunk[A..A + 5].copy_from_slice(&id);
    let at = A + 4 + usize::from(two);
    chunk[at..at + B].copy_from_slice(after);
    append_cut(out, &chunk, at + B);
}

/// An id of any number.
#[inline(never)]
fn write_long_id(out: &mut Vec<u8>, prefix: u8, n: usize) {
    let (digits, at) = super::decimal(n as u64);
    out.push(b'"');
    out.push(prefix);
    out.extend_from_slice(&digits[at..]);
    out.push(b'"');
}

impl Json for Ids<'_> {
    fn write(&self, out: &mut Out) {
        if self.indices.is_empty() {
            // Most: `[]` compact and pretty.
            out.bytes.extend_from_slice(b"[]");
            return;
        }
        Seq(self
            .indices
            .iter()
            .map(|&index| Id::new(self.prefix, index)))
        .write(out);
    }
}

/// The values of an iterator as a JSON array, written as they are made.
struct Seq<I>(I);

impl<I> Json for Seq<I>
where
    I: Iterator + Clone,
    I::Item: Json,
{
    fn write(&self, out: &mut Out) {
        write_items(out, self.0.clone());
    }
}

/// `items` as a JSON array.
#[inline]
fn write_items<T: Json>(out: &mut Out, items: impl Iterator<Item = T>) {
    out.open(b'[');
    let mut empty = true;
    for v in items {
        out.item(empty);
        empty = false;
        v.write(out);
        out.flush();
    }
    out.close(b']', empty);
}

impl<T: Json> Json for Option<T> {
    fn write(&self, out: &mut Out) {
        match self {
            Some(v) => v.write(out),
            None => out.bytes.extend_from_slice(b"null"),
        }
    }
}

impl<T: Json> Json for [T] {
    fn write(&self, out: &mut Out) {
        T::write_all(self, out);
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, out: &mut Out) {
        self.as_slice().write(out);
    }
}

impl<T: Json, const N: usize> Json for [T; N] {
    fn write(&self, out: &mut Out) {
        self.as_slice().write(out);
    }
}

impl Json for usize {
    fn write(&self, out: &mut Out) {
        (*self as u64).write(out);
    }

    /// A span (two numbers): compact, `[start,end]` gathered on the stack and appended in one
    /// copy of constant size ([`append_cut`]); pretty, likewise with its lines.
    fn write_all(items: &[usize], out: &mut Out) {
        let &[start, end] = items else {
            return write_items(out, items.iter());
        };
        if out.pretty {
            if !write_pretty_span(out.bytes, &NOTHING, out.depth, [start, end]) {
                write_items(out, items.iter());
            }
            return;
        }
        write_span_between(out.bytes, &[], [start, end], &[]);
    }
}

/// The span `[start, end]` pretty, as an array at `depth` (its numbers on lines one level
/// deeper, its `]` on a line at `depth`), gathered on the stack and appended in one copy of
/// constant size ([`append_cut`]) when both numbers have at most eight digits and the depth is
/// at most sixteen (all of a report's); false, with nothing written, otherwise. A claim of
/// `analyze`'s report has two spans (its own, its speaker's): written a number at a time, a
/// new line each (`write_items`), the report of dev1 took 28.5 M instructions to write (of
/// 306 M), 24.1 M so (its 18,454 spans 3.0 M, 162 a span).
/// `before` (a [`Chunk`], the name of the span's field in a claim's fast writer) first.
#[inline(never)]
fn write_pretty_span(
    out: &mut Vec<u8>,
    before: &Chunk,
    depth: usize,
    [start, end]: [usize; 2],
) -> bool {
    /// Spaces over the at most six bytes past a number's digits (its word's).
    const SPACES: [u8; 8] = [b' '; 8];
    let (Some((a, a_len)), Some((b, b_len))) =
        (super::digits8(start as u64), super::digits8(end as u64))
    else {
        return false;
    };
    if depth > 16 {
        return false;
    }
    let indent = 2 * depth + 2;
    // `before` (padded with spaces), then '[', a new line, its spaces, 8 digits, ',', a new
    // line, its spaces, 8 digits, a new line, the spaces of one level less, ']': each number's
    // word stored whole, the bytes past its digits made spaces again.
    let mut whole = [b' '; CHUNK + 128];
    whole[..CHUNK].copy_from_slice(&before.0);
    let base = before.1;
    let chunk: &mut [u8; 128] = (&mut whole[base..base + 128])
        .try_into()
        .expect("128 bytes");
    chunk[0] = b'[';
    chunk[1] = b'\n';
    let at = 2 + indent;
    chunk[at..at + 8].copy_from_slice(&a.to_le_bytes());
    let at = at + a_len;
    chunk[at] = b',';
    chunk[at + 1] = b'\n';
    chunk[at + 2..at + 10].copy_from_slice(&SPACES);
    let at = at + 2 + indent;
    chunk[at..at + 8].copy_from_slice(&b.to_le_bytes());
    let at = at + b_len;
    chunk[at] = b'\n';
    chunk[at + 1..at + 9].copy_from_slice(&SPACES);
    let at = at + 1 + indent - 2;
    chunk[at] = b']';
    append_cut(out, &whole, base + at + 1);
    true
}

/// `before`, the span `[start,end]` and `after`, compact: gathered on the stack and appended in
/// one copy of constant size ([`append_cut`]) when both numbers have at most eight digits (all
/// offsets of a text under 100 MB). A claim's line puts field names around its spans.
#[inline(always)]
fn write_span_between<const A: usize, const B: usize>(
    out: &mut Vec<u8>,
    before: &[u8; A],
    [start, end]: [usize; 2],
    after: &[u8; B],
) {
    const { assert!(A + B <= 29, "the span's chunk has room for them") };
    let (Some((a, a_len)), Some((b, b_len))) =
        (super::digits8(start as u64), super::digits8(end as u64))
    else {
        out.extend_from_slice(before);
        write_long_span(out, start, end);
        out.extend_from_slice(after);
        return;
    };
    // Each number's word of digits stored whole, the bytes past its digits overwritten by what
    // follows or cut off: `before`, '[', 8 digits, ',', 8 digits, ']', `after`.
    let mut chunk = [0u8; 48];
    chunk[..A].copy_from_slice(before);
    chunk[A] = b'[';
    chunk[A + 1..A + 9].copy_from_slice(&a.to_le_bytes());
    let at = A + 1 + a_len;
    chunk[at] = b',';
    chunk[at + 1..at + 9].copy_from_slice(&b.to_le_bytes());
    let at = at + 1 + b_len;
    chunk[at] = b']';
    chunk[at + 1..at + 1 + B].copy_from_slice(after);
    append_cut(out, &chunk, at + 1 + B);
}

/// A span of numbers of any size: '[', two numbers of at most 20 digits, ',' and ']'.
#[inline(never)]
fn write_long_span(out: &mut Vec<u8>, start: usize, end: usize) {
    let mut span = [0u8; 43];
    span[0] = b'[';
    let mut at = 1;
    for (k, n) in [start, end].into_iter().enumerate() {
        if k > 0 {
            span[at] = b',';
            at += 1;
        }
        let len = super::decimal_len(n as u64);
        super::put_decimal(&mut span[at..at + len], n as u64);
        at += len;
    }
    span[at] = b']';
    append_cut(out, &span, at + 1);
}

impl Json for u64 {
    fn write(&self, out: &mut Out) {
        let (digits, at) = super::decimal(*self);
        out.bytes.extend_from_slice(&digits[at..]);
    }
}

impl Json for f64 {
    fn write(&self, out: &mut Out) {
        // Few numbers are not integers: serde_json's own formatting of floats (the same
        // compact and pretty).
        serde_json::to_writer(&mut *out.bytes, self).expect("a float serializes");
    }
}

/// [`Json`] for DTOs whose fields are all written, named as in Rust, in the order given: an
/// owned DTO of [`super::report`] and its borrowed twin of [`super::DocumentView`] share one
/// list. Compact, each name is written with the punctuation around it as one constant
/// (`,"text":`).
/// `json_object!(@fields value, out: a, b)` writes the fields of `value` so, in place (for a
/// writer that has a fast path of its own before the shared list).
macro_rules! json_object {
    (@fields $value:expr, $out:ident: $first:ident $(, $field:ident)*) => {
        // The names are the contract's: nothing in them to escape.
        $out.open(b'{');
        $out.key(
            true,
            concat!("\"", stringify!($first), "\":"),
            concat!("\"", stringify!($first), "\": "),
        );
        Json::write(&$value.$first, $out);
        $(
            $out.key(
                false,
                concat!(",\"", stringify!($field), "\":"),
                concat!("\"", stringify!($field), "\": "),
            );
            Json::write(&$value.$field, $out);
        )*
        $out.close(b'}', false);
    };
    ($dto:ty, $($twin:ty),+ : $($field:ident),+) => {
        json_object!($dto: $($field),+);
        json_object!($($twin),+ : $($field),+);
    };
    ($dto:ty: $($field:ident),+) => {
        impl Json for $dto {
            fn write(&self, out: &mut Out) {
                json_object!(@fields self, out: $($field),+);
            }
        }
    };
}

/// The fields of a whole report, each anything that writes itself: an owned [`Report`]'s, a
/// borrowed [`ReportRef`]'s, or a document's written from its [`DocumentView`].
struct Parts<'p> {
    schema: &'p str,
    documents: &'p dyn Json,
    sources: &'p dyn Json,
    claims: &'p dyn Json,
    figures: &'p dyn Json,
    conflicts: &'p dyn Json,
    updates: &'p dyn Json,
    agreements: &'p dyn Json,
    errors: &'p dyn Json,
}

json_object!(
    Parts<'_>: schema, documents, sources, claims, figures, conflicts, updates, agreements, errors
);

/// [`Json`] for a report, owned ([`Report`]) or borrowed ([`ReportRef`]): the [`Parts`] of
/// its fields of the same names.
macro_rules! json_report {
    ($($report:ty),+) => {$(
        impl Json for $report {
            fn write(&self, out: &mut Out) {
                Parts {
                    schema: &self.schema,
                    documents: &self.documents,
                    sources: &self.sources,
                    claims: &self.claims,
                    figures: &self.figures,
                    conflicts: &self.conflicts,
                    updates: &self.updates,
                    agreements: &self.agreements,
                    errors: &self.errors,
                }
                .write(out);
            }
        }
    )+};
}

json_report!(Report, ReportRef<'_>);

json_object!(SourceOut: id, name, kind, aliases, parent, country);

/// A source of a document's line: [`SourceOut`]'s fields, compact, the field names gathered
/// with the ids into one copy each (and `aliases` when empty, as most are). Through the
/// shared field list, the 3,869 sources of `dev1` took 1.72 M instructions (445 a source).
impl Json for SourceRef<'_> {
    fn write(&self, out: &mut Out) {
        if out.pretty {
            // Not written pretty (`analyze` writes owned sources): the owned source's writer.
            return SourceOut::from(*self).write(out);
        }
        write_id_between(out.bytes, b"{\"id\":", self.id, b",\"name\":");
        self.name.write(out);
        out.bytes.extend_from_slice(b",\"kind\":");
        self.kind.write(out);
        if self.aliases.is_empty() {
            out.bytes.extend_from_slice(b",\"aliases\":[]");
        } else {
            out.bytes.extend_from_slice(b",\"aliases\":");
            self.aliases.write(out);
        }
        match self.parent {
            Some(id) => write_id_between(out.bytes, b",\"parent\":", id, b",\"country\":"),
            None => out
                .bytes
                .extend_from_slice(b",\"parent\":null,\"country\":"),
        }
        self.country.write(out);
        out.bytes.push(b'}');
    }
}
json_object!(SpeakerOut: text, span);

/// A claim of a document's line (most of the line): [`ClaimOut`]'s fields, compact, the field
/// names gathered with the ids, the kind and the spans between them into one copy each (and
/// for `via` and `figures` when both are empty, as most are). Tests compare the line with
/// serde_json's of the owned report (`tests/extract_line.rs`). Through the shared field list,
/// the claims of `dev1` took 12.0 M instructions (1,290 a claim), 8.9 M so.
impl Json for ClaimRef<'_> {
    fn write(&self, out: &mut Out) {
        if out.pretty {
            // Not written pretty (`analyze` writes owned claims): the owned claim's writer.
            return ClaimOut::from(*self).write(out);
        }
        let c = self.claim;
        // The spans are the analysis's, of this text: in bounds and on char boundaries.
        let text = self.text.as_bytes();
        write_id_between(out.bytes, b"{\"id\":", self.id, b",\"doc\":");
        self.doc.write(out);
        let (chunk, len) = &KIND_CHUNKS[match c.kind {
            ClaimKind::Direct => 0,
            ClaimKind::Partial => 1,
            ClaimKind::Indirect => 2,
        }];
        append_cut(out.bytes, chunk, *len);
        let span = c.content;
        write_escaped_bytes(out.bytes, &text[span.start..span.end]);
        write_span_between(out.bytes, b",\"span\":", span.to_array(), b",\"speaker\":");
        match c.speaker {
            Some(s) => {
                out.bytes.extend_from_slice(b"{\"text\":");
                write_escaped_bytes(out.bytes, &text[s.start..s.end]);
                write_span_between(out.bytes, b",\"span\":", s.to_array(), b"},\"cue\":");
            }
            None => out.bytes.extend_from_slice(b"null,\"cue\":"),
        }
        match c.cue {
            Some(s) => write_escaped_bytes(out.bytes, &text[s.start..s.end]),
            None => out.bytes.extend_from_slice(b"null"),
        }
        out.bytes.extend_from_slice(b",\"rule\":");
        c.rule.write(out);
        match self.source() {
            Some(id) => write_id_between(out.bytes, b",\"source\":", id, b",\"via\":"),
            None => out.bytes.extend_from_slice(b",\"source\":null,\"via\":"),
        }
        let (via, figures) = (self.via(), self.figures());
        if via.indices.is_empty() && figures.indices.is_empty() {
            out.bytes.extend_from_slice(b"[],\"figures\":[]}");
        } else {
            via.write(out);
            out.bytes.extend_from_slice(b",\"figures\":");
            figures.write(out);
            out.bytes.push(b'}');
        }
    }
}

/// `,"kind":"direct","text":` and the like for each [`ClaimKind`] (in the order of
/// [`ClaimRef`]'s writer), padded to a constant size, and their lengths.
const KIND_CHUNKS: [([u8; 32], usize); 3] = [
    kind_chunk("direct"),
    kind_chunk("partial"),
    kind_chunk("indirect"),
];

/// `,"kind":"<kind>","text":`, padded to 32 bytes, and its length.
const fn kind_chunk(kind: &str) -> ([u8; 32], usize) {
    padded(&[b",\"kind\":\"", kind.as_bytes(), b"\",\"text\":"])
}

/// `parts` one after the other, padded with spaces to `N` bytes, and their length (a
/// compile-time error when they do not fit).
const fn padded<const N: usize>(parts: &[&[u8]]) -> ([u8; N], usize) {
    let mut chunk = [b' '; N];
    let mut at = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            chunk[at] = parts[p][i];
            at += 1;
            i += 1;
        }
        p += 1;
    }
    (chunk, at)
}

/// How many bytes a [`Chunk`] has room for.
const CHUNK: usize = 48;

/// Constant bytes of the pretty output (the punctuation, new lines, indentation and field names
/// between two values), padded with spaces to [`CHUNK`] bytes, and their length: appended with
/// the value after them in one copy of constant size ([`append_cut`]).
type Chunk = ([u8; CHUNK], usize);

/// No bytes.
const NOTHING: Chunk = padded(&[]);

/// `lead`, a new line, the indentation of `depth` and `rest`.
const fn line(lead: &[u8], depth: usize, rest: &[u8]) -> Chunk {
    padded(&[lead, b"\n", [b' '; CHUNK].split_at(2 * depth).0, rest])
}

/// `a` and then `b`.
const fn join(a: Chunk, b: Chunk) -> Chunk {
    padded(&[a.0.split_at(a.1).0, b.0.split_at(b.1).0])
}

/// `before` and `s` as a JSON string (`null` when `None`): a short one (most but the claim's
/// text) gathered with `before` on the stack and appended in one copy of constant size
/// ([`append_cut`]), as [`write_short`] appends it alone.
#[inline(never)]
fn write_str_after(out: &mut Vec<u8>, before: &Chunk, s: Option<&str>) {
    let mut chunk = [b' '; CHUNK + 34];
    chunk[..CHUNK].copy_from_slice(&before.0);
    let at = before.1;
    let value: &mut [u8; 34] = (&mut chunk[at..at + 34]).try_into().expect("34 bytes");
    let len = match s.map(str::as_bytes) {
        None => {
            value[..4].copy_from_slice(b"null");
            4
        }
        Some(b) if b.len() <= 32 && put_short(value, b) => b.len() + 2,
        Some(b) => {
            append_cut(out, &before.0, at);
            return write_long(out, b);
        }
    };
    append_cut(out, &chunk, at + len);
}

/// The depth of the claims of `analyze`'s report (the report's object, its `claims` array, a
/// claim): the depth [`ClaimOut`]'s fast pretty writer writes at.
const CLAIM_DEPTH: usize = 2;

/// The [`Chunk`]s before the values of a claim written pretty at [`CLAIM_DEPTH`] (its fields
/// one level deeper, its speaker's two): `{` and the first name, then a comma and each
/// following name on its line; several where what is between two values is constant.
mod claim_chunks {
    use super::{join, line, Chunk, CLAIM_DEPTH};
    const F: usize = CLAIM_DEPTH + 1;
    pub const ID: Chunk = line(b"{", F, b"\"id\": ");
    pub const DOC: Chunk = line(b",", F, b"\"doc\": ");
    pub const KIND: Chunk = line(b",", F, b"\"kind\": ");
    pub const TEXT: Chunk = line(b",", F, b"\"text\": ");
    pub const SPAN: Chunk = line(b",", F, b"\"span\": ");
    pub const SPEAKER_TEXT: Chunk = join(
        line(b",", F, b"\"speaker\": {"),
        line(b"", F + 1, b"\"text\": "),
    );
    pub const SPEAKER_SPAN: Chunk = line(b",", F + 1, b"\"span\": ");
    pub const SPEAKER_END_CUE: Chunk = join(line(b"", F, b"}"), line(b",", F, b"\"cue\": "));
    pub const NO_SPEAKER_CUE: Chunk = join(
        line(b",", F, b"\"speaker\": null"),
        line(b",", F, b"\"cue\": "),
    );
    pub const RULE: Chunk = line(b",", F, b"\"rule\": ");
    pub const SOURCE: Chunk = line(b",", F, b"\"source\": ");
    pub const VIA: Chunk = line(b",", F, b"\"via\": ");
    pub const FIGURES: Chunk = line(b",", F, b"\"figures\": ");
    pub const END: Chunk = line(b"", CLAIM_DEPTH, b"}");
    /// `via` and `figures` empty (most claims), and the end.
    pub const NO_LISTS_END: Chunk = join(
        join(
            line(b",", F, b"\"via\": []"),
            line(b",", F, b"\"figures\": []"),
        ),
        END,
    );
}

impl Json for ClaimOut {
    /// Pretty at [`CLAIM_DEPTH`] (`analyze`'s claims), the fields' names with their lines and
    /// indentation in constant [`Chunk`]s, each appended with the value after it in one copy
    /// (as the compact [`ClaimRef`] writer gathers its names): through the shared field list
    /// (a new line, a name, a value, each appended on its own), the 9,351 claims of `dev1`
    /// took 19.7 M instructions to write (2,100 a claim).
    fn write(&self, out: &mut Out) {
        if out.pretty && out.depth == CLAIM_DEPTH {
            return write_pretty_claim(self, out);
        }
        write_claim_fields(self, out);
    }
}

/// A claim through the shared field list.
fn write_claim_fields(claim: &ClaimOut, out: &mut Out) {
    json_object!(@fields claim, out: id, doc, kind, text, span, speaker, cue, rule, source, via, figures);
}

/// [`ClaimOut`]'s fast pretty writer, at [`CLAIM_DEPTH`]: the bytes of the shared field list's
/// (a test compares the two).
fn write_pretty_claim(c: &ClaimOut, out: &mut Out) {
    use claim_chunks as k;
    /// `before` and the span, at the depth of its field: in one copy, or one at a time.
    fn span_after(out: &mut Out, before: &Chunk, depth: usize, span: [usize; 2]) {
        if !write_pretty_span(out.bytes, before, depth, span) {
            append_cut(out.bytes, &before.0, before.1);
            let depth = std::mem::replace(&mut out.depth, depth);
            write_items(out, span.iter());
            out.depth = depth;
        }
    }
    write_str_after(out.bytes, &k::ID, Some(&c.id));
    write_str_after(out.bytes, &k::DOC, Some(&c.doc));
    write_str_after(out.bytes, &k::KIND, Some(&c.kind));
    write_str_after(out.bytes, &k::TEXT, Some(&c.text));
    span_after(out, &k::SPAN, CLAIM_DEPTH + 1, c.span);
    let cue = match &c.speaker {
        Some(s) => {
            write_str_after(out.bytes, &k::SPEAKER_TEXT, Some(&s.text));
            span_after(out, &k::SPEAKER_SPAN, CLAIM_DEPTH + 2, s.span);
            &k::SPEAKER_END_CUE
        }
        None => &k::NO_SPEAKER_CUE,
    };
    write_str_after(out.bytes, cue, c.cue.as_deref());
    write_str_after(out.bytes, &k::RULE, Some(&c.rule));
    write_str_after(out.bytes, &k::SOURCE, c.source.as_deref());
    if c.via.is_empty() && c.figures.is_empty() {
        append_cut(out.bytes, &k::NO_LISTS_END.0, k::NO_LISTS_END.1);
        return;
    }
    // The lists' items one level deeper than the claim's fields, through the shared writer.
    out.depth = CLAIM_DEPTH + 1;
    append_cut(out.bytes, &k::VIA.0, k::VIA.1);
    c.via.write(out);
    append_cut(out.bytes, &k::FIGURES.0, k::FIGURES.1);
    c.figures.write(out);
    out.depth = CLAIM_DEPTH;
    append_cut(out.bytes, &k::END.0, k::END.1);
}
json_object!(
    FigureOut, FigureRef<'_>: id, doc, text, span, measure, group, low, high, qualifier, claim,
    source, date, scope, sentence, status
);
json_object!(ConflictOut: figures, measure, group, why);
json_object!(UpdateOut: from, to, measure, group, why);
json_object!(ErrorOut: input, line, message);

impl Json for DocumentOut {
    fn write(&self, out: &mut Out) {
        DocumentRef::from(self).write(out);
    }
}

/// A document's `title` and `url` are left out when `None`.
impl Json for DocumentRef<'_> {
    fn write(&self, out: &mut Out) {
        let mut o = Object::open(out);
        o.field("id", &self.id)
            .field("path", &self.path)
            .field("date", &self.date)
            .field("outlet", &self.outlet);
        if let Some(title) = &self.title {
            o.field("title", title);
        }
        if let Some(url) = &self.url {
            o.field("url", url);
        }
        o.field("bytes", &self.bytes)
            .field("event", &self.event)
            .close();
    }
}

/// `s` as a JSON string, escaped as serde_json escapes it: the short forms `\"`, `\\`, `\b`,
/// `\t`, `\n`, `\f`, `\r`, other control bytes as `\u00XX` (lower-case hex), the rest as it
/// is. The runs between escapes are found a block of bytes at a time ([`crate::bytescan::ByteSet::first_in`]: sixteen with SSE2 on x86_64, eight elsewhere) and
/// copied whole.
fn write_escaped(out: &mut Vec<u8>, s: &str) {
    write_escaped_bytes(out, s.as_bytes());
}

/// [`write_escaped`] of the bytes of a string (a claim's slices of its document's text).
fn write_escaped_bytes(out: &mut Vec<u8>, b: &[u8]) {
    if b.len() <= 32 && write_short(out, b) {
        return;
    }
    write_long(out, b);
}

/// [`write_escaped`] of a string that [`write_short`] does not write.
#[inline(always)]
fn write_long(out: &mut Vec<u8>, b: &[u8]) {
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut i = 0;
    while let Some(j) = JSON_SPECIAL.first_in(b, i) {
        out.extend_from_slice(&b[i..j]);
        write_escape(out, b[j]);
        i = j + 1;
    }
    out.extend_from_slice(&b[i..]);
    out.push(b'"');
}

/// `b`, at most 32 bytes, quoted when nothing in it needs an escape (most names, kinds,
/// rules, ids); false, with nothing written, when something does. The bytes are read and
/// written as words of constant size (two, overlapping, for any length from sixteen up;
/// likewise two of eight bytes from eight, two of four from four), so that neither the test
/// nor the copy goes a byte at a time or calls `memcpy`: the quoted bytes are gathered in 34
/// bytes on the stack, appended whole, and the output cut back to their length. (Up to 16
/// bytes only, the 7,666 rule names of 17 to 32 bytes a run of `dev1` went the long way, with
/// a `memcpy` call each: a claim's strings took 5.23 M instructions on `dev1`, 4.80 M so.)
#[inline(always)]
fn write_short(out: &mut Vec<u8>, b: &[u8]) -> bool {
    let mut quoted = [b'"'; 34];
    if !put_short(&mut quoted, b) {
        return false;
    }
    append_cut(out, &quoted, b.len() + 2);
    true
}

/// [`write_short`]'s quoted bytes put in `quoted` (from its first byte, the quotes too), for a
/// caller that appends more with them; false when something needs an escape (`quoted` then
/// holds some of the bytes).
#[inline(always)]
fn put_short(quoted: &mut [u8; 34], b: &[u8]) -> bool {
    let n = b.len();
    quoted[0] = b'"';
    let special = if n >= 16 {
        let lo: &[u8; 16] = b[..16].try_into().expect("sixteen bytes");
        let hi: &[u8; 16] = b[n - 16..].try_into().expect("sixteen bytes");
        quoted[1..17].copy_from_slice(lo);
        quoted[n - 15..n + 1].copy_from_slice(hi);
        JSON_SPECIAL.first_in(b, 0).is_some()
    } else if n >= 8 {
        let lo = u64::from_le_bytes(b[..8].try_into().expect("eight bytes"));
        let hi = u64::from_le_bytes(b[n - 8..].try_into().expect("eight bytes"));
        quoted[1..9].copy_from_slice(&lo.to_le_bytes());
        quoted[n - 7..n + 1].copy_from_slice(&hi.to_le_bytes());
        json_special_in(lo) || json_special_in(hi)
    } else if n >= 4 {
        let lo = u32::from_le_bytes(b[..4].try_into().expect("four bytes"));
        let hi = u32::from_le_bytes(b[n - 4..].try_into().expect("four bytes"));
        quoted[1..5].copy_from_slice(&lo.to_le_bytes());
        quoted[n - 3..n + 1].copy_from_slice(&hi.to_le_bytes());
        json_special_in(u64::from(lo) | u64::from(hi) << 32)
    } else {
        // Up to three bytes: the first, the middle and the last; padded with a plain byte.
        let pad = b'a';
        let (first, mid, last) = match n {
            0 => (pad, pad, pad),
            _ => (b[0], b[n / 2], b[n - 1]),
        };
        if n > 0 {
            quoted[1] = first;
            quoted[1 + n / 2] = mid;
            quoted[n] = last;
        }
        json_special_in(u64::from_le_bytes([
            first, mid, last, pad, pad, pad, pad, pad,
        ]))
    };
    quoted[n + 1] = b'"';
    !special
}

/// Whether a byte of `x` (eight bytes, little-endian) is one of [`JSON_SPECIAL`].
#[inline(always)]
fn json_special_in(x: u64) -> bool {
    JSON_SPECIAL.found(x) != 0
}

/// The escape of one byte of [`JSON_SPECIAL`].
fn write_escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        b'\t' => b't',
        b'\n' => b'n',
        0x0C => b'f',
        b'\r' => b'r',
        _ => {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xF)]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// All of `report`'s items, borrowed.
    fn borrowed(report: &Report) -> ReportRef<'_> {
        ReportRef {
            schema: &report.schema,
            documents: report.documents.iter().collect(),
            sources: report.sources.iter().collect(),
            claims: report
                .claims
                .iter()
                .map(std::borrow::Cow::Borrowed)
                .collect(),
            figures: report.figures.iter().collect(),
            conflicts: report.conflicts.iter().collect(),
            updates: report.updates.iter().collect(),
            agreements: report.agreements.iter().collect(),
            errors: &report.errors,
        }
    }

    /// [`write_pretty`] of `report` is what serde_json's pretty printer writes for it.
    fn assert_pretty_as_serde(report: &Report) {
        let view = borrowed(report);
        let mut got = Vec::new();
        write_pretty(&view, &mut got).unwrap();
        let want = serde_json::to_vec_pretty(&view).unwrap();
        assert!(got == want, "{}", String::from_utf8_lossy(&got));
    }

    fn serde_line(report: &Report) -> Vec<u8> {
        let mut line = serde_json::to_vec(report).unwrap();
        line.push(b'\n');
        line
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let all_ascii: String = (0u8..128).map(char::from).collect();
        let long = format!(
            "{}\"{}\\{}\u{1}",
            "a".repeat(15),
            "é".repeat(9),
            "x".repeat(40)
        );
        for s in [
            "",
            "plain",
            "“curly” — and ‘single’",
            "tab\there\nline\r\u{8}\u{c}\u{1f}\u{7f}",
            &all_ascii,
            &long,
            &"0123456789abcdef".repeat(3),
        ]
        .into_iter()
        .map(String::from)
        .chain(crate::lexicon::texts_of(
            &[
                "a", "\"", "\\", "\u{1f}", " ", "é", "\u{7f}", "~", "\u{0}", "!", "]",
            ],
            400,
            20,
        )) {
            let s = s.as_str();
            let mut out = Vec::new();
            write_escaped(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn strings_of_every_short_length_are_escaped_as_serde_json_escapes_them() {
        for n in 0..=40 {
            let plain = "abcdefghijklmnopqrstuvwxyz0123456789ABCD"[..n].to_string();
            let mut texts = vec![plain.clone()];
            for at in 0..n {
                for c in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                    let mut s = plain.clone().into_bytes();
                    s[at] = c as u8;
                    texts.push(String::from_utf8(s).unwrap());
                }
            }
            for s in texts {
                let mut out = b"x".to_vec();
                write_escaped(&mut out, &s);
                let want = format!("x{}", serde_json::to_string(&s).unwrap());
                assert_eq!(String::from_utf8(out).unwrap(), want, "{s:?}");
            }
        }
    }

    #[test]
    fn kind_chunks_are_the_kinds_field() {
        for (k, kind) in [ClaimKind::Direct, ClaimKind::Partial, ClaimKind::Indirect]
            .into_iter()
            .enumerate()
        {
            let (chunk, len) = &KIND_CHUNKS[k];
            let want = format!(
                ",\"kind\":{},\"text\":",
                serde_json::to_string(kind.as_str()).unwrap()
            );
            assert_eq!(chunk[..*len], *want.as_bytes());
        }
    }

    #[test]
    fn ids_are_written_as_their_strings() {
        for index in [0, 1, 8, 9, 10, 98, 99, 100, 12344, usize::MAX - 1] {
            let mut bytes = b"x".to_vec();
            Id::new(b's', index).write(&mut Out::compact(&mut bytes));
            assert_eq!(
                String::from_utf8(bytes).unwrap(),
                format!("x\"s{}\"", index + 1)
            );
        }
    }

    #[test]
    fn spans_are_written_as_serde_json_writes_them() {
        let ends = [0, 1, 9, 10, 99, 100, 12345, 1 << 40, usize::MAX];
        for a in ends {
            for b in ends {
                for pretty in [false, true] {
                    let mut bytes = b"x".to_vec();
                    let mut out = Out::compact(&mut bytes);
                    out.pretty = pretty;
                    [a, b].write(&mut out);
                    let want = match pretty {
                        false => serde_json::to_vec(&[a, b]),
                        true => serde_json::to_vec_pretty(&[a, b]),
                    };
                    assert_eq!(bytes[1..], want.unwrap(), "{a} {b} {pretty}");
                }
                // Pretty at every depth, past the sixteen levels written at once: as an
                // array's numbers are written one at a time.
                for depth in 0..20 {
                    let (mut got, mut want) = (b"x".to_vec(), b"x".to_vec());
                    for (bytes, whole) in [(&mut got, true), (&mut want, false)] {
                        let mut out = Out::compact(bytes);
                        (out.pretty, out.depth) = (true, depth);
                        match whole {
                            true => usize::write_all(&[a, b], &mut out),
                            false => write_items(&mut out, [a, b].iter()),
                        }
                    }
                    assert_eq!(got, want, "{a} {b} {depth}");
                }
            }
        }
    }

    /// A claim's fast pretty writer writes what the shared field list writes, for claims with
    /// empty and `None` fields, escapes, characters outside ASCII, strings about the length
    /// written in one copy ([`write_short`]'s 32 bytes) and numbers too long for a span's copy.
    #[test]
    fn pretty_claims_are_written_as_through_the_field_list() {
        let texts: Vec<String> = [
            "",
            "a",
            "c12",
            "“Ünal” said \"no\"\n",
            "tab\there\\\u{1}\u{7f}",
            "é",
        ]
        .into_iter()
        .map(String::from)
        .chain((28..=36).map(|n| "x".repeat(n)))
        .chain((30..=34).map(|n| format!("{}\"", "y".repeat(n))))
        .chain(["é".repeat(16), "long — ".repeat(40)])
        .collect();
        let spans = [
            [0, 0],
            [7, 12345],
            [99_999_999, 100_000_000],
            [1 << 40, usize::MAX],
        ];
        // The fast writer's cases reached: no speaker, no cue, `via` and `figures` both empty
        // (one chunk), either one not, a span too long for one copy.
        let mut reached = [0usize; 5];
        for (t, text) in texts.iter().enumerate() {
            for (k, span) in spans.into_iter().enumerate() {
                let other = |m: usize| texts[(t + m) % texts.len()].clone();
                let claim = ClaimOut {
                    id: other(1),
                    doc: other(2),
                    kind: other(3),
                    text: text.clone(),
                    span,
                    speaker: (k % 2 == 0).then(|| SpeakerOut {
                        text: other(4),
                        span: spans[(k + t) % spans.len()],
                    }),
                    cue: (t % 3 != 0).then(|| other(5)),
                    rule: other(6),
                    source: (t % 2 == 0).then(|| other(7)),
                    via: vec![other(8); (t + k) % 3],
                    figures: vec![other(9); (t / 2 + k) % 3],
                };
                let (mut fast, mut shared) = (b"x".to_vec(), b"x".to_vec());
                for (bytes, whole) in [(&mut fast, true), (&mut shared, false)] {
                    let mut out = Out::compact(bytes);
                    (out.pretty, out.depth) = (true, CLAIM_DEPTH);
                    match whole {
                        true => claim.write(&mut out),
                        false => write_claim_fields(&claim, &mut out),
                    }
                    assert_eq!(out.depth, CLAIM_DEPTH);
                }
                assert!(
                    fast == shared,
                    "{}\n{}",
                    String::from_utf8_lossy(&fast),
                    String::from_utf8_lossy(&shared)
                );
                let lists = !claim.via.is_empty() || !claim.figures.is_empty();
                for (case, hit) in [
                    claim.speaker.is_none(),
                    claim.cue.is_none(),
                    !lists,
                    lists,
                    span[1] > 99_999_999,
                ]
                .into_iter()
                .enumerate()
                {
                    reached[case] += usize::from(hit);
                }
            }
        }
        assert!(reached.iter().all(|&n| n > 0), "{reached:?}");
    }

    #[test]
    fn every_field_as_serde_json_writes_it() {
        let mut report = Report::default();
        report.documents.push(DocumentOut {
            id: "d\"1".into(),
            path: Some("a/b.txt".into()),
            date: None,
            outlet: Some("Outlet".into()),
            title: Some("T".into()),
            url: None,
            bytes: u64::MAX,
            event: Some("Kazakhstan".into()),
        });
        report.sources.push(SourceOut {
            id: "s1".into(),
            name: "N".into(),
            kind: "person".into(),
            aliases: vec!["a".into(), "b\n".into()],
            parent: None,
            country: Some("C".into()),
        });
        report.claims.push(ClaimOut {
            id: "c1".into(),
            doc: "d".into(),
            kind: "direct".into(),
            text: "said \\ so".into(),
            span: [0, 12345],
            speaker: Some(SpeakerOut {
                text: "He".into(),
                span: [7, 9],
            }),
            cue: None,
            rule: "r".into(),
            source: Some("s1".into()),
            via: vec![],
            figures: vec!["f1".into()],
        });
        report.figures.push(FigureOut {
            id: "f1".into(),
            doc: "d".into(),
            text: "12".into(),
            span: [1, 3],
            measure: "killed".into(),
            group: None,
            low: Some(0.1),
            high: Some(1e21),
            qualifier: "exact".into(),
            claim: None,
            source: None,
            date: Some("2022-01-05".into()),
            scope: None,
            sentence: 3,
            status: "current".into(),
        });
        let pair = ConflictOut {
            figures: ["f1".into(), "f2".into()],
            measure: "killed".into(),
            group: Some("g".into()),
            why: "w".into(),
        };
        report.conflicts.push(pair.clone());
        report.agreements.push(pair);
        report.updates.push(UpdateOut {
            from: "f1".into(),
            to: "f2".into(),
            measure: "m".into(),
            group: None,
            why: "w".into(),
        });
        report.errors.push(ErrorOut {
            input: "x".into(),
            line: Some(3),
            message: "bad".into(),
        });
        assert_eq!(report_line(&report), serde_line(&report));
        assert_pretty_as_serde(&report);
        let mut doc = report.documents[0].clone();
        (doc.title, doc.url, doc.path) = (None, Some("u".into()), None);
        report.documents[0] = doc;
        report.figures[0].low = None;
        report.errors[0].line = None;
        assert_eq!(report_line(&report), serde_line(&report));
        assert_eq!(
            report_line(&Report::default()),
            serde_line(&Report::default())
        );
        assert_pretty_as_serde(&report);
        assert_pretty_as_serde(&Report::default());
        // Unicode, escapes, floats of every form, empty and many items (the output handed to
        // the sink a part at a time).
        let claim = report.claims[0].clone();
        let figure = report.figures[0].clone();
        for (k, (low, high)) in [
            (Some(-0.0), Some(3.0)),
            (Some(12.5), Some(f64::MAX)),
            (Some(1e-7), Some(f64::NAN)),
            (None, Some(f64::INFINITY)),
        ]
        .into_iter()
        .enumerate()
        {
            report.figures.push(FigureOut {
                low,
                high,
                text: format!("«{k}» \u{1}\u{7f}\\ “quoted” é\t"),
                ..figure.clone()
            });
        }
        for k in 0..3000 {
            report.claims.push(ClaimOut {
                id: format!("c{k}"),
                text: format!("{k} — “Ünal” said \"no\"\n\r{}", "x".repeat(k % 40)),
                speaker: None,
                via: vec![format!("s{k}"); k % 3],
                figures: vec![],
                ..claim.clone()
            });
        }
        report.sources[0].aliases.clear();
        assert_pretty_as_serde(&report);
        // Lines at every depth, past the sixteen levels written at once.
        for depth in 0..40 {
            let mut got = b"x".to_vec();
            let mut out = Out::compact(&mut got);
            out.depth = depth;
            out.line();
            out.line_after(true);
            let line = format!("\n{}", "  ".repeat(depth));
            assert_eq!(got, format!("x{line},{line}").into_bytes());
        }
    }

    #[test]
    fn the_corpus_reports_as_serde_json_writes_them() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let docs = crate::input::read_inputs(&[dir.display().to_string()]).documents;
        assert!(!docs.is_empty());
        let config = crate::pipeline::Config::default();
        let mut reports = Vec::new();
        for doc in &docs {
            let analysis = crate::pipeline::analyze_document(doc, &config);
            let report = super::super::document_report(doc, &analysis, &config.sources);
            assert_eq!(report_line(&report), serde_line(&report), "{}", doc.id);
            reports.push(report);
        }
        // The corpus's whole report, as `analyze` writes it.
        assert_pretty_as_serde(&crate::graph::merge::merge(reports));
    }

    /// A document's line does not depend on the documents written before it on the thread
    /// (the view's tables are kept a thread and reused, `DocumentView`'s `Drop`): each corpus
    /// document written on a thread of its own, and all of them on one thread, in order and
    /// reversed, give the same lines.
    #[test]
    fn a_documents_line_does_not_depend_on_the_ones_before() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let docs = crate::input::read_inputs(&[dir.display().to_string()]).documents;
        assert!(docs.len() > 2);
        let config = crate::pipeline::Config::default();
        let analyses: Vec<_> = docs
            .iter()
            .map(|d| crate::pipeline::analyze_document(d, &config))
            .collect();
        let line = |k: usize| document_line(&docs[k], &analyses[k], &config.sources);
        let alone: Vec<Vec<u8>> = (0..docs.len())
            .map(|k| std::thread::scope(|s| s.spawn(|| line(k)).join().unwrap()))
            .collect();
        let (forward, backward) = std::thread::scope(|s| {
            let forward = s.spawn(|| (0..docs.len()).map(line).collect::<Vec<_>>());
            let backward = s.spawn(|| {
                let mut lines: Vec<_> = (0..docs.len()).rev().map(line).collect();
                lines.reverse();
                lines
            });
            (forward.join().unwrap(), backward.join().unwrap())
        });
        for k in 0..docs.len() {
            assert!(
                alone[k] == forward[k],
                "{} after the ones before",
                docs[k].id
            );
            assert!(
                alone[k] == backward[k],
                "{} after the ones after",
                docs[k].id
            );
        }
    }
}
