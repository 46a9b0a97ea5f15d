//! The command line: flags, the commands, and the exit code.
//!
//! Exit codes: 0 when no finding is at or above `--fail-on`, 1 when some is,
//! 2 for usage errors (bad flags, missing paths, broken rule files). A closed
//! pipe (`alinea check | head`) ends quietly with 0.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::dsl::CheckedRule;
use crate::i18n::Lang;
use crate::plan::model::Date;
use crate::render::{Format, Style};
use crate::report::Severity;
use crate::tr;

mod spreadsheet;

/// Checks that Peru's public plans are aligned (SINAPLAN / CEPLAN).
#[derive(Debug, Parser)]
#[command(name = "alinea", version, about, long_about = None, disable_help_subcommand = true)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
    /// The language of every text a person reads: es or en (default: `lang:` in alinea.yaml,
    /// else `ALINEA_LANG`, else the locale, else en).
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Es,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Es => Self::Es,
            LangArg::En => Self::En,
        }
    }
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
    /// Serve the Language Server Protocol on standard input and output, for editors.
    Lsp,
    /// List, check and test rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Import a PEI's matrices from a workbook (xlsx, xls, ods) into a plan file.
    Import(spreadsheet::ImportArgs),
    /// Create plans: a PEI and its POI stub from CEPLAN's municipal catalogue.
    New {
        #[command(subcommand)]
        command: spreadsheet::NewCommand,
    },
    /// Export a plan to CEPLAN's annexes, as an xlsx workbook.
    Export(spreadsheet::ExportArgs),
    /// Print this message or the help of the given subcommand(s).
    Help {
        /// The command (and subcommand) to describe.
        command: Vec<String>,
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

/// What every command that checks plans takes: paths, rules, configuration, date, and the
/// run's policy (`--select`, `--ignore`, `--fail-on`). One place builds a run's options
/// from them, so `check`, `browse`, `baseline` and `graph` see the same findings.
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
    /// Only report these rules: ids, slugs or families such as `IND`, comma-separated
    /// (`--select IND,ART-01`); repeatable.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Do not report these rules: ids, slugs or families, comma-separated; repeatable.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// The lowest severity that makes the run fail, exit 1 (default: the configuration's, else error).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
}

impl RunArgs {
    /// The options of a run: the configuration (`--config`, else the nearest `alinea.yaml`
    /// above the paths, else above the current folder), the repository root, the rules (the
    /// configuration's paths first, then `--rules`) and the policy flags.
    fn options(&self, lang: Option<Lang>) -> Result<crate::CheckOptions, ExitStatus> {
        let as_of = parse_as_of(self.as_of.as_deref(), Lang::choose(lang, None))?;
        let config = load_config(&self.config, &self.paths, Lang::choose(lang, None))?;
        let lang = Lang::choose(lang, config.as_ref().and_then(|c| c.lang));
        let mut rule_paths = config.as_ref().map(|c| c.rules.clone()).unwrap_or_default();
        rule_paths.extend(self.rules.rules.iter().cloned());
        let root = crate::discover::repository_root(
            &self.paths,
            config.as_ref().map(crate::config::Config::dir),
        );
        let list = |names: &[String]| {
            (!names.is_empty()).then(|| {
                names
                    .iter()
                    .map(|name| name.trim().to_owned())
                    .filter(|name| !name.is_empty())
                    .collect()
            })
        };
        Ok(crate::CheckOptions {
            paths: self.paths.clone(),
            root,
            rules: rule_paths,
            no_default_rules: self.rules.no_default_rules,
            as_of,
            config,
            select: list(&self.select),
            ignore: list(&self.ignore),
            fail_on: self.fail_on.map(|fail_on| match fail_on {
                FailOn::Error => Severity::Error,
                FailOn::Warning => Severity::Warning,
                FailOn::Info => Severity::Info,
            }),
            baseline: crate::BaselineChoice::Configured,
            lang,
            texts: std::collections::HashMap::new(),
            no_profiles: false,
            lean_texts: false,
        })
    }
}

impl CheckArgs {
    fn options(&self, lang: Option<Lang>) -> Result<crate::CheckOptions, ExitStatus> {
        let mut options = self.run.options(lang)?;
        if let Some(path) = &self.baseline {
            options.baseline = crate::BaselineChoice::File(path.clone());
        }
        Ok(options)
    }
}

impl BrowseArgs {
    fn options(&self, lang: Option<Lang>) -> Result<crate::CheckOptions, ExitStatus> {
        let mut options = self.run.options(lang)?;
        if let Some(path) = &self.baseline {
            options.baseline = crate::BaselineChoice::File(path.clone());
        }
        Ok(options)
    }
}

