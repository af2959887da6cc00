//! `lindung`: validate and assess KTK/KPO assessments from the command line.
//!
//! Exit codes: 0 ok, 1 invalid input, 2 usage or I/O error.

mod examples;
mod input;
mod report;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use lindung::directory::Directory;
use lindung::rules::RuleSet;
use lindung::{Engine, Lang};

use input::Source;

/// Validate and assess assessments of victims of violence (KTK) and trafficking (KPO).
///
/// lindung is decision support, not a decision: every conclusion names the rules and answers
/// behind it.
#[derive(Debug, Parser)]
#[command(name = "lindung", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check assessments against the contract: JSON files, JSON Lines (`.jsonl`) or `-` for stdin.
    Validate {
        /// Files to check; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<String>,
        /// Treat every input as JSON Lines, one assessment a line.
        #[arg(long)]
        lines: bool,
        #[command(flatten)]
        output: Output,
    },
    /// Assess one assessment: risk, trafficking, referrals, completeness.
    Assess {
        /// The assessment, or `-` for standard input.
        file: String,
        /// An agency's own rule set instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        rules: Option<String>,
        /// An agency's own service directory instead of the built-in one.
        #[arg(long, value_name = "FILE")]
        directory: Option<String>,
        #[command(flatten)]
        output: Output,
    },
    /// Print a published JSON Schema: assessment, problem, rules, result, directory.
    Schema {
        /// The schema's name.
        name: String,
    },
    /// Print a built-in example assessment; without a name, list them.
    Example {
        /// The example's name.
        name: Option<String>,
    },
    /// Check or show rule sets.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Check or show service directories.
    #[command(subcommand)]
    Directory(DirectoryCommand),
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// Check a rule set file.
    Check {
        /// The rule set.
        file: String,
    },
    /// Print a rule set as a readable catalogue (the built-in one by default).
    Show {
        /// A rule set file instead of the built-in one.
        file: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum DirectoryCommand {
    /// Check a directory file.
    Check {
        /// The directory.
        file: String,
    },
    /// Print a directory as a readable table (the built-in one by default).
    Show {
        /// A directory file instead of the built-in one.
        file: Option<String>,
    },
}

#[derive(Debug, Clone, clap::Args)]
struct Output {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of messages and labels.
    #[arg(long, value_enum, default_value_t = LangArg::Id)]
    lang: LangArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Id,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

/// What a command found, as an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    Invalid,
}

/// A usage or I/O failure: exit code 2.
#[derive(Debug)]
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Failure {
        Failure(error.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Invalid) => ExitCode::from(1),
        Err(Failure(message)) => {
            if message.contains("Broken pipe") {
                return ExitCode::SUCCESS;
            }
            eprintln!("lindung: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<Outcome, Failure> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let outcome = match command {
        Command::Validate {
            files,
            lines,
            output,
        } => validate(&mut out, &files, lines, &output)?,
        Command::Assess {
            file,
            rules,
            directory,
            output,
        } => {
            let engine = engine(rules.as_deref(), directory.as_deref())?;
            let source = Source::new(&file);
            let bytes = read(&source)?;
            let result = engine.assess_json(&bytes, output.lang.into());
            match output.format {
                Format::Json => writeln!(out, "{}", report::to_json(&result)?)?,
                Format::Text => report::result_text(
                    &mut out,
                    &source.name,
                    &bytes,
                    &result,
                    output.lang.into(),
                )?,
            }
            if result.valid {
                Outcome::Ok
            } else {
                Outcome::Invalid
            }
        }
        Command::Schema { name } => {
            let text = lindung::schema::schema_json(&name).ok_or_else(|| {
                Failure(format!("no schema named `{name}`; the schemas are: assessment, problem, rules, result, directory"))
            })?;
            writeln!(out, "{text}")?;
            Outcome::Ok
        }
        Command::Example { name } => examples::print(&mut out, name.as_deref())?,
        Command::Rules(RulesCommand::Check { file }) => {
            let bytes = read(&Source::new(&file))?;
            let checked = RuleSet::from_json(&bytes).map(|rules| {
                let doc = rules.document();
                format!("rule set `{}` version {} is valid", doc.id, doc.version)
            });
            // An error inside the file is placed at its line and column, as a compiler does.
            let place = checked
                .as_ref()
                .err()
                .and_then(|error| error.pointer())
                .and_then(|pointer| lindung::json::locate(&bytes, pointer))
                .map(|(line, column)| format!("{file}:{line}:{column}"));
            report_check(&mut out, place.as_deref().unwrap_or(&file), checked)?
        }
        Command::Rules(RulesCommand::Show { file }) => {
            let rules = match file {
                Some(file) => load_rules(&file)?,
                None => RuleSet::builtin(),
            };
            write!(out, "{}", lindung::rules::rules_markdown(&rules))?;
            Outcome::Ok
        }
        Command::Directory(DirectoryCommand::Check { file }) => {
            let bytes = read(&Source::new(&file))?;
            let checked = Directory::from_json(&bytes).map(|directory| {
                let providers = directory.providers.len();
                format!(
                    "directory `{}` with {providers} providers is valid",
                    directory.id
                )
            });
            report_check(&mut out, &file, checked)?
        }
        Command::Directory(DirectoryCommand::Show { file }) => {
            let directory = match file {
                Some(file) => load_directory(&file)?,
                None => Directory::builtin(),
            };
            write!(
                out,
                "{}",
                lindung::directory::directory_markdown(&directory)
            )?;
            Outcome::Ok
        }
    };
    out.flush()?;
    Ok(outcome)
}

/// Prints what checking a configuration file found: exit 0 when it is valid, 1 when not.
fn report_check<E: std::fmt::Display>(
    out: &mut impl Write,
    file: &str,
    checked: Result<String, E>,
) -> Result<Outcome, Failure> {
    match checked {
        Ok(summary) => {
            writeln!(out, "{file}: {summary}")?;
            Ok(Outcome::Ok)
        }
        Err(error) => {
            writeln!(out, "{file}: {error}")?;
            Ok(Outcome::Invalid)
        }
    }
}

fn read(source: &Source) -> Result<Vec<u8>, Failure> {
    source
        .read_document()
        .map_err(|e| Failure(format!("cannot read `{}`: {e}", source.name)))
}

fn load_rules(file: &str) -> Result<RuleSet, Failure> {
    let bytes = read(&Source::new(file))?;
    RuleSet::from_json(&bytes).map_err(|e| Failure(format!("rule set `{file}`: {e}")))
}

fn load_directory(file: &str) -> Result<Directory, Failure> {
    let bytes = read(&Source::new(file))?;
    Directory::from_json(&bytes).map_err(|e| Failure(format!("directory `{file}`: {e}")))
}

fn engine(rules: Option<&str>, directory: Option<&str>) -> Result<Engine, Failure> {
    let rules = match rules {
        Some(file) => load_rules(file)?,
        None => RuleSet::builtin(),
    };
    let directory = match directory {
        Some(file) => load_directory(file)?,
        None => Directory::builtin(),
    };
    Ok(Engine::new(rules, directory))
}

fn validate<W: Write>(
    out: &mut W,
    files: &[String],
    force_lines: bool,
    output: &Output,
) -> Result<Outcome, Failure> {
    let lang: Lang = output.lang.into();
    let json = output.format == Format::Json;
    let mut outcome = Outcome::Ok;
    let mut tally = report::Tally::default();
    // One document, whole or one line of a JSON Lines input: checked and reported alike.
    let mut check = |out: &mut W, file: &str, line: Option<usize>, bytes: &[u8]| {
        let checked = lindung::parse::check(bytes, lang);
        let place = report::Place { file, line, bytes };
        if !report::problems(out, json, &place, &checked.problems, &mut tally)? {
            outcome = Outcome::Invalid;
        }
        Ok::<(), Failure>(())
    };
    for file in files {
        let source = Source::new(file);
        if force_lines || source.is_json_lines() {
            let reader = source
                .open()
                .map_err(|e| Failure(format!("cannot read `{file}`: {e}")))?;
            for line in input::lines(reader) {
                let line = line.map_err(|e| Failure(format!("cannot read `{file}`: {e}")))?;
                check(out, file, Some(line.number), &line.bytes)?;
            }
        } else {
            check(out, file, None, &read(&source)?)?;
        }
    }
    if output.format == Format::Text && tally.documents > 1 {
        tally.summary(out, lang)?;
    }
    Ok(outcome)
}
