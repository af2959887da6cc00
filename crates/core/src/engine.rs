//! The engine: an assessment in, a result out — validation, risk, trafficking, referrals and
//! completeness with one rule set and one directory. It reads no clock and does no I/O.

use crate::completeness;
use crate::directory::Directory;
use crate::model::{Assessment, Lang};
use crate::problem::Problem;
use crate::referral::{self, ReferralInput};
use crate::result::{AssessmentResult, EngineInfo, ResultVersion, Traced};
use crate::risk;
use crate::rules::RuleSet;
use crate::trafficking;

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

    /// Puts `rules` in place of the rule set, keeping the directory, and gives back the old one.
    ///
    /// ```
    /// use lindung::{Engine, RuleSet};
    ///
    /// let mut engine = Engine::default();
    /// let before = engine.replace_rules(RuleSet::builtin());
    /// assert_eq!(before.document(), engine.rules().document());
    /// ```
    pub fn replace_rules(&mut self, rules: RuleSet) -> RuleSet {
        std::mem::replace(&mut self.rules, rules)
    }

    /// Puts `directory` in place of the directory, keeping the rule set, and gives back the old
    /// one.
    pub fn replace_directory(&mut self, directory: Directory) -> Directory {
        std::mem::replace(&mut self.directory, directory)
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
        let problems = crate::validate::validate(assessment, lang);
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
        let checked = crate::parse::check(bytes, lang);
        let (assessment, problems) = (checked.assessment, checked.problems);
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
        let lowers = risk.judgement.as_ref().and_then(|judgement| {
            crate::validate::judgement_lowers(judgement, risk.computed_level, lang)
        });
        if let Some(problem) = lowers {
            problems.push(problem);
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
