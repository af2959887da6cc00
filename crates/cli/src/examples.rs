//! Built-in example assessments, the realistic cases under `tests/cases/valid/`, for trying the
//! CLI and the engine without writing JSON first.

use std::io::Write;

use crate::{Failure, Outcome};

/// `(name, JSON text)` of one case under `tests/cases/valid/`, named as its file.
macro_rules! example {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../../tests/cases/valid/", $name, ".json")),
        )
    };
}

/// `(name, JSON text)` of every built-in example: an officer's working cases in South
/// Kalimantan, from the smallest valid assessment to a case that is both KTK and KPO.
pub const EXAMPLES: &[(&str, &str)] = &[
    example!("ktk-adult-strangulation"),
    example!("ktk-child-sexual-abuse"),
    example!("kpo-migrant-malaysia"),
    example!("kpo-scam-compound"),
    example!("kpo-child-domestic-servitude"),
    example!("ktk-kpo-both"),
    example!("minimal"),
    example!("ktk-elderly-neglect"),
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
