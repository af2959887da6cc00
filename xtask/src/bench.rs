//! `cargo xtask bench`: measures everything in one run and prints one table of ratios, written
//! to `bench/RESULTS.md` with the command, the machine and the date.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::run::{cargo, status, target_dir};

use serde_json::Value;

/// The criterion cases: the name the bench uses, the label the table shows, the file.
pub(crate) const CASES: &[(&str, &str, &str)] = &[
    (
        "ktk_full",
        "KTK full",
        "tests/cases/valid/ktk_adult_household.json",
    ),
    (
        "kpo_20_indicators",
        "KPO, 20 indicators",
        "crates/core/benches/cases/kpo_20_indicators.json",
    ),
    (
        "invalid",
        "invalid",
        "tests/cases/invalid/many_problems_at_once.json",
    ),
];

/// What criterion times for each case, by id, with the label the table shows.
const NATIVE: &[(&str, &str)] = &[
    ("pipeline", "pipeline (`Engine::assess_json`)"),
    ("value_parse", "`serde_json::Value` parse"),
    ("jsonschema_is_valid", "jsonschema, parse + `is_valid`"),
    ("jsonschema_all_errors", "jsonschema, parse + `iter_errors`"),
];

/// The number of JSON Lines the CLI reads.
const LINES: usize = 100_000;

/// Budgets the project holds.
const BUDGET_GZIP: f64 = 80.0 * 1024.0;
const BUDGET_CHANGE_P95_MS: f64 = 2.0;
const BUDGET_PIPELINE_RATIO: f64 = 2.0;

/// One row of the table.
struct Row {
    group: &'static str,
    measure: String,
    figure: String,
    ratio: String,
}

impl Row {
    fn new(group: &'static str, measure: impl Into<String>, figure: String, ratio: String) -> Self {
        Row {
            group,
            measure: measure.into(),
            figure,
            ratio,
        }
    }
}

