//! The simulator behind HTTP, as Amazon Connect speaks it: a local endpoint that the AWS CLI, boto3
//! and the JavaScript SDK can be pointed at (`--endpoint-url`).
//!
//! A server (the npm package's `serve` command, on Node's `http`) reads each request's method,
//! target, headers and body and hands them to [`Endpoint::handle`] with its simulator; everything
//! else is decided here: the route, the signature ([`sigv4`]), how the body reads, what the
//! simulator does, the status, the headers and the body of the answer, and the line the server
//! logs. The server's control routes (under [`CONTROL_PREFIX`]) call the simulator's own methods.

pub mod sigv4;

use serde::Serialize;

use crate::json::ToJson;
use crate::simulator::outcome::error_body;
use crate::simulator::{ContactId, Outcome, Simulator, Timestamp, What};
use crate::SendChatIntegrationEventRequest;
pub use sigv4::{Credential, Crypto};

/// The operation's route.
pub const SERVICE_PATH: &str = "/chat-integration-event";
/// Where a server puts the routes that drive the simulator in ways AWS has no API for (the clock,
/// ending chats, snapshots). The service never uses this prefix.
pub const CONTROL_PREFIX: &str = "/_lab/";
/// The largest body read. The request's members are bounded (16 KB of content, 32 KB of
/// attributes, short identifiers): a body several times that size is not a request.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// A request as the server received it.
pub struct HttpRequest<'a> {
    pub method: &'a str,
    /// The request line's target: the path and any `?query`.
    pub target: &'a str,
    /// Every header as received, names in any case, repeated ones repeated.
    pub headers: &'a [(String, String)],
    /// The body; `None` when it was longer than [`MAX_BODY_BYTES`] and the server stopped reading.
    pub body: Option<&'a [u8]>,
    /// The id of this answer (`x-amzn-RequestId`), made by the server.
    pub request_id: &'a str,
    /// The server's clock when the request arrived, which signatures are checked against (the
    /// simulator's clock is virtual and separate).
    pub received_at: Timestamp,
}

/// What to answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct HttpResponse {
    pub status: u16,
    /// Names as AWS writes them.
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, string>"))]
    pub headers: crate::ordered_map::OrderedMap<String>,
    pub body: String,
}

/// One request handled: the answer, whether the simulator changed (and so should be saved before
/// the answer goes out), and what to log.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Exchange {
    pub response: HttpResponse,
    pub changed: bool,
    /// What to log, as a JSON object (`--log json`).
    pub record: RequestRecord,
    /// The same as one line of text: [`RequestRecord::text`].
    pub line: String,
}

/// The log line of one request.
#[derive(Debug, Clone, PartialEq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RequestRecord {
    /// The server's time.
    pub at: Timestamp,
    pub request_id: String,
    pub method: String,
    pub path: String,
    pub status: u16,
    /// The error's code (`x-amzn-ErrorType`), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The access key that signed the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_key_id: Option<String>,
    /// The region of the signature's credential scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// SourceId, DestinationId and Subtype, when the body held a request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<String>,
    /// What the simulator did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<What>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<ContactId>,
    /// Why, in a sentence or two.
    pub explanation: String,
}

impl RequestRecord {
    /// One line for a terminal: time, status, route, who, what and why.
    pub fn text(&self) -> String {
        let mut line = format!("{} {} {} {}", self.at, self.status, self.method, self.path);
        for part in [&self.error, &self.access_key_id, &self.region, &self.identity].into_iter().flatten() {
            line.push(' ');
            line.push_str(part);
        }
        line.push_str(": ");
        line.push_str(&self.explanation);
        line
    }
}

/// An error answer that is not the simulator's: a route, a body or a signature the service
/// refuses before the operation runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
    /// The methods the route takes, for the `Allow` header of a 405.
    pub allow: Option<String>,
}

impl WireError {
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        WireError { status, code, message: message.into(), allow: None }
    }
}

/// What the endpoint was told: the access keys it accepts.
pub struct Endpoint {
    credentials: Vec<Credential>,
}

impl Endpoint {
    /// With `credentials`, only these keys are accepted and every signature is verified; without,
    /// any key passes once its header is whole.
    pub fn new(credentials: Vec<Credential>) -> Endpoint {
        Endpoint { credentials }
    }

    /// [`Endpoint::new`] from `ACCESS_KEY_ID:SECRET_ACCESS_KEY` texts, as `--credentials` gives them.
    pub fn from_texts(credentials: &[String]) -> Result<Endpoint, String> {
        let mut parsed = Vec::with_capacity(credentials.len());
        for text in credentials {
            parsed.push(Credential::parse(text)?);
        }
        Ok(Endpoint::new(parsed))
    }

    /// Whether signatures are verified.
    pub fn verifies(&self) -> bool {
        !self.credentials.is_empty()
    }

