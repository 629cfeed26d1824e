//! The facade in Node (wasm-bindgen-test's default runtime). Run with
//! `cargo test -p chat-event-wasm --target wasm32-unknown-unknown --tests`.
#![cfg(target_arch = "wasm32")]

mod common;

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn json_round_trip_keeps_members_and_attribute_order() {
    common::json_round_trip_keeps_members_and_attribute_order();
}

#[wasm_bindgen_test]
fn parse_json_throws_located_chat_event_errors() {
    common::parse_json_throws_located_chat_event_errors();
}

#[wasm_bindgen_test]
fn wrong_arguments_throw_invalid_argument() {
    common::wrong_arguments_throw_invalid_argument();
}

#[wasm_bindgen_test]
fn validation_never_throws_for_json_text_or_objects() {
    common::validation_never_throws_for_json_text_or_objects();
}
