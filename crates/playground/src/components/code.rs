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
        if lang == Lang::Json
            && (c.is_ascii_digit() || c == 't' || c == 'f' || c == 'n')
            && (i == 0 || !chars[i - 1].is_ascii_alphanumeric())
        {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.') {
                i += 1;
            }
            flush(&mut plain, &mut out);
            out.push(("tk-lit", chars[start..i].iter().collect()));
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

#[derive(Properties, PartialEq)]
pub struct CodeBlockProps {
    pub id: AttrValue,
    pub text: AttrValue,
    pub lang: Lang,
    /// What the copy button says it copies, for screen readers.
    pub label: AttrValue,
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
            <button type="button" class="copy-button" {onclick} aria-label={format!("Copy {}", props.label)}>
                { if *copied { "Copied" } else { "Copy" } }
            </button>
            <pre id={props.id.clone()} tabindex="0" aria-label={props.label.clone()}><code>
                { for tokens(&props.text, props.lang).into_iter().map(|(class, text)| {
                    if class.is_empty() { html! { {text} } } else { html! { <span class={class}>{ text }</span> } }
                }) }
            </code></pre>
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
        let yaml = tokens("Event:\n  Type: X # why", Lang::Yaml);
        assert!(yaml.contains(&("tk-key", "Event".to_owned())));
        assert!(yaml.contains(&("tk-comment", "# why".to_owned())));
    }
}
