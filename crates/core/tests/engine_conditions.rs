//! The condition language: what it accepts, what it refuses when loaded, and what it evaluates to.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use lindung::condition::{Condition, Context, Scope};
use lindung::model::{Assessment, RiskLevel};
use lindung::trafficking::TraffickingStatus;

fn base() -> Assessment {
    let text = include_str!("../../../tests/cases/engine/ktk-strangulation.json");
    serde_json::from_str(text).unwrap_or_else(|e| panic!("base case: {e}"))
}

/// Each condition with what it evaluates to on the base case, or the start of its load error.
const CASES: &[(&str, Result<bool, &str>)] = &[
    (
        r#"{"answer":{"at":"/danger/strangulation","is":"yes"}}"#,
        Ok(true),
    ),
    (
        r#"{"answer":{"at":"/danger/threatsToKill","is":"yes"}}"#,
        Ok(false),
    ),
    (
        r#"{"answer":{"at":"/danger/weaponAccess","is":"unknown"}}"#,
        Ok(true),
    ),
    (
        r#"{"answer":{"at":"/danger/isolation","is":"no"}}"#,
        Ok(false),
    ),
    (
        r#"{"includes":{"at":"/violence/forms","value":"physical"}}"#,
        Ok(true),
    ),
    (
        r#"{"includes":{"at":"/violence/forms","value":"sexual"}}"#,
        Ok(false),
    ),
    (
        r#"{"includes":{"at":"/violence/perpetrators/*/relationship","value":"spouse"}}"#,
        Ok(true),
    ),
    (
        r#"{"answer":{"at":"/violence/perpetrators/*/hasAccess","is":"yes"}}"#,
        Ok(true),
    ),
    (
        r#"{"equals":{"at":"/violence/injuries","value":"minor"}}"#,
        Ok(true),
    ),
    (
        r#"{"equals":{"at":"/violence/setting","value":"household"}}"#,
        Ok(true),
    ),
    (
        r#"{"equals":{"at":"/consent/services","value":true}}"#,
        Ok(true),
    ),
    (
        r#"{"equals":{"at":"/violence/incidentsLast12Months","value":2}}"#,
        Ok(true),
    ),
    (
        r#"{"equals":{"at":"/person/domicile/regency","value":"63.71"}}"#,
        Ok(true),
    ),
    (
        r#"{"atLeast":{"at":"/violence/incidentsLast12Months","value":3}}"#,
        Ok(false),
    ),
    (
        r#"{"atLeast":{"at":"/violence/incidentsLast12Months","value":2}}"#,
        Ok(true),
    ),
    (
        r#"{"below":{"at":"/violence/incidentsLast12Months","value":3}}"#,
        Ok(true),
    ),
    (
        r#"{"below":{"at":"/person/ageYears","value":18}}"#,
        Ok(false),
    ),
    (
        r#"{"countYes":{"of":["/danger/strangulation","/danger/threatsToKill"],"atLeast":1}}"#,
        Ok(true),
    ),
    (
        r#"{"countYes":{"of":["/danger/strangulation","/danger/threatsToKill"],"atLeast":2}}"#,
        Ok(false),
    ),
    (
        r#"{"withinHours":{"at":"/violence/lastSexualAssaultAt","hours":72}}"#,
        Ok(false),
    ),
    (r#"{"child":false}"#, Ok(true)),
    (r#"{"child":true}"#, Ok(false)),
    (r#"{"caseType":"ktk"}"#, Ok(true)),
    (r#"{"caseType":"kpo"}"#, Ok(false)),
    (r#"{"all":[]}"#, Ok(true)),
    (r#"{"any":[]}"#, Ok(false)),
    (r#"{"not":{"caseType":"kpo"}}"#, Ok(true)),
    (
        r#"{"all":[{"caseType":"ktk"},{"answer":{"at":"/danger/strangulation","is":"yes"}}]}"#,
        Ok(true),
    ),
    (
        r#"{"any":[{"caseType":"kpo"},{"answer":{"at":"/danger/stalking","is":"yes"}}]}"#,
        Ok(false),
    ),
    (
        r#"{"answer":{"at":"/trafficking/indicators/d1_job_nature","is":"yes"}}"#,
        Ok(false),
    ),
    (
        r#"{"answer":{"at":"/danger/nonsense","is":"yes"}}"#,
        Err("pointer `/danger/nonsense` is not a field"),
    ),
    (
        r#"{"answer":{"at":"/trafficking/indicators/d7_x","is":"yes"}}"#,
        Err("pointer `/trafficking/indicators/d7_x`"),
    ),
    (
        r#"{"answer":{"at":"/violence/forms","is":"yes"}}"#,
        Err("operator `answer` does not fit `/violence/forms`"),
    ),
    (
        r#"{"includes":{"at":"/danger/strangulation","value":"yes"}}"#,
        Err("operator `includes` does not fit"),
    ),
    (
        r#"{"includes":{"at":"/violence/forms","value":"verbal"}}"#,
        Err("value `verbal` is not allowed at `/violence/forms`"),
    ),
    (
        r#"{"equals":{"at":"/violence/injuries","value":"bad"}}"#,
        Err("value `bad` is not allowed"),
    ),
    (
        r#"{"equals":{"at":"/violence/injuries","value":3}}"#,
        Err("operator `equals` does not fit"),
    ),
    (
        r#"{"atLeast":{"at":"/danger/strangulation","value":1}}"#,
        Err("operator `atLeast` does not fit"),
    ),
    (
        r#"{"below":{"at":"/violence/setting","value":1}}"#,
        Err("operator `below` does not fit"),
    ),
    (
        r#"{"countYes":{"of":["/danger/strangulation","/violence/injuries"],"atLeast":1}}"#,
        Err("operator `countYes` does not fit `/violence/injuries`"),
    ),
    (
        r#"{"withinHours":{"at":"/violence/firstIncidentOn","hours":72}}"#,
        Err("operator `withinHours` does not fit"),
    ),
    (
        r#"{"equals":{"at":"/trafficking/events/*/place","value":"Batam"}}"#,
        Err("operator `equals` does not fit `/trafficking/events/*/place`, which holds repeated values"),
    ),
    (
        r#"{"equals":{"at":"/trafficking/events/*/from","value":3}}"#,
        Err("operator `equals` does not fit `/trafficking/events/*/from`, which holds repeated values"),
    ),
    (
        r#"{"answer":{"at":"/trafficking/events/*/place","is":"yes"}}"#,
        Err("operator `answer` does not fit `/trafficking/events/*/place`, which holds text values"),
    ),
    (
        r#"{"atLeast":{"at":"/trafficking/events/*/from","value":1}}"#,
        Err("operator `atLeast` does not fit `/trafficking/events/*/from`, which holds date values"),
    ),
    (
        r#"{"riskAtLeast":"high"}"#,
        Err("operator `riskAtLeast` is only allowed in referral rules"),
    ),
    (
        r#"{"trafficking":["indicated"]}"#,
        Err("operator `trafficking` is only allowed"),
    ),
];

#[test]
fn conditions_check_and_evaluate() {
    let assessment = base();
    let mut failures = Vec::new();
    for (text, expected) in CASES {
        let condition: Condition = match serde_json::from_str(text) {
            Ok(condition) => condition,
            Err(e) => {
                failures.push(format!("{text}\n  does not parse: {e}"));
                continue;
            }
        };
        let actual = condition
            .check(Scope::Assessment)
            .map(|compiled| compiled.eval(&Context::new(&assessment)))
            .map_err(|e| e.to_string());
        let ok = match (&actual, expected) {
            (Ok(a), Ok(e)) => a == e,
            (Err(a), Err(e)) => a.starts_with(e),
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{text}\n  expected {expected:?}\n  actual   {actual:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn malformed_conditions_do_not_parse() {
    for text in [
        r#"{"answer":{"at":"/danger/strangulation","is":"yes"},"not":{"child":true}}"#,
        r#"{"answer":{"at":"/danger/strangulation","is":"maybe"}}"#,
        r#"{"answer":{"at":"/danger/strangulation","is":"yes","extra":1}}"#,
        r#"{"either":[]}"#,
        r#"{}"#,
        r#"{"countYes":{"of":[],"atleast":1}}"#,
    ] {
        assert!(serde_json::from_str::<Condition>(text).is_err(), "{text}");
    }
}

#[test]
fn referral_operators_read_the_context() {
    let assessment = base();
    let condition: Condition = serde_json::from_str(
        r#"{"all":[{"riskAtLeast":"high"},{"trafficking":["possible","indicated"]}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let compiled = condition
        .check(Scope::Referral)
        .unwrap_or_else(|e| panic!("{e}"));
    let cases = [
        (None, None, false),
        (
            Some(RiskLevel::High),
            Some(TraffickingStatus::Possible),
            true,
        ),
        (
            Some(RiskLevel::Critical),
            Some(TraffickingStatus::Indicated),
            true,
        ),
        (
            Some(RiskLevel::Medium),
            Some(TraffickingStatus::Indicated),
            false,
        ),
        (
            Some(RiskLevel::High),
            Some(TraffickingStatus::NotIndicated),
            false,
        ),
    ];
    for (risk, trafficking, expected) in cases {
        let context = Context {
            risk,
            trafficking,
            ..Context::new(&assessment)
        };
        assert_eq!(
            compiled.eval(&context),
            expected,
            "{risk:?} {trafficking:?}"
        );
    }
}

#[test]
fn within_hours_counts_back_from_assessed_at() {
    let mut assessment = base();
    let cases = [
        ("2026-11-20T09:00:00+08:00", true),
        ("2026-11-17T10:00:00+08:00", true),
        ("2026-11-17T09:59:59+08:00", false),
        ("2026-11-20T10:00:01+08:00", false),
        ("2026-11-20T02:00:00+00:00", true),
    ];
    let condition: Condition = serde_json::from_str(
        r#"{"withinHours":{"at":"/violence/lastSexualAssaultAt","hours":72}}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for (at, expected) in cases {
        if let Some(violence) = assessment.violence.as_mut() {
            violence.last_sexual_assault_at = Some(at.parse().unwrap_or_else(|e| panic!("{e}")));
        }
        assert_eq!(condition.evaluate(&assessment), Ok(expected), "{at}");
    }
}

#[test]
fn evidence_names_the_fields_that_made_it_true() {
    let assessment = base();
    let condition: Condition = serde_json::from_str(
        r#"{"any":[{"answer":{"at":"/danger/strangulation","is":"yes"}},
                   {"all":[{"answer":{"at":"/danger/stalking","is":"yes"}},{"caseType":"ktk"}]},
                   {"includes":{"at":"/violence/forms","value":"physical"}}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let compiled = condition
        .check(Scope::Assessment)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut evidence = Vec::new();
    assert!(compiled.eval_with_evidence(&Context::new(&assessment), &mut evidence));
    assert_eq!(evidence, ["/danger/strangulation", "/violence/forms"]);
    let pointers: Vec<&str> = compiled.fields().iter().map(|f| f.pointer()).collect();
    assert_eq!(
        pointers,
        [
            "/danger/strangulation",
            "/danger/stalking",
            "/violence/forms"
        ]
    );
}

#[test]
fn a_number_that_is_not_finite_is_refused_after_the_field() {
    use lindung::condition::{EqualsTest, NumberTest, Scalar};
    let number = |at: &str, value: f64| NumberTest {
        at: at.to_owned(),
        value,
    };
    let equals = |at: &str, value: f64| {
        Condition::Equals(EqualsTest {
            at: at.to_owned(),
            value: Scalar::Number(value),
        })
    };
    let count = "/violence/incidentsLast12Months";
    let cases = [
        (
            Condition::AtLeast(number(count, f64::INFINITY)),
            format!("the number at `{count}` must be finite"),
        ),
        (
            Condition::Below(number(count, f64::NAN)),
            format!("the number at `{count}` must be finite"),
        ),
        (
            equals(count, f64::NEG_INFINITY),
            format!("the number at `{count}` must be finite"),
        ),
        (
            Condition::AtLeast(number("/danger/strangulation", f64::NAN)),
            "operator `atLeast` does not fit `/danger/strangulation`, which holds answer values"
                .to_owned(),
        ),
        (
            Condition::AtLeast(number("/danger/nothing", f64::NAN)),
            "pointer `/danger/nothing` is not a field of the assessment".to_owned(),
        ),
    ];
    for (condition, message) in cases {
        let error = condition.check(Scope::Assessment).map(|_| ()).unwrap_err();
        assert_eq!(error.to_string(), message, "{condition:?}");
    }
}
