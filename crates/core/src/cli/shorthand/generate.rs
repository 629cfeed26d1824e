//! The shortest shorthand that the CLI parses back to exactly a given value.
//!
//! Every candidate encoding is checked by running it through [`parse`] in the context where it will
//! stand (what follows it matters: `{a=}` fails while `{a=,b=1}` works), and the whole result is
//! parsed back once more. So the generator can only be as wrong as the parser, which is itself
//! checked against awscli.

use indexmap::IndexMap;
use serde::Serialize;

use super::parser::parse;
use super::ShorthandValue;

/// Shorthand cannot express this value; use JSON for the parameter instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NotExpressible {
    /// Where in the value, such as `Attributes (key: a b)`; empty for the value as a whole.
    pub path: String,
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

/// The shortest shorthand for `value`, which must be a map (shorthand is `key=value` pairs).
///
/// ```
/// use chat_event_core::cli::shorthand::{generate, parse};
/// let value = parse(r#"Type=MESSAGE,Content="Hi, there""#).unwrap();
/// assert_eq!(generate(&value).unwrap(), r"Type=MESSAGE,Content=Hi\, there");
/// ```
pub fn generate(value: &ShorthandValue) -> Result<String, NotExpressible> {
    generate_with(value, &[])
}

/// As [`generate`], where the model turns a scalar given for any of `list_members` (top-level keys)
/// into a one-item list, so `K=[x]` can be written `K=x`.
pub(crate) fn generate_with(value: &ShorthandValue, list_members: &[&str]) -> Result<String, NotExpressible> {
    let ShorthandValue::Map(map) = value else {
        return Err(not_expressible("", "shorthand describes a structure or map (key=value pairs), not a lone value"));
    };
    if map.is_empty() {
        return Err(not_expressible("", "an empty structure has no shorthand form ({} is JSON)"));
    }
    let mut parts = Vec::with_capacity(map.len());
    for (i, (key, item)) in map.iter().enumerate() {
        check_key(key, "")?;
        let last = i + 1 == map.len();
        let encoded = match item {
            ShorthandValue::String(s) => string(s, Ctx::Top { last }, key)?,
            ShorthandValue::List(items) => top_list(items, last, list_members.contains(&key.as_str()), key)?,
            ShorthandValue::Map(inner) => brace(inner, key)?,
        };
        parts.push(format!("{key}={encoded}"));
    }
    let text = parts.join(",");
    // The final check: the real parser (plus the model's fix-up) gives back exactly the value.
    match parse(&text) {
        Ok(parsed) if with_list_fixup(parsed.clone(), list_members) == *value => Ok(text),
        _ => Err(not_expressible("", "no shorthand spelling parses back to this exact value")),
    }
}

/// The model's fix-up (awscli `BackCompatVisitor`): a non-list value for a list member is wrapped.
pub(crate) fn with_list_fixup(value: ShorthandValue, list_members: &[&str]) -> ShorthandValue {
    match value {
        ShorthandValue::Map(map) => ShorthandValue::Map(
            map.into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        ShorthandValue::List(_) => v,
                        other if list_members.contains(&k.as_str()) => ShorthandValue::List(vec![other]),
                        other => other,
                    };
                    (k, v)
                })
                .collect(),
        ),
        other => other,
    }
}

fn not_expressible(path: &str, reason: &str) -> NotExpressible {
    NotExpressible { path: path.to_string(), reason: reason.to_string() }
}

fn check_key(key: &str, parent: &str) -> Result<(), NotExpressible> {
    let valid = |c: char| c.is_ascii_alphanumeric() || "-_.#/:".contains(c);
    if key.chars().all(valid) {
        return Ok(());
    }
    let path = if parent.is_empty() { format!("(key: {key})") } else { format!("{parent} (key: {key})") };
    Err(not_expressible(
        &path,
        "shorthand keys may use only ASCII letters, digits and - _ . # / : and cannot be quoted",
    ))
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
}

/// Candidate spellings of a string, shortest first (ties: unquoted, double, single quotes).
fn candidates(s: &str) -> Vec<String> {
    let mut out = vec![s.replace(',', "\\,")];
    for q in ['"', '\''] {
        let qs = q.to_string();
        let escaped_q = format!("\\{q}");
        out.push(format!("{q}{}{q}", s.replace(&qs, &escaped_q)));
        out.push(format!("{q}{}{q}", s.replace('\\', "\\\\").replace(&qs, &escaped_q)));
    }
    // A stable sort keeps the preference order among equal lengths.
    out.sort_by_key(|c| c.chars().count());
    out
}

fn is_quoted(candidate: &str) -> bool {
    candidate.starts_with('"') || candidate.starts_with('\'')
}

