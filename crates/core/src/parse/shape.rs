//! Checks a JSON value against the published JSON Schema, collecting every structural problem
//! with its pointer, so the library and any JSON Schema validator refuse the same documents.
//!
//! The schema is compiled once into nodes with every `$ref` resolved. It reads only the keywords
//! the generated schemas use: `$ref`, `anyOf`, `oneOf`, `type`, `const`, `enum`, `properties`,
//! `required`, `additionalProperties`, `propertyNames`, `items`, `minItems`, `maxItems`,
//! `uniqueItems`, `minLength`, `maxLength`, `pattern`, `format` (`date`, `date-time`), `minimum`
//! and `maximum`. Where it is stricter than a validator (`3.0` is not a whole number here) the
//! schema's description says so.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::encode::to_json;

use super::pattern::Pattern;
use super::wording::{form_hint, format_name, type_label};
use crate::decode::time;
use crate::json::Path;
use crate::model::Lang;
use crate::problem::Problem;
use crate::validate::Code;

/// JSON types as bits, so a set of them is one number.
const NULL: u8 = 1;
const BOOLEAN: u8 = 2;
const OBJECT: u8 = 4;
const ARRAY: u8 = 8;
const NUMBER: u8 = 16;
const INTEGER: u8 = 32;
const STRING: u8 = 64;
const TYPES: [(u8, &str); 7] = [
    (NULL, "null"),
    (BOOLEAN, "boolean"),
    (OBJECT, "object"),
    (ARRAY, "array"),
    (NUMBER, "number"),
    (INTEGER, "integer"),
    (STRING, "string"),
];

/// The most structural problems reported for one document: a hostile document could otherwise
/// make hundreds of thousands, and no one reads past the first screen.
pub(crate) const PROBLEM_LIMIT: usize = 100;

/// Lists up to this long are checked for repeated items by comparing them.
const SHORT_LIST: usize = 16;

/// A schema compiled for checking many documents.
#[derive(Debug)]
pub(crate) struct Shape {
    nodes: Vec<Node>,
    root: usize,
}

/// One schema, its `$ref`s resolved to other nodes.
#[derive(Debug, Default)]
struct Node {
    /// The accepted types; `0` accepts any.
    types: u8,
    /// `const` or `enum`.
    allowed: Option<Vec<Value>>,
    /// `anyOf` / `oneOf`.
    branches: Vec<usize>,
    /// When every branch is a constant: their values, and whether `null` is a branch too.
    choices: Option<(Vec<Value>, bool)>,
    /// The allowed values or choices, sorted, when they are all strings: a string is looked up,
    /// not compared with each (the 67 indicator ids).
    names: Vec<String>,
    /// Property names, their nodes and whether they are required, sorted by name.
    properties: Vec<(String, usize, bool)>,
    required: Vec<String>,
    /// True when every required name is a property, listed once: then counting the required
    /// properties present tells whether any is missing.
    required_counted: bool,
    /// `None` accepts any other member, `Some(None)` refuses them, `Some(Some(n))` checks them.
    additional: Option<Option<usize>>,
    property_names: Option<usize>,
    items: Option<usize>,
    min_items: Option<u64>,
    max_items: Option<u64>,
    unique_items: bool,
    min_length: Option<u64>,
    max_length: Option<u64>,
    pattern: Option<(Pattern, String)>,
    format: Option<String>,
    minimum: Option<(f64, Value)>,
    maximum: Option<(f64, Value)>,
}

impl Node {
    /// True when `value` is one of `values` (this node's allowed values or choices).
    fn listed(&self, value: &Value, values: &[Value]) -> bool {
        match value {
            Value::String(text) if !self.names.is_empty() => self
                .names
                .binary_search_by(|n| n.as_str().cmp(text))
                .is_ok(),
            _ => values.contains(value),
        }
    }

    /// True for a node that only fixes a value (a `const` with at most its type).
    fn is_constant(&self) -> bool {
        self.allowed.is_some()
            && self.branches.is_empty()
            && self.properties.is_empty()
            && self.pattern.is_none()
    }
}

impl Shape {
    /// Compiles a root schema; `$ref`s are local (`#/$defs/...`).
    pub(crate) fn compile(root: &Value) -> Shape {
        let mut compiler = Compiler {
            root,
            nodes: Vec::new(),
            refs: BTreeMap::new(),
        };
        let root = compiler.compile(root, 0);
        Shape {
            nodes: compiler.nodes,
            root,
        }
    }

