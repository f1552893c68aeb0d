//! Claims -> their relays (`via`): "said X, quoted by news agencies"; "Y, which cites X" or
//! "Y reported, citing X", after which X's claims in the document reach the reader through Y.

use super::mention::*;
use super::Claim;
use crate::bytescan::ByteSet;
use crate::lexicon::{CueClass, Cues};
use crate::segment::Sentences;
use crate::span::Span;

/// "Y, which cites X" found in a document: X's claims after it came through Y.
#[derive(Debug, Clone, Copy)]
struct Relay {
    /// The mention of the source relayed (X), as fully as the text gives it.
    source: Span,
    /// The mention of the relay (Y).
    via: Span,
}

/// The head word of a mention, lower case: its last word before "of", "for", a comma ...
fn head_word(text: &str, mention: Span) -> String {
    // Words that end the head: compared in any ASCII case, as their lower case would be (no
    // other character lower-cases to their letters).
    const AFTER_HEAD: &[&str] = &["of", "for", "from", "at", "in", "with", "who", "which"];
    let mut head = "";
    for w in text[mention].split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if w.is_empty() {
            continue;
        }
        if AFTER_HEAD.iter().any(|s| w.eq_ignore_ascii_case(s)) {
            break;
        }
        head = w;
    }
    head.to_lowercase()
}

/// A relay's mention read backwards from `end` (exclusive): "local television Khabar-24".
fn relay_before(toks: &[Tok], end: usize) -> Option<Span> {
    let mut i = end;
    while i > 0 && end - i < 8 {
        let t = &toks[i - 1];
        if !t.word || in_list(BACKWARD_STOP, t) || in_list(PREPOSITIONS, t) {
            break;
        }
        i -= 1;
    }
    if i == end {
        return None;
    }
    Some(Span::new(toks[i].span.start, toks[end - 1].span.end))
}

/// The relays stated in one sentence.
fn relays_in(cues: &Cues, toks: &[Tok]) -> Vec<Relay> {
    let mut out = Vec::new();
    for k in 0..toks.len() {
        let t = &toks[k];
        if !in_list(RELAY_WORDS, t) {
            continue;
        }
        let Some(source) = agent_np(cues, toks, k + 1) else {
            continue;
        };
        // "Y, which cites X" / "Y, citing X" / "Y reported, citing X" / "Y cites X"
        let mut end = k;
        if end > 0 && toks[end - 1].is("which") {
            end -= 1;
        }
        let via = if end > 0 && toks[end - 1].punct(',') {
            // "Y reported (in the morning), citing X": Y is the subject of the cue.
            let before = end - 1;
            let cue = (before.saturating_sub(6)..before)
                .rev()
                .find(|&j| cue_at(cues, toks, j).is_some_and(|c| c.class == CueClass::Speech));
            match cue {
                Some(j) => backward_np(toks, 0, j),
                None => relay_before(toks, before),
            }
        } else {
            relay_before(toks, end)
        };
        if let Some(via) = via {
            out.push(Relay { source, via });
        }
    }
    out
}

