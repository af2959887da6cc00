//! Why a directory document was refused: each error names the provider and the field.

use super::{MAX_AREAS, MAX_BYTES, MAX_PROVIDERS};

/// A directory document that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DirectoryError {
    /// The document is larger than [`MAX_BYTES`].
    #[error("directory is {size} bytes, over the limit of {MAX_BYTES} bytes")]
    TooLarge {
        /// The document's size in bytes.
        size: usize,
    },
    /// The document is not JSON, or not shaped like a directory (unknown or missing field, wrong
    /// type, duplicate key).
    #[error("directory is not valid at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The directory's own `id` is malformed.
    #[error("directory `id` `{value}` must be 1 to 64 of `A-Z a-z 0-9 . _ -`")]
    InvalidId {
        /// The id as written.
        value: String,
    },
    /// A text of the directory itself (`version`, `description`) is empty or too long.
    #[error("directory `{field}` must be {min} to {max} characters")]
    TextLength {
        /// The field's JSON name.
        field: &'static str,
        /// The fewest characters allowed.
        min: usize,
        /// The most characters allowed.
        max: usize,
    },
    /// The directory lists no provider.
    #[error("directory has no providers")]
    NoProviders,
    /// The directory lists more than [`MAX_PROVIDERS`] providers.
    #[error("directory has {count} providers, over the limit of {MAX_PROVIDERS}")]
    TooManyProviders {
        /// How many it lists.
        count: usize,
    },
    /// A provider's `id` is malformed; the provider is named by its place in the list.
    #[error("provider {number}: `id` `{value}` must be 1 to 64 of `A-Z a-z 0-9 . _ -`")]
    InvalidProviderId {
        /// 1-based place of the provider in `providers`.
        number: usize,
        /// The id as written.
        value: String,
    },
    /// Two providers share an id.
    #[error("provider id `{provider}` is used more than once")]
    DuplicateProviderId {
        /// The repeated id.
        provider: String,
    },
    /// A text of a provider (`name`, `contact.address`, `contact.hours`) is empty or too long.
    #[error("provider `{provider}`: `{field}` must be {min} to {max} characters")]
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
    #[error("provider `{provider}`: `services` is empty")]
    NoServices {
        /// The provider's id.
        provider: String,
    },
    /// A provider names a service kind that does not exist.
    #[error("provider `{provider}`: unknown service kind `{value}` in `services`")]
    UnknownService {
        /// The provider's id.
        provider: String,
        /// The service kind as written.
        value: String,
    },
    /// A provider lists a service kind twice.
    #[error("provider `{provider}`: service kind `{value}` is listed more than once")]
    DuplicateService {
        /// The provider's id.
        provider: String,
        /// The repeated service kind.
        value: String,
    },
    /// A provider serves no area.
    #[error("provider `{provider}`: `areas` is empty")]
    NoAreas {
        /// The provider's id.
        provider: String,
    },
    /// A provider lists more than [`MAX_AREAS`] areas.
    #[error("provider `{provider}`: `areas` has {count} codes, over the limit of {MAX_AREAS}")]
    TooManyAreas {
        /// The provider's id.
        provider: String,
        /// How many it lists.
        count: usize,
    },
    /// An area code is not `ID`, a province (`63`) or a regency or city (`63.71`).
    #[error(
        "provider `{provider}`: area `{value}` must be `ID`, a province code like `63` or a regency code like `63.71`"
    )]
    InvalidArea {
        /// The provider's id.
        provider: String,
        /// The code as written.
        value: String,
    },
    /// A provider lists an area twice.
    #[error("provider `{provider}`: area `{value}` is listed more than once")]
    DuplicateArea {
        /// The provider's id.
        provider: String,
        /// The repeated code.
        value: String,
    },
    /// A phone or WhatsApp number is malformed.
    #[error(
        "provider `{provider}`: `{field}` `{value}` must be 3 to 20 digits, spaces or dashes, with an optional leading `+`"
    )]
    InvalidPhone {
        /// The provider's id.
        provider: String,
        /// `contact.phone` or `contact.whatsapp`.
        field: &'static str,
        /// The number as written.
        value: String,
    },
    /// A contact is marked confirmed but gives no phone, WhatsApp number or address.
    #[error(
        "provider `{provider}`: `contact` is marked confirmed but has no phone, whatsapp or address"
    )]
    ConfirmedWithoutContact {
        /// The provider's id.
        provider: String,
    },
    /// `accepts` accepts neither children, men nor women.
    #[error("provider `{provider}`: `accepts` accepts nobody")]
    AcceptsNobody {
        /// The provider's id.
        provider: String,
    },
}

impl DirectoryError {
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
