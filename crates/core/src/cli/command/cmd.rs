//! The arguments `aws.exe` gets from a command pasted into `cmd.exe` (`cmd /?` and Microsoft's
//! command-line reference): cmd.exe reads the line, and the program's C runtime splits what it
//! passes on ([`split`]).
//! - every `"` switches quoting on or off, and stays in the line;
//! - outside quotes `^` takes the next character literally (and, at the end of a line, continues
//!   the command on the next), and `&`, `|`, `<` and `>` end or redirect the command;
//! - `%NAME%` is replaced by the variable NAME, even inside quotes, when one is set: the text is
//!   read as written, with a warning;
//! - a line break ends the command, inside quotes too.

use super::command_line::{split, Sourced};
use super::lex::{end_of_command, operator_error, ErrorAt};
use super::which_shell::{prompt, Words};
use super::CommandWarning;
use crate::cli::shell::Shell;

/// The first `%NAME%` in `line`, as a warning: cmd.exe (and PowerShell after `--%`) replaces it
/// when a variable NAME is set.
pub(super) fn percent_variables(line: &[Sourced]) -> Option<CommandWarning> {
    let mut open: Option<usize> = None;
    for (k, &(c, _)) in line.iter().enumerate() {
        if c != '%' {
            continue;
        }
        match open {
            Some(o) if k > o + 1 => {
                return Some(CommandWarning {
                    option: None,
                    message: "A %NAME% here is read as written; cmd.exe replaces it with the variable NAME when one \
                              is set"
                        .into(),
                    index: line[o].1,
                })
            }
            _ => open = Some(k),
        }
    }
    None
}

/// The arguments of the command in `chars`, as `aws.exe` reads what cmd.exe passes it; the
/// program's name is the first of them.
#[allow(clippy::result_large_err)]
pub(super) fn cmd_words(chars: &[char]) -> Words {
    let at = ErrorAt { chars };
    let get = |i: usize| chars.get(i).copied();
    let mut line: Vec<Sourced> = Vec::new();
    // Whether the line holds more than blanks yet: line breaks before that are blank lines.
    let mut started = false;
    let mut quoted = false;
    let mut i = prompt(chars).filter(|&(shell, _)| shell == Shell::Cmd).map_or(0, |(_, end)| end);
    while let Some(c) = get(i) {
        match c {
            '\n' | '\r' if !started => {}
            '\n' | '\r' => {
                end_of_command(&at, i, '^', false)?;
                break;
            }
            '"' => {
                quoted = !quoted;
                line.push((c, i));
            }
            '^' if !quoted => match get(i + 1) {
                Some('\n') => i += 1,
                Some('\r') if get(i + 2) == Some('\n') => i += 2,
                Some(e) => {
                    line.push((e, i + 1));
                    i += 1;
                }
                None => {}
            },
            '&' | '|' | '<' | '>' if !quoted => return Err(operator_error(&at, i, c)),
            c => line.push((c, i)),
        }
        // At most one character is added a turn, so the last one tells.
        started |= line.last().is_some_and(|&(c, _)| !c.is_whitespace());
        i += 1;
    }
    let warnings = percent_variables(&line).into_iter().collect();
    Ok((split(&line), warnings))
}
