//! YAML in and out, for `--cli-input-yaml` (CLI v2).
//!
//! Crate choice: `yaml-rust2`. serde_yaml is unmaintained (archived 2024). Its fork serde_norway
//! keeps serde's convenience but rides on `unsafe-libyaml`, a machine translation of the C libyaml,
//! which is large in wasm and full of `unsafe`. serde-saphyr is pure Rust and maintained, but its
//! current releases need a newer Rust than this workspace's `rust-version` (1.84). yaml-rust2 is pure
//! safe Rust, maintained, YAML 1.2 (like the ruamel.yaml the CLI uses: `yes`/`no` stay strings),
//! with two tiny dependencies; it has no serde layer, so this module converts to and from
//! `serde_json::Value`, which is what the rest of the CLI code works with anyway.

use serde::Serialize;
use yaml_rust2::{Yaml, YamlEmitter, YamlLoader};

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
pub fn to_string(value: &serde_json::Value) -> String {
    let mut out = String::new();
    let mut emitter = YamlEmitter::new(&mut out);
    // Writing to a String cannot fail; an error here would only mean an unsupported value (none
    // can come from JSON data).
    let _ = emitter.dump(&from_json(value));
    let body = out.strip_prefix("---\n").or_else(|| out.strip_prefix("---")).unwrap_or(&out).trim_start_matches(' ');
    format!("{body}\n")
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

fn from_json(value: &serde_json::Value) -> Yaml {
    use serde_json::Value;
    match value {
        Value::Null => Yaml::Null,
        Value::Bool(b) => Yaml::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Yaml::Integer(i),
            None => Yaml::Real(n.to_string()),
        },
        Value::String(s) => Yaml::String(s.clone()),
        Value::Array(items) => Yaml::Array(items.iter().map(from_json).collect()),
        Value::Object(map) => {
            Yaml::Hash(map.iter().map(|(k, v)| (Yaml::String(k.clone()), from_json(v))).collect())
        }
    }
}