    /// The structural problems of `value`; the walk stops once more than [`PROBLEM_LIMIT`] are
    /// found.
    pub(crate) fn check(&self, value: &Value, lang: Lang) -> Vec<Problem> {
        let mut out = Vec::new();
        Walk { shape: self, lang }.walk(value, self.root, &Path::Root, &mut out);
        out
    }
}

struct Compiler<'v> {
    root: &'v Value,
    nodes: Vec<Node>,
    refs: BTreeMap<&'v str, usize>,
}

impl<'v> Compiler<'v> {
    fn compile(&mut self, schema: &'v Value, depth: usize) -> usize {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            if let Some(id) = self.refs.get(reference) {
                return *id;
            }
            let target = reference
                .strip_prefix('#')
                .and_then(|pointer| self.root.pointer(pointer));
            let id = match target {
                Some(target) if depth < 64 => self.compile(target, depth + 1),
                _ => self.push(Node::default()),
            };
            self.refs.insert(reference, id);
            return id;
        }
        let mut node = Node::default();
        let number = |key: &str| schema.get(key).and_then(Value::as_u64);
        let limit = |key: &str| schema.get(key).and_then(|v| Some((v.as_f64()?, v.clone())));
        node.types = match schema.get("type") {
            Some(Value::String(one)) => type_bit(one),
            Some(Value::Array(many)) => many
                .iter()
                .filter_map(Value::as_str)
                .map(type_bit)
                .fold(0, |a, b| a | b),
            _ => 0,
        };
        node.allowed = match (schema.get("const"), schema.get("enum")) {
            (Some(one), _) => Some(vec![one.clone()]),
            (None, Some(Value::Array(many))) => Some(many.clone()),
            _ => None,
        };
        if node.types == 0 {
            if let Some(allowed) = &node.allowed {
                node.types = allowed.iter().map(value_bit).fold(0, |a, b| a | b);
            }
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (name, property) in properties {
                let id = self.compile(property, depth + 1);
                let at = node
                    .properties
                    .partition_point(|(known, _, _)| known < name);
                node.properties.insert(at, (name.clone(), id, false));
            }
        }
        node.required = schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|name| Some(name.as_str()?.to_owned()))
            .collect();
        let mut counted = 0;
        for (name, _, required) in &mut node.properties {
            *required = node.required.contains(name);
            counted += usize::from(*required);
        }
        node.required_counted = counted == node.required.len();
        node.additional = match schema.get("additionalProperties") {
            Some(Value::Bool(false)) => Some(None),
            Some(other @ Value::Object(_)) => Some(Some(self.compile(other, depth + 1))),
            _ => None,
        };
        node.property_names = schema
            .get("propertyNames")
            .map(|s| self.compile(s, depth + 1));
        node.items = schema.get("items").map(|s| self.compile(s, depth + 1));
        node.min_items = number("minItems");
        node.max_items = number("maxItems");
        node.unique_items = schema.get("uniqueItems") == Some(&Value::Bool(true));
        node.min_length = number("minLength");
        node.max_length = number("maxLength");
        node.pattern = schema
            .get("pattern")
            .and_then(Value::as_str)
            .and_then(|source| Some((Pattern::compile(source)?, source.to_owned())));
        node.format = schema
            .get("format")
            .and_then(Value::as_str)
            .map(str::to_owned);
        node.minimum = limit("minimum");
        node.maximum = limit("maximum");
        if let Some(Value::Array(branches)) = schema.get("anyOf").or_else(|| schema.get("oneOf")) {
            node.branches = branches
                .iter()
                .map(|b| self.compile(b, depth + 1))
                .collect();
            let masks: Vec<u8> = node.branches.iter().map(|b| self.nodes[*b].types).collect();
            if node.types == 0 && !masks.contains(&0) {
                node.types = masks.iter().fold(0, |a, b| a | b);
            }
            node.choices = self.choices(&node.branches);
        }
        let listed = node
            .choices
            .as_ref()
            .map(|(values, _)| values)
            .or(node.allowed.as_ref());
        if let Some(values) = listed.filter(|values| values.iter().all(Value::is_string)) {
            for name in values.iter().filter_map(Value::as_str) {
                let at = node.names.partition_point(|known| known.as_str() < name);
                node.names.insert(at, name.to_owned());
            }
        }
        self.push(node)
    }

    /// The values of branches that are all constants (an enumeration), and whether a plain
    /// `null` branch (an optional answer) is among them.
    fn choices(&self, branches: &[usize]) -> Option<(Vec<Value>, bool)> {
        let mut values = Vec::new();
        let mut nullable = false;
        for branch in branches {
            let node = &self.nodes[*branch];
            if node.types == NULL && node.allowed.is_none() && node.branches.is_empty() {
                nullable = true;
            } else if node.is_constant() {
                values.extend(node.allowed.iter().flatten().cloned());
            } else if let Some((inner, inner_null)) = &node.choices {
                values.extend(inner.iter().cloned());
                nullable |= inner_null;
            } else {
                return None;
            }
        }
        (!values.is_empty()).then_some((values, nullable))
    }

    fn push(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }
}

