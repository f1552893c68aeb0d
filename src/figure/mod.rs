//! Sentences -> figures: counts of people as intervals ("over a thousand civilians were
//! injured" -> injured, civilians, [1000, -), more_than), with the measure and group read from
//! the words around the number and the source of the claim the figure stands in.
//!
//! Numbers are digits ("1,200", "1 200", "3.5 million", "1.3m"), number words ("Sixteen",
//! "a thousand", "one hundred and twelve") and vague quantities ("dozens", "several"; their
//! intervals are in `data/numbers.tsv` and docs/figures.md). Dates, times, years, ages,
//! durations, ordinals, money and percentages are not figures; nor is a number that counts
//! nothing the lexicons know (no measure word and no group of people near it).

pub mod lexicon;
pub mod link;

pub use lexicon::{FigureLexicon, FIGURES};

use crate::span::Span;

/// A figure found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The figure as written: qualifier, number and the noun it counts ("over a thousand
    /// civilians", "Dozens of assailants").
    pub span: Span,
    pub measure: &'static str,
    pub group: Option<String>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: &'static str,
    /// A place named in the figure's sentence ("killed in Almaty"): a count of its own.
    pub scope: Option<String>,
    /// When the sentence says the figure was given, if it says so.
    pub when: Option<When>,
    /// The sentence says the figure was withdrawn, deleted or an error.
    pub retracted: bool,
    /// The figure's sentence, numbered from 0 in the document.
    pub sentence: usize,
    /// A part of another figure ("103 of them in Almaty").
    pub part: bool,
}

/// A time the figure's sentence gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// "on Sunday", "Sunday's": 0 = Monday ... 6 = Sunday, on or before the document's date.
    Weekday(u8),
    /// "As of January 10", "on 9 January": month and day, in the document's year.
    Date(u8, u8),
    /// "yesterday"
    DaysBefore(u8),
    /// "earlier", "had reported", "initially": a figure given before, on a day not said.
    Before,
}

use crate::lexicon::{TextWords, WordHeads, MONTH_NAMES, WEEKDAYS};

/// The time words of a sentence: each weekday, date or "yesterday" with its token, and
/// whether the sentence tells of figures given before ("earlier", "had reported").
struct Times {
    said: Vec<(usize, When)>,
    recap: bool,
}

impl Times {
    fn of(toks: &[Tok]) -> Times {
        let mut said = Vec::new();
        for (k, t) in toks.iter().enumerate() {
            // "killed since Thursday": the start of a span of time, not when it was told.
            let span_start = k
                .checked_sub(1)
                .is_some_and(|b| matches!(toks[b].lower.as_ref(), "since" | "until" | "till"));
            if span_start {
                continue;
            }
            let w: &str = &t.lower;
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            if !TIME_WORDS.may_hold(w) {
                continue;
            }
            if let Some(d) = WEEKDAYS.iter().position(|d| *d == w) {
                said.push((k, When::Weekday(d as u8)));
            } else if let Some(m) = MONTH_NAMES.iter().position(|m| *m == w) {
                let day = |x: Option<&Tok>| match x.map(|t| t.kind) {
                    Some(Kind::Number(v)) if (1.0..=31.0).contains(&v) && v.fract() == 0.0 => {
                        Some(v as u8)
                    }
                    _ => None,
                };
                if let Some(d) =
                    day(toks.get(k + 1)).or_else(|| k.checked_sub(1).and_then(|b| day(toks.get(b))))
                {
                    said.push((k, When::Date(m as u8 + 1, d)));
                }
            } else if w == "yesterday" {
                said.push((k, When::DaysBefore(1)));
            }
        }
        let recap = toks.iter().enumerate().any(|(k, t)| {
            matches!(
                t.lower.as_ref(),
                "earlier" | "previously" | "initially" | "while"
            ) || (t.lower == "had"
                && toks.get(k + 1).is_some_and(|n| {
                    matches!(
                        n.lower.as_ref(),
                        "reported" | "said" | "put" | "given" | "announced" | "published"
                    )
                }))
        });
        Times { said, recap }
    }

    /// The time of the figure at tokens `start..end`: the time words nearest it (the first of
    /// two as near), so "which had reported 26 killed on Friday, said on Sunday that 16 had
    /// died" dates 26 on Friday and 16 on Sunday; else "before" for a recap.
    fn of_figure(&self, start: usize, end: usize) -> Option<When> {
        // The nearest before the figure and the nearest from it on, found by bisection (a
        // sentence may be long and full of time words); the one before when as near.
        let next = self.said.partition_point(|&(k, _)| k < start);
        let before = next.checked_sub(1).map(|i| (start - self.said[i].0, i));
        let after = self
            .said
            .get(next)
            .map(|&(k, _)| (k.saturating_sub(end) + 1, next));
        let nearest = match (before, after) {
            (Some(b), Some(a)) if a.0 < b.0 => Some(a.1),
            (Some(b), _) => Some(b.1),
            (None, a) => a.map(|a| a.1),
        };
        nearest
            .map(|i| self.said[i].1)
            .or(self.recap.then_some(When::Before))
    }
}

fn retracted(toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        matches!(
            t.lower.as_ref(),
            "withdrawn"
                | "withdrew"
                | "deleted"
                | "retracted"
                | "error"
                | "erroneous"
                | "removed"
                | "vanishes"
                | "vanished"
                | "disappeared"
        )
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Word,
    Number(f64),
    Punct,
}

#[derive(Debug, Clone)]
struct Tok<'t> {
    span: Span,
    /// The token in lower case: borrowed from the text when it already is (most words).
    lower: std::borrow::Cow<'t, str>,
    kind: Kind,
    capitalized: bool,
    /// The token has a hyphen ("twenty-five", "-").
    hyphen: bool,
}

