//! Readers for the service directory's types.

use super::decode_struct;
use crate::directory::{Accepts, Contact, Directory, Provider};

decode_struct!(Directory {
    id: "id",
    version: "version",
    description: "description",
    providers: "providers",
});

decode_struct!(Provider {
    id: "id",
    name: "name",
    services: "services",
    areas: "areas",
    contact: "contact",
    accepts: "accepts",
});

decode_struct!(Contact {
    phone: "phone",
    whatsapp: "whatsapp",
    address: "address",
    hours: "hours",
    confirmed: "confirmed",
});

decode_struct!(Accepts {
    children: "children",
    men: "men",
    women: "women",
});

#[cfg(test)]
mod tests {
    #![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

    use serde_json::Value;

    use super::*;
    use crate::decode::serde_document as document;

    const BUILTIN: &str = include_str!("../../data/directory.kalsel.json");

    /// Values put in place of every value of the directory.
    const REPLACEMENTS: &[&str] = &[
        "null",
        "true",
        "0",
        "-1",
        "1.5",
        r#""""#,
        r#""x""#,
        r#""legal_aid""#,
        r#""63""#,
        "[]",
        "[1]",
        r#"["legal_aid"]"#,
        r#"["legal_aid", "legal_aid"]"#,
        "[true, false, true]",
        "{}",
        r#"{"x": 1}"#,
        r#"{"confirmed": false}"#,
        r#"{"children": true, "men": false, "women": true}"#,
    ];

    /// Our reader and serde's derive give the same directory, or both refuse; serde's derive
    /// also reads a struct from an array of its members' values, which our reader refuses.
    fn agree(value: &Value, what: &str) -> Result<(), String> {
        let ours = document::<Directory>(value);
        let theirs = serde_json::from_value::<Directory>(value.clone());
        match (ours, theirs) {
            (Ok(ours), Ok(theirs)) if ours == theirs => Ok(()),
            (Err(_), Err(_)) => Ok(()),
            (Err(ours), Ok(_)) if ours.message == "expected an object, found an array" => Ok(()),
            (ours, theirs) => Err(format!("{what}\n  ours  {ours:?}\n  serde {theirs:?}")),
        }
    }

    #[test]
    fn the_built_in_directory_reads_as_serde_reads_it() {
        let value: Value = serde_json::from_str(BUILTIN).unwrap();
        let theirs: Directory = serde_json::from_str(BUILTIN).unwrap();
        assert_eq!(document::<Directory>(&value), Ok(theirs));
    }

    #[test]
    fn every_change_of_the_directory_reads_as_serde_reads_it() {
        let document: Value = serde_json::from_str(BUILTIN).unwrap();
        let replacements: Vec<Value> = REPLACEMENTS
            .iter()
            .map(|text| serde_json::from_str(text).unwrap())
            .collect();
        let mut failures = Vec::new();
        let mut count = 0;
        let mut check = |changed: &Value, what: String| {
            count += 1;
            if let Err(failure) = agree(changed, &what) {
                failures.push(failure);
            }
        };
        for pointer in crate::json::pointers(&document.clone().into()) {
            for replacement in &replacements {
                let mut changed = document.clone();
                *changed.pointer_mut(&pointer).unwrap() = replacement.clone();
                check(&changed, format!("{pointer} = {replacement}"));
            }
            if let Some((parent, key)) = pointer.rsplit_once('/') {
                let mut changed = document.clone();
                if let Some(Value::Object(members)) = changed.pointer_mut(parent) {
                    members.remove(key);
                    check(&changed, format!("{pointer} removed"));
                }
            }
            let mut changed = document.clone();
            if let Some(Value::Object(members)) = changed.pointer_mut(&pointer) {
                members.insert("unknownMember".to_owned(), Value::Bool(true));
                check(&changed, format!("{pointer}/unknownMember added"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
        assert!(count > 2_000, "only {count} changes");
    }
}
