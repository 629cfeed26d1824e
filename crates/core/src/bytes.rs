//! A byte search a word at a time, for the scanners that run over long text: the JSON parser's
//! strings (a message's content runs to thousands of characters) and the shorthand parser's quoted
//! values; and a byte count, for the shorthand generator's measure of each spelling.

/// The index of the first byte at or after `from` that is `a`, `b`, or below `BELOW` (at most
/// `0x80`; `0` for none), eight bytes at a time. In each word, every byte that matches gets its
/// high bit set in `hits`, exactly, with no carry from one byte into the next, so the lowest set
/// bit is the first match. `BELOW` is a constant so that a search without it (the shorthand
/// parser's) does not pay for it.
pub(crate) fn find<const BELOW: u8>(bytes: &[u8], from: usize, a: u8, b: u8) -> Option<usize> {
    let below = BELOW;
    const LOW7: u64 = u64::from_le_bytes([0x7f; 8]);
    // A byte's low seven bits plus `0x80 - n` reach the high bit exactly when the byte is `n` or
    // more; a byte whose own high bit is set is `0x80` or more.
    let below_in = |x: u64, n: u8| !(((x & LOW7) + u64::from_le_bytes([0x80 - n.min(0x80); 8])) | x | LOW7);
    let (a8, b8) = (u64::from_le_bytes([a; 8]), u64::from_le_bytes([b; 8]));
    let mut chunks = bytes.get(from..)?.chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
        let hits = below_in(word ^ a8, 1) | below_in(word ^ b8, 1) | below_in(word, below);
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    Some(at + chunks.remainder().iter().position(|&x| x == a || x == b || x < below)?)
}

/// How many of `bytes` are `c`. Counted in runs of at most 255 bytes into a byte-wide sum, which
/// the compiler adds sixteen or more comparisons at a time; a count straight into a `usize` widened
/// every byte to eight and went four at a time.
pub(crate) fn count(bytes: &[u8], c: u8) -> usize {
    bytes.chunks(255).map(|run| usize::from(run.iter().map(|&b| u8::from(b == c)).sum::<u8>())).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]
        /// The same answer as a loop over the bytes: the searched bytes, their neighbours (off by
        /// one bit, or by one), control characters and bytes with the high bit set, at every start.
        #[test]
        fn a_word_at_a_time_finds_what_a_byte_loop_finds(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'"', b'\\', b'#', b'!', b']', 0x00, 0x1f, 0x20, 0x7f, 0x80, 0xa2, 0xdc, 0xff, b'a']),
                0..40,
            ),
            from in 0usize..42,
        ) {
            let looped = |below: u8| {
                bytes.get(from..).and_then(|rest| rest.iter().position(|&x| x == b'"' || x == b'\\' || x < below)).map(|i| from + i)
            };
            proptest::prop_assert_eq!(find::<0>(&bytes, from, b'"', b'\\'), looped(0));
            proptest::prop_assert_eq!(find::<1>(&bytes, from, b'"', b'\\'), looped(1));
            proptest::prop_assert_eq!(find::<0x20>(&bytes, from, b'"', b'\\'), looped(0x20));
            proptest::prop_assert_eq!(find::<0x80>(&bytes, from, b'"', b'\\'), looped(0x80));
        }

        #[test]
        fn count_is_a_byte_loop(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..1200), c in proptest::prelude::any::<u8>()) {
            proptest::prop_assert_eq!(count(&bytes, c), bytes.iter().filter(|&&b| b == c).count());
            // Runs of one byte, where a sum past 255 in any run would wrap.
            proptest::prop_assert_eq!(count(&vec![c; bytes.len()], c), bytes.len());
        }
    }
}
