//! The engine: an assessment in, a result out — validation, risk, trafficking, referrals and
//! completeness with one rule set and one directory. It reads no clock and does no I/O.

use std::collections::BTreeMap;

use crate::completeness;
use crate::directory::Directory;
use crate::model::{Assessment, CaseType, Lang};
use crate::problem::{Problem, Severity};
use crate::referral::{self, ReferralInput};
use crate::result::{AssessmentResult, EngineInfo, ResultVersion, Traced};
use crate::risk;
use crate::rules::RuleSet;
use crate::trafficking;

/// The largest assessment document accepted, in bytes (1 MiB).
pub const MAX_ASSESSMENT_BYTES: usize = 1024 * 1024;

/// Assesses with one rule set and one directory.
#[derive(Debug, Clone)]
pub struct Engine {
    rules: RuleSet,
    directory: Directory,
}

impl Default for Engine {
    /// The built-in rule set and the built-in directory.
    fn default() -> Self {
        Engine::new(RuleSet::builtin(), Directory::builtin())
    }
}

impl Engine {
    /// An engine with this rule set and directory.
    pub fn new(rules: RuleSet, directory: Directory) -> Self {
        Engine { rules, directory }
    }

    /// The rule set.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The directory.
    pub fn directory(&self) -> &Directory {
        &self.directory
    }

    fn info(&self) -> EngineInfo {
        let rules = self.rules.document();
        EngineInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            rules: Traced {
                id: rules.id.clone(),
                version: rules.version.clone(),
            },
            directory: Traced {
                id: self.directory.id.clone(),
                version: self.directory.version.clone(),
            },
        }
    }

    /// Validates and assesses an assessment: risk, trafficking, referrals and completeness.
    ///
    /// ```
    /// use lindung::{Engine, Lang, RiskLevel, ServiceKind};
    ///
    /// let assessment: lindung::Assessment = serde_json::from_str(r#"{
    ///   "schemaVersion": "1", "id": "BJM-1", "assessedAt": "2026-11-20T10:00:00+08:00",
    ///   "assessor": {"name": "Siti", "agency": "UPTD PPA Kalsel", "role": "social_worker"},
    ///   "caseTypes": ["ktk"], "intake": {"source": "self"},
    ///   "consent": {"services": true, "infoSharing": true, "reporting": true, "recordedAs": "written"},
    ///   "person": {"ageYears": 29, "sex": "female"},
    ///   "violence": {"forms": ["physical"], "setting": "household",
    ///     "perpetrators": [{"relationship": "spouse", "livesWithVictim": "yes", "hasAccess": "yes"}],
    ///     "injuries": "minor"},
    ///   "danger": {"strangulation": "yes"}
    /// }"#)?;
    /// let result = Engine::default().assess(&assessment, Lang::En);
    /// let risk = result.risk.as_ref().map(|r| r.level);
    /// assert_eq!(risk, Some(RiskLevel::High)); // strangulation is never below high
    /// assert!(result.referrals.iter().any(|r| r.service == ServiceKind::EmergencyProtection && r.ready));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn assess(&self, assessment: &Assessment, lang: Lang) -> AssessmentResult {
        let problems = validate(assessment, lang);
        self.conclude(assessment, problems, lang)
    }

    /// Reads, validates and assesses an assessment document. Never panics: a document that
    /// cannot be read gives a result with `valid: false`, the problems, and no referrals.
    ///
    /// ```
    /// let result = lindung::Engine::default().assess_json(b"{not json", lindung::Lang::En);
    /// assert!(!result.valid);
    /// assert!(result.referrals.is_empty());
    /// ```
    pub fn assess_json(&self, bytes: &[u8], lang: Lang) -> AssessmentResult {
        let (assessment, problems) = read(bytes, lang);
        match assessment {
            Some(assessment) => self.conclude(&assessment, problems, lang),
            None => {
                let (errors, warnings) = split(problems);
                AssessmentResult {
                    schema_version: ResultVersion::V1,
                    engine: self.info(),
                    assessment_id: None,
                    valid: false,
                    errors,
                    warnings,
                    child: None,
                    risk: None,
                    trafficking: None,
                    referrals: Vec::new(),
                    completeness: None,
                }
            }
        }
    }

    fn conclude(
        &self,
        assessment: &Assessment,
        mut problems: Vec<Problem>,
        lang: Lang,
    ) -> AssessmentResult {
        let valid = !problems.iter().any(Problem::is_error);
        let risk = risk::assess_risk(assessment, &self.rules, lang);
        if let Some(judgement) = &risk.judgement {
            let already = problems.iter().any(|p| p.code == "judgement.lowered");
            if !already {
                problems.extend(risk::judgement_lowered(
                    risk.computed_level,
                    judgement.level,
                    lang,
                ));
            }
        }
        let trafficking = trafficking::identify(assessment, &self.rules);
        let referrals = referral::refer(
            assessment,
            &self.rules,
            &self.directory,
            ReferralInput {
                risk: risk.level,
                trafficking: trafficking.status,
                valid,
            },
            lang,
        );
        let completeness = completeness::measure(assessment, &self.rules);
        let (errors, warnings) = split(problems);
        AssessmentResult {
            schema_version: ResultVersion::V1,
            engine: self.info(),
            assessment_id: Some(assessment.id.clone()),
            valid,
            errors,
            warnings,
            child: Some(assessment.is_child()),
            risk: Some(risk),
            trafficking: Some(trafficking),
            referrals,
            completeness: Some(completeness),
        }
    }
}

