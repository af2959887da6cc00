//! Properties of reading assessments: no input panics, the library's structural verdict agrees
//! with an independent JSON Schema validator, and sound documents survive a round trip.
#![allow(clippy::panic)] // a test reports failure by panicking

use std::path::Path;
use std::sync::OnceLock;

use lindung::json::{locate, DOCUMENT_LIMIT};
use lindung::parse::{check, parse_assessment};
use lindung::schema::schema_json;
use lindung::Lang;
use proptest::prelude::*;
use serde_json::Value;

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = schema_json("assessment")
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap_or_else(|e| panic!("the assessment schema does not compile: {e}"))
    })
}

/// The sound documents under `tests/cases/valid`.
fn valid_cases() -> &'static [(String, Value)] {
    static CASES: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    CASES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases/valid");
        let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                let name = path.file_name()?.to_str()?.to_owned();
                if name.ends_with(".expect.json") || !name.ends_with(".json") {
                    return None;
                }
                Some((
                    name,
                    serde_json::from_slice(&std::fs::read(&path).ok()?).ok()?,
                ))
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        assert!(!out.is_empty(), "no valid cases in {}", dir.display());
        out
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(Value),
    Remove,
    Add(String, Value),
}

fn replacement() -> impl Strategy<Value = Value> {
    let words = prop::sample::select(vec![
        "yes",
        "no",
        "unknown",
        "ktk",
        "kpo",
        "female",
        "male",
        "",
        "63",
        "63.71",
        "6371",
        "6371015203940001",
        "ID",
        "id",
        "2026-11-29",
        "2026-02-30",
        "2026-11-29T10:00:00+08:00",
        "2026-11-29T10:00:00",
        "d1_wages",
        "d9_nothing",
        "sexual",
        "household",
        "written",
        "social_worker",
        "self",
        "+62 812 0000 0000",
        "1",
    ]);
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..2000).prop_map(Value::from),
        // Whole numbers written as floats are a known difference (`3.0`), so only fractions.
        (-100i64..100).prop_map(|n| Value::from(n as f64 + 0.5)),
        words.clone().prop_map(Value::from),
        "[a-zA-Z0-9 ._-]{0,80}".prop_map(Value::from),
        prop::collection::vec(words.prop_map(Value::from), 0..4).prop_map(Value::Array),
        Just(serde_json::json!({})),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => replacement().prop_map(Mutation::Replace),
        2 => Just(Mutation::Remove),
        1 => ("[a-zA-Z]{1,12}", replacement()).prop_map(|(k, v)| Mutation::Add(k, v)),
    ]
}

fn apply(document: &mut Value, at: &str, mutation: Mutation) {
    let (parent, last) = match at.rsplit_once('/') {
        Some(split) => split,
        None => {
            if let Mutation::Replace(value) = mutation {
                *document = value;
            }
            return;
        }
    };
    let key = last.replace("~1", "/").replace("~0", "~");
    match (mutation, document.pointer_mut(parent)) {
        (Mutation::Replace(value), _) => {
            if let Some(slot) = document.pointer_mut(at) {
                *slot = value;
            }
        }
        (Mutation::Remove, Some(Value::Object(members))) => {
            members.remove(&key);
        }
        (Mutation::Remove, Some(Value::Array(items))) => {
            if let Ok(index) = key.parse::<usize>() {
                if index < items.len() {
                    items.remove(index);
                }
            }
        }
        (Mutation::Add(name, value), Some(Value::Object(members))) => {
            members.insert(name, value);
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Structurally, the library refuses exactly what the published schema refuses.
    #[test]
    fn the_library_and_the_schema_agree(case in any::<prop::sample::Index>(),
                                        place in any::<prop::sample::Index>(),
                                        mutations in prop::collection::vec(mutation(), 1..4)) {
        let cases = valid_cases();
        let (name, original) = &cases[case.index(cases.len())];
        let mut document = original.clone();
        for mutation in mutations {
            let all = lindung::json::pointers(&document.clone().into());
            let at = all[place.index(all.len())].clone();
            apply(&mut document, &at, mutation);
        }
        let bytes = serde_json::to_vec(&document).unwrap_or_default();
        let library = parse_assessment(&bytes, Lang::En);
        let schema = validator().is_valid(&document);
        prop_assert_eq!(
            library.is_ok(), schema,
            "{} mutated to {}\nlibrary: {:?}", name, document, library.err()
        );
    }

    /// No input makes reading panic, and every problem is located and coded.
    #[test]
    fn any_bytes_give_problems_not_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let checked = check(&bytes, Lang::Id);
        prop_assert!(checked.assessment.is_some() || !checked.problems.is_empty());
        for problem in &checked.problems {
            prop_assert!(problem.path.is_empty() || problem.path.starts_with('/'));
            prop_assert!(!problem.code.is_empty() && !problem.message.is_empty());
        }
    }

    /// JSON-shaped text with odd nesting and escapes never panics either, nor does locating in it.
    #[test]
    fn json_like_text_never_panics(text in r#"[\[\]{}",:0-9a-z\\ ]{0,200}"#,
                                   pointer in "(/[a-z0-9~]{0,3}){0,4}") {
        let _ = check(text.as_bytes(), Lang::En);
        let _ = locate(text.as_bytes(), &pointer);
    }
}

#[test]
fn sound_documents_survive_a_round_trip() {
    for (name, document) in valid_cases() {
        let bytes = serde_json::to_vec(document).unwrap_or_default();
        let first = parse_assessment(&bytes, Lang::En)
            .unwrap_or_else(|problems| panic!("{name}: {problems:?}"));
        let again = serde_json::to_vec(&first).unwrap_or_default();
        let second = parse_assessment(&again, Lang::En)
            .unwrap_or_else(|problems| panic!("{name} after a round trip: {problems:?}"));
        assert_eq!(first, second, "{name}");
        assert!(
            validator().is_valid(&serde_json::from_slice(&again).unwrap_or_default()),
            "{name}"
        );
    }
}

/// Every sound case, read from its own bytes, is the assessment serde's derive reads.
#[test]
fn sound_documents_read_as_serde_reads_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases/valid");
    let mut read = 0;
    for (name, _) in valid_cases() {
        let bytes = std::fs::read(dir.join(name)).unwrap_or_default();
        let reference: lindung::Assessment = serde_json::from_slice(&bytes)
            .unwrap_or_else(|error| panic!("{name}: serde cannot read it: {error}"));
        let ours = parse_assessment(&bytes, Lang::En)
            .unwrap_or_else(|problems| panic!("{name}: {problems:?}"));
        assert_eq!(ours, reference, "{name}");
        read += 1;
    }
    assert!(read >= 10, "only {read} sound cases");
}

