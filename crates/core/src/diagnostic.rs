//! What validation reports: one [`Diagnostic`] per problem, located at a member path.

use serde::{Deserialize, Serialize};

/// Error: AWS (or the CLI) rejects the request. Warning: accepted, but almost surely a mistake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
