//! Simulator step sequences (sends of each kind for a few identities, clock advances, agents and
//! flows ending chats) run against the simulator and against a reference model written here as
//! plainly as possible: a list of contacts, linear scans, expiry computed from the clock on every
//! question. Every outcome is compared. The fuzzer drives it with any sequence, and
//! tests/simulator_model.rs with proptest's.

use arbitrary::Arbitrary;
use chat_event_core::simulator::{
    ContactId, EndChatError, EndReason, EndedBy, MessageId, Settings, Simulator, SubtypeMatching, What,
};
use std::sync::OnceLock;

use chat_event_core::SendChatIntegrationEventRequest;

const ARN: &str = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef";
pub const SOURCES: [&str; 2] = ["+15550000001", "+15550000002"];
/// Two spellings of one subtype (they match only when matching ignores case) and none.
pub const SUBTYPES: [Option<&str>; 3] = [Some("connect:sms"), Some("connect:SMS"), None];
pub const KINDS: [&str; 3] = ["MESSAGE", "EVENT", "DISCONNECT"];

/// One step. Indexes wrap around their tables, so any value is a step.
#[derive(Debug, Clone, Arbitrary)]
pub enum Step {
    Send {
        source: u8,
        subtype: u8,
        kind: u8,
    },
    Advance {
        minutes: u16,
    },
    /// Ends the `pick`-th contact (wrapping), as an agent or as a flow.
    End {
        pick: u8,
        agent: bool,
    },
}

/// A whole run: the steps and the settings they run under.
#[derive(Debug, Clone, Arbitrary)]
pub struct Run {
    pub steps: Vec<Step>,
    pub ignore_case: bool,
    /// Chats last 1,500 minutes rather than 60.
    pub long_chats: bool,
    pub seed: u64,
}

/// The most steps a fuzzed run takes: every rule shows within a few dozen steps (the proptest
/// takes up to 60), while each step more slows every execution, and the model's scans are linear.
pub const MAX_STEPS: usize = 100;

/// The fuzz target: any run must agree with the model.
pub fn run(data: &[u8]) {
    let Ok(mut run) = Run::arbitrary_take_rest(arbitrary::Unstructured::new(data)) else { return };
    run.steps.truncate(MAX_STEPS);
    if let Err(why) = check(&run) {
        panic!("{why}\n{run:?}");
    }
}

/// The reference: nothing clever.
struct Model {
    now: u64,
    duration: u64,
    ignore_case: bool,
    contacts: Vec<RefContact>,
}

struct RefContact {
    source: usize,
    subtype: Option<String>,
    start: u64,
    /// Set by a disconnect or an end; expiry is never stored, only computed.
    ended: Option<(u64, EndReason)>,
    id: ContactId,
}

impl Model {
    fn subtype_key(&self, s: Option<&str>) -> Option<String> {
        s.map(|s| if self.ignore_case { s.to_ascii_lowercase() } else { s.to_string() })
    }

    fn end_of(&self, c: &RefContact) -> Option<(u64, EndReason)> {
        c.ended
            .or_else(|| (self.now >= c.start + self.duration).then_some((c.start + self.duration, EndReason::Expired)))
    }

    fn is_active(&self, c: &RefContact) -> bool {
        self.end_of(c).is_none()
    }

    fn same_identity(&self, c: &RefContact, source: usize, subtype: Option<&str>) -> bool {
        c.source == source && self.subtype_key(c.subtype.as_deref()) == self.subtype_key(subtype)
    }

    fn active(&self, source: usize, subtype: Option<&str>) -> Option<usize> {
        (0..self.contacts.len())
            .find(|&i| self.same_identity(&self.contacts[i], source, subtype) && self.is_active(&self.contacts[i]))
    }

    fn last(&self, source: usize, subtype: Option<&str>) -> Option<usize> {
        (0..self.contacts.len()).rev().find(|&i| self.same_identity(&self.contacts[i], source, subtype))
    }

    fn active_count(&self) -> usize {
        self.contacts.iter().filter(|c| self.is_active(c)).count()
    }
}

