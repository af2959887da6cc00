//! `cargo xtask codegen [--check]`: writes every generated file from the Rust types and data,
//! or, with `--check`, fails when a committed file differs from what would be generated.

mod typescript;

use std::fs;
use std::path::Path;

/// One generated file: where it goes and how to make its text.
struct Generated {
    path: String,
    text: String,
}

/// The schemas published under `schemas/`, by name.
pub const SCHEMAS: &[&str] = &["assessment", "problem", "rules", "result", "directory"];

fn generated() -> Result<Vec<Generated>, String> {
    let mut files = Vec::new();
    let mut schemas = Vec::new();
    for name in SCHEMAS {
        let mut text = lindung::schema::schema_json(name)
            .ok_or_else(|| format!("no schema named `{name}`"))?;
        text.push('\n');
        schemas.push((name.to_string(), text.clone()));
        files.push(Generated {
            path: format!("schemas/{name}.v1.json"),
            text,
        });
    }
    files.push(Generated {
        path: "crates/core/src/parse/compiled.rs".into(),
        text: lindung::schema::assessment_shape_source()
            .map_err(|e| format!("cannot compile the assessment schema: {e}"))?,
    });
    files.push(Generated {
        path: "www/types/lindung.d.ts".into(),
        text: typescript::declarations(&schemas)?,
    });
    files.push(Generated {
        path: "docs/problems.md".into(),
        text: lindung::validate::problems_markdown(),
    });
    let rules = lindung::rules::RuleSet::builtin();
    files.push(Generated {
        path: "docs/rules.md".into(),
        text: lindung::rules::rules_markdown(&rules),
    });
    let directory = lindung::directory::Directory::builtin();
    files.push(Generated {
        path: "docs/directory.md".into(),
        text: lindung::directory::directory_markdown(&directory),
    });
    Ok(files)
}

/// Writes the generated files, or checks that they are fresh.
pub fn run(root: &Path, check: bool) -> Result<(), String> {
    let mut stale = Vec::new();
    for file in generated()? {
        let path = root.join(&file.path);
        let current = fs::read_to_string(&path).unwrap_or_default();
        if current == file.text {
            continue;
        }
        if check {
            stale.push(file.path);
        } else {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
            }
            fs::write(&path, &file.text)
                .map_err(|e| format!("cannot write `{}`: {e}", file.path))?;
            eprintln!("wrote {}", file.path);
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "generated files are stale: {}\nrun `cargo xtask codegen` and commit the result",
            stale.join(", ")
        ))
    }
}
