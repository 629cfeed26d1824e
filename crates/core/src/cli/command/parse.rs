//! A pasted command read in the AWS CLI's own steps into the request, its diagnostics and warnings.

use serde_json::Value;

use super::lex::{ErrorAt, Word};
use super::options::{
    parse_known, typed_name, Class, Cli, CliOption, Pass, Taken, Takes, GLOBAL_OPTIONS, OPERATION_OPTIONS,
};
use super::which_shell::{program_words, reading};
use super::{CommandError, CommandWarning, GlobalOption, ParsedCommand, ShellReading, OPERATION, SERVICE};
use crate::cli::cli_input::{self, InputFormat};
use crate::cli::shell::Shell;
use crate::cli::shorthand::model::{parse_structure, StructureError};
use crate::cli::version::Refuser;
use crate::shape::{Shape, REQUEST};
use crate::validate::suggest::closest;
use crate::Diagnostic;

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

/// Why the CLI refuses an `--endpoint-url` before it sends anything, or `None` when it takes it.
/// The renderer warns with the same words.
pub(crate) fn endpoint_url_refused(value: &str) -> Option<String> {
    (!has_url_scheme(value)).then(|| {
        format!(
            "Bad value for --endpoint-url \"{value}\": scheme is missing.  Must be of the form http://<hostname>/ \
             or https://<hostname>/"
        )
    })
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

/// Parses a pasted command into the request, as the AWS CLI would read it, after the shell the
/// command is written for (detected: see [`parse_in`]). The `aws connect
/// send-chat-integration-event` prefix is optional.
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
    parse_in(text, None)
}

/// [`parse`], the command read as `shell` reads it, or as the shell it is written for when `None`
/// (see [`ShellReading`](super::ShellReading)): bash, PowerShell 7.3+, Windows PowerShell 5.1 or
/// cmd.exe. The result and the error both say which shell and why; [`arguments`](super::arguments)
/// gives what that shell hands `aws`.
///
/// ```
/// use chat_event_core::cli::command::parse_in;
/// use chat_event_core::cli::shell::Shell;
/// let text = "aws connect send-chat-integration-event --source-id +1555 --destination-id d `\n  --event 'Type=MESSAGE,Content=\"It''s me\"'";
/// let parsed = parse_in(text, None).unwrap();
/// assert_eq!(parsed.shell.shell, Shell::PowerShell7);
/// assert_eq!(parsed.request.unwrap().event.unwrap().content.as_deref(), Some("It's me"));
/// ```
#[allow(clippy::result_large_err)]
pub fn parse_in(text: &str, shell: Option<Shell>) -> Result<ParsedCommand, CommandError> {
    // Counted first, so that the list is allocated once: collected as it came, it was grown again
    // and again over a long message.
    let mut chars = Vec::with_capacity(text.chars().count());
    chars.extend(text.chars());
    let (reading, words) = reading(&chars, shell);
    let parsed = words.and_then(|(all, warnings)| {
        let skip = program_words(&all, reading.shell);
        parse_words(&chars, &all[skip..], skip > 0 && all[skip - 1].text != "$", warnings)
    });
    match parsed {
        Ok(mut parsed) => {
            parsed.shell = reading;
            Ok(parsed)
        }
        Err(mut e) => {
            e.shell = Some(Box::new(reading));
            Err(e)
        }
    }
}

/// The CLI's steps over the words after the program (`aws` tells whether it was written).
#[allow(clippy::result_large_err)]
fn parse_words(
    chars: &[char],
    all: &[Word],
    aws: bool,
    mut warnings: Vec<CommandWarning>,
) -> Result<ParsedCommand, CommandError> {
    let at = ErrorAt { chars };
    let words: Vec<&Word> = all.iter().collect();

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
            match endpoint_url_refused(value) {
                Some(message) => message,
                None => continue,
            }
        } else if is_python_int(value) {
            continue;
        } else {
            format!("invalid literal for int() with base 10: '{value}'")
        };
        return Err(at.option_error(*start, name, &message, None).by(Refuser::Cli));
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
                return Err(at
                    .error(
                        word.start,
                        &format!("argument {argument}: Invalid choice, valid choices are: {want} (among others)"),
                        Some(&format!(
                            "'{}' stands where the CLI expects {want}: the command is `aws connect \
                         send-chat-integration-event` and its options.",
                            word.text
                        )),
                    )
                    .by(Refuser::Argparse));
            }
            continue;
        }
        words.push(word);
    }
    if let Some(&(_, argument)) = expected.next() {
        return Err(at
            .error(
                chars.len(),
                &format!("the following arguments are required: {argument}"),
                Some("The command is `aws connect send-chat-integration-event` and its options."),
            )
            .by(Refuser::Argparse));
    }

    // The operation's parser.
    let operation = parse_known(&words, &OPERATION_OPTIONS, &at)?;
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
            .by(Refuser::Argparse)
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
    Ok(ParsedCommand {
        shell: ShellReading::default(),
        params,
        request,
        diagnostics,
        global_options,
        warnings,
        generate_cli_skeleton: skeleton,
    })
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
            return Err(at.error(first.start, &message, Some(&hint)).by(Refuser::Cli));
        };
        let typed = typed_name(typo);
        let mut e = at.option_error(typo.start, typed, &message, None).by(Refuser::Cli);
        let options = || OPERATION_OPTIONS.iter().chain(&GLOBAL_OPTIONS).map(|spec| spec.name);
        let best = closest(typed, options()).unwrap_or_default();
        e.valid_options = options().map(str::to_string).collect();
        e.hint = Some(format!("Did you mean {best}? Valid options: {}.", e.valid_options.join(", ")));
        e.suggestion = Some(best.to_string());
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
                return Err(at.option_error(*start, name, &message, None).by(Refuser::Cli));
            }
        }
    }
    Ok((Value::Object(ordered), diagnostics))
}
