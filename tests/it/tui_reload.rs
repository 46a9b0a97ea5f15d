//! The browser under change: a reload never leaves the model pointing into the old run.
//! Popups, selections, trace roots and scroll positions are re-resolved by stable keys or
//! closed, and a random walk of keys interleaved with files added, removed and edited keeps
//! every invariant.

use std::path::{Path, PathBuf};

use alinea::tui::TuiStyle;
use alinea::tui::app::{Model, Msg, PopupKind, dispatch};

use crate::tui::{draw, keys};

const AS_OF: &str = "2026-01-01";

fn run_of(dir: &Path) -> alinea::Run {
    alinea::check(&alinea::CheckOptions {
        paths: vec![dir.join("plans")],
        as_of: alinea::plan::model::Date::parse(AS_OF),
        ..alinea::CheckOptions::default()
    })
    .expect("the copy checks")
}

fn press(model: &mut Model, script: &str) {
    for key in keys(script) {
        dispatch(model, Msg::Key(key));
        assert_eq!(model.invariants(), Vec::<String>::new(), "after {key:?}");
    }
}

fn reload(model: &mut Model, dir: &Path) {
    dispatch(model, Msg::Reloaded(Box::new(run_of(dir).into())));
    assert_eq!(model.invariants(), Vec::<String>::new(), "after a reload");
}

fn copy_of_plans() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::copy_tree(Path::new("plans"), &dir.path().join("plans"));
    dir
}

/// Opens a coverage cell's popup: the coverage view, then the first cell that has one.
fn open_a_cell(model: &mut Model) {
    press(model, "3");
    for script in ["<enter>", "j", "l", "<enter>"] {
        press(model, script);
        if model.popup() == Some(PopupKind::Cell) {
            return;
        }
    }
    for _ in 0..40 {
        press(model, "j<enter>");
        if model.popup() == Some(PopupKind::Cell) {
            return;
        }
        for _ in 0..6 {
            press(model, "l<enter>");
            if model.popup() == Some(PopupKind::Cell) {
                return;
            }
        }
    }
    assert_eq!(
        model.popup(),
        Some(PopupKind::Cell),
        "no coverage cell with objectives behind it"
    );
}

const PEI: &str = "plans/regional/san-martin/pei-2024-2028.yaml";

#[test]
fn a_coverage_popup_survives_its_plan_being_moved_away() {
    let dir = copy_of_plans();
    let mut model = Model::new(run_of(dir.path()), TuiStyle { color: false });
    dispatch(&mut model, Msg::Resize(120, 40));
    open_a_cell(&mut model);
    std::fs::rename(dir.path().join(PEI), dir.path().join("moved-away.yaml")).unwrap();
    reload(&mut model, dir.path());
    draw(&mut model, 120, 40);
    // Closed, or still listing elements of the new run.
    press(&mut model, "j<enter>");
    draw(&mut model, 120, 40);
}

#[test]
fn an_objective_inserted_above_keeps_the_popup_on_the_same_elements() {
    let dir = copy_of_plans();
    let mut model = Model::new(run_of(dir.path()), TuiStyle { color: false });
    dispatch(&mut model, Msg::Resize(120, 40));
    open_a_cell(&mut model);
    let before = popup_codes(&mut model);
    let path = dir.path().join(PEI);
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen(
        "objectives:\n",
        "objectives:\n  - code: OEI.00\n    statement: Un objetivo nuevo al inicio\n",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();
    reload(&mut model, dir.path());
    assert_eq!(model.popup(), Some(PopupKind::Cell));
    assert_eq!(popup_codes(&mut model), before);
}

/// The codes the open cell popup lists, as drawn.
fn popup_codes(model: &mut Model) -> Vec<String> {
    let screen = draw(model, 120, 40);
    let text: String = screen
        .content()
        .chunks(120)
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
                + "\n"
        })
        .collect();
    let codes: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '│')
        .filter(|word| {
            (word.starts_with("OEI.") || word.starts_with("AEI.") || word.starts_with("OET."))
                && word.len() > 4
        })
        .map(str::to_owned)
        .collect();
    assert!(!codes.is_empty(), "{text}");
    codes
}

#[test]
fn no_key_is_dead_after_going_past_the_end() {
    let dir = copy_of_plans();
    let mut model = Model::new(run_of(dir.path()), TuiStyle { color: false });
    dispatch(&mut model, Msg::Resize(80, 24));
    // The help, scrolled far past its end: one `k` must move it back up.
    press(&mut model, "?");
    for _ in 0..200 {
        press(&mut model, "<down>");
    }
    let bottom = draw(&mut model, 80, 24).clone();
    press(&mut model, "<up>");
    let one_up = draw(&mut model, 80, 24).clone();
    assert_ne!(
        bottom, one_up,
        "<up> after scrolling past the end does nothing"
    );
    press(&mut model, "q");
    assert_eq!(model.popup(), None, "q closes the help");
    press(&mut model, "??");
    assert_eq!(model.popup(), None, "? opens and closes the help");
}

