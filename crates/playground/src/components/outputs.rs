//! The live outputs: the AWS CLI command, the JSON request body, the shorthand of each structure,
//! the `--cli-input-json` / `--cli-input-yaml` forms and the SDK snippets, each with a copy button
//! and notes.

use std::rc::Rc;

use chat_event_core::cli::command::{render, InputForm, RenderOptions, RenderedCommand};
use chat_event_core::cli::shorthand::model::generate_structure;
use chat_event_core::shape::{CHAT_EVENT, NEW_SESSION_DETAILS};
use chat_event_core::snippets::{self, SdkLanguage, SnippetOptions};
use chat_event_core::{Diagnostic, SendChatIntegrationEventRequest};
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::code::{CodeBlock, Lang};
use super::field::{choice_menu, shell_choices};
use crate::state::{Action, OutputTab, StructureStyle, UiChoices};

#[derive(Properties, PartialEq)]
pub struct OutputsProps {
    pub request: Rc<SendChatIntegrationEventRequest>,
    pub ui: UiChoices,
    pub on_action: Callback<Action>,
    /// The request's diagnostics: with errors among them, a copy says that AWS would refuse it.
    pub diagnostics: Rc<Vec<Diagnostic>>,
}

/// What a copy of a request with errors says, without stopping the copy.
fn copy_warning(diagnostics: &[Diagnostic]) -> Option<AttrValue> {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors > 0).then(|| {
        format!(
            "Copied, but the request has {errors} {}: AWS would refuse it. The problems are listed above the form.",
            super::plural(errors, "error", "errors")
        )
        .into()
    })
}

/// The tabs offered, in order, with their labels.
pub const TABS: &[(OutputTab, &str)] = &[
    (OutputTab::Cli, "AWS CLI"),
    (OutputTab::Json, "JSON body"),
    (OutputTab::Shorthand, "Shorthand"),
    (OutputTab::CliInputJson, "--cli-input-json"),
    (OutputTab::CliInputYaml, "--cli-input-yaml"),
    (OutputTab::Sdk, "SDK"),
];

pub fn tab_id(tab: OutputTab) -> &'static str {
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

fn options(ui: &UiChoices, input: InputForm) -> RenderOptions {
    RenderOptions {
        shell: ui.shell,
        multiline: true,
        event_style: ui.structure_style,
        new_session_details_style: ui.structure_style,
        input,
        ..RenderOptions::default()
    }
}

