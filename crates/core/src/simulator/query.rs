//! What the queries return: contacts with their status and times, log entries, the result of
//! advancing the clock, and the errors of simulator-side actions.

use std::fmt;

use serde::Serialize;

use super::clock::Timestamp;
use super::ids::ContactId;
use super::outcome::{EndReason, Outcome};
use crate::json::{FromJson, ToJson};
use crate::model::{Attributes, SendChatIntegrationEventRequest};

/// Where a contact stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ContactStatus {
    Active,
    /// Ended by a disconnect (customer, agent or flow); see `endReason`.
    Ended,
    /// Ended because the chat duration passed.
    Expired,
}

/// One contact: its identity, status, times and what NewSessionDetails gave it.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "a contact")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactView {
    pub contact_id: ContactId,
    pub source_id: String,
    pub destination_id: String,
    /// As written when the chat was created; absent when the request had no Subtype.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    pub status: ContactStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_reason: Option<EndReason>,
    pub started_at: Timestamp,
    /// When the chat duration runs out (for an expired contact, when it ended).
    pub expires_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Timestamp>,
    /// The same identity's previous contact, which had ended when this one was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<ContactId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, string>"))]
    pub attributes: Option<Attributes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub streaming_endpoint_arn: Option<String>,
    /// The content types enabled at chat start; `text/plain` always.
    pub supported_messaging_content_types: Vec<String>,
    /// How many messages and events the chat has handled (ids assigned), transcript retention aside.
    pub message_count: u32,
}

/// One request and what came of it.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "a log entry")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogEntry {
    /// 1 for the first request since the simulator started or was reset.
    pub number: u64,
    pub request: SendChatIntegrationEventRequest,
    pub outcome: Outcome,
}

/// What moving the clock did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AdvanceReport {
    pub from: Timestamp,
    pub to: Timestamp,
    /// Chats whose duration ran out, oldest first.
    pub expired: Vec<ContactId>,
}

/// Why a chat could not be ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndChatError {
    /// No contact with this id was created by this simulator.
    UnknownContact(ContactId),
    /// The contact has already ended.
    NotActive { contact_id: ContactId, status: ContactStatus, ended_at: Timestamp },
}

impl fmt::Display for EndChatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndChatError::UnknownContact(id) => write!(f, "no contact {id} in this simulator"),
            EndChatError::NotActive { contact_id, status, ended_at } => {
                let how = if *status == ContactStatus::Expired { "expired" } else { "ended" };
                write!(f, "contact {contact_id} is not active: it {how} at {ended_at}")
            }
        }
    }
}

impl std::error::Error for EndChatError {}
