//! Scenarios: JSON or YAML files of timed steps (send a request, advance the clock, end a chat), each optionally
//! with the outcome it expects. Running one gives a table of steps with pass or fail and why, so a
//! scenario kept in a repository is an executable specification of an integration's behaviour.
//!
//! ```json
//! {
//!   "title": "The next SMS reuses the chat",
//!   "settings": { "chatDurationMinutes": 1500 },
//!   "steps": [
//!     { "name": "first", "send": { "SourceId": "+15551234567", "DestinationId": "arn:…", "Subtype": "connect:sms",
//!                                  "Event": { "Type": "MESSAGE", "ContentType": "text/plain", "Content": "Hi" } },
//!       "expect": { "what": "created", "newChatCreated": true } },
//!     { "after": "5m", "send": { … }, "expect": { "what": "reused", "sameContactAs": "first" } },
//!     { "advance": "25h", "expect": { "expired": 1, "activeChats": 0 } },
//!     { "endChat": { "contactOf": "first", "by": "agent" } }
//!   ]
//! }
//! ```

use std::collections::HashMap;
use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::clock::{compact_duration, parse_duration, Timestamp};
use super::ids::ContactId;
use super::outcome::{EndedBy, Outcome, What};
use super::settings::{Settings, SettingsError};
use super::Simulator;
use crate::json::read::{Path, ReadError};
use crate::json::{FromJson, ToJson};
use crate::model::{ErrorType, SendChatIntegrationEventRequest};

/// A scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "a scenario (an object with \"title\" and \"steps\")")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Settings for [`Scenario::run`]; defaults when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    pub steps: Vec<Step>,
}

/// One step: exactly one of `send`, `advance` and `endChat`, optionally preceded by `after` (a wait).
#[derive(Debug, Clone, PartialEq, Default, Serialize, ToJson, FromJson)]
#[json(expected = "a step (an object)")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Step {
    /// A name later steps refer to (`sameContactAs`, `follows`, `contactOf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Advance the clock by this much before the step's action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string | number"))]
    pub after: Option<StepDuration>,
    /// Send this request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send: Option<SendChatIntegrationEventRequest>,
    /// Advance the clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string | number"))]
    pub advance: Option<StepDuration>,
    /// End a chat on the service's side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_chat: Option<EndChatStep>,
    /// What the step must lead to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<Expect>,
}

/// A duration in a scenario: `"25h"`, `"90m"`, `"1h30m"`, `"500ms"`, or a number of milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepDuration {
    pub millis: u64,
}

impl Serialize for StepDuration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&compact_duration(self.millis))
    }
}

/// Written compactly (`"1h30m"`).
impl ToJson for StepDuration {
    fn write(&self, out: &mut dyn crate::json::write::Out) {
        out.string(&crate::simulator::clock::compact_duration(self.millis));
    }
}

/// A whole number of milliseconds, or text such as `"1h30m"` (see [`parse_duration`]).
impl FromJson for StepDuration {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, ReadError> {
        match value {
            Value::String(text) => parse_duration(text)
                .map(|millis| StepDuration { millis })
                .map_err(|e| ReadError::new(at, e.to_string())),
            _ => value.as_u64().map(|millis| StepDuration { millis }).ok_or_else(|| {
                ReadError::expected(
                    at,
                    "a duration such as \"25h\" or \"90m\", or a whole number of milliseconds",
                    value,
                )
            }),
        }
    }
}

/// Which chat to end, and who ends it. Name the chat by `contactOf` (an earlier step's name),
/// `contactId`, or its identity (`sourceId`, `destinationId`, `subtype`): the identity's active chat.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "an endChat step (an object)")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EndChatStep {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<ContactId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    pub by: EndedBy,
}

/// What a step must lead to. Every member is optional; each one given is checked.
#[derive(Debug, Clone, PartialEq, Default, Serialize, ToJson, FromJson)]
#[json(expected = "an expectation (an object)")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Expect {
    /// `created`, `reused`, `disconnected`, `noActiveChat`, `throttled`, … (send steps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<What>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_chat_created: Option<bool>,
    /// The error's type, such as `ThrottlingException`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// True: the response has no InitialContactId.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_contact_id_absent: Option<bool>,
    /// The contact is the one of the named earlier step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_contact_as: Option<String>,
    /// The contact is not the one of the named earlier step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub different_contact_from: Option<String>,
    /// The new contact follows the contact of the named earlier step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_session_details_ignored: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation_contains: Option<String>,
    /// How many chats are active after the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_chats: Option<usize>,
    /// How many chats expired during the step (advance and `after`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired: Option<usize>,
}

