//! The generic shorthand parser (`parseShorthand`), and the generator on what it parsed
//! (`toShorthand`): when the generator writes a value, the parser must read back exactly that value.

use chat_event_core::cli::shorthand;
use chat_event_core::json::ToJson;

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = shorthand::parse(text) else { return };
    let _ = value.to_json();
    if let Ok(written) = shorthand::generate(&value) {
        assert_eq!(shorthand::parse(&written).as_ref(), Ok(&value), "{written:?} reads back");
    }
}
