//! [`ToJson`] for every type core writes, member by member: each is the twin of the type's
//! `Serialize` (derived, with its `#[serde]` attributes), and tests check the two write the same
//! tree. Kept together here so that the wire format of all types reads in one place.
//!
//! Each `#[serde(...)]` attribute has its counterpart: `rename`/`rename_all` are the names
//! written below, `skip_serializing_if` is [`Members::optional`] (an `Option` member without it
//! is written as `null` by [`Members::add`]), `tag = "..."` is the tag member written first.

use serde_json::Value;

use super::write::{string, Members, ToJson};
use crate::cli::cli_input::InputFormat;
use crate::cli::command::{
    CommandError, CommandWarning, GlobalOption, InputForm, ParsedCommand, RenderNote, RenderOptions, RenderedCommand,
    RenderedFile, StructureStyle,
};
use crate::cli::shell::{QuotedArg, Shell};
use crate::cli::shorthand::model::{ParsedStructure, StructureError, ValueSyntax};
use crate::cli::shorthand::{
    Generated, NotExpressible, QuoteReason, ScalarNote, ShorthandError, ShorthandErrorKind, ShorthandValue, Written,
};
use crate::help::FieldHelp;
use crate::import::{Format, Imported};
use crate::simulator::faults::TokenBucket;
use crate::simulator::ids::SplitMix64;
use crate::simulator::scenario::{EndChatStep, Expect, Step, StepDuration};
use crate::simulator::scenarios::Example;
use crate::simulator::{
    AdvanceReport, AwsResponse, ContactId, ContactStatus, ContactView, EndReason, EndedBy, Explanation, Faults,
    LogEntry, MessageId, Outcome, Predecessor, Scenario, ScenarioReport, Settings, StepReport, SubtypeMatching,
    Throttling, Timestamp, TranscriptEntry, What,
};
use crate::snippets::SdkLanguage;
use crate::yaml::YamlError;
use crate::{
    AttachedFileInvalidRequestExceptionReason, ChatEvent, ChatStreamingConfiguration, Diagnostic, ErrorType,
    InvalidRequestExceptionReason, NewSessionDetails, ParticipantDetails, RuleSource, SendChatIntegrationEventRequest,
    SendChatIntegrationEventResponse, ServiceError, Severity,
};

// ---------------------------------------------------------------------------------------------
// The request, the response and the errors (crate::model): AWS's member names.

impl ToJson for SendChatIntegrationEventRequest {
    fn to_json(&self) -> Value {
        Members::new()
            .optional("SourceId", &self.source_id)
            .optional("DestinationId", &self.destination_id)
            .optional("Subtype", &self.subtype)
            .optional("Event", &self.event)
            .optional("NewSessionDetails", &self.new_session_details)
            .finish()
    }
}

