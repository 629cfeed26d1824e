//! What the simulator can be told: where its clock starts, how long chats last, how identities are
//! matched, how much history it keeps, and which service errors it produces.
//!
//! Every field has a default, so `{}` is a complete settings document. AWS is silent on several of
//! these; each such default is an assumption, said so on the field.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::clock::Timestamp;
use crate::json::{FromJson, ToJson};

/// The shortest chat duration StartChatContact accepts, in minutes.
pub const MIN_CHAT_DURATION_MINUTES: u32 = 60;
/// The longest (7 days).
pub const MAX_CHAT_DURATION_MINUTES: u32 = 10_080;
/// AWS's default when no duration is given: 25 hours.
pub const DEFAULT_CHAT_DURATION_MINUTES: u32 = 1_500;

/// The simulator's settings. JSON field names are camelCase; unknown fields are errors.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "the settings (an object)")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Settings {
    /// Seeds the contact and message ids and the simulated internal errors: the same seed and the
    /// same steps give the same ids. Default 1.
    pub seed: u64,
    /// Where the virtual clock starts. Default 2026-01-01T00:00:00Z.
    #[cfg_attr(feature = "tsify", tsify(type = "Timestamp | string | number"))]
    pub start: Timestamp,
    /// How long a chat this API creates lasts, in minutes (60 to 10,080). The API has no duration
    /// field: the integration's flow decides, so this is a setting. Default 1,500 (25 h, AWS's default
    /// for StartChatContact).
    pub chat_duration_minutes: u32,
    /// Whether `connect:sms` and `connect:SMS` name the same chat. AWS does not say; its docs write
    /// both. Default case-sensitive: distinct spellings are distinct chats, which makes an integration
    /// that mixes spellings visible rather than hiding it.
    pub subtype_matching: SubtypeMatching,
    /// How many of a contact's newest messages and events its transcript keeps (0 keeps none).
    /// Older items are dropped, so memory stays bounded. Receipts are checked without the
    /// transcript, so they still work for dropped messages. Default 100.
    pub transcript_limit: u32,
    /// How many of the newest requests the log keeps, each with its outcome (0 keeps none). Default 1,000.
    pub log_limit: u32,
    /// Service errors to produce; each is off by default.
    pub faults: Faults,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            seed: 1,
            start: Timestamp::default(),
            chat_duration_minutes: DEFAULT_CHAT_DURATION_MINUTES,
            subtype_matching: SubtypeMatching::CaseSensitive,
            transcript_limit: 100,
            log_limit: 1_000,
            faults: Faults::default(),
        }
    }
}

/// How Subtype values are compared when looking for a chat's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum SubtypeMatching {
    /// `connect:sms` and `connect:SMS` are different chats.
    #[default]
    CaseSensitive,
    /// `connect:sms` and `connect:SMS` are the same chat. Case is folded for ASCII letters only
    /// (`A`–`Z`): AWS's subtypes are ASCII (`connect:sms`, `connect:WhatsApp`), and a non-ASCII
    /// letter is compared as written (`É` and `é` stay different).
    CaseInsensitive,
}

/// The service errors the simulator can produce. All off by default.
///
/// They are checked in this order, the order a request meets them in the service: access, then
/// throttling, then validation (InvalidRequestException), then the destination, then internal errors,
/// then the cap on active chats (only when a chat would be created).
#[derive(Debug, Clone, PartialEq, Default, Serialize, ToJson, FromJson)]
#[json(expected = "the faults (an object)")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Faults {
    /// When true, every request fails with AccessDeniedException (HTTP 403), as it does for a caller
    /// other than AWS End User Messaging: the API is restricted to that service.
    pub access_denied: bool,
    /// When set, a request whose DestinationId is not in this list fails with
    /// ResourceNotFoundException (HTTP 404). Compared exactly.
    #[cfg_attr(feature = "tsify", tsify(type = "string[] | null"))]
    pub destinations: Option<Vec<String>>,
    /// When set, requests take tokens from a bucket refilled in virtual time; an empty bucket gives
    /// ThrottlingException (HTTP 429). Every request that reaches the bucket takes a token, invalid
    /// ones included; throttled ones take none.
    #[cfg_attr(feature = "tsify", tsify(type = "Throttling | null"))]
    pub throttling: Option<Throttling>,
    /// The probability (0 to 1) that a request fails with InternalServiceException (HTTP 500), drawn
    /// from the seeded generator, so runs are reproducible.
    pub internal_error_probability: f64,
    /// When set, creating a chat beyond this many active chats fails. AWS's quota for concurrent
    /// active chats was 100 per instance by default (2023). This API declares no LimitExceeded
    /// error, so the simulator answers ThrottlingException (its declared HTTP 429), an assumption.
    /// Requests to existing chats still succeed.
    #[cfg_attr(feature = "tsify", tsify(type = "number | null"))]
    pub max_active_chats: Option<u32>,
}

