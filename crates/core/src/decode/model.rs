//! Readers for the assessment's types: the model of [`crate::model`].
//!
//! The JSON names and the values of absent members are serde's, as the derives on the types say:
//! fields camelCase, enum values snake_case, `#[serde(default)]` members their default. A property
//! test holds this reading to serde's.

use crate::json::Value;

use super::{decode_enum, decode_struct, Decode, DecodeKey, Errors};
use crate::json::Path;
use crate::model::{
    indonesia, Answer, Assessment, Assessor, AssessorRole, CaseType, Consent, ConsentRecord,
    CurrentLocation, Danger, Departure, Disability, EmergencyBasis, EventKind, Exploitation,
    Guardian, GuardianRelationship, IndicatorAnswers, IndicatorId, Injuries, Intake, IntakeSource,
    Means, Migration, Needs, Perpetrator, Person, Process, ProfessionalJudgement, Region,
    Relationship, RiskLevel, SafeContact, SchemaVersion, Sex, SexualViolenceType, Trafficking,
    TraffickingEvent, Violence, ViolenceForm, ViolenceSetting,
};

decode_struct!(Assessment {
    schema_version: "schemaVersion",
    id: "id",
    assessed_at: "assessedAt",
    assessor: "assessor",
    case_types: "caseTypes",
    intake: "intake",
    consent: "consent",
    person: "person",
    guardian: "guardian",
    violence: "violence",
    danger: "danger" = Default::default(),
    trafficking: "trafficking",
    needs: "needs" = Default::default(),
    professional_judgement: "professionalJudgement",
    notes: "notes",
});

decode_enum!(SchemaVersion { V1: "1" });

// Shared pieces.

decode_enum!(Answer {
    Yes: "yes",
    No: "no",
    Unknown: "unknown"
});
decode_struct!(Region {
    province: "province",
    regency: "regency"
});

// Who assessed, the case types, the intake and consent.

decode_struct!(Assessor {
    name: "name",
    agency: "agency",
    role: "role"
});

decode_enum!(AssessorRole {
    SocialWorker: "social_worker",
    Psychologist: "psychologist",
    Counsellor: "counsellor",
    Police: "police",
    HealthWorker: "health_worker",
    Other: "other",
});

decode_enum!(CaseType {
    Ktk: "ktk",
    Kpo: "kpo"
});

decode_struct!(Intake {
    source: "source",
    region: "region",
    language: "language"
});

decode_enum!(IntakeSource {
    SelfReferral: "self",
    Family: "family",
    Community: "community",
    Police: "police",
    HealthFacility: "health_facility",
    Bp3mi: "bp3mi",
    UptdPpa: "uptd_ppa",
    Ngo: "ngo",
    Hotline: "hotline",
    School: "school",
    Other: "other",
});

decode_struct!(Consent {
    services: "services",
    info_sharing: "infoSharing",
    reporting: "reporting",
    recorded_as: "recordedAs",
    emergency: "emergency",
});

decode_enum!(ConsentRecord {
    Written: "written",
    RecordedVerbal: "recorded_verbal",
    Guardian: "guardian",
});

decode_struct!(EmergencyBasis { reason: "reason" });

// The person and the guardian.

decode_struct!(Person {
    name: "name",
    birth_date: "birthDate",
    age_years: "ageYears",
    sex: "sex",
    nik: "nik",
    nationality: "nationality" = indonesia(),
    disabilities: "disabilities" = Default::default(),
    pregnant: "pregnant",
    domicile: "domicile",
    safe_contact: "safeContact",
});

decode_enum!(Sex {
    Female: "female",
    Male: "male"
});

decode_enum!(Disability {
    Physical: "physical",
    Sensory: "sensory",
    Intellectual: "intellectual",
    Psychosocial: "psychosocial",
});

decode_struct!(SafeContact {
    phone: "phone",
    safe_to_call: "safeToCall",
    note: "note"
});

decode_struct!(Guardian {
    relationship: "relationship",
    suspected_perpetrator: "suspectedPerpetrator",
    consent_given: "consentGiven",
});

decode_enum!(GuardianRelationship {
    Mother: "mother",
    Father: "father",
    StepParent: "step_parent",
    Grandparent: "grandparent",
    Sibling: "sibling",
    Relative: "relative",
    FosterParent: "foster_parent",
    LegalGuardian: "legal_guardian",
    Other: "other",
});

// Violence and the danger questions.

decode_struct!(Violence {
    forms: "forms",
    sexual_violence: "sexualViolence" = Default::default(),
    setting: "setting",
    perpetrators: "perpetrators",
    first_incident_on: "firstIncidentOn",
    last_incident_on: "lastIncidentOn",
    incidents_last_12_months: "incidentsLast12Months",
    injuries: "injuries",
    last_sexual_assault_at: "lastSexualAssaultAt",
});

