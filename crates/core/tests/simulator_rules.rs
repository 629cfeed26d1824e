//! The simulator's rules, one test per rule, each with both sides of its boundary.

use chat_event_core::json::read::read;
use chat_event_core::simulator::{
    ContactStatus, EndChatError, EndReason, EndedBy, Settings, Simulator, SubtypeMatching, Throttling, Timestamp, What,
};
use chat_event_core::{ErrorType, NewSessionDetails, SendChatIntegrationEventRequest};
use serde_json::json;

const PHONE: &str = "+15551234567";
const ARN: &str = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1";
const HOUR: u64 = 3_600_000;

fn req(value: serde_json::Value) -> SendChatIntegrationEventRequest {
    read(&value).expect("test request")
}

/// NewSessionDetails from JSON, read as a request's member.
fn details(value: serde_json::Value) -> NewSessionDetails {
    req(json!({"NewSessionDetails": value})).new_session_details.expect("test NewSessionDetails")
}

fn sms(text: &str) -> SendChatIntegrationEventRequest {
    req(json!({"SourceId": PHONE, "DestinationId": ARN, "Subtype": "connect:sms",
               "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": text}}))
}

fn with(source: &str, subtype: Option<&str>, event_type: &str) -> SendChatIntegrationEventRequest {
    let mut r = sms("hi");
    r.source_id = Some(source.into());
    r.subtype = subtype.map(Into::into);
    if let Some(e) = r.event.as_mut() {
        e.r#type = Some(event_type.into());
        if event_type == "DISCONNECT" {
            e.content_type = None;
            e.content = None;
        }
        if event_type == "EVENT" {
            e.content_type = Some("application/vnd.amazonaws.connect.event.typing".into());
            e.content = None;
        }
    }
    r
}

fn disconnect() -> SendChatIntegrationEventRequest {
    with(PHONE, Some("connect:sms"), "DISCONNECT")
}

fn sim() -> Simulator {
    Simulator::new(Settings::default()).unwrap()
}

fn sim_with(f: impl FnOnce(&mut Settings)) -> Simulator {
    let mut s = Settings::default();
    f(&mut s);
    Simulator::new(s).unwrap()
}

