//! The run as one self-contained HTML page for people (no network, no external scripts or
//! fonts): the conflicts and the timelines of counts first, then which source gave which
//! figure, who said what, the articles with every claim highlighted in its source's colour,
//! and the graph. Semantic tables, readable without colour (kinds and kinds of claim are
//! written out) and without JavaScript (a few lines only filter tables), printable.

use super::dot::kind_colour;
use super::report::{FigureOut, Report};
use crate::graph::{figure_label, ClaimGraph};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// Text escaped for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Above this many nodes the page does not draw the graph: Graphviz's layout time grows
/// faster than the graph (447 nodes: 0.2 s; 1,733: 2.4 s; the 9,000 of 500 articles: over
/// ten minutes), and a drawing that large cannot be read in a page anyway.
pub const DRAW_LIMIT: usize = 1_000;

/// What the page shows in its Graph section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picture {
    /// The graph drawn by Graphviz, as inline SVG.
    Svg(String),
    /// Graphviz's `dot` is not on the PATH (or failed).
    NoGraphviz,
    /// The graph has more than [`DRAW_LIMIT`] nodes: not drawn.
    TooLarge { nodes: usize },
}

/// The picture of `g`: drawn from `dot_source` by Graphviz unless the graph is too large.
pub fn picture(g: &ClaimGraph, dot_source: &str) -> Picture {
    let nodes = g.graph.node_count();
    if nodes > DRAW_LIMIT {
        return Picture::TooLarge { nodes };
    }
    render_svg(dot_source).map_or(Picture::NoGraphviz, Picture::Svg)
}

/// The graph as SVG from Graphviz's `dot`, when it is on the PATH.
fn render_svg(dot_source: &str) -> Option<String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let source = dot_source.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(source.as_bytes()));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    if !out.status.success() {
        return None;
    }
    let svg = String::from_utf8(out.stdout).ok()?;
    // Inline: from the <svg> element on (no XML prolog or DOCTYPE inside HTML).
    svg.find("<svg").map(|at| svg[at..].to_string())
}

