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

use chat_event_core::cli::cli_input::{self, InputFormat};
use chat_event_core::cli::command::{
    self, CommandError, CommandOptions, ParsedCommand, RenderOptions, RenderedCommand, ShellReading,
};
use chat_event_core::cli::shorthand::model::{generate_structure, parse_structure, ParsedStructure, StructureError};
use chat_event_core::cli::shorthand::{self, NotExpressible, ShorthandError, ShorthandValue};
use chat_event_core::cli::skeleton;
use chat_event_core::cli::version::{CliOptions, CliVersion};
use chat_event_core::endpoint::{self, Exchange};
use chat_event_core::help::{self, FieldHelp};
use chat_event_core::import;
use chat_event_core::json;
use chat_event_core::json::one_pass;
use chat_event_core::json::write::Out;
use chat_event_core::json::{FromJson, ToJson};
use chat_event_core::shape::{Shape, Structure, REQUEST};
use chat_event_core::simulator::scenarios::{self, Example};
use chat_event_core::simulator::snapshot::SnapshotError;
use chat_event_core::simulator::{
    self as sim, AdvanceReport, ContactId, ContactView, EndChatError, EndedBy, LogEntry, Outcome, Scenario,
    ScenarioError, ScenarioReport, Settings, SettingsError, Timestamp, TranscriptEntry,
};
use chat_event_core::snippets::{self, SdkLanguage, SnippetOptions};
use chat_event_core::{validate, Diagnostic, SendChatIntegrationEventRequest};
use serde::Serialize;
use serde_json::Value;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

mod text;

// Talc instead of Rust's default dlmalloc: the same allocator interface, fewer bytes of wasm
// (measured: 3 KB less gzip in the playground).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// What went wrong, as the `kind` of a thrown `ChatEventError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToJson, Tsify)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// An argument does not have the type the declaration says (a number for a string, an
    /// unknown member in a request, a value JSON cannot hold).
    InvalidArgument,
    /// JSON text that does not parse, or does not hold a request.
    Json,
    /// YAML text that does not parse, or does not hold a request.
    Yaml,
    /// Shorthand (or a structure option's JSON) that the AWS CLI would not parse.
    Shorthand,
    /// A command line that the AWS CLI would not accept.
    Command,
    /// A value that shorthand cannot write (numbers, booleans, null, some keys); use JSON.
    NotExpressible,
    /// Simulator settings out of range (the `path` names the setting).
    Settings,
    /// A scenario that does not parse or whose steps are malformed.
    Scenario,
    /// A snapshot that cannot be restored.
    Snapshot,
    /// A simulator action that cannot be done: an unknown contact id, ending a chat that is not
    /// active, a duration that does not parse.
    Simulator,
}

/// The members of a thrown `ChatEventError`, besides `name` (always `"ChatEventError"`).
#[derive(Debug, Clone, Serialize, ToJson, Tsify)]
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
    /// The command-line option at fault, such as `--event`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub option: Option<String>,
    /// What to do about it, in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub hint: Option<String>,
    /// A likely intended spelling, such as `--source-id` for `--sourceid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub suggestion: Option<String>,
    /// Where the AWS CLI itself would refuse the input: the code it would exit with (the message
    /// is then what that version of the CLI prints).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub exit_code: Option<u8>,
    /// For a command: the shell it was read in, why, and the arguments `aws` would receive.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub shell: Option<Box<ShellReading>>,
    /// Every located problem core found in the input (empty when there is nothing more to say).
    pub diagnostics: Vec<Diagnostic>,
}

