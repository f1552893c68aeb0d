//! Per-document reports -> one report of the run: the reduce step of `claimgraph merge`, and
//! what `claimgraph analyze` does after the per-document work.
//!
//! Reports are merged in the order given. Documents keep their ids (a second document with an
//! id already merged is an error, and its claims and figures are left out); claims, figures and
//! sources are renumbered (`c1`, `f1`, `s1`, ... in merge order). Sources are the same source
//! when their names have the same identity key (lower case, without articles and courtesy
//! titles: "Mr Tokayev" = "Tokayev"), or when a one-word name is the surname of an earlier
//! source's full name ("Tokayev" -> "Kassym-Jomart Tokayev"); merged sources keep every name
//! and alias, the first known country and parent, and the more specific kind. Conflicts,
//! updates and agreements are recomputed over all figures by [`Merger::finish`], so merging is
//! associative: merging the reports of shards, or merges of merges, gives the report of the
//! whole (`tests/graph.rs` checks it on the corpus).

use crate::export::link_report;
use crate::export::report::{ErrorOut, Report, SourceOut};
use crate::source::{key_of, surname_of};
use std::collections::{HashMap, HashSet};

/// Merges reports one at a time, in memory that grows with the merged report only.
#[derive(Debug, Default)]
pub struct Merger {
    report: Report,
    documents: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
    by_surname: HashMap<String, usize>,
}

