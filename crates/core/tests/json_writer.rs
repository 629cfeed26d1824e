//! The writers (`json::write::ToJson`, derived from the serde attributes, and
//! `json::write::text`/`pretty`) against their oracle, serde: every written type's `to_json` gives the tree its derived `Serialize` gives, and
//! our text is byte for byte serde_json's, compact and pretty, over many real values (presets,
//! every example scenario run through the simulator, validation of broken requests, rendered and
//! parsed commands, shorthand) and over generated trees.

use std::fmt::Debug;

use chat_event_core::cli::command::{self, InputForm, RenderOptions, StructureStyle};
use chat_event_core::cli::shell::{self, Shell};
use chat_event_core::cli::shorthand::model::{generate_structure_explained, parse_structure};
use chat_event_core::cli::shorthand::{self, generate_explained};
use chat_event_core::cli::{cli_input, skeleton};
use chat_event_core::json::{self, write, ToJson};
use chat_event_core::shape::{Shape, REQUEST};
use chat_event_core::simulator::scenarios::EXAMPLES;
use chat_event_core::simulator::{EndedBy, Scenario, Settings, Simulator};
use chat_event_core::snippets::SdkLanguage;
use chat_event_core::{help, import, presets, validate, yaml, ErrorType, SendChatIntegrationEventRequest};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::{Map, Number, Value};

/// Checks each value: the same tree as serde's (compared as compact text, so that member order
/// counts), and the same compact and pretty text as serde_json writes from the type itself.
/// Returns how many values were checked, so that a test can insist it checked some.
fn same_as_serde<T: Serialize + ToJson + Debug>(what: &str, values: &[T]) -> usize {
    for v in values {
        let ours = ToJson::to_json(v);
        let theirs = serde_json::to_value(v).expect("serde writes plain data");
        assert_eq!(ours, theirs, "{what}: {v:?}");
        assert_eq!(json::to_string(v), serde_json::to_string(v).unwrap(), "{what}: {v:?}");
        assert_eq!(json::to_string_pretty(v), serde_json::to_string_pretty(v).unwrap(), "{what}: {v:?}");
    }
    values.len()
}

fn requests() -> Vec<SendChatIntegrationEventRequest> {
    let mut requests: Vec<_> = presets::PRESETS.iter().map(|p| p.request()).collect();
    requests.push(SendChatIntegrationEventRequest::default());
    for example in EXAMPLES {
        let scenario = Scenario::from_json(example.text).unwrap();
        requests.extend(scenario.steps.iter().filter_map(|s| s.send.clone()));
    }
    requests
}

#[test]
fn requests_and_their_renderings_write_as_serde_does() {
    let requests = requests();
    assert!(same_as_serde("request", &requests) > 10);
    let mut rendered = Vec::new();
    let mut parsed = Vec::new();
    let mut options_seen = Vec::new();
    for request in &requests {
        for shell in [Shell::Bash, Shell::PowerShell5, Shell::PowerShell7, Shell::Cmd] {
            for input in
                [InputForm::Options, InputForm::CliInputJson, InputForm::CliInputJsonFile, InputForm::CliInputYamlFile]
            {
                for style in [StructureStyle::Shorthand, StructureStyle::Json] {
                    let options = RenderOptions {
                        shell,
                        multiline: style == StructureStyle::Json,
                        event_style: style,
                        new_session_details_style: style,
                        input,
                        region: (shell == Shell::Cmd).then(|| "us-east-1".to_string()),
                        // A value starting with - is attached with =.
                        profile: (input == InputForm::Options).then(|| "-dev".to_string()),
                        endpoint_url: (input == InputForm::Options).then(|| "http://localhost:4566".to_string()),
                    };
                    let command = command::render(request, &options);
                    if shell == Shell::Bash
                        && input != InputForm::CliInputJsonFile
                        && input != InputForm::CliInputYamlFile
                    {
                        parsed.push(command::parse(&command.text).unwrap());
                    }
                    rendered.push(command);
                    options_seen.push(options);
                }
            }
        }
        for language in SdkLanguage::ALL {
            assert!(!chat_event_core::snippets::render(request, language).is_empty());
        }
        // The input documents and the snippets write through the text writer; serde_json is the oracle.
        let value = serde_json::to_value(request).unwrap();
        assert_eq!(
            cli_input::document(request, cli_input::InputFormat::Json, false),
            serde_json::to_string(&value).unwrap()
        );
        assert_eq!(cli_input::document(request, cli_input::InputFormat::Json, true), pretty4(&value));
    }
    assert!(same_as_serde("rendered command", &rendered) > 100);
    assert!(same_as_serde("parsed command", &parsed) > 10);
    assert!(same_as_serde("render options", &options_seen) > 100);
    assert!(rendered.iter().any(|c| !c.files.is_empty() && !c.notes.is_empty()));
    assert!(parsed.iter().any(|c| c.request.is_some() && !c.diagnostics.is_empty() || !c.warnings.is_empty()));
    assert_eq!(
        skeleton::output_json(),
        pretty4(&serde_json::json!({"InitialContactId": "InitialContactId", "NewChatCreated": true}))
    );
}

