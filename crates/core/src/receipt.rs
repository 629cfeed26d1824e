//! Read and delivered receipts (`...event.message.read`, `...event.message.delivered`): their
//! `Content` is a small JSON object naming the message, `{"messageId":"..."}`.

/// The receipt `Content` for a message id, as compact JSON (the id is escaped as JSON requires).
///
/// ```
/// assert_eq!(chat_event_core::receipt::content("m-1"), r#"{"messageId":"m-1"}"#);
/// ```
pub fn content(message_id: &str) -> String {
    let mut map = serde_json::Map::new();
    map.insert("messageId".to_owned(), serde_json::Value::String(message_id.to_owned()));
    crate::json::write::text(&serde_json::Value::Object(map))
}

/// The message id inside a receipt's `Content`, when it has the expected shape.
pub fn message_id(content: &str) -> Option<String> {
    match crate::json::parse(content).ok()? {
        serde_json::Value::Object(map) => map.get("messageId")?.as_str().map(str::to_owned),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_round_trips_ids_that_need_escaping() {
        for id in ["m-1", "with \"quotes\"", "back\\slash", "ünï😀", ""] {
            assert_eq!(message_id(&content(id)).as_deref(), Some(id));
        }
    }

    #[test]
    fn other_shapes_have_no_message_id() {
        for text in ["", "hello", "[]", r#"{"id":"x"}"#, r#"{"messageId":5}"#] {
            assert_eq!(message_id(text), None, "{text}");
        }
    }
}