/// The request a send step makes (made once: reading them from JSON on every step took a third
/// of each run).
pub fn request(source: u8, subtype: u8, kind: u8) -> &'static SendChatIntegrationEventRequest {
    static REQUESTS: OnceLock<Vec<SendChatIntegrationEventRequest>> = OnceLock::new();
    let all = REQUESTS.get_or_init(|| {
        let mut all = Vec::new();
        for source in SOURCES {
            for subtype in SUBTYPES {
                for kind in KINDS {
                    let event = match kind {
                        "MESSAGE" => r#"{"Type": "MESSAGE", "ContentType": "text/plain", "Content": "hi"}"#,
                        "EVENT" => {
                            r#"{"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.typing"}"#
                        }
                        _ => r#"{"Type": "DISCONNECT"}"#,
                    };
                    let subtype = subtype.map(|s| format!(r#", "Subtype": "{s}""#)).unwrap_or_default();
                    let json =
                        format!(r#"{{"SourceId": "{source}", "DestinationId": "{ARN}"{subtype}, "Event": {event}}}"#);
                    all.push(
                        SendChatIntegrationEventRequest::from_json(&json)
                            .expect("the model's requests are well formed"),
                    );
                }
            }
        }
        all
    });
    let (source, subtype, kind) = indexes(source, subtype, kind);
    &all[(source * SUBTYPES.len() + subtype) * KINDS.len() + kind]
}

fn indexes(source: u8, subtype: u8, kind: u8) -> (usize, usize, usize) {
    (usize::from(source) % SOURCES.len(), usize::from(subtype) % SUBTYPES.len(), usize::from(kind) % KINDS.len())
}

/// Fails with the step and what differs.
macro_rules! ensure {
    ($cond:expr, $($why:tt)+) => {
        if !$cond {
            return Err(format!($($why)+));
        }
    };
}

macro_rules! ensure_eq {
    ($got:expr, $expected:expr, $($why:tt)+) => {{
        let (got, expected) = (&$got, &$expected);
        ensure!(got == expected, "{}: got {:?}, the model says {:?}", format!($($why)+), got, expected);
    }};
}

/// Runs the steps on a simulator and on the model; the first disagreement is the error.
pub fn check(run: &Run) -> Result<(), String> {
    let minutes: u32 = if run.long_chats { 1500 } else { 60 };
    let ignore_case = run.ignore_case;
    let settings = Settings {
        seed: run.seed,
        chat_duration_minutes: minutes,
        subtype_matching: if ignore_case { SubtypeMatching::CaseInsensitive } else { SubtypeMatching::CaseSensitive },
        ..Settings::default()
    };
    let start = settings.start.epoch_millis() as u64;
    let mut sim = Simulator::new(settings).map_err(|e| e.to_string())?;
    let mut model = Model { now: 0, duration: u64::from(minutes) * 60_000, ignore_case, contacts: Vec::new() };
    for (n, step) in run.steps.iter().enumerate() {
        match *step {
            Step::Send { source, subtype, kind } => {
                let o = sim.send(request(source, subtype, kind));
                let (source, subtype, kind) = indexes(source, subtype, kind);
                let subtype = SUBTYPES[subtype];
                let active = model.active(source, subtype);
                match (KINDS[kind], active) {
                    ("DISCONNECT", Some(i)) => {
                        ensure_eq!(o.what, What::Disconnected, "step {n}: {}", o.explanation);
                        ensure_eq!(o.contact_id, Some(model.contacts[i].id), "step {n}: disconnected contact");
                        model.contacts[i].ended = Some((model.now, EndReason::CustomerDisconnected));
                    }
                    ("DISCONNECT", None) => {
                        ensure_eq!(o.what, What::NoActiveChat, "step {n}: {}", o.explanation);
                        ensure_eq!(o.contact_id, None, "step {n}: no contact");
                    }
                    (_, Some(i)) => {
                        ensure_eq!(o.what, What::Reused, "step {n}: {}", o.explanation);
                        ensure_eq!(o.contact_id, Some(model.contacts[i].id), "step {n}: reused contact");
                        ensure!(o.follows.is_none(), "step {n}: a reused chat follows nothing");
                    }
                    (_, None) => {
                        ensure_eq!(o.what, What::Created, "step {n}: {}", o.explanation);
                        let id = o.contact_id.ok_or(format!("step {n}: a created chat without an id"))?;
                        ensure!(model.contacts.iter().all(|c| c.id != id), "step {n}: id {id} reused");
                        let expected_follows = model.last(source, subtype).and_then(|p| {
                            let (ended, reason) = model.end_of(&model.contacts[p])?;
                            Some((model.contacts[p].id, ended + start, reason))
                        });
                        let got = o.follows.map(|p| (p.contact_id, p.ended_at.epoch_millis() as u64, p.end_reason));
                        ensure_eq!(got, expected_follows, "step {n}: follows");
                        model.contacts.push(RefContact {
                            source,
                            subtype: subtype.map(String::from),
                            start: model.now,
                            ended: None,
                            id,
                        });
                    }
                }
                let says_created = o.response.body_json().contains("\"NewChatCreated\":true");
                ensure_eq!(says_created, o.what == What::Created, "step {n}: NewChatCreated");
            }
            Step::Advance { minutes } => {
                let millis = u64::from(minutes) * 60_000;
                let before: Vec<bool> = model.contacts.iter().map(|c| model.is_active(c)).collect();
                model.now += millis;
                let expected: Vec<ContactId> = model
                    .contacts
                    .iter()
                    .zip(before)
                    .filter(|(c, was)| *was && !model.is_active(c))
                    .map(|(c, _)| c.id)
                    .collect();
                let r = sim.advance_millis(millis);
                ensure_eq!(r.expired, expected, "step {n}: expired");
            }
            Step::End { pick, agent } => {
                if model.contacts.is_empty() {
                    continue;
                }
                let i = usize::from(pick) % model.contacts.len();
                let id = model.contacts[i].id;
                let by = if agent { EndedBy::Agent } else { EndedBy::Flow };
                let result = sim.end_chat(id, by);
                if model.is_active(&model.contacts[i]) {
                    let reason = if agent { EndReason::AgentDisconnected } else { EndReason::FlowDisconnected };
                    ensure_eq!(result.map(|v| v.end_reason), Ok(Some(reason)), "step {n}: end");
                    model.contacts[i].ended = Some((model.now, reason));
                } else {
                    let is_not_active = matches!(result, Err(EndChatError::NotActive { .. }));
                    ensure!(is_not_active, "step {n}: ending an ended chat must fail");
                }
            }
        }
        ensure_eq!(sim.active_chat_count(), model.active_count(), "step {n}: active count");
        ensure_eq!(sim.active_chats().len(), model.active_count(), "step {n}: active list");
    }
    // Finally every contact agrees: status, end reason and end time.
    let views = sim.contacts();
    ensure_eq!(views.len(), model.contacts.len(), "contacts");
    for (v, c) in views.iter().zip(&model.contacts) {
        ensure_eq!(v.contact_id, c.id, "contact order");
        let end = model.end_of(c);
        ensure_eq!(v.end_reason, end.map(|e| e.1), "contact {}: end reason", c.id);
        ensure_eq!(v.ended_at.map(|t| t.epoch_millis() as u64), end.map(|e| e.0 + start), "contact {}: end", c.id);
    }
    // (Snapshots are left to `snapshot_restore` and the proptest: writing and reading one took
    // two thirds of each run.)
    Ok(())
}

/// The ids one send gave.
pub type Ids = (Option<ContactId>, Option<MessageId>);

/// The ids each send gave and the final snapshot, for a seed: the same seed and steps must give the same.
pub fn play(steps: &[Step], seed: u64) -> (Vec<Ids>, String) {
    let mut sim = Simulator::new(Settings { seed, ..Settings::default() }).expect("default settings are valid");
    let mut ids = Vec::new();
    for s in steps {
        match *s {
            Step::Send { source, subtype, kind } => {
                let o = sim.send(request(source, subtype, kind));
                ids.push((o.contact_id, o.message_id));
            }
            Step::Advance { minutes } => {
                sim.advance_millis(u64::from(minutes) * 60_000);
            }
            Step::End { pick, agent } => {
                let all = sim.contacts();
                if !all.is_empty() {
                    let by = if agent { EndedBy::Agent } else { EndedBy::Flow };
                    let _ = sim.end_chat(all[usize::from(pick) % all.len()].contact_id, by);
                }
            }
        }
    }
    (ids, sim.snapshot())
}
