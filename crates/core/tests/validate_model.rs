//! The service model's rules: required members, lengths (in Unicode scalar values, both sides of
//! each boundary), the Event.Type enum, types and unknown members.

mod validate_support;

use serde_json::{json, Value};
use validate_support::{base, check, find, rep, run_table, set};

fn s(x: impl Into<String>) -> Option<Value> {
    Some(Value::String(x.into()))
}

#[test]
fn the_base_request_is_valid() {
    assert!(check(&base()).is_empty());
}

#[test]
fn required_members() {
    run_table(&[
        ("SourceId", vec![("/SourceId", None)], &[("SourceId", "required")]),
        ("DestinationId", vec![("/DestinationId", None)], &[("DestinationId", "required")]),
        ("Subtype is optional", vec![("/Subtype", None)], &[]),
        ("Event", vec![("/Event", None)], &[("Event", "required")]),
        ("Event.Type", vec![("/Event/Type", None)], &[("Event.Type", "required")]),
        (
            "DisplayName",
            vec![("/NewSessionDetails/ParticipantDetails", Some(json!({})))],
            &[("NewSessionDetails.ParticipantDetails.DisplayName", "required")],
        ),
        (
            "StreamingEndpointArn",
            vec![("/NewSessionDetails/StreamingConfiguration", Some(json!({})))],
            &[("NewSessionDetails.StreamingConfiguration.StreamingEndpointArn", "required")],
        ),
        ("NewSessionDetails is optional", vec![("/NewSessionDetails", None)], &[]),
        ("an empty NewSessionDetails is fine", vec![("/NewSessionDetails", Some(json!({})))], &[]),
    ]);
    let empty = check(&json!({}));
    let paths: Vec<_> = empty.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["SourceId", "DestinationId", "Event"]);
}

#[test]
fn string_lengths_both_sides_of_each_boundary() {
    // 😀 is one character (four UTF-8 bytes), é one character (two bytes).
    let cases: Vec<validate_support::Case<'_>> = vec![
        ("SourceId 0", vec![("/Subtype", None), ("/SourceId", s(""))], &[("SourceId", "min-length")]),
        ("SourceId 1", vec![("/Subtype", None), ("/SourceId", s("x"))], &[]),
        ("SourceId 255", vec![("/Subtype", None), ("/SourceId", s(rep("x", 255)))], &[]),
        ("SourceId 256", vec![("/Subtype", None), ("/SourceId", s(rep("x", 256)))], &[("SourceId", "max-length")]),
        ("SourceId 255 emoji", vec![("/Subtype", None), ("/SourceId", s(rep("😀", 255)))], &[]),
        (
            "SourceId 256 emoji",
            vec![("/Subtype", None), ("/SourceId", s(rep("😀", 256)))],
            &[("SourceId", "max-length")],
        ),
        ("DestinationId 0", vec![("/DestinationId", s(""))], &[("DestinationId", "min-length")]),
        (
            "DestinationId 255",
            vec![("/Subtype", s("custom:x")), ("/DestinationId", s(rep("é", 255)))],
            &[("Subtype", "subtype-unknown")],
        ),
        (
            "DestinationId 256",
            vec![("/Subtype", s("custom:x")), ("/DestinationId", s(rep("é", 256)))],
            &[("Subtype", "subtype-unknown"), ("DestinationId", "max-length")],
        ),
        ("Subtype 0", vec![("/Subtype", s(""))], &[("Subtype", "min-length")]),
        ("Subtype 100", vec![("/Subtype", s(rep("a", 100)))], &[("Subtype", "subtype-unknown")]),
        (
            "Subtype 101",
            vec![("/Subtype", s(rep("a", 101)))],
            &[("Subtype", "max-length"), ("Subtype", "subtype-unknown")],
        ),
        ("ContentType 0", vec![("/Event/ContentType", s(""))], &[("Event.ContentType", "min-length")]),
        (
            "ContentType 101",
            vec![("/Event/ContentType", s(rep("a", 101)))],
            &[("Event.ContentType", "max-length"), ("Event.ContentType", "content-type-not-allowed")],
        ),
        ("Content 0", vec![("/Event/Content", s(""))], &[("Event.Content", "min-length")]),
        ("Content 16,384", vec![("/Event/Content", s(rep("x", 16_384)))], &[]),
        ("Content 16,385", vec![("/Event/Content", s(rep("x", 16_385)))], &[("Event.Content", "max-length")]),
        (
            "Content 16,384 emoji is within the model, over the docs' bytes",
            vec![("/Event/Content", s(rep("😀", 16_384)))],
            &[("Event.Content", "content-bytes")],
        ),
        ("Content 16,385 emoji", vec![("/Event/Content", s(rep("😀", 16_385)))], &[("Event.Content", "max-length")]),
        ("DisplayName 256", vec![("/NewSessionDetails/ParticipantDetails/DisplayName", s(rep("日", 256)))], &[]),
        (
            "DisplayName 257",
            vec![("/NewSessionDetails/ParticipantDetails/DisplayName", s(rep("日", 257)))],
            &[("NewSessionDetails.ParticipantDetails.DisplayName", "max-length")],
        ),
        (
            "DisplayName 0",
            vec![("/NewSessionDetails/ParticipantDetails/DisplayName", s(""))],
            &[("NewSessionDetails.ParticipantDetails.DisplayName", "min-length")],
        ),
        (
            "SupportedMessagingContentTypes item 0",
            vec![("/NewSessionDetails/SupportedMessagingContentTypes/2", s(""))],
            &[("NewSessionDetails.SupportedMessagingContentTypes[2]", "min-length")],
        ),
        (
            "StreamingEndpointArn 0",
            vec![("/NewSessionDetails/StreamingConfiguration/StreamingEndpointArn", s(""))],
            &[("NewSessionDetails.StreamingConfiguration.StreamingEndpointArn", "min-length")],
        ),
        (
            "StreamingEndpointArn 351",
            vec![(
                "/NewSessionDetails/StreamingConfiguration/StreamingEndpointArn",
                s(format!("arn:aws:sns:us-east-1:111122223333:{}", rep("t", 351 - 35))),
            )],
            &[
                ("NewSessionDetails.StreamingConfiguration.StreamingEndpointArn", "max-length"),
                ("NewSessionDetails.StreamingConfiguration.StreamingEndpointArn", "streaming-arn-not-sns"),
            ],
        ),
        (
            "StreamingEndpointArn 350",
            vec![(
                "/NewSessionDetails/StreamingConfiguration/StreamingEndpointArn",
                s(format!("arn:aws:sns:us-east-1:111122223333:{}", rep("t", 350 - 35))),
            )],
            &[("NewSessionDetails.StreamingConfiguration.StreamingEndpointArn", "streaming-arn-not-sns")],
        ),
    ];
    run_table(&cases);
}

