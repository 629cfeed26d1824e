//! Field help by member path (`fieldHelp`): any path, a diagnostic's included.

use chat_event_core::help;

pub fn run(data: &[u8]) {
    let Ok(path) = std::str::from_utf8(data) else { return };
    let _ = help::field_help(path);
}
