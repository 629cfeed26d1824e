//! The shortest shorthand that the CLI parses back to exactly a given value, and why each string
//! in it was quoted or escaped.
//!
//! Every candidate encoding is checked in the context where it will stand (what follows it matters:
//! `{a=}` fails while `{a=,b=1}` works): by the parser's own character classes where they settle it
//! (most strings; a proptest holds each such answer to parsing), else by running it through
//! [`parse`] there. The whole result is parsed back once more. So the generator can only be as
//! wrong as the parser, which is itself checked against awscli. The explanation of a choice
//! ([`ScalarNote`]) is made where the choice is made, from the parser's own character classes, so
//! the two cannot drift apart.

use super::Members;
use serde::Serialize;

use super::parser::{
    is_first_follow, is_py_space, is_second_follow, is_start_word, parses, reads_back_quoted, reads_back_unquoted,
    Follow,
};
use super::ShorthandValue;
use crate::json::ToJson;

/// Shorthand cannot express this value; use JSON for the parameter instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct NotExpressible {
    /// Where in the value, such as `Attributes (key: a b)` or `Attributes.a`; empty for the value as
    /// a whole.
    pub path: String,
    /// Why, in plain words (a clause that reads after "because").
    pub reason: String,
}

impl std::fmt::Display for NotExpressible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "not expressible in shorthand: {}", self.reason)
        } else {
            write!(f, "not expressible in shorthand at {}: {}", self.path, self.reason)
        }
    }
}

/// Shorthand text, with a note for every string that could not be written as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct Generated {
    pub text: String,
    /// In the order the strings appear in `text`.
    pub notes: Vec<ScalarNote>,
}

/// One string that the generator quoted or escaped, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[serde(rename_all = "camelCase")]
pub struct ScalarNote {
    /// Where the string is, such as `Content`, `Attributes.a` or `SupportedMessagingContentTypes[1]`
    /// (prefixed with the member, `Event.Content`, by the model layer).
    pub path: String,
    pub written: Written,
    /// What in the string (and where it stands) rules out writing it as it is; never empty.
    pub reasons: Vec<QuoteReason>,
}

/// How a string was written, when not as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToJson)]
#[serde(tag = "style", rename_all = "camelCase")]
pub enum Written {
    /// Unquoted, with each comma written `\,`.
    #[serde(rename_all = "camelCase")]
    EscapedCommas { count: usize },
    /// In quotes (`"` or `'`). Inside them, a quote mark like the enclosing one is written with a
    /// backslash before it, and, when `doubled_backslashes`, every backslash is written twice.
    #[serde(rename_all = "camelCase")]
    Quoted { quote: char, escaped_quotes: usize, doubled_backslashes: bool },
}

/// Something that keeps a string from being written unquoted in shorthand at its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToJson)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum QuoteReason {
    /// An unquoted comma separates items or pairs.
    #[serde(rename_all = "camelCase")]
    Comma { count: usize },
    /// The CLI accepts only characters up to U+FFFF unquoted (most emoji are above).
    #[serde(rename_all = "camelCase")]
    AboveBmp { example: char },
    /// `"` or `'`: one at the start opens a quoted value; anywhere else it is an error.
    #[serde(rename_all = "camelCase")]
    QuoteMark { quote: char },
    /// `]` or `}` after the first character ends an unquoted value.
    #[serde(rename_all = "camelCase")]
    ClosingBracket { bracket: char },
    /// In the second or later item of a bare comma list, `=` means the list ended and a key began.
    EqualsInLaterItem,
    /// Control characters (other than whitespace) are not accepted unquoted.
    #[serde(rename_all = "camelCase")]
    ControlCharacter { example: char },
    /// Whitespace after `=` or `,` is skipped, and an unquoted value cannot start with it.
    #[serde(rename_all = "camelCase")]
    LeadingWhitespace { example: char },
    /// Trailing whitespace is trimmed from unquoted values.
    #[serde(rename_all = "camelCase")]
    TrailingWhitespace { example: char },
    /// `[` or `{` at the start begins a list or a map.
    #[serde(rename_all = "camelCase")]
    OpensStructure { bracket: char },
    /// An unquoted value cannot start with `=`.
    StartsWithEquals,
    /// In a bracket list, a `]` at the start of an item closes the list.
    ClosesList,
    /// `{k=}` reads the `}` as the value, so an empty last value in braces needs `""`.
    EmptyLastInMap,
    /// `[a,]` is read as `[a]`, so an empty last item in brackets needs `""`.
    EmptyLastInList,
    /// An empty item in a bare comma list is not read as an item.
    EmptyInCommaList,
    /// None of the above: the plain form simply does not read back as the same text.
    Other,
}

