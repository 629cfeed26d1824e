//! Bytes per active chat in the simulator, natively: the heap the simulator holds with a million
//! active chats (default settings), counted by a global allocator that adds up the sizes requested
//! (allocator overhead not included). Written as `native.json`'s row `simulator.bytes-per-chat`
//! into `$CHAT_EVENT_BENCH_RESULTS` (default target/bench/results).
//!
//! A binary of its own: the counting allocator would slow every timed benchmark beside it.

use chat_event_bench::corpus::Corpus;
use chat_event_core::simulator::{Settings, Simulator};
use chat_event_core::SendChatIntegrationEventRequest;

#[path = "../../core/tests/counting_alloc/mod.rs"]
mod counting_alloc;

const CHATS: u64 = 1_000_000;

fn main() {
    let corpus = Corpus::generate();
    let mut request = SendChatIntegrationEventRequest::from_json(&corpus.simulator_request).expect("valid");
    let before = counting_alloc::live();
    let mut sim = Simulator::new(Settings::default()).expect("default settings");
    for n in 0..CHATS {
        request.source_id = Some(format!("+1555{n:07}"));
        sim.send(&request);
    }
    assert_eq!(sim.active_chat_count() as u64, CHATS);
    let per_chat = (counting_alloc::live() - before) as f64 / CHATS as f64;
    drop(sim);

    let dir = std::env::var("CHAT_EVENT_BENCH_RESULTS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/bench/results").into());
    std::fs::create_dir_all(&dir).expect("results directory");
    let results = serde_json::json!({
        "runner": "native-memory",
        "versions": {},
        "results": [{
            "id": "simulator.bytes-per-chat", "impl": "native", "value": per_chat, "unit": "bytes",
            "per": "active chat", "reps": 1,
            "note": "native: heap bytes requested and still live with 1 M active chats (default settings), over 1 M; \
                     a SourceId of 12 bytes each included, allocator overhead not"
        }]
    });
    let path = std::path::Path::new(&dir).join("native-memory.json");
    std::fs::write(&path, results.to_string()).expect("write results");
    println!("simulator: {per_chat:.1} bytes per active chat with {CHATS} chats ({})", path.display());
}
