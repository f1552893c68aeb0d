//! The claim graph as DOT for Graphviz: shapes by node type, colours by source kind, conflicts
//! in bold red, labels escaped and shortened with the full text in a tooltip, optionally one
//! cluster per document. Render with `dot -Tsvg` (tooltips show on hover) or `dot -Tpng`.

use crate::graph::{figure_label, shorten, ClaimGraph, Edge, Node};
use std::fmt::Write;

/// How to draw the graph.
#[derive(Debug, Clone, Copy, Default)]
pub struct DotOptions {
    /// Draw each document's claims and figures inside a box of the document.
    pub cluster_documents: bool,
}

/// The fill colour of a source of `kind` (and the legend's).
pub fn kind_colour(kind: &str) -> &'static str {
    match kind {
        "police" => "#9ecae1",
        "military" => "#6baed6",
        "government" => "#fdae6b",
        "ministry" => "#fdd0a2",
        "official" => "#fee6ce",
        "international_org" => "#c7e9c0",
        "media" => "#dadaeb",
        "ngo" => "#a1d99b",
        "witness" => "#fcbba1",
        "expert" => "#d9f0a3",
        "company" => "#bcbddc",
        "anonymous" => "#d9d9d9",
        "person" => "#ffffcc",
        _ => "#f0f0f0",
    }
}

/// A DOT double-quoted string: backslashes, quotes and line breaks escaped, other control
/// characters dropped.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A label of several lines, each escaped.
fn lines(parts: &[&str]) -> String {
    let quoted: Vec<String> = parts.iter().map(|p| quoted(p)).collect();
    let inner: Vec<&str> = quoted.iter().map(|q| &q[1..q.len() - 1]).collect();
    format!("\"{}\"", inner.join("\\n"))
}

