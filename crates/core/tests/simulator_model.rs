//! Model-based property test: random step sequences run against the simulator and against a tiny
//! reference model written here, as plainly as possible (a list of contacts, linear scans, expiry
//! computed from the clock on every question). Every outcome is compared.

use chat_event_core::simulator::{
    ContactId, EndChatError, EndReason, EndedBy, Settings, Simulator, SubtypeMatching, What,
};
use chat_event_core::SendChatIntegrationEventRequest;
use proptest::prelude::*;

const ARN: &str = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef";
const SOURCES: [&str; 2] = ["+15550000001", "+15550000002"];
const SUBTYPES: [Option<&str>; 3] = [Some("connect:sms"), Some("connect:SMS"), None];
const KINDS: [&str; 3] = ["MESSAGE", "EVENT", "DISCONNECT"];

#[derive(Debug, Clone)]
enum Step {
    Send { source: usize, subtype: usize, kind: usize },
    Advance { minutes: u64 },
    End { pick: usize, agent: bool },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => (0..2usize, 0..3usize, 0..3usize).prop_map(|(source, subtype, kind)| Step::Send { source, subtype, kind }),
        2 => prop_oneof![0..5u64, 50..70u64, 1400..1600u64].prop_map(|minutes| Step::Advance { minutes }),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(pick, agent)| Step::End { pick, agent }),
    ]
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

fn request(source: usize, subtype: Option<&str>, kind: &str) -> SendChatIntegrationEventRequest {
    let event = match kind {
        "MESSAGE" => {
            serde_json::json!({"Type": "MESSAGE", "ContentType": "text/plain", "Content": "hi"})
        }
        "EVENT" => {
            serde_json::json!({"Type": "EVENT", "ContentType": "application/vnd.amazonaws.connect.event.typing"})
        }
        _ => serde_json::json!({"Type": "DISCONNECT"}),
    };
    let mut v = serde_json::json!({"SourceId": SOURCES[source], "DestinationId": ARN, "Event": event});
    if let Some(s) = subtype {
        v["Subtype"] = s.into();
    }
    chat_event_core::json::read::read(&v).unwrap()
}

