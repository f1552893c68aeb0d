//! One document -> its claims: normalize, segment, find quotes, attribute; spans mapped back to
//! the text as read. Documents are independent, so a batch runs in parallel (rayon) and keeps
//! input order.

use crate::attribute::{attribute_quotes_in, Claim};
use crate::figure::{find_figures_with, Figure, FigureLexicon};
use crate::input::{Document, Normalized};
use crate::lexicon::{Cues, LexiconError, TextWords, WordHeads};
use crate::quote::{find_quotes_into, Quote};
use crate::segment::{paragraphs_into, Marks, Sentences};
use crate::source::SourceLexicon;
use crate::span::Span;
use rayon::prelude::*;

/// The lexicons a run uses: the built-in ones, extended by the user's.
#[derive(Debug, Clone)]
pub struct Config {
    pub cues: Cues,
    pub sources: SourceLexicon,
    pub figures: FigureLexicon,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            // Built here, not cloned from the statics `CUES` and `FIGURES`: a run needs only
            // its own copy.
            cues: Cues::builtin(),
            sources: SourceLexicon::builtin(),
            figures: FigureLexicon::builtin(),
        }
    }
}

/// A user lexicon file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}: cannot read: {1}")]
    Read(String, std::io::Error),
    /// The file, the line and the byte offset of the first byte that is not UTF-8.
    #[error("{0}:{1}: not valid UTF-8 at byte offset {2}")]
    NotUtf8(String, usize, usize),
    #[error(
        "{0}: cannot tell which lexicon this file extends: its name must end in cues.tsv, \
         source_kinds.tsv, capitals.tsv, demonyms.tsv, numbers.tsv, measures.tsv or groups.tsv \
         (see docs/lexicons.md)"
    )]
    UnknownLexicon(String),
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
}

impl Config {
    /// The built-in lexicons extended (or overridden, entry by entry) by the user's files; the
    /// lexicon a file extends is told by the end of its name (`my_cues.tsv`, ...).
    pub fn with_lexicons(files: &[std::path::PathBuf]) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        for path in files {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| ConfigError::Read(name.clone(), e))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
                ConfigError::NotUtf8(name.clone(), line, at)
            })?;
            let file = path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            if file.ends_with("cues.tsv") {
                config.cues.extend(&name, &text)?;
            } else if file.ends_with("source_kinds.tsv") {
                config.sources.extend_kinds(&name, &text)?;
            } else if file.ends_with("capitals.tsv") {
                config.sources.extend_capitals(&name, &text)?;
            } else if file.ends_with("demonyms.tsv") {
                config.sources.extend_demonyms(&name, &text)?;
            } else if file.ends_with("numbers.tsv") {
                config.figures.extend_numbers(&name, &text)?;
            } else if file.ends_with("measures.tsv") {
                config.figures.extend_measures(&name, &text)?;
            } else if file.ends_with("groups.tsv") {
                config.figures.extend_groups(&name, &text)?;
            } else {
                return Err(ConfigError::UnknownLexicon(name));
            }
        }
        Ok(config)
    }
}

/// What one document yields: its claims and figures, spans into `doc.text` exactly as read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub claims: Vec<Claim>,
    pub figures: Vec<Figure>,
    /// The country the document is about (its title and lead): the event its figures count.
    pub event: Option<String>,
}

