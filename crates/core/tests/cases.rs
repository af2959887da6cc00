//! The shared cases under `tests/cases/`: each assessment beside its `NAME.expect.json`, checked
//! for the layers this file knows (`problems`, `schema`, `child`); other keys belong to other tests.
#![allow(clippy::panic)] // a test reports failure by panicking

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use lindung::parse::check;
use lindung::schema::schema_json;
use lindung::{Lang, Severity};
use serde_json::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

/// Every case as (folder, name, assessment bytes, expectation).
fn cases() -> Vec<(String, String, Vec<u8>, Value)> {
    let mut out = Vec::new();
    for folder in ["valid", "invalid"] {
        let dir = cases_dir().join(folder);
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter_map(|file| Some(file.strip_suffix(".json")?.to_owned()))
            .filter(|name| !name.ends_with(".expect"))
            .collect();
        names.sort();
        for name in names {
            let bytes = fs::read(dir.join(format!("{name}.json"))).unwrap_or_default();
            let expect = fs::read(dir.join(format!("{name}.expect.json")))
                .ok()
                .and_then(|text| serde_json::from_slice(&text).ok())
                .unwrap_or_else(|| panic!("{folder}/{name}: missing or broken NAME.expect.json"));
            out.push((folder.to_owned(), name, bytes, expect));
        }
    }
    out
}

type Key = (String, String, String);

fn key(code: &str, path: &str, severity: Severity) -> Key {
    let severity = match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    (code.to_owned(), path.to_owned(), severity.to_owned())
}

/// Runs every case and reports every difference at once, as a readable list.
#[test]
fn every_case_meets_its_expectation() {
    let schema: Value = schema_json("assessment")
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the assessment schema does not compile: {e}"));
    let all = cases();
    assert!(all.len() >= 20, "only {} cases found", all.len());
    let mut failures = Vec::new();
    for (folder, name, bytes, expect) in &all {
        let case = format!("{folder}/{name}");
        let checked = check(bytes, Lang::En);
        if checked.is_valid() != (folder == "valid") {
            failures.push(format!("{case}: valid is {}", checked.is_valid()));
        }
        if let Some(expected) = expect.get("problems").and_then(Value::as_array) {
            let expected: BTreeSet<Key> = expected
                .iter()
                .map(|p| {
                    let field = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or_default();
                    (
                        field("code").into(),
                        field("path").into(),
                        field("severity").into(),
                    )
                })
                .collect();
            let actual: BTreeSet<Key> = checked
                .problems
                .iter()
                .map(|p| key(&p.code, &p.path, p.severity))
                .collect();
            let missing: Vec<&Key> = expected.difference(&actual).collect();
            // Warnings not listed are allowed; errors must be exactly those listed.
            let unexpected: Vec<&Key> = actual
                .difference(&expected)
                .filter(|(_, _, severity)| severity == "error")
                .collect();
            if !missing.is_empty() || !unexpected.is_empty() {
                failures.push(format!(
                    "{case}:\n    missing    {missing:?}\n    unexpected {unexpected:?}"
                ));
            }
        }
        if let Some(verdict) = expect.get("schema").and_then(Value::as_str) {
            match serde_json::from_slice::<Value>(bytes) {
                Ok(instance) => {
                    let accepted = validator.is_valid(&instance);
                    if accepted != (verdict == "accept") {
                        let errors: Vec<String> = validator
                            .iter_errors(&instance)
                            .map(|e| format!("{} {e}", e.instance_path()))
                            .collect();
                        failures.push(format!(
                            "{case}: the JSON Schema validator should {verdict}: {errors:?}"
                        ));
                    }
                }
                Err(e) => failures.push(format!("{case}: not JSON for the validator: {e}")),
            }
        }
        if let Some(child) = expect.get("child").and_then(Value::as_bool) {
            let actual = checked.assessment.as_ref().map(|a| a.is_child());
            if actual != Some(child) {
                failures.push(format!("{case}: child is {actual:?}, expected {child}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

/// Messages come in both languages for every case, and never mention the internals.
#[test]
fn messages_are_localised_and_plain() {
    for (folder, name, bytes, _) in cases() {
        let english = check(&bytes, Lang::En).problems;
        let indonesian = check(&bytes, Lang::Id).problems;
        assert_eq!(english.len(), indonesian.len(), "{folder}/{name}");
        for (en, id) in english.iter().zip(&indonesian) {
            assert_eq!(
                (&en.code, &en.path),
                (&id.code, &id.path),
                "{folder}/{name}"
            );
            assert_ne!(en.message, id.message, "{folder}/{name}: {}", en.code);
            for message in [&en.message, &id.message] {
                assert!(!message.ends_with('.'), "{message}");
                assert!(!message.contains('{'), "unfilled template: {message}");
                for internal in ["Option", "String", "Vec<", "u8", "serde"] {
                    assert!(!message.contains(internal), "{message}");
                }
            }
        }
    }
}

/// Every pointer a problem names can be found in the text, except a missing field's.
#[test]
fn problem_paths_point_into_the_document() {
    for (folder, name, bytes, _) in cases() {
        for problem in check(&bytes, Lang::En).problems {
            let absent = matches!(
                problem.code.as_str(),
                "field.required"
                    | "person.age_missing"
                    | "guardian.missing"
                    | "violence.missing"
                    | "trafficking.missing"
                    | "consent.record_missing"
                    | "migration.missing"
                    | "danger.not_asked"
                    | "needs.not_asked"
                    | "indicators.not_asked"
                    | "violence.sexual_type_missing"
            );
            if !absent {
                assert!(
                    lindung::json::locate(&bytes, &problem.path).is_some(),
                    "{folder}/{name}: {} at {:?} not found",
                    problem.code,
                    problem.path
                );
            }
        }
    }
}
