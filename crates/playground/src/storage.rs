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
    match serde_json::from_str::<serde_json::Value>(raw).and_then(serde_json::from_value::<AppState>) {
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
