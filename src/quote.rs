//! Paragraphs -> quoted spans: every kind of quote mark paired into quotations, with nesting,
//! mismatched pairs (“ … »), quotations continued over paragraphs, and apostrophes left alone.
//!
//! Marks are classed by glyph and by what stands on either side of them (a mark that can open
//! has text after it and space or an opening sign before it; one that can close is the mirror).
//! A stack pairs them; a closing mark of the double family (“ ” " « » „ 「 」 ...) closes any
//! open mark of that family, so a mismatched pair still closes. An opening mark left open at
//! the end of a paragraph carries into the next paragraph only when that one opens with a mark
//! (the newspaper convention for a quotation over several paragraphs); otherwise it is dropped,
//! or, when it opens the paragraph or follows a colon, taken to the end of the paragraph. So an
//! unmatched mark never swallows more than its own paragraph.

use crate::bytescan::ByteSet;
use crate::segment::Marks;
use crate::span::Span;

/// Quote marks whose quotations nest inside each other in pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// “ ” " „ ‟ « » 「 」 『 』
    Double,
    /// ‘ ’ ' ‚ ‛ ‹ ›
    Single,
}

/// One quotation found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quotation was left open and runs to its paragraph's end.
    pub close: Option<Span>,
    /// What is quoted, white space trimmed, marks excluded.
    pub content: Span,
    pub family: Family,
    /// 0 for a quotation in the writer's text, 1 for one inside a quotation, ...
    pub depth: u8,
    /// True for the second and later paragraphs of a quotation that runs over paragraphs
    /// (each paragraph is a quotation of its own, continuing the one before).
    pub continued: bool,
}

impl Quote {
    /// From the opening mark to the closing mark (or the content's end), marks included.
    pub fn outer(&self) -> Span {
        Span::new(
            self.open.start,
            self.close.map_or(self.content.end, |c| c.end),
        )
    }
}

const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    family: Family,
    can_open: bool,
    can_close: bool,
    /// A closing single mark that may as well be a plural possessive ("the players’ union").
    possessive: bool,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Span,
    family: Family,
    continued: bool,
}

/// Finds the quotations in `paragraphs` (spans of `text`, in order), sorted by opening mark.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    find_quotes_into(text, paragraphs, &Marks::new(text), &mut quotes);
    quotes
}

/// [`find_quotes`] into `quotes` (emptied first), whose buffer a caller can keep from
/// document to document, given the text's [`Marks`].
pub fn find_quotes_into(text: &str, paragraphs: &[Span], marks: &Marks, quotes: &mut Vec<Quote>) {
    marks.check(text);
    quotes.clear();
    SCRATCH.with_borrow_mut(|scratch| find_quotes_with(text, paragraphs, marks, quotes, scratch));
}

/// The working lists of a search, in buffers a thread keeps from document to document: one
/// paragraph's marks at a time, the marks still open, and (in [`set_depths`]) the ends of the
/// quotations around one.
struct Scratch {
    marks: Vec<Mark>,
    stack: Vec<Open>,
    enclosing: Vec<usize>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = const {
        std::cell::RefCell::new(Scratch {
            marks: Vec::new(),
            stack: Vec::new(),
            enclosing: Vec::new(),
        })
    };
}

fn find_quotes_with(
    text: &str,
    paragraphs: &[Span],
    found: &Marks,
    quotes: &mut Vec<Quote>,
    scratch: &mut Scratch,
) {
    let Scratch {
        marks,
        stack,
        enclosing,
    } = scratch;
    stack.clear();
    let mut prev_para: Option<Span> = None;
    for &para in paragraphs {
        marks_in(text, para, found, marks);
        let mut k = 0;
        if let Some(prev) = prev_para {
            if !stack.is_empty() {
                let first = marks.first();
                let carries = first.is_some_and(|m| {
                    m.span.start == para.start && m.can_open && m.family == stack[0].family
                }) && opens_a_statement(text, stack[0], prev);
                if carries {
                    // One speaker's quotation over paragraphs: one part per paragraph.
                    let open = stack[0];
                    quotes.push(Quote {
                        open: open.mark,
                        close: None,
                        content: Span::new(open.mark.end, prev.end).trim(text),
                        family: open.family,
                        depth: 0,
                        continued: open.continued,
                    });
                    stack.clear();
                    stack.push(Open {
                        mark: marks[0].span,
                        family: open.family,
                        continued: true,
                    });
                    k = 1;
                } else {
                    close_at_paragraph_end(text, stack, prev, quotes);
                }
            }
        }
        // The last unambiguous single closing mark of this paragraph: the marks before it
        // have a later one.
        let last_single_close = marks
            .iter()
            .rposition(|m| m.family == Family::Single && m.can_close && !m.possessive);
        while k < marks.len() {
            let m = marks[k];
            k += 1;
            let open_at = stack.iter().rposition(|o| o.family == m.family);
            let later_single_close = last_single_close.is_some_and(|last| last >= k);
            if m.possessive && (open_at.is_none() || later_single_close) {
                continue;
            }
            let close =
                m.can_close && open_at.is_some() && (!m.can_open || m.family == Family::Double);
            let close = close || (m.can_close && m.can_open && open_at.is_some());
            if close {
                let j = open_at.unwrap_or(0);
                let open = stack[j];
                stack.truncate(j);
                let content = Span::new(open.mark.end, m.span.start).trim(text);
                quotes.push(Quote {
                    open: open.mark,
                    close: Some(m.span),
                    content,
                    family: open.family,
                    depth: j as u8,
                    continued: open.continued,
                });
            } else if m.can_open && stack.len() < MAX_DEPTH {
                stack.push(Open {
                    mark: m.span,
                    family: m.family,
                    continued: false,
                });
            }
        }
        prev_para = Some(para);
    }
    if let Some(prev) = prev_para {
        close_at_paragraph_end(text, stack, prev, quotes);
    }
    set_depths(quotes, enclosing);
}

