use std::path::PathBuf;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, CreateKind, DataChange, ModifyKind, RemoveKind, RenameMode};
use notify::{Event, EventKind};

use super::{AT_MOST, Debounce, QUIET, Watch, relevant};

fn event(kind: EventKind, path: &str) -> Event {
    Event::new(kind).add_path(PathBuf::from(path))
}

#[test]
fn changes_wait_for_quiet_then_are_due_once() {
    let start = Instant::now();
    let mut debounce = Debounce::default();
    assert!(!debounce.due(start));
    assert_eq!(debounce.wait(start), None, "nothing waits: sleep");
    debounce.changed(start);
    assert_eq!(debounce.wait(start), Some(QUIET));
    // Another change 100 ms later pushes the re-lint back.
    let later = start + Duration::from_millis(100);
    debounce.changed(later);
    assert!(!debounce.due(start + QUIET));
    assert!(debounce.due(later + QUIET));
    assert!(!debounce.due(later + QUIET * 2), "due once");
}

#[test]
fn a_stream_of_changes_is_due_at_most_after_the_cap() {
    let start = Instant::now();
    let mut debounce = Debounce::default();
    let mut now = start;
    while now < start + AT_MOST {
        debounce.changed(now);
        assert!(!debounce.due(now));
        now += QUIET / 2;
    }
    debounce.changed(now);
    assert!(
        debounce.due(now),
        "capped at AT_MOST after the first change"
    );
}

#[test]
fn a_run_started_forgets_the_changes_it_will_see() {
    let start = Instant::now();
    let mut debounce = Debounce::default();
    debounce.changed(start);
    debounce.clear();
    assert!(!debounce.due(start + AT_MOST));
}

#[test]
fn only_changes_to_plans_rules_and_named_files_count() {
    let named = [PathBuf::from("/repo/notes.txt")];
    let data = EventKind::Modify(ModifyKind::Data(DataChange::Content));
    assert!(relevant(&event(data, "/repo/pei.yaml"), &named));
    assert!(relevant(&event(data, "/repo/poi.yml"), &named));
    assert!(relevant(&event(data, "/rules/x.rule"), &named));
    assert!(relevant(&event(data, "/repo/notes.txt"), &named));
    assert!(relevant(
        &event(EventKind::Create(CreateKind::File), "/repo/new.yaml"),
        &named
    ));
    assert!(!relevant(&event(data, "/repo/README.md"), &named));
    assert!(!relevant(&event(data, "/repo/.pei.yaml.swp"), &named));
    assert!(!relevant(&event(data, "/repo/.#pei.yaml"), &named));
    assert!(!relevant(&event(data, "/repo/target/build"), &named));
    // The linter's own reads must not start another run.
    assert!(!relevant(
        &event(EventKind::Access(AccessKind::Any), "/repo/pei.yaml"),
        &named
    ));
    // A folder removed or renamed may have held plans.
    assert!(relevant(
        &event(EventKind::Remove(RemoveKind::Folder), "/repo/region"),
        &named
    ));
    assert!(relevant(
        &event(
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            "/repo/region"
        ),
        &named
    ));
}

#[test]
fn a_saved_plan_is_seen_and_due_after_the_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("pei.yaml");
    std::fs::write(&plan, "a: 1\n").unwrap();
    let mut watch = Watch::new(&[dir.path().to_path_buf()]).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a plan").unwrap();
    std::fs::write(&plan, "a: 2\n").unwrap();
    let start = Instant::now();
    loop {
        let now = Instant::now();
        watch.drain(now);
        if watch.wait(now).is_some() {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no event came");
        std::thread::sleep(Duration::from_millis(20));
    }
    let seen = Instant::now();
    assert!(!watch.due(seen));
    assert!(watch.due(seen + QUIET));
    watch.seen();
    assert_eq!(watch.wait(seen), None);
}
