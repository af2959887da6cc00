//! Loading a rule set: the JSON shape, then every check the types cannot make, each failure named
//! by the rule, the field and the problem.

use std::fmt;

use crate::json::Value;

use super::{
    CatalogueEntry, Checked, ReferralRule, RuleSet, RuleSetDocument, StatusRule, StatusTest,
    MAX_BYTES,
};
use crate::condition::{Compiled, Condition, ConditionError, Scope};
use crate::decode::DecodeError;
use crate::directory::is_id;
use crate::fields::{self, Field, FieldKind};
use crate::model::{IndicatorId, Text};
use crate::text::{decimal, joined};
use crate::trafficking::TraffickingStatus;

/// Why a rule set cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RuleSetError {
    /// The document is over the size limit.
    TooLarge {
        /// The document's size in bytes.
        size: usize,
    },
    /// The document is not JSON.
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A field of the rule set itself is wrong.
    Document {
        /// The field, as a JSON Pointer.
        field: String,
        /// What is wrong.
        problem: String,
    },
    /// A rule is wrong.
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
    /// What is wrong and where, in plain English: the text `Display` writes.
    ///
    /// ```
    /// use lindung::rules::RuleSetError;
    ///
    /// let error = RuleSetError::TooLarge { size: 2_000_000 };
    /// assert_eq!(error.message(), "rule set is 2000000 bytes, over the limit of 1048576 bytes");
    /// assert_eq!(error.message(), error.to_string());
    /// ```
    pub fn message(&self) -> String {
        match self {
            RuleSetError::TooLarge { size } => joined(&[
                "rule set is ",
                &decimal(*size as u64),
                " bytes, over the limit of ",
                &decimal(MAX_BYTES as u64),
                " bytes",
            ]),
            RuleSetError::Json {
                line,
                column,
                message,
            } => joined(&[
                "rule set is not valid JSON at line ",
                &decimal(*line as u64),
                ", column ",
                &decimal(*column as u64),
                ": ",
                message,
            ]),
            RuleSetError::Document { field, problem } => {
                joined(&["rule set field `", field, "`: ", problem])
            }
            RuleSetError::Rule {
                rule,
                field,
                problem,
                ..
            } => joined(&["rule `", rule, "`, field `", field, "`: ", problem]),
        }
    }

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

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for RuleSetError {}

fn doc_error(field: &str, problem: String) -> RuleSetError {
    RuleSetError::Document {
        field: field.to_owned(),
        problem,
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
            crate::directory::repeated_key(&repeated.key),
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
        let item = error
            .pointer
            .get(..list.len() + 1 + index.len())
            .unwrap_or(list);
        return RuleSetError::Rule {
            rule: rule_name(value, item),
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
        Some(Value::String(id)) => id.to_owned_string(),
        Some(number @ Value::Number(_)) if item.starts_with("/trafficking/dimensions/") => {
            joined(&["dimension ", &crate::encode::to_json(number)])
        }
        _ => item.to_owned(),
    }
}

/// True when `text` is empty or only white space: what `str::trim` would leave empty, without
/// the pattern machinery `trim` brings to WASM.
fn blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// What is wrong with a label, if anything: a language's text empty or too long.
fn label_problem(text: &Text) -> Option<String> {
    for (lang, value) in [("id", &text.id), ("en", &text.en)] {
        if blank(value) {
            return Some(joined(&["the `", lang, "` text is missing"]));
        }
        let length = crate::char_count(value);
        if length > MAX_LABEL {
            return Some(joined(&[
                "the `",
                lang,
                "` text is ",
                &decimal(length as u64),
                " characters, over the limit of ",
                &decimal(MAX_LABEL as u64),
            ]));
        }
    }
    None
}

/// The problem of a malformed id.
fn bad_id(id: &str) -> String {
    joined(&["id `", id, "` must be 1 to 64 of `A-Z a-z 0-9 . _ -`"])
}

/// A rule being checked: item `index` of the list at `list`, named `rule` in its errors.
struct Place<'a> {
    list: &'static str,
    index: usize,
    rule: &'a str,
}

