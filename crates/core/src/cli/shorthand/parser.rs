//! The generic shorthand parser: a faithful port of awscli's `ShorthandParser` (awscli/shorthand.py).
//!
//! The port keeps the original's structure, including its backtracking and the exact points where
//! whitespace is skipped, because the odd corners (`A=x,,B=y` tolerated, `{a=}` failing, emoji
//! rejected unquoted) all fall out of those details. The parser walks the text by byte offsets; an
//! error's position is given in Unicode scalar values, as Python counts them, so that it matches the
//! CLI's caret.

use indexmap::IndexMap;

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
    parser.parameter().map(ShorthandValue::Map)
}

/// How deep lists and maps may nest, the top-level `key=value` pairs counting as one level: as deep
/// as the option's JSON form may go (serde_json's limit, kept by `crate::json::parse`: the 128th
/// nested container is refused). The parser recurses once per level, and so do the walks over its
/// value; in the browser's 1 MB wasm stack, about 2,000 levels overflowed.
const MAX_DEPTH: usize = 127;

/// An internal failure: a syntax error (which the list parser may backtrack from) or a final one.
/// `index` is a byte offset, turned into a character position when the error is made.
enum Fail {
    Syntax { expected: String, actual: String, index: usize },
    Final(ShorthandError),
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

/// Declares a character class by its rule. An ASCII character (nearly every one a value has) is
/// tested by one bit of a mask that the compiler works out from the rule itself; any other by the
/// rule. The word loops test every character of a value, and the rules' range scans were most of
/// parsing shorthand.
macro_rules! class {
    ($(#[$doc:meta])* $vis:vis fn $name:ident($c:ident) $rule:block) => {
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
    pub(crate) fn is_start_word(c) {
        in_ranges(c, &[(0x21, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x3C), (0x3E, 0x5A), (0x5C, 0x7A), (0x7C, 0xFFFF)])
    }
}

class! {
    /// `_FIRST_FOLLOW_CHARS`: later characters of a value that is not a later item of a bare list.
    /// Whitespace allowed; not `"`, `'`, `,`, `]`, `}`, non-space controls, nor above U+FFFF.
    pub(crate) fn is_first_follow(c) {
        is_py_space(c)
            || in_ranges(c, &[(0x21, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x5C), (0x5E, 0x7C), (0x7E, 0xFFFF)])
    }
}

class! {
    /// `_SECOND_FOLLOW_CHARS`: later characters of the 2nd, 3rd... item of a bare list. Here `=` is
    /// excluded (it ends the list) while `]` and `}` are allowed.
    pub(crate) fn is_second_follow(c) {
        is_py_space(c) || in_ranges(c, &[(0x21, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x3C), (0x3E, 0xFFFF)])
    }
}

/// `_KEYS`' characters: ASCII letters and digits and `-_.#/:`.
fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/' | ':')
}

/// One step of a word: `\\,` (two bytes), or one character of `class`; its length in bytes.
fn word_step(chars: &mut std::str::Chars<'_>, class: impl Fn(char) -> bool) -> Option<usize> {
    let mut ahead = chars.clone();
    let len = match ahead.next()? {
        '\\' if ahead.clone().next() == Some(',') => {
            ahead.next();
            2
        }
        c if class(c) => c.len_utf8(),
        _ => return None,
    };
    *chars = ahead;
    Some(len)
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

    fn syntax(&self, expected: &str, actual: &str, index: usize) -> Fail {
        Fail::Syntax { expected: expected.to_string(), actual: actual.to_string(), index }
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
                self.error(ShorthandErrorKind::Syntax { expected, received: actual }, index)
            }
            Fail::Final(e) => e,
        }
    }

