//! Speaker mentions -> canonical sources with a kind, a country and the organisation they speak
//! for; mentions of the same source ("the mayor, Jane Doe", "Doe", "the mayor") merged, with
//! their aliases, within a document and across the documents of a run.
//!
//! A mention's kind comes from the lexicon words in it (`data/source_kinds.tsv`), read as a
//! noun phrase: the word nearest its head decides ("a police spokesman" -> police, since a
//! spokesman speaks for someone); names standing for a government come from
//! `data/capitals.tsv` ("Moscow", "the Kremlin"); countries from nationality words
//! (`data/demonyms.tsv`) and country names.

pub mod lexicon;

pub use lexicon::SourceLexicon;

use crate::bytescan::{block64, is_ascii_space, ByteSet};
use crate::lexicon::is_alphanumeric as lexicon_alnum;
use lexicon::KindEntry;
// Hashed by foldhash, seeded at random per map, not by FxHash: the maps here are keyed by the
// input's text (mentions, names' identity keys, surnames), and keys made offline to collide in
// an unkeyed hash would make every look-up of a document of such names linear. foldhash is only
// "minimally DoS-resistant" (its seed is not secret from a process that can watch this one
// run), which is enough for a batch tool; std's SipHash, used by the maps of the merge (not a
// hot path), costs 2% of `extract` here: 232.8 M -> 237.6 M instructions on dev1, foldhash 0.2%.
use foldhash::HashMap;
use std::borrow::Cow;

/// A canonical source within a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name it is known by: a person's or outlet's name where the text gives one, else the
    /// first description it was mentioned by. Shared with what the mention says
    /// ([`MentionInfo::name`]), read once a thread: a source made again in each document that
    /// names it holds no copy of its own (a copy and a free a source and document were 1.2 M
    /// instructions on `dev1`).
    pub name: Name,
    pub kind: &'static str,
    /// Every other way it was mentioned, in first-seen order.
    pub aliases: Vec<String>,
    /// The source it speaks for (a minister's ministry).
    pub parent: Option<usize>,
    pub country: Option<String>,
    /// The identity key of its name ([`key_of`]), the one it was made under: what the merge
    /// of a run's reports looks it up by (`crate::graph::merge`), without making it again.
    pub key: Key,
}

/// What one mention says about its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionInfo {
    pub name: Name,
    pub kind: &'static str,
    pub country: Option<String>,
    /// The organisation the mention speaks for, as a mention of its own.
    pub parent: Option<String>,
}

/// The sources of the documents read since it was made or cleared ([`Sources::clear`]; the
/// export keeps one a thread and clears it for each document), and the recent ones of the
/// document being read ([`Sources::begin_document`]).
#[derive(Debug, Default)]
pub struct Sources {
    pub list: Vec<Source>,
    /// Identity keys ([`key_of`]), shared with the mentions read ([`Described`]).
    by_key: HashMap<Key, usize>,
    /// The surnames ([`surname_of`]) of the first `surnamed` sources of `list`, each to the
    /// first source that has it. Filled only when a one-word mention misses `by_key`
    /// ([`Sources::surnamed`]): most documents have none, and reading every new source's
    /// surname cost 1.0 M instructions and 35k mispredicts of 246 M on `dev1`.
    by_surname: HashMap<String, usize>,
    surnamed: usize,
    /// Sources mentioned in the current document, most recent last.
    recent: Vec<usize>,
}

/// An identity key ([`key_of`]), shared by the mention read and the sources it names
/// without a copy each.
pub type Key = std::sync::Arc<str>;

/// A source's name ([`Source::name`]), shared by the mention read and the sources it names.
pub type Name = std::sync::Arc<str>;

/// What a mention says ([`describe`]) and the identity key of its name ([`key_of`]).
type Described = std::rc::Rc<(MentionInfo, Key)>;

/// The mentions read on this thread with one lexicon ([`SourceLexicon::version`]), each read
/// once however many documents name it ([`described`]).
#[derive(Default)]
struct Memo {
    version: Option<u64>,
    /// Each mention as written, the text of its name where that is the same (most).
    mentions: HashMap<Name, Described>,
    /// The key of an ASCII name being made ([`shared_key`]).
    key: String,
}

/// The most mentions a [`Memo`] holds: it is emptied when full.
const MEMO_MENTIONS: usize = 1 << 14;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::default();
}

/// What `mention` says with `lex` and its name's key, read once on this thread ([`Memo`]).
fn described(lex: &SourceLexicon, mention: &str) -> Described {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.version != Some(lex.version()) {
            memo.mentions.clear();
            // Room for a quarter of the most it holds, made once a thread instead of grown
            // and rehashed from a few.
            memo.mentions.reserve(MEMO_MENTIONS / 4);
            memo.version = Some(lex.version());
        }
        if let Some(d) = memo.mentions.get(mention) {
            return d.clone();
        }
        let info = describe(lex, mention);
        let key = shared_key(&info.name, &mut memo.key);
        let d = Described::new((info, key));
        if memo.mentions.len() >= MEMO_MENTIONS {
            memo.mentions.clear();
        }
        // Most mentions are their name: the text is kept once for both.
        let text = match *d.0.name == *mention {
            true => d.0.name.clone(),
            false => Name::from(mention),
        };
        memo.mentions.insert(text, d.clone());
        d
    })
}

const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "miss", "sir", "dame", "lord", "lady", "the", "a", "an",
];
const HEAD_ENDS: &[&str] = &["of", "for", "from", "at", "in", "with", "on", "to", "who"];
const MINISTRY_AREAS: &[&str] = &[
    "interior",
    "foreign",
    "health",
    "defence",
    "defense",
    "finance",
    "justice",
    "economy",
    "energy",
    "education",
    "information",
    "emergency",
    "emergencies",
    "agriculture",
    "trade",
];

