//! `cargo xtask size-map`: where the WASM module's bytes come from, by source file, written to
//! `bench/SIZE.md`.
//!
//! A function's name says little about what its code is for: the compiler inlines the readers,
//! the writers and the standard library into one another. This builds the module as `cargo xtask
//! wasm` does, with line tables added (in a target directory of its own, so the shipped build is
//! left alone), and gives each byte of code to the innermost of the project's own source files in
//! the chain of inlined calls it comes from: a `Vec::push` inlined into a reader counts for that
//! reader. Code no project file calls inline counts for its library. The data section is split into
//! text and the rest.
//!
//! The bytes are those of the module before wasm-opt, which shrinks the code by about a fifth,
//! not quite evenly: the shares are close, not exact. The gzip column shares out the gzip size of
//! the shipped module's code section (`www/dist`, which this builds first, as `cargo xtask wasm`
//! does) in proportion: an estimate, since bytes compress unevenly.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::Path;

use addr2line::Context;
use gimli::{EndianSlice, LittleEndian};

use crate::module::{self, Reader, Section};

/// How many of the largest source files the report lists.
const FILES_SHOWN: usize = 25;

/// Where code without a line in the line tables is counted.
const NO_LINE: &str = "(no line information)";

/// Text in the data section: runs of at least this many printable characters.
const TEXT_RUN: usize = 8;

pub fn run(root: &Path) -> Result<(), String> {
    // The shipped module first, so the gzip estimates are shares of the module a page gets now.
    crate::wasm::build(root, true)?;
    let target = crate::run::target_dir(root).join("size-map");
    crate::wasm::build_module(
        root,
        true,
        &[
            ("CARGO_TARGET_DIR", target.as_os_str()),
            (
                "CARGO_PROFILE_RELEASE_DEBUG",
                OsStr::new("line-tables-only"),
            ),
        ],
    )?;
    let built = target
        .join("wasm32-unknown-unknown")
        .join("release")
        .join("lindung_wasm.wasm");
    let module = fs::read(&built).map_err(|e| format!("cannot read `{}`: {e}", built.display()))?;
    let sections = module::sections(&module)?;
    let code = code_by_file(&sections)?;
    let data = data_section(contents(&sections, DATA, ""));
    let compiler =
        compiler(contents(&sections, CUSTOM, "producers")).unwrap_or_else(|| "unknown".to_owned());
    let shipped = root.join("www").join("dist").join("lindung_wasm_bg.wasm");
    let shipped =
        fs::read(&shipped).map_err(|e| format!("cannot read `{}`: {e}", shipped.display()))?;
    let shipped_code_gzip = gzip(contents(&module::sections(&shipped)?, CODE, ""));
    let report = report(&code, data, shipped_code_gzip, &compiler);
    print!("{report}");
    let out = root.join("bench").join("SIZE.md");
    fs::write(&out, &report).map_err(|e| format!("cannot write `{}`: {e}", out.display()))?;
    println!("written to {}", out.display());
    Ok(())
}

/// Code bytes by source file (relative to the workspace where it is the project's own; see
/// [`owner`]), with the code section's size.
struct CodeMap {
    by_file: BTreeMap<String, u64>,
    section: u64,
}

/// Section ids.
const CUSTOM: u8 = 0;
const CODE: u8 = 10;
const DATA: u8 = 11;

/// The contents of the first section with this id (for a custom section, with this name); empty
/// when there is none.
fn contents<'a>(sections: &[Section<'a>], id: u8, name: &str) -> &'a [u8] {
    sections
        .iter()
        .find(|s| s.id == id && s.name == name.as_bytes())
        .map_or(&[][..], |s| s.contents)
}

