//! Sentences -> reported speech: claims without quote marks (`indirect`), attributed like
//! quotations: "The police said they had fired ...", "According to X, ...", "..., X said.",
//! "X told reporters that ...", "X reported, citing Y, that ...", "X put the toll at ...",
//! "... Y, according to which ...", and "The latter report was broadcast by X, which cites Y"
//! for the sentence before it.

use super::mention::*;
use super::{after_rules, after_thought, Claim, ClaimKind};
use crate::lexicon::{CueClass, Cues, ExtraWords, TextWords};
use crate::segment::Sentences;
use crate::span::Span;
use std::sync::LazyLock;

/// Words after which a reporting verb is not a report: "was told to leave", "is said to".
const PASSIVE: &Words = &Words::new(&["was", "were", "is", "are", "be", "been", "being", "so"]);
/// Words after which a new clause, with its own subject, starts.
const CLAUSE_OPENERS: &Words = &Words::new(&[
    "and",
    "but",
    "while",
    "whereas",
    "which",
    "who",
    "as",
    "because",
    "so",
    "when",
    "after",
    "before",
    "although",
    "though",
    "since",
    "yet",
    "if",
    "meanwhile",
    "also",
    "still",
]);
/// What may stand between the cue and "that": "said on Tuesday that", "told reporters that".
const MAX_BEFORE_THAT: usize = 8;

struct Found {
    speaker: Span,
    cue: Span,
    content: Span,
    rule: &'static str,
}

/// The "that" opening the content of a cue whose words end at `from`, at most
/// `MAX_BEFORE_THAT` tokens on ("said that", "told reporters on Tuesday that"); not a "that"
/// inside the content, after its own verb ("said the test could change that", "said the
/// rules would make that harder").
fn complementizer(toks: &[Tok], from: usize, end: usize) -> Option<usize> {
    let that = from
        + toks[from..end.min(from + MAX_BEFORE_THAT)]
            .iter()
            .position(|t| t.is("that"))?;
    let verb_between = toks[from..that].iter().any(is_finite);
    // ("added that, in Wisconsin, ...": a comma may follow.)
    let pronoun = !toks
        .get(that + 1)
        .is_some_and(|t| t.word || is_quote_tok(t) || t.punct(','));
    (!verb_between && !pronoun).then_some(that)
}

/// The content from token `from` to the sentence's end, final punctuation left out, and a
/// dateline ("LIÈGE — ") at its start too.
fn content_from(toks: &[Tok], from: usize, end: usize) -> Option<Span> {
    let from = from + dateline_len(&toks[from..end]);
    let mut end = end;
    while end > from && !toks[end - 1].word && !is_quote_tok(&toks[end - 1]) {
        end -= 1;
    }
    // Three words at least (counted no further: a sentence can run on for megabytes, and
    // its reports each ask).
    let words = toks[from..end].iter().filter(|t| t.word).nth(2);
    words.map(|_| Span::new(toks[from].span.start, toks[end - 1].span.end))
}

/// "According to X, CLAUSE." / "CLAUSE, according to X." / "... Y, according to which CLAUSE"
fn according_to(cues: &Cues, toks: &[Tok]) -> Option<Found> {
    let n = toks.len();
    let at = (0..n.saturating_sub(1)).find(|&k| toks[k].is("according") && toks[k + 1].is("to"))?;
    let cue = Span::new(toks[at].span.start, toks[at + 1].span.end);
    // "the command of ... according to which one of the victims was beheaded"
    if toks.get(at + 2).is_some_and(|t| t.is("which")) {
        let mut end = at;
        while end > 0 && !toks[end - 1].word {
            end -= 1;
        }
        let mut start = end;
        while start > 0
            && toks[start - 1].word
            && !in_list(&["cites", "citing", "quoting", "by"], &toks[start - 1])
            && end - start < 12
        {
            start -= 1;
        }
        let stop = toks[at + 3..]
            .iter()
            .position(|t| t.punct(':') || t.punct(';'))
            .map_or(n, |p| at + 3 + p);
        return Some(Found {
            speaker: Span::new(toks[start].span.start, toks[end - 1].span.end),
            cue,
            content: content_from(toks, at + 3, stop)?,
            rule: "according_to_which",
        });
    }
    let speaker = agent_np(cues, toks, at + 2)?;
    // "But, according to the poll, ...", "In addition, according to X, ...", "But the next
    // day, according to X, ...": an opening adverbial before it.
    let adverbial = at > 0
        && at <= 6
        && toks[at - 1].punct(',')
        && toks[..at - 1].iter().all(|t| t.word || t.punct(','))
        && (in_list(CLAUSE_OPENERS, &toks[0])
            || in_list(PREPOSITIONS, &toks[0])
            || is_time_word(&toks[0])
            || in_list(
                &[
                    "however", "now", "then", "instead", "yet", "the", "last", "this",
                ],
                &toks[0],
            ));
    if at == 0 || (at <= 4 && toks[..at].iter().all(|t| t.word)) || adverbial {
        let comma_after = |sp: Span| {
            toks.iter()
                .position(|t| t.span.start >= sp.end && t.punct(','))
        };
        // "According to the results, Clinton increases ...": the apposition reading
        // swallowed the clause; the mention ends at the first comma.
        let (speaker, comma) = match comma_after(speaker) {
            Some(c) => (speaker, c),
            None => {
                let c = (at + 2..n).find(|&k| toks[k].punct(','))?;
                (Span::new(toks[at + 2].span.start, toks[c - 1].span.end), c)
            }
        };
        return Some(Found {
            speaker,
            cue,
            content: content_from(toks, comma + 1, n)?,
            rule: "according_to_clause",
        });
    }
    // "Fundraising, according to the campaign, has surged", "About 10:03 p.m., according
    // to a timeline, the contractors left": a source set off by commas inside the sentence,
    // after a few words that are no clause; the content is what follows it.
    // (A mention that runs to the sentence's end through a comma swallowed the clause: it
    // ends at that comma.)
    let after_speaker = toks
        .iter()
        .position(|t| t.span.start >= speaker.end)
        .filter(|&c| toks[c].punct(','))
        .map(|c| (speaker, c))
        .or_else(|| {
            let c = (at + 2..n).find(|&k| toks[k].punct(',') && toks[k].span.end <= speaker.end)?;
            (c > at + 2).then(|| (Span::new(toks[at + 2].span.start, toks[c - 1].span.end), c))
        });
    if let Some((speaker, comma)) = after_speaker.filter(|_| at >= 1 && toks[at - 1].punct(',')) {
        let words_after = toks[comma + 1..].iter().filter(|t| t.word).count();
        let before = &toks[..at - 1];
        let short = before.iter().filter(|t| t.word).count() <= 4 && !before.iter().any(is_finite);
        if words_after >= 3 && short {
            return Some(Found {
                speaker,
                cue,
                content: content_from(toks, comma + 1, n)?,
                rule: "parenthetical_according_to",
            });
        }
    }
    if at >= 4 && toks[at - 1].punct(',') {
        let rest = toks
            .iter()
            .filter(|t| t.span.start >= speaker.end && t.word)
            .count();
        let clause_ends = toks
            .iter()
            .find(|t| t.span.start >= speaker.end)
            .is_some_and(|t| t.punct(','));
        // "..., according to a poll conducted last week among likely voters.": to the end
        // of the sentence, all of it describes the source.
        let to_the_end = !toks
            .iter()
            .any(|t| t.span.start >= speaker.end && (t.punct(',') || t.punct(';')));
        if rest <= 3 || clause_ends || to_the_end {
            return Some(Found {
                speaker,
                cue,
                content: content_from(toks, 0, at - 1)?,
                rule: "clause_according_to",
            });
        }
    }
    None
}

/// "CLAUSE, X said." / "CLAUSE, said X." with nothing but a short adverbial after, and the end of the speaker's segment: a clause may follow it
/// ("CLAUSE, officials said, adding that ...", "CLAUSE, X said, although ...").
fn tail_segment(cues: &Cues, toks: &[Tok], starts: Starts) -> Option<(Found, usize)> {
    // The speaker's cue is a start of a segment after a comma, which is the fourth token or
    // later ([`tail_found`]): without a start from the fifth token on, no comma is looked for.
    if !starts.any_in(4, toks.len()) {
        return None;
    }
    // "CLAUSE, the agency reported, citing the ministry.": the ministry is the source.
    let last_comma = (2..toks.len()).rev().find(|&k| toks[k].punct(','));
    if let Some(c) = last_comma {
        if toks.get(c + 1).is_some_and(|t| t.is("citing")) {
            let cited = agent_np(cues, toks, c + 2)?;
            let (f, _) = tail_segment(cues, &toks[..c], starts)?;
            return Some((
                Found {
                    speaker: cited,
                    rule: "clause_reported_citing",
                    ..f
                },
                toks.len(),
            ));
        }
    }
    let n = toks.len();
    // The last three commas, within 48 tokens of the end (no allocation: one sentence after
    // another comes here), read from the last one found above.
    let mut commas = [0; 3];
    let mut count = 0;
    let after_last = last_comma.map_or(0, |c| c + 1);
    for k in (3.max(n.saturating_sub(48))..after_last).rev() {
        if toks[k].punct(',') {
            commas[count] = k;
            count += 1;
            if count == 3 {
                break;
            }
        }
    }
    let commas = &commas[..count];
    // The content is a clause, not an opening phrase before a quotation ("In a statement,
    // X said, “…”": the sentence was cut at the quote).
    // (Read only for a segment before the last: most sentences have none.)
    let opening = || {
        toks.first().is_some_and(|t| {
            in_list(PREPOSITIONS, t) || is_time_word(t) || t.is("asked") || t.s.ends_with("ing")
        })
    };
    for (i, &comma) in commas.iter().enumerate() {
        // "CLAUSE, Trump's finance chairman, Steve Mnuchin, told The Post.": a speaker with
        // an apposition runs to the sentence's end.
        if i > 0 && n - comma <= 20 && !opening() {
            // (After the cue, "said David Autor, a professor ...", the segment's mention is
            // the name: below.)
            if let Some(f) =
                tail_found(cues, toks, comma, n, starts).filter(|f| f.rule == "clause_speaker_cue")
            {
                return Some((f, n));
            }
        }
        let seg_end = if i == 0 { n } else { commas[i - 1] };
        if seg_end - comma > 16 {
            continue;
        }
        if i > 0 {
            // Only a new clause may follow the speaker's segment.
            let next = toks.get(seg_end + 1);
            let clause = next.is_some_and(|t| {
                // ("..., she said, and 62 ..." is one report around its speaker: below.)
                in_list(&["although", "though", "while", "adding", "saying"], t)
                    || cue_at(cues, toks, seg_end + 1).is_some_and(|c| c.reports)
            });
            // "..., said Larry Sabato, director of the Center for Politics.": an apposition of
            // the speaker's ends the sentence.
            let apposition = i == 1 && is_apposition(cues, &toks[seg_end + 1..]);
            if !clause && !apposition {
                continue;
            }
        }
        if let Some(f) = tail_found(cues, toks, comma, seg_end, starts) {
            return Some((f, seg_end));
        }
    }
    None
}

/// Words that only describe (an apposition ending the sentence): at most 14 words, no
/// finite verb, no cue, no clause word.
fn is_apposition(cues: &Cues, toks: &[Tok]) -> bool {
    let words = toks.iter().filter(|t| t.word).count();
    (1..=14).contains(&words)
        && toks
            .first()
            .is_some_and(|t| t.word && !in_list(CLAUSE_OPENERS, t))
        && toks.iter().enumerate().all(|(i, t)| {
            !is_finite(t)
                && !is_past_form(t)
                && !t.is("to")
                && !in_list(CLAUSE_WORDS, t)
                && cue_at(cues, toks, i).is_none()
        })
}

/// "CLAUSE, X said" with the speaker's segment `toks[comma + 1..seg_end]`.
fn tail_found(
    cues: &Cues,
    toks: &[Tok],
    comma: usize,
    seg_end: usize,
    starts: Starts,
) -> Option<Found> {
    // `..., “very, very pro-Bernie,” Kilfoyle said.`: the closing mark of a partial quote
    // ending the clause stands between the comma and the speaker.
    // (Its opening mark stands inside the clause: "That’s Hillary Clinton,” said the man" is
    // the end of a quotation opened before.)
    let closing =
        toks.get(comma + 1).is_some_and(is_quote_tok) && toks[1..comma].iter().any(is_quote_tok);
    let after = (comma + 1 + usize::from(closing)).min(seg_end);
    // The speaker's cue is one of the segment's words (below): most segments have none.
    if !starts.any_in(after, seg_end) {
        return None;
    }
    let tail = &toks[after..seg_end];
    // (A belief set off by commas inside the sentence is left to the parenthetical rule.)
    let last = seg_end == toks.len();
    let f = after_rules(cues, tail, false)
        .or_else(|| last.then(|| after_thought(cues, tail)).flatten())?;
    let speaker = f.speaker?;
    let cue = f.cue?;
    // "..., said that Willie Minor ...", "..., said of Mr. Weiner": no mention opens so.
    let opens_speaker = tail.iter().find(|t| t.span.start >= speaker.start);
    if opens_speaker.is_some_and(|t| in_list(&["that", "of", "about", "on", "to"], t)) {
        return None;
    }
    if !f.rule.starts_with("quote_cue_speaker") && !f.rule.starts_with("quote_speaker_cue") {
        return None;
    }
    // "CLAUSE, saying that B": a participle goes on with the clause's subject; it never
    // inverts ("..., said X" does).
    if tail
        .iter()
        .any(|t| t.span.start == cue.start && t.s.ends_with("ing"))
    {
        return None;
    }
    // "Cruz, who says A, said GOP voters should go": a clause follows the cue, not a speaker.
    if tail
        .iter()
        .any(|t| speaker.contains(t.span) && is_finite(t))
    {
        return None;
    }
    // "..., said she understands why ...": an inverted pronoun with words after it, or a
    // clause word, is the content's subject, not the speaker.
    let words = || tail.iter().filter(|t| speaker.contains(t.span));
    let pronoun_led = speaker.start > cue.start
        && words().next().is_some_and(|t| in_list(PRONOUNS, t))
        && words().nth(1).is_some();
    if pronoun_led || words().any(|t| in_list(CLAUSE_WORDS, t)) {
        return None;
    }
    // "..., urged the mayor" is not an inversion: a stance verb's object follows it.
    let reports = tail
        .iter()
        .position(|t| t.span == cue || cue.contains(t.span))
        .and_then(|k| cue_at(cues, tail, k))
        .is_some_and(|c| c.reports && !(c.object && f.rule == "quote_cue_speaker"));
    // Only a short adverbial may follow: "..., the ministry said on Sunday."
    // (The words after them, read twice or three times rather than collected.)
    let rest = || {
        tail.iter()
            .filter(|t| t.word && t.span.start >= speaker.end.max(cue.end))
    };
    // "..., he told reporters (on Sunday)", "..., experts told me this week": the hearer first.
    let told = tail.iter().any(|t| t.span == cue && addressee_follows(t));
    let mut hearer = 0;
    if told && speaker.end <= cue.start {
        hearer = rest()
            .take_while(|t| !in_list(PREPOSITIONS, t) && !is_time_word(t) && !t.is("as"))
            .count();
        if !(1..=5).contains(&hearer) {
            return None;
        }
    }
    let first = rest().nth(hearer);
    // "..., said an American official who was briefed on the talks.": the speaker's relative
    // clause.
    let relative = first.is_some_and(|t| t.is("who"));
    let adverbial = first.is_none_or(|t| {
        in_list(PREPOSITIONS, t) || is_time_word(t) || in_list(&["late", "early", "this"], t)
    }) || relative;
    let prepositional = first.is_some_and(|t| in_list(PREPOSITIONS, t));
    let limit = if prepositional || relative { 12 } else { 6 };
    (reports && adverbial && rest().count() - hearer <= limit).then_some(())?;
    Some(Found {
        speaker,
        cue,
        content: content_from(toks, 0, comma)?,
        rule: if f.rule == "quote_cue_speaker" {
            "clause_cue_speaker"
        } else {
            "clause_speaker_cue"
        },
    })
}

