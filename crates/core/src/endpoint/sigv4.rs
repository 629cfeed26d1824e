//! Signature Version 4 as the service checks it: the `Authorization` header read, its credential
//! scope checked, and, when the endpoint knows the caller's secret, the signature computed again
//! from the canonical request and compared.
//!
//! The hashing itself is the platform's ([`Crypto`]): `node:crypto` in the endpoint, a test
//! implementation natively. Everything else, the canonical request, the string to sign, the
//! signing key's derivation and every refusal, is here, once.

use std::fmt::Write as _;

use super::{header, WireError};
use crate::simulator::Timestamp;

/// The one algorithm SigV4 names in the header.
const ALGORITHM: &str = "AWS4-HMAC-SHA256";
/// The signing name of Amazon Connect, the fourth part of the credential scope.
pub const SERVICE: &str = "connect";
/// How far a request's date may be from the endpoint's clock, either way.
pub const MAX_SKEW_MILLIS: i64 = 15 * 60 * 1000;

/// SHA-256 and HMAC-SHA256, from the platform.
pub trait Crypto {
    fn sha256(&self, data: &[u8]) -> [u8; 32];
    fn hmac_sha256(&self, key: &[u8], data: &[u8]) -> [u8; 32];
}

/// An access key the endpoint accepts, with its secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    pub access_key_id: String,
    pub secret_access_key: String,
}

impl Credential {
    /// `ACCESS_KEY_ID:SECRET_ACCESS_KEY`, as `--credentials` takes it. A secret may hold `:`; a key id cannot.
    pub fn parse(text: &str) -> Result<Credential, String> {
        match text.split_once(':') {
            Some((id, secret)) if !id.is_empty() && !secret.is_empty() => {
                Ok(Credential { access_key_id: id.into(), secret_access_key: secret.into() })
            }
            _ => Err(format!("expected ACCESS_KEY_ID:SECRET_ACCESS_KEY, found {text:?}")),
        }
    }
}

/// Who signed a request that passed: the access key and the region of its scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    pub access_key_id: String,
    pub region: String,
}

/// The parts of a request the signature covers.
pub struct Signed<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    pub headers: &'a [(String, String)],
    pub body: &'a [u8],
}

/// The `Authorization` header's parts.
struct Authorization<'a> {
    access_key_id: &'a str,
    date: &'a str,
    region: &'a str,
    service: &'a str,
    signed_headers: &'a str,
    signature: &'a str,
}