/// `w` in lower case, borrowed when it already is.
fn lowered(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// Words and numbers of a sentence: "1,200", "3.5" and "1.3m" are one token each. `lower` is
/// the sentence with its ASCII letters in lower case ([`str::to_ascii_lowercase`], same
/// offsets): an ASCII token's lower case is its slice of it, without allocating. The tokens
/// are put in `out`: empty, with the allocation of the sentence before's tokens (through
/// `crate::recycle`), so that most sentences allocate none.
fn tokenize<'t>(text: &'t str, sent: Span, lower: &'t str, mut out: Vec<Tok<'t>>) -> Vec<Tok<'t>> {
    debug_assert!(out.is_empty(), "tokenize appends to an empty vector");
    let s = &text[sent];
    let b = s.as_bytes();
    // The lower case of the token at `start..end`, known to be ASCII or not (inlined: called
    // for every token).
    #[inline(always)]
    fn lower_of<'t>(
        s: &'t str,
        lower: &'t str,
        start: usize,
        end: usize,
        ascii: bool,
    ) -> std::borrow::Cow<'t, str> {
        if ascii {
            std::borrow::Cow::Borrowed(&lower[start..end])
        } else {
            lowered(&s[start..end])
        }
    }
    let lower_of = |start: usize, end: usize, ascii: bool| lower_of(s, lower, start, end, ascii);
    // A token every few bytes: one allocation at most for most sentences.
    out.reserve(s.len() / 4 + 4);
    let mut i = 0;
    while i < s.len() {
        // Spaces, the most frequent bytes here, without decoding.
        if b[i] == b' ' {
            i += 1;
            continue;
        }
        let c = char_at(s, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            let mut j = i;
            while j < s.len()
                && (b[j].is_ascii_digit()
                    || (matches!(b[j], b',' | b'.')
                        && j + 1 < s.len()
                        && b[j + 1].is_ascii_digit()))
            {
                j += 1;
            }
            let digits = &s[i..j];
            // "1.3m", "2bn", "5k"
            let rest = &s[j..];
            let (mult, suffix) = if rest.starts_with("bn") {
                (1e9, 2)
            } else if rest.starts_with('m') && !rest[1..].starts_with(char::is_alphabetic) {
                (1e6, 1)
            } else if rest.starts_with('k') && !rest[1..].starts_with(char::is_alphabetic) {
                (1e3, 1)
            } else {
                (1.0, 0)
            };
            let end = j + suffix;
            let glued =
                s[end..].starts_with(|ch: char| ch.is_alphanumeric() || ch == ':' || ch == '%');
            let value = parse_digits(digits);
            let kind = match value {
                Some(v) if !glued => Kind::Number(v * mult),
                _ => Kind::Word,
            };
            let mut end = end;
            if glued {
                while end < s.len() && !s[end..].starts_with(char::is_whitespace) {
                    end += s[end..].chars().next().map_or(1, char::len_utf8);
                }
            }
            push_joined(
                &mut out,
                Tok {
                    span: Span::new(sent.start + start, sent.start + end),
                    // Digits and their suffix are ASCII; what is glued to them may not be.
                    lower: lower_of(start, end, !glued || s[start..end].is_ascii()),
                    kind,
                    capitalized: false,
                    // Only what is glued to digits may have one.
                    hyphen: glued && s[start..end].contains('-'),
                },
            );
            i = end;
            continue;
        }
        if crate::lexicon::is_alphabetic(c) {
            let mut j = i;
            let mut ascii = c.is_ascii();
            let mut hyphen = false;
            while j < s.len() {
                // ASCII letters and digits without decoding; ASCII other than the joiners
                // ends the word.
                let byte = b[j];
                if crate::lexicon::is_ascii_alnum_byte(byte) {
                    j += 1;
                    continue;
                }
                if byte.is_ascii() && !matches!(byte, b'-' | b'\'' | b'.') {
                    break;
                }
                let ch = char_at(s, j);
                let joiner = matches!(ch, '-' | '\'' | '’' | '.')
                    && s[j + ch.len_utf8()..].starts_with(char::is_alphabetic);
                if crate::lexicon::is_alphanumeric(ch) || joiner {
                    ascii &= ch.is_ascii();
                    hyphen |= ch == '-';
                    j += ch.len_utf8();
                } else {
                    break;
                }
            }
            push_joined(
                &mut out,
                Tok {
                    span: Span::new(sent.start + start, sent.start + j),
                    lower: lower_of(start, j, ascii),
                    kind: Kind::Word,
                    capitalized: c.is_uppercase(),
                    hyphen,
                },
            );
            i = j;
            continue;
        }
        let end = i + c.len_utf8();
        push_joined(
            &mut out,
            Tok {
                span: Span::new(sent.start + start, sent.start + end),
                lower: std::borrow::Cow::Borrowed(&s[i..end]),
                kind: Kind::Punct,
                capitalized: false,
                hyphen: c == '-',
            },
        );
        i = end;
    }
    out
}

/// The character at byte `i` of `s` (a char boundary): an ASCII byte without decoding.
#[inline(always)]
fn char_at(s: &str, i: usize) -> char {
    match s.as_bytes()[i] {
        b @ 0..=0x7F => char::from(b),
        _ => s[i..].chars().next().unwrap_or(' '),
    }
}

/// Appends `t` to the tokens `out`, joining "1 200" into one number: a number of one to
/// three digits then groups of exactly three.
#[inline(always)]
fn push_joined<'t>(out: &mut Vec<Tok<'t>>, t: Tok<'t>) {
    if let (Some(prev), Kind::Number(v)) = (out.last_mut(), t.kind) {
        let three = t.lower.len() == 3 && t.lower.bytes().all(|b| b.is_ascii_digit());
        let small = prev.lower.len() <= 3 && prev.lower.bytes().all(|b| b.is_ascii_digit());
        if let (Kind::Number(p), true, true) = (prev.kind, three, small) {
            if t.span.start == prev.span.end + 1 {
                prev.kind = Kind::Number(p * 1000.0 + v);
                prev.span.end = t.span.end;
                prev.lower.to_mut().push_str(&t.lower);
                return;
            }
        }
    }
    out.push(t);
}

/// "1,200" -> 1200, "3.5" -> 3.5, "1.200.000" (European) -> 1200000.
fn parse_digits(d: &str) -> Option<f64> {
    // Most numbers are digits alone ("2022", "15"): read as an integer, which converts to the
    // same `f64` as parsing (both round to nearest; 19 digits fit a `u64`).
    if d.len() <= 19 && d.bytes().all(|b| b.is_ascii_digit()) {
        return d.parse::<u64>().ok().map(|n| n as f64);
    }
    if d.contains(',') {
        return d.replace(',', "").parse().ok();
    }
    let groups_of_three = |sep: char| {
        let parts: Vec<&str> = d.split(sep).collect();
        parts.len() > 1 && parts[0].len() <= 3 && parts[1..].iter().all(|p| p.len() == 3)
    };
    if d.matches('.').count() > 1 && groups_of_three('.') {
        return d.replace('.', "").parse().ok();
    }
    d.parse().ok()
}

/// The first bytes and lengths of the words of some lists, made at compile time: a test that
/// tells most tokens to be none of them without comparing them with each.
struct FirstLen([u32; 32]);

