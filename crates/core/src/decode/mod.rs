//! Typed values read out of a JSON [`Value`]: the assessment after its shape is checked, and rule
//! sets and directories as they are loaded.
//!
//! Each type has one small reader ([`Decode`]), written with [`decode_struct!`] and
//! [`decode_enum!`] from a list of its JSON names. The readers share a handful of non-generic
//! helpers, so a type costs a few dozen instructions rather than the visitor machinery a derived
//! `Deserialize` brings; the serde derives stay on the types for callers who use serde
//! themselves, and a property test holds both to the same reading.
//!
//! A reader stops at the first problem and names it with a JSON Pointer.

mod directory;
mod impls;
mod model;
mod rules;
pub(crate) mod time;

use std::fmt;

use serde_json::{Map, Value};

use crate::json::Path;

/// The first problem met while reading a typed value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The JSON Pointer of the offending value (or of the missing member).
    pub pointer: String,
    /// What is wrong, in plain English.
    pub message: String,
}

impl DecodeError {
    pub(crate) fn new(at: &Path<'_>, message: impl Into<String>) -> DecodeError {
        DecodeError {
            pointer: at.pointer(),
            message: message.into(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "`{}`: {}", self.pointer, self.message)
        }
    }
}

/// A type read out of a JSON value.
pub(crate) trait Decode: Sized {
    /// Reads `value`, found at `at`.
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError>;

    /// The value of an absent object member, when absence is allowed (`None` for an `Option`).
    fn absent() -> Option<Self> {
        None
    }
}

/// A type read out of an object's key (the indicator ids of a map, for example).
pub(crate) trait DecodeKey: Sized {
    /// Reads `key`, the member found at `at`.
    fn decode_key(key: &str, at: &Path<'_>) -> Result<Self, DecodeError>;
}

/// Reads a whole document.
///
/// ```ignore
/// let rules: RuleSetDocument = decode::document(&value)?;
/// ```
pub(crate) fn document<T: Decode>(value: &Value) -> Result<T, DecodeError> {
    T::decode(value, &Path::Root)
}

/// The JSON type of a value, in the words of a message.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The error for a value of the wrong JSON type.
pub(crate) fn wrong_type(value: &Value, at: &Path<'_>, expected: &str) -> DecodeError {
    DecodeError::new(at, format!("expected {expected}, found {}", kind(value)))
}

/// `a`, `b`, `c`: names for a message.
fn listed(names: &[&str]) -> String {
    let mut out = String::new();
    for (index, name) in names.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(name);
        out.push('`');
    }
    out
}

/// The members of an object whose member names are all in `names`.
pub(crate) fn object<'v>(
    value: &'v Value,
    at: &Path<'_>,
    names: &[&str],
) -> Result<&'v Map<String, Value>, DecodeError> {
    let Value::Object(members) = value else {
        return Err(wrong_type(value, at, "an object"));
    };
    if let Some(unknown) = members.keys().find(|key| !names.contains(&key.as_str())) {
        return Err(DecodeError::new(
            &Path::Key(at, unknown),
            format!(
                "unknown field `{unknown}`, expected one of {}",
                listed(names)
            ),
        ));
    }
    Ok(members)
}

/// Reads the member `name` of an object; when it is absent, `default` gives its value, else the
/// type's own absent value (`None`), else it is missing.
pub(crate) fn member<T: Decode>(
    members: &Map<String, Value>,
    at: &Path<'_>,
    name: &str,
    default: Option<fn() -> T>,
) -> Result<T, DecodeError> {
    match members.get(name) {
        Some(value) => T::decode(value, &Path::Key(at, name)),
        None => default
            .map(|make| make())
            .or_else(T::absent)
            .ok_or_else(|| {
                DecodeError::new(&Path::Key(at, name), format!("missing field `{name}`"))
            }),
    }
}

/// The position of a string value among `names`.
pub(crate) fn variant(value: &Value, at: &Path<'_>, names: &[&str]) -> Result<usize, DecodeError> {
    let Value::String(text) = value else {
        return Err(wrong_type(value, at, "a string"));
    };
    name_index(text, at, names)
}

/// The position of `text` among `names`.
pub(crate) fn name_index(text: &str, at: &Path<'_>, names: &[&str]) -> Result<usize, DecodeError> {
    names.iter().position(|name| *name == text).ok_or_else(|| {
        DecodeError::new(
            at,
            format!("unknown value `{text}`, expected one of {}", listed(names)),
        )
    })
}

/// Implements [`Decode`] for a struct from its fields' JSON names.
///
/// `field: "jsonName"` is required unless its type has an absent value (an `Option`);
/// `field: "jsonName" = expr` takes `expr` when the member is absent. Unknown members are refused.
macro_rules! decode_struct {
    ($type:ident { $($field:ident : $name:literal $(= $default:expr)?),* $(,)? }) => {
        impl $crate::decode::Decode for $type {
            fn decode(
                value: &serde_json::Value,
                at: &$crate::json::Path<'_>,
            ) -> Result<Self, $crate::decode::DecodeError> {
                let members = $crate::decode::object(value, at, &[$($name),*])?;
                Ok($type {
                    $($field: $crate::decode::member(
                        members,
                        at,
                        $name,
                        $crate::decode::decode_struct!(@default $($default)?),
                    )?,)*
                })
            }
        }
    };
    (@default) => { None };
    (@default $default:expr) => { Some(|| $default) };
}
pub(crate) use decode_struct;

/// Implements [`Decode`] and [`DecodeKey`] for a unit-only enum from its variants' JSON names.
macro_rules! decode_enum {
    ($type:ident { $($variant:ident : $name:literal),* $(,)? }) => {
        impl $type {
            const DECODE_NAMES: &'static [&'static str] = &[$($name),*];
            const DECODE_VARIANTS: &'static [$type] = &[$($type::$variant),*];
        }

        impl $crate::decode::Decode for $type {
            fn decode(
                value: &serde_json::Value,
                at: &$crate::json::Path<'_>,
            ) -> Result<Self, $crate::decode::DecodeError> {
                $crate::decode::variant(value, at, Self::DECODE_NAMES)
                    .map(|index| Self::DECODE_VARIANTS[index])
            }
        }

        impl $crate::decode::DecodeKey for $type {
            fn decode_key(
                key: &str,
                at: &$crate::json::Path<'_>,
            ) -> Result<Self, $crate::decode::DecodeError> {
                $crate::decode::name_index(key, at, Self::DECODE_NAMES)
                    .map(|index| Self::DECODE_VARIANTS[index])
            }
        }
    };
}
pub(crate) use decode_enum;
