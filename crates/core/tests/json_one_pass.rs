//! The one-pass reader of requests (src/json/one_pass.rs) against the tree readers: whatever it
//! reads, the tree readers read the same with nothing to report, so `validate_json` and
//! `read_request_json` answer as they did before it; and it reads every request our writers write,
//! so the fast path is the usual one.

mod cli_common;

use chat_event_core::import::{read_request, read_request_json};
use chat_event_core::json::{self, one_pass, ToJson};
use chat_event_core::validate::{raw, validate_json, validate_value};
use chat_event_core::{ChatEvent, NewSessionDetails, SendChatIntegrationEventRequest as Request};
use cli_common::arb_request;
use proptest::prelude::*;

/// What the tree readers make of `text` when they find nothing wrong with it: it parses, the raw
/// walk reports nothing, and the typed reader reads it.
fn tree_read(text: &str) -> Option<Request> {
    let value = json::parse(text).ok()?;
    let mut problems = Vec::new();
    raw::check(&value, &mut problems);
    problems.is_empty().then(|| json::read::read(&value).ok()).flatten()
}

/// The one-pass reader and every entry point that uses it agree with the tree readers on `text`.
fn agrees(text: &str) -> Result<Option<Request>, TestCaseError> {
    let fast = one_pass::read::<Request>(text);
    if fast.is_some() {
        prop_assert_eq!(&fast, &tree_read(text), "{:?}", text);
    }
    match json::parse(text) {
        Ok(value) => {
            prop_assert_eq!(validate_json(text), validate_value(&value), "{:?}", text);
            prop_assert_eq!(read_request_json(text), read_request(&value), "{:?}", text);
        }
        Err(_) => prop_assert!(fast.is_none(), "{:?} is not JSON", text),
    }
    Ok(fast)
}

fn request(f: impl FnOnce(&mut Request)) -> Request {
    let mut r = Request::default();
    f(&mut r);
    r
}

#[test]
fn reads_what_is_simply_a_request_and_hands_back_anything_else() {
    let event = |t: Option<&str>, c: Option<&str>| ChatEvent {
        r#type: t.map(Into::into),
        content: c.map(Into::into),
        ..ChatEvent::default()
    };
    let attributes = |pairs: &[(&str, &str)]| NewSessionDetails {
        attributes: Some(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()),
        ..NewSessionDetails::default()
    };
    let read: &[(&str, Request)] = &[
        ("{}", Request::default()),
        (" \n\t{ \"SourceId\" : \"a\" }\r\n", request(|r| r.source_id = Some("a".into()))),
        // A name written with an escape is the name.
        (r#"{"\u0053ourceId":"a"}"#, request(|r| r.source_id = Some("a".into()))),
        (r#"{"SourceId":"a\n\"\u00e9\ud83d\ude00"}"#, request(|r| r.source_id = Some("a\n\"é😀".into()))),
        // A repeated member: its last value, as the tree keeps it.
        (r#"{"SourceId":"a","SourceId":"b"}"#, request(|r| r.source_id = Some("b".into()))),
        (
            r#"{"Event":{"Type":"MESSAGE"},"Event":{"Content":"c"}}"#,
            request(|r| r.event = Some(event(None, Some("c")))),
        ),
        // A repeated key keeps its first place and its last value.
        (
            r#"{"NewSessionDetails":{"Attributes":{"a":"1","b":"2","a":"3"}}}"#,
            request(|r| r.new_session_details = Some(attributes(&[("a", "3"), ("b", "2")]))),
        ),
        (
            r#"{"NewSessionDetails":{"SupportedMessagingContentTypes":[],"Attributes":{}}}"#,
            request(|r| {
                r.new_session_details = Some(NewSessionDetails {
                    supported_messaging_content_types: Some(vec![]),
                    attributes: Some(Default::default()),
                    ..NewSessionDetails::default()
                })
            }),
        ),
        (r#"{"Event":{}}"#, request(|r| r.event = Some(ChatEvent::default()))),
    ];
    for (text, expected) in read {
        assert_eq!(agrees(text).unwrap().as_ref(), Some(expected), "{text:?}");
    }
    let handed_back = [
        "",
        " ",
        "[]",
        "\"a\"",
        "null",
        r#"{"SourceId":null}"#,
        r#"{"SourceId":1}"#,
        r#"{"SourceId":true}"#,
        r#"{"SourceId":["a"]}"#,
        r#"{"sourceId":"a"}"#,
        r#"{"SourceId":"a",}"#,
        r#"{"SourceId":"a" "Subtype":"b"}"#,
        r#"{"SourceId":"a"} x"#,
        r#"{"SourceId":"a"}{}"#,
        r#"{"SourceId""a"}"#,
        r#"{"SourceId":"a"#,
        r#"{"Event":{"Type":"MESSAGE","Extra":"x"}}"#,
        r#"{"Event":"MESSAGE"}"#,
        r#"{"Event":{"Content":"\ud800"}}"#,
        "{\"Event\":{\"Content\":\"a\u{1}b\"}}",
        r#"{"Event":{"Content":"\x"}}"#,
        r#"{"NewSessionDetails":{"SupportedMessagingContentTypes":["a",]}}"#,
        r#"{"NewSessionDetails":{"SupportedMessagingContentTypes":["a",1]}}"#,
        r#"{"NewSessionDetails":{"Attributes":{"a":null}}}"#,
        r#"{"NewSessionDetails":{"Attributes":[]}}"#,
        r#"{"NewSessionDetails":{"ParticipantDetails":{"DisplayName":"a"},}}"#,
    ];
    for text in handed_back {
        assert_eq!(agrees(text).unwrap(), None, "{text:?}");
    }
}

/// Edits that make a request's text into something else: each inserted at a character boundary.
const PIECES: &[&str] =
    &["null", "1", ",", ":", "}", "]", "{", "[", "\"", "\\", " ", "\"x\":\"y\",", "\\u0041", "\u{1}", "é"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every request our writers write is read in one pass, compact and indented.
    #[test]
    fn reads_every_request_as_written(r in arb_request()) {
        for text in [json::write::text(&r.to_json()), r.to_json_pretty()] {
            prop_assert_eq!(agrees(&text)?, Some(r.clone()));
        }
    }

    /// Texts near a request (a piece inserted, some characters cut out) read the same as through the tree.
    #[test]
    fn agrees_with_the_tree_on_broken_texts(
        r in arb_request(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0..PIECES.len(), 0usize..4), 1..4),
    ) {
        let mut text = r.to_json_pretty();
        for (at, piece, cut) in edits {
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let start = boundaries[at.index(boundaries.len())];
            let end = boundaries.iter().copied().filter(|&b| b >= start).nth(cut).unwrap_or(text.len());
            text.replace_range(start..end, PIECES[piece]);
        }
        agrees(&text)?;
    }
}
