//! The fuzz targets' bodies, one module per target, each `run(data: &[u8])`: it reads the bytes
//! as its target reads them, exercises an entry point and panics when a property fails.
//!
//! They live here, in the main workspace, rather than in `fuzz/` (cargo-fuzz's own workspace, on
//! nightly) so that stable Rust builds and lints them with everything else, and so that
//! `tests/replay.rs` replays every committed corpus and regression input through exactly the
//! code the fuzzer ran. Each `fuzz/fuzz_targets/<name>.rs` only hands libFuzzer's bytes to
//! `<name>::run`; [`TARGETS`] lists them all, and a test checks that `fuzz/Cargo.toml` agrees.

pub mod cli_input;
pub mod command_parse;
pub mod duration;
pub mod field_help;
pub mod import;
pub mod json_request;
pub mod render_roundtrip;
pub mod saved_state;
pub mod scenario;
pub mod share_link;
pub mod shorthand;
pub mod shorthand_structure;
pub mod simulator_steps;
pub mod snapshot_restore;
pub mod yaml;

/// A fuzz target: its name (its binary in `fuzz/` and its folders under `fuzz/corpus` and
/// `fuzz/regressions`) and its body. (How libFuzzer runs it, with which dictionary, is
/// `fuzz/Cargo.toml`'s, read by `cargo xtask fuzz`.)
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
}

pub const TARGETS: &[Target] = &[
    Target { name: "cli_input", run: cli_input::run },
    Target { name: "command_parse", run: command_parse::run },
    Target { name: "duration", run: duration::run },
    Target { name: "field_help", run: field_help::run },
    Target { name: "import", run: import::run },
    Target { name: "json_request", run: json_request::run },
    Target { name: "render_roundtrip", run: render_roundtrip::run },
    Target { name: "saved_state", run: saved_state::run },
    Target { name: "scenario", run: scenario::run },
    Target { name: "share_link", run: share_link::run },
    Target { name: "shorthand", run: shorthand::run },
    Target { name: "shorthand_structure", run: shorthand_structure::run },
    Target { name: "simulator_steps", run: simulator_steps::run },
    Target { name: "snapshot_restore", run: snapshot_restore::run },
    Target { name: "yaml", run: yaml::run },
];
