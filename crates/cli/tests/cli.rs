//! The `lindung` command end to end: exit codes, what it prints in both languages, the built-in
//! examples, the published schema, and JSON Lines batches, run as a user runs it.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;

use common::{lindung, root};
use lindung::Lang;
use serde_json::Value;

fn case(folder: &str, name: &str) -> PathBuf {
    root()
        .join("tests/cases")
        .join(folder)
        .join(format!("{name}.json"))
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code, not a signal")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// The names `lindung example` lists.
fn example_names() -> Vec<String> {
    let output = lindung(&["example"], None);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    stdout(&output).lines().map(str::to_owned).collect()
}

/// Every case under `tests/cases/valid/` with its expectation.
fn valid_cases() -> Vec<(PathBuf, Value)> {
    let dir = root().join("tests/cases/valid");
    let mut out: Vec<(PathBuf, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| {
            let name = path.to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".expect.json")
        })
        .map(|path| {
            let expect = std::fs::read(path.with_extension("expect.json")).unwrap();
            (path, serde_json::from_slice(&expect).unwrap())
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn validate_accepts_a_valid_case_and_exits_0() {
    for name in ["ktk-adult-strangulation", "minimal"] {
        let path = case("valid", name);
        let output = lindung(&["validate", path.to_str().unwrap()], None);
        assert_eq!(code(&output), 0, "{name}: {}", stdout(&output));
        assert!(
            stdout(&output).contains("0 error(s)"),
            "{}",
            stdout(&output)
        );
    }
}

#[test]
fn validate_rejects_an_invalid_case_naming_each_error_by_pointer_line_and_column() {
    for name in ["date_in_future", "wrong_types", "many_problems_at_once"] {
        let path = case("invalid", name);
        let bytes = std::fs::read(&path).unwrap();
        let output = lindung(&["validate", "--lang", "en", path.to_str().unwrap()], None);
        assert_eq!(code(&output), 1, "{name}");
        let text = stdout(&output);
        let errors: Vec<_> = lindung::parse::check(&bytes, Lang::En)
            .problems
            .into_iter()
            .filter(|p| p.is_error())
            .collect();
        assert!(!errors.is_empty(), "{name} has no errors");
        for problem in errors {
            let place = match lindung::json::locate(&bytes, &problem.path) {
                Some((line, column)) => {
                    format!("{} (line {line}, column {column})", problem.path)
                }
                None => problem.path.clone(),
            };
            assert!(text.contains(&place), "{name}: `{place}` not in\n{text}");
            assert!(text.contains(&problem.code), "{name}: {}", problem.code);
            assert!(
                text.contains(&problem.message),
                "{name}: {}",
                problem.message
            );
        }
    }
}

#[test]
fn assess_json_parses_and_gives_the_expected_level_for_every_valid_case() {
    let cases = valid_cases();
    assert!(cases.len() >= 8, "only {} valid cases", cases.len());
    for (path, expect) in cases {
        let Some(risk) = expect.get("risk") else {
            continue;
        };
        let output = lindung(
            &["assess", "--format", "json", path.to_str().unwrap()],
            None,
        );
        assert_eq!(code(&output), 0, "{}", path.display());
        let result: Value = serde_json::from_str(&stdout(&output))
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
        assert_eq!(result["valid"], true, "{}", path.display());
        for key in ["level", "computedLevel", "score"] {
            if let Some(wanted) = risk.get(key) {
                assert_eq!(&result["risk"][key], wanted, "{}: {key}", path.display());
            }
        }
        if let Some(status) = expect.pointer("/trafficking/status") {
            assert_eq!(
                &result["trafficking"]["status"],
                status,
                "{}",
                path.display()
            );
        }
        if let Some(referrals) = expect.get("referrals").and_then(Value::as_array) {
            let services = |list: &Value| -> Vec<Value> {
                list.as_array()
                    .map(|l| l.iter().map(|r| r["service"].clone()).collect())
                    .unwrap_or_default()
            };
            assert_eq!(
                services(&result["referrals"]),
                services(&Value::Array(referrals.clone())),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn sexual_assault_care_is_due_72_hours_after_the_assault() {
    let path = case("valid", "ktk-child-sexual-abuse");
    let input: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        input["violence"]["lastSexualAssaultAt"],
        "2026-11-27T03:00:00+08:00"
    );
    let output = lindung(
        &["assess", "--format", "json", path.to_str().unwrap()],
        None,
    );
    let result: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let care = result["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["service"] == "sexual_assault_care")
        .expect("a referral for sexual assault care");
    assert_eq!(care["urgency"], "immediate");
    assert_eq!(care["dueBy"], "2026-11-30T03:00:00+08:00");
    assert_eq!(care["ready"], true);
}

#[test]
fn assess_text_shows_the_level_the_referral_plan_and_decision_support_in_both_languages() {
    let words = [
        ("en", "CRITICAL", "HIGH", "REFERRALS", "Decision support"),
        ("id", "KRITIS", "TINGGI", "RUJUKAN", "Dukungan keputusan"),
    ];
    let path = case("valid", "ktk-adult-strangulation");
    let file = path.to_str().unwrap();
    for (lang, level, computed, referrals, support) in words {
        let output = lindung(&["assess", "--lang", lang, file], None);
        assert_eq!(code(&output), 0, "{lang}");
        let text = stdout(&output);
        for expected in [level, computed, referrals, support] {
            assert!(
                text.contains(expected),
                "{lang}: `{expected}` not in\n{text}"
            );
        }
        let json = lindung(&["assess", "--lang", lang, "--format", "json", file], None);
        let result: Value = serde_json::from_str(&stdout(&json)).unwrap();
        let plan = result["referrals"].as_array().unwrap();
        assert!(!plan.is_empty());
        for referral in plan {
            let label = referral["label"].as_str().unwrap();
            assert!(text.contains(label), "{lang}: referral `{label}` not shown");
        }
    }
}

#[test]
fn assess_reports_an_invalid_assessment_with_exit_1_and_no_ready_referral() {
    let path = case("invalid", "child_without_guardian");
    let output = lindung(
        &["assess", "--format", "json", path.to_str().unwrap()],
        None,
    );
    assert_eq!(code(&output), 1);
    let result: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(result["valid"], false);
    for referral in result["referrals"].as_array().unwrap() {
        assert_eq!(referral["ready"], false, "{referral}");
    }
}

#[test]
fn example_lists_the_realistic_cases_and_prints_each_as_committed() {
    let names = example_names();
    for name in [
        "ktk-adult-strangulation",
        "ktk-child-sexual-abuse",
        "kpo-migrant-malaysia",
        "kpo-scam-compound",
        "kpo-child-domestic-servitude",
        "ktk-kpo-both",
        "minimal",
        "ktk-elderly-neglect",
    ] {
        assert!(names.iter().any(|n| n == name), "{name} not listed");
    }
    for name in &names {
        let output = lindung(&["example", name], None);
        assert_eq!(code(&output), 0, "{name}");
        let committed = std::fs::read(case("valid", name)).unwrap();
        assert_eq!(output.stdout, committed, "{name}");
        let checked = lindung(&["validate", "-"], Some(&output.stdout));
        assert_eq!(code(&checked), 0, "{name}: {}", stdout(&checked));
    }
}

#[test]
fn schema_assessment_prints_the_committed_schema_byte_for_byte() {
    let output = lindung(&["schema", "assessment"], None);
    assert_eq!(code(&output), 0);
    let committed = std::fs::read(root().join("schemas/assessment.v1.json")).unwrap();
    assert_eq!(output.stdout, committed);
}

#[test]
fn usage_errors_exit_2() {
    let example = case("valid", "minimal");
    let file = example.to_str().unwrap();
    let misuses: [&[&str]; 9] = [
        &[],
        &["frobnicate"],
        &["assess"],
        &["validate"],
        &["assess", "--format", "xml", file],
        &["assess", "--lang", "fr", file],
        &["assess", "--no-such-flag", file],
        &["example", "no-such-example"],
        &["schema", "no-such-schema"],
    ];
    for args in misuses {
        let output = lindung(args, None);
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(!stderr(&output).is_empty(), "{args:?}: nothing on stderr");
        assert!(output.stdout.is_empty(), "{args:?}: {}", stdout(&output));
    }
}

#[test]
fn a_missing_file_exits_2_with_a_clear_message() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-assessment.json");
    let missing = missing.to_str().unwrap();
    for command in ["validate", "assess"] {
        let output = lindung(&[command, missing], None);
        assert_eq!(code(&output), 2, "{command}");
        let message = stderr(&output);
        assert!(
            message.contains(&format!("cannot read `{missing}`")),
            "{command}: {message}"
        );
        assert!(output.stdout.is_empty(), "{command}: {}", stdout(&output));
    }
}

#[test]
fn json_lines_with_a_bad_line_in_the_middle_reports_every_line_by_number() {
    let first = std::fs::read_to_string(case("valid", "minimal")).unwrap();
    let last = std::fs::read_to_string(case("valid", "ktk-elderly-neglect")).unwrap();
    let compact = |text: &str| serde_json::from_str::<Value>(text).unwrap().to_string();
    let batch = format!(
        "{}\n{{\"schemaVersion\": \"1\", \"id\": \n{}\n",
        compact(&first),
        compact(&last)
    );
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-batch.jsonl");
    std::fs::write(&path, &batch).unwrap();
    let file = path.to_str().unwrap();

    let output = lindung(&["validate", "--lang", "en", file], None);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    for line in 1..=3 {
        assert!(
            text.contains(&format!("{file}:{line}:")),
            "line {line} not reported in\n{text}"
        );
    }
    assert!(text.contains("json.syntax"), "{text}");
    assert!(text.contains("3 documents: 2 valid, 1 invalid"), "{text}");

    let output = lindung(&["validate", "--format", "json", file], None);
    assert_eq!(code(&output), 1);
    let reports: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let lines: Vec<(Value, Value)> = reports
        .iter()
        .map(|r| (r["line"].clone(), r["valid"].clone()))
        .collect();
    assert_eq!(
        lines,
        [
            (1.into(), true.into()),
            (2.into(), false.into()),
            (3.into(), true.into())
        ]
    );

    let piped = lindung(&["validate", "--lines", "-"], Some(batch.as_bytes()));
    assert_eq!(code(&piped), 1);
    assert!(stdout(&piped).contains("-:2:"), "{}", stdout(&piped));
}
