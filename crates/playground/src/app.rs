//! The playground: state, derived outputs and the layout of the panels.

use std::rc::Rc;

use chat_event_core::{presets, validate, Diagnostic, SendChatIntegrationEventRequest};
use yew::prelude::*;

use crate::components::diagnostics::DiagnosticSummary;
use crate::components::header::Header;
use crate::components::import::ImportPanel;
use crate::components::notice::{notice_banner, offered_link_bar, replaced_bar};
use crate::components::outputs::Outputs;
use crate::components::request_form::RequestForm;
use crate::components::simulator::{replay, SimRun, SimulatorPanel};
use crate::share::{self, ShareError, SharePayload};
use crate::state::{Action, AppState, Notice};
use crate::{dom, perf, storage};

/// The state to start with: the saved state, else the first preset; a saved state that cannot be
/// read becomes a notice. A share link in the URL is opened once the page runs ([`use_playground`]).
pub fn initial_state() -> AppState {
    let fresh = || AppState::default().with_request(presets::PRESETS[0].request());
    match storage::load() {
        Some(s) if s.notice.is_none() => s,
        Some(s) => AppState { notice: s.notice, ..fresh() },
        None => fresh(),
    }
}

/// Reads the share link in the URL, if there is one (the browser inflates it, so this is
/// asynchronous), then `opened` makes the action for it: at start the link is opened (the work it
/// replaces can be restored), in a tab already open it is offered. A link that cannot be read
/// leaves the work and the saved state as they are, and says why, with the link's data. Either
/// way the fragment is then removed, so that a reload shows the latest work, not the link again.
fn read_share_link(dispatcher: UseReducerDispatcher<AppState>, opened: fn(SharePayload) -> Action) {
    let fragment = dom::fragment();
    if matches!(share::data_of(&fragment), Err(ShareError::NotALink)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match share::decode(&fragment).await {
            Ok(payload) => dispatcher.dispatch(opened(payload)),
            Err(e) => dispatcher.dispatch(Action::SetNotice(Some(Notice {
                message: format!(
                    "The link could not be opened: {e}. Your work is as it was; the link's data is below."
                ),
                raw: fragment.clone(),
            }))),
        }
        dom::replace_fragment("");
    });
}

/// Everything a view of the playground needs: the state, the timed action callback and the
/// derived data. The full page ([`App`]) uses it; other layouts (a documentation embed) can too.
pub struct Playground {
    pub state: UseReducerHandle<AppState>,
    /// Every action from an input goes through here, so that the update is timed.
    pub on_action: Callback<Action>,
    pub request: Rc<SendChatIntegrationEventRequest>,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub sim_run: Rc<Result<SimRun, String>>,
    /// Puts the request and the simulator's steps in the URL fragment, then calls back with the
    /// link (`None` where the browser cannot make one).
    pub on_share: Callback<Callback<Option<String>>>,
    /// The full playground's URL holding this state as a share link, kept current (an embed's
    /// "Open in playground"); `None` until the browser has made the first one.
    pub share_link: Option<String>,
}

