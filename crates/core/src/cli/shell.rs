//! Quoting one argument for each shell, so that `aws` receives exactly the intended text: nothing
//! expanded, executed or split.
//!
//! Windows programs do not get an argument array: they get one command line and split it themselves
//! (the Microsoft C runtime rules, which the AWS CLI's Python follows). PowerShell builds that line
//! differently by version, which is why it has two variants here.

use crate::json::{FromJson, ToJson};
use serde::Serialize;

/// The shell a command is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Shell {
    #[default]
    /// bash and zsh (and other POSIX shells): the quoting used is valid in all of them.
    Bash,
    /// Windows PowerShell 5.1 (and PowerShell 7.0–7.2): "legacy" argument passing. PowerShell drops
    /// an empty argument and does not escape `"` inside an argument, so both are written for the
    /// program's own parser (`'""'`, `\"`).
    PowerShell5,
    /// PowerShell 7.3 and later, where `$PSNativeCommandArgumentPassing` defaults to `Standard`
    /// (`Windows` on Windows, which is the same for `aws.exe`): arguments arrive exactly as written.
    /// Not for an `aws.cmd` batch wrapper (CLI v1 from pip), which still gets legacy passing.
    PowerShell7,
    /// Windows `cmd.exe`.
    Cmd,
}

// The playground's saved choices still hold a shell through serde.

impl Shell {
    /// Every shell, bash first.
    pub const ALL: [Shell; 4] = [Shell::Bash, Shell::PowerShell7, Shell::PowerShell5, Shell::Cmd];

    /// The line-continuation mark: placed at the end of a line, it joins the next one.
    pub fn continuation(self) -> &'static str {
        match self {
            Shell::Bash => "\\",
            Shell::PowerShell5 | Shell::PowerShell7 => "`",
            Shell::Cmd => "^",
        }
    }

    /// A short human name, for notes.
    pub fn label(self) -> &'static str {
        match self {
            Shell::Bash => "bash/zsh",
            Shell::PowerShell5 => "Windows PowerShell 5.1",
            Shell::PowerShell7 => "PowerShell 7.3+",
            Shell::Cmd => "cmd.exe",
        }
    }
}

/// The single and double quote marks PowerShell reads: the typographic ones count as well.
pub(crate) const POWERSHELL_SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];
pub(crate) const POWERSHELL_DOUBLE_QUOTES: [char; 4] = ['"', '\u{201C}', '\u{201D}', '\u{201E}'];

/// One argument written for a shell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct QuotedArg {
    pub text: String,
    /// Why quoting was needed (for the UI), or `None` when the argument is written as is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// A problem quoting cannot solve in this shell (such as a newline in cmd.exe).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

/// Quotes `arg` for `shell`.
///
/// ```
/// use chat_event_core::cli::shell::{quote, Shell};
/// assert_eq!(quote(Shell::Bash, "Type=MESSAGE").text, "Type=MESSAGE");
/// assert_eq!(quote(Shell::Bash, "it's $HOME").text, r"'it'\''s $HOME'");
/// assert_eq!(quote(Shell::PowerShell5, r#"{"a":""}"#).text, r#"'{\"a\":\"\"}'"#);
/// ```
pub fn quote(shell: Shell, arg: &str) -> QuotedArg {
    let nul = arg.contains('\0').then(|| "an argument cannot contain a NUL character; it is cut there".to_string());
    match shell {
        Shell::Bash => QuotedArg { warning: nul, ..bash(arg) },
        Shell::PowerShell7 => powershell(arg, arg, nul),
        Shell::PowerShell5 => {
            let token = msvcrt_token(arg);
            powershell(arg, &token, nul)
        }
        Shell::Cmd => cmd(arg, nul),
    }
}

fn bash_bare_ok(arg: &str) -> bool {
    // Characters no POSIX shell or zsh treats specially, and no leading `=` (zsh's `=cmd` expansion)
    // or `-`-free worries: options are separate words anyway.
    !arg.is_empty()
        && !arg.starts_with('=')
        && arg.chars().all(|c| c.is_ascii_alphanumeric() || "_%+=:,./@-".contains(c))
}

