//! A message about data that could not be read, with the raw data offered for copying.

use yew::prelude::*;

use super::code::{CodeBlock, Lang};
use crate::state::{Action, Notice};

#[derive(Properties, PartialEq)]
pub struct NoticeBannerProps {
    pub notice: Notice,
    pub on_action: Callback<Action>,
}

/// The message, the raw data and a dismiss button.
#[function_component]
pub fn NoticeBanner(props: &NoticeBannerProps) -> Html {
    let on = props.on_action.clone();
    html! {
        <div class="notice" role="alert" id="notice">
            <p class="notice-message">{ props.notice.message.clone() }</p>
            <details>
                <summary>{ "Show the raw data" }</summary>
                <CodeBlock id="notice-raw" text={props.notice.raw.clone()} lang={Lang::Plain} label="raw data" />
            </details>
            <button type="button" id="notice-dismiss" onclick={Callback::from(move |_| on.emit(Action::SetNotice(None)))}>{ "Dismiss" }</button>
        </div>
    }
}