/// The playground's state and derived data. `persist` is the full page: it saves every change to
/// localStorage and opens a share link in its URL; an embed does neither (it should not overwrite
/// the user's playground), and keeps a share link of its state instead.
#[hook]
pub fn use_playground(init: fn() -> AppState, persist: bool) -> Playground {
    let state = use_reducer_eq(init);
    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| {
            perf::input_started();
            dispatcher.dispatch(action);
        })
    };
    let request = use_memo(state.request.clone(), |r| r.clone());
    let diagnostics = use_memo(state.request.clone(), validate::validate);
    // Replayed only when the steps or settings change, not on keystrokes in the form.
    let sim_run = use_memo((state.sim.settings.clone(), state.sim.steps.clone()), |_| replay(&state.sim));
    // Whether the state is too large to save has been said (once, until it fits again).
    let said_too_large = use_mut_ref(|| false);
    {
        let state = state.clone();
        let dispatcher = state.dispatcher();
        use_effect_with(state, move |state| {
            // Every output is on screen now: close the timing before saving, which is not an output.
            perf::update_rendered();
            if persist {
                let saved = storage::save(state);
                let mut said = said_too_large.borrow_mut();
                if let Err(message) = &saved {
                    if !*said {
                        dispatcher
                            .dispatch(Action::SetNotice(Some(Notice { message: message.clone(), raw: String::new() })));
                    }
                }
                *said = saved.is_err();
            }
            dom::set_theme(state.ui.theme.attr());
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            let listener = persist.then(|| {
                read_share_link(dispatcher.clone(), Action::OpenShared);
                // A link pasted into this tab's address bar changes only the fragment: offered.
                dom::on_hash_change(move || read_share_link(dispatcher.clone(), |p| Action::OfferShared(Some(p))))
            });
            move || drop(listener)
        });
    }
    let on_share = {
        let state = state.clone();
        Callback::from(move |done: Callback<Option<String>>| {
            let payload = SharePayload::of(&state);
            wasm_bindgen_futures::spawn_local(async move {
                // The address bar is left as it is: a link there would win over later edits on reload.
                let fragment = share::encode(&payload).await;
                done.emit(fragment.map(|f| dom::playground_link(&f)));
            });
        })
    };
    let share_link = use_state_eq(|| None::<String>);
    {
        let share_link = share_link.clone();
        use_effect_with(state.clone(), move |state| {
            if !persist {
                let payload = SharePayload::of(state);
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(fragment) = share::encode(&payload).await {
                        share_link.set(Some(dom::playground_link(&fragment)));
                    }
                });
            }
        });
    }
    Playground { state, on_action, request, diagnostics, sim_run, on_share, share_link: (*share_link).clone() }
}

/// What the full playground shows inside a frame: its name and a link that opens it in a tab.
fn framed_view() -> Html {
    html! {
        <main class="framed" id="framed">
            <h1>{ "SendChatIntegrationEvent playground" }</h1>
            <p>{ "The playground does not run inside another page. Open it in a tab of its own:" }</p>
            <p><a id="framed-open" href={dom::playground_link("")} target="_blank" rel="noopener">{ "Open the playground" }</a></p>
        </main>
    }
}

/// The whole playground, or the compact layout of a documentation embed (`?embed=1`), which
/// starts from its URL and saves nothing. (One root component for both: each component costs code
/// in the wasm.)
#[function_component]
pub fn App() -> Html {
    let embed = use_memo((), |()| crate::embed::EmbedOptions::requested());
    // The full playground inside another page's frame (clickjacking, or a page passing it off as
    // its own) shows only a way out; embed mode is the one made for frames. Known at start and
    // never changing, so the hooks below run in the same order on every render.
    if embed.is_none() && *use_memo((), |()| dom::is_framed()) {
        return framed_view();
    }
    let (init, persist): (fn() -> AppState, bool) =
        if embed.is_some() { (crate::embed::initial_state, false) } else { (initial_state, true) };
    let playground = use_playground(init, persist);
    if let Some(options) = &*embed {
        return crate::embed::layout(&playground, options);
    }
    let Playground { state, on_action, request, diagnostics, sim_run, on_share, .. } = playground;
    html! {
        <div class="app">
            <Header theme={state.ui.theme} on_action={on_action.clone()} on_share={on_share} />
            if let Some(notice) = state.notice.clone() {
                { notice_banner(&notice, &on_action) }
            }
            if let Some(payload) = &state.offered_link {
                { offered_link_bar(payload, &on_action) }
            }
            if let Some(replaced) = &state.replaced {
                { replaced_bar(replaced, &on_action) }
            }
            <main class="layout">
                <div class="col col-form">
                    <DiagnosticSummary diagnostics={diagnostics.clone()} rows={state.attributes.clone()} />
                    <RequestForm request={request.clone()} attributes={state.attributes.clone()} custom_subtype={state.ui.custom_subtype}
                        custom_content_type={state.ui.custom_content_type} diagnostics={diagnostics.clone()} on_action={on_action.clone()} />
                </div>
                <div class="col col-out">
                    <Outputs request={request.clone()} ui={state.ui.clone()} on_action={on_action.clone()} diagnostics={diagnostics.clone()} />
                    <ImportPanel text={state.import_text.clone()} cli={state.ui.cli_version} shell={state.ui.import_shell} on_action={on_action.clone()} />
                </div>
                <div class="col col-sim">
                    <SimulatorPanel state={state.sim.clone()} run={sim_run.clone()} on_action={on_action.clone()} />
                </div>
            </main>
        </div>
    }
}
