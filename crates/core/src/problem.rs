//! A problem found in input: where (JSON Pointer), what (a stable dotted code), how bad, and a
//! message in the requested language. Errors make a document unusable; warnings are findings an
//! officer should see.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How bad a problem is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document cannot be used as it is.
    Error,
    /// A quality finding: the document can be used, but an officer should look.
    Warning,
}

/// One problem, located by a JSON Pointer in JSON names (`/person/birthDate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Problem {
    /// JSON Pointer (RFC 6901) to the offending place; `""` is the whole document.
    pub path: String,
    /// Stable, dotted code, for example `date.in_future`.
    pub code: String,
    /// Error or warning.
    pub severity: Severity,
    /// Human-readable message in the requested language.
    pub message: String,
    /// Values the message mentions, for hosts that write their own messages.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl Problem {
    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

#[doc(hidden)]
pub use crate::validate::problems_markdown;
