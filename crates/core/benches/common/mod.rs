//! What the benches share: the cases and reading them.
#![allow(clippy::panic)] // a bench that cannot read its case has nothing to measure

use std::path::Path;

/// The cases, by the name the table shows, and their files under the workspace root.
pub const CASES: &[(&str, &str)] = &[
    ("ktk_full", "tests/cases/valid/ktk_adult_household.json"),
    (
        "kpo_20_indicators",
        "crates/core/benches/cases/kpo_20_indicators.json",
    ),
    ("invalid", "tests/cases/invalid/many_problems_at_once.json"),
];

/// The bytes of a case file.
pub fn read(relative: &str) -> Vec<u8> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::fs::read(root.join(relative))
        .unwrap_or_else(|e| panic!("cannot read the bench case `{relative}`: {e}"))
}
