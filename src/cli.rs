//! Command line -> validated options -> library calls -> output and exit code.
//!
//! Exit codes: 0 when every input was read, 1 when some inputs failed (the others are still
//! analyzed and written), 2 for usage errors and for output that could not be written.

use crate::eval;
use crate::export::compact::{document_line, report_line, write_pretty};
use crate::export::report::Report;
use crate::export::{
    build_report_with, document_part, dot, error_out, graphml, html, nodelink, tables, to_json,
    Merger,
};
use crate::graph::{filtered_view, ClaimGraph, Filter};
use crate::input::Document;
use crate::pipeline::{analyze_all, stream_items_with, Analysis, Config, Output};
use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use progress::Progress;
use std::io::Write;
use std::path::{Path, PathBuf};

mod progress;

const AFTER_HELP: &str = "\
Exit status: 0 when every input was read; 1 when some inputs could not be read (each is
reported on stderr and in the report's `errors`, and the others are still analyzed); 2 for
usage errors and output that could not be written; 130 when interrupted (Ctrl-C), leaving no
partial output file.

Progress: on a terminal, a run that reads documents shows on stderr the documents done, the
input read (MB), the rate and the time taken, with a bar and the time left when the inputs'
size is known (not for `-`); it is cleared at the end. Never in a pipe or a file, nor with
--quiet or --no-progress.

Examples:
  claimgraph analyze corpus/                      every .txt/.md file under corpus/
  claimgraph analyze articles.jsonl -o report.json
  claimgraph analyze archive/ --lossy             read Latin-1 files too, each named on stderr
  cat article.txt | claimgraph analyze -
  claimgraph analyze corpus/ --format html -o report.html   one page for people
  claimgraph analyze corpus/ --format dot | dot -Tsvg > graph.svg
  claimgraph analyze corpus/ --format graphml --measure killed -o deaths.graphml
  claimgraph extract big.jsonl > parts.jsonl      the map step: one JSON line a document
  claimgraph merge parts-*.jsonl --format node-link   the reduce step
  claimgraph figures corpus/ --measure killed      who gave which death toll
  claimgraph conflicts corpus/ --format csv       conflicts and updates for a spreadsheet
  claimgraph eval gold.jsonl --errors 20          score against gold quotes";

const EVAL_AFTER_HELP: &str = "\
Exit status: 0 when the scores were printed (warnings, if any, on stderr); 2 for usage errors
(--report naming the gold file, a lexicon that cannot be read), a gold file that cannot be
read or has a line that is not a gold document (named FILE:LINE), and output that could not be
written; 130 when interrupted (Ctrl-C).

Examples:
  claimgraph eval gold.jsonl --errors 20          the first 20 errors, then the scores
  claimgraph eval gold.jsonl --json --report report.json
  claimgraph eval gold.jsonl --gold-kinds direct,mixed --pred-kinds direct,partial
  cat gold.jsonl | claimgraph eval -";