impl FirstLen {
    /// The shapes of the words of `lists`.
    const fn of(lists: &[&[&str]]) -> FirstLen {
        let mut bits = [0u32; 32];
        let mut l = 0;
        while l < lists.len() {
            let mut k = 0;
            while k < lists[l].len() {
                let w = lists[l][k].as_bytes();
                if !w.is_empty() {
                    bits[(w[0] & 31) as usize] |= 1 << if w.len() < 31 { w.len() } else { 31 };
                }
                k += 1;
            }
            l += 1;
        }
        FirstLen(bits)
    }

    /// The shapes of the last words of the qualifiers `qualifiers`.
    const fn of_last_words(qualifiers: &[(&[&str], &str)]) -> FirstLen {
        let mut lasts: [&str; 32] = [""; 32];
        assert!(
            qualifiers.len() <= 32,
            "FirstLen::of_last_words takes at most 32 qualifiers"
        );
        let mut k = 0;
        while k < qualifiers.len() {
            let words = qualifiers[k].0;
            lasts[k] = words[words.len() - 1];
            k += 1;
        }
        FirstLen::of(&[&lasts])
    }

    /// Whether `w` may be a word of the lists: false when it is none of them.
    #[inline(always)]
    fn may_hold(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&b| self.0[usize::from(b & 31)] & 1 << w.len().min(31) != 0)
    }
}

/// The time words [`Times::of`] looks for.
const TIME_WORDS: FirstLen = FirstLen::of(&[WEEKDAYS, MONTH_NAMES, &["yesterday"]]);

/// The words after a number that make it no count, but for "%" and "-" (month names, their
/// abbreviations and [`TIME_UNITS`]).
const NOT_COUNTED: FirstLen = FirstLen::of(&[MONTH_NAMES, MONTH_ABBREVIATIONS, TIME_UNITS]);

/// Abbreviated month names ("Jan.", "Sept"); the full names are [`MONTH_NAMES`].
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "jan.", "feb", "feb.", "mar.", "apr", "apr.", "jun.", "jul.", "aug", "aug.", "sept",
    "sept.", "sep.", "oct", "oct.", "nov", "nov.", "dec", "dec.",
];

fn is_month(w: &str) -> bool {
    MONTH_NAMES.contains(&w) || MONTH_ABBREVIATIONS.contains(&w)
}
const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "times",
    "percent",
    "per",
    "points",
    "point",
    "tenge",
    "dollars",
    "euros",
    "rubles",
    "roubles",
    "pounds",
    "yuan",
    "hryvnias",
    "cents",
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "o'clock",
    "degrees",
    "litre",
    "liter",
    "litres",
    "liters",
    "kilograms",
    "tonnes",
    "tons",
];
const CURRENCY: &[&str] = &["$", "€", "£", "¥", "₸", "₽"];
/// Qualifier words (as tokens) before a number, and the qualifier they make.
const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["at", "least"], "at_least"),
    (&["no", "fewer", "than"], "at_least"),
    (&["no", "less", "than"], "at_least"),
    (&["more", "than"], "more_than"),
    (&["over"], "more_than"),
    (&["upwards", "of"], "more_than"),
    (&["in", "excess", "of"], "more_than"),
    (&["nearly"], "at_most"),
    (&["almost"], "at_most"),
    (&["up", "to"], "at_most"),
    (&["no", "more", "than"], "at_most"),
    (&["at", "most"], "at_most"),
    (&["fewer", "than"], "less_than"),
    (&["less", "than"], "less_than"),
    (&["under"], "less_than"),
    (&["about"], "about"),
    (&["some"], "about"),
    (&["around"], "about"),
    (&["roughly"], "about"),
    (&["approximately"], "about"),
    (&["an", "estimated"], "about"),
    (&["estimated"], "about"),
    (&["close", "to"], "about"),
    (&["near"], "about"),
];

/// A number found at token `start..end`, with its interval.
#[derive(Debug, Clone, Copy)]
struct Quantity {
    start: usize,
    end: usize,
    low: f64,
    high: Option<f64>,
    vague: bool,
}

/// `f` of the `len` tokens from `i` as a lexicon key, joined by spaces: one word as it is, a
/// phrase written into a buffer on the stack when it fits (most such keys are of no entry),
/// allocated otherwise; none without calling `f` for a phrase whose length no phrase
/// starting with the word at `i` has (`starts`, the first word's [`lexicon::Starts`]).
fn with_phrase<R>(
    toks: &[Tok],
    i: usize,
    len: usize,
    starts: lexicon::Starts,
    f: impl FnOnce(&str) -> Option<R>,
) -> Option<R> {
    if len == 1 {
        return f(&toks[i].lower);
    }
    let words = toks[i..i + len].iter().map(|t| t.lower.as_ref());
    if !starts.may_be(words.clone().map(str::len).sum::<usize>() + len - 1) {
        return None;
    }
    let mut buf = [0u8; 64];
    let mut n = 0;
    for (k, w) in words.clone().enumerate() {
        let sep = usize::from(k > 0);
        if n + sep + w.len() > buf.len() {
            return f(&words.collect::<Vec<&str>>().join(" "));
        }
        buf[n] = b' ';
        n += sep;
        buf[n..n + w.len()].copy_from_slice(w.as_bytes());
        n += w.len();
    }
    f(std::str::from_utf8(&buf[..n]).expect("words joined by spaces are UTF-8"))
}

