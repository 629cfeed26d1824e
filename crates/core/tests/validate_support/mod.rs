//! Shared by the validate_* tests: a valid base request, a way to change one member, and a check
//! that the typed and raw entry points agree and that every code keeps its documented meaning.
#![allow(dead_code)]

use chat_event_core::validate::{validate, validate_value};
use chat_event_core::{Diagnostic, RuleSource, SendChatIntegrationEventRequest, Severity};
use serde_json::{json, Value};

/// A valid SMS message that creates a chat with every NewSessionDetails member set.
pub fn base() -> Value {
    json!({
        "SourceId": "+15551234567",
        "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-abc",
        "Subtype": "connect:sms",
        "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "hi"},
        "NewSessionDetails": {
            "SupportedMessagingContentTypes": ["text/plain", "text/markdown"],
            "ParticipantDetails": {"DisplayName": "Ana"},
            "Attributes": {"customer-id": "42", "tier": "gold"},
            "StreamingConfiguration": {"StreamingEndpointArn": "arn:aws:sns:us-east-1:111122223333:chat-stream"}
        }
    })
}

/// `base()` with members set (`Some`) or removed (`None`), addressed by JSON pointer.
pub fn with(changes: &[(&str, Option<Value>)]) -> Value {
    let mut v = base();
    for (pointer, value) in changes {
        set(&mut v, pointer, value.clone());
    }
    v
}

pub fn set(root: &mut Value, pointer: &str, value: Option<Value>) {
    let (parent, last) = pointer.rsplit_once('/').expect("pointer starts with /");
    let parent = if parent.is_empty() { root } else { root.pointer_mut(parent).expect("parent exists") };
    match (parent, value) {
        (Value::Object(map), Some(v)) => {
            map.insert(last.to_string(), v);
        }
        (Value::Object(map), None) => {
            map.shift_remove(last);
        }
        (Value::Array(items), Some(v)) => {
            let i: usize = last.parse().expect("index");
            if i == items.len() {
                items.push(v)
            } else {
                items[i] = v
            }
        }
        (Value::Array(items), None) => {
            items.remove(last.parse::<usize>().expect("index"));
        }
        _ => panic!("cannot set {pointer}"),
    }
}

/// Severity, source and CLI flag of each code, from the rule table.
pub fn meta(code: &str) -> (Severity, RuleSource, bool) {
    match chat_event_core::validate::codes::rule(code) {
        Some(rule) => (rule.severity, rule.source, rule.caught_by_cli),
        None => panic!("a code not in the rule table: {code}"),
    }
}

/// Validates `v` through the raw entry point, and through the typed one when `v` has the model's
/// types, asserting they agree and that each diagnostic keeps its code's documented meaning.
pub fn check(v: &Value) -> Vec<Diagnostic> {
    let from_value = validate_value(v);
    // Compared only where the typed model holds the same tree (its reader takes `null` as absent).
    let typed = chat_event_core::json::read::read::<SendChatIntegrationEventRequest>(v)
        .ok()
        .filter(|r| serde_json::to_value(r).ok().as_ref() == Some(v));
    if let Some(request) = typed {
        assert_eq!(validate(&request), from_value, "typed and raw validation differ for {v}");
    }
    let text = serde_json::to_string(v).expect("serializes");
    assert_eq!(chat_event_core::validate::validate_json(&text), from_value);
    for d in &from_value {
        assert_eq!((d.severity, d.source, d.caught_by_cli), meta(&d.code), "{d:?}");
        assert!(!d.message.is_empty());
    }
    from_value
}

/// The (path, code) pairs reported, sorted.
pub fn pairs(diags: &[Diagnostic]) -> Vec<(String, String)> {
    let mut p: Vec<_> = diags.iter().map(|d| (d.path.clone(), d.code.clone())).collect();
    p.sort();
    p
}

/// Runs a table: each case changes the base request and lists exactly the (path, code) pairs
/// it must produce.
/// One row of a rule table: its name, the changes to the base request, the (path, code) pairs.
pub type Case<'a> = (&'a str, Vec<(&'a str, Option<Value>)>, &'a [(&'a str, &'a str)]);

pub fn run_table(cases: &[Case<'_>]) {
    let mut failures = Vec::new();
    for (name, changes, expected) in cases {
        let v = with(changes);
        let got = check(&v);
        let mut want: Vec<(String, String)> = expected.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect();
        want.sort();
        if pairs(&got) != want {
            failures.push(format!("{name}: want {want:?}\n  got {:#?}", got));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

pub fn find<'a>(diags: &'a [Diagnostic], path: &str, code: &str) -> &'a Diagnostic {
    diags
        .iter()
        .find(|d| d.path == path && d.code == code)
        .unwrap_or_else(|| panic!("no {code} at {path} in {diags:#?}"))
}

/// `n` copies of `s`.
pub fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}
