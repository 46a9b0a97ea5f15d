//! The command line: flags, the commands, and the exit code.
//!
//! Exit codes: 0 when no finding is at or above `--fail-on`, 1 when some is,
//! 2 for usage errors (bad flags, missing paths, broken rule files). A closed
//! pipe (`alinea check | head`) ends quietly with 0.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::dsl::CheckedRule;
use crate::plan::model::Date;
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
    /// Browse the findings, traces, coverage and profiles in the terminal.
    Browse(BrowseArgs),
    /// Print a rule's documentation, severity, pillar, source and text.
    Explain(ExplainArgs),
    /// Write the current findings as a baseline file.
    Baseline(BaselineArgs),
    /// Export the resolved trace graph (dot, mermaid or json), broken links and gaps marked.
    Graph(GraphArgs),
    /// List, check and test rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// Every loaded rule: id, slug, severity, pillar, title.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Parse and type-check rule files only (with the default pack, unless left out).
    Check {
        /// Rule files or folders (default: only the default pack).
        files: Vec<PathBuf>,
        /// Leave the default pack out.
        #[arg(long)]
        no_default_rules: bool,
    },
    /// Run rule fixture cases (`# expect: ID` comments); default: the default pack's cases.
    Test {
        /// Folders of cases (default: the cases compiled into alinea).
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        rules: RuleArgs,
        /// The date waivers expire against (YYYY-MM-DD; default: today).
        #[arg(long)]
        as_of: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    /// One line per rule.
    Human,
    /// An array of objects: id, slug, severity, pillar, title, builtin.
    Json,
    /// The rule reference: every rule's documentation and text, as Markdown.
    Markdown,
}

#[derive(Debug, Clone, clap::Args)]
struct RuleArgs {
    /// Extra rule files or folders (repeatable; added to the default pack).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<PathBuf>,
    /// Leave the default pack out.
    #[arg(long)]
    no_default_rules: bool,
}

#[derive(Debug, clap::Args)]
struct BaselineArgs {
    #[command(flatten)]
    run: RunArgs,
    /// Where to write the baseline (default: the configuration's `baseline`, else `alinea-baseline.json`).
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// What every command that checks plans takes: paths, rules, configuration, date.
#[derive(Debug, clap::Args)]
struct RunArgs {
    /// Files and folders to check.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    config: ConfigArgs,
    /// The date waivers expire against (YYYY-MM-DD; default: today).
    #[arg(long)]
    as_of: Option<String>,
}

impl RunArgs {
    /// The options of a run: `--as-of`, the configuration (its rule paths first, then
    /// `--rules`); no baseline.
    fn options(&self) -> Result<crate::CheckOptions, ExitStatus> {
        let as_of = parse_as_of(self.as_of.as_deref())?;
        let config = load_config(&self.config)?;
        let mut rule_paths = config.as_ref().map(|c| c.rules.clone()).unwrap_or_default();
        rule_paths.extend(self.rules.rules.iter().cloned());
        Ok(crate::CheckOptions {
            paths: self.paths.clone(),
            rules: rule_paths,
            no_default_rules: self.rules.no_default_rules,
            as_of,
            config,
            baseline: None,
        })
    }
}

#[derive(Debug, clap::Args)]
struct GraphArgs {
    /// Files and folders to check.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = crate::export::GraphFormat::Dot)]
    format: crate::export::GraphFormat,
    /// Write the graph to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Debug, Clone, clap::Args)]
struct ConfigArgs {
    /// The configuration file (default: `alinea.yaml` in this folder or above).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct BrowseArgs {
    #[command(flatten)]
    run: RunArgs,
    /// When to use colours (`NO_COLOR` is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, clap::Args)]
struct ExplainArgs {
    /// A rule id or slug (`ART-01`, `objective-not-articulated`).
    rule: String,
    #[command(flatten)]
    rules: RuleArgs,
}

#[derive(Debug, clap::Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each bool is a command-line switch"
)]
struct CheckArgs {
    #[command(flatten)]
    run: RunArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Only report these rules (ids, slugs or prefixes such as `IND`).
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    select: Vec<String>,
    /// Do not report these rules (ids, slugs or prefixes).
    #[arg(long, value_delimiter = ',', num_args = 1..)]
    ignore: Vec<String>,
    /// The lowest severity that makes the run fail, exit 1 (default: the configuration's, else error).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Do not report the findings of this baseline file; list those that are fixed.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Print a count per rule instead of the findings.
    #[arg(long)]
    statistics: bool,
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
    let status = match args.command {
        Command::Check(check) => run_check(&check),
        Command::Browse(browse) => run_browse(&browse),
        Command::Explain(explain) => run_explain(&explain),
        Command::Baseline(baseline) => run_baseline(&baseline),
        Command::Graph(graph) => run_graph(&graph),
        Command::Rules { command } => match command {
            RulesCommand::List { format, rules } => run_rules_list(format, &rules),
            RulesCommand::Check {
                files,
                no_default_rules,
            } => run_rules_check(files, no_default_rules),
            RulesCommand::Test { dirs, rules, as_of } => {
                run_rules_test(&dirs, &rules, as_of.as_deref())
            }
        },
    };
    status.into()
}

fn terminal_style(to_terminal: bool, color: ColorChoice, quiet: bool) -> Style {
    Style {
        color: match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        },
        quiet,
        width: std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(100),
    }
}

