//! Readers for the rule set's types and the condition language.
//!
//! A condition and a status test are externally tagged: an object with exactly one member, whose
//! name picks the operator (`{"all": [...]}`, `{"answer": {"at": ..., "is": ...}}`).

use crate::json::Value;

use super::{decode_enum, decode_struct, push_listed, Decode, Errors};
use crate::condition::{
    AnswerTest, Condition, CountYes, EqualsTest, NumberTest, Scalar, ValueTest, WithinHours,
};
use crate::json::Path;
use crate::model::Text;
use crate::referral::Urgency;
use crate::rules::{
    CatalogueEntry, Dimension, DueFrom, Floor, LegalSetting, ReferralRule, RiskFactor, RiskRules,
    RuleSetDocument, StatusRule, StatusTest, Strength, StrengthCount, Strengths, Thresholds,
    TraffickingRules,
};
use crate::service::ServiceKind;
use crate::text::{decimal, joined};
use crate::trafficking::TraffickingStatus;

decode_struct!(Text { id: "id", en: "en" });

decode_struct!(RuleSetDocument {
    id: "id",
    version: "version",
    label: "label",
    description: "description",
    risk: "risk",
    trafficking: "trafficking",
    referrals: "referrals",
});

decode_struct!(RiskRules {
    factors: "factors",
    thresholds: "thresholds",
    floors: "floors",
});

decode_struct!(RiskFactor {
    id: "id",
    label: "label",
    basis: "basis",
    weight: "weight",
    when: "when",
});

decode_struct!(Thresholds {
    medium: "medium",
    high: "high",
    critical: "critical",
});

decode_struct!(Floor {
    id: "id",
    label: "label",
    basis: "basis",
    level: "level",
    when: "when",
    when_level_at_least: "whenLevelAtLeast",
});

decode_enum!(Strength {
    Strong: "strong",
    Medium: "medium",
    Weak: "weak",
});

decode_struct!(Strengths {
    adult_labour: "adultLabour",
    adult_sexual: "adultSexual",
    child_labour: "childLabour",
    child_sexual: "childSexual",
});

decode_struct!(TraffickingRules {
    strength_source: "strengthSource",
    child_needs_no_means: "childNeedsNoMeans",
    dimensions: "dimensions",
    dimension_rule: "dimensionRule",
    status_rules: "statusRules",
    catalogue: "catalogue",
});

decode_struct!(LegalSetting {
    enabled: "enabled",
    basis: "basis",
});

decode_struct!(Dimension {
    id: "id",
    label: "label",
});

decode_struct!(StrengthCount {
    strong: "strong" = 0,
    medium: "medium" = 0,
    weak: "weak" = 0,
    medium_or_weak: "mediumOrWeak" = 0,
});

decode_struct!(StatusRule {
    id: "id",
    label: "label",
    basis: "basis",
    status: "status",
    test: "test",
});

decode_enum!(TraffickingStatus {
    NotAssessed: "not_assessed",
    NotIndicated: "not_indicated",
    Possible: "possible",
    Indicated: "indicated",
});

decode_struct!(CatalogueEntry {
    id: "id",
    dimension: "dimension",
    strength: "strength",
    label: "label",
});

decode_struct!(ReferralRule {
    id: "id",
    label: "label",
    basis: "basis",
    service: "service",
    urgency: "urgency",
    when: "when",
    with_service: "withService",
    due_from: "dueFrom",
});

decode_enum!(ServiceKind {
    EmergencyProtection: "emergency_protection",
    PoliceReport: "police_report",
    MedicalEmergency: "medical_emergency",
    MedicalCare: "medical_care",
    Medicolegal: "medicolegal",
    SexualAssaultCare: "sexual_assault_care",
    Psychological: "psychological",
    Psychosocial: "psychosocial",
    SafeShelter: "safe_shelter",
    ChildProtection: "child_protection",
    LegalAid: "legal_aid",
    VictimProtection: "victim_protection",
    MigrantWorkerProtection: "migrant_worker_protection",
    Repatriation: "repatriation",
    SocialRehabilitation: "social_rehabilitation",
    EconomicEmpowerment: "economic_empowerment",
    CivilDocuments: "civil_documents",
    DisabilityServices: "disability_services",
    FamilyReintegration: "family_reintegration",
});

decode_enum!(Urgency {
    Immediate: "immediate",
    Within24h: "within_24h",
    Within72h: "within_72h",
    Within7d: "within_7d",
    Routine: "routine",
});

