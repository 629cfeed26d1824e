//! `chat-event-core`: everything about Amazon Connect's `SendChatIntegrationEvent` that does not
//! need a browser: the request model, validation, the AWS CLI's formats and an in-memory simulator
//! of create-or-reuse.

// The derives of `json` name this crate by its name, as they do in the crates that use it.
extern crate self as chat_event_core;

pub(crate) mod bytes;
pub mod channel;
pub mod cli;
pub mod content_type;
pub mod diagnostic;
pub mod endpoint;
pub(crate) mod float;
pub mod form;
pub mod help;
pub mod import;
pub mod json;
pub mod limits;
pub mod model;
pub mod ordered_map;
pub mod presets;
pub mod receipt;
pub mod shape;
pub mod simulator;
pub mod snippets;
pub mod validate;
pub mod yaml;

pub use diagnostic::{Diagnostic, RuleSource, Severity};
pub use model::*;

// The README's Rust examples run as doctests, so the front page cannot drift from the code.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
