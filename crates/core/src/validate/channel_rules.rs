//! Rules that come from the channels (SMS and WhatsApp through AWS End User Messaging) rather than
//! from the model or the API docs. The channel is read from `Subtype` ([`crate::channel`]).
//!
//! Severities. Errors where the channel refuses the content: SMS and WhatsApp deliver only
//! `text/plain` messages, and WhatsApp refuses texts over 1,024 characters. Warnings everywhere
//! else, because the service accepts the request: a Subtype in another letter case or one AWS does
//! not document still makes a chat (just not on the channel meant); a SourceId that is not E.164
//! creates a chat whose replies cannot be routed to a phone; a DestinationId or StreamingEndpointArn
//! of the wrong shape is a free string to the model, but is most likely not the resource meant.

use std::borrow::Cow;

use super::model_rules::max_length;
use super::view::{Field, RequestView};
use super::{codes, did_you_mean, preview, suggest::near_miss, thousands, Memo};
use crate::channel::{self, Channel, SubtypeSpelling};
use crate::content_type as ct;
use crate::Diagnostic;

/// WhatsApp's limit on a text message, in characters.
pub const WHATSAPP_TEXT_MAX_CHARS: usize = 1_024;

pub(crate) fn check(view: &RequestView<'_>, out: &mut Vec<Diagnostic>, memo: Option<&mut Memo>) {
    let subtype = view.subtype.get().filter(|s| !s.is_empty());
    if let Some(s) = subtype {
        subtype_spelling(s, out);
    }
    let channel = Channel::from_subtype(subtype);
    if channel.is_phone() {
        if let Some(id) = view.source_id.get().filter(|s| !s.is_empty()) {
            source_id(channel, id, out);
        }
        if let Field::Present(event) = view.event {
            if event.r#type.get() == Some("MESSAGE") {
                message_on_phone(channel, event.content_type.get(), event.content.get(), out);
            }
        }
    }
    // Access to the operation is limited to End User Messaging, so without a Subtype the
    // destination is still its phone number; a custom subtype may use its own ids.
    if channel != Channel::Other {
        if let Some(id) = view.destination_id.get().filter(|s| !s.is_empty()) {
            destination_id(id, out, memo);
        }
    }
    if let Field::Present(nsd) = view.new_session {
        if let Field::Present(Field::Present(arn)) = nsd.streaming {
            if !arn.is_empty() {
                if let Err(why) = channel::check_sns_topic_arn(arn) {
                    out.push(codes::STREAMING_ARN_NOT_SNS.diagnostic("NewSessionDetails.StreamingConfiguration.StreamingEndpointArn", format!(
                            "StreamingEndpointArn should be a standard SNS topic's ARN (arn:PARTITION:sns:REGION:ACCOUNT:TOPIC), which receives the chat's messages in real time, but {why}. The model accepts any string of 1 to 350 characters, so the mistake would show only when streaming starts."
                        )));
                }
            }
        }
    }
}

fn subtype_spelling(s: &str, out: &mut Vec<Diagnostic>) {
    match channel::subtype_spelling(s) {
        SubtypeSpelling::Exact => {}
        SubtypeSpelling::CaseVariant(canonical) => {
            let mut d = codes::SUBTYPE_CASE.diagnostic("Subtype", format!(
                    "Subtype is {}; AWS spells it {canonical}. Subtype is part of the chat's identity, so another spelling may not be recognized as the channel and would not match chats started with the usual one.",
                    preview(s)
                ));
            d.suggestion = Some(canonical.to_string());
            out.push(d);
        }
        SubtypeSpelling::Unknown => {
            let mut d = codes::SUBTYPE_UNKNOWN.diagnostic("Subtype", format!(
                    "Subtype is {}, which AWS does not document; the known subtypes are connect:sms (also written connect:SMS) and connect:WhatsApp. The model accepts any string of 1 to 100 characters.",
                    preview(s)
                ));
            // A copy without quotes only where there are quotes: most unknown subtypes have none.
            let quotes = ['"', '\''];
            let unquoted: Cow<'_, str> =
                if s.contains(quotes) { Cow::Owned(s.replace(quotes, "")) } else { Cow::Borrowed(s) };
            let bare = match unquoted.get(..8) {
                Some(prefix) if prefix.eq_ignore_ascii_case("connect:") => unquoted.get(8..).unwrap_or_default(),
                _ => &unquoted,
            };
            let suggestion = if bare.eq_ignore_ascii_case("sms") {
                Some(channel::SUBTYPE_SMS)
            } else if bare.eq_ignore_ascii_case("whatsapp") {
                Some(channel::SUBTYPE_WHATSAPP)
            } else {
                near_miss(s, &[channel::SUBTYPE_SMS, channel::SUBTYPE_WHATSAPP])
            };
            if unquoted.len() != s.len() && suggestion.is_some() {
                d.message.push_str(
                    " AWS's reference prints the valid values garbled as [\"connect:sms\", connect:\"WhatsApp\"]; the quotes are not part of the value.",
                );
            }
            if let Some(sug) = suggestion {
                did_you_mean(&mut d, sug, "");
            }
            out.push(d);
        }
    }
}