/// The number (digits, words or vague) starting at token `i`, if any.
fn quantity_at(lex: &FigureLexicon, toks: &[Tok], i: usize) -> Option<Quantity> {
    let first = &toks[i];
    let starts = lex.starts_of(&first.lower);
    // Most tokens: no number phrase starts with them, so they are no number word (every
    // number word starts a phrase, itself), and a quantity needs one or "a"/"an".
    if starts.numbers == 0
        && !matches!(first.kind, Kind::Number(_))
        && !matches!(first.lower.as_ref(), "a" | "an")
        && !first.hyphen
    {
        return None;
    }
    // Vague phrases first, longest match: "tens of thousands", "a few", "dozens".
    for len in (1..=starts.numbers.min(toks.len() - i)).rev() {
        if let Some(w) = with_phrase(toks, i, len, starts, |p| lex.number(p)) {
            if w.vague {
                // "several thousand", "a few hundred"
                let mult = toks
                    .get(i + len)
                    .and_then(|t| word_value(lex, &t.lower))
                    .filter(|v| *v >= 100.0 && v.log10().fract() == 0.0);
                let (end, m) = mult.map_or((i + len, 1.0), |m| (i + len + 1, m));
                return Some(Quantity {
                    start: i,
                    end,
                    low: w.low * m,
                    high: w.high.map(|h| h * m),
                    vague: true,
                });
            }
        }
    }
    let mut total: f64 = 0.0;
    let mut current: f64 = 0.0;
    let mut seen = false;
    let mut j = i;
    while j < toks.len() {
        let t = &toks[j];
        let value = match t.kind {
            Kind::Number(v) => Some(v),
            Kind::Word => word_value(lex, &t.lower),
            Kind::Punct => None,
        };
        let a_before_multiplier = (t.lower == "a" || t.lower == "an")
            && !seen
            && toks
                .get(j + 1)
                .and_then(|n| word_value(lex, &n.lower))
                .is_some_and(|v| v >= 12.0 && v != 20.0);
        if a_before_multiplier {
            current = 1.0;
            seen = true;
            j += 1;
            continue;
        }
        let Some(v) = value else {
            // "one hundred and twelve"
            if t.lower == "and"
                && seen
                && toks
                    .get(j + 1)
                    .and_then(|n| word_value(lex, &n.lower))
                    .is_some_and(|v| v < 100.0)
            {
                j += 1;
                continue;
            }
            break;
        };
        let word = matches!(t.kind, Kind::Word);
        if seen && !word {
            break; // "2022 12": two numbers in a row are two numbers
        }
        // "one hundred (and) twelve", "twenty five", "two thousand five"
        let adds = !seen
            || (current % 100.0 == 0.0 && v < 100.0)
            || (current >= 20.0 && current % 10.0 == 0.0 && v < 10.0);
        if t.lower == "dozen" {
            current = current.max(1.0) * 12.0;
        } else if word && v >= 1000.0 {
            total += current.max(1.0) * v;
            current = 0.0;
        } else if word && v == 100.0 {
            current = current.max(1.0) * 100.0;
        } else if adds {
            current += v;
        } else {
            break;
        }
        seen = true;
        j += 1;
    }
    if !seen || j == i {
        return None;
    }
    // "one" counts only "one person", "one officer": elsewhere it is a pronoun or an article.
    if j == i + 1 && toks[i].lower == "one" {
        let next = toks.get(j).map_or("", |t| t.lower.as_ref());
        let singular = matches!(
            next,
            "person"
                | "civilian"
                | "officer"
                | "policeman"
                | "soldier"
                | "serviceman"
                | "man"
                | "woman"
                | "child"
                | "protester"
                | "demonstrator"
                | "journalist"
                | "worker"
        );
        if !singular {
            return None;
        }
    }
    let value = total + current;
    Some(Quantity {
        start: i,
        end: j,
        low: value,
        high: Some(value),
        vague: false,
    })
}

/// The value of a number word, hyphenated ones included ("twenty-five").
fn word_value(lex: &FigureLexicon, w: &str) -> Option<f64> {
    if let Some(n) = lex.number(w).filter(|n| !n.vague) {
        return Some(n.low);
    }
    // A byte scan: words are short, and most have no hyphen (`split_once` sets up a searcher).
    let hyphen = w.bytes().position(|b| b == b'-')?;
    let (a, b) = (&w[..hyphen], &w[hyphen + 1..]);
    let (a, b) = (lex.number(a)?, lex.number(b)?);
    (!a.vague && !b.vague && a.low >= 20.0 && b.low < 10.0).then_some(a.low + b.low)
}

/// Whether the quantity is a date, a time, a year, an age, a duration, money or a percentage.
fn not_a_count(toks: &[Tok], q: &Quantity) -> bool {
    let before = q.start.checked_sub(1).map(|b| toks[b].lower.as_ref());
    let after = toks.get(q.end).map(|t| t.lower.as_ref());
    let after2 = toks.get(q.end + 1).map(|t| t.lower.as_ref());
    let is_number = !q.vague;
    // "Khabar-24", "COVID-19": a number glued to a name.
    if q.start >= 2
        && toks[q.start - 1].lower == "-"
        && toks[q.start - 1].span.end == toks[q.start].span.start
        && toks[q.start - 2].span.end == toks[q.start - 1].span.start
    {
        return true;
    }
    // Month names and time units told by a comparison with each only when their shapes let
    // them be.
    let not_counted = |w: &str| NOT_COUNTED.may_hold(w) && (is_month(w) || TIME_UNITS.contains(&w));
    if before.is_some_and(|b| is_month(b) || CURRENCY.contains(&b) || b == "no." || b == "number")
        || after.is_some_and(|a| not_counted(a) || a == "%")
        || (after == Some("-")
            && after2.is_some_and(|a| {
                NOT_COUNTED.may_hold(a) && TIME_UNITS.contains(&a) || a.starts_with("year")
            }))
    {
        return true;
    }
    // Years, ages: "in 2014", "Rashford, 23,", "aged 23", "23-year-old".
    if is_number {
        let v = q.low;
        let single = q.end == q.start + 1;
        let year = single && (1900.0..=2100.0).contains(&v) && toks[q.start].lower.len() == 4;
        // "the retirement age from 62 to 64", "the new age of 64", "between the ages of 18".
        let age_of = q.start >= 2
            && matches!(toks[q.start - 2].lower.as_ref(), "age" | "ages")
            && matches!(before, Some("from" | "of" | "to" | "at"));
        let age = before == Some("aged")
            || before == Some("age")
            || age_of
            || (before == Some(",")
                && after == Some(",")
                && q.start >= 2
                && toks[q.start - 2].capitalized
                && v < 120.0);
        let ordinal_word = before == Some("the") && after.is_none();
        if year || age || ordinal_word {
            return true;
        }
    }
    false
}

/// The shapes of the last words of [`QUALIFIERS`].
const QUALIFIER_ENDS: FirstLen = FirstLen::of_last_words(QUALIFIERS);

/// The qualifier words just before token `start`, and where they start.
fn qualifier_before(toks: &[Tok], start: usize) -> Option<(usize, &'static str)> {
    // Most tokens before a number end no qualifier, told so by their shape alone.
    if !QUALIFIER_ENDS.may_hold(&toks[start.checked_sub(1)?].lower) {
        return None;
    }
    QUALIFIERS.iter().find_map(|(words, q)| {
        let from = start.checked_sub(words.len())?;
        let before = toks[from..start].iter().map(|t| t.lower.as_ref());
        before.eq(words.iter().copied()).then_some((from, *q))
    })
}

/// The longest measure phrase starting at token `i`.
fn measure_at(lex: &FigureLexicon, toks: &[Tok], i: usize) -> Option<(usize, &'static str)> {
    let starts = lex.starts_of(&toks[i].lower);
    (1..=starts.longest.min(toks.len() - i))
        .rev()
        .find_map(|len| with_phrase(toks, i, len, starts, |p| lex.measure(p)).map(|m| (len, m)))
}

