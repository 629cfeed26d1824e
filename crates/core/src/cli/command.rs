//! Whole `aws connect send-chat-integration-event` commands: rendered for a shell from a request,
//! and parsed back from pasted text (bash syntax) into the request.

use serde::Serialize;
use serde_json::Value;

use super::cli_input::{self, InputFormat};
use super::shell::{quote, Shell};
use super::shorthand::error::line_column;
use super::shorthand::model::{generate_structure_explained, parse_structure, StructureError};
use super::shorthand::ShorthandError;
use crate::json::{FromJson, ToJson};
use crate::shape::{Shape, REQUEST};
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
        // The members' options lead the operation's, in model order.
        for (member, option) in REQUEST.members.iter().zip(OPERATION_OPTIONS.iter().map(|o| o.name)) {
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

/// A parsed command.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
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

/// Text written for another shell than the bash (and zsh) this reads.
fn other_shell(at: &ErrorAt, index: usize, what: &str) -> CommandError {
    at.error(
        index,
        &format!("{what}; this reads bash and zsh commands"),
        Some("Paste the command's bash form (the playground shows it), or the request as JSON or YAML."),
    )
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
/// The command's words, as bash splits them, and where a quote closes right before another opens
/// (`'It''s'`: bash joins the two parts, with no apostrophe; PowerShell writes one).
fn bash_words(chars: &[char]) -> Result<(Vec<Word>, Option<usize>), CommandError> {
    let at = ErrorAt { chars };
    let mut words = Vec::new();
    let mut doubled_quote = None;
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
                        let line = chars.get(..i).unwrap_or_default();
                        if line.iter().rev().find(|c| !c.is_whitespace()) == Some(&'^') {
                            return Err(other_shell(&at, i, "A ^ that ends a line continues a cmd.exe command"));
                        }
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
                    if get(i) == Some('\'') {
                        doubled_quote = doubled_quote.or(Some(close));
                    }
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
                '`' if chars
                    .get(i + 1..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|&&c| c != '\n')
                    .all(|c| c.is_whitespace()) =>
                {
                    return Err(other_shell(&at, i, "A backtick that ends a line continues a PowerShell command"));
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
    Ok((words, doubled_quote))
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

/// How an option takes its value: argparse's `action` and `nargs` for it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Takes {
    /// A flag (`store_true` or `store_false`).
    Nothing,
    /// One value: the next word, or the text after `=`.
    One,
    /// One value from a list (argparse's `choices`).
    OneOf(&'static [&'static str]),
    /// `--generate-cli-skeleton`: a value from the list when one follows, else `input`.
    Optional(&'static [&'static str]),
    /// `--version`: the CLI prints its version and exits.
    Version,
}

/// Which AWS CLI has an option.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cli {
    Both,
    V1,
    V2,
}

/// An option as the CLI's argument parsers know it.
struct CliOption {
    name: &'static str,
    takes: Takes,
    cli: Cli,
}

const fn option(name: &'static str, takes: Takes, cli: Cli) -> CliOption {
    CliOption { name, takes, cli }
}

/// The operation's options: the request's members in model order (render and parse find a
/// member's option by its place), then the ways to give the whole request.
static OPERATION_OPTIONS: [CliOption; 8] = [
    option("--source-id", Takes::One, Cli::Both),
    option("--destination-id", Takes::One, Cli::Both),
    option("--subtype", Takes::One, Cli::Both),
    option("--event", Takes::One, Cli::Both),
    option("--new-session-details", Takes::One, Cli::Both),
    option("--cli-input-json", Takes::One, Cli::Both),
    option("--cli-input-yaml", Takes::One, Cli::V2),
    option("--generate-cli-skeleton", Takes::Optional(&["input", "output", "yaml-input"]), Cli::Both),
];

