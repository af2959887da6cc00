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

/// The fields under `prefix`, which the field table keeps together.
fn under(numbers: (usize, usize)) -> &'static [Field] {
    fields::all().get(numbers.0..numbers.1).unwrap_or_default()
}

/// The danger questions and the needs.
fn sections() -> (&'static [Field], &'static [Field]) {
    (under(fields::DANGER), under(fields::NEEDS))
}

/// Measures the completeness of an assessment.
///
/// The questions that apply: the danger questions for `ktk`, the needs always, the catalogue's
/// indicators for `kpo`.
pub fn measure(assessment: &Assessment, rules: &RuleSet) -> Completeness {
    let ktk = assessment.has_case_type(CaseType::Ktk);
    let kpo = assessment.has_case_type(CaseType::Kpo);
    let (danger, needs) = sections();
    let danger: &[Field] = if ktk { danger } else { &[] };
    let catalogue: &[IndicatorId] = if kpo { &rules.compiled.catalogue } else { &[] };
    let indicators = fields::indicator_answers(assessment);
    let indicator =
        |id: IndicatorId| fields::indicator(id).map(|field| (field, indicators.get(id)));
    let (mut answered, mut unknown, mut not_asked) = (0u32, 0u32, 0u32);
    let mut count = |answer: Option<Answer>| match answer {
        Some(Answer::Yes | Answer::No) => answered += 1,
        Some(Answer::Unknown) => unknown += 1,
        None => not_asked += 1,
    };
    for field in danger.iter().chain(needs.iter()) {
        count(field.get(assessment).answer());
    }
    for id in catalogue {
        if let Some((_, answer)) = indicator(*id) {
            count(answer);
        }
    }
    let total = answered + unknown + not_asked;
    let ratio = if total == 0 {
        1.0
    } else {
        (f64::from(answered) * 100.0 / f64::from(total)).round() / 100.0
    };

    let floors: &[&'static Field] = if ktk {
        &rules.compiled.floor_answers
    } else {
        &[]
    };
    // The key questions not answered yes or no: the floors' answers, then the strong indicators.
    let mut missing_key = Vec::new();
    let mut note = |field: &'static Field, answer: Option<Answer>| {
        if !matches!(answer, Some(Answer::Yes | Answer::No)) {
            missing_key.push(field.to_pointer());
        }
    };
    for field in floors {
        note(field, field.get(assessment).answer());
    }
    if kpo {
        let profile = Profile::of(assessment);
        let catalogue = &rules.document().trafficking.catalogue;
        for (entry, id) in catalogue.iter().zip(&rules.compiled.catalogue) {
            if entry.strength.get(profile) == Strength::Strong {
                if let Some((field, answer)) = indicator(*id) {
                    note(field, answer);
                }
            }
        }
    }
    Completeness {
        answered,
        unknown,
        not_asked,
        ratio,
        missing_key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_hold_every_field_under_their_prefix() {
        let (danger, needs) = sections();
        for (prefix, section) in [("/danger/", danger), ("/needs/", needs)] {
            let expected: Vec<&str> = fields::all()
                .iter()
                .map(Field::pointer)
                .filter(|pointer| pointer.starts_with(prefix))
                .collect();
            let found: Vec<&str> = section.iter().map(Field::pointer).collect();
            assert!(!found.is_empty());
            assert_eq!(found, expected);
        }
    }
}