fn output_body(tab: OutputTab, props: &OutputsProps) -> Html {
    let r = &*props.request;
    let warning = copy_warning(&props.diagnostics);
    match tab {
        OutputTab::Cli => {
            let cmd = render(r, &options(&props.ui, InputForm::Options));
            html! {
                <>
                    { command_options(&props.ui, &props.on_action, true) }
                    <CodeBlock id="out-cli" text={cmd.text.clone()} lang={Lang::Shell} label="AWS CLI command" copy_warning={warning.clone()} />
                    { notes(&cmd) }
                </>
            }
        }
        OutputTab::Json => html! {
            <CodeBlock id="out-json" text={r.to_json_pretty()} lang={Lang::Json} label="JSON request body" copy_warning={warning.clone()} />
        },
        OutputTab::Shorthand => {
            let value = chat_event_core::json::to_value(r);
            let part = |member: &str, shape| match value.get(member) {
                None => Err(format!("The request has no {member}.")),
                Some(v) => generate_structure(v, shape).map_err(|e| e.to_string()),
            };
            html! {
                <>
                    <p class="output-intro">{ "The value of each structure option in the CLI's shorthand syntax, on its own (unquoted: add the shell's quoting)." }</p>
                    { shorthand_block("--event", "out-shorthand-event", part("Event", &CHAT_EVENT), warning.clone()) }
                    { shorthand_block("--new-session-details", "out-shorthand-nsd", part("NewSessionDetails", &NEW_SESSION_DETAILS), warning.clone()) }
                </>
            }
        }
        OutputTab::CliInputJson | OutputTab::CliInputYaml => {
            let (form, id, lang) = if tab == OutputTab::CliInputJson {
                (InputForm::CliInputJsonFile, "out-cli-input-json", Lang::Json)
            } else {
                (InputForm::CliInputYamlFile, "out-cli-input-yaml", Lang::Yaml)
            };
            let cmd = render(r, &options(&props.ui, form));
            html! {
                <>
                    { command_options(&props.ui, &props.on_action, false) }
                    { for cmd.files.iter().map(|f| html! {
                        <>
                            <h3 class="output-title">{ format!("File {}", f.name) }</h3>
                            <CodeBlock id={id} text={f.content.clone()} lang={lang} label={format!("file {}", f.name)} copy_warning={warning.clone()} />
                        </>
                    }) }
                    <h3 class="output-title">{ "Command" }</h3>
                    <CodeBlock id={format!("{id}-command")} text={cmd.text.clone()} lang={Lang::Shell} label="command" copy_warning={warning.clone()} />
                    { notes(&cmd) }
                </>
            }
        }
        OutputTab::Sdk => {
            let language = props.ui.sdk_language;
            let languages = SdkLanguage::ALL.into_iter().map(|l| (l, l.label(), l.label())).collect();
            let on_language = props.on_action.reform(Action::SetSdkLanguage);
            let options = props.ui.sdk_options.clone();
            let on_region = {
                let (on, options) = (props.on_action.clone(), options.clone());
                Callback::from(move |e: InputEvent| {
                    let region = e.target_unchecked_into::<HtmlInputElement>().value();
                    // Blank: the SDK's own configuration (environment, profile) decides.
                    let region = Some(region.trim().to_owned()).filter(|r| !r.is_empty());
                    on.emit(Action::SetSdkOptions(SnippetOptions { region, ..options.clone() }));
                })
            };
            let on_explain = {
                let (on, options) = (props.on_action.clone(), options.clone());
                Callback::from(move |e: Event| {
                    let explain = e.target_unchecked_into::<HtmlInputElement>().checked();
                    on.emit(Action::SetSdkOptions(SnippetOptions { explain, ..options.clone() }));
                })
            };
            html! {
                <>
                    <div class="output-options">
                        { choice_menu("sdk-language", "SDK", languages, language, on_language) }
                        <label for="sdk-region">{ "Region" }
                            <input id="sdk-region" type="text" size="14" spellcheck="false" autocomplete="off"
                                placeholder="from your config" value={options.region.clone().unwrap_or_default()} oninput={on_region} />
                        </label>
                        <label for="sdk-explain" class="check">
                            <input id="sdk-explain" type="checkbox" checked={options.explain} onchange={on_explain} />
                            { "Explain create-or-reuse" }
                        </label>
                    </div>
                    // PowerShell quotes as a shell does; the others write JSON-like string literals.
                    <CodeBlock id="out-sdk" text={snippets::render_with(r, language, &options)} lang={if language == SdkLanguage::PowerShell { Lang::Shell } else { Lang::Json }} label="SDK snippet" copy_warning={warning.clone()} />
                </>
            }
        }
    }
}

fn shorthand_block(
    option: &'static str,
    id: &'static str,
    result: Result<String, String>,
    warning: Option<AttrValue>,
) -> Html {
    html! {
        <>
            <h3 class="output-title"><code>{ option }</code></h3>
            { match result {
                Ok(text) => html! { <CodeBlock id={id} text={text} lang={Lang::Plain} label={format!("{option} shorthand")} copy_warning={warning} /> },
                Err(why) => html! { <p class="status" id={id}>{ why }</p> },
            } }
        </>
    }
}

fn notes(cmd: &RenderedCommand) -> Html {
    if cmd.notes.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="notes" aria-label="Notes on quoting">
            { for cmd.notes.iter().map(|n| html! {
                <li data-kind={n.kind.clone()}>
                    if let Some(o) = &n.option { <code>{ o.clone() }</code>{ ": " } }
                    { n.message.clone() }
                </li>
            }) }
        </ul>
    }
}

/// The shell, and shorthand or JSON for the structures. (A plain function rather than a component:
/// it has no hooks, and each component costs code in the wasm.)
fn command_options(ui: &UiChoices, on_action: &Callback<Action>, show_style: bool) -> Html {
    let on_shell = on_action.reform(Action::SetShell);
    let style = ui.structure_style;
    let radio = |value: StructureStyle, id: &'static str, label: &'static str| {
        let on = on_action.clone();
        html! {
            <label for={id}>
                <input type="radio" id={id} name="structure-style" checked={style == value}
                    onchange={Callback::from(move |_| on.emit(Action::SetStructureStyle(value)))} />
                { label }
            </label>
        }
    };
    html! {
        <div class="output-options">
            { choice_menu("shell", "Shell", shell_choices(), ui.shell, on_shell) }
            if show_style {
                <fieldset class="inline-fieldset">
                    <legend>{ "Event and NewSessionDetails as" }</legend>
                    { radio(StructureStyle::Shorthand, "style-shorthand", "shorthand") }
                    { radio(StructureStyle::Json, "style-json", "JSON") }
                </fieldset>
            }
        </div>
    }
}
