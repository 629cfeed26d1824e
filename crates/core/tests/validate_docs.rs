//! Rules from AWS's documentation that the service model does not encode.

mod validate_support;

use serde_json::{json, Value};
use validate_support::{check, find, rep, run_table, with};

const EV: &str = "/Event";

fn event(e: Value) -> Vec<(&'static str, Option<Value>)> {
    // Subtype removed so that channel rules (text/plain only) stay out of these cases.
    vec![("/Subtype", None), (EV, Some(e))]
}

fn without_session(mut changes: Vec<(&'static str, Option<Value>)>) -> Vec<(&'static str, Option<Value>)> {
    changes.push(("/NewSessionDetails", None));
    changes
}

#[test]
fn content_type_and_content_by_event_type() {
    run_table(&[
        ("MESSAGE text/plain", event(json!({"Type": "MESSAGE", "ContentType": "text/plain", "Content": "hi"})), &[]),
        (
            "MESSAGE without ContentType or Content",
            event(json!({"Type": "MESSAGE"})),
            &[("Event.ContentType", "content-type-required"), ("Event.Content", "content-required")],
        ),
        (
            "MESSAGE with an event content type",
            event(
                json!({"Type": "MESSAGE", "ContentType": "application/vnd.amazonaws.connect.event.typing", "Content": "x"}),
            ),
            &[("Event.ContentType", "content-type-not-allowed")],
        ),
        (
            "MESSAGE with interactive (not the response)",
            event(
                json!({"Type": "MESSAGE", "ContentType": "application/vnd.amazonaws.connect.message.interactive", "Content": "x"}),
            ),
            &[("Event.ContentType", "content-type-not-allowed")],
        ),
        ("MESSAGE markdown", event(json!({"Type": "MESSAGE", "ContentType": "text/markdown", "Content": "*hi*"})), &[]),
        (
            "MESSAGE JSON that parses",
            without_session(event(
                json!({"Type": "MESSAGE", "ContentType": "application/json", "Content": "{\"a\":[1]}"}),
            )),
            &[],
        ),
        (
            "MESSAGE JSON that does not",
            without_session(event(json!({"Type": "MESSAGE", "ContentType": "application/json", "Content": "{a:1}"}))),
            &[("Event.Content", "content-not-json")],
        ),
        (
            "EVENT without ContentType",
            event(json!({"Type": "EVENT"})),
            &[("Event.ContentType", "content-type-required")],
        ),
        (
            "EVENT typing, no content",
            event(json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.typing"})),
            &[],
        ),
        (
            "EVENT with a message content type",
            event(json!({"Type": "EVENT", "ContentType": "text/plain", "Content": "x"})),
            &[("Event.ContentType", "content-type-not-allowed")],
        ),
        (
            "EVENT connection.acknowledged is deprecated",
            event(
                json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.connection.acknowledged"}),
            ),
            &[("Event.ContentType", "content-type-deprecated")],
        ),
        (
            "read receipt without content",
            event(json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.message.read"})),
            &[("Event.Content", "content-required")],
        ),
        (
            "delivered receipt without content",
            event(json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.message.delivered"})),
            &[("Event.Content", "content-required")],
        ),
        (
            "read receipt with a messageId",
            event(
                json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.message.read", "Content": "{\"messageId\":\"m-1\"}"}),
            ),
            &[],
        ),
        (
            "read receipt with plain text",
            event(
                json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.message.read", "Content": "m-1"}),
            ),
            &[("Event.Content", "receipt-content")],
        ),
        (
            "delivered receipt with an empty messageId",
            event(
                json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.message.delivered", "Content": "{\"messageId\":\"\"}"}),
            ),
            &[("Event.Content", "receipt-content")],
        ),
        (
            "read receipt with other members besides its messageId",
            event(
                json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.message.read", "Content": "{\"messageId\":\"m-1\",\"readAt\":1}"}),
            ),
            &[],
        ),
        (
            "read receipt naming its message as a list",
            event(
                json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.message.read", "Content": "[\"m-1\"]"}),
            ),
            &[("Event.Content", "receipt-content")],
        ),
        (
            "read receipt whose messageId is a number",
            event(
                json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.message.read", "Content": "{\"messageId\":1}"}),
            ),
            &[("Event.Content", "receipt-content")],
        ),
        (
            "read receipt whose messageId is null",
            event(
                json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.message.read", "Content": "{\"messageId\":null}"}),
            ),
            &[("Event.Content", "receipt-content")],
        ),
        (
            "read receipt with a misspelt messageId",
            event(
                json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.message.read", "Content": "{\"messageID\":\"m-1\"}"}),
            ),
            &[("Event.Content", "receipt-content")],
        ),
        (
            "DISCONNECT alone, no NewSessionDetails",
            vec![("/Subtype", None), (EV, Some(json!({"Type": "DISCONNECT"}))), ("/NewSessionDetails", None)],
            &[],
        ),
        (
            "DISCONNECT with content and NewSessionDetails",
            event(json!({"Type": "DISCONNECT", "ContentType": "text/plain", "Content": "bye"})),
            &[
                ("Event.ContentType", "ignored-on-disconnect"),
                ("Event.Content", "ignored-on-disconnect"),
                ("NewSessionDetails", "new-session-on-disconnect"),
            ],
        ),
        ("an unknown Event.Type skips the content rules", event(json!({"Type": "PING"})), &[("Event.Type", "enum")]),
        (
            "a MESSAGE content type the new session does not enable",
            event(json!({"Type": "MESSAGE", "ContentType": "application/json", "Content": "{}"})),
            &[("Event.ContentType", "content-type-not-in-session")],
        ),
    ]);
}

