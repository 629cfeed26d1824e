//! Installs the pinned tools a fresh machine lacks, and runs commands with them on PATH.

use std::env;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::{root, run, step, Result};

/// Must equal the `wasm-bindgen = "=…"` pin in Cargo.toml and `[tools] wasm_bindgen` in Trunk.toml.
/// 0.2.130 cannot be installed from the registry served here (it pins a dependency the index lacks).
const WASM_BINDGEN_VERSION: &str = "0.2.129";
/// The newest Trunk that builds with rustc 1.95 (0.22 needs 1.96.1).
const TRUNK_VERSION: &str = "0.21.14";
const REQUIREMENTS: &str = "crates/core/tests/conformance/requirements.txt";

pub struct Tools {
    path: String,
    python: Option<PathBuf>,
}

impl Tools {
    /// Installs what is missing. `for_tests` adds Chromium and the Python venv.
    pub fn ensure(for_tests: bool) -> Result<Tools> {
        let root = root();
        let cargo_bin = env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
            .unwrap_or_default()
            .join("bin");
        let node_bin = root.join("node_modules/.bin");
        // npm's wasm-opt (binaryen 132) must shadow any older system wasm-opt, which writes broken modules.
        let path = format!("{}:{}:{}", node_bin.display(), cargo_bin.display(), env::var("PATH").unwrap_or_default());
        let mut tools = Tools { path, python: None };

        step("rust target wasm32-unknown-unknown");
        if !output_of(Command::new("rustup").args(["target", "list", "--installed"]))
            .lines()
            .any(|line| line == "wasm32-unknown-unknown")
        {
            run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
        }

        step("rustfmt and clippy");
        let components = output_of(Command::new("rustup").args(["component", "list", "--installed"]));
        for component in ["rustfmt", "clippy"] {
            if !components.lines().any(|line| line.starts_with(&format!("{component}-"))) {
                run(Command::new("rustup").args(["component", "add", component]))?;
            }
        }

        tools.cargo_install("wasm-bindgen", "wasm-bindgen-cli", WASM_BINDGEN_VERSION)?;
        tools.cargo_install("trunk", "trunk", TRUNK_VERSION)?;

        step("npm packages (Playwright runner, binaryen's wasm-opt; no browser download)");
        let stamp = root.join("node_modules/.package-lock.json");
        if !node_bin.join("wasm-opt").exists() || newer(&root.join("package-lock.json"), &stamp) {
            run(tools.command("npm").args(["ci", "--no-audit", "--no-fund"]))?;
        }

        if for_tests {
            ensure_debian_tools()?;
            tools.python = Some(ensure_python_venv()?);
        }
        Ok(tools)
    }

    /// A command with the tools on PATH and the test environment set.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(root()).env("PATH", &self.path).env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if let Some(python) = &self.python {
            cmd.env("CHAT_EVENT_LAB_PYTHON", python);
        }
        cmd
    }

    /// The conformance venv's interpreter (after `ensure(true)`).
    pub fn python(&self) -> Result<&std::path::Path> {
        self.python.as_deref().ok_or_else(|| "the Python venv was not set up".to_string())
    }

    fn cargo_install(&self, binary: &str, krate: &str, version: &str) -> Result<()> {
        step(&format!("{krate} {version}"));
        let installed = output_of(self.command(binary).arg("--version"));
        if installed.trim() == format!("{binary} {version}") {
            return Ok(());
        }
        run(self.command("cargo").args(["install", "--locked", krate, "--version", version]))
    }
}

/// Debian packages the tests run: the browser and its driver, and zsh for the shell-safety test.
/// (command, package) pairs; a missing command installs its package.
const DEBIAN_TOOLS: [(&str, &str); 3] = [("chromium", "chromium"), ("chromedriver", "chromium-driver"), ("zsh", "zsh")];

fn ensure_debian_tools() -> Result<()> {
    step("Chromium, ChromeDriver and zsh (Debian)");
    let present = |name: &str| {
        Command::new("sh").args(["-c", &format!("command -v {name}")]).output().is_ok_and(|o| o.status.success())
    };
    let missing: Vec<&str> =
        DEBIAN_TOOLS.iter().filter(|(command, _)| !present(command)).map(|(_, package)| *package).collect();
    if missing.is_empty() {
        return Ok(());
    }
    if output_of(Command::new("id").arg("-u")).trim() != "0" {
        return Err(format!(
            "the tests need Debian's {0}: run `sudo apt-get install -y {0}`, or run this as root",
            missing.join(" ")
        ));
    }
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get").args(["install", "-y", "-qq"]).args(&missing).env("DEBIAN_FRONTEND", "noninteractive"))
}

/// A venv in target/pyenv with the real boto3 and awscli, reinstalled when the pins change.
fn ensure_python_venv() -> Result<PathBuf> {
    step("Python venv with boto3 and awscli (conformance tests)");
    let root = root();
    let venv = root.join("target/pyenv");
    let python = venv.join("bin/python");
    let wanted = fs::read_to_string(root.join(REQUIREMENTS)).map_err(|e| format!("{REQUIREMENTS}: {e}"))?;
    let stamp = venv.join("installed-requirements.txt");
    if python.exists() && fs::read_to_string(&stamp).is_ok_and(|had| had == wanted) {
        return Ok(python);
    }
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run(Command::new(&python).args(["-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", REQUIREMENTS]))?;
    fs::write(&stamp, wanted).map_err(|e| format!("{}: {e}", stamp.display()))?;
    Ok(python)
}

fn output_of(cmd: &mut Command) -> String {
    cmd.stderr(Stdio::null()).output().map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default()
}

fn newer(a: &std::path::Path, b: &std::path::Path) -> bool {
    let modified = |p: &std::path::Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(a), modified(b)) {
        (Some(a), Some(b)) => a > b,
        _ => true,
    }
}
