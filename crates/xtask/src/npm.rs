//! Builds the npm package `chat-event-lab` from crates/wasm and www/npm, and tests it as a consumer.
//!
//! Layout of the package (target/npm/package), all ES modules:
//! - `chat_event_lab.js`, `chat_event_lab_bg.wasm`, `*.d.ts`, `snippets/`: wasm-bindgen's `web`
//!   target output, the wasm shrunk by binaryen's `wasm-opt -Os` (npm `binaryen`, see tools.rs);
//! - `index.js` (browsers, bundlers) and `index.node.js` (Node): the two entries, chosen by the
//!   `exports` conditions in www/npm/package.json, each instantiating the wasm its own way;
//! - `api.js`, `api.d.ts`, `chat-event-error.js`: generated here from wasm-bindgen's output, so the
//!   public list of exports follows the Rust facade without a hand-kept copy;
//! - `bin/`, `README.md` (its size table filled in with the measured sizes), `LICENSE`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools::Tools;
use crate::{root, run, step, Result};

/// wasm-bindgen's `--out-name`: the glue is `chat_event_lab.js`, the module `chat_event_lab_bg.wasm`.
const OUT_NAME: &str = "chat_event_lab";
/// Hand-written package files copied from www/npm (the list in its package.json's `files` adds
/// the generated ones).
const PACKAGE_FILES: [&str; 7] =
    ["package.json", "index.js", "index.node.js", "index.d.ts", "chat-event-error.d.ts", "README.md", "LICENSE"];
/// The wasm features rustc enables by default for wasm32-unknown-unknown (1.95), named for wasm-opt:
/// wasm-bindgen drops the module's `target_features` section, so wasm-opt must be told. Not
/// `--all-features`: that lets it emit proposals Node 20 cannot load (stringref).
const WASM_FEATURES: [&str; 8] = [
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-call-indirect-overlong",
    "--enable-multivalue",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-sign-ext",
];
/// Exports of wasm-bindgen's glue that are its own machinery, not the package's API.
const GLUE_ONLY: [&str; 4] = ["initSync", "InitInput", "InitOutput", "SyncInitInput"];

/// Builds the package and returns the path of its `npm pack` tarball.
pub fn build_package(tools: &Tools) -> Result<Option<PathBuf>> {
    let root = root();
    let out = root.join("target/npm/package");

    step("npm package: crates/wasm for wasm32 (release)");
    run(tools.command("cargo").args([
        "build",
        "-p",
        "chat-event-wasm",
        "--target",
        "wasm32-unknown-unknown",
        "--release",
        "--locked",
    ]))?;

    step("npm package: wasm-bindgen --target web, wasm-opt -Os");
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    run(tools
        .command("wasm-bindgen")
        .args(["--target", "web", "--out-name", OUT_NAME, "--out-dir"])
        .arg(&out)
        .arg(root.join("target/wasm32-unknown-unknown/release/chat_event_wasm.wasm")))?;
    let wasm = out.join(format!("{OUT_NAME}_bg.wasm"));
    run(tools
        .command("wasm-opt")
        // -Os: for this module both smaller after gzip than -Oz and no slower (`cargo xtask bench`).
        .arg("-Os")
        // Rust's data starts at 1 MiB, with the stack below it growing down: the lowest 1 KiB is
        // never used, which lets wasm-opt fold constant offsets into loads and stores.
        .arg("--low-memory-unused")
        // Runs the passes until the module stops shrinking.
        .arg("--converge")
        .args(WASM_FEATURES)
        .args(["--strip-debug", "--strip-producers"])
        .arg(&wasm)
        .arg("-o")
        .arg(&wasm))?;

    step("npm package: package files, generated export lists, sizes");
    let www = root.join("www/npm");
    for file in PACKAGE_FILES {
        copy(&www.join(file), &out.join(file))?;
    }
    copy_dir(&www.join("bin"), &out.join("bin"))?;
    write_export_lists(&out)?;
    // The source README's table is filled too, so that the repository shows what the last build measured.
    run(tools
        .command("node")
        .arg(www.join("scripts/sizes.mjs"))
        .arg(&out)
        .arg(root.join("target/npm/sizes.json"))
        .arg("--readme")
        .arg(www.join("README.md")))?;

    step("npm package: npm pack");
    let version = package_version(&out.join("package.json"))?;
    let tarball = root.join(format!("target/npm/chat-event-lab-{version}.tgz"));
    let _ = fs::remove_file(&tarball);
    run(tools.command("npm").args(["pack", "--silent", "--pack-destination", "target/npm"]).arg(&out))?;
    if !tarball.exists() {
        return Err(format!("npm pack did not write {}", tarball.display()));
    }
    println!("npm package: {}", tarball.display());
    Ok(Some(tarball))
}

