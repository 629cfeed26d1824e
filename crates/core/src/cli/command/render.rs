//! A request as an `aws connect send-chat-integration-event` command for a shell.

use super::options::OPERATION_OPTIONS;
use super::{
    is_paramfile, InputForm, RenderNote, RenderOptions, RenderedCommand, RenderedFile, StructureStyle, OPERATION,
    SERVICE,
};
use crate::cli::cli_input::{self, InputFormat};
use crate::cli::shell::{quote, Shell};
use crate::cli::shorthand::model::generate_structure_explained;
use crate::shape::{Shape, REQUEST};
use crate::SendChatIntegrationEventRequest;

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
    if let Some(refused) = options.endpoint_url.as_deref().and_then(super::parse::endpoint_url_refused) {
        notes.push(note("--endpoint-url", None, "warning", format!("The AWS CLI stops here: {refused}.")));
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