/// serde_json's pretty writer with the CLI's 4-space indent, and the CLI's final newline.
fn pretty4(value: &Value) -> String {
    let mut buf = Vec::new();
    let mut ser =
        serde_json::Serializer::with_formatter(&mut buf, serde_json::ser::PrettyFormatter::with_indent(b"    "));
    value.serialize(&mut ser).unwrap();
    String::from_utf8(buf).unwrap() + "\n"
}

#[test]
fn commands_that_fail_and_their_parts_write_as_serde_does() {
    let texts = [
        "aws connect send-chat-integration-event --sourceid x",
        "aws connect send-chat-integration-event --event Type=MESSAGE,Content=a,b --source-id",
        "aws connect send-chat-integration-event --event 'Type=",
        "aws connect send-chat-integration-event --event file://event.json",
        "aws connect send-chat-integration-event --source-id a --destination-id d --event Type=MESSAGE,Type=EVENT",
        "aws connect send-chat-integration-event --new-session-details '{\"Attributes\": 1'",
        "aws s3 ls",
        "aws connect send-chat-integration-event --region us-east-1 --debug --source-id a --source-id b",
        "aws connect send-chat-integration-event --event Type=MESSAGE,Content=a,b,ContentType=text/plain --generate-cli-skeleton",
    ];
    let (mut errors, mut parsed) = (Vec::new(), Vec::new());
    for text in texts {
        match command::parse(text) {
            Ok(p) => parsed.push(p),
            Err(e) => errors.push(e),
        }
    }
    assert!(same_as_serde("command error", &errors) >= 4);
    assert!(same_as_serde("parsed command", &parsed) >= 2);
    assert!(errors.iter().any(|e| e.shorthand.is_some()) && errors.iter().any(|e| !e.valid_options.is_empty()));

    let too_deep = format!("k={}", "[".repeat(200));
    let shorthand_texts =
        ["a,b", "k=v,k2=[x,y]", "k={a=b,c=[d]}", "k=v,k=w", "'x", "a=b,", "k=@=file://x", "[a, b]", &too_deep];
    let (mut values, mut shorthand_errors) = (Vec::new(), Vec::new());
    for text in shorthand_texts {
        match shorthand::parse(text) {
            Ok(v) => values.push(v),
            Err(e) => shorthand_errors.push(e),
        }
    }
    assert!(same_as_serde("shorthand value", &values) >= 3);
    assert!(same_as_serde("shorthand error", &shorthand_errors) >= 2);

    let awkward = ["a,b", " lead", "trail ", "x\u{1F600}y", "q'uote\"", "]", "[open", "=eq", "ctl\u{7}", "", "\\back"];
    let mut generated = Vec::new();
    let mut not_expressible = Vec::new();
    for text in awkward {
        let map = shorthand::ShorthandValue::Map(
            [("k".to_string(), shorthand::ShorthandValue::String(text.into()))].into_iter().collect(),
        );
        let list = shorthand::ShorthandValue::List(vec![
            shorthand::ShorthandValue::String(text.into()),
            shorthand::ShorthandValue::String(String::new()),
        ]);
        for value in [map, list] {
            match generate_explained(&value) {
                Ok(g) => generated.push(g),
                Err(e) => not_expressible.push(e),
            }
        }
    }
    assert!(same_as_serde("generated shorthand", &generated) > 10);
    assert!(generated.iter().flat_map(|g| &g.notes).count() > 5);
    let Some(Shape::Structure(event)) = REQUEST.members.iter().find(|m| m.name == "Event").map(|m| m.shape) else {
        panic!()
    };
    let number = serde_json::json!({"Type": 1});
    not_expressible.extend(generate_structure_explained(&number, event, "Event").err());
    assert!(same_as_serde("not expressible", &not_expressible) >= 1);

    let (mut structures, mut structure_errors) = (Vec::new(), Vec::new());
    for text in ["Type=MESSAGE,Content=a,b", "{\"Type\": \"MESSAGE\"}", "{\"Type\": ", "Type='x", "Type=[a,b]"] {
        match parse_structure(text, event, "Event") {
            Ok(s) => structures.push(s),
            Err(e) => structure_errors.push(e),
        }
    }
    assert!(same_as_serde("parsed structure", &structures) >= 2);
    assert!(same_as_serde("structure error", &structure_errors) >= 2);

    let quoted: Vec<_> = [Shell::Bash, Shell::PowerShell5, Shell::PowerShell7, Shell::Cmd]
        .into_iter()
        .flat_map(|s| awkward.iter().map(move |t| shell::quote(s, t)))
        .collect();
    assert!(same_as_serde("quoted argument", &quoted) > 20);
}

