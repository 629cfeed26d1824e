//! Create-or-reuse: what the service does with one `SendChatIntegrationEvent`, decided first and
//! applied after.
//!
//! SourceId, DestinationId and Subtype name one chat. [`Simulator::decide`] reads the simulator
//! and the request, changes nothing, and returns a [`Decision`]:
//! - refuse the request, with the service's error (the caller is not End User Messaging, the
//!   throttle, an unknown destination, a simulated internal error, a content type the chat does not
//!   enable, a receipt that names no message of the chat, the cap on active chats), or because it
//!   is invalid;
//! - a DISCONNECT ends the active chat, or finds none;
//! - a MESSAGE or EVENT goes to the active chat (reuse), or creates one, which follows the
//!   identity's previous contact when there was one.
//!
//! [`Simulator::apply`] then carries the decision out (the chat store, the transcript, the ids) and
//! writes the [`Outcome`] with its explanation.

use std::borrow::Cow;

use super::faults::{self, TokenBucket};
use super::ids::{self, Decoded, SplitMix64};
use super::outcome::Identity;
use super::store::{ContactRecord, IdentityRef, Standing, NONE};
use super::transcript::{self, Item};
use super::{
    content_type_bit, content_types_mask, details_of, enabled_types, human_duration, AwsResponse, ContactId, Ctx,
    EventType, Explanation, MessageId, Outcome, Predecessor, Simulator, SubtypeMatching, Timestamp, What,
    PARTICIPANT_LEFT,
};
use crate::content_type;
use crate::diagnostic::Diagnostic;
use crate::model::{ErrorType, SendChatIntegrationEventRequest, SendChatIntegrationEventResponse, ServiceError};

/// What the service does with one request.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Decision<'r> {
    /// Refused with a service error; nothing happens. (Boxed: the common decisions stay small.)
    Refuse(Box<Refusal>),
    /// Refused as invalid (InvalidRequestException), from validation's errors.
    Invalid,
    /// A DISCONNECT ends the active chat (its index in the store).
    Disconnect { chat: u32 },
    /// A DISCONNECT finds no active chat: nothing happens. `last` is the identity's newest contact.
    NoActiveChat { last: Option<u32> },
    /// A MESSAGE or EVENT goes to the active chat.
    Reuse { chat: u32 },
    /// A MESSAGE or EVENT creates a chat, which follows the identity's newest contact, if any (ended).
    /// `subtype_key` is the Subtype as it is matched (see [`SubtypeMatching`]).
    Create { follows: Option<u32>, subtype_key: Option<Cow<'r, str>> },
}

/// A refusal: the service's error and the simulator's explanation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Refusal {
    pub what: What,
    pub error: ErrorType,
    pub message: String,
    pub explanation: String,
    /// The outcome shows validation's findings (warnings) too: true for refusals after validation.
    pub after_validation: bool,
}

impl Refusal {
    fn new(what: What, error: ErrorType, message: String, explanation: String) -> Box<Refusal> {
        Box::new(Refusal { what, error, message, explanation, after_validation: true })
    }

    fn invalid_request(what: What, message: String, explanation: String) -> Box<Refusal> {
        Refusal::new(what, ErrorType::InvalidRequestException, message, explanation)
    }

    /// A refusal the service makes before it looks at the request.
    fn before_validation(mut self: Box<Self>) -> Box<Refusal> {
        self.after_validation = false;
        self
    }
}

/// What a decision draws from and moves on: the throttle's token bucket and the generator of
/// simulated internal errors. [`Simulator::decide`] is given a copy and moves it; the caller keeps
/// the new state with the decision.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Draws {
    pub bucket: Option<TokenBucket>,
    pub rng: SplitMix64,
}