impl BaselineArgs {
    fn options(&self, lang: Option<Lang>) -> Result<crate::CheckOptions, ExitStatus> {
        let mut options = self.run.options(lang)?;
        // The baseline holds every current finding, not only those a previous baseline missed.
        options.baseline = crate::BaselineChoice::Off;
        Ok(options)
    }
}

/// The options of a run exactly as a command line builds them, for `check`, `browse`,
/// `baseline` and `graph` (`["check", "plans", "--ignore", "ART-08"]`): the one place a
/// command's flags and `alinea.yaml` become a run's options, exposed for tools and tests.
///
/// # Errors
/// A command line that does not parse, names no command that checks plans, or whose
/// configuration cannot be read (the problem is printed on standard error).
pub fn run_options(command_line: &[&str]) -> Result<crate::CheckOptions, ExitStatus> {
    let args = Args::try_parse_from(std::iter::once("alinea").chain(command_line.iter().copied()))
        .map_err(|error| {
            let words: Vec<std::ffi::OsString> = command_line.iter().map(Into::into).collect();
            report_parse_error(&error, help_language(&words));
            ExitStatus::Usage
        })?;
    let lang = args.lang.map(Lang::from);
    match args.command {
        Command::Check(check) => check.options(lang),
        Command::Browse(browse) => browse.options(lang),
        Command::Baseline(baseline) => baseline.options(lang),
        Command::Graph(graph) => graph.run.options(lang),
        Command::Explain(_)
        | Command::Rules { .. }
        | Command::Help { .. }
        | Command::Import(_)
        | Command::New { .. }
        | Command::Export(_)
        | Command::Lsp => Err(ExitStatus::Usage),
    }
}

#[derive(Debug, clap::Args)]
struct GraphArgs {
    #[command(flatten)]
    run: RunArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = crate::export::GraphFormat::Dot)]
    format: crate::export::GraphFormat,
    /// Write the graph to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, clap::Args)]
struct ConfigArgs {
    /// The configuration file (default: the nearest `alinea.yaml` above the paths, else above this folder).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct BrowseArgs {
    #[command(flatten)]
    run: RunArgs,
    /// Do not show the findings of this baseline file (default: the configuration's `baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
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
    #[arg(long, alias = "output-format", value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Do not report the findings of this baseline file; list those that are fixed
    /// (default: the configuration's `baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Print a count per rule instead of the findings (human format only).
    #[arg(long)]
    statistics: bool,
    /// Parse files with this many threads (default: one per core).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// When to use colours (`NO_COLOR` is honoured with `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print the findings without the summary.
    #[arg(long, short)]
    quiet: bool,
    /// Also list the YAML files skipped because they are not plans.
    #[arg(long, short)]
    verbose: bool,
    /// Print how long each stage took, on standard error (the rules are compiled while the
    /// files are found: those two stages overlap).
    #[arg(long)]
    timings: bool,
    /// List findings in pure file order (by default errors of the LOAD and REF families,
    /// the causes, come first).
    #[arg(long)]
    file_order: bool,
    /// Fix what is mechanical (safe fixes) in the plan files, then report what is left.
    #[arg(long)]
    fix: bool,
    /// With `--fix` or `--diff`, apply the unsafe fixes too (they rename codes or decide an
    /// order).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Show the fixes as a unified diff, without writing any file.
    #[arg(long)]
    diff: bool,
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

/// The command line's definition with every description (commands, options, arguments) in
/// `lang`, from the `help-…` messages of the catalogues: `help-check` describes `alinea
/// check`, `help-check-fail-on` its `--fail-on`. A description the catalogue lacks keeps
/// the English of the doc comment (a test makes sure none does).
#[must_use]
pub fn command(lang: Lang) -> clap::Command {
    localize(Args::command(), "alinea", lang)
}

fn localize(command: clap::Command, key: &str, lang: Lang) -> clap::Command {
    let text = |id: &str| crate::i18n::has(lang, id).then(|| crate::i18n::text(lang, id, &[]));
    // clap's own `--help` (and `--version`) are added late, in English: ours say it in `lang`.
    let mut command = command
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .global(true),
        );
    if key == "alinea" {
        command = command.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version),
        );
    }
    if let Some(about) = text(&format!("help-{key}")) {
        command = command.about(about);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let arg_key = format!("help-{key}-{}", id.replace('_', "-"));
        let global_key = format!("help-arg-{}", id.replace('_', "-"));
        if let Some(help) = text(&arg_key).or_else(|| text(&global_key)) {
            command = command.mut_arg(id.as_str(), |arg| arg.help(help));
        }
        if lang != Lang::En {
            command = command.mut_arg(id.as_str(), |arg| {
                let heading = if arg.is_positional() {
                    crate::tr!(lang, "help-arguments")
                } else {
                    crate::tr!(lang, "help-options")
                };
                arg.help_heading(heading)
            });
        }
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        let sub_key = if key == "alinea" {
            name.clone()
        } else {
            format!("{key}-{name}")
        };
        command = command.mut_subcommand(name.as_str(), |sub| localize(sub, &sub_key, lang));
    }
    if lang == Lang::Es {
        command = command
            .help_template(crate::tr!(lang, "help-template"))
            .subcommand_help_heading(crate::tr!(lang, "help-commands"));
    }
    command
}

