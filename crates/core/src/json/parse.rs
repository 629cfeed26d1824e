//! JSON text to a `serde_json::Value`, with serde_json's error messages, lines and columns.
//!
//! Why not `serde_json::from_str`, decided by measurement: it goes through serde's `Deserialize`
//! (the `Value` visitors, `deserialize_any`, serde's error machinery) and serde_json's reader,
//! which cost the npm wasm several kilobytes of gzip more, and more again with correctly rounded
//! floats (its `float_roundtrip`), which Python, and so the AWS CLI, has; natively it parses
//! somewhat faster. This parser builds the tree directly and rounds correctly. serde_json stays
//! the oracle: the tests compare both on generated and mutated texts.
//!
//! What it keeps of serde_json, exactly: the grammar (RFC 8259, nothing more), the tree
//! (integers as `u64`/`i64` where they fit, `-0` as a float, members in text order, a repeated
//! member's last value at its first place), the nesting limit (127 containers deep, then
//! "recursion limit exceeded"), and every error's message, line and column (columns count bytes
//! from 0 before the line's first byte, as serde_json counts them). Floats are rounded correctly
//! (as `str::parse::<f64>`), where serde_json's default parsing may be off by one in the last bit.

use serde_json::{Map, Number, Value};
use std::fmt;

/// Why a text is not JSON: serde_json's message and place for the same text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    message: &'static str,
    line: usize,
    column: usize,
}

impl SyntaxError {
    /// The message without its place, as serde_json words it (`expected value`).
    pub fn message(&self) -> &'static str {
        self.message
    }

    /// The line, from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column in bytes: 0 before the line's first byte, so the column of a byte counted from 1.
    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for SyntaxError {
    /// As serde_json writes its errors: `expected value at line 1 column 5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for SyntaxError {}

/// `text` as a JSON tree, as `serde_json::from_str::<Value>` reads it.
pub fn parse(text: &str) -> Result<Value> {
    Parser { text, i: 0, skim: false }.document()
}

/// Checks that `text` is JSON without building it, as `serde_json::from_str::<IgnoredAny>` does:
/// that reads a little differently from [`parse`] (no nesting limit, numbers of any size, lone
/// surrogate escapes, and other words for a few errors), and its errors are kept too.
pub fn skim(text: &str) -> Result<()> {
    Parser { text, i: 0, skim: true }.document().map(drop)
}

/// The parser's own reading of whitespace and strings, for a reader that goes through the text
/// once without building a tree ([`super::one_pass`]): what it takes for a string, the parser
/// takes for the same string. Its errors are not kept: such a reader hands anything unusual back
/// to [`parse`], which says what is wrong.
pub(super) struct Cursor<'a>(Parser<'a>);

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Cursor(Parser { text, i: 0, skim: false })
    }

    /// The next byte after any whitespace, not read.
    pub(super) fn peek(&mut self) -> Option<u8> {
        self.0.whitespace()
    }

    /// Reads the byte [`Cursor::peek`] saw.
    pub(super) fn bump(&mut self) {
        self.0.i += 1;
    }

    /// After whitespace, a string (its escapes decoded) appended to `out`; `None` if there is none.
    pub(super) fn string(&mut self, out: &mut String) -> Option<()> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.bump();
        self.0.string(out).ok()
    }
}

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_NOT_STRING: &str = "key must be a string";
const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING: &str = "trailing characters";
const END_OF_HEX: &str = "unexpected end of hex escape";
const TOO_DEEP: &str = "recursion limit exceeded";

/// serde_json's limit: its 128th nested container is refused.
const MAX_OPEN: usize = 127;

/// An open container: its items so far, or its members so far and the key of the one being read.
/// (When skimming, nothing is kept: only which bracket closes it.)
enum Frame {
    List(Vec<Value>),
    Object(Map<String, Value>, String),
}

struct Parser<'a> {
    text: &'a str,
    /// The next byte's index: always on a char boundary between tokens.
    i: usize,
    skim: bool,
}

