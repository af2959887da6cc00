//! The shared cases under `tests/cases/`: for every `NAME.expect.json` with engine keys
//! (`child`, `risk`, `trafficking`, `referrals`), the engine's result must show those facts; and
//! over all cases, every rule of the default rule set must both fire and not fire somewhere.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use lindung::{AssessmentResult, Engine, Lang, RuleSet};
use serde_json::{json, Value};

fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

/// Every assessment file under `tests/cases`, sorted.
fn cases() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "json")
                && !path.to_string_lossy().ends_with(".expect.json")
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&cases_dir(), &mut out);
    out.sort();
    out
}

fn ids(items: &[impl serde::Serialize], key: &str) -> Value {
    Value::Array(
        items
            .iter()
            .map(|item| serde_json::to_value(item).unwrap()[key].clone())
            .collect(),
    )
}

/// The facts of a result that an expectation may name.
fn facts(result: &AssessmentResult) -> Value {
    let risk = result.risk.as_ref().map(|r| {
        json!({
            "level": r.level, "computedLevel": r.computed_level, "score": r.score,
            "factors": ids(&r.factors, "rule"), "floors": ids(&r.floors, "rule"),
        })
    });
    let trafficking = result.trafficking.as_ref().map(|t| {
        let present: Vec<u8> = t
            .dimensions
            .iter()
            .filter(|d| d.present)
            .map(|d| d.id)
            .collect();
        json!({
            "status": t.status, "profile": t.profile, "rule": t.rule, "dimensions": present,
            "elements": t.elements,
        })
    });
    let referrals: Vec<Value> = result
        .referrals
        .iter()
        .map(|r| json!({"service": r.service, "urgency": r.urgency, "consent": r.consent, "ready": r.ready}))
        .collect();
    json!({"child": result.child, "risk": risk, "trafficking": trafficking, "referrals": referrals})
}

/// Keeps only the keys the expectation names, recursively in objects.
fn project(actual: &Value, expected: &Value) -> Value {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => Value::Object(
            e.keys()
                .map(|k| (k.clone(), project(a.get(k).unwrap_or(&Value::Null), &e[k])))
                .collect(),
        ),
        _ => actual.clone(),
    }
}

/// A line diff of two pretty JSON texts: `-` expected, `+` actual.
fn diff(expected: &Value, actual: &Value) -> String {
    let e = serde_json::to_string_pretty(expected).unwrap();
    let a = serde_json::to_string_pretty(actual).unwrap();
    let (e, a): (Vec<&str>, Vec<&str>) = (e.lines().collect(), a.lines().collect());
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < e.len() || j < a.len() {
        if i < e.len() && j < a.len() && e[i] == a[j] {
            out.push_str(&format!("  {}\n", e[i]));
            i += 1;
            j += 1;
        } else if i < e.len() && !a[j..].contains(&e[i]) {
            out.push_str(&format!("- {}\n", e[i]));
            i += 1;
        } else if j < a.len() {
            out.push_str(&format!("+ {}\n", a[j]));
            j += 1;
        } else {
            out.push_str(&format!("- {}\n", e[i]));
            i += 1;
        }
    }
    out
}

const ENGINE_KEYS: [&str; 4] = ["child", "risk", "trafficking", "referrals"];

/// Runs one case against its expectation; `None` when it holds.
fn check_case(engine: &Engine, path: &Path) -> Option<String> {
    let expect_path = path.with_extension("expect.json");
    let expected: Value = serde_json::from_slice(&std::fs::read(&expect_path).ok()?).ok()?;
    let wanted: serde_json::Map<String, Value> = ENGINE_KEYS
        .iter()
        .filter_map(|k| expected.get(*k).map(|v| ((*k).to_owned(), v.clone())))
        .collect();
    if wanted.is_empty() {
        return None;
    }
    let wanted = Value::Object(wanted);
    let result = engine.assess_json(&std::fs::read(path).unwrap(), Lang::En);
    let actual = project(&facts(&result), &wanted);
    (actual != wanted).then(|| format!("{}\n{}", path.display(), diff(&wanted, &actual)))
}

#[test]
fn every_case_gives_the_expected_facts() {
    let engine = Engine::default();
    let all = cases();
    assert!(!all.is_empty(), "no cases under {}", cases_dir().display());
    let failures: Vec<String> = all.iter().filter_map(|p| check_case(&engine, p)).collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_result_fits_the_published_schema_and_is_deterministic() {
    let schema: Value =
        serde_json::from_str(&lindung::schema::schema_json("result").unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let engine = Engine::default();
    for path in cases() {
        let bytes = std::fs::read(&path).unwrap();
        for lang in [Lang::Id, Lang::En] {
            let result = engine.assess_json(&bytes, lang);
            let text = result.to_json();
            assert_eq!(
                text,
                engine.assess_json(&bytes, lang).to_json(),
                "{}",
                path.display()
            );
            let value: Value = serde_json::from_str(&text).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        }
    }
}

/// The rule ids that fired in one result.
fn fired(result: &AssessmentResult) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if let Some(risk) = &result.risk {
        out.extend(risk.factors.iter().map(|f| f.rule.clone()));
        out.extend(risk.floors.iter().map(|f| f.rule.clone()));
    }
    if let Some(rule) = result.trafficking.as_ref().and_then(|t| t.rule.clone()) {
        out.insert(rule);
    }
    for referral in &result.referrals {
        out.extend(referral.rules.iter().cloned());
    }
    out
}

#[test]
fn every_default_rule_fires_in_one_case_and_not_in_another() {
    let engine = Engine::default();
    let results: Vec<BTreeSet<String>> = cases()
        .iter()
        .map(|p| fired(&engine.assess_json(&std::fs::read(p).unwrap(), Lang::En)))
        .collect();
    let rules = RuleSet::builtin();
    let doc = rules.document();
    let all_ids = doc
        .risk
        .factors
        .iter()
        .map(|r| &r.id)
        .chain(doc.risk.floors.iter().map(|r| &r.id))
        .chain(doc.trafficking.status_rules.iter().map(|r| &r.id))
        .chain(doc.referrals.iter().map(|r| &r.id));
    let mut problems = Vec::new();
    for id in all_ids {
        let count = results.iter().filter(|fired| fired.contains(id)).count();
        if count == 0 {
            problems.push(format!("{id} never fires"));
        } else if count == results.len() {
            problems.push(format!("{id} always fires"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
