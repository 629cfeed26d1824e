//! The chat store, laid out for a million active chats.
//!
//! - Every identity string (SourceId, DestinationId, Subtype) is stored once, in one arena, and named
//!   by a `u32`.
//! - A contact is a fixed-size record in a vector, numbered in creation order. Its id is computed from
//!   that number (see [`super::ids`]), so no id is stored and no id index is needed.
//! - One table goes from an identity to the newest contact of that identity: the active chat if that
//!   contact is active, and otherwise the contact a new chat follows. It is found by one hash of the
//!   identity's text, without looking up each string first (that was most of the cost of a request).
//! - All chats last the same time and the clock only moves forward, so contacts expire in creation
//!   order: a cursor finds the next to expire, with no timer queue.
//! - Display names, attributes and streaming ARNs live in a side table, only for contacts that have them.
//!   Transcripts live in their own retention-bounded structure ([`super::transcript`]).

use std::hash::Hasher;

use rustc_hash::FxHasher;

use crate::model::Attributes;

/// No value, where a `u32` index is optional.
pub(crate) const NONE: u32 = u32::MAX;

/// The hash of what a hasher was given: rustc-hash's Fx (small and fast for keys we build
/// ourselves; not resistant to hash flooding, which a local simulator does not face), then a final
/// mix so that the low bits (which pick the bucket) and the high half (the tag) depend on every
/// input bit.
fn finish(h: &FxHasher) -> u64 {
    super::ids::mix(h.finish())
}

fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    finish(&h)
}

/// Strings stored once each, named by `u32`. An open-addressing table of indexes into one arena, so a
/// string costs its bytes plus 8 bytes of span and 4 to 8 bytes of table.
#[derive(Debug, Default, Clone)]
pub(crate) struct Interner {
    arena: String,
    spans: Vec<(u32, u32)>,
    table: Vec<u32>,
}

impl Interner {
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// The string named `id`; empty for an unknown id.
    pub fn get(&self, id: u32) -> &str {
        match self.spans.get(id as usize) {
            Some(&(start, len)) => self.arena.get(start as usize..(start + len) as usize).unwrap_or(""),
            None => "",
        }
    }

    fn slot_of(&self, s: &str, hash: u64) -> (usize, Option<u32>) {
        let mask = self.table.len() - 1;
        let mut i = (hash as usize) & mask;
        loop {
            match self.table[i] {
                NONE => return (i, None),
                id if self.get(id) == s => return (i, Some(id)),
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The id of `s`, if it was ever stored.
    #[cfg(test)]
    pub fn lookup(&self, s: &str) -> Option<u32> {
        if self.table.is_empty() {
            return None;
        }
        self.slot_of(s, hash_str(s)).1
    }

    /// The id of `s`, storing it first if needed. `None` only past 4 billion strings or 4 GiB of text.
    pub fn intern(&mut self, s: &str) -> Option<u32> {
        if (self.spans.len() + 1) * 2 > self.table.len() {
            self.grow();
        }
        let hash = hash_str(s);
        let (slot, found) = self.slot_of(s, hash);
        if let Some(id) = found {
            return Some(id);
        }
        let start = u32::try_from(self.arena.len()).ok()?;
        let len = u32::try_from(s.len()).ok()?;
        start.checked_add(len)?;
        let id = u32::try_from(self.spans.len()).ok().filter(|&id| id != NONE)?;
        self.arena.push_str(s);
        self.spans.push((start, len));
        self.table[slot] = id;
        Some(id)
    }

    fn grow(&mut self) {
        let size = (self.table.len() * 2).max(16);
        self.table = vec![NONE; size];
        let mask = size - 1;
        for id in 0..self.spans.len() as u32 {
            let mut i = (hash_str(self.get(id)) as usize) & mask;
            while self.table[i] != NONE {
                i = (i + 1) & mask;
            }
            self.table[i] = id;
        }
    }

    /// Bytes of heap in use (capacity), for the memory figures.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity() + self.spans.capacity() * 8 + self.table.capacity() * 4
    }
}

/// SourceId, DestinationId and Subtype (as matched: lowercased when matching ignores case), interned.
/// An absent Subtype is [`NONE`], its own value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct IdentityKey {
    pub source: u32,
    pub destination: u32,
    pub subtype: u32,
}

/// An identity's text as matched (Subtype lowercased when matching ignores case): what a request
/// names, before it is known whether the store has seen it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IdentityRef<'a> {
    pub source: &'a str,
    pub destination: &'a str,
    pub subtype: Option<&'a str>,
}

