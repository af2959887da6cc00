//! The engine held between calls, and every call as bytes in, JSON text out.

use lindung::directory::{Directory, DirectoryError};
use lindung::encode::{self, Encode};
use lindung::form::Form;
use lindung::json::Value;
use lindung::rules::RuleSetError;
use lindung::text::{decimal, joined};
use lindung::{encode_struct, Engine, Lang, Problem, RuleSet, Severity};

/// The largest input accepted, in bytes (the assessment limit of the data contract).
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

/// The state of one WASM instance: the engine that assessments run through, and the form its
/// rules ask (kept, as visibility is evaluated after every answer).
#[derive(Debug)]
pub struct Session {
    engine: Engine,
    form: Form,
}

impl Default for Session {
    fn default() -> Self {
        Session::new(Engine::default())
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
    let (size, limit) = (decimal(len as u64), decimal(MAX_INPUT_BYTES as u64));
    problem(
        "",
        "input.too_large",
        match lang {
            Lang::Id => joined(&[
                "masukan `",
                &size,
                "` bita melebihi batas `",
                &limit,
                "` bita",
            ]),
            Lang::En => joined(&[
                "input of `",
                &size,
                "` bytes is over the limit of `",
                &limit,
                "` bytes",
            ]),
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

fn rules_problem(error: &RuleSetError) -> Problem {
    let code = match error {
        RuleSetError::TooLarge { .. } => "rules.too_large",
        RuleSetError::Json { .. } => "rules.json",
        RuleSetError::Document { .. } => "rules.document",
        RuleSetError::Rule { .. } => "rules.rule",
        _ => "rules.invalid",
    };
    let mut out = problem(error.pointer().unwrap_or_default(), code, error.message());
    if let RuleSetError::Rule { rule, .. } = error {
        out.params.insert("rule".to_owned(), rule.clone());
    }
    out
}

fn directory_problem(error: &DirectoryError) -> Problem {
    let mut out = problem("", error.code(), error.message());
    if let Some(provider) = error.provider() {
        out.params
            .insert("provider".to_owned(), provider.to_owned());
    }
    out
}

pub(crate) fn text<T: Encode + ?Sized>(value: &T) -> String {
    encode::to_json(value)
}

/// `{problems, valid}`: the answer to `validate`, each problem written as the result document
/// writes it.
pub(crate) struct Validity<'a> {
    problems: &'a [Problem],
    valid: bool,
}

impl<'a> Validity<'a> {
    pub(crate) fn new(problems: &'a [Problem], valid: bool) -> Self {
        Validity { problems, valid }
    }
}

/// `{ok, errors}`: the answer to loading a rule set or a directory (`errors` empty when `ok`).
pub(crate) struct Loaded<'a> {
    pub(crate) ok: bool,
    pub(crate) errors: &'a [Problem],
}

/// An id and a version, as `version` reports the rule set and the directory.
struct Versioned<'a> {
    id: &'a str,
    version: &'a str,
}

/// The answer to `version` (keys in the order a JSON object sorts them).
struct Versions<'a> {
    directory: Versioned<'a>,
    lindung: &'a str,
    rules: Versioned<'a>,
}

encode_struct!(<'a> Validity<'a> { problems: "problems", valid: "valid" });
encode_struct!(<'a> Loaded<'a> { ok: "ok", errors: "errors" });
encode_struct!(<'a> Versioned<'a> { id: "id", version: "version" });
encode_struct!(<'a> Versions<'a> {
    directory: "directory",
    lindung: "lindung",
    rules: "rules",
});

/// Reads a language code; anything but `en` is Bahasa Indonesia, the default.
pub fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or_default()
}

impl Session {
    fn new(engine: Engine) -> Session {
        let form = Form::with_rules(Lang::Id, engine.rules());
        Session { engine, form }
    }

