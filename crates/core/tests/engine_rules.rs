//! Loading rule sets: the built-in one and an agency's load, every kind of mistake is a named
//! error, and the generated schema and documentation are fresh.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use std::path::PathBuf;

use lindung::rules::{rules_markdown, RuleSet, RuleSetDocument, RuleSetError};
use lindung::RiskLevel;
use serde_json::{json, Value};

const DEFAULT: &str = include_str!("../data/rules.default.json");
const AGENCY: &str = include_str!("../../../examples/agency-rules.json");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_default_rule_set_loads() {
    let rules = RuleSet::from_json(DEFAULT.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rules.document(), RuleSet::builtin().document());
    assert_eq!(rules.document().trafficking.catalogue.len(), 67);
    let description = &rules.document().description;
    assert!(description.en.contains("not a validated instrument"));
    assert!(description
        .id
        .contains("bukan instrumen yang telah divalidasi"));
}

#[test]
fn the_default_weights_and_thresholds_are_those_of_the_spec() {
    let rules = RuleSet::builtin();
    let doc = rules.document();
    let expected: &[(&str, u32)] = &[
        ("strangulation", 5),
        ("threatsToKill", 4),
        ("weaponUsed", 4),
        ("weaponAccess", 2),
        ("escalation", 3),
        ("separation", 2),
        ("stalking", 2),
        ("coerciveControl", 2),
        ("forcedSex", 3),
        ("abuseDuringPregnancy", 3),
        ("childrenThreatened", 3),
        ("perpetratorSubstanceAbuse", 1),
        ("perpetratorSuicidal", 2),
        ("perpetratorPriorViolence", 2),
        ("breachOfOrder", 2),
        ("isolation", 1),
        ("fearsForLife", 3),
        ("perpetratorNearby", 3),
        ("noSafePlaceTonight", 3),
    ];
    for (name, weight) in expected {
        let when = json!({"answer": {"at": format!("/danger/{name}"), "is": "yes"}});
        let factor = doc
            .risk
            .factors
            .iter()
            .find(|f| serde_json::to_value(&f.when).ok() == Some(when.clone()))
            .unwrap_or_else(|| panic!("no factor for {name}"));
        assert_eq!(factor.weight, *weight, "{name}");
    }
    let t = doc.risk.thresholds;
    let levels: Vec<RiskLevel> = [0, 5, 6, 11, 12, 19, 20, 60]
        .iter()
        .map(|s| t.level(*s))
        .collect();
    use RiskLevel::*;
    assert_eq!(
        levels,
        [Low, Low, Medium, Medium, High, High, Critical, Critical]
    );
}

#[test]
fn every_indicator_has_the_strength_of_the_ilo_list() {
    use lindung::rules::Strength::*;
    let doc = RuleSet::builtin();
    let strong_labour = [
        "d1_job_nature",
        "d2_violence",
        "d4_excessive_hours",
        "d5_documents_confiscated",
        "d5_debt_bondage",
        "d5_isolation",
        "d5_violence",
    ];
    let weak = [
        "d1_education",
        "d3_beliefs",
        "d3_general_context",
        "d4_no_education",
        "d5_threat_inform_family",
        "d6_past_difficulties",
        "d6_personal_characteristics",
    ];
    for entry in &doc.document().trafficking.catalogue {
        let labour = if strong_labour.contains(&entry.id.as_str()) {
            Strong
        } else if weak.contains(&entry.id.as_str()) {
            Weak
        } else {
            Medium
        };
        let sexual = match entry.id.as_str() {
            "d5_forced_tasks" => Strong,
            "d4_excessive_hours" => Medium,
            _ => labour,
        };
        let s = entry.strength;
        assert_eq!(
            (
                s.adult_labour,
                s.child_labour,
                s.adult_sexual,
                s.child_sexual
            ),
            (labour, labour, sexual, sexual),
            "{}",
            entry.id
        );
    }
}

#[test]
fn an_agency_rule_set_loads_with_its_own_weights_and_factor() {
    let agency = RuleSet::from_json(AGENCY.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let builtin = RuleSet::builtin();
    let weight = |rules: &RuleSet, id: &str| {
        rules
            .document()
            .risk
            .factors
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.weight)
    };
    assert_eq!(agency.document().id, "dinsos-kalsel");
    assert_ne!(
        weight(&agency, "risk.strangulation"),
        weight(&builtin, "risk.strangulation")
    );
    assert!(weight(&agency, "agency.pregnant_and_forced_sex").is_some());
    assert!(weight(&builtin, "agency.pregnant_and_forced_sex").is_none());
}