decode_enum!(ViolenceForm {
    Physical: "physical",
    Psychological: "psychological",
    Sexual: "sexual",
    Neglect: "neglect",
});

decode_enum!(SexualViolenceType {
    NonPhysicalHarassment: "non_physical_harassment",
    PhysicalHarassment: "physical_harassment",
    ForcedContraception: "forced_contraception",
    ForcedSterilisation: "forced_sterilisation",
    ForcedMarriage: "forced_marriage",
    SexualTorture: "sexual_torture",
    SexualExploitation: "sexual_exploitation",
    SexualSlavery: "sexual_slavery",
    Electronic: "electronic",
    Rape: "rape",
    ObsceneActs: "obscene_acts",
    Other: "other",
});

decode_enum!(ViolenceSetting {
    Household: "household",
    Workplace: "workplace",
    School: "school",
    Institution: "institution",
    Public: "public",
    Online: "online",
    Other: "other",
});

decode_struct!(Perpetrator {
    relationship: "relationship",
    lives_with_victim: "livesWithVictim",
    has_access: "hasAccess",
});

decode_enum!(Relationship {
    Spouse: "spouse",
    FormerSpouse: "former_spouse",
    Partner: "partner",
    FormerPartner: "former_partner",
    Parent: "parent",
    StepParent: "step_parent",
    Relative: "relative",
    Employer: "employer",
    Coworker: "coworker",
    Teacher: "teacher",
    Caregiver: "caregiver",
    Recruiter: "recruiter",
    Acquaintance: "acquaintance",
    Stranger: "stranger",
    Other: "other",
});

decode_enum!(Injuries {
    None: "none",
    Minor: "minor",
    Serious: "serious",
    LifeThreatening: "life_threatening",
    Unknown: "unknown",
});

decode_struct!(Danger {
    strangulation: "strangulation",
    threats_to_kill: "threatsToKill",
    weapon_used: "weaponUsed",
    weapon_access: "weaponAccess",
    escalation: "escalation",
    separation: "separation",
    stalking: "stalking",
    coercive_control: "coerciveControl",
    forced_sex: "forcedSex",
    abuse_during_pregnancy: "abuseDuringPregnancy",
    children_threatened: "childrenThreatened",
    perpetrator_substance_abuse: "perpetratorSubstanceAbuse",
    perpetrator_suicidal: "perpetratorSuicidal",
    perpetrator_prior_violence: "perpetratorPriorViolence",
    breach_of_order: "breachOfOrder",
    isolation: "isolation",
    fears_for_life: "fearsForLife",
    perpetrator_nearby: "perpetratorNearby",
    no_safe_place_tonight: "noSafePlaceTonight",
});

// Trafficking.

decode_struct!(Trafficking {
    process: "process" = Default::default(),
    means: "means" = Default::default(),
    exploitation: "exploitation" = Default::default(),
    indicators: "indicators" = Default::default(),
    migration: "migration",
    events: "events" = Default::default(),
    recruiter_relationship: "recruiterRelationship",
});

decode_enum!(Process {
    Recruitment: "recruitment",
    Transport: "transport",
    Transfer: "transfer",
    Harbouring: "harbouring",
    Receipt: "receipt",
});

decode_enum!(Means {
    Threat: "threat",
    Force: "force",
    Abduction: "abduction",
    Confinement: "confinement",
    Forgery: "forgery",
    Deception: "deception",
    AbuseOfPower: "abuse_of_power",
    AbuseOfVulnerability: "abuse_of_vulnerability",
    DebtBondage: "debt_bondage",
    PaymentToController: "payment_to_controller",
});

decode_enum!(Exploitation {
    ForcedLabour: "forced_labour",
    DomesticServitude: "domestic_servitude",
    SexualExploitation: "sexual_exploitation",
    ForcedMarriage: "forced_marriage",
    ForcedCriminality: "forced_criminality",
    Begging: "begging",
    OrganRemoval: "organ_removal",
    SlaveryLike: "slavery_like",
    Other: "other",
});

decode_struct!(Migration {
    migrant_worker: "migrantWorker",
    destination_country: "destinationCountry",
    departure: "departure",
    current_location: "currentLocation",
    documents_held_by_others: "documentsHeldByOthers",
});

decode_enum!(Departure {
    Procedural: "procedural",
    NonProcedural: "non_procedural",
    Unknown: "unknown",
});

decode_enum!(CurrentLocation {
    Abroad: "abroad",
    InTransit: "in_transit",
    HomeRegion: "home_region",
    ElsewhereInIndonesia: "elsewhere_in_indonesia",
});

