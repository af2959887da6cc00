//! Quality findings an officer should see: missing consent, danger questions not asked or
//! unknown, needs and indicators not asked, missing migration data, and a guardian who is a
//! suspected perpetrator.

use crate::json::push_token;
use crate::model::{Answer, Assessment, CaseType, IndicatorId, Lang, Needs};
use crate::problem::Problem;
use crate::text::decimal;

use super::Code;

/// The danger questions whose `unknown` is worth a second look: the strongest predictors.
const KEY_DANGER: [&str; 2] = ["strangulation", "threatsToKill"];

pub(super) fn check(assessment: &Assessment, lang: Lang, out: &mut Vec<Problem>) {
    if !assessment.consent.services {
        out.push(Code::ConsentServicesMissing.problem_with("/consent/services", lang, &[]));
    }
    let ktk = assessment.has_case_type(CaseType::Ktk);
    for (question, answer) in assessment.danger.answers() {
        let code = match answer {
            None if ktk => Code::DangerNotAsked,
            Some(Answer::Unknown) if KEY_DANGER.contains(&question) => Code::DangerUnknownKey,
            _ => continue,
        };
        let path = push_token("/danger", question);
        out.push(code.problem_with(path, lang, &[("question", question)]));
    }
    // Needs and indicators are many: one finding per section, not one per question.
    let needs_not_asked = assessment
        .needs
        .answers()
        .filter(|(_, a)| a.is_none())
        .count();
    if needs_not_asked > 0 {
        out.push(Code::NeedsNotAsked.problem_with(
            "/needs",
            lang,
            &[
                ("count", &decimal(needs_not_asked as u64)),
                ("total", &decimal(Needs::QUESTIONS.len() as u64)),
            ],
        ));
    }
    if let Some(trafficking) = &assessment.trafficking {
        if assessment.has_case_type(CaseType::Kpo) {
            let total = IndicatorId::ALL.len();
            let not_asked = total.saturating_sub(trafficking.indicators.len());
            if not_asked > 0 {
                out.push(Code::IndicatorsNotAsked.problem_with(
                    "/trafficking/indicators",
                    lang,
                    &[
                        ("count", &decimal(not_asked as u64)),
                        ("total", &decimal(total as u64)),
                    ],
                ));
            }
            if trafficking.migration.is_none() {
                out.push(Code::MigrationMissing.problem_with("/trafficking/migration", lang, &[]));
            }
        }
    }
    if let Some(guardian) = &assessment.guardian {
        if assessment.is_child() && guardian.suspected_perpetrator {
            out.push(Code::GuardianSuspected.problem_with(
                "/guardian/suspectedPerpetrator",
                lang,
                &[],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::KEY_DANGER;
    use crate::model::Danger;

    #[test]
    fn key_danger_questions_exist() {
        for question in KEY_DANGER {
            assert!(Danger::QUESTIONS.contains(&question), "{question}");
        }
    }
}
