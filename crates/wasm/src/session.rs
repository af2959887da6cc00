//! The engine held between calls, and every call as bytes in, JSON text out.

use lindung::form::Form;
use lindung::{Lang, Problem, Severity};
use serde::Serialize;
use serde_json::{json, Value};

/// The largest input accepted, in bytes (the assessment limit of the data contract).
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

/// The state of one WASM instance: the engine that assessments run through.
#[derive(Debug, Default)]
pub struct Session {
    engine: Engine,
}

/// The engine the session runs.
#[derive(Debug, Default)]
struct Engine;

impl Engine {
    fn assess_json(&self, bytes: &[u8], lang: Lang) -> Value {
        let problems = check(bytes, lang);
        json!({
            "schemaVersion": "1",
            "valid": problems.iter().all(|p| !p.is_error()),
            "errors": problems.iter().filter(|p| p.is_error()).collect::<Vec<_>>(),
            "warnings": problems.iter().filter(|p| !p.is_error()).collect::<Vec<_>>(),
        })
    }
}

/// The problems of an assessment given as JSON bytes.
fn check(bytes: &[u8], lang: Lang) -> Vec<Problem> {
    if bytes.len() > MAX_INPUT_BYTES {
        return vec![too_large(bytes.len(), lang)];
    }
    match serde_json::from_slice::<lindung::Assessment>(bytes) {
        Ok(_) => Vec::new(),
        Err(error) => vec![problem(
            "",
            "json.invalid",
            match lang {
                Lang::Id => format!("dokumen tidak dapat dibaca: {error}"),
                Lang::En => format!("the document cannot be read: {error}"),
            },
        )],
    }
}

fn problem(path: &str, code: &str, message: String) -> Problem {
    Problem {
        path: path.to_owned(),
        code: code.to_owned(),
        severity: Severity::Error,
        message,
        params: Default::default(),
    }
}

/// The problem for an input over [`MAX_INPUT_BYTES`].
pub(crate) fn too_large(len: usize, lang: Lang) -> Problem {
    problem(
        "",
        "input.too_large",
        match lang {
            Lang::Id => format!("masukan `{len}` bita melebihi batas `{MAX_INPUT_BYTES}` bita"),
            Lang::En => {
                format!("input of `{len}` bytes is over the limit of `{MAX_INPUT_BYTES}` bytes")
            }
        },
    )
}

/// The problem for an input that is not a JSON object or JSON text.
pub(crate) fn not_an_object(lang: Lang) -> Problem {
    problem(
        "",
        "input.not_object",
        match lang {
            Lang::Id => "masukan harus berupa objek atau teks JSON".to_owned(),
            Lang::En => "input must be an object or JSON text".to_owned(),
        },
    )
}

fn text(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

/// Reads a language code; anything but `en` is Bahasa Indonesia, the default.
pub fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or_default()
}

impl Session {
    /// The result document for an assessment given as JSON bytes, as JSON text.
    ///
    /// ```
    /// let session = lindung_wasm::Session::default();
    /// let result = session.assess(b"[]", "en");
    /// assert!(result.contains(r#""valid":false"#));
    /// ```
    pub fn assess(&self, bytes: &[u8], lang_code: &str) -> String {
        text(&self.engine.assess_json(bytes, lang(lang_code)))
    }

    /// The result document for an input that could not be read: the engine's answer to an empty
    /// document, with `problem` as its only error.
    pub fn refuse(&self, problem: Problem, lang_code: &str) -> String {
        let mut result = self.engine.assess_json(b"null", lang(lang_code));
        if let Some(errors) = result.get_mut("errors") {
            *errors = json!([problem]);
        }
        text(&result)
    }

    /// `{valid, problems}` for an assessment given as JSON bytes, as JSON text.
    pub fn validate(&self, bytes: &[u8], lang_code: &str) -> String {
        let problems = check(bytes, lang(lang_code));
        let valid = problems.iter().all(|p| !p.is_error());
        text(&json!({ "valid": valid, "problems": problems }))
    }

    /// The form definition in a language, as JSON text.
    pub fn form(&self, lang_code: &str) -> String {
        text(&Form::new(lang(lang_code)))
    }

    /// `{sections, questions}` that show for a partly filled assessment, as JSON text.
    pub fn visibility(&self, bytes: &[u8]) -> String {
        let value: Value = if bytes.len() > MAX_INPUT_BYTES {
            Value::Null
        } else {
            serde_json::from_slice(bytes).unwrap_or(Value::Null)
        };
        text(&Form::new(Lang::Id).visibility(&value))
    }

    /// The version of the library and of the built-in rules, as JSON text.
    pub fn version(&self) -> String {
        text(&json!({ "lindung": env!("CARGO_PKG_VERSION") }))
    }

    /// A published JSON Schema by name (`assessment`, `result`, `rules`, …), as JSON text.
    pub fn schema(&self, name: &str) -> Option<String> {
        let _ = name;
        None
    }

    /// Replaces the rule set with one given as JSON bytes; on a bad file returns the problems
    /// and keeps the rule set in use.
    pub fn load_rules(&mut self, bytes: &[u8], lang_code: &str) -> Result<(), Vec<Problem>> {
        self.load(bytes, lang_code, "rules")
    }

    /// Replaces the service directory with one given as JSON bytes; on a bad file returns the
    /// problems and keeps the directory in use.
    pub fn load_directory(&mut self, bytes: &[u8], lang_code: &str) -> Result<(), Vec<Problem>> {
        self.load(bytes, lang_code, "directory")
    }

    fn load(&mut self, bytes: &[u8], lang_code: &str, what: &str) -> Result<(), Vec<Problem>> {
        let lang = lang(lang_code);
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(vec![too_large(bytes.len(), lang)]);
        }
        match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(_)) => Err(vec![problem(
                "",
                &format!("{what}.unsupported"),
                match lang {
                    Lang::Id => format!("berkas `{what}` tidak dapat dimuat di sini"),
                    Lang::En => format!("a `{what}` file cannot be loaded here"),
                },
            )]),
            _ => Err(vec![not_an_object(lang)]),
        }
    }
}
