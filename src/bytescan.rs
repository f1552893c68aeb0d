//! Bytes and a small set of byte values -> the first byte in the set, many bytes tested at a
//! time. For the scans that skip text between rare bytes: sentence ends, quote marks, bytes
//! JSON escapes; and a block's mask of the bytes in the set, for the word scans (letters and
//! digits, bytes that are not ASCII).
//!
//! On x86_64, sixteen bytes at a time with SSE2 (which every x86_64 processor has): each byte
//! compared with each value of the set at once, and the results' top bits gathered into a mask.
//! Elsewhere, and for the last bytes of a short slice, eight at a time in a `u64` (SWAR): a byte
//! equal to `b` is zero after xor with `b`, and a byte below `n` (at most 0x80) borrows into its
//! top bit when `n` is taken from it. A borrow only runs upwards, so the lowest byte found is
//! exact (a byte above it may be taken for one in the set).

const ONES: u64 = 0x0101_0101_0101_0101;
/// The top bit of each of eight bytes.
pub(crate) const TOPS: u64 = 0x8080_8080_8080_8080;

/// The top bit of each byte of `x` that is an ASCII capital, `A` to `Z`, eight at a time: with
/// the top bits cleared, a byte is from `A` up when adding `0x80 - b'A'` sets its top bit, and
/// past `Z` when adding `0x7F - b'Z'` does (no sum carries into the next byte); a byte whose
/// own top bit is set is not ASCII.
#[inline(always)]
pub(crate) fn ascii_capitals(x: u64) -> u64 {
    let low = x & !TOPS;
    let from_a = low + ONES * u64::from(0x80 - b'A');
    let past_z = low + ONES * u64::from(0x7F - b'Z');
    from_a & !past_z & !x & TOPS
}

/// The top bit of each byte of `x` that is an ASCII letter or digit, eight at a time, as
/// [`ascii_capitals`] tells `A` to `Z`: letters in either case (bit 5 set, capitals become
/// lower case) and digits, each a range told by two additions on bytes without their top bit.
#[inline(always)]
pub(crate) fn ascii_alphanumerics(x: u64) -> u64 {
    let within = |low: u64, first: u8, last: u8| {
        let from = low + ONES * u64::from(0x80 - first);
        let past = low + ONES * u64::from(0x7F - last);
        from & !past
    };
    let low = x & !TOPS;
    (within(low | (ONES * 0x20), b'a', b'z') | within(low, b'0', b'9')) & !x & TOPS
}

/// Whether an ASCII byte is white space as `char::is_whitespace` has it: tab, line feed,
/// vertical tab, form feed, carriage return and space.
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The 64 bytes of `bytes` from `at` on, for the scans that read a text a 64-byte block at a
/// time: borrowed where `bytes` has them all, else its last bytes (none when `at` is its
/// length) copied into `tail` and followed by what `tail` held. A scan makes `tail` zeros once
/// and pads only its last block (or one past the end), so the padding is zeros.
#[inline(always)]
pub(crate) fn block64<'a>(bytes: &'a [u8], at: usize, tail: &'a mut [u8; 64]) -> &'a [u8; 64] {
    match bytes.get(at..).and_then(<[u8]>::first_chunk::<64>) {
        Some(block) => block,
        None => {
            let rest = &bytes[at..];
            tail[..rest.len()].copy_from_slice(rest);
            tail
        }
    }
}

/// A set of byte values: up to `N` values, every byte below a bound, and maybe every byte
/// that is not ASCII, maybe every ASCII letter and digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSet<const N: usize> {
    bytes: [u8; N],
    /// Every byte below this is in the set too (0: none).
    below: u8,
    /// Every byte from 0x80 up is in the set too.
    non_ascii: bool,
    /// Every ASCII letter and digit is in the set too.
    alnum: bool,
}

impl<const N: usize> ByteSet<N> {
    /// The set of `bytes`.
    pub const fn of(bytes: [u8; N]) -> Self {
        ByteSet {
            bytes,
            below: 0,
            non_ascii: false,
            alnum: false,
        }
    }

    /// The set with every byte that is not ASCII (0x80 and up) added: the bytes of UTF-8's
    /// multi-byte characters.
    pub const fn and_non_ascii(self) -> Self {
        ByteSet {
            non_ascii: true,
            ..self
        }
    }