#[test]
fn content_bytes_boundary() {
    let content = |c: String| event(json!({"Type": "MESSAGE", "ContentType": "text/plain", "Content": c}));
    run_table(&[
        ("16,384 bytes", content(rep("é", 8_192)), &[]),
        ("16,386 bytes in 8,193 characters", content(rep("é", 8_193)), &[("Event.Content", "content-bytes")]),
        ("16,384 one-byte characters", content(rep("x", 16_384)), &[]),
        (
            "16,383 + one two-byte character = 16,385 bytes",
            content(rep("x", 16_383) + "é"),
            &[("Event.Content", "content-bytes")],
        ),
    ]);
}

#[test]
fn supported_messaging_content_types() {
    let list = |l: Value| vec![("/NewSessionDetails/SupportedMessagingContentTypes", Some(l))];
    const P: &str = "NewSessionDetails.SupportedMessagingContentTypes";
    run_table(&[
        ("text/plain alone", list(json!(["text/plain"])), &[]),
        ("order does not matter", list(json!(["text/markdown", "text/plain"])), &[]),
        (
            "all five",
            list(json!([
                "text/plain",
                "text/markdown",
                "application/json",
                "application/vnd.amazonaws.connect.message.interactive",
                "application/vnd.amazonaws.connect.message.interactive.response"
            ])),
            &[],
        ),
        ("empty list", list(json!([])), &[(P, "text-plain-missing")]),
        ("without text/plain", list(json!(["text/markdown"])), &[(P, "text-plain-missing")]),
        (
            "unknown value at [2]",
            list(json!(["text/plain", "text/markdown", "text/html"])),
            &[("NewSessionDetails.SupportedMessagingContentTypes[2]", "supported-type-unknown")],
        ),
        (
            "a stray space, as in AWS's doc",
            list(json!([" text/plain"])),
            &[
                ("NewSessionDetails.SupportedMessagingContentTypes[0]", "supported-type-unknown"),
                (P, "text-plain-missing"),
            ],
        ),
        (
            "duplicate",
            list(json!(["text/plain", "text/markdown", "text/plain"])),
            &[("NewSessionDetails.SupportedMessagingContentTypes[2]", "supported-type-duplicate")],
        ),
        (
            "an item of the wrong type is botocore's to report",
            list(json!(["text/markdown", 5])),
            &[("NewSessionDetails.SupportedMessagingContentTypes[1]", "wrong-type")],
        ),
    ]);
    let d = check(&with(&list(json!([" text/plain", "Text/Plain"]))));
    let first = find(&d, "NewSessionDetails.SupportedMessagingContentTypes[0]", "supported-type-unknown");
    assert_eq!(first.suggestion.as_deref(), Some("text/plain"));
    assert!(first.message.contains("stray space"), "{}", first.message);
    let second = find(&d, "NewSessionDetails.SupportedMessagingContentTypes[1]", "supported-type-unknown");
    assert_eq!(second.suggestion.as_deref(), Some("text/plain"));
}

#[test]
fn attribute_keys_and_total_size() {
    let attrs = |m: Value| vec![("/NewSessionDetails/Attributes", Some(m))];
    run_table(&[
        ("letters, digits, - and _", attrs(json!({"Customer_ID-2": "x"})), &[]),
        (
            "a dot",
            attrs(json!({"a.b": "x"})),
            &[("NewSessionDetails.Attributes (key: a.b)", "attribute-key-characters")],
        ),
        (
            "a space",
            attrs(json!({"a b": "x"})),
            &[("NewSessionDetails.Attributes (key: a b)", "attribute-key-characters")],
        ),
        (
            "a non-ASCII letter",
            attrs(json!({"café": "x"})),
            &[("NewSessionDetails.Attributes (key: café)", "attribute-key-characters")],
        ),
        (
            "an emoji",
            attrs(json!({"k😀": "x"})),
            &[("NewSessionDetails.Attributes (key: k😀)", "attribute-key-characters")],
        ),
        // Totals: key "k" (1 byte) + value.
        ("32,768 bytes in total", attrs(json!({"k": rep("v", 32_767)})), &[]),
        (
            "32,769 bytes in total",
            attrs(json!({"k": "v", "k2": rep("v", 32_765)})),
            &[("NewSessionDetails.Attributes", "attributes-too-large")],
        ),
        // 8,191 × "😀" = 32,764 bytes, + "k" + "abc" = 32,768.
        ("32,768 bytes with emoji", attrs(json!({"k": rep("😀", 8_191), "abc": ""})), &[]),
        (
            "32,769 bytes with emoji",
            attrs(json!({"k": rep("😀", 8_191), "abcd": ""})),
            &[("NewSessionDetails.Attributes", "attributes-too-large")],
        ),
    ]);
    let d = check(&with(&attrs(json!({"k": "v", "k2": rep("v", 32_765)}))));
    assert_eq!(
        find(&d, "NewSessionDetails.Attributes", "attributes-too-large").message,
        "NewSessionDetails.Attributes keys and values total 32,769 UTF-8 bytes; AWS's docs allow at most 32,768 bytes per contact, over all keys and values together."
    );
    let d = check(&with(&attrs(json!({"order.id": "1"}))));
    let k = find(&d, "NewSessionDetails.Attributes (key: order.id)", "attribute-key-characters");
    assert_eq!(k.suggestion.as_deref(), Some("order_id"));
    assert!(k.message.contains("'.' at character 6"), "{}", k.message);
}

#[test]
fn docs_rules_say_they_come_from_the_docs() {
    let d = check(&with(&event(json!({"Type": "MESSAGE"}))));
    assert!(d.iter().all(|d| d.message.contains("AWS's docs")), "{d:#?}");
}
