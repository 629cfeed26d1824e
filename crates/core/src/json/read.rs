//! Reading typed values from a JSON tree, by hand: one small reader per type instead of serde's
//! derived `Deserialize`.
//!
//! Why: a derived `Deserialize` compiles a visitor per type, a field matcher per struct, a path
//! for JSON arrays read as structs, and `Unexpected` messages that pull float formatting into the
//! wasm. Reading from a parsed [`Value`] needs none of that: serde_json parses the text once (its
//! syntax errors keep their line and column), and each reader here looks members up by name.
//! A problem is reported at its path (`steps[2].send.Event`), which is what a user needs to find it.

use std::fmt;

use indexmap::IndexMap;
use serde_json::{Map, Value};

/// Where a value sits in the document, as a chain of members and indexes from the root. Built on
/// the stack while reading; turned into text only for an error.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    Root,
    Member(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub fn member(&'a self, name: &'a str) -> Path<'a> {
        Path::Member(self, name)
    }

    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }
}

impl fmt::Display for Path<'_> {
    /// `settings.chatDuration`, `steps[2].send`; the root is the empty string.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Member(Path::Root, name) => f.write_str(name),
            // The parent first, then this step: one `write_str` rather than a format per step.
            Path::Member(parent, name) => {
                parent.fmt(f)?;
                f.write_str(".")?;
                f.write_str(name)
            }
            Path::Index(parent, index) => {
                parent.fmt(f)?;
                write!(f, "[{index}]")
            }
        }
    }
}

/// A value that does not have the type or members its reader expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Where, as [`Path`] prints it (empty for the whole document).
    pub path: String,
    /// What was expected and what was found.
    pub message: String,
}

impl ReadError {
    pub fn new(at: &Path<'_>, message: impl Into<String>) -> ReadError {
        ReadError { path: at.to_string(), message: message.into() }
    }

    /// "expected E, found F" for a value of the wrong kind.
    pub fn expected(at: &Path<'_>, expected: &str, found: &Value) -> ReadError {
        ReadError::new(at, format!("expected {expected}, found {}", describe(found)))
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ReadError {}

/// A short description of a value for messages (`the string "x"`, `the number 5`, `a list of 2
/// items`, `an object with 1 member`): what the reader and the validator both say was found.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string {}", preview(s)),
        Value::Array(items) => format!("a list of {} item{}", items.len(), if items.len() == 1 { "" } else { "s" }),
        Value::Object(map) => format!("an object with {} member{}", map.len(), if map.len() == 1 { "" } else { "s" }),
    }
}

/// A text quoted for a message, cut after 40 characters (on a character boundary).
pub fn preview(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((at, _)) => format!("{:?}…", s.get(..at).unwrap_or_default()),
        None => format!("{s:?}"),
    }
}

/// A type read from a JSON tree.
pub trait FromJson: Sized {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError>;
}

/// Reads a whole document.
pub fn read<T: FromJson>(value: &Value) -> Result<T, ReadError> {
    T::from_json(value, &Path::Root)
}

impl FromJson for Value {
    fn from_json(value: &Value, _: &Path<'_>) -> Result<Self, ReadError> {
        Ok(value.clone())
    }
}

impl FromJson for String {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        value.as_str().map(str::to_owned).ok_or_else(|| ReadError::expected(at, "a string", value))
    }
}

impl FromJson for bool {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        value.as_bool().ok_or_else(|| ReadError::expected(at, "true or false", value))
    }
}

impl FromJson for u64 {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        value.as_u64().ok_or_else(|| ReadError::expected(at, "a whole number from 0", value))
    }
}

/// A `u64` no greater than `max`: the range check of every narrower unsigned type, compiled once.
fn up_to(value: &Value, at: &Path<'_>, max: u64) -> Result<u64, ReadError> {
    let n = u64::from_json(value, at)?;
    if n <= max {
        Ok(n)
    } else {
        Err(ReadError::new(at, format!("expected a whole number from 0 to {max}, found {n}")))
    }
}

