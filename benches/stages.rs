//! Throughput of each pipeline stage over the bundled corpus (`corpus/*.txt`), repeated in
//! memory to about 2 MB of text per stage run.
//!
//! ```sh
//! cargo bench --bench stages              # 10 timed repetitions a stage, median reported
//! cargo bench --bench stages -- --quick   # 3 repetitions
//! cargo bench --bench stages -- figure    # only the stages whose name contains `figure`
//! ```
//!
//! Plain `std::time::Instant`, no benchmark framework. One untimed warm-up run precedes the
//! timed ones. MB are 10^6 bytes of document text. Run without `--bench` (as
//! `cargo test --all-targets` does), each stage runs once over the corpus as a smoke test.

use claimgraph::attribute::attribute_quotes;
use claimgraph::export::document_report;
use claimgraph::export::report::Report;
use claimgraph::figure::find_figures;
use claimgraph::graph::merge::merge;
use claimgraph::quote::{find_quotes, Quote};
use claimgraph::segment::{paragraphs, sentences};
use claimgraph::{analyze_document, Config, Document, Span};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// Bytes of text a stage run covers (the corpus is repeated until at least this much).
const TARGET_BYTES: usize = 2_000_000;
const REPS: usize = 10;
const QUICK_REPS: usize = 3;

/// The `.txt` articles of `corpus/`, in name order: (file stem, text).
fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .txt articles in {}", dir.display());
    files
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let text =
                std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (stem, text)
        })
        .collect()
}

/// The corpus as separate documents, repeated until `target` bytes (ids made unique by `#N`).
fn documents(target: usize) -> Vec<Document> {
    let articles = corpus();
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut copy = 0;
    loop {
        for (stem, text) in &articles {
            docs.push(Document::from_text(format!("{stem}#{copy}"), text.as_str()));
            bytes += text.len();
        }
        copy += 1;
        if bytes >= target {
            return docs;
        }
    }
}

/// Median of `reps` timed runs after one untimed warm-up run. `run` times itself, so work
/// that must not be measured (cloning inputs, dropping outputs) stays outside.
fn median(reps: usize, mut run: impl FnMut() -> Duration) -> Duration {
    let warm_up = run();
    if reps == 0 {
        return warm_up;
    }
    let mut times: Vec<Duration> = (0..reps).map(|_| run()).collect();
    times.sort();
    let n = times.len();
    if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2
    }
}

/// Times `f` as a whole.
fn timed(mut f: impl FnMut()) -> impl FnMut() -> Duration {
    move || {
        let start = Instant::now();
        f();
        start.elapsed()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` passes `--bench`; without it we run as a test (`cargo test --all-targets`).
    let bench = args.iter().any(|a| a == "--bench");
    let quick = args.iter().any(|a| a == "--quick");
    let filters: Vec<&str> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .map(String::as_str)
        .collect();
    let wanted = |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f));
    let (target, reps) = match (bench, quick) {
        (false, _) => (0, 0), // one pass over the corpus, warm-up run only
        (true, true) => (TARGET_BYTES, QUICK_REPS),
        (true, false) => (TARGET_BYTES, REPS),
    };

    let config = Config::default();
    let docs = documents(target);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    // What the stages after `segment` take, computed once, untimed. Paragraphs start after a
    // `date YYYY-MM-DD` header line, as in `analyze_document`.
    let bodies: Vec<usize> = docs
        .iter()
        .map(|d| claimgraph::input::date_header(&d.text).map_or(0, |(_, end)| end))
        .collect();
    let paras: Vec<Vec<Span>> = docs
        .iter()
        .zip(&bodies)
        .map(|(d, &body)| paragraphs(&d.text, body))
        .collect();
    let quotes: Vec<Vec<Quote>> = docs
        .iter()
        .zip(&paras)
        .map(|(d, p)| find_quotes(&d.text, p))
        .collect();

    if bench {
        println!(
            "stages: {mb:.2} MB of text, {} documents, median of {reps} runs",
            docs.len()
        );
    }
    let report = |name: &str, t: Duration, extra: &str| {
        if bench {
            println!(
                "{name:<10}{:>8.1} MB/s  {:>9.2} ms/run{extra}",
                mb / t.as_secs_f64(),
                t.as_secs_f64() * 1e3
            );
        }
    };

    if wanted("segment") {
        let t = median(
            reps,
            timed(|| {
                for (d, &body) in docs.iter().zip(&bodies) {
                    let text = black_box(d.text.as_str());
                    let found = paragraphs(text, body);
                    for &p in &found {
                        black_box(sentences(text, p));
                    }
                    black_box(found);
                }
            }),
        );
        report("segment", t, "");
    }

    if wanted("quote") {
        let t = median(
            reps,
            timed(|| {
                for (d, ps) in docs.iter().zip(&paras) {
                    black_box(find_quotes(black_box(&d.text), ps));
                }
            }),
        );
        report("quote", t, "");
    }

    if wanted("attribute") {
        let t = median(
            reps,
            timed(|| {
                for ((d, ps), qs) in docs.iter().zip(&paras).zip(&quotes) {
                    if ps.is_empty() {
                        continue; // as analyze_document: no paragraphs, no claims
                    }
                    black_box(attribute_quotes(black_box(&d.text), ps, qs, &config.cues));
                }
            }),
        );
        report("attribute", t, "");
    }

    if wanted("figure") {
        let t = median(
            reps,
            timed(|| {
                for (d, ps) in docs.iter().zip(&paras) {
                    black_box(find_figures(&config.figures, black_box(&d.text), ps));
                }
            }),
        );
        report("figure", t, "");
    }

    if wanted("document") {
        let t = median(
            reps,
            timed(|| {
                for d in &docs {
                    let analysis = analyze_document(black_box(d), &config);
                    black_box(document_report(d, &analysis, &config.sources));
                }
            }),
        );
        report("document", t, "");
    }

    if wanted("merge") {
        let reports: Vec<Report> = docs
            .iter()
            .map(|d| document_report(d, &analyze_document(d, &config), &config.sources))
            .collect();
        let n = reports.len();
        let t = median(reps, || {
            let parts = reports.clone();
            let start = Instant::now();
            let merged = merge(black_box(parts));
            let elapsed = start.elapsed();
            black_box(&merged);
            elapsed
        });
        report(
            "merge",
            t,
            &format!("  {:>9.0} reports/s", n as f64 / t.as_secs_f64()),
        );
    }

    if !bench {
        println!("stages: each stage ran once over {} documents (test mode; time with `cargo bench --bench stages`)", docs.len());
    }
}
