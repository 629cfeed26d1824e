//! The simulator panel: send the request, see what the service would do and why, the chats with
//! their expiry, a transcript, the clock, settings, the request log, and scenario export/import.

use std::rc::Rc;

use chat_event_core::simulator::{
    human_duration, parse_duration, scenarios, AwsResponse, ContactStatus, ContactView, Outcome, Scenario,
    ScenarioReport, Settings, Simulator, SubtypeMatching, What,
};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::code::{CodeBlock, Lang};
use crate::state::{Action, SettingChange, SimState};

/// The simulator rebuilt from the steps, and the report of replaying them.
pub struct SimRun {
    pub sim: Simulator,
    pub report: ScenarioReport,
}

/// Replays the steps on a new simulator; settings out of range give their error.
pub fn replay(state: &SimState) -> Result<SimRun, String> {
    let mut sim = Simulator::new(state.settings.clone()).map_err(|e| e.to_string())?;
    let report = sim.run_scenario(&state.scenario());
    Ok(SimRun { sim, report })
}

#[derive(Properties)]
pub struct SimulatorPanelProps {
    pub state: SimState,
    pub run: Rc<Result<SimRun, String>>,
    pub on_action: Callback<Action>,
    /// Only what an example needs (an embed): no settings, scenario tools or free clock input.
    #[prop_or_default]
    pub compact: bool,
}

impl PartialEq for SimulatorPanelProps {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && Rc::ptr_eq(&self.run, &other.run) && self.compact == other.compact
    }
}

const MINUTE: u64 = 60_000;
const HOUR: u64 = 60 * MINUTE;

/// The clock's buttons: how far each moves it, its label and its id. (Markup is written once and
/// driven by tables like this one: every `html!` element written out costs code in the wasm.)
const ADVANCES: [(u64, &str, &str); 3] =
    [(MINUTE, "+1 min", "sim-plus-1m"), (HOUR, "+1 h", "sim-plus-1h"), (25 * HOUR, "+25 h", "sim-plus-25h")];

/// Core's bounds on the chat duration as the input's `min` and `max` (checked by a test).
const MIN_DURATION: &str = "60";
const MAX_DURATION: &str = "10080";

/// The chats table's column headings, before the actions column (whose heading is hidden).
const CHAT_COLUMNS: [&str; 6] = ["Identity", "Contact id", "Status", "Started", "Expires in", "Msgs"];

