//! The documentation embed: the playground in a compact layout for an iframe in someone else's
//! page (`index.html?embed=1&…`, made by `www/embed/chat-event-example.js`).
//!
//! It reuses [`crate::use_playground`] and the playground's components; only the layout and the reading
//! of the URL are its own. The URL's query says what to show:
//!
//! | parameter  | values                                           | default               |
//! | ---------- | ------------------------------------------------ | --------------------- |
//! | `embed`    | `1`                                              | (the full playground) |
//! | `panels`   | comma list of `form`, `outputs`, `simulator`     | all three             |
//! | `tab`      | `cli`, `json`, `shorthand`, `cli-input-json`, `cli-input-yaml` | `cli`   |
//! | `theme`    | `auto`, `light`, `dark`                          | `auto`                |
//! | `readonly` | `1` (the form is shown but cannot be edited)     | editable              |
//! | `title`    | text shown above the example                     | none                  |
//! | `request`  | the request: JSON, YAML or an AWS CLI command    | the first preset      |
//! | `scenario` | simulator steps, core's scenario (JSON or YAML)  | none                  |
//! | `parent`   | the embedding page's origin, e.g. `https://docs.example.com` | no reports |
//! | `frame`    | the id the page gave this frame (`[A-Za-z0-9_-]`, ≤ 64)      | no reports |
//!
//! With `parent` and `frame`, the embed tells its parent window the height of its content,
//! `{source: "chat-event-lab", type: "resize", frame, height}`, posted to that origin only. The
//! height is the content's, never the viewport's, so that resizing the frame cannot feed back
//! into it. The embed listens to no message at all.
//!
//! An embed never reads or writes the playground's saved state: a docs page must not clobber the
//! user's own work. Its "Open in playground" link carries the example as a share link instead.

use std::cell::Cell;

use chat_event_core::import::import;
use chat_event_core::presets::PRESETS;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::diagnostics::DiagnosticSummary;
use crate::components::notice::notice_banner;
use crate::components::outputs::{tab_id, Outputs, TABS};
use crate::components::request_form::RequestForm;
use crate::components::simulator::{parse_scenario, SimulatorPanel};
use crate::dom;
use crate::state::{AppState, Notice, OutputTab, Theme};
use crate::Playground;

/// The tag of the messages an embed posts, so that a page can tell them from others.
pub const MESSAGE_SOURCE: &str = "chat-event-lab";

/// Which panels an embed shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panels {
    pub form: bool,
    pub outputs: bool,
    pub simulator: bool,
}

/// Where an embed reports its height: the parent page's origin and the id it gave the frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportTo {
    pub origin: String,
    pub frame: String,
}

/// What an embed's URL asks for; anything unknown or malformed falls back to its default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedOptions {
    /// `embed=1`: the page is an embed at all.
    pub embed: bool,
    pub panels: Panels,
    pub tab: OutputTab,
    pub theme: Theme,
    pub readonly: bool,
    pub title: Option<String>,
    /// The request's text, as given (JSON, YAML or a command).
    pub request: Option<String>,
    /// The scenario's text, as given (JSON or YAML).
    pub scenario: Option<String>,
    /// `None` unless both `parent` and `frame` are well formed.
    pub report_to: Option<ReportTo>,
}

/// Whether `text` is a web origin and nothing more: `http` or `https`, a host, an optional port;
/// no path, no credentials, no wildcard. Only such an origin is ever given to `postMessage`.
pub fn is_origin(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")) else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        // An IPv6 host holds colons of its own: a port comes only after its closing bracket.
        Some((h, p)) if !p.contains(']') => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || "-.[]:".contains(c))
        && (host.starts_with('[') || !host.contains(':'));
    let port_ok = port.is_none_or(|p| (1..=5).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    host_ok && port_ok
}

