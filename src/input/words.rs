//! Byte searches a word (eight bytes) at a time, for the scans over a whole text or line: a
//! test on a word marks its matching bytes, and the first mark is the first match.

/// 0x01 in every byte of a word.
pub(super) const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// 0x80 in every byte of a word: the bytes' high bits.
pub(super) const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The index of the first byte of `b` that `is_match` accepts. `marks(w)`, for eight bytes
/// read as a little-endian word, must set the high bit of every byte that `is_match` accepts,
/// and may set it in bytes after the first of them, never before (a subtraction's borrow
/// runs upwards); the bytes after the last whole word are tested one by one.
#[inline(always)]
pub(super) fn find(
    b: &[u8],
    marks: impl Fn(u64) -> u64,
    is_match: impl Fn(u8) -> bool,
) -> Option<usize> {
    let (words, rest) = b.as_chunks::<8>();
    for (i, word) in words.iter().enumerate() {
        let m = marks(u64::from_le_bytes(*word)) & HIGHS;
        if m != 0 {
            return Some(i * 8 + m.trailing_zeros() as usize / 8);
        }
    }
    let at = words.len() * 8;
    rest.iter().position(|&c| is_match(c)).map(|k| at + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_zero_byte_at_every_position() {
        // `(w - 0x0101..) & !w` marks the zero bytes, and maybe bytes after one.
        let zero = |b: &[u8]| find(b, |w| w.wrapping_sub(ONES) & !w, |c| c == 0);
        for len in 0..30 {
            let mut b: Vec<u8> = (0..len).map(|i| [1, 0x80, 0xff, 0x7f][i % 4]).collect();
            assert_eq!(zero(&b), None);
            for at in (0..len).rev() {
                b[at] = 0;
                assert_eq!(zero(&b), Some(at), "{b:?}");
            }
        }
    }
}