fn split(problems: Vec<Problem>) -> (Vec<Problem>, Vec<Problem>) {
    problems.into_iter().partition(Problem::is_error)
}

fn problem(path: &str, code: &str, lang: Lang, id: &str, en: &str) -> Problem {
    Problem {
        path: path.to_owned(),
        code: code.to_owned(),
        severity: Severity::Error,
        message: match lang {
            Lang::Id => id.to_owned(),
            Lang::En => en.to_owned(),
        },
        params: BTreeMap::new(),
    }
}

/// Reads an assessment document.
fn read(bytes: &[u8], lang: Lang) -> (Option<Assessment>, Vec<Problem>) {
    if bytes.len() > MAX_ASSESSMENT_BYTES {
        return (
            None,
            vec![problem(
                "",
                "document.too_large",
                lang,
                "dokumen lebih dari 1 MiB",
                "the document is over 1 MiB",
            )],
        );
    }
    match serde_json::from_slice::<Assessment>(bytes) {
        Ok(assessment) => {
            let problems = validate(&assessment, lang);
            (Some(assessment), problems)
        }
        Err(e) => {
            let mut p = problem(
                "",
                "json.invalid",
                lang,
                "dokumen bukan asesmen yang dapat dibaca",
                "the document is not a readable assessment",
            );
            p.params.insert("detail".to_owned(), e.to_string());
            (None, vec![p])
        }
    }
}

/// The cross-field errors the engine needs to trust its own conclusions.
fn validate(assessment: &Assessment, lang: Lang) -> Vec<Problem> {
    let mut out = Vec::new();
    if assessment.age_years().is_none() {
        out.push(problem(
            "/person",
            "person.age_missing",
            lang,
            "tanggal lahir atau usia harus diisi",
            "a birth date or an age is required",
        ));
    }
    if assessment.is_child() && assessment.guardian.is_none() {
        out.push(problem(
            "/guardian",
            "guardian.missing",
            lang,
            "anak harus memiliki wali yang tercatat",
            "a child needs a guardian on record",
        ));
    }
    if assessment.has_case_type(CaseType::Ktk) && assessment.violence.is_none() {
        out.push(problem(
            "/violence",
            "violence.missing",
            lang,
            "kasus KTK memerlukan bagian kekerasan",
            "a `ktk` case needs the violence section",
        ));
    }
    if assessment.has_case_type(CaseType::Kpo) && assessment.trafficking.is_none() {
        out.push(problem(
            "/trafficking",
            "trafficking.missing",
            lang,
            "kasus KPO memerlukan bagian perdagangan orang",
            "a `kpo` case needs the trafficking section",
        ));
    }
    out
}
