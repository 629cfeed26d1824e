//! Every input the fuzzers kept, replayed on stable Rust through the same target bodies: each
//! target's minimized corpus (`fuzz/corpus/<target>`, from `cargo fuzz cmin`) and every input that
//! ever crashed or hung (`fuzz/regressions/<target>`). A regression of anything the fuzzers once
//! found, or of a path they covered, fails here without nightly or libFuzzer.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use chat_event_fuzz_targets::{Target, TARGETS};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The files of a folder, sorted; none when it does not exist.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// Replays one target's inputs; returns how many ran and the failures.
fn replay(target: &Target) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let corpus = inputs(&fuzz_dir().join("corpus").join(target.name));
    if corpus.is_empty() {
        failures.push(format!("{}: no corpus in fuzz/corpus/{}", target.name, target.name));
    }
    let all: Vec<PathBuf> =
        corpus.into_iter().chain(inputs(&fuzz_dir().join("regressions").join(target.name))).collect();
    for path in &all {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| (target.run)(&data))) {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("a panic");
            failures.push(format!("{}: {}", path.display(), why.lines().next().unwrap_or_default()));
        }
    }
    (all.len(), failures)
}

#[test]
fn every_kept_input_passes_its_target() {
    // Targets in parallel; each on a stack as large as the fuzzer's main thread, since the
    // corpora hold the deepest nesting the fuzzers reached.
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn_scoped(scope, || {
                    while let Some(target) = TARGETS.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let result = replay(target);
                        results.lock().unwrap().push((target.name, result));
                    }
                })
                .unwrap();
        }
    });
    let results = results.into_inner().unwrap();
    assert_eq!(results.len(), TARGETS.len());
    let failures: Vec<&String> = results.iter().flat_map(|(_, (_, f))| f).collect();
    assert!(
        failures.is_empty(),
        "{} kept inputs fail:\n{}",
        failures.len(),
        failures.iter().map(|f| f.as_str()).collect::<Vec<_>>().join("\n")
    );
    for (name, (count, _)) in &results {
        println!("{name}: {count} inputs");
    }
}

/// `fuzz/Cargo.toml` builds one binary per target, named as the target, whose file hands the
/// bytes to that target's `run`.
#[test]
fn the_fuzz_workspace_has_exactly_the_targets() {
    let manifest = std::fs::read_to_string(fuzz_dir().join("Cargo.toml")).unwrap();
    let bins: Vec<&str> = manifest
        .split("[[bin]]")
        .skip(1)
        .filter_map(|bin| bin.lines().find_map(|l| l.strip_prefix("name = \"")?.strip_suffix('"')))
        .collect();
    let mut names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
    let mut sorted_bins = bins.clone();
    names.sort_unstable();
    sorted_bins.sort_unstable();
    assert_eq!(sorted_bins, names, "fuzz/Cargo.toml's [[bin]]s");
    for target in TARGETS {
        let path = fuzz_dir().join("fuzz_targets").join(format!("{}.rs", target.name));
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let call = format!("chat_event_fuzz_targets::{}::run(", target.name);
        assert!(source.contains(&call), "{} calls {call}", path.display());
    }
}
