//! The kinds of service a referral can ask for.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A kind of service in the referral network.
///
/// The order of the variants is the tie-break order of referrals of the same urgency.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// Immediate protection from further harm.
    EmergencyProtection,
    /// A report to the police (Unit PPA).
    PoliceReport,
    /// Emergency medical care.
    MedicalEmergency,
    /// Medical care that is not an emergency.
    MedicalCare,
    /// Medicolegal examination (visum et repertum).
    Medicolegal,
    /// Care after sexual assault: HIV prophylaxis within 72 h, emergency contraception within 120 h.
    SexualAssaultCare,
    /// Psychological assessment and therapy.
    Psychological,
    /// Psychosocial support.
    Psychosocial,
    /// A safe place to stay.
    SafeShelter,
    /// Child protection services.
    ChildProtection,
    /// Legal aid.
    LegalAid,
    /// Witness and victim protection (LPSK).
    VictimProtection,
    /// Protection of migrant workers (BP3MI).
    MigrantWorkerProtection,
    /// Return home from abroad or another region.
    Repatriation,
    /// Social rehabilitation (ATENSI).
    SocialRehabilitation,
    /// Economic empowerment.
    EconomicEmpowerment,
    /// Identity and civil documents (Disdukcapil).
    CivilDocuments,
    /// Services for people with disabilities.
    DisabilityServices,
    /// Family reintegration.
    FamilyReintegration,
}

impl ServiceKind {
    /// Every service kind, in tie-break order.
    pub const ALL: [ServiceKind; 19] = [
        ServiceKind::EmergencyProtection,
        ServiceKind::PoliceReport,
        ServiceKind::MedicalEmergency,
        ServiceKind::MedicalCare,
        ServiceKind::Medicolegal,
        ServiceKind::SexualAssaultCare,
        ServiceKind::Psychological,
        ServiceKind::Psychosocial,
        ServiceKind::SafeShelter,
        ServiceKind::ChildProtection,
        ServiceKind::LegalAid,
        ServiceKind::VictimProtection,
        ServiceKind::MigrantWorkerProtection,
        ServiceKind::Repatriation,
        ServiceKind::SocialRehabilitation,
        ServiceKind::EconomicEmpowerment,
        ServiceKind::CivilDocuments,
        ServiceKind::DisabilityServices,
        ServiceKind::FamilyReintegration,
    ];
}
