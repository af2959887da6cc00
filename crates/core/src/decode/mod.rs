//! Typed values read out of a JSON [`Value`]: the assessment after its shape is checked, and rule
//! sets and directories as they are loaded.
//!
//! Each type has one small reader ([`Decode`]), written with [`decode_struct!`] and
//! [`decode_enum!`] from a list of its JSON names. The readers share a handful of non-generic
//! helpers, so a type costs a few dozen instructions rather than the visitor machinery a derived
//! `Deserialize` brings; the serde derives stay on the types for callers who use serde
//! themselves, and a property test holds both to the same reading.
//!
//! A reader names the first problem with a JSON Pointer ([`Errors`]).

mod directory;
mod impls;
mod model;
mod rules;
pub(crate) mod time;

use std::fmt;

use crate::json::Value;
use crate::text::joined;

use crate::json::{same_name, Path};

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

/// The first problem met while reading a document. Readers never stop early: on a problem they
/// record it here and go on with a stand-in value, so a reader is straight-line code without the
/// clean-up paths an early return needs at every member (which is most of a reader's size).
#[derive(Debug, Default)]
pub(crate) struct Errors {
    first: Option<DecodeError>,
}

impl Errors {
    /// Records a problem at `at`, unless one is already recorded; the message is only written for
    /// the first.
    pub(crate) fn fail(&mut self, at: &Path<'_>, message: impl FnOnce() -> String) {
        if self.first.is_none() {
            self.record(at, message());
        }
    }

    /// Records a problem whose message is `pieces` joined, unless one is already recorded.
    pub(crate) fn fail_with(&mut self, at: &Path<'_>, pieces: &[&str]) {
        if self.first.is_none() {
            self.record(at, joined(pieces));
        }
    }

    /// One out-of-line body for every [`Errors::fail`]: each caller's closure is its own copy of
    /// `fail`, so what they share is kept out of them.
    #[inline(never)]
    fn record(&mut self, at: &Path<'_>, message: String) {
        self.first = Some(DecodeError::new(at, message));
    }

    /// Records that `value` is not of the `expected` JSON type.
    pub(crate) fn wrong_type(&mut self, value: &Value, at: &Path<'_>, expected: &str) {
        self.fail_with(at, &["expected ", expected, ", found ", kind(value)]);
    }
}

/// A type read out of a JSON value.
pub(crate) trait Decode: Sized {
    /// Reads `value`, found at `at`. On a problem, records it in `errors` and returns a stand-in
    /// (what the type reads from `null`), which the caller never sees: [`document`] then fails.
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self;

    /// Whether an object member of this type may be absent: an `Option`, which reads an absent
    /// member as it reads `null`, as `None`.
    const OPTIONAL: bool = false;
}

