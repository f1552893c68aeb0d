//! Text as read -> text the pipeline sees: BOM dropped, CRLF and lone CR as LF, Unicode NFC;
//! with a byte map back to the original, so every span in the report indexes the input as read.

use crate::bytescan::ByteSet;
use crate::span::Span;
use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The pipeline's view of a document's text.
///
/// `text` equals the original when nothing needed changing (the common case: no copy, no map).
#[derive(Debug, Clone)]
pub struct Normalized<'t> {
    pub text: Cow<'t, str>,
    /// For each byte offset of `text` (and one past the end), the original byte offset.
    map: Option<Vec<usize>>,
}

/// Whether `s` needs no change: no BOM, no CR, and in NFC by the quick check
/// ([`is_nfc_quick`] says `Yes`), checking only its runs of non-ASCII characters: an ASCII
/// character is NFC and has combining class 0, so the check starts afresh after it, and most
/// text is ASCII.
fn already_normal(s: &str) -> bool {
    if s.starts_with('\u{feff}') {
        return false;
    }
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(k) = first_cr_or_non_ascii(&b[i..]) {
        let start = i + k;
        if b[start] == b'\r' {
            return false;
        }
        // The commonest run: one character of U+2010..U+203F (curly quote marks, dashes) or
        // U+00A0..U+00FF alone between ASCII, told NFC by its bytes.
        let one = match b[start..] {
            [0xE2, 0x80, 0x90..=0xBF, ..] => 3,
            [0xC2, 0xA0..=0xBF, ..] | [0xC3, 0x80..=0xBF, ..] => 2,
            _ => 0,
        };
        if one > 0 && b.get(start + one).is_none_or(u8::is_ascii) {
            i = start + one;
            continue;
        }
        let end = b[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(b.len(), |k| start + k);
        let run = &s[start..end];
        if !run.chars().all(surely_nfc) && is_nfc_quick(run.chars()) != IsNormalized::Yes {
            return false;
        }
        i = end;
    }
    true
}

/// Characters that are NFC wherever they stand (the quick check's `Yes`, combining class 0):
/// Latin-1's letters and signs, and the general punctuation from U+2010 (dashes, curly
/// quotes, ellipsis), nearly all the non-ASCII of English news. A run of them needs none of
/// the quick check's table lookups.
fn surely_nfc(c: char) -> bool {
    matches!(c, '\u{a0}'..='\u{ff}' | '\u{2010}'..='\u{205e}')
}

/// The index of the first byte of `b` that is CR or not ASCII: runs of other ASCII, most of a
/// text, are skipped a block at a time (`ByteSet::first_in`).
fn first_cr_or_non_ascii(b: &[u8]) -> Option<usize> {
    const CR_OR_NON_ASCII: ByteSet<1> = ByteSet::of([b'\r']).and_non_ascii();
    CR_OR_NON_ASCII.first_in(b, 0)
}

impl<'t> Normalized<'t> {
    /// Normalizes `original`; borrows it when it is already in normal form.
    pub fn new(original: &'t str) -> Normalized<'t> {
        if already_normal(original) {
            return Normalized {
                text: Cow::Borrowed(original),
                map: None,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let body = original.strip_prefix('\u{feff}').unwrap_or(original);
        let base = original.len() - body.len();
        let b = body.as_bytes();
        let mut chunk = String::new();
        let mut i = 0;
        while i < b.len() {
            // A run of ASCII without CR is copied as it is, each byte mapped to itself; but an
            // ASCII character just before a combining mark is that mark's starter.
            let run_end = first_cr_or_non_ascii(&b[i..]).map_or(b.len(), |k| i + k);
            let starts_chunk =
                run_end > i && body[run_end..].chars().next().is_some_and(is_combining);
            let copied = run_end - usize::from(starts_chunk);
            text.push_str(&body[i..copied]);
            map.extend(base + i..base + copied);
            i = copied;
            if i == b.len() {
                break;
            }
            let at = base + i;
            if b[i] == b'\r' {
                text.push('\n');
                map.push(at);
                i += 1;
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
                continue;
            }
            // A starter with its combining marks: composed together, mapped to the starter.
            let mut chars = body[i..].chars();
            chunk.clear();
            chunk.extend(chars.next());
            chunk.extend(chars.take_while(|&n| is_combining(n)));
            i += chunk.len();
            let before = text.len();
            text.extend(chunk.nfc());
            if text[before..] == chunk {
                // Nothing composed ("\n" and a stray accent): every byte maps to itself.
                map.extend(at..at + chunk.len());
            } else {
                map.extend(std::iter::repeat_n(at, text.len() - before));
            }
        }
        map.push(original.len());
        Normalized {
            text: Cow::Owned(text),
            map: Some(map),
        }
    }

    /// The original byte offset of normalized offset `at`.
    pub fn original_offset(&self, at: usize) -> usize {
        match &self.map {
            None => at,
            Some(map) => map[at],
        }
    }

    /// The span of the original text that normalized `span` came from.
    pub fn original_span(&self, span: Span) -> Span {
        match &self.map {
            None => span,
            Some(map) => {
                let start = map[span.start];
                // The end maps to the start of the next normalized char's origin, so a span
                // ending at a composed character covers all of its original bytes.
                let end = map[span.end];
                Span::new(start, end.max(start))
            }
        }
    }
}

/// Combining marks and Hangul vowel/final jamo: characters NFC may fold into the one before.
fn is_combining(c: char) -> bool {
    !c.is_ascii()
        && (unicode_normalization::char::is_combining_mark(c)
            || ('\u{1160}'..='\u{11ff}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_check_by_non_ascii_runs() {
        let normal = |s: &str| {
            !s.starts_with('\u{feff}')
                && !s.contains('\r')
                && is_nfc_quick(s.chars()) == IsNormalized::Yes
        };
        for s in [
            "",
            "plain",
            "“Café” — naïve",
            "e\u{301}",
            "a\u{323}\u{301}b",
            "a\u{301}\u{323}",
            "\u{301}",
            "한국어 x \u{1100}\u{1161}",
            "\u{212b}ngström",
            "\u{feff}plain",
            "a\rb",
            "a long line of plain ASCII text\r\n",
            "a long line of plain ASCII text\n“é”\r",
            "\r",
            "don\u{2019}t \u{201c}x\u{201d} \u{2014} \u{2010}\u{203f} caf\u{e9} \u{a0}\u{ff}",
            "\u{2019}",
            "x\u{2019}\u{301}",
            "e\u{e9}\u{301}",
            "\u{a0}\u{301}",
            "\u{2010}\u{2000}",
            "a\u{2019}\r",
        ] {
            assert_eq!(already_normal(s), normal(s), "{s:?}");
        }
    }

    #[test]
    fn surely_nfc_characters_are_nfc_and_start_afresh() {
        let mut all = String::new();
        for c in ('\u{80}'..='\u{2100}').filter(|&c| surely_nfc(c)) {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0);
            all.push(c);
        }
        assert_eq!(all.chars().count(), 0x60 + 0x4f);
        assert!(already_normal(&all));
        // U+2000 and U+2001 are singletons (NFC makes them U+2002, U+2003): not in the set.
        assert!(!already_normal("\u{2000}"));
    }

    #[test]
    fn cr_and_non_ascii_bytes_are_found_wherever_they_are() {
        for len in 0..40 {
            for at in 0..len {
                for special in [b'\r', 0x80, 0xc3, 0xff] {
                    let mut b: Vec<u8> =
                        (0..len).map(|i| b"a\x0c\x0e\x0d\n\x7f ~"[i % 8]).collect();
                    b[at] = special;
                    let first = b.iter().position(|&c| c == b'\r' || !c.is_ascii());
                    assert_eq!(first_cr_or_non_ascii(&b), first, "{b:?}");
                    assert!(first <= Some(at));
                }
            }
        }
        let ascii: Vec<u8> = (0..0x80).filter(|&c| c != b'\r').collect();
        for shift in 0..8 {
            assert_eq!(first_cr_or_non_ascii(&ascii[shift..]), None, "{shift}");
        }
    }

    #[test]
    fn borrowed_when_already_normal() {
        let n = Normalized::new("“Plain,” she said.");
        assert!(matches!(n.text, Cow::Borrowed(_)));
        assert_eq!(n.original_span(Span::new(3, 8)), Span::new(3, 8));
    }

    #[test]
    fn bom_crlf_and_nfd_map_back() {
        let original = "\u{feff}Cafe\u{301} said:\r\n“Oui.”";
        let n = Normalized::new(original);
        assert_eq!(n.text, "Café said:\n“Oui.”");
        let quote = n.text.find("Oui").unwrap();
        let span = n.original_span(Span::new(quote, quote + 3));
        assert_eq!(&original[span], "Oui");
        let cafe = n.original_span(Span::new(0, "Café".len()));
        assert_eq!(&original[cafe], "Cafe\u{301}");
    }

    #[test]
    fn marks_that_compose_with_nothing_keep_their_own_offsets() {
        // A line break then a stray combining accent: NFC leaves both, so a span starting at
        // the accent must not map back to the line break.
        let original = "ab\n\u{301}c é";
        let n = Normalized::new(original);
        assert_eq!(n.text, "ab\n\u{301}c é");
        assert_eq!(n.original_offset(3), 3);
        assert_eq!(n.original_span(Span::new(3, 6)), Span::new(3, 6));
    }

    #[test]
    fn lone_cr_is_a_line_break() {
        let n = Normalized::new("a\rb");
        assert_eq!(n.text, "a\nb");
        assert_eq!(n.original_offset(2), 2);
    }

    /// The character-at-a-time normalization this module did before runs of ASCII were
    /// copied whole: the text and the byte map.
    fn char_at_a_time(original: &str) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut map = Vec::new();
        let body = original.strip_prefix('\u{feff}').unwrap_or(original);
        let base = original.len() - body.len();
        let mut chars = body.char_indices().peekable();
        let mut chunk = String::new();
        while let Some((i, c)) = chars.next() {
            let at = base + i;
            if c == '\r' {
                if let Some(&(_, '\n')) = chars.peek() {
                    chars.next();
                }
                text.push('\n');
                map.push(at);
                continue;
            }
            if c.is_ascii() && !matches!(chars.peek(), Some(&(_, n)) if is_combining(n)) {
                text.push(c);
                map.push(at);
                continue;
            }
            chunk.clear();
            chunk.push(c);
            while let Some(&(_, n)) = chars.peek() {
                if !is_combining(n) {
                    break;
                }
                chunk.push(n);
                chars.next();
            }
            let before = text.len();
            text.extend(chunk.nfc());
            if text[before..] == chunk {
                map.extend(at..at + chunk.len());
            } else {
                map.extend(std::iter::repeat_n(at, text.len() - before));
            }
        }
        map.push(original.len());
        (text, map)
    }

    #[test]
    fn runs_of_ascii_map_as_characters_one_at_a_time_did() {
        let pieces = [
            "a",
            "Z ",
            "\r",
            "\n",
            "\r\n",
            "\u{feff}",
            "e\u{301}",
            "\u{301}",
            "\u{323}",
            "\u{303}",
            "é",
            "“",
            "—",
            "\u{212b}",
            "\u{1100}",
            "\u{1161}",
            "\u{11a8}",
            "한",
            "€",
            "😀",
            "n\u{303}o",
            " x\r\u{301}",
        ];
        let mut cases: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        for a in pieces {
            for b in pieces {
                for c in ["", "q", "\u{301}", "\r", "\u{feff}"] {
                    cases.push(format!("{a}{b}{c}"));
                    cases.push(format!("\u{feff}{a}{c}{b}"));
                }
            }
        }
        for original in &cases {
            let n = Normalized::new(original);
            let (text, map) = char_at_a_time(original);
            assert_eq!(n.text, text, "{original:?}");
            for (at, &from) in map.iter().enumerate() {
                assert_eq!(n.original_offset(at), from, "{original:?} at {at}");
            }
        }
    }
}