fn code_by_file(sections: &[Section<'_>]) -> Result<CodeMap, String> {
    let custom = |name: &str| contents(sections, CUSTOM, name);
    let section = contents(sections, CODE, "").len() as u64;
    if custom(".debug_line").is_empty() {
        return Err("the module has no line tables (`.debug_line`)".into());
    }
    let dwarf = gimli::Dwarf::load(|id| {
        Ok::<_, gimli::Error>(EndianSlice::new(custom(id.name()), LittleEndian))
    })
    .map_err(|e| format!("cannot read the module's DWARF: {e}"))?;
    let context =
        Context::from_dwarf(dwarf).map_err(|e| format!("cannot read the module's DWARF: {e}"))?;
    let ranges = context
        .find_location_range(0, section)
        .map_err(|e| format!("cannot read the module's line tables: {e}"))?;
    let mut by_file = BTreeMap::new();
    for (address, len, _) in ranges {
        let mut frames = context
            .find_frames(address)
            .skip_all_loads()
            .map_err(|e| format!("cannot read the inlined calls at {address:#x}: {e}"))?;
        let mut files = Vec::new();
        while let Ok(Some(frame)) = frames.next() {
            if let Some(file) = frame.location.and_then(|l| l.file) {
                files.push(file);
            }
        }
        *by_file.entry(owner(&files)).or_insert(0) += len;
    }
    Ok(CodeMap { by_file, section })
}

/// The file that code belongs to, from the files of its inlined calls, innermost first: the
/// innermost of the project's own files (under `crates/`), else the innermost file.
fn owner(files: &[&str]) -> String {
    let project = |file: &str| file.starts_with("crates/") || file.contains("/crates/");
    let file = files
        .iter()
        .find(|file| project(file))
        .or_else(|| files.first())
        .copied()
        .unwrap_or(NO_LINE);
    match file.find("crates/") {
        Some(at) if project(file) => file[at..].to_owned(),
        _ => file.to_owned(),
    }
}

/// The area a file's code is reported under: a project file's crate and module (`core: decode`),
/// else its library (`Rust standard library`, a dependency by crate name). The standard library's
/// area holds what no project file inlines: its own functions (copying, growing a vector) and the
/// compiler's drop glue, which it places there.
fn area(file: &str) -> String {
    if let Some(rest) = file.strip_prefix("crates/") {
        let mut parts = rest.split('/');
        let krate = parts.next().unwrap_or_default();
        let module = parts
            .nth(1)
            .map(|m| m.trim_end_matches(".rs"))
            .unwrap_or_default();
        return format!("{krate}: {module}");
    }
    if file.contains("/rustlib/src/rust/library/") {
        return "Rust standard library".to_owned();
    }
    if let Some((_, rest)) = file.split_once("/registry/src/") {
        // `index.crates.io-…/chrono-0.4.45/src/…`: the crate is the folder without its version.
        if let Some(folder) = rest.split('/').nth(1) {
            let name = folder
                .rsplit_once('-')
                .filter(|(_, version)| version.starts_with(|c: char| c.is_ascii_digit()))
                .map_or(folder, |(name, _)| name);
            return name.to_owned();
        }
    }
    file.to_owned()
}

/// A library file's path inside its library (`core/src/ptr/mod.rs`, `src/naive/date/mod.rs`).
fn library_path(file: &str) -> &str {
    file.split_once("/rust/library/")
        .map(|(_, path)| path)
        .or_else(|| {
            file.split_once("/registry/src/")
                .and_then(|(_, rest)| rest.splitn(3, '/').nth(2))
        })
        .unwrap_or(file)
}

/// The data section's size, and how much of it is text.
#[derive(Debug, PartialEq)]
struct Data {
    bytes: usize,
    text: usize,
    gzip: usize,
}

fn data_section(contents: &[u8]) -> Data {
    Data {
        bytes: contents.len(),
        text: text_bytes(contents),
        gzip: gzip(contents),
    }
}

/// The bytes in runs of at least [`TEXT_RUN`] printable characters that are valid UTF-8.
fn text_bytes(bytes: &[u8]) -> usize {
    let text_run = |run: &[u8]| {
        if run.len() >= TEXT_RUN && std::str::from_utf8(run).is_ok() {
            run.len()
        } else {
            0
        }
    };
    bytes
        .split(|&byte| byte < 0x20 && byte != b'\n' || byte == 0x7f)
        .map(text_run)
        .sum()
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    match encoder.write_all(bytes).and_then(|()| encoder.finish()) {
        Ok(out) => out.len(),
        Err(_) => bytes.len(),
    }
}

fn report(code: &CodeMap, data: Data, code_gzip: usize, compiler: &str) -> String {
    let mapped: u64 = code.by_file.values().sum();
    let mut by_area: BTreeMap<String, u64> = BTreeMap::new();
    for (file, bytes) in &code.by_file {
        *by_area.entry(area(file)).or_insert(0) += bytes;
    }
    let unmapped = code.section.saturating_sub(mapped);
    if unmapped > 0 {
        *by_area.entry(NO_LINE.to_owned()).or_insert(0) += unmapped;
    }
    let share = |bytes: u64| bytes as f64 / code.section.max(1) as f64;
    let estimate = |bytes: u64| format!("{:.1}", share(bytes) * code_gzip as f64 / 1000.0);

    let mut text = String::new();
    let _ = writeln!(text, "# Where the WASM module's bytes come from\n");
    let _ = writeln!(
        text,
        "Written by `cargo xtask size-map` (see `xtask/src/size_map.rs` for the method).\n"
    );
    let _ = writeln!(text, "Date: {}\n", crate::bench::date());
    let _ = writeln!(text, "Compiler: {compiler}\n");
    let _ = writeln!(
        text,
        "Code section before wasm-opt: {} bytes. Each byte counts for the innermost of the \
         project's own files in the chain of calls inlined into it; \"≈ gzip\" shares out the \
         shipped module's code gzip ({code_gzip} bytes) in proportion.\n",
        code.section,
    );
    let _ = writeln!(text, "## Code by area\n");
    let _ = writeln!(text, "| area | bytes | share | ≈ gzip, KB |");
    let _ = writeln!(text, "|---|---:|---:|---:|");
    let mut areas: Vec<(String, u64)> = by_area.into_iter().collect();
    areas.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (area, bytes) in &areas {
        let _ = writeln!(
            text,
            "| {area} | {bytes} | {:.1}% | {} |",
            share(*bytes) * 100.0,
            estimate(*bytes)
        );
    }
    let _ = writeln!(text, "\n## The {FILES_SHOWN} largest source files\n");
    let _ = writeln!(text, "| file | bytes | share |");
    let _ = writeln!(text, "|---|---:|---:|");
    let mut files: Vec<(&String, &u64)> = code.by_file.iter().collect();
    files.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    for (file, bytes) in files.into_iter().take(FILES_SHOWN) {
        let shown = match area(file) {
            a if a.contains(": ") => file.clone(),
            library => format!("{library}: {}", library_path(file)),
        };
        let _ = writeln!(
            text,
            "| {shown} | {bytes} | {:.1}% |",
            share(*bytes) * 100.0
        );
    }
    let _ = writeln!(text, "\n## Data\n");
    let _ = writeln!(
        text,
        "The data section is {} bytes, {} gzip on its own; {} bytes ({:.0}%) are text (runs of \
         {TEXT_RUN} or more printable characters): the built-in rule set and directory, the form, \
         and the messages, in both languages.",
        data.bytes,
        data.gzip,
        data.text,
        data.text as f64 * 100.0 / data.bytes.max(1) as f64
    );
    text
}

/// The compiler that built the module, from its `producers` section (`rustc 1.97.0-nightly …`).
fn compiler(producers: &[u8]) -> Option<String> {
    let mut reader = Reader::new(producers);
    for _ in 0..reader.leb().ok()? {
        let field = reader.name().ok()?;
        for _ in 0..reader.leb().ok()? {
            let (name, version) = (reader.name().ok()?, reader.name().ok()?);
            if field == b"processed-by" && name == b"rustc" {
                return Some(format!("rustc {}", String::from_utf8_lossy(version)));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_belongs_to_the_innermost_project_file() {
        let std_push =
            "/home/u/.rustup/toolchains/nightly/lib/rustlib/src/rust/library/alloc/src/vec/mod.rs";
        // An inlined `Vec::push` in a reader, in an entry point: the reader.
        assert_eq!(
            owner(&[
                std_push,
                "/src/lindung/crates/core/src/decode/mod.rs",
                "crates/wasm/src/js.rs"
            ]),
            "crates/core/src/decode/mod.rs"
        );
        // Library code no project file inlines: the library file.
        assert_eq!(owner(&[std_push]), std_push);
        assert_eq!(owner(&[]), NO_LINE);
    }

    #[test]
    fn areas_are_modules_or_libraries() {
        assert_eq!(area("crates/core/src/decode/mod.rs"), "core: decode");
        assert_eq!(area("crates/core/src/condition.rs"), "core: condition");
        assert_eq!(area("crates/wasm/src/js.rs"), "wasm: js");
        assert_eq!(
            area("/r/.rustup/toolchains/x/lib/rustlib/src/rust/library/core/src/ptr/mod.rs"),
            "Rust standard library"
        );
        assert_eq!(
            area(
                "/r/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/chrono-0.4.45/src/lib.rs"
            ),
            "chrono"
        );
        assert_eq!(
            area("/r/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/wasm-bindgen-0.2.130/src/lib.rs"),
            "wasm-bindgen"
        );
        assert_eq!(
            library_path(
                "/r/.rustup/toolchains/x/lib/rustlib/src/rust/library/core/src/ptr/mod.rs"
            ),
            "core/src/ptr/mod.rs"
        );
        assert_eq!(
            library_path(
                "/r/.cargo/registry/src/index.crates.io-1/chrono-0.4.45/src/naive/date/mod.rs"
            ),
            "src/naive/date/mod.rs"
        );
    }

    #[test]
    fn the_compiler_is_read_from_the_producers_section() {
        let name = |out: &mut Vec<u8>, text: &str| {
            module::leb(out, text.len() as u64);
            out.extend_from_slice(text.as_bytes());
        };
        let mut producers = vec![2];
        for (field, values) in [
            ("language", &[("Rust", "")][..]),
            (
                "processed-by",
                &[("clang", "18"), ("rustc", "1.97.0 (abc)")][..],
            ),
        ] {
            name(&mut producers, field);
            module::leb(&mut producers, values.len() as u64);
            for (tool, version) in values {
                name(&mut producers, tool);
                name(&mut producers, version);
            }
        }
        assert_eq!(compiler(&producers).as_deref(), Some("rustc 1.97.0 (abc)"));
        assert_eq!(
            compiler(&producers[..producers.len() - 3]),
            None,
            "cut short"
        );
        assert_eq!(compiler(&[]), None);
    }

    #[test]
    fn text_is_long_printable_runs() {
        let bytes = b"\x01\x02short\x00a longer text\x00\xff\xfe\x03kata ber\xc3\xa9ndeng\x00";
        assert_eq!(
            text_bytes(bytes),
            "a longer text".len() + "kata ber\u{e9}ndeng".len()
        );
    }
}
