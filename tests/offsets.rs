//! Spans are UTF-8 byte ranges into the text as read: multibyte marks and symbols, a prefix
//! that shifts every span, and CRLF/BOM/NFD input that finds the same claims.

mod common;

use claimgraph::{analyze_document, Claim, Config, Document, Span};
use unicode_normalization::UnicodeNormalization;

fn claims(text: &str) -> Vec<Claim> {
    analyze_document(&Document::from_text("t", text), &Config::default()).claims
}

const ARTICLE: &str = "Prices rose by €5 overnight 😀.\n\n\
“We can’t pay €5 more,” said a taxi driver in Aktau.\n\n\
The mayor called it « une honte » on Tuesday.\n\n\
« Nous restons », a déclaré le maire, Jean-Luc Dupré.\n\n\
She said: “The ’90s were worse, and O’Brien knows it.”";

#[test]
fn multibyte_spans_slice_exactly() {
    let cs = claims(ARTICLE);
    let texts: Vec<&str> = cs.iter().map(|c| &ARTICLE[c.content]).collect();
    assert_eq!(
        texts,
        [
            "We can’t pay €5 more,",
            "une honte",
            "Nous restons",
            "The ’90s were worse, and O’Brien knows it."
        ]
    );
    let speaker = cs[0].speaker.unwrap();
    assert_eq!(&ARTICLE[speaker], "a taxi driver in Aktau");
    assert_eq!(speaker.start, ARTICLE.find("a taxi").unwrap());
    for c in &cs {
        for span in [Some(c.content), c.speaker, c.cue].into_iter().flatten() {
            assert!(ARTICLE.is_char_boundary(span.start) && ARTICLE.is_char_boundary(span.end));
        }
    }
}

#[test]
fn a_prefix_shifts_every_span() {
    let prefix = "Éditorial 😀 — lundi.\n\n";
    let shifted = format!("{prefix}{ARTICLE}");
    let a = claims(ARTICLE);
    let b = claims(&shifted);
    assert_eq!(a.len(), b.len());
    let by = prefix.len();
    let shift = |s: Option<Span>| s.map(|s| s.shift(by));
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.content.shift(by), y.content);
        assert_eq!(shift(x.speaker), y.speaker);
        assert_eq!(shift(x.cue), y.cue);
        assert_eq!(x.rule, y.rule);
    }
}

#[test]
fn crlf_bom_and_nfd_find_the_same_claims() {
    let corpus = common::root().join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let plain = common::read(&path);
        let odd = format!(
            "\u{feff}{}",
            plain.nfd().collect::<String>().replace('\n', "\r\n")
        );
        let a = claims(&plain);
        let b = claims(&odd);
        let view = |text: &str, cs: &[Claim]| {
            cs.iter()
                .map(|c| {
                    (
                        text[c.content].nfc().collect::<String>(),
                        c.speaker.map(|s| text[s].nfc().collect::<String>()),
                        c.kind,
                        c.rule,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(view(&plain, &a), view(&odd, &b), "{}", path.display());
    }
}
