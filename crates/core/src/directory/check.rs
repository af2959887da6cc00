//! Reading a directory document: the JSON shape first, then every rule, each error located.
//!
//! Services and areas are read as plain strings first so that an unknown service kind or a
//! malformed area can be reported with the provider it belongs to.

use super::{
    Accepts, Contact, Directory, DirectoryError, Provider, MAX_AREAS, MAX_BYTES, MAX_PROVIDERS,
    NATIONAL,
};
use std::mem::take;

use crate::decode::decode_struct;
use crate::model::Set;
use crate::service::ServiceKind;
use crate::text::joined;

struct RawDirectory {
    id: String,
    version: String,
    description: Option<String>,
    providers: Vec<RawProvider>,
}

decode_struct!(RawDirectory {
    id: "id",
    version: "version",
    description: "description",
    providers: "providers",
});

struct RawProvider {
    id: String,
    name: String,
    services: Vec<String>,
    areas: Vec<String>,
    contact: Contact,
    accepts: Option<Accepts>,
}

decode_struct!(RawProvider {
    id: "id",
    name: "name",
    services: "services",
    areas: "areas",
    contact: "contact",
    accepts: "accepts",
});

pub(super) fn directory_from_json(bytes: &[u8]) -> Result<Directory, DirectoryError> {
    if bytes.len() > MAX_BYTES {
        return Err(DirectoryError::TooLarge { size: bytes.len() });
    }
    let read = crate::json::read(bytes).map_err(syntax_error)?;
    // A repeated key would let the last copy win unseen: an agency must see which it meant.
    if let Some(repeated) = read.repeated_keys.first() {
        return Err(shape_error(
            bytes,
            &repeated.pointer,
            &repeated_key(&repeated.key),
        ));
    }
    let mut raw: RawDirectory = crate::decode::document(&read.value)
        .map_err(|e| shape_error(bytes, &e.pointer, &e.message))?;
    let providers = check(&mut raw)?;
    Ok(Directory {
        id: take(&mut raw.id),
        version: take(&mut raw.version),
        description: raw.description.take(),
        providers,
    })
}

/// Every rule the types cannot say, in file order; the providers, each taken out of the
/// document once its rules hold.
fn check(raw: &mut RawDirectory) -> Result<Vec<Provider>, DirectoryError> {
    if !is_id(&raw.id) {
        return Err(DirectoryError::InvalidId {
            value: raw.id.clone(),
        });
    }
    text_length("version", Some(&raw.version), 32)?;
    text_length("description", raw.description.as_deref(), 2000)?;
    if raw.providers.is_empty() {
        return Err(DirectoryError::NoProviders);
    }
    if raw.providers.len() > MAX_PROVIDERS {
        return Err(DirectoryError::TooManyProviders {
            count: raw.providers.len(),
        });
    }
    // Provider ids seen so far, sorted: the set the rule set's ids are checked with.
    let mut seen = Vec::with_capacity(raw.providers.len());
    let mut providers = Vec::with_capacity(raw.providers.len());
    for (index, provider) in raw.providers.iter_mut().enumerate() {
        let id = provider.id.as_str();
        if !is_id(id) {
            return Err(DirectoryError::InvalidProviderId {
                number: index + 1,
                value: id.to_owned(),
            });
        }
        if !crate::insert_sorted(&mut seen, id.to_owned()) {
            return Err(DirectoryError::DuplicateProviderId {
                provider: id.to_owned(),
            });
        }
        let services = check_provider(provider)?;
        providers.push(Provider {
            id: take(&mut provider.id),
            name: take(&mut provider.name),
            services,
            areas: Set::new(take(&mut provider.areas)),
            contact: take(&mut provider.contact),
            accepts: provider.accepts,
        });
    }
    Ok(providers)
}

/// A provider's rules; its service kinds.
fn check_provider(raw: &RawProvider) -> Result<Set<ServiceKind>, DirectoryError> {
    let id = raw.id.as_str();
    provider_text(id, "name", Some(&raw.name), 200)?;
    let services = services(id, &raw.services)?;
    areas(id, &raw.areas)?;
    contact(id, &raw.contact)?;
    if let Some(accepts) = raw.accepts {
        if !(accepts.children || accepts.men || accepts.women) {
            return Err(DirectoryError::AcceptsNobody {
                provider: id.to_owned(),
            });
        }
    }
    Ok(services)
}

fn services(provider: &str, raw: &[String]) -> Result<Set<ServiceKind>, DirectoryError> {
    if raw.is_empty() {
        return Err(DirectoryError::NoServices {
            provider: provider.to_owned(),
        });
    }
    let mut kinds = Vec::with_capacity(raw.len());
    for value in raw {
        let Some(kind) = crate::decode::key::<ServiceKind>(value) else {
            return Err(DirectoryError::UnknownService {
                provider: provider.to_owned(),
                value: value.clone(),
            });
        };
        if kinds.contains(&kind) {
            return Err(DirectoryError::DuplicateService {
                provider: provider.to_owned(),
                value: value.clone(),
            });
        }
        kinds.push(kind);
    }
    Ok(Set::new(kinds))
}