/// "..., X said, adding that CLAUSE": the same speaker's next report, after its segment.
fn adding_after(cues: &Cues, toks: &[Tok], seg_end: usize, speaker: Span) -> Option<Found> {
    let k = seg_end + 1;
    let cue = cue_at(cues, toks, k).filter(|c| c.reports && toks[k].s.ends_with("ing"))?;
    (toks.get(seg_end)?.punct(',')).then_some(())?;
    let mut from = k + cue.len;
    if toks.get(from).is_some_and(|t| t.is("that")) {
        from += 1;
    }
    Some(Found {
        speaker,
        cue: Span::new(toks[k].span.start, toks[k + cue.len - 1].span.end),
        content: content_from(toks, from, toks.len())?,
        rule: "coordinated_cue_clause",
    })
}

/// The verbs of "X put the toll at ...", "X gave a figure of ...".
const PUT_WORDS: &[&str] = &["put", "puts", "gave", "gives"];
/// [`PUT_WORDS`], looked up.
const PUT: &Words = &Words::new(PUT_WORDS);

/// "X said (that) CLAUSE", "X told Y (that) CLAUSE", "X reported, citing Y, that CLAUSE",
/// "X put the toll at ...".
fn speaker_cue_clause(cues: &Cues, toks: &[Tok], starts: Starts) -> Option<Found> {
    let n = toks.len();
    // (Only a cue or a word of `PUT` is read on: the tokens that may be one.)
    for k in starts.each_in(1, n.min(48)) {
        let put = in_list(PUT, &toks[k]);
        let cue = cue_at(cues, toks, k);
        // "Comey called Clinton's use of private servers “extremely careless”": a naming verb
        // with its object and a quoted label reports what the label says of the object.
        // ("the so-called “loophole”": no speaker names it.)
        let naming = cue.is_some_and(|c| c.class == CueClass::Naming)
            && toks[k + 1..n.min(k + 16)].iter().any(is_quote_tok)
            && !(toks[k - 1].is("so") || is_dash(&toks[k - 1]));
        let reporting = cue.is_some_and(|c| c.reports) || naming;
        if !reporting && !put {
            continue;
        }
        // "Trump is saying ...", "he has been saying ...", "they're saying ...": the subject
        // stands before the auxiliary.
        let progressive = (toks[k].s.ends_with("ing") && !toks[k].capitalized())
            .then(|| {
                let aux = &toks[k - 1];
                if in_list(&["is", "are", "was", "were", "been", "am"], aux) {
                    Some(k - 1)
                } else {
                    contracted_pronoun(aux).map(|_| k)
                }
            })
            .flatten();
        // "is said to" is passive; "is saying" is not.
        if in_list(PASSIVE, &toks[k - 1]) && progressive.is_none() {
            continue;
        }
        // "the United States should": a capitalized form inside the sentence is a name.
        if toks[k].capitalized() && k > 0 && toks[k - 1].word {
            continue;
        }
        // "with 30 percent of voters saying they ...", "with analysts saying ...": the words
        // after "with" are the participle's subject.
        let with_subject = (toks[k].s.ends_with("ing") && !toks[k].capitalized())
            .then(|| {
                let w = (k.saturating_sub(9)..k)
                    .rev()
                    .find(|&w| toks[w].is("with"))?;
                let mut np = &toks[w + 1..k];
                // "with Cruz recently promising": not the adverb.
                while np.last().is_some_and(is_adverb) {
                    np = &np[..np.len() - 1];
                }
                let plain = !np.is_empty()
                    && np.iter().all(|t| {
                        t.word && !in_list(BACKWARD_STOP, t) && cue_at(cues, np, 0).is_none()
                    });
                plain.then(|| join(np)).flatten()
            })
            .flatten();
        // "agreed to talk", "stopped writing", "worth noting": not a report.
        let object = cue.is_some_and(|c| c.object);
        let to_verb = infinitive_at(toks, k + 1);
        if to_verb && !object
            || toks[k].s.ends_with("ing")
                && with_subject.is_none()
                && progressive.is_none()
                && toks[k - 1].word
                && !in_list(&["and", "but", "also", "by"], &toks[k - 1])
                && !is_adverb(&toks[k - 1])
        {
            continue;
        }
        let thought = cue.is_some_and(|c| c.class == CueClass::Thought);
        // "X did Y and said ...", "X did Y, saying ...": the sentence's subject speaks.
        let shared = shared_subject(cues, toks, k);
        // What evidence shows or finds.
        let shows = thought && shared.is_none() && in_list(SHOW_VERBS, &toks[k]);
        let evidence_np = shows.then(|| evidence_subject(toks, k)).flatten();
        // "X responded by saying ...": the subject of the verb before "by".
        let by = toks[k - 1].is("by");
        if by && !(k >= 3 && cue_at(cues, toks, k - 2).is_some()) {
            continue;
        }
        // "listeners who said ...", "Perez, who said ...": the relative pronoun is the
        // mention (resolved to the noun before it); a report after a comma ends at the next.
        let mut r = k;
        while r > 0 && (in_list(BETWEEN, &toks[r - 1]) || is_adverb(&toks[r - 1])) {
            r -= 1;
        }
        // "McConnell, who in 2010 said ...": a time phrase after the pronoun.
        let dated =
            |t: &Tok| is_time_word(t) || t.s.len() == 4 && t.s.bytes().all(|b| b.is_ascii_digit());
        if r >= 3 && dated(&toks[r - 1]) && in_list(&["in", "on", "last"], &toks[r - 2]) {
            r -= 2;
        }
        let relative_subject = (r >= 2 && toks[r - 1].is("who") && !by && shared.is_none())
            .then(|| (toks[r - 1].span, toks[r - 2].punct(',')));
        let speaker = if evidence_np.is_some() {
            evidence_np
        } else if let Some((who, _)) = relative_subject {
            Some(who)
        } else if with_subject.is_some() {
            with_subject
        } else if by {
            backward_np(toks, 0, k - 2)
        } else {
            let at = progressive
                .or_else(|| dashed_parenthesis(toks, k))
                .unwrap_or(k);
            shared.or_else(|| backward_np(toks, 0, at))
        };
        // "Cory Jones, 22, of Flint, Mich., said": read from the sentence's start, a name
        // and its appositions, when the mention read backwards is one of the appositions.
        let speaker =
            if shared.is_none() && relative_subject.is_none() && !by && evidence_np.is_none() {
                speaker.map(|s| named_subject(toks, k, s))
            } else {
                speaker
            };
        let Some(speaker) = speaker else {
            continue;
        };
        // "Others listed demands that ...": a stance's mention does not end in a past
        // participle; the cue is a noun there ("those surveyed said" is a mention).
        if object
            && toks
                .iter()
                .rfind(|t| t.span.end <= speaker.end)
                .is_some_and(|t| t.word && !t.capitalized() && t.s.ends_with("ed"))
        {
            continue;
        }
        // The subject opens the sentence or a clause of it: "X said", "In Almaty, X said",
        // "WASHINGTON (AP) — X said", "But X said", "..., which X said".
        let first = toks.iter().position(|t| t.span.start >= speaker.start)?;
        let before = first.checked_sub(1).map(|b| &toks[b]);
        // "On Sunday they said": a short time phrase opening the sentence, no comma.
        // "Last week Hope Hicks, the spokeswoman, said" too.
        let timed_opening = (1..=4).contains(&first)
            && (in_list(PREPOSITIONS, &toks[0]) || is_time_word(&toks[0]))
            && toks[1..first]
                .iter()
                .any(|t| is_time_word(t) || in_list(TIME_NOUNS, t))
            && toks[1..first].iter().all(|t| t.word);
        let intro_ok = timed_opening
            || before.is_none_or(|t| {
                (!t.word && !is_quote_tok(t) && !t.punct('(')) || in_list(CLAUSE_OPENERS, t)
            });
        if !intro_ok && shared.is_none() && relative_subject.is_none() && with_subject.is_none() {
            continue;
        }
        // "..., which officials said will go into effect next month, will ...": a relative
        // clause's report ends at its comma.
        // "While he’s said he believes in it, he has done little": so does a report in a
        // subordinate clause opening the sentence.
        let subordinate = first <= 2 && toks.first().is_some_and(|t| in_list(SUBORDINATORS, t));
        let relative = subordinate
            || match relative_subject {
                Some((_, comma)) => comma,
                None => before.is_some_and(|t| in_list(&["which", "who"], t)),
            };
        let clause_end = |from: usize| {
            if relative {
                (from..n).find(|&j| toks[j].punct(',')).unwrap_or(n)
            } else {
                n
            }
        };
        let len = cue.map_or(1, |c| c.len);
        let cue_span = Span::new(toks[k].span.start, toks[k + len - 1].span.end);
        let mut from = k + len;
        if put {
            // "X put the toll at 164" / "X gave a figure of 164"
            let figure = toks.get(from + 1).is_some_and(|t| {
                in_list(&["number", "toll", "figure", "total", "count", "death"], t)
            });
            if !figure {
                continue;
            }
            return Some(Found {
                speaker,
                cue: cue_span,
                content: content_from(toks, from, n)?,
                rule: "put_the_number_at",
            });
        }
        let mut speaker = speaker;
        let mut rule = "speaker_cue_clause";
        // "X reported, citing Y, that": Y is the source (X relays it).
        if toks.get(from).is_some_and(|t| t.punct(','))
            && toks.get(from + 1).is_some_and(|t| t.is("citing"))
        {
            if let Some(y) = agent_np(cues, toks, from + 2) {
                speaker = y;
                rule = "reported_citing";
                from = toks.iter().position(|t| t.span.start >= y.end).unwrap_or(n);
                if toks.get(from).is_some_and(|t| t.punct(',')) {
                    from += 1;
                }
            }
        }
        // "told reporters", "said on Tuesday", "said in a statement" ... "that"
        if let Some(that) = complementizer(toks, from, n) {
            // "declined to comment, saying that ...": the later cue reports; this one is
            // passed over.
            let later_cue = (from + 1..that).any(|j| {
                toks[j - 1].punct(',') && cue_at(cues, toks, j).is_some_and(|c| c.reports)
            });
            if later_cue {
                continue;
            }
            // "said that is a distortion": a demonstrative, the content's subject.
            let demonstrative = toks.get(that + 1).is_some_and(is_finite);
            // "said — on Twitter, as it happens — that"
            if !demonstrative
                && toks[from..that]
                    .iter()
                    .all(|t| t.word || t.punct(',') || t.punct('—') || t.punct('–'))
            {
                from = that + 1;
                // "added that, in Wisconsin, ...": an adverbial opens the content.
                if toks.get(from).is_some_and(|t| t.punct(',')) {
                    from += 1;
                }
            }
        } else if toks.get(from).is_some_and(|t| {
            in_list(PREPOSITIONS, t)
                // "wrote Thursday on 38 North, a website ..."
                || is_time_word(t) && toks.get(from + 1).is_none_or(|n| in_list(PREPOSITIONS, n) || n.punct(','))
        }) && !put
            && !quantity_follows(toks, from)
            && !toks[from..n.min(from + 24)]
                .iter()
                .any(|t| t.is("that") || is_finite(t))
        {
            // "..., she said in a video message to the convention.": no content follows.
            continue;
        } else if toks.get(from).is_some_and(|t| {
            t.word
                && (in_list(WEEKDAY_WORDS, t)
                    || in_list(&["today", "yesterday", "tonight"], t))
        }) && toks.get(from + 1).is_some_and(|t| t.word)
        {
            // "said Thursday his biggest worry is ...": the day is no part of the content.
            from += 1;
            if toks.get(from).is_some_and(|t| in_list(TIME_NOUNS, t)) {
                from += 1;
            }
        } else if addressee_follows(&toks[k]) {
            // The hearer: a short mention that ends where the next one starts
            // ("told reporters the bridge would ...").
            let object = forward_np(cues, toks, from)?;
            let mut end = toks
                .iter()
                .position(|t| t.span.start >= object.end)
                .unwrap_or(n);
            // ("told The Post he’s not ...", "told reporters it's time": a contracted
            // pronoun opens the content.)
            let contracted = |t: &Tok| {
                contracted_pronoun(t).is_some()
                    || t.s
                        .split_once(['\'', '’'])
                        .is_some_and(|(p, _)| p.eq_ignore_ascii_case("it"))
            };
            if let Some(d) = (from + 1..end).find(|&j| {
                in_list(DETERMINERS, &toks[j]) || in_list(PRONOUNS, &toks[j]) || contracted(&toks[j])
            })
            {
                end = d;
            }
            from = end.min(from + 4);
        }
        // "As Crane said, the two candidates have become ...": the clause after the comma.
        let as_said = from == k + len
            && before.is_some_and(|t| t.is("as"))
            && toks.get(from).is_some_and(|t| t.punct(','));
        if as_said {
            from += 1;
            rule = "as_speaker_said";
        }
        // "She said, if elected, she would ask ...": a comma between the cue and its clause,
        // when the speaker opens the sentence (not "The plan, he said, would fail").
        if from == k + len
            && toks.get(from).is_some_and(|t| t.punct(','))
            && !toks[..k].iter().any(|t| t.punct(','))
            && toks
                .get(from + 1)
                .is_some_and(|t| t.word && !t.s.ends_with("ing"))
            && clause_follows(toks, from + 1, n)
            // ("Cost estimates, he added, were ...": a speaker set off by commas follows.)
            && !(from + 1..n.min(from + 5)).any(|j| cue_at(cues, toks, j).is_some_and(|c| c.reports))
        {
            from += 1;
        }
        let Some(next) = toks.get(from) else {
            continue;
        };
        // "The figures don't add up": a phrasal verb, not a report.
        if from == k + len && next.is("up") {
            continue;
        }
        // "accused the mayor of lying", "called for a ceasefire", "vowed to stay": the object
        // or the infinitive is the content, up to the sentence's or the relative clause's end.
        if object && from == k + len && next.word {
            let end = clause_end(from);
            return Some(Found {
                speaker,
                cue: cue_span,
                content: content_from(toks, from, end)?,
                rule: if shared.is_some() {
                    "subject_coordinated_stance"
                } else if relative_subject.is_some() {
                    "relative_cue_clause"
                } else {
                    "speaker_stance_object"
                },
            });
        }
        // "said goodbye", "told to leave", "said so", "said nothing"
        if in_list(
            &[
                "goodbye", "to", "so", "nothing", "hello", "yes", "no", "it", "this", "the", "a",
                "an",
            ],
            next,
        ) && !toks
            .get(from + 1)
            .is_some_and(|t| t.word && !in_list(PREPOSITIONS, t))
        {
            continue;
        }
        // "The number of people confirmed dead rose ...": a participle, not a report.
        if in_list(
            &[
                "dead", "killed", "injured", "missing", "wounded", "by", "as",
            ],
            next,
        ) {
            continue;
        }
        if in_list(&["goodbye", "hello", "to", "nothing"], next)
            || !next.word && !is_quote_tok(next)
        {
            continue;
        }
        let end = clause_end(from);
        // "a new poll shows Clinton with a 7-point lead": what evidence shows or finds is
        // reported, a clause or not.
        let evidence = shows
            && (evidence_np.is_some()
                || toks[..k]
                    .iter()
                    .rfind(|t| t.word && t.span.end <= speaker.end)
                    .is_some_and(is_evidence_noun));
        // "police believe the attackers fled": a belief is reported only when a clause follows.
        // "Clinton maintains a wide lead", "He added a clause to the bill": verbs that report
        // only a clause.
        let clause_only = in_list(
            &[
                "maintain",
                "maintains",
                "maintained",
                "add",
                "adds",
                "added",
            ],
            &toks[k],
        );
        // "Clinton attacked Trump, saying his comments reflect ...": after a comma, a
        // reporting participle's words are what was said, a clause or not.
        let participle_report = shared.is_some()
            && toks[k].s.ends_with("ing")
            && toks[k - 1].punct(',')
            && cue.is_some_and(|c| c.class == CueClass::Speech && c.reports)
            && !in_list(PREPOSITIONS, next);
        let needs_clause =
            (thought || shared.is_some() && !participle_report || clause_only) && !evidence;
        // ("added that, in Wisconsin, ...": the comma after "that".)
        let after_that = toks[from - 1].is("that")
            || from >= 2 && toks[from - 1].punct(',') && toks[from - 2].is("that");
        if needs_clause && !after_that && !clause_follows(toks, from, end) {
            continue;
        }
        let rule = match (shared.is_some(), thought) {
            (true, _) => "subject_coordinated_cue_clause",
            (false, true) if evidence => "evidence_shows",
            (false, true) => "speaker_thought_clause",
            (false, false) if relative_subject.is_some() => "relative_cue_clause",
            (false, false) if naming && rule == "speaker_cue_clause" => "speaker_names_object",
            (false, false) => rule,
        };
        return Some(Found {
            speaker,
            cue: cue_span,
            content: content_from(toks, from, end)?,
            rule,
        });
    }
    None
}