/// A small deterministic generator (xorshift), so that every failure can be replayed by its
/// seed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap()).unwrap()
    }
}

/// Every plan file of the copy.
fn plan_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir.join("plans"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .filter(|e| e.file_name() != "alinea.yaml")
        .map(|e| e.path().to_path_buf())
        .collect()
}

/// One random change to the repository: a file removed, a file copied under a new id, an
/// objective inserted at the top of a plan, or a line cut out (often a broken file).
fn change(random: &mut Random, dir: &Path, step: usize) {
    let files = plan_files(dir);
    if files.is_empty() {
        return;
    }
    let Some(path) = files.get(random.below(files.len())) else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap_or_default();
    match random.below(4) {
        0 if files.len() > 3 => {
            std::fs::remove_file(path).unwrap();
        }
        1 => {
            let copy = text.replacen("  id: ", &format!("  id: copy{step}-"), 1);
            std::fs::write(path.with_file_name(format!("copy-{step}.yaml")), copy).unwrap();
        }
        2 => {
            let edited = text.replacen(
                "objectives:\n",
                &format!("objectives:\n  - code: NEW.{step}\n    statement: Nuevo\n"),
                1,
            );
            std::fs::write(path, edited).unwrap();
        }
        _ => {
            let lines: Vec<&str> = text.lines().collect();
            if lines.len() > 2 {
                let cut = random.below(lines.len());
                let edited: Vec<&str> = lines
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != cut)
                    .map(|(_, l)| *l)
                    .collect();
                std::fs::write(path, edited.join("\n")).unwrap();
            }
        }
    }
}

const SCRIPTS: &[&str] = &[
    "j",
    "k",
    "G",
    "g",
    "<enter>",
    "<esc>",
    "<tab>",
    "l",
    "h",
    "1",
    "2",
    "3",
    "4",
    "?",
    "q",
    "<down>",
    "<up>",
    "<pgdn>",
    "<pgup>",
    "z",
    "n",
    "N",
    "]",
    "[",
    "i",
    "t",
    ",f",
    ",r",
    ",s",
    "/OEI<enter>",
    "f%rule ART<enter>",
    "f<enter>",
    "<right>",
    "<left>",
    "s",
];

#[test]
fn random_keys_and_reloads_keep_the_model_valid() {
    for seed in 1..=4_u64 {
        let dir = copy_of_plans();
        let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut model = Model::new(run_of(dir.path()), TuiStyle { color: false });
        dispatch(&mut model, Msg::Resize(100, 30));
        for step in 0..100 {
            if random.below(8) == 0 {
                change(&mut random, dir.path(), step);
                reload(&mut model, dir.path());
            } else {
                let script = SCRIPTS
                    .get(random.below(SCRIPTS.len()))
                    .copied()
                    .unwrap_or("j");
                // `q` outside a popup quits: keep walking instead.
                if script == "q" && model.popup().is_none() {
                    continue;
                }
                press(&mut model, script);
            }
            if step % 10 == 0 {
                let sizes = [(120, 40), (80, 24), (40, 12), (20, 6)];
                let (width, height) = sizes.get(random.below(4)).copied().unwrap_or((80, 24));
                draw(&mut model, width, height);
                assert_eq!(model.invariants(), Vec::<String>::new(), "seed {seed}");
            }
        }
    }
}

#[test]
fn the_prompt_starts_empty_and_edits_like_a_line_editor() {
    let dir = copy_of_plans();
    let mut model = Model::new(run_of(dir.path()), TuiStyle { color: false });
    dispatch(&mut model, Msg::Resize(100, 30));
    press(&mut model, "f%rule ART<enter>");
    assert_eq!(model.filter_text(), "%rule ART");
    // Opened again, the prompt (and so the filter) is empty; Esc gives it back.
    press(&mut model, "f");
    assert_eq!(model.filter_text(), "");
    press(&mut model, "<esc>");
    assert_eq!(model.filter_text(), "%rule ART");
    // ctrl-w removes the word before the cursor, ctrl-u the whole line; the cursor moves.
    press(&mut model, "/OEI.05 AEI<c-w>");
    assert_eq!(model.search(), "OEI.05 ");
    press(&mut model, "x<home><right>y<end>z");
    assert_eq!(model.search(), "OyEI.05 xz");
    press(&mut model, "<c-u>OEI<enter>");
    assert_eq!(model.search(), "OEI");
}