/// Sorts quotations by position and sets each one's depth to the number of quotations it lies
/// inside. (A mark left open in the stack does not make the quotations after it nested.)
fn set_depths(quotes: &mut [Quote], enclosing: &mut Vec<usize>) {
    // No two quotations share an opening mark: the keys differ, and an unstable sort is as
    // good as a stable one.
    quotes.sort_unstable_by_key(|q| (q.open.start, std::cmp::Reverse(q.outer().end)));
    debug_assert!(
        quotes
            .windows(2)
            .all(|w| w[0].open.start != w[1].open.start),
        "two quotations share an opening mark"
    );
    enclosing.clear();
    for q in quotes.iter_mut() {
        let outer = q.outer();
        while enclosing.last().is_some_and(|&end| end <= outer.start) {
            enclosing.pop();
        }
        q.depth = enclosing.len().min(u8::MAX as usize) as u8;
        enclosing.push(outer.end);
    }
}

/// A quotation still open at the end of `para` runs to the paragraph's end when it is the
/// outermost, of the double family, and opens the paragraph or follows a colon or comma
/// (or was continued from an earlier paragraph). Everything else still open is dropped.
fn close_at_paragraph_end(text: &str, stack: &mut Vec<Open>, para: Span, quotes: &mut Vec<Quote>) {
    if let Some(open) = stack.first().copied() {
        let content = Span::new(open.mark.end, para.end).trim(text);
        let words = text[content].split_whitespace().take(3).count();
        if opens_a_statement(text, open, para) && words >= 3 {
            quotes.push(Quote {
                open: open.mark,
                close: None,
                content,
                family: open.family,
                depth: 0,
                continued: open.continued,
            });
        }
    }
    stack.clear();
}

/// An opening mark of the double family that opens its paragraph (or a quotation already
/// continued) or follows a colon or comma: the start of a quotation that may run on.
fn opens_a_statement(text: &str, open: Open, para: Span) -> bool {
    if open.family != Family::Double {
        return false;
    }
    if open.continued || open.mark.start < para.start {
        return true;
    }
    let before = text[para.start..open.mark.start].trim_end();
    before.is_empty() || before.ends_with([':', ','])
}

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '「'
            | '」'
            | '『'
            | '』'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '‹'
            | '›'
    )
}

fn opening_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '…') || is_quote_char(c)
}

fn closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '/' | '…'
    ) || is_quote_char(c)
}

