//! The words bash or PowerShell makes of a pasted command (quotes, escapes, line continuations),
//! each with where it started, and the errors for what the shell would do instead of passing text
//! (expansions, operators, another shell's syntax).

use super::command_line::Sourced;
use super::which_shell::prompt;
use super::{CommandError, CommandWarning};
use crate::cli::shell::{Shell, POWERSHELL_DOUBLE_QUOTES, POWERSHELL_SINGLE_QUOTES};
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
            shell: None,
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

/// Text written for another shell, read as bash (and zsh) because that was asked for.
pub(super) fn other_shell(at: &ErrorAt, index: usize, what: &str) -> CommandError {
    at.error(
        index,
        &format!("{what}; it is read here as bash and zsh read it"),
        Some("Read it as that shell, or leave the shell to be detected."),
    )
}

/// An operator of the shell outside quotes.
pub(super) fn operator_error(at: &ErrorAt, index: usize, c: char) -> CommandError {
    let does = if "(){}".contains(c) { "start or end an expression" } else { "end or redirect the command" };
    at.error(
        index,
        &format!("'{c}' outside quotes would {does} in the shell"),
        Some("Put the value that contains it in single quotes."),
    )
}

/// At the line break `index` that ends the command: only blank lines, and comments where the shell
/// has them (`#`), may follow; anything else is a second command.
#[allow(clippy::result_large_err)]
pub(super) fn end_of_command(
    at: &ErrorAt,
    index: usize,
    continuation: char,
    comments: bool,
) -> Result<(), CommandError> {
    let mut in_comment = false;
    for &c in at.chars.get(index..).unwrap_or_default() {
        if c == '\n' {
            in_comment = false;
        } else if !in_comment && !c.is_whitespace() {
            if !(comments && c == '#') {
                let name = match continuation {
                    '`' => "a backtick",
                    '^' => "a caret",
                    _ => "a backslash",
                };
                return Err(at.error(
                    index,
                    &format!(
                        "The text holds more than one command (a line ends without a {continuation} continuation)"
                    ),
                    Some(&format!("End each line but the last with {name}, or paste one command.")),
                ));
            }
            in_comment = true;
        }
    }
    Ok(())
}

pub(super) fn expansion_error(at: &ErrorAt, index: usize, what: &str) -> CommandError {
    at.error(
        index,
        &format!("The command uses {what}, which the shell would replace before aws runs"),
        Some("Paste the command with the value written out, or put the text in single quotes to keep it literal."),
    )
}

/// What a command's words are before the program gets them: the words, what to warn of, and, for
/// PowerShell, what its stop-parsing token `--%` leaves as written for the program to split.
pub(super) type Lexed = (Vec<Word>, Vec<CommandWarning>, Vec<Sourced>);

/// `$` followed by `next` starts an expansion (a variable, `${…}`, `$(…)`, a special parameter).
fn expands(powershell: bool, next: Option<char>) -> bool {
    let special = if powershell { "_{(?^$:" } else { "_{(@*#?$!-" };
    next.is_some_and(|c| c.is_ascii_alphanumeric() || special.contains(c) || powershell && !c.is_ascii())
}

