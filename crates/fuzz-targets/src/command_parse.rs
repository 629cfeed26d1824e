//! Whole commands (`parseCommand`), in the shell each is taken to be written for, and, when the
//! command holds a typed request, the command rendered from it for that shell, which must parse
//! back in it to the same request (unless the request holds a NUL, which no argument can hold:
//! rendering cuts it there, with a warning; nor a line break for cmd.exe, which cannot pass one).

use chat_event_core::cli::command::{parse, parse_in, render, RenderOptions};
use chat_event_core::cli::shell::Shell;
use chat_event_core::json;

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(parsed) = parse(text) else { return };
    let Some(request) = parsed.request else { return };
    // A NUL can come from the text or from an escape (YAML's `\0`, JSON's `\u0000`).
    if json::write::text(&json::to_value(&request)).contains("\\u0000") {
        return;
    }
    let shell = parsed.shell.shell;
    let rendered = render(&request, &RenderOptions { shell, ..RenderOptions::default() });
    if shell == Shell::Cmd && rendered.argv.iter().any(|a| a.contains(['\n', '\r'])) {
        return;
    }
    match parse_in(&rendered.text, Some(shell)) {
        Ok(again) => assert_eq!(again.request.as_ref(), Some(&request), "{:?} reads back", rendered.text),
        Err(e) => panic!("{:?} does not parse: {e}", rendered.text),
    }
}