/// The DOT text of `g`.
pub fn to_dot(g: &ClaimGraph, opts: DotOptions) -> String {
    let r = g.report;
    let mut out = String::new();
    let count = |t: &str| {
        g.graph
            .node_weights()
            .filter(|n| n.type_name() == t)
            .count()
    };
    let title = format!(
        "claimgraph: {} document(s), {} source(s), {} claim(s), {} figure(s)",
        count("document"),
        count("source"),
        count("claim"),
        count("figure")
    );
    out.push_str("digraph claimgraph {\n");
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, label={}, \
         nodesep=0.2, ranksep=0.7, tooltip={}];",
        quoted(&title),
        quoted(&title)
    );
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10, penwidth=0.8];\n");
    out.push_str(
        "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#808080\", arrowsize=0.6];\n",
    );
    let doc_dates: std::collections::HashMap<&str, Option<&String>> = r
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.date.as_ref()))
        .collect();
    let node_line = |n: Node| -> String {
        let id = quoted(&g.node_id(n));
        match n {
            Node::Document(i) => {
                let d = &r.documents[i];
                // A path's file name says enough; the full path is in the tooltip.
                let name = d
                    .title
                    .as_deref()
                    .unwrap_or_else(|| d.id.rsplit(['/', '\\']).next().unwrap_or(&d.id));
                let meta: Vec<&str> = [d.date.as_deref(), d.outlet.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                let tip = format!(
                    "document {}{}{}",
                    d.id,
                    d.path
                        .as_deref()
                        .map(|p| format!("\n{p}"))
                        .unwrap_or_default(),
                    d.url
                        .as_deref()
                        .map(|u| format!("\n{u}"))
                        .unwrap_or_default()
                );
                format!(
                    "{id} [shape=folder, style=filled, fillcolor=\"#f5f5f5\", label={}, tooltip={}];",
                    lines(&[&shorten(name, 40), &meta.join(" · ")]),
                    quoted(&tip)
                )
            }
            Node::Source(i) => {
                let s = &r.sources[i];
                let mut tip = format!("{} ({})", s.name, s.kind);
                if let Some(c) = &s.country {
                    let _ = write!(tip, "\ncountry: {c}");
                }
                if !s.aliases.is_empty() {
                    let _ = write!(tip, "\nalso: {}", s.aliases.join("; "));
                }
                format!(
                    "{id} [shape=box, style=\"rounded,filled\", fillcolor=\"{}\", label={}, tooltip={}];",
                    kind_colour(&s.kind),
                    lines(&[&shorten(&s.name, 32), &s.kind]),
                    quoted(&tip)
                )
            }
            Node::Claim(i) => {
                let c = &r.claims[i];
                let mut tip = format!("{} claim: {}\nrule: {}", c.kind, c.text, c.rule);
                if let Some(cue) = &c.cue {
                    let _ = write!(tip, "; cue: {cue}");
                }
                if let Some(s) = &c.speaker {
                    let _ = write!(tip, "; speaker: {}", s.text);
                }
                let text = match c.kind.as_str() {
                    "indirect" => shorten(&c.text, 48),
                    _ => format!("“{}”", shorten(&c.text, 46)),
                };
                let style = if c.kind == "indirect" {
                    "dashed"
                } else {
                    "solid"
                };
                format!(
                    "{id} [shape=note, style={style}, label={}, tooltip={}];",
                    lines(&[&text, &c.kind]),
                    quoted(&tip)
                )
            }
            Node::Figure(i) => {
                let f = &r.figures[i];
                let interval = match (f.low, f.high) {
                    (Some(l), Some(h)) if l == h => format!("= {l}"),
                    (l, h) => format!(
                        "[{}, {}]",
                        l.map_or("…".into(), |x| x.to_string()),
                        h.map_or("…".into(), |x| x.to_string())
                    ),
                };
                let tip = format!(
                    "{}: {} ({}, {interval}){}{}\nstatus: {}",
                    f.measure,
                    f.text,
                    f.qualifier,
                    f.group
                        .as_deref()
                        .map(|g| format!("\ngroup: {g}"))
                        .unwrap_or_default(),
                    f.date
                        .as_deref()
                        .map(|d| format!("\ngiven on {d}"))
                        .unwrap_or_default(),
                    f.status
                );
                let style = if f.status == "current" {
                    "filled"
                } else {
                    "filled,dashed"
                };
                // The day it was given, when it is not its document's.
                let doc_date = doc_dates.get(f.doc.as_str()).copied().flatten();
                let label = match &f.date {
                    Some(d) if Some(d) != doc_date => format!("{}\nas of {d}", figure_label(f)),
                    _ => figure_label(f),
                };
                format!(
                    "{id} [shape=box, style=\"{style}\", fillcolor=\"#fff2b3\", label={}, tooltip={}];",
                    lines(&label.split('\n').collect::<Vec<_>>()),
                    quoted(&tip)
                )
            }
        }
    };
    let nodes: Vec<Node> = g.graph.node_weights().copied().collect();
    if opts.cluster_documents {
        // Each document's claims and figures, gathered in one pass (in node order).
        let mut members: std::collections::HashMap<&str, Vec<Node>> = Default::default();
        for &n in &nodes {
            let doc = match n {
                Node::Claim(i) => &r.claims[i].doc,
                Node::Figure(i) => &r.figures[i].doc,
                _ => continue,
            };
            members.entry(doc.as_str()).or_default().push(n);
        }
        for (k, &d) in nodes.iter().enumerate() {
            let Node::Document(di) = d else { continue };
            let doc = &r.documents[di].id;
            let _ = writeln!(out, "  subgraph {} {{", quoted(&format!("cluster_{k}")));
            let _ = writeln!(
                out,
                "    style=\"rounded\"; color=\"#b0b0b0\"; label={};",
                quoted(&shorten(doc, 60))
            );
            let _ = writeln!(out, "    {}", node_line(d));
            for &n in members.get(doc.as_str()).map_or(&[][..], Vec::as_slice) {
                let _ = writeln!(out, "    {}", node_line(n));
            }
            out.push_str("  }\n");
        }
        for &n in &nodes {
            if matches!(n, Node::Source(_)) {
                let _ = writeln!(out, "  {}", node_line(n));
            }
        }
    } else {
        for &n in &nodes {
            let _ = writeln!(out, "  {}", node_line(n));
        }
    }
    // Links between figures do not pull the ranks together, except across clusters, where
    // Graphviz's `dot` fails on unconstrained edges ("trouble in init_rank").
    let free = if opts.cluster_documents {
        ""
    } else {
        ", constraint=false"
    };
    // An unconstrained edge's label is placed after the layout (`xlabel`): as a `label` it
    // becomes a node of its own, which Graphviz 2.43's spline router can fail to route
    // ("Unable to reclaim box space in spline routing").
    let lab = if opts.cluster_documents {
        "label"
    } else {
        "xlabel"
    };
    for e in g.graph.edge_indices() {
        let (a, b) = g.graph.edge_endpoints(e).expect("edges have ends");
        let w = g.graph[e];
        let style = match w {
            Edge::Said => "color=\"#404040\"".to_string(),
            Edge::Relayed => "label=\"relayed\", color=\"#6a3d9a\", fontcolor=\"#6a3d9a\", style=bold".into(),
            Edge::SpeaksFor => "label=\"speaks for\", style=dashed".into(),
            Edge::States => "color=\"#b8860b\"".into(),
            Edge::AppearsIn => "style=dotted, arrowhead=none, color=\"#c0c0c0\"".into(),
            Edge::Conflicts(i) => format!(
                "{lab}=\"CONFLICT\", color=\"#d62728\", fontcolor=\"#d62728\", penwidth=3, dir=both{free}, tooltip={}",
                quoted(&r.conflicts[i].why)
            ),
            Edge::Agrees(i) => format!(
                "{lab}=\"agrees\", color=\"#2ca02c\", fontcolor=\"#2ca02c\", style=dashed, dir=none{free}, tooltip={}",
                quoted(&r.agreements[i].why)
            ),
            Edge::Updates(i) => format!(
                "label=\"update\", color=\"#1f77b4\", fontcolor=\"#1f77b4\", penwidth=1.5, tooltip={}",
                quoted(&r.updates[i].why)
            ),
        };
        let _ = writeln!(
            out,
            "  {} -> {} [{style}];",
            quoted(&g.node_id(g.graph[a])),
            quoted(&g.node_id(g.graph[b]))
        );
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_dot_reads() {
        assert_eq!(quoted(r#"a "b" \n"#), r#""a \"b\" \\n""#);
        assert_eq!(quoted("two\nlines\u{7}"), r#""two\nlines""#);
        assert_eq!(lines(&["“x”", "y\\"]), r#""“x”\ny\\""#);
    }
}
