//! YAML in and out, for `--cli-input-yaml` (CLI v2) and scenario files.
//!
//! Reading is our own focused reader (`read.rs`) rather than a YAML crate: yaml-rust2 (its scanner,
//! loader, linked hash map and std's float parsing) was a large part of the wasm for the small part
//! of YAML these files use (replacing yaml-rust2 made the npm wasm about a sixth smaller, gzip).
//! yaml-rust2 stays as a dev-dependency: the tests compare this reader with it on a corpus, on
//! generated documents and on every YAML file in the repository.
//!
//! What it reads is what yaml-rust2 read, converted to JSON data as before: the YAML 1.2 core
//! schema as yaml-rust2 resolves plain scalars (`~`, `null` and empty are null; `true`/`True`/`TRUE`
//! and the `false` forms are booleans, `yes`/`no`/`Null` stay strings; integers, also `0x`/`0o`
//! and a leading `+`; floats, `.inf` and `.nan` staying text as JSON has no such numbers); mapping
//! keys that are not strings become their text; the first document only; an empty input is null.
//! Block mappings and sequences, flow `[...]`/`{...}`, plain, single- and double-quoted scalars
//! (all escapes), literal `|` and folded `>` block scalars with chomping and indentation
//! indicators, comments, `---`/`...` markers.
//!
//! Refused with an error saying they are not supported: anchors `&a` and aliases `*a`, tags
//! `!tag`, directives `%YAML`, complex keys `? key`, empty keys `: value`, and collections as
//! mapping keys. Nesting deeper than 200 levels is refused too (the reader is recursive). One more
//! deliberate difference from yaml-rust2: a byte order mark is skipped (yaml-rust2 made it part
//! of the first key).
//!
//! Writing is done here too, the output byte for byte what yaml-rust2's `YamlEmitter` wrote (a
//! test compares the two on generated documents), without converting to another tree first;
//! except that a string the emitter wrote plain but that does not read back as itself (a leading
//! BOM; `++5` or `+-5`, which read as numbers) is quoted.

mod read;

use crate::json::ToJson;
use serde::Serialize;
use serde_json::Value;

/// A YAML syntax error, located.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct YamlError {
    pub message: String,
    /// 1-based line and column, when the parser knows them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for YamlError {}

/// Reads the first YAML document as JSON data; an empty input is `null`. Mapping keys that are not
/// strings (`1: x`) become their text, as JSON needs; anchors, aliases, tags and other YAML beyond
/// JSON data are errors.
pub fn from_str(text: &str) -> Result<serde_json::Value, YamlError> {
    read::read(text)
}

/// Writes JSON data as block-style YAML (no leading `---`), strings quoted only where YAML needs it.
/// The output is what yaml-rust2's `YamlEmitter` writes (2-space indent, compact lists, `~` for
/// null), which the CLI's YAML reader reads back to the same data.
pub fn to_string(value: &Value) -> String {
    let mut emitter = Emitter { out: String::new(), level: -1 };
    emitter.node(value);
    emitter.out.push('\n');
    emitter.out
}

/// The state of `YamlEmitter` that matters here: the output and the nesting level (−1 at the top).
struct Emitter {
    out: String,
    level: isize,
}

impl Emitter {
    fn indent(&mut self) {
        for _ in 0..self.level.max(0) {
            self.out.push_str("  ");
        }
    }

