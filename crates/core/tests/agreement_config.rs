//! The rule-set and directory loaders against their published schemas: the built-in documents
//! broken in one place, many times over. Whatever the schema refuses, the loader refuses; what
//! the loader accepts, the schema accepts; the loader may refuse more (rules between fields a
//! schema cannot say: unique ids, pointers that exist, ascending thresholds). The corpus is
//! written for ajv (`www/test/agreement.test.mjs`) with the `jsonschema` crate's verdicts.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a test reports failure by panicking

#[path = "agreement/generate.rs"]
#[allow(dead_code)]
mod generate;
#[path = "agreement/mutate.rs"]
mod mutate;

use std::fs;
use std::path::{Path, PathBuf};

use lindung::directory::Directory;
use lindung::schema::schema_json;
use lindung::RuleSet;
use serde_json::{json, Value};

const MUTATIONS: u64 = 400;

fn corpus_dir() -> PathBuf {
    std::env::var_os("LINDUNG_AGREEMENT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("agreement"))
}

/// Breaks `document` in one place `MUTATIONS` times; checks the loader against the schema and
/// writes the corpus. Returns how many the loader alone refused, and how many it accepted though
/// the schema refuses them, by known class.
fn agree(
    name: &str,
    document: &Value,
    load: impl Fn(&[u8]) -> Result<(), String>,
) -> (usize, std::collections::BTreeMap<&'static str, usize>) {
    let schema: Value = serde_json::from_str(&schema_json(name).unwrap()).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the {name} schema does not compile: {e}"));
    assert!(validator.is_valid(document), "the built-in {name} document");
    assert!(load(&serde_json::to_vec(document).unwrap()).is_ok());
    let all = lindung::json::pointers(&document.clone().into());
    let mut failures = Vec::new();
    let mut lines = Vec::new();
    let mut library_only = 0;
    let mut lax = std::collections::BTreeMap::<&str, usize>::new();
    let mut broken_count = 0;
    for seed in 0..MUTATIONS {
        let mut g = generate::Generator::new(&schema, seed);
        let mut broken = document.clone();
        let mut mutation = None;
        for _ in 0..20 {
            let at = g.pick(&all).clone();
            if let Some(m) = mutate::mutate(&mut g, &schema, &mut broken, &at) {
                mutation = Some(m);
                break;
            }
        }
        let Some(mutation) = mutation else { continue };
        broken_count += 1;
        let text = serde_json::to_string(&broken).unwrap();
        let loaded = load(text.as_bytes());
        let accepted = validator.is_valid(&broken);
        let label = format!("{name}:{seed}:{}:{}", mutation.kind, mutation.pointer);
        match (loaded.is_ok(), accepted) {
            (true, false) => match laxer(name, &mutation) {
                Some(class) => *lax.entry(class).or_default() += 1,
                None => failures.push(format!(
                    "{label}: the loader accepts what the schema refuses: {:?}",
                    validator
                        .iter_errors(&broken)
                        .map(|e| e.to_string().chars().take(200).collect::<String>())
                        .collect::<Vec<_>>()
                )),
            },
            (false, true) => library_only += 1,
            _ => {}
        }
        lines.push(
            json!({
                "name": label,
                "text": text,
                "structural": loaded.is_ok(),
                "valid": loaded.is_ok(),
                "expect": if accepted { "accept" } else { "reject" },
            })
            .to_string(),
        );
    }
    assert!(
        broken_count as u64 >= MUTATIONS * 9 / 10,
        "{name}: only {broken_count} breakages"
    );
    let dir = corpus_dir();
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(format!("{name}.jsonl")), lines.join("\n") + "\n").unwrap();
    fs::write(
        dir.join(format!("{name}.schema.json")),
        schema_json(name).unwrap(),
    )
    .unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    (library_only, lax)
}

/// Where a loader is known to accept what its schema refuses (listed in `schemas/README.md`):
/// no class is left.
fn laxer(_name: &str, _mutation: &mutate::Mutation) -> Option<&'static str> {
    None
}

#[test]
fn the_rule_set_loader_refuses_all_the_schema_refuses() {
    let document: Value =
        serde_json::from_str(&RuleSet::builtin().to_json()).expect("the built-in rule set");
    let (only, lax) = agree("rules", &document, |bytes| {
        RuleSet::from_json(bytes)
            .map(|_| ())
            .map_err(|e| e.to_string())
    });
    eprintln!("rules: the loader alone refused {only} of {MUTATIONS}; laxer: {lax:?}");
    assert!(lax.is_empty(), "{lax:?}");
}

#[test]
fn the_directory_loader_refuses_all_the_schema_refuses() {
    let text =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/directory.kalsel.json")).unwrap();
    let document: Value = serde_json::from_slice(&text).unwrap();
    assert!(Directory::from_json(&text).is_ok());
    let (only, lax) = agree("directory", &document, |bytes| {
        Directory::from_json(bytes)
            .map(|_| ())
            .map_err(|e| e.to_string())
    });
    eprintln!("directory: the loader alone refused {only} of {MUTATIONS}");
    assert!(lax.is_empty(), "{lax:?}");
}
