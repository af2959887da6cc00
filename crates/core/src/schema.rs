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
/// for name in ["assessment", "problem", "directory", "rules", "result"] {
///     let text = lindung::schema::schema_json(name).unwrap_or_default();
///     assert!(text.contains(&format!("https://lindung.id/schemas/{name}.v1.json")));
/// }
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

/// The published schema text as committed under `schemas/`, by name; `None` for an unknown name.
///
/// Compiled in, so reading it needs neither I/O nor the schema generator (which keeps the WASM
/// module small). `cargo xtask codegen --check` and a test keep it equal to [`schema_json`].
///
/// ```
/// let text = lindung::schema::published("result").unwrap_or_default();
/// assert!(text.contains("https://lindung.id/schemas/result.v1.json"));
/// ```
pub fn published(name: &str) -> Option<&'static str> {
    Some(match name {
        "assessment" => include_str!("../../../schemas/assessment.v1.json"),
        "problem" => include_str!("../../../schemas/problem.v1.json"),
        "directory" => include_str!("../../../schemas/directory.v1.json"),
        "rules" => include_str!("../../../schemas/rules.v1.json"),
        "result" => include_str!("../../../schemas/result.v1.json"),
        _ => return None,
    })
}

/// Keywords that only describe (JSON Schema annotations): a validator never reads them.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "examples",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
];

/// Removes the annotations of a schema object and of every schema inside it; `enum` and `const`
/// values, and property names, are data and stay.
fn strip_annotations(schema: &mut serde_json::Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    object.retain(|keyword, _| !ANNOTATIONS.contains(&keyword.as_str()));
    for (keyword, value) in object.iter_mut() {
        match keyword.as_str() {
            "properties" | "$defs" | "patternProperties" => {
                for member in value
                    .as_object_mut()
                    .into_iter()
                    .flat_map(|m| m.values_mut())
                {
                    strip_annotations(member);
                }
            }
            "anyOf" | "oneOf" | "allOf" | "prefixItems" => {
                for item in value.as_array_mut().into_iter().flatten() {
                    strip_annotations(item);
                }
            }
            "items"
            | "additionalProperties"
            | "propertyNames"
            | "not"
            | "if"
            | "then"
            | "else"
            | "contains" => strip_annotations(value),
            _ => {}
        }
    }
}

/// The assessment schema as the library's own shape check reads it: the published schema
/// without its annotations, as compact JSON text. It validates exactly what the published schema
/// validates, in about a third of the bytes. `cargo xtask codegen` compiles it into the nodes the
/// check walks (`crates/core/src/parse/compiled.rs`), so the library carries the nodes, not this
/// text.
///
/// ```
/// let compact = lindung::schema::assessment_shape_json();
/// assert!(!compact.contains("description"));
/// assert!(compact.contains(r#""required":"#));
/// ```
pub fn assessment_shape_json() -> String {
    assessment_shape().to_string()
}

fn assessment_shape() -> serde_json::Value {
    let mut schema = root_schema::<Assessment>("assessment").to_value();
    strip_annotations(&mut schema);
    schema
}

/// The Rust source of the assessment schema compiled into the nodes the library's shape check
/// walks, as `cargo xtask codegen` writes it to `crates/core/src/parse/compiled.rs`; an error
/// names what in the schema the nodes cannot say.
///
/// Only with the `codegen` feature, which the library's own build leaves out.
#[cfg(feature = "codegen")]
#[doc(hidden)]
pub fn assessment_shape_source() -> Result<String, String> {
    crate::parse::compile::source(&assessment_shape())
}

/// The names of the published schemas.
pub const NAMES: [&str; 5] = ["assessment", "problem", "rules", "result", "directory"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_text_is_what_the_types_generate() {
        for name in NAMES {
            let generated = schema_json(name).map(|text| text + "\n");
            assert_eq!(
                published(name),
                generated.as_deref(),
                "schemas/{name}.v1.json is stale: run `cargo xtask codegen`"
            );
        }
    }

    #[test]
    fn the_compiled_shape_is_the_published_schema_compiled() {
        assert_eq!(
            Ok(include_str!("parse/compiled.rs")),
            crate::parse::compile::source(&assessment_shape()).as_deref(),
            "crates/core/src/parse/compiled.rs is stale: run `cargo xtask codegen`"
        );
        // Whether it validates as the published schema does is the conformance tests' work
        // (`tests/cases.rs` and the agreement properties), which run the library on it.
    }
}