fn run(steps: &[Step], ignore_case: bool, minutes: u32, seed: u64) -> Result<(), TestCaseError> {
    let settings = Settings {
        seed,
        chat_duration_minutes: minutes,
        subtype_matching: if ignore_case { SubtypeMatching::CaseInsensitive } else { SubtypeMatching::CaseSensitive },
        ..Settings::default()
    };
    let start = settings.start.epoch_millis() as u64;
    let mut sim = Simulator::new(settings).unwrap();
    let mut model = Model { now: 0, duration: u64::from(minutes) * 60_000, ignore_case, contacts: Vec::new() };
    for (n, step) in steps.iter().enumerate() {
        match *step {
            Step::Send { source, subtype, kind } => {
                let subtype = SUBTYPES[subtype];
                let kind = KINDS[kind];
                let o = sim.send(&request(source, subtype, kind));
                let active = model.active(source, subtype);
                match (kind, active) {
                    ("DISCONNECT", Some(i)) => {
                        prop_assert_eq!(o.what, What::Disconnected, "step {}: {}", n, o.explanation);
                        prop_assert_eq!(o.contact_id, Some(model.contacts[i].id));
                        model.contacts[i].ended = Some((model.now, EndReason::CustomerDisconnected));
                    }
                    ("DISCONNECT", None) => {
                        prop_assert_eq!(o.what, What::NoActiveChat, "step {}: {}", n, o.explanation);
                        prop_assert_eq!(o.contact_id, None);
                    }
                    (_, Some(i)) => {
                        prop_assert_eq!(o.what, What::Reused, "step {}: {}", n, o.explanation);
                        prop_assert_eq!(o.contact_id, Some(model.contacts[i].id));
                        prop_assert!(o.follows.is_none());
                    }
                    (_, None) => {
                        prop_assert_eq!(o.what, What::Created, "step {}: {}", n, o.explanation);
                        let id = o.contact_id.unwrap();
                        prop_assert!(model.contacts.iter().all(|c| c.id != id), "step {}: id {} reused", n, id);
                        let expected_follows = model.last(source, subtype).map(|p| {
                            let (ended, reason) = model.end_of(&model.contacts[p]).unwrap();
                            (model.contacts[p].id, ended + start, reason)
                        });
                        let got = o.follows.map(|p| (p.contact_id, p.ended_at.epoch_millis() as u64, p.end_reason));
                        prop_assert_eq!(got, expected_follows, "step {}: follows", n);
                        model.contacts.push(RefContact {
                            source,
                            subtype: subtype.map(String::from),
                            start: model.now,
                            ended: None,
                            id,
                        });
                    }
                }
                prop_assert_eq!(o.response.body_json().contains("\"NewChatCreated\":true"), o.what == What::Created);
            }
            Step::Advance { minutes } => {
                let before: Vec<bool> = model.contacts.iter().map(|c| model.is_active(c)).collect();
                model.now += minutes * 60_000;
                let expected: Vec<ContactId> = model
                    .contacts
                    .iter()
                    .zip(before)
                    .filter(|(c, was)| *was && !model.is_active(c))
                    .map(|(c, _)| c.id)
                    .collect();
                let r = sim.advance_millis(minutes * 60_000);
                prop_assert_eq!(r.expired, expected, "step {}: expired", n);
            }
            Step::End { pick, agent } => {
                if model.contacts.is_empty() {
                    continue;
                }
                let i = pick % model.contacts.len();
                let id = model.contacts[i].id;
                let by = if agent { EndedBy::Agent } else { EndedBy::Flow };
                let result = sim.end_chat(id, by);
                if model.is_active(&model.contacts[i]) {
                    let reason = if agent { EndReason::AgentDisconnected } else { EndReason::FlowDisconnected };
                    prop_assert_eq!(result.map(|v| v.end_reason), Ok(Some(reason)), "step {}", n);
                    model.contacts[i].ended = Some((model.now, reason));
                } else {
                    let is_not_active = matches!(result, Err(EndChatError::NotActive { .. }));
                    prop_assert!(is_not_active, "step {}: ending an ended chat must fail", n);
                }
            }
        }
        prop_assert_eq!(sim.active_chat_count(), model.active_count(), "step {}: active count", n);
        prop_assert_eq!(sim.active_chats().len(), model.active_count(), "step {}: active list", n);
    }
    // Finally every contact agrees: status, end reason and end time.
    let views = sim.contacts();
    prop_assert_eq!(views.len(), model.contacts.len());
    for (v, c) in views.iter().zip(&model.contacts) {
        prop_assert_eq!(v.contact_id, c.id);
        let end = model.end_of(c);
        prop_assert_eq!(v.end_reason, end.map(|e| e.1));
        prop_assert_eq!(v.ended_at.map(|t| t.epoch_millis() as u64), end.map(|e| e.0 + start));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn simulator_agrees_with_the_reference_model(
        steps in prop::collection::vec(step(), 1..60),
        ignore_case in any::<bool>(),
        minutes in prop_oneof![Just(60u32), Just(1500u32)],
        seed in 0..4u64,
    ) {
        run(&steps, ignore_case, minutes, seed)?;
    }

    #[test]
    fn same_seed_and_steps_give_the_same_ids_and_snapshots(
        steps in prop::collection::vec(step(), 1..40),
        seed in any::<u64>(),
    ) {
        let play = |seed: u64| {
            let mut sim = Simulator::new(Settings { seed, ..Settings::default() }).unwrap();
            let mut ids = Vec::new();
            for s in &steps {
                match *s {
                    Step::Send { source, subtype, kind } => {
                        let o = sim.send(&request(source, SUBTYPES[subtype], KINDS[kind]));
                        ids.push((o.contact_id, o.message_id));
                    }
                    Step::Advance { minutes } => { sim.advance_millis(minutes * 60_000); }
                    Step::End { pick, agent } => {
                        let all = sim.contacts();
                        if !all.is_empty() {
                            let by = if agent { EndedBy::Agent } else { EndedBy::Flow };
                            let _ = sim.end_chat(all[pick % all.len()].contact_id, by);
                        }
                    }
                }
            }
            (ids, sim.snapshot())
        };
        let (a, snap_a) = play(seed);
        let (b, snap_b) = play(seed);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(&snap_a, &snap_b);
        // And the snapshot restores to the same state.
        let restored = Simulator::restore(&snap_a).unwrap();
        prop_assert_eq!(restored.snapshot(), snap_a);
        if a.iter().any(|(c, _)| c.is_some()) {
            let (other, _) = play(seed.wrapping_add(1));
            prop_assert_ne!(a, other, "another seed gives other ids");
        }
    }
}
