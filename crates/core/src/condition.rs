//! The condition language shared by risk factors, floors, referral rules and the form's
//! visibility: the JSON form ([`Condition`]), the check made when it is loaded, and one evaluator.
//!
//! A condition is checked once against the field registry ([`crate::fields`]) and becomes a
//! [`Compiled`] condition that reads the assessment through typed getters: no pointer is looked
//! up while evaluating.

use std::fmt;

use chrono::TimeDelta;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::fields::{self, Field, FieldKind, FieldValue};
use crate::model::{Answer, Assessment, CaseType, RiskLevel};
use crate::text::joined;
use crate::trafficking::TraffickingStatus;

/// A condition on an assessment, as written in a rule set or a form definition.
///
/// Each condition is a JSON object with exactly one key:
///
/// ```
/// use lindung::condition::Condition;
/// let text = r#"{"any":[{"answer":{"at":"/danger/strangulation","is":"yes"}},
///                      {"atLeast":{"at":"/violence/incidentsLast12Months","value":3}}]}"#;
/// let condition: Condition = serde_json::from_str(text).map_err(|e| e.to_string())?;
/// assert!(condition.check(lindung::condition::Scope::Assessment).is_ok());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum Condition {
    /// True when every condition is true (true for an empty list).
    All(Vec<Condition>),
    /// True when at least one condition is true (false for an empty list).
    Any(Vec<Condition>),
    /// True when the condition is false.
    Not(Box<Condition>),
    /// True when an answer field holds the given answer (absent, "not asked", never matches).
    Answer(AnswerTest),
    /// True when a set field holds the value.
    Includes(ValueTest),
    /// True when an enum, text, number or boolean field equals the value.
    Equals(EqualsTest),
    /// True when a number field is at least the value.
    AtLeast(NumberTest),
    /// True when a number field is below the value.
    Below(NumberTest),
    /// True when at least `atLeast` of the answer fields are "yes".
    CountYes(CountYes),
    /// True when a date-time field is at most `hours` hours before `assessedAt`, and not after it.
    WithinHours(WithinHours),
    /// True when the person is (with `true`) or is not (with `false`) a child at `assessedAt`.
    Child(bool),
    /// True when the case types include this one.
    CaseType(CaseType),
    /// Referral rules only: true when the risk level is at least this one.
    RiskAtLeast(RiskLevel),
    /// Referral rules only: true when the trafficking status is one of these.
    Trafficking(Vec<TraffickingStatus>),
}

/// `{"at": pointer, "is": answer}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnswerTest {
    /// JSON Pointer of an answer field.
    pub at: String,
    /// The answer to match.
    pub is: Answer,
}

/// `{"at": pointer, "value": name}` for a set field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValueTest {
    /// JSON Pointer of a set field.
    pub at: String,
    /// One of the field's allowed values.
    pub value: String,
}

/// `{"at": pointer, "value": scalar}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EqualsTest {
    /// JSON Pointer of an enum, text, number or boolean field.
    pub at: String,
    /// The value to compare with; for an enum, one of its allowed values.
    pub value: Scalar,
}

/// A JSON string, number or boolean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
}

/// `{"at": pointer, "value": number}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NumberTest {
    /// JSON Pointer of a number field.
    pub at: String,
    /// The number to compare with.
    pub value: f64,
}

/// `{"of": [pointer, …], "atLeast": n}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CountYes {
    /// JSON Pointers of answer fields.
    pub of: Vec<String>,
    /// How many must be "yes".
    pub at_least: u32,
}

/// `{"at": pointer, "hours": n}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WithinHours {
    /// JSON Pointer of a date-time field.
    pub at: String,
    /// The window in hours before `assessedAt`.
    pub hours: u32,
}

/// Where a condition is used; referral rules may also test the risk level and trafficking status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Risk factors, floors and form visibility: answers only.
    Assessment,
    /// Referral rules: answers, `riskAtLeast` and `trafficking`.
    Referral,
}

/// Why a condition cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConditionError {
    /// The pointer names no answerable field.
    UnknownPointer {
        /// The pointer.
        pointer: String,
    },
    /// The operator does not fit the kind of the field.
    OperatorMismatch {
        /// The operator, as in JSON.
        operator: &'static str,
        /// The pointer.
        pointer: String,
        /// The field's kind.
        kind: &'static str,
    },
    /// The value is not one the field allows.
    ValueNotAllowed {
        /// The pointer.
        pointer: String,
        /// The value, as written.
        value: String,
    },
    /// The operator is only allowed in referral rules.
    ReferralOnly {
        /// The operator.
        operator: &'static str,
    },
    /// A number that is not finite.
    NotFinite {
        /// The pointer.
        pointer: String,
    },
}

