//! The JSON value [`super::read()`] builds: a tree of its own, whose objects are members sorted by
//! name in one vector, so that a program reading JSON with this library (the WASM module) carries
//! neither serde_json's value nor the B-tree map behind its objects.
//!
//! It is the value serde_json would build from the same text (the same numbers, the same members
//! in the same order), and converts to and from `serde_json::Value` for callers who use serde_json.
//!
//! Its strings and names ([`Str`]) borrow the text they were read from (`Value<'a>`) when they have
//! no escape, so reading a document allocates only for its arrays, its objects and the few strings
//! with escapes; [`Value::into_owned`] gives a value that outlives the text.

use std::borrow::Cow;
use std::fmt;
use std::ops::Index;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::Str;

/// A JSON value.
///
/// ```
/// let value = lindung::json::read(br#"{"name": "Sari", "ages": [7, 12]}"#)?.value;
/// assert_eq!(value["name"], "Sari");
/// assert_eq!(value["ages"][1].as_u64(), Some(12));
/// assert!(value["missing"].is_null());
/// assert_eq!(value.to_string(), r#"{"ages":[7,12],"name":"Sari"}"#);
/// # Ok::<(), lindung::json::SyntaxError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Value<'a> {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string: borrowed from the text read when it has no escape.
    String(Str<'a>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object.
    Object(Object<'a>),
}

/// A JSON number, told apart as serde_json tells them apart: a whole number as an integer when it
/// fits one, anything else as an `f64`. Two numbers are equal when they are the same kind and
/// value, as in serde_json: `1` is not `1.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A whole number from 0 to `u64::MAX`.
    Unsigned(u64),
    /// A whole number below 0, down to `i64::MIN`.
    Negative(i64),
    /// Any other number, finite: with a fraction or an exponent, `-0`, or a whole number past the
    /// integers.
    Float(f64),
}

/// A JSON object: its members sorted by name, each name once. Iterating gives the members in
/// that order, as serde_json's map does.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Object<'a> {
    members: Vec<(Str<'a>, Value<'a>)>,
}

/// What an absent member or item is, for [`Index`].
static NULL: Value<'static> = Value::Null;

impl<'a> Value<'a> {
    /// The member `name` of an object; `None` for another value or an absent member.
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        self.as_object().and_then(|object| object.get(name))
    }

    /// The value a JSON Pointer names in this one (see [`super::find`]).
    pub fn pointer(&self, pointer: &str) -> Option<&Value<'a>> {
        super::find(self, pointer)
    }

    /// The same value owning all its text, so that it outlives the text it was read from.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(value) => Value::Bool(value),
            Value::Number(number) => Value::Number(number),
            Value::String(text) => Value::String(text.into_owned()),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::into_owned).collect()),
            Value::Object(object) => Value::Object(object.into_owned()),
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// True for a number.
    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }

    /// The boolean, for `true` and `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// The number, for a number.
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(number) => Some(number),
            _ => None,
        }
    }

    /// The number, for a whole number from 0 to `u64::MAX`.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_number().and_then(Number::as_u64)
    }

    /// The number, for a whole number from `i64::MIN` to `i64::MAX`.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number().and_then(Number::as_i64)
    }

    /// The number as the nearest `f64`, for any number.
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number().map(Number::as_f64)
    }

    /// The text, for a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The items, for an array.
    pub fn as_array(&self) -> Option<&Vec<Value<'a>>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members, for an object.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }
}

impl Number {
    /// The number, when it is a whole number from 0 to `u64::MAX`.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::Unsigned(value) => Some(value),
            _ => None,
        }
    }

    /// The number, when it is a whole number from `i64::MIN` to `i64::MAX`.
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Number::Unsigned(value) => i64::try_from(value).ok(),
            Number::Negative(value) => Some(value),
            Number::Float(_) => None,
        }
    }

    /// The number as the nearest `f64`.
    pub fn as_f64(&self) -> f64 {
        match *self {
            Number::Unsigned(value) => value as f64,
            Number::Negative(value) => value as f64,
            Number::Float(value) => value,
        }
    }

    /// True for a whole number read as an integer ([`Number::Unsigned`], [`Number::Negative`]).
    pub fn is_integer(&self) -> bool {
        !matches!(self, Number::Float(_))
    }
}

