//! The source lexicons (`data/source_kinds.tsv`, `data/capitals.tsv`, `data/demonyms.tsv`) ->
//! lookup tables: which words of a mention decide its kind, which names stand for a government,
//! which adjectives name a country. User files extend them at run time.

use crate::lexicon::{columns, data_lines, Bits, LexiconError, WordMap};
use rustc_hash::FxHashMap as HashMap;

/// The kinds of the report (`CONTRACT.md`).
pub const KINDS: &[&str] = &[
    "police",
    "military",
    "government",
    "ministry",
    "official",
    "international_org",
    "media",
    "ngo",
    "witness",
    "expert",
    "company",
    "anonymous",
    "person",
    "unknown",
];

/// How a kind word behaves in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    /// Speaks for someone else ("spokesman"): the mention's other words decide the kind.
    pub role: bool,
    /// Stands before a name ("President X"): the name is the source.
    pub title: bool,
    /// An organisation a role may speak for.
    pub org: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindEntry {
    pub kind: &'static str,
    pub flags: Flags,
    /// Number of words of the phrase.
    pub words: usize,
}

/// The source lexicons; the tables keyed by lower case are looked up in any case without
/// lower-casing ([`WordMap`]).
#[derive(Debug, Clone)]
pub struct SourceLexicon {
    /// Which lexicon this is, as far as its contents go: a number no other lexicon of the
    /// process had, given again at every change; a clone keeps it (the same contents). What
    /// a mention says is kept by it across documents ([`super::Sources::resolve`]).
    version: u64,
    /// Kind phrases, their words joined by one space.
    kinds: WordMap<KindEntry>,
    /// Longest phrase length starting with each first word.
    longest: WordMap<usize>,
    /// Government seats and capitals: [`place_key`] -> country.
    seats: WordMap<String>,
    /// Nationality words as written -> country.
    demonyms: HashMap<String, String>,
    /// The nationality words as bits: most words are told to be none without hashing them.
    demonym_bits: WordBits,
    /// Countries: [`place_key`] -> country.
    countries: WordMap<String>,
}

impl Default for SourceLexicon {
    /// Empty lexicons.
    fn default() -> Self {
        SourceLexicon {
            version: new_version(),
            kinds: WordMap::default(),
            longest: WordMap::default(),
            seats: WordMap::default(),
            demonyms: HashMap::default(),
            demonym_bits: WordBits::default(),
            countries: WordMap::default(),
        }
    }
}

/// A [`SourceLexicon::version`] never given before in this process.
fn new_version() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn err(file: &str, line: usize, message: String) -> LexiconError {
    LexiconError {
        file: file.to_string(),
        line,
        message,
    }
}

/// A set of words as bits of 65,536 (a one-hash Bloom filter over their length and first,
/// second and last bytes): a word whose bit is clear is none of them. With a few hundred words
/// in, almost every other word is told so (a branch that is almost always taken the same way;
/// the first byte alone let most capitalized words through to the hash map).
#[derive(Debug, Clone, Default)]
struct WordBits(Bits<1024>);

impl WordBits {
    /// The bit of a word of at least one byte.
    #[inline(always)]
    fn bit(b: &[u8]) -> usize {
        let n = b.len();
        let x = n as u64
            | u64::from(b[0]) << 8
            | u64::from(b[1.min(n - 1)]) << 16
            | u64::from(b[n - 1]) << 24;
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }

    fn insert(&mut self, w: &[u8]) {
        if !w.is_empty() {
            self.0.insert(Self::bit(w));
        }
    }

    /// Whether `w` (not empty) may be a word put in.
    #[inline(always)]
    fn may_hold(&self, w: &[u8]) -> bool {
        self.0.holds(Self::bit(w))
    }
}

/// A name's lookup key: lower case, curly apostrophes straightened, no leading "the".
pub fn place_key(name: &str) -> String {
    let mut key = name.trim().to_lowercase();
    if key.contains('’') {
        key = key.replace('’', "'");
    }
    if key.starts_with("the ") {
        key.drain(..4);
    }
    key
}

/// The value of the [`place_key`] of `name` in `map`: an ASCII name is looked up as it is
/// (the map folds its case; it has no curly apostrophe), other names by their key.
fn place_in<'m>(map: &'m WordMap<String>, name: &str) -> Option<&'m str> {
    let name = name.trim();
    let found = if name.is_ascii() {
        map.get_known(strip_the(name), true)
    } else {
        map.get(&place_key(name))
    };
    found.map(String::as_str)
}

