//! Any bytes as an assessment document: the engine answers with a result, never a panic, and
//! the result keeps its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lindung::{Engine, Lang};

fuzz_target!(|data: &[u8]| {
    use std::sync::OnceLock;
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(Engine::default);
    let result = engine.assess_json(data, Lang::En);
    // An invalid assessment never yields a referral marked ready.
    if !result.valid {
        assert!(result.referrals.iter().all(|r| !r.ready));
        assert!(!result.errors.is_empty());
    }
    assert!(result
        .errors
        .iter()
        .all(|p| p.path.is_empty() || p.path.starts_with('/')));
    // Every problem can be located (or not) in the text without a panic.
    for problem in result.errors.iter().chain(&result.warnings) {
        let _ = lindung::json::locate(data, &problem.path);
    }
    // The result is always a JSON document.
    let text = result.to_json();
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
});
