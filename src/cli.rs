//! The command line: flags, the run, and the exit code.
//!
//! Exit codes: 0 when no finding is at or above `--fail-on`, 1 when some is,
//! 2 for usage errors. A closed pipe (`alinea check | head`) ends quietly with 0.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::render::{Format, Style};
use crate::report::Severity;

/// Checks that Peru's public plans are aligned (SINAPLAN / CEPLAN).
#[derive(Debug, Parser)]
#[command(name = "alinea", version, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lint the plan files under the paths and print the findings.
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files and folders to check.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Only report these rules (ids, slugs or prefixes such as `REF`).
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    select: Vec<String>,
    /// Do not report these rules (ids, slugs or prefixes).
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    ignore: Vec<String>,
    /// The lowest severity that makes the run fail (exit 1).
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Parse files with this many threads (default: one per core).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// When to use colours (`NO_COLOR` is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print only the summary.
    #[arg(long, short)]
    quiet: bool,
    /// Also list the YAML files skipped because they are not plans.
    #[arg(long, short)]
    verbose: bool,
    /// Print how long each stage took, on standard error.
    #[arg(long)]
    timings: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// No finding at or above the failing severity.
    Clean,
    /// Findings at or above the failing severity.
    Findings,
    /// Usage or IO error.
    Usage,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Clean => Self::SUCCESS,
            ExitStatus::Findings => Self::from(1),
            ExitStatus::Usage => Self::from(2),
        }
    }
}

/// Parses the command line, runs the command, and returns the exit code.
#[must_use]
pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) => {
            let usage = error.use_stderr();
            // `--help` and `--version` print to stdout and succeed; usage errors exit 2.
            let _ = error.print();
            return if usage {
                ExitStatus::Usage
            } else {
                ExitStatus::Clean
            }
            .into();
        }
    };
    match args.command {
        Command::Check(check) => run_check(&check).into(),
    }
}

fn run_check(args: &CheckArgs) -> ExitStatus {
    if let Some(jobs) = args.jobs {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global();
        if let Err(error) = pool {
            eprintln!("error: cannot start {jobs} threads: {error}");
            return ExitStatus::Usage;
        }
    }
    for pattern in args.select.iter().chain(&args.ignore) {
        if !crate::BUILTIN_CHECKS
            .iter()
            .any(|check| matches_rule(pattern, check.id, check.slug))
        {
            let known = crate::BUILTIN_CHECKS.iter().flat_map(|c| [c.id, c.slug]);
            let hint = crate::suggest::did_you_mean(pattern, known)
                .map_or_else(String::new, |h| format!("\n  help: {h}"));
            eprintln!(
                "error: `{pattern}` names no rule (give an id such as `REF-01`, a slug, or a prefix such as `REF`){hint}"
            );
            return ExitStatus::Usage;
        }
    }
    let options = crate::CheckOptions {
        paths: args.paths.clone(),
    };
    let mut run = match crate::check(&options) {
        Ok(run) => run,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitStatus::Usage;
        }
    };
    run.report.findings.retain(|finding| {
        (args.select.is_empty()
            || args
                .select
                .iter()
                .any(|p| matches_rule(p, &finding.rule, &finding.slug)))
            && !args
                .ignore
                .iter()
                .any(|p| matches_rule(p, &finding.rule, &finding.slug))
    });
    let threshold = match args.fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let style = Style {
        color: match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        },
        quiet: args.quiet,
        width: std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(100),
    };
    let written = if let Some(path) = &args.output {
        std::fs::File::create(path).and_then(|file| {
            let mut out = io::BufWriter::new(file);
            write_report(args, &run, style, &mut out)?;
            out.flush()
        })
    } else {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        write_report(args, &run, style, &mut out).and_then(|()| out.flush())
    };
    if args.timings {
        for (stage, duration) in &run.timings {
            eprintln!("{:>10.1} ms  {stage}", duration.as_secs_f64() * 1000.0);
        }
    }
    match written {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return ExitStatus::Clean,
        Err(error) => {
            eprintln!(
                "error: cannot write the report: {}",
                crate::discover::io_message(&error)
            );
            return ExitStatus::Usage;
        }
    }
    if run.report.fails(threshold) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

fn write_report(
    args: &CheckArgs,
    run: &crate::Run,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    crate::render::render(args.format, &run.report, &run.sources, style, out)?;
    if args.verbose && args.format == Format::Human {
        for skipped in &run.report.skipped {
            writeln!(out, "skipped (not a plan): {skipped}")?;
        }
    }
    Ok(())
}

/// Whether a `--select`/`--ignore` pattern names a rule: its id, its slug, or a prefix of its id.
#[must_use]
pub fn matches_rule(pattern: &str, id: &str, slug: &str) -> bool {
    let pattern = pattern.trim();
    !pattern.is_empty()
        && (pattern.eq_ignore_ascii_case(id)
            || pattern == slug
            || id
                .get(..pattern.len())
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case(pattern)))
}
