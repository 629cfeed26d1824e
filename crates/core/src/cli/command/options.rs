//! The AWS CLI's option tables (the operation's and the global ones) and how its argument parsers
//! (argparse) read a word against them: full names, unique beginnings, attached `=value`s.

use super::lex::{ErrorAt, Word};
use super::CommandError;
use crate::cli::version::Refuser;

/// How an option takes its value: argparse's `action` and `nargs` for it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Takes {
    /// A flag (`store_true` or `store_false`).
    Nothing,
    /// One value: the next word, or the text after `=`.
    One,
    /// One value from a list (argparse's `choices`).
    OneOf(&'static [&'static str]),
    /// `--generate-cli-skeleton`: a value from the list when one follows, else `input`.
    Optional(&'static [&'static str]),
    /// `--version`: the CLI prints its version and exits.
    Version,
}

/// Which AWS CLI has an option.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Cli {
    Both,
    V1,
    V2,
}

/// An option as the CLI's argument parsers know it.
pub(super) struct CliOption {
    pub(super) name: &'static str,
    pub(super) takes: Takes,
    pub(super) cli: Cli,
}

pub(super) const fn option(name: &'static str, takes: Takes, cli: Cli) -> CliOption {
    CliOption { name, takes, cli }
}

/// The operation's options: the request's members in model order (render and parse find a
/// member's option by its place), then the ways to give the whole request.
pub(super) static OPERATION_OPTIONS: [CliOption; 8] = [
    option("--source-id", Takes::One, Cli::Both),
    option("--destination-id", Takes::One, Cli::Both),
    option("--subtype", Takes::One, Cli::Both),
    option("--event", Takes::One, Cli::Both),
    option("--new-session-details", Takes::One, Cli::Both),
    option("--cli-input-json", Takes::One, Cli::Both),
    option("--cli-input-yaml", Takes::One, Cli::V2),
    option("--generate-cli-skeleton", Takes::Optional(&["input", "output", "yaml-input"]), Cli::Both),
];

/// The global options, which the CLI's main parser takes first, wherever they stand: both CLIs'
/// (v1's in its order, then v2's own), and `--version` last, where argparse keeps it (the main
/// parser adds it a second time, replacing the first). The order shows in "ambiguous option".
pub(super) static GLOBAL_OPTIONS: [CliOption; 19] = [
    option("--debug", Takes::Nothing, Cli::Both),
    option("--endpoint-url", Takes::One, Cli::Both),
    option("--no-verify-ssl", Takes::Nothing, Cli::Both),
    option("--no-paginate", Takes::Nothing, Cli::Both),
    option("--output", Takes::OneOf(&["json", "text", "table", "yaml", "yaml-stream"]), Cli::Both),
    option("--query", Takes::One, Cli::Both),
    option("--profile", Takes::One, Cli::Both),
    option("--region", Takes::One, Cli::Both),
    option("--color", Takes::OneOf(&["on", "off", "auto"]), Cli::Both),
    option("--no-sign-request", Takes::Nothing, Cli::Both),
    option("--ca-bundle", Takes::One, Cli::Both),
    option("--cli-read-timeout", Takes::One, Cli::Both),
    option("--cli-connect-timeout", Takes::One, Cli::Both),
    option("--v2-debug", Takes::Nothing, Cli::V1),
    option("--cli-binary-format", Takes::OneOf(&["base64", "raw-in-base64-out"]), Cli::V2),
    option("--no-cli-pager", Takes::Nothing, Cli::V2),
    option("--cli-auto-prompt", Takes::Nothing, Cli::V2),
    option("--no-cli-auto-prompt", Takes::Nothing, Cli::V2),
    option("--version", Takes::Version, Cli::Both),
];

/// How one of the CLI's argument parsers sees a word (argparse's `_parse_optional`).
#[derive(Clone, Copy)]
pub(super) enum Class {
    /// A value, or a word that is not an option: a negative number, a word with a space.
    Positional,
    /// The first `--`: every word after it is positional.
    EndOfOptions,
    /// One of the parser's options, named in full or by a unique beginning; `attached` is the byte
    /// index of the `=` that attaches its value.
    Known { spec: &'static CliOption, abbreviated: bool, attached: Option<usize> },
    /// An option this parser does not know: it is left for the next parser.
    Unknown,
}

/// argparse's reading of one word against `table`; `Err` lists the options an abbreviation could be.
pub(super) fn classify(word: &str, table: &'static [CliOption]) -> Result<Class, String> {
    if word == "--" {
        return Ok(Class::EndOfOptions);
    }
    let Some(rest) = word.strip_prefix('-').filter(|rest| !rest.is_empty()) else {
        return Ok(Class::Positional);
    };
    let attached = word.find('=');
    let name = attached.map_or(word, |eq| &word[..eq]);
    let (mut found, mut count, mut could_be) = (None, 0, String::new());
    for spec in table {
        // The whole word, or the part before `=`, names the option: argparse looks no further.
        if spec.name == word || attached.is_some() && spec.name == name {
            return Ok(Class::Known { spec, abbreviated: false, attached });
        }
        if word.starts_with("--") && spec.name.starts_with(name) {
            if count > 0 {
                could_be.push_str(", ");
            }
            (found, count) = (Some(spec), count + 1);
            could_be.push_str(spec.name);
        }
    }
    match found {
        Some(spec) if count == 1 => return Ok(Class::Known { spec, abbreviated: true, attached }),
        Some(_) => return Err(could_be),
        None => {}
    }
    // argparse's negative numbers, `^-\d+$|^-\d*\.\d+$`, are values.
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let negative_number = match rest.split_once('.') {
        None => digits(rest),
        Some((whole, fraction)) => digits(whole) && !fraction.is_empty() && digits(fraction),
    };
    Ok(if negative_number || word.contains(' ') { Class::Positional } else { Class::Unknown })
}

/// An option one of the CLI's parsers took.
pub(super) struct Taken<'w> {
    pub(super) spec: &'static CliOption,
    /// The word that named it.
    pub(super) word: &'w Word,
    pub(super) abbreviated: bool,
    /// Its value: the text, where it starts in the command, and whether positions inside it map
    /// onto the command's text one to one.
    pub(super) value: Option<(String, usize, bool)>,
}

