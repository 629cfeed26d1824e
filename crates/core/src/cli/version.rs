//! The two AWS CLIs, and how each words a refusal. Version 2 is what people install (version 1 is
//! in maintenance), so it is the default; version 1 is on request, and is what the conformance
//! tests run (awscli from PyPI). Both parse the same inputs to the same values and refuse the same
//! ones: what differs is only what they print around the message, and the exit code.
//!
//! | | version 1 | version 2 |
//! | --- | --- | --- |
//! | the message | alone | after `aws: [ERROR]: An error occurred (ParamValidation): ` |
//! | a shorthand error's echoed input | at the start of its line | after one space (the caret line stays, so the caret stands one column left) |
//! | exit code | 2 for argparse's errors, 255 for the CLI's own | 252 |

use serde::Serialize;

use crate::json::{FromJson, ToJson};

/// Which AWS CLI's words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum CliVersion {
    /// AWS CLI version 1 (awscli on PyPI).
    V1,
    /// AWS CLI version 2.
    #[default]
    V2,
}

/// Which CLI's words a function shows (`{ cli: 'v1' }`); version 2's when left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ToJson, FromJson)]
#[json(expected = "CLI options (an object)")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CliOptions {
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub cli: CliVersion,
}

/// What the CLI prints on standard error when it refuses an input before sending anything, without
/// argparse's usage lines, and the code it exits with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CliRefusal {
    pub version: CliVersion,
    pub text: String,
    pub exit_code: u8,
}

/// Which part of the CLI refuses an input: its argument parser (argparse: an option without its
/// value, an ambiguous or invalid choice, a missing required option) or its own checks (a value
/// it cannot parse, unknown options). Version 1 exits differently for each; version 2 does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refuser {
    Argparse,
    Cli,
}

/// How version 2 begins every refusal of a parameter.
const V2_PREFIX: &str = "aws: [ERROR]: An error occurred (ParamValidation): ";
/// Version 2's exit code for an input it refuses (`PARAM_VALIDATION_ERROR_RC`).
const V2_EXIT: u8 = 252;
/// What ends the first line of a shorthand syntax error: the echoed input follows.
const ECHO_HEADER: &str = "for input:\n";

impl CliVersion {
    /// The CLI's name for people: `AWS CLI version 2`.
    pub fn label(self) -> &'static str {
        match self {
            CliVersion::V1 => "AWS CLI version 1",
            CliVersion::V2 => "AWS CLI version 2",
        }
    }

    /// A shorthand error's message (written in version 1's words) as this version prints it.
    pub fn shorthand_message(self, message: &str) -> String {
        match (self, message.split_once(ECHO_HEADER)) {
            // The header is written once, before the input it echoes, so its first occurrence is it.
            (CliVersion::V2, Some((head, echo))) => [head, ECHO_HEADER, " ", echo].concat(),
            _ => message.to_owned(),
        }
    }

    /// What this version prints, and exits with, for `message` (version 1's words) from `refuser`.
    pub fn refusal(self, refuser: Refuser, message: &str) -> CliRefusal {
        let (text, exit_code) = match (self, refuser) {
            (CliVersion::V1, Refuser::Argparse) => (message.to_owned(), 2),
            (CliVersion::V1, Refuser::Cli) => (message.to_owned(), 255),
            (CliVersion::V2, _) => ([V2_PREFIX, &self.shorthand_message(message)].concat(), V2_EXIT),
        };
        CliRefusal { version: self, text, exit_code }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_2_words_a_refusal_around_version_1s_message() {
        let shorthand = "Error parsing parameter '--event': Expected: '=', received: 'EOF' for input:\nType\n    ^";
        for (version, refuser, message, text, exit_code) in [
            (CliVersion::V1, Refuser::Cli, shorthand, shorthand.to_string(), 255),
            (
                CliVersion::V2,
                Refuser::Cli,
                shorthand,
                "aws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--event': Expected: '=', \
                 received: 'EOF' for input:\n Type\n    ^"
                    .to_string(),
                252,
            ),
            (CliVersion::V1, Refuser::Argparse, "argument --region: expected one argument", "argument --region: expected one argument".into(), 2),
            (
                CliVersion::V2,
                Refuser::Argparse,
                "argument --region: expected one argument",
                "aws: [ERROR]: An error occurred (ParamValidation): argument --region: expected one argument".into(),
                252,
            ),
            // An input that itself holds the header is echoed after the first one.
            (
                CliVersion::V2,
                Refuser::Cli,
                "Expected: ',', received: 'x' for input:\nfor input:\n^",
                "aws: [ERROR]: An error occurred (ParamValidation): Expected: ',', received: 'x' for input:\n for input:\n^"
                    .into(),
                252,
            ),
        ] {
            assert_eq!(version.refusal(refuser, message), CliRefusal { version, text, exit_code }, "{message}");
        }
        assert_eq!(CliVersion::default(), CliVersion::V2);
    }
}