impl ToJson for ChatEvent {
    fn to_json(&self) -> Value {
        Members::new()
            .optional("Type", &self.r#type)
            .optional("ContentType", &self.content_type)
            .optional("Content", &self.content)
            .finish()
    }
}

impl ToJson for NewSessionDetails {
    fn to_json(&self) -> Value {
        Members::new()
            .optional("SupportedMessagingContentTypes", &self.supported_messaging_content_types)
            .optional("ParticipantDetails", &self.participant_details)
            .optional("Attributes", &self.attributes)
            .optional("StreamingConfiguration", &self.streaming_configuration)
            .finish()
    }
}

impl ToJson for ParticipantDetails {
    fn to_json(&self) -> Value {
        Members::new().optional("DisplayName", &self.display_name).finish()
    }
}

impl ToJson for ChatStreamingConfiguration {
    fn to_json(&self) -> Value {
        Members::new().optional("StreamingEndpointArn", &self.streaming_endpoint_arn).finish()
    }
}

impl ToJson for SendChatIntegrationEventResponse {
    fn to_json(&self) -> Value {
        Members::new()
            .optional("InitialContactId", &self.initial_contact_id)
            .optional("NewChatCreated", &self.new_chat_created)
            .finish()
    }
}

impl ToJson for ErrorType {
    fn to_json(&self) -> Value {
        string(self.name())
    }
}

impl ToJson for InvalidRequestExceptionReason {
    fn to_json(&self) -> Value {
        Members::new()
            .add("AttachedFileInvalidRequestExceptionReason", &self.attached_file_invalid_request_exception_reason)
            .finish()
    }
}

crate::to_json_one_of!(AttachedFileInvalidRequestExceptionReason {
    AttachedFileInvalidRequestExceptionReason::INVALID_FILE_SIZE => "INVALID_FILE_SIZE",
    AttachedFileInvalidRequestExceptionReason::INVALID_FILE_TYPE => "INVALID_FILE_TYPE",
    AttachedFileInvalidRequestExceptionReason::INVALID_FILE_NAME => "INVALID_FILE_NAME",
});

impl ToJson for ServiceError {
    fn to_json(&self) -> Value {
        Members::new()
            .add("Type", &self.error_type)
            .add("HttpStatus", &self.http_status)
            .add("Message", &self.message)
            .optional("Reason", &self.reason)
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// Diagnostics, help, import, snippets, YAML errors.

crate::to_json_one_of!(Severity { Severity::Error => "error", Severity::Warning => "warning" });

crate::to_json_one_of!(RuleSource {
    RuleSource::ServiceModel => "service-model",
    RuleSource::AwsDocs => "aws-docs",
    RuleSource::Channel => "channel",
    RuleSource::Syntax => "syntax",
});

impl ToJson for Diagnostic {
    fn to_json(&self) -> Value {
        Members::new()
            .add("path", &self.path)
            .add("code", &self.code)
            .add("severity", &self.severity)
            .add("message", &self.message)
            .add("source", &self.source)
            .add("caughtByCli", &self.caught_by_cli)
            .optional("suggestion", &self.suggestion)
            .optional("line", &self.line)
            .optional("column", &self.column)
            .finish()
    }
}

impl ToJson for FieldHelp {
    fn to_json(&self) -> Value {
        Members::new()
            .add("path", &self.path)
            .add("member", &self.member)
            .add("description", &self.description)
            .add("required", &self.required)
            .add("constraints", &self.constraints)
            .add("allowedValues", &self.allowed_values)
            .optional("docsNote", &self.docs_note)
            .finish()
    }
}

crate::to_json_one_of!(Format { Format::Json => "json", Format::Yaml => "yaml", Format::Command => "command" });

impl ToJson for Imported {
    fn to_json(&self) -> Value {
        Members::new()
            .add("format", &self.format)
            .optional("request", &self.request)
            .add("diagnostics", &self.diagnostics)
            .finish()
    }
}

crate::to_json_one_of!(SdkLanguage { SdkLanguage::Python => "python", SdkLanguage::JavaScript => "javaScript" });

impl ToJson for YamlError {
    fn to_json(&self) -> Value {
        Members::new()
            .add("message", &self.message)
            .optional("line", &self.line)
            .optional("column", &self.column)
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// The AWS CLI: shells, commands, input documents, shorthand.

crate::to_json_one_of!(Shell {
    Shell::Bash => "bash",
    Shell::PowerShell5 => "powerShell5",
    Shell::PowerShell7 => "powerShell7",
    Shell::Cmd => "cmd",
});

impl ToJson for QuotedArg {
    fn to_json(&self) -> Value {
        Members::new()
            .add("text", &self.text)
            .optional("reason", &self.reason)
            .optional("warning", &self.warning)
            .finish()
    }
}

crate::to_json_one_of!(StructureStyle { StructureStyle::Shorthand => "shorthand", StructureStyle::Json => "json" });

crate::to_json_one_of!(InputForm {
    InputForm::Options => "options",
    InputForm::CliInputJson => "cliInputJson",
    InputForm::CliInputJsonFile => "cliInputJsonFile",
    InputForm::CliInputYaml => "cliInputYaml",
    InputForm::CliInputYamlFile => "cliInputYamlFile",
});

impl ToJson for RenderOptions {
    fn to_json(&self) -> Value {
        Members::new()
            .add("shell", &self.shell)
            .add("multiline", &self.multiline)
            .add("eventStyle", &self.event_style)
            .add("newSessionDetailsStyle", &self.new_session_details_style)
            .add("input", &self.input)
            .add("region", &self.region)
            .add("profile", &self.profile)
            .add("endpointUrl", &self.endpoint_url)
            .finish()
    }
}

impl ToJson for RenderNote {
    fn to_json(&self) -> Value {
        Members::new()
            .optional("option", &self.option)
            .optional("path", &self.path)
            .add("kind", &self.kind)
            .add("message", &self.message)
            .finish()
    }
}

impl ToJson for RenderedFile {
    fn to_json(&self) -> Value {
        Members::new().add("name", &self.name).add("content", &self.content).finish()
    }
}

impl ToJson for RenderedCommand {
    fn to_json(&self) -> Value {
        Members::new()
            .add("shell", &self.shell)
            .add("text", &self.text)
            .add("argv", &self.argv)
            .add("notes", &self.notes)
            .add("files", &self.files)
            .finish()
    }
}

impl ToJson for GlobalOption {
    fn to_json(&self) -> Value {
        Members::new().add("name", &self.name).optional("value", &self.value).finish()
    }
}

impl ToJson for CommandWarning {
    fn to_json(&self) -> Value {
        Members::new().optional("option", &self.option).add("message", &self.message).add("index", &self.index).finish()
    }
}

impl ToJson for ParsedCommand {
    fn to_json(&self) -> Value {
        Members::new()
            .add("params", &self.params)
            .optional("request", &self.request)
            .add("diagnostics", &self.diagnostics)
            .add("globalOptions", &self.global_options)
            .add("warnings", &self.warnings)
            .optional("generateCliSkeleton", &self.generate_cli_skeleton)
            .finish()
    }
}

impl ToJson for CommandError {
    fn to_json(&self) -> Value {
        Members::new()
            .add("message", &self.message)
            .optional("option", &self.option)
            .add("index", &self.index)
            .add("line", &self.line)
            .add("column", &self.column)
            .optional("hint", &self.hint)
            .optional("validOptions", &self.valid_options)
            .optional("suggestion", &self.suggestion)
            .optional("shorthand", &self.shorthand)
            .finish()
    }
}

crate::to_json_one_of!(InputFormat { InputFormat::Json => "json", InputFormat::Yaml => "yaml" });

crate::to_json_one_of!(ValueSyntax { ValueSyntax::Shorthand => "shorthand", ValueSyntax::Json => "json" });

impl ToJson for ParsedStructure {
    fn to_json(&self) -> Value {
        Members::new()
            .add("value", &self.value)
            .add("syntax", &self.syntax)
            .add("diagnostics", &self.diagnostics)
            .finish()
    }
}

/// Tagged by `type`; the shorthand error's members follow the tag.
impl ToJson for StructureError {
    fn to_json(&self) -> Value {
        match self {
            StructureError::Shorthand(e) => Members::new().add("type", &"shorthand").flatten(e).finish(),
            StructureError::Json { message, line, column, hint } => Members::new()
                .add("type", &"json")
                .add("message", message)
                .add("line", line)
                .add("column", column)
                .add("hint", hint)
                .finish(),
        }
    }
}

/// Untagged: plain JSON.
impl ToJson for ShorthandValue {
    fn to_json(&self) -> Value {
        // The inherent `to_json`, which the CLI's own conversion uses too.
        ShorthandValue::to_json(self)
    }
}

/// Tagged by `type`.
impl ToJson for ShorthandErrorKind {
    fn to_json(&self) -> Value {
        match self {
            ShorthandErrorKind::Syntax { expected, received } => {
                Members::new().add("type", &"syntax").add("expected", expected).add("received", received).finish()
            }
            ShorthandErrorKind::DuplicateKey { key } => {
                Members::new().add("type", &"duplicateKey").add("key", key).finish()
            }
            ShorthandErrorKind::FileReference { reference } => {
                Members::new().add("type", &"fileReference").add("reference", reference).finish()
            }
            ShorthandErrorKind::TooDeep { limit } => {
                Members::new().add("type", &"tooDeep").add("limit", limit).finish()
            }
        }
    }
}

impl ToJson for ShorthandError {
    fn to_json(&self) -> Value {
        Members::new()
            .add("kind", &self.kind)
            .add("index", &self.index)
            .add("line", &self.line)
            .add("column", &self.column)
            .add("message", &self.message)
            .optional("hint", &self.hint)
            .finish()
    }
}

impl ToJson for NotExpressible {
    fn to_json(&self) -> Value {
        Members::new().add("path", &self.path).add("reason", &self.reason).finish()
    }
}

impl ToJson for Generated {
    fn to_json(&self) -> Value {
        Members::new().add("text", &self.text).add("notes", &self.notes).finish()
    }
}

impl ToJson for ScalarNote {
    fn to_json(&self) -> Value {
        Members::new().add("path", &self.path).add("written", &self.written).add("reasons", &self.reasons).finish()
    }
}

/// Tagged by `style`.
impl ToJson for Written {
    fn to_json(&self) -> Value {
        match self {
            Written::EscapedCommas { count } => {
                Members::new().add("style", &"escapedCommas").add("count", count).finish()
            }
            Written::Quoted { quote, escaped_quotes, doubled_backslashes } => Members::new()
                .add("style", &"quoted")
                .add("quote", quote)
                .add("escapedQuotes", escaped_quotes)
                .add("doubledBackslashes", doubled_backslashes)
                .finish(),
        }
    }
}

/// Tagged by `kind`; a reason's one member, if any, follows the tag.
impl ToJson for QuoteReason {
    fn to_json(&self) -> Value {
        let (kind, member): (&str, Option<(&str, &dyn ToJson)>) = match self {
            QuoteReason::Comma { count } => ("comma", Some(("count", count))),
            QuoteReason::AboveBmp { example } => ("aboveBmp", Some(("example", example))),
            QuoteReason::QuoteMark { quote } => ("quoteMark", Some(("quote", quote))),
            QuoteReason::ClosingBracket { bracket } => ("closingBracket", Some(("bracket", bracket))),
            QuoteReason::EqualsInLaterItem => ("equalsInLaterItem", None),
            QuoteReason::ControlCharacter { example } => ("controlCharacter", Some(("example", example))),
            QuoteReason::LeadingWhitespace { example } => ("leadingWhitespace", Some(("example", example))),
            QuoteReason::TrailingWhitespace { example } => ("trailingWhitespace", Some(("example", example))),
            QuoteReason::OpensStructure { bracket } => ("opensStructure", Some(("bracket", bracket))),
            QuoteReason::StartsWithEquals => ("startsWithEquals", None),
            QuoteReason::ClosesList => ("closesList", None),
            QuoteReason::EmptyLastInMap => ("emptyLastInMap", None),
            QuoteReason::EmptyLastInList => ("emptyLastInList", None),
            QuoteReason::EmptyInCommaList => ("emptyInCommaList", None),
            QuoteReason::Other => ("other", None),
        };
        let mut members = Members::new();
        members.add("kind", &kind);
        if let Some((name, value)) = member {
            members.add(name, value);
        }
        members.finish()
    }
}

// ---------------------------------------------------------------------------------------------
// The simulator.

/// `{"iso": "2026-01-01T00:00:00Z", "epochMillis": 1767225600000}`.
impl ToJson for Timestamp {
    fn to_json(&self) -> Value {
        Members::new().add("iso", &self.to_iso()).add("epochMillis", &self.epoch_millis()).finish()
    }
}

/// The id's text.
impl ToJson for ContactId {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl ToJson for MessageId {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl ToJson for SplitMix64 {
    fn to_json(&self) -> Value {
        Members::new().add("state", &self.state).finish()
    }
}

impl ToJson for TokenBucket {
    fn to_json(&self) -> Value {
        Members::new().add("tokens", &self.tokens).add("updatedAtMillis", &self.updated_at_millis).finish()
    }
}

impl ToJson for Outcome {
    fn to_json(&self) -> Value {
        Members::new()
            .add("at", &self.at)
            .add("what", &self.what)
            .add("response", &self.response)
            .optional("contactId", &self.contact_id)
            .optional("follows", &self.follows)
            .add("newSessionDetailsIgnored", &self.new_session_details_ignored)
            .optional("messageId", &self.message_id)
            .add("explanation", &self.explanation)
            .optional("diagnostics", &self.diagnostics)
            .finish()
    }
}

/// Written as its text.
impl ToJson for Explanation {
    fn to_json(&self) -> Value {
        string(self.as_str())
    }
}

/// `{"ok": response}` or `{"error": error}`.
impl ToJson for AwsResponse {
    fn to_json(&self) -> Value {
        match self {
            AwsResponse::Ok(response) => Members::new().add("ok", response).finish(),
            AwsResponse::Error(error) => Members::new().add("error", error).finish(),
        }
    }
}

crate::to_json_one_of!(What {
    What::Created => "created",
    What::Reused => "reused",
    What::Disconnected => "disconnected",
    What::NoActiveChat => "noActiveChat",
    What::InvalidRequest => "invalidRequest",
    What::ContentTypeNotEnabled => "contentTypeNotEnabled",
    What::UnknownReceiptTarget => "unknownReceiptTarget",
    What::AccessDenied => "accessDenied",
    What::Throttled => "throttled",
    What::DestinationNotFound => "destinationNotFound",
    What::InternalError => "internalError",
    What::ActiveChatLimit => "activeChatLimit",
});

impl ToJson for Predecessor {
    fn to_json(&self) -> Value {
        Members::new()
            .add("contactId", &self.contact_id)
            .add("startedAt", &self.started_at)
            .add("endedAt", &self.ended_at)
            .add("endReason", &self.end_reason)
            .finish()
    }
}

crate::to_json_one_of!(EndReason {
    EndReason::CustomerDisconnected => "customerDisconnected",
    EndReason::AgentDisconnected => "agentDisconnected",
    EndReason::FlowDisconnected => "flowDisconnected",
    EndReason::Expired => "expired",
});

crate::to_json_one_of!(EndedBy { EndedBy::Agent => "agent", EndedBy::Flow => "flow" });

crate::to_json_one_of!(ContactStatus {
    ContactStatus::Active => "active",
    ContactStatus::Ended => "ended",
    ContactStatus::Expired => "expired",
});

impl ToJson for ContactView {
    fn to_json(&self) -> Value {
        Members::new()
            .add("contactId", &self.contact_id)
            .add("sourceId", &self.source_id)
            .add("destinationId", &self.destination_id)
            .optional("subtype", &self.subtype)
            .add("status", &self.status)
            .optional("endReason", &self.end_reason)
            .add("startedAt", &self.started_at)
            .add("expiresAt", &self.expires_at)
            .optional("endedAt", &self.ended_at)
            .optional("follows", &self.follows)
            .optional("displayName", &self.display_name)
            .optional("attributes", &self.attributes)
            .optional("streamingEndpointArn", &self.streaming_endpoint_arn)
            .add("supportedMessagingContentTypes", &self.supported_messaging_content_types)
            .add("messageCount", &self.message_count)
            .finish()
    }
}

impl ToJson for LogEntry {
    fn to_json(&self) -> Value {
        Members::new().add("number", &self.number).add("request", &self.request).add("outcome", &self.outcome).finish()
    }
}

impl ToJson for AdvanceReport {
    fn to_json(&self) -> Value {
        Members::new().add("from", &self.from).add("to", &self.to).add("expired", &self.expired).finish()
    }
}

impl ToJson for TranscriptEntry {
    fn to_json(&self) -> Value {
        Members::new()
            .add("messageId", &self.message_id)
            .add("at", &self.at)
            .add("eventType", &self.event_type)
            .optional("contentType", &self.content_type)
            .optional("content", &self.content)
            .finish()
    }
}

impl ToJson for Scenario {
    fn to_json(&self) -> Value {
        Members::new()
            .add("title", &self.title)
            .optional("description", &self.description)
            .optional("settings", &self.settings)
            .add("steps", &self.steps)
            .finish()
    }
}

impl ToJson for Step {
    fn to_json(&self) -> Value {
        Members::new()
            .optional("name", &self.name)
            .optional("after", &self.after)
            .optional("send", &self.send)
            .optional("advance", &self.advance)
            .optional("endChat", &self.end_chat)
            .optional("expect", &self.expect)
            .finish()
    }
}

/// Written compactly (`"1h30m"`).
impl ToJson for StepDuration {
    fn to_json(&self) -> Value {
        Value::String(crate::simulator::clock::compact_duration(self.millis))
    }
}

impl ToJson for EndChatStep {
    fn to_json(&self) -> Value {
        Members::new()
            .optional("contactOf", &self.contact_of)
            .optional("contactId", &self.contact_id)
            .optional("sourceId", &self.source_id)
            .optional("destinationId", &self.destination_id)
            .optional("subtype", &self.subtype)
            .add("by", &self.by)
            .finish()
    }
}

impl ToJson for Expect {
    fn to_json(&self) -> Value {
        Members::new()
            .optional("what", &self.what)
            .optional("newChatCreated", &self.new_chat_created)
            .optional("error", &self.error)
            .optional("httpStatus", &self.http_status)
            .optional("initialContactIdAbsent", &self.initial_contact_id_absent)
            .optional("sameContactAs", &self.same_contact_as)
            .optional("differentContactFrom", &self.different_contact_from)
            .optional("follows", &self.follows)
            .optional("newSessionDetailsIgnored", &self.new_session_details_ignored)
            .optional("explanationContains", &self.explanation_contains)
            .optional("activeChats", &self.active_chats)
            .optional("expired", &self.expired)
            .finish()
    }
}

impl ToJson for StepReport {
    fn to_json(&self) -> Value {
        Members::new()
            .add("number", &self.number)
            .optional("name", &self.name)
            .add("at", &self.at)
            .add("action", &self.action)
            .add("result", &self.result)
            .add("explanation", &self.explanation)
            .optional("outcome", &self.outcome)
            .add("passed", &self.passed)
            .optional("failures", &self.failures)
            .finish()
    }
}

impl ToJson for ScenarioReport {
    fn to_json(&self) -> Value {
        Members::new()
            .add("title", &self.title)
            .add("passed", &self.passed)
            .add("passedSteps", &self.passed_steps)
            .add("failedSteps", &self.failed_steps)
            .add("steps", &self.steps)
            .finish()
    }
}

impl ToJson for Example {
    fn to_json(&self) -> Value {
        Members::new().add("name", &self.name).add("title", &self.title).add("text", &self.text).finish()
    }
}

impl ToJson for Settings {
    fn to_json(&self) -> Value {
        Members::new()
            .add("seed", &self.seed)
            .add("start", &self.start)
            .add("chatDurationMinutes", &self.chat_duration_minutes)
            .add("subtypeMatching", &self.subtype_matching)
            .add("transcriptLimit", &self.transcript_limit)
            .add("logLimit", &self.log_limit)
            .add("faults", &self.faults)
            .finish()
    }
}

crate::to_json_one_of!(SubtypeMatching {
    SubtypeMatching::CaseSensitive => "caseSensitive",
    SubtypeMatching::CaseInsensitive => "caseInsensitive",
});

impl ToJson for Faults {
    fn to_json(&self) -> Value {
        Members::new()
            .add("accessDenied", &self.access_denied)
            .add("destinations", &self.destinations)
            .add("throttling", &self.throttling)
            .add("internalErrorProbability", &self.internal_error_probability)
            .add("maxActiveChats", &self.max_active_chats)
            .finish()
    }
}

impl ToJson for Throttling {
    fn to_json(&self) -> Value {
        Members::new().add("ratePerSecond", &self.rate_per_second).add("burst", &self.burst).finish()
    }
}
