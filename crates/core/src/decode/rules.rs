//! Readers for the rule set's types and the condition language.
//!
//! A condition and a status test are externally tagged: an object with exactly one member, whose
//! name picks the operator (`{"all": [...]}`, `{"answer": {"at": ..., "is": ...}}`).

use serde_json::Value;

use super::{decode_enum, decode_struct, wrong_type, Decode, DecodeError};
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
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        match value {
            Value::Bool(value) => Ok(Scalar::Bool(*value)),
            Value::Number(_) => f64::decode(value, at).map(Scalar::Number),
            Value::String(text) => Ok(Scalar::Text(text.clone())),
            _ => Err(wrong_type(value, at, "a boolean, a number or a string")),
        }
    }
}

/// Reads the member of a one-member object with the reader its name picks.
type Reader<T> = fn(&Value, &Path<'_>) -> Result<T, DecodeError>;

/// Reads an externally tagged value: an object with exactly one member, named in `variants`.
/// `what` names the value in a message (`condition`).
fn tagged<T>(
    value: &Value,
    at: &Path<'_>,
    what: &str,
    variants: &[(&str, Reader<T>)],
) -> Result<T, DecodeError> {
    let expected = || format!("a {what} object with one member");
    let Value::Object(members) = value else {
        return Err(wrong_type(value, at, &expected()));
    };
    let find = |name: &str| variants.iter().find(|(known, _)| *known == name);
    let names = |names: &mut dyn Iterator<Item = &str>| {
        names
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let unknown = |name: &str| {
        DecodeError::new(
            &Path::Key(at, name),
            format!(
                "unknown {what} `{name}`, expected one of {}",
                names(&mut variants.iter().map(|(known, _)| *known))
            ),
        )
    };
    if let Some(name) = members.keys().find(|name| find(name).is_none()) {
        return Err(unknown(name));
    }
    let mut iter = members.iter();
    match (iter.next(), iter.next()) {
        (Some((name, member)), None) => match find(name) {
            Some((_, read)) => read(member, &Path::Key(at, name)),
            None => Err(unknown(name)),
        },
        (None, _) => Err(DecodeError::new(
            at,
            format!("expected {}, found an empty object", expected()),
        )),
        (Some(_), Some(_)) => Err(DecodeError::new(
            at,
            format!(
                "expected {}, found {} members: {}",
                expected(),
                members.len(),
                names(&mut members.keys().map(String::as_str))
            ),
        )),
    }
}

/// The operators of the condition language, as in JSON.
const CONDITIONS: &[(&str, Reader<Condition>)] = &[
    ("all", |v, at| Decode::decode(v, at).map(Condition::All)),
    ("any", |v, at| Decode::decode(v, at).map(Condition::Any)),
    ("not", |v, at| Decode::decode(v, at).map(Condition::Not)),
    ("answer", |v, at| Decode::decode(v, at).map(Condition::Answer)),
    ("includes", |v, at| {
        Decode::decode(v, at).map(Condition::Includes)
    }),
    ("equals", |v, at| Decode::decode(v, at).map(Condition::Equals)),
    ("atLeast", |v, at| Decode::decode(v, at).map(Condition::AtLeast)),
    ("below", |v, at| Decode::decode(v, at).map(Condition::Below)),
    ("countYes", |v, at| {
        Decode::decode(v, at).map(Condition::CountYes)
    }),
    ("withinHours", |v, at| {
        Decode::decode(v, at).map(Condition::WithinHours)
    }),
    ("child", |v, at| Decode::decode(v, at).map(Condition::Child)),
    ("caseType", |v, at| {
        Decode::decode(v, at).map(Condition::CaseType)
    }),
    ("riskAtLeast", |v, at| {
        Decode::decode(v, at).map(Condition::RiskAtLeast)
    }),
    ("trafficking", |v, at| {
        Decode::decode(v, at).map(Condition::Trafficking)
    }),
];

impl Decode for Condition {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        tagged(value, at, "condition", CONDITIONS)
    }
}

/// The tests of a status rule, as in JSON.
const STATUS_TESTS: &[(&str, Reader<StatusTest>)] = &[
    ("dimensionGroups", |v, at| {
        Decode::decode(v, at).map(StatusTest::DimensionGroups)
    }),
    ("dimensionsAtLeast", |v, at| {
        Decode::decode(v, at).map(StatusTest::DimensionsAtLeast)
    }),
    ("requiredElements", |v, at| {
        Decode::decode(v, at).map(StatusTest::RequiredElements)
    }),
    ("elementsAtLeast", |v, at| {
        Decode::decode(v, at).map(StatusTest::ElementsAtLeast)
    }),
];

impl Decode for StatusTest {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        tagged(value, at, "status test", STATUS_TESTS)
    }
}
