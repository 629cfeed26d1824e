//! An in-memory, deterministic simulator of what Amazon Connect does with a `SendChatIntegrationEvent`
//! request: create a chat or reuse the active one, end it, let it expire, or refuse the request.
//! What happens to one request is decided, then applied, in `create_or_reuse`.
//!
//! ```
//! use chat_event_core::simulator::{Settings, Simulator, What};
//! use chat_event_core::SendChatIntegrationEventRequest;
//!
//! let mut sim = Simulator::new(Settings::default()).unwrap();
//! let sms = SendChatIntegrationEventRequest::from_json(r#"{
//!     "SourceId": "+15551234567",
//!     "DestinationId": "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1",
//!     "Subtype": "connect:sms",
//!     "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "Hi"}
//! }"#).unwrap();
//! let first = sim.send(&sms);
//! assert_eq!(first.what, What::Created);
//! let second = sim.send(&sms);
//! assert_eq!(second.what, What::Reused);
//! assert_eq!(second.contact_id, first.contact_id);
//! sim.advance_millis(25 * 3_600_000);
//! let third = sim.send(&sms);
//! assert_eq!(third.what, What::Created);
//! assert_eq!(third.follows.map(|p| p.contact_id), first.contact_id);
//! ```

pub mod clock;
mod create_or_reuse;
pub mod faults;
pub mod ids;
pub mod outcome;
pub mod query;
pub mod scenario;
pub mod scenarios;
pub mod settings;
pub mod snapshot;
mod store;
mod transcript;

use std::collections::VecDeque;
use std::time::Duration;

pub use clock::{human_duration, parse_duration, Timestamp};
pub use ids::{ContactId, MessageId};
pub use outcome::{AwsResponse, EndReason, EndedBy, Explanation, Outcome, Predecessor, What};
pub use query::{AdvanceReport, ContactStatus, ContactView, EndChatError, LogEntry};
pub use scenario::{Scenario, ScenarioError, ScenarioReport, StepReport};
pub use settings::{Faults, Settings, SettingsError, SubtypeMatching, Throttling};
pub use snapshot::SnapshotError;
pub use transcript::TranscriptEntry;

use crate::content_type::{SUPPORTED_MESSAGING_CONTENT_TYPES, TEXT_PLAIN};
use crate::diagnostic::Diagnostic;
use crate::model::{NewSessionDetails, SendChatIntegrationEventRequest};
use crate::validate::codes::{self, Rule};
use create_or_reuse::Draws;
use faults::TokenBucket;
use ids::{Decoded, IdCodec, SplitMix64};
use outcome::Identity;
use store::{ChatStore, Details, IdentityRef, Standing, NONE};
use transcript::{Item, Transcripts};

/// Content type of the transcript item a customer's DISCONNECT leaves (Connect's participant-left event).
pub const PARTICIPANT_LEFT: &str = "application/vnd.amazonaws.connect.event.participant.left";

/// The simulated service. See the module documentation for an example.
#[derive(Debug, Clone)]
pub struct Simulator {
    settings: Settings,
    now: Timestamp,
    codec: IdCodec,
    rng: SplitMix64,
    bucket: Option<TokenBucket>,
    store: ChatStore,
    transcripts: Transcripts,
    log: VecDeque<LogEntry>,
    requests: u64,
    /// Validation's memory of strings it has checked (a cache: the findings are the same without it).
    validation: crate::validate::Memo,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum EventType {
    Message,
    Event,
    Disconnect,
}

impl Simulator {
    /// A simulator with these settings, its clock at `settings.start`, holding no chats.
    /// Settings out of range (such as a chat duration below 60 minutes) are refused.
    pub fn new(settings: Settings) -> Result<Simulator, SettingsError> {
        settings.check()?;
        Ok(Simulator::fresh(settings))
    }

    fn fresh(settings: Settings) -> Simulator {
        Simulator {
            now: settings.start,
            codec: IdCodec::new(settings.seed),
            rng: SplitMix64::new(settings.seed),
            bucket: None,
            store: ChatStore::default(),
            transcripts: Transcripts::new(settings.transcript_limit),
            log: VecDeque::new(),
            requests: 0,
            validation: crate::validate::Memo::default(),
            settings,
        }
    }