type Result<T> = std::result::Result<T, SyntaxError>;

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    /// An error at the place before byte `at`: line from 1, column = bytes since the line's start.
    #[cold]
    fn error_at(&self, message: &'static str, at: usize) -> SyntaxError {
        let before = self.text.as_bytes().get(..at).unwrap_or(self.text.as_bytes());
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let line = 1 + crate::bytes::count(before, b'\n');
        SyntaxError { message, line, column: before.len() - line_start }
    }

    /// An error about the byte just read (serde_json's `error`).
    #[cold]
    fn error(&self, message: &'static str) -> SyntaxError {
        self.error_at(message, self.i)
    }

    /// An error about the byte not yet read (serde_json's `peek_error`): its column from 1.
    #[cold]
    fn peek_error(&self, message: &'static str) -> SyntaxError {
        self.error_at(message, (self.i + 1).min(self.text.len()))
    }

    /// Skips whitespace; the next byte, not read.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    /// The whole text as one value. Iterative, with a stack of open containers: skimming has no
    /// depth limit, as serde_json's `IgnoredAny` has none. The innermost container is kept apart
    /// (`open`), so that a flat object (a receipt's content) costs no stack allocation.
    fn document(&mut self) -> Result<Value> {
        let mut open: Option<Frame> = None;
        let mut outer: Vec<Frame> = Vec::new();
        'value: loop {
            let Some(first) = self.whitespace() else { return Err(self.peek_error(EOF_VALUE)) };
            let mut value = match first {
                b'[' | b'{' => {
                    if !self.skim && outer.len() + usize::from(open.is_some()) >= MAX_OPEN {
                        return Err(self.peek_error(TOO_DEEP));
                    }
                    self.i += 1;
                    let list = first == b'[';
                    match (self.whitespace(), list) {
                        (None, true) => return Err(self.peek_error(EOF_LIST)),
                        (None, false) => return Err(self.peek_error(EOF_OBJECT)),
                        (Some(b']'), true) => {
                            self.i += 1;
                            Value::Array(Vec::new())
                        }
                        (Some(b'}'), false) => {
                            self.i += 1;
                            Value::Object(Map::new())
                        }
                        (Some(_), true) => {
                            outer.extend(open.replace(Frame::List(Vec::new())));
                            continue 'value;
                        }
                        (Some(b'"'), false) => {
                            let key = self.member_name()?;
                            outer.extend(open.replace(Frame::Object(Map::new(), key)));
                            continue 'value;
                        }
                        (Some(_), false) => return Err(self.peek_error(KEY_NOT_STRING)),
                    }
                }
                b'n' => self.ident(b"null", Value::Null)?,
                b't' => self.ident(b"true", Value::Bool(true))?,
                b'f' => self.ident(b"false", Value::Bool(false))?,
                b'-' | b'0'..=b'9' => self.number()?,
                b'"' => {
                    self.i += 1;
                    let mut s = String::new();
                    self.string(&mut s)?;
                    Value::String(s)
                }
                _ => return Err(self.peek_error(EXPECTED_VALUE)),
            };
            // `value` is complete: it goes into the innermost open container, which then either
            // takes another value or closes (and is itself a complete value).
            loop {
                let Some(frame) = open.as_mut() else {
                    return match self.whitespace() {
                        Some(_) => Err(self.peek_error(TRAILING)),
                        None => Ok(value),
                    };
                };
                let list = matches!(frame, Frame::List(_));
                if !self.skim {
                    match frame {
                        Frame::List(items) => items.push(value),
                        Frame::Object(members, key) => {
                            members.insert(std::mem::take(key), value);
                        }
                    }
                }
                match (self.whitespace(), list) {
                    (Some(b','), _) => {
                        self.i += 1;
                        let after = self.whitespace();
                        if list {
                            match after {
                                Some(b']') if !self.skim => return Err(self.peek_error(TRAILING_COMMA)),
                                Some(_) => continue 'value,
                                None => return Err(self.peek_error(EOF_VALUE)),
                            }
                        }
                        match after {
                            Some(b'"') => {
                                let name = self.member_name()?;
                                if let Some(Frame::Object(_, key)) = open.as_mut() {
                                    *key = name;
                                }
                                continue 'value;
                            }
                            Some(b'}') if !self.skim => return Err(self.peek_error(TRAILING_COMMA)),
                            Some(_) => return Err(self.peek_error(KEY_NOT_STRING)),
                            None if self.skim => return Err(self.peek_error(EOF_OBJECT)),
                            None => return Err(self.peek_error(EOF_VALUE)),
                        }
                    }
                    (Some(b']'), true) | (Some(b'}'), false) => {
                        self.i += 1;
                        value = match std::mem::replace(&mut open, outer.pop()) {
                            Some(Frame::List(items)) => Value::Array(items),
                            Some(Frame::Object(members, _)) => Value::Object(members),
                            None => Value::Null,
                        };
                    }
                    (Some(_), true) => return Err(self.peek_error(EXPECTED_LIST_COMMA)),
                    (Some(_), false) => return Err(self.peek_error(EXPECTED_OBJECT_COMMA)),
                    (None, true) => return Err(self.peek_error(EOF_LIST)),
                    (None, false) => return Err(self.peek_error(EOF_OBJECT)),
                }
            }
        }
    }

    /// A member's name (the next byte is its `"`) and the `:` after it.
    fn member_name(&mut self) -> Result<String> {
        self.i += 1;
        let mut name = String::new();
        self.string(&mut name)?;
        match self.whitespace() {
            Some(b':') => {
                self.i += 1;
                Ok(name)
            }
            Some(_) => Err(self.peek_error(EXPECTED_COLON)),
            None => Err(self.peek_error(EOF_OBJECT)),
        }
    }

    /// `null`, `true` or `false`; the next byte is its first.
    fn ident(&mut self, word: &[u8], value: Value) -> Result<Value> {
        self.i += 1;
        for &expected in &word[1..] {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) if b != expected => return Err(self.error(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// A number; the next byte is its `-` or first digit.
    fn number(&mut self) -> Result<Value> {
        let start = self.i;
        // Skimming, serde_json calls the end of the text inside a number an invalid number.
        let eof = if self.skim { INVALID_NUMBER } else { EOF_VALUE };
        let negative = self.peek() == Some(b'-');
        if negative {
            self.i += 1;
        }
        let mut zero = true;
        match self.next() {
            None => return Err(self.error(eof)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                zero = false;
                self.digits(&mut zero);
            }
            Some(_) => return Err(self.error(INVALID_NUMBER)),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.i += 1;
            if !self.digits(&mut zero) {
                return Err(match self.peek() {
                    None if !self.skim => self.peek_error(EOF_VALUE),
                    _ => self.peek_error(INVALID_NUMBER),
                });
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.i += 1;
            let positive = match self.peek() {
                Some(b'+') => (self.i += 1, true).1,
                Some(b'-') => (self.i += 1, false).1,
                _ => true,
            };
            let mut exponent: i32 = match self.next() {
                None => return Err(self.error(eof)),
                Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
                Some(_) => return Err(self.error(INVALID_NUMBER)),
            };
            while let Some(c @ b'0'..=b'9') = self.peek() {
                self.i += 1;
                // serde_json stops at an exponent beyond i32: zero, or out of range at this digit.
                match exponent.checked_mul(10).and_then(|e| e.checked_add(i32::from(c - b'0'))) {
                    Some(e) => exponent = e,
                    None if self.skim => {}
                    None if positive && !zero => return Err(self.error(OUT_OF_RANGE)),
                    None => {
                        while let Some(b'0'..=b'9') = self.peek() {
                            self.i += 1;
                        }
                        return Ok(float(if negative { -0.0 } else { 0.0 }));
                    }
                }
            }
        }
        if self.skim {
            return Ok(Value::Null);
        }
        let text = self.text.get(start..self.i).unwrap_or_default();
        if integer {
            if let Ok(magnitude) = text.trim_start_matches('-').parse::<u64>() {
                return Ok(if !negative {
                    Value::Number(magnitude.into())
                } else {
                    // As serde_json: `-0` and what i64 cannot hold are floats.
                    let n = (magnitude as i64).wrapping_neg();
                    if n >= 0 {
                        float(-(magnitude as f64))
                    } else {
                        Value::Number(n.into())
                    }
                });
            }
        }
        match crate::float::parse_f64(text) {
            Some(x) if x.is_finite() => Ok(float(x)),
            _ => Err(self.error(OUT_OF_RANGE)),
        }
    }

    /// Reads ASCII digits; whether there was one. `zero` turns false at a nonzero digit.
    fn digits(&mut self, zero: &mut bool) -> bool {
        let start = self.i;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            *zero &= c == b'0';
            self.i += 1;
        }
        self.i > start
    }

    /// A string's content after its opening `"`, through its closing one, into `out`.
    fn string(&mut self, out: &mut String) -> Result<()> {
        let mut start = self.i;
        loop {
            match self.peek() {
                None => return Err(self.error(EOF_STRING)),
                Some(b @ (b'"' | b'\\')) => {
                    // `start` and `i` are both at ASCII bytes: char boundaries.
                    if !self.skim {
                        out.push_str(self.text.get(start..self.i).unwrap_or_default());
                    }
                    self.i += 1;
                    if b == b'"' {
                        return Ok(());
                    }
                    self.escape(out)?;
                    start = self.i;
                }
                Some(0..=0x1F) => {
                    // serde_json's skimming points before the control character, its parser after.
                    if !self.skim {
                        self.i += 1;
                    }
                    return Err(self.error(CONTROL));
                }
                // The plain run up to the next byte that ends it, a word at a time.
                Some(_) => {
                    let bytes = self.text.as_bytes();
                    self.i = crate::bytes::find::<0x20>(bytes, self.i, b'"', b'\\').unwrap_or(bytes.len());
                }
            }
        }
    }

    /// An escape after its `\`.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let c = match self.next() {
            None => return Err(self.error(EOF_STRING)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\x08',
            Some(b'f') => '\x0c',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let n = self.hex4()?;
                if self.skim {
                    return Ok(());
                }
                let code = match n {
                    0xDC00..=0xDFFF => return Err(self.error(LONE_SURROGATE)),
                    0xD800..=0xDBFF => {
                        // A leading surrogate: a trailing one must follow, escaped.
                        for expected in [b'\\', b'u'] {
                            match self.next() {
                                None => return Err(self.error(EOF_STRING)),
                                Some(b) if b != expected => return Err(self.error(END_OF_HEX)),
                                Some(_) => {}
                            }
                        }
                        match self.hex4()? {
                            low @ 0xDC00..=0xDFFF => 0x10000 + ((n - 0xD800) << 10 | (low - 0xDC00)),
                            _ => return Err(self.error(LONE_SURROGATE)),
                        }
                    }
                    _ => n,
                };
                char::from_u32(code).unwrap_or_default()
            }
            Some(_) => return Err(self.error(INVALID_ESCAPE)),
        };
        if !self.skim {
            out.push(c);
        }
        Ok(())
    }

    /// The four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32> {
        let Some(digits) = self.text.as_bytes().get(self.i..self.i + 4) else {
            self.i = self.text.len();
            return Err(self.error(EOF_STRING));
        };
        self.i += 4;
        let mut n = 0;
        for &d in digits {
            let Some(v) = char::from(d).to_digit(16) else { return Err(self.error(INVALID_ESCAPE)) };
            n = n << 4 | v;
        }
        Ok(n)
    }
}

