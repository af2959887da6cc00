//! # lindung
//!
//! Assessment, risk scoring, trafficking identification and referral for victims of violence
//! (KTK, *Korban Tindak Kekerasan*) and of human trafficking (KPO, *Korban Perdagangan Orang*).
//!
//! lindung is decision support, not a decision: every conclusion names the rules and the answers
//! that produced it, and the officer's professional judgement stays beside the computed level.
//!
//! The core reads no clock and does no I/O: `assessedAt` is the "now" of every computation.
#![deny(missing_docs)]

/// The README's examples, run as doctests so the quick start stays true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

pub mod completeness;
pub mod condition;
mod decode;
pub mod directory;
pub mod engine;
pub mod fields;
pub mod form;
pub mod json;
pub mod model;
pub mod parse;
pub mod problem;
pub mod referral;
pub mod result;
pub mod risk;
pub mod rules;
pub mod schema;
pub mod service;
pub mod trafficking;
pub mod validate;

pub use engine::Engine;
pub use model::*;
pub use problem::{Problem, Severity};
pub use result::AssessmentResult;
pub use rules::RuleSet;
pub use service::ServiceKind;
