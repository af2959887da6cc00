//! The service directory: which provider a referral names, for which service, in which area.
//!
//! Areas are Kemendagri region codes: a province (`63`), a regency or city (`63.71`), or `ID` for
//! a provider that serves the whole country. [`Directory::provider_for`] picks the most specific
//! provider for a person's region: regency or city, then province, then national.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Person, Region, Set, Sex};
use crate::service::ServiceKind;

/// The area code of a provider that serves the whole country.
pub const NATIONAL: &str = "ID";

/// Why a directory document cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DirectoryError {
    /// The document is not a directory.
    #[error("directory is not valid: {0}")]
    Json(String),
}

/// A service directory: the providers a referral can name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Directory {
    /// The directory's identifier.
    pub id: String,
    /// The directory's version.
    pub version: String,
    /// What the directory covers and who keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The providers, in precedence order among providers of equal specificity.
    pub providers: Vec<Provider>,
}

/// One provider of services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Provider {
    /// A stable identifier, unique in the directory.
    pub id: String,
    /// The provider's name as people know it.
    pub name: String,
    /// The service kinds it offers.
    pub services: Set<ServiceKind>,
    /// The areas it serves: `ID`, a province or a regency code.
    pub areas: Set<String>,
    /// How to reach it.
    pub contact: Contact,
    /// Whom it accepts; everyone when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepts: Option<Accepts>,
}

/// How to reach a provider. Unknown details are left out, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Contact {
    /// A phone number or a short national line such as `129`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// A WhatsApp number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp: Option<String>,
    /// The street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Opening hours, as free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// True when an agency has checked these details; false means "to be confirmed".
    pub confirmed: bool,
}

/// Whom a provider accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Accepts {
    /// People under 18.
    pub children: bool,
    /// Adult men.
    pub men: bool,
    /// Adult women.
    pub women: bool,
}

impl Provider {
    fn admits(&self, sex: Sex, child: bool) -> bool {
        self.accepts.is_none_or(|accepts| {
            if child {
                accepts.children
            } else {
                match sex {
                    Sex::Female => accepts.women,
                    Sex::Male => accepts.men,
                }
            }
        })
    }

    fn reach(&self, region: Option<&Region>) -> Option<u8> {
        self.areas
            .iter()
            .filter_map(|area| {
                if area == NATIONAL {
                    Some(0)
                } else if region.is_some_and(|r| r.regency.as_deref() == Some(area.as_str())) {
                    Some(2)
                } else if region.is_some_and(|r| r.province == *area) {
                    Some(1)
                } else {
                    None
                }
            })
            .max()
    }
}

const BUILTIN: &str = r#"{"id":"national","version":"1","providers":[
 {"id":"sapa-129","name":"SAPA 129 (KemenPPPA)","services":["emergency_protection","psychological","psychosocial","safe_shelter","child_protection","legal_aid","social_rehabilitation","economic_empowerment","disability_services","family_reintegration","repatriation","migrant_worker_protection","civil_documents","medical_care","medicolegal","sexual_assault_care"],"areas":["ID"],"contact":{"phone":"129","confirmed":true}},
 {"id":"polri-110","name":"Polisi 110","services":["emergency_protection","police_report"],"areas":["ID"],"contact":{"phone":"110","confirmed":true}},
 {"id":"ambulans-119","name":"Ambulans 119","services":["medical_emergency"],"areas":["ID"],"contact":{"phone":"119","confirmed":true}},
 {"id":"lpsk-148","name":"LPSK 148","services":["victim_protection"],"areas":["ID"],"contact":{"phone":"148","confirmed":true}}]}"#;

impl Directory {
    /// Reads a directory document.
    pub fn from_json(bytes: &[u8]) -> Result<Directory, DirectoryError> {
        serde_json::from_slice(bytes).map_err(|e| DirectoryError::Json(e.to_string()))
    }

    /// The built-in directory.
    pub fn builtin() -> Directory {
        Directory::from_json(BUILTIN.as_bytes()).unwrap_or_else(|_| Directory {
            id: "national".to_owned(),
            version: "invalid".to_owned(),
            description: None,
            providers: Vec::new(),
        })
    }

    /// The provider a referral for `service` names, for a person in `region` who is a child or
    /// not: the most specific area wins (regency, province, national), the first among equals.
    pub fn provider_for(
        &self,
        service: ServiceKind,
        region: Option<&Region>,
        person: &Person,
        child: bool,
    ) -> Option<&Provider> {
        let mut best: Option<(u8, &Provider)> = None;
        for provider in &self.providers {
            if !provider.services.contains(&service) || !provider.admits(person.sex, child) {
                continue;
            }
            let Some(reach) = provider.reach(region) else {
                continue;
            };
            if best.is_none_or(|(held, _)| reach > held) {
                best = Some((reach, provider));
            }
        }
        best.map(|(_, provider)| provider)
    }
}
