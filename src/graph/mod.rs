//! The claim graph of a run: documents, sources, claims and figures as nodes; who said what,
//! who relayed whom, who speaks for whom, which claim states which figure, and how figures
//! relate (conflicts, agreements, updates) as edges. `docs/graph.md` is the vocabulary.
//!
//! The graph is built over a merged [`Report`] (see [`merge`]): node and edge weights are
//! small enums pointing into its arrays, so the graph costs a few words per node and the JSON
//! report is the same data ([`ClaimGraph::view`] gives the report of a filtered graph).
//! Exports (`export::dot`, `export::graphml`, `export::nodelink`) write from the graph, nodes
//! in the order documents, sources, claims, figures and edges in insertion order, so output is
//! deterministic.

pub mod merge;

use crate::export::report::{Report, ReportRef};
use petgraph::graph::{DiGraph, NodeIndex};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// A node: an index into the report's array of that type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Document(usize),
    Source(usize),
    Claim(usize),
    Figure(usize),
}

impl Node {
    /// `document`, `source`, `claim` or `figure`.
    pub fn type_name(self) -> &'static str {
        match self {
            Node::Document(_) => "document",
            Node::Source(_) => "source",
            Node::Claim(_) => "claim",
            Node::Figure(_) => "figure",
        }
    }
}

/// An edge; the links between figures point into the report's `conflicts`, `agreements` and
/// `updates`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edge {
    /// source -> claim it made; source -> figure it gave in the writer's own text (an outlet).
    Said,
    /// relay -> claim (the relay nearest the source), relay -> relay further along the chain.
    Relayed,
    /// person or unit -> the organisation it speaks for.
    SpeaksFor,
    /// claim -> figure it states.
    States,
    /// claim -> document; figure outside any claim -> document.
    AppearsIn,
    /// figure -- figure: cannot both hold (`conflicts[i]`).
    Conflicts(usize),
    /// figure -- figure: same count, same day, different sources, overlapping (`agreements[i]`).
    Agrees(usize),
    /// earlier figure -> later figure on the same count (`updates[i]`).
    Updates(usize),
}

impl Edge {
    /// The edge's type as exports write it.
    pub fn type_name(self) -> &'static str {
        match self {
            Edge::Said => "said",
            Edge::Relayed => "relayed",
            Edge::SpeaksFor => "speaks_for",
            Edge::States => "states",
            Edge::AppearsIn => "appears_in",
            Edge::Conflicts(_) => "conflicts",
            Edge::Agrees(_) => "agrees",
            Edge::Updates(_) => "updates",
        }
    }
}

/// What to keep of a big graph. Empty lists keep everything; filters combine with "and".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Claims (and narrative figures) whose source has one of these kinds.
    pub source_kinds: Vec<String>,
    /// Figures with one of these measures, and the claims that state them.
    pub measures: Vec<String>,
    /// Claims and figures of these documents (by id).
    pub documents: Vec<String>,
    /// A source (id, name or alias, any case) with its claims, their figures and relays, the
    /// people who speak for it, and the figures that conflict with, agree with or update its own.
    pub around: Option<String>,
}

impl Filter {
    fn is_empty(&self) -> bool {
        self.source_kinds.is_empty()
            && self.measures.is_empty()
            && self.documents.is_empty()
            && self.around.is_none()
    }
}

/// A filter that cannot be applied.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FilterError {
    #[error(
        "--around {0:?}: no source has this id, name or alias (the report's `sources` lists them)"
    )]
    NoSuchSource(String),
    #[error("--document {0:?}: no document has this id")]
    NoSuchDocument(String),
}

/// The graph of a report.
#[derive(Debug)]
pub struct ClaimGraph<'r> {
    pub report: &'r Report,
    pub graph: DiGraph<Node, Edge>,
}

/// Which items of each array a graph keeps.
#[derive(Debug, Clone)]
struct Keep {
    docs: Vec<bool>,
    sources: Vec<bool>,
    claims: Vec<bool>,
    figures: Vec<bool>,
}

impl Keep {
    /// Every item of `r` (`true`), or none (`false`).
    fn every(r: &Report, kept: bool) -> Keep {
        Keep {
            docs: vec![kept; r.documents.len()],
            sources: vec![kept; r.sources.len()],
            claims: vec![kept; r.claims.len()],
            figures: vec![kept; r.figures.len()],
        }
    }