impl Merger {
    /// Adds the documents, sources, claims, figures and errors of `part`; its conflicts,
    /// updates and agreements are dropped (recomputed by [`Merger::finish`]). Returns the
    /// errors the merge itself found (documents already merged), also kept in the report.
    pub fn add(&mut self, part: Report) -> Vec<ErrorOut> {
        let mut skipped: HashSet<String> = HashSet::new();
        let mut found = Vec::new();
        for d in part.documents {
            if let Some(&first) = self.documents.get(&d.id) {
                let first = &self.report.documents[first];
                let place = first.path.as_deref().unwrap_or("an earlier input");
                found.push(ErrorOut {
                    input: d.path.clone().unwrap_or_else(|| d.id.clone()),
                    line: None,
                    message: format!(
                        "duplicate document id {:?} (first in {place}): this copy is left out",
                        d.id
                    ),
                });
                skipped.insert(d.id);
                continue;
            }
            self.documents
                .insert(d.id.clone(), self.report.documents.len());
            self.report.documents.push(d);
        }
        let claims: Vec<_> = part
            .claims
            .into_iter()
            .filter(|c| !skipped.contains(&c.doc))
            .collect();
        let figures: Vec<_> = part
            .figures
            .into_iter()
            .filter(|f| !skipped.contains(&f.doc))
            .collect();
        // Sources: those the kept claims and figures use, with their parents.
        let local: HashMap<&str, &SourceOut> =
            part.sources.iter().map(|s| (s.id.as_str(), s)).collect();
        let mut used: HashSet<&str> = HashSet::new();
        let mut stack: Vec<&str> = claims
            .iter()
            .flat_map(|c| c.source.iter().chain(&c.via))
            .chain(figures.iter().flat_map(|f| f.source.iter()))
            .map(String::as_str)
            .collect();
        while let Some(id) = stack.pop() {
            if used.insert(id) {
                if let Some(p) = local.get(id).and_then(|s| s.parent.as_deref()) {
                    stack.push(p);
                }
            }
        }
        let mut map: HashMap<String, String> = HashMap::new();
        for s in part.sources.iter().filter(|s| used.contains(s.id.as_str())) {
            let i = self.intern(s);
            map.insert(s.id.clone(), self.report.sources[i].id.clone());
        }
        for s in part.sources.iter().filter(|s| used.contains(s.id.as_str())) {
            let (Some(p), Some(global)) = (&s.parent, map.get(&s.id)) else {
                continue;
            };
            let i = index(global);
            if self.report.sources[i].parent.is_none() && map.get(p) != Some(global) {
                self.report.sources[i].parent = map.get(p).cloned();
            }
        }
        let source = |id: &Option<String>| id.as_ref().and_then(|s| map.get(s).cloned());
        let (c0, f0) = (self.report.claims.len(), self.report.figures.len());
        let claim_ids: HashMap<String, String> = claims
            .iter()
            .enumerate()
            .map(|(k, c)| (c.id.clone(), format!("c{}", c0 + k + 1)))
            .collect();
        let figure_ids: HashMap<String, String> = figures
            .iter()
            .enumerate()
            .map(|(k, f)| (f.id.clone(), format!("f{}", f0 + k + 1)))
            .collect();
        for mut c in claims {
            c.id = claim_ids[&c.id].clone();
            c.source = source(&c.source);
            c.via = c.via.iter().filter_map(|v| map.get(v).cloned()).collect();
            c.figures = c
                .figures
                .iter()
                .filter_map(|f| figure_ids.get(f).cloned())
                .collect();
            self.report.claims.push(c);
        }
        for mut f in figures {
            f.id = figure_ids[&f.id].clone();
            f.claim = f.claim.as_ref().and_then(|c| claim_ids.get(c).cloned());
            f.source = source(&f.source);
            self.report.figures.push(f);
        }
        self.report.errors.extend(part.errors);
        self.report.errors.extend(found.iter().cloned());
        found
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

    /// The merged source that `s` is, created when new; returns its index.
    fn intern(&mut self, s: &SourceOut) -> usize {
        let key = key_of(&s.name);
        let single = !key.contains(' ') && key.chars().next().is_some_and(char::is_alphabetic);
        let capitalized = s
            .name
            .split_whitespace()
            .last()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        let known = self.by_key.get(&key).copied().or_else(|| {
            (single && capitalized)
                .then(|| self.by_surname.get(&key).copied())
                .flatten()
        });
        if let Some(i) = known {
            self.by_key.insert(key, i);
            let m = &mut self.report.sources[i];
            for name in std::iter::once(&s.name).chain(&s.aliases) {
                if *name != m.name && !m.aliases.contains(name) {
                    m.aliases.push(name.clone());
                }
            }
            if m.country.is_none() {
                m.country = s.country.clone();
            }
            if matches!(m.kind.as_str(), "unknown" | "person")
                && !matches!(s.kind.as_str(), "unknown" | "person")
            {
                m.kind = s.kind.clone();
            }
            return i;
        }
        let i = self.report.sources.len();
        self.report.sources.push(SourceOut {
            id: format!("s{}", i + 1),
            name: s.name.clone(),
            kind: s.kind.clone(),
            aliases: s.aliases.clone(),
            parent: None,
            country: s.country.clone(),
        });
        self.by_key.insert(key, i);
        if let Some(surname) = surname_of(&s.name) {
            self.by_surname.entry(surname).or_insert(i);
        }
        i
    }
}

/// The index of a merged source id `sN`.
fn index(id: &str) -> usize {
    id[1..].parse::<usize>().expect("merged source ids are sN") - 1
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
) -> impl Iterator<Item = Result<Report, crate::input::InputError>> + 'a {
    use crate::input::InputError;
    let err = move |line: u64, message: String| InputError {
        input: name.to_string(),
        line: Some(line),
        message,
    };
    let check = move |r: Report, line: u64| {
        if r.schema == crate::export::report::SCHEMA_V1 {
            Ok(r)
        } else {
            Err(err(
                line,
                format!(
                    "a report of schema {:?}, not {:?}",
                    r.schema,
                    crate::export::report::SCHEMA_V1
                ),
            ))
        }
    };
    let mut buf = Vec::new();
    let mut line = 0u64;
    let mut whole: Option<Box<dyn Iterator<Item = Result<Report, InputError>> + 'a>> = None;
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
            let stream = serde_json::Deserializer::from_reader(chained).into_iter::<Report>();
            let mut failed = false;
            whole = Some(Box::new(stream.map_while(move |r| {
                if failed {
                    return None;
                }
                Some(match r {
                    Ok(r) => check(r, start),
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
            Ok(r) => check(r, line),
            Err(e) => Err(err(line, format!("not a claimgraph report: {e}"))),
        });
    })
}
