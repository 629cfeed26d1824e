//! The model-aware layer over the generic parser, for the structure options `--event` and
//! `--new-session-details`: what the CLI's `ParamShorthandParser` and `BackCompatVisitor` do with the
//! service model (walked from [`crate::shape`], not restated here).

use serde::Serialize;

use super::error::ShorthandError;
use super::generate::{generate_with, Explain};
use super::{parse, Generated, NotExpressible, ShorthandValue};
use crate::json::ToJson;
use crate::shape::{Shape, Structure};
use crate::validate::codes;
use crate::Diagnostic;

/// How a structure option's value was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ValueSyntax {
    Shorthand,
    Json,
}

/// A structure option's value, as the CLI hands it to botocore.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ParsedStructure {
    #[cfg_attr(feature = "tsify", tsify(type = "JsonValue"))]
    pub value: serde_json::Value,
    pub syntax: ValueSyntax,
    /// Problems the CLI lets through to botocore but that shorthand makes likely, with a fix
    /// (such as a list where a string belongs because of a comma).
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a structure option's value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum StructureError {
    Shorthand(ShorthandError),
    /// The value looked like JSON (it starts with `{` or `[`) and is not valid JSON, or not an object.
    #[serde(rename_all = "camelCase")]
    Json {
        message: String,
        line: Option<usize>,
        column: Option<usize>,
        hint: String,
    },
}

impl std::fmt::Display for StructureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StructureError::Shorthand(e) => e.fmt(f),
            StructureError::Json { message, .. } => f.write_str(message),
        }
    }
}

/// Reads a structure option's value as the CLI does: JSON when, after trimming whitespace, it starts
/// with `{` or `[`; shorthand otherwise, then the model's fix-up (a single item for a list member
/// becomes a one-item list). `path` is the member name (`Event`) used in diagnostics.
pub fn parse_structure(text: &str, shape: &'static Structure, path: &str) -> Result<ParsedStructure, StructureError> {
    let trimmed = text.trim_matches(super::parser::is_py_space);
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        if trimmed.starts_with('[') {
            return Err(StructureError::Json {
                message: format!("Invalid JSON:\n{text}"),
                line: None,
                column: None,
                hint: format!("{path} is a structure: its JSON form is an object in braces {{...}}, not a list."),
            });
        }
        return match crate::json::parse(text) {
            Ok(value) => Ok(ParsedStructure { value, syntax: ValueSyntax::Json, diagnostics: Vec::new() }),
            Err(e) => Err(StructureError::Json {
                message: format!("Invalid JSON: {e}\nJSON received: {text}"),
                line: Some(e.line()),
                column: Some(e.column()),
                hint: "A value starting with { is read as JSON: keys and strings need double quotes, and \
                       inside a string a \" is written \\\" and a backslash \\\\."
                    .into(),
            }),
        };
    }
    let parsed = parse(text).map_err(StructureError::Shorthand)?;
    let mut value = parsed.to_json();
    back_compat(&mut value, shape);
    let mut diagnostics = Vec::new();
    comma_lists(&value, shape, path, &mut diagnostics);
    Ok(ParsedStructure { value, syntax: ValueSyntax::Shorthand, diagnostics })
}

/// The shortest shorthand for a structure option's value, using the model's list fix-up
/// (`SupportedMessagingContentTypes=text/plain`), or why shorthand cannot say it.
pub fn generate_structure(value: &serde_json::Value, shape: &'static Structure) -> Result<String, NotExpressible> {
    generate_structure_explained(value, shape, "").map(|g| g.text)
}

