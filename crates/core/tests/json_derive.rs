//! `#[derive(ToJson, FromJson)]` against serde: every attribute the derives translate, on small
//! types of each shape, written as serde's `Serialize` writes them (the oracle) and read back with
//! located errors. The wire types themselves are compared with serde in json_writer.rs.

use chat_event_core::json::read::{read, ReadError};
use chat_event_core::json::{FromJson, ToJson};
use indexmap::IndexMap;
use serde::Serialize;
use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "a member list")]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Members {
    first_member: String,
    #[serde(rename = "Other")]
    second_member: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    maybe_there: Option<bool>,
    /// An `Option` without `skip_serializing_if` is written as `null`.
    always_written: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    list: Vec<u8>,
    #[serde(default)]
    counted: u64,
    r#type: Side,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToJson, FromJson)]
#[serde(rename_all = "kebab-case")]
enum Side {
    LeftHand,
    RightHand,
}

/// Every member may be absent (container `default`); unknown members are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "lenient settings")]
#[serde(rename_all = "snake_case", default)]
struct Lenient {
    rate_per_second: f64,
    label: String,
    #[serde(skip)]
    not_saved: u8,
}

impl Default for Lenient {
    fn default() -> Self {
        Lenient { rate_per_second: 2.5, label: "default".into(), not_saved: 7 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ToJson, FromJson)]
#[serde(rename_all = "camelCase")]
enum External {
    Ok(Lenient),
    Error(Side),
}

#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum Tagged {
    Plain,
    #[serde(rename_all = "camelCase")]
    WithMembers {
        some_count: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    Inner(Lenient),
}

#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[serde(untagged)]
enum Untagged {
    Text(String),
    Many(Vec<Untagged>),
    Keyed(IndexMap<String, Untagged>),
}

#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
struct Flattened {
    own: bool,
    #[serde(flatten)]
    inner: Lenient,
}

/// Each case convention serde has for `rename_all`, on names of several words.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToJson, FromJson)]
#[serde(rename_all = "lowercase")]
enum Lower {
    TwoWords,
}
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToJson, FromJson)]
#[serde(rename_all = "PascalCase")]
enum Pascal {
    TwoWords,
}
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToJson, FromJson)]
#[serde(rename_all = "snake_case")]
enum Snake {
    TwoWords,
}
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToJson, FromJson)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Screaming {
    TwoWords,
}
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToJson, FromJson)]
#[serde(rename_all = "camelCase")]
enum Camel {
    TwoWords,
}
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[serde(rename_all = "kebab-case")]
struct KebabMembers {
    three_word_name: u8,
}
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[serde(rename_all = "PascalCase")]
struct PascalMembers {
    three_word_name: u8,
}
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
struct ScreamingMembers {
    three_word_name: u8,
}

fn members() -> Members {
    Members {
        first_member: "a".into(),
        second_member: 2,
        maybe_there: None,
        always_written: None,
        list: vec![],
        counted: 0,
        r#type: Side::RightHand,
    }
}

fn oracle<T: Serialize + ToJson>(value: &T) -> (Value, Value) {
    (value.to_json(), serde_json::to_value(value).expect("serde writes it"))
}

#[test]
fn every_shape_is_written_as_serde_writes_it() {
    let full = Members { maybe_there: Some(true), always_written: Some("x".into()), list: vec![1, 2], ..members() };
    let lenient = Lenient::default();
    let cases: Vec<(&str, (Value, Value))> = vec![
        ("struct, optional members absent", oracle(&members())),
        ("struct, every member present", oracle(&full)),
        ("container default, skip", oracle(&lenient)),
        ("external newtype", oracle(&External::Ok(lenient.clone()))),
        ("external unit inside", oracle(&External::Error(Side::LeftHand))),
        ("internally tagged unit", oracle(&Tagged::Plain)),
        ("internally tagged members", oracle(&Tagged::WithMembers { some_count: 3, note: None })),
        ("internally tagged members, all", oracle(&Tagged::WithMembers { some_count: 3, note: Some("n".into()) })),
        ("internally tagged newtype", oracle(&Tagged::Inner(lenient.clone()))),
        (
            "untagged",
            oracle(&Untagged::Keyed(IndexMap::from([
                ("b".to_owned(), Untagged::Text("t".into())),
                ("a".to_owned(), Untagged::Many(vec![Untagged::Text("u".into())])),
            ]))),
        ),
        ("flatten", oracle(&Flattened { own: true, inner: lenient })),
        ("lowercase", oracle(&Lower::TwoWords)),
        ("PascalCase", oracle(&Pascal::TwoWords)),
        ("snake_case", oracle(&Snake::TwoWords)),
        ("SCREAMING_SNAKE_CASE", oracle(&Screaming::TwoWords)),
        ("camelCase", oracle(&Camel::TwoWords)),
        ("kebab-case members", oracle(&KebabMembers { three_word_name: 1 })),
        ("PascalCase members", oracle(&PascalMembers { three_word_name: 1 })),
        ("SCREAMING_SNAKE_CASE members", oracle(&ScreamingMembers { three_word_name: 1 })),
    ];
    for (case, (ours, serde)) in cases {
        assert_eq!(ours, serde, "{case}");
        // Member order too: serde_json's map keeps it (preserve_order), and equality ignores it.
        assert_eq!(ours.to_string(), serde.to_string(), "{case}");
    }
}

