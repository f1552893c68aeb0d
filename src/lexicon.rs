//! Lexicon files (`data/*.tsv`, `data/*.txt`) -> lookup tables, parsed once; every line error
//! names its file and line. Built-in lexicons are compiled in with `include_str!`.

use crate::bytescan::ByteSet;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;
use thiserror::Error;

/// A lexicon line that does not parse.
#[derive(Debug, Error, PartialEq)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// What a cue verb does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Introduces what someone said or wrote: "said", "told", "wrote".
    Speech,
    /// Names or describes in someone's words: "called", "defined", "described".
    Naming,
    /// Introduces what someone believes, expects or finds, never a quotation: "police
    /// believe the attackers fled", "a poll shows Trump ahead". Reported speech only.
    Thought,
}

/// One form of a cue verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub lemma: String,
    pub class: CueClass,
    /// Also introduces reported speech without quote marks ("said that ...").
    pub reports: bool,
    /// Its content may be an object or an infinitive rather than a clause: a position, a
    /// demand, a promise or an accusation ("accused the mayor of lying", "vowed to stay").
    pub object: bool,
}

/// Reporting verbs by lower-case form; a multiword form is keyed with spaces ("pointed out").
#[derive(Debug, Clone, Default)]
pub struct Cues {
    forms: HashMap<String, Cue>,
    /// First words of multiword forms, so one-word look-ups stay cheap.
    multi_first: HashMap<String, Vec<String>>,
    /// The one-word forms and the first words of multiword forms, each with what starts
    /// there: one look-up a word, without lower-casing it, for [`Cues::may_attribute`] and
    /// [`Cues::starting`]. Rebuilt after each [`Cues::extend`].
    starts: WordMap<CueStart>,
    /// The finer shapes of the ASCII keys of `starts`, the test [`Cues::may_attribute`] makes
    /// of every word before looking it up.
    start_shapes: ShapeFilter<true>,
    /// The heads of the ASCII keys of `starts`, the test [`Cues::may_attribute`] makes of
    /// every word of a sentence without an alphanumeric character outside ASCII.
    start_heads: HeadFilter,
}

/// The cues that start at a word: the one-word form and the multiword forms it begins.
#[derive(Debug, Clone, Default)]
pub struct CueStart {
    /// The cue whose one-word form is this word.
    pub cue: Option<Cue>,
    /// The multiword forms starting with this word, in the order of [`Cues::multiword`]:
    /// their words (the form split on spaces) and their cue.
    pub multi: Vec<(Vec<String>, Cue)>,
}

impl Cues {
    /// The built-in cues, `data/cues.tsv`.
    pub fn builtin() -> Cues {
        Cues::parse("data/cues.tsv", include_str!("../data/cues.tsv"))
            .expect("built-in data/cues.tsv parses")
    }

    /// Parses the `cues.tsv` format: `lemma<TAB>forms<TAB>class`.
    pub fn parse(file: &str, text: &str) -> Result<Cues, LexiconError> {
        let mut cues = Cues::default();
        cues.extend(file, text)?;
        Ok(cues)
    }

    /// Adds (or overrides) the entries of another file in the same format.
    pub fn extend(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (n, line) in data_lines(text) {
            let err = |message: String| LexiconError {
                file: file.to_string(),
                line: n,
                message,
            };
            let cols = columns(file, n, line, &["lemma", "forms", "class"], 3)?;
            let (class, reports, object) = match cols[2] {
                "speech" => (CueClass::Speech, false, false),
                "report" => (CueClass::Speech, true, false),
                "stance" => (CueClass::Speech, true, true),
                "naming" => (CueClass::Naming, false, false),
                "thought" => (CueClass::Thought, true, false),
                other => {
                    return Err(err(format!(
                    "unknown class {other:?} (expected speech, report, stance, naming or thought)"
                )))
                }
            };
            let lemma = cols[0].replace('_', " ");
            if lemma.is_empty() || cols[1].is_empty() {
                return Err(err("empty lemma or forms".into()));
            }
            for form in cols[1].split_whitespace() {
                let form = form.to_lowercase().replace('_', " ");
                if let Some((first, _)) = form.split_once(' ') {
                    let list = self.multi_first.entry(first.to_string()).or_default();
                    if !list.contains(&form) {
                        list.push(form.clone());
                    }
                }
                self.forms.insert(
                    form,
                    Cue {
                        lemma: lemma.clone(),
                        class,
                        reports,
                        object,
                    },
                );
            }
        }
        self.index_starts();
        Ok(())
    }

    fn index_starts(&mut self) {
        let mut firsts: Vec<&str> = self
            .forms
            .keys()
            .map(|form| {
                form.split_once(' ')
                    .map_or(form.as_str(), |(first, _)| first)
            })
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let starts = firsts.into_iter().map(|first| {
            let multi = self
                .multiword(first)
                .iter()
                .map(|form| {
                    let words = form.split(' ').map(str::to_string).collect();
                    // Every multiword form is also a key of `forms`.
                    (words, self.forms[form].clone())
                })
                .collect();
            let cue = self.forms.get(first).cloned();
            (first.to_string(), CueStart { cue, multi })
        });
        self.starts = WordMap::new(starts);
        self.start_shapes = self.starts.fine_shapes();
        self.start_heads = self.starts.heads();
    }

    /// What starts at the word `w`, in any case: the cues of its lower case as
    /// [`Cues::get`] and [`Cues::multiword`] give them. `None` when no cue form starts with it.
    #[inline]
    pub fn starting(&self, w: &str) -> Option<&CueStart> {
        self.starts.get(w)
    }

    /// [`Cues::starting`] of a word known to be ASCII or not (`ascii` must be `w.is_ascii()`),
    /// for a caller that knows it without testing the bytes again.
    #[inline]
    pub(crate) fn starting_known(&self, w: &str, ascii: bool) -> Option<&CueStart> {
        debug_assert_eq!(ascii, w.is_ascii());
        self.starts.get_known(w, ascii)
    }

    /// Whether the ASCII word `w` may start a cue form: false when [`Cues::starting`] finds
    /// nothing for it, told by its head ([`head_bit`]) among the heads of the forms' first
    /// words without hashing it. (A word that [`Cues::starting`] finds is one of those
    /// words in another ASCII case, and a byte and its ASCII lower case have the same head.)
    /// Few words pass (about 3%), so a caller that looks up every word of a sentence tests
    /// this first, as a branch that is almost never taken.
    #[inline(always)]
    pub(crate) fn may_start_ascii(&self, w: &[u8]) -> bool {
        // (A shorter word is told by its length: no built-in form starts with one.)
        let &[b0, b1, b2, ..] = w else {
            return w.len() >= self.starts.shortest_ascii_key();
        };
        let b3 = w[3.min(w.len() - 1)];
        (self.start_heads.0).holds(head_bit(u32::from_le_bytes([b0, b1, b2, b3]), w.len()))
    }

    /// The cue of a one-word lower-case form.
    pub fn get(&self, form: &str) -> Option<&Cue> {
        self.forms.get(form)
    }

    /// Whether `sentence` has a word that starts a cue form or is one of `extra`: a fast test,
    /// so sentences without any are never tokenized for reported speech.
    pub fn may_attribute(&self, sentence: &str, extra: &ExtraWords) -> bool {
        self.found_in_ascii_runs(sentence, extra)
            .unwrap_or_else(|| self.may_attribute_by_words(sentence, extra))
    }

    /// [`Cues::may_attribute`] of the piece `piece` of `text`, read from `words` (the words
    /// of `text` kept for the pre-tests, with `self`'s and `extra`'s among them:
    /// [`WordHeads::of`]) where they tell, else by a scan of the piece.
    pub(crate) fn may_attribute_in(
        &self,
        text: &str,
        piece: crate::span::Span,
        extra: &ExtraWords,
        words: &TextWords,
    ) -> bool {
        let (starts_heads, extras) = (&self.start_heads.0, &extra.heads.0);
        let min_len = (self.starts.shortest_ascii_key()).min(extra.words.shortest_ascii_key());
        words
            .any_in(
                text,
                piece,
                min_len,
                |bit| Bits::either(starts_heads, extras, bit),
                |start, end| self.starts_or_is(&text[start..end], true, extra),
            )
            .unwrap_or_else(|| self.may_attribute(&text[piece], extra))
    }

    /// The heads of the ASCII words [`Cues::may_attribute`] looks up besides `extra`'s, and
    /// the length of the shortest, for [`WordHeads::of`].
    pub(crate) fn pre_test_heads(&self) -> (&Bits<1024>, usize) {
        (&self.start_heads.0, self.starts.shortest_ascii_key())
    }