/// A scenario file that cannot be used: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// 1-based line and column for syntax errors.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The 1-based step number, for a step that is wrong as a whole or has a member that does
    /// not read (the message then starts with the member's path, `steps[2].expect.wat: …`).
    pub step: Option<usize>,
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.step, self.line, self.column) {
            (Some(s), _, _) => write!(f, "scenario step {s}: {}", self.message),
            (None, Some(l), Some(c)) => {
                write!(f, "scenario line {l}, column {c}: {}", self.message)
            }
            _ => write!(f, "scenario: {}", self.message),
        }
    }
}

impl std::error::Error for ScenarioError {}

impl From<SettingsError> for ScenarioError {
    fn from(e: SettingsError) -> Self {
        ScenarioError { line: None, column: None, step: None, message: e.to_string() }
    }
}

/// A member that does not read: the message names its path; under `steps[i]`, the step's number
/// is `i + 1`.
impl From<ReadError> for ScenarioError {
    fn from(e: ReadError) -> Self {
        let step = e
            .path
            .strip_prefix("steps[")
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(index, _)| index.parse::<usize>().ok())
            .map(|index| index.saturating_add(1));
        ScenarioError { line: None, column: None, step, message: e.to_string() }
    }
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StepReport {
    /// 1-based.
    pub number: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The clock when the step's action ran.
    pub at: Timestamp,
    /// What the step did, in short: `send MESSAGE text/plain from +15551234567 (connect:sms)`.
    pub action: String,
    /// What came of it, in short.
    pub result: String,
    /// The explanation of the outcome (or of the clock move).
    pub explanation: String,
    /// The full outcome of a send step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// `None` when the step expects nothing.
    #[cfg_attr(feature = "tsify", tsify(type = "boolean | null"))]
    pub passed: Option<bool>,
    /// Why it failed, one line per unmet expectation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failures: Vec<String>,
}

/// The result of running a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ScenarioReport {
    pub title: String,
    /// True when no step failed.
    pub passed: bool,
    pub passed_steps: usize,
    pub failed_steps: usize,
    pub steps: Vec<StepReport>,
}

impl ScenarioReport {
    /// The report as a Markdown table, failures listed under it.
    pub fn to_table(&self) -> String {
        let mut out = format!("{} — {}\n\n", self.title, if self.passed { "PASS" } else { "FAIL" });
        out.push_str("| # | step | at | action | result | check |\n|---|---|---|---|---|---|\n");
        for s in &self.steps {
            let check = match s.passed {
                Some(true) => "pass",
                Some(false) => "FAIL",
                None => "–",
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {check} |\n",
                s.number,
                s.name.as_deref().unwrap_or(""),
                s.at,
                s.action.replace('|', "\\|"),
                s.result.replace('|', "\\|")
            ));
        }
        for s in self.steps.iter().filter(|s| !s.failures.is_empty()) {
            out.push_str(&format!("\nstep {}:\n", s.number));
            for f in &s.failures {
                out.push_str(&format!("  - {f}\n"));
            }
        }
        out
    }
}

