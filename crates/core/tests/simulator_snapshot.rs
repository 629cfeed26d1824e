//! Snapshots: a round trip keeps everything, and a restored simulator carries on exactly as the
//! original would; newer or corrupt snapshots are refused with a clear error.

use chat_event_core::simulator::snapshot::{SNAPSHOT_FORMAT, SNAPSHOT_VERSION};
use chat_event_core::simulator::{EndedBy, Settings, Simulator, SnapshotError, Throttling};
use chat_event_core::SendChatIntegrationEventRequest;
use serde_json::{json, Value};

fn send(source: &str, kind: &str) -> SendChatIntegrationEventRequest {
    let event = match kind {
        "MESSAGE" => {
            json!({"Type": "MESSAGE", "ContentType": "text/plain", "Content": format!("from {source}")})
        }
        _ => json!({"Type": kind}),
    };
    chat_event_core::json::read::read(&json!({
        "SourceId": source,
        "DestinationId": "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef",
        "Subtype": "connect:sms",
        "Event": event,
        "NewSessionDetails": {"ParticipantDetails": {"DisplayName": "Ana"}, "Attributes": {"k": "v"}}
    }))
    .unwrap()
}

/// A simulator that has seen every kind of state: active, disconnected, agent-ended and expired
/// contacts, a follower, transcripts, a log, a throttling bucket and internal-error draws.
fn busy() -> Simulator {
    let settings = Settings {
        seed: 5,
        transcript_limit: 3,
        log_limit: 4,
        faults: chat_event_core::simulator::Faults {
            throttling: Some(Throttling { rate_per_second: 100.0, burst: 50 }),
            internal_error_probability: 0.2,
            ..Default::default()
        },
        ..Settings::default()
    };
    let mut sim = Simulator::new(settings).unwrap();
    for source in ["+15550000001", "+15550000002", "+15550000003", "+15550000004"] {
        for _ in 0..3 {
            sim.send(&send(source, "MESSAGE"));
        }
    }
    sim.advance_millis(60_000);
    sim.send(&send("+15550000002", "DISCONNECT"));
    if let Some(c) = sim.active_contact_for(
        "+15550000003",
        "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef",
        Some("connect:sms"),
    ) {
        sim.end_chat(c.contact_id, EndedBy::Agent).unwrap();
    }
    sim.advance_millis(25 * 3_600_000);
    sim.send(&send("+15550000001", "MESSAGE"));
    sim.send(&send("+15550000005", "MESSAGE"));
    sim
}

#[test]
fn round_trip_keeps_everything() {
    let sim = busy();
    let text = sim.snapshot();
    let restored = Simulator::restore(&text).unwrap();
    assert_eq!(restored.snapshot(), text);
    assert_eq!(restored.contacts(), sim.contacts());
    assert_eq!(restored.log(), sim.log());
    assert_eq!(restored.now(), sim.now());
    for c in sim.contacts() {
        assert_eq!(restored.transcript(c.contact_id), sim.transcript(c.contact_id));
    }
    assert!(sim.contacts().len() >= 5, "the fixture covers several contacts");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], SNAPSHOT_FORMAT);
    assert_eq!(v["version"], SNAPSHOT_VERSION);
}

#[test]
fn a_restored_simulator_carries_on_identically() {
    let mut a = busy();
    let mut b = Simulator::restore(&a.snapshot()).unwrap();
    for step in 0..40 {
        let source = format!("+1555000000{}", step % 7);
        let kind = if step % 5 == 4 { "DISCONNECT" } else { "MESSAGE" };
        assert_eq!(a.send(&send(&source, kind)), b.send(&send(&source, kind)), "step {step}");
        if step % 9 == 0 {
            assert_eq!(a.advance_millis(13 * 3_600_000), b.advance_millis(13 * 3_600_000));
        }
    }
    assert_eq!(a.snapshot(), b.snapshot());
}

fn edit(text: &str, f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(text).unwrap();
    f(&mut v);
    v.to_string()
}

