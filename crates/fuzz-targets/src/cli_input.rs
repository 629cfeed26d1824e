//! `--cli-input-json` and `--cli-input-yaml` documents (cli/cli_input.rs): read, then merged with
//! options. The first byte picks the format.

use chat_event_core::cli::cli_input::{merge, read, InputFormat};

pub fn run(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let format = if pick & 1 == 0 { InputFormat::Json } else { InputFormat::Yaml };
    let Ok(document) = read(text, format) else { return };
    let mut options = serde_json::Map::new();
    options.insert("SourceId".into(), "+15551234567".into());
    let _ = merge(&options, &document);
}
