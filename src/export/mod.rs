//! Claims of many documents -> output formats. Only owned DTOs leave this module.

pub mod compact;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod nodelink;
pub mod report;
pub mod tables;

use crate::input::{Document, InputError};
use crate::source::{SourceLexicon, Sources};
use crate::span::Span;
use std::sync::LazyLock;

static BUILTIN: LazyLock<SourceLexicon> = LazyLock::new(SourceLexicon::builtin);
use crate::figure::link::{figure_date, link, LinkFigure};
use crate::figure::When;
pub use crate::graph::merge::Merger;
use crate::pipeline::Analysis;
use report::{
    ClaimOut, ConflictOut, DocumentOut, ErrorOut, FigureOut, Report, SourceOut, SpeakerOut,
    UpdateOut,
};
use std::collections::HashMap;

/// Builds the v1 report with the built-in lexicons; see [`build_report_with`].
pub fn build_report(docs: &[Document], analyses: &[Analysis], errors: &[InputError]) -> Report {
    build_report_with(docs, analyses, errors, &BUILTIN)
}

/// Builds the v1 report of a run: each document's report ([`document_report`]) merged in
/// input order ([`Merger`]); ids are assigned in that order (`c1`, `c2`, ...; sources `s1`,
/// ... in order of first mention), sources resolved with `lexicon`.
pub fn build_report_with(
    docs: &[Document],
    analyses: &[Analysis],
    errors: &[InputError],
    lexicon: &SourceLexicon,
) -> Report {
    let mut merger = Merger::default();
    for (doc, analysis) in docs.iter().zip(analyses) {
        merger.add(document_report(doc, analysis, lexicon));
    }
    merger.add_errors(errors.iter().map(error_out));
    merger.finish()
}

/// An input error as the report lists it.
pub fn error_out(e: &InputError) -> ErrorOut {
    ErrorOut {
        input: e.input.clone(),
        line: e.line,
        message: e.message.clone(),
    }
}

/// The v1 report of one document, its sources resolved within it and its figures linked among
/// themselves: what `claimgraph extract` prints per line, and what [`Merger`] merges.
pub fn document_report(doc: &Document, analysis: &Analysis, lexicon: &SourceLexicon) -> Report {
    let mut report = Report::default();
    let mut sources = Sources::default();
    sources.begin_document();
    report.documents.push(DocumentOut {
        id: doc.id.clone(),
        path: doc.path.clone(),
        date: doc.date.clone(),
        outlet: doc.outlet.clone(),
        title: doc.title.clone(),
        url: doc.url.clone(),
        bytes: doc.text.len() as u64,
        event: analysis.event.clone(),
    });
    let text: &str = &doc.text;
    for (n, c) in analysis.claims.iter().enumerate() {
        let via: Vec<String> = c
            .via
            .iter()
            .map(|&v| id_of('s', sources.resolve(lexicon, &text[v]) + 1))
            .collect();
        let source = c.speaker.and_then(|sp| {
            let spoken = &text[sp];
            match c.antecedent {
                Some(a) => {
                    let i = sources.resolve(lexicon, &text[a]);
                    if !is_pronoun(spoken) {
                        sources.add_alias(i, spoken);
                    }
                    Some(i)
                }
                None if is_pronoun(spoken) => None,
                None => Some(sources.resolve(lexicon, spoken)),
            }
        });
        // Hearsay ("reportedly") has no speaker mention but an anonymous source.
        let source = source
            .or_else(|| (c.rule == "hearsay").then(|| sources.resolve(lexicon, "unnamed sources")));
        report.claims.push(ClaimOut {
            id: id_of('c', n + 1),
            doc: doc.id.clone(),
            kind: c.kind.as_str().to_string(),
            text: text[c.content].to_string(),
            span: c.content.to_array(),
            speaker: c.speaker.map(|s| SpeakerOut {
                text: text[s].to_string(),
                span: s.to_array(),
            }),
            cue: c.cue.map(|s| text[s].to_string()),
            rule: c.rule.to_string(),
            source: source.map(|i| id_of('s', i + 1)),
            via,
            figures: Vec::new(),
        });
    }
    add_figures(&mut report, &mut sources, lexicon, doc, analysis);
    report.sources = sources
        .list
        .iter()
        .enumerate()
        .map(|(i, s)| SourceOut {
            id: id_of('s', i + 1),
            name: s.name.clone(),
            kind: s.kind.to_string(),
            aliases: s.aliases.clone(),
            parent: s.parent.map(|p| id_of('s', p + 1)),
            country: s.country.clone(),
        })
        .collect();
    link_report(&mut report);
    report
}

