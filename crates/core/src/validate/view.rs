//! A borrowed view of a request that both the typed model and a raw JSON tree can give, so that
//! each rule is written once. Building it allocates nothing.

use serde_json::{Map, Value};

use crate::{Attributes, SendChatIntegrationEventRequest};

/// One member as the rules see it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Field<T> {
    /// Not given.
    Absent,
    /// Given with the wrong JSON type; already reported by the raw walk, so rules skip it.
    WrongType,
    Present(T),
}

impl<T: Copy> Field<T> {
    pub(crate) fn get(&self) -> Option<T> {
        match self {
            Field::Present(v) => Some(*v),
            _ => None,
        }
    }

    pub(crate) fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }
}

fn opt_str(s: &Option<String>) -> Field<&str> {
    match s {
        Some(s) => Field::Present(s.as_str()),
        None => Field::Absent,
    }
}

fn value_str(v: Option<&Value>) -> Field<&str> {
    match v {
        None => Field::Absent,
        Some(Value::String(s)) => Field::Present(s.as_str()),
        Some(_) => Field::WrongType,
    }
}

/// A structure's member by name. Structures have a handful of members, and a scan of them beats
/// hashing the name (serde_json's map hashes with SipHash) for each of the view's lookups.
fn member<'v>(map: &'v Map<String, Value>, name: &str) -> Option<&'v Value> {
    map.iter().find_map(|(key, value)| (key == name).then_some(value))
}

fn value_object(v: Option<&Value>) -> Field<&Map<String, Value>> {
    match v {
        None => Field::Absent,
        Some(Value::Object(m)) => Field::Present(m),
        Some(_) => Field::WrongType,
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct RequestView<'a> {
    pub source_id: Field<&'a str>,
    pub destination_id: Field<&'a str>,
    pub subtype: Field<&'a str>,
    pub event: Field<EventView<'a>>,
    pub new_session: Field<NewSessionView<'a>>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct EventView<'a> {
    pub r#type: Field<&'a str>,
    pub content_type: Field<&'a str>,
    pub content: Field<&'a str>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct NewSessionView<'a> {
    pub supported: Field<StrList<'a>>,
    pub participant: Field<Field<&'a str>>,
    pub attributes: Field<StrMap<'a>>,
    pub streaming: Field<Field<&'a str>>,
}

/// `SupportedMessagingContentTypes`, typed or raw.
#[derive(Debug, Clone, Copy)]
pub(crate) enum StrList<'a> {
    Typed(&'a [String]),
    Raw(&'a [Value]),
}

impl<'a> StrList<'a> {
    /// Calls `f(index, item)` for each item; `item` is `None` where it is not a string.
    pub(crate) fn for_each(&self, mut f: impl FnMut(usize, Option<&'a str>)) {
        match self {
            StrList::Typed(items) => items.iter().enumerate().for_each(|(i, s)| f(i, Some(s.as_str()))),
            StrList::Raw(items) => items.iter().enumerate().for_each(|(i, v)| f(i, v.as_str())),
        }
    }
}

/// `Attributes`, typed or raw.
#[derive(Debug, Clone, Copy)]
pub(crate) enum StrMap<'a> {
    Typed(&'a Attributes),
    Raw(&'a Map<String, Value>),
}

impl<'a> StrMap<'a> {
    /// Calls `f(key, value)` for each entry in order; `value` is `None` where it is not a string.
    pub(crate) fn for_each(&self, mut f: impl FnMut(&'a str, Option<&'a str>)) {
        match self {
            StrMap::Typed(map) => map.iter().for_each(|(k, v)| f(k.as_str(), Some(v.as_str()))),
            StrMap::Raw(map) => map.iter().for_each(|(k, v)| f(k.as_str(), v.as_str())),
        }
    }
}

impl<'a> RequestView<'a> {
    pub(crate) fn from_request(r: &'a SendChatIntegrationEventRequest) -> Self {
        RequestView {
            source_id: opt_str(&r.source_id),
            destination_id: opt_str(&r.destination_id),
            subtype: opt_str(&r.subtype),
            event: match &r.event {
                None => Field::Absent,
                Some(e) => Field::Present(EventView {
                    r#type: opt_str(&e.r#type),
                    content_type: opt_str(&e.content_type),
                    content: opt_str(&e.content),
                }),
            },
            new_session: match &r.new_session_details {
                None => Field::Absent,
                Some(n) => Field::Present(NewSessionView {
                    supported: match &n.supported_messaging_content_types {
                        None => Field::Absent,
                        Some(list) => Field::Present(StrList::Typed(list)),
                    },
                    participant: match &n.participant_details {
                        None => Field::Absent,
                        Some(p) => Field::Present(opt_str(&p.display_name)),
                    },
                    attributes: match &n.attributes {
                        None => Field::Absent,
                        Some(map) => Field::Present(StrMap::Typed(map)),
                    },
                    streaming: match &n.streaming_configuration {
                        None => Field::Absent,
                        Some(s) => Field::Present(opt_str(&s.streaming_endpoint_arn)),
                    },
                }),
            },
        }
    }

    /// The view of a raw tree, or `None` when the request is not an object at all.
    pub(crate) fn from_value(v: &'a Value) -> Option<Self> {
        let top = v.as_object()?;
        Some(RequestView {
            source_id: value_str(member(top, "SourceId")),
            destination_id: value_str(member(top, "DestinationId")),
            subtype: value_str(member(top, "Subtype")),
            event: match value_object(member(top, "Event")) {
                Field::Present(e) => Field::Present(EventView {
                    r#type: value_str(member(e, "Type")),
                    content_type: value_str(member(e, "ContentType")),
                    content: value_str(member(e, "Content")),
                }),
                Field::Absent => Field::Absent,
                Field::WrongType => Field::WrongType,
            },
            new_session: match value_object(member(top, "NewSessionDetails")) {
                Field::Present(n) => Field::Present(NewSessionView {
                    supported: match member(n, "SupportedMessagingContentTypes") {
                        None => Field::Absent,
                        Some(Value::Array(items)) => Field::Present(StrList::Raw(items)),
                        Some(_) => Field::WrongType,
                    },
                    participant: match value_object(member(n, "ParticipantDetails")) {
                        Field::Present(p) => Field::Present(value_str(member(p, "DisplayName"))),
                        Field::Absent => Field::Absent,
                        Field::WrongType => Field::WrongType,
                    },
                    attributes: match value_object(member(n, "Attributes")) {
                        Field::Present(m) => Field::Present(StrMap::Raw(m)),
                        Field::Absent => Field::Absent,
                        Field::WrongType => Field::WrongType,
                    },
                    streaming: match value_object(member(n, "StreamingConfiguration")) {
                        Field::Present(s) => Field::Present(value_str(member(s, "StreamingEndpointArn"))),
                        Field::Absent => Field::Absent,
                        Field::WrongType => Field::WrongType,
                    },
                }),
                Field::Absent => Field::Absent,
                Field::WrongType => Field::WrongType,
            },
        })
    }
}
