//! The model-aware structure parser (`parseParameter`: `--event` and `--new-session-details`,
//! JSON or shorthand), then the structure generator (`toParameterShorthand`) on its result.
//! The first byte picks the structure.

use chat_event_core::cli::shorthand::model::{generate_structure, parse_structure};
use chat_event_core::shape::{Shape, REQUEST};

pub fn run(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let name = if pick & 1 == 0 { "Event" } else { "NewSessionDetails" };
    let Some(Shape::Structure(structure)) = REQUEST.member(name).map(|m| m.shape) else { return };
    let Ok(parsed) = parse_structure(text, structure, name) else { return };
    if let Ok(written) = generate_structure(&parsed.value, structure) {
        match parse_structure(&written, structure, name) {
            Ok(again) => assert_eq!(again.value, parsed.value, "{written:?} reads back"),
            Err(e) => panic!("{written:?}, written for {}, does not read back: {e}", parsed.value),
        }
    }
}
