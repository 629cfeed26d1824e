//! A small deflate compressor (RFC 1951) for share links: one block with the fixed Huffman codes,
//! greedy LZ77 matches found through hash chains.
//!
//! Why not a crate's compressor: miniz_oxide's (with dynamic Huffman tables and lazy matching) was
//! about 20 KB of the playground's wasm for links of a few hundred bytes; this is a small fraction
//! of it. What matters in a share link is the repetition (a scenario repeats its request in every
//! step), which LZ77 alone removes; dynamic tables would only shave a little more. The output is
//! plain deflate, read by miniz_oxide's inflater like any other (so `#s1=` links are unchanged).

/// Literal/length symbol 257 + i stands for lengths `LENGTH_BASE[i]..` with `LENGTH_EXTRA[i]`
/// extra bits (RFC 1951, 3.2.5).
const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
/// Distance code i stands for distances `DISTANCE_BASE[i]..` with `DISTANCE_EXTRA[i]` extra bits.
const DISTANCE_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const WINDOW: usize = 32 * 1024;
const HASH_BITS: u32 = 12;
/// How many earlier positions with the same hash are tried: enough for JSON of a few KB.
const MAX_CHAIN: usize = 48;
const NONE: u32 = u32::MAX;

/// Deflate bits, least significant first, as RFC 1951 packs them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u32,
    used: u32,
}

impl Bits {
    /// The low `n` bits of `value` (n ≤ 16).
    fn put(&mut self, value: u32, n: u32) {
        self.acc |= value << self.used;
        self.used += n;
        while self.used >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.used -= 8;
        }
    }

    /// A Huffman code: written from its most significant bit.
    fn code(&mut self, code: u32, n: u32) {
        self.put(code.reverse_bits() >> (32 - n), n);
    }

    /// A literal/length symbol in the fixed code (RFC 1951, 3.2.6).
    fn symbol(&mut self, s: u32) {
        match s {
            0..=143 => self.code(0x30 + s, 8),
            144..=255 => self.code(0x190 + s - 144, 9),
            256..=279 => self.code(s - 256, 7),
            _ => self.code(0xC0 + s - 280, 8),
        }
    }

    /// A match: its length symbol and extra bits, then its distance code and extra bits.
    fn matched(&mut self, length: usize, distance: usize) {
        let i = LENGTH_BASE
            .iter()
            .rposition(|&b| usize::from(b) <= length)
            .unwrap_or(0);
        self.symbol(257 + i as u32);
        let extra = u32::from(LENGTH_EXTRA.get(i).copied().unwrap_or(0));
        let base = LENGTH_BASE.get(i).copied().unwrap_or(3);
        self.put(length as u32 - u32::from(base), extra);
        let d = DISTANCE_BASE
            .iter()
            .rposition(|&b| usize::from(b) <= distance)
            .unwrap_or(0);
        self.code(d as u32, 5);
        let extra = u32::from(DISTANCE_EXTRA.get(d).copied().unwrap_or(0));
        let base = DISTANCE_BASE.get(d).copied().unwrap_or(1);
        self.put(distance as u32 - u32::from(base), extra);
    }
}

