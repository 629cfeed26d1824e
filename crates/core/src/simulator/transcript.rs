//! Transcripts: each contact's newest messages and events, at most `transcriptLimit` per contact.
//! Kept apart from the chat store so that a chat costs nothing here when transcripts are off.

use std::collections::{HashMap, VecDeque};

use serde::{Deserialize, Serialize};

use super::clock::Timestamp;
use super::ids::MessageId;
use super::store::FxBuild;

/// One item of a transcript, as the queries show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Stored form: the item number instead of the id (the id is computed from it).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub item: u32,
    pub is_message: bool,
    pub at: i64,
    pub event_type: &'static str,
    pub content_type: Option<Box<str>>,
    pub content: Option<Box<str>>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Transcripts {
    pub limit: u32,
    pub by_contact: HashMap<u32, VecDeque<Item>, FxBuild>,
}

impl Transcripts {
    pub fn new(limit: u32) -> Self {
        Transcripts {
            limit,
            by_contact: HashMap::default(),
        }
    }

    /// Adds an item, dropping the contact's oldest beyond the limit.
    pub fn push(&mut self, contact: u32, item: Item) {
        if self.limit == 0 {
            return;
        }
        // Most chats hold a few items: start at one slot, not VecDeque's default of four.
        let items = self.by_contact.entry(contact).or_insert_with(|| VecDeque::with_capacity(1));
        while items.len() >= self.limit as usize {
            items.pop_front();
        }
        items.push_back(item);
    }

    pub fn items(&self, contact: u32) -> impl Iterator<Item = &Item> {
        self.by_contact.get(&contact).into_iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: u32) -> Item {
        Item {
            item: n,
            is_message: true,
            at: 0,
            event_type: "MESSAGE",
            content_type: None,
            content: None,
        }
    }

    #[test]
    fn retention_keeps_the_newest_items() {
        for (limit, pushed, kept) in [
            (0u32, 3u32, vec![]),
            (1, 3, vec![3]),
            (2, 3, vec![2, 3]),
            (5, 3, vec![1, 2, 3]),
        ] {
            let mut t = Transcripts::new(limit);
            for n in 1..=pushed {
                t.push(7, item(n));
            }
            let got: Vec<u32> = t.items(7).map(|i| i.item).collect();
            assert_eq!(got, kept, "limit {limit}");
            assert_eq!(t.items(8).count(), 0);
        }
    }
}
