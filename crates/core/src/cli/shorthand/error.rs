//! Shorthand syntax errors: the CLI's own wording and caret, plus a plain-language hint.

use crate::json::ToJson;
use serde::Serialize;

/// What went wrong while parsing shorthand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ShorthandErrorKind {
    /// The CLI's `ShorthandParseSyntaxError`: `expected` is a character or a token name such as
    /// `<second>`; `received` is a character, `EOF` or `<none>`.
    Syntax { expected: String, received: String },
    /// The CLI's `DuplicateKeyInObjectError` (only at the top level; inside braces the last wins).
    #[serde(rename_all = "camelCase")]
    DuplicateKey { key: String },
    /// `key@=file://...`: the CLI would read a file; here there is no file to read.
    #[serde(rename_all = "camelCase")]
    FileReference { reference: String },
    /// Lists and maps nested deeper than `limit` levels (the top-level pairs are the first level).
    /// The CLI has no limit of its own short of Python's recursion limit; this one is JSON's.
    TooDeep { limit: usize },
}

/// A shorthand error, located in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct ShorthandError {
    pub kind: ShorthandErrorKind,
    /// 0-based position in Unicode scalar values (Python's string index, where the CLI's caret points).
    pub index: usize,
    /// 1-based line and column of `index` (column in characters).
    pub line: usize,
    pub column: usize,
    /// The CLI's message: `Expected: ',', received: '😀' for input:` then the input and a caret line.
    /// The CLI prints it after `Error parsing parameter '--event': `.
    pub message: String,
    /// A plain-language explanation and fix, for the common traps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl std::fmt::Display for ShorthandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\nHint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ShorthandError {}

impl ShorthandError {
    /// The message as `version` of the CLI prints it (version 2 moves the echoed input one column).
    pub fn message_in(&self, version: crate::cli::CliVersion) -> String {
        version.shorthand_message(&self.message)
    }

    pub(crate) fn new(input: &[char], kind: ShorthandErrorKind, index: usize) -> ShorthandError {
        let (line, column) = line_column(input, index);
        let mut message = String::new();
        match &kind {
            ShorthandErrorKind::Syntax { expected, received } => {
                for part in ["Expected: '", expected, "', received: '", received, "' for input:\n"] {
                    message.push_str(part);
                }
                error_location(input, index, &mut message);
            }
            ShorthandErrorKind::DuplicateKey { key } => {
                for part in ["Second instance of key \"", key, "\" encountered for input:\n"] {
                    message.push_str(part);
                }
                error_location(input, index, &mut message);
                message.push_str("\nThis is often because there is a preceding \",\" instead of a space.");
            }
            ShorthandErrorKind::TooDeep { limit } => {
                message = format!(
                    "Nesting deeper than {limit} levels of lists and maps is not supported (JSON has the same \
                     limit), for input:\n"
                );
                error_location(input, index, &mut message);
            }
            ShorthandErrorKind::FileReference { reference } => {
                for part in [
                    "\"",
                    reference,
                    "\" asks the AWS CLI to read a file from your disk, which cannot be done here: paste the \
                     file's content instead.",
                ] {
                    message.push_str(part);
                }
            }
        }
        let hint = hint(input, &kind, index);
        ShorthandError { kind, index, line, column, message, hint }
    }
}

/// The 1-based line and column (in characters) of position `index` in `input`; past the end, the
/// column keeps counting.
pub(crate) fn line_column(input: &[char], index: usize) -> (usize, usize) {
    let before = input.get(..index).unwrap_or(input);
    let line = 1 + before.iter().filter(|&&c| c == '\n').count();
    let column = index - before.iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1) + 1;
    (line, column)
}