/// The tokens of a dateline opening `toks`: words in capitals, then a dash ("NUR-SULTAN —").
fn dateline_len(toks: &[Tok]) -> usize {
    let caps = toks
        .iter()
        .take_while(|t| {
            t.word && t.s.chars().any(char::is_alphabetic) && !t.s.chars().any(char::is_lowercase)
                || t.punct('-') && !t.s.is_empty()
        })
        .count();
    let dash = toks.get(caps).is_some_and(|t| is_dash(t) && t.s != "-");
    if caps > 0 && dash {
        caps + 1
    } else {
        0
    }
}

/// The sentence's subject when the cue at `k` shares it with an earlier verb: "X did Y and
/// said ...", "X did Y but said ...", "X did Y, saying ...".
fn shared_subject(cues: &Cues, toks: &[Tok], k: usize) -> Option<Span> {
    let mut j = k;
    while j > 1 && (in_list(BETWEEN, &toks[j - 1]) || is_adverb(&toks[j - 1])) {
        j -= 1;
    }
    let joined = j >= 2
        && (in_list(&["and", "but"], &toks[j - 1])
            || toks[j - 1].punct(',') && toks[k].s.ends_with("ing"));
    // The words before the joint must hold a verb of the subject's, not only the subject
    // ("Smith and Jones said" is two speakers): at least three of them.
    if !joined || j - 1 < 3 {
        return None;
    }
    if let Some(subject) = coordinated_subject(cues, &toks[..j - 1], 2) {
        return Some(subject);
    }
    let skip = dateline_len(&toks[..j - 1]);
    determiner_subject(cues, &toks[skip..j - 1])
        .or_else(|| sentence_subject(&toks[skip..], j - 1 - skip))
}

/// The subject of the last clause of `toks` coordinated after a comma, from token `lo` on:
/// "A said X, and later that day the president's office gave a figure" -> "the president's
/// office" (opening with a determiner, after any time phrase).
fn coordinated_subject(cues: &Cues, toks: &[Tok], lo: usize) -> Option<Span> {
    let m = (lo.max(1)..toks.len())
        .rev()
        .find(|&m| in_list(&["and", "but"], &toks[m]) && toks[m - 1].punct(','))?;
    let mut s = m + 1;
    while s < toks.len()
        && (is_time_word(&toks[s])
            || in_list(TIME_NOUNS, &toks[s])
            || in_list(&["that", "on", "this", "then"], &toks[s]))
    {
        s += 1;
    }
    determiner_subject(cues, &toks[s..])
}

/// A subject opening `toks` with a determiner, up to its verb: "A spokeswoman for Janney
/// (also declined)", "The Trump campaign (declined)". The verb is told by what stands
/// between a subject and its verb (an auxiliary, *also*, an -ly adverb), a cue, or a
/// lower-case word in -ed; at most eight words, with no punctuation.
fn determiner_subject(cues: &Cues, toks: &[Tok]) -> Option<Span> {
    let first = toks.first()?;
    const ARTICLES: &[&str] = &["a", "an", "the"];
    if !in_list(ARTICLES, first) {
        return None;
    }
    let verb = (2..toks.len().min(9)).find(|&i| {
        let t = &toks[i];
        in_list(BETWEEN, t)
            || is_finite(t)
            || is_adverb(t)
            || cue_at(cues, toks, i).is_some()
            || is_past_form(t)
            // "the president's office gave a figure": a verb before its object's article.
            || i >= 3
                && !t.capitalized()
                && toks.get(i + 1).is_some_and(|n| in_list(ARTICLES, n))
    })?;
    toks[..verb]
        .iter()
        .all(|t| t.word)
        .then(|| join(&toks[..verb]))?
}

/// The thought cues that report what evidence shows or finds ("the poll shows ...").
const SHOW_VERBS: &[&str] = &[
    "show",
    "shows",
    "showed",
    "shown",
    "found",
    "finds",
    "indicate",
    "indicates",
    "indicated",
];

/// "A CNN/ORC poll of South Carolina released on Tuesday (showed)", "Last year’s FBI
/// statistics (show)": the words from the sentence's start (after a dateline and an opening
/// *but* or *and*) to the cue at `k`, when they hold a noun of evidence and only the words
/// that describe it: no verb of their own, no comma, at most 16 words, opening with a
/// capital or a determiner. Adverbs before the cue are left out (*actually showed*).
fn evidence_subject(toks: &[Tok], k: usize) -> Option<Span> {
    let mut start = dateline_len(&toks[..k]);
    if toks.get(start).is_some_and(|t| in_list(&["but", "and"], t)) {
        start += 1;
    }
    let mut end = k;
    while end > start && is_adverb(&toks[end - 1]) {
        end -= 1;
    }
    // ("a review of the emails seems to show": a verb of the subject's own.)
    if toks[..end].last().is_some_and(|t| t.is("to")) {
        return None;
    }
    let np = toks
        .get(start..end)
        .filter(|np| !np.is_empty() && np.len() <= 16)?;
    let plain = np.iter().all(|t| {
        (t.word || is_name_sign(t) || t.s == "/") && !is_finite(t) && !in_list(CLAUSE_WORDS, t)
    });
    let opens = np[0].capitalized() || in_list(DETERMINERS, &np[0]);
    (plain && opens && np.iter().any(is_evidence_noun))
        .then(|| join(np))
        .flatten()
}

/// "Democrats — and some Republicans — say", "Kall -- co-editor of a book -- said": a
/// parenthesis set off by dashes just before the cue at `k`. Returns the token of its opening
/// dash, when a word stands before it (the subject's last).
fn dashed_parenthesis(toks: &[Tok], k: usize) -> Option<usize> {
    if k < 4 || !is_dash(&toks[k - 1]) {
        return None;
    }
    let mut close = k - 1;
    while close > 0 && is_dash(&toks[close - 1]) {
        close -= 1;
    }
    let mut open = (close.saturating_sub(40)..close)
        .rev()
        .find(|&o| is_dash(&toks[o]))?;
    while open > 0 && is_dash(&toks[open - 1]) {
        open -= 1;
    }
    (open >= 1 && open + 1 < close && toks[open - 1].word).then_some(open)
}

/// "at least 14", "about 5,800", "over 300": a quantity, not an adverbial.
fn quantity_follows(toks: &[Tok], from: usize) -> bool {
    let number = |t: Option<&Tok>| t.is_some_and(|t| t.s.starts_with(|c: char| c.is_ascii_digit()));
    number(toks.get(from + 1))
        || toks
            .get(from + 1)
            .is_some_and(|t| in_list(&["least", "most", "some"], t))
}

/// Whether the words from `from` read as a clause (a subject and a finite verb) rather than a
/// noun phrase or an infinitive: "the attackers fled", "Trump would win", not "to leave".
fn clause_follows(toks: &[Tok], from: usize, end: usize) -> bool {
    let Some(first) = toks.get(from) else {
        return false;
    };
    if !first.word || in_list(PREPOSITIONS, first) || first.is("to") || first.is("how") {
        return false;
    }
    toks[from + 1..end.min(from + 9)]
        .iter()
        .take_while(|t| t.word || t.punct('\'') || t.punct('’'))
        .any(|t| is_finite(t) || is_past_form(t))
}

/// "X said A, the Interfax news agency reported, and B": a relay's report set off by commas
/// inside `content` (a mention of up to six words and *reported*, then a comma or the
/// content's end). Returns the token of the comma where the content ends and the relay's
/// mention.
fn relay_inside(toks: &[Tok], content: Span) -> Option<(usize, Span)> {
    let from = toks.iter().position(|t| t.span.start >= content.start)?;
    let end = toks.iter().rposition(|t| t.span.end <= content.end)? + 1;
    (from + 1..end).find_map(|i| {
        if !toks[i].punct(',') {
            return None;
        }
        let k = (i + 2..end.min(i + 8)).find(|&k| in_list(&["reported", "reports"], &toks[k]))?;
        let np = &toks[i + 1..k];
        let mention = np.iter().all(|t| t.word || is_name_sign(t))
            && (np[0].capitalized() || in_list(DETERMINERS, &np[0]));
        // Then a comma, or the content's end.
        let closed = k + 1 >= end || !toks[k + 1].word;
        if !(mention && closed) {
            return None;
        }
        join(np).map(|m| (i, m))
    })
}

/// The reports of the clause after a relay set off by commas (`comma` is the relay's first):
/// "X said A, the agency reported, and later that day Y gave a figure of B".
fn reports_after_relay(cues: &Cues, toks: &[Tok], comma: usize, starts: Starts) -> Vec<Found> {
    let Some(close) = (comma + 1..toks.len()).find(|&j| toks[j].punct(',')) else {
        return Vec::new();
    };
    let mut from = close + 1;
    if toks.get(from).is_some_and(|t| in_list(&["and", "but"], t)) {
        from += 1;
    }
    let from = from.min(toks.len());
    clause_reports(cues, &toks[from..], starts.from(from))
}

/// The reports of `toks` read as a sentence of their own: its first report and those
/// coordinated with it.
fn clause_reports(cues: &Cues, toks: &[Tok], starts: Starts) -> Vec<Found> {
    let mut out = Vec::new();
    if let Some(f) = speaker_cue_clause(cues, toks, starts) {
        coordinated_reports(cues, toks, starts, f, |f| out.push(f));
    }
    out
}

