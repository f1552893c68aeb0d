//! claimgraph reads news text and answers a fact-checker's first questions: who said what,
//! and through whom it reached the reader.
//!
//! The pipeline follows the data: [`input`] (files, directories, JSONL, stdin -> documents),
//! [`segment`] (paragraphs, sentences), [`quote`] (quote marks -> quotations), [`attribute`]
//! (quotations and reported speech -> claims with speaker, cue and rule), [`source`] (speakers
//! -> canonical sources), [`figure`] (numbers -> figures with measure, group and interval), [`export`] (the v1 JSON report of `CONTRACT.md`); [`pipeline`] runs the stages on
//! one document or a batch, [`eval`] scores a run against gold quotes, and `cli` is the thin
//! command-line layer. Every span is a UTF-8 byte range into the document's text as read.
//!
//! ```
//! use claimgraph::{analyze_document, build_report, Config, Document};
//!
//! let doc = Document::from_text(
//!     "example",
//!     "“We will not leave the square,” said a spokesman for the organisers.",
//! );
//! let analysis = analyze_document(&doc, &Config::default());
//! let report = build_report(&[doc], &[analysis], &[]);
//! let claim = &report.claims[0];
//! assert_eq!(claim.kind, "direct");
//! assert_eq!(claim.text, "We will not leave the square,");
//! assert_eq!(claim.speaker.as_ref().unwrap().text, "a spokesman for the organisers");
//! assert_eq!(claim.rule, "quote_cue_speaker");
//! ```

pub mod attribute;
pub mod bytescan;
pub mod eval;
pub mod export;
pub mod figure;
pub mod graph;
pub mod input;
pub mod lexicon;
pub mod pipeline;
pub mod quote;
pub mod segment;
pub mod source;
pub mod span;

#[doc(hidden)]
pub mod cli;

/// `v` emptied, as a vector of another type of the same size and alignment (references of
/// another lifetime) without allocating: `collect` of a vector's `into_iter` writes into the
/// vector's own allocation. For buffers kept from one sentence or mention to the next whose
/// items borrow the text of each (tests in `source` and `figure` check the allocation is kept).
pub(crate) fn recycle<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().map(|_| unreachable!("v is empty")).collect()
}

/// The first index whose item is not `before` (`items` partitioned by `before`: those
/// first), found from a cursor `k`: a cursor moving forward through sorted items walks a
/// few steps, the common case, then searches the rest; one past the index searches before
/// it. Moving to and fro stays logarithmic a move, not linear.
pub(crate) fn seek_from<T>(items: &[T], k: usize, before: impl Fn(&T) -> bool) -> usize {
    let mut k = k.min(items.len());
    if k > 0 && !before(&items[k - 1]) {
        return items[..k].partition_point(before);
    }
    let steps = items.len().min(k + 8);
    while k < steps {
        if !before(&items[k]) {
            return k;
        }
        k += 1;
    }
    k + items[k..].partition_point(before)
}

pub use attribute::{Claim, ClaimKind};
pub use export::build_report;
pub use export::report::Report;
pub use input::Document;
pub use pipeline::{analyze_all, analyze_document, Analysis, Config};
pub use span::Span;

#[cfg(test)]
mod tests {
    #[test]
    fn seek_from_finds_the_partition_point_from_any_start() {
        for n in 0..40usize {
            let items: Vec<usize> = (0..n).collect();
            for cut in 0..=n {
                for k in 0..=n + 2 {
                    assert_eq!(
                        super::seek_from(&items, k, |&x| x < cut),
                        cut,
                        "{n} {cut} {k}"
                    );
                }
            }
        }
    }
}
