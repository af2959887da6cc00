//! Loading a rule set: the JSON shape, then every check the types cannot make, each failure named
//! by the rule, the field and the problem.

use serde_json::Value;

use super::{
    CatalogueEntry, Checked, ReferralRule, RiskFactor, RuleSet, RuleSetDocument, StatusRule,
    StatusTest, MAX_BYTES,
};
use crate::condition::{Compiled, Condition, Scope};
use crate::decode::DecodeError;
use crate::fields::{self, Field, FieldKind};
use crate::model::{IndicatorId, Text};
use crate::trafficking::TraffickingStatus;

/// Why a rule set cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RuleSetError {
    /// The document is over the size limit.
    #[error("rule set is {size} bytes, over the limit of {MAX_BYTES} bytes")]
    TooLarge {
        /// The document's size in bytes.
        size: usize,
    },
    /// The document is not JSON.
    #[error("rule set is not valid JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A field of the rule set itself is wrong.
    #[error("rule set field `{field}`: {problem}")]
    Document {
        /// The field, as a JSON Pointer.
        field: String,
        /// What is wrong.
        problem: String,
    },
    /// A rule is wrong.
    #[error("rule `{rule}`, field `{field}`: {problem}")]
    Rule {
        /// The rule id; `#n`, its position, when the id is malformed; the rule's JSON Pointer
        /// (`/risk/floors/0`) when the rule's shape is wrong and its id cannot be read.
        rule: String,
        /// The field of the rule; for a shape error, the place in the rule, a JSON Pointer
        /// without its leading `/` (`label/en`, `when/any/0/answer/is`).
        field: String,
        /// The field as a JSON Pointer into the rule set (`/risk/factors/0/when`), for tools
        /// that point at the place in the file.
        pointer: String,
        /// What is wrong.
        problem: String,
    },
}

impl RuleSetError {
    /// Where in the rule set the error is, as a JSON Pointer: the field of the rule set or of the
    /// rule; `None` for a document too large or not JSON (whose message has the line and
    /// column).
    ///
    /// ```
    /// use lindung::rules::RuleSet;
    ///
    /// let mut doc: serde_json::Value = serde_json::from_str(&RuleSet::builtin().to_json())?;
    /// doc["referrals"][2]["label"]["en"] = serde_json::json!("");
    /// let error = RuleSet::from_json(doc.to_string().as_bytes()).unwrap_err();
    /// assert_eq!(error.pointer(), Some("/referrals/2/label"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn pointer(&self) -> Option<&str> {
        match self {
            RuleSetError::Document { field, .. } => Some(field),
            RuleSetError::Rule { pointer, .. } => Some(pointer),
            RuleSetError::TooLarge { .. } | RuleSetError::Json { .. } => None,
        }
    }
}

/// A rule's error; [`placed`] adds where the rule is.
fn rule_error(rule: &str, field: &str, problem: impl Into<String>) -> RuleSetError {
    RuleSetError::Rule {
        rule: rule.to_owned(),
        field: field.to_owned(),
        pointer: String::new(),
        problem: problem.into(),
    }
}

/// Places a rule's error at item `index` of the rule list at `list`: its pointer becomes
/// `{list}/{index}/{field}`.
fn placed(list: &'static str, index: usize) -> impl Fn(RuleSetError) -> RuleSetError {
    move |error| match error {
        RuleSetError::Rule {
            rule,
            field,
            pointer,
            problem,
        } if pointer.is_empty() => RuleSetError::Rule {
            pointer: format!("{list}/{index}/{field}"),
            rule,
            field,
            problem,
        },
        other => other,
    }
}

fn doc_error(field: &str, problem: impl Into<String>) -> RuleSetError {
    RuleSetError::Document {
        field: field.to_owned(),
        problem: problem.into(),
    }
}

/// The longest label text, in characters (the schema's `maxLength` of `Text`).
const MAX_LABEL: usize = 500;

/// The largest weight of a risk factor (the schema's `maximum`).
const MAX_WEIGHT: u32 = 100;

