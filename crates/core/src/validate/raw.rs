//! The raw JSON tree against the service model's shapes ([`crate::shape`]): JSON types and unknown
//! members, walked the way botocore's `ParamValidator` walks it. Required members, lengths and
//! enums are checked afterwards by [`super::model_rules`] on the typed view, for both entry points.

use serde_json::Value;

use super::{codes, suggest::near_miss};
use crate::json::read::Path;
use crate::shape::{Shape, Structure, REQUEST_SHAPE};
use crate::Diagnostic;

/// Reports wrong types and unknown members anywhere in `value`.
pub fn check(value: &Value, out: &mut Vec<Diagnostic>) {
    // The walk keeps its place as a chain on the stack, written out only for a finding: most members
    // have none, and the walk then does no more for them than look at them.
    walk(value, &REQUEST_SHAPE, Path::Root, out);
}

fn walk(value: &Value, shape: &'static Shape, at: Path<'_>, out: &mut Vec<Diagnostic>) {
    match shape {
        Shape::Structure(s) => match value {
            Value::Object(map) => {
                for (name, child) in map {
                    match s.member(name) {
                        Some(member) => walk(child, member.shape, at.member(name), out),
                        None => out.push(unknown_member(s, &at, name)),
                    }
                }
            }
            _ => out.push(wrong_type(&at, value, "an object")),
        },
        Shape::List { member, .. } => match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, member, at.index(i), out);
                }
            }
            _ => out.push(wrong_type(&at, value, "a list of strings")),
        },
        Shape::Map { value: value_shape, .. } => match value {
            // JSON keys are always strings, so only values can have the wrong type.
            Value::Object(map) => {
                for (key, child) in map {
                    walk(child, value_shape, at.member(key), out);
                }
            }
            _ => out.push(wrong_type(&at, value, "an object of string keys and values")),
        },
        Shape::String { .. } => {
            if !value.is_string() {
                out.push(wrong_type(&at, value, "a string"));
            }
        }
    }
}

fn wrong_type(at: &Path<'_>, value: &Value, expected: &str) -> Diagnostic {
    let path = at.to_string();
    let what = if path.is_empty() { "The request" } else { &path };
    let mut message = format!("{what} must be {expected}; found {}.", crate::json::read::describe(value));
    if value.is_null() {
        // botocore treats None as a value of the wrong type, not as "absent".
        message.push_str(" A null is not the same as leaving the member out: remove it instead.");
    }
    if let (Value::Array(items), "a string") = (value, expected) {
        if items.len() > 1 {
            message.push_str(" (The CLI's shorthand turns `a,b` into a list: quote the value to keep the comma.)");
        }
    }
    codes::WRONG_TYPE.diagnostic(&path, message)
}

/// Every member path of the request, for telling a user that a member belongs elsewhere.
const MEMBER_PATHS: [&str; 14] = [
    "SourceId",
    "DestinationId",
    "Subtype",
    "Event",
    "Event.Type",
    "Event.ContentType",
    "Event.Content",
    "NewSessionDetails",
    "NewSessionDetails.SupportedMessagingContentTypes",
    "NewSessionDetails.ParticipantDetails",
    "NewSessionDetails.ParticipantDetails.DisplayName",
    "NewSessionDetails.Attributes",
    "NewSessionDetails.StreamingConfiguration",
    "NewSessionDetails.StreamingConfiguration.StreamingEndpointArn",
];

fn unknown_member(s: &Structure, at: &Path<'_>, name: &str) -> Diagnostic {
    let (parent, path) = (at.to_string(), at.member(name).to_string());
    let names: Vec<&str> = s.member_names().collect();
    let within = if parent.is_empty() { "the request" } else { &parent };
    let mut message = format!("{name:?} is not a member of {within}; the allowed members are {}.", names.join(", "));
    let mut suggestion = near_miss(name, &names).map(str::to_string);
    match &suggestion {
        Some(s) => message.push_str(&format!(" Did you mean {s:?}?")),
        None => {
            // A member of another structure, written at the wrong level.
            let leaves: Vec<&str> = MEMBER_PATHS.iter().map(|p| p.rsplit('.').next().unwrap_or(p)).collect();
            if let Some(leaf) = near_miss(name, &leaves) {
                if let Some(full) = MEMBER_PATHS.iter().find(|p| p.rsplit('.').next() == Some(leaf)) {
                    message.push_str(&format!(" {leaf} belongs at {full}."));
                    suggestion = Some(full.to_string());
                }
            }
        }
    }
    let mut d = codes::UNKNOWN_MEMBER.diagnostic(&path, message);
    d.suggestion = suggestion;
    d
}