    /// The set with every ASCII letter and digit added ([`u8::is_ascii_alphanumeric`]).
    pub const fn and_ascii_alphanumeric(self) -> Self {
        ByteSet {
            alnum: true,
            ..self
        }
    }

    /// The set with every byte below `n` (at most 0x80) added.
    pub const fn and_below(self, n: u8) -> Self {
        assert!(
            n <= 0x80,
            "a bound above 0x80 is not tested a block at a time"
        );
        ByteSet { below: n, ..self }
    }

    /// Whether `b` is in the set.
    #[inline(always)]
    pub fn contains(&self, b: u8) -> bool {
        b < self.below
            || self.non_ascii && b >= 0x80
            || self.alnum && b.is_ascii_alphanumeric()
            || self.bytes.contains(&b)
    }

    /// The top bit of each byte of `x` (little-endian) in the set; exact for the lowest such
    /// byte, maybe set for bytes above it that are not (so exact for whether there is one).
    #[inline(always)]
    pub(crate) fn found(&self, x: u64) -> u64 {
        // The top bits are taken once, at the end.
        let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x;
        let mut found = if self.below > 0 {
            below(x, self.below)
        } else {
            0
        };
        if self.non_ascii {
            // A byte from 0x80 up has its top bit set already.
            found |= x;
        }
        if self.alnum {
            found |= ascii_alphanumerics(x);
        }
        for &b in &self.bytes {
            found |= below(x ^ (ONES * u64::from(b)), 1);
        }
        found & TOPS
    }

    /// Bit `k` set for each byte `block[k]` in the set: a block's mask, sixteen bytes at a
    /// time, for a scan that reads each byte's bit (the bytes of words, say).
    #[inline(always)]
    pub fn mask64(&self, block: &[u8; 64]) -> u64 {
        let sixteen = |k: usize| {
            let part: &[u8; 16] = block[16 * k..16 * k + 16].try_into().expect("16 bytes");
            u64::from(self.found16(part)) << (16 * k)
        };
        sixteen(0) | sixteen(1) | sixteen(2) | sixteen(3)
    }

    /// The offset of the first byte of `bytes[from..]` in the set (an offset into `bytes`).
    #[inline(always)]
    pub fn first_in(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let mut at = from;
        #[cfg(target_arch = "x86_64")]
        {
            let rest = &bytes[from..];
            if rest.len() >= 16 {
                let mut blocks = rest.chunks_exact(16);
                for block in blocks.by_ref() {
                    let found = self.found16(block.try_into().expect("sixteen bytes"));
                    if found != 0 {
                        return Some(at + found.trailing_zeros() as usize);
                    }
                    at += 16;
                }
                let left = blocks.remainder().len();
                if left == 0 {
                    return None;
                }
                // The last sixteen bytes, of which the first `16 - left` are tested already.
                let last = &rest[rest.len() - 16..];
                let found = self.found16(last.try_into().expect("sixteen bytes")) >> (16 - left);
                return (found != 0).then(|| at + found.trailing_zeros() as usize);
            }
        }
        let mut blocks = bytes[from..].chunks_exact(8);
        for block in blocks.by_ref() {
            let x = u64::from_le_bytes(block.try_into().expect("eight bytes"));
            let found = self.found(x);
            if found != 0 {
                return Some(at + found.trailing_zeros() as usize / 8);
            }
            at += 8;
        }
        let rest = blocks.remainder();
        rest.iter().position(|&b| self.contains(b)).map(|k| at + k)
    }

    /// Calls `f` with the offset of each byte of `bytes` in the set, in order: the set's bytes
    /// found sixteen at a time, as [`ByteSet::first_in`] finds the first, but walked through
    /// a block's mask of them instead of a new search after each. For a scan that stops at
    /// many of the set's bytes.
    #[inline(always)]
    pub fn each_in(&self, bytes: &[u8], mut f: impl FnMut(usize)) {
        let mut each = |at: usize, mut found: u32| {
            while found != 0 {
                f(at + found.trailing_zeros() as usize);
                found &= found - 1;
            }
        };
        let mut blocks = bytes.chunks_exact(16);
        let mut at = 0;
        for block in blocks.by_ref() {
            each(at, self.found16(block.try_into().expect("sixteen bytes")));
            at += 16;
        }
        if at < bytes.len() {
            each(at, self.last16(bytes, at));
        }
    }

