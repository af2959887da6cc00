//! Three validators, one verdict: the library's reader, the `jsonschema` crate and (in
//! `www/test/agreement.test.mjs`) ajv agree on which assessment documents are structurally
//! sound — on generated documents, on each of them broken in one place, and on every shared
//! case. The corpus is written as JSON Lines for the Node test to read.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking

#[path = "agreement/generate.rs"]
mod generate;
#[path = "agreement/mutate.rs"]
mod mutate;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lindung::parse::{check, parse_assessment};
use lindung::schema::schema_json;
use lindung::Lang;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Generated documents in the corpus; each also appears broken in one place.
const GENERATED: u64 = 1200;

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        schema_json("assessment")
            .and_then(|text| serde_json::from_str(&text).ok())
            .expect("the assessment schema")
    })
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::options()
            .should_validate_formats(true)
            .build(schema())
            .unwrap_or_else(|e| panic!("the assessment schema does not compile: {e}"))
    })
}

/// One document and what each validator says of it.
struct Record {
    name: String,
    text: String,
    /// The library's structural verdict (`parse_assessment`).
    structural: bool,
    /// The library's full verdict (`check`, cross-field rules included).
    valid: bool,
    /// What an independent JSON Schema validator must say.
    expect: bool,
    /// Why `expect` differs from `structural`, when it does.
    difference: Option<String>,
    /// What ajv says where it reads a format more loosely than the `jsonschema` crate.
    ajv: Option<bool>,
}

impl Record {
    fn new(name: String, text: String, expect: Option<bool>, difference: Option<String>) -> Record {
        let structural = parse_assessment(text.as_bytes(), Lang::En).is_ok();
        let valid = check(text.as_bytes(), Lang::En).is_valid();
        Record {
            name,
            expect: expect.unwrap_or(structural),
            text,
            structural,
            valid,
            difference,
            ajv: None,
        }
    }

    fn json(&self) -> Value {
        json!({
            "name": self.name,
            "text": self.text,
            "structural": self.structural,
            "valid": self.valid,
            "expect": if self.expect { "accept" } else { "reject" },
            "difference": self.difference,
            "ajv": self.ajv.map(|a| if a { "accept" } else { "reject" }),
        })
    }
}

/// A sound generated document and the same document broken in one place.
fn generated(seed: u64) -> (Value, Option<(mutate::Mutation, Value)>) {
    let sound = generate::assessment(schema(), seed);
    let mut g = generate::Generator::new(schema(), seed ^ 0x5eed);
    let all = lindung::json::pointers(&sound.clone().into());
    for _ in 0..20 {
        let at = g.pick(&all).clone();
        let mut broken = sound.clone();
        if let Some(mutation) = mutate::mutate(&mut g, schema(), &mut broken, &at) {
            return (sound, Some((mutation, broken)));
        }
    }
    (sound, None)
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

/// Every assessment case (`valid`, `invalid`, `engine`, `regressions/assessment`) with the verdict its
/// `NAME.expect.json` asks of an independent validator, if any.
fn case_records() -> Vec<Record> {
    let mut out = Vec::new();
    for folder in ["valid", "invalid", "engine", "regressions/assessment"] {
        let dir = cases_dir().join(folder);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|f| Some(f.strip_suffix(".json")?.to_owned()))
            .filter(|n| !n.ends_with(".expect"))
            .collect();
        names.sort();
        for name in names {
            let text = fs::read_to_string(dir.join(format!("{name}.json"))).unwrap_or_default();
            let expect: Value = fs::read(dir.join(format!("{name}.expect.json")))
                .ok()
                .and_then(|t| serde_json::from_slice(&t).ok())
                .unwrap_or_default();
            let schema = match expect.get("schema").and_then(Value::as_str) {
                Some("accept") => Some(true),
                Some("reject") => Some(false),
                _ => None,
            };
            let mut record = Record::new(format!("case:{folder}/{name}"), text, schema, None);
            if serde_json::from_str::<Value>(&record.text).is_err() {
                // Not JSON for anyone: nothing to validate.
                record.expect = false;
            }
            if record.expect != record.structural {
                record.difference = Some(difference_of(&record));
            }
            out.push(record);
        }
    }
    out
}

/// Why a case's independent verdict differs from the library's structural one.
fn difference_of(record: &Record) -> String {
    let codes: Vec<String> = parse_assessment(record.text.as_bytes(), Lang::En)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.code)
        .collect();
    format!("library only: {}", codes.join(", "))
}