    /// Back to the state of [`Simulator::new`] with the same settings: no chats, the clock at its
    /// start, the generators at their seed (so the same steps give the same ids again).
    pub fn reset(&mut self) {
        *self = Simulator::fresh(self.settings.clone());
    }

    /// The settings in force.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The virtual clock.
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// Moves the clock forward; chats whose duration runs out end (reason: expired).
    pub fn advance(&mut self, by: Duration) -> AdvanceReport {
        self.advance_millis(u64::try_from(by.as_millis()).unwrap_or(u64::MAX))
    }

    /// [`Simulator::advance`] in milliseconds.
    pub fn advance_millis(&mut self, millis: u64) -> AdvanceReport {
        let from = self.now;
        self.now = self.now.plus_millis(millis);
        let expired = self.store.expire_until(self.now.epoch_millis());
        self.store.settle_cursor();
        AdvanceReport { from, to: self.now, expired: expired.into_iter().map(|i| self.codec.contact(i)).collect() }
    }

    /// Handles one request as the service would, and logs it.
    pub fn send(&mut self, request: &SendChatIntegrationEventRequest) -> Outcome {
        let outcome = self.handle(request);
        self.requests += 1;
        if self.settings.log_limit > 0 {
            self.record(request, &outcome);
        }
        outcome
    }

    /// Logs a request and its outcome.
    fn record(&mut self, request: &SendChatIntegrationEventRequest, outcome: &Outcome) {
        let limit = self.settings.log_limit as usize;
        while self.log.len() > limit {
            self.log.pop_front();
        }
        let number = self.requests;
        if self.log.len() == limit {
            // A full log: the oldest entry takes the new one's place, and its strings' buffers
            // are reused rather than freed and allocated again.
            if let Some(mut oldest) = self.log.pop_front() {
                oldest.number = number;
                copy_request(&mut oldest.request, request);
                oldest.outcome.clone_from(outcome);
                self.log.push_back(oldest);
            }
        } else {
            self.log.push_back(LogEntry { number, request: request.clone(), outcome: outcome.clone() });
        }
    }

    /// Validates, decides ([`Simulator::decide`]: create-or-reuse), then applies the decision.
    fn handle(&mut self, req: &SendChatIntegrationEventRequest) -> Outcome {
        let mut diagnostics = crate::validate::validate_with(req, &mut self.validation);
        fallback_checks(req, &mut diagnostics);
        let mut draws = Draws { bucket: self.bucket, rng: self.rng };
        let decision = self.decide(req, &diagnostics, &mut draws);
        (self.bucket, self.rng) = (draws.bucket, draws.rng);
        self.apply(decision, req, diagnostics)
    }

    /// Ends an active chat on the service's side: the agent or the flow disconnects.
    /// (Assumption: it ends at once; AWS's sample disconnect flow would first wait up to 15 minutes
    /// for the customer.)
    pub fn end_chat(&mut self, contact_id: ContactId, by: EndedBy) -> Result<ContactView, EndChatError> {
        let index = self.index_of(contact_id).ok_or(EndChatError::UnknownContact(contact_id))?;
        let now = self.now.epoch_millis();
        let c = self.store.contacts.get_mut(index as usize).ok_or(EndChatError::UnknownContact(contact_id))?;
        if c.standing != Standing::Active {
            return Err(EndChatError::NotActive {
                contact_id,
                status: if c.standing == Standing::Expired { ContactStatus::Expired } else { ContactStatus::Ended },
                ended_at: Timestamp::from_epoch_millis(c.ended).unwrap_or_default(),
            });
        }
        c.standing = match by {
            EndedBy::Agent => Standing::AgentDisconnected,
            EndedBy::Flow => Standing::FlowDisconnected,
        };
        c.ended = now;
        self.store.active -= 1;
        self.store.settle_cursor();
        self.view(index).ok_or(EndChatError::UnknownContact(contact_id))
    }

