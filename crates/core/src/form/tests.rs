//! Tests of the form definition against the assessment schema, and of its visibility.

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use super::{Form, Kind, Question};
use crate::condition::{Condition, Scope};
use crate::decode::time;
use crate::fields::{self, FieldKind};
use crate::model::{Assessment, Lang};
use crate::rules::RuleSet;

/// Whether `condition` holds for `doc`, serde_json's value, which the tests build and change.
fn holds(condition: &Condition, doc: &Value) -> bool {
    super::visibility::holds(condition, &doc.clone().into())
}

/// Whether the person of `doc`, serde_json's value, is a child.
fn is_child(doc: &Value) -> Option<bool> {
    super::visibility::is_child(&doc.clone().into())
}

/// What shows of `form` for `doc`, serde_json's value.
fn visibility(form: &Form, doc: &Value) -> super::Visibility {
    form.visibility(&doc.clone().into())
}

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
        assert_eq!(visibility(&form, &doc).sections, expected, "{doc}");
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
        let visible = visibility(&form, &doc)
            .questions
            .contains(&pointer.to_owned());
        assert_eq!(visible, shown, "{pointer} for {doc}");
    }
}

/// The reading of a visibility condition before conditions were evaluated directly: the condition
/// as JSON, interpreted against the document. Kept as the reference the direct evaluation must
/// agree with.
fn holds_json(condition: &Value, doc: &Value) -> bool {
    let Some((op, arg)) = condition.as_object().and_then(|o| o.iter().next()) else {
        return false;
    };
    let at = |arg: &Value| {
        arg.get("at")
            .and_then(Value::as_str)
            .and_then(|p| doc.pointer(p))
    };
    match op.as_str() {
        "all" => arg
            .as_array()
            .is_some_and(|cs| cs.iter().all(|c| holds_json(c, doc))),
        "any" => arg
            .as_array()
            .is_some_and(|cs| cs.iter().any(|c| holds_json(c, doc))),
        "not" => !holds_json(arg, doc),
        "answer" => at(arg).is_some_and(|v| Some(v) == arg.get("is")),
        "equals" => at(arg).is_some_and(|v| match (v.as_number(), arg.get("value")) {
            (Some(found), Some(Value::Number(bound))) => found.as_f64() == bound.as_f64(),
            (_, bound) => Some(v) == bound,
        }),
        "includes" => at(arg)
            .and_then(Value::as_array)
            .is_some_and(|items| arg.get("value").is_some_and(|v| items.contains(v))),
        "atLeast" => compare_json(at(arg), arg.get("value"), |a, b| a >= b),
        "below" => compare_json(at(arg), arg.get("value"), |a, b| a < b),
        "countYes" => {
            let of = arg.get("of").and_then(Value::as_array);
            let yes = of.map_or(0, |ps| {
                ps.iter()
                    .filter_map(Value::as_str)
                    .filter(|p| doc.pointer(p).and_then(Value::as_str) == Some("yes"))
                    .count()
            });
            arg.get("atLeast")
                .and_then(Value::as_u64)
                .is_some_and(|n| yes as u64 >= n)
        }
        "withinHours" => {
            let when = at(arg).and_then(Value::as_str).and_then(time::date_time);
            let now = doc
                .get("assessedAt")
                .and_then(Value::as_str)
                .and_then(time::date_time);
            match (when, now, arg.get("hours").and_then(Value::as_i64)) {
                (Some(when), Some(now), Some(hours)) => {
                    when <= now && (now - when).num_minutes() <= hours.saturating_mul(60)
                }
                _ => false,
            }
        }
        "child" => arg
            .as_bool()
            .is_some_and(|want| is_child(doc) == Some(want)),
        "caseType" => doc
            .get("caseTypes")
            .and_then(Value::as_array)
            .is_some_and(|types| types.contains(arg)),
        _ => false,
    }
}

fn compare_json(value: Option<&Value>, bound: Option<&Value>, op: fn(f64, f64) -> bool) -> bool {
    match (value.and_then(Value::as_f64), bound.and_then(Value::as_f64)) {
        (Some(a), Some(b)) => op(a, b),
        _ => false,
    }
}

