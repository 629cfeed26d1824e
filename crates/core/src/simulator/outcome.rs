//! What a request led to: the response exactly as AWS returns it, what happened in the simulated
//! service, and a sentence or two saying why.

use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::clock::{human_duration, Timestamp};
use super::ids::{ContactId, MessageId};
use crate::json::read::{Path, ReadError};
use crate::json::{FromJson, ToJson};
use crate::model::{InvalidRequestExceptionReason, SendChatIntegrationEventResponse, ServiceError};
use crate::Diagnostic;

/// The result of one `send`.
#[derive(Debug, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "an outcome")]
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
    /// One or two sentences a person understands. Reads as a `&str` (it derefs to one) and
    /// serializes as a string; on the busiest paths it is written only when first read.
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub explanation: Explanation,
    /// Validation findings: the errors of an InvalidRequestException, or warnings on an accepted request.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

impl Clone for Outcome {
    fn clone(&self) -> Outcome {
        Outcome {
            at: self.at,
            what: self.what,
            response: self.response.clone(),
            contact_id: self.contact_id,
            follows: self.follows,
            new_session_details_ignored: self.new_session_details_ignored,
            message_id: self.message_id,
            explanation: self.explanation.clone(),
            diagnostics: self.diagnostics.clone(),
        }
    }

    /// Reuses `self`'s buffers where it can (the simulator's log overwrites its oldest entry).
    fn clone_from(&mut self, from: &Outcome) {
        // Destructured, so that a new field cannot be forgotten here.
        let Outcome {
            at,
            what,
            response,
            contact_id,
            follows,
            new_session_details_ignored,
            message_id,
            explanation,
            diagnostics,
        } = from;
        self.at = *at;
        self.what = *what;
        match (&mut self.response, response) {
            (AwsResponse::Ok(to), AwsResponse::Ok(f)) => {
                let SendChatIntegrationEventResponse { initial_contact_id, new_chat_created } = f;
                to.initial_contact_id.clone_from(initial_contact_id);
                to.new_chat_created = *new_chat_created;
            }
            (to, f) => *to = f.clone(),
        }
        self.contact_id = *contact_id;
        self.follows = *follows;
        self.new_session_details_ignored = *new_session_details_ignored;
        self.message_id = *message_id;
        self.explanation = explanation.clone();
        self.diagnostics.clone_from(diagnostics);
    }
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum AwsResponse {
    Ok(SendChatIntegrationEventResponse),
    Error(ServiceError),
}

impl AwsResponse {
    /// The body as the service sends it: `{"InitialContactId":"…","NewChatCreated":true}`, or for an
    /// error `{"Message":"…"}` and its modelled `Reason` when set (the error's type travels in the
    /// `x-amzn-ErrorType` header).
    pub fn body_json(&self) -> String {
        match self {
            AwsResponse::Ok(r) => crate::json::to_string(r),
            AwsResponse::Error(e) => error_body(&e.message, e.reason.as_ref()),
        }
    }
}

/// An error's body as the service writes it: its `Message`, and its modelled `Reason` when set.
pub fn error_body(message: &str, reason: Option<&InvalidRequestExceptionReason>) -> String {
    crate::json::write::text(&crate::json::write::object(|members| {
        members.add("Message", &message).optional("Reason", &reason);
    }))
}

/// What happened to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToJson, FromJson)]
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
        !matches!(self, What::Created | What::Reused | What::Disconnected | What::NoActiveChat)
    }
}

/// The contact a new one follows: the same identity's previous contact, and how it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[json(expected = "a predecessor contact")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Predecessor {
    pub contact_id: ContactId,
    pub started_at: Timestamp,
    pub ended_at: Timestamp,
    pub end_reason: EndReason,
}

/// Why a contact ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToJson, FromJson)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum EndedBy {
    Agent,
    Flow,
}

/// An outcome's explanation: one or two sentences a person understands.
///
/// It behaves as text (`Deref<Target = str>`, `Display`, serialized as a JSON string), but on the
/// busiest paths (a chat created or reused) it keeps only the facts and writes the sentence the first
/// time it is read: most callers of `send` at scale never read it, and writing it was a large part of
/// the cost of a request. The text is the same either way.
#[derive(Clone)]
pub struct Explanation {
    facts: Facts,
    text: OnceLock<String>,
}

