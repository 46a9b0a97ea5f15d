//! `alinea import`, `alinea new pei` and `alinea export`: the commands on CEPLAN's Excel
//! matrices. The work is in [`crate::import`]; this module reads and writes the files.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{ExitStatus, usage};
use crate::i18n::Lang;
use crate::import::{HeaderOptions, Note, WorkbookError};
use crate::plan::model::{EntityType, Guide, Level, PlanKind};
use crate::tr;

/// The header options of `import` and `new pei`: each one wins over the workbook.
#[derive(Debug, Clone, clap::Args)]
pub(super) struct HeaderArgs {
    /// The plan's id.
    #[arg(long)]
    id: Option<String>,
    /// The plan's kind (pei, pdlc…).
    #[arg(long, value_parser = word::<PlanKind>)]
    kind: Option<PlanKind>,
    /// The entity's name.
    #[arg(long)]
    entity_name: Option<String>,
    /// The entity's type (municipality, regional-government…).
    #[arg(long, value_parser = word::<EntityType>)]
    entity_type: Option<EntityType>,
    /// The entity's level of government (national, regional, provincial, district).
    #[arg(long, value_parser = word::<Level>)]
    level: Option<Level>,
    /// The entity's ubigeo.
    #[arg(long)]
    territory: Option<String>,
    /// The pliego's budget code.
    #[arg(long)]
    pliego: Option<String>,
    /// The period, START-END (2025-2027).
    #[arg(long, value_parser = period)]
    period: Option<(i32, i32)>,
    /// The plan's title (default: composed from the kind, the entity and the period).
    #[arg(long)]
    title: Option<String>,
    /// The plans above, comma-separated ids.
    #[arg(long, value_delimiter = ',', value_name = "ID,ID…")]
    upper: Vec<String>,
    /// The CEPLAN guide whose annexes the plan follows (2017 or 2024).
    #[arg(long, value_parser = word::<Guide>)]
    guide: Option<Guide>,
    /// The id of the PGG that the ruta estratégica's linkage names.
    #[arg(long, value_name = "ID")]
    pgg: Option<String>,
}

impl HeaderArgs {
    fn options(&self) -> HeaderOptions {
        HeaderOptions {
            id: self.id.clone(),
            kind: self.kind,
            entity_name: self.entity_name.clone(),
            entity_type: self.entity_type,
            level: self.level,
            territory: self.territory.clone(),
            pliego: self.pliego.clone(),
            period: self.period,
            title: self.title.clone(),
            upper: self
                .upper
                .iter()
                .map(|id| id.trim().to_owned())
                .filter(|id| !id.is_empty())
                .collect(),
            guide: self.guide,
            pgg: self.pgg.clone(),
        }
    }
}

fn word<W: crate::plan::model::Word>(text: &str) -> Result<W, String> {
    W::read(text).ok_or_else(|| W::words(Lang::En).join(", "))
}

fn period(text: &str) -> Result<(i32, i32), String> {
    crate::import::matrix::period(text).ok_or_else(|| "START-END".to_owned())
}

/// The import report's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(super) enum ReportFormat {
    /// One line per note.
    Human,
    /// An object: `written` (the files), `problems` (how many notes are problems), `notes`
    /// (each `cell`, `kind` and its fields, `message`, `problem`).
    Json,
}

#[derive(Debug, clap::Args)]
pub(super) struct ImportArgs {
    /// The workbook (xlsx, xls, ods).
    workbook: PathBuf,
    /// The plan file to write.
    #[arg(long, short)]
    output: PathBuf,
    /// Write over an existing file.
    #[arg(long)]
    force: bool,
    /// The report's format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    format: ReportFormat,
    #[command(flatten)]
    header: HeaderArgs,
}

