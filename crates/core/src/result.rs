//! The result document (`schemas/result.v1.json`): what the engine concludes about one
//! assessment, with the rules and answers behind every conclusion.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::completeness::Completeness;
use crate::problem::Problem;
use crate::referral::Referral;
use crate::risk::RiskResult;
use crate::trafficking::TraffickingResult;

/// The version of the result contract; only `"1"` exists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ResultVersion {
    /// Version 1.
    #[default]
    #[serde(rename = "1")]
    V1,
}

/// A rule set or directory, by id and version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Traced {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
}

/// The engine and the data it used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EngineInfo {
    /// The version of the lindung crate.
    pub version: String,
    /// The rule set.
    pub rules: Traced,
    /// The service directory.
    pub directory: Traced,
}

/// What the engine concludes about one assessment. Decision support, not a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(
    title = "lindung result v1",
    description = "What the lindung engine concludes about one assessment: decision support, not a decision. Every conclusion names the rules and the answers (JSON Pointers into the assessment) that produced it. When the assessment is invalid, `valid` is false, no referral is ready, and the parts that could not be computed (the assessment could not be read at all) are absent: `assessmentId`, `child`, `risk`, `trafficking` and `completeness` are then left out and `referrals` is empty."
)]
pub struct AssessmentResult {
    /// The version of this contract: `"1"`.
    pub schema_version: ResultVersion,
    /// The engine, rule set and directory used.
    pub engine: EngineInfo,
    /// The assessment's `id`, copied; absent when it could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_id: Option<String>,
    /// True when the assessment has no errors.
    pub valid: bool,
    /// Problems that make the assessment unusable.
    pub errors: Vec<Problem>,
    /// Findings an officer should see.
    pub warnings: Vec<Problem>,
    /// Whether the person is under 18 at `assessedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child: Option<bool>,
    /// Risk of further serious harm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskResult>,
    /// Trafficking identification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trafficking: Option<TraffickingResult>,
    /// Referrals, by urgency then service kind.
    pub referrals: Vec<Referral>,
    /// How complete the assessment is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completeness: Option<Completeness>,
}

impl AssessmentResult {
    /// The result as compact JSON; the same result always gives the same bytes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The result as pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
