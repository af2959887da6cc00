//! `cargo xtask wasm`: builds the WASM module and the `<lindung-form>` element into `www/dist`.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::run::status as run;

/// The wasm-bindgen CLI version that matches the `wasm-bindgen` crate pinned in the workspace.
const WASM_BINDGEN: &str = "0.2.130";

/// What a page downloads: the element (bundled with the module's JS glue), its styles and the
/// module.
pub const SHIPPED: &[&str] = &[
    "lindung-form.js",
    "lindung-form.css",
    "lindung_wasm_bg.wasm",
];

/// Installs what is missing, builds the module, optimises it and copies the element into
/// `www/dist`, then prints the shipped sizes.
pub fn build(root: &Path, release: bool) -> Result<(), String> {
    ensure_target()?;
    ensure_wasm_bindgen()?;
    let www = root.join("www");
    ensure_npm(&www)?;

    build_module(root, release, &[])?;

    let profile = if release { "release" } else { "debug" };
    let module = crate::run::target_dir(root)
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join("lindung_wasm.wasm");
    let dist = www.join("dist");
    fs::create_dir_all(&dist).map_err(|e| format!("cannot create `{}`: {e}", dist.display()))?;
    run(Command::new("wasm-bindgen")
        .arg("--target")
        .arg("web")
        .arg("--no-typescript")
        // Every browser with both the ES2021 the bundle is written in and the constructable style
        // sheets the element needs has `TextEncoder.encodeInto` (so has Node since 12): the glue
        // carries no stand-in for it.
        .args(["--encode-into", "always"])
        .arg("--out-dir")
        .arg(&dist)
        .arg(&module))?;

    let wasm = dist.join("lindung_wasm_bg.wasm");
    if release {
        let wasm_opt = www.join("node_modules").join(".bin").join("wasm-opt");
        run(Command::new(&wasm_opt)
            // Flattening and relooping the control flow first lets the size passes find more
            // to fold: 0.8% smaller gzip for a few seconds more, results byte for byte the same.
            .args(["--flatten", "--rereloop", "-Oz", "-Oz", "--converge"])
            // The toolchain's names and the features the module was compiled with are for tools,
            // not browsers: about 200 bytes gzip that no page needs.
            .args(["--strip-producers", "--strip-target-features"])
            .args(FEATURES)
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm))?;
        order_functions(&wasm_opt, &wasm)?;
    }
    bundle(&www, release)?;

    let mut total = [0usize; 3];
    println!(
        "{:<24} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    for file in SHIPPED {
        let bytes = fs::read(dist.join(file)).map_err(|e| format!("cannot read `{file}`: {e}"))?;
        let sizes = [
            bytes.len(),
            compressed("gzip", &["-9", "-c"], &bytes),
            brotli(&bytes),
        ];
        for (sum, size) in total.iter_mut().zip(sizes) {
            *sum += size;
        }
        println!(
            "{file:<24} {:>10} {:>10} {:>10}",
            sizes[0],
            show(sizes[1]),
            show(sizes[2])
        );
    }
    println!(
        "{:<24} {:>10} {:>10} {:>10}",
        "total",
        total[0],
        show(total[1]),
        show(total[2])
    );
    Ok(())
}

