//! The pipeline's time as a ratio to a `serde_json::Value` parse of the same bytes, measured in
//! alternating rounds: a batch of one, then a batch of the other, the order swapped each round.
//! On a shared machine whose speed drifts by tens of percent between seconds, both sides of a
//! round see the same machine, so the median of the rounds' ratios holds still where a ratio of
//! two benchmarks timed seconds apart does not.
//!
//! Prints one JSON object, `{case: ratio}`, that `cargo xtask bench` reads.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use lindung::{Engine, Lang};
use serde_json::Value;

use common::{read, CASES};

/// Rounds per case; odd, so the median is one round's ratio.
const ROUNDS: usize = 301;
/// Calls per batch: enough that a batch lasts well over the timer's resolution.
const BATCH: u32 = 50;

fn timed(calls: u32, mut call: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..calls {
        call();
    }
    start.elapsed()
}

fn main() {
    let engine = Engine::default();
    let mut out = serde_json::Map::new();
    for (name, file) in CASES {
        let bytes = read(file);
        let mut pipeline = || {
            black_box(engine.assess_json(black_box(&bytes), Lang::En));
        };
        let mut parse = || {
            black_box(serde_json::from_slice::<Value>(black_box(&bytes)).ok());
        };
        // Warm both up, caches and allocator included.
        timed(BATCH * 10, &mut pipeline);
        timed(BATCH * 10, &mut parse);
        let mut ratios: Vec<f64> = (0..ROUNDS)
            .map(|round| {
                let (ours, floor) = if round % 2 == 0 {
                    let ours = timed(BATCH, &mut pipeline);
                    (ours, timed(BATCH, &mut parse))
                } else {
                    let floor = timed(BATCH, &mut parse);
                    (timed(BATCH, &mut pipeline), floor)
                };
                ours.as_secs_f64() / floor.as_secs_f64().max(f64::MIN_POSITIVE)
            })
            .collect();
        ratios.sort_by(f64::total_cmp);
        out.insert((*name).to_owned(), Value::from(ratios[ROUNDS / 2]));
    }
    println!("{}", Value::Object(out));
}
