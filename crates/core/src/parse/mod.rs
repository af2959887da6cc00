//! Parsing an assessment: JSON bytes in, a typed [`Assessment`] or every structural problem out.
//!
//! Structural problems are those a JSON Schema can say: the size limit, JSON syntax, repeated
//! keys, types, unknown and missing fields, lengths, forms and ranges. Cross-field rules are
//! [`crate::validate`]'s; [`check`] runs both.

#[cfg(any(test, feature = "codegen"))]
pub(crate) mod compile;
#[rustfmt::skip]
mod compiled;
#[cfg(any(test, feature = "codegen"))]
mod emit;
mod node;
mod pattern;
mod shape;
mod wording;

use shape::PROBLEM_LIMIT;

use crate::json::{self, DOCUMENT_LIMIT};
use crate::model::{Assessment, Lang};
use crate::problem::Problem;
use crate::text::decimal;
use crate::validate::{self, Code};

/// Reads an assessment from JSON bytes, reporting every structural problem.
///
/// The size limit (1 MiB) is checked before anything else; a syntax error stops reading; all
/// other structural problems are collected in one pass, each with a JSON Pointer and a stable
/// code.
///
/// ```
/// use lindung::parse::parse_assessment;
/// use lindung::Lang;
///
/// let problems = parse_assessment(br#"{"schemaVersion": "1", "colour": "red"}"#, Lang::En)
///     .err()
///     .unwrap_or_default();
/// assert!(problems.iter().any(|p| p.code == "field.unknown" && p.path == "/colour"));
/// assert!(problems.iter().any(|p| p.code == "field.required" && p.path == "/person"));
/// ```
pub fn parse_assessment(bytes: &[u8], lang: Lang) -> Result<Assessment, Vec<Problem>> {
    if bytes.len() > DOCUMENT_LIMIT {
        return Err(vec![Code::DocumentTooLarge.problem_with(
            "",
            lang,
            &[
                ("size", &decimal(bytes.len() as u64)),
                ("limit", &decimal(DOCUMENT_LIMIT as u64)),
            ],
        )]);
    }
    let read = json::read(bytes).map_err(|error| {
        vec![Code::JsonSyntax.problem_with(
            "",
            lang,
            &[
                ("line", &decimal(error.line() as u64)),
                ("column", &decimal(error.column() as u64)),
            ],
        )]
    })?;
    let mut problems = Vec::new();
    for repeated in read.repeated_keys.iter().take(PROBLEM_LIMIT + 1) {
        problems.push(Code::JsonDuplicateKey.problem_with(
            repeated.pointer.clone(),
            lang,
            &[("key", repeated.key.as_str())],
        ));
    }
    if problems.len() <= PROBLEM_LIMIT {
        problems.extend(compiled::ASSESSMENT.check(&read.value, lang));
    }
    if problems.len() > PROBLEM_LIMIT {
        problems.truncate(PROBLEM_LIMIT);
        let limit = decimal(PROBLEM_LIMIT as u64);
        problems.push(Code::TooManyProblems.problem_with("", lang, &[("limit", &limit)]));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    crate::decode::document::<Assessment>(&read.value)
        .map_err(|_| vec![Code::DocumentUnreadable.problem_with("", lang, &[])])
}

/// An assessment checked in full: the typed document when it could be read, and every problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The assessment, when it is structurally sound (it may still have cross-field errors).
    pub assessment: Option<Assessment>,
    /// Structural problems, or the cross-field errors and warnings of a sound document.
    pub problems: Vec<Problem>,
}

impl Checked {
    /// True when the assessment was read and has no error (warnings are allowed).
    pub fn is_valid(&self) -> bool {
        self.assessment.is_some() && !self.problems.iter().any(Problem::is_error)
    }
}

/// Parses and validates: structural problems, or else cross-field errors and warnings.
///
/// ```
/// use lindung::parse::check;
/// use lindung::Lang;
///
/// let checked = check(b"[]", Lang::Id);
/// assert!(!checked.is_valid());
/// assert_eq!(checked.problems[0].code, "value.type");
/// assert_eq!(checked.problems[0].message, "seharusnya objek, ternyata daftar");
/// ```
pub fn check(bytes: &[u8], lang: Lang) -> Checked {
    match parse_assessment(bytes, lang) {
        Ok(assessment) => {
            let problems = validate::validate(&assessment, lang);
            Checked {
                assessment: Some(assessment),
                problems,
            }
        }
        Err(problems) => Checked {
            assessment: None,
            problems,
        },
    }
}
