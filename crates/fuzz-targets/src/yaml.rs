//! `yaml::from_str` (`parseYaml`, `validateYaml`, `--cli-input-yaml`, YAML scenarios): whatever it
//! reads is validated, written back as YAML, and must read again to the same value.

use chat_event_core::{json, validate, yaml};

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(value) = yaml::from_str(text) else { return };
    let _ = validate::validate_value(&value);
    let _ = json::read::read::<chat_event_core::SendChatIntegrationEventRequest>(&value);
    let written = yaml::to_string(&value);
    match yaml::from_str(&written) {
        Ok(again) => assert_eq!(again, value, "YAML written from {value} reads back as another value:\n{written}"),
        Err(e) => panic!("YAML written from {value} does not read back: {e:?}\n{written}"),
    }
}