    // parameter = keyval *("," keyval)
    fn parameter(&mut self) -> Result<IndexMap<String, ShorthandValue>, ShorthandError> {
        let mut params = IndexMap::new();
        let (key, val) = self.keyval().map_err(|f| self.finish(f))?;
        params.insert(key, val);
        let mut last_index = self.index;
        while self.index < self.input.len() {
            self.expect(',', true).map_err(|f| self.finish(f))?;
            let (key, val) = self.keyval().map_err(|f| self.finish(f))?;
            if params.contains_key(&key) {
                // The CLI points one character past the end of the previous pair.
                let chars: Vec<char> = self.input.chars().collect();
                let at = self.char_position(last_index) + 1;
                return Err(ShorthandError::new(&chars, ShorthandErrorKind::DuplicateKey { key }, at));
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
        let mut csv_list = vec![first_value.clone()];
        loop {
            match self.csv_item() {
                Ok((current, done)) => {
                    csv_list.push(current);
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
        if csv_list.len() == 1 {
            return Ok(ShorthandValue::String(first_value));
        }
        Ok(ShorthandValue::List(csv_list.into_iter().map(ShorthandValue::String).collect()))
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

    /// Matches `(\\,|[start])(\\,|[follow])*` at the current index and returns its end. Generic
    /// over the class, so that each character's test is inlined rather than called through a pointer.
    fn match_word(&self, follow: impl Fn(char) -> bool) -> Option<usize> {
        let mut chars = self.text(self.index, self.input.len()).chars();
        let mut end = self.index + word_step(&mut chars, is_start_word)?;
        let bytes = self.input.as_bytes();
        loop {
            // A run of ASCII characters other than `\` is a step per byte: tested without decoding.
            while let Some(&b) = bytes.get(end) {
                if b >= 0x80 || b == b'\\' || !follow(char::from(b)) {
                    break;
                }
                end += 1;
            }
            let mut chars = self.text(end, self.input.len()).chars();
            match word_step(&mut chars, &follow) {
                Some(len) => end += len,
                None => return Some(end),
            }
        }
    }

    fn unquoted(&mut self, end: usize) -> PResult<String> {
        let consumed = self.text(self.index, end);
        self.index = end;
        // A backslash is rare: look for one (a byte search) before looking for `\,`.
        let mut processed = if consumed.contains('\\') { consumed.replace("\\,", ",") } else { consumed.to_string() };
        processed.truncate(processed.trim_end_matches(is_py_space).len());
        self.resolve(processed)
    }

    fn value(&mut self) -> PResult<String> {
        match self.match_word(is_first_follow) {
            Some(end) => self.unquoted(end),
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
        let mut keyvals = IndexMap::new();
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
            _ => match self.match_word(is_second_follow) {
                Some(end) => self.unquoted(end),
                None => Err(self.syntax("<second>", "<none>", self.index)),
            },
        }
    }

    /// Matches the regex `q(?:\\q|[^q])*q` with Python's backtracking: the greedy scan stops at the
    /// first quote not escaped by a backslash; if the text ends first, the regex backs off to the last
    /// `\q`, taking that quote as the closing one. The quote and the backslash are ASCII, so the scan
    /// is over bytes (no byte of a longer character equals either).
    fn match_quoted(&self, q: u8) -> Option<usize> {
        let bytes = self.input.as_bytes();
        let mut j = self.index + 1;
        let mut last_escaped_quote = None;
        loop {
            match bytes.get(j).copied() {
                None => return last_escaped_quote.map(|p: usize| p + 1),
                Some(b'\\') if bytes.get(j + 1) == Some(&q) => {
                    last_escaped_quote = Some(j + 1);
                    j += 2;
                }
                Some(b) if b == q => return Some(j + 1),
                Some(_) => j += 1,
            }
        }
    }

    /// `name` is the CLI's name for the token, such as `<double quoted>`.
    fn quoted(&mut self, q: char, name: &str) -> PResult<String> {
        let Some(end) = self.match_quoted(q as u8) else {
            return Err(self.syntax(name, "<none>", self.index));
        };
        let inner = self.text(self.index + 1, end - 1);
        self.index = end;
        let value = if inner.contains('\\') {
            // Two replaces in this order, as in the CLI: `\q` first, then `\\`.
            inner.replace(&format!("\\{q}"), q.encode_utf8(&mut [0; 4])).replace("\\\\", "\\")
        } else {
            inner.to_string()
        };
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
        let mut expected = [0; 4];
        let expected = c.encode_utf8(&mut expected);
        match self.current() {
            None => return Err(self.syntax(expected, "EOF", self.index)),
            Some(actual) if actual != c => {
                return Err(self.syntax(expected, actual.encode_utf8(&mut [0; 4]), self.index))
            }
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
