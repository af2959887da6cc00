//! How complete an assessment is: questions answered, unknown and not asked, and the key
//! questions still open.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::fields::{self, Field, Pointer};
use crate::model::{Answer, Assessment, CaseType, IndicatorId};
use crate::rules::{RuleSet, Strength};
use crate::trafficking::Profile;

/// Counts of the questions that apply to the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Completeness {
    /// Answered "yes" or "no".
    pub answered: u32,
    /// Answered "unknown".
    pub unknown: u32,
    /// Not asked.
    pub not_asked: u32,
    /// `answered` over all questions that apply, rounded to two decimals (1 when none apply).
    pub ratio: f64,
    /// Key questions answered "unknown" or not asked: the questions the floors read (for `ktk`)
    /// and the strong indicators of the profile (for `kpo`).
    pub missing_key: Vec<Pointer>,
}

/// The fields under `prefix`.
fn under(prefix: &str) -> impl Iterator<Item = &'static Field> + '_ {
    fields::all()
        .iter()
        .filter(move |field| field.pointer().starts_with(prefix))
}

/// The questions that apply: the danger questions for `ktk`, the needs always, the catalogue's
/// indicators for `kpo`.
fn questions(assessment: &Assessment, rules: &RuleSet) -> Vec<&'static Field> {
    let mut out = Vec::new();
    if assessment.has_case_type(CaseType::Ktk) {
        out.extend(under("/danger/"));
    }
    out.extend(under("/needs/"));
    if assessment.has_case_type(CaseType::Kpo) {
        out.extend(
            rules
                .compiled
                .catalogue
                .iter()
                .filter_map(|id| fields::indicator(*id)),
        );
    }
    out
}

/// Measures the completeness of an assessment.
pub fn measure(assessment: &Assessment, rules: &RuleSet) -> Completeness {
    let (mut answered, mut unknown, mut not_asked) = (0u32, 0u32, 0u32);
    for field in questions(assessment, rules) {
        match field.get(assessment).answer() {
            Some(Answer::Yes | Answer::No) => answered += 1,
            Some(Answer::Unknown) => unknown += 1,
            None => not_asked += 1,
        }
    }
    let total = answered + unknown + not_asked;
    let ratio = if total == 0 {
        1.0
    } else {
        (f64::from(answered) * 100.0 / f64::from(total)).round() / 100.0
    };

    let mut key: Vec<&'static Field> = Vec::new();
    if assessment.has_case_type(CaseType::Ktk) {
        key.extend(rules.compiled.floor_answers.iter().copied());
    }
    if assessment.has_case_type(CaseType::Kpo) {
        let profile = Profile::of(assessment);
        let doc = &rules.document().trafficking.catalogue;
        let strong: Vec<IndicatorId> = doc
            .iter()
            .zip(&rules.compiled.catalogue)
            .filter(|(entry, _)| entry.strength.get(profile) == Strength::Strong)
            .map(|(_, id)| *id)
            .collect();
        key.extend(strong.into_iter().filter_map(fields::indicator));
    }
    let missing_key = key
        .into_iter()
        .filter(|field| {
            !matches!(
                field.get(assessment).answer(),
                Some(Answer::Yes | Answer::No)
            )
        })
        .map(|field| field.to_pointer())
        .collect();
    Completeness {
        answered,
        unknown,
        not_asked,
        ratio,
        missing_key,
    }
}
