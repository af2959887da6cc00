//! Rendering for people and machines: problems with their place (pointer, line, column) and the
//! assessment result as a report readable at a glance in a terminal.

use std::io::{self, Write};

use lindung::result::AssessmentResult;
use lindung::{Lang, Problem, Severity};

/// Where a document came from, for messages.
#[derive(Debug)]
pub struct Place<'a> {
    /// The file name, `-` for standard input.
    pub file: &'a str,
    /// The line of a JSON Lines input.
    pub line: Option<usize>,
    /// The document's bytes, to turn pointers into lines and columns.
    pub bytes: &'a [u8],
}

/// Counts across documents, for the closing summary.
#[derive(Debug, Default)]
pub struct Tally {
    /// Documents read.
    pub documents: usize,
    /// Documents with at least one error.
    pub invalid: usize,
    /// Warnings across all documents.
    pub warnings: usize,
}

impl Tally {
    /// Prints `N documents: N valid, N invalid, N warnings`.
    pub fn summary(&self, out: &mut impl Write, lang: Lang) -> io::Result<()> {
        let valid = self.documents - self.invalid;
        match lang {
            Lang::Id => writeln!(
                out,
                "{} dokumen: {valid} sah, {} tidak sah, {} peringatan",
                self.documents, self.invalid, self.warnings
            ),
            Lang::En => writeln!(
                out,
                "{} documents: {valid} valid, {} invalid, {} warnings",
                self.documents, self.invalid, self.warnings
            ),
        }
    }
}

/// Prints a document's problems; returns true when it has no error.
pub fn problems(
    out: &mut impl Write,
    json: bool,
    place: &Place<'_>,
    problems: &[Problem],
    tally: &mut Tally,
) -> io::Result<bool> {
    let valid = !problems.iter().any(Problem::is_error);
    tally.documents += 1;
    tally.invalid += usize::from(!valid);
    tally.warnings += problems.iter().filter(|p| !p.is_error()).count();
    if json {
        let mut record = serde_json::json!({ "file": place.file, "valid": valid, "problems": problems });
        if let Some(line) = place.line {
            record["line"] = line.into();
        }
        writeln!(out, "{record}")?;
        return Ok(valid);
    }
    let name = match place.line {
        Some(line) => format!("{}:{line}", place.file),
        None => place.file.to_owned(),
    };
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    if problems.is_empty() {
        writeln!(out, "{name}: ok")?;
    } else {
        writeln!(out, "{name}: {errors} error(s), {warnings} warning(s)")?;
    }
    for problem in problems {
        writeln!(out, "  {}", problem_line(place, problem))?;
    }
    Ok(valid)
}

/// One problem as `error   /person/nik (line 12, column 10)  person.nik_invalid  message`.
pub fn problem_line(place: &Place<'_>, problem: &Problem) -> String {
    let severity = match problem.severity {
        Severity::Error => "error  ",
        Severity::Warning => "warning",
    };
    let path = if problem.path.is_empty() { "/" } else { problem.path.as_str() };
    let location = match (place.line, lindung::json::locate(place.bytes, &problem.path)) {
        (None, Some((line, column))) => format!(" (line {line}, column {column})"),
        (Some(_), Some((_, column))) => format!(" (column {column})"),
        _ => String::new(),
    };
    format!("{severity} {path}{location}  {}  {}", problem.code, problem.message)
}

/// The result as pretty JSON, with a trailing newline left to the caller.
pub fn to_json(result: &AssessmentResult) -> serde_json::Result<String> {
    serde_json::to_string_pretty(result)
}