    fn none(r: &Report) -> Keep {
        Keep::every(r, false)
    }
}

/// What `filter` keeps of `report`, borrowed: the view of [`ClaimGraph::filtered`]
/// ([`ClaimGraph::view_ref`]), without building the graph.
pub fn filtered_view<'r>(
    report: &'r Report,
    filter: &Filter,
) -> Result<ReportRef<'r>, FilterError> {
    let keep = if filter.is_empty() {
        Keep::every(report, true)
    } else {
        keep(report, &Ids::new(report), filter)?
    };
    Ok(view_of(report, &keep))
}

/// The items of `r` that `keep` keeps, the links between kept figures, and the claims' figures
/// that are kept; a figure is kept when some kept figure has its id.
fn view_of<'r>(r: &'r Report, keep: &Keep) -> ReportRef<'r> {
    let figure_ids: HashSet<&str> = r
        .figures
        .iter()
        .zip(&keep.figures)
        .filter(|(_, &k)| k)
        .map(|(f, _)| f.id.as_str())
        .collect();
    fn kept<'r, T>(items: &'r [T], keep: &[bool]) -> Vec<&'r T> {
        items
            .iter()
            .zip(keep)
            .filter(|(_, &k)| k)
            .map(|(x, _)| x)
            .collect()
    }
    let both = |a: &str, b: &str| figure_ids.contains(a) && figure_ids.contains(b);
    ReportRef {
        schema: &r.schema,
        documents: kept(&r.documents, &keep.docs),
        sources: kept(&r.sources, &keep.sources),
        claims: kept(&r.claims, &keep.claims)
            .into_iter()
            .map(|c| {
                if c.figures.iter().all(|f| figure_ids.contains(f.as_str())) {
                    Cow::Borrowed(c)
                } else {
                    let mut c = c.clone();
                    c.figures.retain(|f| figure_ids.contains(f.as_str()));
                    Cow::Owned(c)
                }
            })
            .collect(),
        figures: r
            .figures
            .iter()
            .filter(|f| figure_ids.contains(f.id.as_str()))
            .collect(),
        conflicts: r
            .conflicts
            .iter()
            .filter(|c| both(&c.figures[0], &c.figures[1]))
            .collect(),
        updates: r.updates.iter().filter(|u| both(&u.from, &u.to)).collect(),
        agreements: r
            .agreements
            .iter()
            .filter(|a| both(&a.figures[0], &a.figures[1]))
            .collect(),
        errors: &r.errors,
    }
}

