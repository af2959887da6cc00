//! Inputs that once went wrong (fuzz findings and edge cases found by hand) stay answered:
//! `tests/cases/regressions/{assessment,rules,directory}/NAME.json`, each with an optional
//! `NAME.expect.json` — `{"valid": bool, "errors": [code]}` for an assessment,
//! `{"loads": bool, "error": "text it contains"}` for a rule set or a directory.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking

use std::fs;
use std::path::{Path, PathBuf};

use lindung::directory::Directory;
use lindung::{Engine, Lang, RuleSet};
use serde_json::Value;

fn cases(kind: &str) -> Vec<(String, Vec<u8>, Value)> {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/cases/regressions")
        .join(kind);
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| Some(f.strip_suffix(".json")?.to_owned()))
        .filter(|n| !n.ends_with(".expect"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let bytes = fs::read(dir.join(format!("{name}.json"))).unwrap_or_default();
            let expect = fs::read(dir.join(format!("{name}.expect.json")))
                .ok()
                .and_then(|t| serde_json::from_slice(&t).ok())
                .unwrap_or(Value::Null);
            (format!("{kind}/{name}"), bytes, expect)
        })
        .collect()
}

#[test]
fn assessments_that_once_went_wrong_are_answered() {
    let engine = Engine::default();
    let all = cases("assessment");
    assert!(!all.is_empty());
    for (name, bytes, expect) in all {
        let result = engine.assess_json(&bytes, Lang::En);
        assert_eq!(
            result.to_json(),
            engine.assess_json(&bytes, Lang::En).to_json(),
            "{name}"
        );
        if !result.valid {
            assert!(result.referrals.iter().all(|r| !r.ready), "{name}");
        }
        for problem in result.errors.iter().chain(&result.warnings) {
            let _ = lindung::json::locate(&bytes, &problem.path);
        }
        if let Some(valid) = expect.get("valid").and_then(Value::as_bool) {
            assert_eq!(result.valid, valid, "{name}: {:?}", result.errors);
        }
        if let Some(codes) = expect.get("errors").and_then(Value::as_array) {
            let expected: Vec<&str> = codes.iter().filter_map(Value::as_str).collect();
            let actual: Vec<&str> = result.errors.iter().map(|p| p.code.as_str()).collect();
            assert_eq!(actual, expected, "{name}");
        }
    }
}

fn check_loading(kind: &str, load: impl Fn(&[u8]) -> Result<(), String>) {
    let all = cases(kind);
    assert!(!all.is_empty());
    for (name, bytes, expect) in all {
        let loaded = load(&bytes);
        if let Some(loads) = expect.get("loads").and_then(Value::as_bool) {
            assert_eq!(loaded.is_ok(), loads, "{name}: {loaded:?}");
        }
        if let Some(text) = expect.get("error").and_then(Value::as_str) {
            let error = loaded.err().unwrap_or_default();
            assert!(
                error.contains(text),
                "{name}: {error:?} does not contain {text:?}"
            );
        }
    }
}

#[test]
fn rule_sets_that_once_went_wrong_are_answered() {
    let assessment = include_bytes!("../../../tests/cases/valid/ktk_kpo_child_online.json");
    check_loading("rules", |bytes| {
        let rules = RuleSet::from_json(bytes).map_err(|e| e.to_string())?;
        let result = Engine::new(rules, Directory::builtin()).assess_json(assessment, Lang::En);
        assert!(serde_json::from_str::<Value>(&result.to_json()).is_ok());
        Ok(())
    });
}

#[test]
fn directories_that_once_went_wrong_are_answered() {
    check_loading("directory", |bytes| {
        Directory::from_json(bytes)
            .map(|_| ())
            .map_err(|e| e.to_string())
    });
}