/// The whole panel.
#[function_component]
pub fn SimulatorPanel(props: &SimulatorPanelProps) -> Html {
    let on = &props.on_action;
    let send = {
        let on = on.clone();
        Callback::from(move |_| on.emit(Action::SimSend))
    };
    let body = match &*props.run {
        Err(e) => {
            html! { <p class="diag error" id="sim-settings-error">{ format!("The simulator cannot start: {e}") }</p> }
        }
        Ok(run) => {
            let last = run.report.steps.iter().rev().find_map(|s| s.outcome.as_ref());
            html! {
                <>
                    <p class="clock" id="sim-clock">
                        { "Clock: " }<time>{ run.sim.now().to_string() }</time>
                        <span class="muted">{ format!(" ({} since start)", human_duration(run.sim.now().millis_since(props.state.settings.start))) }</span>
                    </p>
                    if let Some(outcome) = last {
                        { outcome_view(outcome) }
                    }
                    { chats_table(&run.sim.contacts(), run.sim.now().epoch_millis(), props.state.selected.as_deref(), on) }
                    { transcript(run, props.state.selected.as_deref()) }
                    <details class="sub" id="sim-log-section">
                        <summary>{ { let n = run.report.steps.len(); format!("Request log ({n} {})", super::plural(n, "step", "steps")) } }</summary>
                        { request_log(&run.report) }
                    </details>
                </>
            }
        }
    };
    html! {
        <section class="panel sim" aria-labelledby="sim-title">
            <div class="sim-head">
                <h2 id="sim-title">{ "Simulator" }</h2>
                <p class="muted small">{ "A local model of create-or-reuse: nothing is sent to AWS." }</p>
            </div>
            <div class="sim-actions">
                <button type="button" id="sim-send" class="primary" onclick={send}>{ "Send this request" }</button>
                <div class="clock-buttons" role="group" aria-label="Advance the clock">
                    { for ADVANCES.iter().map(|&(millis, label, id)| {
                        let on = on.clone();
                        html! { <button type="button" id={id} onclick={Callback::from(move |_| on.emit(Action::SimAdvance(millis)))}>{ label }</button> }
                    }) }
                    if !props.compact {
                        <CustomAdvance on_action={on.clone()} />
                    }
                </div>
            </div>
            { body }
            if !props.compact {
                <details class="sub">
                    <summary>{ "Settings" }</summary>
                    { settings_form(&props.state.settings, on) }
                </details>
                <details class="sub" id="sim-scenario-section">
                    <summary>{ "Scenario: reset, export, import" }</summary>
                    { scenario_tools(&props.state, on) }
                </details>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CustomAdvanceProps {
    on_action: Callback<Action>,
}

/// A free duration such as `90m` or `2h30m`.
#[function_component]
fn CustomAdvance(props: &CustomAdvanceProps) -> Html {
    let text = use_state(String::new);
    let error = use_state(|| None::<String>);
    let submit = {
        let (text, error, on) = (text.clone(), error.clone(), props.on_action.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_duration(text.trim()) {
                Ok(millis) => {
                    error.set(None);
                    on.emit(Action::SimAdvance(millis));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        })
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    html! {
        <form class="custom-advance" onsubmit={submit}>
            <label for="sim-advance-text" class="visually-hidden">{ "Advance the clock by" }</label>
            <input id="sim-advance-text" type="text" placeholder="e.g. 90m, 2h30m" value={(*text).clone()} {oninput}
                aria-describedby="sim-advance-error" size="9" />
            <button type="submit" id="sim-advance">{ "Advance" }</button>
            <span id="sim-advance-error" class="field-error" role="alert">{ (*error).clone().unwrap_or_default() }</span>
        </form>
    }
}

fn badge(outcome: &Outcome) -> (String, &'static str) {
    match outcome.what {
        What::Created => ("new chat created".into(), "created"),
        What::Reused => ("existing chat reused".into(), "reused"),
        What::Disconnected => ("chat disconnected".into(), "ended"),
        What::NoActiveChat => ("no active chat".into(), "ended"),
        _ => (
            outcome
                .error()
                .map(|e| format!("{} ({})", e.error_type.name(), e.http_status))
                .unwrap_or_else(|| "error".into()),
            "rejected",
        ),
    }
}

/// The last send: a badge, the explanation and the response.
fn outcome_view(o: &Outcome) -> Html {
    let (label, class) = badge(o);
    let body = match &o.response {
        AwsResponse::Ok(r) => chat_event_core::json::to_string_pretty(r),
        AwsResponse::Error(e) => format!("HTTP {} {}\n{}", e.http_status, e.error_type.name(), o.response.body_json()),
    };
    html! {
        <div class="outcome" id="sim-outcome" aria-live="polite">
            <span class={classes!("outcome-badge", class)} id="sim-badge">{ label }</span>
            <p class="explanation" id="sim-explanation">{ o.explanation.to_string() }</p>
            <CodeBlock id="sim-response" text={body} lang={Lang::Json} label="simulated response" />
        </div>
    }
}

fn status_text(c: &ContactView) -> String {
    match (c.status, c.end_reason) {
        (ContactStatus::Active, _) => "active".into(),
        (ContactStatus::Expired, _) => "expired".into(),
        (ContactStatus::Ended, Some(r)) => format!("ended: {}", r.phrase()),
        (ContactStatus::Ended, None) => "ended".into(),
    }
}

fn millis_between(from: i64, to: i64) -> u64 {
    u64::try_from(to.saturating_sub(from)).unwrap_or(0)
}

/// Every contact, newest first: identity, id, status, times, messages.
fn chats_table(contacts: &[ContactView], now: i64, selected: Option<&str>, on_action: &Callback<Action>) -> Html {
    if contacts.is_empty() {
        return html! { <p class="muted" id="sim-chats-empty">{ "No chats yet. Send the request to start one." }</p> };
    }
    html! {
        <div class="table-wrap">
            <table class="chats" id="sim-chats">
                <caption>{ "Chats" }</caption>
                <thead><tr>
                    { for CHAT_COLUMNS.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }
                    <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                </tr></thead>
                <tbody>
                    { for contacts.iter().rev().map(|c| {
                        let id = c.contact_id.to_string();
                        let active = c.status == ContactStatus::Active;
                        let selected = selected == Some(id.as_str());
                        let select = {
                            let on = on_action.clone();
                            let id = id.clone();
                            Callback::from(move |_| on.emit(Action::SimSelect(Some(id.clone()))))
                        };
                        let end = {
                            let on = on_action.clone();
                            let contact = c.contact_id;
                            Callback::from(move |_| on.emit(Action::SimEndChat(contact)))
                        };
                        html! {
                            <tr class={classes!(if active { "active" } else { "ended" }, selected.then_some("selected"))} data-status={status_text(c)}>
                                { cell(Some("identity"), "Identity", html! { <>
                                    <code class="source">{ c.source_id.clone() }</code>
                                    <code class="destination small" title={c.destination_id.clone()}>{ c.destination_id.clone() }</code>
                                    <span class="muted small subtype">{ c.subtype.clone().unwrap_or_else(|| "(no Subtype)".into()) }</span>
                                </> }) }
                                { cell(None, "Contact id", html! { <code class="contact-id" title={id.clone()}>{ short_id(&id) }</code> }) }
                                { cell(Some("status"), "Status", status_text(c).into()) }
                                { cell(None, "Started", (human_duration(millis_between(c.started_at.epoch_millis(), now)) + " ago").into()) }
                                { cell(None, "Expires in", if active { human_duration(millis_between(now, c.expires_at.epoch_millis())) } else { "–".into() }.into()) }
                                { cell(Some("num"), "Messages", c.message_count.to_string().into()) }
                                <td class="row-actions">
                                    <button type="button" class="small-button" aria-pressed={selected.to_string()} onclick={select}
                                        aria-label={format!("Transcript of {}", short_id(&id))}>{ "Transcript" }</button>
                                    if active {
                                        <button type="button" class="small-button" onclick={end}
                                            aria-label={format!("End chat {} as the agent", short_id(&id))}>{ "End" }</button>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// One cell of the chats table; `label` heads it on narrow screens, where rows become cards.
fn cell(class: Option<&'static str>, label: &'static str, content: Html) -> Html {
    html! { <td class={class} data-label={label}>{ content }</td> }
}

fn short_id(id: &str) -> String {
    id.chars().take(8).collect::<String>() + "…"
}

fn transcript(run: &SimRun, selected: Option<&str>) -> Html {
    let Some(id) = selected.and_then(|s| s.parse().ok()) else {
        return Html::default();
    };
    let Some(entries) = run.sim.transcript(id) else {
        return Html::default();
    };
    html! {
        <div class="transcript" id="sim-transcript">
            <h3 class="output-title">{ format!("Transcript of {}", short_id(&id.to_string())) }</h3>
            if entries.is_empty() {
                <p class="muted">{ "Nothing in this chat yet." }</p>
            }
            <ol>
                { for entries.iter().map(|e| html! {
                    <li>
                        <span class="muted small">{ e.at.to_string() }</span>{ " " }
                        <strong>{ e.event_type.clone() }</strong>{ " " }
                        if let Some(ct) = &e.content_type { <code class="small">{ ct.clone() }</code>{ " " } }
                        if let Some(c) = &e.content { <span class="content">{ c.clone() }</span> }
                    </li>
                }) }
            </ol>
        </div>
    }
}

fn request_log(report: &ScenarioReport) -> Html {
    if report.steps.is_empty() {
        return html! { <p class="muted">{ "No steps yet." }</p> };
    }
    html! {
        <ol class="log" id="sim-log">
            { for report.steps.iter().map(|s| html! {
                <li class={classes!(match s.passed { Some(false) => "failed", _ => "" })}>
                    <span class="muted small">{ s.at.to_string() }</span>{ " " }
                    <span class="action">{ s.action.clone() }</span>
                    <span class="result">{ format!(" → {}", s.result) }</span>
                    { for s.failures.iter().map(|f| html! { <span class="diag error">{ f.clone() }</span> }) }
                </li>
            }) }
        </ol>
    }
}

/// A change to one setting, from the input's value (a checkbox's as "true"/"false"); a value that
/// does not parse changes nothing.
fn setting_change(on_action: &Callback<Action>, change: fn(String) -> Option<SettingChange>) -> Callback<Event> {
    let on = on_action.clone();
    Callback::from(move |e: Event| {
        let target: HtmlInputElement = e.target_unchecked_into();
        let value = if target.type_() == "checkbox" { target.checked().to_string() } else { target.value() };
        if let Some(change) = change(value) {
            on.emit(Action::SimSetting(change));
        }
    })
}

/// A number setting: its label around its input.
fn number_setting(
    id: &'static str,
    label: &'static str,
    (min, max, step): (&'static str, Option<&'static str>, Option<&'static str>),
    value: String,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label for={id}>{ label }
            <input id={id} type="number" min={min} max={max} step={step} value={value} {onchange} />
        </label>
    }
}

/// A setting that is on or off: its checkbox inside its label.
fn check_setting(id: &'static str, label: &'static str, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <label for={id} class="check">
            <input id={id} type="checkbox" checked={checked} {onchange} />
            { label }
        </label>
    }
}

/// The simulator's settings; every change replays the steps under the new settings.
fn settings_form(s: &Settings, on_action: &Callback<Action>) -> Html {
    let change = |f: fn(String) -> Option<SettingChange>| setting_change(on_action, f);
    let on_matching = {
        let on = on_action.clone();
        Callback::from(move |e: Event| {
            let matching = if e.target_unchecked_into::<HtmlSelectElement>().value() == "insensitive" {
                SubtypeMatching::CaseInsensitive
            } else {
                SubtypeMatching::CaseSensitive
            };
            on.emit(Action::SimSetting(SettingChange::SubtypeMatching(matching)));
        })
    };
    let on_destinations = {
        let on = on_action.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            let list = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
            on.emit(Action::SimSetting(SettingChange::Destinations(list)));
        })
    };
    let throttling = s.faults.throttling;
    html! {
        <div class="settings-grid">
            { number_setting("set-duration", "Chat duration (minutes)", (MIN_DURATION, Some(MAX_DURATION), None), s.chat_duration_minutes.to_string(),
                change(|v| v.parse().ok().map(SettingChange::ChatDurationMinutes))) }
            <label for="set-matching">{ "Subtype case" }
                <select id="set-matching" onchange={on_matching}>
                    <option value="sensitive" selected={s.subtype_matching == SubtypeMatching::CaseSensitive}>{ "case-sensitive" }</option>
                    <option value="insensitive" selected={s.subtype_matching == SubtypeMatching::CaseInsensitive}>{ "case-insensitive" }</option>
                </select>
            </label>
            { number_setting("set-seed", "Seed", ("0", None, None), s.seed.to_string(), change(|v| v.parse().ok().map(SettingChange::Seed))) }
            <label for="set-destinations" class="wide">{ "Destinations that exist (one DestinationId per line; empty: any)" }
                <textarea id="set-destinations" rows="2" spellcheck="false" onchange={on_destinations}
                    value={s.faults.destinations.clone().unwrap_or_default().join("\n")} />
            </label>
            { check_setting("set-throttle", "Throttling", throttling.is_some(),
                change(|v| Some(SettingChange::Throttling(v == "true")))) }
            if let Some(t) = throttling {
                { number_setting("set-rate", "Requests per second", ("0", None, Some("0.5")), chat_event_core::json::number_text(t.rate_per_second),
                    change(|v| parse_number(&v).map(SettingChange::RatePerSecond))) }
                { number_setting("set-burst", "Burst", ("1", None, None), t.burst.to_string(),
                    change(|v| v.parse().ok().map(SettingChange::Burst))) }
            }
            { check_setting("set-denied", "Access denied (as for accounts without access)", s.faults.access_denied,
                change(|v| Some(SettingChange::AccessDenied(v == "true")))) }
            { number_setting("set-fault", "Internal error probability (0–1)", ("0", Some("1"), Some("0.05")), chat_event_core::json::number_text(s.faults.internal_error_probability),
                change(|v| parse_number(&v).map(SettingChange::InternalErrorProbability))) }
            { number_setting("set-max-active", "Active chat limit (empty: none)", ("1", None, None), s.faults.max_active_chats.map(|n| n.to_string()).unwrap_or_default(),
                change(|v| Some(SettingChange::MaxActiveChats(v.parse().ok())))) }
        </div>
    }
}

/// Reset, the steps as a scenario (core's format) to copy, and a box to load one.
fn scenario_tools(state: &SimState, on: &Callback<Action>) -> Html {
    let parsed = parse_scenario(&state.scenario_text);
    let reset = {
        let on = on.clone();
        Callback::from(move |_| on.emit(Action::SimReset))
    };
    let oninput = {
        let on = on.clone();
        Callback::from(move |e: InputEvent| {
            on.emit(Action::SimScenarioText(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
        })
    };
    let load = {
        let on = on.clone();
        let parsed = parsed.clone();
        Callback::from(move |_| {
            if let Some(Ok(s)) = &parsed {
                on.emit(Action::SimLoadScenario(s.clone()));
            }
        })
    };
    let on_example = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<HtmlSelectElement>();
            if let Some(ex) = scenarios::example(&select.value()) {
                on.emit(Action::SimScenarioText(ex.text.to_owned()));
            }
            select.set_value("");
        })
    };
    html! {
        <div class="scenario-tools">
            <p><button type="button" id="sim-reset" onclick={reset}>{ "Reset the simulator" }</button>
               <span class="muted small">{ " Forgets every chat and step; settings stay." }</span></p>
            <h3 class="output-title">{ "Export: these steps as a scenario" }</h3>
            <CodeBlock id="sim-scenario-export" text={state.scenario().to_json_pretty()} lang={Lang::Json} label="scenario JSON" />
            <h3 class="output-title"><label for="sim-scenario-import">{ "Import a scenario (JSON or YAML)" }</label></h3>
            <select id="sim-scenario-example" aria-label="Load an example scenario" onchange={on_example}>
                <option value="" selected=true>{ "Example scenarios…" }</option>
                { for scenarios::EXAMPLES.iter().map(|e| html! { <option value={e.name}>{ e.title }</option> }) }
            </select>
            <textarea id="sim-scenario-import" rows="5" spellcheck="false" value={state.scenario_text.clone()} {oninput}
                aria-describedby="sim-scenario-status" />
            <p id="sim-scenario-status" class="status">
                { match &parsed {
                    None => "Paste a scenario; its steps replace the current ones.".to_owned(),
                    Some(Ok(s)) => format!("\"{}\": {} {}, ready to load.", s.title, s.steps.len(), super::plural(s.steps.len(), "step", "steps")),
                    Some(Err(e)) => e.clone(),
                } }
            </p>
            <button type="button" id="sim-scenario-load" disabled={!matches!(parsed, Some(Ok(_)))} onclick={load}>{ "Load scenario" }</button>
        </div>
    }
}

/// A number as an input shows it (core's `json::number_text`), and back, through core's JSON
/// parser, which the app has anyway (not `FromStr` for f64, which would add its own).
fn parse_number(text: &str) -> Option<f64> {
    chat_event_core::json::parse(text.trim()).ok()?.as_f64()
}

/// A scenario pasted as JSON or YAML, checked, within the playground's step limit; `None` for
/// blank text.
pub fn parse_scenario(text: &str) -> Option<Result<Scenario, String>> {
    (!text.trim().is_empty()).then(|| {
        let scenario = Scenario::from_text(text).map_err(|e| e.to_string())?;
        match crate::state::too_many_steps(scenario.steps.len()) {
            Some(why) => Err(format!("This scenario cannot be loaded: {why}.")),
            None => Ok(scenario),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chat_event_core::simulator::settings::{MAX_CHAT_DURATION_MINUTES, MIN_CHAT_DURATION_MINUTES};

    #[test]
    fn the_duration_input_has_cores_bounds() {
        assert_eq!(MIN_DURATION, MIN_CHAT_DURATION_MINUTES.to_string());
        assert_eq!(MAX_DURATION, MAX_CHAT_DURATION_MINUTES.to_string());
    }
}
