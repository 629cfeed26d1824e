//! The facade in Node (wasm-bindgen-test's default runtime). Run with
//! `cargo test -p chat-event-wasm --target wasm32-unknown-unknown --tests`.
#![cfg(target_arch = "wasm32")]

mod common;

all_facade_tests!();
