//! Windows of text -> words and the speaker mentions around a cue: tokens, cue look-up, and
//! mention boundaries read forwards ("said X, the mayor of Y") and backwards ("X, who ..., said").

use crate::bytescan::ByteSet;
use crate::lexicon::{is_alphanumeric, CueClass, CueStart, Cues, WordSet, MONTH_NAMES, WEEKDAYS};
use crate::segment;
use crate::span::Span;
use std::sync::LazyLock;

/// A word or a punctuation sign inside a window of text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'t> {
    pub(super) span: Span,
    pub(super) s: &'t str,
    pub(super) word: bool,
    /// `s` is ASCII (most tokens): known from the tokenizer, for look-ups that ask.
    pub(super) ascii: bool,
}

impl Tok<'_> {
    pub(super) fn is(&self, w: &str) -> bool {
        // The length test first: most comparisons fail on it, without a call.
        self.s.len() == w.len() && self.s.eq_ignore_ascii_case(w)
    }
    pub(super) fn punct(&self, c: char) -> bool {
        !self.word && self.s.starts_with(c)
    }
    pub(super) fn capitalized(&self) -> bool {
        self.word && self.s.chars().next().is_some_and(char::is_uppercase)
    }
}

pub(super) const DETERMINERS: &Words = &Words::new(&[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your", "some", "one", "two", "several", "many", "another",
]);
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we", "you"];
/// Words that end a speaker mention read forwards from a cue ("said X, who ...").
pub(super) const FORWARD_STOP: &Words = &Words::new(&[
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "where",
    "when",
    "while",
    "as",
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "according",
    "quoted",
    "citing",
    "cited",
    "referring",
    "speaking",
    "adding",
    "noting",
    "saying",
    "because",
    "but",
    "if",
    "though",
    "although",
    "since",
    "with",
    "by",
    "into",
    "about",
    "and",
    "or",
    "than",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "last",
    "this",
    "recently",
    "now",
    "then",
    "again",
    "also",
    "is",
    "was",
    "were",
    "are",
    "has",
    "had",
    "have",
    "will",
    "would",
    "told",
    "said",
    "says",
    "wrote",
    "added",
    "asked",
    "via",
    "through",
    "under",
    "over",
    "amid",
    "not",
]);
/// Words that end a speaker mention read backwards from a cue ("... that X said").
pub(super) const BACKWARD_STOP: &Words = &Words::new(&[
    "that", "which", "who", "whom", "whose", "when", "while", "because", "but", "so", "if", "as",
    "than", "after", "before", "since", "until", "where", "and", "or", "is", "was", "are", "were",
    "be", "been", "being", "what", "how", "why", "whether", "although", "though", "to", "not",
    "do", "does", "did", "can", "could", "should", "may", "might", "must", "also",
]);
/// Words that may stand between a speaker and the cue ("X also said", "X has said").
pub(super) const BETWEEN: &Words = &Words::new(&[
    "also",
    "later",
    "again",
    "then",
    "once",
    "has",
    "had",
    "have",
    "would",
    "will",
    "did",
    "does",
    "earlier",
    "previously",
    "recently",
    "subsequently",
    "quickly",
    "simply",
    "further",
    "repeatedly",
    "often",
    "frequently",
    "publicly",
    "privately",
    "reportedly",
    "herself",
    "himself",
    "themselves",
    "itself",
    "just",
    "even",
    "still",
    "now",
    "always",
    "never",
    "first",
    "last",
    "flatly",
    "told",
    "once",
    "instead",
    "both",
    "all",
    "didn't",
    "didn’t",
    "doesn't",
    "doesn’t",
    "don't",
    "don’t",
    "wouldn't",
    "wouldn’t",
    "won't",
    "won’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "hadn't",
    "hadn’t",
    "can't",
    "can’t",
    "couldn't",
    "couldn’t",
]);
/// A word that ends a mention read forwards: [`FORWARD_STOP`] or a weekday ("said Smith
/// Tuesday"). Months are not: "said Theresa May".
pub(super) fn ends_forward(t: &Tok) -> bool {
    in_list(FORWARD_STOP, t) || in_list(WEEKDAY_WORDS, t)
}

/// The weekday names ([`WEEKDAYS`]) as [`Words`].
pub(super) const WEEKDAY_WORDS: &Words = &Words::new(WEEKDAYS);

/// The words of [`is_time_word`]: the weekday names ([`WEEKDAYS`]), the month names
/// ([`MONTH_NAMES`]) and other words of time.
const TIME_WORDS: &Words = &Words::new(&TIME_WORD_LIST);

/// [`TIME_WORDS`]' words, put together at compile time.
const TIME_WORD_LIST: [&str; WEEKDAYS.len() + MONTH_NAMES.len() + 6] = {
    const OTHER: [&str; 6] = ["today", "yesterday", "tonight", "earlier", "later", "last"];
    let mut out = [""; WEEKDAYS.len() + MONTH_NAMES.len() + 6];
    let mut i = 0;
    while i < out.len() {
        out[i] = if i < WEEKDAYS.len() {
            WEEKDAYS[i]
        } else if i < WEEKDAYS.len() + MONTH_NAMES.len() {
            MONTH_NAMES[i - WEEKDAYS.len()]
        } else {
            OTHER[i - WEEKDAYS.len() - MONTH_NAMES.len()]
        };
        i += 1;
    }
    out
};

/// Words of time that are never a speaker ("On Tuesday the mayor said").
pub(super) fn is_time_word(t: &Tok) -> bool {
    in_list(TIME_WORDS, t)
}
/// Nouns of time that end a leading time phrase before a subject.
pub(super) const TIME_NOUNS: &Words = &Words::new(&[
    "day",
    "morning",
    "night",
    "evening",
    "afternoon",
    "week",
    "weekend",
    "month",
    "year",
    "today",
    "yesterday",
    "tonight",
    "hours",
    "days",
    "weeks",
    "later",
    "earlier",
]);
pub(super) const PREPOSITIONS: &Words = &Words::new(&[
    "in", "on", "at", "after", "before", "during", "from", "with", "since", "speaking", "for",
    "by", "under", "over", "amid", "of", "into", "through", "about", "outside", "inside",
]);
/// Whether `t` is a word of `list` ([`Tok::is`]).
#[inline]
pub(super) fn in_list<L: WordList + ?Sized>(list: &L, t: &Tok) -> bool {
    list.holds(t)
}

/// A list of words that a token is looked up in: a slice (compared in turn) or [`Words`].
pub(super) trait WordList {
    /// Whether `t` is a word and one of these, in any ASCII case.
    fn holds(&self, t: &Tok) -> bool;
}

impl WordList for [&str] {
    #[inline]
    fn holds(&self, t: &Tok) -> bool {
        t.word && self.iter().any(|w| t.is(w))
    }
}

impl<const N: usize> WordList for [&str; N] {
    #[inline]
    fn holds(&self, t: &Tok) -> bool {
        self.as_slice().holds(t)
    }
}

/// A long list of words (at most 128) indexed by the shapes of its words: length and first
/// byte, ASCII case folded. Most tokens looked up are none of them and are told so by two bits;
/// the others are compared only with the words of their shape (one or two), not with each
/// word. A slice of its words otherwise.
pub(super) struct Words {
    words: &'static [&'static str],
    /// Bit `k` of `by_len[len.min(15)]` for each word `k` of `len` bytes.
    by_len: [u128; 16],
    /// Bit `k` of `by_first[first & 31]` for each word `k` whose first byte is `first`: the
    /// same for a byte and its ASCII lower case (they differ in bit 5 only), so a word equal to one of them in
    /// any ASCII case has its bits.
    by_first: [u128; 32],
}

impl Words {
    /// The list of `words`, none of them empty, at most 128.
    pub(super) const fn new(words: &'static [&'static str]) -> Words {
        assert!(words.len() <= 128, "more than 128 words");
        let mut by_len = [0u128; 16];
        let mut by_first = [0u128; 32];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            assert!(!w.is_empty(), "an empty word");
            let len = if w.len() < 15 { w.len() } else { 15 };
            by_len[len] |= 1 << i;
            by_first[(w[0] & 31) as usize] |= 1 << i;
            i += 1;
        }
        Words {
            words,
            by_len,
            by_first,
        }
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        self.words
    }
}

impl WordList for Words {
    #[inline(always)]
    fn holds(&self, t: &Tok) -> bool {
        let Some(&first) = t.s.as_bytes().first().filter(|_| t.word) else {
            return false;
        };
        // The words of the token's length and first letter: any equal to it is among them.
        let mut shaped = self.by_len[t.s.len().min(15)] & self.by_first[usize::from(first & 31)];
        while shaped != 0 {
            if t.is(self.words[shaped.trailing_zeros() as usize]) {
                return true;
            }
            shaped &= shaped - 1;
        }
        false
    }
}

/// Splits `text[window]` into words and single punctuation signs.
pub(super) fn tokens(text: &str, window: Span) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    tokens_into(text, window, &mut out);
    out
}

/// [`tokens`] into `out`, which is cleared first: one buffer for window after window.
#[inline]
pub(super) fn tokens_into<'t>(text: &'t str, window: Span, out: &mut Vec<Tok<'t>>) {
    out.clear();
    tokens_onto(text, window, out);
}

