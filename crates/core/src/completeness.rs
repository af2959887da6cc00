//! How complete an assessment is: questions answered, unknown and not asked, and the key
//! questions still open.

use std::sync::OnceLock;

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
fn under(prefix: &str) -> &'static [Field] {
    let all = fields::all();
    let start = all
        .iter()
        .position(|field| field.pointer().starts_with(prefix))
        .unwrap_or(all.len());
    let length = all[start..]
        .iter()
        .take_while(|field| field.pointer().starts_with(prefix))
        .count();
    &all[start..start + length]
}

/// The danger questions and the needs, found in the field table once.
fn sections() -> &'static (&'static [Field], &'static [Field]) {
    static SECTIONS: OnceLock<(&'static [Field], &'static [Field])> = OnceLock::new();
    SECTIONS.get_or_init(|| (under("/danger/"), under("/needs/")))
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
    // The indicator answers by id, read from the map once.
    let indicators = if kpo {
        fields::indicator_answers(assessment)
    } else {
        [None; IndicatorId::ALL.len()]
    };
    let indicator = |id: IndicatorId| {
        fields::indicator(id).map(|field| (field, indicators.get(id as usize).copied().flatten()))
    };
    let answers = danger
        .iter()
        .chain(needs.iter())
        .map(|field| field.get(assessment).answer())
        .chain(
            catalogue
                .iter()
                .filter_map(|id| indicator(*id))
                .map(|(_, answer)| answer),
        );
    let (mut answered, mut unknown, mut not_asked) = (0u32, 0u32, 0u32);
    for answer in answers {
        match answer {
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

    let floors: &[&'static Field] = if ktk {
        &rules.compiled.floor_answers
    } else {
        &[]
    };
    let strong = kpo
        .then(|| {
            let profile = Profile::of(assessment);
            rules
                .document()
                .trafficking
                .catalogue
                .iter()
                .zip(&rules.compiled.catalogue)
                .filter(move |(entry, _)| entry.strength.get(profile) == Strength::Strong)
                .filter_map(|(_, id)| indicator(*id))
        })
        .into_iter()
        .flatten();
    let missing_key = floors
        .iter()
        .map(|field| (*field, field.get(assessment).answer()))
        .chain(strong)
        .filter(|(_, answer)| !matches!(answer, Some(Answer::Yes | Answer::No)))
        .map(|(field, _)| field.to_pointer())
        .collect();
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
