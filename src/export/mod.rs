//! Claims of many documents -> output formats. Only owned DTOs leave this module.

pub mod report;
pub mod tables;

use crate::input::{Document, InputError};
use crate::source::{SourceLexicon, Sources};
use std::sync::LazyLock;

static BUILTIN: LazyLock<SourceLexicon> = LazyLock::new(SourceLexicon::builtin);
use crate::figure::link::{figure_date, link, LinkFigure};
use crate::figure::When;
use crate::pipeline::Analysis;
use report::{
    ClaimOut, ConflictOut, DocumentOut, ErrorOut, FigureOut, Report, SourceOut, SpeakerOut,
    UpdateOut,
};

/// Builds the v1 report with the built-in lexicons; see [`build_report_with`].
pub fn build_report(docs: &[Document], analyses: &[Analysis], errors: &[InputError]) -> Report {
    build_report_with(docs, analyses, errors, &BUILTIN)
}

/// Builds the v1 report: documents in input order, claims in text order, ids assigned in that
/// order (`c1`, `c2`, ...; sources `s1`, ... in order of first mention), sources resolved
/// with `lexicon`.
pub fn build_report_with(
    docs: &[Document],
    analyses: &[Analysis],
    errors: &[InputError],
    lexicon: &SourceLexicon,
) -> Report {
    let mut report = Report::default();
    let mut sources = Sources::default();
    let mut n = 0;
    for (doc, analysis) in docs.iter().zip(analyses) {
        let doc_claims = &analysis.claims;
        let first_claim = report.claims.len();
        sources.begin_document();
        report.documents.push(DocumentOut {
            id: doc.id.clone(),
            path: doc.path.clone(),
            date: doc.date.clone(),
            outlet: doc.outlet.clone(),
            title: doc.title.clone(),
            url: doc.url.clone(),
            bytes: doc.text.len() as u64,
        });
        for c in doc_claims {
            n += 1;
            let text: &str = &doc.text;
            let via: Vec<String> = c
                .via
                .iter()
                .map(|&v| format!("s{}", sources.resolve(lexicon, &text[v]) + 1))
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
            let source = source.or_else(|| {
                (c.rule == "hearsay").then(|| sources.resolve(lexicon, "unnamed sources"))
            });
            report.claims.push(ClaimOut {
                id: format!("c{n}"),
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
                source: source.map(|i| format!("s{}", i + 1)),
                via,
                figures: Vec::new(),
            });
        }
        add_figures(
            &mut report,
            &mut sources,
            lexicon,
            doc,
            analysis,
            first_claim,
        );
    }
    link_figures(&mut report, &sources, analyses);
    report.sources = sources
        .list
        .iter()
        .enumerate()
        .map(|(i, s)| SourceOut {
            id: format!("s{}", i + 1),
            name: s.name.clone(),
            kind: s.kind.to_string(),
            aliases: s.aliases.clone(),
            parent: s.parent.map(|p| format!("s{}", p + 1)),
            country: s.country.clone(),
        })
        .collect();
    report.errors = errors
        .iter()
        .map(|e| ErrorOut {
            input: e.input.clone(),
            line: e.line,
            message: e.message.clone(),
        })
        .collect();
    report
}

/// Conflicts and updates between all the figures of the report (see [`crate::figure::link`]).
fn link_figures(report: &mut Report, sources: &Sources, analyses: &[Analysis]) {
    let figures: Vec<(&crate::figure::Figure, Option<&String>)> = analyses
        .iter()
        .flat_map(|a| a.figures.iter().map(move |f| (f, a.event.as_ref())))
        .collect();
    let input: Vec<LinkFigure> = report
        .figures
        .iter()
        .zip(&figures)
        .map(|(out, (f, event))| {
            let source_name = out.source.as_ref().and_then(|id| {
                let i: usize = id.trim_start_matches('s').parse().ok()?;
                sources.list.get(i - 1).map(|s| s.name.clone())
            });
            LinkFigure {
                doc: out.doc.clone(),
                sentence: f.sentence,
                linkable: !f.retracted && !f.part && f.when != Some(When::Before),
                event: event.cloned(),
                date: out.date.clone(),
                source: out.source.clone(),
                source_name,
                measure: f.measure,
                group: f.group.clone(),
                // A place that is the event's own country is no narrower count.
                scope: f.scope.clone().filter(|s| Some(s) != *event),
                low: f.low,
                high: f.high,
                text: out.text.clone(),
            }
        })
        .collect();
    let (conflicts, updates) = link(&input);
    let id = |i: usize| report.figures[i].id.clone();
    report.conflicts = conflicts
        .into_iter()
        .map(|l| ConflictOut {
            figures: [id(l.a), id(l.b)],
            measure: input[l.a].measure.to_string(),
            group: input[l.a].group.clone(),
            why: l.why,
        })
        .collect();
    report.updates = updates
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

/// The figures of one document: each takes the source of the smallest claim it stands in,
/// else the document's outlet.
fn add_figures(
    report: &mut Report,
    sources: &mut Sources,
    lexicon: &SourceLexicon,
    doc: &Document,
    analysis: &Analysis,
    first_claim: usize,
) {
    let text: &str = &doc.text;
    for f in &analysis.figures {
        let holder = analysis
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.content.contains(f.span))
            .min_by_key(|(_, c)| c.content.len())
            .map(|(i, _)| first_claim + i);
        let source = match holder {
            Some(ci) => report.claims[ci].source.clone(),
            None => doc
                .outlet
                .as_deref()
                .map(|o| format!("s{}", sources.resolve_media(lexicon, o) + 1)),
        };
        let id = format!("f{}", report.figures.len() + 1);
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
        });
    }
}

fn is_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "i" | "we" | "you"
    )
}

/// The report as pretty JSON with a final newline.
pub fn to_json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("reports serialize");
    s.push('\n');
    s
}