/// [`tokens`] pushed onto the end of `out`.
#[inline(never)]
fn tokens_onto<'t>(text: &'t str, window: Span, out: &mut Vec<Tok<'t>>) {
    // About one token per five bytes of news text: one allocation for most windows, and for
    // a reused buffer one growth to a longer window's size instead of doubling from 4 a push
    // at a time (6,145 reallocations of buffers reused by a document's windows, 3.2 M).
    out.reserve(window.len() / 5 + 4);
    let s = &text[window];
    let doc = text.as_bytes();
    // The document's ASCII letters and digits in the 64 bytes from `block` on (bit `k`: byte
    // `block + k`): none read yet.
    let (mut block, mut alnum) = (usize::MAX / 2, 0u64);
    // The text from the next token (or white space) on: each token is split off its front,
    // and a space after a word stripped, without slicing `s` anew (whose char boundaries
    // would be tested at both ends each time).
    let mut rest = s;
    while let Some(&c) = rest.as_bytes().first() {
        let i = s.len() - rest.len();
        let b = rest.as_bytes();
        // Most tokens are words of ASCII letters and digits ended by a space or a sign: read
        // here, their end found in a mask of the letters and digits of the document's 64
        // bytes from `block` on, made again from a word's start when fewer than 8 are left
        // after it (48 or 63: 0.1 M instructions more), and read on into the next block by a
        // word that runs to its end; a word that a joiner or a character outside ASCII may
        // go on is read on by `word_end`. (A test a byte, four bytes a step, exited at a
        // random byte of each word: the program's most mispredicted branch, 327 k of 4.7 M
        // mispredicts. The mask: Ir +2.4 M, mispredicts -0.32 M.)
        if crate::lexicon::is_ascii_alnum_byte(c) {
            let at = window.start + i;
            let mut n = 0;
            loop {
                let mut off = (at + n).wrapping_sub(block);
                if off > 56 {
                    block = at + n;
                    alnum = ALNUM.mask64(&block_at(doc, block));
                    off = 0;
                }
                let run = (!(alnum >> off)).trailing_zeros() as usize;
                n += run;
                // Unless the run goes on to the block's end, read on from there.
                if off + run < 64 {
                    break;
                }
            }
            // The run may go on past the window's end in the document.
            let n = n.min(b.len());
            if b.get(n).is_some_and(|&d| MAY_GO_ON[usize::from(d)]) {
                let (end, ascii) = word_end(s, i, i + n, true);
                out.push(Tok {
                    span: Span::new(window.start + i, window.start + end),
                    s: &s[i..end],
                    word: true,
                    ascii,
                });
                rest = &s[end..];
            } else {
                let (w, after) = rest.split_at(n);
                out.push(Tok {
                    span: Span::new(window.start + i, window.start + i + n),
                    s: w,
                    word: true,
                    ascii: true,
                });
                rest = after;
            }
            // Most words are followed by one space, skipped here without classing it.
            rest = rest.strip_prefix(' ').unwrap_or(rest);
            continue;
        }
        // An ASCII character is classified by its byte alone: white space as
        // `char::is_whitespace` has it (tab to carriage return, space), or a sign.
        if c.is_ascii() {
            let (sign, after) = rest.split_at(1);
            if !matches!(c, b'\t'..=b'\r' | b' ') {
                out.push(Tok {
                    span: Span::new(window.start + i, window.start + i + 1),
                    s: sign,
                    word: false,
                    ascii: true,
                });
            }
            rest = after;
            continue;
        }
        rest = &s[non_ascii_token(s, window.start, i, out)..];
    }
}

/// The tokens of a document's windows read so far, kept for the windows read after them:
/// the words before and after each quotation, read again by reported speech (a sentence
/// holding a partial quotation is the words before it, the quotation and the words after
/// it), and by the other windows of the quotations' rules and a pronoun's (the sentence
/// before a quotation, the words before a pronoun). On `dev1.jsonl`, 234 kB of the 1,052 kB
/// of sentences reported speech tokenized had been tokenized already by the quotations'
/// rules (taken from them: Ir -2.1 M), and about 86 kB of the 270 kB of the other windows
/// (Ir -0.7 M, mispredicts -15,000).
pub(super) struct Known<'t> {
    /// The tokens of the windows read, one after another.
    pub(super) toks: Vec<Tok<'t>>,
    /// Windows read, disjoint and in text order, each with where its tokens are in `toks`.
    pieces: Vec<(Span, usize, usize)>,
    /// The first piece that may hold the last window asked for (they come in text order).
    next: std::cell::Cell<usize>,
}

impl<'t> Known<'t> {
    /// No window read yet, with the buffers of another document (emptied).
    pub(super) fn new(toks: Vec<Tok<'t>>, pieces: Vec<(Span, usize, usize)>) -> Known<'t> {
        Known {
            toks: crate::recycle(toks),
            pieces: crate::recycle(pieces),
            next: std::cell::Cell::new(0),
        }
    }

    /// The buffers, for the next document.
    pub(super) fn into_buffers(self) -> (Vec<Tok<'t>>, Vec<(Span, usize, usize)>) {
        (self.toks, self.pieces)
    }

    /// Reads `window` onto the end of [`Known::toks`]: where its tokens are. It is kept as a
    /// piece for later windows when it starts after the last piece ends.
    pub(super) fn read(&mut self, text: &'t str, window: Span) -> std::ops::Range<usize> {
        let from = self.toks.len();
        tokens_onto(text, window, &mut self.toks);
        let to = self.toks.len();
        if !window.is_empty() && self.pieces.last().is_none_or(|p| p.0.end <= window.start) {
            self.pieces.push((window, from, to));
        }
        from..to
    }

    /// [`tokens_into`], the tokens of the pieces read before taken from them where the
    /// window holds them or part of them, and the text between them read. They are the
    /// window's own where no token of the window runs across a place where a piece is cut
    /// or a piece and the text read meet ([`cuts_between_tokens`]); read whole otherwise.
    pub(super) fn tokens_into(&self, text: &'t str, window: Span, out: &mut Vec<Tok<'t>>) {
        let pieces = &self.pieces;
        // (Not a step at a time: windows read to and fro, a pronoun's antecedent's window
        // then a later one, made that walk linear a window.)
        let k = crate::seek_from(pieces, self.next.get(), |p| p.0.end <= window.start);
        self.next.set(k);
        // Most sentences reported speech reads hold no quotation.
        if pieces.get(k).is_none_or(|p| p.0.start >= window.end)
            || !self.pieced(text, window, k, out)
        {
            tokens_into(text, window, out);
        }
    }

    /// [`Known::tokens_into`] from the pieces from `pieces[k]` on, the first ending after
    /// `window` starts: false (and `out` to be read again) where a cut may split a token.
    #[inline(never)]
    fn pieced(&self, text: &'t str, window: Span, k: usize, out: &mut Vec<Tok<'t>>) -> bool {
        out.clear();
        let mut at = window.start;
        for &(piece, from, to) in &self.pieces[k..] {
            if piece.start >= window.end {
                break;
            }
            let (a, b) = (piece.start.max(at), piece.end.min(window.end));
            // A cut inside the window, or inside the piece, must fall between tokens.
            let cut = |x: usize, window_edge: usize, piece_edge: usize| {
                (x == window_edge && x == piece_edge) || cuts_between_tokens(text, x)
            };
            if !cut(a, window.start, piece.start) || !cut(b, window.end, piece.end) {
                return false;
            }
            if a > at {
                tokens_onto(text, Span::new(at, a), out);
            }
            let toks = &self.toks[from..to];
            let lo = if a == piece.start {
                0
            } else {
                toks.partition_point(|t| t.span.start < a)
            };
            let hi = if b == piece.end {
                toks.len()
            } else {
                toks.partition_point(|t| t.span.start < b)
            };
            out.extend_from_slice(&toks[lo..hi]);
            at = b;
        }
        if at < window.end {
            tokens_onto(text, Span::new(at, window.end), out);
        }
        true
    }
}

/// Whether no token of a window of `text` holding both sides of `at` (a char boundary) runs
/// across it: then the window's tokens are those of its text before `at` and those after,
/// read apart. A word holds only letters and digits, its joiners and a period, so a token
/// runs across `at` only where the characters on both sides are such.
pub(super) fn cuts_between_tokens(text: &str, at: usize) -> bool {
    // Most cuts are at a space, a sign or a quotation mark: told by the bytes on both sides
    // (a byte outside ASCII is read as its character below).
    let b = text.as_bytes();
    let may_be_in_word = |i: usize| {
        b.get(i)
            .is_some_and(|&c| crate::lexicon::is_ascii_alnum_byte(c) || MAY_GO_ON[usize::from(c)])
    };
    if at == 0 || !may_be_in_word(at - 1) || !may_be_in_word(at) {
        return true;
    }
    let in_word = |c: char| matches!(c, '\'' | '-' | '.' | '&' | '’') || is_alphanumeric(c);
    let after = text[at..].chars().next();
    let before = text[..at].chars().next_back();
    !(after.is_some_and(in_word) && before.is_some_and(in_word))
}

/// The ASCII letters and digits.
const ALNUM: ByteSet<0> = ByteSet::of([]).and_ascii_alphanumeric();

/// The 64 bytes of `bytes` from `at` on, zeros past its end.
#[inline(always)]
fn block_at(bytes: &[u8], at: usize) -> [u8; 64] {
    match bytes.get(at..).and_then(<[u8]>::first_chunk::<64>) {
        Some(&block) => block,
        None => block_padded(bytes, at),
    }
}

/// [`block_at`] for the last bytes of `bytes`, fewer than 64 from `at` on.
#[cold]
#[inline(never)]
fn block_padded(bytes: &[u8], at: usize) -> [u8; 64] {
    let mut block = [0; 64];
    let last = bytes.get(at..).unwrap_or_default();
    block[..last.len()].copy_from_slice(last);
    block
}

/// The bytes after a run of ASCII letters and digits that may go on with the word: the
/// joiners (`'`, `-`, `.`, `&`) and the bytes of characters outside ASCII; a period may also
/// end it as its own (`takes_its_period`).
static MAY_GO_ON: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || matches!(b as u8, b'\'' | b'-' | b'.' | b'&');
        b += 1;
    }
    t
};

