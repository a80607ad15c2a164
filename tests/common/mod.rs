//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::Path;

use charterlint::charter::Date;
use charterlint::lint::{self, RunOptions, RunReport};
use charterlint::report::ReportFormat;

/// A fixed day, so acceptances expire the same way on every run.
pub fn today() -> Date {
    Date::parse("2026-06-01").expect("valid date")
}

/// Runs relative to the crate root, so paths in reports are stable.
pub fn run(paths: &[&str]) -> RunReport {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("crate root");
    let paths: Vec<String> = paths.iter().map(|path| path.to_string()).collect();
    lint::run(&paths, &RunOptions::new(today()))
}

pub fn render(report: &RunReport, format: ReportFormat) -> String {
    let mut out = Vec::new();
    format.emitter(false, false).emit(report, &mut out).expect("in memory");
    String::from_utf8(out).expect("reports are UTF-8")
}

pub fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("readable")
}

/// What a finding says, without where it is: for comparing reorderings.
pub fn finding_set(report: &RunReport) -> Vec<String> {
    let mut set: Vec<String> = report
        .findings
        .iter()
        .map(|finding| {
            let mut roles = finding.roles.clone();
            roles.sort();
            let mut people = finding.people.clone();
            people.sort();
            format!(
                "{} {:?} {:?} {:?} {:?}",
                finding.rule, finding.severity, finding.responsibility, roles, people
            )
        })
        .collect();
    set.sort();
    set
}