/// A finite float as a JSON number.
fn float(x: f64) -> Value {
    Number::from_f64(x).map_or(Value::Null, Value::Number)
}

#[cfg(test)]
mod tests {
    //! serde_json is the oracle: the same tree, or the same message, line and column, for every
    //! text; and its `IgnoredAny` for [`skim`]. Floats are checked against `str::parse` instead.
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::Index;

    /// Ours and serde_json's trees are the same: members in the same order, floats bit for bit
    /// (the tests' serde_json has `float_roundtrip`, so both round correctly).
    fn same_tree(ours: &Value, theirs: &Value) -> bool {
        match (ours, theirs) {
            (Value::Number(a), Value::Number(b)) if a.is_f64() && b.is_f64() => {
                a.as_f64().map(f64::to_bits) == b.as_f64().map(f64::to_bits)
            }
            (Value::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_tree(x, y)),
            (Value::Object(a), Value::Object(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|((k, x), (l, y))| k == l && same_tree(x, y))
            }
            _ => ours == theirs,
        }
    }

    fn theirs_error(e: &serde_json::Error) -> (String, usize, usize) {
        let text = e.to_string();
        let message = text.rsplit_once(" at line ").map_or(text.as_str(), |(m, _)| m).to_string();
        (message, e.line(), e.column())
    }