/// A type read out of an object's key (the indicator ids of a map, for example).
pub(crate) trait DecodeKey: Sized {
    /// Reads `key`, the member found at `at`; on a problem, records it and returns a stand-in.
    fn decode_key(key: &str, at: &Path<'_>, errors: &mut Errors) -> Self;
}

/// Reads a whole document, or names its first problem.
pub(crate) fn document<T: Decode>(value: &Value) -> Result<T, DecodeError> {
    let mut errors = Errors::default();
    let read = T::decode(value, &Path::Root, &mut errors);
    match errors.first {
        None => Ok(read),
        Some(error) => Err(error),
    }
}

/// Reads a whole document given as serde_json's value, which tests build and change.
#[cfg(test)]
pub(crate) fn serde_document<T: Decode>(value: &serde_json::Value) -> Result<T, DecodeError> {
    document(&value.clone().into())
}

/// Reads a key on its own: `None` when it is not one of the type's names.
pub(crate) fn key<T: DecodeKey>(key: &str) -> Option<T> {
    let mut errors = Errors::default();
    let read = T::decode_key(key, &Path::Root, &mut errors);
    errors.first.is_none().then_some(read)
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

/// `a`, `b`, `c`: names for a message.
pub(crate) fn listed(names: &[&str]) -> String {
    let mut out = String::new();
    for (index, name) in names.iter().enumerate() {
        push_listed(&mut out, index, name);
    }
    out
}

/// Writes `name` as item `index` of a [`listed`] list, for lists not held in a slice.
pub(crate) fn push_listed(out: &mut String, index: usize, name: &str) {
    if index > 0 {
        out.push_str(", ");
    }
    out.push('`');
    out.push_str(name);
    out.push('`');
}

/// The most members a struct read with [`decode_struct!`] may have.
pub(crate) const MAX_MEMBERS: usize = 24;

/// What an absent member is read from: an `Option` reads it as `None`, anything else is missing
/// and reads it as its stand-in.
static NULL: Value<'static> = Value::Null;

/// The members of an object being read: one slot per name of the reader's `names`, in that order,
/// found in one pass over the object (`None` for a name the object does not have), and taken in
/// that order by [`member`] and [`member_or`].
pub(crate) struct Members<'v, 'a> {
    slots: [Option<&'v Value<'v>>; MAX_MEMBERS],
    names: &'static [&'static str],
    at: &'a Path<'a>,
    /// The place of the member last taken, kept here so each member's reader passes one pointer.
    here: Path<'a>,
    /// False when the value was not an object: its members are then not reported missing, as
    /// the value is already refused.
    object: bool,
    /// The position of the member the next [`Members::next`] takes.
    next: usize,
}

impl<'v, 'a> Members<'v, 'a> {
    /// Finds the members of `value`, found at `at`. A member not in `names`, or a value that is
    /// not an object, is recorded as a problem.
    #[inline(never)]
    pub(crate) fn of(
        value: &'v Value<'_>,
        at: &'a Path<'a>,
        names: &'static [&'static str],
        errors: &mut Errors,
    ) -> Self {
        let mut members = Members {
            slots: [None; MAX_MEMBERS],
            names,
            at,
            here: Path::Root,
            object: false,
            next: 0,
        };
        let Value::Object(object) = value else {
            errors.wrong_type(value, at, "an object");
            return members;
        };
        members.object = true;
        for (key, member) in object {
            match names.iter().position(|name| same_name(name, key)) {
                Some(index) => {
                    if let Some(slot) = members.slots.get_mut(index) {
                        *slot = Some(member);
                    }
                }
                None => errors.fail(&Path::Key(at, key), || {
                    joined(&[
                        "unknown field `",
                        key,
                        "`, expected one of ",
                        &listed(names),
                    ])
                }),
            }
        }
        members
    }

    /// Takes the next member, `None` when it is absent; its place is then `self.here`. One body
    /// in the WASM module; natively inlined into each reader.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn next(&mut self) -> Option<&'v Value<'v>> {
        let index = self.next;
        self.next += 1;
        self.here = Path::Key(self.at, self.names.get(index).copied().unwrap_or_default());
        self.slots.get(index).copied().flatten()
    }

    /// Takes the next member, `null` when it is absent; an absent `required` member is recorded
    /// as missing. One body in the WASM module; natively inlined into each reader.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn take(&mut self, required: bool, errors: &mut Errors) -> &'v Value<'v> {
        let value = self.next();
        if value.is_none() && required && self.object {
            if let Path::Key(_, name) = self.here {
                errors.fail_with(&self.here, &["missing field `", name, "`"]);
            }
        }
        value.unwrap_or(&NULL)
    }
}

/// Reads the next member of `members`; an absent member is missing unless its type is optional.
pub(crate) fn member<T: Decode>(members: &mut Members<'_, '_>, errors: &mut Errors) -> T {
    let value = members.take(!T::OPTIONAL, errors);
    T::decode(value, &members.here, errors)
}

/// Reads the next member of `members`, or `default()` when it is absent.
pub(crate) fn member_or<T: Decode>(
    members: &mut Members<'_, '_>,
    errors: &mut Errors,
    default: impl FnOnce() -> T,
) -> T {
    match members.next() {
        Some(value) => T::decode(value, &members.here, errors),
        None => default(),
    }
}

