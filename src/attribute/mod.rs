//! Quotations -> claims: each quotation's kind (direct or partial; titles of works dropped), its
//! speaker mention, cue and the name of the rule that attributed it.
//!
//! Rules look at the words right after the closing mark (`“…,” said X`, `“…,” X said`,
//! `“…” was defined by X`), then at the words of the sentence before the opening mark
//! (`X said: “…”`, `According to X, “…”`, `in what X called a “…”`), then at the neighbours
//! (the other half of a split quote, a quote paragraph continuing the previous speaker).
//! Every rule's name is listed in `docs/rules.md`.

mod mention;
mod relay;
mod reported;

use crate::bytescan::ByteSet;
use crate::lexicon::{Bits, CueClass, Cues, TextWords, WordHeads, WordSet};
use crate::quote::Quote;
use crate::segment::Sentences;
use crate::span::Span;
/// Whether a word is a personal pronoun ("he", "They"): for the report's speaker names too.
pub(crate) use mention::is_pronoun;
use mention::*;
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
    /// Every kind, in the order of the report's documentation.
    pub const ALL: [ClaimKind; 3] = [ClaimKind::Direct, ClaimKind::Partial, ClaimKind::Indirect];

    pub const fn as_str(self) -> &'static str {
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
    /// For a pronoun or a short description ("he", "the command"): the earlier, fuller
    /// mention it stands for.
    pub antecedent: Option<Span>,
    /// The relays between the source and the reader, nearest to the source first
    /// ("quoted by news agencies", "Khabar-24, which cites the command").
    pub via: Vec<Span>,
    /// The quotation this claim is, if it is one.
    pub quote: Option<Quote>,
}

/// Nouns for works whose titles are quoted ("the film “…”"): such quotes are not claims.
static WORK_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_data(include_str!("../../data/work_nouns.txt")));

/// The result of one rule.
struct Found {
    speaker: Option<Span>,
    cue: Option<Span>,
    rule: &'static str,
    /// The rule itself says the quotation is embedded in the writer's sentence.
    partial: bool,
}

/// "CLAUSE, police believe.", "CLAUSE, new fundraising reports show.": the words after a
/// clause's comma as a mention and a thought cue, the mention starting right after the comma.
/// For reported speech only ([`after_rules`] leaves thought cues: they never attribute a
/// quotation); *know* is left out ("everybody you know").
fn after_thought(cues: &Cues, toks: &[Tok]) -> Option<Found> {
    let i = toks.iter().position(|t| !t.punct(','))?;
    let (k, c) = (i + 1..toks.len().min(i + 10)).find_map(|k| Some((k, cue_at(cues, toks, k)?)))?;
    let know = ["know", "knows", "knew"].iter().any(|w| toks[k].is(w));
    if c.class != CueClass::Thought || know || toks[k].s.ends_with("ing") {
        return None;
    }
    // Nothing but a time may follow ("new government data showed Friday"), and the mention
    // holds no verb of its own ("..., suddenly placed security fears at center stage").
    let timed = |t: &Tok| !t.word || is_time_word(t);
    // ("They should be very, very worried.": no mention.)
    let verb = |t: &Tok| {
        is_past_form(t) || is_adverb(t) || is_finite(t) || in_list(&["very", "so", "too"], t)
    };
    if !toks[k + c.len..].iter().all(timed) || toks[i..k].iter().any(verb) {
        return None;
    }
    let speaker = backward_np(toks, i, k).filter(|s| s.start == toks[i].span.start)?;
    Some(Found {
        speaker: Some(speaker),
        cue: join(&toks[k..k + c.len]),
        rule: "quote_speaker_cue",
        partial: false,
    })
}

/// The token after "quoted" at `k` where its "as" stands: right after it, or after its "by
/// Y" ("was quoted by Interfax as saying").
fn quoted_as_at(cues: &Cues, toks: &[Tok], k: usize) -> Option<usize> {
    let mut a = k + 1;
    if toks.get(a).is_some_and(|t| t.is("by")) {
        a = first_at(toks, forward_np(cues, toks, a + 1)?.end)?;
    }
    toks.get(a).is_some_and(|t| t.is("as")).then_some(a)
}

/// “…,” X was quoted (by Y) as saying (by Y), "quoted" at `k`: the mention X, starting at
/// `i`, right after the quotation, is the speaker.
fn passive_quoted(cues: &Cues, toks: &[Tok], i: usize, k: usize) -> Option<Found> {
    let aux = passive_aux(toks, k).filter(|&a| a > i)?;
    let speaker = backward_np(toks, i, aux).filter(|s| s.start == toks[i].span.start)?;
    // "X was quoted (by Y) as saying", else "X was quoted (by Y)" alone.
    let as_saying =
        quoted_as_at(cues, toks, k).and_then(|a| Some(a + cue_at(cues, toks, a + 1)?.len));
    let (end, rule) = match as_saying {
        Some(last) => (last, "passive_quoted_as_saying"),
        None => (k, "passive_quoted"),
    };
    Some(Found {
        speaker: Some(speaker),
        cue: Some(Span::new(toks[aux].span.start, toks[end].span.end)),
        rule,
        partial: false,
    })
}

