//! Sources: kinds, seats of government, canonical identity and relays, each on short news
//! passages written for these tests.

mod common;

use claimgraph::{analyze_all, build_report, Config, Document, Report};

fn report(texts: &[&str]) -> Report {
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_text(format!("d{i}"), *t))
        .collect();
    let claims = analyze_all(&docs, &Config::default());
    build_report(&docs, &claims, &[])
}

/// (claim text, source name, kind, country, via names) of one claim.
type Row = (String, String, String, Option<String>, Vec<String>);

fn sources_of(r: &Report) -> Vec<Row> {
    let by_id = |id: &str| r.sources.iter().find(|s| s.id == id).unwrap();
    r.claims
        .iter()
        .map(|c| {
            let s = c.source.as_deref().map(by_id);
            (
                c.text.clone(),
                s.map_or(String::new(), |s| s.name.clone()),
                s.map_or(String::new(), |s| s.kind.clone()),
                s.and_then(|s| s.country.clone()),
                c.via.iter().map(|v| by_id(v).name.clone()).collect(),
            )
        })
        .collect()
}

fn kind_of(text: &str) -> (String, String, Option<String>) {
    let r = report(&[text]);
    let s = sources_of(&r);
    assert_eq!(s.len(), 1, "one claim expected in {text:?}: {s:?}");
    (s[0].1.clone(), s[0].2.clone(), s[0].3.clone())
}

#[test]
fn kinds_from_the_mention() {
    let cases: &[(&str, &str)] = &[
        ("“The square is closed,” a police spokesman said.", "police"),
        (
            "“The square is closed,” said a spokesman for law enforcement.",
            "police",
        ),
        ("“The square is closed,” the Kazakh police said.", "police"),
        (
            "“Supplies are short,” the interior minister, Marat Akhmetov, said.",
            "ministry",
        ),
        (
            "“Talks will resume,” people close to the talks said.",
            "anonymous",
        ),
        ("“Talks will resume,” sources said.", "anonymous"),
        ("“We heard shots,” an eyewitness said.", "witness"),
        ("“We heard shots,” residents said.", "witness"),
        ("“Schools stay shut,” a teachers' union said.", "ngo"),
        (
            "“Markets will calm,” said Dana Lee, an analyst at a Berlin bank.",
            "expert",
        ),
        ("“Flights are cancelled,” the airline said.", "company"),
        (
            "“We are deploying,” the alliance said.",
            "international_org",
        ),
        ("“The count continues,” the mayor said.", "official"),
        ("“The count continues,” Jane Doe said.", "person"),
    ];
    for (text, kind) in cases {
        assert_eq!(kind_of(text).1, *kind, "{text}");
    }
}

#[test]
fn a_deputy_minister_speaks_for_the_ministry() {
    let r = report(&[
        "According to the Kazakh Deputy Minister of Health, Azhar Guiniyat, “the wards are full.”",
    ]);
    let c = &r.claims[0];
    let s = r
        .sources
        .iter()
        .find(|s| Some(&s.id) == c.source.as_ref())
        .unwrap();
    assert_eq!(
        (s.name.as_str(), s.kind.as_str()),
        ("Azhar Guiniyat", "ministry")
    );
    assert_eq!(s.country.as_deref(), Some("Kazakhstan"));
    let p = r
        .sources
        .iter()
        .find(|p| Some(&p.id) == s.parent.as_ref())
        .unwrap();
    assert_eq!(
        (p.name.as_str(), p.kind.as_str()),
        ("Ministry of Health", "ministry")
    );
}

#[test]
fn seats_of_government_speak_for_their_country() {
    let cases: &[(&str, &str)] = &[
        (
            "The deployment is a “peacekeeping force”, as defined by Moscow.",
            "Russia",
        ),
        ("“No troops will be sent,” the Kremlin said.", "Russia"),
        (
            "“We are watching closely,” Washington said.",
            "United States",
        ),
        (
            "“We are watching closely,” the White House said.",
            "United States",
        ),
        ("“This is interference,” Beijing said.", "China"),
        ("“We will not give up,” Kyiv said.", "Ukraine"),
        (
            "“The talks were useful,” Downing Street said.",
            "United Kingdom",
        ),
    ];
    for (text, country) in cases {
        let (_, kind, c) = kind_of(text);
        assert_eq!(
            (kind.as_str(), c.as_deref()),
            ("government", Some(*country)),
            "{text}"
        );
    }
}

#[test]
fn a_capital_named_as_a_place_is_not_a_speaker() {
    let r = report(&["Clashes in Moscow went on overnight. “We saw smoke,” a resident said."]);
    assert!(
        r.sources.iter().all(|s| s.name != "Moscow"),
        "{:?}",
        r.sources
    );
}

#[test]
fn mentions_of_one_source_merge() {
    let r = report(&[
        "“We are rebuilding,” the mayor, Anna Berg, said on Monday.\n\n\
         “It will take years,” Berg added.\n\n“We need help,” she said.\n\n\
         “Roads reopen today,” the mayor said.",
    ]);
    let ids: Vec<_> = r.claims.iter().map(|c| c.source.clone()).collect();
    assert!(ids.iter().all(|i| i == &ids[0] && i.is_some()), "{ids:?}");
    let s = &r.sources[0];
    assert_eq!(s.name, "Anna Berg");
    assert!(s.aliases.contains(&"Berg".to_string()));

    let r = report(&[
        "“Order is restored,” the Interior Ministry said. “Patrols continue,” the ministry added.",
    ]);
    assert_eq!(r.claims[0].source, r.claims[1].source);
}

