//! Validation beyond the schema: cross-field errors and quality warnings, all in one pass.
//!
//! Takes a structurally sound [`Assessment`] (see [`crate::parse`]) and returns every problem,
//! never stopping at the first.

mod code;
mod dates;
mod findings;
mod sections;

use crate::model::{Assessment, Lang, RiskLevel};
use crate::problem::Problem;

pub use code::{problems_markdown, Code};

/// Every cross-field error and quality warning of an assessment, errors first.
///
/// ```
/// use lindung::parse::parse_assessment;
/// use lindung::validate::validate;
/// use lindung::Lang;
///
/// let text = br#"{
///   "schemaVersion": "1", "id": "KTK-1", "assessedAt": "2026-11-29T10:00:00+08:00",
///   "assessor": {"name": "Sari", "agency": "UPTD PPA", "role": "social_worker"},
///   "caseTypes": ["ktk"], "intake": {"source": "self"},
///   "consent": {"services": true, "infoSharing": true, "reporting": false, "recordedAs": "written"},
///   "person": {"ageYears": 15, "sex": "female"}
/// }"#;
/// let assessment = parse_assessment(text, Lang::En).map_err(|p| format!("{p:?}"))?;
/// let problems = validate(&assessment, Lang::En);
/// let errors: Vec<&str> = problems.iter().filter(|p| p.is_error()).map(|p| p.code.as_str()).collect();
/// assert_eq!(errors, ["guardian.missing", "violence.missing"]);
/// # Ok::<(), String>(())
/// ```
pub fn validate(assessment: &Assessment, lang: Lang) -> Vec<Problem> {
    let mut out = Vec::new();
    sections::check(assessment, lang, &mut out);
    dates::check(assessment, lang, &mut out);
    findings::check(assessment, lang, &mut out);
    // Stable: within a severity the order is the order of the checks.
    crate::sort_short_by_key(&mut out, |problem| problem.severity);
    out
}

/// The warning for a professional judgement more than one level below the computed level.
///
/// Only the engine knows the computed level, so it asks for this finding once it has one.
///
/// ```
/// use lindung::validate::judgement_lowers;
/// use lindung::{Lang, ProfessionalJudgement, RiskLevel};
///
/// let judgement = ProfessionalJudgement {
///     level: RiskLevel::Low,
///     reason: "known to the team for years".into(),
/// };
/// assert!(judgement_lowers(&judgement, RiskLevel::High, Lang::En).is_some());
/// assert!(judgement_lowers(&judgement, RiskLevel::Medium, Lang::En).is_none());
/// ```
pub fn judgement_lowers(
    judgement: &crate::model::ProfessionalJudgement,
    computed: RiskLevel,
    lang: Lang,
) -> Option<Problem> {
    let steps = |level: RiskLevel| RiskLevel::ALL.iter().position(|l| *l == level);
    let (given, computed_step) = (steps(judgement.level)?, steps(computed)?);
    (given + 1 < computed_step).then(|| {
        Code::JudgementLowers.problem_with(
            "/professionalJudgement/level",
            lang,
            &[
                ("judgement", judgement.level.as_str()),
                ("computed", computed.as_str()),
            ],
        )
    })
}
