//! The size limits a person typing a request wants to see as counters: how much of each limit
//! the current value uses. The validator reports when a limit is crossed; these say how close one is.

use crate::channel::Channel;
use crate::shape::{self, Shape};
use crate::validate::channel_rules::WHATSAPP_TEXT_MAX_CHARS;
pub use crate::validate::docs_rules::ATTRIBUTES_MAX_BYTES;
use crate::{Attributes, SendChatIntegrationEventRequest};

/// `16384` → `16,384`: how the validator's messages, the counters and the benchmarks write a count.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Length as the service model counts it: Unicode scalar values, so an emoji counts one.
pub fn model_length(text: &str) -> usize {
    text.chars().count()
}

/// The bytes one Attributes entry takes against [`ATTRIBUTES_MAX_BYTES`]: its key and value in
/// UTF-8. Validation and the form's counter both count with it.
pub fn attribute_bytes(key: &str, value: &str) -> usize {
    key.len() + value.len()
}

/// The bytes the Attributes take against [`ATTRIBUTES_MAX_BYTES`]: every entry's [`attribute_bytes`].
pub fn attributes_bytes(attributes: &Attributes) -> usize {
    attributes.iter().map(|(k, v)| attribute_bytes(k, v)).sum()
}

/// One counter: `used` of `max`, in `unit`, and what imposes the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage {
    pub used: usize,
    pub max: usize,
    /// "characters" or "bytes".
    pub unit: &'static str,
    /// What sets the limit, e.g. "service model".
    pub why: &'static str,
}

impl Usage {
    pub fn exceeded(&self) -> bool {
        self.used > self.max
    }
}

/// The model's maximum length of the string member at `path` (such as `Event.Content`).
pub fn max_length(path: &str) -> Option<usize> {
    match shape::member_shape(path)? {
        Shape::String { max, .. } if *max != usize::MAX => Some(*max),
        _ => None,
    }
}

/// The counters for the string member at `path` holding `text`.
pub fn string_usage(path: &str, text: &str) -> Option<Usage> {
    Some(Usage { used: model_length(text), max: max_length(path)?, unit: "characters", why: "service model" })
}

/// The tightest length limit on the request's `Event.Content`: WhatsApp's 1,024 characters on
/// that channel, otherwise the model's maximum.
pub fn content_usage(request: &SendChatIntegrationEventRequest) -> Option<Usage> {
    let content = request.event.as_ref()?.content.as_deref()?;
    let mut usage = string_usage("Event.Content", content)?;
    if Channel::from_subtype(request.subtype.as_deref()) == Channel::WhatsApp {
        usage.max = usage.max.min(WHATSAPP_TEXT_MAX_CHARS);
        usage.why = "WhatsApp channel";
    }
    Some(usage)
}

/// The counter of the request's Attributes, if it has any.
pub fn attributes_usage(request: &SendChatIntegrationEventRequest) -> Option<Usage> {
    let attributes = request.new_session_details.as_ref()?.attributes.as_ref()?;
    Some(Usage {
        used: attributes_bytes(attributes),
        max: ATTRIBUTES_MAX_BYTES,
        unit: "bytes",
        why: "AWS docs: all keys and values together",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_scalar_values_and_bytes() {
        assert_eq!(model_length("a😀é"), 3);
        let attrs: Attributes = [("k😀".to_owned(), "é".to_owned())].into_iter().collect();
        assert_eq!(attributes_bytes(&attrs), 1 + 4 + 2);
    }

    #[test]
    fn usage_knows_the_model_limits() {
        let u = string_usage("Event.Content", &"x".repeat(16_384)).unwrap_or_else(|| panic!("no limit"));
        assert_eq!((u.used, u.max, u.exceeded()), (16_384, 16_384, false));
        let u = string_usage("SourceId", &"x".repeat(256)).unwrap_or_else(|| panic!("no limit"));
        assert!(u.exceeded());
        assert_eq!(string_usage("Event.Type", "MESSAGE"), None);
    }

    #[test]
    fn whatsapp_content_counts_against_1024() {
        let mut r =
            SendChatIntegrationEventRequest::from_json(r#"{"Subtype":"connect:WhatsApp","Event":{"Content":"hi"}}"#)
                .unwrap_or_default();
        assert_eq!(content_usage(&r).map(|u| (u.used, u.max)), Some((2, 1_024)));
        r.subtype = Some("connect:sms".into());
        assert_eq!(content_usage(&r).map(|u| (u.used, u.max)), Some((2, 16_384)));
    }

    #[test]
    fn counts_are_grouped_by_three_digits() {
        let cases =
            [(0, "0"), (12, "12"), (999, "999"), (1_000, "1,000"), (16_384, "16,384"), (1_234_567, "1,234,567")];
        for (n, written) in cases {
            assert_eq!(thousands(n), written, "{n}");
        }
    }
}
