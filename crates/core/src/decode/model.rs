//! Readers for the assessment's types: the model of [`crate::model`].

use super::{decode_enum, decode_struct};
use crate::model::{Answer, Region};

decode_enum!(Answer {
    Yes: "yes",
    No: "no",
    Unknown: "unknown"
});
decode_struct!(Region {
    province: "province",
    regency: "regency"
});