/// The identity key of a name: lower case, without leading articles and courtesy titles.
pub fn key_of(name: &str) -> String {
    // The words, trimmed of punctuation and lower-cased, joined by one space; leading titles
    // dropped, the last word kept: a leading title is held back until a word that is not one
    // comes, and written only when none does.
    if name.is_ascii() {
        return ascii_key_of(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut title = None;
    for w in name.split_whitespace() {
        let w = trim_to_alnum(w, b"");
        if w.is_empty() {
            continue;
        }
        key_word(&mut out, &mut title, w, push_lower);
    }
    key_end(&mut out, title);
    out
}

/// [`key_of`] of an ASCII name (most names), read and written a byte at a time: its words
/// split at ASCII white space (all of `split_whitespace`'s in ASCII), each trimmed to its
/// first and last letter or digit.
fn ascii_key_of(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    ascii_key_into(name, &mut out);
    out
}

/// [`key_of`] of a [`Name`] as a shared [`Key`]: an ASCII name's key is written in `buf` (its
/// allocation kept from one name to the next) and copied once, into the key, unless it is the
/// name itself (a lower-case name: shared).
fn shared_key(name: &Name, buf: &mut String) -> Key {
    if !name.is_ascii() {
        return Key::from(key_of(name));
    }
    ascii_key_into(name, buf);
    match buf.as_str() == &**name {
        true => name.clone(),
        false => Key::from(buf.as_str()),
    }
}

/// [`ascii_key_of`] of the ASCII `name` into `out`, emptied first, in one pass: the bytes
/// that are not letters or digits before a word's first letter or digit are skipped (white
/// space among them), and the word runs to its last letter or digit before the next white
/// space; each word is copied whole and lower-cased in place. (The key written as a `String`
/// needs no `from_utf8` to become a [`Key`]: -0.27 M on `dev1`. A first pass that tells the
/// names whose key is their lower case, without a branch a byte, was dropped: +0.45 M, as
/// dear as the words it saves reading.)
fn ascii_key_into(name: &str, out: &mut String) {
    out.clear();
    if name.len() <= 64 {
        return short_ascii_key_into(name, out);
    }
    let b = name.as_bytes();
    let mut title = None;
    let mut i = 0;
    while i < b.len() {
        if !crate::lexicon::is_ascii_alnum_byte(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        i += 1;
        while i < b.len() && !is_ascii_space(b[i]) {
            // The end moves past each letter or digit (a select, not a branch).
            end = if crate::lexicon::is_ascii_alnum_byte(b[i]) {
                i + 1
            } else {
                end
            };
            i += 1;
        }
        // Cut at ASCII bytes: char boundaries.
        let w = &name[start..end];
        key_word(out, &mut title, w, |out, w| {
            let from = out.len();
            out.push_str(w);
            out[from..].make_ascii_lowercase();
        });
    }
    key_end(out, title);
}

/// [`ascii_key_into`] of an ASCII name of at most 64 bytes (most), into the empty `out`: its
/// words (the runs of bytes that are not white space) told from masks of its bytes, each
/// trimmed to its first and last letter or digit by the mask of those, without a branch a
/// byte; the key lower-cased once, whole, and copied whole when it is the name's lower case.
/// (A byte at a time, each word lower-cased as it was copied: 1.96 M instructions and 63k
/// mispredicts on `dev1`, now 1.58 M and 46k.)
fn short_ascii_key_into(name: &str, out: &mut String) {
    const BLANK: ByteSet<1> = ByteSet::of([b' ']);
    const OTHER_SPACE: ByteSet<5> = ByteSet::of([b'\t', b'\n', 0x0B, 0x0C, b'\r']);
    const ALNUM: ByteSet<0> = ByteSet::of([]).and_ascii_alphanumeric();
    if name.is_empty() {
        return;
    }
    let mut tail = [0u8; 64];
    let block = block64(name.as_bytes(), 0, &mut tail);
    let alnum = ALNUM.mask64(block);
    let blanks = BLANK.mask64(block);
    // The padding past the name is zeros: no letter or digit, but not white space either.
    let last = 1u64 << (name.len() - 1);
    let within = u64::MAX >> (64 - name.len());
    let mut words = !(blanks | OTHER_SPACE.mask64(block)) & within;
    // Most names are their key in lower case: words that start and end with a letter or
    // digit, one blank between two, none at either end, and no title first.
    let gaps = within & !words;
    let edges = words & !(words << 1) | words & !(words >> 1);
    if edges & !alnum | gaps & !blanks | gaps & (gaps << 1 | 1 | last) == 0 {
        let first = (words & !(words >> 1)).trailing_zeros() as usize;
        if title_of(&name.as_bytes()[..=first]).is_none() {
            out.push_str(name);
            out.make_ascii_lowercase();
            return;
        }
    }
    let mut title = None;
    while words != 0 {
        let start = words.trailing_zeros();
        // The word's bytes: the run of ones from `start` (to bit 63 at most).
        let run = (words >> start).trailing_ones();
        let word = (u64::MAX >> (64 - run)) << start;
        words &= !word;
        let kept = alnum & word;
        if kept == 0 {
            continue;
        }
        // Cut at ASCII bytes: char boundaries.
        let w = &name[kept.trailing_zeros() as usize..64 - kept.leading_zeros() as usize];
        key_word(out, &mut title, w, String::push_str);
    }
    out.make_ascii_lowercase();
    key_end(out, title);
}

/// A name's next word `w` (trimmed) into its key `out`, by `put`: a title first is kept
/// aside in `title` instead ([`key_end`]), a word after the first after a space. (The one
/// step of [`key_of`], [`ascii_key_into`] and [`short_ascii_key_into`].)
#[inline(always)]
fn key_word(
    out: &mut String,
    title: &mut Option<&'static str>,
    w: &str,
    put: impl FnOnce(&mut String, &str),
) {
    if out.is_empty() {
        if let Some(t) = title_of(w.as_bytes()) {
            *title = Some(t);
            return;
        }
    } else {
        out.push(' ');
    }
    put(out, w);
}

/// The end of a key made by [`key_word`]: a name that is a title alone is keyed by it.
#[inline(always)]
fn key_end(out: &mut String, title: Option<&'static str>) {
    if let (true, Some(t)) = (out.is_empty(), title) {
        out.push_str(t);
    }
}

/// `w` trimmed of the characters that are neither alphanumeric ([`lexicon_alnum`]) nor one of
/// the ASCII bytes `also`: `w.trim_matches(...)`, ASCII ends trimmed a byte at a time.
#[inline(always)]
fn trim_to_alnum<'w>(w: &'w str, also: &[u8]) -> &'w str {
    // Most words start and end with an ASCII letter or digit: nothing to trim.
    if let (Some(first), Some(last)) = (w.as_bytes().first(), w.as_bytes().last()) {
        if first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() {
            return w;
        }
    }
    let w = trim_ascii_bytes(w, |b| {
        b.is_ascii() && !b.is_ascii_alphanumeric() && !also.contains(&b)
    });
    let b = w.as_bytes();
    if b.first().is_some_and(|c| !c.is_ascii()) || b.last().is_some_and(|c| !c.is_ascii()) {
        // A character that is not ASCII at an end: the rest trimmed as characters.
        let also = |c: char| u8::try_from(c).is_ok_and(|c| also.contains(&c));
        return w.trim_matches(|c: char| !lexicon_alnum(c) && !also(c));
    }
    w
}

/// `s` without the bytes at either end that `cut` (true of ASCII bytes only) holds.
#[inline(always)]
fn trim_ascii_bytes(s: &str, cut: impl Fn(u8) -> bool) -> &str {
    let b = s.as_bytes();
    let (mut start, mut end) = (0, b.len());
    while start < end && cut(b[start]) {
        start += 1;
    }
    while end > start && cut(b[end - 1]) {
        end -= 1;
    }
    // Cut at ASCII bytes: char boundaries.
    &s[start..end]
}

/// `s.trim()`, ASCII ends (most) trimmed a byte at a time.
#[inline]
fn trim_space(s: &str) -> &str {
    let t = trim_ascii_bytes(s, is_ascii_space);
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(first), Some(last)) if !first.is_ascii() || !last.is_ascii() => t.trim(),
        _ => t,
    }
}

