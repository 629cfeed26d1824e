//! A Windows program's command line. Windows passes a program one line of text, not a list of
//! arguments: the shell joins its arguments into that line, and the program's C runtime splits it
//! again (`aws.exe` is Python, which takes `sys.argv` from the Universal C runtime). The rules of
//! the split are Microsoft's "Parsing C command-line arguments"; how Windows PowerShell 5.1 joins
//! its arguments is its "Legacy" argument passing.

use super::lex::Word;

/// One character of a command line, with the index in the pasted text it comes from.
pub(super) type Sourced = (char, usize);

/// The arguments the C runtime makes of `line`:
/// - space and tab outside double quotes separate arguments;
/// - `2n` backslashes and a `"` give `n` backslashes, and the `"` opens or closes a quoted part;
///   `2n + 1` backslashes and a `"` give `n` backslashes and a literal `"`;
/// - inside a quoted part, `""` is a literal `"` (and the part goes on);
/// - any other backslash is literal.
pub(super) fn split(line: &[Sourced]) -> Vec<Word> {
    let mut words = Vec::new();
    let mut i = 0;
    let at = |i: usize| line.get(i).map(|&(c, _)| c);
    loop {
        while matches!(at(i), Some(' ' | '\t')) {
            i += 1;
        }
        let Some(&(_, start)) = line.get(i) else { return words };
        let mut text = String::new();
        let mut quoted = false;
        while let Some(c) = at(i) {
            match c {
                ' ' | '\t' if !quoted => break,
                '\\' => {
                    let n = line[i..].iter().take_while(|&&(c, _)| c == '\\').count();
                    i += n;
                    let before_quote = at(i) == Some('"');
                    text.extend(std::iter::repeat_n('\\', if before_quote { n / 2 } else { n }));
                    if before_quote && n % 2 == 1 {
                        text.push('"');
                        i += 1;
                    }
                }
                '"' if quoted && at(i + 1) == Some('"') => {
                    text.push('"');
                    i += 2;
                }
                '"' => {
                    quoted = !quoted;
                    i += 1;
                }
                c => {
                    text.push(c);
                    i += 1;
                }
            }
        }
        words.push(Word { text, start, verbatim: false });
    }
}

/// The command line Windows PowerShell 5.1 (and PowerShell 7.0–7.2, or 7.3+ calling a `.cmd`
/// file) gives a program for `args`: an empty argument is dropped; one with whitespace outside its
/// own double quotes (a `"` right after a backslash does not count) is wrapped in `"`; everything
/// else goes as it is, nothing escaped. Each character keeps the start of its argument.
pub(super) fn legacy_line(args: &[Word]) -> Vec<Sourced> {
    let mut line = Vec::new();
    for arg in args.iter().filter(|a| !a.text.is_empty()) {
        let (mut quotes, mut after_backslash) = (0, false);
        let wrap = arg.text.chars().any(|c| {
            quotes += usize::from(c == '"' && !after_backslash);
            after_backslash = c == '\\';
            c.is_whitespace() && quotes % 2 == 0
        });
        if !line.is_empty() {
            line.push((' ', arg.start));
        }
        let quote = wrap.then_some(('"', arg.start));
        line.extend(quote);
        line.extend(arg.text.chars().map(|c| (c, arg.start)));
        line.extend(quote);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sourced(text: &str) -> Vec<Sourced> {
        text.chars().enumerate().map(|(i, c)| (c, i)).collect()
    }

    fn texts(words: Vec<Word>) -> Vec<String> {
        words.into_iter().map(|w| w.text).collect()
    }

    /// The examples of Microsoft's "Parsing C command-line arguments", and the edges of its rules.
    #[test]
    fn the_c_runtime_splits_as_documented() {
        let cases: &[(&str, &[&str])] = &[
            (r#""abc" d e"#, &["abc", "d", "e"]),
            (r#"a\\b d"e f"g h"#, &[r"a\\b", "de fg", "h"]),
            (r#"a\\\"b c d"#, &[r#"a\"b"#, "c", "d"]),
            (r#"a\\\\"b c" d e"#, &[r"a\\b c", "d", "e"]),
            (r#"a"b"" c d"#, &[r#"ab" c d"#]),
            // Blanks are spaces and tabs only; a quoted part may be empty, and may stay open.
            ("a\u{a0}b\tc  ", &["a\u{a0}b", "c"]),
            (r#""" x"#, &["", "x"]),
            (r#""open to the end"#, &["open to the end"]),
            (r#"\\server\share\"#, &[r"\\server\share\"]),
            ("", &[]),
        ];
        for &(line, expected) in cases {
            assert_eq!(texts(split(&sourced(line))), expected, "{line}");
        }
        // Each argument starts where its first character was written.
        let starts: Vec<usize> = split(&sourced(r#"  ab "c d""#)).iter().map(|w| w.start).collect();
        assert_eq!(starts, [2, 5]);
    }

    #[test]
    fn windows_powershell_joins_arguments_the_legacy_way() {
        let words = |args: &[&str]| -> Vec<Word> {
            args.iter().enumerate().map(|(i, a)| Word { text: a.to_string(), start: i, verbatim: false }).collect()
        };
        let cases: &[(&[&str], &str)] = &[
            (&["aws", "", "a b", r#""a b""#], r#"aws "a b" "a b""#),
            // Whitespace inside its own quotes does not count; after \" it does.
            (&[r#"x="a b""#, r#"\"a b\""#], r#"x="a b" "\"a b\"""#),
            // Nothing is escaped: a trailing backslash then escapes the added quote.
            (&[r"a b\"], r#""a b\""#),
        ];
        for &(args, line) in cases {
            let joined: String = legacy_line(&words(args)).into_iter().map(|(c, _)| c).collect();
            assert_eq!(joined, line, "{args:?}");
        }
    }
}