impl<'r> ClaimGraph<'r> {
    /// The whole graph of `report`.
    pub fn new(report: &'r Report) -> ClaimGraph<'r> {
        Self::filtered(report, &Filter::default()).expect("an empty filter always applies")
    }

    /// The part of the graph of `report` that `filter` keeps.
    pub fn filtered(report: &'r Report, filter: &Filter) -> Result<ClaimGraph<'r>, FilterError> {
        let ids = Ids::new(report);
        let keep = keep(report, &ids, filter)?;
        Ok(build(report, &ids, &keep))
    }

    /// The node of each kept item, by type and index.
    pub fn node_index(&self) -> HashMap<Node, NodeIndex> {
        self.graph
            .node_indices()
            .map(|i| (self.graph[i], i))
            .collect()
    }

    /// The report of the kept nodes: the JSON view of this graph.
    pub fn view(&self) -> Report {
        self.view_ref().to_report()
    }

    /// [`ClaimGraph::view`] borrowed from the report: the same JSON, without copying it.
    pub fn view_ref(&self) -> ReportRef<'r> {
        let r = self.report;
        let mut keep = Keep::none(r);
        for n in self.graph.node_weights() {
            match *n {
                Node::Document(i) => keep.docs[i] = true,
                Node::Source(i) => keep.sources[i] = true,
                Node::Claim(i) => keep.claims[i] = true,
                Node::Figure(i) => keep.figures[i] = true,
            }
        }
        view_of(r, &keep)
    }

    /// The id a node has in the exports: the report's id, documents prefixed `doc:` (document
    /// ids are the user's and may look like any other id).
    pub fn node_id(&self, n: Node) -> String {
        let r = self.report;
        match n {
            Node::Document(i) => format!("doc:{}", r.documents[i].id),
            Node::Source(i) => r.sources[i].id.clone(),
            Node::Claim(i) => r.claims[i].id.clone(),
            Node::Figure(i) => r.figures[i].id.clone(),
        }
    }

    /// The typed attributes of a node, as GraphML and node-link JSON write them (nulls left out).
    pub fn node_attrs(&self, n: Node) -> Vec<(&'static str, Attr)> {
        let r = self.report;
        let mut a = vec![("type", Attr::Str(n.type_name().into()))];
        let opt = |a: &mut Vec<_>, k, v: &Option<String>| {
            if let Some(v) = v {
                a.push((k, Attr::Str(v.clone())));
            }
        };
        match n {
            Node::Document(i) => {
                let d = &r.documents[i];
                a.push(("label", Attr::Str(d.title.clone().unwrap_or(d.id.clone()))));
                a.push(("doc", Attr::Str(d.id.clone())));
                opt(&mut a, "path", &d.path);
                opt(&mut a, "date", &d.date);
                opt(&mut a, "outlet", &d.outlet);
                opt(&mut a, "title", &d.title);
                opt(&mut a, "url", &d.url);
                opt(&mut a, "event", &d.event);
                a.push(("bytes", Attr::Int(d.bytes as i64)));
            }
            Node::Source(i) => {
                let s = &r.sources[i];
                a.push(("label", Attr::Str(s.name.clone())));
                a.push(("name", Attr::Str(s.name.clone())));
                a.push(("kind", Attr::Str(s.kind.clone())));
                if !s.aliases.is_empty() {
                    a.push(("aliases", Attr::Str(s.aliases.join("; "))));
                }
                opt(&mut a, "country", &s.country);
            }
            Node::Claim(i) => {
                let c = &r.claims[i];
                a.push(("label", Attr::Str(shorten(&c.text, 60))));
                a.push(("doc", Attr::Str(c.doc.clone())));
                a.push(("kind", Attr::Str(c.kind.clone())));
                a.push(("text", Attr::Str(c.text.clone())));
                a.push(("start", Attr::Int(c.span[0] as i64)));
                a.push(("end", Attr::Int(c.span[1] as i64)));
                if let Some(s) = &c.speaker {
                    a.push(("speaker", Attr::Str(s.text.clone())));
                }
                opt(&mut a, "cue", &c.cue);
                a.push(("rule", Attr::Str(c.rule.clone())));
            }
            Node::Figure(i) => {
                let f = &r.figures[i];
                a.push(("label", Attr::Str(figure_label(f))));
                a.push(("doc", Attr::Str(f.doc.clone())));
                a.push(("text", Attr::Str(f.text.clone())));
                a.push(("start", Attr::Int(f.span[0] as i64)));
                a.push(("end", Attr::Int(f.span[1] as i64)));
                a.push(("measure", Attr::Str(f.measure.clone())));
                opt(&mut a, "group", &f.group);
                if let Some(x) = f.low {
                    a.push(("low", Attr::Float(x)));
                }
                if let Some(x) = f.high {
                    a.push(("high", Attr::Float(x)));
                }
                a.push(("qualifier", Attr::Str(f.qualifier.clone())));
                opt(&mut a, "date", &f.date);
                opt(&mut a, "scope", &f.scope);
                a.push(("status", Attr::Str(f.status.clone())));
            }
        }
        a
    }

    /// The typed attributes of an edge.
    pub fn edge_attrs(&self, e: Edge) -> Vec<(&'static str, Attr)> {
        let r = self.report;
        let mut a = vec![("type", Attr::Str(e.type_name().into()))];
        let why = match e {
            Edge::Conflicts(i) => Some(&r.conflicts[i].why),
            Edge::Agrees(i) => Some(&r.agreements[i].why),
            Edge::Updates(i) => Some(&r.updates[i].why),
            _ => None,
        };
        if let Some(w) = why {
            a.push(("why", Attr::Str(w.clone())));
        }
        a
    }
}

/// A typed attribute value.
#[derive(Debug, Clone, PartialEq)]
pub enum Attr {
    Str(String),
    Int(i64),
    Float(f64),
}

/// `killed (police): 12 members`: measure, group when the text does not say it, and the figure
/// as written.
pub fn figure_label(f: &crate::export::report::FigureOut) -> String {
    let group = f
        .group
        .as_deref()
        .filter(|g| !f.text.to_lowercase().contains(&g.to_lowercase()))
        .map(|g| format!(" ({g})"))
        .unwrap_or_default();
    format!("{}{group}: {}", f.measure, shorten(&f.text, 40))
}

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The index of each id in its array: documents, sources, claims, figures.
struct Ids<'r> {
    doc: HashMap<&'r str, usize>,
    source: HashMap<&'r str, usize>,
    claim: HashMap<&'r str, usize>,
    figure: HashMap<&'r str, usize>,
}

