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
fn validation_returns_cores_diagnostics_and_never_throws() {
    common::validation_returns_cores_diagnostics_and_never_throws();
}

#[wasm_bindgen_test]
fn parse_errors_name_the_member_at_fault() {
    common::parse_errors_name_the_member_at_fault();
}

#[wasm_bindgen_test]
fn field_help_covers_every_member() {
    common::field_help_covers_every_member();
}

#[wasm_bindgen_test]
fn cli_forms_match_core_and_fail_with_their_kind() {
    common::cli_forms_match_core_and_fail_with_their_kind();
}

#[wasm_bindgen_test]
fn simulator_class_runs_the_core_simulator() {
    common::simulator_class_runs_the_core_simulator();
}

#[wasm_bindgen_test]
fn scenario_examples_run_as_in_core() {
    common::scenario_examples_run_as_in_core();
}