/// The language of `--help` and of parse errors: `--lang` on the command line (before it is
/// parsed), else the environment.
fn help_language(command_line: &[std::ffi::OsString]) -> Lang {
    let mut words = command_line.iter().filter_map(|word| word.to_str());
    let mut flag = None;
    while let Some(word) = words.next() {
        if let Some(value) = word.strip_prefix("--lang=") {
            flag = Lang::parse_exact(value);
        } else if word == "--lang" {
            flag = words.next().and_then(Lang::parse_exact);
        }
    }
    Lang::choose(flag, None)
}

/// Prints what clap found: help and version as clap renders them (their texts come from the
/// catalogues already), a usage error in `lang` from the catalogues, with clap's context (the
/// argument, the value, the allowed values, the suggestion and the usage line).
fn report_parse_error(error: &clap::Error, lang: Lang) {
    if !error.use_stderr() {
        let _ = error.print();
        return;
    }
    eprint!("{}", parse_error_text(error, lang));
}

/// A usage error from clap, in `lang`.
fn parse_error_text(error: &clap::Error, lang: Lang) -> String {
    use clap::error::{ContextKind as C, ErrorKind as K};
    let get = |kind| parse_context(error, kind).unwrap_or_default();
    let arg = get(C::InvalidArg);
    let message = match error.kind() {
        K::UnknownArgument => tr!(lang, "clap-unknown-argument", arg = arg),
        K::InvalidSubcommand => tr!(
            lang,
            "clap-unknown-subcommand",
            name = get(C::InvalidSubcommand)
        ),
        K::InvalidValue | K::ValueValidation => {
            let reason = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default();
            let value = get(C::InvalidValue);
            if value.is_empty() && reason.is_empty() {
                tr!(lang, "clap-value-required", arg = arg)
            } else if reason.is_empty() {
                tr!(lang, "clap-invalid-value", arg = arg, value = value)
            } else {
                tr!(
                    lang,
                    "clap-invalid-value-because",
                    arg = arg,
                    value = value,
                    reason = reason
                )
            }
        }
        K::MissingRequiredArgument => tr!(lang, "clap-missing-required", args = arg),
        K::MissingSubcommand => tr!(lang, "clap-missing-subcommand"),
        K::ArgumentConflict => tr!(lang, "clap-conflict", arg = arg, other = get(C::PriorArg)),
        K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => {
            tr!(lang, "clap-number-of-values", arg = arg)
        }
        K::NoEquals => tr!(lang, "clap-no-equals", arg = arg),
        _ => tr!(lang, "clap-other", kind = error.kind().to_string()),
    };
    let mut text = format!("{} {message}\n", tr!(lang, "clap-error"));
    let valid = get(C::ValidValue);
    if !valid.is_empty() {
        text.push_str(&format!(
            "  {}\n",
            tr!(lang, "clap-valid-values", values = valid)
        ));
    }
    for (kind, id) in [
        (C::SuggestedArg, "clap-tip-argument"),
        (C::SuggestedValue, "clap-tip-value"),
        (C::SuggestedSubcommand, "clap-tip-subcommand"),
    ] {
        let suggestion = get(kind);
        if !suggestion.is_empty() {
            let tip = crate::i18n::text(lang, id, &[("name", suggestion.as_str().into())]);
            text.push_str(&format!("\n  {tip}\n"));
        }
    }
    let usage = get(C::Usage);
    if let Some(line) = usage.trim().strip_prefix("Usage:") {
        text.push_str(&format!("\n{} {}\n", tr!(lang, "clap-usage"), line.trim()));
    }
    text.push_str(&format!("\n{}\n", tr!(lang, "clap-more-info")));
    text
}

