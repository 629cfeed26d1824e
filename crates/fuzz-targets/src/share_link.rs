//! Share links as the playground reads them: any fragment (`data_of`), and any inflated text as a
//! link's content (`payload_of`; base64url and inflating are the browser's). A link that reads is
//! opened over work in progress: the work must come back with "Restore previous", what the
//! playground would share from there must read back, and the state must save and read back.

use crate::saved_state;
use chat_event_core::json;
use chat_event_playground::share::{self, SharePayload};
use chat_event_playground::state::{Action, AppState, TextField};

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = share::data_of(text);
    let Ok(payload) = share::payload_of(text) else { return };
    let work = AppState::default()
        .apply(Action::SetText(TextField::SourceId, "+15550100".into()))
        .apply(Action::AddAttribute)
        .apply(Action::SimSend);
    let opened = work.clone().apply(Action::OpenShared(payload));
    let back = opened.clone().apply(Action::RestorePrevious);
    assert_eq!((&back.request, &back.attributes, &back.sim), (&work.request, &work.attributes, &work.sim), "restored");

    let shared = SharePayload::of(&opened);
    assert_eq!(share::payload_of(&json::to_string(&shared)), Ok(shared), "the link it would share reads back");
    saved_state::round_trips(&opened);
}
