//! Whole commands: rendering for each shell, parsing back, skeletons, YAML, shell safety in real bash
//! and zsh, and conformance with awscli's own command-line driver.

mod cli_common;

use std::process::Command;

use chat_event_core::cli::command::{parse, parse_in, render, InputForm, RenderOptions, StructureStyle};
use chat_event_core::cli::shell::{quote, Shell};
use chat_event_core::cli::skeleton;
use chat_event_core::{
    yaml, ChatEvent, ChatStreamingConfiguration, NewSessionDetails, ParticipantDetails, SendChatIntegrationEventRequest,
};
use cli_common::{arb_request, opt, tricky, Rng, TRICKY};
use proptest::prelude::*;
use serde_json::json;

/// What `aws connect send-chat-integration-event --generate-cli-skeleton …` printed (AWS CLI v2),
/// kept in the repository so that a clone alone runs every test.
fn reference(name: &str) -> String {
    let path = format!("{}/tests/cli-skeleton/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reference file {path}: {e}"))
}

#[test]
fn skeletons_are_byte_identical_to_cli_v2() {
    assert_eq!(skeleton::input_json(), reference("v2-input.json"));
    assert_eq!(skeleton::output_json(), reference("v2-output.json"));
    assert_eq!(skeleton::yaml_input(), reference("v2-yaml-input.yaml"));
}

fn sample() -> SendChatIntegrationEventRequest {
    SendChatIntegrationEventRequest {
        source_id: Some("+15551234567".into()),
        destination_id: Some("arn:aws:sms-voice:us-east-1:123456789012:phone-number/abc".into()),
        subtype: Some("connect:sms".into()),
        event: Some(ChatEvent {
            r#type: Some("MESSAGE".into()),
            content_type: Some("text/plain".into()),
            content: Some("Hi, it's me 😀".into()),
        }),
        new_session_details: Some(NewSessionDetails {
            supported_messaging_content_types: Some(vec!["text/plain".into()]),
            participant_details: Some(ParticipantDetails { display_name: Some("Ann".into()) }),
            attributes: Some([("k".to_string(), String::new())].into_iter().collect()),
            streaming_configuration: None,
        }),
    }
}

#[test]
fn renders_each_shell() {
    let request = sample();
    let cases: &[(Shell, &str)] = &[
        (
            Shell::Bash,
            r#"aws connect send-chat-integration-event --source-id +15551234567 --destination-id arn:aws:sms-voice:us-east-1:123456789012:phone-number/abc --subtype connect:sms --event 'Type=MESSAGE,ContentType=text/plain,Content="Hi, it'\''s me 😀"' --new-session-details 'SupportedMessagingContentTypes=text/plain,ParticipantDetails={DisplayName=Ann},Attributes={k=""}'"#,
        ),
        (
            Shell::PowerShell7,
            r#"aws connect send-chat-integration-event --source-id '+15551234567' --destination-id arn:aws:sms-voice:us-east-1:123456789012:phone-number/abc --subtype connect:sms --event 'Type=MESSAGE,ContentType=text/plain,Content="Hi, it''s me 😀"' --new-session-details 'SupportedMessagingContentTypes=text/plain,ParticipantDetails={DisplayName=Ann},Attributes={k=""}'"#,
        ),
        (
            Shell::PowerShell5,
            r#"aws connect send-chat-integration-event --source-id '+15551234567' --destination-id arn:aws:sms-voice:us-east-1:123456789012:phone-number/abc --subtype connect:sms --event '"Type=MESSAGE,ContentType=text/plain,Content=\"Hi, it''s me 😀\""' --new-session-details 'SupportedMessagingContentTypes=text/plain,ParticipantDetails={DisplayName=Ann},Attributes={k=\"\"}'"#,
        ),
        (
            Shell::Cmd,
            r#"aws connect send-chat-integration-event --source-id +15551234567 --destination-id arn:aws:sms-voice:us-east-1:123456789012:phone-number/abc --subtype connect:sms --event "Type=MESSAGE,ContentType=text/plain,Content=\"Hi, it's me 😀\"" --new-session-details SupportedMessagingContentTypes=text/plain,ParticipantDetails={DisplayName=Ann},Attributes={k=\"\"}"#,
        ),
    ];
    for (shell, want) in cases {
        let cmd = render(&request, &RenderOptions { shell: *shell, ..Default::default() });
        assert_eq!(cmd.text, *want, "{shell:?}");
        assert!(cmd.notes.iter().any(|n| n.kind == "quoting" && n.option.as_deref() == Some("--event")), "{shell:?}");
    }
}

const SHELLS: [Shell; 4] = [Shell::Bash, Shell::PowerShell5, Shell::PowerShell7, Shell::Cmd];

/// The `shorthand` notes of a rendered command: (option, path, message).
fn shorthand_notes(cmd: &chat_event_core::cli::command::RenderedCommand) -> Vec<(String, String, String)> {
    cmd.notes
        .iter()
        .filter(|n| n.kind == "shorthand")
        .map(|n| (n.option.clone().unwrap_or_default(), n.path.clone().unwrap_or_default(), n.message.clone()))
        .collect()
}

/// A request whose only unusual string is the one `set` puts in.
fn with(set: impl Fn(&mut SendChatIntegrationEventRequest)) -> SendChatIntegrationEventRequest {
    let mut r = SendChatIntegrationEventRequest {
        source_id: Some("+15551234567".into()),
        destination_id: Some("d".into()),
        event: Some(ChatEvent {
            r#type: Some("MESSAGE".into()),
            content_type: Some("text/plain".into()),
            content: Some("hi".into()),
        }),
        new_session_details: Some(NewSessionDetails {
            participant_details: Some(ParticipantDetails { display_name: Some("Ann".into()) }),
            attributes: Some(
                [("a".to_string(), "x".to_string()), ("z".to_string(), "y".to_string())].into_iter().collect(),
            ),
            ..Default::default()
        }),
        ..Default::default()
    };
    set(&mut r);
    r
}

fn nsd(r: &mut SendChatIntegrationEventRequest) -> &mut NewSessionDetails {
    r.new_session_details.as_mut().unwrap()
}

fn content(r: &mut SendChatIntegrationEventRequest, text: &str) {
    r.event.as_mut().unwrap().content = Some(text.into());
}

fn attribute(r: &mut SendChatIntegrationEventRequest, key: &str, value: &str) {
    nsd(r).attributes.as_mut().unwrap().insert(key.into(), value.into());
}

