//! Function components, each named for what it shows. They take props and dispatch
//! [`crate::state::Action`]s; every decision about the request comes from `chat_event_core`.

pub mod attributes;
pub mod code;
pub mod diagnostics;
pub mod field;
pub mod header;
pub mod import;
pub mod notice;
pub mod outputs;
pub mod request_form;
pub mod simulator;

/// `one` or `many`, as `n` asks ("1 step", "2 steps").
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}
