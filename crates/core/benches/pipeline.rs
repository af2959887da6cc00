//! The full pipeline against the floor of a `serde_json::Value` parse and against the
//! `jsonschema` crate validating the same bytes with the published assessment schema.
//!
//! `cargo xtask bench` reads the estimates criterion writes and prints them as ratios.
#![allow(clippy::panic)] // a bench that cannot read its case has nothing to measure

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use lindung::schema::schema_json;
use lindung::{Engine, Lang};
use serde_json::Value;

use common::{read, CASES};

fn pipeline(c: &mut Criterion) {
    let engine = Engine::default();
    let schema: Value = schema_json("assessment")
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_else(|| panic!("the assessment schema is missing"));
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the assessment schema does not compile: {e}"));

    for (name, file) in CASES {
        let bytes = read(file);
        let mut group = c.benchmark_group(*name);
        group.bench_function("pipeline", |b| {
            b.iter(|| engine.assess_json(black_box(&bytes), Lang::En))
        });
        group.bench_function("value_parse", |b| {
            b.iter(|| serde_json::from_slice::<Value>(black_box(&bytes)).ok())
        });
        group.bench_function("jsonschema_is_valid", |b| {
            b.iter(|| {
                serde_json::from_slice::<Value>(black_box(&bytes))
                    .map(|value| validator.is_valid(&value))
                    .unwrap_or(false)
            })
        });
        group.bench_function("jsonschema_all_errors", |b| {
            b.iter(|| {
                serde_json::from_slice::<Value>(black_box(&bytes))
                    .map(|value| validator.iter_errors(&value).count())
                    .unwrap_or(0)
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(700))
        .measurement_time(Duration::from_secs(2))
        .sample_size(40);
    targets = pipeline
}
criterion_main!(benches);