/// Unsigned integers narrower than `u64`: read as `u64`, then range-checked.
macro_rules! narrow_unsigned {
    ($($ty:ty),*) => {$(
        impl FromJson for $ty {
            fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
                // `up_to` checked the range: the cast keeps the value.
                up_to(value, at, <$ty>::MAX as u64).map(|n| n as $ty)
            }
        }
    )*};
}
narrow_unsigned!(u8, u16, u32, usize);

/// Any JSON number, whole or not.
impl FromJson for f64 {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        value.as_f64().ok_or_else(|| ReadError::expected(at, "a number", value))
    }
}

impl FromJson for i64 {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        value.as_i64().ok_or_else(|| ReadError::expected(at, "a whole number", value))
    }
}

/// Walks a list's items, stopping at the first error: the part of reading a `Vec<T>` that does
/// not depend on `T`, compiled once; only the closure that reads and keeps an item is per `T`.
fn each_item(
    value: &Value,
    at: &Path<'_>,
    each: &mut dyn FnMut(&Value, &Path<'_>) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let items = value.as_array().ok_or_else(|| ReadError::expected(at, "a list", value))?;
    for (i, item) in items.iter().enumerate() {
        each(item, &at.index(i))?;
    }
    Ok(())
}

/// Walks an object's members in order, as [`each_item`] does a list's items.
fn each_member(
    value: &Value,
    at: &Path<'_>,
    each: &mut dyn FnMut(&str, &Value, &Path<'_>) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let map = value.as_object().ok_or_else(|| ReadError::expected(at, "an object", value))?;
    for (k, v) in map {
        each(k, v, &at.member(k))?;
    }
    Ok(())
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        let mut read = Vec::new();
        each_item(value, at, &mut |item, at| {
            read.push(T::from_json(item, at)?);
            Ok(())
        })?;
        Ok(read)
    }
}

/// An object of string keys, in the order given.
impl<T: FromJson> FromJson for IndexMap<String, T> {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        let mut read = IndexMap::new();
        each_member(value, at, &mut |k, v, at| {
            read.insert(k.to_owned(), T::from_json(v, at)?);
            Ok(())
        })?;
        Ok(read)
    }
}

/// A place a member is read into, whatever its type: implemented once for every [`FromJson`]
/// type (`Option<T>` included), so that [`Object::required_into`] and [`Object::optional_into`]
/// are compiled once, and each member of a reader is one small call. (A generic
/// `required::<T>()` per member type, returning a `Result<T, _>` left with `?`, cost the wasm about
/// 200 bytes a member.)
pub trait Slot {
    /// Reads `value` into `self`, replacing what was there; on error `self` is left as it was.
    fn read_from(&mut self, value: &Value, at: &Path<'_>) -> Result<(), ReadError>;
}

impl<T: FromJson> Slot for T {
    fn read_from(&mut self, value: &Value, at: &Path<'_>) -> Result<(), ReadError> {
        *self = T::from_json(value, at)?;
        Ok(())
    }
}

/// `null` reads as `None`, like an absent member; anything else as `T` does, into `Some`.
/// Its own `Slot` rather than `FromJson`: the value read goes straight into the place, with no
/// `Result<Option<T>, _>` in between, in each of the many copies (one per optional member type).
impl<T: FromJson> Slot for Option<T> {
    fn read_from(&mut self, value: &Value, at: &Path<'_>) -> Result<(), ReadError> {
        if value.is_null() {
            *self = None;
        } else {
            *self = Some(T::from_json(value, at)?);
        }
        Ok(())
    }
}

/// The members of a JSON object, read one by one. [`Object::finish`] refuses members no reader
/// asked for, so a misspelt member is an error rather than silently ignored.
///
/// A reader builds its value with placeholders, then reads each member into its field:
///
/// ```
/// use chat_event_core::json::read::{read, FromJson, Object, Path, ReadError};
/// use serde_json::{json, Value};
///
/// struct Point { x: u32, label: Option<String> }
///
/// impl FromJson for Point {
///     fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
///         let mut o = Object::new(value, at, "a point")?;
///         let mut point = Point { x: 0, label: None };
///         o.required_into("x", &mut point.x);
///         o.optional_into("label", &mut point.label);
///         o.finish()?;
///         Ok(point)
///     }
/// }
///
/// let point: Point = read(&json!({"x": 3})).unwrap();
/// assert_eq!((point.x, point.label), (3, None));
/// let e = read::<Point>(&json!({"x": "3", "lable": 1})).err().unwrap();
/// assert_eq!(e.to_string(), "x: expected a whole number from 0, found the string \"3\"");
/// ```
///
/// The first error is kept and the reads after it are skipped, so the error reported is the one
/// of the first member in the reader's order, as if each read had returned it; `finish` (or
/// [`Object::check`]) returns it.
pub struct Object<'v, 'p> {
    map: &'v Map<String, Value>,
    at: &'p Path<'p>,
    /// The members asked for so far (objects are small: a list beats a set).
    known: Vec<&'static str>,
    /// The first error of a `*_into` read.
    error: Option<ReadError>,
}

impl<'v, 'p> Object<'v, 'p> {
    /// The object at `at`; anything else is "expected `what`, found ...".
    pub fn new(value: &'v Value, at: &'p Path<'p>, what: &str) -> Result<Self, ReadError> {
        match value {
            Value::Object(map) => Ok(Object { map, at, known: Vec::new(), error: None }),
            _ => Err(ReadError::expected(at, what, value)),
        }
    }