impl QuoteReason {
    /// The reason as a clause that reads after "because", such as
    /// `it contains a comma (an unquoted comma would start a new item)`.
    pub fn describe(&self) -> String {
        match self.phrase() {
            Phrase::Contains(what) => format!("it contains {what}"),
            Phrase::Clause(clause) => clause,
        }
    }

    fn phrase(&self) -> Phrase {
        use Phrase::{Clause, Contains};
        match *self {
            QuoteReason::Comma { count: 1 } => Contains("a comma (an unquoted comma would start a new item)".into()),
            QuoteReason::Comma { count } => {
                Contains(format!("{count} commas (an unquoted comma would start a new item)"))
            }
            QuoteReason::AboveBmp { example } => Contains(if is_emoji(example) {
                format!("an emoji, {example} (characters above U+FFFF are not accepted unquoted)")
            } else {
                format!(
                    "the character {example} (U+{:X}; characters above U+FFFF are not accepted unquoted)",
                    example as u32
                )
            }),
            QuoteReason::QuoteMark { quote } => Contains(format!(
                "{} {quote} (an unquoted value cannot contain quote marks: one at the start would open a quoted \
                 value, anywhere else it is an error)",
                if quote == '\'' { "an apostrophe" } else { "a double quote" }
            )),
            QuoteReason::ClosingBracket { bracket } => Contains(format!(
                "a closing {} {bracket} (it would end an unquoted value)",
                if bracket == ']' { "bracket" } else { "brace" }
            )),
            QuoteReason::EqualsInLaterItem => Contains(
                "an = sign (in the second or later item of a comma list, an = means the next key has begun)".into(),
            ),
            QuoteReason::ControlCharacter { example } => Contains(format!(
                "the control character U+{:04X} (control characters are not accepted unquoted)",
                example as u32
            )),
            QuoteReason::LeadingWhitespace { example } => Clause(format!(
                "it starts with {} (whitespace right after = or a comma is skipped)",
                whitespace_name(example)
            )),
            QuoteReason::TrailingWhitespace { example } => Clause(format!(
                "it ends with {} (trailing whitespace is trimmed from unquoted values)",
                whitespace_name(example)
            )),
            QuoteReason::OpensStructure { bracket } => Clause(format!(
                "it starts with {bracket} (which would begin a {} instead of text)",
                if bracket == '[' { "list" } else { "map" }
            )),
            QuoteReason::StartsWithEquals => Clause("it starts with = (an unquoted value cannot)".into()),
            QuoteReason::ClosesList => Clause("it starts with ] (in a list, that would close the list)".into()),
            QuoteReason::EmptyLastInMap => Clause(
                "it is empty and is the last value in its braces (written {k=}, the } would be read as the value)"
                    .into(),
            ),
            QuoteReason::EmptyLastInList => Clause(
                "it is empty and is the last item of its list (an empty last item, as in [a,], is dropped)".into(),
            ),
            QuoteReason::EmptyInCommaList => {
                Clause("it is empty, and an empty item in a comma list is not read as an item".into())
            }
            QuoteReason::Other => Clause("its plain form would not read back as the same text".into()),
        }
    }
}