/// Who said what in news text: quotations, their speakers and sources, as a JSON report.
#[derive(Debug, Parser)]
#[command(name = "claimgraph", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find the claims in news articles and write the report.
    ///
    /// INPUT is a text or Markdown file (one article; a first line `date YYYY-MM-DD` sets its
    /// date), a directory (every .txt and .md file below it, in sorted order), a .jsonl or
    /// .ndjson file (one article a line: `id` and `text` required; `date`, `outlet`, `title`,
    /// `url` optional), or `-` for standard input (JSONL when it starts with `{`, else one
    /// article; a file of another name is read so too). A date must be a calendar date
    /// YYYY-MM-DD: another is a warning, and the document is read without a date.
    #[command(after_help = AFTER_HELP)]
    Analyze {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        graph: GraphArgs,
    },
    /// The map step: one JSON line a document, in input order, in bounded memory.
    ///
    /// Each line is a v1 report of one document (its claims, its sources, its figures and the
    /// links among them); a line whose report has only `errors` stands for an input that could
    /// not be read. Feed the lines to `claimgraph merge` (any number of files, in any
    /// grouping: merging is associative). Documents are analyzed on all cores; memory holds
    /// one batch of documents, whatever the size of the input. See docs/scale.md.
    #[command(after_help = AFTER_HELP)]
    Extract {
        #[command(flatten)]
        common: Common,
    },
    /// The reduce step: merge `extract` lines or reports into one graph and write it.
    ///
    /// FILE is the output of `claimgraph extract` (one report a line), a report written by
    /// `analyze --format json` or `merge --format json`, or `-` for standard input. Documents
    /// keep their ids and order; sources merge by name; conflicts, updates and agreements are
    /// computed over all figures. The result is what `analyze` gives on all the documents.
    ///
    /// A line that is not a report, or whose report does not hold together (an id it refers
    /// to and does not have, a span outside its document), is an error naming FILE:LINE and is
    /// left out. A document met again is left out: a warning when it is the same line (or
    /// whole report) given again, as overlapping shards give it; an error naming both copies'
    /// FILE:LINE when it differs. See docs/scale.md.
    #[command(after_help = AFTER_HELP)]
    Merge {
        /// Extract output or reports, or `-`.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Write to FILE instead of standard output (a regular file is written whole or not at
        /// all; a device or pipe such as /dev/null is written directly).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Say nothing on stderr but errors (no summary, no progress display).
        #[arg(short, long)]
        quiet: bool,
        /// No progress display, which a terminal otherwise shows on stderr.
        #[arg(long)]
        no_progress: bool,
        #[command(flatten)]
        graph: GraphArgs,
    },
    /// Which source gave which figure: one row a figure, by measure, group and date.
    ///
    /// Columns: measure, group, value as written, interval, qualifier, source and its kind,
    /// relays, document, date, and the claim the figure stands in (its evidence).
    #[command(after_help = AFTER_HELP)]
    Figures(TableArgs),
    /// Where the figures disagree and how each count moved: conflicts and updates.
    ///
    /// A conflict: two figures of one count that cannot both hold (sources disagreeing the
    /// same day, or a cumulative count that falls). An update: a later, higher figure of the
    /// same count; each count's timeline reads top to bottom.
    #[command(after_help = AFTER_HELP)]
    Conflicts(TableArgs),
    /// Score quotation finding and attribution against a gold JSONL file.
    ///
    /// Analyzes the gold file's documents (`id`, `text`) and compares the claims found with
    /// its `quotes`, exactly as the referee scorer `score_quotes.py` does: quotes match one to
    /// one by token overlap (F1 >= 0.5; `exact` when equal after normalization), attribution is
    /// judged on matched quotes whose gold quote has a speaker.
    ///
    /// What the referee scores without a word is said on stderr as a warning (the scores stay
    /// the referee's): a gold line without `quotes` or without `text`, a document id given
    /// again (the later line counts), a gold file with no documents, a --gold-kinds kind no
    /// gold quote has, a --pred-kinds kind claimgraph never finds.
    #[command(after_help = EVAL_AFTER_HELP)]
    Eval {
        /// Gold JSONL: {"id", "text", "quotes": [{"text", "kind", "speaker", ...}]} a line;
        /// `-` reads it from standard input.
        #[arg(value_name = "GOLD.jsonl")]
        gold: PathBuf,
        /// Print the scores as JSON (the referee's `--json` shape).
        #[arg(long)]
        json: bool,
        /// Gold quote kinds to score, comma-separated (direct, mixed, indirect).
        #[arg(long, default_value = "direct", value_name = "KINDS")]
        gold_kinds: String,
        /// Predicted claim kinds to score, comma-separated (direct, partial, indirect).
        #[arg(long, default_value = "direct", value_name = "KINDS")]
        pred_kinds: String,
        /// Print the first N errors (missed, spurious, wrong speaker) before the scores.
        #[arg(long, default_value_t = 0, value_name = "N")]
        errors: usize,
        /// Also write the report that was scored to FILE.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Add or override lexicon entries from FILE (repeatable), as for `analyze`.
        #[arg(long = "lexicon", value_name = "FILE")]
        lexicons: Vec<PathBuf>,
    },
}

