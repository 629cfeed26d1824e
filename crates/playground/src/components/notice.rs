//! A message about data that could not be read, with the raw data offered for copying.

use yew::prelude::*;

use super::code::{CodeBlock, Lang};
use crate::state::{Action, Notice};

/// The message, the raw data and a dismiss button.
pub fn notice_banner(notice: &Notice, on_action: &Callback<Action>) -> Html {
    let on = on_action.clone();
    html! {
        <div class="notice" role="alert" id="notice">
            <p class="notice-message">{ notice.message.clone() }</p>
            <details>
                <summary>{ "Show the raw data" }</summary>
                <CodeBlock id="notice-raw" text={notice.raw.clone()} lang={Lang::Plain} label="raw data" />
            </details>
            <button type="button" id="notice-dismiss" onclick={Callback::from(move |_| on.emit(Action::SetNotice(None)))}>{ "Dismiss" }</button>
        </div>
    }
}
