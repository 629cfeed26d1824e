fn main() {
    // One wasm for both layouts: an embed is the same app with its own layout and no saving.
    if chat_event_playground::embed::requested() {
        yew::Renderer::<chat_event_playground::embed::Embed>::new().render();
    } else {
        yew::Renderer::<chat_event_playground::App>::new().render();
    }
}