#[test]
fn what_is_written_reads_back() {
    let full = Members { maybe_there: Some(false), always_written: Some("x".into()), list: vec![9], ..members() };
    for value in [members(), full] {
        assert_eq!(read::<Members>(&value.to_json()), Ok(value));
    }
    let lenient = Lenient { rate_per_second: 0.5, label: "l".into(), not_saved: 7 };
    assert_eq!(read::<Lenient>(&lenient.to_json()), Ok(lenient.clone()));
    for value in [External::Ok(lenient), External::Error(Side::LeftHand)] {
        assert_eq!(read::<External>(&value.to_json()), Ok(value));
    }
    for (value, text) in [(Lower::TwoWords.to_json(), "twowords"), (Screaming::TwoWords.to_json(), "TWO_WORDS")] {
        assert_eq!(value, json!(text));
    }
    assert_eq!(read::<Snake>(&json!("two_words")), Ok(Snake::TwoWords));
}

#[test]
fn reading_errors_are_located_and_say_what_was_expected() {
    fn error<T: FromJson + std::fmt::Debug>(value: Value) -> (String, String) {
        let e: ReadError = read::<T>(&value).expect_err("refused");
        (e.path, e.message)
    }
    let base = json!({"firstMember": "a", "Other": 2, "alwaysWritten": null, "type": "left-hand"});
    let with = |name: &str, member: Value| {
        let mut value = base.clone();
        value[name] = member;
        value
    };
    let without = |name: &str| {
        let mut value = base.clone();
        value.as_object_mut().map(|map| map.shift_remove(name));
        value
    };
    assert!(read::<Members>(&base).is_ok());
    type Case<'a> = (&'a str, (String, String), (&'a str, &'a str));
    let cases: Vec<Case> = vec![
        ("a required member missing", error::<Members>(without("Other")), ("", "the member \"Other\" is missing")),
        (
            "an Option member without default may be absent",
            error::<Members>(with("firstMember", json!(1))),
            ("firstMember", "expected a string, found the number 1"),
        ),
        (
            "an unknown member, refused",
            error::<Members>(with("extra", json!(1))),
            (
                "extra",
                "unknown member \"extra\"; expected \"firstMember\", \"Other\", \"maybeThere\", \"alwaysWritten\", \"list\", \"counted\" or \"type\"",
            ),
        ),
        (
            "a wrong variant",
            error::<Members>(with("type", json!("left"))),
            ("type", "expected \"left-hand\" or \"right-hand\", found \"left\""),
        ),
        ("not an object", error::<Members>(json!([1])), ("", "expected a member list, found a list of 1 item")),
        (
            "external: two members",
            error::<External>(json!({"ok": {}, "error": "left-hand"})),
            ("", "expected {\"ok\": {…}} or {\"error\": {…}}, found an object with 2 members"),
        ),
        (
            "external: an unknown variant",
            error::<External>(json!({"fine": {}})),
            ("fine", "unknown member \"fine\"; expected \"ok\" or \"error\""),
        ),
        (
            "external: the inner value, located",
            error::<External>(json!({"ok": {"rate_per_second": "fast"}})),
            ("ok.rate_per_second", "expected a number, found the string \"fast\""),
        ),
    ];
    for (case, got, (path, message)) in cases {
        assert_eq!((got.0.as_str(), got.1.as_str()), (path, message), "{case}");
    }
    // Absent optional members take `None` or their type's default; `null` is absent.
    let read_back = read::<Members>(&without("alwaysWritten")).expect("absent Option");
    assert_eq!((read_back.always_written, read_back.counted, read_back.list), (None, 0, vec![]));
    // A container `default`: absent members keep the type's defaults, unknown ones are let be, and
    // a skipped member is not read even when present.
    let lenient = read::<Lenient>(&json!({"label": "x", "not_saved": 1, "later": true})).expect("lenient");
    assert_eq!(lenient, Lenient { rate_per_second: 2.5, label: "x".into(), not_saved: 7 });
}
