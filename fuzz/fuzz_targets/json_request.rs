#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| chat_event_fuzz_targets::json_request::run(data));
