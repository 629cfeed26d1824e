//! The NewSessionDetails.Attributes editor: rows of key and value, a byte counter.

use std::rc::Rc;

use chat_event_core::limits::Usage;
use chat_event_core::Diagnostic;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field::{control_id, field, FieldSpec};
use crate::state::{Action, AttributeRow};

#[derive(Properties, PartialEq)]
pub struct AttributesEditorProps {
    pub rows: Vec<AttributeRow>,
    pub usage: Option<Usage>,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub on_action: Callback<Action>,
}

/// The id of a row's key or value input.
pub fn row_id(part: &str, index: usize) -> String {
    format!("{}-{part}-{index}", control_id("NewSessionDetails.Attributes"))
}

/// Key/value rows with add and remove.
#[function_component]
pub fn AttributesEditor(props: &AttributesEditorProps) -> Html {
    let on = &props.on_action;
    let add = {
        let on = on.clone();
        Callback::from(move |_| on.emit(Action::AddAttribute))
    };
    // A suggestion here is a corrected key: it renames the row whose key the diagnostic names.
    let rename_key = {
        let (on, rows, diagnostics) = (on.clone(), props.rows.clone(), props.diagnostics.clone());
        Callback::from(move |suggestion: String| {
            let key = diagnostics
                .iter()
                .find(|d| d.suggestion.as_deref() == Some(suggestion.as_str()))
                .and_then(|d| d.path.split_once(" (key: ")?.1.strip_suffix(')').map(str::to_owned));
            if let Some(i) = key.and_then(|k| rows.iter().position(|r| r.key == k)) {
                on.emit(Action::SetAttributeKey(i, suggestion));
            }
        })
    };
    html! {
        { field(FieldSpec { path: "NewSessionDetails.Attributes", label: "Attributes", diagnostics: props.diagnostics.clone(), usage: props.usage.clone(), group: true, on_suggestion: Some(rename_key), ..FieldSpec::default() }, html! { <>
            <div class="attr-rows" role="group" aria-labelledby={format!("{}-label", control_id("NewSessionDetails.Attributes"))}>
                { for props.rows.iter().enumerate().map(|(i, row)| {
                    let key_on = on.clone();
                    let value_on = on.clone();
                    let remove_on = on.clone();
                    let flagged = props.diagnostics.iter().any(|d| !row.key.is_empty() && d.path.contains(&row.key));
                    html! {
                        <div class={classes!("attr-row", flagged.then_some("flagged"))} key={i}>
                            <input id={row_id("key", i)} type="text" spellcheck="false" placeholder="key"
                                aria-label={format!("Attributes key {}", i + 1)} value={row.key.clone()}
                                oninput={Callback::from(move |e: InputEvent| key_on.emit(Action::SetAttributeKey(i,
                                    e.target_unchecked_into::<HtmlInputElement>().value())))} />
                            <input id={row_id("value", i)} type="text" spellcheck="false" placeholder="value"
                                aria-label={format!("Attributes value {}", i + 1)} value={row.value.clone()}
                                oninput={Callback::from(move |e: InputEvent| value_on.emit(Action::SetAttributeValue(i,
                                    e.target_unchecked_into::<HtmlInputElement>().value())))} />
                            <button type="button" class="small-button" aria-label={format!("Remove attribute {}", i + 1)}
                                onclick={Callback::from(move |_| remove_on.emit(Action::RemoveAttribute(i)))}>{ "Remove" }</button>
                        </div>
                    }
                }) }
                <button type="button" id={control_id("NewSessionDetails.Attributes")} class="small-button" onclick={add}>{ "+ Add attribute" }</button>
            </div>
                </> }) }
    }
}