    /// The result document for an assessment given as JSON bytes, as JSON text: the very text
    /// `serde_json::to_string(&Engine::assess_json(..))` gives natively.
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
        result.errors = vec![problem];
        text(&result)
    }

    /// `{valid, problems}` for an assessment given as JSON bytes, as JSON text.
    pub fn validate(&self, bytes: &[u8], lang_code: &str) -> String {
        let checked = lindung::parse::check(bytes, lang(lang_code));
        let valid = checked.problems.iter().all(|p| !p.is_error());
        text(&Validity::new(&checked.problems, valid))
    }

    /// The form definition in a language, with the indicator questions of the rules in use.
    pub fn form(&self, lang_code: &str) -> String {
        text(&Form::with_rules(lang(lang_code), self.engine.rules()))
    }

    /// `{sections, questions}` that show for a partly filled assessment, as JSON text.
    pub fn visibility(&self, bytes: &[u8]) -> String {
        let value: Value = if bytes.len() > MAX_INPUT_BYTES {
            Value::Null
        } else {
            lindung::json::read(bytes).map_or(Value::Null, |read| read.value)
        };
        text(&self.form.visibility(&value))
    }

    /// The versions of the library, the rule set and the directory in use, as JSON text.
    pub fn version(&self) -> String {
        let rules = self.engine.rules().document();
        let directory = self.engine.directory();
        text(&Versions {
            directory: Versioned {
                id: &directory.id,
                version: &directory.version,
            },
            lindung: env!("CARGO_PKG_VERSION"),
            rules: Versioned {
                id: &rules.id,
                version: &rules.version,
            },
        })
    }

    /// Replaces the rule set with one given as JSON bytes; on a bad file returns the problems
    /// and keeps the rule set in use.
    pub fn load_rules(&mut self, bytes: &[u8], lang_code: &str) -> Result<(), Vec<Problem>> {
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(vec![too_large(bytes.len(), lang(lang_code))]);
        }
        let rules = RuleSet::from_json(bytes).map_err(|e| vec![rules_problem(&e)])?;
        self.engine.replace_rules(rules);
        self.form = Form::with_rules(Lang::Id, self.engine.rules());
        Ok(())
    }

    /// Replaces the service directory with one given as JSON bytes; on a bad file returns the
    /// problems and keeps the directory in use.
    pub fn load_directory(&mut self, bytes: &[u8], lang_code: &str) -> Result<(), Vec<Problem>> {
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(vec![too_large(bytes.len(), lang(lang_code))]);
        }
        let directory = Directory::from_json(bytes).map_err(|e| vec![directory_problem(&e)])?;
        self.engine.replace_directory(directory);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn validate_and_version_write_what_serde_writes() {
        // What `validate` answers, the problems as serde writes them.
        let expected = |problems: &[Problem], valid: bool| {
            let problems = serde_json::to_string(problems).unwrap_or_default();
            format!(r#"{{"problems":{problems},"valid":{valid}}}"#)
        };
        let session = Session::default();
        let with_params = br#"{"schemaVersion": "1", "id": "", "colour": "red"}"#;
        for input in [&b"[]"[..], b"{}", b"{not json", b"null", with_params] {
            let checked = lindung::parse::check(input, Lang::En);
            let valid = checked.problems.iter().all(|p| !p.is_error());
            assert_eq!(
                session.validate(input, "en"),
                expected(&checked.problems, valid)
            );
        }
        let has_params = lindung::parse::check(with_params, Lang::En).problems;
        assert!(has_params.iter().any(|problem| !problem.params.is_empty()));
        let problem = not_an_object(Lang::Id);
        let written = text(&Validity::new(std::slice::from_ref(&problem), false));
        assert_eq!(written, expected(&[problem], false));
        let rules = session.engine.rules().document();
        let directory = session.engine.directory();
        let expected = json!({
            "lindung": env!("CARGO_PKG_VERSION"),
            "rules": { "id": rules.id, "version": rules.version },
            "directory": { "id": directory.id, "version": directory.version },
        })
        .to_string();
        assert_eq!(session.version(), expected);
    }

    #[test]
    fn an_input_over_the_limit_is_refused_with_its_size_in_both_languages() {
        let big = vec![b' '; MAX_INPUT_BYTES + 1];
        let mut session = Session::default();
        let refused = |problems: Result<(), Vec<Problem>>| {
            let problems = problems.err().unwrap_or_default();
            problems
                .iter()
                .map(|p| (p.code.clone(), p.message.clone()))
                .collect::<Vec<_>>()
        };
        let en = "input of `1048577` bytes is over the limit of `1048576` bytes";
        let id = "masukan `1048577` bita melebihi batas `1048576` bita";
        for (lang, message) in [("en", en), ("id", id)] {
            let expected = vec![("input.too_large".to_owned(), message.to_owned())];
            assert_eq!(refused(session.load_rules(&big, lang)), expected);
            assert_eq!(refused(session.load_directory(&big, lang)), expected);
        }
        for (len, lang, message) in [
            (
                0,
                Lang::En,
                "input of `0` bytes is over the limit of `1048576` bytes",
            ),
            (
                10,
                Lang::Id,
                "masukan `10` bita melebihi batas `1048576` bita",
            ),
        ] {
            assert_eq!(too_large(len, lang).message, message);
        }
    }

    #[test]
    fn loading_rules_keeps_the_directory_and_loading_a_directory_keeps_the_rules() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let read = |path: &str| std::fs::read(root.join(path)).unwrap_or_default();
        let mut session = Session::default();
        let built_in_form = session.form("en");

        let mut directory: serde_json::Value =
            serde_json::from_slice(&read("crates/core/data/directory.kalsel.json"))
                .unwrap_or_default();
        directory["id"] = json!("agency-directory");
        let directory = directory.to_string();
        assert_eq!(session.load_directory(directory.as_bytes(), "en"), Ok(()));
        let mut rules: serde_json::Value =
            serde_json::from_slice(&read("examples/agency-rules.json")).unwrap_or_default();
        rules["trafficking"]["catalogue"][0]["label"]["en"] = json!("Asked in the agency's words");
        let left_out = format!(
            "/{}\"",
            rules["trafficking"]["catalogue"][1]["id"]
                .as_str()
                .unwrap_or("?")
        );
        if let Some(catalogue) = rules["trafficking"]["catalogue"].as_array_mut() {
            catalogue.remove(1);
        }
        let rules = rules.to_string();
        assert_eq!(session.load_rules(rules.as_bytes(), "en"), Ok(()));

        let version: serde_json::Value =
            serde_json::from_str(&session.version()).unwrap_or_default();
        assert_eq!(version["directory"]["id"], "agency-directory");
        assert_eq!(version["rules"]["id"], "dinsos-kalsel");
        // The form follows the rules in use, as a fresh session with them would ask it.
        let fresh = Session::new(Engine::new(
            session.engine.rules().clone(),
            session.engine.directory().clone(),
        ));
        assert_eq!(session.form("en"), fresh.form("en"));
        assert_ne!(session.form("en"), built_in_form);
        assert!(session.form("en").contains("Asked in the agency's words"));
        // Visibility asks the form the session keeps: an indicator the catalogue leaves out is
        // not asked.
        let kpo = br#"{"caseTypes":["kpo"]}"#;
        assert_eq!(session.visibility(kpo), fresh.visibility(kpo));
        assert!(Session::default().visibility(kpo).contains(&left_out));
        assert!(!session.visibility(kpo).contains(&left_out));

        assert_eq!(
            session.load_rules(&read("crates/core/data/rules.default.json"), "en"),
            Ok(())
        );
        assert_eq!(session.form("en"), built_in_form);
        let version: serde_json::Value =
            serde_json::from_str(&session.version()).unwrap_or_default();
        assert_eq!(version["directory"]["id"], "agency-directory");
    }
}