/// Checks a request's signature. With no `credentials`, any access key passes once the header is
/// whole, its scope names `connect` and its date is current; with credentials, the key must be
/// one of them and the signature must match.
pub fn check(
    request: &Signed<'_>,
    now: Timestamp,
    credentials: &[Credential],
    crypto: &dyn Crypto,
) -> Result<Signer, WireError> {
    let Some(text) = header(request.headers, "authorization") else {
        return Err(WireError::new(403, "MissingAuthenticationToken", "Missing Authentication Token"));
    };
    let auth = parse_authorization(text)?;
    if auth.service != SERVICE {
        let message = format!("Credential should be scoped to correct service: '{SERVICE}', not '{}'.", auth.service);
        return Err(WireError::new(403, "InvalidSignatureException", message));
    }
    let Some(amz_date) = header(request.headers, "x-amz-date") else {
        return Err(incomplete(
            "Authorization header requires the 'X-Amz-Date' header, which this request does not have.",
        ));
    };
    let Some(signed_at) = parse_amz_date(amz_date) else {
        return Err(incomplete(&format!(
            "X-Amz-Date must be ISO-8601 basic format, such as 20260101T000000Z, not '{amz_date}'."
        )));
    };
    let skew = now.epoch_millis() - signed_at.epoch_millis();
    if skew.abs() > MAX_SKEW_MILLIS {
        let (which, limit) = if skew > 0 { ("earlier", "-") } else { ("later", "+") };
        let message = format!(
            "Signature expired: {amz_date} is now {which} than the endpoint's time {} {limit} 15 min.",
            basic_format(now)
        );
        return Err(WireError::new(400, "RequestExpired", message));
    }
    if !amz_date.starts_with(auth.date) || auth.date.len() != 8 {
        let message = format!(
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{}' != '{}', from '{amz_date}'.",
            auth.date,
            &amz_date[..amz_date.len().min(8)]
        );
        return Err(WireError::new(403, "InvalidSignatureException", message));
    }
    let signer = Signer { access_key_id: auth.access_key_id.into(), region: auth.region.into() };
    if credentials.is_empty() {
        return Ok(signer);
    }
    let Some(credential) = credentials.iter().find(|c| c.access_key_id == auth.access_key_id) else {
        return Err(WireError::new(
            403,
            "UnrecognizedClientException",
            "The security token included in the request is invalid.",
        ));
    };
    let canonical = canonical_request(request, auth.signed_headers, crypto);
    let scope = format!("{}/{}/{}/aws4_request", auth.date, auth.region, auth.service);
    let to_sign = format!("{ALGORITHM}\n{amz_date}\n{scope}\n{}", hex(&crypto.sha256(canonical.as_bytes())));
    let expected = hex(&signature(&credential.secret_access_key, &auth, &to_sign, crypto));
    if expected != auth.signature {
        let message = format!(
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'{canonical}'\n\nThe String-to-Sign should have been\n'{to_sign}'\n"
        );
        return Err(WireError::new(403, "InvalidSignatureException", message));
    }
    Ok(signer)
}

fn incomplete(message: &str) -> WireError {
    WireError::new(400, "IncompleteSignature", message)
}

/// `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=…`.
fn parse_authorization(text: &str) -> Result<Authorization<'_>, WireError> {
    let Some(rest) = text.strip_prefix(ALGORITHM).filter(|r| r.starts_with(' ')) else {
        let found = text.split(' ').next().unwrap_or("");
        return Err(incomplete(&format!("Authorization header must start with '{ALGORITHM}', not '{found}'.")));
    };
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let part = part.trim();
        if let Some(v) = part.strip_prefix("Credential=") {
            credential = Some(v);
        } else if let Some(v) = part.strip_prefix("SignedHeaders=") {
            signed_headers = Some(v);
        } else if let Some(v) = part.strip_prefix("Signature=") {
            signature = Some(v);
        }
    }
    let mut missing = String::new();
    for (name, value) in [("Credential", credential), ("Signature", signature), ("SignedHeaders", signed_headers)] {
        if value.is_none() {
            let _ = write!(missing, "Authorization header requires '{name}' parameter. ");
        }
    }
    let (Some(credential), Some(signed_headers), Some(signature)) = (credential, signed_headers, signature) else {
        return Err(incomplete(&format!("{missing}Authorization={text}")));
    };
    let parts: Vec<&str> = credential.split('/').collect();
    let [access_key_id, date, region, service, "aws4_request"] = parts[..] else {
        return Err(incomplete(&format!(
            "Credential must be ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request, not '{credential}'."
        )));
    };
    if access_key_id.is_empty() || region.is_empty() {
        return Err(incomplete(&format!("Credential must name an access key and a region: '{credential}'.")));
    }
    Ok(Authorization { access_key_id, date, region, service, signed_headers, signature })
}

/// `20260101T000000Z`.
fn parse_amz_date(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if b.len() != 16 || !digits(0..8) || b[8] != b'T' || !digits(9..15) || b[15] != b'Z' {
        return None;
    }
    let iso = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &text[0..4],
        &text[4..6],
        &text[6..8],
        &text[9..11],
        &text[11..13],
        &text[13..15]
    );
    Timestamp::parse_iso(&iso).ok()
}

