//! Provider selection, the built-in South Kalimantan directory, and its generated page.

use std::path::Path;

use lindung::directory::{directory_markdown, Directory, Reach};
use lindung::{Person, Region, ServiceKind, Sex};

type Error = Box<dyn std::error::Error>;

fn person(sex: Sex) -> Result<Person, serde_json::Error> {
    let json = match sex {
        Sex::Female => r#"{"sex":"female","ageYears":30}"#,
        Sex::Male => r#"{"sex":"male","ageYears":30}"#,
    };
    serde_json::from_str(json)
}

/// One row of a selection table: service, region, sex, child, the provider expected.
type Row<'a> = (ServiceKind, Option<&'a Region>, Sex, bool, Option<&'a str>);

fn region(province: &str, regency: Option<&str>) -> Region {
    Region {
        province: province.to_owned(),
        regency: regency.map(str::to_owned),
    }
}

/// A custom directory whose file order and areas exercise every precedence rule.
const CUSTOM: &str = r#"{
  "id": "custom", "version": "test", "providers": [
    {"id": "nat-a", "name": "National A", "services": ["psychological", "legal_aid"], "areas": ["ID"],
     "contact": {"phone": "129", "confirmed": true}},
    {"id": "nat-b", "name": "National B", "services": ["psychological"], "areas": ["ID"],
     "contact": {"phone": "148", "confirmed": true}},
    {"id": "prov-63", "name": "Province 63", "services": ["psychological"], "areas": ["63"],
     "contact": {"confirmed": false}},
    {"id": "prov-63-second", "name": "Province 63, listed second", "services": ["psychological"],
     "areas": ["64", "63"], "contact": {"confirmed": false}},
    {"id": "city-6371-women", "name": "City unit for women and children", "services": ["psychological", "legal_aid"],
     "areas": ["63.71"], "contact": {"confirmed": false},
     "accepts": {"children": true, "men": false, "women": true}},
    {"id": "city-6371-children", "name": "City unit for children", "services": ["psychological"],
     "areas": ["63.71"], "contact": {"confirmed": false},
     "accepts": {"children": true, "men": false, "women": false}},
    {"id": "wide", "name": "Serves a regency and a province", "services": ["child_protection"],
     "areas": ["63", "64.01"], "contact": {"confirmed": false}},
    {"id": "kids-only-national", "name": "Children only", "services": ["child_protection"], "areas": ["ID"],
     "contact": {"phone": "129", "confirmed": true},
     "accepts": {"children": true, "men": false, "women": false}}
  ]
}"#;

#[test]
fn most_specific_provider_wins_and_accepts_is_respected() -> Result<(), Error> {
    use ServiceKind::{ChildProtection, LegalAid, Psychological, Repatriation};
    let directory = Directory::from_json(CUSTOM.as_bytes())?;
    let banjarmasin = region("63", Some("63.71"));
    let banjarbaru = region("63", Some("63.72"));
    let province_only = region("63", None);
    let elsewhere = region("11", Some("11.71"));
    let regency_64 = region("64", Some("64.01"));
    // (service, region, sex, child, expected provider)
    let table: [Row; 17] = [
        (
            Psychological,
            Some(&banjarmasin),
            Sex::Female,
            false,
            Some("city-6371-women"),
        ),
        (
            Psychological,
            Some(&banjarmasin),
            Sex::Male,
            true,
            Some("city-6371-women"),
        ),
        (
            Psychological,
            Some(&banjarmasin),
            Sex::Male,
            false,
            Some("prov-63"),
        ),
        (
            Psychological,
            Some(&banjarbaru),
            Sex::Female,
            false,
            Some("prov-63"),
        ),
        (
            Psychological,
            Some(&province_only),
            Sex::Female,
            false,
            Some("prov-63"),
        ),
        (
            Psychological,
            Some(&elsewhere),
            Sex::Female,
            false,
            Some("nat-a"),
        ),
        (Psychological, None, Sex::Male, false, Some("nat-a")),
        (
            Psychological,
            Some(&regency_64),
            Sex::Male,
            false,
            Some("prov-63-second"),
        ),
        (
            LegalAid,
            Some(&banjarmasin),
            Sex::Female,
            false,
            Some("city-6371-women"),
        ),
        (
            LegalAid,
            Some(&banjarmasin),
            Sex::Male,
            false,
            Some("nat-a"),
        ),
        (LegalAid, None, Sex::Female, true, Some("nat-a")),
        (
            ChildProtection,
            Some(&banjarmasin),
            Sex::Female,
            true,
            Some("wide"),
        ),
        (
            ChildProtection,
            Some(&regency_64),
            Sex::Female,
            true,
            Some("wide"),
        ),
        (
            ChildProtection,
            Some(&elsewhere),
            Sex::Male,
            true,
            Some("kids-only-national"),
        ),
        (ChildProtection, Some(&elsewhere), Sex::Male, false, None),
        (ChildProtection, None, Sex::Female, false, None),
        (Repatriation, Some(&banjarmasin), Sex::Female, false, None),
    ];
    for (service, place, sex, child, expected) in table {
        let found = directory
            .provider_for(service, place, &person(sex)?, child)
            .map(|p| p.id.as_str());
        assert_eq!(
            found, expected,
            "{service:?} in {place:?} for {sex:?} (child {child})"
        );
    }
    Ok(())
}