/// The pinned differences: documents on which the library and a JSON Schema validator must
/// differ, each with the class it illustrates (see `schemas/README.md`).
fn differences() -> Vec<(&'static str, String, bool)> {
    let base = generate::assessment(schema(), 7);
    let text = |v: &Value| serde_json::to_string_pretty(v).unwrap_or_default();
    let with = |pointer: &str, value: Value| {
        let mut doc = base.clone();
        match doc.pointer_mut(pointer) {
            Some(slot) => *slot = value,
            None => {
                if let Some(members) = doc.as_object_mut() {
                    members.insert(pointer.trim_start_matches('/').to_owned(), value);
                }
            }
        }
        doc
    };
    let pretty = text(&base);
    let sex = base.pointer("/person/sex").cloned().unwrap_or_default();
    let mut out = vec![
        // A repeated key: the library refuses it; a validator sees only the last value.
        (
            "duplicate_key",
            pretty.replacen('{', "{\n  \"id\": \"first\",", 1),
            true,
        ),
        (
            "duplicate_key_nested",
            pretty.replacen("\"sex\":", &format!("\"sex\": {sex},\n    \"sex\":"), 1),
            true,
        ),
        // A whole number written with a fraction or an exponent.
        (
            "whole_number_with_fraction",
            text(&with("/person/ageYears", json!(30.0))),
            true,
        ),
        (
            "whole_number_with_exponent",
            text(&with("/person/ageYears", json!(3)))
                .replace("\"ageYears\": 3", "\"ageYears\": 3e1"),
            true,
        ),
        // Negative zero: a float for serde_json, the integer 0 for a validator.
        (
            "negative_zero",
            text(&with("/person/ageYears", json!(0)))
                .replace("\"ageYears\": 0", "\"ageYears\": -0"),
            true,
        ),
        // A leap second: a validator accepts 23:59:60 UTC, no clock that records an assessment shows one.
        (
            "leap_second",
            text(&with("/assessedAt", json!("2016-12-31T23:59:60Z"))),
            true,
        ),
        // A space for the `T` of a date-time: the library and the jsonschema crate refuse it, ajv accepts it.
        (
            "date_time_space_separator",
            text(&with("/assessedAt", json!("2026-11-29 10:00:00+08:00"))),
            false,
        ),
        // A lone surrogate escape in a string: not Unicode, so the library refuses the text;
        // JavaScript's JSON.parse keeps it and ajv accepts the document.
        (
            "lone_surrogate",
            text(&with("/notes", json!("LONE"))).replace("\"LONE\"", "\"\\ud800\""),
            false,
        ),
        // A byte order mark before the document: the library reads past it.
        ("byte_order_mark", format!("\u{feff}{pretty}"), false),
        // Over the size limit, padded with white space.
        (
            "over_the_size_limit",
            format!("{pretty}{}", " ".repeat(lindung::json::DOCUMENT_LIMIT)),
            true,
        ),
    ];
    // Cross-field rules a schema cannot say: sound in shape, invalid in full.
    out.push((
        "age_mismatch",
        text(&{
            let mut doc = with("/person/ageYears", json!(3));
            if let Some(person) = doc.get_mut("person").and_then(Value::as_object_mut) {
                person.insert("birthDate".into(), json!("1960-01-10"));
            }
            doc
        }),
        true,
    ));
    out
}

/// A date-time with a space for its `T`: RFC 3339 lets applications agree on it, the JSON Schema
/// `date-time` format does not; ajv-formats accepts it.
fn is_spaced_date_time(text: &str) -> bool {
    text.len() > 19
        && text.as_bytes()[10] == b' '
        && text[..10].bytes().filter(u8::is_ascii_digit).count() == 8
}

fn difference_records() -> Vec<Record> {
    let mut out: Vec<Record> = differences()
        .into_iter()
        .map(|(class, text, schema)| {
            Record::new(
                format!("difference:{class}"),
                text,
                Some(schema),
                Some(class.to_owned()),
            )
        })
        .collect();
    for record in &mut out {
        if record.name == "difference:date_time_space_separator"
            || record.name == "difference:lone_surrogate"
        {
            record.ajv = Some(true);
        }
    }
    out
}

/// Numbers at the edges of what the readers hold, where all three must still agree: an integer
/// past `u64`, one past a float, and integers JavaScript cannot hold exactly.
fn edge_records() -> Vec<Record> {
    let base =
        serde_json::to_string_pretty(&generate::assessment(schema(), 11)).unwrap_or_default();
    let mut doc: Value = serde_json::from_str(&base).unwrap_or_default();
    if let Some(person) = doc.get_mut("person").and_then(Value::as_object_mut) {
        person.remove("birthDate");
        person.insert("ageYears".into(), json!(4242));
    }
    let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    [
        ("integer_past_u64", "18446744073709551616"),
        ("past_a_float", "1e400"),
        ("past_javascript_integers", "9007199254740993"),
        ("negative", "-1"),
    ]
    .into_iter()
    .map(|(name, number)| {
        let text = text.replace("4242", number);
        let mut record = Record::new(format!("edge:{name}"), text, None, None);
        if serde_json::from_str::<Value>(&record.text).is_err() {
            // Not JSON for the jsonschema crate; JavaScript reads it as Infinity and refuses it.
            record.expect = false;
        }
        record
    })
    .collect()
}

