//! The claim graph as node-link JSON: the shape networkx's `node_link_graph` reads (`nodes`
//! with `id`, `links` with `source`, `target` and `key`; a directed multigraph).

use crate::graph::{Attr, ClaimGraph};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

fn value(a: &Attr) -> Value {
    match a {
        Attr::Str(s) => Value::from(s.clone()),
        Attr::Int(i) => Value::from(*i),
        Attr::Float(x) => Value::from(*x),
    }
}

/// The node-link JSON value of `g`.
pub fn to_node_link(g: &ClaimGraph) -> Value {
    let nodes: Vec<Value> = g
        .graph
        .node_indices()
        .map(|n| {
            let mut m = Map::new();
            m.insert("id".into(), Value::from(g.node_id(g.graph[n])));
            for (k, v) in g.node_attrs(g.graph[n]) {
                m.insert(k.into(), value(&v));
            }
            Value::Object(m)
        })
        .collect();
    let mut keys: HashMap<(usize, usize), usize> = HashMap::new();
    let links: Vec<Value> = g
        .graph
        .edge_indices()
        .map(|e| {
            let (a, b) = g.graph.edge_endpoints(e).expect("edges have ends");
            let key = keys.entry((a.index(), b.index())).or_insert(0);
            let mut m = Map::new();
            m.insert("source".into(), Value::from(g.node_id(g.graph[a])));
            m.insert("target".into(), Value::from(g.node_id(g.graph[b])));
            m.insert("key".into(), Value::from(*key));
            *key += 1;
            for (k, v) in g.edge_attrs(g.graph[e]) {
                m.insert(k.into(), value(&v));
            }
            Value::Object(m)
        })
        .collect();
    json!({
        "directed": true,
        "multigraph": true,
        "graph": { "name": "claimgraph", "schema": g.report.schema },
        "nodes": nodes,
        "links": links,
    })
}

/// [`to_node_link`] as pretty JSON with a final newline.
pub fn to_node_link_json(g: &ClaimGraph) -> String {
    let mut s = serde_json::to_string_pretty(&to_node_link(g)).expect("JSON values serialize");
    s.push('\n');
    s
}
