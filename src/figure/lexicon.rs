//! The figure lexicons (`data/numbers.tsv`, `data/measures.tsv`, `data/groups.tsv`) -> lookup
//! tables, parsed once.

use crate::lexicon::{columns, data_lines, LexiconError};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// What a number word or vague quantity stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberWord {
    pub low: f64,
    pub high: Option<f64>,
    pub vague: bool,
}

/// Number words, vague quantities, measure words and group nouns.
#[derive(Debug, Clone, Default)]
pub struct FigureLexicon {
    numbers: HashMap<String, NumberWord>,
    measures: HashMap<String, &'static str>,
    groups: HashMap<String, String>,
    /// Longest phrase (in words) of any table, for longest-match look-ups.
    pub longest: usize,
    /// For each first word of a phrase of any table, the longest phrase it starts.
    starts: HashMap<String, usize>,
    /// The first letters and lengths of the keys of `starts`: most tokens of a sentence start
    /// no phrase and are never looked up.
    start_shapes: Shapes,
    /// One word of every number phrase (its longest: "couple" of "a couple of", not "of"),
    /// and the parts of a hyphenated one: a quantity always holds one, so a sentence without
    /// any (and without a digit) has no figure.
    number_ends: HashSet<String>,
    /// The first letters and lengths of the words of `number_ends`: most words of a sentence
    /// fail this test and are never looked up.
    end_shapes: Shapes,
}

/// The first two letters and the lengths of a set of words, a test that rules most other
/// words out without looking them up ("the" and "for" are no number words, though "ten" and
/// "few" are).
#[derive(Debug, Clone, Default)]
struct Shapes {
    /// For each first letter `a`..`z` and second byte (a letter `a`..`z`, or anything else and
    /// none as the 27th), the lengths (bit `n`: `n` bytes, 31 for longer) of the words that
    /// start with them.
    lengths: [[u32; 27]; 26],
    /// Some word does not start with `a`..`z`.
    other: bool,
}

impl Shapes {
    fn note(&mut self, word: &str) {
        let b = word.as_bytes();
        match b.first() {
            Some(&first @ b'a'..=b'z') => {
                self.lengths[usize::from(first - b'a')][second_index(b.get(1).copied())] |=
                    1 << word.len().min(31);
            }
            _ => self.other = true,
        }
    }

    /// Whether a word of `len` bytes whose first two bytes are `first` and `second` may be one
    /// of the set.
    #[inline]
    fn may_hold(&self, first: Option<u8>, second: Option<u8>, len: usize) -> bool {
        match first {
            Some(b @ b'a'..=b'z') => {
                self.lengths[usize::from(b - b'a')][second_index(second)] & 1 << len.min(31) != 0
            }
            _ => self.other,
        }
    }
}

/// [`Shapes`]' index of a word's second byte.
#[inline]
fn second_index(b: Option<u8>) -> usize {
    match b {
        Some(b @ b'a'..=b'z') => usize::from(b - b'a'),
        _ => 26,
    }
}

/// The measures of the report (`CONTRACT.md`).
pub const MEASURES: &[&str] = &[
    "killed",
    "injured",
    "hospitalized",
    "critical",
    "arrested",
    "missing",
    "displaced",
    "participants",
    "other",
];

impl FigureLexicon {
    pub fn builtin() -> FigureLexicon {
        let mut lex = FigureLexicon::default();
        lex.extend_numbers("data/numbers.tsv", include_str!("../../data/numbers.tsv"))
            .expect("built-in data/numbers.tsv parses");
        lex.extend_measures("data/measures.tsv", include_str!("../../data/measures.tsv"))
            .expect("built-in data/measures.tsv parses");
        lex.extend_groups("data/groups.tsv", include_str!("../../data/groups.tsv"))
            .expect("built-in data/groups.tsv parses");
        lex
    }

    fn note_len(&mut self, phrase: &str) {
        let words = phrase.split_whitespace().count();
        self.longest = self.longest.max(words);
        let first = phrase.split_whitespace().next().unwrap_or("").to_string();
        self.start_shapes.note(&first);
        let longest = self.starts.entry(first).or_insert(0);
        *longest = (*longest).max(words);
    }

    fn note_end(&mut self, word: &str) {
        self.end_shapes.note(word);
        self.number_ends.insert(word.to_string());
    }

    /// The longest phrase of any table that starts with this word (0: none does).
    pub fn longest_from(&self, word: &str) -> usize {
        let b = word.as_bytes();
        if !self
            .start_shapes
            .may_hold(b.first().copied(), b.get(1).copied(), word.len())
        {
            return 0;
        }
        self.starts.get(word).copied().unwrap_or(0)
    }

    /// `words<TAB>low<TAB>high<TAB>number|vague`.
    pub fn extend_numbers(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (n, line) in data_lines(text) {
            // "high" may be empty (unbounded), so only the first two must be non-empty.
            let cols = columns(file, n, line, &["words", "low", "high", "type"], 2)?;
            let err = |message: String| LexiconError {
                file: file.to_string(),
                line: n,
                message,
            };
            let low: f64 = cols[1]
                .parse()
                .map_err(|_| err(format!("low {:?} is not a number", cols[1])))?;
            let high = match cols.get(2).copied().unwrap_or("") {
                "" => None,
                h => Some(
                    h.parse::<f64>()
                        .map_err(|_| err(format!("high {h:?} is not a number")))?,
                ),
            };
            let vague = match cols.get(3).copied().unwrap_or("") {
                "number" => false,
                "vague" => true,
                other => return Err(err(format!("unknown type {other:?} (number or vague)"))),
            };
            let key = cols[0].to_lowercase();
            self.note_len(&key);
            // Any word of the phrase would do; the longest is the rarest in text (a common
            // word such as "of" would send most sentences to the tokenizer).
            let longest = key.split_whitespace().max_by_key(|w| w.chars().count());
            if let Some(word) = longest {
                self.note_end(word);
                for part in word.split('-').filter(|p| !p.is_empty()) {
                    self.note_end(part);
                }
            }
            self.numbers.insert(key, NumberWord { low, high, vague });
        }
        Ok(())
    }

