//! Claims of many documents -> output formats. Only owned DTOs leave this module.

pub mod compact;
pub mod dot;
pub mod graphml;
pub mod html;
pub mod nodelink;
pub mod report;
pub mod tables;

use crate::attribute::{is_pronoun, Claim};
use crate::input::{Document, InputError};
use crate::source::{SourceLexicon, Sources};
use crate::span::Span;
use std::borrow::Cow;
use std::sync::LazyLock;

static BUILTIN: LazyLock<SourceLexicon> = LazyLock::new(SourceLexicon::builtin);
use crate::figure::link::{figure_date, link, LinkFigure};
use crate::figure::When;
pub use crate::graph::merge::Merger;
use crate::pipeline::Analysis;
use report::{
    AgreementOut, ClaimOut, ConflictOut, DocumentOut, ErrorOut, FigureOut, Report, SourceOut,
    SpeakerOut, UpdateOut,
};

/// Builds the v1 report with the built-in lexicons; see [`build_report_with`].
pub fn build_report(docs: &[Document], analyses: &[Analysis], errors: &[InputError]) -> Report {
    build_report_with(docs, analyses, errors, &BUILTIN)
}

/// Builds the v1 report of a run: each document's part ([`document_part`]) merged in input
/// order ([`Merger::add_part`]); ids are assigned in that order (`c1`, `c2`, ...; sources `s1`,
/// ... in order of first mention), sources resolved with `lexicon`.
pub fn build_report_with(
    docs: &[Document],
    analyses: &[Analysis],
    errors: &[InputError],
    lexicon: &SourceLexicon,
) -> Report {
    let mut merger = Merger::default();
    for (doc, analysis) in docs.iter().zip(analyses) {
        merger.add_part(document_part(doc, analysis, lexicon));
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
/// themselves: what `claimgraph merge` reads and merges ([`Merger::add`]; a run's own
/// documents are merged as parts, [`document_part`]), and what `claimgraph extract` prints per line
/// ([`compact::document_line`] writes the same line without building this report).
pub fn document_report(doc: &Document, analysis: &Analysis, lexicon: &SourceLexicon) -> Report {
    DocumentView::new(doc, analysis, lexicon).into_report()
}

/// One document's report as a run merges it ([`Merger::add_part`]): its figures not linked
/// among themselves (the merge drops a part's conflicts, updates and agreements, and
/// [`Merger::finish`] links all the figures of the run), and the identity key of each of its
/// sources, which resolving them made ([`crate::source::Source::key`]; made again from the
/// names by the merge: 3.1 M instructions). Both: `analyze` on `dev1` 277.6 -> 274.9 M
/// instructions, 4.15 -> 4.06 M mispredicts.
pub fn document_part(doc: &Document, analysis: &Analysis, lexicon: &SourceLexicon) -> Part {
    let view = DocumentView::unlinked(doc, analysis, lexicon);
    let keys = view.sources.list.iter().map(|s| s.key.clone()).collect();
    Part {
        report: view.into_report(),
        keys,
    }
}

/// A document's part of a run's report ([`document_part`]).
#[derive(Debug)]
pub struct Part {
    /// Its report, without conflicts, updates and agreements.
    pub report: Report,
    /// The identity key ([`crate::source::key_of`]) of the name of each of its sources, in
    /// their order: made with them, so not to be set apart from them (the merge trusts them).
    pub(crate) keys: Vec<crate::source::Key>,
}

/// One document's report before any of it is copied: the document and its analysis,
/// borrowed, with its sources resolved and each claim's and figure's links by index. The one
/// place a document's report is made: [`document_report`] and [`document_part`] copy it into
/// an owned [`Report`]
/// ([`DocumentView::into_report`]), [`compact::document_line`] writes it as JSON straight from
/// the borrowed fields ([`DocumentView::claim`], [`DocumentView::figure`], ...).
///
/// Its tables (the sources with their own, the claims' and figures' links) are the thread's
/// ([`Spare`]): taken empty from the last document's view and given back, emptied, when it
/// is dropped, so that they are allocated once a thread and not once a document; the
/// document's fields are borrowed ([`DocumentView::document`]). (Taking the sources' list
/// into the view, new vectors of links and the document's fields copied into a `DocumentOut`
/// cost 2,340 allocations and as many frees on `dev1`'s 509 documents: 0.65 M instructions
/// and 25k mispredicts of 240 M.)
struct DocumentView<'a> {
    doc: &'a Document,
    analysis: &'a Analysis,
    sources: Sources,
    claims: Vec<ClaimLinks>,
    figures: Vec<FigureLinks>,
    conflicts: Vec<ConflictOut>,
    updates: Vec<UpdateOut>,
    agreements: Vec<AgreementOut>,
}

/// The tables of a [`DocumentView`], empty, kept for their room between documents.
#[derive(Default)]
struct Spare {
    sources: Sources,
    claims: Vec<ClaimLinks>,
    figures: Vec<FigureLinks>,
}

thread_local! {
    /// The tables of the last document's view on this thread.
    static SPARE: std::cell::Cell<Spare> = std::cell::Cell::default();
}

impl Drop for DocumentView<'_> {
    /// Gives the view's tables back to the thread, emptied ([`Sources::clear`]).
    fn drop(&mut self) {
        let mut spare = Spare {
            sources: std::mem::take(&mut self.sources),
            claims: std::mem::take(&mut self.claims),
            figures: std::mem::take(&mut self.figures),
        };
        spare.sources.clear();
        spare.claims.clear();
        spare.figures.clear();
        SPARE.set(spare);
    }
}

