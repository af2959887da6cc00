//! The sections a case needs: a guardian for a child, `violence` for `ktk`, `trafficking` for
//! `kpo`, a type for sexual violence, and how consent was recorded.

use crate::model::{Assessment, CaseType, Lang, ViolenceForm};
use crate::problem::Problem;

use super::Code;

pub(super) fn check(assessment: &Assessment, lang: Lang, out: &mut Vec<Problem>) {
    if assessment.is_child() && assessment.guardian.is_none() {
        out.push(Code::GuardianMissing.problem_with("/guardian", lang, &[]));
    }
    if assessment.has_case_type(CaseType::Ktk) && assessment.violence.is_none() {
        out.push(Code::ViolenceMissing.problem_with("/violence", lang, &[]));
    }
    if assessment.has_case_type(CaseType::Kpo) && assessment.trafficking.is_none() {
        out.push(Code::TraffickingMissing.problem_with("/trafficking", lang, &[]));
    }
    if let Some(violence) = &assessment.violence {
        if violence.forms.contains(&ViolenceForm::Sexual) && violence.sexual_violence.is_empty() {
            out.push(Code::SexualTypeMissing.problem_with("/violence/sexualViolence", lang, &[]));
        }
    }
    let consent = &assessment.consent;
    if (consent.services || consent.info_sharing || consent.reporting)
        && consent.recorded_as.is_none()
    {
        out.push(Code::ConsentRecordMissing.problem_with("/consent/recordedAs", lang, &[]));
    }
}
