//! Every rule of [`crate::validate`], once: its stable code, where it comes from, its severity, whether
//! botocore (and so the AWS CLI) rejects the same before sending, and a one-line summary. The
//! validator's diagnostics take these facts from here; the README's table of codes and the
//! tests' expectations are derived from [`RULES`].

use crate::{RuleSource, Severity};

/// A rule's fixed facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable, kebab-case: [`crate::Diagnostic::code`].
    pub code: &'static str,
    pub source: RuleSource,
    pub severity: Severity,
    /// botocore's validator (and so the AWS CLI) rejects this too, before sending.
    pub caught_by_cli: bool,
    pub summary: &'static str,
}

/// Declares each rule as a constant and lists them all in [`RULES`], from one line per rule.
macro_rules! rules {
    ($($name:ident = $code:literal, $source:ident, $severity:ident, $cli:literal, $summary:literal;)+) => {
        $(
            #[doc = concat!("`", $code, "`: ", $summary)]
            pub const $name: Rule = Rule {
                code: $code,
                source: RuleSource::$source,
                severity: Severity::$severity,
                caught_by_cli: $cli,
                summary: $summary,
            };
        )+
        /// Every rule, in the order the README lists them.
        pub const RULES: &[Rule] = &[$($name),+];
    };
}

rules! {
    JSON_SYNTAX = "json-syntax", Syntax, Error, false, "the text is not JSON; line and column are set.";
    YAML_SYNTAX = "yaml-syntax", Syntax, Error, false, "the text is not YAML; line and column are set.";
    COMMAND_SYNTAX = "command-syntax", Syntax, Error, true, "a pasted command the AWS CLI would not run: its own message, then a hint for the common traps; line and column are set.";
    COMMAND_WARNING = "command-warning", Syntax, Warning, false, "a pasted command the AWS CLI reads, but not as it looks (an abbreviated option, a required option missing); line and column are set.";
    SHORTHAND_COMMA_LIST = "shorthand-comma-list", Syntax, Error, true, "shorthand read an unquoted comma as a list separator where one string belongs; the suggestion quotes or escapes it.";
    REQUIRED = "required", ServiceModel, Error, true, "a required member is missing.";
    UNKNOWN_MEMBER = "unknown-member", ServiceModel, Error, true, "a member the shape does not have; the message lists the allowed names and the suggestion holds a near miss (`sourceId` → `SourceId`).";
    WRONG_TYPE = "wrong-type", ServiceModel, Error, true, "a number, boolean, `null`, list or object where another type belongs. A structure of the wrong type is not looked into.";
    MIN_LENGTH = "min-length", ServiceModel, Error, true, "shorter than the shape's minimum (strings, list items, map keys; map values may be empty).";
    MAX_LENGTH = "max-length", ServiceModel, Error, false, "longer than the shape's maximum. botocore does not check it.";
    ENUM = "enum", ServiceModel, Error, false, "`Event.Type` is not `DISCONNECT`, `MESSAGE` or `EVENT`. botocore does not check it.";
    CONTENT_TYPE_REQUIRED = "content-type-required", AwsDocs, Error, false, "`Event.ContentType` missing on a MESSAGE or EVENT.";
    CONTENT_REQUIRED = "content-required", AwsDocs, Error, false, "`Event.Content` missing on a MESSAGE or a read/delivered receipt.";
    CONTENT_TYPE_NOT_ALLOWED = "content-type-not-allowed", AwsDocs, Error, false, "not one of SendMessage's types (MESSAGE) or SendEvent's types (EVENT).";
    CONTENT_TYPE_DEPRECATED = "content-type-deprecated", AwsDocs, Warning, false, "the `connection.acknowledged` event.";
    CONTENT_NOT_JSON = "content-not-json", AwsDocs, Error, false, "`application/json` content that does not parse.";
    RECEIPT_CONTENT = "receipt-content", AwsDocs, Error, false, "a read/delivered receipt whose content is not `{\"messageId\":\"…\"}`.";
    CONTENT_BYTES = "content-bytes", AwsDocs, Warning, false, "content within 16,384 characters but over 16,384 UTF-8 bytes, the limit the newest SendMessage docs state.";
    CONTENT_TYPE_NOT_IN_SESSION = "content-type-not-in-session", AwsDocs, Warning, false, "a MESSAGE content type that the `SupportedMessagingContentTypes` given for a new chat does not enable.";
    IGNORED_ON_DISCONNECT = "ignored-on-disconnect", AwsDocs, Warning, false, "ContentType or Content on a DISCONNECT.";
    NEW_SESSION_ON_DISCONNECT = "new-session-on-disconnect", AwsDocs, Warning, false, "NewSessionDetails on a DISCONNECT.";
    TEXT_PLAIN_MISSING = "text-plain-missing", AwsDocs, Error, false, "SupportedMessagingContentTypes without `text/plain`.";
    SUPPORTED_TYPE_UNKNOWN = "supported-type-unknown", AwsDocs, Error, false, "an item that is not one of the five supported types.";
    SUPPORTED_TYPE_DUPLICATE = "supported-type-duplicate", AwsDocs, Warning, false, "an item given twice.";
    ATTRIBUTE_KEY_CHARACTERS = "attribute-key-characters", AwsDocs, Error, false, "an Attributes key with a character other than ASCII letters, digits, `-` and `_`.";
    ATTRIBUTES_TOO_LARGE = "attributes-too-large", AwsDocs, Error, false, "keys and values together over 32,768 UTF-8 bytes.";
    SUBTYPE_CASE = "subtype-case", Channel, Warning, false, "`connect:Sms`-like case variants of a known subtype.";
    SUBTYPE_UNKNOWN = "subtype-unknown", Channel, Warning, false, "a subtype AWS does not document.";
    SOURCE_ID_NOT_E164 = "source-id-not-e164", Channel, Warning, false, "SMS/WhatsApp SourceId that is not `+` and 8 to 15 digits; the suggestion holds the normalized number when there is one.";
    CHANNEL_CONTENT_TYPE = "channel-content-type", Channel, Error, false, "a MESSAGE other than `text/plain` on SMS/WhatsApp.";
    WHATSAPP_TEXT_TOO_LONG = "whatsapp-text-too-long", Channel, Error, false, "a WhatsApp text over 1,024 characters.";
    DESTINATION_NOT_PHONE_NUMBER_ARN = "destination-not-phone-number-arn", Channel, Warning, false, "DestinationId is not an End User Messaging phone-number ARN.";
    STREAMING_ARN_NOT_SNS = "streaming-arn-not-sns", Channel, Warning, false, "StreamingEndpointArn is not a standard SNS topic ARN.";
}

impl Rule {
    /// A diagnostic of this rule at `path`.
    // Inlined so that only the facts a diagnostic carries are read from the rule: the summaries,
    // which no diagnostic carries, then stay out of the wasm.
    #[inline(always)]
    pub fn diagnostic(&self, path: &str, message: String) -> crate::Diagnostic {
        diagnostic(self.code, self.severity, self.source, self.caught_by_cli, path, message)
    }
}

fn diagnostic(
    code: &str,
    severity: Severity,
    source: RuleSource,
    caught_by_cli: bool,
    path: &str,
    message: String,
) -> crate::Diagnostic {
    crate::Diagnostic {
        path: path.to_string(),
        code: code.to_string(),
        severity,
        message,
        source,
        caught_by_cli,
        suggestion: None,
        line: None,
        column: None,
    }
}

/// The rule of a code, if it is one of [`RULES`].
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}
