//! The stable codes of [`crate::Diagnostic::code`], listed and explained in [`crate::validate`].

/// (syntax, error) the text is not JSON; line and column are set.
pub const JSON_SYNTAX: &str = "json-syntax";
/// (model, error, CLI) a required member is missing.
pub const REQUIRED: &str = "required";
/// (model, error, CLI) a member the shape does not have; the message lists the allowed names and the suggestion holds a near miss (`sourceId` → `SourceId`).
pub const UNKNOWN_MEMBER: &str = "unknown-member";
/// (model, error, CLI) a number, boolean, `null`, list or object where another type belongs. A structure of the wrong type is not looked into.
pub const WRONG_TYPE: &str = "wrong-type";
/// (model, error, CLI) shorter than the shape's minimum (strings, list items, map keys; map values may be empty).
pub const MIN_LENGTH: &str = "min-length";
/// (model, error) longer than the shape's maximum. botocore does not check it.
pub const MAX_LENGTH: &str = "max-length";
/// (model, error) `Event.Type` is not `DISCONNECT`, `MESSAGE` or `EVENT`. botocore does not check it.
pub const ENUM: &str = "enum";
/// (error) `Event.ContentType` missing on a MESSAGE or EVENT.
pub const CONTENT_TYPE_REQUIRED: &str = "content-type-required";
/// (error) `Event.Content` missing on a MESSAGE or a read/delivered receipt.
pub const CONTENT_REQUIRED: &str = "content-required";
/// (error) not one of SendMessage's types (MESSAGE) or SendEvent's types (EVENT).
pub const CONTENT_TYPE_NOT_ALLOWED: &str = "content-type-not-allowed";
/// (warning) the `connection.acknowledged` event.
pub const CONTENT_TYPE_DEPRECATED: &str = "content-type-deprecated";
/// (error) `application/json` content that does not parse.
pub const CONTENT_NOT_JSON: &str = "content-not-json";
/// (error) a read/delivered receipt whose content is not `{"messageId":"…"}`.
pub const RECEIPT_CONTENT: &str = "receipt-content";
/// (warning) content within 16,384 characters but over 16,384 UTF-8 bytes, the limit the newest SendMessage docs state.
pub const CONTENT_BYTES: &str = "content-bytes";
/// (warning) a MESSAGE content type that the `SupportedMessagingContentTypes` given for a new chat does not enable.
pub const CONTENT_TYPE_NOT_IN_SESSION: &str = "content-type-not-in-session";
/// (warning) ContentType or Content on a DISCONNECT.
pub const IGNORED_ON_DISCONNECT: &str = "ignored-on-disconnect";
/// (warning) NewSessionDetails on a DISCONNECT.
pub const NEW_SESSION_ON_DISCONNECT: &str = "new-session-on-disconnect";
/// (error) SupportedMessagingContentTypes without `text/plain`.
pub const TEXT_PLAIN_MISSING: &str = "text-plain-missing";
/// (error) an item that is not one of the five supported types.
pub const SUPPORTED_TYPE_UNKNOWN: &str = "supported-type-unknown";
/// (warning) an item given twice.
pub const SUPPORTED_TYPE_DUPLICATE: &str = "supported-type-duplicate";
/// (error) an Attributes key with a character other than ASCII letters, digits, `-` and `_`.
pub const ATTRIBUTE_KEY_CHARACTERS: &str = "attribute-key-characters";
/// (error) keys and values together over 32,768 UTF-8 bytes.
pub const ATTRIBUTES_TOO_LARGE: &str = "attributes-too-large";
/// (warning) `connect:Sms`-like case variants of a known subtype.
pub const SUBTYPE_CASE: &str = "subtype-case";
/// (warning) a subtype AWS does not document.
pub const SUBTYPE_UNKNOWN: &str = "subtype-unknown";
/// (warning) SMS/WhatsApp SourceId that is not `+` and 8 to 15 digits; the suggestion holds the normalized number when there is one.
pub const SOURCE_ID_NOT_E164: &str = "source-id-not-e164";
/// (error) a MESSAGE other than `text/plain` on SMS/WhatsApp.
pub const CHANNEL_CONTENT_TYPE: &str = "channel-content-type";
/// (error) a WhatsApp text over 1,024 characters.
pub const WHATSAPP_TEXT_TOO_LONG: &str = "whatsapp-text-too-long";
/// (warning) DestinationId is not an End User Messaging phone-number ARN.
pub const DESTINATION_NOT_PHONE_NUMBER_ARN: &str = "destination-not-phone-number-arn";
/// (warning) StreamingEndpointArn is not a standard SNS topic ARN.
pub const STREAMING_ARN_NOT_SNS: &str = "streaming-arn-not-sns";

/// Every code, in the order the module documentation lists them.
pub const ALL: &[&str] = &[
    JSON_SYNTAX,
    REQUIRED,
    UNKNOWN_MEMBER,
    WRONG_TYPE,
    MIN_LENGTH,
    MAX_LENGTH,
    ENUM,
    CONTENT_TYPE_REQUIRED,
    CONTENT_REQUIRED,
    CONTENT_TYPE_NOT_ALLOWED,
    CONTENT_TYPE_DEPRECATED,
    CONTENT_NOT_JSON,
    RECEIPT_CONTENT,
    CONTENT_BYTES,
    CONTENT_TYPE_NOT_IN_SESSION,
    IGNORED_ON_DISCONNECT,
    NEW_SESSION_ON_DISCONNECT,
    TEXT_PLAIN_MISSING,
    SUPPORTED_TYPE_UNKNOWN,
    SUPPORTED_TYPE_DUPLICATE,
    ATTRIBUTE_KEY_CHARACTERS,
    ATTRIBUTES_TOO_LARGE,
    SUBTYPE_CASE,
    SUBTYPE_UNKNOWN,
    SOURCE_ID_NOT_E164,
    CHANNEL_CONTENT_TYPE,
    WHATSAPP_TEXT_TOO_LONG,
    DESTINATION_NOT_PHONE_NUMBER_ARN,
    STREAMING_ARN_NOT_SNS,
];
