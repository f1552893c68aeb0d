//! Quotations -> claims: each quotation's kind (direct or partial; titles of works dropped), its
//! speaker mention, cue and the name of the rule that attributed it.
//!
//! Rules look at the words right after the closing mark (`“…,” said X`, `“…,” X said`,
//! `“…” was defined by X`), then at the words of the sentence before the opening mark
//! (`X said: “…”`, `According to X, “…”`, `in what X called a “…”`), then at the neighbours
//! (the other half of a split quote, a quote paragraph continuing the previous speaker).
//! Every rule's name is listed in `docs/rules.md`.

use crate::lexicon::{CueClass, Cues};
use crate::quote::Quote;
use crate::segment;
use crate::span::Span;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What kind of claim a span of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClaimKind {
    /// A quotation that is a statement of its own.
    Direct,
    /// A quoted word or phrase inside the writer's sentence (or inside another quotation).
    Partial,
    /// Reported speech without quote marks.
    Indirect,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Partial => "partial",
            ClaimKind::Indirect => "indirect",
        }
    }
}

/// One attributed claim in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    /// The claim's text: a quotation's content without marks.
    pub content: Span,
    /// The mention the claim is attributed to, as written.
    pub speaker: Option<Span>,
    /// The attribution cue as written ("said", "according to", "was defined by").
    pub cue: Option<Span>,
    /// The rule that attributed it (see `docs/rules.md`).
    pub rule: &'static str,
    /// For a pronoun speaker: the earlier mention it stands for.
    pub antecedent: Option<Span>,
    /// The quotation this claim is, if it is one.
    pub quote: Option<Quote>,
}

/// A word or a punctuation sign inside a window of text.
#[derive(Debug, Clone, Copy)]
struct Tok<'t> {
    span: Span,
    s: &'t str,
    word: bool,
}

impl Tok<'_> {
    fn lower(&self) -> String {
        self.s.to_lowercase()
    }
    fn is(&self, w: &str) -> bool {
        self.s.eq_ignore_ascii_case(w)
    }
    fn punct(&self, c: char) -> bool {
        !self.word && self.s.starts_with(c)
    }
    fn capitalized(&self) -> bool {
        self.word && self.s.chars().next().is_some_and(char::is_uppercase)
    }
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your", "some", "one", "two", "several", "many", "another",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we", "you"];
/// Words that end a speaker mention read forwards from a cue ("said X, who ...").
const FORWARD_STOP: &[&str] = &[
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
];
/// Words that end a speaker mention read backwards from a cue ("... that X said").
const BACKWARD_STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "because", "but", "so", "if", "as",
    "than", "after", "before", "since", "until", "where", "and", "or", "is", "was", "are", "were",
    "be", "been", "being", "what", "how", "why", "whether", "although", "though", "to", "not",
    "do", "does", "did", "can", "could", "should", "may", "might", "must", "also",
];
/// Words that may stand between a speaker and the cue ("X also said", "X has said").
const BETWEEN: &[&str] = &[
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
];
const DAYS_MONTHS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "last",
];
/// Nouns of time that end a leading time phrase before a subject.
const TIME_NOUNS: &[&str] = &[
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
];
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "after", "before", "during", "from", "with", "since", "speaking", "for",
    "by", "under", "over", "amid", "of", "into", "through", "about", "outside", "inside",
];
/// Nouns for works whose titles are quoted ("the film “…”"): such quotes are not claims.
static WORK_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::lexicon::data_lines(include_str!("../data/work_nouns.txt"))
        .map(|(_, l)| l.trim())
        .collect()
});

fn in_list(list: &[&str], t: &Tok) -> bool {
    t.word && list.iter().any(|w| t.is(w))
}

/// Splits `text[window]` into words and single punctuation signs.
fn tokens(text: &str, window: Span) -> Vec<Tok<'_>> {
    let s = &text[window];
    let mut out = Vec::new();
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
            if s[end..].starts_with('.') {
                let w = &s[i..end];
                let single_cap = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
                if single_cap
                    || w.contains('.')
                    || is_title_abbreviation(w)
                    || segment::is_abbreviation(w)
                {
                    it.next();
                    end += 1;
                }
            }
            out.push(Tok {
                span: Span::new(window.start + i, window.start + end),
                s: &s[i..end],
                word: true,
            });
        } else {
            let end = i + c.len_utf8();
            out.push(Tok {
                span: Span::new(window.start + i, window.start + end),
                s: &s[i..end],
                word: false,
            });
        }
    }
    out
}