/// Fills the conflicts, updates and agreements of `report` from its figures (see
/// [`crate::figure::link`]); what was there before is replaced.
pub fn link_report(report: &mut Report) {
    let events: HashMap<&str, Option<&String>> = report
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.event.as_ref()))
        .collect();
    let doc_dates: HashMap<&str, Option<&String>> = report
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.date.as_ref()))
        .collect();
    let names: HashMap<&str, &str> = report
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let input: Vec<LinkFigure> = report
        .figures
        .iter()
        .map(|f| {
            let event = events.get(f.doc.as_str()).copied().flatten();
            LinkFigure {
                doc: f.doc.clone(),
                sentence: f.sentence,
                linkable: f.status == "current",
                event: event.cloned(),
                date: f.date.clone(),
                source: f.source.clone(),
                source_name: f
                    .source
                    .as_deref()
                    .and_then(|id| names.get(id))
                    .map(|n| n.to_string()),
                measure: measure_name(&f.measure),
                group: f.group.clone(),
                // A place that is the event's own country is no narrower count.
                scope: f.scope.clone().filter(|s| Some(s) != event),
                low: f.low,
                high: f.high,
                text: f.text.clone(),
                recounted: f.date.is_some()
                    && f.date != doc_dates.get(f.doc.as_str()).cloned().flatten().cloned(),
            }
        })
        .collect();
    let links = link(&input);
    let id = |i: usize| report.figures[i].id.clone();
    let pair = |l: crate::figure::link::Link| ConflictOut {
        figures: [id(l.a), id(l.b)],
        measure: input[l.a].measure.to_string(),
        group: input[l.a].group.clone(),
        why: l.why,
    };
    report.conflicts = links.conflicts.into_iter().map(pair).collect();
    report.agreements = links.agreements.into_iter().map(pair).collect();
    report.updates = links
        .updates
        .into_iter()
        .map(|l| UpdateOut {
            from: id(l.a),
            to: id(l.b),
            measure: input[l.a].measure.to_string(),
            group: input[l.b]
                .group
                .clone()
                .or_else(|| input[l.a].group.clone()),
            why: l.why,
        })
        .collect();
}

/// The measure names of the contract, as `'static` strings; anything else is `other`.
fn measure_name(m: &str) -> &'static str {
    crate::figure::lexicon::MEASURES
        .iter()
        .find(|&&x| x == m)
        .copied()
        .unwrap_or("other")
}

/// The figures of one document: each takes the source of the smallest claim it stands in,
/// else the document's outlet.
fn add_figures(
    report: &mut Report,
    sources: &mut Sources,
    lexicon: &SourceLexicon,
    doc: &Document,
    analysis: &Analysis,
) {
    let text: &str = &doc.text;
    let claims: Vec<Span> = analysis.claims.iter().map(|c| c.content).collect();
    let figures: Vec<Span> = analysis.figures.iter().map(|f| f.span).collect();
    let holders = smallest_holders(&claims, &figures);
    for (f, holder) in analysis.figures.iter().zip(holders) {
        let source = match holder {
            Some(ci) => report.claims[ci].source.clone(),
            None => doc
                .outlet
                .as_deref()
                .map(|o| id_of('s', sources.resolve_media(lexicon, o) + 1)),
        };
        let id = id_of('f', report.figures.len() + 1);
        if let Some(ci) = holder {
            report.claims[ci].figures.push(id.clone());
        }
        report.figures.push(FigureOut {
            id,
            doc: doc.id.clone(),
            text: text[f.span].to_string(),
            span: f.span.to_array(),
            measure: f.measure.to_string(),
            group: f.group.clone(),
            low: f.low,
            high: f.high,
            qualifier: f.qualifier.to_string(),
            claim: holder.map(|ci| report.claims[ci].id.clone()),
            source,
            date: figure_date(doc.date.as_deref(), f.when),
            scope: f.scope.clone(),
            sentence: f.sentence,
            status: status(f).to_string(),
        });
    }
}

