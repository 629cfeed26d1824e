//! Cost of validation alone (the simulator runs it on every send): a valid SMS message, a valid
//! request with every NewSessionDetails member, and a request with several problems (which pays for
//! building its diagnostics).
//!
//! Run briefly: `cargo bench -p chat-event-core --bench validate -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::time::Duration;

use chat_event_core::validate::validate;
use chat_event_core::SendChatIntegrationEventRequest;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const ARN: &str = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef";

fn parse(json: serde_json::Value) -> SendChatIntegrationEventRequest {
    chat_event_core::json::read::read(&json).expect("a request the model can hold")
}

fn cases() -> [(&'static str, SendChatIntegrationEventRequest, usize); 3] {
    let sms = parse(serde_json::json!({
        "SourceId": "+15551234567",
        "DestinationId": ARN,
        "Subtype": "connect:sms",
        "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "Where is my order?"}
    }));
    let full = parse(serde_json::json!({
        "SourceId": "+15551234567",
        "DestinationId": ARN,
        "Subtype": "connect:WhatsApp",
        "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "Hola, necesito ayuda con mi pedido"},
        "NewSessionDetails": {
            "SupportedMessagingContentTypes": ["text/plain", "text/markdown", "application/json"],
            "ParticipantDetails": {"DisplayName": "Ana García"},
            "Attributes": {"customer-id": "42", "tier": "gold", "locale": "es-ES"},
            "StreamingConfiguration": {"StreamingEndpointArn": "arn:aws:sns:us-east-1:123456789012:chat-stream"}
        }
    }));
    // Empty SourceId, no DestinationId, a Subtype in the wrong case, a lower-case Type, no ContentType.
    let problems = parse(serde_json::json!({
        "SourceId": "",
        "Subtype": "connect:Sms",
        "Event": {"Type": "message", "Content": "hi"},
        "NewSessionDetails": {"SupportedMessagingContentTypes": ["text/markdown"]}
    }));
    [("valid-sms", sms, 0), ("valid-full-new-session", full, 0), ("several-problems", problems, 4)]
}

fn validation(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate");
    group.throughput(Throughput::Elements(1));
    for (name, request, at_least) in cases() {
        // The benchmark means something only if the cases are what they say.
        let found = validate(&request).len();
        assert!(if at_least == 0 { found == 0 } else { found >= at_least }, "{name}: {found} diagnostics");
        group.bench_function(name, |b| b.iter(|| validate(black_box(&request))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = validation
}
criterion_main!(benches);