#[test]
fn search_opens_the_folded_groups_that_hold_matches() {
    let dir = copy_of_plans();
    let mut model = Model::new(run_of(dir.path()), TuiStyle { color: false });
    dispatch(&mut model, Msg::Resize(100, 30));
    // Fold every group (`h` on each group row), then search for a code inside one.
    press(&mut model, "g");
    let groups = model.rows().len();
    for _ in 0..groups {
        press(&mut model, "h");
        press(&mut model, "j");
    }
    let folded_rows = model.rows().len();
    press(&mut model, "/OEI.05<enter>");
    assert!(model.rows().len() > folded_rows, "the group opened");
    let selected = model.selected_finding().expect("a finding is selected");
    assert_eq!(selected.element, "OEI.05");
    press(&mut model, "n");
    assert_eq!(
        model.selected_finding().map(|f| f.element.as_str()),
        Some("OEI.05")
    );
}

#[test]
fn from_a_plans_checks_enter_lists_the_findings_of_the_selected_check() {
    let dir = copy_of_plans();
    let mut model = Model::new(run_of(dir.path()), TuiStyle { color: false });
    dispatch(&mut model, Msg::Resize(100, 30));
    press(&mut model, "4");
    // Select the GORE PEI, focus its checks.
    for _ in 0..model.run().graph.plans.len() {
        if selected_row_text(&mut model).contains("pei-gore-san-martin") {
            break;
        }
        press(&mut model, "j");
    }
    let plan = "pei-gore-san-martin-2024-2028";
    press(&mut model, "<enter>");
    // Its checks in the order the pane lists them; the first failing one is selected with
    // `j`, the pane following it (100×30 cannot show them all).
    let checks: Vec<(String, Vec<String>, alinea::profile::Status)> = {
        let profile = model
            .run()
            .report
            .profiles
            .iter()
            .find(|p| p.plan == plan)
            .unwrap();
        alinea::report::Pillar::ALL
            .into_iter()
            .flat_map(|pillar| profile.pillar(pillar))
            .map(|c| (c.id().to_string(), c.rules.to_vec(), c.status))
            .collect()
    };
    let failing = checks
        .iter()
        .rposition(|(_, rules, status)| {
            *status == alinea::profile::Status::Fail && !rules.is_empty()
        })
        .unwrap();
    for _ in 0..failing {
        press(&mut model, "j");
    }
    let (id, rules, _) = &checks[failing];
    let shown = screen_row(&mut model, 100, 30, |row| row.contains("▶ ✗"));
    assert!(
        shown.contains(&format!("{id} ")) || shown.contains(id.as_str()),
        "{shown}"
    );
    press(&mut model, "<enter>");
    assert_eq!(model.view(), alinea::tui::app::View::Findings);
    assert_eq!(
        model.filter_text(),
        format!("%plan \"{plan}\" %rule {}", rules.join(","))
    );
    assert!(model.listed_findings().count() > 0);
    assert!(
        model
            .listed_findings()
            .all(|f| f.plan == plan && rules.contains(&f.rule))
    );
}

/// The first row of the screen, drawn at `width`×`height`, that `wanted` picks.
fn screen_row(model: &mut Model, width: u16, height: u16, wanted: impl Fn(&str) -> bool) -> String {
    let screen = draw(model, width, height);
    screen
        .content()
        .chunks(usize::from(width))
        .map(|row| {
            row.iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
        })
        .find(|row| wanted(row))
        .unwrap_or_default()
}

/// The text of the screen's row that holds the selection marker.
fn selected_row_text(model: &mut Model) -> String {
    screen_row(model, 100, 30, |row| row.contains('▶') && row.contains('%'))
}

#[test]
fn back_in_the_trace_returns_to_the_line_that_was_followed() {
    let dir = copy_of_plans();
    let mut model = Model::new(run_of(dir.path()), TuiStyle { color: false });
    dispatch(&mut model, Msg::Resize(120, 40));
    // A finding's trace, down a few lines, follow one, then come back.
    press(&mut model, "2");
    press(&mut model, "jjj");
    let line = model.trace_selected();
    let title = trace_title(&mut model);
    press(&mut model, "l");
    assert_ne!(trace_title(&mut model), title, "l follows the line");
    press(&mut model, "h");
    assert_eq!(trace_title(&mut model), title);
    assert_eq!(model.trace_selected(), line);
}

/// The title of the trace pane, as drawn.
fn trace_title(model: &mut Model) -> String {
    screen_row(model, 120, 40, |row| row.contains("trace of"))
}
