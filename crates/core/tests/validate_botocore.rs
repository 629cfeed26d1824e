//! Conformance with botocore's own client-side validator (ParamValidator, as used by boto3 and the
//! AWS CLI): exactly the requests botocore rejects get an error flagged `caught_by_cli`, at the
//! same paths botocore reports.
//!
//! The corpus (over 200 requests) is hand-picked cases plus mutations of a valid request drawn with
//! a fixed seed; all go to `tests/conformance/botocore_validate.py` in one Python process.

mod validate_support;

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

use chat_event_core::validate::validate_value;
use serde_json::{json, Value};
use validate_support::{base, rep, set, with};

/// A small deterministic generator (xorshift64*), so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

const STRING_MEMBERS: &[&str] = &[
    "/SourceId",
    "/DestinationId",
    "/Subtype",
    "/Event/Type",
    "/Event/ContentType",
    "/Event/Content",
    "/NewSessionDetails/ParticipantDetails/DisplayName",
    "/NewSessionDetails/StreamingConfiguration/StreamingEndpointArn",
    "/NewSessionDetails/SupportedMessagingContentTypes/0",
    "/NewSessionDetails/Attributes/customer-id",
];

const CONTAINERS: &[&str] = &[
    "/Event",
    "/NewSessionDetails",
    "/NewSessionDetails/SupportedMessagingContentTypes",
    "/NewSessionDetails/ParticipantDetails",
    "/NewSessionDetails/Attributes",
    "/NewSessionDetails/StreamingConfiguration",
];

const STRUCTURES: &[&str] = &[
    "",
    "/Event",
    "/NewSessionDetails",
    "/NewSessionDetails/ParticipantDetails",
    "/NewSessionDetails/StreamingConfiguration",
];

fn any_value(rng: &mut Rng) -> Value {
    match rng.below(14) {
        0 => Value::Null,
        1 => json!(0),
        2 => json!(-7),
        3 => json!(1.5),
        4 => json!(true),
        5 => json!(false),
        6 => json!([]),
        7 => json!(["text/plain", 3]),
        8 => json!({}),
        9 => json!({"a": "b"}),
        10 => json!(""),
        11 => json!(rep("x", 256)),
        12 => json!("😀é"),
        _ => json!("MESSAGE"),
    }
}

fn mutate(rng: &mut Rng, v: &mut Value) {
    match rng.below(7) {
        // Remove a member, required or not.
        0 => {
            let p = rng.pick(&[STRING_MEMBERS, CONTAINERS].concat());
            if v.pointer(p).is_some() {
                set(v, p, None);
            }
        }
        // Any value where a string belongs.
        1 | 2 => {
            let p = rng.pick(STRING_MEMBERS);
            if parent_exists(v, p) {
                set(v, p, Some(any_value(rng)));
            }
        }
        // Any value where a container belongs.
        3 => {
            let p = rng.pick(CONTAINERS);
            if parent_exists(v, p) {
                set(v, p, Some(any_value(rng)));
            }
        }
        // An unknown member.
        4 => {
            let parent = rng.pick(STRUCTURES);
            let name = rng.pick(&["sourceId", "Source_Id", "content", "Foo", "", "type", "Attributes", "Content"]);
            if v.pointer(parent).is_some_and(Value::is_object) {
                set(v, &format!("{parent}/{name}"), Some(any_value(rng)));
            }
        }
        // An attribute with an odd key or value.
        5 => {
            if v.pointer("/NewSessionDetails/Attributes").is_some_and(Value::is_object) {
                let key = rng.pick(&["", "a.b", "k", "é", "😀", "with space"]);
                let value = if rng.below(2) == 0 { json!("") } else { any_value(rng) };
                set(v, &format!("/NewSessionDetails/Attributes/{key}"), Some(value));
            }
        }
        // A list item.
        _ => {
            if let Some(Value::Array(items)) = v.pointer("/NewSessionDetails/SupportedMessagingContentTypes") {
                let at = items.len();
                let value = any_value(rng);
                set(v, &format!("/NewSessionDetails/SupportedMessagingContentTypes/{at}"), Some(value));
            }
        }
    }
}

fn parent_exists(v: &Value, pointer: &str) -> bool {
    let parent = pointer.rsplit_once('/').map_or("", |(p, _)| p);
    match v.pointer(parent) {
        Some(Value::Object(_)) => true,
        Some(Value::Array(items)) => {
            pointer.rsplit('/').next().and_then(|i| i.parse::<usize>().ok()).is_some_and(|i| i <= items.len())
        }
        _ => false,
    }
}

fn s(x: &str) -> Option<Value> {
    Some(json!(x))
}

