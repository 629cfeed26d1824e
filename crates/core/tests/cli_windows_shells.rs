//! The commands written for PowerShell 7.3+, Windows PowerShell 5.1 and cmd.exe (issue 17 §5).
//! There is no Windows shell here to run them, so each rendered command is read back by a reference
//! reader written from Microsoft's documented rules, into the argv `aws.exe` would receive, and
//! that argv must be exactly the one the renderer meant.
//!
//! The rules, as documented:
//! - PowerShell (about_Parsing, about_Quoting_Rules): a backtick at the end of a line continues it;
//!   in argument mode a single-quoted string is literal, `''` standing for one quote, and the
//!   typographic single quotes count as quotes too. The reader accepts bare words only from a safe
//!   set: anything else outside quotes (`$`, `` ` ``, `&`, `|`, `;`, `,`, `@`, `(`, `{`, `<`, `>`,
//!   `#`, `"`) would be PowerShell syntax, and fails the test.
//! - PowerShell 7.3+ (`$PSNativeCommandArgumentPassing` = `Standard`/`Windows`): the program gets
//!   exactly those arguments.
//! - Windows PowerShell 5.1 ("Legacy"): it drops empty arguments, wraps an argument in `"` when it
//!   has whitespace outside its own double quotes (a `"` right after a backslash does not count),
//!   passes everything else as it is, and joins them into one command line.
//! - cmd.exe (cmd /?, "Parsing of command lines"): `^` at the end of a line continues it; outside
//!   double quotes `^` takes the next character literally, and an unescaped `&`, `|`, `<`, `>`, `(`,
//!   `)` is an operator (fails the test); every `"` toggles quoting and stays in the line.
//! - The program (Python on Windows, through the Universal C runtime) splits its command line:
//!   blanks outside quotes separate arguments; `2n` backslashes and a `"` give `n` backslashes and
//!   toggle quoting, `2n+1` give `n` and a literal `"`; inside quotes `""` is a literal `"`;
//!   backslashes not before a `"` are literal.

mod cli_common;

use chat_event_core::cli::command::{render, InputForm, RenderOptions, StructureStyle};
use chat_event_core::cli::shell::Shell;
use chat_event_core::{ChatEvent, NewSessionDetails, ParticipantDetails, SendChatIntegrationEventRequest};
use cli_common::{Rng, TRICKY};

const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

/// PowerShell's reading of a native command's arguments (after the program name), as written by
/// the renderer: bare safe words and single-quoted strings.
fn powershell_arguments(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut args = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' || chars[i] == '\t' {
            i += 1;
            continue;
        }
        // A backtick that ends a line, outside quotes, continues the command on the next.
        if chars[i] == '`' && chars.get(i + 1) == Some(&'\n') {
            i += 2;
            continue;
        }
        if chars[i] == '`' && chars.get(i + 1) == Some(&'\r') && chars.get(i + 2) == Some(&'\n') {
            i += 3;
            continue;
        }
        let mut arg = String::new();
        while i < chars.len() && chars[i] != ' ' && chars[i] != '\t' {
            let c = chars[i];
            if SINGLE_QUOTES.contains(&c) {
                i += 1;
                loop {
                    let Some(&q) = chars.get(i) else { panic!("an unclosed single quote in {text:?}") };
                    if SINGLE_QUOTES.contains(&q) {
                        if chars.get(i + 1).is_some_and(|n| SINGLE_QUOTES.contains(n)) {
                            arg.push(chars[i + 1]);
                            i += 2;
                            continue;
                        }
                        i += 1;
                        break;
                    }
                    arg.push(q);
                    i += 1;
                }
            } else {
                assert!(
                    c.is_ascii_alphanumeric() || "_./:-=".contains(c),
                    "{c:?} outside quotes is PowerShell syntax, in {text:?}"
                );
                arg.push(c);
                i += 1;
            }
        }
        args.push(arg);
    }
    args
}

