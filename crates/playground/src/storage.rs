//! Saving the state in localStorage under a versioned key, and reading it back.
//!
//! A saved state that does not read gives a clean start and a notice that carries the raw text,
//! so the user can copy it out before it is overwritten.

use chat_event_core::json::read::read;

use crate::state::{too_many_steps, AppState, Notice, MAX_IMPORT_BYTES};

/// The key of the current format. A new incompatible format gets a new key.
pub const KEY: &str = "chat-event-lab/playground/v1";

/// The most the saved state may take, in bytes of JSON. A request at every maximum length takes
/// a few dozen KB; past this, reading the state back would slow every later visit, so it is not
/// saved (and a saved state this large, from an earlier version, is not read).
pub const MAX_SAVED_BYTES: usize = 2 << 20;

fn too_large(bytes: usize) -> String {
    use chat_event_core::limits::thousands;
    format!("{} bytes, more than the {} the playground keeps", thousands(bytes), thousands(MAX_SAVED_BYTES))
}

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
    // Parsed once, then read with core's readers (`chat_event_core::json::read`); a syntax
    // error keeps its line and column (as serde_json gives them), a wrong member is named by its path.
    let read = if raw.len() > MAX_SAVED_BYTES {
        Err(too_large(raw.len()))
    } else {
        chat_event_core::json::parse(raw)
            .map_err(|e| e.to_string())
            .and_then(|v| read::<AppState>(&v).map_err(|e| e.to_string()))
            .and_then(|state| match too_many_steps(state.sim.steps.len()) {
                Some(why) => Err(why),
                None => Ok(state),
            })
    };
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

/// Writes the state; a state past [`MAX_SAVED_BYTES`] is not written, and the error says so.
/// The way back to replaced work, and an import box too large to be read, are left out when the
/// state does not fit (they then last until the page is left). Storage that is full or disabled is not worth
/// interrupting the user for.
pub fn save(state: &AppState) -> Result<(), String> {
    let text = saved_text(state)?;
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(KEY, &text);
    }
    Ok(())
}

/// The text [`save`] writes, or why there is none.
pub fn saved_text(state: &AppState) -> Result<String, String> {
    let mut text = chat_event_core::json::to_string(state);
    let unread_import = state.import_text.len() > MAX_IMPORT_BYTES;
    if text.len() > MAX_SAVED_BYTES && (state.replaced.is_some() || unread_import) {
        let import_text = if unread_import { String::new() } else { state.import_text.clone() };
        text = chat_event_core::json::to_string(&AppState { replaced: None, import_text, ..state.clone() });
    }
    if text.len() > MAX_SAVED_BYTES {
        return Err(format!(
            "Your work is no longer saved in this browser: it takes {}. What is on screen stays until you leave; export the simulator's steps as a scenario to keep them, then reset it or remove some steps.",
            too_large(text.len())
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Action;

    /// Past the limit, what cannot be read anyway (an oversized import box) and the way back go
    /// first; the work itself is saved whole or not at all, with a message.
    #[test]
    fn an_oversized_state_drops_what_it_can_then_says_so() {
        let big_box = AppState::default().apply(Action::SetImportText("x".repeat(3 << 20)));
        let text = saved_text(&big_box).unwrap();
        assert_eq!(parse(&text), AppState::default());
        let fits = AppState::default().apply(Action::SetImportText("y".repeat(MAX_IMPORT_BYTES)));
        assert_eq!(parse(&saved_text(&fits).unwrap()).import_text.len(), MAX_IMPORT_BYTES);
        let mut too_many = AppState::default();
        too_many.request.source_id = Some("z".repeat(MAX_SAVED_BYTES));
        assert!(saved_text(&too_many).is_err_and(|e| e.contains("no longer saved")));
    }

    #[test]
    fn saved_state_round_trips() {
        let state = AppState::default()
            .apply(Action::SetText(crate::state::TextField::SourceId, "+15550001".into()))
            .apply(Action::SimSend);
        let text = chat_event_core::json::to_string(&state);
        assert_eq!(parse(&text), state);
    }

    /// Every member away from its default, written as the previous version wrote it (the
    /// `Serialize` side is unchanged), reads back equal.
    #[test]
    fn a_state_with_every_member_set_round_trips() {
        use crate::state::{OutputTab, Shell, StructureStyle, Theme};
        let mut state = AppState::default()
            .with_request(
                chat_event_core::presets::find("whatsapp-attributes").map(|p| p.request()).unwrap_or_default(),
            )
            .apply(Action::SimSend)
            .apply(Action::SimAdvance(60_000))
            .apply(Action::SetOutputTab(OutputTab::CliInputYaml))
            .apply(Action::SetShell(Shell::PowerShell7))
            .apply(Action::SetStructureStyle(StructureStyle::Json))
            .apply(Action::SetTheme(Theme::Dark))
            .apply(Action::SetCustomSubtype(true))
            .apply(Action::SetImportText("aws connect".into()))
            .apply(Action::SimSelect(Some("c-1".into())))
            .apply(Action::SimScenarioText("{".into()))
            .apply(Action::IncludeNewSessionDetails(false));
        state.sim.settings.seed = 7;
        assert!(state.parked_new_session_details.is_some());
        let text = chat_event_core::json::to_string(&state);
        assert_eq!(parse(&text), state);
    }

    /// A state from an earlier version lacks members (they take their defaults); one from a later
    /// version may have members this one does not know (they are ignored).
    #[test]
    fn missing_members_default_and_unknown_ones_are_ignored() {
        let state = parse(r#"{"import_text": "x", "ui": {"theme": "Light", "zoom": 2}, "later": 1}"#);
        assert_eq!(state.notice, None);
        assert_eq!(state.import_text, "x");
        assert_eq!(state.ui.theme, crate::state::Theme::Light);
        assert_eq!(state.ui.output_tab, crate::state::OutputTab::Cli);
        assert_eq!(state.request, Default::default());
    }

    #[test]
    fn damaged_text_gives_a_clean_state_and_keeps_the_text() {
        for raw in [
            "",
            "{",
            "[]",
            r#"{"request": {"SourceId": 5}}"#,
            r#"{"sim": {"steps": [{"bogus": 1}]}}"#,
            r#"{"ui": {"theme": "Purple"}}"#,
            r#"{"attributes": [{"key": "a"}]}"#,
            r#"{"sim": {"settings": {"seed": -1}}}"#,
            format!(
                r#"{{"sim": {{"steps": [{}]}}}}"#,
                vec![r#"{"advance": "1s"}"#; crate::state::MAX_STEPS + 1].join(",")
            )
            .as_str(),
            format!(r#"{{"import_text": "{}"}}"#, "x".repeat(MAX_SAVED_BYTES)).as_str(),
        ] {
            let state = parse(raw);
            let notice = state.notice.clone().unwrap_or_else(|| panic!("no notice for {raw:?}"));
            assert_eq!(notice.raw, raw);
            assert_eq!(AppState { notice: None, ..state }, AppState::default());
        }
    }
}
