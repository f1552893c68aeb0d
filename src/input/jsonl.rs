//! A JSONL line -> its article's fields, read straight from the line when it has the common
//! shape (an object whose `id` is a non-empty string, `text` a string, and the other known
//! fields strings or null), else `None`, and the caller asks serde_json: so every error, and
//! every line of another shape, is serde_json's reading, word for word.
//!
//! The direct reading copies each string once, into a `String` allocated once (a string with
//! escapes gets the rest of the line's size, shrunk when much too large), where serde_json
//! unescapes into a scratch buffer grown by doubling and then copies it out.
//!
//! It reads bytes, not a `str`: it checks the UTF-8 of the strings as it goes (everything
//! else it takes is ASCII), so a line it reads needs no pass of `str::from_utf8` first; and it
//! ends at the line break, so it reads a line where it lies in the reader's buffer, with no
//! pass to find the line's end first. The two passes were 2.2 M and 2.2 M instructions of
//! 261 M (callgrind, extract of dev1: 2.4 MB, 509 lines).

use crate::bytescan::ByteSet;
use serde::Deserialize;

/// The fields of one JSONL article; unknown fields are ignored. Read directly
/// ([`quick_article`]) or through [`typed_article`]; its own `Deserialize` is the serde_json
/// reading the direct one is tested against.
#[derive(Deserialize, Debug, PartialEq)]
pub(super) struct JsonlArticle {
    pub id: Option<serde_json::Value>,
    pub text: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// [`JsonlArticle`]'s fields as any JSON values, for the lines serde_json reads: syntax errors
/// and duplicate keys found as before, but a field of the wrong type is named by
/// [`typed_article`] rather than told as serde_json's "invalid type".
#[derive(Deserialize)]
struct AnyArticle {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    outlet: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
}

/// A line serde_json refused, for people: `not valid JSON: ...` when it does not parse (cut
/// short, a stray character), else `not a JSON object: ...` (a duplicate field, say).
fn line_error(e: serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => format!("not valid JSON: {e}"),
        Category::Data | Category::Io => format!("not a JSON object: {e}"),
    }
}

/// A line not read directly -> its article, and its `date` as JSON writes it when it is not a
/// string (the document is read without it, with a warning); or the error: `not valid JSON:
/// ...` or `not a JSON object: ...` as serde_json says it ([`line_error`]), or the field of
/// the wrong type named (`text` must be a string; `outlet`, `title`, `url` strings or null).
pub(super) fn typed_article(line: &str) -> Result<(JsonlArticle, Option<String>), String> {
    if !line.trim_start().starts_with('{') {
        // serde_json would read an array as the fields in order.
        return Err(match serde_json::from_str::<serde_json::Value>(line) {
            Ok(value) => format!("not a JSON object: {}", json_type(&value)),
            Err(e) => line_error(e),
        });
    }
    let any: AnyArticle = serde_json::from_str(line).map_err(line_error)?;
    let optional = |field: &str, value: Option<serde_json::Value>| match value {
        None => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!(
            "`{field}` must be a string or null, not {}",
            json_type(&other)
        )),
    };
    let text = match any.text {
        None => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => {
            return Err(format!(
                "`text` must be a string, not {}",
                json_type(&other)
            ))
        }
    };
    let (date, bad_date) = match any.date {
        Some(serde_json::Value::String(s)) => (Some(s), None),
        Some(other) => (None, Some(other.to_string())),
        None => (None, None),
    };
    let article = JsonlArticle {
        id: any.id,
        text,
        date,
        outlet: optional("outlet", any.outlet)?,
        title: optional("title", any.title)?,
        url: optional("url", any.url)?,
    };
    Ok((article, bad_date))
}

