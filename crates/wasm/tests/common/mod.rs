//! The facade's boundary cases, shared by node.rs and browser.rs so both runtimes check the same
//! table. Each case calls an export as JS would (with `JsValue`s) and looks at what JS would see.

use chat_event_core::cli::{command, skeleton};
use chat_event_core::help::FIELDS;
use chat_event_core::simulator::{scenarios::EXAMPLES, Scenario};
use chat_event_core::snippets::{self, SdkLanguage};
use chat_event_core::{validate, Diagnostic, SendChatIntegrationEventRequest};
use chat_event_wasm as api;
use tsify::Ts;
use wasm_bindgen::{JsCast, JsValue};

/// One `#[wasm_bindgen_test]` per shared case, so that node.rs and browser.rs run the same list.
#[macro_export]
macro_rules! facade_tests {
    ($($case:ident),* $(,)?) => {
        $(
            #[wasm_bindgen_test::wasm_bindgen_test]
            fn $case() {
                common::$case();
            }
        )*
    };
}

/// Every shared case, in both runtimes.
#[macro_export]
macro_rules! all_facade_tests {
    () => {
        $crate::facade_tests!(
            json_round_trip_keeps_members_and_attribute_order,
            parse_json_throws_located_chat_event_errors,
            wrong_arguments_throw_invalid_argument,
            option_arguments_say_what_was_expected_where,
            validation_returns_cores_diagnostics_and_never_throws,
            parse_errors_name_the_member_at_fault,
            field_help_covers_every_member,
            cli_forms_match_core_and_fail_with_their_kind,
            simulator_class_runs_the_core_simulator,
            scenario_examples_run_as_in_core,
            results_are_what_json_parse_makes_of_cores_text,
            text_reaches_core_as_given,
        );
    };
}

/// `JSON.parse`, to build JS values the way a caller would.
/// A JS string, as a caller passes text.
pub fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

pub fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or_else(|_| panic!("test JSON does not parse: {json}"))
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Asserts `error` is a thrown `ChatEventError` of `kind` and returns it, for more checks.
pub fn assert_chat_event_error(error: JsValue, kind: &str) -> JsValue {
    assert!(error.is_instance_of::<js_sys::Error>(), "not an Error: {error:?}");
    assert_eq!(get(&error, "name").as_string().as_deref(), Some("ChatEventError"));
    assert_eq!(get(&error, "kind").as_string().as_deref(), Some(kind), "{error:?}");
    let message = get(&error, "message").as_string().unwrap_or_default();
    assert!(!message.is_empty(), "a ChatEventError needs a message");
    assert!(js_sys::Array::is_array(&get(&error, "diagnostics")), "diagnostics must be an array");
    error
}

fn diagnostics(result: Result<Vec<Ts<Diagnostic>>, JsValue>) -> Vec<Diagnostic> {
    let list = result.unwrap_or_else(|e| panic!("validation threw: {e:?}"));
    // Read back as a user of the JSON would, through core's one reader.
    list.iter()
        .map(|d| {
            let text = js_sys::JSON::stringify(&d.js_value()).ok().and_then(|t| t.as_string()).unwrap_or_default();
            chat_event_core::json::from_text::<Diagnostic>(&text).unwrap_or_else(|e| panic!("not a Diagnostic: {e}"))
        })
        .collect()
}