/// "“…,” Buchanan said, noting that Manafort did not lose a delegate.": after the speaker
/// and cue of the direct quotation `c` (outer span `quote`) opening sentence `whole`, a
/// participle cue goes on with the same speaker.
fn participle_after_quote(
    text: &str,
    cues: &Cues,
    c: &Claim,
    quote: Span,
    whole: Span,
) -> Option<Claim> {
    let (speaker, cue) = (c.speaker?, c.cue?);
    let after = speaker.end.max(cue.end);
    if speaker.start < quote.end || cue.start < quote.end || after >= whole.end {
        return None;
    }
    // Most attributions end the sentence: no comma, no tokens.
    let rest = &text[after..whole.end];
    let comma = rest.find(',')?;
    // Nor a participle after the first comma (below): the word there ends in "ing", and a
    // word runs to white space at most.
    let next = rest[comma + 1..].trim_start();
    if !next[..next.find(char::is_whitespace).unwrap_or(next.len())].contains("ing") {
        return None;
    }
    let toks = tokens(text, Span::new(after, whole.end));
    // A phrase of the attribution's own may stand before the comma: where or to whom it was
    // said ("said in a statement,", "told a North Carolina rally,"), words only and no
    // clause ("said as the river rose,").
    let comma = toks.iter().take(12).position(|t| t.punct(','))?;
    if !toks[..comma]
        .iter()
        .all(|t| t.word && !in_list(CLAUSE_WORDS, t) && !is_finite(t))
    {
        return None;
    }
    let at = comma + 1;
    let next = cue_at(cues, &toks, at)
        .filter(|c| c.reports && c.class != CueClass::Thought && toks[at].s.ends_with("ing"))?;
    let mut from = at + next.len;
    if toks.get(from).is_some_and(|t| t.is("that")) {
        from += 1;
    }
    // A clause follows ("noting that B"), not the hearer or a topic ("adding to the mood").
    if !toks[from - 1].is("that") && !clause_follows(&toks, from, toks.len()) {
        return None;
    }
    let content = content_from(&toks, from, toks.len())?;
    let cue = Span::new(toks[at].span.start, toks[at + next.len - 1].span.end);
    Some(indirect_claim(
        Some(speaker),
        cue,
        content,
        "participle_after_quote",
    ))
}

/// Conjunctions opening a subordinate clause before the main one.
const SUBORDINATORS: &Words = &Words::new(&[
    "while", "although", "though", "whereas", "because", "since", "if",
]);

/// "While Comey has said A, Lewandowski said B": after a report in a subordinate clause that
/// opens the sentence and ends at its comma, the reports of the main clause.
fn main_after_subordinate(cues: &Cues, toks: &[Tok], starts: Starts, sub: &Found) -> Vec<Found> {
    let opens = toks.first().is_some_and(|t| in_list(SUBORDINATORS, t));
    let comma = toks.iter().position(|t| t.span.start >= sub.content.end);
    let Some(comma) = comma.filter(|&c| opens && toks[c].punct(',')) else {
        return Vec::new();
    };
    clause_reports(cues, &toks[comma + 1..], starts.from(comma + 1))
}

/// "Cruz, who says A, said B": after the report of a relative clause that ends at its comma,
/// the main verb's report, by the relative pronoun's antecedent.
fn main_after_relative(cues: &Cues, toks: &[Tok], rel: &Found) -> Option<Found> {
    if rel.rule != "relative_cue_clause" {
        return None;
    }
    let who = toks.iter().position(|t| t.span == rel.speaker)?;
    let comma = toks.iter().position(|t| t.span.start >= rel.content.end)?;
    if who < 2 || !toks[who - 1].punct(',') || !toks[comma].punct(',') {
        return None;
    }
    let mut k = comma + 1;
    while k < toks.len() && (in_list(BETWEEN, &toks[k]) || is_adverb(&toks[k])) {
        k += 1;
    }
    let cue = cue_at(cues, toks, k).filter(|c| c.reports && c.class != CueClass::Thought)?;
    let mut from = k + cue.len;
    if toks.get(from).is_some_and(|t| t.is("that")) {
        from += 1;
    }
    if !clause_follows(toks, from, toks.len()) {
        return None;
    }
    Some(Found {
        speaker: backward_np(toks, 0, who - 1)?,
        cue: Span::new(toks[k].span.start, toks[k + cue.len - 1].span.end),
        content: content_from(toks, from, toks.len())?,
        rule: "main_after_relative",
    })
}

/// A report may be followed in its sentence by another, each with its own content:
/// "X said A, but he said B", "X said A, while Y said B", "X said A and added that B".
/// Gives `emit` the first report with its content cut where the next starts, then the
/// others (no list of them is made: most sentences have one).
fn coordinated_reports(
    cues: &Cues,
    toks: &[Tok],
    starts: Starts,
    first: Found,
    mut emit: impl FnMut(Found),
) {
    let mut cur = first;
    while let Some((cut, next)) = next_report(cues, toks, starts, &cur) {
        let from = first_at(toks, cur.content.start).unwrap_or(0);
        // "declined to comment, saying B": a first content too short to be a claim is left
        // out; it does not swallow the next report.
        if let Some(content) = content_from(toks, from, cut) {
            cur.content = content;
            emit(cur);
        }
        cur = next;
    }
    emit(cur);
}

/// The next report inside `cur`'s content: the token where `cur`'s content ends and the new
/// report.
fn next_report(cues: &Cues, toks: &[Tok], starts: Starts, cur: &Found) -> Option<(usize, Found)> {
    let from = first_at(toks, cur.content.start)?;
    let end = toks.partition_point(|t| t.span.end <= cur.content.end);
    if end == 0 {
        return None;
    }
    for k in starts.each_in(from + 2, end) {
        let Some(cue) = cue_at(cues, toks, k).filter(|c| c.reports) else {
            continue;
        };
        if in_list(PASSIVE, &toks[k - 1]) {
            continue;
        }
        let mut j = k;
        while j > from + 1 && (in_list(BETWEEN, &toks[j - 1]) || is_adverb(&toks[j - 1])) {
            j -= 1;
        }
        let t = &toks[j - 1];
        // `..., "values," stating that B`: the comma before the closing mark.
        let comma = t.punct(',') || is_quote_tok(t) && j >= 2 && toks[j - 2].punct(',');
        // "... and added that B", "..., adding that B": the same speaker goes on, unless a
        // clause with its own subject came between ("..., and the office gave a figure,
        // saying B").
        let same = in_list(&["and", "but"], t) || (comma && toks[k].s.ends_with("ing"));
        let (speaker, start) = if same {
            let own = (comma && toks[k].s.ends_with("ing"))
                .then(|| coordinated_subject(cues, &toks[..j - 1], from))
                .flatten();
            (own.unwrap_or(cur.speaker), j - 1)
        } else {
            // "..., but he said B", "..., while other voters said B"
            let Some(np) = backward_np(toks, from, k) else {
                continue;
            };
            let Some(s) = first_at(toks, np.start) else {
                continue;
            };
            let opener = s > from + 1
                && in_list(
                    &["but", "while", "whereas", "and", "although", "though"],
                    &toks[s - 1],
                );
            if !opener {
                continue;
            }
            (np, s - 1)
        };
        let cut = if start > from && toks[start - 1].punct(',') {
            start - 1
        } else {
            start
        };
        let mut c = k + cue.len;
        if let Some(that) = complementizer(toks, c, end) {
            if toks[c..that].iter().all(|t| t.word || t.punct(',')) {
                c = that + 1;
            }
        }
        if cue.class == CueClass::Thought
            && !toks[c - 1].is("that")
            && !clause_follows(toks, c, end)
        {
            continue;
        }
        let Some(content) = content_from(toks, c, end) else {
            continue;
        };
        let next = Found {
            speaker,
            cue: Span::new(toks[k].span.start, toks[k + cue.len - 1].span.end),
            content,
            rule: if same {
                "coordinated_cue_clause"
            } else {
                "coordinated_speaker_cue_clause"
            },
        };
        return Some((cut, next));
    }
    None
}

/// "The hashtag, he said, was even more popular": a speaker set off by commas inside the
/// sentence; the report is the two parts around it (two claims).
fn parenthetical(cues: &Cues, toks: &[Tok], starts: Starts) -> Option<(Found, Option<Span>)> {
    let n = toks.len();
    for c1 in 1..n.saturating_sub(4) {
        if !toks[c1].punct(',') {
            continue;
        }
        let Some(c2) = (c1 + 2..n.min(c1 + 10)).find(|&j| toks[j].punct(',')) else {
            continue;
        };
        let inner = &toks[c1 + 1..c2];
        if !inner.iter().all(|t| t.word) || !starts.any_in(c1 + 1, c2) {
            continue;
        }
        let Some(k) = (0..inner.len()).find(|&k| cue_at(cues, inner, k).is_some_and(|c| c.reports))
        else {
            continue;
        };
        let speaker = if k == 0 {
            forward_np(cues, inner, 1)
        } else {
            backward_np(inner, 0, k).filter(|s| s.start == inner[0].span.start)
        };
        let (Some(speaker), Some(next)) = (speaker, toks.get(c2 + 1)) else {
            continue;
        };
        let rest_words = toks[c2 + 1..].iter().filter(|t| t.word).count();
        let relay = in_list(
            &["citing", "quoting", "adding", "according", "saying"],
            next,
        );
        if rest_words < 3 || !next.word || next.capitalized() || relay {
            continue;
        }
        // What follows "said X," may be X's apposition ("said David Gilbert, its president",
        // "said Jane Roe, executive director of ..."), not a second part of the content.
        const TITLES: &[&str] = &[
            "founder",
            "executive",
            "director",
            "president",
            "chairman",
            "chairwoman",
            "head",
            "chief",
            "professor",
            "author",
            "spokesman",
            "spokeswoman",
            "member",
            "leader",
            "editor",
            "senior",
            "former",
            "co-founder",
            "analyst",
            "secretary",
        ];
        let apposition = k == 0
            && (in_list(DETERMINERS, next)
                || in_list(TITLES, next)
                || !clause_follows(toks, c2 + 1, n));
        let first = content_from(toks, 0, c1)
            .or_else(|| (c1 >= 1).then(|| Span::new(toks[0].span.start, toks[c1 - 1].span.end)))?;
        return Some((
            Found {
                speaker,
                cue: inner[k].span,
                content: first,
                rule: "parenthetical_speaker",
            },
            (!apposition)
                .then(|| content_from(toks, c2 + 1, n))
                .flatten(),
        ));
    }
    None
}

/// "The latter report was broadcast by X, which cites Y": the sentence before is Y's claim.
fn report_of_previous(cues: &Cues, toks: &[Tok]) -> Option<Span> {
    let opens = toks.len() > 4
        && toks[0].is("the")
        && in_list(
            &["latter", "report", "figures", "figure", "toll", "count"],
            &toks[1],
        )
        || toks.len() > 4
            && in_list(&["this", "these"], &toks[0])
            && in_list(&["report", "figures", "figure", "toll"], &toks[1]);
    if !opens {
        return None;
    }
    let k = toks
        .iter()
        .position(|t| in_list(&["cites", "citing", "quoting"], t))?;
    agent_np(cues, toks, k + 1)
}

/// The adverbs of hearsay.
const HEARSAY_ADVERBS: &[&str] = &["reportedly", "allegedly", "purportedly"];
/// The participles of hearsay, before "to" ("is said to").
const HEARD_WORDS: &[&str] = &[
    "said",
    "reported",
    "rumoured",
    "rumored",
    "believed",
    "expected",
    "thought",
    "understood",
    "alleged",
];
/// [`HEARD_WORDS`], looked up.
const HEARD: &Words = &Words::new(HEARD_WORDS);

/// "reportedly", "allegedly", "is said to", "are believed to": hearsay with no named source.
fn hearsay(toks: &[Tok]) -> Option<Span> {
    if let Some(t) = toks.iter().find(|t| in_list(HEARSAY_ADVERBS, t)) {
        return Some(t.span);
    }
    // "is said to", "is widely expected to", "is not thought to": what unnamed people say,
    // believe or expect.
    (1..toks.len().saturating_sub(1)).find_map(|k| {
        // The verb and "to" first: most words are neither, and the words before are not read.
        if !(in_list(HEARD, &toks[k]) && toks[k + 1].is("to")) {
            return None;
        }
        let mut b = k - 1;
        if b > 0 && (is_adverb(&toks[b]) || in_list(&["also", "not", "still"], &toks[b])) {
            b -= 1;
        }
        let be = in_list(&["is", "are", "was", "were"], &toks[b])
            || toks[b].s.ends_with("’s")
            || toks[b].s.ends_with("'s");
        be.then(|| Span::new(toks[b].span.start, toks[k + 1].span.end))
    })
}

/// The verbs of a reported question.
const ASK: &[&str] = &["asked", "asks", "asking", "ask"];

/// "X asked (Y) whether CLAUSE", "Asked if CLAUSE, X said ...", "when asked by X what ...":
/// a reported question, its content from the question word. With no subject (a participle)
/// the asker is the agent after *by*, or nobody named.
fn question(toks: &[Tok]) -> Option<(Option<Span>, Span, Span)> {
    const WH: &[&str] = &[
        "whether", "if", "what", "why", "how", "who", "which", "when", "where",
    ];
    let k = toks.iter().position(|t| in_list(ASK, t))?;
    let participle = k == 0 || in_list(&["when", "was", "were", "after", "being"], &toks[k - 1]);
    let mut j = k + 1;
    let mut agent = None;
    if toks.get(j).is_some_and(|t| t.is("by")) {
        let start = j + 1;
        j = start;
        while toks
            .get(j)
            .is_some_and(|t| t.word && !in_list(WH, t) && !t.is("to"))
            && j < start + 6
        {
            j += 1;
        }
        agent = join(&toks[start..j]);
    }
    // The one asked: a few words before the question word ("the students", "our followers").
    let wh = (j..toks.len().min(j + 6)).find(|&w| in_list(WH, &toks[w]))?;
    if toks[j..wh].iter().any(|t| !t.word) {
        return None;
    }
    let speaker = if participle {
        agent
    } else {
        let np = backward_np(toks, 0, k)?;
        let first = toks.iter().position(|t| t.span.start >= np.start)?;
        let opens =
            first == 0 || !toks[first - 1].word || in_list(CLAUSE_OPENERS, &toks[first - 1]);
        if !opens {
            return None;
        }
        Some(np)
    };
    let end = if participle {
        (wh..toks.len())
            .find(|&e| toks[e].punct(','))
            .unwrap_or(toks.len())
    } else {
        toks.len()
    };
    if end - wh < 4 {
        return None;
    }
    let content = content_from(toks, wh, end)?;
    Some((speaker, toks[k].span, content))
}