/// A piece of clap's context of an error, as text; several values are joined with `` `, ` ``
/// (the messages put the whole in backticks).
fn parse_context(error: &clap::Error, kind: clap::error::ContextKind) -> Option<String> {
    use clap::error::ContextValue as V;
    Some(match error.get(kind)? {
        V::String(text) => text.clone(),
        V::Strings(texts) => texts.join("`, `"),
        V::StyledStr(text) => text.to_string(),
        V::StyledStrs(texts) => texts
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("`, `"),
        V::Number(n) => n.to_string(),
        V::Bool(b) => b.to_string(),
        _ => return None,
    })
}

/// Parses the command line, runs the command, and returns the exit code.
#[must_use]
pub fn main() -> ExitCode {
    let command_line: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let parsed = command(help_language(&command_line))
        .try_get_matches_from(&command_line)
        .and_then(|matches| Args::from_arg_matches(&matches));
    let args = match parsed {
        Ok(args) => args,
        Err(error) => {
            let usage = error.use_stderr();
            // `--help` and `--version` print to stdout and succeed; usage errors exit 2.
            report_parse_error(&error, help_language(&command_line));
            return if usage {
                ExitStatus::Usage
            } else {
                ExitStatus::Clean
            }
            .into();
        }
    };
    // The flag, for commands that read alinea.yaml (its `lang:` comes next); the language
    // without the configuration, for the others.
    let flag = args.lang.map(Lang::from);
    let lang = Lang::choose(flag, None);
    let status = match args.command {
        Command::Help { command: names } => run_help(&names, lang),
        Command::Check(check) => run_check(&check, flag),
        Command::Browse(browse) => run_browse(&browse, flag),
        Command::Explain(explain) => run_explain(&explain, lang),
        Command::Baseline(baseline) => run_baseline(&baseline, flag),
        Command::Graph(graph) => run_graph(&graph, flag),
        Command::Import(import) => spreadsheet::run_import(&import, flag),
        Command::New { command } => spreadsheet::run_new(&command, flag),
        Command::Export(export) => spreadsheet::run_export(&export, flag),
        Command::Lsp => match crate::lsp::serve(flag) {
            Ok(()) => ExitStatus::Clean,
            Err(message) => usage(lang, &tr!(lang, "lsp-failed", message = message), &[]),
        },
        Command::Rules { command } => match command {
            RulesCommand::List { format, rules } => run_rules_list(format, &rules, lang),
            RulesCommand::Check {
                files,
                no_default_rules,
            } => run_rules_check(files, no_default_rules, lang),
            RulesCommand::Test { dirs, rules, as_of } => {
                run_rules_test(&dirs, &rules, as_of.as_deref(), lang)
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
        file_order: false,
        width: std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(100),
    }
}

fn parse_as_of(text: Option<&str>, lang: Lang) -> Result<Option<Date>, ExitStatus> {
    match text {
        None => Ok(None),
        Some(text) => Date::parse(text)
            .map(Some)
            .ok_or_else(|| usage(lang, &tr!(lang, "cli-as-of", text = text), &[])),
    }
}

/// Prints a usage error (`error: …` and its help lines) in `lang`; exit 2.
fn usage(lang: Lang, message: &str, helps: &[String]) -> ExitStatus {
    eprintln!("{}: {message}", crate::report::Severity::Error.name(lang));
    for help in helps {
        eprintln!("  {}: {help}", tr!(lang, "report-help"));
    }
    ExitStatus::Usage
}

/// Loads the rules of a command; broken rules are printed and end the run with exit 2.
fn load_rules(rules: &RuleArgs, lang: Lang) -> Result<Vec<CheckedRule>, ExitStatus> {
    let options = crate::CheckOptions {
        rules: rules.rules.clone(),
        no_default_rules: rules.no_default_rules,
        lang,
        ..crate::CheckOptions::default()
    };
    let mut sources = crate::source::SourceDb::new();
    crate::load_rules(&options, &mut sources).map_err(|error| report_check_error(error, lang))
}

fn report_check_error(error: crate::CheckError, lang: Lang) -> ExitStatus {
    let error_word = crate::report::Severity::Error.name(lang);
    match error {
        crate::CheckError::Rules { errors, sources } => {
            let style = terminal_style(io::stderr().is_terminal(), ColorChoice::Auto, false);
            let stderr = io::stderr();
            let mut out = stderr.lock();
            let _ =
                crate::render::human::render_diagnostics(&errors, &sources, style, lang, &mut out);
            let _ = writeln!(
                out,
                "{error_word}: {}",
                tr!(lang, "cli-rule-problems", count = errors.len())
            );
        }
        crate::CheckError::Usage(message, helps) => return usage(lang, &message, &helps),
        crate::CheckError::MissingPath(error) => {
            return usage(
                lang,
                &tr!(lang, "cli-missing-path", path = error.path()),
                &[],
            );
        }
        crate::CheckError::RulePath(message) => eprintln!("{error_word}: {message}"),
    }
    ExitStatus::Usage
}

fn run_browse(args: &BrowseArgs, lang: Option<Lang>) -> ExitStatus {
    // Before anything is read: stdin and stdout must be a terminal, and the process must
    // have one (`/dev/tty`; always assumed off Unix), or the screen and the keys go nowhere.
    let controlling = !cfg!(unix)
        || std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .is_ok();
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() || !controlling {
        let lang = Lang::choose(lang, None);
        return usage(lang, &tr!(lang, "cli-browse-terminal"), &[]);
    }
    let options = match args.options(lang) {
        Ok(options) => options,
        Err(status) => return status,
    };
    let style = crate::tui::TuiStyle {
        color: terminal_style(io::stdout().is_terminal(), args.color, false).color,
    };
    // The run goes on in a thread behind a loading screen; broken rules, bad policy and
    // missing paths are reported as `check` reports them, once the terminal is back.
    match crate::tui::run(&options, style) {
        Ok(()) => ExitStatus::Clean,
        Err(crate::tui::terminal::Error::FirstRun(error)) => {
            report_check_error(error, options.lang)
        }
        Err(crate::tui::terminal::Error::Terminal(error)) => {
            usage(options.lang, &error.to_string(), &[])
        }
    }
}

/// The configuration: `--config FILE`, else the nearest `alinea.yaml` above the paths, else
/// above the current folder.
fn load_config(
    args: &ConfigArgs,
    paths: &[PathBuf],
    lang: Lang,
) -> Result<Option<crate::config::Config>, ExitStatus> {
    let path = match &args.config {
        Some(path) => Some(path.clone()),
        None => crate::discover::common_folder(paths)
            .and_then(|folder| crate::config::find(&folder))
            .or_else(|| {
                std::env::current_dir()
                    .ok()
                    .and_then(|cwd| crate::config::find(&cwd))
            }),
    };
    let Some(path) = path else { return Ok(None) };
    match crate::config::load(&path, lang) {
        Ok(config) => Ok(Some(config)),
        Err(error) => {
            if let Some(message) = error.message {
                return Err(usage(lang, &message, &[]));
            }
            if !error.diagnostics.is_empty() {
                let style = terminal_style(io::stderr().is_terminal(), ColorChoice::Auto, false);
                let stderr = io::stderr();
                let mut out = stderr.lock();
                let _ = crate::render::human::render_diagnostics(
                    &error.diagnostics,
                    &error.sources,
                    style,
                    lang,
                    &mut out,
                );
                let _ = writeln!(
                    out,
                    "{}: {}",
                    crate::report::Severity::Error.name(lang),
                    tr!(
                        lang,
                        "cli-config-invalid",
                        file = crate::source::display_path(&path)
                    )
                );
            }
            Err(ExitStatus::Usage)
        }
    }
}

fn run_baseline(args: &BaselineArgs, lang: Option<Lang>) -> ExitStatus {
    let options = match args.options(lang) {
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
        Err(error) => return report_check_error(error, options.lang),
    };
    let lang = options.lang;
    let (text, written, left_out) = crate::baseline::write(&run.report.findings, &run.sources);
    if let Err(error) = std::fs::write(&output, text) {
        return cannot_write(lang, &output, &error);
    }
    eprintln!(
        "{}",
        tr!(
            lang,
            "cli-baseline-written",
            count = written,
            file = crate::source::display_path(&output)
        )
    );
    if left_out > 0 {
        eprintln!("{}", tr!(lang, "cli-baseline-left-out", count = left_out));
    }
    ExitStatus::Clean
}

fn run_graph(args: &GraphArgs, lang: Option<Lang>) -> ExitStatus {
    let options = match args.run.options(lang) {
        Ok(options) => options,
        Err(status) => return status,
    };
    let run = match crate::check(&options) {
        Ok(run) => run,
        Err(error) => return report_check_error(error, options.lang),
    };
    let gaps = crate::report::gaps::Gaps::new(&run.report.findings);
    let text = crate::export::export(&run.graph, &gaps, args.format, run.report.lang);
    match &args.output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitStatus::Clean,
            Err(error) => cannot_write(options.lang, path, &error),
        },
        None => print_or_pipe(&text),
    }
}