enum Phrase {
    /// Follows "it contains"; several are joined under one "it contains".
    Contains(String),
    /// A whole clause.
    Clause(String),
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF)
}

fn whitespace_name(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '\t' => "a tab".into(),
        '\n' => "a line break".into(),
        '\r' => "a carriage return".into(),
        '\u{a0}' => "a no-break space".into(),
        c => format!("whitespace (U+{:04X})", c as u32),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl ScalarNote {
    /// The note in plain words, for someone who has never seen shorthand, such as: `Event.Content is
    /// quoted in the shorthand because it contains a comma (an unquoted comma would start a new item)
    /// and an emoji, 😀 (characters above U+FFFF are not accepted unquoted).`
    pub fn message(&self) -> String {
        let path = &self.path;
        let mut contains = Vec::new();
        let mut clauses = Vec::new();
        for reason in &self.reasons {
            match reason.phrase() {
                Phrase::Contains(what) => contains.push(what),
                Phrase::Clause(clause) => clauses.push(clause),
            }
        }
        if !contains.is_empty() {
            clauses.insert(0, format!("it contains {}", join_and(&contains)));
        }
        let because = join_and(&clauses);
        match self.written {
            // Only commas are ever escaped, so the reason is always the same.
            Written::EscapedCommas { count } => {
                let which =
                    if count == 1 { "the comma is".to_string() } else { format!("each of the {count} commas is") };
                format!(
                    "In {path}, {which} written \\, in the shorthand: an unquoted comma would start a new item, \
                     and \\, stands for a comma that is part of the text."
                )
            }
            Written::Quoted { quote, escaped_quotes, doubled_backslashes } => {
                let quotes = if quote == '"' { "double quotes" } else { "single quotes" };
                let mut out = format!("{path} is in {quotes} in the shorthand because {because}.");
                if escaped_quotes > 0 {
                    out.push_str(&format!(" Inside the quotes, each {quote} of the text is written \\{quote}."));
                }
                if doubled_backslashes {
                    out.push_str(
                        " Inside the quotes, each backslash is written twice (\\\\), so that none is read as \
                         escaping a quote mark.",
                    );
                }
                out
            }
        }
    }
}

/// The shortest shorthand for `value`, which must be a map (shorthand is `key=value` pairs).
///
/// ```
/// use chat_event_core::cli::shorthand::{generate, parse};
/// let value = parse(r#"Type=MESSAGE,Content="Hi, there""#).unwrap();
/// assert_eq!(generate(&value).unwrap(), r"Type=MESSAGE,Content=Hi\, there");
/// ```
pub fn generate(value: &ShorthandValue) -> Result<String, NotExpressible> {
    generate_with(value, &[], Explain::No).map(|g| g.text)
}

/// As [`generate`], with a note for each string that was quoted or escaped, and why.
///
/// ```
/// use chat_event_core::cli::shorthand::{generate_explained, parse, QuoteReason};
/// let value = parse(r#"Content="Hi, it's me 😀""#).unwrap();
/// let generated = generate_explained(&value).unwrap();
/// assert_eq!(generated.text, r#"Content="Hi, it's me 😀""#);
/// let note = &generated.notes[0];
/// assert_eq!(note.path, "Content");
/// assert_eq!(
///     note.reasons,
///     [QuoteReason::Comma { count: 1 }, QuoteReason::QuoteMark { quote: '\'' }, QuoteReason::AboveBmp { example: '😀' }]
/// );
/// ```
pub fn generate_explained(value: &ShorthandValue) -> Result<Generated, NotExpressible> {
    generate_with(value, &[], Explain::Yes)
}

/// Whether the strings that are quoted or escaped get a [`ScalarNote`]. Working out why a string
/// cannot stand as it is takes more parsing: [`generate`], which drops the notes, does not do it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Explain {
    Yes,
    No,
}

