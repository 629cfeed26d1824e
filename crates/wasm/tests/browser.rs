//! The facade in headless Chromium (through chromedriver). Run with
//! `cargo test -p chat-event-wasm --target wasm32-unknown-unknown --tests`.
#![cfg(target_arch = "wasm32")]

mod common;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

all_facade_tests!();
