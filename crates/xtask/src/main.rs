//! The project's runner: `cargo xtask serve` and `cargo xtask test`, the README's two commands.
//!
//! Both install what a fresh machine lacks (the wasm target, the pinned wasm-bindgen CLI and Trunk,
//! npm packages, Debian's Chromium when run as root, the Python venv with the real AWS tools), so that
//! a clean clone needs nothing but Rust. Each install is skipped when the pinned version is present.

mod bench;
mod fuzz;
mod npm;
mod tools;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use tools::Tools;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   build the playground and serve it on http://127.0.0.1:N (default 8080),
                     rebuilding on changes (in target/trunk-serve; reload the page to see them)
  build              build the playground's release site into dist/, the folder to publish
  test               install what is missing, then run every test: native, wasm (Node and
                     headless Chromium), the npm package as a consumer, and the browser tests
  bench [--quick]    measure speed and size beside botocore and the AWS CLI, print the table
                     and write it to BENCHMARKS.md (not part of test; --quick: a short run
                     to try the harness, written to target/bench/BENCHMARKS.md instead)
  {fuzz}
  package            build the npm package into target/npm (and its tarball)
  setup              only install the tools";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("build") => Tools::ensure(false).and_then(|tools| build_site(&tools)),
        Some("test") => test(),
        Some("bench") => bench::run_all(&args[1..]),
        Some("fuzz") => fuzz::run_all(&args[1..]),
        Some("package") => Tools::ensure(false).and_then(|tools| npm::build_package(&tools).map(|_| ())),
        Some("setup") => Tools::ensure(true).map(|_| ()),
        _ => {
            eprintln!("{}", USAGE.replace("{fuzz}", fuzz::USAGE));
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (this crate lives in crates/xtask).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2).expect("crates/xtask has a workspace root").to_path_buf()
}

pub type Result<T> = std::result::Result<T, String>;

/// Prints a step header with the time since the runner started.
pub fn step(what: &str) {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let start = START.get_or_init(Instant::now);
    println!("::: [{:>4}s] {what}", start.elapsed().as_secs());
}

/// Runs a command in the workspace root, failing with its command line when it fails.
pub fn run(cmd: &mut Command) -> Result<()> {
    let shown = format!("{cmd:?}");
    let status = cmd.current_dir(root()).status().map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn serve(args: &[String]) -> Result<()> {
    let port = match args {
        [] => "8080".to_string(),
        [flag, port] if flag == "--port" => port.clone(),
        _ => return Err(format!("serve takes only --port N\n{USAGE}")),
    };
    let tools = Tools::ensure(false)?;
    step(&format!("trunk serve on http://127.0.0.1:{port}/"));
    run(tools.command("trunk").args(serve_args(&port)))
}

/// Where `serve` builds: a folder of its own, never dist/, which `build` makes for publishing.
const SERVE_DIST: &str = "target/trunk-serve";

/// Trunk's reload script is left out: the server writes its address into it after the build, so
/// no hash in the pages' Content-Security-Policy could allow it, and the page must keep the policy
/// it is published with.
fn serve_args(port: &str) -> [&str; 10] {
    [
        "serve",
        "--release",
        "--locked",
        "--no-autoreload",
        "--dist",
        SERVE_DIST,
        "--address",
        "127.0.0.1",
        "--port",
        port,
    ]
}

/// The playground's release site in dist/ (Trunk.toml), the folder to publish as it is.
pub(crate) fn build_site(tools: &Tools) -> Result<()> {
    step("playground: trunk release build into dist/");
    run(tools.command("trunk").args(["build", "--release", "--locked"]))
}

fn test() -> Result<()> {
    let tools = Tools::ensure(true)?;

    step("formatting (rustfmt.toml) and lints (clippy, warnings are errors), native and wasm32");
    run(tools.command("cargo").args(["fmt", "--all", "--check"]))?;
    let clippy = |scope: &[&str]| {
        run(tools
            .command("cargo")
            .args(["clippy", "--all-targets", "--locked"])
            .args(scope)
            .args(["--", "-D", "warnings"]))
    };
    clippy(&["--workspace"])?;
    clippy(&["-p", "chat-event-wasm", "-p", "chat-event-playground", "--target", "wasm32-unknown-unknown"])?;

    step("native tests (with the botocore and awscli conformance suites)");
    // Every ignored test but the one that builds aws-sdk-connect from crates.io (minutes, and the
    // network): run it with `cargo test -p chat-event-core --test snippets_rust -- --ignored`.
    run(tools.command("cargo").args([
        "test",
        "--workspace",
        "--locked",
        "--",
        "--include-ignored",
        "--skip",
        "the_presets_snippets_compile_against_aws_sdk_connect",
    ]))?;

    step("wasm facade tests (Node and headless Chromium)");
    run(tools.command("cargo").args([
        "test",
        "-p",
        "chat-event-wasm",
        "--target",
        "wasm32-unknown-unknown",
        "--locked",
        "--tests",
    ]))?;

    step("npm package: build, then test it as a consumer");
    let tarball = npm::build_package(&tools)?;
    npm::test_package(&tools, &tarball)?;

    build_site(&tools)?;

    step("playground: browser tests (Playwright, Debian's Chromium)");
    run(tools.command("npx").args(["playwright", "test"]))?;

    step("all tests passed");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The development server never builds into the folder the README says to publish.
    #[test]
    fn serve_builds_apart_from_the_published_dist() {
        let trunk_toml = std::fs::read_to_string(root().join("Trunk.toml")).unwrap();
        let published = trunk_toml
            .lines()
            .find_map(|l| l.trim().strip_prefix("dist = ").map(|v| v.trim_matches('"').to_owned()))
            .expect("Trunk.toml names its dist folder");
        let args = serve_args("8080");
        let dist = args.iter().position(|a| *a == "--dist").map(|i| args[i + 1]);
        assert_eq!(dist, Some(SERVE_DIST));
        assert_ne!(std::path::Path::new(SERVE_DIST), std::path::Path::new(&published));
        let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
        assert!(readme.contains(&format!("`{published}/`")) && readme.contains(&format!("`{SERVE_DIST}/`")));
    }
}
