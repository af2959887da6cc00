//! The assessment document, version 1: what an officer records about one person.
//!
//! The types mirror `schemas/assessment.v1.json`, which is generated from them. Field names are
//! camelCase in JSON, enum values snake_case, and every object refuses unknown fields.

mod common;
mod indicator;
mod intake;
mod needs;
mod person;
mod set;
mod trafficking;
mod violence;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use common::{Answer, Lang, Region, Text};
pub(crate) use indicator::indicator_pointers;
pub use indicator::IndicatorId;
pub use intake::{
    Assessor, AssessorRole, CaseType, Consent, ConsentRecord, EmergencyBasis, Intake, IntakeSource,
};
pub use needs::{Needs, ProfessionalJudgement, RiskLevel};
pub(crate) use person::indonesia;
pub use person::{Disability, Guardian, GuardianRelationship, Person, SafeContact, Sex};
pub use set::Set;
pub use trafficking::{
    CurrentLocation, Departure, EventKind, Exploitation, IndicatorAnswers, Means, Migration,
    Process, Trafficking, TraffickingEvent,
};
pub use violence::{
    Danger, Injuries, Perpetrator, Relationship, SexualViolenceType, Violence, ViolenceForm,
    ViolenceSetting,
};

/// The age under which a person is a child (UU 35/2014; UU 21/2007 Pasal 1(5)).
pub const CHILD_AGE: u32 = 18;

/// One assessment of one person, version 1 of the data contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(
    title = "lindung assessment v1",
    description = "One assessment of a victim of violence (KTK) or of trafficking (KPO). Rules a JSON Schema cannot say are checked by the lindung validator: dates not after `assessedAt`, birth date not after an incident, `birthDate` and `ageYears` agreeing within a year, `lastIncidentOn` not before `firstIncidentOn`, a `guardian` for a child, `violence` for `ktk`, `trafficking` for `kpo`, a sexual-violence type when forms include `sexual`, `recordedAs` when any consent is given, and one of `birthDate` or `ageYears`. The lindung reader is also stricter than a JSON Schema validator in three places: a key repeated in one object is an error, `3.0` is not a whole number, and a leap second (`:60`) is not a time."
)]
pub struct Assessment {
    /// The version of this contract: `"1"`.
    pub schema_version: SchemaVersion,
    /// The agency's reference for this assessment.
    #[schemars(regex(pattern = r"^[A-Za-z0-9._-]{1,64}$"))]
    pub id: String,
    /// The moment of assessment, with its UTC offset. Every deadline counts from it.
    pub assessed_at: DateTime<FixedOffset>,
    /// Who assessed.
    pub assessor: Assessor,
    /// The client groups of the case: `ktk`, `kpo`, or both.
    #[schemars(length(min = 1))]
    pub case_types: Set<CaseType>,
    /// How the case came in.
    pub intake: Intake,
    /// Consent per purpose.
    pub consent: Consent,
    /// The person assessed.
    pub person: Person,
    /// The guardian, required for a child.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guardian: Option<Guardian>,
    /// The violence, required for `ktk`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violence: Option<Violence>,
    /// The danger questions; absent ones were not asked.
    #[serde(default, skip_serializing_if = "Danger::is_empty")]
    pub danger: Danger,
    /// The trafficking, required for `kpo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trafficking: Option<Trafficking>,
    /// The person's needs; absent ones were not asked.
    #[serde(default, skip_serializing_if = "Needs::is_empty")]
    pub needs: Needs,
    /// The officer's own level of risk, with the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub professional_judgement: Option<ProfessionalJudgement>,
    /// Free notes, at most 4000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 4000))]
    pub notes: Option<String>,
}

/// The version of the assessment contract; only `"1"` exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum SchemaVersion {
    /// Version 1.
    #[serde(rename = "1")]
    V1,
}

impl Assessment {
    /// The date of assessment, in the assessment's own offset.
    pub fn assessed_on(&self) -> NaiveDate {
        self.assessed_at.date_naive()
    }

    /// The person's age in whole years at `assessedAt`: from the birth date when known, else
    /// `ageYears`. `None` when neither is given or the birth date is after the assessment.
    pub fn age_years(&self) -> Option<u32> {
        match self.person.birth_date {
            Some(birth) => whole_years_between(birth, self.assessed_on()),
            None => self.person.age_years.map(u32::from),
        }
    }

    /// True when the person is under 18 at `assessedAt`. Unknown age counts as adult here;
    /// validation reports the missing age as an error.
    pub fn is_child(&self) -> bool {
        self.age_years().is_some_and(|age| age < CHILD_AGE)
    }

    /// True when the case types include `case_type`.
    pub fn has_case_type(&self, case_type: CaseType) -> bool {
        self.case_types.contains(&case_type)
    }
}

/// Whole years from `from` to `to`, as one counts birthdays; `None` when `to` is before `from`.
pub fn whole_years_between(from: NaiveDate, to: NaiveDate) -> Option<u32> {
    if to < from {
        return None;
    }
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn whole_years_count_birthdays() {
        assert_eq!(
            whole_years_between(date(2008, 11, 29), date(2026, 11, 28)),
            Some(17)
        );
        assert_eq!(
            whole_years_between(date(2008, 11, 29), date(2026, 11, 29)),
            Some(18)
        );
        assert_eq!(
            whole_years_between(date(2008, 2, 29), date(2026, 2, 28)),
            Some(17)
        );
        assert_eq!(
            whole_years_between(date(2008, 2, 29), date(2026, 3, 1)),
            Some(18)
        );
        assert_eq!(
            whole_years_between(date(2026, 1, 2), date(2026, 1, 1)),
            None
        );
    }
}