/// Rules on the words after the closing mark. `open_comma`: the quotation opens its
/// sentence and ends with a comma (“…,” X ...), so the words after it up to a cue can only
/// be its attribution; long mentions and phrases of the writer's are then read there too.
fn after_rules(cues: &Cues, toks: &[Tok], open_comma: bool) -> Option<Found> {
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
    // “…” was defined by X / “…”, as defined by X
    if in_list(
        &["was", "were", "is", "are", "has", "had", "have", "as"],
        first,
    ) {
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
        if !first.is("as") {
            return None;
        }
    }
    // “…,” said X  (not “…,” noting that B: a participle goes on with the sentence's
    // subject and never inverts)
    if let Some(c) = cue_at(cues, toks, i) {
        if c.class == CueClass::Speech && !addressee_follows(&toks[i]) && !first.s.ends_with("ing")
        {
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
    if let Some(k) = (i..toks.len().min(i + 12)).find(|&k| toks[k].is("quoted")) {
        // “…,” X was quoted (by Y) as saying (by Y): X speaks; Y, the relay, is read with
        // the other relays (`relay::find_relays`).
        if let Some(found) = passive_quoted(cues, toks, i, k) {
            return Some(found);
        }
        // “…,” the official quoted X as saying
        if let Some(speaker) = forward_np(cues, toks, k + 1) {
            // "quoted Ms. Simonyan, the editor in chief, as saying": the rest of an
            // apposition may stand before "as".
            let e = toks.partition_point(|t| t.span.start < speaker.end);
            let as_at = (e..toks.len().min(e + 6))
                .take_while(|&n| toks[n].word || toks[n].punct(','))
                .find(|&n| toks[n].is("as"));
            if let Some(a) = as_at.filter(|&a| cue_at(cues, toks, a + 1).is_some()) {
                return Some(Found {
                    speaker: Some(speaker),
                    cue: Some(Span::new(toks[k].span.start, toks[a + 1].span.end)),
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
        // Words, commas, apostrophes and a party tag's parentheses ("Jordan (R-Ohio) said",
        // "(D-Mo.)").
        let tag = t.punct('(')
            || t.punct(')')
            || t.punct('.')
                && toks
                    .get(k + 1)
                    .is_some_and(|n| n.punct(')') || n.punct(','));
        if !t.word && !t.punct(',') && !tag && !is_name_sign(t) {
            return None;
        }
        if let Some(c) = cue_at(cues, toks, k) {
            if c.class != CueClass::Speech {
                return None;
            }
            // "He went on to endorse ...": a verb of its own, not an attribution.
            if infinitive_at(toks, k + c.len) {
                // ... unless the writer's own clause runs on to an attribution: “…,” and
                // donations began to pick up, Gilbert said.
                if in_list(&["and", "but", "as", "while"], &toks[i]) {
                    continue;
                }
                return None;
            }
            // The mention must start right after the quote; a run of words there is one
            // even with words that would end it elsewhere ("people close to the talks").
            let speaker = backward_np(toks, i, k)
                .filter(|s| s.start == toks[i].span.start)
                .or_else(|| {
                    let mut j = k;
                    while j > i && in_list(BETWEEN, &toks[j - 1]) {
                        j -= 1;
                    }
                    let run = &toks[i..j];
                    // Not the writer's clause going on: “…,” and donations began ...
                    let plain = run.iter().all(|t| t.word)
                        && run.len() <= 8
                        && !run.first().is_some_and(|t| in_list(BACKWARD_STOP, t));
                    let clause = run.iter().any(|t| {
                        in_list(
                            &["is", "was", "are", "were", "that", "which", "who", "be"],
                            t,
                        )
                    });
                    (plain && !clause && !run.is_empty() && run.len() <= 6)
                        .then(|| join(run))
                        .flatten()
                })
                .or_else(|| open_comma.then(|| apposed_mention(toks, i, k)).flatten());
            // “…,” despite the swings in stocks, said Richard Curtis: a phrase of the
            // writer's, then the cue and its speaker.
            if speaker.is_none()
                && open_comma
                && k > i
                && toks[k - 1].punct(',')
                && !toks[k].s.ends_with("ing")
            {
                let named = forward_np(cues, toks, k + c.len).filter(|s| {
                    let first = toks.iter().find(|t| t.span.start == s.start);
                    first.is_some_and(|t| t.capitalized() || in_list(DETERMINERS, t))
                });
                if let Some(speaker) = named {
                    return Some(Found {
                        speaker: Some(speaker),
                        cue: join(&toks[k..k + c.len]),
                        rule: "quote_cue_speaker",
                        partial: false,
                    });
                }
            }
            // No mention before this cue: a later one may have it ("“…,” and donations
            // began last week, Gilbert said").
            let last = || {
                open_comma
                    .then(|| last_segment_mention(toks, i, k))
                    .flatten()
            };
            let Some(speaker) = speaker.or_else(last) else {
                continue;
            };
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

/// “…,” and donations began to pick up, Gilbert said: after a phrase of the writer's, the
/// mention between the last comma and the cue (`k`), when it is a plain one.
fn last_segment_mention(toks: &[Tok], i: usize, k: usize) -> Option<Span> {
    let mut j = k;
    while j > i && in_list(BETWEEN, &toks[j - 1]) {
        j -= 1;
    }
    let comma = (i..j).rev().find(|&n| toks[n].punct(','))?;
    let start = comma + 1;
    if start >= j || j - start > 6 || chunk_start(toks, start, j) != start {
        return None;
    }
    let first = &toks[start];
    let opens = first.capitalized() || in_list(DETERMINERS, first) || in_list(PRONOUNS, first);
    if !opens || in_list(PREPOSITIONS, first) {
        return None;
    }
    join(trim_np(&toks[start..j]))
}

/// The subject of a sentence and its verb, read from the sentence's start up to a partial
/// quote: after an opening adverbial ("In October,"), a pronoun or a name (capitalized words,
/// with titles and an apposition), adverbs or auxiliaries, then a cue or a verb in -ed or -s.
/// Not a possessive ("Trump's plan") nor a form of *be* ("He was “disgusted”": the writer's
/// description, in someone else's words).
fn subject_verb(cues: &Cues, toks: &[Tok]) -> Option<Found> {
    let mut i = 0;
    let opener = toks.first().is_some_and(|t| {
        in_list(PREPOSITIONS, t) || is_time_word(t) || t.s.ends_with("ly") || t.is("but")
    });
    if opener {
        if let Some(c) = toks.iter().take(10).position(|t| t.punct(',')) {
            i = c + 1;
        }
    }
    if toks.get(i).is_some_and(|t| t.is("but") || t.is("and")) {
        i += 1;
    }
    let first = toks.get(i)?;
    if !(first.capitalized() || in_list(PRONOUNS, first)) || first.is("it") || first.is("you") {
        return None;
    }
    // Past the name's words and an apposition between commas.
    let mut k = i + 1;
    while toks
        .get(k)
        .is_some_and(|t| t.capitalized() || t.punct('(') || t.punct(')'))
    {
        k += 1;
    }
    if toks.get(k).is_some_and(|t| t.punct(',')) {
        k = (k + 1..toks.len().min(k + 14)).find(|&c| toks[c].punct(','))? + 1;
    }
    let verb = (k..toks.len().min(k + 4)).find(|&k| {
        let t = &toks[k];
        !(in_list(BETWEEN, t) || t.word && t.s.ends_with("ly") && t.s.len() > 4)
    })?;
    if !toks[verb].word || toks[verb].capitalized() {
        return None;
    }
    let v = &toks[verb];
    let cue = cue_at(cues, toks, verb);
    let verb_like = cue.is_some()
        || (v.s.len() > 3 && (v.s.ends_with("ed") || v.s.ends_with('s') && !v.s.ends_with("ss")));
    const BE: &[&str] = &[
        "is", "was", "are", "were", "be", "been", "has", "had", "have", "does",
    ];
    if !verb_like || in_list(BE, v) {
        return None;
    }
    let speaker = backward_np(toks, i, verb)?;
    // The name itself: the mention up to an apposition's comma.
    let np: Vec<&Tok> = toks
        .iter()
        .filter(|t| speaker.contains(t.span))
        .take_while(|t| !t.punct(','))
        .collect();
    let named = np.len() == 1 && in_list(PRONOUNS, np[0])
        || np
            .iter()
            .filter(|t| t.word)
            .take(4)
            .all(|t| t.capitalized())
            && !np[0].is("the")
            && !np[0].is("a");
    let possessive = np
        .iter()
        .any(|t| t.s.ends_with("'s") || t.s.ends_with("’s") || t.s == "'" || t.s == "’");
    if speaker.start != toks[i].span.start || !named || possessive {
        return None;
    }
    let len = cue.map_or(1, |c| c.len);
    Some(Found {
        speaker: Some(speaker),
        cue: join(&toks[verb..verb + len]),
        rule: "subject_verb_partial",
        partial: true,
    })
}

/// “…,” Toomey fumed on Tuesday. A quotation that ends in a comma, "!" or "?" and is followed
/// by a short mention and one past-tense verb the lexicon lacks, then the sentence's end or a
/// preposition: the verb sits in the cue's slot, so the mention speaks.
fn speaker_unknown_verb(cues: &Cues, toks: &[Tok]) -> Option<Found> {
    let v = (1..toks.len().min(6)).find(|&k| is_past_form(&toks[k]))?;
    let verb = &toks[v];
    if cue_at(cues, toks, v).is_some() || in_list(BETWEEN, verb) {
        return None;
    }
    let ends = toks.get(v + 1).is_none_or(|t| {
        t.punct('.') || t.punct(',') || t.punct('\n') || in_list(PREPOSITIONS, t) || t.is("to")
    });
    let run = &toks[..v];
    let pronoun = run.len() == 1 && in_list(PRONOUNS, &run[0]);
    let name = run.len() <= 4 && run.iter().all(|t| t.capitalized());
    let described = (2..=4).contains(&run.len())
        && run[0].is("the")
        && run[1..]
            .iter()
            .all(|t| t.word && !t.capitalized() && !in_list(BETWEEN, t));
    if !ends || !(pronoun || name || described) {
        return None;
    }
    Some(Found {
        speaker: join(run),
        cue: join(&toks[v..=v]),
        rule: "quote_speaker_verb",
        partial: false,
    })
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
        } else if !participle {
            speaker = speaker.map(|s| named_subject(toks, k, s));
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

fn is_title_of_work(text: &str, q: &Quote, before: &[Tok]) -> bool {
    // A noun of a work among the last words before the quote, tested first: most quotes have
    // none, and their words are then not read.
    let work_noun = before
        .iter()
        .rev()
        .take(3)
        .any(|t| t.word && WORK_NOUNS.contains(t.s));
    if !work_noun {
        return false;
    }
    let content = text[q.content].trim_end_matches([',', '.']);
    if content.ends_with(['!', '?', ':', ';']) {
        return false;
    }
    // At most 12 words: a 13th says no.
    let words: Vec<&str> = content.split_whitespace().take(13).collect();
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
    caps * 2 > words.len() && words[0].chars().next().is_some_and(char::is_uppercase)
}

/// Whether quoted words are a name: at most six words, every word of four letters or more
/// capitalized, and no sentence punctuation inside.
fn is_quoted_name(content: &str) -> bool {
    let content = content.trim_end_matches([',', '.']);
    if content.contains(['!', '?', ':', ';', ',', '.']) {
        return false;
    }
    // The words read one by one, not collected (a vector for each of 789 quotations on dev1:
    // 0.8 M instructions). At most six words: a seventh says no.
    let mut n = 0;
    for w in content.split_whitespace() {
        n += 1;
        let first = w.chars().next();
        let capital = first.is_some_and(|c| c.is_uppercase() || c.is_numeric());
        if n > 6
            || n == 1 && !first.is_some_and(char::is_uppercase)
            || !capital && w.chars().count() >= 4
        {
            return false;
        }
    }
    n > 0
}

/// A sentence that ends with a speaker and a speech cue, nothing after ("Bystrom agreed.",
/// "..., digital consultant Phil Musser says."): the speaker of the quotation that follows.
/// `toks`: a buffer for the sentence's words, read through `known` (the sentence is often
/// the window after the quotation before).
fn cue_ends_sentence<'t>(
    cues: &Cues,
    text: &'t str,
    sentence: Span,
    known: &Known<'t>,
    toks: &mut Vec<Tok<'t>>,
) -> Option<Found> {
    // Most sentences end with no cue: their last words tell, and only when they end with
    // one is the whole sentence read. The last word is a cue there as in the sentence when
    // the word before it is read too (a cue after an article is a noun).
    let tail = tail_of(text, sentence, 40);
    if tail.start > sentence.start {
        known.tokens_into(text, tail, toks);
        if last_word(toks).is_some_and(|k| k > 0 && speech_cue_at(cues, toks, k).is_none()) {
            return None;
        }
    }
    known.tokens_into(text, sentence, toks);
    let k = last_word(toks)?;
    speech_cue_at(cues, toks, k)?;
    let speaker = backward_np(toks, 0, k)?;
    Some(Found {
        speaker: Some(speaker),
        cue: Some(toks[k].span),
        rule: "cue_ends_previous_sentence",
        partial: false,
    })
}

/// The index of the last word of `toks`.
fn last_word(toks: &[Tok]) -> Option<usize> {
    toks.iter().rposition(|t| t.word)
}

/// The one-word speech cue at `toks[k]`, if one stands there.
fn speech_cue_at(cues: &Cues, toks: &[Tok], k: usize) -> Option<CueAt> {
    cue_at(cues, toks, k).filter(|c| c.class == CueClass::Speech && c.len == 1)
}

/// The colon of a speaker's label in [`label_in_quote`].
const COLON: ByteSet<1> = ByteSet::of([b':']);

/// Where the first ": " of `b` starts, as `str::find(": ")` has it. Most quotations and
/// paragraphs have no colon in their first words: it is looked for sixteen bytes at a time
/// ([`ByteSet::first_in`]), where a string search for ": " took 0.72 M instructions on dev1
/// (1,522 quotations). Also reported speech's, for a paragraph opening with a name and a colon.
fn colon_space(b: &[u8]) -> Option<usize> {
    let mut from = 0;
    loop {
        let c = COLON.first_in(b, from)?;
        if b.get(c + 1) == Some(&b' ') {
            return Some(c);
        }
        from = c + 1;
    }
}

/// A quotation opening with a speaker's label in capitals and a colon, as transcripts quote
/// their turns (“PENCE: Well, look ...”, “MR. O'NEILL: By the way ...”): one to four words,
/// each in capitals, not a label such as *NOTE* or *UPDATE*.
fn label_in_quote(text: &str, content: Span) -> Option<Found> {
    let head = &text[content];
    let colon = colon_space(&head.as_bytes()[..head.floor_char_boundary(48)])?;
    let toks = tokens(text, Span::new(content.start, content.start + colon));
    let words: Vec<&Tok> = toks.iter().filter(|t| t.word).collect();
    let caps =
        |t: &Tok| t.s.chars().any(char::is_alphabetic) && !t.s.chars().any(char::is_lowercase);
    let ok = (1..=4).contains(&words.len())
        && toks.iter().all(|t| t.word && caps(t) || t.punct('.'))
        && words
            .iter()
            .any(|t| t.s.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        && !is_colon_label(words[0]);
    ok.then(|| Found {
        speaker: join(&toks),
        cue: Some(Span::new(content.start + colon, content.start + colon + 1)),
        rule: "speaker_label_in_quote",
        partial: false,
    })
}

/// Attributes every quotation of one document. `paragraphs` are the document's paragraphs,
/// `quotes` its quotations (from [`crate::quote::find_quotes`]).
pub fn attribute_quotes(
    text: &str,
    paragraphs: &[Span],
    quotes: &[Quote],
    cues: &Cues,
) -> Vec<Claim> {
    let sentences = Sentences::new(text, paragraphs);
    attribute_quotes_with(text, paragraphs, &sentences, quotes, cues)
}

/// The buffers of [`Known`]: its tokens and pieces.
type KnownBuffers = (Vec<Tok<'static>>, Vec<(Span, usize, usize)>);

thread_local! {
    /// The buffers of [`attribute_quotes_in`]'s words before and after the quotations
    /// ([`Known`]), and of its other windows, kept empty between documents: made anew for
    /// each document, they grew window by window (reallocations of all buffers for dev1
    /// 5,377 -> 4,328: Ir -1.25 M). The other windows' words (the sentence before a
    /// quotation, a pronoun's sentences) had a new vector each: 2,800 allocations on dev1.
    static QUOTE_WORDS: std::cell::Cell<(KnownBuffers, Vec<Tok<'static>>)> =
        const { std::cell::Cell::new(((Vec::new(), Vec::new()), Vec::new())) };
}

/// [`attribute_quotes`] with the paragraphs' sentences already split.
pub fn attribute_quotes_with(
    text: &str,
    paragraphs: &[Span],
    sentences: &Sentences,
    quotes: &[Quote],
    cues: &Cues,
) -> Vec<Claim> {
    let mut words = TextWords::default();
    words.scan(text, sentences.all(), &WordHeads::of(&pre_test_heads(cues)));
    attribute_quotes_in(text, paragraphs, sentences, quotes, cues, &words)
}

/// The heads of the words reported speech's sentence pre-test looks up (`cues`' and its
/// trigger words), for [`WordHeads::of`].
pub(crate) fn pre_test_heads(cues: &Cues) -> [(&Bits<1024>, usize); 2] {
    [
        cues.pre_test_heads(),
        reported::TRIGGER_WORDS.pre_test_heads(),
    ]
}

/// [`attribute_quotes_with`] with the document's words kept for the sentence pre-test
/// ([`TextWords::scan`] of `text`, with [`pre_test_heads`] among them).
pub(crate) fn attribute_quotes_in(
    text: &str,
    paragraphs: &[Span],
    sentences: &Sentences,
    quotes: &[Quote],
    cues: &Cues,
    words: &TextWords,
) -> Vec<Claim> {
    // (Sized up front, the quotations' vectors here: grown from empty they took 2,430
    // reallocations on dev1, 1.7 M instructions.)
    let mut claims: Vec<Claim> = Vec::with_capacity(quotes.len());
    let para_of = |at: usize| {
        paragraphs
            .partition_point(|p| p.end <= at)
            .min(paragraphs.len() - 1)
    };
    let mut prev_close: Option<(usize, usize)> = None; // (paragraph, offset) of the last top-level close
    let mut top: Vec<&Quote> = Vec::with_capacity(quotes.len());
    top.extend(quotes.iter().filter(|q| q.depth == 0));
    // Per claim pushed: the sentence's subject, for a partial quote left without a speaker.
    let mut subjects: Vec<Option<Found>> = Vec::with_capacity(top.len());
    // The words before and after each quotation, all in one buffer kept for reported
    // speech (and by the thread from one document to the next), and the window of the words
    // after the last one with where they are.
    let ((toks, pieces), other) = QUOTE_WORDS.take();
    let mut known = Known::new(toks, pieces);
    let mut other: Vec<Tok> = crate::recycle(other);
    let mut after_window: Option<(Span, std::ops::Range<usize>)> = None;
    for (qi, q) in top.iter().enumerate() {
        let pi = para_of(q.open.start);
        let para = paragraphs[pi];
        let sents = sentences.of(pi);
        // The last sentence starting at or before the quote (sentences are in order).
        let at = sents.partition_point(|s| s.start <= q.open.start);
        let sent_start = at.checked_sub(1).map_or(para.start, |k| sents[k].start);
        let mut b_start = sent_start;
        if let Some((pp, at)) = prev_close {
            if pp == pi && at > b_start && at <= q.open.start {
                b_start = at;
            }
        }
        let before_window = Span::new(b_start, q.open.start);
        // The words before a quotation are often the words after the previous one (the
        // same window, or its end from a sentence's start): taken from them, not read again.
        let before_at = after_window
            .and_then(|(w, r)| {
                Some(r.start + tokens_from(&known.toks[r.clone()], w, before_window)?..r.end)
            })
            .unwrap_or_else(|| known.read(text, before_window));
        let outer = q.outer();
        let close_para = paragraphs[para_of(outer.end.saturating_sub(1).max(q.open.start))];
        let next_open = top
            .get(qi + 1)
            .map_or(close_para.end, |n| n.open.start.min(close_para.end))
            .max(outer.end);
        let window = Span::new(outer.end, next_open);
        let after_at = known.read(text, window);
        after_window = Some((window, after_at.clone()));
        let (before, after) = (&known.toks[before_at], &known.toks[after_at]);
        prev_close = Some((para_of(outer.end.saturating_sub(1)), outer.end));
        if is_title_of_work(text, q, before) {
            continue;
        }
        let content = &text[q.content];
        let start_open = before.is_empty()
            || before.last().is_some_and(|t| t.punct(':'))
            || before.iter().all(|t| !t.word);
        let mut found = after_rules(cues, after, start_open && content.ends_with(','))
            .or_else(|| before_rules(cues, before))
            .or_else(|| {
                content
                    .ends_with([',', '!', '?'])
                    .then(|| speaker_unknown_verb(cues, after))
                    .flatten()
            });
        // A quotation opening its paragraph after one that ends "X said:".
        if found.is_none() && before.is_empty() && q.open.start == para.start && pi > 0 {
            let prev = paragraphs[pi - 1];
            if text[prev].ends_with(':') {
                let sents = sentences.of(pi - 1);
                let last = sents.last().copied().unwrap_or(prev);
                found = before_rules(cues, &tokens(text, last)).map(|f| Found {
                    rule: "cue_ends_previous_paragraph",
                    partial: false,
                    ..f
                });
            }
        }
        // A quotation opening its sentence after one that ends with its speaker and a cue:
        // "Iowa State University's Dianne Bystrom agreed. “…”", "Or maybe Jeb Bush, digital
        // consultant Phil Musser says. “…”".
        if found.is_none() && before.is_empty() && at >= 2 && q.open.start == sents[at - 1].start {
            found = cue_ends_sentence(cues, text, sents[at - 2], &known, &mut other);
        }
        // “WALLACE: If I may, sir ...”: a transcript turn inside the marks names its speaker.
        if found.is_none() {
            found = label_in_quote(text, q.content);
        }
        // The writer's sentence goes on after the quote: “…” every time he ...
        let short_inline = !content.ends_with(['.', ',', '!', '?', '…', ':', ';', '—', '–'])
            && after
                .first()
                .is_some_and(|t| t.word && !t.capitalized() && cue_at(cues, after, 0).is_none());
        // A name in quote marks with no speaker, inside the writer's sentence: a title, a
        // programme or a slogan (“Star Wars”, “Good Morning America”), not a claim.
        if found.is_none() && !start_open && is_quoted_name(content) {
            continue;
        }
        let (kind, speaker, cue, rule) = match &found {
            Some(f) => {
                let partial = f.partial
                    || (!start_open
                        && f.rule.starts_with("quote_")
                        && !before_is_clause_end(before))
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
        // The subject and its verb open the sentence: only its first words are read, so a
        // sentence of many quotations is not re-read for each (linear time).
        let subject_end = text
            .ceil_char_boundary(sent_start + SUBJECT_WINDOW)
            .min(q.open.start);
        // The window is often the words before the quotation, already read.
        let mut subject = |window: Span| {
            if window == before_window {
                subject_verb(cues, before)
            } else {
                known.tokens_into(text, window, &mut other);
                subject_verb(cues, &other)
            }
        };
        subjects.push(
            (kind == ClaimKind::Partial && speaker.is_none())
                .then(|| subject(Span::new(sent_start, subject_end)))
                .flatten(),
        );
        claims.push(Claim {
            kind,
            content: q.content,
            speaker,
            cue,
            rule,
            antecedent: None,
            via: Vec::new(),
            quote: Some(**q),
        });
    }
    share_speakers(paragraphs, sentences, &mut claims);
    // Quotations inside quotations are part of what the outer speaker says: they stay in
    // the outer claim's text and are not claims of their own.
    let indirect = reported::reported_speech(text, sentences, cues, &claims, &known, words);
    // A partial quote inside reported speech is the same speaker's: "X said the plan was a
    // “disgrace”". So it is when both read the same cue, the report's mention being the
    // better read ("McConnell, who in 2010 said ... a “one-term president”": not "2010").
    // The reports are looked up by where they start (the nearest few before the quote), so a
    // long paragraph of reports and quotes stays linear.
    let mut by_start: Vec<&Claim> = indirect.iter().collect();
    by_start.sort_by_key(|r| r.content.start);
    for c in claims.iter_mut().filter(|c| c.kind == ClaimKind::Partial) {
        let same_cue = |r: &&&Claim| {
            c.speaker.is_none() || r.cue.is_some() && r.cue == c.cue && r.speaker != c.speaker
        };
        let before = by_start.partition_point(|r| r.content.start <= c.content.start);
        if let Some(r) = by_start[..before]
            .iter()
            .rev()
            .take(8)
            .filter(same_cue)
            .find(|r| r.content.contains(c.content))
        {
            c.speaker = r.speaker;
            c.cue = r.cue;
            c.rule = "inside_reported_speech";
        }
    }
    // The last resort for a partial quote: the subject of its sentence, when a name or a
    // pronoun acting through a verb ("Mr. Bush praised his brother's “deep faith”").
    for (c, f) in claims.iter_mut().zip(subjects) {
        if let Some(f) = f.filter(|_| c.speaker.is_none()) {
            c.speaker = f.speaker;
            c.cue = f.cue;
            c.rule = f.rule;
        }
    }
    claims.extend(indirect);
    claims.sort_by_key(|c| (c.content.start, c.content.end));
    resolve_pronouns(
        text,
        paragraphs,
        sentences,
        cues,
        &mut claims,
        (&known, &mut other),
    );
    relay::find_relays(text, paragraphs, sentences, cues, &mut claims);
    let (toks, pieces) = known.into_buffers();
    QUOTE_WORDS.set((
        (crate::recycle(toks), crate::recycle(pieces)),
        crate::recycle(other),
    ));
    claims
}

/// True when the words before the quote end a clause of their own (", " after a cue, ":").
fn before_is_clause_end(before: &[Tok]) -> bool {
    before.last().is_some_and(|t| t.punct(':') || t.punct(','))
}

/// Quotations with no cue of their own take a neighbour's speaker: the next quotation of the
/// same paragraph when it is attributed after its close (“A.” “B,” she said.), else the last
/// attributed quotation when this one opens its paragraph or follows it in the same one.
fn share_speakers(paragraphs: &[Span], sentences: &Sentences, claims: &mut [Claim]) {
    let para_of = |at: usize| paragraphs.partition_point(|p| p.end <= at);
    // The latest claim with a speaker before `i`, kept as the loop goes (no backward scan),
    // linear in claims whatever the paragraph.
    let mut last_spoken: Option<usize> = None;
    for i in 0..claims.len() {
        if i > 0 && claims[i - 1].speaker.is_some() {
            last_spoken = Some(i - 1);
        }
        if claims[i].rule != "unattributed" {
            continue;
        }
        if claims[i].kind == ClaimKind::Partial {
            // “a” ... “b”: a partial quote in the same sentence as an attributed one.
            let pi = para_of(claims[i].content.start);
            let sents = sentences.of(pi);
            let at = sents.partition_point(|s| s.end < claims[i].content.end);
            let sent = sents.get(at).filter(|s| s.contains(claims[i].content));
            let prev = last_spoken.map(|k| claims[k].clone());
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
        let Some(prev) = last_spoken.map(|k| claims[k].clone()) else {
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
/// `words`: the words read before ([`Known`]) and a buffer for the words of the windows read
/// for a subject.
fn resolve_pronouns<'t>(
    text: &'t str,
    paragraphs: &[Span],
    sentences: &Sentences,
    cues: &Cues,
    claims: &mut [Claim],
    words: (&Known<'t>, &mut Vec<Tok<'t>>),
) {
    let (known, toks) = words;
    let mut last_named: Option<Span> = None;
    let quoted = Covering::new(claims.iter().map(|c| c.content).collect());
    // The last pronoun looked up and the subject before it: claims sharing a speaker come
    // together, and their sentence is read once.
    let mut last_near: Option<(Span, Option<Span>)> = None;
    for c in claims.iter_mut() {
        let Some(sp) = c.speaker else { continue };
        let word = &text[sp];
        if word.eq_ignore_ascii_case("who") {
            // "listeners who said ...", "Perez, who said ...": the mention before it.
            if c.antecedent.is_none() {
                c.antecedent = relative_antecedent(text, sentences, paragraphs, sp);
            }
        } else if is_pronoun(word) {
            if c.antecedent.is_none() {
                let near = match last_near {
                    Some((at, near)) if at == sp => near,
                    _ => subject_before(
                        text,
                        paragraphs,
                        sentences,
                        cues,
                        &quoted,
                        sp,
                        (known, &mut *toks),
                    ),
                };
                last_near = Some((sp, near));
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

/// Spans, answering "does one of them contain this span?" in logarithmic time.
struct Covering {
    /// Sorted by start.
    spans: Vec<Span>,
    /// The furthest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl Covering {
    fn new(mut spans: Vec<Span>) -> Covering {
        spans.sort_by_key(|s| (s.start, s.end));
        let mut far = 0;
        let reach = spans
            .iter()
            .map(|s| {
                far = far.max(s.end);
                far
            })
            .collect();
        Covering { spans, reach }
    }

    fn contains(&self, x: Span) -> bool {
        // Among the spans starting at or before x, the furthest end must reach x's end.
        let n = self.spans.partition_point(|s| s.start <= x.start);
        n > 0 && self.reach[n - 1] >= x.end
    }
}

/// How far back, in bytes, a pronoun's subject is looked for: a sentence or two of news.
const SUBJECT_WINDOW: usize = 1200;

/// The start of the text read back from `end` for a subject: `start`, or [`SUBJECT_WINDOW`]
/// bytes before `end` when that is later (on a character boundary).
fn window_start(text: &str, start: usize, end: usize) -> usize {
    text.ceil_char_boundary(start.max(end.saturating_sub(SUBJECT_WINDOW)))
}

/// The mention a relative pronoun stands for: the words before it in its sentence, read
/// backwards as a speaker mention ("Labor Secretary Thomas Perez, who said").
fn relative_antecedent(
    text: &str,
    sentences: &Sentences,
    paragraphs: &[Span],
    who: Span,
) -> Option<Span> {
    let pi = paragraphs.partition_point(|p| p.end <= who.start);
    paragraphs.get(pi)?;
    let sents = sentences.of(pi);
    let sent = *sents.get(sents.partition_point(|s| s.end <= who.start))?;
    let from = window_start(text, sent.start, who.start);
    let mut toks = tokens(text, Span::new(from, who.start));
    if toks.last().is_some_and(|t| t.punct(',')) {
        toks.pop();
    }
    let np = backward_np(&toks, 0, toks.len())?;
    let first = toks.iter().find(|t| t.span.start >= np.start)?;
    (first.word && !in_list(PRONOUNS, first)).then_some(np)
}

/// The nearest "X said" subject before `at` in its sentence and the one before it: the
/// antecedent of a pronoun in "The police said they had fired ... in what they called ...".
/// `words`: as [`resolve_pronouns`]'.
fn subject_before<'t>(
    text: &'t str,
    paragraphs: &[Span],
    sentences: &Sentences,
    cues: &Cues,
    quoted: &Covering,
    at: Span,
    words: (&Known<'t>, &mut Vec<Tok<'t>>),
) -> Option<Span> {
    let (known, toks) = words;
    let pi = paragraphs.partition_point(|p| p.end <= at.start);
    paragraphs.get(pi)?;
    let sents = sentences.of(pi);
    let si = sents.partition_point(|s| s.end < at.end);
    sents.get(si)?;
    // Bounded, so a pronoun deep in a huge sentence does not re-read all of it.
    let from = window_start(text, sents[si.saturating_sub(1)].start, at.start);
    known.tokens_into(text, Span::new(from, at.start), toks);
    let toks = &toks[..];
    // The last cue with a mention is the nearest subject: read from the end, the first found.
    (0..toks.len()).rev().find_map(|k| {
        let c = cue_at(cues, toks, k)?;
        // A cue inside a quotation is the quoted speaker's word.
        if quoted.contains(toks[k].span) || c.class != CueClass::Speech {
            return None;
        }
        backward_np(toks, 0, k).filter(|&np| !is_pronoun(&text[np]))
    })
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

    /// The speaker of the first quotation (reported speech left aside).
    fn speaker_of(text: &str) -> Option<String> {
        run(text)
            .into_iter()
            .find(|c| c.1 != "indirect")
            .and_then(|c| c.2)
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
            // "to" and a noun phrase after the cue is not an infinitive ("went on to endorse").
            ("“We will build a wall!” he said to an enormous cheer.", "he"),
            ("“We won,” Smith said to supporters.", "Smith"),
            // A verb the lexicon lacks, in the slot of the cue: the name before it speaks.
            ("“None of that has support,” Toomey fumed on Tuesday.", "Toomey"),
            ("“It was a long night,” Senator Jane Doe groaned.", "Senator Jane Doe"),
            // A party and state tag between the name and the cue.
            ("“It is an opportunity,” Rep. Emanuel Cleaver II (D-Mo.) said.", "Rep. Emanuel Cleaver II"),
            ("“It is an opportunity,” Jordan (R-Ohio), an oversight panel member, said.", "Jordan (R-Ohio), an oversight panel member"),
            // Mentions of several appositions, ages, abbreviations and symbols, read from the
            // close of the quote to the cue.
            ("“It is a land grab,” Jane Roe, the attorney general of Ohio, one of the states suing, said.", "Jane Roe, the attorney general of Ohio, one of the states suing"),
            ("“I do not trust her,” Mary Poe, 67, a retired nurse in Allentown, Pa., said.", "Mary Poe, 67, a retired nurse in Allentown, Pa."),
            ("“Banks will be hit,” Ann Lee, an analyst at Smith & Co., wrote in a note.", "Ann Lee, an analyst at Smith & Co."),
            ("“Workers care about pay,” Fight for $15 organizer Ken Falls told a radio station.", "Fight for $15 organizer Ken Falls"),
            ("“China is worried,” the Vermont senator and Democratic presidential candidate told ABC.", "the Vermont senator and Democratic presidential candidate"),
            ("“We warned them,” Dr. Ann Lee, who runs the clinic, said.", "Dr. Ann Lee"),
            // A phrase of the writer's between the quote and the attribution.
            ("“There is stability now,” and donations began to pick up last week, Gilbert said.", "Gilbert"),
            ("“He would make the name known,” as his father had dreamed, Mr. Turry said.", "Mr. Turry"),
            ("“Consumers are resilient,” despite the recent swings in stocks, said Richard Curtis, an economist.", "Richard Curtis, an economist"),
            ("“We have no idea why,” the news site quoted Ms. Simonyan, the editor in chief, as saying.", "Ms. Simonyan, the editor in chief"),
            // A name and its appositions opening the sentence, before the cue.
            ("Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to put coal companies out of business,” at the time.", "Clinton"),
            // The sentence before ends with the speaker and a cue.
            ("Iowa State's Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”", "Iowa State's Dianne Bystrom"),
            ("Or maybe Jeb Bush, consultant Phil Musser says. “Several surveys suggest a second look.”", "consultant Phil Musser"),
            // A transcript's turn inside the marks.
            ("Partial transcript:\n\n“WALLACE: Do you see those two as equivalent?”", "WALLACE"),
            ("“MR. O'NEILL: By the way, we did appreciate it.”", "MR. O'NEILL"),
            // The label is read within the first 48 bytes, wherever a character ends.
            ("“PENCE: éééééééééééééééééééééééééééééé.”", "PENCE"),
        ];
        for (input, want) in cases {
            assert_eq!(speaker_of(input).as_deref(), Some(*want), "input {input:?}");
        }
    }

    #[test]
    fn a_sentence_before_without_a_cue_names_no_speaker() {
        assert_eq!(speaker_of("The bill passed. “It is a good day.”"), None);
        assert_eq!(speaker_of("He said nothing. “It is a good day.”"), None);
    }

    #[test]
    fn a_partial_quote_takes_the_subject_of_its_sentence() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Mr. Bush also praised his younger brother's “deep and genuine faith” in the speech.", Some("Mr. Bush")),
            ("In October, Trump accused the speaker of being a “very weak leader.”", Some("Trump")),
            ("He stalked across the stage and referred to her as “the Devil” twice.", Some("He")),
            ("Sen. Ted Cruz, also a GOP hopeful, condemned the “abhorrent” remarks.", Some("Sen. Ted Cruz, also a GOP hopeful")),
            // Not the subject's words: a possessive, a form of be, a common noun.
            ("Trump's plan was called a “disaster” by critics in the party.", None),
            ("He was “disgusted” by the whole affair.", None),
            ("The bill passed the chamber “overwhelmingly” on Monday.", None),
        ];
        for (input, want) in cases {
            let r = run(input);
            assert_eq!(r[0].2.as_deref(), *want, "input {input:?}: {r:?}");
        }
    }

    #[test]
    fn a_participle_after_a_quote_does_not_invert() {
        // "“…,” noting that B": the participle goes on with the sentence's subject; the words
        // after it are its content, not an inverted speaker.
        for input in [
            "The former secretary of state mocked Trump for calling himself the “king of debt,” noting that Trump’s tax cuts would cause the debt to skyrocket.",
            "Rubio called it a “ridiculous proposition,” adding that the person had no plan.",
        ] {
            let r = run(input);
            assert!(
                r.iter()
                    .all(|c| !c.2.as_deref().is_some_and(|s| s.starts_with("that"))),
                "{input}: {r:?}"
            );
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
        // A name in quote marks that nobody says: a programme, a title, a slogan.
        let r = run("She appeared on “Good Morning America” and on “Fox News Sunday” again.");
        assert!(r.is_empty(), "{r:?}");
        // A scare quote in lower case stays a partial claim.
        let r = run("He spoke of a “witch hunt” in the capital.");
        assert_eq!(r[0].1, "partial");
    }

    #[test]
    fn titles_and_quoted_names_are_short() {
        // A title has at most 12 words; a name at most six.
        let title = "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve";
        let r = run(&format!("He read the book “{title}” twice."));
        assert!(r.is_empty(), "{r:?}");
        let r = run(&format!("He read the book “{title} Thirteen” twice."));
        assert_eq!(r.len(), 1, "{r:?}");
        let name = "Good Morning America Today Fresh Start";
        let r = run(&format!("She appeared on “{name}” again."));
        assert!(r.is_empty(), "{r:?}");
        let r = run(&format!("She appeared on “{name} Again” again."));
        assert_eq!(r.len(), 1, "{r:?}");
    }

    #[test]
    fn a_quotation_inside_a_quotation_is_part_of_the_outer_claim() {
        let r = run("“He told me ‘never again,’ and left,” she said.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "He told me ‘never again,’ and left,");
        assert_eq!(r[0].2.as_deref(), Some("she"));
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

    proptest::proptest! {
        #[test]
        fn colon_space_is_the_first_colon_and_space(text in "[a: .\u{e9}]{0,60}") {
            // Across the sixteen-byte blocks of the search and its short tail.
            for end in 0..=text.len() {
                let head = &text[..text.floor_char_boundary(end)];
                proptest::prop_assert_eq!(colon_space(head.as_bytes()), head.find(": "));
            }
        }
    }

    /// [`is_quoted_name`] as it was written first, its words collected.
    fn is_quoted_name_collected(content: &str) -> bool {
        let content = content.trim_end_matches([',', '.']);
        let words: Vec<&str> = content.split_whitespace().take(7).collect();
        !words.is_empty()
            && words.len() <= 6
            && !content.contains(['!', '?', ':', ';', ',', '.'])
            && words[0].chars().next().is_some_and(char::is_uppercase)
            && words.iter().all(|w| {
                w.chars().count() < 4
                    || w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            })
    }

    proptest::proptest! {
        #[test]
        fn quoted_names_are_told_as_before(content in "[aAbZ1 .,!\u{e9}\u{c9}\u{a0}]{0,40}") {
            proptest::prop_assert_eq!(is_quoted_name(&content), is_quoted_name_collected(&content));
        }
    }
}