/// Sets each claim's `via`: "X, quoted by Y" right after its speaker; and "Y, which cites X"
/// earlier in the document for a claim whose speaker is X (by its head word: "the command"
/// after "Khabar-24, which cites the command of the security forces"), whose fuller mention
/// then becomes the claim's antecedent.
pub(super) fn find_relays(
    text: &str,
    paragraphs: &[Span],
    sentences: &Sentences,
    cues: &Cues,
    claims: &mut [Claim],
) {
    let mut relays: Vec<Relay> = Vec::new();
    // Most sentences cite no one: the words a relay is stated with are looked for in the
    // whole text at once, and only the sentences holding one are tokenized.
    let cite_words = cite_or_quote_words(text.as_bytes());
    let sentences = if cite_words.is_empty() {
        &[]
    } else {
        sentences.all()
    };
    // The first word not before the sentence, moved on as the sentences go (they are in
    // text order): a binary search of the words for each sentence mispredicted about one
    // branch in three of its steps.
    let mut next = 0;
    let mut last_start = 0;
    for &sent in sentences {
        if sent.start < last_start {
            next = 0;
        }
        last_start = sent.start;
        while cite_words.get(next).is_some_and(|w| w.start < sent.start) {
            next += 1;
        }
        if !holds_one(&cite_words[next..], sent) {
            continue;
        }
        let toks = tokens(text, sent);
        if toks.iter().any(|t| in_list(RELAY_WORDS, t)) {
            relays.extend(relays_in(cues, &toks));
        }
    }
    // Each relayed mention's head and words, read once (not once per claim).
    let relayed: Vec<(String, Vec<String>)> = relays
        .iter()
        .map(|r| (head_word(text, r.source), mention_words(text, r.source)))
        .collect();
    // The relays by their mention's head, then where the mention starts: a claim's
    // candidates are looked up, not searched for among all of a document's relays (with
    // many relays and many claims, as in a long text that cites again and again, that was
    // quadratic).
    let mut by_head: Vec<usize> = (0..relays.len()).collect();
    by_head.sort_by(|&a, &b| {
        (relayed[a].0.as_str(), relays[a].source.start, a).cmp(&(
            relayed[b].0.as_str(),
            relays[b].source.start,
            b,
        ))
    });
    let first_relayed = relays.iter().map(|r| r.source.start).min();
    for c in claims.iter_mut() {
        let Some(sp) = c.speaker else { continue };
        // "said X, quoted by Y" / "X, quoted by Y, said"
        let para = paragraphs
            .get(paragraphs.partition_point(|p| p.end < sp.end))
            .filter(|p| p.contains(sp))
            .copied();
        // (Also "X was quoted by Y", "X has been quoted as saying by Y".)
        let quoted_by = para.is_some_and(|p| {
            let after = text[sp.end..p.end].trim_start_matches([',', ' ']);
            let quoted =
                |s: &str| s.len() >= 9 && s.as_bytes()[..6].eq_ignore_ascii_case(b"quoted");
            // (Most speakers are followed by a cue or a sign: the auxiliaries are compared
            // only after their first letters.)
            let aux_letter = after
                .as_bytes()
                .first()
                .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'w' | b'i' | b'a' | b'h'));
            quoted(after) || aux_letter && text_after_passive_aux(after).is_some_and(quoted)
        });
        if let (Some(para), true) = (para, quoted_by) {
            // The relay's mention is a few words: a bounded window, not the paragraph's rest.
            let mut end = (sp.end + 400).min(para.end);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let toks = tokens(text, Span::new(sp.end, end));
            let mut i = 0;
            if toks.first().is_some_and(|t| t.punct(',')) {
                i = 1;
            }
            // "was quoted", "has been quoted"
            i = after_passive_aux(&toks, i).unwrap_or(i);
            if toks.get(i).is_some_and(|t| t.is("quoted")) {
                // "quoted by Y", or "quoted as saying by Y"
                let mut by = i + 1;
                if toks.get(by).is_some_and(|t| t.is("as")) {
                    by += 1 + cue_at(cues, &toks, by + 1).map_or(0, |c| c.len);
                }
                if toks.get(by).is_some_and(|t| t.is("by")) {
                    if let Some(via) = forward_np(cues, &toks, by + 1) {
                        c.via.push(via);
                    }
                }
            }
        }
        // Most documents have no relay before this speaker: no mention to compare, so its
        // words are not read (lower-casing them is most of this function's cost).
        if first_relayed.is_none_or(|first| first > sp.start) {
            continue;
        }
        let mention = c.antecedent.unwrap_or(sp);
        let head = head_word(text, mention);
        if head.is_empty() {
            continue;
        }
        // The same source: every word of the speaker's mention is in the relayed mention
        // ("the command" in "the command of the security forces"; "the interior ministry" in
        // "the Kazakh interior ministry", but not in "the health ministry").
        // Its words are read only for a relayed mention of the same head (most have another).
        let own = std::cell::OnceCell::new();
        let same = |k: usize| {
            own.get_or_init(|| mention_words(text, mention))
                .iter()
                .all(|w| relayed[k].1.contains(w))
        };
        // The nearest relayed mention of the same head before the speaker, of the same
        // words (at most 16 of that head looked at, back from the speaker).
        let of_head = {
            let lo = by_head.partition_point(|&k| relayed[k].0.as_str() < head.as_str());
            let hi = lo + by_head[lo..].partition_point(|&k| relayed[k].0 == head);
            &by_head[lo..hi]
        };
        let before = of_head.partition_point(|&k| relays[k].source.start <= sp.start);
        let relay = of_head[..before]
            .iter()
            .rev()
            .take(16)
            .copied()
            .find(|&k| same(k))
            .map(|k| &relays[k]);
        if let Some(r) = relay {
            if c.antecedent.is_none() && r.source.len() > sp.len() {
                c.antecedent = Some(r.source);
            }
            if !c.via.contains(&r.via) {
                c.via.push(r.via);
            }
        }
    }
}

