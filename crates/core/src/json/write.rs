//! Writing typed values as JSON: [`ToJson`] writes a value as events into an [`Out`]: a [`Tree`]
//! builds the [`Value`] ([`ToJson::to_json`]), and [`text`] and [`pretty`] write a tree as text,
//! byte for byte as serde_json writes it; the npm facade's `Out` makes JS values with no tree
//! between. Types get their [`ToJson`] from `#[derive(ToJson)]` (crates/derive), which reads the
//! same `#[serde]` attributes as `Serialize`.
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
use serde_json::{Map, Number, Value};

/// A value written as JSON, with the members, spellings and absent members its `Serialize`
/// writes: one event at a time into an [`Out`], so that the npm facade makes JS values straight
/// from it, without a tree between.
pub trait ToJson {
    /// Writes the value into `out`.
    fn write(&self, out: &mut dyn Out);

    /// The value as a JSON tree. (`Self: Sized` keeps it out of every type's vtable: a copy of it
    /// for each type written as a member cost the wasm kilobytes.)
    fn to_json(&self) -> Value
    where
        Self: Sized,
    {
        tree(self)
    }

    /// True when a member holding this value is left out by [`Members::optional`]: `None` and
    /// empty lists, as serde's `skip_serializing_if = "Option::is_none"` and `"Vec::is_empty"`.
    fn is_absent(&self) -> bool {
        false
    }
}

/// Where [`ToJson`] writes: a JSON value as a sequence of events. An object is `begin_object`,
/// then `key` before each member's value, then `end_object`; a list is `begin_array`, its items,
/// `end_array`.
pub trait Out {
    fn null(&mut self);
    fn bool(&mut self, value: bool);
    fn number(&mut self, value: Number);
    fn string(&mut self, value: &str);
    fn begin_array(&mut self);
    fn end_array(&mut self);
    fn begin_object(&mut self);
    /// The name of the member whose value is written next.
    fn key(&mut self, name: &str);
    fn end_object(&mut self);
}

/// `value` as a JSON tree: [`ToJson::to_json`]. One function for every type rather than a copy
/// for each: the wasm is smaller, for the price of a call through the vtable.
pub fn tree(value: &dyn ToJson) -> Value {
    let mut tree = Tree::default();
    value.write(&mut tree);
    tree.finish()
}

/// An [`Out`] that builds a [`Value`], as [`ToJson::to_json`] returns it.
#[derive(Default)]
pub struct Tree {
    /// The lists and objects begun and not yet ended, innermost last, each object with the key of
    /// the member being written.
    open: Vec<(Value, Option<String>)>,
    done: Option<Value>,
}

impl Tree {
    /// The value written (`null` when nothing was).
    pub fn finish(self) -> Value {
        self.done.unwrap_or(Value::Null)
    }

    fn put(&mut self, value: Value) {
        match self.open.last_mut() {
            Some((Value::Array(items), _)) => items.push(value),
            Some((Value::Object(map), key)) => {
                if let Some(key) = key.take() {
                    map.insert(key, value);
                }
            }
            _ => self.done = Some(value),
        }
    }

    fn close(&mut self) {
        if let Some((value, _)) = self.open.pop() {
            self.put(value);
        }
    }
}

impl Out for Tree {
    fn null(&mut self) {
        self.put(Value::Null);
    }

    fn bool(&mut self, value: bool) {
        self.put(Value::Bool(value));
    }

    fn number(&mut self, value: Number) {
        self.put(Value::Number(value));
    }

    fn string(&mut self, value: &str) {
        self.put(Value::String(value.to_owned()));
    }

    fn begin_array(&mut self) {
        self.open.push((Value::Array(Vec::new()), None));
    }

    fn end_array(&mut self) {
        self.close();
    }

    fn begin_object(&mut self) {
        self.open.push((Value::Object(Map::new()), None));
    }

    fn key(&mut self, name: &str) {
        if let Some((_, key)) = self.open.last_mut() {
            *key = Some(name.to_owned());
        }
    }

    fn end_object(&mut self) {
        self.close();
    }
}

/// The members of a JSON object, written one by one in order (the order serde writes them):
/// [`Members::new`] begins the object and [`Members::finish`] ends it.
pub struct Members<'o> {
    out: &'o mut dyn Out,
}

