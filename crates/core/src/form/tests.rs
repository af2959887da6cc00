//! Tests of the form definition against the assessment schema, and of its visibility.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use super::{Form, Kind};
use crate::model::{Assessment, IndicatorId, Lang};

/// Every answerable pointer of the assessment schema (lists as `/list/*/field`, maps with
/// enumerated keys as one pointer per key).
fn schema_pointers() -> BTreeSet<String> {
    let schema = serde_json::to_value(schemars::schema_for!(Assessment)).unwrap_or_default();
    let defs = schema.get("$defs").cloned().unwrap_or_default();
    let mut out = BTreeSet::new();
    walk(&schema, &defs, String::new(), &mut out);
    out.remove("/schemaVersion");
    out
}

fn resolve<'a>(node: &'a Value, defs: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => reference
            .strip_prefix("#/$defs/")
            .and_then(|name| defs.get(name))
            .map_or(node, |target| resolve(target, defs)),
        None => node,
    }
}

fn walk(node: &Value, defs: &Value, at: String, out: &mut BTreeSet<String>) {
    let node = resolve(node, defs);
    for key in ["anyOf", "oneOf"] {
        if let Some(variants) = node.get(key).and_then(Value::as_array) {
            let objects: Vec<&Value> = variants
                .iter()
                .map(|v| resolve(v, defs))
                .filter(|v| v.get("properties").is_some() || v.get("items").is_some())
                .collect();
            if objects.is_empty() {
                out.insert(at);
            } else {
                for variant in objects {
                    walk(variant, defs, at.clone(), out);
                }
            }
            return;
        }
    }
    if let Some(properties) = node.get("properties").and_then(Value::as_object) {
        for (name, child) in properties {
            walk(child, defs, format!("{at}/{name}"), out);
        }
    } else if let Some(names) = node.get("propertyNames") {
        let keys = resolve(names, defs).get("enum").and_then(Value::as_array);
        for key in keys.into_iter().flatten().filter_map(Value::as_str) {
            out.insert(format!("{at}/{key}"));
        }
    } else if node
        .get("additionalProperties")
        .is_some_and(Value::is_object)
    {
        // The only map of the assessment is keyed by indicator id; a schema that does not
        // enumerate its keys still allows exactly these.
        for id in IndicatorId::ALL {
            out.insert(format!("{at}/{id}"));
        }
    } else if let Some(items) = node.get("items") {
        let items = resolve(items, defs);
        if items.get("properties").is_some() {
            walk(items, defs, format!("{at}/*"), out);
        } else {
            out.insert(at);
        }
    } else {
        out.insert(at);
    }
}

#[test]
fn form_and_schema_hold_the_same_fields() {
    let form: BTreeSet<String> = Form::new(Lang::Id).pointers().into_iter().collect();
    let schema = schema_pointers();
    let missing: Vec<_> = schema.difference(&form).collect();
    let unknown: Vec<_> = form.difference(&schema).collect();
    assert!(missing.is_empty(), "fields not in the form: {missing:?}");
    assert!(
        unknown.is_empty(),
        "form pointers not in the schema: {unknown:?}"
    );
    assert!(schema.contains("/trafficking/indicators/d1_job_nature"));
    assert!(schema.contains("/violence/perpetrators/*/relationship"));
}

#[test]
fn every_pointer_is_asked_once() {
    let pointers = Form::new(Lang::En).pointers();
    let distinct: BTreeSet<_> = pointers.iter().collect();
    assert_eq!(distinct.len(), pointers.len());
}

#[test]
fn both_languages_have_the_same_shape_and_every_text_filled() {
    let id = serde_json::to_value(Form::new(Lang::Id)).unwrap_or_default();
    let en = serde_json::to_value(Form::new(Lang::En)).unwrap_or_default();
    fn shape(value: &Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        let v = if ["label", "title", "hint", "lang"].contains(&k.as_str()) {
                            Value::Null
                        } else {
                            shape(v)
                        };
                        (k.clone(), v)
                    })
                    .collect::<Map<_, _>>(),
            ),
            Value::Array(items) => Value::Array(items.iter().map(shape).collect()),
            other => other.clone(),
        }
    }
    assert_eq!(shape(&id), shape(&en));
    for form in [Form::new(Lang::Id), Form::new(Lang::En)] {
        for section in &form.sections {
            assert!(!section.title.is_empty(), "{}", section.id);
            for question in section
                .questions
                .iter()
                .chain(section.questions.iter().flat_map(|q| &q.fields))
            {
                assert!(!question.label.trim().is_empty(), "{}", question.pointer);
                assert!(
                    question.options.iter().all(|o| !o.label.is_empty()),
                    "{}",
                    question.pointer
                );
            }
        }
    }
}

