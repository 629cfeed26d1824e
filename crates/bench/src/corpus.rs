//! The inputs every runner measures: native Rust, the wasm in Node and the Python peers all read
//! the same `corpus.json`, so that a ratio compares the same work.
//!
//! Deterministic: the same seed gives the same bytes, so runs on different days compare.

use chat_event_core::cli::shell::{self, Shell};
use chat_event_core::cli::shorthand::model::generate_structure;
use chat_event_core::shape::{CHAT_EVENT, NEW_SESSION_DETAILS};
use serde_json::{json, Map, Value};

/// How many requests the validation corpus holds.
pub const VALIDATION_REQUESTS: usize = 10_000;
/// How many values of each structure option the shorthand corpus holds.
pub const SHORTHAND_VALUES: usize = 3_000;
/// How many commands the command corpus holds.
pub const COMMANDS: usize = 1_000;
/// How many valid requests the rendering rows render.
pub const RENDERED: usize = 2_000;

pub const SMS_ARN: &str =
    "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef";
pub const WHATSAPP_ARN: &str =
    "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef";

/// Everything the runners read, as `corpus.json` holds it (see crates/bench/README.md).
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Request JSON texts: valid ones and ones broken in every way the validator knows.
    pub validation: Vec<String>,
    pub one_valid_sms: String,
    pub shorthand_event: Vec<String>,
    pub shorthand_new_session_details: Vec<String>,
    pub commands: Vec<Command>,
    /// Valid request JSON texts.
    pub render: Vec<String>,
    /// The simulator rows' request; each chat gets its own SourceId.
    pub simulator_request: String,
}

/// One command line, as typed in bash and as the CLI's `argv` (without the leading `aws`).
#[derive(Debug, Clone)]
pub struct Command {
    pub text: String,
    pub argv: Vec<String>,
}

impl Corpus {
    pub fn generate() -> Corpus {
        let mut rng = Rng::new(0x5eed_c0de_2026);
        let requests: Vec<Value> = (0..VALIDATION_REQUESTS).map(|i| request(&mut rng, i)).collect();
        let valid: Vec<&Value> = requests
            .iter()
            .filter(|r| !chat_event_core::validate::has_errors(&chat_event_core::validate::validate_value(r)))
            .collect();
        let mut shorthand_event = Vec::with_capacity(SHORTHAND_VALUES);
        let mut shorthand_new_session_details = Vec::with_capacity(SHORTHAND_VALUES);
        for r in requests.iter().cycle() {
            if shorthand_event.len() < SHORTHAND_VALUES {
                if let Some(text) = r.get("Event").and_then(|e| generate_structure(e, &CHAT_EVENT).ok()) {
                    shorthand_event.push(text);
                }
            }
            if shorthand_new_session_details.len() < SHORTHAND_VALUES {
                if let Some(text) =
                    r.get("NewSessionDetails").and_then(|d| generate_structure(d, &NEW_SESSION_DETAILS).ok())
                {
                    shorthand_new_session_details.push(text);
                }
            }
            if shorthand_event.len() == SHORTHAND_VALUES && shorthand_new_session_details.len() == SHORTHAND_VALUES {
                break;
            }
        }
        // A few values the CLI refuses, so that both parsers' error paths are in the measure.
        for (i, broken) in
            ["Type=MESSAGE,Content=\"unclosed", "Type=MESSAGE,,Content=x", "=x", "Type={"].iter().enumerate()
        {
            shorthand_event[i * 97] = broken.to_string();
            shorthand_new_session_details[i * 97 + 1] = broken.to_string();
        }
        let commands = requests.iter().enumerate().take(COMMANDS).map(|(i, r)| command(r, i)).collect();
        Corpus {
            validation: requests.iter().map(Value::to_string).collect(),
            one_valid_sms: sms_message("+15551234567", "Where is my order?").to_string(),
            shorthand_event,
            shorthand_new_session_details,
            commands,
            render: valid.iter().take(RENDERED).map(|r| r.to_string()).collect(),
            simulator_request: sms_message("+15550000000", "Where is my order?").to_string(),
        }
    }

