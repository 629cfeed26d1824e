//! The native rows of `cargo xtask bench`: Rust alone, on the corpus every runner reads. Each
//! Criterion group is a row id and each function an implementation (crates/bench/README.md), so
//! that the report finds `target/criterion/<id>/<impl>/new/estimates.json`.
//!
//! Alone: `cargo bench -p chat-event-bench --bench native` (a filter such as `validate` narrows it).

use std::hint::black_box;
use std::time::{Duration, Instant};

use chat_event_bench::corpus::Corpus;
use chat_event_core::cli::command::{self, RenderOptions};
use chat_event_core::cli::shorthand::{self, ShorthandValue};
use chat_event_core::simulator::{EndedBy, Settings, Simulator, What};
use chat_event_core::validate::{validate, validate_json, validate_value};
use chat_event_core::{Diagnostic, SendChatIntegrationEventRequest};
use criterion::{BenchmarkGroup, Criterion, Throughput};
use serde_json::Value;

type Group<'a> = BenchmarkGroup<'a, criterion::measurement::WallTime>;

/// One pass over `inputs` per iteration; the report divides by the count.
fn per_item<T>(group: &mut Group<'_>, name: &str, inputs: &[T], mut f: impl FnMut(&T)) {
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            for input in inputs {
                f(black_box(input));
            }
        })
    });
}

fn trees(texts: &[String]) -> Vec<Value> {
    texts.iter().map(|t| serde_json::from_str(t).expect("the corpus is JSON")).collect()
}

/// The least that validating a tree must read, with no rule and no finding: every member name,
/// every string of up to 256 bytes (the ids, ARNs, names and types, which the rules look into), and
/// only the length of a longer one (a Content or an attribute's value, which the rules measure but,
/// within their bounds, do not read). So a floor for the `native-tree` row, as the wasm rows have
/// theirs: the bytes are summed, which the compiler does many at a time.
fn read(value: &Value) -> usize {
    let sum = |bytes: &[u8]| bytes.iter().map(|&b| usize::from(b)).sum::<usize>();
    match value {
        Value::Object(members) => members.iter().map(|(name, v)| sum(name.as_bytes()) + read(v)).sum(),
        Value::Array(items) => items.iter().map(read).sum(),
        Value::String(s) if s.len() <= 256 => sum(s.as_bytes()),
        Value::String(s) => s.len(),
        _ => 1,
    }
}

fn validation(c: &mut Criterion, corpus: &Corpus) {
    let one = std::slice::from_ref(&corpus.one_valid_sms);
    for (id, texts) in [("validate.one-sms", one), ("validate.corpus", &corpus.validation[..])] {
        let values = trees(texts);
        let mut group = c.benchmark_group(id);
        per_item(&mut group, "native-text", texts, |t| drop(black_box(validate_json(t))));
        per_item(&mut group, "native-tree", &values, |v| drop(black_box(validate_value(v))));
        if texts.len() > 1 {
            // The requests with findings (errors or warnings) apart from those with none: building a
            // finding costs more than checking, and botocore finds fewer (report.rs says how many).
            let (clean, flagged): (Vec<&Value>, Vec<&Value>) =
                values.iter().partition(|v| validate_value(v).is_empty());
            per_item(&mut group, "native-tree-clean", &clean, |v| drop(black_box(validate_value(v))));
            per_item(&mut group, "native-tree-flagged", &flagged, |v| drop(black_box(validate_value(v))));
            per_item(&mut group, "native-tree-read", &values, |v| {
                black_box(read(v));
            });
            // The other floor: each request's findings, made beforehand, copied (as many allocations
            // and bytes as making them takes at the least, when they are returned as text).
            let found: Vec<Vec<Diagnostic>> = values.iter().map(validate_value).collect();
            per_item(&mut group, "native-findings-copy", &found, |d| drop(black_box(d.clone())));
        }
        if texts.len() == 1 {
            let typed: Vec<SendChatIntegrationEventRequest> =
                texts.iter().map(|t| SendChatIntegrationEventRequest::from_json(t).expect("valid")).collect();
            per_item(&mut group, "native-typed", &typed, |r| drop(black_box(validate(r))));
        }
        group.finish();
    }
}