/// A timestamp as X-Amz-Date writes it: `2026-01-01T00:00:00.250Z` is `20260101T000000Z`.
fn basic_format(at: Timestamp) -> String {
    let mut out: String = at.to_iso().chars().take(19).filter(|c| *c != '-' && *c != ':').collect();
    out.push('Z');
    out
}

/// The canonical request, as AWS documents it: method, URI, query, the signed headers with
/// their values, the list of signed headers, and the payload's hash.
fn canonical_request(request: &Signed<'_>, signed_headers: &str, crypto: &dyn Crypto) -> String {
    let mut out = String::with_capacity(256);
    out.push_str(request.method);
    out.push('\n');
    // Services other than S3 encode the path once more than it came (botocore and the JavaScript
    // SDK both do): `%20` in the path is `%2520` here.
    encode_path(&mut out, request.path);
    out.push('\n');
    out.push_str(&canonical_query(request.query));
    out.push('\n');
    for name in signed_headers.split(';') {
        out.push_str(name);
        out.push(':');
        let mut first = true;
        for (n, value) in request.headers {
            if n.eq_ignore_ascii_case(name) {
                if !first {
                    out.push(',');
                }
                first = false;
                // Trimmed, and each run of spaces inside as one.
                let mut last_space = false;
                for c in value.trim().chars() {
                    if c == ' ' && last_space {
                        continue;
                    }
                    last_space = c == ' ';
                    out.push(c);
                }
            }
        }
        out.push('\n');
    }
    out.push('\n');
    out.push_str(signed_headers);
    out.push('\n');
    match header(request.headers, "x-amz-content-sha256") {
        Some(hash) => out.push_str(hash),
        None => out.push_str(&hex(&crypto.sha256(request.body))),
    }
    out
}

/// The query's pairs sorted. Clients send them encoded as SigV4 wants (they sign the URL they
/// send), so they are compared as they came.
fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<&str> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let pair = (pair.split_once('=').map_or(pair, |(k, _)| k), pair);
        let at = pairs.partition_point(|q| (q.split_once('=').map_or(*q, |(k, _)| k), *q) <= pair);
        pairs.insert(at, pair.1);
    }
    let mut out = String::new();
    for (i, pair) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(pair);
        if !pair.contains('=') {
            out.push('=');
        }
    }
    out
}