#[derive(Clone)]
enum Facts {
    /// Written when the outcome was made.
    Written(String),
    Reused {
        contact: ContactId,
        identity: IdentityText,
        started: Timestamp,
        expires: Timestamp,
        is_message: bool,
        new_session_details_ignored: bool,
    },
    Created {
        contact: ContactId,
        identity: IdentityText,
        follows: Option<Predecessor>,
        with_new_session_details: bool,
        expires: Timestamp,
        duration_millis: u64,
    },
}

impl Explanation {
    /// The explanation of a request an active chat handled.
    pub(crate) fn reused(
        contact: ContactId,
        identity: Identity<'_>,
        started: Timestamp,
        expires: Timestamp,
        is_message: bool,
        new_session_details_ignored: bool,
    ) -> Explanation {
        match IdentityText::new(identity) {
            Some(identity) => Explanation::lazy(Facts::Reused {
                contact,
                identity,
                started,
                expires,
                is_message,
                new_session_details_ignored,
            }),
            None => {
                let mut out = String::new();
                write_reused(&mut out, contact, identity, started, expires, is_message, new_session_details_ignored);
                Explanation::from(out)
            }
        }
    }

    /// The explanation of a request that created a chat.
    pub(crate) fn created(
        contact: ContactId,
        identity: Identity<'_>,
        follows: Option<Predecessor>,
        with_new_session_details: bool,
        expires: Timestamp,
        duration_millis: u64,
    ) -> Explanation {
        match IdentityText::new(identity) {
            Some(identity) => Explanation::lazy(Facts::Created {
                contact,
                identity,
                follows,
                with_new_session_details,
                expires,
                duration_millis,
            }),
            None => {
                let mut out = String::new();
                write_created(&mut out, contact, identity, follows, with_new_session_details, expires, duration_millis);
                Explanation::from(out)
            }
        }
    }

    fn lazy(facts: Facts) -> Explanation {
        Explanation { facts, text: OnceLock::new() }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.facts {
            Facts::Written(text) => text,
            facts => self.text.get_or_init(|| facts.render()),
        }
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        match self.facts {
            Facts::Written(text) => text,
            facts => match self.text.into_inner() {
                Some(text) => text,
                None => facts.render(),
            },
        }
    }
}

impl Facts {
    fn render(&self) -> String {
        let mut out = String::new();
        match *self {
            Facts::Written(ref text) => out.push_str(text),
            Facts::Reused { contact, ref identity, started, expires, is_message, new_session_details_ignored } => {
                write_reused(
                    &mut out,
                    contact,
                    identity.parts(),
                    started,
                    expires,
                    is_message,
                    new_session_details_ignored,
                )
            }
            Facts::Created { contact, ref identity, follows, with_new_session_details, expires, duration_millis } => {
                write_created(
                    &mut out,
                    contact,
                    identity.parts(),
                    follows,
                    with_new_session_details,
                    expires,
                    duration_millis,
                )
            }
        }
        out
    }
}

fn write_reused(
    out: &mut String,
    contact: ContactId,
    identity: Identity<'_>,
    started: Timestamp,
    expires: Timestamp,
    is_message: bool,
    new_session_details_ignored: bool,
) {
    out.reserve(160 + identity.source.len() + identity.destination.len());
    out.push_str("Active chat ");
    contact.write_to(out);
    out.push_str(" for ");
    identity.write_to(out);
    out.push_str(" (started ");
    started.write_iso(out);
    out.push_str(", expires ");
    expires.write_iso(out);
    out.push_str(if is_message { ") handled the message" } else { ") handled the event" });
    out.push_str(", so NewChatCreated is false.");
    if new_session_details_ignored {
        out.push_str(" NewSessionDetails was ignored: it only applies when a chat is created.");
    }
}

fn write_created(
    out: &mut String,
    contact: ContactId,
    identity: Identity<'_>,
    follows: Option<Predecessor>,
    with_new_session_details: bool,
    expires: Timestamp,
    duration_millis: u64,
) {
    out.push_str("No active chat for ");
    identity.write_to(out);
    if let Some(p) = follows {
        if p.end_reason == EndReason::Expired {
            out.push_str(&format!(
                ": the last one, {}, expired at {} after {}",
                p.contact_id,
                p.ended_at,
                human_duration(p.ended_at.millis_since(p.started_at))
            ));
        } else {
            out.push_str(&format!(
                ": the last one, {}, ended at {} ({})",
                p.contact_id,
                p.ended_at,
                p.end_reason.phrase()
            ));
        }
    }
    out.push_str(&format!(
        ", so a new contact, {contact}, was created{} (NewChatCreated is true). It expires at {expires} after {} unless it ends first.",
        if with_new_session_details { " with NewSessionDetails applied" } else { "" },
        human_duration(duration_millis)
    ));
}

