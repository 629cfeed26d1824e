//! Whole `aws connect send-chat-integration-event` commands: rendered for a shell from a request,
//! and parsed back from pasted text (bash syntax) into the request.

use serde::Serialize;
use serde_json::Value;

use super::cli_input::{self, InputFormat};
use super::shell::{quote, Shell};
use super::shorthand::error::line_column;
use super::shorthand::model::{generate_structure_explained, parse_structure, StructureError};
use super::shorthand::ShorthandError;
use crate::json::read::{read_object, FromJson, Path, ReadError, Unknown};
use crate::shape::{Shape, REQUEST};
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
    // Each option with its value, in command order.
    let mut args: Vec<(&'static str, String)> = Vec::new();
    let mut notes = Vec::new();
    let mut files = Vec::new();
    let shell = options.shell;

    let cli_input = match options.input {
        InputForm::Options => None,
        InputForm::CliInputJson => Some((InputFormat::Json, false)),
        InputForm::CliInputJsonFile => Some((InputFormat::Json, true)),
        InputForm::CliInputYaml => Some((InputFormat::Yaml, false)),
        InputForm::CliInputYamlFile => Some((InputFormat::Yaml, true)),
    };
    if let Some((format, file)) = cli_input {
        let option = format.option();
        let document = cli_input::document(request, format, file);
        // The document is an object (`{` or a `Key:` line), so it never starts with `-`.
        let value = if file {
            let name = if format == InputFormat::Json { "request.json" } else { "request.yaml" };
            files.push(RenderedFile { name: name.into(), content: document });
            notes.push(note(
                option,
                None,
                "cli-input",
                format!("Save the request as {name} in the current folder; the CLI reads it from there."),
            ));
            format!("file://{name}")
        } else {
            document
        };
        args.push((option, value));
        if format == InputFormat::Yaml {
            notes.push(note(
                option,
                None,
                "cli-input",
                "--cli-input-yaml exists only in AWS CLI v2; CLI v1 answers \"Unknown options\".".into(),
            ));
        }
    } else {
        let mut deferred = serde_json::Map::new();
        // The members' options lead OPTIONS, in model order.
        for (member, option) in REQUEST.members.iter().zip(OPTIONS) {
            let Some(v) = members.get(member.name) else { continue };
            let text = match (member.shape, v) {
                (Shape::Structure(s), _) => {
                    let style =
                        if member.name == "Event" { options.event_style } else { options.new_session_details_style };
                    match style {
                        StructureStyle::Json => crate::json::write::text(v),
                        StructureStyle::Shorthand => match generate_structure_explained(v, s, member.name) {
                            Ok(generated) => {
                                for n in &generated.notes {
                                    notes.push(note(option, Some(n.path.clone()), "shorthand", n.message()));
                                }
                                generated.text
                            }
                            Err(why) => {
                                let mut message = option.to_string();
                                message.push_str(" is written as JSON, not shorthand, because ");
                                if why.path != member.name {
                                    message.push_str("at ");
                                    message.push_str(&why.path);
                                    message.push(' ');
                                }
                                message.push_str(&why.reason);
                                message.push('.');
                                notes.push(note(option, Some(why.path), "json-fallback", message));
                                crate::json::write::text(v)
                            }
                        },
                    }
                }
                (_, serde_json::Value::String(s)) => s.clone(),
                (_, other) => crate::json::write::text(other),
            };
            if is_paramfile(&text) {
                notes.push(note(
                    option,
                    None,
                    "cli-input",
                    format!(
                        "The value of {option} starts with a file or URL prefix, which the CLI would load \
                         instead of sending (or is exactly --, which argparse drops); it is passed through \
                         --cli-input-json, which takes it literally."
                    ),
                ));
                deferred.insert(member.name.to_string(), v.clone());
                continue;
            }
            args.push((option, text));
        }
        if !deferred.is_empty() {
            let json = crate::json::write::text(&serde_json::Value::Object(deferred));
            args.push(("--cli-input-json", json));
        }
    }
    for (name, value) in
        [("--region", &options.region), ("--profile", &options.profile), ("--endpoint-url", &options.endpoint_url)]
    {
        if let Some(v) = value {
            args.push((name, v.clone()));
        }
    }

    // The program, the operation's words and the option names need no quoting in any shell.
    let mut text = String::from("aws connect send-chat-integration-event");
    let mut argv = vec![SERVICE.to_string(), OPERATION.to_string()];
    for (option, value) in args {
        text.push(' ');
        if options.multiline {
            // One option per line.
            text.push_str(shell.continuation());
            text.push_str("\n  ");
        }
        // A value starting with `-` is attached with `=`, since argparse would take it for an option.
        let arg = if value.starts_with('-') {
            format!("{option}={value}")
        } else {
            text.push_str(option);
            text.push(' ');
            argv.push(option.to_string());
            value
        };
        let q = quote(shell, &arg);
        if let Some(reason) = &q.reason {
            let message = format!("The value of {option} is quoted for {} because {reason}.", shell.label());
            notes.push(note(option, None, "quoting", message));
        }
        if let Some(warning) = q.warning {
            notes.push(note(option, None, "warning", warning));
        }
        text.push_str(&q.text);
        argv.push(arg);
    }
    let shell_note = match shell {
        Shell::PowerShell5 => {
            "For Windows PowerShell 5.1 (and PowerShell 7.0–7.2): they pass arguments to programs the \
                               legacy way, dropping empty strings and not escaping double quotes, so those are written \
                               as \\\" and '\"\"'. In PowerShell 7.3 and later use the PowerShell 7.3+ form."
        }
        Shell::PowerShell7 => {
            "For PowerShell 7.3 and later, which pass arguments to aws.exe exactly as written. In \
                               Windows PowerShell 5.1, or when aws is the aws.cmd wrapper of a pip-installed CLI v1, \
                               use the PowerShell 5.1 form."
        }
        Shell::Cmd | Shell::Bash => "",
    };
    if !shell_note.is_empty() {
        notes.push(RenderNote { option: None, path: None, kind: "shell".into(), message: shell_note.into() });
    }
    RenderedCommand { shell, text, argv, notes, files }
}