impl IdentityRef<'_> {
    /// One hash over the three strings, with their lengths (so that no two identities hash as one
    /// string would).
    #[inline]
    pub fn hash(&self) -> u64 {
        let mut h = FxHasher::default();
        h.write_u32(self.destination.len() as u32);
        h.write(self.destination.as_bytes());
        match self.subtype {
            Some(s) => {
                h.write_u32(s.len() as u32);
                h.write(s.as_bytes());
            }
            None => h.write_u32(NONE),
        }
        h.write_u32(self.source.len() as u32);
        h.write(self.source.as_bytes());
        finish(&h)
    }
}

/// Identity → newest contact: open addressing over `(tag, contact)` slots, the tag being the high
/// half of the identity's hash so that most non-matching slots are skipped without reading a contact.
/// 8 bytes a slot, at most half full.
#[derive(Debug, Clone, Default)]
pub(crate) struct NewestIndex {
    slots: Vec<(u32, u32)>,
    len: usize,
}

/// How a contact stands. Stored as one byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    Active,
    CustomerDisconnected,
    AgentDisconnected,
    FlowDisconnected,
    Expired,
}

/// One contact: 56 bytes.
#[derive(Debug, Clone)]
pub(crate) struct ContactRecord {
    pub key: IdentityKey,
    /// The Subtype as written when the chat was created (it can differ in case from the key's).
    pub subtype_written: u32,
    pub started: i64,
    pub expires: i64,
    /// When it ended; meaningless while active.
    pub ended: i64,
    /// The contact this one follows (same identity, ended before this was created), or [`NONE`].
    pub follows: u32,
    /// Index into [`ChatStore::details`], or [`NONE`].
    pub details: u32,
    /// How many messages and events were assigned ids (the last item number).
    pub items: u32,
    pub standing: Standing,
    /// Bit i set: `content_type::SUPPORTED_MESSAGING_CONTENT_TYPES[i]` is enabled.
    pub content_types: u8,
}

/// What NewSessionDetails gave a contact, besides its content types.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Details {
    pub display_name: Option<Box<str>>,
    pub attributes: Option<Attributes>,
    pub streaming_endpoint_arn: Option<Box<str>>,
}

/// Contacts, identities and the expiry cursor.
#[derive(Debug, Clone, Default)]
pub(crate) struct ChatStore {
    pub strings: Interner,
    pub contacts: Vec<ContactRecord>,
    pub details: Vec<Details>,
    /// Identity → newest contact of that identity.
    newest: NewestIndex,
    pub active: usize,
    /// Every contact before this one has ended.
    pub expiry_cursor: usize,
}