pub(super) fn from_json(bytes: &[u8]) -> Result<RuleSet, RuleSetError> {
    if bytes.len() > MAX_BYTES {
        return Err(RuleSetError::TooLarge { size: bytes.len() });
    }
    let read = crate::json::read(bytes).map_err(|e| RuleSetError::Json {
        line: e.line(),
        column: e.column(),
        message: e.message().to_owned(),
    })?;
    // A repeated key would let the last copy win unseen: an agency must see which it meant.
    if let Some(repeated) = read.repeated_keys.first() {
        return Err(doc_error(
            &repeated.pointer,
            format!("the key `{}` appears more than once", repeated.key),
        ));
    }
    let document = crate::decode::document::<RuleSetDocument>(&read.value)
        .map_err(|e| shape_error(&read.value, e))?;
    RuleSet::from_document(document)
}

/// The lists whose items are rules, each named by its id.
const RULE_LISTS: [&str; 6] = [
    "/risk/factors",
    "/risk/floors",
    "/trafficking/statusRules",
    "/trafficking/catalogue",
    "/trafficking/dimensions",
    "/referrals",
];

/// Names a shape error: inside a rule, by the rule and the place in it (`label/en`,
/// `when/any/0/answer/is`); elsewhere, by its JSON Pointer.
fn shape_error(value: &Value, error: DecodeError) -> RuleSetError {
    for list in RULE_LISTS {
        let Some(rest) = error
            .pointer
            .strip_prefix(list)
            .and_then(|rest| rest.strip_prefix('/'))
        else {
            continue;
        };
        // The item itself (a rule that is not an object) is the list's problem.
        let Some((index, field)) = rest.split_once('/') else {
            continue;
        };
        let item = format!("{list}/{index}");
        return RuleSetError::Rule {
            rule: rule_name(value, &item),
            field: field.to_owned(),
            pointer: error.pointer,
            problem: error.message,
        };
    }
    doc_error(&error.pointer, error.message)
}

/// A rule's id; a dimension's number, as the later checks name it; else the rule's pointer.
fn rule_name(value: &Value, item: &str) -> String {
    let id = crate::json::find(value, item).and_then(|item| item.get("id"));
    match id {
        Some(Value::String(id)) => id.clone(),
        Some(Value::Number(number)) if item.starts_with("/trafficking/dimensions/") => {
            format!("dimension {number}")
        }
        _ => item.to_owned(),
    }
}

fn label(rule: &str, field: &str, text: &Text) -> Result<(), RuleSetError> {
    for (lang, value) in [("id", &text.id), ("en", &text.en)] {
        if value.trim().is_empty() {
            return Err(rule_error(
                rule,
                field,
                format!("the `{lang}` text is missing"),
            ));
        }
        let length = crate::char_count(value);
        if length > MAX_LABEL {
            return Err(rule_error(
                rule,
                field,
                format!("the `{lang}` text is {length} characters, over the limit of {MAX_LABEL}"),
            ));
        }
    }
    Ok(())
}

fn compile(
    rule: &str,
    field: &str,
    when: &Condition,
    scope: Scope,
) -> Result<crate::condition::Compiled, RuleSetError> {
    when.check(scope)
        .map_err(|e| rule_error(rule, field, e.to_string()))
}

fn rule_id(seen: &mut Vec<String>, id: &str, index: usize) -> Result<(), RuleSetError> {
    let valid = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if !valid {
        return Err(rule_error(
            &format!("#{index}"),
            "id",
            format!("id `{id}` must be 1 to 64 of `A-Z a-z 0-9 . _ -`"),
        ));
    }
    if !crate::insert_sorted(seen, id.to_owned()) {
        return Err(rule_error(id, "id", format!("id `{id}` is used twice")));
    }
    Ok(())
}