/// The end of the word of `s` (the window's text) starting at `i`, whose letters and digits
/// run to `end` at least, and whether the word is ASCII (`ascii` says whether its bytes up to
/// `end` are). The word goes on over inner joiners (O'Brien, Khabar-24, U.S, AT&T, O’Brien),
/// letters and digits outside ASCII, and a period that belongs to the word.
#[inline(never)]
fn word_end(s: &str, i: usize, mut end: usize, mut ascii: bool) -> (usize, bool) {
    let b = s.as_bytes();
    // Whether a period joins two parts of the word ("U.S"): its letters and digits hold
    // none, and a joiner is its only other byte.
    let mut dotted = false;
    // Whether the character at `i` (a char boundary) is alphanumeric: ASCII, most of the
    // text, without decoding.
    let alnum_at = |i: usize| match b[i] {
        c @ 0..=0x7F => crate::lexicon::is_ascii_alnum_byte(c),
        _ => is_alphanumeric(char_at(s, i)),
    };
    while end < b.len() {
        // The ASCII letters and digits from `end` on (most of a word) in one run.
        let run = b[end..]
            .iter()
            .position(|&d| !crate::lexicon::is_ascii_alnum_byte(d));
        let Some(run) = run else {
            end = b.len();
            break;
        };
        end += run;
        let d = b[end];
        // Inner joiners: O'Brien, Khabar-24, U.S, AT&T.
        let joiner = match d {
            b'\'' | b'-' | b'.' | b'&' => 1,
            0..=0x7F => 0,
            _ => {
                let d = char_at(s, end);
                if is_alphanumeric(d) {
                    ascii = false;
                    end += d.len_utf8();
                    continue;
                }
                if d == '’' {
                    d.len_utf8()
                } else {
                    0
                }
            }
        };
        if joiner > 0 && end + joiner < b.len() && alnum_at(end + joiner) {
            // "’" takes three bytes, the ASCII joiners one.
            ascii &= joiner == 1;
            dotted |= d == b'.';
            end += joiner;
            continue;
        }
        break;
    }
    // A period that belongs to the word: initials, titles, dotted abbreviations.
    if b.get(end) == Some(&b'.') && takes_its_period(&s[i..end], dotted) {
        end += 1;
    }
    (end, ascii)
}

/// The token of `s` (the window's text, which starts at `base` in the document) at `i`,
/// whose first byte is not ASCII, pushed onto `out` unless it is white space: where the next
/// token may start.
#[inline(never)]
fn non_ascii_token<'t>(s: &'t str, base: usize, i: usize, out: &mut Vec<Tok<'t>>) -> usize {
    let c = char_at(s, i);
    let len = c.len_utf8();
    if c.is_whitespace() {
        return i + len;
    }
    if !is_alphanumeric(c) {
        out.push(Tok {
            span: Span::new(base + i, base + i + len),
            s: &s[i..i + len],
            word: false,
            ascii: false,
        });
        return i + len;
    }
    let (end, ascii) = word_end(s, i, i + len, false);
    out.push(Tok {
        span: Span::new(base + i, base + end),
        s: &s[i..end],
        word: true,
        ascii,
    });
    end + usize::from(s.as_bytes().get(end) == Some(&b' '))
}

/// Where the tokens of `window` start among `toks`, the tokens of `outer` (a window that
/// ends where `window` ends and starts at or before it): the index of the first of them, when
/// no token of `outer` runs across `window`'s start. Then `toks[k..]` are exactly
/// `tokens(text, window)`: the tokenizer reads each token from where it starts on, and a
/// window starting between two tokens starts where the longer one's tokens go on.
pub(super) fn tokens_from(toks: &[Tok], outer: Span, window: Span) -> Option<usize> {
    if outer.end != window.end || outer.start > window.start {
        return None;
    }
    let k = toks.partition_point(|t| t.span.start < window.start);
    (k == 0 || toks[k - 1].span.end <= window.start).then_some(k)
}

/// The last words of `window`: the span from the latest start at least `keep` bytes before
/// its end that follows ASCII white space (or from the window's start). No token runs across
/// white space, so `tokens` of it are the last tokens of the window.
pub(super) fn tail_of(text: &str, window: Span, keep: usize) -> Span {
    let b = text.as_bytes();
    let mut start = window.end.saturating_sub(keep).max(window.start);
    while start > window.start && !b[start - 1].is_ascii_whitespace() {
        start -= 1;
    }
    Span::new(start, window.end)
}

/// Whether `w` is a personal pronoun ([`PRONOUNS`]) in any case: what `w.to_lowercase()`
/// finds among them, without allocating (no other character lower-cases to one of their
/// ASCII letters).
pub(crate) fn is_pronoun(w: &str) -> bool {
    PRONOUNS.iter().any(|p| w.eq_ignore_ascii_case(p))
}

/// Whether a word followed by a period keeps it: initials, titles, dotted abbreviations.
/// `dotted`: whether the word holds a period, as its reader ([`word_end`]) knows from the
/// joiners it stepped over. (It used to be searched for in the word's bytes, a `memchr`
/// call a word followed by a period; taking it from the reader saved 0.24 M instructions
/// and 21 k mispredicts on dev1.)
fn takes_its_period(w: &str, dotted: bool) -> bool {
    debug_assert_eq!(dotted, w.contains('.'), "{w:?}");
    // One capital letter: an ASCII one is one byte, any other at most four.
    let b = w.as_bytes();
    let single_cap = match b {
        [c] => c.is_ascii_uppercase(),
        [c, ..] if b.len() <= 4 && !c.is_ascii() => {
            w.chars().count() == 1 && w.chars().all(char::is_uppercase)
        }
        _ => false,
    };
    single_cap || dotted || is_title_abbreviation(w) || segment::is_abbreviation(w)
}

/// The character of `s` at byte `i`, a char boundary.
#[inline(never)]
fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().expect("a char boundary")
}

pub(super) fn is_title_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Prof"
            | "St"
            | "Jr"
            | "Sr"
            | "Rev"
            | "Maj"
            | "Adm"
            | "Cmdr"
            | "Pres"
            | "Supt"
            | "Det"
            | "Insp"
            | "Amb"
            | "Atty"
            | "Fr"
            | "Hon"
    )
}

/// A cue found among tokens: where it starts, how many tokens it takes, its class.
#[derive(Debug, Clone, Copy)]
pub(super) struct CueAt {
    pub(super) len: usize,
    pub(super) class: CueClass,
    /// Also introduces reported speech.
    pub(super) reports: bool,
    /// Takes an object or an infinitive as its content (a `stance` cue).
    pub(super) object: bool,
}

/// The cue starting at `toks[i]`, if any. The test most words fail (a punctuation sign, or a
/// word that starts no cue form) is inlined into each caller; the rest is [`cue_from`].
#[inline(always)]
pub(super) fn cue_at(cues: &Cues, toks: &[Tok], i: usize) -> Option<CueAt> {
    let t = toks.get(i)?;
    if !t.word {
        return None;
    }
    // Most words start no cue: one look-up, before anything else.
    let start = cues.starting_known(t.s, t.ascii)?;
    cue_from(start, toks, i)
}

/// Words after which a cue form is a noun ("the calls of", "a report").
const NOUN_ARTICLES: &Words = &Words::new(&[
    "the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those",
]);

/// Words after which a cue form is a noun unless it is a past form ("two reports", but
/// "Several said").
const NOUN_QUANTIFIERS: &Words = &Words::new(&[
    "two", "three", "four", "five", "six", "several", "many", "both", "all", "other",
]);

