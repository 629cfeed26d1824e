//! Per-field help: one entry per member in model order, constraints that agree with the service
//! model's shapes, and a note wherever AWS's reference is wrong.

use chat_event_core::help::{field_help, FIELDS};
use chat_event_core::shape::{self, Shape, Structure};

fn walk(s: &Structure, prefix: &str, out: &mut Vec<(String, bool, &'static Shape)>) {
    for m in s.members {
        let path = if prefix.is_empty() { m.name.to_string() } else { format!("{prefix}.{}", m.name) };
        out.push((path.clone(), m.required, m.shape));
        if let Shape::Structure(child) = m.shape {
            walk(child, &path, out);
        }
    }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    if s.len() > 3 {
        format!("{},{}", &s[..s.len() - 3], &s[s.len() - 3..])
    } else {
        s
    }
}

fn length_line(min: usize, max: usize) -> String {
    format!("{} to {} characters", thousands(min), thousands(max))
}

#[test]
fn one_entry_per_member_in_model_order_agreeing_with_the_shapes() {
    let mut members = Vec::new();
    walk(&shape::REQUEST, "", &mut members);
    let paths: Vec<&str> = FIELDS.iter().map(|h| h.path).collect();
    let want: Vec<&str> = members.iter().map(|(p, _, _)| p.as_str()).collect();
    assert_eq!(paths, want);
    for (h, (path, required, shape)) in FIELDS.iter().zip(&members) {
        assert_eq!(h.required, *required, "{path}");
        assert_eq!(Some(h.member), path.rsplit('.').next(), "{path}");
        assert!(!h.description.is_empty() && !h.description.contains('\n'), "{path}");
        match shape {
            Shape::String { min, max, enum_values: [], .. } => {
                assert_eq!(h.constraints.first().copied(), Some(length_line(*min, *max).as_str()), "{path}");
            }
            Shape::String { enum_values, .. } => assert_eq!(h.allowed_values, *enum_values, "{path}"),
            Shape::List { member: Shape::String { min, max, .. }, .. } => {
                assert_eq!(
                    h.constraints.first().copied(),
                    Some(format!("Each item {}", length_line(*min, *max)).as_str())
                );
            }
            Shape::Map {
                key: Shape::String { min: kmin, max: kmax, .. },
                value: Shape::String { min: vmin, max: vmax, .. },
                ..
            } => {
                assert_eq!(
                    h.constraints.first().copied(),
                    Some(format!("Keys {}", length_line(*kmin, *kmax)).as_str())
                );
                assert_eq!(
                    h.constraints.get(1).copied(),
                    Some(format!("Values {}", length_line(*vmin, *vmax)).as_str())
                );
            }
            _ => {}
        }
    }
}

#[test]
fn diagnostic_paths_find_their_field() {
    for (path, member) in [
        ("SourceId", Some("SourceId")),
        ("Event.ContentType", Some("ContentType")),
        ("NewSessionDetails.SupportedMessagingContentTypes[2]", Some("SupportedMessagingContentTypes")),
        ("NewSessionDetails.Attributes.customer-id", Some("Attributes")),
        ("NewSessionDetails.Attributes (key: a.b)", Some("Attributes")),
        ("NewSessionDetails.AttributesX", None),
        ("Event.Nope", None),
        ("", None),
    ] {
        assert_eq!(field_help(path).map(|h| h.member), member, "{path}");
    }
}

#[test]
fn notes_where_aws_docs_are_wrong() {
    for (path, needle) in [
        ("DestinationId", "Server Migration Service"),
        ("Subtype", "connect:\"WhatsApp\""),
        ("NewSessionDetails.ParticipantDetails", "The customer's details."),
        ("NewSessionDetails.StreamingConfiguration.StreamingEndpointArn", "streaming endpoint"),
        ("Event.Content", "12,000"),
        ("NewSessionDetails.SupportedMessagingContentTypes", "\" text/plain\""),
    ] {
        let note = field_help(path).and_then(|h| h.docs_note).unwrap_or_default();
        assert!(note.contains(needle), "{path}: {note}");
    }
    assert_eq!(FIELDS.iter().filter(|h| h.docs_note.is_some()).count(), 6);
}

#[test]
fn serializes_in_camel_case() {
    let json = serde_json::to_value(field_help("Subtype").expect("Subtype")).expect("serializes");
    let keys: Vec<&str> = json.as_object().expect("object").keys().map(String::as_str).collect();
    assert_eq!(keys, ["path", "member", "description", "required", "constraints", "allowedValues", "docsNote"]);
    assert_eq!(json["allowedValues"], serde_json::json!(["connect:sms", "connect:SMS", "connect:WhatsApp"]));
    let no_note = serde_json::to_value(field_help("SourceId").expect("SourceId")).expect("serializes");
    assert!(no_note.get("docsNote").is_none());
}