fn run_check(args: &CheckArgs, lang: Option<Lang>) -> ExitStatus {
    if args.statistics && args.format != Format::Human {
        let lang = Lang::choose(lang, None);
        let format = args
            .format
            .to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_owned());
        return usage(
            lang,
            &tr!(lang, "cli-statistics-machine", format = format),
            &[tr!(lang, "cli-statistics-machine-help")],
        );
    }
    if let Some(jobs) = args.jobs {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global();
        if let Err(error) = pool {
            let lang = Lang::choose(lang, None);
            return usage(
                lang,
                &tr!(lang, "cli-threads", jobs = jobs, reason = error.to_string()),
                &[],
            );
        }
    }
    let options = match args.options(lang) {
        Ok(options) => options,
        Err(status) => return status,
    };
    if args.fix || args.diff || args.unsafe_fixes {
        return run_fix(args, &options);
    }
    // One run, then the report: the texts of files without findings need not stay.
    let options = crate::CheckOptions {
        lean_texts: true,
        ..options
    };
    let run = match crate::check(&options) {
        Ok(run) => run,
        Err(error) => return report_check_error(error, options.lang),
    };
    let written = emit_report(args, &run);
    if args.timings {
        for (stage, duration) in &run.timings {
            let name = crate::i18n::text(run.report.lang, &format!("timing-{stage}"), &[]);
            eprintln!("{:>10.1} ms  {name}", duration.as_secs_f64() * 1000.0);
        }
    }
    let status = if run.report.failed() {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    };
    match written {
        // A closed pipe (`alinea check | head`) ends quietly; the exit code still tells.
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Err(error) => {
            return usage(
                run.report.lang,
                &tr!(
                    run.report.lang,
                    "cli-cannot-write-report",
                    reason = crate::discover::io_message(&error)
                ),
                &[],
            );
        }
    }
    // The process ends right after: handing hundreds of thousands of small allocations
    // back one by one would cost seconds on large repositories for nothing.
    std::mem::forget(run);
    status
}

