//! Any bytes as an assessment: the library's structural verdict and the `jsonschema` crate's
//! verdict on the published schema agree, outside the differences listed in
//! `schemas/README.md`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lindung::parse::parse_assessment;
use lindung::Lang;
use serde_json::Value;

fn validator() -> Option<&'static jsonschema::Validator> {
    use std::sync::OnceLock;
    static VALIDATOR: OnceLock<Option<jsonschema::Validator>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            let schema: Value =
                serde_json::from_str(&lindung::schema::schema_json("assessment")?).ok()?;
            jsonschema::options()
                .should_validate_formats(true)
                .build(&schema)
                .ok()
        })
        .as_ref()
}

/// True when a value holds something the two read differently by design: a whole number
/// written with a fraction or exponent (`3.0`, `1e2`), or a leap second.
fn known_difference(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.is_f64() && n.as_f64().is_some_and(|f| f.fract() == 0.0),
        Value::String(s) => s.contains(":60"),
        Value::Array(items) => items.iter().any(known_difference),
        Value::Object(members) => members
            .iter()
            .any(|(k, v)| k.contains(":60") || known_difference(v)),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(validator) = validator() else {
        panic!("the assessment schema does not compile");
    };
    // The strict reader skips a byte order mark; serde_json does not.
    let text = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let theirs = serde_json::from_slice::<Value>(text);
    let Ok(read) = lindung::json::read(data) else {
        assert!(theirs.is_err(), "serde_json reads what the strict reader refuses");
        return;
    };
    let Ok(value) = theirs else {
        panic!("the strict reader reads what serde_json refuses");
    };
    // Repeated keys: the library refuses them, a validator sees only the last.
    if !read.repeated_keys.is_empty()
        || data.len() > lindung::json::DOCUMENT_LIMIT
        || text.len() != data.len()
    {
        return;
    }
    assert_eq!(
        Value::from(read.value),
        value,
        "the strict reader and serde_json read different values"
    );
    if known_difference(&value) {
        return;
    }
    let library = parse_assessment(data, Lang::En);
    let schema = validator.is_valid(&value);
    assert_eq!(
        library.is_ok(),
        schema,
        "library {:?} vs schema {:?}",
        library.err(),
        validator
            .iter_errors(&value)
            .map(|e| format!("{} {e}", e.instance_path()))
            .collect::<Vec<_>>()
    );
});
