//! Per-field help for every member of the request: a one-line description, the constraints, the
//! allowed values and, where AWS's own reference is wrong or confusing, a note saying so. The
//! playground and the npm package show these; they never restate the facts themselves.

use serde::Serialize;

use crate::channel::{SUBTYPE_SMS, SUBTYPE_SMS_UPPER, SUBTYPE_WHATSAPP};
use crate::content_type as ct;
use crate::json::ToJson;
use crate::shape::EVENT_TYPES;

/// Help for one member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FieldHelp {
    /// The member's path, such as `Event.ContentType`.
    pub path: &'static str,
    /// The member's name, such as `ContentType`.
    pub member: &'static str,
    /// What the member is for, in one line.
    pub description: &'static str,
    /// Required by the service model within its parent.
    pub required: bool,
    /// Constraints as short lines, model ones first, then the docs' and the channels'.
    pub constraints: &'static [&'static str],
    /// The values AWS documents, where it lists them.
    pub allowed_values: &'static [&'static str],
    /// Where AWS's reference is wrong or misleading about this member, what to know.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs_note: Option<&'static str>,
}

const CONTENT_TYPES: [&str; 8] = [
    ct::TEXT_PLAIN,
    ct::TEXT_MARKDOWN,
    ct::APPLICATION_JSON,
    ct::INTERACTIVE_RESPONSE,
    ct::TYPING,
    ct::CONNECTION_ACKNOWLEDGED,
    ct::MESSAGE_DELIVERED,
    ct::MESSAGE_READ,
];

/// Every member of the request, in model order (depth first).
pub static FIELDS: [FieldHelp; 14] = [
    FieldHelp {
        path: "SourceId",
        member: "SourceId",
        description: "Who the customer is on the external channel; for SMS and WhatsApp, their phone number.",
        required: true,
        constraints: &[
            "1 to 255 characters",
            "SMS and WhatsApp: E.164, '+' then 8 to 15 digits, no spaces (channel)",
            "With DestinationId and Subtype, identifies the chat",
        ],
        allowed_values: &[],
        docs_note: None,
    },
    FieldHelp {
        path: "DestinationId",
        member: "DestinationId",
        description: "Which chat system receives the event; for SMS, the End User Messaging phone number (its ARN) the customer wrote to.",
        required: true,
        constraints: &[
            "1 to 255 characters",
            "SMS and WhatsApp: arn:PARTITION:sms-voice:REGION:ACCOUNT:phone-number/ID (channel)",
            "With SourceId and Subtype, identifies the chat",
        ],
        allowed_values: &[],
        docs_note: Some("AWS's reference says \"Server Migration Service\" here. That is an automatic expansion of the acronym SMS (the text-message channel); the unrelated AWS product is not meant. Older versions said SMS and \"Amazon Pinpoint phone number ARN\"; Pinpoint's SMS is now AWS End User Messaging."),
    },
    FieldHelp {
        path: "Subtype",
        member: "Subtype",
        description: "The channel the chat runs on.",
        required: false,
        constraints: &[
            "1 to 100 characters",
            "No enum in the model: any string is accepted",
            "With SourceId and DestinationId, identifies the chat",
        ],
        allowed_values: &[SUBTYPE_SMS, SUBTYPE_SMS_UPPER, SUBTYPE_WHATSAPP],
        docs_note: Some("AWS's reference prints the valid values garbled as [\"connect:sms\", connect:\"WhatsApp\"], with a quote in the wrong place: the values are connect:sms and connect:WhatsApp, without quotes. The rest of the connect model spells SMS in upper case, connect:SMS."),
    },
    FieldHelp {
        path: "Event",
        member: "Event",
        description: "What to do in the chat: send a message, send an event such as typing, or disconnect.",
        required: true,
        constraints: &[],
        allowed_values: &[],
        docs_note: None,
    },
    FieldHelp {
        path: "Event.Type",
        member: "Type",
        description: "The kind of action: a message, an event, or ending the chat.",
        required: true,
        constraints: &["One of the listed values, upper case (not checked by the AWS CLI)"],
        allowed_values: &EVENT_TYPES,
        docs_note: None,
    },
    FieldHelp {
        path: "Event.ContentType",
        member: "ContentType",
        description: "The MIME type of Content: a SendMessage type for a MESSAGE, a SendEvent type for an EVENT.",
        required: false,
        constraints: &[
            "1 to 100 characters",
            "Required for MESSAGE and EVENT (docs); ignored on DISCONNECT",
            "MESSAGE: text/plain, text/markdown, application/json, or the interactive response (docs)",
            "EVENT: typing, message.delivered, message.read; connection.acknowledged is deprecated (docs)",
            "SMS and WhatsApp deliver only text/plain (channel)",
        ],
        allowed_values: &CONTENT_TYPES,
        docs_note: None,
    },
    FieldHelp {
        path: "Event.Content",
        member: "Content",
        description: "The message text, or the event's data such as a receipt's {\"messageId\":\"…\"}.",
        required: false,
        constraints: &[
            "1 to 16,384 characters",
            "Required for MESSAGE and for read/delivered receipts (docs)",
            "application/json content must be valid JSON (docs)",
            "WhatsApp: at most 1,024 characters of text (channel)",
        ],
        allowed_values: &[],
        docs_note: Some("Older SendMessage docs, still bundled with the AWS CLI, give per-type limits (1,024 characters for text/plain and text/markdown, 12,000 for JSON, 12,288 for interactive responses). The newest docs say 16,384 bytes for every type; the model has always allowed 16,384 characters."),
    },
    FieldHelp {
        path: "NewSessionDetails",
        member: "NewSessionDetails",
        description: "Settings for a chat that this event creates; ignored when the chat already exists.",
        required: false,
        constraints: &["Has no effect on a DISCONNECT (docs)"],
        allowed_values: &[],
        docs_note: None,
    },
    FieldHelp {
        path: "NewSessionDetails.SupportedMessagingContentTypes",
        member: "SupportedMessagingContentTypes",
        description: "The content types the new chat accepts from the customer side.",
        required: false,
        constraints: &[
            "Each item 1 to 100 characters",
            "Must include text/plain, in any position (docs)",
            "Only the listed values, each once (docs)",
        ],
        allowed_values: &ct::SUPPORTED_MESSAGING_CONTENT_TYPES,
        docs_note: Some("AWS's reference writes the required value as \" text/plain\", with a stray leading space; the value is text/plain."),
    },
    FieldHelp {
        path: "NewSessionDetails.ParticipantDetails",
        member: "ParticipantDetails",
        description: "Who the customer is in the new chat.",
        required: false,
        constraints: &[],
        allowed_values: &[],
        docs_note: Some("AWS's reference has two descriptions for this member: the newest model says \"The details of the participant, including their display name.\", while the AWS CLI's bundled copy (and the CLI v2 YAML skeleton's comment) says \"The customer's details.\" Both mean the customer's participant."),
    },
    FieldHelp {
        path: "NewSessionDetails.ParticipantDetails.DisplayName",
        member: "DisplayName",
        description: "The customer's name as agents see it in the chat.",
        required: true,
        constraints: &["1 to 256 characters"],
        allowed_values: &[],
        docs_note: None,
    },
    FieldHelp {
        path: "NewSessionDetails.Attributes",
        member: "Attributes",
        description: "Contact attributes for the new chat, readable in flows.",
        required: false,
        constraints: &[
            "Keys 1 to 32,767 characters",
            "Values 0 to 32,767 characters",
            "Keys: only letters, digits, '-' and '_' (docs)",
            "All keys and values together at most 32,768 UTF-8 bytes (docs)",
        ],
        allowed_values: &[],
        docs_note: None,
    },
    FieldHelp {
        path: "NewSessionDetails.StreamingConfiguration",
        member: "StreamingConfiguration",
        description: "Where to stream the new chat's messages in real time.",
        required: false,
        constraints: &[],
        allowed_values: &[],
        docs_note: None,
    },
    FieldHelp {
        path: "NewSessionDetails.StreamingConfiguration.StreamingEndpointArn",
        member: "StreamingEndpointArn",
        description: "The SNS topic that receives the chat's messages.",
        required: true,
        constraints: &["1 to 350 characters", "A standard (not FIFO) SNS topic: arn:PARTITION:sns:REGION:ACCOUNT:TOPIC (channel)"],
        allowed_values: &[],
        docs_note: Some("AWS's reference describes this value twice in one sentence, first as the ARN of a standard SNS topic and then as the ARN of the streaming endpoint: they are the same thing, the SNS topic's ARN."),
    },
];