    /// [`Cues::may_attribute`] read by a scan of `sentence`'s runs of ASCII letters and
    /// digits alone; none when it has an alphanumeric character that is not ASCII and no
    /// word before it is found (its words are not those runs). (Each block is read for such
    /// characters before its words are looked up, and a word next to one ends or starts in
    /// its block: the words looked up before are words of the sentence.)
    ///
    /// Each word is told by its head ([`head_bit`]) without a branch: the words that
    /// may be one are marked in a mask and looked up after their block, as the figures'
    /// pre-test does. (On the shared word scan, [`any_alnum_word_at`], with the keys' fine
    /// shapes, this pre-test took 16.8 M instructions and 130,000 mispredicted branches on
    /// `dev1.jsonl`, with 18,329 look-ups; this scan, 13.2 M and 124,000, with 9,390. The same
    /// scan with the fine shapes instead of the heads: 16.2 M and 146,000, 18,173 look-ups.)
    #[inline(always)]
    fn found_in_ascii_runs(&self, sentence: &str, extra: &ExtraWords) -> Option<bool> {
        let (starts_heads, extras) = (&self.start_heads, &extra.heads);
        // Shorter ASCII words are neither.
        let min_len = (self.starts.shortest_ascii_key()).min(extra.words.shortest_ascii_key());
        ascii_runs_by_heads(
            sentence,
            min_len,
            |head, len| HeadFilter::either_holds(starts_heads, extras, head, len),
            |_, _| true,
            |base, words, hits, first| self.any_ending(sentence, base, words, hits, first, extra),
        )
    }

    /// Whether one of the ASCII words of `sentence` that end in its 64-byte block at `base`
    /// at the bytes `hits` (bit `k`: a word ends before byte `base + k`) starts a cue form or
    /// is one of `extra`: `words` has the block's bytes in words, and `first` is the start of
    /// the word at the block's start (the block's, or before it).
    #[inline(never)]
    fn any_ending(
        &self,
        sentence: &str,
        base: usize,
        words: u64,
        hits: u64,
        first: usize,
        extra: &ExtraWords,
    ) -> bool {
        words_ending(base, words, hits, first)
            .any(|(start, end)| self.starts_or_is(&sentence[start..end], true, extra))
    }

    /// [`Cues::may_attribute`] by the shared word scan, for a sentence with an alphanumeric
    /// character that is not ASCII.
    #[inline(never)]
    fn may_attribute_by_words(&self, sentence: &str, extra: &ExtraWords) -> bool {
        let b = sentence.as_bytes();
        // Shorter ASCII words are neither, and most are skipped by the scan.
        let min_len = (self.starts.shortest_ascii_key()).min(extra.words.shortest_ascii_key());
        let (starts, extras) = (&self.start_shapes, &extra.shapes);
        any_alnum_word_at(
            sentence,
            min_len,
            #[inline(always)]
            |start, end, ascii| {
                // Most words are told to be neither by the keys' shapes (with their second
                // byte), on their bytes: one bit of the two sets, the word's shape computed once.
                (!ascii || ShapeFilter::either_holds(starts, extras, &b[start..end]))
                    && self.starts_or_is(&sentence[start..end], ascii, extra)
            },
        )
    }

    /// Whether the word `w` (`ascii`: whether it is ASCII) starts a cue form or is one of
    /// `extra`. Out of line: [`Cues::may_attribute`] calls it for the few words the shapes
    /// let through, and inlined, its probes took registers from the word scan around it.
    #[inline(never)]
    fn starts_or_is(&self, w: &str, ascii: bool, extra: &ExtraWords) -> bool {
        self.starts.get_known(w, ascii).is_some() || extra.words.get_known(w, ascii).is_some()
    }

    /// Multiword forms starting with this lower-case word.
    pub fn multiword(&self, first: &str) -> &[String] {
        self.multi_first.get(first).map_or(&[], Vec::as_slice)
    }
}

/// Words that [`Cues::may_attribute`] looks for besides cue forms (lower case), made once
/// for all the sentences they are looked for in.
#[derive(Debug, Clone)]
pub struct ExtraWords {
    words: WordMap<()>,
    /// The finer shapes of the ASCII words of `words`.
    shapes: ShapeFilter<true>,
    /// The heads of the ASCII words of `words`.
    heads: HeadFilter,
}

impl ExtraWords {
    /// The set of `words` (lower case).
    pub fn new(words: &[&str]) -> ExtraWords {
        let words = WordMap::new(words.iter().map(|w| (w.to_string(), ())));
        ExtraWords {
            shapes: words.fine_shapes(),
            heads: words.heads(),
            words,
        }
    }

    /// The heads of these words that are ASCII, and the length of the shortest, for
    /// [`WordHeads::of`].
    pub(crate) fn pre_test_heads(&self) -> (&Bits<1024>, usize) {
        (&self.heads.0, self.words.shortest_ascii_key())
    }
}

/// The tab-separated columns of line `n` of `file`, trimmed: `names` are the columns, of which
/// the first `required` must be present and non-empty; any other count is an error that names
/// the columns.
pub fn columns<'a>(
    file: &str,
    n: usize,
    line: &'a str,
    names: &[&str],
    required: usize,
) -> Result<Vec<&'a str>, LexiconError> {
    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
    let count_ok = (required..=names.len()).contains(&cols.len());
    if !count_ok
        || cols[..required.min(cols.len())]
            .iter()
            .any(|c| c.is_empty())
    {
        let count = if required == names.len() {
            format!("{required}")
        } else {
            format!("{required} or {}", names.len())
        };
        return Err(LexiconError {
            file: file.to_string(),
            line: n,
            message: format!(
                "expected {count} tab-separated columns ({}), found {}",
                names.join(", "),
                cols.len()
            ),
        });
    }
    Ok(cols)
}

/// The non-blank, non-comment lines of a data file with their 1-based numbers.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// A list of lower-case words, one a line (`data/work_nouns.txt`, `colon_labels.txt`,
/// `evidence_nouns.txt`), looked up in any case without lower-casing: a [`WordMap`] without
/// values.
#[derive(Debug, Clone, Default)]
pub struct WordSet(WordMap<()>);

impl WordSet {
    /// The words of a data file's non-blank, non-comment lines.
    pub fn from_data(text: &'static str) -> Self {
        WordSet(WordMap::new(
            data_lines(text).map(|(_, l)| (l.trim().to_string(), ())),
        ))
    }

    /// Whether `w`, lower-cased, is in the set.
    pub fn contains(&self, w: &str) -> bool {
        self.0.get(w).is_some()
    }
}

/// Weekday names, lower case, Monday first.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Month names, lower case, January first.
pub const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The built-in cue lexicon, `data/cues.tsv`.
pub static CUES: LazyLock<Cues> = LazyLock::new(Cues::builtin);

/// A table from lower-case words to values, looked up by a word in any case without
/// lower-casing it: `map.get(w)` is the value of `w.to_lowercase()`. ASCII keys sit in an open
/// addressing table hashed on the length and three bytes with ASCII case folded, compared
/// in ASCII case eight bytes at a time (`is_folded`), behind a bit set of their shapes (most
/// words looked up are no key, and are told so without hashing); other keys (and a non-ASCII
/// word's lower case) go through a hash map.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    /// Indexes into `entries` (`u32::MAX`: empty); a power of two long.
    slots: Vec<u32>,
    entries: Vec<(String, V)>,
    /// Keys that are not ASCII without capitals, by key.
    other: HashMap<String, u32>,
    /// The shapes of the keys in `slots`: most words are told to be none of them by one bit,
    /// without hashing them.
    shapes: ShapeFilter,
    /// The length in bytes of the shortest ASCII key (`usize::MAX`: none).
    shortest_ascii: usize,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap::new(std::iter::empty())
    }
}

impl<V> WordMap<V> {
    /// The map of `pairs` (lower-case keys; a later duplicate key replaces an earlier one).
    pub fn new(pairs: impl IntoIterator<Item = (String, V)>) -> WordMap<V> {
        let mut map = WordMap {
            slots: vec![u32::MAX; 16],
            entries: Vec::new(),
            other: HashMap::default(),
            shapes: ShapeFilter::default(),
            shortest_ascii: usize::MAX,
        };
        map.extend(pairs);
        map
    }

    /// Adds `pairs` (lower-case keys), each replacing the value of an equal key.
    pub fn extend(&mut self, pairs: impl IntoIterator<Item = (String, V)>) {
        for (k, v) in pairs {
            self.insert(k, v);
        }
    }

    /// Sets the value of the lower-case key `k`, replacing the value of an equal key.
    pub fn insert(&mut self, k: String, v: V) {
        let table = is_table_key(&k);
        let found = if table {
            // A key without capitals is found only by itself.
            self.ascii_index(&k)
        } else {
            self.other.get(&k).copied()
        };
        if let Some(i) = found {
            self.entries[i as usize].1 = v;
            return;
        }
        let i = u32::try_from(self.entries.len()).expect("fewer than 2^32 words");
        if !table {
            self.other.insert(k.clone(), i);
        }
        if k.is_ascii() {
            self.shortest_ascii = self.shortest_ascii.min(k.len());
        }
        self.entries.push((k, v));
        // At most a quarter full: probes stay short. The slots are the same whichever way the
        // keys came in: a growth places them again in order.
        let size = (self.entries.len() * 4).next_power_of_two().max(16);
        if size > self.slots.len() {
            self.slots = vec![u32::MAX; size];
            for i in 0..self.entries.len() {
                if is_table_key(&self.entries[i].0) {
                    self.place(i as u32);
                }
            }
        } else if table {
            self.place(i);
        }
    }