    fn agrees(text: &str) -> std::result::Result<(), TestCaseError> {
        match (parse(text), serde_json::from_str::<Value>(text)) {
            (Ok(ours), Ok(theirs)) => prop_assert!(same_tree(&ours, &theirs), "{text:?}: {ours} vs {theirs}"),
            (Err(ours), Err(theirs)) => {
                prop_assert_eq!(
                    (ours.message.to_string(), ours.line, ours.column),
                    theirs_error(&theirs),
                    "{:?}",
                    text
                );
                prop_assert_eq!(ours.to_string(), theirs.to_string());
            }
            (ours, theirs) => prop_assert!(false, "{text:?}: ours {ours:?}, serde_json's {theirs:?}"),
        }
        let skimmed = serde_json::from_str::<serde::de::IgnoredAny>(text);
        match (skim(text), skimmed) {
            (Ok(()), Ok(_)) => {}
            (Err(ours), Err(theirs)) => {
                prop_assert_eq!(
                    (ours.message.to_string(), ours.line, ours.column),
                    theirs_error(&theirs),
                    "skim {:?}",
                    text
                )
            }
            (ours, theirs) => prop_assert!(false, "skim {text:?}: ours {ours:?}, serde_json's {theirs:?}"),
        }
        Ok(())
    }

