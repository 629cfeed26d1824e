//! The typed validator is the simulator's hot path: for a valid request it allocates nothing
//! beyond the empty Vec (which does not allocate either), except that a read or delivered
//! receipt's content is read as a small JSON tree (through `json::read`, the one way to read
//! typed values) to find its `messageId`. Counted with a wrapping global allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use chat_event_core::validate::validate;
use chat_event_core::SendChatIntegrationEventRequest;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

const DEST: &str = "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-abc";

fn valid_requests() -> Vec<SendChatIntegrationEventRequest> {
    let long = "é".repeat(1_000);
    [
        format!(r#"{{"SourceId":"+15551234567","DestinationId":"{DEST}","Subtype":"connect:sms","Event":{{"Type":"MESSAGE","ContentType":"text/plain","Content":"hi"}}}}"#),
        format!(r#"{{"SourceId":"+15551234567","DestinationId":"{DEST}","Subtype":"connect:WhatsApp","Event":{{"Type":"MESSAGE","ContentType":"text/plain","Content":"{long}"}},
            "NewSessionDetails":{{"SupportedMessagingContentTypes":["text/plain","text/markdown"],"ParticipantDetails":{{"DisplayName":"Ana"}},
            "Attributes":{{"customer-id":"42","tier":"gold"}},"StreamingConfiguration":{{"StreamingEndpointArn":"arn:aws:sns:us-east-1:111122223333:chat"}}}}}}"#),
        format!(r#"{{"SourceId":"+15551234567","DestinationId":"{DEST}","Event":{{"Type":"EVENT","ContentType":"application/vnd.amazonaws.connect.event.message.read","Content":"{{\"messageId\":\"m-1\"}}"}}}}"#),
        r#"{"SourceId":"customer-7","DestinationId":"desk","Subtype":"acme:chat","Event":{"Type":"MESSAGE","ContentType":"application/json","Content":"{\"a\":[1,2,{\"b\":null}]}"}}"#.to_string(),
        format!(r#"{{"SourceId":"+15551234567","DestinationId":"{DEST}","Subtype":"connect:SMS","Event":{{"Type":"DISCONNECT"}}}}"#),
    ]
    .iter()
    .map(|t| SendChatIntegrationEventRequest::from_json(t).expect("valid JSON"))
    .collect()
}

#[test]
fn a_valid_request_allocates_nothing() {
    for request in valid_requests() {
        let mut diagnostics = Vec::new();
        let n = allocations_during(|| diagnostics = validate(&request));
        // Custom subtypes warn; everything else here is clean.
        if request.subtype.as_deref() == Some("acme:chat") {
            assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
            continue;
        }
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        // A receipt's `{"messageId":"m-1"}`: its map, key, value, the id read and the reader's
        // list of members asked for.
        let allowed = if request.event.as_ref().and_then(|e| e.content.as_deref()) == Some(r#"{"messageId":"m-1"}"#) {
            6
        } else {
            0
        };
        assert_eq!(n, allowed, "allocations while validating {}", request.to_json_pretty());
    }
}

#[test]
fn an_invalid_request_allocates_only_for_its_diagnostics() {
    let request =
        SendChatIntegrationEventRequest::from_json(r#"{"SourceId":"","Event":{"Type":"message"}}"#).expect("json");
    let mut d = Vec::new();
    let n = allocations_during(|| d = validate(&request));
    assert_eq!(d.len(), 3, "{d:#?}");
    assert!(n > 0);
}