    fn index_of(&self, id: ContactId) -> Option<u32> {
        match self.codec.decode_id(id.0)? {
            Decoded::Contact(i) if (i as usize) < self.store.contacts.len() => Some(i),
            _ => None,
        }
    }

    /// How many chats are active.
    pub fn active_chat_count(&self) -> usize {
        self.store.active
    }

    /// The active chats, oldest first.
    pub fn active_chats(&self) -> Vec<ContactView> {
        (self.store.expiry_cursor..self.store.contacts.len())
            .filter(|&i| self.store.contacts.get(i).is_some_and(|c| c.standing == Standing::Active))
            .filter_map(|i| self.view(i as u32))
            .collect()
    }

    /// Every contact ever created (since the start or the last reset), oldest first.
    pub fn contacts(&self) -> Vec<ContactView> {
        (0..self.store.contacts.len() as u32).filter_map(|i| self.view(i)).collect()
    }

    /// How many contacts were created.
    pub fn contact_count(&self) -> usize {
        self.store.contacts.len()
    }

    /// One contact, by id.
    pub fn contact(&self, id: ContactId) -> Option<ContactView> {
        self.view(self.index_of(id)?)
    }

    /// The active chat of an identity, if there is one (Subtype compared per the settings).
    pub fn active_contact_for(
        &self,
        source_id: &str,
        destination_id: &str,
        subtype: Option<&str>,
    ) -> Option<ContactView> {
        let subtype = subtype.map(|s| self.match_form(s));
        let who = IdentityRef { source: source_id, destination: destination_id, subtype: subtype.as_deref() };
        self.view(self.store.active_of(&who, who.hash())?)
    }

    /// A contact's transcript: its newest messages and events, up to `transcriptLimit`, oldest first.
    /// `None` for an unknown contact.
    pub fn transcript(&self, id: ContactId) -> Option<Vec<TranscriptEntry>> {
        let index = self.index_of(id)?;
        Some(self.transcripts.items(index).map(|item| self.entry(index, item)).collect())
    }

    fn entry(&self, index: u32, item: &Item) -> TranscriptEntry {
        TranscriptEntry {
            message_id: self.codec.item(index, item.item, item.is_message),
            at: Timestamp::from_epoch_millis(item.at).unwrap_or_default(),
            event_type: item.event_type.as_str().to_string(),
            content_type: item.content_type.as_deref().map(Into::into),
            content: item.content.as_deref().map(Into::into),
        }
    }

    /// The newest requests (up to `logLimit`) with their outcomes, oldest first.
    pub fn log(&self) -> Vec<LogEntry> {
        self.log.iter().cloned().collect()
    }

    /// How many requests were sent since the start or the last reset.
    pub fn request_count(&self) -> u64 {
        self.requests
    }

    fn view(&self, index: u32) -> Option<ContactView> {
        let c = self.store.contacts.get(index as usize)?;
        let s = &self.store.strings;
        let details = self.store.details.get(c.details as usize);
        let (status, end_reason) = match c.standing {
            Standing::Active => (ContactStatus::Active, None),
            Standing::Expired => (ContactStatus::Expired, Some(EndReason::Expired)),
            other => (ContactStatus::Ended, end_reason(other)),
        };
        Some(ContactView {
            contact_id: self.codec.contact(index),
            source_id: s.get(c.key.source).to_string(),
            destination_id: s.get(c.key.destination).to_string(),
            subtype: (c.subtype_written != NONE).then(|| s.get(c.subtype_written).to_string()),
            status,
            end_reason,
            started_at: Timestamp::from_epoch_millis(c.started).ok()?,
            expires_at: Timestamp::from_epoch_millis(c.expires).ok()?,
            ended_at: if status == ContactStatus::Active { None } else { Timestamp::from_epoch_millis(c.ended).ok() },
            follows: (c.follows != NONE).then(|| self.codec.contact(c.follows)),
            display_name: details.and_then(|d| d.display_name.as_deref().map(Into::into)),
            attributes: details.and_then(|d| d.attributes.clone()),
            streaming_endpoint_arn: details.and_then(|d| d.streaming_endpoint_arn.as_deref().map(Into::into)),
            supported_messaging_content_types: enabled_types(c.content_types),
            message_count: c.items,
        })
    }

