//! YAML in and out, for `--cli-input-yaml` (CLI v2).
//!
//! Crate choice: `yaml-rust2`. serde_yaml is unmaintained (archived 2024). Its fork serde_norway
//! keeps serde's convenience but rides on `unsafe-libyaml`, a machine translation of the C libyaml,
//! which is large in wasm and full of `unsafe`. serde-saphyr is pure Rust and maintained, but its
//! current releases need a newer Rust than this workspace's `rust-version` (1.84). yaml-rust2 is pure
//! safe Rust, maintained, YAML 1.2 (like the ruamel.yaml the CLI uses: `yes`/`no` stay strings),
//! with two tiny dependencies; it has no serde layer, so this module converts to and from
//! `serde_json::Value`, which is what the rest of the CLI code works with anyway.
//!
//! Writing is done here rather than by yaml-rust2's emitter: the same output byte for byte (a
//! test compares the two on generated documents), without converting to `Yaml` first, and
//! smaller in the wasm.

use serde::Serialize;
use serde_json::Value;
use yaml_rust2::{Yaml, YamlLoader};

/// A YAML syntax error, located.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
/// strings (`1: x`) become their text, as JSON needs; aliases and other non-JSON values are errors.
pub fn from_str(text: &str) -> Result<serde_json::Value, YamlError> {
    let docs = YamlLoader::load_from_str(text).map_err(|e| YamlError {
        message: format!("Invalid YAML: {}", e.info()),
        line: Some(e.marker().line()),
        column: Some(e.marker().col() + 1),
    })?;
    match docs.into_iter().next() {
        None => Ok(serde_json::Value::Null),
        Some(doc) => to_json(doc),
    }
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

/// yaml-rust2's rule for a plain scalar that would not read back as the same string.
fn needs_quotes(s: &str) -> bool {
    const WORDS: [&str; 31] = [
        "true", "false", "True", "False", "TRUE", "FALSE", "null", "Null", "NULL", "~", "y", "Y", "n", "N", "yes", "Yes",
        "YES", "no", "No", "NO", "True", "TRUE", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "",
    ];
    s.starts_with([' ', '&', '*', '?', '|', '-', '<', '>', '=', '!', '%', '@', '.'])
        || s.ends_with(' ')
        || s.contains(|c: char| {
            matches!(c, ':' | '{' | '}' | '[' | ']' | ',' | '#' | '`' | '"' | '\'' | '\\' | '\0'..='\x06' | '\t' | '\n' | '\r' | '\x0e'..='\x1a' | '\x1c'..='\x1f')
        })
        || WORDS.contains(&s)
        || s.starts_with("0x")
        || s.parse::<i64>().is_ok()
        || s.parse::<f64>().is_ok()
}

fn to_json(yaml: Yaml) -> Result<serde_json::Value, YamlError> {
    use serde_json::Value;
    let error = |message: String| YamlError { message, line: None, column: None };
    Ok(match yaml {
        Yaml::String(s) => Value::String(s),
        Yaml::Integer(i) => Value::from(i),
        Yaml::Real(r) => {
            let parsed = Yaml::Real(r.clone()).as_f64().ok_or_else(|| error(format!("Invalid number: {r}")))?;
            serde_json::Number::from_f64(parsed).map(Value::Number).unwrap_or(Value::String(r))
        }
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Null => Value::Null,
        Yaml::Array(items) => Value::Array(items.into_iter().map(to_json).collect::<Result<_, _>>()?),
        Yaml::Hash(hash) => {
            let mut map = serde_json::Map::new();
            for (k, v) in hash {
                let key = match k {
                    Yaml::String(s) | Yaml::Real(s) => s,
                    Yaml::Integer(i) => i.to_string(),
                    Yaml::Boolean(b) => b.to_string(),
                    Yaml::Null => "null".to_string(),
                    _ => return Err(error("Invalid YAML: a mapping key must be a plain value".into())),
                };
                map.insert(key, to_json(v)?);
            }
            Value::Object(map)
        }
        Yaml::Alias(_) => return Err(error("Invalid YAML: aliases (*name) are not supported".into())),
        Yaml::BadValue => return Err(error("Invalid YAML value".into())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use yaml_rust2::YamlEmitter;

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
                Value::Object(map) => Yaml::Hash(map.iter().map(|(k, v)| (Yaml::String(k.clone()), to_yaml(v))).collect()),
            }
        }
        let mut out = String::new();
        YamlEmitter::new(&mut out).dump(&to_yaml(value)).unwrap();
        let body = out.strip_prefix("---\n").or_else(|| out.strip_prefix("---")).unwrap_or(&out).trim_start_matches(' ');
        format!("{body}\n")
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
            serde_json::json!([" a", "a ", "-1", "1e3", ".5", "0x1", "~", "", "NO", "a#b", "über", "\t", "12345678901234567890", 18446744073709551615u64, -3, 2.5e-8]),
        ];
        for value in cases {
            assert_eq!(to_string(&value), yaml_rust2_to_string(&value), "{value}");
            // And it reads back (a number beyond i64 comes back as a float, as before).
            assert!(from_str(&to_string(&value)).is_ok(), "{value}");
        }
    }

    fn json() -> impl Strategy<Value = Value> {
        let text = "[ -~\\t\\n\\r\\u{0}-\\u{1f}\\u{7f}éü😀]{0,6}|true|no|~|-?[0-9]{1,3}(\\.[0-9])?|0x1|\\.5";
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
                prop::collection::vec((text, inner), 0..4).prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn writes_what_yaml_rust2_wrote_for_any_document(value in json()) {
            prop_assert_eq!(to_string(&value), yaml_rust2_to_string(&value));
        }
    }
}