    fn node(&mut self, value: &Value) {
        match value {
            Value::Null => self.out.push('~'),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => self.out.push_str(&n.to_string()),
            Value::String(s) => self.string(s),
            Value::Array(items) if items.is_empty() => self.out.push_str("[]"),
            Value::Array(items) => {
                self.level += 1;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push('\n');
                        self.indent();
                    }
                    self.out.push('-');
                    self.value(true, item);
                }
                self.level -= 1;
            }
            Value::Object(map) if map.is_empty() => self.out.push_str("{}"),
            Value::Object(map) => {
                self.level += 1;
                for (i, (key, v)) in map.iter().enumerate() {
                    if i > 0 {
                        self.out.push('\n');
                        self.indent();
                    }
                    self.string(key);
                    self.out.push(':');
                    self.value(false, v);
                }
                self.level -= 1;
            }
        }
    }

    /// A value after `-` (`inline`) or after `key:`: a non-empty map or list under a key starts on
    /// the next line, indented one level more.
    fn value(&mut self, inline: bool, value: &Value) {
        let block = match value {
            Value::Array(items) => !items.is_empty(),
            Value::Object(map) => !map.is_empty(),
            _ => false,
        };
        if block && !inline {
            self.out.push('\n');
            self.level += 1;
            self.indent();
            self.level -= 1;
        } else {
            self.out.push(' ');
        }
        self.node(value);
    }

    fn string(&mut self, s: &str) {
        if !needs_quotes(s) {
            self.out.push_str(s);
            return;
        }
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\u{8}' => self.out.push_str("\\b"),
                '\t' => self.out.push_str("\\t"),
                '\n' => self.out.push_str("\\n"),
                '\u{c}' => self.out.push_str("\\f"),
                '\r' => self.out.push_str("\\r"),
                '\0'..='\u{1f}' | '\u{7f}' => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

/// yaml-rust2's rule for a plain scalar that would not read back as the same string, and where
/// that rule falls short: a leading byte order mark, which a reader drops at the start of a
/// document (YAML 1.2 5.2; ours does too), so a first key or top-level string starting with one
/// would lose it; and any text the reader resolves to something else, such as `++5` or `+-5`
/// (it reads `+` then an integer with its own sign, as yaml-rust2 does: the number 5 or -5).
fn needs_quotes(s: &str) -> bool {
    yaml_rust2_needs_quotes(s) || s.starts_with('\u{feff}') || !reads_as_itself(s)
}

/// True when the reader resolves `s`, written plain, to the string `s`.
fn reads_as_itself(s: &str) -> bool {
    Resolved::of(s) == Resolved::Str
}

/// The yaml-rust2 emitter's rule, kept to the letter so that what it wrote, this writes.
fn yaml_rust2_needs_quotes(s: &str) -> bool {
    const WORDS: [&str; 31] = [
        "true", "false", "True", "False", "TRUE", "FALSE", "null", "Null", "NULL", "~", "y", "Y", "n", "N", "yes",
        "Yes", "YES", "no", "No", "NO", "True", "TRUE", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "",
    ];
    s.starts_with([' ', '&', '*', '?', '|', '-', '<', '>', '=', '!', '%', '@', '.'])
        || s.ends_with(' ')
        || s.contains(|c: char| {
            matches!(c, ':' | '{' | '}' | '[' | ']' | ',' | '#' | '`' | '"' | '\'' | '\\' | '\0'..='\x06' | '\t' | '\n' | '\r' | '\x0e'..='\x1a' | '\x1c'..='\x1f')
        })
        || WORDS.contains(&s)
        || s.starts_with("0x")
        // Every text `i64::from_str` reads, `f64::from_str` reads too.
        || crate::float::parse_f64(s).is_some()
}

/// What a plain (unquoted) scalar means, as yaml-rust2's `Yaml::from_str` resolves it.
#[derive(Debug, Clone, PartialEq)]
enum Plain {
    Null,
    Bool(bool),
    Int(i64),
    /// A float, kept as written (a key keeps this text; a value becomes a number if finite).
    Real(String),
    Str(String),
}

/// What a plain scalar resolves to, apart from its text: [`Plain`] without the text, so that the
/// writer can ask without copying the string.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Resolved {
    Null,
    Bool(bool),
    Int(i64),
    Real,
    Str,
}

impl Resolved {
    fn of(text: &str) -> Resolved {
        let radix = |prefix: &str, radix: u32| text.strip_prefix(prefix).map(|digits| parse_int(digits, radix));
        if let Some(int) = radix("0x", 16).or_else(|| radix("0o", 8)) {
            // A failed 0x/0o number is not tried as `+N`, and falls through to the rest (a string).
            if let Some(i) = int {
                return Resolved::Int(i);
            }
        } else if let Some(Some(i)) = text.strip_prefix('+').map(|digits| parse_int(digits, 10)) {
            return Resolved::Int(i);
        }
        match text {
            "" | "~" | "null" => Resolved::Null,
            "true" | "True" | "TRUE" => Resolved::Bool(true),
            "false" | "False" | "FALSE" => Resolved::Bool(false),
            _ => match parse_int(text, 10) {
                Some(i) => Resolved::Int(i),
                None if yaml_float(text).is_some() => Resolved::Real,
                None => Resolved::Str,
            },
        }
    }
}

