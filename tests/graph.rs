//! The claim graph: extract/merge equal analyze (on the corpus split three ways, and merges of
//! merges), the filters, and the DOT, GraphML and node-link exports as goldens. The checks
//! against real clients (Graphviz, networkx) are `#[ignore]`d: `.ci/run` installs the clients
//! and runs them with `--ignored`.

mod common;

use claimgraph::graph::{ClaimGraph, Filter};
use claimgraph::Report;
use common::{claimgraph, root};
use std::path::PathBuf;

fn run(args: &[&str]) -> String {
    common::run_ok(args)
}

/// The corpus articles, in the order a directory walk gives them.
fn articles() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| format!("corpus/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    v.sort();
    v
}

#[test]
fn merging_extracts_of_three_shards_equals_one_analyze() {
    let tmp = common::TempDir::new("graph");
    let all = articles();
    assert!(all.len() >= 9, "the corpus has its articles");
    let whole = {
        let mut args = vec!["analyze", "-q"];
        args.extend(all.iter().map(String::as_str));
        run(&args)
    };
    let third = all.len().div_ceil(3);
    let shards: Vec<PathBuf> = all
        .chunks(third)
        .enumerate()
        .map(|(k, chunk)| {
            let mut args = vec!["extract", "-q"];
            args.extend(chunk.iter().map(String::as_str));
            let lines = run(&args);
            assert_eq!(lines.lines().count(), chunk.len(), "one line a document");
            tmp.write(&format!("shard{k}.jsonl"), &lines)
        })
        .collect();
    let s: Vec<&str> = shards.iter().map(|p| p.to_str().unwrap()).collect();
    let merged = run(&["merge", "-q", s[0], s[1], s[2]]);
    assert_eq!(
        merged, whole,
        "merge of the shards' extracts = analyze of the whole"
    );
    // Associative: a merge of merges, either way round, is the same report.
    let left = tmp.write("left.json", run(&["merge", "-q", s[0], s[1]]));
    assert_eq!(run(&["merge", "-q", left.to_str().unwrap(), s[2]]), whole);
    let right = tmp.write("right.json", run(&["merge", "-q", s[1], s[2]]));
    assert_eq!(run(&["merge", "-q", s[0], right.to_str().unwrap()]), whole);
    // And a report merged alone is itself.
    let whole_file = tmp.write("whole.json", &whole);
    assert_eq!(run(&["merge", "-q", whole_file.to_str().unwrap()]), whole);
}

#[test]
fn merge_reports_bad_lines_and_duplicate_documents_and_keeps_the_rest() {
    let tmp = common::TempDir::new("graph");
    let lines = run(&["extract", "-q", "corpus/01-kz-fuel-protests.txt"]);
    let bad = tmp.write(
        "bad.jsonl",
        format!("{lines}{{\"not\": \"a report\"}}\n{lines}"),
    );
    let out = claimgraph(&["merge", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some input failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.jsonl:2: not a claimgraph report"),
        "{stderr}"
    );
    // The same line again loses nothing: a warning, not an error.
    assert!(
        stderr.contains(
            "bad.jsonl:3: document \"corpus/01-kz-fuel-protests.txt\" again, the same line as at"
        ),
        "{stderr}"
    );
    let report: Report = serde_json::from_slice(&out.stdout).expect("a report");
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.errors.len(), 1);
    assert!(
        !report.claims.is_empty(),
        "the good document's claims are kept"
    );
}

