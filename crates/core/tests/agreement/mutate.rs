//! Mutations that break exactly one structural rule of a sound document, chosen from what the
//! schema says about the place they hit.

use serde_json::{json, Value};

use super::generate::{branches, is_null_branch, resolve, types, Generator};

/// The schema node that governs the value at `pointer` in `document`.
pub fn node_at<'a>(root: &'a Value, document: &Value, pointer: &str) -> Option<&'a Value> {
    let mut node = resolve(root, root);
    let mut value = document;
    if pointer.is_empty() {
        return Some(node);
    }
    for token in pointer.strip_prefix('/')?.split('/') {
        let token = token.replace("~1", "/").replace("~0", "~");
        node = concrete(root, node, value);
        let (next_node, next_value) = match value {
            Value::Object(members) => {
                let child = members.get(&token)?;
                let property = node
                    .get("properties")
                    .and_then(|p| p.get(&token))
                    .or_else(|| node.get("additionalProperties").filter(|a| a.is_object()))?;
                (property, child)
            }
            Value::Array(items) => (node.get("items")?, items.get(token.parse::<usize>().ok()?)?),
            _ => return None,
        };
        node = resolve(root, next_node);
        value = next_value;
    }
    Some(concrete(root, node, value))
}

/// Through an optional field's `anyOf [X, null]` to the branch that fits the value's type.
fn concrete<'a>(root: &'a Value, node: &'a Value, value: &Value) -> &'a Value {
    let node = resolve(root, node);
    match branches(node) {
        Some(options) if !value.is_null() => {
            let real: Vec<&Value> = options.iter().filter(|b| !is_null_branch(b)).collect();
            match real.as_slice() {
                [one] => concrete(root, one, value),
                _ => node,
            }
        }
        _ => node,
    }
}

/// One mutation, named for the report.
#[derive(Debug, Clone)]
pub struct Mutation {
    /// What the mutation does, e.g. `remove_required`.
    pub kind: &'static str,
    /// Where.
    pub pointer: String,
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The types a node accepts, looking through `const`, `enum` and branches.
fn accepted(root: &Value, node: &Value) -> Vec<&'static str> {
    let node = resolve(root, node);
    let mut out: Vec<&'static str> = Vec::new();
    for t in types(node) {
        for name in [
            "null", "boolean", "object", "array", "number", "integer", "string",
        ] {
            if t == name {
                out.push(name);
            }
        }
    }
    if let Some(fixed) = node.get("const") {
        out.push(json_type(fixed));
    }
    if let Some(Value::Array(values)) = node.get("enum") {
        out.extend(values.iter().map(json_type));
    }
    if let Some(options) = branches(node) {
        for option in options {
            out.extend(accepted(root, option));
        }
    }
    if out.contains(&"number") {
        out.push("integer");
    }
    out
}