fn parse_as_of(text: Option<&str>) -> Result<Option<Date>, ExitStatus> {
    match text {
        None => Ok(None),
        Some(text) => Date::parse(text).map(Some).ok_or_else(|| {
            eprintln!("error: `--as-of {text}` is not a date written YYYY-MM-DD");
            ExitStatus::Usage
        }),
    }
}

/// Loads the rules of a command; broken rules are printed and end the run with exit 2.
fn load_rules(rules: &RuleArgs) -> Result<Vec<CheckedRule>, ExitStatus> {
    let options = crate::CheckOptions {
        rules: rules.rules.clone(),
        no_default_rules: rules.no_default_rules,
        ..crate::CheckOptions::default()
    };
    let mut sources = crate::source::SourceDb::new();
    crate::load_rules(&options, &mut sources).map_err(report_check_error)
}

fn report_check_error(error: crate::CheckError) -> ExitStatus {
    match error {
        crate::CheckError::MissingPath(error) => eprintln!("error: {error}"),
        crate::CheckError::RulePath(message) => eprintln!("error: {message}"),
        crate::CheckError::Rules { errors, sources } => {
            let style = terminal_style(io::stderr().is_terminal(), ColorChoice::Auto, false);
            let stderr = io::stderr();
            let mut out = stderr.lock();
            let _ = crate::render::human::render_diagnostics(&errors, &sources, style, &mut out);
            let count = errors.len();
            let _ = writeln!(
                out,
                "error: {count} problem{} in rule files; no plan was checked",
                if count == 1 { "" } else { "s" }
            );
        }
    }
    ExitStatus::Usage
}

fn run_browse(args: &BrowseArgs) -> ExitStatus {
    let options = match args.run.options() {
        Ok(options) => options,
        Err(status) => return status,
    };
    // Broken rules and missing paths are reported before the terminal is taken over.
    let mut sources = crate::source::SourceDb::new();
    if let Err(error) = crate::load_rules(&options, &mut sources) {
        return report_check_error(error);
    }
    if let Err(error) = crate::discover::discover(&options.paths) {
        eprintln!("error: {error}");
        return ExitStatus::Usage;
    }
    let style = crate::tui::TuiStyle {
        color: terminal_style(io::stdout().is_terminal(), args.color, false).color,
    };
    match crate::tui::run(&options, style) {
        Ok(()) => ExitStatus::Clean,
        Err(error) => {
            eprintln!("error: {error}");
            ExitStatus::Usage
        }
    }
}