    fn check(text: &str) {
        if let Err(e) = agrees(text) {
            panic!("{e}");
        }
    }

    #[test]
    fn values_are_serde_jsons() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "-0.0",
            "1",
            "-1",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1.5",
            "1e3",
            "1E-3",
            "2.5e+2",
            "0e99999999999",
            "1e-99999999999",
            "-1e-400",
            "\"\"",
            "\"a\\u00e9\\ud83d\\ude00\\n\\\"\\\\\\/\\b\\f\\r\\t\"",
            "\"é😀\"",
            "[]",
            "[ ]",
            "{}",
            "{ }",
            "[1,[2,[3]],{}]",
            r#"{"a":1,"b":{"c":[true,null]}}"#,
            r#"{"b":1,"a":2,"b":3}"#,
            " \t\r\n[\n1\r,\t2 ]\n",
        ] {
            check(text);
        }
    }

    #[test]
    fn errors_are_serde_jsons() {
        for text in [
            "",
            " ",
            "\n",
            "\n\n  ",
            "x",
            "nul",
            "nulx",
            "tru",
            "fals",
            "nullx",
            "null null",
            "[",
            "[1",
            "[1,",
            "[1,]",
            "[1 2]",
            "[1}",
            "{",
            "{\"a\"",
            "{\"a\":",
            "{\"a\":1",
            "{\"a\":1,",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":1]",
            "{,}",
            "[,]",
            "\"abc",
            "\"a\\",
            "\"a\\x\"",
            "\"\\u12\"",
            "\"\\u12",
            "\"\\u12g4\"",
            "\"\\udc00\"",
            "\"\\ud800\"",
            "\"\\ud800\\n\"",
            "\"\\ud800\\u0041\"",
            "\"\\ud800",
            "\"\\ud800\\",
            "\"\\ud800x\"",
            "\"a\nb\"",
            "\"a\u{1f}\"",
            "\"\u{0}\"",
            "-",
            "-x",
            "01",
            "-01",
            "1.",
            "1.x",
            "1.e5",
            "1e",
            "1e+",
            "1ex",
            "1e+x",
            "1e400",
            "-1e400",
            "1e99999999999",
            "1e-99999999999",
            "1.7976931348623159e308",
            "[1e400]",
            "0x10",
            ".5",
            "+1",
            "1a",
            "[1a]",
            "\u{feff}1",
            "é",
            "[é]",
            "{\"a\":1}\n}",
            "\n\n  {\"a\" }",
            "[\n\"a\u{0}\"]",
            "\"ab\\u00\n\"",
        ] {
            check(text);
        }
    }

    #[test]
    fn nesting_stops_where_serde_jsons_does() {
        // 127 open containers are fine; the 128th is refused at its bracket.
        for depth in [126, 127, 128, 129, 200] {
            for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
                check(&format!("{}{}", open.repeat(depth), close.repeat(depth)));
                check(&format!("{}1{}", open.repeat(depth), close.repeat(depth)));
                check(&open.repeat(depth));
            }
        }
        check(&format!("{}1{}", "[{\"a\":".repeat(64), "}]".repeat(64)));
        // Skimming has no limit and no recursion: no stack overflow either way.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(parse(&deep).map_err(|e| e.message), Err(TOO_DEEP));
        assert_eq!(skim(&deep), Ok(()));
        check(&"[".repeat(100_000));
    }

    #[test]
    fn skimming_reads_as_ignored_any() {
        // Where `IgnoredAny` words an error differently, or accepts what the tree refuses.
        for (text, skimmed) in [
            ("[1,]", Err(("expected value", 1, 4))),
            ("{\"a\":1,}", Err(("key must be a string", 1, 8))),
            ("{\"a\":1,", Err(("EOF while parsing an object", 1, 7))),
            ("-", Err(("invalid number", 1, 1))),
            ("1.", Err(("invalid number", 1, 2))),
            ("1e", Err(("invalid number", 1, 2))),
            ("\"a\u{0}\"", Err(("control character (\\u0000-\\u001F) found while parsing a string", 1, 2))),
            ("1e400", Ok(())),
            ("\"\\ud800\"", Ok(())),
        ] {
            assert_eq!(skim(text).map_err(|e| (e.message, e.line, e.column)), skimmed, "{text:?}");
            check(text);
        }
    }

    #[test]
    fn a_syntax_error_displays_as_serde_jsons() {
        // The byte that is not `e` is the newline: read, so the place is after it.
        let e = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((e.message(), e.line(), e.column()), ("expected ident", 3, 0));
        assert_eq!(e.to_string(), "expected ident at line 3 column 0");
        let e = parse("{\n  \"a\": tru }").unwrap_err();
        assert_eq!((e.message(), e.line(), e.column()), ("expected ident", 2, 11));
        check("{\n  \"a\": tru }");
        check("{\n  \"a\": tru\n}");
    }

    /// A JSON text from a few leaves and containers, with whitespace anywhere it may go.
    fn document() -> impl Strategy<Value = String> {
        let ws = "[ \t\r\n]{0,2}";
        let number = prop_oneof![
            "-?(0|[1-9][0-9]{0,21})(\\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?",
            "-?[1-9][0-9]{0,3}(\\.[0-9]{1,3})?[eE][-+]?(30[0-9]|[0-9]{9,12})",
        ];
        let string = "\"([^\"\\\\\\x00-\\x1f]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4}|\\\\u[dD][89abAB][0-9a-f]{2}\\\\u[dD][c-fC-F][0-9a-f]{2}){0,6}\"";
        let leaf =
            prop_oneof![Just("null".to_string()), Just("true".to_string()), Just("false".to_string()), number, string];
        leaf.prop_recursive(4, 40, 5, move |inner| {
            let item = (ws, inner, ws).prop_map(|(a, v, b)| format!("{a}{v}{b}"));
            prop_oneof![
                prop::collection::vec(item.clone(), 0..5).prop_map(|items| format!("[{}]", items.join(","))),
                prop::collection::vec(("\"[abé]{0,2}\"", ws, item), 0..5).prop_map(|members| {
                    let members: Vec<String> = members.into_iter().map(|(k, w, v)| format!("{k}{w}:{v}")).collect();
                    format!("{{{}}}", members.join(","))
                }),
            ]
        })
        .prop_flat_map(move |v| (ws, Just(v), ws).prop_map(|(a, v, b)| format!("{a}{v}{b}")))
    }

    /// `text` with one change at a char boundary: cut there, or a character inserted, removed or replaced.
    fn mutate(text: &str, at: Index, how: u8, c: char) -> String {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let i = bounds[at.index(bounds.len())];
        let next = bounds.iter().copied().find(|&j| j > i).unwrap_or(i);
        match how % 4 {
            0 => text[..i].to_string(),
            1 => format!("{}{c}{}", &text[..i], &text[i..]),
            2 => format!("{}{}", &text[..i], &text[next..]),
            _ => format!("{}{c}{}", &text[..i], &text[next..]),
        }
    }

    fn troublemaker() -> impl Strategy<Value = char> {
        prop::sample::select(vec![
            '"', '\\', ',', ':', '[', ']', '{', '}', '\u{0}', '\u{1f}', '\n', ' ', 'x', 'u', 'n', '-', '0', '9', '.',
            'e', '+', 'é', '😀', '\u{7f}',
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

        #[test]
        fn valid_documents_read_as_serde_json_reads_them(text in document()) {
            prop_assert!(parse(&text).is_ok() || text.contains("\\u") || text.contains('e') || text.contains('E'), "{text:?}");
            agrees(&text)?;
        }

        #[test]
        fn mutated_documents_fail_as_serde_json_fails(text in document(), at in any::<Index>(), how in any::<u8>(), c in troublemaker()) {
            agrees(&mutate(&text, at, how, c))?;
        }

        #[test]
        fn twice_mutated_documents_too(text in document(), a in any::<(Index, u8)>(), b in any::<(Index, u8)>(), c in troublemaker(), d in troublemaker()) {
            agrees(&mutate(&mutate(&text, a.0, a.1, c), b.0, b.1, d))?;
        }

        #[test]
        fn any_text_gives_what_serde_json_gives(text in "[\\[\\]{}\",:0-9a-z\\\\ .eE+\\-\n\u{0}é]{0,24}|\\PC{0,12}") {
            agrees(&text)?;
        }

    }

    /// Texts where serde_json's default (not `float_roundtrip`) parsing is 2 units off in the last
    /// place: ours, like the tests' oracle and `str::parse`, rounds correctly.
    #[test]
    fn floats_where_fast_parsing_is_off() {
        for text in ["7580931148664.08295856962790e62", "57622020053095038823.25147417808345e57"] {
            let exact: f64 = text.parse().unwrap();
            assert_eq!(parse(text).ok().and_then(|v| v.as_f64()).map(f64::to_bits), Some(exact.to_bits()), "{text}");
            assert_eq!(serde_json::from_str::<f64>(text).ok().map(f64::to_bits), Some(exact.to_bits()), "{text}");
        }
    }

    proptest! {
        #[test]
        fn floats_are_correctly_rounded(text in "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?") {
            let exact: f64 = text.parse().map_err(|_| TestCaseError::fail("std refuses it"))?;
            match parse(&text) {
                Ok(Value::Number(n)) if n.is_f64() => prop_assert_eq!(n.as_f64().map(f64::to_bits), Some(exact.to_bits()), "{}", text),
                Ok(Value::Number(n)) => prop_assert_eq!(n.as_f64(), Some(exact), "{}", text),
                Ok(other) => prop_assert!(false, "{text}: {other}"),
                Err(e) => prop_assert!(e.message == OUT_OF_RANGE && exact.is_infinite(), "{text}: {e}"),
            }
        }
    }
}
