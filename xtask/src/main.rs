//! `cargo xtask`: the project's automation — codegen, test, demo, wasm, dist, bench, fuzz.
//!
//! Run `cargo xtask help` for the commands. Every command works from a fresh clone on a machine
//! that has the Rust toolchain, Node 20 and npm: what else it needs it installs, or says exactly
//! what to install.

mod bench;
mod codegen;
mod dist;
mod fuzz;
mod instructions;
mod module;
mod order;
mod run;
mod serve;
mod size_map;
mod test;
mod wasm;

use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str = "\
usage: cargo xtask <command> [options]

commands:
  demo               build the web form and serve the demo on http://127.0.0.1:8080
  test               every check CI runs: fmt, clippy, tests, codegen --check, WASM and browser tests
  codegen [--check]  write the generated schemas, TypeScript types and docs (--check: fail if stale)
  wasm [--dev]       build the WASM module and the widget into www/dist and print their sizes
  dist               make dist/lindung-form/, the folder an agency copies to its web host
  bench              run the benchmarks and write bench/RESULTS.md
  instructions       instructions per call of the pipeline and the Value parse (valgrind)
  size-map           where the WASM module's code comes from, by source file (bench/SIZE.md)
  fuzz [--seconds N] run each fuzz target for N seconds (nightly toolchain, cargo-fuzz)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    let outcome = match args.first().map(String::as_str) {
        Some("codegen") => codegen::run(&root, args.iter().any(|a| a == "--check")),
        Some("test") => test::run_all(&root),
        Some("bench") => bench::run(&root),
        Some("instructions") => instructions::run_all(&root),
        Some("size-map") => size_map::run(&root),
        Some("wasm") => wasm::build(&root, !args.iter().any(|a| a == "--dev")),
        Some("demo") => demo(&root),
        Some("dist") => dist::run(&root),
        Some("fuzz") => match seconds(&args) {
            Ok(seconds) => fuzz::run_all(&root, seconds),
            Err(e) => Err(e),
        },
        Some("help" | "--help" | "-h") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the form and serves `www/` on http://127.0.0.1:8080.
fn demo(root: &std::path::Path) -> Result<(), String> {
    wasm::build(root, true)?;
    serve::serve(&root.join("www"), 8080)
}

/// The value of `--seconds N`, 30 when absent.
fn seconds(args: &[String]) -> Result<u64, String> {
    match args.iter().position(|a| a == "--seconds") {
        None => Ok(30),
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| "--seconds takes a whole number".to_owned()),
    }
}

/// The workspace root: the parent of this crate's folder.
fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
