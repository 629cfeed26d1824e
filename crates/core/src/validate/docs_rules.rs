//! Rules that AWS's documentation states but the service model does not encode: which content
//! types each event takes, which content it needs, SupportedMessagingContentTypes, and the
//! Attributes rules shared with StartChatContact.
//!
//! Severities. Error where the docs say the service needs or refuses something (a MESSAGE without
//! ContentType or Content, a content type SendMessage/SendEvent do not list, `application/json`
//! that is not JSON, a list without `text/plain`, a bad attribute key, attributes over 32,768
//! bytes): the request fails. Warning where the service accepts the request but part of it does
//! nothing or is on its way out (ContentType/Content/NewSessionDetails on a DISCONNECT are ignored;
//! `connection.acknowledged` is deprecated; a duplicate list item is harmless; a content type the
//! new session does not enable matters only if this event creates the chat; content over 16,384
//! bytes but within 16,384 characters depends on which of the model and the newest docs the
//! service follows).

use super::model_rules::{ATTRIBUTES_PATH, SUPPORTED_PATH};
use super::view::{Field, NewSessionView, RequestView, StrList};
use super::{codes, did_you_mean, preview, suggest::near_miss, thousands};
use crate::content_type::{self as ct, is_receipt};
use crate::json::FromJson;
use crate::Diagnostic;

/// The docs' limit on all Attributes keys and values together, in UTF-8 bytes.
pub const ATTRIBUTES_MAX_BYTES: usize = 32_768;
/// The newest SendMessage docs' limit on Content, in UTF-8 bytes (the model counts characters).
pub const CONTENT_MAX_BYTES: usize = 16_384;

pub(crate) fn check(view: &RequestView<'_>, out: &mut Vec<Diagnostic>) {
    if let Field::Present(event) = view.event {
        let content_type = event.content_type.get().filter(|s| !s.is_empty());
        let content = event.content.get().filter(|s| !s.is_empty());
        match event.r#type.get() {
            // MESSAGE and EVENT share their steps; only the content types' rules differ.
            Some(kind @ ("MESSAGE" | "EVENT")) => {
                let message = kind == "MESSAGE";
                if event.content_type.is_absent() {
                    out.push(codes::CONTENT_TYPE_REQUIRED.diagnostic("Event.ContentType", if message {
                            "Event.ContentType is missing; AWS's docs require it for a MESSAGE (one of SendMessage's content types, such as text/plain). The service model alone does not."
                        } else {
                            "Event.ContentType is missing; AWS's docs require it for an EVENT (one of SendEvent's content types, such as application/vnd.amazonaws.connect.event.typing). The service model alone does not."
                        }.into()));
                }
                if message && event.content.is_absent() {
                    out.push(codes::CONTENT_REQUIRED.diagnostic("Event.Content", "Event.Content is missing; AWS's docs require the message text for a MESSAGE. The service model alone does not.".into()));
                }
                match content_type {
                    Some(t) if message => message_content_type(t, content, view, out),
                    Some(t) => event_content_type(t, content, event.content.is_absent(), out),
                    None => {}
                }
                content_bytes(content, out);
            }
            Some("DISCONNECT") => {
                // Accepted, but the service does nothing with them: a warning, since the sender
                // most likely meant to send a MESSAGE or EVENT.
                for (field, path) in [(event.content_type, "Event.ContentType"), (event.content, "Event.Content")] {
                    if let Field::Present(_) = field {
                        out.push(codes::IGNORED_ON_DISCONNECT.diagnostic(path, format!("{path} is ignored on a DISCONNECT, which only ends the chat. Remove it, or use Type MESSAGE or EVENT to send something.")));
                    }
                }
                if let Field::Present(_) = view.new_session {
                    out.push(codes::NEW_SESSION_ON_DISCONNECT.diagnostic("NewSessionDetails", "NewSessionDetails has no effect on a DISCONNECT: it is used only when the event creates a new chat, and a DISCONNECT does not create one.".into()));
                }
            }
            _ => {} // Missing or not in the enum: reported by the model rules.
        }
    }
    if let Field::Present(nsd) = view.new_session {
        if let Field::Present(list) = nsd.supported {
            supported_types(list, out);
        }
        attributes(&nsd, out);
    }
}

