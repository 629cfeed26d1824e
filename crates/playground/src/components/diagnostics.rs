//! The summary of every diagnostic; choosing one focuses its field.

use std::rc::Rc;

use chat_event_core::form;
use chat_event_core::{Diagnostic, Severity};
use yew::prelude::*;

use super::attributes::row_id;
use super::field::{cli_note, control_id};
use crate::dom;
use crate::state::AttributeRow;

#[derive(Properties, PartialEq)]
pub struct DiagnosticSummaryProps {
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub rows: Vec<AttributeRow>,
}

/// The control a diagnostic points at: an attribute's own key or value input when it names one.
pub fn target_id(path: &str, rows: &[AttributeRow]) -> String {
    const ATTRS: &str = "NewSessionDetails.Attributes";
    if let Some(rest) = path.strip_prefix(ATTRS) {
        if let Some(key) = rest.strip_prefix(" (key: ").and_then(|k| k.strip_suffix(')')) {
            if let Some(i) = rows.iter().position(|r| r.key == key) {
                return row_id("key", i);
            }
        } else if let Some(key) = rest.strip_prefix('.') {
            if let Some(i) = rows.iter().position(|r| r.key == key) {
                return row_id("value", i);
            }
        }
    }
    control_id(form::field_of(path))
}

/// A counted list of errors and warnings.
#[function_component]
pub fn DiagnosticSummary(props: &DiagnosticSummaryProps) -> Html {
    let errors = props.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = props.diagnostics.len() - errors;
    let headline = match (errors, warnings) {
        (0, 0) => "No problems found".to_owned(),
        (e, w) => {
            format!("{} {}, {} {}", e, super::plural(e, "error", "errors"), w, super::plural(w, "warning", "warnings"))
        }
    };
    let status = if errors > 0 {
        "bad"
    } else if warnings > 0 {
        "warn"
    } else {
        "good"
    };
    html! {
        <section class={classes!("summary", status)} aria-label="Problems" id="diagnostic-summary">
            <h2 class="summary-head" aria-live="polite">{ headline }</h2>
            if !props.diagnostics.is_empty() {
                <ul class="summary-list">
                    { for props.diagnostics.iter().map(|d| {
                        let target = target_id(&d.path, &props.rows);
                        let sev = if d.severity == Severity::Error { "error" } else { "warning" };
                        html! {
                            <li class={classes!("diag", sev)} data-code={d.code.clone()}>
                                <button type="button" class="summary-item" onclick={Callback::from(move |_| dom::focus(&target))}>
                                    <span class="sev">{ sev }</span>
                                    <code class="path">{ if d.path.is_empty() { "request".to_owned() } else { d.path.clone() } }</code>
                                    <span class="msg">{ d.message.clone() }</span>
                                </button>
                                { cli_note(d) }
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
