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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
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
}

impl crate::json::read::FromJson for Diagnostic {
    fn from_json(
        value: &serde_json::Value,
        at: &crate::json::read::Path<'_>,
    ) -> Result<Self, crate::json::read::ReadError> {
        let mut diagnostic = Diagnostic {
            path: String::new(),
            code: String::new(),
            severity: Severity::Error,
            message: String::new(),
            source: RuleSource::ServiceModel,
            caught_by_cli: false,
            suggestion: None,
            line: None,
            column: None,
        };
        crate::json::read::read_object(value, at, "a diagnostic", crate::json::read::Unknown::Refuse, &mut |o| {
            o.required_into("path", &mut diagnostic.path);
            o.required_into("code", &mut diagnostic.code);
            o.required_into("severity", &mut diagnostic.severity);
            o.required_into("message", &mut diagnostic.message);
            o.required_into("source", &mut diagnostic.source);
            o.required_into("caughtByCli", &mut diagnostic.caught_by_cli);
            o.optional_into("suggestion", &mut diagnostic.suggestion);
            o.optional_into("line", &mut diagnostic.line);
            o.optional_into("column", &mut diagnostic.column);
        })?;
        Ok(diagnostic)
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
}