    /// Puts entry `i` (an ASCII key without capitals) in the first free slot of its probe.
    fn place(&mut self, i: u32) {
        self.shapes.insert(self.entries[i as usize].0.as_bytes());
        let mask = self.slots.len() - 1;
        let mut s = fold_hash(self.entries[i as usize].0.as_bytes()) & mask;
        while self.slots[s] != u32::MAX {
            s = (s + 1) & mask;
        }
        self.slots[s] = i;
    }

    /// The value of `w`'s lower case.
    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        self.get_known(w, w.is_ascii())
    }

    /// [`WordMap::get`] of a word known to be ASCII or not.
    #[inline]
    pub(crate) fn get_known(&self, w: &str, ascii: bool) -> Option<&V> {
        if ascii {
            // An ASCII word's lower case is ASCII: the table has every such key.
            return self.get_ascii(w);
        }
        self.get_other(w)
    }

    /// The length in bytes of the shortest ASCII key (`usize::MAX` when there is none): an
    /// ASCII word shorter than that is no key, for a word scan to skip
    /// ([`any_alnum_word_at`]'s `min_len`).
    #[inline]
    pub fn shortest_ascii_key(&self) -> usize {
        self.shortest_ascii
    }

    /// Whether the ASCII word `w` (any case) may be a key: false when it is none, told by the
    /// shapes of the keys without hashing (a test [`WordMap::get`] makes first), for a caller
    /// that holds most words as bytes.
    #[inline(always)]
    pub fn may_hold_ascii(&self, w: &[u8]) -> bool {
        self.shapes.may_hold(w)
    }

    /// The shapes of the keys an ASCII word may be (those of the table), with their second
    /// byte: a finer filter than the map's own, for a caller that tests every word of a text.
    fn fine_shapes(&self) -> ShapeFilter<true> {
        let mut shapes = ShapeFilter::default();
        for (k, _) in &self.entries {
            if is_table_key(k) {
                shapes.insert(k.as_bytes());
            }
        }
        shapes
    }

    /// The heads of the keys an ASCII word may be (those of the table).
    fn heads(&self) -> HeadFilter {
        let mut heads = HeadFilter::default();
        for (k, _) in &self.entries {
            if is_table_key(k) {
                heads.insert(k.as_bytes());
            }
        }
        heads
    }

    /// [`WordMap::get`] of a word that is not ASCII.
    #[cold]
    fn get_other(&self, w: &str) -> Option<&V> {
        // With every key in the table, only a word whose lower case is ASCII may be one, and
        // the Kelvin sign is the only character outside ASCII whose lower case is ASCII: most
        // such words are told to be no key without lower-casing them.
        if self.other.is_empty() && w.chars().any(|c| !c.is_ascii() && c != KELVIN_SIGN) {
            return None;
        }
        let lower = w.to_lowercase();
        if lower.is_ascii() {
            // "K" (the Kelvin sign) -> "k".
            return self.get_ascii(&lower);
        }
        let &i = self.other.get(&lower)?;
        Some(&self.entries[i as usize].1)
    }

    /// The value of `w`'s lower case among the ASCII keys; a hit is always an ASCII `w`.
    #[inline(always)]
    fn get_ascii(&self, w: &str) -> Option<&V> {
        let i = self.ascii_index(w)?;
        Some(&self.entries[i as usize].1)
    }

    /// The entry of `w`'s lower case among the ASCII keys.
    #[inline(always)]
    fn ascii_index(&self, w: &str) -> Option<u32> {
        if !self.shapes.may_hold(w.as_bytes()) {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut s = fold_hash(w.as_bytes()) & mask;
        loop {
            let i = self.slots[s];
            if i == u32::MAX {
                return None;
            }
            let k = &self.entries[i as usize].0;
            if is_folded(k.as_bytes(), w.as_bytes()) {
                return Some(i);
            }
            s = (s + 1) & mask;
        }
    }
}

/// The Kelvin sign, "K": the one character outside ASCII whose lower case is ASCII ("k").
const KELVIN_SIGN: char = '\u{212A}';

/// Whether a [`WordMap`] key sits in its open addressing table: ASCII without capitals.
fn is_table_key(k: &str) -> bool {
    k.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// `key.eq_ignore_ascii_case(w)` for a `key` without ASCII capitals (a key of a [`WordMap`]'s
/// table): `w` with its ASCII capitals in lower case is `key`. Eight bytes at a time (the
/// last eight overlapping the ones before; four and four, or the first, middle and last
/// bytes, for shorter words) instead of a loop a byte.
#[inline(always)]
fn is_folded(key: &[u8], w: &[u8]) -> bool {
    let n = w.len();
    if key.len() != n {
        return false;
    }
    let eight = |b: &[u8], i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
    let four = |b: &[u8], i: usize| {
        u64::from(u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes")))
    };
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if eight(key, i) != lower_ascii_8(eight(w, i)) {
                return false;
            }
            i += 8;
        }
        eight(key, n - 8) == lower_ascii_8(eight(w, n - 8))
    } else if n >= 4 {
        let both = |b: &[u8]| four(b, 0) | four(b, n - 4) << 32;
        both(key) == lower_ascii_8(both(w))
    } else {
        let three = |b: &[u8]| {
            b.first().map_or(0, |&first| {
                u64::from(first) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16
            })
        };
        three(key) == lower_ascii_8(three(w))
    }
}

/// The eight bytes of `x` with the ASCII capitals in lower case, other bytes as they are: a
/// capital's top bit ([`crate::bytescan::ascii_capitals`]) moved to bit 5.
#[inline(always)]
fn lower_ascii_8(x: u64) -> u64 {
    x | crate::bytescan::ascii_capitals(x) >> 2
}

/// A set of bits `0..64 * W`: the storage of the one-hash word filters (here, in
/// `figure::lexicon` and in `source::lexicon`), each with its own bit function of a word. A word
/// whose bit is clear is none of the words put in; one whose bit is set may be one, and the
/// look-up tells. Boxed (`W` is 1,024 at most: 8 KiB).
#[derive(Debug, Clone)]
pub(crate) struct Bits<const W: usize>(Box<[u64; W]>);

impl<const W: usize> Default for Bits<W> {
    fn default() -> Self {
        Bits(Box::new([0; W]))
    }
}

impl<const W: usize> Bits<W> {
    /// Sets `bit` (below `64 * W`).
    #[inline(always)]
    pub(crate) fn insert(&mut self, bit: usize) {
        self.0[bit >> 6] |= 1 << (bit & 63);
    }

    /// 1 if `bit` is set, else 0: a number, for the scans that mark words without a branch.
    #[inline(always)]
    pub(crate) fn get(&self, bit: usize) -> u64 {
        self.0[bit >> 6] >> (bit & 63) & 1
    }

    /// Whether `bit` is set.
    #[inline(always)]
    pub(crate) fn holds(&self, bit: usize) -> bool {
        self.get(bit) != 0
    }

    /// 1 if `bit` is set in `a` or in `b`, else 0, with one test of the two sets' words.
    #[inline(always)]
    pub(crate) fn either(a: &Self, b: &Self, bit: usize) -> u64 {
        (a.0[bit >> 6] | b.0[bit >> 6]) >> (bit & 63) & 1
    }
}

/// A set of shapes of ASCII words (length, first and last bytes, ASCII case folded; with
/// `SECOND`, the second byte too), as bits: a word whose shape is not in the set is none of
/// the words put in, whatever its case.
/// (512 words hold the bits of the shapes with `SECOND`; without it only the first 256 are
/// used: stable Rust cannot make an array's length depend on `SECOND`, and a boxed slice of
/// either length would add a bounds check to every look-up.)
#[derive(Debug, Clone, Default)]
struct ShapeFilter<const SECOND: bool = false>(Bits<512>);

impl<const SECOND: bool> ShapeFilter<SECOND> {
    /// The bit of a word: its length modulo 16 (one instruction less than capping it: the
    /// rare words of 16 bytes or more share the bits of shorter ones), its first and last
    /// bytes' low five bits (the same for a byte and its ASCII lower case). With `SECOND`,
    /// the second byte's (the first's again in a word of one byte) mixed in: common words
    /// that share the rest of their shape with a key ("and", "add") mostly differ there.
    #[inline(always)]
    fn bit(w: &[u8]) -> usize {
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
            return 0;
        };
        let shape = (w.len() & 15) << 10 | usize::from(first & 31) << 5 | usize::from(last & 31);
        if SECOND {
            (shape << 1) ^ usize::from(w[usize::from(w.len() > 1)] & 31)
        } else {
            shape
        }
    }

    fn insert(&mut self, w: &[u8]) {
        self.0.insert(Self::bit(w));
    }

    /// Whether `w` may be a word put in: false when it is none of them.
    #[inline(always)]
    fn may_hold(&self, w: &[u8]) -> bool {
        self.0.holds(Self::bit(w))
    }

    /// Whether `w` may be a word put in `a` or in `b`: `a.may_hold(w) || b.may_hold(w)`, with
    /// the word's bit computed once and one test of the two sets' words.
    #[inline(always)]
    fn either_holds(a: &Self, b: &Self, w: &[u8]) -> bool {
        Bits::either(&a.0, &b.0, Self::bit(w)) != 0
    }
}

