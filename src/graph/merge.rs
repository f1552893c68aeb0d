//! Per-document reports -> one report of the run: the reduce step of `claimgraph merge`, and
//! what `claimgraph analyze` does after the per-document work.
//!
//! Reports are merged in the order given. Documents keep their ids (a second document with an
//! id already merged is left out with its claims and figures: an error, or a warning when it
//! came in the same report as the first, [`Merger::add_from`]); claims, figures and
//! sources are renumbered (`c1`, `f1`, `s1`, ... in merge order). Sources are the same source
//! when their names have the same identity key (lower case, without articles and courtesy
//! titles: "Mr Tokayev" = "Tokayev"), or when a one-word name is the surname of an earlier
//! source's full name ("Tokayev" -> "Kassym-Jomart Tokayev"); merged sources keep every name
//! and alias, the first known country and parent, and the more specific kind. Conflicts,
//! updates and agreements are recomputed over all figures by [`Merger::finish`], so merging is
//! associative: merging the reports of shards, or merges of merges, gives the report of the
//! whole (`tests/graph.rs` checks it on the corpus).

use crate::export::report::{ErrorOut, Report, SourceOut};
use crate::export::{id_of, link_report, set_id, Part};
use crate::source::{key_of, surname_of, Key};
// foldhash seeded at random per map (as in `crate::source`), not FxHash, for every map here:
// the keys are the input's (document ids, source names, ids in a report given to `merge`) and
// the maps grow with the whole run, so keys made to collide in an unkeyed hash would make
// look-ups linear and the merge quadratic. (std's SipHash, used before, cost 2.8 M instructions
// more of `analyze` on dev1, 305.8 M.)
use foldhash::{HashMap, HashSet};

/// Merges reports one at a time, in memory that grows with the merged report only.
#[derive(Debug, Default)]
pub struct Merger {
    report: Report,
    documents: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    by_surname: HashMap<String, usize>,
    /// Where each merged document was read (by its position), when it was added with
    /// [`Merger::add_from`]: its input (in `inputs`), line and report's digest.
    origins: Vec<Option<Origin>>,
    /// The names of the inputs of `origins`.
    inputs: Vec<String>,
}

/// A report as [`read_reports`] read it: where (its line, or its first line when `whole`, a
/// report over many lines) and the digest of its bytes, equal for the same bytes (the same
/// `extract` line, the same whole report).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadReport {
    pub report: Report,
    pub line: u64,
    pub whole: bool,
    pub digest: u64,
}

/// Where a merged document was read: a [`ReadReport`]'s place, its input by position.
#[derive(Debug, Clone, Copy)]
struct Origin {
    input: usize,
    line: u64,
    whole: bool,
    digest: u64,
}

/// What [`Merger::add_from`] found: errors (documents already merged from a different report;
/// also kept in the merged report's `errors`) and warnings (a document given again in the
/// same report: nothing is lost).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Found {
    pub errors: Vec<ErrorOut>,
    pub warnings: Vec<String>,
}

impl Merger {
    /// Adds the documents, sources, claims, figures and errors of `part`; its conflicts,
    /// updates and agreements are dropped (recomputed by [`Merger::finish`]). Returns the
    /// errors the merge itself found (documents already merged), also kept in the report.
    pub fn add(&mut self, part: Report) -> Vec<ErrorOut> {
        self.add_keyed(part, None, None).errors
    }

    /// [`Merger::add`] of a report read from `input` ([`read_reports`]). A document merged
    /// before is named with the input and line of both copies; when both came in the same
    /// report (the same digest: the same `extract` line given again, as overlapping shards
    /// give it), the copy left out loses nothing, and it is a warning, not an error.
    pub fn add_from(&mut self, input: &str, read: ReadReport) -> Found {
        if self.inputs.last().is_none_or(|last| last != input) {
            self.inputs.push(input.to_string());
        }
        let origin = Origin {
            input: self.inputs.len() - 1,
            line: read.line,
            whole: read.whole,
            digest: read.digest,
        };
        self.add_keyed(read.report, None, Some(origin))
    }

    /// [`Merger::add`] of a document's part of a run ([`crate::export::document_part`]): its
    /// sources' keys are taken from it, not made again from their names.
    pub fn add_part(&mut self, part: Part) -> Vec<ErrorOut> {
        assert_eq!(part.keys.len(), part.report.sources.len(), "a key a source");
        self.add_keyed(part.report, Some(&part.keys), None).errors
    }

