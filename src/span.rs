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
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
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
