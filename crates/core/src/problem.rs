//! A problem found in input: where (JSON Pointer), what (a stable dotted code), how bad, and a
//! message in the requested language. Errors make a document unusable; warnings are findings an
//! officer should see.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
    #[serde(default, skip_serializing_if = "Params::is_empty")]
    pub params: Params,
}

impl Problem {
    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The values a problem's message mentions, by name, kept sorted by name: a JSON object whose
/// keys are in sorted order, as a `BTreeMap<String, String>` writes it.
///
/// A problem names a handful of values at most, so a sorted list is enough; it keeps the code of
/// a search tree out of the WASM module.
///
/// ```
/// use lindung::problem::Params;
///
/// let mut params = Params::new();
/// params.insert("value".to_owned(), "2031-01-01".to_owned());
/// params.insert("field".to_owned(), "birthDate".to_owned());
/// assert_eq!(params.get("field"), Some("birthDate"));
/// assert_eq!(params.get("other"), None);
/// let names: Vec<&str> = params.iter().map(|(name, _)| name).collect();
/// assert_eq!(names, ["field", "value"]);
/// assert_eq!(serde_json::to_string(&params).unwrap(), r#"{"field":"birthDate","value":"2031-01-01"}"#);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Params {
    /// Each name with its value, sorted by name, no name twice.
    entries: Vec<(String, String)>,
}

impl Params {
    /// No values.
    pub const fn new() -> Self {
        Params {
            entries: Vec::new(),
        }
    }

    /// The value named `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        let at = self.position(name).ok()?;
        self.entries.get(at).map(|(_, value)| value.as_str())
    }

    /// Sets the value named `name`, returning the value it replaces, as a map's `insert` does.
    pub fn insert(&mut self, name: String, value: String) -> Option<String> {
        match self.position(&name) {
            Ok(at) => self
                .entries
                .get_mut(at)
                .map(|(_, old)| std::mem::replace(old, value)),
            Err(at) => {
                self.entries.insert(at, (name, value));
                None
            }
        }
    }

    /// Each name with its value, in the order of the names.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + '_ {
        self.entries
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
    }

    /// How many values there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no value.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where `name` is, or where it would go.
    fn position(&self, name: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|(known, _)| known.as_str().cmp(name))
    }
}

/// Written as a map is.
impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a Params {
    type Item = (&'a str, &'a str);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, String)>,
        fn(&'a (String, String)) -> (&'a str, &'a str),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
    }
}

/// A later value for a name replaces an earlier one, as when collecting into a map.
impl FromIterator<(String, String)> for Params {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        let mut params = Params::new();
        params.extend(iter);
        params
    }
}

impl Extend<(String, String)> for Params {
    fn extend<I: IntoIterator<Item = (String, String)>>(&mut self, iter: I) {
        for (name, value) in iter {
            self.insert(name, value);
        }
    }
}

impl From<BTreeMap<String, String>> for Params {
    fn from(map: BTreeMap<String, String>) -> Self {
        // A map's entries come sorted and distinct already.
        Params {
            entries: map.into_iter().collect(),
        }
    }
}

impl From<Params> for BTreeMap<String, String> {
    fn from(params: Params) -> Self {
        params.entries.into_iter().collect()
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (name, value) in &self.entries {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Params;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut params = Params::new();
                while let Some((name, value)) = map.next_entry::<String, String>()? {
                    params.insert(name, value);
                }
                Ok(params)
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// The schema of a map from text to text, which the published schemas have always given.
impl JsonSchema for Params {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        <BTreeMap<String, String>>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <BTreeMap<String, String>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<String, String>>::json_schema(generator)
    }
}

#[doc(hidden)]
pub use crate::validate::problems_markdown;

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::Params;

    fn pairs(names: &[&str]) -> Vec<(String, String)> {
        names
            .iter()
            .enumerate()
            .map(|(index, name)| ((*name).to_owned(), index.to_string()))
            .collect()
    }

    #[test]
    fn params_keep_what_a_map_keeps_in_its_order() -> Result<(), serde_json::Error> {
        let orders: [&[&str]; 5] = [
            &[],
            &["value"],
            &["value", "field", "allowed", "field", "é", "Z", ""],
            &["b", "a", "b", "a"],
            &["count", "total", "count"],
        ];
        for names in orders {
            let params: Params = pairs(names).into_iter().collect();
            let map: BTreeMap<String, String> = pairs(names).into_iter().collect();
            assert_eq!(params.len(), map.len());
            assert_eq!(params.is_empty(), map.is_empty());
            let listed: Vec<(&str, &str)> = params.iter().collect();
            let expected: Vec<(&str, &str)> =
                map.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            assert_eq!(listed, expected);
            for (name, value) in &map {
                assert_eq!(params.get(name), Some(value.as_str()));
            }
            assert_eq!(params.get("absent"), None);
            assert_eq!(format!("{params:?}"), format!("{map:?}"));
            assert_eq!(
                serde_json::to_string(&params)?,
                serde_json::to_string(&map)?
            );
            assert_eq!(BTreeMap::from(params.clone()), map);
            assert_eq!(Params::from(map), params);
        }
        Ok(())
    }

    #[test]
    fn insert_replaces_a_value_as_a_map_does() {
        let mut params = Params::new();
        assert_eq!(params.insert("a".to_owned(), "1".to_owned()), None);
        assert_eq!(
            params.insert("a".to_owned(), "2".to_owned()),
            Some("1".to_owned())
        );
        assert_eq!(params.get("a"), Some("2"));
        assert_eq!(params.len(), 1);
    }

    #[test]
    fn params_read_as_a_map_reads() {
        let texts = [
            r#"{}"#,
            r#"{"b":"2","a":"1"}"#,
            r#"{"a":"1","a":"2"}"#,
            r#"{"a":1}"#,
            r#"["a"]"#,
            r#"null"#,
        ];
        for text in texts {
            let params = serde_json::from_str::<Params>(text).map_err(|e| e.to_string());
            let map = serde_json::from_str::<BTreeMap<String, String>>(text)
                .map(Params::from)
                .map_err(|e| e.to_string());
            assert_eq!(params, map, "{text}");
        }
    }

    #[test]
    fn the_schema_is_a_map_of_text() {
        let params = schemars::schema_for!(Params);
        let map = schemars::schema_for!(BTreeMap<String, String>);
        assert_eq!(params, map);
    }
}
