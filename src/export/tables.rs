//! The report -> tables for people and spreadsheets: "which source gave which figure"
//! (`claimgraph figures`) and "where do the figures disagree, how did each count move"
//! (`claimgraph conflicts`), as aligned text, CSV or JSON rows.

use super::report::{ClaimOut, FigureOut, Report, SourceOut};
use serde::Serialize;
use std::collections::HashMap;

/// One row of the figures table.
#[derive(Debug, Clone, Serialize)]
pub struct FigureRow {
    pub measure: String,
    pub group: String,
    pub value: String,
    pub interval: String,
    pub qualifier: String,
    pub source: String,
    pub source_kind: String,
    pub via: String,
    pub document: String,
    pub date: String,
    pub evidence: String,
}

/// One row of the conflicts table: a conflict or an update.
#[derive(Debug, Clone, Serialize)]
pub struct LinkRow {
    pub link: String,
    pub measure: String,
    pub group: String,
    pub first: String,
    pub first_date: String,
    pub second: String,
    pub second_date: String,
    pub why: String,
}

fn interval(f: &FigureOut) -> String {
    let n = |x: f64| {
        if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x}")
        }
    };
    match (f.low, f.high) {
        (Some(l), Some(h)) if l == h => n(l),
        (Some(l), Some(h)) => format!("{}-{}", n(l), n(h)),
        (Some(l), None) => format!(">= {}", n(l)),
        (None, Some(h)) => format!("<= {}", n(h)),
        (None, None) => String::new(),
    }
}

/// The report's sources, claims and figures by id, hashed once: the tables stay linear in the
/// number of rows on a big report.
struct Lookup<'r> {
    sources: HashMap<&'r str, &'r SourceOut>,
    claims: HashMap<&'r str, &'r ClaimOut>,
    figures: HashMap<&'r str, &'r FigureOut>,
}

impl<'r> Lookup<'r> {
    fn new(report: &'r Report) -> Lookup<'r> {
        Lookup {
            sources: report.sources.iter().map(|s| (s.id.as_str(), s)).collect(),
            claims: report.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            figures: report.figures.iter().map(|f| (f.id.as_str(), f)).collect(),
        }
    }
    fn source(&self, id: Option<&String>) -> (String, String) {
        id.and_then(|id| self.sources.get(id.as_str()))
            .map_or((String::new(), String::new()), |s| {
                (s.name.clone(), s.kind.clone())
            })
    }
    fn claim(&self, id: &str) -> Option<&'r ClaimOut> {
        self.claims.get(id).copied()
    }
    fn figure(&self, id: &str) -> Option<&'r FigureOut> {
        self.figures.get(id).copied()
    }
}