/// For each shell, a value inside a structure that needed quoting or escaping in the shorthand gets
/// a note with its member path and the reason in plain words; the shorthand is the same in every
/// shell, and so are these notes.
#[test]
fn render_notes_say_where_and_why_a_value_needed_shorthand_quoting() {
    type Case = (&'static str, SendChatIntegrationEventRequest, &'static str, &'static str, &'static [&'static str]);
    let cases: Vec<Case> = vec![
        (
            "comma, apostrophe and emoji in Content",
            with(|r| content(r, "Hi, it's me 😀")),
            "--event",
            "Event.Content",
            &[
                "is in double quotes",
                "a comma (an unquoted comma would start a new item)",
                "an apostrophe",
                "an emoji, 😀 (characters above U+FFFF are not accepted unquoted)",
            ],
        ),
        (
            "comma in an attribute value",
            with(|r| attribute(r, "a", "x,y")),
            "--new-session-details",
            "NewSessionDetails.Attributes.a",
            &[r"the comma is written \,", "an unquoted comma would start a new item"],
        ),
        (
            "leading space",
            with(|r| nsd(r).participant_details = Some(ParticipantDetails { display_name: Some(" Ann".into()) })),
            "--new-session-details",
            "NewSessionDetails.ParticipantDetails.DisplayName",
            &["starts with a space"],
        ),
        ("trailing space", with(|r| content(r, "hi ")), "--event", "Event.Content", &["ends with a space", "trimmed"]),
        (
            "double quotes",
            with(|r| content(r, "say \"hi\"")),
            "--event",
            "Event.Content",
            &["is in single quotes", "a double quote \""],
        ),
        (
            "brackets",
            with(|r| content(r, "[x]")),
            "--event",
            "Event.Content",
            &["starts with [ (which would begin a list", "a closing bracket ]"],
        ),
        (
            "braces",
            with(|r| content(r, "{x}")),
            "--event",
            "Event.Content",
            &["starts with { (which would begin a map", "a closing brace }"],
        ),
        (
            "empty value at the end of a map",
            with(|r| attribute(r, "z", "")),
            "--new-session-details",
            "NewSessionDetails.Attributes.z",
            &["it is empty and is the last value in its braces", "{k=}"],
        ),
        (
            "a list item",
            with(|r| nsd(r).supported_messaging_content_types = Some(vec!["text/plain".into(), " x".into()])),
            "--new-session-details",
            "NewSessionDetails.SupportedMessagingContentTypes[1]",
            &["starts with a space"],
        ),
    ];
    for (rule, request, option, path, needles) in &cases {
        let per_shell: Vec<_> = SHELLS
            .iter()
            .map(|&shell| shorthand_notes(&render(request, &RenderOptions { shell, ..Default::default() })))
            .collect();
        for (shell, notes) in SHELLS.iter().zip(&per_shell) {
            assert_eq!(notes.len(), 1, "{rule} ({shell:?}): {notes:?}");
            let (got_option, got_path, message) = &notes[0];
            assert_eq!((got_option.as_str(), got_path.as_str()), (*option, *path), "{rule} ({shell:?})");
            assert!(message.starts_with(path) || message.starts_with(&format!("In {path},")), "{rule}: {message}");
            for needle in *needles {
                assert!(message.contains(needle), "{rule} ({shell:?}): {message:?} lacks {needle:?}");
            }
        }
        assert!(per_shell.windows(2).all(|w| w[0] == w[1]), "{rule}: the same notes in every shell");
        let bash = render(request, &RenderOptions::default());
        assert_eq!(parse(&bash.text).unwrap().request.as_ref(), Some(request), "{rule}: {}", bash.text);
    }
    // Nothing to say about a request with ordinary text, and nothing when the structure is JSON.
    for shell in SHELLS {
        assert_eq!(shorthand_notes(&render(&with(|_| {}), &RenderOptions { shell, ..Default::default() })), []);
        let json = RenderOptions { shell, event_style: StructureStyle::Json, ..Default::default() };
        assert_eq!(shorthand_notes(&render(&with(|r| content(r, "a, b")), &json)), []);
    }
}

/// When shorthand cannot say a structure, the note names the option, the place inside it and why.
#[test]
fn render_notes_say_where_and_why_a_structure_fell_back_to_json() {
    let cases: Vec<(&str, SendChatIntegrationEventRequest, &str, &str, &str)> = vec![
        (
            "attribute key with a space",
            with(|r| attribute(r, "a b", "x")),
            "--new-session-details",
            "NewSessionDetails.Attributes (key: a b)",
            "the key \"a b\" contains a space",
        ),
        (
            "non-ASCII attribute key",
            with(|r| attribute(r, "é", "x")),
            "--new-session-details",
            "NewSessionDetails.Attributes (key: é)",
            "contains the character é",
        ),
        (
            "backslash before more shorthand",
            with(|r| attribute(r, "a", "x\\")),
            "--new-session-details",
            "NewSessionDetails.Attributes.a",
            "ends in a backslash",
        ),
        (
            "empty structure",
            with(|r| r.event = Some(ChatEvent::default())),
            "--event",
            "Event",
            "an empty structure has no shorthand form",
        ),
    ];
    for (rule, request, option, path, needle) in &cases {
        for shell in SHELLS {
            let cmd = render(request, &RenderOptions { shell, ..Default::default() });
            let notes: Vec<_> = cmd.notes.iter().filter(|n| n.kind == "json-fallback").collect();
            assert_eq!(notes.len(), 1, "{rule} ({shell:?}): {:?}", cmd.notes);
            let note = notes[0];
            assert_eq!((note.option.as_deref(), note.path.as_deref()), (Some(*option), Some(*path)), "{rule}");
            assert!(
                note.message.starts_with(&format!("{option} is written as JSON, not shorthand, because")),
                "{}",
                note.message
            );
            assert!(note.message.contains(needle), "{rule}: {:?}", note.message);
        }
        let bash = render(request, &RenderOptions::default());
        assert_eq!(parse(&bash.text).unwrap().request.as_ref(), Some(request), "{rule}: {}", bash.text);
    }
}

#[test]
fn render_note_path_is_serialized_camel_case_and_only_when_known() {
    let cmd = render(&with(|r| content(r, "a 😀")), &RenderOptions::default());
    let notes = serde_json::to_value(&cmd.notes).unwrap();
    let shorthand = notes.as_array().unwrap().iter().find(|n| n["kind"] == "shorthand").unwrap();
    assert_eq!(shorthand["path"], "Event.Content");
    assert_eq!(shorthand["option"], "--event");
    let quoting = notes.as_array().unwrap().iter().find(|n| n["kind"] == "quoting").unwrap();
    assert!(quoting.get("path").is_none(), "{quoting}");
}

#[test]
fn multiline_uses_each_shells_continuation() {
    for (shell, mark) in [(Shell::Bash, " \\\n  "), (Shell::PowerShell7, " `\n  "), (Shell::Cmd, " ^\n  ")] {
        let cmd = render(&sample(), &RenderOptions { shell, multiline: true, ..Default::default() });
        assert_eq!(cmd.text.matches(mark).count(), 5, "{shell:?}: {}", cmd.text);
    }
}

/// An endpoint URL the CLI refuses is still written, with a warning in the CLI's words, and the
/// command reads back to exactly that refusal (found by fuzz/render_roundtrip: `--endpoint-url ''`).
#[test]
fn an_endpoint_url_the_cli_refuses_is_written_with_its_warning() {
    let cases = [
        ("http://127.0.0.1:4566", true),
        ("https://connect.us-east-1.amazonaws.com", true),
        ("localhost:4566", true),
        ("", false),
        ("localhost", false),
        ("//host", false),
        ("4566:x", false),
    ];
    for (url, taken) in cases {
        let cmd = render(&sample(), &RenderOptions { endpoint_url: Some(url.into()), ..Default::default() });
        let warning = cmd.notes.iter().find(|n| n.option.as_deref() == Some("--endpoint-url") && n.kind == "warning");
        match parse(&cmd.text) {
            Ok(_) => assert!(taken && warning.is_none(), "{url:?}: {warning:?}"),
            Err(e) => {
                assert!(!taken, "{url:?}: {e}");
                let warning = warning.unwrap_or_else(|| panic!("{url:?}: no warning"));
                assert_eq!(warning.kind, "warning");
                assert_eq!(warning.message, format!("The AWS CLI stops here: {}.", e.message));
            }
        }
    }
}

#[test]
fn json_style_globals_and_fallbacks() {
    let mut request = sample();
    let opts = RenderOptions {
        event_style: StructureStyle::Json,
        region: Some("eu-west-2".into()),
        profile: Some("dev".into()),
        endpoint_url: Some("https://localhost:4566".into()),
        ..Default::default()
    };
    let cmd = render(&request, &opts);
    assert!(
        cmd.text.contains(r#"--event '{"Type":"MESSAGE","ContentType":"text/plain","Content":"Hi, it'\''s me 😀"}'"#),
        "{}",
        cmd.text
    );
    assert!(
        cmd.text.ends_with("--region eu-west-2 --profile dev --endpoint-url https://localhost:4566"),
        "{}",
        cmd.text
    );
    // An attribute key with a space cannot be a shorthand key: that parameter falls back to JSON.
    request.new_session_details.as_mut().unwrap().attributes =
        Some([("a b".to_string(), "x".to_string())].into_iter().collect());
    let cmd = render(&request, &RenderOptions::default());
    assert!(cmd
        .notes
        .iter()
        .any(|n| n.kind == "json-fallback" && n.option.as_deref() == Some("--new-session-details")));
    assert_eq!(parse(&cmd.text).unwrap().request, Some(request.clone()));
    // A value starting with - is attached with =; one starting with file:// goes through --cli-input-json.
    request.source_id = Some("-abc".into());
    request.destination_id = Some("file://x".into());
    let cmd = render(&request, &RenderOptions::default());
    assert!(cmd.text.contains("--source-id=-abc"), "{}", cmd.text);
    assert!(cmd.text.contains(r#"--cli-input-json '{"DestinationId":"file://x"}'"#), "{}", cmd.text);
    assert_eq!(parse(&cmd.text).unwrap().request, Some(request));
}

#[test]
fn cli_input_forms() {
    let request = sample();
    let inline = render(&request, &RenderOptions { input: InputForm::CliInputJson, ..Default::default() });
    assert!(inline.text.starts_with("aws connect send-chat-integration-event --cli-input-json '{\"SourceId\""));
    assert_eq!(parse(&inline.text).unwrap().request, Some(request.clone()));
    let file = render(&request, &RenderOptions { input: InputForm::CliInputYamlFile, ..Default::default() });
    assert_eq!(file.text, "aws connect send-chat-integration-event --cli-input-yaml file://request.yaml");
    assert_eq!(file.files.len(), 1);
    assert_eq!(yaml::from_str(&file.files[0].content).unwrap(), serde_json::to_value(&request).unwrap());
    let inline_yaml = render(&request, &RenderOptions { input: InputForm::CliInputYaml, ..Default::default() });
    assert_eq!(parse(&inline_yaml.text).unwrap().request, Some(request));
}

#[test]
fn parses_bash_forms() {
    let want = json!({"SourceId": "a b", "DestinationId": "d", "Event": {"Type": "MESSAGE", "Content": "x\ny"}});
    let cases: &[(&str, &str)] = &[
        ("full prefix", "aws connect send-chat-integration-event --source-id 'a b' --destination-id d --event $'Type=MESSAGE,Content=x\\ny'"),
        ("no prefix", "--source-id \"a b\" --destination-id=d --event 'Type=MESSAGE,Content=x\ny'"),
        ("continuations and comments", "# send it\naws connect send-chat-integration-event \\\n  --source-id a\\ b \\\n  --destination-id d \\\n  --event \"Type=MESSAGE,Content=x\ny\"  # done\n"),
        ("json value", r#"send-chat-integration-event --source-id 'a b' --destination-id d --event '{"Type":"MESSAGE","Content":"x\ny"}'"#),
        ("cli-input-json merged", r#"--cli-input-json '{"SourceId":"old","DestinationId":"d","Event":{"Type":"MESSAGE","Content":"x\ny"}}' --source-id 'a b'"#),
    ];
    for (form, text) in cases {
        let parsed = parse(text).unwrap_or_else(|e| panic!("{form}: {e}"));
        assert_eq!(parsed.params, want, "{form}");
        assert!(parsed.request.is_some(), "{form}");
    }
}

#[test]
fn parse_reports_repeats_globals_and_types() {
    let parsed = parse("--source-id a --source-id b --destination-id d --event Type=MESSAGE,Content=Hi,there --region us-west-2 --debug --output json").unwrap();
    assert_eq!(parsed.params["SourceId"], "b", "last wins");
    assert!(parsed.warnings.iter().any(|w| w.option.as_deref() == Some("--source-id")));
    let globals: Vec<_> = parsed.global_options.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(globals, ["--region", "--debug", "--output"]);
    assert_eq!(parsed.params["Event"]["Content"], json!(["Hi", "there"]));
    assert!(parsed.request.is_none(), "a list where a string belongs has no typed request");
    let d = &parsed.diagnostics[0];
    assert_eq!((d.path.as_str(), d.code.as_str()), ("Event.Content", "shorthand-comma-list"));
    assert!(d.suggestion.as_deref().unwrap().contains(r"Content=Hi\, there"), "{:?}", d.suggestion);
}

#[test]
fn parse_errors_point_at_the_option_and_character() {
    let e = parse("--source-id a --destination-id d --event file://event.json").unwrap_err();
    assert!(e.message.contains("paste the file's content instead"));
    assert_eq!((e.option.as_deref(), e.index), (Some("--event"), 41));

    let e = parse("--source-id a --destnation-id d").unwrap_err();
    assert_eq!(e.suggestion.as_deref(), Some("--destination-id"));
    assert!(e.valid_options.contains(&"--new-session-details".to_string()));

    let e = parse("--source-id a --destination-id d --event Type=MESSAGE,Content=hi😀").unwrap_err();
    assert_eq!(e.option.as_deref(), Some("--event"));
    assert_eq!(e.index, 41 + 23, "the emoji's position in the command");
    assert!(e.hint.unwrap().contains("double quotes"));

    let e = parse("--source-id $HOME").unwrap_err();
    assert_eq!(e.index, 12);
    let e = parse("--source-id a; rm -rf /").unwrap_err();
    assert_eq!(e.index, 13);
    let e = parse("--source-id -abc").unwrap_err();
    assert!(e.message.contains("expected one argument"));
    let e = parse("--event Type=MESSAGE,Content=It's me").unwrap_err();
    assert!(e.hint.unwrap().contains(r"'\''"), "an unquoted apostrophe gets the shell hint");
    let e = parse("--event a={b,c}").unwrap_err();
    assert!(e.message.contains("brace expansion"));
}

/// A pasted command is read as the shell it is written for: a rendered command's line
/// continuations say it, and so does PowerShell's '' on one line. Read as bash when asked, such
/// a command is named as another shell's, never read silently into another request.
#[test]
fn commands_written_for_other_shells_are_read_as_that_shell() {
    let mut request = sample();
    request.event.as_mut().unwrap().content = Some("It's me".into());
    for (shell, says) in [
        (Shell::PowerShell7, "continues a PowerShell command"),
        (Shell::PowerShell5, "continues a PowerShell command"),
        (Shell::Cmd, "continues a cmd.exe command"),
    ] {
        let text = render(&request, &RenderOptions { shell, multiline: true, ..Default::default() }).text;
        let parsed = parse(&text).unwrap();
        assert_eq!(parsed.shell.shell, shell, "{text}");
        assert!(parsed.shell.reason.contains("line continuation"), "{}", parsed.shell.reason);
        assert_eq!(parsed.request.as_ref(), Some(&request), "{text}");
        let e = parse_in(&text, Some(Shell::Bash)).unwrap_err();
        assert!(e.message.contains(says), "{shell:?}: {}", e.message);
        assert_eq!(text.chars().nth(e.index), Some(if shell == Shell::Cmd { '\n' } else { '`' }), "{shell:?}");
        assert_eq!(e.shell.unwrap().shell, Shell::Bash);
    }
    // On one line, PowerShell's '' is its apostrophe; read as bash, two joined parts without one.
    let text = render(&request, &RenderOptions { shell: Shell::PowerShell7, ..Default::default() }).text;
    assert!(text.contains("It''s"), "{text}");
    let parsed = parse(&text).unwrap();
    assert_eq!(parsed.shell.shell, Shell::PowerShell7, "{}", parsed.shell.reason);
    assert_eq!(parsed.params["Event"]["Content"], "It's me");
    let parsed = parse_in(&text, Some(Shell::Bash)).unwrap();
    assert_eq!(parsed.params["Event"]["Content"], "Its me", "bash's reading");
    let warning = parsed.warnings.iter().find(|w| w.message.contains("PowerShell")).expect("a warning");
    assert_eq!(text.chars().nth(warning.index), Some('\''));
    assert_eq!(text.chars().nth(warning.index + 1), Some('\''));
    // bash's own forms have none of these.
    let bash = render(&request, &RenderOptions { multiline: true, ..Default::default() }).text;
    let parsed = parse(&bash).unwrap();
    assert_eq!(parsed.shell.shell, Shell::Bash);
    assert!(parsed.warnings.is_empty(), "{bash}");
}

/// Each note on an option is said once, however often the option is repeated (a pasted text may
/// repeat one thousands of times: three warnings here, not 60,000).
#[test]
fn notes_on_a_repeated_option_are_said_once() {
    let text = format!(
        "--source-id a --destination-id d --event Type=DISCONNECT {}",
        "--sub s --no-cli-pager ".repeat(20_000)
    );
    let warnings: Vec<String> = parse(&text).unwrap().warnings.into_iter().map(|w| w.message).collect();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(warnings.iter().any(|w| w.starts_with("--sub is read as --subtype")));
    assert!(warnings.iter().any(|w| w.starts_with("--subtype is given more than once")));
    assert!(warnings.iter().any(|w| w.starts_with("--no-cli-pager exists only in AWS CLI v2")));
}

#[test]
fn skeleton_option_and_missing_required() {
    let parsed = parse("aws connect send-chat-integration-event --generate-cli-skeleton").unwrap();
    assert_eq!(parsed.generate_cli_skeleton.as_deref(), Some("input"));
    let parsed = parse("--source-id a").unwrap();
    assert!(parsed.warnings.iter().any(|w| w.message.contains("--destination-id, --event")));
}

// ---------------------------------------------------------------------------------------------
// Random requests

fn arb_options() -> impl Strategy<Value = RenderOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>(), 0..5usize).prop_map(|(multiline, ej, nj, form)| RenderOptions {
        shell: Shell::Bash,
        multiline,
        event_style: if ej { StructureStyle::Json } else { StructureStyle::Shorthand },
        new_session_details_style: if nj { StructureStyle::Json } else { StructureStyle::Shorthand },
        input: [
            InputForm::Options,
            InputForm::Options,
            InputForm::Options,
            InputForm::CliInputJson,
            InputForm::CliInputYaml,
        ][form],
        ..Default::default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn bash_command_round_trips(request in arb_request(), options in arb_options()) {
        let cmd = render(&request, &options);
        // Read as bash: on its own, a value such as \" in single quotes reads as PowerShell 5.1's idiom.
        let parsed = parse_in(&cmd.text, Some(Shell::Bash)).map_err(|e| TestCaseError::fail(format!("{e}\n{}", cmd.text)))?;
        // Members the CLI would drop are none: parse gives back exactly the request.
        prop_assert_eq!(parsed.request, Some(request), "{}", cmd.text);
    }

    #[test]
    fn yaml_round_trips(request in arb_request()) {
        let value = serde_json::to_value(&request).unwrap();
        let text = yaml::to_string(&value);
        prop_assert_eq!(yaml::from_str(&text).map_err(|e| TestCaseError::fail(e.message))?, value, "{}", text);
    }
}

/// Any text at all, including control characters, NUL and lone shell syntax.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "\\PC{0,12}", "\\PC{0,60}", tricky()]
}

fn arb_any_request() -> impl Strategy<Value = SendChatIntegrationEventRequest> {
    let o = || opt(any_text());
    let event = (o(), o(), o()).prop_map(|(t, ct, c)| ChatEvent { r#type: t, content_type: ct, content: c });
    let nsd = (
        opt(prop::collection::vec(any_text(), 0..3)),
        opt(o().prop_map(|d| ParticipantDetails { display_name: d })),
        opt(prop::collection::vec((any_text(), any_text()), 0..3)),
        opt(o().prop_map(|a| ChatStreamingConfiguration { streaming_endpoint_arn: a })),
    )
        .prop_map(|(types, pd, attrs, sc)| NewSessionDetails {
            supported_messaging_content_types: types,
            participant_details: pd,
            attributes: attrs.map(|a| a.into_iter().collect()),
            streaming_configuration: sc,
        });
    (o(), o(), o(), opt(event), opt(nsd)).prop_map(|(s, d, st, e, n)| SendChatIntegrationEventRequest {
        source_id: s,
        destination_id: d,
        subtype: st,
        event: e,
        new_session_details: n,
    })
}

fn arb_any_options() -> impl Strategy<Value = RenderOptions> {
    let style = || prop_oneof![Just(StructureStyle::Shorthand), Just(StructureStyle::Json)];
    let input = prop_oneof![
        Just(InputForm::Options),
        Just(InputForm::CliInputJson),
        Just(InputForm::CliInputJsonFile),
        Just(InputForm::CliInputYaml),
        Just(InputForm::CliInputYamlFile),
    ];
    (
        prop::sample::select(SHELLS.to_vec()),
        any::<bool>(),
        style(),
        style(),
        input,
        opt(any_text()),
        opt(any_text()),
        opt(any_text()),
    )
        .prop_map(
            |(shell, multiline, event_style, new_session_details_style, input, region, profile, endpoint_url)| {
                RenderOptions {
                    shell,
                    multiline,
                    event_style,
                    new_session_details_style,
                    input,
                    region,
                    profile,
                    endpoint_url,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Rendering takes any request with any text in any shell and form without panicking, and every
    /// note about a place inside a structure names that place.
    #[test]
    fn render_never_panics(request in arb_any_request(), options in arb_any_options()) {
        let cmd = render(&request, &options);
        prop_assert!(cmd.text.starts_with("aws "), "{}", cmd.text);
        for note in cmd.notes.iter().filter(|n| n.kind == "shorthand" || n.kind == "json-fallback") {
            let path = note.path.as_deref().unwrap_or_default();
            prop_assert!(path.starts_with("Event") || path.starts_with("NewSessionDetails"), "{:?}", note);
        }
        // Whatever was rendered, reading it back as bash does not panic either.
        let _ = parse(&cmd.text);
    }

    /// The command parser takes any text, control characters included, without panicking.
    #[test]
    fn command_parser_never_panics_on_any_text(text in any_text()) {
        let _ = parse(&text);
    }
}

// ---------------------------------------------------------------------------------------------
// Shell safety: real bash and zsh

fn random_request(rng: &mut Rng) -> SendChatIntegrationEventRequest {
    let mut s = || Some(rng.string(TRICKY, 8));
    let (a, b, c, d, e, f, g) = (s(), s(), s(), s(), s(), s(), s());
    SendChatIntegrationEventRequest {
        source_id: a,
        destination_id: b,
        subtype: c,
        event: Some(ChatEvent { r#type: Some("MESSAGE".into()), content_type: d, content: e }),
        new_session_details: Some(NewSessionDetails {
            supported_messaging_content_types: None,
            participant_details: Some(ParticipantDetails { display_name: f }),
            attributes: Some([("k".to_string(), g.unwrap_or_default())].into_iter().collect()),
            streaming_configuration: None,
        }),
    }
}

/// Renders random commands, runs them all in one shell process with a stand-in `aws` that prints
/// its arguments NUL-separated, and checks every argv. Returns how many values were checked.
fn check_shell(program: &str, args: &[&str], commands: usize, seed: u64) -> usize {
    let mut rng = Rng::new(seed);
    let mut script = String::from("aws() { printf '%s\\0' \"$@\"; printf '__END_OF_COMMAND__\\0'; }\n");
    let mut expected = Vec::new();
    let mut values = 0;
    for i in 0..commands {
        let request = random_request(&mut rng);
        values += 7;
        let options = RenderOptions {
            multiline: i % 3 == 0,
            event_style: if i % 2 == 0 { StructureStyle::Shorthand } else { StructureStyle::Json },
            input: if i % 10 == 9 { InputForm::CliInputYaml } else { InputForm::Options },
            ..Default::default()
        };
        let cmd = render(&request, &options);
        script.push_str(&cmd.text);
        script.push('\n');
        expected.push(cmd.argv);
    }
    let dir = std::env::temp_dir().join(format!("cli-shell-safety-{}-{program}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("commands.sh");
    std::fs::write(&path, &script).unwrap();
    // The script runs in an empty folder, so a glob that slipped through would show up as a change.
    let out = Command::new(program).args(args).arg(&path).current_dir(&dir).env_clear().env("HOME", &dir).output();
    let out = out.unwrap_or_else(|e| panic!("{program} is needed for this test (apt-get install {program}): {e}"));
    assert!(out.status.success(), "{program}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{program} printed errors: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let mut got: Vec<Vec<String>> = vec![Vec::new()];
    for field in stdout.split('\0') {
        if field == "__END_OF_COMMAND__" {
            got.push(Vec::new());
        } else if !field.is_empty() || !got.last().unwrap().is_empty() || !stdout.is_empty() {
            got.last_mut().unwrap().push(field.to_string());
        }
    }
    got.pop(); // after the last marker
    assert_eq!(got.len(), expected.len(), "{program}: number of commands run");
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "{program}: command {i}");
    }
    std::fs::remove_dir_all(&dir).ok();
    values
}

#[test]
fn bash_gets_exactly_the_intended_argv() {
    let values = check_shell("bash", &["--norc", "--noprofile"], 1500, 7);
    assert!(values >= 10_000, "{values}");
}

#[test]
fn zsh_gets_exactly_the_intended_argv() {
    let values = check_shell("zsh", &["-f"], 1500, 11);
    assert!(values >= 10_000, "{values}");
}

#[test]
fn quoting_table() {
    let cases: &[(Shell, &str, &str)] = &[
        (Shell::Bash, "plain", "plain"),
        (Shell::Bash, "", "''"),
        (Shell::Bash, "=x", "'=x'"),
        (Shell::Bash, "a\tb", "$'a\\tb'"),
        (Shell::PowerShell7, "", "''"),
        (Shell::PowerShell7, "it’s", "'it’’s'"),
        (Shell::PowerShell5, "", "'\"\"'"),
        (Shell::PowerShell5, "a b\\", "'\"a b\\\\\"'"),
        (Shell::Cmd, "a&b", "a^&b"),
        (Shell::Cmd, "a b&c", "\"a b&c\""),
        // cmd.exe toggles its quote state at every ", backslash or not: here & is inside its quotes.
        (Shell::Cmd, "x\"&\"", "x\\\"&\\\""),
    ];
    for (shell, arg, want) in cases {
        assert_eq!(quote(*shell, arg).text, *want, "{shell:?} {arg:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Conformance with awscli's command-line driver

/// The arguments `aws` receives from each command (after the program name), as real bash splits them.
fn bash_argvs(commands: &[String]) -> Vec<Vec<String>> {
    let mut script = String::from("aws() { printf '%s\\0' \"$@\"; printf '__END_OF_COMMAND__\\0'; }\n");
    for command in commands {
        script.push_str(command);
        script.push('\n');
    }
    let path = std::env::temp_dir().join(format!("cli-conformance-{}-{}.sh", std::process::id(), commands.len()));
    std::fs::write(&path, &script).unwrap();
    let out = Command::new("bash").args(["--norc", "--noprofile"]).arg(&path).output().expect("bash");
    std::fs::remove_file(&path).ok();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut argvs: Vec<Vec<String>> = vec![Vec::new()];
    for field in stdout.split('\0') {
        if field == "__END_OF_COMMAND__" {
            argvs.push(Vec::new());
        } else {
            argvs.last_mut().unwrap().push(field.to_string());
        }
    }
    argvs.pop();
    assert_eq!(argvs.len(), commands.len(), "every command reached aws");
    argvs
}

/// Runs every command through bash (to get the argv exactly as a user's shell would) and then
/// through awscli's clidriver, and compares the captured parameters with the request.
#[test]
#[ignore = "needs the Python venv: run by cargo xtask test"]
fn awscli_parses_rendered_commands_to_the_request() {
    let mut rng = Rng::new(99);
    let mut requests: Vec<SendChatIntegrationEventRequest> = vec![sample()];
    let hand_picked = [
        "Hello, world",
        "it's",
        "say \"hi\"",
        "😀",
        " lead",
        "trail ",
        "a=b,c=d",
        "{x}",
        "[y]",
        "back\\slash",
        "end\\",
        "\\,",
        "line\nbreak",
        "tab\there",
        "$(whoami)",
        "`id`",
        "a;b|c",
        "",
        "-dash",
        "--double",
        "file:/x",
        "Type=EVENT",
        "\u{a0}nbsp",
        "}",
        "]",
        "日本語",
        "\u{1f}",
        "'",
        "\"",
        ",",
    ];
    for text in hand_picked {
        let mut r = sample();
        r.event.as_mut().unwrap().content = Some(text.to_string());
        r.subtype = Some(text.to_string());
        r.new_session_details.as_mut().unwrap().participant_details =
            Some(ParticipantDetails { display_name: Some(text.into()) });
        r.new_session_details.as_mut().unwrap().attributes =
            Some([("k".to_string(), text.to_string())].into_iter().collect());
        r.new_session_details.as_mut().unwrap().supported_messaging_content_types =
            Some(vec![text.into(), "text/plain".into()]);
        requests.push(r);
    }
    while requests.len() < 520 {
        let mut r = random_request(&mut rng);
        // argparse needs a value after each option, and CLI v1 loads file:// and http:// values.
        if rng.below(4) == 0 {
            r.new_session_details.as_mut().unwrap().supported_messaging_content_types =
                Some((0..rng.below(3) + 1).map(|_| rng.string(TRICKY, 5)).collect());
        }
        requests.push(r);
    }
    let commands: Vec<String> = requests
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let options = RenderOptions {
                multiline: i % 2 == 0,
                event_style: if i % 3 == 0 { StructureStyle::Json } else { StructureStyle::Shorthand },
                input: if i % 7 == 6 { InputForm::CliInputJson } else { InputForm::Options },
                ..Default::default()
            };
            render(r, &options).text
        })
        .collect();
    let argvs = bash_argvs(&commands);
    assert_eq!(argvs.len(), requests.len());
    let results = cli_common::run_python("awscli_clidriver_params.py", &json!(argvs));
    let results = results.as_array().unwrap();
    for ((request, argv), result) in requests.iter().zip(&argvs).zip(results) {
        let want = serde_json::to_value(request).unwrap();
        assert_eq!(result.get("params"), Some(&want), "argv {argv:?} gave {result}");
    }
}

// ---------------------------------------------------------------------------------------------
// Reading a command step by step, as the CLI does

const SEND: &str = "aws connect send-chat-integration-event";

/// (rule, command, what the CLI does with it). `$SEND` stands for `aws connect
/// send-chat-integration-event`. The outcome is `ok` when the CLI sends the request, `printed` when
/// it prints something instead (a skeleton, its version, the help page), or `error: ` and the
/// message it stops with, as awscli 1.46.2 writes it; a trailing `…` compares only the beginning
/// (where our message goes on: with CLI v2's own options among the ambiguous ones, say). The rows
/// follow the CLI's steps, each of which runs only when the ones before found nothing.
const STEPS: &[(&str, &str, &str)] = &[
    // 1. The main parser takes the global options, wherever they stand, then checks their values.
    ("global options anywhere", "aws --region eu-west-1 connect send-chat-integration-event --source-id +1 --debug --destination-id d --event Type=MESSAGE", "ok"),
    ("a global option by a unique beginning", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --reg eu-west-1", "ok"),
    ("a beginning several global options share", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --n", "error: ambiguous option: --n could match --no-verify-ssl, --no-paginate, --no-sign-request…"),
    ("--v could be v1's --v2-debug or --version", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --v", "error: ambiguous option: --v could match --v2-debug, --version"),
    ("ambiguity is found before any value is read", "$SEND --source-id --destination-id d --event Type=MESSAGE --cli", "error: ambiguous option: --cli could match --cli-read-timeout, --cli-connect-timeout…"),
    ("a global option without its value", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --region", "error: argument --region: expected one argument"),
    ("a global option's value cannot look like an option", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --query --debug", "error: argument --query: expected one argument"),
    ("global options are read before the operation's", "$SEND --source-id --destination-id d --event Type=MESSAGE --region", "error: argument --region: expected one argument"),
    ("a flag given a value", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --debug=x", "error: argument --debug: ignored explicit argument 'x'"),
    ("an output format outside the list", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --output texty", "error: argument --output: Invalid choice, valid choices are:…"),
    ("a color setting outside the list", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --color=bright", "error: argument --color: Invalid choice, valid choices are:…"),
    ("--version prints the version instead", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --version", "printed"),
    ("an endpoint without a scheme", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --endpoint-url localhost", "error: Bad value for --endpoint-url \"localhost\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/"),
    ("host:port passes for a scheme", "$SEND --source-id +1 --destination-id d --event 'Type=MESSAGE,Content=a,' --endpoint-url localhost:4566", "error: Error parsing parameter '--event': Expected: '<second>', received: '<none>' for input:\nType=MESSAGE,Content=a,\n                       ^"),
    ("an endpoint with a scheme", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --endpoint-url http://127.0.0.1:4566", "ok"),
    ("the main parser reads --e as --endpoint-url", "$SEND --source-id +1 --destination-id d --e Type=MESSAGE", "error: Bad value for --endpoint-url \"Type=MESSAGE\": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/"),
    ("a timeout that is not a whole number", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --cli-read-timeout abc", "error: invalid literal for int() with base 10: 'abc'"),
    ("Python's int takes blanks around and _ between digits", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --cli-connect-timeout ' 1_000 '", "ok"),
    ("the timeout is checked before the operation's options", "$SEND --source-id --cli-read-timeout=x", "error: invalid literal for int() with base 10: 'x'"),
    // 2. The service, then the operation: the first words no option took.
    ("an option between the service and the operation", "aws connect --source-id +1 send-chat-integration-event --destination-id d --event Type=MESSAGE", "error: argument operation: Invalid choice, valid choices are:…"),
    ("a misspelt operation", "aws connect send-chat-integration-events --source-id +1 --destination-id d --event Type=MESSAGE", "error: argument operation: Invalid choice, valid choices are:…"),
    // 3. The operation's parser.
    ("an option attached with =", "$SEND --source-id=+1 --destination-id=d --event=Type=MESSAGE", "ok"),
    ("an option by a unique beginning", "$SEND --so +1 --dest d --ev Type=MESSAGE --sub=connect:sms --new 'Attributes={a=b}'", "ok"),
    ("a beginning two options share", "$SEND --s +1 --destination-id d --event Type=MESSAGE", "error: ambiguous option: --s could match --source-id, --subtype"),
    ("a value that starts with - must be attached", "$SEND --source-id -abc --destination-id d --event Type=MESSAGE", "error: argument --source-id: expected one argument"),
    ("a negative number is a value", "$SEND --source-id -15551234567 --destination-id d --event Type=MESSAGE", "ok"),
    ("a negative decimal is a value", "$SEND --source-id -.5 --destination-id d --event Type=MESSAGE", "ok"),
    ("an exponent is not argparse's number", "$SEND --source-id -1e5 --destination-id d --event Type=MESSAGE", "error: argument --source-id: expected one argument"),
    ("a word with a space is never an option", "$SEND --source-id '--a b' --destination-id d --event Type=MESSAGE", "ok"),
    ("-- is never an option's value", "$SEND --destination-id d --event Type=MESSAGE --source-id -- x", "error: argument --source-id: expected one argument"),
    ("the last of a repeated option counts", "$SEND --source-id=+1 --source-id=+2 --destination-id d --event Type=MESSAGE", "ok"),
    ("an empty value attached with =", "$SEND --source-id= --destination-id d --event Type=MESSAGE", "ok"),
    ("a skeleton without a value is the input skeleton", "$SEND --generate-cli-skeleton", "printed"),
    ("the output skeleton: the request is checked as if sent, then the skeleton printed", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --generate-cli-skeleton output", "ok"),
    ("a skeleton kind outside the list", "$SEND --generate-cli-skeleton bogus", "error: argument --generate-cli-skeleton: Invalid choice, valid choices are:…"),
    // 4. The required options, unless the exact word --cli-input-json or --generate-cli-skeleton
    //    (not followed by output) is on the line.
    ("a missing required option", "$SEND --destination-id d --event Type=MESSAGE", "error: the following arguments are required: --source-id"),
    ("--cli-input-json relaxes them", "$SEND --cli-input-json '{\"SourceId\":\"a\",\"DestinationId\":\"b\",\"Event\":{\"Type\":\"MESSAGE\"}}'", "ok"),
    ("--cli-input-json= does not", "$SEND --cli-input-json='{\"SourceId\":\"a\",\"DestinationId\":\"b\",\"Event\":{\"Type\":\"MESSAGE\"}}'", "error: the following arguments are required: --source-id, --destination-id, --event"),
    ("the output skeleton does not", "$SEND --generate-cli-skeleton output", "error: the following arguments are required: --source-id, --destination-id, --event"),
    ("--generate-cli-skeleton= does not", "$SEND --generate-cli-skeleton=input", "error: the following arguments are required: --source-id, --destination-id, --event"),
    ("a misspelt option leaves its member missing", "$SEND --sourceid +1 --destination-id d --event Type=MESSAGE", "error: the following arguments are required: --source-id"),
    ("--de is the global --debug, so --destination-id is missing", "$SEND --source-id +1 --de d --event Type=MESSAGE", "error: the following arguments are required: --destination-id"),
    ("required comes before unknown words", "$SEND --destination-id d --bogus x --event Type=MESSAGE", "error: the following arguments are required: --source-id"),
    ("required comes before the values are read", "$SEND --destination-id d --event 'Type=MESSAGE,Content=a,'", "error: the following arguments are required: --source-id"),
    // 5. The words no parser took. The operation's `help` positional takes the first, so it comes last.
    ("a value split at a space", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE,ContentType=text/plain,Content=Hello, world", "error: Unknown options: world"),
    ("stray words: the first comes last", "$SEND --source-id x y z --destination-id d --event Type=MESSAGE", "error: Unknown options: z, y"),
    ("unknown options, then the stray word", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --bogus x --zzz", "error: Unknown options: --bogus, --zzz, x"),
    ("a single-dash word", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE -x", "error: Unknown options: -x"),
    ("a lone dash", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE -", "error: Unknown options: -"),
    ("an option-like word with a space", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE '--a b'", "error: Unknown options: --a b"),
    ("a word after --", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE -- x", "error: Unknown options: x"),
    ("unknown words come before the values", "$SEND --source-id +1 --destination-id d --event 'Type=MESSAGE,Content=a,' --bogus", "error: Unknown options: --bogus"),
    ("the word help shows the help page", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE help", "printed"),
    // 6. Each value, in the model's member order, then --cli-input-json.
    ("--event is read before --new-session-details, whatever their order", "$SEND --source-id +1 --destination-id d --new-session-details 'A=,' --event 'Type=MESSAGE,Content=a,'", "error: Error parsing parameter '--event': Expected: '<second>', received: '<none>' for input:\nType=MESSAGE,Content=a,\n                       ^"),
    ("a shorthand error in --new-session-details", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --new-session-details 'Attributes={a=}'", "error: Error parsing parameter '--new-session-details': Expected: ',', received: 'EOF' for input:\nAttributes={a=}\n               ^"),
    ("a JSON value that does not parse", "$SEND --source-id +1 --destination-id d --event '{\"Type\": }'", "error: Error parsing parameter '--event': Invalid JSON:…"),
    ("the values come before --cli-input-json", "$SEND --source-id +1 --destination-id d --event 'Type=MESSAGE,Content=a,' --cli-input-json '{bad'", "error: Error parsing parameter '--event': Expected: '<second>', received: '<none>' for input:\nType=MESSAGE,Content=a,\n                       ^"),
    ("--cli-input-json that does not parse", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --cli-input-json '{bad'", "error: Error parsing parameter 'cli-input-json': Invalid JSON:…"),
    ("a list where a string belongs is still sent (botocore refuses it)", "$SEND --source-id +1 --destination-id d --event Type=MESSAGE,Content=Hi,there", "ok"),
    ("options on the command line replace --cli-input-json's members", "$SEND --cli-input-json '{\"SourceId\":\"a\",\"DestinationId\":\"b\",\"Event\":{\"Type\":\"MESSAGE\"}}' --source-id c", "ok"),
];

fn with_send(command: &str) -> String {
    command.replace("$SEND", SEND)
}

/// What our parser says of a command, in the words of the table.
fn our_outcome(command: &str) -> String {
    match parse(command) {
        Ok(parsed) => match parsed.warnings.iter().find(|w| w.message.starts_with("the following arguments")) {
            Some(required) => format!("error: {}", required.message),
            None if parsed.generate_cli_skeleton.as_deref().is_some_and(|kind| kind != "output") => "printed".into(),
            None => "ok".into(),
        },
        Err(e) if e.message.starts_with("--version:") || e.message.starts_with("help:") => "printed".into(),
        Err(e) => format!("error: {}", e.message),
    }
}

fn same(expected: &str, got: &str) -> bool {
    match expected.strip_suffix('…') {
        Some(beginning) => got.starts_with(beginning),
        None => got == expected,
    }
}

#[test]
fn commands_are_read_step_by_step_as_the_cli_reads_them() {
    for (rule, command, expected) in STEPS {
        let got = our_outcome(&with_send(command));
        assert!(same(expected, &got), "{rule}: {command}\n  expected {expected}\n  got      {got}");
    }
}

/// The words each CLI prints for a refusal, derived from version 1's (the table's, which awscli's own
/// driver checks below) by exactly the differences AWS CLI version 2 shows: a prefix, the shorthand
/// echo one column to the right, one exit code.
fn in_version_2(v1: &str) -> String {
    let shifted = match v1.split_once("for input:\n") {
        Some((head, echo)) => format!("{head}for input:\n {echo}"),
        None => v1.to_string(),
    };
    format!("aws: [ERROR]: An error occurred (ParamValidation): {shifted}")
}

#[test]
fn each_refusal_is_worded_as_each_cli_prints_it() {
    use chat_event_core::cli::CliVersion;
    let mut refused = 0;
    for (rule, command, expected) in STEPS {
        let Some(v1) = expected.strip_prefix("error: ") else { continue };
        let Err(e) = parse(&with_send(command)) else { continue };
        let (Some(one), Some(two)) = (e.refusal(CliVersion::V1), e.refusal(CliVersion::V2)) else {
            panic!("{rule}: the CLI refuses {command}, but no refusal was worded");
        };
        assert!(same(v1, &one.text), "{rule}: {}", one.text);
        assert!(same(&in_version_2(v1), &two.text), "{rule}: {}", two.text);
        assert!([2, 255].contains(&one.exit_code), "{rule}: {}", one.exit_code);
        assert_eq!((one.version, two.version, two.exit_code), (CliVersion::V1, CliVersion::V2, 252), "{rule}");
        refused += 1;
    }
    assert!(refused >= 30, "only {refused} refusals in the table");
    // What the shell would do first, or what the CLI does instead of refusing, is no refusal of the CLI.
    for command in [
        "$SEND --source-id +1 --destination-id d --event 'Type=MESSAGE",
        "$SEND --source-id $HOME --destination-id d --event Type=MESSAGE",
        "$SEND --source-id +1 --destination-id d --event Type=MESSAGE help",
        "$SEND --source-id +1 --destination-id d --event Type=MESSAGE --version",
        "$SEND --source-id +1 --destination-id d --event file://event.json",
    ] {
        let e = parse(&with_send(command)).expect_err(command);
        assert_eq!(e.refusal(CliVersion::V2), None, "{command}: {}", e.message);
    }
}

/// The table above is what awscli's own driver does with each command (after real bash has split
/// it); where it sends the request, its parameters are exactly ours.
#[test]
#[ignore = "needs the Python venv: run by cargo xtask test"]
fn awscli_reads_each_command_as_the_table_says() {
    let commands: Vec<String> = STEPS.iter().map(|(_, command, _)| with_send(command)).collect();
    let argvs = bash_argvs(&commands);
    let results = cli_common::run_python("awscli_command_outcomes.py", &json!(argvs));
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), STEPS.len());
    for (((rule, _, expected), command), result) in STEPS.iter().zip(&commands).zip(results) {
        let cli = match (result.get("params"), result.get("error").and_then(|e| e.as_str())) {
            (Some(_), _) => "ok".to_string(),
            (None, Some(message)) => format!("error: {message}"),
            (None, None) => "printed".to_string(),
        };
        assert!(same(expected, &cli), "{rule}: {command}\n  the table says {expected}\n  awscli says    {cli}");
        // Where both refuse, ours exits as awscli's does.
        if let (Some(rc), Err(e)) = (result.get("rc"), parse(command)) {
            let ours = e.refusal(chat_event_core::cli::CliVersion::V1).map(|r| r.exit_code);
            assert_eq!(ours.map(u64::from), rc.as_u64(), "{rule}: {command}");
        }
        if let Some(params) = result.get("params") {
            let ours = parse(command).map(|p| p.params).unwrap_or_default();
            assert_eq!(params, &ours, "{rule}: {command}");
        }
    }
}

/// Render options read from JSON in the spellings they serialize to; every member may be left out
/// or `null`, and a misspelt one is refused with its path.
#[test]
fn render_options_read_back_as_they_serialize() {
    use chat_event_core::json::read::read;
    for shell in [Shell::Bash, Shell::PowerShell5, Shell::PowerShell7, Shell::Cmd] {
        for input in [
            InputForm::Options,
            InputForm::CliInputJson,
            InputForm::CliInputJsonFile,
            InputForm::CliInputYaml,
            InputForm::CliInputYamlFile,
        ] {
            let options = RenderOptions {
                shell,
                multiline: true,
                event_style: StructureStyle::Json,
                new_session_details_style: StructureStyle::Shorthand,
                input,
                region: Some("eu-west-2".into()),
                profile: Some("dev".into()),
                endpoint_url: Some("http://localhost:4566".into()),
            };
            assert_eq!(read::<RenderOptions>(&chat_event_core::json::to_value(&options)), Ok(options));
        }
    }
    assert_eq!(read::<RenderOptions>(&json!({})), Ok(RenderOptions::default()));
    assert_eq!(read::<RenderOptions>(&json!({"shell": null, "region": null})), Ok(RenderOptions::default()));
    for (value, error) in [
        (json!({"shell": "zsh"}), "shell: expected \"bash\", \"powerShell5\", \"powerShell7\" or \"cmd\", found \"zsh\""),
        (json!({"input": "cli-input-json"}), "input: expected \"options\", \"cliInputJson\", \"cliInputJsonFile\", \"cliInputYaml\" or \"cliInputYamlFile\", found \"cli-input-json\""),
        (json!({"eventStyle": 1}), "eventStyle: expected \"shorthand\" or \"json\", found the number 1"),
        (json!({"multiline": "yes"}), "multiline: expected true or false, found the string \"yes\""),
        (json!({"endpoint_url": "x"}), "endpoint_url: unknown member \"endpoint_url\"; expected \"shell\", \"multiline\", \"eventStyle\", \"newSessionDetailsStyle\", \"input\", \"region\", \"profile\" or \"endpointUrl\""),
        (json!(["bash"]), "expected render options (an object), found a list of 1 item"),
    ] {
        assert_eq!(read::<RenderOptions>(&value).map_err(|e| e.to_string()), Err(error.to_string()), "{value}");
    }
}
