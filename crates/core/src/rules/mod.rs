//! The rule set: risk factors and their weights, level thresholds and floors, the trafficking
//! indicator catalogue with the dimension and case rules, and the referral rules — all data, with
//! a schema, checked when loaded.
//!
//! [`RuleSet::builtin`] is the project's default (`crates/core/data/rules.default.json`); an agency
//! may replace it whole with [`RuleSet::from_json`].

mod check;
mod markdown;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::condition::{Compiled, Condition};
use crate::model::{IndicatorId, RiskLevel, Text};
use crate::referral::Urgency;
use crate::service::ServiceKind;
use crate::trafficking::{Profile, TraffickingStatus};

pub use check::RuleSetError;
pub use markdown::rules_markdown;

/// The largest rule-set document accepted, in bytes (1 MiB).
pub const MAX_BYTES: usize = 1024 * 1024;

/// The default rule set, compact: the module carries no indentation.
const BUILTIN: &[u8] = {
    const TEXT: &[u8] = include_bytes!("../../data/rules.default.json");
    &crate::json::compact::<{ crate::json::compact_len(TEXT) }>(TEXT)
};

/// A rule-set document, as written in JSON (`schemas/rules.v1.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(
    title = "lindung rule set v1",
    description = "The rules the lindung engine applies: risk factors with weights, level thresholds and floors, the trafficking indicator catalogue with the dimension and status rules, and the referral rules. Rules a JSON Schema cannot say are checked by the lindung loader: every rule id is unique; every pointer in a condition names a field of the assessment and fits its operator; `riskAtLeast` and `trafficking` appear only in referral rules; thresholds ascend; every label has both languages; catalogue ids are indicator ids of the assessment, each once, in its own dimension."
)]
pub struct RuleSetDocument {
    /// The rule set's identifier, traced in every result.
    #[schemars(regex(pattern = r"^[A-Za-z0-9._-]{1,64}$"))]
    pub id: String,
    /// The rule set's version, traced in every result.
    #[schemars(length(min = 1, max = 32))]
    pub version: String,
    /// The rule set's name.
    pub label: Text,
    /// What the rule set is, where its weights come from, and what it is not.
    pub description: Text,
    /// Risk of further serious harm.
    pub risk: RiskRules,
    /// Trafficking identification.
    pub trafficking: TraffickingRules,
    /// Referral rules.
    pub referrals: Vec<ReferralRule>,
}

/// Risk factors, thresholds and floors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RiskRules {
    /// The factors; the score is the sum of the weights of those whose condition holds.
    pub factors: Vec<RiskFactor>,
    /// The lowest score of each level above low.
    pub thresholds: Thresholds,
    /// Floors, applied in the order listed, each against the level reached so far.
    pub floors: Vec<Floor>,
}

/// One weighted risk factor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RiskFactor {
    /// Stable rule id.
    pub id: String,
    /// What the factor is.
    pub label: Text,
    /// The law or source, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// The weight added to the score; never negative, so a "yes" never lowers the score.
    #[schemars(range(max = 100))]
    pub weight: u32,
    /// When the factor is present.
    pub when: Condition,
}

/// The lowest score of each level: low below `medium`, then medium, high, critical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Thresholds {
    /// The lowest score of medium.
    pub medium: u32,
    /// The lowest score of high.
    pub high: u32,
    /// The lowest score of critical.
    pub critical: u32,
}

impl Thresholds {
    /// The level of a score.
    pub fn level(&self, score: u32) -> RiskLevel {
        if score >= self.critical {
            RiskLevel::Critical
        } else if score >= self.high {
            RiskLevel::High
        } else if score >= self.medium {
            RiskLevel::Medium
        } else {
            RiskLevel::Low
        }
    }
}

/// A level the result cannot go below when the condition holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Floor {
    /// Stable rule id.
    pub id: String,
    /// What the floor is.
    pub label: Text,
    /// The law or source, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// The lowest level when the floor applies.
    pub level: RiskLevel,
    /// When the floor applies.
    pub when: Condition,
    /// Apply only when the level reached so far (score, then earlier floors) is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_level_at_least: Option<RiskLevel>,
}

