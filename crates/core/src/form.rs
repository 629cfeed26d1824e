//! What a form for the request offers at each member: the choices of the pickers, so that every
//! front end (the playground, a docs embed) offers the same ones.

use crate::channel::{SUBTYPE_SMS, SUBTYPE_WHATSAPP};
use crate::content_type::{EVENT_CONTENT_TYPES, MESSAGE_CONTENT_TYPES};

/// The `Subtype` values offered, one spelling per channel AWS documents (the form also offers
/// none and a custom value).
pub const SUBTYPE_CHOICES: [&str; 2] = [SUBTYPE_SMS, SUBTYPE_WHATSAPP];

/// The `Event.ContentType` values that fit an `Event.Type`: SendMessage's for `MESSAGE`,
/// SendEvent's for `EVENT`, none for `DISCONNECT` (which ignores ContentType), and all of them
/// while Type is missing or unknown.
pub fn content_type_choices(event_type: Option<&str>) -> Vec<&'static str> {
    match event_type {
        Some("MESSAGE") => MESSAGE_CONTENT_TYPES.to_vec(),
        Some("EVENT") => EVENT_CONTENT_TYPES.to_vec(),
        Some("DISCONNECT") => Vec::new(),
        _ => MESSAGE_CONTENT_TYPES.iter().chain(EVENT_CONTENT_TYPES.iter()).copied().collect(),
    }
}

/// The form field a diagnostic at `path` belongs to: list items and map entries go to their list or
/// map ([`crate::help::member_of`]), and a structure that is missing or wrong goes to the field
/// that fills it (`Event` to `Event.Type`).
pub fn field_of(path: &str) -> &str {
    match crate::help::member_of(path) {
        "Event" => "Event.Type",
        "NewSessionDetails.ParticipantDetails" => "NewSessionDetails.ParticipantDetails.DisplayName",
        "NewSessionDetails.StreamingConfiguration" => "NewSessionDetails.StreamingConfiguration.StreamingEndpointArn",
        member => member,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content_type::{MESSAGE_READ, TEXT_PLAIN, TYPING};

    #[test]
    fn a_diagnostic_goes_to_the_field_that_edits_its_member() {
        let cases = [
            ("SourceId", "SourceId"),
            ("Event", "Event.Type"),
            ("Event.Content", "Event.Content"),
            ("NewSessionDetails.SupportedMessagingContentTypes[3]", "NewSessionDetails.SupportedMessagingContentTypes"),
            ("NewSessionDetails.Attributes.tier", "NewSessionDetails.Attributes"),
            ("NewSessionDetails.Attributes (key: a.b)", "NewSessionDetails.Attributes"),
            ("NewSessionDetails.ParticipantDetails", "NewSessionDetails.ParticipantDetails.DisplayName"),
            (
                "NewSessionDetails.StreamingConfiguration",
                "NewSessionDetails.StreamingConfiguration.StreamingEndpointArn",
            ),
            ("NewSessionDetails", "NewSessionDetails"),
            ("", ""),
        ];
        for (path, field) in cases {
            assert_eq!(field_of(path), field, "{path}");
        }
    }

    #[test]
    fn choices_follow_the_event_type() {
        let cases: [(Option<&str>, &str, bool); 7] = [
            (Some("MESSAGE"), TEXT_PLAIN, true),
            (Some("MESSAGE"), TYPING, false),
            (Some("EVENT"), MESSAGE_READ, true),
            (Some("EVENT"), TEXT_PLAIN, false),
            (Some("DISCONNECT"), TEXT_PLAIN, false),
            (None, TEXT_PLAIN, true),
            (Some("message"), TYPING, true),
        ];
        for (event_type, content_type, offered) in cases {
            assert_eq!(
                content_type_choices(event_type).contains(&content_type),
                offered,
                "{event_type:?} {content_type}"
            );
        }
    }
}