/// A document's paragraphs, sentences and quotations: lists a thread keeps from document to
/// document, so their buffers are allocated once.
#[derive(Default)]
struct Scratch {
    marks: Marks,
    paras: Vec<Span>,
    sentences: Sentences,
    quotes: Vec<Quote>,
    words: TextWords,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

/// The claims and figures of one document.
pub fn analyze_document(doc: &Document, config: &Config) -> Analysis {
    analyze_in_run(doc, config, &pre_test_heads(config))
}

/// The words both sentence pre-tests look up (reported speech's and the figures'), kept by
/// the scan of each document's words ([`TextWords`]): made once for a run of documents.
fn pre_test_heads(config: &Config) -> WordHeads {
    let [cues, extra] = crate::attribute::pre_test_heads(&config.cues);
    WordHeads::of(&[cues, extra, config.figures.pre_test_heads()])
}

/// [`analyze_document`] in a run, with its [`pre_test_heads`].
fn analyze_in_run(doc: &Document, config: &Config, heads: &WordHeads) -> Analysis {
    // Taken and put back (not borrowed), so a nested call would only start afresh.
    let mut scratch = SCRATCH.take();
    let analysis = analyze_with(doc, config, heads, &mut scratch);
    SCRATCH.set(scratch);
    analysis
}

fn analyze_with(
    doc: &Document,
    config: &Config,
    heads: &WordHeads,
    scratch: &mut Scratch,
) -> Analysis {
    let norm = Normalized::new(&doc.text);
    let text: &str = &norm.text;
    let body = crate::input::date_header(text).map_or(0, |(_, end)| end);
    let Scratch {
        marks,
        paras,
        sentences,
        quotes,
        words,
    } = scratch;
    // The line breaks, sentence ends and quote marks found in one pass for the three.
    marks.fill(text);
    paragraphs_into(text, body, marks, paras);
    if paras.is_empty() {
        return Analysis::default();
    }
    let paras: &[Span] = paras;
    sentences.split(text, paras, marks);
    // The words of the sentences, for both sentence pre-tests: one scan of the text.
    words.scan(text, sentences.all(), heads);
    find_quotes_into(text, paras, marks, quotes);
    let mut claims = attribute_quotes_in(text, paras, sentences, quotes, &config.cues, words);
    for c in &mut claims {
        c.content = norm.original_span(c.content);
        c.speaker = c.speaker.map(|s| norm.original_span(s));
        c.cue = c.cue.map(|s| norm.original_span(s));
        c.antecedent = c.antecedent.map(|s| norm.original_span(s));
        for v in &mut c.via {
            *v = norm.original_span(*v);
        }
        if let Some(q) = &mut c.quote {
            q.open = norm.original_span(q.open);
            q.close = q.close.map(|s| norm.original_span(s));
            q.content = c.content;
        }
    }
    let mut figures = find_figures_with(&config.figures, text, sentences.all(), words);
    for f in &mut figures {
        f.span = norm.original_span(f.span);
    }
    // The title and the first three paragraphs, without a `Vec` a document.
    let mut lead = [""; 4];
    let mut n = 0;
    for piece in doc
        .title
        .iter()
        .map(String::as_str)
        .chain(paras.iter().take(3).map(|&p| &text[p]))
    {
        lead[n] = piece;
        n += 1;
    }
    let event = config.sources.main_country(&lead[..n]);
    Analysis {
        claims,
        figures,
        event,
    }
}

/// Every document's claims and figures, in input order, using all cores.
pub fn analyze_all(docs: &[Document], config: &Config) -> Vec<Analysis> {
    let heads = pre_test_heads(config);
    docs.par_iter()
        .map(|d| analyze_in_run(d, config, &heads))
        .collect()
}

/// What a streamed run yields, in input order: a document's report as `R` (the report itself,
/// or what [`stream_items_with`] made of the document and its analysis).
#[derive(Debug)]
pub enum Output<R = Box<crate::export::report::Report>> {
    /// The report of one document ([`crate::export::document_report`]).
    /// With the document's text, for outputs that show it (the HTML page).
    Report(R, String),
    /// An input that could not be read (already counted in no report).
    Error(crate::input::InputError),
    /// A document read with replacement characters (`--lossy`); its report comes next.
    Warning(crate::input::InputError),
    /// A file of a directory that is not an article (.txt, .md).
    Skipped(String),
}

/// Documents are analyzed in parallel batches of about this much text.
pub const BATCH_BYTES: usize = 4 << 20;
/// ... and at most this many documents.
pub const BATCH_DOCUMENTS: usize = 1024;

/// Reads `inputs` ([`crate::input::stream_with`]) one document at a time and hands each
/// document's report (or input error, or warning) to `each`, in input order. Batches of
/// documents are analyzed on all cores, so memory holds one batch ([`BATCH_BYTES`]) whatever
/// the input size. Stops at the first error of `each`.
pub fn stream_reports<E>(
    inputs: &[String],
    options: &crate::input::ReadOptions,
    config: &Config,
    each: impl FnMut(Output) -> Result<(), E>,
) -> Result<(), E> {
    stream_items(crate::input::stream_with(inputs, options), config, each)
}

/// [`stream_reports`] of a stream already opened (say, to watch its
/// [`crate::input::Stream::bytes_read`]), or of any items.
pub fn stream_items<E>(
    items: impl Iterator<Item = crate::input::Item>,
    config: &Config,
    each: impl FnMut(Output) -> Result<(), E>,
) -> Result<(), E> {
    let report = |d: &Document, a: &Analysis, config: &Config| {
        Box::new(crate::export::document_report(d, a, &config.sources))
    };
    stream_items_with(items, config, report, each)
}

/// [`stream_items`], each document's result made by `make` from the document and its
/// analysis on the thread that analyzed it (say, its report, or its report's line written
/// straight from the analysis: [`crate::export::compact::document_line`]).
pub fn stream_items_with<R: Send, E>(
    items: impl Iterator<Item = crate::input::Item>,
    config: &Config,
    make: impl Fn(&Document, &Analysis, &Config) -> R + Sync,
    mut each: impl FnMut(Output<R>) -> Result<(), E>,
) -> Result<(), E> {
    use crate::input::Item;
    let mut items = items.peekable();
    let mut batch: Vec<Item> = Vec::new();
    let heads = pre_test_heads(config);
    loop {
        let mut bytes = 0;
        batch.clear();
        for item in items.by_ref() {
            if let Item::Document(d) = &item {
                bytes += d.text.len();
            }
            batch.push(item);
            if bytes >= BATCH_BYTES || batch.len() >= BATCH_DOCUMENTS {
                break;
            }
        }
        if batch.is_empty() {
            return Ok(());
        }
        let reports: Vec<Option<R>> = batch
            .par_iter()
            .map(|item| match item {
                Item::Document(d) => Some(make(d, &analyze_in_run(d, config, &heads), config)),
                _ => None,
            })
            .collect();
        for (item, report) in batch.drain(..).zip(reports) {
            let out = match (item, report) {
                (Item::Document(d), Some(r)) => Output::Report(r, d.text),
                (_, Some(r)) => Output::Report(r, String::new()),
                (Item::Error(e), _) => Output::Error(e),
                (Item::Warning(w), _) => Output::Warning(w),
                (Item::Skipped(s), _) => Output::Skipped(s),
                (Item::Document(_), None) => unreachable!("documents have reports"),
            };
            each(out)?;
        }
        if items.peek().is_none() {
            return Ok(());
        }
    }
}