fn space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// The quote marks of one paragraph, classed, into `out` (emptied first), given the text's
/// [`Marks`]; apostrophes left out. Two apostrophes in a row (`''`, the New York Times archive's quote mark) are one
/// double mark; in a run of three, the pair is the outer mark (`''He said 'no.'''`).
fn marks_in(text: &str, para: Span, found: &Marks, out: &mut Vec<Mark>) {
    out.clear();
    let p = &text[para];
    let bytes = p.as_bytes();
    let push = |out: &mut Vec<Mark>, at: usize, len: usize, m: Mark| {
        let start = para.start + at;
        out.push(Mark {
            span: Span::new(start, start + len),
            ..m
        });
    };
    let mut i = 0;
    // Every quote mark is `"`, `'` or not ASCII: the bytes between are skipped without
    // decoding. (The scan starts on a character boundary, so it stops at a character's lead
    // byte, and the next one starts after the character.)
    while let Some(at) = found.quote_lead(para.start + i, para.end) {
        let at = at - para.start;
        let c = p[at..].chars().next().expect("a char boundary");
        i = at + c.len_utf8();
        if !is_quote_char(c) {
            // The lead byte of another character: a dash, an ellipsis, a letter.
            continue;
        }
        if matches!(c, '\'' | '’') && in_ascii_word(bytes, at, i) {
            // An apostrophe inside a word ("don’t"), the commonest of these marks: what
            // `classify` says of it, without decoding its neighbours.
            continue;
        }
        let prev = p[..at].chars().next_back();
        if c == '\'' && bytes.get(at + 1) == Some(&b'\'') {
            let run = bytes[at..].iter().take_while(|&&b| b == b'\'').count();
            let next = p[at + run..].chars().next();
            let opening = space(prev) || prev.is_some_and(opening_punct);
            // Pieces of the run in order: (offset, length).
            let pieces: &[(usize, usize)] = match (run, opening) {
                (2, _) => &[(0, 2)],
                (3, true) => &[(0, 2), (2, 1)],
                (3, false) => &[(0, 1), (1, 2)],
                _ => &[],
            };
            for &(off, len) in pieces {
                let before = if off == 0 { prev } else { Some('\'') };
                let after = if off + len == run { next } else { Some('\'') };
                let glyph = if len == 2 { '"' } else { '\'' };
                if let Some(m) = classify(glyph, before, after) {
                    push(out, at + off, len, m);
                }
            }
            i = at + run;
            continue;
        }
        if let Some(m) = classify(c, prev, p[i..].chars().next()) {
            push(out, at, c.len_utf8(), m);
        }
    }
}

/// Whether the bytes before `at` and from `end` are ASCII letters or digits.
fn in_ascii_word(bytes: &[u8], at: usize, end: usize) -> bool {
    at > 0
        && bytes[at - 1].is_ascii_alphanumeric()
        && bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)
}

/// The bytes a quote mark starts with: `"`, `'` and, for the others, every byte that is not
/// ASCII (which costs the scan less than their lead bytes 0xC2, 0xE2 and 0xE3 alone).
pub(crate) const LEAD_BYTES: ByteSet<2> = ByteSet::of([b'"', b'\'']).and_non_ascii();

