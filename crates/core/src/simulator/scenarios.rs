//! The example scenarios shipped with the library (files in `crates/core/scenarios/`), embedded so
//! that the playground and the npm package can offer them.

use crate::json::ToJson;
use serde::Serialize;

/// One example scenario: a file name without extension, its title, and its JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Example {
    pub name: &'static str,
    pub title: &'static str,
    pub text: &'static str,
}

macro_rules! example {
    ($name:literal, $title:literal) => {
        Example { name: $name, title: $title, text: include_str!(concat!("../../scenarios/", $name, ".json")) }
    };
}

/// Every example, in the order a newcomer should read them.
pub const EXAMPLES: &[Example] = &[
    example!("first-sms-creates-chat", "The first SMS creates a chat"),
    example!("next-sms-reuses-chat", "The next SMS reuses the chat"),
    example!("disconnect-then-message", "A disconnect, then a message, creates a new contact"),
    example!("expiry-after-25h", "A chat expires after 25 hours"),
    example!("whatsapp-with-attributes", "WhatsApp with attributes"),
    example!("throttling-burst", "A throttling burst"),
];

/// The example with this name.
pub fn example(name: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.name == name)
}