/// An `extract` line whose references or spans do not hold together is an input error naming
/// file and line (exit 1), left out and listed in `errors`; the good lines are merged. (Such a
/// line was merged with its broken references dropped: a claim's source became `null`, claims
/// of a document not listed were kept, a span `[1000000000000, 5]` passed through.)
#[test]
fn merge_refuses_inconsistent_lines_naming_them_and_keeps_the_rest() {
    let tmp = common::TempDir::new("graph");
    let good = run(&["extract", "-q", "corpus/01-kz-fuel-protests.txt"]);
    let line = run(&["extract", "-q", "corpus/04-kz-toll-revised.txt"]);
    let base: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert!(base["sources"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| !s["parent"].is_null()));
    let claim_with_via = base["claims"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| !c["via"].as_array().unwrap().is_empty())
        .expect("a claim relayed");
    let claim_with_figures = base["claims"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| !c["figures"].as_array().unwrap().is_empty())
        .expect("a claim with figures");
    let parent_at = base["sources"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| !s["parent"].is_null())
        .unwrap();
    let bytes = base["documents"][0]["bytes"].as_u64().unwrap();
    type Break = Box<dyn Fn(&mut serde_json::Value)>;
    let breaks: Vec<(&str, Break)> = vec![
        (
            "source \"s999\"",
            Box::new(|r| r["claims"][0]["source"] = "s999".into()),
        ),
        (
            "not among",
            Box::new(|r| r["documents"] = serde_json::json!([])),
        ),
        (
            "span [1000000000000, 5]",
            Box::new(|r| r["claims"][0]["span"] = serde_json::json!([1000000000000u64, 5])),
        ),
        (
            "span",
            Box::new(move |r| r["figures"][0]["span"] = serde_json::json!([1, bytes + 1])),
        ),
        (
            "span",
            Box::new(|r| {
                r["claims"][1]["speaker"] = serde_json::json!({"text": "x", "span": [9, 8]})
            }),
        ),
        (
            "s77",
            Box::new(move |r| r["claims"][claim_with_via]["via"] = serde_json::json!(["s77"])),
        ),
        (
            "s88",
            Box::new(move |r| r["sources"][parent_at]["parent"] = "s88".into()),
        ),
        (
            "c999",
            Box::new(|r| r["figures"][0]["claim"] = "c999".into()),
        ),
        (
            "f999",
            Box::new(move |r| {
                r["claims"][claim_with_figures]["figures"] = serde_json::json!(["f999"])
            }),
        ),
        (
            "s999",
            Box::new(|r| r["figures"][0]["source"] = "s999".into()),
        ),
    ];
    let mut body = good.clone();
    for (_, f) in &breaks {
        let mut r = base.clone();
        f(&mut r);
        body.push_str(&serde_json::to_string(&r).unwrap());
        body.push('\n');
    }
    let bad = tmp.write("bad.jsonl", &body);
    let out = claimgraph(&["merge", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some input failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (k, (needle, _)) in breaks.iter().enumerate() {
        let at = format!("bad.jsonl:{}: ", k + 2);
        let message = stderr
            .lines()
            .find(|l| l.contains(&at))
            .unwrap_or_else(|| panic!("no error for line {}: {stderr}", k + 2));
        assert!(message.contains(needle), "{needle:?} not in {message}");
        assert!(message.contains("left out"), "{message}");
    }
    let report: Report = serde_json::from_slice(&out.stdout).expect("a report");
    assert_eq!(report.documents.len(), 1, "only the good line's document");
    assert_eq!(report.errors.len(), breaks.len());
    assert!(report
        .errors
        .iter()
        .zip(2..)
        .all(|(e, n)| e.line == Some(n) && e.input.ends_with("bad.jsonl")));
    assert_eq!(
        report.claims.len(),
        serde_json::from_str::<Report>(&good).unwrap().claims.len()
    );
    // The line unbroken merges.
    let fine = tmp.write("fine.jsonl", &line);
    assert_eq!(
        claimgraph(&["merge", "-q", fine.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}

/// A document met again names the shard and line of both copies. The same line given again
/// (shards that overlap, re-run) is a warning, exit 0, nothing lost; a different copy is an
/// error, exit 1, listed in `errors`. (Both were errors naming the document's path only.)
#[test]
fn merge_names_both_copies_of_a_document_and_warns_of_the_same_line_again() {
    let tmp = common::TempDir::new("graph");
    let one = run(&["extract", "-q", "corpus/01-kz-fuel-protests.txt"]);
    let two = run(&["extract", "-q", "corpus/02-kz-government-resigns.txt"]);
    let a = tmp.write("a.jsonl", format!("{one}{two}"));
    let b = tmp.write("b.jsonl", format!("\n{two}"));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = claimgraph(&["merge", a, b]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "claimgraph: warning: {b}:2: document \"corpus/02-kz-government-resigns.txt\" again, the same line as at {a}:2: this copy is left out"
        )),
        "{stderr}"
    );
    let report = common::parse_report(&out.stdout);
    assert!(report.errors.is_empty());
    assert_eq!(
        report,
        common::parse_report(&claimgraph(&["merge", a]).stdout)
    );
    // A copy that differs (its claims renumbered by hand) is an error naming both.
    let mut changed: serde_json::Value = serde_json::from_str(&two).unwrap();
    changed["documents"][0]["outlet"] = "Elsewhere".into();
    let c = tmp.write(
        "c.jsonl",
        format!("{}\n", serde_json::to_string(&changed).unwrap()),
    );
    let c = c.to_str().unwrap();
    let out = claimgraph(&["merge", a, c]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "claimgraph: error: {c}:1: duplicate document id \"corpus/02-kz-government-resigns.txt\" (first at {a}:2, in a different report): this copy is left out"
        )),
        "{stderr}"
    );
    let report = common::parse_report(&out.stdout);
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].input, c);
    assert_eq!(report.errors[0].line, Some(1));
    // Whole reports given twice are the same report again.
    let whole = tmp.write("whole.json", run(&["merge", "-q", a]));
    let w = whole.to_str().unwrap();
    let out = claimgraph(&["merge", w, w]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("the same report as at"), "{stderr}");
}

