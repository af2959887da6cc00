//! Why a directory document was refused: each error names the provider and the field.

use std::fmt;

use super::{MAX_AREAS, MAX_BYTES, MAX_PROVIDERS};
use crate::text::{decimal, joined};

/// A directory document that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DirectoryError {
    /// The document is larger than [`MAX_BYTES`].
    TooLarge {
        /// The document's size in bytes.
        size: usize,
    },
    /// The document is not JSON, or not shaped like a directory (unknown or missing field, wrong
    /// type, duplicate key).
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The directory's own `id` is malformed.
    InvalidId {
        /// The id as written.
        value: String,
    },
    /// A text of the directory itself (`version`, `description`) is empty or too long.
    TextLength {
        /// The field's JSON name.
        field: &'static str,
        /// The fewest characters allowed.
        min: usize,
        /// The most characters allowed.
        max: usize,
    },
    /// The directory lists no provider.
    NoProviders,
    /// The directory lists more than [`MAX_PROVIDERS`] providers.
    TooManyProviders {
        /// How many it lists.
        count: usize,
    },
    /// A provider's `id` is malformed; the provider is named by its place in the list.
    InvalidProviderId {
        /// 1-based place of the provider in `providers`.
        number: usize,
        /// The id as written.
        value: String,
    },
    /// Two providers share an id.
    DuplicateProviderId {
        /// The repeated id.
        provider: String,
    },
    /// A text of a provider (`name`, `contact.address`, `contact.hours`) is empty or too long.
    ProviderTextLength {
        /// The provider's id.
        provider: String,
        /// The field, as a dotted JSON name.
        field: &'static str,
        /// The fewest characters allowed.
        min: usize,
        /// The most characters allowed.
        max: usize,
    },
    /// A provider offers no service.
    NoServices {
        /// The provider's id.
        provider: String,
    },
    /// A provider names a service kind that does not exist.
    UnknownService {
        /// The provider's id.
        provider: String,
        /// The service kind as written.
        value: String,
    },
    /// A provider lists a service kind twice.
    DuplicateService {
        /// The provider's id.
        provider: String,
        /// The repeated service kind.
        value: String,
    },
    /// A provider serves no area.
    NoAreas {
        /// The provider's id.
        provider: String,
    },
    /// A provider lists more than [`MAX_AREAS`] areas.
    TooManyAreas {
        /// The provider's id.
        provider: String,
        /// How many it lists.
        count: usize,
    },
    /// An area code is not `ID`, a province (`63`) or a regency or city (`63.71`).
    InvalidArea {
        /// The provider's id.
        provider: String,
        /// The code as written.
        value: String,
    },
    /// A provider lists an area twice.
    DuplicateArea {
        /// The provider's id.
        provider: String,
        /// The repeated code.
        value: String,
    },
    /// A phone or WhatsApp number is malformed.
    InvalidPhone {
        /// The provider's id.
        provider: String,
        /// `contact.phone` or `contact.whatsapp`.
        field: &'static str,
        /// The number as written.
        value: String,
    },
    /// A contact is marked confirmed but gives no phone, WhatsApp number or address.
    ConfirmedWithoutContact {
        /// The provider's id.
        provider: String,
    },
    /// `accepts` accepts neither children, men nor women.
    AcceptsNobody {
        /// The provider's id.
        provider: String,
    },
}

impl fmt::Display for DirectoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for DirectoryError {}

