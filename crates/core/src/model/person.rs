//! The person assessed, and the guardian of a child.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Answer, Region};
use super::set::Set;

/// The person being assessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    /// The person's name, if they want it recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 200))]
    pub name: Option<String>,
    /// Date of birth. `birthDate` or `ageYears` is required; if both, they must agree within a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
    /// Age in whole years at `assessedAt`, when the birth date is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 130))]
    pub age_years: Option<u8>,
    /// Sex.
    pub sex: Sex,
    /// Nomor Induk Kependudukan, the 16-digit national identity number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{16}$"))]
    pub nik: Option<String>,
    /// Citizenship, ISO 3166-1 alpha-2 (`ID` when absent).
    #[serde(default = "indonesia")]
    #[schemars(regex(pattern = r"^[A-Z]{2}$"))]
    pub nationality: String,
    /// Disabilities, if any.
    #[serde(default, skip_serializing_if = "Set::is_empty")]
    pub disabilities: Set<Disability>,
    /// Whether the person is pregnant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pregnant: Option<Answer>,
    /// Where the person lives; chooses the providers of referrals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domicile: Option<Region>,
    /// A way to reach the person safely.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safe_contact: Option<SafeContact>,
}

/// The nationality of a person when none is recorded.
pub(crate) fn indonesia() -> String {
    "ID".to_owned()
}

/// Sex as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Sex {
    Female,
    Male,
}

/// A kind of disability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Disability {
    Physical,
    Sensory,
    Intellectual,
    Psychosocial,
}

/// How to contact the person without putting them at risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SafeContact {
    /// A phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\+?[0-9][0-9 -]{2,19}$"))]
    pub phone: Option<String>,
    /// Whether calling is safe.
    pub safe_to_call: Answer,
    /// When or how to call, or what not to say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 500))]
    pub note: Option<String>,
}

/// The parent or guardian of a child, required when the person is under 18 at `assessedAt`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Guardian {
    /// How the guardian is related to the child.
    pub relationship: GuardianRelationship,
    /// Whether the guardian is suspected of the harm; then they are never the route for referrals.
    pub suspected_perpetrator: bool,
    /// Whether the guardian gave consent for the child.
    pub consent_given: bool,
}

/// How a guardian is related to the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum GuardianRelationship {
    Mother,
    Father,
    StepParent,
    Grandparent,
    Sibling,
    Relative,
    FosterParent,
    LegalGuardian,
    Other,
}
