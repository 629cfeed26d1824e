//! Scale: many active chats in one process, within 256 bytes per chat beyond its strings.
//! Memory is counted by a global allocator in this test binary (requested bytes, live).

use chat_event_core::simulator::{Settings, Simulator, What};
use chat_event_core::SendChatIntegrationEventRequest;

mod counting_alloc;

const ARN: &str = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef";
const BUDGET: f64 = 256.0;

/// Creates `n` active chats with distinct 12-byte SourceIds; returns bytes per chat beyond its strings.
fn bytes_per_chat(n: u64) -> f64 {
    // The counter is process-wide: measure one test at a time.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut request: SendChatIntegrationEventRequest = chat_event_core::json::read::read(&serde_json::json!({
        "SourceId": "+15550000000", "DestinationId": ARN, "Subtype": "connect:sms",
        "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "hi"}
    }))
    .unwrap();
    let before = counting_alloc::live();
    let mut sim = Simulator::new(Settings { transcript_limit: 0, log_limit: 0, ..Settings::default() }).unwrap();
    for i in 0..n {
        request.source_id = Some(format!("+1555{i:07}"));
        let o = sim.send(&request);
        assert_eq!(o.what, What::Created);
    }
    assert_eq!(sim.active_chat_count() as u64, n);
    drop(request);
    let live = (counting_alloc::live() - before) as f64;
    let strings = (n * 12) as f64 + ARN.len() as f64 + 11.0;
    let per_chat = (live - strings) / n as f64;
    // The queries still see every chat.
    assert_eq!(sim.active_chats().len() as u64, n);
    drop(sim);
    per_chat
}

#[test]
fn a_hundred_thousand_active_chats_fit_the_memory_budget() {
    let per_chat = bytes_per_chat(100_000);
    assert!(per_chat <= BUDGET, "{per_chat:.1} bytes per chat beyond its strings, budget {BUDGET}");
    assert!(per_chat > 56.0, "the count must at least include the contact record: {per_chat:.1}");
}

#[test]
#[ignore = "a million sends take about 10 s in a debug build; the benchmark measures this in release (cargo xtask bench)"]
fn a_million_active_chats_fit_the_memory_budget() {
    let per_chat = bytes_per_chat(1_000_000);
    assert!(per_chat <= BUDGET, "{per_chat:.1} bytes per chat beyond its strings, budget {BUDGET}");
}