// Not inlined: each derived `write` is a row of these calls, and a copy of their bodies in every
// one cost the wasm kilobytes.
impl<'o> Members<'o> {
    #[inline(never)]
    pub fn new(out: &'o mut dyn Out) -> Members<'o> {
        out.begin_object();
        Members { out }
    }

    /// A member written whatever its value (`None` as `null`).
    #[inline(never)]
    pub fn add(&mut self, name: &str, value: &dyn ToJson) -> &mut Members<'o> {
        self.out.key(name);
        value.write(self.out);
        self
    }

    /// A member left out when its value [is absent](ToJson::is_absent).
    #[inline(never)]
    pub fn optional(&mut self, name: &str, value: &dyn ToJson) -> &mut Members<'o> {
        if !value.is_absent() {
            self.add(name, value);
        }
        self
    }

    /// The members of `value`'s object, as serde's `flatten` writes them (a value that is not an
    /// object adds nothing). Through a tree: only a tagged enum's newtype variants and one type of
    /// the npm facade flatten, and a tree costs the wasm less than a second kind of [`Out`].
    #[inline(never)]
    pub fn flatten(&mut self, value: &dyn ToJson) -> &mut Members<'o> {
        if let Value::Object(map) = tree(value) {
            for (key, member) in &map {
                self.out.key(key);
                member.write(self.out);
            }
        }
        self
    }

    #[inline(never)]
    pub fn finish(&mut self) {
        self.out.end_object();
    }
}

/// An object built by `add` as a tree: for the few places that write one by hand.
pub fn object(add: impl FnOnce(&mut Members<'_>)) -> Value {
    let mut tree = Tree::default();
    let mut members = Members::new(&mut tree);
    add(&mut members);
    members.finish();
    tree.finish()
}

/// A tree, event by event.
impl ToJson for Value {
    fn write(&self, out: &mut dyn Out) {
        match self {
            Value::Null => out.null(),
            Value::Bool(b) => out.bool(*b),
            Value::Number(n) => out.number(n.clone()),
            Value::String(s) => out.string(s),
            Value::Array(items) => {
                out.begin_array();
                for item in items {
                    item.write(out);
                }
                out.end_array();
            }
            Value::Object(map) => {
                out.begin_object();
                for (key, value) in map {
                    out.key(key);
                    value.write(out);
                }
                out.end_object();
            }
        }
    }
}

impl ToJson for str {
    fn write(&self, out: &mut dyn Out) {
        out.string(self);
    }
}

impl ToJson for String {
    fn write(&self, out: &mut dyn Out) {
        out.string(self);
    }
}

impl ToJson for char {
    fn write(&self, out: &mut dyn Out) {
        out.string(self.encode_utf8(&mut [0; 4]));
    }
}

impl ToJson for bool {
    fn write(&self, out: &mut dyn Out) {
        out.bool(*self);
    }
}

macro_rules! numbers {
    ($($ty:ty),*) => {$(
        impl ToJson for $ty {
            fn write(&self, out: &mut dyn Out) {
                number(Value::from(*self), out);
            }
        }
    )*};
}

/// A number as its tree holds it, one function for every type of number.
fn number(value: Value, out: &mut dyn Out) {
    match value {
        Value::Number(n) => out.number(n),
        _ => out.null(),
    }
}
// `f64` as serde_json's value serializer writes it: `null` for NaN and the infinities.
numbers!(u8, u16, u32, u64, usize, i64, f64);

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write(&self, out: &mut dyn Out) {
        (**self).write(out);
    }

    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write(&self, out: &mut dyn Out) {
        (**self).write(out);
    }

    fn is_absent(&self) -> bool {
        (**self).is_absent()
    }
}

/// `None` is `null` (or left out by [`Members::optional`]).
impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, out: &mut dyn Out) {
        match self {
            Some(value) => value.write(out),
            None => out.null(),
        }
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write(&self, out: &mut dyn Out) {
        out.begin_array();
        for item in self {
            item.write(out);
        }
        out.end_array();
    }

    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, out: &mut dyn Out) {
        self.as_slice().write(out);
    }

    fn is_absent(&self) -> bool {
        self.is_empty()
    }
}

/// An object of string keys, in the map's order.
impl<T: ToJson, S> ToJson for IndexMap<String, T, S> {
    fn write(&self, out: &mut dyn Out) {
        out.begin_object();
        for (key, value) in self {
            out.key(key);
            value.write(out);
        }
        out.end_object();
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