/// Where the corpus goes: `LINDUNG_AGREEMENT_DIR`, or the target directory's scratch space.
fn corpus_dir() -> PathBuf {
    std::env::var_os("LINDUNG_AGREEMENT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("agreement"))
}

#[test]
fn generated_documents_and_their_breakages_get_one_verdict() {
    let mut records = Vec::new();
    let mut failures = Vec::new();
    let mut kinds = std::collections::BTreeMap::<&str, usize>::new();
    for seed in 0..GENERATED {
        let (sound, broken) = generated(seed);
        let record = Record::new(
            format!("generated:{seed}"),
            serde_json::to_string(&sound).unwrap_or_default(),
            None,
            None,
        );
        if !record.valid {
            let problems = check(record.text.as_bytes(), Lang::En).problems;
            failures.push(format!(
                "generated:{seed} is not sound: {problems:?}\n{}",
                record.text
            ));
        }
        records.push(record);
        if let Some((mutation, broken)) = broken {
            *kinds.entry(mutation.kind).or_default() += 1;
            let name = format!("generated:{seed}:{}:{}", mutation.kind, mutation.pointer);
            let mut record = Record::new(
                name.clone(),
                serde_json::to_string(&broken).unwrap_or_default(),
                None,
                None,
            );
            if broken
                .pointer(&mutation.pointer)
                .and_then(Value::as_str)
                .is_some_and(is_spaced_date_time)
            {
                record.ajv = Some(true);
                record.difference = Some("date_time_space_separator".to_owned());
            }
            if record.structural {
                failures.push(format!("{name} is still sound:\n{}", record.text));
            }
            records.push(record);
        }
    }
    records.extend(edge_records());
    records.extend(case_records());
    records.extend(difference_records());
    for record in &records {
        if record.name.starts_with("difference:over") {
            // Nothing to compare: the size alone decides for the library.
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(record.text.trim_start_matches('\u{feff}'))
        else {
            continue;
        };
        let independent = validator().is_valid(&value) && !record.text.starts_with('\u{feff}');
        if independent != record.expect {
            let errors: Vec<String> = validator()
                .iter_errors(&value)
                .map(|e| format!("{} {e}", e.instance_path()))
                .collect();
            let library = parse_assessment(record.text.as_bytes(), Lang::En).err();
            failures.push(format!("{}: jsonschema says {independent}, expected {}\n  jsonschema: {errors:?}\n  library: {library:?}", record.name, record.expect));
        }
    }
    let generated = records
        .iter()
        .filter(|r| r.name.starts_with("generated:"))
        .count();
    assert!(generated >= 2000, "only {generated} generated documents");
    assert!(kinds.len() >= 10, "too few kinds of breakage: {kinds:?}");
    let dir = corpus_dir();
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let lines: Vec<String> = records.iter().map(|r| r.json().to_string()).collect();
    fs::write(dir.join("assessment.jsonl"), lines.join("\n") + "\n")
        .unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        dir.join("assessment.schema.json"),
        schema_json("assessment").unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    eprintln!(
        "{} documents agree ({generated} generated); breakages {kinds:?}; corpus in {}",
        records.len(),
        dir.display()
    );
}

/// Each pinned difference is as `schemas/README.md` describes it: the library refuses (or, for
/// a byte order mark, accepts) what a JSON Schema validator accepts (or cannot read).
#[test]
fn the_listed_differences_hold_as_they_are() {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas/README.md"))
            .unwrap_or_default();
    for (class, text, schema_accepts) in differences() {
        assert!(
            readme.contains(&format!("`{class}`")),
            "schemas/README.md does not list `{class}`"
        );
        let checked = check(text.as_bytes(), Lang::En);
        let independent = serde_json::from_str::<Value>(&text)
            .ok()
            .map(|v| validator().is_valid(&v));
        match class {
            "lone_surrogate" => {
                assert!(!checked.is_valid(), "{class}: the library accepts it");
                assert_eq!(checked.problems[0].code, "json.syntax");
                assert_eq!(
                    independent, None,
                    "{class}: serde_json reads a lone surrogate"
                );
            }
            "byte_order_mark" => {
                assert!(checked.is_valid(), "{class}: {:?}", checked.problems);
                assert_eq!(
                    independent, None,
                    "{class}: serde_json reads a byte order mark"
                );
            }
            _ => {
                assert!(!checked.is_valid(), "{class}: the library accepts it");
                assert_eq!(independent, Some(schema_accepts), "{class}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    /// Beyond the fixed corpus: any seed gives a sound document that both validators accept,
    /// and any one breakage of it both refuse.
    #[test]
    fn any_seed_agrees((seed, sound) in generate::documents(schema().clone())) {
        let (_, broken) = generated(seed);
        let bytes = serde_json::to_vec(&sound).unwrap_or_default();
        let checked = check(&bytes, Lang::En);
        prop_assert!(checked.is_valid(), "seed {}: {:?}", seed, checked.problems);
        prop_assert!(validator().is_valid(&sound), "seed {}", seed);
        if let Some((mutation, broken)) = broken {
            let bytes = serde_json::to_vec(&broken).unwrap_or_default();
            prop_assert!(parse_assessment(&bytes, Lang::En).is_err(), "seed {} {:?}", seed, mutation);
            prop_assert!(!validator().is_valid(&broken), "seed {} {:?}", seed, mutation);
        }
    }
}