impl Place<'_> {
    /// The rule's error at its `field`, whose pointer is `{list}/{index}/{field}`.
    fn error(&self, field: &str, problem: String) -> RuleSetError {
        RuleSetError::Rule {
            rule: self.rule.to_owned(),
            field: field.to_owned(),
            pointer: joined(&[self.list, "/", &decimal(self.index as u64), "/", field]),
            problem,
        }
    }

    fn label(&self, text: &Text) -> Result<(), RuleSetError> {
        match label_problem(text) {
            Some(problem) => Err(self.error("label", problem)),
            None => Ok(()),
        }
    }

    /// Checks the id and the label every rule has; `number` counts the rules checked so far,
    /// and names a rule whose id is malformed; `seen` holds the ids met, sorted.
    fn head(
        &self,
        seen: &mut Vec<String>,
        number: &mut usize,
        label: &Text,
    ) -> Result<(), RuleSetError> {
        *number += 1;
        let id = self.rule;
        if !is_id(id) {
            let place = Place {
                rule: &joined(&["#", &decimal(*number as u64)]),
                ..*self
            };
            return Err(place.error("id", bad_id(id)));
        }
        if !crate::insert_sorted(seen, id.to_owned()) {
            return Err(self.error("id", joined(&["id `", id, "` is used twice"])));
        }
        self.label(label)
    }

    fn compile(&self, when: &Condition, scope: Scope) -> Result<Compiled, RuleSetError> {
        when.check(scope)
            .map_err(|e| self.error("when", e.message()))
    }
}

