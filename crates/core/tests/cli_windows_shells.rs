//! The commands written for PowerShell 7.3+, Windows PowerShell 5.1 and cmd.exe, and read back
//! from them (issue 17 §5, issue 19 §2). There is no Windows shell here to run them, so the reader
//! follows Microsoft's documented rules (see `cli::command`'s `powershell`, `cmd` and
//! `command_line`), is held to the documented examples below, and every rendered command must read
//! back to the argv the renderer meant and to the request.

mod cli_common;

use chat_event_core::cli::command::{
    arguments, parse, parse_in, render, same_arguments, InputForm, RenderOptions, StructureStyle,
};
use chat_event_core::cli::shell::Shell;
use chat_event_core::{ChatEvent, NewSessionDetails, ParticipantDetails, SendChatIntegrationEventRequest};
use cli_common::{Rng, TRICKY};
use proptest::prelude::*;

/// The arguments `aws` receives from `text` in `shell`, after its own name.
fn argv_in(shell: Shell, text: &str) -> Vec<String> {
    arguments(text, shell).unwrap_or_else(|e| panic!("{shell:?} cannot read {text:?}: {e}"))
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
            assert_eq!(argv, rendered.argv, "{shell:?}, multiline {multiline}:\n{}", rendered.text);
            let parsed = parse_in(&rendered.text, Some(shell)).unwrap();
            assert_eq!(parsed.request.as_ref(), Some(request), "{shell:?}:\n{}", rendered.text);
            if multiline {
                // The line continuations say the shell: cmd.exe or PowerShell. Which PowerShell is
                // a guess from 5.1's idioms, which a value may hold: either reading is the same or
                // was the guess.
                let detected = match parse(&rendered.text) {
                    Ok(parsed) => parsed.shell,
                    Err(e) => *e.shell.unwrap(),
                };
                let powershell = [Shell::PowerShell5, Shell::PowerShell7];
                assert!(
                    detected.shell == shell
                        || same_arguments(&rendered.text, shell).contains(&detected.shell)
                        || powershell.contains(&shell) && powershell.contains(&detected.shell),
                    "{shell:?} read as {detected:?}:\n{}",
                    rendered.text
                );
            }
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

/// The cases Microsoft's documentation spells out (about_Parsing, about_Quoting_Rules,
/// about_Special_Characters, "Parsing C command-line arguments", cmd's own help), read the way
/// each shell and then `aws.exe` read them. Examples written for another program use `aws` here.
#[test]
fn commands_read_as_documented() {
    use Shell::{Cmd, PowerShell5 as Ps5, PowerShell7 as Ps7};
    let program_files = r#""C:\Program Files (x86)\Microsoft\""#;
    let cases: &[(&[Shell], &str, &[&str])] = &[
        // Single quotes are literal, '' is one; a quoted part joins its word.
        (&[Ps7, Ps5], "aws 'It''s' a'$a' plain", &["It's", "a$a", "plain"]),
        (&[Ps7, Ps5], "aws \u{2018}It\u{2019}\u{2019}s\u{2019}", &["It\u{2019}s"]),
        // "" and `" are quotes inside double quotes; escapes work there only.
        (&[Ps7], r#"aws "say ""hi""" "a`"b" "a`tb" a`tb"#, &["say \"hi\"", "a\"b", "a\tb", "atb"]),
        // 5.1 passes `"say "hi""`, `a"b`, `"a<tab>b"` and `atb`, which the program splits anew.
        (&[Ps5], r#"aws "say ""hi""" "a`"b" "a`tb" a`tb"#, &["say hi", "ab a", "b atb"]),
        (&[Ps7], r#"aws "`e`u{1F44D}""#, &["\u{1b}\u{1F44D}"]),
        (&[Ps5], r#"aws "`e`u{1F44D}""#, &["eu{1F44D}"]),
        // A comma is part of the word for a native program; -- is passed on.
        (&[Ps7, Ps5], "aws A,B -a -- -c", &["A,B", "-a", "--", "-c"]),
        // A backtick continues a line; # starts a comment at the start of a word only.
        (&[Ps7, Ps5], "aws a `\n  b#c # comment", &["a", "b#c"]),
        // 7.3 keeps quotes inside arguments and empty arguments; 5.1 loses both.
        (&[Ps7], r#"aws 'c" "d' e" "f '' x"#, &["c\" \"d", "e f", "", "x"]),
        (&[Ps5], r#"aws 'c" "d' e" "f '' x"#, &["c d", "e f", "x"]),
        // 5.1's escapes for the program, and the documented way to pass a quoted path.
        (&[Ps5], r#"aws '{\"a\":1}'"#, &[r#"{"a":1}"#]),
        (&[Ps7], r#"aws '{\"a\":1}'"#, &[r#"{\"a\":1}"#]),
        (&[Ps5], r#"aws "\""C:\Program Files (x86)\Microsoft\\""""#, &[program_files]),
        (&[Ps7], r#"aws '"C:\Program Files (x86)\Microsoft\"'"#, &[program_files]),
        // --% passes the rest of the line as written, for the program to split.
        (&[Ps7, Ps5], r#"aws --% """C:\Program Files (x86)\Microsoft\\"""#, &[program_files]),
        (&[Ps7, Ps5], r#"aws --% ""\""C:\Program Files (x86)\Microsoft\\"\"""#, &[program_files]),
        (&[Ps7, Ps5], r"aws x --% /grant Dom\HVAdmin:(CI)(OI)F", &["x", "/grant", r"Dom\HVAdmin:(CI)(OI)F"]),
        // The prompt and the call operator are not arguments.
        (&[Ps7, Ps5], "PS C:\\Users\\me> & aws.exe x", &["x"]),
        // cmd.exe: ^ escapes outside quotes only, continues a line, and " stays for the program.
        (&[Cmd], r#"aws a^&b "c^&d" ^"e f"#, &["a&b", "c^&d", "e f"]),
        (&[Cmd], "C:\\Users\\me>AWS a ^\n  b", &["a", "b"]),
        (&[Cmd], r#"aws "a ""b"" c" x\"y"#, &[r#"a "b" c"#, r#"x"y"#]),
        (&[Cmd], "aws %PATH% 100%", &["%PATH%", "100%"]),
    ];
    for &(shells, text, expected) in cases {
        for &shell in shells {
            assert_eq!(argv_in(shell, text), expected, "{shell:?}: {text}");
        }
    }
}

/// What each shell would do instead of running `aws` with literal arguments is an error where it
/// stands, never a silent reading.
#[test]
fn shell_syntax_that_is_not_an_argument_is_refused_where_it_stands() {
    use Shell::{Cmd, PowerShell7 as Ps7};
    let cases: &[(Shell, &str, &str, &str)] = &[
        (Ps7, "aws --source-id $phone", "$", "variable"),
        (Ps7, r#"aws --source-id "+1$(x)""#, "$", "variable inside double quotes"),
        (Ps7, "aws --source-id a;b", ";", "end or redirect"),
        (Ps7, "aws --event {Type=MESSAGE}", "{", "expression"),
        (Ps7, "aws --event @x", "@", "splatting"),
        (Ps7, "aws --event a, b", ",", "array"),
        (Ps7, "aws --event 'open", "'", "never closed"),
        (Ps7, "aws x\naws y", "\n", "more than one command"),
        (Ps7, "aws --% a | b", "|", "end or redirect"),
        (Cmd, "aws a & b", "&", "end or redirect"),
        (Cmd, "aws a\naws b", "\n", "more than one command"),
    ];
    for &(shell, text, at, says) in cases {
        let e = parse_in(text, Some(shell)).unwrap_err();
        assert!(e.message.contains(says), "{shell:?} {text:?}: {}", e.message);
        let index = text.chars().position(|c| at.starts_with(c)).unwrap();
        let index = if at == "$" { text.find('$').map(|b| text[..b].chars().count()).unwrap() } else { index };
        assert_eq!(e.index, index, "{shell:?} {text:?}: {}", e.message);
    }
    // A %NAME% is read as written, with a warning where it stands.
    let parsed = parse_in(
        "aws connect send-chat-integration-event --source-id %PHONE% --destination-id d --event Type=DISCONNECT",
        Some(Cmd),
    )
    .unwrap();
    let warning = parsed.warnings.iter().find(|w| w.message.contains("%NAME%")).expect("a warning");
    assert_eq!(warning.index, 52);
    assert_eq!(parsed.params["SourceId"], "%PHONE%");
}

/// The shell a pasted command is written for: what decides, and the reason given.
#[test]
fn the_shell_is_detected_from_what_the_command_says() {
    use Shell::{Bash, Cmd, PowerShell5 as Ps5, PowerShell7 as Ps7};
    let tail = "--destination-id d --event Type=DISCONNECT";
    let cases: &[(&str, Shell, &str)] = &[
        ("aws connect send-chat-integration-event --source-id x", Bash, "Nothing in it"),
        ("$ aws connect send-chat-integration-event --source-id x", Bash, "Nothing in it"),
        ("PS C:\\> aws connect send-chat-integration-event --source-id x", Ps7, "PowerShell's prompt"),
        ("C:\\> aws connect send-chat-integration-event --source-id x", Cmd, "cmd.exe's prompt"),
        ("aws connect send-chat-integration-event \\\n --source-id x", Bash, "bash's line continuation (line 1"),
        ("aws connect send-chat-integration-event `\r\n --source-id x", Ps7, "PowerShell's line continuation (line 1"),
        ("aws connect send-chat-integration-event ^\n --source-id x", Cmd, "cmd.exe's line continuation (line 1"),
        ("aws connect send-chat-integration-event --source-id 'it'\\''s'", Bash, "as bash does"),
        ("aws connect send-chat-integration-event --source-id 'it''s'", Ps7, "PowerShell's apostrophe"),
        ("aws connect send-chat-integration-event --source-id a^&b", Cmd, "as cmd.exe does"),
        ("aws connect send-chat-integration-event --% --source-id x", Ps7, "stop-parsing"),
        (r#"aws connect send-chat-integration-event --source-id '\"x\"'"#, Ps5, "Windows PowerShell 5.1"),
        (r#"aws connect send-chat-integration-event `\n --source-id '"a \"x\""'"#, Ps5, "Windows PowerShell 5.1"),
        ("aws connect send-chat-integration-event `\n --source-id '\"\"'", Ps5, "Windows PowerShell 5.1"),
        // bash's JSON with an escaped quote inside a string is bash's.
        (r#"aws connect send-chat-integration-event --source-id '{"a":"say \"hi\""}'"#, Bash, "Nothing in it"),
    ];
    for &(text, shell, says) in cases {
        let text = format!("{text} {tail}");
        let reading = match parse(&text) {
            Ok(parsed) => parsed.shell,
            Err(e) => *e.shell.unwrap(),
        };
        assert_eq!(reading.shell, shell, "{text}: {reading:?}");
        assert!(reading.reason.contains(says), "{text}: {}", reading.reason);
    }
    // Which other shells give aws the same arguments.
    let plain = "aws connect send-chat-integration-event --source-id x --destination-id d --event Type=DISCONNECT";
    assert_eq!(same_arguments(plain, Bash), [Ps7, Ps5, Cmd]);
    let quoted = "aws connect send-chat-integration-event --source-id 'a b' --destination-id d --event Type=DISCONNECT";
    assert_eq!(same_arguments(quoted, Bash), [Ps7, Ps5], "cmd.exe passes the single quotes on");
    assert_eq!(arguments(quoted, Cmd).unwrap()[3..5], ["'a", "b'"]);
    assert_eq!(same_arguments("aws 'open", Bash), [], "bash cannot read it");
    let chosen = parse_in(
        "aws connect send-chat-integration-event --source-id 'it''s' --destination-id d --event Type=DISCONNECT",
        Some(Bash),
    )
    .unwrap()
    .shell;
    assert_eq!((chosen.shell, chosen.reason.as_str()), (Bash, "It was chosen."));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any argument the renderer quotes for a Windows shell reads back exactly, alone and between
    /// others, in that shell (cmd.exe cannot pass a line break, and says so when rendering).
    #[test]
    fn every_quoted_argument_reads_back(arg in "\\PC{0,16}|[ '\"`$^&|<>(){},;#@%\\\\\n\t\u{2019}\u{201C}a-]{0,12}") {
        for shell in WINDOWS_SHELLS {
            if arg.contains('\0') || (shell == Shell::Cmd && (arg.contains('\n') || arg.contains('\r'))) {
                continue;
            }
            let quoted = chat_event_core::cli::shell::quote(shell, &arg).text;
            let text = format!("aws x {quoted} y");
            prop_assert_eq!(argv_in(shell, &text), vec!["x".to_string(), arg.clone(), "y".to_string()], "{:?}: {}", shell, text);
        }
    }
}