fn classify(c: char, prev: Option<char>, next: Option<char>) -> Option<Mark> {
    let left = !space(next) && (space(prev) || prev.is_some_and(opening_punct));
    let right = !space(prev) && (space(next) || next.is_some_and(closing_punct));
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mark = |family, can_open, can_close| {
        Some(Mark {
            span: Span::default(),
            family,
            can_open,
            can_close,
            possessive: false,
        })
    };
    use Family::*;
    match c {
        '"' => {
            if alnum(prev) && alnum(next) {
                return mark(Double, true, true);
            }
            // Between spaces it may open or close: “…,' " he said” closes the open one.
            let spaced = space(prev) && space(next);
            mark(Double, left || spaced, right || spaced)
        }
        '“' => {
            // Opens unless it can only close (German „…“ closes with it).
            let only_close = right && !left;
            mark(Double, !only_close, only_close)
        }
        '”' => mark(
            Double,
            left && !right && alnum(next),
            !(left && !right && alnum(next)),
        ),
        '„' | '‟' | '«' | '「' | '『' => mark(Double, true, false),
        '»' => mark(Double, left && !right && alnum(next), true),
        '」' | '』' => mark(Double, false, true),
        '‚' | '‛' | '‹' => mark(Single, true, false),
        '›' => mark(Single, false, true),
        '‘' => {
            if (space(prev) || prev.is_some_and(opening_punct))
                && next.is_some_and(|n| n.is_ascii_digit())
            {
                return None; // ‘90s
            }
            let only_close = right && !left;
            mark(Single, !only_close, only_close)
        }
        '’' | '\'' => {
            if alnum(prev) && alnum(next) {
                return None; // don’t, O’Brien
            }
            if (space(prev) || prev.is_some_and(opening_punct))
                && next.is_some_and(|n| n.is_ascii_digit())
            {
                return None; // ’90s
            }
            let possessive = prev.is_some_and(|p| matches!(p, 's' | 'S' | 'z')) && space(next);
            let can_open = c == '\'' && left;
            let can_close = right;
            if !can_open && !can_close {
                return None;
            }
            Some(Mark {
                span: Span::default(),
                family: Single,
                can_open,
                can_close,
                possessive,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    fn contents(text: &str) -> Vec<&str> {
        find_quotes(text, &paragraphs(text, 0))
            .iter()
            .map(|q| &text[q.content])
            .collect()
    }

    #[test]
    fn lead_bytes_are_found_in_text() {
        // (`first_in` itself is tested in `bytescan`.)
        let text = "x \u{ab}a\u{bb} \u{2019}s \"b\" \u{300c}c 'd' \u{00e9}\u{00e2}";
        let b = text.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(k) = LEAD_BYTES.first_in(b, i) {
            found.push(k);
            i = k + 1;
        }
        let want: Vec<usize> = (0..b.len())
            .filter(|&k| LEAD_BYTES.contains(b[k]))
            .collect();
        assert_eq!(found, want);
    }

    #[test]
    fn quote_mark_table() {
        let cases: &[(&str, &[&str])] = &[
            ("He said “yes,” then left.", &["yes,"]),
            ("He said \"yes\" and \"no\".", &["yes", "no"]),
            ("‘Fine,’ she said.", &["Fine,"]),
            ("«Non», a-t-il dit.", &["Non"]),
            ("« Non », a-t-il dit.", &["Non"]),
            ("Er sagte: „Nein“.", &["Nein"]),
            ("Er sagte: ‚Nein‘.", &["Nein"]),
            ("‹Oui›, dit-il.", &["Oui"]),
            ("彼は「はい」と言った。", &["はい"]),
            ("said: “there were dozens ». Then", &["there were dozens"]),
        ];
        for (input, want) in cases {
            assert_eq!(contents(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn apostrophes_in_ascii_words_are_what_classify_says() {
        for c in ['\'', '’'] {
            for a in ['a', 'Z', '0', ' ', '.', 'é', 's'] {
                for b in ['t', '9', ' ', ',', 'ü', '\''] {
                    let text = format!("{a}{c}{b}");
                    let at = a.len_utf8();
                    let end = at + c.len_utf8();
                    if in_ascii_word(text.as_bytes(), at, end) {
                        assert!(classify(c, Some(a), Some(b)).is_none(), "{text:?}");
                    }
                    assert_eq!(
                        in_ascii_word(text.as_bytes(), at, end),
                        a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()
                    );
                }
            }
            assert!(!in_ascii_word(c.to_string().as_bytes(), 0, c.len_utf8()));
        }
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let cases: &[(&str, &[&str])] = &[
            ("Don’t ask O’Brien about the ’90s.", &[]),
            ("Don't ask O'Brien about the '90s.", &[]),
            ("The players’ union said “no.”", &["no."]),
            (
                "‘The players’ union is angry,’ he said.",
                &["The players’ union is angry,"],
            ),
            ("'We won't go,' she said.", &["We won't go,"]),
            ("The Joneses’ house burned.", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(contents(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        // The New York Times archive writes its quote marks as two apostrophes.
        let cases: &[(&str, &[&str])] = &[
            ("''I hope not,'' Mr. Trump said.", &["I hope not,"]),
            ("his ''negatives,'' he called them", &["negatives,"]),
            (
                "''He said 'never again,''' she recalled.",
                &["He said 'never again,'", "never again,"],
            ),
            (
                "said: '''Tis the season,'' then left",
                &["'Tis the season,"],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(contents(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn a_straight_double_mark_between_spaces_closes_an_open_one() {
        // A space before the closing mark, after a nested quotation or a comma.
        let cases: &[(&str, &[&str])] = &[
            (
                "\"They call it 'a flight to quality,' \" he said. \"Next.\"",
                &[
                    "They call it 'a flight to quality,'",
                    "a flight to quality,",
                    "Next.",
                ],
            ),
            (
                "''He built coalitions, '' said Mr. Gunnels. ''He is no leftist.''",
                &["He built coalitions,", "He is no leftist."],
            ),
            // With nothing open, it opens.
            ("He said \" we stay\" twice.", &["we stay"]),
        ];
        for (input, want) in cases {
            assert_eq!(contents(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn nesting() {
        let t = "“He told me ‘never again,’ and left,” she said.";
        let q = find_quotes(t, &paragraphs(t, 0));
        assert_eq!(q.len(), 2);
        assert_eq!(&t[q[0].content], "He told me ‘never again,’ and left,");
        assert_eq!((q[0].depth, q[1].depth), (0, 1));
        assert_eq!(&t[q[1].content], "never again,");
    }

    #[test]
    fn continued_over_paragraphs() {
        let t = "“First part of it.\n\n“Second part,” she said.\n\nNext.";
        let q = find_quotes(t, &paragraphs(t, 0));
        assert_eq!(q.len(), 2);
        assert!(!q[0].continued && q[1].continued);
        assert_eq!(&t[q[0].content], "First part of it.");
        assert_eq!(&t[q[1].content], "Second part,");
    }

    #[test]
    fn an_unmatched_mark_stays_in_its_paragraph() {
        let t = "He called it “a lie and walked out.\n\n“Yes,” she said.";
        assert_eq!(contents(t), ["Yes,"]);
        let t = "“We will never give up, not now\n\nThe rest.";
        assert_eq!(contents(t), ["We will never give up, not now"]);
    }
}
