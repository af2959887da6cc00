//! Which sections and questions of the form show for a partly filled assessment.
//!
//! The form is evaluated on JSON rather than on a checked [`crate::Assessment`]: while an officer
//! fills it in, the document is incomplete and would not parse.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Form;
use crate::condition::Condition;
use crate::decode::time;
use crate::model::{whole_years_between, CHILD_AGE};

/// The visible parts of the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Visibility {
    /// The ids of the sections that show.
    pub sections: Vec<String>,
    /// The pointers of the questions that show, in sections that show.
    pub questions: Vec<String>,
}

pub(super) fn evaluate(form: &Form, value: &Value) -> Visibility {
    let mut out = Visibility::default();
    for section in &form.sections {
        if !shows(section.visible.as_ref(), value) {
            continue;
        }
        out.sections.push(section.id.clone());
        for question in &section.questions {
            if shows(question.visible.as_ref(), value) {
                out.questions.push(question.pointer.clone());
            }
        }
    }
    out
}

/// Whether a part with this visibility shows; conditions are read in their JSON form.
fn shows(condition: Option<&Condition>, doc: &Value) -> bool {
    condition.is_none_or(|c| serde_json::to_value(c).is_ok_and(|c| holds(&c, doc)))
}

/// Whether `condition` holds for `doc`. A condition that does not apply to a form (referral
/// conditions) or is malformed does not hold.
fn holds(condition: &Value, doc: &Value) -> bool {
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
            .is_some_and(|cs| cs.iter().all(|c| holds(c, doc))),
        "any" => arg
            .as_array()
            .is_some_and(|cs| cs.iter().any(|c| holds(c, doc))),
        "not" => !holds(arg, doc),
        "answer" => at(arg).is_some_and(|v| Some(v) == arg.get("is")),
        "equals" => at(arg).is_some_and(|v| Some(v) == arg.get("value")),
        "includes" => at(arg)
            .and_then(Value::as_array)
            .is_some_and(|items| arg.get("value").is_some_and(|v| items.contains(v))),
        "atLeast" => compare(at(arg), arg.get("value"), |a, b| a >= b),
        "below" => compare(at(arg), arg.get("value"), |a, b| a < b),
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

fn compare(value: Option<&Value>, bound: Option<&Value>, op: fn(f64, f64) -> bool) -> bool {
    match (value.and_then(Value::as_f64), bound.and_then(Value::as_f64)) {
        (Some(a), Some(b)) => op(a, b),
        _ => false,
    }
}

/// Whether the person is a child at `assessedAt`; `None` while the age is not known.
fn is_child(doc: &Value) -> Option<bool> {
    let birth = doc
        .pointer("/person/birthDate")
        .and_then(Value::as_str)
        .and_then(time::date);
    let on = doc
        .get("assessedAt")
        .and_then(Value::as_str)
        .and_then(time::date_time)
        .map(|t| t.date_naive());
    let age = match (birth, on) {
        (Some(birth), Some(on)) => whole_years_between(birth, on),
        _ => doc
            .pointer("/person/ageYears")
            .and_then(Value::as_u64)
            .and_then(|a| u32::try_from(a).ok()),
    };
    age.map(|age| age < CHILD_AGE)
}
