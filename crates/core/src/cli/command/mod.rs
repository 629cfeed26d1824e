//! Whole `aws connect send-chat-integration-event` commands: rendered for a shell from a request,
//! and parsed back from pasted text (for bash, PowerShell or cmd.exe) into the request.
//!
//! - [`render`]: a request as a command for a shell, with notes on what had to be written specially;
//! - `which_shell`: the shell a pasted command is written for, assumed from the text or chosen;
//! - `lex`: the words bash or PowerShell makes of a pasted command, with where each started;
//!   `powershell` and `cmd`: what those shells pass `aws.exe`, and `command_line`: how a Windows
//!   program splits the one line it is given;
//! - `options`: the CLI's option tables and how its argument parsers read a word against them;
//! - [`parse`]: a pasted command read in the CLI's own steps, into the request and its diagnostics.

mod cmd;
mod command_line;
mod lex;
mod options;
mod parse;
mod powershell;
mod render;
mod which_shell;

pub use parse::{parse, parse_in};
pub use render::render;
pub(crate) use which_shell::prompt_end as prompt;
pub use which_shell::{arguments, same_arguments, ShellReading};

use serde::Serialize;

use super::shell::Shell;
use super::shorthand::ShorthandError;
use super::version::{CliRefusal, CliVersion, Refuser};
use crate::json::{FromJson, ToJson};
use crate::{Diagnostic, SendChatIntegrationEventRequest};

const SERVICE: &str = "connect";
const OPERATION: &str = "send-chat-integration-event";

/// Shorthand or JSON, for one structure option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum StructureStyle {
    /// Shorthand where it can say the value exactly; JSON otherwise (with a note).
    #[default]
    Shorthand,
    Json,
}

/// How the request is given to the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum InputForm {
    /// One option per member: `--source-id ... --event ...`.
    #[default]
    Options,
    /// `--cli-input-json '{...}'`.
    CliInputJson,
    /// `--cli-input-json file://request.json`, with the file's content.
    CliInputJsonFile,
    /// `--cli-input-yaml '...'` (CLI v2 only).
    CliInputYaml,
    /// `--cli-input-yaml file://request.yaml`, with the file's content (CLI v2 only).
    CliInputYamlFile,
}

/// How to render a command.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, ToJson, FromJson)]
#[json(expected = "render options (an object)")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
// Every option may be left out, and a misspelt one is an error.
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct RenderOptions {
    pub shell: Shell,
    /// One option per line, joined by the shell's line continuation.
    pub multiline: bool,
    pub event_style: StructureStyle,
    pub new_session_details_style: StructureStyle,
    pub input: InputForm,
    pub region: Option<String>,
    pub profile: Option<String>,
    pub endpoint_url: Option<String>,
}

/// Something the reader of a rendered command should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RenderNote {
    /// The option the note is about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// The member inside the option's structure that the note is about, such as `Event.Content` or
    /// `NewSessionDetails.Attributes.a` (for `shorthand` and `json-fallback` notes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// `shorthand` (a value inside a structure needed quoting or escaping in the shorthand),
    /// `quoting` (the whole argument needed quoting for the shell), `json-fallback` (shorthand cannot
    /// express the structure), `cli-input`, `shell` or `warning`.
    pub kind: String,
    pub message: String,
}

/// A file the command refers to (the `file://` forms).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RenderedFile {
    pub name: String,
    pub content: String,
}

/// A rendered command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RenderedCommand {
    pub shell: Shell,
    /// The text to paste into the shell.
    pub text: String,
    /// The arguments `aws` receives (after the program name), for checking and display.
    pub argv: Vec<String>,
    pub notes: Vec<RenderNote>,
    pub files: Vec<RenderedFile>,
}

/// Values the CLI would not take literally from an option: a file's (or, in v1, a URL's) content
/// replaces them, and argparse removes a value of exactly `--`.
fn is_paramfile(value: &str) -> bool {
    value == "--" || ["file://", "fileb://", "http://", "https://"].iter().any(|p| value.starts_with(p))
}

/// A global AWS CLI option found in a parsed command: accepted, but not part of the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GlobalOption {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Something accepted that deserves a second look (a repeated option, a missing required option).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CommandWarning {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    pub message: String,
    /// 0-based character position in the command text.
    pub index: usize,
}

/// How to read a pasted command: the shell it is written for (detected when left out) and which
/// CLI's words a refusal is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ToJson, FromJson)]
#[json(expected = "command options (an object)")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CommandOptions {
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub cli: CliVersion,
    #[cfg_attr(feature = "tsify", tsify(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shell: Option<Shell>,
}

/// A parsed command.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ParsedCommand {
    /// The shell it was read in, and why.
    pub shell: ShellReading,
    /// The request parameters exactly as the CLI hands them to botocore (validate these with
    /// `validate::validate_value`).
    #[cfg_attr(feature = "tsify", tsify(type = "JsonValue"))]
    pub params: serde_json::Value,
    /// The typed request, when the parameters have the model's types (no list where a string
    /// belongs, no unknown member).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<SendChatIntegrationEventRequest>,
    /// Type problems that shorthand made likely, with fixes.
    pub diagnostics: Vec<Diagnostic>,
    pub global_options: Vec<GlobalOption>,
    pub warnings: Vec<CommandWarning>,
    /// `--generate-cli-skeleton` and its argument (`input` when none was given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generate_cli_skeleton: Option<String>,
}

/// Why a command could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    pub message: String,
    /// The option whose value is at fault, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// 0-based character position in the command text, and 1-based line and column.
    pub index: usize,
    pub line: usize,
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// For an unknown option: the valid ones, and the closest.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub valid_options: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// The shorthand error behind this one, with its position inside the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shorthand: Option<Box<ShorthandError>>,
    /// The shell the command was read in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shell: Option<Box<ShellReading>>,
    /// Which part of the CLI refuses the command, when the CLI itself does (not for what the shell
    /// would do first, nor for what it would do instead of refusing: print help, read a file).
    #[serde(skip)]
    pub refused_by: Option<Refuser>,
}

impl CommandError {
    /// What `version` of the CLI prints, and exits with, for this command; `None` when the CLI
    /// would not be the one to refuse it.
    pub fn refusal(&self, version: CliVersion) -> Option<CliRefusal> {
        self.refused_by.map(|refuser| version.refusal(refuser, &self.message))
    }

    /// The same error, refused by `refuser`.
    pub(super) fn by(mut self, refuser: Refuser) -> CommandError {
        self.refused_by = Some(refuser);
        self
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (line {}, column {})", self.message, self.line, self.column)?;
        if let Some(hint) = &self.hint {
            write!(f, "\nHint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CommandError {}