/// How strongly an indicator points to trafficking.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// Strong.
    Strong,
    /// Medium.
    Medium,
    /// Weak.
    Weak,
}

/// An indicator's strength in each profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Strengths {
    /// Adult, labour exploitation.
    pub adult_labour: Strength,
    /// Adult, sexual exploitation.
    pub adult_sexual: Strength,
    /// Child, labour exploitation.
    pub child_labour: Strength,
    /// Child, sexual exploitation.
    pub child_sexual: Strength,
}

impl Strengths {
    /// The strength in a profile.
    pub fn get(&self, profile: Profile) -> Strength {
        match profile {
            Profile::AdultLabour => self.adult_labour,
            Profile::AdultSexual => self.adult_sexual,
            Profile::ChildLabour => self.child_labour,
            Profile::ChildSexual => self.child_sexual,
        }
    }
}

/// Trafficking identification rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TraffickingRules {
    /// Where the strengths come from and where they are borrowed.
    pub strength_source: Text,
    /// Whether a child's case needs the "means" element.
    pub child_needs_no_means: LegalSetting,
    /// The six dimensions of the ILO/EC indicators.
    pub dimensions: Vec<Dimension>,
    /// A dimension is present when any of these minimum counts of "yes" answers is reached.
    pub dimension_rule: Vec<StrengthCount>,
    /// The status rules; the first `indicated` rule that holds wins, else the first `possible`.
    pub status_rules: Vec<StatusRule>,
    /// The indicator catalogue.
    pub catalogue: Vec<CatalogueEntry>,
}

/// A legal setting with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LegalSetting {
    /// Whether the setting is on.
    pub enabled: bool,
    /// The law or source.
    pub basis: String,
}

/// One dimension of the indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dimension {
    /// 1 to 6.
    #[schemars(range(min = 1, max = 6))]
    pub id: u8,
    /// The dimension's name.
    pub label: Text,
}

/// Minimum counts of "yes" answers by strength; all must be reached.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StrengthCount {
    /// Strong indicators.
    #[serde(default)]
    pub strong: u32,
    /// Medium indicators.
    #[serde(default)]
    pub medium: u32,
    /// Weak indicators.
    #[serde(default)]
    pub weak: u32,
    /// Medium or weak indicators together.
    #[serde(default)]
    pub medium_or_weak: u32,
}

impl StrengthCount {
    /// True when `counts` reaches every minimum of `self`.
    pub fn reached_by(&self, strong: u32, medium: u32, weak: u32) -> bool {
        strong >= self.strong
            && medium >= self.medium
            && weak >= self.weak
            && medium.saturating_add(weak) >= self.medium_or_weak
    }
}

/// A rule that gives a trafficking status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusRule {
    /// Stable rule id.
    pub id: String,
    /// What the rule says.
    pub label: Text,
    /// The law or source, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// `indicated` or `possible`.
    pub status: TraffickingStatus,
    /// What must hold.
    pub test: StatusTest,
}

/// What a status rule tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum StatusTest {
    /// In every group, at least one dimension is present (`[[1,2,3],[4],[5,6]]`).
    DimensionGroups(Vec<Vec<u8>>),
    /// At least this many dimensions are present.
    DimensionsAtLeast(u32),
    /// Every required legal element is met (means is not required for a child when
    /// `childNeedsNoMeans` is on); `true` to use.
    RequiredElements(bool),
    /// At least this many of the three legal elements are met.
    ElementsAtLeast(u32),
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CatalogueEntry {
    /// The indicator id, as in the assessment (`d1_job_nature`).
    pub id: String,
    /// Its dimension, 1 to 6 (the digit of the id).
    #[schemars(range(min = 1, max = 6))]
    pub dimension: u8,
    /// Its strength per profile.
    pub strength: Strengths,
    /// The question, in plain words.
    pub label: Text,
}

/// A referral rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReferralRule {
    /// Stable rule id.
    pub id: String,
    /// What the referral is for.
    pub label: Text,
    /// The law or source, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// The service asked for.
    pub service: ServiceKind,
    /// How soon.
    pub urgency: Urgency,
    /// When the rule applies; may use `riskAtLeast` and `trafficking`.
    pub when: Condition,
    /// Apply only when another rule already refers to this service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_service: Option<ServiceKind>,
    /// Count the deadline from a date-time of the assessment instead of `assessedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_from: Option<DueFrom>,
}

