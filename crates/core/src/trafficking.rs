//! Trafficking identification (KPO): the profile, the legal elements of UU 21/2007, the six
//! dimensions of the ILO/EC indicators, and the status with the rule that gave it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the indicators and legal elements say about trafficking.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TraffickingStatus {
    /// The case is not a trafficking (`kpo`) case.
    NotAssessed,
    /// Nothing recorded points to trafficking.
    NotIndicated,
    /// Some indicators or elements point to trafficking.
    Possible,
    /// The indicators or the legal elements point clearly to trafficking.
    Indicated,
}
