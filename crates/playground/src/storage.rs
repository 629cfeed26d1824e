//! Saving the state in localStorage under a versioned key, and reading it back.
//!
//! A saved state that does not read gives a clean start and a notice that carries the raw text,
//! so the user can copy it out before it is overwritten.

use crate::state::{AppState, Notice};

/// The key of the current format. A new incompatible format gets a new key.
pub const KEY: &str = "chat-event-lab/playground/v1";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved state, a clean one with a notice when the saved text is damaged, or `None` when
/// nothing was saved.
pub fn load() -> Option<AppState> {
    let raw = local_storage()?.get_item(KEY).ok().flatten()?;
    Some(parse(&raw))
}

/// Reads saved text; damaged text gives the default state with a notice carrying the text.
pub fn parse(raw: &str) -> AppState {
    // Through a JSON value, the one deserializer the app's other readers use too: each extra one
    // would compile every type's deserializer again into the wasm.
    let read = serde_json::from_str::<serde_json::Value>(raw)
        .map_err(|e| e.to_string())
        .and_then(|v| {
            // serde would also read a struct from a list; a saved state is always an object.
            if v.is_object() {
                serde_json::from_value::<AppState>(v).map_err(|e| e.to_string())
            } else {
                Err("expected a JSON object".to_owned())
            }
        });
    match read {
        Ok(state) => state,
        Err(e) => AppState {
            notice: Some(Notice {
                message: format!("The saved playground state could not be read ({e}). You are starting clean; the saved text is below if you want to keep it."),
                raw: raw.to_owned(),
            }),
            ..AppState::default()
        },
    }
}

/// Writes the state. Failure (storage full or disabled) is not worth interrupting the user for.
pub fn save(state: &AppState) {
    if let (Some(storage), Ok(text)) = (local_storage(), serde_json::to_string(state)) {
        let _ = storage.set_item(KEY, &text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    #[test]
    fn saved_state_round_trips() {
        let state = AppState::default()
            .apply(Action::SetText(
                crate::state::TextField::SourceId,
                "+15550001".into(),
            ))
            .apply(Action::SimSend);
        let text = serde_json::to_string(&state).unwrap_or_default();
        assert_eq!(parse(&text), state);
    }

    #[test]
    fn damaged_text_gives_a_clean_state_and_keeps_the_text() {
        for raw in [
            "",
            "{",
            "[]",
            r#"{"request": {"SourceId": 5}}"#,
            r#"{"sim": {"steps": [{"bogus": 1}]}}"#,
        ] {
            let state = parse(raw);
            let notice = state
                .notice
                .clone()
                .unwrap_or_else(|| panic!("no notice for {raw:?}"));
            assert_eq!(notice.raw, raw);
            assert_eq!(
                AppState {
                    notice: None,
                    ..state
                },
                AppState::default()
            );
        }
    }
}
