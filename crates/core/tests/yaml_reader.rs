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
    "",
    " ",
    "\n\n",
    "# only a comment\n",
    "---\n",
    "---",
    "--- \n...\n",
    "...\n",
    "---\na: 1\n...\n",
    "a: 1\n---\nb: 2\n",
    "---\n---\na: 1\n",
    "--- a\n",
    "--- |\n  x\n",
    "--- [1, 2]\n",
    "--- 'q'\n",
    "a: 1\n--- b\n",
    "a: 1\n...\nb\n",
    "a: 1 # comment\n",
    "a: 1# not a comment\n",
    "# c\na: 1\n  # indented comment\nb: 2\n",
    "a: # c\n  b: 1\n",
    "a: 1\r\nb: 2\r\n",
    "a: 1\rb: 2\r",
    // Block mappings.
    "a: 1\nb: 2\n",
    "a:\n  b:\n    c: d\n",
    "a:\n  b: 1\n c: 2\n",
    "a:\n  b: 1\n   c: 2\n",
    "a: 1\n b: 2\n",
    "  a: 1\n  b: 2\n",
    "  a: 1\nb: 2\n",
    "a:\nb:\n",
    "a:\n",
    "a: \n",
    "a:   \n  \nb: ~\n",
    "key with spaces: v\n",
    "a : 1\n",
    "a:1\n",
    "'a': 1\n",
    "\"a\": 1\n\"b\" : 2\n",
    "a: b: c\n",
    "a:\n  - b\n  c: d\n",
    "a: 1\na: 2\n",
    "1: a\n'1': b\n",
    "1: a\n'1': b\n1: c\n",
    "'1': a\n1: b\n'1': c\n",
    "{1: a, '1': b, 0x1: c}\n",
    "1: a\n0x1: b\n",
    "1: a\n1.0: b\n",
    "~: a\nnull: b\n",
    "true: a\nTrue: b\n",
    "a\nb: c\n",
    "a: b\nc\n",
    "a: b\n  c: d\n",
    "a: [\n",
    "a: 'x' y\n",
    "a: \"x\"#c\n",
    "a: \"x\" #c\n",
    "[a]: b\n",
    "{a: 1}: b\n",
    "a: 1\n- b\n",
    // Block sequences.
    "- a\n- b\n",
    "- a\n  - b\n",
    "-\n- b\n",
    "- \n  a\n",
    "- - a\n  - b\n- c\n",
    "- a: 1\n  b: 2\n- c: 3\n",
    "- a: 1\n   b: 2\n",
    "- a: 1\n b: 2\n",
    "a:\n- b\n- c\nd: e\n",
    "a:\n  - b\n  - c\nd: e\n",
    "a:\n- b\n  - c\n",
    "- a\n -b\n",
    "- a\nb\n",
    "-a\n",
    "- - - x\n",
    "-\n  - x\n",
    "- a\n\n\n- b\n",
    "a: - b\n",
    "- |\n  x\n- >\n  y\n",
    "- [a, b]\n- {c: d}\n",
    "- 'a'\n- \"b\"\n",
    "a:\n  -\n    b: 1\n",
    "seq:\n- a\nmap:\n  k: v\n",
    // Plain scalars, multi-line folding.
    "a b c\n",
    "a: b\n  c\n",
    "a: b\n  c\n\n  d\n",
    "a: b\n\n\n  c\n",
    "a: b   \n  c   \n",
    "a: b\n  # c\n",
    "a: b\n  c # d\n",
    "a: http://x.y/z?q=1#f\n",
    "a: x:y\n",
    "a: x :y\n",
    "a: -1\n",
    "a: -x\n",
    "a: ?x\n",
    "a: :x\n",
    "a: @x\n",
    "a: `x\n",
    "a: %x\n",
    "a: x!y\n",
    "a: a, b\n",
    "a: a]b\n",
    "a: [b]c\n",
    "a: {b\n",
    "plain\nmulti\n  line\n",
    "a: b\n---\n",
    "a: 'b'\n  c\n",
    "x\n---\n",
    "a\n b\n",
    "a: b\n...\n",
    // Quoted scalars and escapes.
    "a: 'it''s'\n",
    "a: ''\n",
    "a: \"\"\n",
    "a: '# not'\n",
    "a: 'x\n  y'\n",
    "a: 'x\n\n  y'\n",
    "a: \"x\n  y\"\n",
    "  a: \"x\n  y\"\n",
    "  a: \"x\n y\"\n",
    "- - 'x\n  y'\n",
    "- - 'x\n y'\n",
    "a: 'x\ny'\n",
    "- 'x\ny'\n",
    "[a, #c\n b]\n",
    "[#c\n a]\n",
    "[a,#c\n b]\n",
    "{\n---\na}\n",
    "[\n...\n]\n",
    "a: \"x\\\n  y\"\n",
    "a: \"x \\\n  y\"\n",
    "a: \"x   \n   y\"\n",
    "a: \"\\0\\a\\b\\t\\\t\\n\\v\\f\\r\\e\\ \\\"\\/\\\\\\N\\_\\L\\P\"\n",
    "a: \"\\x41\\u00e9\\U0001F600\"\n",
    "a: \"\\x4\"\n",
    "a: \"\\uD800\"\n",
    "a: \"\\q\"\n",
    "a: \"\\'\"\n",
    "a: \"unclosed\n",
    "a: 'unclosed\n",
    "a: \"x\n---\n  y\"\n",
    "a: \"a\"\"b\"\n",
    "'multi\n  line key': v\n",
    "\"a\":\n  b\n",
    "a: \"é ü 😀\"\n",
    "a: '\\n'\n",
    "a: \"\\u00\"\n",
    // Block scalars.
    "a: |\n  x\n  y\n",
    "a: |\n  x\n\n",
    "a: |-\n  x\n\n",
    "a: |+\n  x\n\n",
    "a: >\n  x\n  y\n\n  z\n",
    "a: >-\n  x\n  y\n",
    "a: >+\n  x\n\n\nb: 1\n",
    "a: >\n  x\n    more\n  y\n",
    "a: |2\n   x\n  y\n",
    "a: |1\n  x\n",
    "a: |0\n  x\n",
    "a: |-2\n    x\n",
    "a: |2-\n    x\n",
    "a: |\n\n  x\n",
    "a: |\n    \n  x\n",
    "a: |\n  x\n b\n",
    "a: |\n   x\n  y\n",
    "a: |\nb: 1\n",
    "a: |",
    "a: |\n",
    "a: |-\n",
    "a: |+\n",
    "a: |+\n\n\n",
    "a: |\n  x",
    "a: |\n  x\n  ",
    "a: | # c\n  x\n",
    "a: |x\n  y\n",
    "- |\n  a\n  b\n- c\n",
    "|\n x\n",
    ">\n folded\n text\n",
    "a: >\n\n  x\n\n  y\n",
    "a: |\n\tx\n",
    "a: |\n  x\n\ty\n",
    "a:\n  b: |\n    x\n  c: 1\n",
    "a: >\n  x\n   y\n  z\n",
    "a: |++\n  x\n",
    // Flow collections.
    "[]\n",
    "{}\n",
    "[a, b, c]\n",
    "[a, [b, c], {d: e}]\n",
    "{a: 1, b: [2, 3]}\n",
    "{a: 1, b}\n",
    "{a: , b: }\n",
    "[a, b,]\n",
    "{a: 1,}\n",
    "[a,, b]\n",
    "[a b]\n",
    "[a\n  b]\n",
    "[\n  a,\n  b\n]\n",
    "{\"a\":1}\n",
    "{'a':1}\n",
    "{a:1}\n",
    "[a: b]\n",
    "[a: b, c]\n",
    "[\"a\": b]\n",
    "[a, b\n",
    "{a: 1\n",
    "[a]]\n",
    "{a: 1}}\n",
    "a: [1, 2] # c\n",
    "a: [1, 2] b\n",
    "a: {b: [c, {d: e}]}\n",
    "a: [\n  1,\n  2\n]\n",
    "a: [x # c\n  , y]\n",
    "[a, 'b, c', \"d]\"]\n",
    "{a: [1, 2], b: {c: d}}\n",
    "[-1, -a, - b]\n",
    "[?a]\n",
    "{a: 1, a: 2}\n",
    "[[[]]]\n",
    "[|]\n",
    "[>, |a]\n",
    "[a, {b: c}, [d]]\n",
    "[a:b]\n",
    "[a :b]\n",
    "{a: b c}\n",
    "[1, 0x1F, ~]\n",
    // Scalar resolution.
    "yes\n",
    "No\n",
    "on\n",
    "0x1F\n",
    "0o17\n",
    "1e3\n",
    "+1\n",
    ".5\n",
    "-.inf\n",
    ".NaN\n",
    "~\n",
    "Null\n",
    "null \n",
    "'123'\n",
    "NULL\n",
    "True\n",
    "TRUE\n",
    "tRUE\n",
    "1.5\n",
    "-0\n",
    "007\n",
    "1_000\n",
    "0b101\n",
    "12:30\n",
    "9223372036854775808\n",
    "-9223372036854775809\n",
    "1e400\n",
    "2.5e-8\n",
    "0x\n",
    "+\n",
    "-\n",
    ".\n",
    "1.\n",
    "+.5\n",
    "[.inf, .Inf, +.INF, .nan]\n",
    "[inf, nan, infinity, 1e, e1]\n",
    "a: 0x1F\nb: 0o17\nc: 1e3\n",
    "1e3: a\n.5: b\n",
    "{1: a, 1.5: b, true: c, ~: d}\n",
    // Tabs.
    "a:\tb\n",
    "a: \tb\n",
    "a:\t\n  b\n",
    "- a:\tb\n",
    "{a:\tb}\n",
    "a:\n\tb: 1\n",
    "a: 1\n\t\nb: 2\n",
    "- \ta\n",
    "- \t- a\n",
    "-  - a\n",
    "- \t\n\ta: 1\n",
    "a: \n\tb\n",
    "\ta: 1\n",
    "\ta: 1\n\tb: 2\n",
    "a:\n \tb: 1\n",
    "a: b\n\tc\n",
    "- a\n\t- b\n",
    "-\ta\n",
    "a: b\t\n",
    "a: b\tc\n",
    "[a,\tb]\n",
    "a:\n  b: 1\n\t# c\n",
    "a: 1 \t# c\n",
    // Trailing spaces.
    "a: 1   \n",
    "a:    \n  b: 1  \n",
    "- a  \n-   b\n",
    "a   : b\n",
    // Unicode and odd characters.
    "ключ: значение\n",
    "a: é\nü: 😀\n",
    "- 💥\n",
];