    /// [`Merger::add`], with the identity keys of `part`'s sources ([`key_of`] of their
    /// names, in their order) when they are known.
    /// `origin`: where `part` was read ([`Merger::add_from`]).
    fn add_keyed(&mut self, part: Report, keys: Option<&[Key]>, origin: Option<Origin>) -> Found {
        let mut skipped: HashSet<String> = HashSet::default();
        let mut found = Found::default();
        for d in part.documents {
            if let Some(&first) = self.documents.get(&d.id) {
                self.duplicate(&d, first, origin, &mut found);
                skipped.insert(d.id);
                continue;
            }
            self.documents
                .insert(d.id.clone(), self.report.documents.len());
            self.report.documents.push(d);
            self.origins.push(origin);
        }
        let (mut claims, mut figures) = (part.claims, part.figures);
        if !skipped.is_empty() {
            claims.retain(|c| !skipped.contains(&c.doc));
            figures.retain(|f| !skipped.contains(&f.doc));
        }
        // Sources: those the kept claims and figures use, with their parents. (Their ids are
        // taken out of them, so that the merge can take their names.)
        let mut part_sources = part.sources;
        let source_ids: Vec<String> = part_sources
            .iter_mut()
            .map(|s| std::mem::take(&mut s.id))
            .collect();
        let local = Positions::new('s', source_ids.iter().map(String::as_str));
        // The position of each claim's and figure's source, looked up once (looked up again when
        // the source was set, and the sources' own ids parsed again: 1.0 M instructions of
        // `analyze` on dev1).
        let local_of = |id: &Option<String>| id.as_deref().and_then(|id| local.get(id));
        let claim_sources: Vec<Option<usize>> =
            claims.iter().map(|c| local_of(&c.source)).collect();
        let figure_sources: Vec<Option<usize>> =
            figures.iter().map(|f| local_of(&f.source)).collect();
        let mut used = vec![false; part_sources.len()];
        let mut stack: Vec<usize> = claim_sources
            .iter()
            .chain(&figure_sources)
            .flatten()
            .copied()
            .chain(
                claims
                    .iter()
                    .flat_map(|c| &c.via)
                    .filter_map(|v| local.get(v)),
            )
            .collect();
        while let Some(k) = stack.pop() {
            if !used[k] {
                used[k] = true;
                if let Some(p) = part_sources[k].parent.as_deref().and_then(|p| local.get(p)) {
                    stack.push(p);
                }
            }
        }
        // The merged source of each local id (at its position), for the used ones.
        let used_sources = || {
            (0..source_ids.len())
                .map(|i| (i, local.at(i, &source_ids[i])))
                .filter(|&(_, k)| used[k])
        };
        let mut global: Vec<Option<usize>> = vec![None; part_sources.len()];
        for (i, k) in used_sources() {
            let s = &mut part_sources[i];
            let made;
            let key = match keys {
                Some(keys) => &*keys[i],
                None => {
                    made = key_of(&s.name);
                    &made
                }
            };
            global[k] = Some(self.intern(s, key));
        }
        let global_of = |id: &str| local.get(id).and_then(|k| global[k]);
        for (s, k) in used_sources().map(|(i, k)| (&part_sources[i], k)) {
            let (Some(p), Some(g)) = (&s.parent, global[k]) else {
                continue;
            };
            let p = global_of(p);
            if self.report.sources[g].parent.is_none() && p != Some(g) {
                self.report.sources[g].parent = p.map(|p| self.report.sources[p].id.clone());
            }
        }
        let sources = &self.report.sources;
        // `id`, of the source at `k`, made its merged source's id.
        let source = |id: &mut Option<String>, k: Option<usize>| match k.and_then(|k| global[k]) {
            Some(g) => copy_into(id.as_mut().expect("an id"), &sources[g].id),
            None => *id = None,
        };
        // Claims and figures are numbered on from the merged ones, in order; a claim or figure
        // refers to another by the number of the one its id names.
        let (c0, f0) = (self.report.claims.len(), self.report.figures.len());
        let claim_at = Positions::new('c', claims.iter().map(|c| c.id.as_str()));
        let figure_at = Positions::new('f', figures.iter().map(|f| f.id.as_str()));
        let claim_ids: Vec<usize> = claims
            .iter()
            .enumerate()
            .map(|(k, c)| claim_at.at(k, &c.id))
            .collect();
        let figure_ids: Vec<usize> = figures
            .iter()
            .enumerate()
            .map(|(k, f)| figure_at.at(k, &f.id))
            .collect();
        // (Taken before the claims change: `claim_at` borrows their ids.)
        let figure_claims: Vec<Option<usize>> = figures
            .iter()
            .map(|f| f.claim.as_deref().and_then(|c| claim_at.get(c)))
            .collect();
        for (c, k) in claims.iter_mut().zip(claim_sources) {
            source(&mut c.source, k);
            c.via.retain_mut(|v| match global_of(v) {
                Some(g) => {
                    copy_into(v, &sources[g].id);
                    true
                }
                None => false,
            });
            c.figures.retain_mut(|f| match figure_at.get(f) {
                Some(k) => {
                    set_id(f, 'f', f0 + k + 1);
                    true
                }
                None => false,
            });
        }
        for ((f, k), (claim, s)) in figures
            .iter_mut()
            .zip(figure_ids)
            .zip(figure_claims.into_iter().zip(figure_sources))
        {
            set_id(&mut f.id, 'f', f0 + k + 1);
            f.claim = claim.map(|k| id_of('c', c0 + k + 1));
            source(&mut f.source, s);
        }
        for (c, k) in claims.iter_mut().zip(claim_ids) {
            set_id(&mut c.id, 'c', c0 + k + 1);
        }
        self.report.claims.append(&mut claims);
        self.report.figures.append(&mut figures);
        self.report.errors.extend(part.errors);
        self.report.errors.extend(found.errors.iter().cloned());
        found
    }

