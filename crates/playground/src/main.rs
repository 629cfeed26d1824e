fn main() {
    yew::Renderer::<chat_event_playground::App>::new().render();
    // An embed (`?embed=1&parent=…&frame=…`) tells its page how tall it is; otherwise nothing.
    chat_event_playground::embed::report_height();
}

// Talc instead of Rust's default dlmalloc: the same allocator interface, fewer bytes of wasm.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