#[derive(Debug, clap::Subcommand)]
pub(super) enum NewCommand {
    /// A PEI and its POI stub from CEPLAN's municipal catalogue (MEGL).
    Pei(NewPeiArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct NewPeiArgs {
    /// The catalogue workbook (xlsx, xls, ods).
    #[arg(long)]
    catalogue: PathBuf,
    /// The folder to write the PEI and the POI in.
    #[arg(long, short)]
    output: PathBuf,
    /// The OEI and AEI to keep, comma-separated (default: every one).
    #[arg(long, value_delimiter = ',', value_name = "CODE,CODE…")]
    select: Vec<String>,
    /// Write over existing files.
    #[arg(long)]
    force: bool,
    /// The report's format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    format: ReportFormat,
    #[command(flatten)]
    header: HeaderArgs,
}

#[derive(Debug, clap::Args)]
pub(super) struct ExportArgs {
    /// The plan file.
    plan: PathBuf,
    /// The workbook to write (xlsx).
    #[arg(long, short)]
    output: PathBuf,
    /// Write over an existing file.
    #[arg(long)]
    force: bool,
}

/// The keys' language of a written plan file: `--lang`, else English.
fn key_language(flag: Option<Lang>) -> Lang {
    flag.unwrap_or(Lang::En)
}

/// The plans of the repository a written file goes into (the folder of the nearest
/// `alinea.yaml` above it, else of the nearest `.git`), loaded without rules: what the
/// import needs to name Políticas Nacionales by their titles and find the PGG. Nothing when
/// the file is in no repository (no folder is walked on a guess) or the repository has no
/// plan.
fn known_around(output: &Path) -> crate::import::draft::Known {
    let Some(folder) = std::path::absolute(output).ok().and_then(|path| {
        path.ancestors()
            .skip(1)
            .find(|dir| dir.is_dir())
            .map(Path::to_path_buf)
    }) else {
        return crate::import::draft::Known::default();
    };
    let root = crate::config::find(&folder)
        .and_then(|config| config.parent().map(Path::to_path_buf))
        .or_else(|| crate::discover::repository_root(std::slice::from_ref(&folder), None));
    let Some(root) = root else {
        return crate::import::draft::Known::default();
    };
    let options = crate::CheckOptions {
        paths: vec![root],
        no_default_rules: true,
        ..crate::CheckOptions::default()
    };
    crate::check(&options).map_or_else(
        |_| crate::import::draft::Known::default(),
        |run| crate::import::draft::Known::new(run.graph.plan_ids().map(|id| run.graph.plan(id))),
    )
}

fn read(path: &Path, lang: Lang) -> Result<Vec<u8>, ExitStatus> {
    std::fs::read(path).map_err(|error| {
        usage(
            lang,
            &tr!(
                lang,
                "sheet-cannot-read",
                file = crate::source::display_path(path),
                reason = crate::discover::io_message(&error)
            ),
            &[],
        )
    })
}

/// Refuses to write over a file unless `--force`.
fn writable(path: &Path, force: bool, lang: Lang) -> Result<(), ExitStatus> {
    if path.exists() && !force {
        return Err(usage(
            lang,
            &tr!(
                lang,
                "sheet-exists",
                file = crate::source::display_path(path)
            ),
            &[tr!(lang, "sheet-exists-help")],
        ));
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8], lang: Lang) -> Result<(), ExitStatus> {
    std::fs::write(path, bytes).map_err(|error| super::cannot_write(lang, path, &error))
}

fn workbook_error(error: &WorkbookError, path: &Path, lang: Lang) -> ExitStatus {
    let file = crate::source::display_path(path);
    let message = match error {
        WorkbookError::NotASpreadsheet => tr!(lang, "sheet-not-a-workbook", file = file),
        WorkbookError::Damaged(reason) => {
            tr!(lang, "sheet-damaged", file = file, reason = reason.as_str())
        }
        WorkbookError::Password => tr!(lang, "sheet-password", file = file),
        WorkbookError::Sheet { sheet, reason } => tr!(
            lang,
            "sheet-unreadable-sheet",
            file = file,
            sheet = sheet.as_str(),
            reason = reason.as_str()
        ),
        WorkbookError::TooLarge { sheet, cells } => tr!(
            lang,
            "sheet-too-large",
            file = file,
            sheet = sheet.as_str(),
            cells = *cells,
            limit = crate::import::workbook::MAX_CELLS
        ),
        WorkbookError::NoMatrix { sheets } => tr!(
            lang,
            "sheet-no-matrix",
            file = file,
            sheets = sheets.join("`, `")
        ),
    };
    usage(lang, &message, &[])
}

/// Prints the notes (human or JSON) and says what was written.
fn report(notes: &[Note], written: &[PathBuf], format: ReportFormat, lang: Lang) -> ExitStatus {
    let problems = notes.iter().filter(|note| note.is_problem()).count();
    let text = match format {
        ReportFormat::Json => {
            let notes: Vec<serde_json::Value> = notes
                .iter()
                .map(|note| {
                    let mut value = serde_json::to_value(note).unwrap_or_default();
                    if let Some(object) = value.as_object_mut() {
                        object.insert("message".to_owned(), note.message(lang).into());
                        object.insert("problem".to_owned(), note.is_problem().into());
                    }
                    value
                })
                .collect();
            let files: Vec<String> = written
                .iter()
                .map(|p| crate::source::display_path(p))
                .collect();
            let value = serde_json::json!({"written": files, "notes": notes, "problems": problems});
            format!(
                "{}\n",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            )
        }
        ReportFormat::Human => {
            let mut text = String::new();
            for note in notes {
                let word = if note.is_problem() {
                    crate::report::Severity::Warning.name(lang)
                } else {
                    tr!(lang, "sheet-note")
                };
                text.push_str(&format!("{}: {word}: {}\n", note.cell, note.message(lang)));
            }
            for path in written {
                text.push_str(&format!(
                    "{}\n",
                    tr!(
                        lang,
                        "sheet-written",
                        file = crate::source::display_path(path),
                        notes = notes.len() - problems,
                        problems = problems
                    )
                ));
            }
            text
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    if problems > 0 {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

pub(super) fn run_import(args: &ImportArgs, flag: Option<Lang>) -> ExitStatus {
    let lang = Lang::choose(flag, None);
    let run = || -> Result<ExitStatus, ExitStatus> {
        writable(&args.output, args.force, lang)?;
        let bytes = read(&args.workbook, lang)?;
        let known = known_around(&args.output);
        let imported = crate::import::import(bytes, &args.header.options(), &known)
            .map_err(|error| workbook_error(&error, &args.workbook, lang))?;
        let text = imported.draft.to_yaml(key_language(flag));
        write(&args.output, text.as_bytes(), lang)?;
        Ok(report(
            &imported.notes,
            std::slice::from_ref(&args.output),
            args.format,
            lang,
        ))
    };
    run().unwrap_or_else(|status| status)
}

pub(super) fn run_new(command: &NewCommand, flag: Option<Lang>) -> ExitStatus {
    let NewCommand::Pei(args) = command;
    let lang = Lang::choose(flag, None);
    let run = || -> Result<ExitStatus, ExitStatus> {
        let options = args.header.options();
        let mut header = crate::import::Draft {
            kind: Some(PlanKind::Pei),
            ..crate::import::Draft::default()
        };
        options.apply(&mut header);
        header.kind = Some(PlanKind::Pei);
        let Some(id) = header.id.clone() else {
            return Err(usage(lang, &tr!(lang, "sheet-new-needs-id"), &[]));
        };
        let poi_id = crate::import::catalogue::poi_id(&id);
        let pei_path = args.output.join(format!("{id}.yaml"));
        let poi_path = args.output.join(format!("{poi_id}.yaml"));
        writable(&pei_path, args.force, lang)?;
        writable(&poi_path, args.force, lang)?;
        let bytes = read(&args.catalogue, lang)?;
        let choice = crate::import::catalogue::Choice {
            codes: args.select.iter().map(|c| c.trim().to_owned()).collect(),
        };
        let known = known_around(&pei_path);
        let made = crate::import::catalogue::new_pei(
            bytes,
            &header,
            options.pgg.as_deref(),
            &choice,
            &known,
        )
        .map_err(|error| workbook_error(&error, &args.catalogue, lang))?;
        let missing: Vec<&str> = choice
            .codes
            .iter()
            .filter(|code| !made.pei.elements().any(|element| element.code == **code))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            return Err(usage(
                lang,
                &tr!(
                    lang,
                    "sheet-not-in-catalogue",
                    codes = missing.join("`, `"),
                    file = crate::source::display_path(&args.catalogue)
                ),
                &[],
            ));
        }
        std::fs::create_dir_all(&args.output)
            .map_err(|error| super::cannot_write(lang, &args.output, &error))?;
        let keys = key_language(flag);
        write(&pei_path, made.pei.to_yaml(keys).as_bytes(), lang)?;
        write(&poi_path, made.poi.to_yaml(keys).as_bytes(), lang)?;
        Ok(report(
            &made.notes,
            &[pei_path, poi_path],
            args.format,
            lang,
        ))
    };
    run().unwrap_or_else(|status| status)
}

pub(super) fn run_export(args: &ExportArgs, flag: Option<Lang>) -> ExitStatus {
    let lang = Lang::choose(flag, None);
    let run = || -> Result<ExitStatus, ExitStatus> {
        writable(&args.output, args.force, lang)?;
        let path = args.plan.to_string_lossy().into_owned();
        let options = super::run_options(&["check", &path])?;
        let lang = options.lang;
        let run = crate::check(&options).map_err(|error| super::report_check_error(error, lang))?;
        let text = std::fs::read_to_string(&args.plan).unwrap_or_default();
        let plan = crate::plan::declared_id(&text)
            .and_then(|id| run.graph.plan_by_id(&id))
            .map(|id| run.graph.plan(id));
        let broken = run
            .report
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("LOAD-"))
            .count();
        let Some(plan) = plan.filter(|_| broken == 0) else {
            return Err(usage(
                lang,
                &tr!(
                    lang,
                    "sheet-export-unloadable",
                    file = path.as_str(),
                    count = broken
                ),
                &[tr!(
                    lang,
                    "sheet-export-unloadable-help",
                    file = path.as_str()
                )],
            ));
        };
        let draft = crate::import::Draft::from_plan(plan);
        if draft.objectives.is_empty() {
            return Err(usage(
                lang,
                &tr!(lang, "sheet-export-nothing", file = path.as_str()),
                &[],
            ));
        }
        let targets =
            crate::import::draft::Known::new(run.graph.plan_ids().map(|id| run.graph.plan(id)));
        let bytes = crate::import::annex::export(&draft, &targets).map_err(|error| {
            usage(
                lang,
                &tr!(lang, "sheet-export-failed", reason = error.to_string()),
                &[],
            )
        })?;
        write(&args.output, &bytes, lang)?;
        eprintln!(
            "{}",
            tr!(
                lang,
                "sheet-exported",
                file = crate::source::display_path(&args.output),
                plan = draft.id.clone().unwrap_or_default()
            )
        );
        Ok(ExitStatus::Clean)
    };
    run().unwrap_or_else(|status| status)
}
