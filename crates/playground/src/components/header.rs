//! The top bar: title, presets, share, theme.

use chat_event_core::presets::PRESETS;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::{replaced_by, Action, Theme};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub theme: Theme,
    pub on_action: Callback<Action>,
    /// Builds the share link, then calls back with it.
    pub on_share: Callback<Callback<Option<String>>>,
}

/// Title, preset menu, Share and theme.
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let shared = use_state_eq(|| None::<String>);
    // The menu only chooses (arrow keys move through it freely); Load, or Enter, loads the choice.
    let chosen = use_state_eq(String::new);
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let load = {
        let on = props.on_action.clone();
        let chosen = chosen.clone();
        move || {
            if let Some(p) = chat_event_core::presets::find(&chosen) {
                on.emit(Action::LoadRequest(p.request(), replaced_by::preset(p.title)));
                chosen.set(String::new());
            }
        }
    };
    let on_load = {
        let load = load.clone();
        Callback::from(move |_: MouseEvent| load())
    };
    let on_preset_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            load();
        }
    });
    let on_theme = {
        let on = props.on_action.clone();
        Callback::from(move |e: Event| {
            let theme = match e.target_unchecked_into::<HtmlSelectElement>().value().as_str() {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => Theme::Auto,
            };
            on.emit(Action::SetTheme(theme));
        })
    };
    let on_share = {
        let share = props.on_share.clone();
        let shared = shared.clone();
        Callback::from(move |_| {
            let shared = shared.clone();
            share.emit(Callback::from(move |url: Option<String>| {
                if let Some(url) = &url {
                    let _ = crate::dom::copy(url);
                }
                shared.set(url);
            }));
        })
    };
    let theme = props.theme.attr();
    html! {
        <header class="topbar">
            <div class="brand">
                <h1>{ "SendChatIntegrationEvent" }<span class="sub">{ " playground" }</span></h1>
                <p class="tagline">{ "Build an Amazon Connect chat integration event, check it, and see what AWS would do." }</p>
            </div>
            <div class="actions">
                <span class="pick pick-preset">
                <label class="inline-label" for="preset">{ "Preset" }</label>
                <select id="preset" onchange={on_choose} onkeydown={on_preset_key}>
                    <option value="" selected={chosen.is_empty()}>{ "Choose an example…" }</option>
                    { for [("A conversation", false), ("Common mistakes", true)].into_iter().map(|(label, broken)| html! {
                        <optgroup label={label}>
                            { for PRESETS.iter().filter(|p| p.broken == broken).map(|p| html! { <option value={p.id} title={p.description} selected={*chosen == p.id}>{ p.title }</option> }) }
                        </optgroup>
                    }) }
                </select>
                <button type="button" id="preset-load" disabled={chosen.is_empty()} onclick={on_load}>{ "Load" }</button>
                </span>
                <button type="button" id="share" class="primary" onclick={on_share}>{ "Share" }</button>
                <span class="pick">
                <label class="inline-label" for="theme">{ "Theme" }</label>
                <select id="theme" onchange={on_theme}>
                    { for [("auto", "Auto"), ("light", "Light"), ("dark", "Dark")].into_iter().map(|(value, label)| html! {
                        <option value={value} selected={theme == value}>{ label }</option>
                    }) }
                </select>
                </span>
            </div>
            if let Some(url) = (*shared).clone() {
                <div class="share-result" role="status">
                    <label for="share-url">{ "Link copied. It holds the request and the simulator's steps:" }</label>
                    <input id="share-url" type="text" readonly=true value={url} onfocus={Callback::from(|e: FocusEvent| {
                        e.target_unchecked_into::<web_sys::HtmlInputElement>().select();
                    })} />
                    <button type="button" id="share-close" class="small-button" onclick={{
                        let shared = shared.clone();
                        Callback::from(move |_| shared.set(None))
                    }}>{ "Close" }</button>
                </div>
            }
        </header>
    }
}
