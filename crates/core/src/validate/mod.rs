//! Validation of a `SendChatIntegrationEvent` request against every rule we know: the service
//! model, AWS's documentation and the SMS and WhatsApp channels. Every problem is reported at
//! once, each as a [`Diagnostic`] located at a member path.
//!
//! Three entry points share one implementation of each rule:
//! - [`validate`] walks a typed request (the fast path: no allocation for a valid request);
//! - [`validate_value`] first checks the raw JSON tree against the model's shapes (wrong types,
//!   `null`, unknown members), then runs the same rules as [`validate`] on whatever has the
//!   right type;
//! - [`validate_json`] and [`validate_yaml`] parse text, reporting a syntax error with its line
//!   and column ([`validate_json`] reads text that is simply a request in one pass, and validates
//!   it typed).
//!
//! # Paths
//! `SourceId`, `Event.ContentType`, `NewSessionDetails.SupportedMessagingContentTypes[2]`,
//! `NewSessionDetails.Attributes.customer-id` (a map value) and
//! `NewSessionDetails.Attributes (key: a.b)` (a map key), as botocore writes them. The empty path
//! is the request itself (when it is not a JSON object).
//!
//! # Codes
//! Stable, kebab-case. Every rule's code, source (the service model: [`model_rules`] and [`raw`];
//! AWS's documentation: [`docs_rules`]; channel behaviour: [`channel_rules`]; syntax), severity,
//! whether botocore (and so the AWS CLI) also rejects it before sending, and a one-line summary are
//! written once, in [`codes::RULES`]; the README's table of codes is made from it.
//!
//! # Severities
//! Error means AWS rejects the request (or, for CLI codes, botocore does before sending); warning
//! means AWS accepts it but it almost surely does not do what was meant. Where we only know a
//! rule from AWS's docs, the message says so. The reasoning for each choice is at the rule.
//!
//! # Lengths
//! String lengths are counted in Unicode scalar values, as the model and botocore (Python `len`)
//! count them: an emoji is one character. The Attributes total is counted in UTF-8 bytes, as the
//! docs state it.

pub mod channel_rules;
pub mod codes;
pub mod docs_rules;
pub mod model_rules;
pub mod raw;
pub mod suggest;
pub(crate) mod syntax;
mod view;

use crate::{Diagnostic, SendChatIntegrationEventRequest};
use view::RequestView;

/// Every problem in a typed request. Allocates nothing for a valid request beyond the empty Vec.
///
/// ```
/// use chat_event_core::{validate, SendChatIntegrationEventRequest};
/// let request = SendChatIntegrationEventRequest::from_json(
///     r#"{"SourceId":"+15551234567","DestinationId":"arn:aws:sms-voice:us-east-1:111122223333:phone-number/p",
///        "Subtype":"connect:sms","Event":{"Type":"MESSAGE","ContentType":"text/plain","Content":"hi"}}"#,
/// ).unwrap();
/// assert!(validate::validate(&request).is_empty());
/// ```
pub fn validate(request: &SendChatIntegrationEventRequest) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_view(&RequestView::from_request(request), &mut out, None);
    out
}

/// What a validator that sees many requests remembers between them, so that it need not repeat
/// work whose answer depends only on a string it has seen before. The findings are the same.
#[derive(Debug, Clone, Default)]
pub(crate) struct Memo {
    /// The last DestinationId that passed the phone-number ARN check. Requests mostly share a few
    /// destinations, and the ARN check was the largest part of validating a valid request; one
    /// comparison replaces it.
    phone_number_arn: String,
}

/// [`validate`] with a [`Memo`], for the simulator.
pub(crate) fn validate_with(request: &SendChatIntegrationEventRequest, memo: &mut Memo) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_view(&RequestView::from_request(request), &mut out, Some(memo));
    out
}