/// What `analyze`, `figures` and `conflicts` read, and where they write.
#[derive(Debug, Args)]
pub struct Common {
    /// Files, directories, or `-`.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// Write to FILE instead of standard output (a regular file is written whole or not at
    /// all; a device or pipe such as /dev/null is written directly).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Say nothing on stderr but errors and warnings (no summary, no progress display).
    #[arg(short, long)]
    quiet: bool,
    /// No progress display, which a terminal otherwise shows on stderr: documents done, MB
    /// read, MB/s, time taken, and a bar with the time left when the inputs' size is known.
    #[arg(long)]
    no_progress: bool,
    /// Documents larger than this many bytes are reported as errors, not analyzed.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::MAX_DOCUMENT_BYTES)]
    max_document_bytes: usize,
    /// Read text that is not valid UTF-8 with U+FFFD replacement characters instead of
    /// refusing it; each such input is named on stderr as a warning.
    #[arg(long)]
    lossy: bool,
    /// Add or override lexicon entries from FILE (repeatable); the file's name says which
    /// lexicon: *cues.tsv, *source_kinds.tsv, *capitals.tsv, *demonyms.tsv, *numbers.tsv,
    /// *measures.tsv, *groups.tsv (formats in docs/lexicons.md).
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
}

impl Common {
    fn read_options(&self) -> crate::input::ReadOptions {
        crate::input::ReadOptions {
            max_bytes: self.max_document_bytes,
            lossy: self.lossy,
        }
    }

    /// The output opened (see [`open_output`]), before anything is read.
    fn open_output(&self) -> Result<Sink> {
        open_output(self.output.as_deref(), &self.inputs, &self.lexicons)
    }

    /// The inputs opened, and the log of the run reading them (with its progress display).
    fn open(&self) -> (crate::input::Stream, Log) {
        let stream = crate::input::stream_with(&self.inputs, &self.read_options());
        let progress =
            Progress::start(self.quiet || self.no_progress, &stream.bytes_read(), || {
                crate::input::total_bytes(&self.inputs)
            });
        (stream, Log::new(self.quiet, progress))
    }
}

/// What `figures` and `conflicts` take besides the inputs.
#[derive(Debug, Args)]
pub struct TableArgs {
    #[command(flatten)]
    common: Common,
    /// Only rows of this measure: killed, injured, hospitalized, critical, arrested, missing,
    /// displaced, participants, other (repeatable, or comma-separated).
    #[arg(long, value_name = "MEASURE", value_delimiter = ',')]
    measure: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    format: TableFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Aligned columns for a terminal.
    Table,
    /// Comma-separated values with a header, for spreadsheets.
    Csv,
    /// A JSON array of rows.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The v1 JSON report (docs/report-format.md).
    Json,
    /// Graphviz DOT: render with `dot -Tsvg` or `dot -Tpng` (docs/graph.md).
    Dot,
    /// GraphML with typed attributes, for Gephi, yEd and networkx.
    Graphml,
    /// Node-link JSON, as networkx's `node_link_graph` reads it.
    NodeLink,
    /// One self-contained HTML page for people: the articles with their claims highlighted,
    /// who said what, which source gave which figure (conflicts first), and the graph (as SVG
    /// when Graphviz's `dot` is on the PATH).
    Html,
}

/// The output format and the filters of `analyze` and `merge`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// DOT only: draw each document's claims and figures inside a box of the document.
    #[arg(long)]
    cluster_documents: bool,
    /// Keep only claims (and figures) whose source has this kind: police, military,
    /// government, ministry, official, international_org, media, ngo, witness, expert,
    /// company, anonymous, person, unknown (repeatable, or comma-separated).
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    source_kind: Vec<String>,
    /// Keep only figures of this measure and the claims that state them: killed, injured,
    /// hospitalized, critical, arrested, missing, displaced, participants, other (repeatable,
    /// or comma-separated).
    #[arg(long, value_name = "MEASURE", value_delimiter = ',')]
    measure: Vec<String>,
    /// Keep only the claims and figures of this document id (repeatable).
    #[arg(long, value_name = "ID")]
    document: Vec<String>,
    /// Keep one source (id, name or alias) with its claims, their figures and relays, who
    /// speaks for it, and the figures that conflict with, agree with or update its own.
    #[arg(long, value_name = "SOURCE")]
    around: Option<String>,
}

use crate::figure::lexicon::MEASURES;

/// `--measure`'s values: an unknown measure is a usage error.
fn check_measures(measures: &[String]) -> Result<(), UsageError> {
    match measures.iter().find(|m| !MEASURES.contains(&m.as_str())) {
        Some(m) => Err(UsageError(format!(
            "--measure {m:?}: not a measure; one of {}",
            MEASURES.join(", ")
        ))),
        None => Ok(()),
    }
}
use crate::source::lexicon::KINDS as SOURCE_KINDS;