fn group_at(lex: &FigureLexicon, toks: &[Tok], i: usize) -> Option<(usize, String)> {
    let starts = lex.starts_of(&toks[i].lower);
    (1..=starts.longest.min(toks.len() - i))
        .rev()
        .find_map(|len| {
            with_phrase(toks, i, len, starts, |p| {
                lex.group(p).map(|g| (len, g.to_string()))
            })
        })
}

fn is_quote_mark(t: &Tok) -> bool {
    t.kind == Kind::Punct
        && t.lower
            .chars()
            .next()
            .is_some_and(crate::quote::is_quote_char)
}

/// Finds the figures of one sentence; `buf` holds its lower case when it has capitals, and
/// `spare` the allocation of its tokens (buffers kept from sentence to sentence).
fn figures_in(
    lex: &FigureLexicon,
    text: &str,
    sent: Span,
    buf: &mut String,
    spare: &mut Vec<Tok<'static>>,
) -> Vec<Figure> {
    let s = &text[sent];
    let lower: &str = if s.bytes().any(|b| b.is_ascii_uppercase()) {
        buf.clear();
        buf.push_str(s);
        buf.make_ascii_lowercase();
        buf
    } else {
        s
    };
    let toks = tokenize(text, sent, lower, crate::recycle(std::mem::take(spare)));
    let mut quantities: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match quantity_at(lex, &toks, i) {
            Some(q) => {
                i = q.end;
                // "between 30 and 40", "30 to 40", "30-40": one figure, a range.
                if let Some(prev) = quantities.last_mut() {
                    let link = &toks[prev.end].lower;
                    let between = prev.start > 0 && toks[prev.start - 1].lower == "between";
                    let joined = q.start == prev.end + 1
                        && !prev.vague
                        && !q.vague
                        && (matches!(link.as_ref(), "to" | "-" | "–")
                            || (link == "and" && between));
                    if joined && q.low > prev.low {
                        prev.high = q.high;
                        prev.end = q.end;
                        continue;
                    }
                }
                quantities.push(q);
            }
            None => i += 1,
        }
    }
    // "Among the police, 12 members were killed": the group of the sentence.
    let context_group = (toks.len() > 3 && toks[0].lower == "among")
        .then(|| {
            let k = if toks[1].lower == "the" { 2 } else { 1 };
            group_at(lex, &toks, k).map(|(_, g)| g)
        })
        .flatten();
    // For each figure of `out`: its end token and whether words make it a part of another.
    let mut ends: Vec<(usize, bool)> = Vec::new();
    // The sentence's time words and retraction, read at its first figure (most sentences
    // read here have numbers that count nothing: years, dates, money).
    let mut told: Option<(Times, bool)> = None;
    let mut out: Vec<Figure> = Vec::new();
    for (qi, q) in quantities.iter().enumerate() {
        if not_a_count(&toks, q) {
            continue;
        }
        let q = *q;
        let mut qualifier = if q.vague { "vague" } else { "exact" };
        let mut start = q.start;
        if q.high.is_some_and(|h| h > q.low) && !q.vague {
            qualifier = "range";
            if q.start > 0 && toks[q.start - 1].lower == "between" {
                start = q.start - 1;
            }
        }
        if qualifier != "range" {
            if let Some((s, qual)) = qualifier_before(&toks, q.start) {
                start = s;
                qualifier = qual;
            }
        }
        let (mut low, mut high) = (Some(q.low), q.high);
        match qualifier {
            "at_least" | "more_than" => high = None,
            "at_most" | "less_than" => low = None,
            "about" => {
                low = Some((q.low * 0.9).floor());
                high = q.high.map(|h| (h * 1.1).ceil());
            }
            _ => {}
        }
        // The noun counted: "Dozens of assailants", "over a thousand civilians", "“dozens” of people".
        let mut k = q.end;
        while k < toks.len() && is_quote_mark(&toks[k]) {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| t.lower == "of") {
            k += 1;
        }
        let mut end = q.end;
        let mut group = None;
        // The token of the people noun counted, as written ("marchers").
        let mut noun = None;
        let mut measure = None;
        let mut adjectives = 0;
        while k < toks.len() && adjectives <= 3 {
            if let Some((len, g)) = group_at(lex, &toks, k) {
                group = Some(g);
                noun = Some(k);
                end = k + len;
                break;
            }
            if let Some((len, m)) = measure_at(lex, &toks, k) {
                if [
                    "deaths",
                    "fatalities",
                    "bodies",
                    "injuries",
                    "arrests",
                    "detentions",
                    "evacuees",
                    "detainees",
                    "refugees",
                    "lives",
                ]
                .contains(&toks[k].lower.as_ref())
                {
                    measure = Some(m);
                    end = k + len;
                }
                break;
            }
            let w = toks[k].lower.as_ref();
            let stop = matches!(
                w,
                "were"
                    | "was"
                    | "had"
                    | "have"
                    | "in"
                    | "and"
                    | "on"
                    | "at"
                    | "some"
                    | "the"
                    | "a"
                    | "an"
                    | "of"
                    | "their"
                    | "his"
                    | "her"
                    | "its"
                    | "who"
                    | "that"
            ) || (w.ends_with('s') && w.len() > 3);
            if toks[k].kind != Kind::Word || stop {
                break;
            }
            adjectives += 1;
            k += 1;
        }
        if group.is_none() && end == q.end {
            // "12 members": a plural noun of its own.
            if let Some(t) = toks.get(q.end) {
                if t.kind == Kind::Word && matches!(t.lower.as_ref(), "members" | "others") {
                    let noun_group = context_group.clone().unwrap_or_else(|| t.lower.to_string());
                    group = Some(noun_group);
                    end = q.end + 1;
                }
            }
        }
        // The measure: a noun just before ("detentions near 8,000"), else in the clause after
        // the figure up to the next number or clause, else before it.
        if measure.is_none() && start > 0 {
            measure = measure_at(lex, &toks, start - 1)
                .filter(|_| toks[start - 1].lower.ends_with('s'))
                .map(|(_, m)| m);
        }
        if measure.is_none() {
            let stop = quantities.get(qi + 1).map_or(toks.len(), |n| n.start);
            let mut j = end;
            while j < stop {
                let w = toks[j].lower.as_ref();
                let new_clause = matches!(w, "and" | "but" | "while")
                    && toks
                        .get(j + 1)
                        .is_some_and(|n| matches!(n.lower.as_ref(), "a" | "an" | "the"));
                if matches!(w, "." | ";" | ":") || new_clause {
                    break;
                }
                if let Some((_, m)) = measure_at(lex, &toks, j) {
                    measure = Some(m);
                    break;
                }
                j += 1;
            }
        }
        if measure.is_none() {
            let floor = qi.checked_sub(1).map_or(0, |p| quantities[p].end);
            let mut j = start;
            while j > floor {
                j -= 1;
                if matches!(toks[j].lower.as_ref(), "." | ";" | ",") {
                    break;
                }
                if let Some((_, m)) = measure_at(lex, &toks, j) {
                    measure = Some(m);
                    break;
                }
            }
        }
        // Coordination: "12 members were killed and 353 injured" shares the group.
        if group.is_none() {
            group = out
                .last()
                .filter(|_| {
                    qi > 0
                        && toks[quantities[qi - 1].end..q.start]
                            .iter()
                            .any(|t| t.lower == "and")
                })
                .and_then(|f| f.group.clone())
                .or_else(|| context_group.clone());
        }
        if group.as_deref() == Some("members") {
            group = context_group.clone().or(group);
        }
        // "Nineteen of the dead were police officers": the group is the predicate's.
        if group.is_none() {
            group = predicate_group(lex, &toks, q.end);
        }
        // "put the number of marchers at 1.12 million": the group of the frame.
        if group.is_none() {
            if let Some(k) = number_of_at(&toks, start) {
                if let Some((_, g)) = group_at(lex, &toks, k) {
                    group = Some(g);
                    noun = Some(k);
                }
            }
        }
        // "among them 3,393 members of ...": a part of the figure before, so its measure.
        let among = start >= 2
            && matches!(
                (
                    toks[start - 2].lower.as_ref(),
                    toks[start - 1].lower.as_ref()
                ),
                ("among", "them") | ("of", "whom") | ("of", "them")
            )
            || start >= 1 && toks[start - 1].lower == "including";
        if measure.is_none() && among {
            measure = out.last().map(|f: &Figure| f.measure);
        }
        // "1.12 million nationwide, 80,000 of them in Paris": a part of the figure before, with
        // its measure and group.
        let of_them = toks.get(q.end).is_some_and(|t| t.lower == "of")
            && toks
                .get(q.end + 1)
                .is_some_and(|t| matches!(t.lower.as_ref(), "them" | "whom" | "those"));
        if let Some(last) = out.last().filter(|_| of_them && measure.is_none()) {
            measure = Some(last.measure);
            group = group.or_else(|| last.group.clone());
        }
        // "1.12 million marchers" with no other measure word: a crowd.
        if measure.is_none() && noun.is_some_and(|k| CROWD_NOUNS.contains(&toks[k].lower.as_ref()))
        {
            measure = Some("participants");
        }
        // "put the number of injured at 4,353", "the death toll at 225": a total of people.
        if group.is_none()
            && matches!(measure, Some("killed" | "injured"))
            && toks[start.saturating_sub(6)..start]
                .iter()
                .any(|t| matches!(t.lower.as_ref(), "number" | "toll" | "total"))
        {
            group = Some("people".to_string());
        }
        let Some(measure) = measure.or_else(|| group.as_ref().map(|_| "other")) else {
            continue;
        };
        let part_of_last = among && group.is_none();
        let (times, withdrawn) = told.get_or_insert_with(|| (Times::of(&toks), retracted(&toks)));
        out.push(Figure {
            span: Span::new(toks[start].span.start, toks[end - 1].span.end),
            measure,
            group,
            low,
            high,
            qualifier,
            scope: None,
            when: times.of_figure(q.start, q.end),
            retracted: *withdrawn,
            sentence: 0,
            // "103 of them", or "among them six" with no group of its own.
            part: of_them || part_of_last,
        });
        ends.push((q.end, of_them || among));
    }
    if out.is_empty() {
        *spare = crate::recycle(toks);
        return out;
    }
    // "... killed in Almaty": the places named after "in".
    let places = toks
        .windows(2)
        .enumerate()
        .filter(|(_, w)| {
            w[0].lower == "in"
                && w[1].capitalized
                && !is_month(&w[1].lower)
                && !WEEKDAYS.contains(&w[1].lower.as_ref())
        })
        .map(|(k, w)| (k, &text[w[1].span]));
    // A place after a part ("103 of them in Almaty") is that part's alone; the first other
    // place is the sentence's, for all its figures ("In Almaty, 12 ... and 353 ...").
    let mut sentence_place = None;
    for (k, place) in places {
        let before = ends.partition_point(|&(end, _)| end <= k);
        match before.checked_sub(1).filter(|&f| ends[f].1) {
            Some(f) => {
                out[f].scope.get_or_insert_with(|| place.to_string());
            }
            None => {
                sentence_place.get_or_insert(place);
            }
        }
    }
    for f in &mut out {
        if f.scope.is_none() {
            f.scope = sentence_place.map(str::to_string);
        }
    }
    *spare = crate::recycle(toks);
    out
}