    /// [`ByteSet::found16`] of the last bytes of `bytes`, from `at` (fewer than sixteen): its
    /// last sixteen bytes tested, their mask shifted down to `at`, when it has sixteen.
    #[inline(always)]
    fn last16(&self, bytes: &[u8], at: usize) -> u32 {
        match bytes.len().checked_sub(16) {
            Some(from) => {
                let found = self.found16(bytes[from..].try_into().expect("sixteen bytes"));
                found >> (at - from)
            }
            None => bytes[at..]
                .iter()
                .enumerate()
                .filter(|&(_, &b)| self.contains(b))
                .fold(0, |m, (k, _)| m | 1 << k),
        }
    }

    /// Bit `k` set for each byte `block[k]` in the set, a byte at a time: [`ByteSet::found16`]
    /// without SSE2 (and what the tests check the SSE2 version against).
    #[cfg_attr(target_arch = "x86_64", allow(dead_code))]
    #[inline(always)]
    fn found16_bytes(&self, block: &[u8; 16]) -> u32 {
        block
            .iter()
            .enumerate()
            .filter(|&(_, &b)| self.contains(b))
            .fold(0, |m, (k, _)| m | 1 << k)
    }

    /// Bit `k` set for each byte `block[k]` in the set (without SSE2).
    #[cfg(not(target_arch = "x86_64"))]
    #[inline(always)]
    fn found16(&self, block: &[u8; 16]) -> u32 {
        self.found16_bytes(block)
    }

    /// Bit `k` set for each byte `block[k]` in the set.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn found16(&self, block: &[u8; 16]) -> u32 {
        // SAFETY: `found16_sse2` needs SSE2, which every x86_64 processor has (it is in the
        // target's baseline: `cfg(target_feature = "sse2")` always holds on x86_64).
        unsafe { self.found16_sse2(block) }
    }

    /// [`ByteSet::found16`] with SSE2's byte comparisons.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "sse2")]
    #[inline]
    fn found16_sse2(&self, block: &[u8; 16]) -> u32 {
        use std::arch::x86_64::*;
        let v = u128::from_le_bytes(*block);
        let x = _mm_set_epi64x((v >> 64) as i64, v as i64);
        let mut found = _mm_setzero_si128();
        if self.below > 0 {
            // A byte is below `below` when the smaller of it and `below - 1` is itself.
            let top = _mm_set1_epi8((self.below - 1) as i8);
            found = _mm_cmpeq_epi8(_mm_min_epu8(x, top), x);
        }
        if self.non_ascii {
            // A byte from 0x80 up has its top bit set already.
            found = _mm_or_si128(found, x);
        }
        if self.alnum {
            // A byte minus the start of a range is at most the range's last offset (the
            // smaller of the two is itself): `a`..=`z` once ASCII capitals have bit 5 set (no
            // byte that is not ASCII gets into the range), and `0`..=`9`.
            let within = |x, start: u8, last: u8| {
                let off = _mm_sub_epi8(x, _mm_set1_epi8(start as i8));
                _mm_cmpeq_epi8(_mm_min_epu8(off, _mm_set1_epi8(last as i8)), off)
            };
            let lower = _mm_or_si128(x, _mm_set1_epi8(0x20));
            found = _mm_or_si128(found, within(lower, b'a', 25));
            found = _mm_or_si128(found, within(x, b'0', 9));
        }
        for &b in &self.bytes {
            found = _mm_or_si128(found, _mm_cmpeq_epi8(x, _mm_set1_epi8(b as i8)));
        }
        _mm_movemask_epi8(found) as u32
    }
}

/// Where the bytes of three sets stand in one text, found in one pass over it: for each 64-byte
/// block, the mask of its bytes in each set (bit `k` for byte `k`). For scans that each stop
/// at their own set's bytes all over the same text (a document's line breaks, sentence ends and
/// quote marks): each sixteen bytes are read once for the three sets, and a search for the
/// next byte of a set reads its masks instead of starting a scan of its own (with its setup
/// and its last sixteen bytes) at every stop. (Callgrind, extract of dev1: the fill is 4.2 M,
/// about 1.8 instructions a byte; the three stages' scans and searches fell by 5.0 M. Measured
/// and dropped: the four sixteen-byte masks stored as `u16`s without shifting them together,
/// +0.3 M, the buffer's zeroing; a search reading this block and the next as one `u128`, so
/// the commonest outcomes are not a branch, -0.2 M score in all, paragraphs worse.)
#[derive(Debug, Clone, Default)]
pub struct Masks3 {
    /// Block `k`'s masks, in the sets' order, for bytes `64 * k..64 * k + 64`; the last block's
    /// bytes past the text's end are zeros, in no set.
    blocks: Vec<[u64; 3]>,
    /// The length of the bytes filled.
    len: usize,
}

