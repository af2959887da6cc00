//! Risk of further serious harm (KTK): the score from weighted factors, the level from the
//! thresholds, the floors, and the officer's professional judgement beside the computed level.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::condition::Context;
use crate::fields::{FieldValue, Pointer};
use crate::model::{Answer, Assessment, CaseType, Lang, ProfessionalJudgement, RiskLevel};
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
    pub evidence: Vec<Pointer>,
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
    pub evidence: Vec<Pointer>,
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
    pub unknown: Vec<Pointer>,
    /// Risk questions not asked.
    pub not_asked: Vec<Pointer>,
    /// The officer's own level, with the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judgement: Option<ProfessionalJudgement>,
}

/// Scores the risk of an assessment with a rule set.
///
/// Floors are applied in the order of the rule set, each against the level reached so far (the
/// score's level raised by earlier floors); a floor with `whenLevelAtLeast` applies only when that
/// level has been reached, so the immediate-danger floor comes last.
/// Labels are in `lang`. `notAsked` lists the risk questions left blank in a KTK case; in a case
/// that is only KPO the danger questions are optional and only their answers count.
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
                evidence: borrowed(evidence),
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
                evidence: borrowed(evidence),
                label: floor.label.get(lang).to_owned(),
            });
        }
    }

    // The danger questions belong to the violence (KTK) assessment: for a case that is only KPO
    // they are optional, so an unasked one is not a gap worth listing.
    let ktk = assessment.has_case_type(CaseType::Ktk);
    let mut unknown = Vec::new();
    let mut not_asked = Vec::new();
    for field in &rules.compiled.risk_fields {
        match field.get(assessment) {
            FieldValue::Absent if ktk => not_asked.push(field.to_pointer()),
            FieldValue::Answer(Answer::Unknown) | FieldValue::Enum("unknown") => {
                unknown.push(field.to_pointer());
            }
            _ => {}
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

/// The evidence of a hit as pointers, one loop for factors and floors alike.
fn borrowed(evidence: Vec<&'static str>) -> Vec<Pointer> {
    let mut out = Vec::with_capacity(evidence.len());
    for pointer in evidence {
        out.push(Pointer::Borrowed(pointer));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(name: &str) -> Option<Assessment> {
        let path = format!(
            "{}/../../tests/cases/valid/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(path).ok()?;
        crate::parse::parse_assessment(&bytes, Lang::En).ok()
    }

    #[test]
    fn unasked_danger_questions_are_listed_for_ktk_cases_only() {
        let rules = RuleSet::builtin();
        let kpo = case("kpo-scam-compound").map(|a| assess_risk(&a, &rules, Lang::En));
        assert_eq!(kpo.map(|r| r.not_asked), Some(vec![]));
        let mut ktk = case("ktk-adult-strangulation");
        if let Some(a) = ktk.as_mut() {
            a.danger.isolation = None;
        }
        let listed = ktk.map(|a| assess_risk(&a, &rules, Lang::En).not_asked);
        assert!(listed.is_some_and(|p| p.iter().any(|p| p == "/danger/isolation")));
    }
}
