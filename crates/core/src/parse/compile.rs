//! Compiles a JSON Schema into nodes, every `$ref` resolved, and writes them as the Rust source
//! of static tables ([`super::node`]). `cargo xtask codegen` runs it on the assessment schema to
//! write `compiled.rs`; the library's own build does not carry it.
//!
//! It reads only the keywords the generated schemas use (see [`super::shape`]) and refuses what
//! the nodes cannot say, so a schema change that needs more fails here, not in a check.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::encode::to_json;

use super::emit;
use super::node::{Format, NULL, STRING, TYPES};
use super::pattern::Pattern;

/// How deep schemas may nest inside one another.
const DEPTH_LIMIT: usize = 64;

/// One schema as compiled, before it is written out.
#[derive(Debug, Default)]
pub(super) struct Draft {
    /// Where in the schema the node comes from (`#/properties/a`), for refusals.
    pub(super) place: String,
    pub(super) types: u8,
    /// `const` or `enum`.
    pub(super) allowed: Option<Vec<String>>,
    /// `anyOf` / `oneOf`.
    pub(super) branches: Vec<usize>,
    /// When every branch is a constant: their values, and whether `null` is a branch too.
    pub(super) choices: Option<(Vec<String>, bool)>,
    /// Sorted by name.
    pub(super) properties: Vec<(String, usize, bool)>,
    pub(super) required: Vec<String>,
    pub(super) required_counted: bool,
    /// `None` accepts any other member, `Some(None)` refuses them, `Some(Some(n))` checks them.
    pub(super) additional: Option<Option<usize>>,
    pub(super) property_names: Option<usize>,
    pub(super) items: Option<usize>,
    pub(super) min_items: Option<u64>,
    pub(super) max_items: Option<u64>,
    pub(super) unique_items: bool,
    pub(super) min_length: Option<u64>,
    pub(super) max_length: Option<u64>,
    pub(super) pattern: Option<(Pattern, String)>,
    pub(super) format: Option<Format>,
    /// The bound and its JSON text.
    pub(super) minimum: Option<(f64, String)>,
    pub(super) maximum: Option<(f64, String)>,
}

impl Draft {
    /// True for a node that only fixes a value (a `const` with at most its type).
    fn is_constant(&self) -> bool {
        self.allowed.is_some()
            && self.branches.is_empty()
            && self.properties.is_empty()
            && self.pattern.is_none()
    }
}

/// The Rust source of `root`'s nodes (`$ref`s are local, `#/$defs/...`), or what in the schema
/// the nodes cannot say.
pub(crate) fn source(root: &Value) -> Result<String, String> {
    let mut compiler = Compiler {
        root,
        drafts: Vec::new(),
        refs: BTreeMap::new(),
    };
    let start = compiler.compile(root, "#", 0)?;
    emit::source(&compiler.drafts, start)
}

struct Compiler<'v> {
    root: &'v Value,
    drafts: Vec<Draft>,
    refs: BTreeMap<&'v str, usize>,
}

