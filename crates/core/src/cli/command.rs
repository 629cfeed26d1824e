//! Whole `aws connect send-chat-integration-event` commands: rendered for a shell from a request,
//! and parsed back from pasted text (bash syntax) into the request.

use serde::Serialize;
use serde_json::Value;

use super::cli_input::{self, InputFormat};
use super::shell::{quote, Shell};
use super::shorthand::model::{generate_structure_explained, parse_structure, StructureError};
use super::shorthand::ShorthandError;
use crate::shape::{Shape, REQUEST};
use crate::json::read::{read_object, FromJson, Path, ReadError, Unknown};
use crate::{Diagnostic, SendChatIntegrationEventRequest};

const SERVICE: &str = "connect";
const OPERATION: &str = "send-chat-integration-event";

/// Shorthand or JSON, for one structure option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum StructureStyle {
    /// Shorthand where it can say the value exactly; JSON otherwise (with a note).
    #[default]
    Shorthand,
    Json,
}

/// How the request is given to the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
// `default` is for the declarations: every option may be left out (see the reader below).
#[serde(rename_all = "camelCase", default)]
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

crate::from_json_one_of!(StructureStyle { "shorthand" => StructureStyle::Shorthand, "json" => StructureStyle::Json });

crate::from_json_one_of!(InputForm {
    "options" => InputForm::Options,
    "cliInputJson" => InputForm::CliInputJson,
    "cliInputJsonFile" => InputForm::CliInputJsonFile,
    "cliInputYaml" => InputForm::CliInputYaml,
    "cliInputYamlFile" => InputForm::CliInputYamlFile,
});

/// Every member may be left out (or `null`) for its default; an unknown member is refused, so that
/// a misspelt option is not silently ignored.
impl FromJson for RenderOptions {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        let mut options = RenderOptions::default();
        read_object(value, at, "render options (an object)", Unknown::Refuse, &mut |o| {
            o.optional_into("shell", &mut options.shell);
            o.optional_into("multiline", &mut options.multiline);
            o.optional_into("eventStyle", &mut options.event_style);
            o.optional_into("newSessionDetailsStyle", &mut options.new_session_details_style);
            o.optional_into("input", &mut options.input);
            o.optional_into("region", &mut options.region);
            o.optional_into("profile", &mut options.profile);
            o.optional_into("endpointUrl", &mut options.endpoint_url);
        })?;
        Ok(options)
    }
}

/// Something the reader of a rendered command should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RenderedFile {
    pub name: String,
    pub content: String,
}

/// A rendered command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

fn cli_name(member: &str) -> String {
    let mut out = String::from("--");
    for (i, c) in member.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Values the CLI would not take literally from an option: a file's (or, in v1, a URL's) content
/// replaces them, and argparse removes a value of exactly `--`.
fn is_paramfile(value: &str) -> bool {
    value == "--" || ["file://", "fileb://", "http://", "https://"].iter().any(|p| value.starts_with(p))
}