/// The WebAssembly features the module uses, for wasm-opt.
const FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Puts the module's functions in the order that gzip compresses best (see `order`) and strips
/// the names that carry the order: about 0.6 KB gzip less for two seconds more.
fn order_functions(wasm_opt: &Path, wasm: &Path) -> Result<(), String> {
    let module = fs::read(wasm).map_err(|e| format!("cannot read `{}`: {e}", wasm.display()))?;
    let started = std::time::Instant::now();
    let named = crate::order::names_in_compression_order(&module)
        .map_err(|e| format!("cannot order the functions of `{}`: {e}", wasm.display()))?;
    println!(
        "functions ordered for gzip in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    fs::write(wasm, named).map_err(|e| format!("cannot write `{}`: {e}", wasm.display()))?;
    run(Command::new(wasm_opt)
        .args(["--reorder-functions-by-name", "--strip-debug"])
        .args(FEATURES)
        .arg(wasm)
        .arg("-o")
        .arg(wasm))
}

/// Bundles the element with the module's JS glue into one ES module, and its styles, with esbuild
/// (minified for a release). The element's source imports the glue as a sibling, so esbuild reads
/// it from standard input inside `dist/`. The glue stays in `dist/` on its own for Node.
fn bundle(www: &Path, release: bool) -> Result<(), String> {
    let esbuild = www.join("node_modules").join(".bin").join("esbuild");
    // ES2021 lets the bundle keep `??=` rather than its longhand. Firefox and Safari shipped it
    // long before the constructable style sheets the element needs (101 and 16.4), Chrome in 85.
    for (file, options) in [
        (
            "lindung-form.js",
            &["--bundle", "--format=esm", "--target=es2021", "--loader=js"][..],
        ),
        ("lindung-form.css", &["--bundle", "--loader=css"][..]),
    ] {
        let source = fs::read(www.join(file)).map_err(|e| format!("cannot read `{file}`: {e}"))?;
        let mut command = Command::new(&esbuild);
        command
            .current_dir(www.join("dist"))
            .args(options)
            .arg(format!("--sourcefile=../{file}"))
            .arg("--log-level=warning")
            .arg("--legal-comments=none")
            .arg(format!("--outfile={file}"));
        if release {
            command.arg("--minify");
            if file.ends_with(".js") {
                // The element's own members are named `_name`; the glue's `__wbg` names and the
                // public API have no leading single underscore, so only the element's are shortened.
                command.arg("--mangle-props=^_[a-zA-Z]");
                // The element writes nothing to the console; this drops the glue's warnings about
                // loader arguments the element never passes.
                command.arg("--drop:console");
            }
        }
        let mut child = command
            .stdin(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run esbuild: {e}"))?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(&source)
                .map_err(|e| format!("cannot feed esbuild: {e}"))?;
        }
        let status = child.wait().map_err(|e| format!("esbuild: {e}"))?;
        if !status.success() {
            return Err(format!("esbuild failed on `{file}` with {status}"));
        }
    }
    Ok(())
}

/// Builds the module with cargo. A release is built on the nightly toolchain when it has the
/// standard library's source: the standard library is then compiled with the module, for size,
/// with panics that stop at once (the module never shows a panic message: errors are data), no
/// `Debug` text and no source locations in it. That makes the module about 6 KB gzip smaller.
/// Without such a toolchain, or if that build fails, the release is built on the toolchain at hand
/// and the module is larger, but the same. `env` is set for each cargo run.
pub(crate) fn build_module(
    root: &Path,
    release: bool,
    env: &[(&str, &std::ffi::OsStr)],
) -> Result<(), String> {
    let plain = [
        "build",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "lindung-wasm",
    ];
    if release {
        if nightly_has_source() {
            let mut cargo = Command::new("rustup");
            cargo
                .current_dir(root)
                .args(["run", "nightly", "cargo"])
                .args(plain)
                .args([
                    "--release",
                    "-Zbuild-std=std,panic_abort",
                    "-Zbuild-std-features=optimize_for_size",
                ])
                .env(
                    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
                    SIZE_FLAGS.join(" "),
                )
                .envs(env.iter().copied());
            match run(&mut cargo) {
                Ok(()) => return Ok(()),
                Err(e) => eprintln!(
                    "note: the size build on nightly failed ({e}); building on the current toolchain"
                ),
            }
        } else {
            eprintln!(
                "note: no nightly toolchain with `rust-src`: the module is built on the current \
                 toolchain and is about 6 KB gzip larger \
                 (`rustup toolchain install nightly --component rust-src` makes it smaller)"
            );
        }
    }
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo
        .current_dir(root)
        .args(plain)
        .envs(env.iter().copied());
    if release {
        cargo.arg("--release");
    }
    run(&mut cargo)
}

/// Compiler flags of the nightly size build (see [`build_module`]).
const SIZE_FLAGS: &[&str] = &[
    "-Zunstable-options",
    "-Cpanic=immediate-abort",
    "-Zfmt-debug=none",
    "-Zlocation-detail=none",
    // Without reference types, wasm-bindgen keeps JavaScript values in a table on the JavaScript
    // side instead of giving every export a shim in the module: 0.6 KB gzip less module for
    // 0.1 KB more glue.
    "-Ctarget-feature=-reference-types",
];

/// True when a nightly toolchain is installed with the standard library's source, which
/// `-Zbuild-std` compiles: then a release module is the size build.
pub(crate) fn nightly_has_source() -> bool {
    let Some(sysroot) =
        output(Command::new("rustup").args(["run", "nightly", "rustc", "--print", "sysroot"]))
    else {
        return false;
    };
    Path::new(sysroot.trim())
        .join("lib/rustlib/src/rust/library/std/Cargo.toml")
        .exists()
}

fn show(size: usize) -> String {
    if size == 0 {
        "-".to_owned()
    } else {
        size.to_string()
    }
}

/// The size of `bytes` compressed by an external tool, or 0 when the tool is missing.
fn compressed(tool: &str, args: &[&str], bytes: &[u8]) -> usize {
    let Ok(mut child) = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    else {
        return 0;
    };
    // Feed the input from another thread: the tool writes while it reads, and a full output
    // pipe would otherwise stop both.
    let input = bytes.to_vec();
    let writer = child.stdin.take().map(|mut stdin| {
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        })
    });
    let size = child.wait_with_output().map_or(0, |out| {
        if out.status.success() {
            out.stdout.len()
        } else {
            0
        }
    });
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    size
}

