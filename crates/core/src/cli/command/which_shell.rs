//! Which shell a pasted command is written for, and the arguments each shell gives `aws`.
//!
//! A command does not say its shell, but most say it in passing: a prompt, a line continuation,
//! an idiom only one shell needs. The first of these decides, in that order; with none, bash is
//! assumed (what most documentation writes). The reading says why; [`arguments`] gives what a shell
//! hands `aws`, and [`same_arguments`] which other shells would hand it the same, so that a person
//! can tell when the choice matters.

use serde::Serialize;

use super::lex::{words, Word};
use super::{cmd, powershell, CommandError, CommandWarning};
use crate::cli::shell::Shell;
use crate::cli::shorthand::error::line_column;
use crate::json::ToJson;

/// The shell a command was read in, and why.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ShellReading {
    pub shell: Shell,
    /// Why this shell: chosen, or what in the text belongs to it (a sentence).
    pub reason: String,
}

/// The words `shell` makes of the text, the program's name among them, and what to warn of.
pub(super) type Words = Result<(Vec<Word>, Vec<CommandWarning>), CommandError>;

#[allow(clippy::result_large_err)]
fn words_in(chars: &[char], shell: Shell) -> Words {
    match shell {
        Shell::Bash => words(chars, shell).map(|(words, warnings, _)| (words, warnings)),
        Shell::PowerShell7 | Shell::PowerShell5 => powershell::powershell_words(chars, shell),
        Shell::Cmd => cmd::cmd_words(chars),
    }
}

/// The number of leading words that are a prompt (`$`) or the program (`aws`; on Windows also
/// `aws.exe`, in any case).
pub(super) fn program_words(words: &[Word], shell: Shell) -> usize {
    let prompt = usize::from(shell == Shell::Bash && words.first().is_some_and(|w| w.text == "$"));
    let is_aws = |w: &Word| match shell {
        Shell::Bash => w.text == "aws",
        _ => w.text.eq_ignore_ascii_case("aws") || w.text.eq_ignore_ascii_case("aws.exe"),
    };
    prompt + usize::from(words.get(prompt).is_some_and(is_aws))
}

/// The arguments after the program in `words`.
fn after_program(words: Vec<Word>, shell: Shell) -> Vec<String> {
    let skip = program_words(&words, shell);
    words.into_iter().skip(skip).map(|w| w.text).collect()
}

/// The reading of `chars` in `shell` (assumed when `None`), and the words it makes.
pub(super) fn reading(chars: &[char], shell: Option<Shell>) -> (ShellReading, Words) {
    let (shell, reason) = match shell {
        Some(shell) => (shell, "It was chosen.".to_string()),
        None => assume(chars),
    };
    (ShellReading { shell, reason }, words_in(chars, shell))
}

/// The arguments `aws` receives, after its own name, from `text` pasted into `shell`; the error is
/// why that shell cannot run the text as one `aws` command.
///
/// ```
/// use chat_event_core::cli::command::arguments;
/// use chat_event_core::cli::shell::Shell;
/// let text = r#"aws --event '{\"Type\":\"DISCONNECT\"}'"#;
/// assert_eq!(arguments(text, Shell::PowerShell5).unwrap(), [r#"--event"#, r#"{"Type":"DISCONNECT"}"#]);
/// assert_eq!(arguments(text, Shell::PowerShell7).unwrap(), [r#"--event"#, r#"{\"Type\":\"DISCONNECT\"}"#]);
/// ```
#[allow(clippy::result_large_err)]
pub fn arguments(text: &str, shell: Shell) -> Result<Vec<String>, CommandError> {
    let chars: Vec<char> = text.chars().collect();
    words_in(&chars, shell).map(|(words, _)| after_program(words, shell))
}

