//! Channel rules: Subtype spellings, E.164 SourceIds, text/plain only on SMS and WhatsApp,
//! WhatsApp's 1,024-character texts, and the shapes of the ARNs.

mod validate_support;

use serde_json::{json, Value};
use validate_support::{check, find, rep, run_table, with};

fn s(x: impl Into<String>) -> Option<Value> {
    Some(Value::String(x.into()))
}

#[test]
fn subtypes() {
    let sub = |x: &str| vec![("/Subtype", s(x))];
    run_table(&[
        ("connect:sms", sub("connect:sms"), &[]),
        ("connect:SMS", sub("connect:SMS"), &[]),
        ("connect:WhatsApp", sub("connect:WhatsApp"), &[]),
        ("connect:Sms", sub("connect:Sms"), &[("Subtype", "subtype-case")]),
        ("connect:whatsapp", sub("connect:whatsapp"), &[("Subtype", "subtype-case")]),
        ("garbled doc value", sub("connect:\"WhatsApp\""), &[("Subtype", "subtype-unknown")]),
        ("sms", sub("sms"), &[("Subtype", "subtype-unknown")]),
        // A custom subtype: no phone rules, and no DestinationId rule.
        (
            "custom",
            vec![("/Subtype", s("acme:chat")), ("/SourceId", s("user-1")), ("/DestinationId", s("desk-2"))],
            &[("Subtype", "subtype-unknown")],
        ),
    ]);
    for (subtype, want) in [
        ("connect:Sms", "connect:sms"),
        ("CONNECT:WHATSAPP", "connect:WhatsApp"),
        ("connect:\"WhatsApp\"", "connect:WhatsApp"),
        ("sms", "connect:sms"),
        ("WhatsApp", "connect:WhatsApp"),
        ("connect:smss", "connect:sms"),
    ] {
        let d = check(&with(&sub(subtype)));
        assert_eq!(d.len(), 1, "{subtype}: {d:#?}");
        assert_eq!(d[0].suggestion.as_deref(), Some(want), "{subtype}");
    }
    let d = check(&with(&sub("connect:\"WhatsApp\"")));
    assert!(d[0].message.contains("garbled"), "{}", d[0].message);
}

#[test]
fn source_id_is_e164_on_phone_channels() {
    let src = |sub: &str, id: &str| vec![("/Subtype", s(sub)), ("/SourceId", s(id))];
    run_table(&[
        ("E.164 on SMS", src("connect:sms", "+15551234567"), &[]),
        ("8 digits", src("connect:sms", "+12345678"), &[]),
        ("7 digits", src("connect:sms", "+1234567"), &[("SourceId", "source-id-not-e164")]),
        ("15 digits", src("connect:WhatsApp", "+123456789012345"), &[]),
        ("16 digits", src("connect:WhatsApp", "+1234567890123456"), &[("SourceId", "source-id-not-e164")]),
        ("spaces", src("connect:sms", "+1 555 123 4567"), &[("SourceId", "source-id-not-e164")]),
        ("national", src("connect:SMS", "(555) 123-4567"), &[("SourceId", "source-id-not-e164")]),
        (
            "case variant still counts as SMS",
            src("connect:Sms", "5551234567"),
            &[("Subtype", "subtype-case"), ("SourceId", "source-id-not-e164")],
        ),
    ]);
    for (id, want) in
        [("+1 555 123 4567", Some("+15551234567")), ("(555) 123-4567", Some("+15551234567")), ("customer-7", None)]
    {
        let d = check(&with(&src("connect:sms", id)));
        assert_eq!(find(&d, "SourceId", "source-id-not-e164").suggestion.as_deref(), want, "{id}");
    }
    let d = check(&with(&src("connect:sms", "(555) 123-4567")));
    assert!(find(&d, "SourceId", "source-id-not-e164").message.contains("assuming a North American number"));
}

