//! Running other programs: one place that prints what runs and turns failure into a message.

use std::path::Path;
use std::process::Command;

/// Runs `program args…` in `dir`, echoing the command; fails with a message naming it.
pub fn run(dir: &Path, program: &str, args: &[&str]) -> Result<(), String> {
    run_with(dir, program, args, &[])
}

/// Like [`run`], with extra environment variables.
pub fn run_with(
    dir: &Path,
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result<(), String> {
    eprintln!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .status()
        .map_err(|e| format!("cannot start `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// The standard output of `program args…`, or `None` when it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// True when `program` can be started.
pub fn exists(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

/// Where cargo builds: `CARGO_TARGET_DIR`, else `target/` in the workspace.
pub fn target_dir(root: &Path) -> std::path::PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

/// The cargo that runs this xtask, so a pinned toolchain is kept.
pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Runs a prepared command; fails with a message naming it and how it ended.
pub fn status(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed with {status}"))
    }
}
