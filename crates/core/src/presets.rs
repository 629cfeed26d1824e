//! Ready-made requests: the common steps of an SMS or WhatsApp conversation, and a few broken
//! requests that each teach one common mistake. The playground offers them as starting points;
//! the tests below check that the good ones are clean and the broken ones fail as they claim.

use crate::SendChatIntegrationEventRequest;

/// One named example request.
#[derive(Debug)]
pub struct Preset {
    /// A stable identifier, usable in URLs.
    pub id: &'static str,
    /// A short title for a menu.
    pub title: &'static str,
    /// One sentence: what the request does, or which mistake it shows.
    pub description: &'static str,
    /// True for the requests that are meant to be wrong.
    pub broken: bool,
    json: &'static str,
}

impl Preset {
    /// The request. The texts are fixed and checked by the tests, so this never fails; a parse
    /// failure would give the empty request rather than a panic.
    pub fn request(&self) -> SendChatIntegrationEventRequest {
        SendChatIntegrationEventRequest::from_json(self.json).unwrap_or_default()
    }
}

/// Looks a preset up by [`Preset::id`].
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// All presets: the conversation first, in the order it happens, then the broken ones.
pub static PRESETS: &[Preset] = &[
    Preset {
        id: "first-sms",
        title: "First SMS message",
        description: "A customer texts for the first time: no chat exists, so one is created with NewSessionDetails.",
        broken: false,
        json: r#"{
  "SourceId": "+14155550123",
  "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890",
  "Subtype": "connect:sms",
  "Event": { "Type": "MESSAGE", "ContentType": "text/plain", "Content": "Hi, I need to change my delivery address." },
  "NewSessionDetails": {
    "SupportedMessagingContentTypes": ["text/plain"],
    "ParticipantDetails": { "DisplayName": "Customer +14155550123" },
    "Attributes": { "channel": "sms", "customer-tier": "gold" }
  }
}"#,
    },
    Preset {
        id: "sms-reply",
        title: "Reply in the same chat",
        description:
            "The same customer writes again: same SourceId, DestinationId and Subtype, so the active chat is reused.",
        broken: false,
        json: r#"{
  "SourceId": "+14155550123",
  "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890",
  "Subtype": "connect:sms",
  "Event": { "Type": "MESSAGE", "ContentType": "text/plain", "Content": "It's 12 Elm Street, apartment 4." }
}"#,
    },
    Preset {
        id: "typing",
        title: "Typing indicator",
        description: "An EVENT that tells the agent the customer is typing; it needs no Content.",
        broken: false,
        json: r#"{
  "SourceId": "+14155550123",
  "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890",
  "Subtype": "connect:sms",
  "Event": { "Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.typing" }
}"#,
    },
    Preset {
        id: "read-receipt",
        title: "Read receipt",
        description: "An EVENT saying the customer read a message; its Content is JSON naming the message.",
        broken: false,
        json: r#"{
  "SourceId": "+14155550123",
  "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890",
  "Subtype": "connect:sms",
  "Event": {
    "Type": "EVENT",
    "ContentType": "application/vnd.amazonaws.connect.event.message.read",
    "Content": "{\"messageId\":\"7f3c1e2a-9b4d-4e6f-8a1b-2c3d4e5f6a7b\"}"
  }
}"#,
    },
    Preset {
        id: "disconnect",
        title: "Disconnect",
        description: "Ends the active chat; the next message from this customer creates a new one.",
        broken: false,
        json: r#"{
  "SourceId": "+14155550123",
  "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890",
  "Subtype": "connect:sms",
  "Event": { "Type": "DISCONNECT" }
}"#,
    },
    Preset {
        id: "whatsapp-attributes",
        title: "WhatsApp message with attributes",
        description: "A WhatsApp message that starts a chat with contact attributes and a streaming endpoint.",
        broken: false,
        json: r#"{
  "SourceId": "+5511987654321",
  "DestinationId": "arn:aws:sms-voice:sa-east-1:111122223333:phone-number/phone-1f2e3d4c5b6a79800",
  "Subtype": "connect:WhatsApp",
  "Event": { "Type": "MESSAGE", "ContentType": "text/plain", "Content": "Olá! Meu pedido ainda não chegou." },
  "NewSessionDetails": {
    "SupportedMessagingContentTypes": ["text/plain"],
    "ParticipantDetails": { "DisplayName": "Marina" },
    "Attributes": { "customer-id": "C-1042", "locale": "pt_BR", "order_ref": "A-7731" },
    "StreamingConfiguration": { "StreamingEndpointArn": "arn:aws:sns:sa-east-1:111122223333:chat-transcripts" }
  }
}"#,
    },
    Preset {
        id: "broken-lowercase-type",
        title: "Broken: Type in lower case",
        description:
            "Event.Type is an enum and case matters: \"message\" is rejected by the service (the CLI lets it through).",
        broken: true,
        json: r#"{
  "SourceId": "+14155550123",
  "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890",
  "Subtype": "connect:sms",
  "Event": { "Type": "message", "ContentType": "text/plain", "Content": "Hello" }
}"#,
    },
    Preset {
        id: "broken-phone-format",
        title: "Broken: phone number not in E.164",
        description:
            "For SMS the SourceId is the customer's number in E.164 form (+ and digits), not as people write it.",
        broken: true,
        json: r#"{
  "SourceId": "(415) 555-0123",
  "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890",
  "Subtype": "connect:sms",
  "Event": { "Type": "MESSAGE", "ContentType": "text/plain", "Content": "Hello" }
}"#,
    },
    Preset {
        id: "broken-missing-content-type",
        title: "Broken: MESSAGE without ContentType",
        description: "The model does not require ContentType, but a MESSAGE without one is rejected by the service.",
        broken: true,
        json: r#"{
  "SourceId": "+14155550123",
  "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890",
  "Subtype": "connect:sms",
  "Event": { "Type": "MESSAGE", "Content": "Hello" }
}"#,
    },
    Preset {
        id: "broken-new-session",
        title: "Broken: NewSessionDetails mistakes",
        description:
            "SupportedMessagingContentTypes without text/plain, an empty DisplayName and an attribute key with a dot.",
        broken: true,
        json: r#"{
  "SourceId": "+14155550123",
  "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0a1b2c3d4e5f67890",
  "Subtype": "connect:sms",
  "Event": { "Type": "MESSAGE", "ContentType": "text/plain", "Content": "Hello" },
  "NewSessionDetails": {
    "SupportedMessagingContentTypes": ["text/markdown"],
    "ParticipantDetails": { "DisplayName": "" },
    "Attributes": { "order.id": "A-7731" }
  }
}"#,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_parses_and_ids_are_unique() {
        for p in PRESETS {
            let parsed = SendChatIntegrationEventRequest::from_json(p.json);
            assert!(parsed.is_ok(), "preset {} does not parse: {:?}", p.id, parsed.err());
            assert_eq!(find(p.id).map(|f| f.title), Some(p.title));
        }
        let mut ids: Vec<_> = PRESETS.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), PRESETS.len());
    }

    #[test]
    fn the_conversation_shares_one_chat_identity() {
        let identity = |id: &str| {
            let r = find(id).map(Preset::request).unwrap_or_default();
            (r.source_id, r.destination_id, r.subtype)
        };
        let first = identity("first-sms");
        assert!(first.0.is_some());
        for id in ["sms-reply", "typing", "read-receipt", "disconnect"] {
            assert_eq!(identity(id), first, "{id} must address the same chat as first-sms");
        }
    }
}
