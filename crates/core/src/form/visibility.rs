//! Which sections and questions of the form show for a partly filled assessment.
//!
//! The form is evaluated on JSON rather than on a checked [`crate::Assessment`]: while an officer
//! fills it in, the document is incomplete and would not parse.

use crate::json::Value;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Form;
use crate::condition::{Condition, Scalar};
use crate::decode::time;
use crate::fields::Named;
use crate::json::find;
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

/// Whether a part with this visibility shows.
fn shows(condition: Option<&Condition>, doc: &Value) -> bool {
    condition.is_none_or(|c| holds(c, doc))
}

/// Whether `condition` holds for `doc`, read straight from the partly filled document. A
/// condition that does not apply to a form (referral conditions) does not hold, nor does one on a
/// value that is missing or of the wrong type.
pub(super) fn holds(condition: &Condition, doc: &Value) -> bool {
    match condition {
        Condition::All(conditions) => conditions.iter().all(|c| holds(c, doc)),
        Condition::Any(conditions) => conditions.iter().any(|c| holds(c, doc)),
        Condition::Not(condition) => !holds(condition, doc),
        Condition::Answer(test) => text_at(doc, &test.at) == Some(test.is.name()),
        Condition::Equals(test) => find(doc, &test.at).is_some_and(|v| match &test.value {
            Scalar::Bool(b) => v.as_bool() == Some(*b),
            // By value, as the engine compares: `3` in the document equals a bound of `3.0`; a
            // bound that is not finite (no JSON number) never holds.
            Scalar::Number(n) => n.is_finite() && v.as_f64() == Some(*n),
            Scalar::Text(t) => v.as_str() == Some(t),
        }),
        Condition::Includes(test) => find(doc, &test.at)
            .and_then(Value::as_array)
            .is_some_and(|items| items.iter().any(|v| v.as_str() == Some(&test.value))),
        Condition::AtLeast(test) => compare(find(doc, &test.at), test.value, |a, b| a >= b),
        Condition::Below(test) => compare(find(doc, &test.at), test.value, |a, b| a < b),
        Condition::CountYes(test) => {
            let yes = test
                .of
                .iter()
                .filter(|p| text_at(doc, p) == Some("yes"))
                .count();
            yes as u64 >= u64::from(test.at_least)
        }
        Condition::WithinHours(test) => {
            let when = text_at(doc, &test.at).and_then(time::date_time);
            let now = doc
                .get("assessedAt")
                .and_then(Value::as_str)
                .and_then(time::date_time);
            match (when, now) {
                (Some(when), Some(now)) => {
                    when <= now && (now - when).num_minutes() <= i64::from(test.hours) * 60
                }
                _ => false,
            }
        }
        Condition::Child(want) => is_child(doc) == Some(*want),
        Condition::CaseType(case_type) => doc
            .get("caseTypes")
            .and_then(Value::as_array)
            .is_some_and(|types| types.iter().any(|t| t.as_str() == Some(case_type.name()))),
        Condition::RiskAtLeast(_) | Condition::Trafficking(_) => false,
    }
}

fn text_at<'a>(doc: &'a Value, pointer: &str) -> Option<&'a str> {
    find(doc, pointer).and_then(Value::as_str)
}

/// A number field against a bound; a bound that is not finite (no JSON number) never holds.
fn compare(value: Option<&Value>, bound: f64, op: fn(f64, f64) -> bool) -> bool {
    match value.and_then(Value::as_f64) {
        Some(a) if bound.is_finite() => op(a, bound),
        _ => false,
    }
}

/// Whether the person is a child at `assessedAt`; `None` while the age is not known.
pub(super) fn is_child(doc: &Value) -> Option<bool> {
    let birth = find(doc, "/person/birthDate")
        .and_then(Value::as_str)
        .and_then(time::date);
    let on = doc
        .get("assessedAt")
        .and_then(Value::as_str)
        .and_then(time::date_time)
        .map(|t| t.date_naive());
    let age = match (birth, on) {
        (Some(birth), Some(on)) => whole_years_between(birth, on),
        _ => find(doc, "/person/ageYears")
            .and_then(Value::as_u64)
            .and_then(|a| u32::try_from(a).ok()),
    };
    age.map(|age| age < CHILD_AGE)
}
