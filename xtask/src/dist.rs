//! `cargo xtask dist`: the folder an agency copies to its web host — the element, its styles,
//! the WASM module, the TypeScript types and the webmaster's README.

use std::fs;
use std::path::Path;

/// Builds the release module, then writes `dist/lindung-form/`.
pub fn run(root: &Path) -> Result<(), String> {
    crate::wasm::build(root, true)?;
    let out = root.join("dist").join("lindung-form");
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("cannot clear `{}`: {e}", out.display()))?;
    }
    fs::create_dir_all(&out).map_err(|e| format!("cannot create `{}`: {e}", out.display()))?;
    let built = root.join("www").join("dist");
    for file in crate::wasm::SHIPPED {
        copy(&built.join(file), &out.join(file))?;
    }
    // The published schemas, for systems that check documents before sending them.
    let schemas = out.join("schemas");
    fs::create_dir_all(&schemas)
        .map_err(|e| format!("cannot create `{}`: {e}", schemas.display()))?;
    for name in crate::codegen::SCHEMAS {
        let file = format!("{name}.v1.json");
        copy(&root.join("schemas").join(&file), &schemas.join(&file))?;
    }
    copy(&root.join("www").join("README.md"), &out.join("README.md"))?;
    copy(
        &root.join("www").join("types").join("lindung.d.ts"),
        &out.join("lindung.d.ts"),
    )?;
    eprintln!(
        "wrote {} — copy this folder to your web host",
        out.display()
    );
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy `{}`: {e}", from.display()))
}
