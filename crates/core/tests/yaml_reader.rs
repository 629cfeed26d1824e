//! Our YAML reader (`chat_event_core::yaml::from_str`) reads what yaml-rust2 read, converted to JSON
//! data by the conversion the module used before (kept here as the oracle's adapter): the same value,
//! or an error from both.

use chat_event_core::yaml;
use proptest::prelude::*;
use serde_json::{json, Value};
use yaml_rust2::{Yaml, YamlLoader};

/// The reader this module replaced: yaml-rust2, then the old `to_json`.
fn oracle(text: &str) -> Result<Value, String> {
    let docs = YamlLoader::load_from_str(text).map_err(|e| e.to_string())?;
    match docs.into_iter().next() {
        None => Ok(Value::Null),
        Some(doc) => to_json(doc),
    }
}

fn to_json(yaml: Yaml) -> Result<Value, String> {
    Ok(match yaml {
        Yaml::String(s) => Value::String(s),
        Yaml::Integer(i) => Value::from(i),
        Yaml::Real(r) => {
            let parsed = Yaml::Real(r.clone()).as_f64().ok_or_else(|| format!("Invalid number: {r}"))?;
            serde_json::Number::from_f64(parsed).map(Value::Number).unwrap_or(Value::String(r))
        }
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Null => Value::Null,
        Yaml::Array(items) => Value::Array(items.into_iter().map(to_json).collect::<Result<_, _>>()?),
        Yaml::Hash(hash) => {
            let mut map = serde_json::Map::new();
            for (k, v) in hash {
                let key = match k {
                    Yaml::String(s) | Yaml::Real(s) => s,
                    Yaml::Integer(i) => i.to_string(),
                    Yaml::Boolean(b) => b.to_string(),
                    Yaml::Null => "null".to_string(),
                    _ => return Err("a mapping key must be a plain value".into()),
                };
                map.insert(key, to_json(v)?);
            }
            Value::Object(map)
        }
        Yaml::Alias(_) => return Err("aliases are not supported".into()),
        Yaml::BadValue => return Err("Invalid YAML value".into()),
    })
}

/// Same value, or both an error; the description of a difference otherwise.
fn differs(text: &str) -> Option<String> {
    let ours = yaml::from_str(text);
    let theirs = oracle(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) if a == b => None,
        (Err(e), Err(_)) if e.message.starts_with("Invalid YAML: ") && e.line.is_some() && e.column.is_some() => None,
        _ => Some(format!("{text:?}\n  ours:       {ours:?}\n  yaml-rust2: {theirs:?}")),
    }
}

fn assert_same(texts: &[&str]) {
    let failures: Vec<String> = texts.iter().filter_map(|t| differs(t)).collect();
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), texts.len(), failures.join("\n"));
}

