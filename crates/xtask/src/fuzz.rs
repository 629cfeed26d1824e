//! `cargo xtask fuzz`: runs the fuzz targets in `fuzz/` (cargo-fuzz, libFuzzer, nightly), each with
//! its dictionary, then minimizes its corpus in place and prints what ran as a table. What it
//! leaves (the minimized corpora, and any crash in `fuzz/artifacts`) is then reviewed and committed:
//! `crates/fuzz-targets/tests/replay.rs` replays the committed inputs on stable in `cargo xtask test`.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use crate::{root, run, step, Result};

/// The cargo-fuzz these runs were made with.
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// libFuzzer's options for every target: inputs up to 4 KB, an input taking over 5 s is a hang.
const OPTIONS: [&str; 3] = ["-max_len=4096", "-timeout=5", "-rss_limit_mb=2048"];

pub const USAGE: &str = "fuzz [--runs N] [--jobs N] [TARGET…]
                     run each fuzz target N executions (default 1,000,000; 0: only minimize),
                     N at a time (default: one per core), minimize its corpus, print a table";

struct Options {
    runs: u64,
    jobs: usize,
    targets: Vec<String>,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options {
        runs: 1_000_000,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        targets: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| {
            args.next()
                .and_then(|v| v.replace(['_', ','], "").parse::<u64>().ok())
                .ok_or_else(|| format!("{name} takes a number"))
        };
        match arg.as_str() {
            "--runs" => o.runs = number("--runs")?,
            "--jobs" => o.jobs = number("--jobs")?.max(1) as usize,
            name if !name.starts_with('-') => o.targets.push(name.to_string()),
            other => return Err(format!("unknown option {other}\nusage: cargo xtask {USAGE}")),
        }
    }
    Ok(o)
}

/// The targets of `fuzz/Cargo.toml` (its `[[bin]]`s) and the dictionary of each, from its
/// `[package.metadata.dictionaries]` table.
fn targets(manifest: &str) -> Vec<(String, Option<String>)> {
    let quoted = |s: &str| s.trim().strip_prefix('"')?.strip_suffix('"').map(str::to_string);
    let dictionaries: Vec<(String, String)> = manifest
        .split("[package.metadata.dictionaries]")
        .nth(1)
        .map(|table| {
            table
                .lines()
                .skip(1)
                .take_while(|l| !l.starts_with('['))
                .filter_map(|l| l.split_once('='))
                .filter_map(|(k, v)| Some((k.trim().to_string(), quoted(v)?)))
                .collect()
        })
        .unwrap_or_default();
    manifest
        .split("[[bin]]")
        .skip(1)
        .filter_map(|bin| bin.lines().find_map(|l| quoted(l.strip_prefix("name =")?)))
        .map(|name| {
            let dict = dictionaries.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone());
            (name, dict)
        })
        .collect()
}

pub fn run_all(args: &[String]) -> Result<()> {
    let o = options(args)?;
    let fuzz = root().join("fuzz");
    let manifest = fs::read_to_string(fuzz.join("Cargo.toml")).map_err(|e| format!("fuzz/Cargo.toml: {e}"))?;
    let all = targets(&manifest);
    let chosen: Vec<(String, Option<String>)> = if o.targets.is_empty() {
        all
    } else {
        let known: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        if let Some(unknown) = o.targets.iter().find(|t| !known.contains(&t.as_str())) {
            return Err(format!("no fuzz target {unknown}; the targets are {}", known.join(", ")));
        }
        all.into_iter().filter(|(n, _)| o.targets.contains(n)).collect()
    };

    ensure_tools()?;
    step("building the fuzz targets (nightly, coverage instrumentation, no sanitizer)");
    run(Command::new("cargo").args(["+nightly", "fuzz", "build", "--sanitizer", "none"]).current_dir(&fuzz))?;
    let host = String::from_utf8_lossy(&Command::new("rustc").arg("-vV").output().map_err(|e| e.to_string())?.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .ok_or("rustc -vV names no host")?;
    let bin_dir = fuzz.join("target").join(host).join("release");

    step(&format!("{} targets, {} executions each, {} at a time", chosen.len(), o.runs, o.jobs));
    let next = AtomicUsize::new(0);
    let rows = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..o.jobs.min(chosen.len()) {
            scope.spawn(|| {
                while let Some((name, dict)) = chosen.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let row = fuzz_one(&fuzz, &bin_dir.join(name), name, dict.as_deref(), o.runs);
                    println!("{}", row.line());
                    rows.lock().expect("a worker panicked").push(row);
                }
            });
        }
    });
    let mut rows = rows.into_inner().map_err(|_| "a worker panicked")?;
    rows.sort_by(|a, b| a.target.cmp(&b.target));
    println!("\n| target | executions | per second | seconds | corpus after minimizing | outcome |");
    println!("| --- | ---: | ---: | ---: | ---: | --- |");
    for row in &rows {
        println!("{}", row.line());
    }
    let failed: Vec<&Row> = rows.iter().filter(|r| r.outcome != "ok").collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} targets failed; their logs are fuzz/fuzz-<target>.log. Fix what they found, then keep each crash in \
             fuzz/regressions/<target>/",
            failed.len()
        ))
    }
}

