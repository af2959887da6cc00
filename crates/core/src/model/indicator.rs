//! The ids of the 67 trafficking indicators (ILO/EC Delphi, 2009, adult labour list).
//!
//! The ids are part of the assessment contract v1: the schema enumerates them and the rule set's
//! catalogue gives each its dimension and strength. A rule set may leave an id out, never add one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! indicator_ids {
    ($($variant:ident => $id:literal, $gloss:literal;)*) => {
        /// One trafficking indicator, by its stable id (`d1_job_nature` … `d6_personal_characteristics`).
        ///
        /// The first two characters name the dimension (1–6) of the ILO/EC catalogue.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        pub enum IndicatorId {
            $(
                #[doc = $gloss]
                #[serde(rename = $id)]
                $variant,
            )*
        }

        /// The pointers of every indicator, one after another in catalogue order, as one literal:
        /// the field registry's text of pointers is made with it.
        macro_rules! indicator_pointers {
            () => {
                concat!($("/trafficking/indicators/", $id),*)
            };
        }
        pub(crate) use indicator_pointers;

        impl IndicatorId {
            /// Every indicator id, in catalogue order.
            pub const ALL: &'static [IndicatorId] = &[$(IndicatorId::$variant),*];

            /// The JSON Pointer of every indicator, in catalogue order
            /// (`/trafficking/indicators/<id>`).
            pub const POINTERS: &'static [&'static str] =
                &[$(concat!("/trafficking/indicators/", $id)),*];

            /// The stable id, for example `d1_job_nature`.
            pub fn as_str(self) -> &'static str {
                // The end of the indicator's pointer in the field registry: the module carries
                // the pointers' table and no second table of the ids.
                crate::fields::indicator(self)
                    .and_then(|field| field.pointer().get(crate::fields::INDICATOR_PREFIX.len()..))
                    .unwrap_or_default()
            }

            /// Looks an id up.
            ///
            /// ```
            /// use lindung::IndicatorId;
            ///
            /// assert_eq!(IndicatorId::parse("d2_debt_bondage"), Some(IndicatorId::D2DebtBondage));
            /// assert_eq!(IndicatorId::parse("d2_debt"), None);
            /// ```
            pub fn parse(id: &str) -> Option<IndicatorId> {
                // Ids are looked up for every indicator of every document: one hash and one
                // comparison, where a search of `ALL` cost a tenth of a KPO assessment's time.
                let slot = SLOTS.get(usize::from(slot_of(id.as_bytes())))?;
                let found = *IndicatorId::ALL.get(usize::from(slot.checked_sub(1)?))?;
                (found.as_str() == id).then_some(found)
            }

            /// The dimension of the ILO/EC catalogue, 1 to 6, read from the id.
            pub fn dimension(self) -> u8 {
                self.as_str().as_bytes()[1] - b'0'
            }
        }

        /// For each hash of an id ([`slot_of`]), the id's position in `ALL` plus one (0: no id).
        /// Built when compiling; two ids with one hash stop the build.
        const SLOTS: [u8; 256] = {
            let ids = [$($id),*];
            let mut slots = [0u8; 256];
            let mut position = 0;
            while position < ids.len() {
                let slot = slot_of(ids[position].as_bytes()) as usize;
                assert!(slots[slot] == 0, "two indicator ids share a slot: change SLOT_MULTIPLIER");
                slots[slot] = position as u8 + 1;
                position += 1;
            }
            slots
        };
    };
}

