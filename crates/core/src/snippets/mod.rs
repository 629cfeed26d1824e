//! SDK snippets: the request as a call in AWS's SDKs, ready to paste.
//!
//! - Python, boto3: `client.send_chat_integration_event(SourceId=..., Event={...})`, the request's
//!   members as keyword arguments (boto3's own spelling of the operation and its parameters);
//! - JavaScript, AWS SDK v3: `client.send(new SendChatIntegrationEventCommand({...}))` from
//!   `@aws-sdk/client-connect`;
//! - Rust, aws-sdk-connect: the fluent builder (`client.send_chat_integration_event().source_id(…)`)
//!   with the `ChatEvent`, `NewSessionDetails`, `ParticipantDetails` and
//!   `ChatStreamingConfiguration` builders, in a complete `#[tokio::main]` program ([`rust`]);
//! - PowerShell, AWS Tools: `Send-CONNChatIntegrationEvent` with its flattened parameters
//!   (`-Event_Type`, `-NewSessionDetails_Attribute`, …) ([`powershell`]).
//!
//! Members come in the service model's order and absent members are left out, as in the JSON body.
//! In Python and JavaScript every string is written as a JSON string literal, which both languages
//! read as the same text (the escapes `\"`, `\\`, `\n`, `\t`, `\uXXXX` mean the same in Python 3 and
//! JavaScript, and other characters, emoji included, are written as they are); Rust and PowerShell
//! have literals of their own. A test runs the Python snippets against real boto3 (with botocore's
//! Stubber checking the parameters it receives); the npm package's tests run the JavaScript ones in
//! Node; Rust snippets are parsed by syn, and an ignored test compiles them against aws-sdk-connect.

pub mod powershell;
pub mod rust;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::json::{FromJson, ToJson};
use crate::SendChatIntegrationEventRequest;

/// The SDK a snippet is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ToJson, FromJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum SdkLanguage {
    /// Python with boto3.
    #[default]
    Python,
    /// JavaScript (ES modules) with the AWS SDK for JavaScript v3.
    JavaScript,
    /// Rust with aws-sdk-connect (and aws-config, tokio).
    Rust,
    /// PowerShell with the AWS Tools for PowerShell (AWS.Tools.Connect).
    PowerShell,
}

impl SdkLanguage {
    pub const ALL: [SdkLanguage; 4] =
        [SdkLanguage::Python, SdkLanguage::JavaScript, SdkLanguage::Rust, SdkLanguage::PowerShell];

    /// The name shown to people: "Python (boto3)", "JavaScript (SDK v3)", …
    pub fn label(self) -> &'static str {
        match self {
            SdkLanguage::Python => "Python (boto3)",
            SdkLanguage::JavaScript => "JavaScript (SDK v3)",
            SdkLanguage::Rust => "Rust (aws-sdk-connect)",
            SdkLanguage::PowerShell => "PowerShell (AWS Tools)",
        }
    }
}

/// What a snippet says besides the call.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, ToJson, FromJson)]
#[json(expected = "snippet options (an object)")]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct SnippetOptions {
    /// The region the client calls, such as `us-east-1`; without it, the SDK's own configuration
    /// (environment, profile) decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub region: Option<String>,
    /// A comment above the call that explains create-or-reuse and the response.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub explain: bool,
}

/// The comment [`SnippetOptions::explain`] adds, one line per item, without comment markers.
const EXPLANATION: [&str; 4] = [
    "SourceId, DestinationId and Subtype name one chat. When no active chat",
    "matches them, Amazon Connect creates a chat contact first. The response",
    "says which contact took the event (InitialContactId) and whether it was",
    "created now (NewChatCreated).",
];

/// The request as a complete snippet in `language`: the import, the client, the call, and a line
/// that prints the two members of the response.
pub fn render(request: &SendChatIntegrationEventRequest, language: SdkLanguage) -> String {
    render_with(request, language, &SnippetOptions::default())
}

/// [`render`], with a region and the explaining comment when `options` ask for them.
pub fn render_with(
    request: &SendChatIntegrationEventRequest,
    language: SdkLanguage,
    options: &SnippetOptions,
) -> String {
    let explain = |out: &mut String, marker: &str, indent: &str| {
        if options.explain {
            for line in EXPLANATION {
                out.push_str(indent);
                out.push_str(marker);
                out.push(' ');
                out.push_str(line);
                out.push('\n');
            }
        }
    };
    let region = options.region.as_deref();
    match language {
        SdkLanguage::Rust => return rust::render(request, region, &|out: &mut String| explain(out, "//", "    ")),
        SdkLanguage::PowerShell => {
            return powershell::render(request, region, &|out: &mut String| explain(out, "#", ""))
        }
        SdkLanguage::Python | SdkLanguage::JavaScript => {}
    }
    let members = match crate::json::to_value(request) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let quoted = |text: &str| crate::json::write::text(&Value::String(text.to_owned()));
    let mut out = String::new();
    match language {
        SdkLanguage::Python => {
            out.push_str("import boto3\n\nclient = boto3.client(\"connect\"");
            if let Some(region) = region {
                out.push_str(", region_name=");
                out.push_str(&quoted(region));
            }
            out.push_str(")\n");
            explain(&mut out, "#", "");
            out.push_str("response = client.send_chat_integration_event(");
            if !members.is_empty() {
                out.push('\n');
                for (name, value) in &members {
                    out.push_str("    ");
                    out.push_str(name);
                    out.push('=');
                    write_value(&mut out, value, 1, language);
                    out.push_str(",\n");
                }
            }
            out.push_str(")\nprint(response.get(\"InitialContactId\"), response.get(\"NewChatCreated\"))\n");
        }
        SdkLanguage::JavaScript => {
            out.push_str(
                "import { ConnectClient, SendChatIntegrationEventCommand } from \"@aws-sdk/client-connect\";\n\n\
                 const client = new ConnectClient({",
            );
            if let Some(region) = region {
                out.push_str(" region: ");
                out.push_str(&quoted(region));
                out.push(' ');
            }
            out.push_str("});\n");
            explain(&mut out, "//", "");
            out.push_str("const response = await client.send(new SendChatIntegrationEventCommand(");
            write_value(&mut out, &Value::Object(members), 0, language);
            out.push_str("));\nconsole.log(response.InitialContactId, response.NewChatCreated);\n");
        }
        SdkLanguage::Rust | SdkLanguage::PowerShell => {}
    }
    out
}