    /// `corpus.json`.
    pub fn to_json(&self) -> Value {
        json!({
            "validation": self.validation,
            "one_valid_sms": self.one_valid_sms,
            "shorthand": {
                "event": self.shorthand_event,
                "new_session_details": self.shorthand_new_session_details,
            },
            "commands": self.commands.iter().map(|c| json!({"text": c.text, "argv": c.argv})).collect::<Vec<_>>(),
            "render": self.render,
            "simulator_request": self.simulator_request,
        })
    }
}

fn sms_message(source: &str, content: &str) -> Value {
    json!({
        "SourceId": source,
        "DestinationId": SMS_ARN,
        "Subtype": "connect:sms",
        "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": content}
    })
}

/// Text of every kind the validator and the quoting rules meet: plain ASCII, accents, CJK, emoji,
/// quotes, commas, equals signs, backslashes, newlines.
const WORDS: &[&str] = &[
    "Hi",
    "there",
    "order",
    "#4411",
    "where",
    "is",
    "my",
    "parcel?",
    "Hola,",
    "necesito",
    "ayuda",
    "señor",
    "日本語",
    "のテキスト",
    "😀",
    "👍🏽",
    "Grüße",
    "\"quoted\"",
    "it's",
    "a=b",
    "x,y",
    "C:\\path",
    "line\nbreak",
    "tab\there",
    "$HOME",
    "`cmd`",
    "{json}",
    "[list]",
    "ünïcödé",
    "Привет",
    "مرحبا",
];

fn text(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        let word: &&str = rng.pick(WORDS);
        out.push_str(word);
    }
    out
}

/// Content of a length class: most short, as chats are, a few long (up to the 16,384-character limit).
fn content(rng: &mut Rng) -> String {
    let (class, extra) = (rng.below(200), rng.below(1_200));
    match class {
        0..=3 => text(rng, 200 + extra),
        4 => "é".repeat(9_000), // within the character limit, over the byte limit
        5..=30 => text(rng, 20 + extra % 60),
        _ => text(rng, 1 + extra % 12),
    }
}

const EVENT_CONTENT_TYPES: &[&str] = &[
    "application/vnd.amazonaws.connect.event.typing",
    "application/vnd.amazonaws.connect.event.message.delivered",
    "application/vnd.amazonaws.connect.event.message.read",
    "application/vnd.amazonaws.connect.event.connection.acknowledged",
];

/// A valid request of some channel and event, then, for most, one or two mutations that break it
/// (or make it merely suspicious) in one of the ways the validator knows.
fn request(rng: &mut Rng, i: usize) -> Value {
    let (subtype, destination) = match rng.below(10) {
        0..=4 => ("connect:sms", SMS_ARN),
        5..=8 => ("connect:WhatsApp", WHATSAPP_ARN),
        _ => ("connect:Guide", "arn:aws:connect:us-east-1:123456789012:instance/abc"),
    };
    let source = format!("+1555{:07}", i);
    let event = match rng.below(10) {
        0..=6 => json!({"Type": "MESSAGE", "ContentType": "text/plain", "Content": content(rng)}),
        7..=8 => {
            let content_type = *rng.pick(EVENT_CONTENT_TYPES);
            let mut event = json!({"Type": "EVENT", "ContentType": content_type});
            if content_type.contains("message.") {
                event["Content"] = json!({"messageId": format!("msg-{i:08x}")}).to_string().into();
            }
            event
        }
        _ => json!({"Type": "DISCONNECT"}),
    };
    let mut request = json!({"SourceId": source, "DestinationId": destination, "Subtype": subtype, "Event": event});
    if rng.below(3) == 0 && request["Event"]["Type"] != "DISCONNECT" {
        request["NewSessionDetails"] = new_session_details(rng, i);
    }
    // About a quarter stay valid.
    let mutations = [0, 1, 1, 2][rng.below(4)];
    for _ in 0..mutations {
        mutate(rng, &mut request);
    }
    request
}

