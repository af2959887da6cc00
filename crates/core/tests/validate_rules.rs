//! Cross-field rules at their edges: each row changes a sound assessment and names the problems
//! (code and path) that must follow, and those that must not.
#![allow(clippy::panic)] // a test reports failure by panicking

use std::path::Path;

use lindung::parse::check;
use lindung::Lang;
use serde_json::{json, Value};

fn base() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/cases/valid/ktk_adult_household.json");
    std::fs::read(&path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_else(|| panic!("cannot read {}", path.display()))
}

/// Sets (or with `Value::Null` as a marker `"-"`, removes) the value at each pointer.
fn patched(changes: &[(&str, Value)]) -> Value {
    let mut document = base();
    for (pointer, value) in changes {
        let (parent, key) = pointer.rsplit_once('/').unwrap_or_default();
        let Some(Value::Object(members)) = document.pointer_mut(parent) else {
            panic!("no object at {parent}");
        };
        if *value == json!("-") {
            members.remove(key);
        } else {
            members.insert(key.to_owned(), value.clone());
        }
    }
    document
}

struct Row {
    name: &'static str,
    changes: Vec<(&'static str, Value)>,
    present: Vec<(&'static str, &'static str)>,
    absent: Vec<&'static str>,
}

fn rows() -> Vec<Row> {
    vec![
        Row {
            name: "eighteen on the day of assessment is an adult",
            changes: vec![("/person/birthDate", json!("2008-11-29"))],
            present: vec![],
            absent: vec!["guardian.missing"],
        },
        Row {
            name: "eighteen the day after the assessment is a child",
            changes: vec![("/person/birthDate", json!("2008-11-30"))],
            present: vec![("guardian.missing", "/guardian")],
            absent: vec![],
        },
        Row {
            name: "dates count in the assessment's own offset",
            changes: vec![
                ("/assessedAt", json!("2026-11-28T23:00:00Z")),
                ("/violence/lastIncidentOn", json!("2026-11-29")),
            ],
            present: vec![("date.in_future", "/violence/lastIncidentOn")],
            absent: vec![],
        },
        Row {
            name: "an incident on the day of assessment is not in the future",
            changes: vec![("/violence/lastIncidentOn", json!("2026-11-29"))],
            present: vec![],
            absent: vec!["date.in_future"],
        },
        Row {
            name: "age two years off the birth date disagrees",
            changes: vec![
                ("/person/birthDate", json!("2010-01-01")),
                ("/person/ageYears", json!(18)),
                (
                    "/guardian",
                    json!({"relationship": "mother", "suspectedPerpetrator": false, "consentGiven": true}),
                ),
            ],
            present: vec![("person.age_mismatch", "/person/ageYears")],
            absent: vec![],
        },
        Row {
            name: "age one year off the birth date agrees",
            changes: vec![
                ("/person/birthDate", json!("2010-01-01")),
                ("/person/ageYears", json!(17)),
                (
                    "/guardian",
                    json!({"relationship": "mother", "suspectedPerpetrator": false, "consentGiven": true}),
                ),
            ],
            present: vec![],
            absent: vec!["person.age_mismatch"],
        },
        Row {
            name: "one incident day is both first and last",
            changes: vec![
                ("/violence/firstIncidentOn", json!("2026-11-27")),
                ("/violence/lastIncidentOn", json!("2026-11-27")),
            ],
            present: vec![],
            absent: vec!["violence.incident_order"],
        },
        Row {
            name: "born on the day of the first incident",
            changes: vec![
                ("/person/birthDate", json!("2024-06-01")),
                (
                    "/guardian",
                    json!({"relationship": "mother", "suspectedPerpetrator": true, "consentGiven": false}),
                ),
            ],
            present: vec![("guardian.suspected", "/guardian/suspectedPerpetrator")],
            absent: vec!["person.born_after_incident"],
        },
        Row {
            name: "a sexual assault before the birth date",
            changes: vec![(
                "/violence/lastSexualAssaultAt",
                json!("1990-01-01T00:00:00+07:00"),
            )],
            present: vec![("person.born_after_incident", "/person/birthDate")],
            absent: vec![],
        },
        Row {
            name: "sharing consent without services consent, not recorded",
            changes: vec![
                ("/consent/services", json!(false)),
                ("/consent/reporting", json!(false)),
                ("/consent/recordedAs", json!("-")),
            ],
            present: vec![
                ("consent.record_missing", "/consent/recordedAs"),
                ("consent.services_missing", "/consent/services"),
            ],
            absent: vec![],
        },
        Row {
            name: "no consent at all needs no record",
            changes: vec![(
                "/consent",
                json!({"services": false, "infoSharing": false, "reporting": false}),
            )],
            present: vec![("consent.services_missing", "/consent/services")],
            absent: vec!["consent.record_missing"],
        },
        Row {
            name: "a trafficking-only case asks no danger questions but still flags an unknown one",
            changes: vec![
                ("/caseTypes", json!(["kpo"])),
                ("/violence", json!("-")),
                ("/danger", json!({"threatsToKill": "unknown"})),
                ("/trafficking", json!({"exploitation": ["forced_labour"]})),
            ],
            present: vec![
                ("danger.unknown_key", "/danger/threatsToKill"),
                ("migration.missing", "/trafficking/migration"),
            ],
            absent: vec!["danger.not_asked"],
        },
        Row {
            name: "an adult's guardian is no concern of the rules",
            changes: vec![(
                "/guardian",
                json!({"relationship": "relative", "suspectedPerpetrator": true, "consentGiven": false}),
            )],
            present: vec![],
            absent: vec!["guardian.suspected"],
        },
        Row {
            name: "trafficking data in a violence-only case is not asked for migration",
            changes: vec![("/trafficking", json!({"means": ["deception"]}))],
            present: vec![],
            absent: vec!["migration.missing", "trafficking.missing"],
        },
        Row {
            name: "every need asked leaves no needs finding",
            changes: vec![(
                "/needs",
                json!({"medicalUrgent": "no", "medical": "yes", "psychological": "yes", "shelter": "no",
                       "legal": "unknown", "economic": "no", "documents": "no", "education": "no",
                       "repatriation": "no", "familyReunification": "no", "disabilitySupport": "no"}),
            )],
            present: vec![],
            absent: vec!["needs.not_asked"],
        },
        Row {
            name: "needs partly asked is one finding for the section",
            changes: vec![("/needs", json!({"medical": "yes"}))],
            present: vec![("needs.not_asked", "/needs")],
            absent: vec![],
        },
        Row {
            name: "an event on one day",
            changes: vec![
                ("/caseTypes", json!(["ktk", "kpo"])),
                (
                    "/trafficking",
                    json!({"events": [{"kind": "transit", "from": "2026-05-01", "to": "2026-05-01"}, {"kind": "exploitation", "from": "2026-05-02", "to": "2026-12-01"}]}),
                ),
            ],
            present: vec![("date.in_future", "/trafficking/events/1/to")],
            absent: vec!["event.date_order"],
        },
    ]
}

#[test]
fn cross_field_rules_hold_at_their_edges() {
    let mut failures = Vec::new();
    for row in rows() {
        let bytes = serde_json::to_vec(&patched(&row.changes)).unwrap_or_default();
        let checked = check(&bytes, Lang::En);
        if checked.assessment.is_none() {
            failures.push(format!("{}: not sound: {:?}", row.name, checked.problems));
            continue;
        }
        let found: Vec<(&str, &str)> = checked
            .problems
            .iter()
            .map(|p| (p.code.as_str(), p.path.as_str()))
            .collect();
        for wanted in &row.present {
            if !found.contains(wanted) {
                failures.push(format!("{}: missing {wanted:?} in {found:?}", row.name));
            }
        }
        for unwanted in &row.absent {
            if found.iter().any(|(code, _)| code == unwanted) {
                failures.push(format!("{}: unexpected {unwanted} in {found:?}", row.name));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn validation_is_deterministic() {
    for row in rows() {
        let bytes = serde_json::to_vec(&patched(&row.changes)).unwrap_or_default();
        assert_eq!(
            check(&bytes, Lang::Id),
            check(&bytes, Lang::Id),
            "{}",
            row.name
        );
    }
}
