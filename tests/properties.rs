//! Properties of the parser on any input: no panic, every span inside the text on char
//! boundaries, the claim text equal to its slice, and spans that shift with a prefix.

use claimgraph::{analyze_document, build_report, Config, Document};
use proptest::prelude::*;

/// Text made of words, spaces, line breaks and every kind of quote mark and apostrophe.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("said".to_string()),
        Just("the mayor".to_string()),
        Just("According to".to_string()),
        Just("he".to_string()),
        Just("called it".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(":".to_string()),
        "[\"'“”‘’«»„‚‹›「」–—…€😀é\u{301}]".prop_map(|s| s.to_string()),
        "[A-Za-z]{1,8}",
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn spans_are_valid_on_any_input(text in newsy()) {
        let doc = Document::from_text("p", text.clone());
        let analysis = analyze_document(&doc, &Config::default());
        let claims = analysis.claims.clone();
        for c in &claims {
            for span in [Some(c.content), c.speaker, c.cue, c.antecedent].into_iter().flatten() {
                prop_assert!(span.start <= span.end && span.end <= text.len());
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
        for f in &analysis.figures {
            prop_assert!(f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
        let report = build_report(&[doc], std::slice::from_ref(&analysis), &[]);
        for (c, out) in claims.iter().zip(&report.claims) {
            prop_assert_eq!(&text[c.content.start..c.content.end], out.text.as_str());
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        let doc = Document::from_text("p", text);
        let _ = analyze_document(&doc, &Config::default());
    }

    #[test]
    fn a_paragraph_prefix_shifts_spans(text in newsy()) {
        let prefix = "Lead € 😀.\n\n";
        let a = analyze_document(&Document::from_text("a", text.clone()), &Config::default()).claims;
        let b = analyze_document(&Document::from_text("b", format!("{prefix}{text}")), &Config::default()).claims;
        // A text that starts with a line break or a mark may join or pair with the prefix
        // paragraph differently; compare where the text starts a paragraph of its own.
        prop_assume!(!text.starts_with(char::is_whitespace));
        prop_assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            prop_assert_eq!(x.content.shift(prefix.len()), y.content);
            prop_assert_eq!(x.speaker.map(|s| s.shift(prefix.len())), y.speaker);
        }
    }
}

/// Found by `a_paragraph_prefix_shifts_spans`: after a paragraph break, a stray combining
/// accent was mapped back to the line break before it, so the claim's span started one byte
/// early.
#[test]
fn a_stray_accent_after_a_paragraph_break_keeps_its_offset() {
    let text = "\u{301}called itthe mayor, said hehe. ";
    let prefix = "Lead € 😀.\n\n";
    let a = analyze_document(&Document::from_text("a", text), &Config::default()).claims;
    let b = analyze_document(
        &Document::from_text("b", format!("{prefix}{text}")),
        &Config::default(),
    )
    .claims;
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.content.shift(prefix.len()), y.content);
    }
}
