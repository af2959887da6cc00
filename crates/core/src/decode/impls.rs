//! Readers for the standard types: text, booleans, numbers, options, lists, sets, maps and dates.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;

use super::{time, wrong_type, Decode, DecodeError, DecodeKey};
use crate::json::Path;
use crate::model::Set;

impl Decode for String {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        match value {
            Value::String(text) => Ok(text.clone()),
            _ => Err(wrong_type(value, at, "a string")),
        }
    }
}

impl DecodeKey for String {
    fn decode_key(key: &str, _: &Path<'_>) -> Result<Self, DecodeError> {
        Ok(key.to_owned())
    }
}

impl Decode for bool {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        value
            .as_bool()
            .ok_or_else(|| wrong_type(value, at, "a boolean"))
    }
}

impl Decode for f64 {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        value
            .as_f64()
            .ok_or_else(|| wrong_type(value, at, "a number"))
    }
}

/// A whole number from 0 to `max`.
fn whole(value: &Value, at: &Path<'_>, max: u64) -> Result<u64, DecodeError> {
    match value.as_u64() {
        Some(number) if number <= max => Ok(number),
        Some(number) => Err(DecodeError::new(
            at,
            format!("{number} is over the largest allowed, {max}"),
        )),
        None => Err(wrong_type(value, at, "a whole number from 0")),
    }
}

macro_rules! decode_unsigned {
    ($($type:ty),*) => {$(
        impl Decode for $type {
            fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
                whole(value, at, <$type>::MAX as u64).map(|number| number as $type)
            }
        }
    )*};
}
decode_unsigned!(u8, u16, u32, u64);

/// `null` is `None`, as serde reads it (the schema allows `null` for every optional member).
impl<T: Decode> Decode for Option<T> {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        match value {
            Value::Null => Ok(None),
            _ => T::decode(value, at).map(Some),
        }
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: Decode> Decode for Box<T> {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        T::decode(value, at).map(Box::new)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        let Value::Array(items) = value else {
            return Err(wrong_type(value, at, "an array"));
        };
        items
            .iter()
            .enumerate()
            .map(|(index, item)| T::decode(item, &Path::Index(at, index)))
            .collect()
    }
}

impl<T: Decode + PartialEq> Decode for Set<T> {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        let values = Vec::<T>::decode(value, at)?;
        for (index, value) in values.iter().enumerate() {
            if values[..index].contains(value) {
                return Err(DecodeError::new(
                    &Path::Index(at, index),
                    "this value is already in the list",
                ));
            }
        }
        Ok(Set::new(values))
    }
}

impl<K: DecodeKey, V: Decode> Decode for BTreeMap<K, V> {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        let Value::Object(members) = value else {
            return Err(wrong_type(value, at, "an object"));
        };
        members
            .iter()
            .map(|(key, member)| {
                let here = Path::Key(at, key);
                Ok((K::decode_key(key, &here)?, V::decode(member, &here)?))
            })
            .collect()
    }
}

impl Decode for NaiveDate {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        let Value::String(text) = value else {
            return Err(wrong_type(value, at, "a date (YYYY-MM-DD)"));
        };
        time::date(text)
            .ok_or_else(|| DecodeError::new(at, format!("`{text}` is not a date (YYYY-MM-DD)")))
    }
}

impl Decode for DateTime<FixedOffset> {
    fn decode(value: &Value, at: &Path<'_>) -> Result<Self, DecodeError> {
        let Value::String(text) = value else {
            return Err(wrong_type(value, at, "a date and time (RFC 3339)"));
        };
        time::date_time(text).ok_or_else(|| {
            DecodeError::new(
                at,
                format!("`{text}` is not a date and time with an offset (RFC 3339)"),
            )
        })
    }
}
