//! JSON text as every JSON entry point reads it: the request (`from_json`, `validateJson`), the
//! tree and the skim, and the other types the npm package reads from JSON (render options,
//! settings, SDK language, a diagnostic to format). Whatever parses must write back to text that
//! parses to the same tree.

use chat_event_core::cli::command::RenderOptions;
use chat_event_core::json::{self, read};
use chat_event_core::simulator::Settings;
use chat_event_core::snippets::SdkLanguage;
use chat_event_core::{validate, Diagnostic, SendChatIntegrationEventRequest};

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = json::skim(text);
    let _ = validate::validate_json(text);
    if let Ok(request) = SendChatIntegrationEventRequest::from_json(text) {
        let _ = validate::validate(&request);
        let again = SendChatIntegrationEventRequest::from_json(&request.to_json_pretty());
        assert_eq!(again.as_ref(), Ok(&request), "the request's JSON reads back");
    }
    let Ok(value) = json::parse(text) else { return };
    let mut out = Vec::new();
    validate::raw::check(&value, &mut out);
    let _ = read::read::<RenderOptions>(&value);
    let _ = read::read::<Settings>(&value);
    let _ = read::read::<SdkLanguage>(&value);
    // `formatDiagnostic` takes a diagnostic the caller made.
    if let Ok(diagnostic) = read::read::<Diagnostic>(&value) {
        let _ = diagnostic.to_text("request.json");
        let _ = diagnostic.to_text("");
    }
    assert_eq!(json::parse(&json::write::text(&value)).as_ref(), Ok(&value), "compact text reads back");
    assert_eq!(json::parse(&json::write::pretty(&value, "  ")).as_ref(), Ok(&value), "pretty text reads back");
}