/// Whether `text` can be a frame id: 1 to 64 of `A-Z a-z 0-9 _ -`.
pub fn is_frame_id(text: &str) -> bool {
    (1..=64).contains(&text.len()) && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl EmbedOptions {
    /// Reads the options through `get`, which returns a query parameter's decoded value.
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Self {
        let panels = get("panels").map(|list| {
            let has = |name: &str| list.split(',').any(|p| p.trim() == name);
            Panels { form: has("form"), outputs: has("outputs"), simulator: has("simulator") }
        });
        let all = Panels { form: true, outputs: true, simulator: true };
        let tab = get("tab")
            .and_then(|t| {
                TABS.iter().map(|(tab, _)| *tab).find(|tab| tab_id(*tab).strip_prefix("tab-") == Some(t.as_str()))
            })
            .unwrap_or_default();
        let theme = match get("theme").as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        };
        let report_to = match (get("parent"), get("frame")) {
            (Some(origin), Some(frame)) if is_origin(&origin) && is_frame_id(&frame) => {
                Some(ReportTo { origin, frame })
            }
            _ => None,
        };
        let flag = |name: &str| get(name).is_some_and(|v| v != "0" && v != "false");
        EmbedOptions {
            embed: flag("embed"),
            panels: panels.filter(|p| p.form || p.outputs || p.simulator).unwrap_or(all),
            tab,
            theme,
            readonly: flag("readonly"),
            title: get("title").map(|t| t.trim().chars().take(200).collect::<String>()).filter(|t| !t.is_empty()),
            request: get("request"),
            scenario: get("scenario"),
            report_to,
        }
    }

    /// The options of this page's URL when it asks for an embed (`?embed=1`), else `None`.
    pub fn requested() -> Option<Self> {
        let options = Self::from_location();
        options.embed.then_some(options)
    }

    /// The options of this page's URL.
    pub fn from_location() -> Self {
        let params = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
        Self::read(|name| params.as_ref().and_then(|p| p.get(name)))
    }

    /// The state the embed starts with. Text that does not read leaves its part out and becomes
    /// a notice that carries the text, shown as text.
    pub fn initial_state(&self) -> AppState {
        let mut state = AppState::default();
        state.ui.output_tab = self.tab;
        state.ui.theme = self.theme;
        let mut problems = Vec::new();
        let mut raw = Vec::new();
        match &self.request {
            None => state = state.with_request(PRESETS[0].request()),
            Some(text) => {
                // The import box's reader: JSON, YAML or an AWS CLI command, with located errors.
                let read = import(text);
                match read.request {
                    Some(request) => state = state.with_request(request),
                    None => {
                        let why = read
                            .diagnostics
                            .iter()
                            .find(|d| d.is_error())
                            .map_or_else(|| "it holds no request.".to_owned(), |d| d.to_text(""));
                        problems
                            .push(format!("The example's request could not be read as {}: {why}", read.format.label()));
                        raw.push(text.clone());
                    }
                }
            }
        }
        match self.scenario.as_deref().and_then(parse_scenario) {
            None => {}
            Some(Ok(scenario)) => state = state.with_scenario(scenario),
            Some(Err(why)) => {
                problems.push(format!("The example's scenario could not be read: {why}."));
                raw.extend(self.scenario.clone());
            }
        }
        if !problems.is_empty() {
            state.notice = Some(Notice { message: problems.join(" "), raw: raw.join("\n\n") });
        }
        state
    }
}

/// The embed's starting state, from this page's URL.
pub fn initial_state() -> AppState {
    EmbedOptions::from_location().initial_state()
}

/// In an embed with a well-formed `parent` and `frame`, posts the height of the page's content to
/// the parent window whenever it changes. The body is as tall as the content, whatever the frame's
/// height (nothing in the embed's CSS follows the viewport's height), so the parent setting the
/// frame to it is a fixed point, not a loop.
pub fn report_height() {
    let Some(to) = EmbedOptions::requested().and_then(|o| o.report_to) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Some(parent), Some(body)) = (window.parent().ok().flatten(), window.document().and_then(|d| d.body())) else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return; // Opened on its own, not in a frame: nobody to tell.
    }
    let last = Cell::new(-1.0);
    let target = body.clone();
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = target.get_bounding_client_rect().height().ceil();
        if height == last.replace(height) {
            return;
        }
        let message = js_sys::Object::new();
        for (key, value) in [
            ("source", JsValue::from_str(MESSAGE_SOURCE)),
            ("type", JsValue::from_str("resize")),
            ("frame", JsValue::from_str(&to.frame)),
            ("height", JsValue::from_f64(height)),
        ] {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
        }
        let _ = parent.post_message(&message, &to.origin);
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    on_resize.forget();
}