/// Runs every benchmark, prints the table and writes `bench/RESULTS.md`.
pub fn run(root: &Path) -> Result<(), String> {
    let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load
        .split_whitespace()
        .next()
        .unwrap_or("unknown")
        .to_owned();
    let mut rows = Vec::new();
    let mut notes = Vec::new();

    let native = native(root)?;
    let paired = paired(root)?;
    for (case, label, _) in CASES {
        let floor = native[&(*case, "value_parse")];
        for (id, what) in NATIVE {
            let time = native[&(*case, *id)];
            rows.push(Row::new(
                "native",
                format!("{label}: {what}"),
                micros(time),
                format!("{:.2}× Value parse", time / floor),
            ));
        }
        if let Some(ratio) = paired.get(*case).and_then(Value::as_f64) {
            rows.push(Row::new(
                "native",
                format!("{label}: pipeline ÷ Value parse, paired rounds"),
                String::new(),
                format!("{ratio:.2}× Value parse"),
            ));
        }
        let pipeline = native[&(*case, "pipeline")];
        let schema = native[&(*case, "jsonschema_is_valid")];
        rows.push(Row::new(
            "native",
            format!("{label}: jsonschema `is_valid` ÷ pipeline"),
            String::new(),
            format!("{:.2}× (goal ≥ 3×)", schema / pipeline),
        ));
    }

    match cli(root) {
        Ok((seconds, bytes)) => {
            let per = seconds / LINES as f64 * 1e9;
            let ktk = native[&("ktk_full", "pipeline")];
            rows.push(Row::new(
                "cli",
                format!("`lindung validate --lines`, {LINES} lines"),
                format!(
                    "{:.2} s, {:.0} assessments/s, {:.1} MB/s",
                    seconds,
                    LINES as f64 / seconds,
                    bytes as f64 / seconds / 1e6
                ),
                format!(
                    "{:.2}× the native KTK pipeline per line (reading and validation only)",
                    per / ktk
                ),
            ));
        }
        Err(e) => notes.push(format!("CLI throughput skipped: {e}")),
    }

    crate::wasm::build(root, true)?;
    let wasm = wasm(root)?;
    for (case, label, file) in CASES {
        let time = wasm
            .get(*file)
            .and_then(Value::as_f64)
            .ok_or_else(|| format!("no WASM timing for `{file}`"))?;
        rows.push(Row::new(
            "wasm",
            format!("{label}: pipeline in Node"),
            micros(time),
            format!("{:.2}× native", time / native[&(*case, "pipeline")]),
        ));
    }

    let (sizes, source) = sizes(root)?;
    let ours = sizes
        .get("lindung")
        .ok_or("no size for the widget")?
        .clone();
    let mut ordered: Vec<_> = sizes.iter().collect();
    ordered.sort_by_key(|(name, _)| *name != "lindung");
    for (name, size) in ordered {
        let gzip = field(size, "gzip");
        let ratio = if name == "lindung" {
            format!(
                "budget {} gzip: {}",
                kb(BUDGET_GZIP),
                verdict(gzip <= BUDGET_GZIP)
            )
        } else {
            format!("{:.2}× lindung (gzip)", gzip / field(&ours, "gzip"))
        };
        rows.push(Row::new(
            "size",
            if name == "lindung" {
                "lindung: JS + WASM + CSS, as shipped".to_owned()
            } else {
                format!("{name}: JS + CSS, esbuild minified")
            },
            format!(
                "{} raw, {} gzip, {} brotli",
                kb(field(size, "raw")),
                kb(gzip),
                kb(field(size, "brotli"))
            ),
            ratio,
        ));
    }
    if let Some(source) = source {
        notes.push(source);
    }

    let browser = browser(root)?;
    let ready = browser.get("ready").and_then(Value::as_f64).unwrap_or(0.0);
    let median = browser
        .pointer("/change/median")
        .and_then(Value::as_f64)
        .unwrap_or(0.0);
    let p95 = browser
        .pointer("/change/p95")
        .and_then(Value::as_f64)
        .unwrap_or(0.0);
    rows.push(Row::new(
        "browser",
        "script load → `lindung-ready` (median of 10 loads)",
        format!("{ready:.1} ms"),
        String::new(),
    ));
    rows.push(Row::new(
        "browser",
        "re-evaluate the form after one change, 200 changes",
        format!("median {median:.2} ms, p95 {p95:.2} ms"),
        format!(
            "p95 budget {BUDGET_CHANGE_P95_MS} ms: {}",
            verdict(p95 <= BUDGET_CHANGE_P95_MS)
        ),
    ));

    let ktk = paired
        .get("ktk_full")
        .and_then(Value::as_f64)
        .ok_or("the paired bench printed no KTK ratio")?;
    notes.push(format!(
        "Budget: native pipeline ≤ {BUDGET_PIPELINE_RATIO}× the Value parse on a typical full \
         assessment (KTK full), judged on the paired rounds: {:.2}×, {}.",
        ktk,
        verdict(ktk <= BUDGET_PIPELINE_RATIO)
    ));
    notes.push(format!(
        "Paired rounds: {PAIRED}. The criterion rows time each benchmark seconds apart, so their \
         ratios also carry the machine's drift."
    ));
    notes.push(
        "The jsonschema rows include reading the bytes into a `serde_json::Value`, which that \
         crate needs; its validator is built once, with format validation on."
            .to_owned(),
    );

    notes.push(format!(
        "Load average (1 min) when the run started: {load}; other work on the machine adds noise."
    ));
    let table = table(&rows);
    println!("{table}");
    for note in &notes {
        println!("{note}");
    }
    let report = report(&table, &notes);
    let path = root.join("bench").join("RESULTS.md");
    fs::write(&path, report).map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

/// How the paired bench measures, for the report.
const PAIRED: &str = "the median ratio of 301 rounds, each a batch of 50 pipeline calls and a \
                      batch of 50 `Value` parses, the order swapped every round \
                      (`crates/core/benches/paired.rs`)";

/// Runs the paired bench: the pipeline ÷ the `Value` parse per case, from alternating rounds.
fn paired(root: &Path) -> Result<serde_json::Map<String, Value>, String> {
    let printed = last_json(
        Command::new(cargo())
            .current_dir(root)
            .args(["bench", "-q", "-p", "lindung", "--bench", "paired"]),
        "",
    )?;
    match printed {
        Value::Object(ratios) => Ok(ratios),
        other => Err(format!("the paired bench printed {other}, not an object")),
    }
}

/// Runs the criterion bench and reads its median estimates, in nanoseconds.
fn native(root: &Path) -> Result<BTreeMap<(&'static str, &'static str), f64>, String> {
    status(
        Command::new(cargo())
            .current_dir(root)
            .args(["bench", "-p", "lindung", "--bench", "pipeline"]),
    )?;
    let criterion = target_dir(root).join("criterion");
    let mut out = BTreeMap::new();
    for (case, _, _) in CASES {
        for (id, _) in NATIVE {
            let path = criterion
                .join(case)
                .join(id)
                .join("new")
                .join("estimates.json");
            let estimates = read_json(&path)?;
            let median = estimates
                .pointer("/median/point_estimate")
                .and_then(Value::as_f64)
                .ok_or_else(|| format!("no median in `{}`", path.display()))?;
            out.insert((*case, *id), median);
        }
    }
    Ok(out)
}

/// Times `lindung validate --lines` over `LINES` copies of the KTK case; seconds and bytes.
fn cli(root: &Path) -> Result<(f64, usize), String> {
    if !root.join("crates").join("cli").join("Cargo.toml").exists() {
        return Err("the CLI is not in this workspace".to_owned());
    }
    status(Command::new(cargo()).current_dir(root).args([
        "build",
        "--release",
        "-p",
        "lindung-cli",
    ]))?;
    let binary = target_dir(root).join("release").join("lindung");
    let case = read_json(&root.join(CASES[0].2))?;
    let line = serde_json::to_string(&case).map_err(|e| e.to_string())?;
    let mut lines = String::with_capacity((line.len() + 1) * LINES);
    for n in 0..LINES {
        lines.push_str(&line.replacen(
            &format!("\"id\":{}", case["id"]),
            &format!("\"id\":\"BENCH-{n:06}\""),
            1,
        ));
        lines.push('\n');
    }
    let file = target_dir(root).join("bench-lines.jsonl");
    fs::write(&file, &lines).map_err(|e| format!("cannot write `{}`: {e}", file.display()))?;
    let start = Instant::now();
    let status = Command::new(&binary)
        .arg("validate")
        .arg("--lines")
        .arg(&file)
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run `{}`: {e}", binary.display()))?;
    let seconds = start.elapsed().as_secs_f64();
    if !status.success() {
        return Err(format!("`lindung validate --lines` failed with {status}"));
    }
    Ok((seconds, lines.len()))
}

/// Nanoseconds per call of the WASM module's `assessJson`, by case file.
fn wasm(root: &Path) -> Result<Value, String> {
    let mut node = Command::new("node");
    node.current_dir(root).arg("www/test/perf-wasm.mjs");
    for (_, _, file) in CASES {
        node.arg(file);
    }
    node_json(&mut node)
}

/// Sizes by name; the second value says where the anchors' figures came from when not this run.
fn sizes(root: &Path) -> Result<(BTreeMap<String, Value>, Option<String>), String> {
    let anchors = root.join("bench").join("anchors");
    let script = anchors.join("sizes.mjs");
    let installed = anchors.join("node_modules").exists()
        || status(Command::new("npm").current_dir(&anchors).args([
            "ci",
            "--no-audit",
            "--no-fund",
        ]))
        .is_ok();
    if installed {
        if let Ok(Value::Object(map)) = node_json(Command::new("node").arg(&script)) {
            let sizes: BTreeMap<String, Value> = map.into_iter().collect();
            write_anchors(root, &sizes)?;
            return Ok((sizes, None));
        }
    }
    let Value::Object(ours) = node_json(Command::new("node").arg(&script).arg("--lindung-only"))?
    else {
        return Err("the size script printed no object".to_owned());
    };
    let mut sizes: BTreeMap<String, Value> = ours.into_iter().collect();
    let (date, anchors) = read_anchors(root)?;
    sizes.extend(anchors);
    Ok((
        sizes,
        Some(format!(
            "The other libraries could not be installed: their sizes are from bench/anchors.md ({date})."
        )),
    ))
}

/// Writes the anchors' sizes from this run to `bench/anchors.md`, the fallback for offline runs.
fn write_anchors(root: &Path, sizes: &BTreeMap<String, Value>) -> Result<(), String> {
    let versions = read_json(&root.join("bench").join("anchors").join("package.json"))?;
    let mut text = String::new();
    let _ = writeln!(
        text,
        "# Size anchors\n\nOther form libraries, each bundled and minified with esbuild by \
         `bench/anchors/sizes.mjs` (entries in `bench/anchors/entries/`), measured {} by \
         `cargo xtask bench`. The bench uses these figures only when it cannot install the \
         libraries.\n",
        date()
    );
    let _ = writeln!(text, "Versions:\n");
    if let Some(deps) = versions.get("devDependencies").and_then(Value::as_object) {
        for (name, version) in deps {
            let _ = writeln!(text, "- {name} {}", version.as_str().unwrap_or("?"));
        }
    }
    let _ = writeln!(
        text,
        "\n| library | raw bytes | gzip bytes | brotli bytes |\n|---|---:|---:|---:|"
    );
    for (name, size) in sizes.iter().filter(|(name, _)| *name != "lindung") {
        let _ = writeln!(
            text,
            "| {name} | {} | {} | {} |",
            field(size, "raw"),
            field(size, "gzip"),
            field(size, "brotli")
        );
    }
    let path = root.join("bench").join("anchors.md");
    fs::write(&path, text).map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}

/// The date and the sizes in `bench/anchors.md`.
fn read_anchors(root: &Path) -> Result<(String, BTreeMap<String, Value>), String> {
    let path = root.join("bench").join("anchors.md");
    let text =
        fs::read_to_string(&path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    let date = text
        .split_once("measured ")
        .and_then(|(_, rest)| rest.split_once(" by"))
        .map_or_else(|| "undated".to_owned(), |(date, _)| date.to_owned());
    let mut sizes = BTreeMap::new();
    for line in text.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if let [name, raw, gzip, brotli] = cells[..] {
            if let (Ok(raw), Ok(gzip), Ok(brotli)) = (
                raw.parse::<u64>(),
                gzip.parse::<u64>(),
                brotli.parse::<u64>(),
            ) {
                sizes.insert(
                    name.to_owned(),
                    serde_json::json!({ "raw": raw, "gzip": gzip, "brotli": brotli }),
                );
            }
        }
    }
    Ok((date, sizes))
}

/// Script load to `lindung-ready` and the per-change re-evaluation in headless Chromium.
fn browser(root: &Path) -> Result<Value, String> {
    node_json(
        Command::new("node")
            .current_dir(root.join("www"))
            .arg("test/perf.mjs")
            .arg(root.join(CASES[0].2)),
    )
}

fn table(rows: &[Row]) -> String {
    let mut text = String::from("| group | measure | figure | ratio |\n|---|---|---|---|\n");
    for row in rows {
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} |",
            row.group, row.measure, row.figure, row.ratio
        );
    }
    text
}