impl Plain {
    fn resolve(text: String) -> Plain {
        match Resolved::of(&text) {
            Resolved::Null => Plain::Null,
            Resolved::Bool(b) => Plain::Bool(b),
            Resolved::Int(i) => Plain::Int(i),
            Resolved::Real => Plain::Real(text),
            Resolved::Str => Plain::Str(text),
        }
    }

    fn into_value(self) -> Value {
        match self {
            Plain::Null => Value::Null,
            Plain::Bool(b) => Value::Bool(b),
            Plain::Int(i) => Value::from(i),
            Plain::Real(text) => match yaml_float(&text).and_then(serde_json::Number::from_f64) {
                Some(n) => Value::Number(n),
                None => Value::String(text),
            },
            Plain::Str(s) => Value::String(s),
        }
    }
}

/// yaml-rust2's float: `.inf`/`.nan` forms, or text with a digit that `f64::from_str` reads.
fn yaml_float(v: &str) -> Option<f64> {
    match v {
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => Some(f64::NAN),
        _ if v.bytes().any(|b| b.is_ascii_digit()) => crate::float::parse_f64(v),
        _ => None,
    }
}

/// `i64::from_str_radix`: one optional sign, then at least one digit, no overflow.
fn parse_int(text: &str, radix: u32) -> Option<i64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() {
        return None;
    }
    let mut n: i64 = 0;
    for c in digits.chars() {
        let d = i64::from(c.to_digit(radix)?);
        n = n.checked_mul(i64::from(radix))?;
        n = if negative { n.checked_sub(d)? } else { n.checked_add(d)? };
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use yaml_rust2::{Yaml, YamlEmitter};

    /// What yaml-rust2's emitter writes for the same data (the writer this module replaced).
    fn yaml_rust2_to_string(value: &Value) -> String {
        fn to_yaml(value: &Value) -> Yaml {
            match value {
                Value::Null => Yaml::Null,
                Value::Bool(b) => Yaml::Boolean(*b),
                Value::Number(n) => match n.as_i64() {
                    Some(i) => Yaml::Integer(i),
                    None => Yaml::Real(n.to_string()),
                },
                Value::String(s) => Yaml::String(s.clone()),
                Value::Array(items) => Yaml::Array(items.iter().map(to_yaml).collect()),
                Value::Object(map) => {
                    Yaml::Hash(map.iter().map(|(k, v)| (Yaml::String(k.clone()), to_yaml(v))).collect())
                }
            }
        }
        let mut out = String::new();
        YamlEmitter::new(&mut out).dump(&to_yaml(value)).unwrap();
        let body =
            out.strip_prefix("---\n").or_else(|| out.strip_prefix("---")).unwrap_or(&out).trim_start_matches(' ');
        format!("{body}\n")
    }

    #[test]
    fn resolves_plain_scalars_as_yaml_rust2() {
        let cases = [
            "",
            "~",
            "null",
            "Null",
            "NULL",
            "true",
            "True",
            "TRUE",
            "tRue",
            "false",
            "yes",
            "No",
            "0x1F",
            "0x-1F",
            "0x",
            "0xZ",
            "0o17",
            "0o8",
            "0o",
            "+1",
            "++1",
            "+-1",
            "+",
            "-",
            "1",
            "-0",
            "01",
            "1e3",
            ".5",
            "+.5",
            "-.inf",
            ".NaN",
            ".nan",
            "inf",
            "nan",
            "1.",
            "1_0",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "0x8000000000000000",
            "1e400",
            "0.1",
            "12abc",
            "1 2",
        ];
        for text in cases {
            let old = match Yaml::from_str(text) {
                Yaml::Null => Plain::Null,
                Yaml::Boolean(b) => Plain::Bool(b),
                Yaml::Integer(i) => Plain::Int(i),
                Yaml::Real(r) => Plain::Real(r),
                Yaml::String(s) => Plain::Str(s),
                other => panic!("{other:?}"),
            };
            assert_eq!(Plain::resolve(text.to_string()), old, "{text:?}");
        }
    }

    #[test]
    fn writes_what_yaml_rust2_wrote() {
        let cases = [
            serde_json::json!({"SourceId": "+15550100", "Event": {"Type": "MESSAGE", "Content": "hi: \"you\"\n\u{1}\u{7f}"},
                "NewSessionDetails": {"SupportedMessagingContentTypes": ["text/plain", []], "Attributes": {}, "List": [[1, {"a": [], "b": {"c": null}}], {"x": 1.5}]}}),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!(null),
            serde_json::json!("yes"),
            serde_json::json!([
                " a",
                "a ",
                "-1",
                "1e3",
                ".5",
                "0x1",
                "~",
                "",
                "NO",
                "a#b",
                "über",
                "\t",
                "12345678901234567890",
                18446744073709551615u64,
                -3,
                2.5e-8
            ]),
        ];
        for value in cases {
            assert_eq!(to_string(&value), yaml_rust2_to_string(&value), "{value}");
            // And it reads back (a number beyond i64 comes back as a float, as before).
            assert!(from_str(&to_string(&value)).is_ok(), "{value}");
        }
    }

    /// Where yaml-rust2's emitter wrote text that does not read back (found by fuzzing: a leading
    /// BOM by `yaml`, `++555555` by `render_roundtrip`).
    #[test]
    fn quotes_what_yaml_rust2_wrote_plain_but_does_not_read_back() {
        for (value, text) in [
            (serde_json::json!({"\u{feff}": null}), "\"\u{feff}\": ~\n"),
            (serde_json::json!("\u{feff}x"), "\"\u{feff}x\"\n"),
            (serde_json::json!({"a": "\u{feff}"}), "a: \"\u{feff}\"\n"),
            (serde_json::json!({"++555555": "MESSAGE"}), "\"++555555\": MESSAGE\n"),
            (serde_json::json!({"a": "+-5"}), "a: \"+-5\"\n"),
            (serde_json::json!(["++0", "+-0", "+5x", "+.5x"]), "- \"++0\"\n- \"+-0\"\n- +5x\n- +.5x\n"),
        ] {
            assert_eq!(to_string(&value), text, "{value}");
            assert_eq!(from_str(text), Ok(value), "{text:?}");
        }
    }

    /// Every string of a document, keys included.
    fn strings(value: &Value) -> Vec<&str> {
        match value {
            Value::String(s) => vec![s],
            Value::Array(items) => items.iter().flat_map(strings).collect(),
            Value::Object(members) => {
                members.iter().flat_map(|(k, v)| std::iter::once(k.as_str()).chain(strings(v))).collect()
            }
            _ => Vec::new(),
        }
    }

    fn has_u64_beyond_i64(value: &Value) -> bool {
        match value {
            Value::Number(n) => n.is_u64() && !n.is_i64(),
            Value::Array(items) => items.iter().any(has_u64_beyond_i64),
            Value::Object(members) => members.values().any(has_u64_beyond_i64),
            _ => false,
        }
    }

    fn json() -> impl Strategy<Value = Value> {
        let text = "[ -~\\t\\n\\r\\u{0}-\\u{1f}\\u{7f}éü😀]{0,6}|true|no|~|[-+]{0,2}[0-9]{1,3}(\\.[0-9])?|0x1|\\.5";
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            text.prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 5, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec((text, inner), 0..4)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn writes_what_yaml_rust2_wrote_for_any_document(value in json()) {
            // Except where its emitter wrote what does not read back (the test above).
            prop_assume!(strings(&value).iter().all(|s| !s.starts_with('\u{feff}') && reads_as_itself(s) || yaml_rust2_needs_quotes(s)));
            prop_assert_eq!(to_string(&value), yaml_rust2_to_string(&value));
        }

        /// Whatever it writes reads back to the same document.
        #[test]
        fn what_it_writes_reads_back(value in json()) {
            // (A number beyond i64 comes back as a float, as it did from yaml-rust2.)
            prop_assume!(!has_u64_beyond_i64(&value));
            let text = to_string(&value);
            prop_assert_eq!(from_str(&text).map(|v| v.to_string()), Ok(value.to_string()), "{}", text);
        }

        /// The quoting rule without `str::parse`: the same answers as the old `i64`/`f64` parse.
        #[test]
        fn quotes_what_the_number_parsers_read(s in "[-+]?[0-9]{0,4}(\\.[0-9]{0,3})?([eE][-+]?[0-9]{0,3})?|[-+.eE0-9infatyINFATY_x ]{0,8}") {
            let old = s.parse::<i64>().is_ok() || s.parse::<f64>().is_ok();
            prop_assert_eq!(crate::float::parse_f64(&s).is_some(), old, "{:?}", s);
        }
    }
}