#[test]
fn only_text_plain_on_phone_channels_and_whatsapp_length() {
    let msg = |sub: &str, ct: &str, content: String| {
        vec![
            ("/Subtype", s(sub)),
            ("/Event", Some(json!({"Type": "MESSAGE", "ContentType": ct, "Content": content}))),
            ("/NewSessionDetails", None),
        ]
    };
    run_table(&[
        (
            "markdown on SMS",
            msg("connect:sms", "text/markdown", "*x*".into()),
            &[("Event.ContentType", "channel-content-type")],
        ),
        (
            "JSON on WhatsApp",
            msg("connect:WhatsApp", "application/json", "{}".into()),
            &[("Event.ContentType", "channel-content-type")],
        ),
        (
            "markdown without a Subtype",
            vec![("/Subtype", None), ("/Event/ContentType", s("text/markdown")), ("/NewSessionDetails", None)],
            &[],
        ),
        ("WhatsApp 1,024", msg("connect:WhatsApp", "text/plain", rep("x", 1_024)), &[]),
        (
            "WhatsApp 1,025",
            msg("connect:WhatsApp", "text/plain", rep("x", 1_025)),
            &[("Event.Content", "whatsapp-text-too-long")],
        ),
        ("WhatsApp 1,024 emoji", msg("connect:WhatsApp", "text/plain", rep("😀", 1_024)), &[]),
        (
            "WhatsApp 1,025 emoji",
            msg("connect:WhatsApp", "text/plain", rep("😀", 1_025)),
            &[("Event.Content", "whatsapp-text-too-long")],
        ),
        ("SMS 1,025", msg("connect:sms", "text/plain", rep("x", 1_025)), &[]),
        (
            "WhatsApp 16,385",
            msg("connect:WhatsApp", "text/plain", rep("x", 16_385)),
            &[("Event.Content", "whatsapp-text-too-long"), ("Event.Content", "max-length")],
        ),
    ]);
}

#[test]
fn arn_shapes() {
    const ARN: &str = "NewSessionDetails.StreamingConfiguration.StreamingEndpointArn";
    let dest = |d: &str| vec![("/DestinationId", s(d))];
    let stream = |a: &str| vec![("/NewSessionDetails/StreamingConfiguration/StreamingEndpointArn", s(a))];
    run_table(&[
        ("phone-number ARN", dest("arn:aws:sms-voice:eu-west-2:111122223333:phone-number/phone-1"), &[]),
        ("a phone number", dest("+15551234567"), &[("DestinationId", "destination-not-phone-number-arn")]),
        (
            "a Pinpoint-era ARN",
            dest("arn:aws:mobiletargeting:us-east-1:111122223333:apps/x"),
            &[("DestinationId", "destination-not-phone-number-arn")],
        ),
        (
            "a short account",
            dest("arn:aws:sms-voice:us-east-1:1111:phone-number/p"),
            &[("DestinationId", "destination-not-phone-number-arn")],
        ),
        (
            "no Subtype: still End User Messaging",
            vec![("/Subtype", None), ("/DestinationId", s("desk"))],
            &[("DestinationId", "destination-not-phone-number-arn")],
        ),
        ("SNS topic", stream("arn:aws-cn:sns:cn-north-1:111122223333:chat"), &[]),
        ("SQS queue", stream("arn:aws:sqs:us-east-1:111122223333:chat"), &[(ARN, "streaming-arn-not-sns")]),
        ("FIFO topic", stream("arn:aws:sns:us-east-1:111122223333:chat.fifo"), &[(ARN, "streaming-arn-not-sns")]),
        ("not an ARN", stream("chat-topic"), &[(ARN, "streaming-arn-not-sns")]),
    ]);
    let d = check(&with(&dest("+15551234567")));
    let m = &find(&d, "DestinationId", "destination-not-phone-number-arn").message;
    assert!(m.contains("Server Migration Service") && m.contains("looks like a phone number"), "{m}");
    let d = check(&with(&stream("arn:aws:sns:us-east-1:1234:chat")));
    assert!(find(&d, ARN, "streaming-arn-not-sns").message.contains("12-digit"));
}
