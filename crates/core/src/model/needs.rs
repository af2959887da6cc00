//! The person's needs, and the officer's professional judgement of the risk.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::violence::answers;

answers! {
    /// What the person needs, as the officer found. An absent question was not asked.
    Needs {
        /// Needs medical care now.
        medical_urgent => "medicalUrgent",
        /// Needs medical care.
        medical => "medical",
        /// Needs psychological support.
        psychological => "psychological",
        /// Needs a safe place to stay.
        shelter => "shelter",
        /// Needs legal help.
        legal => "legal",
        /// Needs income or economic support.
        economic => "economic",
        /// Needs identity or civil documents.
        documents => "documents",
        /// Needs schooling or training.
        education => "education",
        /// Needs to return home from abroad or another region.
        repatriation => "repatriation",
        /// Needs to be reunited with family.
        family_reunification => "familyReunification",
        /// Needs support for a disability.
        disability_support => "disabilitySupport",
    }
}

/// A level of risk of further serious harm, in ascending order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
    /// Critical: act now.
    Critical,
}

impl RiskLevel {
    /// Every level, ascending.
    pub const ALL: [RiskLevel; 4] = [
        RiskLevel::Low,
        RiskLevel::Medium,
        RiskLevel::High,
        RiskLevel::Critical,
    ];

    /// The snake_case name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RiskLevel::Low => "low",
            RiskLevel::Medium => "medium",
            RiskLevel::High => "high",
            RiskLevel::Critical => "critical",
        }
    }
}

/// The officer's own level of risk, with the reason; it may differ from the computed one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfessionalJudgement {
    /// The officer's level.
    pub level: RiskLevel,
    /// Why; 10 to 2000 characters.
    #[schemars(length(min = 10, max = 2000))]
    pub reason: String,
}
