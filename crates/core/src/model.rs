//! The request, the response and the errors of `SendChatIntegrationEvent`, with AWS's member names.
//!
//! Every member is optional in these types, required ones included: a request is what the user has
//! written so far, and [`crate::validate`] says what is missing. Members serialize in the service
//! model's order and absent members are left out, so JSON → model → JSON keeps what was given.
//!
//! The request's five types are read from a JSON tree by [`crate::json::read`] ([`FromJson`]), not
//! by serde's derive: the derive compiles a visitor per type and per `Option` field into the wasm,
//! with `Unexpected` messages that pull float formatting, and it reads a JSON array as a
//! structure (`["+1555"]` as a request with that `SourceId`). Here a list where a structure
//! belongs is refused, unknown members are refused, `null` is an absent member, and every error
//! names the member's path (`NewSessionDetails.Attributes.a: expected a string, found the number 1`).
//! A repeated member keeps its last value, as Python's `json.loads` (and so the AWS CLI) does.

use serde::Serialize;

use crate::json::one_pass::OnePass;
use crate::json::{FromJson, ToJson};

/// `NewSessionDetails.Attributes`: contact attributes, in the order they were given.
pub type Attributes = crate::ordered_map::OrderedMap<String>;

/// `SendChatIntegrationEventRequest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToJson, FromJson, OnePass)]
#[json(expected = "a SendChatIntegrationEventRequest object")]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToJson, FromJson, OnePass)]
#[json(expected = "a ChatEvent object")]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToJson, FromJson, OnePass)]
#[json(expected = "a NewSessionDetails object")]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToJson, FromJson, OnePass)]
#[json(expected = "a ParticipantDetails object")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ParticipantDetails {
    #[serde(rename = "DisplayName", default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// `ChatStreamingConfiguration`, the `StreamingConfiguration` member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToJson, FromJson, OnePass)]
#[json(expected = "a ChatStreamingConfiguration object")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ChatStreamingConfiguration {
    #[serde(rename = "StreamingEndpointArn", default, skip_serializing_if = "Option::is_none")]
    pub streaming_endpoint_arn: Option<String>,
}

/// `SendChatIntegrationEventResponse`. Neither member is required by the model; AWS leaves
/// `InitialContactId` out when the event needed an existing chat and there was none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[json(expected = "a SendChatIntegrationEvent response")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct SendChatIntegrationEventResponse {
    #[serde(rename = "InitialContactId", default, skip_serializing_if = "Option::is_none")]
    pub initial_contact_id: Option<String>,
    #[serde(rename = "NewChatCreated", default, skip_serializing_if = "Option::is_none")]
    pub new_chat_created: Option<bool>,
}

/// The five errors the operation declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToJson, FromJson)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[json(expected = "an InvalidRequestExceptionReason")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct InvalidRequestExceptionReason {
    #[serde(rename = "AttachedFileInvalidRequestExceptionReason")]
    pub attached_file_invalid_request_exception_reason: AttachedFileInvalidRequestExceptionReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum AttachedFileInvalidRequestExceptionReason {
    INVALID_FILE_SIZE,
    INVALID_FILE_TYPE,
    INVALID_FILE_NAME,
}

/// An error as the service returns it: the shape's name, its HTTP status and its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[json(expected = "a service error")]
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

/// The response and the errors are read back (the simulator's snapshots carry them in its log):
/// unknown members are refused in the response (as AWS's own model does) and ignored in an error
/// (AWS may add members to an error).
#[cfg(test)]
mod read_outcomes {
    mod tests {
        use crate::json::read::read;
        use crate::json::read::{Path, ReadError};
        use crate::model::*;
        use serde_json::json;
        use serde_json::Value;

        #[test]
        fn responses_and_errors_read_back_what_they_write() {
            let response = SendChatIntegrationEventResponse {
                initial_contact_id: Some("c-1".into()),
                new_chat_created: Some(true),
            };
            assert_eq!(read::<SendChatIntegrationEventResponse>(&crate::json::to_value(&response)), Ok(response));
            assert_eq!(
                read::<SendChatIntegrationEventResponse>(&json!({})),
                Ok(SendChatIntegrationEventResponse::default())
            );
            for error_type in ErrorType::ALL {
                let mut error = ServiceError::new(error_type, "m");
                if error_type == ErrorType::InvalidRequestException {
                    error.reason = Some(InvalidRequestExceptionReason {
                        attached_file_invalid_request_exception_reason:
                            AttachedFileInvalidRequestExceptionReason::INVALID_FILE_NAME,
                    });
                }
                assert_eq!(read::<ServiceError>(&crate::json::to_value(&error)), Ok(error));
            }
        }

