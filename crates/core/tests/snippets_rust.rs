//! The Rust SDK snippets: every one is a Rust file that syn parses, over the presets, tables of
//! tricky values and random requests; and its string literals read back as the request's text.
//! An ignored test compiles the presets' snippets against the real aws-sdk-connect.

mod cli_common;

use chat_event_core::presets::PRESETS;
use chat_event_core::snippets::{render, render_with, rust, SdkLanguage, SnippetOptions};
use chat_event_core::SendChatIntegrationEventRequest;
use cli_common::{arb_request, TRICKY};
use proptest::prelude::*;

/// Parses the snippet as a Rust file; returns every string literal in it, as Rust reads them.
fn parse(snippet: &str) -> Vec<String> {
    syn::parse_file(snippet).unwrap_or_else(|e| panic!("not Rust: {e}\n{snippet}"));
    // The literals from the tokens, so that a macro's arguments count too.
    let tokens: proc_macro2::TokenStream = snippet.parse().expect("tokens of a parsed file");
    let mut strings = Vec::new();
    collect(&tokens, &mut strings);
    strings
}

fn collect(tokens: &proc_macro2::TokenStream, out: &mut Vec<String>) {
    for token in tokens.clone() {
        match token {
            proc_macro2::TokenTree::Group(g) => collect(&g.stream(), out),
            proc_macro2::TokenTree::Literal(l) => {
                if let Ok(syn::Lit::Str(s)) = syn::parse_str::<syn::Lit>(&l.to_string()) {
                    out.push(s.value());
                }
            }
            _ => {}
        }
    }
}

/// The strings of a request, in the order the snippet writes them.
fn texts(r: &SendChatIntegrationEventRequest) -> Vec<String> {
    let mut out: Vec<String> = [&r.source_id, &r.destination_id, &r.subtype].into_iter().flatten().cloned().collect();
    if let Some(e) = &r.event {
        if let Some(t) = &e.r#type {
            if !["MESSAGE", "EVENT", "DISCONNECT"].contains(&t.as_str()) {
                out.push(t.clone());
            }
        }
        out.extend([&e.content_type, &e.content].into_iter().flatten().cloned());
    }
    if let Some(d) = &r.new_session_details {
        out.extend(d.supported_messaging_content_types.iter().flatten().cloned());
        out.extend(d.participant_details.as_ref().and_then(|p| p.display_name.clone()));
        for (k, v) in d.attributes.iter().flatten() {
            out.extend([k.clone(), v.clone()]);
        }
        out.extend(d.streaming_configuration.as_ref().and_then(|s| s.streaming_endpoint_arn.clone()));
    }
    out
}

fn check(request: &SendChatIntegrationEventRequest) {
    let snippet = render(request, SdkLanguage::Rust);
    let mut strings = parse(&snippet);
    // The format string of the `println!` that prints the response.
    assert_eq!(strings.pop().as_deref(), Some("{:?} {:?}"), "{snippet}");
    assert_eq!(strings, texts(request), "{snippet}");
}

#[test]
fn every_preset_is_a_rust_program_whose_literals_are_the_request() {
    for preset in PRESETS {
        check(&preset.request());
    }
}

#[test]
fn literals_read_back_as_the_text() {
    for (text, literal) in [
        ("Hi", "\"Hi\""),
        ("say \"hi\"", "r#\"say \"hi\"\"#"),
        ("C:\\temp", "r#\"C:\\temp\"#"),
        ("a\"#b", "r##\"a\"#b\"##"),
        ("line\nbreak \"q\"", "\"line\\nbreak \\\"q\\\"\""),
        ("tab\tcr\rnul\0bell\u{7}del\u{7f}", "\"tab\\tcr\\rnul\\0bell\\u{7}del\\u{7f}\""),
        ("é 😀 \u{200b}", "\"é 😀 \u{200b}\""),
        ("", "\"\""),
    ] {
        assert_eq!(rust::literal(text), literal, "{text:?}");
        let read: syn::LitStr = syn::parse_str(literal).unwrap_or_else(|e| panic!("{literal}: {e}"));
        assert_eq!(read.value(), text);
    }
    for piece in TRICKY {
        let read: syn::LitStr = syn::parse_str(&rust::literal(piece)).expect("a literal");
        assert_eq!(read.value(), *piece);
    }
}

#[test]
fn region_and_explanation() {
    let request = PRESETS[0].request();
    let options = SnippetOptions { region: Some("eu-west-2".into()), explain: true };
    let snippet = render_with(&request, SdkLanguage::Rust, &options);
    parse(&snippet);
    assert!(snippet.contains(".region(aws_config::Region::new(\"eu-west-2\"))"), "{snippet}");
    assert!(
        snippet.contains("    // SourceId, DestinationId and Subtype name one chat. When no active chat\n"),
        "{snippet}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_request_is_a_rust_program_whose_literals_are_the_request(request in arb_request()) {
        check(&request);
    }
}

/// Type-checks the presets' snippets (`cargo check`) against aws-sdk-connect, aws-config and tokio
/// from crates.io, in a scratch project: the network, and a minute and a half on 2 cores once the
/// crates are downloaded. Run by hand: `cargo test -p chat-event-core --test snippets_rust --
/// --ignored`; `cargo xtask test`, which runs the other ignored tests, skips this one.
#[test]
#[ignore = "builds aws-sdk-connect from crates.io; run by hand"]
fn the_presets_snippets_compile_against_aws_sdk_connect() {
    let dir = std::env::temp_dir().join("chat-event-lab-rust-snippets");
    let _ = std::fs::create_dir_all(dir.join("src/bin"));
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"snippets\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n\
         [dependencies]\naws-config = { version = \"1\", features = [\"behavior-version-latest\"] }\naws-sdk-connect = \"1\"\n\
         tokio = { version = \"1\", features = [\"full\"] }\n",
    )
    .expect("write Cargo.toml");
    let _ = std::fs::remove_dir_all(dir.join("src/bin"));
    std::fs::create_dir_all(dir.join("src/bin")).expect("src/bin");
    for (i, preset) in PRESETS.iter().enumerate() {
        let options = SnippetOptions { region: (i % 2 == 0).then(|| "us-east-1".into()), explain: i % 3 == 0 };
        std::fs::write(
            dir.join(format!("src/bin/p{i}.rs")),
            render_with(&preset.request(), SdkLanguage::Rust, &options),
        )
        .expect("write a snippet");
    }
    let status = std::process::Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--bins"])
        .current_dir(&dir)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the snippets in {} do not compile", dir.display());
}