/// The first character that forces quoting, described for people. `special` is a plain function
/// (not a closure) so that the wasm holds one copy of this code, not one per caller.
fn reason(arg: &str, special: fn(char) -> bool) -> String {
    if arg.is_empty() {
        return "it is empty, and an empty argument must be written as quotes".into();
    }
    let Some(c) = arg.chars().find(|&c| special(c)) else {
        return "it starts with a character the shell treats specially".into();
    };
    let mut out = String::from("it contains ");
    // Characters described by a fixed phrase; the others by a phrase around the character itself.
    const NAMED: &[(&str, &str)] = &[
        (" ", "a space"),
        ("\n", "a line break"),
        ("\t", "a tab"),
        ("'", "an apostrophe (')"),
        ("\"", "a double quote"),
        ("$", "$, which the shell would expand"),
        ("`", "a backtick, which the shell would execute"),
        ("{}", "braces, which the shell would expand"),
        ("\\", "a backslash"),
        ("!", "!, which interactive shells use for history"),
        ("#", "#, which can start a comment"),
        ("%", "%, which cmd.exe expands"),
        ("^", "^, cmd.exe's escape character"),
    ];
    if let Some((_, what)) = NAMED.iter().find(|(chars, _)| chars.contains(c)) {
        out.push_str(what);
        return out;
    }
    if c.is_control() {
        // U+ and at least four hex digits.
        out.push_str("the control character U+");
        let hex = format!("{:04X}", c as u32);
        out.push_str(&hex);
        return out;
    }
    if !c.is_ascii() {
        out.push_str("the non-ASCII character ");
    }
    out.push(c);
    if "*?[]".contains(c) {
        out.push_str(", a filename wildcard");
    } else if ";&|<>()".contains(c) {
        out.push_str(", which ends or redirects the command");
    }
    out
}

fn bash(arg: &str) -> QuotedArg {
    if bash_bare_ok(arg) {
        return QuotedArg { text: arg.to_string(), reason: None, warning: None };
    }
    let why = reason(arg, |c| !(c.is_ascii_alphanumeric() || "_%+=:,./@-".contains(c)));
    // Control characters other than a line break are hard to see and, pasted, may trigger the
    // terminal (a tab completes): write them as $'\t' escapes.
    let has_controls = arg.chars().any(|c| c.is_control() && c != '\n');
    let text = if has_controls {
        let mut out = String::from("$'");
        for c in arg.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\'' => out.push_str("\\'"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                '\0' => break,
                c if c.is_control() => {
                    // \xHH below U+0080, \uHHHH above (controls are at most U+009F).
                    let (mark, digits) = if (c as u32) < 0x80 { ("\\x", 2) } else { ("\\u", 4) };
                    out.push_str(mark);
                    for shift in (0..digits).rev() {
                        out.push(char::from(b"0123456789abcdef"[(c as usize >> (shift * 4)) & 15]));
                    }
                }
                c => out.push(c),
            }
        }
        out.push('\'');
        out
    } else {
        // Inside single quotes nothing is special; a ' itself is written '\'' (close, escaped, reopen).
        let mut out = String::from("'");
        out.push_str(&arg.replace('\'', "'\\''"));
        out.push('\'');
        out
    };
    QuotedArg { text, reason: Some(why), warning: None }
}

fn ps_bare_ok(arg: &str) -> bool {
    // `-` may lead: option names are passed as they are, and values starting with `-` are always
    // written `--opt=value`, which is quoted.
    !arg.is_empty() && arg.chars().all(|c| c.is_ascii_alphanumeric() || "_./:-".contains(c))
}

