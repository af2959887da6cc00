//! Checks a JSON value against the published JSON Schema, collecting every structural problem
//! with its pointer, so the library and any JSON Schema validator refuse the same documents.
//!
//! It walks the schema compiled into static nodes (`super::node`) by `cargo xtask codegen`, every
//! `$ref` resolved, so nothing is compiled at run time. The compiler reads only the keywords the
//! generated schemas use: `$ref`, `anyOf`, `oneOf`, `type`, `const`, `enum`, `properties`,
//! `required`, `additionalProperties`, `propertyNames`, `items`, `minItems`, `maxItems`,
//! `uniqueItems`, `minLength`, `maxLength`, `pattern`, `format` (`date`, `date-time`), `minimum`
//! and `maximum`. Where it is stricter than a validator (`3.0` is not a whole number here) the
//! schema's description says so.

use std::cmp::Ordering;

use crate::json::{Object as Members, Value};

use crate::encode::to_json;

use super::node::{
    Additional, Array, Check, Format, Listed, Node, Number, Object, Shape, Text, ARRAY, BOOLEAN,
    INTEGER, NULL, NUMBER, OBJECT, STRING, TYPES,
};
use super::wording::{form_hint, format_name, type_label};
use crate::decode::time;
use crate::json::{name_order, Path};
use crate::model::Lang;
use crate::problem::Problem;
use crate::text::decimal;
use crate::validate::Code;

/// The most structural problems reported for one document: a hostile document could otherwise
/// make hundreds of thousands, and no one reads past the first screen.
pub(crate) const PROBLEM_LIMIT: usize = 100;

/// Lists up to this long are checked for repeated items by comparing them.
const SHORT_LIST: usize = 16;

impl Shape {
    /// The structural problems of `value`; the walk stops once more than [`PROBLEM_LIMIT`] are
    /// found.
    pub(crate) fn check(&'static self, value: &Value, lang: Lang) -> Vec<Problem> {
        let mut out = Vec::new();
        Walk { shape: self, lang }.walk(value, self.root, &Path::Root, &mut out);
        out
    }
}

fn value_bit(value: &Value) -> u8 {
    match value {
        Value::Null => NULL,
        Value::Bool(_) => BOOLEAN,
        Value::Number(n) if n.is_integer() => INTEGER,
        Value::Number(_) => NUMBER,
        Value::String(_) => STRING,
        Value::Array(_) => ARRAY,
        Value::Object(_) => OBJECT,
    }
}

/// True when a value's type is among `types` (a whole number is also a number).
fn accepts(types: u8, value: &Value) -> bool {
    let bit = value_bit(value);
    types == 0 || types & bit != 0 || (bit == INTEGER && types & NUMBER != 0)
}

struct Walk {
    shape: &'static Shape,
    lang: Lang,
}

