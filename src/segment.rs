//! Text -> paragraphs and sentences, as byte spans.
//!
//! A line break ends a paragraph, except a soft wrap (the next line goes on in lower case after a
//! line without closing punctuation). Sentences end at `.`, `!`, `?` or `…` (with any closing
//! quote marks or brackets after them) before white space and a capital, digit or opening
//! mark; abbreviations from `data/abbreviations.txt` and initials do not end sentences.

use crate::bytescan::{is_ascii_space, ByteSet, Masks3, NEWLINE};
use crate::span::{last_run_start, Span};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// The words of `data/abbreviations.txt`, with what most other words fail before a look-up.
struct Abbreviations {
    words: FxHashSet<&'static str>,
    /// The longest one's length in bytes.
    longest: usize,
    /// Whether some abbreviation starts with this byte.
    starts: [bool; 256],
}

static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| {
    let words: FxHashSet<&'static str> = include_str!("../data/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut starts = [false; 256];
    for w in &words {
        starts[usize::from(w.as_bytes()[0])] = true;
    }
    Abbreviations {
        longest: words.iter().map(|w| w.len()).max().unwrap_or(0),
        words,
        starts,
    }
});

/// True for a word (without its period) listed in `data/abbreviations.txt`.
pub fn is_abbreviation(word: &str) -> bool {
    let a = &*ABBREVIATIONS;
    word.len() <= a.longest
        && word
            .as_bytes()
            .first()
            .is_some_and(|&b| a.starts[usize::from(b)])
        && a.words.contains(word)
}

/// A text's line breaks, the bytes that find its sentence ends and the bytes its quote marks
/// start with, found in one pass over the text ([`Masks3`]) for its paragraphs
/// ([`paragraphs_into`]), their sentences ([`Sentences::split`]) and quotations
/// ([`crate::quote::find_quotes_into`]), which each searched the text on its own before.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    masks: Masks3,
}

impl Marks {
    /// The marks of `text`.
    pub fn new(text: &str) -> Marks {
        let mut marks = Marks::default();
        marks.fill(text);
        marks
    }

    /// Panics unless these are the marks of a text of `text`'s length: marks of another text
    /// would find another text's sentences, or index past their blocks.
    #[inline]
    pub(crate) fn check(&self, text: &str) {
        assert_eq!(
            self.masks.len(),
            text.len(),
            "the marks of another text (of {} bytes, not {})",
            self.masks.len(),
            text.len()
        );
    }

    /// [`Marks::new`] in place: the marks of another text, in the buffer of the last ones.
    pub fn fill(&mut self, text: &str) {
        let quote = &crate::quote::LEAD_BYTES;
        self.masks
            .fill(text.as_bytes(), &NEWLINE, &END_BYTES, quote);
    }

    /// The first line break in `from..end`.
    #[inline(always)]
    fn newline(&self, from: usize, end: usize) -> Option<usize> {
        self.masks.first::<0>(from, end)
    }

    /// The first of [`END_BYTES`] in `from..end`.
    #[inline(always)]
    fn sentence_end(&self, from: usize, end: usize) -> Option<usize> {
        self.masks.first::<1>(from, end)
    }

    /// The first of the quote marks' lead bytes ([`crate::quote::LEAD_BYTES`]) in `from..end`.
    #[inline(always)]
    pub(crate) fn quote_lead(&self, from: usize, end: usize) -> Option<usize> {
        self.masks.first::<2>(from, end)
    }
}

/// Paragraph spans of `text[from..]`, trimmed, in order; blank lines separate them too.
pub fn paragraphs(text: &str, from: usize) -> Vec<Span> {
    let mut out = Vec::new();
    paragraphs_into(text, from, &Marks::new(text), &mut out);
    out
}

/// [`paragraphs`] into `out` (emptied first), whose buffer a caller can keep from document
/// to document, given the text's [`Marks`].
pub fn paragraphs_into(text: &str, from: usize, marks: &Marks, out: &mut Vec<Span>) {
    marks.check(text);
    out.clear();
    let mut joinable = false;
    let mut pos = from;
    // Each line, its line break included.
    while pos < text.len() {
        let b = text.as_bytes();
        let end = marks.newline(pos, text.len()).map_or(text.len(), |k| k + 1);
        // A line that starts and ends (before its line break) with ASCII characters other
        // than white space is its own trim.
        let last = end - usize::from(b[end - 1] == b'\n');
        let span = if last > pos && ascii_not_space(b[pos]) && ascii_not_space(b[last - 1]) {
            Span::new(pos, last)
        } else if last == pos {
            // A blank line, its line break alone (nearly every other line, between
            // paragraphs): nothing to trim.
            Span::new(pos, pos)
        } else {
            Span::new(pos, end).trim(text)
        };
        pos = end;
        if span.is_empty() {
            joinable = false;
            continue;
        }
        let s = &text[span];
        let soft = joinable && s.chars().next().is_some_and(|c| c.is_lowercase());
        match out.last_mut() {
            Some(last) if soft => last.end = span.end,
            _ => out.push(span),
        }
        joinable = !s.ends_with(|c: char| {
            matches!(
                c,
                '.' | '!' | '?' | ':' | '…' | '"' | '”' | '’' | '»' | '“' | ')'
            )
        });
    }
}