/// People nouns that, counted with no measure word, are a crowd ("1.12 million marchers").
const CROWD_NOUNS: &[&str] = &["marchers", "protesters", "protestors", "demonstrators"];

/// "the number of <noun> at N" (also "total", "toll", "count"), for the number at token
/// `start`: the token after "of" (past quote marks), where the noun counted is.
fn number_of_at(toks: &[Tok], start: usize) -> Option<usize> {
    if start == 0 || toks[start - 1].lower != "at" {
        return None;
    }
    let frame = (start.saturating_sub(8)..start - 1).rev().find(|&k| {
        matches!(
            toks[k].lower.as_ref(),
            "number" | "total" | "toll" | "count"
        ) && toks.get(k + 1).is_some_and(|t| t.lower == "of")
    })?;
    let mut k = frame + 2;
    while k < start && is_quote_mark(&toks[k]) {
        k += 1;
    }
    (k < start - 1).then_some(k)
}

/// "N of the dead were police officers": the group named by the predicate of a partitive
/// whose noun is a measure ("the dead", "the injured"), from the token after the number.
fn predicate_group(lex: &FigureLexicon, toks: &[Tok], after: usize) -> Option<String> {
    let at = |k: usize| toks.get(k).map(|t| t.lower.as_ref());
    if at(after) != Some("of") || !matches!(at(after + 1), Some("the" | "those")) {
        return None;
    }
    measure_at(lex, toks, after + 2)?;
    let verb = (after + 3..after + 5).find(|&k| matches!(at(k), Some("were" | "are" | "was")))?;
    let mut k = verb + 1;
    while matches!(at(k), Some("members" | "of" | "the" | "a" | "an")) && k < verb + 4 {
        k += 1;
    }
    group_at(lex, toks, k).map(|(_, g)| g)
}

/// The figures of one document (`paragraphs` of its text), in text order.
pub fn find_figures(lex: &FigureLexicon, text: &str, paragraphs: &[Span]) -> Vec<Figure> {
    let sentences = crate::segment::Sentences::new(text, paragraphs);
    find_figures_in(lex, text, sentences.all())
}