impl Scenario {
    /// Reads a scenario from JSON and checks that every step has exactly one action. A syntax
    /// error has serde_json's line and column; a wrong member, its path (and its step's number).
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let value: Value = crate::json::parse(text).map_err(|e| ScenarioError {
            line: Some(e.line()),
            column: Some(e.column()),
            step: None,
            message: crate::json::message(&e),
        })?;
        Scenario::from_value(&value)
    }

    /// Reads a scenario from YAML (the same members as the JSON form) and checks it.
    pub fn from_yaml(text: &str) -> Result<Scenario, ScenarioError> {
        let value = crate::yaml::from_str(text).map_err(|e| ScenarioError {
            line: e.line,
            column: e.column,
            step: None,
            message: e.message,
        })?;
        Scenario::from_value(&value)
    }

    /// Reads a scenario from JSON or YAML text, told apart here for every caller: text that starts
    /// with `{` is JSON (or, when it is not JSON, a YAML flow mapping such as `{title: t, steps: []}`,
    /// with JSON's error if it is neither); any other text is YAML.
    ///
    /// ```
    /// use chat_event_core::simulator::Scenario;
    /// let json = Scenario::from_text(r#"{"title": "t", "steps": [{"advance": "1h"}]}"#).unwrap();
    /// let yaml = Scenario::from_text("title: t\nsteps:\n  - advance: 1h\n").unwrap();
    /// assert_eq!(json, yaml);
    /// assert_eq!(Scenario::from_text("{title: t, steps: [{advance: 1h}]}").unwrap(), json);
    /// ```
    pub fn from_text(text: &str) -> Result<Scenario, ScenarioError> {
        if !text.trim_start().starts_with('{') {
            return Scenario::from_yaml(text);
        }
        match Scenario::from_json(text) {
            Err(json) if json.step.is_none() && json.line.is_some() => Scenario::from_yaml(text).map_err(|_| json),
            read => read,
        }
    }

    /// Reads a scenario from a JSON tree and checks it.
    pub fn from_value(value: &Value) -> Result<Scenario, ScenarioError> {
        let scenario: Scenario = crate::json::read::read(value).map_err(ScenarioError::from)?;
        scenario.check()?;
        Ok(scenario)
    }

    /// The scenario as YAML.
    pub fn to_yaml(&self) -> String {
        crate::yaml::to_string(&crate::json::to_value(self))
    }

    /// The scenario as pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        crate::json::to_string_pretty(self)
    }

    /// Every step has exactly one of `send`, `advance` and `endChat`, and an `endChat` names its chat
    /// one way; settings are in range.
    pub fn check(&self) -> Result<(), ScenarioError> {
        if let Some(s) = &self.settings {
            s.check()?;
        }
        for (i, step) in self.steps.iter().enumerate() {
            let fail = |message: &str| {
                Err(ScenarioError { line: None, column: None, step: Some(i + 1), message: message.into() })
            };
            let actions = usize::from(step.send.is_some())
                + usize::from(step.advance.is_some())
                + usize::from(step.end_chat.is_some());
            if actions != 1 {
                return fail("a step needs exactly one of \"send\", \"advance\" and \"endChat\"");
            }
            if let Some(e) = &step.end_chat {
                let ways = usize::from(e.contact_of.is_some())
                    + usize::from(e.contact_id.is_some())
                    + usize::from(e.source_id.is_some() || e.destination_id.is_some());
                if ways != 1 {
                    return fail("\"endChat\" names its chat by exactly one of \"contactOf\", \"contactId\", or \"sourceId\" + \"destinationId\" (+ \"subtype\")");
                }
                if e.source_id.is_some() != e.destination_id.is_some() {
                    return fail("\"endChat\" by identity needs both \"sourceId\" and \"destinationId\"");
                }
            }
        }
        Ok(())
    }

    /// Runs the scenario on a new simulator with the scenario's settings (defaults when absent).
    pub fn run(&self) -> Result<ScenarioReport, ScenarioError> {
        self.check()?;
        let mut sim = Simulator::new(self.settings.clone().unwrap_or_default())?;
        Ok(sim.run_scenario(self))
    }
}

