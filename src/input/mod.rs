//! Inputs -> documents: text and Markdown files, directories (walked in sorted order), JSONL
//! files (one article a line), and standard input; with a clear error for each bad input.

mod normalize;

pub use normalize::Normalized;

use serde::Deserialize;
use std::fmt;
use std::io::Read;
use std::path::Path;

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
    /// A document from a string, with the date taken from a `date YYYY-MM-DD` first line.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let date = date_header(&text).map(|(date, _)| date.to_string());
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
    /// Files met while walking a directory that are not articles (not `.txt` or `.md`).
    pub skipped: Vec<String>,
}

/// The default largest document: larger ones are reported, not analyzed.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// Reads every input (files, directories, `-`) in the order given, with the default limit.
pub fn read_inputs(inputs: &[String]) -> Inputs {
    read_inputs_with(inputs, MAX_DOCUMENT_BYTES)
}

/// Reads every input; a document over `max_bytes` is an error naming the input (and line).
pub fn read_inputs_with(inputs: &[String], max_bytes: usize) -> Inputs {
    let mut out = read_all(inputs, max_bytes);
    let (keep, over): (Vec<Document>, Vec<Document>) = std::mem::take(&mut out.documents)
        .into_iter()
        .partition(|d| d.text.len() <= max_bytes);
    out.documents = keep;
    for d in over {
        out.errors.push(error(
            d.path.as_deref().unwrap_or(&d.id),
            d.line,
            too_big(d.text.len() as u64, max_bytes, Some(&d.id)),
        ));
    }
    out
}

fn too_big(size: u64, max_bytes: usize, id: Option<&str>) -> String {
    let what = id.map_or("file".to_string(), |id| format!("document {id:?}"));
    format!("{what} is {size} bytes, over the limit of {max_bytes} (raise it with --max-document-bytes)")
}

fn read_all(inputs: &[String], max_bytes: usize) -> Inputs {
    let mut out = Inputs::default();
    for input in inputs {
        if input == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => read_bytes("-", None, bytes, &mut out),
                Err(e) => out
                    .errors
                    .push(error("-", None, format!("cannot read: {e}"))),
            }
            continue;
        }
        let path = Path::new(input);
        match std::fs::metadata(path) {
            Err(e) => out.errors.push(error(input, None, io_message(&e))),
            Ok(meta) if meta.is_dir() => walk(path, &mut out),
            Ok(meta) if meta.len() > max_bytes as u64 && !input.ends_with(".jsonl") => out
                .errors
                .push(error(input, None, too_big(meta.len(), max_bytes, None))),
            Ok(_) => read_file(input, &mut out),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Inputs) {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                out.errors
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
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    for f in files {
        let name = f.display().to_string();
        if is_article_file(&f) {
            read_file(&name, out);
        } else {
            out.skipped.push(name);
        }
    }
}

/// Files a directory walk reads: `.txt` and `.md`. JSONL files are read when named.
fn is_article_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("txt") | Some("md")
    )
}

fn read_file(name: &str, out: &mut Inputs) {
    match std::fs::read(name) {
        Ok(bytes) => read_bytes(name, Some(name), bytes, out),
        Err(e) => out.errors.push(error(name, None, io_message(&e))),
    }
}

fn read_bytes(name: &str, path: Option<&str>, bytes: Vec<u8>, out: &mut Inputs) {
    let jsonl = name.ends_with(".jsonl")
        || (path.is_none() && bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'));
    if jsonl {
        read_jsonl(name, &bytes, out);
        return;
    }
    match decode(name, bytes) {
        Ok(text) => {
            let mut doc = Document::from_text(name, text);
            doc.path = path.map(str::to_string);
            out.documents.push(doc);
        }
        Err(e) => out.errors.push(e),
    }
}

/// Bytes -> text, or an error naming the byte offset (and line) of the first bad byte.
fn decode(name: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(error(
            name,
            Some(line_of(&bytes, at)),
            format!("binary file (NUL byte at byte offset {at}), not text"),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = line_of(e.as_bytes(), at);
        error(
            name,
            Some(line),
            format!("not valid UTF-8 at byte offset {at}"),
        )
    })
}

fn line_of(bytes: &[u8], at: usize) -> u64 {
    1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64
}

#[derive(Deserialize)]
struct JsonlArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

fn read_jsonl(name: &str, bytes: &[u8], out: &mut Inputs) {
    let path = if name == "-" { None } else { Some(name) };
    for (n, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = n as u64 + 1;
        if raw.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let text = match std::str::from_utf8(raw) {
            Ok(t) => t,
            Err(e) => {
                out.errors.push(error(
                    name,
                    Some(line),
                    format!("not valid UTF-8 at byte {} of the line", e.valid_up_to()),
                ));
                continue;
            }
        };
        let article: JsonlArticle = match serde_json::from_str(text) {
            Ok(a) => a,
            Err(e) => {
                out.errors
                    .push(error(name, Some(line), format!("not a JSON object: {e}")));
                continue;
            }
        };
        let id = match article.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(_) => {
                out.errors.push(error(
                    name,
                    Some(line),
                    "`id` must be a non-empty string or a number".into(),
                ));
                continue;
            }
            None => {
                out.errors
                    .push(error(name, Some(line), "missing `id`".into()));
                continue;
            }
        };
        let Some(body) = article.text else {
            out.errors.push(error(
                name,
                Some(line),
                format!("article {id:?} has no `text`"),
            ));
            continue;
        };
        let mut doc = Document::from_text(id, body);
        if let Some(date) = article.date {
            doc.date = Some(date);
        }
        doc.path = path.map(str::to_string);
        doc.outlet = article.outlet;
        doc.title = article.title;
        doc.url = article.url;
        doc.line = Some(line);
        out.documents.push(doc);
    }
}

fn error(input: &str, line: Option<u64>, message: String) -> InputError {
    InputError {
        input: input.to_string(),
        line,
        message,
    }
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

    #[test]
    fn jsonl_errors_name_the_line() {
        let mut out = Inputs::default();
        let data = b"{\"id\": \"a\", \"text\": \"One.\"}\n\nnot json\n{\"text\": \"x\"}\n{\"id\": 7, \"text\": \"Two.\", \"date\": \"2022-01-02\"}\n{\"id\": \"b\"}\n";
        read_jsonl("in.jsonl", data, &mut out);
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
    fn bad_utf8_names_the_offset() {
        let e = decode("x.txt", b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(e.to_string(), "x.txt:2: not valid UTF-8 at byte offset 7");
        let e = decode("y.txt", b"a\0b".to_vec()).unwrap_err();
        assert!(e.message.contains("binary"));
    }
}
