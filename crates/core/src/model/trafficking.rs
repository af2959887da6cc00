//! The trafficking section (KPO): legal elements, indicators, migration and events.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

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
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "no_repeated_keys"
    )]
    #[schemars(schema_with = "indicator_map_schema")]
    pub indicators: BTreeMap<IndicatorId, Answer>,
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

/// The indicator map's schema: keys are catalogue ids (`propertyNames`), values answers.
fn indicator_map_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "propertyNames": generator.subschema_for::<IndicatorId>(),
        "additionalProperties": generator.subschema_for::<Answer>(),
    })
}

/// Reads the indicator map, refusing a repeated id instead of letting the last one win.
fn no_repeated_keys<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<IndicatorId, Answer>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = BTreeMap<IndicatorId, Answer>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object from indicator id to answer")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
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