/// Renders `request` as an `aws connect send-chat-integration-event` command.
///
/// ```
/// use chat_event_core::cli::command::{render, RenderOptions};
/// use chat_event_core::{ChatEvent, SendChatIntegrationEventRequest};
/// let request = SendChatIntegrationEventRequest {
///     source_id: Some("+15551234567".into()),
///     destination_id: Some("arn:aws:sms-voice:us-east-1:123456789012:phone-number/x".into()),
///     event: Some(ChatEvent { r#type: Some("DISCONNECT".into()), ..Default::default() }),
///     ..Default::default()
/// };
/// let cmd = render(&request, &RenderOptions::default());
/// assert_eq!(
///     cmd.text,
///     "aws connect send-chat-integration-event --source-id +15551234567 --destination-id \
///      arn:aws:sms-voice:us-east-1:123456789012:phone-number/x --event Type=DISCONNECT"
/// );
/// ```
pub fn render(request: &SendChatIntegrationEventRequest, options: &RenderOptions) -> RenderedCommand {
    let value = crate::json::to_value(request);
    let empty = serde_json::Map::new();
    let members = value.as_object().unwrap_or(&empty);
    let mut groups: Vec<Vec<(Option<String>, String)>> = vec![vec![(None, SERVICE.into()), (None, OPERATION.into())]];
    let mut notes = Vec::new();
    let mut files = Vec::new();
    let shell = options.shell;

    let cli_input = |format: InputFormat, file: bool, groups: &mut Vec<Vec<(Option<String>, String)>>,
                     files: &mut Vec<RenderedFile>,
                     notes: &mut Vec<RenderNote>| {
        let option = format.option().to_string();
        if file {
            let name = match format {
                InputFormat::Json => "request.json",
                InputFormat::Yaml => "request.yaml",
            };
            files.push(RenderedFile { name: name.into(), content: cli_input::document(request, format, true) });
            groups.push(vec![(None, option.clone()), (Some(option.clone()), format!("file://{name}"))]);
            notes.push(RenderNote {
                path: None,
                option: Some(option.clone()),
                kind: "cli-input".into(),
                message: format!("Save the request as {name} in the current folder; the CLI reads it from there."),
            });
        } else {
            groups.push(vec![(None, option.clone()), (Some(option.clone()), cli_input::document(request, format, false))]);
        }
        if format == InputFormat::Yaml {
            notes.push(RenderNote {
                path: None,
                option: Some(option),
                kind: "cli-input".into(),
                message: "--cli-input-yaml exists only in AWS CLI v2; CLI v1 answers \"Unknown options\".".into(),
            });
        }
    };

    match options.input {
        InputForm::CliInputJson => cli_input(InputFormat::Json, false, &mut groups, &mut files, &mut notes),
        InputForm::CliInputJsonFile => cli_input(InputFormat::Json, true, &mut groups, &mut files, &mut notes),
        InputForm::CliInputYaml => cli_input(InputFormat::Yaml, false, &mut groups, &mut files, &mut notes),
        InputForm::CliInputYamlFile => cli_input(InputFormat::Yaml, true, &mut groups, &mut files, &mut notes),
        InputForm::Options => {
            let mut deferred = serde_json::Map::new();
            for member in REQUEST.members {
                let Some(v) = members.get(member.name) else { continue };
                let option = cli_name(member.name);
                let text = match (member.shape, v) {
                    (Shape::Structure(s), _) => {
                        let style = if member.name == "Event" { options.event_style } else { options.new_session_details_style };
                        let json = || crate::json::write::text(v);
                        match style {
                            StructureStyle::Json => json(),
                            StructureStyle::Shorthand => match generate_structure_explained(v, s, member.name) {
                                Ok(generated) => {
                                    notes.extend(generated.notes.iter().map(|n| RenderNote {
                                        option: Some(option.clone()),
                                        path: Some(n.path.clone()),
                                        kind: "shorthand".into(),
                                        message: n.message(),
                                    }));
                                    generated.text
                                }
                                Err(why) => {
                                    let message = if why.path == member.name {
                                        format!("{option} is written as JSON, not shorthand, because {}.", why.reason)
                                    } else {
                                        format!(
                                            "{option} is written as JSON, not shorthand, because at {} {}.",
                                            why.path, why.reason
                                        )
                                    };
                                    notes.push(RenderNote {
                                        option: Some(option.clone()),
                                        path: Some(why.path),
                                        kind: "json-fallback".into(),
                                        message,
                                    });
                                    json()
                                }
                            },
                        }
                    }
                    (_, serde_json::Value::String(s)) => s.clone(),
                    (_, other) => crate::json::write::text(other),
                };
                if is_paramfile(&text) {
                    notes.push(RenderNote {
                        path: None,
                        option: Some(option.clone()),
                        kind: "cli-input".into(),
                        message: format!(
                            "The value of {option} starts with a file or URL prefix, which the CLI would load \
                             instead of sending (or is exactly --, which argparse drops); it is passed through \
                             --cli-input-json, which takes it literally."
                        ),
                    });
                    deferred.insert(member.name.to_string(), v.clone());
                    continue;
                }
                if text.starts_with('-') {
                    // argparse would take `-x` for an option: attach the value with `=`.
                    groups.push(vec![(Some(option.clone()), format!("{option}={text}"))]);
                } else {
                    groups.push(vec![(None, option.clone()), (Some(option), text)]);
                }
            }
            if !deferred.is_empty() {
                let json = crate::json::write::text(&serde_json::Value::Object(deferred));
                groups.push(vec![(None, "--cli-input-json".into()), (Some("--cli-input-json".into()), json)]);
            }
        }
    }
    for (name, value) in [("--region", &options.region), ("--profile", &options.profile), ("--endpoint-url", &options.endpoint_url)] {
        if let Some(v) = value {
            if v.starts_with('-') {
                groups.push(vec![(Some(name.to_string()), format!("{name}={v}"))]);
            } else {
                groups.push(vec![(None, name.to_string()), (Some(name.to_string()), v.clone())]);
            }
        }
    }

    let mut argv = Vec::new();
    let mut lines = vec![String::from("aws")];
    for (g, group) in groups.iter().enumerate() {
        let mut line = String::new();
        for (option, arg) in group {
            let q = quote(shell, arg);
            if let Some(option) = option {
                if let Some(reason) = &q.reason {
                    notes.push(RenderNote {
                        path: None,
                        option: Some(option.clone()),
                        kind: "quoting".into(),
                        message: format!("The value of {option} is quoted for {} because {reason}.", shell.label()),
                    });
                }
                if let Some(warning) = &q.warning {
                    notes.push(RenderNote {
                        option: Some(option.clone()),
                        path: None,
                        kind: "warning".into(),
                        message: warning.clone(),
                    });
                }
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&q.text);
            argv.push(arg.clone());
        }
        if options.multiline && g > 0 {
            lines.push(line);
        } else {
            if let Some(first) = lines.last_mut() {
                first.push(' ');
                first.push_str(&line);
            }
        }
    }
    let text = lines.join(&format!(" {}\n  ", shell.continuation()));
    match shell {
        Shell::PowerShell5 => notes.push(RenderNote {
            path: None,
            option: None,
            kind: "shell".into(),
            message: "For Windows PowerShell 5.1 (and PowerShell 7.0–7.2): they pass arguments to programs the \
                      legacy way, dropping empty strings and not escaping double quotes, so those are written as \
                      \\\" and '\"\"'. In PowerShell 7.3 and later use the PowerShell 7.3+ form."
                .into(),
        }),
        Shell::PowerShell7 => notes.push(RenderNote {
            path: None,
            option: None,
            kind: "shell".into(),
            message: "For PowerShell 7.3 and later, which pass arguments to aws.exe exactly as written. In Windows \
                      PowerShell 5.1, or when aws is the aws.cmd wrapper of a pip-installed CLI v1, use the \
                      PowerShell 5.1 form."
                .into(),
        }),
        Shell::Cmd | Shell::Bash => {}
    }
    RenderedCommand { shell, text, argv, notes, files }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// A global AWS CLI option found in a parsed command: accepted, but not part of the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GlobalOption {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Something accepted that deserves a second look (a repeated option, a missing required option).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CommandWarning {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    pub message: String,
    /// 0-based character position in the command text.
    pub index: usize,
}