decode_struct!(TraffickingEvent {
    kind: "kind",
    place: "place",
    country: "country",
    from: "from",
    to: "to",
});

decode_enum!(EventKind {
    Recruitment: "recruitment",
    Transit: "transit",
    Exploitation: "exploitation",
});

/// The indicator ids come from the catalogue's own table, not a second list of 67 names.
impl DecodeKey for IndicatorId {
    fn decode_key(key: &str, at: &Path<'_>, errors: &mut Errors) -> Self {
        IndicatorId::parse(key).unwrap_or_else(|| {
            errors.fail_with(at, &["unknown indicator id `", key, "`"]);
            IndicatorId::ALL[0]
        })
    }
}

/// The answers by id: each member read in the object's order, a later answer to an id replacing an
/// earlier one (the reader has already refused a repeated key).
impl Decode for IndicatorAnswers {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        let mut out = IndicatorAnswers::new();
        let Value::Object(members) = value else {
            errors.wrong_type(value, at, "an object");
            return out;
        };
        for (key, member) in members {
            let here = Path::Key(at, key);
            let id = IndicatorId::decode_key(key, &here, errors);
            out.insert(id, Answer::decode(member, &here, errors));
        }
        out
    }
}

impl Decode for IndicatorId {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        match value {
            Value::String(text) => IndicatorId::decode_key(text, at, errors),
            _ => {
                errors.wrong_type(value, at, "an indicator id");
                IndicatorId::ALL[0]
            }
        }
    }
}

// Needs and the officer's judgement.

decode_struct!(Needs {
    medical_urgent: "medicalUrgent",
    medical: "medical",
    psychological: "psychological",
    shelter: "shelter",
    legal: "legal",
    economic: "economic",
    documents: "documents",
    education: "education",
    repatriation: "repatriation",
    family_reunification: "familyReunification",
    disability_support: "disabilitySupport",
});

decode_enum!(RiskLevel {
    Low: "low",
    Medium: "medium",
    High: "high",
    Critical: "critical",
});