/// Installs the tarball into a fresh project and runs the consumer tests there:
/// (a) every export under node:test (plus mutated inputs, and real outputs type-checked against
/// the declarations), (b) `tsc --noEmit` of a TypeScript consumer, (c) a page in headless
/// Chromium, (d) Vite and webpack builds that run in that browser too, (e) the bin, (f) the
/// README's examples.
pub fn test_package(tools: &Tools, tarball: &Option<PathBuf>) -> Result<()> {
    let Some(tarball) = tarball else {
        return Err("no npm package to test: build_package returned no tarball".into());
    };
    let project = std::env::temp_dir().join(format!("chat-event-lab-consumer-{}", std::process::id()));
    if project.exists() {
        fs::remove_dir_all(&project).map_err(|e| format!("{}: {e}", project.display()))?;
    }
    copy_dir(&root().join("www/npm/consumer"), &project)?;

    step("npm consumer: npm ci (pinned TypeScript, Vite, Playwright), then the tarball");
    run_in(&project, tools.command("npm").args(["ci", "--no-audit", "--no-fund"]))?;
    run_in(&project, tools.command("npm").args(["install", "--no-save", "--no-audit", "--no-fund"]).arg(tarball))?;

    step("npm consumer: (b) tsc --noEmit");
    run_in(&project, tools.command("npx").args(["--no-install", "tsc", "--noEmit", "-p", "."]))?;

    step("npm consumer: (d) vite build, and webpack");
    run_in(
        &project,
        tools.command("npx").args(["--no-install", "vite", "build", "app", "--config", "app/vite.config.js"]),
    )?;
    run_in(&project, tools.command("npx").args(["--no-install", "webpack", "--config", "webpack/webpack.config.js"]))?;

    step("npm consumer: (a) exports, (e) bin, (f) README examples, under node:test");
    // The files by name: how `node --test` reads a directory argument differs across Node versions.
    let mut tests: Vec<PathBuf> = fs::read_dir(project.join("test"))
        .map_err(|e| format!("{}: {e}", project.join("test").display()))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    tests.sort();
    // The endpoint's tests drive it with the real AWS CLI and boto3 from the conformance venv.
    run_in(
        &project,
        tools
            .command("node")
            .args(["--test", "--test-reporter=spec"])
            .args(&tests)
            .env("CHAT_EVENT_LAB_PYTHON", tools.python()?),
    )?;

    step("npm consumer: (c) a page and (d) the Vite and webpack apps in headless Chromium");
    // Free ports, so that the servers cannot collide with others on this machine (both listeners
    // are held until both ports are known, so the two differ).
    let free_port = || {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        Ok::<_, std::io::Error>((listener.local_addr()?.port().to_string(), listener))
    };
    let ((page_port, page_listener), (vite_port, vite_listener)) = free_port()
        .and_then(|page| Ok((page, free_port()?)))
        .map_err(|e| format!("no free port for the consumer servers: {e}"))?;
    drop((page_listener, vite_listener));
    run_in(
        &project,
        tools
            .command("npx")
            .args(["--no-install", "playwright", "test"])
            .env("CONSUMER_PORT", page_port)
            .env("CONSUMER_VITE_PORT", vite_port),
    )?;

    // Kept on failure (the `?`s above return first) so that it can be inspected.
    let _ = fs::remove_dir_all(&project);
    Ok(())
}

/// Writes `api.js` and `api.d.ts`, the package's public exports: everything wasm-bindgen's glue
/// exports except its own init machinery, plus `ChatEventError`. Also writes
/// `chat-event-error.js`, which re-exports the class from the snippet wasm-bindgen copied (its
/// directory name holds a hash, so it is found here rather than written by hand).
fn write_export_lists(out: &Path) -> Result<()> {
    let dts_path = out.join(format!("{OUT_NAME}.d.ts"));
    let dts = fs::read_to_string(&dts_path).map_err(|e| format!("{}: {e}", dts_path.display()))?;
    let (values, types) = glue_exports(&dts);
    if values.is_empty() {
        return Err(format!("{} exports no function or class", dts_path.display()));
    }
    let glue = format!("./{OUT_NAME}.js");
    let header = "// Generated by `cargo xtask package` from wasm-bindgen's output: the package's public API.\n";
    let api_js = format!(
        "{header}export {{ {} }} from '{glue}';\nexport {{ ChatEventError }} from './chat-event-error.js';\n",
        values.join(", ")
    );
    let api_dts = format!(
        "{header}export {{ {} }} from '{glue}';\nexport type {{ {} }} from '{glue}';\nexport {{ ChatEventError }} from './chat-event-error.js';\n",
        values.join(", "),
        types.join(", ")
    );
    write(&out.join("api.js"), &api_js)?;
    write(&out.join("api.d.ts"), &api_dts)?;

    let snippet = find_snippet(&out.join("snippets"), "chat-event-error.js")?;
    let relative = snippet.strip_prefix(out).map_err(|e| e.to_string())?;
    write(
        &out.join("chat-event-error.js"),
        &format!("// Generated by `cargo xtask package`: the class the wasm throws, from the snippet wasm-bindgen copied.\nexport {{ ChatEventError }} from './{}';\n", relative.display()),
    )
}

