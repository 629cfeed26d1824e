//! `import::import`: pasted text of any format (JSON, YAML or a command), detected and read.
#![no_main]

use chat_event_core::import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = import::detect(text);
    let _ = import::import(text);
});