#[test]
fn choices_have_options_and_every_answer_offers_dont_know() {
    let form = Form::new(Lang::En);
    for question in form
        .questions()
        .chain(form.questions().flat_map(|q| &q.fields))
    {
        match question.kind {
            Kind::Choice | Kind::Multi | Kind::Boolean => {
                assert!(question.options.len() >= 2, "{}", question.pointer)
            }
            Kind::Answer => assert!(
                question.options.iter().any(|o| o.value == "unknown"),
                "{}",
                question.pointer
            ),
            Kind::List => assert!(!question.fields.is_empty(), "{}", question.pointer),
            _ => assert!(question.options.is_empty(), "{}", question.pointer),
        }
    }
}

/// Every pointer a visibility condition reads.
fn condition_pointers(condition: &Value, out: &mut Vec<String>) {
    match condition {
        Value::Object(map) => {
            for (key, value) in map {
                if key == "at" {
                    out.extend(value.as_str().map(str::to_owned));
                }
                condition_pointers(value, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|c| condition_pointers(c, out)),
        _ => {}
    }
}

#[test]
fn visibility_conditions_read_questions_of_the_form() {
    let form = Form::new(Lang::Id);
    let pointers = form.pointers();
    let mut read = Vec::new();
    for section in &form.sections {
        section
            .visible
            .iter()
            .for_each(|c| condition_pointers(c, &mut read));
        for question in &section.questions {
            question
                .visible
                .iter()
                .for_each(|c| condition_pointers(c, &mut read));
        }
    }
    assert!(!read.is_empty());
    for pointer in read {
        assert!(pointers.contains(&pointer), "{pointer}");
    }
}

#[test]
fn sections_follow_the_answers() {
    let at = "2026-11-29T09:00:00+08:00";
    let cases = [
        (
            json!({}),
            vec!["intake", "person", "needs", "judgement", "summary"],
        ),
        (
            json!({"assessedAt": at, "caseTypes": ["ktk"], "person": {"ageYears": 30}}),
            vec![
                "intake",
                "person",
                "violence",
                "needs",
                "judgement",
                "summary",
            ],
        ),
        (
            json!({"assessedAt": at, "caseTypes": ["kpo"], "person": {"birthDate": "2010-01-01"}}),
            vec![
                "intake",
                "person",
                "guardian",
                "trafficking",
                "needs",
                "judgement",
                "summary",
            ],
        ),
        (
            json!({"assessedAt": at, "caseTypes": ["ktk", "kpo"], "person": {"birthDate": "2008-11-29"}}),
            vec![
                "intake",
                "person",
                "violence",
                "trafficking",
                "needs",
                "judgement",
                "summary",
            ],
        ),
        (
            json!({"assessedAt": at, "caseTypes": ["ktk"], "person": {"birthDate": "2008-11-30"}}),
            vec![
                "intake",
                "person",
                "guardian",
                "violence",
                "needs",
                "judgement",
                "summary",
            ],
        ),
    ];
    let form = Form::new(Lang::En);
    for (doc, expected) in cases {
        assert_eq!(form.visibility(&doc).sections, expected, "{doc}");
    }
}

#[test]
fn questions_follow_the_answers() {
    let form = Form::new(Lang::En);
    let cases = [
        (
            json!({"caseTypes": ["ktk"], "violence": {"forms": ["physical"]}}),
            "/violence/sexualViolence",
            false,
        ),
        (
            json!({"caseTypes": ["ktk"], "violence": {"forms": ["physical", "sexual"]}}),
            "/violence/sexualViolence",
            true,
        ),
        (
            json!({"caseTypes": ["kpo"], "violence": {"forms": ["sexual"]}}),
            "/violence/sexualViolence",
            false,
        ),
        (
            json!({"person": {"sex": "female"}}),
            "/person/pregnant",
            true,
        ),
        (
            json!({"person": {"sex": "male"}}),
            "/person/pregnant",
            false,
        ),
        (
            json!({"consent": {"services": false, "reporting": true}}),
            "/consent/recordedAs",
            true,
        ),
        (
            json!({"consent": {"services": false}}),
            "/consent/recordedAs",
            false,
        ),
    ];
    for (doc, pointer, shown) in cases {
        let visible = form
            .visibility(&doc)
            .questions
            .contains(&pointer.to_owned());
        assert_eq!(visible, shown, "{pointer} for {doc}");
    }
}
