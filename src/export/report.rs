//! The v1 JSON report of `CONTRACT.md`: owned, serializable DTOs built at the export edge.
//!
//! Field names and meanings are fixed by the contract; fields may be added, never renamed.
//! `docs/report-format.md` documents them and `docs/report.schema.json` validates them.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The `schema` value of every v1 report.
pub const SCHEMA_V1: &str = "claimgraph/report/v1";

/// One whole report: what `claimgraph analyze --format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub schema: String,
    pub documents: Vec<DocumentOut>,
    pub sources: Vec<SourceOut>,
    pub claims: Vec<ClaimOut>,
    pub figures: Vec<FigureOut>,
    pub conflicts: Vec<ConflictOut>,
    pub updates: Vec<UpdateOut>,
    /// Figures on the same count from different sources whose intervals overlap (revision 3).
    #[serde(default)]
    pub agreements: Vec<AgreementOut>,
    pub errors: Vec<ErrorOut>,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            schema: SCHEMA_V1.to_string(),
            documents: Vec::new(),
            sources: Vec::new(),
            claims: Vec::new(),
            figures: Vec::new(),
            conflicts: Vec::new(),
            updates: Vec::new(),
            agreements: Vec::new(),
            errors: Vec::new(),
        }
    }
}

/// Some of a [`Report`]'s items, borrowed from it: serialized exactly as the [`Report`] of the
/// same items (the same fields in the same order), without copying them. A claim is copied
/// only when some of its `figures` are left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportRef<'r> {
    pub schema: &'r str,
    pub documents: Vec<&'r DocumentOut>,
    pub sources: Vec<&'r SourceOut>,
    pub claims: Vec<Cow<'r, ClaimOut>>,
    pub figures: Vec<&'r FigureOut>,
    pub conflicts: Vec<&'r ConflictOut>,
    pub updates: Vec<&'r UpdateOut>,
    pub agreements: Vec<&'r AgreementOut>,
    pub errors: &'r [ErrorOut],
}

impl ReportRef<'_> {
    /// The owned report of these items.
    pub fn to_report(&self) -> Report {
        fn owned<T: Clone>(items: &[&T]) -> Vec<T> {
            items.iter().map(|&x| x.clone()).collect()
        }
        Report {
            schema: self.schema.to_string(),
            documents: owned(&self.documents),
            sources: owned(&self.sources),
            claims: self.claims.iter().map(|c| ClaimOut::clone(c)).collect(),
            figures: owned(&self.figures),
            conflicts: owned(&self.conflicts),
            updates: owned(&self.updates),
            agreements: owned(&self.agreements),
            errors: self.errors.to_vec(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentOut {
    pub id: String,
    pub path: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub bytes: u64,
    /// The country the document is about (its title and lead): the event its figures count
    /// (revision 3; null in reports of earlier revisions).
    #[serde(default)]
    pub event: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceOut {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub parent: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeakerOut {
    pub text: String,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimOut {
    pub id: String,
    pub doc: String,
    /// `direct`, `partial` or `indirect`.
    pub kind: String,
    pub text: String,
    pub span: [usize; 2],
    pub speaker: Option<SpeakerOut>,
    pub cue: Option<String>,
    pub rule: String,
    pub source: Option<String>,
    pub via: Vec<String>,
    pub figures: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureOut {
    pub id: String,
    pub doc: String,
    pub text: String,
    pub span: [usize; 2],
    pub measure: String,
    pub group: Option<String>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: String,
    pub claim: Option<String>,
    pub source: Option<String>,
    /// The day the figure was given (the document's date moved by its sentence's time words).
    #[serde(default)]
    pub date: Option<String>,
    /// A place named in the figure's sentence ("killed in Almaty"): a count of its own
    /// (revision 3).
    #[serde(default)]
    pub scope: Option<String>,
    /// The figure's sentence in its document, numbered from 0 (revision 3).
    #[serde(default)]
    pub sentence: usize,
    /// `current`; or `past` ("had reported"), `withdrawn` (its source took it back) or `part`
    /// ("103 of them"): figures that are not linked to others (revision 3).
    #[serde(default = "current")]
    pub status: String,
}

fn current() -> String {
    "current".to_string()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictOut {
    pub figures: [String; 2],
    pub measure: String,
    pub group: Option<String>,
    pub why: String,
}

/// Two figures that agree: the same fields as a conflict.
pub type AgreementOut = ConflictOut;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateOut {
    pub from: String,
    pub to: String,
    pub measure: String,
    pub group: Option<String>,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorOut {
    pub input: String,
    pub line: Option<u64>,
    pub message: String,
}