/// As [`generate_explained`], where the model turns a scalar given for any of `list_members`
/// (top-level keys) into a one-item list, so `K=[x]` can be written `K=x`.
pub(crate) fn generate_with(
    value: &ShorthandValue,
    list_members: &[&str],
    explain: Explain,
) -> Result<Generated, NotExpressible> {
    let ShorthandValue::Map(map) = value else {
        return Err(not_expressible("", "shorthand describes a structure or map (key=value pairs), not a lone value"));
    };
    if map.is_empty() {
        return Err(not_expressible("", "an empty structure has no shorthand form ({} is JSON)"));
    }
    let mut out = Enc::new("");
    for (i, (key, item)) in map.iter().enumerate() {
        check_key(key, "")?;
        let last = i + 1 == map.len();
        let encoded = match item {
            ShorthandValue::String(s) => string(s, Ctx::Top { last }, key, explain)?,
            ShorthandValue::List(items) => top_list(items, last, list_members.contains(&key.as_str()), key, explain)?,
            ShorthandValue::Map(inner) => brace(inner, key, explain)?,
        };
        out.push(i > 0, Some(key), encoded);
    }
    let Enc { text, notes } = out;
    // The final check: the real parser (plus the model's fix-up) gives back exactly the value.
    if parses(&text).is_some_and(|parsed| with_list_fixup(parsed, list_members) == *value) {
        Ok(Generated { text, notes })
    } else {
        Err(not_expressible("", "no shorthand spelling parses back to this exact value"))
    }
}

/// The model's fix-up (awscli `BackCompatVisitor`): a non-list value for a list member is wrapped.
pub(crate) fn with_list_fixup(mut value: ShorthandValue, list_members: &[&str]) -> ShorthandValue {
    if let ShorthandValue::Map(map) = &mut value {
        for (k, v) in map.iter_mut() {
            if !matches!(v, ShorthandValue::List(_)) && list_members.contains(&k.as_str()) {
                let item = std::mem::replace(v, ShorthandValue::List(Vec::new()));
                *v = ShorthandValue::List(vec![item]);
            }
        }
    }
    value
}

fn not_expressible(path: &str, reason: &str) -> NotExpressible {
    NotExpressible { path: path.to_string(), reason: reason.to_string() }
}