/// A parsed command.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ParsedCommand {
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// A word of the command after shell processing, with where it started.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    start: usize,
    /// True when the word was written without any quoting or escapes, so positions inside it map
    /// one to one onto the command text.
    verbatim: bool,
}

struct ErrorAt<'a> {
    chars: &'a [char],
}

impl ErrorAt<'_> {
    fn error(&self, index: usize, message: impl Into<String>, hint: Option<String>) -> CommandError {
        let before = self.chars.get(..index).unwrap_or(self.chars);
        let line = 1 + before.iter().filter(|&&c| c == '\n').count();
        let column = index - before.iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1) + 1;
        CommandError {
            message: message.into(),
            option: None,
            index,
            line,
            column,
            hint,
            valid_options: Vec::new(),
            suggestion: None,
            shorthand: None,
        }
    }
}

fn expansion_error(at: &ErrorAt, index: usize, what: &str) -> CommandError {
    at.error(
        index,
        format!("The command uses {what}, which the shell would replace before aws runs"),
        Some("Paste the command with the value written out, or put the text in single quotes to keep it literal.".into()),
    )
}

/// Splits bash text into words: `'...'`, `"..."`, `$'...'`, backslashes, `\` line continuations and
/// comments. Expansions (`$x`, `$(...)`, backticks), operators and brace lists are errors: their
/// result depends on the user's shell.
// A parse error is reported once per parse; its size does not matter.
#[allow(clippy::result_large_err)]
fn bash_words(chars: &[char]) -> Result<Vec<Word>, CommandError> {
    let at = ErrorAt { chars };
    let mut words = Vec::new();
    let mut i = 0;
    let n = chars.len();
    let get = |i: usize| chars.get(i).copied();
    loop {
        // Between words.
        while let Some(c) = get(i) {
            if c == ' ' || c == '\t' {
                i += 1;
            } else if c == '\\' && get(i + 1) == Some('\n') {
                i += 2;
            } else if c == '\\' && get(i + 1) == Some('\r') && get(i + 2) == Some('\n') {
                i += 3;
            } else {
                break;
            }
        }
        let Some(c) = get(i) else { break };
        if c == '#' {
            while get(i).is_some_and(|c| c != '\n') {
                i += 1;
            }
            continue;
        }
        if (c == '\n' || c == '\r') && words.is_empty() {
            // Blank lines and comments before the command.
            i += 1;
            continue;
        }
        if c == '\n' || c == '\r' {
            // The end of the command; only blank lines and comments may follow.
            let rest: String = chars[i..].iter().collect();
            if rest.lines().any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')) {
                return Err(at.error(
                    i,
                    "The text holds more than one command (a line ends without a \\ continuation)",
                    Some("End each line but the last with a backslash, or paste one command.".into()),
                ));
            }
            break;
        }
        let start = i;
        let mut text = String::new();
        let mut verbatim = true;
        let mut unquoted_brace = false;
        let mut unquoted_comma = false;
        while let Some(c) = get(i) {
            match c {
                ' ' | '\t' | '\n' => break,
                '\r' if get(i + 1) == Some('\n') => break,
                '\'' => {
                    verbatim = false;
                    let close = (i + 1..n).find(|&j| chars[j] == '\'').ok_or_else(|| {
                        at.error(
                            i,
                            "A single quote is never closed",
                            Some(
                                "In the shell an apostrophe starts a quoted string. If it belongs to the text \
                                 (It's), put the whole value in single quotes and write the apostrophe as '\\'': \
                                 --event 'Type=MESSAGE,Content=\"It'\\''s me\"'."
                                    .into(),
                            ),
                        )
                    })?;
                    text.extend(&chars[i + 1..close]);
                    i = close + 1;
                }
                '"' => {
                    verbatim = false;
                    let open = i;
                    i += 1;
                    loop {
                        match get(i) {
                            None => {
                                return Err(at.error(open, "A double quote is never closed", Some("Add the closing \".".into())))
                            }
                            Some('"') => {
                                i += 1;
                                break;
                            }
                            Some('\\') => match get(i + 1) {
                                Some('\n') => i += 2,
                                Some(e @ ('$' | '`' | '"' | '\\')) => {
                                    text.push(e);
                                    i += 2;
                                }
                                _ => {
                                    text.push('\\');
                                    i += 1;
                                }
                            },
                            Some('$') if get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric() || "_{(@*#?$!-".contains(c)) => {
                                return Err(expansion_error(&at, i, "$ expansion inside double quotes"));
                            }
                            Some('`') => return Err(expansion_error(&at, i, "a backtick command substitution")),
                            Some(c) => {
                                text.push(c);
                                i += 1;
                            }
                        }
                    }
                }
                '$' if get(i + 1) == Some('\'') => {
                    verbatim = false;
                    i = ansi_c(chars, i + 2, &mut text).ok_or_else(|| {
                        at.error(i, "A $'...' string is never closed", Some("Add the closing '.".into()))
                    })?;
                }
                '$' if get(i + 1) == Some('"') => {
                    // $"..." is a translatable string; with no translation it is "...".
                    verbatim = false;
                    i += 1;
                }
                '$' if get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric() || "_{(@*#?$!-".contains(c)) => {
                    return Err(expansion_error(&at, i, "$ expansion"));
                }
                '`' => return Err(expansion_error(&at, i, "a backtick command substitution")),
                '\\' => {
                    verbatim = false;
                    match get(i + 1) {
                        Some('\n') => i += 2,
                        Some(e) => {
                            text.push(e);
                            i += 2;
                        }
                        None => i += 1,
                    }
                }
                ';' | '|' | '&' | '<' | '>' | '(' | ')' => {
                    return Err(at.error(
                        i,
                        format!("'{c}' outside quotes would end or redirect the command in the shell"),
                        Some("Put the value that contains it in single quotes.".into()),
                    ));
                }
                c => {
                    if c == '{' {
                        unquoted_brace = true;
                    }
                    if c == ',' && unquoted_brace {
                        unquoted_comma = true;
                    }
                    if c == '}' && unquoted_comma {
                        return Err(at.error(
                            i,
                            "An unquoted {...,...} would be split into several words by bash's brace expansion",
                            Some("Put the value in single quotes.".into()),
                        ));
                    }
                    text.push(c);
                    i += 1;
                }
            }
        }
        words.push(Word { text, start, verbatim });
    }
    Ok(words)
}

