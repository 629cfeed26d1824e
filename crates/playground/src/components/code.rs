//! A block of output text with light syntax colouring and a copy button.

use yew::prelude::*;

use crate::dom;

/// How to colour a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Json,
    Shell,
    Yaml,
    Plain,
}

/// Splits text into (class, text) runs: strings, keys, options, literals, comments. Purely
/// cosmetic; an unclosed quote simply colours to the end.
pub fn tokens(text: &str, lang: Lang) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let mut plain = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut line_start = true;
    let flush = |plain: &mut String, out: &mut Vec<(&'static str, String)>| {
        if !plain.is_empty() {
            out.push(("", std::mem::take(plain)));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if lang == Lang::Plain {
            plain.push(c);
            i += 1;
            continue;
        }
        if lang == Lang::Shell && (c == '"' || c == '\'') {
            // A shell word from its first quote to the next unquoted blank: quoted parts side by
            // side and escaped characters between them (`'It'\''s'` in bash, `'It''s'` in
            // PowerShell) are one string, as the shell reads them.
            flush(&mut plain, &mut out);
            let start = i;
            i = shell_word_end(&chars, i);
            out.push(("tk-str", chars[start..i].iter().collect()));
            line_start = false;
            continue;
        }
        if c == '"' || (c == '\'' && lang != Lang::Json) {
            flush(&mut plain, &mut out);
            let start = i;
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' && lang == Lang::Json {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(chars.len());
            let s: String = chars[start..i].iter().collect();
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let class = if lang == Lang::Json && chars.get(j) == Some(&':') { "tk-key" } else { "tk-str" };
            out.push((class, s));
            line_start = false;
            continue;
        }
        if lang == Lang::Shell
            && c == '-'
            && chars.get(i + 1) == Some(&'-')
            && (i == 0 || chars[i - 1].is_ascii_whitespace())
        {
            flush(&mut plain, &mut out);
            let start = i;
            while i < chars.len() && !chars[i].is_ascii_whitespace() && chars[i] != '=' {
                i += 1;
            }
            out.push(("tk-opt", chars[start..i].iter().collect()));
            continue;
        }
        if lang == Lang::Yaml && c == '#' {
            flush(&mut plain, &mut out);
            let start = i;
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            out.push(("tk-comment", chars[start..i].iter().collect()));
            continue;
        }
        if lang == Lang::Yaml && line_start && !c.is_ascii_whitespace() && c != '-' {
            let start = i;
            let mut j = i;
            while j < chars.len() && chars[j] != ':' && chars[j] != '\n' {
                j += 1;
            }
            if chars.get(j) == Some(&':') {
                flush(&mut plain, &mut out);
                out.push(("tk-key", chars[start..j].iter().collect()));
                i = j;
                line_start = false;
                continue;
            }
        }
        let word_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
        if lang == Lang::Json && (c.is_ascii_alphanumeric() || c == '_') && (i == 0 || !word_char(chars[i - 1])) {
            // A whole word: a number or `true`, `false`, `null` is a literal; any other word (an
            // identifier in an SDK snippet, `content_type`, `new`) is plain text.
            let start = i;
            while i < chars.len() && word_char(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if c.is_ascii_digit() || matches!(word.as_str(), "true" | "false" | "null") {
                flush(&mut plain, &mut out);
                out.push(("tk-lit", word));
            } else {
                plain.push_str(&word);
            }
            line_start = false;
            continue;
        }
        if c == '\n' {
            line_start = true;
        } else if !c.is_ascii_whitespace() {
            line_start = false;
        }
        plain.push(c);
        i += 1;
    }
    flush(&mut plain, &mut out);
    out
}

/// Where the shell word that has a quote at `i` ends: past quoted parts (no escapes inside single
/// quotes; `\` or PowerShell's `` ` `` escape inside double quotes), escaped characters, and
/// plain ones, up to a blank outside quotes or the end.
fn shell_word_end(chars: &[char], mut i: usize) -> usize {
    let escape = |c: char| c == '\\' || c == '`';
    while i < chars.len() && !chars[i].is_whitespace() {
        match chars[i] {
            q @ ('\'' | '"') => {
                i += 1;
                while i < chars.len() && chars[i] != q {
                    i += if q == '"' && escape(chars[i]) { 2 } else { 1 };
                }
                i += 1;
            }
            c if escape(c) => i += 2,
            _ => i += 1,
        }
    }
    i.min(chars.len())
}

#[derive(Properties, PartialEq)]
pub struct CodeBlockProps {
    pub id: AttrValue,
    pub text: AttrValue,
    pub lang: Lang,
    /// What the copy button says it copies, for screen readers.
    pub label: AttrValue,
    /// Said once the text is copied (the request it holds has errors); the copy still happens.
    #[prop_or_default]
    pub copy_warning: Option<AttrValue>,
}

/// Coloured, selectable text with a copy button.
#[function_component]
pub fn CodeBlock(props: &CodeBlockProps) -> Html {
    let copied = use_state_eq(|| false);
    let onclick = {
        let text = props.text.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            copied.set(dom::copy(&text));
        })
    };
    {
        let copied = copied.clone();
        use_effect_with(props.text.clone(), move |_| copied.set(false));
    }
    html! {
        <div class="code-block">
            <button type="button" class="copy-button" {onclick} aria-label={format!("{} {}", if *copied { "Copied" } else { "Copy" }, props.label)}>
                { if *copied { "Copied" } else { "Copy" } }
            </button>
            // Focusable so that the keyboard can scroll it; a region, so that its name is announced.
            <pre id={props.id.clone()} tabindex="0" role="region" aria-label={props.label.clone()}><code>
                { for tokens(&props.text, props.lang).into_iter().map(|(class, text)| {
                    if class.is_empty() { html! { {text} } } else { html! { <span class={class}>{ text }</span> } }
                }) }
            </code></pre>
            if let Some(warning) = props.copy_warning.clone().filter(|_| *copied) {
                <p class="copy-warning" role="status">{ warning }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Colouring only splits the text: joined back, the runs are the text, for every prefix of
    /// awkward input (unclosed quotes, a trailing backslash, multi-byte characters).
    #[test]
    fn runs_join_back_to_the_text() {
        let samples = [
            "{\n  \"Key\": \"va\\\"lue\", \"n\": 12.5, \"t\": true, \"e\": \"\\",
            "aws connect x --source-id '+1 555' --event \"Type=MESSAGE,Content=é😀\" --x=y",
            "SourceId: '+1'\nEvent:\n  Type: MESSAGE # comment\n  - item: \"open",
        ];
        for text in samples {
            let chars: Vec<char> = text.chars().collect();
            for end in 0..=chars.len() {
                let prefix: String = chars[..end].iter().collect();
                for lang in [Lang::Json, Lang::Shell, Lang::Yaml, Lang::Plain] {
                    let joined: String = tokens(&prefix, lang).into_iter().map(|(_, t)| t).collect();
                    assert_eq!(joined, prefix, "{lang:?}");
                }
            }
        }
    }

    #[test]
    fn keys_strings_options_and_comments_are_told_apart() {
        let json = tokens(r#"{"Type": "MESSAGE"}"#, Lang::Json);
        assert!(json.contains(&("tk-key", "\"Type\"".to_owned())));
        assert!(json.contains(&("tk-str", "\"MESSAGE\"".to_owned())));
        let shell = tokens("aws x --source-id a", Lang::Shell);
        assert!(shell.contains(&("tk-opt", "--source-id".to_owned())));
        // Numbers and JSON's words are literals; identifiers in an SDK snippet are not, even
        // when they begin with one (`new_session_details`, `true_value`, `fn`).
        let code = tokens(".content_type(\"x\") new_session_details(true, 12.5, null) fn t1", Lang::Json);
        let literals: Vec<&str> =
            code.iter().filter(|(class, _)| *class == "tk-lit").map(|(_, t)| t.as_str()).collect();
        assert_eq!(literals, ["true", "12.5", "null"]);
        let yaml = tokens("Event:\n  Type: X # why", Lang::Yaml);
        assert!(yaml.contains(&("tk-key", "Event".to_owned())));
        assert!(yaml.contains(&("tk-comment", "# why".to_owned())));
    }

    /// The renderer's quoting, in every shell: the quoted `--event` value, with its apostrophe and
    /// its double quotes, is one string run, and nothing after it is taken for a string.
    #[test]
    fn a_quoted_shell_word_is_one_string_in_every_shell() {
        use chat_event_core::cli::command::{render, RenderOptions};
        use chat_event_core::cli::shell::Shell;
        let request = chat_event_core::import::read_request_json(
            r#"{"SourceId": "+1", "DestinationId": "d", "Event": {"Type": "MESSAGE", "ContentType": "text/plain", "Content": "It's 12 Elm Street, \"hi\""}}"#,
        )
        .unwrap();
        for shell in [Shell::Bash, Shell::PowerShell5, Shell::PowerShell7, Shell::Cmd] {
            let text = render(&request, &RenderOptions { shell, multiline: true, ..RenderOptions::default() }).text;
            let runs = tokens(&text, Lang::Shell);
            let strings: Vec<&String> = runs.iter().filter(|(class, _)| *class == "tk-str").map(|(_, t)| t).collect();
            let event: Vec<&&String> = strings.iter().filter(|t| t.contains("Elm")).collect();
            assert_eq!(event.len(), 1, "{shell:?}: {text}\n{runs:?}");
            assert!(event[0].contains("Type=MESSAGE") && event[0].contains("hi"), "{shell:?}: {}", event[0]);
            let after = text.split_once(event[0].as_str()).map(|(_, rest)| rest).unwrap_or_default();
            assert!(!after.contains("hi"), "{shell:?}: {after}");
        }
    }
}
