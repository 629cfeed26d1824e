//! The chat-event-lab playground, a Yew app: build a `SendChatIntegrationEvent` request in a form,
//! see its diagnostics, the JSON body and the AWS CLI forms live, simulate create-or-reuse, share.
//!
//! It is a library so that other entry points (such as a documentation embed) reuse it:
//! - [`state`]: plain serde data, [`state::Action`]s and a pure reducer;
//! - [`app::use_playground`]: the state, the timed action callback and the derived data (the
//!   request, its diagnostics, the replayed simulator) for any layout; [`App`] is the full page;
//! - [`components`]: function components and plain view functions, one per thing shown;
//! - [`storage`] (localStorage, versioned key) and [`share`] (URL fragment, versioned, compressed
//!   by the browser);
//! - [`embed`]: the compact layout for documentation pages (`?embed=1`), which saves nothing.
//!
//! Every fact and rule about the API comes from `chat_event_core`.

pub mod app;
pub mod components;
pub mod dom;
pub mod embed;
pub mod perf;
pub mod share;
pub mod state;
pub mod storage;

pub use app::{use_playground, App, Playground};