fn shorthand_and_commands(c: &mut Criterion, corpus: &Corpus) {
    for (id, values) in [
        ("shorthand.event", &corpus.shorthand_event),
        ("shorthand.new-session-details", &corpus.shorthand_new_session_details),
    ] {
        let mut group = c.benchmark_group(id);
        per_item(&mut group, "native", values, |t| drop(black_box(shorthand::parse(t))));
        group.finish();
    }
    let texts: Vec<&str> = corpus.commands.iter().map(|c| c.text.as_str()).collect();
    let mut group = c.benchmark_group("command.parse");
    per_item(&mut group, "native", &texts, |t| drop(black_box(command::parse(t))));
    group.finish();
}

fn rendering(c: &mut Criterion, corpus: &Corpus) {
    let requests: Vec<SendChatIntegrationEventRequest> =
        corpus.render.iter().map(|t| SendChatIntegrationEventRequest::from_json(t).expect("valid")).collect();
    let options = RenderOptions::default();
    let mut group = c.benchmark_group("render.command-bash");
    per_item(&mut group, "native", &requests, |r| drop(black_box(command::render(r, &options))));
    group.finish();
    // toShorthand's input: the request's Event as a JSON tree, read into a shorthand value and written.
    let events: Vec<Value> = trees(&corpus.render).into_iter().map(|r| r["Event"].clone()).collect();
    let mut group = c.benchmark_group("render.shorthand");
    per_item(&mut group, "native", &events, |e| {
        drop(black_box(ShorthandValue::from_json(e).map(|v| shorthand::generate(&v))))
    });
    group.finish();
}

/// The simulator's request with customer number `n` as its SourceId (+1555NNNNNNN), written in place.
fn set_source(request: &mut SendChatIntegrationEventRequest, n: u64) {
    let source = request.source_id.get_or_insert_with(String::new);
    source.clear();
    source.push_str("+1555");
    let mut digits = [b'0'; 7];
    let mut v = n;
    for d in digits.iter_mut().rev() {
        *d = b'0' + (v % 10) as u8;
        v /= 10;
    }
    source.push_str(std::str::from_utf8(&digits).expect("ASCII digits"));
}

/// The create and the reuse path with 1 k, 100 k and 1 M active chats: with the default settings
/// (`native`), and with the request log and transcripts off (`native-lean`), what a load test of
/// create-or-reuse alone would choose.
fn simulator(c: &mut Criterion, corpus: &Corpus) {
    let lean = Settings { transcript_limit: 0, log_limit: 0, ..Settings::default() };
    for (label, chats) in [("1k", 1_000u64), ("100k", 100_000), ("1m", 1_000_000)] {
        for (name, settings) in [("native", Settings::default()), ("native-lean", lean.clone())] {
            simulator_rows(c, corpus, label, chats, name, settings);
        }
    }
}

fn simulator_rows(c: &mut Criterion, corpus: &Corpus, label: &str, chats: u64, name: &str, settings: Settings) {
    let mut request = SendChatIntegrationEventRequest::from_json(&corpus.simulator_request).expect("valid");
    let mut sim = Simulator::new(settings).expect("valid settings");
    for n in 0..chats {
        set_source(&mut request, n);
        assert_eq!(sim.send(&request).what, What::Created);
    }

    let mut group = c.benchmark_group(format!("simulator.reuse.{label}"));
    group.throughput(Throughput::Elements(1));
    let mut n = 0;
    group.bench_function(name, |b| {
        b.iter(|| {
            n = (n + 7919) % chats; // a prime stride, so that consecutive sends touch different chats
            set_source(&mut request, n);
            black_box(sim.send(&request))
        })
    });
    group.finish();

    // Each batch creates chats for new customers, then (untimed) ends them, so that the number
    // of active chats stays what the row says.
    let mut group = c.benchmark_group(format!("simulator.create.{label}"));
    group.throughput(Throughput::Elements(1));
    let mut next = chats;
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut created = Vec::with_capacity(iters as usize);
            let start = Instant::now();
            for _ in 0..iters {
                set_source(&mut request, next);
                next += 1;
                let outcome = sim.send(&request);
                created.push(outcome.contact_id);
            }
            let elapsed = start.elapsed();
            for id in created.into_iter().flatten() {
                sim.end_chat(id, EndedBy::Agent).expect("an active chat just created");
            }
            assert_eq!(sim.active_chat_count() as u64, chats);
            elapsed
        })
    });
    group.finish();
}

fn main() {
    let corpus = Corpus::generate();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
        .configure_from_args();
    validation(&mut c, &corpus);
    shorthand_and_commands(&mut c, &corpus);
    rendering(&mut c, &corpus);
    simulator(&mut c, &corpus);
    c.final_summary();
}