impl<'r> Ids<'r> {
    fn new(r: &'r Report) -> Ids<'r> {
        fn at<'r>(ids: impl Iterator<Item = &'r String>) -> HashMap<&'r str, usize> {
            ids.enumerate().map(|(i, id)| (id.as_str(), i)).collect()
        }
        Ids {
            doc: at(r.documents.iter().map(|d| &d.id)),
            source: at(r.sources.iter().map(|s| &s.id)),
            claim: at(r.claims.iter().map(|c| &c.id)),
            figure: at(r.figures.iter().map(|f| &f.id)),
        }
    }
}

fn keep(r: &Report, ids: &Ids, filter: &Filter) -> Result<Keep, FilterError> {
    let (source_at, claim_at, figure_at, doc_at) = (&ids.source, &ids.claim, &ids.figure, &ids.doc);
    if filter.is_empty() {
        return Ok(Keep::every(r, true));
    }
    for d in &filter.documents {
        if !r.documents.iter().any(|x| &x.id == d) {
            return Err(FilterError::NoSuchDocument(d.clone()));
        }
    }
    let around: Option<HashSet<usize>> = match &filter.around {
        None => None,
        Some(name) => {
            let lower = name.to_lowercase();
            let set: HashSet<usize> = r
                .sources
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.id == *name
                        || s.name.to_lowercase() == lower
                        || s.aliases.iter().any(|a| a.to_lowercase() == lower)
                })
                .map(|(i, _)| i)
                .collect();
            if set.is_empty() {
                return Err(FilterError::NoSuchSource(name.clone()));
            }
            Some(set)
        }
    };
    let src = |id: &Option<String>| id.as_deref().and_then(|s| source_at.get(s).copied());
    let doc_ok = |d: &str| filter.documents.is_empty() || filter.documents.iter().any(|x| x == d);
    let kind_ok = |s: Option<usize>| {
        filter.source_kinds.is_empty()
            || s.is_some_and(|i| filter.source_kinds.contains(&r.sources[i].kind))
    };
    let measure_ok = |m: &str| filter.measures.is_empty() || filter.measures.iter().any(|x| x == m);
    let in_around = |s: Option<usize>| match (&around, s) {
        (None, _) => true,
        (Some(set), Some(i)) => {
            set.contains(&i)
                || r.sources[i]
                    .parent
                    .as_deref()
                    .and_then(|p| source_at.get(p))
                    .is_some_and(|p| set.contains(p))
        }
        (Some(_), None) => false,
    };
    let mut claims: Vec<bool> = r
        .claims
        .iter()
        .map(|c| {
            let relayed = around.as_ref().is_some_and(|set| {
                c.via
                    .iter()
                    .any(|v| source_at.get(v.as_str()).is_some_and(|i| set.contains(i)))
            });
            doc_ok(&c.doc)
                && kind_ok(src(&c.source))
                && (in_around(src(&c.source)) || relayed)
                && (filter.measures.is_empty()
                    || c.figures.iter().any(|f| {
                        figure_at
                            .get(f.as_str())
                            .is_some_and(|&i| measure_ok(&r.figures[i].measure))
                    }))
        })
        .collect();
    let mut figures: Vec<bool> = r
        .figures
        .iter()
        .map(|f| {
            doc_ok(&f.doc)
                && measure_ok(&f.measure)
                && match f.claim.as_deref().and_then(|c| claim_at.get(c)) {
                    Some(&c) => claims[c],
                    None => kind_ok(src(&f.source)) && in_around(src(&f.source)),
                }
        })
        .collect();
    if around.is_some() {
        // The figures that conflict with, agree with or update the source's own, with their claims.
        let pairs = r
            .conflicts
            .iter()
            .map(|c| (&c.figures[0], &c.figures[1]))
            .chain(r.agreements.iter().map(|c| (&c.figures[0], &c.figures[1])))
            .chain(r.updates.iter().map(|u| (&u.from, &u.to)));
        let mut more = Vec::new();
        for (a, b) in pairs {
            let (Some(&a), Some(&b)) = (figure_at.get(a.as_str()), figure_at.get(b.as_str()))
            else {
                continue;
            };
            if figures[a] != figures[b] {
                more.push(if figures[a] { b } else { a });
            }
        }
        for f in more {
            figures[f] = true;
            if let Some(&c) = r.figures[f].claim.as_deref().and_then(|c| claim_at.get(c)) {
                claims[c] = true;
            }
        }
    }
    let mut sources = vec![false; r.sources.len()];
    let mut docs: Vec<bool> = r
        .documents
        .iter()
        .map(|d| !filter.documents.is_empty() && doc_ok(&d.id))
        .collect();
    let mark = |id: &Option<String>, sources: &mut Vec<bool>| {
        if let Some(i) = src(id) {
            sources[i] = true;
        }
    };
    for (c, _) in r.claims.iter().zip(&claims).filter(|(_, k)| **k) {
        mark(&c.source, &mut sources);
        for v in &c.via {
            mark(&Some(v.clone()), &mut sources);
        }
        if let Some(&d) = doc_at.get(c.doc.as_str()) {
            docs[d] = true;
        }
    }
    for (f, _) in r.figures.iter().zip(&figures).filter(|(_, k)| **k) {
        mark(&f.source, &mut sources);
        if let Some(&d) = doc_at.get(f.doc.as_str()) {
            docs[d] = true;
        }
    }
    if let Some(set) = &around {
        for &i in set {
            sources[i] = true;
        }
    }
    // The organisations the kept sources speak for.
    let mut stack: Vec<usize> = (0..sources.len()).filter(|&i| sources[i]).collect();
    while let Some(i) = stack.pop() {
        if let Some(p) = src(&r.sources[i].parent) {
            if !sources[p] {
                sources[p] = true;
                stack.push(p);
            }
        }
    }
    Ok(Keep {
        docs,
        sources,
        claims,
        figures,
    })
}