fn string(s: &str, ctx: Ctx, path: &str) -> Result<String, NotExpressible> {
    let x = || ShorthandValue::String("x".into());
    let sv = || ShorthandValue::String(s.to_string());
    for c in candidates(s) {
        // A quoted value ending in a backslash ends in `\"`, which reads as an escaped quote; it only
        // works at the very end of the input, where the CLI's regex backs off to it.
        if is_quoted(&c) && s.ends_with('\\') && !matches!(ctx, Ctx::Top { last: true }) {
            continue;
        }
        let ok = match ctx {
            Ctx::Top { last: true } => parses_to(&format!("K={c}"), &[("K", sv())]),
            Ctx::Top { last: false } => parses_to(&format!("K={c},L=x"), &[("K", sv()), ("L", x())]),
            Ctx::Item { last: true } => parses_to(&format!("K=[{c}]"), &[("K", ShorthandValue::List(vec![sv()]))]),
            Ctx::Item { last: false } => {
                parses_to(&format!("K=[{c},x]"), &[("K", ShorthandValue::List(vec![sv(), x()]))])
            }
            Ctx::Member { last: true } => parses_to(&format!("K={{A={c}}}"), &[("K", map(&[("A", sv())]))]),
            Ctx::Member { last: false } => {
                parses_to(&format!("K={{A={c},B=x}}"), &[("K", map(&[("A", sv()), ("B", x())]))])
            }
        };
        if ok {
            return Ok(c);
        }
    }
    Err(not_expressible(path, "this string ends in a backslash where shorthand needs quotes; use JSON"))
}

fn map(pairs: &[(&str, ShorthandValue)]) -> ShorthandValue {
    ShorthandValue::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
}

fn parses_to(text: &str, expected: &[(&str, ShorthandValue)]) -> bool {
    parse(text).is_ok_and(|v| v == map(expected))
}

fn value(v: &ShorthandValue, ctx: Ctx, path: &str) -> Result<String, NotExpressible> {
    match v {
        ShorthandValue::String(s) => string(s, ctx, path),
        ShorthandValue::List(items) => bracket(items, path),
        ShorthandValue::Map(inner) => brace(inner, path),
    }
}

fn bracket(items: &[ShorthandValue], path: &str) -> Result<String, NotExpressible> {
    let mut parts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        parts.push(value(item, Ctx::Item { last: i + 1 == items.len() }, &format!("{path}[{i}]"))?);
    }
    Ok(format!("[{}]", parts.join(",")))
}

fn brace(members: &IndexMap<String, ShorthandValue>, path: &str) -> Result<String, NotExpressible> {
    let mut parts = Vec::with_capacity(members.len());
    for (i, (key, item)) in members.iter().enumerate() {
        check_key(key, path)?;
        let ctx = Ctx::Member { last: i + 1 == members.len() };
        parts.push(format!("{key}={}", value(item, ctx, &format!("{path}.{key}"))?));
    }
    Ok(format!("{{{}}}", parts.join(",")))
}

/// A list at the top level: a bare list `a,b` when it has two or more plain strings and reads back,
/// a single value when the model wraps it, else `[..]`.
fn top_list(items: &[ShorthandValue], last: bool, model_wraps: bool, path: &str) -> Result<String, NotExpressible> {
    let bracketed = bracket(items, path)?;
    let mut best = bracketed;
    if model_wraps && items.len() == 1 {
        let single = match items {
            [ShorthandValue::String(s)] => string(s, Ctx::Top { last }, path).ok(),
            [ShorthandValue::Map(m)] => brace(m, path).ok(),
            _ => None,
        };
        // `K=[x]` must not come back as a list of lists, so only a string or a map is unwrapped.
        if let Some(single) = single.filter(|s| s.chars().count() < best.chars().count()) {
            best = single;
        }
    }
    if items.len() >= 2 {
        if let Some(bare) = bare_list(items, last) {
            if bare.chars().count() < best.chars().count() {
                best = bare;
            }
        }
    }
    Ok(best)
}

fn bare_list(items: &[ShorthandValue], last: bool) -> Option<String> {
    let strings: Vec<&str> = items
        .iter()
        .map(|v| match v {
            ShorthandValue::String(s) => Some(s.as_str()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let mut parts = Vec::with_capacity(strings.len());
    for (i, s) in strings.iter().enumerate() {
        let want = |list: Vec<&str>| {
            ShorthandValue::List(list.into_iter().map(|s| ShorthandValue::String(s.to_string())).collect())
        };
        let chosen = candidates(s).into_iter().find(|c| {
            if is_quoted(c) && s.ends_with('\\') {
                return false;
            }
            if i == 0 {
                parses_to(&format!("K={c},z"), &[("K", want(vec![s, "z"]))])
            } else {
                parses_to(&format!("K=z,{c}"), &[("K", want(vec!["z", s]))])
                    && parses_to(&format!("K=z,{c},z"), &[("K", want(vec!["z", s, "z"]))])
            }
        })?;
        parts.push(chosen);
    }
    let bare = parts.join(",");
    let list = ShorthandValue::List(items.to_vec());
    let fits = if last {
        parses_to(&format!("K={bare}"), &[("K", list)])
    } else {
        parses_to(&format!("K={bare},L=x"), &[("K", list), ("L", ShorthandValue::String("x".into()))])
    };
    fits.then_some(bare)
}
