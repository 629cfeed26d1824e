fn main() {
    yew::Renderer::<chat_event_playground::App>::new().render();
    // An embed (`?embed=1&parent=…&frame=…`) tells its page how tall it is; otherwise nothing.
    chat_event_playground::embed::report_height();
}
