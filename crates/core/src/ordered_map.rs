//! The maps of string keys that keep their order: Attributes, a shorthand map's members, a request's
//! headers. Hashed with FNV-1a rather than the standard library's SipHash: their keys are a handful
//! of short names, for which SipHash's setup and rounds cost more than the search they serve. What
//! SipHash would defend against, keys chosen to collide, it cannot where this code mostly runs: on
//! wasm32-unknown-unknown the standard library has no source of random keys, so its keys are fixed
//! and known.

use std::hash::{BuildHasherDefault, Hasher};

use indexmap::IndexMap;

/// A map of string keys in the order they were first inserted.
pub type OrderedMap<V> = IndexMap<String, V, BuildHasherDefault<Fnv>>;

/// FNV-1a, 64-bit.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FNV-1a's published test vectors.
    #[test]
    fn fnv_1a_hashes_as_published() {
        for (text, hash) in
            [("", 0xcbf2_9ce4_8422_2325_u64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)]
        {
            let mut h = Fnv::default();
            h.write(text.as_bytes());
            assert_eq!(h.finish(), hash, "{text:?}");
        }
    }
}
