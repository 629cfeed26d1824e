//! `yaml::from_str` (`parseYaml`, `validateYaml`, `--cli-input-yaml`, YAML scenarios): whatever it
//! reads is validated, written back as YAML, and must read again.
#![no_main]

use chat_event_core::{json, validate, yaml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(value) = yaml::from_str(text) else { return };
    let _ = validate::validate_value(&value);
    let _ = json::read::read::<chat_event_core::SendChatIntegrationEventRequest>(&value);
    let written = yaml::to_string(&value);
    if let Err(e) = yaml::from_str(&written) {
        panic!("YAML written from {value} does not read back: {e:?}\n{written}");
    }
});
