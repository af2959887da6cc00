//! The service directory: which provider a referral names, for which service, in which area.
//!
//! A directory is data an agency may replace. The built-in one covers South Kalimantan
//! (Kalimantan Selatan, Kemendagri code `63`) with the national lines; its local phone numbers and
//! addresses are not known and stay `confirmed: false` until an agency fills them.
//!
//! Areas are Kemendagri region codes: a province (`63`), a regency or city (`63.71`), or `ID` for
//! a provider that serves the whole country. [`Directory::provider_for`] picks the most specific
//! provider for a person's region: regency or city, then province, then national.

mod check;
mod error;
mod markdown;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Person, Region, Set, Sex};
use crate::service::ServiceKind;

pub(crate) use check::{is_id, repeated_key};
pub use error::DirectoryError;
pub use markdown::directory_markdown;

/// The area code of a provider that serves the whole country.
pub const NATIONAL: &str = "ID";

/// The largest directory document accepted, in bytes (1 MiB).
pub const MAX_BYTES: usize = 1024 * 1024;

/// The most providers a directory may list.
pub const MAX_PROVIDERS: usize = 1000;

/// The most areas one provider may list.
pub const MAX_AREAS: usize = 100;

/// The built-in directory, compact: the module carries no indentation.
const BUILTIN: &[u8] = {
    const TEXT: &[u8] = include_bytes!("../../data/directory.kalsel.json");
    &crate::json::compact::<{ crate::json::compact_len(TEXT) }>(TEXT)
};

/// A service directory: the providers a referral can name.
///
/// Read one with [`Directory::from_json`], which checks what the types alone cannot (unique
/// provider ids, a way to reach a confirmed contact, …); deserializing it directly skips those
/// checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(
    title = "lindung service directory v1",
    description = "The providers a referral can name, by service kind and area. Areas are Kemendagri region codes: a province (`63`), a regency or city (`63.71`), or `ID` for the whole country; a referral picks the most specific provider for the person's region (regency or city, then province, then national; the first in file order among equals). Rules a JSON Schema cannot say are checked by the lindung loader: provider ids are unique, a contact marked `confirmed` has a phone, a WhatsApp number or an address, `accepts` accepts someone, and the document is at most 1 MiB."
)]
pub struct Directory {
    /// The directory's identifier, traced in every result that names one of its providers.
    #[schemars(regex(pattern = r"^[A-Za-z0-9._-]{1,64}$"))]
    pub id: String,
    /// The directory's version, chosen by the agency that keeps it.
    #[schemars(length(min = 1, max = 32))]
    pub version: String,
    /// What the directory covers and who keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 2000))]
    pub description: Option<String>,
    /// The providers, in precedence order among providers of equal specificity.
    #[schemars(length(min = 1, max = 1000))]
    pub providers: Vec<Provider>,
}

/// One provider of services: an office, a unit, a hotline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Provider {
    /// A stable identifier, unique in the directory.
    #[schemars(regex(pattern = r"^[A-Za-z0-9._-]{1,64}$"))]
    pub id: String,
    /// The provider's name as people know it.
    #[schemars(length(min = 1, max = 200))]
    pub name: String,
    /// The service kinds it offers, each once.
    #[schemars(length(min = 1))]
    pub services: Set<ServiceKind>,
    /// The areas it serves, each once: `ID` (national), a province (`63`) or a regency or city
    /// (`63.71`).
    #[schemars(
        length(min = 1, max = 100),
        inner(regex(pattern = r"^(ID|[0-9]{2}(\.[0-9]{2})?)$"))
    )]
    pub areas: Set<String>,
    /// How to reach it.
    pub contact: Contact,
    /// Whom it accepts; everyone when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepts: Option<Accepts>,
}

