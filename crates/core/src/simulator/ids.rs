//! Seeded, deterministic ids that look like Connect's (UUID version 4), and the seeded random numbers
//! behind the simulated internal errors.
//!
//! Ids come from a counter-based generator: SplitMix64's finalizer applied to a counter, keyed by the
//! seed. That finalizer is a bijection, so an id can be read back into what it counts (the contact's
//! number, and for a message its number within the chat). The store therefore keeps no id index, and
//! a read or delivered receipt can be checked against its chat without keeping every message id.
//! A 58-bit keyed check inside each id rejects ids that this simulator (with this seed) never issued.
//! No `rand` dependency: this is a few lines, and the wasm build stays small.

use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::json::read::{FromJson, Path, ReadError};
use crate::json::ToJson;

const C1: u64 = 0xbf58_476d_1ce4_e5b9;
const C2: u64 = 0x94d0_49bb_1331_11eb;
const GOLDEN_GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// Multiplicative inverse of an odd number modulo 2^64 (Newton's iteration doubles the good bits).
const fn inverse(c: u64) -> u64 {
    let mut x = c;
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(c.wrapping_mul(x)));
        i += 1;
    }
    x
}

const C1_INV: u64 = inverse(C1);
const C2_INV: u64 = inverse(C2);

/// SplitMix64's output function: a bijection on u64 with good avalanche.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(C1);
    z = (z ^ (z >> 27)).wrapping_mul(C2);
    z ^ (z >> 31)
}

fn unshift(y: u64, s: u32) -> u64 {
    let mut x = y;
    let mut covered = s;
    while covered < 64 {
        x = y ^ (x >> s);
        covered += s;
    }
    x
}

pub(crate) fn unmix(z: u64) -> u64 {
    let z = unshift(z, 31).wrapping_mul(C2_INV);
    let z = unshift(z, 27).wrapping_mul(C1_INV);
    unshift(z, 30)
}

/// A small seeded generator (SplitMix64). Its state is one number, kept in snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToJson)]
pub struct SplitMix64 {
    pub state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix(self.state)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// Bit 31 of an item number inside a chat: set for events (and disconnects), clear for messages.
const EVENT_BIT: u32 = 1 << 31;
/// The largest item number in one chat.
pub(crate) const MAX_ITEM: u32 = EVENT_BIT - 1;

/// What an id decodes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decoded {
    Contact(u32),
    /// A transcript item: the contact's number, the item's number (from 1) and whether it is a message.
    Item {
        contact: u32,
        item: u32,
        is_message: bool,
    },
}

/// Turns counters into UUID-looking ids and back, keyed by the seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IdCodec {
    k1: u64,
    k2: u64,
}

impl IdCodec {
    pub fn new(seed: u64) -> Self {
        let mut g = SplitMix64::new(seed ^ 0x636f_6e6e_6563_7421); // "connect!"
        IdCodec { k1: g.next_u64(), k2: g.next_u64() }
    }

    fn encode(&self, payload: u64) -> u128 {
        let h = mix(payload.wrapping_add(self.k1));
        let tag = mix(h ^ self.k2);
        let a = h >> 4; // 60 bits around the version nibble
        let hi = ((a >> 12) << 16) | (0x4 << 12) | (a & 0xfff);
        let lo = (0b10u64 << 62) | ((h & 0xf) << 58) | (tag & ((1 << 58) - 1));
        (u128::from(hi) << 64) | u128::from(lo)
    }

    fn decode(&self, id: u128) -> Option<u64> {
        let hi = (id >> 64) as u64;
        let lo = id as u64;
        if (hi >> 12) & 0xf != 4 || lo >> 62 != 0b10 {
            return None;
        }
        let a = ((hi >> 16) << 12) | (hi & 0xfff);
        let h = (a << 4) | ((lo >> 58) & 0xf);
        if mix(h ^ self.k2) & ((1 << 58) - 1) != lo & ((1 << 58) - 1) {
            return None;
        }
        Some(unmix(h).wrapping_sub(self.k1))
    }

    /// The id of the contact with this number (contacts are numbered from 0 in creation order).
    pub fn contact(&self, index: u32) -> ContactId {
        ContactId(self.encode(u64::from(index) << 32))
    }