/// The global options, which the CLI's main parser takes first, wherever they stand: both CLIs'
/// (v1's in its order, then v2's own), and `--version` last, where argparse keeps it (the main
/// parser adds it a second time, replacing the first). The order shows in "ambiguous option".
static GLOBAL_OPTIONS: [CliOption; 19] = [
    option("--debug", Takes::Nothing, Cli::Both),
    option("--endpoint-url", Takes::One, Cli::Both),
    option("--no-verify-ssl", Takes::Nothing, Cli::Both),
    option("--no-paginate", Takes::Nothing, Cli::Both),
    option("--output", Takes::OneOf(&["json", "text", "table", "yaml", "yaml-stream"]), Cli::Both),
    option("--query", Takes::One, Cli::Both),
    option("--profile", Takes::One, Cli::Both),
    option("--region", Takes::One, Cli::Both),
    option("--color", Takes::OneOf(&["on", "off", "auto"]), Cli::Both),
    option("--no-sign-request", Takes::Nothing, Cli::Both),
    option("--ca-bundle", Takes::One, Cli::Both),
    option("--cli-read-timeout", Takes::One, Cli::Both),
    option("--cli-connect-timeout", Takes::One, Cli::Both),
    option("--v2-debug", Takes::Nothing, Cli::V1),
    option("--cli-binary-format", Takes::OneOf(&["base64", "raw-in-base64-out"]), Cli::V2),
    option("--no-cli-pager", Takes::Nothing, Cli::V2),
    option("--cli-auto-prompt", Takes::Nothing, Cli::V2),
    option("--no-cli-auto-prompt", Takes::Nothing, Cli::V2),
    option("--version", Takes::Version, Cli::Both),
];

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

/// How one of the CLI's argument parsers sees a word (argparse's `_parse_optional`).
#[derive(Clone, Copy)]
enum Class {
    /// A value, or a word that is not an option: a negative number, a word with a space.
    Positional,
    /// The first `--`: every word after it is positional.
    EndOfOptions,
    /// One of the parser's options, named in full or by a unique beginning; `attached` is the byte
    /// index of the `=` that attaches its value.
    Known { spec: &'static CliOption, abbreviated: bool, attached: Option<usize> },
    /// An option this parser does not know: it is left for the next parser.
    Unknown,
}

/// argparse's reading of one word against `table`; `Err` lists the options an abbreviation could be.
fn classify(word: &str, table: &'static [CliOption]) -> Result<Class, String> {
    if word == "--" {
        return Ok(Class::EndOfOptions);
    }
    let Some(rest) = word.strip_prefix('-').filter(|rest| !rest.is_empty()) else {
        return Ok(Class::Positional);
    };
    let attached = word.find('=');
    let name = attached.map_or(word, |eq| &word[..eq]);
    let (mut found, mut count, mut could_be) = (None, 0, String::new());
    for spec in table {
        // The whole word, or the part before `=`, names the option: argparse looks no further.
        if spec.name == word || attached.is_some() && spec.name == name {
            return Ok(Class::Known { spec, abbreviated: false, attached });
        }
        if word.starts_with("--") && spec.name.starts_with(name) {
            if count > 0 {
                could_be.push_str(", ");
            }
            (found, count) = (Some(spec), count + 1);
            could_be.push_str(spec.name);
        }
    }
    match found {
        Some(spec) if count == 1 => return Ok(Class::Known { spec, abbreviated: true, attached }),
        Some(_) => return Err(could_be),
        None => {}
    }
    // argparse's negative numbers, `^-\d+$|^-\d*\.\d+$`, are values.
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let negative_number = match rest.split_once('.') {
        None => digits(rest),
        Some((whole, fraction)) => digits(whole) && !fraction.is_empty() && digits(fraction),
    };
    Ok(if negative_number || word.contains(' ') { Class::Positional } else { Class::Unknown })
}

/// An option one of the CLI's parsers took.
struct Taken<'w> {
    spec: &'static CliOption,
    /// The word that named it.
    word: &'w Word,
    abbreviated: bool,
    /// Its value: the text, where it starts in the command, and whether positions inside it map
    /// onto the command's text one to one.
    value: Option<(String, usize, bool)>,
}