fn new_session_details(rng: &mut Rng, i: usize) -> Value {
    let mut details = Map::new();
    if rng.below(2) == 0 {
        details.insert("SupportedMessagingContentTypes".into(), json!(["text/plain", "text/markdown"]));
    }
    if rng.below(2) == 0 {
        let words = 1 + rng.below(3);
        details.insert("ParticipantDetails".into(), json!({"DisplayName": text(rng, words)}));
    }
    if rng.below(2) == 0 {
        let count = 1 + rng.below(8);
        let mut attributes = Map::new();
        for k in 0..count {
            let words = 1 + rng.below(4);
            attributes.insert(format!("attribute-{k}"), Value::from(text(rng, words)));
        }
        details.insert("Attributes".into(), Value::Object(attributes));
    }
    if rng.below(4) == 0 {
        details.insert(
            "StreamingConfiguration".into(),
            json!({"StreamingEndpointArn": format!("arn:aws:sns:us-east-1:123456789012:chat-stream-{}", i % 7)}),
        );
    }
    Value::Object(details)
}

fn event(r: &mut Value) -> Option<&mut Map<String, Value>> {
    r.get_mut("Event")?.as_object_mut()
}

/// The request's NewSessionDetails, made an empty object first when it is not one.
fn details(r: &mut Value) -> &mut Map<String, Value> {
    let slot = &mut r["NewSessionDetails"];
    if !slot.is_object() {
        *slot = Value::Object(Map::new());
    }
    slot.as_object_mut().expect("an object, made just above")
}

/// One mutation, each aimed at a rule (the corpus's test checks that every rule is met).
fn mutate(rng: &mut Rng, r: &mut Value) {
    // The mutations that make a request tens of kilobytes long are drawn a tenth as often, so
    // that the corpus stays mostly what chats send.
    let mut pick = rng.below(30);
    if [7, 8, 21, 27].contains(&pick) && rng.below(10) != 0 {
        pick = 25;
    }
    let object = r.as_object_mut().expect("requests are objects");
    match pick {
        // required
        0 => drop(object.remove(*rng.pick(&["SourceId", "DestinationId", "Event"]))),
        1 => drop(event(r).map(|e| e.remove("Type"))),
        // unknown-member
        2 => drop(object.insert((*rng.pick(&["sourceId", "Destination", "ClientToken"])).into(), json!("x"))),
        // wrong-type
        3 => drop(object.insert("SourceId".into(), json!(15551234567u64))),
        4 => drop(object.insert("Event".into(), json!("MESSAGE"))),
        5 => drop(object.insert("Subtype".into(), Value::Null)),
        // min-length, max-length
        6 => drop(object.insert("SourceId".into(), json!(""))),
        7 => drop(object.insert("DestinationId".into(), json!("d".repeat(300)))),
        8 => drop(event(r).map(|e| e.insert("Content".into(), json!("long ".repeat(3_500))))),
        // enum
        9 => drop(event(r).map(|e| e.insert("Type".into(), json!("message")))),
        // content-type-required, content-required
        10 => drop(event(r).map(|e| e.remove("ContentType"))),
        11 => drop(event(r).map(|e| e.remove("Content"))),
        // content-type-not-allowed, content-not-json, receipt-content
        12 => drop(event(r).map(|e| e.insert("ContentType".into(), json!("text/html")))),
        13 => drop(event(r).map(|e| {
            e.insert("ContentType".into(), json!("application/json"));
            e.insert("Content".into(), json!("{\"unclosed\": "))
        })),
        14 => drop(event(r).map(|e| {
            e.insert("Type".into(), json!("EVENT"));
            e.insert("ContentType".into(), json!("application/vnd.amazonaws.connect.event.message.read"));
            e.insert("Content".into(), json!("read it"))
        })),
        // content-type-not-in-session (with a markdown message)
        15 => {
            details(r).insert("SupportedMessagingContentTypes".into(), json!(["text/plain"]));
            drop(event(r).map(|e| {
                e.insert("Type".into(), json!("MESSAGE"));
                e.insert("ContentType".into(), json!("text/markdown"))
            }))
        }
        // ignored-on-disconnect, new-session-on-disconnect
        16 => drop(event(r).map(|e| e.insert("Type".into(), json!("DISCONNECT")))),
        // text-plain-missing, supported-type-unknown, supported-type-duplicate
        17 => drop(details(r).insert("SupportedMessagingContentTypes".into(), json!(["text/markdown"]))),
        18 => drop(details(r).insert("SupportedMessagingContentTypes".into(), json!(["text/plain", "text/html"]))),
        19 => drop(details(r).insert("SupportedMessagingContentTypes".into(), json!(["text/plain", "text/plain"]))),
        // attribute-key-characters, attributes-too-large, wrong-type in a map
        20 => drop(details(r).insert("Attributes".into(), json!({"customer.id": "42", "tier": "gold"}))),
        21 => drop(details(r).insert("Attributes".into(), json!({"a": "v".repeat(20_000), "b": "w".repeat(13_000)}))),
        22 => drop(details(r).insert("Attributes".into(), json!({"count": 3}))),
        // subtype-case, subtype-unknown
        23 => {
            drop(object.insert("Subtype".into(), json!(*rng.pick(&["connect:Sms", "connect:whatsapp", "CONNECT:SMS"]))))
        }
        24 => drop(object.insert("Subtype".into(), json!("connect:Telegram"))),
        // source-id-not-e164
        25 => drop(object.insert("SourceId".into(), json!(*rng.pick(&["5551234567", "+1 (555) 123-4567", "user-42"])))),
        // channel-content-type, whatsapp-text-too-long
        26 => drop(event(r).map(|e| e.insert("ContentType".into(), json!("text/markdown")))),
        27 => {
            r["Subtype"] = json!("connect:WhatsApp");
            r["DestinationId"] = json!(WHATSAPP_ARN);
            drop(event(r).map(|e| {
                e.insert("Type".into(), json!("MESSAGE"));
                e.insert("ContentType".into(), json!("text/plain"));
                e.insert("Content".into(), json!("ñ".repeat(1_100)))
            }))
        }
        // destination-not-phone-number-arn, streaming-arn-not-sns
        28 => drop(object.insert("DestinationId".into(), json!("phone-0123456789"))),
        _ => {
            drop(details(r).insert(
                "StreamingConfiguration".into(),
                json!({"StreamingEndpointArn": "arn:aws:s3:::chat-transcripts"}),
            ))
        }
    }
}

