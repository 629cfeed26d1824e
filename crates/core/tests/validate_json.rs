//! Validation from JSON text: syntax errors with line and column, and raw-tree problems located at
//! their paths rather than reported as a parse failure. Also: every code is documented.

use chat_event_core::validate::{codes, has_errors, validate_json};
use chat_event_core::{RuleSource, Severity};

#[test]
fn syntax_errors_have_line_column_and_say_what_was_expected() {
    for (text, line, column, expected) in [
        ("", 1, 1, "ended where a value was expected"),
        ("{\"SourceId\": \"a\",\n  \"Event\": {\n}", 3, 1, "closing '}' is missing"),
        ("{\"SourceId\" \"a\"}", 1, 13, "expected ':'"),
        ("{\"SourceId\": \"a\" \"Event\": {}}", 1, 18, "expected ','"),
        ("{\"SourceId\": \"a\",}", 1, 18, "trailing comma"),
        ("{SourceId: 1}", 1, 2, "member name in double quotes"),
        ("{\"Event\": {\"Type\": MESSAGE}}", 1, 20, "a string in double quotes"),
        ("{} x", 1, 4, "after the end"),
        ("[1, 2", 1, 5, "closing ']' is missing"),
        ("{\"a\": \"unterminated", 1, 19, "closing '\"' is missing"),
    ] {
        let d = validate_json(text);
        assert_eq!(d.len(), 1, "{text:?}: {d:#?}");
        let d = &d[0];
        assert_eq!(
            (d.code.as_str(), d.source, d.severity),
            ("json-syntax", RuleSource::Syntax, Severity::Error),
            "{text:?}"
        );
        assert_eq!((d.line, d.column), (Some(line), Some(column)), "{text:?}: {}", d.message);
        assert!(d.message.contains(expected), "{text:?}: {}", d.message);
        assert!(d.message.starts_with(&format!("Invalid JSON at line {line}, column {column}: ")), "{}", d.message);
        assert!(!d.caught_by_cli);
    }
}

#[test]
fn wrong_types_and_unknown_members_are_located_not_parse_failures() {
    let d = validate_json(
        r#"{"sourceId": "+15551234567", "DestinationId": 5, "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": ["a", "b"]}}"#,
    );
    let got: Vec<(&str, &str)> = d.iter().map(|d| (d.path.as_str(), d.code.as_str())).collect();
    assert_eq!(
        got,
        [
            ("sourceId", "unknown-member"),
            ("DestinationId", "wrong-type"),
            ("Event.Content", "wrong-type"),
            ("SourceId", "required")
        ]
    );
    assert!(has_errors(&d));
    assert!(d[2].message.contains("shorthand"), "{}", d[2].message);
}

#[test]
fn has_errors_ignores_warnings() {
    let warning_only = validate_json(
        r#"{"SourceId": "+15551234567", "DestinationId": "arn:aws:sms-voice:us-east-1:111122223333:phone-number/p", "Subtype": "connect:Sms", "Event": {"Type": "DISCONNECT"}}"#,
    );
    assert_eq!(warning_only.len(), 1);
    assert!(!has_errors(&warning_only));
    assert!(!has_errors(&[]));
}

/// The README's table of codes is [`codes::RULES`], rendered (update it from the message below).
#[test]
fn the_readme_table_of_codes_is_the_rule_table() {
    let mut table = String::from(
        "| code | source | severity | the AWS CLI rejects it too | what it means |\n| --- | --- | --- | --- | --- |\n",
    );
    for rule in codes::RULES {
        assert!(rule.code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", rule.code);
        let (source, severity) =
            (serde_json::to_value(rule.source).unwrap(), serde_json::to_value(rule.severity).unwrap());
        let cli = if rule.caught_by_cli { "yes" } else { "" };
        table.push_str(&format!(
            "| `{}` | {} | {} | {cli} | {} |\n",
            rule.code,
            source.as_str().unwrap_or_default(),
            severity.as_str().unwrap_or_default(),
            rule.summary
        ));
    }
    let readme = include_str!("../../../README.md");
    let inside = readme
        .split_once("<!-- codes:start -->\n")
        .and_then(|(_, rest)| rest.split_once("<!-- codes:end -->"))
        .map(|(inside, _)| inside);
    assert_eq!(inside, Some(table.as_str()), "the README's table of codes, between its markers, should be:\n{table}");
    let mut codes: Vec<&str> = codes::RULES.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), codes::RULES.len(), "a code is listed twice");
}
