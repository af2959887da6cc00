//! Trafficking identification (KPO): the profile, the legal elements of UU 21/2007, the six
//! dimensions of the ILO/EC indicators, and the status with the rule that gave it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Answer, Assessment, Exploitation, IndicatorId};
use crate::rules::{RuleSet, StatusTest, Strength};

/// What the indicators and legal elements say about trafficking.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TraffickingStatus {
    /// The case is not a trafficking (`kpo`) case.
    NotAssessed,
    /// Nothing recorded points to trafficking.
    NotIndicated,
    /// Some indicators or elements point to trafficking.
    Possible,
    /// The indicators or the legal elements point clearly to trafficking.
    Indicated,
}

/// Whose catalogue strengths apply: child or adult, sexual or labour exploitation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// An adult exploited for labour (or anything but sexual exploitation).
    AdultLabour,
    /// An adult exploited sexually.
    AdultSexual,
    /// A child exploited for labour (or anything but sexual exploitation).
    ChildLabour,
    /// A child exploited sexually.
    ChildSexual,
}

impl Profile {
    /// The profile of an assessment: child when under 18 at `assessedAt`; sexual when the
    /// exploitation includes sexual exploitation.
    pub fn of(assessment: &Assessment) -> Profile {
        let sexual = assessment
            .trafficking
            .as_ref()
            .is_some_and(|t| t.exploitation.contains(&Exploitation::SexualExploitation));
        match (assessment.is_child(), sexual) {
            (false, false) => Profile::AdultLabour,
            (false, true) => Profile::AdultSexual,
            (true, false) => Profile::ChildLabour,
            (true, true) => Profile::ChildSexual,
        }
    }
}

/// The legal elements of trafficking (UU 21/2007 Pasal 1(1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Elements {
    /// A process is recorded.
    pub process: bool,
    /// A means is recorded.
    pub means: bool,
    /// A purpose (exploitation) is recorded.
    pub purpose: bool,
    /// Whether the means element is required (not for a child when the rule set says so).
    pub means_required: bool,
}

impl Elements {
    /// How many of the three elements are met.
    pub fn count(&self) -> u32 {
        u32::from(self.process) + u32::from(self.means) + u32::from(self.purpose)
    }

    /// True when every required element is met.
    pub fn all_required(&self) -> bool {
        self.process && self.purpose && (self.means || !self.means_required)
    }
}

/// One dimension of the indicators, as answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DimensionResult {
    /// 1 to 6.
    pub id: u8,
    /// Whether the dimension rule holds.
    pub present: bool,
    /// Strong indicators answered "yes".
    pub strong: u32,
    /// Medium indicators answered "yes".
    pub medium: u32,
    /// Weak indicators answered "yes".
    pub weak: u32,
    /// The indicators answered "yes", in catalogue order.
    pub indicators: Vec<IndicatorId>,
}

/// What the engine concludes about trafficking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TraffickingResult {
    /// The status.
    pub status: TraffickingStatus,
    /// The profile whose strengths were used.
    pub profile: Profile,
    /// The legal elements.
    pub elements: Elements,
    /// The six dimensions.
    pub dimensions: Vec<DimensionResult>,
    /// The status rule that gave `indicated` or `possible`; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// Identifies trafficking in an assessment with a rule set.
pub fn identify(assessment: &Assessment, rules: &RuleSet) -> TraffickingResult {
    let doc = &rules.document().trafficking;
    let profile = Profile::of(assessment);
    let child = assessment.is_child();
    let section = assessment.trafficking.as_ref();
    let elements = Elements {
        process: section.is_some_and(|t| !t.process.is_empty()),
        means: section.is_some_and(|t| !t.means.is_empty()),
        purpose: section.is_some_and(|t| !t.exploitation.is_empty()),
        means_required: !(child && doc.child_needs_no_means.enabled),
    };
    let mut dimensions = Vec::with_capacity(doc.dimensions.len());
    for dimension in &doc.dimensions {
        dimensions.push(DimensionResult {
            id: dimension.id,
            present: false,
            strong: 0,
            medium: 0,
            weak: 0,
            indicators: Vec::new(),
        });
    }
    if section.is_some() {
        let answers = crate::fields::indicator_answers(assessment);
        for (entry, id) in doc.catalogue.iter().zip(&rules.compiled.catalogue) {
            if answers.get(*id) != Some(Answer::Yes) {
                continue;
            }
            let Some(dimension) = dimensions.iter_mut().find(|d| d.id == entry.dimension) else {
                continue;
            };
            match entry.strength.get(profile) {
                Strength::Strong => dimension.strong += 1,
                Strength::Medium => dimension.medium += 1,
                Strength::Weak => dimension.weak += 1,
            }
            dimension.indicators.push(*id);
        }
    }
    for dimension in &mut dimensions {
        dimension.present = doc
            .dimension_rule
            .iter()
            .any(|c| c.reached_by(dimension.strong, dimension.medium, dimension.weak));
    }
    let present = |id: u8| dimensions.iter().any(|d| d.id == id && d.present);
    let holds = |test: &StatusTest| match test {
        StatusTest::DimensionGroups(groups) => groups
            .iter()
            .all(|group| group.iter().any(|&id| present(id))),
        StatusTest::DimensionsAtLeast(n) => {
            u32::try_from(dimensions.iter().filter(|d| d.present).count()).unwrap_or(u32::MAX) >= *n
        }
        StatusTest::RequiredElements(on) => *on && elements.all_required(),
        StatusTest::ElementsAtLeast(n) => elements.count() >= *n,
    };
    let (status, rule) = if !assessment.has_case_type(crate::model::CaseType::Kpo) {
        (TraffickingStatus::NotAssessed, None)
    } else {
        [TraffickingStatus::Indicated, TraffickingStatus::Possible]
            .into_iter()
            .find_map(|status| {
                doc.status_rules
                    .iter()
                    .find(|rule| rule.status == status && holds(&rule.test))
                    .map(|rule| (status, Some(rule.id.clone())))
            })
            .unwrap_or((TraffickingStatus::NotIndicated, None))
    };
    TraffickingResult {
        status,
        profile,
        elements,
        dimensions,
        rule,
    }
}
