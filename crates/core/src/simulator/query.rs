//! What the queries return: contacts with their status and times, log entries, the result of
//! advancing the clock, and the errors of simulator-side actions.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::clock::Timestamp;
use super::ids::ContactId;
use super::outcome::{EndReason, Outcome};
use crate::from_json_one_of;
use crate::json::read::{read_object, FromJson, Path, ReadError, Unknown};
use crate::model::{Attributes, SendChatIntegrationEventRequest};

/// Where a contact stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogEntry {
    /// 1 for the first request since the simulator started or was reset.
    pub number: u64,
    pub request: SendChatIntegrationEventRequest,
    pub outcome: Outcome,
}

from_json_one_of!(ContactStatus {
    "active" => ContactStatus::Active,
    "ended" => ContactStatus::Ended,
    "expired" => ContactStatus::Expired,
});

/// Unknown members are refused.
impl FromJson for ContactView {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        let mut contact = ContactView {
            contact_id: ContactId(0),
            source_id: String::new(),
            destination_id: String::new(),
            subtype: None,
            status: ContactStatus::Active,
            end_reason: None,
            started_at: Timestamp::EPOCH,
            expires_at: Timestamp::EPOCH,
            ended_at: None,
            follows: None,
            display_name: None,
            attributes: None,
            streaming_endpoint_arn: None,
            supported_messaging_content_types: Vec::new(),
            message_count: 0,
        };
        read_object(value, at, "a contact", Unknown::Refuse, &mut |o| {
            o.required_into("contactId", &mut contact.contact_id);
            o.required_into("sourceId", &mut contact.source_id);
            o.required_into("destinationId", &mut contact.destination_id);
            o.optional_into("subtype", &mut contact.subtype);
            o.required_into("status", &mut contact.status);
            o.optional_into("endReason", &mut contact.end_reason);
            o.required_into("startedAt", &mut contact.started_at);
            o.required_into("expiresAt", &mut contact.expires_at);
            o.optional_into("endedAt", &mut contact.ended_at);
            o.optional_into("follows", &mut contact.follows);
            o.optional_into("displayName", &mut contact.display_name);
            o.optional_into("attributes", &mut contact.attributes);
            o.optional_into("streamingEndpointArn", &mut contact.streaming_endpoint_arn);
            o.required_into("supportedMessagingContentTypes", &mut contact.supported_messaging_content_types);
            o.required_into("messageCount", &mut contact.message_count);
        })?;
        Ok(contact)
    }
}

/// Unknown members are refused; the request reads as one on its own does.
impl FromJson for LogEntry {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        let mut entry = LogEntry {
            number: 0,
            request: SendChatIntegrationEventRequest::default(),
            outcome: Outcome::placeholder(),
        };
        read_object(value, at, "a log entry", Unknown::Refuse, &mut |o| {
            o.required_into("number", &mut entry.number);
            o.required_into("request", &mut entry.request);
            o.required_into("outcome", &mut entry.outcome);
        })?;
        Ok(entry)
    }
}

/// What moving the clock did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