/// [`cue_at`] of a word `toks[i]` that starts the cue forms of `start`: whether it is a verb
/// there, and which form it starts.
#[inline(never)]
fn cue_from(start: &CueStart, toks: &[Tok], i: usize) -> Option<CueAt> {
    let t = &toks[i];
    // "the calls of", "a report", "two reports": a noun after a determiner, not a verb.
    // After a quantifier a past form is still a verb ("Several said"); after a number only
    // "said", "told" and "wrote" are ("Six in 10 said"; "the 18 reported on Thursday").
    let said = ["said", "told", "wrote"].iter().any(|w| t.is(w));
    let past = said || t.s.ends_with("ed");
    // A present or bare form after a preposition, a possessive or a modifier in -ed/-ing
    // is a noun too: "amid reports", "the help of states", "Clinton's claim", "the debunked
    // claim", "citing reports" (not a participle: "responded by saying"). Each test is made
    // only when the ones before it leave the answer open.
    let noun = i > 0 && {
        let prev = &toks[i - 1];
        let number = || prev.s.starts_with(|c: char| c.is_ascii_digit());
        // ("The person familiar with the planning says", "Recent polling shows": a verb
        // after a noun in -ing, but "the morning shows" are programmes.)
        let verb_after_ing = || {
            prev.s.ends_with("ing")
                && in_list(&["says", "shows", "indicates", "suggests"], t)
                && !in_list(&["morning", "evening"], prev)
        };
        let modifier = || {
            prev.word
                && !prev.capitalized()
                && (prev.s.ends_with("ed") || prev.s.ends_with("ing"))
                && !verb_after_ing()
        };
        let possessive = || prev.word && (prev.s.ends_with("'s") || prev.s.ends_with("’s"));
        // "Ohio and other battleground states, states that ...": "states" is mostly a noun.
        let states = || {
            t.is("states")
                && (!prev.word
                    || in_list(
                        &[
                            "and",
                            "or",
                            "member",
                            "swing",
                            "battleground",
                            "border",
                            "key",
                            "most",
                        ],
                        prev,
                    ))
        };
        states()
            || in_list(NOUN_ARTICLES, prev)
            || !past && in_list(NOUN_QUANTIFIERS, prev)
            || !said && number()
            || !past
                && !t.s.ends_with("ing")
                && (in_list(PREPOSITIONS, prev) || possessive() || modifier())
    };
    if noun {
        return None;
    }
    for (parts, cue) in &start.multi {
        let ok = parts
            .iter()
            .enumerate()
            .all(|(k, p)| toks.get(i + k).is_some_and(|t| t.word && t.is(p)));
        if ok {
            return Some(CueAt {
                len: parts.len(),
                class: cue.class,
                reports: cue.reports,
                object: cue.object,
            });
        }
    }
    start.cue.as_ref().map(|c| CueAt {
        len: 1,
        class: c.class,
        reports: c.reports,
        object: c.object,
    })
}

pub(super) fn join(toks: &[Tok]) -> Option<Span> {
    Some(Span::new(toks.first()?.span.start, toks.last()?.span.end))
}

/// A speaker mention read forwards from `from`: "a spokesman for law enforcement",
/// "Smith, the mayor of Almaty". `None` when no mention starts there.
pub(super) fn forward_np(cues: &Cues, toks: &[Tok], from: usize) -> Option<Span> {
    let mut end = from;
    let mut words = 0;
    let mut i = from;
    let mut appositions = 0;
    while i < toks.len() && words < 14 {
        let t = &toks[i];
        if t.word {
            // "a taxi driver in Aktau", "an official at NATO": a place or body by name.
            // "the editor in chief", "commander in chief": one title.
            let locative = in_list(&["in", "at", "from"], t)
                && toks.get(i + 1).is_some_and(|n| {
                    n.capitalized() && !is_time_word(n) && !in_list(DETERMINERS, n)
                        || t.is("in") && n.is("chief")
                });
            if ends_forward(t) && i > from && !locative {
                break;
            }
            if i > from && cue_at(cues, toks, i).is_some() {
                break;
            }
            words += 1;
            i += 1;
            end = i;
            continue;
        }
        if t.punct(',') && appositions == 0 && i > from {
            // "X, the mayor of Y" / "X, Azhar Guiniyat": take one apposition.
            let next = toks.get(i + 1);
            let ok = next.is_some_and(|n| {
                n.word
                    && !ends_forward(n)
                    && !is_time_word(n)
                    && (in_list(DETERMINERS, n) || n.capitalized())
                    && cue_at(cues, toks, i + 1).is_none()
            });
            if !ok {
                break;
            }
            // The apposition must run to a comma or the end of the sentence, with no verb cue.
            let mut k = i + 1;
            let mut clean = true;
            while k < toks.len() && toks[k].word {
                if cue_at(cues, toks, k).is_some() {
                    clean = false;
                    break;
                }
                if ends_forward(&toks[k]) {
                    // "Dana Lee, an analyst at a bank": the apposition ends there.
                    clean = k > i + 2;
                    break;
                }
                k += 1;
            }
            if !clean || k - (i + 1) > 10 {
                break;
            }
            appositions += 1;
            i += 1;
            continue;
        }
        if (t.s == "'" || t.s == "’") && toks.get(i + 1).is_some_and(|n| n.is("s")) {
            i += 2;
            end = i;
            continue;
        }
        break;
    }
    let np = &toks[from..end];
    let np = trim_np(np);
    if np.is_empty() || !np.iter().any(|t| t.word) {
        return None;
    }
    if np.len() == 1 && in_list(PREPOSITIONS, &np[0]) {
        return None;
    }
    join(np)
}

pub(super) fn trim_np<'a, 't>(mut np: &'a [Tok<'t>]) -> &'a [Tok<'t>] {
    while let Some(last) = np.last() {
        if !last.word || in_list(&["themselves", "himself", "herself", "itself"], last) {
            np = &np[..np.len() - 1];
        } else {
            break;
        }
    }
    np
}

/// The first of `toks` (in order, as a sentence's are) that starts at or after `at`: a binary
/// search, for the rules that look for a token again and again along one sentence (a
/// sentence without a full stop can run on for megabytes).
pub(super) fn first_at(toks: &[Tok], at: usize) -> Option<usize> {
    let k = toks.partition_point(|t| t.span.start < at);
    (k < toks.len()).then_some(k)
}

/// The forms of *be* and *have* of a passive: "was quoted", "has been quoted".
const BE_FORMS: &[&str] = &["was", "were", "is", "are"];
const HAVE_FORMS: &[&str] = &["has", "have", "had"];

/// The auxiliary of a passive ending before `k` ("was", "were", "is", "are"; "has been",
/// "had been", "have been"): its first token.
pub(super) fn passive_aux(toks: &[Tok], k: usize) -> Option<usize> {
    let before = |n: usize| k.checked_sub(n).map(|j| (j, &toks[j]));
    match before(1)? {
        (j, t) if in_list(BE_FORMS, t) => Some(j),
        (_, t) if t.is("been") => before(2)
            .filter(|(_, t)| in_list(HAVE_FORMS, t))
            .map(|(j, _)| j),
        _ => None,
    }
}

/// The token after a passive's auxiliary starting at `i` (the forms of [`passive_aux`]).
pub(super) fn after_passive_aux(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if in_list(BE_FORMS, t) {
        Some(i + 1)
    } else if in_list(HAVE_FORMS, t) && toks.get(i + 1).is_some_and(|t| t.is("been")) {
        Some(i + 2)
    } else {
        None
    }
}

/// `s` after a passive's auxiliary and its space ("was ", "has been "), in any ASCII case.
pub(super) fn text_after_passive_aux(s: &str) -> Option<&str> {
    let word = |s: &'_ str, w: &str| -> Option<usize> {
        let b = s.as_bytes();
        (b.len() > w.len() && b[..w.len()].eq_ignore_ascii_case(w.as_bytes()) && b[w.len()] == b' ')
            .then_some(w.len() + 1)
    };
    if let Some(n) = BE_FORMS.iter().find_map(|w| word(s, w)) {
        return Some(&s[n..]);
    }
    let n = HAVE_FORMS.iter().find_map(|w| word(s, w))?;
    let m = word(&s[n..], "been")?;
    Some(&s[n + m..])
}

/// A speaker mention read backwards from the cue at `cue` (tokens `lo..cue`): "the Kazakh
/// police", "Smith, the mayor,". `None` when nothing mention-like stands there.
pub(super) fn backward_np(toks: &[Tok], lo: usize, cue: usize) -> Option<Span> {
    // "Friends of Mr. Clinton's who have seen him on the trail say": the mention before the
    // relative clause, read back from its "who"; at most three such clauses back (one is
    // rare, two rarer still), as "X who have seen him say X who have seen him say ..." could
    // go back to the start of a sentence without a full stop from each of its cues.
    const RELATIVES: usize = 3;
    let mut cue = cue;
    for _ in 0..=RELATIVES {
        let mut relative = None;
        let np = mention_before(toks, lo, cue, &mut relative);
        match relative {
            Some(who) => cue = who,
            None => return np,
        }
    }
    None
}