impl Walk {
    fn node(&self, id: u16) -> &'static Node {
        &self.shape.nodes[usize::from(id)]
    }

    fn walk(&self, value: &Value, id: u16, path: &Path<'_>, out: &mut Vec<Problem>) {
        // One past the limit is enough to know that some were left out.
        if out.len() > PROBLEM_LIMIT {
            return;
        }
        let node = self.node(id);
        let typed = match &node.check {
            // A fixed list says more than a type: "`5` is not one of `female`, `male`".
            Check::Listed(listed) => {
                let fits = match value {
                    Value::String(text) => listed.contains(text),
                    Value::Null => listed.nullable,
                    _ => false,
                };
                if !fits {
                    self.not_allowed(out, value, listed, path);
                }
                return;
            }
            Check::Branches(branches) => {
                self.branches(value, node.types, branches, path, out);
                return;
            }
            Check::Typed(typed) => typed,
        };
        if !accepts(node.types, value) {
            self.type_problem(out, value, node.types, path);
            return;
        }
        match value {
            Value::Object(members) => self.object(members, typed.object, path, out),
            Value::Array(items) => self.array(items, typed.array, path, out),
            Value::String(found) => {
                if let Some(text) = typed.text {
                    self.string(found, text, path, out);
                }
            }
            Value::Number(_) => {
                if let Some(number) = typed.number {
                    self.number(value, number, path, out);
                }
            }
            Value::Bool(_) | Value::Null => {}
        }
    }

    /// `anyOf` / `oneOf`: passes when a branch passes; otherwise reports the problems of the one
    /// branch the value was evidently meant for, or a type problem. Branches of another type are
    /// not tried, so a sound document costs one branch per choice.
    fn branches(
        &self,
        value: &Value,
        types: u8,
        branches: &[u16],
        path: &Path<'_>,
        out: &mut Vec<Problem>,
    ) {
        let mut compatible = 0;
        let mut first_failure = None;
        for branch in branches {
            if !accepts(self.node(*branch).types, value) {
                continue;
            }
            compatible += 1;
            let mut problems = Vec::new();
            self.walk(value, *branch, path, &mut problems);
            if problems.is_empty() {
                return;
            }
            first_failure.get_or_insert(problems);
        }
        match (compatible, first_failure) {
            (1, Some(mut problems)) => out.append(&mut problems),
            _ => self.type_problem(out, value, types, path),
        }
    }

    fn object(
        &self,
        members: &Members<'_>,
        node: Option<&Object>,
        path: &Path<'_>,
        out: &mut Vec<Problem>,
    ) {
        let Some(node) = node else {
            return;
        };
        // The members (a `BTreeMap`) and the properties are both sorted by name, so they are
        // walked together; the required properties present are counted on the way.
        let mut properties = node.properties.iter().peekable();
        let mut required_present = 0;
        for (name, member) in members {
            if out.len() > PROBLEM_LIMIT {
                return;
            }
            let child = Path::Key(path, name);
            let mut property = None;
            while let Some((known, id, required)) = properties.peek() {
                match name_order(known, name) {
                    Ordering::Less => {}
                    Ordering::Equal => property = Some((*id, *required)),
                    Ordering::Greater => break,
                }
                properties.next();
                if property.is_some() {
                    break;
                }
            }
            if let Some((id, required)) = property {
                required_present += usize::from(required);
                self.walk(member, id, &child, out);
                continue;
            }
            if let Some(names_id) = node.property_names {
                let fits = match &self.node(names_id).check {
                    Check::Listed(listed) if !listed.sorted.is_empty() => listed.contains(name),
                    _ => {
                        let mut problems = Vec::new();
                        self.walk(&Value::String(name.into()), names_id, &child, &mut problems);
                        problems.is_empty()
                    }
                };
                if !fits {
                    self.report(out, Code::IndicatorUnknown, &child, &[("id", name)]);
                    continue;
                }
            }
            match node.additional {
                Some(Additional::Refused) => {
                    self.report(out, Code::FieldUnknown, &child, &[("field", name)])
                }
                Some(Additional::Checked(id)) => self.walk(member, id, &child, out),
                None => {}
            }
        }
        if node.required_counted && required_present == node.required.len() {
            return;
        }
        for at in node.required {
            let Some((name, _, _)) = node.properties.get(usize::from(*at)) else {
                continue;
            };
            if !members.contains_key(name) {
                self.report(
                    out,
                    Code::FieldRequired,
                    &Path::Key(path, name),
                    &[("field", name)],
                );
            }
        }
    }

    fn array(
        &self,
        items: &[Value],
        node: Option<&Array>,
        path: &Path<'_>,
        out: &mut Vec<Problem>,
    ) {
        let Some(node) = node else {
            return;
        };
        let length = items.len() as u64;
        if let Some(min) = node.min_items.filter(|min| length < u64::from(*min)) {
            self.report(
                out,
                Code::ArrayTooShort,
                path,
                &[
                    ("min", &decimal(u64::from(min))),
                    ("length", &decimal(length)),
                ],
            );
        }
        if let Some(max) = node.max_items.filter(|max| length > u64::from(*max)) {
            self.report(
                out,
                Code::ArrayTooLong,
                path,
                &[
                    ("max", &decimal(u64::from(max))),
                    ("length", &decimal(length)),
                ],
            );
            // Refused before its items are read: a long list is not worth the work.
            return;
        }
        // A short list compares its items; a long one keeps the seen values by their JSON text
        // (objects have sorted keys), so it costs one pass, not a comparison of every pair.
        let short = items.len() <= SHORT_LIST;
        let mut seen = Vec::new();
        for (index, item) in items.iter().enumerate() {
            if out.len() > PROBLEM_LIMIT {
                return;
            }
            let child = Path::Index(path, index);
            let repeated = node.unique_items
                && if short {
                    items[..index].contains(item)
                } else {
                    !crate::insert_sorted(&mut seen, to_json(item))
                };
            if repeated {
                self.report(
                    out,
                    Code::ArrayDuplicate,
                    &child,
                    &[("value", &shown(item))],
                );
                continue;
            }
            if let Some(id) = node.items {
                self.walk(item, id, &child, out);
            }
        }
    }

    fn string(&self, text: &str, node: &Text, path: &Path<'_>, out: &mut Vec<Problem>) {
        if node.min_length.is_some() || node.max_length.is_some() {
            let length = crate::char_count(text) as u64;
            if let Some(min) = node.min_length.filter(|min| length < u64::from(*min)) {
                self.report(
                    out,
                    Code::StringTooShort,
                    path,
                    &[
                        ("min", &decimal(u64::from(min))),
                        ("length", &decimal(length)),
                    ],
                );
                return;
            }
            if let Some(max) = node.max_length.filter(|max| length > u64::from(*max)) {
                self.report(
                    out,
                    Code::StringTooLong,
                    path,
                    &[
                        ("max", &decimal(u64::from(max))),
                        ("length", &decimal(length)),
                    ],
                );
                return;
            }
        }
        if let Some((pattern, source)) = node.pattern {
            if !pattern.is_match(text) {
                self.report(
                    out,
                    Code::StringPattern,
                    path,
                    &[
                        ("value", text),
                        ("form", &form_hint(source, self.lang)),
                        ("pattern", source),
                    ],
                );
                return;
            }
        }
        let Some(format) = node.format else {
            return;
        };
        let valid = match format {
            Format::Date => is_date(text),
            Format::DateTime => is_date_time(text),
        };
        if !valid {
            self.report(
                out,
                Code::StringFormat,
                path,
                &[
                    ("value", text),
                    ("format", format_name(format.name(), self.lang)),
                ],
            );
        }
    }

    fn number(&self, value: &Value, node: &Number, path: &Path<'_>, out: &mut Vec<Problem>) {
        let Some(number) = value.as_f64() else {
            return;
        };
        if let Some(min) = node.minimum.as_ref().filter(|min| number < min.value) {
            self.report(
                out,
                Code::NumberTooSmall,
                path,
                &[("value", &to_json(value)), ("min", min.text)],
            );
        }
        if let Some(max) = node.maximum.as_ref().filter(|max| number > max.value) {
            self.report(
                out,
                Code::NumberTooLarge,
                path,
                &[("value", &to_json(value)), ("max", max.text)],
            );
        }
    }

    /// Adds a problem with `code` at `path` to `out`: one body for every place the walk reports,
    /// each of them then a single call.
    #[inline(never)]
    fn report(&self, out: &mut Vec<Problem>, code: Code, path: &Path<'_>, params: &[(&str, &str)]) {
        out.push(code.problem_with(path.pointer(), self.lang, params));
    }

    fn type_problem(&self, out: &mut Vec<Problem>, value: &Value, types: u8, path: &Path<'_>) {
        // `null` is how a writer may say "not asked"; naming it would only confuse an officer.
        let named = if types & !NULL != 0 {
            types & !NULL
        } else {
            types
        };
        let or = match self.lang {
            Lang::En => " or ",
            Lang::Id => " atau ",
        };
        let mut expected = String::new();
        let mut first = true;
        for (bit, name) in TYPES {
            if named & bit != 0 {
                if !first {
                    expected.push_str(or);
                }
                first = false;
                expected.push_str(type_label(name, self.lang));
            }
        }
        let found = type_label(type_name(value), self.lang);
        self.report(
            out,
            Code::ValueType,
            path,
            &[("expected", &expected), ("found", found)],
        );
    }

    fn not_allowed(
        &self,
        out: &mut Vec<Problem>,
        value: &Value,
        allowed: &Listed,
        path: &Path<'_>,
    ) {
        let list = crate::decode::listed(allowed.values);
        self.report(
            out,
            Code::ValueNotAllowed,
            path,
            &[("value", &shown(value)), ("allowed", &list)],
        );
    }
}

/// A value as a person reads it: text without quotes, anything else as compact JSON.
fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.to_owned_string(),
        other => to_json(other),
    }
}

fn type_name(value: &Value) -> &'static str {
    let bit = value_bit(value);
    TYPES
        .iter()
        .find(|(each, _)| *each == bit)
        .map_or("null", |(_, name)| name)
}

/// `YYYY-MM-DD`, a real calendar date (RFC 3339 `full-date`).
fn is_date(text: &str) -> bool {
    time::date(text).is_some()
}

/// An RFC 3339 `date-time`: `T` between date and time, seconds, and an offset. A leap second
/// (`:60`) is refused: no clock that records an assessment shows one.
fn is_date_time(text: &str) -> bool {
    time::date_time(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_read_sorted_by_name() {
        // `Walk::object` walks the members and the sorted properties together.
        let value = crate::json::read(br#"{"b": 1, "c": 2, "a": 3}"#).map(|read| read.value);
        let names: Vec<&str> = value
            .iter()
            .filter_map(Value::as_object)
            .flat_map(Members::keys)
            .collect();
        assert_eq!(names, ["a", "b", "c"]);
    }
}