/// The bit of an ASCII word of letters and digits, `len` bytes long, in a set of 65,536: a hash
/// of its length and its first four bytes (`head`, little-endian, with what follows a shorter
/// word), in lower case; one load a word. Used by both sentence pre-tests ([`HeadFilter`] for
/// the cues, and the figures'). Few words have the length and first four letters of a figure
/// key (3.0% of the words of 3 bytes or more of `dev1.jsonl`, the keys themselves 2.3%; the
/// first three letters: 4.9%; the keys' shapes, length and first and last letters: 10.6%).
#[inline(always)]
pub(crate) fn head_bit(head: u32, len: usize) -> usize {
    // The bytes of the word among the four, by its length modulo 16 (a word of 16 bytes or
    // more is taken for a shorter one: the bit may be a key's, the look-up tells).
    const KEEP: [u32; 16] = {
        let mut keep = [u32::MAX; 16];
        keep[0] = 0;
        keep[1] = 0xFF;
        keep[2] = 0xFFFF;
        keep[3] = 0xFF_FFFF;
        keep
    };
    // `| 0x20` puts an ASCII letter in lower case and leaves a digit as it is.
    let folded = (head | 0x2020_2020) & KEEP[len & 15];
    let x = u64::from(folded) | (len as u64) << 32;
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

/// [`head_bit`] of a whole ASCII word `w` of letters and digits (not empty): its first four
/// bytes read as the head, and its length.
pub(crate) fn head_bit_of(w: &[u8]) -> usize {
    let mut head = [0u8; 4];
    let n = w.len().min(4);
    head[..n].copy_from_slice(&w[..n]);
    head_bit(u32::from_le_bytes(head), w.len())
}

/// A set of heads of ASCII words of letters and digits, as bits: a word whose bit
/// ([`head_bit`]) is not in the set is none of the words put in, whatever its case.
#[derive(Debug, Clone, Default)]
struct HeadFilter(Bits<1024>);

impl HeadFilter {
    fn insert(&mut self, w: &[u8]) {
        self.0.insert(head_bit_of(w));
    }

    /// 1 if a word with this `head` and `len` ([`head_bit`]) may be put in `a` or in `b`,
    /// else 0.
    #[inline(always)]
    fn either_holds(a: &Self, b: &Self, head: u32, len: usize) -> u64 {
        Bits::either(&a.0, &b.0, head_bit(head, len))
    }
}

/// A hash of a word's length and its first, second and last bytes, with ASCII case folded
/// (`| 0x20`: the same for a byte and its ASCII lower case).
#[inline(always)]
fn fold_hash(b: &[u8]) -> usize {
    let Some(&last) = b.last() else {
        return 0;
    };
    let h = b.len() as u64
        | u64::from(b[0] | 0x20) << 8
        | u64::from(b[1.min(b.len() - 1)] | 0x20) << 16
        | u64::from(last | 0x20) << 24;
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

/// The words of `s`: its runs of alphanumeric characters, as
/// `s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())` gives them, but reading
/// ASCII bytes without decoding them.
pub fn alnum_words(s: &str) -> impl Iterator<Item = &str> {
    let mut i = 0;
    std::iter::from_fn(move || next_alnum_word(s, &mut i).map(|(w, _)| w))
}

/// Whether `f` holds for some word of `s` ([`alnum_words`]), given each word and whether it
/// is ASCII, in text order. The scan is inlined into each caller (the sentence pre-tests, run
/// on every sentence of every document): see [`any_alnum_word_at`].
#[inline(always)]
pub fn any_alnum_word(s: &str, mut f: impl FnMut(&str, bool) -> bool) -> bool {
    any_alnum_word_at(
        s,
        1,
        #[inline(always)]
        |start, end, ascii| f(&s[start..end], ascii),
    )
}

/// [`any_alnum_word`] with each word given as its start and end in `s` (byte offsets, end
/// exclusive), for a caller that reads most words' bytes without slicing the `str`; ASCII
/// words shorter than `min_len` bytes may be left out (most are), for a caller to whom they
/// are nothing.
///
/// The scan reads 64 bytes at a time: a mask of the bytes in words (ASCII letters and digits
/// told sixteen bytes at a time, [`crate::bytescan::ByteSet::mask64`]; other characters
/// decoded only in a block that has some), whose changes from 0 to 1 and back are the words'
/// starts and ends, so the loop runs once a word, not once a byte.
#[inline(always)]
pub fn any_alnum_word_at(
    s: &str,
    min_len: usize,
    mut f: impl FnMut(usize, usize, bool) -> bool,
) -> bool {
    let b = s.as_bytes();
    let mut tail = [0u8; 64];
    let mut base = 0;
    // Bit 0: the last byte of the block before is in a word.
    let mut carry = 0u64;
    // The bytes at this block's start that end an alphanumeric character begun before it.
    let mut spill = 0u64;
    // Where the word in progress starts, and whether it may have a byte that is not ASCII.
    let mut start = 0;
    let mut dirty = false;
    // A word that runs to the end of `s` ends in a block past it (all padding), so that `f` is
    // called from one place, where the compiler inlines it.
    while base < b.len() || carry != 0 {
        let block = crate::bytescan::block64(b, base, &mut tail);
        let (mut words, high) = word_mask(block);
        let mut non_ascii = 0;
        if high != 0 {
            (non_ascii, spill) = non_ascii_alnum(s, base, high, spill);
            words |= non_ascii;
            dirty |= non_ascii != 0 && carry != 0;
        } else if min_len > 1 {
            words = long_runs(words, carry, min_len);
        }
        let changes = words ^ (words << 1 | carry);
        let mut starts = changes & words;
        let mut ends = changes & !words;
        if carry == 0 && starts != 0 {
            start = base + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            dirty = non_ascii != 0;
        }
        carry = words >> 63;
        // Each end closes the word in progress, and the next start opens the next one.
        while ends != 0 {
            let end = base + ends.trailing_zeros() as usize;
            let word = &b[start..end];
            if f(start, end, !dirty || word.is_ascii()) {
                return true;
            }
            ends &= ends - 1;
            if starts != 0 {
                start = base + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                dirty = non_ascii != 0;
            }
        }
        base += 64;
    }
    false
}

/// The scan of both sentence pre-tests ([`Cues::may_attribute`] and the figures'): the runs
/// of ASCII letters and digits of `sentence` at least `min_len` bytes long (counted up to 3),
/// 64 bytes at a time. Each word is told by its head ([`head_bit`]) without a branch:
/// `may_be(head, len)` is 1 if a word of `len` bytes whose first four bytes are `head` (with
/// what follows a shorter one) may be looked for, else 0; the words that may be are marked
/// in their block's mask, and `ending(base, words, hits, first)` is called after the block
/// with them ([`words_ending`]); it returns whether the scan is done. `Some(true)` when it
/// is; none when the sentence has an alphanumeric character that is not ASCII (its words
/// are not these runs) before then and `foreign(base, alnum)` (given the block's bytes of
/// such characters, [`non_ascii_alnum`]) says to stop (the pre-tests; the scan of a
/// document's words, [`TextWords`], goes on); else `Some(false)`. (Each block is read for
/// such characters before its words are looked up, and a word next to one ends or starts in
/// its block: the words looked up before are words of the sentence.)
#[inline(always)]
pub(crate) fn ascii_runs_by_heads(
    sentence: &str,
    min_len: usize,
    may_be: impl Fn(u32, usize) -> u64,
    mut foreign: impl FnMut(usize, u64) -> bool,
    mut ending: impl FnMut(usize, u64, u64, usize) -> bool,
) -> Option<bool> {
    const ALNUM: ByteSet<0> = ByteSet::of([]).and_ascii_alphanumeric();
    const NON_ASCII: ByteSet<0> = ByteSet::of([]).and_non_ascii();
    let b = sentence.as_bytes();
    let mut tail;
    let mut base = 0;
    // Bit 0: the last byte of the block before is in a word.
    let mut carry = 0u64;
    // The start and head of the word in progress at the end of the block before.
    let mut open = 0;
    let mut open_head = 0;
    // A word that runs to the end of the sentence ends in a block past it (all padding).
    while base < b.len() || carry != 0 {
        // The block and the four bytes after it, for the heads of words that start in it.
        let ext: &[u8; 68] = match b.get(base..base + 68) {
            Some(ext) => ext.try_into().expect("68 bytes"),
            None => {
                let rest = &b[base..];
                tail = [0u8; 68];
                tail[..rest.len()].copy_from_slice(rest);
                &tail
            }
        };
        let block: &[u8; 64] = ext[..64].try_into().expect("64 bytes");
        let high = NON_ASCII.mask64(block);
        // Continuation bytes at the block's start are of a character tested before.
        if high != 0 {
            let alnum = non_ascii_alnum(sentence, base, high, 0).0;
            if alnum != 0 && foreign(base, alnum) {
                return None;
            }
        }
        let words = long_runs(ALNUM.mask64(block), carry, min_len);
        let changes = words ^ (words << 1 | carry);
        let mut starts = changes & words;
        let mut ends = changes & !words;
        // First the end of the word in progress, if the block has it (without a branch: most
        // blocks begin inside a word, some not).
        let closes = carry & u64::from(ends != 0);
        let end = ends.trailing_zeros() as usize & 63;
        let mut hits = (may_be(open_head, (base + end).wrapping_sub(open)) & closes) << end;
        ends &= ends.wrapping_sub(closes);
        // Then each end closes the word begun at the next start.
        while ends != 0 {
            let start = starts.trailing_zeros() as usize;
            let end = ends.trailing_zeros() as usize;
            let head = u32::from_le_bytes(ext[start..start + 4].try_into().expect("4 bytes"));
            hits |= may_be(head, end - start) << end;
            starts &= starts - 1;
            ends &= ends - 1;
        }
        if hits != 0 {
            // A word at the block's start began before it if the block before ended in one.
            let first = if carry != 0 { open } else { base };
            if ending(base, words, hits, first) {
                return Some(true);
            }
        }
        // A start left begins a word that goes on into the next block.
        let start = starts.trailing_zeros() as usize & 63;
        let head = u32::from_le_bytes(ext[start..start + 4].try_into().expect("4 bytes"));
        let goes_on = starts != 0;
        open = if goes_on { base + start } else { open };
        open_head = if goes_on { head } else { open_head };
        carry = words >> 63;
        base += 64;
    }
    Some(false)
}

/// Which words the scan of a document's words ([`TextWords::scan`]) keeps: the runs of ASCII
/// letters and digits at least `min_len` bytes long (counted up to 3) whose head's bit
/// ([`head_bit`]) is in `bits`, the words the sentence pre-tests look up (the cue forms'
/// first words, reported speech's trigger words and the figure keys). Made once for a run.
#[derive(Debug, Clone)]
pub(crate) struct WordHeads {
    bits: Bits<1024>,
    min_len: usize,
}

impl WordHeads {
    /// The words of any of `sets` (heads and shortest length: `pre_test_heads` of the cues,
    /// an [`ExtraWords`], the figure lexicon).
    pub(crate) fn of(sets: &[(&Bits<1024>, usize)]) -> WordHeads {
        let mut bits = Bits::<1024>::default();
        for (set, _) in sets {
            for (all, these) in bits.0.iter_mut().zip(set.0.iter()) {
                *all |= these;
            }
        }
        let min_len = sets.iter().map(|&(_, len)| len).min().unwrap_or(usize::MAX);
        WordHeads { bits, min_len }
    }
}

/// The words of a document that the sentence pre-tests ([`Cues::may_attribute_in`],
/// [`crate::figure::FigureLexicon::may_have_figure_in`]) may look up, found by one scan of
/// its sentences' text ([`ascii_runs_by_heads`]) for all of them, each with its head's bit:
/// a pre-test reads a sentence's words from here, tests their bits in its own set and looks
/// up those that pass. (Each pre-test scanned every sentence itself: 20.3 M and 13.3 M
/// instructions on `dev1.jsonl`, 180,000 and 102,000 mispredicted branches; the same bytes
/// read twice, in blocks of 64 bytes for sentences of about 130, each's last block padded.
/// Keeping every word of the text with its bit instead, for the pre-tests to test, took as
/// much as the two scans: about 30 instructions a word. This scan took 18.3 M and 107,000,
/// the pre-tests' reads of it and look-ups about 6 M: 9.0 M and 83,000 fewer in all.)
///
/// A piece of the text is told by its byte span. One whose words may not be these (the
/// piece outside the part scanned, a word cut at its start or end, an alphanumeric
/// character outside ASCII in it, shorter words looked for) is not told: the pre-test
/// scans it as before.
#[derive(Debug, Default)]
pub(crate) struct TextWords {
    /// The length of the text scanned: a piece of a text of another length is not told.
    text_len: usize,
    /// The part of the text scanned (empty: none).
    from: usize,
    to: usize,
    /// The shortest words kept, in bytes (counted up to 3).
    min_len: usize,
    /// The words kept, in text order: start, end, head bit.
    words: Vec<(u32, u32, u16)>,
    /// For each 64-byte block scanned with alphanumeric characters outside ASCII (rare), the
    /// bytes from the first one's start to the last one's end, in text order.
    foreign: Vec<(u32, u32)>,
    /// Where the last piece's words ended: pieces mostly come in text order, so that the
    /// next piece's words start there or a little after (else they are searched for).
    cursor: std::cell::Cell<usize>,
}

impl TextWords {
    /// Keeps the words of `text` that `heads` tells from the first of `sentences` (spans
    /// of `text`, in order) to the end of the last, replacing those kept before.
    pub(crate) fn scan(&mut self, text: &str, sentences: &[crate::span::Span], heads: &WordHeads) {
        self.words.clear();
        self.foreign.clear();
        self.cursor.set(0);
        (self.from, self.to, self.min_len) = (0, 0, heads.min_len.min(3));
        self.text_len = text.len();
        let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else {
            return;
        };
        let (from, to) = (first.start, last.end);
        // Offsets are kept in 32 bits.
        if from >= to || u32::try_from(to).is_err() {
            return;
        }
        let piece = &text[from..to];
        let (words, foreign) = (&mut self.words, &mut self.foreign);
        let at = |i: usize| (from + i) as u32;
        ascii_runs_by_heads(
            piece,
            heads.min_len,
            |head, len| heads.bits.get(head_bit(head, len)),
            |base, alnum| {
                let last = 64 - alnum.leading_zeros() as usize;
                foreign.push((at(base + alnum.trailing_zeros() as usize), at(base + last)));
                false
            },
            |base, runs, hits, first| {
                let b = piece.as_bytes();
                let ending = words_ending(base, runs, hits, first);
                words.extend(ending.map(|(s, e)| (at(s), at(e), head_bit_of(&b[s..e]) as u16)));
                false
            },
        );
        (self.from, self.to) = (from, to);
    }

    /// Whether `each(start, end)` holds for a word of `text[piece]` (its start and end in
    /// `text`, the text scanned) among its runs of ASCII letters and digits at least
    /// `min_len` bytes long (counted up to 3) whose head's bit `may_be` (1, else 0), in
    /// text order; none when the words kept do not tell (see [`TextWords`]). The words
    /// must have been scanned from `text` (a text of another length is not told) with
    /// [`WordHeads`] holding every head `may_be` lets through: else words are missed.
    #[inline(always)]
    pub(crate) fn any_in(
        &self,
        text: &str,
        piece: crate::span::Span,
        min_len: usize,
        may_be: impl Fn(usize) -> u64,
        mut each: impl FnMut(usize, usize) -> bool,
    ) -> Option<bool> {
        let (a, b) = (piece.start, piece.end);
        let bytes = text.as_bytes();
        // A run of the text scanned that goes on across `i`.
        let cut = |i: usize| {
            i > self.from
                && i < self.to
                && is_ascii_alnum_byte(bytes[i - 1])
                && is_ascii_alnum_byte(bytes[i])
        };
        if text.len() != self.text_len
            || a < self.from
            || b > self.to
            || min_len.min(3) < self.min_len
            || cut(a)
            || cut(b)
        {
            return None;
        }
        let f = self.foreign.partition_point(|&(_, end)| end as usize <= a);
        if self
            .foreign
            .get(f)
            .is_some_and(|&(start, _)| (start as usize) < b)
        {
            return None;
        }
        let words = &self.words;
        // The first word that starts at `a` or after.
        let mut i = crate::seek_from(words, self.cursor.get(), |w| (w.0 as usize) < a);
        let mut found = false;
        while let Some(&(start, end, bit)) = words.get(i) {
            if end as usize > b {
                break;
            }
            if may_be(usize::from(bit)) != 0 && each(start as usize, end as usize) {
                found = true;
                break;
            }
            i += 1;
        }
        self.cursor.set(i);
        Some(found)
    }
}

/// The words (start, end) that end in the 64-byte block at `base` at the bytes `hits` (bit
/// `k`: a word ends before byte `base + k`), for [`ascii_runs_by_heads`]'s `ending`: `words`
/// has the block's bytes in words, and `first` is the start of the word at the block's start
/// (the block's, or before it).
#[inline(always)]
pub(crate) fn words_ending(
    base: usize,
    words: u64,
    hits: u64,
    first: usize,
) -> impl Iterator<Item = (usize, usize)> {
    let mut rest = hits;
    std::iter::from_fn(move || {
        if rest == 0 {
            return None;
        }
        let end = rest.trailing_zeros();
        rest &= rest - 1;
        // The word starts after the last byte before its end that is in no word, if the
        // block has one.
        let before = !words & ((1u64 << end) - 1);
        let start = match before {
            0 => first,
            _ => base + 64 - before.leading_zeros() as usize,
        };
        Some((start, base + end as usize))
    })
}

/// The bytes of `words` (a block's mask of bytes in words, [`word_mask`]) in runs of at least
/// `n` bytes (counted up to 3: a longer `n` is taken as 3), those of a run that may go on into
/// the next block, and those of the run at its start when `carry` (the block before ended in
/// a word): the others are left out.
#[inline(always)]
fn long_runs(words: u64, carry: u64, n: usize) -> u64 {
    // All ones where a test does not apply (`n` below 2 or 3).
    let two = if n >= 2 { 0 } else { !0 };
    let three = if n >= 3 { 0 } else { !0 };
    // Bytes that start `n` bytes in words, counting those past the block as in words.
    let heads = words & (words >> 1 | 1 << 63 | two) & (words >> 2 | 3 << 62 | three);
    let mut long = heads | heads << 1 & !two | heads << 2 & !three;
    if carry != 0 {
        // The run at the start: the lowest bits of `words` that are all set.
        long |= words & (words ^ words.wrapping_add(1));
    }
    long
}

/// The bytes of `block` that are ASCII letters or digits, and those that are not ASCII (bit
/// `k`: byte `k`), sixteen bytes at a time ([`ByteSet::mask64`]).
#[inline(always)]
fn word_mask(block: &[u8; 64]) -> (u64, u64) {
    const ALNUM: ByteSet<0> = ByteSet::of([]).and_ascii_alphanumeric();
    const NON_ASCII: ByteSet<0> = ByteSet::of([]).and_non_ascii();
    (ALNUM.mask64(block), NON_ASCII.mask64(block))
}

/// The bytes of the alphanumeric characters that are not ASCII in the 64-byte block of `s` at
/// `base`, whose bytes that are not ASCII are `high`, with `spill` (the bytes at its start of
/// such a character begun in the block before); and the same `spill` for the next block.
#[inline(never)]
fn non_ascii_alnum(s: &str, base: usize, high: u64, spill: u64) -> (u64, u64) {
    let b = s.as_bytes();
    let mut alnum = spill;
    let mut next = 0;
    let mut rest = high & !spill;
    while rest != 0 {
        let k = rest.trailing_zeros() as usize;
        // A continuation byte of a character begun before is a byte of a character that is no
        // word's (`spill` has the others).
        if b[base + k] >= 0xC0 {
            let (is, n) = non_ascii_at(s, base + k);
            if is {
                let bits = (1u128 << n) - 1;
                alnum |= (bits << k) as u64;
                next = (bits << k >> 64) as u64;
            }
        }
        rest &= rest - 1;
    }
    (alnum, next)
}

/// The word of `s` ([`alnum_words`]) at or after byte `*i` (a char boundary), with whether it
/// is ASCII; `*i` moves past it.
#[inline(always)]
fn next_alnum_word<'s>(s: &'s str, i: &mut usize) -> Option<(&'s str, bool)> {
    let b = s.as_bytes();
    // ASCII bytes are told by a table look-up; only other characters are decoded.
    loop {
        let &c = b.get(*i)?;
        if is_ascii_alnum_byte(c) {
            break;
        }
        if c.is_ascii() {
            *i += 1;
            continue;
        }
        let (alnum, n) = non_ascii_at(s, *i);
        if alnum {
            break;
        }
        *i += n;
    }
    let start = *i;
    let mut ascii = true;
    while let Some(&c) = b.get(*i) {
        if is_ascii_alnum_byte(c) {
            *i += 1;
            continue;
        }
        if c.is_ascii() {
            break;
        }
        let (alnum, n) = non_ascii_at(s, *i);
        if !alnum {
            break;
        }
        ascii = false;
        *i += n;
    }
    Some((&s[start..*i], ascii))
}

/// Whether `c` is an ASCII letter or digit ([`u8::is_ascii_alphanumeric`]), by a table
/// look-up instead of three range tests: for scans of text a byte at a time.
#[inline(always)]
pub fn is_ascii_alnum_byte(c: u8) -> bool {
    ASCII_ALNUM[usize::from(c)]
}

/// Whether each byte is an ASCII letter or digit.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Whether the character at byte `i` of `s` (a char boundary, not ASCII) is alphanumeric, and
/// its length. Out of line: most text is ASCII.
#[inline(never)]
fn non_ascii_at(s: &str, i: usize) -> (bool, usize) {
    let ch = s[i..].chars().next().expect("a char boundary");
    (is_alphanumeric(ch), ch.len_utf8())
}

/// The General Punctuation block: curly quotes, dashes, ellipsis, special spaces, most of the
/// non-ASCII characters of news text. None of them is alphabetic or numeric.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

/// [`char::is_alphanumeric`], without its Unicode table search for the General Punctuation block (U+2000..U+206F).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
}