/// What one of the CLI's parsers did with the words.
struct Pass<'w> {
    /// The options it took, in order.
    taken: Vec<Taken<'w>>,
    /// The words it left to the next parser, each with how this one saw it.
    left: Vec<(&'w Word, Class)>,
}

impl Pass<'_> {
    /// The value of the last of these options given, as argparse keeps it.
    fn last(&self, name: &str) -> Option<&Taken<'_>> {
        self.taken.iter().rev().find(|t| t.spec.name == name)
    }
}

/// One argparse `parse_known_args` over `words` with the options of `table`.
#[allow(clippy::result_large_err)]
fn parse_known<'w>(words: &[&'w Word], table: &'static [CliOption], at: &ErrorAt) -> Result<Pass<'w>, CommandError> {
    // argparse reads every word before it takes any: an ambiguous option is its first error.
    let mut classes = Vec::with_capacity(words.len());
    let mut ended = false;
    for word in words {
        let class = if ended {
            Class::Positional
        } else {
            classify(&word.text, table).map_err(|could_be| {
                at.error(
                    word.start,
                    &format!("ambiguous option: {} could match {could_be}", word.text),
                    Some("The CLI takes the beginning of an option's name when only one option starts so: write the name in full."),
                )
            })?
        };
        ended |= matches!(class, Class::EndOfOptions);
        classes.push(class);
    }
    let mut pass = Pass { taken: Vec::new(), left: Vec::new() };
    let mut i = 0;
    while let (Some(&word), Some(&class)) = (words.get(i), classes.get(i)) {
        i += 1;
        let Class::Known { spec, abbreviated, attached } = class else {
            pass.left.push((word, class));
            continue;
        };
        let name = spec.name;
        let value = match (spec.takes, attached) {
            (Takes::Nothing | Takes::Version, Some(eq)) => {
                let message = format!("argument {name}: ignored explicit argument '{}'", &word.text[eq + 1..]);
                return Err(at.option_error(
                    word.start,
                    name,
                    &message,
                    Some("The option is a flag: it takes no value."),
                ));
            }
            (Takes::Version, None) => {
                return Err(at.option_error(
                    word.start,
                    name,
                    "--version: the CLI prints its version and exits, and sends nothing",
                    Some("Leave --version out to send the request."),
                ));
            }
            (Takes::Nothing, None) => None,
            (_, Some(eq)) => {
                Some((word.text[eq + 1..].to_string(), word.start + word.text[..=eq].chars().count(), word.verbatim))
            }
            // The next word, unless it is an option or `--` (argparse takes neither as a value).
            (takes, None) => match (words.get(i), classes.get(i)) {
                (Some(value), Some(Class::Positional)) => {
                    i += 1;
                    Some((value.text.clone(), value.start, value.verbatim))
                }
                _ if matches!(takes, Takes::Optional(_)) => None,
                (next, _) => {
                    return Err(at.option_error(
                        next.map_or(at.chars.len(), |w| w.start),
                        name,
                        &format!("argument {name}: expected one argument"),
                        Some(&format!(
                            "Give {name} a value. A value starting with - must be attached with =, as in {name}=-abc."
                        )),
                    ));
                }
            },
        };
        if let (Takes::OneOf(choices) | Takes::Optional(choices), Some((text, start, _))) = (spec.takes, &value) {
            if !choices.contains(&text.as_str()) {
                return Err(at.option_error(
                    *start,
                    name,
                    &format!("argument {name}: Invalid choice, valid choices are: {}", choices.join(", ")),
                    Some(&format!("'{text}' is not one of them.")),
                ));
            }
        }
        pass.taken.push(Taken { spec, word, abbreviated, value });
    }
    Ok(pass)
}

/// The option's name as typed, without an attached `=value`.
fn typed_name(word: &Word) -> &str {
    word.text.split('=').next().unwrap_or_default()
}