/// What a JSON value is, in words, with the value when it is short (a scalar).
fn json_type(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("a boolean ({b})"),
        Value::Number(n) if n.is_f64() => format!("a number ({n})"),
        Value::Number(n) => format!("an integer ({n})"),
        Value::String(_) => "a string".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The article of the line at the start of `bytes` read directly, and where the line ends
/// (at a line feed, or at the end of `bytes`); or `None` when serde_json must read it: the
/// line is not valid UTF-8, not a JSON object of known keys (written in ASCII, without
/// escapes) and values of the expected types, a known key comes twice, the `id` is not a
/// non-empty string or `text` is missing, or anything is not as strict JSON (RFC 8259) has
/// it. Unknown keys' values are checked and skipped as serde_json skips them; nesting deeper
/// than [`MAX_DEPTH`] is left to it. A line feed is no white space here: it ends the line.
pub(super) fn quick_article(bytes: &[u8]) -> Option<(JsonlArticle, usize)> {
    let mut p = Parser { b: bytes, at: 0 };
    let mut fields: [Option<Option<String>>; 6] = Default::default();
    p.ws();
    p.eat(b'{')?;
    p.ws();
    if p.eat(b'}').is_none() {
        loop {
            let key = p.plain_key()?;
            p.ws();
            p.eat(b':')?;
            p.ws();
            match FIELDS.iter().position(|&f| f.as_bytes() == key) {
                Some(k) => {
                    if fields[k].is_some() {
                        return None;
                    }
                    fields[k] = Some(p.string_or_null()?);
                }
                None => p.skip_value(1)?,
            }
            p.ws();
            if p.eat(b',').is_some() {
                p.ws();
                continue;
            }
            p.eat(b'}')?;
            break;
        }
    }
    p.ws();
    if p.peek().is_some_and(|b| b != b'\n') {
        return None;
    }
    let [id, text, date, outlet, title, url] = fields.map(Option::flatten);
    let id = id.filter(|id| !id.is_empty())?;
    let article = JsonlArticle {
        id: Some(serde_json::Value::String(id)),
        text: Some(text?),
        date,
        outlet,
        title,
        url,
    };
    Some((article, p.at))
}

/// The keys of [`JsonlArticle`], in the order of `quick_article`'s `fields`.
const FIELDS: [&str; 6] = ["id", "text", "date", "outlet", "title", "url"];

/// How deep the values of unknown keys may nest (serde_json's own limit is 128).
const MAX_DEPTH: usize = 64;

/// A cursor over the line's bytes; every method gives `None` on anything unexpected.
struct Parser<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    /// JSON white space but the line feed (which ends the line): space, tab, carriage return.
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.at += 1)
    }

    fn eat_word(&mut self, word: &[u8]) -> Option<()> {
        self.b[self.at..]
            .starts_with(word)
            .then(|| self.at += word.len())
    }

    /// A string of ASCII without escapes (as keys are), borrowed from the line.
    fn plain_key(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let start = self.at;
        let end = start + find_stop(&self.b[start..])?;
        if self.b[end] != b'"' {
            return None;
        }
        self.at = end + 1;
        Some(&self.b[start..end])
    }

    /// A string's value, or `None` for `null` (the outer `None`: neither).
    fn string_or_null(&mut self) -> Option<Option<String>> {
        if self.eat_word(b"null").is_some() {
            return Some(None);
        }
        self.eat(b'"')?;
        let start = self.at;
        let first = start + find_stop(&self.b[start..])?;
        if self.b[first] == b'"' {
            // ASCII without escapes: copied as it is, once (checked again, as it is short:
            // an id, a date, a URL).
            self.at = first + 1;
            let ascii = String::from_utf8(self.b[start..first].to_vec());
            return Some(Some(ascii.expect("ASCII bytes are UTF-8")));
        }
        // Escapes only shrink: the string is at most as long as the rest of the bytes. Those
        // are the rest of the reader's buffer (64 KiB) when the line is read where it lies:
        // room for 16 KiB at first (99% of dev1's texts), grown for longer ones, and more
        // than an eighth too many given back (a shrink in place). Extract's peak RSS on
        // dev40 is still 24.8 MB (22.7 MB when each line was found first and its strings
        // got the rest of the line's room; 25.2 MB with the rest of the buffer's room and
        // the old rule, twice too many): see the notes of the s11inp round.
        let mut out = Vec::with_capacity((self.b.len() - start).min(16 * 1024));
        self.string_body(Some(&mut out))?;
        if out.capacity() > out.len() + out.len() / 8 + 64 {
            out.shrink_to_fit();
        }
        // SAFETY: `string_body` puts only UTF-8 into `out`: runs of bytes below 0x80 (its
        // scan stops at every byte from 0x80 up), characters whose UTF-8 `utf8_char_len`
        // checked, copied whole, and the UTF-8 of the `char`s of escapes. Checking it again
        // with `String::from_utf8` was the pass over the text this reading saves.
        Some(Some(unsafe { String::from_utf8_unchecked(out) }))
    }

    /// The rest of a string after its opening `"`, through its closing `"`; unescaped into
    /// `out` when given (as UTF-8: see `string_or_null`). No control characters, only JSON's
    /// escapes, valid UTF-8, and `\u` surrogates only in pairs (serde_json refuses lone ones
    /// in strings it reads, and skips them in the strings it ignores: `None` either way, and
    /// serde_json decides).
    fn string_body(&mut self, mut out: Option<&mut Vec<u8>>) -> Option<()> {
        // The start of the bytes copied as they are, through the characters not ASCII in
        // them: one copy a run between escapes, not one more a character (on dev1, 14,400
        // copies instead of 23,800, and memcpy's mispredicts 13,800 instead of 27,500).
        let mut run = self.at;
        loop {
            let end = self.at + find_stop(&self.b[self.at..])?;
            let stop = self.b[end];
            if stop >= 0x80 {
                self.at = end + utf8_char_len(&self.b[end..])?;
                continue;
            }
            if let Some(out) = out.as_deref_mut() {
                out.extend_from_slice(&self.b[run..end]);
            }
            self.at = end + 1;
            match stop {
                b'"' => return Some(()),
                b'\\' => {}
                _ => return None,
            }
            // Escapes in a row ("\n\n" between paragraphs) are read one after another, with
            // no scan for the empty runs between them.
            loop {
                let escape = self.peek()?;
                self.at += 1;
                let unescaped = match escape {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\x08',
                    b'f' => '\x0c',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    b'u' => self.unicode_escape()?,
                    _ => return None,
                };
                if let Some(out) = out.as_deref_mut() {
                    push_char(out, unescaped);
                }
                if self.peek() != Some(b'\\') {
                    break;
                }
                self.at += 1;
            }
            run = self.at;
        }
    }

    /// The character of a `\u` escape (its `\u` read), a surrogate pair taken together.
    fn unicode_escape(&mut self) -> Option<char> {
        let n = self.hex4()?;
        if !(0xD800..=0xDFFF).contains(&n) {
            return char::from_u32(n);
        }
        if n > 0xDBFF {
            return None;
        }
        self.eat_word(b"\\u")?;
        let low = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return None;
        }
        char::from_u32(0x1_0000 + ((n - 0xD800) << 10) + (low - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.b.get(self.at..self.at + 4)?;
        let mut n = 0;
        for &d in digits {
            let v = HEX_VALUE[usize::from(d)];
            if v > 15 {
                return None;
            }
            n = n * 16 + u32::from(v);
        }
        self.at += 4;
        Some(n)
    }

    /// Any JSON value, checked and passed over; `depth` counts the objects and arrays it is in.
    fn skip_value(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.at += 1;
                self.string_body(None)
            }
            b'{' | b'[' if depth >= MAX_DEPTH => None,
            b'{' => {
                self.at += 1;
                self.skip_items(b'}', |p| {
                    p.eat(b'"')?;
                    p.string_body(None)?;
                    p.ws();
                    p.eat(b':')?;
                    p.ws();
                    p.skip_value(depth + 1)
                })
            }
            b'[' => {
                self.at += 1;
                self.skip_items(b']', |p| p.skip_value(depth + 1))
            }
            b't' => self.eat_word(b"true"),
            b'f' => self.eat_word(b"false"),
            b'n' => self.eat_word(b"null"),
            _ => self.skip_number(),
        }
    }

    /// The items of an object or array after its opening bracket, through `close`.
    fn skip_items(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<()> {
        self.ws();
        if self.eat(close).is_some() {
            return Some(());
        }
        loop {
            item(self)?;
            self.ws();
            if self.eat(close).is_some() {
                return Some(());
            }
            self.eat(b',')?;
            self.ws();
        }
    }

    /// A number as JSON writes it: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
    fn skip_number(&mut self) -> Option<()> {
        self.eat(b'-');
        if self.eat(b'0').is_none() {
            if !matches!(self.peek(), Some(b'1'..=b'9')) {
                return None;
            }
            self.digits();
        }
        if self.eat(b'.').is_some() && self.digits() == 0 {
            return None;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        // A digit right after a leading zero ("01") is no number.
        (!matches!(self.peek(), Some(b'0'..=b'9'))).then_some(())
    }

    /// Passes over ASCII digits; how many.
    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }
}

