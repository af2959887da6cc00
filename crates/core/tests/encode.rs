//! The JSON writer of `lindung::encode` writes the very text serde_json writes: for the result of
//! every case, in both languages, for the form definition with the built-in and an agency's rules,
//! for the visibility answers, and for the results of generated assessments.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking

#[path = "agreement/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lindung::encode::{to_json, Encode};
use lindung::form::Form;
use lindung::problem::Params;
use lindung::schema::schema_json;
use lindung::{Engine, Lang, Problem, RuleSet, Severity};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Every input under `tests/cases` (the expectations are inputs too: read as assessments they
/// are invalid ones).
fn cases() -> Vec<(PathBuf, Vec<u8>)> {
    let mut paths = Vec::new();
    files(&root().join("tests/cases"), &mut paths);
    paths.sort();
    assert!(paths.len() > 20);
    paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

fn same<T: Encode + Serialize + ?Sized>(value: &T, what: &dyn std::fmt::Display) {
    let expected = serde_json::to_string(value).unwrap();
    assert_eq!(to_json(value), expected, "{what}");
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::default)
}

#[test]
fn every_case_is_written_as_serde_writes_it() {
    let mut referrals = 0;
    for (path, bytes) in cases() {
        for lang in [Lang::Id, Lang::En] {
            let result = engine().assess_json(&bytes, lang);
            referrals += result.referrals.len();
            same(&result, &path.display());
            same(&result.errors, &path.display());
        }
    }
    assert!(referrals > 0);
}

#[test]
fn the_form_is_written_as_serde_writes_it() {
    let agency = std::fs::read(root().join("examples/agency-rules.json")).unwrap();
    let agency = RuleSet::from_json(&agency).unwrap();
    for rules in [RuleSet::builtin(), agency] {
        for lang in [Lang::Id, Lang::En] {
            let form = Form::with_rules(lang, &rules);
            same(&form, &"form");
            for section in &form.sections {
                same(&section.visible, &section.id);
            }
        }
    }
}

#[test]
fn visibility_is_written_as_serde_writes_it() {
    let form = Form::new(Lang::En);
    for (path, bytes) in cases() {
        let value: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        let value = lindung::json::Value::from(value);
        same(&form.visibility(&value), &path.display());
        same(&value, &path.display());
    }
}

#[test]
fn problems_with_any_text_are_written_as_serde_writes_them() {
    let text: String = (0u8..0x80)
        .map(char::from)
        .chain("é ✓ 😀".chars())
        .collect();
    for severity in [Severity::Error, Severity::Warning] {
        let mut problem = Problem {
            path: text.clone(),
            code: "a.b".to_owned(),
            severity,
            message: text.clone(),
            params: Params::new(),
        };
        same(&problem, &"no params");
        problem.params.insert(text.clone(), text.clone());
        problem.params.insert("rule".to_owned(), "r1".to_owned());
        same(&problem, &"params");
    }
}

fn schema() -> Value {
    serde_json::from_str(&schema_json("assessment").unwrap()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_results_are_written_as_serde_writes_them((seed, document) in generate::documents(schema())) {
        let bytes = serde_json::to_vec(&document).unwrap();
        for lang in [Lang::Id, Lang::En] {
            let result = engine().assess_json(&bytes, lang);
            prop_assert_eq!(to_json(&result), serde_json::to_string(&result).unwrap(), "seed {}", seed);
            let visibility = Form::new(lang).visibility(&document.clone().into());
            prop_assert_eq!(to_json(&visibility), serde_json::to_string(&visibility).unwrap(), "seed {}", seed);
        }
    }
}