pub fn json_round_trip_keeps_members_and_attribute_order() {
    let text = r#"{"SourceId":"+15551234567","Event":{"Type":"MESSAGE","ContentType":"text/plain","Content":"hi"},
        "NewSessionDetails":{"Attributes":{"zeta":"1","alpha":"2"}}}"#;
    let parsed = api::parse_json(s(text)).unwrap_or_else(|e| panic!("parseJson threw: {e:?}"));
    // Attributes come out as a plain object (not a Map), in the order given.
    let attributes = get(&get(&parsed.js_value(), "NewSessionDetails"), "Attributes");
    assert!(!attributes.is_instance_of::<js_sys::Map>());
    let keys: Vec<String> = js_sys::Object::keys(attributes.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    assert_eq!(keys, ["zeta", "alpha"]);
    let back = api::to_json(parsed).unwrap_or_else(|e| panic!("toJson threw: {e:?}"));
    let expected = SendChatIntegrationEventRequest::from_json(text).map(|r| r.to_json_pretty()).unwrap_or_default();
    assert_eq!(back, expected);
    assert!(back.find("\"zeta\"") < back.find("\"alpha\""));
}

pub fn parse_json_throws_located_chat_event_errors() {
    // Syntax errors by line and column.
    for (text, line, column) in [("{\n  \"SourceId\": }", 2u32, 15u32), ("{\"SourceId\": \"a\",}", 1, 18)] {
        let error = api::parse_json(s(text)).err().unwrap_or_else(|| panic!("parseJson accepted {text:?}"));
        let error = assert_chat_event_error(error, "json");
        assert_eq!(get(&error, "line").as_f64(), Some(line.into()), "{text:?}");
        assert_eq!(get(&error, "column").as_f64(), Some(column.into()), "{text:?}");
        let message = get(&error, "message").as_string().unwrap_or_default();
        // serde's " at line L column C" suffix is dropped: the location has its own members.
        assert!(!message.ends_with(&format!(" at line {line} column {column}")), "{message}");
    }
    // Unknown members and wrong types by the member's path.
    for (text, path) in
        [("{\"Nope\": 1}", "Nope"), (r#"{"Event": {"Type": 3}}"#, "Event.Type"), (r#"{"Event": ["MESSAGE"]}"#, "Event")]
    {
        let error = api::parse_json(s(text)).err().unwrap_or_else(|| panic!("parseJson accepted {text:?}"));
        let error = assert_chat_event_error(error, "json");
        assert_eq!(get(&error, "path").as_string().as_deref(), Some(path), "{text:?}");
        assert!(get(&error, "line").is_undefined(), "{text:?}");
    }
}

pub fn wrong_arguments_throw_invalid_argument() {
    // Values a JS caller can pass where a request is declared.
    for bad in [
        JsValue::UNDEFINED,
        JsValue::from_f64(5.0),
        js("\"text\""),
        js(r#"{"Event": {"Type": 3}}"#),
        js(r#"{"Nope": 1}"#),
    ] {
        let error =
            api::to_json(Ts::new_unchecked(bad.clone())).err().unwrap_or_else(|| panic!("toJson accepted {bad:?}"));
        assert_chat_event_error(error, "invalid-argument");
    }
    // A list where a structure belongs: core's shape check names it.
    for array in [r#"["+15551234567"]"#, r#"{"Event": ["MESSAGE"]}"#] {
        let error =
            api::to_json(Ts::new_unchecked(js(array))).err().unwrap_or_else(|| panic!("toJson accepted {array}"));
        let error = assert_chat_event_error(error, "invalid-argument");
        let first = js_sys::Reflect::get_u32(&get(&error, "diagnostics"), 0).unwrap_or(JsValue::UNDEFINED);
        assert_eq!(get(&first, "code").as_string().as_deref(), Some("wrong-type"), "{array}");
        let error = api::parse_json(s(array)).err().unwrap_or_else(|| panic!("parseJson accepted {array}"));
        assert_chat_event_error(error, "json");
    }
    // A BigInt has no JSON form: a thrown error, not a trap.
    let error = api::to_json(Ts::new_unchecked(js_sys::BigInt::from(1u32).into())).err();
    assert_chat_event_error(error.unwrap_or_else(|| panic!("toJson accepted a BigInt")), "invalid-argument");
}

/// Options and enums given wrongly throw `invalid-argument` naming the argument, the member
/// (`path`) and the spellings expected; the same values spelt right are taken.
pub fn option_arguments_say_what_was_expected_where() {
    let request = js(r#"{"SourceId": "+15551234567"}"#);
    let render =
        |options: &str| api::render_command(Ts::new_unchecked(request.clone()), Some(Ts::new_unchecked(js(options))));
    assert!(render(r#"{"shell": "powerShell7", "input": "cliInputJson", "region": null}"#).is_ok());
    let cases: Vec<(Result<(), JsValue>, Option<&str>, &str)> = vec![
        (
            render(r#"{"shell": "fish"}"#).map(drop),
            Some("shell"),
            r#"options: shell: expected "bash", "powerShell5", "powerShell7" or "cmd", found "fish""#,
        ),
        (
            render(r#"{"multiline": 1}"#).map(drop),
            Some("multiline"),
            "options: multiline: expected true or false, found the number 1",
        ),
        (render("[]").map(drop), None, "options: expected render options (an object), found a list of 0 items"),
        (
            api::skeleton(Ts::new_unchecked(JsValue::from_str("json"))).map(drop),
            None,
            r#"kind: expected "input", "output" or "yaml-input", found "json""#,
        ),
        (
            api::parse_parameter(Ts::new_unchecked(JsValue::from_str("subtype")), s("x")).map(drop),
            None,
            r#"parameter: expected "event" or "new-session-details", found "subtype""#,
        ),
        (
            api::parse_scenario(s("{}"), Some(Ts::new_unchecked(JsValue::from_f64(1.0)))).map(drop),
            None,
            r#"format: expected "json" or "yaml", found the number 1"#,
        ),
    ];
    for (result, path, message) in cases {
        let error = assert_chat_event_error(
            result.err().unwrap_or_else(|| panic!("no error for {message}")),
            "invalid-argument",
        );
        assert_eq!(get(&error, "message").as_string().as_deref(), Some(message));
        assert_eq!(get(&error, "path").as_string().as_deref(), path, "{message}");
    }
    assert!(api::skeleton(Ts::new_unchecked(JsValue::from_str("yaml-input"))).is_ok());
}

/// Both entry points return exactly core's diagnostics for the same JSON, and never throw.
pub fn validation_returns_cores_diagnostics_and_never_throws() {
    let cases = [
        "",
        "{",
        "[]",
        "null",
        "{}",
        r#"{"Event": 5}"#,
        r#"{"Event": {"Type": 5}}"#,
        r#"{"sourceId": "x"}"#,
        r#"{"SourceId": "+1 555 123 4567", "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/p",
            "Subtype": "connect:sms", "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "hi"}}"#,
    ];
    for text in cases {
        let expected = validate::validate_json(text);
        assert_eq!(diagnostics(api::validate_json(s(text))), expected, "validateJson({text:?})");
        // An object goes through JSON.stringify, so whitespace aside it is the same request.
        if let Ok(value) = js_sys::JSON::parse(text) {
            assert_eq!(diagnostics(api::validate_request(Ts::new_unchecked(value))), expected, "validate({text})");
        }
    }
    // JS values with no JSON form are a thrown invalid-argument, not a trap.
    let error = api::validate_request(Ts::new_unchecked(JsValue::UNDEFINED)).err();
    assert_chat_event_error(error.unwrap_or_else(|| panic!("validate(undefined) returned")), "invalid-argument");
}

/// A thrown error carries core's message, path and diagnostics for the member at fault.
pub fn parse_errors_name_the_member_at_fault() {
    let error = api::parse_json(s(r#"{"Event": {"Type": "MESSAGE", "Contnet": "hi"}}"#)).err();
    let error = assert_chat_event_error(error.unwrap_or_else(|| panic!("parseJson accepted Contnet")), "json");
    assert_eq!(get(&error, "path").as_string().as_deref(), Some("Event.Contnet"));
    let first = js_sys::Reflect::get_u32(&get(&error, "diagnostics"), 0).unwrap_or(JsValue::UNDEFINED);
    assert_eq!(get(&first, "code").as_string().as_deref(), Some("unknown-member"));
    assert_eq!(get(&first, "suggestion").as_string().as_deref(), Some("Content"));
    assert_eq!(get(&error, "message"), get(&first, "message"));
}

/// `fieldHelp` answers for every member core describes, and `undefined` for other paths.
pub fn field_help_covers_every_member() {
    let all = api::fields().unwrap_or_else(|e| panic!("fields threw: {e:?}"));
    assert_eq!(all.len(), FIELDS.len());
    for (help, expected) in all.iter().zip(FIELDS.iter()) {
        assert_eq!(get(&help.js_value(), "path").as_string().as_deref(), Some(expected.path));
        let one = api::field_help(s(expected.path)).unwrap_or_else(|e| panic!("fieldHelp threw: {e:?}"));
        assert!(one.is_some(), "fieldHelp({:?})", expected.path);
    }
    for path in ["", "Nope", "Event.", "Event.Type.Extra", "NewSessionDetailsAttributes"] {
        assert!(api::field_help(s(path)).unwrap_or_else(|e| panic!("fieldHelp threw: {e:?}")).is_none(), "{path:?}");
    }
}

/// The CLI forms: each export gives what core gives, and each failure is its own kind.
pub fn cli_forms_match_core_and_fail_with_their_kind() {
    let request = r#"{"SourceId":"+15551234567","DestinationId":"arn:aws:sms-voice:us-east-1:111122223333:phone-number/p",
        "Subtype":"connect:sms","Event":{"Type":"MESSAGE","ContentType":"text/plain","Content":"Hi, there"}}"#;
    let typed = SendChatIntegrationEventRequest::from_json(request).unwrap_or_default();
    let rendered = api::render_command(Ts::new_unchecked(js(request)), None)
        .unwrap_or_else(|e| panic!("renderCommand threw: {e:?}"));
    let text = get(&rendered.js_value(), "text").as_string().unwrap_or_default();
    assert_eq!(text, command::render(&typed, &Default::default()).text);
    let parsed = api::parse_command(s(&text), None).unwrap_or_else(|e| panic!("parseCommand threw: {e:?}"));
    assert_eq!(
        js_sys::JSON::stringify(&get(&parsed.js_value(), "request")).ok(),
        js_sys::JSON::stringify(&js(request)).ok()
    );

    let yaml = api::to_yaml(Ts::new_unchecked(js(request))).unwrap_or_else(|e| panic!("toYaml threw: {e:?}"));
    let back = api::parse_yaml(s(&yaml)).unwrap_or_else(|e| panic!("parseYaml threw: {e:?}"));
    assert_eq!(js_sys::JSON::stringify(&back.js_value()).ok(), js_sys::JSON::stringify(&js(request)).ok());

    for (kind, expected) in
        [("input", skeleton::input_json()), ("output", skeleton::output_json()), ("yaml-input", skeleton::yaml_input())]
    {
        assert_eq!(api::skeleton(Ts::new_unchecked(JsValue::from_str(kind))).ok(), Some(expected), "{kind}");
    }
    let python = api::render_snippet(Ts::new_unchecked(js(request)), None, None).ok();
    assert_eq!(python, Some(snippets::render(&typed, SdkLanguage::Python)));
    let javascript = api::render_snippet(
        Ts::new_unchecked(js(request)),
        Some(Ts::new_unchecked(JsValue::from_str("javaScript"))),
        None,
    )
    .ok();
    assert_eq!(javascript, Some(snippets::render(&typed, SdkLanguage::JavaScript)));
    let rust = api::render_snippet(
        Ts::new_unchecked(js(request)),
        Some(Ts::new_unchecked(JsValue::from_str("rust"))),
        Some(Ts::new_unchecked(js(r#"{"region": "eu-west-2", "explain": true}"#))),
    )
    .ok();
    let options = snippets::SnippetOptions { region: Some("eu-west-2".into()), explain: true };
    assert_eq!(rust, Some(snippets::render_with(&typed, SdkLanguage::Rust, &options)));

    // (what fails, the kind it must throw)
    let failures: Vec<(Result<(), JsValue>, &str)> = vec![
        (api::parse_yaml(s("Event: [1")).map(drop), "yaml"),
        (api::parse_shorthand(s("Type=\"open"), None).map(drop), "shorthand"),
        (api::parse_parameter(Ts::new_unchecked(JsValue::from_str("event")), s("{\"Type\": ")).map(drop), "shorthand"),
        (api::parse_parameter(Ts::new_unchecked(JsValue::from_str("subtype")), s("x")).map(drop), "invalid-argument"),
        (api::parse_command(s("aws connect send-chat-integration-event --sourceid x"), None).map(drop), "command"),
        (api::to_shorthand(Ts::new_unchecked(js(r#"{"a": 1}"#))).map(drop), "not-expressible"),
        (api::skeleton(Ts::new_unchecked(JsValue::from_str("json"))).map(drop), "invalid-argument"),
        (
            api::render_command(Ts::new_unchecked(js(request)), Some(Ts::new_unchecked(js(r#"{"shell": "fish"}"#))))
                .map(drop),
            "invalid-argument",
        ),
        (
            api::render_snippet(Ts::new_unchecked(js(request)), Some(Ts::new_unchecked(JsValue::from_str("go"))), None)
                .map(drop),
            "invalid-argument",
        ),
        (api::render_snippet(Ts::new_unchecked(js(r#"{"SourceId": 1}"#)), None, None).map(drop), "invalid-argument"),
        (
            api::render_snippet(Ts::new_unchecked(js(request)), None, Some(Ts::new_unchecked(js(r#"{"region": 1}"#))))
                .map(drop),
            "invalid-argument",
        ),
    ];
    for (result, kind) in failures {
        assert_chat_event_error(result.err().unwrap_or_else(|| panic!("no {kind} error")), kind);
    }
    // The CLI's hints reach JS as members of the error.
    let error = api::parse_parameter(Ts::new_unchecked(JsValue::from_str("event")), s("[1]")).err();
    let error = assert_chat_event_error(error.unwrap_or_else(|| panic!("a list is not an Event")), "shorthand");
    assert!(get(&error, "hint").as_string().is_some_and(|hint| hint.contains("structure")), "{error:?}");
}

/// The Simulator class: create then reuse, expire, snapshot and restore; misuse throws.
pub fn simulator_class_runs_the_core_simulator() {
    let sms = r#"{"SourceId":"+15551234567","DestinationId":"arn:aws:sms-voice:us-east-1:111122223333:phone-number/p",
        "Subtype":"connect:sms","Event":{"Type":"MESSAGE","ContentType":"text/plain","Content":"Hi"}}"#;
    let mut sim = api::JsSimulator::new(None).unwrap_or_else(|e| panic!("new Simulator threw: {e:?}"));
    let what = |outcome: Result<Ts<chat_event_core::simulator::Outcome>, JsValue>| {
        let outcome = outcome.unwrap_or_else(|e| panic!("send threw: {e:?}"));
        (
            get(&outcome.js_value(), "what").as_string().unwrap_or_default(),
            get(&outcome.js_value(), "contactId").as_string(),
        )
    };
    let (first, id) = what(sim.send(Ts::new_unchecked(js(sms))));
    let (second, same) = what(sim.send(Ts::new_unchecked(js(sms))));
    assert_eq!((first.as_str(), second.as_str()), ("created", "reused"));
    assert_eq!(id, same);
    let restored = api::JsSimulator::restore(s(&sim.snapshot())).unwrap_or_else(|e| panic!("restore threw: {e:?}"));
    assert_eq!(restored.contact_count(), 1);
    sim.advance(JsValue::from_str("25h")).unwrap_or_else(|e| panic!("advance threw: {e:?}"));
    assert_eq!(sim.active_chat_count(), 0);
    assert_eq!(what(sim.send(Ts::new_unchecked(js(sms)))).0, "created");

    let misuse: Vec<(Result<(), JsValue>, &str)> = vec![
        (sim.advance(JsValue::from_str("soon")).map(drop), "simulator"),
        (sim.advance(JsValue::from_f64(-1.0)).map(drop), "invalid-argument"),
        (sim.advance(JsValue::from_f64(f64::NAN)).map(drop), "invalid-argument"),
        (sim.end_chat(s("not-a-uuid"), Ts::new_unchecked(JsValue::from_str("agent"))).map(drop), "simulator"),
        (
            sim.end_chat(s(id.as_deref().unwrap_or_default()), Ts::new_unchecked(JsValue::from_str("agent"))).map(drop),
            "simulator",
        ),
        (api::JsSimulator::new(Some(Ts::new_unchecked(js(r#"{"chatDurationMinutes": 5}"#)))).map(drop), "settings"),
        (api::JsSimulator::new(Some(Ts::new_unchecked(js(r#"{"seed": "one"}"#)))).map(drop), "invalid-argument"),
        (api::JsSimulator::restore(s("{}")).map(drop), "snapshot"),
        (api::parse_scenario(s("{\"title\": \"x\", \"steps\": [{}]}"), None).map(drop), "scenario"),
    ];
    for (result, kind) in misuse {
        assert_chat_event_error(result.err().unwrap_or_else(|| panic!("no {kind} error")), kind);
    }
}

/// Every shipped example runs through the facade with the same verdict as in core.
pub fn scenario_examples_run_as_in_core() {
    let examples = api::scenario_examples().unwrap_or_else(|e| panic!("scenarioExamples threw: {e:?}"));
    assert_eq!(examples.len(), EXAMPLES.len());
    for example in EXAMPLES {
        let parsed = api::parse_scenario(s(example.text), None).unwrap_or_else(|e| panic!("{}: {e:?}", example.name));
        let report = api::run_scenario(parsed).unwrap_or_else(|e| panic!("{}: {e:?}", example.name));
        let expected = Scenario::from_json(example.text).and_then(|s| s.run()).map(|r| r.passed).ok();
        assert_eq!(get(&report.js_value(), "passed").as_bool(), expected, "{}", example.name);
        let table = get(&report.js_value(), "table").as_string().unwrap_or_default();
        assert!(table.starts_with(example.title), "{}", example.name);
    }
}

/// What a call returns is the JS value `JSON.parse` makes of core's JSON text for the same result:
/// diagnostics (strings, booleans, numbers, absent members), and a scenario's report (nested
/// lists and objects, `null`s, a flattened member), and a map with a key named `__proto__`,
/// compared as `JSON.stringify` writes them.
pub fn results_are_what_json_parse_makes_of_cores_text() {
    let same = |result: &JsValue, core_text: &str, what: &str| {
        let text = |v: &JsValue| js_sys::JSON::stringify(v).ok().and_then(|t| t.as_string());
        assert_eq!(text(result), text(&js(core_text)), "{what}");
    };
    let request = r#"{"SourceId": "555 123 4567", "DestinationId": "+15551234567", "Subtype": "connect:Sms",
        "Event": {"Type": "message", "ContentType": "text/html", "Content": ""},
        "NewSessionDetails": {"SupportedMessagingContentTypes": ["text/plain", "text/plain"], "Attributes": {"a b": "1"}}}"#;
    let found = api::validate_json(s(request)).unwrap_or_else(|e| panic!("validateJson threw: {e:?}"));
    let expected = validate::validate_json(request);
    assert!(expected.len() > 3, "{expected:?}");
    assert_eq!(found.len(), expected.len());
    for (d, want) in found.iter().zip(&expected) {
        same(&d.js_value(), &chat_event_core::json::to_string(want), &want.code);
    }
    for example in EXAMPLES {
        let parsed = api::parse_scenario(s(example.text), None).unwrap_or_else(|e| panic!("{}: {e:?}", example.name));
        let report = api::run_scenario(parsed).unwrap_or_else(|e| panic!("{}: {e:?}", example.name));
        let core = Scenario::from_json(example.text).and_then(|s| s.run()).unwrap_or_else(|e| panic!("{e}"));
        same(&report.js_value(), &chat_event_core::json::to_string(&api::ScenarioRun::from(core)), example.name);
    }
    // A member named `__proto__` (a user's own key) is a member, not the object's prototype. And
    // short names and values are made once and kept in a bounded cache: thousands of different
    // ones, more than it has room for, each come back as themselves, the second time too, beside
    // values too long to be kept.
    let many = (0..3_000).map(|i| format!("k{i}=v{}", i % 1_000)).collect::<Vec<_>>().join(",");
    let long = format!("long={}", "x".repeat(65));
    for text in ["__proto__={a=1},b=x", many.as_str(), many.as_str(), long.as_str()] {
        let parsed = api::parse_shorthand(s(text), None).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let core = chat_event_core::cli::shorthand::parse(text).unwrap_or_else(|e| panic!("{e}"));
        same(&parsed.js_value(), &chat_event_core::json::to_string(&core), text);
    }
}

/// Text and objects cross into core by the engine's UTF-8 encoder (`text.rs`): every width of
/// character, the ASCII boundary, a NUL, escapes and a long text arrive exactly as given, whether
/// the argument is text (read by `parseJson`) or an object (written by `JSON.stringify` for
/// `toJson`), and a lone surrogate is still refused rather than replaced.
pub fn text_reaches_core_as_given() {
    // A long mix, and a long text of three-byte characters: three UTF-8 bytes for each UTF-16
    // unit, the most any text needs.
    let (long, wide) = ("ü日😀a".repeat(2_000), "語".repeat(3_000));
    let texts = ["", "a", "\u{0}", "\u{7f}\u{80}", "ü", "日本語", "😀👍🏽", "x\"y\\z\n\t", "+1 ü 日 😀", &long, &wide];
    for text in texts {
        let request = serde_json::json!({"SourceId": text, "Event": {"Content": text}}).to_string();
        let content_of = |request: &serde_json::Value| {
            (request["SourceId"].as_str().map(str::to_string), request["Event"]["Content"].as_str().map(str::to_string))
        };
        let expected = (Some(text.to_string()), Some(text.to_string()));
        // As text: what core read, written back by core.
        let parsed = api::parse_json(s(&request)).unwrap_or_else(|e| panic!("parseJson threw for {text:?}: {e:?}"));
        let written = api::to_json(parsed).unwrap_or_else(|e| panic!("toJson threw for {text:?}: {e:?}"));
        let read_back: serde_json::Value = serde_json::from_str(&written).unwrap_or_default();
        assert_eq!(content_of(&read_back), expected, "text argument {text:?}");
        // As an object: JSON.stringify's text, read by core.
        let written = api::to_json(Ts::new_unchecked(js(&request)))
            .unwrap_or_else(|e| panic!("toJson threw for an object with {text:?}: {e:?}"));
        let read_back: serde_json::Value = serde_json::from_str(&written).unwrap_or_default();
        assert_eq!(content_of(&read_back), expected, "object argument {text:?}");
    }
    // Half of a UTF-16 pair: JS can hold it, UTF-8 cannot, and the encoder would replace it.
    let lone = js_sys::JsString::from_char_code(&[0x54, 0xD83D]);
    let error = api::parse_json(lone.into()).err().unwrap_or_else(|| panic!("parseJson accepted a lone surrogate"));
    assert_chat_event_error(error, "invalid-argument");
}
