//! Throughput of the create and reuse paths (validation included: it runs on every send), and
//! memory per active chat, measured with a counting global allocator.
//!
//! Run briefly: `cargo bench -p chat-event-core --bench simulator -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::time::{Duration, Instant};

use chat_event_core::simulator::{Settings, Simulator, What};
use chat_event_core::SendChatIntegrationEventRequest;
use criterion::{criterion_group, Criterion, Throughput};

#[path = "../tests/counting_alloc/mod.rs"]
mod counting_alloc;

const ARN: &str = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef";

fn request() -> SendChatIntegrationEventRequest {
    chat_event_core::json::read::read(&serde_json::json!({
        "SourceId": "+15550000000",
        "DestinationId": ARN,
        "Subtype": "connect:sms",
        "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "Where is my order?"}
    }))
    .unwrap()
}

/// Writes customer number `n` into the request's SourceId in place (no allocation): +1555NNNNNNN.
fn set_source(r: &mut SendChatIntegrationEventRequest, n: u64) {
    let s = r.source_id.get_or_insert_with(String::new);
    s.clear();
    s.push_str("+1555");
    let mut digits = [b'0'; 7];
    let mut v = n;
    for d in digits.iter_mut().rev() {
        *d = b'0' + (v % 10) as u8;
        v /= 10;
    }
    s.push_str(std::str::from_utf8(&digits).unwrap());
}

fn lean() -> Settings {
    Settings { transcript_limit: 0, log_limit: 0, ..Settings::default() }
}

fn configs() -> [(&'static str, Settings); 2] {
    [("lean", lean()), ("defaults", Settings::default())]
}

fn reuse(c: &mut Criterion) {
    let mut group = c.benchmark_group("reuse");
    group.throughput(Throughput::Elements(1));
    const CHATS: u64 = 10_000;
    for (name, settings) in configs() {
        let mut sim = Simulator::new(settings).unwrap();
        let mut requests = Vec::new();
        for n in 0..CHATS {
            let mut r = request();
            set_source(&mut r, n);
            assert_eq!(sim.send(&r).what, What::Created);
            requests.push(r);
        }
        let mut i = 0usize;
        group.bench_function(name, |b| {
            b.iter(|| {
                i = (i + 1) % requests.len();
                let o = sim.send(black_box(&requests[i]));
                debug_assert_eq!(o.what, What::Reused);
                black_box(o)
            })
        });
    }
    group.finish();
}

fn create(c: &mut Criterion) {
    let mut group = c.benchmark_group("create");
    group.throughput(Throughput::Elements(1));
    for (name, settings) in configs() {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                // A fresh simulator per batch, so every send creates a chat.
                let mut sim = Simulator::new(settings.clone()).unwrap();
                let mut r = request();
                let start = Instant::now();
                for n in 0..iters {
                    set_source(&mut r, n);
                    black_box(sim.send(&r));
                }
                let elapsed = start.elapsed();
                drop(black_box(sim));
                elapsed
            })
        });
    }
    group.finish();
}

/// Memory per active chat beyond its strings, for a million chats with distinct SourceIds.
fn memory() {
    const N: u64 = 1_000_000;
    for (name, settings) in configs() {
        let before = counting_alloc::live();
        let mut sim = Simulator::new(settings).unwrap();
        let mut r = request();
        let started = Instant::now();
        for n in 0..N {
            set_source(&mut r, n);
            sim.send(&r);
        }
        let elapsed = started.elapsed();
        assert_eq!(sim.active_chat_count() as u64, N);
        drop(r);
        let bytes = (counting_alloc::live() - before) as f64;
        // Each SourceId is 12 bytes; the ARN and the Subtype are shared by all chats.
        let strings = (N * 12 + ARN.len() as u64 + "connect:sms".len() as u64) as f64;
        println!(
            "memory/{name}: {N} active chats, {:.1} MB live, {:.1} bytes per chat beyond its strings \
             (store alone: {:.1}); created in {:.2?} ({:.2} M creates/s)",
            bytes / 1e6,
            (bytes - strings) / N as f64,
            (sim.store_heap_bytes() as f64 - strings) / N as f64,
            elapsed,
            N as f64 / elapsed.as_secs_f64() / 1e6,
        );
        drop(sim);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = reuse, create
}

fn main() {
    memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
