//! Share links: what a link carries, packed into the URL fragment as `#s1=` +
//! base64url(deflate-raw(JSON)). The browser compresses and inflates (its `CompressionStream` and
//! `DecompressionStream`) and writes base64 (`btoa`, `atob`), so both are asynchronous.
//!
//! The `s1` prefix is the format's version. A link of another version, or one that does not decode,
//! is reported as such rather than half-read. Links made before the browser's streams did this
//! work (by a deflate of our own) are the same format; www/e2e/fixtures keeps some, which the
//! browser tests open.

use chat_event_core::json::read::read;
use chat_event_core::json::{FromJson, ToJson};
use chat_event_core::simulator::Scenario;
use chat_event_core::SendChatIntegrationEventRequest;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The fragment prefix of the current version.
pub const PREFIX: &str = "s1=";

/// The most a link may inflate to: a request is at most a few hundred KB even at every maximum
/// length, and a link that inflates to more is not one the playground made.
const MAX_INFLATED_BYTES: u32 = 4 << 20;

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
    /// The data decodes to more than the playground takes; the message names the limit.
    TooLarge(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotALink => write!(f, "not a share link"),
            ShareError::UnknownVersion(v) => {
                write!(f, "this share link has format \"{v}\", which this version of the playground does not read")
            }
            ShareError::Corrupt(why) => write!(f, "this share link is damaged ({why})"),
            ShareError::TooLarge(why) => write!(f, "this share link is too large: {why}"),
        }
    }
}

/// The fragment (without `#`) for a payload; `None` where the browser cannot compress.
pub async fn encode(payload: &SharePayload) -> Option<String> {
    let json = chat_event_core::json::to_string(payload);
    let packed = pipe(json.as_bytes(), false, u32::MAX).await.ok()?;
    Some(format!("{PREFIX}{}", base64url_encode(&packed)?))
}

/// Reads a fragment (with or without its leading `#`).
pub async fn decode(fragment: &str) -> Result<SharePayload, ShareError> {
    let data = data_of(fragment)?;
    let packed = base64url_decode(data).ok_or_else(|| corrupt("not base64url"))?;
    let json = pipe(&packed, true, MAX_INFLATED_BYTES).await.map_err(|e| {
        if e.as_string().as_deref() == Some(TOO_LARGE) {
            ShareError::TooLarge(format!(
                "it inflates to more than any request (past {} bytes)",
                chat_event_core::limits::thousands(MAX_INFLATED_BYTES as usize)
            ))
        } else {
            corrupt("the compressed data is cut short or altered")
        }
    })?;
    let json = String::from_utf8(json).map_err(|_| corrupt("the data is not UTF-8 text"))?;
    payload_of(&json)
}

fn corrupt(why: &str) -> ShareError {
    ShareError::Corrupt(why.to_owned())
}

/// The data of a current share link's fragment, or why there is none; decodes nothing.
pub fn data_of(fragment: &str) -> Result<&str, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Err(ShareError::NotALink);
    }
    match fragment.strip_prefix(PREFIX) {
        Some(data) => Ok(data),
        None => match fragment.split_once('=') {
            Some((version, _)) if version.starts_with('s') && version.len() <= 4 => {
                Err(ShareError::UnknownVersion(version.to_owned()))
            }
            _ => Err(ShareError::NotALink),
        },
    }
}

/// A link's JSON, read. The request is required and the scenario may be absent; members no reader
/// asks for are ignored, so a later version's extra member does not break a link.
pub fn payload_of(json: &str) -> Result<SharePayload, ShareError> {
    let unexpected = |e: &dyn std::fmt::Display| ShareError::Corrupt(format!("unexpected content: {e}"));
    let value = chat_event_core::json::parse(json).map_err(|e| unexpected(&e))?;
    let payload: SharePayload = read(&value).map_err(|e| unexpected(&e))?;
    let steps = payload.scenario.as_ref().map_or(0, |s| s.steps.len());
    match crate::state::too_many_steps(steps) {
        Some(why) => Err(ShareError::TooLarge(why)),
        None => Ok(payload),
    }
}

/// base64url without padding, through the browser's `btoa`.
fn base64url_encode(bytes: &[u8]) -> Option<String> {
    // `btoa` takes a "binary string": one character per byte.
    let binary: String = bytes.iter().map(|&b| char::from(b)).collect();
    let base64 = web_sys::window()?.btoa(&binary).ok()?;
    Some(base64.trim_end_matches('=').replace('+', "-").replace('/', "_"))
}

/// base64url, padded or not, through the browser's `atob`; `None` for any other character.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if !text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return None;
    }
    let binary = web_sys::window()?.atob(&text.replace('-', "+").replace('_', "/")).ok()?;
    binary.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect()
}

/// What [`pipe`] throws when the output passes its limit.
const TOO_LARGE: &str = "too large";

/// `bytes` through the browser's deflate-raw compressor, or its decompressor when `inflate`,
/// read up to `limit` bytes of output (past it, the stream is cancelled and "too large" thrown).
async fn pipe(bytes: &[u8], inflate: bool, limit: u32) -> Result<Vec<u8>, JsValue> {
    let out = stream_through(bytes, inflate, limit).await?;
    Ok(js_sys::Uint8Array::new(&out).to_vec())
}

#[wasm_bindgen(inline_js = r#"
export async function stream_through(bytes, inflate, limit) {
  const codec = inflate ? new DecompressionStream('deflate-raw') : new CompressionStream('deflate-raw');
  const reader = new Blob([bytes]).stream().pipeThrough(codec).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw 'too large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn stream_through(bytes: &[u8], inflate: bool, limit: u32) -> Result<JsValue, JsValue>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use chat_event_core::presets::PRESETS;

    #[test]
    fn fragments_say_whether_they_are_links() {
        let cases = [
            ("", Err(ShareError::NotALink)),
            ("#section-2", Err(ShareError::NotALink)),
            ("#s9=abc", Err(ShareError::UnknownVersion("s9".into()))),
            ("s7=from-the-future", Err(ShareError::UnknownVersion("s7".into()))),
            ("#s1=abc", Ok("abc")),
            ("s1=", Ok("")),
        ];
        for (fragment, expected) in cases {
            assert_eq!(data_of(fragment), expected, "{fragment:?}");
        }
    }

    #[test]
    fn a_links_content_reads_back_and_wrong_content_says_why() {
        for p in PRESETS {
            let payload = SharePayload { request: p.request(), scenario: None };
            assert_eq!(payload_of(&chat_event_core::json::to_string(&payload)), Ok(payload));
        }
        // A later version's member is let be; the request must be there.
        let later = payload_of(r#"{"request": {"SourceId": "+1"}, "theme": "dark"}"#).unwrap();
        assert_eq!(later.request.source_id.as_deref(), Some("+1"));
        // Past the playground's step limit: refused, the limit named.
        let many = |n: usize| {
            format!(
                r#"{{"request": {{}}, "scenario": {{"title": "t", "steps": [{}]}}}}"#,
                vec![r#"{"advance": "1s"}"#; n].join(",")
            )
        };
        assert!(payload_of(&many(crate::state::MAX_STEPS)).is_ok());
        assert!(
            matches!(payload_of(&many(crate::state::MAX_STEPS + 1)), Err(ShareError::TooLarge(why)) if why.contains("at most 1,000"))
        );
        for bad in ["[]", "{}", "{\"request\": 5}", "{\"request\": {}"] {
            assert!(
                matches!(payload_of(bad), Err(ShareError::Corrupt(why)) if why.starts_with("unexpected content")),
                "{bad}"
            );
        }
    }
}