/// Each byte's value as a hexadecimal digit (either case), 0xFF for a byte that is none.
const HEX_VALUE: [u8; 256] = {
    let mut t = [0xFF; 256];
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = d as u8;
        d += 1;
    }
    let mut d = 0;
    while d < 6 {
        t[b'a' as usize + d] = 10 + d as u8;
        t[b'A' as usize + d] = 10 + d as u8;
        d += 1;
    }
    t
};

/// The bytes that end a run of a string's plain ASCII: `"`, `\\`, a control character (below
/// 0x20, the line feed among them), and every byte from 0x80 up (whose UTF-8 is checked).
const STRING_STOP: ByteSet<2> = ByteSet::of([b'"', b'\\']).and_below(0x20).and_non_ascii();

/// The index of the first byte of `b` in [`STRING_STOP`].
fn find_stop(b: &[u8]) -> Option<usize> {
    STRING_STOP.first_in(b, 0)
}

/// The length of the UTF-8 character at the start of `b` (its first byte from 0x80 up), or
/// `None` when `b` does not start with one: the first byte and the ranges of the second as
/// RFC 3629 has them (no overlong forms, no surrogates, nothing past U+10FFFF), the others
/// continuation bytes.
fn utf8_char_len(b: &[u8]) -> Option<usize> {
    let (len, low, high) = match b[0] {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return None,
    };
    let tail = b.get(1..len)?;
    let second = (low..=high).contains(&tail[0]);
    (second && tail[1..].iter().all(|&c| c & 0xC0 == 0x80)).then_some(len)
}