/// The figures of `report` (of the measures given; all when none is), by measure, group and
/// date.
pub fn figure_rows(report: &Report, measures: &[String]) -> Vec<FigureRow> {
    let look = Lookup::new(report);
    let mut rows: Vec<FigureRow> = report
        .figures
        .iter()
        .filter(|f| measures.is_empty() || measures.contains(&f.measure))
        .map(|f| {
            let claim = f.claim.as_deref().and_then(|c| look.claim(c));
            let (source, source_kind) = look.source(f.source.as_ref());
            let via = claim
                .map(|c| {
                    c.via
                        .iter()
                        .map(|v| look.source(Some(v)).0)
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .unwrap_or_default();
            let evidence = claim.map_or_else(|| f.text.clone(), |c| c.text.clone());
            FigureRow {
                measure: f.measure.clone(),
                group: f.group.clone().unwrap_or_default(),
                value: f.text.clone(),
                interval: interval(f),
                qualifier: f.qualifier.clone(),
                source,
                source_kind,
                via,
                document: f.doc.clone(),
                date: f.date.clone().unwrap_or_default(),
                evidence,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (&a.measure, &a.group, &a.date, &a.document).cmp(&(
            &b.measure,
            &b.group,
            &b.date,
            &b.document,
        ))
    });
    rows
}

/// The conflicts and updates of `report` (of the measures given; all when none is), by measure
/// and group, each count's timeline in date order.
pub fn link_rows(report: &Report, measures: &[String]) -> Vec<LinkRow> {
    let look = Lookup::new(report);
    let said = |id: &str| {
        look.figure(id).map_or_else(String::new, |f| {
            let (name, _) = look.source(f.source.as_ref());
            if name.is_empty() {
                f.text.clone()
            } else {
                format!("{name}: {}", f.text)
            }
        })
    };
    let date = |id: &str| {
        look.figure(id)
            .and_then(|f| f.date.clone())
            .unwrap_or_default()
    };
    let mut rows: Vec<LinkRow> = report
        .conflicts
        .iter()
        .map(|c| {
            (
                "conflict",
                &c.measure,
                &c.group,
                c.figures[0].as_str(),
                c.figures[1].as_str(),
                &c.why,
            )
        })
        .chain(report.updates.iter().map(|u| {
            (
                "update",
                &u.measure,
                &u.group,
                u.from.as_str(),
                u.to.as_str(),
                &u.why,
            )
        }))
        .filter(|(_, m, ..)| measures.is_empty() || measures.contains(m))
        .map(|(link, m, g, a, b, why)| LinkRow {
            link: link.to_string(),
            measure: m.clone(),
            group: g.clone().unwrap_or_default(),
            first: said(a),
            first_date: date(a),
            second: said(b),
            second_date: date(b),
            why: why.clone(),
        })
        .collect();
    rows.sort_by(|a, b| {
        (&a.measure, &a.group, &a.first_date, &a.second_date, &a.link).cmp(&(
            &b.measure,
            &b.group,
            &b.first_date,
            &b.second_date,
            &b.link,
        ))
    });
    rows
}

/// Rows as aligned columns with a header; long cells are cut at `max` characters.
pub fn to_table(header: &[&str], rows: &[Vec<String>], max: usize) -> String {
    let cut = |s: &str| -> String {
        let s = s.replace(['\n', '\t'], " ");
        if s.chars().count() > max {
            s.chars().take(max - 1).collect::<String>() + "…"
        } else {
            s
        }
    };
    let cells: Vec<Vec<String>> =
        std::iter::once(header.iter().map(|h| h.to_uppercase()).collect())
            .chain(rows.iter().map(|r| r.iter().map(|c| cut(c)).collect()))
            .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &cells {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// Rows as CSV (RFC 4180 quoting) with a header.
pub fn to_csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let quote = |c: &str| {
        if c.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.to_string()
        }
    };
    let mut out = header.join(",");
    out.push('\n');
    for r in rows {
        out.push_str(&r.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

pub const FIGURE_HEADER: &[&str] = &[
    "measure",
    "group",
    "value",
    "interval",
    "qualifier",
    "source",
    "source_kind",
    "via",
    "document",
    "date",
    "evidence",
];
pub const LINK_HEADER: &[&str] = &[
    "link",
    "measure",
    "group",
    "first",
    "first_date",
    "second",
    "second_date",
    "why",
];

pub fn figure_cells(r: &FigureRow) -> Vec<String> {
    vec![
        r.measure.clone(),
        r.group.clone(),
        r.value.clone(),
        r.interval.clone(),
        r.qualifier.clone(),
        r.source.clone(),
        r.source_kind.clone(),
        r.via.clone(),
        r.document.clone(),
        r.date.clone(),
        r.evidence.clone(),
    ]
}

pub fn link_cells(r: &LinkRow) -> Vec<String> {
    vec![
        r.link.clone(),
        r.measure.clone(),
        r.group.clone(),
        r.first.clone(),
        r.first_date.clone(),
        r.second.clone(),
        r.second_date.clone(),
        r.why.clone(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_tables_align() {
        let rows = vec![
            vec!["a,b".to_string(), "say \"hi\"".to_string()],
            vec!["c".into(), "d".into()],
        ];
        assert_eq!(
            to_csv(&["x", "y"], &rows),
            "x,y\n\"a,b\",\"say \"\"hi\"\"\"\nc,d\n"
        );
        let t = to_table(&["x", "y"], &rows, 20);
        assert_eq!(t, "X    Y\na,b  say \"hi\"\nc    d\n");
        let t = to_table(&["x"], &[vec!["abcdefgh".into()]], 5);
        assert!(t.ends_with("abcd…\n"));
    }
}