/// [`place_in`] of one word (no white space: nothing to trim, no leading "the ").
#[inline]
fn place_word_in<'m>(map: &'m WordMap<String>, w: &str) -> Option<&'m str> {
    let found = if w.is_ascii() {
        map.get_known(w, true)
    } else {
        map.get(&place_key(w))
    };
    found.map(String::as_str)
}

/// An ASCII name without a leading "the " in any case.
fn strip_the(name: &str) -> &str {
    match name.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") => &name[4..],
        _ => name,
    }
}

/// Calls `f` with each word of `text` that may name a country and starts with a capital letter:
/// of its runs of alphanumeric characters, `-`, `.` and apostrophes (as `text.split(|c|
/// !(c.is_alphanumeric() || ...))` gives them), those whose first character is upper case.
/// Read 64 bytes at a time: a block's ASCII word bytes and capitals as masks, the words that
/// start with an ASCII capital told from them without a branch a byte; the block is read up to
/// its first byte that is not ASCII, whose character is read as a character (a word that goes
/// on past the block, or into such a character, is read to its end a character at a time).
/// (Eight bytes at a time to each capital or byte that is not ASCII, each word then read a
/// byte at a time and the character before it looked at: 3.98 M instructions and 81k
/// mispredicts for `main_country` on `dev1`, now 3.51 M and 59k, of which the look-ups of the
/// 9,711 words found are 1.86 M and 33k.)
fn each_capitalized_word<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
    use crate::bytescan::{block64, ByteSet};
    const WORD: ByteSet<3> = ByteSet::of([b'-', b'.', b'\'']).and_ascii_alphanumeric();
    const HIGH: ByteSet<0> = ByteSet::of([]).and_non_ascii();
    const TO_Z: ByteSet<0> = ByteSet::of([]).and_below(b'Z' + 1);
    const BEFORE_A: ByteSet<0> = ByteSet::of([]).and_below(b'A');
    let b = text.as_bytes();
    let mut tail = [0u8; 64];
    let mut i = 0;
    // Whether the character just before byte `i` is a word's.
    let mut carry = false;
    while i < b.len() {
        // `block64` may leave bytes of an earlier block past the text: masked off.
        let block = block64(b, i, &mut tail);
        let within = u64::MAX >> (64 - (b.len() - i).min(64));
        let limit = (HIGH.mask64(block) & within).trailing_zeros() as usize;
        let ascii = within & u64::MAX.checked_shl(limit as u32).map_or(u64::MAX, |m| !m);
        let words = WORD.mask64(block) & ascii;
        let capitals = TO_Z.mask64(block) & !BEFORE_A.mask64(block);
        let mut heads = words & !(words << 1 | u64::from(carry)) & capitals;
        // The end of the last word read past the ASCII bytes of the block, if any.
        let mut past = i + limit;
        while heads != 0 {
            let k = heads.trailing_zeros() as usize;
            let end = k + (words >> k).trailing_ones() as usize;
            let end = match end == limit {
                true => word_end(text, i + end),
                false => i + end,
            };
            // Cut at ASCII bytes or a word's end: char boundaries.
            f(&text[i + k..end]);
            past = end;
            heads &= heads - 1;
        }
        if past > i + limit || limit == 64 {
            // On after the block (a byte that is not ASCII ends no block read whole: the next
            // starts a character), or after a word read past it.
            carry = past > i + limit || words >> 63 != 0;
            i = past.max(i + limit);
            continue;
        }
        // A character that is not ASCII at `j` (`limit` < 64: in the text).
        let j = i + limit;
        let before = match limit {
            0 => carry,
            _ => words >> (limit - 1) & 1 != 0,
        };
        let (word, n) = in_word_at(text, j);
        if !word {
            (i, carry) = (j + n, false);
            continue;
        }
        let end = word_end(text, j);
        if !before && text[j..].chars().next().is_some_and(char::is_uppercase) {
            f(&text[j..end]);
        }
        (i, carry) = (end, true);
    }
}

/// Whether the character at byte `i` of `text` belongs to a word of [`each_capitalized_word`], and
/// its length.
#[inline(always)]
fn in_word_at(text: &str, i: usize) -> (bool, usize) {
    let c = text.as_bytes()[i];
    if c.is_ascii() {
        (
            crate::lexicon::is_ascii_alnum_byte(c) || matches!(c, b'-' | b'.' | b'\''),
            1,
        )
    } else {
        non_ascii_in_word(text, i)
    }
}

/// The end of the word of [`each_capitalized_word`] that holds byte `i` of `text`.
#[inline(always)]
fn word_end(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        let (word, n) = in_word_at(text, i);
        if !word {
            break;
        }
        i += n;
    }
    i
}