/// A `data:` URL of `text`, percent-encoded.
fn data_url(mime: &str, text: &str) -> String {
    let mut out = format!("data:{mime};charset=utf-8,");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5a5a5a; --line: #d0d0d0; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid var(--ink); }
h3 { margin-top: 1.5rem; } .muted, caption { color: var(--muted); } caption { text-align: left; caption-side: top; padding: .3rem 0; }
nav ul { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; list-style: none; padding: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.conflict td { background: #fdecea; } .badge { display: inline-block; padding: 0 .35rem; border: 1px solid var(--muted); border-radius: .3rem; font-size: .8rem; white-space: nowrap; }
.kind { font-size: .8rem; color: var(--muted); white-space: nowrap; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border: 1px solid #888; vertical-align: -.1rem; margin-right: .3rem; }
article { border: 1px solid var(--line); border-radius: .4rem; padding: .5rem 1rem 1rem; margin: 1rem 0; }
article .text { white-space: pre-wrap; font-family: Georgia, "Times New Roman", serif; font-size: 1.02rem; }
mark.claim { background: var(--c); border-bottom: 2px solid #777; padding: 0 .05rem; color: inherit; }
mark.claim.indirect { border-bottom-style: dashed; } mark.claim.partial { border-bottom-style: dotted; }
.speaker { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.figure { outline: 2px solid #b8860b; outline-offset: -1px; font-weight: 600; }
ol.timeline { margin: .2rem 0 1rem; } ol.timeline li { margin: .15rem 0; }
.filter { margin: .3rem 0; } .filter input { font: inherit; padding: .2rem .4rem; width: 20rem; max-width: 100%; }
figure.graph { overflow: auto; border: 1px solid var(--line); } figure.graph svg { max-width: none; height: auto; }
details pre { max-height: 20rem; overflow: auto; background: #f7f7f7; padding: .5rem; }
a { color: #0b57d0; } :target { outline: 3px solid #0b57d0; }
@media print { nav, .filter, details { display: none; } body { max-width: none; } a { color: inherit; } article { break-inside: avoid-page; } h2 { break-before: page; } }
"#;

const SCRIPT: &str = r#"
document.querySelectorAll("input[data-filter]").forEach(function (box) {
  var table = document.getElementById(box.getAttribute("data-filter"));
  box.addEventListener("input", function () {
    var q = box.value.toLowerCase();
    table.querySelectorAll("tbody tr").forEach(function (row) {
      row.hidden = q !== "" && row.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
});
"#;

/// Item indices grouped by the document they are in.
fn by_doc<'r>(docs: impl Iterator<Item = &'r str>) -> HashMap<&'r str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in docs.enumerate() {
        out.entry(d).or_default().push(i);
    }
    out
}

/// Ids and names the page needs, built once.
struct Index<'r> {
    report: &'r Report,
    source: HashMap<&'r str, usize>,
    figure: HashMap<&'r str, usize>,
    doc: HashMap<&'r str, usize>,
    /// Each document's claims and figures (indices, in report order).
    claims_of: HashMap<&'r str, Vec<usize>>,
    figures_of: HashMap<&'r str, Vec<usize>>,
}

impl<'r> Index<'r> {
    fn new(report: &'r Report) -> Index<'r> {
        let at = |ids: Vec<&'r str>| ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect();
        Index {
            report,
            source: at(report.sources.iter().map(|s| s.id.as_str()).collect()),
            figure: at(report.figures.iter().map(|f| f.id.as_str()).collect()),
            doc: at(report.documents.iter().map(|d| d.id.as_str()).collect()),
            claims_of: by_doc(report.claims.iter().map(|c| c.doc.as_str())),
            figures_of: by_doc(report.figures.iter().map(|f| f.doc.as_str())),
        }
    }

    /// The claims (or figures, from `of`) of document `doc`.
    fn of<'a>(of: &'a HashMap<&'r str, Vec<usize>>, doc: &str) -> &'a [usize] {
        of.get(doc).map_or(&[], Vec::as_slice)
    }

    /// "Name (kind)" of a source id, linked to its row.
    fn source_cell(&self, id: Option<&String>) -> String {
        match id.and_then(|id| self.source.get(id.as_str())) {
            Some(&i) => {
                let s = &self.report.sources[i];
                format!(
                    "<a href=\"#{}\">{}</a> <span class=\"kind\">{}</span>",
                    esc(&s.id),
                    esc(&s.name),
                    esc(&s.kind)
                )
            }
            None => "<span class=\"muted\">unattributed</span>".into(),
        }
    }

    fn doc_anchor(&self, doc: &str) -> String {
        format!("doc{}", self.doc.get(doc).copied().unwrap_or(0) + 1)
    }

    /// A figure as written, linked to its place in the text, with its source and date.
    fn figure_cell(&self, id: &str) -> String {
        let Some(&i) = self.figure.get(id) else {
            return esc(id);
        };
        let f = &self.report.figures[i];
        format!(
            "<a href=\"#{}\">{}</a> — {}{}",
            esc(&f.id),
            esc(&f.text),
            self.source_cell(f.source.as_ref()),
            f.date
                .as_deref()
                .map(|d| format!(", {}", esc(d)))
                .unwrap_or_default()
        )
    }
}

fn interval(f: &FigureOut) -> String {
    let n = |x: f64| {
        if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            x.to_string()
        }
    };
    match (f.low, f.high) {
        (Some(l), Some(h)) if l == h => n(l),
        (Some(l), Some(h)) => format!("{}–{}", n(l), n(h)),
        (Some(l), None) => format!("≥ {}", n(l)),
        (None, Some(h)) => format!("≤ {}", n(h)),
        (None, None) => String::new(),
    }
}

/// The HTML page of `g` (the kept part of a report). `texts` are the documents' texts by id
/// (articles without one are listed by their claims only); `picture` what the Graph section
/// shows ([`picture`]).
pub fn to_html(
    g: &ClaimGraph,
    texts: &HashMap<String, String>,
    picture: &Picture,
    dot_source: &str,
) -> String {
    let r = &g.view();
    let ix = Index::new(r);
    let mut out = String::new();
    let title = match r.documents.as_slice() {
        [d] => format!(
            "claimgraph: {}",
            d.title.clone().unwrap_or_else(|| d.id.clone())
        ),
        docs => format!("claimgraph: {} documents", docs.len()),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"claimgraph {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&title)
    );
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"muted\">{} document(s), {} source(s), {} claim(s), {} figure(s); \
         {} conflict(s), {} update(s), {} agreement(s){}.</p>\n",
        esc(&title),
        r.documents.len(),
        r.sources.len(),
        r.claims.len(),
        r.figures.len(),
        r.conflicts.len(),
        r.updates.len(),
        r.agreements.len(),
        if r.errors.is_empty() {
            String::new()
        } else {
            format!("; {} input error(s)", r.errors.len())
        }
    );
    out.push_str(
        "<nav aria-label=\"Sections\"><ul>\
         <li><a href=\"#disagree\">Where the figures disagree</a></li>\
         <li><a href=\"#figures\">Which source gave which figure</a></li>\
         <li><a href=\"#sources\">Who said what</a></li>\
         <li><a href=\"#articles\">Articles</a></li>\
         <li><a href=\"#graph\">Graph</a></li></ul></nav>\n</header>\n<main>\n",
    );
    disagreements(&mut out, r, &ix);
    figures(&mut out, r, &ix);
    sources(&mut out, r, &ix);
    articles(&mut out, r, &ix, texts);
    graph(&mut out, picture, dot_source);
    if !r.errors.is_empty() {
        out.push_str("<section id=\"errors\">\n<h2>Inputs that could not be read</h2>\n<ul>\n");
        for e in &r.errors {
            let _ = writeln!(
                out,
                "<li><code>{}{}</code>: {}</li>",
                esc(&e.input),
                e.line.map(|l| format!(":{l}")).unwrap_or_default(),
                esc(&e.message)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    let _ = write!(
        out,
        "</main>\n<footer><p class=\"muted\">Made by claimgraph {}: every attribution names its cue and rule (hover a claim). \
         Spans are byte offsets into each article as read.</p></footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn disagreements(out: &mut String, r: &Report, ix: &Index) {
    out.push_str("<section id=\"disagree\">\n<h2>Where the figures disagree</h2>\n");
    if r.conflicts.is_empty() {
        out.push_str("<p>No two figures on the same count contradict each other.</p>\n");
    } else {
        out.push_str(
            "<table id=\"conflicts\">\n<caption>Conflicts: two figures on the same event, measure and group that cannot both hold.</caption>\n\
             <thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Group</th><th scope=\"col\">One figure</th>\
             <th scope=\"col\">The other</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n",
        );
        for c in &r.conflicts {
            let _ = writeln!(
                out,
                "<tr class=\"conflict\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&c.measure),
                esc(c.group.as_deref().unwrap_or("")),
                ix.figure_cell(&c.figures[0]),
                ix.figure_cell(&c.figures[1]),
                esc(&c.why)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    // Timelines: per count (measure and group), every figure an update touches, by date.
    if !r.updates.is_empty() {
        out.push_str("<h3>How each count moved</h3>\n<p class=\"muted\">Updates: later figures on the same count, read top to bottom.</p>\n");
        // (measure, group) -> the figures of that count, in first-seen order of counts.
        type Count<'a> = ((&'a str, Option<&'a str>), Vec<usize>);
        let mut counts: Vec<Count> = Vec::new();
        for u in &r.updates {
            let key = (u.measure.as_str(), u.group.as_deref());
            let at = match counts.iter().position(|(k, _)| *k == key) {
                Some(at) => at,
                None => {
                    counts.push((key, Vec::new()));
                    counts.len() - 1
                }
            };
            for id in [&u.from, &u.to] {
                if let Some(&i) = ix.figure.get(id.as_str()) {
                    if !counts[at].1.contains(&i) {
                        counts[at].1.push(i);
                    }
                }
            }
        }
        for ((measure, group), mut members) in counts {
            members.sort_by_key(|&i| (r.figures[i].date.clone(), i));
            let _ = write!(
                out,
                "<p><strong>{}{}</strong></p>\n<ol class=\"timeline\">\n",
                esc(measure),
                group.map(|g| format!(", {}", esc(g))).unwrap_or_default()
            );
            for i in members {
                let _ = writeln!(out, "<li>{}</li>", ix.figure_cell(&r.figures[i].id));
            }
            out.push_str("</ol>\n");
        }
    }
    if !r.agreements.is_empty() {
        let _ = writeln!(
            out,
            "<h3>Where sources agree</h3>\n<ul>{}</ul>",
            r.agreements
                .iter()
                .map(|a| format!(
                    "<li>{} — {}</li>",
                    ix.figure_cell(&a.figures[0]),
                    ix.figure_cell(&a.figures[1])
                ))
                .collect::<String>()
        );
    }
    out.push_str("</section>\n");
}

fn figures(out: &mut String, r: &Report, ix: &Index) {
    out.push_str("<section id=\"figures\">\n<h2>Which source gave which figure</h2>\n");
    if r.figures.is_empty() {
        out.push_str("<p>No figures.</p>\n</section>\n");
        return;
    }
    let in_conflict: HashSet<&str> = r
        .conflicts
        .iter()
        .flat_map(|c| c.figures.iter().map(String::as_str))
        .collect();
    out.push_str(
        "<p class=\"filter\"><label>Filter rows: <input type=\"search\" data-filter=\"figure-table\" placeholder=\"a source, a measure, a word\"></label></p>\n\
         <table id=\"figure-table\">\n<caption>Every figure, by measure and group, then date. Rows in red are in a conflict.</caption>\n\
         <thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Group</th><th scope=\"col\">As written</th>\
         <th scope=\"col\">Interval</th><th scope=\"col\">Qualifier</th><th scope=\"col\">Source</th><th scope=\"col\">Via</th>\
         <th scope=\"col\">Document</th><th scope=\"col\">Date</th></tr></thead>\n<tbody>\n",
    );
    let claims: HashMap<&str, &super::report::ClaimOut> =
        r.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut order: Vec<&FigureOut> = r.figures.iter().collect();
    order.sort_by(|a, b| (&a.measure, &a.group, &a.date).cmp(&(&b.measure, &b.group, &b.date)));
    for f in order {
        let via = f
            .claim
            .as_deref()
            .and_then(|c| claims.get(c))
            .map(|c| {
                c.via
                    .iter()
                    .map(|v| ix.source_cell(Some(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr{}><td>{}</td><td>{}</td><td><a href=\"#{}\">{}</a>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"#{}\">{}</a></td><td>{}</td></tr>",
            if in_conflict.contains(f.id.as_str()) { " class=\"conflict\"" } else { "" },
            esc(&f.measure),
            esc(f.group.as_deref().unwrap_or("")),
            esc(&f.id),
            esc(&f.text),
            if f.status == "current" { String::new() } else { format!(" <span class=\"badge\">{}</span>", esc(&f.status)) },
            esc(&interval(f)),
            esc(&f.qualifier),
            ix.source_cell(f.source.as_ref()),
            via,
            ix.doc_anchor(&f.doc),
            esc(&f.doc),
            esc(f.date.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn sources(out: &mut String, r: &Report, ix: &Index) {
    out.push_str("<section id=\"sources\">\n<h2>Who said what</h2>\n");
    let mut claims_of: HashMap<&str, Vec<&super::report::ClaimOut>> = HashMap::new();
    for c in &r.claims {
        if let Some(s) = &c.source {
            claims_of.entry(s.as_str()).or_default().push(c);
        }
    }
    let mut figures_of: HashMap<&str, usize> = HashMap::new();
    for f in &r.figures {
        if let Some(s) = &f.source {
            *figures_of.entry(s.as_str()).or_default() += 1;
        }
    }
    out.push_str(
        "<p class=\"filter\"><label>Filter rows: <input type=\"search\" data-filter=\"source-table\" placeholder=\"a name or a kind\"></label></p>\n\
         <table id=\"source-table\">\n<caption>Every source, with the organisation it speaks for; its claims link to the text.</caption>\n\
         <thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Kind</th><th scope=\"col\">Speaks for</th><th scope=\"col\">Country</th>\
         <th scope=\"col\">Claims</th><th scope=\"col\">Figures</th><th scope=\"col\">What it said</th></tr></thead>\n<tbody>\n",
    );
    for s in &r.sources {
        let said = claims_of.get(s.id.as_str()).map_or(&[][..], Vec::as_slice);
        let list: Vec<String> = said
            .iter()
            .take(12)
            .map(|c| {
                format!(
                    "<a href=\"#{}\">{}</a>",
                    esc(&c.id),
                    esc(&crate::graph::shorten(&c.text, 60))
                )
            })
            .collect();
        let more = if said.len() > 12 {
            format!(" and {} more", said.len() - 12)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<tr id=\"{}\"><th scope=\"row\"><span class=\"swatch\" style=\"background:{}\"></span>{}{}</th><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}{}</td></tr>",
            esc(&s.id),
            kind_colour(&s.kind),
            esc(&s.name),
            if s.aliases.is_empty() { String::new() } else { format!("<br><span class=\"kind\">also: {}</span>", esc(&s.aliases.join("; "))) },
            esc(&s.kind),
            s.parent.as_ref().map(|p| ix.source_cell(Some(p))).unwrap_or_default(),
            esc(s.country.as_deref().unwrap_or("")),
            said.len(),
            figures_of.get(s.id.as_str()).copied().unwrap_or(0),
            list.join("; "),
            more
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// What a claim's highlight says on hover: source, kind, cue, rule, relays.
fn claim_title(c: &super::report::ClaimOut, r: &Report, ix: &Index) -> String {
    let name = |id: &String| {
        ix.source
            .get(id.as_str())
            .map(|&i| format!("{} ({})", r.sources[i].name, r.sources[i].kind))
            .unwrap_or_else(|| id.clone())
    };
    let mut t = format!(
        "{} claim of {}; cue: {}; rule: {}",
        c.kind,
        c.source
            .as_ref()
            .map(name)
            .unwrap_or_else(|| "no known source".into()),
        c.cue.as_deref().unwrap_or("none"),
        c.rule
    );
    if !c.via.is_empty() {
        let _ = write!(
            t,
            "; via {}",
            c.via.iter().map(name).collect::<Vec<_>>().join(", ")
        );
    }
    t
}

/// One article's text with its claims, speakers and figures marked: the text is cut at every
/// span boundary and each piece wrapped in the marks that cover it, so tags always nest.
fn marked_text(text: &str, doc: &str, r: &Report, ix: &Index) -> String {
    #[derive(Clone, Copy)]
    enum Mark {
        Claim(usize),
        Speaker(usize),
        Figure(usize),
    }
    let mut spans: Vec<(usize, usize, Mark)> = Vec::new();
    for &i in Index::of(&ix.claims_of, doc) {
        let c = &r.claims[i];
        spans.push((c.span[0], c.span[1], Mark::Claim(i)));
        if let Some(s) = &c.speaker {
            spans.push((s.span[0], s.span[1], Mark::Speaker(i)));
        }
    }
    for &i in Index::of(&ix.figures_of, doc) {
        let f = &r.figures[i];
        spans.push((f.span[0], f.span[1], Mark::Figure(i)));
    }
    let ok = |a: usize, b: usize| {
        a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
    };
    spans.retain(|&(a, b, _)| ok(a, b));
    let mut cuts: Vec<usize> = spans.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    cuts.push(0);
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    // Longer spans outside shorter ones.
    spans.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
    let mut out = String::with_capacity(text.len() * 2);
    let mut first_piece: HashSet<(usize, u8)> = HashSet::new();
    let mut active: Vec<(usize, usize, Mark)> = Vec::new();
    let mut next = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&(_, end, _)| end > a);
        while next < spans.len() && spans[next].0 <= a {
            if spans[next].1 > a {
                active.push(spans[next]);
            }
            next += 1;
        }
        active.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut close = String::new();
        for &(_, _, m) in &active {
            let (open, end) = match m {
                Mark::Claim(i) => {
                    let c = &r.claims[i];
                    let colour = c
                        .source
                        .as_ref()
                        .and_then(|s| ix.source.get(s.as_str()))
                        .map_or("#eeeeee", |&k| kind_colour(&r.sources[k].kind));
                    let id = if first_piece.insert((i, 0)) {
                        format!(" id=\"{}\"", esc(&c.id))
                    } else {
                        String::new()
                    };
                    (
                        format!(
                            "<mark class=\"claim {}\"{id} style=\"--c:{colour}\" title=\"{}\">",
                            esc(&c.kind),
                            esc(&claim_title(c, r, ix))
                        ),
                        "</mark>",
                    )
                }
                Mark::Speaker(i) => (
                    format!(
                        "<span class=\"speaker\" title=\"speaker of {}\">",
                        esc(&r.claims[i].id)
                    ),
                    "</span>",
                ),
                Mark::Figure(i) => {
                    let f = &r.figures[i];
                    let id = if first_piece.insert((i, 2)) {
                        format!(" id=\"{}\"", esc(&f.id))
                    } else {
                        String::new()
                    };
                    (
                        format!(
                            "<span class=\"figure\"{id} title=\"{}\">",
                            esc(&format!("{} [{}]", figure_label(f), interval(f)))
                        ),
                        "</span>",
                    )
                }
            };
            out.push_str(&open);
            close.insert_str(0, end);
        }
        out.push_str(&esc(&text[a..b]));
        out.push_str(&close);
    }
    out
}

fn articles(out: &mut String, r: &Report, ix: &Index, texts: &HashMap<String, String>) {
    out.push_str(
        "<section id=\"articles\">\n<h2>Articles</h2>\n<p class=\"muted\">Claims are highlighted in the colour of their source's kind \
         (solid underline: quoted; dashed: reported speech; dotted: a quoted phrase); speakers are underlined; figures are boxed. \
         Hover a highlight for its source, cue, rule and relays.</p>\n",
    );
    for d in &r.documents {
        let _ = write!(
            out,
            "<article id=\"{}\" aria-labelledby=\"{}-h\">\n<h3 id=\"{}-h\">{}</h3>\n<p class=\"muted\">{}</p>\n",
            ix.doc_anchor(&d.id),
            ix.doc_anchor(&d.id),
            ix.doc_anchor(&d.id),
            esc(d.title.as_deref().unwrap_or(&d.id)),
            esc(&[
                d.date.clone(),
                d.outlet.clone(),
                d.path.clone(),
                d.url.clone()
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "))
        );
        match texts.get(&d.id) {
            Some(text) => {
                let _ = writeln!(
                    out,
                    "<div class=\"text\">{}</div>",
                    marked_text(text, &d.id, r, ix)
                );
            }
            None => {
                out.push_str("<p class=\"muted\">(The text is not in the merged input; its claims:)</p>\n<ul>\n");
                for c in Index::of(&ix.claims_of, &d.id)
                    .iter()
                    .map(|&i| &r.claims[i])
                {
                    let _ = writeln!(
                        out,
                        "<li id=\"{}\"><mark class=\"claim {}\" title=\"{}\">{}</mark></li>",
                        esc(&c.id),
                        esc(&c.kind),
                        esc(&claim_title(c, r, ix)),
                        esc(&c.text)
                    );
                }
                out.push_str("</ul>\n");
            }
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}

fn graph(out: &mut String, picture: &Picture, dot_source: &str) {
    out.push_str("<section id=\"graph\">\n<h2>Graph</h2>\n");
    match picture {
        Picture::Svg(svg) => {
            let _ = writeln!(
                out,
                "<figure class=\"graph\">{svg}<figcaption class=\"muted\">Sources (left, coloured by kind) and their claims, \
                 the figures the claims state, and the links between figures (red: conflict; blue: update).</figcaption></figure>"
            );
        }
        Picture::NoGraphviz => out.push_str(
            "<p>The picture needs Graphviz: install it (<code>apt-get install graphviz</code>, <code>brew install graphviz</code>) \
             and run claimgraph again, or render the DOT source below with <code>dot -Tsvg</code>.</p>\n",
        ),
        Picture::TooLarge { nodes } => {
            let _ = writeln!(
                out,
                "<p>The graph has {nodes} nodes, more than the {DRAW_LIMIT} this page draws: laying it out would take \
                 minutes and the drawing could not be read. Narrow it with <code>--document</code>, <code>--around</code>, \
                 <code>--source-kind</code> or <code>--measure</code>, or render the DOT source below with \
                 <code>sfdp -Tsvg</code> (Graphviz's layout for large graphs).</p>"
            );
        }
    }
    let _ = writeln!(
        out,
        "<p><a download=\"claimgraph.dot\" href=\"{}\">Download the graph as DOT</a> (Graphviz).</p>\n\
         <details><summary>DOT source</summary><pre>{}</pre></details>\n</section>",
        esc(&data_url("text/vnd.graphviz", dot_source)),
        esc(dot_source)
    );
}
