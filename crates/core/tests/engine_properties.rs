//! Properties the engine holds for every input: monotone risk, determinism, no panics on
//! generated assessments or rule sets, and the referral invariants of the rules.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use lindung::referral::{ConsentState, Urgency};
use lindung::trafficking::TraffickingStatus;
use lindung::{
    AssessmentResult, Danger, Engine, IndicatorId, Lang, RiskLevel, RuleSet, ServiceKind,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const ANSWERS: [Option<&str>; 4] = [None, Some("yes"), Some("no"), Some("unknown")];

fn answers(n: usize) -> impl Strategy<Value = Vec<Option<&'static str>>> {
    proptest::collection::vec(prop::sample::select(ANSWERS.to_vec()), n)
}

fn put(map: &mut serde_json::Map<String, Value>, names: &[&str], values: &[Option<&str>]) {
    for (name, value) in names.iter().zip(values) {
        if let Some(value) = value {
            map.insert((*name).to_owned(), json!(value));
        }
    }
}

const NEEDS: [&str; 11] = [
    "medicalUrgent",
    "medical",
    "psychological",
    "shelter",
    "legal",
    "economic",
    "documents",
    "education",
    "repatriation",
    "familyReunification",
    "disabilitySupport",
];

#[derive(Debug, Clone)]
struct Shape {
    danger: Vec<Option<&'static str>>,
    needs: Vec<Option<&'static str>>,
    indicators: Vec<Option<&'static str>>,
    injuries: &'static str,
    incidents: Option<u16>,
    age: u8,
    ktk: bool,
    kpo: bool,
    forms: (bool, bool),
    guardian: (bool, bool),
    consent: (bool, bool, bool),
    judgement: Option<&'static str>,
    assault_hours_ago: Option<u32>,
    location: &'static str,
    elements: (bool, bool, bool, bool),
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        (answers(19), answers(11), answers(67)),
        prop::sample::select(vec![
            "none",
            "minor",
            "serious",
            "life_threatening",
            "unknown",
        ]),
        prop::option::of(0u16..12),
        prop_oneof![0u8..18, 18u8..90],
        prop_oneof![Just((true, false)), Just((false, true)), Just((true, true))],
        (any::<bool>(), any::<bool>()),
        (any::<bool>(), any::<bool>()),
        (any::<bool>(), any::<bool>(), any::<bool>()),
        prop::option::of(prop::sample::select(vec![
            "low", "medium", "high", "critical",
        ])),
        prop::option::of(0u32..200),
        prop::sample::select(vec![
            "abroad",
            "in_transit",
            "home_region",
            "elsewhere_in_indonesia",
        ]),
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                (danger, needs, indicators),
                injuries,
                incidents,
                age,
                (ktk, kpo),
                forms,
                guardian,
                consent,
                judgement,
                assault,
                location,
                elements,
            )| Shape {
                danger,
                needs,
                indicators,
                injuries,
                incidents,
                age,
                ktk,
                kpo,
                forms,
                guardian,
                consent,
                judgement,
                assault_hours_ago: assault,
                location,
                elements,
            },
        )
}

