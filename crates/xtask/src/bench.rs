//! `cargo xtask bench`: every runner of crates/bench in one run, on the same corpus, then the
//! table (crates/bench/README.md describes the pieces).

use std::fs;
use std::path::Path;

use crate::tools::Tools;
use crate::{npm, root, run, step, Result};

pub fn run_all(args: &[String]) -> Result<()> {
    let quick = match args {
        [] => false,
        [flag] if flag == "--quick" => true,
        _ => return Err("bench takes only --quick".into()),
    };
    let tools = Tools::ensure(true)?;
    let root = root();
    let bench = root.join("target/bench");
    let results = bench.join("results");
    let criterion = bench.join("criterion");
    for dir in [&results, &criterion] {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    fs::create_dir_all(&results).map_err(|e| format!("{}: {e}", results.display()))?;
    let corpus = bench.join("corpus.json");
    let quick_flag: &[&str] = if quick { &["--quick"] } else { &[] };

    step("bench: the corpus every runner reads");
    run(tools
        .command("cargo")
        .args(["run", "-q", "-p", "chat-event-bench", "--release", "--locked", "--", "corpus"])
        .arg(&bench))?;

    step("bench: native (Criterion), then bytes per chat");
    let criterion_args: &[&str] =
        if quick { &["--warm-up-time", "0.1", "--measurement-time", "0.3", "--sample-size", "10"] } else { &[] };
    run(tools
        .command("cargo")
        .args(["bench", "-p", "chat-event-bench", "--bench", "native", "--locked", "--"])
        .args(criterion_args)
        .env("CRITERION_HOME", &criterion))?;
    run(tools
        .command("cargo")
        .args(["bench", "-p", "chat-event-bench", "--bench", "memory", "--locked"])
        .env("CHAT_EVENT_BENCH_RESULTS", &results))?;

    step("bench: the npm package, and the floor module");
    npm::build_package(&tools)?;
    run(tools.command("cargo").args([
        "build",
        "-p",
        "chat-event-bench-floor",
        "--target",
        "wasm32-unknown-unknown",
        "--release",
        "--locked",
    ]))?;
    run(tools
        .command("wasm-bindgen")
        .args(["--target", "nodejs", "--out-dir"])
        .arg(bench.join("floor"))
        .arg(root.join("target/wasm32-unknown-unknown/release/chat_event_bench_floor.wasm")))?;

    step("bench: the wasm in Node");
    run(tools
        .command("node")
        .arg("crates/bench/wasm.mjs")
        .arg(&corpus)
        .arg(root.join("target/npm/package"))
        .arg(bench.join("floor"))
        .arg(results.join("wasm.json"))
        .args(quick_flag))?;

    step("bench: the local endpoint (chat-event-lab serve) over HTTP");
    run(tools
        .command("node")
        .arg("crates/bench/endpoint.mjs")
        .arg(root.join("target/npm/package"))
        .arg(results.join("endpoint.json"))
        .args(quick_flag))?;

    step("bench: botocore and the AWS CLI (Python)");
    run(tools
        .command(&tools.python()?.display().to_string())
        .arg("crates/bench/peers.py")
        .arg(&corpus)
        .arg(results.join("python.json"))
        .args(quick_flag))?;

    step("bench: the playground in headless Chromium");
    crate::build_site(&tools)?;
    run(tools
        .command("node")
        .arg("crates/bench/playground.mjs")
        .arg(root.join("dist"))
        .arg(results.join("playground.json"))
        .args(quick_flag))?;

    step("bench: sizes");
    run(tools
        .command("node")
        .arg("crates/bench/sizes.mjs")
        .arg(root.join("target/npm/package"))
        .arg(root.join("dist"))
        .arg(results.join("sizes.json")))?;

    step("bench: the table");
    // A quick run is a check of the harness, not figures to publish: it leaves BENCHMARKS.md and the
    // README's excerpt alone.
    let out = if quick { bench.join("BENCHMARKS.md") } else { root.join("BENCHMARKS.md") };
    let mut report = tools.command("cargo");
    report
        .args(["run", "-q", "-p", "chat-event-bench", "--release", "--locked", "--", "report"])
        .args([&results, &criterion, &out]);
    if !quick {
        report.arg(root.join("README.md"));
    }
    run(&mut report)?;
    println!("written to {}", relative(&root, &out));
    Ok(())
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}
