//! Field help by member path (`fieldHelp`): any path, a diagnostic's included.
#![no_main]

use chat_event_core::help;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|path: &str| {
    let _ = help::field_help(path);
});