/// [`char::is_alphabetic`], without its Unicode table search for the General Punctuation block (U+2000..U+206F).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphabetic()
}

/// `count` texts made of `pieces` picked at random (the same every run), the `n`th at least
/// `n % max_len` bytes long: for tests of text scans.
#[cfg(test)]
pub(crate) fn texts_of(pieces: &[&str], count: usize, max_len: usize) -> Vec<String> {
    let mut seed = 1u32;
    (0..count)
        .map(|n| {
            let mut s = String::new();
            while s.len() < n % max_len {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                s.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        assert_eq!(CUES.get("said").unwrap().lemma, "say");
        assert_eq!(CUES.get("defined").unwrap().class, CueClass::Naming);
        assert!(CUES.get("said").unwrap().reports);
        assert!(!CUES.get("laughed").unwrap().reports);
        assert_eq!(CUES.get("pointed out").unwrap().lemma, "point out");
        assert!(CUES
            .multiword("pointed")
            .contains(&"pointed out".to_string()));
        assert!(CUES.get("table").is_none());
    }

    #[test]
    fn general_punctuation_is_neither_alphabetic_nor_numeric() {
        for c in GENERAL_PUNCTUATION {
            assert!(!c.is_alphanumeric() && !c.is_alphabetic(), "{c:?}");
        }
        for c in [
            'a',
            'É',
            'ß',
            '7',
            '²',
            'ⁱ',
            '\u{2070}',
            '\u{1F600}',
            '’',
            ' ',
        ] {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn ascii_alnum_bytes_are_is_ascii_alphanumeric() {
        for c in 0..=u8::MAX {
            assert_eq!(is_ascii_alnum_byte(c), c.is_ascii_alphanumeric(), "{c}");
        }
    }

    #[test]
    fn alnum_words_split_like_str_split() {
        for s in [
            "",
            "  ",
            "He said, “no”—twice; 3.5% of Ünal’s 12 Café-goers. Ελλάδα!",
            "x",
            "…end",
        ] {
            let want: Vec<&str> = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(alnum_words(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    #[test]
    fn word_scans_find_the_words_of_str_split_across_blocks() {
        // The words of `s` with their spans and whether each is ASCII.
        let reference = |s: &str| {
            let mut words = Vec::new();
            let mut start = None;
            for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
                match (c.is_alphanumeric(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(b)) => {
                        words.push((b, i, s[b..i].is_ascii()));
                        start = None;
                    }
                    _ => {}
                }
            }
            words
        };
        let pieces = [
            "a",
            "ab",
            "abc",
            "Word",
            "x1",
            "12",
            " ",
            ", ",
            "’",
            "—",
            "é",
            "Ünal",
            "²",
            "ελλάδα",
            "\u{212A}",
            "𝔘",
            "\u{2070}",
            "\n",
            "\u{7f}",
            "@[`{",
        ];
        for s in texts_of(&pieces, 3000, 300) {
            let want = reference(&s);
            for min_len in 0..6 {
                let mut got = Vec::new();
                assert!(!any_alnum_word_at(&s, min_len, |b, e, ascii| {
                    got.push((b, e, ascii));
                    false
                }));
                // Every word of `min_len` bytes or more, or not ASCII; maybe some others.
                let mut rest = got.iter();
                for w in &want {
                    let needed = !w.2 || w.1 - w.0 >= min_len.min(3);
                    if needed {
                        assert!(rest.any(|g| g == w), "{s:?} {min_len} {w:?}");
                    }
                }
                assert!(got.iter().all(|g| want.contains(g)), "{s:?} {min_len}");
            }
            let mut words = Vec::new();
            any_alnum_word(&s, |w, ascii| {
                words.push((w.to_string(), ascii));
                false
            });
            let want: Vec<_> = want
                .iter()
                .map(|&(b, e, a)| (s[b..e].to_string(), a))
                .collect();
            assert_eq!(words, want, "{s:?}");
            assert_eq!(
                alnum_words(&s).collect::<Vec<_>>(),
                s.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
            );
        }
        // The scan stops at the first word for which `f` holds.
        let mut seen = 0;
        assert!(any_alnum_word("one two three", |w, _| {
            seen += 1;
            w == "two"
        }));
        assert_eq!(seen, 2);
    }

    #[test]
    fn word_maps_look_up_the_lower_case() {
        let keys = [
            "said", "told", "a", "", "ünal", "k", "pointed", "x-y", "Caps",
        ];
        let map = WordMap::new(keys.iter().enumerate().map(|(i, k)| (k.to_string(), i)));
        for w in [
            "said", "SAID", "Said", "sAiD", "saiD!", "sai", "saidx", "told", "A", "a", "", "Ünal",
            "ÜNAL", "ünal", "unal", "K", "\u{212A}", "Pointed", "X-Y", "x_y", "caps", "Caps", "ﬁ",
            "İ",
        ] {
            let want = keys.iter().position(|k| *k == w.to_lowercase());
            assert_eq!(map.get(w).copied(), want, "{w:?}");
        }
        // Many keys: every one found, in any case; others not.
        let many: Vec<String> = (0..2000).map(|i| format!("w{i}x")).collect();
        let map = WordMap::new(many.iter().map(|k| (k.clone(), ())));
        assert!(many.iter().all(|k| map.get(&k.to_uppercase()).is_some()));
        assert!(map.get("w2000x").is_none() && WordMap::<()>::default().get("x").is_none());
    }

    #[test]
    fn word_sets_hold_the_lines_in_any_case() {
        let set = WordSet::from_data("# words\nreport\n  op-ed \neditor’s\n\nCaps\n");
        for (w, want) in [
            ("report", true),
            ("REPORT", true),
            ("Op-Ed", true),
            ("EDITOR’S", true),
            ("editor's", false),
            ("# words", false),
            ("caps", false),
            ("Caps", false),
            ("", false),
        ] {
            assert_eq!(set.contains(w), want, "{w:?}");
        }
    }

    #[test]
    fn shape_filters_hold_their_words_in_any_case() {
        fn check<const SECOND: bool>() {
            let mut f = ShapeFilter::<SECOND>::default();
            let words = ["said", "a", "x-y", "0", "sixteen-bytes-or-more", "o'neil"];
            for w in words {
                f.insert(w.as_bytes());
            }
            for w in words {
                assert!(f.may_hold(w.as_bytes()) && f.may_hold(w.to_uppercase().as_bytes()));
            }
            assert!(!f.may_hold(b"sad") && !f.may_hold(b"b") && !f.may_hold(b""));
        }
        check::<false>();
        check::<true>();
        // With the second byte: "and" is not "add", whose other shape it shares.
        let mut fine = ShapeFilter::<true>::default();
        fine.insert(b"add");
        assert!(fine.may_hold(b"ADD") && !fine.may_hold(b"and"));
    }

    #[test]
    fn word_maps_grow_and_replace() {
        // Inserted one by one across growths, replaced, extended: as one `new` of them all.
        let mut map = WordMap::default();
        for i in 0..100 {
            map.insert(format!("w{i}"), i);
        }
        map.insert("w7".to_string(), 700);
        map.insert("état".to_string(), 1);
        map.extend([("état".to_string(), 2), ("the kremlin".to_string(), 3)]);
        let want = WordMap::new(
            (0..100)
                .map(|i| (format!("w{i}"), if i == 7 { 700 } else { i }))
                .chain([("état".to_string(), 2), ("the kremlin".to_string(), 3)]),
        );
        assert_eq!(map.slots, want.slots);
        for w in ["W7", "w99", "w100", "ÉTAT", "The Kremlin", "kremlin"] {
            assert_eq!(map.get(w), want.get(w), "{w:?}");
        }
        assert_eq!(map.get("W7"), Some(&700));
        assert_eq!(map.get("ÉTAT"), Some(&2));
    }

    #[test]
    fn folded_comparison_is_eq_ignore_ascii_case() {
        // Every byte, in every position of eight.
        for b in 0..=255u8 {
            for k in 0..8 {
                let x = u64::from(b) << (8 * k) | 0x4161_7A5A_405B_7B60 & !(0xFF << (8 * k));
                let want = u64::from_le_bytes(x.to_le_bytes().map(|c| c.to_ascii_lowercase()));
                assert_eq!(lower_ascii_8(x), want, "{b:#x} at {k}");
            }
        }
        // Keys without capitals against words of any bytes, of every length.
        let bytes = [
            b'a', b'A', b'z', b'Z', b'@', b'[', b'`', b'{', b'0', b'-', 0xC3, 0xA9, 0x80,
        ];
        let mut seed = 3u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as usize
        };
        for n in 0..40 {
            for _ in 0..300 {
                let w: Vec<u8> = (0..n).map(|_| bytes[next() % bytes.len()]).collect();
                let mut key = w.to_ascii_lowercase();
                if next() % 2 == 0 && n > 0 {
                    let at = next() % n;
                    key[at] = bytes[next() % bytes.len()].to_ascii_lowercase();
                }
                assert_eq!(
                    is_folded(&key, &w),
                    key.eq_ignore_ascii_case(&w),
                    "{key:?} {w:?}"
                );
                assert!(!is_folded(&key, &w[..n.saturating_sub(1)]) || n == 0);
            }
        }
    }

    #[test]
    fn the_kelvin_sign_is_the_one_character_with_an_ascii_lower_case() {
        let ascii_lower: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(ascii_lower, [KELVIN_SIGN]);
        // The final sigma, lowered by its context, is not ASCII either way.
        assert!(!"AΣ".to_lowercase().is_ascii() && !"ΣA".to_lowercase().is_ascii());
        // Table keys alone: a word with another character outside ASCII is no key.
        let map = WordMap::new([("killed".to_string(), 1), ("k".to_string(), 2)]);
        assert_eq!(map.get("\u{212A}ILLED"), Some(&1));
        assert_eq!(map.get("\u{212A}"), Some(&2));
        assert_eq!(map.get("kïlled"), None);
        assert_eq!(map.get("\u{212A}é"), None);
    }

    #[test]
    fn word_maps_know_their_shortest_ascii_key() {
        let shortest = |keys: &[&str]| WordMap::new(keys.iter().map(|k| (k.to_string(), ())));
        assert_eq!(WordMap::<()>::default().shortest_ascii_key(), usize::MAX);
        assert_eq!(shortest(&["état", "ünal"]).shortest_ascii_key(), usize::MAX);
        assert_eq!(
            shortest(&["said", "é", "told", "Caps"]).shortest_ascii_key(),
            4
        );
        let mut map = shortest(&["said", "x-y"]);
        assert_eq!(map.shortest_ascii_key(), 3);
        map.insert("a".to_string(), ());
        map.insert("said".to_string(), ());
        assert_eq!(map.shortest_ascii_key(), 1);
        for keys in [&["said", "a"][..], &["ten", "people"], &["é", "to"]] {
            let want = keys.iter().filter(|k| k.is_ascii()).map(|k| k.len()).min();
            assert_eq!(
                shortest(keys).shortest_ascii_key(),
                want.unwrap_or(usize::MAX)
            );
        }
    }

    #[test]
    fn cue_starts_agree_with_get_and_multiword() {
        let s = CUES.starting("Pointed").unwrap();
        assert_eq!(s.cue.as_ref(), CUES.get("pointed"));
        assert!(s
            .multi
            .iter()
            .any(|(w, c)| w == &["pointed", "out"] && c.lemma == "point out"));
        assert!(CUES.starting("table").is_none());
        for w in [
            "Pointed",
            "SAID",
            "table",
            "said",
            "\u{212A}",
            "Ünal",
            "sa\u{212A}d",
        ] {
            let known = CUES.starting_known(w, w.is_ascii());
            let at = |s: Option<&CueStart>| s.map(std::ptr::from_ref);
            assert_eq!(at(known), at(CUES.starting(w)), "{w}");
        }
        let none = ExtraWords::new(&[]);
        assert!(CUES.may_attribute("Officials SAID so.", &none));
        assert!(CUES.may_attribute("It was Citing that.", &ExtraWords::new(&["citing"])));
        assert!(!CUES.may_attribute("It was citing that.", &ExtraWords::new(&["cited"])));
        assert!(!CUES.may_attribute("It was a table.", &none));
    }

    #[test]
    fn may_start_ascii_lets_through_every_cue_start() {
        // Every ASCII word that starts a cue, in any case (and any word of 16 bytes or more,
        // or with signs), passes; most other words do not.
        let short = Cues::parse("t", "xy\tx xy Qu'Est_ce\tspeech\n").unwrap();
        let mut seed = 12345u64;
        let mut random_word = || {
            let alphabet = b"abcdefghijklmnopqrstuvwxyzSAIDTOLD'-.1_@[";
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = 1 + (seed >> 59) as usize % 20;
            (0..len)
                .map(|i| char::from(alphabet[(seed >> (i * 3 % 56)) as usize % alphabet.len()]))
                .collect::<String>()
        };
        let mut words: Vec<String> = (0..20_000).map(|_| random_word()).collect();
        for cues in [&*CUES, &short] {
            for form in cues.forms.keys() {
                let first = form.split(' ').next().unwrap();
                let mut title = first.to_string();
                title[..1].make_ascii_uppercase();
                words.extend([
                    first.to_string(),
                    first.to_uppercase(),
                    title,
                    format!("{first}s"),
                ]);
            }
        }
        words.extend(["pointed", "x", "XY", "qu'est", "sixteen1bytes1or1more"].map(String::from));
        let mut passed = 0;
        for cues in [&*CUES, &short] {
            for w in &words {
                let may = cues.may_start_ascii(w.as_bytes());
                assert!(may || cues.starting(w).is_none(), "{w}");
                passed += usize::from(may);
            }
        }
        assert!(passed < words.len(), "{passed}");
        assert!(!CUES.may_start_ascii(b"table") && !CUES.may_start_ascii(b"of"));
        assert!(CUES.may_start_ascii(b"SAID") && short.may_start_ascii(b"Xy"));
    }

    #[test]
    fn may_attribute_answers_as_word_look_ups() {
        // The keys' shapes and the extra words' bits only skip words that cannot match.
        let extra = ["according", "put", "Said", "", "x", "ünal", "quoting"];
        let extra_words = ExtraWords::new(&extra);
        let naive = |s: &str| {
            alnum_words(s).any(|w| {
                let lower = w.to_lowercase();
                CUES.starting(w).is_some() || extra.contains(&lower.as_str())
            })
        };
        let mut words: Vec<String> = CUES.forms.keys().cloned().collect();
        words.extend(extra.iter().map(|e| e.to_string()));
        words.extend(
            ["the", "a", "sa", "saidx", "ÜNAL", "Ünal", "X", "x2", "put1"].map(String::from),
        );
        for w in &words {
            for v in [
                w.clone(),
                w.to_uppercase(),
                format!("({w}),"),
                format!("{w}s"),
            ] {
                let s = format!("It was {v} then");
                assert_eq!(CUES.may_attribute(&s, &extra_words), naive(&s), "{s:?}");
            }
        }
    }

    /// The scan of ASCII runs finds what the word look-ups find in texts across blocks, with
    /// words at every offset, in any case, next to characters that are not ASCII (alphanumeric
    /// or not).
    #[test]
    fn may_attribute_answers_as_word_look_ups_across_blocks() {
        let extra = ["according", "put", "x", "ünal", "sixteen1bytes1or1more"];
        let extra_words = ExtraWords::new(&extra);
        let naive = |s: &str| {
            alnum_words(s).any(|w| {
                let lower = w.to_lowercase();
                CUES.starting(w).is_some() || extra.contains(&lower.as_str())
            })
        };
        let pieces = [
            "a",
            "ab",
            "the",
            "table",
            " ",
            ", ",
            "  ",
            "’",
            "—",
            "é",
            "Said",
            "SAYS",
            "sa",
            "said",
            "x",
            "put",
            "quoting",
            "Ünal",
            "ünal",
            "2",
            "\u{212A}",
            "according",
            "\n",
            "sixteen1bytes1or1more",
            "sixteen1bytes1or1mores",
        ];
        let mut passed = 0;
        for s in texts_of(&pieces, 3000, 300) {
            let want = naive(&s);
            passed += usize::from(want);
            assert_eq!(CUES.may_attribute(&s, &extra_words), want, "{s:?}");
        }
        // Both answers are tested.
        assert!(passed > 100 && passed < 2900, "{passed}");
    }

    /// The pre-tests read from a text's words answer as their scans of a piece alone, for
    /// pieces of random texts (sentences, pieces cutting words, across 64-byte blocks, next
    /// to and holding alphanumeric characters outside ASCII, before the part scanned), taken
    /// in text order and not.
    #[test]
    fn pre_tests_from_a_texts_words_answer_as_their_scans() {
        use crate::figure::FIGURES;
        use crate::span::Span;
        let extra = ExtraWords::new(&["according", "put", "x", "ünal"]);
        let sets = [
            CUES.pre_test_heads(),
            extra.pre_test_heads(),
            FIGURES.pre_test_heads(),
        ];
        let heads = WordHeads::of(&sets);
        // Those with alphanumeric characters outside ASCII first: the texts of the others
        // alone are mostly told by the words kept.
        let pieces = [
            "é",
            "Ünal",
            "²",
            "\u{212A}illed",
            "a",
            "the",
            " ",
            " ",
            " ",
            ", ",
            ". ",
            "’",
            "—",
            "Said",
            "said",
            "put",
            "according",
            "x",
            "12",
            "ten",
            "people",
            "PEOPLE",
            "killed",
            "custody",
            "xpeople",
            "sixteen1bytes1or1more",
        ];
        let texts = texts_of(&pieces[4..], 300, 400).into_iter();
        let mut words = TextWords::default();
        let (mut told, mut all) = (0, 0);
        for text in texts.chain(texts_of(&pieces, 300, 400)) {
            let text: &str = &text;
            // Character boundaries: the ends of words, and others every few bytes.
            let alnum = |i: usize| {
                text.as_bytes()
                    .get(i)
                    .is_some_and(u8::is_ascii_alphanumeric)
            };
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .filter(|&i| i % 11 == 0 || i == 0 || !(alnum(i - 1) && alnum(i)))
                .collect();
            let from = bounds[bounds.len() / 5];
            words.scan(
                text,
                &[Span::new(from, from), Span::new(from, text.len())],
                &heads,
            );
            for (i, &a) in bounds.iter().enumerate().step_by(3) {
                for &b in bounds[i..].iter().step_by(2) {
                    let p = Span::new(a, b);
                    let (cue, figure) = (
                        CUES.may_attribute(&text[p], &extra),
                        FIGURES.may_have_figure(&text[p]),
                    );
                    let piece = (&text[p], text);
                    assert_eq!(
                        CUES.may_attribute_in(text, p, &extra, &words),
                        cue,
                        "{piece:?}"
                    );
                    assert_eq!(
                        FIGURES.may_have_figure_in(text, p, &words),
                        figure,
                        "{piece:?}"
                    );
                    told += usize::from(words.any_in(text, p, 3, |_| 1, |_, _| false).is_some());
                    all += 1;
                }
            }
        }
        assert!(told > all / 8 && told < all / 2, "{told} of {all}");
    }

    /// The words of one text do not answer for a piece of a text of another length: the
    /// pre-test scans the piece itself.
    #[test]
    fn a_texts_words_do_not_answer_for_another_text() {
        use crate::span::Span;
        let heads = WordHeads::of(&[CUES.pre_test_heads()]);
        let text = "Police said ten people were killed.";
        let mut words = TextWords::default();
        words.scan(text, &[Span::new(0, text.len())], &heads);
        let piece = Span::new(0, 11);
        assert!(words.any_in(text, piece, 3, |_| 1, |_, _| false).is_some());
        let other = "Police said ten people were killed there.";
        assert_eq!(words.any_in(other, piece, 3, |_| 1, |_, _| false), None);
    }

    /// A word's head bit is that of its lower case, whatever bytes follow it.
    #[test]
    fn head_bits_hold_in_any_case_whatever_follows() {
        let mut f = HeadFilter::default();
        let words = [
            "said",
            "a",
            "ab",
            "put",
            "according",
            "sixteen1bytes1or1more",
            "x2",
        ];
        for w in words {
            f.insert(w.as_bytes());
        }
        for w in words {
            for v in [w.to_string(), w.to_uppercase()] {
                for after in [*b"\0\0\0\0", *b"zzzz", *b" ,Q9"] {
                    let mut head = [0u8; 4];
                    for (k, h) in head.iter_mut().enumerate() {
                        *h = v.as_bytes().get(k).copied().unwrap_or(after[k]);
                    }
                    let bit = head_bit(u32::from_le_bytes(head), v.len());
                    assert!(f.0.holds(bit), "{v:?}");
                }
            }
        }
        let empty = HeadFilter::default();
        assert_eq!(
            HeadFilter::either_holds(&f, &empty, u32::from_le_bytes(*b"SAID"), 4),
            1
        );
        assert_eq!(
            HeadFilter::either_holds(&empty, &empty, u32::from_le_bytes(*b"said"), 4),
            0
        );
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let e = Cues::parse("my.tsv", "# c\nsay\tsaid\tspeech\nshout\tshouted\n").unwrap_err();
        assert_eq!(e.file, "my.tsv");
        assert_eq!(e.line, 3);
        assert!(e.to_string().starts_with("my.tsv:3: expected 3"));
        let e = Cues::parse("my.tsv", "say\tsaid\twhisper\n").unwrap_err();
        assert!(e.message.contains("unknown class"));
    }
}
