//! Claims of many documents -> output formats. Only owned DTOs leave this module.

pub mod report;

use crate::attribute::Claim;
use crate::input::{Document, InputError};
use crate::source::{SourceLexicon, Sources};
use std::sync::LazyLock;

static BUILTIN: LazyLock<SourceLexicon> = LazyLock::new(SourceLexicon::builtin);
use report::{ClaimOut, DocumentOut, ErrorOut, Report, SourceOut, SpeakerOut};

/// Builds the v1 report with the built-in lexicons; see [`build_report_with`].
pub fn build_report(docs: &[Document], claims: &[Vec<Claim>], errors: &[InputError]) -> Report {
    build_report_with(docs, claims, errors, &BUILTIN)
}

/// Builds the v1 report: documents in input order, claims in text order, ids assigned in that
/// order (`c1`, `c2`, ...; sources `s1`, ... in order of first mention), sources resolved
/// with `lexicon`.
pub fn build_report_with(
    docs: &[Document],
    claims: &[Vec<Claim>],
    errors: &[InputError],
    lexicon: &SourceLexicon,
) -> Report {
    let mut report = Report::default();
    let mut sources = Sources::default();
    let mut n = 0;
    for (doc, doc_claims) in docs.iter().zip(claims) {
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
    }
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