fn corpus_report() -> Report {
    let mut args = vec!["analyze", "-q"];
    let all = articles();
    args.extend(all.iter().map(String::as_str));
    serde_json::from_str(&run(&args)).expect("a report")
}

#[test]
fn the_graph_has_every_item_and_edge_of_the_report() {
    let r = corpus_report();
    let g = ClaimGraph::new(&r);
    let n = r.documents.len() + r.sources.len() + r.claims.len() + r.figures.len();
    assert_eq!(g.graph.node_count(), n);
    let count = |t: &str| {
        g.graph
            .edge_weights()
            .filter(|e| e.type_name() == t)
            .count()
    };
    assert_eq!(
        count("said"),
        r.claims.iter().filter(|c| c.source.is_some()).count()
            + r.figures
                .iter()
                .filter(|f| f.claim.is_none() && f.source.is_some())
                .count()
    );
    assert_eq!(
        count("states"),
        r.figures.iter().filter(|f| f.claim.is_some()).count()
    );
    assert_eq!(
        count("appears_in"),
        r.claims.len() + r.figures.iter().filter(|f| f.claim.is_none()).count()
    );
    assert_eq!(
        count("speaks_for"),
        r.sources.iter().filter(|s| s.parent.is_some()).count()
    );
    assert_eq!(count("conflicts"), r.conflicts.len());
    assert_eq!(count("updates"), r.updates.len());
    assert_eq!(count("agrees"), r.agreements.len());
    assert!(count("relayed") >= r.claims.iter().filter(|c| !c.via.is_empty()).count());
    assert_eq!(g.view(), r, "the unfiltered view is the report");
}

