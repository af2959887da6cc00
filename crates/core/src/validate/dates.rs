//! Dates against each other: nothing after `assessedAt`, no birth after an incident, age and birth
//! date in agreement, and periods that end after they begin.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::model::{whole_years_between, Assessment, Lang};
use crate::problem::Problem;
use crate::text::{decimal, joined};

use super::Code;
use crate::encode::{date_text, date_time_text};

pub(super) fn check(assessment: &Assessment, lang: Lang, out: &mut Vec<Problem>) {
    let today = assessment.assessed_on();
    let violence = assessment.violence.as_ref();
    let events = assessment
        .trafficking
        .as_ref()
        .map_or(&[][..], |trafficking| &trafficking.events[..]);
    // Walked in the order the findings are listed; an event's pointer is written only for a
    // finding.
    let mut dated = |name: &'static str, event: Option<usize>, date: Option<NaiveDate>| {
        if let Some(date) = date.filter(|date| *date > today) {
            let path = match event {
                Some(index) => event_pointer(index, name),
                None => name.to_owned(),
            };
            in_future(out, lang, path, &date_text(date), &assessment.assessed_at);
        }
    };
    dated("/person/birthDate", None, assessment.person.birth_date);
    if let Some(violence) = violence {
        dated(
            "/violence/firstIncidentOn",
            None,
            violence.first_incident_on,
        );
        dated("/violence/lastIncidentOn", None, violence.last_incident_on);
    }
    for (index, event) in events.iter().enumerate() {
        dated("from", Some(index), event.from);
        dated("to", Some(index), event.to);
    }
    if let Some(violence) = violence {
        if let Some(at) = violence.last_sexual_assault_at {
            if at > assessment.assessed_at {
                in_future(
                    out,
                    lang,
                    "/violence/lastSexualAssaultAt".to_owned(),
                    &date_time_text(&at),
                    &assessment.assessed_at,
                );
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
    for (index, event) in events.iter().enumerate() {
        if let (Some(from), Some(to)) = (event.from, event.to) {
            if to < from {
                out.push(Code::EventDateOrder.problem_with(
                    event_pointer(index, "to"),
                    lang,
                    &[("from", &date_text(from)), ("to", &date_text(to))],
                ));
            }
        }
    }
    age(assessment, lang, out);
}

/// The finding for a date or time after `assessedAt`, `value` as it was written.
fn in_future(
    out: &mut Vec<Problem>,
    lang: Lang,
    path: String,
    value: &str,
    assessed_at: &DateTime<FixedOffset>,
) {
    out.push(Code::DateInFuture.problem_with(
        path,
        lang,
        &[
            ("value", value),
            ("assessedAt", &date_time_text(assessed_at)),
        ],
    ));
}

fn event_pointer(index: usize, name: &str) -> String {
    joined(&["/trafficking/events/", &decimal(index as u64), "/", name])
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
                ("ageYears", &decimal(u64::from(stated))),
                ("birthDate", &date_text(birth)),
                ("computed", &decimal(u64::from(computed))),
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

    #[test]
    fn dates_are_checked_in_the_order_they_are_recorded() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/cases/valid/kpo-child-domestic-servitude.json"
        );
        let mut document: serde_json::Value = std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        document["person"]["birthDate"] = "2026-12-01".into();
        document["trafficking"]["events"] = serde_json::json!([
            {"kind": "recruitment", "from": "2026-12-02", "to": "2026-01-04"},
            {"kind": "exploitation", "from": "2026-01-05", "to": "2026-12-03"},
            {"kind": "exploitation", "from": "2026-03-05", "to": "2026-02-01"}
        ]);
        let text = document.to_string();
        let checked = check(text.as_bytes(), Lang::En);
        let found: Vec<_> = checked
            .problems
            .iter()
            .filter(|p| p.code == "date.in_future" || p.code == "event.date_order")
            .map(|p| (p.code.as_str(), p.path.as_str(), p.message.as_str()))
            .collect();
        let at = "2026-11-26T11:00:00+08:00";
        assert_eq!(
            found,
            [
                (
                    "date.in_future",
                    "/person/birthDate",
                    &*format!("`2026-12-01` is after the assessment time `{at}`")
                ),
                (
                    "date.in_future",
                    "/trafficking/events/0/from",
                    &*format!("`2026-12-02` is after the assessment time `{at}`")
                ),
                (
                    "date.in_future",
                    "/trafficking/events/1/to",
                    &*format!("`2026-12-03` is after the assessment time `{at}`")
                ),
                (
                    "event.date_order",
                    "/trafficking/events/0/to",
                    "the event ends on `2026-01-04`, before it begins on `2026-12-02`"
                ),
                (
                    "event.date_order",
                    "/trafficking/events/2/to",
                    "the event ends on `2026-02-01`, before it begins on `2026-03-05`"
                ),
            ]
        );
    }
}