decode_struct!(DueFrom {
    at: "at",
    hours: "hours",
});

decode_struct!(AnswerTest { at: "at", is: "is" });
decode_struct!(ValueTest {
    at: "at",
    value: "value",
});
decode_struct!(EqualsTest {
    at: "at",
    value: "value",
});
decode_struct!(NumberTest {
    at: "at",
    value: "value",
});
decode_struct!(CountYes {
    of: "of",
    at_least: "atLeast",
});
decode_struct!(WithinHours {
    at: "at",
    hours: "hours",
});

/// A boolean, a number or a string, whichever the JSON value is.
impl Decode for Scalar {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        match value {
            Value::Bool(value) => Scalar::Bool(*value),
            Value::Number(_) => Scalar::Number(f64::decode(value, at, errors)),
            Value::String(text) => Scalar::Text(text.to_owned_string()),
            _ => {
                errors.wrong_type(value, at, "a boolean, a number or a string");
                Scalar::Bool(false)
            }
        }
    }
}

/// What is wrong with an externally tagged value that is an object.
enum Untagged<'v> {
    /// A member whose name is not a variant's.
    Unknown(&'v str),
    /// No member.
    Empty,
    /// More than one member.
    Many(&'v crate::json::Object<'v>),
}

/// Finds the member of an externally tagged value: an object with exactly one member, named in
/// `names`; its position in `names`, its name and its value. `what` names the value in a message
/// (`condition`). On a problem, records it and returns `None`.
fn tagged<'v>(
    value: &'v Value<'_>,
    at: &Path<'_>,
    what: &str,
    names: &[&str],
    errors: &mut Errors,
) -> Option<(usize, &'v str, &'v Value<'v>)> {
    let Value::Object(members) = value else {
        errors.wrong_type(value, at, &joined(&["a ", what, " object with one member"]));
        return None;
    };
    let mut problem = Untagged::Empty;
    let mut found = None;
    for (name, member) in members {
        match names.iter().position(|known| *known == name) {
            Some(index) => found = Some((index, name, member)),
            None => {
                problem = Untagged::Unknown(name);
                break;
            }
        }
    }
    if members.len() > 1 && !matches!(problem, Untagged::Unknown(_)) {
        problem = Untagged::Many(members);
    }
    match (members.len(), problem) {
        (1, Untagged::Empty) => return found,
        (_, Untagged::Unknown(name)) => errors.fail(&Path::Key(at, name), || {
            joined(&[
                "unknown ",
                what,
                " `",
                name,
                "`, expected one of ",
                &super::listed(names),
            ])
        }),
        (_, problem) => errors.fail(at, || {
            let found = match problem {
                Untagged::Many(members) => {
                    // As `listed` writes them, without collecting the names first.
                    let mut found = joined(&[&decimal(members.len() as u64), " members: "]);
                    for (index, name) in members.keys().enumerate() {
                        push_listed(&mut found, index, name);
                    }
                    found
                }
                _ => "an empty object".to_owned(),
            };
            joined(&[
                "expected a ",
                what,
                " object with one member, found ",
                &found,
            ])
        }),
    }
    None
}

/// The operators of the condition language, as in JSON, in the order [`Condition::decode`] reads
/// them.
const CONDITION_NAMES: &[&str] = &[
    "all",
    "any",
    "not",
    "answer",
    "includes",
    "equals",
    "atLeast",
    "below",
    "countYes",
    "withinHours",
    "child",
    "caseType",
    "riskAtLeast",
    "trafficking",
];

impl Decode for Condition {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        let Some((index, name, v)) = tagged(value, at, "condition", CONDITION_NAMES, errors) else {
            // The stand-in, never seen: a problem is recorded.
            return Condition::All(Vec::new());
        };
        let (at, e) = (&Path::Key(at, name), errors);
        match index {
            0 => Condition::All(Decode::decode(v, at, e)),
            1 => Condition::Any(Decode::decode(v, at, e)),
            2 => Condition::Not(Decode::decode(v, at, e)),
            3 => Condition::Answer(Decode::decode(v, at, e)),
            4 => Condition::Includes(Decode::decode(v, at, e)),
            5 => Condition::Equals(Decode::decode(v, at, e)),
            6 => Condition::AtLeast(Decode::decode(v, at, e)),
            7 => Condition::Below(Decode::decode(v, at, e)),
            8 => Condition::CountYes(Decode::decode(v, at, e)),
            9 => Condition::WithinHours(Decode::decode(v, at, e)),
            10 => Condition::Child(Decode::decode(v, at, e)),
            11 => Condition::CaseType(Decode::decode(v, at, e)),
            12 => Condition::RiskAtLeast(Decode::decode(v, at, e)),
            _ => Condition::Trafficking(Decode::decode(v, at, e)),
        }
    }
}