fn build<'r>(r: &'r Report, ids: &Ids, keep: &Keep) -> ClaimGraph<'r> {
    let mut g: DiGraph<Node, Edge> = DiGraph::new();
    let add = |n: usize, kept: &[bool], make: fn(usize) -> Node, g: &mut DiGraph<Node, Edge>| {
        (0..n)
            .map(|i| kept[i].then(|| g.add_node(make(i))))
            .collect::<Vec<Option<NodeIndex>>>()
    };
    let docs = add(r.documents.len(), &keep.docs, Node::Document, &mut g);
    let sources = add(r.sources.len(), &keep.sources, Node::Source, &mut g);
    let claims = add(r.claims.len(), &keep.claims, Node::Claim, &mut g);
    let figures = add(r.figures.len(), &keep.figures, Node::Figure, &mut g);
    let (doc_at, src_at, claim_at, fig_at) = (&ids.doc, &ids.source, &ids.claim, &ids.figure);
    let node = |at: &HashMap<&str, usize>, nodes: &[Option<NodeIndex>], id: &str| {
        at.get(id).and_then(|&i| nodes[i])
    };
    for (i, s) in r.sources.iter().enumerate() {
        let (Some(a), Some(p)) = (sources[i], s.parent.as_deref()) else {
            continue;
        };
        if let Some(b) = node(src_at, &sources, p) {
            g.add_edge(a, b, Edge::SpeaksFor);
        }
    }
    let mut chains: HashSet<(NodeIndex, NodeIndex)> = HashSet::new();
    for (i, c) in r.claims.iter().enumerate() {
        let Some(ci) = claims[i] else { continue };
        if let Some(s) = c.source.as_deref().and_then(|s| node(src_at, &sources, s)) {
            g.add_edge(s, ci, Edge::Said);
        }
        let mut prev = ci;
        for v in &c.via {
            let Some(vi) = node(src_at, &sources, v) else {
                break;
            };
            if prev == ci || chains.insert((vi, prev)) {
                g.add_edge(vi, prev, Edge::Relayed);
            }
            prev = vi;
        }
        if let Some(d) = node(doc_at, &docs, &c.doc) {
            g.add_edge(ci, d, Edge::AppearsIn);
        }
    }
    for (i, f) in r.figures.iter().enumerate() {
        let Some(fi) = figures[i] else { continue };
        match f.claim.as_deref().and_then(|c| node(claim_at, &claims, c)) {
            Some(ci) => {
                g.add_edge(ci, fi, Edge::States);
            }
            None => {
                if f.claim.is_none() {
                    if let Some(s) = f.source.as_deref().and_then(|s| node(src_at, &sources, s)) {
                        g.add_edge(s, fi, Edge::Said);
                    }
                }
                if let Some(d) = node(doc_at, &docs, &f.doc) {
                    g.add_edge(fi, d, Edge::AppearsIn);
                }
            }
        }
    }
    let pair = |a: &str, b: &str| Some((node(fig_at, &figures, a)?, node(fig_at, &figures, b)?));
    for (i, c) in r.conflicts.iter().enumerate() {
        if let Some((a, b)) = pair(&c.figures[0], &c.figures[1]) {
            g.add_edge(a, b, Edge::Conflicts(i));
        }
    }
    for (i, c) in r.agreements.iter().enumerate() {
        if let Some((a, b)) = pair(&c.figures[0], &c.figures[1]) {
            g.add_edge(a, b, Edge::Agrees(i));
        }
    }
    for (i, u) in r.updates.iter().enumerate() {
        if let Some((a, b)) = pair(&u.from, &u.to) {
            g.add_edge(a, b, Edge::Updates(i));
        }
    }
    ClaimGraph {
        report: r,
        graph: g,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::build_report;
    use crate::input::Document;
    use crate::pipeline::{analyze_all, Config};

    /// Two documents whose death tolls conflict, one of them quoted by a spokesman (a source
    /// with a parent); a claim states two figures.
    pub(super) fn report() -> Report {
        let texts = [
            "date 2022-01-06\n\nKazakhstan unrest: police said 12 people were killed in the \
             clashes in Kazakhstan.\n\n\"At least 30 people were killed,\" said Ivan Petrov, \
             a spokesman for the health ministry.",
            "date 2022-01-06\n\nKazakhstan: the interior ministry said 18 people were killed \
             and 40 injured in Kazakhstan.",
        ];
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("d{i}"), t.to_string()))
            .collect();
        build_report(&docs, &analyze_all(&docs, &Config::default()), &[])
    }

    fn json(r: &impl serde::Serialize) -> String {
        serde_json::to_string_pretty(r).expect("reports serialize")
    }

    #[test]
    fn the_borrowed_view_is_the_graphs_view() {
        let r = report();
        assert!(r.claims.iter().any(|c| c.figures.len() == 2));
        assert!(!r.conflicts.is_empty());
        let filters = [
            Filter::default(),
            Filter {
                measures: vec!["injured".into()],
                ..Filter::default()
            },
            Filter {
                documents: vec!["d1".into()],
                ..Filter::default()
            },
            Filter {
                source_kinds: vec!["police".into()],
                ..Filter::default()
            },
            Filter {
                around: Some("police".into()),
                ..Filter::default()
            },
        ];
        for filter in &filters {
            let g = ClaimGraph::filtered(&r, filter).unwrap();
            let view = filtered_view(&r, filter).unwrap();
            assert_eq!(view, g.view_ref(), "{filter:?}");
            assert_eq!(json(&view), json(&view.to_report()), "{filter:?}");
        }
        assert_eq!(
            json(&filtered_view(&r, &Filter::default()).unwrap()),
            json(&r)
        );
        let none = Filter {
            documents: vec!["d9".into()],
            ..Filter::default()
        };
        assert_eq!(
            filtered_view(&r, &none),
            Err(FilterError::NoSuchDocument("d9".into()))
        );
    }

    #[test]
    fn a_claim_is_copied_only_when_some_of_its_figures_are_left_out() {
        let mut r = report();
        let figures = r.claims[0].figures.clone();
        r.claims[0].figures.push("f999".into());
        let view = filtered_view(&r, &Filter::default()).unwrap();
        assert!(matches!(&view.claims[0], Cow::Owned(c) if c.figures == figures));
        assert!(view.claims[1..]
            .iter()
            .all(|c| matches!(c, Cow::Borrowed(_))));
    }
}