/// A valid assessment of the given shape.
fn build(s: &Shape) -> Value {
    let mut case_types = Vec::new();
    if s.ktk {
        case_types.push("ktk");
    }
    if s.kpo {
        case_types.push("kpo");
    }
    let (services, sharing, emergency) = s.consent;
    let mut consent = json!({"services": services, "infoSharing": sharing, "reporting": false});
    if services || sharing {
        consent["recordedAs"] = json!("recorded_verbal");
    }
    if emergency {
        consent["emergency"] = json!({"reason": "the person is in danger tonight"});
    }
    let mut doc = json!({
        "schemaVersion": "1", "id": "PROP-1", "assessedAt": "2026-11-20T10:00:00+08:00",
        "assessor": {"name": "Officer", "agency": "UPTD PPA", "role": "social_worker"},
        "caseTypes": case_types, "intake": {"source": "self", "region": {"province": "63", "regency": "63.71"}},
        "consent": consent,
        "person": {"ageYears": s.age, "sex": "female"},
    });
    if s.age < 18 {
        doc["guardian"] = json!({"relationship": "mother", "suspectedPerpetrator": s.guardian.0, "consentGiven": s.guardian.1});
    }
    if s.ktk {
        let mut forms = vec!["psychological"];
        if s.forms.0 {
            forms.push("physical");
        }
        let mut violence = json!({
            "forms": forms, "setting": "household", "injuries": s.injuries,
            "perpetrators": [{"relationship": "spouse", "livesWithVictim": "yes", "hasAccess": "yes"}],
        });
        if s.forms.1 {
            violence["forms"]
                .as_array_mut()
                .unwrap()
                .push(json!("sexual"));
            violence["sexualViolence"] = json!(["rape"]);
            if let Some(hours) = s.assault_hours_ago {
                let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00+08:00").unwrap()
                    - chrono::TimeDelta::hours(i64::from(hours));
                violence["lastSexualAssaultAt"] = json!(at.to_rfc3339());
            }
        }
        if let Some(n) = s.incidents {
            violence["incidentsLast12Months"] = json!(n);
        }
        doc["violence"] = violence;
        let mut danger = serde_json::Map::new();
        put(&mut danger, Danger::QUESTIONS, &s.danger);
        doc["danger"] = Value::Object(danger);
    }
    if s.kpo {
        let (process, means, purpose, sexual) = s.elements;
        let mut t = json!({"migration": {"migrantWorker": "yes", "departure": "unknown",
            "currentLocation": s.location, "documentsHeldByOthers": "unknown"}});
        if process {
            t["process"] = json!(["recruitment"]);
        }
        if means {
            t["means"] = json!(["deception"]);
        }
        if purpose || sexual {
            t["exploitation"] = json!(if sexual {
                ["sexual_exploitation"]
            } else {
                ["forced_labour"]
            });
        }
        let mut map = serde_json::Map::new();
        let ids: Vec<&str> = IndicatorId::ALL.iter().map(|i| i.as_str()).collect();
        put(&mut map, &ids, &s.indicators);
        t["indicators"] = Value::Object(map);
        doc["trafficking"] = t;
    }
    let mut needs = serde_json::Map::new();
    put(&mut needs, &NEEDS, &s.needs);
    doc["needs"] = Value::Object(needs);
    if let Some(level) = s.judgement {
        doc["professionalJudgement"] =
            json!({"level": level, "reason": "the officer knows the family well"});
    }
    doc
}

fn assess(engine: &Engine, doc: &Value) -> AssessmentResult {
    engine.assess_json(doc.to_string().as_bytes(), Lang::En)
}

