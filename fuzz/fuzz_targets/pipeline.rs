//! The whole pipeline on arbitrary bytes: reading (text or JSONL), normalizing, segmenting,
//! quotes, attribution, sources, figures, the document's report, merging it, the graph and
//! every export. Nothing may panic, and every span must slice the text on char boundaries.
//!
//! Run: `cargo +nightly fuzz run pipeline fuzz/corpus/pipeline` (seeds: the corpus articles,
//! copied there by `scripts/fuzz.sh`).

#![no_main]

use claimgraph::export::{document_report, dot, graphml, nodelink};
use claimgraph::graph::{merge::merge, ClaimGraph};
use claimgraph::{analyze_document, Config, Document};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = Document::from_text("fuzz", text);
    let analysis = analyze_document(&doc, &CONFIG);
    for c in &analysis.claims {
        for span in [Some(c.content), c.speaker, c.cue, c.antecedent]
            .into_iter()
            .flatten()
            .chain(c.via.iter().copied())
        {
            assert!(span.start <= span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
    for f in &analysis.figures {
        assert!(f.span.start <= f.span.end && f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
    let report = document_report(&doc, &analysis, &CONFIG.sources);
    let merged = merge([report.clone(), report]);
    let g = ClaimGraph::new(&merged);
    let _ = dot::to_dot(&g, dot::DotOptions::default());
    let _ = graphml::to_graphml(&g);
    let _ = nodelink::to_node_link_json(&g);
});