/// The three strings that name a chat, as the request wrote them.
#[derive(Clone, Copy)]
pub(crate) struct Identity<'a> {
    pub source: &'a str,
    pub destination: &'a str,
    pub subtype: Option<&'a str>,
}

impl Identity<'_> {
    /// `+15551234567 → arn:… (connect:sms)`, or `(no Subtype)`.
    pub fn write_to(&self, out: &mut String) {
        out.push_str(self.source);
        out.push_str(" → ");
        out.push_str(self.destination);
        out.push_str(" (");
        out.push_str(self.subtype.unwrap_or("no Subtype"));
        out.push(')');
    }

    /// [`Identity::write_to`] as a new string.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write_to(&mut out);
        out
    }
}

/// Room for an identity kept inside an outcome: an E.164 number (at most 16 bytes), a phone-number
/// ARN (92 to 97 bytes in the commercial regions) and a Subtype (at most 16 bytes for the known
/// ones) fit. Longer identities get their explanation written at once instead. Kept small because
/// an outcome is moved a few times on its way back from `send`.
const IDENTITY_ROOM: usize = 136;

/// An identity's strings copied into the outcome itself, so that keeping them costs no allocation.
#[derive(Clone, Copy)]
struct IdentityText {
    bytes: [u8; IDENTITY_ROOM],
    source_len: u8,
    destination_len: u8,
    /// `None` for an absent Subtype.
    subtype_len: Option<u8>,
}

impl IdentityText {
    fn new(identity: Identity<'_>) -> Option<IdentityText> {
        let subtype = identity.subtype.unwrap_or("");
        let total = identity.source.len() + identity.destination.len() + subtype.len();
        if total > IDENTITY_ROOM {
            return None;
        }
        let mut bytes = [0u8; IDENTITY_ROOM];
        let (source, rest) = bytes.split_at_mut(identity.source.len());
        source.copy_from_slice(identity.source.as_bytes());
        let (destination, rest) = rest.split_at_mut(identity.destination.len());
        destination.copy_from_slice(identity.destination.as_bytes());
        rest.get_mut(..subtype.len())?.copy_from_slice(subtype.as_bytes());
        Some(IdentityText {
            bytes,
            source_len: u8::try_from(identity.source.len()).ok()?,
            destination_len: u8::try_from(identity.destination.len()).ok()?,
            subtype_len: match identity.subtype {
                Some(s) => Some(u8::try_from(s.len()).ok()?),
                None => None,
            },
        })
    }

    fn parts(&self) -> Identity<'_> {
        // Each part was copied whole from a `str`, so each slice is valid UTF-8.
        let text = |from: usize, len: usize| {
            self.bytes.get(from..from + len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
        };
        let s = usize::from(self.source_len);
        let d = usize::from(self.destination_len);
        Identity {
            source: text(0, s),
            destination: text(s, d),
            subtype: self.subtype_len.map(|n| text(s + d, usize::from(n))),
        }
    }
}

impl From<String> for Explanation {
    fn from(text: String) -> Explanation {
        Explanation { facts: Facts::Written(text), text: OnceLock::new() }
    }
}

impl From<&str> for Explanation {
    fn from(text: &str) -> Explanation {
        Explanation::from(text.to_string())
    }
}

impl From<Explanation> for String {
    fn from(e: Explanation) -> String {
        e.into_string()
    }
}

