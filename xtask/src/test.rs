//! `cargo xtask test`: every check CI runs, in the order that fails fastest.
//!
//! Rust checks first (format, clippy, documentation links, unit/integration/doc tests, generated
//! files), then the WASM build, then the Node tests of the WASM module and the browser tests in
//! Debian's Chromium.

use std::path::Path;

use crate::run::{cargo, exists, run, run_with};

/// Runs every step; stops at the first failure with its message.
pub fn run_all(root: &Path) -> Result<(), String> {
    let cargo = cargo();
    ensure_components()?;
    step("format", || run(root, &cargo, &["fmt", "--all", "--check"]))?;
    step("clippy", || {
        run(
            root,
            &cargo,
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--quiet",
                "--",
                "-D",
                "warnings",
            ],
        )
    })?;
    // Private items too: a broken link in a module's documentation misleads the next reader.
    // The command line's binary is named `lindung` like the library, and both write to
    // `doc/lindung/`: documented in one run they race (cargo#6313), so the binary goes first, on
    // its own, and the library's pages are the ones left.
    step("docs", || {
        let doc = |packages: &[&str]| {
            let mut args = vec!["doc", "--no-deps", "--document-private-items", "--quiet"];
            args.extend_from_slice(packages);
            run_with(root, &cargo, &args, &[("RUSTDOCFLAGS", "-D warnings")])
        };
        doc(&["-p", "lindung-cli"])?;
        doc(&["--workspace", "--exclude", "lindung-cli"])
    })?;
    step("tests", || {
        run(root, &cargo, &["test", "--workspace", "--quiet"])
    })?;
    step("generated files", || crate::codegen::run(root, true))?;
    step("wasm build", || crate::wasm::build(root, true))?;
    step("browser", || {
        ensure_chromium()?;
        // The size test holds the module built on stable (without nightly and `rust-src`) to
        // a ceiling of its own.
        let build = if crate::wasm::nightly_has_source() {
            "size"
        } else {
            "plain"
        };
        run_with(
            root.join("www").as_path(),
            "npm",
            &["test", "--silent"],
            &[
                ("LINDUNG_ROOT", &root.to_string_lossy()),
                ("LINDUNG_MODULE_BUILD", build),
            ],
        )
    })?;
    eprintln!("\nall checks passed");
    Ok(())
}

fn step(name: &str, body: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    eprintln!("\n== {name}");
    body().map_err(|e| format!("{name}: {e}"))
}

/// rustfmt and clippy come with rustup's default profile; add them where a minimal one was used.
fn ensure_components() -> Result<(), String> {
    let cargo = cargo();
    let has = |sub: &str| crate::run::output(&cargo, &[sub, "--version"]).is_some();
    if !has("fmt") || !has("clippy") {
        run(
            Path::new("."),
            "rustup",
            &["component", "add", "rustfmt", "clippy"],
        )?;
    }
    Ok(())
}

/// Debian's Chromium runs the browser tests; install it when missing and running as root.
pub fn ensure_chromium() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() {
        return Ok(());
    }
    let root_user = crate::run::output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    if root_user && exists("apt-get") {
        run(Path::new("/"), "apt-get", &["update", "-qq"])?;
        return run_with(
            Path::new("/"),
            "apt-get",
            &["install", "-y", "-qq", "chromium"],
            &[("DEBIAN_FRONTEND", "noninteractive")],
        );
    }
    Err("the browser tests need Debian's Chromium at /usr/bin/chromium: run `sudo apt-get install chromium`".into())
}