/// A claim's source, relays and figures, by index.
struct ClaimLinks {
    source: Option<usize>,
    via: Vec<usize>,
    figures: Vec<usize>,
}

/// A figure's claim and source, by index, and the day it was given.
struct FigureLinks {
    claim: Option<usize>,
    source: Option<usize>,
    date: Option<String>,
}

/// An id of the report by index: `prefix` and `index + 1` ("c12" for the claim at index 11).
#[derive(Debug, Clone, Copy)]
struct Id {
    prefix: u8,
    index: usize,
}

impl Id {
    fn new(prefix: u8, index: usize) -> Id {
        Id { prefix, index }
    }

    fn owned(self) -> String {
        id_of(char::from(self.prefix), self.index + 1)
    }
}

/// A list of ids of one kind, by index.
#[derive(Debug, Clone, Copy)]
struct Ids<'v> {
    prefix: u8,
    indices: &'v [usize],
}

impl Ids<'_> {
    fn owned(self) -> Vec<String> {
        let prefix = char::from(self.prefix);
        self.indices.iter().map(|&i| id_of(prefix, i + 1)).collect()
    }
}

/// [`DocumentOut`], borrowed.
#[derive(Clone, Copy)]
struct DocumentRef<'v> {
    id: &'v str,
    path: Option<&'v str>,
    date: Option<&'v str>,
    outlet: Option<&'v str>,
    title: Option<&'v str>,
    url: Option<&'v str>,
    bytes: u64,
    event: Option<&'v str>,
}

impl<'v> From<&'v DocumentOut> for DocumentRef<'v> {
    fn from(d: &'v DocumentOut) -> DocumentRef<'v> {
        DocumentRef {
            id: &d.id,
            path: d.path.as_deref(),
            date: d.date.as_deref(),
            outlet: d.outlet.as_deref(),
            title: d.title.as_deref(),
            url: d.url.as_deref(),
            bytes: d.bytes,
            event: d.event.as_deref(),
        }
    }
}

impl From<DocumentRef<'_>> for DocumentOut {
    fn from(d: DocumentRef<'_>) -> DocumentOut {
        DocumentOut {
            id: d.id.to_string(),
            path: d.path.map(str::to_string),
            date: d.date.map(str::to_string),
            outlet: d.outlet.map(str::to_string),
            title: d.title.map(str::to_string),
            url: d.url.map(str::to_string),
            bytes: d.bytes,
            event: d.event.map(str::to_string),
        }
    }
}

/// [`SourceOut`], borrowed.
#[derive(Clone, Copy)]
struct SourceRef<'v> {
    id: Id,
    name: &'v str,
    kind: &'static str,
    aliases: &'v [String],
    parent: Option<Id>,
    country: Option<&'v str>,
}

