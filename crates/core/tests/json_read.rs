//! `json::read` accepts exactly what `serde_json::from_slice::<Value>` accepts and reads the same
//! value, on every file the project keeps and on generated and mutated text.
//!
//! Two differences are by design and allowed for here: a leading byte order mark is skipped (so
//! serde_json is given the text after it), and a repeated key keeps its first value where
//! serde_json's `Value` keeps the last (so values are compared only when no key repeats).
//!
//! Floats compare bit for bit. In test builds serde_json has its `float_roundtrip` feature (the
//! `jsonschema` dev-dependency turns it on), so it rounds correctly, as `str::parse::<f64>` does.
//! Without that feature, as in a release build of the library alone, serde_json's faster float
//! parsing can be an ULP or so away from the nearest `f64` on long mantissas or extreme
//! exponents; `json::read` always gives the nearest.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a test reports by panicking

use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The same value, with numbers of the same kind and floats of the same bits (so `-0` is not
/// `0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            (x.is_u64(), x.is_i64(), x.is_f64()) == (y.is_u64(), y.is_i64(), y.is_f64())
                && x.as_u64() == y.as_u64()
                && x.as_i64() == y.as_i64()
                && x.as_f64().map(f64::to_bits) == y.as_f64().map(f64::to_bits)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((kx, vx), (ky, vy))| kx == ky && same(vx, vy))
        }
        _ => a == b,
    }
}

/// `None` when the two readers agree on `bytes`, else what differs.
fn disagreement(bytes: &[u8]) -> Option<String> {
    let ours = lindung::json::read(bytes);
    let theirs =
        serde_json::from_slice::<Value>(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    match (ours, theirs) {
        (Ok(read), Ok(value)) => (read.repeated_keys.is_empty()
            && !same(&read.value.clone().into(), &value))
        .then(|| format!("values differ: ours {} theirs {value}", read.value)),
        (Err(_), Err(_)) => None,
        (Ok(read), Err(error)) => Some(format!("ours reads {}, serde_json: {error}", read.value)),
        (Err(error), Ok(value)) => Some(format!("ours: {error}, serde_json reads {value}")),
    }
}

/// Every file under `dir`, however deep.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every case file and fuzzing seed (and the fuzzing corpus, when there is one).
fn kept_files() -> Vec<(String, Vec<u8>)> {
    let mut paths = Vec::new();
    for dir in ["tests/cases", "fuzz/seeds", "fuzz/corpus"] {
        files(&root().join(dir), &mut paths);
    }
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let bytes = fs::read(&path).unwrap_or_default();
            (path.display().to_string(), bytes)
        })
        .collect()
}

#[test]
fn every_kept_file_reads_as_serde_json_reads_it() {
    let files = kept_files();
    assert!(files.len() > 100, "only {} files found", files.len());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|(name, bytes)| Some(format!("{name}: {}", disagreement(bytes)?)))
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn hand_picked_edges_read_as_serde_json_reads_them() {
    let texts: &[&[u8]] = &[
        b"",
        b" ",
        b"0",
        b"-0",
        b"-0.0",
        b"0.0e0",
        b"-",
        b"01",
        b"-01",
        b"1.",
        b".5",
        b"1e",
        b"1e+",
        b"1E-2",
        b"+1",
        b"18446744073709551615",
        b"18446744073709551616",
        b"-9223372036854775808",
        b"-9223372036854775809",
        b"1e308",
        b"1e309",
        b"-1e309",
        b"1e-400",
        b"0e999999999999999999999",
        b"1e999999999999999999999",
        b"123456789012345678901234567890e-10",
        b"0.30000000000000004",
        b"2.2250738585072011e-308",
        b"2.4703282292062327e-324",
        b"2.4703282292062328e-324",
        b"9007199254740993",
        b"NaN",
        b"Infinity",
        b"-Infinity",
        b"true",
        b"tru",
        b"truee",
        b"null",
        b"nulll",
        b"[1,]",
        b"[,1]",
        b"[1,,2]",
        b"{\"a\":1,}",
        b"{,}",
        b"{\"a\"}",
        b"{\"a\":}",
        b"{\"a\" 1}",
        b"{1:1}",
        b"[1 2]",
        b"[] []",
        b"[]  \n\t\r",
        b"[]\x0c",
        b"\"\\ud800\"",
        b"\"\\ud800\\udc00\"",
        b"\"\\udbff\\udfff\"",
        b"\"\\udc00\"",
        b"\"\\ud800\\ud800\"",
        b"\"\\ud800\\u0041\"",
        b"\"\\ud800\\n\"",
        b"\"\\ud800x\"",
        b"\"\\u00\"",
        b"\"\\uZZZZ\"",
        b"\"\\x\"",
        b"\"\\'\"",
        b"\"\x00\"",
        b"\"\x1f\"",
        b"\"\x7f\"",
        b"\"\xff\"",
        b"\"\xc3\"",
        b"\"\xed\xa0\x80\"",
        b"\"\xf4\x90\x80\x80\"",
        b"\"\xc0\xaf\"",
        b"\"a",
        b"\"\\",
        b"[",
        b"{",
        b"]",
        b"}",
        b"/* c */ 1",
        b"1 // c",
        b"'a'",
        b"\xef\xbb\xbf1",
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf\xef\xbb\xbf1",
        b"\xef\xbb1",
    ];
    let failures: Vec<String> = texts
        .iter()
        .filter_map(|bytes| {
            let shown = String::from_utf8_lossy(bytes);
            Some(format!("{shown:?}: {}", disagreement(bytes)?))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    for depth in [126, 127, 128, 129, 10_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(disagreement(text.as_bytes()), None, "{depth} levels");
    }
}

/// Pieces of JSON text, right and wrong, to string together.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    const PIECES: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\t",
        "\r",
        "\"",
        "\"a\"",
        "\"key\":",
        "\\",
        "\\\"",
        "\\n",
        "\\u",
        "\\u00e9",
        "\\ud83d",
        "\\ude00",
        "\\uDBFF",
        "\\x",
        "0",
        "1",
        "9",
        "-",
        ".",
        "e",
        "E",
        "+",
        "00",
        "-0",
        "1e400",
        "1.5",
        "18446744073709551616",
        "true",
        "false",
        "null",
        "tru",
        "nul",
        "NaN",
        "é",
        "\u{1F600}",
        "a",
        "/",
        "*",
        "\u{feff}",
        "\u{0}",
        "\u{1f}",
        "\u{7f}",
    ];
    prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(|piece| piece.as_bytes().to_vec()),
        1 => any::<u8>().prop_map(|byte| vec![byte]),
    ]
}

