//! The floor of each wasm entry point: what moving the same argument in and the same result out
//! costs, with no work between. `cargo xtask bench` shows each entry's time as a multiple of its
//! floor, so that the boundary and the work can be told apart.
//!
//! The moves are the cheapest generic ones, whatever design the package uses:
//! - a text argument is copied into linear memory by the engine's `TextEncoder.encodeInto`, with
//!   the package's own `string_of` (crates/wasm/src/text.rs, included here): wasm-bindgen's
//!   `&str` copies ASCII one code unit at a time in JS, which costs more;
//! - an object argument is written as JSON text by the engine's own `JSON.stringify`, then copied
//!   in the same way (a walk of the object through `Reflect` calls costs more per member);
//! - the result is made in JS by `JSON.parse` of text held in linear memory, the text the real
//!   entry's result writes as (loaded beforehand, so making it is not counted), or returned as a
//!   string when the entry returns one.

use std::cell::RefCell;
use std::hint::black_box;

use wasm_bindgen::prelude::*;

#[path = "../../../wasm/src/text.rs"]
mod text;

thread_local! {
    /// The results to hand back, one per input of the row being measured.
    static RESULTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Holds the results of the next row: `results[i]` is what input `i` gives.
#[wasm_bindgen]
pub fn load(results: Vec<String>) {
    RESULTS.with(|r| *r.borrow_mut() = results);
}

fn result(i: usize) -> Result<JsValue, JsValue> {
    RESULTS.with(|r| match r.borrow().get(i) {
        Some(text) => js_sys::JSON::parse(text),
        None => Err(JsValue::from_str("no result loaded at that index")),
    })
}

fn result_text(i: usize) -> Result<String, JsValue> {
    RESULTS.with(|r| r.borrow().get(i).cloned().ok_or_else(|| JsValue::from_str("no result loaded at that index")))
}

/// The argument's content in linear memory, as JSON text.
fn take_object(value: &JsValue) -> Result<(), JsValue> {
    let text = js_sys::JSON::stringify(value)?;
    black_box(text::string_of(&text));
    Ok(())
}

/// A text argument in, a value out (`validateJson`, `parseShorthand`, `parseCommand`).
#[wasm_bindgen(js_name = textToValue)]
pub fn text_to_value(text: JsValue, i: usize) -> Result<JsValue, JsValue> {
    // The entries take any value and check that it is text; the floor only reads it.
    black_box(text.dyn_ref::<js_sys::JsString>().map(text::string_of));
    result(i)
}

/// An object in, a value out (`validate`, `renderCommand`, `Simulator.send`).
#[wasm_bindgen(js_name = objectToValue)]
pub fn object_to_value(value: JsValue, i: usize) -> Result<JsValue, JsValue> {
    take_object(&value)?;
    result(i)
}

/// An object in, a string out (`toShorthand`).
#[wasm_bindgen(js_name = objectToText)]
pub fn object_to_text(value: JsValue, i: usize) -> Result<String, JsValue> {
    take_object(&value)?;
    result_text(i)
}
