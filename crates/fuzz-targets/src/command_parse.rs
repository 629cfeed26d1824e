//! Whole commands (`parseCommand`), and, when the command holds a typed request, the command
//! rendered from it for bash, which must parse back to the same request (unless the request holds a NUL,
//! which no argument can hold: rendering cuts it there, with a warning).

use chat_event_core::cli::command::{parse, render, RenderOptions};
use chat_event_core::json;

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(parsed) = parse(text) else { return };
    let Some(request) = parsed.request else { return };
    // A NUL can come from the text or from an escape (YAML's `\0`, JSON's `\u0000`).
    if json::write::text(&json::to_value(&request)).contains("\\u0000") {
        return;
    }
    let rendered = render(&request, &RenderOptions::default());
    match parse(&rendered.text) {
        Ok(again) => assert_eq!(again.request.as_ref(), Some(&request), "{:?} reads back", rendered.text),
        Err(e) => panic!("{:?} does not parse: {e}", rendered.text),
    }
}