/// Windows PowerShell 5.1's legacy command line for `args`.
fn legacy_command_line(args: &[String]) -> String {
    let mut line = Vec::new();
    for arg in args.iter().filter(|a| !a.is_empty()) {
        // As its NeedQuotes does: a `"` after a backslash is not counted.
        let (mut quotes, mut after_backslash) = (0, false);
        let needs = arg.chars().any(|c| {
            if c == '"' && !after_backslash {
                quotes += 1;
            }
            after_backslash = c == '\\';
            c.is_whitespace() && quotes % 2 == 0
        });
        line.push(if needs { format!("\"{arg}\"") } else { arg.clone() });
    }
    line.join(" ")
}

/// cmd.exe's reading of a line into the command line the program gets.
fn cmd_command_line(text: &str) -> String {
    let text = text.replace("^\r\n", "").replace("^\n", "");
    let mut out = String::new();
    let mut inside = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                inside = !inside;
                out.push(c);
            }
            '^' if !inside => out.extend(chars.next()),
            '&' | '|' | '<' | '>' | '(' | ')' if !inside => panic!("{c:?} is a cmd.exe operator in {text:?}"),
            '\n' | '\r' => panic!("a line break ends the command in cmd.exe: {text:?}"),
            c => out.push(c),
        }
    }
    out
}

/// The Universal C runtime's split of a command line into argv.
fn ucrt_argv(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut args = Vec::new();
    let mut i = 0;
    loop {
        while i < chars.len() && (chars[i] == ' ' || chars[i] == '\t') {
            i += 1;
        }
        if i >= chars.len() {
            return args;
        }
        let mut arg = String::new();
        let mut inside = false;
        while i < chars.len() && (inside || (chars[i] != ' ' && chars[i] != '\t')) {
            match chars[i] {
                '\\' => {
                    let start = i;
                    while i < chars.len() && chars[i] == '\\' {
                        i += 1;
                    }
                    let n = i - start;
                    if chars.get(i) == Some(&'"') {
                        arg.extend(std::iter::repeat_n('\\', n / 2));
                        if n % 2 == 1 {
                            arg.push('"');
                            i += 1;
                        }
                    } else {
                        arg.extend(std::iter::repeat_n('\\', n));
                    }
                }
                '"' if inside && chars.get(i + 1) == Some(&'"') => {
                    arg.push('"');
                    i += 2;
                }
                '"' => {
                    inside = !inside;
                    i += 1;
                }
                c => {
                    arg.push(c);
                    i += 1;
                }
            }
        }
        args.push(arg);
    }
}

/// The argv `aws.exe` receives from `text` in `shell`, its own name first.
fn argv_in(shell: Shell, text: &str) -> Vec<String> {
    match shell {
        Shell::PowerShell7 => powershell_arguments(text),
        Shell::PowerShell5 => {
            let args = powershell_arguments(text);
            ucrt_argv(&legacy_command_line(&args))
        }
        Shell::Cmd => ucrt_argv(&cmd_command_line(text)),
        Shell::Bash => unreachable!("bash is run for real in cli_command.rs"),
    }
}

fn request(value: &str, key: &str) -> SendChatIntegrationEventRequest {
    SendChatIntegrationEventRequest {
        source_id: Some(value.to_owned()),
        destination_id: Some(format!("d{value}")),
        subtype: Some("connect:sms".into()),
        event: Some(ChatEvent {
            r#type: Some("MESSAGE".into()),
            content_type: Some("text/plain".into()),
            content: Some(value.to_owned()),
        }),
        new_session_details: Some(NewSessionDetails {
            supported_messaging_content_types: Some(vec!["text/plain".into()]),
            participant_details: Some(ParticipantDetails { display_name: Some(value.to_owned()) }),
            attributes: Some([(key.to_owned(), value.to_owned())].into_iter().collect()),
            streaming_configuration: None,
        }),
    }
}

const WINDOWS_SHELLS: [Shell; 3] = [Shell::PowerShell7, Shell::PowerShell5, Shell::Cmd];