impl GraphArgs {
    /// The filter asked for; an unknown kind or measure is a usage error.
    fn filter(&self) -> Result<Filter, UsageError> {
        for k in &self.source_kind {
            if !SOURCE_KINDS.contains(&k.as_str()) {
                return Err(UsageError(format!(
                    "--source-kind {k:?}: not a source kind; one of {}",
                    SOURCE_KINDS.join(", ")
                )));
            }
        }
        check_measures(&self.measure)?;
        if self.cluster_documents && self.format != Format::Dot {
            return Err(UsageError(
                "--cluster-documents applies to --format dot only".into(),
            ));
        }
        Ok(Filter {
            source_kinds: self.source_kind.clone(),
            measures: self.measure.clone(),
            documents: self.document.clone(),
            around: self.around.clone(),
        })
    }

    /// Writes the report in the asked format, filtered, to `sink`; `texts` are the
    /// documents' texts, for HTML. JSON is written as it is serialized, from the report
    /// borrowed; the other formats are rendered whole first.
    fn write(&self, report: &Report, texts: &Texts, sink: Sink) -> Result<()> {
        if self.format == Format::Json {
            let filter = self.filter()?;
            let view = filtered_view(report, &filter).map_err(|e| UsageError(e.to_string()))?;
            // What `to_json` writes: the pretty JSON and a newline.
            return write_to(sink, |sink| {
                write_pretty(&view, sink)?;
                sink.write_all(b"\n")
            });
        }
        let body = self.render(report, texts)?;
        write_to(sink, |sink| sink.write_all(body.as_bytes()))
    }

    /// The report in the asked format, filtered; `texts` are the documents' texts, for HTML.
    fn render(&self, report: &Report, texts: &Texts) -> Result<String, UsageError> {
        let filter = self.filter()?;
        let g = ClaimGraph::filtered(report, &filter).map_err(|e| UsageError(e.to_string()))?;
        Ok(match self.format {
            // (`write` streams JSON itself and never renders it.)
            Format::Json => unreachable!("JSON is written as it is serialized"),
            Format::Dot => dot::to_dot(
                &g,
                dot::DotOptions {
                    cluster_documents: self.cluster_documents,
                },
            ),
            Format::Graphml => graphml::to_graphml(&g),
            Format::NodeLink => nodelink::to_node_link_json(&g),
            Format::Html => {
                let dot_source = dot::to_dot(&g, dot::DotOptions::default());
                let picture = html::picture(&g, &dot_source);
                html::to_html(&g, texts, &picture, &dot_source)
            }
        })
    }
}

/// A usage error found after parsing (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Runs the command line; returns the process exit code. For the binary only, once a process:
/// as the process ends next, it leaves the run's report, texts and lexicon tables unfreed
/// (`mem::forget`), which saves freeing them one by one.
pub fn run(cli: Cli) -> Result<i32> {
    clean_up_on_interrupt();
    match cli.command {
        Command::Analyze { common, graph } => {
            graph.filter()?;
            let sink = common.open_output()?;
            let html = graph.format == Format::Html;
            let (report, texts, code) = run_report_keeping(&common, html)?;
            graph.write(&report, &texts, sink)?;
            // The process ends next: freeing the report's strings one by one is wasted work.
            std::mem::forget((report, texts));
            Ok(code)
        }
        Command::Extract { common } => run_extract(&common),
        Command::Merge {
            files,
            output,
            quiet,
            no_progress,
            graph,
        } => {
            graph.filter()?;
            let sink = open_output(output.as_deref(), &files, &[])?;
            let (report, code) = run_merge(&files, quiet, no_progress)?;
            graph.write(&report, &Texts::new(), sink)?;
            Ok(code)
        }
        Command::Figures(args) => {
            check_measures(&args.measure)?;
            let sink = args.common.open_output()?;
            let (report, code) = run_report(&args.common)?;
            let rows = tables::figure_rows(&report, &args.measure);
            let body = render_rows(
                args.format,
                tables::FIGURE_HEADER,
                &rows,
                tables::figure_cells,
                60,
            );
            write_to(sink, |sink| sink.write_all(body.as_bytes()))?;
            Ok(code)
        }
        Command::Conflicts(args) => {
            check_measures(&args.measure)?;
            let sink = args.common.open_output()?;
            let (report, code) = run_report(&args.common)?;
            let rows = tables::link_rows(&report, &args.measure);
            let body = render_rows(
                args.format,
                tables::LINK_HEADER,
                &rows,
                tables::link_cells,
                70,
            );
            write_to(sink, |sink| sink.write_all(body.as_bytes()))?;
            Ok(code)
        }
        Command::Eval {
            gold,
            json,
            gold_kinds,
            pred_kinds,
            errors,
            report,
            lexicons,
        } => {
            let config = Config::with_lexicons(&lexicons)?;
            let opts = eval::EvalOptions {
                gold_kinds: eval::parse_kinds(&gold_kinds),
                pred_kinds: eval::parse_kinds(&pred_kinds),
                errors,
            };
            run_eval(&gold, &opts, json, report.as_deref(), &config)
        }
    }
}

