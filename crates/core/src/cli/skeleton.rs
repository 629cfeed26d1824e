//! `--generate-cli-skeleton` outputs, byte for byte as CLI v2 prints them (the files in
//! crates/core/tests/cli-skeleton/), built by walking the service model in [`crate::shape`].

use crate::shape::{Shape, Structure, REQUEST};

/// The first sentence of each member's documentation in the CLI's own copy of the model, which v2's
/// `yaml-input` skeleton prints as comments. The model text is kept as is, stray leading spaces
/// included (they come from `<code> text/plain</code>`-style markup in the docs).
fn doc(path: &str) -> Option<&'static str> {
    Some(match path {
        "SourceId" => "External identifier of chat customer participant, used in part to uniquely identify a chat.",
        "DestinationId" => "Chat system identifier, used in part to uniquely identify chat.",
        "Subtype" => "Classification of a channel.",
        "Event" => "Chat integration event payload.",
        "Event.Type" => "Type of chat integration event.",
        "Event.ContentType" => "Type of content.",
        "Event.Content" => "Content of the message or event.",
        "NewSessionDetails" => "Contact properties to apply when starting a new chat.",
        "NewSessionDetails.SupportedMessagingContentTypes" => " The supported chat message content types.",
        "NewSessionDetails.ParticipantDetails" => "The customer's details.",
        "NewSessionDetails.ParticipantDetails.DisplayName" => "Display name of the participant.",
        "NewSessionDetails.Attributes" => " A custom key-value pair using an attribute map.",
        "NewSessionDetails.StreamingConfiguration" => {
            "The streaming configuration, such as the Amazon SNS streaming endpoint."
        }
        "NewSessionDetails.StreamingConfiguration.StreamingEndpointArn" => {
            "The Amazon Resource Name (ARN) of the standard Amazon SNS topic."
        }
        _ => return None,
    })
}

/// `--generate-cli-skeleton` (= `input`): every member in model order, strings `""`, enums their
/// first value (v2; v1 picks one at random), a list with one `""`, a map `{"KeyName": ""}`.
pub fn input_json() -> String {
    pretty4(&skeleton_value(&Shape::Structure(&REQUEST)))
}

/// `--generate-cli-skeleton output`: string members hold their own name, booleans are `true`.
/// (The response shape has two members, restated from [`crate::SendChatIntegrationEventResponse`].)
pub fn output_json() -> String {
    let value = crate::json::write::object(|members| {
        members.add("InitialContactId", &"InitialContactId").add("NewChatCreated", &true);
    });
    pretty4(&value)
}

/// `--generate-cli-skeleton yaml-input` (CLI v2 only): YAML with the CLI's end-of-line comments.
pub fn yaml_input() -> String {
    let mut out = String::new();
    yaml_structure(&REQUEST, "", 0, &mut out);
    out
}

fn skeleton_value(shape: &Shape) -> serde_json::Value {
    match shape {
        Shape::String { enum_values, .. } => serde_json::Value::String(enum_values.first().unwrap_or(&"").to_string()),
        Shape::Structure(s) => {
            serde_json::Value::Object(s.members.iter().map(|m| (m.name.to_string(), skeleton_value(m.shape))).collect())
        }
        Shape::List { member, .. } => serde_json::Value::Array(vec![skeleton_value(member)]),
        Shape::Map { value, .. } => {
            serde_json::Value::Object([("KeyName".to_string(), skeleton_value(value))].into_iter().collect())
        }
    }
}

/// JSON with 4-space indentation and a final newline, as Python's `json.dumps(indent=4)` prints it.
fn pretty4(value: &serde_json::Value) -> String {
    crate::json::write::pretty(value, "    ") + "\n"
}

fn comment(path: &str, required: bool, shape: &Shape) -> Option<String> {
    let mut text = String::new();
    if required {
        text.push_str("[REQUIRED] ");
    }
    text.push_str(doc(path)?);
    if let Shape::String { enum_values, .. } = shape {
        if !enum_values.is_empty() {
            text.push_str(" Valid values are: ");
            text.push_str(&enum_values.join(", "));
            text.push('.');
        }
    }
    Some(text)
}

/// CLI v2 writes the skeleton with ruamel.yaml, which puts two spaces before the comment of the
/// first key of each mapping and one before the others.
fn yaml_structure(structure: &Structure, parent: &str, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for (i, member) in structure.members.iter().enumerate() {
        let path = if parent.is_empty() { member.name.to_string() } else { format!("{parent}.{}", member.name) };
        out.push_str(&pad);
        out.push_str(member.name);
        out.push(':');
        if let Shape::String { enum_values, .. } = member.shape {
            out.push(' ');
            out.push_str(enum_values.first().copied().unwrap_or("''"));
        }
        if let Some(comment) = comment(&path, member.required, member.shape) {
            out.push_str(if i == 0 { "  # " } else { " # " });
            out.push_str(&comment);
        }
        out.push('\n');
        match member.shape {
            Shape::String { .. } => {}
            Shape::Structure(s) => yaml_structure(s, &path, indent + 2, out),
            Shape::List { .. } => {
                out.push_str(&pad);
                out.push_str("- ''\n");
            }
            Shape::Map { .. } => {
                out.push_str(&pad);
                out.push_str("  KeyName: ''\n");
            }
        }
    }
}