/// [`in_word_at`]'s test of a character that is not ASCII, at byte `i` of `text`.
#[inline(never)]
fn non_ascii_in_word(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().expect("a char boundary");
    (crate::lexicon::is_alphanumeric(c) || c == '’', c.len_utf8())
}

impl SourceLexicon {
    /// The built-in lexicons.
    pub fn builtin() -> SourceLexicon {
        let mut lex = SourceLexicon::default();
        lex.extend_kinds(
            "data/source_kinds.tsv",
            include_str!("../../data/source_kinds.tsv"),
        )
        .expect("built-in data/source_kinds.tsv parses");
        lex.extend_capitals("data/capitals.tsv", include_str!("../../data/capitals.tsv"))
            .expect("built-in data/capitals.tsv parses");
        lex.extend_demonyms("data/demonyms.tsv", include_str!("../../data/demonyms.tsv"))
            .expect("built-in data/demonyms.tsv parses");
        lex
    }

    /// Adds or overrides entries in the `source_kinds.tsv` format: `phrase<TAB>kind[<TAB>flags]`.
    pub fn extend_kinds(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        self.version = new_version();
        for (n, line) in data_lines(text) {
            let cols = columns(file, n, line, &["phrase", "kind", "flags"], 2)?;
            let kind = KINDS.iter().find(|k| **k == cols[1]).ok_or_else(|| {
                err(
                    file,
                    n,
                    format!("unknown kind {:?} (one of {})", cols[1], KINDS.join(", ")),
                )
            })?;
            let mut flags = Flags::default();
            for f in cols
                .get(2)
                .map_or("", |f| f)
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
            {
                match f {
                    "role" => flags.role = true,
                    "title" => flags.title = true,
                    "org" => flags.org = true,
                    other => {
                        return Err(err(
                            file,
                            n,
                            format!("unknown flag {other:?} (role, title or org)"),
                        ))
                    }
                }
            }
            let phrase = cols[0].to_lowercase().replace('’', "'");
            let words = phrase.split_whitespace().count();
            let first = phrase.split_whitespace().next().unwrap_or("").to_string();
            let longest = self.longest.get(&first).map_or(words, |&l| l.max(words));
            self.longest.insert(first, longest);
            self.kinds.insert(phrase, KindEntry { kind, flags, words });
        }
        Ok(())
    }

    /// Adds entries in the `capitals.tsv` format: `name<TAB>country<TAB>capital|seat`.
    pub fn extend_capitals(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        self.version = new_version();
        for (n, line) in data_lines(text) {
            let cols = columns(file, n, line, &["name", "country", "type"], 3)?;
            if !matches!(cols[2], "capital" | "seat") {
                return Err(err(
                    file,
                    n,
                    format!("unknown type {:?} (capital or seat)", cols[2]),
                ));
            }
            self.seats.insert(place_key(cols[0]), cols[1].to_string());
            self.countries
                .insert(place_key(cols[1]), cols[1].to_string());
        }
        Ok(())
    }

    /// Adds entries in the `demonyms.tsv` format: `adjective<TAB>country`.
    pub fn extend_demonyms(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        self.version = new_version();
        for (n, line) in data_lines(text) {
            let cols = columns(file, n, line, &["adjective", "country"], 2)?;
            self.demonym_bits.insert(cols[0].as_bytes());
            self.demonyms
                .insert(cols[0].to_string(), cols[1].to_string());
        }
        Ok(())
    }

    /// A number that is this lexicon's alone, unless it is a clone of another unchanged since:
    /// two lexicons of the same version read every mention the same.
    pub(super) fn version(&self) -> u64 {
        self.version
    }

    /// The kind entry of a phrase (its words joined by one space), in any case.
    pub fn kind(&self, phrase: &str) -> Option<&KindEntry> {
        self.kinds.get(phrase)
    }

    /// The longest kind phrase that starts with this word, in any case (0 when none does).
    pub fn longest_from(&self, word: &str) -> usize {
        self.longest.get(word).copied().unwrap_or(0)
    }

    /// [`SourceLexicon::kind`] of a phrase known to be ASCII when `ascii` (else not known).
    #[inline]
    pub(super) fn kind_known(&self, phrase: &str, ascii: bool) -> Option<&KindEntry> {
        match ascii {
            true => self.kinds.get_known(phrase, true),
            false => self.kind(phrase),
        }
    }

    /// [`SourceLexicon::longest_from`] of a word known to be ASCII when `ascii` (else not
    /// known).
    #[inline]
    pub(super) fn longest_from_known(&self, word: &str, ascii: bool) -> usize {
        match ascii {
            true => self.longest.get_known(word, true).copied().unwrap_or(0),
            false => self.longest_from(word),
        }
    }

