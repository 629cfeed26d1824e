//! One way between JSON and typed values, each way round: typed values are written to a
//! `serde_json::Value` by [`write`] ([`ToJson`]) and the tree to text by [`write::text`] and
//! [`write::pretty`]; they are read from a `Value` by [`read`] ([`FromJson`]); text is parsed to a
//! `Value` first ([`from_text`]). The request alone, read at the start of nearly every call, is
//! also read straight from text when the text is simply a request ([`one_pass`], derived from the
//! same attributes), and through the tree otherwise.
//!
//! Why: serde's generated code is monomorphized for every serializer a type meets, and each struct
//! member compiles to its own generic `serialize_entry`; serde_json's writer brings
//! `std::io::Write`. [`ToJson`] makes one shared, non-generic call per member, and text is written
//! from the tree by our own writer, byte for byte as serde_json writes it. Reading has no serde
//! derive at all: a derived `Deserialize` brings a visitor per type and `Unexpected` messages that
//! pull float formatting into the wasm, where a reader of a parsed tree needs only the parser,
//! which every reader shares.
//!
//! Each type's shape is declared once, by the `#[serde]` attributes of its `Serialize` derive:
//! tsify reads them for the TypeScript declarations, and `#[derive(ToJson, FromJson)]`
//! (crates/derive) generates the writer and the reader from them. `Serialize` is also the oracle
//! (tests check that every `to_json` writes the tree it writes). Core and the playground never call
//! `Serialize`; the npm facade does, to hand its results to JavaScript (see crates/wasm).

pub mod one_pass;
pub mod parse;
pub mod read;
pub mod write;

use std::fmt;

use serde_json::Value;

/// The derives (from the types' `#[serde]` attributes) and the traits they implement, by one name each.
pub use chat_event_derive::{FromJson, ToJson};
pub use parse::{parse, skim, SyntaxError};
pub use read::FromJson;
use read::ReadError;
pub use write::ToJson;

/// A typed value as a JSON tree.
pub fn to_value<T: ToJson>(value: &T) -> Value {
    write::tree(value)
}

/// A typed value as compact JSON text, through [`to_value`].
pub fn to_string<T: ToJson>(value: &T) -> String {
    write::text(&write::tree(value))
}

/// A typed value as pretty JSON text (2-space indent), through [`to_value`].
pub fn to_string_pretty<T: ToJson>(value: &T) -> String {
    write::pretty(&write::tree(value), "  ")
}

/// A number for people to read, written as JSON writes it (`0.5`, `2`), or `NaN`/`inf` for what
/// JSON cannot hold. Not `f64`'s `Display`: that would bring std's float formatting (about 14 KB and its
/// tables) into the wasm, next to the JSON writer's own, which is there anyway.
pub fn number_text(x: f64) -> String {
    match serde_json::Number::from_f64(x) {
        Some(n) => {
            let text = n.to_string();
            match text.strip_suffix(".0") {
                Some(whole) => whole.to_owned(),
                None => text,
            }
        }
        None if x.is_nan() => "NaN".into(),
        None if x > 0.0 => "inf".into(),
        None => "-inf".into(),
    }
}

/// A syntax error's message without the " at line L column C" its `Display` appends.
pub fn message(e: &SyntaxError) -> String {
    e.message().to_string()
}

/// Why a typed value could not be read from JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// The text is not JSON: serde_json's message and where (line and column from 1).
    Syntax { message: String, line: usize, column: usize },
    /// The text is JSON, but not a `T`: located by the member's path.
    Read(ReadError),
}

impl TextError {
    /// The line of a syntax error; a [`TextError::Read`] has a path instead.
    pub fn line(&self) -> Option<usize> {
        match self {
            TextError::Syntax { line, .. } => Some(*line),
            TextError::Read(_) => None,
        }
    }

    /// The column of a syntax error.
    pub fn column(&self) -> Option<usize> {
        match self {
            TextError::Syntax { column, .. } => Some(*column),
            TextError::Read(_) => None,
        }
    }

    /// The message without its location (the line and column, or the path).
    pub fn message(&self) -> &str {
        match self {
            TextError::Syntax { message, .. } => message,
            TextError::Read(e) => &e.message,
        }
    }
}

impl fmt::Display for TextError {
    /// As serde_json writes a syntax error (`... at line 1 column 5`); a read error as
    /// [`ReadError`] writes it (`Event.Type: expected a string, found the number 3`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextError::Syntax { message, line, column } => write!(f, "{message} at line {line} column {column}"),
            TextError::Read(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for TextError {}

/// Reads a `T` from JSON text: parsed to a tree first (so that a syntax error keeps its line and
/// column), then read by `T`'s [`FromJson`].
pub fn from_text<T: FromJson>(text: &str) -> Result<T, TextError> {
    let value: Value =
        parse(text).map_err(|e| TextError::Syntax { message: message(&e), line: e.line(), column: e.column() })?;
    read::read(&value).map_err(TextError::Read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SendChatIntegrationEventRequest;
    use serde_json::json;

    #[test]
    fn numbers_read_as_json_writes_them() {
        for (x, text) in [
            (0.5, "0.5"),
            (2.0, "2"),
            (0.0, "0"),
            (-1.25, "-1.25"),
            (1e-7, "1e-7"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ] {
            assert_eq!(number_text(x), text, "{x:?}");
        }
    }

    #[test]
    fn text_reads_as_its_tree_does() {
        let text = r#"{"SourceId": "+15550100", "Event": {"Type": "MESSAGE"}}"#;
        let request: SendChatIntegrationEventRequest = from_text(text).unwrap();
        assert_eq!(request.source_id.as_deref(), Some("+15550100"));
        let tree = json!({"SourceId": "+15550100", "Event": {"Type": "MESSAGE"}});
        assert_eq!(read::read::<SendChatIntegrationEventRequest>(&tree), Ok(request));
    }

    #[test]
    fn a_syntax_error_has_a_place_and_a_read_error_a_path() {
        let e = from_text::<SendChatIntegrationEventRequest>("{\n  \"SourceId\": 5,\n").unwrap_err();
        assert_eq!((e.line(), e.column(), e.message()), (Some(3), Some(0), "EOF while parsing a value"));
        assert_eq!(e.to_string(), "EOF while parsing a value at line 3 column 0");
        let e = from_text::<SendChatIntegrationEventRequest>("{\n  \"SourceId\": 5\n}").unwrap_err();
        assert_eq!((e.line(), e.column(), e.message()), (None, None, "expected a string, found the number 5"));
        assert_eq!(e.to_string(), "SourceId: expected a string, found the number 5");
    }
}
