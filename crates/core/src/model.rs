//! The request, the response and the errors of `SendChatIntegrationEvent`, with AWS's member names.
//!
//! Every member is optional in these types, required ones included: a request is what the user has
//! written so far, and [`crate::validate`] says what is missing. Members serialize in the service
//! model's order and absent members are left out, so JSON → model → JSON keeps what was given.
//!
//! The request's five types are read by one small deserializer driven by the service model's
//! shapes ([`crate::shape`]), not by serde's derive: the derive compiles a visitor per type and
//! per `Option` field into the wasm (about 11 KB), and it reads a JSON array as a structure
//! (`["+1555"]` as a request with that `SourceId`). Otherwise it reads as the derive did: the same
//! messages at the same line and column, `null` for an absent member, unknown and repeated
//! members refused.

use std::fmt;

use indexmap::IndexMap;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::shape::{self, Shape, Structure};

/// `NewSessionDetails.Attributes`: contact attributes, in the order they were given.
pub type Attributes = IndexMap<String, String>;

/// `SendChatIntegrationEventRequest`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct ParticipantDetails {
    #[serde(rename = "DisplayName", default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
}

/// `ChatStreamingConfiguration`, the `StreamingConfiguration` member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct ChatStreamingConfiguration {
    #[serde(rename = "StreamingEndpointArn", default, skip_serializing_if = "Option::is_none")]
    pub streaming_endpoint_arn: Option<String>,
}

/// `SendChatIntegrationEventResponse`. Neither member is required by the model; AWS leaves
/// `InitialContactId` out when the event needed an existing chat and there was none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct SendChatIntegrationEventResponse {
    #[serde(rename = "InitialContactId", default, skip_serializing_if = "Option::is_none")]
    pub initial_contact_id: Option<String>,
    #[serde(rename = "NewChatCreated", default, skip_serializing_if = "Option::is_none")]
    pub new_chat_created: Option<bool>,
}

/// The five errors the operation declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct InvalidRequestExceptionReason {
    #[serde(rename = "AttachedFileInvalidRequestExceptionReason")]
    pub attached_file_invalid_request_exception_reason: AttachedFileInvalidRequestExceptionReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
pub enum AttachedFileInvalidRequestExceptionReason {
    INVALID_FILE_SIZE,
    INVALID_FILE_TYPE,
    INVALID_FILE_NAME,
}

/// An error as the service returns it: the shape's name, its HTTP status and its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// Readers for the response and the errors (the simulator's snapshots carry them in its log):
/// members as they are written, unknown members refused in the response (as AWS's own model does)
/// and ignored in an error (AWS may add members to an error).
mod read_outcomes {
    use super::*;
    use crate::from_json_one_of;
    use crate::json::read::{FromJson, Object, Path, ReadError};