impl<'v> Compiler<'v> {
    fn compile(&mut self, schema: &'v Value, at: &str, depth: usize) -> Result<usize, String> {
        if depth > DEPTH_LIMIT {
            return Err(format!("{at}: schemas nest deeper than {DEPTH_LIMIT}"));
        }
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            if let Some(id) = self.refs.get(reference) {
                return Ok(*id);
            }
            let target = reference
                .strip_prefix('#')
                .and_then(|pointer| self.root.pointer(pointer))
                .ok_or_else(|| format!("{at}: `$ref` {reference} names no schema"))?;
            let id = self.compile(target, reference, depth + 1)?;
            self.refs.insert(reference, id);
            return Ok(id);
        }
        let mut node = Draft {
            place: at.to_owned(),
            ..Draft::default()
        };
        let number = |key: &str| schema.get(key).and_then(Value::as_u64);
        let limit = |key: &str| {
            schema
                .get(key)
                .and_then(|v| Some((v.as_f64()?, to_json(&crate::json::Value::from(v.clone())))))
        };
        node.types = match schema.get("type") {
            Some(Value::String(one)) => type_bit(one),
            Some(Value::Array(many)) => many
                .iter()
                .filter_map(Value::as_str)
                .map(type_bit)
                .fold(0, |a, b| a | b),
            _ => 0,
        };
        let allowed = match (schema.get("const"), schema.get("enum")) {
            (Some(one), _) => Some(std::slice::from_ref(one)),
            (None, Some(Value::Array(many))) => Some(many.as_slice()),
            _ => None,
        };
        if let Some(allowed) = allowed {
            let texts = allowed.iter().map(|value| match value {
                Value::String(text) => Ok(text.clone()),
                other => Err(format!("{at}: the constant {other} is not text")),
            });
            node.allowed = Some(texts.collect::<Result<_, _>>()?);
        }
        if node.types == 0 && node.allowed.as_ref().is_some_and(|a| !a.is_empty()) {
            node.types = STRING;
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (name, property) in properties {
                let id = self.compile(property, &format!("{at}/properties/{name}"), depth + 1)?;
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
            Some(other @ Value::Object(_)) => {
                let at = format!("{at}/additionalProperties");
                Some(Some(self.compile(other, &at, depth + 1)?))
            }
            _ => None,
        };
        if let Some(names) = schema.get("propertyNames") {
            let at = format!("{at}/propertyNames");
            node.property_names = Some(self.compile(names, &at, depth + 1)?);
        }
        if let Some(items) = schema.get("items") {
            node.items = Some(self.compile(items, &format!("{at}/items"), depth + 1)?);
        }
        node.min_items = number("minItems");
        node.max_items = number("maxItems");
        node.unique_items = schema.get("uniqueItems") == Some(&Value::Bool(true));
        node.min_length = number("minLength");
        node.max_length = number("maxLength");
        if let Some(source) = schema.get("pattern").and_then(Value::as_str) {
            let pattern = Pattern::compile(source)
                .ok_or_else(|| format!("{at}: the pattern {source} is not supported"))?;
            node.pattern = Some((pattern, source.to_owned()));
        }
        node.format = schema
            .get("format")
            .and_then(Value::as_str)
            .and_then(Format::named);
        node.minimum = limit("minimum");
        node.maximum = limit("maximum");
        let branches = schema.get("anyOf").or_else(|| schema.get("oneOf"));
        if let Some(Value::Array(branches)) = branches {
            if node.allowed.is_some() {
                return Err(format!("{at}: `const` or `enum` beside `anyOf` or `oneOf`"));
            }
            for (index, branch) in branches.iter().enumerate() {
                let at = format!("{at}/anyOf/{index}");
                node.branches.push(self.compile(branch, &at, depth + 1)?);
            }
            let masks: Vec<u8> = node
                .branches
                .iter()
                .map(|b| self.drafts[*b].types)
                .collect();
            if node.types == 0 && !masks.contains(&0) {
                node.types = masks.iter().fold(0, |a, b| a | b);
            }
            node.choices = self.choices(&node.branches);
        }
        self.drafts.push(node);
        Ok(self.drafts.len() - 1)
    }