#[test]
fn an_agency_rule_set_changes_the_score() {
    let agency = lindung::Engine::new(
        RuleSet::from_json(AGENCY.as_bytes()).unwrap(),
        lindung::directory::Directory::builtin(),
    );
    let builtin = lindung::Engine::default();
    let mut case: Value = serde_json::from_str(include_str!(
        "../../../tests/cases/engine/ktk-life-threatening.json"
    ))
    .unwrap();
    case["danger"]["forcedSex"] = json!("yes");
    let bytes = case.to_string();
    let score = |engine: &lindung::Engine| {
        let risk = engine
            .assess_json(bytes.as_bytes(), lindung::Lang::En)
            .risk
            .unwrap();
        let rules: Vec<String> = risk.factors.iter().map(|f| f.rule.clone()).collect();
        (
            risk.score,
            rules.contains(&"agency.pregnant_and_forced_sex".to_owned()),
        )
    };
    let (builtin_score, builtin_extra) = score(&builtin);
    let (agency_score, agency_extra) = score(&agency);
    assert!(!builtin_extra && agency_extra);
    assert_eq!(agency_score, builtin_score + 2);
}

/// A change to the default rule set (`null` removes the field) and the error it must give.
const MISTAKES: &[(&str, &str, &str)] = &[
    ("/risk/factors/0/when", r#"{"answer":{"at":"/danger/choking","is":"yes"}}"#,
     "rule `risk.strangulation`, field `when`: pointer `/danger/choking` is not a field of the assessment"),
    ("/risk/factors/1/id", r#""risk.strangulation""#,
     "rule `risk.strangulation`, field `id`: id `risk.strangulation` is used twice"),
    ("/referrals/0/id", r#""floor.strangulation""#,
     "rule `floor.strangulation`, field `id`: id `floor.strangulation` is used twice"),
    ("/risk/factors/0/id", r#""has space""#, "rule `#1`, field `id`: id `has space` must be"),
    ("/risk/thresholds/high", "5", "rule set field `/risk/thresholds`: thresholds must ascend"),
    ("/risk/thresholds/medium", "0", "rule set field `/risk/thresholds`: thresholds must ascend"),
    ("/risk/factors/0/label/en", r#""  ""#, "rule `risk.strangulation`, field `label`: the `en` text is missing"),
    ("/risk/floors/2/label/id", r#""""#, "rule `floor.cluster_of_three`, field `label`: the `id` text is missing"),
    ("/risk/factors/0/label/id", "null", "rule `risk.strangulation`, field `label/id`: missing field `id`"),
    ("/description/en", "null", "rule set field `/description/en`: missing field `en`"),
    ("/trafficking/catalogue/0/id", r#""d9_unknown""#,
     "rule `d9_unknown`, field `id`: `d9_unknown` is not an indicator id of the assessment"),
    ("/trafficking/catalogue/1/id", r#""d1_job_nature""#, "rule `d1_job_nature`, field `id`: indicator `d1_job_nature` is listed twice"),
    ("/trafficking/catalogue/0/dimension", "2", "rule `d1_job_nature`, field `dimension`: indicator `d1_job_nature` belongs to dimension 1, not 2"),
    ("/trafficking/catalogue/0/strength/childSexual", r#""very""#, "rule `d1_job_nature`, field `strength/childSexual`: unknown value `very`, expected one of `strong`, `medium`, `weak`"),
    ("/risk/floors/0/when", r#"{"riskAtLeast":"high"}"#,
     "rule `floor.strangulation`, field `when`: operator `riskAtLeast` is only allowed in referral rules"),
    ("/risk/factors/0/when", r#"{"trafficking":["possible"]}"#, "rule `risk.strangulation`, field `when`: operator `trafficking` is only allowed"),
    ("/referrals/0/when", r#"{"includes":{"at":"/danger/strangulation","value":"yes"}}"#,
     "rule `referral.critical_protection`, field `when`: operator `includes` does not fit `/danger/strangulation`, which holds answer values"),
    ("/referrals/0/when", r#"{"equals":{"at":"/violence/setting","value":"garden"}}"#,
     "rule `referral.critical_protection`, field `when`: value `garden` is not allowed at `/violence/setting`"),
    ("/referrals/0/when", r#"{"atLeast":{"at":"/violence/injuries","value":1}}"#, "rule `referral.critical_protection`, field `when`: operator `atLeast` does not fit"),
    ("/referrals/0/when", r#"{"withinHours":{"at":"/person/birthDate","hours":1}}"#, "rule `referral.critical_protection`, field `when`: operator `withinHours` does not fit"),
    ("/referrals/3/dueFrom/at", r#""/violence/firstIncidentOn""#,
     "rule `referral.sexual_assault_care`, field `dueFrom`: `/violence/firstIncidentOn` holds date values, not date-times"),
    ("/referrals/3/dueFrom/at", r#""/violence/when""#, "rule `referral.sexual_assault_care`, field `dueFrom`: pointer `/violence/when` is not a field"),
    ("/referrals/0/service", r#""haircut""#, "rule `referral.critical_protection`, field `service`: unknown value `haircut`, expected one of `emergency_protection`,"),
    ("/referrals/0/urgency", r#""soon""#, "rule `referral.critical_protection`, field `urgency`: unknown value `soon`, expected one of `immediate`, `within_24h`, `within_72h`, `within_7d`, `routine`"),
    ("/referrals/0/colour", r#""red""#, "rule `referral.critical_protection`, field `colour`: unknown field `colour`"),
    ("/risk/factors/0/weight", "-1", "rule `risk.strangulation`, field `weight`: expected a whole number of 0 or more, found -1"),
    ("/risk/factors/0/weight", "101", "rule `risk.strangulation`, field `weight`: the weight `101` is over the limit of 100"),
    ("/risk/thresholds/high", "1", "rule set field `/risk/thresholds`: thresholds must ascend from above 0: medium `6`, high `1`, critical `20`"),
    ("/trafficking/statusRules/0/status", r#""not_indicated""#, "rule `trafficking.indicated.dimensions`, field `status`: a status rule gives"),
    ("/trafficking/statusRules/0/test", r#"{"dimensionGroups":[[1,7]]}"#, "rule `trafficking.indicated.dimensions`, field `test`"),
    ("/trafficking/statusRules/0/test", r#"{"dimensionGroups":[]}"#, "rule `trafficking.indicated.dimensions`, field `test`"),
    ("/trafficking/dimensionRule/0", "{}", "rule set field `/trafficking/dimensionRule`"),
    ("/trafficking/dimensions/5", "null", "rule set field `/trafficking/dimensions`: the dimensions must be 1 to 6"),
    ("/id", r#""""#, "rule set field `/id`: id `` must be"),
    ("/version", r#""""#, "rule set field `/version`"),
    ("/risk/floors/0/id", "null", "rule `/risk/floors/0`, field `id`: missing field `id`"),
    ("/risk/floors/0/when", r#"{"answer":{"at":"/danger/strangulation","is":"sometimes"}}"#, "rule `floor.strangulation`, field `when/answer/is`: unknown value `sometimes`, expected one of `yes`, `no`, `unknown`"),
];

/// The default rule set as JSON bytes, with the value at `pointer` replaced by the JSON text
/// `replacement` (`null` removes it).
fn default_with(pointer: &str, replacement: &str) -> Vec<u8> {
    let mut doc: Value = serde_json::from_str(DEFAULT).unwrap();
    mutate(
        &mut doc,
        pointer,
        serde_json::from_str(replacement).unwrap(),
    );
    doc.to_string().into_bytes()
}

fn mutate(doc: &mut Value, pointer: &str, replacement: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("{parent}"));
    match (target, replacement) {
        (Value::Object(map), Value::Null) => {
            map.remove(key);
        }
        (Value::Object(map), value) => {
            map.insert(key.to_owned(), value);
        }
        (Value::Array(items), Value::Null) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        (Value::Array(items), value) => items[key.parse::<usize>().unwrap()] = value,
        _ => panic!("{pointer}"),
    }
}

/// True when the error's pointer names the changed place, a place inside it, or the field of the
/// same rule that holds it.
fn related(changed: &str, error: &str) -> bool {
    let inside =
        |outer: &str, inner: &str| inner == outer || inner.starts_with(&format!("{outer}/"));
    inside(changed, error) || inside(error, changed)
}

#[test]
fn every_mistake_is_a_named_error() {
    let mut failures = Vec::new();
    for (pointer, replacement, expected) in MISTAKES {
        match RuleSet::from_json(&default_with(pointer, replacement)) {
            Ok(_) => failures.push(format!(
                "{pointer} = {replacement}\n  loaded, expected {expected}"
            )),
            Err(RuleSetError::Rule { pointer: at, .. }) if !related(pointer, &at) => {
                failures.push(format!(
                    "{pointer} = {replacement}\n  the error points at `{at}`, not at the change"
                ))
            }
            Err(e) if e.to_string().starts_with(expected) => {}
            Err(e) => failures.push(format!(
                "{pointer} = {replacement}\n  expected {expected}\n  actual   {e}"
            )),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn malformed_documents_are_errors() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"",
            "rule set is not valid JSON at line 1, column 1: unexpected end of input",
        ),
        (
            b"{\"id\":",
            "rule set is not valid JSON at line 1, column 7: unexpected end of input",
        ),
        (
            "{\n  \"id\": \"é\",\n}".as_bytes(),
            "rule set is not valid JSON at line 2, column 12: trailing comma",
        ),
        (
            b"[]",
            "rule set field ``: expected an object, found an array",
        ),
        (b"{}", "rule set field `/id`: missing field `id`"),
        (
            &[0xff, 0xfe],
            "rule set is not valid JSON at line 1, column 1: expected a value",
        ),
    ];
    for (bytes, expected) in cases {
        let error = RuleSet::from_json(bytes).map(|_| ()).unwrap_err();
        assert!(error.to_string().starts_with(expected), "{error}");
    }
    let big = vec![b' '; lindung::rules::MAX_BYTES + 1];
    assert!(RuleSet::from_json(&big)
        .unwrap_err()
        .to_string()
        .contains("over the limit"));
    assert_eq!(
        RuleSet::from_json(&big).map(|_| ()).unwrap_err().message(),
        "rule set is 1048577 bytes, over the limit of 1048576 bytes"
    );
}

#[test]
fn the_rule_sets_read_as_serde_reads_them() {
    for text in [DEFAULT, AGENCY] {
        let rules = RuleSet::from_json(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let serde: RuleSetDocument = serde_json::from_str(text).unwrap();
        assert_eq!(rules.document(), &serde);
    }
}

/// A rule's error: the rule is item `item` (a JSON Pointer) of its list.
fn rule(item: &str, rule: &str, field: &str, problem: &str) -> RuleSetError {
    RuleSetError::Rule {
        rule: rule.to_owned(),
        field: field.to_owned(),
        pointer: format!("{item}/{field}"),
        problem: problem.to_owned(),
    }
}

fn document(field: &str, problem: &str) -> RuleSetError {
    RuleSetError::Document {
        field: field.to_owned(),
        problem: problem.to_owned(),
    }
}

const CONDITION_NAMES: &str = "`all`, `any`, `not`, `answer`, `includes`, `equals`, `atLeast`, \
                               `below`, `countYes`, `withinHours`, `child`, `caseType`, \
                               `riskAtLeast`, `trafficking`";

#[test]
fn shape_errors_name_the_rule_the_field_and_the_problem() {
    // A change to the default rule set (`null` removes the member) and the whole error.
    let cases: Vec<(&str, &str, RuleSetError)> = vec![
        ("/risk/factors/0/weight", r#""heavy""#,
         rule("/risk/factors/0", "risk.strangulation", "weight", "expected a whole number, found a string")),
        ("/risk/factors/0/weight", "2.5",
         rule("/risk/factors/0", "risk.strangulation", "weight", "expected a whole number of 0 or more, found 2.5")),
        ("/risk/factors/0/weight", "4294967296",
         rule("/risk/factors/0", "risk.strangulation", "weight", "4294967296 is over the largest allowed, 4294967295")),
        ("/risk/factors/0/when", r#"{"answr":{"at":"/danger/strangulation","is":"yes"}}"#,
         rule("/risk/factors/0", "risk.strangulation", "when/answr",
              &format!("unknown condition `answr`, expected one of {CONDITION_NAMES}"))),
        ("/risk/floors/1/when/all/1/any/0/answer/or", r#""no""#,
         rule("/risk/floors/1", "floor.threats_with_weapon", "when/all/1/any/0/answer/or",
              "unknown field `or`, expected one of `at`, `is`")),
        ("/risk/floors/0/label/en", "null",
         rule("/risk/floors/0", "floor.strangulation", "label/en", "missing field `en`")),
        ("/referrals/1/when", r#"{"caseType":"kpo","child":true}"#,
         rule("/referrals/1", "referral.household_protection", "when",
              "expected a condition object with one member, found 2 members: `caseType`, `child`")),
        ("/referrals/1/when", "{}",
         rule("/referrals/1", "referral.household_protection", "when",
              "expected a condition object with one member, found an empty object")),
        ("/referrals/1/when/all/0/equals/value", "[]",
         rule("/referrals/1", "referral.household_protection", "when/all/0/equals/value",
              "expected a boolean, a number or a string, found an array")),
        ("/referrals/1/withService", r#""spa""#,
         rule("/referrals/1", "referral.household_protection", "withService",
              "unknown value `spa`, expected one of `emergency_protection`, `police_report`, \
               `medical_emergency`, `medical_care`, `medicolegal`, `sexual_assault_care`, \
               `psychological`, `psychosocial`, `safe_shelter`, `child_protection`, `legal_aid`, \
               `victim_protection`, `migrant_worker_protection`, `repatriation`, \
               `social_rehabilitation`, `economic_empowerment`, `civil_documents`, \
               `disability_services`, `family_reintegration`")),
        ("/referrals/1/id", "7",
         rule("/referrals/1", "/referrals/1", "id", "expected a string, found a number")),
        ("/trafficking/statusRules/0/test", r#"{"groups":[[1]]}"#,
         rule("/trafficking/statusRules/0", "trafficking.indicated.dimensions", "test/groups",
              "unknown status test `groups`, expected one of `dimensionGroups`, \
               `dimensionsAtLeast`, `requiredElements`, `elementsAtLeast`")),
        ("/trafficking/statusRules/0/status", r#""likely""#,
         rule("/trafficking/statusRules/0", "trafficking.indicated.dimensions", "status",
              "unknown value `likely`, expected one of `not_assessed`, `not_indicated`, \
               `possible`, `indicated`")),
        ("/trafficking/catalogue/0/dimension", "300",
         rule("/trafficking/catalogue/0", "d1_job_nature", "dimension", "300 is over the largest allowed, 255")),
        ("/trafficking/dimensions/2/label", r#""Recruitment""#,
         rule("/trafficking/dimensions/2", "dimension 3", "label", "expected an object, found a string")),
        // Not inside a rule: the pointer names the place.
        ("/risk/floors/1", r#""floor""#,
         document("/risk/floors/1", "expected an object, found a string")),
        ("/risk/thresholds/high", r#""12""#,
         document("/risk/thresholds/high", "expected a whole number, found a string")),
        ("/trafficking/dimensionRule/0/strongest", "1",
         document("/trafficking/dimensionRule/0/strongest",
                  "unknown field `strongest`, expected one of `strong`, `medium`, `weak`, `mediumOrWeak`")),
        ("/trafficking/childNeedsNoMeans/basis", "null",
         document("/trafficking/childNeedsNoMeans/basis", "missing field `basis`")),
        ("/label", r#"["a","b"]"#, document("/label", "expected an object, found an array")),
    ];
    let mut failures = Vec::new();
    for (pointer, replacement, expected) in cases {
        match RuleSet::from_json(&default_with(pointer, replacement)) {
            Err(error) if error == expected => {}
            other => failures.push(format!(
                "{pointer} = {replacement}\n  expected {expected:?}\n  actual   {:?}",
                other.map(|_| "loaded")
            )),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_label_of_the_rule_set_itself_is_named_as_a_rule_and_pointed_at() {
    let long = format!("\"{}\"", "x".repeat(501));
    let cases = [
        ("/label/id", r#"" ""#, "/label", "the `id` text is missing"),
        (
            "/description/en",
            r#""""#,
            "/description",
            "the `en` text is missing",
        ),
        (
            "/trafficking/strengthSource/en",
            long.as_str(),
            "/trafficking/strengthSource",
            "the `en` text is 501 characters, over the limit of 500",
        ),
    ];
    for (pointer, replacement, field, problem) in cases {
        assert_eq!(
            RuleSet::from_json(&default_with(pointer, replacement)).map(|_| ()),
            Err(RuleSetError::Rule {
                rule: "rule set".to_owned(),
                field: field.to_owned(),
                pointer: field.to_owned(),
                problem: problem.to_owned(),
            }),
            "{pointer}"
        );
    }
}

#[test]
fn a_repeated_key_is_named_with_its_pointer() {
    let text = DEFAULT.replacen("\"weight\": 5,", "\"weight\": 5, \"weight\": 50,", 1);
    assert_ne!(text, DEFAULT);
    assert_eq!(
        RuleSet::from_json(text.as_bytes()).map(|_| ()),
        Err(document(
            "/risk/factors/0/weight",
            "the key `weight` appears more than once"
        ))
    );
}

mod any_wrong_type {
    use super::*;
    use proptest::prelude::*;

    /// The lists of rules, and every rule's place in them.
    fn places() -> Vec<(String, Value)> {
        let doc: Value = serde_json::from_str(DEFAULT).unwrap();
        let mut out = Vec::new();
        for list in [
            "/risk/factors",
            "/risk/floors",
            "/trafficking/statusRules",
            "/trafficking/catalogue",
            "/trafficking/dimensions",
            "/referrals",
        ] {
            for (index, item) in doc
                .pointer(list)
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
            {
                out.push((format!("{list}/{index}"), item.clone()));
            }
        }
        out
    }

    /// A value of another JSON type than `value`'s, and never a string (a string `id` would
    /// name the rule).
    fn wrong(value: &Value, pick: usize) -> Value {
        let choices = [json!(true), json!(7), json!([]), json!({}), json!(null)];
        let fits = |candidate: &Value| match value {
            Value::Bool(_) => !candidate.is_boolean(),
            Value::Number(_) => !candidate.is_number(),
            Value::Array(_) => !candidate.is_array(),
            Value::Object(_) => !candidate.is_object(),
            _ => true,
        };
        let usable: Vec<&Value> = choices.iter().filter(|c| fits(c)).collect();
        usable[pick % usable.len()].clone()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

        /// A member of any rule, given a value of the wrong JSON type, is refused with the
        /// rule's id (its pointer when the id is the member) and the member's name.
        #[test]
        fn names_the_rule_and_the_member(rule_pick in any::<prop::sample::Index>(), member_pick in any::<prop::sample::Index>(), pick in 0usize..5) {
            let places = places();
            let (item_pointer, item) = &places[rule_pick.index(places.len())];
            let members: Vec<(&String, &Value)> = item.as_object().unwrap().iter().collect();
            let (member, original) = members[member_pick.index(members.len())];
            let replacement = wrong(original, pick);
            // `null` for an optional member is its absence: nothing is wrong.
            prop_assume!(!(replacement.is_null() && ["basis", "whenLevelAtLeast", "withService", "dueFrom"].contains(&member.as_str())));
            let mut doc: Value = serde_json::from_str(DEFAULT).unwrap();
            doc.pointer_mut(item_pointer).unwrap()[member.as_str()] = replacement.clone();
            let error = RuleSet::from_json(doc.to_string().as_bytes()).map(|_| ()).unwrap_err();
            let RuleSetError::Rule { rule, field, pointer, problem } = &error else {
                panic!("{item_pointer}/{member} = {replacement}: {error}");
            };
            let expected_rule = match item.get("id") {
                _ if member == "id" => item_pointer.clone(),
                Some(Value::String(id)) => id.clone(),
                Some(Value::Number(n)) => format!("dimension {n}"),
                _ => item_pointer.clone(),
            };
            prop_assert_eq!(rule, &expected_rule);
            prop_assert_eq!(field, member);
            prop_assert_eq!(pointer, &format!("{item_pointer}/{member}"));
            prop_assert!(problem.starts_with("expected "), "{}", problem);
            prop_assert!(!problem.contains("u32") && !problem.contains("Vec<"), "{}", problem);
        }
    }
}

/// Compares a generated file with the committed one; `LINDUNG_BLESS=1` writes it instead.
fn fresh(relative: &str, generated: &str) {
    let path = root().join(relative);
    if std::env::var_os("LINDUNG_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{relative} is stale: run `LINDUNG_BLESS=1 cargo test -p lindung --test engine_rules`"
    );
}

#[test]
fn generated_files_are_fresh() {
    for name in ["rules", "result"] {
        let text = lindung::schema::schema_json(name).unwrap() + "\n";
        fresh(&format!("schemas/{name}.v1.json"), &text);
    }
    fresh("docs/rules.md", &rules_markdown(&RuleSet::builtin()));
}

#[test]
fn the_schema_accepts_the_rule_sets() {
    let schema: Value =
        serde_json::from_str(&lindung::schema::schema_json("rules").unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    for text in [DEFAULT, AGENCY] {
        let doc: Value = serde_json::from_str(text).unwrap();
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}