/// Reads the inputs and builds the report; input errors go to stderr. Returns the report
/// and the exit code (1 when some inputs failed).
fn run_report(common: &Common) -> Result<(Report, i32)> {
    run_report_keeping(common, false).map(|(r, _, code)| (r, code))
}

/// [`run_report`], also keeping each document's text (by id) when `keep_texts`.
fn run_report_keeping(common: &Common, keep_texts: bool) -> Result<(Report, Texts, i32)> {
    let config = Config::with_lexicons(&common.lexicons)?;
    let mut merger = Merger::default();
    let mut texts = Texts::new();
    let (stream, mut log) = common.open();
    // Each document's part as the merge takes it: its figures not linked, its sources' keys
    // given ([`document_part`]).
    let part_of =
        |d: &Document, a: &Analysis, config: &Config| document_part(d, a, &config.sources);
    stream_items_with(stream, &config, part_of, |out| -> Result<()> {
        match out {
            Output::Report(part, text) => {
                log.documents(1);
                if keep_texts {
                    if let Some(d) = part.report.documents.first() {
                        texts.insert(d.id.clone(), text);
                    }
                }
                log.merge_errors(merger.add_part(part));
            }
            Output::Error(e) => {
                log.error(&e);
                merger.add_errors([error_out(&e)]);
            }
            Output::Warning(w) => log.warning(&w),
            Output::Skipped(s) => log.skipped(s),
        }
        Ok(())
    })?;
    let report = merger.finish();
    log.summary(&report);
    // The process ends after the command: freeing the lexicons' tables one by one is wasted
    // work (1.1 M instructions of `analyze` on dev1).
    std::mem::forget(config);
    Ok((report, texts, log.code()))
}

/// Documents' texts by id.
type Texts = std::collections::HashMap<String, String>;

/// What a run says on stderr (its messages, and its progress display until the summary),
/// and its exit code.
struct Log {
    quiet: bool,
    errors: usize,
    /// Documents read.
    read: usize,
    skipped: Vec<String>,
    progress: Progress,
}

impl Log {
    fn new(quiet: bool, progress: Progress) -> Log {
        Log {
            quiet,
            errors: 0,
            read: 0,
            skipped: Vec::new(),
            progress,
        }
    }

    /// `n` more documents done: for the progress display.
    fn documents(&mut self, n: usize) {
        self.read += n;
        self.progress.documents(n);
    }

    fn error(&mut self, e: &dyn std::fmt::Display) {
        self.errors += 1;
        self.progress
            .suspend(|| eprintln!("claimgraph: error: {e}"));
    }

    /// Data altered on reading (`--lossy`): said even with `--quiet`, and not an error.
    fn warning(&self, w: &dyn std::fmt::Display) {
        self.progress
            .suspend(|| eprintln!("claimgraph: warning: {w}"));
    }

    /// The errors a merge found (documents given twice).
    fn merge_errors(&mut self, errors: Vec<crate::export::report::ErrorOut>) {
        for e in errors {
            match e.line {
                Some(line) => self.error(&format!("{}:{line}: {}", e.input, e.message)),
                None => self.error(&format!("{}: {}", e.input, e.message)),
            }
        }
    }

    fn skipped(&mut self, name: String) {
        self.skipped.push(name);
    }