pub(super) fn check(doc: &RuleSetDocument) -> Result<Checked, RuleSetError> {
    if !is_id(&doc.id) {
        return Err(doc_error("/id", bad_id(&doc.id)));
    }
    if blank(&doc.version) || doc.version.len() > 32 {
        return Err(doc_error(
            "/version",
            "the version must be 1 to 32 characters".to_owned(),
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
        // The rule set's own labels are named as a rule `rule set`, pointed at like any label.
        if let Some(problem) = label_problem(text) {
            return Err(RuleSetError::Rule {
                rule: "rule set".to_owned(),
                field: field.to_owned(),
                pointer: field.to_owned(),
                problem,
            });
        }
    }

    let thresholds = doc.risk.thresholds;
    if !(0 < thresholds.medium
        && thresholds.medium < thresholds.high
        && thresholds.high < thresholds.critical)
    {
        return Err(doc_error(
            "/risk/thresholds",
            joined(&[
                "thresholds must ascend from above 0: medium `",
                &decimal(u64::from(thresholds.medium)),
                "`, high `",
                &decimal(u64::from(thresholds.high)),
                "`, critical `",
                &decimal(u64::from(thresholds.critical)),
                "`",
            ]),
        ));
    }

    // Rule ids seen so far, sorted, and the number of rules checked.
    let mut seen = Vec::new();
    let mut number = 0;

    let mut factors = Vec::new();
    for (index, factor) in doc.risk.factors.iter().enumerate() {
        let place = Place {
            list: "/risk/factors",
            index,
            rule: &factor.id,
        };
        place.head(&mut seen, &mut number, &factor.label)?;
        if factor.weight > MAX_WEIGHT {
            return Err(place.error(
                "weight",
                joined(&[
                    "the weight `",
                    &decimal(u64::from(factor.weight)),
                    "` is over the limit of ",
                    &decimal(u64::from(MAX_WEIGHT)),
                ]),
            ));
        }
        factors.push(place.compile(&factor.when, Scope::Assessment)?);
    }
    let mut floors = Vec::new();
    for (index, floor) in doc.risk.floors.iter().enumerate() {
        let place = Place {
            list: "/risk/floors",
            index,
            rule: &floor.id,
        };
        place.head(&mut seen, &mut number, &floor.label)?;
        floors.push(place.compile(&floor.when, Scope::Assessment)?);
    }

    let trafficking = &doc.trafficking;
    let dimensions = &trafficking.dimensions;
    if dimensions.len() != 6 || dimensions.iter().zip(1..).any(|(d, id)| d.id != id) {
        return Err(doc_error(
            "/trafficking/dimensions",
            "the dimensions must be 1 to 6, in order, each once".to_owned(),
        ));
    }
    for (index, dimension) in dimensions.iter().enumerate() {
        Place {
            list: "/trafficking/dimensions",
            index,
            rule: &joined(&["dimension ", &decimal(u64::from(dimension.id))]),
        }
        .label(&dimension.label)?;
    }
    if trafficking.dimension_rule.is_empty()
        || trafficking
            .dimension_rule
            .iter()
            .any(|c| *c == super::StrengthCount::default())
    {
        return Err(doc_error(
            "/trafficking/dimensionRule",
            "every combination must ask for at least one indicator, and there must be one"
                .to_owned(),
        ));
    }
    for (index, rule) in trafficking.status_rules.iter().enumerate() {
        let place = Place {
            list: "/trafficking/statusRules",
            index,
            rule: &rule.id,
        };
        place.head(&mut seen, &mut number, &rule.label)?;
        status_rule(&place, rule)?;
    }
    let mut catalogue = Vec::new();
    for (index, entry) in trafficking.catalogue.iter().enumerate() {
        let place = Place {
            list: "/trafficking/catalogue",
            index,
            rule: &entry.id,
        };
        let id = catalogue_entry(&place, entry, &catalogue)?;
        catalogue.push(id);
    }

    let mut referrals = Vec::new();
    let mut due_from = Vec::new();
    for (index, rule) in doc.referrals.iter().enumerate() {
        let place = Place {
            list: "/referrals",
            index,
            rule: &rule.id,
        };
        place.head(&mut seen, &mut number, &rule.label)?;
        referrals.push(place.compile(&rule.when, Scope::Referral)?);
        due_from.push(referral_due_from(&place, rule)?);
    }

    let mut risk_fields = Vec::new();
    for when in factors.iter().chain(&floors) {
        when.add_fields(&mut risk_fields);
    }
    let mut floor_answers = Vec::new();
    for when in &floors {
        when.add_fields(&mut floor_answers);
    }
    floor_answers.retain(|field| field.kind() == FieldKind::Answer);
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

fn status_rule(place: &Place<'_>, rule: &StatusRule) -> Result<(), RuleSetError> {
    if !matches!(
        rule.status,
        TraffickingStatus::Indicated | TraffickingStatus::Possible
    ) {
        return Err(place.error(
            "status",
            "a status rule gives `indicated` or `possible`".to_owned(),
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
        return Err(place.error(
            "test",
            "groups must be non-empty lists of dimensions 1 to 6; counts must be possible"
                .to_owned(),
        ));
    }
    Ok(())
}

/// A catalogue entry's indicator, once, in its own dimension.
fn catalogue_entry(
    place: &Place<'_>,
    entry: &CatalogueEntry,
    listed: &[IndicatorId],
) -> Result<IndicatorId, RuleSetError> {
    let Some(id) = IndicatorId::parse(&entry.id) else {
        return Err(place.error(
            "id",
            joined(&["`", &entry.id, "` is not an indicator id of the assessment"]),
        ));
    };
    if listed.contains(&id) {
        return Err(place.error(
            "id",
            joined(&["indicator `", &entry.id, "` is listed twice"]),
        ));
    }
    if entry.dimension != id.dimension() {
        return Err(place.error(
            "dimension",
            joined(&[
                "indicator `",
                &entry.id,
                "` belongs to dimension ",
                &decimal(u64::from(id.dimension())),
                ", not ",
                &decimal(u64::from(entry.dimension)),
            ]),
        ));
    }
    place.label(&entry.label)?;
    Ok(id)
}

/// The date-time field a referral rule's due time counts from.
fn referral_due_from(
    place: &Place<'_>,
    rule: &ReferralRule,
) -> Result<Option<&'static Field>, RuleSetError> {
    let Some(due) = &rule.due_from else {
        return Ok(None);
    };
    match fields::field(&due.at) {
        Some(field) if field.kind() == FieldKind::DateTime => Ok(Some(field)),
        Some(field) => Err(place.error(
            "dueFrom",
            joined(&[
                "`",
                &due.at,
                "` holds ",
                field.kind().as_str(),
                " values, not date-times",
            ]),
        )),
        // Worded as a condition's unknown pointer, by the same error.
        None => Err(place.error(
            "dueFrom",
            ConditionError::UnknownPointer {
                pointer: due.at.clone(),
            }
            .message(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::blank;

    #[test]
    fn blank_is_what_trim_leaves_empty() {
        for text in [
            "",
            " ",
            "\t\r\n",
            "\u{a0}",
            "\u{85}",
            "\u{2003}\u{3000}",
            "\u{2028}\u{2029}",
            "\u{feff}",
            "\u{200b}",
            " a ",
            "é",
            "\u{a0}x",
        ] {
            assert_eq!(blank(text), text.trim().is_empty(), "{text:?}");
        }
    }
}
