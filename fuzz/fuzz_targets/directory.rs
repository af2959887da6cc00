//! Any bytes as a service directory: a named error or a directory whose providers can be chosen,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lindung::directory::Directory;
use lindung::{Person, Region, ServiceKind};

fuzz_target!(|data: &[u8]| {
    let Ok(directory) = Directory::from_json(data) else {
        return;
    };
    let Ok(person) = serde_json::from_str::<Person>(r#"{"ageYears": 15, "sex": "male"}"#) else {
        return;
    };
    let places = [
        None,
        Some(Region {
            province: "63".to_owned(),
            regency: None,
        }),
        Some(Region {
            province: "63".to_owned(),
            regency: Some("63.71".to_owned()),
        }),
    ];
    for service in ServiceKind::ALL {
        for place in &places {
            for child in [false, true] {
                if let Some(provider) =
                    directory.provider_for(service, place.as_ref(), &person, child)
                {
                    assert!(provider.offers(service));
                }
            }
        }
    }
});
