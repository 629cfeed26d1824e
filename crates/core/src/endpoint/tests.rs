use super::sigv4::tests::{sign, TestCrypto};
use super::*;
use crate::simulator::Settings;

const NOW: &str = "2026-12-05T17:30:00Z";
const AMZ_NOW: &str = "20261205T173000Z";
const SMS: &str = r#"{"SourceId":"+15551234567","DestinationId":"arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-1","Subtype":"connect:sms","Event":{"Type":"MESSAGE","ContentType":"text/plain","Content":"Hi"}}"#;

fn key() -> Credential {
    Credential { access_key_id: "AKIDLAB".into(), secret_access_key: "lab-secret".into() }
}

/// An endpoint and the simulator behind it.
struct Lab {
    endpoint: Endpoint,
    simulator: Simulator,
}

fn endpoint(settings: &str, credentials: Vec<Credential>) -> Lab {
    let settings = Settings::from_json(settings).unwrap();
    Lab { endpoint: Endpoint::new(credentials), simulator: Simulator::new(settings).unwrap() }
}

/// A request as a client sends it: `host`, `content-type`, then signed with `key()` in us-west-2
/// at NOW, unless `sign_it` is false.
fn headers_for(body: &[u8], sign_it: bool) -> Vec<(String, String)> {
    let mut headers =
        vec![("Host".to_string(), "127.0.0.1:4566".to_string()), ("Content-Type".into(), "application/json".into())];
    if sign_it {
        sign("POST", SERVICE_PATH, &mut headers, body, &key(), "us-west-2", AMZ_NOW);
    }
    headers
}

fn send(lab: &mut Lab, method: &str, target: &str, headers: &[(String, String)], body: Option<&[u8]>) -> Exchange {
    let request = HttpRequest {
        method,
        target,
        headers,
        body,
        request_id: "req-1",
        received_at: Timestamp::parse_iso(NOW).unwrap(),
    };
    lab.endpoint.handle(&mut lab.simulator, &request, &TestCrypto)
}

fn post(lab: &mut Lab, body: &str) -> Exchange {
    let headers = headers_for(body.as_bytes(), true);
    send(lab, "POST", SERVICE_PATH, &headers, Some(body.as_bytes()))
}

fn header_of<'a>(exchange: &'a Exchange, name: &str) -> Option<&'a str> {
    exchange.response.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

