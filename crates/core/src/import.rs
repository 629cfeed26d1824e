//! Reading a pasted request whose format is not known in advance: an AWS CLI command, JSON or
//! YAML (`--cli-input-yaml`'s format). The format is detected from the text, the request is read
//! when it can be, and every problem comes back as a located [`Diagnostic`].

use serde::Serialize;
use serde_json::Value;

use crate::cli::command::{self, CommandOptions, ShellReading};
use crate::json::ToJson;
use crate::validate::codes::{self, Rule};
use crate::validate::{validate_json, validate_value};
use crate::{Diagnostic, SendChatIntegrationEventRequest};

/// The formats a pasted request may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToJson)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    Json,
    Yaml,
    /// An `aws connect send-chat-integration-event ...` command (for bash, PowerShell or cmd.exe),
    /// or only its options.
    Command,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Yaml => "YAML",
            Format::Command => "an AWS CLI command",
        }
    }
}

/// The format of pasted text: JSON when it starts with `{` or `[`; a command when it starts with
/// `aws` (`aws.exe`, or PowerShell's call operator `&`), a `--option` or a shell prompt; YAML
/// otherwise.
///
/// ```
/// use chat_event_core::import::{detect, Format};
/// assert_eq!(detect(" {\"SourceId\": \"x\"}"), Format::Json);
/// assert_eq!(detect("aws connect send-chat-integration-event --source-id x"), Format::Command);
/// assert_eq!(detect("SourceId: x\nEvent:\n  Type: DISCONNECT"), Format::Yaml);
/// ```
pub fn detect(text: &str) -> Format {
    let t = text.trim_start();
    let t = match command::prompt(t) {
        Some(end) => t.get(end..).unwrap_or_default().trim_start(),
        None => t.strip_prefix("$ ").unwrap_or(t),
    };
    // The program's word ends at a blank or a line continuation.
    let program = t.split(|c: char| c.is_whitespace() || "\\`^".contains(c)).next().unwrap_or_default();
    if t.starts_with('{') || t.starts_with('[') {
        Format::Json
    } else if t.starts_with("--")
        || program.eq_ignore_ascii_case("aws")
        || program.eq_ignore_ascii_case("aws.exe")
        || program == "&"
    {
        Format::Command
    } else {
        Format::Yaml
    }
}

/// What an import found.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub format: Format,
    /// The request, when the text holds one with the model's types (it may still break rules).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<SendChatIntegrationEventRequest>,
    /// Syntax errors (with line and column) and every validation problem.
    pub diagnostics: Vec<Diagnostic>,
    /// For a command: the shell it was read in, why, and what `aws` receives there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shell: Option<ShellReading>,
}

/// Why a text or a tree holds no request: the errors that explain it, located, and the reader's
/// own message (used only where no diagnostic says more).
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub message: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// A request from a JSON tree (what YAML text or a JavaScript value becomes). The tree must have
/// the model's shape as validation's raw check sees it, the types and members botocore checks: the
/// typed reader takes `null` as an absent member, where botocore (and validation) report a wrong
/// type. Otherwise the errors of that check, or else validation's errors, explain why.
///
/// The one reader of a whole request for every entry point that must refuse what is not one (the
/// npm package's `parseJson`, `parseYaml` and every function that takes a request object).
pub fn read_request(value: &Value) -> Result<SendChatIntegrationEventRequest, Unreadable> {
    let mut shape_errors = Vec::new();
    crate::validate::raw::check(value, &mut shape_errors);
    shape_errors.retain(Diagnostic::is_error);
    let message = match crate::json::read::read::<SendChatIntegrationEventRequest>(value) {
        Ok(request) if shape_errors.is_empty() => return Ok(request),
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    };
    let diagnostics = if shape_errors.is_empty() {
        validate_value(value).into_iter().filter(Diagnostic::is_error).collect()
    } else {
        shape_errors
    };
    Err(Unreadable { message, diagnostics })
}