    /// The id of item `item` (from 1) of a contact's transcript.
    pub fn item(&self, contact: u32, item: u32, is_message: bool) -> MessageId {
        let low = if is_message { item } else { item | EVENT_BIT };
        MessageId(self.encode((u64::from(contact) << 32) | u64::from(low)))
    }

    pub fn decode_id(&self, id: u128) -> Option<Decoded> {
        let p = self.decode(id)?;
        let contact = (p >> 32) as u32;
        let low = p as u32;
        if low == 0 {
            Some(Decoded::Contact(contact))
        } else {
            Some(Decoded::Item { contact, item: low & MAX_ITEM, is_message: low & EVENT_BIT == 0 })
        }
    }
}

fn write_uuid(v: u128, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut out = [0u8; 36];
    f.write_str(uuid_text(v, &mut out))
}

/// The two hex digits of each byte value.
const HEX_PAIRS: [[u8; 2]; 256] = {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut pairs = [[0u8; 2]; 256];
    let mut i = 0;
    while i < 256 {
        pairs[i] = [HEX[i >> 4], HEX[i & 0xf]];
        i += 1;
    }
    pairs
};

fn uuid_text(v: u128, out: &mut [u8; 36]) -> &str {
    // Where each byte's two digits go (8-4-4-4-12), most significant byte first.
    const AT: [usize; 16] = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
    *out = [b'-'; 36];
    for (byte, at) in v.to_be_bytes().into_iter().zip(AT) {
        if let Some(pair) = out.get_mut(at..at + 2) {
            pair.copy_from_slice(&HEX_PAIRS[usize::from(byte)]);
        }
    }
    // Only ASCII was written.
    std::str::from_utf8(out).unwrap_or_default()
}

/// Why a text is not an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError {
    pub input: String,
    pub message: String,
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a UUID: {}", self.input, self.message)
    }
}

impl std::error::Error for IdError {}

fn parse_uuid(text: &str) -> Result<u128, IdError> {
    let err = |message: String| IdError { input: text.to_string(), message };
    if let Some((n, c)) = text.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
        return Err(err(format!("character {} ({c:?}) is not a hex digit", n + 1)));
    }
    if text.len() != 36 {
        return Err(err(format!("expected 36 characters (8-4-4-4-12 hex digits), found {}", text.chars().count())));
    }
    let mut v: u128 = 0;
    for (i, c) in text.char_indices() {
        if matches!(i, 8 | 13 | 18 | 23) {
            if c != '-' {
                return Err(err(format!("expected '-' at character {}", i + 1)));
            }
            continue;
        }
        let d = c.to_digit(16).ok_or_else(|| err(format!("character {} ({c:?}) is not a hex digit", i + 1)))?;
        v = (v << 4) | u128::from(d);
    }
    Ok(v)
}