/// The figures of one document given all its sentences in order
/// ([`crate::segment::Sentences::all`]); `Figure::sentence` indexes them.
pub fn find_figures_in(lex: &FigureLexicon, text: &str, sentences: &[Span]) -> Vec<Figure> {
    let mut words = TextWords::default();
    words.scan(text, sentences, &WordHeads::of(&[lex.pre_test_heads()]));
    find_figures_with(lex, text, sentences, &words)
}

/// [`find_figures_in`] with the document's words kept for the sentence pre-test
/// ([`TextWords::scan`] of `text`, with `lex`'s keys among them).
pub(crate) fn find_figures_with(
    lex: &FigureLexicon,
    text: &str,
    sentences: &[Span],
    words: &TextWords,
) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut lower = String::new();
    let mut spare = Vec::new();
    for (n, &s) in sentences.iter().enumerate() {
        if !lex.may_have_figure_in(text, s, words) {
            continue;
        }
        out.extend(
            figures_in(lex, text, s, &mut lower, &mut spare)
                .into_iter()
                .map(|f| Figure { sentence: n, ..f }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, measure, group, low, high, qualifier) of a figure.
    type Row = (
        String,
        &'static str,
        Option<String>,
        Option<f64>,
        Option<f64>,
        &'static str,
    );

    fn figs(text: &str) -> Vec<Row> {
        find_figures(&FIGURES, text, &[Span::new(0, text.len())])
            .into_iter()
            .map(|f| {
                (
                    text[f.span].to_string(),
                    f.measure,
                    f.group,
                    f.low,
                    f.high,
                    f.qualifier,
                )
            })
            .collect()
    }

    #[test]
    fn tokens_recycled_keep_their_allocation() {
        let text = "In 2014, 52 People were killed.";
        let toks = tokenize(text, Span::new(0, text.len()), text, Vec::new());
        assert_eq!(toks.len(), 8);
        let capacity = toks.capacity();
        let spare: Vec<Tok<'static>> = crate::recycle(toks);
        assert!(spare.is_empty());
        assert_eq!(spare.capacity(), capacity);
        let again = tokenize(text, Span::new(3, 7), &text[3..7], crate::recycle(spare));
        assert_eq!((again.len(), again[0].lower.as_ref()), (1, "2014"));
        assert_eq!(again.capacity(), capacity);
    }

    #[test]
    fn first_byte_and_length_hold_every_word_listed() {
        let lists: [&[&str]; 3] = [WEEKDAYS, MONTH_NAMES, TIME_UNITS];
        let shapes = FirstLen::of(&lists);
        for w in lists.concat() {
            assert!(shapes.may_hold(w), "{w}");
        }
        for w in ["the", "said", "killed", "", "magazine", "x"] {
            assert!(!shapes.may_hold(w), "{w}");
        }
        assert!(TIME_WORDS.may_hold("yesterday") && NOT_COUNTED.may_hold("sept."));
        for (words, _) in QUALIFIERS {
            assert!(QUALIFIER_ENDS.may_hold(words[words.len() - 1]), "{words:?}");
        }
        assert!(!QUALIFIER_ENDS.may_hold("the") && !QUALIFIER_ENDS.may_hold(","));
    }

    #[test]
    fn the_pre_test_passes_every_sentence_with_a_figure() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let docs = crate::input::read_inputs(&[dir.display().to_string()]).documents;
        let mut with_figures = 0;
        for doc in &docs {
            let text: &str = &doc.text;
            let paras = crate::segment::paragraphs(text, 0);
            for &s in crate::segment::Sentences::new(text, &paras).all() {
                if !figures_in(&FIGURES, text, s, &mut String::new(), &mut Vec::new()).is_empty() {
                    with_figures += 1;
                    assert!(FIGURES.may_have_figure(&text[s]), "{}", &text[s]);
                }
            }
        }
        assert!(with_figures > 20, "{with_figures}");
    }

    fn one(text: &str) -> Row {
        let f = figs(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn a_part_or_total_told_by_its_predicate_or_its_frame() {
        // "N of the dead were <group>": the group is the predicate's.
        let f = one("Nineteen of the dead were police officers or servicemen, an official said.");
        assert_eq!((f.1, f.2.as_deref()), ("killed", Some("police")));
        // "put the number of injured at N": a total of people.
        let f = figs("Shalabayev put the number of injured at 4,353, among them 3,393 members of the security forces.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].1, f[0].2.as_deref()), ("injured", Some("people")));
        // "among them N <group>": the measure of the figure it is a part of.
        assert_eq!(
            (f[1].1, f[1].2.as_deref()),
            ("injured", Some("security forces"))
        );
    }

    #[test]
    fn number_forms() {
        let cases: &[(&str, f64)] = &[
            ("1,200 people were killed.", 1200.0),
            ("1 200 people were killed.", 1200.0),
            ("3.5 million people were displaced.", 3_500_000.0),
            ("1.3m people were displaced.", 1_300_000.0),
            ("Nine people were killed.", 9.0),
            ("Sixteen people were killed.", 16.0),
            ("A thousand people were detained.", 1000.0),
            ("Twenty-five people were injured.", 25.0),
            ("One hundred and twelve people were arrested.", 112.0),
            ("Police detained 2,298 people.", 2298.0),
        ];
        for (text, value) in cases {
            let f = one(text);
            assert_eq!((f.3, f.4), (Some(*value), Some(*value)), "{text}");
        }
    }

    #[test]
    fn qualifiers_and_vague_words() {
        let cases: &[(&str, &str, Option<f64>, Option<f64>)] = &[
            (
                "At least 400 people were hospitalized.",
                "at_least",
                Some(400.0),
                None,
            ),
            (
                "More than 2,000 people were detained.",
                "more_than",
                Some(2000.0),
                None,
            ),
            (
                "Over a thousand civilians were injured.",
                "more_than",
                Some(1000.0),
                None,
            ),
            (
                "Nearly 300 people were injured.",
                "at_most",
                None,
                Some(300.0),
            ),
            (
                "Up to 300 people were injured.",
                "at_most",
                None,
                Some(300.0),
            ),
            (
                "Some 300 people were injured.",
                "about",
                Some(270.0),
                Some(330.0),
            ),
            (
                "Fewer than 50 people were arrested.",
                "less_than",
                None,
                Some(50.0),
            ),
            (
                "Between 30 and 40 people were killed.",
                "range",
                Some(30.0),
                Some(40.0),
            ),
            (
                "30 to 40 people were killed.",
                "range",
                Some(30.0),
                Some(40.0),
            ),
            (
                "Dozens of people were killed.",
                "vague",
                Some(24.0),
                Some(99.0),
            ),
            (
                "Several protesters were killed.",
                "vague",
                Some(3.0),
                Some(9.0),
            ),
            (
                "Hundreds of people were detained.",
                "vague",
                Some(200.0),
                Some(999.0),
            ),
            (
                "Tens of thousands of people marched.",
                "vague",
                Some(20000.0),
                Some(99999.0),
            ),
        ];
        for (text, qual, low, high) in cases {
            let f = one(text);
            assert_eq!((f.5, f.3, f.4), (*qual, *low, *high), "{text}");
        }
    }

    #[test]
    fn measures_and_groups() {
        let f = one("Dozens of assailants have been eliminated.");
        assert_eq!(
            (f.0.as_str(), f.1, f.2.as_deref()),
            ("Dozens of assailants", "killed", Some("assailants"))
        );
        let f = one("There have been dozens of deaths.");
        assert_eq!((f.1, f.2.as_deref()), ("killed", None));
        let f = figs("Among the police, 12 members were killed and 353 injured in the protests.");
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].1, f[0].2.as_deref()), ("killed", Some("police")));
        assert_eq!((f[1].1, f[1].2.as_deref()), ("injured", Some("police")));
        let f = figs("Of these, at least 400 hospitalized and 62 in intensive care.");
        assert_eq!((f[0].1, f[1].1), ("hospitalized", "critical"));
        let f = one("The police said they had killed several demonstrators.");
        assert_eq!((f.1, f.2.as_deref()), ("killed", Some("protesters")));
        let f = one("“Dozens” of people lost their lives.");
        assert_eq!((f.1, f.2.as_deref()), ("killed", Some("people")));
    }

    #[test]
    fn not_figures() {
        for text in [
            "Second day of protests in Kazakhstan.",
            "Last night the violence went on.",
            "Russia and five other former Soviet republics joined.",
            "Injured in two days of violent street clashes.",
            "On January 5, 2022, the cabinet resigned.",
            "At 10:30 p.m. shots were heard.",
            "Prices rose by 50 percent.",
            "Rashford, 23, was abused online.",
            "The 23-year-old was detained.",
            "The fuel cost 120 tenge a litre.",
            "He was elected in 2019.",
            "The report was broadcast by Khabar-24 on Thursday.",
        ] {
            let f = figs(text);
            let casualty: Vec<_> = f
                .iter()
                .filter(|f| f.1 != "other" && f.1 != "participants")
                .collect();
            assert!(casualty.is_empty(), "{text}: {f:?}");
        }
    }

    #[test]
    fn each_figure_is_dated_by_the_time_words_nearest_it() {
        // Friday is 26's day (told before), Sunday is 16's (told that day): not the
        // sentence's first weekday for both. "since Thursday" starts a span: not a telling.
        let text = "The interior ministry, which had reported 26 “armed criminals” killed on Friday, said on Sunday that 16 members of the security forces had died.";
        let when: Vec<_> = find_figures(&FIGURES, text, &[Span::new(0, text.len())])
            .into_iter()
            .map(|f| (text[f.span].to_string(), f.when))
            .collect();
        assert_eq!(
            when,
            [
                ("26".to_string(), Some(When::Weekday(4))),
                (
                    "16 members of the security forces".to_string(),
                    Some(When::Weekday(6))
                )
            ]
        );
        let text = "The minister said on Saturday that 198 people had been killed since Thursday and 1,115 wounded.";
        let f = find_figures(&FIGURES, text, &[Span::new(0, text.len())]);
        assert!(f.iter().all(|f| f.when == Some(When::Weekday(5))), "{f:?}");
    }

    #[test]
    fn an_age_range_is_not_a_crowd() {
        let f = figs("Hundreds of thousands of people marched against the plan to raise the minimum retirement age from 62 to 64.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Hundreds of thousands of people");
        for text in [
            "Thousands marched against raising the retirement age to 64.",
            "Thousands marched; the new age of 64 is not negotiable.",
        ] {
            assert!(figs(text).iter().all(|f| f.3 != Some(64.0)), "{text}");
        }
    }

    #[test]
    fn a_crowd_told_as_the_number_of_marchers_and_its_parts() {
        // "put the number of <group> at N": the group is the frame's, and marchers are a crowd.
        let f = figs("The interior ministry put the number of marchers at 1.12 million nationwide, 80,000 of them in Paris.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            (f[0].0.as_str(), f[0].1, f[0].2.as_deref(), f[0].3, f[0].4),
            (
                "1.12 million",
                "participants",
                Some("protesters"),
                Some(1_120_000.0),
                Some(1_120_000.0)
            )
        );
        // "N of them": a part of the figure before, with its measure and group.
        assert_eq!(
            (f[1].1, f[1].2.as_deref(), f[1].3),
            ("participants", Some("protesters"), Some(80_000.0))
        );
        let parts = find_figures(
            &FIGURES,
            "164 people had been killed, 103 of them in Almaty.",
            &[Span::new(0, 50)],
        );
        assert_eq!(
            parts
                .iter()
                .map(|f| (f.measure, f.part))
                .collect::<Vec<_>>(),
            [("killed", false), ("killed", true)]
        );
        // "had taken part": a crowd, and "including N" a part of it.
        let f = figs("The CGT union said more than 2 million people had taken part, including 400,000 in the capital.");
        assert_eq!(
            f.iter().map(|f| (f.1, f.3)).collect::<Vec<_>>(),
            [
                ("participants", Some(2_000_000.0)),
                ("participants", Some(400_000.0))
            ]
        );
    }

    #[test]
    fn a_place_after_a_part_is_the_parts_alone() {
        let scopes = |text: &str| {
            find_figures(&FIGURES, text, &[Span::new(0, text.len())])
                .into_iter()
                .map(|f| f.scope)
                .collect::<Vec<_>>()
        };
        // 164 is the country's toll, 103 Almaty's part of it.
        assert_eq!(
            scopes("164 people had been killed, 103 of them in Almaty."),
            [None, Some("Almaty".to_string())]
        );
        assert_eq!(
            scopes("The ministry put the number of marchers at 1.12 million nationwide, 80,000 of them in Paris."),
            [None, Some("Paris".to_string())]
        );
        // A place of the whole sentence scopes all its figures.
        let almaty = Some("Almaty".to_string());
        assert_eq!(
            scopes("In Almaty, 12 members of the police were killed and 353 injured."),
            [almaty.clone(), almaty.clone()]
        );
        assert_eq!(
            scopes("12 police officers were killed in Almaty and 353 injured."),
            [almaty.clone(), almaty]
        );
    }
}
