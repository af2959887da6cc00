//! Risk of further serious harm (KTK): the score from weighted factors, the level from the
//! thresholds, the floors, and the officer's professional judgement beside the computed level.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::condition::Context;
use crate::fields::FieldValue;
use crate::model::{Answer, Assessment, Lang, ProfessionalJudgement, RiskLevel};
use crate::rules::RuleSet;

/// A risk factor that is present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FactorHit {
    /// The rule id.
    pub rule: String,
    /// The weight added to the score.
    pub weight: u32,
    /// The pointers of the answers that made it present.
    pub evidence: Vec<String>,
    /// The rule's label in the requested language.
    pub label: String,
}

/// A floor that applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FloorHit {
    /// The rule id.
    pub rule: String,
    /// The lowest level it allows.
    pub level: RiskLevel,
    /// The pointers of the answers that made it apply.
    pub evidence: Vec<String>,
    /// The rule's label in the requested language.
    pub label: String,
}

/// The risk of further serious harm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RiskResult {
    /// The level to act on: the professional judgement when given, else the computed level.
    pub level: RiskLevel,
    /// The level from the score and the floors.
    pub computed_level: RiskLevel,
    /// The sum of the weights of the factors present.
    pub score: u32,
    /// The factors present, in rule-set order.
    pub factors: Vec<FactorHit>,
    /// The floors that apply, in the order applied.
    pub floors: Vec<FloorHit>,
    /// Risk questions answered "unknown".
    pub unknown: Vec<String>,
    /// Risk questions not asked.
    pub not_asked: Vec<String>,
    /// The officer's own level, with the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgement: Option<ProfessionalJudgement>,
}

/// Scores the risk of an assessment with a rule set.
///
/// Floors are applied in the order of the rule set, each against the level reached so far (the
/// score's level raised by earlier floors); a floor with `whenLevelAtLeast` applies only when that
/// level has been reached, so the immediate-danger floor comes last.
/// Labels are in `lang`.
pub fn assess_risk(assessment: &Assessment, rules: &RuleSet, lang: Lang) -> RiskResult {
    let doc = &rules.document().risk;
    let context = Context::new(assessment);
    let mut score: u32 = 0;
    let mut factors = Vec::new();
    for (factor, when) in doc.factors.iter().zip(&rules.compiled.factors) {
        let mut evidence = Vec::new();
        if when.eval_with_evidence(&context, &mut evidence) {
            score = score.saturating_add(factor.weight);
            factors.push(FactorHit {
                rule: factor.id.clone(),
                weight: factor.weight,
                evidence: evidence.into_iter().map(str::to_owned).collect(),
                label: factor.label.get(lang).to_owned(),
            });
        }
    }
    let mut level = doc.thresholds.level(score);
    let mut floors = Vec::new();
    for (floor, when) in doc.floors.iter().zip(&rules.compiled.floors) {
        if floor.when_level_at_least.is_some_and(|min| level < min) {
            continue;
        }
        let mut evidence = Vec::new();
        if when.eval_with_evidence(&context, &mut evidence) {
            level = level.max(floor.level);
            floors.push(FloorHit {
                rule: floor.id.clone(),
                level: floor.level,
                evidence: evidence.into_iter().map(str::to_owned).collect(),
                label: floor.label.get(lang).to_owned(),
            });
        }
    }

    let mut unknown = Vec::new();
    let mut not_asked = Vec::new();
    let mut seen = BTreeMap::new();
    for when in rules.compiled.factors.iter().chain(&rules.compiled.floors) {
        for field in when.fields() {
            if seen.insert(field.pointer(), ()).is_some() {
                continue;
            }
            match field.get(assessment) {
                FieldValue::Absent => not_asked.push(field.pointer().to_owned()),
                FieldValue::Answer(Answer::Unknown) | FieldValue::Enum("unknown") => {
                    unknown.push(field.pointer().to_owned());
                }
                _ => {}
            }
        }
    }

    let judgement = assessment.professional_judgement.clone();
    RiskResult {
        level: judgement.as_ref().map_or(level, |j| j.level),
        computed_level: level,
        score,
        factors,
        floors,
        unknown,
        not_asked,
        judgement,
    }
}