/// The other shells that give `aws` exactly the arguments `shell` gives it for `text` (none when
/// `shell` cannot read it): where the choice of shell does not matter.
pub fn same_arguments(text: &str, shell: Shell) -> Vec<Shell> {
    let Ok(these) = arguments(text, shell) else { return Vec::new() };
    Shell::ALL.into_iter().filter(|&other| other != shell && arguments(text, other).as_ref() == Ok(&these)).collect()
}

/// What can say a shell, in the order they decide: a prompt, a line continuation, an idiom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clue {
    PowerShellPrompt,
    CmdPrompt,
    BashContinuation,
    PowerShellContinuation,
    CmdContinuation,
    BashApostrophe,
    PowerShellApostrophe,
    CmdEscape,
    StopParsing,
    /// Windows PowerShell 5.1's own: it refines PowerShell when another clue says PowerShell.
    LegacyQuote,
}

impl Clue {
    /// The shell the clue says, and the sentence that says so.
    fn says(self) -> (Shell, &'static str) {
        match self {
            Clue::PowerShellPrompt => (Shell::PowerShell7, "It starts with PowerShell's prompt"),
            Clue::CmdPrompt => (Shell::Cmd, "It starts with cmd.exe's prompt"),
            Clue::BashContinuation => (Shell::Bash, "A backslash ends a line: bash's line continuation"),
            Clue::PowerShellContinuation => {
                (Shell::PowerShell7, "A backtick ends a line: PowerShell's line continuation")
            }
            Clue::CmdContinuation => (Shell::Cmd, "A caret ends a line: cmd.exe's line continuation"),
            Clue::BashApostrophe => (Shell::Bash, "'\\'' writes an apostrophe as bash does"),
            Clue::PowerShellApostrophe => (Shell::PowerShell7, "'' inside single quotes is PowerShell's apostrophe"),
            Clue::CmdEscape => (Shell::Cmd, "^ escapes a character as cmd.exe does"),
            Clue::StopParsing => (Shell::PowerShell7, "--% is PowerShell's stop-parsing token"),
            Clue::LegacyQuote => {
                (Shell::PowerShell5, "\\\" inside single quotes is how Windows PowerShell 5.1 passes a double quote")
            }
        }
    }
}

/// The shell the text is written for, and the sentence that says why.
fn assume(chars: &[char]) -> (Shell, String) {
    let at = |index: usize| {
        let (line, column) = line_column(chars, index);
        format!(" (line {line}, column {column})")
    };
    let (clue, legacy) = clues(chars);
    let Some((clue, index)) = clue.or(legacy.map(|index| (Clue::LegacyQuote, index))) else {
        return (Shell::Bash, "Nothing in it belongs to PowerShell or cmd.exe, so it is read as bash reads it.".into());
    };
    let (mut shell, says) = clue.says();
    let mut reason = [says, &at(index)].concat();
    // Windows PowerShell 5.1 needs its own idiom where PowerShell 7.3 and later would pass the
    // backslashes on.
    if let (Shell::PowerShell7, Some(index)) = (shell, legacy) {
        shell = Shell::PowerShell5;
        reason = [&reason, "; ", Clue::LegacyQuote.says().1, &at(index)].concat();
    }
    reason.push('.');
    (shell, reason)
}