impl DirectoryError {
    /// What is wrong and where, in plain English: the text `Display` writes. An error about a
    /// provider with a usable id opens with it.
    ///
    /// ```
    /// use lindung::directory::DirectoryError;
    ///
    /// let error = DirectoryError::TooManyProviders { count: 1200 };
    /// assert_eq!(error.message(), "directory has 1200 providers, over the limit of 1000");
    /// assert_eq!(error.message(), error.to_string());
    /// ```
    pub fn message(&self) -> String {
        use DirectoryError as E;
        let number = |value: usize| decimal(value as u64);
        // The same words for the directory's texts and a provider's.
        let length = |field: &str, min: usize, max: usize| {
            joined(&[
                "`",
                field,
                "` must be ",
                &number(min),
                " to ",
                &number(max),
                " characters",
            ])
        };
        const ID_FORM: &str = "` must be 1 to 64 of `A-Z a-z 0-9 . _ -`";
        let problem = match self {
            E::TooLarge { size } => joined(&[
                "directory is ",
                &number(*size),
                " bytes, over the limit of ",
                &number(MAX_BYTES),
                " bytes",
            ]),
            E::Json {
                line,
                column,
                message,
            } => joined(&[
                "directory is not valid at line ",
                &number(*line),
                ", column ",
                &number(*column),
                ": ",
                message,
            ]),
            E::InvalidId { value } => joined(&["directory `id` `", value, ID_FORM]),
            E::TextLength { field, min, max } => {
                joined(&["directory ", &length(field, *min, *max)])
            }
            E::NoProviders => "directory has no providers".to_owned(),
            E::TooManyProviders { count } => joined(&[
                "directory has ",
                &number(*count),
                " providers, over the limit of ",
                &number(MAX_PROVIDERS),
            ]),
            E::InvalidProviderId {
                number: place,
                value,
            } => joined(&["provider ", &number(*place), ": `id` `", value, ID_FORM]),
            E::DuplicateProviderId { provider } => {
                joined(&["provider id `", provider, "` is used more than once"])
            }
            E::ProviderTextLength {
                field, min, max, ..
            } => length(field, *min, *max),
            E::NoServices { .. } => "`services` is empty".to_owned(),
            E::UnknownService { value, .. } => {
                joined(&["unknown service kind `", value, "` in `services`"])
            }
            E::DuplicateService { value, .. } => {
                joined(&["service kind `", value, "` is listed more than once"])
            }
            E::NoAreas { .. } => "`areas` is empty".to_owned(),
            E::TooManyAreas { count, .. } => joined(&[
                "`areas` has ",
                &number(*count),
                " codes, over the limit of ",
                &number(MAX_AREAS),
            ]),
            E::InvalidArea { value, .. } => joined(&[
                "area `",
                value,
                "` must be `ID`, a province code like `63` or a regency code like `63.71`",
            ]),
            E::DuplicateArea { value, .. } => {
                joined(&["area `", value, "` is listed more than once"])
            }
            E::InvalidPhone { field, value, .. } => joined(&[
                "`",
                field,
                "` `",
                value,
                "` must be 3 to 20 digits, spaces or dashes, with an optional leading `+`",
            ]),
            E::ConfirmedWithoutContact { .. } => {
                "`contact` is marked confirmed but has no phone, whatsapp or address".to_owned()
            }
            E::AcceptsNobody { .. } => "`accepts` accepts nobody".to_owned(),
        };
        // The provider is named once here; a repeated id already names it in its problem.
        match self.provider() {
            Some(provider) if !matches!(self, E::DuplicateProviderId { .. }) => {
                joined(&["provider `", provider, "`: ", &problem])
            }
            _ => problem,
        }
    }

