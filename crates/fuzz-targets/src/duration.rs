//! The simulator's text inputs besides documents: a duration for `advance` (whose compact form must
//! read back to the same duration), a contact id and a timestamp.

use chat_event_core::simulator::clock::compact_duration;
use chat_event_core::simulator::{parse_duration, ContactId, Simulator, Timestamp};

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = text.parse::<ContactId>();
    let _ = text.parse::<Timestamp>();
    let Ok(millis) = parse_duration(text) else { return };
    let compact = compact_duration(millis);
    assert_eq!(parse_duration(&compact).ok(), Some(millis), "{compact:?} reads back");
    let _ = chat_event_core::simulator::human_duration(millis);
    if let Ok(mut sim) = Simulator::new(Default::default()) {
        let _ = sim.advance_millis(millis);
        let _ = sim.advance_millis(millis);
    }
}