#[test]
fn oversized_documents_are_refused_before_reading() {
    // Not even JSON: the size alone decides.
    let bytes = vec![b'['; DOCUMENT_LIMIT + 1];
    let problems = parse_assessment(&bytes, Lang::En).err().unwrap_or_default();
    let codes: Vec<&str> = problems.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["document.too_large"]);
    assert_eq!(
        problems[0].params.get("size"),
        Some((DOCUMENT_LIMIT + 1).to_string().as_str())
    );
    // At the limit itself, reading goes on (and finds the syntax error).
    let bytes = vec![b' '; DOCUMENT_LIMIT];
    let codes: Vec<String> = parse_assessment(&bytes, Lang::En)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.code)
        .collect();
    assert_eq!(codes, ["json.syntax"]);
}

#[test]
fn deep_nesting_is_a_syntax_error_not_a_crash() {
    let mut text = "[".repeat(100_000);
    text.push_str(&"]".repeat(100_000));
    let problems = parse_assessment(text.as_bytes(), Lang::En)
        .err()
        .unwrap_or_default();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, "json.syntax");
    assert_eq!(locate(text.as_bytes(), "/0/0/0/0"), Some((1, 5)));
}

#[test]
fn problems_match_the_published_problem_schema() {
    let schema: Value = schema_json("problem")
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let validator = jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("the problem schema does not compile: {e}"));
    let problems = check(br#"{"schemaVersion": 1, "extra": true}"#, Lang::En).problems;
    assert!(problems.len() > 3);
    for problem in problems {
        let value = serde_json::to_value(&problem).unwrap_or_default();
        assert!(validator.is_valid(&value), "{value}");
    }
}

#[test]
fn hostile_documents_give_a_bounded_list_of_problems_quickly() {
    let mut document = valid_cases()[0].1.clone();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("a long list of repeats", {
            document["caseTypes"] = Value::Array(vec![Value::from("ktk"); 150_000]);
            serde_json::to_vec(&document).unwrap_or_default()
        }),
        ("a long list of wrong values", {
            document["caseTypes"] = (0..100_000).map(Value::from).collect();
            serde_json::to_vec(&document).unwrap_or_default()
        }),
        ("a long list of distinct unknown fields", {
            let members: Vec<String> = (0..50_000).map(|i| format!("\"f{i}\":0")).collect();
            format!("{{{}}}", members.join(",")).into_bytes()
        }),
        ("one key repeated many times", {
            let members = vec!["\"a\":0"; 100_000];
            format!("{{{}}}", members.join(",")).into_bytes()
        }),
    ];
    for (name, bytes) in cases {
        assert!(
            bytes.len() <= DOCUMENT_LIMIT,
            "{name}: {} bytes",
            bytes.len()
        );
        let started = std::time::Instant::now();
        let problems = parse_assessment(&bytes, Lang::En).err().unwrap_or_default();
        let elapsed = started.elapsed();
        assert_eq!(problems.len(), 101, "{name}");
        assert_eq!(problems[100].code, "document.too_many_problems", "{name}");
        // Generous for a debug build on a busy machine; quadratic work takes minutes.
        assert!(elapsed.as_secs() < 20, "{name}: {elapsed:?}");
    }
}
