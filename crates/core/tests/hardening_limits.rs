//! Bad input at every entry point of the library — the assessment reader and engine, rule-set
//! loading, directory loading: sizes over the limits, deep nesting, huge strings and wrong types
//! at every level each give a located, coded error, and the engine answers the next document
//! exactly as it did before.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking

use std::fs;
use std::path::{Path, PathBuf};

use lindung::directory::{Directory, DirectoryError};
use lindung::json::DOCUMENT_LIMIT;
use lindung::rules::RuleSetError;
use lindung::{Engine, Lang, RuleSet};
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(relative: &str) -> Vec<u8> {
    fs::read(root().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

fn sound() -> Value {
    serde_json::from_slice(&read("tests/cases/valid/ktk_kpo_child_online.json")).unwrap()
}

/// Nested arrays and objects far deeper than any document needs.
fn nested(depth: usize) -> Vec<Vec<u8>> {
    let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    let unclosed = "[{\"a\":".repeat(depth);
    let inside = format!(
        "{{\"schemaVersion\":\"1\",\"notes\":{}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    [arrays, objects, unclosed, inside]
        .map(String::into_bytes)
        .to_vec()
}

#[test]
fn the_engine_answers_every_bad_document_with_located_coded_errors() {
    let engine = Engine::default();
    let good = serde_json::to_vec(&sound()).unwrap();
    let before = engine.assess_json(&good, Lang::En).to_json();
    let mut huge_name = sound();
    huge_name["person"]["name"] = json!("x".repeat(900_000));
    let mut huge_key = sound();
    huge_key[&"k".repeat(500_000)] = json!(1);
    let mut many_items = sound();
    many_items["violence"]["perpetrators"] = json!(vec![json!({"relationship": "spouse"}); 20_000]);
    let mut cases: Vec<(String, Vec<u8>, &str, &str)> = vec![
        (
            "1 MiB + 1 byte".into(),
            vec![b' '; DOCUMENT_LIMIT + 1],
            "document.too_large",
            "",
        ),
        (
            "a huge string".into(),
            serde_json::to_vec(&huge_name).unwrap(),
            "string.too_long",
            "/person/name",
        ),
        (
            "a huge key".into(),
            serde_json::to_vec(&huge_key).unwrap(),
            "field.unknown",
            "",
        ),
        (
            "a huge array".into(),
            serde_json::to_vec(&many_items).unwrap(),
            "array.too_long",
            "/violence/perpetrators",
        ),
        ("empty".into(), Vec::new(), "json.syntax", ""),
        (
            "invalid UTF-8".into(),
            b"{\"id\": \"\xff\"}".to_vec(),
            "json.syntax",
            "",
        ),
        (
            "a lone surrogate".into(),
            b"{\"id\": \"\\ud800\"}".to_vec(),
            "json.syntax",
            "",
        ),
        (
            "a number out of range".into(),
            b"{\"id\": 1e400}".to_vec(),
            "json.syntax",
            "",
        ),
        ("NaN".into(), b"{\"id\": NaN}".to_vec(), "json.syntax", ""),
        (
            "trailing text".into(),
            [good.as_slice(), b" {}"].concat(),
            "json.syntax",
            "",
        ),
        ("a NUL byte".into(), b"\0".to_vec(), "json.syntax", ""),
    ];
    for (index, bytes) in nested(100_000).into_iter().enumerate() {
        cases.push((format!("nested #{index}"), bytes, "json.syntax", ""));
    }
    for (name, bytes, code, path) in cases {
        let result = engine.assess_json(&bytes, Lang::En);
        assert!(!result.valid, "{name}");
        assert!(result.referrals.iter().all(|r| !r.ready), "{name}");
        let found = result
            .errors
            .iter()
            .any(|p| p.code == code && (path.is_empty() || p.path == path));
        let seen: Vec<(&str, &str)> = result
            .errors
            .iter()
            .map(|p| (p.code.as_str(), p.path.as_str()))
            .collect();
        assert!(found, "{name}: expected {code} at {path:?}, got {seen:?}");
        for problem in &result.errors {
            assert!(
                problem.path.is_empty() || problem.path.starts_with('/'),
                "{name}"
            );
            assert!(
                !problem.message.is_empty() && problem.message.len() < 2000,
                "{name}: {}",
                problem.message.len()
            );
        }
        // The engine keeps no state: the next document gets the answer it always got.
        assert_eq!(
            engine.assess_json(&good, Lang::En).to_json(),
            before,
            "after {name}"
        );
    }
}

#[test]
fn a_document_at_the_limit_is_still_read() {
    let mut text = serde_json::to_vec(&sound()).unwrap();
    text.resize(DOCUMENT_LIMIT, b' ');
    assert!(Engine::default().assess_json(&text, Lang::En).valid);
    text.push(b' ');
    let result = Engine::default().assess_json(&text, Lang::En);
    assert_eq!(result.errors.len(), 1);
    assert_eq!(result.errors[0].code, "document.too_large");
}

/// True when a replacement is of the type that was there: then it may well be sound.
fn same_type(original: Option<&Value>, wrong: &Value) -> bool {
    let kind = |v: &Value| match v {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    };
    original.is_some_and(|o| kind(o) == kind(wrong))
}

const WRONG: [&str; 5] = ["7", "\"x\"", "[]", "{}", "true"];

#[test]
fn a_wrong_type_at_any_level_is_named_where_it_is() {
    let engine = Engine::default();
    let document = sound();
    let all = lindung::json::pointers(&document.clone().into());
    let mut checked = 0;
    for pointer in &all {
        for wrong in WRONG {
            let wrong: Value = serde_json::from_str(wrong).unwrap();
            let mut broken = document.clone();
            if broken.pointer(pointer) == Some(&wrong) {
                continue;
            }
            *broken.pointer_mut(pointer).unwrap() = wrong.clone();
            let result = engine.assess_json(&serde_json::to_vec(&broken).unwrap(), Lang::En);
            // A string is a fine value for a free-text field; anything else must be refused,
            // at the place it was put or at a member of it that is now missing.
            let refused = result
                .errors
                .iter()
                .any(|p| p.path == *pointer || p.path.starts_with(&format!("{pointer}/")));
            if result.valid {
                assert!(
                    same_type(document.pointer(pointer), &wrong),
                    "{pointer} = {wrong} is accepted"
                );
                continue;
            }
            assert!(refused, "{pointer} = {wrong}: {:?}", result.errors);
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} breakages");
}

#[test]
fn rule_sets_over_the_limit_nested_or_mistyped_are_named_errors() {
    let builtin = read("crates/core/data/rules.default.json");
    let mut padded = builtin.clone();
    padded.resize(lindung::rules::MAX_BYTES + 1, b' ');
    assert!(matches!(
        RuleSet::from_json(&padded),
        Err(RuleSetError::TooLarge { .. })
    ));
    for bytes in nested(100_000) {
        assert!(matches!(
            RuleSet::from_json(&bytes),
            Err(RuleSetError::Json { .. } | RuleSetError::Document { .. })
        ));
    }
    // Every 29th place, so the test stays quick; the fuzz target covers the rest.
    every_place_mistyped(
        &builtin,
        29,
        &["RuleSetDocument", "Vec<", "Option<", "u32", "serde"],
        |bytes| {
            RuleSet::from_json(bytes).map(drop).map_err(|error| {
                let text = error.to_string();
                assert!(!text.is_empty(), "an empty message");
                text
            })
        },
    );
}

#[test]
fn directories_over_the_limit_nested_or_mistyped_are_named_errors() {
    let builtin = read("crates/core/data/directory.kalsel.json");
    let mut padded = builtin.clone();
    padded.resize(lindung::directory::MAX_BYTES + 1, b' ');
    assert!(matches!(
        Directory::from_json(&padded),
        Err(DirectoryError::TooLarge { .. })
    ));
    for bytes in nested(100_000) {
        let error = Directory::from_json(&bytes).err();
        assert!(error.is_some_and(|e| !e.code().is_empty()));
    }
    every_place_mistyped(
        &builtin,
        1,
        &["RawDirectory", "RawProvider", "Vec<", "Option<", "serde"],
        |bytes| {
            Directory::from_json(bytes).map(drop).map_err(|error| {
                assert!(!error.code().is_empty(), "no code: {error}");
                error.to_string()
            })
        },
    );
}

/// Puts each of `WRONG` at every `step`th place of `document` and loads the result: it loads only
/// when the wrong value has the type of the right one, and otherwise its message (from `load`)
/// names none of `internals` and does not end with a full stop.
fn every_place_mistyped(
    document: &[u8],
    step: usize,
    internals: &[&str],
    load: impl Fn(&[u8]) -> Result<(), String>,
) {
    let document: Value = serde_json::from_slice(document).unwrap();
    for pointer in lindung::json::pointers(&document.clone().into())
        .iter()
        .step_by(step)
    {
        for wrong in WRONG {
            let wrong: Value = serde_json::from_str(wrong).unwrap();
            let mut broken = document.clone();
            *broken.pointer_mut(pointer).unwrap() = wrong.clone();
            match load(&serde_json::to_vec(&broken).unwrap()) {
                Ok(()) => assert!(
                    same_type(document.pointer(pointer), &wrong),
                    "{pointer} = {wrong} loads"
                ),
                Err(text) => {
                    assert!(!text.ends_with('.'), "{pointer}: {text}");
                    for internal in internals {
                        assert!(!text.contains(internal), "{pointer} = {wrong}: {text}");
                    }
                }
            }
        }
    }
}