/// For each of `inner`, the index of the shortest of `outer` that contains it (the first of
/// equals), or `None`. A sweep over starts with a Fenwick tree of suffix minima over ends:
/// O((outer + inner) log outer), where testing every pair was quadratic on a document of
/// many claims and figures.
fn smallest_holders(outer: &[Span], inner: &[Span]) -> Vec<Option<usize>> {
    let mut ends: Vec<usize> = outer.iter().map(|s| s.end).collect();
    ends.sort_unstable();
    ends.dedup();
    // Position in the tree of an end: larger ends first, so a prefix is "end >= x".
    let rank = |end: usize| ends.len() - ends.partition_point(|&e| e < end);
    let mut tree: Vec<(usize, usize)> = vec![(usize::MAX, usize::MAX); ends.len() + 1];
    let mut by_start: Vec<usize> = (0..outer.len()).collect();
    by_start.sort_by_key(|&i| outer[i].start);
    let mut order: Vec<usize> = (0..inner.len()).collect();
    order.sort_by_key(|&i| inner[i].start);
    let mut out = vec![None; inner.len()];
    let mut next = 0;
    for fi in order {
        let f = inner[fi];
        while next < by_start.len() && outer[by_start[next]].start <= f.start {
            let ci = by_start[next];
            let mut k = rank(outer[ci].end);
            let value = (outer[ci].len(), ci);
            while k < tree.len() {
                tree[k] = tree[k].min(value);
                k += k & k.wrapping_neg();
            }
            next += 1;
        }
        // Ends >= f.end: the first `rank(f.end)` positions... counted from the largest end.
        let mut k = ends.len() - ends.partition_point(|&e| e < f.end);
        let mut best = (usize::MAX, usize::MAX);
        while k > 0 {
            best = best.min(tree[k]);
            k -= k & k.wrapping_neg();
        }
        out[fi] = (best.1 != usize::MAX).then_some(best.1);
    }
    out
}

/// Whether a figure is linked to others, and why not.
fn status(f: &crate::figure::Figure) -> &'static str {
    if f.retracted {
        "withdrawn"
    } else if f.part {
        "part"
    } else if f.when == Some(When::Before) {
        "past"
    } else {
        "current"
    }
}

fn is_pronoun(s: &str) -> bool {
    const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we", "you"];
    if s.is_ascii() {
        // An ASCII word's lower case is its ASCII lower case: compared without allocating.
        return PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(s));
    }
    PRONOUNS.contains(&s.to_lowercase().as_str())
}

/// An id of the report: `prefix` and the number `n` ("c12"), as `format!` writes it, in one
/// allocation.
fn id_of(prefix: char, n: usize) -> String {
    let (digits, at) = decimal(n as u64);
    let mut id = String::with_capacity(1 + digits.len() - at);
    id.push(prefix);
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
    id
}

/// The decimal digits of `n`, as `format!` writes them: `digits[at..]`.
fn decimal(n: u64) -> ([u8; 20], usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    (digits, at)
}

/// The report as pretty JSON with a final newline.
pub fn to_json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("reports serialize");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_pronouns() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(id_of('c', n), format!("c{n}"));
        }
        for (s, want) in [
            ("He", true),
            ("THEY", true),
            ("i", true),
            ("Him", false),
            ("", false),
        ] {
            assert_eq!(is_pronoun(s), want, "{s}");
        }
    }

    #[test]
    fn smallest_holders_agree_with_testing_every_pair() {
        // A small deterministic generator: nested, overlapping, equal and empty spans.
        let mut x: u64 = 7;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((x >> 33) % m) as usize
        };
        for _ in 0..200 {
            let span = |next: &mut dyn FnMut(u64) -> usize| {
                let a = next(60);
                Span::new(a, a + next(25))
            };
            let outer: Vec<Span> = (0..next(12)).map(|_| span(&mut next)).collect();
            let inner: Vec<Span> = (0..next(12)).map(|_| span(&mut next)).collect();
            let brute: Vec<Option<usize>> = inner
                .iter()
                .map(|f| {
                    outer
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.contains(*f))
                        .min_by_key(|(_, c)| c.len())
                        .map(|(i, _)| i)
                })
                .collect();
            assert_eq!(
                smallest_holders(&outer, &inner),
                brute,
                "{outer:?} {inner:?}"
            );
        }
    }
}
