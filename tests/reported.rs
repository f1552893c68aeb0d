//! Reported speech on passages written for these tests: claims without quote marks, their
//! speakers across sentences, and what is not a claim.

use claimgraph::{analyze_all, build_report, Config, Document, Report};

fn report(text: &str) -> Report {
    let docs = [Document::from_text("d", text)];
    let claims = analyze_all(&docs, &Config::default());
    build_report(&docs, &claims, &[])
}

fn source_name(r: &Report, claim: &claimgraph::export::report::ClaimOut) -> String {
    let id = claim.source.as_ref().expect("a source");
    r.sources.iter().find(|s| &s.id == id).unwrap().name.clone()
}

#[test]
fn a_pronoun_in_a_later_sentence_takes_the_named_speaker() {
    let r = report(
        "“The river is falling,” said the mayor, Ilse Maier. She said the shelters would stay \
         open until Friday.",
    );
    let c = r
        .claims
        .iter()
        .find(|c| c.kind == "indirect")
        .expect("an indirect claim");
    assert_eq!(c.text, "the shelters would stay open until Friday");
    assert_eq!(c.speaker.as_ref().unwrap().text, "She");
    assert_eq!(source_name(&r, c), "Ilse Maier");
}

#[test]
fn an_anonymous_diplomat_is_one_source() {
    let r = report(
        "A European diplomat said the talks had stalled. The diplomat, who asked not to be \
         named, said a new round was planned for March.",
    );
    let ind: Vec<_> = r.claims.iter().filter(|c| c.kind == "indirect").collect();
    assert_eq!(ind.len(), 2, "{:?}", r.claims);
    assert_eq!(ind[0].source, ind[1].source);
}

#[test]
fn a_partial_quote_inside_reported_speech_keeps_the_speaker() {
    let r = report("The minister said the strike was a “provocation” by foreign groups.");
    let partial = r.claims.iter().find(|c| c.kind == "partial").unwrap();
    assert_eq!(partial.speaker.as_ref().unwrap().text, "The minister");
    let indirect = r.claims.iter().find(|c| c.kind == "indirect").unwrap();
    assert!(indirect.text.contains("“provocation”"));
}

#[test]
fn a_partial_quote_takes_the_reports_reading_of_their_shared_cue() {
    let r = report(
        "He met McConnell, the majority leader, who in 2010 said the party's goal was to make \
         Obama a “one-term president.”",
    );
    let partial = r.claims.iter().find(|c| c.kind == "partial").unwrap();
    assert_eq!(partial.speaker.as_ref().unwrap().text, "who");
    assert_eq!(partial.rule, "inside_reported_speech");
    let indirect = r.claims.iter().find(|c| c.kind == "indirect").unwrap();
    assert_eq!(partial.source, indirect.source);
}

#[test]
fn the_latter_report_attributes_the_sentence_before() {
    let r = report(
        "Among the police, 12 officers were killed and 353 injured. The latter report was \
         broadcast by local television Khabar-24, which cites the command of the security forces.",
    );
    let c = r
        .claims
        .iter()
        .find(|c| c.text.contains("353"))
        .expect("a claim with the figure");
    assert_eq!(c.kind, "indirect");
    assert_eq!(c.rule, "report_of_previous_sentence");
    assert_eq!(source_name(&r, c), "the command of the security forces");
    assert_eq!(c.via.len(), 1);
}

#[test]
fn hearsay_has_an_anonymous_source() {
    let r = report("Several officers were reportedly injured near the airport.");
    let c = &r.claims[0];
    assert_eq!((c.kind.as_str(), c.rule.as_str()), ("indirect", "hearsay"));
    let s = r
        .sources
        .iter()
        .find(|s| Some(&s.id) == c.source.as_ref())
        .unwrap();
    assert_eq!(s.kind, "anonymous");
}

#[test]
fn narrative_and_non_reporting_verbs_make_no_claims() {
    for text in [
        "Shops stayed closed on the main square.",
        "She said goodbye to her neighbours and left the city.",
        "The protesters were told to leave the square by noon.",
        "The so-called peace plan was never published.",
    ] {
        let r = report(text);
        assert!(r.claims.is_empty(), "{text}: {:?}", r.claims);
    }
}
