//! The reference article: every `required` quoted claim of its expected file is found, with
//! its kind and speaker (the conditions of `check_expected.py` on text, kind and speaker).

mod common;

use claimgraph::{analyze_document, build_report, Config, Document};
use serde_json::Value;

fn seed_report() -> Option<(claimgraph::Report, Value)> {
    let shared = common::shared()?;
    let path = shared.join("seed/kazakhstan-2022-01-06.txt");
    let doc = Document::from_text("seed", common::read(&path));
    let analysis = analyze_document(&doc, &Config::default());
    let report = build_report(&[doc], &[analysis], &[]);
    let expected: Value = serde_json::from_str(&common::read(
        &shared.join("seed/kazakhstan-2022-01-06.expected.json"),
    ))
    .expect("expected file is JSON");
    Some((report, expected))
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

#[test]
fn required_quoted_claims_have_their_speakers() {
    let Some((report, expected)) = seed_report() else {
        return;
    };
    let mut checked = 0;
    for e in expected["claims"].as_array().unwrap() {
        let kinds: Vec<&str> = e["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        if e["level"] != "required" || kinds == ["indirect"] {
            continue;
        }
        let want = lower(e["text_contains"].as_str().unwrap());
        let speakers: Vec<String> = e["speaker_any"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| lower(s.as_str().unwrap()))
            .collect();
        let found = report.claims.iter().any(|c| {
            let source_names: Vec<String> = report
                .sources
                .iter()
                .filter(|s| Some(&s.id) == c.source.as_ref())
                .flat_map(|s| std::iter::once(s.name.clone()).chain(s.aliases.clone()))
                .map(|n| lower(&n))
                .collect();
            let spoken = c
                .speaker
                .iter()
                .map(|s| lower(&s.text))
                .chain(source_names)
                .collect::<Vec<_>>();
            lower(&c.text).contains(&want)
                && kinds.contains(&c.kind.as_str())
                && speakers
                    .iter()
                    .any(|w| spoken.iter().any(|n| n.contains(w.as_str())))
        });
        assert!(
            found,
            "required claim {want:?} with a speaker in {speakers:?} not found"
        );
        checked += 1;
    }
    assert!(
        checked >= 8,
        "the expected file lists the quoted claims this test checks"
    );
}

#[test]
fn date_line_sets_the_date_and_is_not_text() {
    let Some((report, _)) = seed_report() else {
        return;
    };
    assert_eq!(report.documents[0].date.as_deref(), Some("2022-01-06"));
    assert!(report.claims.iter().all(|c| !c.text.contains("2022-01-06")));
}