/// Python's `int(text)` accepts it: blanks around, a sign, digits that single `_` may separate.
fn is_python_int(text: &str) -> bool {
    let digits = text.trim().as_bytes();
    let digits = match digits.first() {
        Some(b'+' | b'-') => &digits[1..],
        _ => digits,
    };
    let mut after_digit = false;
    for &b in digits {
        match b {
            b'0'..=b'9' => after_digit = true,
            b'_' if after_digit => after_digit = false,
            _ => return false,
        }
    }
    after_digit
}

/// Python's `urlparse` finds a scheme in an `--endpoint-url`: after blanks and control characters,
/// a letter, then letters, digits, `+`, `-` or `.`, then `:`.
fn has_url_scheme(url: &str) -> bool {
    let url = url.as_bytes();
    let mut i = url.iter().position(|&b| b > b' ').unwrap_or(url.len());
    let start = i;
    while url.get(i).is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')) {
        i += 1;
    }
    url.get(start).is_some_and(u8::is_ascii_alphabetic) && url.get(i) == Some(&b':')
}

/// Parses a pasted command (bash syntax) into the request, as the AWS CLI would read it. The
/// `aws connect send-chat-integration-event` prefix is optional.
///
/// The steps and their order are the CLI's, so that the first problem reported is the one the CLI
/// would stop at: its main parser takes the global options (argparse: wherever they stand, by a
/// unique beginning of the name too), then checks their values; the service and operation words
/// follow; the operation's parser takes its options; then come the required options, the words no
/// parser took ("Unknown options"), each member's value in model order, and `--cli-input-json`.
/// Two differences keep what was pasted useful: a missing required option is a warning when nothing
/// else is wrong (the CLI stops), and where `aws` is not pasted, the service and operation words
/// may be left out. What the CLI checks only when it makes its client (the endpoint's host name,
/// the profile, the `--query` expression) is not checked here.
///
/// ```
/// use chat_event_core::cli::command::parse;
/// let parsed = parse("aws connect send-chat-integration-event --source-id=+1555 \\\n  --destination-id d --event 'Type=MESSAGE,Content=\"Hi, you\"'").unwrap();
/// let request = parsed.request.unwrap();
/// assert_eq!(request.event.unwrap().content.as_deref(), Some("Hi, you"));
/// let unquoted = parse("--source-id +1555 --destination-id d --event Type=MESSAGE,Content=Hi, you").unwrap_err();
/// assert_eq!(unquoted.message, "Unknown options: you");
/// ```
#[allow(clippy::result_large_err)]
pub fn parse(text: &str) -> Result<ParsedCommand, CommandError> {
    let chars: Vec<char> = text.chars().collect();
    let at = ErrorAt { chars: &chars };
    let (all, doubled_quote) = bash_words(&chars)?;
    // A pasted prompt, then the program.
    let mut skip = usize::from(all.first().is_some_and(|w| w.text == "$"));
    let aws = all.get(skip).is_some_and(|w| w.text == "aws");
    skip += usize::from(aws);
    let mut words: Vec<&Word> = Vec::new();
    for word in all.iter().skip(skip) {
        words.push(word);
    }

    // The main parser takes the global options; then awscli checks their values.
    let globals = parse_known(&words, &GLOBAL_OPTIONS, &at)?;
    let mut global_options: Vec<GlobalOption> = Vec::new();
    for t in &globals.taken {
        global_options.retain(|g| g.name != t.spec.name);
        global_options
            .push(GlobalOption { name: t.spec.name.to_string(), value: t.value.as_ref().map(|v| v.0.clone()) });
    }
    for name in ["--endpoint-url", "--cli-read-timeout", "--cli-connect-timeout"] {
        let Some(Taken { value: Some((value, start, _)), .. }) = globals.last(name) else { continue };
        let message = if name == "--endpoint-url" {
            if has_url_scheme(value) {
                continue;
            }
            format!(
                "Bad value for --endpoint-url \"{value}\": scheme is missing.  Must be of the form http://<hostname>/ \
                 or https://<hostname>/"
            )
        } else if is_python_int(value) {
            continue;
        } else {
            format!("invalid literal for int() with base 10: '{value}'")
        };
        return Err(at.option_error(*start, name, &message, None));
    }

    // The service and the operation: the first two words no option took. Without `aws`, a pasted
    // fragment may leave out both, or the service.
    const BOTH: [(&str, &str); 2] = [(SERVICE, "command"), (OPERATION, "operation")];
    let first = globals.left.iter().find(|(_, class)| matches!(class, Class::Positional));
    let mut expected = match first.map(|(w, _)| w.text.as_str()) {
        _ if aws => &BOTH[..],
        Some(SERVICE) => &BOTH[..],
        Some(OPERATION) => &BOTH[1..],
        _ => &[],
    }
    .iter();
    let mut words: Vec<&Word> = Vec::new();
    for &(word, class) in &globals.left {
        if let (Class::Positional, Some(&(want, argument))) = (class, expected.clone().next()) {
            expected.next();
            if word.text != want {
                return Err(at.error(
                    word.start,
                    &format!("argument {argument}: Invalid choice, valid choices are: {want} (among others)"),
                    Some(&format!(
                        "'{}' stands where the CLI expects {want}: the command is `aws connect \
                         send-chat-integration-event` and its options.",
                        word.text
                    )),
                ));
            }
            continue;
        }
        words.push(word);
    }
    if let Some(&(_, argument)) = expected.next() {
        return Err(at.error(
            chars.len(),
            &format!("the following arguments are required: {argument}"),
            Some("The command is `aws connect send-chat-integration-event` and its options."),
        ));
    }

    // The operation's parser.
    let operation = parse_known(&words, &OPERATION_OPTIONS, &at)?;
    let mut warnings = Vec::new();
    if let Some(index) = doubled_quote {
        warnings.push(CommandWarning {
            option: None,
            message: "'' here joins two single-quoted parts, with no apostrophe between them, as bash reads it. In \
                      PowerShell it is one apostrophe: if the command is PowerShell's, paste its bash form, where an \
                      apostrophe is '\\''."
                .into(),
            index,
        });
    }
    notes(&globals, &GLOBAL_OPTIONS, &mut warnings);
    notes(&operation, &OPERATION_OPTIONS, &mut warnings);

    // The required options, unless the exact word --cli-input-json, --cli-input-yaml or
    // --generate-cli-skeleton (not followed by output) is in the argument list, as awscli looks.
    let mut relaxed = false;
    for (k, w) in words.iter().enumerate() {
        relaxed |= matches!(w.text.as_str(), "--cli-input-json" | "--cli-input-yaml")
            || w.text == "--generate-cli-skeleton" && words.get(k + 1).is_none_or(|next| next.text != "output");
    }
    let mut missing = String::new();
    for (member, spec) in REQUEST.members.iter().zip(&OPERATION_OPTIONS) {
        if member.required && operation.last(spec.name).is_none() {
            if !missing.is_empty() {
                missing.push_str(", ");
            }
            missing.push_str(spec.name);
        }
    }
    // The CLI stops there. Here that is a warning when nothing else is wrong, so that a pasted
    // fragment still fills the form; with a later error, it is the error, as the CLI reports it first.
    let required = (!relaxed && !missing.is_empty()).then(|| {
        let mut hint = format!("Give {missing}, or the whole request with --cli-input-json.");
        for t in globals.taken.iter().chain(&operation.taken).filter(|t| t.abbreviated) {
            hint.push_str(&format!(" {} is read as {}.", typed_name(t.word), t.spec.name));
        }
        at.error(chars.len(), &format!("the following arguments are required: {missing}"), Some(&hint))
    });
    let (params, diagnostics) = match (read_values(&at, &operation, &mut warnings), required) {
        (Ok(read), None) => read,
        (Ok(read), Some(required)) => {
            warnings.push(CommandWarning { option: None, message: required.message, index: required.index });
            read
        }
        (Err(e), None) => return Err(e),
        (Err(e), Some(required)) => return Err(first_then(required, e)),
    };
    let skeleton = operation
        .last("--generate-cli-skeleton")
        .map(|t| t.value.as_ref().map_or("input", |v| v.0.as_str()).to_string());
    let request = crate::json::read::read(&params).ok();
    Ok(ParsedCommand { params, request, diagnostics, global_options, warnings, generate_cli_skeleton: skeleton })
}

