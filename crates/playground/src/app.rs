//! The playground: state, derived outputs and the layout of the panels.

use std::rc::Rc;

use chat_event_core::{presets, validate};
use yew::prelude::*;

use crate::components::diagnostics::DiagnosticSummary;
use crate::components::header::Header;
use crate::components::import::ImportPanel;
use crate::components::notice::notice_banner;
use crate::components::outputs::Outputs;
use crate::components::request_form::RequestForm;
use crate::components::simulator::{replay, SimulatorPanel};
use crate::share::{self, ShareError, SharePayload};
use crate::state::{Action, AppState, Notice};
use crate::{dom, perf, storage};

/// The state to start with: a share link in the URL wins over the saved state, which wins over
/// the first preset. Whatever cannot be read becomes a notice.
pub fn initial_state() -> AppState {
    let saved = storage::load();
    let fresh = || AppState::default().with_request(presets::PRESETS[0].request());
    let mut state = match saved {
        Some(s) if s.notice.is_none() => s,
        Some(s) => AppState { notice: s.notice, ..fresh() },
        None => fresh(),
    };
    let fragment = dom::fragment();
    match share::decode(&fragment) {
        Ok(payload) => {
            state = state.with_request(payload.request);
            if let Some(scenario) = payload.scenario {
                state = state.apply(Action::SimLoadScenario(scenario));
            }
            dom::replace_fragment("");
        }
        Err(ShareError::NotALink) => {}
        Err(e) => {
            let raw = fragment.clone();
            state = AppState { ui: state.ui, ..fresh() };
            state.notice = Some(Notice {
                message: format!("The link could not be opened: {e}. You are starting from an example; the link's data is below."),
                raw,
            });
            dom::replace_fragment("");
        }
    }
    state
}

/// The whole playground.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer_eq(initial_state);

    // Every action from an input goes through here, so that the update is timed.
    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| {
            perf::input_started();
            dispatcher.dispatch(action);
        })
    };

    let request = use_memo(state.request.clone(), |r| Rc::new(r.clone()));
    let diagnostics = use_memo(state.request.clone(), |r| validate::validate(r));
    let diagnostics = Rc::new((*diagnostics).clone());
    // Replayed only when the steps or settings change, not on keystrokes in the form.
    let sim_run = use_memo((state.sim.settings.clone(), state.sim.steps.clone()), |_| replay(&state.sim));

    {
        let state = state.clone();
        use_effect_with(state, |state| {
            storage::save(state);
            dom::set_theme(state.ui.theme.attr());
            perf::update_rendered();
        });
    }

    let on_share = {
        let state = state.clone();
        Callback::from(move |()| {
            let scenario = (!state.sim.steps.is_empty()).then(|| state.sim.scenario());
            let payload = SharePayload { request: state.request.clone(), scenario };
            dom::replace_fragment(&share::encode(&payload))
        })
    };

    html! {
        <div class="app">
            <Header theme={state.ui.theme} on_action={on_action.clone()} on_share={on_share} />
            if let Some(notice) = state.notice.clone() {
                { notice_banner(&notice, &on_action) }
            }
            <main class="layout">
                <div class="col col-form">
                    <DiagnosticSummary diagnostics={diagnostics.clone()} rows={state.attributes.clone()} />
                    <RequestForm state={Rc::new((*state).clone())} diagnostics={diagnostics.clone()} on_action={on_action.clone()} />
                </div>
                <div class="col col-out">
                    <Outputs request={(*request).clone()} ui={state.ui.clone()} on_action={on_action.clone()} />
                    <ImportPanel text={state.import_text.clone()} on_action={on_action.clone()} />
                </div>
                <div class="col col-sim">
                    <SimulatorPanel state={state.sim.clone()} run={sim_run.clone()} on_action={on_action.clone()} />
                </div>
            </main>
        </div>
    }
}