indicator_ids! {
    D1JobNature => "d1_job_nature", "the nature of the job, its location or the employer";
    D1Wages => "d1_wages", "wages or earnings";
    D1Conditions => "d1_conditions", "conditions of work";
    D1Contract => "d1_contract", "the content or legality of the contract";
    D1Housing => "d1_housing", "housing and living conditions";
    D1Documents => "d1_documents", "legal documents or obtaining legal migration status";
    D1Travel => "d1_travel", "travel and recruitment conditions";
    D1FamilyReunification => "d1_family_reunification", "family reunification";
    D1MarriageAdoption => "d1_marriage_adoption", "promises of marriage or adoption";
    D1Education => "d1_education", "access to education opportunities";
    D2Violence => "d2_violence", "violence on the victim";
    D2Threats => "d2_threats", "threats of violence against the victim";
    D2AbductionSale => "d2_abduction_sale", "abduction, forced marriage, forced adoption or sale of the victim";
    D2DebtBondage => "d2_debt_bondage", "debt bondage";
    D2DocumentsConfiscated => "d2_documents_confiscated", "confiscation of documents";
    D2Isolation => "d2_isolation", "isolation, confinement or surveillance";
    D2ThreatDenunciation => "d2_threat_denunciation", "threat of denunciation to authorities";
    D2ThreatInformFamily => "d2_threat_inform_family", "threat to inform family, community or public";
    D2ViolenceFamily => "d2_violence_family", "violence on family (threatened or done)";
    D2MoneyWithheld => "d2_money_withheld", "withholding of money";
    D3FamilyDifficulty => "d3_family_difficulty", "a difficult family situation";
    D3IrregularStatus => "d3_irregular_status", "irregular (illegal) status";
    D3EducationLanguage => "d3_education_language", "lack of education or language";
    D3Information => "d3_information", "lack of information";
    D3ExploiterControl => "d3_exploiter_control", "control by the exploiters";
    D3Economic => "d3_economic", "economic reasons";
    D3FalseMigrationInfo => "d3_false_migration_info", "false information about successful migration";
    D3FalseLawInfo => "d3_false_law_info", "false information about the law or the attitude of authorities";
    D3FamilySituation => "d3_family_situation", "family situation";
    D3PersonalSituation => "d3_personal_situation", "personal situation";
    D3EmotionalDependency => "d3_emotional_dependency", "psychological or emotional dependency";
    D3AuthoritiesRelationship => "d3_authorities_relationship", "the relationship with authorities or legal status";
    D3PastDifficulties => "d3_past_difficulties", "difficulties in the past";
    D3TravelDifficulty => "d3_travel_difficulty", "difficulty to organise the travel";
    D3Beliefs => "d3_beliefs", "cultural or religious beliefs";
    D3GeneralContext => "d3_general_context", "the general context";
    D4ExcessiveHours => "d4_excessive_hours", "excessive working days or hours";
    D4LivingConditions => "d4_living_conditions", "bad living conditions";
    D4HazardousWork => "d4_hazardous_work", "hazardous work";
    D4LowNoSalary => "d4_low_no_salary", "low or no salary";
    D4LabourLaw => "d4_labour_law", "no respect of labour laws or of the contract signed";
    D4NoSocialProtection => "d4_no_social_protection", "no social protection (contract, insurance, …)";
    D4WorkingConditions => "d4_working_conditions", "very bad working conditions";
    D4WageManipulation => "d4_wage_manipulation", "wage manipulation";
    D4NoEducation => "d4_no_education", "no access to education";
    D5DocumentsConfiscated => "d5_documents_confiscated", "confiscation of documents";
    D5DebtBondage => "d5_debt_bondage", "debt bondage";
    D5Isolation => "d5_isolation", "isolation, confinement or surveillance";
    D5Violence => "d5_violence", "violence on the victim";
    D5ForcedIllicit => "d5_forced_illicit", "forced into illicit or criminal activities";
    D5ForcedTasks => "d5_forced_tasks", "forced tasks or clients (S for sexual exploitation)";
    D5ForcedAgainstPeers => "d5_forced_against_peers", "forced to act against peers";
    D5ForcedToLie => "d5_forced_to_lie", "forced to lie to authorities or family";
    D5ThreatDenunciation => "d5_threat_denunciation", "threat of denunciation to authorities";
    D5ThreatWorseConditions => "d5_threat_worse_conditions", "threat to impose even worse working conditions";
    D5Threats => "d5_threats", "threats of violence against the victim";
    D5StrongInfluence => "d5_strong_influence", "under strong influence";
    D5ViolenceFamily => "d5_violence_family", "violence on family (threatened or done)";
    D5WagesWithheld => "d5_wages_withheld", "withholding of wages";
    D5ThreatInformFamily => "d5_threat_inform_family", "threat to inform family, community or public";
    D6Dependency => "d6_dependency", "dependency on the exploiters";
    D6UnknownArea => "d6_unknown_area", "difficulty to live in an unknown area";
    D6Economic => "d6_economic", "economic reasons";
    D6FamilySituation => "d6_family_situation", "family situation";
    D6AuthoritiesRelationship => "d6_authorities_relationship", "the relationship with authorities or legal status";
    D6PastDifficulties => "d6_past_difficulties", "difficulties in the past";
    D6PersonalCharacteristics => "d6_personal_characteristics", "personal characteristics";
}

/// The multiplier of [`slot_of`]'s hash, chosen so that the 67 ids fall in 67 different slots.
const SLOT_MULTIPLIER: u32 = 28_283;

/// An id's slot: a multiplicative hash (FNV's shape) of its length and five of its bytes (the
/// dimension digit, the first two of the name, the last two), its top eight bits. Five bytes
/// are enough to tell the ids apart and cost less than hashing all of them.
const fn slot_of(id: &[u8]) -> u8 {
    let len = id.len();
    if len < 5 {
        // Shorter than any id: any slot does, the comparison after it refuses.
        return 0;
    }
    let picked = [id[1], id[3], id[4], id[len - 2], id[len - 1]];
    let mut hash = len as u32;
    let mut at = 0;
    while at < picked.len() {
        hash = (hash ^ picked[at] as u32).wrapping_mul(SLOT_MULTIPLIER);
        at += 1;
    }
    (hash >> 24) as u8
}

impl std::fmt::Display for IndicatorId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::IndicatorId;

    #[test]
    fn the_id_is_its_json_name() -> Result<(), serde_json::Error> {
        for id in IndicatorId::ALL {
            let name = serde_json::to_value(id)?;
            assert_eq!(name.as_str(), Some(id.as_str()));
            assert_eq!(IndicatorId::parse(id.as_str()), Some(*id));
        }
        Ok(())
    }

    #[test]
    fn a_lookup_finds_what_a_search_of_every_id_finds() {
        let search = |text: &str| {
            IndicatorId::ALL
                .iter()
                .copied()
                .find(|id| id.as_str() == text)
        };
        let mut tried = 0;
        for id in IndicatorId::ALL {
            let text = id.as_str();
            let mut candidates: Vec<String> =
                (0..text.len()).map(|end| text[..end].to_owned()).collect();
            for at in 0..text.len() {
                let mut changed = text.as_bytes().to_vec();
                changed[at] = if changed[at] == b'x' { b'y' } else { b'x' };
                candidates.push(String::from_utf8(changed).unwrap_or_default());
            }
            candidates.push(format!("{text}_"));
            candidates.push(text.to_uppercase());
            for candidate in candidates {
                assert_eq!(
                    IndicatorId::parse(&candidate),
                    search(&candidate),
                    "{candidate}"
                );
                tried += 1;
            }
        }
        assert!(tried > 67 * 16);
    }
}