fn rank(status: TraffickingStatus) -> u8 {
    match status {
        TraffickingStatus::NotAssessed | TraffickingStatus::NotIndicated => 0,
        TraffickingStatus::Possible => 1,
        TraffickingStatus::Indicated => 2,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_yes_never_lowers_the_score_or_the_level(s in shape()) {
        let engine = Engine::default();
        let doc = build(&s);
        let before = assess(&engine, &doc);
        prop_assume!(s.ktk);
        let risk = before.risk.clone().unwrap();
        for name in Danger::QUESTIONS {
            if doc["danger"].get(*name).and_then(Value::as_str) == Some("yes") {
                continue;
            }
            let mut changed = doc.clone();
            changed["danger"][*name] = json!("yes");
            let after = assess(&engine, &changed).risk.unwrap();
            prop_assert!(after.score >= risk.score, "{name}: score {} < {}", after.score, risk.score);
            prop_assert!(after.computed_level >= risk.computed_level, "{name}: level lowered");
        }
    }

    #[test]
    fn a_yes_never_lowers_the_trafficking_status(s in shape(), pick in 0usize..67) {
        let engine = Engine::default();
        let doc = build(&s);
        prop_assume!(s.kpo);
        let before = assess(&engine, &doc).trafficking.unwrap().status;
        let mut changed = doc.clone();
        changed["trafficking"]["indicators"][IndicatorId::ALL[pick].as_str()] = json!("yes");
        let after = assess(&engine, &changed).trafficking.unwrap().status;
        prop_assert!(rank(after) >= rank(before));
    }

    #[test]
    fn the_referral_invariants_hold(s in shape()) {
        let engine = Engine::default();
        let result = assess(&engine, &build(&s));
        prop_assert!(result.valid, "{:?}", result.errors);
        let has = |service: ServiceKind, urgency: Urgency| {
            result.referrals.iter().any(|r| r.service == service && r.urgency == urgency)
        };
        if result.child == Some(true) {
            let child = result.referrals.iter().find(|r| r.service == ServiceKind::ChildProtection);
            prop_assert!(child.is_some_and(|r| r.ready && r.consent == ConsentState::Statutory));
        }
        let risk = result.risk.as_ref().unwrap();
        if risk.level == RiskLevel::Critical {
            prop_assert!(has(ServiceKind::EmergencyProtection, Urgency::Immediate));
        }
        if s.ktk && s.danger[0] == Some("yes") {
            prop_assert!(risk.computed_level >= RiskLevel::High);
        }
        let mut services: Vec<ServiceKind> = result.referrals.iter().map(|r| r.service).collect();
        let order: Vec<(Urgency, ServiceKind)> = result.referrals.iter().map(|r| (r.urgency, r.service)).collect();
        prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "not ordered: {order:?}");
        services.dedup();
        prop_assert_eq!(services.len(), result.referrals.len());
    }

    #[test]
    fn a_police_report_goes_ahead_on_consent_only_with_consent_to_reporting(s in shape()) {
        let engine = Engine::default();
        let mut without = build(&s);
        without["consent"]["recordedAs"] = json!("written");
        let mut with = without.clone();
        with["consent"]["reporting"] = json!(true);
        let (without, with) = (assess(&engine, &without), assess(&engine, &with));
        prop_assert_eq!(without.referrals.len(), with.referrals.len());
        for (no, yes) in without.referrals.iter().zip(&with.referrals) {
            prop_assert_eq!(no.service, yes.service);
            if no.service == ServiceKind::PoliceReport {
                prop_assert!(no.consent != ConsentState::Given, "given without consent to reporting");
                let (services, sharing, _) = s.consent;
                let adult = without.child == Some(false);
                if services && sharing && adult {
                    prop_assert_eq!(yes.consent, ConsentState::Given);
                }
            } else {
                prop_assert_eq!((no.consent, no.ready), (yes.consent, yes.ready));
            }
        }
    }

    #[test]
    fn the_same_input_gives_the_same_bytes(s in shape()) {
        let engine = Engine::default();
        let text = build(&s).to_string();
        let first = engine.assess_json(text.as_bytes(), Lang::Id).to_json();
        let second = engine.assess_json(text.as_bytes(), Lang::Id).to_json();
        prop_assert_eq!(&first, &second);
        let assessment: lindung::Assessment = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(engine.assess(&assessment, Lang::Id).to_json(), first);
    }

    #[test]
    fn an_invalid_assessment_is_never_ready(s in shape(), breaking in 0usize..3) {
        let engine = Engine::default();
        let mut doc = build(&s);
        let map = doc.as_object_mut().unwrap();
        match breaking {
            0 => { map["person"].as_object_mut().unwrap().remove("ageYears"); }
            1 => { map["caseTypes"] = json!(["ktk", "kpo"]); map.remove("violence"); }
            _ => { map["person"]["ageYears"] = json!(9); map.remove("guardian"); }
        }
        let result = assess(&engine, &doc);
        prop_assert!(!result.valid);
        prop_assert!(result.referrals.iter().all(|r| !r.ready));
    }

    #[test]
    fn any_bytes_give_a_result(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let result = Engine::default().assess_json(&bytes, Lang::En);
        prop_assert!(!result.valid);
        prop_assert!(result.referrals.iter().all(|r| !r.ready));
    }

    #[test]
    fn a_mutated_rule_set_is_an_error_or_works(
        pick in any::<prop::sample::Index>(),
        replacement in prop::sample::select(vec![
            Value::Null, json!("x"), json!(0), json!(-1), json!(true), json!({}), json!([]),
            json!(4_294_967_296u64), json!("/danger/strangulation"), json!("yes"), json!(1.5),
            json!({"answer": {"at": "/danger/x", "is": "yes"}}), json!({"riskAtLeast": "high"}),
        ]),
        s in shape(),
    ) {
        let mut doc: Value = serde_json::from_str(&RuleSet::builtin().to_json()).unwrap();
        let mut pointers = Vec::new();
        leaves(&doc, String::new(), &mut pointers);
        let pointer = pick.get(&pointers).clone();
        if let Some(target) = doc.pointer_mut(&pointer) {
            *target = replacement;
        }
        if let Ok(rules) = RuleSet::from_json(doc.to_string().as_bytes()) {
            let engine = Engine::new(rules, lindung::directory::Directory::builtin());
            let _ = assess(&engine, &build(&s));
        }
    }

    #[test]
    fn a_mutated_assessment_gives_a_result(
        s in shape(),
        pick in any::<prop::sample::Index>(),
        replacement in prop::sample::select(vec![
            Value::Null, json!("x"), json!(0), json!(-1), json!(true), json!({}), json!([]),
            json!(1e300), json!("2030-01-01T00:00:00+08:00"), json!("yes"), json!("1900-02-30"),
            json!(["ktk", "ktk"]), json!({"extra": 1}),
        ]),
    ) {
        let mut doc = build(&s);
        let mut pointers = Vec::new();
        leaves(&doc, String::new(), &mut pointers);
        let pointer = pick.get(&pointers).clone();
        if let Some(target) = doc.pointer_mut(&pointer) {
            *target = replacement;
        }
        let result = Engine::default().assess_json(doc.to_string().as_bytes(), Lang::En);
        if !result.valid {
            prop_assert!(result.referrals.iter().all(|r| !r.ready));
        }
    }

    #[test]
    fn rule_set_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        prop_assert!(RuleSet::from_json(&bytes).is_err());
    }
}

fn leaves(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                leaves(item, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                leaves(item, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
}