impl ChatEventErrorDetails {
    /// Out of line: built in many places, each of which would otherwise carry the whole struct.
    #[inline(never)]
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        ChatEventErrorDetails {
            kind,
            message: message.into(),
            path: None,
            line: None,
            column: None,
            option: None,
            hint: None,
            suggestion: None,
            exit_code: None,
            shell: None,
            diagnostics: Vec::new(),
        }
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

impl From<ShorthandError> for ChatEventErrorDetails {
    fn from(e: ShorthandError) -> Self {
        shorthand_error(e, CliVersion::default())
    }
}

/// A shorthand error, its message in the words of `version` of the CLI.
fn shorthand_error(e: ShorthandError, version: CliVersion) -> ChatEventErrorDetails {
    let mut details = ChatEventErrorDetails::new(ErrorKind::Shorthand, e.message_in(version));
    (details.line, details.column, details.hint) = (Some(e.line), Some(e.column), e.hint);
    details
}

impl From<StructureError> for ChatEventErrorDetails {
    fn from(e: StructureError) -> Self {
        match e {
            StructureError::Shorthand(e) => e.into(),
            StructureError::Json { message, line, column, hint } => {
                let mut details = ChatEventErrorDetails::new(ErrorKind::Shorthand, message);
                (details.line, details.column, details.hint) = (line, column, Some(hint));
                details
            }
        }
    }
}

/// A command the CLI would not run: where the CLI itself refuses it, what `version` prints and
/// exits with; else (the shell, or what the CLI does instead) the explanation.
fn command_error(e: CommandError, version: CliVersion) -> ChatEventErrorDetails {
    let (message, exit_code) = match e.refusal(version) {
        Some(refusal) => (refusal.text, Some(refusal.exit_code)),
        None => (e.message, None),
    };
    let mut details = ChatEventErrorDetails::new(ErrorKind::Command, message);
    (details.line, details.column, details.exit_code) = (Some(e.line), Some(e.column), exit_code);
    (details.option, details.hint, details.suggestion) = (e.option, e.hint, e.suggestion);
    details.shell = e.shell;
    details
}

impl From<NotExpressible> for ChatEventErrorDetails {
    fn from(e: NotExpressible) -> Self {
        let mut details = ChatEventErrorDetails::new(ErrorKind::NotExpressible, e.to_string());
        details.path = Some(e.path).filter(|p| !p.is_empty());
        details
    }
}

impl From<SettingsError> for ChatEventErrorDetails {
    fn from(e: SettingsError) -> Self {
        let mut details = ChatEventErrorDetails::new(ErrorKind::Settings, e.to_string());
        details.path = Some(e.field);
        details
    }
}

impl From<ScenarioError> for ChatEventErrorDetails {
    fn from(e: ScenarioError) -> Self {
        let mut details = ChatEventErrorDetails::new(ErrorKind::Scenario, e.to_string());
        (details.line, details.column) = (e.line, e.column);
        details.path = e.step.map(|step| format!("steps[{}]", step.saturating_sub(1)));
        details
    }
}

impl From<SnapshotError> for ChatEventErrorDetails {
    fn from(e: SnapshotError) -> Self {
        let mut details = ChatEventErrorDetails::new(ErrorKind::Snapshot, e.to_string());
        if let SnapshotError::NotJson { line, column, .. } = e {
            (details.line, details.column) = (Some(line), Some(column));
        }
        details
    }
}

impl From<EndChatError> for ChatEventErrorDetails {
    fn from(e: EndChatError) -> Self {
        ChatEventErrorDetails::new(ErrorKind::Simulator, e.to_string())
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
    ChatEventError::new(to_js(&details)).into()
}

/// Rust → JS: the value as its [`ToJson`] writes it (which core derives from the same `#[serde]`
/// attributes the `.d.ts` comes from), made as JS objects, arrays, strings, numbers, booleans and
/// `null`: maps as plain objects, absent members left out, `null` for a `None` that is written.
/// One serializer serves core's JSON text and the boundary: a second one (serde's `Serialize`
/// through serde-wasm-bindgen) compiled every result type again into the wasm.
/// JS → Rust still goes through `JSON.stringify` and core's JSON reader (below).
fn to_js(value: &dyn ToJson) -> JsValue {
    let mut js = Js::default();
    value.write(&mut js);
    js.done
}

/// An [`Out`] that makes the JS value `JSON.parse` would make of the text written, straight from
/// the events, with no JSON tree between (building the tree and then walking it was most of
/// returning a result).
#[derive(Default)]
struct Js {
    /// The lists and objects begun and not yet ended, innermost last.
    open: Vec<Open>,
    /// The value written, once it is whole (`undefined` before).
    done: JsValue,
}

enum Open {
    Array(js_sys::Array),
    /// An object, the name of the member being written, and whether that name is `__proto__`.
    Object(JsObject, JsValue, bool),
}

impl Js {
    fn put(&mut self, value: JsValue) {
        match self.open.last_mut() {
            Some(Open::Array(array)) => {
                array.push(&value);
            }
            // `object[key] = value` would set the object's prototype instead, and lose the member.
            Some(Open::Object(object, key, true)) => define_member(object, key, &value),
            Some(Open::Object(object, key, false)) => object.set(key, &value),
            None => self.done = value,
        }
    }

    fn close(&mut self) {
        match self.open.pop() {
            Some(Open::Array(array)) => self.put(array.into()),
            Some(Open::Object(object, ..)) => self.put(object.into()),
            None => {}
        }
    }
}

impl Out for Js {
    fn null(&mut self) {
        self.put(JsValue::NULL);
    }

    fn bool(&mut self, value: bool) {
        self.put(JsValue::from_bool(value));
    }

    fn number(&mut self, value: serde_json::Number) {
        // Every number core writes fits an f64 as JSON.parse reads it.
        self.put(JsValue::from_f64(value.as_f64().unwrap_or(f64::NAN)));
    }

    fn string(&mut self, value: &str) {
        self.put(if value.len() <= INTERNED { interned(value) } else { JsValue::from_str(value) });
    }

    fn begin_array(&mut self) {
        self.open.push(Open::Array(js_sys::Array::new()));
    }

    fn end_array(&mut self) {
        self.close();
    }

    fn begin_object(&mut self) {
        self.open.push(Open::Object(JsObject::new(), JsValue::UNDEFINED, false));
    }

    fn key(&mut self, name: &str) {
        if let Some(Open::Object(_, key, proto)) = self.open.last_mut() {
            *key = interned(name);
            *proto = name == "__proto__";
        }
    }

    fn end_object(&mut self) {
        self.close();
    }
}

/// A short string as a JS string, made once: member names, and the short values results repeat
/// (codes, severities, member paths, event types, content types). Making a JS string from Rust
/// text is most of what setting a member costs, and most of that cost is the same for two bytes as
/// for sixty.
///
/// One string per slot, the slot chosen by the string's hash; a string whose slot is taken takes it
/// over. So the cache is bounded (map keys and values are the user's own) and has none of a hash
/// map's code for growing, which cost the wasm more than the rare string made twice costs in time.
fn interned(text: &str) -> JsValue {
    const SLOTS: usize = 512;
    let mut hasher = rustc_hash::FxHasher::default();
    std::hash::Hasher::write(&mut hasher, text.as_bytes());
    let slot = std::hash::Hasher::finish(&hasher) as usize % SLOTS;
    INTERNED_SLOTS.with(|slots| {
        let mut slots = slots.borrow_mut();
        if slots.is_empty() {
            slots.resize_with(SLOTS, || None);
        }
        if let Some(Some((cached, string))) = slots.get(slot) {
            if **cached == *text {
                return string.clone();
            }
        }
        let string = JsValue::from_str(text);
        if let Some(entry) = slots.get_mut(slot) {
            *entry = Some((text.into(), string.clone()));
        }
        string
    })
}

/// The longest string [`interned`] keeps: long enough for the model's member paths, codes and
/// content types. Longer text is mostly the user's own and seldom repeats; kept, it would only push
/// those out.
const INTERNED: usize = 64;

/// A slot of [`interned`]'s cache: a string's text and its JS string.
type InternedSlot = Option<(Box<str>, JsValue)>;

thread_local! {
    static INTERNED_SLOTS: std::cell::RefCell<Vec<InternedSlot>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[wasm_bindgen]
extern "C" {
    /// A plain object, whose members are set as `object[key] = value` (no `Reflect.set` call and
    /// no exception handling around it: setting a data member of a plain object cannot fail).
    #[wasm_bindgen(js_name = Object)]
    type JsObject;
    #[wasm_bindgen(constructor, js_class = Object)]
    fn new() -> JsObject;
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &JsObject, key: &JsValue, value: &JsValue);
}

// A member set as JSON.parse sets it, for the one name that plain assignment treats otherwise.
#[wasm_bindgen(
    inline_js = "export function define_member(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true }); }"
)]
extern "C" {
    fn define_member(object: &JsObject, key: &JsValue, value: &JsValue);
}

