//! The request as a Rust program calling aws-sdk-connect: the fluent builder of the operation, a
//! builder per structure member, `ChatEventType` for the event's type, and `.send().await?`.
//!
//! aws-sdk-connect's builders (smithy-rs) differ by whether a structure has required members:
//! `ChatEvent` (`Type`), `ParticipantDetails` (`DisplayName`) and `ChatStreamingConfiguration`
//! (`StreamingEndpointArn`) build to a `Result`, hence `.build()?`; `NewSessionDetails` has none
//! and builds to the value. A list member's setter appends one item and a map member's setter
//! inserts one entry, so each item is a call; an empty list or map is set whole.

use std::fmt::Write as _;

use crate::model::{ChatEvent, NewSessionDetails, SendChatIntegrationEventRequest};

/// The program. `explain` writes the explaining comment (or nothing) at the call's indentation.
pub fn render(
    request: &SendChatIntegrationEventRequest,
    region: Option<&str>,
    explain: &dyn Fn(&mut String),
) -> String {
    // The types the program names, in alphabetical order, as rustfmt orders an import list.
    let details = request.new_session_details.as_ref();
    let types: Vec<&str> = [
        ("ChatEvent", request.event.is_some()),
        ("ChatEventType", request.event.is_some()),
        ("ChatStreamingConfiguration", details.is_some_and(|d| d.streaming_configuration.is_some())),
        ("NewSessionDetails", details.is_some()),
        ("ParticipantDetails", details.is_some_and(|d| d.participant_details.is_some())),
    ]
    .into_iter()
    .filter_map(|(name, used)| used.then_some(name))
    .collect();
    let mut out = String::new();
    match types.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(out, "use aws_sdk_connect::types::{one};\n");
        }
        many => {
            let _ = writeln!(out, "use aws_sdk_connect::types::{{{}}};\n", many.join(", "));
        }
    }
    out.push_str("#[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {\n");
    match region {
        Some(region) => {
            out.push_str("    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())\n        .region(aws_config::Region::new(");
            out.push_str(&literal(region));
            out.push_str("))\n        .load()\n        .await;\n");
        }
        None => {
            out.push_str("    let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;\n")
        }
    }
    out.push_str("    let client = aws_sdk_connect::Client::new(&config);\n");
    explain(&mut out);
    out.push_str("    let response = client\n        .send_chat_integration_event()\n");
    let call = |out: &mut String, method: &str, value: &str| {
        let _ = writeln!(out, "        .{method}({value})");
    };
    if let Some(v) = &request.source_id {
        call(&mut out, "source_id", &literal(v));
    }
    if let Some(v) = &request.destination_id {
        call(&mut out, "destination_id", &literal(v));
    }
    if let Some(v) = &request.subtype {
        call(&mut out, "subtype", &literal(v));
    }
    if let Some(event) = &request.event {
        let _ = writeln!(out, "        .event(\n{}        )", chat_event(event));
    }
    if let Some(details) = &request.new_session_details {
        let _ = writeln!(out, "        .new_session_details(\n{}        )", new_session_details(details));
    }
    out.push_str("        .send()\n        .await?;\n");
    out.push_str(
        "    println!(\"{:?} {:?}\", response.initial_contact_id(), response.new_chat_created());\n    Ok(())\n}\n",
    );
    out
}

/// Lines of a builder chain, each at the depth of an argument of the call above.
struct Chain(String);

impl Chain {
    fn new(start: &str) -> Chain {
        Chain(format!("            {start}\n"))
    }

    fn call(mut self, method: &str, argument: &str) -> Chain {
        let _ = writeln!(self.0, "                .{method}({argument})");
        self
    }

    fn end(mut self, build: &str) -> String {
        let _ = writeln!(self.0, "                {build},");
        self.0
    }
}

fn chat_event(event: &ChatEvent) -> String {
    let mut chain = Chain::new("ChatEvent::builder()");
    if let Some(kind) = &event.r#type {
        chain = chain.call("r#type", &event_type(kind));
    }
    if let Some(v) = &event.content_type {
        chain = chain.call("content_type", &literal(v));
    }
    if let Some(v) = &event.content {
        chain = chain.call("content", &literal(v));
    }
    chain.end(".build()?")
}

/// `ChatEventType::Message` for the three values the model knows; any other text as the SDK's
/// unknown variant, which it sends as written.
fn event_type(kind: &str) -> String {
    match kind {
        "MESSAGE" => "ChatEventType::Message".into(),
        "EVENT" => "ChatEventType::Event".into(),
        "DISCONNECT" => "ChatEventType::Disconnect".into(),
        other => format!("ChatEventType::from({})", literal(other)),
    }
}

fn new_session_details(details: &NewSessionDetails) -> String {
    let mut chain = Chain::new("NewSessionDetails::builder()");
    match details.supported_messaging_content_types.as_deref() {
        Some([]) => chain = chain.call("set_supported_messaging_content_types", "Some(Vec::new())"),
        Some(types) => {
            for t in types {
                chain = chain.call("supported_messaging_content_types", &literal(t));
            }
        }
        None => {}
    }
    if let Some(participant) = &details.participant_details {
        let mut inner = String::from("ParticipantDetails::builder()");
        if let Some(name) = &participant.display_name {
            let _ = write!(inner, ".display_name({})", literal(name));
        }
        inner.push_str(".build()?");
        chain = chain.call("participant_details", &inner);
    }
    match &details.attributes {
        Some(attributes) if attributes.is_empty() => {
            chain = chain.call("set_attributes", "Some(std::collections::HashMap::new())");
        }
        Some(attributes) => {
            for (key, value) in attributes {
                chain = chain.call("attributes", &format!("{}, {}", literal(key), literal(value)));
            }
        }
        None => {}
    }
    if let Some(streaming) = &details.streaming_configuration {
        let mut inner = String::from("ChatStreamingConfiguration::builder()");
        if let Some(arn) = &streaming.streaming_endpoint_arn {
            let _ = write!(inner, ".streaming_endpoint_arn({})", literal(arn));
        }
        inner.push_str(".build()?");
        chain = chain.call("streaming_configuration", &inner);
    }
    chain.end(".build()")
}

/// A Rust string literal of `text`: a raw string (`r#"…"#`) when the text holds quotes or
/// backslashes and no control character, so that it reads as written; otherwise a plain literal,
/// with `\"`, `\\`, `\n`, `\r`, `\t`, `\0` and `\u{…}` for other control characters. Other
/// characters, non-ASCII included, are written as they are: Rust source is UTF-8.
pub fn literal(text: &str) -> String {
    let control = text.chars().any(char::is_control);
    if !control && (text.contains('"') || text.contains('\\')) {
        // Enough `#`s that no `"#…` inside ends the string early.
        let mut hashes = 1;
        while text.contains(&format!("\"{}", "#".repeat(hashes))) {
            hashes += 1;
        }
        let fence = "#".repeat(hashes);
        return format!("r{fence}\"{text}\"{fence}");
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