/// [`ClaimOut`], borrowed: the claim of the analysis and its links as they are, sliced and
/// numbered as they are written (the claims of `dev1` took 1.33 M instructions, 142 a claim,
/// to be gathered into a struct of their fields first, three `str` slices of them checked for
/// char boundaries; the compact writer slices the bytes).
#[derive(Clone, Copy)]
struct ClaimRef<'v> {
    id: Id,
    doc: &'v str,
    /// The document's text, which the claim's spans are of.
    text: &'v str,
    claim: &'v Claim,
    links: &'v ClaimLinks,
}

impl ClaimRef<'_> {
    fn source(&self) -> Option<Id> {
        self.links.source.map(|i| Id::new(b's', i))
    }

    fn via(&self) -> Ids<'_> {
        Ids {
            prefix: b's',
            indices: &self.links.via,
        }
    }

    fn figures(&self) -> Ids<'_> {
        Ids {
            prefix: b'f',
            indices: &self.links.figures,
        }
    }
}

/// [`FigureOut`], borrowed.
struct FigureRef<'v> {
    id: Id,
    doc: &'v str,
    text: &'v str,
    span: [usize; 2],
    measure: &'static str,
    group: Option<&'v str>,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: &'static str,
    claim: Option<Id>,
    source: Option<Id>,
    date: Option<&'v str>,
    scope: Option<&'v str>,
    sentence: usize,
    status: &'static str,
}

impl<'a> DocumentView<'a> {
    /// Resolves the sources of `doc`'s claims and figures with `lexicon` (in order of first
    /// mention: claims' relays and speakers, then the outlet of figures that stand in no
    /// claim), ties each figure to the smallest claim it stands in, and links the figures.
    fn new(doc: &'a Document, analysis: &'a Analysis, lexicon: &SourceLexicon) -> Self {
        let mut view = Self::unlinked(doc, analysis, lexicon);
        view.link();
        view
    }

    /// [`DocumentView::new`] without linking the figures (no conflicts, updates and
    /// agreements).
    fn unlinked(doc: &'a Document, analysis: &'a Analysis, lexicon: &SourceLexicon) -> Self {
        // The tables of the thread's last document, emptied; about one mention a claim: the
        // speakers, a few relays and outlets.
        let Spare {
            mut sources,
            mut claims,
            mut figures,
        } = SPARE.take();
        sources.list.reserve(analysis.claims.len());
        let text: &str = &doc.text;
        claims.extend(analysis.claims.iter().map(|c| {
            let via = c
                .via
                .iter()
                .map(|&v| sources.resolve(lexicon, &text[v]))
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
            ClaimLinks {
                source,
                via,
                figures: Vec::new(),
            }
        }));
        // Each figure takes the source of the smallest claim it stands in, else the
        // document's outlet.
        let holders = match analysis.figures.is_empty() {
            // Most documents (321 of 509 in `dev1`): nothing to sort and no tree to build.
            true => Vec::new(),
            false => {
                let spans: Vec<Span> = analysis.claims.iter().map(|c| c.content).collect();
                let inner: Vec<Span> = analysis.figures.iter().map(|f| f.span).collect();
                smallest_holders(&spans, &inner)
            }
        };
        figures.reserve(analysis.figures.len());
        for (n, (f, holder)) in analysis.figures.iter().zip(holders).enumerate() {
            let source = match holder {
                Some(ci) => claims[ci].source,
                None => doc
                    .outlet
                    .as_deref()
                    .map(|o| sources.resolve_media(lexicon, o)),
            };
            if let Some(ci) = holder {
                claims[ci].figures.push(n);
            }
            figures.push(FigureLinks {
                claim: holder,
                source,
                date: figure_date(doc.date.as_deref(), f.when),
            });
        }
        DocumentView {
            doc,
            analysis,
            sources,
            claims,
            figures,
            conflicts: Vec::new(),
            updates: Vec::new(),
            agreements: Vec::new(),
        }
    }

