//! How each type of the result document, the form definition and the visibility answer writes
//! itself: the keys, order and skipped fields of its serde attributes.

use super::{string, Encode};
use crate::completeness::Completeness;
use crate::condition::{
    AnswerTest, Condition, CountYes, EqualsTest, NumberTest, Scalar, ValueTest, WithinHours,
};
use crate::directory::Contact;
use crate::form::{Choice, Form, Kind, Question, Section, Visibility};
use crate::model::{IndicatorId, Lang, ProfessionalJudgement};
use crate::problem::{Params, Problem, Severity};
use crate::referral::{ConsentState, Referral, ReferralProvider};
use crate::result::{AssessmentResult, EngineInfo, ResultVersion, Traced};
use crate::risk::{FactorHit, FloorHit, RiskResult};
use crate::trafficking::{DimensionResult, Elements, Profile, TraffickingResult};
use crate::{encode_enum, encode_struct};

encode_enum!(ResultVersion { V1: "1" });
encode_enum!(Severity {
    Error: "error",
    Warning: "warning"
});
encode_enum!(Lang { Id: "id", En: "en" });
encode_enum!(Profile {
    AdultLabour: "adult_labour",
    AdultSexual: "adult_sexual",
    ChildLabour: "child_labour",
    ChildSexual: "child_sexual",
});
encode_enum!(ConsentState {
    Given: "given",
    Emergency: "emergency",
    Statutory: "statutory",
    GuardianNeeded: "guardian_needed",
    Needed: "needed",
});
encode_enum!(Kind {
    Text: "text",
    Textarea: "textarea",
    Date: "date",
    Datetime: "datetime",
    Integer: "integer",
    Boolean: "boolean",
    Answer: "answer",
    Choice: "choice",
    Multi: "multi",
    List: "list",
});

impl Encode for IndicatorId {
    fn encode(&self, out: &mut String) {
        string(out, self.as_str());
    }
}

encode_struct!(Traced {
    id: "id",
    version: "version"
});
encode_struct!(EngineInfo {
    version: "version",
    rules: "rules",
    directory: "directory",
});
impl Encode for Params {
    fn encode(&self, out: &mut String) {
        out.push('{');
        for (index, (name, value)) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            string(out, name);
            out.push(':');
            string(out, value);
        }
        out.push('}');
    }
}

encode_struct!(Problem {
    path: "path",
    code: "code",
    severity: "severity",
    message: "message",
    params: "params" if Params::is_empty,
});
encode_struct!(AssessmentResult {
    schema_version: "schemaVersion",
    engine: "engine",
    assessment_id: "assessmentId" if Option::is_none,
    valid: "valid",
    errors: "errors",
    warnings: "warnings",
    child: "child" if Option::is_none,
    risk: "risk" if Option::is_none,
    trafficking: "trafficking" if Option::is_none,
    referrals: "referrals",
    completeness: "completeness" if Option::is_none,
});
encode_struct!(FactorHit {
    rule: "rule",
    weight: "weight",
    evidence: "evidence",
    label: "label",
});
encode_struct!(FloorHit {
    rule: "rule",
    level: "level",
    evidence: "evidence",
    label: "label",
});
encode_struct!(ProfessionalJudgement {
    level: "level",
    reason: "reason"
});
encode_struct!(RiskResult {
    level: "level",
    computed_level: "computedLevel",
    score: "score",
    factors: "factors",
    floors: "floors",
    unknown: "unknown",
    not_asked: "notAsked",
    judgement: "judgement" if Option::is_none,
});
encode_struct!(Elements {
    process: "process",
    means: "means",
    purpose: "purpose",
    means_required: "meansRequired",
});
encode_struct!(DimensionResult {
    id: "id",
    present: "present",
    strong: "strong",
    medium: "medium",
    weak: "weak",
    indicators: "indicators",
});
encode_struct!(TraffickingResult {
    status: "status",
    profile: "profile",
    elements: "elements",
    dimensions: "dimensions",
    rule: "rule" if Option::is_none,
});
encode_struct!(Contact {
    phone: "phone" if Option::is_none,
    whatsapp: "whatsapp" if Option::is_none,
    address: "address" if Option::is_none,
    hours: "hours" if Option::is_none,
    confirmed: "confirmed",
});
encode_struct!(ReferralProvider {
    id: "id",
    name: "name",
    contact: "contact",
});
encode_struct!(Referral {
    service: "service",
    provider: "provider" if Option::is_none,
    urgency: "urgency",
    due_by: "dueBy" if Option::is_none,
    rules: "rules",
    basis: "basis" if Option::is_none,
    consent: "consent",
    ready: "ready",
    label: "label",
    guardian_not_contacted: "guardianNotContacted" if std::ops::Not::not,
});
encode_struct!(Completeness {
    answered: "answered",
    unknown: "unknown",
    not_asked: "notAsked",
    ratio: "ratio",
    missing_key: "missingKey",
});

