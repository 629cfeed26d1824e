//! Saving a simulator to JSON and restoring it. The document is versioned: a snapshot from a newer
//! version of this library, or one that does not hold together, is refused with a clear error.
//!
//! The document is readable on purpose: contacts appear as [`ContactView`]s, exactly as the queries
//! show them, so a snapshot doubles as a report.

use std::collections::VecDeque;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::clock::Timestamp;
use super::faults::TokenBucket;
use super::ids::{ContactId, Decoded, SplitMix64};
use super::query::{ContactStatus, ContactView, LogEntry};
use super::settings::{Settings, SettingsError};
use super::store::{ContactRecord, Details, Standing, NONE};
use super::transcript::{Item, TranscriptEntry};
use super::{EndReason, Simulator};
use crate::json::{FromJson, ToJson};

/// The `format` member every snapshot carries.
pub const SNAPSHOT_FORMAT: &str = "chat-event-lab/simulator-snapshot";
/// The version this library writes, and the newest it reads.
pub const SNAPSHOT_VERSION: u32 = 1;

/// Why a snapshot could not be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    /// The text is not JSON.
    NotJson { line: usize, column: usize, message: String },
    /// JSON, but not a simulator snapshot (no or another `format`).
    NotASnapshot { found: Option<String> },
    /// Written by a newer version of this library.
    NewerVersion { found: u64, supported: u32 },
    /// A snapshot that does not hold together: which part, and what is wrong.
    Corrupt { path: String, message: String },
    /// Its settings are out of range.
    Settings(SettingsError),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotJson { line, column, message } => {
                write!(f, "the snapshot is not valid JSON (line {line}, column {column}): {message}")
            }
            SnapshotError::NotASnapshot { found: Some(found) } => {
                write!(f, "not a simulator snapshot: format is {found:?}, expected {SNAPSHOT_FORMAT:?}")
            }
            SnapshotError::NotASnapshot { found: None } => {
                write!(f, "not a simulator snapshot: there is no \"format\": {SNAPSHOT_FORMAT:?} member")
            }
            SnapshotError::NewerVersion { found, supported } => write!(
                f,
                "the snapshot is version {found}, written by a newer chat-event-lab; this one reads versions up to {supported}"
            ),
            SnapshotError::Corrupt { path, message } => write!(f, "the snapshot is corrupt at {path}: {message}"),
            SnapshotError::Settings(e) => write!(f, "the snapshot's {e}"),
        }
    }
}

impl std::error::Error for SnapshotError {}

#[derive(Serialize, ToJson, FromJson)]
#[json(expected = "a simulator snapshot (an object)")]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Document {
    format: String,
    version: u32,
    settings: Settings,
    now: Timestamp,
    /// State of the generator behind simulated internal errors.
    rng_state: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bucket: Option<TokenBucket>,
    requests: u64,
    contacts: Vec<ContactView>,
    #[serde(default)]
    transcripts: Vec<TranscriptDoc>,
    #[serde(default)]
    log: Vec<LogEntry>,
}

#[derive(Serialize, ToJson, FromJson)]
#[json(expected = "a contact's transcript")]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TranscriptDoc {
    contact_id: ContactId,
    entries: Vec<TranscriptEntry>,
}

/// One place builds the error, so that restore's many checks each cost only a call.
fn corrupt(path: String, message: &str) -> SnapshotError {
    SnapshotError::Corrupt { path, message: message.to_string() }
}

/// [`corrupt`] at `{list}[{i}]{member}`: the path is written only when there is an error.
fn corrupt_at(list: &str, i: usize, member: &str, message: &str) -> SnapshotError {
    corrupt(format!("{list}[{i}]{member}"), message)
}

impl Simulator {
    /// The whole state as pretty JSON: settings, clock, contacts, transcripts, log and generators.
    pub fn snapshot(&self) -> String {
        crate::json::to_string_pretty(&self.document())
    }