#[test]
fn reads_the_corpus_as_yaml_rust2() {
    assert_same(CORPUS);
}

/// Where we deliberately differ from yaml-rust2: what it reads, and what we read.
#[test]
fn refuses_what_it_does_not_support_and_says_so() {
    let cases = [
        ("a: &x 1\n", 1, 4, "anchors (&name) are not supported"),
        ("a: 1\nb: *x\n", 2, 4, "aliases (*name) are not supported"),
        ("a: !!str 1\n", 1, 4, "tags (!tag) are not supported"),
        ("- !foo x\n", 1, 3, "tags (!tag) are not supported"),
        ("%YAML 1.2\n---\na: 1\n", 1, 1, "directives (%YAML, %TAG) are not supported"),
        ("? a\n: b\n", 1, 1, "complex keys ('? key') are not supported"),
        ("{? a: b}\n", 1, 2, "complex keys ('? key') are not supported"),
        ("[a]: b\n", 1, 4, "a collection as a mapping key is not supported"),
        (": a\n", 1, 1, "empty mapping keys (': value') are not supported"),
        ("{: a}\n", 1, 2, "empty mapping keys (': value') are not supported"),
    ];
    for (text, line, column, message) in cases {
        // yaml-rust2 reads these (an alias once its anchor is known).
        let known = text.replace("*x", "&x 1\nc: *x");
        assert!(oracle(&known).is_ok() || text.starts_with('['), "yaml-rust2 reads {text:?}");
        let e = yaml::from_str(text).unwrap_err();
        assert_eq!((e.line, e.column), (Some(line), Some(column)), "{text:?}: {e:?}");
        assert!(e.message.starts_with("Invalid YAML: ") && e.message.contains(message), "{text:?}: {e:?}");
    }
    // Deeply nested input is refused, not a stack overflow (yaml-rust2 has no limit).
    for text in ["[".repeat(100_000), "- ".repeat(100_000), "{a: ".repeat(100_000)] {
        let e = yaml::from_str(&text).unwrap_err();
        assert!(e.message.contains("nesting deeper than 200 levels is not supported"), "{e:?}");
    }
    assert!(yaml::from_str(&format!("{}{}", "[".repeat(150), "]".repeat(150))).is_ok());
    // A byte order mark starts the text; yaml-rust2 made it part of the first key.
    assert_eq!(oracle("\u{feff}a: 1\n"), Ok(json!({"\u{feff}a": 1})));
    assert_eq!(yaml::from_str("\u{feff}a: 1\n"), Ok(json!({"a": 1})));
}