/// A token bucket: `burst` tokens at most, refilled at `ratePerSecond`. Its default is what
/// throttling starts from when it is turned on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "a token bucket {\"ratePerSecond\", \"burst\"}")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Throttling {
    pub rate_per_second: f64,
    pub burst: u32,
}

/// Connect's APIs historically allowed 2 requests/s with a burst of 5; this API's quota is not published.
impl Default for Throttling {
    fn default() -> Self {
        Throttling { rate_per_second: 2.0, burst: 5 }
    }
}

/// A setting out of its range: which one, and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    /// The setting's path, such as `chatDurationMinutes` or `faults.throttling.burst`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "setting {}: {}", self.field, self.message)
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// Reads settings from JSON; missing fields take their defaults. Ranges are checked by [`Settings::check`].
    /// A syntax error is the field `(settings)` with serde_json's line and column; a wrong member
    /// is the member's path (`faults.throttling.burst`).
    pub fn from_json(text: &str) -> Result<Settings, SettingsError> {
        let value: Value = crate::json::parse(text)
            .map_err(|e| SettingsError { field: "(settings)".into(), message: e.to_string() })?;
        crate::json::read::read(&value).map_err(|e| SettingsError {
            field: if e.path.is_empty() { "(settings)".into() } else { e.path },
            message: e.message,
        })
    }

    /// Checks every range; the first problem is returned.
    pub fn check(&self) -> Result<(), SettingsError> {
        let fail = |field: &str, message: String| Err(SettingsError { field: field.into(), message });
        let d = self.chat_duration_minutes;
        if !(MIN_CHAT_DURATION_MINUTES..=MAX_CHAT_DURATION_MINUTES).contains(&d) {
            return fail(
                "chatDurationMinutes",
                format!(
                    "{d} is out of range: a chat lasts {MIN_CHAT_DURATION_MINUTES} to {MAX_CHAT_DURATION_MINUTES} minutes (1 h to 7 d); AWS's default is {DEFAULT_CHAT_DURATION_MINUTES} (25 h)"
                ),
            );
        }
        let p = self.faults.internal_error_probability;
        if !(0.0..=1.0).contains(&p) {
            return fail(
                "faults.internalErrorProbability",
                format!("{} is not a probability between 0 and 1", crate::json::number_text(p)),
            );
        }
        if let Some(t) = self.faults.throttling {
            if !(t.rate_per_second.is_finite() && t.rate_per_second > 0.0) {
                return fail(
                    "faults.throttling.ratePerSecond",
                    format!(
                        "{} must be a number above 0 (requests per second)",
                        crate::json::number_text(t.rate_per_second)
                    ),
                );
            }
            if t.burst == 0 {
                return fail("faults.throttling.burst", "must be at least 1, or no request would ever pass".into());
            }
        }
        Ok(())
    }

    /// The chat duration in milliseconds.
    pub fn chat_duration_millis(&self) -> u64 {
        u64::from(self.chat_duration_minutes) * 60_000
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_json_is_the_defaults() {
        let s = Settings::from_json("{}").unwrap();
        assert_eq!(s, Settings::default());
        assert_eq!(s.chat_duration_minutes, 1_500);
        assert!(s.check().is_ok());
    }

    #[test]
    fn chat_duration_range_both_sides() {
        for (minutes, ok) in [(59, false), (60, true), (1_500, true), (10_080, true), (10_081, false), (0, false)] {
            let s = Settings { chat_duration_minutes: minutes, ..Settings::default() };
            let r = s.check();
            assert_eq!(r.is_ok(), ok, "{minutes}");
            if let Err(e) = r {
                assert_eq!(e.field, "chatDurationMinutes");
                assert!(e.message.contains("60 to 10080"), "{}", e.message);
            }
        }
    }

    #[test]
    fn fault_ranges() {
        let bad = [
            (Faults { internal_error_probability: 1.01, ..Faults::default() }, "faults.internalErrorProbability"),
            (Faults { internal_error_probability: -0.1, ..Faults::default() }, "faults.internalErrorProbability"),
            (Faults { internal_error_probability: f64::NAN, ..Faults::default() }, "faults.internalErrorProbability"),
            (
                Faults { throttling: Some(Throttling { rate_per_second: 0.0, burst: 5 }), ..Faults::default() },
                "faults.throttling.ratePerSecond",
            ),
            (
                Faults { throttling: Some(Throttling { rate_per_second: 2.0, burst: 0 }), ..Faults::default() },
                "faults.throttling.burst",
            ),
        ];
        for (faults, field) in bad {
            let e = Settings { faults, ..Settings::default() }.check().unwrap_err();
            assert_eq!(e.field, field);
        }
        let ok = Faults {
            internal_error_probability: 1.0,
            throttling: Some(Throttling { rate_per_second: 0.5, burst: 1 }),
            ..Faults::default()
        };
        assert!(Settings { faults: ok, ..Settings::default() }.check().is_ok());
    }

    #[test]
    fn unknown_fields_are_errors() {
        let e = Settings::from_json(r#"{"chatDuration": 60}"#).unwrap_err();
        assert_eq!(e.field, "chatDuration");
        assert!(e.message.starts_with("unknown member \"chatDuration\"; expected \"seed\""), "{}", e.message);
        let e =
            Settings::from_json(r#"{"faults": {"throttling": {"ratePerSecond": 2, "burst": 5, "x": 1}}}"#).unwrap_err();
        assert_eq!(e.field, "faults.throttling.x");
        let s = Settings::from_json(
            r#"{"subtypeMatching":"caseInsensitive","faults":{"throttling":{"ratePerSecond":2,"burst":5}}}"#,
        )
        .unwrap();
        assert_eq!(s.subtype_matching, SubtypeMatching::CaseInsensitive);
        assert_eq!(s.faults.throttling, Some(Throttling { rate_per_second: 2.0, burst: 5 }));
    }

    #[test]
    fn absent_and_null_members_take_their_defaults_and_given_ones_are_read() {
        let null_everywhere = r#"{"seed": null, "start": null, "chatDurationMinutes": null, "subtypeMatching": null,
            "transcriptLimit": null, "logLimit": null, "faults": null}"#;
        assert_eq!(Settings::from_json(null_everywhere), Ok(Settings::default()));
        assert_eq!(Settings::from_json(r#"{"faults": {}}"#), Ok(Settings::default()));
        let all = Settings {
            seed: 7,
            start: Timestamp::EPOCH,
            chat_duration_minutes: 60,
            subtype_matching: SubtypeMatching::CaseInsensitive,
            transcript_limit: 0,
            log_limit: 3,
            faults: Faults {
                access_denied: true,
                destinations: Some(vec!["arn:d".into()]),
                throttling: Some(Throttling { rate_per_second: 0.5, burst: 2 }),
                internal_error_probability: 0.25,
                max_active_chats: Some(4),
            },
        };
        assert_eq!(Settings::from_json(&crate::json::to_string(&all)), Ok(all));
        // The start reads in each of a timestamp's forms; a probability may be a whole number.
        let s = Settings::from_json(r#"{"start": "1970-01-01T00:00:00Z", "faults": {"internalErrorProbability": 1}}"#)
            .unwrap();
        assert_eq!((s.start, s.faults.internal_error_probability), (Timestamp::EPOCH, 1.0));
        assert_eq!(Settings::from_json(r#"{"start": 0}"#).map(|s| s.start), Ok(Timestamp::EPOCH));
    }

    #[test]
    fn wrong_members_name_their_path() {
        for (text, field, message) in [
            ("[]", "(settings)", "expected the settings (an object), found a list of 0 items"),
            (r#"{"seed": -1}"#, "seed", "expected a whole number from 0, found the number -1"),
            (
                r#"{"chatDurationMinutes": "25h"}"#,
                "chatDurationMinutes",
                "expected a whole number from 0, found the string \"25h\"",
            ),
            (
                r#"{"subtypeMatching": "CaseInsensitive"}"#,
                "subtypeMatching",
                "expected \"caseSensitive\" or \"caseInsensitive\", found \"CaseInsensitive\"",
            ),
            (
                r#"{"faults": {"internalErrorProbability": "0.5"}}"#,
                "faults.internalErrorProbability",
                "expected a number, found the string \"0.5\"",
            ),
            (
                r#"{"faults": {"throttling": {"burst": 5}}}"#,
                "faults.throttling",
                "the member \"ratePerSecond\" is missing",
            ),
            (
                r#"{"faults": {"throttling": {"ratePerSecond": 1}}}"#,
                "faults.throttling",
                "the member \"burst\" is missing",
            ),
            (
                r#"{"faults": {"destinations": "arn:d"}}"#,
                "faults.destinations",
                "expected a list, found the string \"arn:d\"",
            ),
            (
                r#"{"faults": {"maxActiveChats": 4294967296}}"#,
                "faults.maxActiveChats",
                "expected a whole number from 0 to 4294967295, found 4294967296",
            ),
        ] {
            let e = Settings::from_json(text).unwrap_err();
            assert_eq!((e.field.as_str(), e.message.as_str()), (field, message), "{text}");
        }
        let e = Settings::from_json("{\n  \"seed\": ").unwrap_err();
        assert_eq!(e.field, "(settings)");
        assert!(e.message.contains("line 2"), "{}", e.message);
    }
}
