//! The request as a call of the AWS Tools for PowerShell: `Send-CONNChatIntegrationEvent`, whose
//! parameters flatten the request's structures (`-Event_Type`, `-Event_ContentType`,
//! `-NewSessionDetails_Attribute`, `-ParticipantDetails_DisplayName`, …: the names of the cmdlet's
//! reference), one per line, joined by PowerShell's line continuation (a backtick at the end of a
//! line).
//!
//! Values are PowerShell string literals by Microsoft's quoting rules (about_Quoting_Rules):
//! single-quoted, where nothing is expanded and a quote is doubled (PowerShell takes the curly
//! single quotes `‘ ’ ‚ ‛` for quotes too, so they are doubled as well); or, for text with a
//! control character, which a single-quoted string can only hold as it is, double-quoted with
//! backtick escapes. Attributes are a hashtable literal, whose keys PowerShell compares without
//! case: keys that differ only in (ASCII) case would be a "Duplicate keys" error there, so such
//! attributes are built in a case-sensitive hashtable first.

use std::fmt::Write as _;

use crate::model::SendChatIntegrationEventRequest;

/// The call. `explain` writes the explaining comment (or nothing) above it.
pub fn render(
    request: &SendChatIntegrationEventRequest,
    region: Option<&str>,
    explain: &dyn Fn(&mut String),
) -> String {
    let mut out = String::from("Import-Module AWS.Tools.Connect\n\n");
    let details = request.new_session_details.as_ref();
    let attributes = details.and_then(|d| d.attributes.as_ref());
    // ASCII case: the keys AWS accepts are ASCII letters, digits, `-` and `_`, and Unicode's case
    // tables would cost the wasm more than all of this file.
    let case_collision = attributes.is_some_and(|a| {
        a.keys().enumerate().any(|(i, k)| a.keys().skip(i + 1).any(|other| other.eq_ignore_ascii_case(k)))
    });
    if let (true, Some(attributes)) = (case_collision, attributes) {
        out.push_str("# Attribute keys that differ only in case: a hashtable literal would refuse them.\n");
        out.push_str("$attributes = [System.Collections.Hashtable]::new([System.StringComparer]::Ordinal)\n");
        for (key, value) in attributes {
            let _ = writeln!(out, "$attributes[{}] = {}", literal(key), literal(value));
        }
        out.push('\n');
    }
    explain(&mut out);
    let mut parameters: Vec<(&str, String)> = Vec::new();
    fn text(parameters: &mut Vec<(&str, String)>, name: &'static str, value: &Option<String>) {
        if let Some(value) = value {
            parameters.push((name, literal(value)));
        }
    }
    text(&mut parameters, "SourceId", &request.source_id);
    text(&mut parameters, "DestinationId", &request.destination_id);
    text(&mut parameters, "Subtype", &request.subtype);
    if let Some(event) = &request.event {
        text(&mut parameters, "Event_Type", &event.r#type);
        text(&mut parameters, "Event_ContentType", &event.content_type);
        text(&mut parameters, "Event_Content", &event.content);
    }
    if let Some(details) = details {
        if let Some(types) = &details.supported_messaging_content_types {
            let items: Vec<String> = types.iter().map(|t| literal(t)).collect();
            parameters.push(("NewSessionDetails_SupportedMessagingContentType", format!("@({})", items.join(", "))));
        }
        if let Some(participant) = &details.participant_details {
            text(&mut parameters, "ParticipantDetails_DisplayName", &participant.display_name);
        }
        if let Some(attributes) = &details.attributes {
            let value = if case_collision {
                "$attributes".to_string()
            } else {
                let entries: Vec<String> =
                    attributes.iter().map(|(k, v)| format!("{} = {}", literal(k), literal(v))).collect();
                if entries.is_empty() {
                    "@{}".to_string()
                } else {
                    format!("@{{ {} }}", entries.join("; "))
                }
            };
            parameters.push(("NewSessionDetails_Attribute", value));
        }
        if let Some(streaming) = &details.streaming_configuration {
            text(&mut parameters, "StreamingConfiguration_StreamingEndpointArn", &streaming.streaming_endpoint_arn);
        }
    }
    if let Some(region) = region {
        parameters.push(("Region", literal(region)));
    }
    out.push_str("$response = Send-CONNChatIntegrationEvent");
    for (name, value) in &parameters {
        let _ = write!(out, " `\n    -{name} {value}");
    }
    out.push_str("\n$response.InitialContactId, $response.NewChatCreated\n");
    out
}

/// The characters PowerShell reads as a single quote.
const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];
/// The characters PowerShell reads as a double quote.
const DOUBLE_QUOTES: [char; 4] = ['"', '\u{201C}', '\u{201D}', '\u{201E}'];