    /// A stable code for the kind of error, such as `directory.unknown_service`.
    pub fn code(&self) -> &'static str {
        match self {
            DirectoryError::TooLarge { .. } => "directory.too_large",
            DirectoryError::Json { .. } => "directory.json",
            DirectoryError::InvalidId { .. } => "directory.invalid_id",
            DirectoryError::TextLength { .. } => "directory.text_length",
            DirectoryError::NoProviders => "directory.no_providers",
            DirectoryError::TooManyProviders { .. } => "directory.too_many_providers",
            DirectoryError::InvalidProviderId { .. } => "directory.invalid_provider_id",
            DirectoryError::DuplicateProviderId { .. } => "directory.duplicate_provider_id",
            DirectoryError::ProviderTextLength { .. } => "directory.provider_text_length",
            DirectoryError::NoServices { .. } => "directory.no_services",
            DirectoryError::UnknownService { .. } => "directory.unknown_service",
            DirectoryError::DuplicateService { .. } => "directory.duplicate_service",
            DirectoryError::NoAreas { .. } => "directory.no_areas",
            DirectoryError::TooManyAreas { .. } => "directory.too_many_areas",
            DirectoryError::InvalidArea { .. } => "directory.invalid_area",
            DirectoryError::DuplicateArea { .. } => "directory.duplicate_area",
            DirectoryError::InvalidPhone { .. } => "directory.invalid_phone",
            DirectoryError::ConfirmedWithoutContact { .. } => "directory.confirmed_without_contact",
            DirectoryError::AcceptsNobody { .. } => "directory.accepts_nobody",
        }
    }

    /// The id of the provider the error is about, when it is about one that has a usable id.
    pub fn provider(&self) -> Option<&str> {
        match self {
            DirectoryError::DuplicateProviderId { provider }
            | DirectoryError::ProviderTextLength { provider, .. }
            | DirectoryError::NoServices { provider }
            | DirectoryError::UnknownService { provider, .. }
            | DirectoryError::DuplicateService { provider, .. }
            | DirectoryError::NoAreas { provider }
            | DirectoryError::TooManyAreas { provider, .. }
            | DirectoryError::InvalidArea { provider, .. }
            | DirectoryError::DuplicateArea { provider, .. }
            | DirectoryError::InvalidPhone { provider, .. }
            | DirectoryError::ConfirmedWithoutContact { provider }
            | DirectoryError::AcceptsNobody { provider } => Some(provider),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DirectoryError as E;

    #[test]
    fn every_error_has_its_message() {
        let provider = || "unit".to_owned();
        let cases = [
            (
                E::TooLarge { size: 2_000_000 },
                "directory is 2000000 bytes, over the limit of 1048576 bytes",
            ),
            (
                E::Json {
                    line: 3,
                    column: 7,
                    message: "trailing comma".to_owned(),
                },
                "directory is not valid at line 3, column 7: trailing comma",
            ),
            (
                E::InvalidId {
                    value: "a b".to_owned(),
                },
                "directory `id` `a b` must be 1 to 64 of `A-Z a-z 0-9 . _ -`",
            ),
            (
                E::TextLength {
                    field: "version",
                    min: 1,
                    max: 32,
                },
                "directory `version` must be 1 to 32 characters",
            ),
            (E::NoProviders, "directory has no providers"),
            (
                E::TooManyProviders { count: 1001 },
                "directory has 1001 providers, over the limit of 1000",
            ),
            (
                E::InvalidProviderId {
                    number: 2,
                    value: String::new(),
                },
                "provider 2: `id` `` must be 1 to 64 of `A-Z a-z 0-9 . _ -`",
            ),
            (
                E::DuplicateProviderId {
                    provider: provider(),
                },
                "provider id `unit` is used more than once",
            ),
            (
                E::ProviderTextLength {
                    provider: provider(),
                    field: "contact.hours",
                    min: 1,
                    max: 200,
                },
                "provider `unit`: `contact.hours` must be 1 to 200 characters",
            ),
            (
                E::NoServices {
                    provider: provider(),
                },
                "provider `unit`: `services` is empty",
            ),
            (
                E::UnknownService {
                    provider: provider(),
                    value: "haircut".to_owned(),
                },
                "provider `unit`: unknown service kind `haircut` in `services`",
            ),
            (
                E::DuplicateService {
                    provider: provider(),
                    value: "legal_aid".to_owned(),
                },
                "provider `unit`: service kind `legal_aid` is listed more than once",
            ),
            (
                E::NoAreas {
                    provider: provider(),
                },
                "provider `unit`: `areas` is empty",
            ),
            (
                E::TooManyAreas {
                    provider: provider(),
                    count: 101,
                },
                "provider `unit`: `areas` has 101 codes, over the limit of 100",
            ),
            (
                E::InvalidArea {
                    provider: provider(),
                    value: "6".to_owned(),
                },
                "provider `unit`: area `6` must be `ID`, a province code like `63` or a regency \
                 code like `63.71`",
            ),
            (
                E::DuplicateArea {
                    provider: provider(),
                    value: "63".to_owned(),
                },
                "provider `unit`: area `63` is listed more than once",
            ),
            (
                E::InvalidPhone {
                    provider: provider(),
                    field: "contact.whatsapp",
                    value: "12".to_owned(),
                },
                "provider `unit`: `contact.whatsapp` `12` must be 3 to 20 digits, spaces or \
                 dashes, with an optional leading `+`",
            ),
            (
                E::ConfirmedWithoutContact {
                    provider: provider(),
                },
                "provider `unit`: `contact` is marked confirmed but has no phone, whatsapp or \
                 address",
            ),
            (
                E::AcceptsNobody {
                    provider: provider(),
                },
                "provider `unit`: `accepts` accepts nobody",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message, "{error:?}");
        }
    }
}