fn joined(pieces: Vec<Vec<u8>>) -> Vec<u8> {
    pieces.concat()
}

/// Any JSON value, of modest size.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-c\\\\\"\u{e9}]{0,3}", inner, 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// A change to a text: delete, insert or replace bytes at a place.
#[derive(Debug, Clone)]
enum Edit {
    Delete(prop::sample::Index, usize),
    Insert(prop::sample::Index, Vec<u8>),
    Replace(prop::sample::Index, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<prop::sample::Index>(), 1..4usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<prop::sample::Index>(), piece()).prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(at, byte)| Edit::Replace(at, byte)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        match edit {
            Edit::Delete(at, n) if !bytes.is_empty() => {
                let at = at.index(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Edit::Insert(at, piece) => {
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, piece.iter().copied());
            }
            Edit::Replace(at, byte) if !bytes.is_empty() => {
                let at = at.index(bytes.len());
                bytes[at] = *byte;
            }
            _ => {}
        }
    }
    bytes
}

fn kept_file() -> impl Strategy<Value = Vec<u8>> {
    let files: Vec<Vec<u8>> = kept_files()
        .into_iter()
        .map(|(_, bytes)| bytes)
        .filter(|bytes| bytes.len() < 16 * 1024)
        .collect();
    prop::sample::select(files)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn pieces_of_json_read_as_serde_json_reads_them(
        pieces in prop::collection::vec(piece(), 0..24).prop_map(joined)
    ) {
        prop_assert_eq!(disagreement(&pieces), None, "{:?}", String::from_utf8_lossy(&pieces));
    }

    #[test]
    fn numbers_read_as_serde_json_reads_them(
        text in "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?"
    ) {
        prop_assert_eq!(disagreement(text.as_bytes()), None, "{}", text);
    }

    #[test]
    fn written_values_read_back(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_vec_pretty(&value)
        } else {
            serde_json::to_vec(&value)
        };
        let text = text.unwrap_or_default();
        prop_assert_eq!(disagreement(&text), None, "{}", String::from_utf8_lossy(&text));
        let read = lindung::json::read(&text).map(|read| read.value).ok();
        prop_assert!(read.is_some_and(|read| same(&read.into(), &value)));
    }

    #[test]
    fn edited_values_read_as_serde_json_reads_them(
        value in json_value(),
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let text = apply(serde_json::to_vec(&value).unwrap_or_default(), &edits);
        prop_assert_eq!(disagreement(&text), None, "{:?}", String::from_utf8_lossy(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn edited_files_read_as_serde_json_reads_them(
        file in kept_file(),
        edits in prop::collection::vec(edit(), 1..4),
    ) {
        let text = apply(file, &edits);
        prop_assert_eq!(disagreement(&text), None, "{:?}", String::from_utf8_lossy(&text));
    }
}