fn check_key(key: &str, parent: &str) -> Result<(), NotExpressible> {
    let valid = |c: char| c.is_ascii_alphanumeric() || "-_.#/:".contains(c);
    let Some(bad) = key.chars().find(|&c| !valid(c)) else {
        return Ok(());
    };
    let path = if parent.is_empty() { format!("(key: {key})") } else { format!("{parent} (key: {key})") };
    let what = match bad {
        ' ' => "a space".to_string(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c => format!("the character {c}"),
    };
    Err(NotExpressible {
        path,
        reason: format!(
            "the key \"{key}\" contains {what}, and shorthand keys may use only ASCII letters, digits and \
             - _ . # / : (they cannot be quoted)"
        ),
    })
}

/// Where a string stands, and whether anything of its container follows it.
#[derive(Clone, Copy)]
enum Ctx {
    /// A top-level `key=value`.
    Top { last: bool },
    /// An item of a bracket list.
    Item { last: bool },
    /// A value inside braces.
    Member { last: bool },
    /// An item of a bare comma list at the top level (`K=a,b`): the first, or a later one.
    Bare { first: bool },
}

impl Ctx {
    /// The class of the string's later characters, were it unquoted.
    fn follow(self) -> Follow {
        match self {
            Ctx::Bare { first: false } => Follow::Second,
            _ => Follow::First,
        }
    }

    /// Whether more of the shorthand (at least a comma or a closing bracket) follows the string.
    fn followed(self) -> bool {
        match self {
            Ctx::Top { last } | Ctx::Item { last } | Ctx::Member { last } => !last,
            Ctx::Bare { .. } => true,
        }
    }
}

/// One way to spell a string.
struct Candidate {
    text: String,
    written: Option<Written>,
}

/// Candidate spellings of a string, shortest first (ties: unquoted, double, single quotes). Their
/// lengths are counted first, as the characters each adds to the string's own, and each is written
/// out only when it is tried: most strings read back as the first one, and writing all five was
/// most of generating shorthand.
fn candidates(s: &str) -> impl Iterator<Item = Candidate> + '_ {
    // The four characters that change a spelling's length, a pass for each: one pass that told
    // the four apart branched on every byte.
    let [commas, backslashes, double, single] =
        [b',', b'\\', b'"', b'\''].map(|c| crate::bytes::count(s.as_bytes(), c));
    let count = move |quote: char| if quote == '"' { double } else { single };
    // In quotes: a quote mark like the enclosing one gets a backslash before it, and, when doubled,
    // so does every backslash.
    let quoted =
        |quote: char, doubled: bool| (2 + count(quote) + if doubled { backslashes } else { 0 }, Some((quote, doubled)));
    let mut ways = [(commas, None), quoted('"', false), quoted('"', true), quoted('\'', false), quoted('\'', true)];
    // A stable sort keeps the preference order among equal lengths.
    ways.sort_by_key(|(added, _)| *added);
    ways.into_iter().filter(move |(_, way)| backslashes > 0 || !matches!(way, Some((_, true)))).map(move |(_, way)| {
        match way {
            None => Candidate {
                text: if commas == 0 { s.to_string() } else { s.replace(',', "\\,") },
                written: (commas > 0).then_some(Written::EscapedCommas { count: commas }),
            },
            Some((quote, doubled_backslashes)) => {
                let mut text = String::with_capacity(s.len() + 2 + count(quote) + backslashes);
                text.push(quote);
                for c in s.chars() {
                    if c == quote || doubled_backslashes && c == '\\' {
                        text.push('\\');
                    }
                    text.push(c);
                }
                text.push(quote);
                let written = Written::Quoted { quote, escaped_quotes: count(quote), doubled_backslashes };
                Candidate { text, written: Some(written) }
            }
        }
    })
}

/// A spelled value and the notes for the strings in it.
struct Enc {
    text: String,
    notes: Vec<ScalarNote>,
}