    /// The end of the run: the progress display cleared, the note on skipped files (how many
    /// of each extension, one line), and a warning when no document was read and nothing
    /// failed (even with `--quiet`: an empty directory or file is likely a mistake).
    fn notes(&mut self) {
        self.progress.finish();
        if !self.quiet && !self.skipped.is_empty() {
            // Counted in a map (a directory can hold many kinds of names), and the five most
            // common named, so that the note stays one short line.
            let mut counts: std::collections::HashMap<String, usize> = Default::default();
            for name in &self.skipped {
                let ext = Path::new(name)
                    .extension()
                    .map_or("without extension".to_string(), |e| {
                        format!(".{}", e.to_string_lossy())
                    });
                *counts.entry(ext).or_default() += 1;
            }
            let mut kinds: Vec<(String, usize)> = counts.into_iter().collect();
            kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            const SHOWN: usize = 5;
            let others: usize = kinds.iter().skip(SHOWN).map(|(_, n)| n).sum();
            let mut kinds: Vec<String> = kinds
                .iter()
                .take(SHOWN)
                .map(|(k, n)| format!("{n} {k}"))
                .collect();
            if others > 0 {
                kinds.push(format!("{others} of other kinds"));
            }
            eprintln!(
                "claimgraph: note: skipped {} file(s) that are not .txt or .md ({}; name a JSONL file to read it), e.g. {}",
                self.skipped.len(),
                kinds.join(", "),
                self.skipped[0]
            );
        }
        if self.read == 0 && self.errors == 0 {
            eprintln!("claimgraph: warning: no documents read");
        }
    }

    fn summary(&mut self, report: &Report) {
        self.notes();
        if self.quiet {
            return;
        }
        eprintln!(
            "claimgraph: {} document(s), {} claim(s), {} source(s), {} figure(s), {} conflict(s), {} update(s){}",
            report.documents.len(),
            report.claims.len(),
            report.sources.len(),
            report.figures.len(),
            report.conflicts.len(),
            report.updates.len(),
            if self.errors == 0 {
                String::new()
            } else {
                format!(", {} input error(s)", self.errors)
            }
        );
    }

    fn code(&self) -> i32 {
        i32::from(self.errors > 0)
    }
}

/// `extract`: one report line a document, written as they are made.
fn run_extract(common: &Common) -> Result<i32> {
    let mut out = common.open_output()?;
    let config = Config::with_lexicons(&common.lexicons)?;
    let (stream, mut log) = common.open();
    let (mut documents, mut claims) = (0usize, 0usize);
    // Each document's line is written by the worker that analyzed it, straight from the
    // analysis (the same bytes as `report_line` of its `document_report`).
    let made = |d: &Document, a: &Analysis, config: &Config| {
        (a.claims.len(), document_line(d, a, &config.sources))
    };
    let written = stream_items_with(stream, &config, made, |o| -> std::io::Result<()> {
        let line = match o {
            Output::Report((n, line), _) => {
                log.documents(1);
                documents += 1;
                claims += n;
                line
            }
            Output::Error(e) => {
                log.error(&e);
                report_line(&Report {
                    errors: vec![error_out(&e)],
                    ..Report::default()
                })
            }
            Output::Warning(w) => {
                log.warning(&w);
                return Ok(());
            }
            Output::Skipped(s) => {
                log.skipped(s);
                return Ok(());
            }
        };
        out.write_all(&line)
    });
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(log.code()),
        r => r.with_context(|| format!("cannot write {}", out.name()))?,
    }
    out.commit()?;
    log.notes();
    if !common.quiet {
        eprintln!("claimgraph: extracted {documents} document(s), {claims} claim(s)");
    }
    Ok(log.code())
}

/// `merge`: the reports in `files`, merged in order. A line or file that is not a report is
/// an error naming file and line; the others are merged.
fn run_merge(files: &[String], quiet: bool, no_progress: bool) -> Result<(Report, i32)> {
    let mut merger = Merger::default();
    let read = crate::input::BytesRead::default();
    let progress = Progress::start(quiet || no_progress, &read, || {
        crate::input::total_bytes(files)
    });
    let mut log = Log::new(quiet, progress);
    for name in files {
        let reader: Box<dyn std::io::BufRead> = if name == "-" {
            Box::new(std::io::BufReader::new(
                read.counting(std::io::stdin().lock()),
            ))
        } else {
            match std::fs::File::open(name) {
                Ok(f) => Box::new(std::io::BufReader::new(read.counting(f))),
                Err(e) => {
                    let e = crate::input::InputError {
                        input: name.clone(),
                        line: None,
                        message: format!("cannot read: {e}"),
                    };
                    log.error(&e);
                    merger.add_errors([error_out(&e)]);
                    continue;
                }
            }
        };
        for item in crate::graph::merge::read_reports(name, reader) {
            match item {
                Ok(r) => {
                    log.documents(r.report.documents.len());
                    let found = merger.add_from(name, r);
                    for w in &found.warnings {
                        log.warning(w);
                    }
                    log.merge_errors(found.errors);
                }
                Err(e) => {
                    log.error(&e);
                    merger.add_errors([error_out(&e)]);
                }
            }
        }
    }
    let report = merger.finish();
    log.summary(&report);
    Ok((report, log.code()))
}