impl<'a> Object<'a> {
    /// An object without members.
    pub fn new() -> Object<'a> {
        Object::default()
    }

    /// The same object owning all its text (see [`Value::into_owned`]).
    pub fn into_owned(self) -> Object<'static> {
        let members = self.members.into_iter();
        Object {
            members: members
                .map(|(name, value)| (name.into_owned(), value.into_owned()))
                .collect(),
        }
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// True when the object has no member.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Where `name` is among the members, or where it would go.
    fn position(&self, name: &str) -> Result<usize, usize> {
        self.members
            .binary_search_by(|(member, _)| super::name_order(member, name))
    }

    /// The value of the member `name`.
    pub fn get(&self, name: &str) -> Option<&Value<'a>> {
        let at = self.position(name).ok()?;
        self.members.get(at).map(|(_, value)| value)
    }

    /// True when the object has a member `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_ok()
    }

    /// Sets the member `name` to `value`, giving back the value it replaces.
    pub fn insert(&mut self, name: impl Into<Str<'a>>, value: Value<'a>) -> Option<Value<'a>> {
        let name = name.into();
        match self.position(&name) {
            Ok(at) => self
                .members
                .get_mut(at)
                .map(|(_, old)| std::mem::replace(old, value)),
            Err(at) => {
                self.members.insert(at, (name, value));
                None
            }
        }
    }

    /// An object of `members` already sorted by name, each name once.
    pub(super) fn from_sorted(members: Vec<(Str<'a>, Value<'a>)>) -> Object<'a> {
        Object { members }
    }

    /// The members, sorted by name.
    pub fn iter<'m>(&'m self) -> Members<'m> {
        // A value read from longer-lived text is also one read from text that lives as long as
        // the borrow of the object: the members are given at the shorter of the two.
        let object: &'m Object<'m> = self;
        let member: fn(&'m (Str<'m>, Value<'m>)) -> Member<'m> = |(name, value)| (name, value);
        object.members.iter().map(member)
    }

    /// The names of the members, sorted.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator {
        self.members.iter().map(|(name, _)| &**name)
    }
}

/// The members of an [`Object`], sorted by name.
pub type Members<'a> = std::iter::Map<
    std::slice::Iter<'a, (Str<'a>, Value<'a>)>,
    fn(&'a (Str<'a>, Value<'a>)) -> Member<'a>,
>;

/// A member of an [`Object`]: its name and its value.
pub type Member<'a> = (&'a str, &'a Value<'a>);

impl<'m> IntoIterator for &'m Object<'_> {
    type Item = Member<'m>;
    type IntoIter = Members<'m>;

    fn into_iter(self) -> Members<'m> {
        self.iter()
    }
}

impl<'a> IntoIterator for Object<'a> {
    type Item = (Str<'a>, Value<'a>);
    type IntoIter = std::vec::IntoIter<(Str<'a>, Value<'a>)>;

    fn into_iter(self) -> Self::IntoIter {
        self.members.into_iter()
    }
}

/// Members collected as [`Object::insert`] sets them: a later member of the same name wins.
impl<'a, N: Into<Str<'a>>> FromIterator<(N, Value<'a>)> for Object<'a> {
    fn from_iter<I: IntoIterator<Item = (N, Value<'a>)>>(members: I) -> Object<'a> {
        let mut object = Object::new();
        for (name, value) in members {
            object.insert(name, value);
        }
        object
    }
}

impl<'a> Index<&str> for Value<'a> {
    type Output = Value<'a>;

    /// The member `name` of an object; `null` when there is none.
    fn index(&self, name: &str) -> &Value<'a> {
        self.get(name).unwrap_or(&NULL)
    }
}

impl<'a> Index<usize> for Value<'a> {
    type Output = Value<'a>;

    /// Item `index` of an array; `null` when there is none.
    fn index(&self, index: usize) -> &Value<'a> {
        self.as_array()
            .and_then(|items| items.get(index))
            .unwrap_or(&NULL)
    }
}