#[test]
fn attribute_key_and_value_lengths() {
    let attrs = |m: Value| vec![("/NewSessionDetails/Attributes", Some(m))];
    run_table(&[
        ("empty key", attrs(json!({"": "v"})), &[("NewSessionDetails.Attributes (key: )", "min-length")]),
        ("empty value is allowed", attrs(json!({"k": ""})), &[]),
        ("value 32,767", attrs(json!({"k": rep("v", 32_767)})), &[]),
        (
            "value 32,768 (also over the 32,768-byte total)",
            attrs(json!({"k": rep("v", 32_768)})),
            &[
                ("NewSessionDetails.Attributes.k", "max-length"),
                ("NewSessionDetails.Attributes", "attributes-too-large"),
            ],
        ),
        ("key 32,767", attrs(json!({rep("k", 32_767): ""})), &[]),
        (
            "key 32,768",
            attrs(json!({rep("k", 32_768): ""})),
            &[(
                Box::leak(format!("NewSessionDetails.Attributes (key: {})", rep("k", 32_768)).into_boxed_str()),
                "max-length",
            )],
        ),
    ]);
}

#[test]
fn event_type_enum() {
    let t = |x: &str| vec![("/Event/Type", s(x))];
    run_table(&[
        ("MESSAGE", t("MESSAGE"), &[]),
        ("message", t("message"), &[("Event.Type", "enum")]),
        ("BOGUS", t("BOGUS"), &[("Event.Type", "enum")]),
        ("empty", t(""), &[("Event.Type", "enum")]),
    ]);
    let d = check(&validate_support::with(&t("message")));
    assert_eq!(find(&d, "Event.Type", "enum").suggestion.as_deref(), Some("MESSAGE"));
    let d = check(&validate_support::with(&t("EVNT")));
    assert_eq!(find(&d, "Event.Type", "enum").suggestion.as_deref(), Some("EVENT"));
    let d = check(&validate_support::with(&t("BOGUS")));
    assert_eq!(find(&d, "Event.Type", "enum").suggestion, None);
}