    /// The raw member, if present (`null` included).
    pub fn get(&mut self, name: &'static str) -> Option<&'v Value> {
        self.known.push(name);
        self.map.get(name)
    }

    /// A member that must be present (and not `null`), read into `slot`. An error (missing, or
    /// the value's own) is kept for [`Object::finish`]; after one, this only notes the name.
    #[inline]
    pub fn required_into(&mut self, name: &'static str, slot: &mut dyn Slot) {
        self.member_into(name, slot, true);
    }

    /// A member that may be absent or `null`, which leaves `slot` as it is (its default); else
    /// read into `slot` (an `Option<T>` slot becomes `Some`). Errors are kept as by
    /// [`Object::required_into`].
    #[inline]
    pub fn optional_into(&mut self, name: &'static str, slot: &mut dyn Slot) {
        self.member_into(name, slot, false);
    }

    /// Both of the above, compiled once.
    #[inline(never)]
    fn member_into(&mut self, name: &'static str, slot: &mut dyn Slot, required: bool) {
        let value = self.non_null(name);
        if self.error.is_some() {
            return;
        }
        let read = match value {
            Some(value) => slot.read_from(value, &self.at.member(name)),
            None if required => Err(self.missing(name)),
            None => Ok(()),
        };
        if let Err(e) = read {
            self.error = Some(e);
        }
    }

    /// The first error of the `*_into` reads so far, if any (taken: a reader that goes on with
    /// its own checks calls this first, so that they see only well-read members).
    pub fn check(&mut self) -> Result<(), ReadError> {
        match self.error.take() {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }

    /// A member that must be present (and not `null`).
    pub fn required<T: FromJson>(&mut self, name: &'static str) -> Result<T, ReadError> {
        self.check()?;
        let value = self.present(name)?;
        T::from_json(value, &self.at.member(name))
    }

    /// A member that may be absent or `null`.
    pub fn optional<T: FromJson>(&mut self, name: &'static str) -> Result<Option<T>, ReadError> {
        self.check()?;
        match self.non_null(name) {
            None => Ok(None),
            Some(value) => T::from_json(value, &self.at.member(name)).map(Some),
        }
    }

    // The two lookups below are kept out of line: `required` and `optional` are compiled once per
    // type read, and each copy would otherwise carry the lookup and the "missing" message.

    /// The member, unless absent or `null`.
    #[inline(never)]
    fn non_null(&mut self, name: &'static str) -> Option<&'v Value> {
        self.get(name).filter(|value| !value.is_null())
    }

    /// The member, or the error saying it is missing.
    #[inline(never)]
    fn present(&mut self, name: &'static str) -> Result<&'v Value, ReadError> {
        self.non_null(name).ok_or_else(|| self.missing(name))
    }

    fn missing(&self, name: &str) -> ReadError {
        ReadError::new(self.at, format!("the member \"{name}\" is missing"))
    }

    /// A member that takes its default when absent or `null`.
    pub fn or_default<T: FromJson + Default>(&mut self, name: &'static str) -> Result<T, ReadError> {
        Ok(self.optional(name)?.unwrap_or_default())
    }

    /// Ends the reading: the first error of a read, if any; else a member that no reader asked
    /// for is an error naming it and the ones known.
    pub fn finish(mut self) -> Result<(), ReadError> {
        self.check()?;
        match self.map.keys().find(|k| !self.known.contains(&k.as_str())) {
            None => Ok(()),
            Some(unknown) => Err(ReadError::new(
                &self.at.member(unknown),
                format!("unknown member \"{unknown}\"; expected {}", one_of_list(&self.known)),
            )),
        }
    }

    /// Ends the reading, ignoring members no reader asked for: the first error of a read, if any.
    pub fn finish_lenient(mut self) -> Result<(), ReadError> {
        self.check()
    }
}

/// What [`read_object`] does with members no reader asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// An error naming the member and the ones known, as [`Object::finish`].
    Refuse,
    /// Let be, as [`Object::finish_lenient`].
    Ignore,
}

/// Reads the object at `at` (anything else is "expected `what`, found ..."): `members` reads
/// each member into its slot (`o.required_into("x", &mut point.x)`), then the first error of
/// those reads is returned, else unknown members are handled as `unknown` says.
///
/// The whole of a struct's reader but its slots, compiled once: a reader is its placeholder
/// value, this call, and a closure of one small call per member.
pub fn read_object(
    value: &Value,
    at: &Path<'_>,
    what: &str,
    unknown: Unknown,
    members: &mut dyn FnMut(&mut Object<'_, '_>),
) -> Result<(), ReadError> {
    let mut o = Object::new(value, at, what)?;
    members(&mut o);
    match unknown {
        Unknown::Refuse => o.finish(),
        Unknown::Ignore => o.finish_lenient(),
    }
}

/// `"a", "b" or "c"`.
fn one_of_list(names: &[&str]) -> String {
    let mut list = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            list.push_str(if i + 1 == names.len() { " or " } else { ", " });
        }
        list.push('"');
        list.push_str(name);
        list.push('"');
    }
    if names.is_empty() {
        list.push_str("no members");
    }
    list
}

/// The index of the string `value` in `names`, else "expected `names`, found ...": the part of
/// reading an enum that does not depend on its type, compiled once (see [`from_json_one_of!`]).
pub fn choice(value: &Value, at: &Path<'_>, names: &[&str]) -> Result<usize, ReadError> {
    let found = match value.as_str() {
        Some(text) => match names.iter().position(|name| *name == text) {
            Some(i) => return Ok(i),
            None => format!("{text:?}"),
        },
        None => describe(value),
    };
    Err(ReadError::new(at, format!("expected {}, found {found}", one_of_list(names))))
}

/// A string that must be one of a fixed set of spellings, each naming a value (an enum's variants).
pub fn one_of<T: Copy>(value: &Value, at: &Path<'_>, choices: &[(&'static str, T)]) -> Result<T, ReadError> {
    if let Some((_, v)) = value.as_str().and_then(|text| choices.iter().find(|(name, _)| *name == text)) {
        return Ok(*v);
    }
    let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
    choice(value, at, &names).and_then(|i| choices.get(i).map(|(_, v)| *v).ok_or_else(|| ReadError::new(at, "")))
}

