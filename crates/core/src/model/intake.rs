//! Who assessed, which case types, how the case arrived, and the consent recorded per purpose.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Region;

/// The officer who carried out the assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assessor {
    /// The officer's name.
    #[schemars(length(min = 1, max = 200))]
    pub name: String,
    /// The officer's agency.
    #[schemars(length(min = 1, max = 200))]
    pub agency: String,
    /// The officer's profession.
    pub role: AssessorRole,
}

/// The profession of the assessing officer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum AssessorRole {
    SocialWorker,
    Psychologist,
    Counsellor,
    Police,
    HealthWorker,
    Other,
}

/// The client group of a case; a case is often both.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CaseType {
    /// Korban Tindak Kekerasan: a victim of violence.
    Ktk,
    /// Korban Perdagangan Orang: a victim of trafficking.
    Kpo,
}

/// How the case came to the agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Intake {
    /// Who brought the case.
    pub source: IntakeSource,
    /// Where the case was taken in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// The language the person prefers, as an ISO 639 code (`id`, `bjn`, `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[a-z]{2,3}$"))]
    pub language: Option<String>,
}

/// Who brought the case to the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum IntakeSource {
    #[serde(rename = "self")]
    SelfReferral,
    Family,
    Community,
    Police,
    HealthFacility,
    Bp3mi,
    UptdPpa,
    Ngo,
    Hotline,
    School,
    Other,
}

/// Consent recorded per purpose (UU 27/2022 PDP Pasal 20–25).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Consent {
    /// Consent to receive services.
    pub services: bool,
    /// Consent to share information with the agencies a referral names.
    pub info_sharing: bool,
    /// Consent to report the case (for example to the police).
    pub reporting: bool,
    /// How consent was recorded; required when any purpose is consented to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_as: Option<ConsentRecord>,
    /// A recorded vital-interest basis that lets urgent referrals go ahead without consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency: Option<EmergencyBasis>,
}

/// How consent was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsentRecord {
    /// Signed in writing.
    Written,
    /// Given orally and recorded.
    RecordedVerbal,
    /// Given by a parent or guardian for a child.
    Guardian,
}

/// The vital-interest basis for acting without consent (UU 27/2022 Pasal 20).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmergencyBasis {
    /// Why the person's life or safety requires acting now.
    #[schemars(length(min = 10, max = 2000))]
    pub reason: String,
}