fn source_id(channel: Channel, id: &str, out: &mut Vec<Diagnostic>) {
    if channel::is_e164(id) {
        return;
    }
    let normalized = channel::normalize_e164(id);
    let mut d = codes::SOURCE_ID_NOT_E164.diagnostic("SourceId", format!(
            "SourceId is {}; on {} it should be the customer's phone number in E.164 form ('+' then 8 to 15 digits, no spaces). The service accepts any string, but replies could not be delivered to it.",
            preview(id),
            channel.label()
        ));
    if let Some(n) = normalized {
        let assumed = if !id.trim_start().starts_with('+') && !id.trim_start().starts_with("00") {
            " (assuming a North American number, +1)"
        } else {
            ""
        };
        did_you_mean(&mut d, &n, assumed);
    }
    out.push(d);
}

fn message_on_phone(channel: Channel, content_type: Option<&str>, content: Option<&str>, out: &mut Vec<Diagnostic>) {
    let Some(t) = content_type else { return };
    if t != ct::TEXT_PLAIN {
        // Content types that are wrong for any MESSAGE are reported by the docs rules.
        if ct::MESSAGE_CONTENT_TYPES.contains(&t) {
            let mut d = codes::CHANNEL_CONTENT_TYPE.diagnostic("Event.ContentType", format!(
                    "Event.ContentType is {t}, but {} delivers only text/plain messages (AWS's SendMessage docs say so for SMS, WhatsApp and Apple Messages for Business).",
                    channel.label()
                ));
            d.suggestion = Some(ct::TEXT_PLAIN.to_string());
            out.push(d);
        }
        return;
    }
    if channel != Channel::WhatsApp {
        return;
    }
    let Some(c) = content else { return };
    if c.len() <= WHATSAPP_TEXT_MAX_CHARS {
        return;
    }
    let n = c.chars().count();
    // Over the model's 16,384 is a max-length error as well; both are true and both are reported.
    if n > WHATSAPP_TEXT_MAX_CHARS {
        let over_model =
            if n > max_length(&crate::shape::CHAT_CONTENT) { " (and over the model's 16,384)" } else { "" };
        out.push(codes::WHATSAPP_TEXT_TOO_LONG.diagnostic("Event.Content", format!(
                "Event.Content is {} characters{over_model}; WhatsApp refuses text messages over {} characters. Split it into several messages.",
                thousands(n),
                thousands(WHATSAPP_TEXT_MAX_CHARS)
            )));
    }
}

fn destination_id(id: &str, out: &mut Vec<Diagnostic>, memo: Option<&mut Memo>) {
    let why = match memo {
        Some(memo) if memo.phone_number_arn == id => return,
        Some(memo) => match channel::check_phone_number_arn(id) {
            Ok(()) => {
                // Reuses the buffer: a new destination allocates only when it is longer.
                memo.phone_number_arn.clear();
                memo.phone_number_arn.push_str(id);
                return;
            }
            Err(why) => why,
        },
        None => match channel::check_phone_number_arn(id) {
            Ok(()) => return,
            Err(why) => why,
        },
    };
    let mut message = format!(
        "DestinationId should be the AWS End User Messaging phone-number ARN that received the message (arn:PARTITION:sms-voice:REGION:ACCOUNT:phone-number/ID), but {why}. The model accepts any string of 1 to 255 characters, so the service would look for a chat on a destination that does not exist."
    );
    if channel::is_e164(id) || channel::normalize_e164(id).is_some() {
        message.push_str(" It looks like a phone number: give the ARN of that number instead.");
    }
    message.push_str(" (AWS's reference says \"Server Migration Service\" here: an automatic expansion of SMS, the text-message channel; the unrelated AWS product is not meant.)");
    out.push(codes::DESTINATION_NOT_PHONE_NUMBER_ARN.diagnostic("DestinationId", message));
}
