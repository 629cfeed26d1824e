//! The npm package `chat-event-lab`: a thin wasm-bindgen facade over `chat-event-core`.
//!
//! Every export has the same three steps: decode the JS arguments, call core, encode the result.
//! Decisions live in core; this file only moves values across the boundary. Nothing here panics
//! on input: a failure is thrown as a `ChatEventError` (see `js/chat-event-error.js`) built by
//! [`fail`], or returned as [`Diagnostic`]s.
//!
//! Types cross as `tsify::Ts<T>`: the `.d.ts` gets the Rust types' shapes, and (de)serialization
//! happens inside each function, where a failure is an ordinary `Result` (the older
//! `into_wasm_abi`/`from_wasm_abi` attributes throw from inside the ABI glue and leak).

use chat_event_core::help::{self, FieldHelp};
use chat_event_core::{validate, Diagnostic, SendChatIntegrationEventRequest};
use serde::de::DeserializeOwned;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// What went wrong, as the `kind` of a thrown `ChatEventError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// An argument does not have the type the declaration says (a number for a string, an
    /// unknown member in a request, a value JSON cannot hold).
    InvalidArgument,
    /// JSON text that does not parse, or does not hold a request.
    Json,
}

/// The members of a thrown `ChatEventError`, besides `name` (always `"ChatEventError"`).
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ChatEventErrorDetails {
    pub kind: ErrorKind,
    pub message: String,
    /// The member path the problem is at, such as `Event.ContentType`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub path: Option<String>,
    /// 1-based line and column in the input text, for syntax errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub column: Option<usize>,
    /// Every located problem core found in the input (empty when there is nothing more to say).
    pub diagnostics: Vec<Diagnostic>,
}

impl ChatEventErrorDetails {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ChatEventErrorDetails { kind, message: message.into(), path: None, line: None, column: None, diagnostics: Vec::new() }
    }

    /// Takes the message and location of the first error among core's diagnostics: core's messages
    /// name the member by its path, where a deserializer's message only names the Rust type.
    fn with_diagnostics(mut self, diagnostics: Vec<Diagnostic>) -> Self {
        if let Some(first) = diagnostics.iter().find(|d| d.is_error()) {
            self.message = first.message.clone();
            self.path = Some(first.path.clone()).filter(|p| !p.is_empty());
            self.line = first.line;
            self.column = first.column;
        }
        self.diagnostics = diagnostics;
        self
    }
}

#[wasm_bindgen(module = "/js/chat-event-error.js")]
extern "C" {
    #[wasm_bindgen(extends = js_sys::Error)]
    type ChatEventError;

    #[wasm_bindgen(constructor)]
    fn new(details: JsValue) -> ChatEventError;
}

/// The one error conversion: every failure becomes a thrown `ChatEventError`.
fn fail(details: ChatEventErrorDetails) -> JsValue {
    match details.serialize(&SERIALIZER) {
        Ok(value) => ChatEventError::new(value).into(),
        // Unreachable for these plain strings and numbers; still an Error, never a panic.
        Err(_) => js_sys::Error::new(&details.message).into(),
    }
}

/// Maps become plain objects (`Attributes` is a `Record<string, string>` in the declarations), and
/// absent members are left out rather than set to `null`.
const SERIALIZER: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);

fn encode<T: Serialize + Tsify>(value: &T) -> Result<Ts<T>, JsValue> {
    value
        .serialize(&SERIALIZER)
        .map(Ts::new_unchecked)
        .map_err(|e| fail(ChatEventErrorDetails::new(ErrorKind::InvalidArgument, e.to_string())))
}

fn encode_all<T: Serialize + Tsify>(values: &[T]) -> Result<Vec<Ts<T>>, JsValue> {
    values.iter().map(encode).collect()
}

/// JS value → JSON text, so that core reads it exactly as it reads a file, with the same located
/// diagnostics.
fn to_json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| fail(ChatEventErrorDetails::new(ErrorKind::InvalidArgument, format!("{what} is not a JSON value"))))
}

/// A request given as a JS object. Wrong member types and unknown members throw, with core's
/// located diagnostics of the same value attached.
fn decode_request(request: &Ts<SendChatIntegrationEventRequest>) -> Result<SendChatIntegrationEventRequest, JsValue> {
    let text = to_json_text(&request.js_value(), "the request")?;
    decode_json_text(&text, ErrorKind::InvalidArgument)
}

fn decode_json_text<T: DeserializeOwned>(text: &str, kind: ErrorKind) -> Result<T, JsValue> {
    serde_json::from_str(text).map_err(|e| {
        let diagnostics = validate::validate_json(text).into_iter().filter(Diagnostic::is_error).collect();
        // serde_json appends " at line L column C"; the location goes into its own members instead
        // (and for a JS object it would point into JSON text the caller never saw).
        let message = e.to_string();
        let message = message.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())).unwrap_or(&message);
        let mut details = ChatEventErrorDetails::new(kind, message).with_diagnostics(diagnostics);
        if kind == ErrorKind::Json {
            details.line = details.line.or(Some(e.line()));
            details.column = details.column.or(Some(e.column()));
        }
        fail(details)
    })
}

// ---- validation --------------------------------------------------------------------------------

/// Every problem in a request: what AWS rejects (errors) and what it accepts but is almost surely
/// a mistake (warnings). Wrong member types and unknown members are reported as diagnostics too,
/// so this never throws for a plain object.
#[wasm_bindgen(js_name = validate)]
pub fn validate_request(request: Ts<SendChatIntegrationEventRequest>) -> Result<Vec<Ts<Diagnostic>>, JsValue> {
    let text = to_json_text(&request.js_value(), "the request")?;
    encode_all(&validate::validate_json(&text))
}

/// Every problem in a request given as JSON text, syntax errors included (with line and column).
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(text: &str) -> Result<Vec<Ts<Diagnostic>>, JsValue> {
    encode_all(&validate::validate_json(text))
}

// ---- JSON --------------------------------------------------------------------------------------

/// Reads a request from JSON text. Throws a `ChatEventError` of kind `json` on a syntax error, a
/// wrong member type or an unknown member; its `diagnostics` locate every such problem.
#[wasm_bindgen(js_name = parseJson)]
pub fn parse_json(text: &str) -> Result<Ts<SendChatIntegrationEventRequest>, JsValue> {
    let request: SendChatIntegrationEventRequest = decode_json_text(text, ErrorKind::Json)?;
    encode(&request)
}

/// The request as JSON, as `aws ... --cli-input-json` reads it: members in the service model's
/// order, two-space indent.
#[wasm_bindgen(js_name = toJson)]
pub fn to_json(request: Ts<SendChatIntegrationEventRequest>) -> Result<String, JsValue> {
    Ok(decode_request(&request)?.to_json_pretty())
}

// ---- field help --------------------------------------------------------------------------------

/// Help for one member of the request: what it is for, its constraints, the values AWS documents
/// and, where AWS's reference misleads, a note. Takes a member path (`Event.ContentType`) or any
/// diagnostic's path (`NewSessionDetails.Attributes.tier` gives the help of `Attributes`).
/// `undefined` for a path the request does not have.
#[wasm_bindgen(js_name = fieldHelp)]
pub fn field_help(path: &str) -> Result<Option<Ts<FieldHelp>>, JsValue> {
    help::field_help(path).map(encode).transpose()
}

/// The help of every member of the request, in the service model's order (depth first).
#[wasm_bindgen]
pub fn fields() -> Result<Vec<Ts<FieldHelp>>, JsValue> {
    encode_all(&help::FIELDS)
}