    /// `words<TAB>measure`.
    pub fn extend_measures(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (n, line) in data_lines(text) {
            let cols = columns(file, n, line, &["words", "measure"], 2)?;
            let measure = MEASURES
                .iter()
                .find(|m| **m == cols[1])
                .ok_or_else(|| LexiconError {
                    file: file.to_string(),
                    line: n,
                    message: format!(
                        "unknown measure {:?} (one of {})",
                        cols[1],
                        MEASURES.join(", ")
                    ),
                })?;
            let key = cols[0].to_lowercase();
            self.note_len(&key);
            self.measures.insert(key, measure);
        }
        Ok(())
    }

    /// `noun<TAB>group`.
    pub fn extend_groups(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (n, line) in data_lines(text) {
            let cols = columns(file, n, line, &["noun", "group"], 2)?;
            let key = cols[0].to_lowercase();
            self.note_len(&key);
            self.groups.insert(key, cols[1].to_lowercase());
        }
        Ok(())
    }

    /// Whether `sentence` may hold a quantity: a digit, or a word that ends a number phrase.
    /// A fast test, so most sentences of a text are never tokenized for figures.
    pub fn may_have_number(&self, sentence: &str) -> bool {
        if has_ascii_digit(sentence.as_bytes()) {
            return true;
        }
        let mut buf = [0u8; 48];
        crate::lexicon::any_alnum_word(sentence, |w, ascii| {
            // An ASCII word's lower case has its length and starts with its first two bytes
            // in lower case; other words are looked up.
            let lower = |k: usize| w.as_bytes().get(k).map(u8::to_ascii_lowercase);
            let could = !ascii || self.end_shapes.may_hold(lower(0), lower(1), w.len());
            could
                && self
                    .number_ends
                    .contains(&*crate::lexicon::lower_in(w, &mut buf))
        })
    }

    pub fn number(&self, words: &str) -> Option<NumberWord> {
        self.numbers.get(words).copied()
    }

    pub fn measure(&self, words: &str) -> Option<&'static str> {
        self.measures.get(words).copied()
    }

    pub fn group(&self, words: &str) -> Option<&str> {
        self.groups.get(words).map(String::as_str)
    }
}

/// Whether `b` has an ASCII digit: 32 bytes at a time without a branch a byte (the compiler
/// vectorizes the inner fold), then the rest.
fn has_ascii_digit(b: &[u8]) -> bool {
    let mut chunks = b.chunks_exact(32);
    for chunk in chunks.by_ref() {
        if chunk.iter().fold(false, |any, c| any | c.is_ascii_digit()) {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// The built-in figure lexicons.
pub static FIGURES: LazyLock<FigureLexicon> = LazyLock::new(FigureLexicon::builtin);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_hold_every_word_noted() {
        let mut shapes = Shapes::default();
        let words = ["ten", "few", "a", "a.m.", "twenty-five", "x"];
        for w in words {
            shapes.note(w);
        }
        let hold = |s: &Shapes, w: &str| {
            let b = w.as_bytes();
            s.may_hold(b.first().copied(), b.get(1).copied(), w.len())
        };
        for w in words {
            assert!(hold(&shapes, w), "{w}");
        }
        for w in ["the", "for", "an", "b", "", "1", "é"] {
            assert!(!hold(&shapes, w), "{w}");
        }
        shapes.note("élan");
        assert!(hold(&shapes, "é") && hold(&shapes, "1"));
        assert!(!hold(&shapes, "the"));
    }

    #[test]
    fn builtin_figure_lexicons_parse() {
        assert_eq!(FIGURES.number("twelve").unwrap().low, 12.0);
        assert!(FIGURES.number("dozens").unwrap().vague);
        assert_eq!(FIGURES.measure("lost their lives"), Some("killed"));
        assert_eq!(FIGURES.group("demonstrators"), Some("protesters"));
        assert!(FIGURES.may_have_number("Tens of thousands marched"));
        assert!(FIGURES.may_have_number("Twenty-five were held; 3 freed"));
        assert!(FIGURES.may_have_number("A FEW stayed"));
        assert!(!FIGURES.may_have_number("Shops stayed closed on the main square."));
        assert!(!FIGURES.may_have_number("The head of the party spoke."));
        assert!(FIGURES.may_have_number("A couple of them spoke."));
        let mut lex = FigureLexicon::default();
        let e = lex.extend_measures("m.tsv", "died\tdead\n").unwrap_err();
        assert_eq!((e.line, e.message.contains("unknown measure")), (1, true));
        let e = lex
            .extend_numbers("n.tsv", "x\tten\t10\tnumber\n")
            .unwrap_err();
        assert!(e.message.contains("not a number"));
    }
}
