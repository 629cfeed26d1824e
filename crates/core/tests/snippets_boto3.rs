//! The Python SDK snippets, run by real boto3: each one, executed as written, must make boto3 send
//! exactly the request it was rendered from (botocore's Stubber compares the parameters, after
//! boto3 has validated them against the service model).

mod cli_common;

use chat_event_core::json::read::read;
use chat_event_core::snippets::{render_with, SdkLanguage, SnippetOptions};
use chat_event_core::SendChatIntegrationEventRequest;
use cli_common::{run_python, Rng, TRICKY};
use serde_json::{json, Map, Value};

/// A request boto3 accepts (required members present, lengths within the model's minimums), with
/// every optional member sometimes present and text drawn from the characters that stress quoting.
fn valid_request(rng: &mut Rng) -> Value {
    let text = |rng: &mut Rng| format!("x{}", rng.string(TRICKY, 12));
    let mut request = Map::new();
    request.insert("SourceId".into(), json!(text(rng)));
    request.insert("DestinationId".into(), json!(text(rng)));
    if rng.below(2) == 0 {
        request.insert("Subtype".into(), json!(text(rng)));
    }
    let mut event = Map::new();
    event.insert("Type".into(), json!(rng.pick(&["MESSAGE", "EVENT", "DISCONNECT"])));
    if rng.below(2) == 0 {
        event.insert("ContentType".into(), json!(text(rng)));
    }
    if rng.below(2) == 0 {
        event.insert("Content".into(), json!(text(rng)));
    }
    request.insert("Event".into(), Value::Object(event));
    if rng.below(2) == 0 {
        let types: Vec<String> = (0..rng.below(3)).map(|_| text(rng)).collect();
        let attributes: Map<String, Value> =
            (0..rng.below(3)).map(|_| (text(rng), json!(rng.string(TRICKY, 8)))).collect();
        request.insert(
            "NewSessionDetails".into(),
            json!({
                "SupportedMessagingContentTypes": types,
                "ParticipantDetails": {"DisplayName": text(rng)},
                "Attributes": attributes,
                "StreamingConfiguration": {"StreamingEndpointArn": text(rng)},
            }),
        );
    }
    Value::Object(request)
}

#[test]
#[ignore = "needs the Python venv: run by cargo xtask test"]
fn boto3_sends_exactly_the_request_each_python_snippet_was_rendered_from() {
    let mut rng = Rng::new(0x5dc_2026);
    let mut requests: Vec<Value> =
        chat_event_core::presets::PRESETS.iter().filter(|p| !p.broken).map(|p| json_of(&p.request())).collect();
    requests.extend((0..60).map(|_| valid_request(&mut rng)));
    let cases: Vec<Value> = requests
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let request: SendChatIntegrationEventRequest = read(value).expect("a request");
            // Every third with a region, every other with the explaining comment: still Python
            // that sends the request.
            let options = SnippetOptions { region: (i % 3 == 0).then(|| "eu-west-2".into()), explain: i % 2 == 0 };
            json!({"request": value, "snippet": render_with(&request, SdkLanguage::Python, &options)})
        })
        .collect();
    let results = run_python("boto3_run_snippet.py", &Value::Array(cases.clone()));
    let results = results.as_array().expect("a list of results");
    assert_eq!(results.len(), cases.len());
    for (case, result) in cases.iter().zip(results) {
        assert_eq!(result["ok"], json!(true), "{}\n{}", result["error"], case["snippet"].as_str().unwrap_or_default());
        assert_eq!(result["printed"], json!("c-1 True\n"), "the snippet prints the response's two members");
    }
}

fn json_of(request: &SendChatIntegrationEventRequest) -> Value {
    chat_event_core::json::to_value(request)
}