#[test]
fn diagnostics_help_and_imports_write_as_serde_does() {
    let texts = [
        "{}",
        "[]",
        "{\"SourceId\": 5}",
        "{\"SourceId\": \"+1\", \"Event\": {\"Type\": \"MESSAGGE\", \"ContentType\": \"text/plan\", \"Content\": \"\"}}",
        "{\"Subtype\": \"connect:SMS\", \"NewSessionDetails\": {\"Attributes\": {\"a.b\": \"x\", \"\": \"\"}, \"SupportedMessagingContentTypes\": [\"text/plain\", \"x\"]}}",
        "{\"SourceId\": ",
        "{\"Extra\": null, \"DestinationId\": \"arn:aws:sms-voice:us-east-1:1:phone-number/x\"}",
    ];
    let mut diagnostics = Vec::new();
    for text in texts {
        diagnostics.extend(validate::validate_json(text));
    }
    for request in requests() {
        diagnostics.extend(validate::validate(&request));
    }
    assert!(same_as_serde("diagnostic", &diagnostics) > 20);
    assert!(diagnostics.iter().any(|d| d.line.is_some()) && diagnostics.iter().any(|d| d.suggestion.is_some()));

    assert_eq!(same_as_serde("field help", &help::FIELDS), help::FIELDS.len());

    let pasted = [
        "{\"SourceId\": \"x\"}",
        "SourceId: x\nEvent:\n  Type: DISCONNECT",
        "aws connect send-chat-integration-event --source-id x --event Type=MESSAGE",
        "aws connect send-chat-integration-event --bogus",
        "SourceId: [",
        "{",
    ];
    let imported: Vec<_> = pasted.iter().map(|t| import::import(t)).collect();
    assert_eq!(same_as_serde("import", &imported), pasted.len());

    let yaml_errors: Vec<_> =
        ["a: [", "a: b: c", "- a\nb: c", "&x a"].iter().filter_map(|t| yaml::from_str(t).err()).collect();
    assert!(same_as_serde("YAML error", &yaml_errors) >= 2);
    assert_eq!(same_as_serde("SDK language", &SdkLanguage::ALL), SdkLanguage::ALL.len());
    let snippet_options = [
        chat_event_core::snippets::SnippetOptions::default(),
        chat_event_core::snippets::SnippetOptions { region: Some("eu-west-2".into()), explain: true },
    ];
    assert_eq!(same_as_serde("snippet options", &snippet_options), 2);
}

