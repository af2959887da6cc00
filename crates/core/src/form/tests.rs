//! Tests of the form definition against the assessment schema, and of its visibility.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use super::{Form, Kind, Question};
use crate::condition::Scope;
use crate::fields::{self, FieldKind};
use crate::model::{Assessment, Lang};
use crate::rules::RuleSet;

/// Every leaf pointer of the assessment schema (lists as `/list/*/field`).
fn schema_pointers() -> BTreeSet<String> {
    let schema = serde_json::to_value(schemars::schema_for!(Assessment)).unwrap_or_default();
    let defs = schema.get("$defs").cloned().unwrap_or_default();
    let mut out = BTreeSet::new();
    walk(&schema, &defs, String::new(), &mut out);
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
    let variants = ["anyOf", "oneOf"]
        .iter()
        .filter_map(|key| node.get(*key).and_then(Value::as_array))
        .flatten()
        .map(|v| resolve(v, defs))
        .filter(|v| v.get("properties").is_some() || v.get("items").is_some());
    let mut nested = false;
    for variant in variants {
        nested = true;
        walk(variant, defs, at.clone(), out);
    }
    if nested {
        return;
    }
    if let Some(properties) = node.get("properties").and_then(Value::as_object) {
        for (name, child) in properties {
            walk(child, defs, format!("{at}/{name}"), out);
        }
    } else if let Some(items) = node.get("items").map(|items| resolve(items, defs)) {
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
fn form_asks_every_field_and_only_fields_of_the_schema() {
    let form: BTreeSet<String> = Form::new(Lang::Id).pointers().into_iter().collect();
    let registry: BTreeSet<String> = fields::all()
        .iter()
        .map(|f| f.pointer().to_owned())
        .collect();
    let missing: Vec<_> = registry.difference(&form).collect();
    assert!(missing.is_empty(), "fields not in the form: {missing:?}");
    let schema = schema_pointers();
    let unknown: Vec<_> = form
        .iter()
        .filter(|p| !registry.contains(*p) && !schema.contains(*p))
        .collect();
    assert!(
        unknown.is_empty(),
        "form pointers not in the schema: {unknown:?}"
    );
    let unasked: Vec<_> = schema
        .iter()
        .filter(|p| *p != "/schemaVersion" && !p.starts_with("/trafficking/indicators"))
        .filter(|p| !form.contains(*p))
        .collect();
    assert!(
        unasked.is_empty(),
        "schema fields not in the form: {unasked:?}"
    );
}

/// The kind of form control that fits each kind of field.
fn fits(kind: Kind, field: FieldKind, repeated: bool) -> bool {
    matches!(
        (kind, field),
        (Kind::Choice, FieldKind::Set) if repeated
    ) || matches!(
        (kind, field),
        (Kind::Answer, FieldKind::Answer)
            | (Kind::Choice, FieldKind::Enum)
            | (Kind::Multi, FieldKind::Set)
            | (Kind::Integer, FieldKind::Number)
            | (Kind::Boolean, FieldKind::Bool)
            | (Kind::Date, FieldKind::Date)
            | (Kind::Datetime, FieldKind::DateTime)
            | (Kind::Text | Kind::Textarea, FieldKind::Text)
    )
}

#[test]
fn every_question_fits_its_field_and_offers_exactly_its_values() {
    let form = Form::new(Lang::En);
    for question in form.questions() {
        let asked: Vec<(String, &Question)> = if question.kind == Kind::List {
            let base = &question.pointer;
            question
                .fields
                .iter()
                .map(|f| (format!("{base}/*{}", f.pointer), f))
                .collect()
        } else {
            vec![(question.pointer.clone(), question)]
        };
        for (pointer, question) in asked {
            let Some(field) = fields::field(&pointer) else {
                continue;
            };
            assert!(
                fits(question.kind, field.kind(), field.is_repeated()),
                "{pointer}: {:?} for {:?}",
                question.kind,
                field.kind()
            );
            if matches!(
                field.kind(),
                FieldKind::Enum | FieldKind::Set | FieldKind::Answer
            ) {
                let offered: BTreeSet<&str> = question
                    .options
                    .iter()
                    .filter_map(|o| o.value.as_str())
                    .collect();
                let allowed: BTreeSet<&str> = field.values().iter().copied().collect();
                assert_eq!(offered, allowed, "{pointer}");
            }
        }
    }
}

#[test]
fn indicator_questions_use_the_rule_set_catalogue() {
    let rules = RuleSet::builtin();
    for lang in [Lang::Id, Lang::En] {
        let form = Form::with_rules(lang, &rules);
        for entry in &rules.document().trafficking.catalogue {
            let pointer = format!("/trafficking/indicators/{}", entry.id);
            let question = form.questions().find(|q| q.pointer == pointer);
            assert_eq!(
                question.map(|q| q.label.as_str()),
                Some(entry.label.get(lang)),
                "{pointer}"
            );
        }
    }
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

#[test]
fn visibility_conditions_are_valid_and_read_questions_of_the_form() {
    let form = Form::new(Lang::Id);
    let pointers = form.pointers();
    let conditions = form.sections.iter().flat_map(|s| {
        s.visible
            .iter()
            .chain(s.questions.iter().flat_map(|q| q.visible.iter()))
    });
    let mut read = 0;
    for condition in conditions {
        let compiled = condition.check(Scope::Assessment);
        assert!(compiled.is_ok(), "{condition:?}: {compiled:?}");
        for field in compiled.iter().flat_map(|c| c.fields()) {
            read += 1;
            assert!(
                pointers.iter().any(|p| p == field.pointer()),
                "{}",
                field.pointer()
            );
        }
    }
    assert!(read > 0);
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
