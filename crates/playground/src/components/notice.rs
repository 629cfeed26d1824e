//! Messages at the top of the page: data that could not be read (with the raw data offered for
//! copying), work that was replaced (with the way back), and a share link waiting to be opened.

use yew::prelude::*;

use super::code::{CodeBlock, Lang};
use crate::state::{Action, Notice, Replaced};

/// The message, the raw data when there is some, and a dismiss button.
pub fn notice_banner(notice: &Notice, on_action: &Callback<Action>) -> Html {
    let on = on_action.clone();
    html! {
        <div class="notice" role="alert" id="notice">
            <p class="notice-message">{ notice.message.clone() }</p>
            if !notice.raw.is_empty() {
                <details>
                    <summary>{ "Show the raw data" }</summary>
                    <CodeBlock id="notice-raw" text={notice.raw.clone()} lang={Lang::Plain} label="raw data" />
                </details>
            }
            <button type="button" id="notice-dismiss" onclick={Callback::from(move |_| on.emit(Action::SetNotice(None)))}>{ "Dismiss" }</button>
        </div>
    }
}

/// A bar with a message and two buttons, each sending an action. (One view for both bars below:
/// every `html!` element written out costs code in the wasm.)
fn bar(
    id: &'static str,
    message: String,
    buttons: [(&'static str, &'static str, Action); 2],
    on: &Callback<Action>,
) -> Html {
    html! {
        <div class="notice bar" role="status" {id}>
            <p class="notice-message">{ message }</p>
            { for buttons.into_iter().map(|(id, label, action)| {
                let on = on.clone();
                html! { <button type="button" {id} onclick={Callback::from(move |_| on.emit(action.clone()))}>{ label }</button> }
            }) }
        </div>
    }
}

/// What the last preset, import, link, scenario or reset replaced, and the button that brings it
/// back (or, once restored, puts the replacement back).
pub fn replaced_bar(replaced: &Replaced, on: &Callback<Action>) -> Html {
    let restore = if replaced.restored { "Undo restore" } else { "Restore previous" };
    bar(
        "replaced",
        replaced.message(),
        [
            ("restore-previous", restore, Action::RestorePrevious),
            ("replaced-dismiss", "Dismiss", Action::DismissReplaced),
        ],
        on,
    )
}

/// A share link put into the address bar of this tab: opened only when asked.
pub fn offered_link_bar(payload: &crate::share::SharePayload, on: &Callback<Action>) -> Html {
    bar(
        "offered-link",
        "A share link was put in the address bar. Open it? It replaces your request (and the simulator's steps, when it holds some); Restore previous brings them back.".to_owned(),
        [("offered-open", "Open the link", Action::OpenShared(payload.clone())), ("offered-dismiss", "Keep my work", Action::OfferShared(None))],
        on,
    )
}