/// The CLI's `_error_location`: the input up to the end of the error's line, a caret line, the rest.
fn error_location(input: &[char], index: usize, out: &mut String) {
    let index = index.min(input.len());
    let (before, after) = input.split_at(index);
    let line_start = before.iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
    let split = after.iter().position(|&c| c == '\n').map_or(input.len(), |p| index + p);
    let (consumed, remaining) = input.split_at(split);
    out.extend(consumed);
    out.push('\n');
    for _ in line_start..index {
        out.push(' ');
    }
    out.push('^');
    out.extend(remaining);
}

/// Plain-language hints for the traps people fall into, most specific first.
fn hint(input: &[char], kind: &ShorthandErrorKind, index: usize) -> Option<String> {
    let before = input.get(..index).unwrap_or(input);
    match kind {
        ShorthandErrorKind::FileReference { .. } => Some(
            "Open the file, copy its content and put it in place of the file:// reference, in double quotes \
             (or write the whole parameter as JSON)."
                .into(),
        ),
        ShorthandErrorKind::TooDeep { .. } => None,
        ShorthandErrorKind::DuplicateKey { key } => Some(format!(
            "\"{key}\" appears twice. Either a comma inside a value (for example in Content) made the text after \
             it look like a new key=value pair, or two options were run together. Escape a comma that belongs to \
             the text as \\, or put the whole value in double quotes: Content=\"Hello, world\"."
        )),
        ShorthandErrorKind::Syntax { expected, received } => {
            let received_char = {
                let mut chars = received.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            };
            if input.first().is_some_and(|c| c.is_whitespace())
                && before.iter().all(|c| c.is_whitespace() || super::parser::is_py_space(*c))
                || index > 0
                    && input.first().is_some_and(|c| c.is_whitespace())
                    && expected == "="
                    && !before.contains(&',')
            {
                return Some(
                    "The value starts with a space. Shorthand must start directly with a key (Type=...): remove \
                     the leading space."
                        .into(),
                );
            }
            if expected == "=" && before.contains(&',') {
                return Some(
                    "Shorthand read the text after a comma as the next key=value pair. Commas separate pairs, so a \
                     comma inside a value (for example in Content) must be escaped as \\, or the whole value put in \
                     double quotes: Content=\"Hello, world\"."
                        .into(),
                );
            }
            if let Some(c) = received_char {
                if c as u32 > 0xFFFF {
                    return Some(format!(
                        "'{c}' is an emoji or another character beyond U+FFFF, which shorthand does not accept \
                         in an unquoted value. Put the whole value in double quotes, for example \
                         Content=\"Thanks {c}\", or write the parameter as JSON."
                    ));
                }
                if c == '\'' || c == '"' {
                    return Some(format!(
                        "{} inside an unquoted value ends it: quotes count only at the very start of a value. \
                         Put the whole value in double quotes (an apostrophe is fine inside them: \
                         Content=\"It's here\"), or write the parameter as JSON.",
                        if c == '\'' { "An apostrophe (')" } else { "A double quote (\")" }
                    ));
                }
            }
            if expected == "<second>" && received == "<none>" {
                return Some(
                    "The value ends with a comma, so shorthand expects another list item. Remove the trailing \
                     comma, or if the comma is part of the text, escape it as \\, or quote the value."
                        .into(),
                );
            }
            if expected == "," && received == "EOF" && before.windows(2).any(|w| w == ['=', '}']) {
                return Some(
                    "Inside braces, the last value cannot be left empty: in {k=} the } is read as the value. \
                     Write an empty string as k=\"\"."
                        .into(),
                );
            }
            if expected == "=" {
                return Some(
                    "Shorthand is key=value pairs separated by commas, such as Type=MESSAGE,Content=Hi. Keys use \
                     only letters, digits and - _ . # / : and cannot be quoted."
                        .into(),
                );
            }
            if received.starts_with('<') && expected.contains("quoted") {
                return Some(
                    "A quoted value is missing its closing quote. Inside quotes, write the same quote as \\\" (or \
                     \\' in single quotes)."
                        .into(),
                );
            }
            None
        }
    }
}