#[test]
fn reach_ranks_regency_over_province_over_national() -> Result<(), Error> {
    let directory = Directory::from_json(CUSTOM.as_bytes())?;
    let banjarmasin = region("63", Some("63.71"));
    let reach =
        |id: &str, place: Option<&Region>| directory.provider(id).and_then(|p| p.reach(place));
    assert_eq!(
        reach("city-6371-women", Some(&banjarmasin)),
        Some(Reach::Regency)
    );
    assert_eq!(reach("prov-63", Some(&banjarmasin)), Some(Reach::Province));
    assert_eq!(reach("nat-a", Some(&banjarmasin)), Some(Reach::National));
    assert_eq!(reach("city-6371-women", Some(&region("63", None))), None);
    assert_eq!(reach("prov-63", None), None);
    assert!(Reach::Regency > Reach::Province && Reach::Province > Reach::National);
    Ok(())
}

#[test]
fn builtin_loads_and_offers_every_service_kind() {
    let directory = Directory::builtin();
    assert_eq!(directory.id, "kalsel");
    assert!(
        directory.providers.len() > 10,
        "the built-in directory fell back to empty"
    );
    for kind in ServiceKind::ALL {
        assert!(
            directory.providers.iter().any(|p| p.offers(kind)),
            "no provider offers {kind:?}"
        );
    }
}

/// In South Kalimantan, whatever the regency, every service finds a provider for every person
/// (child protection only for children).
#[test]
fn builtin_serves_everyone_in_south_kalimantan() -> Result<(), Error> {
    let directory = Directory::builtin();
    let places = [
        region("63", Some("63.71")),
        region("63", Some("63.72")),
        region("63", Some("63.10")),
        region("63", None),
    ];
    for place in &places {
        for sex in [Sex::Female, Sex::Male] {
            for child in [true, false] {
                for kind in ServiceKind::ALL {
                    if kind == ServiceKind::ChildProtection && !child {
                        continue;
                    }
                    assert!(
                        directory
                            .provider_for(kind, Some(place), &person(sex)?, child)
                            .is_some(),
                        "no {kind:?} in {place:?} for {sex:?} (child {child})"
                    );
                }
            }
        }
    }
    Ok(())
}

#[test]
fn builtin_national_lines_are_the_known_numbers() -> Result<(), Error> {
    let directory = Directory::builtin();
    let woman = person(Sex::Female)?;
    // With no region only national providers fit.
    let lines = [
        (ServiceKind::ChildProtection, true, "129"),
        (ServiceKind::VictimProtection, false, "148"),
        (ServiceKind::PoliceReport, false, "110"),
        (ServiceKind::EmergencyProtection, false, "110"),
        (ServiceKind::MedicalEmergency, false, "119"),
    ];
    for (kind, child, number) in lines {
        let provider = directory.provider_for(kind, None, &woman, child);
        let contact = provider.map(|p| &p.contact);
        assert_eq!(
            contact.and_then(|c| c.phone.as_deref()),
            Some(number),
            "{kind:?}"
        );
        assert_eq!(contact.map(|c| c.confirmed), Some(true), "{kind:?}");
    }
    let general = directory.provider("emergency-112").map(|p| &p.contact);
    assert_eq!(general.and_then(|c| c.phone.as_deref()), Some("112"));
    Ok(())
}

/// Local details are not known: nothing local is confirmed, and no unconfirmed contact carries a
/// number or address that could be mistaken for a real one.
#[test]
fn builtin_invents_no_local_contact() {
    for provider in Directory::builtin().providers {
        let national = provider.areas.iter().any(|a| a == "ID");
        assert_eq!(provider.contact.confirmed, national, "{}", provider.id);
        if !provider.contact.confirmed {
            let c = &provider.contact;
            assert!(
                c.phone.is_none()
                    && c.whatsapp.is_none()
                    && c.address.is_none()
                    && c.hours.is_none(),
                "{} has unconfirmed details",
                provider.id
            );
        }
    }
}

