//! What validation reports: one [`Diagnostic`] per problem, located at a member path.

use crate::json::{FromJson, ToJson};
use serde::Serialize;

/// Error: AWS (or the CLI) rejects the request. Warning: accepted, but almost surely a mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum RuleSource {
    /// The service model (shapes, lengths, required members, enums).
    ServiceModel,
    /// AWS's documentation, not enforced by the model.
    AwsDocs,
    /// How the SMS or WhatsApp channel behaves.
    Channel,
    /// The syntax of the input (JSON, YAML, shorthand, a command line).
    Syntax,
}

/// One problem, at a path such as `Event.ContentType`, `NewSessionDetails.SupportedMessagingContentTypes[2]`,
/// `NewSessionDetails.Attributes.customer-id` or `NewSessionDetails.Attributes (key: a.b)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson, FromJson)]
#[json(expected = "a diagnostic")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Diagnostic {
    pub path: String,
    /// A stable code such as `required`, `max-length`, `enum` or `attributes-too-large`.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub source: RuleSource,
    /// True when botocore (and so the AWS CLI) already rejects this before sending.
    pub caught_by_cli: bool,
    /// A fix to try, such as a corrected spelling or a normalized phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// 1-based line and column in the input text, where the problem is a syntax error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as compilers write theirs, for terminals and logs:
    /// `request.json:3:1: error [json-syntax] Invalid JSON …`, the path before the message when
    /// there is one (`error [required] DestinationId: …`), and `(the AWS CLI rejects this too)`
    /// when it does. `source` names the file (or nothing, when empty); the line and column follow
    /// it when known. A suggestion follows on a line of its own: `  hint: …`.
    ///
    /// ```
    /// use chat_event_core::validate::validate_json;
    /// let d = &validate_json("{\"SourceId\": 5}")[0];
    /// assert_eq!(
    ///     d.to_text("request.json"),
    ///     "request.json: error [wrong-type] SourceId: SourceId must be a string; found the number 5. (the AWS CLI rejects this too)"
    /// );
    /// ```
    pub fn to_text(&self, source: &str) -> String {
        let mut out = String::from(source);
        if let Some(line) = self.line {
            if !out.is_empty() {
                out.push(':');
            }
            out.push_str(&format!("{line}:{}", self.column.unwrap_or(1)));
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!("{severity} [{}] ", self.code));
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        out.push_str(&self.message);
        if self.caught_by_cli {
            out.push_str(" (the AWS CLI rejects this too)");
        }
        if let Some(suggestion) = &self.suggestion {
            out.push_str("\n  hint: ");
            out.push_str(suggestion);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::read::read;

    #[test]
    fn a_diagnostic_reads_back_what_it_writes() {
        let d = Diagnostic {
            path: "Event.Type".into(),
            code: "enum".into(),
            severity: Severity::Warning,
            message: "m".into(),
            source: RuleSource::AwsDocs,
            caught_by_cli: true,
            suggestion: Some("MESSAGE".into()),
            line: Some(2),
            column: None,
        };
        assert_eq!(read::<Diagnostic>(&crate::json::to_value(&d)).unwrap(), d);
        let e = read::<Diagnostic>(&serde_json::json!({"path": "", "code": "c", "severity": "fatal"})).unwrap_err();
        assert_eq!(e.to_string(), "severity: expected \"error\" or \"warning\", found \"fatal\"");
    }

    #[test]
    fn a_diagnostic_as_text() {
        let base = Diagnostic {
            path: String::new(),
            code: "json-syntax".into(),
            severity: Severity::Error,
            message: "Invalid JSON.".into(),
            source: RuleSource::Syntax,
            caught_by_cli: false,
            suggestion: None,
            line: Some(3),
            column: Some(7),
        };
        let warning = Diagnostic {
            path: "Subtype".into(),
            code: "subtype-case".into(),
            severity: Severity::Warning,
            message: "m.".into(),
            suggestion: Some("connect:sms".into()),
            line: None,
            column: None,
            ..base.clone()
        };
        let cases = [
            (&base, "f.json", "f.json:3:7: error [json-syntax] Invalid JSON."),
            (&base, "", "3:7: error [json-syntax] Invalid JSON."),
            (&warning, "f.json", "f.json: warning [subtype-case] Subtype: m.\n  hint: connect:sms"),
            (&warning, "", "warning [subtype-case] Subtype: m.\n  hint: connect:sms"),
        ];
        for (d, source, text) in cases {
            assert_eq!(d.to_text(source), text);
        }
        let no_column = Diagnostic { column: None, caught_by_cli: true, ..base.clone() };
        assert_eq!(no_column.to_text("-"), "-:3:1: error [json-syntax] Invalid JSON. (the AWS CLI rejects this too)");
    }
}
