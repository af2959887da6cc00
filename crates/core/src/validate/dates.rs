//! Dates against each other: nothing after `assessedAt`, no birth after an incident, age and birth
//! date in agreement, and periods that end after they begin.

use chrono::NaiveDate;

use crate::model::{whole_years_between, Assessment, Lang};
use crate::problem::Problem;

use super::Code;
use crate::encode::{date_text, date_time_text};

pub(super) fn check(assessment: &Assessment, lang: Lang, out: &mut Vec<Problem>) {
    // Written out only for a problem.
    let assessed_at = || date_time_text(&assessment.assessed_at);
    let today = assessment.assessed_on();
    let dates = recorded_dates(assessment);
    for (path, date) in &dates {
        if *date > today {
            out.push(Code::DateInFuture.problem_with(
                path.pointer(),
                lang,
                &[("value", &date_text(*date)), ("assessedAt", &assessed_at())],
            ));
        }
    }
    if let Some(violence) = &assessment.violence {
        if let Some(at) = violence.last_sexual_assault_at {
            if at > assessment.assessed_at {
                out.push(Code::DateInFuture.problem_with(
                    "/violence/lastSexualAssaultAt",
                    lang,
                    &[
                        ("value", &date_time_text(&at)),
                        ("assessedAt", &assessed_at()),
                    ],
                ));
            }
        }
        if let (Some(first), Some(last)) = (violence.first_incident_on, violence.last_incident_on) {
            if last < first {
                out.push(Code::ViolenceIncidentOrder.problem_with(
                    "/violence/lastIncidentOn",
                    lang,
                    &[("first", &date_text(first)), ("last", &date_text(last))],
                ));
            }
        }
    }
    if let Some(trafficking) = &assessment.trafficking {
        for (index, event) in trafficking.events.iter().enumerate() {
            if let (Some(from), Some(to)) = (event.from, event.to) {
                if to < from {
                    out.push(Code::EventDateOrder.problem_with(
                        format!("/trafficking/events/{index}/to"),
                        lang,
                        &[("from", &date_text(from)), ("to", &date_text(to))],
                    ));
                }
            }
        }
    }
    age(assessment, lang, out);
}

/// Where a recorded date is; its pointer is written out only for a problem.
enum DatePath {
    Fixed(&'static str),
    /// An event's `from` or `to`.
    Event(usize, &'static str),
}

impl DatePath {
    fn pointer(&self) -> String {
        match self {
            DatePath::Fixed(pointer) => (*pointer).to_owned(),
            DatePath::Event(index, name) => format!("/trafficking/events/{index}/{name}"),
        }
    }
}

/// The calendar dates of the assessment, with their places, birth date first.
fn recorded_dates(assessment: &Assessment) -> Vec<(DatePath, NaiveDate)> {
    let mut out = Vec::new();
    if let Some(birth) = assessment.person.birth_date {
        out.push((DatePath::Fixed("/person/birthDate"), birth));
    }
    if let Some(violence) = &assessment.violence {
        let pairs = [
            ("/violence/firstIncidentOn", violence.first_incident_on),
            ("/violence/lastIncidentOn", violence.last_incident_on),
        ];
        for (pointer, date) in pairs {
            if let Some(date) = date {
                out.push((DatePath::Fixed(pointer), date));
            }
        }
    }
    if let Some(trafficking) = &assessment.trafficking {
        for (index, event) in trafficking.events.iter().enumerate() {
            for (name, date) in [("from", event.from), ("to", event.to)] {
                if let Some(date) = date {
                    out.push((DatePath::Event(index, name), date));
                }
            }
        }
    }
    out
}

fn age(assessment: &Assessment, lang: Lang, out: &mut Vec<Problem>) {
    let person = &assessment.person;
    let Some(birth) = person.birth_date else {
        if person.age_years.is_none() {
            out.push(Code::PersonAgeMissing.problem_with("/person", lang, &[]));
        }
        return;
    };
    // The earliest incident before the birth date, if any.
    let mut earliest: Option<NaiveDate> = None;
    if let Some(violence) = &assessment.violence {
        let incidents = [
            violence.first_incident_on,
            violence.last_incident_on,
            violence.last_sexual_assault_at.map(|at| at.date_naive()),
        ];
        for date in incidents.into_iter().flatten() {
            if date < birth && earliest.is_none_or(|known| date < known) {
                earliest = Some(date);
            }
        }
    }
    if let Some(incident) = earliest {
        out.push(Code::PersonBornAfterIncident.problem_with(
            "/person/birthDate",
            lang,
            &[
                ("birthDate", &date_text(birth)),
                ("incident", &date_text(incident)),
            ],
        ));
    }
    let (Some(stated), Some(computed)) = (
        person.age_years,
        whole_years_between(birth, assessment.assessed_on()),
    ) else {
        return;
    };
    if computed.abs_diff(u32::from(stated)) > 1 {
        out.push(Code::PersonAgeMismatch.problem_with(
            "/person/ageYears",
            lang,
            &[
                ("ageYears", &stated.to_string()),
                ("birthDate", &date_text(birth)),
                ("computed", &computed.to_string()),
            ],
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;
    use crate::parse::check;

    #[test]
    fn a_birth_after_incidents_names_the_earliest_incident_before_it() {
        let text = br#"{
          "schemaVersion": "1", "id": "KTK-1", "assessedAt": "2026-11-29T10:00:00+08:00",
          "assessor": {"name": "Sari", "agency": "UPTD PPA", "role": "social_worker"},
          "caseTypes": ["ktk"], "intake": {"source": "self"},
          "consent": {"services": true, "infoSharing": true, "reporting": false, "recordedAs": "written"},
          "person": {"birthDate": "2015-01-01", "sex": "female"},
          "violence": {
            "forms": ["physical"], "setting": "household",
            "perpetrators": [{"relationship": "parent", "livesWithVictim": "yes", "hasAccess": "yes"}],
            "injuries": "minor",
            "firstIncidentOn": "2012-05-01", "lastIncidentOn": "2016-01-01",
            "lastSexualAssaultAt": "2011-02-02T08:00:00+08:00"
          }
        }"#;
        let checked = check(text, Lang::En);
        let found: Vec<_> = checked
            .problems
            .iter()
            .filter(|p| p.code == "person.born_after_incident")
            .map(|p| (p.path.as_str(), p.params.get("incident")))
            .collect();
        assert_eq!(found, [("/person/birthDate", Some("2011-02-02"))]);
    }
}
