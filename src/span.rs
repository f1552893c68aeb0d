//! Byte spans: `Span { start, end }`, UTF-8 byte offsets into a document's text, end-exclusive.

use serde::{Deserialize, Serialize};
use std::ops::Index;

/// A half-open byte range `[start, end)` into a document's text.
///
/// Both ends always sit on `char` boundaries of the text they index.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (`start <= end`).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// This span moved right by `by` bytes.
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    /// `[start, end]`, the report's form.
    pub fn to_array(self) -> [usize; 2] {
        [self.start, self.end]
    }

    /// This span with ASCII and Unicode white space trimmed from both ends, within `text`.
    pub fn trim(self, text: &str) -> Span {
        let s = &text[self.start..self.end];
        let lead = leading_space(s);
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trailing_space(s))
    }
}

/// The length of the white space `s` starts with (what [`str::trim_start`] takes off); ASCII
/// bytes are tested without decoding.
fn leading_space(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let c = if x.is_ascii() {
            char::from(x)
        } else {
            s[i..].chars().next().expect("a char boundary")
        };
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// The length of the white space `s` ends with (what [`str::trim_end`] takes off).
fn trailing_space(s: &str) -> usize {
    s.len() - last_run_start(s, char::is_whitespace)
}

/// Where the run of characters for which `keep` holds that ends `s` starts (`s.len()` when
/// the last character fails, 0 when all hold); ASCII bytes are tested without decoding.
pub(crate) fn last_run_start(s: &str, keep: impl Fn(char) -> bool) -> usize {
    let b = s.as_bytes();
    let mut k = b.len();
    while k > 0 {
        let x = b[k - 1];
        let c = if x.is_ascii() {
            char::from(x)
        } else {
            s[..k].chars().next_back().expect("a char boundary")
        };
        if !keep(c) {
            break;
        }
        k -= c.len_utf8();
    }
    k
}

impl Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_trim_on_multibyte_text() {
        let text = "« €5, 😀 »";
        let inner = Span::new(2, text.len() - 2);
        assert_eq!(&text[inner], " €5, 😀 ");
        assert_eq!(&text[inner.trim(text)], "€5, 😀");
        assert_eq!(Span::new(3, 3).trim("a  b"), Span::new(3, 3));
    }

    #[test]
    fn trim_takes_off_what_str_trim_takes_off() {
        let spaces = [
            "", " ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{85}", "\u{a0}", "\u{2003}", "\u{3000}",
        ];
        let words = ["", "x", "\u{e9}", "\u{200b}", "a b", "\u{1f600}"];
        for a in spaces {
            for b in spaces {
                for w in words {
                    let text = format!("{a}{b}{w}{b}{a}");
                    let got = Span::new(0, text.len()).trim(&text);
                    let t = text.trim();
                    let want = if t.is_empty() {
                        Span::new(0, 0)
                    } else {
                        let lead = text.len() - text.trim_start().len();
                        Span::new(lead, lead + t.len())
                    };
                    assert_eq!(got, want, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(2, 8)));
        assert!(a.contains(Span::new(3, 4)));
        assert!(!a.contains(Span::new(1, 4)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert_eq!(a.shift(3), Span::new(5, 11));
        assert_eq!(a.len(), 6);
    }
}