impl Simulator {
    /// Runs a scenario's steps on this simulator as it stands (the scenario's settings are not
    /// applied here; [`Scenario::run`] uses them) and reports each step.
    pub fn run_scenario(&mut self, scenario: &Scenario) -> ScenarioReport {
        let mut named: HashMap<String, ContactId> = HashMap::new();
        let mut steps = Vec::with_capacity(scenario.steps.len());
        for (i, step) in scenario.steps.iter().enumerate() {
            let mut failures = Vec::new();
            let mut expired = 0usize;
            if let Some(after) = step.after {
                expired += self.advance_millis(after.millis).expired.len();
            }
            let at = self.now();
            let mut outcome = None;
            let mut contact = None;
            let (action, result, explanation) = if let Some(request) = &step.send {
                let o = self.send(request);
                contact = o.contact_id;
                let result = match o.error() {
                    Some(e) => {
                        format!("{}: {} ({}) {}", what_word(o.what), e.error_type.name(), e.http_status, e.message)
                    }
                    None => format!("{}: {}", what_word(o.what), o.response.body_json()),
                };
                let explanation = o.explanation.to_string();
                outcome = Some(o);
                (describe_send(request), result, explanation)
            } else if let Some(d) = step.advance {
                let r = self.advance_millis(d.millis);
                expired += r.expired.len();
                let mut explanation = format!("The clock moved from {} to {}; ", r.from, r.to);
                if r.expired.is_empty() {
                    explanation.push_str("no chat expired.");
                } else {
                    explanation.push_str("expired: ");
                    for (k, id) in r.expired.iter().enumerate() {
                        if k > 0 {
                            explanation.push_str(", ");
                        }
                        id.write_to(&mut explanation);
                    }
                    explanation.push('.');
                }
                (
                    format!("advance {}", compact_duration(d.millis)),
                    format!("now {}; {} expired", r.to, r.expired.len()),
                    explanation,
                )
            } else if let Some(e) = &step.end_chat {
                let target = if let Some(name) = &e.contact_of {
                    named.get(name).copied().ok_or_else(|| format!("no earlier step named {name:?} has a contact"))
                } else if let Some(id) = e.contact_id {
                    Ok(id)
                } else {
                    let (s, d) = (e.source_id.as_deref().unwrap_or(""), e.destination_id.as_deref().unwrap_or(""));
                    self.active_contact_for(s, d, e.subtype.as_deref()).map(|c| c.contact_id).ok_or_else(|| {
                        format!("no active chat for {s} → {d} ({})", e.subtype.as_deref().unwrap_or("no Subtype"))
                    })
                };
                let by = match e.by {
                    EndedBy::Agent => "agent",
                    EndedBy::Flow => "flow",
                };
                match target.and_then(|id| self.end_chat(id, e.by).map_err(|err| err.to_string())) {
                    Ok(view) => {
                        contact = Some(view.contact_id);
                        (
                            format!("end chat by {by}"),
                            format!("ended {}", view.contact_id),
                            format!("The {by} ended chat {} at {}.", view.contact_id, at),
                        )
                    }
                    Err(message) => {
                        failures.push(format!("could not end the chat: {message}"));
                        (
                            format!("end chat by {by}"),
                            "not ended".into(),
                            format!("The chat could not be ended: {message}."),
                        )
                    }
                }
            } else {
                ("(nothing)".into(), String::new(), String::new())
            };
            if let Some(expect) = &step.expect {
                check(expect, outcome.as_ref(), contact, expired, self.active_chat_count(), &named, &mut failures);
            }
            if let (Some(name), Some(id)) = (&step.name, contact) {
                named.insert(name.clone(), id);
            }
            let passed = if step.expect.is_some() || !failures.is_empty() { Some(failures.is_empty()) } else { None };
            steps.push(StepReport {
                number: i + 1,
                name: step.name.clone(),
                at,
                action,
                result,
                explanation,
                outcome,
                passed,
                failures,
            });
        }
        let failed_steps = steps.iter().filter(|s| s.passed == Some(false)).count();
        ScenarioReport {
            title: scenario.title.clone(),
            passed: failed_steps == 0,
            passed_steps: steps.iter().filter(|s| s.passed == Some(true)).count(),
            failed_steps,
            steps,
        }
    }
}

fn what_word(w: What) -> String {
    match crate::json::to_value(&w) {
        Value::String(word) => word,
        _ => String::new(),
    }
}

fn describe_send(r: &SendChatIntegrationEventRequest) -> String {
    let mut out = String::from("send");
    if let Some(e) = &r.event {
        if let Some(t) = &e.r#type {
            out.push(' ');
            out.push_str(t);
        }
        if let Some(ct) = &e.content_type {
            out.push(' ');
            out.push_str(ct);
        }
    }
    out.push_str(&format!(" from {}", r.source_id.as_deref().unwrap_or("(no SourceId)")));
    out.push_str(&format!(" ({})", r.subtype.as_deref().unwrap_or("no Subtype")));
    if r.new_session_details.is_some() {
        out.push_str(" with NewSessionDetails");
    }
    out
}