    /// Heap bytes held by the chat store (identity strings, contact records, indexes), for the
    /// memory figures; transcripts and the log are not included.
    pub fn store_heap_bytes(&self) -> usize {
        self.store.heap_bytes()
    }
}

/// The identity and findings of the request being handled.
struct Ctx<'a> {
    source: &'a str,
    destination: &'a str,
    subtype: Option<&'a str>,
    diagnostics: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn ident(&self) -> Identity<'_> {
        Identity { source: self.source, destination: self.destination, subtype: self.subtype }
    }

    /// `+15551234567 → arn:… (connect:sms)`, or `(no Subtype)`.
    fn identity(&self) -> String {
        self.ident().text()
    }
}

fn end_reason(standing: Standing) -> Option<EndReason> {
    match standing {
        Standing::Active => None,
        Standing::CustomerDisconnected => Some(EndReason::CustomerDisconnected),
        Standing::AgentDisconnected => Some(EndReason::AgentDisconnected),
        Standing::FlowDisconnected => Some(EndReason::FlowDisconnected),
        Standing::Expired => Some(EndReason::Expired),
    }
}

/// The content types a new chat enables: text/plain always, plus the known ones listed.
fn content_types_mask(nsd: Option<&NewSessionDetails>) -> u8 {
    let mut mask = 1u8 << SUPPORTED_MESSAGING_CONTENT_TYPES.iter().position(|t| *t == TEXT_PLAIN).unwrap_or(0);
    for t in nsd.and_then(|n| n.supported_messaging_content_types.as_deref()).unwrap_or_default() {
        if let Some(b) = content_type_bit(t) {
            mask |= 1 << b;
        }
    }
    mask
}

/// The bit of a known messaging content type in a contact's mask.
fn content_type_bit(t: &str) -> Option<usize> {
    SUPPORTED_MESSAGING_CONTENT_TYPES.iter().position(|k| *k == t)
}

fn enabled_types(mask: u8) -> Vec<String> {
    SUPPORTED_MESSAGING_CONTENT_TYPES
        .iter()
        .enumerate()
        .filter(|(b, _)| mask & (1 << b) != 0)
        .map(|(_, t)| t.to_string())
        .collect()
}

fn details_of(nsd: &NewSessionDetails) -> Details {
    Details {
        display_name: nsd.participant_details.as_ref().and_then(|p| p.display_name.as_deref()).map(Into::into),
        attributes: nsd.attributes.clone(),
        streaming_endpoint_arn: nsd
            .streaming_configuration
            .as_ref()
            .and_then(|s| s.streaming_endpoint_arn.as_deref())
            .map(Into::into),
    }
}

/// `*to = from.clone()`, reusing `to`'s string buffers (`Option<String>::clone_from` keeps the buffer
/// when both sides are `Some`).
fn copy_request(to: &mut SendChatIntegrationEventRequest, from: &SendChatIntegrationEventRequest) {
    to.source_id.clone_from(&from.source_id);
    to.destination_id.clone_from(&from.destination_id);
    to.subtype.clone_from(&from.subtype);
    match (&mut to.event, &from.event) {
        (Some(t), Some(f)) => {
            t.r#type.clone_from(&f.r#type);
            t.content_type.clone_from(&f.content_type);
            t.content.clone_from(&f.content);
        }
        (t, f) => t.clone_from(f),
    }
    to.new_session_details.clone_from(&from.new_session_details);
}