    /// What `d`, a document already merged at `first`, is: an error, or a warning when both
    /// copies came in the same report (`origin` and `first`'s have the same digest).
    fn duplicate(
        &self,
        d: &crate::export::report::DocumentOut,
        first: usize,
        origin: Option<Origin>,
        found: &mut Found,
    ) {
        let (Some(o), Some(f)) = (origin, self.origins[first]) else {
            let first = &self.report.documents[first];
            let place = first.path.as_deref().unwrap_or("an earlier input");
            found.errors.push(ErrorOut {
                input: d.path.clone().unwrap_or_else(|| d.id.clone()),
                line: None,
                message: format!(
                    "duplicate document id {:?} (first in {place}): this copy is left out",
                    d.id
                ),
            });
            return;
        };
        let place = format!("{}:{}", self.inputs[f.input], f.line);
        if o.digest == f.digest && o.whole == f.whole {
            let what = if o.whole { "report" } else { "line" };
            found.warnings.push(format!(
                "{}:{}: document {:?} again, the same {what} as at {place}: this copy is left out (nothing is lost)",
                self.inputs[o.input], o.line, d.id
            ));
        } else {
            found.errors.push(ErrorOut {
                input: self.inputs[o.input].clone(),
                line: Some(o.line),
                message: format!(
                    "duplicate document id {:?} (first at {place}, in a different report): this copy is left out",
                    d.id
                ),
            });
        }
    }

    /// Adds input errors (documents that could not be read).
    pub fn add_errors(&mut self, errors: impl IntoIterator<Item = ErrorOut>) {
        self.report.errors.extend(errors);
    }

    /// The merged report, with the conflicts, updates and agreements of all its figures.
    pub fn finish(mut self) -> Report {
        link_report(&mut self.report);
        self.report
    }

    /// The merged source that `s`, whose name has the identity key `key`, is, created when
    /// new; returns its index. Takes the names, kind and country it keeps out of `s`.
    fn intern(&mut self, s: &mut SourceOut, key: &str) -> usize {
        let single = !key.contains(' ') && key.chars().next().is_some_and(char::is_alphabetic);
        let capitalized = s
            .name
            .split_whitespace()
            .last()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        let by_key = self.by_key.get(key).copied();
        let known = by_key.or_else(|| {
            (single && capitalized)
                .then(|| self.by_surname.get(key).copied())
                .flatten()
        });
        if let Some(i) = known {
            if by_key.is_none() {
                self.by_key.insert(key.to_string(), i);
            }
            let m = &mut self.report.sources[i];
            for name in std::iter::once(&mut s.name).chain(&mut s.aliases) {
                if *name != m.name && !m.aliases.contains(name) {
                    m.aliases.push(std::mem::take(name));
                }
            }
            if m.country.is_none() {
                m.country = s.country.take();
            }
            if matches!(m.kind.as_str(), "unknown" | "person")
                && !matches!(s.kind.as_str(), "unknown" | "person")
            {
                m.kind = std::mem::take(&mut s.kind);
            }
            return i;
        }
        let i = self.report.sources.len();
        if let Some(surname) = surname_of(&s.name) {
            self.by_surname.entry(surname).or_insert(i);
        }
        self.report.sources.push(SourceOut {
            id: id_of('s', i + 1),
            name: std::mem::take(&mut s.name),
            kind: std::mem::take(&mut s.kind),
            aliases: std::mem::take(&mut s.aliases),
            parent: None,
            country: s.country.take(),
        });
        self.by_key.insert(key.to_string(), i);
        i
    }
}

