//! The playground's saved state (localStorage) as it reads it back on load (`storage::parse`): any
//! text gives a state, a damaged one a clean state with a notice that keeps the text. A state that
//! reads is then replayed as the page does and used (the reducer's actions that look things up by
//! index, id or history), and must save and read back to itself.

use chat_event_playground::components::simulator::replay;
use chat_event_playground::state::{Action, AppState, TextField};
use chat_event_playground::storage;

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let state = storage::parse(text);
    if let Some(notice) = &state.notice {
        assert_eq!(notice.raw, text, "a damaged state keeps the saved text");
        return;
    }
    round_trips(&state);
    // What the page shows: the simulator replayed from the saved steps.
    let contact = replay(&state.sim).ok().and_then(|run| run.sim.contacts().first().map(|c| c.contact_id));
    let mut used = state;
    for action in [
        Action::SetAttributeKey(0, "k".into()),
        Action::SetAttributeValue(1, "v".into()),
        Action::RemoveAttribute(2),
        Action::SetText(TextField::Content, "hi".into()),
        Action::IncludeNewSessionDetails(false),
        Action::IncludeNewSessionDetails(true),
        Action::SimSend,
        Action::SimAdvance(25 * 3_600_000),
        Action::RestorePrevious,
        Action::RestorePrevious,
        Action::ClearIgnoredOnDisconnect,
        Action::DismissReplaced,
    ]
    .into_iter()
    .chain(contact.map(Action::SimEndChat))
    {
        used = used.apply(action);
    }
    round_trips(&used);
}

/// A state that fits the saved-state limit saves and reads back to itself.
pub fn round_trips(state: &AppState) {
    if let Ok(saved) = storage::saved_text(state) {
        assert_eq!(&storage::parse(&saved), state, "{saved}");
    }
}
