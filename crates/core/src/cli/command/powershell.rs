//! The arguments PowerShell gives a native program (`aws.exe`) for a pasted command, by Microsoft's
//! documented rules (about_Parsing, about_Quoting_Rules, about_Special_Characters). Its words are
//! read by [`words`] (beside bash's):
//! - in argument mode a word is an expandable string: `` ` `` takes the next character literally,
//!   `$name`, `${…}` and `$(…)` are expanded, and `'…'` and `"…"` parts join the word;
//! - in `'…'` nothing is special and `''` is one quote; in `"…"`, `""` and `` `" `` are a quote,
//!   `` `n `` and the other escapes are characters, and `$` expands; the typographic quotes count
//!   as quotes;
//! - `;`, `|`, `&`, `(`, `)`, `{` and `}` end the command or start an expression; `<`, `>`, `@`
//!   and `#` only at the start of a word (`#` starts a comment); a comma is part of the word for a
//!   native program, except first, last or doubled;
//! - `` ` `` at the end of a line continues the command; `--%` passes the rest of the line as it
//!   is written.
//!
//! PowerShell 7.3 and later pass the words exactly. Windows PowerShell 5.1 joins them into one
//! command line its own way ([`legacy_line`]), which `aws.exe` splits again.

use super::command_line::{legacy_line, split};
use super::lex::words;
use super::which_shell::Words;
use crate::cli::shell::Shell;

/// The arguments of the command in `chars`, as PowerShell 7.3+ passes them or as the program reads
/// Windows PowerShell 5.1's command line (`shell`). The program's name is the first of them.
#[allow(clippy::result_large_err)]
pub(super) fn powershell_words(chars: &[char], shell: Shell) -> Words {
    let (words, warnings, rest) = words(chars, shell)?;
    if shell == Shell::PowerShell7 && rest.is_empty() {
        return Ok((words, warnings));
    }
    // The program splits one command line: the arguments joined (the 7.3+ way loses nothing, so
    // they are kept as they are), then what `--%` left.
    let (mut kept, mut line) =
        if shell == Shell::PowerShell5 { (Vec::new(), legacy_line(&words)) } else { (words, Vec::new()) };
    if let Some(&(_, first)) = rest.first() {
        line.push((' ', first));
        line.extend(rest);
    }
    kept.extend(split(&line));
    Ok((kept, warnings))
}