#[test]
fn filters_keep_what_they_say() {
    let r = corpus_report();
    let killed = ClaimGraph::filtered(
        &r,
        &Filter {
            measures: vec!["killed".into()],
            ..Filter::default()
        },
    )
    .unwrap()
    .view();
    assert!(!killed.figures.is_empty());
    assert!(killed.figures.iter().all(|f| f.measure == "killed"));
    assert!(killed.claims.iter().all(|c| !c.figures.is_empty()));
    assert!(
        !killed.conflicts.is_empty(),
        "the thread's death-toll conflicts stay"
    );

    let police = ClaimGraph::filtered(
        &r,
        &Filter {
            source_kinds: vec!["police".into()],
            ..Filter::default()
        },
    )
    .unwrap()
    .view();
    let kind = |id: &Option<String>| {
        r.sources
            .iter()
            .find(|s| Some(&s.id) == id.as_ref())
            .map(|s| s.kind.as_str())
    };
    assert!(!police.claims.is_empty());
    assert!(police
        .claims
        .iter()
        .all(|c| kind(&c.source) == Some("police")));

    let doc = &r.documents[2].id;
    let one = ClaimGraph::filtered(
        &r,
        &Filter {
            documents: vec![doc.clone()],
            ..Filter::default()
        },
    )
    .unwrap()
    .view();
    assert_eq!(one.documents.len(), 1);
    assert!(one.claims.iter().all(|c| &c.doc == doc));

    // Around a source: its claims, and the figures that conflict with its own.
    let around = ClaimGraph::filtered(
        &r,
        &Filter {
            around: Some("Kassym-Jomart Tokayev".into()),
            ..Filter::default()
        },
    )
    .unwrap()
    .view();
    let tokayev = r
        .sources
        .iter()
        .find(|s| s.name == "Kassym-Jomart Tokayev")
        .expect("Tokayev is a source");
    assert!(around
        .claims
        .iter()
        .any(|c| c.source.as_ref() == Some(&tokayev.id)));
    assert!(around.sources.iter().any(|s| s.id == tokayev.id));
    assert!(around.claims.len() < r.claims.len());

    let missing = ClaimGraph::filtered(
        &r,
        &Filter {
            around: Some("nobody at all".into()),
            ..Filter::default()
        },
    );
    assert!(missing.is_err());
}

#[test]
fn unknown_filters_are_usage_errors() {
    for args in [
        &[
            "analyze",
            "corpus/01-kz-fuel-protests.txt",
            "--measure",
            "deaths",
        ][..],
        &[
            "analyze",
            "corpus/01-kz-fuel-protests.txt",
            "--source-kind",
            "cops",
        ],
        &[
            "analyze",
            "corpus/01-kz-fuel-protests.txt",
            "--around",
            "nobody at all",
        ],
        &[
            "analyze",
            "corpus/01-kz-fuel-protests.txt",
            "--cluster-documents",
        ],
    ] {
        let out = claimgraph(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("claimgraph: error:"), "{stderr}");
    }
}

const GOLDEN_INPUTS: &[&str] = &[
    "corpus/04-kz-toll-revised.txt",
    "corpus/09-kz-csto-arrives.txt",
];

fn golden(format: &str, extra: &[&str]) -> String {
    let mut args = vec!["analyze", "-q", "--format", format];
    args.extend(extra);
    args.extend(GOLDEN_INPUTS);
    run(&args)
}

#[test]
fn dot_is_golden() {
    insta::assert_snapshot!("graph_dot", golden("dot", &[]));
    insta::assert_snapshot!(
        "graph_dot_clustered",
        golden("dot", &["--cluster-documents"])
    );
}

#[test]
fn graphml_is_golden() {
    insta::assert_snapshot!("graph_graphml", golden("graphml", &[]));
}

#[test]
fn node_link_is_golden() {
    insta::assert_snapshot!("graph_node_link", golden("node-link", &[]));
}

