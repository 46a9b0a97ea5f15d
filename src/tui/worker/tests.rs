use std::time::{Duration, Instant};

use super::{Lints, Worker};

#[test]
fn a_request_during_a_run_is_queued_once_and_starts_when_it_ends() {
    let mut lints = Lints::default();
    assert!(lints.request(), "the first request starts a run");
    assert!(lints.running());
    // Three saves during the run: one more run, not three, and none lost.
    assert!(!lints.request());
    assert!(!lints.request());
    assert!(!lints.request());
    assert!(
        lints.finished(),
        "the queued run starts when the first ends"
    );
    assert!(lints.running());
    assert!(!lints.finished(), "nothing more was asked for");
    assert!(!lints.running());
    assert!(lints.request(), "idle again: a request starts at once");
}

#[test]
fn without_requests_during_a_run_nothing_follows_it() {
    let mut lints = Lints::default();
    assert!(lints.request());
    assert!(!lints.finished());
    assert_eq!(lints, Lints::default());
}

fn plans() -> crate::CheckOptions {
    crate::CheckOptions {
        paths: vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans")],
        ..crate::CheckOptions::default()
    }
}

/// Waits for the worker's next outcome (a minute at most).
fn outcome(worker: &mut Worker) -> super::Outcome {
    let start = Instant::now();
    loop {
        if let Some(outcome) = worker.wait_outcome(Duration::from_millis(50)) {
            return outcome;
        }
        assert!(start.elapsed() < Duration::from_mins(1), "no outcome");
    }
}

#[test]
fn the_worker_lints_in_its_thread_and_runs_a_queued_request_after() {
    let mut worker = Worker::start(plans()).unwrap();
    assert!(worker.busy(), "the first run starts at once");
    // Asked for twice while the first runs (once after a known file changed, once after
    // unknown changes): one more run, which reads every file.
    worker.request(Some(vec![
        "plans/regional/san-martin/pei-2024-2028.yaml".into(),
    ]));
    worker.request(None);
    let first = outcome(&mut worker).unwrap();
    assert!(worker.busy(), "the queued run started");
    let second = outcome(&mut worker).unwrap();
    assert!(!worker.busy());
    assert_eq!(
        first.run.report.findings.len(),
        second.run.report.findings.len()
    );
    assert_eq!(
        first.run.report.findings.len(),
        crate::check(&plans()).unwrap().report.findings.len()
    );
    assert!(worker.try_outcome().is_none(), "no third run");
    assert_eq!(worker.progress().stage(), crate::Stage::Report);
    assert_eq!(worker.progress().read(), worker.progress().files());
}

#[test]
fn a_run_that_cannot_start_comes_back_as_its_error() {
    let options = crate::CheckOptions {
        paths: vec!["no/such/folder".into()],
        ..crate::CheckOptions::default()
    };
    let mut worker = Worker::start(options).unwrap();
    assert!(matches!(
        outcome(&mut worker),
        Err(crate::CheckError::MissingPath(_))
    ));
    assert!(!worker.busy());
}