/// The compact JSON text, as `serde_json::to_string` writes the same value.
impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::encode::to_json(self))
    }
}

/// The number as JSON writes it, as serde_json's number displays.
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::encode::to_json(self))
    }
}

impl PartialEq<str> for Value<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Value<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<String> for Value<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == Some(other.as_str())
    }
}

impl PartialEq<bool> for Value<'_> {
    fn eq(&self, other: &bool) -> bool {
        self.as_bool() == Some(*other)
    }
}

impl PartialEq<f64> for Value<'_> {
    /// By value, as serde_json compares: `1` equals `1.0`.
    fn eq(&self, other: &f64) -> bool {
        self.as_f64() == Some(*other)
    }
}

macro_rules! eq_integer {
    ($($ty:ty => $as:ident as $wide:ty),* $(,)?) => {$(
        impl PartialEq<$ty> for Value<'_> {
            fn eq(&self, other: &$ty) -> bool {
                self.$as() == Some(*other as $wide)
            }
        }
    )*};
}
eq_integer!(
    i32 => as_i64 as i64,
    i64 => as_i64 as i64,
    u32 => as_u64 as u64,
    u64 => as_u64 as u64,
    usize => as_u64 as u64,
);

impl From<Number> for serde_json::Number {
    fn from(number: Number) -> serde_json::Number {
        match number {
            Number::Unsigned(value) => value.into(),
            Number::Negative(value) => value.into(),
            // Every `Number::Float` is finite; the fallback is never taken.
            Number::Float(value) => serde_json::Number::from_f64(value).unwrap_or(0.into()),
        }
    }
}

impl From<&serde_json::Number> for Number {
    fn from(number: &serde_json::Number) -> Number {
        if let Some(value) = number.as_u64() {
            Number::Unsigned(value)
        } else if let Some(value) = number.as_i64() {
            Number::Negative(value)
        } else {
            Number::Float(number.as_f64().unwrap_or_default())
        }
    }
}

/// The same value as serde_json's: its objects' members in the same order.
impl From<Value<'_>> for serde_json::Value {
    fn from(value: Value<'_>) -> serde_json::Value {
        match value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(value) => serde_json::Value::Bool(value),
            Value::Number(number) => serde_json::Value::Number(number.into()),
            Value::String(text) => serde_json::Value::String(text.into_string()),
            Value::Array(items) => {
                serde_json::Value::Array(items.into_iter().map(Into::into).collect())
            }
            Value::Object(members) => serde_json::Value::Object(
                members
                    .into_iter()
                    .map(|(name, value)| (name.into_string(), value.into()))
                    .collect(),
            ),
        }
    }
}

impl From<&Value<'_>> for serde_json::Value {
    fn from(value: &Value<'_>) -> serde_json::Value {
        value.clone().into()
    }
}

/// The same value as serde_json's.
impl From<serde_json::Value> for Value<'static> {
    fn from(value: serde_json::Value) -> Value<'static> {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(value) => Value::Bool(value),
            serde_json::Value::Number(number) => Value::Number((&number).into()),
            serde_json::Value::String(text) => Value::String(text.into()),
            serde_json::Value::Array(items) => {
                Value::Array(items.into_iter().map(Into::into).collect())
            }
            serde_json::Value::Object(members) => Value::Object(Object {
                // serde_json's map iterates sorted by name, each name once.
                members: members
                    .into_iter()
                    .map(|(name, value)| (name.into(), value.into()))
                    .collect(),
            }),
        }
    }
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(value) => serializer.serialize_bool(*value),
            Value::Number(Number::Unsigned(value)) => serializer.serialize_u64(*value),
            Value::Number(Number::Negative(value)) => serializer.serialize_i64(*value),
            Value::Number(Number::Float(value)) => serializer.serialize_f64(*value),
            Value::String(text) => serializer.serialize_str(text),
            Value::Array(items) => items.serialize(serializer),
            Value::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (name, value) in members {
                    map.serialize_entry(name, value)?;
                }
                map.end()
            }
        }
    }
}