impl Simulator {
    /// Decides what the service does with `req`, given validation's findings: create-or-reuse, or
    /// a refusal. Reads the simulator and changes nothing in it (only `draws`).
    pub(crate) fn decide<'r>(
        &self,
        req: &'r SendChatIntegrationEventRequest,
        diagnostics: &[Diagnostic],
        draws: &mut Draws,
    ) -> Decision<'r> {
        let now = self.now.epoch_millis();
        let faults = &self.settings.faults;
        if faults.access_denied {
            return Decision::Refuse(
                Refusal::new(
                    What::AccessDenied,
                    ErrorType::AccessDeniedException,
                    faults::ACCESS_DENIED_MESSAGE.into(),
                    "Access denied: the faults.accessDenied setting plays a caller other than AWS End User Messaging, \
                     the only caller this API accepts, so nothing happened."
                        .into(),
                )
                .before_validation(),
            );
        }
        if let Some(cfg) = faults.throttling {
            let bucket = draws.bucket.get_or_insert_with(|| TokenBucket::full(cfg, now));
            if let Err(wait) = bucket.take(cfg, now) {
                let explanation = format!(
                    "Throttled: the token bucket ({} requests/s, burst {}) is empty, so nothing happened; the next token comes in {}.",
                    crate::json::number_text(cfg.rate_per_second),
                    cfg.burst,
                    human_duration(wait)
                );
                return Decision::Refuse(
                    Refusal::new(
                        What::Throttled,
                        ErrorType::ThrottlingException,
                        faults::THROTTLED_MESSAGE.into(),
                        explanation,
                    )
                    .before_validation(),
                );
            }
        }
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Decision::Invalid;
        }
        // Validation (with its fallback checks) guarantees these.
        let (Some(source), Some(destination), Some(event)) =
            (req.source_id.as_deref(), req.destination_id.as_deref(), req.event.as_ref())
        else {
            return Decision::Invalid;
        };
        let event_type = match event.r#type.as_deref() {
            Some("MESSAGE") => EventType::Message,
            Some("EVENT") => EventType::Event,
            Some("DISCONNECT") => EventType::Disconnect,
            _ => return Decision::Invalid,
        };
        if let Some(list) = &faults.destinations {
            if !list.iter().any(|d| d == destination) {
                let explanation = format!(
                    "DestinationId {destination} is not one of the {} configured destinations (faults.destinations), so the service answers ResourceNotFoundException and nothing happened.",
                    list.len()
                );
                return Decision::Refuse(Refusal::new(
                    What::DestinationNotFound,
                    ErrorType::ResourceNotFoundException,
                    "The specified DestinationId was not found.".into(),
                    explanation,
                ));
            }
        }
        let p = faults.internal_error_probability;
        if p > 0.0 && draws.rng.next_f64() < p {
            let explanation = format!(
                "A simulated internal error (faults.internalErrorProbability {}, drawn from the seeded generator): nothing happened; clients retry these.",
                crate::json::number_text(p)
            );
            return Decision::Refuse(Refusal::new(
                What::InternalError,
                ErrorType::InternalServiceException,
                faults::INTERNAL_ERROR_MESSAGE.into(),
                explanation,
            ));
        }

        // The chat the three members name: its newest contact, and whether that one is active.
        let subtype_key: Option<Cow<str>> = req.subtype.as_deref().map(|s| self.match_form(s));
        let key = IdentityRef { source, destination, subtype: subtype_key.as_deref() };
        let newest = self.store.newest_of(&key, key.hash());
        let active =
            newest.filter(|&i| self.store.contacts.get(i as usize).is_some_and(|c| c.standing == Standing::Active));
        let who = Identity { source, destination, subtype: req.subtype.as_deref() };

        match (event_type, active) {
            (EventType::Disconnect, Some(chat)) => return Decision::Disconnect { chat },
            (EventType::Disconnect, None) => return Decision::NoActiveChat { last: newest },
            _ => {}
        }
        let content_type = event.content_type.as_deref();
        if event_type == EventType::Message {
            let enabled = match active {
                Some(i) => self.store.contacts.get(i as usize).map_or(1, |c| c.content_types),
                None => content_types_mask(req.new_session_details.as_ref()),
            };
            let ct = content_type.unwrap_or("");
            if content_type_bit(ct).is_none_or(|b| enabled & (1 << b) == 0) {
                return Decision::Refuse(self.content_type_not_enabled(ct, enabled, active, &who));
            }
        }
        if event_type == EventType::Event && content_type.is_some_and(content_type::is_receipt) {
            if let Some(refusal) = self.check_receipt(event.content.as_deref(), active, &who) {
                return Decision::Refuse(refusal);
            }
        }
        if let Some(chat) = active {
            return Decision::Reuse { chat };
        }
        if let Some(cap) = faults.max_active_chats {
            if self.store.active >= cap as usize {
                let explanation = format!(
                    "No active chat for {}, and creating one would exceed the cap of {cap} concurrent active chats (faults.maxActiveChats), so nothing was created. \
                     This API declares no LimitExceededException, so the simulator answers ThrottlingException (HTTP 429), an assumption.",
                    who.text()
                );
                return Decision::Refuse(Refusal::new(
                    What::ActiveChatLimit,
                    ErrorType::ThrottlingException,
                    format!("The maximum number of concurrent active chats ({cap}) has been reached."),
                    explanation,
                ));
            }
        }
        Decision::Create { follows: newest, subtype_key }
    }

    /// Carries out a decision and writes its outcome.
    pub(crate) fn apply(
        &mut self,
        decision: Decision<'_>,
        req: &SendChatIntegrationEventRequest,
        diagnostics: Vec<Diagnostic>,
    ) -> Outcome {
        // Every decision but a refusal was made on a request with these members (see `decide`).
        let ctx = |diagnostics| Ctx {
            source: req.source_id.as_deref().unwrap_or_default(),
            destination: req.destination_id.as_deref().unwrap_or_default(),
            subtype: req.subtype.as_deref(),
            diagnostics,
        };
        let is_message = req.event.as_ref().and_then(|e| e.r#type.as_deref()) == Some("MESSAGE");
        match decision {
            Decision::Refuse(r) => {
                let diagnostics = if r.after_validation { diagnostics } else { Vec::new() };
                self.reject(r.what, r.error, r.message, r.explanation, diagnostics)
            }
            Decision::Invalid => self.invalid(diagnostics),
            Decision::Disconnect { chat } => self.disconnect(chat, req.new_session_details.is_some(), ctx(diagnostics)),
            Decision::NoActiveChat { last } => self.no_active_chat(last, ctx(diagnostics)),
            Decision::Reuse { chat } => self.reuse(chat, is_message, req, ctx(diagnostics)),
            Decision::Create { follows, subtype_key } => {
                self.create(follows, subtype_key, is_message, req, ctx(diagnostics))
            }
        }
    }

    /// A DISCONNECT for an identity with no active chat: the response has no InitialContactId.
    fn no_active_chat(&mut self, last: Option<u32>, ctx: Ctx) -> Outcome {
        let mut explanation = format!(
            "DISCONNECT for {} found no active chat, so nothing was created and InitialContactId is absent",
            ctx.identity()
        );
        match last.and_then(|i| self.predecessor(i)) {
            Some(p) => {
                explanation.push_str(&format!(
                    "; the last one, {}, ended at {} ({}).",
                    p.contact_id,
                    p.ended_at,
                    p.end_reason.phrase()
                ));
            }
            None => explanation.push('.'),
        }
        self.success(What::NoActiveChat, None, None, false, None, explanation.into(), ctx.diagnostics)
    }

    /// The form of a Subtype used for matching.
    pub(crate) fn match_form<'a>(&self, subtype: &'a str) -> Cow<'a, str> {
        match self.settings.subtype_matching {
            SubtypeMatching::CaseSensitive => Cow::Borrowed(subtype),
            // ASCII folding only: Unicode's case tables would cost ~15 KB of wasm, and AWS's
            // subtypes are ASCII (see `SubtypeMatching::CaseInsensitive`).
            SubtypeMatching::CaseInsensitive if subtype.bytes().any(|b| b.is_ascii_uppercase()) => {
                Cow::Owned(subtype.to_ascii_lowercase())
            }
            SubtypeMatching::CaseInsensitive => Cow::Borrowed(subtype),
        }
    }

    fn disconnect(&mut self, index: u32, nsd_sent: bool, ctx: Ctx) -> Outcome {
        let now = self.now.epoch_millis();
        let message_id = self.next_item(index, false, transcript::EventType::Disconnect, Some(PARTICIPANT_LEFT), None);
        let Some(c) = self.store.contacts.get_mut(index as usize) else {
            return self.capacity_error(ctx.diagnostics);
        };
        c.standing = Standing::CustomerDisconnected;
        c.ended = now;
        let started = c.started;
        self.store.active -= 1;
        self.store.settle_cursor();
        let id = self.codec.contact(index);
        let mut explanation = format!(
            "The customer disconnected: chat {id} for {} ended after {}. The response names it and NewChatCreated is false.",
            ctx.identity(),
            human_duration(u64::try_from(now - started).unwrap_or(0))
        );
        if nsd_sent {
            explanation.push_str(" NewSessionDetails was ignored: it only applies when a chat is created.");
        }
        self.success(What::Disconnected, Some(id), None, nsd_sent, message_id, explanation.into(), ctx.diagnostics)
    }

    fn reuse(&mut self, index: u32, is_message: bool, req: &SendChatIntegrationEventRequest, ctx: Ctx) -> Outcome {
        let message_id = self.record_event(index, is_message, req);
        let Some(c) = self.store.contacts.get(index as usize) else {
            return self.capacity_error(ctx.diagnostics);
        };
        let id = self.codec.contact(index);
        let nsd_sent = req.new_session_details.is_some();
        // The busiest path: the explanation keeps its facts and is written only if read.
        let explanation = Explanation::reused(
            id,
            ctx.ident(),
            Timestamp::from_epoch_millis(c.started).unwrap_or_default(),
            Timestamp::from_epoch_millis(c.expires).unwrap_or_default(),
            is_message,
            nsd_sent,
        );
        self.success(What::Reused, Some(id), None, nsd_sent, message_id, explanation, ctx.diagnostics)
    }

    /// Creates a chat; `previous` is the identity's newest contact, which has ended.
    fn create(
        &mut self,
        previous: Option<u32>,
        subtype_key: Option<Cow<str>>,
        is_message: bool,
        req: &SendChatIntegrationEventRequest,
        ctx: Ctx,
    ) -> Outcome {
        let interned = self.store.intern_identity(ctx.source, ctx.destination, subtype_key.as_deref(), ctx.subtype);
        let (Some((key, subtype_written)), Ok(index)) = (interned, u32::try_from(self.store.contacts.len())) else {
            return self.capacity_error(ctx.diagnostics);
        };
        if index == NONE {
            return self.capacity_error(ctx.diagnostics);
        }
        let nsd = req.new_session_details.as_ref();
        let details_index = match nsd {
            Some(nsd) => self.store.add_details(details_of(nsd)),
            None => NONE,
        };
        let now = self.now.epoch_millis();
        let duration = self.settings.chat_duration_millis();
        let expires = self.now.plus_millis(duration).epoch_millis();
        self.store.contacts.push(ContactRecord {
            key,
            subtype_written,
            started: now,
            expires,
            ended: 0,
            follows: previous.unwrap_or(NONE),
            details: details_index,
            items: 0,
            standing: Standing::Active,
            content_types: content_types_mask(nsd),
        });
        self.store.set_newest(index);
        self.store.active += 1;
        self.store.settle_cursor();

        let message_id = self.record_event(index, is_message, req);
        let id = self.codec.contact(index);
        let follows = previous.and_then(|p| self.predecessor(p));
        let explanation = Explanation::created(
            id,
            ctx.ident(),
            follows,
            nsd.is_some(),
            Timestamp::from_epoch_millis(expires).unwrap_or_default(),
            duration,
        );
        self.success(What::Created, Some(id), follows, false, message_id, explanation, ctx.diagnostics)
    }

    /// Adds the request's MESSAGE or EVENT to the chat's transcript and gives it its id.
    fn record_event(
        &mut self,
        index: u32,
        is_message: bool,
        req: &SendChatIntegrationEventRequest,
    ) -> Option<MessageId> {
        let event = req.event.as_ref();
        let event_type = if is_message { transcript::EventType::Message } else { transcript::EventType::Event };
        self.next_item(
            index,
            is_message,
            event_type,
            event.and_then(|e| e.content_type.as_deref()),
            event.and_then(|e| e.content.as_deref()),
        )
    }

    /// Assigns the next item id in a chat and records the item in the transcript.
    fn next_item(
        &mut self,
        index: u32,
        is_message: bool,
        event_type: transcript::EventType,
        content_type: Option<&str>,
        content: Option<&str>,
    ) -> Option<MessageId> {
        let c = self.store.contacts.get_mut(index as usize)?;
        if c.items >= ids::MAX_ITEM {
            return None;
        }
        c.items += 1;
        let item = c.items;
        if self.transcripts.limit > 0 {
            self.transcripts.push(
                index,
                Item {
                    item,
                    is_message,
                    at: self.now.epoch_millis(),
                    event_type,
                    content_type: content_type.map(transcript::stored_content_type),
                    content: content.map(Into::into),
                },
            );
        }
        Some(self.codec.item(index, item, is_message))
    }

    /// A read or delivered receipt must name a message of the active chat.
    fn check_receipt(&self, content: Option<&str>, active: Option<u32>, who: &Identity<'_>) -> Option<Box<Refusal>> {
        let named = content.and_then(crate::receipt::message_id);
        let Some(named) = named else {
            return Some(Refusal::invalid_request(
                What::UnknownReceiptTarget,
                "Receipt content must be JSON with a messageId.".into(),
                "A read or delivered receipt needs Content like {\"messageId\":\"…\"} naming a message of the chat; this one names none, so it is rejected.".into(),
            ));
        };
        let decoded = named.parse::<MessageId>().ok().and_then(|id| self.codec.decode_id(id.0));
        let problem = match (active, decoded) {
            (None, _) => format!(
                "No active chat for {}, so there is no message for the receipt to name ({named}); it is rejected and no chat is created.",
                who.text()
            ),
            (Some(i), Some(Decoded::Item { contact, item, is_message: true }))
                if contact == i && self.store.contacts.get(i as usize).is_some_and(|c| item <= c.items) =>
            {
                return None;
            }
            (Some(i), Some(Decoded::Item { contact, is_message, .. })) if contact != i => format!(
                "The receipt names {named}, a {} of contact {}, not of the active chat {}, so it is rejected.",
                if is_message { "message" } else { "event" },
                self.codec.contact(contact),
                self.codec.contact(i)
            ),
            (Some(i), Some(Decoded::Item { is_message: false, .. })) => format!(
                "The receipt names {named}, an event of chat {}, not a message, so it is rejected.",
                self.codec.contact(i)
            ),
            (Some(i), _) => format!("The receipt names {named}, which is no message of chat {}, so it is rejected.", self.codec.contact(i)),
        };
        Some(Refusal::invalid_request(
            What::UnknownReceiptTarget,
            format!("Message {named} was not found in this chat."),
            problem,
        ))
    }

    /// A MESSAGE whose content type the chat (or the chat it would create) does not enable.
    fn content_type_not_enabled(&self, ct: &str, enabled: u8, active: Option<u32>, who: &Identity<'_>) -> Box<Refusal> {
        let list = enabled_types(enabled).join(", ");
        let explanation = match active {
            Some(i) => format!(
                "Chat {} enabled only {list} when it started, so a {ct} message is rejected; the chat is unchanged.",
                self.codec.contact(i)
            ),
            None => format!(
                "No active chat for {}, and a new one would enable only {list} (text/plain always, plus NewSessionDetails.SupportedMessagingContentTypes), \
                 so a {ct} message is rejected and no chat is created (assumption: the service checks this before creating the chat).",
                who.text()
            ),
        };
        Refusal::invalid_request(
            What::ContentTypeNotEnabled,
            format!("Content type {ct} is not supported for this chat."),
            explanation,
        )
    }

    fn invalid(&mut self, diagnostics: Vec<Diagnostic>) -> Outcome {
        // The errors as `path: message`, joined by "; ", written in one pass.
        let mut errors = 0usize;
        let mut all = String::new();
        let mut first_len = 0;
        for d in diagnostics.iter().filter(|d| d.is_error()) {
            if errors > 0 {
                all.push_str("; ");
            }
            all.push_str(&d.path);
            all.push_str(": ");
            all.push_str(&d.message);
            if errors == 0 {
                first_len = all.len();
            }
            errors += 1;
        }
        // The message's own full stop gives way to the count and the sentence's.
        let first = all.get(..first_len).unwrap_or_default().trim_end_matches('.');
        let more = match errors {
            0 | 1 => String::new(),
            n => format!(" ({} more)", n - 1),
        };
        let explanation = format!("The request is invalid, so the service answers InvalidRequestException and nothing happened: {first}{more}.");
        let message = if errors == 1 { all } else { format!("{errors} validation errors detected: {all}") };
        self.reject(What::InvalidRequest, ErrorType::InvalidRequestException, message, explanation, diagnostics)
    }

    fn capacity_error(&mut self, diagnostics: Vec<Diagnostic>) -> Outcome {
        self.reject(
            What::InternalError,
            ErrorType::InternalServiceException,
            faults::INTERNAL_ERROR_MESSAGE.into(),
            "The simulator reached one of its own limits (4 billion contacts or strings, or 2 billion items in one chat), so nothing happened."
                .into(),
            diagnostics,
        )
    }

    /// Every rejection builds its outcome here, once.
    fn reject(
        &mut self,
        what: What,
        error: ErrorType,
        message: String,
        explanation: String,
        diagnostics: Vec<Diagnostic>,
    ) -> Outcome {
        Outcome {
            at: self.now,
            what,
            response: AwsResponse::Error(ServiceError::new(error, message)),
            contact_id: None,
            follows: None,
            new_session_details_ignored: false,
            message_id: None,
            explanation: explanation.into(),
            diagnostics,
        }
    }

    /// The four successes build their outcome here, once.
    #[allow(clippy::too_many_arguments)]
    fn success(
        &self,
        what: What,
        contact_id: Option<ContactId>,
        follows: Option<Predecessor>,
        new_session_details_ignored: bool,
        message_id: Option<MessageId>,
        explanation: Explanation,
        diagnostics: Vec<Diagnostic>,
    ) -> Outcome {
        Outcome {
            at: self.now,
            what,
            response: AwsResponse::Ok(SendChatIntegrationEventResponse {
                initial_contact_id: contact_id.map(|id| id.to_text()),
                new_chat_created: Some(what == What::Created),
            }),
            contact_id,
            follows,
            new_session_details_ignored,
            message_id,
            explanation,
            diagnostics,
        }
    }

    fn predecessor(&self, index: u32) -> Option<Predecessor> {
        let c = self.store.contacts.get(index as usize)?;
        Some(Predecessor {
            contact_id: self.codec.contact(index),
            started_at: Timestamp::from_epoch_millis(c.started).ok()?,
            ended_at: Timestamp::from_epoch_millis(c.ended).ok()?,
            end_reason: super::end_reason(c.standing)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simulator::{EndedBy, Settings, Throttling};

    const DEST: &str = "arn:aws:sms-voice:us-east-1:111122223333:phone-number/p";

    fn request(source: &str, event: &str) -> SendChatIntegrationEventRequest {
        SendChatIntegrationEventRequest::from_json(&format!(
            r#"{{"SourceId":"{source}","DestinationId":"{DEST}","Subtype":"connect:sms","Event":{event}}}"#
        ))
        .unwrap()
    }

    fn message(source: &str) -> SendChatIntegrationEventRequest {
        request(source, r#"{"Type":"MESSAGE","ContentType":"text/plain","Content":"hi"}"#)
    }

    /// A simulator where +1 has an active chat (contact 0), +2's chat ended (contact 1), and +3 has
    /// never written.
    fn simulator(settings: Settings) -> Simulator {
        let mut sim = Simulator::new(settings).unwrap();
        sim.send(&message("+1"));
        let ended = sim.send(&message("+2")).contact_id.unwrap();
        sim.end_chat(ended, EndedBy::Agent).unwrap();
        sim
    }

    /// What `decide` says, with a refusal named by its `What`.
    fn decided(sim: &Simulator, req: &SendChatIntegrationEventRequest) -> String {
        let mut diagnostics = crate::validate::validate(req);
        super::super::fallback_checks(req, &mut diagnostics);
        let mut draws = Draws { bucket: sim.bucket, rng: sim.rng };
        match sim.decide(req, &diagnostics, &mut draws) {
            Decision::Refuse(r) => format!("refuse {:?}", r.what),
            Decision::Invalid => "invalid".into(),
            Decision::Disconnect { chat } => format!("disconnect {chat}"),
            Decision::NoActiveChat { last } => format!("no active chat, last {last:?}"),
            Decision::Reuse { chat } => format!("reuse {chat}"),
            Decision::Create { follows, subtype_key } => format!("create following {follows:?} as {subtype_key:?}"),
        }
    }

    #[test]
    fn create_or_reuse_decides_by_the_identitys_newest_contact() {
        let default = Settings::default;
        let disconnect = |source| request(source, r#"{"Type":"DISCONNECT"}"#);
        let markdown = |source| request(source, r#"{"Type":"MESSAGE","ContentType":"text/markdown","Content":"*hi*"}"#);
        let receipt = |source, id: &str| {
            let content = format!(r#"{{\"messageId\":\"{id}\"}}"#);
            request(
                source,
                &format!(
                    r#"{{"Type":"EVENT","ContentType":"application/vnd.amazonaws.connect.event.message.read","Content":"{content}"}}"#
                ),
            )
        };
        let cases: Vec<(&str, Settings, SendChatIntegrationEventRequest, &str)> = vec![
            ("an active chat is reused", default(), message("+1"), "reuse 0"),
            (
                "no contact yet: a chat is created",
                default(),
                message("+3"),
                "create following None as Some(\"connect:sms\")",
            ),
            (
                "the last chat ended: the new one follows it",
                default(),
                message("+2"),
                "create following Some(1) as Some(\"connect:sms\")",
            ),
            ("DISCONNECT ends the active chat", default(), disconnect("+1"), "disconnect 0"),
            ("DISCONNECT with no active chat", default(), disconnect("+2"), "no active chat, last Some(1)"),
            ("DISCONNECT for an identity never seen", default(), disconnect("+3"), "no active chat, last None"),
            ("an invalid request", default(), request("+1", r#"{"Type":"MESSAGE"}"#), "invalid"),
            (
                "another Subtype is another chat",
                default(),
                SendChatIntegrationEventRequest { subtype: Some("connect:WhatsApp".into()), ..message("+1") },
                "create following None as Some(\"connect:WhatsApp\")",
            ),
            (
                "Subtypes that differ in case match when matching ignores case",
                Settings { subtype_matching: SubtypeMatching::CaseInsensitive, ..default() },
                SendChatIntegrationEventRequest { subtype: Some("Connect:SMS".into()), ..message("+3") },
                "create following None as Some(\"connect:sms\")",
            ),
            (
                "a content type the new chat would not enable (markdown needs no Subtype, and listing)",
                default(),
                SendChatIntegrationEventRequest { subtype: None, ..markdown("+3") },
                "refuse ContentTypeNotEnabled",
            ),
            ("a receipt naming no message", default(), receipt("+1", "nope"), "refuse UnknownReceiptTarget"),
            ("a receipt with no active chat", default(), receipt("+3", "nope"), "refuse UnknownReceiptTarget"),
            (
                "the caller is not End User Messaging",
                Settings {
                    faults: crate::simulator::Faults { access_denied: true, ..Default::default() },
                    ..default()
                },
                message("+1"),
                "refuse AccessDenied",
            ),
            (
                "a destination not configured",
                Settings {
                    faults: crate::simulator::Faults {
                        destinations: Some(vec!["arn:other".into()]),
                        ..Default::default()
                    },
                    ..default()
                },
                message("+1"),
                "refuse DestinationNotFound",
            ),
            (
                "the cap on active chats, for a new chat only",
                Settings {
                    faults: crate::simulator::Faults { max_active_chats: Some(1), ..Default::default() },
                    ..default()
                },
                message("+3"),
                "refuse ActiveChatLimit",
            ),
            (
                "the cap does not stop a reuse",
                Settings {
                    faults: crate::simulator::Faults { max_active_chats: Some(1), ..Default::default() },
                    ..default()
                },
                message("+1"),
                "reuse 0",
            ),
            (
                "an internal error, drawn",
                Settings {
                    faults: crate::simulator::Faults { internal_error_probability: 1.0, ..Default::default() },
                    ..default()
                },
                message("+1"),
                "refuse InternalError",
            ),
        ];
        for (case, settings, req, expected) in cases {
            // The faults apply from the start: build the state without them, then switch them on.
            let mut sim = simulator(Settings { faults: Default::default(), ..settings.clone() });
            sim.settings = settings;
            assert_eq!(decided(&sim, &req), expected, "{case}");
        }
    }

    #[test]
    fn deciding_changes_nothing_and_the_throttle_moves_only_its_copy() {
        let throttled = Settings {
            faults: crate::simulator::Faults {
                throttling: Some(Throttling { rate_per_second: 1.0, burst: 1 }),
                ..Default::default()
            },
            ..Settings::default()
        };
        let sim = simulator(Settings::default());
        let mut sim = Simulator { settings: throttled, ..sim };
        let before = sim.snapshot();
        let req = message("+1");
        let (diagnostics, mut draws) = (Vec::new(), Draws { bucket: sim.bucket, rng: sim.rng });
        assert!(matches!(sim.decide(&req, &diagnostics, &mut draws), Decision::Reuse { chat: 0 }));
        // The bucket's one token is taken from the copy; the simulator still has a full bucket.
        assert!(matches!(sim.decide(&req, &diagnostics, &mut draws), Decision::Refuse(r) if r.what == What::Throttled));
        assert_eq!(sim.snapshot(), before);
        assert_eq!(decided(&sim, &req), "reuse 0");
        // Sent, the draw is kept: the second send is throttled.
        assert_eq!(sim.send(&req).what, What::Reused);
        assert_eq!(sim.send(&req).what, What::Throttled);
    }
}