impl Masks3 {
    /// The masks of `bytes` for sets `a`, `b` and `c` (sets 0, 1 and 2 of [`Masks3::first`]), in
    /// place of the last ones. No set may hold the zero byte (which pads the last block).
    pub fn fill<const A: usize, const B: usize, const C: usize>(
        &mut self,
        bytes: &[u8],
        a: &ByteSet<A>,
        b: &ByteSet<B>,
        c: &ByteSet<C>,
    ) {
        debug_assert!(!a.contains(0) && !b.contains(0) && !c.contains(0));
        let masks = |block: &[u8; 64]| [a.mask64(block), b.mask64(block), c.mask64(block)];
        self.blocks.clear();
        let mut blocks = bytes.chunks_exact(64);
        self.blocks.extend(
            blocks
                .by_ref()
                .map(|block| masks(block.try_into().expect("64 bytes"))),
        );
        let rest = blocks.remainder();
        if !rest.is_empty() {
            let mut tail = [0u8; 64];
            self.blocks
                .push(masks(block64(bytes, bytes.len() - rest.len(), &mut tail)));
        }
        self.len = bytes.len();
    }

    /// The length of the bytes filled: their masks are no one else's.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the bytes filled were none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The offset of the first byte of `from..end` in set `SET` (`end` at most the length of
    /// the bytes filled), as [`ByteSet::first_in`] of that set on the bytes before `end`.
    #[inline(always)]
    pub fn first<const SET: usize>(&self, from: usize, end: usize) -> Option<usize> {
        let mut k = from / 64;
        let mut found = self.blocks.get(k)?[SET] & (u64::MAX << (from % 64));
        while found == 0 {
            k += 1;
            if 64 * k >= end {
                return None;
            }
            found = self.blocks[k][SET];
        }
        let at = 64 * k + found.trailing_zeros() as usize;
        (at < end).then_some(at)
    }
}

/// A line's end.
pub const NEWLINE: ByteSet<1> = ByteSet::of([b'\n']);

/// The bytes a JSON string cannot hold as they are: a quote, a backslash, a control byte.
pub const JSON_SPECIAL: ByteSet<2> = ByteSet::of([b'"', b'\\']).and_below(0x20);

#[cfg(test)]
mod tests {

    #[test]
    fn blocks_are_the_bytes_then_zeros() {
        let bytes: Vec<u8> = (1..=150).collect();
        for at in [0, 1, 63, 64, 86, 87, 100, 149, 150] {
            let mut tail = [0u8; 64];
            let block = block64(&bytes, at, &mut tail);
            let want: Vec<u8> = (0..64)
                .map(|k| bytes.get(at + k).copied().unwrap_or(0))
                .collect();
            assert_eq!(block.as_slice(), want.as_slice(), "{at}");
        }
    }
    use super::*;

    /// The first byte of `bytes[from..]` in the set, a byte at a time.
    fn slow<const N: usize>(set: &ByteSet<N>, bytes: &[u8], from: usize) -> Option<usize> {
        (from..bytes.len()).find(|&k| set.contains(bytes[k]))
    }

    /// `eight` of eight bytes has the top bit of each byte for which `is` holds: each byte
    /// value at each place among each of `fillers`.
    fn check_eight(fillers: &[u8], eight: fn(u64) -> u64, is: fn(&u8) -> bool) {
        for &filler in fillers {
            for at in 0..8 {
                for b in 0..=u8::MAX {
                    let mut bytes = [filler; 8];
                    bytes[at] = b;
                    let want = bytes
                        .iter()
                        .enumerate()
                        .fold(0, |m, (k, c)| m | u64::from(is(c)) << (8 * k + 7));
                    assert_eq!(eight(u64::from_le_bytes(bytes)), want, "{bytes:?}");
                }
            }
        }
    }

    /// The capitals of eight bytes are the bytes `A` to `Z`, each byte value at each place.
    #[test]
    fn ascii_capitals_are_a_to_z() {
        let fillers = [b'a', b'Z', b'@', b'[', 0x80 + b'A', 0xFF, 0];
        check_eight(&fillers, ascii_capitals, u8::is_ascii_uppercase);
    }

