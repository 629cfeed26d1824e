//! The generic shorthand parser: a faithful port of awscli's `ShorthandParser` (awscli/shorthand.py).
//!
//! The port keeps the original's structure, including its backtracking and the exact points where
//! whitespace is skipped, because the odd corners (`A=x,,B=y` tolerated, `{a=}` failing, emoji
//! rejected unquoted) all fall out of those details. The parser walks the text by byte offsets; an
//! error's position is given in Unicode scalar values, as Python counts them, so that it matches the
//! CLI's caret.

use super::Members;

use super::error::{ShorthandError, ShorthandErrorKind};
use super::ShorthandValue;

/// Parses shorthand text into a value, exactly as the AWS CLI does before it applies a model.
///
/// ```
/// use chat_event_core::cli::shorthand::parse;
/// use chat_event_core::json::ToJson;
/// let value = parse("Type=MESSAGE,Content=a=b").unwrap();
/// assert_eq!(value.to_json(), serde_json::json!({"Type": "MESSAGE", "Content": "a=b"}));
/// assert!(parse("Content=hi😀").is_err()); // emoji must be quoted
/// ```
pub fn parse(text: &str) -> Result<ShorthandValue, ShorthandError> {
    let mut parser = Parser { input: text, index: 0, resolve_paramfiles: false, depth: 1 };
    parser.parameter().map(ShorthandValue::Map).map_err(|fail| parser.finish(fail))
}

/// What [`parse`] gives, or `None` where it fails, without making the error (its message and
/// caret): the generator reads back every spelling it tries, and rejects most of those that fail.
pub(crate) fn parses(text: &str) -> Option<ShorthandValue> {
    let mut parser = Parser { input: text, index: 0, resolve_paramfiles: false, depth: 1 };
    parser.parameter().ok().map(ShorthandValue::Map)
}

/// How deep lists and maps may nest, the top-level `key=value` pairs counting as one level: as deep
/// as the option's JSON form may go (serde_json's limit, kept by `crate::json::parse`: the 128th
/// nested container is refused). The parser recurses once per level, and so do the walks over its
/// value; in the browser's 1 MB wasm stack, about 2,000 levels overflowed.
const MAX_DEPTH: usize = 127;

/// An internal failure: a syntax error (which the list parser may backtrack from) or a final one.
/// `index` is a byte offset, turned into a character position when the error is made.
enum Fail {
    Syntax { expected: Token, actual: Token, index: usize },
    Final(ShorthandError),
}

/// What a syntax error expected or found: a character, or the CLI's name for a token or for the
/// end. Made into text only when the error is reported: the list parser backtracks from one such
/// error after every `key=value` pair that another follows.
#[derive(Clone, Copy)]
enum Token {
    Char(char),
    Name(&'static str),
}

impl Token {
    fn text(self) -> String {
        match self {
            Token::Char(c) => c.to_string(),
            Token::Name(name) => name.to_string(),
        }
    }
}

type PResult<T> = Result<T, Fail>;

struct Parser<'a> {
    input: &'a str,
    /// A byte offset into `input`, always at a character boundary.
    index: usize,
    /// Set after `key@=`: values starting with `file://`/`fileb://` name a file to load.
    resolve_paramfiles: bool,
    /// How many lists and maps are open, the top level's included.
    depth: usize,
}