/// Hand-written documents, by construct, with both sides of each boundary.
const CORPUS: &[&str] = &[
    // Empty documents, markers, comments.
    "", " ", "\n\n", "# only a comment\n", "---\n", "---", "--- \n...\n", "...\n", "---\na: 1\n...\n", "a: 1\n---\nb: 2\n",
    "---\n---\na: 1\n", "--- a\n", "--- |\n  x\n", "--- [1, 2]\n", "--- 'q'\n", "a: 1\n--- b\n", "a: 1\n...\nb\n",
    "a: 1 # comment\n", "a: 1# not a comment\n", "# c\na: 1\n  # indented comment\nb: 2\n", "a: # c\n  b: 1\n",
    "a: 1\r\nb: 2\r\n", "a: 1\rb: 2\r",
    // Block mappings.
    "a: 1\nb: 2\n", "a:\n  b:\n    c: d\n", "a:\n  b: 1\n c: 2\n", "a:\n  b: 1\n   c: 2\n", "a: 1\n b: 2\n", "  a: 1\n  b: 2\n",
    "  a: 1\nb: 2\n", "a:\nb:\n", "a:\n", "a: \n", "a:   \n  \nb: ~\n", "key with spaces: v\n", "a : 1\n", "a:1\n", "'a': 1\n",
    "\"a\": 1\n\"b\" : 2\n", "a: b: c\n", "a:\n  - b\n  c: d\n", "a: 1\na: 2\n", "1: a\n'1': b\n", "1: a\n0x1: b\n", "1: a\n1.0: b\n",
    "~: a\nnull: b\n", "true: a\nTrue: b\n", "a\nb: c\n", "a: b\nc\n", "a: b\n  c: d\n", ": a\n", "a: [\n",
    "a: 'x' y\n", "a: \"x\"#c\n", "a: \"x\" #c\n", "[a]: b\n", "{a: 1}: b\n", "a: 1\n- b\n",
    // Block sequences.
    "- a\n- b\n", "- a\n  - b\n", "-\n- b\n", "- \n  a\n", "- - a\n  - b\n- c\n", "- a: 1\n  b: 2\n- c: 3\n", "- a: 1\n   b: 2\n",
    "- a: 1\n b: 2\n", "a:\n- b\n- c\nd: e\n", "a:\n  - b\n  - c\nd: e\n", "a:\n- b\n  - c\n", "- a\n -b\n", "- a\nb\n", "-a\n",
    "- - - x\n", "-\n  - x\n", "- a\n\n\n- b\n", "a: - b\n", "- |\n  x\n- >\n  y\n", "- [a, b]\n- {c: d}\n", "- 'a'\n- \"b\"\n",
    "a:\n  -\n    b: 1\n", "seq:\n- a\nmap:\n  k: v\n",
    // Plain scalars, multi-line folding.
    "a b c\n", "a: b\n  c\n", "a: b\n  c\n\n  d\n", "a: b\n\n\n  c\n", "a: b   \n  c   \n", "a: b\n  # c\n", "a: b\n  c # d\n",
    "a: http://x.y/z?q=1#f\n", "a: x:y\n", "a: x :y\n", "a: -1\n", "a: -x\n", "a: ?x\n", "a: :x\n", "a: @x\n", "a: `x\n", "a: %x\n",
    "a: x!y\n", "a: a, b\n", "a: a]b\n", "a: [b]c\n", "a: {b\n", "plain\nmulti\n  line\n", "a: b\n---\n", "a: 'b'\n  c\n",
    "x\n---\n", "a\n b\n", "a: b\n...\n",
    // Quoted scalars and escapes.
    "a: 'it''s'\n", "a: ''\n", "a: \"\"\n", "a: '# not'\n", "a: 'x\n  y'\n", "a: 'x\n\n  y'\n", "a: \"x\n  y\"\n", "a: \"x\\\n  y\"\n",
    "a: \"x \\\n  y\"\n", "a: \"x   \n   y\"\n", "a: \"\\0\\a\\b\\t\\\t\\n\\v\\f\\r\\e\\ \\\"\\/\\\\\\N\\_\\L\\P\"\n", "a: \"\\x41\\u00e9\\U0001F600\"\n",
    "a: \"\\x4\"\n", "a: \"\\uD800\"\n", "a: \"\\q\"\n", "a: \"\\'\"\n", "a: \"unclosed\n", "a: 'unclosed\n", "a: \"x\n---\n  y\"\n",
    "a: \"a\"\"b\"\n", "'multi\n  line key': v\n", "\"a\":\n  b\n", "a: \"é ü 😀\"\n", "a: '\\n'\n", "a: \"\\u00\"\n",
    // Block scalars.
    "a: |\n  x\n  y\n", "a: |\n  x\n\n", "a: |-\n  x\n\n", "a: |+\n  x\n\n", "a: >\n  x\n  y\n\n  z\n", "a: >-\n  x\n  y\n",
    "a: >+\n  x\n\n\nb: 1\n", "a: >\n  x\n    more\n  y\n", "a: |2\n   x\n  y\n", "a: |1\n  x\n", "a: |0\n  x\n", "a: |-2\n    x\n",
    "a: |2-\n    x\n", "a: |\n\n  x\n", "a: |\n    \n  x\n", "a: |\n  x\n b\n", "a: |\n   x\n  y\n", "a: |\nb: 1\n", "a: |", "a: |\n",
    "a: |-\n", "a: |+\n", "a: |+\n\n\n", "a: |\n  x", "a: |\n  x\n  ", "a: | # c\n  x\n", "a: |x\n  y\n", "- |\n  a\n  b\n- c\n",
    "|\n x\n", ">\n folded\n text\n", "a: >\n\n  x\n\n  y\n", "a: |\n\tx\n", "a: |\n  x\n\ty\n", "a:\n  b: |\n    x\n  c: 1\n",
    "a: >\n  x\n   y\n  z\n", "a: |++\n  x\n",
    // Flow collections.
    "[]\n", "{}\n", "[a, b, c]\n", "[a, [b, c], {d: e}]\n", "{a: 1, b: [2, 3]}\n", "{a: 1, b}\n", "{a: , b: }\n", "[a, b,]\n",
    "{a: 1,}\n", "[a,, b]\n", "[a b]\n", "[a\n  b]\n", "[\n  a,\n  b\n]\n", "{\"a\":1}\n", "{'a':1}\n", "{a:1}\n", "[a: b]\n",
    "[a: b, c]\n", "[\"a\": b]\n", "[a, b\n", "{a: 1\n", "[a]]\n", "{a: 1}}\n", "a: [1, 2] # c\n", "a: [1, 2] b\n", "a: {b: [c, {d: e}]}\n",
    "a: [\n  1,\n  2\n]\n", "a: [x # c\n  , y]\n", "[a, 'b, c', \"d]\"]\n", "{a: [1, 2], b: {c: d}}\n", "[-1, -a, - b]\n", "[?a]\n",
    "{a: 1, a: 2}\n", "[[[]]]\n", "[|]\n", "[>, |a]\n", "{: a}\n", "[: a]\n", "[a, {b: c}, [d]]\n", "[a:b]\n", "[a :b]\n", "{a: b c}\n", "[1, 0x1F, ~]\n",
    // Scalar resolution.
    "yes\n", "No\n", "on\n", "0x1F\n", "0o17\n", "1e3\n", "+1\n", ".5\n", "-.inf\n", ".NaN\n", "~\n", "Null\n", "null \n", "'123'\n",
    "NULL\n", "True\n", "TRUE\n", "tRUE\n", "1.5\n", "-0\n", "007\n", "1_000\n", "0b101\n", "12:30\n", "9223372036854775808\n",
    "-9223372036854775809\n", "1e400\n", "2.5e-8\n", "0x\n", "+\n", "-\n", ".\n", "1.\n", "+.5\n", "[.inf, .Inf, +.INF, .nan]\n",
    "[inf, nan, infinity, 1e, e1]\n", "a: 0x1F\nb: 0o17\nc: 1e3\n", "1e3: a\n.5: b\n", "{1: a, 1.5: b, true: c, ~: d}\n",
        // Tabs.
    "a:\tb\n", "a: \tb\n", "a:\t\n  b\n", "- a:\tb\n", "{a:\tb}\n", "a:\n\tb: 1\n", "a: 1\n\t\nb: 2\n", "- \ta\n", "-\ta\n", "a: b\t\n", "a: b\tc\n", "[a,\tb]\n",
    "a:\n  b: 1\n\t# c\n", "a: 1 \t# c\n",
    // Trailing spaces.
    "a: 1   \n", "a:    \n  b: 1  \n", "- a  \n-   b\n", "a   : b\n",
    // Unicode and odd characters.
    "ключ: значение\n", "a: é\nü: 😀\n", "- 💥\n",
];

#[test]
fn reads_the_corpus_as_yaml_rust2() {
    assert_same(CORPUS);
}