    /// The country whose government a name stands for ("Moscow", "the Kremlin").
    pub fn seat(&self, name: &str) -> Option<&str> {
        place_in(&self.seats, name)
    }

    /// The country of a nationality word as written ("Kazakh", "Russian", "U.S.").
    pub fn demonym(&self, word: &str) -> Option<&str> {
        if word.is_empty() || !self.demonym_bits.may_hold(word.as_bytes()) {
            return None;
        }
        self.demonyms.get(word).map(String::as_str)
    }

    /// The country named most often (by name, capital, seat or nationality word) in `texts`;
    /// the first named on a tie.
    pub fn main_country(&self, texts: &[&str]) -> Option<String> {
        // By the lexicon's own name of each country: copied once, for the answer.
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for text in texts {
            each_capitalized_word(text, |w| {
                // The first character stays: the word starts with a capital.
                let w = w.trim_end_matches('.');
                let w = w
                    .strip_suffix("’s")
                    .or_else(|| w.strip_suffix("'s"))
                    .unwrap_or(w);
                if let Some(c) = self.place_word(w) {
                    match counts.iter_mut().find(|(n, _)| *n == c) {
                        Some((_, k)) => *k += 1,
                        None => counts.push((c, 1)),
                    }
                }
            });
        }
        let best = counts.iter().map(|(_, k)| *k).max()?;
        counts
            .into_iter()
            .find(|(_, k)| *k == best)
            .map(|(c, _)| c.to_string())
    }

    /// The country a capitalized word of a text names for [`SourceLexicon::main_country`]: a
    /// country's name, else a nationality word, else a seat, each as [`place_word_in`] and
    /// [`SourceLexicon::demonym`] find it. An ASCII word (most) is told so once and looked up
    /// as it is in both tables; another's place key is made once for both. (Two
    /// `place_word_in` calls a word, each testing the word for ASCII, the second making its
    /// key again: 4.58 M instructions for `main_country` on `dev1`, now 3.65 M, and 101k
    /// mispredicts, now 79k.)
    #[inline]
    fn place_word(&self, w: &str) -> Option<&str> {
        if !w.is_ascii() {
            return self.place_word_other(w);
        }
        self.country_word_known(w, true)
            .or_else(|| self.demonym(w))
            .or_else(|| self.seats.get_known(w, true).map(String::as_str))
    }

    /// [`SourceLexicon::place_word`] of a word that is not ASCII.
    #[cold]
    fn place_word_other(&self, w: &str) -> Option<&str> {
        let key = place_key(w);
        let found = self.countries.get(&key).map(String::as_str);
        found
            .or_else(|| self.demonym(w))
            .or_else(|| self.seats.get(&key).map(String::as_str))
    }

    /// The country of a country name as written ("Kazakhstan").
    pub fn country(&self, name: &str) -> Option<&str> {
        place_in(&self.countries, name)
    }

    /// [`SourceLexicon::country`] of one word (no white space).
    pub(super) fn country_word(&self, w: &str) -> Option<&str> {
        place_word_in(&self.countries, w)
    }

    /// [`SourceLexicon::country_word`] of a word known to be ASCII when `ascii` (else not
    /// known).
    #[inline]
    pub(super) fn country_word_known(&self, w: &str, ascii: bool) -> Option<&str> {
        match ascii {
            true => self.countries.get_known(w, true).map(String::as_str),
            false => self.country_word(w),
        }
    }