#[test]
fn the_same_name_across_documents_is_one_source() {
    let r = report(&[
        "“We stay,” said Anna Berg, the mayor.",
        "“We rebuild,” Anna Berg said a week later.",
    ]);
    assert_eq!(r.claims[0].source, r.claims[1].source);
    assert_eq!(r.sources.len(), 1);
}

#[test]
fn relays() {
    let s = sources_of(&report(&[
        "“Extremists attacked the building,” said a police spokesman, quoted by news agencies.",
    ]));
    assert_eq!(
        (s[0].2.as_str(), s[0].4.clone()),
        ("police", vec!["news agencies".to_string()])
    );

    let s = sources_of(&report(&[
        "The report was broadcast by local television Khabar-24, which cites the command of the \
         security forces of Almaty. “This shows their nature,” said the command.",
    ]));
    assert_eq!(s[0].1, "the command of the security forces of Almaty");
    assert_eq!(s[0].2, "military");
    assert_eq!(s[0].4, ["Khabar-24"]);

    let s = sources_of(&report(&[
        "Roads were shut, the state news agency reported, citing the interior ministry. \
         “Patrols continue,” the interior ministry said.",
    ]));
    assert_eq!(s[0].4, ["the state news agency"]);

    let s = sources_of(&report(&[
        "According to the ministry, quoted by Interfax, “the border is open.”",
    ]));
    assert_eq!(
        (s[0].1.as_str(), s[0].4.clone()),
        ("the ministry", vec!["Interfax".to_string()])
    );
}

#[test]
fn user_lexicons_extend_the_builtin_ones() {
    let tmp = common::TempDir::new("lex");
    let dir = tmp.path();
    let kinds = dir.join("my_source_kinds.tsv");
    std::fs::write(&kinds, "# ours\nharbour master\tofficial\ttitle\n").unwrap();
    let cues = dir.join("extra_cues.tsv");
    std::fs::write(&cues, "radio\tradioed\tspeech\n").unwrap();
    let config = Config::with_lexicons(&[kinds.clone(), cues]).unwrap();
    let docs = [Document::from_text(
        "d",
        "“The port is shut,” radioed the harbour master.",
    )];
    let claims = analyze_all(&docs, &config);
    let r = claimgraph::export::build_report_with(&docs, &claims, &[], &config.sources);
    assert_eq!(r.claims[0].cue.as_deref(), Some("radioed"));
    assert_eq!(r.sources[0].kind, "official");
    std::fs::write(&kinds, "harbour master\tsailor\n").unwrap();
    let e = Config::with_lexicons(&[kinds]).unwrap_err().to_string();
    assert!(e.contains("my_source_kinds.tsv:1: unknown kind"), "{e}");
}

/// "X was quoted (by Y) as saying (by Y)": X speaks, Y relays. The active rule read "by
/// Interfax" as the speaker, and without "by" the quotation took the previous speaker (or
/// none); found in the report format's example ("a police spokesman was quoted as saying by
/// Bay FM").
#[test]
fn passive_quoted_as_saying_names_the_speaker_and_the_relay() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "“The border is open,” the minister was quoted by Interfax as saying.",
            "the minister",
            &["Interfax"],
        ),
        (
            "“Three people were taken to hospital,” a police spokesman was quoted as saying \
             by Bay FM.",
            "a police spokesman",
            &["Bay FM"],
        ),
        (
            "“The border is open,” the minister was quoted as saying.",
            "the minister",
            &[],
        ),
        (
            "“We will hold the line,” General Ivanov had been quoted by Tass as saying.",
            "General Ivanov",
            &["Tass"],
        ),
    ];
    for &(text, speaker, via) in cases {
        let r = report(&[text]);
        assert_eq!(r.claims.len(), 1, "{text}: {:?}", r.claims);
        let c = &r.claims[0];
        assert_eq!(
            c.speaker.as_ref().map(|s| s.text.as_str()),
            Some(speaker),
            "{text}"
        );
        assert_eq!(c.rule, "passive_quoted_as_saying", "{text}");
        assert_eq!(sources_of(&r)[0].4, via, "{text}");
    }
    // Without "as saying": "X was quoted (by Y)" (the speaker was "the mayor was").
    for (text, via) in [
        ("“Nothing,” the mayor was quoted.", vec![]),
        (
            "“Nothing,” the mayor was quoted by Reuters.",
            vec!["Reuters"],
        ),
        ("“Nothing,” the mayor was quoted in the paper.", vec![]),
    ] {
        let r = report(&[text]);
        let c = &r.claims[0];
        assert_eq!(
            c.speaker.as_ref().map(|s| s.text.as_str()),
            Some("the mayor"),
            "{text}"
        );
        assert_eq!(
            (c.rule.as_str(), c.cue.as_deref()),
            ("passive_quoted", Some("was quoted")),
            "{text}"
        );
        assert_eq!(sources_of(&r)[0].4, via, "{text}");
    }
    // The active form is unchanged: the agency quoted X.
    let r = report(&["“I need ammunition,” the official quoted Zelenskiy as saying."]);
    assert_eq!(r.claims[0].speaker.as_ref().unwrap().text, "Zelenskiy");
    assert_eq!(r.claims[0].rule, "quoted_as_saying");
}