/// The request as options of `aws connect send-chat-integration-event`, some with global options,
/// some with the JSON form of a structure option; and the same as one bash command line.
fn command(request: &Value, i: usize) -> Command {
    let mut argv: Vec<String> = vec!["connect".into(), "send-chat-integration-event".into()];
    let mut option = |name: &str, value: String| {
        argv.push(name.into());
        argv.push(value);
    };
    for (member, name) in [("SourceId", "--source-id"), ("DestinationId", "--destination-id"), ("Subtype", "--subtype")]
    {
        match request.get(member) {
            Some(Value::String(s)) => option(name, s.clone()),
            Some(other) => option(name, other.to_string()),
            None => {}
        }
    }
    for (member, name, structure) in
        [("Event", "--event", &CHAT_EVENT), ("NewSessionDetails", "--new-session-details", &NEW_SESSION_DETAILS)]
    {
        if let Some(value) = request.get(member) {
            let shorthand = (i % 5 != 0).then(|| generate_structure(value, structure).ok()).flatten();
            option(name, shorthand.unwrap_or_else(|| value.to_string()));
        }
    }
    if i % 7 == 0 {
        option("--region", "us-west-2".into());
    }
    if i % 11 == 0 {
        option("--output", "json".into());
    }
    let mut text = String::from("aws");
    for arg in &argv {
        text.push(' ');
        text.push_str(&shell::quote(Shell::Bash, arg).text);
    }
    Command { text, argv }
}

