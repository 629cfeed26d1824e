fn main() {
    yew::Renderer::<chat_event_playground::App>::new().render();
}