/// Breaks the document at one place; `None` when nothing structural can be broken there.
pub fn mutate(
    g: &mut Generator<'_>,
    root: &Value,
    document: &mut Value,
    pointer: &str,
) -> Option<Mutation> {
    let node = node_at(root, document, pointer)?;
    let current = document.pointer(pointer)?.clone();
    let mut options: Vec<(&'static str, Value)> = Vec::new();
    let allowed = accepted(root, node);
    for wrong in [
        json!(7),
        json!(2.5),
        json!(true),
        json!("x"),
        json!([]),
        json!({}),
    ] {
        if !allowed.contains(&json_type(&wrong)) {
            options.push(("wrong_type", wrong));
        }
    }
    let fixed = node.get("const").is_some()
        || node.get("enum").is_some()
        || branches(node).is_some_and(|b| {
            b.iter()
                .all(|b| resolve(root, b).get("const").is_some() || is_null_branch(b))
        });
    if fixed && !allowed.is_empty() && allowed.iter().all(|t| *t == "string" || *t == "null") {
        options.push(("not_allowed", json!("not_a_value")));
    }
    match &current {
        Value::Object(members) => {
            let required: Vec<String> = node
                .get("required")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(|s| Some(s.as_str()?.to_owned()))
                        .collect()
                })
                .unwrap_or_default();
            for name in required.iter().filter(|n| members.contains_key(*n)) {
                let mut smaller = members.clone();
                smaller.remove(name);
                options.push(("remove_required", Value::Object(smaller)));
            }
            if node.get("additionalProperties") == Some(&json!(false)) {
                let mut bigger = members.clone();
                bigger.insert("colour".into(), json!("red"));
                options.push(("unknown_field", Value::Object(bigger)));
            }
            if node.get("propertyNames").is_some() {
                let mut bigger = members.clone();
                bigger.insert("d9_nothing".into(), json!("yes"));
                options.push(("unknown_indicator", Value::Object(bigger)));
                if let Some(first) = members.keys().next() {
                    let mut wrong = members.clone();
                    wrong.insert(first.clone(), json!("maybe"));
                    options.push(("not_allowed", Value::Object(wrong)));
                }
            }
        }
        Value::Array(items) => {
            if node
                .get("minItems")
                .and_then(Value::as_u64)
                .is_some_and(|m| m > 0)
            {
                options.push(("too_few_items", json!([])));
            }
            if let (Some(max), Some(first)) =
                (node.get("maxItems").and_then(Value::as_u64), items.first())
            {
                let mut longer = items.clone();
                while (longer.len() as u64) <= max {
                    longer.push(first.clone());
                }
                options.push(("too_many_items", Value::Array(longer)));
            }
            if node.get("uniqueItems") == Some(&json!(true)) {
                if let Some(first) = items.first() {
                    let mut repeated = items.clone();
                    repeated.push(first.clone());
                    options.push(("repeated_item", Value::Array(repeated)));
                }
            }
        }
        Value::String(text) => {
            if let Some(max) = node.get("maxLength").and_then(Value::as_u64) {
                let mut longer = text.clone();
                while (longer.chars().count() as u64) <= max {
                    longer.push('a');
                }
                options.push(("too_long", json!(longer)));
            }
            if let Some(min) = node
                .get("minLength")
                .and_then(Value::as_u64)
                .filter(|m| *m > 0)
            {
                let shorter: String = text.chars().take(min as usize - 1).collect();
                options.push(("too_short", json!(shorter)));
            }
            if node.get("pattern").is_some() {
                options.push(("pattern", json!(format!("{text}!"))));
                options.push(("pattern", json!("")));
            }
            match node.get("format").and_then(Value::as_str) {
                Some("date") => {
                    for bad in [
                        "2026-02-30",
                        "2026-13-01",
                        "29-11-2026",
                        "2026-11-29T10:00:00Z",
                        "2026-1-9",
                    ] {
                        options.push(("format", json!(bad)));
                    }
                }
                Some("date-time") => {
                    for bad in [
                        "2026-11-29T10:00:00",
                        "2026-11-29 10:00:00+08:00",
                        "2026-11-29T25:00:00Z",
                        "2026-11-29",
                        "2026-02-30T10:00:00Z",
                    ] {
                        options.push(("format", json!(bad)));
                    }
                }
                _ => {}
            }
        }
        Value::Number(_) => {
            if let Some(min) = node.get("minimum").and_then(Value::as_i64) {
                options.push(("too_small", json!(min - 1)));
            }
            if let Some(max) = node.get("maximum").and_then(Value::as_i64) {
                options.push(("too_large", json!(max + 1)));
                options.push(("too_large", json!(u64::MAX)));
            }
        }
        _ => {}
    }
    if options.is_empty() {
        return None;
    }
    // Each kind of breakage as likely as another, whatever the number of ways to do it.
    let mut kinds: Vec<&'static str> = options.iter().map(|(kind, _)| *kind).collect();
    kinds.dedup();
    let kind = *g.pick(&kinds);
    let same: Vec<Value> = options
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, v)| v)
        .collect();
    let replacement = g.pick(&same).clone();
    *document.pointer_mut(pointer)? = replacement;
    Some(Mutation {
        kind,
        pointer: pointer.to_owned(),
    })
}
