//! SDK snippets: the request as a call in AWS's SDKs, ready to paste.
//!
//! - Python, boto3: `client.send_chat_integration_event(SourceId=..., Event={...})`, the request's
//!   members as keyword arguments (boto3's own spelling of the operation and its parameters);
//! - JavaScript, AWS SDK v3: `client.send(new SendChatIntegrationEventCommand({...}))` from
//!   `@aws-sdk/client-connect`.
//!
//! Members come in the service model's order and absent members are left out, as in the JSON body.
//! Every string is written as a JSON string literal, which both languages read as the same text
//! (the escapes `\"`, `\\`, `\n`, `\t`, `\uXXXX` mean the same in Python 3 and JavaScript, and other
//! characters, emoji included, are written as they are). A test runs the Python snippets against
//! real boto3 (with botocore's Stubber checking the parameters it receives); the npm package's
//! tests run the JavaScript ones in Node.

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
}

impl SdkLanguage {
    pub const ALL: [SdkLanguage; 2] = [SdkLanguage::Python, SdkLanguage::JavaScript];

    /// The name shown to people: "Python (boto3)", "JavaScript (SDK v3)".
    pub fn label(self) -> &'static str {
        match self {
            SdkLanguage::Python => "Python (boto3)",
            SdkLanguage::JavaScript => "JavaScript (SDK v3)",
        }
    }
}

/// The request as a complete snippet in `language`: the import, the client, the call, and a line
/// that prints the two members of the response.
pub fn render(request: &SendChatIntegrationEventRequest, language: SdkLanguage) -> String {
    let members = match crate::json::to_value(request) {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let mut out = String::new();
    match language {
        SdkLanguage::Python => {
            out.push_str(
                "import boto3\n\nclient = boto3.client(\"connect\")\nresponse = client.send_chat_integration_event(",
            );
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
                 const client = new ConnectClient({});\n\
                 const response = await client.send(new SendChatIntegrationEventCommand(",
            );
            write_value(&mut out, &Value::Object(members), 0, language);
            out.push_str("));\nconsole.log(response.InitialContactId, response.NewChatCreated);\n");
        }
    }
    out
}

/// A value as a literal of the language, objects one member per line at `level` (4 spaces in
/// Python, 2 in JavaScript, as each language's usual style has it), lists on one line.
fn write_value(out: &mut String, value: &Value, level: usize, language: SdkLanguage) {
    let indent = match language {
        SdkLanguage::Python => "    ",
        SdkLanguage::JavaScript => "  ",
    };
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
