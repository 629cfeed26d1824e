//! Deflate (RFC 1951) for share links, both ways, small: the compressor writes one block with
//! the fixed Huffman codes and greedy LZ77 matches found through hash chains; the inflater reads
//! every block type (stored, fixed, dynamic), as links made by other compressors need.
//!
//! Why not a crate: miniz_oxide (dynamic Huffman tables, lazy matching, table-driven inflate) was
//! about 28 KB of the playground's wasm for links of a few hundred bytes. What matters in a link
//! is the repetition (a scenario repeats its request in every step), which LZ77 alone removes;
//! dynamic tables would shave only a little more. The tests compare both directions with
//! miniz_oxide, a dev-dependency.

/// Literal/length symbol 257 + i stands for lengths `LENGTH_BASE[i]..` with `LENGTH_EXTRA[i]`
/// extra bits (RFC 1951, 3.2.5).
const LENGTH_BASE: [u16; 29] =
    [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA: [u8; 29] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/// Distance code i stands for distances `DISTANCE_BASE[i]..` with `DISTANCE_EXTRA[i]` extra bits.
const DISTANCE_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA: [u8; 30] =
    [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

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
        let i = LENGTH_BASE.iter().rposition(|&b| usize::from(b) <= length).unwrap_or(0);
        self.symbol(257 + i as u32);
        let extra = u32::from(LENGTH_EXTRA.get(i).copied().unwrap_or(0));
        let base = LENGTH_BASE.get(i).copied().unwrap_or(3);
        self.put(length as u32 - u32::from(base), extra);
        let d = DISTANCE_BASE.iter().rposition(|&b| usize::from(b) <= distance).unwrap_or(0);
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
        let mut candidate = rest.get(..MIN_MATCH).and_then(|three| head.get(hash(three))).copied().unwrap_or(NONE);
        let mut chain = MAX_CHAIN;
        while candidate != NONE && chain > 0 {
            let c = candidate as usize;
            if pos - c > WINDOW {
                break;
            }
            let earlier = data.get(c..).unwrap_or_default();
            let len = earlier.iter().zip(rest).take(MAX_MATCH).take_while(|(a, b)| a == b).count();
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

/// Why compressed data could not be inflated.
pub type InflateError = &'static str;

/// Reads bits least significant first, as deflate packs them.
struct Input<'a> {
    data: &'a [u8],
    /// The position in bits.
    at: usize,
}

impl Input<'_> {
    fn bits(&mut self, n: u32) -> Result<u32, InflateError> {
        let mut v = 0;
        for i in 0..n {
            let byte = self.data.get(self.at / 8).ok_or("the data ends early")?;
            v |= u32::from((byte >> (self.at % 8)) & 1) << i;
            self.at += 1;
        }
        Ok(v)
    }
}

/// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    /// The code for these code lengths (0: symbol unused); an over-subscribed set is refused.
    fn new(lengths: &[u8]) -> Result<Self, InflateError> {
        let mut counts = [0u16; 16];
        for &l in lengths {
            *counts.get_mut(usize::from(l)).ok_or("a code length over 15")? += 1;
        }
        counts[0] = 0;
        let mut left: i32 = 1;
        for &c in &counts[1..] {
            left = left * 2 - i32::from(c);
            if left < 0 {
                return Err("an over-subscribed Huffman code");
            }
        }
        let mut symbols = Vec::with_capacity(lengths.len());
        for len in 1..16u8 {
            symbols.extend((0u16..).zip(lengths).filter(|(_, &l)| l == len).map(|(s, _)| s));
        }
        Ok(Huffman { counts, symbols })
    }

    /// One symbol, its code read a bit at a time (as in zlib's puff.c).
    fn decode(&self, input: &mut Input) -> Result<u16, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for &count in &self.counts[1..] {
            code |= input.bits(1)? as i32;
            let count = i32::from(count);
            if code - first < count {
                let i = usize::try_from(index + code - first).map_err(|_| "a bad code")?;
                return self.symbols.get(i).copied().ok_or("a bad code");
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err("a code that is not in the table")
    }
}

/// The order in which a dynamic block gives the code lengths of its code-length code.
const CODE_LENGTH_ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/// The codes of a dynamic block (RFC 1951, 3.2.7).
fn dynamic_codes(input: &mut Input) -> Result<(Huffman, Huffman), InflateError> {
    let literals = input.bits(5)? as usize + 257;
    let distances = input.bits(5)? as usize + 1;
    let code_lengths = input.bits(4)? as usize + 4;
    let mut lengths = [0u8; 19];
    for &i in CODE_LENGTH_ORDER.iter().take(code_lengths) {
        lengths[i] = input.bits(3)? as u8;
    }
    let code = Huffman::new(&lengths)?;
    let mut lengths = Vec::with_capacity(literals + distances);
    while lengths.len() < literals + distances {
        let (value, repeat) = match code.decode(input)? {
            16 => (*lengths.last().ok_or("a repeat with nothing before it")?, 3 + input.bits(2)?),
            17 => (0, 3 + input.bits(3)?),
            18 => (0, 11 + input.bits(7)?),
            l => (l as u8, 1),
        };
        lengths.extend(std::iter::repeat_n(value, repeat as usize));
    }
    if lengths.len() > literals + distances {
        return Err("code lengths run past their count");
    }
    let (lit, dist) = lengths.split_at(literals);
    Ok((Huffman::new(lit)?, Huffman::new(dist)?))
}

/// Inflates raw deflate data (no zlib or gzip header), refusing to write more than `limit` bytes.
pub fn decompress(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut input = Input { data, at: 0 };
    let mut out = Vec::new();
    loop {
        let last = input.bits(1)? == 1;
        match input.bits(2)? {
            0 => {
                input.at = input.at.div_ceil(8) * 8;
                let len = input.bits(16)? as usize;
                if input.bits(16)? as usize != !len & 0xFFFF {
                    return Err("a stored block's length does not match its complement");
                }
                let start = input.at / 8;
                let bytes = data.get(start..start + len).ok_or("the data ends early")?;
                out.extend_from_slice(bytes);
                input.at += len * 8;
            }
            kind @ (1 | 2) => {
                let (lit, dist) = if kind == 1 {
                    let mut fixed = [8u8; 288];
                    fixed[144..256].fill(9);
                    fixed[256..280].fill(7);
                    (Huffman::new(&fixed)?, Huffman::new(&[5; 30])?)
                } else {
                    dynamic_codes(&mut input)?
                };
                loop {
                    let symbol = usize::from(lit.decode(&mut input)?);
                    if symbol < 256 {
                        out.push(symbol as u8);
                    } else if symbol == 256 {
                        break;
                    } else {
                        let i = symbol - 257;
                        let base = LENGTH_BASE.get(i).ok_or("a bad length code")?;
                        let extra = LENGTH_EXTRA.get(i).ok_or("a bad length code")?;
                        let length = usize::from(*base) + input.bits(u32::from(*extra))? as usize;
                        let d = usize::from(dist.decode(&mut input)?);
                        let base = DISTANCE_BASE.get(d).ok_or("a bad distance code")?;
                        let extra = DISTANCE_EXTRA.get(d).ok_or("a bad distance code")?;
                        let distance = usize::from(*base) + input.bits(u32::from(*extra))? as usize;
                        let from = out.len().checked_sub(distance).ok_or("a distance too far back")?;
                        for k in from..from + length {
                            let byte = out.get(k).copied().ok_or("a distance too far back")?;
                            out.push(byte);
                        }
                    }
                    if out.len() > limit {
                        return Err("more data than a share link holds");
                    }
                }
            }
            _ => return Err("an unknown block type"),
        }
        if out.len() > limit {
            return Err("more data than a share link holds");
        }
        if last {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chat_event_core::presets::PRESETS;

    /// Inflated by miniz_oxide, the reference, and by ours, which must agree.
    fn inflate(packed: &[u8]) -> Vec<u8> {
        let reference =
            miniz_oxide::inflate::decompress_to_vec(packed).unwrap_or_else(|e| panic!("not valid deflate: {e:?}"));
        assert_eq!(decompress(packed, usize::MAX).as_ref(), Ok(&reference));
        reference
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
        for input in &inputs {
            assert_eq!(&inflate(&compress(input)), input, "{} bytes", input.len());
        }
    }

    /// Links made before this compressor came from miniz_oxide at level 9 (dynamic Huffman
    /// blocks): they, and every other level's blocks (stored, fixed), still inflate.
    #[test]
    fn miniz_oxides_streams_inflate_at_every_level() {
        let mut inputs = vec![Vec::new(), b"a".to_vec(), vec![b'x'; 70_000], noise(70_000, 9)];
        for p in PRESETS {
            inputs.push(p.request().to_json_pretty().into_bytes());
        }
        for level in 0..=10 {
            for input in &inputs {
                let packed = miniz_oxide::deflate::compress_to_vec(input, level);
                assert_eq!(decompress(&packed, usize::MAX).as_ref(), Ok(input), "level {level}");
            }
        }
    }

    /// Damaged data gives an error, never a panic or a wrong success; the limit holds.
    #[test]
    fn damaged_or_oversized_data_is_refused() {
        let input = PRESETS[0].request().to_json_pretty().repeat(3).into_bytes();
        for packed in [compress(&input), miniz_oxide::deflate::compress_to_vec(&input, 9)] {
            for end in 0..packed.len() {
                assert!(decompress(&packed[..end], usize::MAX).is_err(), "cut at {end}");
            }
            assert!(decompress(&packed, input.len() - 1).is_err());
            assert_eq!(decompress(&packed, input.len()).as_ref(), Ok(&input));
        }
        // Arbitrary bytes: whatever they decode to, no panic.
        for seed in 1..200 {
            let _ = decompress(&noise(64, seed), 1 << 20);
        }
        assert_eq!(decompress(&[0b111], 10), Err("an unknown block type"));
        assert!(decompress(&[0b001, 0, 0, 0, 0], 10).is_err()); // stored: NLEN is not !LEN
    }

    #[test]
    fn repetition_is_what_shrinks() {
        // A scenario repeats its request in every step: the repeats cost little.
        let one = PRESETS[0].request().to_json_pretty();
        let ten = one.repeat(10);
        let (one_packed, ten_packed) = (compress(one.as_bytes()).len(), compress(ten.as_bytes()).len());
        assert!(one_packed < one.len(), "{one_packed} ≥ {}", one.len());
        assert!(ten_packed < one_packed + one_packed / 2, "{ten_packed} for ten, {one_packed} for one");
        // Noise cannot shrink; fixed codes cost at most 9 bits a byte, plus the block's ends.
        let n = noise(1_000, 5);
        assert!(compress(&n).len() <= 1_000 * 9 / 8 + 3);
    }
}