#[test]
fn messages_say_what_was_expected_and_found() {
    let d = check(&validate_support::with(&[("/Subtype", None), ("/SourceId", s(rep("😀", 256)))]));
    assert_eq!(
        find(&d, "SourceId", "max-length").message,
        "SourceId is 256 characters; the service model allows at most 255."
    );
    let d = check(&validate_support::with(&[("/Event/Content", s(""))]));
    assert_eq!(
        find(&d, "Event.Content", "min-length").message,
        "Event.Content is empty; the service model requires at least 1 character."
    );
    let d = check(&json!({}));
    assert_eq!(
        find(&d, "SourceId", "required").message,
        "SourceId is required in the request by the service model, and it is missing."
    );
}

#[test]
fn wrong_types_are_reported_at_their_path() {
    run_table(&[
        ("number for SourceId", vec![("/SourceId", Some(json!(123)))], &[("SourceId", "wrong-type")]),
        ("null for DestinationId", vec![("/DestinationId", Some(Value::Null))], &[("DestinationId", "wrong-type")]),
        ("bool for Subtype", vec![("/Subtype", Some(json!(true)))], &[("Subtype", "wrong-type")]),
        ("string for Event", vec![("/Event", s("MESSAGE"))], &[("Event", "wrong-type")]),
        ("list for Content", vec![("/Event/Content", Some(json!(["a", "b"])))], &[("Event.Content", "wrong-type")]),
        (
            "string for the list",
            vec![("/NewSessionDetails/SupportedMessagingContentTypes", s("text/plain"))],
            &[("NewSessionDetails.SupportedMessagingContentTypes", "wrong-type")],
        ),
        (
            "number in the list",
            vec![("/NewSessionDetails/SupportedMessagingContentTypes/1", Some(json!(5)))],
            &[("NewSessionDetails.SupportedMessagingContentTypes[1]", "wrong-type")],
        ),
        (
            "number as an attribute value",
            vec![("/NewSessionDetails/Attributes/customer-id", Some(json!(42)))],
            &[("NewSessionDetails.Attributes.customer-id", "wrong-type")],
        ),
        (
            "list for Attributes",
            vec![("/NewSessionDetails/Attributes", Some(json!([])))],
            &[("NewSessionDetails.Attributes", "wrong-type")],
        ),
        (
            "a structure of the wrong type is not looked into",
            vec![("/NewSessionDetails/ParticipantDetails", Some(json!(["x"])))],
            &[("NewSessionDetails.ParticipantDetails", "wrong-type")],
        ),
        (
            "null for NewSessionDetails",
            vec![("/NewSessionDetails", Some(Value::Null))],
            &[("NewSessionDetails", "wrong-type")],
        ),
    ]);
    let d = check(&json!([1]));
    assert_eq!((d.len(), d[0].path.as_str(), d[0].code.as_str()), (1, "", "wrong-type"));
    let d = check(&validate_support::with(&[("/DestinationId", Some(Value::Null))]));
    assert!(find(&d, "DestinationId", "wrong-type").message.contains("found null"));
}

#[test]
fn unknown_members_list_the_allowed_names_and_suggest_near_misses() {
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        ("", "sourceId", "sourceId", Some("SourceId")),
        ("", "Source_Id", "Source_Id", Some("SourceId")),
        ("/Event", "content", "Event.content", Some("Content")),
        ("/Event", "Contenttype", "Event.Contenttype", Some("ContentType")),
        ("", "Foo", "Foo", None),
        ("", "Content", "Content", Some("Event.Content")),
        (
            "/NewSessionDetails",
            "DisplayName",
            "NewSessionDetails.DisplayName",
            Some("NewSessionDetails.ParticipantDetails.DisplayName"),
        ),
        ("/NewSessionDetails", "Bar", "NewSessionDetails.Bar", None),
    ];
    for (parent, name, path, suggestion) in cases {
        let mut v = base();
        set(&mut v, &format!("{parent}/{name}"), s("x"));
        let d = check(&v);
        assert_eq!(d.len(), 1, "{name}: {d:#?}");
        let u = find(&d, path, "unknown-member");
        assert_eq!(u.suggestion.as_deref(), *suggestion, "{name}");
        let allowed = match *parent {
            "" => "SourceId, DestinationId, Subtype, Event, NewSessionDetails",
            "/Event" => "Type, ContentType, Content",
            _ => "SupportedMessagingContentTypes, ParticipantDetails, Attributes, StreamingConfiguration",
        };
        assert!(u.message.contains(allowed), "{}", u.message);
    }
}
