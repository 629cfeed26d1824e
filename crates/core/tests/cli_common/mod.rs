//! Helpers shared by the CLI tests: a small seeded random generator and the Python runner.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

/// The interpreter of the conformance venv; panics (no silent skip) when the variable is unset.
pub fn python() -> String {
    std::env::var("CHAT_EVENT_LAB_PYTHON").unwrap_or_else(|_| {
        panic!(
            "CHAT_EVENT_LAB_PYTHON is not set: this test needs the Python venv with awscli \
             (run it through `cargo xtask test`, or set the variable to target/pyenv/bin/python)"
        )
    })
}

/// Runs `crates/core/tests/conformance/<script>` with `input` as JSON on stdin and returns its JSON.
pub fn run_python(script: &str, input: &serde_json::Value) -> serde_json::Value {
    let path = format!("{}/tests/conformance/{script}", env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(python())
        .arg(&path)
        .env("PYTHONIOENCODING", "utf-8")
        .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", "fake-secret")
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start python");
    let body = serde_json::to_vec(input).expect("serialize input");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&body));
    let out = child.wait_with_output().expect("python output");
    writer.join().expect("writer thread").expect("write stdin");
    assert!(out.status.success(), "{script} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("python printed JSON")
}

/// xorshift64*: deterministic, dependency-free randomness for corpora.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// A string of up to `max` characters drawn from `alphabet`.
    pub fn string(&mut self, alphabet: &[&str], max: usize) -> String {
        let n = self.below(max + 1);
        (0..n).map(|_| *self.pick(alphabet)).collect()
    }
}

/// Characters that stress every quoting rule: shorthand, JSON, bash, zsh, PowerShell and cmd.
pub const TRICKY: &[&str] = &[
    "a", "Z", "0", " ", " ", "  ", ",", "=", "\"", "'", "\\", "{", "}", "[", "]", "\n", "\t", "$", "$(", ")", "`", ";",
    "|", "&", "<", ">", "*", "?", "~", "#", "!", "%", "^", "@", ":", "/", "é", "日本", "😀", "✓", "\u{a0}", "\u{2019}",
    "\u{1f}", "-", "--", "\\,", "\\\"", "file://", "x=y", "!!", "${HOME}", "\r",
];

// ---------------------------------------------------------------------------------------------
// Random requests, for the property tests of every output form

use chat_event_core::{
    ChatEvent, ChatStreamingConfiguration, NewSessionDetails, ParticipantDetails, SendChatIntegrationEventRequest,
};
use proptest::prelude::*;

/// A value made of the tricky pieces (no NUL: no form can carry one through a shell).
pub fn tricky() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TRICKY.to_vec()), 0..7).prop_map(|v| v.concat().replace('\0', ""))
}

pub fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<T>> {
    prop::option::weighted(0.8, s)
}

/// Any request: every member present or not, each string made of tricky pieces.
pub fn arb_request() -> impl Strategy<Value = SendChatIntegrationEventRequest> {
    let event = (opt(tricky()), opt(tricky()), opt(tricky())).prop_map(|(t, ct, c)| ChatEvent {
        r#type: t,
        content_type: ct,
        content: c,
    });
    let nsd = (
        opt(prop::collection::vec(tricky(), 0..3)),
        opt(opt(tricky()).prop_map(|d| ParticipantDetails { display_name: d })),
        opt(prop::collection::vec((prop_oneof!["[A-Za-z0-9_-]{1,8}", tricky()], tricky()), 0..3)),
        opt(opt(tricky()).prop_map(|a| ChatStreamingConfiguration { streaming_endpoint_arn: a })),
    )
        .prop_map(|(types, pd, attrs, sc)| NewSessionDetails {
            supported_messaging_content_types: types,
            participant_details: pd,
            attributes: attrs.map(|a| a.into_iter().collect()),
            streaming_configuration: sc,
        });
    (opt(tricky()), opt(tricky()), opt(tricky()), opt(event), opt(nsd)).prop_map(|(s, d, st, e, n)| {
        SendChatIntegrationEventRequest {
            source_id: s,
            destination_id: d,
            subtype: st,
            event: e,
            new_session_details: n,
        }
    })
}