    /// The document's fields of the report.
    fn document(&self) -> DocumentRef<'_> {
        let doc = self.doc;
        DocumentRef {
            id: &doc.id,
            path: doc.path.as_deref(),
            date: doc.date.as_deref(),
            outlet: doc.outlet.as_deref(),
            title: doc.title.as_deref(),
            url: doc.url.as_deref(),
            bytes: doc.text.len() as u64,
            event: self.analysis.event.as_deref(),
        }
    }

    /// Fills the conflicts, updates and agreements among the document's figures, as
    /// [`link_report`] does for a report.
    fn link(&mut self) {
        if self.figures.is_empty() {
            return;
        }
        let event = self.analysis.event.as_deref();
        let input: Vec<LinkFigure> = (0..self.figures.len())
            .map(|n| {
                let f = self.figure(n);
                link_figure(LinkFacts {
                    doc: f.doc,
                    sentence: f.sentence,
                    status: f.status,
                    date: f.date,
                    source: f.source.map(|s| Cow::Owned(s.owned())),
                    source_name: f.source.map(|s| &*self.sources.list[s.index].name),
                    measure: f.measure,
                    group: f.group,
                    scope: f.scope,
                    low: f.low,
                    high: f.high,
                    text: f.text,
                    event,
                    doc_date: self.doc.date.as_deref(),
                })
            })
            .collect();
        let links = link(&input);
        (self.conflicts, self.updates, self.agreements) =
            links_out(&input, links, |i| id_of('f', i + 1));
    }

    fn source(&self, i: usize) -> SourceRef<'_> {
        let s = &self.sources.list[i];
        SourceRef {
            id: Id::new(b's', i),
            name: &s.name,
            kind: s.kind,
            aliases: &s.aliases,
            parent: s.parent.map(|p| Id::new(b's', p)),
            country: s.country.as_deref(),
        }
    }

    #[inline]
    fn claim(&self, n: usize) -> ClaimRef<'_> {
        ClaimRef {
            id: Id::new(b'c', n),
            doc: &self.doc.id,
            text: &self.doc.text,
            claim: &self.analysis.claims[n],
            links: &self.claims[n],
        }
    }

    fn figure(&self, n: usize) -> FigureRef<'_> {
        let text: &str = &self.doc.text;
        let f = &self.analysis.figures[n];
        let links = &self.figures[n];
        FigureRef {
            id: Id::new(b'f', n),
            doc: &self.doc.id,
            text: &text[f.span],
            span: f.span.to_array(),
            measure: f.measure,
            group: f.group.as_deref(),
            low: f.low,
            high: f.high,
            qualifier: f.qualifier,
            claim: links.claim.map(|ci| Id::new(b'c', ci)),
            source: links.source.map(|i| Id::new(b's', i)),
            date: links.date.as_deref(),
            scope: f.scope.as_deref(),
            sentence: f.sentence,
            status: status(f),
        }
    }

    /// The owned report: every field of the view copied.
    fn into_report(mut self) -> Report {
        let sources = (0..self.sources.list.len())
            .map(|i| self.source(i).into())
            .collect();
        let claims = (0..self.claims.len())
            .map(|n| self.claim(n).into())
            .collect();
        let figures = (0..self.figures.len())
            .map(|n| self.figure(n).into())
            .collect();
        Report {
            documents: vec![self.document().into()],
            sources,
            claims,
            figures,
            conflicts: std::mem::take(&mut self.conflicts),
            updates: std::mem::take(&mut self.updates),
            agreements: std::mem::take(&mut self.agreements),
            ..Report::default()
        }
    }
}

impl From<SourceRef<'_>> for SourceOut {
    fn from(s: SourceRef<'_>) -> SourceOut {
        SourceOut {
            id: s.id.owned(),
            name: s.name.to_string(),
            kind: s.kind.to_string(),
            aliases: s.aliases.to_vec(),
            parent: s.parent.map(Id::owned),
            country: s.country.map(str::to_string),
        }
    }
}