fn encode<T: ToJson + Tsify>(value: &T) -> Result<Ts<T>, JsValue> {
    Ok(Ts::new_unchecked(to_js(value)))
}

/// An argument that is not a request (options, enums), read by its type's [`FromJson`]: a wrong
/// one throws `invalid-argument` saying where (`path`) and what was expected.
fn decode_argument<T: FromJson>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    json::read::read(&decode_value(value, what)?).map_err(|e| argument_error(what, e))
}

/// An optional argument, or its default when it is left out.
fn decode_optional<T: FromJson + Default + Tsify>(value: Option<Ts<T>>, what: &str) -> Result<T, JsValue> {
    value.map_or_else(|| Ok(T::default()), |value| decode_argument(&value.js_value(), what))
}

/// The error of [`decode_argument`], compiled once rather than once per argument type.
#[inline(never)]
fn argument_error(what: &str, e: json::read::ReadError) -> JsValue {
    let mut details = ChatEventErrorDetails::new(ErrorKind::InvalidArgument, format!("{what}: {e}"));
    details.path = Some(e.path).filter(|p| !p.is_empty());
    fail(details)
}

/// Each value as [`encode`] makes it. A plain loop, not `collect()` into a `Result`: that adapter
/// was compiled again for every type.
fn encode_all<T: ToJson + Tsify>(values: &[T]) -> Result<Vec<Ts<T>>, JsValue> {
    let mut encoded = Vec::with_capacity(values.len());
    for value in values {
        encoded.push(encode(value)?);
    }
    Ok(encoded)
}

/// `JsonValue`: what a JSON document can hold. Declared here because `serde_json::Value` has no
/// declaration of its own; core's types refer to it by this name.
#[wasm_bindgen(typescript_custom_section)]
const JSON_VALUE: &str =
    "export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };";

/// What a JS value is, for a message that says what an argument got instead.
fn what_it_is(value: &JsValue) -> &'static str {
    if value.is_undefined() {
        "undefined"
    } else if value.is_null() {
        "null"
    } else if value.is_string() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_bigint() {
        "a bigint"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_function() {
        "a function"
    } else if js_sys::Array::is_array(value) {
        "an array"
    } else {
        "an object"
    }
}

/// The error of an argument of the wrong type: the parameter's name, what it takes, what it got.
#[inline(never)]
fn wrong_argument(name: &str, expected: &str, found: &JsValue) -> JsValue {
    let message = format!("{name}: expected {expected}, found {}", what_it_is(found));
    fail(ChatEventErrorDetails::new(ErrorKind::InvalidArgument, message))
}

/// A string parameter. Checked here, not by the generated glue (which throws a `TypeError` for
/// anything but a string, and silently replaces a lone surrogate): a wrong type, or a string that
/// is not Unicode text, throws `invalid-argument` naming the parameter.
fn text_argument(value: &JsValue, name: &str) -> Result<String, JsValue> {
    match value.dyn_ref::<js_sys::JsString>() {
        Some(text) if is_text(text) => Ok(text::string_of(text)),
        Some(_) => Err(fail(ChatEventErrorDetails::new(
            ErrorKind::InvalidArgument,
            format!("{name}: expected text, found a string with a lone surrogate (half of a UTF-16 pair)"),
        ))),
        None => Err(wrong_argument(name, "a string", value)),
    }
}

/// An object parameter (a request, a scenario): anything else is the wrong type, though it be
/// JSON (a number, a list), rather than a request with every member missing.
fn object_argument(value: &JsValue, name: &str) -> Result<(), JsValue> {
    if value.is_object() && !js_sys::Array::is_array(value) {
        Ok(())
    } else {
        Err(wrong_argument(name, "an object", value))
    }
}

// Whether a string is well-formed UTF-16, asked of the engine in one call (js-sys's own check
// crosses the boundary once per code unit). `isWellFormed` is ES2024; the expression is for
// engines without it.
#[wasm_bindgen(
    inline_js = "const LONE = /[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/;
export function is_text(s) { return typeof s.isWellFormed === 'function' ? s.isWellFormed() : !LONE.test(s); }"
)]
extern "C" {
    fn is_text(text: &js_sys::JsString) -> bool;
}

/// An optional string parameter: `undefined` and `null` leave it out.
fn optional_text_argument(value: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        text_argument(value, name).map(Some)
    }
}

/// JS value → JSON text, so that core reads it exactly as it reads a file, with the same located
/// diagnostics.
fn to_json_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    match js_sys::JSON::stringify(value) {
        // `JSON.stringify` escapes lone surrogates, so its text is always well-formed.
        Ok(text) => text
            .dyn_ref::<js_sys::JsString>()
            .map(text::string_of)
            .ok_or_else(|| wrong_argument(what, "a JSON value", value)),
        // The engine's own refusals (a cycle, a bigint: TypeError; nesting past its stack:
        // RangeError) are the argument's fault, said with the engine's reason. Anything else was
        // thrown by the caller's own getter or Proxy, and goes back to the caller as it is.
        Err(e) if e.is_instance_of::<js_sys::TypeError>() || e.is_instance_of::<js_sys::RangeError>() => {
            let reason = js_sys::Error::from(e).message();
            let message = format!(
                "{what}: expected a JSON value, found {} that JSON.stringify refuses ({reason})",
                what_it_is(value)
            );
            Err(fail(ChatEventErrorDetails::new(ErrorKind::InvalidArgument, message)))
        }
        Err(e) => Err(e),
    }
}

