//! JSON → model → JSON keeps every value and the order of Attributes; and the typed and raw
//! validators agree on every well-typed request.

use chat_event_core::validate::{validate, validate_value};
use chat_event_core::{
    Attributes, ChatEvent, ChatStreamingConfiguration, NewSessionDetails, ParticipantDetails,
    SendChatIntegrationEventRequest,
};
use proptest::prelude::*;

/// Strings that exercise the rules: known values, boundaries around the limits, arbitrary Unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        1 => Just(String::new()),
        1 => prop::sample::select(vec![
            "MESSAGE", "EVENT", "DISCONNECT", "message", "text/plain", "text/markdown", "application/json",
            "connect:sms", "connect:WhatsApp", "connect:Sms", "+15551234567", "(555) 123-4567",
            "arn:aws:sms-voice:us-east-1:111122223333:phone-number/p", "arn:aws:sns:us-east-1:111122223333:t",
            "application/vnd.amazonaws.connect.event.message.read", "{\"messageId\":\"m\"}", "😀é日",
        ]).prop_map(str::to_string),
        1 => (0usize..3, prop::sample::select(vec!["x", "é", "😀"])).prop_map(|(i, c)| c.repeat([255, 256, 1025][i])),
    ]
}

fn opt<T: std::fmt::Debug + Clone>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop::option::weighted(0.7, s)
}

fn attributes() -> impl Strategy<Value = Attributes> {
    prop::collection::vec((text(), text()), 0..6).prop_map(|pairs| {
        let mut map = Attributes::default();
        for (k, v) in pairs {
            map.entry(k).or_insert(v);
        }
        map
    })
}

fn request() -> impl Strategy<Value = SendChatIntegrationEventRequest> {
    let event = (opt(text()), opt(text()), opt(text())).prop_map(|(r#type, content_type, content)| ChatEvent {
        r#type,
        content_type,
        content,
    });
    let nsd = (
        opt(prop::collection::vec(text(), 0..4)),
        opt(opt(text()).prop_map(|display_name| ParticipantDetails { display_name })),
        opt(attributes()),
        opt(opt(text()).prop_map(|streaming_endpoint_arn| ChatStreamingConfiguration { streaming_endpoint_arn })),
    )
        .prop_map(
            |(supported_messaging_content_types, participant_details, attributes, streaming_configuration)| {
                NewSessionDetails {
                    supported_messaging_content_types,
                    participant_details,
                    attributes,
                    streaming_configuration,
                }
            },
        );
    (opt(text()), opt(text()), opt(text()), opt(event), opt(nsd)).prop_map(
        |(source_id, destination_id, subtype, event, new_session_details)| SendChatIntegrationEventRequest {
            source_id,
            destination_id,
            subtype,
            event,
            new_session_details,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn json_model_json_keeps_values_and_attribute_order(req in request()) {
        let text = serde_json::to_string(&req).unwrap();
        let back = SendChatIntegrationEventRequest::from_json(&text).unwrap();
        prop_assert_eq!(&back, &req);
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), text.clone());
        let pretty = SendChatIntegrationEventRequest::from_json(&req.to_json_pretty()).unwrap();
        prop_assert_eq!(&pretty, &req);
        let order = |r: &SendChatIntegrationEventRequest| -> Vec<String> {
            r.new_session_details.as_ref().and_then(|n| n.attributes.as_ref()).map(|a| a.keys().cloned().collect()).unwrap_or_default()
        };
        prop_assert_eq!(order(&back), order(&req));
        // Through the raw tree too: the JSON value keeps member and key order.
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(serde_json::to_string(&value).unwrap(), text);
    }

    #[test]
    fn typed_and_raw_validation_agree(req in request()) {
        let value = serde_json::to_value(&req).unwrap();
        prop_assert_eq!(validate(&req), validate_value(&value));
    }
}

#[test]
fn member_order_follows_the_model_whatever_the_input_order() {
    let text = r#"{"Event":{"Content":"hi","Type":"MESSAGE"},"SourceId":"s","NewSessionDetails":{"Attributes":{"z":"1","a":"2","m":"3"}},"DestinationId":"d"}"#;
    let req = SendChatIntegrationEventRequest::from_json(text).unwrap();
    assert_eq!(
        serde_json::to_string(&req).unwrap(),
        r#"{"SourceId":"s","DestinationId":"d","Event":{"Type":"MESSAGE","Content":"hi"},"NewSessionDetails":{"Attributes":{"z":"1","a":"2","m":"3"}}}"#
    );
}