/// Every problem in a request given as a JSON tree: wrong types (`null` included) and unknown
/// members at their paths, then the rules of [`validate`] wherever the types allow.
pub fn validate_value(value: &serde_json::Value) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    raw::check(value, &mut out);
    if let Some(view) = RequestView::from_value(value) {
        check_view(&view, &mut out, None);
    }
    out
}

/// Every problem in a request given as JSON text. Text that is not JSON gives one `json-syntax`
/// diagnostic with its line and column.
pub fn validate_json(text: &str) -> Vec<Diagnostic> {
    // Text that is simply a request (the usual case) is read in one pass and validated typed: the
    // tree would give no diagnostic of its own and the same view to the rules.
    if let Some(request) = crate::json::one_pass::read::<SendChatIntegrationEventRequest>(text) {
        return validate(&request);
    }
    match crate::json::parse(text) {
        Ok(value) => validate_value(&value),
        Err(error) => vec![syntax::json_syntax(&error)],
    }
}

/// Every problem in a request given as YAML text (`--cli-input-yaml`'s format). Text that is not
/// YAML gives one `yaml-syntax` diagnostic with its line and column.
pub fn validate_yaml(text: &str) -> Vec<Diagnostic> {
    match crate::yaml::from_str(text) {
        Ok(value) => validate_value(&value),
        Err(error) => vec![syntax::yaml_syntax(&error)],
    }
}

/// True when any diagnostic is an error (AWS or the CLI would reject the request).
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

fn check_view(view: &RequestView<'_>, out: &mut Vec<Diagnostic>, memo: Option<&mut Memo>) {
    model_rules::check(view, out);
    docs_rules::check(view, out);
    channel_rules::check(view, out, memo);
}

/// Appends ` Did you mean {s}{mid}?` to the message and makes `s` the suggestion: the one way
/// every rule offers a correction.
pub(crate) fn did_you_mean(d: &mut Diagnostic, s: &str, mid: &str) {
    for part in [" Did you mean ", s, mid, "?"] {
        d.message.push_str(part);
    }
    d.suggestion = Some(s.to_string());
}

pub(crate) use crate::limits::thousands;

/// `1 character`, `2 characters`.
pub(crate) fn chars_word(n: usize) -> String {
    if n == 1 {
        "1 character".to_string()
    } else {
        format!("{} characters", thousands(n))
    }
}

/// A value shortened for a message (one helper for the validator and the readers).
pub(crate) use crate::json::read::preview;

#[cfg(test)]
mod tests {
    use super::*;

    /// The memo is only a cache: whatever order destinations come in (good after bad, bad after good,
    /// a longer after a shorter, other channels), each request gets exactly the findings of [`validate`].
    #[test]
    fn the_memo_never_changes_the_findings() {
        let good = "arn:aws:sms-voice:us-east-1:111122223333:phone-number/p";
        let longer = "arn:aws:sms-voice:eu-west-1:111122223333:phone-number/phone-0123456789abcdef";
        let sequence = [
            (good, Some("connect:sms")),
            (good, Some("connect:sms")),
            ("arn:aws:sns:us-east-1:111122223333:topic", Some("connect:sms")),
            (good, Some("connect:WhatsApp")),
            ("+15551234567", None),
            (longer, None),
            (longer, Some("custom:chat")),
            ("arn:aws:sms-voice:us-east-1:111122223333:phone-number/", Some("connect:sms")),
            (good, Some("connect:sms")),
            ("", Some("connect:sms")),
            (good, Some("connect:sms")),
        ];
        let mut memo = Memo::default();
        for (destination, subtype) in sequence {
            let request = SendChatIntegrationEventRequest {
                source_id: Some("+15551234567".into()),
                destination_id: Some(destination.into()),
                subtype: subtype.map(Into::into),
                event: Some(crate::model::ChatEvent {
                    r#type: Some("MESSAGE".into()),
                    content_type: Some("text/plain".into()),
                    content: Some("hi".into()),
                }),
                new_session_details: None,
            };
            assert_eq!(validate_with(&request, &mut memo), validate(&request), "{destination} {subtype:?}");
        }
    }
}