/// The words of a mention, lower case, without articles.
fn mention_words(text: &str, s: Span) -> Vec<String> {
    text[s]
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "a" | "an"))
        .collect()
}

/// The words a relay is stated with: "Y, which cites X", "Y reported, quoting X".
const RELAY_WORDS: &[&str] = &["cites", "cited", "citing", "quoting", "quotes"];

/// The first letters of [`RELAY_WORDS`] in either case.
const C_OR_Q: ByteSet<4> = ByteSet::of([b'c', b'C', b'q', b'Q']);

/// Where the [`RELAY_WORDS`] stand in `b`, in any ASCII case, alone or inside longer words,
/// as spans in order: a sentence has one of them as a word only when it holds one of these.
/// `x | 0x20` folds an ASCII letter to lower case, and no other byte onto a letter.
///
/// The whole text of a document is read here, most of it without a match: the bytes that may
/// start one (a "c" or a "q") are found many at a time ([`ByteSet::mask64`]), and only where
/// one stands, and is followed by the second letter of a word that starts with it
/// ([`RELAY_HEADS`]), are the words compared.
fn cite_or_quote_words(b: &[u8]) -> Vec<Span> {
    let mut out = Vec::new();
    // Sixty-four bytes at a time, the block's mask walked: with a "c" or a "q" in one block of
    // sixteen in three, whether a block of sixteen had one ([`ByteSet::each_in`]) was
    // mispredicted about half the time (74,000 mispredicts on dev1).
    let mut tail = [0u8; 64];
    let mut base = 0;
    while base < b.len() {
        let block = crate::bytescan::block64(b, base, &mut tail);
        let mut found = C_OR_Q.mask64(block);
        while found != 0 {
            let k = base + found.trailing_zeros() as usize;
            found &= found - 1;
            let rest = &b[k..];
            let head = |r: &[u8]| r.get(1).map(|&x| [r[0] | 0x20, x | 0x20]);
            if !head(rest).is_some_and(|h| RELAY_HEADS.contains(&h)) {
                continue;
            }
            let is = |w: &str| {
                rest.len() >= w.len() && rest.iter().zip(w.as_bytes()).all(|(&x, &c)| x | 0x20 == c)
            };
            if let Some(w) = RELAY_WORDS.iter().find(|w| is(w)) {
                out.push(Span::new(k, k + w.len()));
            }
        }
        base += 64;
    }
    out
}

/// The first two letters of each of [`RELAY_WORDS`].
const RELAY_HEADS: [[u8; 2]; 2] = [*b"ci", *b"qu"];

/// Whether one of `words` (from [`cite_or_quote_words`]) lies inside `sentence`.
#[cfg(test)]
fn cites_or_quotes(words: &[Span], sentence: Span) -> bool {
    let k = words.partition_point(|w| w.start < sentence.start);
    holds_one(&words[k..], sentence)
}

/// Whether one of `words` (in order, none starting before `sentence`) lies inside it.
#[inline(always)]
fn holds_one(words: &[Span], sentence: Span) -> bool {
    words
        .iter()
        .take_while(|w| w.start < sentence.end)
        .any(|w| w.end <= sentence.end)
}

#[cfg(test)]
mod tests {
    use crate::lexicon::CUES;
    use crate::quote::find_quotes;
    use crate::segment::paragraphs;
    use crate::span::Span;

    fn via_of(text: &str) -> Vec<(String, Vec<String>, Option<String>)> {
        let paras = paragraphs(text, 0);
        let quotes = find_quotes(text, &paras);
        super::super::attribute_quotes(text, &paras, &quotes, &CUES)
            .into_iter()
            .map(|c| {
                (
                    text[c.speaker.unwrap()].to_string(),
                    c.via.iter().map(|&v| text[v].to_string()).collect(),
                    c.antecedent.map(|a| text[a].to_string()),
                )
            })
            .collect()
    }

    /// Whether `s` holds a relay word in any ASCII case, read from its words.
    fn cites_or_quotes(s: &[u8]) -> bool {
        let words = super::cite_or_quote_words(s);
        super::cites_or_quotes(&words, Span::new(0, s.len()))
    }

