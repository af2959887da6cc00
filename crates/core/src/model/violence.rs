//! The violence section (KTK) and the danger questions that score the risk of further serious harm.

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Answer;
use super::set::Set;

/// What happened, required when the case types include `ktk`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Violence {
    /// Forms of violence (UU 23/2004 Pasal 5); at least one.
    #[schemars(length(min = 1))]
    pub forms: Set<ViolenceForm>,
    /// Types of sexual violence (UU 12/2022 Pasal 4); required when `forms` has `sexual`.
    #[serde(default, skip_serializing_if = "Set::is_empty")]
    pub sexual_violence: Set<SexualViolenceType>,
    /// Where the violence happens.
    pub setting: ViolenceSetting,
    /// Who did it; 1 to 20.
    #[schemars(length(min = 1, max = 20))]
    pub perpetrators: Vec<Perpetrator>,
    /// The date of the first incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_incident_on: Option<NaiveDate>,
    /// The date of the most recent incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_incident_on: Option<NaiveDate>,
    /// How many incidents in the 12 months before `assessedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 1000))]
    pub incidents_last_12_months: Option<u16>,
    /// The worst injuries of the most recent incident.
    pub injuries: Injuries,
    /// When the most recent sexual assault happened; starts the medical time windows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_sexual_assault_at: Option<DateTime<FixedOffset>>,
}

/// A form of violence (UU 23/2004 Pasal 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ViolenceForm {
    /// Physical violence.
    Physical,
    /// Psychological violence.
    Psychological,
    /// Sexual violence.
    Sexual,
    /// Household neglect, including economic dependency and control (penelantaran).
    Neglect,
}

/// A type of sexual violence (UU 12/2022 Pasal 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum SexualViolenceType {
    NonPhysicalHarassment,
    PhysicalHarassment,
    ForcedContraception,
    ForcedSterilisation,
    ForcedMarriage,
    SexualTorture,
    SexualExploitation,
    SexualSlavery,
    Electronic,
    Rape,
    ObsceneActs,
    Other,
}

/// Where violence happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum ViolenceSetting {
    Household,
    Workplace,
    School,
    Institution,
    Public,
    Online,
    Other,
}

/// One perpetrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Perpetrator {
    /// How the perpetrator is related to the person.
    pub relationship: Relationship,
    /// Whether the perpetrator lives with the person.
    pub lives_with_victim: Answer,
    /// Whether the perpetrator can reach the person.
    pub has_access: Answer,
}

/// How a perpetrator or recruiter is related to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Relationship {
    Spouse,
    FormerSpouse,
    Partner,
    FormerPartner,
    Parent,
    StepParent,
    Relative,
    Employer,
    Coworker,
    Teacher,
    Caregiver,
    Recruiter,
    Acquaintance,
    Stranger,
    Other,
}

/// The worst injuries of the most recent incident.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Injuries {
    None,
    Minor,
    Serious,
    LifeThreatening,
    Unknown,
}

macro_rules! answers {
    ($(#[$meta:meta])* $name:ident { $($(#[doc = $doc:literal])* $field:ident => $json:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        pub struct $name {
            $(
                $(#[doc = $doc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$crate::model::Answer>,
            )*
        }

        impl $name {
            /// Every question as `(JSON name, answer)`, in schema order.
            pub fn answers(&self) -> impl Iterator<Item = (&'static str, Option<$crate::model::Answer>)> + '_ {
                // The names from the one table rather than paired in again with each answer.
                Self::QUESTIONS.iter().copied().zip([$(self.$field),*])
            }

            /// The answer to the question numbered `index` in [`Self::QUESTIONS`]; `None` when it
            /// was not asked or there is no such question.
            // Counted down question by question, which compiles to one jump on `index`; the
            // count after the last question is not read.
            #[allow(unused_assignments)]
            pub fn answer_at(&self, index: usize) -> Option<$crate::model::Answer> {
                let mut left = index;
                $(
                    if left == 0 {
                        return self.$field;
                    }
                    left = left.wrapping_sub(1);
                )*
                None
            }

            /// The JSON names of every question, in schema order.
            pub const QUESTIONS: &'static [&'static str] = &[$($json),*];

            /// True when no question was asked.
            pub fn is_empty(&self) -> bool {
                $(self.$field.is_none())&&*
            }
        }
    };
}
pub(crate) use answers;

answers! {
    /// The danger questions (our own wording of factors the published instruments share).
    /// An absent question was not asked.
    Danger {
        /// Has the perpetrator ever choked or strangled the person?
        strangulation => "strangulation",
        /// Has the perpetrator threatened to kill the person or someone close?
        threats_to_kill => "threatsToKill",
        /// Has a weapon been used against the person?
        weapon_used => "weaponUsed",
        /// Does the perpetrator have access to a weapon?
        weapon_access => "weaponAccess",
        /// Is the violence getting worse or more frequent?
        escalation => "escalation",
        /// Has the person recently separated or planned to?
        separation => "separation",
        /// Does the perpetrator follow, watch or harass the person, or show obsessive jealousy?
        stalking => "stalking",
        /// Does the perpetrator control money, movement, contacts or daily life?
        coercive_control => "coerciveControl",
        /// Has the person been forced into sex?
        forced_sex => "forcedSex",
        /// Was the person abused while pregnant?
        abuse_during_pregnancy => "abuseDuringPregnancy",
        /// Has the perpetrator threatened or harmed children?
        children_threatened => "childrenThreatened",
        /// Does the perpetrator misuse alcohol or drugs?
        perpetrator_substance_abuse => "perpetratorSubstanceAbuse",
        /// Has the perpetrator threatened or attempted suicide?
        perpetrator_suicidal => "perpetratorSuicidal",
        /// Has the perpetrator been violent to others, or before?
        perpetrator_prior_violence => "perpetratorPriorViolence",
        /// Has the perpetrator broken a protection order or bail condition?
        breach_of_order => "breachOfOrder",
        /// Is the person cut off from family, friends or help?
        isolation => "isolation",
        /// Does the person fear for their life?
        fears_for_life => "fearsForLife",
        /// Is the perpetrator nearby now, or expected soon?
        perpetrator_nearby => "perpetratorNearby",
        /// Does the person have no safe place to stay tonight?
        no_safe_place_tonight => "noSafePlaceTonight",
    }
}