impl Enc {
    fn new(open: &str) -> Enc {
        Enc { text: open.to_string(), notes: Vec::new() }
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Appends `item`, after a comma unless it is the first, as `key=item` when it has a key.
    fn push(&mut self, comma: bool, key: Option<&str>, mut item: Enc) {
        if comma {
            self.text.push(',');
        }
        if let Some(key) = key {
            self.text.push_str(key);
            self.text.push('=');
        }
        self.text.push_str(&item.text);
        self.notes.append(&mut item.notes);
    }
}

/// What a test text must parse to: the shape of a [`ShorthandValue`], borrowed, so that checking
/// a candidate builds no values.
#[derive(Clone, Copy)]
enum Expect<'a> {
    Str(&'a str),
    List(&'a [Expect<'a>]),
    Map(&'a [(&'a str, Expect<'a>)]),
    /// A list of exactly these values.
    Values(&'a [ShorthandValue]),
}

impl Expect<'_> {
    /// As `==` on [`ShorthandValue`], where maps are equal when they have the same entries in any
    /// order.
    fn matches(self, value: &ShorthandValue) -> bool {
        match (self, value) {
            (Expect::Str(e), ShorthandValue::String(v)) => e == v,
            (Expect::List(e), ShorthandValue::List(v)) => {
                e.len() == v.len() && e.iter().zip(v).all(|(e, v)| e.matches(v))
            }
            (Expect::Map(e), ShorthandValue::Map(v)) => {
                e.len() == v.len() && e.iter().all(|(k, e)| v.get(*k).is_some_and(|v| e.matches(v)))
            }
            (Expect::Values(e), ShorthandValue::List(v)) => e == v.as_slice(),
            _ => false,
        }
    }
}

/// Whether the grammar's classes alone tell that `c` reads back as `s` where `ctx` puts it, as they
/// do for most strings. Where they do not, [`fits`] parses it.
fn told(c: &Candidate, s: &str, ctx: Ctx) -> bool {
    match c.written {
        Some(Written::Quoted { .. }) => reads_back_quoted(s),
        None | Some(Written::EscapedCommas { .. }) => reads_back_unquoted(s, ctx.follow()),
    }
}

/// Whether `candidate` reads back as `s` where `ctx` puts it.
fn fits(candidate: &str, s: &str, ctx: Ctx) -> bool {
    use Expect::{List, Map, Str};
    let (sv, x, z) = (Str(s), Str("x"), Str("z"));
    let c = candidate;
    match ctx {
        Ctx::Top { last } => reads_back("", c, "", !last, sv),
        Ctx::Item { last: true } => reads_back("[", c, "]", false, List(&[sv])),
        Ctx::Item { last: false } => reads_back("[", c, ",x]", false, List(&[sv, x])),
        Ctx::Member { last: true } => reads_back("{A=", c, "}", false, Map(&[("A", sv)])),
        Ctx::Member { last: false } => reads_back("{A=", c, ",B=x}", false, Map(&[("A", sv), ("B", x)])),
        Ctx::Bare { first: true } => reads_back("", c, ",z", false, List(&[sv, z])),
        Ctx::Bare { first: false } => {
            reads_back("z,", c, "", false, List(&[z, sv])) && reads_back("z,", c, ",z", false, List(&[z, sv, z]))
        }
    }
}

/// Whether `K={before}{c}{after}`, followed by `,L=x` when `more`, parses to `K` = `k` (and `L` = `x`).
fn reads_back(before: &str, c: &str, after: &str, more: bool, k: Expect) -> bool {
    let text = format!("K={before}{c}{after}{}", if more { ",L=x" } else { "" });
    let expected = [("K", k), ("L", Expect::Str("x"))];
    parses(&text).is_some_and(|v| Expect::Map(expected.get(..1 + usize::from(more)).unwrap_or_default()).matches(&v))
}

fn string(s: &str, ctx: Ctx, path: &str, explain: Explain) -> Result<Enc, NotExpressible> {
    for c in candidates(s) {
        // A quoted value ending in a backslash ends in `\"`, which reads as an escaped quote; it only
        // works at the very end of the input, where the CLI's regex backs off to it.
        if c.written.is_some_and(|w| matches!(w, Written::Quoted { .. })) && s.ends_with('\\') && ctx.followed() {
            continue;
        }
        if told(&c, s, ctx) || fits(&c.text, s, ctx) {
            let notes = c
                .written
                .filter(|_| explain == Explain::Yes)
                .map(|written| {
                    let reasons = match written {
                        Written::EscapedCommas { count } => vec![QuoteReason::Comma { count }],
                        Written::Quoted { .. } => unquoted_obstacles(s, ctx),
                    };
                    ScalarNote { path: path.to_string(), written, reasons }
                })
                .into_iter()
                .collect();
            return Ok(Enc { text: c.text, notes });
        }
    }
    let reason = if s.ends_with('\\') {
        "the text ends in a backslash and more shorthand follows it: unquoted, the backslash and the next comma \
         would read as an escaped comma (\\,), and in quotes it would escape the closing quote"
    } else {
        "no shorthand spelling reads back as exactly this text"
    };
    Err(not_expressible(path, reason))
}

/// Why `s` cannot stand unquoted at `ctx`, read off the parser's own character classes
/// (`_START_WORD`, `_FIRST_FOLLOW_CHARS`, `_SECOND_FOLLOW_CHARS`). Called only when the generator
/// found that the unquoted spelling does not read back, so the list is never empty (`Other` at worst).
fn unquoted_obstacles(s: &str, ctx: Ctx) -> Vec<QuoteReason> {
    let mut reasons: Vec<QuoteReason> = Vec::new();
    let mut add = |reason: QuoteReason| {
        // One entry per kind of obstacle; the first example found stands for the rest.
        if !reasons.iter().any(|r| std::mem::discriminant(r) == std::mem::discriminant(&reason)) {
            reasons.push(reason);
        }
    };
    let later_bare_item = matches!(ctx, Ctx::Bare { first: false });
    let follow: fn(char) -> bool = if later_bare_item { is_second_follow } else { is_first_follow };
    let commas = s.matches(',').count();
    if commas > 0 {
        add(QuoteReason::Comma { count: commas });
    }
    for (i, c) in s.chars().enumerate() {
        let first = i == 0;
        if c == ',' {
            continue; // `\,` is allowed anywhere; counted above.
        }
        if first && c == ']' && matches!(ctx, Ctx::Item { .. }) {
            add(QuoteReason::ClosesList);
            continue;
        }
        let allowed = if first { is_start_word(c) } else { follow(c) };
        if allowed {
            continue;
        }
        add(match c {
            c if (c as u32) > 0xFFFF => QuoteReason::AboveBmp { example: c },
            '"' | '\'' => QuoteReason::QuoteMark { quote: c },
            '[' | '{' if first => QuoteReason::OpensStructure { bracket: c },
            ']' | '}' => QuoteReason::ClosingBracket { bracket: c },
            '=' if first => QuoteReason::StartsWithEquals,
            '=' => QuoteReason::EqualsInLaterItem,
            c if first && (is_py_space(c) || c.is_ascii_whitespace()) => QuoteReason::LeadingWhitespace { example: c },
            c if c.is_control() => QuoteReason::ControlCharacter { example: c },
            _ => QuoteReason::Other,
        });
    }
    if let Some(c) = s.chars().last().filter(|&c| is_py_space(c)) {
        add(QuoteReason::TrailingWhitespace { example: c });
    }
    if s.is_empty() {
        add(match ctx {
            Ctx::Member { last: true } => QuoteReason::EmptyLastInMap,
            Ctx::Item { last: true } => QuoteReason::EmptyLastInList,
            Ctx::Bare { .. } => QuoteReason::EmptyInCommaList,
            _ => QuoteReason::Other,
        });
    }
    if reasons.is_empty() {
        reasons.push(QuoteReason::Other);
    }
    reasons
}

fn value(v: &ShorthandValue, ctx: Ctx, path: &str, explain: Explain) -> Result<Enc, NotExpressible> {
    match v {
        ShorthandValue::String(s) => string(s, ctx, path, explain),
        ShorthandValue::List(items) => bracket(items, path, explain),
        ShorthandValue::Map(inner) => brace(inner, path, explain),
    }
}

fn bracket(items: &[ShorthandValue], path: &str, explain: Explain) -> Result<Enc, NotExpressible> {
    let mut out = Enc::new("[");
    for (i, item) in items.iter().enumerate() {
        let enc = value(item, Ctx::Item { last: i + 1 == items.len() }, &format!("{path}[{i}]"), explain)?;
        out.push(i > 0, None, enc);
    }
    out.text.push(']');
    Ok(out)
}

fn brace(members: &Members, path: &str, explain: Explain) -> Result<Enc, NotExpressible> {
    let mut out = Enc::new("{");
    for (i, (key, item)) in members.iter().enumerate() {
        check_key(key, path)?;
        let ctx = Ctx::Member { last: i + 1 == members.len() };
        let enc = value(item, ctx, &format!("{path}.{key}"), explain)?;
        out.push(i > 0, Some(key), enc);
    }
    out.text.push('}');
    Ok(out)
}

/// A list at the top level: a bare list `a,b` when it has two or more plain strings and reads back,
/// a single value when the model wraps it, else `[..]`.
fn top_list(
    items: &[ShorthandValue],
    last: bool,
    model_wraps: bool,
    path: &str,
    explain: Explain,
) -> Result<Enc, NotExpressible> {
    let mut best = bracket(items, path, explain)?;
    if model_wraps && items.len() == 1 {
        let item_path = format!("{path}[0]");
        let single = match items {
            [ShorthandValue::String(s)] => string(s, Ctx::Top { last }, &item_path, explain).ok(),
            [ShorthandValue::Map(m)] => brace(m, &item_path, explain).ok(),
            _ => None,
        };
        // `K=[x]` must not come back as a list of lists, so only a string or a map is unwrapped.
        if let Some(single) = single.filter(|s| s.len() < best.len()) {
            best = single;
        }
    }
    if items.len() >= 2 {
        if let Some(bare) = bare_list(items, last, path, explain) {
            if bare.len() < best.len() {
                best = bare;
            }
        }
    }
    Ok(best)
}

fn bare_list(items: &[ShorthandValue], last: bool, path: &str, explain: Explain) -> Option<Enc> {
    let mut out = Enc::new("");
    for (i, item) in items.iter().enumerate() {
        let ShorthandValue::String(s) = item else { return None };
        let enc = string(s, Ctx::Bare { first: i == 0 }, &format!("{path}[{i}]"), explain).ok()?;
        out.push(i > 0, None, enc);
    }
    reads_back("", &out.text, "", !last, Expect::Values(items)).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every place a string can stand.
    const PLACES: [Ctx; 8] = [
        Ctx::Top { last: true },
        Ctx::Top { last: false },
        Ctx::Item { last: true },
        Ctx::Item { last: false },
        Ctx::Member { last: true },
        Ctx::Member { last: false },
        Ctx::Bare { first: true },
        Ctx::Bare { first: false },
    ];

    /// Characters at the edges of the classes, whitespace that is trimmed and that is not, and the
    /// characters the grammar gives a meaning.
    const PIECES: &[&str] = &[
        "a", "Z", "0", " ", "  ", ",", "=", "\"", "'", "\\", "{", "}", "[", "]", "\n", "\t", "\r", "é", "日本", "😀",
        "\u{a0}", "\u{85}", "\u{1f}", "\u{7f}", "\u{2028}", "\u{3000}", "\u{ffff}", "@", ":", "/", "#", "-", "!",
        "file://", "x=y",
    ];

    #[test]
    fn plain_words_are_told_without_parsing() {
        // (string, where, told)
        let cases: &[(&str, Follow, bool)] = &[
            ("MESSAGE", Follow::First, true),
            ("text/plain", Follow::First, true),
            ("Hi, there", Follow::First, true),
            (",leading comma", Follow::First, true),
            ("héllo 日本", Follow::First, true),
            ("\u{a0}leading no-break space", Follow::First, true),
            ("a=b", Follow::First, true),
            ("a=b", Follow::Second, false),
            ("a]", Follow::First, false),
            ("a]", Follow::Second, true),
            ("]", Follow::First, false),
            ("]", Follow::Second, false),
            ("}a", Follow::First, true),
            ("", Follow::First, false),
            (" leading space", Follow::First, false),
            ("trailing space ", Follow::First, false),
            ("trailing no-break space\u{a0}", Follow::First, false),
            ("back\\slash", Follow::First, false),
            ("\"quoted\"", Follow::First, false),
            ("[list", Follow::First, false),
            ("emoji 😀", Follow::First, false),
        ];
        for &(s, follow, told) in cases {
            assert_eq!(reads_back_unquoted(s, follow), told, "{s:?} {follow:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Where the classes tell that a spelling reads back, parsing it in that place agrees.
        #[test]
        fn spellings_told_read_back_as_parsing_says(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..7)) {
            let s = pieces.concat();
            for c in candidates(&s) {
                for ctx in PLACES {
                    if told(&c, &s, ctx) {
                        prop_assert!(fits(&c.text, &s, ctx), "{:?} does not read back as {:?}", c.text, s);
                    }
                }
            }
        }
    }
}
