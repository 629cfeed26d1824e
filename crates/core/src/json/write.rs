//! Writing typed values as JSON: [`ToJson`] builds a [`Value`] tree, and [`text`] and [`pretty`]
//! write a tree as text, byte for byte as serde_json writes it. Types get their [`ToJson`] from
//! `#[derive(ToJson)]` (crates/derive), which reads the same `#[serde]` attributes as `Serialize`.
//!
//! Why not serde's `Serialize`: its derived code is generic over the serializer, and every struct
//! member compiles to its own call of a generic `serialize_entry`, so each type costs the wasm a
//! kilobyte or more, and serde_json's writer brings `std::io::Write` with it. Here a member costs
//! one call of a shared, non-generic function taking `&dyn ToJson`. The `Serialize` derives stay on
//! the types: their attributes are the declaration (tsify reads them for the TypeScript
//! declarations, `#[derive(ToJson)]` for this writer), Rust users get `Serialize`, and tests check
//! that every `to_json` equals what `Serialize` writes.

use std::fmt::Write as _;

use indexmap::IndexMap;
use serde_json::{Map, Value};

/// A value written as a JSON tree, with the members, spellings and absent members its
/// `Serialize` writes.
pub trait ToJson {
    /// The value as a JSON tree.
    fn to_json(&self) -> Value;

    /// True when a member holding this value is left out by [`Members::optional`]: `None` and
    /// empty lists, as serde's `skip_serializing_if = "Option::is_none"` and `"Vec::is_empty"`.
    fn is_absent(&self) -> bool {
        false
    }
}

/// The members of a JSON object, written one by one in order (the order serde writes them).
#[derive(Default)]
pub struct Members(Map<String, Value>);

impl Members {
    pub fn new() -> Members {
        Members(Map::new())
    }

    /// A member written whatever its value (`None` as `null`).
    pub fn add(&mut self, name: &str, value: &dyn ToJson) -> &mut Members {
        self.0.insert(name.to_owned(), value.to_json());
        self
    }

    /// A member left out when its value [is absent](ToJson::is_absent).
    pub fn optional(&mut self, name: &str, value: &dyn ToJson) -> &mut Members {
        if !value.is_absent() {
            self.add(name, value);
        }
        self
    }

    /// The members of `value`'s object, as serde's `flatten` writes them.
    pub fn flatten(&mut self, value: &dyn ToJson) -> &mut Members {
        if let Value::Object(map) = value.to_json() {
            self.0.extend(map);
        }
        self
    }

    pub fn finish(&mut self) -> Value {
        Value::Object(std::mem::take(&mut self.0))
    }
}

/// A string value (enums' spellings, ids).
pub fn string(text: &str) -> Value {
    Value::String(text.to_owned())
}

impl ToJson for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
}

impl ToJson for str {
    fn to_json(&self) -> Value {
        string(self)
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        string(self)
    }
}

impl ToJson for char {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

macro_rules! numbers {
    ($($ty:ty),*) => {$(
        impl ToJson for $ty {
            fn to_json(&self) -> Value {
                Value::from(*self)
            }
        }
    )*};
}
// `f64` as serde_json's value serializer writes it: `null` for NaN and the infinities.
numbers!(u8, u16, u32, u64, usize, i64, f64);

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }

    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }

    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

/// `None` is `null` (or left out by [`Members::optional`]).
impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        match self {
            Some(value) => value.to_json(),
            None => Value::Null,
        }
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Value {
        // A plain loop, not `collect()`: the adapter is compiled again for every `T`.
        let mut items = Vec::with_capacity(self.len());
        for item in self {
            items.push(item.to_json());
        }
        Value::Array(items)
    }

    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        self.as_slice().to_json()
    }

    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

/// An object of string keys, in the map's order.
impl<T: ToJson> ToJson for IndexMap<String, T> {
    fn to_json(&self) -> Value {
        let mut map = Map::new();
        for (key, value) in self {
            map.insert(key.clone(), value.to_json());
        }
        Value::Object(map)
    }
}

/// A tree as compact JSON text, as serde_json's `to_string` (and `Value`'s `Display`) writes it.
pub fn text(value: &Value) -> String {
    let mut out = String::new();
    write(value, None, 0, &mut out);
    out
}

/// A tree as pretty JSON text, each level indented by `indent` (serde_json's `to_string_pretty`
/// and `{:#}` use two spaces; the AWS CLI's skeletons four), with no final newline.
pub fn pretty(value: &Value, indent: &str) -> String {
    let mut out = String::new();
    write(value, Some(indent), 0, &mut out);
    out
}

/// serde_json's formats: compact puts nothing between tokens; pretty puts each item and member on
/// its own line, `": "` after a key, and writes empty lists and objects as `[]` and `{}`.
fn write(value: &Value, indent: Option<&str>, depth: usize, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        // `Number`'s Display is the text serde_json's writer gives (itoa, ryu).
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separate(i, indent, depth + 1, out);
                write(item, indent, depth + 1, out);
            }
            close(!items.is_empty(), indent, depth, out);
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                separate(i, indent, depth + 1, out);
                write_string(key, out);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(item, indent, depth + 1, out);
            }
            close(!map.is_empty(), indent, depth, out);
            out.push('}');
        }
    }
}

/// Before the item at `index`: a comma after the first, and in pretty text a new line indented.
fn separate(index: usize, indent: Option<&str>, depth: usize, out: &mut String) {
    if index > 0 {
        out.push(',');
    }
    new_line(indent, depth, out);
}

/// Before the closing bracket of a list or object that has items (pretty text only).
fn close(had_items: bool, indent: Option<&str>, depth: usize, out: &mut String) {
    if had_items {
        new_line(indent, depth, out);
    }
}

fn new_line(indent: Option<&str>, depth: usize, out: &mut String) {
    if let Some(indent) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str(indent);
        }
    }
}

/// A JSON string as serde_json writes one: `"` and `\` escaped, the control characters U+0000 to
/// U+001F as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00XX` (lowercase hex), everything else as it is.
fn write_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x09 => "\\t",
            0x0A => "\\n",
            0x0C => "\\f",
            0x0D => "\\r",
            0x00..=0x1F => "",
            _ => continue,
        };
        // Escaped bytes are ASCII, so `start..i` falls on character boundaries.
        out.push_str(s.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}