impl From<ClaimRef<'_>> for ClaimOut {
    fn from(r: ClaimRef<'_>) -> ClaimOut {
        // The claim's id and its source's, with room for the larger numbers that `Merger`
        // renumbers them to in place (the smallest allocation has that room anyway).
        let roomy = |id: Id| {
            let mut s = String::with_capacity(16);
            set_id(&mut s, char::from(id.prefix), id.index + 1);
            s
        };
        let (c, text) = (r.claim, r.text);
        ClaimOut {
            id: roomy(r.id),
            doc: r.doc.to_string(),
            kind: c.kind.as_str().to_string(),
            text: text[c.content].to_string(),
            span: c.content.to_array(),
            speaker: c.speaker.map(|s| SpeakerOut {
                text: text[s].to_string(),
                span: s.to_array(),
            }),
            cue: c.cue.map(|s| text[s].to_string()),
            rule: c.rule.to_string(),
            source: r.source().map(roomy),
            via: r.via().owned(),
            figures: r.figures().owned(),
        }
    }
}

impl From<FigureRef<'_>> for FigureOut {
    fn from(f: FigureRef<'_>) -> FigureOut {
        FigureOut {
            id: f.id.owned(),
            doc: f.doc.to_string(),
            text: f.text.to_string(),
            span: f.span,
            measure: f.measure.to_string(),
            group: f.group.map(str::to_string),
            low: f.low,
            high: f.high,
            qualifier: f.qualifier.to_string(),
            claim: f.claim.map(Id::owned),
            source: f.source.map(Id::owned),
            date: f.date.map(str::to_string),
            scope: f.scope.map(str::to_string),
            sentence: f.sentence,
            status: f.status.to_string(),
        }
    }
}

/// What linking reads of one figure of a report ([`LinkFigure`]), borrowed from a
/// [`FigureOut`] ([`link_report`]) or from a document's analysis ([`DocumentView`]).
struct LinkFacts<'f> {
    doc: &'f str,
    sentence: usize,
    status: &'f str,
    date: Option<&'f str>,
    /// The id of its source, and the source's name.
    source: Option<Cow<'f, str>>,
    source_name: Option<&'f str>,
    measure: &'f str,
    group: Option<&'f str>,
    scope: Option<&'f str>,
    low: Option<f64>,
    high: Option<f64>,
    text: &'f str,
    /// Its document's event and date.
    event: Option<&'f str>,
    doc_date: Option<&'f str>,
}

