//! Every example scenario passes; scenario files are checked and reported step by step.

use chat_event_core::simulator::scenarios::{example, EXAMPLES};
use chat_event_core::simulator::{Scenario, Settings, Simulator};
use serde_json::json;

#[test]
fn every_example_scenario_passes() {
    assert_eq!(EXAMPLES.len(), 6);
    for e in EXAMPLES {
        let scenario = Scenario::from_json(e.text).unwrap_or_else(|err| panic!("{}: {err}", e.name));
        assert_eq!(scenario.title, e.title, "{}: the listed title matches the file", e.name);
        let report = scenario.run().unwrap();
        assert!(report.passed, "{}:\n{}", e.name, report.to_table());
        assert_eq!(report.failed_steps, 0);
        assert!(report.passed_steps > 0, "{}: an example checks something", e.name);
        // Every step of an example states what it expects.
        assert!(report.steps.iter().all(|s| s.passed == Some(true)), "{}", report.to_table());
    }
    assert!(example("expiry-after-25h").is_some());
    assert!(example("nope").is_none());
}

#[test]
fn a_wrong_expectation_fails_and_says_why() {
    let text = example("next-sms-reuses-chat").unwrap().text.replace(r#""what": "reused""#, r#""what": "created""#);
    let report = Scenario::from_json(&text).unwrap().run().unwrap();
    assert!(!report.passed);
    assert_eq!((report.passed_steps, report.failed_steps), (1, 1));
    let failed = &report.steps[1];
    assert_eq!(failed.passed, Some(false));
    assert_eq!(failed.failures, vec!["expected what = created, got reused".to_string()]);
    let table = report.to_table();
    assert!(table.contains("| 2 | second |") && table.contains("FAIL"), "{table}");
    assert!(table.contains("expected what = created, got reused"), "{table}");
}

#[test]
fn steps_without_expectations_are_not_checked() {
    let s = Scenario::from_json(r#"{"title": "t", "steps": [{"advance": "1h"}]}"#).unwrap();
    let report = s.run().unwrap();
    assert!(report.passed);
    assert_eq!(report.steps[0].passed, None);
    assert_eq!(report.steps[0].action, "advance 1h");
    assert_eq!(report.steps[0].at.to_iso(), "2026-01-01T00:00:00Z");
}

#[test]
fn bad_scenario_files_are_located() {
    for (text, needle) in [
        (r#"{"title": "t", "steps": [{}]}"#, "step 1: a step needs exactly one"),
        (r#"{"title": "t", "steps": [{"advance": "1h", "send": {}}]}"#, "step 1: a step needs exactly one"),
        (r#"{"title": "t", "steps": [{"advance": "1x"}]}"#, "unknown unit"),
        (
            r#"{"title": "t", "steps": [{"advance": "1h", "expect": {"wat": 1}}]}"#,
            "step 1: steps[0].expect.wat: unknown member \"wat\"; expected \"what\", \"newChatCreated\"",
        ),
        (r#"{"title": "t", "steps": [{"endChat": {"by": "agent"}}]}"#, "step 1: \"endChat\" names its chat"),
        (r#"{"title": "t", "steps": [{"endChat": {"sourceId": "+1", "by": "agent"}}]}"#, "needs both"),
        (r#"{"title": "t", "settings": {"chatDurationMinutes": 30}, "steps": []}"#, "chatDurationMinutes"),
        ("{\"title\": \"t\",\n \"steps\": [", "line 2"),
    ] {
        let e = Scenario::from_json(text).unwrap_err();
        assert!(e.to_string().contains(needle), "{text}: {e}");
    }
}

/// A member that does not read is named by its path; under `steps[i]` the error also carries the
/// step's number (i + 1), elsewhere none.
#[test]
fn wrong_members_are_named_by_path_and_step() {
    for (text, step, message) in [
        (r#"{"steps": []}"#, None, "the member \"title\" is missing"),
        (r#"{"title": "t", "steps": [], "author": "x"}"#, None, "author: unknown member \"author\"; expected \"title\", \"description\", \"settings\" or \"steps\""),
        (r#"{"title": "t", "steps": {}}"#, None, "steps: expected a list, found an object with 0 members"),
        (r#"{"title": "t", "settings": {"seed": "x"}, "steps": []}"#, None, "settings.seed: expected a whole number from 0, found the string \"x\""),
        (r#"{"title": "t", "steps": ["advance"]}"#, Some(1), "steps[0]: expected a step (an object), found the string \"advance\""),
        (r#"{"title": "t", "steps": [{"advance": "1h"}, {"advance": -1}]}"#, Some(2), "steps[1].advance: expected a duration such as \"25h\" or \"90m\", or a whole number of milliseconds, found the number -1"),
        (r#"{"title": "t", "steps": [{"advance": 1.5}]}"#, Some(1), "steps[0].advance: expected a duration such as \"25h\" or \"90m\", or a whole number of milliseconds, found the number 1.5"),
        (r#"{"title": "t", "steps": [{"after": "1y", "advance": 0}]}"#, Some(1), "steps[0].after: invalid duration \"1y\""),
        (r#"{"title": "t", "steps": [{"endChat": {"contactOf": "a"}}]}"#, Some(1), "steps[0].endChat: the member \"by\" is missing"),
        (r#"{"title": "t", "steps": [{"endChat": {"contactOf": "a", "by": "customer"}}]}"#, Some(1), "steps[0].endChat.by: expected \"agent\" or \"flow\", found \"customer\""),
        (r#"{"title": "t", "steps": [{"endChat": {"contactId": "x", "by": "agent"}}]}"#, Some(1), "steps[0].endChat.contactId: \"x\" is not a UUID"),
        (r#"{"title": "t", "steps": [{"advance": 0, "expect": {"what": "Created"}}]}"#, Some(1), "steps[0].expect.what: expected \"created\", \"reused\""),
        (r#"{"title": "t", "steps": [{"advance": 0, "expect": {"error": "Throttling"}}]}"#, Some(1), "steps[0].expect.error: expected \"InvalidRequestException\""),
        (r#"{"title": "t", "steps": [{"advance": 0, "expect": {"httpStatus": 70000}}]}"#, Some(1), "steps[0].expect.httpStatus: expected a whole number from 0 to 65535, found 70000"),
        (r#"{"title": "t", "steps": [{"send": {"SourceId": 5}}]}"#, Some(1), "steps[0].send.SourceId: expected a string, found the number 5"),
    ] {
        let e = Scenario::from_json(text).unwrap_err();
        assert_eq!((e.step, e.line, e.column), (step, None, None), "{text}: {e}");
        assert!(e.message.starts_with(message), "{text}: {}", e.message);
    }
}

/// Durations in a step read from text or from a whole number of milliseconds, from 0 up.
#[test]
fn step_durations_read_from_text_or_milliseconds() {
    for (advance, millis) in [
        (json!(0), 0u64),
        (json!(1), 1),
        (json!("90m"), 5_400_000),
        (json!("1h30m"), 5_400_000),
        (json!(u64::MAX), u64::MAX),
    ] {
        let text = json!({"title": "t", "steps": [{"advance": advance}]}).to_string();
        let s = Scenario::from_json(&text).unwrap();
        assert_eq!(s.steps[0].advance.map(|d| d.millis), Some(millis), "{advance}");
    }
}

/// A YAML scenario reads through the same readers: the same members, the same located errors.
#[test]
fn yaml_scenarios_read_as_json_ones_do() {
    let yaml = "title: t\nsteps:\n  - advance: 1h\n    expect:\n      expired: 0\n";
    let json = r#"{"title": "t", "steps": [{"advance": "1h", "expect": {"expired": 0}}]}"#;
    assert_eq!(Scenario::from_yaml(yaml), Scenario::from_json(json));
    let e = Scenario::from_yaml("title: t\nsteps:\n  - advance: 1h\n  - advance: 1h\n    expect:\n      wat: 1\n")
        .unwrap_err();
    assert_eq!(e.step, Some(2));
    assert!(e.message.starts_with("steps[1].expect.wat: unknown member \"wat\""), "{}", e.message);
    let e = Scenario::from_yaml("title: [").unwrap_err();
    assert_eq!((e.step, e.line.is_some()), (None, true), "{e}");
}

#[test]
fn end_chat_steps_by_name_id_and_identity() {
    let text = r#"{
      "title": "ends",
      "steps": [
        {"name": "a", "send": {"SourceId": "+1", "DestinationId": "d", "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "x"}}},
        {"name": "b", "send": {"SourceId": "+2", "DestinationId": "d", "Subtype": "connect:sms", "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "x"}}},
        {"endChat": {"contactOf": "a", "by": "agent"}, "expect": {"activeChats": 1, "sameContactAs": "a"}},
        {"endChat": {"sourceId": "+2", "destinationId": "d", "subtype": "connect:sms", "by": "flow"}, "expect": {"activeChats": 0}},
        {"endChat": {"contactOf": "a", "by": "agent"}},
        {"endChat": {"contactOf": "zzz", "by": "agent"}},
        {"send": {"SourceId": "+1", "DestinationId": "d", "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "x"}},
         "expect": {"follows": "a", "explanationContains": "the agent ended it"}}
      ]
    }"#;
    let report = Scenario::from_json(text).unwrap().run().unwrap();
    let passed: Vec<Option<bool>> = report.steps.iter().map(|s| s.passed).collect();
    assert_eq!(
        passed,
        [None, None, Some(true), Some(true), Some(false), Some(false), Some(true)],
        "{}",
        report.to_table()
    );
    assert!(report.steps[4].failures[0].contains("is not active"), "{:?}", report.steps[4].failures);
    assert!(report.steps[5].failures[0].contains("no earlier step named \"zzz\""));
}

#[test]
fn run_scenario_uses_the_simulator_as_it_stands() {
    let scenario = Scenario::from_json(example("first-sms-creates-chat").unwrap().text).unwrap();
    let mut sim = Simulator::new(Settings::default()).unwrap();
    assert!(sim.run_scenario(&scenario).passed);
    // Run again on the same simulator: the chat now exists, so "created" fails.
    let again = sim.run_scenario(&scenario);
    assert!(!again.passed);
    assert_eq!(again.steps[0].outcome.as_ref().map(|o| o.what), Some(chat_event_core::simulator::What::Reused));
}

#[test]
fn scenarios_round_trip_through_json() {
    for e in EXAMPLES {
        let s = Scenario::from_json(e.text).unwrap();
        let again = Scenario::from_json(&s.to_json_pretty()).unwrap();
        assert_eq!(again, s, "{}", e.name);
    }
}

#[test]
fn scenarios_read_from_yaml() {
    let yaml = r#"
title: Reuse, in YAML
steps:
  - name: first
    send:
      SourceId: "+15551234567"
      DestinationId: arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef
      Subtype: connect:sms
      Event: {Type: MESSAGE, ContentType: text/plain, Content: Hi}
    expect: {what: created, newChatCreated: true}
  - after: 25h
    send:
      SourceId: "+15551234567"
      DestinationId: arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef
      Subtype: connect:sms
      Event: {Type: MESSAGE, ContentType: text/plain, Content: Again}
    expect: {what: created, follows: first, expired: 1}
"#;
    let report = Scenario::from_yaml(yaml).unwrap().run().unwrap();
    assert!(report.passed, "{}", report.to_table());
    assert_eq!(report.passed_steps, 2);
    // Every example survives JSON → YAML → scenario.
    for e in EXAMPLES {
        let s = Scenario::from_json(e.text).unwrap();
        assert_eq!(Scenario::from_yaml(&s.to_yaml()).unwrap(), s, "{}", e.name);
    }
    let err = Scenario::from_yaml("title: t\nsteps: [\n").unwrap_err();
    assert!(err.line.is_some(), "{err}");
    let err = Scenario::from_yaml("title: t\nsteps:\n  - advance: 1h\n    send: {}\n").unwrap_err();
    assert_eq!(err.step, Some(1));
}

/// JSON and YAML are told apart in one place, by the text: `{` starts JSON, or a YAML flow mapping.
#[test]
fn a_scenarios_format_is_told_from_its_text() {
    use chat_event_core::simulator::Scenario;
    let json = Scenario::from_text(r#"{"title": "t", "steps": [{"advance": "1h"}]}"#).unwrap();
    let cases = [
        ("  \n{\"title\": \"t\", \"steps\": [{\"advance\": 3600000}]}", Ok(())),
        ("title: t\nsteps:\n  - advance: 1h\n", Ok(())),
        ("{title: t, steps: [{advance: 1h}]}", Ok(())),
        // Neither JSON nor YAML: JSON's error, since the text looked like JSON.
        ("{\"title\": \"t\", \"steps\": [", Err((Some(1), "EOF while parsing a list"))),
        // Not YAML: YAML's error.
        ("title: t\nsteps: [\n", Err((Some(2), "never closed"))),
        // Read, but not a scenario: the step at fault.
        ("{\"title\": \"t\", \"steps\": [{}]}", Err((None, ""))),
    ];
    for (text, expected) in cases {
        let read = Scenario::from_text(text);
        match (expected, read) {
            (Ok(()), Ok(scenario)) => assert_eq!(scenario, json, "{text:?}"),
            (Err((line, message)), Err(e)) => {
                assert_eq!(e.line, line, "{text:?}: {e}");
                assert!(e.message.contains(message), "{text:?}: {e}");
            }
            (expected, read) => panic!("{text:?}: expected {expected:?}, read {read:?}"),
        }
    }
}
