//! The trafficking section (KPO): legal elements, indicators, migration and events.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::common::Answer;
use super::indicator::IndicatorId;
use super::set::Set;
use super::violence::Relationship;

/// What is known of the trafficking, required when the case types include `kpo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Trafficking {
    /// The process element (UU 21/2007 Pasal 1(1)).
    #[serde(default, skip_serializing_if = "Set::is_empty")]
    pub process: Set<Process>,
    /// The means element.
    #[serde(default, skip_serializing_if = "Set::is_empty")]
    pub means: Set<Means>,
    /// The purpose element: the exploitation.
    #[serde(default, skip_serializing_if = "Set::is_empty")]
    pub exploitation: Set<Exploitation>,
    /// Answers to the ILO/EC indicators, by id; an absent id was not asked.
    #[serde(default, skip_serializing_if = "IndicatorAnswers::is_empty")]
    pub indicators: IndicatorAnswers,
    /// Migration, for migrant workers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migration: Option<Migration>,
    /// Recruitment, transit and exploitation events; at most 50.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 50))]
    pub events: Vec<TraffickingEvent>,
    /// How the recruiter is related to the person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recruiter_relationship: Option<Relationship>,
}

/// Answers to the trafficking indicators, by id: at most one answer for each of the 67 ids of
/// [`IndicatorId::ALL`]; an id without one was not asked.
///
/// In JSON, an object from id to answer (`{"d1_wages": "yes"}`), its members in catalogue order
/// (the order of [`IndicatorId::ALL`]), the order in which the answers are also listed. Reading
/// refuses a repeated id instead of letting the last one win.
///
/// The ids are a closed set, so each has its own slot: finding, adding and listing an answer
/// need no search tree.
///
/// ```
/// use lindung::{Answer, IndicatorAnswers, IndicatorId};
///
/// let mut answers: IndicatorAnswers =
///     [(IndicatorId::D6Economic, Answer::No), (IndicatorId::D1Wages, Answer::Yes)]
///         .into_iter()
///         .collect();
/// assert_eq!(answers.get(IndicatorId::D1Wages), Some(Answer::Yes));
/// assert_eq!(answers.get(IndicatorId::D2Threats), None);
/// assert_eq!(answers.insert(IndicatorId::D6Economic, Answer::Unknown), Some(Answer::No));
/// let listed: Vec<_> = answers.iter().collect();
/// assert_eq!(
///     listed,
///     [(IndicatorId::D1Wages, Answer::Yes), (IndicatorId::D6Economic, Answer::Unknown)]
/// );
/// assert_eq!(
///     serde_json::to_string(&answers).unwrap(),
///     r#"{"d1_wages":"yes","d6_economic":"unknown"}"#
/// );
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IndicatorAnswers {
    /// The answer to each id, at the id's place in the catalogue.
    by_id: [Option<Answer>; IndicatorId::ALL.len()],
}

impl IndicatorAnswers {
    /// No answer to any indicator.
    pub const fn new() -> Self {
        IndicatorAnswers {
            by_id: [None; IndicatorId::ALL.len()],
        }
    }

    /// The answer to `id`; `None` when it was not asked.
    pub fn get(&self, id: IndicatorId) -> Option<Answer> {
        self.by_id.get(id as usize).copied().flatten()
    }

    /// Records the answer to `id`, returning the answer it replaces.
    pub fn insert(&mut self, id: IndicatorId, answer: Answer) -> Option<Answer> {
        self.by_id
            .get_mut(id as usize)
            .and_then(|slot| slot.replace(answer))
    }

    /// Forgets the answer to `id`, returning it.
    pub fn remove(&mut self, id: IndicatorId) -> Option<Answer> {
        self.by_id.get_mut(id as usize).and_then(Option::take)
    }

    /// Each asked indicator with its answer, in catalogue order.
    pub fn iter(&self) -> impl Iterator<Item = (IndicatorId, Answer)> + '_ {
        IndicatorId::ALL
            .iter()
            .zip(&self.by_id)
            .filter_map(|(id, answer)| Some((*id, (*answer)?)))
    }

    /// How many indicators were asked.
    pub fn len(&self) -> usize {
        self.by_id.iter().filter(|answer| answer.is_some()).count()
    }

    /// True when no indicator was asked.
    pub fn is_empty(&self) -> bool {
        self.by_id.iter().all(Option::is_none)
    }
}