/// Adds one unmet expectation; one place, so each check costs only its message.
fn fail(failures: &mut Vec<String>, message: fmt::Arguments<'_>) {
    failures.push(message.to_string());
}

fn check(
    expect: &Expect,
    outcome: Option<&Outcome>,
    contact: Option<ContactId>,
    expired: usize,
    active: usize,
    named: &HashMap<String, ContactId>,
    failures: &mut Vec<String>,
) {
    let show = |c: Option<ContactId>| c.map_or("none".to_string(), |c| c.to_string());
    let lookup = |name: &str, failures: &mut Vec<String>| {
        let found = named.get(name).copied();
        if found.is_none() {
            fail(failures, format_args!("no earlier step named {name:?} has a contact"));
        }
        found
    };
    let needs_send = [
        expect.what.is_some(),
        expect.new_chat_created.is_some(),
        expect.error.is_some(),
        expect.http_status.is_some(),
        expect.initial_contact_id_absent.is_some(),
        expect.follows.is_some(),
        expect.new_session_details_ignored.is_some(),
    ]
    .contains(&true);
    if let Some(o) = outcome {
        if let Some(w) = expect.what {
            if o.what != w {
                fail(failures, format_args!("expected what = {}, got {}", what_word(w), what_word(o.what)));
            }
        }
        if let Some(n) = expect.new_chat_created {
            let got = match &o.response {
                super::AwsResponse::Ok(r) => r.new_chat_created,
                super::AwsResponse::Error(_) => None,
            };
            if got != Some(n) {
                fail(
                    failures,
                    format_args!(
                        "expected NewChatCreated {n}, got {}",
                        got.map_or("no response".into(), |g| g.to_string())
                    ),
                );
            }
        }
        if let Some(e) = expect.error {
            let got = o.error().map(|x| x.error_type);
            if got != Some(e) {
                fail(
                    failures,
                    format_args!(
                        "expected {}, got {}",
                        e.name(),
                        got.map_or("HTTP 200".into(), |g| g.name().to_string())
                    ),
                );
            }
        }
        if let Some(s) = expect.http_status {
            if o.http_status() != s {
                fail(failures, format_args!("expected HTTP {s}, got {}", o.http_status()));
            }
        }
        if let Some(absent) = expect.initial_contact_id_absent {
            if o.contact_id.is_none() != absent {
                fail(
                    failures,
                    format_args!(
                        "expected InitialContactId {}, got {}",
                        if absent { "absent" } else { "present" },
                        show(o.contact_id)
                    ),
                );
            }
        }
        if let Some(name) = &expect.follows {
            if let Some(id) = lookup(name, failures) {
                let got = o.follows.map(|p| p.contact_id);
                if got != Some(id) {
                    fail(
                        failures,
                        format_args!("expected the contact to follow {id} (step {name:?}), it follows {}", show(got)),
                    );
                }
            }
        }
        if let Some(ignored) = expect.new_session_details_ignored {
            if o.new_session_details_ignored != ignored {
                fail(
                    failures,
                    format_args!("expected newSessionDetailsIgnored {ignored}, got {}", o.new_session_details_ignored),
                );
            }
        }
        if let Some(text) = &expect.explanation_contains {
            if !o.explanation.contains(text.as_str()) {
                fail(failures, format_args!("expected the explanation to contain {text:?}; it is {:?}", o.explanation));
            }
        }
    } else if needs_send || expect.explanation_contains.is_some() {
        failures.push("this step sends nothing, so it has no outcome to check (what, error, follows, …)".into());
    }
    if let Some(name) = &expect.same_contact_as {
        if let Some(id) = lookup(name, failures) {
            if contact != Some(id) {
                fail(failures, format_args!("expected the contact of step {name:?} ({id}), got {}", show(contact)));
            }
        }
    }
    if let Some(name) = &expect.different_contact_from {
        if let Some(id) = lookup(name, failures) {
            if contact == Some(id) {
                fail(failures, format_args!("expected a contact other than step {name:?}'s ({id})"));
            }
        }
    }
    if let Some(n) = expect.active_chats {
        if active != n {
            fail(failures, format_args!("expected {n} active chats, got {active}"));
        }
    }
    if let Some(n) = expect.expired {
        if expired != n {
            fail(failures, format_args!("expected {n} chats to expire, got {expired}"));
        }
    }
}