/// A client that `.ci/run` installs; its absence fails the ignored test loudly.
fn client(cmd: &str, install: &str) {
    let found = std::process::Command::new("sh")
        .args(["-c", &format!("command -v {cmd}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(found, "`{cmd}` is not on the PATH: {install}");
}

#[test]
#[ignore = "needs Graphviz (`apt-get install graphviz`); run by .ci/run"]
fn graphviz_renders_every_dot_output() {
    let tmp = common::TempDir::new("graph");
    client("dot", "apt-get install -y graphviz");
    let mut cases = vec![
        golden("dot", &[]),
        golden("dot", &["--cluster-documents"]),
        run(&["analyze", "-q", "--format", "dot", "corpus/"]),
        run(&[
            "analyze",
            "-q",
            "--format",
            "dot",
            "--cluster-documents",
            "corpus/",
        ]),
        run(&[
            "analyze",
            "-q",
            "--format",
            "dot",
            "--measure",
            "killed",
            "corpus/",
        ]),
    ];
    if let Some(shared) = common::shared() {
        let seed = shared.join("seed/kazakhstan-2022-01-06.txt");
        cases.push(run(&[
            "analyze",
            "-q",
            "--format",
            "dot",
            seed.to_str().unwrap(),
        ]));
    }
    for (k, dot) in cases.iter().enumerate() {
        let p = tmp.write(&format!("case{k}.dot"), dot);
        let out = std::process::Command::new("dot")
            .args(["-Tsvg", p.to_str().unwrap()])
            .output()
            .expect("dot runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "dot rejected case {k}: {stderr}");
        assert!(stderr.trim().is_empty(), "dot warned on case {k}: {stderr}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
    }
}

#[test]
#[ignore = "needs python3 with networkx (`pip install networkx`); run by .ci/run"]
fn networkx_loads_node_link_and_graphml_with_the_right_counts() {
    let tmp = common::TempDir::new("graph");
    client("python3", "install Python 3");
    let r = corpus_report();
    let g = ClaimGraph::new(&r);
    let (nodes, edges) = (g.graph.node_count(), g.graph.edge_count());
    let conflicts = r.conflicts.len();
    let nl = tmp.write(
        "corpus.node-link.json",
        run(&["analyze", "-q", "--format", "node-link", "corpus/"]),
    );
    let gm = tmp.write(
        "corpus.graphml",
        run(&["analyze", "-q", "--format", "graphml", "corpus/"]),
    );
    let script = format!(
        r#"
import json, networkx as nx
nl = nx.node_link_graph(json.load(open({nl:?})), edges="links")
gm = nx.read_graphml({gm:?})
for name, g in (("node-link", nl), ("graphml", gm)):
    conflicts = sum(1 for _, _, d in g.edges(data=True) if d["type"] == "conflicts")
    print(name, g.number_of_nodes(), g.number_of_edges(), conflicts)
    assert (g.number_of_nodes(), g.number_of_edges(), conflicts) == ({nodes}, {edges}, {conflicts}), name
    kinds = {{d["type"] for _, d in g.nodes(data=True)}}
    assert kinds == {{"document", "source", "claim", "figure"}}, kinds
    lows = [d["low"] for _, d in g.nodes(data=True) if "low" in d]
    assert lows and all(isinstance(x, float) for x in lows), "typed attributes"
print("ok")
"#,
        nl = nl.to_str().unwrap(),
        gm = gm.to_str().unwrap()
    );
    let out = std::process::Command::new("python3")
        .args(["-c", &script])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "networkx check failed (pip install networkx):\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Whole reports one after another in one input are each named by the line they start on
/// (all were named by the first's line).
#[test]
fn stacked_reports_are_named_by_their_own_lines() {
    let tmp = common::TempDir::new("stacked");
    let one = run(&["analyze", "-q", "corpus/01-kz-fuel-protests.txt"]);
    let first = format!("{one}\n");
    let both = tmp.write("both.json", format!("{first}{one}"));
    let out = claimgraph(&["merge", "-q", both.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    let second = first.matches('\n').count() + 1;
    assert!(
        err.contains(&format!("both.json:{second}: document"))
            && err.contains("/both.json:1: this copy is left out"),
        "{err}"
    );
}