pub(super) fn check(doc: &RuleSetDocument) -> Result<Checked, RuleSetError> {
    if doc.id.is_empty()
        || doc.id.len() > 64
        || !doc
            .id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
    {
        return Err(doc_error(
            "/id",
            format!("id `{}` must be 1 to 64 of `A-Z a-z 0-9 . _ -`", doc.id),
        ));
    }
    if doc.version.trim().is_empty() || doc.version.len() > 32 {
        return Err(doc_error(
            "/version",
            "the version must be 1 to 32 characters",
        ));
    }
    for (field, text) in [
        ("/label", &doc.label),
        ("/description", &doc.description),
        (
            "/trafficking/strengthSource",
            &doc.trafficking.strength_source,
        ),
    ] {
        label("rule set", field, text)?;
    }

    // Rule ids seen so far, sorted.
    let mut seen = Vec::new();
    let mut index = 0;
    let mut next = || {
        index += 1;
        index
    };

    let thresholds = doc.risk.thresholds;
    if !(0 < thresholds.medium
        && thresholds.medium < thresholds.high
        && thresholds.high < thresholds.critical)
    {
        return Err(doc_error(
            "/risk/thresholds",
            format!(
                "thresholds must ascend from above 0: medium `{}`, high `{}`, critical `{}`",
                thresholds.medium, thresholds.high, thresholds.critical
            ),
        ));
    }

    let mut factors = Vec::new();
    for (index, factor) in doc.risk.factors.iter().enumerate() {
        let checked = risk_factor(factor, &mut seen, next());
        factors.push(checked.map_err(placed("/risk/factors", index))?);
    }
    let mut floors = Vec::new();
    for (index, floor) in doc.risk.floors.iter().enumerate() {
        let checked = rule_id(&mut seen, &floor.id, next())
            .and_then(|()| label(&floor.id, "label", &floor.label))
            .and_then(|()| compile(&floor.id, "when", &floor.when, Scope::Assessment));
        floors.push(checked.map_err(placed("/risk/floors", index))?);
    }

    let trafficking = &doc.trafficking;
    let dimension_ids: Vec<u8> = trafficking.dimensions.iter().map(|d| d.id).collect();
    if dimension_ids != [1, 2, 3, 4, 5, 6] {
        return Err(doc_error(
            "/trafficking/dimensions",
            "the dimensions must be 1 to 6, in order, each once",
        ));
    }
    for (index, dimension) in trafficking.dimensions.iter().enumerate() {
        let name = format!("dimension {}", dimension.id);
        label(&name, "label", &dimension.label)
            .map_err(placed("/trafficking/dimensions", index))?;
    }
    if trafficking.dimension_rule.is_empty()
        || trafficking
            .dimension_rule
            .iter()
            .any(|c| *c == super::StrengthCount::default())
    {
        return Err(doc_error(
            "/trafficking/dimensionRule",
            "every combination must ask for at least one indicator, and there must be one",
        ));
    }
    for (index, rule) in trafficking.status_rules.iter().enumerate() {
        status_rule(rule, &mut seen, next()).map_err(placed("/trafficking/statusRules", index))?;
    }
    let mut catalogue = Vec::new();
    for (index, entry) in trafficking.catalogue.iter().enumerate() {
        let id =
            catalogue_entry(entry, &catalogue).map_err(placed("/trafficking/catalogue", index))?;
        catalogue.push(id);
    }

    let mut referrals = Vec::new();
    let mut due_from = Vec::new();
    for (index, rule) in doc.referrals.iter().enumerate() {
        let (when, due) = referral(rule, &mut seen, next()).map_err(placed("/referrals", index))?;
        referrals.push(when);
        due_from.push(due);
    }

    let mut risk_fields: Vec<&'static crate::fields::Field> = Vec::new();
    for field in factors.iter().chain(&floors).flat_map(|c| c.fields()) {
        if !risk_fields.iter().any(|seen| std::ptr::eq(*seen, field)) {
            risk_fields.push(field);
        }
    }
    let mut floor_answers: Vec<&'static crate::fields::Field> = Vec::new();
    for field in floors.iter().flat_map(|c| c.fields()) {
        if field.kind() == FieldKind::Answer
            && !floor_answers.iter().any(|seen| std::ptr::eq(*seen, field))
        {
            floor_answers.push(field);
        }
    }
    Ok(Checked {
        factors,
        floors,
        referrals,
        due_from,
        catalogue,
        risk_fields,
        floor_answers,
    })
}

