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

pub mod directory;
pub mod json;
pub mod model;
pub mod parse;
pub mod problem;
pub mod schema;
pub mod service;
pub mod validate;

pub use model::*;
pub use problem::{Problem, Severity};
pub use service::ServiceKind;
