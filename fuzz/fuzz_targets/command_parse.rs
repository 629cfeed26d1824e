//! Whole commands (`parseCommand`), and, when the command holds a typed request, the command
//! rendered from it for bash, which must parse back to the same request (unless the text has a NUL,
//! which no argument can hold: rendering cuts it there, with a warning).
#![no_main]

use chat_event_core::cli::command::{parse, render, RenderOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(parsed) = parse(text) else { return };
    let Some(request) = parsed.request else { return };
    if text.contains('\0') {
        return;
    }
    let rendered = render(&request, &RenderOptions::default());
    match parse(&rendered.text) {
        Ok(again) => assert_eq!(again.request.as_ref(), Some(&request), "{:?} reads back", rendered.text),
        Err(e) => panic!("{:?} does not parse: {e}", rendered.text),
    }
});