macro_rules! uuid_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "tsify", derive(tsify::Tsify), tsify(type = "string"))]
        pub struct $name(pub u128);

        impl $name {
            /// Appends the id's text to `out` (cheaper than `to_string` on the hot path).
            pub fn write_to(&self, out: &mut String) {
                let mut buf = [0u8; 36];
                out.push_str(uuid_text(self.0, &mut buf));
            }

            /// The id's text.
            pub fn to_text(&self) -> String {
                let mut out = String::with_capacity(36);
                self.write_to(&mut out);
                out
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write_uuid(self.0, f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({self})", stringify!($name))
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            /// Reads `8-4-4-4-12` hex digits, either case.
            fn from_str(s: &str) -> Result<Self, IdError> {
                parse_uuid(s).map($name)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        /// Written as its text.
        impl ToJson for $name {
            fn write(&self, out: &mut dyn crate::json::write::Out) {
                out.string(&self.to_string());
            }
        }

        /// Reads the id's text (`8-4-4-4-12` hex digits).
        impl FromJson for $name {
            fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
                let text = value.as_str().ok_or_else(|| ReadError::expected(at, "an id such as \"6f1d0b52-9c1e-4a57-8e3b-2f0a7c9d4e11\"", value))?;
                text.parse().map_err(|e: IdError| ReadError::new(at, e.to_string()))
            }
        }
    };
}

uuid_type!(
    /// A contact's id, such as `6f1d0b52-9c1e-4a57-8e3b-2f0a7c9d4e11`: what AWS returns as `InitialContactId`.
    ContactId
);
uuid_type!(
    /// The id of a message or event in a chat; read and delivered receipts name one.
    MessageId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mix_is_a_bijection_with_its_inverse() {
        for x in [0u64, 1, 2, u64::MAX, 0x1234_5678_9abc_def0, 1 << 63] {
            assert_eq!(unmix(mix(x)), x);
        }
        assert_eq!(C1.wrapping_mul(C1_INV), 1);
        assert_eq!(C2.wrapping_mul(C2_INV), 1);
    }

    #[test]
    fn ids_look_like_uuid_v4_and_decode_back() {
        let codec = IdCodec::new(42);
        for index in [0u32, 1, 2, 1_000_000, u32::MAX] {
            let id = codec.contact(index);
            let text = id.to_string();
            assert_eq!(text.len(), 36);
            assert_eq!(&text[14..15], "4", "version nibble in {text}");
            assert!(matches!(&text[19..20], "8" | "9" | "a" | "b"), "variant in {text}");
            assert_eq!(text.parse::<ContactId>().unwrap(), id);
            assert_eq!(codec.decode_id(id.0), Some(Decoded::Contact(index)));
        }
        for (contact, item, is_message) in [(0u32, 1u32, true), (7, 2, false), (u32::MAX, MAX_ITEM, true)] {
            let id = codec.item(contact, item, is_message);
            assert_eq!(codec.decode_id(id.0), Some(Decoded::Item { contact, item, is_message }));
        }
    }

    #[test]
    fn ids_depend_on_the_seed_and_foreign_ids_do_not_decode() {
        let a = IdCodec::new(1);
        let b = IdCodec::new(2);
        assert_ne!(a.contact(0), b.contact(0));
        assert_eq!(a.contact(0), IdCodec::new(1).contact(0));
        assert_eq!(b.decode_id(a.contact(0).0), None);
        assert_eq!(a.decode_id(0), None);
        // Consecutive contacts do not look consecutive.
        assert_ne!(a.contact(0).to_string()[..8], a.contact(1).to_string()[..8]);
    }

    #[test]
    fn uuid_parsing_locates_errors() {
        for (bad, needle) in [
            ("abc", "36 characters"),
            ("6f1d0b52x9c1e-4a57-8e3b-2f0a7c9d4e11", "'-' at character 9"),
            ("6f1d0b52-9c1e-4a57-8e3b-2f0a7c9d4e1g", "character 36"),
            ("6f1d0b52-9c1e-4a57-8e3b-2f0a7c9d4é1", "character 34 ('é')"),
        ] {
            let e = bad.parse::<ContactId>().unwrap_err();
            assert!(e.message.contains(needle), "{bad}: {}", e.message);
        }
        let id: ContactId = "6F1D0B52-9C1E-4A57-8E3B-2F0A7C9D4E11".parse().unwrap();
        assert_eq!(id.to_string(), "6f1d0b52-9c1e-4a57-8e3b-2f0a7c9d4e11");
    }

    #[test]
    fn ids_read_from_their_text_only() {
        use crate::json::read::read;
        use serde_json::json;
        let id: ContactId = "6f1d0b52-9c1e-4a57-8e3b-2f0a7c9d4e11".parse().unwrap();
        assert_eq!(read::<ContactId>(&json!("6F1D0B52-9C1E-4A57-8E3B-2F0A7C9D4E11")), Ok(id));
        assert_eq!(read::<MessageId>(&crate::json::to_value(&MessageId(id.0))), Ok(MessageId(id.0)));
        let e = read::<ContactId>(&json!("6f1d0b52")).unwrap_err();
        assert!(e.message.starts_with("\"6f1d0b52\" is not a UUID: "), "{}", e.message);
        let e = read::<ContactId>(&json!(5)).unwrap_err();
        assert!(e.message.ends_with("found the number 5"), "{}", e.message);
    }

    #[test]
    fn splitmix_is_reproducible_and_in_range() {
        let mut a = SplitMix64::new(9);
        let mut b = SplitMix64::new(9);
        for _ in 0..1000 {
            let x = a.next_f64();
            assert_eq!(x, b.next_f64());
            assert!((0.0..1.0).contains(&x));
        }
    }
}