/// How to reach a provider. Unknown details are left out, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    expecting = "a contact object"
)]
pub struct Contact {
    /// A phone number or a short national line such as `129`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\+?[0-9][0-9 -]{2,19}$"))]
    pub phone: Option<String>,
    /// A WhatsApp number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^\+?[0-9][0-9 -]{2,19}$"))]
    pub whatsapp: Option<String>,
    /// The street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 500))]
    pub address: Option<String>,
    /// Opening hours, as free text (`24 jam`, `Senin–Jumat 08.00–16.00 WITA`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 200))]
    pub hours: Option<String>,
    /// True when an agency has checked these details; false means "to be confirmed".
    pub confirmed: bool,
}

/// Whom a provider accepts: children (under 18) of any sex, and adult women and men.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    expecting = "an accepts object"
)]
pub struct Accepts {
    /// People under 18, whatever their sex.
    pub children: bool,
    /// Adult men.
    pub men: bool,
    /// Adult women.
    pub women: bool,
}

impl Accepts {
    /// True when a person of this sex, a child or not, is accepted.
    pub fn admits(self, sex: Sex, child: bool) -> bool {
        if child {
            return self.children;
        }
        match sex {
            Sex::Female => self.women,
            Sex::Male => self.men,
        }
    }
}

/// How specifically a provider's areas cover a region; a larger value is more specific.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reach {
    /// Through the national area `ID`.
    National,
    /// Through the region's province code.
    Province,
    /// Through the region's regency or city code.
    Regency,
}

impl Provider {
    /// True when the provider offers `service`.
    pub fn offers(&self, service: ServiceKind) -> bool {
        self.services.contains(&service)
    }

    /// True when the provider accepts a person of this sex, a child or not.
    pub fn admits(&self, sex: Sex, child: bool) -> bool {
        self.accepts
            .is_none_or(|accepts| accepts.admits(sex, child))
    }

    /// The most specific way the provider's areas cover `region`, if they do. Without a region
    /// only a national provider covers it.
    pub fn reach(&self, region: Option<&Region>) -> Option<Reach> {
        self.areas
            .iter()
            .filter_map(|area| {
                if area == NATIONAL {
                    Some(Reach::National)
                } else if region.is_some_and(|r| r.regency.as_deref() == Some(area.as_str())) {
                    Some(Reach::Regency)
                } else if region.is_some_and(|r| r.province == *area) {
                    Some(Reach::Province)
                } else {
                    None
                }
            })
            .max()
    }
}

impl Directory {
    /// Reads and checks a directory document.
    ///
    /// Every check is made here: the JSON shape (unknown or missing fields, wrong types,
    /// duplicate keys), unknown service kinds, malformed area codes and phone numbers, duplicate
    /// provider ids, services or areas, a provider with no services or no areas, a contact marked
    /// `confirmed` with no phone, WhatsApp or address, an `accepts` that accepts nobody, text
    /// lengths, and the 1 MiB limit. The first problem in file order is returned; it never panics.
    ///
    /// ```
    /// use lindung::directory::{Directory, DirectoryError};
    ///
    /// let json = br#"{"id":"demo","version":"1","providers":[
    ///   {"id":"lpsk","name":"LPSK","services":["victim_protection"],"areas":["ID"],
    ///    "contact":{"phone":"148","confirmed":true}}]}"#;
    /// let directory = Directory::from_json(json)?;
    /// assert_eq!(directory.providers[0].name, "LPSK");
    ///
    /// let unknown = br#"{"id":"demo","version":"1","providers":[
    ///   {"id":"x","name":"X","services":["haircut"],"areas":["63"],"contact":{"confirmed":false}}]}"#;
    /// let error = Directory::from_json(unknown).unwrap_err();
    /// assert_eq!(error.to_string(), "provider `x`: unknown service kind `haircut` in `services`");
    /// # Ok::<(), DirectoryError>(())
    /// ```
    pub fn from_json(bytes: &[u8]) -> Result<Directory, DirectoryError> {
        check::directory_from_json(bytes)
    }