    /// The masks of sixteen bytes agree with a byte at a time's, whichever `found16` is built
    /// (SSE2 on x86_64, so the other targets' version is tested here too).
    #[test]
    fn block_masks_are_the_byte_masks() {
        let sets = [
            ByteSet::of([b'"', b'\'', 0xC2, 0xE2, 0xE3]),
            ByteSet::of([b'"', b'\\', 0, 0, 0]).and_below(0x20),
            ByteSet::of([b'\r', 0, 0, 0, 0]).and_non_ascii(),
            ByteSet::of([0; 5]).and_below(0x80),
            ByteSet::of([0; 5]).and_ascii_alphanumeric(),
            ByteSet::of([b'_', b'-', 0, 0, 0])
                .and_ascii_alphanumeric()
                .and_non_ascii(),
        ];
        for set in &sets {
            for b in 0..=u8::MAX {
                for at in 0..16 {
                    let mut block = [b'a'; 16];
                    block[at] = b;
                    block[15 - at] = b.wrapping_add(0x41);
                    assert_eq!(
                        set.found16(&block),
                        set.found16_bytes(&block),
                        "{b} at {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn first_in_finds_what_a_byte_scan_finds() {
        let quote = ByteSet::of([b'"', b'\'', 0xC2, 0xE2, 0xE3]);
        let escape = ByteSet::of([b'"', b'\\']).and_below(0x20);
        let end = ByteSet::of([b'.', b'!', b'?', 0xE2]);
        let top = ByteSet::of([]).and_below(0x80);
        let cr_or_non_ascii = ByteSet::of([b'\r']).and_non_ascii();
        let alnum = ByteSet::of([]).and_ascii_alphanumeric();
        // Each byte value alone at each place of 0..40 bytes of filler (sixteen-byte blocks, the
        // last sixteen bytes overlapping them, eight-byte blocks, single bytes), read from before,
        // at and after it; fillers next to the set's values (0x20, 0x21, 0xE1, 0xFF, `/`, `:`,
        // `@`, `[`, `` ` ``, `{`) and zero.
        for filler in [
            b'a', 0x20, 0x21, 0xE1, 0xFF, 0, b'/', b':', b'@', b'[', b'`', b'{',
        ] {
            for len in 0..40 {
                for at in 0..len {
                    for b in 0..=u8::MAX {
                        let mut bytes = vec![filler; len];
                        bytes[at] = b;
                        for from in [0, at / 2, at, at + 1, len] {
                            assert_eq!(quote.first_in(&bytes, from), slow(&quote, &bytes, from));
                            assert_eq!(escape.first_in(&bytes, from), slow(&escape, &bytes, from));
                            assert_eq!(end.first_in(&bytes, from), slow(&end, &bytes, from));
                            assert_eq!(top.first_in(&bytes, from), slow(&top, &bytes, from));
                            assert_eq!(
                                cr_or_non_ascii.first_in(&bytes, from),
                                slow(&cr_or_non_ascii, &bytes, from)
                            );
                            assert_eq!(alnum.first_in(&bytes, from), slow(&alnum, &bytes, from));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn each_in_gives_what_a_byte_scan_finds() {
        let quote = ByteSet::of([b'"', b'\'', 0xC2, 0xE2, 0xE3]);
        let c_or_q = ByteSet::of([b'c', b'C', b'q', b'Q']);
        let escape = ByteSet::of([b'"', b'\\']).and_below(0x20);
        let cr_or_non_ascii = ByteSet::of([b'\r']).and_non_ascii();
        // Each byte value at each place of 0..40 bytes, with a byte of the sets at every third
        // place (no, one or many in a block; the last sixteen bytes overlapping the blocks).
        for len in 0..40 {
            for at in 0..len {
                for b in 0..=u8::MAX {
                    let mut bytes: Vec<u8> = (0..len)
                        .map(|k| if k % 3 == 2 { b'q' } else { b'a' })
                        .collect();
                    bytes[at] = b;
                    check_each_in(&quote, &bytes);
                    check_each_in(&c_or_q, &bytes);
                    check_each_in(&escape, &bytes);
                    check_each_in(&cr_or_non_ascii, &bytes);
                    bytes
                        .iter_mut()
                        .for_each(|x| *x = if *x == b'q' { b'a' } else { *x });
                    check_each_in(&c_or_q, &bytes);
                }
            }
        }
    }

    fn check_each_in<const N: usize>(set: &ByteSet<N>, bytes: &[u8]) {
        let mut got = Vec::new();
        set.each_in(bytes, |k| got.push(k));
        let want: Vec<usize> = (0..bytes.len())
            .filter(|&k| set.contains(bytes[k]))
            .collect();
        assert_eq!(got, want, "{bytes:?}");
    }

    /// The eight-byte test of letters and digits against `u8::is_ascii_alphanumeric`, each byte
    /// value at each place among fillers on both sides of the ranges' ends.
    #[test]
    fn ascii_alphanumerics_are_letters_and_digits() {
        let fillers = [
            b'a', b'Z', b'0', b'/', b':', b'@', b'[', b'`', b'{', 0xC1, 0xFF, 0,
        ];
        check_eight(&fillers, ascii_alphanumerics, u8::is_ascii_alphanumeric);
    }

    /// A block's mask of 64 bytes is the bytes' `contains`, whatever the bytes around them.
    #[test]
    fn block_masks_of_64_bytes_are_the_byte_masks() {
        let alnum = ByteSet::of([]).and_ascii_alphanumeric();
        let high = ByteSet::of([]).and_non_ascii();
        for b in 0..=u8::MAX {
            for at in 0..64 {
                let mut block = [b' '; 64];
                block[at] = b;
                block[63 - at] = b.wrapping_add(0x41);
                block[(at + 17) % 64] = b'z';
                for set in [&alnum, &high] {
                    let want = (0..64).fold(0, |m, k| m | u64::from(set.contains(block[k])) << k);
                    assert_eq!(set.mask64(&block), want, "{b} at {at}");
                }
            }
        }
    }

    /// `Masks3::first` finds what `first_in` of each set finds in the bytes before the end, on
    /// random bytes (each set's, their neighbours, UTF-8 of quote marks and other characters)
    /// of lengths across 64-byte blocks, from every offset and to several ends.
    #[test]
    fn three_sets_masks_find_what_each_scan_finds() {
        let newline = ByteSet::of([b'\n']);
        let ends = ByteSet::of([b'.', b'!', b'?', 0xA6]);
        let quotes = ByteSet::of([b'"', b'\'']).and_non_ascii();
        let pieces: [&[u8]; 14] = [
            b"a",
            b"\n",
            b".",
            b"!",
            b"?",
            b"\"",
            b"'",
            b" ",
            "\u{201c}".as_bytes(),
            "\u{2019}".as_bytes(),
            "\u{2026}".as_bytes(),
            "\u{e6}".as_bytes(),
            b"/",
            b"@",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut masks = Masks3::default();
        for len in 0..300 {
            for _ in 0..4 {
                let mut bytes = Vec::new();
                while bytes.len() < len {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // Mostly letters, so some blocks have none of a set.
                    let k = if seed.is_multiple_of(4) {
                        (seed >> 8) as usize % 14
                    } else {
                        0
                    };
                    bytes.extend_from_slice(pieces[k]);
                }
                masks.fill(&bytes, &newline, &ends, &quotes);
                let n = bytes.len();
                for from in 0..=n {
                    for end in [from, from + 1, from + 64, n - (n - from) / 2, n] {
                        let end = end.min(n);
                        let b = &bytes[..end];
                        assert_eq!(masks.first::<0>(from, end), newline.first_in(b, from));
                        assert_eq!(masks.first::<1>(from, end), ends.first_in(b, from));
                        assert_eq!(masks.first::<2>(from, end), quotes.first_in(b, from));
                    }
                }
            }
        }
    }

    #[test]
    fn contains_is_the_sets_definition() {
        for b in 0..=u8::MAX {
            assert_eq!(
                JSON_SPECIAL.contains(b),
                b < 0x20 || b == b'"' || b == b'\\'
            );
        }
        let cr_or_non_ascii = ByteSet::of([b'\r']).and_non_ascii();
        for b in 0..=u8::MAX {
            assert_eq!(cr_or_non_ascii.contains(b), b == b'\r' || b >= 0x80);
        }
        let word = ByteSet::of([b'-']).and_ascii_alphanumeric();
        for b in 0..=u8::MAX {
            assert_eq!(word.contains(b), b == b'-' || b.is_ascii_alphanumeric());
        }
    }
}
