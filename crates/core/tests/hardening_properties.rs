//! Properties of the engine on assessments generated from the published schema (a wider variety
//! than hand-built shapes: every optional section, every list value, children and adults, violence,
//! trafficking or both): results fit the result schema, survive a JSON round trip byte for byte,
//! do not depend on how the assessment was written, and keep the invariants of `rules.md`; and the
//! library reads every such assessment exactly as serde's derive does.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking

#[path = "agreement/generate.rs"]
mod generate;

use std::sync::OnceLock;

use lindung::parse::parse_assessment;
use lindung::result::AssessmentResult;
use lindung::schema::schema_json;
use lindung::{Assessment, Engine, Lang, RiskLevel, ServiceKind};
use proptest::prelude::*;
use serde_json::Value;

fn schema() -> Value {
    serde_json::from_str(&schema_json("assessment").unwrap()).unwrap()
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::default)
}

fn result_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(&schema_json("result").unwrap()).unwrap();
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn results_fit_their_schema_and_survive_a_round_trip((seed, document) in generate::documents(schema())) {
        let bytes = serde_json::to_vec(&document).unwrap();
        let result = engine().assess_json(&bytes, Lang::En);
        prop_assert!(result.valid, "seed {}: {:?}", seed, result.errors);
        let text = result.to_json();
        let value: Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = result_validator().iter_errors(&value).map(|e| format!("{} {e}", e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "seed {}: {:?}", seed, errors);
        let again: AssessmentResult = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&again, &result, "seed {}", seed);
        prop_assert_eq!(again.to_json(), text, "seed {}", seed);
    }

    #[test]
    fn the_result_does_not_depend_on_how_the_assessment_is_written((seed, document) in generate::documents(schema())) {
        let compact = serde_json::to_vec(&document).unwrap();
        let pretty = serde_json::to_vec_pretty(&document).unwrap();
        let first = engine().assess_json(&compact, Lang::Id).to_json();
        // Written out again from the typed assessment, with a byte order mark, pretty-printed,
        // or by a fresh engine: the same bytes.
        let typed: Assessment = lindung::parse::parse_assessment(&compact, Lang::Id).unwrap();
        let rewritten = serde_json::to_vec(&typed).unwrap();
        let reread: Assessment = lindung::parse::parse_assessment(&rewritten, Lang::Id).unwrap();
        prop_assert_eq!(&reread, &typed, "seed {}", seed);
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), &compact].concat();
        for bytes in [&pretty, &rewritten, &with_bom] {
            prop_assert_eq!(&engine().assess_json(bytes, Lang::Id).to_json(), &first, "seed {}", seed);
        }
        prop_assert_eq!(Engine::default().assess_json(&compact, Lang::Id).to_json(), first.clone(), "seed {}", seed);
        prop_assert_eq!(engine().assess(&typed, Lang::Id).to_json(), first, "seed {}", seed);
    }

    /// The library's reader and serde's derive read a generated document alike, and a typed
    /// assessment written out reads back as exactly itself.
    #[test]
    fn the_library_reads_assessments_as_serde_does((seed, document) in generate::documents(schema())) {
        let bytes = serde_json::to_vec(&document).unwrap();
        let reference: Assessment = serde_json::from_slice(&bytes).unwrap();
        let read = parse_assessment(&bytes, Lang::En);
        prop_assert_eq!(read.as_ref(), Ok(&reference), "seed {}", seed);
        let written = serde_json::to_vec(&reference).unwrap();
        prop_assert_eq!(parse_assessment(&written, Lang::En), Ok(reference), "seed {}", seed);
    }

    #[test]
    fn the_invariants_of_the_rules_hold((seed, document) in generate::documents(schema())) {
        let result = engine().assess_json(&serde_json::to_vec(&document).unwrap(), Lang::En);
        // A child is always referred to child protection, ready.
        if result.child == Some(true) {
            prop_assert!(result.referrals.iter().any(|r| r.service == ServiceKind::ChildProtection && r.ready), "seed {}", seed);
        }
        // Strangulation "yes" is never below high.
        if document.pointer("/danger/strangulation") == Some(&Value::from("yes")) {
            let level = result.risk.as_ref().map(|r| r.computed_level);
            prop_assert!(level >= Some(RiskLevel::High), "seed {}: {:?}", seed, level);
        }
        // One referral per service kind, ordered by urgency and then by service kind.
        let order: Vec<_> = result.referrals.iter().map(|r| (r.urgency, r.service)).collect();
        let mut sorted = order.clone();
        sorted.sort();
        prop_assert_eq!(&order, &sorted, "seed {}", seed);
        let services: std::collections::BTreeSet<_> = order.iter().map(|(_, s)| *s).collect();
        prop_assert_eq!(services.len(), order.len(), "seed {}", seed);
    }

    #[test]
    fn a_broken_assessment_is_never_ready((seed, document) in generate::documents(schema()), cut in 0usize..3) {
        let mut broken = document.clone();
        match cut {
            0 => { broken["assessedAt"] = Value::from("yesterday"); }
            1 => { broken["person"]["birthDate"] = Value::from("2100-01-01"); }
            _ => { broken["colour"] = Value::from("red"); }
        }
        let result = engine().assess_json(&serde_json::to_vec(&broken).unwrap(), Lang::En);
        prop_assert!(!result.valid, "seed {}", seed);
        prop_assert!(result.referrals.iter().all(|r| !r.ready), "seed {}", seed);
    }
}