    /// The built-in directory: South Kalimantan with the national lines.
    ///
    /// ```
    /// use lindung::directory::Directory;
    /// use lindung::ServiceKind;
    ///
    /// let directory = Directory::builtin();
    /// assert_eq!(directory.id, "kalsel");
    /// assert!(ServiceKind::ALL
    ///     .iter()
    ///     .all(|kind| directory.providers.iter().any(|p| p.offers(*kind))));
    /// ```
    pub fn builtin() -> Directory {
        // The data file is checked by the tests; should it ever fail to load, an empty directory
        // makes every referral show "no provider" rather than bringing the engine down.
        Directory::from_json(BUILTIN).unwrap_or_else(|_| Directory {
            id: "kalsel".to_owned(),
            version: "invalid".to_owned(),
            description: None,
            providers: Vec::new(),
        })
    }

    /// The provider with this id.
    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|provider| provider.id == id)
    }

    /// The provider a referral for `service` names, for a person in `region` (their domicile, or
    /// the region of intake), or `None` when no provider fits.
    ///
    /// Only providers that offer the service and accept the person count: `child` is whether
    /// the person is under 18 at the time of assessment (the person's record alone cannot say
    /// it without that date), and the sex comes from `person.sex`. Among them, a provider for the
    /// region's regency or city beats one for its province, which beats a national one (`ID`);
    /// among equally specific providers the first in the directory wins. Without a region only
    /// national providers fit.
    ///
    /// ```
    /// use lindung::directory::Directory;
    /// use lindung::{Person, Region, ServiceKind};
    ///
    /// let directory = Directory::from_json(br#"{"id":"demo","version":"1","providers":[
    ///   {"id":"national","name":"National line","services":["psychological"],"areas":["ID"],
    ///    "contact":{"phone":"129","confirmed":true}},
    ///   {"id":"province","name":"Provincial unit","services":["psychological"],"areas":["63"],
    ///    "contact":{"confirmed":false}},
    ///   {"id":"city","name":"City unit for women and children","services":["psychological"],
    ///    "areas":["63.71"],"contact":{"confirmed":false},
    ///    "accepts":{"children":true,"men":false,"women":true}}]}"#)?;
    /// let woman: Person = serde_json::from_str(r#"{"sex":"female","ageYears":30}"#)?;
    /// let man: Person = serde_json::from_str(r#"{"sex":"male","ageYears":30}"#)?;
    /// let banjarmasin = Region { province: "63".into(), regency: Some("63.71".into()) };
    /// let banjarbaru = Region { province: "63".into(), regency: Some("63.72".into()) };
    /// let pick = |region: Option<&Region>, person: &Person| {
    ///     directory
    ///         .provider_for(ServiceKind::Psychological, region, person, false)
    ///         .map(|p| p.id.as_str())
    /// };
    ///
    /// assert_eq!(pick(Some(&banjarmasin), &woman), Some("city")); // regency first
    /// assert_eq!(pick(Some(&banjarmasin), &man), Some("province")); // the city unit takes no men
    /// assert_eq!(pick(Some(&banjarbaru), &woman), Some("province")); // then the province
    /// assert_eq!(pick(None, &woman), Some("national")); // then national
    /// assert_eq!(
    ///     directory.provider_for(ServiceKind::LegalAid, Some(&banjarmasin), &woman, false),
    ///     None
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn provider_for(
        &self,
        service: ServiceKind,
        region: Option<&Region>,
        person: &Person,
        child: bool,
    ) -> Option<&Provider> {
        let mut best: Option<(Reach, &Provider)> = None;
        for provider in &self.providers {
            if !provider.offers(service) || !provider.admits(person.sex, child) {
                continue;
            }
            let Some(reach) = provider.reach(region) else {
                continue;
            };
            // Strictly greater: the first provider in file order keeps a tie.
            if best.is_none_or(|(held, _)| reach > held) {
                best = Some((reach, provider));
            }
        }
        best.map(|(_, provider)| provider)
    }
}