    /// Answers one request.
    pub fn handle(&self, simulator: &mut Simulator, request: &HttpRequest<'_>, crypto: &dyn Crypto) -> Exchange {
        let (path, query) = request.target.split_once('?').unwrap_or((request.target, ""));
        let mut record = RequestRecord {
            at: request.received_at,
            request_id: request.request_id.into(),
            method: request.method.into(),
            path: path.into(),
            status: 0,
            error: None,
            access_key_id: None,
            region: None,
            identity: None,
            what: None,
            contact_id: None,
            explanation: String::new(),
        };
        let (answer, changed) = if path == SERVICE_PATH {
            match self.operation(simulator, request, path, query, &mut record, crypto) {
                Ok(outcome) => {
                    record.what = Some(outcome.what);
                    record.contact_id = outcome.contact_id;
                    record.explanation = outcome.explanation.to_string();
                    (outcome_answer(&outcome), true)
                }
                Err(error) => {
                    record.explanation = first_line(&error.message).into();
                    (Answer::Error(error, None), false)
                }
            }
        } else {
            let error = unknown_route(request.method, path);
            record.explanation = error.message.clone();
            (Answer::Error(error, None), false)
        };
        if let Answer::Error(e, _) = &answer {
            record.error = Some(e.code.into());
        }
        let response = answer.response(request.request_id);
        record.status = response.status;
        Exchange { response, changed, line: record.text(), record }
    }

    /// `POST /chat-integration-event`: the body's size, the signature, the body, then the simulator.
    fn operation(
        &self,
        simulator: &mut Simulator,
        request: &HttpRequest<'_>,
        path: &str,
        query: &str,
        record: &mut RequestRecord,
        crypto: &dyn Crypto,
    ) -> Result<Outcome, WireError> {
        if request.method != "POST" {
            return Err(method_not_allowed(request.method, path, "POST"));
        }
        let Some(body) = request.body else { return Err(too_large()) };
        let signed = sigv4::Signed { method: request.method, path, query, headers: request.headers, body };
        let signer = sigv4::check(&signed, request.received_at, &self.credentials, crypto)?;
        record.access_key_id = Some(signer.access_key_id);
        record.region = Some(signer.region);
        let parsed = read_body(body)?;
        record.identity = Some(identity(&parsed));
        Ok(simulator.send(&parsed))
    }
}

/// The answer before it is written out.
enum Answer {
    Ok(String),
    /// The error and, for the operation's own errors, the body the simulator's response has.
    Error(WireError, Option<String>),
}

impl Answer {
    fn response(self, request_id: &str) -> HttpResponse {
        let mut headers = crate::ordered_map::OrderedMap::default();
        headers.insert("Content-Type".to_string(), "application/json".to_string());
        headers.insert("x-amzn-RequestId".to_string(), request_id.to_string());
        match self {
            Answer::Ok(body) => HttpResponse { status: 200, headers, body },
            Answer::Error(mut error, body) => {
                headers.insert("x-amzn-ErrorType".into(), error.code.into());
                if let Some(allow) = error.allow.take() {
                    headers.insert("Allow".into(), allow);
                }
                let body = body.unwrap_or_else(|| error_body(&error.message, None));
                HttpResponse { status: error.status, headers, body }
            }
        }
    }
}

/// The simulator's outcome as the service answers it, its body written by the simulator's response.
fn outcome_answer(outcome: &Outcome) -> Answer {
    let body = outcome.response.body_json();
    match outcome.error() {
        None => Answer::Ok(body),
        Some(e) => Answer::Error(WireError::new(e.http_status, e.error_type.name(), e.message.clone()), Some(body)),
    }
}

/// The body as a request. Text that is not JSON, or JSON that does not fit the request's shape,
/// cannot be deserialized into the operation's input: AWS's JSON services answer that with 400
/// `SerializationException`, before validation. (Amazon Connect's exact wording is not known.)
fn read_body(body: &[u8]) -> Result<SendChatIntegrationEventRequest, WireError> {
    let serialization = |message: String| WireError::new(400, "SerializationException", message);
    let text = std::str::from_utf8(body)
        .map_err(|e| serialization(format!("The body is not UTF-8 text: byte {} is not.", e.valid_up_to() + 1)))?;
    // An empty body is an input with no members, as the service reads it.
    let text = if text.trim().is_empty() { "{}" } else { text };
    crate::import::read_request_json(text).map_err(|e| {
        // A syntax error's message says its line and column; a shape error is located by its path.
        let located = e.diagnostics.first().map(|d| match d.path.as_str() {
            "" => d.message.clone(),
            path => format!("{path}: {}", d.message),
        });
        serialization(located.unwrap_or(e.message))
    })
}

/// `+15551234567 → arn:… (connect:sms)`.
fn identity(request: &SendChatIntegrationEventRequest) -> String {
    let or_none = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".into());
    format!("{} → {} ({})", or_none(&request.source_id), or_none(&request.destination_id), or_none(&request.subtype))
}

fn too_large() -> WireError {
    WireError::new(
        413,
        "RequestEntityTooLargeException",
        format!("The body is longer than {MAX_BODY_BYTES} bytes: no SendChatIntegrationEvent request is that long."),
    )
}

/// Where the endpoint has nothing.
fn unknown_route(method: &str, path: &str) -> WireError {
    WireError::new(
        404,
        "UnknownOperationException",
        format!(
            "No operation at {method} {path}. This endpoint serves SendChatIntegrationEvent (POST {SERVICE_PATH}) and its control routes under {}.",
            CONTROL_PREFIX
        ),
    )
}

/// A route that exists, with another method.
fn method_not_allowed(method: &str, path: &str, allowed: &str) -> WireError {
    let message = format!("{path} takes {allowed}, not {method}.");
    WireError { allow: Some(allowed.into()), ..WireError::new(405, "MethodNotAllowedException", message) }
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// The value of a header (the first, when repeated), by name in any case.
pub(crate) fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests;
