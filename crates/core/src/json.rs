//! One way from JSON to a typed value: from JSON text, with serde_json's text deserializer.
//!
//! Why: every extra way compiles every type's deserializer again into the wasm (text and
//! `serde_json::Value` are two deserializers, and each type's generated code is monomorphized for
//! both). A value that is already a tree (YAML, a parsed command) goes back to text first, which
//! costs a few microseconds and saves tens of KB of wasm.

use serde::de::DeserializeOwned;
use serde_json::Value;

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
