//! `cargo xtask fuzz [--seconds N]`: runs every cargo-fuzz target under `fuzz/` for N seconds
//! each (default 30) on the nightly toolchain, installing cargo-fuzz when it is missing, and
//! writes what each run did to `bench/FUZZ.md`.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

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
    let mut runs = Vec::new();
    for target in &targets {
        let corpus = format!("fuzz/corpus/{target}");
        fs::create_dir_all(root.join(&corpus))
            .map_err(|e| format!("cannot create `{corpus}`: {e}"))?;
        let args = [
            "+nightly",
            "fuzz",
            "run",
            target,
            &corpus,
            "fuzz/seeds",
            "--",
            &time,
            "-print_final_stats=1",
        ];
        let (stats, outcome) = fuzz(root, &args)?;
        runs.push((target.clone(), stats, outcome.is_ok()));
        // The report is written after every target, so a crash leaves the runs before it too.
        write_report(root, seconds, &runs)?;
        outcome?;
    }
    Ok(())
}

/// What libFuzzer said about one run, from its final statistics and last status line.
#[derive(Default)]
struct Stats {
    runs: Option<u64>,
    per_second: Option<u64>,
    new_units: Option<u64>,
    coverage: Option<String>,
    corpus: Option<String>,
    peak_rss_mb: Option<u64>,
}

impl Stats {
    fn read(&mut self, line: &str) {
        let number = |name: &str| {
            line.strip_prefix(name)
                .and_then(|rest| rest.trim().parse::<u64>().ok())
        };
        if let Some(n) = number("stat::number_of_executed_units:") {
            self.runs = Some(n);
        } else if let Some(n) = number("stat::average_exec_per_sec:") {
            self.per_second = Some(n);
        } else if let Some(n) = number("stat::new_units_added:") {
            self.new_units = Some(n);
        } else if let Some(n) = number("stat::peak_rss_mb:") {
            self.peak_rss_mb = Some(n);
        } else if line.starts_with('#') && line.contains(" cov: ") {
            // `#1234\tREDUCE cov: 812 ft: 3350 corp: 410/95Kb lim: … exec/s: …`
            let word_after = |key: &str| {
                line.split_once(key)
                    .and_then(|(_, rest)| rest.split_whitespace().next())
                    .map(str::to_owned)
            };
            self.coverage = word_after(" cov: ").or(self.coverage.take());
            self.corpus = word_after(" corp: ").or(self.corpus.take());
        }
    }
}

/// Runs one target, echoing its output, and gathers its statistics; the outcome fails when the
/// run found a crash (or could not run).
fn fuzz(root: &Path, args: &[&str]) -> Result<(Stats, Result<(), String>), String> {
    eprintln!("$ cargo {}", args.join(" "));
    let mut child = Command::new("cargo")
        .args(args)
        .current_dir(root)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `cargo fuzz`: {e}"))?;
    let mut stats = Stats::default();
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("{line}");
            stats.read(&line);
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("`cargo {}` did not finish: {e}", args.join(" ")))?;
    let outcome = if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed ({status})", args.join(" ")))
    };
    Ok((stats, outcome))
}

/// Writes `bench/FUZZ.md`: the runs of this command, as a table.
fn write_report(root: &Path, seconds: u64, runs: &[(String, Stats, bool)]) -> Result<(), String> {
    let shown = |value: &Option<u64>| value.map_or_else(|| "?".to_owned(), |n| n.to_string());
    let mut text = String::from(
        "# Fuzzing\n\nWritten by `cargo xtask fuzz`; every figure is from one run of the command.\n\n",
    );
    let _ = writeln!(text, "Date: {}\n", crate::bench::date());
    let _ = writeln!(text, "Machine: {}\n", crate::bench::machine());
    let _ = writeln!(
        text,
        "Each target ran for {seconds} s from the corpus of earlier runs and `fuzz/seeds`.\n"
    );
    text.push_str(
        "| target | outcome | inputs run | per second | new inputs | coverage (edges) | corpus | peak memory |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for (target, stats, passed) in runs {
        let _ = writeln!(
            text,
            "| `{target}` | {} | {} | {} | {} | {} | {} | {} MB |",
            if *passed { "no crash" } else { "**CRASH**" },
            shown(&stats.runs),
            shown(&stats.per_second),
            shown(&stats.new_units),
            stats.coverage.as_deref().unwrap_or("?"),
            stats.corpus.as_deref().unwrap_or("?"),
            shown(&stats.peak_rss_mb),
        );
    }
    let path = root.join("bench").join("FUZZ.md");
    fs::write(&path, text).map_err(|e| format!("cannot write `{}`: {e}", path.display()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libfuzzer_statistics_are_read_from_its_output() {
        let output = "\
INFO: Seed: 1234
#2\tINITED cov: 120 ft: 130 corp: 1/1b exec/s: 0 rss: 31Mb
#40213\tNEW    cov: 812 ft: 3350 corp: 410/95Kb lim: 4096 exec/s: 8042 rss: 98Mb L: 3/3 MS: 1
#80000\tDONE   cov: 815 ft: 3360 corp: 412/96Kb lim: 4096 exec/s: 8000 rss: 99Mb
Done 80000 runs in 10 second(s)
stat::number_of_executed_units: 80000
stat::average_exec_per_sec:     8000
stat::new_units_added:          2
stat::slowest_unit_time_sec:    0
stat::peak_rss_mb:              99";
        let mut stats = Stats::default();
        for line in output.lines() {
            stats.read(line);
        }
        assert_eq!(stats.runs, Some(80_000));
        assert_eq!(stats.per_second, Some(8_000));
        assert_eq!(stats.new_units, Some(2));
        assert_eq!(stats.peak_rss_mb, Some(99));
        assert_eq!(stats.coverage.as_deref(), Some("815"));
        assert_eq!(stats.corpus.as_deref(), Some("412/96Kb"));
    }
}