/// `string.whitespace`, which is what `_consume_whitespace` skips (ASCII only).
fn is_ascii_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// Declares a character class by its rule, as two functions. `$name` tests a character: an ASCII
/// one (nearly every one a value has) by one bit of a mask that the compiler works out from the
/// rule itself; any other by the rule. `$step` is the word loop's test of a byte, from a table the
/// compiler works out the same way: an ASCII byte other than `\` (whose step depends on the next
/// byte) by the rule, and every byte of a character from U+0080 to U+FFFF (a byte below 0xF0) as
/// taken, which holds because every class takes all of them (`every_class_takes_the_bmp_beyond_ascii`).
/// The word loops test every character of a value, and the rules' range scans were most of
/// parsing shorthand.
macro_rules! class {
    ($(#[$doc:meta])* $vis:vis fn $name:ident / $step:ident ($c:ident) $rule:block) => {
        $(#[$doc])*
        $vis fn $name($c: char) -> bool {
            const fn rule($c: char) -> bool $rule
            const ASCII: u128 = {
                let mut mask = 0u128;
                let mut b = 0u8;
                while b < 128 {
                    if rule(b as char) {
                        mask |= 1 << b;
                    }
                    b += 1;
                }
                mask
            };
            if $c.is_ascii() {
                (ASCII >> ($c as u32)) & 1 == 1
            } else {
                rule($c)
            }
        }

        fn $step(b: u8) -> bool {
            const fn rule($c: char) -> bool $rule
            const STEPS: [bool; 256] = {
                let mut steps = [false; 256];
                let mut b = 0;
                while b < 256 {
                    steps[b] = if b < 0x80 { b != b'\\' as usize && rule(b as u8 as char) } else { b < 0xF0 };
                    b += 1;
                }
                steps
            };
            STEPS[b as usize]
        }
    };
}

/// Python's `str.isspace()` and the regex class `\s` on str: Unicode's White_Space (what
/// `char::is_whitespace` tests, written out so that the classes below are worked out by the
/// compiler with the Rust this crate supports) plus U+001C..U+001F, which White_Space leaves out.
pub(crate) const fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{1c}'..='\u{1f}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

const fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let n = c as u32;
    let mut i = 0;
    while i < ranges.len() {
        if ranges[i].0 <= n && n <= ranges[i].1 {
            return true;
        }
        i += 1;
    }
    false
}

class! {
    /// `_START_WORD`: the first character of an unquoted value. Not whitespace or other controls,
    /// `"`, `'`, `,`, `=`, `[`, `{`, nor anything above U+FFFF.
    pub(crate) fn is_start_word / start_word_step(c) {
        in_ranges(c, &[(0x21, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x3C), (0x3E, 0x5A), (0x5C, 0x7A), (0x7C, 0xFFFF)])
    }
}

class! {
    /// `_FIRST_FOLLOW_CHARS`: later characters of a value that is not a later item of a bare list.
    /// Whitespace allowed; not `"`, `'`, `,`, `]`, `}`, non-space controls, nor above U+FFFF.
    pub(crate) fn is_first_follow / first_follow_step(c) {
        is_py_space(c)
            || in_ranges(c, &[(0x21, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x5C), (0x5E, 0x7C), (0x7E, 0xFFFF)])
    }
}

class! {
    /// `_SECOND_FOLLOW_CHARS`: later characters of the 2nd, 3rd... item of a bare list. Here `=` is
    /// excluded (it ends the list) while `]` and `}` are allowed.
    pub(crate) fn is_second_follow / second_follow_step(c) {
        is_py_space(c) || in_ranges(c, &[(0x21, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x3C), (0x3E, 0xFFFF)])
    }
}

/// The class of an unquoted value's later characters: `_FIRST_FOLLOW_CHARS` for any value but a
/// later item of a bare list, which takes `_SECOND_FOLLOW_CHARS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Follow {
    First,
    Second,
}

/// Whether `s`, written unquoted with a backslash before each comma, is matched whole as one value
/// and read back as exactly `s`, wherever a value of `follow` stands with a comma, a closing
/// bracket or the end after it. Told from the classes alone, without building a value: a start
/// character other than `]` (which would end a list before its first item), then characters of
/// the class (a comma being escaped), no backslash of its own (which would need more thought than
/// this), and no trailing whitespace (which the parser trims). Where it says no, only parsing can
/// tell; where it says yes, parsing agrees (generate.rs, `spellings_told_read_back_as_parsing_says`).
pub(crate) fn reads_back_unquoted(s: &str, follow: Follow) -> bool {
    let step = match follow {
        Follow::First => first_follow_step,
        Follow::Second => second_follow_step,
    };
    let Some((&first, rest)) = s.as_bytes().split_first() else { return false };
    // The steps refuse `\` (its step depends on the next byte), as both need here.
    (first == b',' || start_word_step(first) && first != b']')
        && rest.iter().all(|&b| b == b',' || step(b))
        && !s.ends_with(is_py_space)
}

/// Whether `s` in quotes, with a backslash before each quote like the enclosing one, reads back as
/// exactly `s` wherever a value stands: so when `s` has no backslash of its own, for then the
/// closing quote is the first one without a backslash before it and each escaped quote loses its
/// backslash. Held to parsing by the same test as [`reads_back_unquoted`].
pub(crate) fn reads_back_quoted(s: &str) -> bool {
    !s.as_bytes().contains(&b'\\')
}

/// `_KEYS`' characters: ASCII letters and digits and `-_.#/:`.
fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/' | ':')
}