/// `check --fix` and `--diff`: the fixes applied in memory, then written (`--fix`) or shown
/// as a diff (`--diff`, which writes nothing); the summary goes to standard error, so that a
/// machine format on standard output stays whole.
fn run_fix(args: &CheckArgs, options: &crate::CheckOptions) -> ExitStatus {
    let lang = options.lang;
    if !args.fix && !args.diff {
        return usage(lang, &tr!(lang, "fix-unsafe-alone"), &[]);
    }
    let outcome = match crate::fix::fix_repository(options, args.unsafe_fixes) {
        Ok(outcome) => outcome,
        Err(error) => return report_check_error(error, lang),
    };
    for file in &outcome.refused {
        eprintln!("{}", tr!(lang, "fix-refused", file = file.as_str()));
    }
    let unsafe_line = (outcome.unsafe_available > 0).then(|| {
        tr!(
            lang,
            "fix-unsafe-available",
            count = outcome.unsafe_available
        )
    });
    if args.diff {
        let mut out = io::stdout().lock();
        let shown = write!(out, "{}", crate::fix::diff(&outcome.files)).and_then(|()| out.flush());
        drop(out);
        if let Err(error) = shown
            && error.kind() != io::ErrorKind::BrokenPipe
        {
            return cannot_write(lang, std::path::Path::new("-"), &error);
        }
        eprintln!("{}", tr!(lang, "fix-would-fix", fixed = outcome.fixed));
        if let Some(line) = unsafe_line {
            eprintln!("{line}");
        }
        return if outcome.failed_before {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        };
    }
    for file in &outcome.files {
        // Written only if the file still holds the text that was fixed (a byte order mark
        // the reader left out is kept).
        let on_disk = std::fs::read(&file.path).unwrap_or_default();
        let bom = "\u{feff}";
        let prefix = if on_disk == file.before.as_bytes() {
            ""
        } else if on_disk.strip_prefix(bom.as_bytes()) == Some(file.before.as_bytes()) {
            bom
        } else {
            eprintln!(
                "{}",
                tr!(lang, "fix-changed-on-disk", file = file.display.as_str())
            );
            continue;
        };
        if let Err(error) = std::fs::write(&file.path, format!("{prefix}{}", file.after)) {
            return cannot_write(lang, &file.path, &error);
        }
    }
    let run = outcome.run;
    let written = emit_report(args, &run);
    if let Err(error) = written
        && error.kind() != io::ErrorKind::BrokenPipe
    {
        return usage(
            lang,
            &tr!(
                lang,
                "cli-cannot-write-report",
                reason = crate::discover::io_message(&error)
            ),
            &[],
        );
    }
    eprintln!(
        "{}",
        tr!(
            lang,
            "fix-fixed",
            fixed = outcome.fixed,
            remaining = run.report.findings.len()
        )
    );
    if let Some(line) = unsafe_line {
        eprintln!("{line}");
    }
    if run.report.failed() {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

/// `alinea help [COMMAND…]`: the help of the command line or of one of its commands, in
/// `lang` (clap's own `help` subcommand would speak English).
fn run_help(names: &[String], lang: Lang) -> ExitStatus {
    let mut command = command(lang);
    // Built, so that each command's usage line names the binary (`alinea check …`).
    command.build();
    let mut shown = &mut command;
    for name in names {
        let Some(sub) = shown.find_subcommand_mut(name) else {
            return usage(
                lang,
                &tr!(lang, "cli-no-command", name = name.as_str()),
                &[],
            );
        };
        shown = sub;
    }
    let mut help = shown.render_long_help().to_string();
    help.push('\n');
    print_or_pipe(&help)
}

/// A file a command was asked to write cannot be written: exit 2.
fn cannot_write(lang: Lang, path: &std::path::Path, error: &io::Error) -> ExitStatus {
    usage(
        lang,
        &tr!(
            lang,
            "cli-cannot-write",
            file = path.display().to_string(),
            reason = crate::discover::io_message(error)
        ),
        &[],
    )
}

/// Writes the report of `check` where the flags say (`--output`, else standard output), in
/// their format and style.
fn emit_report(args: &CheckArgs, run: &crate::Run) -> io::Result<()> {
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let mut style = terminal_style(to_terminal, args.color, args.quiet);
    style.file_order = args.file_order;
    if let Some(path) = &args.output {
        std::fs::File::create(path).and_then(|file| {
            let mut out = io::BufWriter::with_capacity(crate::render::WRITE_BUFFER, file);
            write_report(args, run, style, &mut out)?;
            out.flush()
        })
    } else {
        let stdout = io::stdout();
        let mut out = io::BufWriter::with_capacity(crate::render::WRITE_BUFFER, stdout.lock());
        write_report(args, run, style, &mut out).and_then(|()| out.flush())
    }
}

fn write_report(
    args: &CheckArgs,
    run: &crate::Run,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    if args.statistics {
        return crate::render::statistics(&run.report, style, out);
    }
    crate::render::render(args.format, run, style, out)?;
    if args.verbose && matches!(args.format, Format::Human | Format::Concise) {
        for skipped in &run.report.skipped {
            writeln!(
                out,
                "{}",
                tr!(run.report.lang, "summary-skipped", file = skipped.as_str())
            )?;
        }
    }
    Ok(())
}

fn run_explain(args: &ExplainArgs, lang: Lang) -> ExitStatus {
    let rules = match load_rules(&args.rules, lang) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let all = crate::docs::listed(&rules, lang);
    let Some(rule) = all
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(&args.rule) || r.slug == args.rule)
    else {
        let names = all.iter().flat_map(|r| [r.id.as_str(), r.slug.as_str()]);
        let hint = crate::suggest::did_you_mean(lang, &args.rule, names)
            .map_or_else(String::new, |h| {
                format!("\n  {}: {h}", tr!(lang, "report-help"))
            });
        eprintln!(
            "{}: {}{hint}",
            crate::report::Severity::Error.name(lang),
            tr!(lang, "rules-explain-unknown", name = args.rule.as_str())
        );
        return ExitStatus::Usage;
    };
    let mut fields = vec![
        (tr!(lang, "rules-label-severity"), rule.severity.name(lang)),
        (tr!(lang, "rules-label-pillar"), rule.pillar_name()),
    ];
    if let Some(check) = &rule.check {
        let name = tr!(lang, "profile-check", id = check.as_str());
        let shown = if name == *check {
            name
        } else {
            format!("{name} ({check})")
        };
        fields.push((tr!(lang, "rules-label-check"), shown));
    }
    if let Some(origin) = rule.origin() {
        fields.push((tr!(lang, "rules-label-source"), origin));
    }
    if rule.builtin {
        fields.push((
            tr!(lang, "rules-label-kind"),
            tr!(lang, "rules-kind-builtin"),
        ));
    }
    let width = fields
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let mut text = format!("{} {}: {}\n\n", rule.id, rule.slug, rule.title);
    for (label, value) in &fields {
        text.push_str(&format!("{label:<width$}{value}\n"));
    }
    for (label, body) in &rule.sections {
        text.push_str(&format!("\n{label}:\n{}\n", wrap(body, 88, "  ")));
    }
    if let Some(rule_text) = rule.rule_text() {
        text.push_str(&format!("\n{}:\n", tr!(lang, "rules-label-rule")));
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

fn run_rules_list(format: ListFormat, args: &RuleArgs, lang: Lang) -> ExitStatus {
    let rules = match load_rules(args, lang) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let all = crate::docs::listed(&rules, lang);
    let text = match format {
        ListFormat::Markdown => crate::docs::rule_reference(&rules, lang),
        ListFormat::Json => {
            let items: Vec<serde_json::Value> = all
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "slug": r.slug,
                        "severity": r.severity.as_str(),
                        "pillar": r.pillar.map(crate::report::Pillar::as_str),
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
            use crate::report::{Pillar, Severity};
            let slug_width = all.iter().map(|r| r.slug.len()).max().unwrap_or(0);
            // Every value a column can hold, so that the columns do not move with the rules.
            let severity_width = [Severity::Error, Severity::Warning, Severity::Info]
                .iter()
                .map(|s| s.name(lang).chars().count())
                .max()
                .unwrap_or(0);
            let pillar_width = [Pillar::Legitimacy, Pillar::Capacity, Pillar::Value]
                .iter()
                .map(|p| p.name(lang).chars().count())
                .max()
                .unwrap_or(0);
            let mut text = String::new();
            for r in &all {
                text.push_str(&format!(
                    "{:<8} {:<slug_width$}  {:<severity_width$}  {:<pillar_width$}  {}\n",
                    r.id,
                    r.slug,
                    r.severity.name(lang),
                    r.pillar_name(),
                    r.title
                ));
            }
            text.push_str(&tr!(
                lang,
                "cli-rules-listed",
                rules = all.len(),
                builtin = all.iter().filter(|r| r.builtin).count()
            ));
            text.push('\n');
            text
        }
    };
    print_or_pipe(&text)
}

fn run_rules_check(files: Vec<PathBuf>, no_default_rules: bool, lang: Lang) -> ExitStatus {
    let args = RuleArgs {
        rules: files,
        no_default_rules,
    };
    let rules = match load_rules(&args, lang) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let mut text = format!("{}\n", tr!(lang, "cli-rules-checked", rules = rules.len()));
    // Texts without Spanish are reported, not failed: a user's rule may be English only.
    let untranslated: Vec<(&CheckedRule, Vec<String>)> = rules
        .iter()
        .map(|rule| (rule, rule.untranslated()))
        .filter(|(_, missing)| !missing.is_empty())
        .collect();
    if !untranslated.is_empty() {
        text.push_str(&format!(
            "{}\n",
            tr!(lang, "rules-untranslated", rules = untranslated.len())
        ));
        for (rule, missing) in &untranslated {
            let meta = rule.meta();
            text.push_str(&format!(
                "  {} ({}): {}\n",
                meta.id,
                meta.file,
                missing
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        text.push_str(&format!("{}\n", tr!(lang, "rules-untranslated-help")));
    }
    print_or_pipe(&text)
}

fn run_rules_test(
    dirs: &[PathBuf],
    args: &RuleArgs,
    as_of: Option<&str>,
    lang: Lang,
) -> ExitStatus {
    let as_of = match parse_as_of(as_of, lang) {
        Ok(as_of) => as_of.unwrap_or_else(crate::waiver::today),
        Err(status) => return status,
    };
    let rules = match load_rules(args, lang) {
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
            "{}: {}",
            crate::report::Severity::Error.name(lang),
            tr!(lang, "rules-test-no-case")
        );
        return ExitStatus::Usage;
    }
    let mut text = String::new();
    let mut failed = 0;
    for case in &cases {
        let result = crate::cases::run(case, &rules, as_of, lang);
        if result.passed() {
            text.push_str(&format!(
                "{}\n",
                tr!(lang, "rules-test-passed", case = result.name.as_str())
            ));
            continue;
        }
        failed += 1;
        text.push_str(&format!(
            "{}\n",
            tr!(lang, "rules-test-failed", case = result.name.as_str())
        ));
        for (file, line, rule) in &result.missing {
            let place = format!("{file}:{line}");
            text.push_str(&format!(
                "  {}\n",
                tr!(
                    lang,
                    "rules-test-missing",
                    rule = rule.as_str(),
                    place = place
                )
            ));
        }
        for ((file, line, rule), message) in &result.unexpected {
            let place = format!("{file}:{line}");
            text.push_str(&format!(
                "  {}\n",
                tr!(
                    lang,
                    "rules-test-unexpected",
                    rule = rule.as_str(),
                    place = place,
                    message = message.as_str()
                )
            ));
        }
    }
    text.push_str(&format!(
        "{}\n",
        tr!(
            lang,
            "rules-test-summary",
            cases = cases.len(),
            passed = cases.len() - failed,
            failed = failed
        )
    ));
    let status = print_or_pipe(&text);
    if status == ExitStatus::Clean && failed > 0 {
        ExitStatus::Findings
    } else {
        status
    }
}