fn type_bit(name: &str) -> u8 {
    TYPES
        .iter()
        .find(|(_, n)| *n == name)
        .map_or(0, |(bit, _)| *bit)
}

fn value_bit(value: &Value) -> u8 {
    match value {
        Value::Null => NULL,
        Value::Bool(_) => BOOLEAN,
        Value::Number(n) if n.is_i64() || n.is_u64() => INTEGER,
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

struct Walk<'s> {
    shape: &'s Shape,
    lang: Lang,
}

impl Walk<'_> {
    fn walk(&self, value: &Value, id: usize, path: &Path<'_>, out: &mut Vec<Problem>) {
        // One past the limit is enough to know that some were left out.
        if out.len() > PROBLEM_LIMIT {
            return;
        }
        let node = &self.shape.nodes[id];
        if let Some((choices, nullable)) = &node.choices {
            let fits = node.listed(value, choices) || (value.is_null() && *nullable);
            if !fits {
                out.push(self.not_allowed(value, choices, path));
            }
            return;
        }
        if !node.branches.is_empty() {
            self.branches(value, node, path, out);
            return;
        }
        // A fixed list says more than a type: "`5` is not one of `female`, `male`".
        if let Some(allowed) = &node.allowed {
            if !node.listed(value, allowed) {
                out.push(self.not_allowed(value, allowed, path));
            }
            return;
        }
        if !accepts(node.types, value) {
            out.push(self.type_problem(value, node.types, path));
            return;
        }
        match value {
            Value::Object(members) => self.object(members, node, path, out),
            Value::Array(items) => self.array(items, node, path, out),
            Value::String(text) => self.string(text, node, path, out),
            Value::Number(_) => self.number(value, node, path, out),
            Value::Bool(_) | Value::Null => {}
        }
    }

    /// `anyOf` / `oneOf`: passes when a branch passes; otherwise reports the problems of the one
    /// branch the value was evidently meant for, or a type problem. Branches of another type are
    /// not tried, so a sound document costs one branch per choice.
    fn branches(&self, value: &Value, node: &Node, path: &Path<'_>, out: &mut Vec<Problem>) {
        let mut compatible = 0;
        let mut first_failure = None;
        for branch in &node.branches {
            if !accepts(self.shape.nodes[*branch].types, value) {
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
            _ => out.push(self.type_problem(value, node.types, path)),
        }
    }

    fn object(
        &self,
        members: &Map<String, Value>,
        node: &Node,
        path: &Path<'_>,
        out: &mut Vec<Problem>,
    ) {
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
                match known.as_str().cmp(name) {
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
                let names = &self.shape.nodes[names_id].names;
                let fits = if names.is_empty() {
                    let mut problems = Vec::new();
                    self.walk(
                        &Value::String(name.clone()),
                        names_id,
                        &child,
                        &mut problems,
                    );
                    problems.is_empty()
                } else {
                    names.binary_search_by(|n| n.as_str().cmp(name)).is_ok()
                };
                if !fits {
                    out.push(Code::IndicatorUnknown.problem(
                        child.pointer(),
                        self.lang,
                        &[("id", name.clone())],
                    ));
                    continue;
                }
            }
            match node.additional {
                Some(None) => out.push(Code::FieldUnknown.problem(
                    child.pointer(),
                    self.lang,
                    &[("field", name.clone())],
                )),
                Some(Some(id)) => self.walk(member, id, &child, out),
                None => {}
            }
        }
        if node.required_counted && required_present == node.required.len() {
            return;
        }
        for name in &node.required {
            if !members.contains_key(name) {
                out.push(Code::FieldRequired.problem(
                    Path::Key(path, name).pointer(),
                    self.lang,
                    &[("field", name.clone())],
                ));
            }
        }
    }

    fn array(&self, items: &[Value], node: &Node, path: &Path<'_>, out: &mut Vec<Problem>) {
        let length = items.len() as u64;
        if let Some(min) = node.min_items.filter(|min| length < *min) {
            out.push(Code::ArrayTooShort.problem(
                path.pointer(),
                self.lang,
                &[("min", min.to_string()), ("length", length.to_string())],
            ));
        }
        if let Some(max) = node.max_items.filter(|max| length > *max) {
            out.push(Code::ArrayTooLong.problem(
                path.pointer(),
                self.lang,
                &[("max", max.to_string()), ("length", length.to_string())],
            ));
            // Refused before its items are read: a long list is not worth the work.
            return;
        }
        // A short list compares its items; a long one keeps the seen values by their JSON text
        // (objects have sorted keys), so it costs one pass, not a comparison of every pair.
        let short = items.len() <= SHORT_LIST;
        let mut seen = BTreeSet::new();
        for (index, item) in items.iter().enumerate() {
            if out.len() > PROBLEM_LIMIT {
                return;
            }
            let child = Path::Index(path, index);
            let repeated = node.unique_items
                && if short {
                    items[..index].contains(item)
                } else {
                    !seen.insert(to_json(item))
                };
            if repeated {
                out.push(Code::ArrayDuplicate.problem(
                    child.pointer(),
                    self.lang,
                    &[("value", shown(item))],
                ));
                continue;
            }
            if let Some(id) = node.items {
                self.walk(item, id, &child, out);
            }
        }
    }

    fn string(&self, text: &str, node: &Node, path: &Path<'_>, out: &mut Vec<Problem>) {
        if node.min_length.is_some() || node.max_length.is_some() {
            let length = text.chars().count() as u64;
            if let Some(min) = node.min_length.filter(|min| length < *min) {
                out.push(Code::StringTooShort.problem(
                    path.pointer(),
                    self.lang,
                    &[("min", min.to_string()), ("length", length.to_string())],
                ));
                return;
            }
            if let Some(max) = node.max_length.filter(|max| length > *max) {
                out.push(Code::StringTooLong.problem(
                    path.pointer(),
                    self.lang,
                    &[("max", max.to_string()), ("length", length.to_string())],
                ));
                return;
            }
        }
        if let Some((pattern, source)) = &node.pattern {
            if !pattern.is_match(text) {
                out.push(Code::StringPattern.problem(
                    path.pointer(),
                    self.lang,
                    &[
                        ("value", text.to_owned()),
                        ("form", form_hint(source, self.lang)),
                        ("pattern", source.clone()),
                    ],
                ));
                return;
            }
        }
        let valid = match node.format.as_deref() {
            Some("date") => is_date(text),
            Some("date-time") => is_date_time(text),
            _ => true,
        };
        if let (false, Some(format)) = (valid, &node.format) {
            out.push(Code::StringFormat.problem(
                path.pointer(),
                self.lang,
                &[
                    ("value", text.to_owned()),
                    ("format", format_name(format, self.lang).to_owned()),
                ],
            ));
        }
    }

    fn number(&self, value: &Value, node: &Node, path: &Path<'_>, out: &mut Vec<Problem>) {
        let Some(number) = value.as_f64() else {
            return;
        };
        if let Some((_, min)) = node.minimum.as_ref().filter(|(min, _)| number < *min) {
            out.push(Code::NumberTooSmall.problem(
                path.pointer(),
                self.lang,
                &[("value", to_json(value)), ("min", shown(min))],
            ));
        }
        if let Some((_, max)) = node.maximum.as_ref().filter(|(max, _)| number > *max) {
            out.push(Code::NumberTooLarge.problem(
                path.pointer(),
                self.lang,
                &[("value", to_json(value)), ("max", shown(max))],
            ));
        }
    }

    fn type_problem(&self, value: &Value, types: u8, path: &Path<'_>) -> Problem {
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
        let expected = TYPES
            .iter()
            .filter(|(bit, _)| named & bit != 0)
            .map(|(_, name)| type_label(name, self.lang))
            .collect::<Vec<_>>()
            .join(or);
        let found = type_label(type_name(value), self.lang);
        Code::ValueType.problem(
            path.pointer(),
            self.lang,
            &[("expected", expected), ("found", found.to_owned())],
        )
    }

    fn not_allowed(&self, value: &Value, allowed: &[Value], path: &Path<'_>) -> Problem {
        let list = allowed
            .iter()
            .map(|v| format!("`{}`", shown(v)))
            .collect::<Vec<_>>()
            .join(", ");
        Code::ValueNotAllowed.problem(
            path.pointer(),
            self.lang,
            &[("value", shown(value)), ("allowed", list)],
        )
    }
}

/// A value as a person reads it: text without quotes, anything else as compact JSON.
fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
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
        let value = serde_json::from_str::<Value>(r#"{"b": 1, "c": 2, "a": 3}"#);
        let names: Vec<&str> = value
            .iter()
            .filter_map(Value::as_object)
            .flat_map(Map::keys)
            .map(String::as_str)
            .collect();
        assert_eq!(names, ["a", "b", "c"]);
    }
}
