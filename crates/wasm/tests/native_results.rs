//! Writes the native result of every case under `tests/cases/` to `<target>/native-results/`, so
//! the Node test can compare the WASM module's output with it byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use lindung::{Engine, Lang};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn cases(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            cases(&path, out);
        } else if path.extension().is_some_and(|e| e == "json")
            && !path.to_string_lossy().ends_with(".expect.json")
        {
            out.push(path);
        }
    }
}

/// The file name a case's result is written under: its path below `tests/cases`, `/` as `__`.
fn result_name(case: &Path, base: &Path, lang: Lang) -> String {
    let relative = case.strip_prefix(base).unwrap_or(case).with_extension("");
    let flat = relative.to_string_lossy().replace(['/', '\\'], "__");
    format!("{flat}.{}.json", lang.code())
}

#[test]
fn native_results_are_written_for_every_case() -> Result<(), String> {
    let base = root().join("tests/cases");
    let mut found = Vec::new();
    cases(&base, &mut found);
    found.sort();
    assert!(!found.is_empty(), "no cases under {}", base.display());
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let out = target.join("native-results");
    fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let engine = Engine::default();
    for case in &found {
        let bytes = fs::read(case).unwrap_or_default();
        for lang in [Lang::Id, Lang::En] {
            let result = engine.assess_json(&bytes, lang);
            let text = serde_json::to_string(&result).unwrap_or_default();
            assert!(text.starts_with('{'), "{}", case.display());
            fs::write(out.join(result_name(case, &base, lang)), text)
                .map_err(|e| format!("{}: {e}", case.display()))?;
        }
    }
    Ok(())
}