/// Percent-encodes every byte of a path but the unreserved ones and `/`.
fn encode_path(out: &mut String, text: &str) {
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

/// The signature: the signing key derived from the secret through the scope, then the string to sign.
fn signature(secret: &str, auth: &Authorization<'_>, to_sign: &str, crypto: &dyn Crypto) -> [u8; 32] {
    let mut key = crypto.hmac_sha256(format!("AWS4{secret}").as_bytes(), auth.date.as_bytes());
    for part in [auth.region, auth.service, "aws4_request"] {
        key = crypto.hmac_sha256(&key, part.as_bytes());
    }
    crypto.hmac_sha256(&key, to_sign.as_bytes())
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use hmac::{Hmac, Mac};
    use sha2::{Digest, Sha256};

    /// The RustCrypto implementations, standing in for `node:crypto`.
    pub(crate) struct TestCrypto;

    impl Crypto for TestCrypto {
        fn sha256(&self, data: &[u8]) -> [u8; 32] {
            Sha256::digest(data).into()
        }
        fn hmac_sha256(&self, key: &[u8], data: &[u8]) -> [u8; 32] {
            let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
            mac.update(data);
            mac.finalize().into_bytes().into()
        }
    }

    /// Signs as a client would, with the same functions: for building requests in tests. The
    /// signature itself is checked against AWS's published example below, and against the real
    /// SDKs by the endpoint's tests in www/npm/consumer.
    pub(crate) fn sign(
        method: &str,
        path: &str,
        headers: &mut Vec<(String, String)>,
        body: &[u8],
        credential: &Credential,
        region: &str,
        amz_date: &str,
    ) {
        headers.push(("X-Amz-Date".into(), amz_date.into()));
        let mut names: Vec<String> = headers.iter().map(|(n, _)| n.to_ascii_lowercase()).collect();
        names.sort();
        names.dedup();
        let signed_headers = names.join(";");
        let request = Signed { method, path, query: "", headers, body };
        let canonical = canonical_request(&request, &signed_headers, &TestCrypto);
        let date = &amz_date[..8];
        let scope = format!("{date}/{region}/{SERVICE}/aws4_request");
        let to_sign = format!("{ALGORITHM}\n{amz_date}\n{scope}\n{}", hex(&TestCrypto.sha256(canonical.as_bytes())));
        let auth = Authorization {
            access_key_id: &credential.access_key_id,
            date,
            region,
            service: SERVICE,
            signed_headers: &signed_headers,
            signature: "",
        };
        let signature = hex(&signature(&credential.secret_access_key, &auth, &to_sign, &TestCrypto));
        headers.push((
            "Authorization".into(),
            format!(
                "{ALGORITHM} Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
                credential.access_key_id
            ),
        ));
    }

    /// AWS's worked example of a signed request (IAM `ListUsers`, in "Create a signed AWS API
    /// request"): its canonical request, string to sign and signature, byte for byte.
    #[test]
    fn signs_aws_published_example() {
        let headers = vec![
            ("Host".to_string(), "iam.amazonaws.com".to_string()),
            ("Content-Type".to_string(), "application/x-www-form-urlencoded; charset=utf-8".to_string()),
            ("X-Amz-Date".to_string(), "20150830T123600Z".to_string()),
        ];
        let request = Signed {
            method: "GET",
            path: "/",
            query: "Version=2010-05-08&Action=ListUsers",
            headers: &headers,
            body: b"",
        };
        let canonical = canonical_request(&request, "content-type;host;x-amz-date", &TestCrypto);
        assert_eq!(
            canonical,
            "GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&TestCrypto.sha256(canonical.as_bytes())),
            "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59"
        );
        let auth = Authorization {
            access_key_id: "AKIDEXAMPLE",
            date: "20150830",
            region: "us-east-1",
            service: "iam",
            signed_headers: "",
            signature: "",
        };
        let to_sign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59";
        assert_eq!(
            hex(&signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", &auth, to_sign, &TestCrypto)),
            "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
        );
    }

    #[test]
    fn canonical_parts() {
        for (query, canonical) in [
            ("", ""),
            ("b=2&a=1", "a=1&b=2"),
            ("a=x%20y&a=b", "a=b&a=x%20y"),
            ("a-b=1&a=2", "a=2&a-b=1"),
            ("k=v&flag", "flag=&k=v"),
        ] {
            assert_eq!(canonical_query(query), canonical, "{query}");
        }
        let mut path = String::new();
        encode_path(&mut path, "/a b/%20");
        assert_eq!(path, "/a%20b/%2520");
        for (at, text) in
            [("2026-12-05T17:30:00Z", "20261205T173000Z"), ("2026-12-05T17:30:00.123Z", "20261205T173000Z")]
        {
            assert_eq!(basic_format(Timestamp::parse_iso(at).unwrap()), text);
        }
        assert_eq!(parse_amz_date("20261205T173000Z"), Timestamp::parse_iso("2026-12-05T17:30:00Z").ok());
        for bad in ["", "2026-12-05T17:30:00Z", "20261205T173000", "20261305T173000Z", "2026120５T17300Z"] {
            assert_eq!(parse_amz_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn credentials_parse() {
        assert_eq!(
            Credential::parse("AKID:se:cret"),
            Ok(Credential { access_key_id: "AKID".into(), secret_access_key: "se:cret".into() })
        );
        for bad in ["", "AKID", ":secret", "AKID:"] {
            assert!(Credential::parse(bad).is_err(), "{bad}");
        }
    }
}