struct Row {
    target: String,
    executions: u64,
    per_second: u64,
    seconds: u64,
    files: usize,
    bytes: u64,
    outcome: String,
}

impl Row {
    fn line(&self) -> String {
        format!(
            "| {} | {} | {} | {} | {} files, {} KB | {} |",
            self.target,
            self.executions,
            self.per_second,
            self.seconds,
            self.files,
            self.bytes.div_ceil(1024),
            self.outcome
        )
    }
}

/// Runs one target, then minimizes its corpus (libFuzzer's merge into a new folder, which then
/// takes the corpus's place).
fn fuzz_one(fuzz: &Path, binary: &Path, name: &str, dict: Option<&str>, runs: u64) -> Row {
    let corpus = fuzz.join("corpus").join(name);
    let log_path = fuzz.join(format!("fuzz-{name}.log"));
    let started = Instant::now();
    let mut row = Row {
        target: name.to_string(),
        executions: 0,
        per_second: 0,
        seconds: 0,
        files: 0,
        bytes: 0,
        outcome: "ok".to_string(),
    };
    let libfuzzer = |extra: &[String]| -> std::result::Result<String, String> {
        let log = fs::File::create(&log_path).map_err(|e| e.to_string())?;
        let mut cmd = Command::new(binary);
        cmd.current_dir(fuzz).args(OPTIONS).args(extra).stdout(Stdio::null()).stderr(log);
        if let Some(dict) = dict {
            cmd.arg(format!("-dict=dicts/{dict}"));
        }
        let status = cmd.status().map_err(|e| format!("{}: {e}", binary.display()))?;
        let text = fs::read_to_string(&log_path).unwrap_or_default();
        if status.success() {
            Ok(text)
        } else {
            let artifact =
                text.lines().find_map(|l| l.split("Test unit written to ").nth(1)).unwrap_or("no input kept");
            Err(format!("failed ({status}): {artifact}"))
        }
    };
    let _ = fs::create_dir_all(&corpus);
    let _ = fs::create_dir_all(fuzz.join("artifacts").join(name));
    if runs > 0 {
        let args = [
            corpus.display().to_string(),
            format!("-runs={runs}"),
            format!("-artifact_prefix=artifacts/{name}/"),
            "-print_final_stats=1".to_string(),
        ];
        match libfuzzer(&args) {
            Ok(log) => {
                let stat =
                    |key: &str| log.lines().find_map(|l| l.strip_prefix(key)?.trim().parse::<u64>().ok()).unwrap_or(0);
                row.executions = stat("stat::number_of_executed_units:");
                row.per_second = stat("stat::average_exec_per_sec:");
            }
            Err(why) => row.outcome = why,
        }
    }
    row.seconds = started.elapsed().as_secs();
    if row.outcome == "ok" {
        let merged = fuzz.join("corpus").join(format!("{name}.minimizing"));
        let _ = fs::remove_dir_all(&merged);
        let _ = fs::create_dir_all(&merged);
        let args = ["-merge=1".to_string(), merged.display().to_string(), corpus.display().to_string()];
        match libfuzzer(&args) {
            Ok(_) => {
                let _ = fs::remove_dir_all(&corpus);
                if let Err(e) = fs::rename(&merged, &corpus) {
                    row.outcome = format!("minimizing: {e}");
                }
            }
            Err(why) => row.outcome = format!("minimizing {why}"),
        }
    }
    for entry in fs::read_dir(&corpus).into_iter().flatten().flatten() {
        row.files += 1;
        row.bytes += entry.metadata().map_or(0, |m| m.len());
    }
    row
}

/// Nightly (for cargo-fuzz's instrumentation) and cargo-fuzz, when absent.
fn ensure_tools() -> Result<()> {
    step("nightly toolchain and cargo-fuzz");
    let nightly = Command::new("rustup").args(["run", "nightly", "rustc", "--version"]).output();
    if !nightly.is_ok_and(|o| o.status.success()) {
        run(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    let installed = Command::new("cargo").args(["fuzz", "--version"]).output();
    if !installed.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(CARGO_FUZZ_VERSION)) {
        run(Command::new("cargo").args(["install", "--locked", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION]))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The manifest's targets and dictionaries as this runner reads them; the replay test checks
    /// that they are exactly the targets of crates/fuzz-targets.
    #[test]
    fn reads_the_targets_and_their_dictionaries_from_the_fuzz_manifest() {
        let manifest = fs::read_to_string(root().join("fuzz/Cargo.toml")).unwrap();
        let targets = targets(&manifest);
        assert!(targets.len() >= 15, "{targets:?}");
        let dict = |name: &str| targets.iter().find(|(n, _)| n == name).and_then(|(_, d)| d.as_deref());
        assert_eq!(dict("json_request"), Some("json.dict"));
        assert_eq!(dict("shorthand"), Some("shorthand.dict"));
        assert_eq!(dict("render_roundtrip"), None);
        for (name, dict) in &targets {
            if let Some(dict) = dict {
                assert!(root().join("fuzz/dicts").join(dict).is_file(), "{name}: {dict}");
            }
        }
    }
}