/// A PowerShell single-quoted string of `token`; `arg` is what the program should receive.
fn powershell(arg: &str, token: &str, warning: Option<String>) -> QuotedArg {
    if ps_bare_ok(token) {
        return QuotedArg { text: token.to_string(), reason: None, warning };
    }
    let mut why = reason(arg, |c| !(c.is_ascii_alphanumeric() || "_./:".contains(c)));
    if !arg.is_empty() && token != arg {
        why.push_str(
            "; Windows PowerShell 5.1 does not pass double quotes or empty strings through to programs, so they \
             are escaped for the program's parser (\\\")",
        );
    }
    let mut text = String::from("'");
    for c in token.chars() {
        // PowerShell also treats the typographic single quotes as quote marks: double them too.
        if POWERSHELL_SINGLE_QUOTES.contains(&c) {
            text.push(c);
        }
        text.push(c);
    }
    text.push('\'');
    QuotedArg { text, reason: Some(why), warning }
}

/// The argument as a Windows program's command-line parser (the Microsoft C runtime rules, used by
/// Python on Windows) must see it: quoted when it has spaces or is empty, `"` escaped as `\"`, and
/// backslashes doubled only where they precede a quote.
pub fn msvcrt_token(arg: &str) -> String {
    // Any whitespace, not only the blanks the C runtime splits on: Windows PowerShell 5.1 wraps an
    // argument in quotes of its own when it sees whitespace (by .NET's `char.IsWhiteSpace`, the
    // same set as Rust's) outside the argument's quotes, and that breaks a trailing backslash.
    let needs_quotes = arg.is_empty() || arg.chars().any(char::is_whitespace);
    if !needs_quotes && !arg.contains('"') {
        return arg.to_string();
    }
    c_runtime_token(arg, needs_quotes, false)
}

/// `arg` as the C runtime reads it back: inside double quotes when `quoted`, and each `"` written
/// `\"`, or, when `doubled` (quoted only: the runtime reads `""` inside quotes as one `"`), `""`.
/// Backslashes are doubled only where a quote follows them.
fn c_runtime_token(arg: &str, quoted: bool, doubled: bool) -> String {
    let mut out = String::new();
    if quoted {
        out.push('"');
    }
    let mut backslashes = 0usize;
    for c in arg.chars() {
        match c {
            '\\' => backslashes += 1,
            '"' => {
                out.push_str(&"\\".repeat(backslashes * 2 + usize::from(!doubled)));
                out.push_str(if doubled { "\"\"" } else { "\"" });
                backslashes = 0;
            }
            c => {
                out.push_str(&"\\".repeat(backslashes));
                out.push(c);
                backslashes = 0;
            }
        }
    }
    if quoted {
        out.push_str(&"\\".repeat(backslashes * 2));
        out.push('"');
    } else {
        out.push_str(&"\\".repeat(backslashes));
    }
    out
}

fn cmd(arg: &str, nul: Option<String>) -> QuotedArg {
    // cmd.exe's quoting runs on across arguments: a token with an odd number of `"` would leave it
    // switched on for the rest of the line, where carets are then kept and operators act. Such an
    // argument is written in quotes with `""` instead of `\"`, so that every argument ends as it
    // began (its quote marks come in pairs).
    let token = msvcrt_token(arg);
    let token = if token.matches('"').count() % 2 == 1 { c_runtime_token(arg, true, true) } else { token };
    // cmd.exe knows nothing of \" : every " toggles its own idea of "inside quotes", and outside
    // them its operators must be escaped with ^.
    let mut text = String::new();
    let mut inside = false;
    for c in token.chars() {
        if c == '"' {
            inside = !inside;
        } else if !inside && matches!(c, '^' | '&' | '|' | '<' | '>' | '(' | ')') {
            text.push('^');
        }
        text.push(c);
    }
    let mut warning = nul;
    if arg.contains('\n') || arg.contains('\r') {
        warning = Some(
            "cmd.exe cannot pass a line break inside an argument; use the --cli-input-json file form instead".into(),
        );
    } else if arg.contains('%') {
        warning = Some(
            "cmd.exe replaces %NAME% with the variable NAME when it exists, even inside quotes; check the value, or \
             use the --cli-input-json file form"
                .into(),
        );
    }
    let why = (text != arg).then(|| reason(arg, |c| " \t\"^&|<>()".contains(c)));
    QuotedArg { text, reason: why, warning }
}
