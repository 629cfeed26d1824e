//! The bench's own steps, run by `cargo xtask bench`:
//! - `corpus DIR`: writes `DIR/corpus.json`, the inputs of every runner;
//! - `report RESULTS_DIR CRITERION_DIR OUT_MD [README]`: the Markdown table from every runner's
//!   results, and its summary written into README's `<!-- bench:start -->` section when given.

use std::path::Path;
use std::process::ExitCode;

use chat_event_bench::{corpus::Corpus, report};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["corpus", dir] => write_corpus(Path::new(dir)),
        ["report", results, criterion, out, ref readme @ ..] if readme.len() <= 1 => {
            report::write(Path::new(results), Path::new(criterion), Path::new(out), readme.first().map(Path::new))
                .map(|table| print!("{table}"))
        }
        _ => Err("usage: chat-event-bench corpus DIR | report RESULTS_DIR CRITERION_DIR OUT_MD [README]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("chat-event-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write_corpus(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join("corpus.json");
    let corpus = Corpus::generate();
    std::fs::write(&path, corpus.to_json().to_string()).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "{}: {} requests to validate, {} + {} shorthand values, {} commands, {} requests to render",
        path.display(),
        corpus.validation.len(),
        corpus.shorthand_event.len(),
        corpus.shorthand_new_session_details.len(),
        corpus.commands.len(),
        corpus.render.len()
    );
    Ok(())
}
