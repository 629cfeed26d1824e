//! The request form: one control per member of `SendChatIntegrationEventRequest`.

use std::rc::Rc;

use chat_event_core::content_type::{self, SUPPORTED_MESSAGING_CONTENT_TYPES};
use chat_event_core::{form, limits, receipt, shape, Diagnostic, SendChatIntegrationEventRequest};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::attributes::AttributesEditor;
use super::field::{control_id, diagnostics_at, field, FieldSpec};
use crate::state::{Action, AttributeRow, TextField};

#[derive(Properties, PartialEq)]
pub struct RequestFormProps {
    pub request: Rc<SendChatIntegrationEventRequest>,
    /// The Attributes editor's rows.
    pub attributes: Vec<AttributeRow>,
    pub custom_subtype: bool,
    pub custom_content_type: bool,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub on_action: Callback<Action>,
}

/// The sentinel option value of a picker's free-text choice.
const CUSTOM: &str = "\u{1}custom";

fn text_input(on_action: &Callback<Action>, field: TextField) -> Callback<InputEvent> {
    let on_action = on_action.clone();
    Callback::from(move |e: InputEvent| {
        let value = e.target_unchecked_into::<HtmlInputElement>().value();
        on_action.emit(Action::SetText(field, value));
    })
}

fn suggestion(on_action: &Callback<Action>, field: TextField) -> Option<Callback<String>> {
    let on_action = on_action.clone();
    Some(Callback::from(move |s: String| on_action.emit(Action::SetText(field, s))))
}

fn described_by(path: &str) -> String {
    let id = control_id(path);
    format!("{id}-help {id}-diags")
}