impl ChatStore {
    /// The text of an interned identity.
    pub fn identity_text(&self, key: &IdentityKey) -> IdentityRef<'_> {
        IdentityRef {
            source: self.strings.get(key.source),
            destination: self.strings.get(key.destination),
            subtype: (key.subtype != NONE).then(|| self.strings.get(key.subtype)),
        }
    }

    fn is_identity_of(&self, index: u32, who: &IdentityRef<'_>) -> bool {
        self.contacts.get(index as usize).is_some_and(|c| {
            // The SourceId first: it differs between most identities.
            self.strings.get(c.key.source) == who.source
                && self.strings.get(c.key.destination) == who.destination
                && match who.subtype {
                    Some(s) => c.key.subtype != NONE && self.strings.get(c.key.subtype) == s,
                    None => c.key.subtype == NONE,
                }
        })
    }

    /// The slot holding `who`'s newest contact, or the empty slot where it would go.
    fn slot_of(&self, who: &IdentityRef<'_>, hash: u64) -> (usize, Option<u32>) {
        let slots = &self.newest.slots;
        let mask = slots.len().wrapping_sub(1);
        let tag = (hash >> 32) as u32;
        let mut i = (hash as usize) & mask;
        while let Some(&(t, index)) = slots.get(i) {
            if index == NONE {
                return (i, None);
            }
            if t == tag && self.is_identity_of(index, who) {
                return (i, Some(index));
            }
            i = (i + 1) & mask;
        }
        (usize::MAX, None)
    }

    /// The newest contact of an identity (active or not); `hash` is `who.hash()`.
    #[inline]
    pub fn newest_of(&self, who: &IdentityRef<'_>, hash: u64) -> Option<u32> {
        if self.newest.slots.is_empty() {
            return None;
        }
        self.slot_of(who, hash).1
    }

    /// The active contact of an identity, if any; `hash` is `who.hash()`.
    #[inline]
    pub fn active_of(&self, who: &IdentityRef<'_>, hash: u64) -> Option<u32> {
        let index = self.newest_of(who, hash)?;
        match self.contacts.get(index as usize) {
            Some(c) if c.standing == Standing::Active => Some(index),
            _ => None,
        }
    }

    /// The active contact of an interned identity, if any.
    pub fn active_for(&self, key: &IdentityKey) -> Option<u32> {
        let who = self.identity_text(key);
        self.active_of(&who, who.hash())
    }

    /// Interns an identity's strings: the Subtype's matching form goes in the key, the form the
    /// request wrote is kept for display. `None` when the interner is full.
    pub fn intern_identity(
        &mut self,
        source: &str,
        destination: &str,
        subtype_key: Option<&str>,
        subtype_written: Option<&str>,
    ) -> Option<(IdentityKey, u32)> {
        let strings = &mut self.strings;
        let subtype = match subtype_key {
            Some(s) => strings.intern(s)?,
            None => NONE,
        };
        let written = match subtype_written {
            Some(s) => strings.intern(s)?,
            None => NONE,
        };
        let key = IdentityKey { source: strings.intern(source)?, destination: strings.intern(destination)?, subtype };
        Some((key, written))
    }

    /// Keeps a contact's details in the side table; `NONE` (and nothing kept) when they are empty.
    pub fn add_details(&mut self, details: Details) -> u32 {
        if details == Details::default() {
            return NONE;
        }
        self.details.push(details);
        (self.details.len() - 1) as u32
    }

    /// Records contact `index` (already pushed) as its identity's newest.
    pub fn set_newest(&mut self, index: u32) {
        if (self.newest.len + 1) * 2 > self.newest.slots.len() {
            self.grow_newest();
        }
        let Some(key) = self.contacts.get(index as usize).map(|c| c.key) else {
            return;
        };
        let who = self.identity_text(&key);
        let hash = who.hash();
        let (slot, found) = self.slot_of(&who, hash);
        if let Some(s) = self.newest.slots.get_mut(slot) {
            *s = ((hash >> 32) as u32, index);
            if found.is_none() {
                self.newest.len += 1;
            }
        }
    }

    fn grow_newest(&mut self) {
        let size = (self.newest.slots.len() * 2).max(16);
        let old = std::mem::replace(&mut self.newest.slots, vec![(0, NONE); size]);
        let mask = size - 1;
        for (_, index) in old.into_iter().filter(|&(_, index)| index != NONE) {
            let Some(key) = self.contacts.get(index as usize).map(|c| c.key) else {
                continue;
            };
            let hash = self.identity_text(&key).hash();
            let mut i = (hash as usize) & mask;
            while self.newest.slots.get(i).is_some_and(|&(_, n)| n != NONE) {
                i = (i + 1) & mask;
            }
            if let Some(s) = self.newest.slots.get_mut(i) {
                *s = ((hash >> 32) as u32, index);
            }
        }
    }

    /// Ends every active contact whose expiry is at or before `now`; returns their numbers.
    pub fn expire_until(&mut self, now: i64) -> Vec<u32> {
        let mut expired = Vec::new();
        while let Some(c) = self.contacts.get_mut(self.expiry_cursor) {
            if c.expires > now {
                break;
            }
            if c.standing == Standing::Active {
                c.standing = Standing::Expired;
                c.ended = c.expires;
                self.active -= 1;
                expired.push(self.expiry_cursor as u32);
            }
            self.expiry_cursor += 1;
        }
        expired
    }

    /// Moves the cursor past contacts that already ended (after disconnects), so it always points at
    /// an active contact or the end.
    pub fn settle_cursor(&mut self) {
        while self.contacts.get(self.expiry_cursor).is_some_and(|c| c.standing != Standing::Active) {
            self.expiry_cursor += 1;
        }
    }

    /// Heap bytes held by the store itself (capacities), not counting transcripts and the log.
    pub fn heap_bytes(&self) -> usize {
        self.strings.heap_bytes()
            + self.contacts.capacity() * std::mem::size_of::<ContactRecord>()
            + self.details.capacity() * std::mem::size_of::<Details>()
            + self.newest.slots.capacity() * std::mem::size_of::<(u32, u32)>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interner_stores_each_string_once() {
        let mut i = Interner::default();
        let a = i.intern("+15551234567").unwrap();
        let b = i.intern("arn:aws:sms-voice:us-east-1:123456789012:phone-number/abc").unwrap();
        assert_eq!(i.intern("+15551234567"), Some(a));
        assert_ne!(a, b);
        assert_eq!(i.get(a), "+15551234567");
        assert_eq!(i.lookup("+15550000000"), None);
        for n in 0..10_000 {
            i.intern(&format!("+1555{n:07}")).unwrap();
        }
        assert_eq!(i.len(), 10_002);
        assert_eq!(i.lookup("+15550000042").map(|id| i.get(id).to_string()), Some("+15550000042".into()));
        assert_eq!(i.get(NONE), "");
        assert_eq!(i.intern(""), i.lookup(""));
    }

    fn push(store: &mut ChatStore, source: &str, subtype: Option<&str>) -> u32 {
        let key = IdentityKey {
            source: store.strings.intern(source).unwrap(),
            destination: store.strings.intern("arn:d").unwrap(),
            subtype: subtype.map_or(NONE, |s| store.strings.intern(s).unwrap()),
        };
        store.contacts.push(ContactRecord {
            key,
            subtype_written: key.subtype,
            started: 0,
            expires: 1,
            ended: 0,
            follows: NONE,
            details: NONE,
            items: 0,
            standing: Standing::Active,
            content_types: 1,
        });
        let index = store.contacts.len() as u32 - 1;
        store.set_newest(index);
        index
    }

    #[test]
    fn newest_index_finds_each_identity_through_growth_and_replacement() {
        let mut store = ChatStore::default();
        let who = |source: &'static str, subtype| IdentityRef { source, destination: "arn:d", subtype };
        assert_eq!(store.newest_of(&who("+1", None), who("+1", None).hash()), None);
        let sources: Vec<String> = (0..5_000).map(|n| format!("+1555{n:07}")).collect();
        for s in &sources {
            push(&mut store, s, Some("connect:sms"));
        }
        // A second contact for the same identity replaces the first; other Subtypes are other identities.
        let again = push(&mut store, &sources[7], Some("connect:sms"));
        let none = push(&mut store, &sources[7], None);
        let upper = push(&mut store, &sources[7], Some("connect:SMS"));
        for (n, s) in sources.iter().enumerate() {
            let w = IdentityRef { source: s, destination: "arn:d", subtype: Some("connect:sms") };
            let want = if n == 7 { again } else { n as u32 };
            assert_eq!(store.newest_of(&w, w.hash()), Some(want), "{s}");
            let other = IdentityRef { destination: "arn:e", ..w };
            assert_eq!(store.newest_of(&other, other.hash()), None, "{s} on another destination");
        }
        let w = IdentityRef { source: &sources[7], destination: "arn:d", subtype: None };
        assert_eq!(store.newest_of(&w, w.hash()), Some(none));
        let w = IdentityRef { subtype: Some("connect:SMS"), ..w };
        assert_eq!(store.newest_of(&w, w.hash()), Some(upper));
        assert_eq!(store.newest_of(&who("+19999", None), who("+19999", None).hash()), None);
        assert_eq!(store.newest.len, 5_002);
    }

    #[test]
    fn identities_differ_in_their_hashes_where_their_parts_do() {
        let who = |source, destination, subtype| IdentityRef { source, destination, subtype };
        // The parts are length-delimited: moving a character between them changes the hash.
        assert_ne!(who("+1", "arn:ab", None).hash(), who("+1a", "rn:ab", None).hash());
        assert_ne!(who("+1", "arn:a", Some("")).hash(), who("+1", "arn:a", None).hash());
    }

    #[test]
    fn contact_record_stays_small() {
        assert!(std::mem::size_of::<ContactRecord>() <= 56, "{}", std::mem::size_of::<ContactRecord>());
    }
}