/// Any JSON value given as a JS value (shorthand values, structure option values).
fn decode_value(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    parse_argument(&to_json_text(value, what)?, what)
}

/// The JSON text of an argument as a tree.
fn parse_argument(text: &str, what: &str) -> Result<Value, JsValue> {
    json::parse(text).map_err(|e| {
        fail(ChatEventErrorDetails::new(ErrorKind::InvalidArgument, format!("{what}: {}", json::message(&e))))
    })
}

/// A request given as a JS object: read in one pass when it is simply a request, else through the
/// tree, where wrong member types and unknown members throw, with core's located diagnostics of
/// the same value attached.
fn decode_request(request: &Ts<SendChatIntegrationEventRequest>) -> Result<SendChatIntegrationEventRequest, JsValue> {
    let text = to_json_text(&request.js_value(), "request")?;
    if let Some(request) = one_pass::read(&text) {
        return Ok(request);
    }
    import::read_request(&parse_argument(&text, "request")?).map_err(|e| unreadable(ErrorKind::InvalidArgument, e))
}

/// Core's reason why there is no request, thrown as a `ChatEventError` of `kind`.
fn unreadable(kind: ErrorKind, e: import::Unreadable) -> JsValue {
    fail(ChatEventErrorDetails::new(kind, e.message).with_diagnostics(e.diagnostics))
}

// ---- validation --------------------------------------------------------------------------------

/// Every problem in a request: what AWS rejects (errors) and what it accepts but is almost surely
/// a mistake (warnings). Wrong member types and unknown members are reported as diagnostics too,
/// so this never throws for a plain object.
#[wasm_bindgen(js_name = validate)]
pub fn validate_request(request: Ts<SendChatIntegrationEventRequest>) -> Result<Vec<Ts<Diagnostic>>, JsValue> {
    let text = to_json_text(&request.js_value(), "request")?;
    // Any JSON value is validated (a list or a number gets its wrong-type diagnostic, as the same
    // text would from `validateJson`); only a value with no JSON form is the wrong argument.
    encode_all(&validate::validate_json(&text))
}