decode_struct!(ProfessionalJudgement {
    level: "level",
    reason: "reason"
});

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::decode::{serde_document as document, DecodeError};

    /// A small sound assessment of both case types, with every defaulted member left out.
    fn minimal() -> Value {
        json!({
            "schemaVersion": "1",
            "id": "T-1",
            "assessedAt": "2026-11-29T10:00:00+08:00",
            "assessor": {"name": "Officer", "agency": "UPTD PPA", "role": "social_worker"},
            "caseTypes": ["ktk", "kpo"],
            "intake": {"source": "self"},
            "consent": {"services": false, "infoSharing": false, "reporting": false},
            "person": {"ageYears": 30, "sex": "female"},
            "violence": {
                "forms": ["physical"],
                "setting": "household",
                "perpetrators": [
                    {"relationship": "spouse", "livesWithVictim": "yes", "hasAccess": "unknown"}
                ],
                "injuries": "minor"
            },
            "trafficking": {}
        })
    }

    /// The error reading `value` as an assessment, if any.
    fn error(value: &Value) -> Option<DecodeError> {
        document::<Assessment>(value).err()
    }

    fn expected(pointer: &str, message: &str) -> Option<DecodeError> {
        Some(DecodeError {
            pointer: pointer.to_owned(),
            message: message.to_owned(),
        })
    }

    #[test]
    fn absent_members_take_serde_defaults() -> Result<(), DecodeError> {
        let read: Assessment = document(&minimal())?;
        assert_eq!(read.schema_version, SchemaVersion::V1);
        assert_eq!(read.intake.source, IntakeSource::SelfReferral);
        assert_eq!(read.person.nationality, "ID");
        assert!(read.person.disabilities.is_empty());
        assert_eq!(read.person.name, None);
        assert!(read.danger.is_empty());
        assert!(read.needs.is_empty());
        assert_eq!(read.guardian, None);
        assert_eq!(read.professional_judgement, None);
        let violence = read.violence.as_ref();
        assert!(violence.is_some_and(|v| v.sexual_violence.is_empty()));
        assert_eq!(read.trafficking, Some(Trafficking::default()));
        Ok(())
    }

    #[test]
    fn null_is_an_absent_option() -> Result<(), DecodeError> {
        let mut value = minimal();
        value["notes"] = Value::Null;
        value["person"]["birthDate"] = Value::Null;
        let read: Assessment = document(&value)?;
        assert_eq!(read.notes, None);
        assert_eq!(read.person.birth_date, None);
        Ok(())
    }

    #[test]
    fn a_wrong_type_is_named_where_it_is() {
        let mut value = minimal();
        value["person"]["sex"] = json!(1);
        assert_eq!(
            error(&value),
            expected("/person/sex", "expected a string, found a number")
        );
        let mut value = minimal();
        value["violence"]["perpetrators"][0]["hasAccess"] = json!(["yes"]);
        assert_eq!(
            error(&value),
            expected(
                "/violence/perpetrators/0/hasAccess",
                "expected a string, found an array"
            )
        );
        let mut value = minimal();
        value["person"]["ageYears"] = json!(300);
        assert_eq!(
            error(&value),
            expected("/person/ageYears", "300 is over the largest allowed, 255")
        );
    }

    #[test]
    fn an_unknown_member_is_refused() {
        let mut value = minimal();
        value["consent"]["colour"] = json!("red");
        assert_eq!(
            error(&value),
            expected(
                "/consent/colour",
                "unknown field `colour`, expected one of `services`, `infoSharing`, `reporting`, \
                 `recordedAs`, `emergency`"
            )
        );
    }

    #[test]
    fn a_missing_required_member_is_named() {
        let mut value = minimal();
        value["person"]
            .as_object_mut()
            .map(|person| person.remove("sex"));
        assert_eq!(
            error(&value),
            expected("/person/sex", "missing field `sex`")
        );
        let mut value = minimal();
        value
            .as_object_mut()
            .map(|root| root.remove("schemaVersion"));
        assert_eq!(
            error(&value),
            expected("/schemaVersion", "missing field `schemaVersion`")
        );
    }

    #[test]
    fn enum_values_are_serde_names() {
        let mut value = minimal();
        value["intake"]["source"] = json!("self_referral");
        let message = error(&value).map(|e| (e.pointer, e.message));
        assert!(
            message
                .as_ref()
                .is_some_and(|(pointer, message)| pointer == "/intake/source"
                    && message
                        .starts_with("unknown value `self_referral`, expected one of `self`, ")),
            "{message:?}"
        );
        let mut value = minimal();
        value["schemaVersion"] = json!("2");
        assert_eq!(
            error(&value),
            expected("/schemaVersion", "unknown value `2`, expected one of `1`")
        );
    }

    #[test]
    fn indicators_are_read_by_catalogue_id() -> Result<(), DecodeError> {
        let mut value = minimal();
        value["trafficking"]["indicators"] = json!({"d1_wages": "yes", "d6_economic": "no"});
        let read: Assessment = document(&value)?;
        let indicators = read.trafficking.map(|t| t.indicators).unwrap_or_default();
        assert_eq!(indicators.get(IndicatorId::D1Wages), Some(Answer::Yes));
        assert_eq!(indicators.get(IndicatorId::D6Economic), Some(Answer::No));
        assert_eq!(indicators.len(), 2);

        value["trafficking"]["indicators"] = json!({"d9_nothing": "yes"});
        assert_eq!(
            error(&value),
            expected(
                "/trafficking/indicators/d9_nothing",
                "unknown indicator id `d9_nothing`"
            )
        );
        Ok(())
    }

    #[test]
    fn a_repeated_set_value_is_refused() {
        let mut value = minimal();
        value["caseTypes"] = json!(["ktk", "kpo", "ktk"]);
        assert_eq!(
            error(&value),
            expected("/caseTypes/2", "this value is already in the list")
        );
    }

    #[test]
    fn every_danger_and_needs_question_is_read() -> Result<(), DecodeError> {
        let mut value = minimal();
        for (section, questions) in [("danger", Danger::QUESTIONS), ("needs", Needs::QUESTIONS)] {
            value[section] = questions
                .iter()
                .map(|name| ((*name).to_owned(), json!("yes")))
                .collect::<serde_json::Map<_, _>>()
                .into();
        }
        let read: Assessment = document(&value)?;
        assert!(read.danger.answers().all(|(_, a)| a == Some(Answer::Yes)));
        assert!(read.needs.answers().all(|(_, a)| a == Some(Answer::Yes)));
        Ok(())
    }

    #[test]
    fn dates_are_read_strictly() {
        let mut value = minimal();
        value["assessedAt"] = json!("2026-11-29 10:00:00+08:00");
        assert_eq!(
            error(&value),
            expected(
                "/assessedAt",
                "`2026-11-29 10:00:00+08:00` is not a date and time with an offset (RFC 3339)"
            )
        );
        let mut value = minimal();
        value["person"]["birthDate"] = json!("2026-02-29");
        assert_eq!(
            error(&value),
            expected(
                "/person/birthDate",
                "`2026-02-29` is not a date (YYYY-MM-DD)"
            )
        );
    }
}