/// What to tell about the options a parser took, once per option however often a pasted text
/// repeats it: one CLI's own option, an option given more than once, a shortened name.
fn notes(pass: &Pass, table: &'static [CliOption], warnings: &mut Vec<CommandWarning>) {
    for spec in table {
        let name = spec.name;
        let mut uses = pass.taken.iter().filter(|t| std::ptr::eq(t.spec, spec));
        let Some(first) = uses.next() else { continue };
        let mut note = |word: &Word, message: String| {
            warnings.push(CommandWarning { option: Some(name.to_string()), message, index: word.start })
        };
        let only = match spec.cli {
            Cli::Both => None,
            Cli::V1 => Some(("v1", "v2")),
            Cli::V2 => Some(("v2", "v1")),
        };
        if let Some((only, other)) = only {
            note(
                first.word,
                format!("{name} exists only in AWS CLI {only}; {other} stops with \"Unknown options: {name}\"."),
            );
        }
        if let (Some(again), false) = (uses.next(), spec.takes == Takes::Nothing) {
            note(again.word, format!("{name} is given more than once; the CLI keeps the last value."));
        }
        if let Some(short) = pass.taken.iter().find(|t| std::ptr::eq(t.spec, spec) && t.abbreviated) {
            note(
                short.word,
                format!(
                    "{} is read as {name}: the CLI takes a unique beginning of an option's name; the whole name \
                     stays unambiguous when the CLI gains options.",
                    typed_name(short.word)
                ),
            );
        }
    }
}