/// [`backward_np`] without its relative clauses: the mention before `cue`, or (in `relative`,
/// answering `None`) the "who" opening a relative clause that ends at `cue`.
fn mention_before(
    toks: &[Tok],
    lo: usize,
    cue: usize,
    relative: &mut Option<usize>,
) -> Option<Span> {
    let mut j = cue;
    // "X also said", "X has repeatedly said", "X have largely said"
    while j > lo
        && (in_list(BETWEEN, &toks[j - 1]) || is_adverb(&toks[j - 1]) || toks[j - 1].is("only"))
    {
        j -= 1;
    }
    // "Gov. Phil Bryant (R) said", "Sen. Bernie Sanders (Vt.) has said": a party or state tag.
    if j > lo + 2 {
        if let Some(open) = tag_open(toks, lo, j - 1, 5) {
            j = open;
        }
    }
    // "X on Thursday evening said", "X earlier Thursday said": a time phrase after the subject.
    let mut t = j;
    while t > lo
        && (in_list(WEEKDAY_WORDS, &toks[t - 1])
            || in_list(TIME_NOUNS, &toks[t - 1])
            || in_list(&["on", "late", "early", "this", "last"], &toks[t - 1]))
    {
        t -= 1;
    }
    let timed = toks[t..j]
        .iter()
        .any(|w| in_list(WEEKDAY_WORDS, w) || in_list(TIME_NOUNS, w));
    if timed && t > lo && toks[t - 1].word && t < j {
        j = t;
    }
    // "... an investment he said": a pronoun before the cue is the whole subject.
    if j > lo && in_list(PRONOUNS, &toks[j - 1]) && !toks[j - 1].is("it") {
        return Some(toks[j - 1].span);
    }
    // "he’s said", "I'd add": the pronoun of a contraction.
    if let Some(p) = (j > lo).then(|| contracted_pronoun(&toks[j - 1])).flatten() {
        return Some(p);
    }
    // "X, the mayor, said" / "X, who ..., said"
    if j > lo && toks[j - 1].punct(',') {
        let appos_end = j - 1;
        let mut appos_start = appos_end;
        while appos_start > lo && appos_end - appos_start < 30 {
            let t = &toks[appos_start - 1];
            if t.punct(',')
                || (!t.word
                    && !t.punct('(')
                    && !t.punct(')')
                    && !t.punct('-')
                    && t.s != "’"
                    && t.s != "'")
            {
                break;
            }
            appos_start -= 1;
        }
        if appos_start > lo && appos_start < appos_end && toks[appos_start - 1].punct(',') {
            let name_end = appos_start - 1;
            let name_start = chunk_start(toks, lo, name_end);
            if name_start < name_end {
                let relative = in_list(&["who", "which", "whose"], &toks[appos_start]);
                let end = if relative { name_end } else { appos_end };
                // "On Sunday the acting minister, Yerlan Turgumbayev, said": not the time.
                let name = strip_opening(&toks[name_start..name_end]);
                let name_start = name_end - name.len();
                return join(trim_np(&toks[name_start..end]));
            }
        }
        return None;
    }
    let start = chunk_start(toks, lo, j);
    // "Friends of Mr. Clinton's who have seen him on the trail say": the relative clause
    // belongs to the mention before "who".
    if start > lo + 1 && toks[start - 1].is("who") && is_finite(&toks[start]) {
        *relative = Some(start - 1);
        return None;
    }
    let np = trim_np(strip_opening(&toks[start..j]));
    // A lone quantifier is a mention of its own ("Several said", "Many said"); a lone
    // article, demonstrative or possessive is not.
    const QUANTIFIERS: &[&str] = &["several", "many", "some", "both", "most", "few"];
    let lone = np.len() == 1 && in_list(DETERMINERS, &np[0]) && !in_list(QUANTIFIERS, &np[0]);
    if np.is_empty() || lone {
        return None;
    }
    join(np)
}

/// A mention's words without the time phrase or adverbial that opens its sentence:
/// "Tuesday morning the ministry", "In several cities some protesters", "On Tuesday the mayor".
fn strip_opening<'a, 't>(np: &'a [Tok<'t>]) -> &'a [Tok<'t>] {
    let mut np = np;
    // A leading time phrase: "Tuesday morning the ministry", "On the same day the Kremlin".
    if let Some(t) = np[..np.len().saturating_sub(1)]
        .iter()
        .rposition(|t| in_list(TIME_NOUNS, t))
    {
        np = &np[t + 1..];
    }
    // A leading prepositional phrase: "In several cities some protesters" -> "some protesters".
    if np.len() > 2 && in_list(PREPOSITIONS, &np[0]) {
        if let Some(d) = np[2..].iter().rposition(|t| in_list(DETERMINERS, t)) {
            np = &np[d + 2..];
        }
    }
    // Drop a leading adverbial: "On Tuesday the mayor", "In a statement, the ministry".
    while np.len() > 1 && (in_list(PREPOSITIONS, &np[0]) || is_time_word(&np[0])) {
        np = &np[1..];
        while np.len() > 1
            && !in_list(DETERMINERS, &np[0])
            && !np[0].capitalized()
            && !in_list(PRONOUNS, &np[0])
        {
            np = &np[1..];
        }
        if np.len() > 1 && is_time_word(&np[0]) {
            np = &np[1..];
        }
    }
    np
}

/// An auxiliary, a modal or a negated verb: the finite verb of a clause.
pub(super) fn is_finite(t: &Tok) -> bool {
    const FINITE: &Words = &Words::new(&[
        "is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "should",
        "must", "has", "have", "had", "did", "does", "do", "shall", "need", "needs",
    ]);
    in_list(FINITE, t) || t.word && t.s.ends_with("n't")
}

/// An adverb that may stand between a subject and its cue: "largely", "repeatedly" (not the
/// nouns in -ly: "rally", "family", "supply").
pub(super) fn is_adverb(t: &Tok) -> bool {
    const LY_NOUNS: &Words = &Words::new(&[
        "rally", "ally", "family", "supply", "assembly", "reply", "anomaly", "monopoly", "folly",
        "jelly", "belly", "bully", "tally", "lily",
    ]);
    t.word && t.s.len() > 4 && t.s.ends_with("ly") && !t.capitalized() && !in_list(LY_NOUNS, t)
}

/// A lower-case word in -ed of more than three letters: a past tense or participle
/// ("fumed", "alienated"), not "Ted" or "red".
pub(super) fn is_past_form(t: &Tok) -> bool {
    t.word && !t.capitalized() && t.s.len() > 3 && t.s.ends_with("ed")
}

/// Words that make a run of words a clause, not a mention.
pub(super) const CLAUSE_WORDS: &Words = &Words::new(&[
    "is", "was", "are", "were", "be", "been", "being", "that", "when", "while", "because", "but",
    "so", "if", "as", "than", "since", "until", "where", "what", "how", "why", "whether",
    "although", "though", "not", "do", "does", "did", "can", "could", "should", "may", "might",
    "must", "will", "would", "has", "have", "had", "who", "whom", "whose", "which",
]);

/// A sign inside names and descriptions: "Smith & Co.", "Fight for $15", "O'Neill's".
pub(super) fn is_name_sign(t: &Tok) -> bool {
    ["&", "$", "%", "'", "’"].contains(&t.s)
}

/// “…,” Jane Roe, the attorney general of Ohio, one of the states suing, said: the words
/// from the close of the quote (`i`) to the cue (`k`) as one mention, a head and its
/// appositions (an age, a place, a party tag), when no clause word stands in them. An
/// apposition that is a relative clause, a participle or a prepositional phrase ("Dr. Lee,
/// who runs the clinic,", "the mayor, speaking to reporters,") ends the mention before it.
/// Also the subject of a sentence read from its start: "Cory Jones, 22, of Flint, said".
pub(super) fn apposed_mention(toks: &[Tok], i: usize, k: usize) -> Option<Span> {
    let mut j = k;
    while j > i && in_list(BETWEEN, &toks[j - 1]) {
        j -= 1;
    }
    let run = &toks[i..j];
    if run.is_empty() || run.len() > 30 {
        return None;
    }
    // Words, commas, party tags and the signs of names; a period only to end an
    // abbreviation before a comma or a bracket ("Allentown, Pa., said").
    let clean = run.iter().enumerate().all(|(n, t)| {
        t.word
            || t.punct(',')
            || t.punct('(')
            || t.punct(')')
            || is_name_sign(t)
            || t.punct('.') && run.get(n + 1).is_none_or(|n| n.punct(',') || n.punct(')'))
    });
    let first = &run[0];
    let opens = clean
        && first.word
        && (first.capitalized() || in_list(DETERMINERS, first))
        && !in_list(PREPOSITIONS, first)
        && !in_list(BACKWARD_STOP, first)
        && !in_list(PRONOUNS, first)
        && !is_time_word(first);
    // The head (before the first comma) has no verb form: "The audience gathered in the
    // room followed him" is a clause.
    let head_end = run.iter().position(|t| t.punct(',')).unwrap_or(run.len());
    let verbal = run[..head_end].iter().any(|t| {
        t.word && !t.capitalized() && (t.s.ends_with("ed") || t.s.ends_with("ing"))
            || t.s
                .rsplit_once(['\'', '’'])
                .is_some_and(|(_, s)| ["re", "ve", "ll", "t", "m", "d"].contains(&s))
    });
    // A sentence adverb is no head: "Meanwhile, the mayor said".
    let adverb = head_end == 1
        && (in_list(SENTENCE_ADVERBS, first) || first.s.len() > 4 && first.s.ends_with("ly"));
    if !opens || verbal || adverb {
        return None;
    }
    let mut end = run.len();
    let mut segment_start = 0;
    for (n, t) in run.iter().enumerate() {
        if t.punct(',') {
            if n == segment_start {
                return None;
            }
            let next = run.get(n + 1);
            let closes = next.is_some_and(|w| {
                in_list(&["who", "whose", "which", "whom"], w)
                    || in_list(PREPOSITIONS, w)
                    || w.word && !w.capitalized() && w.s.ends_with("ing")
            });
            if closes {
                end = n;
                break;
            }
            segment_start = n + 1;
            continue;
        }
        // A clause in the head is no mention; in an apposition it ends the mention before
        // it ("Tom Fitton, the president of Judicial Watch, a group that has sued ...,").
        if in_list(CLAUSE_WORDS, t) || (n == segment_start && in_list(&["and", "or"], t)) {
            if segment_start == 0 {
                return None;
            }
            end = segment_start - 1;
            break;
        }
    }
    join(trim_np(&run[..end]))
}