/// The tests of a status rule, as in JSON, in the order [`StatusTest::decode`] reads them.
const STATUS_TEST_NAMES: &[&str] = &[
    "dimensionGroups",
    "dimensionsAtLeast",
    "requiredElements",
    "elementsAtLeast",
];

impl Decode for StatusTest {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        let Some((index, name, v)) = tagged(value, at, "status test", STATUS_TEST_NAMES, errors)
        else {
            // The stand-in, never seen: a problem is recorded.
            return StatusTest::RequiredElements(false);
        };
        let (at, e) = (&Path::Key(at, name), errors);
        match index {
            0 => StatusTest::DimensionGroups(Decode::decode(v, at, e)),
            1 => StatusTest::DimensionsAtLeast(Decode::decode(v, at, e)),
            2 => StatusTest::RequiredElements(Decode::decode(v, at, e)),
            _ => StatusTest::ElementsAtLeast(Decode::decode(v, at, e)),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

    use std::fmt::Debug;

    use serde::de::DeserializeOwned;

    use serde_json::Value;

    use super::*;
    use crate::decode::serde_document as document;

    const DEFAULT: &str = include_str!("../../data/rules.default.json");
    const AGENCY: &str = include_str!("../../../../examples/agency-rules.json");

    /// Values put in place of every value of a document: every JSON type, the names of enums,
    /// and conditions.
    const REPLACEMENTS: &[&str] = &[
        "null",
        "true",
        "false",
        "0",
        "3",
        "-1",
        "1.5",
        "256",
        "4294967296",
        r#""""#,
        r#""x""#,
        r#""yes""#,
        r#""strong""#,
        r#""high""#,
        r#""kpo""#,
        r#""legal_aid""#,
        r#""within_24h""#,
        r#""possible""#,
        r#""/danger/strangulation""#,
        "[]",
        "[1]",
        r#"["x"]"#,
        "[[1, 2]]",
        "{}",
        r#"{"x": 1}"#,
        r#"{"child": true}"#,
        r#"{"all": []}"#,
        r#"{"answer": {"at": "/x", "is": "no"}}"#,
        r#"{"id": "x", "en": "x"}"#,
    ];

    /// Our reader and serde's derive give the same value, or both refuse.
    ///
    /// The one known difference: serde's derive also reads a struct from an array of its
    /// members' values in order (`[]` for a struct whose members all have defaults); the
    /// schema allows only objects, and so does our reader.
    fn agree<T: Decode + DeserializeOwned + PartialEq + Debug>(
        value: &Value,
        what: &str,
    ) -> Result<(), String> {
        let ours = document::<T>(value);
        let theirs = serde_json::from_value::<T>(value.clone());
        match (ours, theirs) {
            (Ok(ours), Ok(theirs)) if ours == theirs => Ok(()),
            (Err(_), Err(_)) => Ok(()),
            (Err(ours), Ok(_)) if ours.message == "expected an object, found an array" => Ok(()),
            (ours, theirs) => Err(format!("{what}\n  ours  {ours:?}\n  serde {theirs:?}")),
        }
    }

    /// Every change of one place of `value`: each replacement, the member removed, an unknown
    /// member added. Each yields the changed value and what was changed.
    fn changes(value: &Value, mut each: impl FnMut(&Value, String)) {
        let replacements: Vec<Value> = REPLACEMENTS
            .iter()
            .map(|text| serde_json::from_str(text).unwrap())
            .collect();
        for pointer in crate::json::pointers(&value.clone().into()) {
            for replacement in &replacements {
                let mut changed = value.clone();
                *changed.pointer_mut(&pointer).unwrap() = replacement.clone();
                each(&changed, format!("{pointer} = {replacement}"));
            }
            if let Some((parent, key)) = pointer.rsplit_once('/') {
                let mut changed = value.clone();
                if let Some(Value::Object(members)) = changed.pointer_mut(parent) {
                    let key = key.replace("~1", "/").replace("~0", "~");
                    members.remove(&key);
                    each(&changed, format!("{pointer} removed"));
                }
            }
            let mut changed = value.clone();
            if let Some(Value::Object(members)) = changed.pointer_mut(&pointer) {
                members.insert("unknownMember".to_owned(), Value::Bool(true));
                each(&changed, format!("{pointer}/unknownMember added"));
            }
        }
    }

    /// Changes every place of every item of a list, read as the item's type; the number of
    /// changes.
    fn agree_in_items<T: Decode + DeserializeOwned + PartialEq + Debug>(
        document: &Value,
        list: &str,
        failures: &mut Vec<String>,
    ) -> usize {
        let items = document.pointer(list).and_then(Value::as_array).unwrap();
        assert!(!items.is_empty(), "{list}");
        let mut count = 0;
        for (index, item) in items.iter().enumerate() {
            changes(item, |changed, what| {
                count += 1;
                if let Err(failure) = agree::<T>(changed, &format!("{list}/{index}{what}")) {
                    failures.push(failure);
                }
            });
        }
        count
    }

    #[test]
    fn the_default_and_agency_rule_sets_read_as_serde_reads_them() {
        for text in [DEFAULT, AGENCY] {
            let value: Value = serde_json::from_str(text).unwrap();
            let ours = document::<RuleSetDocument>(&value).unwrap();
            let theirs: RuleSetDocument = serde_json::from_str(text).unwrap();
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn every_change_of_a_rule_reads_as_serde_reads_it() {
        let document: Value = serde_json::from_str(DEFAULT).unwrap();
        let mut failures = Vec::new();
        let count = agree_in_items::<RiskFactor>(&document, "/risk/factors", &mut failures)
            + agree_in_items::<Floor>(&document, "/risk/floors", &mut failures)
            + agree_in_items::<Dimension>(&document, "/trafficking/dimensions", &mut failures)
            + agree_in_items::<StrengthCount>(
                &document,
                "/trafficking/dimensionRule",
                &mut failures,
            )
            + agree_in_items::<StatusRule>(&document, "/trafficking/statusRules", &mut failures)
            + agree_in_items::<CatalogueEntry>(&document, "/trafficking/catalogue", &mut failures)
            + agree_in_items::<ReferralRule>(&document, "/referrals", &mut failures);
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
        assert!(count > 40_000, "only {count} changes");
    }

    #[test]
    fn every_change_outside_the_rules_reads_as_serde_reads_it() {
        // One item per list keeps each reading small; the items themselves are changed above.
        let mut document: Value = serde_json::from_str(DEFAULT).unwrap();
        for list in [
            "/risk/factors",
            "/risk/floors",
            "/trafficking/dimensions",
            "/trafficking/dimensionRule",
            "/trafficking/statusRules",
            "/trafficking/catalogue",
            "/referrals",
        ] {
            document
                .pointer_mut(list)
                .and_then(Value::as_array_mut)
                .unwrap()
                .truncate(1);
        }
        let mut failures = Vec::new();
        changes(&document, |changed, what| {
            if let Err(failure) = agree::<RuleSetDocument>(changed, &what) {
                failures.push(failure);
            }
        });
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn conditions_and_status_tests_read_as_serde_reads_them() {
        let cases = [
            r#"{"all": [{"child": true}, {"not": {"caseType": "kpo"}}]}"#,
            r#"{"any": []}"#,
            r#"{"answer": {"at": "/a", "is": "unknown"}}"#,
            r#"{"equals": {"at": "/a", "value": 3}}"#,
            r#"{"equals": {"at": "/a", "value": -2.5}}"#,
            r#"{"equals": {"at": "/a", "value": "x"}}"#,
            r#"{"equals": {"at": "/a", "value": false}}"#,
            r#"{"equals": {"at": "/a", "value": null}}"#,
            r#"{"equals": {"at": "/a", "value": [1]}}"#,
            r#"{"includes": {"at": "/a", "value": "x"}}"#,
            r#"{"atLeast": {"at": "/a", "value": 2}}"#,
            r#"{"below": {"at": "/a", "value": 2.5}}"#,
            r#"{"countYes": {"of": ["/a", "/b"], "atLeast": 2}}"#,
            r#"{"countYes": {"of": ["/a"]}}"#,
            r#"{"withinHours": {"at": "/a", "hours": 72}}"#,
            r#"{"riskAtLeast": "critical"}"#,
            r#"{"riskAtLeast": "severe"}"#,
            r#"{"trafficking": ["possible", "indicated", "not_assessed", "not_indicated"]}"#,
            r#"{"caseType": "ktk"}"#,
            r#"{"child": "yes"}"#,
            r#"{"child": true, "caseType": "kpo"}"#,
            r#"{"Child": true}"#,
            r#"{}"#,
            r#""child""#,
            r#"[{"child": true}]"#,
        ];
        let mut failures = Vec::new();
        for text in cases {
            let value: Value = serde_json::from_str(text).unwrap();
            if let Err(failure) = agree::<Condition>(&value, text) {
                failures.push(failure);
            }
        }
        let tests = [
            r#"{"dimensionGroups": [[1, 2, 3], [4], [5, 6]]}"#,
            r#"{"dimensionsAtLeast": 2}"#,
            r#"{"requiredElements": true}"#,
            r#"{"elementsAtLeast": 3}"#,
            r#"{"elementsAtLeast": 3, "requiredElements": true}"#,
            r#"{"dimensionGroups": [[300]]}"#,
            r#"{"groups": []}"#,
            r#""requiredElements""#,
        ];
        for text in tests {
            let value: Value = serde_json::from_str(text).unwrap();
            if let Err(failure) = agree::<StatusTest>(&value, text) {
                failures.push(failure);
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn every_enum_name_is_serde_s() {
        fn names<T: Decode + serde::Serialize + Debug + PartialEq>(all: &[T]) {
            for variant in all {
                let name = serde_json::to_value(variant).unwrap();
                assert_eq!(document::<T>(&name).as_ref(), Ok(variant), "{name}");
            }
        }
        names(&ServiceKind::ALL);
        names(&[Strength::Strong, Strength::Medium, Strength::Weak]);
        names(&[
            TraffickingStatus::NotAssessed,
            TraffickingStatus::NotIndicated,
            TraffickingStatus::Possible,
            TraffickingStatus::Indicated,
        ]);
        names(&[
            Urgency::Immediate,
            Urgency::Within24h,
            Urgency::Within72h,
            Urgency::Within7d,
            Urgency::Routine,
        ]);
        names(&crate::model::RiskLevel::ALL);
        names(&[crate::model::CaseType::Ktk, crate::model::CaseType::Kpo]);
        assert_eq!(ServiceKind::DECODE_NAMES.len(), ServiceKind::ALL.len());
    }

    #[test]
    fn condition_errors_name_the_place_and_the_problem() {
        let cases = [
            (
                r#"{"any": [{"child": true}, {"answr": {"at": "/a", "is": "yes"}}]}"#,
                "/any/1/answr",
                "unknown condition `answr`, expected one of `all`, `any`, `not`, `answer`, \
                 `includes`, `equals`, `atLeast`, `below`, `countYes`, `withinHours`, `child`, \
                 `caseType`, `riskAtLeast`, `trafficking`",
            ),
            (
                r#"{"not": {"caseType": "kpo", "child": true}}"#,
                "/not",
                "expected a condition object with one member, found 2 members: `caseType`, `child`",
            ),
            (
                r#"{"not": {"caseType": "kpo", "chld": true, "child": true}}"#,
                "/not/chld",
                "unknown condition `chld`, expected one of `all`, `any`, `not`, `answer`, \
                 `includes`, `equals`, `atLeast`, `below`, `countYes`, `withinHours`, `child`, \
                 `caseType`, `riskAtLeast`, `trafficking`",
            ),
            (
                r#"{"all": [{}]}"#,
                "/all/0",
                "expected a condition object with one member, found an empty object",
            ),
            (
                r#"{"all": "child"}"#,
                "/all",
                "expected an array, found a string",
            ),
            (
                r#""child""#,
                "",
                "expected a condition object with one member, found a string",
            ),
            (
                r#"{"equals": {"at": "/a", "value": null}}"#,
                "/equals/value",
                "expected a boolean, a number or a string, found null",
            ),
            (
                r#"{"countYes": {"of": ["/a"]}}"#,
                "/countYes/atLeast",
                "missing field `atLeast`",
            ),
        ];
        for (text, pointer, message) in cases {
            let value: Value = serde_json::from_str(text).unwrap();
            let error = document::<Condition>(&value).unwrap_err();
            assert_eq!(
                (error.pointer.as_str(), error.message.as_str()),
                (pointer, message),
                "{text}"
            );
        }
        let value: Value = serde_json::from_str(r#"{"groups": [[1]]}"#).unwrap();
        assert_eq!(
            document::<StatusTest>(&value).unwrap_err().message,
            "unknown status test `groups`, expected one of `dimensionGroups`, \
             `dimensionsAtLeast`, `requiredElements`, `elementsAtLeast`"
        );
    }
}