/// The error the CLI stops at first, with the next one it would find said in its hint.
fn first_then(mut first: CommandError, next: CommandError) -> CommandError {
    let line = next.message.lines().next().unwrap_or_default();
    let hint = first.hint.get_or_insert_default();
    hint.push_str(" After that the CLI would stop at: ");
    hint.push_str(line.strip_suffix(" for input:").unwrap_or(line));
    if let Some(suggestion) = &next.suggestion {
        hint.push_str(" (did you mean ");
        hint.push_str(suggestion);
        hint.push_str("?)");
    }
    (first.suggestion, first.valid_options) = (next.suggestion, next.valid_options);
    first
}

/// The CLI's steps after the required options: the words no parser took, each option's value in
/// the operation's table order (the members in model order, then `--cli-input-json` and
/// `--cli-input-yaml`).
#[allow(clippy::result_large_err)]
fn read_values(
    at: &ErrorAt,
    operation: &Pass,
    warnings: &mut Vec<CommandWarning>,
) -> Result<(Value, Vec<Diagnostic>), CommandError> {
    // The operation's `help` positional takes the first word no option took; awscli lists the
    // others, then that one.
    let mut unknown = String::new();
    let (mut first, mut typo, mut help) = (None::<&Word>, None::<&Word>, None::<&Word>);
    for &(word, class) in &operation.left {
        match class {
            Class::EndOfOptions => continue,
            Class::Positional if help.is_none() => help = Some(word),
            _ => {
                if !unknown.is_empty() {
                    unknown.push_str(", ");
                }
                unknown.push_str(&word.text);
                if word.text.starts_with("--") && typo.is_none() {
                    typo = Some(word);
                }
            }
        }
        first = first.or(Some(word));
    }
    if let Some(word) = help {
        if word.text == "help" {
            return Err(at.error(
                word.start,
                "help: the CLI shows this command's help page instead of sending the request",
                Some("Leave out the word help, or quote it if it belongs to the value before it."),
            ));
        }
        if !unknown.is_empty() {
            unknown.push_str(", ");
        }
        unknown.push_str(&word.text);
    }
    if let Some(first) = first {
        let message = format!("Unknown options: {unknown}");
        let Some(typo) = typo else {
            let hint = format!(
                "No option takes '{}': after an option's value comes the next --option. If it belongs to the value \
                 before it, quote that whole value, since the shell splits unquoted text at spaces.",
                first.text
            );
            return Err(at.error(first.start, &message, Some(&hint)));
        };
        let typed = typed_name(typo);
        let mut e = at.option_error(typo.start, typed, &message, None);
        let mut best = (usize::MAX, "");
        for spec in OPERATION_OPTIONS.iter().chain(&GLOBAL_OPTIONS) {
            let distance = edit_distance(spec.name, typed);
            if distance < best.0 {
                best = (distance, spec.name);
            }
            e.valid_options.push(spec.name.to_string());
        }
        e.hint = Some(format!("Did you mean {}? Valid options: {}.", best.1, e.valid_options.join(", ")));
        e.suggestion = Some(best.1.to_string());
        return Err(e);
    }

    let mut ordered = serde_json::Map::new();
    let mut diagnostics = Vec::new();
    for (index, spec) in OPERATION_OPTIONS.iter().enumerate() {
        let name = spec.name;
        let Some(Taken { value: Some((value, start, verbatim)), .. }) = operation.last(name) else { continue };
        if value.starts_with("file://") || value.starts_with("fileb://") {
            return Err(at.option_error(
                *start,
                name,
                &format!("{name} refers to a file ({value}): paste the file's content instead"),
                Some("The AWS CLI would read that file from your disk, which cannot be done here."),
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
                    index: *start,
                });
            }
        }
        // The members' options lead the table, in model order; the whole-request inputs come below.
        let Some(member) = REQUEST.members.get(index) else { continue };
        let parsed = match member.shape {
            Shape::Structure(s) => match parse_structure(value, s, member.name) {
                Ok(p) => {
                    diagnostics.extend(p.diagnostics);
                    p.value
                }
                Err(StructureError::Shorthand(e)) => {
                    let index = if *verbatim { start + e.index } else { *start };
                    let mut err = at.parameter_error(index, name, &e.message, e.hint.as_deref());
                    err.shorthand = Some(Box::new(e));
                    return Err(err);
                }
                Err(StructureError::Json { message, hint, .. }) => {
                    return Err(at.parameter_error(*start, name, &message, Some(&hint)));
                }
            },
            _ => Value::String(value.clone()),
        };
        ordered.insert(member.name.to_string(), parsed);
    }
    // The CLI reads only the last of each --cli-input-* option; with both, JSON is applied first.
    for format in [InputFormat::Json, InputFormat::Yaml] {
        let name = format.option();
        let Some(Taken { value: Some((text, start, _)), .. }) = operation.last(name) else { continue };
        match cli_input::read(text, format) {
            Ok(document) => ordered = cli_input::merge(&ordered, &document),
            // The CLI names these two without their dashes here.
            Err(message) => {
                let message = format!("Error parsing parameter '{}': {message}", &name[2..]);
                return Err(at.option_error(*start, name, &message, None));
            }
        }
    }
    Ok((Value::Object(ordered), diagnostics))
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
    /// are the first of the operation's options; the others are not members.
    #[test]
    fn options_begin_with_the_members_in_model_order() {
        let members = REQUEST.members;
        for (index, member) in members.iter().enumerate() {
            let option = OPERATION_OPTIONS.get(index).map(|o| o.name);
            assert_eq!(option, Some(cli_name(member.name).as_str()), "member {}", member.name);
        }
        for option in &OPERATION_OPTIONS[members.len()..] {
            assert!(members.iter().all(|m| cli_name(m.name) != option.name), "{}", option.name);
        }
        assert_eq!(cli_name("NewSessionDetails"), "--new-session-details");
    }
}
