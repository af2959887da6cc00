//! Every directory case file under `tests/cases/directory/` against `Directory::from_json` and,
//! independently, against the committed JSON Schema; plus the checks no case file can hold.

use std::path::{Path, PathBuf};

use lindung::directory::{Directory, DirectoryError, MAX_BYTES, MAX_PROVIDERS};
use serde::Deserialize;
use serde_json::Value;

/// What a case expects; each test checks only the keys present.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// The error code `from_json` must return; absent for a valid directory.
    error: Option<String>,
    /// The provider the error must name.
    provider: Option<String>,
    /// The error's exact message.
    message: Option<String>,
    /// What a JSON Schema validator must say: `accept` or `reject`.
    schema: Option<String>,
}

struct Case {
    name: String,
    valid: bool,
    bytes: Vec<u8>,
    expect: Expect,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn cases() -> Result<Vec<Case>, String> {
    let mut out = Vec::new();
    for (folder, valid) in [("valid", true), ("invalid", false)] {
        let dir = root().join("tests/cases/directory").join(folder);
        let entries =
            std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| {
                let name = path.to_string_lossy();
                name.ends_with(".json") && !name.ends_with(".expect.json")
            })
            .collect();
        paths.sort();
        for path in paths {
            let name = format!(
                "{folder}/{}",
                path.file_stem().unwrap_or_default().to_string_lossy()
            );
            let expect_path = path.with_extension("expect.json");
            let bytes = std::fs::read(&path).map_err(|e| format!("{name}: {e}"))?;
            let expect_text = std::fs::read_to_string(&expect_path)
                .map_err(|e| format!("{name}: missing expect file: {e}"))?;
            let expect: Expect = serde_json::from_str(&expect_text)
                .map_err(|e| format!("{name}: bad expect file: {e}"))?;
            out.push(Case {
                name,
                valid,
                bytes,
                expect,
            });
        }
    }
    Ok(out)
}

fn validator() -> Result<jsonschema::Validator, String> {
    let text = std::fs::read_to_string(root().join("schemas/directory.v1.json"))
        .map_err(|e| format!("schemas/directory.v1.json: {e}"))?;
    let schema: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|e| format!("schemas/directory.v1.json is not a usable schema: {e}"))
}

