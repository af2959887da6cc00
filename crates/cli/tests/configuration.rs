//! An agency's own configuration from the command line: `--rules` and `--directory` change what
//! `assess` concludes, and `rules check` / `directory check` judge a file before it is used.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use std::path::PathBuf;
use std::process::Output;

mod common;

use common::root;
use serde_json::Value;

fn lindung(args: &[&str]) -> Output {
    common::lindung(args, None)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Writes `contents` to a file of this test run and returns its path.
fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lindung-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("the scratch file is written");
    path
}

/// The strangulation case, made pregnant and forced into sex: the agency's extra factor fires.
fn pregnant_case() -> PathBuf {
    let path = root().join("tests/cases/valid/ktk-adult-strangulation.json");
    let mut case: Value =
        serde_json::from_slice(&std::fs::read(path).expect("the case")).expect("JSON");
    case["person"]["pregnant"] = "yes".into();
    case["danger"]["forcedSex"] = "yes".into();
    scratch("pregnant.json", &case.to_string())
}

fn assess_json(args: &[&str]) -> Value {
    let output = lindung(args);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("the result is JSON")
}

fn factor_ids(result: &Value) -> Vec<String> {
    result["risk"]["factors"]
        .as_array()
        .expect("factors")
        .iter()
        .map(|f| f["rule"].as_str().expect("a rule id").to_owned())
        .collect()
}

#[test]
fn an_agency_rule_set_replaces_the_built_in_one() {
    let case = pregnant_case();
    let case = case.to_str().expect("a UTF-8 path");
    let rules = root().join("examples/agency-rules.json");
    let rules = rules.to_str().expect("a UTF-8 path");

    let built_in = assess_json(&["assess", case, "--format", "json"]);
    assert_eq!(built_in["engine"]["rules"]["id"], "lindung-default");
    assert!(!factor_ids(&built_in).contains(&"agency.pregnant_and_forced_sex".to_owned()));

    let agency = assess_json(&["assess", case, "--rules", rules, "--format", "json"]);
    assert_eq!(agency["engine"]["rules"]["id"], "dinsos-kalsel");
    assert!(factor_ids(&agency).contains(&"agency.pregnant_and_forced_sex".to_owned()));
    assert_ne!(built_in["risk"]["score"], agency["risk"]["score"]);
}

#[test]
fn an_agency_directory_chooses_the_providers() {
    let directory = root().join("tests/cases/directory/valid/every-service.json");
    let directory = directory.to_str().expect("a UTF-8 path");
    let case = root().join("tests/cases/valid/ktk-adult-strangulation.json");
    let result = assess_json(&[
        "assess",
        case.to_str().expect("path"),
        "--directory",
        directory,
        "--format",
        "json",
    ]);
    assert_eq!(result["engine"]["directory"]["id"], "test");
    let referrals = result["referrals"].as_array().expect("referrals");
    assert!(!referrals.is_empty());
    for referral in referrals {
        assert_eq!(referral["provider"]["id"], "unit", "{referral}");
    }
}

#[test]
fn rules_check_accepts_a_good_file_and_names_the_rule_of_a_bad_one() {
    let good = root().join("examples/agency-rules.json");
    let output = lindung(&["rules", "check", good.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert!(text(&output.stdout).contains("dinsos-kalsel"));

    let mut rules: Value =
        serde_json::from_slice(&std::fs::read(&good).expect("rules")).expect("JSON");
    rules["risk"]["factors"][0]["when"] =
        serde_json::json!({"answer": {"at": "/danger/choking", "is": "yes"}});
    let factor = rules["risk"]["factors"][0]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let bad = scratch("bad-rules.json", &rules.to_string());
    let output = lindung(&["rules", "check", bad.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(1));
    let said = text(&output.stdout);
    assert!(
        said.contains(&format!("`{factor}`")) && said.contains("/danger/choking"),
        "{said}"
    );
    // The error is placed where the rule's `when` is in the file.
    let written = text(&std::fs::read(&bad).expect("bad rules"));
    let (line, column) = lindung::json::locate(written.as_bytes(), "/risk/factors/0/when")
        .expect("the factor's condition");
    assert!(line == 1 && column > 1, "{line}:{column}");
    assert!(
        said.starts_with(&format!("{}:{line}:{column}: ", bad.display())),
        "{said}"
    );

    // The same bad file given to `assess` is a usage error: nothing is assessed with it.
    let case = root().join("tests/cases/valid/minimal.json");
    let output = lindung(&[
        "assess",
        case.to_str().expect("path"),
        "--rules",
        bad.to_str().expect("path"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("/danger/choking"));
}

#[test]
fn directory_check_accepts_the_built_in_file_and_explains_a_bad_one() {
    let good = root().join("crates/core/data/directory.kalsel.json");
    let output = lindung(&["directory", "check", good.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));

    let bad = root().join("tests/cases/directory/invalid/duplicate-provider-id.json");
    let output = lindung(&["directory", "check", bad.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stdout).contains("provider id `unit` is used more than once"));
}