/// Checks one request in every Windows shell and form; returns how many commands were read back.
fn check(request: &SendChatIntegrationEventRequest) -> usize {
    let mut checked = 0;
    for shell in WINDOWS_SHELLS {
        for (multiline, style) in [(true, StructureStyle::Shorthand), (false, StructureStyle::Json)] {
            let options = RenderOptions {
                shell,
                multiline,
                event_style: style,
                new_session_details_style: style,
                input: InputForm::Options,
                ..RenderOptions::default()
            };
            let rendered = render(request, &options);
            let has_break = rendered.argv.iter().any(|a| a.contains('\n') || a.contains('\r'));
            if shell == Shell::Cmd && has_break {
                // cmd.exe cannot pass one: the renderer says so, and offers the file form instead.
                let warned = rendered
                    .notes
                    .iter()
                    .any(|n| n.kind == "warning" && n.message.contains("cannot pass a line break"));
                assert!(warned, "{:?}", rendered.notes);
                continue;
            }
            let argv = argv_in(shell, &rendered.text);
            assert_eq!(argv.first().map(String::as_str), Some("aws"), "{shell:?}: {}", rendered.text);
            assert_eq!(argv[1..], rendered.argv[..], "{shell:?}, multiline {multiline}:\n{}", rendered.text);
            checked += 1;
        }
    }
    checked
}

/// A table of the characters each shell treats specially, alone and together, in values and in
/// attribute keys, plus empty values, non-ASCII text and line breaks.
#[test]
fn every_windows_shell_passes_exactly_the_intended_arguments() {
    let cases = [
        "$HOME",
        "$(whoami)",
        "${x}",
        "a`b",
        "`n",
        "%PATH%",
        "100%",
        "^",
        "a^b^^",
        "&",
        "a & b",
        "a|b",
        "<in",
        ">out",
        "2>&1",
        "(x)",
        "a \" b & c",
        "'",
        "it's",
        "it\u{2019}s",
        "\u{2018}q\u{2019}",
        "\"",
        "say \"hi\"",
        "\"\"",
        "\\",
        "a\\",
        "a\\\\",
        "\\\"",
        "a b",
        "  ",
        "\t",
        "日本語 ✓ 😀",
        "é",
        "x=y,z",
        "{a}",
        "[1]",
        "#not a comment",
        ";",
        "@a",
        "--x",
        "-",
        "a\nb",
        "a\r\nb",
        "",
    ];
    let mut checked = 0;
    for value in cases {
        for key in ["k", value] {
            checked += check(&request(value, if key.is_empty() { "k" } else { key }));
        }
    }
    assert!(checked > 400, "{checked}");
}

/// The same, over random values from the tricky-character corpus.
#[test]
fn random_tricky_values_come_back_exactly() {
    let mut rng = Rng::new(17);
    let mut checked = 0;
    for _ in 0..400 {
        let value = rng.string(TRICKY, 6);
        let key = rng.string(TRICKY, 3);
        checked += check(&request(&value, if key.is_empty() { "k" } else { &key }));
    }
    assert!(checked > 2_000, "{checked}");
}

/// The reference readers against cases that Microsoft's documentation spells out, so that a wrong
/// reader cannot vouch for a wrong renderer.
#[test]
fn the_reference_readers_follow_the_documented_examples() {
    // The C runtime's examples ("Parsing C command-line arguments").
    let ucrt = [
        (r#""abc" d e"#, vec!["abc", "d", "e"]),
        (r#"a\\b d"e f"g h"#, vec![r"a\\b", "de fg", "h"]),
        (r#"a\\\"b c d"#, vec![r#"a\"b"#, "c", "d"]),
        (r#"a\\\\"b c" d e"#, vec![r"a\\b c", "d", "e"]),
        (r#"a"b"" c d"#, vec![r#"ab" c d"#]),
    ];
    for (line, expected) in ucrt {
        assert_eq!(ucrt_argv(line), expected, "{line}");
    }
    // PowerShell's quoting rules (about_Quoting_Rules).
    assert_eq!(powershell_arguments("aws 'It''s' 'a`b$c' plain"), ["aws", "It's", "a`b$c", "plain"]);
    assert_eq!(powershell_arguments("aws `\n  'x'"), ["aws", "x"]);
    // Windows PowerShell 5.1 drops an empty argument and wraps one with a space.
    assert_eq!(
        legacy_command_line(&["aws".into(), String::new(), "a b".into(), r#""a b""#.into()]),
        r#"aws "a b" "a b""#
    );
    // cmd.exe: carets escape outside quotes only.
    assert_eq!(cmd_command_line(r#"aws a^&b "c^&d" ^"e"#), r#"aws a&b "c^&d" "e"#);
}