/// A figure as [`link`] reads it.
fn link_figure(f: LinkFacts<'_>) -> LinkFigure<'_> {
    LinkFigure {
        doc: Cow::Borrowed(f.doc),
        sentence: f.sentence,
        linkable: f.status == "current",
        event: f.event.map(Cow::Borrowed),
        date: f.date.map(Cow::Borrowed),
        source: f.source,
        source_name: f.source_name.map(Cow::Borrowed),
        measure: measure_name(f.measure),
        group: f.group.map(Cow::Borrowed),
        // A place that is the event's own country is no narrower count.
        scope: f.scope.filter(|&s| Some(s) != f.event).map(Cow::Borrowed),
        low: f.low,
        high: f.high,
        text: Cow::Borrowed(f.text),
        recounted: f.date.is_some() && f.date != f.doc_date,
    }
}

/// The conflicts, updates and agreements of a report from the links among `input`, the
/// figure at index `i` named `id(i)`.
fn links_out(
    input: &[LinkFigure<'_>],
    links: crate::figure::link::Links,
    id: impl Fn(usize) -> String,
) -> (Vec<ConflictOut>, Vec<UpdateOut>, Vec<AgreementOut>) {
    let pair = |l: crate::figure::link::Link| ConflictOut {
        figures: [id(l.a), id(l.b)],
        measure: input[l.a].measure.to_string(),
        group: input[l.a].group.as_deref().map(str::to_string),
        why: l.why,
    };
    let conflicts = links.conflicts.into_iter().map(pair).collect();
    let agreements = links.agreements.into_iter().map(pair).collect();
    let updates = links
        .updates
        .into_iter()
        .map(|l| UpdateOut {
            from: id(l.a),
            to: id(l.b),
            measure: input[l.a].measure.to_string(),
            group: input[l.b]
                .group
                .as_deref()
                .or(input[l.a].group.as_deref())
                .map(str::to_string),
            why: l.why,
        })
        .collect();
    (conflicts, updates, agreements)
}

/// Fills the conflicts, updates and agreements of `report` from its figures (see
/// [`crate::figure::link`]); what was there before is replaced.
pub fn link_report(report: &mut Report) {
    // Each document's event and date, in one map. Keyed by the input's ids: foldhash seeded at
    // random, not an unkeyed hash (see `crate::graph::merge`); std's SipHash and a map each for
    // the events and the dates cost 0.9 M instructions more of `analyze` on dev1.
    let docs: foldhash::HashMap<&str, (Option<&String>, Option<&String>)> = report
        .documents
        .iter()
        .map(|d| (d.id.as_str(), (d.event.as_ref(), d.date.as_ref())))
        .collect();
    let names: foldhash::HashMap<&str, &str> = report
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let input: Vec<LinkFigure> = report
        .figures
        .iter()
        .map(|f| {
            link_figure(LinkFacts {
                doc: &f.doc,
                sentence: f.sentence,
                status: &f.status,
                date: f.date.as_deref(),
                source: f.source.as_deref().map(Cow::Borrowed),
                source_name: f.source.as_deref().and_then(|id| names.get(id)).copied(),
                measure: &f.measure,
                group: f.group.as_deref(),
                scope: f.scope.as_deref(),
                low: f.low,
                high: f.high,
                text: &f.text,
                event: docs
                    .get(f.doc.as_str())
                    .and_then(|d| d.0)
                    .map(String::as_str),
                doc_date: docs
                    .get(f.doc.as_str())
                    .and_then(|d| d.1)
                    .map(String::as_str),
            })
        })
        .collect();
    let links = link(&input);
    let figures = &report.figures;
    let (conflicts, updates, agreements) = links_out(&input, links, |i| figures[i].id.clone());
    (report.conflicts, report.updates, report.agreements) = (conflicts, updates, agreements);
}

/// The measure names of the contract, as `'static` strings; anything else is `other`.
fn measure_name(m: &str) -> &'static str {
    crate::figure::lexicon::MEASURES
        .iter()
        .find(|&&x| x == m)
        .copied()
        .unwrap_or("other")
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

/// An id of the report: `prefix` and the number `n` ("c12"), as `format!` writes it, in one
/// allocation.
pub(crate) fn id_of(prefix: char, n: usize) -> String {
    let mut id = String::with_capacity(1 + decimal_len(n as u64));
    set_id(&mut id, prefix, n);
    id
}

/// Makes `id` [`id_of`]`(prefix, n)`, in its own buffer (without allocating when it has room:
/// the ids of a claim and of its source are made with room for the numbers `Merger`
/// renumbers them to).
pub(crate) fn set_id(id: &mut String, prefix: char, n: usize) {
    let mut digits = [0u8; 20];
    let len = decimal_len(n as u64);
    put_decimal(&mut digits[..len], n as u64);
    id.clear();
    id.push(prefix);
    // A digit is pushed as the one byte it is (`& 0x7F` tells the compiler so): 3.80 M
    // instructions of `analyze` on dev1 for its 35,562 ids, against 5.51 M for `decimal`'s
    // digits extended as chars, and 6.67 M pushed as a `str` (`from_utf8` checks them).
    for &d in &digits[..len] {
        id.push(char::from(d & 0x7F));
    }
}

/// The decimal digits of `n`, as `format!` writes them: `digits[at..]`.
fn decimal(n: u64) -> ([u8; 20], usize) {
    let mut digits = [0u8; 20];
    let len = decimal_len(n);
    put_decimal(&mut digits[20 - len..], n);
    (digits, 20 - len)
}

/// How many decimal digits `n` has.
#[inline(always)]
fn decimal_len(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |l| l as usize + 1)
}

/// Writes the decimal digits of `n` ([`decimal_len`] of them, all of `to`) into `to`, two
/// digits at a time from the last.
#[inline(always)]
fn put_decimal(to: &mut [u8], n: u64) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let pair = |n: u64| {
        let i = 2 * n as usize;
        [PAIRS[i], PAIRS[i + 1]]
    };
    debug_assert_eq!(to.len(), decimal_len(n), "put_decimal fills all of `to`");
    let mut at = to.len();
    let mut n = n;
    while n >= 100 {
        at -= 2;
        to[at..at + 2].copy_from_slice(&pair(n % 100));
        n /= 100;
    }
    if n >= 10 {
        to[at - 2..at].copy_from_slice(&pair(n));
    } else {
        to[at - 1] = b'0' + n as u8;
    }
}