/// Every problem in a request given as JSON text, syntax errors included (with line and column).
#[wasm_bindgen(js_name = validateJson)]
pub fn validate_json(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Vec<Ts<Diagnostic>>, JsValue> {
    encode_all(&validate::validate_json(&text_argument(&text, "text")?))
}

// ---- JSON --------------------------------------------------------------------------------------

/// Reads a request from JSON text. Throws a `ChatEventError` of kind `json` on a syntax error, a
/// wrong member type or an unknown member; its `diagnostics` locate every such problem.
#[wasm_bindgen(js_name = parseJson)]
pub fn parse_json(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Ts<SendChatIntegrationEventRequest>, JsValue> {
    encode(&import::read_request_json(&text_argument(&text, "text")?).map_err(|e| unreadable(ErrorKind::Json, e))?)
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
pub fn field_help(
    #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
) -> Result<Option<Ts<FieldHelp>>, JsValue> {
    help::field_help(&text_argument(&path, "path")?).map(encode).transpose()
}

/// The help of every member of the request, in the service model's order (depth first).
#[wasm_bindgen]
pub fn fields() -> Result<Vec<Ts<FieldHelp>>, JsValue> {
    encode_all(&help::FIELDS)
}

// ---- YAML (--cli-input-yaml) -------------------------------------------------------------------

/// Reads a request from YAML, as `--cli-input-yaml` does (YAML 1.2: `yes` stays a string). Throws a
/// `ChatEventError` of kind `yaml` on a syntax error (with line and column) or a value that is
/// not a request (with core's located diagnostics).
#[wasm_bindgen(js_name = parseYaml)]
pub fn parse_yaml(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Ts<SendChatIntegrationEventRequest>, JsValue> {
    encode(&import::read_request_yaml(&text_argument(&text, "text")?).map_err(|e| unreadable(ErrorKind::Yaml, e))?)
}

/// The request as YAML, as `--cli-input-yaml` reads it (members in the service model's order).
#[wasm_bindgen(js_name = toYaml)]
pub fn to_yaml(request: Ts<SendChatIntegrationEventRequest>) -> Result<String, JsValue> {
    Ok(cli_input::document(&decode_request(&request)?, InputFormat::Yaml, true))
}

/// Every problem in a request given as YAML, syntax errors included: a `yaml-syntax` diagnostic
/// with line and column, as `validateJson` gives a `json-syntax` one.
#[wasm_bindgen(js_name = validateYaml)]
pub fn validate_yaml(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Vec<Ts<Diagnostic>>, JsValue> {
    encode_all(&validate::validate_yaml(&text_argument(&text, "text")?))
}

/// A diagnostic as compilers write theirs, for terminals and logs:
/// `request.json:3:1: error [json-syntax] Invalid JSON …`, the member path before the message, and
/// `(the AWS CLI rejects this too)` when it does; a suggestion follows on its own line as
/// `  hint: …`. `source` names the file (left out when absent).
#[wasm_bindgen(js_name = formatDiagnostic)]
pub fn format_diagnostic(
    diagnostic: Ts<Diagnostic>,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] source: JsValue,
) -> Result<String, JsValue> {
    let diagnostic: Diagnostic = decode_argument(&diagnostic.js_value(), "diagnostic")?;
    let source = optional_text_argument(&source, "source")?;
    Ok(diagnostic.to_text(source.as_deref().unwrap_or_default()))
}

// ---- shorthand ---------------------------------------------------------------------------------

/// A structure option of the command, whose value may be written in shorthand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Tsify, FromJson)]
#[serde(rename_all = "kebab-case")]
pub enum CliParameter {
    /// `--event`, the request's `Event`.
    Event,
    /// `--new-session-details`, the request's `NewSessionDetails`.
    NewSessionDetails,
}
impl CliParameter {
    /// The request member and its structure, from the service model.
    fn member(self) -> (&'static str, &'static Structure) {
        let name = match self {
            CliParameter::Event => "Event",
            CliParameter::NewSessionDetails => "NewSessionDetails",
        };
        match REQUEST.member(name).map(|m| m.shape) {
            Some(Shape::Structure(structure)) => (name, structure),
            // The model has both members as structures; an empty one keeps this total.
            _ => (name, &EMPTY_STRUCTURE),
        }
    }
}

static EMPTY_STRUCTURE: Structure = Structure { name: "", members: &[] };

fn decode_parameter(parameter: Ts<CliParameter>) -> Result<CliParameter, JsValue> {
    decode_argument(&parameter.js_value(), "parameter")
}

/// Parses shorthand with the AWS CLI's generic parser, before any model is applied: what
/// `Type=MESSAGE,Content=hi` means to the CLI for any parameter. Throws a `ChatEventError` of kind
/// `shorthand` with the CLI's own message (caret included, in CLI v2's words unless `options.cli`
/// is `v1`), line, column and a hint.
#[wasm_bindgen(js_name = parseShorthand)]
pub fn parse_shorthand(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<CliOptions>>,
) -> Result<Ts<ShorthandValue>, JsValue> {
    let version = decode_optional(options, "options")?.cli;
    let value = shorthand::parse(&text_argument(&text, "text")?).map_err(|e| fail(shorthand_error(e, version)))?;
    encode(&value)
}

/// The shortest shorthand the CLI parses back to exactly `value` (a map). Throws a
/// `ChatEventError` of kind `not-expressible` for what shorthand cannot say.
#[wasm_bindgen(js_name = toShorthand)]
pub fn to_shorthand(value: Ts<ShorthandValue>) -> Result<String, JsValue> {
    let json = decode_value(&value.js_value(), "value")?;
    let value = ShorthandValue::from_json(&json).ok_or_else(|| {
        fail(ChatEventErrorDetails::new(
            ErrorKind::NotExpressible,
            "shorthand holds only strings, lists and maps; numbers, booleans and null need JSON",
        ))
    })?;
    shorthand::generate(&value).map_err(|e| fail(e.into()))
}

/// Reads a structure option's value as the CLI does for `--event` or `--new-session-details`:
/// JSON when it starts with `{`, shorthand otherwise, with the model's fix-ups. The result says
/// which syntax it was and holds diagnostics for likely mistakes (a comma that made a list).
#[wasm_bindgen(js_name = parseParameter)]
pub fn parse_parameter(
    parameter: Ts<CliParameter>,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Ts<ParsedStructure>, JsValue> {
    let (name, structure) = decode_parameter(parameter)?.member();
    encode(&parse_structure(&text_argument(&text, "text")?, structure, name).map_err(|e| fail(e.into()))?)
}

/// The shortest shorthand for a structure option's value (`Event` or `NewSessionDetails` of a
/// request), using the model's list fix-up. Throws `not-expressible` when shorthand cannot say it.
#[wasm_bindgen(js_name = toParameterShorthand)]
pub fn to_parameter_shorthand(
    parameter: Ts<CliParameter>,
    #[wasm_bindgen(unchecked_param_type = "JsonValue")] value: JsValue,
) -> Result<String, JsValue> {
    let (_, structure) = decode_parameter(parameter)?.member();
    let json = decode_value(&value, "value")?;
    generate_structure(&json, structure).map_err(|e| fail(e.into()))
}

// ---- whole commands ----------------------------------------------------------------------------

/// Renders the request as an `aws connect send-chat-integration-event` command for a shell (bash
/// by default), with notes on quoting and fall-backs, and the files a `file://` form refers to.
#[wasm_bindgen(js_name = renderCommand)]
pub fn render_command(
    request: Ts<SendChatIntegrationEventRequest>,
    options: Option<Ts<RenderOptions>>,
) -> Result<Ts<RenderedCommand>, JsValue> {
    let request = decode_request(&request)?;
    let options = decode_optional(options, "options")?;
    encode(&command::render(&request, &options))
}

/// Parses a pasted command (the `aws connect send-chat-integration-event` prefix is optional) as
/// the AWS CLI reads it: the parameters it hands to botocore, the typed request when the types
/// allow, and diagnostics, global options and warnings. It is read as `options.shell` reads it
/// (`bash`, `powerShell7`, `powerShell5` or `cmd`), or as the shell the text is written for when
/// that is left out; `shell` says which, why, and what `aws` receives. Throws a `ChatEventError` of
/// kind `command` (with line, column, the option at fault, a hint and the shell) when the CLI would
/// refuse it: where the CLI itself refuses, its `message` is what the CLI prints and `exitCode` its
/// exit code, in CLI v2's words unless `options.cli` is `v1`.
#[wasm_bindgen(js_name = parseCommand)]
pub fn parse_command(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<Ts<CommandOptions>>,
) -> Result<Ts<ParsedCommand>, JsValue> {
    let options: CommandOptions = decode_optional(options, "options")?;
    let text = text_argument(&text, "text")?;
    encode(&command::parse_in(&text, options.shell).map_err(|e| fail(command_error(e, options.cli)))?)
}

/// Which `--generate-cli-skeleton` output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Tsify, FromJson)]
#[serde(rename_all = "kebab-case")]
pub enum SkeletonKind {
    /// `--generate-cli-skeleton` (or `input`): the request as JSON with empty values.
    Input,
    /// `--generate-cli-skeleton output`: the response.
    Output,
    /// `--generate-cli-skeleton yaml-input` (CLI v2): the request as commented YAML.
    YamlInput,
}
/// What `aws connect send-chat-integration-event --generate-cli-skeleton KIND` prints, byte for
/// byte (CLI v2).
#[wasm_bindgen]
pub fn skeleton(kind: Ts<SkeletonKind>) -> Result<String, JsValue> {
    let kind = decode_argument(&kind.js_value(), "kind")?;
    Ok(match kind {
        SkeletonKind::Input => skeleton::input_json(),
        SkeletonKind::Output => skeleton::output_json(),
        SkeletonKind::YamlInput => skeleton::yaml_input(),
    })
}

/// The request as a call in an AWS SDK: `"python"` (boto3, the default), `"javaScript"` (the AWS
/// SDK for JavaScript v3), `"rust"` (aws-sdk-connect, a whole `#[tokio::main]` program) or
/// `"powerShell"` (the AWS Tools' `Send-CONNChatIntegrationEvent`): the import, the client, the
/// call with the request's members, and a line printing the response. `options.region` names the
/// client's region; `options.explain` adds a comment on create-or-reuse and the response.
#[wasm_bindgen(js_name = renderSnippet)]
pub fn render_snippet(
    request: Ts<SendChatIntegrationEventRequest>,
    language: Option<Ts<SdkLanguage>>,
    options: Option<Ts<SnippetOptions>>,
) -> Result<String, JsValue> {
    let request = decode_request(&request)?;
    let language = decode_optional(language, "language")?;
    let options = decode_optional(options, "options")?;
    Ok(snippets::render_with(&request, language, &options))
}

// ---- simulator ---------------------------------------------------------------------------------

fn simulator_error(message: impl std::fmt::Display) -> JsValue {
    fail(ChatEventErrorDetails::new(ErrorKind::Simulator, message.to_string()))
}

/// A contact id parameter (`contactId`): a string, which must be one of the simulator's ids.
fn decode_contact_id(id: &JsValue) -> Result<ContactId, JsValue> {
    text_argument(id, "contactId")?.parse().map_err(simulator_error)
}

/// An in-memory, deterministic simulator of what Amazon Connect does with each request: create a
/// chat or reuse the active one, end it, let it expire, or refuse the request, with the ids,
/// responses and errors the service would give. Its clock is virtual: only `advance` moves it.
#[wasm_bindgen(js_name = Simulator)]
pub struct JsSimulator(sim::Simulator);

#[wasm_bindgen(js_class = Simulator)]
impl JsSimulator {
    /// A simulator holding no chats, its clock at `settings.start`. Every setting has a default,
    /// so `{}` or nothing is complete. Throws a `ChatEventError` of kind `settings` (with the
    /// setting's `path`) for a value out of range, or `invalid-argument` for an unknown member.
    #[wasm_bindgen(constructor)]
    pub fn new(settings: Option<Ts<Settings>>) -> Result<JsSimulator, JsValue> {
        let settings = decode_optional(settings, "settings")?;
        Ok(JsSimulator(sim::Simulator::new(settings).map_err(|e| fail(e.into()))?))
    }

    /// Restores a simulator from `snapshot()`'s text: the same chats, clock, log and generators.
    pub fn restore(#[wasm_bindgen(unchecked_param_type = "string")] snapshot: JsValue) -> Result<JsSimulator, JsValue> {
        Ok(JsSimulator(sim::Simulator::restore(&text_argument(&snapshot, "snapshot")?).map_err(|e| fail(e.into()))?))
    }

    /// The whole state as JSON text, for `Simulator.restore`.
    pub fn snapshot(&self) -> String {
        self.0.snapshot()
    }

    /// Handles one request as the service would, and logs it. A request the service would refuse
    /// gets the service's error in the outcome, with diagnostics; only a value that is not a
    /// request at all (a wrong member type, an unknown member) throws, as `invalid-argument`.
    pub fn send(&mut self, request: Ts<SendChatIntegrationEventRequest>) -> Result<Ts<Outcome>, JsValue> {
        encode(&self.0.send(&decode_request(&request)?))
    }

    /// Moves the clock forward by a duration (`"25h"`, `"90m"`, `"1h30m"`, `"500ms"`) or a number
    /// of milliseconds; chats whose duration runs out expire.
    pub fn advance(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | number")] by: JsValue,
    ) -> Result<Ts<AdvanceReport>, JsValue> {
        let millis = match by.as_f64() {
            None if by.is_string() => sim::parse_duration(&text_argument(&by, "by")?).map_err(simulator_error)?,
            Some(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0 => n as u64,
            _ => {
                let expected = "a duration: text such as \"25h\", or a whole, non-negative number of milliseconds";
                return Err(wrong_argument("by", expected, &by));
            }
        };
        encode(&self.0.advance_millis(millis))
    }

    /// Ends an active chat on the service's side (`"agent"` or `"flow"`). Throws a
    /// `ChatEventError` of kind `simulator` for an unknown contact or one that is not active.
    #[wasm_bindgen(js_name = endChat)]
    pub fn end_chat(
        &mut self,
        #[wasm_bindgen(js_name = contactId, unchecked_param_type = "string")] contact_id: JsValue,
        by: Ts<EndedBy>,
    ) -> Result<Ts<ContactView>, JsValue> {
        let contact_id = decode_contact_id(&contact_id)?;
        let by = decode_argument(&by.js_value(), "by")?;
        encode(&self.0.end_chat(contact_id, by).map_err(|e| fail(e.into()))?)
    }

    /// Back to the state of `new` with the same settings: no chats, the clock at its start, the
    /// same ids again for the same steps.
    pub fn reset(&mut self) {
        self.0.reset();
    }

    /// The settings in force.
    pub fn settings(&self) -> Result<Ts<Settings>, JsValue> {
        encode(self.0.settings())
    }

    /// The virtual clock.
    pub fn now(&self) -> Result<Ts<Timestamp>, JsValue> {
        encode(&self.0.now())
    }

    /// How many chats are active.
    #[wasm_bindgen(js_name = activeChatCount)]
    pub fn active_chat_count(&self) -> usize {
        self.0.active_chat_count()
    }

    /// The active chats, oldest first.
    #[wasm_bindgen(js_name = activeChats)]
    pub fn active_chats(&self) -> Result<Vec<Ts<ContactView>>, JsValue> {
        encode_all(&self.0.active_chats())
    }

    /// Every contact created since the start or the last reset, oldest first.
    pub fn contacts(&self) -> Result<Vec<Ts<ContactView>>, JsValue> {
        encode_all(&self.0.contacts())
    }

    /// How many contacts were created.
    #[wasm_bindgen(js_name = contactCount)]
    pub fn contact_count(&self) -> usize {
        self.0.contact_count()
    }

    /// One contact by id; `undefined` for an id this simulator did not give.
    pub fn contact(
        &self,
        #[wasm_bindgen(js_name = contactId, unchecked_param_type = "string")] contact_id: JsValue,
    ) -> Result<Option<Ts<ContactView>>, JsValue> {
        self.0.contact(decode_contact_id(&contact_id)?).as_ref().map(encode).transpose()
    }

    /// The active chat of an identity, if there is one (Subtype compared per the settings).
    #[wasm_bindgen(js_name = activeContactFor)]
    pub fn active_contact_for(
        &self,
        #[wasm_bindgen(js_name = sourceId, unchecked_param_type = "string")] source_id: JsValue,
        #[wasm_bindgen(js_name = destinationId, unchecked_param_type = "string")] destination_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] subtype: JsValue,
    ) -> Result<Option<Ts<ContactView>>, JsValue> {
        let source_id = text_argument(&source_id, "sourceId")?;
        let destination_id = text_argument(&destination_id, "destinationId")?;
        let subtype = optional_text_argument(&subtype, "subtype")?;
        self.0.active_contact_for(&source_id, &destination_id, subtype.as_deref()).as_ref().map(encode).transpose()
    }

    /// A contact's transcript, its newest items (up to `transcriptLimit`) oldest first;
    /// `undefined` for an unknown contact.
    pub fn transcript(
        &self,
        #[wasm_bindgen(js_name = contactId, unchecked_param_type = "string")] contact_id: JsValue,
    ) -> Result<Option<Vec<Ts<TranscriptEntry>>>, JsValue> {
        self.0.transcript(decode_contact_id(&contact_id)?).map(|entries| encode_all(&entries)).transpose()
    }

    /// The newest requests (up to `logLimit`) with their outcomes, oldest first.
    pub fn log(&self) -> Result<Vec<Ts<LogEntry>>, JsValue> {
        encode_all(&self.0.log())
    }

    /// How many requests were sent since the start or the last reset.
    #[wasm_bindgen(js_name = requestCount)]
    pub fn request_count(&self) -> f64 {
        // Exact up to 2^53 requests, far beyond what a simulator in a page will see.
        self.0.request_count() as f64
    }

    /// Runs a scenario's steps on this simulator as it stands (its settings are not applied: use
    /// `runScenario` for a fresh simulator with them) and reports each step.
    #[wasm_bindgen(js_name = runScenario)]
    pub fn run_scenario(&mut self, scenario: Ts<Scenario>) -> Result<Ts<ScenarioRun>, JsValue> {
        let scenario = decode_scenario(&scenario)?;
        encode(&ScenarioRun::from(self.0.run_scenario(&scenario)))
    }
}

fn decode_scenario(scenario: &Ts<Scenario>) -> Result<Scenario, JsValue> {
    object_argument(&scenario.js_value(), "scenario")?;
    let text = to_json_text(&scenario.js_value(), "scenario")?;
    Scenario::from_json(&text).map_err(|e| fail(e.into()))
}

/// A scenario's report, with the same report as a Markdown table (what `chat-event-lab simulate`
/// prints). The table is made here, from the report core returned, so that reports never have to
/// be read back from JS (that would cost the wasm a deserializer for every type in a report).
#[derive(Debug, Clone, Serialize, ToJson, Tsify)]
pub struct ScenarioRun {
    #[serde(flatten)]
    pub report: ScenarioReport,
    /// The report as a Markdown table, failures listed under it.
    pub table: String,
}

impl From<ScenarioReport> for ScenarioRun {
    fn from(report: ScenarioReport) -> Self {
        ScenarioRun { table: report.to_table(), report }
    }
}

/// The format of a scenario's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Tsify, FromJson)]
#[serde(rename_all = "lowercase")]
pub enum ScenarioFormat {
    Json,
    Yaml,
}

/// Reads a scenario from JSON or YAML text and checks its steps. Without `format`, text that
/// starts with `{` is JSON (or a YAML flow mapping) and any other is YAML. Throws a
/// `ChatEventError` of kind `scenario` with the line and column, or the step at fault as `path`.
#[wasm_bindgen(js_name = parseScenario)]
pub fn parse_scenario(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    format: Option<Ts<ScenarioFormat>>,
) -> Result<Ts<Scenario>, JsValue> {
    let text = text_argument(&text, "text")?;
    let text = text.as_str();
    let format = format.map(|format| decode_argument(&format.js_value(), "format")).transpose()?;
    let scenario = match format {
        None => Scenario::from_text(text),
        Some(ScenarioFormat::Json) => Scenario::from_json(text),
        Some(ScenarioFormat::Yaml) => Scenario::from_yaml(text),
    };
    encode(&scenario.map_err(|e| fail(e.into()))?)
}

/// Runs a scenario on a new simulator with the scenario's settings and reports each step: what
/// happened, and whether each expectation held; `table` is the report as Markdown.
#[wasm_bindgen(js_name = runScenario)]
pub fn run_scenario(scenario: Ts<Scenario>) -> Result<Ts<ScenarioRun>, JsValue> {
    encode(&ScenarioRun::from(decode_scenario(&scenario)?.run().map_err(|e| fail(e.into()))?))
}

/// The example scenarios shipped with the library, in the order a newcomer should read them;
/// `text` is each one's JSON, for `parseScenario`.
#[wasm_bindgen(js_name = scenarioExamples)]
pub fn scenario_examples() -> Result<Vec<Ts<Example>>, JsValue> {
    encode_all(scenarios::EXAMPLES)
}

// ---- the local endpoint ------------------------------------------------------------------------

/// SHA-256 and HMAC-SHA256 from the platform (`node:crypto` in `chat-event-lab serve`), for
/// checking signatures. A function that throws, or returns anything but 32 bytes, makes
/// `Endpoint.handle` throw.
struct JsCrypto {
    sha256: js_sys::Function,
    hmac_sha256: js_sys::Function,
    /// The first failure of a call, thrown once the request is handled.
    error: std::cell::RefCell<Option<JsValue>>,
}

impl JsCrypto {
    fn digest(&self, result: Result<JsValue, JsValue>) -> [u8; 32] {
        let mut out = [0u8; 32];
        match result.map(|b| b.dyn_into::<js_sys::Uint8Array>().map(|b| b.to_vec())) {
            Ok(Ok(bytes)) if bytes.len() == 32 => out.copy_from_slice(&bytes),
            Ok(_) => {
                let message = "crypto: each function must return 32 bytes, as a Uint8Array";
                self.error
                    .borrow_mut()
                    .get_or_insert(fail(ChatEventErrorDetails::new(ErrorKind::InvalidArgument, message)));
            }
            Err(e) => {
                self.error.borrow_mut().get_or_insert(e);
            }
        }
        out
    }
}

impl endpoint::Crypto for JsCrypto {
    fn sha256(&self, data: &[u8]) -> [u8; 32] {
        self.digest(self.sha256.call1(&JsValue::NULL, &js_sys::Uint8Array::from(data)))
    }

    fn hmac_sha256(&self, key: &[u8], data: &[u8]) -> [u8; 32] {
        let (key, data) = (js_sys::Uint8Array::from(key), js_sys::Uint8Array::from(data));
        self.digest(self.hmac_sha256.call2(&JsValue::NULL, &key, &data))
    }
}

/// The functions an `Endpoint` hashes with.
#[wasm_bindgen(typescript_custom_section)]
const ENDPOINT_CRYPTO: &str = "export interface EndpointCrypto {
    sha256(data: Uint8Array): Uint8Array;
    hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
}";

/// What a server needs to answer `SendChatIntegrationEvent` as Amazon Connect would
/// (`POST /chat-integration-event`, a `Simulator` behind it): the access keys it accepts, and
/// the platform's hashing. `chat-event-lab serve` is such a server, on Node's `http`.
#[wasm_bindgen(js_name = Endpoint)]
pub struct JsEndpoint {
    endpoint: endpoint::Endpoint,
    crypto: JsCrypto,
}

#[wasm_bindgen(js_class = Endpoint)]
impl JsEndpoint {
    /// Accepts any access key, or only `credentials` (`ACCESS_KEY_ID:SECRET_ACCESS_KEY`), whose
    /// signatures it then verifies. Throws `invalid-argument` for a credential of another form,
    /// or a `crypto` without its two functions.
    #[wasm_bindgen(constructor)]
    pub fn new(
        credentials: Vec<String>,
        #[wasm_bindgen(unchecked_param_type = "EndpointCrypto")] crypto: JsValue,
    ) -> Result<JsEndpoint, JsValue> {
        let function = |name: &str| -> Result<js_sys::Function, JsValue> {
            let f = js_sys::Reflect::get(&crypto, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
            f.dyn_into().map_err(|f| wrong_argument(&format!("crypto.{name}"), "a function", &f))
        };
        let crypto =
            JsCrypto { sha256: function("sha256")?, hmac_sha256: function("hmacSha256")?, error: Default::default() };
        let endpoint = endpoint::Endpoint::from_texts(&credentials)
            .map_err(|e| fail(ChatEventErrorDetails::new(ErrorKind::InvalidArgument, format!("credentials: {e}"))))?;
        Ok(JsEndpoint { endpoint, crypto })
    }

    /// Whether signatures are verified (credentials were given).
    #[wasm_bindgen(getter)]
    pub fn verifies(&self) -> bool {
        self.endpoint.verifies()
    }

    /// Answers one request with `simulator` behind it: its method, target (path and query),
    /// headers as Node's `rawHeaders` (name, value, name, value, …), body (`undefined` when it was
    /// longer than `maxBodyBytes()` and not read), the answer's id (`x-amzn-RequestId`), and the
    /// server's time in milliseconds, which signatures are checked against. When `changed` is
    /// true, save the simulator before the answer goes out.
    #[allow(clippy::too_many_arguments)]
    pub fn handle(
        &self,
        simulator: &mut JsSimulator,
        method: String,
        target: String,
        #[wasm_bindgen(js_name = rawHeaders)] raw_headers: Vec<String>,
        body: Option<Vec<u8>>,
        #[wasm_bindgen(js_name = requestId)] request_id: String,
        #[wasm_bindgen(js_name = receivedAt)] received_at: f64,
    ) -> Result<Ts<Exchange>, JsValue> {
        let mut headers = Vec::with_capacity(raw_headers.len() / 2);
        let mut raw = raw_headers.into_iter();
        while let (Some(name), Some(value)) = (raw.next(), raw.next()) {
            headers.push((name, value));
        }
        let received_at = Timestamp::from_epoch_millis(received_at as i64).map_err(simulator_error)?;
        let request = endpoint::HttpRequest {
            method: &method,
            target: &target,
            headers: &headers,
            body: body.as_deref(),
            request_id: &request_id,
            received_at,
        };
        let exchange = self.endpoint.handle(&mut simulator.0, &request, &self.crypto);
        if let Some(error) = self.crypto.error.borrow_mut().take() {
            return Err(error);
        }
        encode(&exchange)
    }

    /// The largest body `handle` reads.
    #[wasm_bindgen(js_name = maxBodyBytes)]
    pub fn max_body_bytes() -> usize {
        endpoint::MAX_BODY_BYTES
    }

    /// Where a server puts its control routes (`/_lab/`): a prefix the service never uses.
    #[wasm_bindgen(js_name = controlPrefix)]
    pub fn control_prefix() -> String {
        endpoint::CONTROL_PREFIX.into()
    }
}
