//! Any bytes as a rule set: a named error or a rule set the engine can run, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lindung::directory::Directory;
use lindung::{Engine, Lang, RuleSet};

/// A full KTK and KPO assessment of a child, so most rules have something to read.
const ASSESSMENT: &[u8] = include_bytes!("../../tests/cases/valid/ktk_kpo_child_online.json");

fuzz_target!(|data: &[u8]| {
    use std::sync::OnceLock;
    static DIRECTORY: OnceLock<Directory> = OnceLock::new();
    if let Ok(rules) = RuleSet::from_json(data) {
        let directory = DIRECTORY.get_or_init(Directory::builtin).clone();
        let engine = Engine::new(rules, directory);
        let result = engine.assess_json(ASSESSMENT, Lang::En);
        assert!(serde_json::from_str::<serde_json::Value>(&result.to_json()).is_ok());
    }
});