impl ConditionError {
    /// What is wrong, in plain English: the text `Display` writes.
    ///
    /// ```
    /// use lindung::condition::ConditionError;
    ///
    /// let error = ConditionError::UnknownPointer { pointer: "/colour".to_owned() };
    /// assert_eq!(error.message(), "pointer `/colour` is not a field of the assessment");
    /// assert_eq!(error.message(), error.to_string());
    /// ```
    pub fn message(&self) -> String {
        match self {
            ConditionError::UnknownPointer { pointer } => {
                joined(&["pointer `", pointer, "` is not a field of the assessment"])
            }
            ConditionError::OperatorMismatch {
                operator,
                pointer,
                kind,
            } => joined(&[
                "operator `",
                operator,
                "` does not fit `",
                pointer,
                "`, which holds ",
                kind,
                " values",
            ]),
            ConditionError::ValueNotAllowed { pointer, value } => {
                joined(&["value `", value, "` is not allowed at `", pointer, "`"])
            }
            ConditionError::ReferralOnly { operator } => joined(&[
                "operator `",
                operator,
                "` is only allowed in referral rules",
            ]),
            ConditionError::NotFinite { pointer } => {
                joined(&["the number at `", pointer, "` must be finite"])
            }
        }
    }
}

impl fmt::Display for ConditionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ConditionError {}

/// What a condition reads besides the assessment's own fields.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The assessment.
    pub assessment: &'a Assessment,
    /// Whether the person is a child at `assessedAt`.
    pub child: bool,
    /// The risk level, when known (referral rules).
    pub risk: Option<RiskLevel>,
    /// The trafficking status, when known (referral rules).
    pub trafficking: Option<TraffickingStatus>,
}

impl<'a> Context<'a> {
    /// A context for risk, floors and the form: the child flag from the assessment, no risk level
    /// or trafficking status yet.
    pub fn new(assessment: &'a Assessment) -> Self {
        Context {
            assessment,
            child: assessment.is_child(),
            risk: None,
            trafficking: None,
        }
    }
}

/// A checked condition, ready to evaluate.
#[derive(Debug, Clone)]
pub struct Compiled(Node);

