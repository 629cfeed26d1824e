//! The service model's shapes for this operation, as data: what botocore validates against, and what
//! the CLI's shorthand parser, the skeletons and the field help walk. Restated from the AWS model
//! (botocore `connect/2017-08-08`); members are listed in model order.

/// A shape reachable from `SendChatIntegrationEventRequest`.
#[derive(Debug)]
pub enum Shape {
    /// A string with lengths in Unicode scalar values (Python `len`). `max` is not checked by botocore.
    String {
        name: &'static str,
        min: usize,
        max: usize,
        enum_values: &'static [&'static str],
    },
    Structure(&'static Structure),
    List {
        name: &'static str,
        member: &'static Shape,
    },
    Map {
        name: &'static str,
        key: &'static Shape,
        value: &'static Shape,
    },
}

#[derive(Debug)]
pub struct Structure {
    pub name: &'static str,
    pub members: &'static [Member],
}

#[derive(Debug)]
pub struct Member {
    pub name: &'static str,
    pub shape: &'static Shape,
    pub required: bool,
}

impl Shape {
    pub fn name(&self) -> &'static str {
        match self {
            Shape::String { name, .. } | Shape::List { name, .. } | Shape::Map { name, .. } => name,
            Shape::Structure(s) => s.name,
        }
    }
}

/// `a == b`, in a form a `const fn` can use.
const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Structure {
    pub fn member(&self, name: &str) -> Option<&'static Member> {
        self.members.iter().find(|m| m.name == name)
    }

    /// The member called `name`, for code that names one the model has, found when it is compiled:
    /// used in a `const`, a name the model lacks fails the build. (A `const fn`, so it compares
    /// names a byte at a time; [`Structure::member`] is for names only known at run time.)
    pub const fn expect_member(&self, name: &str) -> &'static Member {
        let members = self.members;
        let mut i = 0;
        while i < members.len() {
            if same_text(members[i].name, name) {
                return &members[i];
            }
            i += 1;
        }
        panic!("no such member in the model")
    }

    pub fn member_names(&self) -> impl Iterator<Item = &'static str> {
        self.members.iter().map(|m| m.name)
    }

    /// Required members in the model's `required` order, which is also member order here.
    pub fn required(&self) -> impl Iterator<Item = &'static Member> {
        self.members.iter().filter(|m| m.required)
    }
}

/// `ChatEventType`, in model order (CLI v2's skeleton takes the first).
pub const EVENT_TYPES: [&str; 3] = ["DISCONNECT", "MESSAGE", "EVENT"];

const fn string(name: &'static str, min: usize, max: usize) -> Shape {
    Shape::String { name, min, max, enum_values: &[] }
}

pub static SOURCE_ID: Shape = string("SourceId", 1, 255);
pub static DESTINATION_ID: Shape = string("DestinationId", 1, 255);
pub static SUBTYPE: Shape = string("Subtype", 1, 100);
pub static CHAT_EVENT_TYPE: Shape =
    Shape::String { name: "ChatEventType", min: 0, max: usize::MAX, enum_values: &EVENT_TYPES };
pub static CHAT_CONTENT_TYPE: Shape = string("ChatContentType", 1, 100);
pub static CHAT_CONTENT: Shape = string("ChatContent", 1, 16384);
pub static SUPPORTED_MESSAGING_CONTENT_TYPE: Shape = string("SupportedMessagingContentType", 1, 100);
pub static DISPLAY_NAME: Shape = string("DisplayName", 1, 256);
pub static ATTRIBUTE_NAME: Shape = string("AttributeName", 1, 32767);
pub static ATTRIBUTE_VALUE: Shape = string("AttributeValue", 0, 32767);
pub static CHAT_STREAMING_ENDPOINT_ARN: Shape = string("ChatStreamingEndpointARN", 1, 350);

pub static CHAT_EVENT: Structure = Structure {
    name: "ChatEvent",
    members: &[
        Member { name: "Type", shape: &CHAT_EVENT_TYPE, required: true },
        Member { name: "ContentType", shape: &CHAT_CONTENT_TYPE, required: false },
        Member { name: "Content", shape: &CHAT_CONTENT, required: false },
    ],
};

