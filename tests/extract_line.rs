//! `extract`'s line written straight from a document's analysis
//! (`export::compact::document_line`) against the owned report of the same document
//! (`export::document_report`) as serde_json writes it: the same bytes, and read back, the
//! same report field by field. On the corpus (its articles, JSONL and gold), the reference
//! article, the PolNeAR dev half when `../shared` is there, and documents made to exercise
//! every optional field and escape.

mod common;

use claimgraph::export::compact::document_line;
use claimgraph::export::document_report;
use claimgraph::export::report::Report;
use claimgraph::input::{read_inputs, Document};
use claimgraph::pipeline::{analyze_document, Config};

/// The first place where two JSON values differ, as a path (`claims[3].source`).
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let (kx, ky): (Vec<_>, Vec<_>) = (x.keys().collect(), y.keys().collect());
            if kx != ky {
                return Some(format!("{path}: fields {kx:?} against {ky:?}"));
            }
            x.iter()
                .find_map(|(k, v)| first_difference(v, &y[k], &format!("{path}.{k}")))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| first_difference(v, w, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a} against {b}")),
    }
}

/// Asserts that `doc`'s direct line is its owned report's line, byte for byte and field by
/// field; returns how many claims it has.
fn check(doc: &Document, config: &Config) -> usize {
    let analysis = analyze_document(doc, config);
    let report = document_report(doc, &analysis, &config.sources);
    let line = document_line(doc, &analysis, &config.sources);
    let mut want = serde_json::to_vec(&report).expect("reports serialize");
    want.push(b'\n');
    if line != want {
        // Read back (fields sorted by name), the first field whose value differs; if none,
        // the bytes differ in the order of the fields or in how a value is written.
        let got: serde_json::Value = serde_json::from_slice(&line).expect("the line is JSON");
        let owned: serde_json::Value = serde_json::from_slice(&want).unwrap();
        let at = first_difference(&got, &owned, "report")
            .unwrap_or_else(|| "the same fields in another order or format".to_string());
        panic!(
            "{}: the direct line differs from the report's: {at}",
            doc.id
        );
    }
    let back: Report = serde_json::from_slice(&line).expect("the line reads as a report");
    assert_eq!(back, report, "{}", doc.id);
    report.claims.len()
}

/// [`check`] on every document of each of `inputs` (read one at a time: the corpus's JSONL
/// files repeat its articles' ids); the documents and claims checked.
fn check_inputs(inputs: &[String]) -> (usize, usize) {
    let config = Config::default();
    let (mut documents, mut claims) = (0, 0);
    for input in inputs {
        let read = read_inputs(std::slice::from_ref(input));
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        assert!(!read.documents.is_empty(), "{input}");
        documents += read.documents.len();
        claims += read
            .documents
            .iter()
            .map(|d| check(d, &config))
            .sum::<usize>();
    }
    (documents, claims)
}

#[test]
fn the_corpus_lines_are_the_reports_lines() {
    let root = common::root();
    let inputs: Vec<String> = ["corpus", "corpus/articles.jsonl", "corpus/gold.jsonl"]
        .iter()
        .map(|p| root.join(p).display().to_string())
        .collect();
    let (documents, claims) = check_inputs(&inputs);
    assert!(documents >= 30 && claims > 100, "{documents} {claims}");
}

#[test]
fn the_reference_article_and_polnear_lines_are_the_reports_lines() {
    let Some(shared) = common::shared() else {
        return;
    };
    let inputs = [
        shared.join("seed/kazakhstan-2022-01-06.txt"),
        shared.join("datasets/polnear/dev.jsonl"),
    ]
    .map(|p| p.display().to_string());
    let (documents, claims) = check_inputs(&inputs);
    assert!(documents > 500 && claims > 5000, "{documents} {claims}");
}

#[test]
fn every_optional_field_and_escape_is_written_as_the_report_writes_it() {
    let config = Config::default();
    let text = "date 2022-01-06\n\n\
        \"We will not \\ leave,\" the \"minister\" said on Sunday.\tAt least 12 people were \
        killed, police said.\n\n\
        Over 1,000 civilians were injured, the ministry said, quoted by Reuters.\u{1}\r\n\n\
        He said 30 to 40 protesters were arrested. Dozens died, reportedly. \
        Later the toll was 15 killed, the police said.";
    let mut doc = Document::from_text("a \"quoted\"\nid", text);
    assert!(check(&doc, &config) >= 3);
    doc.outlet = Some("Khabar-24".into());
    doc.title = Some("Protests in Almaty, Kazakhstan".into());
    doc.url = Some("https://example.org/a?b=\"c\"".into());
    doc.path = Some("dir/é.txt".into());
    check(&doc, &config);
    doc.date = None;
    check(&doc, &config);
    for text in ["", "\n\n", "No claims here.", "“Unclosed quote, she said."] {
        check(&Document::from_text("d", text), &config);
    }
}