fn render_rows<R: serde::Serialize>(
    format: TableFormat,
    header: &[&str],
    rows: &[R],
    cells: fn(&R) -> Vec<String>,
    width: usize,
) -> String {
    match format {
        TableFormat::Json => {
            let mut s = serde_json::to_string_pretty(rows).expect("rows serialize");
            s.push('\n');
            s
        }
        TableFormat::Csv => tables::to_csv(header, &rows.iter().map(cells).collect::<Vec<_>>()),
        TableFormat::Table => {
            tables::to_table(header, &rows.iter().map(cells).collect::<Vec<_>>(), width)
        }
    }
}

fn run_eval(
    gold: &Path,
    opts: &eval::EvalOptions,
    json: bool,
    report_to: Option<&Path>,
    config: &Config,
) -> Result<i32> {
    // The report's file is checked and opened first: a gold file it would overwrite (by any
    // path, or as standard input) is refused, and one that cannot be written is said before
    // the gold is analyzed.
    let report_sink = match report_to {
        Some(report) => {
            let gold_input = [gold.display().to_string()];
            if crate::input::input_that_is(&gold_input, report).is_some() {
                return Err(UsageError(format!(
                    "--report names the gold file {}: it would be overwritten with the report; name another file",
                    gold.display()
                ))
                .into());
            }
            Some(Sink::open(Some(report))?)
        }
        None => None,
    };
    let (gold_docs, mut notes) = if gold.as_os_str() == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
            .context("cannot read the gold from standard input")?;
        eval::gold_noting(&text, "-")?
    } else {
        eval::load_gold_noting(gold)?
    };
    notes.extend(eval::kind_notes(
        &gold_docs,
        opts,
        &gold.display().to_string(),
    ));
    for n in &notes {
        eprintln!("claimgraph: warning: {n}");
    }
    let docs: Vec<Document> = gold_docs
        .iter()
        .map(|g| Document::from_text(g.id.clone(), g.text.clone()))
        .collect();
    let claims = analyze_all(&docs, config);
    let report = build_report_with(&docs, &claims, &[], &config.sources);
    if let Some(sink) = report_sink {
        write_to(sink, |sink| sink.write_all(to_json(&report).as_bytes()))?;
    }
    let preds = eval::preds_from_report(&report, &opts.pred_kinds);
    let result = eval::score(&gold_docs, &preds, opts);
    let out = if json {
        // `print(json.dumps(...))`: the referee ends the JSON with a line break.
        eval::render_json(&result) + "\n"
    } else {
        eval::render_text(&result, opts.errors)
    };
    write_output(None, out.as_bytes())?;
    Ok(0)
}

/// Writes `bytes` to `path` through a temporary file renamed into place, or to stdout.
/// A closed stdout pipe is not an error.
fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    write_to(Sink::open(path)?, |sink| sink.write_all(bytes))
}

/// Writes what `write` writes to `sink`, and commits it. A closed stdout pipe is not an error.
fn write_to(mut sink: Sink, write: impl FnOnce(&mut Sink) -> std::io::Result<()>) -> Result<()> {
    match write(&mut sink) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        r => r.with_context(|| format!("cannot write {}", sink.name()))?,
    }
    sink.commit()
}