#[test]
fn builtin_routes_banjarmasin_to_local_units() -> Result<(), Error> {
    let directory = Directory::builtin();
    let banjarmasin = region("63", Some("63.71"));
    let table = [
        (
            ServiceKind::PoliceReport,
            Sex::Female,
            false,
            "polresta-banjarmasin-ppa",
        ),
        (
            ServiceKind::ChildProtection,
            Sex::Male,
            true,
            "uptd-ppa-kalsel",
        ),
        (
            ServiceKind::Psychological,
            Sex::Female,
            false,
            "uptd-ppa-kalsel",
        ),
        (
            ServiceKind::Psychological,
            Sex::Male,
            false,
            "himpsi-kalsel",
        ),
        (ServiceKind::SafeShelter, Sex::Male, false, "dinsos-kalsel"),
        (
            ServiceKind::Medicolegal,
            Sex::Female,
            false,
            "ppt-rsud-kalsel",
        ),
        (
            ServiceKind::MigrantWorkerProtection,
            Sex::Male,
            false,
            "bp3mi-kalsel",
        ),
        (ServiceKind::VictimProtection, Sex::Female, false, "lpsk"),
        (
            ServiceKind::CivilDocuments,
            Sex::Female,
            false,
            "disdukcapil-banjarmasin",
        ),
    ];
    for (kind, sex, child, id) in table {
        let found = directory.provider_for(kind, Some(&banjarmasin), &person(sex)?, child);
        assert_eq!(
            found.map(|p| p.id.as_str()),
            Some(id),
            "{kind:?} for {sex:?}"
        );
    }
    Ok(())
}

/// Set `LINDUNG_BLESS=1` to rewrite the committed page.
#[test]
fn committed_directory_page_is_current() -> Result<(), String> {
    let generated = directory_markdown(&Directory::builtin());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/directory.md");
    if std::env::var_os("LINDUNG_BLESS").is_some() {
        std::fs::write(&path, &generated).map_err(|e| e.to_string())?;
    }
    let committed = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    assert!(
        committed == generated,
        "docs/directory.md is stale: run the tests with LINDUNG_BLESS=1"
    );
    Ok(())
}

#[test]
fn page_lists_every_service_and_marks_unconfirmed_contacts() -> Result<(), Error> {
    let directory = Directory::from_json(CUSTOM.as_bytes())?;
    let page = directory_markdown(&directory);
    for kind in ServiceKind::ALL {
        let name = serde_json::to_value(kind)?;
        let heading = format!("## `{}`", name.as_str().unwrap_or_default());
        assert!(page.contains(&heading), "missing {heading}");
    }
    assert!(page
        .contains("| National A (`nat-a`) | national (`ID`) | everyone | phone 129 | confirmed |"));
    assert!(page.contains("| Province 63, listed second (`prov-63-second`) | `64`, `63` | everyone | — | to be confirmed |"));
    assert!(page.contains("| children, women |"));
    assert!(page.contains("No provider."));
    Ok(())
}

mod selection_property {
    use super::*;
    use proptest::prelude::*;

    fn places() -> impl Strategy<Value = Option<Region>> {
        let province = prop::sample::select(vec!["63", "64", "11"]);
        let regency = prop::option::of(prop::sample::select(vec!["71", "72", "01"]));
        prop::option::of(
            (province, regency)
                .prop_map(|(p, r)| region(p, r.map(|r| format!("{p}.{r}")).as_deref())),
        )
    }

    proptest! {
        /// The chosen provider offers the service, accepts the person and covers the region; no
        /// other such provider covers it more specifically, and none listed before it equally.
        #[test]
        fn the_choice_is_the_first_most_specific_fit(
            kind in prop::sample::select(ServiceKind::ALL.to_vec()),
            place in places(),
            female in any::<bool>(),
            child in any::<bool>(),
        ) {
            let custom = Directory::from_json(CUSTOM.as_bytes())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for directory in [Directory::builtin(), custom] {
                let sex = if female { Sex::Female } else { Sex::Male };
                let who = person(sex).map_err(|e| TestCaseError::fail(e.to_string()))?;
                let fits: Vec<(usize, Reach)> = directory
                    .providers
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.offers(kind) && p.admits(sex, child))
                    .filter_map(|(i, p)| p.reach(place.as_ref()).map(|r| (i, r)))
                    .collect();
                let chosen = directory.provider_for(kind, place.as_ref(), &who, child);
                match fits.iter().map(|(_, r)| *r).max() {
                    None => prop_assert!(chosen.is_none()),
                    Some(best) => {
                        let first = fits.iter().find(|(_, r)| *r == best).map(|(i, _)| *i);
                        prop_assert_eq!(
                            chosen.map(|p| p.id.as_str()),
                            first.map(|i| directory.providers[i].id.as_str())
                        );
                    }
                }
            }
        }
    }
}
