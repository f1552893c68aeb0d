//! The claim graph as GraphML (Gephi, yEd, networkx `read_graphml`): typed attribute keys
//! declared once, nulls left out, XML escaped.

use crate::graph::{Attr, ClaimGraph};
use std::fmt::Write;

/// Text escaped for XML 1.0: markup characters as entities, characters XML cannot hold dropped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

fn attr_type(a: &Attr) -> &'static str {
    match a {
        Attr::Str(_) => "string",
        Attr::Int(_) => "long",
        Attr::Float(_) => "double",
    }
}

fn attr_text(a: &Attr) -> String {
    match a {
        Attr::Str(s) => xml_escape(s),
        Attr::Int(i) => i.to_string(),
        Attr::Float(x) => format!("{x:?}"),
    }
}

/// The GraphML text of `g`.
pub fn to_graphml(g: &ClaimGraph) -> String {
    let nodes: Vec<_> = g.graph.node_indices().collect();
    let edges: Vec<_> = g.graph.edge_indices().collect();
    let node_attrs: Vec<_> = nodes.iter().map(|&n| g.node_attrs(g.graph[n])).collect();
    let edge_attrs: Vec<_> = edges.iter().map(|&e| g.edge_attrs(g.graph[e])).collect();
    // Keys in first-seen order.
    let mut keys: Vec<(&str, &str, &str)> = Vec::new();
    for (domain, attrs) in [("node", &node_attrs), ("edge", &edge_attrs)] {
        for list in attrs.iter() {
            for (k, v) in list {
                if !keys.iter().any(|(d, name, _)| *d == domain && name == k) {
                    keys.push((domain, k, attr_type(v)));
                }
            }
        }
    }
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (domain, name, ty) in &keys {
        let _ = writeln!(
            out,
            "  <key id=\"{}_{name}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>",
            &domain[..1]
        );
    }
    out.push_str("  <graph id=\"claimgraph\" edgedefault=\"directed\">\n");
    for (n, attrs) in nodes.iter().zip(&node_attrs) {
        let _ = write!(
            out,
            "    <node id=\"{}\">",
            xml_escape(&g.node_id(g.graph[*n]))
        );
        for (k, v) in attrs {
            let _ = write!(out, "<data key=\"n_{k}\">{}</data>", attr_text(v));
        }
        out.push_str("</node>\n");
    }
    for (k, (e, attrs)) in edges.iter().zip(&edge_attrs).enumerate() {
        let (a, b) = g.graph.edge_endpoints(*e).expect("edges have ends");
        let _ = write!(
            out,
            "    <edge id=\"e{k}\" source=\"{}\" target=\"{}\">",
            xml_escape(&g.node_id(g.graph[a])),
            xml_escape(&g.node_id(g.graph[b]))
        );
        for (name, v) in attrs {
            let _ = write!(out, "<data key=\"e_{name}\">{}</data>", attr_text(v));
        }
        out.push_str("</edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(xml_escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
