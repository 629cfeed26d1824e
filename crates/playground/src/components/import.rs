//! The import box: paste a request and its problems are listed as one types; a request that reads
//! fills the form when asked (Load, or Ctrl/Cmd+Enter), never while one types.

use std::rc::Rc;

use chat_event_core::cli::command::{self, CommandOptions, ShellReading};
use chat_event_core::cli::shell::Shell;
use chat_event_core::cli::CliVersion;
use chat_event_core::import::import_in;
use chat_event_core::{Diagnostic, Severity};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::field::{choice_menu, cli_note, shell_choices};
use crate::state::{replaced_by, Action, MAX_IMPORT_BYTES};
use chat_event_core::limits::thousands;

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub text: AttrValue,
    /// Whose words a command the AWS CLI refuses is said in.
    pub cli: CliVersion,
    /// The shell a command is read as; detected when `None`.
    pub shell: Option<Shell>,
    pub on_action: Callback<Action>,
}

/// The AWS CLI versions the import box can speak for, each with its key in the page (its label is
/// the version's own).
const CLI_VERSIONS: [(CliVersion, &str); 2] = [(CliVersion::V2, "v2"), (CliVersion::V1, "v1")];

fn cli_versions() -> Vec<(CliVersion, &'static str, &'static str)> {
    CLI_VERSIONS.iter().map(|&(version, key)| (version, key, version.label())).collect()
}

/// The text area and its live diagnostics.
#[function_component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    // Text past any request's size is not read at all (a 10 MB paste would hold up every keystroke).
    let reading = use_memo((props.text.clone(), props.cli, props.shell), |&(ref text, cli, shell)| {
        (text.len() <= MAX_IMPORT_BYTES).then(|| import_in(text, CommandOptions { cli, shell }))
    });
    // What the shell hands aws, and which other shells hand it the same: worked out again only
    // when the text or the shell changes, not at every render.
    let read_as = reading.as_ref().as_ref().and_then(|r| r.shell.as_ref()).map(|r| r.shell);
    let handed = use_memo((props.text.clone(), read_as), |(text, shell)| {
        shell.map(|shell| (command::arguments(text, shell).unwrap_or_default(), command::same_arguments(text, shell)))
    });
    let request = reading.as_ref().as_ref().and_then(|r| r.request.clone());
    let oninput = {
        let on = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            on.emit(Action::SetImportText(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
        })
    };
    let load = {
        let on = props.on_action.clone();
        let request = request.clone();
        move || {
            if let Some(request) = &request {
                on.emit(Action::LoadRequest(request.clone(), replaced_by::IMPORT.to_owned()));
            }
        }
    };
    let onkeydown = {
        let load = load.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                load();
            }
        })
    };
    let onclick = Callback::from(move |_: MouseEvent| load());
    let on_cli = props.on_action.reform(Action::SetCliVersion);
    let on_shell = props.on_action.reform(Action::SetImportShell);
    // "Detect", then every shell.
    let mut shells = vec![(None, "detect", "the shell it is written for")];
    shells.extend(shell_choices().into_iter().map(|(shell, key, label)| (Some(shell), key, label)));
    let empty = props.text.trim().is_empty();
    let status = match &*reading {
        _ if empty => "Paste an AWS CLI command, JSON or YAML: the format is detected and problems are listed as you type. Load puts it in the form.".to_owned(),
        None => format!(
            "This text is {} bytes, more than any request takes: only {} are read. It stays in the box but is not read, and a reload may not keep it.",
            thousands(props.text.len()),
            thousands(MAX_IMPORT_BYTES)
        ),
        Some(reading) if reading.request.is_some() => {
            format!("Read as {}: ready to load into the form (Load, or Ctrl+Enter).", reading.format.label())
        }
        Some(reading) => format!(
            "Read as {}: fix the problems below to load it into the form. Your text is kept.",
            reading.format.label()
        ),
    };
    let diags = Rc::new(reading.as_ref().as_ref().map(|r| r.diagnostics.clone()).unwrap_or_default());
    html! {
        <section class="panel import" aria-label="Import">
            <label for="import-text" class="panel-title">{ "Import or check a request" }</label>
            <textarea id="import-text" rows="6" spellcheck="false" value={props.text.clone()} {oninput} {onkeydown}
                placeholder={"{\n  \"SourceId\": \"+14155550123\",\n  ...\n}"} aria-describedby="import-status import-diags" />
            <p id="import-status" class="status">{ status }</p>
            <div class="import-actions">
                <button type="button" id="import-load" disabled={request.is_none()} {onclick}>{ "Load into the form" }</button>
                { choice_menu("import-shell", "Read a command as", shells, props.shell, on_shell) }
                { choice_menu("import-cli", "Refusals as printed by", cli_versions(), props.cli, on_cli) }
            </div>
            if !empty {
                if let (Some(shell), Some((arguments, same))) =
                    (reading.as_ref().as_ref().and_then(|r| r.shell.as_ref()), handed.as_ref())
                {
                    { shell_reading(shell, arguments, same) }
                }
            }
            <ul id="import-diags" class="import-diags" aria-live="polite">
                if !empty {
                    { for diags.iter().map(import_line) }
                }
            </ul>
        </section>
    }
}