/// A paragraph that opens with a name and a colon, the words after it being the name's:
/// "Gingrich: Trump Must Decide ...", "KATE BOULDUAN: Why not debate?". The name is one to
/// five capitalized words, not a label ("Update:", "Editor's note:", "Tuesday:").
fn colon_speaker(text: &str, first: Span, para_end: usize) -> Option<Claim> {
    let head = &text[first];
    let colon = super::colon_space(head.as_bytes())?;
    if colon == 0 || colon > 60 {
        return None;
    }
    let name = Span::new(first.start, first.start + colon);
    let toks = tokens(text, name);
    // Words of a column or a label anywhere in it: "Tuesday's Morning Email", "Paid Notice".
    const LABEL_WORDS: &[&str] = &["email", "notice", "update", "week", "newsletter", "digest"];
    let ok = (1..=5).contains(&toks.len())
        && toks.iter().all(|t| t.capitalized() || t.punct('.'))
        && !is_colon_label(&toks[0])
        && !toks.iter().any(|t| in_list(LABEL_WORDS, t))
        && !is_time_word(&toks[0]);
    if !ok {
        return None;
    }
    // The words after the colon, without surrounding quote marks and final stop.
    let after = first.start + colon + 1;
    let marks = |c: char| matches!(c, '"' | '\'' | '‘' | '’' | '“' | '”');
    let body = &text[after..para_end];
    let start = after + body.len()
        - body
            .trim_start_matches(|c: char| c.is_whitespace() || marks(c))
            .len();
    let rest =
        text[start..para_end].trim_end_matches(|c: char| c.is_whitespace() || c == '.' || marks(c));
    let content = Span::new(start, start + rest.len());
    (rest.split_whitespace().count() >= 2).then(|| {
        let speaker = join(&toks[..toks.len() - usize::from(toks.last().is_some_and(|t| !t.word))]);
        let colon = Span::new(name.end, name.end + 1);
        indirect_claim(speaker, colon, content, "speaker_colon_line")
    })
}

fn found_claim(f: Found) -> Claim {
    indirect_claim(Some(f.speaker), f.cue, f.content, f.rule)
}

/// An indirect claim as a rule found it, before relays and antecedents.
fn indirect_claim(speaker: Option<Span>, cue: Span, content: Span, rule: &'static str) -> Claim {
    Claim {
        kind: ClaimKind::Indirect,
        content,
        speaker,
        cue: Some(cue),
        rule,
        antecedent: None,
        via: Vec::new(),
        quote: None,
    }
}

/// The indirect claims of one document; sentences that hold a direct quotation are left to
/// the quotation's claim.
/// The words besides cue forms that the rules of this module start from.
const TRIGGERS: &[&str] = &[
    "according",
    "cites",
    "citing",
    "quoting",
    "put",
    "puts",
    "gave",
    "gives",
    "reportedly",
    "allegedly",
    "purportedly",
    "said",
    "reported",
    "rumoured",
    "rumored",
    "believed",
];

/// [`TRIGGERS`] as a set, for the sentence pre-test.
pub(super) static TRIGGER_WORDS: LazyLock<ExtraWords> = LazyLock::new(|| ExtraWords::new(TRIGGERS));

/// Which of the words that some rules look for first may stand in a sentence's tokens:
/// told in one pass by the words' shapes, so that a rule whose word is missing is not run
/// (each would scan the tokens for it, and most sentences have none of them). A mark may be
/// set with its word missing (another word of its shape), never the reverse: the rule it
/// gates reads the tokens itself.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Landmarks(u8);

impl Landmarks {
    /// "according" ([`according_to`]).
    const ACCORDING: u8 = 1;
    /// A verb of [`ASK`] ([`question`]).
    const ASK: u8 = 2;
    /// A word of [`HEARSAY_ADVERBS`] or [`HEARD_WORDS`] ([`hearsay`]).
    const HEARSAY: u8 = 4;
    /// "reported" or "reports" ([`relay_inside`]).
    const RELAY: u8 = 8;
    /// A verb of [`PUT`] ([`speaker_cue_clause`]: a token of [`Starts`]).
    const PUT: u8 = 16;

    /// The words of each mark.
    const WORDS: &[(u8, &[&str])] = &[
        (Self::ACCORDING, &["according"]),
        (Self::ASK, ASK),
        (Self::HEARSAY, HEARSAY_ADVERBS),
        (Self::HEARSAY, HEARD_WORDS),
        (Self::RELAY, &["reported", "reports"]),
        (Self::PUT, PUT_WORDS),
    ];

    /// The marks of the words by their shapes: `BYTES[j][len][b]` has the marks of the
    /// words of length `len` (up to 15) whose `j`th byte (the first, the second, the one before
    /// the last and the last) has the low five bits `b` (the same for a letter in either case:
    /// its cases differ in bit 5 only). A word of a mark has it in all four.
    const BYTES: [[[u8; 32]; 16]; 4] = [
        Self::table(0),
        Self::table(1),
        Self::table(2),
        Self::table(3),
    ];

    /// The index in `w` (at least two bytes long) of the `j`th byte of [`Landmarks::BYTES`].
    const fn at(j: usize, len: usize) -> usize {
        match j {
            0 => 0,
            1 => 1,
            2 => len - 2,
            _ => len - 1,
        }
    }

    const fn table(j: usize) -> [[u8; 32]; 16] {
        let mut t = [[0; 32]; 16];
        let mut m = 0;
        while m < Self::WORDS.len() {
            let (mark, words) = Self::WORDS[m];
            let mut i = 0;
            while i < words.len() {
                let w = words[i].as_bytes();
                assert!(w.len() >= 3, "a mark's word of fewer than three bytes");
                let len = if w.len() < 15 { w.len() } else { 15 };
                t[len][(w[Self::at(j, w.len())] & 31) as usize] |= mark;
                i += 1;
            }
            m += 1;
        }
        t
    }

    /// The marks of the word `w`: four table look-ups for a word of three bytes or more.
    #[inline(always)]
    fn of_word(w: &[u8]) -> u8 {
        // (No word of a mark is shorter than three bytes.)
        let &[first, second, _, ..] = w else {
            return 0;
        };
        let n = w.len();
        let (penult, last) = (w[n - 2], w[n - 1]);
        let row = |j: usize, b: u8| Self::BYTES[j][n.min(15)][usize::from(b & 31)];
        row(0, first) & row(1, second) & row(2, penult) & row(3, last)
    }

    fn has(self, mark: u8) -> bool {
        self.0 & mark != 0
    }
}

/// Which tokens of a sentence may start a cue or be a verb of [`PUT`], the only tokens where
/// [`speaker_cue_clause`], [`next_report`], [`parenthetical`] and the speaker's segment of
/// [`tail_found`] find a report's verb: bit `k` for token `k`. The first token's bit is
/// always set, unlooked-at (no rule reads it), and a token from the 64th on is not told and
/// may be one. A bit may be set for a token that is neither (a word of a `PUT` verb's shape,
/// the first token), never the reverse: the rules look each token they stop at up
/// themselves. Told in the pass that finds the sentence's [`Landmarks`], so that these rules
/// do not each look every word up again.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Starts(u64);

impl Starts {
    /// The starts of `toks[lo..]`.
    fn from(self, lo: usize) -> Starts {
        if lo >= 64 {
            Starts(u64::MAX)
        } else {
            // (The tokens moved in from past the 64th are not told.)
            Starts(self.0 >> lo | !(u64::MAX >> lo))
        }
    }

    /// The bits of the tokens `lo..hi` below the 64th.
    fn bits_in(self, lo: usize, hi: usize) -> u64 {
        let below = if hi >= 64 { u64::MAX } else { (1 << hi) - 1 };
        let above = if lo >= 64 { 0 } else { u64::MAX << lo };
        self.0 & below & above
    }

    /// Whether a token of `lo..hi` may be one.
    fn any_in(self, lo: usize, hi: usize) -> bool {
        self.bits_in(lo, hi) != 0 || lo.max(64) < hi
    }

    /// The tokens of `lo..hi` that may be one, in order.
    fn each_in(self, lo: usize, hi: usize) -> impl Iterator<Item = usize> {
        let mut bits = self.bits_in(lo, hi);
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let k = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                k
            })
        })
        .chain(lo.max(64)..hi)
    }
}

/// The [`Landmarks`] and the [`Starts`] of a sentence's tokens, and its first semicolon, in
/// one pass: four table look-ups a word, and the cues' look-up of each of the first 64 but
/// the first. (No rule reads the first token's start: each looks for a cue from the second
/// token on, and a clause read on its own starts after a comma or a semicolon. So the
/// first token is not looked up, its bit set as a token that may start one, and the tokens
/// from the 64th on, which are not told, are read in a loop of their own, without a test of
/// the index a word.)
fn landmarks(cues: &Cues, toks: &[Tok]) -> (Landmarks, Starts, Option<usize>) {
    let mut marks = 0;
    let mut starts = 1;
    let mut semicolon = None;
    // The marks of the word `t`; for a sign, 0 and the first semicolon noted.
    let mut mark = |k: usize, t: &Tok| {
        if !t.word {
            if t.s == ";" && semicolon.is_none() {
                semicolon = Some(k);
            }
            return 0;
        }
        Landmarks::of_word(t.s.as_bytes())
    };
    let told = toks.len().min(64);
    if let Some(t) = toks.first() {
        marks |= mark(0, t);
    }
    for (k, t) in toks[..told].iter().enumerate().skip(1) {
        let m = mark(k, t);
        marks |= m;
        // Most words are told to start no cue by their heads, without hashing them. (The
        // look-up's own test, the keys' shapes, let through more words and mispredicted 90,000
        // branches on `dev1.jsonl`; the heads, 20,000: Ir +0.4 M, mispredicts -57,000. The fine
        // shapes of the cue starts instead: Ir +1.2 M, mispredicts -7,000.)
        if t.word
            && (m & Landmarks::PUT != 0
                || (!t.ascii | cues.may_start_ascii(t.s.as_bytes()))
                    && cues.starting_known(t.s, t.ascii).is_some())
        {
            starts |= 1 << k;
        }
    }
    for (k, t) in toks.iter().enumerate().skip(told) {
        marks |= mark(k, t);
    }
    (Landmarks(marks), Starts(starts), semicolon)
}

/// The quotations of `quotes` (in order of their starts) that overlap `span`, in that order,
/// found from the cursor `first`: the quotations before it end before `span` starts. Spans
/// asked for in order move the cursor forward, past the quotations that end before each, so a
/// run over a paragraph's sentences (or a text's paragraphs) reads each quotation about once,
/// not once a sentence.
fn overlapping<'a, 'c>(
    quotes: &'a [(Span, &'c Claim)],
    first: &mut usize,
    span: Span,
) -> impl Iterator<Item = &'a (Span, &'c Claim)> {
    while quotes.get(*first).is_some_and(|(d, _)| d.end <= span.start) {
        *first += 1;
    }
    quotes[*first..]
        .iter()
        .take_while(move |(d, _)| d.start < span.end)
        .filter(move |(d, _)| d.overlaps(span))
}