pub static PARTICIPANT_DETAILS: Structure = Structure {
    name: "ParticipantDetails",
    members: &[Member { name: "DisplayName", shape: &DISPLAY_NAME, required: true }],
};

pub static CHAT_STREAMING_CONFIGURATION: Structure = Structure {
    name: "ChatStreamingConfiguration",
    members: &[Member { name: "StreamingEndpointArn", shape: &CHAT_STREAMING_ENDPOINT_ARN, required: true }],
};

pub static SUPPORTED_MESSAGING_CONTENT_TYPES: Shape =
    Shape::List { name: "SupportedMessagingContentTypes", member: &SUPPORTED_MESSAGING_CONTENT_TYPE };
pub static ATTRIBUTES: Shape = Shape::Map { name: "Attributes", key: &ATTRIBUTE_NAME, value: &ATTRIBUTE_VALUE };
pub static PARTICIPANT_DETAILS_SHAPE: Shape = Shape::Structure(&PARTICIPANT_DETAILS);
pub static CHAT_STREAMING_CONFIGURATION_SHAPE: Shape = Shape::Structure(&CHAT_STREAMING_CONFIGURATION);

pub static NEW_SESSION_DETAILS: Structure = Structure {
    name: "NewSessionDetails",
    members: &[
        Member { name: "SupportedMessagingContentTypes", shape: &SUPPORTED_MESSAGING_CONTENT_TYPES, required: false },
        Member { name: "ParticipantDetails", shape: &PARTICIPANT_DETAILS_SHAPE, required: false },
        Member { name: "Attributes", shape: &ATTRIBUTES, required: false },
        Member { name: "StreamingConfiguration", shape: &CHAT_STREAMING_CONFIGURATION_SHAPE, required: false },
    ],
};

pub static CHAT_EVENT_SHAPE: Shape = Shape::Structure(&CHAT_EVENT);
pub static NEW_SESSION_DETAILS_SHAPE: Shape = Shape::Structure(&NEW_SESSION_DETAILS);

/// `SendChatIntegrationEventRequest`.
pub static REQUEST: Structure = Structure {
    name: "SendChatIntegrationEventRequest",
    members: &[
        Member { name: "SourceId", shape: &SOURCE_ID, required: true },
        Member { name: "DestinationId", shape: &DESTINATION_ID, required: true },
        Member { name: "Subtype", shape: &SUBTYPE, required: false },
        Member { name: "Event", shape: &CHAT_EVENT_SHAPE, required: true },
        Member { name: "NewSessionDetails", shape: &NEW_SESSION_DETAILS_SHAPE, required: false },
    ],
};

pub static REQUEST_SHAPE: Shape = Shape::Structure(&REQUEST);

/// Looks up the shape at a dotted member path such as `NewSessionDetails.ParticipantDetails`.
/// List items and map values are not addressed by this; it is for members.
pub fn member_shape(path: &str) -> Option<&'static Shape> {
    let mut shape: &'static Shape = &REQUEST_SHAPE;
    for part in path.split('.') {
        match shape {
            Shape::Structure(s) => shape = s.member(part)?.shape,
            _ => return None,
        }
    }
    Some(shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_order_matches_the_model() {
        let names: Vec<_> = REQUEST.member_names().collect();
        assert_eq!(names, ["SourceId", "DestinationId", "Subtype", "Event", "NewSessionDetails"]);
        let names: Vec<_> = NEW_SESSION_DETAILS.member_names().collect();
        assert_eq!(
            names,
            ["SupportedMessagingContentTypes", "ParticipantDetails", "Attributes", "StreamingConfiguration"]
        );
    }

    #[test]
    fn paths_resolve_to_shapes() {
        assert_eq!(member_shape("Event.Content").map(Shape::name), Some("ChatContent"));
        assert_eq!(
            member_shape("NewSessionDetails.StreamingConfiguration.StreamingEndpointArn").map(Shape::name),
            Some("ChatStreamingEndpointARN")
        );
        assert!(member_shape("Event.Nope").is_none());
    }
}