/// Appends the words of `s` (as `split_whitespace` gives them) to `out`: an ASCII `s` (most)
/// split at its white space bytes without decoding characters. `ascii`: `s` is known to be
/// ASCII (else it is tested).
fn push_words<'s>(s: &'s str, ascii: bool, out: &mut Vec<&'s str>) {
    if !ascii && !s.is_ascii() {
        out.extend(s.split_whitespace());
        return;
    }
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if is_ascii_space(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !is_ascii_space(b[i]) {
            i += 1;
        }
        out.push(&s[start..i]);
    }
}

/// The title of [`TITLES`] that the word `w` is in lower case (as `str::to_lowercase` has
/// it), if any: in ASCII lower case, since no other character lower-cases to a title's
/// letter (the Kelvin sign, the one that lower-cases to an ASCII letter, is a `k`).
#[inline]
fn title_of(w: &[u8]) -> Option<&'static str> {
    // Every title is ASCII and at most four bytes long.
    const LONGEST: usize = longest(TITLES);
    if w.len() > LONGEST {
        return None;
    }
    TITLES
        .iter()
        .copied()
        .find(|t| t.as_bytes().eq_ignore_ascii_case(w))
}

/// Appends `w` in lower case (as `str::to_lowercase` gives it).
#[inline]
fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        let from = out.len();
        out.push_str(w);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&w.to_lowercase());
    }
}

/// Whether the first character of `w` is upper case.
fn capitalized(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// A word as the lexicon sees it: no surrounding punctuation, no possessive; an ASCII word
/// borrowed in its own case (the look-ups and [`same_word`] fold it), another word lower-cased
/// with its curly apostrophes straightened.
fn lex_word(w: &str) -> Cow<'_, str> {
    lex_word_known(w, false)
}

/// [`lex_word`] of a word known to be ASCII when `ascii` (else it is tested).
#[inline]
fn lex_word_known(w: &str, ascii: bool) -> Cow<'_, str> {
    let w = trim_end_stops(trim_to_alnum(w, b".-"));
    if ascii || w.is_ascii() {
        // Lower case keeps an ASCII word's bytes where they are: "'s" in any case is the
        // possessive.
        let b = w.as_bytes();
        let possessive = b.len() >= 2 && b[b.len() - 2] == b'\'' && b[b.len() - 1] | 0x20 == b's';
        return Cow::Borrowed(if possessive { &w[..w.len() - 2] } else { w });
    }
    lex_word_other(w)
}

/// [`lex_word`] of a trimmed word that is not ASCII.
#[cold]
fn lex_word_other(w: &str) -> Cow<'_, str> {
    let mut lower = w.to_lowercase();
    if lower.contains('’') {
        lower = lower.replace('’', "'");
    }
    if lower.ends_with("'s") {
        lower.truncate(lower.len() - 2);
    }
    Cow::Owned(lower)
}

/// `w.trim_end_matches('.')`, a byte at a time (a stop is one byte, never inside a character).
#[inline(always)]
fn trim_end_stops(w: &str) -> &str {
    let mut end = w.len();
    while end > 0 && w.as_bytes()[end - 1] == b'.' {
        end -= 1;
    }
    &w[..end]
}

/// Whether two [`lex_word`]s are the same word: equal lower case. (A word that is not ASCII
/// is lower case already, and never equal to an ASCII one.)
fn same_word(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Whether the [`lex_word`] `w` is one of `list` (lower case).
fn word_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|l| same_word(l, w))
}

/// The length of the longest word of `list`: a longer word is none of them, told without
/// reading the list.
const fn longest(list: &[&str]) -> usize {
    let (mut k, mut max) = (0, 0);
    while k < list.len() {
        if list[k].len() > max {
            max = list[k].len();
        }
        k += 1;
    }
    max
}

/// [`word_in`] of [`HEAD_ENDS`].
fn is_head_end(w: &str) -> bool {
    const LONGEST: usize = longest(HEAD_ENDS);
    w.len() <= LONGEST && word_in(HEAD_ENDS, w)
}

#[derive(Debug, Clone)]
struct Match<'l> {
    start: usize,
    len: usize,
    entry: &'l KindEntry,
}

/// The lexicon phrases of `words` ([`lex_word`]s), longest first at each position, left to
/// right, into `out` (emptied first); `joined` holds a phrase of several words. `ascii`: the
/// words are known to be ASCII (else each is tested where it is looked up).
fn matches<'l>(
    lex: &'l SourceLexicon,
    words: &[Cow<str>],
    ascii: bool,
    out: &mut Vec<Match<'l>>,
    joined: &mut String,
) {
    out.clear();
    let mut i = 0;
    while i < words.len() {
        let longest = lex
            .longest_from_known(&words[i], ascii)
            .min(words.len() - i);
        let found = (1..=longest).rev().find_map(|len| {
            let phrase = match len {
                1 => &words[i],
                _ => {
                    // The phrase of several words, joined by one space.
                    joined.clear();
                    for (k, w) in words[i..i + len].iter().enumerate() {
                        if k > 0 {
                            joined.push(' ');
                        }
                        joined.push_str(w);
                    }
                    joined.as_str()
                }
            };
            lex.kind_known(phrase, ascii).map(|entry| Match {
                start: i,
                len,
                entry,
            })
        });
        match found {
            Some(m) => {
                i += m.len;
                out.push(m);
            }
            None => i += 1,
        }
    }
}

/// The country of the first word of `mention` that names one ([`word_country`]).
fn mention_country<'l>(lex: &'l SourceLexicon, mention: &str) -> Option<&'l str> {
    mention
        .split_whitespace()
        .find_map(|w| word_country(lex, w))
}

/// The country a word of a mention names, if any: a nationality word (as written, or without
/// its final stops) or a country's name, the word trimmed of punctuation and of a possessive.
fn word_country<'l>(lex: &'l SourceLexicon, w: &str) -> Option<&'l str> {
    word_country_known(lex, w, false)
}

/// [`word_country`] of a word known to be ASCII when `ascii` (else not known).
#[inline]
fn word_country_known<'l>(lex: &'l SourceLexicon, w: &str, ascii: bool) -> Option<&'l str> {
    bare_country(lex, country_bare(w, ascii), ascii)
}

/// The word [`word_country`] looks up: `w` trimmed of punctuation and of a possessive.
#[inline]
fn country_bare(w: &str, ascii: bool) -> &str {
    let bare = trim_to_alnum(w, b".");
    // "’s" is not ASCII.
    (!ascii)
        .then(|| bare.strip_suffix("’s"))
        .flatten()
        .or_else(|| bare.strip_suffix("'s"))
        .unwrap_or(bare)
}

/// [`word_country_known`] of a word already trimmed ([`country_bare`]).
#[inline]
fn bare_country<'l>(lex: &'l SourceLexicon, bare: &str, ascii: bool) -> Option<&'l str> {
    let unstopped = trim_end_stops(bare);
    lex.demonym(bare)
        .or_else(|| {
            (unstopped.len() != bare.len())
                .then(|| lex.demonym(unstopped))
                .flatten()
        })
        .or_else(|| lex.country_word_known(bare, ascii))
}

