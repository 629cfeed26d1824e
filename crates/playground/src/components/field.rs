//! A labelled form field: the AWS member name as label, core's help, the control, a counter and
//! the diagnostics that belong to this member, inline.

use std::rc::Rc;

use chat_event_core::cli::shell::Shell;
use chat_event_core::form;
use chat_event_core::limits::{thousands, Usage};
use chat_event_core::{Diagnostic, Severity};
use yew::prelude::*;

/// The id of the control that edits the member at `path`.
pub fn control_id(path: &str) -> String {
    let mut id = String::from("f-");
    id.extend(path.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }));
    id
}

/// The diagnostics that belong to the field at `path` (core's [`form::field_of`]).
pub fn diagnostics_at(diagnostics: &[Diagnostic], path: &str) -> Vec<Diagnostic> {
    diagnostics.iter().filter(|d| form::field_of(&d.path) == path).cloned().collect()
}

/// The CSS class for a field with these diagnostics.
fn severity_class(diagnostics: &[Diagnostic]) -> &'static str {
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        "has-error"
    } else if diagnostics.is_empty() {
        ""
    } else {
        "has-warning"
    }
}

/// What a field shows around its control. (Fields, help and diagnostic lines are plain functions
/// rather than components: they hold no state, and every component type adds code to the wasm.)
#[derive(Default)]
pub struct FieldSpec {
    /// The member path, such as `Event.Content`.
    pub path: &'static str,
    /// The label: the AWS member name.
    pub label: &'static str,
    /// This field's diagnostics (already filtered with [`diagnostics_at`]).
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub required: bool,
    pub usage: Option<Usage>,
    /// Applies a diagnostic's suggestion to the field, when the field can take it.
    pub on_suggestion: Option<Callback<String>>,
    /// A group of controls (checkboxes, rows): the label names the group instead of one control.
    pub group: bool,
}

/// One field with its label, help, counter and inline diagnostics around `children`.
pub fn field(props: FieldSpec, children: Html) -> Html {
    let id = control_id(props.path);
    let class = classes!("field", severity_class(&props.diagnostics));
    let label = if props.group {
        html! { <span class="label" id={format!("{id}-label")}>{ props.label }{ required_mark(props.required) }</span> }
    } else {
        html! { <label for={id.clone()}>{ props.label }{ required_mark(props.required) }</label> }
    };
    html! {
        <div class={class} data-path={props.path}>
            <div class="field-head">
                { label }
                { props.usage.as_ref().map(usage_counter).unwrap_or_default() }
            </div>
            { field_help(props.path) }
            { children }
            { inline_diagnostics(&format!("{id}-diags"), &props.diagnostics, props.on_suggestion.as_ref()) }
        </div>
    }
}

fn required_mark(required: bool) -> Html {
    if required {
        html! { <span class="req" title="required by the service model">{ " required" }</span> }
    } else {
        Html::default()
    }
}

fn usage_counter(u: &Usage) -> Html {
    let class = classes!("counter", u.exceeded().then_some("over"));
    html! {
        <span class={class} title={format!("limit set by the {}", u.why)}>
            { format!("{} / {} {}", thousands(u.used), thousands(u.max), u.unit) }
        </span>
    }
}

/// Core's one-line help for a member, with its constraints.
pub fn field_help(path: &str) -> Html {
    let id = format!("{}-help", control_id(path));
    let Some(help) = chat_event_core::help::field_help(path) else {
        return html! { <p class="help" id={id}></p> };
    };
    html! {
        <div class="help" id={id}>
            <p class="help-line">{ help.description }</p>
            if !help.constraints.is_empty() {
                <details class="help-more">
                    <summary>{ "Constraints" }</summary>
                    <ul>{ for help.constraints.iter().map(|c| html! { <li>{ *c }</li> }) }</ul>
                    if let Some(note) = help.docs_note {
                        <p class="docs-note"><strong>{ "About AWS's docs: " }</strong>{ note }</p>
                    }
                </details>
            }
        </div>
    }
}

/// The diagnostics of one field, under it.
pub fn inline_diagnostics(id: &str, diagnostics: &[Diagnostic], on_suggestion: Option<&Callback<String>>) -> Html {
    if diagnostics.is_empty() {
        return html! { <div id={id.to_owned()} class="inline-diags" hidden=true></div> };
    }
    html! {
        <ul id={id.to_owned()} class="inline-diags" role="list">
            { for diagnostics.iter().map(|d| diagnostic_line(d, on_suggestion)) }
        </ul>
    }
}

/// One diagnostic: severity, message, whether the CLI catches it, and a suggested fix.
pub fn diagnostic_line(d: &Diagnostic, on_suggestion: Option<&Callback<String>>) -> Html {
    let sev = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let fix = match (&d.suggestion, on_suggestion) {
        (Some(s), Some(cb)) => {
            let (s, cb) = (s.clone(), cb.clone());
            let label = format!("Use {s}");
            html! { <button type="button" class="link-button" onclick={Callback::from(move |_| cb.emit(s.clone()))}>{ label }</button> }
        }
        (Some(s), None) => {
            html! { <span class="suggestion">{ format!("Did you mean {s}?") }</span> }
        }
        _ => Html::default(),
    };
    html! {
        <li class={classes!("diag", sev)} data-code={d.code.clone()}>
            <span class="sev">{ sev }</span>
            <span class="msg">{ d.message.clone() }</span>
            { cli_note(d) }
            { fix }
        </li>
    }
}

/// "Not caught by the CLI" for an error that only the service would reject.
pub fn cli_note(d: &Diagnostic) -> Html {
    if d.severity == Severity::Error && !d.caught_by_cli {
        html! { <span class="badge not-cli" title="botocore's client-side validation lets this through: the AWS CLI sends it and the service rejects it">{ "CLI won't catch this" }</span> }
    } else {
        Html::default()
    }
}

/// Every shell as a menu's choice: its key in the page, and its name.
pub fn shell_choices() -> Vec<(Shell, &'static str, &'static str)> {
    let key = |shell| match shell {
        Shell::Bash => "bash",
        Shell::PowerShell7 => "pwsh7",
        Shell::PowerShell5 => "pwsh5",
        Shell::Cmd => "cmd",
    };
    Shell::ALL.into_iter().map(|shell| (shell, key(shell), shell.label())).collect()
}

/// A labelled menu of fixed choices, each `(value, key, label)`: the key is the option's value in
/// the page, the label what a person reads; picking one emits its value.
pub fn choice_menu<T: Copy + PartialEq + 'static>(
    id: &'static str,
    label: &'static str,
    choices: Vec<(T, &'static str, &'static str)>,
    current: T,
    on_pick: Callback<T>,
) -> Html {
    let options = choices.iter().map(|&(value, key, text)| {
        html! { <option value={key} selected={value == current}>{ text }</option> }
    });
    let options: Html = options.collect();
    let onchange = Callback::from(move |e: Event| {
        let key = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        if let Some(&(value, _, _)) = choices.iter().find(|(_, k, _)| *k == key) {
            on_pick.emit(value);
        }
    });
    html! {
        <label for={id}>{ label }
            <select {id} {onchange}>{ options }</select>
        </label>
    }
}
