//! Share links: what a link carries, packed into the URL fragment as `#s1=` + base64url(deflate(JSON)).
//! Compressed and inflated by [`crate::deflate`].
//!
//! The `s1` prefix is the format's version. A link of another version, or one that does not decode,
//! is reported as such rather than half-read.

use chat_event_core::json::read::read;
use chat_event_core::json::{FromJson, ToJson};
use chat_event_core::simulator::Scenario;
use chat_event_core::SendChatIntegrationEventRequest;
use serde::Serialize;

/// The fragment prefix of the current version.
pub const PREFIX: &str = "s1=";

/// What a share link carries: the request, and the simulator's steps when there are any.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "a share link's content (an object)")]
pub struct SharePayload {
    pub request: SendChatIntegrationEventRequest,
    /// The simulator's steps and settings, in core's scenario format, when the simulator has been used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Scenario>,
}

impl SharePayload {
    /// What a share link of this state holds: the request, and the steps when there are any.
    pub fn of(state: &crate::state::AppState) -> Self {
        SharePayload {
            request: state.request.clone(),
            scenario: (!state.sim.steps.is_empty()).then(|| state.sim.scenario()),
        }
    }
}

/// Why a fragment could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is not a share link at all (no error to show).
    NotALink,
    /// A share link of a version this build does not know.
    UnknownVersion(String),
    /// The data does not decode; the message says at which stage.
    Corrupt(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotALink => write!(f, "not a share link"),
            ShareError::UnknownVersion(v) => {
                write!(f, "this share link has format \"{v}\", which this version of the playground does not read")
            }
            ShareError::Corrupt(why) => write!(f, "this share link is damaged ({why})"),
        }
    }
}

/// The fragment (without `#`) for a payload.
pub fn encode(payload: &SharePayload) -> String {
    let json = chat_event_core::json::to_string(payload).into_bytes();
    let packed = crate::deflate::compress(&json);
    format!("{PREFIX}{}", crate::base64url::encode(&packed))
}

/// Reads a fragment (with or without its leading `#`).
pub fn decode(fragment: &str) -> Result<SharePayload, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Err(ShareError::NotALink);
    }
    let Some(data) = fragment.strip_prefix(PREFIX) else {
        return match fragment.split_once('=') {
            Some((version, _)) if version.starts_with('s') && version.len() <= 4 => {
                Err(ShareError::UnknownVersion(version.to_owned()))
            }
            _ => Err(ShareError::NotALink),
        };
    };
    let packed = crate::base64url::decode(data.trim_end_matches('='))
        .map_err(|e| ShareError::Corrupt(format!("not base64url: {e}")))?;
    // A generous bound: a request is at most a few hundred KB even at every maximum length.
    let json = crate::deflate::decompress(&packed, 4 << 20)
        .map_err(|_| ShareError::Corrupt("the compressed data is cut short or altered".to_owned()))?;
    let json = String::from_utf8(json).map_err(|_| ShareError::Corrupt("the data is not UTF-8 text".to_owned()))?;
    let value =
        chat_event_core::json::parse(&json).map_err(|e| ShareError::Corrupt(format!("unexpected content: {e}")))?;
    read(&value).map_err(|e| ShareError::Corrupt(format!("unexpected content: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chat_event_core::presets::PRESETS;

    #[test]
    fn every_preset_round_trips() {
        for p in PRESETS {
            let payload = SharePayload { request: p.request(), scenario: None };
            let fragment = encode(&payload);
            assert!(fragment.starts_with(PREFIX));
            assert!(fragment.chars().all(|c| c.is_ascii_alphanumeric() || "-_=".contains(c)));
            assert_eq!(decode(&format!("#{fragment}")), Ok(payload));
        }
    }

    #[test]
    fn bad_fragments_say_why() {
        assert_eq!(decode(""), Err(ShareError::NotALink));
        assert_eq!(decode("#section-2"), Err(ShareError::NotALink));
        assert_eq!(decode("#s9=abc"), Err(ShareError::UnknownVersion("s9".into())));
        assert!(matches!(decode("#s1=%%%"), Err(ShareError::Corrupt(_))));
        assert!(matches!(decode("#s1=AAAA"), Err(ShareError::Corrupt(_))));
        let good = encode(&SharePayload::default());
        let cut = &good[..good.len() - 3];
        assert!(matches!(decode(cut), Err(ShareError::Corrupt(_))));
        let list = format!("{PREFIX}{}", crate::base64url::encode(&crate::deflate::compress(b"[]")));
        assert!(matches!(decode(&list), Err(ShareError::Corrupt(_))));
    }
}
