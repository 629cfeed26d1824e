//! `Simulator.restore` on any text; a restored simulator is used (a send, an advance, the
//! queries), and its own snapshot must restore too.

use chat_event_core::simulator::Simulator;
use chat_event_core::SendChatIntegrationEventRequest;

const MESSAGE: &str = r#"{"SourceId":"+15551234567","DestinationId":"arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0123456789abcdef","Subtype":"connect:sms","Event":{"Type":"MESSAGE","ContentType":"text/plain","Content":"Hi"}}"#;

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(mut sim) = Simulator::restore(text) else { return };
    let snapshot = sim.snapshot();
    if let Err(e) = Simulator::restore(&snapshot) {
        panic!("a restored simulator's snapshot does not restore: {e}\n{snapshot}");
    }
    for contact in sim.contacts() {
        let _ = sim.transcript(contact.contact_id);
    }
    let _ = sim.log();
    if let Ok(request) = SendChatIntegrationEventRequest::from_json(MESSAGE) {
        let _ = sim.send(&request);
    }
    let _ = sim.advance_millis(25 * 3_600_000);
    let _ = sim.active_chats();
    let _ = Simulator::restore(&sim.snapshot()).map_err(|e| panic!("after a send and an advance: {e}"));
}