/// [`lex_word_known`] of `w` and its [`country_bare`], the word trimmed once for both: most
/// words start and end with an ASCII letter or digit, which leaves both forms the word itself
/// but for a final possessive (`'s` or `'S` for the lexicon, `'s` alone for a country).
#[inline]
fn word_forms(w: &str, ascii: bool) -> (Cow<'_, str>, &str) {
    let b = w.as_bytes();
    if let (Some(first), Some(last)) = (b.first(), b.last()) {
        if first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() && (ascii || w.is_ascii())
        {
            let possessive = b.len() >= 2 && b[b.len() - 2] == b'\'' && *last | 0x20 == b's';
            let lexical = if possessive { &w[..w.len() - 2] } else { w };
            let bare = if *last == b's' { lexical } else { w };
            return (Cow::Borrowed(lexical), bare);
        }
    }
    (lex_word_known(w, ascii), country_bare(w, ascii))
}

/// Buffers [`describe`] reuses from one mention to the next (one set a thread), kept empty
/// between mentions (only their allocations are kept: `crate::recycle`).
#[derive(Debug, Default)]
struct Scratch {
    parts: Vec<&'static str>,
    words: Vec<&'static str>,
    lower: Vec<Cow<'static, str>>,
    found: Vec<Match<'static>>,
    joined: String,
}

/// [`Scratch`]'s buffers lent to one mention `'m` read with a lexicon `'l`.
struct Buffers<'m, 'l> {
    parts: Vec<&'m str>,
    words: Vec<&'m str>,
    lower: Vec<Cow<'m, str>>,
    found: Vec<Match<'l>>,
    joined: String,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Reads one mention: its kind, canonical name, country and parent organisation.
pub fn describe(lex: &SourceLexicon, mention: &str) -> MentionInfo {
    SCRATCH.with(|s| describe_with(lex, mention, &mut s.borrow_mut()))
}

/// [`describe`] with buffers kept from earlier mentions.
fn describe_with(lex: &SourceLexicon, mention: &str, scratch: &mut Scratch) -> MentionInfo {
    let mut b = Buffers {
        parts: crate::recycle(std::mem::take(&mut scratch.parts)),
        words: crate::recycle(std::mem::take(&mut scratch.words)),
        lower: crate::recycle(std::mem::take(&mut scratch.lower)),
        found: crate::recycle(std::mem::take(&mut scratch.found)),
        joined: std::mem::take(&mut scratch.joined),
    };
    let info = describe_in(lex, mention, &mut b);
    scratch.parts = crate::recycle(b.parts);
    scratch.words = crate::recycle(b.words);
    scratch.lower = crate::recycle(b.lower);
    scratch.found = crate::recycle(b.found);
    b.joined.clear();
    scratch.joined = b.joined;
    info
}

/// [`describe`] in the buffers `b`.
fn describe_in<'m, 'l>(
    lex: &'l SourceLexicon,
    mention: &'m str,
    b: &mut Buffers<'m, 'l>,
) -> MentionInfo {
    let mention = trim_space(mention).trim_end_matches([',', '.', ';', ':']);
    // Most mentions are ASCII, and so are their parts and words: told once for all.
    let ascii = mention.is_ascii();
    // Comma parts, without an age ("Rashford, 23").
    let parts = &mut b.parts;
    parts.extend(
        mention
            .split(',')
            .map(trim_space)
            .filter(|p| !p.is_empty() && !p.bytes().all(|c| c.is_ascii_digit())),
    );
    let mention_owned;
    let mention = match parts.as_slice() {
        [] => mention,
        [one] => one,
        _ => {
            mention_owned = parts.join(", ");
            mention_owned.as_str()
        }
    };
    // A government by its seat or its country's name: "Moscow", "the Kremlin", "Kazakhstan".
    if let Some(c) = lex.government(mention) {
        return MentionInfo {
            name: Name::from(mention),
            kind: "government",
            country: Some(c.to_string()),
            parent: None,
        };
    }
    // The country of the first word that names one: the mention's words are its parts' (a
    // part's last word has its comma in the mention, which `word_country` trims), read with
    // the parts below.
    let mut country = match parts.is_empty() {
        true => mention_country(lex, mention),
        false => None,
    };
    // The part that carries the lexicon words decides; a part of capitalized words alone is
    // the name ("the mayor, Jane Doe").
    let mut best: Option<(&'static str, Option<String>, Option<String>)> = None;
    let mut name_part: Option<&str> = None;
    // The words of each part as written and as the lexicon sees them.
    let Buffers {
        words,
        lower,
        found,
        joined,
        ..
    } = b;
    for part in parts.iter() {
        words.clear();
        push_words(part, ascii, words);
        // Each word trimmed once for the lexicon and for a country ([`word_forms`]).
        let read = best.is_none() || name_part.is_none();
        lower.clear();
        for w in words.iter() {
            if country.is_none() || read {
                let (lexical, bare) = word_forms(w, ascii);
                if country.is_none() {
                    country = bare_country(lex, bare, ascii);
                }
                lower.push(lexical);
            }
        }
        if !read {
            continue;
        }
        matches(lex, lower, ascii, found, joined);
        if found.is_empty() {
            // Some word besides titles, and every such word capitalized.
            let mut content = words
                .iter()
                .zip(lower.iter())
                .filter(|(_, l)| title_of(l.as_bytes()).is_none())
                .map(|(w, _)| w)
                .peekable();
            if content.peek().is_some() && content.all(|w| capitalized(w)) && name_part.is_none() {
                name_part = Some(part);
            }
            continue;
        }
        if best.is_none() {
            best = Some(read_part(lex, words, lower, found));
        }
    }
    let country = country.map(str::to_string);
    let Some((kind, inner_name, parent)) = best else {
        let kind = if name_part.is_some() {
            "person"
        } else {
            "unknown"
        };
        return MentionInfo {
            name: Name::from(mention),
            kind,
            country,
            parent: None,
        };
    };
    let name = match (name_part, inner_name) {
        (Some(part), _) => Name::from(part),
        (None, Some(inner)) => Name::from(inner),
        (None, None) => Name::from(mention),
    };
    MentionInfo {
        name,
        kind,
        country,
        parent,
    }
}

/// The kind, the name inside ("President X" -> X) and the parent of one comma part.
fn read_part(
    lex: &SourceLexicon,
    words: &[&str],
    lower: &[Cow<str>],
    found: &[Match],
) -> (&'static str, Option<String>, Option<String>) {
    // "who asked not to be named", "people close to": anonymous whatever the head.
    let marked = |m: &Match| {
        m.entry.kind == "anonymous" && m.entry.words > 1 && !same_word(&lower[m.start], "the")
    };
    if found.iter().any(marked) {
        return ("anonymous", None, None);
    }
    let head_end = lower
        .iter()
        .position(|w| is_head_end(w))
        .unwrap_or(lower.len());
    let main = found
        .iter()
        .rev()
        .find(|m| m.start < head_end)
        .or_else(|| found.last())
        .expect("found is not empty");
    let mut kind = main.entry.kind;
    let mut parent = None;
    if main.entry.flags.role {
        let others = found
            .iter()
            .filter(|m| m.start != main.start && !m.entry.flags.role);
        let other = others
            .clone()
            .find(|m| m.entry.flags.org)
            .or_else(|| others.clone().next());
        if let Some(o) = other {
            kind = o.entry.kind;
            if o.start > head_end {
                parent = Some(words[head_end + 1..].join(" "));
            }
        }
    }
    // A minister speaks for a ministry: "Minister of Health" -> "Ministry of Health",
    // "interior minister" -> "Interior Ministry".
    if kind == "ministry" && main.entry.flags.title && parent.is_none() {
        let area = (main.start > 0)
            .then(|| {
                MINISTRY_AREAS
                    .iter()
                    .find(|a| same_word(a, &lower[main.start - 1]))
            })
            .flatten();
        if head_end < lower.len() && same_word(&lower[head_end], "of") && head_end + 1 < words.len()
        {
            parent = Some(format!("Ministry of {}", words[head_end + 1..].join(" ")));
        } else if let Some(area) = area {
            let mut c = area.chars();
            let area = c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            });
            parent = Some(format!("{area} Ministry"));
        }
    }
    // A title or role followed by a name: "President X", "company spokesman Bob Ferguson",
    // "local television Khabar-24".
    let anchor = found
        .iter()
        .rev()
        .find(|m| m.entry.flags.title || m.entry.flags.role)
        .unwrap_or(main);
    let after = anchor.start + anchor.len;
    let mut start = words.len();
    while start > after {
        let w = words[start - 1];
        let lw = &lower[start - 1];
        if capitalized(w)
            && lex.country(w).is_none()
            && lex.demonym(w).is_none()
            && !is_head_end(lw)
        {
            start -= 1;
        } else {
            break;
        }
    }
    let named = anchor.entry.flags.title || anchor.entry.flags.role || anchor.entry.kind == "media";
    let name = (start < words.len() && named).then(|| words[start..].join(" "));
    (kind, name, parent)
}