/// The few checks the simulator cannot do without, in case the validator did not report them:
/// the identity and the event type. They match the validator's rules (required members, the enum).
fn fallback_checks(req: &SendChatIntegrationEventRequest, diagnostics: &mut Vec<Diagnostic>) {
    // The usual case, answered at once: everything the checks below require is there.
    if req.source_id.is_some() && req.destination_id.is_some() {
        if let Some(e) = &req.event {
            match (e.r#type.as_deref(), &e.content_type) {
                (Some("DISCONNECT"), _) | (Some("MESSAGE" | "EVENT"), Some(_)) => return,
                _ => {}
            }
        }
    }
    let mut require = |path: &str, present: bool, rule: Rule, message: &str| {
        if !present && !diagnostics.iter().any(|d| d.is_error() && d.path == path) {
            diagnostics.push(rule.diagnostic(path, message.into()));
        }
    };
    require("SourceId", req.source_id.is_some(), codes::REQUIRED, "Missing required parameter SourceId");
    require("DestinationId", req.destination_id.is_some(), codes::REQUIRED, "Missing required parameter DestinationId");
    require("Event", req.event.is_some(), codes::REQUIRED, "Missing required parameter Event");
    if let Some(e) = &req.event {
        require("Event.Type", e.r#type.is_some(), codes::REQUIRED, "Missing required parameter Event.Type");
        if let Some(t) = e.r#type.as_deref() {
            require(
                "Event.Type",
                crate::shape::EVENT_TYPES.contains(&t),
                codes::ENUM,
                "must be one of DISCONNECT, MESSAGE, EVENT",
            );
        }
        let needs_type = matches!(e.r#type.as_deref(), Some("MESSAGE" | "EVENT"));
        require(
            "Event.ContentType",
            !needs_type || e.content_type.is_some(),
            codes::CONTENT_TYPE_REQUIRED,
            "ContentType is required when Type is MESSAGE or EVENT",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(json: &str) -> SendChatIntegrationEventRequest {
        SendChatIntegrationEventRequest::from_json(json).unwrap()
    }

    /// A full log overwrites its oldest entry in place; what it holds must be exactly what was sent
    /// and answered, whatever the shapes of the entry it overwrote.
    #[test]
    fn a_full_log_holds_exact_copies_of_the_newest_requests() {
        let mut sim = Simulator::new(Settings { log_limit: 2, ..Settings::default() }).unwrap();
        let dest = "arn:aws:sms-voice:us-east-1:111122223333:phone-number/p";
        let requests = [
            request(&format!(
                r#"{{"SourceId":"+15551234567","DestinationId":"{dest}","Subtype":"connect:sms","Event":{{"Type":"MESSAGE","ContentType":"text/plain","Content":"a much longer first message"}}}}"#
            )),
            request(&format!(
                r#"{{"SourceId":"+15551234568","DestinationId":"{dest}","Event":{{"Type":"DISCONNECT"}}}}"#
            )),
            request(r#"{"SourceId":"","Event":{"Type":"message"}}"#),
            request(&format!(
                r#"{{"SourceId":"+1","DestinationId":"{dest}","Subtype":"connect:WhatsApp","Event":{{"Type":"MESSAGE","ContentType":"text/plain","Content":"hi"}},
                "NewSessionDetails":{{"ParticipantDetails":{{"DisplayName":"Ana"}},"Attributes":{{"k":"v"}}}}}}"#
            )),
            request(&format!(
                r#"{{"SourceId":"+15551234567","DestinationId":"{dest}","Subtype":"connect:sms","Event":{{"Type":"MESSAGE","ContentType":"text/plain","Content":"b"}}}}"#
            )),
            request(&format!(
                r#"{{"SourceId":"+15551234567","DestinationId":"{dest}","Subtype":"connect:sms","Event":{{"Type":"MESSAGE","ContentType":"text/plain","Content":"c"}}}}"#
            )),
        ];
        let mut answered = Vec::new();
        for (n, r) in requests.iter().enumerate() {
            answered.push(sim.send(r));
            let log = sim.log();
            let first = (n + 1).saturating_sub(2);
            assert_eq!(log.len(), n + 1 - first);
            for (entry, k) in log.iter().zip(first..) {
                assert_eq!(entry.number, k as u64 + 1);
                assert_eq!(entry.request, requests[k], "after request {n}");
                assert_eq!(entry.outcome, answered[k], "after request {n}");
                assert_eq!(entry.outcome.response, answered[k].response, "after request {n}");
            }
        }
    }
}