encode_struct!(Form {
    lang: "lang",
    sections: "sections"
});
encode_struct!(Section {
    id: "id",
    title: "title",
    hint: "hint" if Option::is_none,
    visible: "visible" if Option::is_none,
    questions: "questions",
});
encode_struct!(Question {
    pointer: "pointer",
    kind: "kind",
    options: "options" if Vec::is_empty,
    label: "label",
    hint: "hint" if Option::is_none,
    required: "required",
    visible: "visible" if Option::is_none,
    fields: "fields" if Vec::is_empty,
    max_items: "maxItems" if Option::is_none,
    max_length: "maxLength" if Option::is_none,
});
encode_struct!(Choice {
    value: "value",
    label: "label"
});
encode_struct!(Visibility {
    sections: "sections",
    questions: "questions",
});

encode_struct!(AnswerTest { at: "at", is: "is" });
encode_struct!(ValueTest {
    at: "at",
    value: "value"
});
encode_struct!(EqualsTest {
    at: "at",
    value: "value"
});
encode_struct!(NumberTest {
    at: "at",
    value: "value"
});
encode_struct!(CountYes {
    of: "of",
    at_least: "atLeast"
});
encode_struct!(WithinHours {
    at: "at",
    hours: "hours"
});

impl Encode for Scalar {
    fn encode(&self, out: &mut String) {
        match self {
            Scalar::Bool(value) => value.encode(out),
            Scalar::Number(value) => value.encode(out),
            Scalar::Text(value) => value.encode(out),
        }
    }
}

/// Writes `{"name":value}`, an externally tagged variant.
fn tagged(out: &mut String, name: &str, value: &dyn Encode) {
    out.push_str("{\"");
    out.push_str(name);
    out.push_str("\":");
    value.encode(out);
    out.push('}');
}

impl Encode for Condition {
    fn encode(&self, out: &mut String) {
        match self {
            Condition::All(list) => tagged(out, "all", list),
            Condition::Any(list) => tagged(out, "any", list),
            Condition::Not(inner) => tagged(out, "not", inner),
            Condition::Answer(test) => tagged(out, "answer", test),
            Condition::Includes(test) => tagged(out, "includes", test),
            Condition::Equals(test) => tagged(out, "equals", test),
            Condition::AtLeast(test) => tagged(out, "atLeast", test),
            Condition::Below(test) => tagged(out, "below", test),
            Condition::CountYes(test) => tagged(out, "countYes", test),
            Condition::WithinHours(test) => tagged(out, "withinHours", test),
            Condition::Child(value) => tagged(out, "child", value),
            Condition::CaseType(value) => tagged(out, "caseType", value),
            Condition::RiskAtLeast(value) => tagged(out, "riskAtLeast", value),
            Condition::Trafficking(list) => tagged(out, "trafficking", list),
        }
    }
}
