//! The live outputs: the request as JSON, the AWS CLI command, shorthand, `--cli-input-json` and
//! `--cli-input-yaml`, each with a copy button.

use std::rc::Rc;

use chat_event_core::SendChatIntegrationEventRequest;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::code::{CodeBlock, Lang};
use crate::state::{Action, OutputTab, UiChoices};

#[derive(Properties, PartialEq)]
pub struct OutputsProps {
    pub request: Rc<SendChatIntegrationEventRequest>,
    pub ui: UiChoices,
    pub on_action: Callback<Action>,
}

/// The tabs offered, in order, with their labels.
pub const TABS: &[(OutputTab, &str)] = &[(OutputTab::Json, "JSON body")];

fn tab_id(tab: OutputTab) -> &'static str {
    match tab {
        OutputTab::Cli => "tab-cli",
        OutputTab::Json => "tab-json",
        OutputTab::Shorthand => "tab-shorthand",
        OutputTab::CliInputJson => "tab-cli-input-json",
        OutputTab::CliInputYaml => "tab-cli-input-yaml",
        OutputTab::Sdk => "tab-sdk",
    }
}

/// The tab strip and the chosen output.
#[function_component]
pub fn Outputs(props: &OutputsProps) -> Html {
    let current = if TABS.iter().any(|(t, _)| *t == props.ui.output_tab) { props.ui.output_tab } else { TABS[0].0 };
    let onkeydown = {
        let on = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let pos = TABS.iter().position(|(t, _)| *t == current).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowRight" => (pos + 1) % TABS.len(),
                "ArrowLeft" => (pos + TABS.len() - 1) % TABS.len(),
                "Home" => 0,
                "End" => TABS.len() - 1,
                _ => return,
            };
            e.prevent_default();
            let tab = TABS[next].0;
            on.emit(Action::SetOutputTab(tab));
            crate::dom::focus(tab_id(tab));
        })
    };
    html! {
        <section class="panel outputs" aria-label="Outputs">
            <div class="tabs" role="tablist" aria-label="Output format" {onkeydown}>
                { for TABS.iter().map(|(tab, label)| {
                    let on = props.on_action.clone();
                    let tab = *tab;
                    let selected = tab == current;
                    html! {
                        <button type="button" role="tab" id={tab_id(tab)} aria-selected={selected.to_string()}
                            aria-controls="output-panel" tabindex={if selected { "0" } else { "-1" }}
                            onclick={Callback::from(move |_| on.emit(Action::SetOutputTab(tab)))}>{ *label }</button>
                    }
                }) }
            </div>
            <div id="output-panel" role="tabpanel" aria-labelledby={tab_id(current)}>
                { output_body(current, props) }
            </div>
        </section>
    }
}

fn output_body(tab: OutputTab, props: &OutputsProps) -> Html {
    match tab {
        _ => html! {
            <CodeBlock id="out-json" text={props.request.to_json_pretty()} lang={Lang::Json} label="JSON request body" />
        },
    }
}
