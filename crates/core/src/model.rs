//! The request, the response and the errors of `SendChatIntegrationEvent`, with AWS's member names.
//!
//! Every member is optional in these types, required ones included: a request is what the user has
//! written so far, and [`crate::validate`] says what is missing. Members serialize in the service
//! model's order and absent members are left out, so JSON → model → JSON keeps what was given.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// `NewSessionDetails.Attributes`: contact attributes, in the order they were given.
pub type Attributes = IndexMap<String, String>;

/// `SendChatIntegrationEventRequest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct SendChatIntegrationEventRequest {
    /// The customer's external id; for SMS and WhatsApp, an E.164 phone number.
    #[serde(rename = "SourceId", default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    /// The chat system's id; for SMS, the End User Messaging phone-number ARN.
    #[serde(rename = "DestinationId", default, skip_serializing_if = "Option::is_none")]
    pub destination_id: Option<String>,
    /// The channel, such as `connect:sms` or `connect:WhatsApp`.
    #[serde(rename = "Subtype", default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// What to do in the chat.
    #[serde(rename = "Event", default, skip_serializing_if = "Option::is_none")]
    pub event: Option<ChatEvent>,
    /// Applied only when the event creates a new chat.
    #[serde(rename = "NewSessionDetails", default, skip_serializing_if = "Option::is_none")]
    pub new_session_details: Option<NewSessionDetails>,
}

/// `ChatEvent`, the request's `Event` member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ChatEvent {
    /// `DISCONNECT`, `MESSAGE` or `EVENT`. Kept as text so that a wrong value survives to be reported.
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(rename = "ContentType", default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(rename = "Content", default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// `NewSessionDetails`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct NewSessionDetails {
    #[serde(rename = "SupportedMessagingContentTypes", default, skip_serializing_if = "Option::is_none")]
    pub supported_messaging_content_types: Option<Vec<String>>,
    #[serde(rename = "ParticipantDetails", default, skip_serializing_if = "Option::is_none")]
    pub participant_details: Option<ParticipantDetails>,
    #[serde(rename = "Attributes", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, string>"))]
    pub attributes: Option<Attributes>,
    #[serde(rename = "StreamingConfiguration", default, skip_serializing_if = "Option::is_none")]
    pub streaming_configuration: Option<ChatStreamingConfiguration>,
}

/// `ParticipantDetails`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ParticipantDetails {
    #[serde(rename = "DisplayName", default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// `ChatStreamingConfiguration`, the `StreamingConfiguration` member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ChatStreamingConfiguration {
    #[serde(rename = "StreamingEndpointArn", default, skip_serializing_if = "Option::is_none")]
    pub streaming_endpoint_arn: Option<String>,
}

/// `SendChatIntegrationEventResponse`. Neither member is required by the model; AWS leaves
/// `InitialContactId` out when the event needed an existing chat and there was none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct SendChatIntegrationEventResponse {
    #[serde(rename = "InitialContactId", default, skip_serializing_if = "Option::is_none")]
    pub initial_contact_id: Option<String>,
    #[serde(rename = "NewChatCreated", default, skip_serializing_if = "Option::is_none")]
    pub new_chat_created: Option<bool>,
}

/// The five errors the operation declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub enum ErrorType {
    InvalidRequestException,
    ResourceNotFoundException,
    InternalServiceException,
    ThrottlingException,
    AccessDeniedException,
}

impl ErrorType {
    pub const ALL: [ErrorType; 5] = [
        ErrorType::InvalidRequestException,
        ErrorType::ResourceNotFoundException,
        ErrorType::InternalServiceException,
        ErrorType::ThrottlingException,
        ErrorType::AccessDeniedException,
    ];

    /// The HTTP status the service answers with.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorType::InvalidRequestException => 400,
            ErrorType::AccessDeniedException => 403,
            ErrorType::ResourceNotFoundException => 404,
            ErrorType::ThrottlingException => 429,
            ErrorType::InternalServiceException => 500,
        }
    }

    /// The shape name, as in the `x-amzn-ErrorType` header.
    pub fn name(self) -> &'static str {
        match self {
            ErrorType::InvalidRequestException => "InvalidRequestException",
            ErrorType::ResourceNotFoundException => "ResourceNotFoundException",
            ErrorType::InternalServiceException => "InternalServiceException",
            ErrorType::ThrottlingException => "ThrottlingException",
            ErrorType::AccessDeniedException => "AccessDeniedException",
        }
    }
}

/// `InvalidRequestExceptionReason`: a union whose one member is about attached files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct InvalidRequestExceptionReason {
    #[serde(rename = "AttachedFileInvalidRequestExceptionReason")]
    pub attached_file_invalid_request_exception_reason: AttachedFileInvalidRequestExceptionReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum AttachedFileInvalidRequestExceptionReason {
    INVALID_FILE_SIZE,
    INVALID_FILE_TYPE,
    INVALID_FILE_NAME,
}

/// An error as the service returns it: the shape's name, its HTTP status and its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct ServiceError {
    #[serde(rename = "Type")]
    pub error_type: ErrorType,
    #[serde(rename = "HttpStatus")]
    pub http_status: u16,
    #[serde(rename = "Message")]
    pub message: String,
    #[serde(rename = "Reason", default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<InvalidRequestExceptionReason>,
}

impl ServiceError {
    pub fn new(error_type: ErrorType, message: impl Into<String>) -> Self {
        ServiceError { error_type, http_status: error_type.http_status(), message: message.into(), reason: None }
    }
}

impl SendChatIntegrationEventRequest {
    /// Reads a request from JSON text. Unknown members and wrong types are errors here; use
    /// [`crate::validate::validate_json`] to get every problem located at its path instead.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The request as pretty JSON, members in model order, 2-space indent.
    pub fn to_json_pretty(&self) -> String {
        // Serializing these plain structs and string maps cannot fail.
        crate::json::to_string_pretty(self)
    }

    /// The value of `Event.Type`, if any.
    pub fn event_type(&self) -> Option<&str> {
        self.event.as_ref()?.r#type.as_deref()
    }
}
