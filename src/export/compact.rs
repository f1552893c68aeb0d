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
//! [`super::document_report`] copies, written by the same field lists below.

use super::report::{
    ClaimOut, ConflictOut, DocumentOut, ErrorOut, FigureOut, Report, SourceOut, SpeakerOut,
    UpdateOut, SCHEMA_V1,
};
use super::{ClaimRef, DocumentView, FigureRef, Id, Ids, SourceRef, SpeakerRef};
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
    report.write(&mut out);
    out.push(b'\n');
    out
}

/// The line of [`super::document_report`]'s report of `doc` ([`report_line`]), written from
/// the analysis without copying its strings into an owned report first.
pub fn document_line(doc: &Document, analysis: &Analysis, lexicon: &SourceLexicon) -> Vec<u8> {
    let view = DocumentView::new(doc, analysis, lexicon);
    let mut out = Vec::with_capacity(size_hint(
        analysis.claims.iter().map(|c| c.content.len()),
        analysis.figures.iter().map(|f| f.span.len()),
        view.sources.len(),
    ));
    Parts {
        schema: SCHEMA_V1,
        documents: std::slice::from_ref(&view.document),
        sources: &Seq((0..view.sources.len()).map(|i| view.source(i))),
        claims: &Seq((0..view.claims.len()).map(|n| view.claim(n))),
        figures: &Seq((0..view.figures.len()).map(|n| view.figure(n))),
        conflicts: &view.conflicts,
        updates: &view.updates,
        agreements: &view.agreements,
        errors: &[],
    }
    .write(&mut out);
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

/// A value that writes itself as compact JSON.
trait Json {
    fn write(&self, out: &mut Vec<u8>);
}

/// The fields of one JSON object, written as they come: `{"a":1,"b":2}`.
struct Object<'o> {
    out: &'o mut Vec<u8>,
    empty: bool,
}

impl<'o> Object<'o> {
    fn open(out: &'o mut Vec<u8>) -> Object<'o> {
        out.push(b'{');
        Object { out, empty: true }
    }

    fn field(&mut self, name: &str, value: &(impl Json + ?Sized)) -> &mut Self {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        // The names are the contract's: nothing in them to escape.
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\":");
        value.write(self.out);
        self
    }

    fn close(&mut self) {
        self.out.push(b'}');
    }
}

impl Json for str {
    fn write(&self, out: &mut Vec<u8>) {
        write_escaped(out, self);
    }
}

impl Json for String {
    fn write(&self, out: &mut Vec<u8>) {
        self.as_str().write(out);
    }
}

impl<T: Json + ?Sized> Json for &T {
    fn write(&self, out: &mut Vec<u8>) {
        (**self).write(out);
    }
}

/// An id written as its string (`"c12"`), without making the string.
impl Json for Id {
    fn write(&self, out: &mut Vec<u8>) {
        let (digits, at) = super::decimal(self.index as u64 + 1);
        out.push(b'"');
        out.push(self.prefix);
        out.extend_from_slice(&digits[at..]);
        out.push(b'"');
    }
}

impl Json for Ids<'_> {
    fn write(&self, out: &mut Vec<u8>) {
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
    fn write(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, v) in self.0.clone().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            v.write(out);
        }
        out.push(b']');
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Some(v) => v.write(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

impl<T: Json> Json for [T] {
    fn write(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            v.write(out);
        }
        out.push(b']');
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, out: &mut Vec<u8>) {
        self.as_slice().write(out);
    }
}

impl<T: Json, const N: usize> Json for [T; N] {
    fn write(&self, out: &mut Vec<u8>) {
        self.as_slice().write(out);
    }
}

impl Json for usize {
    fn write(&self, out: &mut Vec<u8>) {
        (*self as u64).write(out);
    }
}

impl Json for u64 {
    fn write(&self, out: &mut Vec<u8>) {
        let (digits, at) = super::decimal(*self);
        out.extend_from_slice(&digits[at..]);
    }
}

impl Json for f64 {
    fn write(&self, out: &mut Vec<u8>) {
        // Few numbers are not integers: serde_json's own formatting of floats.
        serde_json::to_writer(out, self).expect("a float serializes");
    }
}

/// [`Json`] for DTOs whose fields are all written, named as in Rust, in the order given: an
/// owned DTO of [`super::report`] and its borrowed twin of [`super::DocumentView`] share one
/// list. Each name is written with the punctuation around it as one constant (`,"text":`).
macro_rules! json_object {
    ($dto:ty, $($twin:ty),+ : $($field:ident),+) => {
        json_object!($dto: $($field),+);
        json_object!($($twin),+ : $($field),+);
    };
    ($dto:ty: $first:ident $(, $field:ident)*) => {
        impl Json for $dto {
            fn write(&self, out: &mut Vec<u8>) {
                // The names are the contract's: nothing in them to escape.
                out.extend_from_slice(concat!("{\"", stringify!($first), "\":").as_bytes());
                Json::write(&self.$first, out);
                $(
                    out.extend_from_slice(concat!(",\"", stringify!($field), "\":").as_bytes());
                    Json::write(&self.$field, out);
                )*
                out.push(b'}');
            }
        }
    };
}

/// The fields of a whole report, each anything that writes itself: an owned [`Report`]'s, or
/// a document's written from its [`DocumentView`].
struct Parts<'p> {
    schema: &'p str,
    documents: &'p [DocumentOut],
    sources: &'p dyn Json,
    claims: &'p dyn Json,
    figures: &'p dyn Json,
    conflicts: &'p [ConflictOut],
    updates: &'p [UpdateOut],
    agreements: &'p [ConflictOut],
    errors: &'p [ErrorOut],
}

json_object!(
    Parts<'_>: schema, documents, sources, claims, figures, conflicts, updates, agreements, errors
);

impl Json for Report {
    fn write(&self, out: &mut Vec<u8>) {
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

json_object!(SourceOut, SourceRef<'_>: id, name, kind, aliases, parent, country);
json_object!(SpeakerOut, SpeakerRef<'_>: text, span);
json_object!(
    ClaimOut, ClaimRef<'_>: id, doc, kind, text, span, speaker, cue, rule, source, via, figures
);
json_object!(
    FigureOut, FigureRef<'_>: id, doc, text, span, measure, group, low, high, qualifier, claim,
    source, date, scope, sentence, status
);
json_object!(ConflictOut: figures, measure, group, why);
json_object!(UpdateOut: from, to, measure, group, why);
json_object!(ErrorOut: input, line, message);

/// A document's `title` and `url` are left out when `None`.
impl Json for DocumentOut {
    fn write(&self, out: &mut Vec<u8>) {
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
/// is. The runs between escapes are found eight bytes at a time ([`crate::bytescan::ByteSet::first_in`]) and
/// copied whole.
fn write_escaped(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
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
        ] {
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
    }

    #[test]
    fn the_corpus_reports_as_serde_json_writes_them() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let docs = crate::input::read_inputs(&[dir.display().to_string()]).documents;
        assert!(!docs.is_empty());
        let config = crate::pipeline::Config::default();
        for doc in &docs {
            let analysis = crate::pipeline::analyze_document(doc, &config);
            let report = super::super::document_report(doc, &analysis, &config.sources);
            assert_eq!(report_line(&report), serde_line(&report), "{}", doc.id);
        }
    }
}