fn report(table: &str, notes: &[String]) -> String {
    let mut text = String::from(
        "# Benchmark results\n\nWritten by `cargo xtask bench`; every figure is from one run.\n\n",
    );
    let _ = writeln!(text, "Date: {}\n", date());
    let _ = writeln!(text, "Machine: {}\n", machine());
    text.push_str(table);
    text.push('\n');
    for note in notes {
        let _ = writeln!(text, "- {note}");
    }
    text
}

pub(crate) fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, usize::from);
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU", |(_, m)| m.trim());
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or_else(
            || "unknown memory".to_owned(),
            |kb| format!("{:.1} GiB", kb / 1024.0 / 1024.0),
        );
    format!("{cpus} CPUs (nproc), {model}, {memory} memory")
}

pub(crate) fn date() -> String {
    Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "unknown date".to_owned())
}

fn micros(nanos: f64) -> String {
    format!("{:.1} µs", nanos / 1000.0)
}

fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1024.0)
}

fn verdict(held: bool) -> &'static str {
    if held {
        "held"
    } else {
        "NOT held"
    }
}

fn field(value: &Value, name: &str) -> f64 {
    value.get(name).and_then(Value::as_f64).unwrap_or(0.0)
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("cannot read `{}`: {e}", path.display()))
}

/// Runs a Node script and reads the JSON object it prints last.
fn node_json(command: &mut Command) -> Result<Value, String> {
    last_json(command, " (install Node.js 20 or newer)")
}

/// Runs a command and reads the JSON on the last line it prints; `hint` follows a failure to
/// start it.
fn last_json(command: &mut Command, hint: &str) -> Result<Value, String> {
    let shown = format!("{command:?}");
    let out = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {shown}: {e}{hint}"))?;
    if !out.status.success() {
        return Err(format!("{shown} failed with {}", out.status));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    serde_json::from_str(last).map_err(|e| format!("{shown} printed no JSON: {e}"))
}