/// Splits the text of a command into words as bash (and zsh) or PowerShell do; the two differ in
/// their rules, not their shape, so one reader follows both, side by side:
///
/// | | bash | PowerShell |
/// | --- | --- | --- |
/// | escape outside quotes, and line continuation at the end of a line | `\` | `` ` `` |
/// | `'…'` | literal | literal, `''` is one quote |
/// | `"…"` | `\` escapes `$`, `` ` ``, `"`, `\` | `` ` `` escapes (`` `n ``…), `""` is one quote |
/// | quote marks | ASCII | ASCII and typographic |
/// | also | `$'…'`, `$"…"` | `--%`, the call operator `&` |
///
/// What the shell would do instead of passing text (expansions, operators, bash's brace lists,
/// PowerShell's expressions and arrays) is an error where it stands. For bash, a quote that closes
/// right before another opens (`'It''s'`: bash joins the two parts with no apostrophe, PowerShell
/// writes one) is warned of.
// A parse error is reported once per parse; its size does not matter.
#[allow(clippy::result_large_err)]
pub(super) fn words(chars: &[char], shell: Shell) -> Result<Lexed, CommandError> {
    let powershell = shell != Shell::Bash;
    let escape = if powershell { '`' } else { '\\' };
    let blank = |c: char| if powershell { c.is_whitespace() && c != '\n' && c != '\r' } else { c == ' ' || c == '\t' };
    let at = ErrorAt { chars };
    let get = |i: usize| chars.get(i).copied();
    let (mut words, mut warnings, mut rest) = (Vec::new(), Vec::new(), Vec::new());
    let mut i =
        if powershell { prompt(chars).filter(|&(shell, _)| shell != Shell::Cmd).map_or(0, |(_, end)| end) } else { 0 };
    loop {
        // Between words: blanks and line continuations.
        while let Some(c) = get(i) {
            if blank(c) {
                i += 1;
            } else if c == escape && get(i + 1) == Some('\n') {
                i += 2;
            } else if c == escape && get(i + 1) == Some('\r') && get(i + 2) == Some('\n') {
                i += 3;
            } else {
                break;
            }
        }
        let Some(c) = get(i) else { break };
        match c {
            '#' => {
                while get(i).is_some_and(|c| c != '\n') {
                    i += 1;
                }
                continue;
            }
            // Blank lines and comments before the command.
            '\n' | '\r' if words.is_empty() => {
                i += 1;
                continue;
            }
            '\n' | '\r' => {
                let line = chars.get(..i).unwrap_or_default();
                if !powershell
                    && line.iter().rev().find(|c| !c.is_whitespace()) == Some(&'^')
                    && end_of_command(&at, i, escape, true).is_err()
                {
                    return Err(other_shell(&at, i, "A ^ that ends a line continues a cmd.exe command"));
                }
                end_of_command(&at, i, escape, true)?;
                break;
            }
            // PowerShell's call operator, before the program only.
            '&' if powershell && words.is_empty() && get(i + 1).is_some_and(blank) => {
                i += 1;
                continue;
            }
            '@' | '<' | '>' | ',' if powershell => {
                let what = match c {
                    '@' => "'@' at the start of a word starts a PowerShell expression (splatting, an array or a hash table)",
                    ',' => "A comma at the start of a word makes a PowerShell array",
                    _ => "'<' or '>' at the start of a word redirects the command in PowerShell",
                };
                return Err(at.error(i, what, Some("Put the value in single quotes.")));
            }
            '-' if powershell
                && chars.get(i..i + 3) == Some(&['-', '-', '%'][..])
                && get(i + 3).is_none_or(char::is_whitespace) =>
            {
                // The stop-parsing token: the rest of the line, up to a line break or `|`, goes to
                // the program as it is written; only `%NAME%` is replaced.
                i += 3;
                while let Some(c) =
                    get(i).filter(|&c| c != '\n' && c != '|' && !(c == '\r' && get(i + 1) == Some('\n')))
                {
                    rest.push((c, i));
                    i += 1;
                }
                warnings.extend(super::cmd::percent_variables(&rest));
                if get(i) == Some('|') {
                    return Err(operator_error(&at, i, '|'));
                }
                if get(i).is_some() {
                    end_of_command(&at, i, escape, true)?;
                }
                break;
            }
            _ => {}
        }
        let start = i;
        let mut text = String::new();
        let mut verbatim = true;
        let (mut brace, mut brace_comma) = (false, false);
        while let Some(c) = get(i) {
            // Letters and digits are themselves in both shells, and most of a command.
            if c.is_ascii_alphanumeric() {
                text.push(c);
                i += 1;
                continue;
            }
            let quote = |marks: &[char]| if powershell { marks.contains(&c) } else { c == marks[0] };
            match c {
                '\n' => break,
                '\r' if powershell || get(i + 1) == Some('\n') => break,
                c if blank(c) => break,
                c if c == escape => {
                    // In PowerShell a line continuation ends the word; in bash it joins it.
                    if powershell && matches!(get(i + 1), Some('\n' | '\r') | None) {
                        break;
                    }
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
                _ if quote(&POWERSHELL_SINGLE_QUOTES) => {
                    verbatim = false;
                    i = single_quoted(&at, i, &mut text, powershell, &mut warnings)?;
                }
                _ if quote(&POWERSHELL_DOUBLE_QUOTES) => {
                    verbatim = false;
                    i = double_quoted(&at, i, &mut text, shell)?;
                }
                '$' if !powershell && get(i + 1) == Some('\'') => {
                    verbatim = false;
                    i = ansi_c(chars, i + 2, &mut text)
                        .ok_or_else(|| at.error(i, "A $'...' string is never closed", Some("Add the closing '.")))?;
                }
                '$' if !powershell && get(i + 1) == Some('"') => {
                    // $"..." is a translatable string; with no translation it is "...".
                    verbatim = false;
                    i += 1;
                }
                '$' if expands(powershell, get(i + 1)) => {
                    return Err(expansion_error(
                        &at,
                        i,
                        if powershell { "a PowerShell variable" } else { "$ expansion" },
                    ));
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
                ';' | '|' | '&' | '(' | ')' => return Err(operator_error(&at, i, c)),
                '<' | '>' if !powershell => return Err(operator_error(&at, i, c)),
                '{' | '}' if powershell => return Err(operator_error(&at, i, c)),
                ',' if powershell && get(i + 1).is_none_or(|n| n == ',' || n.is_whitespace()) => {
                    return Err(at.error(
                        i,
                        "A comma that ends a word, or two in a row, is PowerShell array syntax",
                        Some("Put the value in single quotes."),
                    ))
                }
                c => {
                    // bash's brace expansion: an unquoted {…,…}.
                    brace |= c == '{';
                    brace_comma |= c == ',' && brace;
                    if c == '}' && brace_comma && !powershell {
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
    Ok((words, warnings, rest))
}

/// Reads `'…'` from the quote at `open` into `text`; returns the index after the closing quote.
/// In PowerShell `''` inside is one quote; in bash a quote right after the closing one is warned of.
#[allow(clippy::result_large_err)]
fn single_quoted(
    at: &ErrorAt,
    open: usize,
    text: &mut String,
    powershell: bool,
    warnings: &mut Vec<CommandWarning>,
) -> Result<usize, CommandError> {
    let is_quote = |c: &char| if powershell { POWERSHELL_SINGLE_QUOTES.contains(c) } else { *c == '\'' };
    let mut i = open + 1;
    loop {
        let Some(c) = at.chars.get(i) else {
            let hint = if powershell {
                "In PowerShell an apostrophe inside single quotes is written twice: 'It''s me'."
            } else {
                "In the shell an apostrophe starts a quoted string. If it belongs to the text (It's), put the whole \
                 value in single quotes and write the apostrophe as '\\'': --event 'Type=MESSAGE,Content=\"It'\\''s me\"'."
            };
            return Err(at.error(open, "A single quote is never closed", Some(hint)));
        };
        i += 1;
        if !is_quote(c) {
            text.push(*c);
            continue;
        }
        match at.chars.get(i).filter(|c| is_quote(c)) {
            Some(&next) if powershell => {
                text.push(next);
                i += 1;
            }
            Some(_) if warnings.iter().all(|w| w.message != DOUBLED_QUOTE) => {
                warnings.push(CommandWarning { option: None, message: DOUBLED_QUOTE.into(), index: i - 1 });
                return Ok(i);
            }
            _ => return Ok(i),
        }
    }
}

const DOUBLED_QUOTE: &str = "'' here joins two single-quoted parts, with no apostrophe between them, as bash reads \
                             it. In PowerShell it is one apostrophe: if the command is PowerShell's, read it as \
                             PowerShell.";

/// Reads `"…"` from the quote at `open` into `text`; returns the index after the closing quote.
/// bash's `\` escapes `$`, `` ` ``, `"`, `\` and a line break (and is itself otherwise);
/// PowerShell's `` ` `` escapes any character, some as controls (`` `n ``), and `""` is one quote.
/// `` `e `` and `` `u{…} `` came with PowerShell 6: Windows PowerShell 5.1 reads them as letters.
#[allow(clippy::result_large_err)]
fn double_quoted(at: &ErrorAt, open: usize, text: &mut String, shell: Shell) -> Result<usize, CommandError> {
    let powershell = shell != Shell::Bash;
    let legacy = shell == Shell::PowerShell5;
    let get = |i: usize| at.chars.get(i).copied();
    let is_quote = |c: char| if powershell { POWERSHELL_DOUBLE_QUOTES.contains(&c) } else { c == '"' };
    let mut i = open + 1;
    loop {
        let Some(c) = get(i) else {
            return Err(at.error(open, "A double quote is never closed", Some("Add the closing \".")));
        };
        i += 1;
        match c {
            q if is_quote(q) => match get(i) {
                Some(next) if powershell && is_quote(next) => {
                    text.push(next);
                    i += 1;
                }
                _ => return Ok(i),
            },
            '\\' if !powershell => match get(i) {
                Some('\n') => i += 1,
                Some(e @ ('$' | '`' | '"' | '\\')) => {
                    text.push(e);
                    i += 1;
                }
                _ => text.push('\\'),
            },
            '`' if powershell => {
                let Some(e) = get(i) else { continue };
                i += 1;
                let escaped = match e {
                    '0' => '\0',
                    'a' => '\x07',
                    'b' => '\x08',
                    'f' => '\x0c',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'v' => '\x0b',
                    'e' if !legacy => '\x1b',
                    'u' if !legacy && get(i) == Some('{') => {
                        // One to six hexadecimal digits, then `}`.
                        let (mut code, mut digits) = (0u32, 0);
                        while let Some(d) = get(i + 1 + digits).and_then(|c| c.to_digit(16)).filter(|_| digits < 6) {
                            code = code * 16 + d;
                            digits += 1;
                        }
                        let closed = digits > 0 && get(i + 1 + digits) == Some('}');
                        let Some(c) = char::from_u32(code).filter(|_| closed) else {
                            let message =
                                "A `u{…} escape needs one to six hexadecimal digits of a Unicode character, then }";
                            return Err(at.error(i - 2, message, None));
                        };
                        i += digits + 2;
                        c
                    }
                    e => e,
                };
                text.push(escaped);
            }
            '`' => return Err(expansion_error(at, i - 1, "a backtick command substitution")),
            '$' if expands(powershell, get(i)) => {
                let what = if powershell {
                    "a PowerShell variable inside double quotes"
                } else {
                    "$ expansion inside double quotes"
                };
                return Err(expansion_error(at, i - 1, what));
            }
            c => text.push(c),
        }
    }
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