/// The shell a command was read as, why, which other shells give `aws` the same arguments, and the
/// arguments themselves (what the shell leaves of the quoting is what trips people up).
fn shell_reading(reading: &ShellReading, arguments: &[String], same_in: &[Shell]) -> Html {
    let others: Vec<&str> = same_in.iter().map(|s| s.label()).collect();
    let same = match others.as_slice() {
        [] => "No other shell gives aws these arguments.".to_owned(),
        [one] => format!("{one} gives aws the same arguments."),
        [init @ .., last] => format!("{} and {last} give aws the same arguments.", init.join(", ")),
    };
    html! {
        <div id="import-shell-reading" class="shell-reading">
            <p>{ format!("Read as {}. {} {same}", reading.shell.label(), reading.reason) }</p>
            if !arguments.is_empty() {
                <details>
                    <summary>{ format!("The {} arguments aws receives", arguments.len()) }</summary>
                    <ol class="arguments">
                        { for arguments.iter().map(|a| html! { <li><code>{ a.clone() }</code></li> }) }
                    </ol>
                </details>
            }
        </div>
    }
}

fn import_line(d: &Diagnostic) -> Html {
    let sev = if d.severity == Severity::Error { "error" } else { "warning" };
    let place = match (d.line, d.column) {
        (Some(l), Some(c)) => format!("line {l}, column {c}"),
        (Some(l), None) => format!("line {l}"),
        _ => String::new(),
    };
    html! {
        <li class={classes!("diag", sev)} data-code={d.code.clone()}>
            <span class="sev">{ sev }</span>
            if !d.path.is_empty() { <code class="path">{ d.path.clone() }</code> }
            if !place.is_empty() { <span class="place">{ place }</span> }
            <div class="msg">{ message(&d.message) }</div>
            { cli_note(d) }
        </li>
    }
}

/// A command error is the CLI's own text: a first line, then the input echoed with a caret under
/// the place (kept as monospace lines, so that the caret stays under its character), then a hint
/// and the CLI's exit code.
fn message(text: &str) -> Html {
    let mut lines = text.split('\n');
    let headline = lines.next().unwrap_or_default();
    let (after, echo): (Vec<&str>, Vec<&str>) =
        lines.partition(|line| line.starts_with("Hint: ") || line.starts_with("Exit code: "));
    let class = |line: &str| if line.starts_with("Hint: ") { "hint" } else { "exit-code" };
    html! {
        <>
            { headline }
            if !echo.is_empty() { <pre class="echo">{ echo.join("\n") }</pre> }
            { for after.into_iter().map(|line| html! { <p class={class(line)}>{ line }</p> }) }
        </>
    }
}