fn hash(three: &[u8]) -> usize {
    let v = three.iter().fold(0u32, |h, &b| (h << 8) | u32::from(b));
    (v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
}

/// `data` as raw deflate (no zlib or gzip header), in one final block.
pub fn compress(data: &[u8]) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(0b011, 3); // BFINAL = 1, BTYPE = 01 (fixed Huffman codes)
                        // head[h]: the latest position whose next three bytes hash to h; prev[p]: the one before p.
    let mut head = vec![NONE; 1 << HASH_BITS];
    let mut prev = vec![NONE; data.len()];
    let insert = |p: usize, head: &mut Vec<u32>, prev: &mut Vec<u32>| {
        if let Some(three) = data.get(p..p + MIN_MATCH) {
            let h = hash(three);
            if let (Some(slot), Some(link)) = (head.get_mut(h), prev.get_mut(p)) {
                *link = *slot;
                *slot = p as u32;
            }
        }
    };
    let mut pos = 0;
    while let Some(rest) = data.get(pos..).filter(|r| !r.is_empty()) {
        let (mut best, mut distance) = (0, 0);
        let mut candidate = rest
            .get(..MIN_MATCH)
            .and_then(|three| head.get(hash(three)))
            .copied()
            .unwrap_or(NONE);
        let mut chain = MAX_CHAIN;
        while candidate != NONE && chain > 0 {
            let c = candidate as usize;
            if pos - c > WINDOW {
                break;
            }
            let earlier = data.get(c..).unwrap_or_default();
            let len = earlier
                .iter()
                .zip(rest)
                .take(MAX_MATCH)
                .take_while(|(a, b)| a == b)
                .count();
            if len > best {
                (best, distance) = (len, pos - c);
                if len == MAX_MATCH {
                    break;
                }
            }
            candidate = prev.get(c).copied().unwrap_or(NONE);
            chain -= 1;
        }
        if best >= MIN_MATCH {
            bits.matched(best, distance);
            for p in pos..pos + best {
                insert(p, &mut head, &mut prev);
            }
            pos += best;
        } else {
            bits.symbol(u32::from(rest.first().copied().unwrap_or(0)));
            insert(pos, &mut head, &mut prev);
            pos += 1;
        }
    }
    bits.symbol(256); // end of block
    bits.put(0, 7); // pads the last byte
    bits.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chat_event_core::presets::PRESETS;

    fn inflate(packed: &[u8]) -> Vec<u8> {
        miniz_oxide::inflate::decompress_to_vec(packed)
            .unwrap_or_else(|e| panic!("not valid deflate: {e:?}"))
    }

    /// Bytes from a fixed xorshift sequence: nothing to match, every literal code used.
    fn noise(n: usize, seed: u64) -> Vec<u8> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn what_is_compressed_inflates_back_to_it() {
        let mut inputs: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"a".to_vec(),
            b"ab".to_vec(),
            b"abc".to_vec(),
            b"abcabc".to_vec(),
            // Runs across every length boundary, the longest match (258) and beyond.
            vec![b'x'; 3],
            vec![b'x'; 4],
            vec![b'x'; 258],
            vec![b'x'; 259],
            vec![b'x'; 261],
            vec![b'x'; 10_000],
            noise(5_000, 1),
            noise(300, 7),
        ];
        // A match at the farthest distance, 32 KB back, and one just beyond the window.
        for gap in [WINDOW - 16, WINDOW - 2, WINDOW + 100] {
            let mut v = b"0123456789abcdef".to_vec();
            v.extend(noise(gap - 16, 3));
            v.extend(b"0123456789abcdef");
            inputs.push(v);
        }
        for p in PRESETS {
            inputs.push(p.request().to_json_pretty().into_bytes());
        }
        for input in inputs {
            assert_eq!(inflate(&compress(&input)), input, "{} bytes", input.len());
        }
    }

    #[test]
    fn repetition_is_what_shrinks() {
        // A scenario repeats its request in every step: the repeats cost little.
        let one = PRESETS[0].request().to_json_pretty();
        let ten = one.repeat(10);
        let (one_packed, ten_packed) = (
            compress(one.as_bytes()).len(),
            compress(ten.as_bytes()).len(),
        );
        assert!(one_packed < one.len(), "{one_packed} ≥ {}", one.len());
        assert!(
            ten_packed < one_packed + one_packed / 2,
            "{ten_packed} for ten, {one_packed} for one"
        );
        // Noise cannot shrink; fixed codes cost at most 9 bits a byte, plus the block's ends.
        let n = noise(1_000, 5);
        assert!(compress(&n).len() <= 1_000 * 9 / 8 + 3);
    }
}