    /// The country whose government a name stands for, by its seat or by the country's own
    /// name: [`SourceLexicon::seat`], else [`SourceLexicon::country`], the name's key made once.
    pub(super) fn government(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        let found = if name.is_ascii() {
            let name = strip_the(name);
            (self.seats.get_known(name, true)).or_else(|| self.countries.get_known(name, true))
        } else {
            let key = place_key(name);
            self.seats.get(&key).or_else(|| self.countries.get(&key))
        };
        found.map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_source_lexicons_parse() {
        let lex = SourceLexicon::builtin();
        assert_eq!(lex.seat("Moscow"), Some("Russia"));
        assert_eq!(lex.seat("the Kremlin"), Some("Russia"));
        assert_eq!(lex.seat("Kremlin"), Some("Russia"));
        assert_eq!(lex.demonym("Kazakh"), Some("Kazakhstan"));
        assert_eq!(lex.country("Kazakhstan"), Some("Kazakhstan"));
        assert_eq!(lex.country(" the Kazakhstan "), Some("Kazakhstan"));
        assert_eq!(lex.seat("THE KREMLIN"), Some("Russia"));
        for (name, key) in [
            (" The Côte d’Ivoire ", "côte d'ivoire"),
            ("THE KREMLIN", "kremlin"),
            ("the", "the"),
            ("Theodore", "theodore"),
        ] {
            assert_eq!(place_key(name), key, "{name:?}");
        }
        assert_eq!(lex.kind("police").unwrap().kind, "police");
        assert!(lex.kind("spokesman").unwrap().flags.role);
        assert!(lex.longest_from("law") >= 2);
    }

    #[test]
    fn word_lookups_agree_with_name_lookups() {
        let lex = SourceLexicon::builtin();
        for w in [
            "Kazakhstan",
            "KAZAKHSTAN",
            "Moscow",
            "Kremlin",
            "Kazakh",
            "kazakh",
            "U.S.",
            "Côte",
            "N’Djamena",
            "Russian",
            "",
            "Trump",
            "the",
            "Kelvin\u{212a}",
        ] {
            assert_eq!(lex.country_word(w), lex.country(w), "{w:?}");
            assert_eq!(
                lex.place_word(w),
                lex.country_word(w)
                    .or_else(|| lex.demonym(w))
                    .or_else(|| place_word_in(&lex.seats, w)),
                "{w:?}"
            );
            assert_eq!(place_word_in(&lex.seats, w), lex.seat(w), "{w:?}");
            assert_eq!(
                lex.demonym(w),
                lex.demonyms.get(w).map(String::as_str),
                "{w:?}"
            );
        }
        // The filters before the hash map let every nationality word through, and tell the
        // others as the map does.
        for (k, v) in &lex.demonyms {
            assert_eq!(lex.demonym(k), Some(v.as_str()), "{k:?}");
            for w in [
                format!("{k}s"),
                k.to_lowercase(),
                k.chars().skip(1).collect(),
            ] {
                assert_eq!(lex.demonym(&w), lex.demonyms.get(&w).map(String::as_str));
            }
        }
        for name in [
            "Moscow",
            " the Kremlin ",
            "THE KREMLIN",
            "Kazakhstan",
            "the Kazakhstan",
            "Trump",
            "St. John’s",
            "N’Djamena",
            "Côte d’Ivoire",
            "",
        ] {
            assert_eq!(
                lex.government(name),
                lex.seat(name).or_else(|| lex.country(name)),
                "{name:?}"
            );
        }
    }

    #[test]
    fn capitalized_words_split_like_str_split() {
        let split = |t: &str| -> Vec<String> {
            t.split(|c: char| {
                !(crate::lexicon::is_alphanumeric(c)
                    || c == '-'
                    || c == '.'
                    || c == '\''
                    || c == '’')
            })
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_string)
            .collect()
        };
        let mut texts = vec![
            "",
            "Kazakhstan’s U.S.-backed government, in Almaty (Kazakh) — ‘naïve’ 2022; Côte d'Ivoire",
            "  ..  ",
            "é",
            "É",
            "—a—",
            "McDonald said: ÉTAT-Uni, aÉ, éA, 1A A1 —B ’C x’D ‘E’ Z",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ[@`{ abcdefghijklmnopqrstuvwxyz",
            "Ⓐb ⓐB \u{2028}X \u{2060}Y",
        ]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
        texts.extend(crate::lexicon::texts_of(
            &[
                "A", "b", "É", "é", " ", "-", "'", "’", "—", ".", "Z", "9", "@", "[",
            ],
            300,
            40,
        ));
        // Across 64-byte blocks, with few characters that are not ASCII (most texts).
        texts.extend(crate::lexicon::texts_of(
            &[
                "A", "b", "É", "é", " ", "-", "'", "’", "—", ".", "Z", "9", "@", "[", "abc", "Def",
                "gh", " ", " I", "x",
            ],
            600,
            300,
        ));
        for t in &texts {
            let mut words = Vec::new();
            each_capitalized_word(t, |w| words.push(w));
            assert_eq!(words, split(t), "{t:?}");
        }
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let mut lex = SourceLexicon::default();
        let e = lex
            .extend_kinds("k.tsv", "police\tpolice\nmilitia\tcops\n")
            .unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("k.tsv", 2));
        assert!(e.message.contains("unknown kind"));
        let e = lex.extend_kinds("k.tsv", "x\tpolice\tboss\n").unwrap_err();
        assert!(e.message.contains("unknown flag"));
        let e = lex
            .extend_capitals("c.tsv", "Moscow\tRussia\n")
            .unwrap_err();
        assert_eq!(e.line, 1);
        let e = lex.extend_demonyms("d.tsv", "# c\nKazakh\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
