//! Small browser helpers: focus an element, copy text, read and set the URL fragment.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Focuses the element with this id, scrolling it into view.
pub fn focus(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view_with_bool(false);
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Copies text with the asynchronous clipboard API; false when the browser has none. No result is
/// awaited: a refused copy leaves the text selectable on screen.
pub fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let navigator = w.navigator();
    // The API is missing outside secure contexts; then the text stays on screen to select.
    let has = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if has {
        let _ = navigator.clipboard().write_text(text);
    }
    has
}

/// The URL fragment, without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// Calls `f` on every `hashchange` of the window, until the returned listener is dropped.
pub fn on_hash_change(f: impl Fn() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    window.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref()).ok()?;
    Some(EventListener { target: window.into(), event: "hashchange", closure })
}

/// A listener added by this module; dropping it removes it.
pub struct EventListener {
    target: web_sys::EventTarget,
    event: &'static str,
    closure: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl Drop for EventListener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.event, self.closure.as_ref().unchecked_ref());
    }
}

/// The page URL with this fragment, without reloading or adding a history entry.
pub fn replace_fragment(fragment: &str) -> Option<String> {
    let w = web_sys::window()?;
    let loc = w.location();
    let base = format!("{}{}{}", loc.origin().ok()?, loc.pathname().ok()?, loc.search().ok()?);
    let url = if fragment.is_empty() { base } else { format!("{base}#{fragment}") };
    w.history().ok()?.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)).ok()?;
    Some(url)
}

/// The full playground's URL (this page without its query) with `fragment`.
pub fn playground_link(fragment: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| {
            let loc = w.location();
            Some(format!("{}{}", loc.origin().ok()?, loc.pathname().ok()?))
        })
        .unwrap_or_default();
    if fragment.is_empty() {
        base
    } else {
        format!("{base}#{fragment}")
    }
}

/// Whether this page is inside a frame of another page (`window.top` is not this window).
pub fn is_framed() -> bool {
    let Some(w) = web_sys::window() else { return false };
    match w.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &w),
        // A top window that cannot be read at all is another page's.
        _ => true,
    }
}

/// Sets the theme on the root element (`data-theme="auto|light|dark"`), read by the CSS.
pub fn set_theme(theme: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", theme);
    }
}
