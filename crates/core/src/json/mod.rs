//! One way between JSON and typed values, each way round: typed values are read from JSON text
//! (serde_json's text deserializer) and written to a `serde_json::Value` (its value serializer).
//!
//! Why: serde's generated code is monomorphized for every deserializer and serializer a type
//! meets, so each extra way (text and `Value`; compact and pretty text) compiles every type's code
//! again into the wasm. A tree (YAML, a parsed command) goes back to text to be read; text is
//! written from the tree. Either costs a few microseconds and saves tens of KB of wasm.

pub mod read;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// A typed value as a JSON tree. Plain data with string keys cannot fail; a failure gives `null`.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// A typed value as compact JSON text, through [`to_value`].
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    to_value(value).to_string()
}

/// A typed value as pretty JSON text (2-space indent), through [`to_value`].
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(&to_value(value)).unwrap_or_default()
}

/// Reads a `T` from a JSON tree, through its compact text. The error is serde_json's message
/// without a location: a line and column would point into text the caller never saw.
pub fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
    serde_json::from_str(&value.to_string()).map_err(|e| message(&e))
}

/// serde_json's message without the " at line L column C" it appends to located errors.
pub fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&suffix) {
        Some(stripped) => stripped.to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SendChatIntegrationEventRequest;
    use serde_json::json;

    #[test]
    fn a_tree_reads_as_its_text_does() {
        let value = json!({"SourceId": "+15550100", "Event": {"Type": "MESSAGE"}});
        let request: SendChatIntegrationEventRequest = from_value(&value).unwrap();
        assert_eq!(request.source_id.as_deref(), Some("+15550100"));
        assert_eq!(request.event_type(), Some("MESSAGE"));
    }

    #[test]
    fn an_error_has_no_location_into_the_hidden_text() {
        let value = json!({"SourceId": 5});
        let e = from_value::<SendChatIntegrationEventRequest>(&value).unwrap_err();
        assert_eq!(e, "invalid type: integer `5`, expected a string");
        let unknown = from_value::<SendChatIntegrationEventRequest>(&json!({"Nope": 1})).unwrap_err();
        assert!(unknown.starts_with("unknown field `Nope`"), "{unknown}");
        assert!(!unknown.contains(" at line "), "{unknown}");
    }
}
