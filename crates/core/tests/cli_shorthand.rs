//! Shorthand syntax: the generic parser (every corner of api-facts §6.2), its errors and hints, the
//! generator, and conformance with awscli's own `ShorthandParser`.

mod cli_common;

use chat_event_core::cli::shorthand::{
    generate, generate_explained, parse, QuoteReason, ShorthandErrorKind, ShorthandValue, Written,
};
use chat_event_core::cli::CliVersion;
use chat_event_core::json::ToJson;
use proptest::prelude::*;
use serde_json::json;

fn ok(text: &str) -> serde_json::Value {
    match parse(text) {
        Ok(v) => v.to_json(),
        Err(e) => panic!("{text:?} should parse: {e}"),
    }
}

fn syntax_err(text: &str) -> (String, String, usize) {
    match parse(text) {
        Ok(v) => panic!("{text:?} should fail, gave {:?}", v.to_json()),
        Err(e) => match e.kind {
            ShorthandErrorKind::Syntax { expected, received } => (expected, received, e.index),
            other => panic!("{text:?}: expected a syntax error, got {other:?}"),
        },
    }
}

#[test]
fn grammar_corners_parse_as_the_cli_does() {
    let cases: &[(&str, &str, serde_json::Value)] = &[
        ("plain pairs", "Type=MESSAGE,ContentType=text/plain", json!({"Type": "MESSAGE", "ContentType": "text/plain"})),
        ("escaped comma", r"Content=Hello\, world", json!({"Content": "Hello, world"})),
        ("other backslashes kept", r"Content=back\slash", json!({"Content": "back\\slash"})),
        ("inner space kept", "Content=hello world", json!({"Content": "hello world"})),
        ("trailing space trimmed", "Content=hi   ", json!({"Content": "hi"})),
        ("= inside a value", "Content=a=b=c", json!({"Content": "a=b=c"})),
        ("spaces around = skipped", "Type = MESSAGE", json!({"Type": "MESSAGE"})),
        ("space after comma skipped", "a=1, b=2", json!({"a": "1", "b": "2"})),
        ("BMP characters unquoted", "Content=é ✓ 日本語", json!({"Content": "é ✓ 日本語"})),
        ("] and } may start a value", "a=]x,b=}", json!({"a": "]x", "b": "}"})),
        ("[ and { inside a value", "a=x[y{z", json!({"a": "x[y{z"})),
        ("tab and newline inside", "a=x\ty\nz", json!({"a": "x\ty\nz"})),
        ("empty value at end", "a=", json!({"a": ""})),
        ("empty value before comma", "a=,b=c", json!({"a": "", "b": "c"})),
        ("empty key accepted", "=v", json!({"": "v"})),
        ("key characters", "a-b_c.d#e/f:g=1", json!({"a-b_c.d#e/f:g": "1"})),
        ("double quotes", r#"Content="Hi, there 😀""#, json!({"Content": "Hi, there 😀"})),
        ("single quotes", "Content='x=y,z'", json!({"Content": "x=y,z"})),
        ("escaped double quote", r#"a="say \"hi\"""#, json!({"a": "say \"hi\""})),
        ("escaped backslash in quotes", r#"a="a\\b""#, json!({"a": "a\\b"})),
        ("\\n stays backslash-n in quotes", r#"a="a\nb""#, json!({"a": "a\\nb"})),
        ("\\, not unescaped in quotes", r#"a="a\,b""#, json!({"a": "a\\,b"})),
        ("empty quotes", r#"a="",b=''"#, json!({"a": "", "b": ""})),
        ("whitespace inside quotes kept", r#"a=" x ""#, json!({"a": " x "})),
        ("space after closing quote", r#"a="x"  ,b=1"#, json!({"a": "x", "b": "1"})),
        ("bare list", "K=a,b,c", json!({"K": ["a", "b", "c"]})),
        ("one item stays scalar", "K=a", json!({"K": "a"})),
        ("a later = ends the bare list", "Content=a,b=c", json!({"Content": "a", "b": "c"})),
        ("bare list then key", "K=a,b,L=c", json!({"K": ["a", "b"], "L": "c"})),
        ("double comma before next key", "A=x,,B=y", json!({"A": "x", "B": "y"})),
        ("quoted items in bare list", r#"K=a,"b,c",'d'"#, json!({"K": ["a", "b,c", "d"]})),
        ("] in a later bare item", "K=a,b]", json!({"K": ["a", "b]"]})),
        ("bracket list", "K=[a,b]", json!({"K": ["a", "b"]})),
        ("empty bracket list", "K=[]", json!({"K": []})),
        ("trailing comma in brackets", "K=[a,]", json!({"K": ["a"]})),
        ("leading comma in brackets", "K=[,a]", json!({"K": ["", "a"]})),
        ("spaces around items", "K=[ a , b ]", json!({"K": ["a", "b"]})),
        ("nested", "a={b=[x,{c=d}]}", json!({"a": {"b": ["x", {"c": "d"}]}})),
        ("empty braces", "a={}", json!({"a": {}})),
        ("empty value inside braces before comma", "a={x=,y=1}", json!({"a": {"x": "", "y": "1"}})),
        ("repeated key inside braces: last wins", "a={k=1,k=2}", json!({"a": {"k": "2"}})),
        ("key@= with a plain value", "a@=b", json!({"a": "b"})),
        ("file:// without @ stays literal", "a=file://x", json!({"a": "file://x"})),
    ];
    for (rule, text, want) in cases {
        assert_eq!(&ok(text), want, "{rule}: {text:?}");
    }
}

#[test]
fn grammar_errors_match_the_cli_wording_and_position() {
    let cases: &[(&str, &str, &str, &str, usize)] = &[
        ("emoji unquoted", "Content=hi😀", ",", "😀", 10),
        ("leading space", " a=b", "=", "a", 1),
        ("bare list ending in a comma", "A=x,", "<second>", "<none>", 4),
        ("{k=} : } read as the value", "a={k=}", ",", "EOF", 6),
        ("bare list inside braces", "a={k=a,b}", "=", "}", 8),
        ("text after closing quote", r#"a="a"b"#, ",", "b", 5),
        ("two quoted strings", r#"a="a""b""#, ",", "\"", 5),
        ("unterminated quote", r#"a="abc"#, "<double quoted>", "<none>", 2),
        ("unterminated single quote", "a='abc", "<singled quoted>", "<none>", 2),
        ("empty input", "", "=", "EOF", 0),
        ("apostrophe in unquoted value", "Content=it's", ",", "'", 10),
        ("non-ASCII key", "é=1", "=", "é", 0),
        ("unclosed bracket", "a=[x", ",", "EOF", 4),
    ];
    for (rule, text, expected, received, index) in cases {
        let got = syntax_err(text);
        assert_eq!(got, (expected.to_string(), received.to_string(), *index), "{rule}: {text:?}");
    }
}

#[test]
fn duplicate_top_level_key_is_an_error_with_the_cli_message() {
    let e = parse("a=1,a=2").unwrap_err();
    assert_eq!(e.kind, ShorthandErrorKind::DuplicateKey { key: "a".into() });
    assert_eq!(e.index, 4);
    assert_eq!(
        e.message,
        "Second instance of key \"a\" encountered for input:\na=1,a=2\n    ^\nThis is often because there is a \
         preceding \",\" instead of a space."
    );
}

#[test]
fn error_message_has_the_cli_caret_and_line_and_column() {
    let e = parse("Content=hi😀").unwrap_err();
    assert_eq!(e.message, "Expected: ',', received: '😀' for input:\nContent=hi😀\n          ^");
    assert_eq!((e.line, e.column), (1, 11));
    let e = parse("a=b,\nc==d,\ne=f").unwrap_err();
    assert_eq!((e.line, e.column), (2, 3)); // at the second `=` of `c==d`
}

#[test]
fn nesting_stops_where_the_json_form_stops() {
    // The top-level pairs are the first level, as a JSON object's braces are: 126 brackets inside
    // them make the 127 containers JSON allows, and the next bracket is refused where it opens.
    let deep = |open: &str, close: &str, n: usize| format!("a={}x{}", open.repeat(n), close.repeat(n));
    let cases: &[(&str, String, Option<usize>)] = &[
        ("126 lists", deep("[", "]", 126), None),
        ("127 lists", deep("[", "]", 127), Some(2 + 126)),
        ("126 maps", deep("{b=", "}", 126), None),
        ("127 maps", deep("{b=", "}", 127), Some(2 + 3 * 126)),
        ("lists and maps", deep("[{b=", "}]", 64), Some(2 + 4 * 63)),
        // Deep enough to overflow the browser's 1 MB wasm stack before the limit.
        ("10,000 unclosed", format!("a={}", "[".repeat(10_000)), Some(2 + 126)),
        ("10,000 closed", deep("[", "]", 10_000), Some(2 + 126)),
    ];
    for (rule, text, refused_at) in cases {
        match (parse(text), refused_at) {
            (Ok(_), None) => {}
            (Err(e), Some(index)) => {
                assert_eq!((&e.kind, e.index), (&ShorthandErrorKind::TooDeep { limit: 127 }, *index), "{rule}");
                assert!(e.message.starts_with("Nesting deeper than 127 levels"), "{rule}: {}", e.message);
            }
            (got, _) => panic!("{rule}: {:?}", got.map(|v| v.to_json())),
        }
    }
}

#[test]
fn at_file_reference_asks_for_the_content() {
    for text in ["a@=file://x.json", "a@=fileb://x.bin", "a@=[b,file://c]", "a@='file://q'"] {
        let e = parse(text).unwrap_err();
        assert!(matches!(e.kind, ShorthandErrorKind::FileReference { .. }), "{text}");
        assert!(e.message.contains("paste the file's content instead"), "{text}: {}", e.message);
    }
}

#[test]
fn hints_explain_the_common_traps() {
    let cases: &[(&str, &str, &str)] = &[
        ("emoji", "Type=MESSAGE,Content=Thanks 😀", "double quotes"),
        ("apostrophe", "Type=MESSAGE,Content=It's me", "apostrophe"),
        ("leading space", " Type=MESSAGE", "starts with a space"),
        ("comma in Content read as a key", "Content=Hi, it's me,Type=MESSAGE", "comma"),
        ("comma in Content, duplicate key", "Type=MESSAGE,Content=a,Type=b", "comma"),
        ("trailing comma", "Type=MESSAGE,Content=x,", "trailing comma"),
        ("empty last value in braces", "a={k=}", "k=\"\""),
    ];
    for (trap, text, needle) in cases {
        let e = parse(text).unwrap_err();
        let hint = e.hint.clone().unwrap_or_default();
        assert!(hint.contains(needle), "{trap}: {text:?} gave hint {hint:?} (message {})", e.message);
    }
}

#[test]
fn generator_writes_the_shortest_faithful_form() {
    let cases: &[(&str, serde_json::Value, &str)] = &[
        ("plain", json!({"Type": "MESSAGE"}), "Type=MESSAGE"),
        ("comma escaped, not quoted", json!({"Content": "a,b"}), r"Content=a\,b"),
        ("emoji quoted", json!({"Content": "hi😀"}), r#"Content="hi😀""#),
        ("apostrophe in double quotes", json!({"Content": "it's"}), r#"Content="it's""#),
        ("double quote in single quotes", json!({"Content": "say \"x\""}), r#"Content='say "x"'"#),
        ("leading space quoted", json!({"a": " x"}), r#"a=" x""#),
        ("trailing space quoted", json!({"a": "x "}), r#"a="x ""#),
        ("empty at the end", json!({"a": "", "b": ""}), "a=,b="),
        ("empty last in braces", json!({"m": {"a": "", "b": ""}}), r#"m={a=,b=""}"#),
        ("bare list", json!({"K": ["a", "b"]}), "K=a,b"),
        ("one-item list keeps brackets", json!({"K": ["a"]}), "K=[a]"),
        ("empty list", json!({"K": []}), "K=[]"),
        ("empty map", json!({"K": {}}), "K={}"),
        ("= in a value", json!({"a": "x=y"}), "a=x=y"),
        ("closing brace may start a value", json!({"m": {"a": "}"}}), "m={a=}}"),
        ("nested", json!({"a": {"b": ["x", {"c": "d"}]}}), "a={b=[x,{c=d}]}"),
    ];
    for (rule, value, want) in cases {
        let sv = ShorthandValue::from_json(value).unwrap();
        assert_eq!(generate(&sv).as_deref(), Ok(*want), "{rule}");
        assert_eq!(parse(want).unwrap(), sv, "{rule}: the generated form parses back");
    }
}

#[test]
fn generator_says_when_shorthand_cannot_express_a_value() {
    let cases: &[(&str, serde_json::Value)] = &[
        ("key with a space", json!({"Attributes": {"a b": "x"}})),
        ("non-ASCII key", json!({"é": "x"})),
        ("empty top level", json!({})),
        ("not a map", json!("x")),
    ];
    for (rule, value) in cases {
        let sv = ShorthandValue::from_json(value).unwrap();
        assert!(generate(&sv).is_err(), "{rule}");
    }
}

/// Each string the generator could not write as it is gets a note with its path, how it was written
/// and every reason, read off the same decision that chose the spelling.
#[test]
fn generator_says_why_it_quoted_or_escaped_each_string() {
    use QuoteReason as R;
    let dq = |escaped_quotes, doubled_backslashes| Written::Quoted { quote: '"', escaped_quotes, doubled_backslashes };
    let sq = |escaped_quotes| Written::Quoted { quote: '\'', escaped_quotes, doubled_backslashes: false };
    let cases: Vec<(&str, serde_json::Value, &str, Written, Vec<QuoteReason>)> = vec![
        (
            "comma, apostrophe and emoji",
            json!({"Content": "Hi, it's me 😀"}),
            "Content",
            dq(0, false),
            vec![R::Comma { count: 1 }, R::QuoteMark { quote: '\'' }, R::AboveBmp { example: '😀' }],
        ),
        (
            "one comma: escaped",
            json!({"Attributes": {"a": "x,y"}}),
            "Attributes.a",
            Written::EscapedCommas { count: 1 },
            vec![R::Comma { count: 1 }],
        ),
        (
            "two commas: escaping ties with quoting, escaped",
            json!({"a": "x,y,z"}),
            "a",
            Written::EscapedCommas { count: 2 },
            vec![R::Comma { count: 2 }],
        ),
        ("three commas: quoting is shorter", json!({"a": "w,x,y,z"}), "a", dq(0, false), vec![R::Comma { count: 3 }]),
        ("emoji alone", json!({"a": "😀"}), "a", dq(0, false), vec![R::AboveBmp { example: '😀' }]),
        ("above U+FFFF, not an emoji", json!({"a": "𝐀"}), "a", dq(0, false), vec![R::AboveBmp { example: '𝐀' }]),
        ("leading space", json!({"a": " x"}), "a", dq(0, false), vec![R::LeadingWhitespace { example: ' ' }]),
        ("leading tab", json!({"a": "\tx"}), "a", dq(0, false), vec![R::LeadingWhitespace { example: '\t' }]),
        ("trailing space", json!({"a": "x "}), "a", dq(0, false), vec![R::TrailingWhitespace { example: ' ' }]),
        (
            "trailing no-break space",
            json!({"a": "x\u{a0}"}),
            "a",
            dq(0, false),
            vec![R::TrailingWhitespace { example: '\u{a0}' }],
        ),
        ("double quote: single quotes", json!({"a": "say \"x\""}), "a", sq(0), vec![R::QuoteMark { quote: '"' }]),
        ("apostrophe: double quotes", json!({"a": "it's"}), "a", dq(0, false), vec![R::QuoteMark { quote: '\'' }]),
        (
            "both quotes: the fewer escapes win",
            json!({"a": "it's \"x\""}),
            "a",
            sq(1),
            vec![R::QuoteMark { quote: '\'' }],
        ),
        ("closing bracket inside", json!({"a": "x]y"}), "a", dq(0, false), vec![R::ClosingBracket { bracket: ']' }]),
        ("closing brace inside", json!({"a": "x}y"}), "a", dq(0, false), vec![R::ClosingBracket { bracket: '}' }]),
        ("opening bracket first", json!({"a": "[x"}), "a", dq(0, false), vec![R::OpensStructure { bracket: '[' }]),
        ("opening brace first", json!({"a": "{x"}), "a", dq(0, false), vec![R::OpensStructure { bracket: '{' }]),
        ("= first", json!({"a": "=x"}), "a", dq(0, false), vec![R::StartsWithEquals]),
        (
            "control character",
            json!({"a": "x\u{1}y"}),
            "a",
            dq(0, false),
            vec![R::ControlCharacter { example: '\u{1}' }],
        ),
        ("empty last value in braces", json!({"m": {"a": "", "b": ""}}), "m.b", dq(0, false), vec![R::EmptyLastInMap]),
        (
            "empty last item in brackets",
            json!({"m": {"l": ["a", ""]}}),
            "m.l[1]",
            dq(0, false),
            vec![R::EmptyLastInList],
        ),
        ("] first in a list item", json!({"l": ["]x"]}), "l[0]", dq(0, false), vec![R::ClosesList]),
        (
            "= in a later item of a comma list",
            json!({"K": ["a", "b=c "]}),
            "K[1]",
            dq(0, false),
            vec![R::EqualsInLaterItem, R::TrailingWhitespace { example: ' ' }],
        ),
        (
            "backslashes doubled in quotes",
            json!({"a": " a\\\\b"}),
            "a",
            dq(0, true),
            vec![R::LeadingWhitespace { example: ' ' }],
        ),
    ];
    for (rule, value, path, written, reasons) in cases {
        let sv = ShorthandValue::from_json(&value).unwrap();
        let generated = generate_explained(&sv).unwrap_or_else(|e| panic!("{rule}: {e}"));
        assert_eq!(generated.notes.len(), 1, "{rule}: {:?} -> {:?}", generated.text, generated.notes);
        let note = &generated.notes[0];
        assert_eq!(
            (note.path.as_str(), note.written, &note.reasons),
            (path, written, &reasons),
            "{rule}: {}",
            generated.text
        );
        assert_eq!(parse(&generated.text).unwrap(), sv, "{rule}: the explained form parses back");
    }
    // Strings written as they are get no note, whatever else is around them.
    let plain = json!({"Type": "MESSAGE", "m": {"a": "x=y", "b": "}", "d": "", "c": "é ✓"}, "K": ["a", "b"], "e": ""});
    let generated = generate_explained(&ShorthandValue::from_json(&plain).unwrap()).unwrap();
    assert_eq!(generated.notes, [], "{}", generated.text);
}

#[test]
fn notes_read_as_plain_sentences() {
    let cases: &[(&str, serde_json::Value, &str)] = &[
        (
            "quoted",
            json!({"Content": "Hi, me 😀"}),
            "Content is in double quotes in the shorthand because it contains a comma (an unquoted comma would \
             start a new item) and an emoji, 😀 (characters above U+FFFF are not accepted unquoted).",
        ),
        (
            "escaped",
            json!({"Attributes": {"a": "x,y"}}),
            "In Attributes.a, the comma is written \\, in the shorthand: an unquoted comma would start a new item, \
             and \\, stands for a comma that is part of the text.",
        ),
        (
            "a clause and a contains",
            json!({"a": " it's"}),
            "a is in double quotes in the shorthand because it contains an apostrophe ' (an unquoted value cannot \
             contain quote marks: one at the start would open a quoted value, anywhere else it is an error) and it \
             starts with a space (whitespace right after = or a comma is skipped).",
        ),
        (
            "escaped quote inside",
            json!({"a": "it's \"x\""}),
            "a is in single quotes in the shorthand because it contains an apostrophe ' (an unquoted value cannot \
             contain quote marks: one at the start would open a quoted value, anywhere else it is an error). Inside \
             the quotes, each ' of the text is written \\'.",
        ),
        (
            "empty last in braces",
            json!({"m": {"k": ""}}),
            "m.k is in double quotes in the shorthand because it is empty and is the last value in its braces \
             (written {k=}, the } would be read as the value).",
        ),
    ];
    for (rule, value, want) in cases {
        let generated = generate_explained(&ShorthandValue::from_json(value).unwrap()).unwrap();
        let messages: Vec<String> = generated.notes.iter().map(|n| n.message()).collect();
        assert_eq!(messages, [want.to_string()], "{rule}");
    }
}

fn arb_string() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(cli_common::TRICKY.to_vec()), 0..6).prop_map(|v| v.concat())
}

fn arb_key() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_.:/#-]{0,6}"
}

fn arb_value() -> impl Strategy<Value = ShorthandValue> {
    let leaf = arb_string().prop_map(ShorthandValue::String);
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(ShorthandValue::List),
            prop::collection::vec((arb_key(), inner), 0..4)
                .prop_map(|kv| ShorthandValue::Map(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Whatever the generator writes, the parser reads back as the same value; and it writes
    /// something for every map with valid keys (nothing ends up needing JSON there, except a
    /// trailing backslash in a quoted spot). Without the notes, it writes the same.
    #[test]
    fn generated_shorthand_parses_back(pairs in prop::collection::vec((arb_key(), arb_value()), 1..5)) {
        let value = ShorthandValue::Map(pairs.into_iter().collect());
        let explained = generate_explained(&value);
        prop_assert_eq!(generate(&value), explained.clone().map(|g| g.text));
        match explained {
            Ok(g) => {
                prop_assert_eq!(parse(&g.text).ok(), Some(value), "text: {:?}", g.text);
                // Every quoting decision is explained by something specific, never by the catch-all.
                for note in &g.notes {
                    prop_assert!(!note.reasons.is_empty() && !note.reasons.contains(&QuoteReason::Other),
                        "{:?} in {:?}", note, g.text);
                }
            }
            Err(e) => prop_assert!(format!("{value:?}").contains("\\\\"), "{e} for {value:?}"),
        }
    }

    /// In every place a string can stand, it gets a note exactly when it is not written as it is, and
    /// an escaped string differs from the plain text only by its `\,`.
    #[test]
    fn a_note_exactly_when_a_string_is_not_written_as_is(s in arb_string()) {
        let x = || json!("x");
        // Each place: the value, and the shorthand that writes a given spelling of `s` there.
        type Place = (serde_json::Value, fn(&str) -> String);
        let places: [Place; 6] = [
            (json!({"K": s}), |t| format!("K={t}")),
            (json!({"K": s, "L": x()}), |t| format!("K={t},L=x")),
            (json!({"M": {"A": s}}), |t| format!("M={{A={t}}}")),
            (json!({"M": {"A": s, "B": x()}}), |t| format!("M={{A={t},B=x}}")),
            (json!({"L": [s]}), |t| format!("L=[{t}]")),
            (json!({"M": {"L": [s, x()]}}), |t| format!("M={{L=[{t},x]}}")),
        ];
        for (value, place) in places {
            let Ok(g) = generate_explained(&ShorthandValue::from_json(&value).unwrap()) else { continue };
            prop_assert!(g.notes.len() <= 1, "{:?}", g.notes);
            prop_assert_eq!(g.notes.is_empty(), g.text == place(&s), "{:?}: {:?}", g.text, g.notes);
            if let Some(note) = g.notes.first() {
                prop_assert!(!note.reasons.contains(&QuoteReason::Other), "{:?} for {:?}", note, g.text);
                match note.written {
                    Written::EscapedCommas { count } => {
                        prop_assert_eq!(count, s.matches(',').count());
                        prop_assert_eq!(&g.text, &place(&s.replace(',', "\\,")));
                    }
                    Written::Quoted { quote, .. } => prop_assert!(g.text.contains(quote), "{}", g.text),
                }
            }
        }
    }

    /// The parser never panics, whatever it is given.
    #[test]
    fn parser_never_panics(text in "\\PC{0,40}") {
        let _ = parse(&text);
    }
}

/// Tricky inputs, hand-written and random, for the comparison with awscli.
fn corpus() -> Vec<String> {
    let mut inputs: Vec<String> = [
        "a=b",
        "a=b,c",
        "a=b,c=d",
        "a=,b",
        "a=x,,b=y",
        "a=x,",
        "a=x, ",
        "A=x,,",
        "a=b,c,d=e,f",
        "a=[b,c]",
        "a=[]",
        "a=[,]",
        "a=[,a]",
        "a=[a,]",
        "a=[ a , b ]",
        "a={}",
        "a={b=}",
        "a={b=,c=d}",
        "a={b=c,b=d}",
        "a=1,a=2",
        "a=1, a=2",
        "a=1 ,a=2",
        "a={b={c=[d,{e=f}]}}",
        "=v",
        "=",
        "",
        " ",
        " a=b",
        "a =b",
        "a= b",
        "a = b ",
        "a=\"b\"",
        "a='b'",
        "a=\"b\"c",
        "a=\"b\"\"c\"",
        "a=\"b",
        "a='b",
        "a=\"b\\\"c\"",
        "a='b\\'c'",
        "a=\"b\\\\c\"",
        "a='\\\\'",
        "a=\"\\\\\"",
        "a=\"x\\\"",
        "a='it\\'s",
        "a=\"x\\\",b=\"y\"",
        "a=b\\,c",
        "a=\\,b",
        "a=b\\",
        "a=b\\,",
        "a=b\\\\,c",
        "a=b,c\\,d",
        "a=😀",
        "a=\"😀\"",
        "a=x😀",
        "a=b😀,c=d",
        "a=é",
        "é=1",
        "a=]",
        "a=}",
        "a=]]",
        "a=[]]",
        "a=[}]",
        "a={a=}}",
        "a=b=c",
        "a=b,c=d=e",
        "a=x\ty",
        "a=x\n",
        "a=\nb",
        "a=b,\nc==d",
        "a=b\u{a0}",
        "a=\u{a0}b",
        "a=b\u{1f}",
        "a=b\u{1}",
        "a=\u{7f}",
        "a=\u{85}x",
        "a@=b",
        "a @= b",
        "a@b=c",
        "a@",
        "a=[\"x,y\",'z']",
        "a=[[x],[y,[z]]]",
        "a=[{b=c},{d=e}]",
        "a={b=[c,d],e={f=g}}",
        "a={b=c d}",
        "a={ b = c }",
        "a={b=\"c\" }",
        "a={b='c',}",
        "a={,}",
        "a={b}",
        "a=[b,,c]",
        "a=[b c]",
        "a=x,\"y\"",
        "a=x,'y',z",
        "a=x,\"y\"z",
        "a=x,y]",
        "a=x,y}",
        "a=x,y\\,z",
        "a=x,y\\",
        "Content=Hello, world",
        "Content=Hi, it's me",
        "Type=MESSAGE,Content=It's",
        "k-1.x#/:=v",
        "a=b#c",
        "a=$(x)",
        "a=`x`",
        "a=x;y|z",
        "a={b=c},d=e",
        "a=[b],c=d",
        "a=b]c",
        "a={b=c}x",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut rng = cli_common::Rng::new(20_260_521);
    let shapes = ["K=", "K=[", "K={A=", "K=x,", "A=1,K=", "K=[x,", "K={A=x,B="];
    for _ in 0..700 {
        let prefix = *rng.pick(&shapes);
        let body = rng.string(cli_common::TRICKY, 6);
        let tail = *rng.pick(&["", "]", "}", ",L=1", "]}", "\"", ",", " "]);
        inputs.push(format!("{prefix}{body}{tail}"));
    }
    inputs
}

#[test]
#[ignore = "needs the Python venv: run by cargo xtask test"]
fn generic_parser_agrees_with_awscli_shorthand_parser() {
    let inputs = corpus();
    let results = cli_common::run_python("awscli_shorthand_parse.py", &json!(inputs));
    let results = results.as_array().expect("a list");
    assert_eq!(results.len(), inputs.len());
    let mut checked_errors = 0;
    for (text, want) in inputs.iter().zip(results) {
        let got = match parse(text) {
            Ok(v) => json!({"value": v.to_json()}),
            Err(e) => match e.kind {
                ShorthandErrorKind::Syntax { expected, received } => {
                    checked_errors += 1;
                    json!({"error": "syntax", "expected": expected, "received": received, "index": e.index,
                           "message": e.message})
                }
                ShorthandErrorKind::DuplicateKey { key } => {
                    json!({"error": "duplicateKey", "key": key, "index": e.index, "message": e.message})
                }
                ShorthandErrorKind::FileReference { .. } | ShorthandErrorKind::TooDeep { .. } => continue,
            },
        };
        assert_eq!(&got, want, "input {text:?}");
        // CLI version 2 prints the same message with the echoed input one column to the right.
        if let (Err(e), Some(message)) = (parse(text), want.get("message").and_then(|m| m.as_str())) {
            let (head, echo) = message.split_once("for input:\n").expect("an echo");
            assert_eq!(e.message_in(CliVersion::V2), format!("{head}for input:\n {echo}"), "input {text:?}");
            assert_eq!(e.message_in(CliVersion::V1), message, "input {text:?}");
        }
    }
    assert!(checked_errors > 50, "the corpus should exercise errors too ({checked_errors})");
}
