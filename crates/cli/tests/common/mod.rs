//! What the command's end-to-end tests share: the workspace root, and running `lindung`.
#![allow(dead_code, clippy::expect_used)] // each test file uses what it needs; a failing test panics

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `lindung` with `args`, feeding `stdin` when given. The input is written from its own
/// thread, so a large input cannot block against the command's output.
pub fn lindung(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lindung"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let bytes = stdin.map(<[u8]>::to_vec);
    let writer = std::thread::spawn(move || {
        if let Some(bytes) = bytes {
            let _ = pipe.write_all(&bytes);
        }
    });
    let output = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("stdin written");
    output
}