/// A deadline counted from a date-time of the assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DueFrom {
    /// JSON Pointer of a date-time field.
    pub at: String,
    /// Hours after it.
    pub hours: u32,
}

/// A checked rule set, ready for the engine.
#[derive(Debug, Clone)]
pub struct RuleSet {
    document: RuleSetDocument,
    pub(crate) compiled: Checked,
}

/// The conditions of a rule set, compiled, in the order of the document.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub factors: Vec<Compiled>,
    pub floors: Vec<Compiled>,
    pub referrals: Vec<Compiled>,
    pub due_from: Vec<Option<&'static crate::fields::Field>>,
    pub catalogue: Vec<IndicatorId>,
    /// Every field the factors and floors read, each once, in rule order.
    pub risk_fields: Vec<&'static crate::fields::Field>,
    /// The answer fields the floors read: the key questions of a `ktk` case.
    pub floor_answers: Vec<&'static crate::fields::Field>,
}

impl RuleSet {
    /// The built-in default rule set.
    ///
    /// ```
    /// let rules = lindung::rules::RuleSet::builtin();
    /// assert_eq!(rules.document().id, "lindung-default");
    /// assert_eq!(rules.document().trafficking.catalogue.len(), 67);
    /// ```
    pub fn builtin() -> RuleSet {
        // A test proves the data file loads; an empty rule set would refer nobody, so a broken
        // build fails that test rather than shipping.
        RuleSet::from_json(BUILTIN).unwrap_or_else(|_| RuleSet::empty())
    }

    /// Reads and checks a rule-set document.
    ///
    /// Everything is checked here: the JSON shape, unique rule ids, every pointer and operator of
    /// every condition, ascending thresholds, both label languages, the catalogue ids and their
    /// dimensions. The error names the rule, the field and the problem; it never panics.
    ///
    /// ```
    /// use lindung::rules::RuleSet;
    ///
    /// let mut doc: serde_json::Value = serde_json::from_str(&RuleSet::builtin().to_json())?;
    /// doc["risk"]["factors"][0]["when"] = serde_json::json!({"answer":{"at":"/danger/choking","is":"yes"}});
    /// let error = RuleSet::from_json(doc.to_string().as_bytes()).unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "rule `risk.strangulation`, field `when`: pointer `/danger/choking` is not a field of the assessment"
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_json(bytes: &[u8]) -> Result<RuleSet, RuleSetError> {
        check::from_json(bytes)
    }

    /// Checks a document already read.
    pub fn from_document(document: RuleSetDocument) -> Result<RuleSet, RuleSetError> {
        let compiled = check::check(&document)?;
        Ok(RuleSet { document, compiled })
    }

    /// The document, as loaded.
    pub fn document(&self) -> &RuleSetDocument {
        &self.document
    }

    /// The document as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.document).unwrap_or_default()
    }

    fn empty() -> RuleSet {
        let text = |s: &str| Text {
            id: s.to_owned(),
            en: s.to_owned(),
        };
        RuleSet {
            document: RuleSetDocument {
                id: "empty".to_owned(),
                version: "0".to_owned(),
                label: text("empty"),
                description: text("empty"),
                risk: RiskRules {
                    factors: Vec::new(),
                    thresholds: Thresholds {
                        medium: 1,
                        high: 2,
                        critical: 3,
                    },
                    floors: Vec::new(),
                },
                trafficking: TraffickingRules {
                    strength_source: text("empty"),
                    child_needs_no_means: LegalSetting {
                        enabled: true,
                        basis: String::new(),
                    },
                    dimensions: Vec::new(),
                    dimension_rule: Vec::new(),
                    status_rules: Vec::new(),
                    catalogue: Vec::new(),
                },
                referrals: Vec::new(),
            },
            compiled: Checked {
                factors: Vec::new(),
                floors: Vec::new(),
                referrals: Vec::new(),
                due_from: Vec::new(),
                catalogue: Vec::new(),
                risk_fields: Vec::new(),
                floor_answers: Vec::new(),
            },
        }
    }
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::builtin()
    }
}
