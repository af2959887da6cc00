//! The field registry covers the assessment schema: every leaf of `schemas/assessment.v1.json`
//! is a registered field, and every registered field is a leaf of the schema.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use std::collections::BTreeSet;

use lindung::fields::{self, FieldKind};
use serde_json::Value;

/// A subschema with its `$ref` resolved and, for an optional value (`anyOf` with `null`), the
/// branch that is not `null`.
fn not_null<'s>(schema: &'s Value, node: &'s Value) -> &'s Value {
    let node = resolve(schema, node);
    match node.get("anyOf").and_then(Value::as_array) {
        Some(options) => options
            .iter()
            .map(|o| resolve(schema, o))
            .find(|o| o.get("type") != Some(&Value::from("null")))
            .unwrap(),
        None => node,
    }
}

fn resolve<'a>(schema: &'a Value, mut node: &'a Value) -> &'a Value {
    while let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap();
        node = &schema["$defs"][name];
    }
    node
}

/// The leaves of the schema as pointers, `*` for array elements; `(map)` marks an object whose
/// keys are data (the indicator map).
fn leaves(schema: &Value, node: &Value, at: &str, out: &mut BTreeSet<String>) {
    let node = resolve(schema, node);
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = node.get(key).and_then(Value::as_array) {
            for option in options {
                if resolve(schema, option).get("type") != Some(&Value::from("null")) {
                    leaves(schema, option, at, out);
                }
            }
            return;
        }
    }
    if let Some(properties) = node.get("properties").and_then(Value::as_object) {
        for (name, child) in properties {
            leaves(schema, child, &format!("{at}/{name}"), out);
        }
    } else if node.get("type") == Some(&Value::from("object")) {
        out.insert(format!("{at} (map)"));
    } else if let Some(items) = node.get("items") {
        let items_node = resolve(schema, items);
        if items_node.get("properties").is_some() {
            leaves(schema, items, &format!("{at}/*"), out);
        } else {
            out.insert(at.to_owned());
        }
    } else {
        out.insert(at.to_owned());
    }
}

#[test]
fn the_registry_covers_the_assessment_schema() {
    let schema: Value =
        serde_json::from_str(&lindung::schema::schema_json("assessment").unwrap()).unwrap();
    let mut schema_leaves = BTreeSet::new();
    leaves(&schema, &schema, "", &mut schema_leaves);
    // Not answers: the contract version, and the indicator map, whose keys are the ids.
    schema_leaves.remove("/schemaVersion");
    assert!(schema_leaves.remove("/trafficking/indicators (map)"));

    let registry: BTreeSet<String> = fields::all()
        .iter()
        .filter(|f| !f.pointer().starts_with(fields::INDICATOR_PREFIX))
        .map(|f| f.pointer().to_owned())
        .collect();
    let missing: Vec<&String> = schema_leaves.difference(&registry).collect();
    let extra: Vec<&String> = registry.difference(&schema_leaves).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "not registered: {missing:#?}\nnot in the schema: {extra:#?}"
    );
}

#[test]
fn enum_values_match_the_schema() {
    let schema: Value =
        serde_json::from_str(&lindung::schema::schema_json("assessment").unwrap()).unwrap();
    for field in fields::all() {
        if !matches!(field.kind(), FieldKind::Enum | FieldKind::Set) {
            continue;
        }
        // Follow the pointer through the schema to the field's own subschema.
        let mut node = resolve(&schema, &schema);
        for part in field.pointer().split('/').skip(1) {
            node = not_null(&schema, node);
            node = if part == "*" {
                &node["items"]
            } else {
                &node["properties"][part]
            };
        }
        let mut node = not_null(&schema, node);
        if field.kind() == FieldKind::Set || field.is_repeated() {
            if let Some(items) = node.get("items") {
                node = resolve(&schema, items);
            }
        }
        let mut values: Vec<String> = Vec::new();
        collect_enum(&schema, node, &mut values);
        let mut registered: Vec<String> = field.values().iter().map(|v| (*v).to_owned()).collect();
        values.sort();
        registered.sort();
        assert_eq!(values, registered, "{}", field.pointer());
    }
}

fn collect_enum(schema: &Value, node: &Value, out: &mut Vec<String>) {
    let node = resolve(schema, node);
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        out.extend(values.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    if let Some(value) = node.get("const").and_then(Value::as_str) {
        out.push(value.to_owned());
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = node.get(key).and_then(Value::as_array) {
            for option in options {
                collect_enum(schema, option, out);
            }
        }
    }
}