/// As [`generate_structure`], with a note for each string that had to be quoted or escaped. `member`
/// (such as `Event`) prefixes every path, in the notes and in the error, so they read
/// `Event.Content` or `NewSessionDetails.Attributes (key: a b)`; with `""` they stay relative.
pub fn generate_structure_explained(
    value: &serde_json::Value,
    shape: &'static Structure,
    member: &str,
) -> Result<Generated, NotExpressible> {
    let prefixed = |path: &str| match (member.is_empty(), path.is_empty()) {
        (true, _) => path.to_string(),
        (false, true) => member.to_string(),
        (false, false) => format!("{member}.{path}"),
    };
    let Some(sv) = ShorthandValue::from_json(value) else {
        return Err(NotExpressible {
            path: prefixed(""),
            reason: "shorthand holds only strings, lists and maps; numbers, booleans and null need JSON".into(),
        });
    };
    let list_members: Vec<&str> =
        shape.members.iter().filter(|m| matches!(m.shape, Shape::List { .. })).map(|m| m.name).collect();
    match generate_with(&sv, &list_members, Explain::Yes) {
        Ok(mut generated) => {
            for note in &mut generated.notes {
                note.path = prefixed(&note.path);
            }
            Ok(generated)
        }
        Err(why) => {
            // A key's path reads `(key: a b)` at the top level; under a member it follows a space.
            let path = match why.path.strip_prefix('(') {
                Some(_) if !member.is_empty() => format!("{member} {}", why.path),
                _ => prefixed(&why.path),
            };
            Err(NotExpressible { path, reason: why.reason })
        }
    }
}

/// awscli `BackCompatVisitor`: walks the model; a non-list value given for a list member becomes a
/// one-item list. Strings stay strings (there are no numbers or booleans in this model).
fn back_compat(value: &mut serde_json::Value, structure: &'static Structure) {
    let Some(object) = value.as_object_mut() else { return };
    for member in structure.members {
        let Some(child) = object.get_mut(member.name) else { continue };
        visit(child, member.shape);
    }
}

fn visit(value: &mut serde_json::Value, shape: &'static Shape) {
    match shape {
        Shape::Structure(s) => back_compat(value, s),
        Shape::List { member, .. } => match value {
            serde_json::Value::Array(items) => items.iter_mut().for_each(|item| visit(item, member)),
            serde_json::Value::Null => {}
            other => *other = serde_json::Value::Array(vec![other.take()]),
        },
        Shape::Map { value: value_shape, .. } => {
            if let Some(object) = value.as_object_mut() {
                object.values_mut().for_each(|v| visit(v, value_shape));
            }
        }
        Shape::String { .. } => {}
    }
}

/// A list where the model wants a string: in shorthand that is almost always a comma that was meant
/// as text (`Content=Hello, world`). botocore rejects it as a type error; say why and how to fix it.
fn comma_lists(value: &serde_json::Value, structure: &'static Structure, path: &str, out: &mut Vec<Diagnostic>) {
    let Some(object) = value.as_object() else { return };
    for member in structure.members {
        let Some(child) = object.get(member.name) else { continue };
        let child_path = format!("{path}.{}", member.name);
        check(child, member.shape, &child_path, member.name, out);
    }
}

fn check(value: &serde_json::Value, shape: &'static Shape, path: &str, key: &str, out: &mut Vec<Diagnostic>) {
    match (shape, value) {
        (Shape::String { .. }, serde_json::Value::Array(items)) => {
            let texts: Vec<&str> = items.iter().filter_map(|v| v.as_str()).collect();
            // The parser dropped the spaces after the commas; ", " is the likelier original.
            let joined = texts.join(", ");
            let message = format!(
                "{key} became a list of {} items ({}) because shorthand reads a comma as a list separator; \
                 {key} must be a single string.",
                items.len(),
                crate::json::write::text(value)
            );
            out.push(Diagnostic {
                suggestion: Some(format!(
                    "Put the value in double quotes ({key}=\"{}\") or escape each comma ({key}={}).",
                    joined.replace('"', "\\\""),
                    joined.replace(',', "\\,")
                )),
                ..codes::SHORTHAND_COMMA_LIST.diagnostic(path, message)
            });
        }
        (Shape::Structure(s), _) => comma_lists(value, s, path, out),
        (Shape::Map { value: value_shape, .. }, serde_json::Value::Object(map)) => {
            for (k, v) in map {
                check(v, value_shape, &format!("{path}.{k}"), k, out);
            }
        }
        (Shape::List { member, .. }, serde_json::Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                check(v, member, &format!("{path}[{i}]"), key, out);
            }
        }
        _ => {}
    }
}
