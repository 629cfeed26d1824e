//! The service model's rules on the view of a request: required members, string lengths and the
//! `Event.Type` enum. Bounds and names come from [`crate::shape`]; nothing is restated here.
//!
//! botocore checks required members and minimum lengths (so those are `caught_by_cli`), but not
//! maximum lengths or enums: those reach the service, which answers 400.

use super::view::{Field, RequestView};
use super::{chars_word, codes, did_you_mean, suggest::near_miss, thousands};
use crate::shape::{self, Member, Shape};
use crate::Diagnostic;

/// Where a string sits, turned into a path only when something is reported.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    Member(&'static str),
    Item(&'static str, usize),
    MapKey(&'static str, &'a str),
    MapValue(&'static str, &'a str),
}

impl At<'_> {
    pub(crate) fn path(self) -> String {
        match self {
            At::Member(p) => p.to_string(),
            At::Item(p, i) => format!("{p}[{i}]"),
            At::MapKey(p, k) => format!("{p} (key: {k})"),
            At::MapValue(p, k) => format!("{p}.{k}"),
        }
    }

    fn describe(self) -> String {
        match self {
            At::MapKey(p, k) => format!("The key {k:?} of {p}"),
            other => other.path(),
        }
    }
}

pub(crate) const SUPPORTED_PATH: &str = "NewSessionDetails.SupportedMessagingContentTypes";
pub(crate) const ATTRIBUTES_PATH: &str = "NewSessionDetails.Attributes";

/// A member of one of the model's structures, found when this file is compiled.
macro_rules! member {
    ($structure:ident . $name:literal) => {
        const { shape::$structure.expect_member($name) }
    };
}

pub(crate) fn check(view: &RequestView<'_>, out: &mut Vec<Diagnostic>) {
    // Members in model order, `required` flags read from the shapes.
    required_string(member!(REQUEST."SourceId"), "SourceId", view.source_id, out);
    required_string(member!(REQUEST."DestinationId"), "DestinationId", view.destination_id, out);
    required_string(member!(REQUEST."Subtype"), "Subtype", view.subtype, out);
    required(member!(REQUEST."Event"), "Event", view.event.is_absent(), out);
    if let Field::Present(event) = view.event {
        required_string(member!(CHAT_EVENT."Type"), "Event.Type", event.r#type, out);
        if let Some(t) = event.r#type.get() {
            event_type_enum(t, out);
        }
        required_string(member!(CHAT_EVENT."ContentType"), "Event.ContentType", event.content_type, out);
        required_string(member!(CHAT_EVENT."Content"), "Event.Content", event.content, out);
    }
    let Field::Present(nsd) = view.new_session else { return };
    if let Field::Present(list) = nsd.supported {
        list.for_each(|i, item| {
            if let Some(s) = item {
                length(At::Item(SUPPORTED_PATH, i), s, &shape::SUPPORTED_MESSAGING_CONTENT_TYPE, out);
            }
        });
    }
    if let Field::Present(display_name) = nsd.participant {
        required_string(
            member!(PARTICIPANT_DETAILS."DisplayName"),
            "NewSessionDetails.ParticipantDetails.DisplayName",
            display_name,
            out,
        );
    }
    if let Field::Present(map) = nsd.attributes {
        map.for_each(|key, value| {
            length(At::MapKey(ATTRIBUTES_PATH, key), key, &shape::ATTRIBUTE_NAME, out);
            if let Some(v) = value {
                length(At::MapValue(ATTRIBUTES_PATH, key), v, &shape::ATTRIBUTE_VALUE, out);
            }
        });
    }
    if let Field::Present(arn) = nsd.streaming {
        required_string(
            member!(CHAT_STREAMING_CONFIGURATION."StreamingEndpointArn"),
            "NewSessionDetails.StreamingConfiguration.StreamingEndpointArn",
            arn,
            out,
        );
    }
}

/// A string member at `path`: `required` when absent and the model says so, else its length.
fn required_string(member: &'static Member, path: &'static str, field: Field<&str>, out: &mut Vec<Diagnostic>) {
    match field {
        Field::Absent => required(member, path, true, out),
        Field::WrongType => {}
        Field::Present(s) => length(At::Member(path), s, member.shape, out),
    }
}

fn required(member: &'static Member, path: &'static str, absent: bool, out: &mut Vec<Diagnostic>) {
    if !absent || !member.required {
        return;
    }
    let within = path.rsplit_once('.').map_or("the request", |(parent, _)| parent);
    out.push(
        codes::REQUIRED.diagnostic(
            path,
            format!("{} is required in {within} by the service model, and it is missing.", member.name),
        ),
    );
}

/// Minimum and maximum length from the shape, counted in Unicode scalar values. Inlined: most
/// strings are within their bounds by their byte length alone, told without a call.
#[inline]
pub(crate) fn length(at: At<'_>, s: &str, shape: &Shape, out: &mut Vec<Diagnostic>) {
    let Shape::String { min, max, .. } = *shape else { return };
    // A string of at most `max` bytes has at most `max` characters; counting them is the costly part.
    if s.len() >= min && s.len() <= max {
        return;
    }
    length_in_characters(at, s, min, max, out);
}

/// [`length`] where the byte length does not settle it: the count, and the diagnostic when outside.
#[inline(never)]
fn length_in_characters(at: At<'_>, s: &str, min: usize, max: usize, out: &mut Vec<Diagnostic>) {
    let n = s.chars().count();
    // One diagnostic built in one place for both bounds.
    let (rule, message) = if n < min {
        let found = if n == 0 { "empty".to_string() } else { chars_word(n) };
        (
            codes::MIN_LENGTH,
            format!("{} is {found}; the service model requires at least {}.", at.describe(), chars_word(min)),
        )
    } else if n > max {
        (
            codes::MAX_LENGTH,
            format!(
                "{} is {} characters; the service model allows at most {}.",
                at.describe(),
                thousands(n),
                thousands(max)
            ),
        )
    } else {
        return;
    };
    out.push(rule.diagnostic(&at.path(), message));
}

fn event_type_enum(t: &str, out: &mut Vec<Diagnostic>) {
    if shape::EVENT_TYPES.contains(&t) {
        return;
    }
    let mut d = codes::ENUM.diagnostic(
        "Event.Type",
        format!(
            "Event.Type is {}; the service model allows only {}.",
            super::preview(t),
            shape::EVENT_TYPES.join(", ")
        ),
    );
    if let Some(s) = near_miss(t, &shape::EVENT_TYPES) {
        did_you_mean(&mut d, s, "");
        if s.eq_ignore_ascii_case(t) {
            d.message.push_str(" The values are upper case.");
        }
    }
    out.push(d);
}

/// The maximum length of a string shape (`usize::MAX` for other shapes).
pub(crate) fn max_length(shape: &Shape) -> usize {
    match shape {
        Shape::String { max, .. } => *max,
        _ => usize::MAX,
    }
}
