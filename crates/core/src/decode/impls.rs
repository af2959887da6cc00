//! Readers for the standard types: text, booleans, numbers, options, lists, sets and dates.
//!
//! On a problem each records it and returns its stand-in: empty text, `false`, zero, an empty
//! list, the first day of the calendar.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{time, Decode, Errors};
use crate::json::{Path, Value};
use crate::model::Set;
use crate::text::{decimal, joined};

impl Decode for String {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        match value {
            Value::String(text) => text.to_owned_string(),
            _ => {
                errors.wrong_type(value, at, "a string");
                String::new()
            }
        }
    }
}

impl Decode for bool {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        value.as_bool().unwrap_or_else(|| {
            errors.wrong_type(value, at, "a boolean");
            false
        })
    }
}

impl Decode for f64 {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        value.as_f64().unwrap_or_else(|| {
            errors.wrong_type(value, at, "a number");
            0.0
        })
    }
}

/// A whole number from 0 to `max`: one body for every width.
#[inline(never)]
fn whole(value: &Value, at: &Path<'_>, max: u64, errors: &mut Errors) -> u64 {
    match value.as_u64() {
        Some(number) if number <= max => number,
        Some(number) => {
            errors.fail(at, || {
                let (number, max) = (decimal(number), decimal(max));
                joined(&[&number, " is over the largest allowed, ", &max])
            });
            0
        }
        None if value.is_number() => {
            errors.fail(at, || {
                let found = crate::encode::to_json(value);
                joined(&["expected a whole number of 0 or more, found ", &found])
            });
            0
        }
        None => {
            errors.wrong_type(value, at, "a whole number");
            0
        }
    }
}

macro_rules! decode_unsigned {
    ($($type:ty),*) => {$(
        impl Decode for $type {
            fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
                whole(value, at, <$type>::MAX as u64, errors) as $type
            }
        }
    )*};
}
decode_unsigned!(u8, u16, u32, u64);

/// `null` reads as `None`, as serde reads it: the schema allows `null` for an optional member.
impl<T: Decode> Decode for Option<T> {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        match value {
            Value::Null => None,
            _ => Some(T::decode(value, at, errors)),
        }
    }

    const OPTIONAL: bool = true;
}

impl<T: Decode> Decode for Box<T> {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        Box::new(T::decode(value, at, errors))
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        let mut out = Vec::new();
        each_item(value, at, errors, &mut |item, here, errors| {
            out.push(T::decode(item, here, errors));
        });
        out
    }
}

/// Reads each item of an array with `read` (none, and a problem, when it is not an array): the
/// walk is written once, and each list's reader is only what it does with one item.
#[inline(never)]
fn each_item(
    value: &Value,
    at: &Path<'_>,
    errors: &mut Errors,
    read: &mut dyn FnMut(&Value, &Path<'_>, &mut Errors),
) {
    let Value::Array(items) = value else {
        errors.wrong_type(value, at, "an array");
        return;
    };
    for (index, item) in items.iter().enumerate() {
        read(item, &Path::Index(at, index), errors);
    }
}

impl<T: Decode + PartialEq> Decode for Set<T> {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        let values = Vec::<T>::decode(value, at, errors);
        if let Some(index) = (1..values.len()).find(|&i| values[..i].contains(&values[i])) {
            errors.fail_with(
                &Path::Index(at, index),
                &["this value is already in the list"],
            );
        }
        Set::new(values)
    }
}

impl Decode for NaiveDate {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        let Value::String(text) = value else {
            errors.wrong_type(value, at, "a date (YYYY-MM-DD)");
            return NaiveDate::default();
        };
        time::date(text).unwrap_or_else(|| {
            errors.fail_with(at, &["`", text, "` is not a date (YYYY-MM-DD)"]);
            NaiveDate::default()
        })
    }
}

impl Decode for DateTime<FixedOffset> {
    fn decode(value: &Value, at: &Path<'_>, errors: &mut Errors) -> Self {
        let Value::String(text) = value else {
            errors.wrong_type(value, at, "a date and time (RFC 3339)");
            return DateTime::default();
        };
        time::date_time(text).unwrap_or_else(|| {
            errors.fail_with(
                at,
                &[
                    "`",
                    text,
                    "` is not a date and time with an offset (RFC 3339)",
                ],
            );
            DateTime::default()
        })
    }
}
