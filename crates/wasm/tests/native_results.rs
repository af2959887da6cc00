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

/// Numbers that are hard to read or write, for `www/test/wasm.test.mjs` to hold the JavaScript
/// host to (the module leaves floats to it): each text with the bits the native library reads
/// from it and the text it writes for them, in `<target>/native-results/numbers.json`.
#[test]
fn native_numbers_are_written_for_the_host_to_match() -> Result<(), String> {
    let mut texts: Vec<String> = [
        "0.1",
        "-0.0",
        "5e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "9007199254740993",
        "9007199254740993.000000000000000000000001",
        "-9007199254740995",
        "1e23",
        "8.98846567431158e307",
        "1e-400",
        "123456789012345678901234567890e-10",
        // Halfway between the two doubles nearest 18, then just below and just above it.
        "17.99999999999999911182158029987476766109466552734375",
        "17.99999999999999911182158029987476766109466552734374999",
        "17.999999999999999111821580299874767661094665527343750001",
        "1125899906842624.125",
        "1125899906842624.375",
        "0.000001",
        "1e-7",
        "1e21",
        "123456789012345680000",
    ]
    .iter()
    .map(|text| (*text).to_owned())
    .collect();
    // Values spread over every exponent, each written shortest and with 26 and 41 digits.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    while texts.len() < 3000 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let value = f64::from_bits(state);
        if value.is_finite() {
            texts.push(serde_json::to_string(&value).unwrap_or_default());
            texts.push(format!("{value:.25e}"));
            texts.push(format!("{value:.40e}"));
        }
    }
    let mut corpus = Vec::new();
    for text in &texts {
        let read = lindung::json::read(text.as_bytes()).map_err(|e| format!("{text}: {e}"))?;
        let value = read
            .value
            .as_f64()
            .ok_or_else(|| format!("{text}: not a number"))?;
        let mut written = String::new();
        lindung::encode::float(&mut written, value);
        corpus.push(serde_json::json!([
            text,
            format!("{:016x}", value.to_bits()),
            written
        ]));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let out = target.join("native-results");
    fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let text = serde_json::to_string(&corpus).map_err(|e| e.to_string())?;
    fs::write(out.join("numbers.json"), text).map_err(|e| e.to_string())
}