/// Every visibility condition of the form, and every condition of the built-in rule set.
fn every_condition() -> Vec<Condition> {
    let form = Form::new(Lang::En);
    let mut out: Vec<Condition> = Vec::new();
    for section in &form.sections {
        out.extend(section.visible.iter().cloned());
        for question in section
            .questions
            .iter()
            .chain(section.questions.iter().flat_map(|q| &q.fields))
        {
            out.extend(question.visible.iter().cloned());
        }
    }
    let rules = RuleSet::builtin();
    let document = rules.document();
    out.extend(document.risk.factors.iter().map(|f| f.when.clone()));
    out.extend(document.risk.floors.iter().map(|f| f.when.clone()));
    out.extend(document.referrals.iter().map(|r| r.when.clone()));
    out
}

/// One condition of each operator on each kind of value it reads, should the rules not have it.
fn every_operator() -> Vec<Condition> {
    let conditions = json!([
        {"equals": {"at": "/person/ageYears", "value": 3}},
        {"equals": {"at": "/person/ageYears", "value": 18.5}},
        {"equals": {"at": "/consent/services", "value": false}},
        {"equals": {"at": "/person/sex", "value": "male"}},
        {"atLeast": {"at": "/person/ageYears", "value": 18}},
        {"below": {"at": "/person/ageYears", "value": 17.5}},
        {"includes": {"at": "/caseTypes", "value": "kpo"}},
        {"countYes": {"of": ["/danger/stalking", "/danger/isolation"], "atLeast": 2}},
        {"withinHours": {"at": "/violence/lastSexualAssaultAt", "hours": 0}},
        {"not": {"child": false}},
        {"any": []},
        {"all": []},
    ]);
    serde_json::from_value(conditions).unwrap_or_default()
}

fn pointers_of(condition: &Condition, out: &mut BTreeSet<String>) {
    match condition {
        Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| pointers_of(c, out)),
        Condition::Not(c) => pointers_of(c, out),
        Condition::Answer(t) => drop(out.insert(t.at.clone())),
        Condition::Includes(t) => drop(out.insert(t.at.clone())),
        Condition::Equals(t) => drop(out.insert(t.at.clone())),
        Condition::AtLeast(t) | Condition::Below(t) => drop(out.insert(t.at.clone())),
        Condition::WithinHours(t) => drop(out.insert(t.at.clone())),
        Condition::CountYes(t) => out.extend(t.of.iter().cloned()),
        Condition::Child(_) => {
            out.insert("/person/birthDate".to_owned());
            out.insert("/person/ageYears".to_owned());
        }
        Condition::CaseType(_) => drop(out.insert("/caseTypes".to_owned())),
        Condition::RiskAtLeast(_) | Condition::Trafficking(_) => {}
    }
}

/// Values worth trying at a pointer: those its field allows, and some of the wrong type.
fn candidates(pointer: &str) -> Vec<Value> {
    let mut out = vec![Value::Null, json!(1), json!("yes"), json!(true)];
    let Some(field) = fields::field(pointer) else {
        return out;
    };
    let names = field.values().iter().map(|v| json!(v));
    match field.kind() {
        FieldKind::Answer | FieldKind::Enum => out.extend(names),
        FieldKind::Set => {
            out.push(json!([]));
            out.push(json!(field.values()));
            out.extend(names.map(|v| json!([v])));
        }
        FieldKind::Number => out.extend([
            json!(0),
            json!(3),
            json!(3.0),
            json!(17),
            json!(18),
            json!(18.5),
            json!(-1),
        ]),
        FieldKind::Bool => out.push(json!(false)),
        FieldKind::Date => out.extend([
            json!("2010-01-01"),
            json!("2008-11-29"),
            json!("2008-11-30"),
            json!("29-11-2008"),
        ]),
        FieldKind::DateTime => out.extend([
            json!("2026-11-29T08:00:00+08:00"),
            json!("2026-11-27T09:00:00+08:00"),
            json!("2026-11-26T08:00:00+08:00"),
            json!("2026-11-29T10:00:00+08:00"),
            json!("yesterday"),
        ]),
        FieldKind::Text => out.push(json!("text")),
    }
    out
}