/// Checks that `r` holds together as the merge relies on: ids unique; every claim's and
/// figure's `doc` among its documents; every `source`, `via` and `parent` a source of `r`;
/// every figure's `claim` a claim and every claim's `figures` figures of `r`; every span (of a
/// claim, its speaker, a figure) `[start, end]` with `start <= end <= bytes` of its document.
/// Returns what is wrong, the first thing found. ([`Merger::add`] itself takes any report, and
/// drops the references that resolve to nothing.)
pub fn check_consistent(r: &Report) -> Result<(), String> {
    fn unique<'p>(
        what: &str,
        p: &Positions<'p>,
        mut ids: impl Iterator<Item = &'p str>,
    ) -> Result<(), String> {
        match &p.map {
            Some(map) if map.len() < p.len => {
                // A duplicate: the first id whose last position is not its own.
                let id = ids
                    .by_ref()
                    .enumerate()
                    .find(|&(k, id)| map[id] != k)
                    .map_or("", |(_, id)| id);
                Err(format!("two {what} have the id {id:?}"))
            }
            _ => Ok(()),
        }
    }
    let many = r.documents.len() > 8;
    let by_id: HashMap<&str, u64> = if many {
        r.documents
            .iter()
            .map(|d| (d.id.as_str(), d.bytes))
            .collect()
    } else {
        HashMap::default()
    };
    if many && by_id.len() < r.documents.len()
        || !many && {
            let d = &r.documents;
            (1..d.len()).any(|k| d[..k].iter().any(|e| e.id == d[k].id))
        }
    {
        return Err("two documents have the same id".to_string());
    }
    let bytes_of = |doc: &str| -> Option<u64> {
        if many {
            by_id.get(doc).copied()
        } else {
            r.documents.iter().find(|d| d.id == doc).map(|d| d.bytes)
        }
    };
    let sources = Positions::new('s', r.sources.iter().map(|s| s.id.as_str()));
    let claims = Positions::new('c', r.claims.iter().map(|c| c.id.as_str()));
    let figures = Positions::new('f', r.figures.iter().map(|f| f.id.as_str()));
    unique("sources", &sources, r.sources.iter().map(|s| s.id.as_str()))?;
    unique("claims", &claims, r.claims.iter().map(|c| c.id.as_str()))?;
    unique("figures", &figures, r.figures.iter().map(|f| f.id.as_str()))?;
    // What is checked first, its message made only when the check fails.
    let bad_span = |[start, end]: [usize; 2], bytes: u64| {
        if start > end {
            Some(format!("span [{start}, {end}]: its start is after its end"))
        } else if end as u64 > bytes {
            Some(format!(
                "span [{start}, {end}]: past the end of its document ({bytes} bytes)"
            ))
        } else {
            None
        }
    };
    fn unknown<'a>(id: &'a Option<String>, sources: &Positions) -> Option<&'a str> {
        id.as_deref().filter(|id| sources.get(id).is_none())
    }
    let no_source = |id| unknown(id, &sources);
    fn not_among<T>(what: String, id: &str, array: &str) -> Result<T, String> {
        Err(format!("{what} {id:?}, not among its {array}"))
    }
    for s in &r.sources {
        if let Some(p) = no_source(&s.parent) {
            return not_among(format!("source {:?} has the parent", s.id), p, "sources");
        }
    }
    // An item's document among the report's and its span inside it: the document's bytes.
    let in_document = |what: &dyn Fn(&str) -> String, doc: &str, span: [usize; 2]| {
        let Some(bytes) = bytes_of(doc) else {
            return not_among(what("is of document"), doc, "documents");
        };
        match bad_span(span, bytes) {
            Some(e) => Err(format!("{} {e}", what("has the"))),
            None => Ok(bytes),
        }
    };
    for c in &r.claims {
        let what = |w: &str| format!("claim {:?} {w}", c.id);
        let bytes = in_document(&what, &c.doc, c.span)?;
        if let Some(e) = c.speaker.as_ref().and_then(|s| bad_span(s.span, bytes)) {
            return Err(format!("{} {e}", what("has a speaker of")));
        }
        if let Some(id) = no_source(&c.source) {
            return not_among(what("has the source"), id, "sources");
        }
        if let Some(v) = c.via.iter().find(|v| sources.get(v).is_none()) {
            return not_among(what("is relayed via"), v, "sources");
        }
        if let Some(f) = c.figures.iter().find(|f| figures.get(f).is_none()) {
            return not_among(what("has the figure"), f, "figures");
        }
    }
    for f in &r.figures {
        let what = |w: &str| format!("figure {:?} {w}", f.id);
        in_document(&what, &f.doc, f.span)?;
        if let Some(id) = no_source(&f.source) {
            return not_among(what("has the source"), id, "sources");
        }
        if let Some(c) = f.claim.as_deref().filter(|c| claims.get(c).is_none()) {
            return not_among(what("stands in the claim"), c, "claims");
        }
    }
    Ok(())
}