/// `c` appended to `out` as UTF-8.
fn push_char(out: &mut Vec<u8>, c: char) {
    if c.is_ascii() {
        out.push(c as u8);
    } else {
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's reading of `line`, as `jsonl_line` did it before the direct reading.
    fn serde_article(line: &str) -> Option<JsonlArticle> {
        serde_json::from_str(line).ok()
    }

    /// The direct reading of a whole line (its end must be the end of `line`).
    fn quick(line: &[u8]) -> Option<JsonlArticle> {
        quick_article(line).map(|(article, end)| {
            assert_eq!(end, line.len());
            article
        })
    }

    /// Lines read directly: each the same as serde_json reads it.
    #[test]
    fn the_common_shapes_are_read_directly_as_serde_json_reads_them() {
        let lines = [
            r#"{"id": "a", "text": "Plain."}"#,
            r#"{"text": "T", "id": "b", "date": "2020-01-02", "outlet": "O", "title": "Ti", "url": "http://x/y"}"#,
            r#"  {"id":"c","text":"","date":null,"outlet":null,"title":null,"url":null}  "#,
            "{\"id\":\"c\",\r\t\"text\":\"x\"}\r",
            r#"{"id": "d", "text": "Line\nbreak \"quoted\" back\\slash \/ \b\f\r\t tab"}"#,
            r#"{"id": "e", "text": "\u201cCurly\u201d \u00e9 \u00C9 \ud83d\ude00 \u0000 \u007f"}"#,
            r#"{"id": "f", "text": "é “already” 😀 literal"}"#,
            r#"{"id": "g", "text": "x", "gold": [1, -2, 0, 0.5, -0.25e10, 1E+3, 2e-3, true, false, null, "s\"\u0041", {}, [], {"k": [{"n": {"d": [[]]}}]}]}"#,
            r#"{"id": "h", "extra": {"a" : 1 , "b":[ 1 , 2 ] }, "text": "y", "extra": "twice is fine"}"#,
            r#"{"id": "i", "text": "a\\", "url": "\\\"\\"}"#,
            r#"{"id": "j", "text": "0123456789abcdef\"0123456789abcdef\\0123456789abcdef\n"}"#,
        ];
        for line in lines {
            let quick = quick(line.as_bytes());
            assert!(quick.is_some(), "{line}");
            assert_eq!(quick, serde_article(line), "{line}");
        }
    }

    /// A line read where it lies among the next ones ends at its line feed, which is no
    /// white space for it; one cut short is not read.
    #[test]
    fn a_line_ends_at_its_line_feed() {
        let line = "{\"id\": \"a\", \"text\": \"T\\n\u{e9}\"} \r";
        let bytes = format!("{line}\n{{\"id\": \"b\", \"text\": \"U\"}}\n\n");
        let (article, end) = quick_article(bytes.as_bytes()).expect("read");
        assert_eq!(end, line.len());
        assert_eq!(Some(article), serde_article(line));
        // A line cut short is read at most as a line ending where the bytes end (it may be
        // whole there: the reader then finds its end as before).
        for cut in 0..line.len() {
            let cut = &line.as_bytes()[..cut];
            if let Some((_, end)) = quick_article(cut) {
                assert_eq!(end, cut.len(), "{cut:?}");
            }
        }
        for broken in [
            "{\"id\": \"a\",\n\"text\": \"T\"}",
            "{\"id\": \"a\", \"text\": \"T\n\"}",
            "{\"id\": \"a\", \"text\": \"T\"\n}",
            "\n{\"id\": \"a\", \"text\": \"T\"}",
        ] {
            assert!(quick_article(broken.as_bytes()).is_none(), "{broken}");
        }
    }

    /// Lines that are not valid UTF-8 are never read directly (jsonl_line names the byte).
    #[test]
    fn lines_not_utf8_are_not_read_directly() {
        let lines: [&[u8]; 9] = [
            b"{\"id\": \"a\", \"text\": \"\xff\"}",
            b"{\"id\": \"a\", \"text\": \"over \xc0\x80 long\"}",
            b"{\"id\": \"a\", \"text\": \"surrogate \xed\xa0\x80\"}",
            b"{\"id\": \"a\", \"text\": \"cut \xe2\x80\"}",
            b"{\"id\": \"a\", \"text\": \"lone \x80\"}",
            b"{\"id\": \"a\", \"text\": \"big \xf4\x90\x80\x80\"}",
            b"{\"id\": \"\xc3\xa9\xc3\", \"text\": \"t\"}",
            b"{\"id\": \"a\", \"text\": \"t\", \"x\": [\"\xe9\"]}",
            b"{\"id\": \"a\", \"\xc3\xa9\": 1, \"text\": \"t\"}",
        ];
        for line in lines {
            assert!(quick_article(line).is_none(), "{line:?}");
        }
    }

    /// Lines left to serde_json: errors (its message is the one given), or shapes read
    /// otherwise (a number id, an array, escaped keys, deep nesting, duplicates).
    #[test]
    fn other_lines_are_left_to_serde_json() {
        let deep = format!(
            r#"{{"id": "d", "text": "t", "x": {}{}}}"#,
            "[".repeat(70),
            "]".repeat(70)
        );
        let lines = [
            r#"{"id": 7, "text": "number id"}"#,
            r#"{"id": "", "text": "empty id"}"#,
            r#"{"id": null, "text": "null id"}"#,
            r#"{"id": "a"}"#,
            r#"{"id": "a", "text": null}"#,
            r#"{"id": "a", "text": 5}"#,
            r#"{"id": "a", "text": "t", "date": 20200101}"#,
            r#"{"id": "a", "text": "t", "title": ["x"]}"#,
            r#"{"id": "a", "text": "t", "text": "u"}"#,
            r#"{"id": "a", "te\u0078t": "escaped key"}"#,
            r#"["a", "array form"]"#,
            r#"{"id": "a", "text": "t",}"#,
            r#"{"id": "a", "text": "t"} x"#,
            r#"{"id": "a", "text": "t"}{}"#,
            r#"{"id": "a", "text": "t""#,
            r#"{"id": "a", "text": "t"#,
            r#"{"id": "a", "text": "bad \x escape"}"#,
            r#"{"id": "a", "text": "short \u12"}"#,
            r#"{"id": "a", "text": "lone \ud83d here"}"#,
            r#"{"id": "a", "text": "lone \ude00 low"}"#,
            r#"{"id": "a", "text": "two highs \ud83d\ud83d"}"#,
            r#"{"id": "a", "text": "t", "n": 01}"#,
            r#"{"id": "a", "text": "t", "n": 1.}"#,
            r#"{"id": "a", "text": "t", "n": .5}"#,
            r#"{"id": "a", "text": "t", "n": 1e}"#,
            r#"{"id": "a", "text": "t", "n": -}"#,
            r#"{"id": "a", "text": "t", "n": +1}"#,
            r#"{"id": "a", "text": "t", "n": tru}"#,
            r#"{"id": "a", "text": "t", "n": [1,]}"#,
            r#"{"id": "a", "text": "t", "n": {"k" 1}}"#,
            r#"{"id": "a", "text": "t", "n": "lone \udc00 skipped"}"#,
            "{\"id\": \"a\", \"text\": \"raw\ttab\"}",
            "{\"id\": \"a\", \"text\": \"raw\nbreak\"}",
            "\u{feff}{\"id\": \"a\", \"text\": \"bom\"}",
            "{\"id\": \"a\",\u{c}\"text\": \"form feed\"}",
            &deep,
        ];
        for line in lines {
            assert_eq!(quick(line.as_bytes()), None, "{line}");
        }
        let e = serde_json::from_str::<JsonlArticle>(r#"["a", "array form"]"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid length 2, expected struct JsonlArticle with 6 elements at line 1 column 19"
        );
    }

    /// Every line made of these pieces: when read directly, the same as serde_json's reading.
    #[test]
    fn direct_readings_always_agree_with_serde_json() {
        let keys = [
            "\"id\"",
            "\"text\"",
            "\"date\"",
            "\"other\"",
            "\"u\\u0072l\"",
        ];
        let values = [
            "\"v\"",
            "\"\"",
            "null",
            "\"a\\nb\\u00e9\\\"\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "12",
            "-0.5e3",
            "[1, {\"k\": null}]",
            "{}",
            "true",
            "01",
        ];
        let mut direct = 0;
        for k1 in keys {
            for v1 in values {
                for k2 in keys {
                    for v2 in values {
                        let line = format!("{{{k1}: {v1}, {k2}:{v2}, \"id\": \"x\"}}");
                        let line2 = format!("{{\"text\": \"t\", {k1}: {v1}, {k2}:{v2}}}");
                        for line in [line, line2] {
                            if let Some(quick) = quick(line.as_bytes()) {
                                direct += 1;
                                assert_eq!(Some(quick), serde_article(&line), "{line}");
                            }
                        }
                    }
                }
            }
        }
        assert!(direct >= 200, "{direct}");
    }

    #[test]
    fn hex_values_are_to_digits() {
        for b in 0..=u8::MAX {
            let want = char::from(b).to_digit(16);
            let v = HEX_VALUE[usize::from(b)];
            assert_eq!((v <= 15).then_some(u32::from(v)), want, "{b}");
        }
    }

    #[test]
    fn stop_bytes_are_found_wherever_they_are() {
        for len in 0..40 {
            for at in 0..len {
                for stop in (0..0x20).chain([b'"', b'\\']).chain(0x80..=0xff) {
                    let mut b: Vec<u8> = (0..len).map(|i| b"a\x7f ~!#[zZ"[i % 9]).collect();
                    b[at] = stop;
                    assert_eq!(find_stop(&b), Some(at), "{b:?}");
                    b.push(b'"');
                    assert_eq!(find_stop(&b), Some(at), "{b:?}");
                }
            }
        }
        // Every other byte value, in every position of a word.
        let plain: Vec<u8> = (0x20..0x80).filter(|&c| c != b'"' && c != b'\\').collect();
        for shift in 0..8 {
            assert_eq!(find_stop(&plain[shift..]), None, "{shift}");
        }
    }

    /// `utf8_char_len` against std's UTF-8 check: the shortest prefix (of two to four bytes)
    /// that is UTF-8, for every first three bytes and some fourth ones.
    #[test]
    fn utf8_char_lengths_are_std_s() {
        for first in 0x80..=0xff {
            for second in 0..=0xff {
                for third in 0..=0xff {
                    for fourth in [0x00, 0x7f, 0x80, 0x8f, 0x90, 0xbf, 0xc0, 0xff] {
                        let b = [first, second, third, fourth];
                        let want = (2..=4).find(|&n| std::str::from_utf8(&b[..n]).is_ok());
                        assert_eq!(utf8_char_len(&b), want, "{b:x?}");
                    }
                }
            }
        }
        // Cut short.
        let b = [0xe2, 0x80, 0x99, 0];
        assert_eq!(utf8_char_len(&b[..3]), Some(3));
        assert_eq!(utf8_char_len(&b[..2]), None);
        assert_eq!(utf8_char_len(&b[..1]), None);
    }

    #[test]
    fn chars_are_pushed_as_utf8() {
        for c in [
            'a',
            '\n',
            '\u{0}',
            '\u{7f}',
            '\u{80}',
            '\u{e9}',
            '\u{2019}',
            '\u{1f600}',
        ] {
            let mut out = b"x".to_vec();
            push_char(&mut out, c);
            assert_eq!(out, format!("x{c}").into_bytes());
        }
    }
}