#[test]
fn newer_and_corrupt_snapshots_are_refused_clearly() {
    let good = busy().snapshot();
    let cases: Vec<(String, &str)> = vec![
        ("{ not json".into(), "not valid JSON (line 1, column 3)"),
        ("[]".into(), "no \"format\""),
        (r#"{"format": "something else"}"#.into(), "format is \"something else\""),
        (edit(&good, |v| v["version"] = json!(SNAPSHOT_VERSION + 1)), "version 2, written by a newer chat-event-lab"),
        (edit(&good, |v| v["version"] = json!(0)), "corrupt at version"),
        (
            edit(&good, |v| v["contacts"][1]["contactId"] = v["contacts"][0]["contactId"].clone()),
            "contacts[1].contactId",
        ),
        (edit(&good, |v| v["contacts"][0]["expiresAt"] = json!("2030-01-01T00:00:00Z")), "contacts[0].expiresAt"),
        (edit(&good, |v| v["contacts"][0]["status"] = json!("active")), "contacts[0]"),
        (edit(&good, |v| v["contacts"][0]["follows"] = v["contacts"][0]["contactId"].clone()), "contacts[0].follows"),
        (edit(&good, |v| v["contacts"][0]["supportedMessagingContentTypes"] = json!(["text/html"])), "text/html"),
        (edit(&good, |v| v["settings"]["chatDurationMinutes"] = json!(5)), "chatDurationMinutes"),
        (
            edit(&good, |v| v["transcripts"][0]["entries"][0]["messageId"] = v["contacts"][0]["contactId"].clone()),
            "transcripts[0].entries[0].messageId",
        ),
        (
            edit(&good, |v| v["unexpected"] = json!(1)),
            "corrupt at unexpected: unknown member \"unexpected\"; expected \"format\", \"version\"",
        ),
        (edit(&good, |v| v["now"] = json!("yesterday")), "corrupt at now: invalid timestamp \"yesterday\""),
        (
            edit(&good, |v| v["contacts"][1]["status"] = json!("open")),
            "corrupt at contacts[1].status: expected \"active\", \"ended\" or \"expired\", found \"open\"",
        ),
        (
            edit(&good, |v| v["contacts"][0]["nickname"] = json!("x")),
            "corrupt at contacts[0].nickname: unknown member \"nickname\"",
        ),
        (
            edit(&good, |v| v["contacts"][0]["contactId"] = json!("c-1")),
            "corrupt at contacts[0].contactId: \"c-1\" is not a UUID",
        ),
        (
            edit(&good, |v| v["rngState"] = json!(-1)),
            "corrupt at rngState: expected a whole number from 0, found the number -1",
        ),
        (
            edit(&good, |v| {
                if let Some(o) = v["contacts"][0].as_object_mut() {
                    o.remove("messageCount");
                }
            }),
            "corrupt at contacts[0]: the member \"messageCount\" is missing",
        ),
        (
            edit(&good, |v| v["log"][0]["outcome"]["response"] = json!({"fine": {}})),
            "corrupt at log[0].outcome.response.fine: unknown member \"fine\"; expected \"ok\" or \"error\"",
        ),
        (
            edit(&good, |v| v["log"][0]["request"] = json!({"SourceId": 5})),
            "corrupt at log[0].request.SourceId: expected a string, found the number 5",
        ),
        (
            edit(&good, |v| v["bucket"] = json!({"tokens": "many", "updatedAtMillis": 0})),
            "corrupt at bucket.tokens: expected a number, found the string \"many\"",
        ),
        (
            edit(&good, |v| v["transcripts"][0]["entries"][0]["at"] = json!(true)),
            "corrupt at transcripts[0].entries[0].at: expected an ISO-8601 UTC timestamp",
        ),
        ("[1]".into(), "no \"format\""),
    ];
    for (text, needle) in cases {
        let err = Simulator::restore(&text).err().unwrap_or_else(|| panic!("accepted: {needle}"));
        assert!(err.to_string().contains(needle), "{needle}: {err}");
    }
    let err = Simulator::restore(&edit(&good, |v| v["version"] = json!(7))).err().unwrap();
    assert_eq!(err, SnapshotError::NewerVersion { found: 7, supported: SNAPSHOT_VERSION });
}

/// What a snapshot may leave out or add: `transcripts`, `log` and `bucket` may be absent; unknown
/// members are ignored where the types always ignored them (outcomes, transcript entries) and
/// refused elsewhere (the document, contacts, log entries; tested above).
#[test]
fn optional_parts_may_be_absent_and_lenient_parts_ignore_extra_members() {
    let good = busy().snapshot();
    let without = edit(&good, |v| {
        if let Some(o) = v.as_object_mut() {
            o.remove("transcripts");
            o.remove("log");
        }
    });
    let restored = Simulator::restore(&without).unwrap();
    assert!(restored.log().is_empty());
    assert_eq!(restored.contacts(), busy().contacts());
    let extra = edit(&good, |v| {
        v["log"][0]["outcome"]["later"] = json!(1);
        v["log"][0]["outcome"]["response"] =
            json!({"error": {"Type": "ThrottlingException", "HttpStatus": 429, "Message": "m", "later": 2}});
        v["transcripts"][0]["entries"][0]["later"] = json!(3);
    });
    let restored = Simulator::restore(&extra).unwrap();
    assert_eq!(restored.log()[0].outcome.http_status(), 429);
    assert_eq!(restored.log()[1..], busy().log()[1..]);
    // An empty bucket member reads as no bucket, as it did; a partial one is refused.
    let no_bucket = Simulator::restore(&edit(&good, |v| v["bucket"] = Value::Null)).unwrap();
    assert_eq!(no_bucket.contacts(), busy().contacts());
    let err = Simulator::restore(&edit(&good, |v| v["bucket"] = json!({"tokens": 1.5}))).unwrap_err();
    assert_eq!(
        err,
        SnapshotError::Corrupt { path: "bucket".into(), message: "the member \"updatedAtMillis\" is missing".into() }
    );
}

/// Restoring recomputes each contact's matching form of its Subtype as `send` does: ASCII letters
/// folded when case is ignored, anything else as written.
#[test]
fn a_case_insensitive_snapshot_matches_subtypes_as_before() {
    let settings = Settings {
        subtype_matching: chat_event_core::simulator::SubtypeMatching::CaseInsensitive,
        ..Settings::default()
    };
    let mut sim = Simulator::new(settings).unwrap();
    let with_subtype = |subtype: &str| {
        let mut r = send("+15550000009", "MESSAGE");
        r.subtype = Some(subtype.into());
        r
    };
    let sms = sim.send(&with_subtype("connect:SMS"));
    let accented = sim.send(&with_subtype("connect:É"));
    let mut restored = Simulator::restore(&sim.snapshot()).unwrap();
    for (subtype, expected) in
        [("connect:sms", sms.contact_id), ("CONNECT:SMS", sms.contact_id), ("connect:É", accented.contact_id)]
    {
        assert_eq!(restored.send(&with_subtype(subtype)).contact_id, expected, "{subtype}");
    }
    let other = restored.send(&with_subtype("connect:é"));
    assert_ne!(other.contact_id, accented.contact_id);
}

#[test]
fn log_retention_applies_on_restore() {
    let sim = busy();
    assert_eq!(sim.log().len(), 4);
    assert_eq!(sim.log().last().map(|e| e.number), Some(sim.request_count()));
}
