//! The AWS CLI's view of `aws connect send-chat-integration-event`: shorthand syntax, whole commands
//! in each shell (rendered and parsed), the `--cli-input-json`/`--cli-input-yaml` forms and the
//! `--generate-cli-skeleton` outputs.
//!
//! Behaviour follows awscli 1.46.2 and CLI v2 (their argument handling is the same code), and the
//! conformance tests in `crates/core/tests/cli_*.rs` compare it with the real awscli.

pub mod cli_input;
pub mod command;
pub mod shell;
pub mod shorthand;
pub mod skeleton;
pub mod version;

pub use version::{CliOptions, CliRefusal, CliVersion};