/// The subject of the cue at `k` read from the start of `toks` (a sentence, after an opening
/// *but*/*and*), a name and its appositions ("Cory Jones, 22, of Flint, Mich., said"), when
/// it starts before `found`, the mention read backwards from the cue (then one of the
/// appositions: "of Flint, Mich."). Otherwise `found`.
pub(super) fn named_subject(toks: &[Tok], k: usize, found: Span) -> Span {
    let lo = usize::from(
        toks.first()
            .is_some_and(|t| in_list(&["but", "and", "yet"], t)),
    );
    if lo >= k {
        return found;
    }
    let named = toks[lo..k]
        .iter()
        .position(|t| t.punct(','))
        .is_some_and(|c| is_name(&toks[lo..lo + c]));
    named
        .then(|| apposed_mention(toks, lo, k))
        .flatten()
        .filter(|a| a.start < found.start)
        .unwrap_or(found)
}

/// Words opening a sentence that are not its subject ("Meanwhile, the mayor said").
const SENTENCE_ADVERBS: &Words = &Words::new(&[
    "meanwhile",
    "however",
    "still",
    "instead",
    "earlier",
    "later",
    "separately",
    "also",
    "yet",
    "now",
    "then",
    "today",
    "yesterday",
    "there",
    "here",
    "overall",
    "finally",
    "first",
    "second",
    "third",
    "indeed",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "similarly",
    "likewise",
    "again",
    "afterward",
    "afterwards",
    "otherwise",
    "thus",
    "therefore",
    "besides",
    "additionally",
    "ultimately",
    "originally",
    "recently",
    "currently",
    "previously",
    "elsewhere",
    "well",
    "yes",
    "no",
    "sure",
    "so",
    "but",
    "and",
    "or",
    "rather",
    "nor",
    "perhaps",
    "maybe",
    "hence",
    "anyway",
    "regardless",
    "plus",
    "too",
]);

/// Words that open a label before a colon ("Update:", "Editor's note:").
static COLON_LABELS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_data(include_str!("../../data/colon_labels.txt")));

/// Nouns of evidence ("poll", "survey", "video").
static EVIDENCE_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_data(include_str!("../../data/evidence_nouns.txt")));

/// Whether `t` is a noun of evidence, whose findings are reported ("the poll shows ...").
pub(super) fn is_evidence_noun(t: &Tok) -> bool {
    t.word && EVIDENCE_NOUNS.contains(t.s)
}

/// Whether `t` opens a label before a colon, not a name.
pub(super) fn is_colon_label(t: &Tok) -> bool {
    t.word && COLON_LABELS.contains(t.s)
}

/// A person's or a body's name, with its title: capitalized words and the particles of
/// names ("Sen. Ann Lee of Ohio", "Tom Fitton", "Charles de Gaulle"), at most seven words.
pub(super) fn is_name(toks: &[Tok]) -> bool {
    const PARTICLES: &[&str] = &[
        "of", "and", "de", "da", "del", "van", "von", "al", "bin", "la", "le",
    ];
    let plain = |t: &Tok| !t.s.contains(['\'', '’']);
    toks.first()
        .is_some_and(|t| t.capitalized() && !in_list(SENTENCE_ADVERBS, t))
        && toks.len() <= 7
        && toks
            .iter()
            .all(|t| t.word && plain(t) && (t.capitalized() || in_list(PARTICLES, t)))
        && !toks.iter().any(is_time_word)
        && !(toks.len() == 1 && toks[0].s.ends_with("ly"))
}

/// The pronoun of "he’s", "I'd", "they've" (not "it's": rarely a speaker).
pub(super) fn contracted_pronoun(t: &Tok) -> Option<Span> {
    // At most nine bytes ("they’ll"), with an apostrophe's byte: most words are told by that.
    let apostrophe = |b: &u8| *b == b'\'' || *b == 0xE2;
    if !t.word || t.s.len() > 9 || !t.s.as_bytes().iter().any(apostrophe) {
        return None;
    }
    let (p, rest) = t.s.split_once(['\'', '’'])?;
    let pronoun = is_pronoun(p) && !p.eq_ignore_ascii_case("it");
    let aux = ["s", "d", "ve", "ll"]
        .iter()
        .any(|w| rest.eq_ignore_ascii_case(w));
    (pronoun && aux).then(|| Span::new(t.span.start, t.span.start + p.len()))
}

/// Start of the run of mention words ending at `end` (exclusive), at most 10 words back.
pub(super) fn chunk_start(toks: &[Tok], lo: usize, end: usize) -> usize {
    let mut i = end;
    while i > lo && end - i < 10 {
        let t = &toks[i - 1];
        let possessive = (t.s == "'" || t.s == "’") && i >= 2 && toks[i - 2].word;
        if possessive {
            i -= 1;
            continue;
        }
        // A party or state tag after a name: "Jordan (R-Ohio), an oversight panel member,".
        if let Some(open) = tag_open(toks, lo, i - 1, 6) {
            i = open;
            continue;
        }
        // "sources close to the campaign", "an adviser to the mayor": "to" inside a mention.
        let inner_to = t.is("to")
            && i >= 2
            && (toks[i - 2].is("close")
                || in_list(
                    &[
                        "adviser",
                        "advisor",
                        "aide",
                        "spokesman",
                        "spokeswoman",
                        "spokesperson",
                        "ambassador",
                        "envoy",
                        "counsel",
                        "assistant",
                        "successor",
                        "heir",
                        "deputy",
                        "secretary",
                        "delegation",
                        "delegate",
                        "representative",
                        "emissary",
                    ],
                    &toks[i - 2],
                ));
        // "the Centers for Disease Control and Prevention", "the Department of Housing and
        // Urban Development": "and" inside the name of a body (not "Trump and Sanders").
        let inner_and = t.is("and")
            && toks.get(i).is_some_and(|n| n.capitalized())
            && (1..=3).any(|w| {
                i >= w + 2
                    && in_list(&["of", "for"], &toks[i - 2 - w])
                    && toks[i - 1 - w..i - 1].iter().all(|t| t.capitalized())
            });
        if !t.word || in_list(BACKWARD_STOP, t) && !inner_to && !inner_and || in_list(CUE_WORDS, t)
        {
            break;
        }
        i -= 1;
    }
    i
}

/// A party or state tag closing at `close` ("Bryant (R)", "Jordan (R-Ohio)"): the index of
/// its "(" when that is at most `span` tokens back, after `lo`, and follows a capitalized name.
fn tag_open(toks: &[Tok], lo: usize, close: usize, span: usize) -> Option<usize> {
    if !toks[close].punct(')') {
        return None;
    }
    (close.saturating_sub(span).max(lo + 1)..close)
        .rev()
        .find(|&o| toks[o].punct('('))
        .filter(|&o| toks[o - 1].capitalized())
}

/// Speech cue forms that also end a mention read backwards.
pub(super) const CUE_WORDS: &Words = &Words::new(&[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "asked",
    "according",
]);

/// A mention after "according to" or "by": "the information", "the Deputy Minister of Health,
/// Azhar Guiniyat"; through "the latest numbers released by X" to X.
pub(super) fn agent_np(cues: &Cues, toks: &[Tok], from: usize) -> Option<Span> {
    let mut np = forward_np(cues, toks, from)?;
    let mut from = from;
    // A loop, not a recursion, and the token after the phrase found by a binary search: a
    // text can chain "X cited by Y cited by Z ..." for megabytes.
    loop {
        let Some(k) = first_at(toks, np.end) else {
            return Some(np);
        };
        let next = &toks[k];
        let by = next.is("by") || next.is("from");
        let participle = toks[k - 1].s.ends_with("ed") || toks[k - 1].s.ends_with("en");
        if !(by && participle && k > from) {
            return Some(np);
        }
        match forward_np(cues, toks, k + 1) {
            Some(agent) => (np, from) = (agent, k + 1),
            None => return Some(np),
        }
    }
}

pub(super) fn is_dash(t: &Tok) -> bool {
    !t.word && matches!(t.s, "—" | "–" | "―" | "-" | "‒")
}

pub(super) fn is_quote_tok(t: &Tok) -> bool {
    !t.word && t.s.chars().next().is_some_and(crate::quote::is_quote_char)
}

/// "went on to endorse", "agreed to talk": the token at `k` is "to" and a verb follows, not
/// a noun phrase ("said to reporters", "said to an enormous cheer", "told to CNN").
pub(super) fn infinitive_at(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.is("to"))
        && toks.get(k + 1).is_some_and(|t| {
            // A plural in -ers/-ists is a noun: no verb's base form ends so ("to reporters").
            let plural = t.s.ends_with("ers") || t.s.ends_with("ists");
            t.word
                && !t.capitalized()
                && !plural
                && !in_list(DETERMINERS, t)
                && !in_list(PRONOUNS, t)
        })
}

/// "told", "telling": the words after the cue name the hearer, not the speaker.
pub(super) fn addressee_follows(t: &Tok) -> bool {
    ["tell", "tells", "told", "telling"].iter().any(|w| t.is(w))
}