fn is_title_abbreviation(w: &str) -> bool {
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
struct CueAt {
    len: usize,
    class: CueClass,
}

fn cue_at(cues: &Cues, toks: &[Tok], i: usize) -> Option<CueAt> {
    let t = toks.get(i)?;
    if !t.word {
        return None;
    }
    // "the calls of", "a report": a noun after a determiner, not a verb.
    let noun = i > 0
        && in_list(
            &[
                "the", "a", "an", "his", "her", "their", "its", "our", "this", "these", "those",
            ],
            &toks[i - 1],
        );
    if noun {
        return None;
    }
    let lower = t.lower();
    for multi in cues.multiword(&lower) {
        let parts: Vec<&str> = multi.split(' ').collect();
        let ok = parts
            .iter()
            .enumerate()
            .all(|(k, p)| toks.get(i + k).is_some_and(|t| t.word && t.is(p)));
        if ok {
            let class = cues.get(multi).map_or(CueClass::Speech, |c| c.class);
            return Some(CueAt {
                len: parts.len(),
                class,
            });
        }
    }
    cues.get(&lower).map(|c| CueAt {
        len: 1,
        class: c.class,
    })
}

fn join(toks: &[Tok]) -> Option<Span> {
    Some(Span::new(toks.first()?.span.start, toks.last()?.span.end))
}

/// A speaker mention read forwards from `from`: "a spokesman for law enforcement",
/// "Smith, the mayor of Almaty". `None` when no mention starts there.
fn forward_np(cues: &Cues, toks: &[Tok], from: usize) -> Option<Span> {
    let mut end = from;
    let mut words = 0;
    let mut i = from;
    let mut appositions = 0;
    while i < toks.len() && words < 14 {
        let t = &toks[i];
        if t.word {
            // "a taxi driver in Aktau", "an official at NATO": a place or body by name.
            let locative = in_list(&["in", "at", "from"], t)
                && toks.get(i + 1).is_some_and(|n| {
                    n.capitalized() && !in_list(DAYS_MONTHS, n) && !in_list(DETERMINERS, n)
                });
            if in_list(FORWARD_STOP, t) && i > from && !locative {
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
                    && !in_list(FORWARD_STOP, n)
                    && !in_list(DAYS_MONTHS, n)
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
                if in_list(FORWARD_STOP, &toks[k]) || cue_at(cues, toks, k).is_some() {
                    clean = false;
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

fn trim_np<'a, 't>(mut np: &'a [Tok<'t>]) -> &'a [Tok<'t>] {
    while let Some(last) = np.last() {
        if !last.word || in_list(&["themselves", "himself", "herself", "itself"], last) {
            np = &np[..np.len() - 1];
        } else {
            break;
        }
    }
    np
}

/// A speaker mention read backwards from the cue at `cue` (tokens `lo..cue`): "the Kazakh
/// police", "Smith, the mayor,". `None` when nothing mention-like stands there.
fn backward_np(toks: &[Tok], lo: usize, cue: usize) -> Option<Span> {
    let mut j = cue;
    while j > lo && in_list(BETWEEN, &toks[j - 1]) {
        j -= 1;
    }
    while j > lo && toks[j - 1].word && toks[j - 1].s.ends_with("ly") && !toks[j - 1].capitalized()
    {
        j -= 1;
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
                return join(trim_np(&toks[name_start..end]));
            }
        }
        return None;
    }
    let start = chunk_start(toks, lo, j);
    let mut np = &toks[start..j];
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
    while np.len() > 1 && (in_list(PREPOSITIONS, &np[0]) || in_list(DAYS_MONTHS, &np[0])) {
        np = &np[1..];
        while np.len() > 1
            && !in_list(DETERMINERS, &np[0])
            && !np[0].capitalized()
            && !in_list(PRONOUNS, &np[0])
        {
            np = &np[1..];
        }
        if np.len() > 1 && in_list(DAYS_MONTHS, &np[0]) {
            np = &np[1..];
        }
    }
    let np = trim_np(np);
    if np.is_empty() || (np.len() == 1 && in_list(DETERMINERS, &np[0])) {
        return None;
    }
    join(np)
}

/// Start of the run of mention words ending at `end` (exclusive), at most 10 words back.
fn chunk_start(toks: &[Tok], lo: usize, end: usize) -> usize {
    let mut i = end;
    while i > lo && end - i < 10 {
        let t = &toks[i - 1];
        let possessive = (t.s == "'" || t.s == "’") && i >= 2 && toks[i - 2].word;
        if possessive {
            i -= 1;
            continue;
        }
        if !t.word || in_list(BACKWARD_STOP, t) || CUE_WORDS.iter().any(|w| t.is(w)) {
            break;
        }
        i -= 1;
    }
    i
}

/// Speech cue forms that also end a mention read backwards.
const CUE_WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "asked",
    "according",
];

/// The result of one rule.
struct Found {
    speaker: Option<Span>,
    cue: Option<Span>,
    rule: &'static str,
    /// The rule itself says the quotation is embedded in the writer's sentence.
    partial: bool,
}

/// Rules on the words after the closing mark.
fn after_rules(cues: &Cues, toks: &[Tok]) -> Option<Found> {
    let mut i = 0;
    let mut dashed = false;
    while i < toks.len() && (toks[i].punct(',') || is_dash(&toks[i])) {
        dashed |= is_dash(&toks[i]);
        i += 1;
    }
    let first = toks.get(i)?;
    // “…” ― Jane Doe  (a byline under a quotation)
    if dashed && first.capitalized() && cue_at(cues, toks, i).is_none() {
        if let Some(speaker) = forward_np(cues, toks, i) {
            let rest = toks.iter().find(|t| t.span.start >= speaker.end);
            let ends = rest.is_none_or(|t| t.punct('.') || t.punct('\n') || is_quote_tok(t));
            if ends {
                return Some(Found {
                    speaker: Some(speaker),
                    cue: join(&toks[i - 1..i]),
                    rule: "quote_dash_speaker",
                    partial: false,
                });
            }
        }
    }
    // “…,” according to X
    if first.is("according") && toks.get(i + 1).is_some_and(|t| t.is("to")) {
        let speaker = forward_np(cues, toks, i + 2)?;
        return Some(Found {
            speaker: Some(strip_by(toks, speaker)),
            cue: join(&toks[i..i + 2]),
            rule: "quote_according_to",
            partial: false,
        });
    }
    // “…” was defined by X
    if in_list(&["was", "were", "is", "are", "has", "had", "have"], first) {
        let mut k = i + 1;
        if toks.get(k).is_some_and(|t| t.is("been")) {
            k += 1;
        }
        if let Some(c) = cue_at(cues, toks, k) {
            if toks.get(k + c.len).is_some_and(|t| t.is("by")) {
                let speaker = forward_np(cues, toks, k + c.len + 1)?;
                return Some(Found {
                    speaker: Some(speaker),
                    cue: join(&toks[i..k + c.len + 1]),
                    rule: "quote_passive_by",
                    partial: true,
                });
            }
        }
        return None;
    }
    // “…,” said X
    if let Some(c) = cue_at(cues, toks, i) {
        if c.class == CueClass::Speech && !addressee_follows(&toks[i]) {
            if let Some(speaker) = forward_np(cues, toks, i + c.len) {
                return Some(Found {
                    speaker: Some(speaker),
                    cue: join(&toks[i..i + c.len]),
                    rule: "quote_cue_speaker",
                    partial: false,
                });
            }
        }
        return None;
    }
    // “…,” the official quoted X as saying
    if let Some(k) = (i..toks.len().min(i + 12)).find(|&k| toks[k].is("quoted")) {
        if let Some(speaker) = forward_np(cues, toks, k + 1) {
            let after: Vec<&Tok> = toks
                .iter()
                .filter(|t| t.span.start >= speaker.end)
                .take(2)
                .collect();
            if after.len() == 2
                && after[0].is("as")
                && cue_at(
                    cues,
                    toks,
                    toks.iter()
                        .position(|t| t.span == after[1].span)
                        .unwrap_or(0),
                )
                .is_some()
            {
                return Some(Found {
                    speaker: Some(speaker),
                    cue: Some(Span::new(toks[k].span.start, after[1].span.end)),
                    rule: "quoted_as_saying",
                    partial: false,
                });
            }
        }
    }
    // “…,” X said
    let limit = toks.len().min(i + 40);
    for k in i + 1..limit {
        let t = &toks[k];
        if !t.word && !t.punct(',') && t.s != "'" && t.s != "’" {
            return None;
        }
        if let Some(c) = cue_at(cues, toks, k) {
            if c.class != CueClass::Speech {
                return None;
            }
            // "He went on to endorse ...": a verb of its own, not an attribution.
            if toks.get(k + c.len).is_some_and(|t| t.is("to")) {
                return None;
            }
            let speaker = backward_np(toks, i, k)?;
            // The mention must start right after the quote.
            if speaker.start != toks[i].span.start {
                return None;
            }
            return Some(Found {
                speaker: Some(speaker),
                cue: join(&toks[k..k + c.len]),
                rule: "quote_speaker_cue",
                partial: false,
            });
        }
    }
    None
}

/// A mention after "according to" or "by": "the information", "the Deputy Minister of Health,
/// Azhar Guiniyat"; through "the latest numbers released by X" to X.
fn agent_np(cues: &Cues, toks: &[Tok], from: usize) -> Option<Span> {
    let np = forward_np(cues, toks, from)?;
    let next = toks.iter().position(|t| t.span.start >= np.end);
    if let Some(k) = next {
        let by = toks[k].is("by") || toks[k].is("from");
        let participle = toks[k - 1].s.ends_with("ed") || toks[k - 1].s.ends_with("en");
        if by && participle && k > from {
            return agent_np(cues, toks, k + 1).or(Some(np));
        }
    }
    Some(np)
}

/// "requested by President X to “…”": the named agent just before a partial quote.
fn by_agent(cues: &Cues, toks: &[Tok]) -> Option<Found> {
    let n = toks.len();
    let by = (0..n).rev().take(16).find(|&k| toks[k].is("by"))?;
    let np = forward_np(cues, toks, by + 1)?;
    let named = toks
        .iter()
        .filter(|t| np.contains(t.span))
        .any(|t| t.capitalized() && !in_list(DETERMINERS, t));
    let gap = toks.iter().filter(|t| t.span.start >= np.end).count();
    (named && gap <= 3).then(|| Found {
        speaker: Some(np),
        cue: join(&toks[by..by + 1]),
        rule: "by_agent_quote",
        partial: true,
    })
}

fn is_dash(t: &Tok) -> bool {
    !t.word && matches!(t.s, "—" | "–" | "―" | "-" | "‒")
}

fn is_quote_tok(t: &Tok) -> bool {
    !t.word && t.s.chars().next().is_some_and(crate::quote::is_quote_char)
}

/// "told", "telling": the words after the cue name the hearer, not the speaker.
fn addressee_follows(t: &Tok) -> bool {
    ["tell", "tells", "told", "telling"].iter().any(|w| t.is(w))
}

/// The subject of the sentence, for a participle cue ("X did Y, telling reporters: “…”"):
/// its first run of capitalized words after any opening adverbial, with a possessive's noun.
fn sentence_subject(toks: &[Tok], end: usize) -> Option<Span> {
    let mut i = 0;
    while i < end {
        let t = &toks[i];
        let skip = !t.capitalized()
            || in_list(PREPOSITIONS, t)
            || in_list(DAYS_MONTHS, t)
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
fn strip_by(toks: &[Tok], np: Span) -> Span {
    let inside: Vec<&Tok> = toks.iter().filter(|t| np.contains(t.span)).collect();
    for (k, t) in inside.iter().enumerate().rev() {
        if (t.is("by") || t.is("from")) && k + 1 < inside.len() {
            return Span::new(inside[k + 1].span.start, np.end);
        }
    }
    np
}

/// Rules on the words of the sentence before the opening mark.
fn before_rules(cues: &Cues, toks: &[Tok]) -> Option<Found> {
    let n = toks.len();
    if n == 0 {
        return None;
    }
    // According to X, “…”
    for i in (0..n.saturating_sub(1)).rev() {
        if toks[i].is("according") && toks[i + 1].is("to") {
            let np = agent_np(cues, toks, i + 2)?;
            let trailing: Vec<&Tok> = toks.iter().filter(|t| t.span.start >= np.end).collect();
            let direct = trailing.iter().all(|t| !t.word) && !trailing.is_empty();
            return Some(Found {
                speaker: Some(np),
                cue: join(&toks[i..i + 2]),
                rule: "according_to_quote",
                partial: !direct,
            });
        }
    }
    // Jane Doe: “…”  (a name and a colon, no verb: headlines, interview transcripts)
    if n >= 2 && toks[n - 1].punct(':') {
        let start = colon_speaker_start(toks, n - 1);
        if let Some(start) = start {
            let mut np = &toks[start..n - 1];
            // "Stated Stone:"
            if np.len() > 1 && cue_at(cues, np, 0).is_some() {
                np = &np[1..];
            }
            if np.len() <= 6 && !in_list(PRONOUNS, &np[0]) {
                return Some(Found {
                    speaker: join(np),
                    cue: join(&toks[n - 1..n]),
                    rule: "speaker_colon_quote",
                    partial: false,
                });
            }
        }
    }
    // The last cue of the sentence before the quote.
    let found = last_cue_rule(cues, toks);
    found.or_else(|| by_agent(cues, toks))
}

fn last_cue_rule(cues: &Cues, toks: &[Tok]) -> Option<Found> {
    let n = toks.len();
    let mut k = n;
    while k > 0 {
        k -= 1;
        let Some(c) = cue_at(cues, toks, k) else {
            continue;
        };
        let rest = &toks[k + c.len..];
        let what_before = k >= 2 && toks[k - 2].is("what") || k >= 1 && toks[k - 1].is("what");
        let colon = rest.last().is_some_and(|t| t.punct(':'));
        if c.class == CueClass::Naming && rest.iter().filter(|t| t.word).count() > 4 && !colon {
            continue; // "was defined by Moscow – requested by X to “…”": not this quote's cue
        }
        if c.class == CueClass::Naming {
            // in what X called a “…” / X called it a “…” / “…” as X described it
            let speaker = if k >= 1 && toks[k - 1].is("what") {
                None
            } else {
                backward_np(toks, 0, k)
            };
            let rule = if what_before {
                "in_what_x_called"
            } else {
                "x_called_it"
            };
            // "He described the scene: “…”" introduces a statement of its own.
            return Some(Found {
                speaker,
                cue: join(&toks[k..k + c.len]),
                rule,
                partial: !colon,
            });
        }
        // X said: “…” / X told reporters on Tuesday, “…” / X said that “…”
        let that = rest.first().is_some_and(|t| t.is("that"));
        let ends_open = rest
            .last()
            .is_some_and(|t| t.punct(':') || t.punct(',') || t.punct('—') || t.punct('–'));
        let short = rest.iter().filter(|t| t.word).count() <= 7;
        let participle = toks[k].s.ends_with("ing");
        let mut speaker = if participle {
            backward_np(toks, 0, k).filter(|_| !toks[..k].iter().any(|t| t.punct(',')))
        } else {
            backward_np(toks, 0, k)
        };
        if speaker.is_none() && participle {
            speaker = sentence_subject(toks, k);
        }
        if speaker.is_none() && !that && !addressee_follows(&toks[k]) {
            speaker = forward_np(cues, toks, k + c.len);
        }
        speaker?;
        let direct = (ends_open || rest.is_empty()) && short && !that;
        return Some(Found {
            speaker,
            cue: join(&toks[k..k + c.len]),
            rule: if direct {
                "speaker_cue_quote"
            } else {
                "cue_in_sentence"
            },
            partial: !direct,
        });
    }
    None
}

/// Where the name before a colon starts: after a dash, a period or the window's start, with
/// only capitalized words (and "of", "and", initials) in between.
fn colon_speaker_start(toks: &[Tok], colon: usize) -> Option<usize> {
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

fn is_title_of_work(text: &str, q: &Quote, before: &[Tok]) -> bool {
    let content = text[q.content].trim_end_matches([',', '.']);
    if content.ends_with(['!', '?', ':', ';']) {
        return false;
    }
    let words: Vec<&str> = content.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    let title_case =
        caps * 2 > words.len() && words[0].chars().next().is_some_and(char::is_uppercase);
    let work_noun = before
        .iter()
        .rev()
        .take(3)
        .any(|t| t.word && WORK_NOUNS.contains(t.lower().as_str()));
    title_case && work_noun
}

/// Attributes every quotation of one document. `paragraphs` are the document's paragraphs,
/// `quotes` its quotations (from [`crate::quote::find_quotes`]).
pub fn attribute_quotes(
    text: &str,
    paragraphs: &[Span],
    quotes: &[Quote],
    cues: &Cues,
) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::new();
    let para_of = |at: usize| {
        paragraphs
            .partition_point(|p| p.end <= at)
            .min(paragraphs.len() - 1)
    };
    let mut sentence_cache: Vec<Option<Vec<Span>>> = vec![None; paragraphs.len()];
    let mut prev_close: Option<(usize, usize)> = None; // (paragraph, offset) of the last top-level close
    let top: Vec<&Quote> = quotes.iter().filter(|q| q.depth == 0).collect();
    for (qi, q) in top.iter().enumerate() {
        let pi = para_of(q.open.start);
        let para = paragraphs[pi];
        let sents = sentence_cache[pi].get_or_insert_with(|| segment::sentences(text, para));
        let sent_start = sents
            .iter()
            .rev()
            .find(|s| s.start <= q.open.start)
            .map_or(para.start, |s| s.start);
        let mut b_start = sent_start;
        if let Some((pp, at)) = prev_close {
            if pp == pi && at > b_start && at <= q.open.start {
                b_start = at;
            }
        }
        let before = tokens(text, Span::new(b_start, q.open.start));
        let outer = q.outer();
        let close_para = paragraphs[para_of(outer.end.saturating_sub(1).max(q.open.start))];
        let next_open = top
            .get(qi + 1)
            .map_or(close_para.end, |n| n.open.start.min(close_para.end))
            .max(outer.end);
        let after = tokens(text, Span::new(outer.end, next_open));
        prev_close = Some((para_of(outer.end.saturating_sub(1)), outer.end));
        if is_title_of_work(text, q, &before) {
            continue;
        }
        let mut found = after_rules(cues, &after).or_else(|| before_rules(cues, &before));
        // A quotation opening its paragraph after one that ends "X said:".
        if found.is_none() && before.is_empty() && q.open.start == para.start && pi > 0 {
            let prev = paragraphs[pi - 1];
            if text[prev].ends_with(':') {
                let sents = segment::sentences(text, prev);
                let last = sents.last().copied().unwrap_or(prev);
                found = before_rules(cues, &tokens(text, last)).map(|f| Found {
                    rule: "cue_ends_previous_paragraph",
                    partial: false,
                    ..f
                });
            }
        }
        let content = &text[q.content];
        let start_open = before.is_empty()
            || before.last().is_some_and(|t| t.punct(':'))
            || before.iter().all(|t| !t.word);
        // The writer's sentence goes on after the quote: “…” every time he ...
        let short_inline = !content.ends_with(['.', ',', '!', '?', '…', ':', ';', '—', '–'])
            && after
                .first()
                .is_some_and(|t| t.word && !t.capitalized() && cue_at(cues, &after, 0).is_none());
        let (kind, speaker, cue, rule) = match &found {
            Some(f) => {
                let partial = f.partial
                    || (!start_open
                        && f.rule.starts_with("quote_")
                        && !before_is_clause_end(&before))
                    || (short_inline && !f.rule.starts_with("quote_"));
                (
                    if partial {
                        ClaimKind::Partial
                    } else {
                        ClaimKind::Direct
                    },
                    f.speaker,
                    f.cue,
                    f.rule,
                )
            }
            None => {
                let kind = if start_open && !short_inline {
                    ClaimKind::Direct
                } else {
                    ClaimKind::Partial
                };
                (kind, None, None, "unattributed")
            }
        };
        claims.push(Claim {
            kind,
            content: q.content,
            speaker,
            cue,
            rule,
            antecedent: None,
            quote: Some(**q),
        });
    }
    share_speakers(text, paragraphs, &mut claims);
    // Quotations inside quotations: part of what the outer speaker says.
    for q in quotes.iter().filter(|q| q.depth > 0) {
        claims.push(Claim {
            kind: ClaimKind::Partial,
            content: q.content,
            speaker: None,
            cue: None,
            rule: "nested_quote",
            antecedent: None,
            quote: Some(*q),
        });
    }
    claims.sort_by_key(|c| (c.content.start, c.content.end));
    resolve_pronouns(text, paragraphs, cues, &mut claims);
    claims
}

/// True when the words before the quote end a clause of their own (", " after a cue, ":").
fn before_is_clause_end(before: &[Tok]) -> bool {
    before.last().is_some_and(|t| t.punct(':') || t.punct(','))
}

/// Quotations with no cue of their own take a neighbour's speaker: the next quotation of the
/// same paragraph when it is attributed after its close (“A.” “B,” she said.), else the last
/// attributed quotation when this one opens its paragraph or follows it in the same one.
fn share_speakers(text: &str, paragraphs: &[Span], claims: &mut [Claim]) {
    let para_of = |at: usize| paragraphs.partition_point(|p| p.end <= at);
    for i in 0..claims.len() {
        if claims[i].rule != "unattributed" {
            continue;
        }
        if claims[i].kind == ClaimKind::Partial {
            // “a” ... “b”: a partial quote in the same sentence as an attributed one.
            let pi = para_of(claims[i].content.start);
            let sents = segment::sentences(text, paragraphs[pi]);
            let sent = sents.iter().find(|s| s.contains(claims[i].content));
            let prev = claims[..i]
                .iter()
                .rev()
                .find(|c| c.speaker.is_some())
                .cloned();
            if let (Some(sent), Some(prev)) = (sent, prev) {
                if sent.contains(prev.content) {
                    claims[i].speaker = prev.speaker;
                    claims[i].cue = prev.cue;
                    claims[i].antecedent = prev.antecedent;
                    claims[i].rule = "same_sentence_speaker";
                }
            }
            continue;
        }
        let pi = para_of(claims[i].content.start);
        if let Some(next) = claims.get(i + 1).cloned() {
            if next.speaker.is_some()
                && para_of(next.content.start) == pi
                && next.rule.starts_with("quote_")
            {
                claims[i].speaker = next.speaker;
                claims[i].cue = next.cue;
                claims[i].rule = "shares_next_quote";
                continue;
            }
        }
        let Some(prev) = claims[..i]
            .iter()
            .rev()
            .find(|c| c.speaker.is_some())
            .cloned()
        else {
            continue;
        };
        let prev_para = para_of(prev.content.start);
        let prev_end_para = para_of(
            prev.quote
                .map_or(prev.content.end, |q| q.outer().end)
                .saturating_sub(1),
        );
        let opens_para = claims[i]
            .quote
            .is_some_and(|q| q.open.start == paragraphs[pi].start);
        if prev_para == pi || (opens_para && pi <= prev_end_para + 1) {
            claims[i].speaker = prev.speaker;
            claims[i].cue = prev.cue;
            claims[i].antecedent = prev.antecedent;
            claims[i].rule = if prev_para == pi {
                "same_paragraph_speaker"
            } else {
                "continues_previous_speaker"
            };
        }
    }
}

/// Pronoun speakers ("he", "she", "they") stand for the nearest earlier speaker that is not a
/// pronoun.
fn resolve_pronouns(text: &str, paragraphs: &[Span], cues: &Cues, claims: &mut [Claim]) {
    let mut last_named: Option<Span> = None;
    for c in claims.iter_mut() {
        let Some(sp) = c.speaker else { continue };
        let word = text[sp].to_lowercase();
        if PRONOUNS.contains(&word.as_str()) {
            if c.antecedent.is_none() {
                let near = subject_before(text, paragraphs, cues, sp);
                let named = last_named.filter(|s| s.start < sp.start);
                c.antecedent = match (near, named) {
                    (Some(a), Some(b)) => Some(if a.start > b.start { a } else { b }),
                    (a, b) => a.or(b),
                };
            }
        } else if sp.end <= c.content.start || c.rule != "continues_previous_speaker" {
            last_named = Some(sp);
        }
    }
}

/// The nearest "X said" subject before `at` in its sentence and the one before it: the
/// antecedent of a pronoun in "The police said they had fired ... in what they called ...".
fn subject_before(text: &str, paragraphs: &[Span], cues: &Cues, at: Span) -> Option<Span> {
    let pi = paragraphs.partition_point(|p| p.end <= at.start);
    let para = *paragraphs.get(pi)?;
    let sents = segment::sentences(text, para);
    let si = sents.iter().position(|s| s.end >= at.end)?;
    let from = sents[si.saturating_sub(1)].start;
    let toks = tokens(text, Span::new(from, at.start));
    let mut best = None;
    for k in 0..toks.len() {
        if let Some(c) = cue_at(cues, &toks, k) {
            if c.class != CueClass::Speech {
                continue;
            }
            if let Some(np) = backward_np(&toks, 0, k) {
                let w = text[np].to_lowercase();
                if !PRONOUNS.contains(&w.as_str()) {
                    best = Some(np);
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::CUES;
    use crate::quote::find_quotes;
    use crate::segment::paragraphs;

    fn run(text: &str) -> Vec<(String, &'static str, Option<String>, &'static str)> {
        let paras = paragraphs(text, 0);
        let quotes = find_quotes(text, &paras);
        attribute_quotes(text, &paras, &quotes, &CUES)
            .into_iter()
            .map(|c| {
                (
                    text[c.content].to_string(),
                    c.kind.as_str(),
                    c.speaker.map(|s| text[s].to_string()),
                    c.rule,
                )
            })
            .collect()
    }

    fn speaker_of(text: &str) -> Option<String> {
        run(text).into_iter().next().and_then(|c| c.2)
    }

    #[test]
    fn attribution_patterns() {
        let cases: &[(&str, &str)] = &[
            ("“We will stay,” said a spokesman for law enforcement, quoted by news agencies.", "a spokesman for law enforcement"),
            ("“We will stay,” the mayor said.", "the mayor"),
            ("“We will stay,” Mayor Jane Doe told reporters on Tuesday.", "Mayor Jane Doe"),
            ("“We will stay,” she added.", "she"),
            ("The minister said: “We will stay.”", "The minister"),
            ("The minister told reporters: “We will stay.”", "The minister"),
            ("According to the Deputy Minister of Health, Azhar Guiniyat, “there were many.”", "the Deputy Minister of Health, Azhar Guiniyat"),
            ("According to the latest numbers released by the Deputy Minister, Azhar Guiniyat, “there were many.”", "the Deputy Minister, Azhar Guiniyat"),
            ("An operation – “peacekeeping force” was defined by Moscow – began.", "Moscow"),
            ("The police said they fired in what they called an “anti-terrorism operation”.", "they"),
            ("The senator called it a “disgrace” on Monday.", "The senator"),
            ("“It is over,” Smith, the party chairman, said.", "Smith, the party chairman"),
            ("“It is over,” said Smith, the party chairman.", "Smith, the party chairman"),
            ("“It is over,” said John Smith, who chairs the party.", "John Smith"),
        ];
        for (input, want) in cases {
            assert_eq!(speaker_of(input).as_deref(), Some(*want), "input {input:?}");
        }
    }

    #[test]
    fn kinds() {
        let r = run("The police spoke of an “anti-terrorism operation” in the city.");
        assert_eq!(r[0].1, "partial");
        let r = run("“We will stay,” the mayor said.");
        assert_eq!(r[0].1, "direct");
        let r = run("He read the book “War and Peace” twice.");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn split_quote_and_continuation() {
        let r = run(
            "“First half,” the mayor said, “and second half.”\n\n“A new paragraph.”\n\nThe end.",
        );
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].2.as_deref(), Some("the mayor"));
        assert_eq!(r[1].3, "speaker_cue_quote");
        assert_eq!(r[2].2.as_deref(), Some("the mayor"));
        assert_eq!(r[2].3, "continues_previous_speaker");
    }
}