/// Implements [`FromJson`] for a fieldless enum from its JSON spellings (the same ones its
/// `Serialize` writes).
#[macro_export]
macro_rules! from_json_one_of {
    ($ty:ty { $($name:literal => $variant:expr),+ $(,)? }) => {
        impl $crate::json::read::FromJson for $ty {
            fn from_json(
                value: &serde_json::Value,
                at: &$crate::json::read::Path<'_>,
            ) -> Result<Self, $crate::json::read::ReadError> {
                // The names are looked up by one shared function; only picking the value is per type.
                let values = [$($variant),+];
                let i = $crate::json::read::choice(value, at, &[$($name),+])?;
                Ok(*values.get(i).unwrap_or(&values[0]))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq, Default)]
    struct Point {
        x: u32,
        label: Option<String>,
        tags: Vec<String>,
    }

    impl FromJson for Point {
        fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
            let mut o = Object::new(value, at, "a point")?;
            let point = Point { x: o.required("x")?, label: o.optional("label")?, tags: o.or_default("tags")? };
            o.finish()?;
            Ok(point)
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Side {
        Left,
        Right,
    }
    from_json_one_of!(Side { "left" => Side::Left, "right" => Side::Right });

    #[test]
    fn reads_members_with_defaults() {
        let p: Point = read(&json!({"x": 3, "label": null})).unwrap();
        assert_eq!(p, Point { x: 3, label: None, tags: vec![] });
        let p: Vec<Point> = read(&json!([{"x": 1, "tags": ["a"]}])).unwrap();
        assert_eq!(p[0].tags, vec!["a".to_string()]);
    }

    #[test]
    fn errors_name_the_path_and_what_was_found() {
        let e = read::<Vec<Point>>(&json!([{"x": 1}, {"x": "2"}])).unwrap_err();
        assert_eq!(e.to_string(), "[1].x: expected a whole number from 0, found the string \"2\"");
        let e = read::<Point>(&json!({"x": 1, "lable": "a"})).unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.message.as_str()),
            ("lable", "unknown member \"lable\"; expected \"x\", \"label\" or \"tags\"")
        );
        let e = read::<Point>(&json!({})).unwrap_err();
        assert_eq!(e.to_string(), "the member \"x\" is missing");
        let e = read::<Point>(&json!([1])).unwrap_err();
        assert_eq!(e.to_string(), "expected a point, found a list of 1 item");
        let e = read::<Point>(&json!({"x": 4294967296u64})).unwrap_err();
        assert_eq!(e.to_string(), "x: expected a whole number from 0 to 4294967295, found 4294967296");
    }

    /// Three required members read into slots, in this order; unknown members refused.
    #[derive(Debug, PartialEq)]
    struct Triple {
        a: u8,
        b: Side,
        c: Vec<String>,
    }

    impl FromJson for Triple {
        fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
            let mut o = Object::new(value, at, "a triple")?;
            let mut t = Triple { a: 0, b: Side::Left, c: Vec::new() };
            o.required_into("a", &mut t.a);
            o.required_into("b", &mut t.b);
            o.optional_into("c", &mut t.c);
            o.finish()?;
            Ok(t)
        }
    }

    #[test]
    fn the_first_member_in_the_readers_order_reports_its_error() {
        let cases = [
            // Every member wrong: the first one read is reported, not the first in the text.
            (json!({"c": 1, "b": "up", "a": -1}), "a", "expected a whole number from 0, found the number -1"),
            // An early member missing beats a later wrong one.
            (json!({"b": "up", "c": 1}), "", "the member \"a\" is missing"),
            // The early one right: the next error is reported.
            (json!({"a": 1, "b": "up", "c": 1}), "b", "expected \"left\" or \"right\", found \"up\""),
            (json!({"a": 1, "b": "left", "c": [1]}), "c[0]", "expected a string, found the number 1"),
            // A wrong member beats an unknown one, wherever it stands.
            (json!({"zz": 0, "a": 256, "b": "left"}), "a", "expected a whole number from 0 to 255, found 256"),
            // The members read fine: then the unknown one is reported.
            (json!({"zz": 0, "a": 255, "b": "left"}), "zz", "unknown member \"zz\"; expected \"a\", \"b\" or \"c\""),
        ];
        for (value, path, message) in cases {
            let e = read::<Triple>(&value).unwrap_err();
            assert_eq!((e.path.as_str(), e.message.as_str()), (path, message), "{value}");
        }
        let read_fine = read::<Triple>(&json!({"a": 255, "b": "right", "c": null})).unwrap();
        assert_eq!(read_fine, Triple { a: 255, b: Side::Right, c: vec![] });
    }

    #[test]
    fn finish_lenient_reports_a_members_error_but_not_unknown_members() {
        fn lenient(value: &Value) -> Result<Option<bool>, ReadError> {
            let mut o = Object::new(value, &Path::Root, "an object")?;
            let mut flag = None;
            o.optional_into("flag", &mut flag);
            o.finish_lenient()?;
            Ok(flag)
        }
        assert_eq!(lenient(&json!({"flag": true, "other": 1})), Ok(Some(true)));
        assert_eq!(lenient(&json!({"flag": null})), Ok(None));
        assert_eq!(lenient(&json!({})), Ok(None));
        let e = lenient(&json!({"flag": "yes", "other": 1})).unwrap_err();
        assert_eq!(e.to_string(), "flag: expected true or false, found the string \"yes\"");
    }

    #[test]
    fn check_returns_the_pending_error_once() {
        let value = json!({"a": "x", "b": 2});
        let mut o = Object::new(&value, &Path::Root, "an object").unwrap();
        let (mut a, mut b) = (0u32, 0u32);
        o.required_into("a", &mut a);
        o.required_into("b", &mut b);
        // After the error, the later member is not read.
        assert_eq!((a, b), (0, 0));
        assert_eq!(o.check().map_err(|e| e.path), Err("a".to_string()));
        assert_eq!(o.check(), Ok(()));
        // The generic reads see a pending error first.
        let mut o = Object::new(&value, &Path::Root, "an object").unwrap();
        o.required_into("a", &mut a);
        assert_eq!(o.required::<u32>("b").map_err(|e| e.path), Err("a".to_string()));
    }

    #[test]
    fn narrow_integers_are_range_checked_on_both_sides_of_their_maximum() {
        assert_eq!(read::<u8>(&json!(255)), Ok(255));
        assert_eq!(read::<u8>(&json!(256)).unwrap_err().message, "expected a whole number from 0 to 255, found 256");
        assert_eq!(read::<u16>(&json!(65535)), Ok(65535));
        assert_eq!(
            read::<u16>(&json!(65536)).unwrap_err().message,
            "expected a whole number from 0 to 65535, found 65536"
        );
        assert_eq!(read::<u32>(&json!(4294967295u64)), Ok(u32::MAX));
        assert_eq!(read::<u8>(&json!(-1)).unwrap_err().message, "expected a whole number from 0, found the number -1");
    }

    #[test]
    fn lists_of_names_and_paths_print_as_before() {
        assert_eq!(one_of_list(&[]), "no members");
        assert_eq!(one_of_list(&["a"]), "\"a\"");
        assert_eq!(one_of_list(&["a", "b"]), "\"a\" or \"b\"");
        assert_eq!(one_of_list(&["a", "b", "c"]), "\"a\", \"b\" or \"c\"");
        let root = Path::Root;
        let steps = root.member("steps");
        let second = steps.index(2);
        let send = second.member("send");
        assert_eq!(send.to_string(), "steps[2].send");
        assert_eq!(root.index(0).to_string(), "[0]");
        assert_eq!(one_of(&json!("b"), &root, &[("a", 1), ("b", 2)]), Ok(2));
        assert_eq!(
            one_of(&json!("c"), &root, &[("a", 1), ("b", 2)]).unwrap_err().message,
            "expected \"a\" or \"b\", found \"c\""
        );
        assert_eq!(choice(&json!(true), &root, &["a"]).unwrap_err().message, "expected \"a\", found the boolean true");
    }

    #[test]
    fn enums_read_from_their_spellings() {
        assert_eq!(read::<Side>(&json!("right")).unwrap(), Side::Right);
        let e = read::<Side>(&json!("up")).unwrap_err();
        assert_eq!(e.message, "expected \"left\" or \"right\", found \"up\"");
        let e = read::<IndexMap<String, Side>>(&json!({"a": 1})).unwrap_err();
        assert_eq!(e.to_string(), "a: expected \"left\" or \"right\", found the number 1");
    }
}