#[test]
fn the_simulator_writes_as_serde_does() {
    let mut counts = [0usize; 8];
    for example in EXAMPLES {
        assert_eq!(same_as_serde("example", &[*example]), 1);
        let scenario = Scenario::from_json(example.text).unwrap();
        counts[0] += same_as_serde("scenario", std::slice::from_ref(&scenario));
        assert_eq!(scenario.to_json_pretty(), serde_json::to_string_pretty(&scenario).unwrap());
        let settings = scenario.settings.clone().unwrap_or_default();
        counts[1] += same_as_serde("settings", std::slice::from_ref(&settings));
        let mut sim = Simulator::new(settings).unwrap();
        let report = sim.run_scenario(&scenario);
        counts[2] += same_as_serde("report", std::slice::from_ref(&report));
        counts[3] += same_as_serde("step report", &report.steps);
        let contacts = sim.contacts();
        counts[4] += same_as_serde("contact", &contacts);
        counts[5] += same_as_serde("log entry", &sim.log());
        for contact in &contacts {
            counts[6] += same_as_serde("transcript", &sim.transcript(contact.contact_id).unwrap_or_default());
        }
        // More of each: every request again, an advance, ended chats.
        for request in requests() {
            counts[7] += same_as_serde("outcome", &[sim.send(&request)]);
        }
        same_as_serde("advance", &[sim.advance_millis(26 * 3_600_000)]);
        for contact in sim.active_chats() {
            same_as_serde("ended contact", &[sim.end_chat(contact.contact_id, EndedBy::Agent).unwrap()]);
        }
        same_as_serde("now", &[sim.now()]);
        same_as_serde("settings", &[sim.settings().clone()]);
        same_as_serde("contact", &sim.contacts());
        same_as_serde("log entry", &sim.log());
    }
    assert!(counts.iter().all(|&n| n > 0), "{counts:?}");

    // Settings with every fault set, including the ones that are `null` when off.
    let faulty: Settings = json::from_text(
        r#"{"seed": 7, "faults": {"accessDenied": true, "destinations": ["a"], "throttling": {"ratePerSecond": 0.5, "burst": 2},
            "internalErrorProbability": 0.25, "maxActiveChats": 1}}"#,
    )
    .unwrap();
    same_as_serde("settings", &[faulty.clone(), Settings::default()]);
    let mut sim = Simulator::new(faulty).unwrap();
    let mut outcomes: Vec<_> = requests().iter().map(|r| sim.send(r)).collect();
    let mut plain = Simulator::new(Settings::default()).unwrap();
    outcomes.extend(requests().iter().map(|r| plain.send(r)));
    assert!(outcomes.iter().any(|o| !o.diagnostics.is_empty()) && outcomes.iter().any(|o| o.follows.is_some()));
    same_as_serde("outcome", &outcomes);
    same_as_serde("error type", &ErrorType::ALL);
}

// ---------------------------------------------------------------------------------------------
// The text writer on generated trees.

fn text_strategy() -> impl Strategy<Value = String> {
    // Control characters, quotes, backslashes, DEL, non-ASCII, emoji, and plain letters.
    let chars = prop_oneof![
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
        prop::sample::select(vec!['"', '\\', '/', '\u{7f}', 'é', '€', '\u{2028}', '😀', '\u{FEFF}']),
        prop::char::range('a', 'z'),
    ];
    prop::collection::vec(chars, 0..12).prop_map(|cs| cs.into_iter().collect())
}

fn number_strategy() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<i64>().prop_map(Number::from),
        any::<u64>().prop_map(Number::from),
        any::<f64>().prop_filter_map("finite", Number::from_f64),
        prop::sample::select(vec![0.0, -0.0, 0.5, 1e21, 1e-7, 123456789.0, f64::MAX, f64::MIN_POSITIVE])
            .prop_filter_map("finite", Number::from_f64),
    ]
}

fn value_strategy() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number_strategy().prop_map(Value::Number),
        text_strategy().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((text_strategy(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn text_is_serde_jsons(value in value_strategy()) {
        prop_assert_eq!(write::text(&value), serde_json::to_string(&value).unwrap());
        prop_assert_eq!(write::pretty(&value, "  "), serde_json::to_string_pretty(&value).unwrap());
        prop_assert_eq!(write::pretty(&value, "    ") + "\n", pretty4(&value));
    }
}

/// The cases the generator may rarely hit, spelled out.
#[test]
fn text_escapes_as_serde_json_does() {
    let all_controls: String = (0u32..0x20).filter_map(char::from_u32).collect();
    for s in [all_controls.as_str(), "\"\\/", "\u{7f}é😀\u{2028}", "", "a\u{0}b"] {
        let value = Value::String(s.to_string());
        assert_eq!(write::text(&value), serde_json::to_string(&value).unwrap(), "{s:?}");
    }
    assert_eq!(write::text(&Value::String("\u{1}\u{1f}\u{8}".into())), "\"\\u0001\\u001f\\b\"");
    for value in [serde_json::json!([]), serde_json::json!({}), serde_json::json!({"a": [], "b": {}, "c": [[]]})] {
        assert_eq!(write::pretty(&value, "  "), serde_json::to_string_pretty(&value).unwrap());
    }
}