fn areas(provider: &str, raw: &[String]) -> Result<(), DirectoryError> {
    if raw.is_empty() {
        return Err(DirectoryError::NoAreas {
            provider: provider.to_owned(),
        });
    }
    if raw.len() > MAX_AREAS {
        return Err(DirectoryError::TooManyAreas {
            provider: provider.to_owned(),
            count: raw.len(),
        });
    }
    for (index, value) in raw.iter().enumerate() {
        if !is_area(value) {
            return Err(DirectoryError::InvalidArea {
                provider: provider.to_owned(),
                value: value.clone(),
            });
        }
        if raw[..index].contains(value) {
            return Err(DirectoryError::DuplicateArea {
                provider: provider.to_owned(),
                value: value.clone(),
            });
        }
    }
    Ok(())
}

fn contact(provider: &str, contact: &Contact) -> Result<(), DirectoryError> {
    for (field, number) in [
        ("contact.phone", &contact.phone),
        ("contact.whatsapp", &contact.whatsapp),
    ] {
        if let Some(number) = number {
            if !is_phone(number) {
                return Err(DirectoryError::InvalidPhone {
                    provider: provider.to_owned(),
                    field,
                    value: number.clone(),
                });
            }
        }
    }
    provider_text(provider, "contact.address", contact.address.as_deref(), 500)?;
    provider_text(provider, "contact.hours", contact.hours.as_deref(), 200)?;
    let reachable =
        contact.phone.is_some() || contact.whatsapp.is_some() || contact.address.is_some();
    if contact.confirmed && !reachable {
        return Err(DirectoryError::ConfirmedWithoutContact {
            provider: provider.to_owned(),
        });
    }
    Ok(())
}

fn syntax_error(error: crate::json::SyntaxError) -> DirectoryError {
    DirectoryError::Json {
        line: error.line(),
        column: error.column(),
        message: error.message().to_owned(),
    }
}

/// A problem with the value at `pointer`, at its line and column in `bytes`; a missing member is
/// placed at the object that lacks it.
fn shape_error(bytes: &[u8], pointer: &str, problem: &str) -> DirectoryError {
    let mut place = pointer;
    let (line, column) = loop {
        if let Some(found) = crate::json::locate(bytes, place) {
            break found;
        }
        match place.rsplit_once('/') {
            Some((parent, _)) => place = parent,
            None => break (1, 1),
        }
    };
    let message = if pointer.is_empty() {
        problem.to_owned()
    } else {
        joined(&["`", pointer, "`: ", problem])
    };
    DirectoryError::Json {
        line,
        column,
        message,
    }
}

/// Lengths count characters, as JSON Schema's `minLength` and `maxLength` do.
fn length_ok(text: &str, max: usize) -> bool {
    (1..=max).contains(&crate::char_count(text))
}

fn text_length(field: &'static str, text: Option<&str>, max: usize) -> Result<(), DirectoryError> {
    match text {
        Some(text) if !length_ok(text, max) => {
            Err(DirectoryError::TextLength { field, min: 1, max })
        }
        _ => Ok(()),
    }
}

fn provider_text(
    provider: &str,
    field: &'static str,
    text: Option<&str>,
    max: usize,
) -> Result<(), DirectoryError> {
    match text {
        Some(text) if !length_ok(text, max) => Err(DirectoryError::ProviderTextLength {
            provider: provider.to_owned(),
            field,
            min: 1,
            max,
        }),
        _ => Ok(()),
    }
}

/// The problem of a key that repeats an earlier key of its object, in directories and rule sets.
pub(crate) fn repeated_key(key: &str) -> String {
    joined(&["the key `", key, "` appears more than once"])
}

/// `^[A-Za-z0-9._-]{1,64}$`: the ids of directories, providers, rule sets and rules.
pub(crate) fn is_id(value: &str) -> bool {
    (1..=64).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// `^(ID|[0-9]{2}(\.[0-9]{2})?)$`
fn is_area(value: &str) -> bool {
    let digits = |s: &[u8]| s.len() == 2 && s.iter().all(u8::is_ascii_digit);
    match value.as_bytes() {
        [a, b] if value == NATIONAL || digits(&[*a, *b]) => true,
        [a, b, b'.', c, d] => digits(&[*a, *b]) && digits(&[*c, *d]),
        _ => false,
    }
}

/// `^\+?[0-9][0-9 -]{2,19}$`
fn is_phone(value: &str) -> bool {
    let rest = value.strip_prefix('+').unwrap_or(value).as_bytes();
    match rest.split_first() {
        Some((first, tail)) => {
            first.is_ascii_digit()
                && (2..=19).contains(&tail.len())
                && tail
                    .iter()
                    .all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'-'))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_codes() {
        for good in ["ID", "63", "63.71", "00", "99.99"] {
            assert!(is_area(good), "{good}");
        }
        for bad in [
            "", "id", "6", "630", "63.7", "63.711", "63-71", "6a", "ID.01", "63.", ".71",
        ] {
            assert!(!is_area(bad), "{bad}");
        }
    }

    #[test]
    fn phone_numbers() {
        for good in [
            "129",
            "+62 511 123",
            "0511-3350-000",
            "+6281234567890123456",
        ] {
            assert!(is_phone(good), "{good}");
        }
        for bad in [
            "",
            "+",
            "12",
            "+12",
            "-129",
            "12a",
            "+ 129",
            "0812345678901234567890",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn ids() {
        assert!(is_id("uptd-ppa.kalsel_1"));
        assert!(is_id(&"a".repeat(64)));
        assert!(!is_id(&"a".repeat(65)));
        assert!(!is_id(""));
        assert!(!is_id("with space"));
        assert!(!is_id("é"));
    }
}