/// A value as a literal of the language, objects one member per line at `level` (4 spaces in
/// Python, 2 in JavaScript, as each language's usual style has it), lists on one line.
fn write_value(out: &mut String, value: &Value, level: usize, language: SdkLanguage) {
    let indent = if language == SdkLanguage::Python { "    " } else { "  " };
    match value {
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            out.push_str("{\n");
            for (key, item) in map {
                for _ in 0..=level {
                    out.push_str(indent);
                }
                write_key(out, key, language);
                out.push_str(": ");
                write_value(out, item, level + 1, language);
                out.push_str(",\n");
            }
            for _ in 0..level {
                out.push_str(indent);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_value(out, item, level, language);
            }
            out.push(']');
        }
        // A request holds only strings here (the model has no other scalars), written as JSON
        // string literals, which both languages read as the same text.
        _ => out.push_str(&crate::json::write::text(value)),
    }
}

/// A member name: bare in JavaScript when it is an identifier (`Type`), quoted otherwise (an
/// attribute key such as `customer-tier`); always quoted in a Python dict.
fn write_key(out: &mut String, key: &str, language: SdkLanguage) {
    let identifier = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if language == SdkLanguage::JavaScript && identifier {
        out.push_str(key);
    } else {
        out.push_str(&crate::json::write::text(&Value::String(key.to_owned())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::read::read;
    use serde_json::json;

    fn request(value: Value) -> SendChatIntegrationEventRequest {
        read(&value).expect("a request")
    }

    #[test]
    fn python_passes_members_as_keyword_arguments_in_model_order() {
        let r = request(json!({
            "Event": {"Type": "MESSAGE", "Content": "Hi, \"you\"\n😀"},
            "SourceId": "+14155550123",
            "NewSessionDetails": {"SupportedMessagingContentTypes": ["text/plain", "text/markdown"], "Attributes": {"customer-tier": "gold"}}
        }));
        assert_eq!(
            render(&r, SdkLanguage::Python),
            r#"import boto3

client = boto3.client("connect")
response = client.send_chat_integration_event(
    SourceId="+14155550123",
    Event={
        "Type": "MESSAGE",
        "Content": "Hi, \"you\"\n😀",
    },
    NewSessionDetails={
        "SupportedMessagingContentTypes": ["text/plain", "text/markdown"],
        "Attributes": {
            "customer-tier": "gold",
        },
    },
)
print(response.get("InitialContactId"), response.get("NewChatCreated"))
"#
        );
    }

    #[test]
    fn javascript_builds_the_command_input_with_identifier_keys_bare() {
        let r = request(
            json!({"SourceId": "a", "NewSessionDetails": {"Attributes": {"tier": "x", "customer-tier": "y", "1st": "z"}}}),
        );
        assert_eq!(
            render(&r, SdkLanguage::JavaScript),
            r#"import { ConnectClient, SendChatIntegrationEventCommand } from "@aws-sdk/client-connect";

const client = new ConnectClient({});
const response = await client.send(new SendChatIntegrationEventCommand({
  SourceId: "a",
  NewSessionDetails: {
    Attributes: {
      tier: "x",
      "customer-tier": "y",
      "1st": "z",
    },
  },
}));
console.log(response.InitialContactId, response.NewChatCreated);
"#
        );
    }

    #[test]
    fn an_empty_request_is_an_empty_call() {
        let empty = SendChatIntegrationEventRequest::default();
        assert!(render(&empty, SdkLanguage::Python).contains("client.send_chat_integration_event()\n"));
        assert!(render(&empty, SdkLanguage::JavaScript).contains("new SendChatIntegrationEventCommand({})"));
        let empty_map = request(json!({"NewSessionDetails": {"Attributes": {}, "SupportedMessagingContentTypes": []}}));
        assert!(render(&empty_map, SdkLanguage::JavaScript)
            .contains("SupportedMessagingContentTypes: [],\n    Attributes: {},"));
    }

    #[test]
    fn languages_read_from_their_spellings() {
        assert_eq!(read::<SdkLanguage>(&json!("javaScript")), Ok(SdkLanguage::JavaScript));
        assert_eq!(read::<SdkLanguage>(&json!("python")), Ok(SdkLanguage::Python));
        assert!(read::<SdkLanguage>(&json!("Python")).is_err());
        for language in SdkLanguage::ALL {
            assert_eq!(read::<SdkLanguage>(&crate::json::to_value(&language)), Ok(language));
        }
    }
}