impl Deref for Explanation {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Explanation {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Explanation {
    fn eq(&self, other: &Explanation) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Explanation {}

impl PartialEq<str> for Explanation {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Explanation {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Explanation {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Serialize for Explanation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Written as its text.
impl ToJson for Explanation {
    fn write(&self, out: &mut dyn crate::json::write::Out) {
        out.string(self.as_str());
    }
}

impl FromJson for Explanation {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        String::from_json(value, at).map(Explanation::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::read::read;
    use crate::model::ErrorType;
    use serde_json::json;

    /// Each enum reads exactly the spelling its `Serialize` writes, and nothing else.
    #[test]
    fn enums_read_the_spellings_they_write() {
        fn round_trip<T: crate::json::ToJson + FromJson + PartialEq + fmt::Debug>(values: &[T]) {
            for v in values {
                let written = crate::json::to_value(v);
                assert_eq!(read::<T>(&written).as_ref(), Ok(v), "{written}");
                let shouted = json!(written.as_str().map(str::to_uppercase));
                assert!(read::<T>(&shouted).is_err(), "{shouted}");
            }
        }
        round_trip(&[
            What::Created,
            What::Reused,
            What::Disconnected,
            What::NoActiveChat,
            What::InvalidRequest,
            What::ContentTypeNotEnabled,
            What::UnknownReceiptTarget,
            What::AccessDenied,
            What::Throttled,
            What::DestinationNotFound,
            What::InternalError,
            What::ActiveChatLimit,
        ]);
        round_trip(&[
            EndReason::CustomerDisconnected,
            EndReason::AgentDisconnected,
            EndReason::FlowDisconnected,
            EndReason::Expired,
        ]);
        round_trip(&[EndedBy::Agent, EndedBy::Flow]);
        round_trip(&[
            super::super::ContactStatus::Active,
            super::super::ContactStatus::Ended,
            super::super::ContactStatus::Expired,
        ]);
        round_trip(&[super::super::SubtypeMatching::CaseSensitive, super::super::SubtypeMatching::CaseInsensitive]);
        round_trip(&ErrorType::ALL);
    }

    /// An error's body holds its message, and its modelled `Reason` when it has one.
    #[test]
    fn error_bodies_hold_message_and_reason() {
        use crate::model::{AttachedFileInvalidRequestExceptionReason, InvalidRequestExceptionReason};
        let mut error = ServiceError::new(ErrorType::InvalidRequestException, "bad");
        assert_eq!(AwsResponse::Error(error.clone()).body_json(), r#"{"Message":"bad"}"#);
        error.reason = Some(InvalidRequestExceptionReason {
            attached_file_invalid_request_exception_reason:
                AttachedFileInvalidRequestExceptionReason::INVALID_FILE_SIZE,
        });
        assert_eq!(
            AwsResponse::Error(error).body_json(),
            r#"{"Message":"bad","Reason":{"AttachedFileInvalidRequestExceptionReason":"INVALID_FILE_SIZE"}}"#
        );
    }

    /// A response is an object with exactly one member, `ok` or `error`.
    #[test]
    fn a_response_has_one_member_ok_or_error() {
        let ok = AwsResponse::Ok(SendChatIntegrationEventResponse {
            initial_contact_id: Some("c".into()),
            new_chat_created: Some(false),
        });
        assert_eq!(read::<AwsResponse>(&crate::json::to_value(&ok)), Ok(ok));
        let error = AwsResponse::Error(ServiceError::new(ErrorType::ThrottlingException, "Rate exceeded"));
        assert_eq!(read::<AwsResponse>(&crate::json::to_value(&error)), Ok(error));
        for (value, path, message) in [
            (json!("ok"), "", "expected {\"ok\": {…}} or {\"error\": {…}}, found the string \"ok\""),
            (json!({}), "", "expected {\"ok\": {…}} or {\"error\": {…}}, found an object with 0 members"),
            (
                json!({"ok": {}, "error": {}}),
                "",
                "expected {\"ok\": {…}} or {\"error\": {…}}, found an object with 2 members",
            ),
            (json!({"Ok": {}}), "Ok", "unknown member \"Ok\"; expected \"ok\" or \"error\""),
            (json!({"ok": {"NewChatCreated": 1}}), "ok.NewChatCreated", "expected true or false, found the number 1"),
            (
                json!({"error": {"Type": "ThrottlingException", "Message": "m"}}),
                "error",
                "the member \"HttpStatus\" is missing",
            ),
        ] {
            let e = read::<AwsResponse>(&value).unwrap_err();
            assert_eq!((e.path.as_str(), e.message.as_str()), (path, message), "{value}");
        }
    }

    /// Absent optional members take their defaults; `at`, `what`, `response` and `explanation`
    /// are required.
    #[test]
    fn an_outcome_needs_its_four_members() {
        let minimal = json!({
            "at": "2026-01-01T00:00:00Z", "what": "noActiveChat", "response": {"ok": {}}, "explanation": "none"
        });
        let o = read::<Outcome>(&minimal).unwrap();
        assert_eq!((o.contact_id, o.new_session_details_ignored, o.diagnostics.len()), (None, false, 0));
        assert_eq!(o.explanation, "none");
        for member in ["at", "what", "response", "explanation"] {
            let mut v = minimal.clone();
            if let Some(map) = v.as_object_mut() {
                map.remove(member);
            }
            let e = read::<Outcome>(&v).unwrap_err();
            assert_eq!(e.message, format!("the member \"{member}\" is missing"));
        }
    }
}