        #[test]
        fn unknown_members_are_refused_in_the_response_and_ignored_in_an_error() {
            let e = read::<SendChatIntegrationEventResponse>(&json!({"NewChatCreated": true, "Extra": 1})).unwrap_err();
            assert_eq!(e.path, "Extra");
            assert!(e.message.starts_with("unknown member \"Extra\""), "{}", e.message);
            let error = read::<ServiceError>(
                &json!({"Type": "ThrottlingException", "HttpStatus": 429, "Message": "m", "Extra": 1}),
            );
            assert_eq!(error.map(|e| e.error_type), Ok(ErrorType::ThrottlingException));
        }

        #[test]
        fn wrong_members_are_located() {
            fn error_of<T: FromJson + std::fmt::Debug>(value: &Value) -> ReadError {
                read::<T>(value).err().unwrap_or_else(|| ReadError::new(&Path::Root, "accepted"))
            }
            let response = error_of::<SendChatIntegrationEventResponse> as fn(&Value) -> ReadError;
            let error = error_of::<ServiceError> as fn(&Value) -> ReadError;
            for (reader, value, path, message) in [
                (response, json!({"NewChatCreated": "yes"}), "NewChatCreated", "expected true or false, found the string \"yes\""),
                (error, json!({"HttpStatus": 429, "Message": "m"}), "", "the member \"Type\" is missing"),
                (
                    error,
                    json!({"Type": "Throttling", "HttpStatus": 429, "Message": "m"}),
                    "Type",
                    "expected \"InvalidRequestException\", \"ResourceNotFoundException\", \"InternalServiceException\", \"ThrottlingException\" or \"AccessDeniedException\", found \"Throttling\"",
                ),
                (error, json!({"Type": "ThrottlingException", "HttpStatus": 70000, "Message": "m"}), "HttpStatus", "expected a whole number from 0 to 65535, found 70000"),
                (
                    error,
                    json!({"Type": "InvalidRequestException", "HttpStatus": 400, "Message": "m", "Reason": {"AttachedFileInvalidRequestExceptionReason": "TOO_BIG"}}),
                    "Reason.AttachedFileInvalidRequestExceptionReason",
                    "expected \"INVALID_FILE_SIZE\", \"INVALID_FILE_TYPE\" or \"INVALID_FILE_NAME\", found \"TOO_BIG\"",
                ),
            ] {
                let e = reader(&value);
                assert_eq!((e.path.as_str(), e.message.as_str()), (path, message), "{value}");
            }
        }
    }
}