#[test]
fn first_message_creates_a_chat_and_the_response_says_so() {
    let mut sim = sim();
    let o = sim.send(&sms("Hi"));
    assert_eq!(o.what, What::Created);
    let id = o.contact_id.unwrap();
    assert_eq!(o.response.body_json(), format!(r#"{{"InitialContactId":"{id}","NewChatCreated":true}}"#));
    assert_eq!(o.http_status(), 200);
    assert!(o.follows.is_none());
    assert!(o.message_id.is_some());
    assert!(
        o.explanation.starts_with(&format!(
            "No active chat for {PHONE} → {ARN} (connect:sms), so a new contact, {id}, was created"
        )),
        "{}",
        o.explanation
    );
    assert!(o.explanation.contains("2026-01-02T01:00:00Z after 25 h"), "{}", o.explanation);
    assert_eq!(sim.active_chat_count(), 1);
}

#[test]
fn the_next_event_reuses_the_active_chat_and_ignores_new_session_details() {
    let mut sim = sim();
    let first = sim.send(&sms("Hi"));
    for (request, nsd_ignored) in [
        (sms("again"), false),
        (with(PHONE, Some("connect:sms"), "EVENT"), false),
        (
            {
                let mut r = sms("with details");
                r.new_session_details = Some(details(json!({"Attributes": {"a": "b"}})));
                r
            },
            true,
        ),
    ] {
        let o = sim.send(&request);
        assert_eq!(o.what, What::Reused);
        assert_eq!(o.contact_id, first.contact_id);
        assert_eq!(
            o.response.body_json(),
            format!(r#"{{"InitialContactId":"{}","NewChatCreated":false}}"#, first.contact_id.unwrap())
        );
        assert_eq!(o.new_session_details_ignored, nsd_ignored);
        assert_eq!(o.explanation.contains("NewSessionDetails was ignored"), nsd_ignored, "{}", o.explanation);
    }
    let contact = sim.contact(first.contact_id.unwrap()).unwrap();
    assert_eq!(contact.attributes, None, "NewSessionDetails of a reused chat must not apply");
    assert_eq!(contact.message_count, 4);
}

#[test]
fn identity_is_source_destination_and_subtype() {
    let mut sim = sim();
    let base = sim.send(&with("+1", Some("connect:sms"), "MESSAGE")).contact_id;
    for (source, destination, subtype, same) in [
        ("+1", ARN, Some("connect:sms"), true),
        ("+2", ARN, Some("connect:sms"), false),
        ("+1", "arn:other", Some("connect:sms"), false),
        ("+1", ARN, Some("connect:WhatsApp"), false),
        ("+1", ARN, None, false),
        ("+1", ARN, Some("connect:SMS"), false),
    ] {
        let mut r = with(source, subtype, "MESSAGE");
        r.destination_id = Some(destination.into());
        let o = sim.send(&r);
        assert_eq!(o.contact_id == base, same, "{source} {destination} {subtype:?}");
    }
    // An absent Subtype is its own value, and it matches itself.
    let none1 = sim.send(&with("+9", None, "MESSAGE"));
    let none2 = sim.send(&with("+9", None, "MESSAGE"));
    assert_eq!((none1.what, none2.what), (What::Created, What::Reused));
    assert!(none1.explanation.contains("(no Subtype)"));
}

#[test]
fn subtype_case_sensitivity_is_a_setting() {
    for (matching, same) in [(SubtypeMatching::CaseSensitive, false), (SubtypeMatching::CaseInsensitive, true)] {
        let mut sim = sim_with(|s| s.subtype_matching = matching);
        let a = sim.send(&with(PHONE, Some("connect:sms"), "MESSAGE"));
        let b = sim.send(&with(PHONE, Some("connect:SMS"), "MESSAGE"));
        assert_eq!(a.contact_id == b.contact_id, same, "{matching:?}");
        // The contact keeps the Subtype as first written.
        assert_eq!(sim.contact(a.contact_id.unwrap()).unwrap().subtype.as_deref(), Some("connect:sms"));
        assert_eq!(sim.active_contact_for(PHONE, ARN, Some("CONNECT:SMS")).is_some(), same);
    }
}

/// Ignoring case folds ASCII letters only: AWS's subtypes are ASCII, and Unicode's case tables
/// would cost the wasm ~15 KB. A non-ASCII letter (É, the Kelvin sign K) is compared as written.
#[test]
fn ignoring_subtype_case_folds_ascii_letters_only() {
    for (first, second, same) in [
        ("connect:WhatsApp", "CONNECT:WHATSAPP", true),
        ("connect:whatsapp", "connect:WhatsApp", true),
        ("connect:É", "connect:É", true),
        ("connect:é", "connect:É", false),
        ("connect:k", "connect:\u{212A}", false),
    ] {
        let mut sim = sim_with(|s| s.subtype_matching = SubtypeMatching::CaseInsensitive);
        let a = sim.send(&with(PHONE, Some(first), "MESSAGE"));
        let b = sim.send(&with(PHONE, Some(second), "MESSAGE"));
        assert_eq!((a.what, a.contact_id == b.contact_id), (What::Created, same), "{first} then {second}");
        assert_eq!(sim.active_contact_for(PHONE, ARN, Some(second)).map(|c| c.contact_id), b.contact_id, "{second}");
    }
}

#[test]
fn disconnect_ends_the_active_chat_and_the_next_message_follows_it() {
    let mut sim = sim();
    let first = sim.send(&sms("Hi"));
    sim.advance_millis(10 * 60_000);
    let d = sim.send(&disconnect());
    assert_eq!(d.what, What::Disconnected);
    assert_eq!(d.contact_id, first.contact_id);
    assert_eq!(
        d.response.body_json(),
        format!(r#"{{"InitialContactId":"{}","NewChatCreated":false}}"#, first.contact_id.unwrap())
    );
    assert!(d.explanation.contains("The customer disconnected"), "{}", d.explanation);
    assert_eq!(sim.active_chat_count(), 0);
    let c = sim.contact(first.contact_id.unwrap()).unwrap();
    assert_eq!((c.status, c.end_reason), (ContactStatus::Ended, Some(EndReason::CustomerDisconnected)));
    assert_eq!(c.ended_at.map(|t| t.to_iso()).as_deref(), Some("2026-01-01T00:10:00Z"));

    let next = sim.send(&sms("back"));
    assert_eq!(next.what, What::Created);
    assert_ne!(next.contact_id, first.contact_id);
    let p = next.follows.unwrap();
    assert_eq!((Some(p.contact_id), p.end_reason), (first.contact_id, EndReason::CustomerDisconnected));
    assert_eq!(sim.contact(next.contact_id.unwrap()).unwrap().follows, first.contact_id);
    assert!(next.explanation.contains("the customer disconnected"), "{}", next.explanation);
}

#[test]
fn disconnect_without_an_active_chat_creates_nothing() {
    let mut sim = sim();
    let o = sim.send(&disconnect());
    assert_eq!(o.what, What::NoActiveChat);
    assert_eq!(o.contact_id, None);
    assert_eq!(o.response.body_json(), r#"{"NewChatCreated":false}"#);
    assert_eq!(sim.contact_count(), 0);
    // After a chat ended, the explanation names the last one.
    let first = sim.send(&sms("Hi"));
    sim.send(&disconnect());
    let again = sim.send(&disconnect());
    assert_eq!(again.what, What::NoActiveChat);
    assert!(again.explanation.contains(&first.contact_id.unwrap().to_string()), "{}", again.explanation);
    assert_eq!(sim.contact_count(), 1);
}

#[test]
fn chats_expire_after_their_duration_both_sides() {
    let mut sim = sim();
    let first = sim.send(&sms("Hi"));
    let report = sim.advance_millis(25 * HOUR - 1);
    assert!(report.expired.is_empty());
    assert_eq!(sim.send(&sms("just in time")).what, What::Reused);
    let report = sim.advance_millis(1);
    assert_eq!(report.expired, vec![first.contact_id.unwrap()]);
    let c = sim.contact(first.contact_id.unwrap()).unwrap();
    assert_eq!((c.status, c.end_reason), (ContactStatus::Expired, Some(EndReason::Expired)));
    assert_eq!(c.ended_at, Some(c.expires_at));
    let next = sim.send(&sms("late"));
    assert_eq!(next.what, What::Created);
    assert_eq!(
        next.follows.map(|p| (p.contact_id, p.end_reason)),
        Some((first.contact_id.unwrap(), EndReason::Expired))
    );
    let expected = format!(
        "No active chat for {PHONE} → {ARN} (connect:sms): the last one, {}, expired at 2026-01-02T01:00:00Z after 25 h, so a new contact, {}, was created",
        first.contact_id.unwrap(),
        next.contact_id.unwrap()
    );
    assert!(next.explanation.starts_with(&expected), "{}", next.explanation);
}

#[test]
fn chat_duration_is_a_setting_with_aws_range() {
    for minutes in [59, 10_081] {
        let e = Simulator::new(Settings { chat_duration_minutes: minutes, ..Settings::default() }).unwrap_err();
        assert_eq!(e.field, "chatDurationMinutes");
    }
    let mut sim = sim_with(|s| s.chat_duration_minutes = 60);
    sim.send(&sms("Hi"));
    assert_eq!(sim.advance_millis(HOUR).expired.len(), 1);
    let mut sim = sim_with(|s| s.chat_duration_minutes = 10_080);
    sim.send(&sms("Hi"));
    assert_eq!(sim.advance_millis(7 * 24 * HOUR - 1).expired.len(), 0);
    assert_eq!(sim.advance_millis(1).expired.len(), 1);
}

#[test]
fn the_clock_starts_where_configured() {
    let start = Timestamp::parse_iso("2030-06-01T12:00:00Z").unwrap();
    let mut sim = sim_with(|s| s.start = start);
    assert_eq!(sim.now(), start);
    let r = sim.advance(std::time::Duration::from_secs(90));
    assert_eq!((r.from, r.to.to_iso()), (start, "2030-06-01T12:01:30Z".to_string()));
    assert_eq!(sim.send(&sms("Hi")).at, sim.now());
}

#[test]
fn content_types_must_have_been_enabled_at_chat_start() {
    // No Subtype: SMS and WhatsApp carry only text/plain, which the validator already enforces.
    let markdown = |nsd: Option<serde_json::Value>| {
        let mut r = sms("**hi**");
        r.subtype = None;
        r.event.as_mut().unwrap().content_type = Some("text/markdown".into());
        r.new_session_details = nsd.map(details);
        r
    };
    // New chat without text/markdown enabled: rejected, nothing created.
    let mut sim = sim();
    let o = sim.send(&markdown(None));
    assert_eq!(
        (o.what, o.error().map(|e| e.error_type)),
        (What::ContentTypeNotEnabled, Some(ErrorType::InvalidRequestException))
    );
    assert_eq!(sim.contact_count(), 0);
    // Enabled at start: accepted, now and later.
    let enabled = json!({"SupportedMessagingContentTypes": ["text/plain", "text/markdown"]});
    assert_eq!(sim.send(&markdown(Some(enabled))).what, What::Created);
    assert_eq!(sim.send(&markdown(None)).what, What::Reused);
    // A chat started with text/plain only rejects markdown even if a later request lists it.
    let mut sim2 = self::sim();
    let mut plain = sms("Hi");
    plain.subtype = None;
    sim2.send(&plain);
    let later = sim2.send(&markdown(Some(json!({"SupportedMessagingContentTypes": ["text/plain", "text/markdown"]}))));
    assert_eq!(later.what, What::ContentTypeNotEnabled);
    assert!(later.explanation.contains("enabled only text/plain"), "{}", later.explanation);
    // A list without text/plain is invalid (AWS's docs: it must include text/plain), so nothing is created.
    let mut sim3 = self::sim();
    let mut r = sms("plain");
    r.subtype = None;
    r.new_session_details = Some(details(json!({"SupportedMessagingContentTypes": ["text/markdown"]})));
    let o = sim3.send(&r);
    assert_eq!(o.what, What::InvalidRequest);
    assert!(
        o.diagnostics.iter().any(|d| d.path.starts_with("NewSessionDetails.SupportedMessagingContentTypes")),
        "{:?}",
        o.diagnostics
    );
    assert_eq!(sim3.contact_count(), 0);
    // The contact lists what it enabled, text/plain first.
    let mut r = markdown(Some(json!({"SupportedMessagingContentTypes": ["text/markdown", "text/plain"]})));
    r.source_id = Some("+19".into());
    let id = sim3.send(&r).contact_id.unwrap();
    assert_eq!(sim3.contact(id).unwrap().supported_messaging_content_types, ["text/plain", "text/markdown"]);
}

#[test]
fn receipts_must_name_a_message_of_the_chat() {
    let receipt = |source: &str, content: &str| {
        let mut r = with(source, Some("connect:sms"), "EVENT");
        let e = r.event.as_mut().unwrap();
        e.content_type = Some("application/vnd.amazonaws.connect.event.message.read".into());
        e.content = Some(content.into());
        r
    };
    let mut sim = sim();
    let m = sim.send(&with("+1", Some("connect:sms"), "MESSAGE"));
    let typing = sim.send(&with("+1", Some("connect:sms"), "EVENT"));
    let other = sim.send(&with("+2", Some("connect:sms"), "MESSAGE"));
    let ok = format!(r#"{{"messageId":"{}"}}"#, m.message_id.unwrap());
    for (source, content, accepted) in [
        ("+1", ok.as_str(), true),
        ("+1", &format!(r#"{{"messageId":"{}"}}"#, other.message_id.unwrap()), false),
        ("+1", &format!(r#"{{"messageId":"{}"}}"#, typing.message_id.unwrap()), false),
        ("+1", &format!(r#"{{"messageId":"{}"}}"#, m.contact_id.unwrap()), false),
        ("+1", r#"{"messageId":"00000000-0000-4000-8000-000000000000"}"#, false),
        ("+3", ok.as_str(), false),
    ] {
        let o = sim.send(&receipt(source, content));
        assert_eq!(o.what == What::Reused, accepted, "{source} {content}: {}", o.explanation);
        if !accepted {
            assert_eq!(o.what, What::UnknownReceiptTarget, "{source} {content}: {}", o.explanation);
            assert_eq!(o.http_status(), 400);
        }
    }
    // Content that names no message at all is the validator's to refuse.
    for content in ["not json", "{}"] {
        let o = sim.send(&receipt("+1", content));
        assert!(matches!(o.what, What::InvalidRequest | What::UnknownReceiptTarget), "{content}: {:?}", o.what);
        assert_eq!(o.http_status(), 400);
    }
    assert!(sim.active_contact_for("+3", ARN, Some("connect:sms")).is_none(), "a rejected receipt creates nothing");
}

#[test]
fn invalid_requests_become_invalid_request_exception_with_diagnostics() {
    let mut sim = sim();
    for (value, path) in [
        (
            json!({"DestinationId": ARN, "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "x"}}),
            "SourceId",
        ),
        (json!({"SourceId": PHONE, "Event": {"Type": "DISCONNECT"}}), "DestinationId"),
        (json!({"SourceId": PHONE, "DestinationId": ARN}), "Event"),
        (json!({"SourceId": PHONE, "DestinationId": ARN, "Event": {"Type": "HELLO"}}), "Event.Type"),
    ] {
        let o = sim.send(&req(value));
        assert_eq!(o.what, What::InvalidRequest);
        assert_eq!(o.error().map(|e| (e.error_type, e.http_status)), Some((ErrorType::InvalidRequestException, 400)));
        assert!(o.diagnostics.iter().any(|d| d.path == path && d.is_error()), "{path}: {:?}", o.diagnostics);
        assert!(o.explanation.contains(path), "{}", o.explanation);
    }
    assert_eq!(sim.contact_count(), 0);
    assert_eq!(sim.log().len(), 4, "invalid requests are logged too");
}

#[test]
fn access_denied_when_the_caller_is_not_end_user_messaging() {
    for (denied, status) in [(false, 200), (true, 403)] {
        let mut sim = sim_with(|s| s.faults.access_denied = denied);
        let o = sim.send(&sms("Hi"));
        assert_eq!(o.http_status(), status);
        if denied {
            assert_eq!(o.what, What::AccessDenied);
            assert!(o.error().unwrap().message.contains("End User Messaging"));
            assert_eq!(sim.contact_count(), 0);
        }
    }
}

#[test]
fn resource_not_found_for_unconfigured_destinations() {
    let mut sim = sim_with(|s| s.faults.destinations = Some(vec![ARN.into()]));
    assert_eq!(sim.send(&sms("Hi")).what, What::Created);
    let mut r = sms("Hi");
    r.destination_id = Some("arn:unknown".into());
    let o = sim.send(&r);
    assert_eq!((o.what, o.http_status()), (What::DestinationNotFound, 404));
    assert_eq!(sim.contact_count(), 1);
}

#[test]
fn throttling_is_a_token_bucket_in_virtual_time() {
    let mut sim = sim_with(|s| s.faults.throttling = Some(Throttling { rate_per_second: 2.0, burst: 5 }));
    let statuses: Vec<u16> = (0..7).map(|_| sim.send(&sms("x")).http_status()).collect();
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429, 429]);
    sim.advance_millis(499);
    assert_eq!(sim.send(&sms("x")).what, What::Throttled);
    sim.advance_millis(1);
    assert_eq!(sim.send(&sms("x")).what, What::Reused);
    let o = sim.send(&sms("x"));
    assert!(o.explanation.contains("next token comes in 500 ms"), "{}", o.explanation);
}

#[test]
fn internal_errors_come_at_a_seeded_probability() {
    let run = |seed: u64, p: f64| -> Vec<bool> {
        let mut sim = sim_with(|s| {
            s.seed = seed;
            s.faults.internal_error_probability = p;
        });
        (0..200).map(|_| sim.send(&sms("x")).what == What::InternalError).collect()
    };
    assert!(run(1, 0.0).iter().all(|e| !e));
    assert!(run(1, 1.0).iter().all(|e| *e));
    let a = run(7, 0.25);
    assert_eq!(a, run(7, 0.25), "same seed, same failures");
    let n = a.iter().filter(|e| **e).count();
    assert!((25..=75).contains(&n), "about a quarter of 200 fail, got {n}");
    assert_ne!(a, run(8, 0.25));
}

#[test]
fn the_active_chat_cap_refuses_new_chats_only() {
    let mut sim = sim_with(|s| s.faults.max_active_chats = Some(2));
    assert_eq!(sim.send(&with("+1", None, "MESSAGE")).what, What::Created);
    assert_eq!(sim.send(&with("+2", None, "MESSAGE")).what, What::Created);
    let o = sim.send(&with("+3", None, "MESSAGE"));
    assert_eq!((o.what, o.http_status()), (What::ActiveChatLimit, 429));
    assert_eq!(sim.send(&with("+1", None, "MESSAGE")).what, What::Reused);
    sim.send(&with("+1", None, "DISCONNECT"));
    assert_eq!(sim.send(&with("+3", None, "MESSAGE")).what, What::Created);
}

#[test]
fn agent_or_flow_ends_a_chat() {
    let mut sim = sim();
    let a = sim.send(&with("+1", None, "MESSAGE")).contact_id.unwrap();
    let b = sim.send(&with("+2", None, "MESSAGE")).contact_id.unwrap();
    let va = sim.end_chat(a, EndedBy::Agent).unwrap();
    assert_eq!((va.status, va.end_reason), (ContactStatus::Ended, Some(EndReason::AgentDisconnected)));
    let vb = sim.end_chat(b, EndedBy::Flow).unwrap();
    assert_eq!(vb.end_reason, Some(EndReason::FlowDisconnected));
    assert!(matches!(sim.end_chat(a, EndedBy::Agent), Err(EndChatError::NotActive { .. })));
    // A contact of another simulator (another seed, so other ids) is unknown here, as is any id.
    let mut foreign = Simulator::new(Settings { seed: 99, ..Settings::default() }).unwrap();
    let theirs = foreign.send(&with("+1", None, "MESSAGE")).contact_id.unwrap();
    assert_ne!(theirs, a);
    assert_eq!(sim.end_chat(theirs, EndedBy::Agent), Err(EndChatError::UnknownContact(theirs)));
    assert!(foreign.end_chat(theirs, EndedBy::Agent).is_ok());
    let unknown = "6f1d0b52-9c1e-4a57-8e3b-2f0a7c9d4e11".parse().unwrap();
    assert_eq!(sim.end_chat(unknown, EndedBy::Agent), Err(EndChatError::UnknownContact(unknown)));
    let next = sim.send(&with("+1", None, "MESSAGE"));
    assert_eq!(next.follows.map(|p| p.end_reason), Some(EndReason::AgentDisconnected));
    assert!(next.explanation.contains("the agent ended it"), "{}", next.explanation);
}

#[test]
fn queries_show_contacts_transcripts_and_the_log() {
    let mut sim = sim_with(|s| {
        s.transcript_limit = 2;
        s.log_limit = 3;
    });
    let mut r = sms("one");
    r.new_session_details = Some(details(json!({
        "ParticipantDetails": {"DisplayName": "Ana"},
        "Attributes": {"customerId": "42"},
        "StreamingConfiguration": {"StreamingEndpointArn": "arn:aws:sns:us-east-1:123456789012:chat"}
    })));
    let first = sim.send(&r);
    sim.send(&sms("two"));
    sim.send(&sms("three"));
    sim.send(&with("+2", None, "MESSAGE"));
    let id = first.contact_id.unwrap();
    let c = sim.contact(id).unwrap();
    assert_eq!(c.display_name.as_deref(), Some("Ana"));
    assert_eq!(c.attributes.as_ref().and_then(|a| a.get("customerId")).map(String::as_str), Some("42"));
    assert_eq!(c.streaming_endpoint_arn.as_deref(), Some("arn:aws:sns:us-east-1:123456789012:chat"));
    assert_eq!(c.supported_messaging_content_types, vec!["text/plain"]);
    assert_eq!(
        (c.source_id.as_str(), c.destination_id.as_str(), c.subtype.as_deref()),
        (PHONE, ARN, Some("connect:sms"))
    );
    assert_eq!(c.message_count, 3);
    let t = sim.transcript(id).unwrap();
    let contents: Vec<_> = t.iter().map(|e| e.content.as_deref().unwrap_or("")).collect();
    assert_eq!(contents, ["two", "three"], "retention keeps the newest 2");
    assert_eq!(t[0].event_type, "MESSAGE");
    assert_eq!(sim.active_chats().len(), 2);
    assert_eq!(sim.contacts().len(), 2);
    let log = sim.log();
    assert_eq!(log.iter().map(|e| e.number).collect::<Vec<_>>(), [2, 3, 4]);
    assert_eq!(log[0].request.event.as_ref().and_then(|e| e.content.as_deref()), Some("two"));
    // A receipt still works for a message the transcript dropped.
    let mut receipt = with(PHONE, Some("connect:sms"), "EVENT");
    let e = receipt.event.as_mut().unwrap();
    e.content_type = Some("application/vnd.amazonaws.connect.event.message.delivered".into());
    e.content = Some(format!(r#"{{"messageId":"{}"}}"#, first.message_id.unwrap()));
    assert_eq!(sim.send(&receipt).what, What::Reused);
}

#[test]
fn reset_returns_to_the_start_with_the_same_ids() {
    let mut sim = sim();
    let a = sim.send(&sms("Hi"));
    sim.advance_millis(HOUR);
    sim.reset();
    assert_eq!((sim.contact_count(), sim.now(), sim.log().len()), (0, Settings::default().start, 0));
    let b = sim.send(&sms("Hi"));
    assert_eq!(a.contact_id, b.contact_id);
    assert_eq!(a.message_id, b.message_id);
}

#[test]
fn outcomes_serialize_with_camel_case_and_iso_times() {
    let mut sim = sim();
    let o = sim.send(&sms("Hi"));
    let v = serde_json::to_value(&o).unwrap();
    assert_eq!(v["what"], "created");
    assert_eq!(v["at"]["iso"], "2026-01-01T00:00:00Z");
    assert_eq!(v["at"]["epochMillis"], 1_767_225_600_000i64);
    assert_eq!(v["response"]["ok"]["NewChatCreated"], true);
    assert_eq!(v["contactId"], o.contact_id.unwrap().to_string());
    assert_eq!(v["newSessionDetailsIgnored"], false);
    let back: chat_event_core::simulator::Outcome = read(&v).unwrap();
    assert_eq!(back, o);
    let err = sim_with(|s| s.faults.access_denied = true).send(&sms("x"));
    let v = serde_json::to_value(&err).unwrap();
    assert_eq!(v["response"]["error"]["Type"], "AccessDeniedException");
    assert_eq!(v["response"]["error"]["HttpStatus"], 403);
}
