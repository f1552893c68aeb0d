//! Command line -> validated options -> library calls -> output and exit code.
//!
//! Exit codes: 0 when every input was read, 1 when some inputs failed (the others are still
//! analyzed and written), 2 for usage errors and for output that could not be written.

use crate::eval;
use crate::export::report::Report;
use crate::export::{build_report_with, tables, to_json};
use crate::input::{read_inputs_with, Document};
use crate::pipeline::{analyze_all, Config};
use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

const AFTER_HELP: &str = "\
Exit status: 0 when every input was read; 1 when some inputs could not be read (each is
reported on stderr and in the report's `errors`, and the others are still analyzed); 2 for
usage errors and output that could not be written.

Examples:
  claimgraph analyze corpus/                      every .txt/.md file under corpus/
  claimgraph analyze articles.jsonl -o report.json
  cat article.txt | claimgraph analyze -
  claimgraph figures corpus/ --measure killed      who gave which death toll
  claimgraph conflicts corpus/ --format csv       conflicts and updates for a spreadsheet
  claimgraph eval gold.jsonl --errors 20          score against gold quotes";

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
    /// date), a directory (every .txt and .md file below it, in sorted order), a JSONL file
    /// (one article a line: `id` and `text` required; `date`, `outlet`, `title`, `url`
    /// optional), or `-` for standard input (JSONL when it starts with `{`, else one article).
    #[command(after_help = AFTER_HELP)]
    Analyze {
        #[command(flatten)]
        common: Common,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
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
    Eval {
        /// Gold JSONL: {"id", "text", "quotes": [{"text", "kind", "speaker", ...}]} a line.
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
    /// Write to FILE instead of standard output (written whole or not at all).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Say nothing on stderr but errors.
    #[arg(short, long)]
    quiet: bool,
    /// Documents larger than this many bytes are reported as errors, not analyzed.
    #[arg(long, value_name = "BYTES", default_value_t = crate::input::MAX_DOCUMENT_BYTES)]
    max_document_bytes: usize,
    /// Add or override lexicon entries from FILE (repeatable); the file's name says which
    /// lexicon: *cues.tsv, *source_kinds.tsv, *capitals.tsv, *demonyms.tsv, *numbers.tsv,
    /// *measures.tsv, *groups.tsv (formats in docs/lexicons.md).
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicons: Vec<PathBuf>,
}

/// What `figures` and `conflicts` take besides the inputs.
#[derive(Debug, Args)]
pub struct TableArgs {
    #[command(flatten)]
    common: Common,
    /// Only rows of this measure (killed, injured, hospitalized, critical, arrested, missing,
    /// displaced, participants, other).
    #[arg(long, value_name = "MEASURE")]
    measure: Option<String>,
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
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Analyze { common, format } => {
            let (report, code) = run_report(&common)?;
            let body = match format {
                Format::Json => to_json(&report),
            };
            write_output(common.output.as_deref(), body.as_bytes())?;
            Ok(code)
        }
        Command::Figures(args) => {
            let (report, code) = run_report(&args.common)?;
            let rows = tables::figure_rows(&report, args.measure.as_deref());
            let body = render_rows(
                args.format,
                tables::FIGURE_HEADER,
                &rows,
                tables::figure_cells,
                60,
            );
            write_output(args.common.output.as_deref(), body.as_bytes())?;
            Ok(code)
        }
        Command::Conflicts(args) => {
            let (report, code) = run_report(&args.common)?;
            let rows = tables::link_rows(&report, args.measure.as_deref());
            let body = render_rows(
                args.format,
                tables::LINK_HEADER,
                &rows,
                tables::link_cells,
                70,
            );
            write_output(args.common.output.as_deref(), body.as_bytes())?;
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
    let config = Config::with_lexicons(&common.lexicons)?;
    let read = read_inputs_with(&common.inputs, common.max_document_bytes);
    for e in &read.errors {
        eprintln!("claimgraph: error: {e}");
    }
    if !common.quiet && !read.skipped.is_empty() {
        eprintln!(
            "claimgraph: note: skipped {} file(s) that are not .txt or .md (name a .jsonl file to read it), e.g. {}",
            read.skipped.len(),
            read.skipped[0]
        );
    }
    let analyses = analyze_all(&read.documents, &config);
    let report = build_report_with(&read.documents, &analyses, &read.errors, &config.sources);
    if !common.quiet {
        eprintln!(
            "claimgraph: {} document(s), {} claim(s), {} source(s), {} figure(s), {} conflict(s), {} update(s){}",
            report.documents.len(),
            report.claims.len(),
            report.sources.len(),
            report.figures.len(),
            report.conflicts.len(),
            report.updates.len(),
            if read.errors.is_empty() {
                String::new()
            } else {
                format!(", {} input error(s)", read.errors.len())
            }
        );
    }
    Ok((report, if read.errors.is_empty() { 0 } else { 1 }))
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
    let gold_docs = eval::load_gold(gold)?;
    let docs: Vec<Document> = gold_docs
        .iter()
        .map(|g| Document::from_text(g.id.clone(), g.text.clone()))
        .collect();
    let claims = analyze_all(&docs, config);
    let report = build_report_with(&docs, &claims, &[], &config.sources);
    if let Some(path) = report_to {
        write_output(Some(path), to_json(&report).as_bytes())?;
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
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|_| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("cannot write to standard output"),
            }
        }
        Some(path) => {
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
            std::fs::write(&tmp, bytes)
                .with_context(|| format!("cannot write {}", tmp.display()))?;
            std::fs::rename(&tmp, path).with_context(|| {
                let _ = std::fs::remove_file(&tmp);
                format!("cannot write {}", path.display())
            })
        }
    }
}