/// The configuration: `--config FILE`, else `alinea.yaml` found from the current folder upwards.
fn load_config(args: &ConfigArgs) -> Result<Option<crate::config::Config>, ExitStatus> {
    let path = match &args.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|cwd| crate::config::find(&cwd)),
    };
    let Some(path) = path else { return Ok(None) };
    match crate::config::load(&path) {
        Ok(config) => Ok(Some(config)),
        Err(error) => {
            if let Some(message) = error.message {
                eprintln!("error: {message}");
            }
            if !error.diagnostics.is_empty() {
                let style = terminal_style(io::stderr().is_terminal(), ColorChoice::Auto, false);
                let stderr = io::stderr();
                let mut out = stderr.lock();
                let _ = crate::render::human::render_diagnostics(
                    &error.diagnostics,
                    &error.sources,
                    style,
                    &mut out,
                );
                let _ = writeln!(
                    out,
                    "error: the configuration `{}` is not valid; nothing was checked",
                    crate::source::display_path(&path)
                );
            }
            Err(ExitStatus::Usage)
        }
    }
}

fn run_baseline(args: &BaselineArgs) -> ExitStatus {
    let options = match args.run.options() {
        Ok(options) => options,
        Err(status) => return status,
    };
    let output = args
        .output
        .clone()
        .or_else(|| options.config.as_ref().and_then(|c| c.baseline.clone()))
        .unwrap_or_else(|| PathBuf::from(crate::baseline::FILE_NAME));
    let run = match crate::check(&options) {
        Ok(run) => run,
        Err(error) => return report_check_error(error),
    };
    let text = crate::baseline::write(&run.report.findings, &run.sources);
    if let Err(error) = std::fs::write(&output, text) {
        eprintln!(
            "error: cannot write `{}`: {}",
            output.display(),
            crate::discover::io_message(&error)
        );
        return ExitStatus::Usage;
    }
    eprintln!(
        "wrote {} finding{} to {}",
        run.report.findings.len(),
        if run.report.findings.len() == 1 {
            ""
        } else {
            "s"
        },
        crate::source::display_path(&output)
    );
    ExitStatus::Clean
}

fn run_graph(args: &GraphArgs) -> ExitStatus {
    let config = match load_config(&args.config) {
        Ok(config) => config,
        Err(status) => return status,
    };
    let exclude = config.as_ref().map(|c| (c.dir(), c.exclude.as_slice()));
    let inputs = match crate::discover::discover_excluding(&args.paths, exclude) {
        Ok(inputs) => inputs,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitStatus::Usage;
        }
    };
    let mut sources = crate::source::SourceDb::new();
    let loaded = crate::plan::load(&inputs, &mut sources);
    let (graph, _) = crate::graph::build(loaded.plans);
    let text = crate::export::export(&graph, args.format);
    match &args.output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitStatus::Clean,
            Err(error) => {
                eprintln!(
                    "error: cannot write `{}`: {}",
                    path.display(),
                    crate::discover::io_message(&error)
                );
                ExitStatus::Usage
            }
        },
        None => print_or_pipe(&text),
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
    let mut options = match args.run.options() {
        Ok(options) => options,
        Err(status) => return status,
    };
    let config = options.config.as_ref();
    let baseline_path = args
        .baseline
        .clone()
        .or_else(|| config.as_ref().and_then(|c| c.baseline.clone()));
    let baseline = match &baseline_path {
        Some(path) => match crate::baseline::read(path) {
            Ok(entries) => Some(entries),
            Err(message) => {
                eprintln!("error: {message}");
                if args.baseline.is_none() {
                    eprintln!(
                        "  help: the configuration names this baseline; create it with `alinea baseline`"
                    );
                }
                return ExitStatus::Usage;
            }
        },
        None => None,
    };
    let select: Vec<String> = if args.select.is_empty() {
        config
            .as_ref()
            .and_then(|c| c.select.clone())
            .unwrap_or_default()
    } else {
        args.select.clone()
    };
    let ignore: Vec<String> = if args.ignore.is_empty() {
        config
            .as_ref()
            .map(|c| c.ignore.clone())
            .unwrap_or_default()
    } else {
        args.ignore.clone()
    };
    let fail_on = match args.fail_on {
        Some(FailOn::Error) => Severity::Error,
        Some(FailOn::Warning) => Severity::Warning,
        Some(FailOn::Info) => Severity::Info,
        None => config
            .as_ref()
            .and_then(|c| c.fail_on)
            .unwrap_or(Severity::Error),
    };
    options.baseline = baseline;
    let mut run = match crate::check(&options) {
        Ok(run) => run,
        Err(error) => return report_check_error(error),
    };
    let known: Vec<(String, String)> = crate::BUILTIN_CHECKS
        .iter()
        .map(|c| (c.id.to_owned(), c.slug.to_owned()))
        .chain(
            run.rules
                .iter()
                .map(|r| (r.meta().id.clone(), r.meta().slug.clone())),
        )
        .collect();
    let overridden = options
        .config
        .iter()
        .flat_map(|c| c.severity.iter().map(|(rule, _)| rule));
    for rule in overridden {
        if !known.iter().any(|(id, slug)| id == rule || slug == rule) {
            let hint = rule_hint(&known, rule);
            eprintln!(
                "error: the configuration sets the severity of `{rule}`, which names no rule{hint}"
            );
            return ExitStatus::Usage;
        }
    }
    for pattern in select.iter().chain(&ignore) {
        if !known
            .iter()
            .any(|(id, slug)| matches_rule(pattern, id, slug))
        {
            let hint = rule_hint(&known, pattern);
            eprintln!(
                "error: `{pattern}` names no rule (give an id such as `REF-01`, a slug, or a prefix such as `REF`){hint}"
            );
            return ExitStatus::Usage;
        }
    }
    run.report.findings.retain(|finding| {
        (select.is_empty()
            || select
                .iter()
                .any(|p| matches_rule(p, &finding.rule, &finding.slug)))
            && !ignore
                .iter()
                .any(|p| matches_rule(p, &finding.rule, &finding.slug))
    });
    // The profiles follow what the report shows.
    run.report.profiles = crate::profiles(&run.graph, &run.report.findings);
    let threshold = fail_on;
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let style = terminal_style(to_terminal, args.color, args.quiet);
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
    let status = if run.report.fails(threshold) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    };
    // The process ends right after: handing hundreds of thousands of small allocations
    // back one by one would cost seconds on large repositories for nothing.
    std::mem::forget(run);
    status
}

