//! Transcripts: each contact's newest messages and events, at most `transcriptLimit` per contact.
//! Kept apart from the chat store so that a chat costs nothing here when transcripts are off.

use std::borrow::Cow;
use std::collections::VecDeque;

use serde::Serialize;

use super::clock::Timestamp;
use super::ids::MessageId;
use crate::content_type::{EVENT_CONTENT_TYPES, MESSAGE_CONTENT_TYPES};
use crate::json::{FromJson, ToJson};

/// One item of a transcript, as the queries show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[json(expected = "a transcript entry")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TranscriptEntry {
    /// The id assigned to the message or event; receipts name it.
    pub message_id: MessageId,
    pub at: Timestamp,
    /// `MESSAGE`, `EVENT` or `DISCONNECT`.
    pub event_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// Stored form: the item number instead of the id (the id is computed from it), the event type as
/// one byte, and a known content type as a static string (no allocation). 56 bytes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub item: u32,
    pub is_message: bool,
    pub event_type: EventType,
    pub at: i64,
    pub content_type: Option<Cow<'static, str>>,
    pub content: Option<Box<str>>,
}

/// `Event.Type` of a transcript item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventType {
    Message,
    Event,
    Disconnect,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Message => "MESSAGE",
            EventType::Event => "EVENT",
            EventType::Disconnect => "DISCONNECT",
        }
    }

    pub fn parse(text: &str) -> Option<EventType> {
        match text {
            "MESSAGE" => Some(EventType::Message),
            "EVENT" => Some(EventType::Event),
            "DISCONNECT" => Some(EventType::Disconnect),
            _ => None,
        }
    }
}

/// A content type as stored: borrowed from the known ones (every accepted MESSAGE and EVENT has one
/// of them, and a DISCONNECT's item has [`super::PARTICIPANT_LEFT`]), copied otherwise.
pub(crate) fn stored_content_type(t: &str) -> Cow<'static, str> {
    MESSAGE_CONTENT_TYPES
        .iter()
        .chain(EVENT_CONTENT_TYPES.iter())
        .chain(std::iter::once(&super::PARTICIPANT_LEFT))
        .find(|k| **k == t)
        .map_or_else(|| Cow::Owned(t.to_string()), |k| Cow::Borrowed(*k))
}

/// Each contact's items, indexed by contact number (contacts are numbered densely from 0, so a
/// vector costs less than a map: 32 bytes a contact, and nothing while transcripts are off).
#[derive(Debug, Clone, Default)]
pub(crate) struct Transcripts {
    pub limit: u32,
    by_contact: Vec<VecDeque<Item>>,
}

impl Transcripts {
    pub fn new(limit: u32) -> Self {
        Transcripts { limit, by_contact: Vec::new() }
    }

    /// True when the contact has items.
    pub fn has(&self, contact: u32) -> bool {
        self.by_contact.get(contact as usize).is_some_and(|items| !items.is_empty())
    }

    /// Adds an item, dropping the contact's oldest beyond the limit.
    pub fn push(&mut self, contact: u32, item: Item) {
        if self.limit == 0 {
            return;
        }
        let at = contact as usize;
        if self.by_contact.len() <= at {
            self.by_contact.resize_with(at + 1, VecDeque::new);
        }
        let Some(items) = self.by_contact.get_mut(at) else {
            return;
        };
        if items.capacity() == 0 {
            // Most chats hold a few items: start at one slot, not VecDeque's default of four.
            items.reserve_exact(1);
        }
        while items.len() >= self.limit as usize {
            items.pop_front();
        }
        items.push_back(item);
    }

    pub fn items(&self, contact: u32) -> impl Iterator<Item = &Item> {
        self.by_contact.get(contact as usize).into_iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: u32) -> Item {
        Item { item: n, is_message: true, at: 0, event_type: EventType::Message, content_type: None, content: None }
    }

    #[test]
    fn items_stay_small_and_known_content_types_are_not_copied() {
        assert!(std::mem::size_of::<Item>() <= 56, "{}", std::mem::size_of::<Item>());
        for t in ["text/plain", "application/vnd.amazonaws.connect.event.message.read", super::super::PARTICIPANT_LEFT]
        {
            assert!(matches!(stored_content_type(t), Cow::Borrowed(k) if k == t), "{t}");
        }
        assert!(matches!(stored_content_type("text/csv"), Cow::Owned(k) if k == "text/csv"));
        for e in [EventType::Message, EventType::Event, EventType::Disconnect] {
            assert_eq!(EventType::parse(e.as_str()), Some(e));
        }
        assert_eq!(EventType::parse("message"), None);
    }

    #[test]
    fn retention_keeps_the_newest_items() {
        for (limit, pushed, kept) in [(0u32, 3u32, vec![]), (1, 3, vec![3]), (2, 3, vec![2, 3]), (5, 3, vec![1, 2, 3])]
        {
            let mut t = Transcripts::new(limit);
            for n in 1..=pushed {
                t.push(7, item(n));
            }
            let got: Vec<u32> = t.items(7).map(|i| i.item).collect();
            assert_eq!(got, kept, "limit {limit}");
            assert_eq!(t.has(7), !kept.is_empty(), "limit {limit}");
            assert_eq!(t.items(8).count(), 0);
            assert!(!t.has(6) && !t.has(8));
        }
    }
}