impl Sources {
    /// No sources yet, with room for about `mentions` different mentions without growing its
    /// tables.
    pub fn with_capacity(mentions: usize) -> Sources {
        Sources {
            list: Vec::with_capacity(mentions),
            by_key: HashMap::with_capacity_and_hasher(mentions, Default::default()),
            by_surname: HashMap::with_capacity_and_hasher(mentions, Default::default()),
            surnamed: 0,
            recent: Vec::with_capacity(mentions),
        }
    }

    /// No sources, as [`Sources::default`], with the room of the tables kept.
    pub fn clear(&mut self) {
        self.list.clear();
        self.by_key.clear();
        self.by_surname.clear();
        self.surnamed = 0;
        self.recent.clear();
    }

    /// Starts a new document: definite descriptions ("the ministry") look back only within it.
    pub fn begin_document(&mut self) {
        self.recent.clear();
    }

    /// The source of `mention` (as written), created when new; returns its index.
    pub fn resolve(&mut self, lex: &SourceLexicon, mention: &str) -> usize {
        let mention = trim_space(mention);
        let d = described(lex, mention);
        let i = self.resolve_info(lex, mention, &d.0, &d.1);
        self.recent.retain(|&r| r != i);
        self.recent.push(i);
        i
    }

    /// The source of a mention that says `info`, whose name has the identity key `key`.
    fn resolve_info(
        &mut self,
        lex: &SourceLexicon,
        mention: &str,
        info: &MentionInfo,
        key: &Key,
    ) -> usize {
        if let Some(&i) = self.by_key.get(key) {
            self.add_alias(i, mention);
            return i;
        }
        // "the ministry" after "the Interior Ministry"; "the command" after "the command of ...".
        if let Some(i) = self.definite_antecedent(mention) {
            self.add_alias(i, mention);
            return i;
        }
        // "Doe" after "Jane Doe"; "Tokayev" after "President Kassym-Jomart Tokayev".
        let single = !key.contains(' ') && key.chars().next().is_some_and(char::is_alphabetic);
        if single && info.name.split_whitespace().last().is_some_and(capitalized) {
            if let Some(&i) = self.surnamed().get(&**key) {
                self.add_alias(i, mention);
                self.by_key.insert(key.clone(), i);
                return i;
            }
        }
        let parent = info.parent.as_ref().map(|p| {
            let parent_info = describe(lex, p);
            let parent_key = Key::from(key_of(&parent_info.name));
            let pi = self.resolve_info(lex, p, &parent_info, &parent_key);
            if self.list[pi].country.is_none() {
                self.list[pi].country = info.country.clone();
            }
            pi
        });
        let i = self.list.len();
        self.list.push(Source {
            name: info.name.clone(),
            kind: info.kind,
            aliases: Vec::new(),
            parent,
            country: info.country.clone(),
            key: key.clone(),
        });
        self.add_alias(i, mention);
        self.by_key.insert(key.clone(), i);
        i
    }

    /// The surnames of all sources so far, each to the first source that has it: those of the
    /// sources made since the last call added in the order they were made (names never change,
    /// so this is the table that adding each at its making would have).
    fn surnamed(&mut self) -> &HashMap<String, usize> {
        for i in self.surnamed..self.list.len() {
            if let Some(surname) = surname_of(&self.list[i].name) {
                self.by_surname.entry(surname).or_insert(i);
            }
        }
        self.surnamed = self.surnamed.max(self.list.len());
        &self.by_surname
    }

    /// A description such as "the ministry", "the command", "the official" (lower case, one
    /// or two words after "the") names the latest source of this document that has that word
    /// (and the modifier of two: "the interior ministry").
    fn definite_antecedent(&self, mention: &str) -> Option<usize> {
        // "the" and one or two words, none capitalized; read without collecting the words
        // (most mentions are not such, and are told by their first word, most of them by its
        // first three bytes without splitting).
        if !starts_with_the(mention) {
            return None;
        }
        let mut words = mention.split_whitespace();
        if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            return None;
        }
        let (mut modifier, mut last) = (None, None);
        for (k, w) in words.enumerate() {
            if k >= 2 || capitalized(w) {
                return None;
            }
            modifier = last;
            last = Some(w);
        }
        let head = lex_word(last?);
        // "the interior ministry" after "the Interior Ministry", not "the information
        // ministry": a modifier is a word of the antecedent too.
        let modifier = modifier.map(lex_word);
        let has = |n: &str, word: &str| {
            // The lexicon word of an ASCII word is a piece of it: an ASCII name without the
            // word's bytes in any case has no such word, told without splitting it (most names
            // looked at: 0.76 M instructions on `dev1`, now 0.2 M).
            if n.is_ascii() && !word.is_empty() && !holds_ignoring_case(n.as_bytes(), word) {
                return false;
            }
            n.split_whitespace().any(|w| same_word(&lex_word(w), word))
        };
        // The mention's key, made when first needed.
        let mut key = None;
        self.recent.iter().rev().copied().find(|&i| {
            let s = &self.list[i];
            let names = || std::iter::once(&*s.name).chain(s.aliases.iter().map(String::as_str));
            modifier.as_ref().is_none_or(|m| names().any(|n| has(n, m)))
                && names().any(|n| {
                    has(n, &head) && key_of(n) != *key.get_or_insert_with(|| key_of(mention))
                })
        })
    }

    /// The source of an outlet's name: a media source whatever its name says.
    pub fn resolve_media(&mut self, lex: &SourceLexicon, outlet: &str) -> usize {
        let i = self.resolve(lex, outlet);
        if matches!(self.list[i].kind, "unknown" | "person") {
            self.list[i].kind = "media";
        }
        i
    }

    /// Records another way source `i` was mentioned.
    pub fn add_alias(&mut self, i: usize, mention: &str) {
        let s = &mut self.list[i];
        if *s.name != *mention && !s.aliases.iter().any(|a| a == mention) {
            s.aliases.push(mention.to_string());
        }
    }
}