/// The help for a member path. Paths of diagnostics work too: a list item
/// (`NewSessionDetails.SupportedMessagingContentTypes[2]`) gives the list's help, and a map value
/// (`NewSessionDetails.Attributes.customer-id`) or key (`NewSessionDetails.Attributes (key: a.b)`)
/// gives the map's.
///
/// ```
/// use chat_event_core::help::field_help;
/// assert_eq!(field_help("Event.Type").map(|h| h.member), Some("Type"));
/// assert_eq!(field_help("NewSessionDetails.Attributes.tier").map(|h| h.member), Some("Attributes"));
/// assert!(field_help("Nope").is_none());
/// ```
pub fn field_help(path: &str) -> Option<&'static FieldHelp> {
    let member = member_of(path);
    FIELDS.iter().find(|h| h.path == member)
}

/// The member a diagnostic's path is about: a list item's list
/// (`NewSessionDetails.SupportedMessagingContentTypes[2]`), a map value's or key's map
/// (`NewSessionDetails.Attributes.tier`, `NewSessionDetails.Attributes (key: a.b)`), else the path.
///
/// ```
/// use chat_event_core::help::member_of;
/// assert_eq!(member_of("NewSessionDetails.Attributes (key: a.b)"), "NewSessionDetails.Attributes");
/// assert_eq!(member_of("Event.ContentType"), "Event.ContentType");
/// ```
pub fn member_of(path: &str) -> &str {
    const ATTRIBUTES: &str = "NewSessionDetails.Attributes";
    const LIST: &str = "NewSessionDetails.SupportedMessagingContentTypes";
    if path.strip_prefix(ATTRIBUTES).is_some_and(|rest| rest.starts_with('.') || rest.starts_with(" (key: ")) {
        ATTRIBUTES
    } else if path.strip_prefix(LIST).is_some_and(|rest| rest.starts_with('[')) {
        LIST
    } else {
        path
    }
}
