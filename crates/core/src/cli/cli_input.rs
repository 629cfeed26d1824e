//! `--cli-input-json` and `--cli-input-yaml`: the whole request as one JSON or YAML object, merged
//! shallowly with the options given on the command line.

use serde::Serialize;

use crate::json::ToJson;
use crate::SendChatIntegrationEventRequest;

/// The input document's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToJson)]
#[serde(rename_all = "camelCase")]
pub enum InputFormat {
    Json,
    /// CLI v2 only.
    Yaml,
}

impl InputFormat {
    /// The option that takes this format.
    pub fn option(self) -> &'static str {
        match self {
            InputFormat::Json => "--cli-input-json",
            InputFormat::Yaml => "--cli-input-yaml",
        }
    }
}

/// The request as the document `--cli-input-json`/`--cli-input-yaml` reads: members in model
/// order; JSON indented by 4 spaces like the skeleton when `pretty`, else on one line.
pub fn document(request: &SendChatIntegrationEventRequest, format: InputFormat, pretty: bool) -> String {
    let value = crate::json::to_value(request);
    match format {
        InputFormat::Yaml => crate::yaml::to_string(&value),
        InputFormat::Json if pretty => crate::json::write::pretty(&value, "    ") + "\n",
        InputFormat::Json => crate::json::write::text(&value),
    }
}

/// Reads an input document. The CLI requires an object; its message for anything else is kept.
pub fn read(text: &str, format: InputFormat) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    let value = match format {
        InputFormat::Json => {
            crate::json::parse(text).map_err(|e| format!("Invalid JSON: {e}\nJSON received: {text}"))?
        }
        InputFormat::Yaml => crate::yaml::from_str(text).map_err(|e| e.message)?,
    };
    match value {
        serde_json::Value::Object(map) => Ok(map),
        other => Err(format!(
            "{} must hold an object with the request's members, not {}",
            format.option(),
            crate::json::write::text(&other)
        )),
    }
}

/// The CLI's shallow merge: a member given as an option replaces the whole member from the input
/// document; nested objects are not merged. Options keep their place, the document's other
/// members follow in the document's order.
pub fn merge(
    options: &serde_json::Map<String, serde_json::Value>,
    input: &serde_json::Map<String, serde_json::Value>,
) -> serde_json::Map<String, serde_json::Value> {
    let mut merged = options.clone();
    for (key, value) in input {
        if !merged.contains_key(key) {
            merged.insert(key.clone(), value.clone());
        }
    }
    merged
}