/// Whether `word` (not empty) is somewhere in `s` in any ASCII case: the places whose byte
/// may be the word's first in some case (equal with the case bit set) compared whole.
fn holds_ignoring_case(s: &[u8], word: &str) -> bool {
    let w = word.as_bytes();
    let Some(&first) = w.first() else {
        return true;
    };
    let first = first | 0x20;
    s.windows(w.len())
        .any(|x| x[0] | 0x20 == first && x.eq_ignore_ascii_case(w))
}

/// Whether the first three bytes after the leading white space of `s` are "the" in any
/// case: false for a text whose first word is not "the" (as `split_whitespace` has it).
fn starts_with_the(s: &str) -> bool {
    s.trim_start()
        .as_bytes()
        .get(..3)
        .is_some_and(|t| t.eq_ignore_ascii_case(b"the"))
}

/// A name of two or more capitalized words, no comma: its last word.
pub fn surname_of(name: &str) -> Option<String> {
    if name.is_ascii() {
        return ascii_surname_of(name);
    }
    if name.contains(',') {
        return None;
    }
    // The words read once, without collecting them.
    let mut count = 0;
    let mut last = "";
    for w in name.split_whitespace() {
        if !capitalized(w) {
            return None;
        }
        count += 1;
        last = w;
    }
    (count >= 2).then(|| {
        let mut lower = String::with_capacity(last.len());
        push_lower(&mut lower, trim_to_alnum(last, b""));
        lower
    })
}

