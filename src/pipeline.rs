//! One document -> its claims: normalize, segment, find quotes, attribute; spans mapped back to
//! the text as read. Documents are independent, so a batch runs in parallel (rayon) and keeps
//! input order.

use crate::attribute::{attribute_quotes, Claim};
use crate::input::{Document, Normalized};
use crate::lexicon::{Cues, CUES};
use crate::quote::find_quotes;
use crate::segment::paragraphs;
use rayon::prelude::*;

/// The lexicons a run uses: the built-in ones, extended by the user's.
#[derive(Debug, Clone)]
pub struct Config {
    pub cues: Cues,
}

impl Default for Config {
    fn default() -> Self {
        Config { cues: CUES.clone() }
    }
}

/// The claims of one document, spans into `doc.text` exactly as read.
pub fn analyze_document(doc: &Document, config: &Config) -> Vec<Claim> {
    let norm = Normalized::new(&doc.text);
    let text: &str = &norm.text;
    // The date header is found on the original; its end maps 1:1 unless a BOM came first.
    let body = crate::input::date_header(text).map_or(0, |(_, end)| end);
    let paras = paragraphs(text, body);
    if paras.is_empty() {
        return Vec::new();
    }
    let quotes = find_quotes(text, &paras);
    let mut claims = attribute_quotes(text, &paras, &quotes, &config.cues);
    for c in &mut claims {
        c.content = norm.original_span(c.content);
        c.speaker = c.speaker.map(|s| norm.original_span(s));
        c.cue = c.cue.map(|s| norm.original_span(s));
        c.antecedent = c.antecedent.map(|s| norm.original_span(s));
        if let Some(q) = &mut c.quote {
            q.open = norm.original_span(q.open);
            q.close = q.close.map(|s| norm.original_span(s));
            q.content = c.content;
        }
    }
    claims
}

/// Every document's claims, in input order, using all cores.
pub fn analyze_all(docs: &[Document], config: &Config) -> Vec<Vec<Claim>> {
    docs.par_iter()
        .map(|d| analyze_document(d, config))
        .collect()
}
