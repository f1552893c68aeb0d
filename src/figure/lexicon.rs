//! The figure lexicons (`data/numbers.tsv`, `data/measures.tsv`, `data/groups.tsv`) -> lookup
//! tables, parsed once.

use crate::lexicon::{
    ascii_runs_by_heads, columns, data_lines, head_bit, head_bit_of, words_ending, Bits,
    LexiconError, TextWords, WordMap,
};
use crate::span::Span;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// What a number word or vague quantity stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberWord {
    pub low: f64,
    pub high: Option<f64>,
    pub vague: bool,
}

/// Number words, vague quantities, measure words and group nouns.
#[derive(Debug, Clone)]
pub struct FigureLexicon {
    numbers: HashMap<String, NumberWord>,
    measures: HashMap<String, &'static str>,
    groups: HashMap<String, String>,
    /// Longest phrase (in words) of any table, for longest-match look-ups.
    pub longest: usize,
    /// For each first word of a phrase of any table, the phrases it starts.
    starts: HashMap<String, Starts>,
    /// The first letters and lengths of the keys of `starts`: most tokens of a sentence start
    /// no phrase and are never looked up.
    start_shapes: Shapes,
    /// The words the sentence pre-test ([`FigureLexicon::may_have_figure`]) looks for, each
    /// with what it is ([`NUMBER`], [`NOUN`] or both), in any case.
    keys: WordMap<u8>,
    /// The heads ([`head_bit`]) of the ASCII keys of `keys`: most words of a sentence are
    /// told to be none by their head, without hashing them.
    heads: Bits<1024>,
    /// The inner shapes ([`inner_shape`]) of the ASCII keys of `keys`: for a sentence with a
    /// character outside ASCII that is alphanumeric, whose words are read by the shared word
    /// scan, a second test for the words whose shape `keys` lets through (most of them are
    /// still no key: "campaign" has the length, first and last letters of "civilian").
    inner: Bits<256>,
    /// Some measure or group phrase has no word of letters `a`..`z` alone to be keyed by, so
    /// the pre-test cannot rule a sentence out for want of one.
    nouns_unkeyed: bool,
}

/// A key of the pre-test: one word of every number phrase (its longest: "couple" of "a
/// couple of", not "of") and the parts of a hyphenated one. A quantity always holds one, so a
/// sentence without any (and without a digit) has no figure.
const NUMBER: u8 = 1;
/// A key of the pre-test: one word of every measure and group phrase (its longest: "custody"
/// of "in custody"), and "members" and "others", which `figures_in` reads as a group. A figure
/// always has a measure or a group, so a sentence without any of these has no figure.
const NOUN: u8 = 2;

impl Default for FigureLexicon {
    fn default() -> FigureLexicon {
        let mut lex = FigureLexicon {
            numbers: HashMap::default(),
            measures: HashMap::default(),
            groups: HashMap::default(),
            longest: 0,
            starts: HashMap::default(),
            start_shapes: Shapes::default(),
            keys: WordMap::default(),
            heads: Bits::default(),
            inner: Bits::default(),
            nouns_unkeyed: false,
        };
        // Read as groups by `figures_in` whatever the lexicons hold.
        lex.note_key("members", NOUN);
        lex.note_key("others", NOUN);
        lex
    }
}

/// What the phrases of the figure lexicons that start with a word are like: the most words of
/// one, and the lengths in bytes of those of two words or more, so that most phrases of tokens
/// that are no key are told so without joining the tokens and hashing them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Starts {
    /// The most words of a phrase (0: none starts with the word).
    pub longest: usize,
    /// The most words of a number phrase (0: no number word or vague quantity starts with the
    /// word, so it is none and starts none).
    pub numbers: usize,
    /// Bit `n`: a phrase of two words or more is `n` bytes long (63: 63 or more).
    lengths: u64,
}