    impl FromJson for SendChatIntegrationEventResponse {
        fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
            let mut o = Object::new(value, at, "a SendChatIntegrationEvent response")?;
            let response = SendChatIntegrationEventResponse {
                initial_contact_id: o.optional("InitialContactId")?,
                new_chat_created: o.optional("NewChatCreated")?,
            };
            o.finish()?;
            Ok(response)
        }
    }

    from_json_one_of!(ErrorType {
        "InvalidRequestException" => ErrorType::InvalidRequestException,
        "ResourceNotFoundException" => ErrorType::ResourceNotFoundException,
        "InternalServiceException" => ErrorType::InternalServiceException,
        "ThrottlingException" => ErrorType::ThrottlingException,
        "AccessDeniedException" => ErrorType::AccessDeniedException,
    });

    from_json_one_of!(AttachedFileInvalidRequestExceptionReason {
        "INVALID_FILE_SIZE" => AttachedFileInvalidRequestExceptionReason::INVALID_FILE_SIZE,
        "INVALID_FILE_TYPE" => AttachedFileInvalidRequestExceptionReason::INVALID_FILE_TYPE,
        "INVALID_FILE_NAME" => AttachedFileInvalidRequestExceptionReason::INVALID_FILE_NAME,
    });

    impl FromJson for InvalidRequestExceptionReason {
        fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
            let mut o = Object::new(value, at, "an InvalidRequestExceptionReason")?;
            let reason = InvalidRequestExceptionReason {
                attached_file_invalid_request_exception_reason: o.required("AttachedFileInvalidRequestExceptionReason")?,
            };
            o.finish_lenient();
            Ok(reason)
        }
    }

    impl FromJson for ServiceError {
        fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
            let mut o = Object::new(value, at, "a service error")?;
            let error = ServiceError {
                error_type: o.required("Type")?,
                http_status: o.required("HttpStatus")?,
                message: o.required("Message")?,
                reason: o.optional("Reason")?,
            };
            o.finish_lenient();
            Ok(error)
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::json::read::read;
        use serde_json::json;

        #[test]
        fn responses_and_errors_read_back_what_they_write() {
            let response = SendChatIntegrationEventResponse { initial_contact_id: Some("c-1".into()), new_chat_created: Some(true) };
            assert_eq!(read::<SendChatIntegrationEventResponse>(&crate::json::to_value(&response)), Ok(response));
            assert_eq!(read::<SendChatIntegrationEventResponse>(&json!({})), Ok(SendChatIntegrationEventResponse::default()));
            for error_type in ErrorType::ALL {
                let mut error = ServiceError::new(error_type, "m");
                if error_type == ErrorType::InvalidRequestException {
                    error.reason = Some(InvalidRequestExceptionReason {
                        attached_file_invalid_request_exception_reason: AttachedFileInvalidRequestExceptionReason::INVALID_FILE_NAME,
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
            let error = read::<ServiceError>(&json!({"Type": "ThrottlingException", "HttpStatus": 429, "Message": "m", "Extra": 1}));
            assert_eq!(error.map(|e| e.error_type), Ok(ErrorType::ThrottlingException));
        }

        #[test]
        fn wrong_members_are_located() {
            fn error_of<T: FromJson + fmt::Debug>(value: &Value) -> ReadError {
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

// ---- reading the request's types (see the module's doc) ---------------------------------------

/// Reads the request's JSON as the service model's `shape` says, into a checked tree; the typed
/// values are then taken from the tree, which cannot fail. One visitor for every shape, so that
/// its code is compiled once. `optional`: a member, where `null` means absent.
#[derive(Clone, Copy)]
struct Checked {
    shape: &'static Shape,
    optional: bool,
}

impl<'de> DeserializeSeed<'de> for Checked {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        match self.shape {
            _ if self.optional => deserializer.deserialize_option(self),
            Shape::String { .. } => deserializer.deserialize_string(self),
            Shape::List { .. } => deserializer.deserialize_seq(self),
            // Structures as maps: never from a JSON array, as the derive's `deserialize_struct` allowed.
            Shape::Map { .. } | Shape::Structure(_) => deserializer.deserialize_map(self),
        }
    }
}

impl<'de> Visitor<'de> for Checked {
    type Value = Value;

    /// The derive's words, which its error messages end with.
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.shape {
            _ if self.optional => f.write_str("option"),
            Shape::String { .. } => f.write_str("a string"),
            Shape::List { .. } => f.write_str("a sequence"),
            Shape::Map { .. } => f.write_str("a map"),
            Shape::Structure(s) => write!(f, "struct {}", s.name),
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Checked { optional: false, ..self }.deserialize(deserializer)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.visit_string(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        match self.shape {
            Shape::String { .. } => Ok(Value::String(v)),
            _ => Err(E::invalid_type(Unexpected::Str(&v), &self)),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let Shape::List { member, .. } = self.shape else {
            return Err(de::Error::invalid_type(Unexpected::Seq, &self));
        };
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Checked { shape: member, optional: false })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = match self.shape {
                // A map's repeated key: the last value wins, as IndexMap's reader did.
                Shape::Map { value, .. } => map.next_value_seed(Checked { shape: value, optional: false })?,
                Shape::Structure(s) => {
                    let Some(member) = s.member(&key) else {
                        return Err(de::Error::custom(unknown_member(&key, s)));
                    };
                    if members.contains_key(member.name) {
                        return Err(de::Error::duplicate_field(member.name));
                    }
                    map.next_value_seed(Checked { shape: member.shape, optional: true })?
                }
                _ => return Err(de::Error::invalid_type(Unexpected::Map, &self)),
            };
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

/// serde's `unknown_field` message, with the structure's members as the expected names.
fn unknown_member(key: &str, structure: &Structure) -> String {
    let names: Vec<String> = structure.member_names().map(|name| format!("`{name}`")).collect();
    match names.as_slice() {
        [] => format!("unknown field `{key}`, there are no fields"),
        [one] => format!("unknown field `{key}`, expected {one}"),
        [a, b] => format!("unknown field `{key}`, expected {a} or {b}"),
        all => format!("unknown field `{key}`, expected one of {}", all.join(", ")),
    }
}

/// A checked tree's members (none for anything else: the tree was checked against the model).
fn members(tree: Value) -> impl Iterator<Item = (String, Value)> {
    match tree {
        Value::Object(map) => map,
        _ => Map::new(),
    }
    .into_iter()
}

/// A checked string member: `null` (absent) is `None`.
fn string(tree: Value) -> Option<String> {
    match tree {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// A checked structure member: `null` (absent) is `None`.
fn structure<T>(tree: Value, read: fn(Value) -> T) -> Option<T> {
    (!tree.is_null()).then(|| read(tree))
}

impl SendChatIntegrationEventRequest {
    fn from_checked(tree: Value) -> Self {
        let mut request = Self::default();
        for (name, v) in members(tree) {
            match name.as_str() {
                "SourceId" => request.source_id = string(v),
                "DestinationId" => request.destination_id = string(v),
                "Subtype" => request.subtype = string(v),
                "Event" => request.event = structure(v, ChatEvent::from_checked),
                _ => request.new_session_details = structure(v, NewSessionDetails::from_checked),
            }
        }
        request
    }
}

impl ChatEvent {
    fn from_checked(tree: Value) -> Self {
        let mut event = Self::default();
        for (name, v) in members(tree) {
            match name.as_str() {
                "Type" => event.r#type = string(v),
                "ContentType" => event.content_type = string(v),
                _ => event.content = string(v),
            }
        }
        event
    }
}

impl NewSessionDetails {
    fn from_checked(tree: Value) -> Self {
        let mut details = Self::default();
        for (name, v) in members(tree) {
            match (name.as_str(), v) {
                (_, Value::Null) => {}
                ("SupportedMessagingContentTypes", Value::Array(items)) => {
                    details.supported_messaging_content_types = Some(items.into_iter().filter_map(string).collect());
                }
                ("Attributes", v) => {
                    details.attributes =
                        Some(members(v).filter_map(|(key, value)| Some((key, string(value)?))).collect());
                }
                ("ParticipantDetails", v) => details.participant_details = Some(ParticipantDetails::from_checked(v)),
                (_, v) => details.streaming_configuration = Some(ChatStreamingConfiguration::from_checked(v)),
            }
        }
        details
    }
}

impl ParticipantDetails {
    fn from_checked(tree: Value) -> Self {
        ParticipantDetails { display_name: members(tree).find_map(|(_, name)| string(name)) }
    }
}

impl ChatStreamingConfiguration {
    fn from_checked(tree: Value) -> Self {
        ChatStreamingConfiguration { streaming_endpoint_arn: members(tree).find_map(|(_, arn)| string(arn)) }
    }
}

/// Each type reads through the model-driven reader above, so that a request inside another
/// document (a scenario's step, a snapshot's log) reads exactly as one on its own.
macro_rules! deserialize_with_shape {
    ($($ty:ty => $shape:expr),* $(,)?) => {$(
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let tree = Checked { shape: &$shape, optional: false }.deserialize(deserializer)?;
                Ok(Self::from_checked(tree))
            }
        }
    )*};
}

/// Bridge while the shape-driven reader moves from serde's `Deserializer` to [`crate::json::read`]:
/// a request inside another document reads through the same reader as one on its own.
impl crate::json::read::FromJson for SendChatIntegrationEventRequest {
    fn from_json(value: &Value, at: &crate::json::read::Path<'_>) -> Result<Self, crate::json::read::ReadError> {
        crate::json::from_value(value).map_err(|message| crate::json::read::ReadError::new(at, message))
    }
}

deserialize_with_shape! {
    SendChatIntegrationEventRequest => shape::REQUEST_SHAPE,
    ChatEvent => shape::CHAT_EVENT_SHAPE,
    NewSessionDetails => shape::NEW_SESSION_DETAILS_SHAPE,
    ParticipantDetails => shape::PARTICIPANT_DETAILS_SHAPE,
    ChatStreamingConfiguration => shape::CHAT_STREAMING_CONFIGURATION_SHAPE,
}

#[cfg(test)]
mod reading {
    use super::*;
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

    /// The messages and locations serde's derive gave for the same texts (recorded from it before
    /// it was replaced), and the arrays it wrongly read as structures.
    #[test]
    fn errors_read_as_serdes_derive_did_and_arrays_are_not_structures() {
        for (text, message) in [
            // serde's derive read each of these arrays as the structure.
            (r#"["+15550100"]"#, "invalid type: sequence, expected struct SendChatIntegrationEventRequest at line 1 column 0"),
            (r#"{"Event": ["MESSAGE"]}"#, "invalid type: sequence, expected struct ChatEvent at line 1 column 10"),
            (r#"{"NewSessionDetails": [[]]}"#, "invalid type: sequence, expected struct NewSessionDetails at line 1 column 22"),
            (
                r#"{"NewSessionDetails": {"ParticipantDetails": ["Ana"]}}"#,
                "invalid type: sequence, expected struct ParticipantDetails at line 1 column 45",
            ),
            (
                r#"{"NewSessionDetails": {"StreamingConfiguration": ["arn"]}}"#,
                "invalid type: sequence, expected struct ChatStreamingConfiguration at line 1 column 49",
            ),
            // As the derive had them.
            ("null", "invalid type: null, expected struct SendChatIntegrationEventRequest at line 1 column 4"),
            (r#""x""#, "invalid type: string \"x\", expected struct SendChatIntegrationEventRequest at line 1 column 3"),
            (r#"{"NewSessionDetails": {"Attributes": [["a", "b"]]}}"#, "invalid type: sequence, expected a map at line 1 column 37"),
            (r#"{"SourceId": 5}"#, "invalid type: integer `5`, expected a string at line 1 column 14"),
            (r#"{"SourceId": -5}"#, "invalid type: integer `-5`, expected a string at line 1 column 15"),
            (r#"{"SourceId": 1.5}"#, "invalid type: floating point `1.5`, expected a string at line 1 column 16"),
            (r#"{"SourceId": true}"#, "invalid type: boolean `true`, expected a string at line 1 column 17"),
            (r#"{"SourceId": {}}"#, "invalid type: map, expected a string at line 1 column 13"),
            (r#"{"Event": {"Type": ["MESSAGE"]}}"#, "invalid type: sequence, expected a string at line 1 column 19"),
            (r#"{"Event": "MESSAGE"}"#, "invalid type: string \"MESSAGE\", expected struct ChatEvent at line 1 column 19"),
            (
                r#"{"NewSessionDetails": {"SupportedMessagingContentTypes": "text/plain"}}"#,
                "invalid type: string \"text/plain\", expected a sequence at line 1 column 69",
            ),
            (
                r#"{"NewSessionDetails": {"SupportedMessagingContentTypes": [null]}}"#,
                "invalid type: null, expected a string at line 1 column 62",
            ),
            (r#"{"NewSessionDetails": {"Attributes": {"a": 1}}}"#, "invalid type: integer `1`, expected a string at line 1 column 44"),
            (
                r#"{"Nope": 1}"#,
                "unknown field `Nope`, expected one of `SourceId`, `DestinationId`, `Subtype`, `Event`, `NewSessionDetails` at line 1 column 7",
            ),
            (r#"{"Event": {"type": "MESSAGE"}}"#, "unknown field `type`, expected one of `Type`, `ContentType`, `Content` at line 1 column 17"),
            (
                r#"{"NewSessionDetails": {"ParticipantDetails": {"Name": "x"}}}"#,
                "unknown field `Name`, expected `DisplayName` at line 1 column 52",
            ),
            (
                r#"{"NewSessionDetails": {"StreamingConfiguration": {"Arn": "x"}}}"#,
                "unknown field `Arn`, expected `StreamingEndpointArn` at line 1 column 55",
            ),
            // The first problem in document order.
            (r#"{"SourceId": 5, "Nope": 1}"#, "invalid type: integer `5`, expected a string at line 1 column 14"),
            (r#"{"SourceId": "a", "SourceId": "b"}"#, "duplicate field `SourceId` at line 1 column 28"),
            (r#"{"SourceId": null, "SourceId": "b"}"#, "duplicate field `SourceId` at line 1 column 29"),
            (
                r#"{"SourceId": 12345678901234567890123}"#,
                "invalid type: floating point `1.2345678901234568e+22`, expected a string at line 1 column 36",
            ),
        ] {
            assert_eq!(read(text).unwrap_err(), message, "{text}");
        }
    }

    #[test]
    fn a_request_inside_another_document_reads_the_same() {
        #[derive(Deserialize)]
        struct Step {
            send: Option<SendChatIntegrationEventRequest>,
        }
        let step: Step = serde_json::from_str(r#"{"send": {"SourceId": "+15550100", "Event": {"Type": "MESSAGE"}}}"#).unwrap();
        assert_eq!(step.send.as_ref().and_then(|r| r.event_type()), Some("MESSAGE"));
        assert!(serde_json::from_str::<Step>(r#"{"send": null}"#).unwrap().send.is_none());
        let e = serde_json::from_str::<Step>(r#"{"send": ["+15550100"]}"#).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("invalid type: sequence, expected struct SendChatIntegrationEventRequest at line 1 column 9"));
    }

    #[test]
    fn each_part_reads_on_its_own() {
        let event: ChatEvent = serde_json::from_str(r#"{"Type": "MESSAGE", "Content": "hi"}"#).unwrap();
        assert_eq!((event.r#type.as_deref(), event.content.as_deref()), (Some("MESSAGE"), Some("hi")));
        let details: NewSessionDetails = serde_json::from_value(json!({"Attributes": {"a": "b"}})).unwrap();
        assert_eq!(details.attributes.and_then(|a| a.get("a").cloned()).as_deref(), Some("b"));
        let p: ParticipantDetails = serde_json::from_str(r#"{"DisplayName": "Ana"}"#).unwrap();
        assert_eq!(p.display_name.as_deref(), Some("Ana"));
        let c: ChatStreamingConfiguration = serde_json::from_str(r#"{"StreamingEndpointArn": "arn"}"#).unwrap();
        assert_eq!(c.streaming_endpoint_arn.as_deref(), Some("arn"));
        let e = serde_json::from_str::<ChatEvent>(r#"["MESSAGE"]"#).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("invalid type: sequence, expected struct ChatEvent at line 1 column 0"));
        // From a serde_json::Value too (serde_json's tree deserializer).
        let e = serde_json::from_value::<ChatEvent>(json!({"Type": 3})).err().map(|e| e.to_string());
        assert_eq!(e.as_deref(), Some("invalid type: integer `3`, expected a string"));
    }
}