    /// Whether `s` holds a relay word in any ASCII case, a window at a time.
    fn cites_or_quotes_slow(s: &[u8]) -> bool {
        super::RELAY_WORDS.iter().any(|w| {
            s.windows(w.len())
                .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
        })
    }

    #[test]
    fn relay_heads_are_the_relay_words_first_letters() {
        for w in super::RELAY_WORDS {
            assert!(super::RELAY_HEADS
                .iter()
                .any(|h| w.as_bytes().starts_with(h)));
            assert!(super::C_OR_Q.contains(w.as_bytes()[0]));
        }
    }

    #[test]
    fn cites_or_quotes_is_a_case_insensitive_search() {
        let long = "x".repeat(140);
        for (s, want) in [
            ("", false),
            ("cit", false),
            ("cites", true),
            ("CiTeD", true),
            ("cit es", false),
            ("city", false),
            ("Quoting", true),
            ("quoted", false),
            ("qUOTES", true),
            ("c\u{e9}ites", false),
            ("cc citing", true),
            ("qqqqqqqqqcites", true),
            ("\u{e3}\u{83}ites", false),
        ] {
            assert_eq!(cites_or_quotes(s.as_bytes()), want, "{s:?}");
            // The same at every place of a block of sixty-four, and across two.
            for at in 0..=140 {
                let t = format!("{}{s}{}", &long[..at], &long[at..]);
                assert_eq!(cites_or_quotes(t.as_bytes()), want, "{t:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn cites_or_quotes_agrees_with_a_window_search(s in "(cites|CITED|citing|quoTing|quotes|cit|quot|[cCiItTqQuUoOeEsSdDnNgGx \u{e3}\u{c3}\u{a3}]){0,16}") {
            proptest::prop_assert_eq!(cites_or_quotes(s.as_bytes()), cites_or_quotes_slow(s.as_bytes()));
        }

        #[test]
        fn a_sentence_cites_when_a_word_of_the_text_lies_in_it(s in "(cites|CITED|citing|quoTing|quotes|cit|quot|[cCiItTqQuUoOeEsSdDnNgGx \u{e3}\u{c3}\u{a3}]){0,10}") {
            // Every span of the text, as if it were a sentence.
            let b = s.as_bytes();
            let words = super::cite_or_quote_words(b);
            for start in 0..=b.len() {
                for end in start..=b.len() {
                    let sentence = Span::new(start, end);
                    proptest::prop_assert_eq!(
                        super::cites_or_quotes(&words, sentence),
                        cites_or_quotes_slow(&b[start..end])
                    );
                }
            }
        }
    }

    #[test]
    fn a_head_word_is_the_lower_case_of_the_last_word_before_a_stop() {
        // The head as each word's lower case gives it.
        fn by_lower_case(m: &str) -> String {
            let mut head = String::new();
            for w in m.split_whitespace() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                if w.is_empty() {
                    continue;
                }
                let lower = w.to_lowercase();
                let stops = ["of", "for", "from", "at", "in", "with", "who", "which"];
                if stops.contains(&lower.as_str()) {
                    break;
                }
                head = lower;
            }
            head
        }
        for m in [
            "",
            " , ",
            "the command of the security forces",
            "local television Khabar-24, which cites",
            "The Interior MINISTRY",
            "the İn crowd İN",
            "the \u{212a}elvin AT home",
            "Ünal’s Aides FROM Ankara",
            "IN",
            "staff WITH whom",
        ] {
            assert_eq!(
                super::head_word(m, Span::new(0, m.len())),
                by_lower_case(m),
                "{m:?}"
            );
        }
    }

    #[test]
    fn quoted_by() {
        let r =
            via_of("“We hold the line,” said a spokesman for the army, quoted by news agencies.");
        assert_eq!(r[0].1, ["news agencies"]);
    }

    #[test]
    fn which_cites_and_citing() {
        let t = "The report was broadcast by local television Khabar-24, which cites the command of the security forces of Almaty. “It is calm,” said the command.";
        let r = via_of(t);
        assert_eq!(r[0].0, "the command");
        assert_eq!(r[0].1, ["local television Khabar-24"]);
        assert_eq!(
            r[0].2.as_deref(),
            Some("the command of the security forces of Almaty")
        );
        let t = "The state agency reported, citing the interior ministry, that roads were shut. “We are ready,” the ministry said.";
        let r = via_of(t);
        assert_eq!(r[0].1, ["The state agency"]);
    }
}