pub(super) fn reported_speech<'t>(
    text: &'t str,
    sentences: &Sentences,
    cues: &Cues,
    quoted: &[Claim],
    known: &Known<'t>,
    words: &TextWords,
) -> Vec<Claim> {
    // The direct quotations' outer spans, each with its claim.
    // (Sized up front, here and below: growing these vectors from empty took 1,062
    // reallocations for the 509 documents of dev1.)
    let mut direct: Vec<(Span, &Claim)> = Vec::with_capacity(quoted.len());
    direct.extend(
        quoted
            .iter()
            .filter(|c| c.kind == ClaimKind::Direct)
            .filter_map(|c| c.quote.map(|q| (q.outer(), c))),
    );
    // In text order (as attribution makes them), so that the paragraphs and sentences, also
    // in order, find theirs from a cursor: searched from the first each time, a paragraph of
    // many quotations took time quadratic in their number.
    if !direct.is_sorted_by_key(|(d, _)| d.start) {
        direct.sort_by_key(|(d, _)| d.start);
    }
    let mut first_direct = 0;
    // About one claim in five sentences on dev1, rarely one in two.
    let mut out: Vec<Claim> = Vec::with_capacity(sentences.all().len() / 2);
    // One buffer for the words of sentence after sentence, sized for a long one: grown from
    // empty it took about five reallocations a document.
    let mut buf = Vec::with_capacity(128);
    let bytes = text.as_bytes();
    // The direct quotations that overlap the paragraph, in the same order: a sentence's are
    // among them.
    let mut near: Vec<(Span, &Claim)> = Vec::with_capacity(direct.len());
    for sents in sentences.by_paragraph() {
        near.clear();
        // "Marco Rubio: I'm Not Interested", "BENENSON: Senator Sanders doesn't ...": a
        // headline or a transcript turn; the rest of the paragraph is the speaker's.
        if let (Some(&first), Some(&last)) = (sents.first(), sents.last()) {
            let para = Span::new(first.start, last.end);
            near.extend(overlapping(&direct, &mut first_direct, para));
            if near.is_empty() {
                if let Some(c) = colon_speaker(text, first, para.end) {
                    out.push(c);
                    continue;
                }
            }
        }
        let mut first_near = 0;
        for (si, &whole) in sents.iter().enumerate() {
            // The words before a direct quotation may report something of their own
            // ("..., according to which one was beheaded: “…,” said the command").
            let mut sent = whole;
            if let Some(&(d, quotation)) = overlapping(&near, &mut first_near, whole).next() {
                if d.start <= whole.start {
                    out.extend(participle_after_quote(text, cues, quotation, d, whole));
                    continue;
                }
                sent = Span::new(whole.start, d.start);
            }
            // Every rule below needs one of these words or a cue: most narrative sentences
            // have none and are never tokenized.
            if !cues.may_attribute_in(text, sent, &TRIGGER_WORDS, words) {
                continue;
            }
            // Its words before and after a partial quotation were read by the quotations' rules.
            known.tokens_into(text, sent, &mut buf);
            // (Every rule below reads four tokens or more.)
            if buf.len() < 4 {
                continue;
            }
            // The marks of the whole sentence: those of its clause after a semicolon are
            // among them.
            let (marks, mut starts, semicolon) = landmarks(cues, &buf);
            let mut toks: &[Tok] = &buf;
            // "Six in 10 said A; 46 percent said B": each clause is read as a sentence. Their
            // tokens are the sentence's before the semicolon's and after it (a window's
            // tokens end at a semicolon, and the space after it starts no word).
            // (The first semicolon with a space after it, as `s.find("; ")` finds it in the
            // text: a semicolon is always a token of its own.)
            let semicolon = semicolon.and_then(|first| {
                let spaced = |t: &Tok| {
                    !t.word && t.s == ";" && t.span.end < sent.end && bytes[t.span.end] == b' '
                };
                Some(first + toks[first..].iter().position(spaced)?)
            });
            if let Some(cut) = semicolon {
                let first = &toks[..cut];
                if first.len() >= 4 {
                    if let Some(f) = speaker_cue_clause(cues, first, starts) {
                        coordinated_reports(cues, first, starts, f, |f| out.push(found_claim(f)));
                        let from = (cut + 1).min(toks.len());
                        toks = &toks[from..];
                        starts = starts.from(from);
                    }
                }
            }
            if toks.len() < 4 {
                continue;
            }
            if let Some(source) = report_of_previous(cues, toks) {
                if si > 0 {
                    let prev = sents[si - 1];
                    let taken = out.iter().any(|c| prev.contains(c.content))
                        || direct.iter().any(|(d, _)| d.overlaps(prev));
                    if !taken {
                        let ptoks = tokens(text, prev);
                        if let Some(content) = content_from(&ptoks, 0, ptoks.len()) {
                            out.push(found_claim(Found {
                                speaker: source,
                                cue: toks
                                    .iter()
                                    .find(|t| in_list(&["cites", "citing", "quoting"], t))
                                    .map_or(source, |t| t.span),
                                content,
                                rule: "report_of_previous_sentence",
                            }));
                        }
                    }
                }
            }
            let tail = || {
                let (f, seg_end) = tail_segment(cues, toks, starts)?;
                let next = adding_after(cues, toks, seg_end, f.speaker);
                Some((f, next))
            };
            let found = marks
                .has(Landmarks::ACCORDING)
                .then(|| according_to(cues, toks))
                .flatten()
                .map(|f| (f, None))
                .or_else(tail);
            let before = out.len();
            if let Some((f, next)) = found {
                out.push(found_claim(f));
                out.extend(next.map(found_claim));
            } else if let Some(f) = speaker_cue_clause(cues, toks, starts) {
                let main = main_after_relative(cues, toks, &f);
                let after = main_after_subordinate(cues, toks, starts, &f);
                coordinated_reports(cues, toks, starts, f, |f| out.push(found_claim(f)));
                out.extend(main.into_iter().chain(after).map(found_claim));
            } else if let Some((f, second)) = parenthetical(cues, toks, starts) {
                let (speaker, cue) = (f.speaker, f.cue);
                out.push(found_claim(f));
                if let Some(content) = second {
                    out.push(found_claim(Found {
                        speaker,
                        cue,
                        content,
                        rule: "parenthetical_speaker",
                    }));
                }
            }
            // "X said A, the Interfax news agency reported, and B": A is the content, the
            // agency a relay.
            // The clause after the relay's comma is read as a sentence of its own ("..., and
            // later that day the president's office gave a figure of about 5,800").
            let mut after_relay = Vec::new();
            for c in &mut out[before..] {
                if let Some((comma, via)) = marks
                    .has(Landmarks::RELAY)
                    .then(|| relay_inside(toks, c.content))
                    .flatten()
                {
                    let from = toks.iter().position(|t| t.span.start >= c.content.start);
                    if let Some(content) = from.and_then(|f| content_from(toks, f, comma)) {
                        c.content = content;
                        c.via.push(via);
                        after_relay.extend(reports_after_relay(cues, toks, comma, starts));
                    }
                }
            }
            for f in after_relay {
                if !out[before..].iter().any(|c| c.content == f.content) {
                    out.push(found_claim(f));
                }
            }
            let reported = out.len() > before;
            // "Asked if he was ever bullied, the candidate said ...": the question too.
            let asked = marks
                .has(Landmarks::ASK)
                .then(|| question(toks))
                .flatten()
                .filter(|q| !out[before..].iter().any(|c| c.content.overlaps(q.2)));
            let unnamed = match asked {
                Some((speaker, cue, content)) => Some((speaker, cue, content, "asked_question")),
                // "Dozens were reportedly detained": a claim of unnamed sources.
                None if !reported && marks.has(Landmarks::HEARSAY) => {
                    hearsay(toks).and_then(|cue| {
                        Some((None, cue, content_from(toks, 0, toks.len())?, "hearsay"))
                    })
                }
                None => None,
            };
            if let Some((speaker, cue, content, rule)) = unnamed {
                out.push(indirect_claim(speaker, cue, content, rule));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::CUES;
    use crate::quote::find_quotes;
    use crate::segment::paragraphs;

    fn indirect(text: &str) -> Vec<(String, String, &'static str)> {
        let paras = paragraphs(text, 0);
        let quotes = find_quotes(text, &paras);
        super::super::attribute_quotes(text, &paras, &quotes, &CUES)
            .into_iter()
            .filter(|c| c.kind == super::ClaimKind::Indirect)
            .map(|c| {
                (
                    text[c.content].to_string(),
                    c.speaker.map_or(String::new(), |s| text[s].to_string()),
                    c.rule,
                )
            })
            .collect()
    }

    /// Each sentence gives exactly one indirect claim, with this content and speaker.
    /// None of `texts` holds reported speech.
    fn assert_no_claim(texts: &[&str]) {
        for text in texts {
            assert!(indirect(text).is_empty(), "{text}: {:?}", indirect(text));
        }
    }

    fn assert_one_claim_each(cases: &[(&str, &str, &str)]) {
        for (text, content, speaker) in cases {
            let got = indirect(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(
                (got[0].0.as_str(), got[0].1.as_str()),
                (*content, *speaker),
                "{text}"
            );
        }
    }

    #[test]
    fn patterns() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "The Kazakh police themselves said they had fired into the crowd.",
                "they had fired into the crowd",
                "The Kazakh police",
            ),
            (
                "According to a local rights group, 40 activists were held overnight.",
                "40 activists were held overnight",
                "a local rights group",
            ),
            (
                "Forty activists were held overnight, according to a local rights group.",
                "Forty activists were held overnight",
                "a local rights group",
            ),
            (
                "Organisers said more than 10,000 people had marched.",
                "more than 10,000 people had marched",
                "Organisers",
            ),
            (
                "More than 10,000 people had marched, the organisers said.",
                "More than 10,000 people had marched",
                "the organisers",
            ),
            (
                "More than 10,000 people had marched, said the organisers.",
                "More than 10,000 people had marched",
                "the organisers",
            ),
            (
                "The mayor told reporters that the bridge would reopen on Monday.",
                "the bridge would reopen on Monday",
                "The mayor",
            ),
            (
                "The mayor told reporters the bridge would reopen on Monday.",
                "the bridge would reopen on Monday",
                "The mayor",
            ),
            // A contracted pronoun opens the content: "he’s" is no word of the hearer.
            (
                "Joyce told The Huffington Post he’s not planning an appeal.",
                "he’s not planning an appeal",
                "Joyce",
            ),
            (
                "The mayor told reporters it's time to rebuild the bridge.",
                "it's time to rebuild the bridge",
                "The mayor",
            ),
            (
                "The agency reported, citing the ministry, that 164 people had died.",
                "164 people had died",
                "the ministry",
            ),
            (
                "The health ministry put the toll at 164 on Sunday.",
                "the toll at 164 on Sunday",
                "The health ministry",
            ),
            (
                "The diplomat, who asked not to be named, said the talks had stalled.",
                "the talks had stalled",
                "The diplomat",
            ),
            (
                "On Tuesday, the ministry said that roads were closed.",
                "roads were closed",
                "the ministry",
            ),
        ];
        assert_one_claim_each(cases);
    }

    /// Indirect claims as (content, speaker, rule), for sentences with several reports.
    #[test]
    fn several_reports_in_one_sentence() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Beck said he would not expect a race to change the state, but he said Trump could win the east.",
                &[
                    ("he would not expect a race to change the state", "Beck"),
                    ("Trump could win the east", "he"),
                ],
            ),
            (
                "Some supporters said the former president had made a good case, while other voters said they had heard nothing new.",
                &[
                    ("the former president had made a good case", "Some supporters"),
                    ("they had heard nothing new", "other voters"),
                ],
            ),
            (
                "The mayor said the bridge would reopen on Monday and added that the tolls would stay.",
                &[
                    ("the bridge would reopen on Monday", "The mayor"),
                    ("the tolls would stay", "The mayor"),
                ],
            ),
            (
                // A stance verb's object is a claim too; the shared subject says the clause.
                "Trump denounced her record as secretary of state and said she should not be allowed to run.",
                &[
                    ("her record as secretary of state", "Trump"),
                    ("she should not be allowed to run", "Trump"),
                ],
            ),
            (
                "The impact was limited, a Chinese official said, adding that the markets had recovered.",
                &[
                    ("The impact was limited", "a Chinese official"),
                    ("the markets had recovered", "a Chinese official"),
                ],
            ),
        ];
        for (text, want) in cases {
            let got = indirect(text);
            let got: Vec<(&str, &str)> = got
                .iter()
                .map(|(c, s, _)| (c.as_str(), s.as_str()))
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn a_subject_shared_with_an_earlier_verb() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Trump toured the plant in Ohio on Monday and said she should not be allowed to run.",
                "she should not be allowed to run",
                "Trump",
            ),
            (
                "The DNC disclosed the intrusions in June, saying its investigation had found Russian hackers.",
                "its investigation had found Russian hackers",
                "The DNC",
            ),
            (
                "Executives at those networks have largely said they were not sure what is going on.",
                "they were not sure what is going on",
                "Executives at those networks",
            ),
            (
                "RNC spokesman Sean Spicer on Thursday evening said the party was not in a crisis.",
                "the party was not in a crisis",
                "RNC spokesman Sean Spicer",
            ),
        ];
        assert_one_claim_each(cases);
    }

    #[test]
    fn beliefs_and_findings_followed_by_a_clause() {
        let got = indirect("Police believe the attackers fled across the border.");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str(), got[0].2),
            (
                "the attackers fled across the border",
                "Police",
                "speaker_thought_clause"
            )
        );
        let got = indirect("A new poll shows that most voters want a change.");
        assert_eq!(got[0].0, "most voters want a change");
        assert_no_claim(&[
            "She thought about the offer for a while.",
            "They want to leave the city before the storm.",
            "Police found the car near the border on Sunday.",
            "The figures show a steady rise in prices.",
        ]);
    }

    #[test]
    fn subjects_with_tags_and_contents_after_adverbials() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Gov. Phil Bryant (R) said he expects an appeal of the ruling.",
                "he expects an appeal of the ruling",
                "Gov. Phil Bryant",
            ),
            (
                "Franklin added that, in Wisconsin, the coalition consists of disaffected voters.",
                "in Wisconsin, the coalition consists of disaffected voters",
                "Franklin",
            ),
            (
                "Democrats had made history, she said in a video message to the convention on Tuesday night.",
                "Democrats had made history",
                "she",
            ),
            (
                "A Chinese official responded by saying Japan should be careful in the waterway.",
                "Japan should be careful in the waterway",
                "A Chinese official",
            ),
        ];
        assert_one_claim_each(cases);
        // A quantity after the cue is content, not an adverbial.
        for (text, content) in [
            (
                "The office said about 5,800 people were being held.",
                "about 5,800 people were being held",
            ),
            (
                "Authorities in four other states reported at least 14 more deaths.",
                "at least 14 more deaths",
            ),
        ] {
            assert_eq!(indirect(text)[0].0, content, "{text}");
        }
        for (text, content, speaker) in [
            (
                "But, according to the poll, 46 percent of Republican voters remain undecided.",
                "46 percent of Republican voters remain undecided",
                "the poll",
            ),
            (
                "But the next day, according to Roffman, Trump made further demands.",
                "Trump made further demands",
                "Roffman",
            ),
            (
                "Clinton leads by 11 points, according to a survey conducted after the tape was released Friday.",
                "Clinton leads by 11 points",
                "a survey",
            ),
        ] {
            let got = indirect(text);
            assert_eq!(got[0].0, content, "{text}");
            assert!(got[0].1.starts_with(speaker), "{text}: {got:?}");
        }
        let got = indirect("Most voters said they were tired of the campaign; 46 percent said they were uninterested.");
        let contents: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            contents,
            ["they were tired of the campaign", "they were uninterested"]
        );
    }

    #[test]
    fn subjects_with_several_appositions_contractions_and_negations() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "Cory Jones, 22, of Flint, Mich., said he had not given up hope.",
                "he had not given up hope",
                "Cory Jones, 22",
            ),
            (
                "Clinton, during a town hall meeting in Columbus, Ohio, said she would invest in the region.",
                "she would invest in the region",
                "Clinton",
            ),
            (
                "But Tom Fitton, the president of Judicial Watch, a group that has sued the department, said the damage was done.",
                "the damage was done",
                "Tom Fitton, the president of Judicial Watch",
            ),
            (
                "While he’s said he believes in the plan, he has done little for it.",
                "he believes in the plan",
                "he",
            ),
            (
                "Sen. Ann Lee of Ohio, the likely leader next year, wouldn’t say how the party would vote.",
                "how the party would vote",
                "Sen. Ann Lee of Ohio, the likely leader next year",
            ),
            (
                "Donald J. Trump and Senator Bernie Sanders have both argued that workers have lost jobs.",
                "workers have lost jobs",
                "Senator Bernie Sanders",
            ),
            (
                "Rather, sources close to her campaign said she stands behind the president.",
                "she stands behind the president",
                "sources close to her campaign",
            ),
            (
                "He did not answer, and instead argued that the administration had made a deal.",
                "the administration had made a deal",
                "He",
            ),
        ];
        assert_one_claim_each(cases);
    }

    #[test]
    fn the_subject_of_a_participle_after_with() {
        assert_one_claim_each(&[
            (
                "Mr. Trump has improved his standing, with 30 percent of voters saying they have a positive view of him.",
                "they have a positive view of him",
                "30 percent of voters",
            ),
            (
                "Attention turns to the jobs data, with analysts saying a strong reading will cement a rate rise.",
                "a strong reading will cement a rate rise",
                "analysts",
            ),
        ]);
        assert_no_claim(&["He left the room with his aides saying nothing."]);
    }

    #[test]
    fn according_to_inside_the_sentence() {
        assert_one_claim_each(&[
            (
                "Fundraising, according to the campaign, has surged in the same period.",
                "has surged in the same period",
                "the campaign",
            ),
            (
                "About 10:03 p.m., according to a congressional timeline, the security contractors left for the compound.",
                "the security contractors left for the compound",
                "a congressional timeline",
            ),
        ]);
        // After a clause, the clause is the content.
        let got = indirect("In Iowa, Trump is in first, according to the polling average, although Carson keeps it close.");
        assert_eq!(got[0].0, "In Iowa, Trump is in first");
    }

    #[test]
    fn what_evidence_shows() {
        assert_one_claim_each(&[
            (
                "A new national poll shows Clinton and the Vermont senator in a dead heat.",
                "Clinton and the Vermont senator in a dead heat",
                "A new national poll",
            ),
            (
                "The survey found only a small gender gap among younger voters.",
                "only a small gender gap among younger voters",
                "The survey",
            ),
        ]);
        // Not evidence: people find and show things.
        assert_no_claim(&[
            "Police found the car near the river.",
            "He showed the letter to reporters.",
        ]);
    }

    #[test]
    fn a_speaker_set_off_by_commas() {
        let got = indirect("The hashtag, he said, was even more popular than the candidate.");
        let contents: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            contents,
            ["The hashtag", "was even more popular than the candidate"]
        );
        // An apposition of the speaker is not a second part.
        assert_one_claim_each(&[
            (
                "Tariffs are unlikely to bring these jobs back, said David Autor, a professor of economics at the institute.",
                "Tariffs are unlikely to bring these jobs back",
                "David Autor",
            ),
            (
                "Congress could push for tougher rules, said Bart Naylor, financial policy advocate for Public Citizen.",
                "Congress could push for tougher rules",
                "Bart Naylor",
            ),
            (
                "The convention has collected roughly $56 million, said David Gilbert, its president and chief executive.",
                "The convention has collected roughly $56 million",
                "David Gilbert",
            ),
        ]);
    }

    #[test]
    fn cue_words_used_as_nouns() {
        assert_no_claim(&[
            "The shooting came amid reports that the couple had been radicalized.",
            "Her plan would require the financial help of states that may not want to chip in.",
            "The interview repeated the debunked claim that he opposed the invasion.",
            "Earlier, Ruhle pressed Flynn on Russia, citing reports that two advisers had been investigated.",
            "He campaigned in Ohio and Pennsylvania, states that have long proven unfriendly to him.",
        ]);
    }

    #[test]
    fn stances_take_an_object_or_an_infinitive() {
        assert_one_claim_each(&[
            (
                "The opposition accused the government of hiding the true death toll.",
                "the government of hiding the true death toll",
                "The opposition",
            ),
            (
                "Rights groups called for an independent inquiry into the shootings.",
                "an independent inquiry into the shootings",
                "Rights groups",
            ),
            (
                "The president vowed to restore order in Almaty within days.",
                "to restore order in Almaty within days",
                "The president",
            ),
            (
                "The union urged its members to stay away from the square.",
                "its members to stay away from the square",
                "The union",
            ),
            (
                "Smith, who chairs the committee, refused to release the documents.",
                "to release the documents",
                "Smith",
            ),
        ]);
    }

    #[test]
    fn subjects_that_are_relatives_quantifiers_or_after_a_time_phrase() {
        assert_one_claim_each(&[
            (
                "He took calls from listeners who said they had misgivings about the deal.",
                "they had misgivings about the deal",
                "who",
            ),
            (
                "The talks went on with help from Labor Secretary Thomas Perez, who said he expects a deal by Sunday, and the union.",
                "he expects a deal by Sunday",
                "who",
            ),
            (
                "Several said they would rather stay home on election day.",
                "they would rather stay home on election day",
                "Several",
            ),
            (
                "On Sunday they said 16 police officers had died.",
                "16 police officers had died",
                "they",
            ),
            (
                "Again, those surveyed said the economy was the top issue.",
                "the economy was the top issue",
                "those surveyed",
            ),
        ]);
    }

    #[test]
    fn a_name_and_a_colon_opening_a_paragraph() {
        assert_one_claim_each(&[
            (
                "Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket.\n\nWednesday on Fox News, he spoke.",
                "Trump Must Decide If He Wants a Two-Pirate Ticket",
                "Gingrich",
            ),
            (
                "BENENSON: Senator Sanders doesn't get to decide when we debate. Particularly now.",
                "Senator Sanders doesn't get to decide when we debate. Particularly now",
                "BENENSON",
            ),
        ]);
        assert_no_claim(&[
            "Update: The story was corrected on Monday to fix a name.",
            "Editor's note: This article first ran in 2015 in print.",
            "Tuesday's Morning Email: What you need to know today.",
        ]);
    }

    #[test]
    fn reported_questions() {
        assert_one_claim_each(&[
            (
                "Mr. Rubin asked the students if they were always so serious.",
                "if they were always so serious",
                "Mr. Rubin",
            ),
            (
                "Asked by Stephanopoulos whether he would run again, he smiled.",
                "whether he would run again",
                "Stephanopoulos",
            ),
        ]);
        // No asker named: the question is a claim of nobody in particular, and the answer
        // is the answerer's.
        let got = indirect("Asked if he was ever bullied, the candidate said he was not.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.contains(&(
            "if he was ever bullied".into(),
            String::new(),
            "asked_question"
        )));
        assert!(indirect("He asked for a glass of water and a chair.").is_empty());
    }

    #[test]
    fn stance_words_that_are_not_stances() {
        assert_no_claim(&[
            // A noun, and a passive: the stance is someone else's or nobody's.
            "The calls for an inquiry grew louder on Monday.",
            "He was accused of fraud in 2019.",
            // A noun after a verb.
            "Others listed demands that went well beyond the price of fuel.",
            "Trump deviated from his prepared remarks Thursday during a rally.",
            // A phrasal verb.
            "The plans don't add up in terms of how to pay for health care.",
            // Intentions and plans stay narrative.
            "They want to leave the city before the storm.",
        ]);
    }

    #[test]
    fn verbs_that_only_look_like_reports() {
        assert_no_claim(&[
            "So Labor Secretary Thomas Perez stopped writing his speech and moved to the last row.",
            "Bob agreed to talk on the condition that his name not be used.",
            "It is worth noting there is little love lost between the banks and the candidate.",
            "The debate was about when the United States should intervene in conflicts abroad.",
        ]);
    }

    #[test]
    fn narrative_is_not_a_claim() {
        assert_no_claim(&[
            "Shops stayed closed on the main square.",
            "She said goodbye to her neighbours and left.",
            "The protesters were told to leave the square.",
            "The so-called peace plan was never published.",
            "He said nothing about the plan.",
            // The subject's own expectation is not hearsay.
            "He expected to win the race easily.",
            // Verbs that report only a clause, with an object.
            "Clinton maintains a wide lead over Sanders among black voters.",
            "The committee added a new clause to the bill on Tuesday.",
        ]);
    }

    #[test]
    fn hearsay_is_a_claim_of_unnamed_sources() {
        for text in [
            "Dozens of officers were reportedly injured overnight.",
            "The general is said to have fled the capital.",
            "The combined company is widely expected to generate $25 billion by 2018.",
            "The minister’s also thought to have left the country.",
        ] {
            let got = indirect(text);
            assert_eq!(
                (got.len(), got[0].1.as_str(), got[0].2),
                (1, "", "hearsay"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_reporting_participle_after_a_comma_needs_no_clause() {
        // "his comments reflect ...": no auxiliary tells the clause, but after ", saying" the
        // words are what was said.
        assert_one_claim_each(&[(
            "Clinton attacked Trump, saying his comments reflect a broader intolerance.",
            "his comments reflect a broader intolerance",
            "Clinton",
        )]);
        assert_no_claim(&["The mayor left the meeting early, adding to the confusion."]);
    }

    #[test]
    fn participles_go_on_with_the_subject() {
        assert_one_claim_each(&[
            // Not "CLAUSE, said X" with "that nobody ..." as its speaker.
            (
                "A spokeswoman for Janney also declined to comment, saying that nobody involved remains at the firm today.",
                "nobody involved remains at the firm today",
                "A spokeswoman for Janney",
            ),
            // The progressive: the subject stands before the auxiliary.
            (
                "Trump is saying that the election is rigged.",
                "the election is rigged",
                "Trump",
            ),
            (
                "He has been saying for months that the system is rigged.",
                "the system is rigged",
                "He",
            ),
            // "As X said, CLAUSE."
            (
                "As Purple PAC's Crane said, the two standard-bearers have become some of the least ideological candidates.",
                "the two standard-bearers have become some of the least ideological candidates",
                "Purple PAC's Crane",
            ),
        ]);
        assert_no_claim(&["The bill is being debated in the Senate this week."]);
        let got = indirect("The Trump campaign declined to comment, saying the matter was closed.");
        assert!(
            got.contains(&(
                "the matter was closed".into(),
                "The Trump campaign".into(),
                "coordinated_cue_clause"
            )),
            "{got:?}"
        );
    }

    #[test]
    fn a_clause_then_its_teller() {
        assert_one_claim_each(&[
            (
                "People should provide evidence for their accusations, he told reporters.",
                "People should provide evidence for their accusations",
                "he",
            ),
            (
                "It wouldn't be hard to make sure people pay some federal tax, experts told me this week.",
                "It wouldn't be hard to make sure people pay some federal tax",
                "experts",
            ),
            // A speaker with an apposition; not "earlier this week" told by him.
            (
                "The nominee isn't planning any more high-dollar events, Trump's finance chairman, Steve Mnuchin, told The Washington Post earlier this week.",
                "The nominee isn't planning any more high-dollar events",
                "Trump's finance chairman, Steve Mnuchin",
            ),
        ]);
        // An opening phrase before a quotation is not a claim.
        assert_no_claim(&[
            "In a statement, Clinton campaign spokesman Nick Merrill said, “We welcome it.”",
            "Later in the piece, Tuttle wrote, “The relationship was never equal.”",
        ]);
    }

    #[test]
    fn that_may_be_the_subject_and_a_date_may_follow_who() {
        assert_one_claim_each(&[
            (
                "He said that is a distortion of what the team did.",
                "that is a distortion of what the team did",
                "He",
            ),
            (
                "He worked with McConnell, who in 2010 said the party's goal was to make Obama a one-term president.",
                "the party's goal was to make Obama a one-term president",
                "who",
            ),
        ]);
    }

    #[test]
    fn opening_time_phrases_are_not_the_speaker() {
        assert_one_claim_each(&[
            (
                "On Sunday the acting interior minister, Yerlan Turgumbayev, said 5,135 people were in custody.",
                "5,135 people were in custody",
                "the acting interior minister, Yerlan Turgumbayev",
            ),
            (
                "Last week Hope Hicks, the top spokeswoman for the campaign, said she would get back to me.",
                "she would get back to me",
                "Hope Hicks, the top spokeswoman for the campaign",
            ),
            (
                "By the evening the ministry said eight police officers had been killed.",
                "eight police officers had been killed",
                "the ministry",
            ),
            // A pronoun is the sentence's subject too.
            (
                "On Thursday, he hedged on whether he would support her, telling MSNBC his involvement would depend on her platform.",
                "his involvement would depend on her platform",
                "he",
            ),
        ]);
    }

    #[test]
    fn a_participle_after_a_coordinated_clause_takes_its_subject() {
        let got = indirect(
            "The minister said 5,135 people were held, and later that day the president’s office gave a figure of about 5,800, saying those held included foreign nationals.",
        );
        assert!(
            got.contains(&(
                "those held included foreign nationals".into(),
                "the president’s office".into(),
                "coordinated_cue_clause"
            )),
            "{got:?}"
        );
    }

    #[test]
    fn an_inverted_speaker_with_an_apposition_or_a_relative_clause() {
        assert_one_claim_each(&[
            (
                "He lacks support in Congress, whom he's alienated with his rhetoric, said Larry Sabato, director of the Center for Politics.",
                "He lacks support in Congress, whom he's alienated with his rhetoric",
                "Larry Sabato",
            ),
            (
                "Xi was told not to move on the shoal, said an American official who was briefed on the details.",
                "Xi was told not to move on the shoal",
                "an American official",
            ),
        ]);
    }

    #[test]
    fn mentions_with_and_or_a_relative_clause_inside() {
        assert_one_claim_each(&[
            // A noun in -ly is not an adverb before the cue.
            (
                "The organizer of a pro-Trump rally said the city's rules increased the risk.",
                "the city's rules increased the risk",
                "The organizer of a pro-Trump rally",
            ),
            (
                "The Centers for Disease Control and Prevention estimates that one in 45 children has autism.",
                "one in 45 children has autism",
                "The Centers for Disease Control and Prevention",
            ),
            (
                "Friends of Mr. Clinton's who have seen him on the trail recently say that the energy is back.",
                "the energy is back",
                "Friends of Mr. Clinton's",
            ),
        ]);
        // A time and a place after the cue: no content.
        assert_no_claim(&[
            "Analyst Jack Liu wrote Thursday on 38 North, a website devoted to North Korea.",
        ]);
    }

    #[test]
    fn a_relative_clause_and_the_main_report() {
        let got = indirect(
            "Cruz, who says Trump is attacking him because the polls have tightened, said GOP voters should go with him.",
        );
        assert_eq!(
            got,
            [
                (
                    "Trump is attacking him because the polls have tightened".into(),
                    "who".into(),
                    "relative_cue_clause"
                ),
                (
                    "GOP voters should go with him".into(),
                    "Cruz".into(),
                    "main_after_relative"
                ),
            ]
        );
    }

    #[test]
    fn that_after_the_contents_subject_is_no_complementizer() {
        assert_one_claim_each(&[
            // "that" as a pronoun or determiner inside the content, not after the cue.
            (
                "Experts on North Korea said the latest nuclear test could change that.",
                "the latest nuclear test could change that",
                "Experts on North Korea",
            ),
            (
                "Officials said the new rules would make that harder to do.",
                "the new rules would make that harder to do",
                "Officials",
            ),
            // A day after the cue is no part of the content.
            (
                "Rep. Tom Cole said Thursday his biggest worry is the turnout.",
                "his biggest worry is the turnout",
                "Rep. Tom Cole",
            ),
            // A hearer and a time before the complementizer are passed over.
            (
                "The mayor told reporters on Tuesday that the bridge would reopen.",
                "the bridge would reopen",
                "The mayor",
            ),
        ]);
    }

    #[test]
    fn a_clause_ending_in_a_partial_quote_before_its_speaker() {
        // The clause is the claim (the quoted words stay a partial claim inside it).
        assert_one_claim_each(&[(
            "Teachers who connect online with the group are “very, very pro-Bernie,” Kilfoyle said.",
            "Teachers who connect online with the group are “very, very pro-Bernie",
            "Kilfoyle",
        )]);
        assert_no_claim(&["That’s Hillary Clinton,” said the man."]);
        let got = indirect("The plan was “a disgrace,” said the mayor.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("The plan was “a disgrace", "the mayor")
        );
    }

    #[test]
    fn a_naming_verb_with_a_quoted_label() {
        let got = indirect(
            "Last month, FBI Director James Comey called Clinton's use of private email servers “extremely careless.”",
        );
        assert_eq!(
            got,
            [(
                "Clinton's use of private email servers “extremely careless.”".into(),
                "FBI Director James Comey".into(),
                "speaker_names_object"
            )]
        );
        // Without a quoted label, or a label nobody gives: no claim.
        assert_no_claim(&[
            "The senator called the meeting to order.",
            "The so-called “Charleston loophole” remains in force.",
        ]);
    }

    #[test]
    fn a_comma_between_the_cue_and_its_clause() {
        assert_one_claim_each(&[(
            "She said, if elected, she would ask Mr. Biden to lead the initiative.",
            "if elected, she would ask Mr. Biden to lead the initiative",
            "She",
        )]);
        // A speaker set off by commas inside the sentence is read around it.
        for text in [
            "The plan, he said, would have failed without them.",
            "Cost estimates, he added, were higher without them.",
        ] {
            let got = indirect(text);
            assert_eq!(got.len(), 2, "{got:?}");
            assert!(
                got.iter()
                    .all(|(_, s, r)| s == "he" && *r == "parenthetical_speaker"),
                "{got:?}"
            );
        }
    }

    #[test]
    fn a_relay_set_off_by_commas_ends_the_content() {
        let text = "On Sunday the minister said 5,135 people were in custody, the Interfax news agency reported, and later that day the office gave a figure of about 5,800.";
        let paras = paragraphs(text, 0);
        let quotes = find_quotes(text, &paras);
        let claims = super::super::attribute_quotes(text, &paras, &quotes, &CUES);
        let c = &claims[0];
        assert_eq!(&text[c.content], "5,135 people were in custody");
        assert_eq!(
            c.via.iter().map(|v| &text[*v]).collect::<Vec<_>>(),
            ["the Interfax news agency"]
        );
        // The clause after the relay is read on its own.
        let figure = claims
            .iter()
            .find(|c| text[c.content].contains("5,800"))
            .expect("the office's figure");
        assert_eq!(figure.speaker.map(|s| &text[s]), Some("the office"));
    }

    #[test]
    fn what_evidence_shows_or_indicates() {
        assert_one_claim_each(&[
            (
                "Recent polling shows that the governor's rating is roughly equal among both groups.",
                "the governor's rating is roughly equal among both groups",
                "Recent polling",
            ),
            (
                "Reports indicate the Puerto Rico primary, along with late support, put Clinton over the threshold.",
                "the Puerto Rico primary, along with late support, put Clinton over the threshold",
                "Reports",
            ),
        ]);
        assert_no_claim(&[
            "Trump started his day by calling into the morning shows to preempt an attack.",
        ]);
    }

    #[test]
    fn a_belief_or_a_finding_after_its_clause() {
        assert_one_claim_each(&[
            (
                "More than 40 percent of that money arrived in February alone, new fundraising reports show.",
                "More than 40 percent of that money arrived in February alone",
                "new fundraising reports",
            ),
            (
                "The attackers fled across the border, police believe.",
                "The attackers fled across the border",
                "police",
            ),
            (
                "Renewables drew twice as much investment as fossil fuels, Bloomberg New Energy Finance found.",
                "Renewables drew twice as much investment as fossil fuels",
                "Bloomberg New Energy Finance",
            ),
        ]);
        // "know" is no belief here; a verb in the mention, or words after the cue, make it
        // the writer's clause.
        assert_no_claim(&[
            "Leave it all behind, your family, everybody you know.",
            "Terrorist attacks in Paris and San Bernardino, Calif., suddenly placed security fears at center stage.",
            "In England, France and Norway, Jews fear for their safety.",
            "They should be very, very worried.",
        ]);
    }

    #[test]
    fn evidence_described_by_the_words_after_it() {
        // The subject runs from the sentence's start: the noun of evidence, then the words
        // that say which one.
        assert_one_claim_each(&[
            (
                "A CNN/ORC poll of South Carolina released on Tuesday showed Mr. Trump with a 16-point lead over Mr. Cruz.",
                "Mr. Trump with a 16-point lead over Mr. Cruz",
                "A CNN/ORC poll of South Carolina released on Tuesday",
            ),
            (
                "Last year’s FBI statistics show that the numbers in the tweet are incorrect.",
                "the numbers in the tweet are incorrect",
                "Last year’s FBI statistics",
            ),
            (
                "But an analysis by Politifact of elections going back to 1972 actually showed the party with the highest turnout won only four times.",
                "the party with the highest turnout won only four times",
                "an analysis by Politifact of elections going back to 1972",
            ),
        ]);
        // No noun of evidence, or a verb of the subject's own.
        assert_no_claim(&[
            "The mayor of the city showed the letter to reporters.",
            "The poll that was released on Tuesday has a margin of error.",
        ]);
        let got = indirect(
            "A recent review of the emails seems to show that a reporter coordinated with the staff.",
        );
        assert!(got.iter().all(|g| !g.1.ends_with("to")), "{got:?}");
    }

    #[test]
    fn a_parenthesis_in_dashes_between_the_subject_and_its_cue() {
        assert_one_claim_each(&[
            (
                "Democrats — and some Republicans — say that Trump’s alienation of the electorate far outweighs any gains.",
                "Trump’s alienation of the electorate far outweighs any gains",
                "Democrats",
            ),
            (
                "The justice -- who has been involved in a scuffle with the nominee -- said she regretted her remarks.",
                "she regretted her remarks",
                "The justice",
            ),
        ]);
    }

    #[test]
    fn a_participle_after_a_quotations_speaker() {
        let got = indirect(
            "“If you're not tough, you will lose,” Buchanan said, noting that Manafort did not lose a single Ford delegate.",
        );
        assert_eq!(
            got,
            [(
                "Manafort did not lose a single Ford delegate".into(),
                "Buchanan".into(),
                "participle_after_quote"
            )]
        );
        assert!(indirect("“We stay,” the mayor said, adding to the confusion.").is_empty());
        // Any white space after the comma, as the tokens skip it.
        let got = indirect("“We stay,” the mayor said,\u{a0}\n noting that the river rose again.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "the river rose again");
        // A phrase of the attribution's own may stand before the participle: where or to
        // whom it was said.
        for (text, content) in [
            (
                "“It has changed,” Twitter said in a statement, adding that it condemns the use of Twitter to promote terrorism.",
                "it condemns the use of Twitter to promote terrorism",
            ),
            (
                "“Nothing you can do, folks,” Trump told a North Carolina rally, saying Clinton would abolish the Second Amendment.",
                "Clinton would abolish the Second Amendment",
            ),
        ] {
            let got = indirect(text);
            assert!(
                got.iter()
                    .any(|(c, _, r)| c == content && *r == "participle_after_quote"),
                "{text}: {got:?}"
            );
        }
        // Not when a clause of its own stands there.
        assert!(
            indirect("“We stay,” the mayor said as the river rose, adding to the confusion.")
                .is_empty()
        );
    }

    #[test]
    fn a_coordinated_mention_led_by_a_pronoun() {
        assert_one_claim_each(&[(
            "It's not only about creating big audiences for advertisers, he and Mr. Allen said.",
            "It's not only about creating big audiences for advertisers",
            "he and Mr. Allen",
        )]);
    }

    #[test]
    fn an_inverted_speaker_is_no_clause() {
        // "said she understands why ...": the words after the cue are the content, not an
        // inverted speaker.
        assert_one_claim_each(&[(
            "Michelle Deardorff, a political science professor, said she understands why tensions amplified so quickly after the April chalking incident.",
            "she understands why tensions amplified so quickly after the April chalking incident",
            "Michelle Deardorff, a political science professor",
        )]);
    }

    #[test]
    fn long_mentions_before_the_cue() {
        assert_one_claim_each(&[
            (
                "A person familiar with the planning for Thursday’s meeting says the discussion will focus on one candidate.",
                "the discussion will focus on one candidate",
                "A person familiar with the planning for Thursday’s meeting",
            ),
            (
                "The deputy head of China’s delegation to the forum said the United States should reduce its patrols.",
                "the United States should reduce its patrols",
                "The deputy head of China’s delegation to the forum",
            ),
        ]);
    }

    #[test]
    fn a_subordinate_report_and_the_main_report() {
        let got = indirect(
            "While Comey has said that he regularly makes recommendations on cases, Lewandowski said he does not do them publicly.",
        );
        let contents: Vec<(&str, &str)> = got
            .iter()
            .map(|(c, s, _)| (c.as_str(), s.as_str()))
            .collect();
        assert_eq!(
            contents,
            [
                ("he regularly makes recommendations on cases", "Comey"),
                ("he does not do them publicly", "Lewandowski"),
            ]
        );
    }

    #[test]
    fn quoted_sentences_are_left_to_the_quote() {
        assert!(indirect("“We will stay,” the mayor said on Tuesday.").is_empty());
        let got = indirect("Trump said the media was “very dishonest” on Tuesday.");
        assert_eq!(got[0].0, "the media was “very dishonest” on Tuesday");
    }

    /// The marks of a text's tokens.
    fn marks(text: &str) -> Landmarks {
        landmarks(&CUES, &tokens(text, Span::new(0, text.len()))).0
    }

    #[test]
    fn landmarks_mark_every_word_of_theirs_in_any_case() {
        for &(mark, words) in Landmarks::WORDS {
            for w in words {
                for text in [
                    format!("x {w} y"),
                    w.to_uppercase(),
                    format!("{}{}.", w[..1].to_uppercase(), &w[1..]),
                ] {
                    assert!(marks(&text).has(mark), "{text}");
                }
            }
        }
        assert_eq!(marks("The mayor spoke on Tuesday, ya."), Landmarks(0));
        assert_eq!(marks("“—, a”"), Landmarks(0));
    }

    impl Starts {
        /// Whether token `k` may be one.
        fn may(self, k: usize) -> bool {
            self.any_in(k, k + 1)
        }
    }

    #[test]
    fn starts_are_the_cues_and_put_verbs() {
        let text = "The mayor said on Tuesday that police gave a figure, PUTS it.";
        let toks = tokens(text, Span::new(0, text.len()));
        let (_, starts, _) = landmarks(&CUES, &toks);
        for (k, t) in toks.iter().enumerate() {
            let cue = cue_at(&CUES, &toks, k).is_some() || PUT.holds(t);
            assert!(!cue || starts.may(k), "{}", t.s);
        }
        let said = toks.iter().position(|t| t.s == "said").unwrap();
        // The first token may start a cue (it is not looked up); "on" after "said" does not.
        assert!(starts.may(said) && starts.may(0) && !starts.may(said + 1));
        let put = |w: &str| toks.iter().position(|t| t.s == w).unwrap();
        assert!(starts.may(put("gave")) && starts.may(put("PUTS")));
        // The first semicolon, with a space after it or not.
        let first = |text: &str| landmarks(&CUES, &tokens(text, Span::new(0, text.len()))).2;
        assert_eq!(first("Six said A;B; C said D; E"), Some(3));
        assert_eq!(first("Six said A, B"), None);
        // Past the 64th token, every token may be one.
        let long = "word ".repeat(70);
        let (_, starts, _) = landmarks(&CUES, &tokens(&long, Span::new(0, long.len())));
        // (No word among the first 64 starts a cue, but the first token is not told.)
        assert_eq!(starts.bits_in(0, 64), 1);
        assert!(!starts.may(63) && starts.may(64) && starts.may(69));
    }

    #[test]
    fn starts_slice_like_their_tokens() {
        let s = Starts(0b1001_0110);
        assert_eq!(s.each_in(0, 8).collect::<Vec<_>>(), [1, 2, 4, 7]);
        assert_eq!(s.each_in(2, 7).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(s.each_in(5, 5).count(), 0);
        assert_eq!(s.each_in(7, 3).count(), 0);
        assert_eq!(s.each_in(60, 67).collect::<Vec<_>>(), [64, 65, 66]);
        assert!(s.any_in(3, 5) && !s.any_in(5, 7) && !s.any_in(4, 4));
        assert!(s.any_in(8, 65) && !s.any_in(8, 64) && s.any_in(70, 71));
        // `toks[lo..]`: the bits move down; those moved in past the 64th are set.
        assert_eq!(s.from(0), s);
        assert_eq!(s.from(2), Starts(0b10_0101 | !(u64::MAX >> 2)));
        assert!(s.from(4).may(0) && !s.from(4).may(1) && s.from(4).may(62));
        assert_eq!(s.from(64), Starts(u64::MAX));
        assert_eq!(s.from(100), Starts(u64::MAX));
        let full = Starts(u64::MAX);
        assert_eq!(full.each_in(62, 66).collect::<Vec<_>>(), [62, 63, 64, 65]);
    }

    #[test]
    fn a_semicolon_splits_a_sentence_like_its_text() {
        // The clause before the semicolon is read as a sentence; the one after only when the
        // first gave a report ("; " as the text has it, not ";" alone).
        let got = indirect("Six in 10 said the economy was weak; 46 percent said it was good.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "the economy was weak");
        assert_eq!(got[1].0, "it was good");
        let got = indirect("Six in 10 said the economy was weak;46 percent said it was good.");
        assert_eq!(got.len(), 1, "{got:?}");
    }
}