impl Default for IndicatorAnswers {
    fn default() -> Self {
        IndicatorAnswers::new()
    }
}

/// Written as a map is.
impl fmt::Debug for IndicatorAnswers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A later answer to an id replaces an earlier one, as when collecting into a map.
impl FromIterator<(IndicatorId, Answer)> for IndicatorAnswers {
    fn from_iter<I: IntoIterator<Item = (IndicatorId, Answer)>>(iter: I) -> Self {
        let mut answers = IndicatorAnswers::new();
        answers.extend(iter);
        answers
    }
}

impl Extend<(IndicatorId, Answer)> for IndicatorAnswers {
    fn extend<I: IntoIterator<Item = (IndicatorId, Answer)>>(&mut self, iter: I) {
        for (id, answer) in iter {
            self.insert(id, answer);
        }
    }
}

impl From<BTreeMap<IndicatorId, Answer>> for IndicatorAnswers {
    fn from(map: BTreeMap<IndicatorId, Answer>) -> Self {
        map.into_iter().collect()
    }
}

impl From<IndicatorAnswers> for BTreeMap<IndicatorId, Answer> {
    fn from(answers: IndicatorAnswers) -> Self {
        answers.iter().collect()
    }
}

impl Serialize for IndicatorAnswers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (id, answer) in self.iter() {
            map.serialize_entry(&id, &answer)?;
        }
        map.end()
    }
}

/// Reads the answers, refusing a repeated id instead of letting the last one win.
impl<'de> Deserialize<'de> for IndicatorAnswers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = IndicatorAnswers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object from indicator id to answer")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = IndicatorAnswers::new();
                while let Some((id, answer)) = map.next_entry::<IndicatorId, Answer>()? {
                    if out.insert(id, answer).is_some() {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate field `{id}`"
                        )));
                    }
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// An object whose keys are catalogue ids (`propertyNames`) and whose values are answers.
impl JsonSchema for IndicatorAnswers {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("IndicatorAnswers")
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "propertyNames": generator.subschema_for::<IndicatorId>(),
            "additionalProperties": generator.subschema_for::<Answer>(),
        })
    }
}

/// The process element of trafficking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Process {
    Recruitment,
    Transport,
    Transfer,
    Harbouring,
    Receipt,
}

/// The means element of trafficking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Means {
    Threat,
    Force,
    Abduction,
    Confinement,
    Forgery,
    Deception,
    AbuseOfPower,
    AbuseOfVulnerability,
    DebtBondage,
    PaymentToController,
}

/// The purpose element: the kind of exploitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Exploitation {
    ForcedLabour,
    DomesticServitude,
    SexualExploitation,
    ForcedMarriage,
    ForcedCriminality,
    Begging,
    OrganRemoval,
    SlaveryLike,
    Other,
}

/// Migration of a migrant worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Migration {
    /// Whether the person migrated for work.
    pub migrant_worker: Answer,
    /// The destination country, ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Z]{2}$"))]
    pub destination_country: Option<String>,
    /// Whether the departure followed the legal procedure.
    pub departure: Departure,
    /// Where the person is now.
    pub current_location: CurrentLocation,
    /// Whether someone else holds the person's identity or travel documents.
    pub documents_held_by_others: Answer,
}

/// Whether a departure followed the legal procedure (procedural) or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Departure {
    Procedural,
    NonProcedural,
    Unknown,
}

/// Where the person is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum CurrentLocation {
    Abroad,
    InTransit,
    HomeRegion,
    ElsewhereInIndonesia,
}

/// One event of the trafficking history (as in IOM HTCDS).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TraffickingEvent {
    /// What kind of event.
    pub kind: EventKind,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 200))]
    pub place: Option<String>,
    /// The country, ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[A-Z]{2}$"))]
    pub country: Option<String>,
    /// When it began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// When it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

