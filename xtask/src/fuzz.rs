//! `cargo xtask fuzz [--seconds N]`: runs every cargo-fuzz target under `fuzz/` for N seconds
//! each (default 30) on the nightly toolchain, installing cargo-fuzz when it is missing.

use std::fs;
use std::path::Path;

use crate::run::{output, run};

/// Runs each target in `fuzz/fuzz_targets/` in turn; a crash fails the command.
pub fn run_all(root: &Path, seconds: u64) -> Result<(), String> {
    if output("cargo", &["+nightly", "--version"]).is_none() {
        return Err(
            "fuzzing needs the nightly toolchain: run `rustup toolchain install nightly`".into(),
        );
    }
    if output("cargo", &["+nightly", "fuzz", "--version"]).is_none() {
        run(root, "cargo", &["+nightly", "install", "cargo-fuzz"])?;
    }
    let targets = targets(root)?;
    if targets.is_empty() {
        return Err("no fuzz targets under fuzz/fuzz_targets".into());
    }
    let time = format!("-max_total_time={seconds}");
    for target in &targets {
        let corpus = format!("fuzz/corpus/{target}");
        fs::create_dir_all(root.join(&corpus))
            .map_err(|e| format!("cannot create `{corpus}`: {e}"))?;
        run(
            root,
            "cargo",
            &[
                "+nightly",
                "fuzz",
                "run",
                target,
                &corpus,
                "fuzz/seeds",
                "--",
                &time,
                "-print_final_stats=1",
            ],
        )?;
    }
    Ok(())
}

fn targets(root: &Path) -> Result<Vec<String>, String> {
    let dir = root.join("fuzz").join("fuzz_targets");
    let entries =
        fs::read_dir(&dir).map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".rs"))
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    Ok(names)
}