fn corpus() -> Vec<Value> {
    let mut c = vec![
        base(),
        json!({}),
        json!([]),
        json!("text"),
        json!(null),
        json!({"SourceId": "a", "DestinationId": "b", "Event": {"Type": "BOGUS"}}),
        json!({"SourceId": "", "DestinationId": "", "Subtype": "", "Event": {"Type": "MESSAGE", "ContentType": "", "Content": ""}}),
        json!({"SourceId": 123, "DestinationId": null, "Event": "MESSAGE"}),
        json!({"Bogus": 1, "SourceId": "", "DestinationId": 5, "Event": {}, "NewSessionDetails": {"Attributes": {"": "x"}}}),
        with(&[("/SourceId", s(&rep("x", 256)))]),
        with(&[("/Event/Content", s(&rep("x", 16_385)))]),
        with(&[("/Event/Type", s("message"))]),
        with(&[("/NewSessionDetails/SupportedMessagingContentTypes", Some(json!([])))]),
        with(&[("/NewSessionDetails/SupportedMessagingContentTypes", Some(json!(["", 5, null, ["x"]])))]),
        with(&[("/NewSessionDetails/ParticipantDetails", Some(json!({})))]),
        with(&[("/NewSessionDetails/ParticipantDetails", Some(json!({"DisplayName": "", "Name": "x"})))]),
        with(&[("/NewSessionDetails/Attributes", Some(json!({"": "", "k": 1, "a.b": "", "n": null})))]),
        with(&[("/NewSessionDetails/StreamingConfiguration", Some(json!({"StreamingEndpointArn": ""})))]),
        with(&[("/NewSessionDetails/StreamingConfiguration", Some(json!("arn")))]),
        with(&[("/Event", Some(json!({"Type": null, "ContentType": 1, "Content": false, "Extra": []})))]),
        with(&[("/Event/Content", Some(json!(["a", "b"])))]),
        with(&[("/Subtype", s("connect:\"WhatsApp\"")), ("/SourceId", s("(555) 123-4567"))]),
        with(&[("/NewSessionDetails", Some(json!({"Bar": 1})))]),
        with(&[("/NewSessionDetails", Some(json!(null)))]),
        with(&[("/Event/Type", s("DISCONNECT"))]),
        with(&[("/NewSessionDetails/Attributes", Some(json!({rep("k", 40_000): rep("v", 40_000)})))]),
        with(&[("/sourceId", s("x")), ("/SourceId", None)]),
        with(&[("/Event/content", s("x")), ("/Event/Type", None)]),
    ];
    let mut rng = Rng(0x5EED_CAFE_F00D_2024);
    for _ in 0..240 {
        let mut v = base();
        for _ in 0..=rng.below(3) {
            mutate(&mut rng, &mut v);
        }
        c.push(v);
    }
    c
}

fn python() -> String {
    std::env::var("CHAT_EVENT_LAB_PYTHON").unwrap_or_else(|_| {
        panic!("CHAT_EVENT_LAB_PYTHON is not set: it must name the Python of the venv with boto3 (run `cargo xtask test`, or set it to target/pyenv/bin/python)")
    })
}

/// The paths in botocore's report text, read back through the documented message formats.
fn paths_in_report(report: &str) -> Vec<String> {
    let join = |parent: &str, child: &str| {
        if parent == "input" {
            child.to_string()
        } else {
            format!("{parent}.{child}")
        }
    };
    report
        .lines()
        .filter(|l| *l != "Parameter validation failed:")
        .map(|line| {
            if let Some(rest) = line.strip_prefix("Missing required parameter in ") {
                let (parent, child) = rest.split_once(": \"").expect("missing format");
                join(parent, child.trim_end_matches('"'))
            } else if let Some(rest) = line.strip_prefix("Unknown parameter in ") {
                let (parent, child) = rest.split_once(": \"").expect("unknown format");
                let child = child.rsplit_once("\", must be one of: ").expect("unknown format").0;
                join(parent, child)
            } else {
                let rest = line
                    .strip_prefix("Invalid type for parameter ")
                    .or_else(|| line.strip_prefix("Invalid length for parameter "))
                    .unwrap_or_else(|| panic!("unexpected botocore line {line:?}"));
                let path = rest.rsplit_once(", value: ").expect("value").0;
                if path == "input" {
                    String::new()
                } else {
                    path.to_string()
                }
            }
        })
        .collect()
}

#[test]
#[ignore = "needs the Python venv: run by cargo xtask test"]
fn exactly_what_botocore_rejects_is_flagged_caught_by_cli_at_the_same_paths() {
    let corpus = corpus();
    assert!(corpus.len() >= 200);
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/botocore_validate.py");
    let mut child = Command::new(python())
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts python");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(serde_json::to_string(&corpus).expect("json").as_bytes())
        .expect("writes");
    let output = child.wait_with_output().expect("python runs");
    assert!(output.status.success(), "botocore_validate.py failed: {}", String::from_utf8_lossy(&output.stderr));
    let answer: Value = serde_json::from_slice(&output.stdout).expect("json answer");
    assert_eq!(answer["botocore"], "1.44.5");
    let results = answer["results"].as_array().expect("results");
    assert_eq!(results.len(), corpus.len());

    let (mut rejected, mut kinds) = (0, BTreeSet::new());
    let mut failures = Vec::new();
    for (request, result) in corpus.iter().zip(results) {
        let boto_rejects = result["rejected"].as_bool().expect("bool");
        let boto_paths: Vec<String> =
            result["paths"].as_array().expect("paths").iter().map(|p| p.as_str().expect("str").to_string()).collect();
        let report = result["report"].as_str().expect("report");
        assert_eq!(paths_in_report(report), boto_paths, "the script's paths match botocore's own report");
        for line in report.lines().skip(1) {
            kinds.insert(line.split(" parameter").next().unwrap_or_default().to_string());
        }
        rejected += usize::from(boto_rejects);

        let ours = validate_value(request);
        let cli: Vec<_> = ours.iter().filter(|d| d.caught_by_cli).collect();
        assert!(cli.iter().all(|d| d.is_error()), "caught_by_cli diagnostics are errors");
        let our_paths: BTreeSet<String> = cli.iter().map(|d| d.path.clone()).collect();
        let boto_set: BTreeSet<String> = boto_paths.into_iter().collect();
        if boto_rejects == cli.is_empty() || our_paths != boto_set {
            failures.push(format!("{request}\n  botocore: {boto_set:?}\n  ours:     {our_paths:?}\n{report}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), corpus.len(), failures.join("\n\n"));
    // The corpus covers every kind of check botocore makes, and both outcomes.
    assert!(rejected >= 100 && corpus.len() - rejected >= 20, "rejected {rejected} of {}", corpus.len());
    let want: BTreeSet<String> = ["Invalid length for", "Invalid type for", "Missing required", "Unknown"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(kinds, want);
}
