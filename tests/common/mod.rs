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

/// Renders a report; a JSON report is validated against `schemas/report.schema.json`
/// first, so every JSON report a test makes is one the schema accepts.
pub fn render(report: &RunReport, format: ReportFormat) -> String {
    let text = render_unchecked(report, format);
    if format == ReportFormat::Json {
        assert_valid(&text, "schemas/report.schema.json");
    }
    text
}

/// Fails with every validation error when `json` does not validate against the schema.
pub fn assert_valid(json: &str, schema_path: &str) {
    let schema: serde_json::Value = serde_json::from_str(&read(schema_path)).expect("the schema is JSON");
    let instance: serde_json::Value = serde_json::from_str(json).expect("the document is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{schema_path}:\n{}", errors.join("\n"));
}

/// Renders a report as `charterlint check` run at the crate root would, SARIF with
/// the commit it was checked at.
pub fn render_for_run(report: &RunReport, format: ReportFormat) -> String {
    let options = charterlint::report::EmitOptions::for_run(format, env!("CARGO_MANIFEST_DIR").into());
    let mut out = Vec::new();
    format.emitter(options).emit(report, &mut out).expect("in memory");
    String::from_utf8(out).expect("reports are UTF-8")
}

fn render_unchecked(report: &RunReport, format: ReportFormat) -> String {
    let mut out = Vec::new();
    format
        .emitter(charterlint::report::EmitOptions::relative_to(env!(
            "CARGO_MANIFEST_DIR"
        )))
        .emit(report, &mut out)
        .expect("in memory");
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