/// The embed layout: a title bar with the "Open in playground" link, then the chosen panels. A
/// plain function over the playground's hook (see [`crate::App`]), not a component of its own.
pub fn layout(playground: &Playground, options: &EmbedOptions) -> Html {
    let Playground { state, on_action, request, diagnostics, sim_run, .. } = playground;
    // Until the browser has made the link: the playground, without the example.
    let link = playground.share_link.clone().unwrap_or_else(|| dom::playground_link(""));
    let panels = options.panels;
    let form = html! {
        <>
            <DiagnosticSummary diagnostics={diagnostics.clone()} rows={state.attributes.clone()} />
            <RequestForm request={request.clone()} attributes={state.attributes.clone()} custom_subtype={state.ui.custom_subtype}
                custom_content_type={state.ui.custom_content_type} diagnostics={diagnostics.clone()} on_action={on_action.clone()} />
        </>
    };
    html! {
        <main class={classes!("embed", options.readonly.then_some("readonly"))}>
            <div class="embed-bar">
                <h1 class="embed-title">
                    { options.title.clone().unwrap_or_else(|| "SendChatIntegrationEvent".to_owned()) }
                    if options.readonly && panels.form {
                        <span class="muted small">{ " · read-only" }</span>
                    }
                </h1>
                <a class="embed-open" id="embed-open" href={link} target="_blank" rel="noopener">
                    { "Open in playground" }<span aria-hidden="true">{ " ↗" }</span>
                </a>
            </div>
            if let Some(notice) = state.notice.clone() {
                { notice_banner(&notice, on_action) }
            }
            <div class="embed-body">
                if panels.form {
                    <div class="embed-col embed-form">
                        if options.readonly {
                            <fieldset class="embed-readonly" disabled=true>
                                <legend class="visually-hidden">{ "The request (read-only)" }</legend>
                                { form }
                            </fieldset>
                        } else {
                            { form }
                        }
                    </div>
                }
                if panels.outputs || panels.simulator {
                    <div class="embed-col">
                        if panels.outputs {
                            <Outputs request={request.clone()} ui={state.ui.clone()} on_action={on_action.clone()} diagnostics={diagnostics.clone()} />
                        }
                        if panels.simulator {
                            <SimulatorPanel state={state.sim.clone()} run={sim_run.clone()} on_action={on_action.clone()} compact=true />
                        }
                    </div>
                }
            </div>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn options(pairs: &[(&str, &str)]) -> EmbedOptions {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        EmbedOptions::read(|name| map.get(name).cloned())
    }

    #[test]
    fn only_a_bare_web_origin_is_an_origin() {
        for (text, ok) in [
            ("https://docs.example.com", true),
            ("http://127.0.0.1:8765", true),
            ("http://localhost:1", true),
            ("https://[::1]:8443", true),
            ("https://[::1]", true),
            ("*", false),
            ("/", false),
            ("null", false),
            ("", false),
            ("https://", false),
            ("https://docs.example.com/", false),
            ("https://docs.example.com/path", false),
            ("https://user@docs.example.com", false),
            ("https://docs.example.com:", false),
            ("https://docs.example.com:123456", false),
            ("https://docs.example.com:80a", false),
            ("javascript:alert(1)", false),
            ("ftp://docs.example.com", false),
            ("https://a b", false),
        ] {
            assert_eq!(is_origin(text), ok, "{text:?}");
        }
    }

    #[test]
    fn frame_ids_are_short_and_plain() {
        for (text, ok) in [
            ("cee-1", true),
            ("A_z-9", true),
            (&"x".repeat(64), true),
            (&"x".repeat(65), false),
            ("", false),
            ("a b", false),
            ("<x>", false),
            ("é", false),
        ] {
            assert_eq!(is_frame_id(text), ok, "{text:?}");
        }
    }

    #[test]
    fn parameters_choose_panels_tab_theme_and_readonly() {
        let o = options(&[]);
        assert_eq!((o.panels.form, o.panels.outputs, o.panels.simulator), (true, true, true));
        assert_eq!((o.tab, o.theme, o.readonly), (OutputTab::Cli, Theme::Auto, false));
        assert!(!o.embed);
        assert!(options(&[("embed", "1")]).embed);
        assert!(!options(&[("embed", "0")]).embed);
        let o = options(&[
            ("panels", "outputs, simulator,bogus"),
            ("tab", "cli-input-yaml"),
            ("theme", "dark"),
            ("readonly", "1"),
        ]);
        assert_eq!((o.panels.form, o.panels.outputs, o.panels.simulator), (false, true, true));
        assert_eq!((o.tab, o.theme, o.readonly), (OutputTab::CliInputYaml, Theme::Dark, true));
        // Nothing known, or nothing at all: every panel rather than an empty frame.
        assert!(options(&[("panels", "bogus")]).panels.form);
        assert!(options(&[("panels", "")]).panels.simulator);
        assert_eq!(options(&[("tab", "TAB-json")]).tab, OutputTab::Cli);
        assert_eq!(options(&[("tab", "json")]).tab, OutputTab::Json);
        assert_eq!(options(&[("theme", "<b>")]).theme, Theme::Auto);
        assert!(!options(&[("readonly", "0")]).readonly);
        assert!(options(&[("readonly", "")]).readonly);
        assert_eq!(options(&[("title", "  ")]).title, None);
        assert_eq!(options(&[("title", &"é".repeat(300))]).title.map(|t| t.chars().count()), Some(200));
    }

    #[test]
    fn heights_are_reported_only_to_a_checked_origin_and_frame() {
        let to = |parent: &str, frame: &str| options(&[("parent", parent), ("frame", frame)]).report_to;
        assert_eq!(
            to("http://127.0.0.1:8765", "cee-1"),
            Some(ReportTo { origin: "http://127.0.0.1:8765".into(), frame: "cee-1".into() })
        );
        assert_eq!(to("*", "cee-1"), None);
        assert_eq!(to("http://127.0.0.1:8765", "\"><img>"), None);
        assert_eq!(options(&[("parent", "https://a.example")]).report_to, None);
    }

    #[test]
    fn the_request_is_read_as_json_yaml_or_a_command() {
        let json = r#"{"SourceId":"+15551234567","Event":{"Type":"DISCONNECT"}}"#;
        let yaml = "SourceId: '+15551234567'\nEvent:\n  Type: DISCONNECT\n";
        let command = "aws connect send-chat-integration-event --source-id +15551234567 --event Type=DISCONNECT";
        for text in [json, yaml, command] {
            let s = options(&[("request", text)]).initial_state();
            assert_eq!(s.notice, None, "{text}");
            assert_eq!(s.request.source_id.as_deref(), Some("+15551234567"));
            assert_eq!(s.request.event_type(), Some("DISCONNECT"));
        }
        // No request: the first preset, as the full playground starts.
        assert_eq!(options(&[]).initial_state().request, PRESETS[0].request());
    }

    #[test]
    fn unreadable_text_becomes_a_notice_carrying_it() {
        let hostile = r#""><script>window.__pwned=1</script>"#;
        for (request, scenario, says) in [
            (Some(hostile), None, "request could not be read"),
            (Some("{\"SourceId\": "), None, "line 1"),
            (Some("[1, 2]"), None, "request could not be read"),
            (None, Some("{\"steps\": 3}"), "scenario could not be read"),
        ] {
            let mut pairs = Vec::new();
            if let Some(r) = request {
                pairs.push(("request", r));
            }
            if let Some(s) = scenario {
                pairs.push(("scenario", s));
            }
            let state = options(&pairs).initial_state();
            let notice = state.notice.unwrap_or_else(|| panic!("no notice for {pairs:?}"));
            assert!(notice.message.contains(says), "{}", notice.message);
            assert!(notice.raw.contains(request.or(scenario).unwrap_or_default()));
            assert!(state.sim.steps.is_empty());
        }
    }

    #[test]
    fn a_scenario_prefills_the_simulator() {
        let scenario = r#"{"title": "t", "steps": [{"send": {"SourceId": "+15551234567", "DestinationId": "d", "Subtype": "connect:sms", "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "Hi"}}}, {"advance": "1m"}]}"#;
        let state = options(&[("scenario", scenario)]).initial_state();
        assert_eq!(state.notice, None);
        assert_eq!(state.sim.steps.len(), 2);
    }
}