/// A PowerShell string literal that PowerShell reads back as `text`, nothing expanded.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    if !text.chars().any(char::is_control) {
        out.push('\'');
        for c in text.chars() {
            if SINGLE_QUOTES.contains(&c) {
                out.push(c);
            }
            out.push(c);
        }
        out.push('\'');
        return out;
    }
    out.push('"');
    for c in text.chars() {
        match c {
            '\0' => out.push_str("`0"),
            '\u{7}' => out.push_str("`a"),
            '\u{8}' => out.push_str("`b"),
            '\u{1b}' => out.push_str("`e"),
            '\u{c}' => out.push_str("`f"),
            '\n' => out.push_str("`n"),
            '\r' => out.push_str("`r"),
            '\t' => out.push_str("`t"),
            '\u{b}' => out.push_str("`v"),
            c if c.is_control() => {
                let _ = write!(out, "`u{{{:X}}}", c as u32);
            }
            // What a double-quoted string would otherwise expand or end at.
            c if c == '`' || c == '$' || DOUBLE_QUOTES.contains(&c) => {
                out.push('`');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::read::read;
    use proptest::prelude::*;
    use serde_json::json;

    /// PowerShell's reading of the two literal forms this writer uses, by the language
    /// specification (§2.3.5.2: the quote characters; the escapes of about_Special_Characters).
    /// A `$` that is not escaped in a double-quoted string would expand: that is a failure here.
    fn read_back(literal: &str) -> Result<String, String> {
        let mut chars = literal.chars();
        let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else { return Err("too short".into()) };
        let body: Vec<char> = chars.collect();
        let mut out = String::new();
        let mut i = 0;
        if SINGLE_QUOTES.contains(&open) && SINGLE_QUOTES.contains(&close) {
            while i < body.len() {
                let c = body[i];
                if SINGLE_QUOTES.contains(&c) {
                    // A quote inside is one of a doubled pair, or the string would end there.
                    if body.get(i + 1).is_some_and(|n| SINGLE_QUOTES.contains(n)) {
                        out.push(c);
                        i += 2;
                        continue;
                    }
                    return Err(format!("a lone quote at {i}"));
                }
                out.push(c);
                i += 1;
            }
            return Ok(out);
        }
        if !(DOUBLE_QUOTES.contains(&open) && DOUBLE_QUOTES.contains(&close)) {
            return Err("not a string literal".into());
        }
        while i < body.len() {
            match body[i] {
                '`' => {
                    let Some(&next) = body.get(i + 1) else { return Err("a backtick at the end".into()) };
                    i += 2;
                    out.push(match next {
                        '0' => '\0',
                        'a' => '\u{7}',
                        'b' => '\u{8}',
                        'e' => '\u{1b}',
                        'f' => '\u{c}',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        'v' => '\u{b}',
                        'u' => {
                            let end = body[i..].iter().position(|c| *c == '}').ok_or("`u{ without }")? + i;
                            let hex: String = body[i + 1..end].iter().collect();
                            i = end + 1;
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32).ok_or("bad `u{}")?
                        }
                        other => other,
                    });
                }
                '$' => return Err(format!("an unescaped $ at {i} would expand")),
                c if DOUBLE_QUOTES.contains(&c) => return Err(format!("an unescaped double quote at {i}")),
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        Ok(out)
    }

    #[test]
    fn literals_by_microsofts_quoting_rules() {
        for (text, literal) in [
            // Single quotes: nothing is expanded, `$` and backticks included.
            ("plain", "'plain'"),
            ("$HOME `n $(Get-Date)", "'$HOME `n $(Get-Date)'"),
            ("say \"hi\"", "'say \"hi\"'"),
            ("“curly double”", "'“curly double”'"),
            // A quote inside is doubled; PowerShell takes the curly single quotes for quotes too.
            ("it's", "'it''s'"),
            ("‘quoted’ ‚low‛", "'‘‘quoted’’ ‚‚low‛‛'"),
            ("", "''"),
            ("é 😀", "'é 😀'"),
            // Control characters: double quotes, with backtick escapes, and `$`, backticks and
            // double quotes escaped.
            ("line\nbreak", "\"line`nbreak\""),
            ("tab\t$x", "\"tab`t`$x\""),
            ("nul\0bell\u{7}esc\u{1b}", "\"nul`0bell`aesc`e\""),
            ("a\u{1f}b\u{7f}", "\"a`u{1F}b`u{7F}\""),
            ("\"“q”„\r", "\"`\"`“q`”`„`r\""),
            ("tick ` and 'single'\n", "\"tick `` and 'single'`n\""),
        ] {
            assert_eq!(super::literal(text), literal, "{text:?}");
            assert_eq!(read_back(literal).as_deref(), Ok(text), "{literal}");
        }
    }

    proptest! {
        #[test]
        fn any_text_reads_back(text in any::<String>()) {
            prop_assert_eq!(read_back(&literal(&text)), Ok(text));
        }
    }

    fn request(value: serde_json::Value) -> SendChatIntegrationEventRequest {
        read(&value).expect("a request")
    }

    #[test]
    fn the_call_with_every_parameter_in_the_cmdlets_names() {
        let r = request(json!({
            "SourceId": "+15551234567", "DestinationId": "arn:d", "Subtype": "connect:sms",
            "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "Hi, it's me"},
            "NewSessionDetails": {"SupportedMessagingContentTypes": ["text/plain"], "ParticipantDetails": {"DisplayName": "Ana"},
                "Attributes": {"tier": "gold", "customer-id": "42"}, "StreamingConfiguration": {"StreamingEndpointArn": "arn:s"}}
        }));
        assert_eq!(
            render(&r, None, &|_| {}),
            "Import-Module AWS.Tools.Connect\n\n$response = Send-CONNChatIntegrationEvent `\n    -SourceId '+15551234567' `\n    \
             -DestinationId 'arn:d' `\n    -Subtype 'connect:sms' `\n    -Event_Type 'MESSAGE' `\n    -Event_ContentType 'text/plain' `\n    \
             -Event_Content 'Hi, it''s me' `\n    -NewSessionDetails_SupportedMessagingContentType @('text/plain') `\n    \
             -ParticipantDetails_DisplayName 'Ana' `\n    -NewSessionDetails_Attribute @{ 'tier' = 'gold'; 'customer-id' = '42' } `\n    \
             -StreamingConfiguration_StreamingEndpointArn 'arn:s'\n$response.InitialContactId, $response.NewChatCreated\n"
        );
        let empty = request(json!({"NewSessionDetails": {"SupportedMessagingContentTypes": [], "Attributes": {}}}));
        let text = render(&empty, Some("eu-west-2"), &|_| {});
        assert!(text.contains("-NewSessionDetails_SupportedMessagingContentType @() `\n    -NewSessionDetails_Attribute @{} `\n    -Region 'eu-west-2'\n"), "{text}");
    }

    #[test]
    fn keys_that_differ_only_in_case_go_through_a_case_sensitive_hashtable() {
        let r = request(json!({"NewSessionDetails": {"Attributes": {"Tier": "a", "tier": "b", "other": "c"}}}));
        let text = render(&r, None, &|_| {});
        assert!(text.contains("$attributes = [System.Collections.Hashtable]::new([System.StringComparer]::Ordinal)\n$attributes['Tier'] = 'a'\n$attributes['tier'] = 'b'\n$attributes['other'] = 'c'\n"), "{text}");
        assert!(text.contains("-NewSessionDetails_Attribute $attributes\n"), "{text}");
        let distinct = request(json!({"NewSessionDetails": {"Attributes": {"Tier": "a", "tiers": "b"}}}));
        assert!(!render(&distinct, None, &|_| {}).contains("$attributes"));
    }
}