/// Sentence spans inside one paragraph span, trimmed, covering it in order.
pub fn sentences(text: &str, para: Span) -> Vec<Span> {
    // The paragraph alone, its marks found, and its sentences moved back to their place.
    let p = &text[para];
    let mut out = Vec::new();
    sentences_into(p, Span::new(0, p.len()), &Marks::new(p), &mut out);
    for s in &mut out {
        *s = s.shift(para.start);
    }
    out
}

/// The sentences of a document's paragraphs, split once for every stage that reads them
/// (reported speech, relays, quote attribution, figures).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentences {
    /// Every paragraph's sentences, in text order.
    spans: Vec<Span>,
    /// Paragraph `i`'s sentences are `spans[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<usize>,
}

impl Sentences {
    /// The [`sentences`] of each of `paragraphs`.
    pub fn new(text: &str, paragraphs: &[Span]) -> Sentences {
        let mut all = Sentences::default();
        all.split(text, paragraphs, &Marks::new(text));
        all
    }

    /// [`Sentences::new`] in place: the sentences of another document's `paragraphs`, in the
    /// buffers of the last ones, given the text's [`Marks`].
    pub fn split(&mut self, text: &str, paragraphs: &[Span], marks: &Marks) {
        marks.check(text);
        // About a sentence in 130 bytes of news text: room for most documents at once.
        let bytes =
            paragraphs.last().map_or(0, |p| p.end) - paragraphs.first().map_or(0, |p| p.start);
        let Sentences { spans, bounds } = self;
        spans.clear();
        bounds.clear();
        spans.reserve(bytes / 100 + paragraphs.len());
        bounds.reserve(paragraphs.len() + 1);
        bounds.push(0);
        for &p in paragraphs {
            sentences_into(text, p, marks, spans);
            bounds.push(spans.len());
        }
    }

    /// The sentences of paragraph `para` (an index into the paragraphs given to [`Sentences::new`]).
    pub fn of(&self, para: usize) -> &[Span] {
        &self.spans[self.bounds[para]..self.bounds[para + 1]]
    }

    /// Each paragraph's sentences, in order.
    pub fn by_paragraph(&self) -> impl Iterator<Item = &[Span]> {
        self.bounds.windows(2).map(|b| &self.spans[b[0]..b[1]])
    }

    /// All sentences of the document, in text order.
    pub fn all(&self) -> &[Span] {
        &self.spans
    }
}

