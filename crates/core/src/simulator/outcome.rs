//! What a request led to: the response exactly as AWS returns it, what happened in the simulated
//! service, and a sentence or two saying why.

use serde::{Deserialize, Serialize};

use super::clock::Timestamp;
use super::ids::{ContactId, MessageId};
use crate::model::{SendChatIntegrationEventResponse, ServiceError};
use crate::Diagnostic;

/// The result of one `send`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// The virtual time the request was handled.
    pub at: Timestamp,
    /// What happened.
    pub what: What,
    /// The HTTP response: the JSON body AWS returns, or the error it raises.
    pub response: AwsResponse,
    /// The contact that handled the event (the response's InitialContactId), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<ContactId>,
    /// For a new contact: the identity's previous contact, which had ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<Predecessor>,
    /// True when NewSessionDetails was sent to an existing chat, where AWS ignores it.
    #[serde(default)]
    pub new_session_details_ignored: bool,
    /// The id assigned to the message or event in the chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<MessageId>,
    /// One or two sentences a person understands.
    pub explanation: String,
    /// Validation findings: the errors of an InvalidRequestException, or warnings on an accepted request.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    /// True when AWS answers HTTP 200.
    pub fn is_success(&self) -> bool {
        matches!(self.response, AwsResponse::Ok(_))
    }

    /// The HTTP status AWS answers with.
    pub fn http_status(&self) -> u16 {
        match &self.response {
            AwsResponse::Ok(_) => 200,
            AwsResponse::Error(e) => e.http_status,
        }
    }

    /// The service error, if the request failed.
    pub fn error(&self) -> Option<&ServiceError> {
        match &self.response {
            AwsResponse::Ok(_) => None,
            AwsResponse::Error(e) => Some(e),
        }
    }
}

/// The HTTP response: `ok` holds the JSON body of a 200, `error` the service error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum AwsResponse {
    Ok(SendChatIntegrationEventResponse),
    Error(ServiceError),
}

impl AwsResponse {
    /// The body as the service sends it: `{"InitialContactId":"…","NewChatCreated":true}`, or for an
    /// error `{"Message":"…"}` (the error's type travels in the `x-amzn-ErrorType` header).
    pub fn body_json(&self) -> String {
        match self {
            AwsResponse::Ok(r) => crate::json::to_string(r),
            AwsResponse::Error(e) => serde_json::json!({ "Message": e.message }).to_string(),
        }
    }
}

/// What happened to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum What {
    /// No active chat matched: a new contact was created and the event applied to it.
    Created,
    /// An active chat matched and handled the event.
    Reused,
    /// DISCONNECT ended the active chat.
    Disconnected,
    /// DISCONNECT found no active chat: nothing was created and InitialContactId is absent.
    NoActiveChat,
    /// Validation failed: InvalidRequestException.
    InvalidRequest,
    /// The message's ContentType was not enabled when the chat started: InvalidRequestException.
    ContentTypeNotEnabled,
    /// A read or delivered receipt named no message of this chat: InvalidRequestException.
    UnknownReceiptTarget,
    /// AccessDeniedException.
    AccessDenied,
    /// ThrottlingException from the token bucket.
    Throttled,
    /// ResourceNotFoundException: DestinationId is not a configured destination.
    DestinationNotFound,
    /// InternalServiceException, drawn at the configured probability.
    InternalError,
    /// Creating a chat would exceed the cap on active chats.
    ActiveChatLimit,
}

impl What {
    /// True for every outcome that is an error response.
    pub fn is_rejection(self) -> bool {
        !matches!(
            self,
            What::Created | What::Reused | What::Disconnected | What::NoActiveChat
        )
    }
}

/// The contact a new one follows: the same identity's previous contact, and how it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Predecessor {
    pub contact_id: ContactId,
    pub started_at: Timestamp,
    pub ended_at: Timestamp,
    pub end_reason: EndReason,
}

/// Why a contact ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum EndReason {
    /// A DISCONNECT event from the customer's side.
    CustomerDisconnected,
    /// The agent ended the chat (a simulator action).
    AgentDisconnected,
    /// The flow ended the chat (a simulator action).
    FlowDisconnected,
    /// The chat duration passed.
    Expired,
}

impl EndReason {
    /// Words for explanations: "the customer disconnected", …
    pub fn phrase(self) -> &'static str {
        match self {
            EndReason::CustomerDisconnected => "the customer disconnected",
            EndReason::AgentDisconnected => "the agent ended it",
            EndReason::FlowDisconnected => "the flow ended it",
            EndReason::Expired => "it expired",
        }
    }
}

/// Who ends a chat in [`super::Simulator::end_chat`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum EndedBy {
    Agent,
    Flow,
}
