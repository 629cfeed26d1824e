//! Text from a JS string into linear memory: the one move every text argument makes (and every
//! object argument, as the text `JSON.stringify` makes of it). The bench's floor module includes
//! this file too, so that an entry's floor moves text exactly as the entry does.

use wasm_bindgen::prelude::*;

/// A well-formed JS string's text, written into linear memory by the engine's
/// `TextEncoder.encodeInto` in one call. wasm-bindgen's own conversion copies the string's ASCII
/// part one code unit at a time in JS, which costs more for texts of the length this package is
/// given (requests, commands, shorthand).
///
/// A lone surrogate would become U+FFFD: callers check for one first, or hold text that cannot
/// have one.
pub(crate) fn string_of(text: &js_sys::JsString) -> String {
    // At most three UTF-8 bytes for each UTF-16 code unit.
    let mut bytes = vec![0; text.length() as usize * 3];
    let written = encode_into(text, &mut bytes);
    bytes.truncate(written);
    // SAFETY: the bytes are zeros and what the engine's UTF-8 encoder wrote, which is UTF-8 (the
    // Encoding Standard's encoder writes scalar values only). wasm-bindgen takes every `&str` and
    // `String` from JS on the same encoder's word, with the same `from_utf8_unchecked`; checking
    // here again cost 2–9 % of a call.
    unsafe { String::from_utf8_unchecked(bytes) }
}

// An engine whose TextEncoder lacks `encodeInto` (an old polyfill) encodes and copies instead, as
// wasm-bindgen's own glue does.
#[wasm_bindgen(inline_js = "const ENCODER = new TextEncoder();
export const encode_into = typeof ENCODER.encodeInto === 'function'
  ? (text, into) => ENCODER.encodeInto(text, into).written
  : (text, into) => { const bytes = ENCODER.encode(text); into.set(bytes); return bytes.length; };")]
extern "C" {
    fn encode_into(text: &js_sys::JsString, into: &mut [u8]) -> usize;
}