/// Where each id of one of a part's arrays is. The ids of a report that claimgraph wrote are
/// `p1`, `p2`, ... in order (`prefix` `p`), and then an id's position is its number; any other
/// ids are looked up in a map (the last of equal ids wins, as in a map collected from them).
struct Positions<'p> {
    prefix: char,
    len: usize,
    /// `None` when the ids are numbered in order.
    map: Option<HashMap<&'p str, usize>>,
}

impl<'p> Positions<'p> {
    fn new(prefix: char, ids: impl Iterator<Item = &'p str> + Clone) -> Positions<'p> {
        let len = ids.clone().count();
        let numbered = ids
            .clone()
            .enumerate()
            .all(|(k, id)| number_of(prefix, id) == Some(k + 1));
        Positions {
            prefix,
            len,
            map: (!numbered).then(|| ids.enumerate().map(|(k, id)| (id, k)).collect()),
        }
    }

    /// The position of the item with `id` (the last of them), if any has it.
    fn get(&self, id: &str) -> Option<usize> {
        match &self.map {
            Some(map) => map.get(id).copied(),
            None => number_of(self.prefix, id)
                .filter(|&n| n <= self.len)
                .map(|n| n - 1),
        }
    }

    /// The position of the item at `k`, whose id is `id`: `k` itself when the ids are
    /// numbered in order (without parsing `id` again: 1.0 M instructions of `analyze` on dev1),
    /// else the last item with that id.
    fn at(&self, k: usize, id: &str) -> usize {
        match self.map {
            None => k,
            Some(_) => self.get(id).expect("an id of the part"),
        }
    }
}

/// `n` when `id` is `prefix` and the decimal `n` >= 1 as `format!` writes it (no sign, no
/// leading zero), and `n` fits a `usize`.
fn number_of(prefix: char, id: &str) -> Option<usize> {
    let digits = id.strip_prefix(prefix)?;
    if digits.is_empty() || digits.starts_with('0') {
        return None;
    }
    digits.bytes().try_fold(0usize, |n, b| {
        let d = b.wrapping_sub(b'0');
        (d < 10).then_some(())?;
        n.checked_mul(10)?.checked_add(usize::from(d))
    })
}

/// Makes `to` a copy of `from`, in its own buffer.
fn copy_into(to: &mut String, from: &str) {
    to.clear();
    to.push_str(from);
}

/// Merges whole reports in order: [`Merger`] in one call.
pub fn merge(parts: impl IntoIterator<Item = Report>) -> Report {
    let mut m = Merger::default();
    for p in parts {
        m.add(p);
    }
    m.finish()
}

/// Reads the reports of one input: one report a line (what `extract` writes), or whole
/// reports written over many lines (what `analyze` writes), one after another. A line or
/// report that is not a v1 report is an error naming the input and line; in line mode the
/// next line is read, in whole-report mode the rest of the input is given up.
pub fn read_reports<'a>(
    name: &'a str,
    mut reader: Box<dyn std::io::BufRead + 'a>,
) -> impl Iterator<Item = Result<ReadReport, crate::input::InputError>> + 'a {
    use crate::input::InputError;
    let err = move |line: u64, message: String| InputError {
        input: name.to_string(),
        line: Some(line),
        message,
    };
    let check = move |r: Report, line: u64, whole: bool, digest: u64| {
        if r.schema != crate::export::report::SCHEMA_V1 {
            return Err(err(
                line,
                format!(
                    "a report of schema {:?}, not {:?}",
                    r.schema,
                    crate::export::report::SCHEMA_V1
                ),
            ));
        }
        match check_consistent(&r) {
            Ok(()) => Ok(ReadReport {
                report: r,
                line,
                whole,
                digest,
            }),
            Err(e) => Err(err(
                line,
                format!(
                    "an inconsistent report: {e}; the {} is left out",
                    if whole { "report" } else { "line" }
                ),
            )),
        }
    };
    let mut buf = Vec::new();
    let mut line = 0u64;
    let mut whole: Option<Box<dyn Iterator<Item = Result<ReadReport, InputError>> + 'a>> = None;
    std::iter::from_fn(move || loop {
        if let Some(it) = whole.as_mut() {
            return it.next();
        }
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => line += 1,
            Err(e) => {
                whole = Some(Box::new(std::iter::empty()));
                return Some(Err(err(line + 1, format!("cannot read: {e}"))));
            }
        }
        let text = String::from_utf8_lossy(&buf);
        let t = text.trim();
        if t.is_empty() {
            continue;
        }
        if t == "{" {
            // A pretty-printed report: parse the rest of the input as a stream of reports.
            let first = std::mem::take(&mut buf);
            let rest = std::mem::replace(&mut reader, Box::new(std::io::empty()));
            let start = line;
            let chained = std::io::Read::chain(std::io::Cursor::new(first), rest);
            let starts = std::rc::Rc::new(std::cell::Cell::new((0u64, None)));
            let counted = LineCounter {
                inner: chained,
                at: starts.clone(),
            };
            let stream = serde_json::Deserializer::from_reader(counted).into_iter::<Report>();
            let mut failed = false;
            whole = Some(Box::new(stream.map_while(move |r| {
                if failed {
                    return None;
                }
                Some(match r {
                    Ok(r) => {
                        let digest = digest_of_report(&r);
                        // The line of this report's first byte; the next one's is counted
                        // from its own.
                        let (lines, first) = starts.get();
                        starts.set((lines, None));
                        check(r, start + first.unwrap_or(1) - 1, true, digest)
                    }
                    Err(e) => {
                        failed = true;
                        Err(err(
                            start + e.line() as u64 - 1,
                            format!("not a claimgraph report: {e}"),
                        ))
                    }
                })
            })));
            continue;
        }
        return Some(match serde_json::from_str::<Report>(t) {
            Ok(r) => check(r, line, false, digest_of(t.as_bytes())),
            Err(e) => Err(err(line, format!("not a claimgraph report: {e}"))),
        });
    })
}