/// The subject of the sentence, for a participle cue ("X did Y, telling reporters: “…”"):
/// its first run of capitalized words after any opening adverbial, with a possessive's noun.
pub(super) fn sentence_subject(toks: &[Tok], end: usize) -> Option<Span> {
    let mut i = 0;
    while i < end {
        let t = &toks[i];
        // "On Thursday, he hedged ..., telling MSNBC ...".
        if in_list(&["he", "she", "they", "we", "i"], t) {
            return Some(t.span);
        }
        let skip = !t.capitalized()
            || in_list(PREPOSITIONS, t)
            || is_time_word(t)
            || in_list(DETERMINERS, t)
            || in_list(
                &[
                    "as", "while", "when", "after", "before", "but", "and", "yet", "so",
                ],
                t,
            );
        if !skip {
            break;
        }
        i += 1;
    }
    if i >= end {
        return None;
    }
    let start = i;
    while i < end
        && (toks[i].capitalized() || (toks[i].is("of") && i + 1 < end && toks[i + 1].capitalized()))
    {
        i += 1;
    }
    // "Hours later, X ...": a time phrase, not the subject.
    if toks
        .get(i)
        .is_some_and(|t| in_list(&["later", "ago", "earlier", "after", "before"], t))
    {
        let comma = toks[i..end].iter().position(|t| t.punct(','))?;
        return sentence_subject(&toks[i + comma + 1..], end - (i + comma + 1));
    }
    let last = &toks[i - 1];
    if (last.s.ends_with("’s") || last.s.ends_with("'s")) && i < end && toks[i].word {
        i += 1;
    }
    join(&toks[start..i])
}

/// "the latest numbers released by X" -> "X".
pub(super) fn strip_by(toks: &[Tok], np: Span) -> Span {
    let inside: Vec<&Tok> = toks.iter().filter(|t| np.contains(t.span)).collect();
    for (k, t) in inside.iter().enumerate().rev() {
        if (t.is("by") || t.is("from")) && k + 1 < inside.len() {
            return Span::new(inside[k + 1].span.start, np.end);
        }
    }
    np
}

