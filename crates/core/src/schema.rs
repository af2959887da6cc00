//! The published JSON Schemas (draft 2020-12), generated from the Rust types.

use schemars::generate::SchemaSettings;
use schemars::transform::RestrictFormats;
use schemars::{JsonSchema, Schema};

use crate::directory::Directory;
use crate::model::Assessment;
use crate::problem::Problem;
use crate::result::AssessmentResult;
use crate::rules::RuleSetDocument;

/// The address every schema's `$id` starts with.
pub const ID_BASE: &str = "https://lindung.id/schemas/";

/// The schema of `T` with `$id` `https://lindung.id/schemas/<name>.v1.json` at its root.
///
/// Draft 2020-12, with formats restricted to the standard ones so any validator reads them alike.
pub fn root_schema<T: JsonSchema>(name: &str) -> Schema {
    let mut schema = SchemaSettings::draft2020_12()
        .with_transform(RestrictFormats::default())
        .into_generator()
        .into_root_schema_for::<T>();
    if let Some(object) = schema.as_object_mut() {
        let id = format!("{ID_BASE}{name}.v1.json");
        // `$id` comes right after `$schema` so a reader sees at once what the file is.
        let mut ordered = serde_json::Map::new();
        if let Some(meta) = object.remove("$schema") {
            ordered.insert("$schema".to_owned(), meta);
        }
        ordered.insert("$id".to_owned(), id.into());
        ordered.append(object);
        *object = ordered;
    }
    schema
}

/// The JSON Schema of a published document as pretty JSON text, by name; `None` for an unknown
/// name.
///
/// ```
/// let text = lindung::schema::schema_json("assessment").unwrap_or_default();
/// assert!(text.contains("https://lindung.id/schemas/assessment.v1.json"));
/// assert!(lindung::schema::schema_json("nonsense").is_none());
/// ```
pub fn schema_json(name: &str) -> Option<String> {
    let schema = match name {
        "assessment" => root_schema::<Assessment>(name),
        "problem" => root_schema::<Problem>(name),
        "directory" => root_schema::<Directory>(name),
        "rules" => root_schema::<RuleSetDocument>(name),
        "result" => root_schema::<AssessmentResult>(name),
        _ => return None,
    };
    serde_json::to_string_pretty(&schema).ok()
}