/// [`sentences`], appended to `out`, given the text's [`Marks`].
fn sentences_into(text: &str, para: Span, marks: &Marks, out: &mut Vec<Span>) {
    let p = &text[para];
    let mut start = 0;
    let mut i = 0;
    while let Some((at, c)) = next_terminal(p.as_bytes(), para.start, marks, i) {
        // Take the run of closing punctuation and marks after it.
        let mut end = at + c.len_utf8();
        let b = p.as_bytes();
        // ASCII bytes tested as they are; other characters decoded.
        while let Some(&byte) = b.get(end) {
            if byte.is_ascii() {
                if !matches!(byte, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                    break;
                }
                end += 1;
                continue;
            }
            let d = p[end..].chars().next().expect("a char boundary");
            if matches!(
                d,
                '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '」'
            ) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        if ends_sentence(p, at, c, end) {
            let sentence = Span::new(para.start + start, para.start + end);
            // It ends with its mark; when it starts with an ASCII character other than white
            // space too, it has nothing to trim.
            if b.get(start).is_some_and(|&x| ascii_not_space(x)) {
                out.push(sentence);
            } else {
                out.push(sentence.trim(text));
            }
            // The next one starts after the white space (which its trim would take off).
            start = end + b[end..].iter().take_while(|&&x| is_ascii_space(x)).count();
        }
        i = end;
    }
    if start < p.len() {
        let last = Span::new(para.start + start, para.end).trim(text);
        if !last.is_empty() {
            out.push(last);
        }
    }
}

/// An ASCII byte that is not white space.
fn ascii_not_space(b: u8) -> bool {
    b.is_ascii() && !is_ascii_space(b)
}

/// The first `.`, `!`, `?` or `…` of `p[from..]` (`from` on a char boundary), where `p` is
/// the text from `base` on and `marks` the text's: its offset and the character. The marks'
/// bytes are the ASCII marks and the last byte of `…` (E2 80 A6), which few other characters
/// hold: the lead byte 0xE2 starts most curly quote marks and dashes too.
fn next_terminal(p: &[u8], base: usize, marks: &Marks, from: usize) -> Option<(usize, char)> {
    if from >= p.len() {
        // After the mark that ends the paragraph, the commonest end of the search.
        return None;
    }
    let mut i = from;
    while let Some(at) = marks.sentence_end(base + i, base + p.len()) {
        let at = at - base;
        match p[at] {
            b'.' => return Some((at, '.')),
            b'!' => return Some((at, '!')),
            b'?' => return Some((at, '?')),
            // A6 after E2 80 is `…`, whose start the scan passed (from a char boundary, so
            // `at - 2 >= from`) finding nothing before it.
            _ if at >= 2 && p[at - 2..at] == [0xE2, 0x80] => return Some((at - 2, '…')),
            _ => i = at + 1,
        }
    }
    None
}

/// The bytes that find a sentence end: `.`, `!`, `?` and the last byte of `…`.
const END_BYTES: ByteSet<4> = ByteSet::of([b'.', b'!', b'?', 0xA6]);

/// Whether the punctuation `c` at `at` (its run ending at `end`) ends a sentence in `p`.
fn ends_sentence(p: &str, at: usize, c: char, end: usize) -> bool {
    let rest = &p.as_bytes()[end..];
    // White space first: ASCII bytes tested as they are, and only the rest trimmed by
    // characters.
    let ascii_spaces = rest.iter().take_while(|&&b| is_ascii_space(b)).count();
    let next = match rest.get(ascii_spaces) {
        None => return true,
        // Not white space: the next character itself, or, right after the mark, no space.
        Some(&b) if b.is_ascii() => {
            if ascii_spaces == 0 {
                return false;
            }
            char::from(b)
        }
        Some(_) => {
            let rest = &p[end + ascii_spaces..];
            if ascii_spaces == 0 && !rest.starts_with(char::is_whitespace) {
                return false;
            }
            let Some(next) = rest.trim_start().chars().next() else {
                return true;
            };
            next
        }
    };
    let opens = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(
            next,
            '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[' | '‹' | '‚' | '「' | '—' | '–'
        );
    if !opens {
        return false;
    }
    if c != '.' {
        return true;
    }
    // The word before the period.
    let before = &p[..at];
    let word = &before[word_start(before)..];
    if word.is_empty() {
        return true;
    }
    // Initials ("J. Smith") and dotted abbreviations ("U.S.", "a.m.").
    let mut chars = word.chars();
    if let (Some(first), None) = (chars.next(), chars.next()) {
        if first.is_uppercase() {
            return false;
        }
    }
    if word.len() <= 6
        && word.bytes().any(|b| b == b'.')
        && word.split('.').all(|w| w.chars().count() <= 2)
    {
        return false;
    }
    if is_abbreviation(word) {
        return false;
    }
    if word == "No" && next.is_ascii_digit() {
        return false;
    }
    true
}

/// Where the last word of `before` starts: after its last white space, `(`, `"`, `“`, `‘` or
/// `«`, or at 0.
fn word_start(before: &str) -> usize {
    // ASCII bytes from the end, as long as there are; the rest by characters. (A search back
    // sixteen bytes at a time for the last separator, byte not ASCII or control byte was
    // -0.18 M instructions and -9 k mispredicts in `sentences_into`: under the bar, dropped.)
    let b = before.as_bytes();
    let mut k = b.len();
    while k > 0 {
        let x = b[k - 1];
        if !x.is_ascii() {
            return last_run_start(&before[..k], |ch| {
                !(ch.is_whitespace() || matches!(ch, '(' | '"' | '“' | '‘' | '«'))
            });
        }
        if matches!(x, b' ' | b'\t'..=b'\r' | b'(' | b'"') {
            return k;
        }
        k -= 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "the marks of another text")]
    fn marks_of_another_text_are_refused() {
        let mut out = Vec::new();
        paragraphs_into("A longer text.\n\nTwo.", 0, &Marks::new("Short."), &mut out);
    }

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|&s| &text[s]).collect()
    }

    #[test]
    fn paragraphs_by_lines_and_blank_lines() {
        let t = "Head line\n\nFirst para.\nSecond para\nwraps here.\n\n\n  Third.  \n";
        assert_eq!(
            texts(t, &paragraphs(t, 0)),
            [
                "Head line",
                "First para.",
                "Second para\nwraps here.",
                "Third."
            ]
        );
    }

    #[test]
    fn paragraphs_are_trimmed_lines() {
        for end in ["", "\n", "\n\n", " \n", "\u{a0}\n"] {
            for line in [
                "x",
                "A line.",
                " A line",
                "\u{c9}t\u{e9}",
                "\u{201c}Q\u{201d}",
                "\t",
                "a b ",
            ] {
                let t = format!("{line}\nSecond line.{end}{line}{end}");
                let slow: Vec<Span> = {
                    let mut out = Vec::new();
                    let mut pos = 0;
                    while pos < t.len() {
                        let end = t[pos..].find('\n').map_or(t.len(), |k| pos + k + 1);
                        out.push(Span::new(pos, end).trim(&t));
                        pos = end;
                    }
                    out.retain(|s| !s.is_empty());
                    out
                };
                let got = paragraphs(&t, 0);
                // Lines joined by a soft wrap are one paragraph: the paragraphs, in order, are
                // the lines taken in runs, every line in one (none dropped, none twice).
                let mut line = 0;
                for p in &got {
                    assert_eq!(p.trim(&t), *p, "{t:?}");
                    assert_eq!(slow.get(line).map(|s| s.start), Some(p.start), "{t:?}");
                    let last = slow[line..].iter().position(|s| s.end == p.end);
                    line += last.unwrap_or_else(|| panic!("{p:?} ends a line of {t:?}")) + 1;
                }
                assert_eq!(line, slow.len(), "every line is in a paragraph: {t:?}");
            }
        }
    }

    #[test]
    fn word_start_is_after_the_last_separator() {
        let cases = [
            ("", ""),
            ("Mr", "Mr"),
            ("said Mr", "Mr"),
            ("(Gen", "Gen"),
            ("\"Sen", "Sen"),
            ("x\u{201c}Dr", "Dr"),
            ("x\u{2018}Dr", "Dr"),
            ("x\u{ab}Dr", "Dr"),
            ("x\u{a0}Dr", "Dr"),
            ("x\u{2003}Dr", "Dr"),
            ("x\tDr", "Dr"),
            ("x\u{b}Dr", "Dr"),
            ("caf\u{e9}", "caf\u{e9}"),
            ("the \u{c9}tats-Unis", "\u{c9}tats-Unis"),
            ("Sen.\u{201d}Dr", "Sen.\u{201d}Dr"),
            ("a [Dr", "[Dr"),
        ];
        for (before, want) in cases {
            // As the search by characters found it.
            let slow = before
                .rfind(|ch: char| ch.is_whitespace() || matches!(ch, '(' | '"' | '“' | '‘' | '«'))
                .map_or(0, |k| {
                    k + before[k..].chars().next().map_or(1, char::len_utf8)
                });
            assert_eq!(word_start(before), slow, "{before:?}");
            assert_eq!(&before[word_start(before)..], want, "{before:?}");
        }
    }

    #[test]
    fn ascii_spaces_are_white_space() {
        for b in 0..=u8::MAX {
            let c = char::from(b);
            assert_eq!(is_ascii_space(b), b.is_ascii() && c.is_whitespace(), "{b}");
            assert_eq!(
                ascii_not_space(b),
                b.is_ascii() && !c.is_whitespace(),
                "{b}"
            );
        }
    }

    #[test]
    fn sentences_are_trimmed_whatever_the_space_between() {
        for space in ["", " ", "  \n\t", "\u{a0}", " \u{2003} ", "\u{3000}"] {
            for first in ["The", "\u{c9}t\u{e9}", "\u{201c}We", "5"] {
                let t = format!("{first} left.{space} {first} came!{space}{first} stayed. {space}");
                let para = Span::new(0, t.len());
                let got = sentences(&t, para);
                // A sentence ends at a terminal followed by a space (none after "came!" when
                // `space` is empty).
                let want: Vec<String> = if space.is_empty() {
                    vec![
                        format!("{first} left."),
                        format!("{first} came!{first} stayed."),
                    ]
                } else {
                    ["left.", "came!", "stayed."]
                        .map(|w| format!("{first} {w}"))
                        .to_vec()
                };
                assert_eq!(texts(&t, &got), want, "{t:?}");
                for s in &got {
                    assert_eq!(s.trim(&t), *s, "{t:?}");
                }
                // The same sentences as the spans between ends, each trimmed.
                let ends: Vec<usize> = got.iter().map(|s| s.end).collect();
                let mut start = 0;
                for (s, &end) in got.iter().zip(&ends) {
                    assert_eq!(*s, Span::new(start, end).trim(&t), "{t:?}");
                    start = end;
                }
            }
        }
    }

    #[test]
    fn abbreviations_are_the_listed_words() {
        for w in ABBREVIATIONS.words.iter() {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["", "said", "Mrx", "Messrsx", "e.g.", "\u{e9}", "mr", "Sen "] {
            assert!(!is_abbreviation(w), "{w}");
        }
        assert!(is_abbreviation("Messrs") && is_abbreviation("Mr") && is_abbreviation("vs"));
    }

    #[test]
    fn sentence_ends_before_every_kind_of_space_and_character() {
        // Each mark, then nothing, ASCII or other white space, then ASCII or other
        // characters: as the test by characters alone has it.
        let slow = |p: &str, at: usize, c: char, end: usize| {
            let rest = &p[end..];
            match rest.chars().next() {
                None => return true,
                Some(ws) if !ws.is_whitespace() => return false,
                _ => {}
            }
            let Some(next) = rest.trim_start().chars().next() else {
                return true;
            };
            let opens = next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(
                    next,
                    '"' | '\''
                        | '“'
                        | '‘'
                        | '«'
                        | '„'
                        | '('
                        | '['
                        | '‹'
                        | '‚'
                        | '「'
                        | '—'
                        | '–'
                );
            if !opens || c != '.' {
                return opens;
            }
            ends_sentence(p, at, c, end)
        };
        for word in ["said", "Mr", "U.S", "J", "x\u{e9}", "(Gen", "No"] {
            for mark in [".", "!", "…"] {
                for space in ["", " ", "\n ", "\u{a0}", " \u{2003}", "\u{2003} "] {
                    for after in ["", "The", "the", "5", "\u{c9}t", "\u{e9}t", "“A", "—", "x"] {
                        let p = format!("{word}{mark}{space}{after}");
                        let at = word.len();
                        let c = mark.chars().next().unwrap();
                        let end = at + mark.len();
                        assert_eq!(ends_sentence(&p, at, c, end), slow(&p, at, c, end), "{p:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn terminals_found_at_every_offset() {
        // Each terminal after 0..20 bytes of other text (ASCII, 0xE2 lead bytes that are not
        // an ellipsis, 0xA6 bytes of other characters: æ, ⦦), across the steps of the scan.
        for pad in 0..20 {
            for (mark, c) in [(".", '.'), ("!", '!'), ("?", '?'), ("…", '…')] {
                let filler: String = "a—b’cæ⦦".chars().cycle().take(pad).collect();
                let p = format!("{filler}{mark} x");
                let want = filler.len();
                let found = next_terminal(p.as_bytes(), 0, &Marks::new(&p), 0);
                assert_eq!(found, Some((want, c)), "{p:?}");
                let found = next_terminal(filler.as_bytes(), 0, &Marks::new(&filler), 0);
                assert_eq!(found, None, "{filler:?}");
            }
        }
    }

    #[test]
    fn sentences_of_each_paragraph() {
        let t = "One. Two.\n\nThree! Four? Five.\nSix";
        let paras = paragraphs(t, 0);
        let all = Sentences::new(t, &paras);
        for (i, &p) in paras.iter().enumerate() {
            assert_eq!(all.of(i), sentences(t, p).as_slice());
        }
        assert_eq!(
            texts(t, all.all()),
            ["One.", "Two.", "Three!", "Four?", "Five.", "Six"]
        );
    }

    #[test]
    fn sentence_splitting_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Smith left. He came back.",
                &["Mr. Smith left.", "He came back."],
            ),
            (
                "The U.S. Army said so. Then it left.",
                &["The U.S. Army said so.", "Then it left."],
            ),
            (
                "Gen. J. R. Doe spoke on Jan. 5 in St. Paul.",
                &["Gen. J. R. Doe spoke on Jan. 5 in St. Paul."],
            ),
            ("“We left.” She stayed.", &["“We left.”", "She stayed."]),
            (
                "“Why?” he asked. No. 5 won.",
                &["“Why?” he asked.", "No. 5 won."],
            ),
            (
                "It rose 3.5 percent. Prices fell!",
                &["It rose 3.5 percent.", "Prices fell!"],
            ),
            (
                "He said “we stay. We fight” and left.",
                &["He said “we stay.", "We fight” and left."],
            ),
        ];
        for (input, want) in cases {
            let got = sentences(input, Span::new(0, input.len()));
            assert_eq!(texts(input, &got), *want, "input {input:?}");
        }
    }
}