/// Reads a `$'...'` body starting after the quote; returns the index after the closing quote.
fn ansi_c(chars: &[char], mut i: usize, out: &mut String) -> Option<usize> {
    let get = |i: usize| chars.get(i).copied();
    let digits = |i: usize, max: usize, radix: u32| -> (u32, usize) {
        let mut value = 0u32;
        let mut len = 0;
        while len < max {
            match get(i + len).and_then(|c| c.to_digit(radix)) {
                Some(d) => {
                    value = value.wrapping_mul(radix).wrapping_add(d);
                    len += 1;
                }
                None => break,
            }
        }
        (value, len)
    };
    loop {
        match get(i)? {
            '\'' => return Some(i + 1),
            '\\' => {
                let e = get(i + 1)?;
                i += 2;
                let simple = match e {
                    'a' => Some('\x07'),
                    'b' => Some('\x08'),
                    'e' | 'E' => Some('\x1b'),
                    'f' => Some('\x0c'),
                    'n' => Some('\n'),
                    'r' => Some('\r'),
                    't' => Some('\t'),
                    'v' => Some('\x0b'),
                    '\\' => Some('\\'),
                    '\'' => Some('\''),
                    '"' => Some('"'),
                    '?' => Some('?'),
                    _ => None,
                };
                if let Some(c) = simple {
                    out.push(c);
                    continue;
                }
                match e {
                    '0'..='7' => {
                        let (v, len) = digits(i - 1, 3, 8);
                        i = i - 1 + len;
                        out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                    }
                    'x' | 'u' | 'U' => {
                        let max = match e {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let (v, len) = digits(i, max, 16);
                        if len == 0 {
                            out.push('\\');
                            out.push(e);
                        } else {
                            i += len;
                            out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                        }
                    }
                    'c' => {
                        let c = get(i)?;
                        i += 1;
                        out.push(char::from_u32((c as u32) & 0x1f).unwrap_or('\u{fffd}'));
                    }
                    other => {
                        out.push('\\');
                        out.push(other);
                    }
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// The operation's own options: (name, takes a value).
const OPERATION_OPTIONS: &[&str] = &[
    "--source-id",
    "--destination-id",
    "--subtype",
    "--event",
    "--new-session-details",
    "--cli-input-json",
    "--cli-input-yaml",
    "--generate-cli-skeleton",
];

/// Global options that take a value, and flags.
const GLOBAL_WITH_VALUE: &[&str] = &[
    "--region",
    "--profile",
    "--endpoint-url",
    "--output",
    "--query",
    "--color",
    "--ca-bundle",
    "--cli-read-timeout",
    "--cli-connect-timeout",
    "--cli-binary-format",
];
const GLOBAL_FLAGS: &[&str] = &[
    "--debug",
    "--no-verify-ssl",
    "--no-paginate",
    "--no-sign-request",
    "--no-cli-pager",
    "--cli-auto-prompt",
    "--no-cli-auto-prompt",
    "--version",
];

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// argparse's test for "this word is an option, not a value": it starts with `-`, is not a
/// negative number and has no space.
fn looks_like_option(word: &str) -> bool {
    let negative_number = {
        let rest = word.strip_prefix('-').unwrap_or("");
        !rest.is_empty()
            && (rest.chars().all(|c| c.is_ascii_digit())
                || rest.split_once('.').is_some_and(|(a, b)| {
                    a.chars().all(|c| c.is_ascii_digit()) && !b.is_empty() && b.chars().all(|c| c.is_ascii_digit())
                }))
    };
    word.starts_with('-') && word.len() > 1 && !negative_number && !word.contains(' ')
}

/// Parses a pasted command (bash syntax) into the request, as the AWS CLI would read it. The
/// `aws connect send-chat-integration-event` prefix is optional.
///
/// ```
/// use chat_event_core::cli::command::parse;
/// let parsed = parse("aws connect send-chat-integration-event --source-id=+1555 \\\n  --destination-id d --event 'Type=MESSAGE,Content=\"Hi, you\"'").unwrap();
/// let request = parsed.request.unwrap();
/// assert_eq!(request.event.unwrap().content.as_deref(), Some("Hi, you"));
/// ```
#[allow(clippy::result_large_err)]
pub fn parse(text: &str) -> Result<ParsedCommand, CommandError> {
    let chars: Vec<char> = text.chars().collect();
    let at = ErrorAt { chars: &chars };
    let words = bash_words(&chars)?;
    let mut params = serde_json::Map::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut diagnostics = Vec::new();
    let mut global_options = Vec::new();
    let mut warnings = Vec::new();
    let mut skeleton = None;
    let mut cli_inputs: Vec<(InputFormat, String, Word)> = Vec::new();
    let mut next_prefix = 0;
    let mut i = 0;
    let valid: Vec<String> =
        OPERATION_OPTIONS.iter().chain(GLOBAL_WITH_VALUE).chain(GLOBAL_FLAGS).map(|s| s.to_string()).collect();

    while let Some(word) = words.get(i) {
        i += 1;
        if !word.text.starts_with("--") {
            // The prefix words, in order; any of them may be left out.
            const PREFIX: [&str; 3] = ["aws", SERVICE, OPERATION];
            match PREFIX.iter().skip(next_prefix).position(|p| *p == word.text) {
                Some(j) => next_prefix += j + 1,
                None => {
                    return Err(at.error(
                        word.start,
                        format!("Unexpected word '{}': options start with --", word.text),
                        Some(format!(
                            "The command is `aws {SERVICE} {OPERATION}` followed by --option value pairs; a value \
                             with spaces needs quotes."
                        )),
                    ))
                }
            }
            continue;
        }
        let (name, inline) = match word.text.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (word.text.clone(), None),
        };
        if GLOBAL_FLAGS.contains(&name.as_str()) {
            global_options.push(GlobalOption { name, value: None });
            continue;
        }
        let known_value_option = OPERATION_OPTIONS.contains(&name.as_str()) || GLOBAL_WITH_VALUE.contains(&name.as_str());
        if !known_value_option {
            let suggestion = valid.iter().min_by_key(|v| edit_distance(v, &name)).cloned();
            let mut e = at.error(
                word.start,
                format!("Unknown option {name}"),
                suggestion.as_ref().map(|s| format!("Did you mean {s}? Valid options: {}.", valid.join(", "))),
            );
            e.option = Some(name);
            e.valid_options = valid;
            e.suggestion = suggestion;
            return Err(e);
        }
        // The option's value: attached with `=`, or the next word (unless it looks like an option).
        let (value, value_word) = match inline {
            Some(v) => {
                let offset = name.chars().count() + 1;
                (v, Word { text: String::new(), start: word.start + offset, verbatim: word.verbatim })
            }
            None => match words.get(i) {
                Some(next) if !looks_like_option(&next.text) => {
                    i += 1;
                    (next.text.clone(), next.clone())
                }
                _ if name == "--generate-cli-skeleton" => ("input".to_string(), word.clone()),
                next => {
                    let mut e = at.error(
                        next.map_or(chars.len(), |w| w.start),
                        format!("{name}: expected one argument"),
                        Some(format!(
                            "Give {name} a value. A value starting with - must be attached with =, as in {name}=-abc."
                        )),
                    );
                    e.option = Some(name);
                    return Err(e);
                }
            },
        };
        if let Some(&(_, first)) = seen.iter().find(|(n, _)| *n == name) {
            warnings.push(CommandWarning {
                option: Some(name.clone()),
                message: format!(
                    "{name} is given more than once (first at character {}); the CLI keeps the last value.",
                    first + 1
                ),
                index: word.start,
            });
        }
        seen.push((name.clone(), word.start));
        if GLOBAL_WITH_VALUE.contains(&name.as_str()) {
            global_options.retain(|g: &GlobalOption| g.name != name);
            global_options.push(GlobalOption { name, value: Some(value) });
            continue;
        }
        if value.starts_with("file://") || value.starts_with("fileb://") {
            let mut e = at.error(
                value_word.start,
                format!("{name} refers to a file ({value}): paste the file's content instead"),
                Some("The AWS CLI would read that file from your disk, which cannot be done here.".into()),
            );
            e.option = Some(name);
            return Err(e);
        }
        if value == "--" && !name.starts_with("--cli-input") {
            let mut e = at.error(
                value_word.start,
                format!("{name} has the value --, which argparse removes: the CLI would send an empty list"),
                Some("Give this member in --cli-input-json instead.".into()),
            );
            e.option = Some(name);
            return Err(e);
        }
        if value.starts_with("http://") || value.starts_with("https://") {
            warnings.push(CommandWarning {
                option: Some(name.clone()),
                message: format!(
                    "The value of {name} starts with {}: CLI v1 downloads that URL and uses its content \
                     (unless cli_follow_urlparam is false); CLI v2 uses the text as is, as here.",
                    if value.starts_with("http://") { "http://" } else { "https://" }
                ),
                index: value_word.start,
            });
        }
        match name.as_str() {
            "--generate-cli-skeleton" => skeleton = Some(value),
            "--cli-input-json" => cli_inputs.push((InputFormat::Json, value, value_word)),
            "--cli-input-yaml" => cli_inputs.push((InputFormat::Yaml, value, value_word)),
            _ => {
                let member = REQUEST
                    .members
                    .iter()
                    .find(|m| cli_name(m.name) == name)
                    .ok_or_else(|| at.error(word.start, format!("Unknown option {name}"), None))?;
                let parsed_value = match member.shape {
                    Shape::Structure(s) => match parse_structure(&value, s, member.name) {
                        Ok(p) => {
                            diagnostics.extend(p.diagnostics);
                            p.value
                        }
                        Err(StructureError::Shorthand(e)) => {
                            let index = if value_word.verbatim { value_word.start + e.index } else { value_word.start };
                            let mut err = at.error(
                                index,
                                format!("Error parsing parameter '{name}': {}", e.message),
                                e.hint.clone(),
                            );
                            err.option = Some(name);
                            err.shorthand = Some(Box::new(e));
                            return Err(err);
                        }
                        Err(StructureError::Json { message, hint, .. }) => {
                            let mut err =
                                at.error(value_word.start, format!("Error parsing parameter '{name}': {message}"), Some(hint));
                            err.option = Some(name);
                            return Err(err);
                        }
                    },
                    _ => serde_json::Value::String(value),
                };
                params.insert(member.name.to_string(), parsed_value);
            }
        }
    }

    // Options come in model order (argparse fills them from the argument table in that order).
    let mut ordered = serde_json::Map::new();
    for member in REQUEST.members {
        if let Some(v) = params.remove(member.name) {
            ordered.insert(member.name.to_string(), v);
        }
    }
    // The CLI reads only the last of each --cli-input-* option; with both, JSON is applied first.
    for format in [InputFormat::Json, InputFormat::Yaml] {
        if let Some((_, text, w)) = cli_inputs.iter().rev().find(|(f, _, _)| *f == format) {
            let document = cli_input::read(text, format).map_err(|message| {
                let mut e = at.error(w.start, format!("Error parsing parameter '{}': {message}", format.option()), None);
                e.option = Some(format.option().to_string());
                e
            })?;
            ordered = cli_input::merge(&ordered, &document);
        }
    }
    if cli_inputs.is_empty() && skeleton.is_none() {
        let missing: Vec<String> =
            REQUEST.required().filter(|m| !ordered.contains_key(m.name)).map(|m| cli_name(m.name)).collect();
        if !missing.is_empty() {
            warnings.push(CommandWarning {
                option: None,
                message: format!("the following arguments are required: {}", missing.join(", ")),
                index: chars.len(),
            });
        }
    }
    let params = serde_json::Value::Object(ordered);
    let request = crate::json::read::read(&params).ok();
    Ok(ParsedCommand { params, request, diagnostics, global_options, warnings, generate_cli_skeleton: skeleton })
}