/// What one of the CLI's parsers did with the words.
pub(super) struct Pass<'w> {
    /// The options it took, in order.
    pub(super) taken: Vec<Taken<'w>>,
    /// The words it left to the next parser, each with how this one saw it.
    pub(super) left: Vec<(&'w Word, Class)>,
}

impl Pass<'_> {
    /// The value of the last of these options given, as argparse keeps it.
    pub(super) fn last(&self, name: &str) -> Option<&Taken<'_>> {
        self.taken.iter().rev().find(|t| t.spec.name == name)
    }
}

/// One argparse `parse_known_args` over `words` with the options of `table`.
#[allow(clippy::result_large_err)]
pub(super) fn parse_known<'w>(
    words: &[&'w Word],
    table: &'static [CliOption],
    at: &ErrorAt,
) -> Result<Pass<'w>, CommandError> {
    // argparse reads every word before it takes any: an ambiguous option is its first error.
    let mut classes = Vec::with_capacity(words.len());
    let mut ended = false;
    for word in words {
        let class = if ended {
            Class::Positional
        } else {
            classify(&word.text, table).map_err(|could_be| {
                at.error(
                    word.start,
                    &format!("ambiguous option: {} could match {could_be}", word.text),
                    Some("The CLI takes the beginning of an option's name when only one option starts so: write the name in full."),
                )
                .by(Refuser::Argparse)
            })?
        };
        ended |= matches!(class, Class::EndOfOptions);
        classes.push(class);
    }
    let mut pass = Pass { taken: Vec::new(), left: Vec::new() };
    let mut i = 0;
    while let (Some(&word), Some(&class)) = (words.get(i), classes.get(i)) {
        i += 1;
        let Class::Known { spec, abbreviated, attached } = class else {
            pass.left.push((word, class));
            continue;
        };
        let name = spec.name;
        let value = match (spec.takes, attached) {
            (Takes::Nothing | Takes::Version, Some(eq)) => {
                let message = format!("argument {name}: ignored explicit argument '{}'", &word.text[eq + 1..]);
                return Err(at
                    .option_error(word.start, name, &message, Some("The option is a flag: it takes no value."))
                    .by(Refuser::Argparse));
            }
            (Takes::Version, None) => {
                return Err(at.option_error(
                    word.start,
                    name,
                    "--version: the CLI prints its version and exits, and sends nothing",
                    Some("Leave --version out to send the request."),
                ));
            }
            (Takes::Nothing, None) => None,
            (_, Some(eq)) => {
                Some((word.text[eq + 1..].to_string(), word.start + word.text[..=eq].chars().count(), word.verbatim))
            }
            // The next word, unless it is an option or `--` (argparse takes neither as a value).
            (takes, None) => match (words.get(i), classes.get(i)) {
                (Some(value), Some(Class::Positional)) => {
                    i += 1;
                    Some((value.text.clone(), value.start, value.verbatim))
                }
                _ if matches!(takes, Takes::Optional(_)) => None,
                (next, _) => {
                    return Err(at
                        .option_error(
                            next.map_or(at.chars.len(), |w| w.start),
                            name,
                            &format!("argument {name}: expected one argument"),
                            Some(&format!(
                            "Give {name} a value. A value starting with - must be attached with =, as in {name}=-abc."
                        )),
                        )
                        .by(Refuser::Argparse));
                }
            },
        };
        if let (Takes::OneOf(choices) | Takes::Optional(choices), Some((text, start, _))) = (spec.takes, &value) {
            if !choices.contains(&text.as_str()) {
                return Err(at
                    .option_error(
                        *start,
                        name,
                        &format!("argument {name}: Invalid choice, valid choices are: {}", choices.join(", ")),
                        Some(&format!("'{text}' is not one of them.")),
                    )
                    .by(Refuser::Argparse));
            }
        }
        pass.taken.push(Taken { spec, word, abbreviated, value });
    }
    Ok(pass)
}

/// The option's name as typed, without an attached `=value`.
pub(super) fn typed_name(word: &Word) -> &str {
    word.text.split('=').next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shape::REQUEST;

    /// The CLI's option for a member: `NewSessionDetails` is `--new-session-details`.
    fn cli_name(member: &str) -> String {
        let mut out = String::from("--");
        for (i, c) in member.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// Render and parse find a member's option by its place: the request's members, in model order,
    /// are the first of the operation's options; the others are not members.
    #[test]
    fn options_begin_with_the_members_in_model_order() {
        let members = REQUEST.members;
        for (index, member) in members.iter().enumerate() {
            let option = OPERATION_OPTIONS.get(index).map(|o| o.name);
            assert_eq!(option, Some(cli_name(member.name).as_str()), "member {}", member.name);
        }
        for option in &OPERATION_OPTIONS[members.len()..] {
            assert!(members.iter().all(|m| cli_name(m.name) != option.name), "{}", option.name);
        }
        assert_eq!(cli_name("NewSessionDetails"), "--new-session-details");
    }
}