/// Opens the output (`-o FILE`, else standard output) before anything is read: so a FILE that
/// cannot be written is said at once, not after the whole run. A FILE that is one of the
/// `inputs` or `lexicons` (the same file, by any path; standard input redirected from it; a
/// file a directory walk would read) is a usage error: writing it would destroy the input.
fn open_output(output: Option<&Path>, inputs: &[String], lexicons: &[PathBuf]) -> Result<Sink> {
    if let Some(path) = output {
        let is_file = std::fs::metadata(path).is_ok_and(|m| m.is_file());
        let lexicons: Vec<String> = lexicons.iter().map(|l| l.display().to_string()).collect();
        let input = is_file
            .then(|| {
                crate::input::input_that_is(inputs, path)
                    .or_else(|| crate::input::input_that_is(&lexicons, path))
            })
            .flatten();
        if let Some(input) = input {
            return Err(UsageError(format!(
                "-o {} is also an input ({input}): writing it would destroy that input; write \
                 the output to another file",
                path.display()
            ))
            .into());
        }
    }
    Sink::open(output)
}

/// Where output goes: standard output, or a temporary file beside `-o FILE` that is renamed
/// into place by [`Sink::commit`] (and removed if the run ends without committing), so FILE
/// is written whole or not at all. A FILE that is not a regular file (`/dev/null`, a pipe, a
/// terminal) is written directly: renaming over it would replace the device itself.
enum Sink {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    Special(std::io::BufWriter<std::fs::File>, PathBuf),
    File {
        out: std::io::BufWriter<std::fs::File>,
        tmp: PathBuf,
        path: PathBuf,
        done: bool,
    },
}

impl Sink {
    fn open(path: Option<&Path>) -> Result<Sink> {
        let Some(path) = path else {
            return Ok(Sink::Stdout(std::io::BufWriter::new(
                std::io::stdout().lock(),
            )));
        };
        let meta = std::fs::metadata(path);
        if meta.as_ref().is_ok_and(|m| m.is_dir()) {
            // Found now, before the run, not at the rename that ends it.
            anyhow::bail!("cannot write {}: it is a directory", path.display());
        }
        let special = meta.is_ok_and(|m| !m.is_file());
        if special {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            return Ok(Sink::Special(
                std::io::BufWriter::new(file),
                path.to_path_buf(),
            ));
        }
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path.file_name().context("output path has no file name")?;
        let tmp = dir.join(format!(
            ".{}.tmp{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        // A failure names the FILE given, not the temporary file.
        let file = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot write {}", path.display()))?;
        pending().push(tmp.clone());
        Ok(Sink::File {
            out: std::io::BufWriter::new(file),
            tmp,
            path: path.to_path_buf(),
            done: false,
        })
    }

    /// Where it writes, for messages: the FILE given, or standard output.
    fn name(&self) -> String {
        match self {
            Sink::Stdout(_) => "to standard output".into(),
            Sink::Special(_, path) | Sink::File { path, .. } => path.display().to_string(),
        }
    }

    /// Flushes; renames the temporary file into place. A closed stdout pipe is not an error.
    fn commit(mut self) -> Result<()> {
        match &mut self {
            Sink::Stdout(out) => match out.flush() {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("cannot write to standard output"),
            },
            Sink::Special(out, path) => out
                .flush()
                .with_context(|| format!("cannot write {}", path.display())),
            Sink::File {
                out,
                tmp,
                path,
                done,
            } => {
                out.flush()
                    .with_context(|| format!("cannot write {}", path.display()))?;
                // Under the lock, so an interrupt either removes the file or sees it renamed.
                let mut pending = pending();
                std::fs::rename(&*tmp, &*path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                pending.retain(|p| p != tmp);
                *done = true;
                Ok(())
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::Special(out, _) => out.write(buf),
            Sink::File { out, .. } => out.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Special(out, _) => out.flush(),
            Sink::File { out, .. } => out.flush(),
        }
    }
}

/// Temporary output files not yet renamed into place: what an interrupt removes.
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// On Ctrl-C (SIGINT) or SIGTERM: remove the temporary output files, so an interrupted run
/// leaves no partial file, and exit with 130 as shells expect.
fn clean_up_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        progress::clear();
        for tmp in pending().drain(..) {
            let _ = std::fs::remove_file(tmp);
        }
        eprintln!("claimgraph: interrupted; no output written");
        std::process::exit(130);
    });
}

impl Drop for Sink {
    fn drop(&mut self) {
        if let Sink::File {
            tmp, done: false, ..
        } = self
        {
            pending().retain(|p| p != tmp);
            let _ = std::fs::remove_file(&*tmp);
        }
    }
}