/// xorshift64*: deterministic, dependency-free randomness.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chat_event_core::validate::{codes, validate_json};
    use chat_event_core::RuleSource;
    use std::collections::BTreeSet;

    /// The corpus means something only if it is what the README and the report say it is.
    #[test]
    fn the_validation_corpus_meets_every_rule_and_both_channels() {
        let corpus = Corpus::generate();
        assert!(corpus.validation.len() >= 10_000);
        let mut met = BTreeSet::new();
        let mut valid = 0;
        for text in &corpus.validation {
            let diagnostics = validate_json(text);
            valid += usize::from(!chat_event_core::validate::has_errors(&diagnostics));
            met.extend(diagnostics.iter().map(|d| d.code.clone()));
        }
        // Every text parses (botocore is given the parsed values), so `json-syntax` is the one rule left out.
        let missing: Vec<_> = codes::RULES
            .iter()
            .filter(|rule| rule.source != RuleSource::Syntax && !met.contains(rule.code))
            .map(|rule| rule.code)
            .collect();
        assert!(missing.is_empty(), "rules the corpus never meets: {missing:?}");
        assert!(!met.contains(codes::JSON_SYNTAX.code));
        let share = valid as f64 / corpus.validation.len() as f64;
        assert!((0.15..0.6).contains(&share), "valid share {share}");
        for needle in ["connect:sms", "connect:WhatsApp", "日本語", "😀"] {
            assert!(corpus.validation.iter().any(|t| t.contains(needle)), "no request with {needle}");
        }
        assert!(corpus.validation.iter().any(|t| t.len() > 16_000), "no long content");
        assert!(validate_json(&corpus.one_valid_sms).is_empty());
        assert!(corpus.render.iter().all(|t| !chat_event_core::validate::has_errors(&validate_json(t))));
        assert_eq!(corpus.render.len(), RENDERED);
    }

    #[test]
    fn shorthand_values_and_commands_read_back_as_the_cli_would() {
        use chat_event_core::cli::{command, shorthand};
        let corpus = Corpus::generate();
        assert_eq!(corpus.shorthand_event.len(), SHORTHAND_VALUES);
        assert_eq!(corpus.shorthand_new_session_details.len(), SHORTHAND_VALUES);
        let parsed = corpus.shorthand_event.iter().filter(|t| shorthand::parse(t).is_ok()).count();
        assert!((SHORTHAND_VALUES - 8..SHORTHAND_VALUES).contains(&parsed), "{parsed} event values parse");
        assert_eq!(corpus.commands.len(), COMMANDS);
        let read = corpus.commands.iter().filter(|c| command::parse(&c.text).is_ok()).count();
        assert!(read > COMMANDS / 2, "only {read} commands read");
        // The text is the argv, quoted for bash.
        for c in corpus.commands.iter().take(50) {
            assert!(c.text.starts_with("aws connect send-chat-integration-event "));
            assert_eq!(c.argv[..2], ["connect", "send-chat-integration-event"]);
        }
    }

    /// The validation rows time `validate_json`, which reads most texts in one pass: on every text
    /// of the corpus it answers as the tree does, and the one-pass reader is what it mostly uses.
    #[test]
    fn the_one_pass_reader_answers_as_the_tree_on_the_corpus() {
        use chat_event_core::json::{self, one_pass};
        use chat_event_core::validate::validate_value;
        let corpus = Corpus::generate();
        let mut in_one_pass = 0;
        for text in &corpus.validation {
            let tree = json::parse(text).expect("every corpus text parses");
            assert_eq!(validate_json(text), validate_value(&tree), "{text}");
            in_one_pass +=
                usize::from(one_pass::read::<chat_event_core::SendChatIntegrationEventRequest>(text).is_some());
        }
        assert!(in_one_pass * 2 > corpus.validation.len(), "only {in_one_pass} texts read in one pass");
        assert!(one_pass::read::<chat_event_core::SendChatIntegrationEventRequest>(&corpus.one_valid_sms).is_some());
    }

    #[test]
    fn the_corpus_is_the_same_every_time() {
        assert_eq!(Corpus::generate().to_json(), Corpus::generate().to_json());
    }
}