fn not_allowed(t: &str, event_type: &str, allowed: &[&'static str], other: (&str, &[&str]), op: &str) -> Diagnostic {
    let mut d = codes::CONTENT_TYPE_NOT_ALLOWED.diagnostic(
        "Event.ContentType",
        format!(
            "Event.ContentType is {} on {event_type}; AWS's docs allow only {op}'s content types: {}.",
            preview(t),
            allowed.join(", ")
        ),
    );
    if other.1.contains(&t) {
        d.message
            .push_str(&format!(" This content type belongs to {} events: set Event.Type to {}.", other.0, other.0));
    } else if let Some(s) = near_miss(t, allowed) {
        did_you_mean(&mut d, s, "");
    }
    d
}

fn message_content_type(t: &str, content: Option<&str>, view: &RequestView<'_>, out: &mut Vec<Diagnostic>) {
    if !ct::MESSAGE_CONTENT_TYPES.contains(&t) {
        out.push(not_allowed(
            t,
            "a MESSAGE",
            &ct::MESSAGE_CONTENT_TYPES,
            ("EVENT", &ct::EVENT_CONTENT_TYPES),
            "SendMessage",
        ));
        return;
    }
    if t == ct::APPLICATION_JSON {
        if let Some(c) = content {
            // Skimmed, not built: no allocation on the simulator's hot path.
            if let Err(e) = crate::json::skim(c) {
                out.push(codes::CONTENT_NOT_JSON.diagnostic(
                    "Event.Content",
                    format!(
                        "Event.Content is not JSON, but its ContentType is application/json: {e} (within the content)."
                    ),
                ));
            }
        }
    }
    // The content types a new chat enables: only relevant if this event creates the chat, so a
    // warning. text/plain is always enabled: a list without it is its own error.
    if t == ct::TEXT_PLAIN {
        return;
    }
    if let Field::Present(nsd) = view.new_session {
        if let Field::Present(list) = nsd.supported {
            let mut enabled = false;
            list.for_each(|_, item| enabled |= item == Some(t));
            if !enabled {
                out.push(codes::CONTENT_TYPE_NOT_IN_SESSION.diagnostic("Event.ContentType", format!("Event.ContentType is {t}, which NewSessionDetails.SupportedMessagingContentTypes does not enable; per AWS's docs a new chat accepts only the content types enabled there, so this message would be refused if the event creates the chat.")));
            }
        }
    }
}

/// A read or delivered receipt's content: an object naming the message. Other members are let
/// be (the docs name only `messageId`).
#[derive(FromJson)]
#[json(expected = "an object")]
#[serde(rename_all = "camelCase")]
struct Receipt {
    message_id: String,
}

fn event_content_type(t: &str, content: Option<&str>, content_absent: bool, out: &mut Vec<Diagnostic>) {
    if !ct::EVENT_CONTENT_TYPES.contains(&t) {
        out.push(not_allowed(
            t,
            "an EVENT",
            &ct::EVENT_CONTENT_TYPES,
            ("MESSAGE", &ct::MESSAGE_CONTENT_TYPES),
            "SendEvent",
        ));
        return;
    }
    if t == ct::CONNECTION_ACKNOWLEDGED {
        // Still accepted, but no longer maintained: a warning pointing at the replacement.
        out.push(codes::CONTENT_TYPE_DEPRECATED.diagnostic("Event.ContentType", "Event.ContentType is the connection.acknowledged event, which AWS stopped maintaining on 2024-12-31; AWS's docs say to acknowledge the connection through CreateParticipantConnection (ConnectParticipant) instead.".into()));
    }
    if is_receipt(t) {
        let kind = if t == ct::MESSAGE_READ { "read" } else { "delivered" };
        if content_absent {
            out.push(codes::CONTENT_REQUIRED.diagnostic("Event.Content", format!("Event.Content is missing; AWS's docs require a {kind} receipt to name its message as JSON {{\"messageId\":\"…\"}}.")));
        } else if let Some(c) = content {
            let ok = crate::json::from_text::<Receipt>(c).is_ok_and(|r| !r.message_id.is_empty());
            if !ok {
                out.push(codes::RECEIPT_CONTENT.diagnostic("Event.Content", format!("Event.Content is {}; AWS's docs say a {kind} receipt's content is JSON naming the message, {{\"messageId\":\"…\"}} with a non-empty id.", preview(c))));
            }
        }
    }
}

fn content_bytes(content: Option<&str>, out: &mut Vec<Diagnostic>) {
    let Some(c) = content else { return };
    if c.len() <= CONTENT_MAX_BYTES {
        return;
    }
    let chars = c.chars().count();
    // Over 16,384 characters is the model's max-length error already.
    if chars <= super::model_rules::max_length(&crate::shape::CHAT_CONTENT) {
        out.push(codes::CONTENT_BYTES.diagnostic("Event.Content", format!(
                "Event.Content is {} characters but {} UTF-8 bytes. The service model counts characters (at most 16,384), while AWS's newest SendMessage docs say at most 16,384 bytes; the service may refuse it.",
                thousands(chars),
                thousands(c.len())
            )));
    }
}

/// Bit of each supported type in [`ct::SUPPORTED_MESSAGING_CONTENT_TYPES`], for spotting duplicates
/// without allocating.
fn supported_bit(s: &str) -> Option<u8> {
    ct::SUPPORTED_MESSAGING_CONTENT_TYPES.iter().position(|t| *t == s).map(|i| 1u8 << i)
}

fn supported_types(list: StrList<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen = 0u8;
    let mut any_wrong_type = false;
    list.for_each(|i, item| {
        let Some(s) = item else {
            any_wrong_type = true;
            return;
        };
        if s.is_empty() {
            return; // min-length
        }
        match supported_bit(s) {
            Some(bit) if seen & bit != 0 => out.push(codes::SUPPORTED_TYPE_DUPLICATE.diagnostic(
                &format!("{SUPPORTED_PATH}[{i}]"),
                format!("{s} is listed more than once in {SUPPORTED_PATH}; once is enough."),
            )),
            Some(bit) => seen |= bit,
            None => out.push(unknown_supported(i, s)),
        }
    });
    // A list where an item has the wrong type cannot be judged for text/plain: botocore already
    // rejects it, and the user's fix decides.
    if seen & 1 == 0 && !any_wrong_type {
        out.push(codes::TEXT_PLAIN_MISSING.diagnostic(
            SUPPORTED_PATH,
            format!(
                "{SUPPORTED_PATH} does not include text/plain; AWS's docs require it in the list (in any position)."
            ),
        ));
    }
}

fn unknown_supported(i: usize, s: &str) -> Diagnostic {
    let mut d = codes::SUPPORTED_TYPE_UNKNOWN.diagnostic(
        &format!("{SUPPORTED_PATH}[{i}]"),
        format!(
            "{} is not a supported messaging content type; AWS's docs allow only {}.",
            preview(s),
            ct::SUPPORTED_MESSAGING_CONTENT_TYPES.join(", ")
        ),
    );
    let trimmed = s.trim();
    if trimmed != s && ct::SUPPORTED_MESSAGING_CONTENT_TYPES.contains(&trimmed) {
        // AWS's own reference prints `<code> text/plain</code>`, with a stray space that is easy to copy.
        d.message.push_str(&format!(
            " Remove the surrounding spaces: {trimmed:?}. (AWS's reference shows \" text/plain\" with a stray space; the value has none.)"
        ));
        d.suggestion = Some(trimmed.to_string());
    } else if let Some(near) = near_miss(s, &ct::SUPPORTED_MESSAGING_CONTENT_TYPES) {
        did_you_mean(&mut d, near, "");
    }
    d
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

fn attributes(nsd: &NewSessionView<'_>, out: &mut Vec<Diagnostic>) {
    let Field::Present(map) = nsd.attributes else { return };
    let mut total = 0usize;
    map.for_each(|key, value| {
        total += crate::limits::attribute_bytes(key, value.unwrap_or_default());
        if let Some((at, bad)) = key.chars().enumerate().find(|(_, c)| !is_key_char(*c)) {
            let fixed: String = key.chars().map(|c| if is_key_char(c) { c } else { '_' }).collect();
            let mut d = codes::ATTRIBUTE_KEY_CHARACTERS.diagnostic(&format!("{ATTRIBUTES_PATH} (key: {key})"), format!(
                    "The key {key:?} of {ATTRIBUTES_PATH} has {bad:?} at character {}; AWS's docs allow only letters, digits, '-' and '_' in attribute keys.",
                    at + 1
                ));
            d.suggestion = Some(fixed);
            out.push(d);
        }
    });
    if total > ATTRIBUTES_MAX_BYTES {
        out.push(codes::ATTRIBUTES_TOO_LARGE.diagnostic(ATTRIBUTES_PATH, format!(
                "{ATTRIBUTES_PATH} keys and values total {} UTF-8 bytes; AWS's docs allow at most {} bytes per contact, over all keys and values together.",
                thousands(total),
                thousands(ATTRIBUTES_MAX_BYTES)
            )));
    }
}
