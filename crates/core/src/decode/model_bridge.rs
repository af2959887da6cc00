//! Readers for the assessment's enums that the condition language also reads, until the
//! assessment's own readers (`model.rs`) cover them.

use super::decode_enum;
use crate::model::{CaseType, RiskLevel};

decode_enum!(CaseType {
    Ktk: "ktk",
    Kpo: "kpo"
});
decode_enum!(RiskLevel {
    Low: "low",
    Medium: "medium",
    High: "high",
    Critical: "critical",
});