/// A reader that counts the lines it has passed on, and notes the line of the first byte
/// that is not white space since the note was last taken (`at`: lines passed, that line; both
/// 1-based from the reader's start): which line a report of a stream starts on. serde_json
/// reads its input a byte at a time, and looks one byte ahead only to skip white space.
struct LineCounter<R> {
    inner: R,
    at: std::rc::Rc<std::cell::Cell<(u64, Option<u64>)>>,
}

impl<R: std::io::Read> std::io::Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let (mut lines, mut first) = self.at.get();
        for &b in &buf[..n] {
            if b == b'\n' {
                lines += 1;
            } else if first.is_none() && !b.is_ascii_whitespace() {
                first = Some(lines + 1);
            }
        }
        self.at.set((lines, first));
        Ok(n)
    }
}

/// The hasher of the reports' digests: one for the process, seeded at random (so that a
/// different report cannot be made to pass for the same one).
fn digests() -> &'static foldhash::quality::RandomState {
    static STATE: std::sync::OnceLock<foldhash::quality::RandomState> = std::sync::OnceLock::new();
    STATE.get_or_init(Default::default)
}

/// The digest of a report's line.
fn digest_of(bytes: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    digests().hash_one(bytes)
}

/// The digest of a whole report: of its JSON, written as `merge` writes it (the same for the
/// same report, whatever its layout was).
fn digest_of_report(r: &Report) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    struct Digest<H>(H);
    impl<H: Hasher> std::io::Write for Digest<H> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.write(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut d = Digest(digests().build_hasher());
    serde_json::to_writer(&mut d, r).expect("a report serializes");
    d.0.finish()
}