/// Writes `value` at `pointer`, making the objects on the way; `*` makes a list of one item.
fn put(doc: &mut Value, pointer: &str, value: Value) {
    let mut node = doc;
    for token in pointer.split('/').skip(1) {
        if token == "*" {
            if node.as_array().is_none_or(|items| items.is_empty()) {
                *node = json!([{}]);
            }
            node = &mut node[0];
        } else {
            if !node.is_object() {
                *node = json!({});
            }
            node = &mut node[token];
        }
    }
    *node = value;
}

#[test]
fn direct_evaluation_agrees_with_reading_the_conditions_as_json() {
    let checked = every_condition();
    let operators = every_operator();
    assert_eq!(operators.len(), 12);
    let conditions: Vec<Condition> = checked.iter().chain(&operators).cloned().collect();
    let mut pointers = BTreeSet::new();
    conditions
        .iter()
        .for_each(|c| pointers_of(c, &mut pointers));
    let pointers: Vec<(String, Vec<Value>)> = pointers
        .into_iter()
        .map(|p| {
            let values = candidates(&p);
            (p, values)
        })
        .collect();
    let times = [
        json!("2026-11-29T09:00:00+08:00"),
        json!("2026-11-29T01:00:00Z"),
        json!("not a time"),
    ];
    let mut documents = vec![json!(null), json!([]), json!({})];
    for time in &times {
        let base = json!({"assessedAt": time});
        for (pointer, values) in &pointers {
            for value in values {
                let mut doc = base.clone();
                put(&mut doc, pointer, value.clone());
                documents.push(doc);
            }
        }
    }
    // Every answer set to one value, every other field to one value.
    for answers in 0..12 {
        for others in 0..12 {
            let mut doc = json!({"assessedAt": times[0]});
            for (pointer, values) in &pointers {
                let kind = fields::field(pointer).map(|f| f.kind());
                let pick = if kind == Some(FieldKind::Answer) {
                    answers
                } else {
                    others
                };
                put(&mut doc, pointer, values[pick % values.len()].clone());
            }
            documents.push(doc);
        }
    }
    // Documents with many answers at once, drawn from a fixed sequence.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    for _ in 0..400 {
        let mut doc = json!({});
        if next(4) > 0 {
            doc["assessedAt"] = times[next(times.len())].clone();
        }
        for (pointer, values) in &pointers {
            if next(2) == 0 {
                put(&mut doc, pointer, values[next(values.len())].clone());
            }
        }
        documents.push(doc);
    }
    let mut held = vec![(0, 0); conditions.len()];
    for doc in &documents {
        for (condition, held) in conditions.iter().zip(&mut held) {
            let json = serde_json::to_value(condition).unwrap_or_default();
            let direct = holds(condition, doc);
            assert_eq!(direct, holds_json(&json, doc), "{json} on {doc}");
            if direct {
                held.0 += 1;
            } else {
                held.1 += 1;
            }
        }
    }
    // Every condition of the form and the rules is seen both holding and not, but those that
    // also need the risk level or the trafficking status, which a form never has.
    for (condition, (yes, no)) in checked.iter().zip(&held) {
        let json = serde_json::to_value(condition)
            .unwrap_or_default()
            .to_string();
        let referral_only = json.contains("riskAtLeast") || json.contains("trafficking\"");
        assert!(
            referral_only || (*yes > 0 && *no > 0),
            "{json}: {yes} true, {no} false"
        );
    }
}

/// The serialized form in each language, pinned: a change of how the wording is stored must not
/// change a byte of what the form says.
#[test]
fn form_definition_is_pinned() {
    for (lang, pinned) in [
        (Lang::Id, include_str!("pinned/form.id.json")),
        (Lang::En, include_str!("pinned/form.en.json")),
    ] {
        let json = serde_json::to_string_pretty(&Form::new(lang)).unwrap_or_default();
        assert_eq!(json, pinned.trim_end(), "{lang:?}");
    }
}