#[test]
fn locates_errors() {
    let cases = [
        ("a: b: c\n", 1, 4, "a mapping cannot start on the same line as its parent"),
        ("a: - b\n", 1, 4, "a sequence cannot start on the same line as its key"),
        ("a:\n  b: 1\n   c: 2\n", 3, 4, "this line is indented more than the key above it, so it continues that value"),
        (
            "a:\n  b: 1\n  c: 2\n    d: 3\n",
            4,
            5,
            "this line is indented more than the key above it, so it continues that value",
        ),
        ("a:\n  b:\n    c: 1\n   d: 2\n", 4, 4, "this line is indented more than the keys above it (at column 3)"),
        ("- [a, - b]\n", 1, 7, "'- ' sequence entry is not allowed here"),
        (
            "a: [b,\nc]\n",
            2,
            1,
            "inside [ ] or { }, a plain value must be indented more than its block (column 2 or more)",
        ),
        ("a: 1\n- b\n", 2, 1, "a sequence entry where a mapping key was expected"),
        ("a: 1\nb\n", 2, 1, "expected 'key: value'"),
        ("a: 1\na: 2\n", 2, 1, "duplicate key \"a\" in a mapping"),
        ("x: {a: 1, a: 2}\n", 1, 11, "duplicate key \"a\" in a mapping"),
        ("a: \"x\n  y\n", 1, 4, "this \" quote is never closed"),
        ("a: 'x\n", 1, 4, "this ' quote is never closed"),
        ("a: \"\\q\"\n", 1, 6, "unknown escape '\\q'"),
        ("a: \"\\u12\"\n", 1, 9, "'\\u' needs 4 hexadecimal digits"),
        ("a: \"\\uD800\"\n", 1, 6, "'\\ud800' is not a Unicode character"),
        ("a: [1, 2\n", 1, 4, "this bracket is never closed (expected ']')"),
        ("a: {b: 1\n", 1, 4, "this brace is never closed (expected '}')"),
        ("a: [1 2]]\n", 1, 9, "unexpected ']' after a value"),
        ("a: {b: 1]\n", 1, 9, "expected ',' or '}', found ']'"),
        ("a: 'x' y\n", 1, 8, "unexpected 'y' after a value"),
        ("a:\tb\n", 1, 3, "':' must be followed by a space, not a tab"),
        ("a:\n\tb: 1\n", 2, 1, "a tab in indentation"),
        ("a: |0\n  x\n", 1, 5, "indentation indicator must be 1 to 9"),
        ("a: |x\n", 1, 5, "unexpected 'x' after a value"),
        ("a: |\n   x\n  y\n", 3, 3, "this line is indented more than the keys above it (at column 1)"),
        ("a:\n  b: 1\nc\n", 3, 1, "expected 'key: value'"),
        ("- a\nb: 1\n", 2, 1, "this does not fit the structure above it"),
        ("a: @x\n", 1, 4, "a value cannot start with '@' (quote it)"),
        ("a: 1\n  b: 2\n", 2, 3, "this line is indented more than the key above it, so it continues that value"),
        ("'a\n b': 1\n", 1, 1, "a mapping key must fit on one line"),
        ("  a: 'x\n y'\n", 2, 2, "this line of a quoted value is indented less than its block (column 4 or more)"),
        ("key: ключ\nü: \"é\\x\"\n", 2, 8, "'\\x' needs 2 hexadecimal digits"),
    ];
    let mut failures = Vec::new();
    for (text, line, column, message) in cases {
        match yaml::from_str(text) {
            Err(e)
                if (e.line, e.column) == (Some(line), Some(column))
                    && e.message.starts_with("Invalid YAML: ")
                    && e.message.contains(message) => {}
            other => failures.push(format!("{text:?}: want {line}:{column} {message:?}, got {other:?}")),
        }
        assert!(oracle(text).is_err(), "yaml-rust2 reads {text:?}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every YAML file in the repository, and every scenario (JSON is YAML) and its YAML form.
#[test]
fn reads_the_repository_files_as_yaml_rust2() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                if !matches!(name.as_str(), "target" | "node_modules" | ".git" | "dist" | "pkg") {
                    dirs.push(path);
                }
            } else if name.ends_with(".yaml")
                || name.ends_with(".yml")
                || (dir.ends_with("scenarios") && name.ends_with(".json"))
            {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 8, "{files:?}");
    let texts: Vec<String> = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect();
    let mut all: Vec<String> = texts.clone();
    for text in &texts {
        if let Ok(value) = yaml::from_str(text) {
            all.push(yaml::to_string(&value));
        }
    }
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    assert_same(&refs);
}

fn json_value() -> impl Strategy<Value = Value> {
    let text = "[a-z0-9 :#,'\"\\\\\n\t{}\\[\\]-]{0,8}|yes|No|~|null|1e3|0x1F|-\\.inf|\\.5|[A-Z][a-z]{1,6}( [a-z]{1,5}){0,3}|[a-z]{1,5}(\n[a-z]{1,5}){1,3}\n{0,2}";
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        text.prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 5, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec(("[A-Za-z][A-Za-z0-9]{0,6}|[a-z :#'\"]{0,5}|1|true|~", inner), 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Writes a value in YAML styles chosen by `choices`: flow or block collections, plain, single-
/// or double-quoted or block scalars, sequences indented or not under their key.
struct Styled<'a> {
    out: String,
    choices: &'a [u8],
    next: usize,
}

impl Styled<'_> {
    fn choose(&mut self, n: u8) -> u8 {
        let c = self.choices.get(self.next % self.choices.len().max(1)).copied().unwrap_or(0);
        self.next += 1;
        c % n
    }

    fn pick(&mut self, options: &[&'static str]) -> &'static str {
        options[usize::from(self.choose(options.len() as u8))]
    }

    fn plain_ok(s: &str, flow: bool) -> bool {
        let awkward = s.ends_with(' ')
            || s.contains(": ")
            || s.contains(" #")
            || s.contains(['\n', '\t', '"', '\''])
            || (flow && s.contains([',', '[', ']', '{', '}', ':']));
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && !awkward
    }

    fn scalar(&mut self, s: &str, flow: bool, indent: usize) {
        match self.choose(4) {
            0 if Self::plain_ok(s, flow) => self.out.push_str(s),
            1 if !s.contains(|c: char| c.is_control()) => {
                self.out.push('\'');
                self.out.push_str(&s.replace('\'', "''"));
                self.out.push('\'');
            }
            2 if !flow
                && !s.is_empty()
                && !s.starts_with([' ', '\n', '\t'])
                && !s.contains(|c: char| c.is_control() && c != '\n') =>
            {
                let trailing = s.len() - s.trim_end_matches('\n').len();
                self.out.push_str(match trailing {
                    0 => "|-",
                    1 => "|",
                    _ => "|+",
                });
                for line in s.trim_end_matches('\n').split('\n') {
                    self.out.push('\n');
                    if !line.is_empty() {
                        self.out.push_str(&" ".repeat(indent + 2));
                    }
                    self.out.push_str(line);
                }
                for _ in 1..trailing {
                    self.out.push('\n');
                }
                if trailing > 1 {
                    self.out.push_str(&" ".repeat(indent));
                }
            }
            _ => {
                self.out.push('"');
                for c in s.chars() {
                    match c {
                        '"' => self.out.push_str("\\\""),
                        '\\' => self.out.push_str("\\\\"),
                        '\n' => self.out.push_str("\\n"),
                        '\t' => {
                            let tab = self.pick(&["\\t", "\t", "\\x09", "\\u0009"]);
                            self.out.push_str(tab)
                        }
                        c if c.is_control() => self.out.push_str(&format!("\\x{:02x}", c as u32)),
                        c => self.out.push(c),
                    }
                }
                self.out.push('"');
            }
        }
    }

    fn leaf(&mut self, v: &Value, flow: bool, indent: usize) {
        match v {
            Value::Null => {
                let null = self.pick(if flow { &["~", "null"] } else { &["~", "null", ""] });
                self.out.push_str(null)
            }
            Value::Bool(b) => {
                let b = if *b { self.pick(&["true", "True"]) } else { "false" };
                self.out.push_str(b)
            }
            Value::Number(n) => self.out.push_str(&n.to_string()),
            Value::String(s) => self.scalar(s, flow, indent),
            _ => unreachable!(),
        }
    }

    /// A [ ] or { } inside a block indented `indent`: a line break inside it continues on a line
    /// indented more than that block (YAML requires it; yaml-rust2 enforces it only sometimes).
    fn flow(&mut self, v: &Value, indent: usize) {
        match v {
            Value::Array(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        match self.choose(3) {
                            0 => self.out.push_str(", "),
                            1 => self.out.push(','),
                            _ => {
                                self.out.push_str(",\n");
                                self.out.push_str(&" ".repeat(indent + 2));
                            }
                        }
                    }
                    self.flow(item, indent);
                }
                self.out.push(']');
            }
            Value::Object(map) => {
                self.out.push('{');
                for (i, (k, item)) in map.iter().enumerate() {
                    self.out.push_str(if i > 0 { ", " } else { "" });
                    self.scalar(k, true, 0);
                    self.out.push_str(": ");
                    self.flow(item, indent);
                }
                self.out.push('}');
            }
            leaf => self.leaf(leaf, true, 0),
        }
    }

    /// A node after `- ` or `key:` (or at the top), whose parent is indented `indent`.
    fn block(&mut self, v: &Value, indent: usize, after_key: bool) {
        let collection =
            matches!(v, Value::Array(a) if !a.is_empty()) || matches!(v, Value::Object(m) if !m.is_empty());
        if !collection || self.choose(4) == 0 {
            if after_key || collection || !matches!(v, Value::Null) {
                self.out.push(' ');
            }
            match v {
                Value::Array(_) | Value::Object(_) => self.flow(v, indent),
                leaf => self.leaf(leaf, false, indent),
            }
            return;
        }
        // Under a key, a sequence may stay at the key's indentation.
        let inner = if after_key && matches!(v, Value::Array(_)) && self.choose(2) == 0 { indent } else { indent + 2 };
        let mut first = true;
        let line = |this: &mut Self, first: &mut bool| {
            if *first && !after_key && this.choose(2) == 0 {
                this.out.push(' '); // compact: `- - a`, `- a: b`
            } else {
                this.out.push('\n');
                this.out.push_str(&" ".repeat(inner));
            }
            *first = false;
        };
        match v {
            Value::Array(items) => {
                for item in items {
                    line(self, &mut first);
                    self.out.push('-');
                    self.block(item, inner, false);
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    line(self, &mut first);
                    self.scalar(k, true, inner);
                    self.out.push(':');
                    self.block(item, inner, true);
                }
            }
            _ => unreachable!(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// What our writer writes, both read the same; and it reads back as the data written.
    #[test]
    fn reads_our_output_as_yaml_rust2(value in json_value()) {
        let text = yaml::to_string(&value);
        prop_assert!(differs(&text).is_none(), "{}", differs(&text).unwrap_or_default());
        let back = yaml::from_str(&text);
        prop_assert!(back.is_ok(), "{:?}", back);
    }

    /// Documents in varied styles: both read them the same.
    #[test]
    fn reads_styled_documents_as_yaml_rust2(value in json_value(), choices in prop::collection::vec(any::<u8>(), 1..64)) {
        let mut styled = Styled { out: String::new(), choices: &choices, next: 0 };
        styled.block(&value, 0, false);
        styled.out.push('\n');
        let text = styled.out.trim_start_matches(' ').to_string();
        prop_assert!(differs(&text).is_none(), "{}", differs(&text).unwrap_or_default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Any text: no panic, and an error is located inside the text.
    #[test]
    fn never_panics_and_locates_its_errors(text in "([-:?|>#&*!%@`'\",\\[\\]{}\\\\ \t\n.~a-c0-9éü]|---|\\.\\.\\.|  |: |- ){0,40}") {
        if let Err(e) = yaml::from_str(&text) {
            let (line, column) = (e.line.unwrap_or(0), e.column.unwrap_or(0));
            let lines: Vec<&str> = text.split('\n').collect();
            prop_assert!(line >= 1 && line <= lines.len(), "{:?}: {:?}", text, e);
            prop_assert!(column >= 1 && column <= lines[line - 1].chars().count() + 1, "{:?}: {:?}", text, e);
            prop_assert!(e.message.starts_with("Invalid YAML: "), "{:?}", e);
        }
    }
}