/// The first clue to the shell, and where it stands; and where Windows PowerShell 5.1's idiom
/// first stands: a single-quoted part whose double quotes are written `\"`, or that is in double
/// quotes itself, its inner ones written `\"` (5.1 passes the quotes of an argument with a blank,
/// or of an empty one, only so). Quoted parts are passed over as bash and PowerShell read them.
fn clues(chars: &[char]) -> (Option<(Clue, usize)>, Option<usize>) {
    let (mut continuation, mut idiom, mut legacy) = (None, None, None);
    let mut i = 0;
    'scan: while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        match c {
            '\n' if continuation.is_none() => {
                let end = if i > 0 && chars[i - 1] == '\r' { i - 1 } else { i };
                let mark = end.checked_sub(1);
                continuation = match mark.map(|k| chars[k]) {
                    Some('\\') => mark.map(|k| (Clue::BashContinuation, k)),
                    Some('`') => mark.map(|k| (Clue::PowerShellContinuation, k)),
                    Some('^') => mark.map(|k| (Clue::CmdContinuation, k)),
                    _ => None,
                };
            }
            '\'' => {
                // To the closing quote, the first not doubled.
                let mut close = i + 1;
                let mut doubled = None;
                loop {
                    let Some(k) = chars.get(close..).and_then(|rest| rest.iter().position(|&q| q == '\'')) else {
                        break 'scan;
                    };
                    close += k;
                    if chars.get(close + 1) != Some(&'\'') {
                        break;
                    }
                    doubled = doubled.or(Some(close));
                    close += 2;
                }
                if chars.get(close..close + 4) == Some(&['\'', '\\', '\'', '\''][..]) {
                    idiom = idiom.or(Some((Clue::BashApostrophe, close)));
                }
                if let Some(at) = doubled {
                    idiom = idiom.or(Some((Clue::PowerShellApostrophe, at)));
                }
                // Its double quotes: escaped, and not (bare), the first and last of these.
                let (mut escaped, mut bare, mut first, mut last) = (0, 0, None, 0);
                for k in i + 1..close {
                    if chars[k] == '"' {
                        if chars[k - 1] == '\\' {
                            escaped += 1;
                        } else {
                            bare += 1;
                            first = first.or(Some(k));
                            last = k;
                        }
                    }
                }
                let around = bare == 2 && first == Some(i + 1) && last + 1 == close;
                if (escaped > 0 && bare == 0) || around {
                    legacy = legacy.or(Some(i));
                }
                i = close;
            }
            '"' => {
                // To the closing quote, over backslash escapes.
                i += 1;
                while let Some(&q) = chars.get(i).filter(|&&q| q != '"') {
                    i += 1 + usize::from(q == '\\');
                }
            }
            '^' if next.is_some_and(|n| "&|<>()^\"%".contains(n)) => idiom = idiom.or(Some((Clue::CmdEscape, i))),
            '-' if chars.get(i..i + 3) == Some(&['-', '-', '%'][..])
                && chars.get(i + 3).is_none_or(|n| n.is_whitespace())
                && (i == 0 || chars[i - 1].is_whitespace()) =>
            {
                idiom = idiom.or(Some((Clue::StopParsing, i)))
            }
            _ => {}
        }
        i += 1;
    }
    let prompt =
        prompt(chars).map(|(shell, _)| (if shell == Shell::Cmd { Clue::CmdPrompt } else { Clue::PowerShellPrompt }, 0));
    (prompt.or(continuation).or(idiom), legacy)
}

/// A prompt pasted with the command, `PS C:\> ` (PowerShell) or `C:\Users\me>` (cmd.exe), and
/// where the command after it begins.
pub(super) fn prompt(chars: &[char]) -> Option<(Shell, usize)> {
    let first = chars.iter().position(|c| !c.is_whitespace())?;
    let rest = &chars[first..];
    let shell = if rest.starts_with(&['P', 'S', ' ']) || rest.starts_with(&['P', 'S', '>']) {
        Shell::PowerShell7
    } else if rest.first().is_some_and(char::is_ascii_alphabetic) && rest.get(1..3) == Some(&[':', '\\'][..]) {
        Shell::Cmd
    } else {
        return None;
    };
    let close = rest.iter().take_while(|&&c| c != '\n').position(|&c| c == '>')?;
    Some((shell, first + close + 1))
}

/// Where the command begins after a pasted PowerShell or cmd.exe prompt, if there is one.
pub(crate) fn prompt_end(text: &str) -> Option<usize> {
    let first_line: Vec<char> = text.chars().take_while(|&c| c != '\n').collect();
    let (_, end) = prompt(&first_line)?;
    Some(first_line[..end].iter().map(|c| c.len_utf8()).sum())
}