/// Brotli size from the `brotli` tool, else from Node's zlib (Node is needed for npm anyway).
fn brotli(bytes: &[u8]) -> usize {
    match compressed("brotli", &["-q", "11", "-c"], bytes) {
        0 => compressed(
            "node",
            &["-e", "process.stdout.write(require('zlib').brotliCompressSync(require('fs').readFileSync(0)))"],
            bytes,
        ),
        size => size,
    }
}

fn ensure_target() -> Result<(), String> {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let version = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if version.split_whitespace().nth(1) == Some(WASM_BINDGEN) {
        return Ok(());
    }
    run(
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())).args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN,
        ]),
    )
}

fn ensure_npm(www: &Path) -> Result<(), String> {
    if npm_up_to_date(www) {
        return Ok(());
    }
    let command = if www.join("package-lock.json").exists() {
        "ci"
    } else {
        "install"
    };
    run(Command::new("npm")
        .current_dir(www)
        .args([command, "--no-audit", "--no-fund"]))
    .map_err(|e| format!("{e} (install Node.js 18 or newer with npm)"))
}

/// True when `node_modules` was installed from the current lock file: npm records what it
/// installed in `node_modules/.package-lock.json`, which is older than `package-lock.json` once a
/// dependency is added or changed.
fn npm_up_to_date(www: &Path) -> bool {
    let modified = |path: std::path::PathBuf| fs::metadata(path).and_then(|m| m.modified()).ok();
    let installed = modified(www.join("node_modules").join(".package-lock.json"));
    let wanted = modified(www.join("package-lock.json"));
    let has_tools = ["wasm-opt", "esbuild"]
        .iter()
        .all(|tool| www.join("node_modules").join(".bin").join(tool).exists());
    match (installed, wanted) {
        (Some(installed), Some(wanted)) => has_tools && installed >= wanted,
        _ => false,
    }
}

fn output(command: &mut Command) -> Option<String> {
    let out = command.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
