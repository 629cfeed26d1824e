//! Performance marks around an update: `cel-input` when an input event dispatches an action, and a
//! `cel-update` measure once the app has rendered it. The browser tests read the measures.

use std::cell::Cell;

thread_local! {
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Called by an input handler just before it dispatches.
pub fn input_started() {
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name("cel-input");
        let _ = p.mark("cel-input");
        PENDING.with(|c| c.set(true));
    }
}

/// Called after a render: closes the pending measure, if any.
pub fn update_rendered() {
    if PENDING.with(|c| c.replace(false)) {
        if let Some(p) = performance() {
            let _ = p.measure_with_start_mark("cel-update", "cel-input");
        }
    }
}