#[test]
fn creates_then_reuses_as_the_service_answers() {
    let mut lab = endpoint("{}", vec![key()]);
    let first = post(&mut lab, SMS);
    assert_eq!(first.response.status, 200, "{}", first.response.body);
    let contact = first.record.contact_id.expect("a contact").to_text();
    assert_eq!(first.response.body, format!(r#"{{"InitialContactId":"{contact}","NewChatCreated":true}}"#));
    assert_eq!(header_of(&first, "x-amzn-RequestId"), Some("req-1"));
    assert_eq!(header_of(&first, "Content-Type"), Some("application/json"));
    assert_eq!(header_of(&first, "x-amzn-ErrorType"), None);
    assert!(first.changed);
    assert_eq!(first.record.what, Some(What::Created));
    assert_eq!(first.record.region.as_deref(), Some("us-west-2"));
    assert_eq!(first.record.access_key_id.as_deref(), Some("AKIDLAB"));

    let second = post(&mut lab, SMS);
    assert_eq!(second.response.body, format!(r#"{{"InitialContactId":"{contact}","NewChatCreated":false}}"#));
    let line = second.record.text();
    for part in [
        NOW,
        "200 POST /chat-integration-event",
        "AKIDLAB us-west-2",
        "+15551234567 → arn:aws:sms-voice",
        "(connect:sms)",
    ] {
        assert!(line.contains(part), "{part:?} in {line}");
    }
    assert_eq!(second.line, line);
    let json = crate::json::to_string(&second.record);
    assert!(json.contains(r#""what":"reused""#), "{json}");
    assert_eq!(second.record.what, Some(What::Reused));
}

/// Each way a request is refused before or by the operation: status, `x-amzn-ErrorType`, and a
/// part of the body's `Message`.
#[test]
fn refusals() {
    type Tamper = fn(&mut Vec<(String, String)>);
    fn set(headers: &mut [(String, String)], name: &str, value: &str) {
        for (n, v) in headers.iter_mut() {
            if n.eq_ignore_ascii_case(name) {
                *v = value.into();
            }
        }
    }
    let none: Tamper = |_| {};
    /// name, settings, method, body (`None`: too large), what is done to the signed headers,
    /// whether signatures are verified, the `Allow` header, status, code, part of the message.
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        Tamper,
        bool,
        &'static str,
        u16,
        &'static str,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            "unsigned",
            "{}",
            "POST",
            Some(SMS),
            |h| h.retain(|(n, _)| n != "Authorization"),
            false,
            "",
            403,
            "MissingAuthenticationToken",
            "Missing Authentication Token",
        ),
        (
            "another algorithm",
            "{}",
            "POST",
            Some(SMS),
            |h| set(h, "authorization", "AWS4-HMAC-SHA1 Credential=x"),
            false,
            "",
            400,
            "IncompleteSignature",
            "must start with 'AWS4-HMAC-SHA256'",
        ),
        (
            "no signature part",
            "{}",
            "POST",
            Some(SMS),
            |h| {
                set(
                    h,
                    "authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDLAB/20261205/us-west-2/connect/aws4_request, SignedHeaders=host",
                )
            },
            false,
            "",
            400,
            "IncompleteSignature",
            "requires 'Signature' parameter",
        ),
        (
            "a short scope",
            "{}",
            "POST",
            Some(SMS),
            |h| {
                set(h, "authorization", "AWS4-HMAC-SHA256 Credential=AKIDLAB/20261205/connect/aws4_request, SignedHeaders=host, Signature=00")
            },
            false,
            "",
            400,
            "IncompleteSignature",
            "Credential must be ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request",
        ),
        (
            "another service",
            "{}",
            "POST",
            Some(SMS),
            |h| {
                set(h, "authorization", "AWS4-HMAC-SHA256 Credential=AKIDLAB/20261205/us-west-2/execute-api/aws4_request, SignedHeaders=host, Signature=00")
            },
            false,
            "",
            403,
            "InvalidSignatureException",
            "Credential should be scoped to correct service: 'connect', not 'execute-api'",
        ),
        (
            "no X-Amz-Date",
            "{}",
            "POST",
            Some(SMS),
            |h| h.retain(|(n, _)| n != "X-Amz-Date"),
            false,
            "",
            400,
            "IncompleteSignature",
            "requires the 'X-Amz-Date' header",
        ),
        (
            "a malformed X-Amz-Date",
            "{}",
            "POST",
            Some(SMS),
            |h| set(h, "x-amz-date", "2026-12-05T17:30:00Z"),
            false,
            "",
            400,
            "IncompleteSignature",
            "ISO-8601 basic format",
        ),
        (
            "16 minutes old",
            "{}",
            "POST",
            Some(SMS),
            |h| set(h, "x-amz-date", "20261205T171400Z"),
            false,
            "",
            400,
            "RequestExpired",
            "Signature expired: 20261205T171400Z is now earlier than the endpoint's time 20261205T173000Z - 15 min.",
        ),
        (
            "16 minutes ahead",
            "{}",
            "POST",
            Some(SMS),
            |h| set(h, "x-amz-date", "20261205T174600Z"),
            false,
            "",
            400,
            "RequestExpired",
            "is now later than the endpoint's time 20261205T173000Z + 15 min.",
        ),
        (
            "an unknown key",
            "{}",
            "POST",
            Some(SMS),
            |h| {
                let auth = header(h, "authorization").unwrap().replace("AKIDLAB", "AKIDOTHER");
                set(h, "authorization", &auth)
            },
            true,
            "",
            403,
            "UnrecognizedClientException",
            "The security token included in the request is invalid.",
        ),
        (
            "one byte of the signature changed",
            "{}",
            "POST",
            Some(SMS),
            |h| {
                let mut auth = header(h, "authorization").unwrap().to_string();
                let last = auth.pop().unwrap();
                auth.push(if last == '0' { '1' } else { '0' });
                set(h, "authorization", &auth)
            },
            true,
            "",
            403,
            "InvalidSignatureException",
            "The Canonical String for this request should have been\n'POST\n/chat-integration-event\n",
        ),
        (
            "a signed header changed",
            "{}",
            "POST",
            Some(SMS),
            |h| set(h, "host", "example.com"),
            true,
            "",
            403,
            "InvalidSignatureException",
            "host:example.com",
        ),
        (
            "not JSON",
            "{}",
            "POST",
            Some("{\"SourceId\": "),
            none,
            false,
            "",
            400,
            "SerializationException",
            "at line 1, column 13",
        ),
        (
            "JSON of the wrong shape",
            "{}",
            "POST",
            Some(r#"{"SourceId": 5}"#),
            none,
            false,
            "",
            400,
            "SerializationException",
            "SourceId",
        ),
        (
            "not an object",
            "{}",
            "POST",
            Some("[1]"),
            none,
            false,
            "",
            400,
            "SerializationException",
            "must be an object",
        ),
        (
            "an invalid request",
            "{}",
            "POST",
            Some(r#"{"SourceId":"+15551234567"}"#),
            none,
            false,
            "",
            400,
            "InvalidRequestException",
            "DestinationId",
        ),
        ("empty: no members", "{}", "POST", Some(""), none, false, "", 400, "InvalidRequestException", "SourceId"),
        (
            "too large",
            "{}",
            "POST",
            None,
            none,
            false,
            "",
            413,
            "RequestEntityTooLargeException",
            "longer than 262144 bytes",
        ),
        (
            "GET",
            "{}",
            "GET",
            Some(""),
            none,
            false,
            "POST",
            405,
            "MethodNotAllowedException",
            "/chat-integration-event takes POST, not GET.",
        ),
        (
            "access denied",
            r#"{"faults":{"accessDenied":true}}"#,
            "POST",
            Some(SMS),
            none,
            false,
            "",
            403,
            "AccessDeniedException",
            "",
        ),
        (
            "an unknown destination",
            r#"{"faults":{"destinations":["arn:x"]}}"#,
            "POST",
            Some(SMS),
            none,
            false,
            "",
            404,
            "ResourceNotFoundException",
            "",
        ),
        (
            "an internal error",
            r#"{"faults":{"internalErrorProbability":1}}"#,
            "POST",
            Some(SMS),
            none,
            false,
            "",
            500,
            "InternalServiceException",
            "",
        ),
    ];
    for (name, settings, method, body, tamper, verify, allow, status, code, message) in cases {
        let credentials = if verify { vec![key()] } else { vec![] };
        let mut lab = endpoint(settings, credentials);
        let bytes = body.map(str::as_bytes);
        let mut headers = headers_for(bytes.unwrap_or(b""), true);
        tamper(&mut headers);
        let out = send(&mut lab, method, SERVICE_PATH, &headers, bytes);
        assert_eq!(
            (out.response.status, header_of(&out, "x-amzn-ErrorType")),
            (status, Some(code)),
            "{name}: {}",
            out.response.body
        );
        let body: serde_json::Value = serde_json::from_str(&out.response.body).expect("a JSON body");
        let said = body["Message"].as_str().unwrap_or_default();
        assert!(said.contains(message), "{name}: {said:?} should contain {message:?}");
        assert_eq!(header_of(&out, "x-amzn-RequestId"), Some("req-1"), "{name}");
        assert_eq!(header_of(&out, "Allow"), Some(allow).filter(|a| !a.is_empty()), "{name}");
        assert_eq!(out.record.error.as_deref(), Some(code), "{name}");
        // Only what reached the simulator changed it.
        let reached = status != 413
            && !matches!(
                code,
                "MissingAuthenticationToken"
                    | "IncompleteSignature"
                    | "InvalidSignatureException"
                    | "RequestExpired"
                    | "UnrecognizedClientException"
                    | "SerializationException"
                    | "MethodNotAllowedException"
            );
        assert_eq!(out.changed, reached, "{name}");
        assert_eq!(lab.simulator.request_count(), u64::from(reached), "{name}");
    }
}

#[test]
fn a_scope_of_another_day_is_refused() {
    let mut lab = endpoint("{}", vec![]);
    let mut headers = headers_for(SMS.as_bytes(), true);
    let auth = header(&headers, "authorization").unwrap().replace("/20261205/", "/20261204/");
    headers.retain(|(n, _)| n != "Authorization");
    headers.push(("Authorization".into(), auth));
    let out = send(&mut lab, "POST", SERVICE_PATH, &headers, Some(SMS.as_bytes()));
    assert_eq!(out.response.status, 403);
    assert!(out.response.body.contains("'20261204' != '20261205'"), "{}", out.response.body);
}

#[test]
fn throttling_answers_429_once_the_bucket_is_empty() {
    let mut lab = endpoint(r#"{"faults":{"throttling":{"ratePerSecond":1,"burst":1}}}"#, vec![]);
    assert_eq!(post(&mut lab, SMS).response.status, 200);
    let second = post(&mut lab, SMS);
    assert_eq!((second.response.status, header_of(&second, "x-amzn-ErrorType")), (429, Some("ThrottlingException")));
    assert!(second.changed, "a throttled request is in the simulator's log");
}

#[test]
fn unknown_routes() {
    let mut lab = endpoint("{}", vec![]);
    for (method, target, status, code) in [
        ("POST", "/", 404, "UnknownOperationException"),
        ("POST", "/chat-integration-event/", 404, "UnknownOperationException"),
        ("GET", "/_lab/state", 404, "UnknownOperationException"),
        ("PUT", "/chat-integration-event", 405, "MethodNotAllowedException"),
    ] {
        let out = send(&mut lab, method, target, &[], Some(b""));
        assert_eq!(
            (out.response.status, header_of(&out, "x-amzn-ErrorType")),
            (status, Some(code)),
            "{method} {target}"
        );
        assert!(!out.changed);
    }
    let out = send(&mut lab, "POST", "/nothing?x=1", &[], Some(b""));
    assert!(out.response.body.contains("No operation at POST /nothing. This endpoint serves"), "{}", out.response.body);
}

#[test]
fn credentials_from_the_command_line() {
    assert!(!Endpoint::from_texts(&[]).unwrap().verifies());
    assert!(Endpoint::from_texts(&["AKID:secret".into(), "AKID2:a:b".into()]).unwrap().verifies());
    assert_eq!(
        Endpoint::from_texts(&["AKID:secret".into(), "secret-only".into()]).err().as_deref(),
        Some("expected ACCESS_KEY_ID:SECRET_ACCESS_KEY, found \"secret-only\"")
    );
}
