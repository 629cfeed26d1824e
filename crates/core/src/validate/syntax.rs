//! Syntax errors (JSON, YAML), each as one located diagnostic.

use super::codes;
use crate::Diagnostic;

/// One `json-syntax` diagnostic for a JSON syntax error (serde_json's words), with a message that
/// says what was expected, and its 1-based line and column.
pub(super) fn json_syntax(error: &crate::json::SyntaxError) -> Diagnostic {
    // The location goes into its own fields.
    let explained = match error.message() {
        "EOF while parsing a value" => {
            "the text ended where a value was expected (a string, number, object, list, true, false or null)"
                .to_string()
        }
        "EOF while parsing an object" => "the text ended inside an object: a closing '}' is missing".to_string(),
        "EOF while parsing a list" => "the text ended inside a list: a closing ']' is missing".to_string(),
        "EOF while parsing a string" => "the text ended inside a string: a closing '\"' is missing".to_string(),
        "expected value" => {
            "expected a value (a string in double quotes, a number, an object, a list, true, false or null)".to_string()
        }
        "key must be a string" => "expected a member name in double quotes".to_string(),
        "expected `:`" => "expected ':' after the member name".to_string(),
        "expected `,` or `}`" => "expected ',' before the next member or '}' to close the object".to_string(),
        "expected `,` or `]`" => "expected ',' before the next item or ']' to close the list".to_string(),
        "trailing comma" => "a trailing comma: JSON allows no ',' before '}' or ']'".to_string(),
        "trailing characters" => "unexpected text after the end of the JSON value".to_string(),
        "expected ident" => "expected true, false or null (strings need double quotes)".to_string(),
        other => other.to_string(),
    };
    let line = error.line().max(1);
    let column = error.column().max(1);
    let mut d =
        codes::JSON_SYNTAX.diagnostic("", format!("Invalid JSON at line {line}, column {column}: {explained}."));
    d.line = Some(line);
    d.column = Some(column);
    d
}

/// One `yaml-syntax` diagnostic for a YAML syntax error, with its line and column.
pub(crate) fn yaml_syntax(error: &crate::yaml::YamlError) -> Diagnostic {
    let mut d = codes::YAML_SYNTAX.diagnostic("", error.message.clone());
    (d.line, d.column) = (error.line, error.column);
    d
}