fn write_report(
    args: &CheckArgs,
    run: &crate::Run,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    if args.statistics {
        return crate::render::statistics(args.format, &run.report, style, out);
    }
    crate::render::render(args.format, &run.report, &run.sources, style, out)?;
    if args.verbose && args.format == Format::Human {
        for skipped in &run.report.skipped {
            writeln!(out, "skipped (not a plan): {skipped}")?;
        }
    }
    Ok(())
}

/// "did you mean" for a rule name among (id, slug) pairs, as a help line (or nothing).
fn rule_hint(known: &[(String, String)], name: &str) -> String {
    let names = known
        .iter()
        .flat_map(|(id, slug)| [id.as_str(), slug.as_str()]);
    crate::suggest::did_you_mean(name, names).map_or_else(String::new, |h| format!("\n  help: {h}"))
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

fn run_explain(args: &ExplainArgs) -> ExitStatus {
    let rules = match load_rules(&args.rules) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let all = crate::docs::listed(&rules);
    let Some(rule) = all
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(&args.rule) || r.slug == args.rule)
    else {
        let names = all.iter().flat_map(|r| [r.id.as_str(), r.slug.as_str()]);
        let hint = crate::suggest::did_you_mean(&args.rule, names)
            .map_or_else(String::new, |h| format!("\n  help: {h}"));
        eprintln!("error: no rule is named `{}`{hint}", args.rule);
        return ExitStatus::Usage;
    };
    let mut text = format!("{} {}: {}\n\n", rule.id, rule.slug, rule.title);
    text.push_str(&format!("severity  {}\n", rule.severity));
    text.push_str(&format!("pillar    {}\n", rule.pillar.unwrap_or("—")));
    if let Some(origin) = rule.origin() {
        text.push_str(&format!("source    {origin}\n"));
    }
    if rule.builtin {
        text.push_str("kind      built-in check (runs without rule files)\n");
    }
    for (label, body) in &rule.sections {
        text.push_str(&format!("\n{label}:\n{}\n", wrap(body, 88, "  ")));
    }
    if let Some(rule_text) = rule.rule_text() {
        text.push_str("\nRule:\n");
        for line in rule_text.lines() {
            text.push_str(&format!("  {line}\n"));
        }
    }
    print_or_pipe(&text)
}

fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(format!("{indent}{line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(format!("{indent}{line}"));
    }
    lines.join("\n")
}

fn print_or_pipe(text: &str) -> ExitStatus {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitStatus::Clean,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitStatus::Clean,
        Err(error) => {
            eprintln!("error: {}", crate::discover::io_message(&error));
            ExitStatus::Usage
        }
    }
}

fn run_rules_list(format: ListFormat, args: &RuleArgs) -> ExitStatus {
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let all = crate::docs::listed(&rules);
    let text = match format {
        ListFormat::Markdown => crate::docs::rule_reference(&rules),
        ListFormat::Json => {
            let items: Vec<serde_json::Value> = all
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "slug": r.slug,
                        "severity": r.severity.as_str(),
                        "pillar": r.pillar,
                        "title": r.title,
                        "builtin": r.builtin,
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&items).unwrap_or_default();
            text.push('\n');
            text
        }
        ListFormat::Human => {
            let slug_width = all.iter().map(|r| r.slug.len()).max().unwrap_or(0);
            let mut text = String::new();
            for r in &all {
                text.push_str(&format!(
                    "{:<8} {:<slug_width$}  {:<7}  {:<10}  {}\n",
                    r.id,
                    r.slug,
                    r.severity.as_str(),
                    r.pillar.unwrap_or("—"),
                    r.title
                ));
            }
            text.push_str(&format!(
                "{} rules ({} built-in checks)\n",
                all.len(),
                all.iter().filter(|r| r.builtin).count()
            ));
            text
        }
    };
    print_or_pipe(&text)
}

fn run_rules_check(files: Vec<PathBuf>, no_default_rules: bool) -> ExitStatus {
    let args = RuleArgs {
        rules: files,
        no_default_rules,
    };
    match load_rules(&args) {
        Ok(rules) => print_or_pipe(&format!("{} rules parse and type-check\n", rules.len())),
        Err(status) => status,
    }
}

fn run_rules_test(dirs: &[PathBuf], args: &RuleArgs, as_of: Option<&str>) -> ExitStatus {
    let as_of = match parse_as_of(as_of) {
        Ok(as_of) => as_of.unwrap_or_else(crate::waiver::today),
        Err(status) => return status,
    };
    let rules = match load_rules(args) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let files = if dirs.is_empty() {
        crate::dsl::RULE_CASES
            .iter()
            .map(|(path, text)| (PathBuf::from(path), (*text).to_owned()))
            .collect()
    } else {
        match crate::cases::read_dirs(dirs) {
            Ok(files) => files,
            Err(message) => {
                eprintln!("error: {message}");
                return ExitStatus::Usage;
            }
        }
    };
    let mut known: Vec<String> = rules.iter().map(|r| r.meta().id.clone()).collect();
    known.extend(crate::BUILTIN_CHECKS.iter().map(|c| c.id.to_owned()));
    let cases = crate::cases::group(files, &known);
    if cases.is_empty() {
        eprintln!(
            "error: no case found (a case is a folder of plan files with `# expect:` comments)"
        );
        return ExitStatus::Usage;
    }
    let mut text = String::new();
    let mut failed = 0;
    for case in &cases {
        let result = crate::cases::run(case, &rules, as_of);
        if result.passed() {
            text.push_str(&format!("ok     {}\n", result.name));
            continue;
        }
        failed += 1;
        text.push_str(&format!("FAILED {}\n", result.name));
        for (file, line, rule) in &result.missing {
            text.push_str(&format!("  missing     {rule} at {file}:{line}\n"));
        }
        for ((file, line, rule), message) in &result.unexpected {
            text.push_str(&format!(
                "  unexpected  {rule} at {file}:{line}: {message}\n"
            ));
        }
    }
    text.push_str(&format!(
        "{} cases: {} passed, {failed} failed\n",
        cases.len(),
        cases.len() - failed
    ));
    let status = print_or_pipe(&text);
    if status == ExitStatus::Clean && failed > 0 {
        ExitStatus::Findings
    } else {
        status
    }
}