/// Where the name before a colon starts: after a dash, a period or the window's start, with
/// only capitalized words (and "of", "and", initials) in between.
pub(super) fn colon_speaker_start(toks: &[Tok], colon: usize) -> Option<usize> {
    let mut i = colon;
    while i > 0 {
        let t = &toks[i - 1];
        if t.word && (t.capitalized() || t.is("of") || t.is("and") || t.is("the")) {
            i -= 1;
            continue;
        }
        if is_dash(t) || t.punct('.') || t.punct('(') {
            break;
        }
        if t.word && in_list(&["from", "more"], t) {
            break;
        }
        return None;
    }
    (i < colon).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backward(text: &str, cue: &str) -> Option<String> {
        let toks = tokens(text, Span::new(0, text.len()));
        let k = toks.iter().position(|t| t.s == cue)?;
        backward_np(&toks, 0, k).map(|s| text[s].to_string())
    }

    /// The tokenizer before it read bytes: the reference for [`tokens`].
    fn tokens_by_chars(text: &str, window: Span) -> Vec<Tok<'_>> {
        let s = &text[window];
        // About one token per five bytes of news text: one allocation for most windows.
        let mut out = Vec::with_capacity(s.len() / 5 + 4);
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        it.next();
                        continue;
                    }
                    // Inner joiners: O'Brien, Khabar-24, U.S, AT&T.
                    if matches!(d, '\'' | '’' | '-' | '.' | '&') {
                        let after = s[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(char::is_alphanumeric) {
                            it.next();
                            end = j + d.len_utf8();
                            continue;
                        }
                    }
                    break;
                }
                // A period that belongs to the word: initials, titles, dotted abbreviations.
                if s[end..].starts_with('.') && takes_its_period_by_chars(&s[i..end]) {
                    it.next();
                    end += 1;
                }
                out.push(Tok {
                    span: Span::new(window.start + i, window.start + end),
                    s: &s[i..end],
                    word: true,
                    ascii: s[i..end].is_ascii(),
                });
            } else {
                let end = i + c.len_utf8();
                out.push(Tok {
                    span: Span::new(window.start + i, window.start + end),
                    s: &s[i..end],
                    word: false,
                    ascii: c.is_ascii(),
                });
            }
        }
        out
    }

    #[test]
    fn tokens_read_bytes_as_characters_did() {
        let texts = [
            "",
            " \t\u{b}\u{c}\r\n\u{85}\u{a0}x",
            "O'Brien, Khabar-24, U.S. and AT&T said: “no”—twice.",
            "Mr. J. Smith (D-Vt.) told Gen. Ünal’s aides ’tis 3.5% of Café-goers’ 12,000 €.",
            "It’s x’ y- -z a.b. .c d&",
            "Ελλάδα’ς Ü.S. İstanbul\u{2003}Ωmega’’x … end",
            "a'’b-\u{301}c",
            "a\u{1c}b\u{1f} \u{0}c\u{7f}\u{8}d\u{e}",
        ];
        for text in texts {
            for start in 0..=text.len() {
                if !text.is_char_boundary(start) {
                    continue;
                }
                let w = Span::new(start, text.len());
                let got: Vec<_> = tokens(text, w)
                    .iter()
                    .map(|t| (t.span, t.word, t.ascii))
                    .collect();
                let want: Vec<_> = tokens_by_chars(text, w)
                    .iter()
                    .map(|t| (t.span, t.word, t.ascii))
                    .collect();
                assert_eq!(got, want, "{:?}", &text[w]);
            }
        }
    }

    #[test]
    fn tokens_into_a_used_buffer_are_the_tokens_of_the_window() {
        let text = "Mr. J. Smith said: “no”. O'Brien, of AT&T, disagreed — twice.";
        let mut buf = tokens(text, Span::new(0, text.len()));
        for (start, end) in [(0, 12), (4, 24), (27, text.len()), (5, 5), (0, text.len())] {
            let w = Span::new(start, end);
            tokens_into(text, w, &mut buf);
            let got: Vec<_> = buf.iter().map(|t| (t.span, t.s, t.word)).collect();
            let want: Vec<_> = tokens(text, w)
                .iter()
                .map(|t| (t.span, t.s, t.word))
                .collect();
            assert_eq!(got, want, "{:?}", &text[w]);
        }
    }

    /// The tokens of `text` from `start` on, as `(span, s, word)`.
    fn tokens_after(text: &str, start: usize) -> Vec<(Span, &str, bool)> {
        tokens(text, Span::new(start, text.len()))
            .iter()
            .map(|t| (t.span, t.s, t.word))
            .collect()
    }

    /// [`tokens_from`] at every start of `text`: the longer window's tokens from there on
    /// when it answers, a token across the start when it does not.
    fn check_tokens_from(text: &str) {
        let outer = Span::new(0, text.len());
        let all = tokens(text, outer);
        for start in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
            let w = Span::new(start, text.len());
            match tokens_from(&all, outer, w) {
                Some(k) => {
                    let got: Vec<_> = all[k..].iter().map(|t| (t.span, t.s, t.word)).collect();
                    assert_eq!(got, tokens_after(text, start), "{text:?} from {start}");
                }
                None => assert!(
                    all.iter()
                        .any(|t| t.span.start < start && start < t.span.end),
                    "{text:?} from {start}"
                ),
            }
            // A window ending elsewhere, or starting before the longer one, is not taken.
            if start > 0 {
                assert_eq!(tokens_from(&all, w, outer), None);
            }
            if start < text.len() {
                assert_eq!(tokens_from(&all, outer, Span::new(start, start)), None);
            }
        }
    }

    #[test]
    fn tokens_from_a_longer_window_are_the_windows_own() {
        for text in [
            "",
            "  x",
            "O'Brien, Khabar-24, U.S. and AT&T said: “no”—twice.",
            "Mr. J. Smith (D-Vt.) told Gen. Ünal’s aides ’tis 3.5% of Café-goers’ 12,000 €.",
            "It’s x’ y- -z a.b. .c d& \u{a0}e\u{2003}f\u{85}g",
        ] {
            check_tokens_from(text);
        }
    }

    #[test]
    fn the_tail_of_a_window_holds_its_last_tokens() {
        let text =
            "Or maybe Jeb Bush, digital consultant Phil Musser says.\tNo\u{a0}one\u{2003}knows–x";
        for start in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
            let w = Span::new(start, text.len());
            let all = tokens_after(text, start);
            for keep in 0..text.len() + 2 {
                let tail = tail_of(text, w, keep);
                assert!(tail.start >= start && tail.end == w.end);
                assert!(tail.start == start || tail.len() >= keep);
                let last = tokens_after(text, tail.start);
                assert_eq!(&all[all.len() - last.len()..], &last[..], "{w:?} {keep}");
            }
        }
    }

    #[test]
    fn pronouns_in_any_case_are_those_of_their_lower_case() {
        for w in [
            "he", "He", "HE", "she", "sHe", "They", "it", "I", "i", "We", "you", "YOU", "who", "",
            "h", "hey", "İ", "\u{212a}", "thEy’", "Ｉ",
        ] {
            assert_eq!(
                is_pronoun(w),
                PRONOUNS.contains(&w.to_lowercase().as_str()),
                "{w:?}"
            );
        }
    }

    /// `(span, s, word, ascii)` of each token.
    fn parts<'t>(toks: &[Tok<'t>]) -> Vec<(Span, &'t str, bool, bool)> {
        toks.iter()
            .map(|t| (t.span, t.s, t.word, t.ascii))
            .collect()
    }

    /// The char boundary of `text` at about `f` of its length.
    fn boundary_at(text: &str, f: f64) -> usize {
        text.floor_char_boundary((f * text.len() as f64) as usize)
    }

    #[test]
    fn known_tokens_of_windows_across_pieces_are_the_windows_own() {
        let text = "Mr. J. Smith said the plan was a “disgrace” and O'Brien, of AT&T, “no”—twice. U.S.A and Khabar-24’s ‘x’s end.";
        let at = |w: &str| text.find(w).unwrap();
        let mut known = Known::new(Vec::new(), Vec::new());
        for (a, b) in [
            (0, at("“disgrace")),
            (at(" and O'"), at("“no")),
            (at("twice"), at("24’s")),
            (at("’s ‘"), text.len()),
        ] {
            known.read(text, Span::new(a, b));
        }
        for start in 0..=text.len() {
            for end in start..=text.len() {
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                let w = Span::new(start, end);
                let mut got = vec![];
                known.tokens_into(text, w, &mut got);
                assert_eq!(parts(&got), parts(&tokens(text, w)), "{w:?}");
            }
        }
    }

    proptest::proptest! {
        /// Pieces of any text read in order, and windows asked for in any order.
        #[test]
        fn known_tokens_of_any_window_are_the_windows_own(
            text in "([a-zA-Z0-9]{0,20}[ .,'’&\\-–“”Üü€\u{a0}\u{301}\n]{1,2}){0,10}",
            cuts in proptest::collection::vec(0.0..1.0f64, 0..8),
            windows in proptest::collection::vec((0.0..1.0f64, 0.0..1.0f64), 1..8),
        ) {
            let mut cuts: Vec<usize> = cuts.iter().map(|&f| boundary_at(&text, f)).collect();
            cuts.sort();
            let mut known = Known::new(Vec::new(), Vec::new());
            for pair in cuts.chunks(2) {
                if let [a, b] = *pair {
                    let r = known.read(&text, Span::new(a, b));
                    proptest::prop_assert_eq!(parts(&known.toks[r]), parts(&tokens(&text, Span::new(a, b))));
                }
            }
            for (from, to) in windows {
                let (a, b) = (boundary_at(&text, from.min(to)), boundary_at(&text, from.max(to)));
                let w = Span::new(a, b);
                let mut got = vec![];
                known.tokens_into(&text, w, &mut got);
                proptest::prop_assert_eq!(parts(&got), parts(&tokens(&text, w)), "{:?}", w);
            }
        }

        /// A window's tokens are those of its two sides read apart where the cut falls
        /// between tokens.
        #[test]
        fn tokens_of_a_window_cut_between_tokens_are_those_of_its_sides(
            text in "([a-zA-Z0-9]{0,8}[ .,'’&\\-–“”Üü€\u{a0}\u{301}\n]{1,2}){0,8}",
        ) {
            let all = Span::new(0, text.len());
            for at in (1..text.len()).filter(|&at| text.is_char_boundary(at)) {
                if cuts_between_tokens(&text, at) {
                    let mut two = tokens(&text, Span::new(0, at));
                    two.extend(tokens(&text, Span::new(at, text.len())));
                    proptest::prop_assert_eq!(parts(&two), parts(&tokens(&text, all)), "{}", at);
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_from_any_text_are_the_windows_own(text in "[a-zA-Z0-9 .,'’&\\-–“”Üü€\u{a0}\u{301}\n]{0,30}") {
            check_tokens_from(&text);
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_read_any_text_as_characters_did(text in "[a-zA-Z0-9 .,'’&\\-–“”Üüİ€\u{a0}\u{301}\n]{0,40}") {
            let w = Span::new(0, text.len());
            let got: Vec<_> = tokens(&text, w).iter().map(|t| (t.span, t.word, t.ascii)).collect();
            let want: Vec<_> = tokens_by_chars(&text, w).iter().map(|t| (t.span, t.word, t.ascii)).collect();
            proptest::prop_assert_eq!(got, want);
        }

        /// Words of any length, across the 64-byte blocks of `tokens_into`'s mask and past
        /// the window's end (in any window of the text).
        #[test]
        fn tokens_of_any_window_of_long_words_read_as_characters_did(
            text in "([a-zA-Z0-9]{0,70}[ .,'’&\\-Ü\n]{1,2}){0,6}[a-z]{0,70}",
            from in 0.0..1.0f64,
            to in 0.0..1.0f64,
        ) {
            let at = |f: f64| text.floor_char_boundary((f * text.len() as f64) as usize);
            let (start, end) = (at(from.min(to)), at(from.max(to)));
            let w = Span::new(start, end);
            let got: Vec<_> = tokens(&text, w).iter().map(|t| (t.span, t.word, t.ascii)).collect();
            let want: Vec<_> = tokens_by_chars(&text, w).iter().map(|t| (t.span, t.word, t.ascii)).collect();
            proptest::prop_assert_eq!(got, want);
        }

        /// Words between signs, white space, control bytes and characters outside ASCII,
        /// across the 64-byte blocks of `tokens_into`'s mask and a window's ends.
        #[test]
        fn tokens_of_any_window_of_mixed_text_read_as_characters_did(
            text in "([a-zA-Z0-9]{0,66}[ \t\n\r\u{b}\u{c}\u{0}\u{8}\u{e}\u{1f}\u{7f}.,;:()'’&\\-–“”Üüİ€\u{a0}\u{2003}\u{85}\u{301}]{1,3}){0,8}[a-zÉ]{0,66}",
            from in 0.0..1.0f64,
            to in 0.0..1.0f64,
        ) {
            let at = |f: f64| text.floor_char_boundary((f * text.len() as f64) as usize);
            for (start, end) in [(0, text.len()), (at(from.min(to)), at(from.max(to)))] {
                let w = Span::new(start, end);
                let got: Vec<_> = tokens(&text, w).iter().map(|t| (t.span, t.s, t.word, t.ascii)).collect();
                let want: Vec<_> = tokens_by_chars(&text, w).iter().map(|t| (t.span, t.s, t.word, t.ascii)).collect();
                proptest::prop_assert_eq!(got, want);
            }
        }

        #[test]
        fn any_word_takes_its_period_as_its_characters_say(w in "[a-zA-Z.ÉéİⅧ𝐀ǅ]{0,4}") {
            proptest::prop_assert_eq!(takes_its_period(&w, w.contains('.')), takes_its_period_by_chars(&w));
        }
    }

    /// What [`takes_its_period`] says, by characters: one capital letter, a period inside, a
    /// title or an abbreviation.
    fn takes_its_period_by_chars(w: &str) -> bool {
        let single_cap = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
        single_cap || w.contains('.') || is_title_abbreviation(w) || segment::is_abbreviation(w)
    }

    #[test]
    fn words_take_their_period_as_their_characters_say() {
        let words = [
            "", "A", "a", "Z", "1", "Mr", "mr", "Sen", "Inc", "U.S", "said", "É", "é", "Éa", "ÉÉ",
            "aÉ", "İ", "Ⅷ", "𝐀", "𝐀a", "ǅ",
        ];
        for w in words {
            assert_eq!(
                takes_its_period(w, w.contains('.')),
                takes_its_period_by_chars(w),
                "{w:?}"
            );
        }
    }

    /// The long lists, each tested through its shapes and as a plain slice.
    const LISTS: [&Words; 12] = [
        CUE_WORDS,
        NOUN_ARTICLES,
        NOUN_QUANTIFIERS,
        WEEKDAY_WORDS,
        TIME_WORDS,
        DETERMINERS,
        FORWARD_STOP,
        BACKWARD_STOP,
        BETWEEN,
        TIME_NOUNS,
        PREPOSITIONS,
        CLAUSE_WORDS,
    ];

    fn word(s: &str) -> Tok<'_> {
        Tok {
            span: Span::new(0, s.len()),
            s,
            word: true,
            ascii: s.is_ascii(),
        }
    }

    #[test]
    fn time_words_are_weekdays_months_and_others() {
        let others = ["today", "yesterday", "tonight", "earlier", "later", "last"];
        let want: Vec<&str> = [WEEKDAYS, MONTH_NAMES, &others].concat();
        assert_eq!(&TIME_WORDS[..], &want[..]);
        assert_eq!(&WEEKDAY_WORDS[..], WEEKDAYS);
    }

    #[test]
    fn words_hold_what_their_slices_hold() {
        for list in LISTS {
            for w in list.iter() {
                for s in [w.to_string(), w.to_uppercase(), w.to_ascii_uppercase()] {
                    let t = word(&s);
                    assert_eq!(in_list(list, &t), in_list(&list[..], &t), "{s:?}");
                }
                assert!(in_list(list, &word(w)), "{w:?}");
                let sign = Tok {
                    word: false,
                    ..word(w)
                };
                assert!(!in_list(list, &sign), "{w:?}");
            }
            for s in [
                "",
                "x",
                "Thee",
                "\u{212a}",
                "DIDN’T",
                "fifteen-letters",
                "afterwardsssssssss",
            ] {
                let t = word(s);
                assert_eq!(in_list(list, &t), in_list(&list[..], &t), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn words_hold_any_token_as_their_slices_do(s in "[a-zA-Z’'\u{212a}\u{130}-]{0,16}") {
            let t = word(&s);
            for list in LISTS {
                proptest::prop_assert_eq!(in_list(list, &t), in_list(&list[..], &t));
            }
        }
    }

    #[test]
    fn mentions_read_backwards_from_the_cue() {
        let cases = [
            ("The Kazakh police said", "The Kazakh police"),
            // A pronoun before the cue is the whole subject, not the words before it.
            ("preparation, an investment he said", "he"),
            ("Gowdy earlier Thursday said", "Gowdy"),
            ("Gov. Phil Bryant (R) said", "Gov. Phil Bryant"),
        ];
        for (text, want) in cases {
            assert_eq!(backward(text, "said").as_deref(), Some(want), "{text}");
        }
    }
}