impl Starts {
    /// Whether a phrase of two words or more, `bytes` long, may be one of them: false when
    /// none is that long.
    #[inline]
    pub fn may_be(&self, bytes: usize) -> bool {
        self.lengths & 1 << bytes.min(63) != 0
    }
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

/// The bit of an ASCII word in a set of inner shapes: its length modulo 16, the low five bits
/// (the same for a byte and its ASCII lower case) of its second byte and of its last but one
/// (its first and last for a word too short to have them).
#[inline(always)]
fn inner_shape(w: &[u8]) -> usize {
    let n = w.len();
    let at = |i: usize| w.get(i).map_or(0, |&b| usize::from(b & 31));
    (n & 15) << 10 | at(1.min(n.saturating_sub(1))) << 5 | at(n.saturating_sub(2))
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

    /// Notes the phrase `phrase` (lower case) of a table (`number`: of the numbers').
    fn note_len(&mut self, phrase: &str, number: bool) {
        let words = phrase.split_whitespace().count();
        self.longest = self.longest.max(words);
        let first = phrase.split_whitespace().next().unwrap_or("").to_string();
        self.start_shapes.note(&first);
        let starts = self.starts.entry(first).or_default();
        starts.longest = starts.longest.max(words);
        if number {
            starts.numbers = starts.numbers.max(words);
        }
        if words > 1 {
            starts.lengths |= 1 << phrase.len().min(63);
        }
    }

    fn note_key(&mut self, word: &str, what: u8) {
        self.inner.insert(inner_shape(word.as_bytes()));
        if word.is_ascii() {
            self.heads.insert(head_bit_of(word.as_bytes()));
        }
        let was = self.keys.get(word).copied().unwrap_or(0);
        self.keys.insert(word.to_string(), was | what);
    }

    /// Keys the measure or group phrase `phrase` (lower case) by its longest word, the rarest
    /// in text. A token is matched whole ("dead" is no key of "deadline"), so a word of
    /// letters `a`..`z` alone is found whole by the pre-test's word scan; another word might
    /// not be (a token is split at some characters that the scan keeps in a word).
    fn note_noun(&mut self, phrase: &str) {
        match phrase.split_whitespace().max_by_key(|w| w.chars().count()) {
            Some(w) if w.bytes().all(|b| b.is_ascii_lowercase()) => self.note_key(w, NOUN),
            _ => self.nouns_unkeyed = true,
        }
    }

    /// The longest phrase of any table that starts with this word (0: none does).
    pub fn longest_from(&self, word: &str) -> usize {
        self.starts_of(word).longest
    }

    /// The phrases of any table that start with this word (none: the default). The shapes'
    /// test inlined (called for every token of a sentence read for figures; most start no
    /// phrase), the look-up out of line.
    #[inline(always)]
    pub fn starts_of(&self, word: &str) -> Starts {
        let b = word.as_bytes();
        if !self
            .start_shapes
            .may_hold(b.first().copied(), b.get(1).copied(), word.len())
        {
            return Starts::default();
        }
        self.starts_looked_up(word)
    }

    /// [`FigureLexicon::starts_of`] by the look-up alone.
    #[inline(never)]
    fn starts_looked_up(&self, word: &str) -> Starts {
        self.starts.get(word).copied().unwrap_or_default()
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
            self.note_len(&key, true);
            // Any word of the phrase would do; the longest is the rarest in text (a common
            // word such as "of" would send most sentences to the tokenizer).
            let longest = key.split_whitespace().max_by_key(|w| w.chars().count());
            if let Some(word) = longest {
                self.note_key(word, NUMBER);
                for part in word.split('-').filter(|p| !p.is_empty()) {
                    self.note_key(part, NUMBER);
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
            self.note_len(&key, false);
            self.note_noun(&key);
            self.measures.insert(key, measure);
        }
        Ok(())
    }

    /// `noun<TAB>group`.
    pub fn extend_groups(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (n, line) in data_lines(text) {
            let cols = columns(file, n, line, &["noun", "group"], 2)?;
            let key = cols[0].to_lowercase();
            self.note_len(&key, false);
            self.note_noun(&key);
            self.groups.insert(key, cols[1].to_lowercase());
        }
        Ok(())
    }

    /// Whether `sentence` may hold a figure: a quantity (a digit, or a word that ends a
    /// number phrase) and something it counts (a word of a measure or group phrase, see
    /// `NOUN`). A fast test, one scan of the words at most, so most sentences of a text are
    /// never tokenized for figures.
    pub fn may_have_figure(&self, sentence: &str) -> bool {
        let found = match self.found_in_ascii_runs(sentence) {
            Some(found) => found,
            None => return self.may_have_figure_by_words(sentence),
        };
        // Digits are looked for only where they decide (most sentences have no noun key).
        found == NUMBER | NOUN || (found == NOUN && has_ascii_digit(sentence.as_bytes()))
    }

    /// [`FigureLexicon::may_have_figure`] of the piece `piece` of `text`, read from `words`
    /// (the words of `text` kept for the pre-tests, with this lexicon's keys among them:
    /// [`crate::lexicon::WordHeads::of`]) where they tell, else by a scan of the piece.
    pub(crate) fn may_have_figure_in(&self, text: &str, piece: Span, words: &TextWords) -> bool {
        let mut found = if self.nouns_unkeyed { NOUN } else { 0 };
        let told = words.any_in(
            text,
            piece,
            self.keys.shortest_ascii_key(),
            |bit| self.heads.get(bit),
            |start, end| {
                found |= self.key(&text[start..end], true);
                found == NUMBER | NOUN
            },
        );
        match told {
            None => self.may_have_figure(&text[piece]),
            Some(_) => {
                found == NUMBER | NOUN || (found == NOUN && has_ascii_digit(text[piece].as_bytes()))
            }
        }
    }

    /// The heads of the ASCII keys [`FigureLexicon::may_have_figure`] looks up, and the
    /// length of the shortest, for [`crate::lexicon::WordHeads::of`].
    pub(crate) fn pre_test_heads(&self) -> (&Bits<1024>, usize) {
        (&self.heads, self.keys.shortest_ascii_key())
    }

    /// What the keys in `sentence`'s words are ([`NUMBER`], [`NOUN`], both or neither, with
    /// `NOUN` if `nouns_unkeyed`), read by a scan of its runs of ASCII letters and digits
    /// alone; none when it has an alphanumeric character that is not ASCII (82 of the 18,424
    /// sentences of `dev1.jsonl`), whose words are not those runs, but for both kinds found
    /// before it. (Each block is read for such characters before its words are looked up,
    /// and a word next to one ends or starts in its block: the words looked up before are
    /// words of the sentence.)
    ///
    /// Each word is told by its head ([`head_bit`]), without a branch: the words that may be
    /// keys are marked in a mask and looked up after their block. (On the shared word scan,
    /// [`crate::lexicon::any_alnum_word_at`], with `keys`' shapes and then the inner shapes
    /// before the look-up, the pre-test took 25.8 M instructions and 216,000 mispredicted
    /// branches on `dev1.jsonl`, about 45 instructions a word; this scan, about 30 a word,
    /// 20.0 M and 168,000: look-ups 14,288 -> 9,462, the shape tests' 51,000 mispredictions
    /// gone, and the shared scan's state, empty-word test and slicing a word.)
    #[inline(always)]
    fn found_in_ascii_runs(&self, sentence: &str) -> Option<u8> {
        let mut found = if self.nouns_unkeyed { NOUN } else { 0 };
        ascii_runs_by_heads(
            sentence,
            self.keys.shortest_ascii_key(),
            |head, len| self.may_be_key(head, len),
            |_, _| true,
            |base, words, hits, first| {
                found |= self.keys_ending(sentence, base, words, hits, first);
                found == NUMBER | NOUN
            },
        )?;
        Some(found)
    }

    /// 1 if the ASCII word of letters and digits of `len` bytes whose first four bytes are
    /// `head` ([`head_bit`]) may be a key, else 0.
    #[inline(always)]
    fn may_be_key(&self, head: u32, len: usize) -> u64 {
        self.heads.get(head_bit(head, len))
    }

    /// What the words of `sentence` that end in its 64-byte block at `base` at the bytes
    /// `hits` (bit `k`: a word ends before byte `base + k`) are keys of, together: `words`
    /// has the block's bytes in words, and `first` is the start of the word at the block's
    /// start (the block's, or before it).
    #[inline(never)]
    fn keys_ending(&self, sentence: &str, base: usize, words: u64, hits: u64, first: usize) -> u8 {
        words_ending(base, words, hits, first).fold(0, |found, (start, end)| {
            found | self.key(&sentence[start..end], true)
        })
    }

    /// [`FigureLexicon::may_have_figure`] by the shared word scan, for a sentence with an
    /// alphanumeric character that is not ASCII.
    #[inline(never)]
    fn may_have_figure_by_words(&self, sentence: &str) -> bool {
        const BOTH: u8 = NUMBER | NOUN;
        let mut found = if self.nouns_unkeyed { NOUN } else { 0 };
        let by_words = crate::lexicon::any_alnum_word_at(
            sentence,
            // Shorter ASCII words are no key, and most are skipped by the scan.
            self.keys.shortest_ascii_key(),
            #[inline(always)]
            |start, end, ascii| {
                if !ascii {
                    // A word that is not ASCII may hold a noun key as a token of its own
                    // ("²people": "²" is no letter, so the tokenizer splits it off;
                    // "\u{212A}illed" with a Kelvin sign is "killed" in lower case), so it
                    // counts as one.
                    found |= NOUN | self.key(&sentence[start..end], false);
                } else if self.keys.may_hold_ascii(&sentence.as_bytes()[start..end])
                    && self.may_hold_inner(&sentence.as_bytes()[start..end])
                {
                    found |= self.key(&sentence[start..end], true);
                }
                found == BOTH
            },
        );
        // Digits are looked for only where they decide (most sentences have no noun key).
        by_words || (found == NOUN && has_ascii_digit(sentence.as_bytes()))
    }

    /// Whether the ASCII word `w` (any case) may be a key by its inner shape: most words that
    /// the keys' shapes let through are still none, told so without hashing.
    #[inline(always)]
    fn may_hold_inner(&self, w: &[u8]) -> bool {
        self.inner.holds(inner_shape(w))
    }

    /// What the word `w` (any case; `ascii`: whether it is ASCII) is a key of: [`NUMBER`],
    /// [`NOUN`], both or neither (0). Out of line: the pre-test calls it for the few words
    /// the keys' shapes let through, and inlined, its probe took registers from the word scan
    /// around it for every word.
    #[inline(never)]
    fn key(&self, w: &str, ascii: bool) -> u8 {
        self.keys.get_known(w, ascii).copied().unwrap_or(0)
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
/// vectorizes the inner fold), then the last 32 bytes (again in part).
fn has_ascii_digit(b: &[u8]) -> bool {
    fn any_digit(chunk: &[u8; 32]) -> bool {
        chunk.iter().fold(false, |any, c| any | c.is_ascii_digit())
    }
    let Some(last) = b.last_chunk::<32>() else {
        // Padded to 32 bytes with bytes that are no digits, to be tested the same way.
        let mut padded = [0u8; 32];
        padded[..b.len()].copy_from_slice(b);
        return any_digit(&padded);
    };
    b.chunks_exact(32)
        .any(|chunk| any_digit(chunk.try_into().expect("32 bytes")))
        || any_digit(last)
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
    fn inner_shapes_hold_every_key_in_any_case() {
        let mut lex = FigureLexicon::default();
        let words = ["campaign", "ten", "a", "ab", "a.m.", "twenty-five"];
        for w in words {
            lex.note_key(w, NOUN);
        }
        for w in words {
            assert!(lex.may_hold_inner(w.as_bytes()), "{w}");
            assert!(lex.may_hold_inner(w.to_ascii_uppercase().as_bytes()), "{w}");
        }
        for w in ["civilian", "tan", "b", "abc", "there", "twenty-nine"] {
            assert!(!lex.may_hold_inner(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn starts_hold_the_phrases_lengths() {
        let mut lex = FigureLexicon::default();
        lex.extend_numbers("n.tsv", "a few\t3\t7\tvague\nten\t10\t\tnumber\n")
            .unwrap();
        lex.extend_groups("g.tsv", "a b c\tother\n").unwrap();
        let a = lex.starts_of("a");
        assert_eq!(a.longest, 3);
        assert!(a.may_be("a few".len()) && a.may_be("a b c".len()));
        assert!(!a.may_be("a lot".len() + 1));
        assert_eq!((a.numbers, lex.starts_of("ten").numbers), (2, 1));
        assert_eq!(lex.starts_of("ten").longest, 1);
        assert!(!lex.starts_of("ten").may_be(3));
        assert_eq!(lex.starts_of("Ten"), Starts::default());
        assert_eq!(lex.starts_of("the"), Starts::default());
    }

    #[test]
    fn a_figure_needs_a_number_and_a_noun_key() {
        let may = |s: &str| FIGURES.may_have_figure(s);
        // A number and no measure or group word, and the other way round.
        assert!(!may("In 2014 the party won 52 seats."));
        assert!(!may("Many people were killed."));
        assert!(may("In 2014, 52 people were killed."));
        assert!(may("12 Members of the party"));
        assert!(may("three others"));
        // Keys are whole words: "deadline" holds no "dead".
        assert!(!may("The deadline is 3 May."));
        // Words end at punctuation that is not ASCII, and are looked up in any case.
        assert!(may("“12 PEOPLE”") && may("12 dead—") && may("«12 Dead»"));
        assert!(!may("€12 billion budget, “said” in 2014…"));
        // A word that is not ASCII may hide a key from the word scan.
        assert!(may("²people 3"));
        assert!(may("12 \u{212A}illed"));
        // Without measures and groups, "members" and "others" are still keys.
        let mut lex = FigureLexicon::default();
        lex.extend_numbers("n.tsv", "ten\t10\t\tnumber\n").unwrap();
        assert!(lex.may_have_figure("ten others") && !lex.may_have_figure("ten people"));
        // A phrase with no word of letters alone: no sentence is ruled out for want of a key.
        lex.extend_groups("g.tsv", "g7\tleaders\n").unwrap();
        assert!(lex.may_have_figure("ten people"));
    }

    #[test]
    fn the_pre_test_answers_as_word_look_ups() {
        // Every word looked up, in lower case, with nothing skipped.
        let naive = |lex: &FigureLexicon, s: &str| {
            let mut found = 0;
            if s.bytes().any(|b| b.is_ascii_digit()) {
                found |= NUMBER;
            }
            if lex.nouns_unkeyed {
                found |= NOUN;
            }
            for w in crate::lexicon::alnum_words(s) {
                let lower = w.to_lowercase();
                found |= lex.keys.get(&lower).copied().unwrap_or(0);
                if !w.is_ascii() {
                    found |= NOUN;
                }
            }
            found == NUMBER | NOUN
        };
        let pieces = [
            "ten",
            "Ten",
            "PEOPLE",
            "people",
            "peoples",
            "killed",
            "Couple",
            "a",
            "of",
            "me",
            "men",
            "one",
            "on",
            "12",
            "x1",
            " ",
            " ",
            ", ",
            "-",
            "’",
            "—",
            "é",
            "Ünal",
            "²",
            "\u{212A}illed",
            "ελλάδα",
            "custody",
            "few",
            "fe",
            "dozens",
            "members",
        ];
        let mut lex = FigureLexicon::builtin();
        let mut short = FigureLexicon::default();
        short
            .extend_numbers("n.tsv", "a\t1\t\tnumber\nx\t2\t\tnumber\n")
            .unwrap();
        short.extend_groups("g.tsv", "me\tother\n").unwrap();
        for s in crate::lexicon::texts_of(&pieces, 4000, 200) {
            for lex in [&lex, &short] {
                assert_eq!(lex.may_have_figure(&s), naive(lex, &s), "{s:?}");
            }
        }
        lex.nouns_unkeyed = true;
        assert!(lex.may_have_figure("3 x") && !lex.may_have_figure("x"));
    }

    /// What the words of `s` are keys of, each looked up in lower case.
    fn found_by_look_ups(lex: &FigureLexicon, s: &str) -> u8 {
        let mut found = if lex.nouns_unkeyed { NOUN } else { 0 };
        for w in crate::lexicon::alnum_words(s) {
            found |= lex.keys.get(&w.to_lowercase()).copied().unwrap_or(0);
        }
        found
    }

    #[test]
    fn head_bits_hold_in_any_case_whatever_follows() {
        let head = |w: &str| {
            let mut head = [0u8; 4];
            let n = w.len().min(4);
            head[..n].copy_from_slice(&w.as_bytes()[..n]);
            u32::from_le_bytes(head)
        };
        for w in [
            "one",
            "People",
            "x1",
            "a",
            "ab",
            "dozens",
            "demonstrators",
            "w1234567890123456",
        ] {
            let bit = head_bit(head(w), w.len());
            assert_eq!(bit, head_bit(head(&w.to_ascii_uppercase()), w.len()), "{w}");
            assert_eq!(bit, head_bit(head(&w.to_ascii_lowercase()), w.len()), "{w}");
            assert_eq!(bit, head_bit(head(&format!("{w}—x")), w.len()), "{w}");
            assert!(bit < 1 << 16);
        }
        let lex = FigureLexicon::builtin();
        for k in [
            "one",
            "twenty",
            "thousands",
            "couple",
            "people",
            "custody",
            "members",
            "part",
        ] {
            assert_eq!(lex.may_be_key(head(k), k.len()), 1, "{k}");
            assert_eq!(
                lex.may_be_key(head(&k.to_ascii_uppercase()), k.len()),
                1,
                "{k}"
            );
        }
        assert_eq!(lex.may_be_key(head("the"), 3), 0);
    }

    #[test]
    fn the_ascii_scan_finds_the_keys_of_words_at_any_offset() {
        // Words around the blocks' edges, words longer than a block, words that end the
        // sentence; then texts of pieces at random, ASCII or not.
        let lex = FigureLexicon::builtin();
        let mut short = FigureLexicon::default();
        short
            .extend_numbers("n.tsv", "a\t1\t\tnumber\nx\t2\t\tnumber\n")
            .unwrap();
        short.extend_groups("g.tsv", "me\tother\n").unwrap();
        for lex in [&lex, &short] {
            for pad in 0..140 {
                for filler in [" ", "x", "—", "a ", "1", "ab,"] {
                    for word in ["people", "ONE", "Killed", "xpeople", "peoplex", "a", "me"] {
                        for after in ["", " ", " ten", "’s"] {
                            let s = format!("{}{word}{after}", filler.repeat(pad));
                            let found = lex.found_in_ascii_runs(&s);
                            assert_eq!(found, Some(found_by_look_ups(lex, &s)), "{s:?}");
                        }
                    }
                }
            }
        }
        let pieces = [
            "ten",
            "Ten",
            "PEOPLE",
            "people",
            "killed",
            "a",
            "of",
            "me",
            "one",
            "12",
            "x1",
            " ",
            ", ",
            "-",
            "’",
            "—",
            "é",
            "²",
            "\u{212A}illed",
            "ελλάδα",
            "few",
            "members",
            "€",
            "\u{2070}",
            "\u{2071}",
            "\u{2060}",
            "«",
            "\u{a0}",
        ];
        for s in crate::lexicon::texts_of(&pieces, 3000, 300) {
            let alnum_outside_ascii = s
                .chars()
                .any(|c| !c.is_ascii() && crate::lexicon::is_alphanumeric(c));
            match lex.found_in_ascii_runs(&s) {
                Some(found) if !alnum_outside_ascii => {
                    assert_eq!(found, found_by_look_ups(&lex, &s), "{s:?}");
                }
                // Keys of both kinds found before the character (in words next to none).
                Some(found) => {
                    assert_eq!(found, NUMBER | NOUN, "{s:?}");
                    assert!(lex.may_have_figure_by_words(&s), "{s:?}");
                }
                None => assert!(alnum_outside_ascii, "{s:?}"),
            }
        }
    }

    #[test]
    fn digits_are_found_at_any_offset() {
        for len in 0..100 {
            let text = vec![b'x'; len];
            assert!(!has_ascii_digit(&text));
            for at in 0..len {
                for digit in [b'0', b'9'] {
                    let mut t = text.clone();
                    t[at] = digit;
                    assert!(has_ascii_digit(&t), "{len} {at}");
                }
                let mut t = text.clone();
                t[at] = b'/';
                t[len - 1 - at] = b':';
                assert!(!has_ascii_digit(&t));
            }
        }
    }

    #[test]
    fn builtin_figure_lexicons_parse() {
        assert_eq!(FIGURES.number("twelve").unwrap().low, 12.0);
        assert!(FIGURES.number("dozens").unwrap().vague);
        assert_eq!(FIGURES.measure("lost their lives"), Some("killed"));
        assert_eq!(FIGURES.group("demonstrators"), Some("protesters"));
        assert!(FIGURES.may_have_figure("Tens of thousands marched"));
        assert!(FIGURES.may_have_figure("Twenty-five were held; 3 freed"));
        assert!(FIGURES.may_have_figure("A FEW stayed in CUSTODY"));
        assert!(!FIGURES.may_have_figure("A FEW stayed"));
        assert!(!FIGURES.may_have_figure("Shops stayed closed on the main square."));
        assert!(!FIGURES.may_have_figure("The head of the party spoke."));
        assert!(FIGURES.may_have_figure("A couple of them were detained."));
        let mut lex = FigureLexicon::default();
        let e = lex.extend_measures("m.tsv", "died\tdead\n").unwrap_err();
        assert_eq!((e.line, e.message.contains("unknown measure")), (1, true));
        let e = lex
            .extend_numbers("n.tsv", "x\tten\t10\tnumber\n")
            .unwrap_err();
        assert!(e.message.contains("not a number"));
    }
}
