//! The generic shorthand parser (`parseShorthand`), and the generator on what it parsed
//! (`toShorthand`): when the generator writes a value, the parser must read back exactly that value.
#![no_main]

use chat_event_core::cli::shorthand;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(value) = shorthand::parse(text) else { return };
    let _ = value.to_json();
    if let Ok(written) = shorthand::generate(&value) {
        assert_eq!(shorthand::parse(&written).as_ref(), Ok(&value), "{written:?} reads back");
    }
});