/// `s` with the `\` dropped before each byte that `escapes` takes, left to right: the byte after it is
/// kept as it is and not read again, and any other `\` is kept. Every `\` is found by a byte search,
/// where the general string searcher behind `str::replace` was a good part of reading a value with a
/// backslash. What the CLI does with a value's backslashes, written as one pass:
/// - unquoted, `s.replace("\\,", ",")`: `escapes` takes `,`;
/// - quoted in `q`, `s.replace("\\q", "q").replace("\\\\", "\\")`: `escapes` takes `q` and `\`. The two
///   replaces come to the same: a run of backslashes before `q` loses its last one to the first and
///   is halved by the second, as the one pass halves it (a pair at a time) and takes its odd one, if
///   any, with the `q` (`unescape_is_the_clis_replaces`).
fn unescape(s: &str, escapes: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('\\') {
        // `\` and every byte `escapes` takes are ASCII: each slice below ends on a character boundary.
        let escaped = rest.as_bytes().get(at + 1).is_some_and(|&b| escapes(b));
        let end = at + 1 + usize::from(escaped);
        out.push_str(rest.get(..at).unwrap_or_default());
        // The escaped byte, or the `\` itself: ASCII either way.
        out.push(rest.as_bytes().get(end - 1).map_or('\\', |&b| char::from(b)));
        rest = rest.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// An unquoted value matched: where it ends, and whether it has a backslash to resolve.
#[derive(Clone, Copy)]
struct Word {
    end: usize,
    backslash: bool,
}

/// The length of the word step at the `\` at `at`: `\,` is one step of two bytes, and a `\`
/// before anything else one of its own (every class takes it).
fn backslash_step(bytes: &[u8], at: usize) -> usize {
    if bytes.get(at + 1) == Some(&b',') {
        2
    } else {
        1
    }
}

impl<'a> Parser<'a> {
    fn current(&self) -> Option<char> {
        self.input.get(self.index..).and_then(|rest| rest.chars().next())
    }

    fn advance(&mut self, c: char) {
        self.index += c.len_utf8();
    }

    fn at_eof(&self) -> bool {
        self.index >= self.input.len()
    }

    fn text(&self, from: usize, to: usize) -> &'a str {
        self.input.get(from..to).unwrap_or_default()
    }

    fn syntax(&self, expected: Token, actual: Token, index: usize) -> Fail {
        Fail::Syntax { expected, actual, index }
    }

    /// An error at byte offset `index`, located as the CLI locates it (in characters).
    fn error(&self, kind: ShorthandErrorKind, index: usize) -> ShorthandError {
        let chars: Vec<char> = self.input.chars().collect();
        ShorthandError::new(&chars, kind, self.char_position(index))
    }

    /// How many characters come before byte offset `index`.
    fn char_position(&self, index: usize) -> usize {
        self.input.get(..index).map_or_else(|| self.input.chars().count(), |before| before.chars().count())
    }

    fn finish(&self, fail: Fail) -> ShorthandError {
        match fail {
            Fail::Syntax { expected, actual, index } => {
                self.error(ShorthandErrorKind::Syntax { expected: expected.text(), received: actual.text() }, index)
            }
            Fail::Final(e) => e,
        }
    }

    // parameter = keyval *("," keyval)
    fn parameter(&mut self) -> PResult<Members> {
        let mut params = Members::default();
        let (key, val) = self.keyval()?;
        params.insert(key, val);
        let mut last_index = self.index;
        while self.index < self.input.len() {
            self.expect(',', true)?;
            let (key, val) = self.keyval()?;
            if params.contains_key(&key) {
                // The CLI points one character past the end of the previous pair.
                let chars: Vec<char> = self.input.chars().collect();
                let at = self.char_position(last_index) + 1;
                return Err(Fail::Final(ShorthandError::new(&chars, ShorthandErrorKind::DuplicateKey { key }, at)));
            }
            params.insert(key, val);
            last_index = self.index;
        }
        Ok(params)
    }

    // keyval = key "=" [values] / key "@=" [file-optional-values]
    fn keyval(&mut self) -> PResult<(String, ShorthandValue)> {
        let key = self.key();
        self.at_sign();
        self.expect('=', true)?;
        let values = self.values()?;
        Ok((key, values))
    }

    /// `key@=`: the `@` is optional; trying it skips whitespace even when it is absent, as in the CLI.
    /// (Not through `expect`: its miss would build an error for every key.)
    fn at_sign(&mut self) {
        self.consume_whitespace();
        self.resolve_paramfiles = self.current() == Some('@');
        if self.resolve_paramfiles {
            self.index += 1;
            self.consume_whitespace();
        }
    }

    fn key(&mut self) -> String {
        // Key characters are ASCII, one byte each.
        let start = self.index;
        while self.input.as_bytes().get(self.index).is_some_and(|&b| is_key_char(b as char)) {
            self.index += 1;
        }
        self.text(start, self.index).to_string()
    }

    fn values(&mut self) -> PResult<ShorthandValue> {
        match self.current() {
            None => Ok(ShorthandValue::String(String::new())),
            Some(c @ ('[' | '{')) => self.nested(c),
            Some(_) => self.csv_value(),
        }
    }

    /// A `[...]` list or `{...}` map one level deeper, refused beyond [`MAX_DEPTH`] at its bracket.
    fn nested(&mut self, bracket: char) -> PResult<ShorthandValue> {
        if self.depth >= MAX_DEPTH {
            let kind = ShorthandErrorKind::TooDeep { limit: MAX_DEPTH };
            return Err(Fail::Final(self.error(kind, self.index)));
        }
        self.depth += 1;
        let value = if bracket == '[' { self.explicit_list() } else { self.hash_literal() };
        self.depth -= 1;
        value
    }

    // foo=bar -> 'bar'; foo=bar,baz -> ['bar', 'baz']
    fn csv_value(&mut self) -> PResult<ShorthandValue> {
        let first_value = self.first_value()?;
        self.consume_whitespace();
        if self.current() != Some(',') {
            return Ok(ShorthandValue::String(first_value));
        }
        self.expect(',', true)?;
        // The later items; none (no allocation) when the comma turns out to start the next pair.
        let mut later = Vec::new();
        loop {
            match self.csv_item() {
                Ok((current, done)) => {
                    later.push(ShorthandValue::String(current));
                    if done {
                        break;
                    }
                }
                Err(Fail::Syntax { expected, actual, index }) => {
                    if self.at_eof() {
                        return Err(Fail::Syntax { expected, actual, index });
                    }
                    // `foo=a,b,c=d`: the `=` shows `c` was the next key; go back to its comma.
                    self.backtrack_to(b',');
                    break;
                }
                Err(other) => return Err(other),
            }
        }
        if later.is_empty() {
            return Ok(ShorthandValue::String(first_value));
        }
        later.insert(0, ShorthandValue::String(first_value));
        Ok(ShorthandValue::List(later))
    }

    /// One later item of a bare list and the comma after it; `true` when the input ended instead.
    fn csv_item(&mut self) -> PResult<(String, bool)> {
        let current = self.second_value()?;
        self.consume_whitespace();
        if self.at_eof() {
            return Ok((current, true));
        }
        self.expect(',', true)?;
        Ok((current, false))
    }

    /// Matches `(\\,|[start])(\\,|[follow])*` at the current index: where the word ends, and whether
    /// it has a backslash. `step` is the follow class's byte test (see [`class!`]); generic over it,
    /// so that each byte's test is inlined rather than called through a pointer.
    fn match_word(&self, step: impl Fn(u8) -> bool) -> Option<Word> {
        let bytes = self.input.as_bytes();
        // The first character, of the start class (the later bytes of a longer one are steps below).
        let (mut end, mut backslash) = match *bytes.get(self.index)? {
            b'\\' => (self.index + backslash_step(bytes, self.index), true),
            b if start_word_step(b) => (self.index + 1, false),
            _ => return None,
        };
        loop {
            while bytes.get(end).is_some_and(|&b| step(b)) {
                end += 1;
            }
            // What stopped it: the end, a character the class does not take (ASCII, or above
            // U+FFFF), or `\`, which every class takes.
            if bytes.get(end) != Some(&b'\\') {
                return Some(Word { end, backslash });
            }
            backslash = true;
            end += backslash_step(bytes, end);
        }
    }

    fn unquoted(&mut self, Word { end, backslash }: Word) -> PResult<String> {
        let consumed = self.text(self.index, end);
        self.index = end;
        let mut processed = if backslash { unescape(consumed, |b| b == b',') } else { consumed.to_string() };
        processed.truncate(processed.trim_end_matches(is_py_space).len());
        self.resolve(processed)
    }

    fn value(&mut self) -> PResult<String> {
        match self.match_word(first_follow_step) {
            Some(word) => self.unquoted(word),
            None => Ok(String::new()),
        }
    }

    // explicit-list = "[" [value *("," value)] "]"
    fn explicit_list(&mut self) -> PResult<ShorthandValue> {
        self.expect('[', true)?;
        let mut values = Vec::new();
        while self.current() != Some(']') {
            values.push(self.explicit_values()?);
            self.consume_whitespace();
            if self.current() != Some(']') {
                self.expect(',', false)?;
                self.consume_whitespace();
            }
        }
        self.expect(']', false)?;
        Ok(ShorthandValue::List(values))
    }

    fn explicit_values(&mut self) -> PResult<ShorthandValue> {
        match self.current() {
            Some(c @ ('[' | '{')) => self.nested(c),
            _ => self.first_value().map(ShorthandValue::String),
        }
    }

    fn hash_literal(&mut self) -> PResult<ShorthandValue> {
        self.expect('{', true)?;
        let mut keyvals = Members::default();
        while self.current() != Some('}') {
            let key = self.key();
            self.at_sign();
            self.expect('=', true)?;
            let v = self.explicit_values()?;
            self.consume_whitespace();
            if self.current() != Some('}') {
                self.expect(',', false)?;
                self.consume_whitespace();
            }
            // Inside braces a repeated key simply overwrites (a Python dict assignment).
            keyvals.insert(key, v);
        }
        self.expect('}', false)?;
        Ok(ShorthandValue::Map(keyvals))
    }

    fn first_value(&mut self) -> PResult<String> {
        match self.current() {
            Some('\'') => self.quoted('\'', "<singled quoted>"),
            Some('"') => self.quoted('"', "<double quoted>"),
            _ => self.value(),
        }
    }

    fn second_value(&mut self) -> PResult<String> {
        match self.current() {
            Some('\'') => self.quoted('\'', "<singled quoted>"),
            Some('"') => self.quoted('"', "<double quoted>"),
            _ => match self.match_word(second_follow_step) {
                Some(word) => self.unquoted(word),
                None => Err(self.syntax(Token::Name("<second>"), Token::Name("<none>"), self.index)),
            },
        }
    }

    /// Matches the regex `q(?:\\q|[^q])*q` with Python's backtracking: the greedy scan stops at the
    /// first quote not escaped by a backslash; if the text ends first, the regex backs off to the last
    /// `\q`, taking that quote as the closing one. The quote and the backslash are ASCII, so the scan
    /// is over bytes (no byte of a longer character equals either). Also says whether the quoted
    /// text has a backslash, so that it need not be searched again.
    fn match_quoted(&self, q: u8) -> Option<(usize, bool)> {
        let bytes = self.input.as_bytes();
        let mut j = self.index + 1;
        let mut last_escaped_quote = None;
        let mut backslash = false;
        loop {
            // Backing off: the text then ends with `\q`, so it has a backslash.
            let Some(at) = crate::bytes::find::<0>(bytes, j, q, b'\\') else {
                return last_escaped_quote.map(|p: usize| (p + 1, true));
            };
            if bytes.get(at) == Some(&q) {
                return Some((at + 1, backslash));
            }
            backslash = true;
            j = at + 1;
            if bytes.get(j) == Some(&q) {
                last_escaped_quote = Some(j);
                j += 1;
            }
        }
    }

    /// `name` is the CLI's name for the token, such as `<double quoted>`.
    fn quoted(&mut self, q: char, name: &'static str) -> PResult<String> {
        let Some((end, backslash)) = self.match_quoted(q as u8) else {
            return Err(self.syntax(Token::Name(name), Token::Name("<none>"), self.index));
        };
        let inner = self.text(self.index + 1, end - 1);
        self.index = end;
        let value = if backslash { unescape(inner, |b| b == b'\\' || b == q as u8) } else { inner.to_string() };
        self.resolve(value)
    }

    /// After `key@=`, a `file://` or `fileb://` value names a file for the CLI to read. A browser
    /// cannot read the user's files, so that is an error asking for the content instead.
    fn resolve(&self, value: String) -> PResult<String> {
        if self.resolve_paramfiles && (value.starts_with("file://") || value.starts_with("fileb://")) {
            let start = self.char_position(self.index).saturating_sub(value.chars().count());
            let chars: Vec<char> = self.input.chars().collect();
            return Err(Fail::Final(ShorthandError::new(
                &chars,
                ShorthandErrorKind::FileReference { reference: value },
                start,
            )));
        }
        Ok(value)
    }

    fn expect(&mut self, c: char, consume_whitespace: bool) -> PResult<()> {
        if consume_whitespace {
            self.consume_whitespace();
        }
        match self.current() {
            None => return Err(self.syntax(Token::Char(c), Token::Name("EOF"), self.index)),
            Some(actual) if actual != c => return Err(self.syntax(Token::Char(c), Token::Char(actual), self.index)),
            Some(_) => {}
        }
        self.advance(c);
        if consume_whitespace {
            self.consume_whitespace();
        }
        Ok(())
    }

    /// Back, one character at a time, to the nearest `c` at or before the index (ASCII `c`).
    fn backtrack_to(&mut self, c: u8) {
        let bytes = self.input.as_bytes();
        while bytes.get(self.index).is_some_and(|&x| x != c) {
            let Some(previous) = self.input.get(..self.index).and_then(|before| before.chars().next_back()) else {
                break;
            };
            self.index -= previous.len_utf8();
        }
    }

    fn consume_whitespace(&mut self) {
        // `string.whitespace` is ASCII, one byte each.
        while self.input.as_bytes().get(self.index).is_some_and(|&b| is_ascii_ws(b as char)) {
            self.index += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The written-out White_Space is std's, for every character.
    #[test]
    fn py_space_is_white_space_and_the_four_separators() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_py_space(c), c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c), "{:#x}", c as u32);
        }
    }

    /// The word loop steps over every byte of a character from U+0080 to U+FFFF, and over `\`,
    /// without testing the character: that holds only while every class takes all of them (and none
    /// takes what lies above).
    #[test]
    fn every_class_takes_the_bmp_beyond_ascii() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32).chain(['\\']) {
            let bmp = (c as u32) <= 0xFFFF;
            assert_eq!([is_start_word(c), is_first_follow(c), is_second_follow(c)], [bmp; 3], "{:#x}", c as u32);
        }
    }

    /// Each class's byte steps are its character test on ASCII (but `\`), and take exactly the bytes
    /// of characters up to U+FFFF beyond it.
    #[test]
    fn byte_steps_are_the_classes() {
        for b in 0..=255u8 {
            let want = |class: fn(char) -> bool| if b < 0x80 { b != b'\\' && class(char::from(b)) } else { b < 0xF0 };
            assert_eq!(start_word_step(b), want(is_start_word), "{b:#x}");
            assert_eq!(first_follow_step(b), want(is_first_follow), "{b:#x}");
            assert_eq!(second_follow_step(b), want(is_second_follow), "{b:#x}");
        }
    }

    /// The one pass is the CLI's replaces, quoted and unquoted, on every string of up to seven
    /// backslashes, quotes of both kinds, commas and other characters.
    #[test]
    fn unescape_is_the_clis_replaces() {
        let pieces = ["\\", "\"", "'", ",", "é", "😀"];
        let mut strings = vec![String::new()];
        for _ in 0..7 {
            strings = strings.iter().flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}"))).collect();
            for s in &strings {
                for q in ['"', '\''] {
                    let want = s.replace(&format!("\\{q}"), &q.to_string()).replace("\\\\", "\\");
                    assert_eq!(unescape(s, |b| b == b'\\' || b == q as u8), want, "{s:?} {q:?}");
                }
                assert_eq!(unescape(s, |b| b == b','), s.replace("\\,", ","), "{s:?}");
            }
        }
    }

    /// The classes' ASCII masks answer as the CLI's regex classes do (`re` character sets in
    /// awscli's shorthand.py), around every boundary.
    #[test]
    fn classes_answer_for_ascii_as_their_rules() {
        for (c, start, first, second) in [
            (' ', false, true, true),
            ('\t', false, true, true),
            ('\u{1c}', false, true, true),
            ('\u{1}', false, false, false),
            ('!', true, true, true),
            ('"', false, false, false),
            ('\'', false, false, false),
            (',', false, false, false),
            ('=', false, true, false),
            ('[', false, true, true),
            (']', true, false, true),
            ('\\', true, true, true),
            ('{', false, true, true),
            ('}', true, false, true),
            ('a', true, true, true),
            ('~', true, true, true),
            ('\u{7f}', true, true, true),
            ('é', true, true, true),
            ('\u{a0}', true, true, true),
            ('😀', false, false, false),
        ] {
            assert_eq!((is_start_word(c), is_first_follow(c), is_second_follow(c)), (start, first, second), "{c:?}");
        }
    }
}