    /// The values of branches that are all constants (an enumeration), and whether a plain
    /// `null` branch (an optional answer) is among them.
    fn choices(&self, branches: &[usize]) -> Option<(Vec<String>, bool)> {
        let mut values = Vec::new();
        let mut nullable = false;
        for branch in branches {
            let node = &self.drafts[*branch];
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
}

fn type_bit(name: &str) -> u8 {
    TYPES
        .iter()
        .find(|(_, n)| *n == name)
        .map_or(0, |(bit, _)| *bit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(schema: &str) -> String {
        let schema = serde_json::from_str::<Value>(schema).unwrap_or_default();
        source(&schema).err().unwrap_or_default()
    }

    #[test]
    fn what_the_nodes_cannot_say_is_refused_with_its_place() {
        let cases = [
            (r#"{"enum": ["a", 1]}"#, "#: the constant 1 is not text"),
            (
                r#"{"properties": {"a": {"const": null}}}"#,
                "#/properties/a: the constant null is not text",
            ),
            (
                r#"{"items": {"pattern": "^(a|b)$"}}"#,
                "#/items: the pattern ^(a|b)$ is not supported",
            ),
            (
                r##"{"$ref": "#/$defs/Missing"}"##,
                "#: `$ref` #/$defs/Missing names no schema",
            ),
            (
                r#"{"const": "a", "anyOf": [{"type": "string"}]}"#,
                "#: `const` or `enum` beside `anyOf` or `oneOf`",
            ),
        ];
        for (schema, expected) in cases {
            assert_eq!(refusal(schema), expected, "{schema}");
        }
    }

    #[test]
    fn a_required_name_that_is_not_a_property_is_refused() {
        let refused = refusal(r#"{"properties": {"a": {}}, "required": ["a", "b"]}"#);
        assert_eq!(refused, "#: `required` names `b`, which is not a property");
    }

    #[test]
    fn limits_of_the_table_are_refused_at_the_schema_that_exceeds_them() {
        let values: Vec<String> = (0..257).map(|n| format!("v{n}")).collect();
        let too_many_values = serde_json::json!({"items": {"enum": values}});
        let properties: serde_json::Map<String, Value> = (0..257)
            .map(|n| (format!("p{n}"), serde_json::json!({})))
            .collect();
        let too_many_properties =
            serde_json::json!({"properties": {"a": {"properties": properties}}});
        let too_long = serde_json::json!({"properties": {"a": {"maxLength": 4_294_967_296_u64}}});
        let cases = [
            (
                too_many_values,
                "#/items: more than 256 allowed values in one list",
            ),
            (
                too_many_properties,
                "#/properties/a: more than 256 properties in one object",
            ),
            (
                too_long,
                "#/properties/a: a length or a count over 4294967295",
            ),
        ];
        for (schema, expected) in cases {
            assert_eq!(source(&schema).err().unwrap_or_default(), expected);
        }
    }

    #[test]
    fn a_schema_that_refers_to_itself_is_refused_not_followed_for_ever() {
        let refused =
            refusal(r##"{"$defs": {"A": {"items": {"$ref": "#/$defs/A"}}}, "$ref": "#/$defs/A"}"##);
        assert!(
            refused.ends_with("schemas nest deeper than 64"),
            "{refused}"
        );
    }

    #[test]
    fn a_small_schema_compiles_to_a_table_walked_from_its_root() {
        let schema = serde_json::json!({
            "type": "object",
            "properties": {"b": {"type": "integer", "minimum": 0}, "a": {"enum": ["y", "x"]}},
            "required": ["a"],
            "additionalProperties": false
        });
        let text = source(&schema).unwrap_or_default();
        for line in [
            "pub(crate) static ASSESSMENT: Shape = Shape { nodes: &NODES, root: 2 };",
            "static NODES: [Node; 3] = [",
            "/* 1 */ Node { types: INTEGER, check: Check::Typed(&Typed { object: None, array: None, \
             text: None, number: Some(&Number { minimum: Some(Bound { value: 0.0, text: \"0\" }), \
             maximum: None }) }) },",
            "/* 0 */ Node { types: STRING, check: Check::Listed(&Listed { values: &[\"y\", \"x\"], \
             sorted: &[1, 0], nullable: false }) },",
            "/* 2 */ Node { types: OBJECT, check: Check::Typed(&Typed { object: Some(&OBJECT_2), \
             array: None, text: None, number: None }) },",
            "        (\"a\", 0, true),\n        (\"b\", 1, false),\n",
            "additional: Some(Additional::Refused),",
        ] {
            assert!(text.contains(line), "{line}\nnot in\n{text}");
        }
    }

    #[test]
    fn a_node_is_written_once_and_only_when_the_walk_reaches_it() {
        // `a` and `b` ask the same; the constants and the `null` of `c` are read as one list.
        let schema = serde_json::json!({
            "type": "object",
            "properties": {
                "a": {"type": "string", "maxLength": 3},
                "b": {"type": "string", "maxLength": 3},
                "c": {"anyOf": [{"const": "x"}, {"const": "y"}, {"type": "null"}]}
            }
        });
        let text = source(&schema).unwrap_or_default();
        for line in [
            "static NODES: [Node; 3] = [",
            "pub(crate) static ASSESSMENT: Shape = Shape { nodes: &NODES, root: 2 };",
            "/* 1 */ Node { types: NULL | STRING, check: Check::Listed(&Listed { values: &[\"x\", \
             \"y\"], sorted: &[0, 1], nullable: true }) },",
            "        (\"a\", 0, false),\n        (\"b\", 0, false),\n        (\"c\", 1, false),\n",
        ] {
            assert!(text.contains(line), "{line}\nnot in\n{text}");
        }
    }
}