/// The pointers a visibility condition reads, the implicit ones included (`child` reads the birth
/// date, the age and `assessedAt`; `caseType` reads `caseTypes`).
fn reads(condition: &Condition, out: &mut Vec<String>) {
    match condition {
        Condition::All(items) | Condition::Any(items) => items.iter().for_each(|c| reads(c, out)),
        Condition::Not(item) => reads(item, out),
        Condition::Answer(test) => out.push(test.at.clone()),
        Condition::Includes(test) => out.push(test.at.clone()),
        Condition::Equals(test) => out.push(test.at.clone()),
        Condition::AtLeast(test) | Condition::Below(test) => out.push(test.at.clone()),
        Condition::CountYes(test) => out.extend(test.of.iter().cloned()),
        Condition::WithinHours(test) => out.extend([test.at.clone(), "/assessedAt".to_owned()]),
        Condition::Child(_) => {
            out.extend(["/person/birthDate", "/person/ageYears", "/assessedAt"].map(str::to_owned))
        }
        Condition::CaseType(_) => out.push("/caseTypes".to_owned()),
        Condition::RiskAtLeast(_) | Condition::Trafficking(_) => {}
    }
}

/// The element finds what shows by repeating "evaluate visibility on the answers that show" until
/// nothing changes, and starts from what showed before the last answer. That finds the one right
/// answer only when no question's showing depends, through other questions, on its own answer
/// (the questions and what their showing reads form no cycle), and soon only when the chains of
/// dependencies are short.
#[test]
fn what_shows_never_depends_on_itself() {
    for lang in [Lang::Id, Lang::En] {
        let form = Form::new(lang);
        let questions: Vec<&Question> = form.questions().collect();
        // The question that holds a pointer (a list holds its items' fields).
        let asked_at = |pointer: &str| {
            questions.iter().position(|q| {
                pointer == q.pointer || pointer.starts_with(&format!("{}/", q.pointer))
            })
        };
        let mut depends: Vec<Vec<usize>> = vec![Vec::new(); questions.len()];
        for section in &form.sections {
            for question in &section.questions {
                let mut read = Vec::new();
                section.visible.iter().for_each(|c| reads(c, &mut read));
                question.visible.iter().for_each(|c| reads(c, &mut read));
                let at = asked_at(&question.pointer).unwrap_or_default();
                depends[at] = read.iter().filter_map(|p| asked_at(p)).collect();
            }
        }
        assert!(
            depends.iter().any(|d| !d.is_empty()),
            "no question depends on another"
        );
        // Depth-first search: 1 on the current path, 2 done.
        fn visit(at: usize, depends: &[Vec<usize>], state: &mut [u8], path: &mut Vec<usize>) {
            if state[at] == 2 {
                return;
            }
            path.push(at);
            assert!(
                state[at] != 1,
                "visibility cycle through questions {path:?}"
            );
            state[at] = 1;
            for &next in &depends[at] {
                visit(next, depends, state, path);
            }
            state[at] = 2;
            path.pop();
        }
        let mut state = vec![0u8; questions.len()];
        for at in 0..questions.len() {
            visit(at, &depends, &mut state, &mut Vec::new());
        }
        // The element calls visibility at most five times per change: the longest chain of
        // dependencies must be settled in four and seen to be settled by the fifth.
        fn depth(at: usize, depends: &[Vec<usize>]) -> usize {
            depends[at]
                .iter()
                .map(|&next| 1 + depth(next, depends))
                .max()
                .unwrap_or(0)
        }
        let deepest = (0..questions.len())
            .map(|at| depth(at, &depends))
            .max()
            .unwrap_or(0);
        assert!((1..=3).contains(&deepest), "dependency chains of {deepest}");
    }
}

#[test]
fn a_number_equals_the_same_whole_number_in_the_form_as_in_the_engine() -> serde_json::Result<()> {
    let minimal = include_str!("../../../../tests/cases/valid/minimal.json");
    let mut doc: Value = serde_json::from_str(minimal)?;
    doc["person"]["ageYears"] = json!(30);
    let assessment: Assessment = serde_json::from_value(doc.clone())?;
    for (bound, expected) in [(30.0, true), (30.5, false), (31.0, false)] {
        let condition: Condition =
            serde_json::from_value(json!({"equals": {"at": "/person/ageYears", "value": bound}}))?;
        assert_eq!(
            condition.evaluate(&assessment),
            Ok(expected),
            "engine, {bound}"
        );
        assert_eq!(holds(&condition, &doc), expected, "form, {bound}");
    }
    Ok(())
}
