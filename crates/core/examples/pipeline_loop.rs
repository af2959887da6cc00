//! Runs the pipeline (or, for the floor, the `serde_json::Value` parse) on one assessment file a
//! given number of times, for counting instructions under callgrind: `cargo xtask instructions`
//! runs it twice with different counts and reports the difference per call, so start-up (reading
//! the file, building the engine) cancels out.
//!
//! ```text
//! pipeline_loop pipeline|value <file> <count>
//! ```

use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, file, count] = args.as_slice() else {
        eprintln!("usage: pipeline_loop pipeline|value <file> <count>");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("cannot read `{file}`: {e}");
            return ExitCode::from(2);
        }
    };
    let Ok(count) = count.parse::<u32>() else {
        eprintln!("the count must be a whole number, not `{count}`");
        return ExitCode::from(2);
    };
    let engine = lindung::Engine::default();
    match mode.as_str() {
        "pipeline" => {
            for _ in 0..count {
                black_box(engine.assess_json(black_box(&bytes), lindung::Lang::En));
            }
        }
        "value" => {
            for _ in 0..count {
                black_box(serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).ok());
            }
        }
        other => {
            eprintln!("unknown mode `{other}`: pipeline or value");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