    /// The snapshot's document.
    fn document(&self) -> Document {
        let transcripts = (0..self.store.contacts.len() as u32)
            .filter(|&i| self.transcripts.has(i))
            .map(|i| TranscriptDoc {
                contact_id: self.codec.contact(i),
                entries: self.transcripts.items(i).map(|item| self.entry(i, item)).collect(),
            })
            .collect();
        Document {
            format: SNAPSHOT_FORMAT.into(),
            version: SNAPSHOT_VERSION,
            settings: self.settings.clone(),
            now: self.now,
            rng_state: self.rng.state,
            bucket: self.bucket,
            requests: self.requests,
            contacts: self.contacts(),
            transcripts,
            log: self.log(),
        }
    }

    /// Rebuilds a simulator from [`Simulator::snapshot`]'s JSON, checking that it holds together.
    pub fn restore(text: &str) -> Result<Simulator, SnapshotError> {
        let value: Value = crate::json::parse(text).map_err(|e| SnapshotError::NotJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        match value.get("format") {
            Some(Value::String(f)) if f == SNAPSHOT_FORMAT => {}
            Some(other) => {
                return Err(SnapshotError::NotASnapshot {
                    found: Some(crate::json::write::text(other).trim_matches('"').to_string()),
                })
            }
            None => return Err(SnapshotError::NotASnapshot { found: None }),
        }
        match value.get("version").and_then(Value::as_u64) {
            Some(v) if v > u64::from(SNAPSHOT_VERSION) => {
                return Err(SnapshotError::NewerVersion { found: v, supported: SNAPSHOT_VERSION })
            }
            Some(0) | None => return Err(corrupt("version".into(), "expected a version number from 1")),
            Some(_) => {}
        }
        let doc: Document = crate::json::read::read(&value).map_err(|e| SnapshotError::Corrupt {
            path: if e.path.is_empty() { "(document)".to_string() } else { e.path },
            message: e.message,
        })?;
        doc.settings.check().map_err(SnapshotError::Settings)?;
        let mut sim = Simulator::fresh(doc.settings);
        sim.now = doc.now;
        sim.rng = SplitMix64 { state: doc.rng_state };
        sim.bucket = doc.bucket;
        sim.requests = doc.requests;
        let duration = sim.settings.chat_duration_millis();
        let now = sim.now.epoch_millis();
        let mut last_start = i64::MIN;
        for (i, v) in doc.contacts.into_iter().enumerate() {
            let at = |member: &str, message: &str| corrupt_at("contacts", i, member, message);
            let index = match u32::try_from(i) {
                Ok(index) if index != NONE => index,
                _ => return Err(at("", "too many contacts")),
            };
            if v.contact_id != sim.codec.contact(index) {
                return Err(at(
                    ".contactId",
                    &format!("{} is not the id of contact number {i} under seed {}", v.contact_id, sim.settings.seed),
                ));
            }
            let started = v.started_at.epoch_millis();
            if started < last_start || started > now {
                return Err(at(".startedAt", "contacts must be in creation order and not start after now"));
            }
            last_start = started;
            let expires_at = v.started_at.plus_millis(duration);
            let expires = expires_at.epoch_millis();
            if v.expires_at != expires_at {
                return Err(at(".expiresAt", &format!("expected {expires_at} (start plus chatDurationMinutes)")));
            }
            let standing = match (v.status, v.end_reason) {
                (ContactStatus::Active, None) if expires > now => Standing::Active,
                (ContactStatus::Active, None) => return Err(at(".status", "active, but its expiry has passed")),
                (ContactStatus::Expired, None | Some(EndReason::Expired)) => Standing::Expired,
                (ContactStatus::Ended, Some(EndReason::CustomerDisconnected)) => Standing::CustomerDisconnected,
                (ContactStatus::Ended, Some(EndReason::AgentDisconnected)) => Standing::AgentDisconnected,
                (ContactStatus::Ended, Some(EndReason::FlowDisconnected)) => Standing::FlowDisconnected,
                _ => return Err(at(".endReason", "does not agree with status")),
            };
            let ended = match (standing, v.ended_at) {
                (Standing::Active, _) => 0,
                (Standing::Expired, _) => expires,
                (_, Some(t)) if (started..=now).contains(&t.epoch_millis()) => t.epoch_millis(),
                _ => return Err(at(".endedAt", "an ended contact needs an end between its start and now")),
            };
            let follows = match v.follows {
                None => NONE,
                Some(id) => match sim.index_of(id) {
                    Some(f) if f < index => f,
                    _ => return Err(at(".follows", &format!("{id} is not an earlier contact"))),
                },
            };
            let mut content_types = 1u8;
            for (j, t) in v.supported_messaging_content_types.iter().enumerate() {
                let Some(b) = super::content_type_bit(t) else {
                    return Err(at(
                        &format!(".supportedMessagingContentTypes[{j}]"),
                        &format!("unknown content type {t:?}"),
                    ));
                };
                content_types |= 1 << b;
            }
            let subtype_key = v.subtype.as_deref().map(|s| sim.match_form(s));
            let Some((key, subtype_written)) = sim.store.intern_identity(
                &v.source_id,
                &v.destination_id,
                subtype_key.as_deref(),
                v.subtype.as_deref(),
            ) else {
                return Err(at("", "too many strings"));
            };
            if standing == Standing::Active {
                if let Some(other) = sim.store.active_for(&key) {
                    return Err(at(
                        ".status",
                        &format!("two active chats for one identity (the other is {})", sim.codec.contact(other)),
                    ));
                }
                sim.store.active += 1;
            }
            let details = sim.store.add_details(Details {
                display_name: v.display_name.map(Into::into),
                attributes: v.attributes,
                streaming_endpoint_arn: v.streaming_endpoint_arn.map(Into::into),
            });
            sim.store.contacts.push(ContactRecord {
                key,
                subtype_written,
                started,
                expires,
                ended,
                follows,
                details,
                items: v.message_count,
                standing,
                content_types,
            });
            sim.store.set_newest(index);
        }
        sim.store.settle_cursor();
        for (t, doc) in doc.transcripts.into_iter().enumerate() {
            let Some(index) = sim.index_of(doc.contact_id) else {
                return Err(corrupt_at("transcripts", t, ".contactId", "not a contact of this snapshot"));
            };
            let items = sim.store.contacts.get(index as usize).map_or(0, |c| c.items);
            for (e, entry) in doc.entries.into_iter().enumerate() {
                let at = |member: &str, message: &str| {
                    corrupt_at("transcripts", t, &format!(".entries[{e}].{member}"), message)
                };
                let (item, is_message) = match sim.codec.decode_id(entry.message_id.0) {
                    Some(Decoded::Item { contact, item, is_message }) if contact == index && item <= items => {
                        (item, is_message)
                    }
                    _ => return Err(at("messageId", "not an id of this contact's messages")),
                };
                let Some(event_type) = super::transcript::EventType::parse(&entry.event_type) else {
                    return Err(at("eventType", "expected MESSAGE, EVENT or DISCONNECT"));
                };
                sim.transcripts.push(
                    index,
                    Item {
                        item,
                        is_message,
                        at: entry.at.epoch_millis(),
                        event_type,
                        content_type: entry.content_type.as_deref().map(super::transcript::stored_content_type),
                        content: entry.content.map(Into::into),
                    },
                );
            }
        }
        // The newest `logLimit` entries; popping reuses the code that keeps the live log short.
        let limit = sim.settings.log_limit as usize;
        let mut log = VecDeque::from(doc.log);
        while log.len() > limit {
            log.pop_front();
        }
        sim.log = log;
        Ok(sim)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::ToJson;
    use crate::simulator::scenarios::EXAMPLES;
    use crate::simulator::Scenario;

    /// The document is written as its `Serialize` writes it (the oracle), after every example
    /// scenario, with and without the token bucket.
    #[test]
    fn snapshots_write_as_serde_does() {
        for example in EXAMPLES {
            let scenario = Scenario::from_json(example.text).unwrap();
            let mut sim = Simulator::new(scenario.settings.clone().unwrap_or_default()).unwrap();
            sim.run_scenario(&scenario);
            let doc = sim.document();
            assert_eq!(doc.to_json(), serde_json::to_value(&doc).unwrap(), "{}", example.name);
            assert_eq!(sim.snapshot(), serde_json::to_string_pretty(&doc).unwrap(), "{}", example.name);
        }
    }
}
