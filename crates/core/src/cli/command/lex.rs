//! The words bash makes of a pasted command (quotes, escapes, `$'…'`, line continuations), each
//! with where it started, and the errors for what bash would do differently (expansions, other shells).

use super::CommandError;
use crate::cli::shorthand::error::line_column;
use crate::cli::version::Refuser;

/// A word of the command after shell processing, with where it started.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) text: String,
    pub(super) start: usize,
    /// True when the word was written without any quoting or escapes, so positions inside it map
    /// one to one onto the command text.
    pub(super) verbatim: bool,
}

pub(super) struct ErrorAt<'a> {
    pub(super) chars: &'a [char],
}

impl ErrorAt<'_> {
    // One copy of the code for every error: the message and hint are borrowed, and copied here.
    pub(super) fn error(&self, index: usize, message: &str, hint: Option<&str>) -> CommandError {
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
            refused_by: None,
        }
    }

    /// An error about the value of `option`.
    pub(super) fn option_error(&self, index: usize, option: &str, message: &str, hint: Option<&str>) -> CommandError {
        let mut e = self.error(index, message, hint);
        e.option = Some(option.to_string());
        e
    }

    /// The CLI's error for a value it could not read: `Error parsing parameter '--event': ...`.
    pub(super) fn parameter_error(
        &self,
        index: usize,
        option: &str,
        message: &str,
        hint: Option<&str>,
    ) -> CommandError {
        self.option_error(index, option, &format!("Error parsing parameter '{option}': {message}"), hint)
            .by(Refuser::Cli)
    }
}

/// Text written for another shell than the bash (and zsh) this reads.
pub(super) fn other_shell(at: &ErrorAt, index: usize, what: &str) -> CommandError {
    at.error(
        index,
        &format!("{what}; this reads bash and zsh commands"),
        Some("Paste the command's bash form (the playground shows it), or the request as JSON or YAML."),
    )
}

pub(super) fn expansion_error(at: &ErrorAt, index: usize, what: &str) -> CommandError {
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
pub(super) fn bash_words(chars: &[char]) -> Result<(Vec<Word>, Option<usize>), CommandError> {
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
pub(super) fn ansi_c(chars: &[char], mut i: usize, out: &mut String) -> Option<usize> {
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