/// A note about `option`.
fn note(option: &str, path: Option<String>, kind: &str, message: String) -> RenderNote {
    RenderNote { option: Some(option.to_string()), path, kind: kind.to_string(), message }
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
    // One copy of the code for every error: the message and hint are borrowed, and copied here.
    fn error(&self, index: usize, message: &str, hint: Option<&str>) -> CommandError {
        let (line, column) = line_column(self.chars, index);
        CommandError {
            message: message.to_string(),
            option: None,
            index,
            line,
            column,
            hint: hint.map(str::to_string),
            valid_options: Vec::new(),
            suggestion: None,
            shorthand: None,
        }
    }

    /// An error about the value of `option`.
    fn option_error(&self, index: usize, option: &str, message: &str, hint: Option<&str>) -> CommandError {
        let mut e = self.error(index, message, hint);
        e.option = Some(option.to_string());
        e
    }

    /// The CLI's error for a value it could not read: `Error parsing parameter '--event': ...`.
    fn parameter_error(&self, index: usize, option: &str, message: &str, hint: Option<&str>) -> CommandError {
        self.option_error(index, option, &format!("Error parsing parameter '{option}': {message}"), hint)
    }
}

fn expansion_error(at: &ErrorAt, index: usize, what: &str) -> CommandError {
    at.error(
        index,
        &format!("The command uses {what}, which the shell would replace before aws runs"),
        Some("Paste the command with the value written out, or put the text in single quotes to keep it literal."),
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
            // A line with anything but whitespace before its first `#` is a second command.
            let mut in_comment = false;
            for &c in chars.get(i..).unwrap_or_default() {
                if c == '\n' {
                    in_comment = false;
                } else if !in_comment && !c.is_whitespace() {
                    if c != '#' {
                        return Err(at.error(
                            i,
                            "The text holds more than one command (a line ends without a \\ continuation)",
                            Some("End each line but the last with a backslash, or paste one command."),
                        ));
                    }
                    in_comment = true;
                }
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
                                 --event 'Type=MESSAGE,Content=\"It'\\''s me\"'.",
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
                                return Err(at.error(
                                    open,
                                    "A double quote is never closed",
                                    Some("Add the closing \"."),
                                ))
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
                            Some('$')
                                if get(i + 1)
                                    .is_some_and(|c| c.is_ascii_alphanumeric() || "_{(@*#?$!-".contains(c)) =>
                            {
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
                    i = ansi_c(chars, i + 2, &mut text)
                        .ok_or_else(|| at.error(i, "A $'...' string is never closed", Some("Add the closing '.")))?;
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
                        &format!("'{c}' outside quotes would end or redirect the command in the shell"),
                        Some("Put the value that contains it in single quotes."),
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
                            Some("Put the value in single quotes."),
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

/// Every option the command accepts, in the order the "Valid options" hint lists them: the
/// operation's own options, then global options that take a value, then global flags.
const OPTIONS: [&str; 26] = [
    "--source-id",
    "--destination-id",
    "--subtype",
    "--event",
    "--new-session-details",
    "--cli-input-json",
    "--cli-input-yaml",
    "--generate-cli-skeleton",
    // Global options that take a value.
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
    // Global flags.
    "--debug",
    "--no-verify-ssl",
    "--no-paginate",
    "--no-sign-request",
    "--no-cli-pager",
    "--cli-auto-prompt",
    "--no-cli-auto-prompt",
    "--version",
];
/// Where the global options that take a value, and the flags, start in [`OPTIONS`].
const FIRST_GLOBAL: usize = 8;
const FIRST_FLAG: usize = 18;

/// The Levenshtein distance between an option name (ASCII) and what was typed.
fn edit_distance(option: &str, typed: &str) -> usize {
    // One row of the table at a time: the distances from a prefix of `typed` to each prefix of `option`.
    let option = option.as_bytes();
    let mut row = Vec::with_capacity(option.len() + 1);
    for j in 0..=option.len() {
        row.push(j);
    }
    for (i, c) in typed.chars().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        for (j, &b) in option.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let d = (diagonal + usize::from(c != char::from(b))).min(above + 1).min(left + 1);
            if let Some(cell) = row.get_mut(j) {
                *cell = left;
            }
            diagonal = above;
            left = d;
        }
        if let Some(cell) = row.last_mut() {
            *cell = left;
        }
    }
    row.last().copied().unwrap_or(0)
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
    // (index in REQUEST.members, value): the last one given for a member counts.
    let mut params: Vec<(usize, serde_json::Value)> = Vec::new();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    let mut diagnostics = Vec::new();
    let mut global_options = Vec::new();
    let mut warnings = Vec::new();
    let mut skeleton = None;
    // (format, document, where the document starts)
    let mut cli_inputs: Vec<(InputFormat, String, usize)> = Vec::new();
    let mut next_prefix = 0;
    let mut i = 0;

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
                        &format!("Unexpected word '{}': options start with --", word.text),
                        Some(
                            "The command is `aws connect send-chat-integration-event` followed by --option value \
                             pairs; a value with spaces needs quotes.",
                        ),
                    ))
                }
            }
            continue;
        }
        let (name, inline) = match word.text.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (word.text.as_str(), None),
        };
        let Some(known) = OPTIONS.iter().position(|o| *o == name) else {
            let mut best = (usize::MAX, "");
            for option in OPTIONS {
                let d = edit_distance(option, name);
                if d < best.0 {
                    best = (d, option);
                }
            }
            let suggestion = best.1;
            let hint = format!("Did you mean {suggestion}? Valid options: {}.", OPTIONS.join(", "));
            let mut e = at.option_error(word.start, name, &format!("Unknown option {name}"), Some(&hint));
            e.valid_options = OPTIONS.iter().map(|o| o.to_string()).collect();
            e.suggestion = Some(suggestion.to_string());
            return Err(e);
        };
        if known >= FIRST_FLAG {
            global_options.push(GlobalOption { name: name.to_string(), value: None });
            continue;
        }
        // The option's value: attached with `=`, or the next word (unless it looks like an option);
        // and where it starts, and whether positions inside it map onto the command text.
        let (value, value_start, verbatim) = match inline {
            Some(v) => (v.to_string(), word.start + name.chars().count() + 1, word.verbatim),
            None => match words.get(i) {
                Some(next) if !looks_like_option(&next.text) => {
                    i += 1;
                    (next.text.clone(), next.start, next.verbatim)
                }
                _ if name == "--generate-cli-skeleton" => ("input".to_string(), word.start, word.verbatim),
                next => {
                    return Err(at.option_error(
                        next.map_or(chars.len(), |w| w.start),
                        name,
                        &format!("{name}: expected one argument"),
                        Some(&format!(
                            "Give {name} a value. A value starting with - must be attached with =, as in {name}=-abc."
                        )),
                    ));
                }
            },
        };
        if let Some(&(_, first)) = seen.iter().find(|(n, _)| *n == name) {
            warnings.push(CommandWarning {
                option: Some(name.to_string()),
                message: format!(
                    "{name} is given more than once (first at character {}); the CLI keeps the last value.",
                    first + 1
                ),
                index: word.start,
            });
        }
        seen.push((name, word.start));
        if known >= FIRST_GLOBAL {
            global_options.retain(|g: &GlobalOption| g.name != name);
            global_options.push(GlobalOption { name: name.to_string(), value: Some(value) });
            continue;
        }
        if value.starts_with("file://") || value.starts_with("fileb://") {
            return Err(at.option_error(
                value_start,
                name,
                &format!("{name} refers to a file ({value}): paste the file's content instead"),
                Some("The AWS CLI would read that file from your disk, which cannot be done here."),
            ));
        }
        if value == "--" && !name.starts_with("--cli-input") {
            return Err(at.option_error(
                value_start,
                name,
                &format!("{name} has the value --, which argparse removes: the CLI would send an empty list"),
                Some("Give this member in --cli-input-json instead."),
            ));
        }
        for prefix in ["http://", "https://"] {
            if value.starts_with(prefix) {
                warnings.push(CommandWarning {
                    option: Some(name.to_string()),
                    message: format!(
                        "The value of {name} starts with {prefix}: CLI v1 downloads that URL and uses its content \
                         (unless cli_follow_urlparam is false); CLI v2 uses the text as is, as here."
                    ),
                    index: value_start,
                });
            }
        }
        match name {
            "--generate-cli-skeleton" => skeleton = Some(value),
            "--cli-input-json" => cli_inputs.push((InputFormat::Json, value, value_start)),
            "--cli-input-yaml" => cli_inputs.push((InputFormat::Yaml, value, value_start)),
            _ => {
                // The members' options lead OPTIONS, in model order.
                let Some(member) = REQUEST.members.get(known) else { continue };
                let parsed_value = match member.shape {
                    Shape::Structure(s) => match parse_structure(&value, s, member.name) {
                        Ok(p) => {
                            diagnostics.extend(p.diagnostics);
                            p.value
                        }
                        Err(StructureError::Shorthand(e)) => {
                            let index = if verbatim { value_start + e.index } else { value_start };
                            let mut err = at.parameter_error(index, name, &e.message, e.hint.as_deref());
                            err.shorthand = Some(Box::new(e));
                            return Err(err);
                        }
                        Err(StructureError::Json { message, hint, .. }) => {
                            return Err(at.parameter_error(value_start, name, &message, Some(&hint)));
                        }
                    },
                    _ => serde_json::Value::String(value),
                };
                params.push((known, parsed_value));
            }
        }
    }

    // Options come in model order (argparse fills them from the argument table in that order).
    let mut ordered = serde_json::Map::new();
    let mut missing = Vec::new();
    for (index, (member, option)) in REQUEST.members.iter().zip(OPTIONS).enumerate() {
        match params.iter_mut().rev().find(|(i, _)| *i == index) {
            Some((_, v)) => {
                ordered.insert(member.name.to_string(), v.take());
            }
            None if member.required => missing.push(option),
            None => {}
        }
    }
    // The CLI reads only the last of each --cli-input-* option; with both, JSON is applied first.
    for format in [InputFormat::Json, InputFormat::Yaml] {
        if let Some((_, text, start)) = cli_inputs.iter().rev().find(|(f, _, _)| *f == format) {
            let document = cli_input::read(text, format)
                .map_err(|message| at.parameter_error(*start, format.option(), &message, None))?;
            ordered = cli_input::merge(&ordered, &document);
        }
    }
    if cli_inputs.is_empty() && skeleton.is_none() && !missing.is_empty() {
        warnings.push(CommandWarning {
            option: None,
            message: format!("the following arguments are required: {}", missing.join(", ")),
            index: chars.len(),
        });
    }
    let params = serde_json::Value::Object(ordered);
    let request = crate::json::read::read(&params).ok();
    Ok(ParsedCommand { params, request, diagnostics, global_options, warnings, generate_cli_skeleton: skeleton })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CLI's option for a member: `NewSessionDetails` is `--new-session-details`.
    fn cli_name(member: &str) -> String {
        let mut out = String::from("--");
        for (i, c) in member.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// Render and parse find a member's option by its place: the request's members, in model order,
    /// are the first entries of OPTIONS, before the cli-input options and the global ones.
    #[test]
    fn options_begin_with_the_members_in_model_order() {
        let members = REQUEST.members;
        assert!(members.len() < FIRST_GLOBAL);
        for (index, member) in members.iter().enumerate() {
            assert_eq!(OPTIONS.get(index).copied(), Some(cli_name(member.name).as_str()), "member {}", member.name);
        }
        // The other options before the global ones are not members.
        for option in &OPTIONS[members.len()..FIRST_GLOBAL] {
            assert!(members.iter().all(|m| cli_name(m.name) != *option), "{option}");
        }
        assert_eq!(cli_name("NewSessionDetails"), "--new-session-details");
    }
}