/// An owned value: what serde offers may not outlive the call.
impl<'de> Deserialize<'de> for Value<'static> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value<'static>, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// Reads any value serde offers, as serde_json's value reads it.
struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value<'static>, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value<'static>, E> {
        Ok(Value::Number(match u64::try_from(value) {
            Ok(value) => Number::Unsigned(value),
            Err(_) => Number::Negative(value),
        }))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value<'static>, E> {
        Ok(Value::Number(Number::Unsigned(value)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value<'static>, E> {
        // As serde_json: a number that is not finite is `null`.
        Ok(if value.is_finite() {
            Value::Number(Number::Float(value))
        } else {
            Value::Null
        })
    }

    fn visit_str<E>(self, value: &str) -> Result<Value<'static>, E> {
        Ok(Value::String(value.to_owned().into()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value<'static>, E> {
        Ok(Value::String(value.into()))
    }

    fn visit_unit<E>(self) -> Result<Value<'static>, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value<'static>, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value<'static>, D::Error> {
        Value::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'static>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'static>, A::Error> {
        let mut members = Object::new();
        while let Some((name, value)) = map.next_entry::<String, Value>()? {
            members.insert(name, value);
        }
        Ok(Value::Object(members))
    }
}

/// Any JSON value, as schemars describes serde_json's.
impl schemars::JsonSchema for Value<'_> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "AnyValue".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        true.into()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // a failing test panics
    use super::*;

    #[test]
    fn objects_keep_their_members_sorted_and_each_name_once() {
        let mut object: Object = [("b", 1u64), ("a", 2), ("c", 3), ("a", 4)]
            .into_iter()
            .map(|(name, n)| (name.to_owned(), Value::Number(Number::Unsigned(n))))
            .collect();
        assert_eq!(object.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(object.get("a"), Some(&Value::Number(Number::Unsigned(4))));
        assert_eq!(
            object.insert("b".to_owned(), Value::Null),
            Some(Value::Number(Number::Unsigned(1)))
        );
        assert_eq!(object.insert("bb".to_owned(), Value::Null), None);
        assert_eq!(object.keys().collect::<Vec<_>>(), ["a", "b", "bb", "c"]);
        assert!(object.contains_key("bb") && !object.contains_key("d"));
    }

    #[test]
    fn values_convert_to_and_from_serde_json_unchanged() {
        let text = r#"{"z": [1, -2, 3.5, -0.0, 18446744073709551615, -9223372036854775808],
            "a": {"y": null, "x": true, "é": "text"}, "m": 1e300}"#;
        let ours = crate::json::read(text.as_bytes()).unwrap().value;
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::Value::from(&ours), theirs);
        assert_eq!(Value::from(theirs.clone()), ours);
        assert_eq!(ours.to_string(), theirs.to_string());
        let numbers = ours["z"].as_array().into_iter().flatten();
        let texts: Vec<String> = numbers
            .filter_map(Value::as_number)
            .map(Number::to_string)
            .collect();
        assert_eq!(
            texts,
            [
                "1",
                "-2",
                "3.5",
                "-0.0",
                "18446744073709551615",
                "-9223372036854775808"
            ]
        );
        assert_eq!(serde_json::to_value(&ours).unwrap(), theirs);
        assert_eq!(serde_json::from_value::<Value>(theirs).unwrap(), ours);
    }

    #[test]
    fn values_compare_with_primitives_as_serde_json_values_do() {
        let value = crate::json::read(br#"[1, -1, 1.5, "a", true]"#)
            .unwrap()
            .value;
        assert!(value[0] == 1 && value[0] == 1u64 && value[0] == 1.0 && value[0] != 2);
        assert!(value[1] == -1 && value[1] == -1i64 && value[1] != 1u64);
        assert!(value[2] == 1.5 && value[2] != 1);
        let text = String::from("a");
        assert!(value[3] == "a" && value[3] == *"a" && value[3] == text);
        assert!(value[4] == true && value[5].is_null() && value["a"].is_null());
    }
}
