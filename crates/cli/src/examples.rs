//! Built-in example assessments, the realistic cases under `tests/cases/valid/`, for trying the
//! CLI and the engine without writing JSON first.

use std::io::Write;

use crate::{Failure, Outcome};

/// `(name, JSON text)` of every built-in example.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "ktk-household",
        include_str!("../../../tests/cases/valid/ktk_adult_household.json"),
    ),
    (
        "ktk-kpo-child-online",
        include_str!("../../../tests/cases/valid/ktk_kpo_child_online.json"),
    ),
    (
        "kpo-forced-criminality",
        include_str!("../../../tests/cases/valid/kpo_adult_forced_criminality.json"),
    ),
    (
        "child-guardian-suspected",
        include_str!("../../../tests/cases/valid/child_guardian_suspected.json"),
    ),
];

/// Prints one example, or the list of names.
pub fn print(out: &mut impl Write, name: Option<&str>) -> Result<Outcome, Failure> {
    match name {
        None => {
            for (name, _) in EXAMPLES {
                writeln!(out, "{name}")?;
            }
            Ok(Outcome::Ok)
        }
        Some(name) => match EXAMPLES.iter().find(|(n, _)| *n == name) {
            Some((_, text)) => {
                write!(out, "{text}")?;
                Ok(Outcome::Ok)
            }
            None => {
                let names: Vec<&str> = EXAMPLES.iter().map(|(n, _)| *n).collect();
                Err(Failure(format!(
                    "no example named `{name}`; the examples are: {}",
                    names.join(", ")
                )))
            }
        },
    }
}