/// [`read_request`] from JSON text: a syntax error is a `json-syntax` diagnostic with its line and
/// column.
pub fn read_request_json(text: &str) -> Result<SendChatIntegrationEventRequest, Unreadable> {
    // Text that is simply a request is read in one pass; only anything else needs the tree.
    if let Some(request) = crate::json::one_pass::read(text) {
        return Ok(request);
    }
    match crate::json::parse(text) {
        Ok(value) => read_request(&value),
        Err(e) => Err(Unreadable { message: crate::json::message(&e), diagnostics: validate_json(text) }),
    }
}

/// [`read_request`] from YAML text (`--cli-input-yaml`'s format): a syntax error is a
/// `yaml-syntax` diagnostic with its line and column.
pub fn read_request_yaml(text: &str) -> Result<SendChatIntegrationEventRequest, Unreadable> {
    match crate::yaml::from_str(text) {
        Ok(value) => read_request(&value),
        Err(e) => {
            Err(Unreadable { message: e.message.clone(), diagnostics: vec![crate::validate::syntax::yaml_syntax(&e)] })
        }
    }
}

/// A diagnostic of `rule` at a place in the text.
fn located(rule: Rule, message: String, line: usize, column: usize) -> Diagnostic {
    Diagnostic { line: Some(line), column: Some(column), ..rule.diagnostic("", message) }
}

/// 1-based line and column of a 0-based character index (at most the text's end, `len`), from the
/// character indices of the text's line breaks: found once for all warnings, since a pass over the
/// text per warning took quadratic time for a command with thousands of them.
fn line_column(breaks: &[usize], len: usize, index: usize) -> (usize, usize) {
    let index = index.min(len);
    let line = breaks.partition_point(|&b| b < index);
    let start = line.checked_sub(1).and_then(|i| breaks.get(i)).map_or(0, |b| b + 1);
    (line + 1, index - start + 1)
}

/// Detects the format of `text` and reads it; a command the AWS CLI refuses is said in CLI v2's words.
pub fn import(text: &str) -> Imported {
    import_in(text, CommandOptions::default())
}