/// The position of a string value among `names` (0, the stand-in, on a problem).
///
/// This and [`name_index`] are inlined natively into each enum's reader, whose names are then
/// known to the compiler; the WASM module, whose size counts for more, keeps one body of each.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn variant(value: &Value, at: &Path<'_>, names: &[&str], errors: &mut Errors) -> usize {
    match value {
        Value::String(text) => name_index(text, at, names, errors),
        _ => {
            errors.wrong_type(value, at, "a string");
            0
        }
    }
}

/// The position of `text` among `names` (0, the stand-in, on a problem).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn name_index(text: &str, at: &Path<'_>, names: &[&str], errors: &mut Errors) -> usize {
    names
        .iter()
        .position(|name| same_name(name, text))
        .unwrap_or_else(|| {
            errors.fail(at, || {
                joined(&[
                    "unknown value `",
                    text,
                    "`, expected one of ",
                    &listed(names),
                ])
            });
            0
        })
}

/// Implements [`Decode`] for a struct from its fields' JSON names.
///
/// `field: "jsonName"` is required unless its type is optional (an `Option`);
/// `field: "jsonName" = expr` takes `expr` when the member is absent. Unknown members are refused.
macro_rules! decode_struct {
    ($type:ident { $($field:ident : $name:literal $(= $default:expr)?),* $(,)? }) => {
        impl $crate::decode::Decode for $type {
            fn decode(
                value: &$crate::json::Value,
                at: &$crate::json::Path<'_>,
                errors: &mut $crate::decode::Errors,
            ) -> Self {
                const NAMES: &[&str] = &[$($name),*];
                const _: () = assert!(NAMES.len() <= $crate::decode::MAX_MEMBERS);
                let mut members = $crate::decode::Members::of(value, at, NAMES, errors);
                $type {
                    $($field: $crate::decode::decode_struct!(
                        @member members, errors $(, $default)?
                    ),)*
                }
            }
        }
    };
    (@member $members:ident, $errors:ident) => {
        $crate::decode::member(&mut $members, $errors)
    };
    (@member $members:ident, $errors:ident, $default:expr) => {
        $crate::decode::member_or(&mut $members, $errors, || $default)
    };
}
pub(crate) use decode_struct;

/// Implements [`Decode`] and [`DecodeKey`] for a unit-only enum from its variants' JSON names,
/// and [`crate::encode::Encode`] from the same names, so each enum's names are listed once.
macro_rules! decode_enum {
    (
        $type:ident {
            $first:ident : $first_name:literal $(, $variant:ident : $name:literal)* $(,)?
        }
    ) => {
        impl $type {
            const DECODE_NAMES: &'static [&'static str] = &[$first_name $(, $name)*];
            const DECODE_VARIANTS: &'static [$type] = &[$type::$first $(, $type::$variant)*];

            /// The variant at `index` of the names; the first, the stand-in, past their end
            /// (which [`crate::decode::name_index`] never gives).
            fn decode_variant(index: usize) -> Self {
                Self::DECODE_VARIANTS.get(index).copied().unwrap_or($type::$first)
            }
        }

        impl $crate::decode::Decode for $type {
            fn decode(
                value: &$crate::json::Value,
                at: &$crate::json::Path<'_>,
                errors: &mut $crate::decode::Errors,
            ) -> Self {
                Self::decode_variant($crate::decode::variant(value, at, Self::DECODE_NAMES, errors))
            }
        }

        impl $crate::encode::Encode for $type {
            fn encode(&self, out: &mut String) {
                out.push('"');
                out.push_str(match self {
                    $type::$first => $first_name,
                    $($type::$variant => $name,)*
                });
                out.push('"');
            }
        }

        impl $crate::decode::DecodeKey for $type {
            fn decode_key(
                key: &str,
                at: &$crate::json::Path<'_>,
                errors: &mut $crate::decode::Errors,
            ) -> Self {
                Self::decode_variant($crate::decode::name_index(key, at, Self::DECODE_NAMES, errors))
            }
        }
    };
}
pub(crate) use decode_enum;