#[derive(Debug, Clone)]
enum Node {
    All(Vec<Node>),
    Any(Vec<Node>),
    Not(Box<Node>),
    Answer(&'static Field, Answer),
    Includes(&'static Field, String),
    EqualsName(&'static Field, String),
    EqualsNumber(&'static Field, f64),
    EqualsBool(&'static Field, bool),
    AtLeast(&'static Field, f64),
    Below(&'static Field, f64),
    CountYes(Vec<&'static Field>, u32),
    WithinHours(&'static Field, u32),
    Child(bool),
    CaseType(CaseType),
    RiskAtLeast(RiskLevel),
    Trafficking(Vec<TraffickingStatus>),
}

/// What an operator asks of the value it compares with, once the field is known.
#[derive(Clone, Copy)]
enum Operand<'a> {
    /// Nothing.
    Any,
    /// One of the field's allowed values (any, for a field without a list).
    Allowed(&'a str),
    /// A finite number.
    Finite(f64),
}

/// The field at `pointer`, when it holds one of `kinds` for `operator` and `value` suits it.
/// `single` asks for a field with one value to compare: repeated free text and dates have none.
fn operand(
    pointer: &str,
    operator: &'static str,
    kinds: &[FieldKind],
    single: bool,
    value: Operand<'_>,
) -> Result<&'static Field, ConditionError> {
    let Some(field) = fields::field(pointer) else {
        return Err(ConditionError::UnknownPointer {
            pointer: pointer.to_owned(),
        });
    };
    let kind = field.kind();
    let kind = if single && field.is_repeated() && matches!(kind, FieldKind::Text | FieldKind::Date)
    {
        "repeated"
    } else if kinds.contains(&kind) {
        return match value {
            Operand::Allowed(value)
                if !field.values().is_empty() && !field.values().contains(&value) =>
            {
                Err(ConditionError::ValueNotAllowed {
                    pointer: field.pointer().to_owned(),
                    value: value.to_owned(),
                })
            }
            Operand::Finite(value) if !value.is_finite() => Err(ConditionError::NotFinite {
                pointer: field.pointer().to_owned(),
            }),
            _ => Ok(field),
        };
    } else {
        kind.as_str()
    };
    Err(ConditionError::OperatorMismatch {
        operator,
        pointer: field.pointer().to_owned(),
        kind,
    })
}

impl Condition {
    /// Checks the condition against the field registry and compiles it.
    ///
    /// Every pointer must name a field, fit the operator (`answer` and `countYes` on answers,
    /// `includes` on sets, `atLeast`/`below` on numbers, `equals` on enums, text, numbers and
    /// booleans with an allowed value, `withinHours` on date-times); `riskAtLeast` and
    /// `trafficking` only in [`Scope::Referral`].
    pub fn check(&self, scope: Scope) -> Result<Compiled, ConditionError> {
        self.compile(scope).map(Compiled)
    }

    /// Checks and evaluates the condition on an assessment, outside referral rules. Use
    /// [`Condition::check`] once and [`Compiled::eval`] many times where speed matters.
    pub fn evaluate(&self, assessment: &Assessment) -> Result<bool, ConditionError> {
        Ok(self
            .check(Scope::Assessment)?
            .eval(&Context::new(assessment)))
    }

    fn compile(&self, scope: Scope) -> Result<Node, ConditionError> {
        use FieldKind as K;
        use Operand::{Allowed, Any, Finite};
        Ok(match self {
            Condition::All(items) => Node::All(compile_all(items, scope)?),
            Condition::Any(items) => Node::Any(compile_all(items, scope)?),
            Condition::Not(item) => Node::Not(Box::new(item.compile(scope)?)),
            Condition::Answer(test) => Node::Answer(
                operand(&test.at, "answer", &[K::Answer], false, Any)?,
                test.is,
            ),
            Condition::Includes(test) => {
                let value = Allowed(&test.value);
                let field = operand(&test.at, "includes", &[K::Set], false, value)?;
                Node::Includes(field, test.value.clone())
            }
            Condition::Equals(test) => match &test.value {
                Scalar::Text(value) => {
                    let kinds = &[K::Enum, K::Text];
                    let field = operand(&test.at, "equals", kinds, true, Allowed(value))?;
                    Node::EqualsName(field, value.clone())
                }
                Scalar::Number(value) => Node::EqualsNumber(
                    operand(&test.at, "equals", &[K::Number], true, Finite(*value))?,
                    *value,
                ),
                Scalar::Bool(value) => {
                    Node::EqualsBool(operand(&test.at, "equals", &[K::Bool], true, Any)?, *value)
                }
            },
            Condition::AtLeast(test) => Node::AtLeast(
                operand(&test.at, "atLeast", &[K::Number], false, Finite(test.value))?,
                test.value,
            ),
            Condition::Below(test) => Node::Below(
                operand(&test.at, "below", &[K::Number], false, Finite(test.value))?,
                test.value,
            ),
            Condition::CountYes(test) => {
                let mut fields = Vec::with_capacity(test.of.len());
                for pointer in &test.of {
                    fields.push(operand(pointer, "countYes", &[K::Answer], false, Any)?);
                }
                Node::CountYes(fields, test.at_least)
            }
            Condition::WithinHours(test) => Node::WithinHours(
                operand(&test.at, "withinHours", &[K::DateTime], false, Any)?,
                test.hours,
            ),
            Condition::Child(child) => Node::Child(*child),
            Condition::CaseType(case_type) => Node::CaseType(*case_type),
            Condition::RiskAtLeast(level) => match scope {
                Scope::Referral => Node::RiskAtLeast(*level),
                Scope::Assessment => {
                    return Err(ConditionError::ReferralOnly {
                        operator: "riskAtLeast",
                    })
                }
            },
            Condition::Trafficking(statuses) => match scope {
                Scope::Referral => Node::Trafficking(statuses.clone()),
                Scope::Assessment => {
                    return Err(ConditionError::ReferralOnly {
                        operator: "trafficking",
                    })
                }
            },
        })
    }
}

fn compile_all(items: &[Condition], scope: Scope) -> Result<Vec<Node>, ConditionError> {
    let mut nodes = Vec::with_capacity(items.len());
    for item in items {
        nodes.push(item.compile(scope)?);
    }
    Ok(nodes)
}

impl Compiled {
    /// Evaluates the condition.
    pub fn eval(&self, context: &Context<'_>) -> bool {
        self.0.eval(context, &mut None)
    }

    /// Evaluates the condition and, when it is true, adds to `evidence` the pointers of the
    /// fields that made it true (in the order written, each once).
    pub fn eval_with_evidence(
        &self,
        context: &Context<'_>,
        evidence: &mut Vec<&'static str>,
    ) -> bool {
        let start = evidence.len();
        let mut sink = Some(std::mem::take(evidence));
        let result = self.0.eval(context, &mut sink);
        *evidence = sink.unwrap_or_default();
        if !result {
            evidence.truncate(start);
        }
        // Keep the first of repeated pointers, without allocating.
        let mut index = start;
        while index < evidence.len() {
            if evidence[start..index].contains(&evidence[index]) {
                evidence.remove(index);
            } else {
                index += 1;
            }
        }
        result
    }

    /// The fields the condition reads, in the order written, each once.
    pub fn fields(&self) -> Vec<&'static Field> {
        let mut out = Vec::new();
        self.0.fields(&mut out);
        out
    }

    /// Adds to `out` the fields the condition reads that `out` does not hold yet, in the order
    /// written.
    pub(crate) fn add_fields(&self, out: &mut Vec<&'static Field>) {
        self.0.fields(out);
    }
}

fn note(sink: &mut Option<Vec<&'static str>>, field: &'static Field) {
    if let Some(evidence) = sink {
        evidence.push(field.pointer());
    }
}

impl Node {
    fn eval(&self, cx: &Context<'_>, sink: &mut Option<Vec<&'static str>>) -> bool {
        let a = cx.assessment;
        match self {
            Node::All(items) => {
                let start = sink.as_ref().map_or(0, Vec::len);
                for item in items {
                    if !item.eval(cx, sink) {
                        if let Some(evidence) = sink {
                            evidence.truncate(start);
                        }
                        return false;
                    }
                }
                true
            }
            Node::Any(items) => {
                let mut any = false;
                for item in items {
                    if item.eval(cx, sink) {
                        any = true;
                        if sink.is_none() {
                            return true;
                        }
                    }
                }
                any
            }
            Node::Not(item) => !item.eval(cx, &mut None),
            Node::Answer(field, expected) => {
                let hit = field.get(a).answer() == Some(*expected);
                if hit {
                    note(sink, field);
                }
                hit
            }
            Node::Includes(field, value) => {
                let hit = field.get(a).includes(value);
                if hit {
                    note(sink, field);
                }
                hit
            }
            Node::EqualsName(field, value) => {
                let hit = match field.get(a) {
                    FieldValue::Enum(name) => name == value,
                    FieldValue::Text(text) => text == value,
                    _ => false,
                };
                if hit {
                    note(sink, field);
                }
                hit
            }
            Node::EqualsNumber(field, value) => {
                let hit = matches!(field.get(a), FieldValue::Number(n) if n == *value);
                if hit {
                    note(sink, field);
                }
                hit
            }
            Node::EqualsBool(field, value) => {
                let hit = matches!(field.get(a), FieldValue::Bool(b) if b == *value);
                if hit {
                    note(sink, field);
                }
                hit
            }
            Node::AtLeast(field, value) => {
                let hit = matches!(field.get(a), FieldValue::Number(n) if n >= *value);
                if hit {
                    note(sink, field);
                }
                hit
            }
            Node::Below(field, value) => {
                let hit = matches!(field.get(a), FieldValue::Number(n) if n < *value);
                if hit {
                    note(sink, field);
                }
                hit
            }
            Node::CountYes(fields, at_least) => {
                let yes: Vec<&'static Field> = fields
                    .iter()
                    .copied()
                    .filter(|field| field.get(a).answer() == Some(Answer::Yes))
                    .collect();
                let hit = u32::try_from(yes.len()).unwrap_or(u32::MAX) >= *at_least;
                if hit {
                    for field in yes {
                        note(sink, field);
                    }
                }
                hit
            }
            Node::WithinHours(field, hours) => {
                let hit = match field.get(a) {
                    FieldValue::DateTime(at) => {
                        let since = a.assessed_at.signed_duration_since(at);
                        since >= TimeDelta::zero() && since <= TimeDelta::hours(i64::from(*hours))
                    }
                    _ => false,
                };
                if hit {
                    note(sink, field);
                }
                hit
            }
            Node::Child(child) => cx.child == *child,
            Node::CaseType(case_type) => a.has_case_type(*case_type),
            Node::RiskAtLeast(level) => cx.risk.is_some_and(|risk| risk >= *level),
            Node::Trafficking(statuses) => cx
                .trafficking
                .is_some_and(|status| statuses.contains(&status)),
        }
    }

    fn fields(&self, out: &mut Vec<&'static Field>) {
        let mut push = |field: &'static Field| {
            if !out.iter().any(|seen| std::ptr::eq(*seen, field)) {
                out.push(field);
            }
        };
        match self {
            Node::All(items) | Node::Any(items) => {
                for item in items {
                    item.fields(out);
                }
            }
            Node::Not(item) => item.fields(out),
            Node::Answer(field, _)
            | Node::Includes(field, _)
            | Node::EqualsName(field, _)
            | Node::EqualsNumber(field, _)
            | Node::EqualsBool(field, _)
            | Node::AtLeast(field, _)
            | Node::Below(field, _)
            | Node::WithinHours(field, _) => push(field),
            Node::CountYes(fields, _) => {
                for field in fields {
                    push(field);
                }
            }
            Node::Child(_) | Node::CaseType(_) | Node::RiskAtLeast(_) | Node::Trafficking(_) => {}
        }
    }
}
