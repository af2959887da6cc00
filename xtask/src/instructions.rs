//! `cargo xtask instructions`: instructions per call of the pipeline and of the
//! `serde_json::Value` parse on the bench cases, counted by callgrind.
//!
//! Timings on a shared machine drift by a fifth; instruction counts repeat to the instruction. A
//! change to the reading or the engine is measured with this before and after. Each figure is
//! the difference between 300 and 100 calls, divided by 200, so start-up (reading the file,
//! building the engine with its rules and directory) cancels out.

use std::path::Path;
use std::process::Command;

use crate::bench::CASES;
use crate::run::{cargo, exists, run, target_dir};

/// Calls in the short and the long run.
const RUNS: (u64, u64) = (100, 300);

/// Builds the loop program with the bench profile and prints the table.
pub fn run_all(root: &Path) -> Result<(), String> {
    if !exists("valgrind") {
        return Err(
            "counting instructions needs valgrind: run `sudo apt-get install valgrind`".into(),
        );
    }
    run(
        root,
        &cargo(),
        &[
            "build",
            "--quiet",
            "--profile",
            "bench",
            "-p",
            "lindung",
            "--example",
            "pipeline_loop",
        ],
    )?;
    // The bench profile builds into `release`.
    let program = target_dir(root)
        .join("release")
        .join("examples")
        .join("pipeline_loop");
    println!(
        "{:<20} {:>22} {:>22} {:>8}",
        "case", "pipeline (instr/call)", "Value parse", "ratio"
    );
    for (_, label, file) in CASES {
        let path = root.join(file);
        let pipeline = per_call(&program, "pipeline", &path)?;
        let value = per_call(&program, "value", &path)?;
        println!(
            "{label:<20} {pipeline:>22} {value:>22} {:>7.2}×",
            pipeline as f64 / value.max(1) as f64
        );
    }
    Ok(())
}

/// Instructions per call of `mode` on `file`.
fn per_call(program: &Path, mode: &str, file: &Path) -> Result<u64, String> {
    let short = total(program, mode, file, RUNS.0)?;
    let long = total(program, mode, file, RUNS.1)?;
    Ok(long.saturating_sub(short) / (RUNS.1 - RUNS.0))
}

/// The instructions callgrind counted for the whole program.
fn total(program: &Path, mode: &str, file: &Path, calls: u64) -> Result<u64, String> {
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(program)
        .arg(mode)
        .arg(file)
        .arg(calls.to_string())
        .output()
        .map_err(|e| format!("cannot run valgrind: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`{} {mode} {}` failed under valgrind: {}",
            program.display(),
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    refs(&String::from_utf8_lossy(&out.stderr))
        .ok_or_else(|| "valgrind printed no instruction count".to_owned())
}

/// The count in callgrind's summary line, `==123== I   refs:      53,855,029`.
fn refs(report: &str) -> Option<u64> {
    report
        .lines()
        .find_map(|line| line.split_once("I   refs:"))
        .and_then(|(_, count)| count.trim().replace(',', "").parse().ok())
}

#[cfg(test)]
mod tests {
    use super::refs;

    #[test]
    fn the_count_is_read_from_callgrinds_summary() {
        let report = "==3303== Events    : Ir\n==3303== Collected : 53855029\n==3303==\n\
                      ==3303== I   refs:      53,855,029\n";
        assert_eq!(refs(report), Some(53_855_029));
        assert_eq!(refs("no summary"), None);
    }
}
