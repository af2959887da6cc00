//! The `lindung` command at its limits: a JSON Lines batch of 100,000 documents is read as a
//! stream (memory stays flat), a bad line in the middle is reported by number while every other
//! line is still checked, and oversized, binary or missing input gives a located, coded error with
//! the documented exit code.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // a failing test panics

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

mod common;

use common::{lindung, root};
use serde_json::{json, Value};

/// One sound assessment on one line, with a note to give it weight.
fn line() -> String {
    let text = std::fs::read_to_string(root().join("tests/cases/valid/minimal.json")).unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["notes"] = json!("catatan ".repeat(80));
    value.to_string()
}

/// The peak resident memory of a running process, in KiB (Linux).
fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no VmHWM for {pid}: is this Linux?"))
}

#[test]
fn a_batch_of_100_000_lines_streams_in_flat_memory_and_a_bad_line_does_not_stop_it() {
    const LINES: usize = 100_000;
    const BAD: usize = 50_000;
    const BOUND_KIB: u64 = 32 * 1024;
    let good = line();
    let input_kib = (good.len() * LINES / 1024) as u64;
    // Holding the batch in memory would pass the bound several times over.
    assert!(
        input_kib > 2 * BOUND_KIB,
        "the batch is too small to tell: {input_kib} KiB"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_lindung"))
        .args(["validate", "--format", "json", "--lines", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let pid = child.id();
    let stdout = child.stdout.take().expect("stdout is piped");
    let reader = std::thread::spawn(move || {
        let mut count = 0usize;
        let mut invalid = Vec::new();
        for report in BufReader::new(stdout).lines() {
            let report: Value = serde_json::from_str(&report.unwrap()).unwrap();
            count += 1;
            if report["valid"] != json!(true) {
                invalid.push(report["line"].clone());
            }
        }
        (count, invalid)
    });
    let mut stdin = child.stdin.take().expect("stdin is piped");
    for number in 1..=LINES {
        let text = if number == BAD {
            "{\"schemaVersion\": \"1\", \"id\": "
        } else {
            &good
        };
        stdin.write_all(text.as_bytes()).unwrap();
        stdin.write_all(b"\n").unwrap();
    }
    stdin.flush().unwrap();
    // Everything is written and stdin still open: whatever the command holds, it holds now.
    let peak = peak_kib(pid);
    drop(stdin);
    let status = child.wait().unwrap();
    let (count, invalid) = reader.join().unwrap();
    assert_eq!(status.code(), Some(1));
    assert_eq!(count, LINES, "every line is reported");
    assert_eq!(invalid, [json!(BAD)], "only the bad line is invalid");
    assert!(
        peak < BOUND_KIB,
        "peak memory {peak} KiB for a {input_kib} KiB batch"
    );
}

#[test]
fn oversized_binary_and_missing_input_give_located_coded_errors() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let huge = dir.join("limits-huge.json");
    let mut padded = line().into_bytes();
    padded.resize(1024 * 1024 + 1, b' ');
    std::fs::write(&huge, &padded).unwrap();
    let huge = huge.to_str().unwrap();

    let output = lindung(&["validate", "--lang", "en", huge], None);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("document.too_large"), "{text}");

    // An oversized line amid good ones: reported by number; the others are still checked.
    let good = line();
    let oversized = format!("{{{}{}", " ".repeat(1024 * 1024), &good[1..]);
    let batch = format!("{good}\n{oversized}\n{good}\n");
    let output = lindung(
        &["validate", "--format", "json", "--lines", "-"],
        Some(batch.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(1));
    let reports: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let verdicts: Vec<(Value, Value)> = reports
        .iter()
        .map(|r| (r["line"].clone(), r["valid"].clone()))
        .collect();
    assert_eq!(
        verdicts,
        [
            (json!(1), json!(true)),
            (json!(2), json!(false)),
            (json!(3), json!(true))
        ]
    );

    // Binary input on stdin is invalid input, not a crash.
    let output = lindung(&["validate", "-"], Some(&[0xff, 0xfe, 0x00, 0x80, b'{']));
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("json.syntax"));

    // Deep nesting on stdin.
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let output = lindung(&["assess", "-"], Some(deep.as_bytes()));
    assert_eq!(output.status.code(), Some(1));

    // A directory where a file is expected, and a file that is not there: I/O errors, exit 2.
    for path in [dir.to_str().unwrap(), "/nonexistent/lindung.json"] {
        let output = lindung(&["validate", path], None);
        assert_eq!(output.status.code(), Some(2), "{path}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains(path), "{path}: {message}");
    }
}

#[test]
fn bad_rule_sets_and_directories_are_refused_with_a_named_place() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let cases: [(&str, &str, &[u8]); 4] = [
        ("rules", "limits-rules-syntax.json", b"{\"id\": "),
        ("rules", "limits-rules-type.json", b"[]"),
        (
            "directory",
            "limits-directory-syntax.json",
            b"{\"providers\": [}",
        ),
        ("directory", "limits-directory-type.json", b"{\"id\": 7}"),
    ];
    for (kind, name, bytes) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = lindung(&[kind, "check", path.to_str().unwrap()], None);
        let code = output.status.code();
        assert!(matches!(code, Some(1 | 2)), "{kind} {name}: {code:?}");
        let message = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!message.trim().is_empty(), "{kind} {name}: silent");
        assert!(!message.contains("panicked"), "{kind} {name}: {message}");
    }
}