/// [`surname_of`] an ASCII name, read once a byte at a time: its words split at ASCII white
/// space (all of `split_whitespace`'s in ASCII).
fn ascii_surname_of(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let (mut count, mut last) = (0, 0..0);
    let mut i = 0;
    while i < b.len() {
        if is_ascii_space(b[i]) {
            i += 1;
            continue;
        }
        // A word: capitalized, without a comma (a comma anywhere is no surname).
        if !b[i].is_ascii_uppercase() {
            return None;
        }
        let start = i;
        while i < b.len() && !is_ascii_space(b[i]) {
            if b[i] == b',' {
                return None;
            }
            i += 1;
        }
        count += 1;
        last = start..i;
    }
    (count >= 2).then(|| trim_to_alnum(&name[last], b"").to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> SourceLexicon {
        SourceLexicon::builtin()
    }

    #[test]
    fn kinds_table() {
        let lex = lex();
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            ("a police spokesman", "police", "a police spokesman", None),
            (
                "a spokesman for law enforcement",
                "police",
                "a spokesman for law enforcement",
                None,
            ),
            (
                "The Kazakh police",
                "police",
                "The Kazakh police",
                Some("Kazakhstan"),
            ),
            ("Moscow", "government", "Moscow", Some("Russia")),
            ("the Kremlin", "government", "the Kremlin", Some("Russia")),
            (
                "the President of Kazakhstan Kassym-Jomart Tokayev",
                "government",
                "Kassym-Jomart Tokayev",
                Some("Kazakhstan"),
            ),
            (
                "the Kazakh Deputy Minister of Health, Azhar Guiniyat",
                "ministry",
                "Azhar Guiniyat",
                Some("Kazakhstan"),
            ),
            ("the information", "anonymous", "the information", None),
            (
                "people close to the talks",
                "anonymous",
                "people close to the talks",
                None,
            ),
            ("news agencies", "media", "news agencies", None),
            ("local television Khabar-24", "media", "Khabar-24", None),
            (
                "the command of the security forces of Almaty",
                "military",
                "the command of the security forces of Almaty",
                None,
            ),
            ("an eyewitness", "witness", "an eyewitness", None),
            ("a teachers' union", "ngo", "a teachers' union", None),
            (
                "company spokesman Bob Ferguson",
                "company",
                "Bob Ferguson",
                None,
            ),
            ("Beshear", "person", "Beshear", None),
            (
                "the mayor, Philippe Godin",
                "official",
                "Philippe Godin",
                None,
            ),
        ];
        for (mention, kind, name, country) in cases {
            let info = describe(&lex, mention);
            assert_eq!(
                (info.kind, &*info.name, info.country.as_deref()),
                (*kind, *name, *country),
                "{mention}"
            );
        }
    }

    #[test]
    fn keys_and_lexicon_words() {
        let cases = [
            ("Mr. John Smith", "john smith"),
            ("the Mr", "mr"),
            ("The", "the"),
            ("  “Dr.  Ünal ÖZ,”  ", "ünal öz"),
            ("", ""),
            ("a -- b", "b"),
        ];
        for (name, key) in cases {
            assert_eq!(key_of(name), key, "{name:?}");
        }
        let cases = [
            ("Minister’s", "minister"),
            ("(Police's)", "Police"),
            ("POLICE'S", "POLICE"),
            ("it's", "it"),
            ("U.S.", "U.S"),
            ("ÉTAT,", "état"),
            ("O’BRIEN’S", "o'brien"),
            ("“-x-”", "-x-"),
            ("x's", "x"),
        ];
        for (w, want) in cases {
            assert_eq!(lex_word(w), want, "{w:?}");
        }
        assert!(same_word(&lex_word("Police's"), &lex_word("POLICE")));
        for w in [
            "the",
            "THE",
            "Mrs",
            "miss",
            "Misses",
            "",
            "of",
            "WHO",
            "within",
            "x",
            "Dé",
            "\u{212a}",
            "LOR\u{212a}",
            "SİR",
            "ΜR",
        ] {
            assert_eq!(
                title_of(w.as_bytes()).is_some(),
                word_in(TITLES, w),
                "{w:?}"
            );
            let lower = w.to_lowercase();
            let plain = TITLES.iter().copied().find(|t| *t == lower);
            assert_eq!(title_of(w.as_bytes()), plain, "{w:?}");
            assert_eq!(is_head_end(w), word_in(HEAD_ENDS, w), "{w:?}");
        }
        assert_eq!(
            (longest(TITLES), longest(HEAD_ENDS), longest(&[])),
            (4, 4, 0)
        );
        assert!(!same_word(&lex_word("État"), &lex_word("Etat")));
    }

    #[test]
    fn ascii_words_read_as_any() {
        let lex = lex();
        let words = [
            "",
            ".",
            "'s",
            "U.S.",
            "U.S.'s",
            "u.s.",
            "Russian",
            "RUSSIAN's",
            "Russian.",
            "(Kazakh),",
            "Kazakhstan's",
            "police",
            "Police's.",
            "law",
            "x-",
            "--",
            "the",
            "spokesman,",
            "...a...",
            "Moscow",
            "É.",
            "État’s",
            "O’Brien.",
        ];
        for w in words {
            assert_eq!(trim_end_stops(w), w.trim_end_matches('.'), "{w:?}");
            assert_eq!(lex_word_known(w, false), lex_word(w), "{w:?}");
            assert_eq!(
                word_country_known(&lex, w, false),
                word_country(&lex, w),
                "{w:?}"
            );
            if !w.is_ascii() {
                continue;
            }
            assert_eq!(lex_word_known(w, true), lex_word(w), "{w:?}");
            assert_eq!(
                word_country_known(&lex, w, true),
                word_country(&lex, w),
                "{w:?}"
            );
            assert_eq!(
                lex.longest_from_known(w, true),
                lex.longest_from(w),
                "{w:?}"
            );
            assert_eq!(lex.kind_known(w, true), lex.kind(w), "{w:?}");
            assert_eq!(
                lex.country_word_known(w, true),
                lex.country_word(w),
                "{w:?}"
            );
        }
        assert_eq!(word_country(&lex, "Russian's"), Some("Russia"));
        assert_eq!(lex.longest_from_known("LAW", true), lex.longest_from("law"));
        let (mut out, mut joined) = (Vec::new(), String::new());
        let words: Vec<Cow<str>> = ["a", "Police", "spokesman"].map(Cow::Borrowed).to_vec();
        matches(&lex, &words, true, &mut out, &mut joined);
        let ascii: Vec<_> = out.iter().map(|m| (m.start, m.len, m.entry.kind)).collect();
        matches(&lex, &words, false, &mut out, &mut joined);
        let any: Vec<_> = out.iter().map(|m| (m.start, m.len, m.entry.kind)).collect();
        assert_eq!(ascii, any);
        assert!(!ascii.is_empty());
    }

    #[test]
    fn word_helpers_agree_with_std() {
        // key_of as it was written over std's splitting and lower-casing.
        let reference = |name: &str| -> String {
            let words: Vec<String> = name
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !lexicon_alnum(c)).to_lowercase())
                .filter(|w| !w.is_empty())
                .collect();
            let mut start = 0;
            while words.len() - start > 1 && TITLES.contains(&words[start].as_str()) {
                start += 1;
            }
            words[start..].join(" ")
        };
        let names = [
            "",
            " ",
            "The Mr. Dr",
            "the, Mr",
            "MRS. Jane  Doe-Smith's ",
            "\u{b}Sir\u{b}John\t(Lord)\r\n",
            "“Dr.  Ünal ÖZ,”",
            "Dame ÉLISE\u{a0}Durand",
            "a an the",
            "-- -- x",
            "O’Brien’s mother",
            "Mr",
            "mr. -- x.",
            " (Ms) ",
            "DAME. Edna\u{c}Everage!",
            "the 3 Kings",
        ];
        // Names of words, titles, spaces and punctuation made up, against the reference:
        // short ones, and ones about 64 bytes long (read by masks up to 64 bytes, else a byte
        // at a time).
        let mut buf = String::new();
        let pieces = [
            "Mr", "the", "Jane", "x", "3", " ", "  ", "\t", ".", "-", "Misses", "A", "\u{b}",
            "\u{c}", "\r\n", "\u{1f}", "\0",
        ];
        let long = crate::lexicon::texts_of(&pieces, 2000, 90);
        let near_64 = long.into_iter().filter(|n| (40..90).contains(&n.len()));
        for name in crate::lexicon::texts_of(&pieces, 400, 24)
            .into_iter()
            .chain(near_64)
        {
            assert_eq!(
                &*shared_key(&Name::from(name.as_str()), &mut buf),
                reference(&name),
                "{name:?}"
            );
        }
        let mut buf = String::from("stale");
        for name in names {
            assert_eq!(key_of(name), reference(name), "{name:?}");
            assert_eq!(
                &*shared_key(&Name::from(name), &mut buf),
                reference(name),
                "{name:?}"
            );
            for w in name.split_whitespace().chain([name]) {
                for also in [&b""[..], b".", b".-"] {
                    let kept = |c: char| {
                        lexicon_alnum(c) || u8::try_from(c).is_ok_and(|c| also.contains(&c))
                    };
                    assert_eq!(
                        trim_to_alnum(w, also),
                        w.trim_matches(|c| !kept(c)),
                        "{w:?}"
                    );
                }
                assert_eq!(
                    capitalized(w),
                    w.chars().next().is_some_and(char::is_uppercase),
                    "{w:?}"
                );
            }
            let mut words = Vec::new();
            push_words(name, false, &mut words);
            assert_eq!(
                words,
                name.split_whitespace().collect::<Vec<_>>(),
                "{name:?}"
            );
        }
        for s in names.into_iter().chain([
            "\u{a0}x\u{a0}",
            " \u{a0} x \u{3000}",
            "\u{1c}x\u{1f}",
            "\u{85}",
            " é ",
            "\t\u{b}\u{c} ",
        ]) {
            assert_eq!(trim_space(s), s.trim(), "{s:?}");
        }
        // surname_of as it was written over std's splitting.
        let reference = |name: &str| -> Option<String> {
            let words: Vec<&str> = name.split_whitespace().collect();
            (!name.contains(',') && words.len() >= 2 && words.iter().all(|w| capitalized(w)))
                .then(|| trim_to_alnum(words[words.len() - 1], b"").to_lowercase())
        };
        for name in names.into_iter().chain([
            "Jane Doe",
            " Jane\u{b}DOE's\t",
            "Jane Doe, 23",
            "Jane, Doe",
            "Jane doe",
            "jane Doe",
            "J. R. R. Tolkien",
            "Jane (Doe)",
            "Jane --",
            "Doe",
            "Jane\u{a0}Doe",
            "Jane Doe\u{85}Smith",
        ]) {
            assert_eq!(surname_of(name), reference(name), "{name:?}");
        }
        assert_eq!(surname_of("Jane DOE’s"), Some("doe’s".to_string()));
        assert_eq!(surname_of("Ünal ÖZ"), Some("öz".to_string()));
    }

    #[test]
    fn recycled_buffers_keep_their_allocation() {
        let text = String::from("a b c");
        let mut v: Vec<&'static str> = Vec::with_capacity(8);
        v.push("x");
        let mut w: Vec<&str> = crate::recycle(v);
        assert!(w.is_empty() && w.capacity() == 8);
        let ptr = w.as_ptr();
        w.extend(text.split(' '));
        let v: Vec<&'static str> = crate::recycle(w);
        assert!(v.is_empty() && v.capacity() == 8 && v.as_ptr() == ptr);
        // Mentions read one after another with the same buffers are read as each alone.
        let lex = lex();
        let mut scratch = Scratch::default();
        let fresh = |m| describe_with(&lex, m, &mut Scratch::default());
        for mention in [
            "the mayor, Jane Doe",
            "Rashford, 23",
            ", 23,",
            "the Kazakh Deputy Minister of Health, Azhar Guiniyat",
            "Moscow",
            "a police spokesman",
            "company spokesman Bob Ferguson, Kazakh",
            "the President of Kazakhstan Kassym-Jomart Tokayev",
            "",
        ] {
            assert_eq!(
                describe_with(&lex, mention, &mut scratch),
                fresh(mention),
                "{mention:?}"
            );
        }
    }

    #[test]
    fn mentions_are_read_again_when_the_lexicon_changes() {
        let mut lex = lex();
        let mention = "the gendarme";
        let before = described(&lex, mention);
        assert_eq!(*before, (describe(&lex, mention), key_of(mention).into()));
        assert_eq!(before.0.kind, "unknown");
        assert!(std::rc::Rc::ptr_eq(&before, &described(&lex, mention)));
        assert_eq!(lex.clone().version(), lex.version());
        lex.extend_kinds("k.tsv", "gendarme\tpolice\n").unwrap();
        assert_eq!(described(&lex, mention).0.kind, "police");
        let mut s = Sources::default();
        let i = s.resolve(&lex, mention);
        assert_eq!(s.list[i].kind, "police");
        assert_eq!(s.resolve(&SourceLexicon::builtin(), "the gendarme"), i);
    }

    #[test]
    fn cleared_sources_resolve_as_new_ones() {
        let lex = lex();
        let mentions = [
            "the mayor, Jane Doe",
            "Doe",
            "the mayor",
            "the Interior Ministry",
        ];
        let mut used = Sources::default();
        for m in mentions.iter().rev() {
            used.resolve(&lex, m);
        }
        used.clear();
        let mut fresh = Sources::default();
        for m in mentions {
            assert_eq!(used.resolve(&lex, m), fresh.resolve(&lex, m), "{m}");
        }
        assert_eq!(used.list, fresh.list);
    }

    #[test]
    fn surnames_go_to_the_first_source_that_has_them() {
        // The surname table is filled only when a surname is looked up: the sources made
        // before and after a look-up keep the order they were made in.
        let lex = lex();
        let mut s = Sources::default();
        let jane = s.resolve(&lex, "Jane Doe");
        let mary = s.resolve(&lex, "Mary Smith");
        s.resolve(&lex, "John Doe");
        assert_eq!(s.resolve(&lex, "Doe"), jane);
        let roe = s.resolve(&lex, "Ann Roe");
        s.resolve(&lex, "Bill Smith");
        s.resolve(&lex, "Bill Roe");
        assert_eq!(s.resolve(&lex, "Roe"), roe);
        assert_eq!(s.resolve(&lex, "Smith"), mary);
        s.clear();
        let bill = s.resolve(&lex, "Bill Smith");
        assert_eq!(s.resolve(&lex, "Smith"), bill);
    }

    #[test]
    fn ministers_speak_for_ministries() {
        let lex = lex();
        let info = describe(&lex, "the Kazakh Deputy Minister of Health, Azhar Guiniyat");
        assert_eq!(info.parent.as_deref(), Some("Ministry of Health"));
        let info = describe(&lex, "the interior minister, Erlan Turgumbayev");
        assert_eq!(info.parent.as_deref(), Some("Interior Ministry"));
        let mut s = Sources::default();
        let i = s.resolve(&lex, "the Kazakh Deputy Minister of Health, Azhar Guiniyat");
        let p = s.list[i].parent.unwrap();
        assert_eq!(
            (&*s.list[p].name, s.list[p].kind),
            ("Ministry of Health", "ministry")
        );
        assert_eq!(s.list[p].country.as_deref(), Some("Kazakhstan"));
    }

    #[test]
    fn mentions_merge() {
        let lex = lex();
        let mut s = Sources::default();
        let a = s.resolve(&lex, "the mayor, Jane Doe");
        assert_eq!(s.resolve(&lex, "Doe"), a);
        assert_eq!(s.resolve(&lex, "Ms. Doe"), a);
        assert_eq!(s.resolve(&lex, "the mayor"), a);
        let m = s.resolve(&lex, "the Interior Ministry");
        assert_eq!(s.resolve(&lex, "the ministry"), m);
        let c = s.resolve(&lex, "the command of the security forces of Almaty");
        assert_eq!(s.resolve(&lex, "the command"), c);
        assert_eq!(&*s.list[a].name, "Jane Doe");
        assert_eq!(
            s.list[a].aliases,
            ["the mayor, Jane Doe", "Doe", "Ms. Doe", "the mayor"]
        );
        // A modifier names which one: every word of the description is in the antecedent.
        let m = s.resolve(&lex, "the Interior Ministry");
        assert_eq!(s.resolve(&lex, "the interior ministry"), m);
        assert_ne!(s.resolve(&lex, "The information ministry"), m);
        assert_ne!(s.resolve(&lex, "the health ministry"), m);
        for m in [
            "the",
            " The x",
            "\u{a0}the",
            "thee",
            "th",
            "",
            "a the",
            "théâtre",
        ] {
            let first = m.split_whitespace().next();
            assert!(
                starts_with_the(m) || !first.is_some_and(|w| w.eq_ignore_ascii_case("the")),
                "{m:?}"
            );
        }
        assert!(!starts_with_the("a the") && starts_with_the("\u{a0}THE"));
        for (s, word, holds) in [
            ("the Interior Ministry", "ministry", true),
            ("the Interior Ministry", "MINISTRY", true),
            ("the Interior Ministry", "the interior", true),
            ("the Interior Ministry", "ministries", false),
            ("x", "xx", false),
            ("Ministry's", "ministry", true),
            ("a@b", "`B", false),
            ("a`b", "`B", true),
            ("x[y", "{Y", false),
        ] {
            assert_eq!(
                holds_ignoring_case(s.as_bytes(), word),
                holds,
                "{s:?} {word:?}"
            );
        }
        // Made-up texts, against a window at a time.
        let pieces = [
            "Mi", "nis", "TRY", "try", "@", "`", " ", "[", "{", "'s", "m",
        ];
        for s in crate::lexicon::texts_of(&pieces, 300, 20) {
            for word in ["ministry", "Min", "m", "`", "@", "{s", "TRY'S", "try try"] {
                let plain = s
                    .as_bytes()
                    .windows(word.len())
                    .any(|x| x.eq_ignore_ascii_case(word.as_bytes()));
                assert_eq!(
                    holds_ignoring_case(s.as_bytes(), word),
                    plain,
                    "{s:?} {word:?}"
                );
            }
        }
        s.begin_document();
        let fresh = s.resolve(&lex, "the ministry");
        assert_ne!(
            fresh, m,
            "a description looks back only within its document"
        );
    }

    #[test]
    fn word_forms_as_apart() {
        // Possessives in both cases, stops, hyphens, curly apostrophes and letters that are
        // not ASCII, at either end or inside.
        let pieces = [
            "a", "S", "s", "Doe", "'", "'s", "'S", "’s", "’", ".", "-", "U.S", "\"", ",", "é", "É",
            "ß", "1", "(", ")", "Kazakh", "x",
        ];
        let lex = lex();
        for w in crate::lexicon::texts_of(&pieces, 4000, 12) {
            for ascii in [false, w.is_ascii()] {
                let (lexical, bare) = word_forms(&w, ascii);
                assert_eq!(lexical, lex_word_known(&w, ascii), "{w:?}");
                assert_eq!(bare, country_bare(&w, ascii), "{w:?}");
                assert_eq!(
                    bare_country(&lex, bare, ascii),
                    word_country_known(&lex, &w, ascii),
                    "{w:?}"
                );
            }
        }
    }
}
