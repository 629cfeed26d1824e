//! The npm package `chat-event-lab`: a thin wasm-bindgen facade over `chat-event-core`.
