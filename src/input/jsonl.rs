//! A JSONL line -> its article's fields, read straight from the line when it has the common
//! shape (an object whose `id` is a non-empty string, `text` a string, and the other known
//! fields strings or null), else `None`, and the caller asks serde_json: so every error, and
//! every line of another shape, is serde_json's reading, word for word.
//!
//! The direct reading copies each string once, into a `String` allocated once (a string with
//! escapes gets the rest of the line's size, shrunk when much too large), where serde_json
//! unescapes into a scratch buffer grown by doubling and then copies it out.

use crate::bytescan::JSON_SPECIAL;
use serde::Deserialize;

/// The fields of one JSONL article; unknown fields are ignored. serde_json's messages name
/// the struct and count its fields ("expected struct JsonlArticle with 6 elements").
#[derive(Deserialize, Debug, PartialEq)]
pub(super) struct JsonlArticle {
    pub id: Option<serde_json::Value>,
    pub text: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// The article of `line` read directly, or `None` when serde_json must read it: the line is
/// not a JSON object of known keys (written without escapes) and values of the expected
/// types, a known key comes twice, the `id` is not a non-empty string or `text` is missing,
/// or anything is not as strict JSON (RFC 8259) has it. Unknown keys' values are checked
/// and skipped as serde_json skips them; nesting deeper than [`MAX_DEPTH`] is left to it.
pub(super) fn quick_article(line: &str) -> Option<JsonlArticle> {
    let mut p = Parser {
        s: line,
        b: line.as_bytes(),
        at: 0,
    };
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
            match FIELDS.iter().position(|&f| f == key) {
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
    if p.at != p.b.len() {
        return None;
    }
    let [id, text, date, outlet, title, url] = fields.map(Option::flatten);
    let id = id.filter(|id| !id.is_empty())?;
    Some(JsonlArticle {
        id: Some(serde_json::Value::String(id)),
        text: Some(text?),
        date,
        outlet,
        title,
        url,
    })
}

/// The keys of [`JsonlArticle`], in the order of `quick_article`'s `fields`.
const FIELDS: [&str; 6] = ["id", "text", "date", "outlet", "title", "url"];

/// How deep the values of unknown keys may nest (serde_json's own limit is 128).
const MAX_DEPTH: usize = 64;

/// A cursor over the line's bytes; every method gives `None` on anything unexpected.
struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    /// JSON white space: space, tab, line feed, carriage return.
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
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

    /// A string without escapes (as keys are), borrowed from the line.
    fn plain_key(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        let end = start + find_special(&self.b[start..])?;
        if self.b[end] != b'"' {
            return None;
        }
        self.at = end + 1;
        Some(&self.s[start..end])
    }

    /// A string's value, or `None` for `null` (the outer `None`: neither).
    fn string_or_null(&mut self) -> Option<Option<String>> {
        if self.eat_word(b"null").is_some() {
            return Some(None);
        }
        self.eat(b'"')?;
        let start = self.at;
        let first = start + find_special(&self.b[start..])?;
        if self.b[first] == b'"' {
            // No escapes: copied as it is, once.
            self.at = first + 1;
            return Some(Some(self.s[start..first].to_string()));
        }
        // Escapes only shrink: the string is at most as long as the rest of the line.
        let mut out = String::with_capacity(self.b.len() - start);
        self.string_body(Some(&mut out))?;
        if out.capacity() > 2 * out.len() + 64 {
            out.shrink_to_fit();
        }
        Some(Some(out))
    }

    /// The rest of a string after its opening `"`, through its closing `"`; unescaped into
    /// `out` when given. No control characters, only JSON's escapes, and `\u` surrogates only
    /// in pairs (serde_json refuses lone ones in strings it reads, and skips them in the
    /// strings it ignores: `None` either way, and serde_json decides).
    fn string_body(&mut self, mut out: Option<&mut String>) -> Option<()> {
        loop {
            let end = self.at + find_special(&self.b[self.at..])?;
            if let Some(out) = out.as_deref_mut() {
                // `end` is an ASCII byte's, so a character boundary.
                out.push_str(&self.s[self.at..end]);
            }
            self.at = end + 1;
            match self.b[end] {
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
                    out.push(unescaped);
                }
                if self.peek() != Some(b'\\') {
                    break;
                }
                self.at += 1;
            }
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

/// The index of the first byte of `b` that ends a run of a string's plain bytes: `"`, `\\` or
/// a control character (below 0x20).
fn find_special(b: &[u8]) -> Option<usize> {
    JSON_SPECIAL.first_in(b, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's reading of `line`, as `jsonl_line` did it before the direct reading.
    fn serde_article(line: &str) -> Option<JsonlArticle> {
        serde_json::from_str(line).ok()
    }

    /// Lines read directly: each the same as serde_json reads it.
    #[test]
    fn the_common_shapes_are_read_directly_as_serde_json_reads_them() {
        let lines = [
            r#"{"id": "a", "text": "Plain."}"#,
            r#"{"text": "T", "id": "b", "date": "2020-01-02", "outlet": "O", "title": "Ti", "url": "http://x/y"}"#,
            r#"  {"id":"c","text":"","date":null,"outlet":null,"title":null,"url":null}  "#,
            "{\"id\":\"c\",\r\n\t\"text\":\"x\"}\r",
            r#"{"id": "d", "text": "Line\nbreak \"quoted\" back\\slash \/ \b\f\r\t tab"}"#,
            r#"{"id": "e", "text": "\u201cCurly\u201d \u00e9 \u00C9 \ud83d\ude00 \u0000 \u007f"}"#,
            r#"{"id": "f", "text": "é “already” 😀 literal"}"#,
            r#"{"id": "g", "text": "x", "gold": [1, -2, 0, 0.5, -0.25e10, 1E+3, 2e-3, true, false, null, "s\"\u0041", {}, [], {"k": [{"n": {"d": [[]]}}]}]}"#,
            r#"{"id": "h", "extra": {"a" : 1 , "b":[ 1 , 2 ] }, "text": "y", "extra": "twice is fine"}"#,
            r#"{"id": "i", "text": "a\\", "url": "\\\"\\"}"#,
            r#"{"id": "j", "text": "0123456789abcdef\"0123456789abcdef\\0123456789abcdef\n"}"#,
        ];
        for line in lines {
            let quick = quick_article(line);
            assert!(quick.is_some(), "{line}");
            assert_eq!(quick, serde_article(line), "{line}");
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
            assert_eq!(quick_article(line), None, "{line}");
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
                            if let Some(quick) = quick_article(&line) {
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
    fn special_bytes_are_found_wherever_they_are() {
        for len in 0..40 {
            for at in 0..len {
                for special in (0..0x20).chain([b'"', b'\\']) {
                    let mut b: Vec<u8> = (0..len).map(|i| b"a\x7f\xc3\xa9 ~!#["[i % 9]).collect();
                    b[at] = special;
                    assert_eq!(find_special(&b), Some(at), "{b:?}");
                    b.push(b'"');
                    assert_eq!(find_special(&b), Some(at), "{b:?}");
                }
            }
            // Every other byte value, in every position of a word.
            let plain: Vec<u8> = (0x20..=0xff).filter(|&c| c != b'"' && c != b'\\').collect();
            for shift in 0..8 {
                assert_eq!(find_special(&plain[shift..]), None, "{shift}");
            }
        }
    }
}
