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
            Path::Member(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
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

/// Unsigned integers narrower than `u64`: read as `u64`, then range-checked.
macro_rules! narrow_unsigned {
    ($($ty:ty),*) => {$(
        impl FromJson for $ty {
            fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
                let n = u64::from_json(value, at)?;
                <$ty>::try_from(n).map_err(|_| ReadError::new(at, format!("expected a whole number from 0 to {}, found {n}", <$ty>::MAX)))
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

/// `null` reads as `None`, like an absent member.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        match value {
            Value::Null => Ok(None),
            _ => T::from_json(value, at).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        let items = value.as_array().ok_or_else(|| ReadError::expected(at, "a list", value))?;
        // A plain loop, not `collect::<Result<Vec<_>, _>>()`: the adapter that collect builds is
        // compiled again for every `T`, and costs the wasm more than this loop.
        let mut read = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            read.push(T::from_json(item, &at.index(i))?);
        }
        Ok(read)
    }
}

/// An object of string keys, in the order given.
impl<T: FromJson> FromJson for IndexMap<String, T> {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        let map = value.as_object().ok_or_else(|| ReadError::expected(at, "an object", value))?;
        // A plain loop, as for `Vec`.
        let mut read = IndexMap::with_capacity(map.len());
        for (k, v) in map {
            read.insert(k.clone(), T::from_json(v, &at.member(k))?);
        }
        Ok(read)
    }
}

/// The members of a JSON object, read one by one. [`Object::finish`] refuses members no reader
/// asked for, so a misspelt member is an error rather than silently ignored.
pub struct Object<'v, 'p> {
    map: &'v Map<String, Value>,
    at: &'p Path<'p>,
    /// The members asked for so far (objects are small: a list beats a set).
    known: Vec<&'static str>,
}

impl<'v, 'p> Object<'v, 'p> {
    /// The object at `at`; anything else is "expected `what`, found ...".
    pub fn new(value: &'v Value, at: &'p Path<'p>, what: &str) -> Result<Self, ReadError> {
        match value {
            Value::Object(map) => Ok(Object { map, at, known: Vec::new() }),
            _ => Err(ReadError::expected(at, what, value)),
        }
    }

    /// The raw member, if present (`null` included).
    pub fn get(&mut self, name: &'static str) -> Option<&'v Value> {
        self.known.push(name);
        self.map.get(name)
    }

    /// A member that must be present (and not `null`).
    pub fn required<T: FromJson>(&mut self, name: &'static str) -> Result<T, ReadError> {
        let value = self.present(name)?;
        T::from_json(value, &self.at.member(name))
    }

    /// A member that may be absent or `null`.
    pub fn optional<T: FromJson>(&mut self, name: &'static str) -> Result<Option<T>, ReadError> {
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
        self.non_null(name).ok_or_else(|| ReadError::new(self.at, format!("the member \"{name}\" is missing")))
    }

    /// A member that takes its default when absent or `null`.
    pub fn or_default<T: FromJson + Default>(&mut self, name: &'static str) -> Result<T, ReadError> {
        Ok(self.optional(name)?.unwrap_or_default())
    }

    /// Ends the reading: a member that no reader asked for is an error naming it and the ones known.
    pub fn finish(self) -> Result<(), ReadError> {
        match self.map.keys().find(|k| !self.known.contains(&k.as_str())) {
            None => Ok(()),
            Some(unknown) => Err(ReadError::new(
                &self.at.member(unknown),
                format!("unknown member \"{unknown}\"; expected {}", one_of_list(&self.known)),
            )),
        }
    }

    /// Ends the reading, ignoring members no reader asked for.
    pub fn finish_lenient(self) {}
}

/// `"a", "b" or "c"`.
fn one_of_list(names: &[&str]) -> String {
    match names {
        [] => "no members".into(),
        [one] => format!("\"{one}\""),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(|n| format!("\"{n}\"")).collect();
            format!("{} or \"{last}\"", rest.join(", "))
        }
    }
}

/// A string that must be one of a fixed set of spellings, each naming a value (an enum's variants).
pub fn one_of<T: Copy>(value: &Value, at: &Path<'_>, choices: &[(&'static str, T)]) -> Result<T, ReadError> {
    let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
    let text = value.as_str().ok_or_else(|| ReadError::expected(at, &one_of_list(&names), value))?;
    choices
        .iter()
        .find(|(name, _)| *name == text)
        .map(|(_, v)| *v)
        .ok_or_else(|| ReadError::new(at, format!("expected {}, found {text:?}", one_of_list(&names))))
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
                $crate::json::read::one_of(value, at, &[$(($name, $variant)),+])
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
        assert_eq!((e.path.as_str(), e.message.as_str()), ("lable", "unknown member \"lable\"; expected \"x\", \"label\" or \"tags\""));
        let e = read::<Point>(&json!({})).unwrap_err();
        assert_eq!(e.to_string(), "the member \"x\" is missing");
        let e = read::<Point>(&json!([1])).unwrap_err();
        assert_eq!(e.to_string(), "expected a point, found a list of 1 item");
        let e = read::<Point>(&json!({"x": 4294967296u64})).unwrap_err();
        assert_eq!(e.to_string(), "x: expected a whole number from 0 to 4294967295, found 4294967296");
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