/// The decimal digits of `n`, as `format!` writes them, when `n` is below 10^8 (every offset of
/// a text under 100 MB, every id): the digits in a word's low bytes, the first digit in the
/// lowest byte, and how many there are. Made without a branch on the number of digits
/// (offsets of 3 to 5 digits, in no predictable order): the eight digits, leading zeros
/// included, are split out at once (two halves of four in 32-bit lanes, each into two of two
/// in 16-bit lanes, each into two digits in bytes; dividing a lane by 100 or by 10 as a
/// multiplication and a shift, exact in its range, with no carry into the next lane), then
/// the zeros shifted off. The claims' spans of `dev1` took 1.57 M instructions with
/// [`put_decimal`] after [`decimal_len`], 1.26 M so. (Ids, of one or two digits, are
/// written without it: it cost more than their own two-digit path, 78 instructions an id
/// against 49.)
#[inline(always)]
fn digits8(n: u64) -> Option<(u64, usize)> {
    if n >= 100_000_000 {
        return None;
    }
    // The first four digits in the low lane, the last four in the high one.
    let v = (n / 10_000) | (n % 10_000) << 32;
    // v / 100 in each lane: v * 10486 / 2^20, exact for v below 10^4.
    let hundreds = ((v * 10_486) >> 20) & 0x0000_007F_0000_007F;
    let v = hundreds | (v - hundreds * 100) << 16;
    // v / 10 in each 16-bit lane: v * 103 / 2^10, exact for v below 100.
    let tens = ((v * 103) >> 10) & 0x000F_000F_000F_000F;
    let v = tens | (v - tens * 10) << 8;
    // The leading zeros are the low bytes that are zero; zero itself keeps one digit.
    let zeros = (v.trailing_zeros() / 8).min(7);
    Some((
        (v | 0x3030_3030_3030_3030) >> (8 * zeros),
        8 - zeros as usize,
    ))
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

    /// [`digits8`] of `n` is `n`'s digits as `format!` writes them, below 10^8, the word's
    /// other bytes zero.
    fn assert_digits8(n: u64) {
        let got = digits8(n).map(|(digits, len)| {
            let bytes = digits.to_le_bytes();
            assert!(bytes[len..].iter().all(|&b| b == 0), "{n}");
            String::from_utf8(bytes[..len].to_vec()).unwrap()
        });
        assert_eq!(got, (n < 100_000_000).then(|| n.to_string()), "{n}");
    }

    proptest::proptest! {
        #[test]
        fn digits8_writes_any_number_as_format_does(n in 0u64..200_000_000) {
            assert_digits8(n);
        }
    }

    /// Numbers about each power of ten that a `u64` holds.
    fn near_powers() -> impl Iterator<Item = u64> {
        let powers = (0..19).map(|k| 10u64.pow(k));
        powers.flat_map(|p| [p - 1, p, p + 1, 2 * p - 1, 9 * p + 1])
    }

    #[test]
    fn ids_and_pronouns() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(id_of('c', n), format!("c{n}"));
        }
        for n in (0..=1100)
            .chain(near_powers())
            .chain([10u64.pow(19), u64::MAX - 1, u64::MAX])
        {
            let (digits, at) = decimal(n);
            assert_eq!(
                std::str::from_utf8(&digits[at..]),
                Ok(n.to_string().as_str())
            );
        }
        for n in (0..=100_000)
            .chain(near_powers())
            .chain([99_999_999, 100_000_000, u64::MAX])
        {
            assert_digits8(n);
        }
        for (s, want) in [
            ("He", true),
            ("THEY", true),
            ("i", true),
            ("Him", false),
            ("", false),
            ("They ", false),
            ("\u{212a}", false),
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
