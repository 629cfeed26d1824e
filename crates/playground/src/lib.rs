//! The chat-event-lab playground, a Yew app. Its state ([`state`]), components ([`components`]),
//! persistence ([`storage`]) and share links ([`share`]) are a library so that other entry points
//! (such as a documentation embed) reuse them.

pub mod app;
pub mod components;
pub mod dom;
pub mod perf;
pub mod share;
pub mod state;
pub mod storage;

pub use app::App;
