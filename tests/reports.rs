//! Golden reports: the bundled corpus and the reference article, analyzed by the binary,
//! compared with their snapshots (`cargo insta review` to accept a change) and validated
//! against `docs/report.schema.json`.

mod common;

use common::{parse_report, root};

fn schema_validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&common::read(&root().join("docs/report.schema.json")))
            .expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn assert_valid(json: &str) {
    let instance: serde_json::Value = serde_json::from_str(json).expect("report is JSON");
    let validator = schema_validator();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "report does not match the schema:\n{}",
        errors.join("\n")
    );
}

fn analyze(args: &[&str]) -> String {
    common::run_ok(args)
}

#[test]
fn corpus_report_is_golden_and_valid() {
    let json = analyze(&["analyze", "corpus", "--quiet"]);
    assert_valid(&json);
    let report = parse_report(json.as_bytes());
    assert!(report.documents.len() >= 8);
    insta::assert_snapshot!("corpus_report", json);
}

#[test]
fn corpus_jsonl_gives_the_same_claims_as_the_text_files() {
    let from_txt = parse_report(analyze(&["analyze", "corpus", "-q"]).as_bytes());
    let from_jsonl = parse_report(analyze(&["analyze", "corpus/articles.jsonl", "-q"]).as_bytes());
    let key = |r: &claimgraph::Report| {
        r.claims
            .iter()
            .map(|c| {
                (
                    c.kind.clone(),
                    c.text.clone(),
                    c.speaker.as_ref().map(|s| s.text.clone()),
                    c.rule.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&from_txt), key(&from_jsonl));
    assert_valid(&serde_json::to_string(&from_jsonl).unwrap());
}

#[test]
fn reference_article_report_is_golden_and_valid() {
    let Some(shared) = common::shared() else {
        return;
    };
    let seed = shared.join("seed/kazakhstan-2022-01-06.txt");
    let json = analyze(&["analyze", seed.to_str().unwrap(), "-q"]);
    assert_valid(&json);
    // The path differs between checkouts; the rest must not.
    let mut report = parse_report(json.as_bytes());
    report.documents[0].path = Some("seed/kazakhstan-2022-01-06.txt".into());
    report.documents[0].id = "seed/kazakhstan-2022-01-06.txt".into();
    for c in &mut report.claims {
        c.doc = "seed/kazakhstan-2022-01-06.txt".into();
    }
    for f in &mut report.figures {
        f.doc = "seed/kazakhstan-2022-01-06.txt".into();
    }
    insta::assert_json_snapshot!("seed_report", report);
}

#[test]
fn same_input_same_bytes() {
    let a = analyze(&["analyze", "corpus", "-q"]);
    let b = analyze(&["analyze", "corpus", "-q"]);
    assert_eq!(a, b);
}

#[test]
fn schema_rejects_drift() {
    let json = analyze(&["analyze", "corpus/05-us-kentucky-tornado.txt", "-q"]);
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["claims"][0]["speaker_name"] = "x".into();
    let validator = schema_validator();
    assert!(
        !validator.is_valid(&v),
        "an unknown claim field must fail the schema"
    );
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["claims"][0]["kind"] = "quote".into();
    assert!(
        !validator.is_valid(&v),
        "an unknown claim kind must fail the schema"
    );
}

/// The README's excerpt of `claimgraph analyze corpus/05-us-kentucky-tornado.txt` is what the
/// command prints: each field shown, of the claim of the id shown (the id was wrong once: "c1",
/// a claim the excerpt does not show, after rules added claims before it).
#[test]
fn the_readme_excerpt_is_what_analyze_prints() {
    let readme = common::read(&common::root().join("README.md"));
    let command = "`claimgraph analyze corpus/05-us-kentucky-tornado.txt`";
    let after = &readme[readme.find(command).expect("the README shows the command")..];
    let block = after
        .split("```json\n")
        .nth(1)
        .and_then(|b| b.split("\n```").next())
        .expect("a JSON block after the command");
    let shown: serde_json::Value = serde_json::from_str(block).expect("the excerpt is JSON");
    let out = common::run_ok(&["analyze", "-q", "corpus/05-us-kentucky-tornado.txt"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let claim = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == shown["id"])
        .expect("the excerpt's claim id is in the report");
    for (field, value) in shown.as_object().unwrap() {
        assert_eq!(&claim[field], value, "field {field:?} of {}", shown["id"]);
    }
}

/// Every rule name the code can put in a claim's `rule` is explained in `docs/rules.md` (the
/// report's promise: every attribution says which rule produced it, and the doc says what
/// the rule reads).
#[test]
fn every_rule_is_in_the_rules_doc() {
    let doc = common::read(&root().join("docs/rules.md"));
    let mut names = Vec::new();
    for file in ["mod.rs", "reported.rs", "mention.rs", "relay.rs"] {
        let src = common::read(&root().join("src/attribute").join(file));
        for part in src.split("rule: \"").skip(1) {
            names.push(part.split('"').next().unwrap().to_string());
        }
        for part in src.split("rule: if ").skip(1) {
            // `rule: if same { "a" } else { "b" }`
            let arms = part.split('}').take(2).collect::<String>();
            names.extend(arms.split('"').skip(1).step_by(2).map(str::to_string));
        }
    }
    names.sort();
    names.dedup();
    assert!(
        names.len() > 30,
        "the rules are found in the code: {names:?}"
    );
    for name in &names {
        assert!(
            doc.contains(&format!("`{name}`")),
            "rule {name:?} is not in docs/rules.md"
        );
    }
}
