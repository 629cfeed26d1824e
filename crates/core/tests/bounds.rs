//! Hostile sizes (issue 17 §2): each ends with a result or a clear error, at every text entry point
//! of core. The tests assert what comes out, never how long it took.

use chat_event_core::cli::command;
use chat_event_core::cli::shorthand::{self, model::parse_structure, ShorthandValue};
use chat_event_core::shape::{Shape, Structure, REQUEST};
use chat_event_core::simulator::{self, Scenario, Simulator};
use chat_event_core::{help, import, validate, Diagnostic};

const DEEP: usize = 10_000;
const TEN_MB: usize = 10 << 20;

fn structure(member: &str) -> &'static Structure {
    match REQUEST.member(member).map(|m| m.shape) {
        Some(Shape::Structure(s)) => s,
        other => panic!("{member} is not a structure: {other:?}"),
    }
}

fn first_error(diagnostics: &[Diagnostic]) -> (String, String) {
    let d = diagnostics.iter().find(|d| d.is_error()).unwrap_or_else(|| panic!("no error in {diagnostics:?}"));
    (d.code.clone(), d.message.clone())
}

fn command_with_event(event: &str) -> String {
    format!("aws connect send-chat-integration-event --source-id +1 --destination-id d --event '{event}'")
}

/// 10,000 levels of nesting, in each syntax and at each entry point that reads it: refused at the
/// syntax's own limit, with a message that says so.
#[test]
fn deep_nesting_is_refused_at_each_syntaxs_limit() {
    let json_deep = "[".repeat(DEEP);
    let json_closed = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    let json_objects = "{\"a\":".repeat(DEEP);
    let yaml_block = format!("{}x", "- ".repeat(DEEP));
    let shorthand_maps = "a={".repeat(DEEP);
    let shorthand_lists = format!("a={}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    let json_limit = "recursion limit exceeded";
    let yaml_limit = "nesting deeper than 200 levels";
    let shorthand_limit = "Nesting deeper than 127 levels";

    let diagnostics: Vec<(&str, Vec<Diagnostic>, &str, &str)> = vec![
        ("validate_json [", validate::validate_json(&json_deep), "json-syntax", json_limit),
        ("validate_json [..]", validate::validate_json(&json_closed), "json-syntax", json_limit),
        ("validate_json {a:", validate::validate_json(&json_objects), "json-syntax", json_limit),
        ("validate_yaml [", validate::validate_yaml(&json_deep), "yaml-syntax", yaml_limit),
        ("validate_yaml [..]", validate::validate_yaml(&json_closed), "yaml-syntax", yaml_limit),
        ("validate_yaml - - -", validate::validate_yaml(&yaml_block), "yaml-syntax", yaml_limit),
        ("import {a:", import::import(&json_objects).diagnostics, "json-syntax", json_limit),
        ("import - - -", import::import(&yaml_block).diagnostics, "yaml-syntax", yaml_limit),
        (
            "import a={",
            import::import(&command_with_event(&shorthand_maps)).diagnostics,
            "command-syntax",
            shorthand_limit,
        ),
    ];
    for (name, found, code, says) in diagnostics {
        let (found_code, message) = first_error(&found);
        assert_eq!(found_code, code, "{name}");
        assert!(message.contains(says), "{name}: {message}");
    }

    let errors: Vec<(&str, Result<(), String>, &str)> = vec![
        ("read_request_json", import::read_request_json(&json_closed).map(drop).map_err(|e| e.message), json_limit),
        ("read_request_yaml", import::read_request_yaml(&yaml_block).map(drop).map_err(|e| e.message), yaml_limit),
        ("shorthand maps", shorthand::parse(&shorthand_maps).map(drop).map_err(|e| e.message), shorthand_limit),
        ("shorthand lists", shorthand::parse(&shorthand_lists).map(drop).map_err(|e| e.message), shorthand_limit),
        (
            "structure",
            parse_structure(
                &format!("Attributes={{{shorthand_maps}"),
                structure("NewSessionDetails"),
                "NewSessionDetails",
            )
            .map(drop)
            .map_err(|e| format!("{e:?}")),
            shorthand_limit,
        ),
        (
            "command",
            command::parse(&command_with_event(&shorthand_maps)).map(drop).map_err(|e| e.message),
            shorthand_limit,
        ),
        ("scenario json", Scenario::from_text(&json_closed).map(drop).map_err(|e| e.to_string()), "nesting"),
        ("scenario yaml", Scenario::from_text(&yaml_block).map(drop).map_err(|e| e.to_string()), yaml_limit),
        ("snapshot", Simulator::restore(&json_closed).map(drop).map_err(|e| e.to_string()), json_limit),
    ];
    for (name, result, says) in errors {
        let message = result.err().unwrap_or_else(|| panic!("{name} accepted 10,000 levels"));
        assert!(message.to_lowercase().contains(&says.to_lowercase()), "{name}: {message}");
    }
}

/// 10 MB of text without any structure, into every text entry point: an error (or, for a lookup,
/// nothing found), never a result that pretends to have read it.
#[test]
fn ten_megabytes_of_text_are_an_error_everywhere() {
    let text = "x".repeat(TEN_MB);
    assert_eq!(first_error(&validate::validate_json(&text)).0, "json-syntax");
    // A YAML document that is one long string: read, and not a request.
    assert_eq!(first_error(&validate::validate_yaml(&text)).0, "wrong-type");
    assert!(import::import(&text).request.is_none());
    assert!(import::read_request_json(&text).is_err());
    assert!(import::read_request_yaml(&text).is_err());
    assert!(shorthand::parse(&text).is_err());
    assert!(parse_structure(&text, structure("Event"), "Event").is_err());
    assert!(command::parse(&text).is_err());
    assert!(Scenario::from_text(&text).is_err());
    assert!(Simulator::restore(&text).is_err());
    assert!(simulator::parse_duration(&text).is_err());
    assert!(help::field_help(&text).is_none());
}

/// A request with 10 MB of Content, and one with 100,000 attributes: read whole, and each limit
/// reported once, at its member.
/// A million blank lines before a command: every shell's reader passes over them once (cmd.exe's
/// looked back over the line at each break, a quadratic walk that never ended here).
#[test]
fn blank_lines_before_a_command_are_read_once_in_every_shell() {
    let text = format!(
        "{}aws connect send-chat-integration-event --source-id x --destination-id d --event Type=DISCONNECT",
        " \n".repeat(500_000)
    );
    for shell in chat_event_core::cli::shell::Shell::ALL {
        let parsed = command::parse_in(&text, Some(shell)).unwrap_or_else(|e| panic!("{shell:?}: {e}"));
        assert_eq!(parsed.params["SourceId"], "x", "{shell:?}");
    }
    // Ten megabytes of one word, in every shell: the CLI's refusal, not a reading.
    let word = "x".repeat(TEN_MB);
    for shell in chat_event_core::cli::shell::Shell::ALL {
        assert!(command::parse_in(&word, Some(shell)).is_err(), "{shell:?}");
    }
}

#[test]
fn oversized_members_are_read_and_reported_once() {
    let content = "é".repeat(TEN_MB / 2);
    let big = format!(
        r#"{{"SourceId": "+1", "DestinationId": "d", "Event": {{"Type": "MESSAGE", "ContentType": "text/plain", "Content": "{content}"}}}}"#
    );
    let found = validate::validate_json(&big);
    let at_content: Vec<&Diagnostic> = found.iter().filter(|d| d.path == "Event.Content").collect();
    assert_eq!(at_content.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["max-length"], "{found:?}");
    assert!(at_content[0].message.contains("16,384"), "{}", at_content[0].message);

    let attributes: Vec<String> = (0..100_000).map(|i| format!(r#""key-{i}": "value""#)).collect();
    let many = format!(
        r#"{{"SourceId": "+1", "DestinationId": "d", "Event": {{"Type": "DISCONNECT"}}, "NewSessionDetails": {{"Attributes": {{{}}}}}}}"#,
        attributes.join(",")
    );
    let request = import::read_request_json(&many).unwrap_or_else(|e| panic!("{}", e.message));
    let read = request.new_session_details.and_then(|n| n.attributes).map_or(0, |a| a.len());
    assert_eq!(read, 100_000);
    let codes: Vec<String> = validate::validate_json(&many).into_iter().map(|d| d.code).collect();
    assert_eq!(codes.iter().filter(|c| *c == "attributes-too-large").count(), 1, "{codes:?}");
    assert!(codes.len() < 5, "one finding per rule, not one per attribute: {codes:?}");
}

/// A 1 MB token with no separator: shorthand keeps it whole, a command reads it as the value it
/// is, and validation reports its length.
#[test]
fn a_megabyte_token_is_one_value() {
    let token = "a".repeat(1 << 20);
    let parsed = shorthand::parse(&format!("Content={token}")).unwrap_or_else(|e| panic!("{}", e.message));
    match parsed {
        ShorthandValue::Map(map) => {
            assert_eq!(map.len(), 1);
            assert!(matches!(map.values().next(), Some(ShorthandValue::String(s)) if s.len() == token.len()));
        }
        other => panic!("not a map: {other:?}"),
    }
    let found = import::import(&format!(
        "aws connect send-chat-integration-event --source-id {token} --destination-id d --event Type=DISCONNECT"
    ));
    let request = found.request.unwrap_or_else(|| panic!("{:?}", found.diagnostics));
    assert_eq!(request.source_id.map(|s| s.len()), Some(token.len()));
    assert!(
        found.diagnostics.iter().any(|d| d.path == "SourceId" && d.code == "max-length"),
        "{:?}",
        found.diagnostics
    );
    assert!(simulator::parse_duration(&token).is_err());
}

/// A scenario of a million steps reads and runs to its end.
#[test]
fn a_scenario_of_a_million_steps_runs_to_the_end() {
    let steps = vec![r#"{"advance": "1s"}"#; 1_000_000].join(",");
    let scenario =
        Scenario::from_text(&format!(r#"{{"title": "long", "steps": [{steps}]}}"#)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(scenario.steps.len(), 1_000_000);
    let report = scenario.run().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.steps.len(), 1_000_000);
    assert!(report.passed);
}
