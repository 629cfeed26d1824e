//! base64url without padding (RFC 4648 §5), the alphabet of share links. Our own rather than a
//! crate's: a general engine (padding modes, alphabets, chunked decoding) costs the wasm more than
//! these few lines.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` as base64url text, without `=` padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        // A chunk of k bytes gives k + 1 characters.
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Why text is not base64url.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A character outside the alphabet, at this byte offset.
    Symbol { offset: usize, byte: u8 },
    /// A length no encoding gives (one character left over).
    Length,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Symbol { offset, byte } => {
                write!(f, "invalid symbol {byte}, offset {offset}")
            }
            DecodeError::Length => f.write_str("invalid length"),
        }
    }
}

fn value(offset: usize, byte: u8) -> Result<u32, DecodeError> {
    let v = match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return Err(DecodeError::Symbol { offset, byte }),
    };
    Ok(u32::from(v))
}

/// The bytes of base64url text without padding. Unused low bits of the last character must be
/// zero, as an encoder leaves them (so every byte string has one encoding).
pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    let text = text.as_bytes();
    if text.len() % 4 == 1 {
        return Err(DecodeError::Length);
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for (c, chunk) in text.chunks(4).enumerate() {
        let mut n = 0u32;
        for (i, &byte) in chunk.iter().enumerate() {
            n |= value(c * 4 + i, byte)? << (18 - 6 * i);
        }
        // k characters carry k - 1 bytes; the bits beyond them must be zero.
        let bytes = chunk.len() - 1;
        if n & (0xFF_FFFF >> (8 * bytes)) != 0 {
            let last = chunk.len() - 1;
            return Err(DecodeError::Symbol { offset: c * 4 + last, byte: chunk[last] });
        }
        out.extend_from_slice(&n.to_be_bytes()[1..=bytes]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4648 §10's vectors, in the URL alphabet and without padding.
    const VECTORS: [(&str, &str); 7] = [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ];

    #[test]
    fn rfc_4648_vectors_both_ways() {
        for (plain, encoded) in VECTORS {
            assert_eq!(encode(plain.as_bytes()), encoded, "{plain}");
            assert_eq!(decode(encoded), Ok(plain.as_bytes().to_vec()), "{encoded}");
        }
    }

    #[test]
    fn the_url_alphabet_at_both_ends_and_every_byte_round_trips() {
        assert_eq!(encode(&[0xFB, 0xFF]), "-_8");
        assert_eq!(decode("-_8"), Ok(vec![0xFB, 0xFF]));
        let all: Vec<u8> = (0..=255).collect();
        for len in 0..all.len() {
            assert_eq!(decode(&encode(&all[..len])).as_deref(), Ok(&all[..len]));
        }
    }

    #[test]
    fn bad_text_says_where() {
        assert_eq!(decode("Zm9v+"), Err(DecodeError::Length));
        assert_eq!(decode("Zm+v"), Err(DecodeError::Symbol { offset: 2, byte: b'+' }));
        assert_eq!(decode("Zm9v/w"), Err(DecodeError::Symbol { offset: 4, byte: b'/' }));
        assert_eq!(decode("Zm="), Err(DecodeError::Symbol { offset: 2, byte: b'=' }));
        // "Zh" leaves non-zero bits after its one byte; "Zg" is that byte's only encoding.
        assert_eq!(decode("Zh"), Err(DecodeError::Symbol { offset: 1, byte: b'h' }));
        assert_eq!(decode("Zh").map_err(|e| e.to_string()), Err("invalid symbol 104, offset 1".to_owned()));
    }
}