#[cfg(test)]
mod tests {
    use super::super::tests::report;
    use super::*;

    #[test]
    fn numbers_of_ids() {
        for (id, n) in [("c1", Some(1)), ("c12", Some(12)), ("f7", Some(7))] {
            assert_eq!(number_of(id.chars().next().unwrap(), id), n, "{id}");
        }
        for id in [
            "c",
            "c0",
            "c01",
            "c+1",
            "c1a",
            "x1",
            "",
            "c18446744073709551616",
        ] {
            assert_eq!(number_of('c', id), None, "{id}");
        }
        assert_eq!(id_of('s', 0), "s0");
        assert_eq!(id_of('c', 1234567), "c1234567");
    }

    #[test]
    fn ids_set_in_place_as_id_of_writes_them() {
        let mut id = String::from("x-long-id-9");
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            set_id(&mut id, 'f', n);
            assert_eq!(id, id_of('f', n), "{n}");
        }
        copy_into(&mut id, "s7");
        assert_eq!(id, "s7");
    }

    #[test]
    fn positions_by_number_or_by_map() {
        let numbered = Positions::new('c', ["c1", "c2", "c3"].into_iter());
        assert!(numbered.map.is_none());
        let other = Positions::new('c', ["c1", "x", "c2", "x"].into_iter());
        assert!(other.map.is_some());
        for (p, id, at) in [
            (&numbered, "c1", Some(0)),
            (&numbered, "c3", Some(2)),
            (&numbered, "c4", None),
            (&numbered, "c0", None),
            (&numbered, "c01", None),
            (&numbered, "f1", None),
            (&other, "c1", Some(0)),
            (&other, "c2", Some(2)),
            (&other, "x", Some(3)),
            (&other, "c3", None),
        ] {
            assert_eq!(p.get(id), at, "{id}");
        }
        assert!(Positions::new('s', std::iter::empty()).get("s1").is_none());
        for (k, id) in ["c1", "c2", "c3"].into_iter().enumerate() {
            assert_eq!(numbered.at(k, id), k, "{id}");
        }
        for (k, id, at) in [(0, "c1", 0), (1, "x", 3), (2, "c2", 2), (3, "x", 3)] {
            assert_eq!(other.at(k, id), at, "{id}");
        }
    }

    /// The key a source was made under ([`crate::source::Source::key`], what
    /// [`Merger::add_part`] takes) is the key of its name, on varied names: ASCII and not,
    /// with titles, articles, punctuation, long ones, mentions of a parent.
    #[test]
    fn sources_keys_are_their_names_keys() {
        let lex = crate::source::SourceLexicon::builtin();
        let long =
            "The Very Long Name Of An Organisation That Goes On And On Past Sixty-Four Bytes";
        let mentions = [
            "Mr Tokayev",
            "Kassym-Jomart Tokayev",
            "Tokayev",
            "the interior ministry",
            "the Interior Ministry",
            "a spokesman for the health ministry",
            "Ivan Petrov, a spokesman for the Health Ministry",
            "Dr. Jane Doe",
            "  \"Reuters\"  ",
            "The BBC",
            "Mrs",
            "the",
            "Zoë Müller",
            "Président Émile Durand",
            "ÉLYSÉE PALACE",
            "Ms. O'Neil-Smith (AP)",
            "unnamed sources",
            "police",
            long,
            "Sir Ivan Petrov of the United Nations Office for the Coordination of Humanitarian Affairs",
            "2022 Committee",
            "--",
        ];
        let mut sources = crate::source::Sources::default();
        for m in mentions {
            sources.resolve(&lex, m);
            sources.resolve_media(&lex, m);
        }
        assert!(sources.list.len() > 10);
        for s in &sources.list {
            assert_eq!(&*s.key, key_of(&s.name), "{:?}", s.name);
        }
    }

    /// The corpus's documents merge to the same report as parts (keys given, figures not
    /// linked) as as reports.
    #[test]
    fn parts_merge_as_their_reports() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let docs = crate::input::read_inputs(&[dir.display().to_string()]).documents;
        assert!(!docs.is_empty());
        let config = crate::pipeline::Config::default();
        let (mut by_parts, mut by_reports) = (Merger::default(), Merger::default());
        for doc in &docs {
            let analysis = crate::pipeline::analyze_document(doc, &config);
            let part = crate::export::document_part(doc, &analysis, &config.sources);
            assert!(part.report.conflicts.is_empty() && part.report.agreements.is_empty());
            by_parts.add_part(part);
            by_reports.add(crate::export::document_report(
                doc,
                &analysis,
                &config.sources,
            ));
        }
        let (a, b) = (by_parts.finish(), by_reports.finish());
        assert!(!a.sources.is_empty() && !a.conflicts.is_empty());
        assert_eq!(a, b);
    }

    /// `r` with every claim, figure and source id renamed (and every reference to one).
    fn renamed(r: &Report) -> Report {
        let name = |id: &str| format!("{id}-x");
        let mut r = r.clone();
        for s in &mut r.sources {
            s.id = name(&s.id);
            s.parent = s.parent.as_deref().map(name);
        }
        for c in &mut r.claims {
            c.id = name(&c.id);
            c.source = c.source.as_deref().map(name);
            c.via = c.via.iter().map(|v| name(v)).collect();
            c.figures = c.figures.iter().map(|f| name(f)).collect();
        }
        for f in &mut r.figures {
            f.id = name(&f.id);
            f.claim = f.claim.as_deref().map(name);
            f.source = f.source.as_deref().map(name);
        }
        r
    }

    #[test]
    fn ids_named_otherwise_merge_as_numbered_ones() {
        let r = report();
        assert!(r.claims.iter().any(|c| !c.figures.is_empty()));
        assert!(r.sources.iter().any(|s| s.parent.is_some()));
        let whole = merge([r.clone()]);
        assert_eq!(whole.claims, r.claims);
        assert_eq!(whole.figures, r.figures);
        assert_eq!(merge([renamed(&r)]), whole);
        // A part after another is numbered on from it.
        let mut second = r.clone();
        for d in &mut second.documents {
            d.id.push('b');
        }
        for c in &mut second.claims {
            c.doc.push('b');
        }
        for f in &mut second.figures {
            f.doc.push('b');
        }
        let two = merge([r.clone(), second.clone()]);
        assert_eq!(merge([r.clone(), renamed(&second)]), two);
        assert_eq!(two.claims.len(), 2 * r.claims.len());
        let n = r.claims.len();
        assert_eq!(two.claims[n].id, format!("c{}", n + 1));
    }

    /// A report claimgraph wrote holds together, also with its ids renamed; equal ids, which
    /// make references ambiguous, do not.
    #[test]
    fn consistent_reports_and_equal_ids() {
        let r = report();
        assert_eq!(check_consistent(&r), Ok(()));
        assert_eq!(check_consistent(&renamed(&r)), Ok(()));
        let mut two = r.clone();
        two.claims[0].id = two.claims[1].id.clone();
        let e = check_consistent(&two).unwrap_err();
        assert!(e.contains("two claims have the id"), "{e}");
        let mut two = r.clone();
        two.documents.push(two.documents[0].clone());
        let e = check_consistent(&two).unwrap_err();
        assert!(e.contains("two documents"), "{e}");
        // At the end of the text is within it; a byte past is not.
        let mut end = r.clone();
        end.claims[0].span = [0, end.documents[0].bytes as usize];
        assert_eq!(check_consistent(&end), Ok(()));
        end.claims[0].span[1] += 1;
        assert!(check_consistent(&end).unwrap_err().contains("past the end"));
    }

    #[test]
    fn equal_ids_refer_to_the_last_item_that_has_them() {
        let mut r = report();
        assert!(r.claims.len() >= 2);
        r.claims[0].id = r.claims[1].id.clone();
        let m = merge([r.clone()]);
        assert_eq!(m.claims[0].id, "c2");
        assert_eq!(m.claims[1].id, "c2");
        // A reference to a claim, figure or source that is not there is left out.
        r.figures[0].claim = Some("c99".into());
        r.claims[1].figures.push("f99".into());
        r.claims[1].source = Some("s99".into());
        let m = merge([r]);
        assert_eq!(m.figures[0].claim, None);
        assert!(m.claims[1].figures.iter().all(|f| f != "f99"));
        assert_eq!(m.claims[1].source, None);
    }
}