/// [`import`], a command read as `options.shell` reads it (detected when `None`), and one the AWS
/// CLI refuses said in the words of `options.cli`.
pub fn import_in(text: &str, options: CommandOptions) -> Imported {
    match detect(text) {
        // Parsed once: what every entry point reads as a request (a list where its object belongs,
        // or a `null` member, is none), with every problem of the text.
        Format::Json => match crate::json::parse(text) {
            Ok(value) => Imported {
                format: Format::Json,
                request: read_request(&value).ok(),
                diagnostics: validate_value(&value),
                shell: None,
            },
            Err(_) => Imported { format: Format::Json, request: None, diagnostics: validate_json(text), shell: None },
        },
        Format::Yaml => match crate::yaml::from_str(text) {
            Err(e) => Imported {
                format: Format::Yaml,
                request: None,
                diagnostics: vec![crate::validate::syntax::yaml_syntax(&e)],
                shell: None,
            },
            Ok(value) => Imported {
                format: Format::Yaml,
                request: read_request(&value).ok(),
                diagnostics: validate_value(&value),
                shell: None,
            },
        },
        Format::Command => match command::parse_in(text, options.shell) {
            Err(e) => {
                // What the CLI prints (a shorthand error echoes the input with a caret under the
                // place), then the hint and the CLI's exit code on lines of their own.
                let refusal = e.refusal(options.cli);
                let mut message = refusal.as_ref().map_or_else(|| e.message.clone(), |r| r.text.clone());
                if let Some(hint) = &e.hint {
                    message.push_str("\nHint: ");
                    message.push_str(hint);
                }
                if let Some(r) = refusal {
                    message.push_str(&format!("\nExit code: {} ({}).", r.exit_code, r.version.label()));
                }
                Imported {
                    format: Format::Command,
                    request: None,
                    diagnostics: vec![located(codes::COMMAND_SYNTAX, message, e.line, e.column)],
                    shell: e.shell.map(|reading| *reading),
                }
            }
            Ok(parsed) => {
                // Validation's findings, but not those the command's own already say (the same path
                // and code): looked up in a sorted list, where a scan of the findings so far took
                // quadratic time for thousands of them. (Validation says each path and code once.)
                let mut said: Vec<(&str, &str)> =
                    parsed.diagnostics.iter().map(|d| (d.path.as_str(), d.code.as_str())).collect();
                said.sort_unstable();
                let mut diagnostics = parsed.diagnostics.clone();
                for d in validate_value(&parsed.params) {
                    if said.binary_search(&(d.path.as_str(), d.code.as_str())).is_err() {
                        diagnostics.push(d);
                    }
                }
                let breaks: Vec<usize> = text.chars().enumerate().filter(|&(_, c)| c == '\n').map(|(i, _)| i).collect();
                let len = text.chars().count();
                for w in &parsed.warnings {
                    let (line, column) = line_column(&breaks, len, w.index);
                    diagnostics.push(located(codes::COMMAND_WARNING, w.message.clone(), line, column));
                }
                Imported { format: Format::Command, request: parsed.request, diagnostics, shell: Some(parsed.shell) }
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::CliVersion;

    #[test]
    fn formats_are_detected_from_the_start_of_the_text() {
        let cases = [
            ("{}", Format::Json),
            ("  \n[1]", Format::Json),
            ("aws connect send-chat-integration-event", Format::Command),
            ("$ aws connect send-chat-integration-event", Format::Command),
            ("--source-id x --event Type=DISCONNECT", Format::Command),
            ("PS C:\\Users\\me> aws connect send-chat-integration-event", Format::Command),
            ("C:\\> AWS.EXE connect send-chat-integration-event", Format::Command),
            ("& aws connect send-chat-integration-event", Format::Command),
            ("aws`\n connect", Format::Command),
            ("aws^\n connect", Format::Command),
            ("awsome: yes", Format::Yaml),
            ("PS: yes", Format::Yaml),
            ("SourceId: x", Format::Yaml),
            ("", Format::Yaml),
        ];
        for (text, format) in cases {
            assert_eq!(detect(text), format, "{text:?}");
        }
    }

    #[test]
    fn each_format_reads_the_same_request() {
        let json = r#"{"SourceId":"+14155550123","DestinationId":"d","Event":{"Type":"MESSAGE","ContentType":"text/plain","Content":"Hi, you"}}"#;
        let yaml = "SourceId: '+14155550123'\nDestinationId: d\nEvent:\n  Type: MESSAGE\n  ContentType: text/plain\n  Content: Hi, you\n";
        let cmd = "aws connect send-chat-integration-event --source-id +14155550123 --destination-id d \\\n  --event 'Type=MESSAGE,ContentType=text/plain,Content=\"Hi, you\"'";
        let expected = SendChatIntegrationEventRequest::from_json(json).ok();
        assert!(expected.is_some());
        for (text, format) in [(json, Format::Json), (yaml, Format::Yaml), (cmd, Format::Command)] {
            let got = import(text);
            assert_eq!(got.format, format);
            assert_eq!(got.request, expected, "{format:?}");
        }
    }

    /// A pasted request is read as every entry point reads one (`read_request`): a `null` member is
    /// a wrong type, not an absent member, so the text holds no request, and says why.
    #[test]
    fn a_pasted_request_is_read_as_parse_json_reads_it() {
        for (text, format) in [(r#"{"SourceId": null}"#, Format::Json), ("SourceId: null\n", Format::Yaml)] {
            let got = import(text);
            assert_eq!((got.format, got.request.is_none()), (format, true), "{text}");
            assert!(got.diagnostics.iter().any(|d| d.code == "wrong-type" && d.path == "SourceId"), "{text}");
            assert!(read_request_json(r#"{"SourceId": null}"#).is_err());
        }
        assert_eq!(import("{}").request, Some(SendChatIntegrationEventRequest::default()));
    }

    #[test]
    fn syntax_errors_are_located() {
        let json = import("{\n  \"SourceId\": \"x\"\n  \"DestinationId\": \"y\"\n}");
        assert_eq!(json.diagnostics.first().and_then(|d| d.line), Some(3));
        let cmd = import("aws connect send-chat-integration-event --source-id x \\\n  --event 'Type=MESSAGE");
        let d = cmd.diagnostics.first().cloned().unwrap_or_else(|| panic!("no diagnostic"));
        assert_eq!((d.code.as_str(), d.line), ("command-syntax", Some(2)));
        assert!(cmd.request.is_none());
        let yaml = import("SourceId: [unclosed");
        assert_eq!(yaml.diagnostics.first().map(|d| d.code.as_str()), Some("yaml-syntax"));
    }

    /// A command the CLI refuses reads as that CLI prints it, with the hint and the exit code after.
    #[test]
    fn a_refused_command_is_said_in_the_words_of_each_cli() {
        let text = "aws connect send-chat-integration-event --source-id x --destination-id d --event 'Type'";
        let said = |cli| {
            let options = CommandOptions { cli, shell: None };
            import_in(text, options).diagnostics.first().map(|d| d.message.clone()).unwrap_or_default()
        };
        let v1 = said(CliVersion::V1);
        let v2 = said(CliVersion::V2);
        assert!(
            v1.starts_with(
                "Error parsing parameter '--event': Expected: '=', received: 'EOF' for input:\nType\n    ^\n"
            ),
            "{v1}"
        );
        assert!(v1.ends_with("\nExit code: 255 (AWS CLI version 1)."), "{v1}");
        assert!(
            v2.starts_with(
                "aws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--event': Expected: '=', \
                 received: 'EOF' for input:\n Type\n    ^\n"
            ),
            "{v2}"
        );
        assert!(v2.ends_with("\nExit code: 252 (AWS CLI version 2)."), "{v2}");
        assert_eq!(import(text), import_in(text, CommandOptions { cli: CliVersion::V2, shell: None }));
        // What bash would refuse first is said as before, with no exit code of the CLI.
        let shell = import("aws connect send-chat-integration-event --source-id 'x");
        let message = shell.diagnostics.first().map(|d| d.message.clone()).unwrap_or_default();
        assert!(message.starts_with("A single quote is never closed") && !message.contains("Exit code"), "{message}");
    }

    #[test]
    fn positions_count_characters_from_one() {
        let text = "ab\néé\n\nx";
        let breaks = [2, 5, 6];
        for (index, want) in
            [(0, (1, 1)), (2, (1, 3)), (3, (2, 1)), (5, (2, 3)), (6, (3, 1)), (7, (4, 1)), (8, (4, 2)), (99, (4, 2))]
        {
            assert_eq!(line_column(&breaks, text.chars().count(), index), want, "{index}");
        }
    }

    #[test]
    fn thousands_of_findings_are_each_said_once_and_located() {
        // A comma-list diagnostic per attribute and validation's wrong type for each (the same path
        // and code are said once), and one warning for the repeated option, at its second use.
        let attributes: Vec<String> = (0..10_000).map(|i| format!("k{i}=[a,b]")).collect();
        let text = format!(
            "--destination-id d --event Type=DISCONNECT {}\\\n--new-session-details 'Attributes={{{}}}' \\\n--source-id a",
            "--subtype s ".repeat(10_000),
            attributes.join(",")
        );
        let got = import(&text);
        let count = |code: &str| got.diagnostics.iter().filter(|d| d.code == code).count();
        let counts = [count("command-warning"), count("shorthand-comma-list"), count("wrong-type")];
        assert_eq!(counts, [1, 10_000, 10_000], "{:?}", got.diagnostics.first());
        let repeated = got.diagnostics.iter().find(|d| d.code == "command-warning").map(|d| (d.line, d.column));
        assert_eq!(repeated, Some((Some(1), Some(43 + 12 + 1))), "the second --subtype");
    }

    #[test]
    fn problems_in_a_readable_command_are_reported_at_their_paths() {
        let got =
            import("aws connect send-chat-integration-event --source-id x --destination-id d --event Type=message");
        assert!(got.request.is_some());
        assert!(got.diagnostics.iter().any(|d| d.path == "Event.Type" && d.code == "enum"));
    }
}
