//! `Set<T>`: a JSON array of distinct values, where a repeated value is an error, not silently merged.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize};

/// An ordered list of distinct values (`uniqueItems` in the schema).
///
/// Deserializing rejects a repeated value, so the Rust reader and any JSON Schema validator agree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: PartialEq> Set<T> {
    /// Builds a set from values, dropping repeats while keeping the first order.
    pub fn new(values: impl IntoIterator<Item = T>) -> Self {
        let mut out = Vec::new();
        for value in values {
            if !out.contains(&value) {
                out.push(value);
            }
        }
        Set(out)
    }

    /// True when `value` is in the set.
    pub fn contains(&self, value: &T) -> bool {
        self.0.contains(value)
    }
}

impl<T> Set<T> {
    /// True when the set has no values.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The values in their recorded order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The values as a slice.
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'de, T: Deserialize<'de> + PartialEq + Serialize> Deserialize<'de> for Set<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let values = Vec::<T>::deserialize(deserializer)?;
        for (index, value) in values.iter().enumerate() {
            if values[..index].contains(value) {
                let shown = serde_json::to_string(value).unwrap_or_default();
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate value {shown} at index {index}"
                )));
            }
        }
        Ok(Set(values))
    }
}

impl<T: JsonSchema> JsonSchema for Set<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("Set_of_{}", T::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({
            "type": "array",
            "items": generator.subschema_for::<T>(),
            "uniqueItems": true,
        })
    }
}