/// The whole form, in the model's member order.
#[function_component]
pub fn RequestForm(props: &RequestFormProps) -> Html {
    let r = &*props.request;
    let diags = |path: &str| Rc::new(diagnostics_at(&props.diagnostics, path));
    let on = &props.on_action;
    let text = |field: TextField, value: Option<&String>, placeholder: &'static str| {
        text_control(field, value, placeholder, &props.diagnostics, on)
    };
    let event = r.event.clone().unwrap_or_default();
    let nsd = r.new_session_details.as_ref();

    html! {
        <form class="request-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} aria-label="Request">
            <fieldset class="group">
                <legend>{ "Chat identity" }</legend>
                <p class="group-note">{ "SourceId, DestinationId and Subtype together name one chat." }</p>
                { field(FieldSpec { path: "SourceId", label: "SourceId", required: true, diagnostics: diags("SourceId"), usage: r.source_id.as_deref().and_then(|s| limits::string_usage("SourceId", s)), on_suggestion: suggestion(on, TextField::SourceId), ..FieldSpec::default() }, html! { <>
                    { text(TextField::SourceId, r.source_id.as_ref(), "+14155550123") }
                                </> }) }
                { field(FieldSpec { path: "DestinationId", label: "DestinationId", required: true, diagnostics: diags("DestinationId"), usage: r.destination_id.as_deref().and_then(|s| limits::string_usage("DestinationId", s)), on_suggestion: suggestion(on, TextField::DestinationId), ..FieldSpec::default() }, html! { <>
                    { text(TextField::DestinationId, r.destination_id.as_ref(), "arn:aws:sms-voice:REGION:ACCOUNT:phone-number/ID") }
                                </> }) }
                { field(FieldSpec { path: "Subtype", label: "Subtype", diagnostics: diags("Subtype"), on_suggestion: suggestion(on, TextField::Subtype), ..FieldSpec::default() }, html! { <>
                    { picker("Subtype", &form::SUBTYPE_CHOICES, &form::SUBTYPE_CHOICES, r.subtype.as_deref(), props.custom_subtype, TextField::Subtype, Action::SetCustomSubtype, on) }
                                </> }) }
            </fieldset>

            <fieldset class="group">
                <legend>{ "Event" }</legend>
                { field(FieldSpec { path: "Event.Type", label: "Event.Type", required: true, diagnostics: diags("Event.Type"), on_suggestion: suggestion(on, TextField::EventType), ..FieldSpec::default() }, html! { <>
                    { event_type_picker(event.r#type.as_deref().unwrap_or_default(), on) }
                    if event.r#type.as_deref() == Some("DISCONNECT") && (event.content_type.is_some() || event.content.is_some() || r.new_session_details.is_some()) {
                        <button type="button" id="clear-ignored" class="small-button" onclick={{
                            let on = on.clone();
                            Callback::from(move |_| on.emit(Action::ClearIgnoredOnDisconnect))
                        }}>{ "Remove what DISCONNECT ignores (ContentType, Content, NewSessionDetails)" }</button>
                    }
                                </> }) }
                { field(FieldSpec { path: "Event.ContentType", label: "Event.ContentType", diagnostics: diags("Event.ContentType"), on_suggestion: suggestion(on, TextField::ContentType), ..FieldSpec::default() }, html! { <>
                    { picker("Event.ContentType", &form::content_type_choices(event.r#type.as_deref()), &form::content_type_choices(None), event.content_type.as_deref(), props.custom_content_type, TextField::ContentType, Action::SetCustomContentType, on) }
                                </> }) }
                { field(FieldSpec { path: "Event.Content", label: "Event.Content", diagnostics: diags("Event.Content"), usage: limits::content_usage(r), ..FieldSpec::default() }, html! { <>
                    <textarea id={control_id("Event.Content")} rows="3" spellcheck="false"
                        aria-describedby={described_by("Event.Content")}
                        value={event.content.clone().unwrap_or_default()}
                        oninput={{
                            let on = on.clone();
                            Callback::from(move |e: InputEvent| on.emit(Action::SetText(TextField::Content,
                                e.target_unchecked_into::<HtmlTextAreaElement>().value())))
                        }} />
                    { receipt_builder(event.content_type.as_deref(), event.content.as_deref(), on) }
                                </> }) }
            </fieldset>

            <fieldset class="group">
                <legend>
                    <label class="toggle">
                        <input id="include-nsd" type="checkbox" checked={nsd.is_some()}
                            onchange={{
                                let on = on.clone();
                                Callback::from(move |e: Event| on.emit(Action::IncludeNewSessionDetails(
                                    e.target_unchecked_into::<HtmlInputElement>().checked())))
                            }} />
                        { "NewSessionDetails" }
                    </label>
                </legend>
                <p class="group-note">{ "Used only when this event creates a new chat; ignored for an existing one." }</p>
                if let Some(nsd) = nsd {
                    { supported_types(nsd.supported_messaging_content_types.as_deref().unwrap_or_default(), diags("NewSessionDetails.SupportedMessagingContentTypes"), on) }
                    { field(FieldSpec { path: "NewSessionDetails.ParticipantDetails.DisplayName", label: "ParticipantDetails.DisplayName", diagnostics: diags("NewSessionDetails.ParticipantDetails.DisplayName"), usage: nsd.participant_details.as_ref().and_then(|p| p.display_name.as_deref())
                            .and_then(|s| limits::string_usage("NewSessionDetails.ParticipantDetails.DisplayName", s)), ..FieldSpec::default() }, html! { <>
                        { text(TextField::DisplayName, nsd.participant_details.as_ref().and_then(|p| p.display_name.as_ref()), "Customer") }
                                        </> }) }
                    <AttributesEditor rows={props.attributes.clone()}
                        usage={limits::attributes_usage(r)}
                        diagnostics={diags("NewSessionDetails.Attributes")} on_action={on.clone()} />
                    { field(FieldSpec { path: "NewSessionDetails.StreamingConfiguration.StreamingEndpointArn", label: "StreamingConfiguration.StreamingEndpointArn", diagnostics: diags("NewSessionDetails.StreamingConfiguration.StreamingEndpointArn"), usage: nsd.streaming_configuration.as_ref().and_then(|s| s.streaming_endpoint_arn.as_deref())
                            .and_then(|s| limits::string_usage("NewSessionDetails.StreamingConfiguration.StreamingEndpointArn", s)), ..FieldSpec::default() }, html! { <>
                        { text(TextField::StreamingEndpointArn, nsd.streaming_configuration.as_ref().and_then(|s| s.streaming_endpoint_arn.as_ref()), "arn:aws:sns:REGION:ACCOUNT:TOPIC") }
                                        </> }) }
                }
            </fieldset>
        </form>
    }
}

/// The text box of a member.
fn text_control(
    field: TextField,
    value: Option<&String>,
    placeholder: &'static str,
    diagnostics: &[Diagnostic],
    on: &Callback<Action>,
) -> Html {
    let path = field.path();
    html! {
        <input id={control_id(path)} type="text" spellcheck="false" autocomplete="off"
            value={value.cloned().unwrap_or_default()} placeholder={placeholder}
            aria-describedby={described_by(path)}
            aria-invalid={(!diagnostics_at(diagnostics, path).is_empty()).to_string()}
            oninput={text_input(on, field)} />
    }
}

/// For read and delivered receipts: an input for the message id that writes the receipt's Content.
fn receipt_builder(content_type: Option<&str>, content: Option<&str>, on: &Callback<Action>) -> Html {
    if !content_type.is_some_and(content_type::is_receipt) {
        return Html::default();
    }
    let current = content.and_then(receipt::message_id).unwrap_or_default();
    let on = on.clone();
    html! {
        <div class="receipt-builder">
            <label for="receipt-message-id">{ "messageId (receipt builder)" }</label>
            <input id="receipt-message-id" type="text" spellcheck="false" value={current}
                placeholder="the id of the message being acknowledged"
                oninput={Callback::from(move |e: InputEvent| {
                    let id = e.target_unchecked_into::<HtmlInputElement>().value();
                    on.emit(Action::SetText(TextField::Content, receipt::content(&id)));
                })} />
        </div>
    }
}

fn select_change(f: impl Fn(String) + 'static) -> Callback<Event> {
    Callback::from(move |e: Event| f(e.target_unchecked_into::<HtmlSelectElement>().value()))
}

/// A select of the values that fit (`choices`), "(none)" and "custom…", with a text box for a
/// custom value. A value that is known (`known`) but does not fit, such as `text/plain` on an
/// EVENT, is shown as itself and marked, not as a custom value.
#[allow(clippy::too_many_arguments)]
fn picker(
    path: &str,
    choices: &[&str],
    known: &[&str],
    value: Option<&str>,
    custom: bool,
    field: TextField,
    on_custom: fn(bool) -> Action,
    on: &Callback<Action>,
) -> Html {
    let fits = value.is_none_or(|v| choices.contains(&v));
    let misfit = value.filter(|v| !fits && known.contains(v));
    let show_custom = custom || (!fits && misfit.is_none());
    let selected = if show_custom { CUSTOM } else { value.unwrap_or("") };
    let id = control_id(path);
    let onchange = {
        let on = on.clone();
        select_change(move |v| {
            if v == CUSTOM {
                on.emit(on_custom(true));
            } else {
                on.emit(on_custom(false));
                on.emit(Action::SetText(field, v));
            }
        })
    };
    html! {
        <div class="picker">
            <select id={if show_custom { format!("{id}-choice") } else { id.clone() }} onchange={onchange}
                aria-describedby={described_by(path)} aria-label={(show_custom).then(|| format!("{} choice", path))}>
                <option value="" selected={selected.is_empty()}>{ "(none)" }</option>
                { for choices.iter().map(|c| html! { <option value={c.to_string()} selected={selected == *c}>{ *c }</option> }) }
                if let Some(v) = misfit {
                    <option value={v.to_owned()} selected={!show_custom}>{ format!("{v} (does not fit)") }</option>
                }
                <option value={CUSTOM} selected={show_custom}>{ "custom…" }</option>
            </select>
            if show_custom {
                <input id={id} type="text" spellcheck="false" value={value.unwrap_or_default().to_owned()}
                    aria-describedby={described_by(path)} placeholder="custom value"
                    oninput={text_input(on, field)} />
            }
        </div>
    }
}

/// Event.Type: the model's enum. A value outside it (from an import) is kept and shown as such.
fn event_type_picker(value: &str, on: &Callback<Action>) -> Html {
    let value = value.to_owned();
    let known = value.is_empty() || shape::EVENT_TYPES.contains(&value.as_str());
    let on = on.clone();
    html! {
        <select id={control_id("Event.Type")} aria-describedby={described_by("Event.Type")}
            onchange={select_change(move |v| on.emit(Action::SetText(TextField::EventType, v)))}>
            <option value="" selected={value.is_empty()}>{ "(none)" }</option>
            { for shape::EVENT_TYPES.iter().map(|t| html! { <option value={t.to_string()} selected={value == *t}>{ *t }</option> }) }
            if !known {
                <option value={value.clone()} selected=true>{ format!("{value} (not a valid value)") }</option>
            }
        </select>
    }
}

/// SupportedMessagingContentTypes as checkboxes: the supported values, then any other value given.
fn supported_types(values: &[String], diagnostics: Rc<Vec<Diagnostic>>, on_action: &Callback<Action>) -> Html {
    let mut all: Vec<String> = SUPPORTED_MESSAGING_CONTENT_TYPES.iter().map(|s| s.to_string()).collect();
    all.extend(values.iter().filter(|v| !SUPPORTED_MESSAGING_CONTENT_TYPES.contains(&v.as_str())).cloned());
    let path = "NewSessionDetails.SupportedMessagingContentTypes";
    let base = control_id(path);
    html! {
        { field(FieldSpec { path, label: "SupportedMessagingContentTypes", diagnostics, group: true, ..FieldSpec::default() }, html! { <>
            <div class="checks" role="group" aria-labelledby={format!("{base}-label")} aria-describedby={described_by(path)}>
                { for all.iter().enumerate().map(|(i, v)| {
                    let id = if i == 0 { base.clone() } else { format!("{base}-{i}") };
                    let checked = values.contains(v);
                    let on = on_action.clone();
                    let value = v.clone();
                    html! {
                        <label class="check" for={id.clone()}>
                            <input type="checkbox" id={id} checked={checked}
                                onchange={Callback::from(move |e: Event| on.emit(Action::SetSupportedType(value.clone(),
                                    e.target_unchecked_into::<HtmlInputElement>().checked())))} />
                            <code>{ v.clone() }</code>
                        </label>
                    }
                }) }
            </div>
                </> }) }
    }
}