fn risk_factor(
    factor: &RiskFactor,
    seen: &mut Vec<String>,
    index: usize,
) -> Result<Compiled, RuleSetError> {
    rule_id(seen, &factor.id, index)?;
    label(&factor.id, "label", &factor.label)?;
    if factor.weight > MAX_WEIGHT {
        return Err(rule_error(
            &factor.id,
            "weight",
            format!(
                "the weight `{}` is over the limit of {MAX_WEIGHT}",
                factor.weight
            ),
        ));
    }
    compile(&factor.id, "when", &factor.when, Scope::Assessment)
}

fn status_rule(
    rule: &StatusRule,
    seen: &mut Vec<String>,
    index: usize,
) -> Result<(), RuleSetError> {
    rule_id(seen, &rule.id, index)?;
    label(&rule.id, "label", &rule.label)?;
    if !matches!(
        rule.status,
        TraffickingStatus::Indicated | TraffickingStatus::Possible
    ) {
        return Err(rule_error(
            &rule.id,
            "status",
            "a status rule gives `indicated` or `possible`",
        ));
    }
    let fine = match &rule.test {
        StatusTest::DimensionGroups(groups) => {
            !groups.is_empty()
                && groups
                    .iter()
                    .all(|g| !g.is_empty() && g.iter().all(|d| (1..=6).contains(d)))
        }
        StatusTest::DimensionsAtLeast(n) => (1..=6).contains(n),
        StatusTest::RequiredElements(on) => *on,
        StatusTest::ElementsAtLeast(n) => (1..=3).contains(n),
    };
    if !fine {
        return Err(rule_error(
            &rule.id,
            "test",
            "groups must be non-empty lists of dimensions 1 to 6; counts must be possible",
        ));
    }
    Ok(())
}

/// A catalogue entry's indicator, once, in its own dimension.
fn catalogue_entry(
    entry: &CatalogueEntry,
    listed: &[IndicatorId],
) -> Result<IndicatorId, RuleSetError> {
    let Some(id) = IndicatorId::parse(&entry.id) else {
        return Err(rule_error(
            &entry.id,
            "id",
            format!("`{}` is not an indicator id of the assessment", entry.id),
        ));
    };
    if listed.contains(&id) {
        return Err(rule_error(
            &entry.id,
            "id",
            format!("indicator `{}` is listed twice", entry.id),
        ));
    }
    if entry.dimension != id.dimension() {
        return Err(rule_error(
            &entry.id,
            "dimension",
            format!(
                "indicator `{}` belongs to dimension {}, not {}",
                entry.id,
                id.dimension(),
                entry.dimension
            ),
        ));
    }
    label(&entry.id, "label", &entry.label)?;
    Ok(id)
}

/// A referral rule's condition, and the date-time field its due time counts from.
fn referral(
    rule: &ReferralRule,
    seen: &mut Vec<String>,
    index: usize,
) -> Result<(Compiled, Option<&'static Field>), RuleSetError> {
    rule_id(seen, &rule.id, index)?;
    label(&rule.id, "label", &rule.label)?;
    let when = compile(&rule.id, "when", &rule.when, Scope::Referral)?;
    let Some(due) = &rule.due_from else {
        return Ok((when, None));
    };
    match fields::field(&due.at) {
        Some(field) if field.kind() == FieldKind::DateTime => Ok((when, Some(field))),
        Some(field) => Err(rule_error(
            &rule.id,
            "dueFrom",
            format!(
                "`{}` holds {} values, not date-times",
                due.at,
                field.kind().as_str()
            ),
        )),
        None => Err(rule_error(
            &rule.id,
            "dueFrom",
            format!("pointer `{}` is not a field of the assessment", due.at),
        )),
    }
}