impl SendChatIntegrationEventRequest {
    /// Reads a request from JSON text: a syntax error keeps its line and column, a member of the
    /// wrong type or an unknown member is located by its path (`Event.Type`). Use
    /// [`crate::validate::validate_json`] to get every problem instead of the first.
    pub fn from_json(text: &str) -> Result<Self, crate::json::TextError> {
        crate::json::from_text(text)
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

#[cfg(test)]
mod reading {
    use super::*;
    use crate::json::read::ReadError;
    use serde_json::json;

    fn read(text: &str) -> Result<SendChatIntegrationEventRequest, String> {
        SendChatIntegrationEventRequest::from_json(text).map_err(|e| e.to_string())
    }

    #[test]
    fn every_member_reads_and_null_is_absent() {
        let full = json!({
            "SourceId": "+15550100", "DestinationId": "arn:d", "Subtype": "connect:sms",
            "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "hi \"there\""},
            "NewSessionDetails": {
                "SupportedMessagingContentTypes": ["text/plain", "text/markdown"],
                "ParticipantDetails": {"DisplayName": "Ana"},
                "Attributes": {"zeta": "1", "alpha": "2"},
                "StreamingConfiguration": {"StreamingEndpointArn": "arn:s"}
            }
        });
        let request = read(&full.to_string()).unwrap();
        assert_eq!(crate::json::to_value(&request), full);
        let attributes = request.new_session_details.and_then(|n| n.attributes).unwrap_or_default();
        assert_eq!(attributes.keys().collect::<Vec<_>>(), ["zeta", "alpha"]);

        let nulls = read(
            r#"{"SourceId": null, "Event": {"Content": null}, "NewSessionDetails": {
                "SupportedMessagingContentTypes": null, "ParticipantDetails": null, "Attributes": null,
                "StreamingConfiguration": null}}"#,
        )
        .unwrap();
        assert_eq!(nulls.source_id, None);
        assert_eq!(nulls.event, Some(ChatEvent::default()));
        assert_eq!(nulls.new_session_details, Some(NewSessionDetails::default()));
        assert_eq!(read(r#"{"Event": null}"#).unwrap(), SendChatIntegrationEventRequest::default());
        assert_eq!(read("{}").unwrap(), SendChatIntegrationEventRequest::default());
        // A repeated Attributes key: the last value, in the first one's place.
        let repeated = read(r#"{"NewSessionDetails": {"Attributes": {"a": "1", "b": "2", "a": "3"}}}"#).unwrap();
        let attributes = repeated.new_session_details.and_then(|n| n.attributes).unwrap_or_default();
        assert_eq!(attributes.into_iter().collect::<Vec<_>>(), [("a".into(), "3".into()), ("b".into(), "2".into())]);
    }

    /// Each problem is located by its member's path; a list where a structure belongs is refused
    /// (serde's derive read each of the first five as the structure).
    #[test]
    fn errors_name_the_member_and_arrays_are_not_structures() {
        for (text, message) in [
            (r#"["+15550100"]"#, "expected a SendChatIntegrationEventRequest object, found a list of 1 item"),
            (r#"{"Event": ["MESSAGE"]}"#, "Event: expected a ChatEvent object, found a list of 1 item"),
            (r#"{"NewSessionDetails": [[]]}"#, "NewSessionDetails: expected a NewSessionDetails object, found a list of 1 item"),
            (
                r#"{"NewSessionDetails": {"ParticipantDetails": ["Ana"]}}"#,
                "NewSessionDetails.ParticipantDetails: expected a ParticipantDetails object, found a list of 1 item",
            ),
            (
                r#"{"NewSessionDetails": {"StreamingConfiguration": ["arn"]}}"#,
                "NewSessionDetails.StreamingConfiguration: expected a ChatStreamingConfiguration object, found a list of 1 item",
            ),
            ("null", "expected a SendChatIntegrationEventRequest object, found null"),
            (r#""x""#, "expected a SendChatIntegrationEventRequest object, found the string \"x\""),
            (r#"{"NewSessionDetails": {"Attributes": [["a", "b"]]}}"#, "NewSessionDetails.Attributes: expected an object, found a list of 1 item"),
            (r#"{"SourceId": 5}"#, "SourceId: expected a string, found the number 5"),
            (r#"{"SourceId": -5}"#, "SourceId: expected a string, found the number -5"),
            (r#"{"SourceId": 1.5}"#, "SourceId: expected a string, found the number 1.5"),
            (r#"{"SourceId": true}"#, "SourceId: expected a string, found the boolean true"),
            (r#"{"SourceId": {}}"#, "SourceId: expected a string, found an object with 0 members"),
            (r#"{"Event": {"Type": ["MESSAGE"]}}"#, "Event.Type: expected a string, found a list of 1 item"),
            (r#"{"Event": "MESSAGE"}"#, "Event: expected a ChatEvent object, found the string \"MESSAGE\""),
            (
                r#"{"NewSessionDetails": {"SupportedMessagingContentTypes": "text/plain"}}"#,
                "NewSessionDetails.SupportedMessagingContentTypes: expected a list, found the string \"text/plain\"",
            ),
            (
                r#"{"NewSessionDetails": {"SupportedMessagingContentTypes": ["text/plain", null]}}"#,
                "NewSessionDetails.SupportedMessagingContentTypes[1]: expected a string, found null",
            ),
            (
                r#"{"NewSessionDetails": {"Attributes": {"a": "x", "b": 1}}}"#,
                "NewSessionDetails.Attributes.b: expected a string, found the number 1",
            ),
            (
                r#"{"Nope": 1}"#,
                "Nope: unknown member \"Nope\"; expected \"SourceId\", \"DestinationId\", \"Subtype\", \"Event\" or \"NewSessionDetails\"",
            ),
            (r#"{"Event": {"type": "MESSAGE"}}"#, "Event.type: unknown member \"type\"; expected \"Type\", \"ContentType\" or \"Content\""),
            (
                r#"{"NewSessionDetails": {"ParticipantDetails": {"Name": "x"}}}"#,
                "NewSessionDetails.ParticipantDetails.Name: unknown member \"Name\"; expected \"DisplayName\"",
            ),
            (
                r#"{"NewSessionDetails": {"StreamingConfiguration": {"Arn": "x"}}}"#,
                "NewSessionDetails.StreamingConfiguration.Arn: unknown member \"Arn\"; expected \"StreamingEndpointArn\"",
            ),
            // A wrong type is found before an unknown member, wherever each is.
            (r#"{"Nope": 1, "SourceId": 5}"#, "SourceId: expected a string, found the number 5"),
            (r#"{"SourceId": 12345678901234567890123}"#, "SourceId: expected a string, found the number 1.2345678901234568e+22"),
            // Not JSON: serde_json's message with its line and column.
            ("{\n  \"SourceId\": \"a\",\n}", "trailing comma at line 3 column 1"),
            ("", "EOF while parsing a value at line 1 column 0"),
        ] {
            assert_eq!(read(text).unwrap_err(), message, "{text}");
        }
    }

    #[test]
    fn a_syntax_error_keeps_its_place_and_a_read_error_its_path() {
        let syntax = SendChatIntegrationEventRequest::from_json("{\"SourceId\": }").unwrap_err();
        assert_eq!((syntax.line(), syntax.column(), syntax.message()), (Some(1), Some(14), "expected value"));
        let typed = SendChatIntegrationEventRequest::from_json(r#"{"Event": {"Type": 3}}"#).unwrap_err();
        assert_eq!((typed.line(), typed.column()), (None, None));
        assert_eq!(
            typed,
            crate::json::TextError::Read(ReadError {
                path: "Event.Type".into(),
                message: "expected a string, found the number 3".into()
            })
        );
    }

    /// A repeated member keeps its last value, as Python's `json.loads` does (serde's derive
    /// refused it).
    #[test]
    fn a_repeated_member_keeps_its_last_value() {
        assert_eq!(read(r#"{"SourceId": "a", "SourceId": "b"}"#).unwrap().source_id.as_deref(), Some("b"));
        assert_eq!(read(r#"{"SourceId": "a", "SourceId": null}"#).unwrap().source_id, None);
    }

    #[test]
    fn a_request_inside_another_document_reads_the_same() {
        #[derive(Debug, FromJson)]
        #[json(expected = "a step")]
        #[serde(deny_unknown_fields)]
        struct Step {
            send: Option<SendChatIntegrationEventRequest>,
        }
        let step: Step =
            crate::json::read::read(&json!({"send": {"SourceId": "+15550100", "Event": {"Type": "MESSAGE"}}})).unwrap();
        assert_eq!(step.send.as_ref().and_then(|r| r.event_type()), Some("MESSAGE"));
        assert!(crate::json::read::read::<Step>(&json!({"send": null})).unwrap().send.is_none());
        let e = crate::json::read::read::<Vec<Step>>(&json!([{"send": ["+15550100"]}])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "[0].send: expected a SendChatIntegrationEventRequest object, found a list of 1 item"
        );
        let e = crate::json::read::read::<Step>(&json!({"send": {"Event": {"Content": 1}}})).unwrap_err();
        assert_eq!(e.to_string(), "send.Event.Content: expected a string, found the number 1");
    }

    /// NewSessionDetails reads on its own as it does inside a request.
    #[test]
    fn new_session_details_read_on_their_own() {
        let details: NewSessionDetails = crate::json::read::read(&json!({"Attributes": {"a": "b"}})).unwrap();
        assert_eq!(details.attributes.and_then(|a| a.get("a").cloned()).as_deref(), Some("b"));
        let e = crate::json::read::read::<NewSessionDetails>(&json!({"Attributes": {"a": 1}})).unwrap_err();
        assert_eq!(e.to_string(), "Attributes.a: expected a string, found the number 1");
    }

    #[test]
    fn each_part_reads_on_its_own() {
        use crate::json::read::read;
        let event: ChatEvent = read(&json!({"Type": "MESSAGE", "Content": "hi"})).unwrap();
        assert_eq!((event.r#type.as_deref(), event.content.as_deref()), (Some("MESSAGE"), Some("hi")));
        let details: NewSessionDetails = read(&json!({"Attributes": {"a": "b"}})).unwrap();
        assert_eq!(details.attributes.and_then(|a| a.get("a").cloned()).as_deref(), Some("b"));
        let p: ParticipantDetails = read(&json!({"DisplayName": "Ana"})).unwrap();
        assert_eq!(p.display_name.as_deref(), Some("Ana"));
        let c: ChatStreamingConfiguration = read(&json!({"StreamingEndpointArn": "arn"})).unwrap();
        assert_eq!(c.streaming_endpoint_arn.as_deref(), Some("arn"));
        let e = read::<ChatEvent>(&json!(["MESSAGE"])).unwrap_err();
        assert_eq!(e.to_string(), "expected a ChatEvent object, found a list of 1 item");
        let e = read::<ChatEvent>(&json!({"Type": 3})).unwrap_err();
        assert_eq!(e.to_string(), "Type: expected a string, found the number 3");
    }
}