/// Value exports (functions, classes) and type exports (interfaces, type aliases) of a `.d.ts`.
fn glue_exports(dts: &str) -> (Vec<String>, Vec<String>) {
    let mut values = Vec::new();
    let mut types = Vec::new();
    for line in dts.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("export") {
            continue;
        }
        let (kind, name) = match (words.next(), words.next()) {
            (Some(kind), Some(name)) => (kind, name),
            _ => continue,
        };
        let name: String = name.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').collect();
        if name.is_empty() || GLUE_ONLY.contains(&name.as_str()) {
            continue;
        }
        match kind {
            "function" | "class" => values.push(name),
            "interface" | "type" => types.push(name),
            _ => {}
        }
    }
    values.sort();
    values.dedup();
    types.sort();
    types.dedup();
    (values, types)
}

fn find_snippet(dir: &Path, file_name: &str) -> Result<PathBuf> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if let Ok(found) = find_snippet(&path, file_name) {
                return Ok(found);
            }
        } else if path.file_name().is_some_and(|n| n == file_name) {
            return Ok(path);
        }
    }
    Err(format!("no {file_name} under {}", dir.display()))
}

/// The `"version"` of a package.json, read without a JSON parser (xtask has no dependencies): the
/// first `"version": "…"` line.
fn package_version(package_json: &Path) -> Result<String> {
    let text = fs::read_to_string(package_json).map_err(|e| format!("{}: {e}", package_json.display()))?;
    text.lines()
        .find_map(|line| {
            let rest = line.trim().strip_prefix("\"version\"")?.trim_start().strip_prefix(':')?.trim();
            Some(rest.trim_end_matches(',').trim_matches('"').to_string())
        })
        .ok_or_else(|| format!("{}: no \"version\"", package_json.display()))
}

/// Like [`run`], in another directory.
fn run_in(dir: &Path, cmd: &mut Command) -> Result<()> {
    let shown = format!("{cmd:?} (in {})", dir.display());
    let status = cmd.current_dir(dir).status().map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    fs::copy(from, to).map(|_| ()).map_err(|e| format!("copy {} → {}: {e}", from.display(), to.display()))
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Copies a directory tree, skipping `node_modules` and the output a developer may have left in
/// www/npm/consumer by running its tests there.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if ["node_modules", "dist", "test-results", "readme-examples", "declarations-check"]
            .iter()
            .any(|skip| name == *skip)
        {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        if source.is_dir() {
            copy_dir(&source, &target)?;
        } else {
            copy(&source, &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_exports_keep_the_api_and_drop_the_init_machinery() {
        let dts = "export interface Diagnostic {\n    path: string;\n}\nexport type Severity = \"error\";\n\
                   export function validate(request: R): Diagnostic[];\nexport class Simulator {\n  free(): void;\n}\n\
                   export type InitInput = RequestInfo;\nexport interface InitOutput {\n}\n\
                   export function initSync(module: SyncInitInput): InitOutput;\n\
                   export default function __wbg_init (module_or_path?: InitInput): Promise<InitOutput>;\n";
        let (values, types) = glue_exports(dts);
        assert_eq!(values, ["Simulator", "validate"]);
        assert_eq!(types, ["Diagnostic", "Severity"]);
    }

    #[test]
    fn package_version_reads_the_version_line() {
        let dir = std::env::temp_dir().join(format!("xtask-npm-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("package.json");
        fs::write(&file, "{\n  \"name\": \"x\",\n  \"version\": \"1.2.3\",\n  \"type\": \"module\"\n}\n").unwrap();
        assert_eq!(package_version(&file).unwrap(), "1.2.3");
        fs::write(&file, "{\n  \"name\": \"x\"\n}\n").unwrap();
        assert!(package_version(&file).is_err());
        let _ = fs::remove_dir_all(&dir);
    }
}