/// The kind of a trafficking event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum EventKind {
    Recruitment,
    Transit,
    Exploitation,
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::{Answer, IndicatorAnswers, IndicatorId, Trafficking};

    /// Some answers to ids spread over the catalogue, given out of order, one id twice.
    fn given() -> Vec<(IndicatorId, Answer)> {
        let all = IndicatorId::ALL;
        let mut out = Vec::new();
        for (step, answer) in [(7, Answer::Yes), (3, Answer::No), (11, Answer::Unknown)] {
            for index in (0..all.len()).rev().step_by(step) {
                if let Some(id) = all.get(index) {
                    out.push((*id, answer));
                }
            }
        }
        out
    }

    #[test]
    fn each_id_has_its_place_in_the_order_of_ids() {
        for (index, id) in IndicatorId::ALL.iter().enumerate() {
            assert_eq!(*id as usize, index);
        }
        assert!(IndicatorId::ALL.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn answers_keep_what_a_map_keeps_in_its_order() -> Result<(), serde_json::Error> {
        for count in [0, 1, 2, 20, given().len()] {
            let pairs: Vec<_> = given().into_iter().take(count).collect();
            let answers: IndicatorAnswers = pairs.iter().copied().collect();
            let map: BTreeMap<IndicatorId, Answer> = pairs.iter().copied().collect();
            assert_eq!(answers.len(), map.len());
            assert_eq!(answers.is_empty(), map.is_empty());
            let listed: Vec<_> = answers.iter().collect();
            let expected: Vec<_> = map.iter().map(|(id, answer)| (*id, *answer)).collect();
            assert_eq!(listed, expected);
            for id in IndicatorId::ALL {
                assert_eq!(answers.get(*id), map.get(id).copied());
            }
            assert_eq!(format!("{answers:?}"), format!("{map:?}"));
            assert_eq!(
                serde_json::to_string(&answers)?,
                serde_json::to_string(&map)?
            );
            assert_eq!(BTreeMap::from(answers.clone()), map);
            assert_eq!(IndicatorAnswers::from(map), answers);
        }
        Ok(())
    }

    #[test]
    fn insert_and_remove_answer_as_a_map_does() {
        let mut answers = IndicatorAnswers::new();
        let id = IndicatorId::D4NoEducation;
        assert_eq!(answers.insert(id, Answer::No), None);
        assert_eq!(answers.insert(id, Answer::Yes), Some(Answer::No));
        assert_eq!(answers.len(), 1);
        assert_eq!(answers.remove(id), Some(Answer::Yes));
        assert_eq!(answers.remove(id), None);
        assert!(answers.is_empty());
        assert_eq!(answers, IndicatorAnswers::default());
    }

    #[test]
    fn answers_are_read_as_before() {
        let cases = [
            (r#"{}"#, Ok(vec![])),
            (
                r#"{"d6_economic":"no","d1_wages":"yes"}"#,
                Ok(vec![
                    (IndicatorId::D1Wages, Answer::Yes),
                    (IndicatorId::D6Economic, Answer::No),
                ]),
            ),
            (
                r#"{"d1_wages":"yes","d1_wages":"no"}"#,
                Err("duplicate field `d1_wages` at line 1 column 34"),
            ),
            (
                r#"{"d9_nothing":"yes"}"#,
                Err("unknown variant `d9_nothing`, expected one of `d1_job_nature`, "),
            ),
            (
                r#"[]"#,
                Err("invalid type: sequence, expected an object from indicator id to answer at line 1 column 0"),
            ),
        ];
        for (text, expected) in cases {
            let read = serde_json::from_str::<IndicatorAnswers>(text)
                .map(|answers| answers.iter().collect::<Vec<_>>())
                .map_err(|error| error.to_string());
            match expected {
                Ok(expected) => assert_eq!(read, Ok(expected), "{text}"),
                Err(expected) => assert!(
                    read.as_ref()
                        .is_err_and(|message| message.starts_with(expected)),
                    "{text}: {read:?}"
                ),
            }
        }
    }

    #[test]
    fn the_section_omits_answers_when_none_was_given() -> Result<(), serde_json::Error> {
        let mut section = Trafficking::default();
        assert_eq!(serde_json::to_string(&section)?, "{}");
        section
            .indicators
            .insert(IndicatorId::D2Threats, Answer::Yes);
        assert_eq!(
            serde_json::to_string(&section)?,
            r#"{"indicators":{"d2_threats":"yes"}}"#
        );
        let back: Trafficking = serde_json::from_str(r#"{"indicators":{"d2_threats":"yes"}}"#)?;
        assert_eq!(back, section);
        Ok(())
    }
}