#[test]
fn cases_give_the_expected_result() -> Result<(), String> {
    let mut failures = Vec::new();
    let all = cases()?;
    assert!(all.len() > 30, "the case folders look empty");
    for case in &all {
        let result = Directory::from_json(&case.bytes);
        match (&result, &case.expect.error) {
            (Ok(_), None) if case.valid => {}
            (Err(error), Some(code)) if !case.valid => {
                if error.code() != code {
                    failures.push(format!("{}: expected {code}, got {error}", case.name));
                }
                if let Some(provider) = &case.expect.provider {
                    if error.provider() != Some(provider.as_str()) {
                        failures.push(format!(
                            "{}: expected provider `{provider}`, got {error}",
                            case.name
                        ));
                    }
                }
                if let Some(message) = &case.expect.message {
                    if &error.to_string() != message {
                        failures.push(format!(
                            "{}: message\n  expected {message}\n  got      {error}",
                            case.name
                        ));
                    }
                }
            }
            (result, expected) => failures.push(format!(
                "{}: expected {expected:?} (in {}), got {result:?}",
                case.name,
                if case.valid { "valid/" } else { "invalid/" }
            )),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    Ok(())
}

/// Every error `from_json` can return has a case, here or in the tests below.
#[test]
fn every_error_has_a_case() -> Result<(), String> {
    let mut covered: Vec<String> = cases()?
        .iter()
        .filter_map(|case| case.expect.error.clone())
        .collect();
    covered.push("directory.too_large".into());
    covered.push("directory.too_many_providers".into());
    let all = [
        "directory.too_large",
        "directory.json",
        "directory.invalid_id",
        "directory.text_length",
        "directory.no_providers",
        "directory.too_many_providers",
        "directory.invalid_provider_id",
        "directory.duplicate_provider_id",
        "directory.provider_text_length",
        "directory.no_services",
        "directory.unknown_service",
        "directory.duplicate_service",
        "directory.no_areas",
        "directory.too_many_areas",
        "directory.invalid_area",
        "directory.duplicate_area",
        "directory.invalid_phone",
        "directory.confirmed_without_contact",
        "directory.accepts_nobody",
    ];
    for code in all {
        assert!(covered.iter().any(|c| c == code), "no case for {code}");
    }
    Ok(())
}

/// Valid cases pass both; structurally invalid ones fail both; the `accept` ones are the rules
/// only the library checks: duplicate provider ids, a confirmed contact with no way to reach
/// it, an `accepts` that accepts nobody, and duplicate keys (a schema validator sees parsed JSON,
/// where the last key has already won).
#[test]
fn schema_agrees_with_the_library() -> Result<(), String> {
    let validator = validator()?;
    let mut failures = Vec::new();
    let mut library_only = Vec::new();
    for case in cases()? {
        let Some(want) = case.expect.schema.as_deref() else {
            continue;
        };
        let Ok(instance) = serde_json::from_slice::<Value>(&case.bytes) else {
            // Not JSON at all: no schema validator can accept it.
            if want != "reject" {
                failures.push(format!(
                    "{}: not JSON, but expects schema {want}",
                    case.name
                ));
            }
            continue;
        };
        let accepted = validator.is_valid(&instance);
        if accepted != (want == "accept") {
            let errors: Vec<String> = validator
                .iter_errors(&instance)
                .map(|e| e.to_string())
                .collect();
            failures.push(format!(
                "{}: schema says {accepted} {errors:?}, expected {want}",
                case.name
            ));
        }
        if !case.valid && want == "accept" {
            library_only.push(case.expect.error.clone().unwrap_or_default());
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    library_only.sort();
    assert_eq!(
        library_only,
        [
            "directory.accepts_nobody",
            "directory.confirmed_without_contact",
            "directory.duplicate_provider_id",
            "directory.json",
        ]
    );
    Ok(())
}

#[test]
fn builtin_data_file_passes_the_schema() -> Result<(), String> {
    let text = std::fs::read_to_string(root().join("crates/core/data/directory.kalsel.json"))
        .unwrap_or_default();
    let instance: Value = serde_json::from_str(&text).unwrap_or_default();
    let errors: Vec<String> = validator()?
        .iter_errors(&instance)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(Directory::from_json(text.as_bytes()).is_ok());
    Ok(())
}

fn provider_json(id: usize) -> String {
    format!(
        r#"{{"id":"p{id}","name":"P","services":["legal_aid"],"areas":["63"],"contact":{{"confirmed":false}}}}"#
    )
}

fn directory_json(providers: usize) -> String {
    let list: Vec<String> = (0..providers).map(provider_json).collect();
    format!(
        r#"{{"id":"big","version":"1","providers":[{}]}}"#,
        list.join(",")
    )
}

#[test]
fn too_many_providers_is_refused_by_both() -> Result<(), String> {
    let at_limit = directory_json(MAX_PROVIDERS);
    assert!(Directory::from_json(at_limit.as_bytes()).is_ok());
    let over = directory_json(MAX_PROVIDERS + 1);
    assert_eq!(
        Directory::from_json(over.as_bytes()),
        Err(DirectoryError::TooManyProviders {
            count: MAX_PROVIDERS + 1
        })
    );
    let instance: Value = serde_json::from_str(&over).unwrap_or_default();
    assert!(!validator()?.is_valid(&instance));
    Ok(())
}

#[test]
fn a_document_over_one_mebibyte_is_refused_before_parsing() {
    // Valid JSON padded with whitespace: only the size is wrong.
    let mut bytes = directory_json(1).into_bytes();
    assert!(Directory::from_json(&bytes).is_ok());
    bytes.resize(MAX_BYTES, b' ');
    assert!(Directory::from_json(&bytes).is_ok());
    bytes.push(b' ');
    assert_eq!(
        Directory::from_json(&bytes),
        Err(DirectoryError::TooLarge {
            size: MAX_BYTES + 1
        })
    );
}

#[test]
fn json_errors_give_line_and_column_without_type_names() -> Result<(), String> {
    let bytes = b"{\n  \"id\": \"x\",\n  \"version\": 1\n}";
    let Err(DirectoryError::Json {
        line,
        column,
        message,
    }) = Directory::from_json(bytes)
    else {
        return Err("a number for `version` must be refused".into());
    };
    assert_eq!((line, column), (3, 14));
    assert_eq!(message, "`/version`: expected a string, found a number");
    let Err(error) = Directory::from_json(br#"{"id":"x","version":"1","providers":[7]}"#) else {
        return Err("a number for a provider must be refused".into());
    };
    let text = error.to_string();
    assert_eq!(
        text,
        "directory is not valid at line 1, column 38: `/providers/0`: expected an object, found a number"
    );
    assert!(!text.contains("Raw"), "{text}");
    // A syntax error, its column counted in characters.
    assert_eq!(
        Directory::from_json("{\n  \"id\": \"é\",,\n}".as_bytes()),
        Err(DirectoryError::Json {
            line: 2,
            column: 13,
            message: "expected a key in double quotes".to_owned(),
        })
    );
    Ok(())
}

#[test]
fn the_built_in_directory_reads_as_serde_reads_it() -> Result<(), String> {
    let bytes = std::fs::read(root().join("crates/core/data/directory.kalsel.json"))
        .map_err(|e| e.to_string())?;
    let serde: Directory = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    assert_eq!(Directory::from_json(&bytes), Ok(serde));
    Ok(())
}

/// A small directory, one member a line, for shape errors at a known line and column.
const SMALL: &str = r#"{
  "id": "demo",
  "version": "1",
  "providers": [
    {
      "id": "unit",
      "name": "Unit",
      "services": ["legal_aid"],
      "areas": ["63"],
      "contact": {"phone": "129", "confirmed": true},
      "accepts": {"children": true, "men": false, "women": true}
    }
  ]
}"#;

#[test]
fn shape_errors_give_the_line_column_and_pointer() {
    assert!(Directory::from_json(SMALL.as_bytes()).is_ok());
    // A change to the small directory (the text replaced, once) and the error it must give.
    let cases: &[(&str, &str, usize, usize, &str)] = &[
        (
            r#""services": ["legal_aid"]"#,
            r#""services": "legal_aid""#,
            8,
            19,
            "`/providers/0/services`: expected an array, found a string",
        ),
        (
            r#""confirmed": true"#,
            r#""confirmed": "yes""#,
            10,
            48,
            "`/providers/0/contact/confirmed`: expected a boolean, found a string",
        ),
        (
            r#""phone": "129", "#,
            r#""phone": "129", "email": "x@y", "#,
            10,
            44,
            "`/providers/0/contact/email`: unknown field `email`, expected one of `phone`, \
          `whatsapp`, `address`, `hours`, `confirmed`",
        ),
        (
            r#""men": false"#,
            r#""men": 0"#,
            11,
            44,
            "`/providers/0/accepts/men`: expected a boolean, found a number",
        ),
        // A missing member is placed at the object that lacks it.
        (
            r#""name": "Unit","#,
            "",
            5,
            5,
            "`/providers/0/name`: missing field `name`",
        ),
        (
            r#", "confirmed": true"#,
            "",
            10,
            18,
            "`/providers/0/contact/confirmed`: missing field `confirmed`",
        ),
        // A repeated key is placed at its last occurrence.
        (
            r#""version": "1","#,
            r#""version": "1", "version": "2","#,
            3,
            30,
            "`/version`: the key `version` appears more than once",
        ),
        (
            r#""version": "1""#,
            r#""version": null"#,
            3,
            14,
            "`/version`: expected a string, found null",
        ),
        (
            r#""areas": ["63"]"#,
            r#""areas": ["63", 71]"#,
            9,
            23,
            "`/providers/0/areas/1`: expected a string, found a number",
        ),
        (
            r#""id": "demo","#,
            r#""id": "demo", "region": "63","#,
            2,
            27,
            "`/region`: unknown field `region`, expected one of `id`, `version`, `description`, \
          `providers`",
        ),
    ];
    let mut failures = Vec::new();
    for (from, to, line, column, message) in cases {
        assert!(SMALL.contains(from), "{from}");
        let text = SMALL.replacen(from, to, 1);
        let expected = DirectoryError::Json {
            line: *line,
            column: *column,
            message: (*message).to_owned(),
        };
        match Directory::from_json(text.as_bytes()) {
            Err(error) if error == expected => {}
            other => failures.push(format!(
                "{from} -> {to}\n  expected {expected:?}\n  actual   {other:?}"
            )),
        }
    }
    assert_eq!(
        Directory::from_json(b"[]"),
        Err(DirectoryError::Json {
            line: 1,
            column: 1,
            message: "expected an object, found an array".to_owned(),
        })
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn builtin_text() -> String {
        std::fs::read_to_string(root().join("crates/core/data/directory.kalsel.json"))
            .unwrap_or_default()
    }

    proptest! {
        #[test]
        fn on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = Directory::from_json(&bytes);
        }

        #[test]
        fn on_a_damaged_builtin(cut in 0usize..8000, insert in "[\\[\\]{}\",:0-9a-z .-]{0,4}") {
            let text = builtin_text();
            let at = cut.min(text.len());
            let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let damaged = format!("{}{}{}", &text[..at], insert, &text[at..]);
            let _ = Directory::from_json(damaged.as_bytes());
        }
    }
}
