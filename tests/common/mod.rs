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

/// The charterlint binary, run from the crate root without the color settings of
/// the environment, so output is the same on every machine.
pub fn charterlint() -> std::process::Command {
    let mut command = std::process::Command::new(insta_cmd::get_cargo_bin("charterlint"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    command
}

/// Runs `command` and checks its exit code, showing what it printed when the code is
/// not the one expected.
pub fn exits(command: &mut std::process::Command, code: i32) -> std::process::Output {
    let output = command.output().expect("the command runs");
    assert_eq!(
        output.status.code(),
        Some(code),
        "{command:?}\nstdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Runs relative to the crate root, so paths in reports are stable.
pub fn run(paths: &[&str]) -> RunReport {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("crate root");
    let paths: Vec<String> = paths.iter().map(|path| path.to_string()).collect();
    // Every format is rendered from these runs, the Markdown and HTML matrices too.
    let mut options = RunOptions::new(today());
    options.coverage = true;
    lint::run(&paths, &options)
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

/// A scratch folder holding copies of some example charters.
pub struct Scratch {
    pub folder: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        Scratch {
            folder: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn path(&self, relative: &str) -> std::path::PathBuf {
        self.folder.path().join(relative)
    }

    /// Copies a file of the repository to `relative`, creating its folders.
    pub fn copy(&self, from: &str, relative: &str) -> std::path::PathBuf {
        let target = self.path(relative);
        std::fs::create_dir_all(target.parent().expect("has a folder")).expect("folder created");
        std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(from), &target).expect("copied");
        target
    }

    pub fn charterlint(&self) -> std::process::Command {
        let mut command = charterlint();
        command.current_dir(self.folder.path());
        command
    }

    /// Every file name in the folder (not below it), sorted.
    pub fn listing(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.folder.path())
            .expect("listable")
            .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}
