//! The text and JSON reports of every shipped example, and of the whole folder.

mod common;

use charterlint::report::ReportFormat;

fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
        .expect("examples folder")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".charter."))
        .collect();
    names.sort();
    names
}

#[test]
fn every_example_in_every_format() {
    let names = examples();
    assert!(names.len() >= 6);
    for name in names {
        let report = common::run(&[&format!("examples/{name}")]);
        assert!(report.input_errors.is_empty(), "{name} does not load");
        for (format, label) in [(ReportFormat::Text, "text"), (ReportFormat::Json, "json")] {
            insta::assert_snapshot!(format!("{name}__{label}"), common::render(&report, format));
        }
    }
}

#[test]
fn the_examples_folder_in_every_format() {
    let report = common::run(&["examples/"]);
    for (format, label) in [(ReportFormat::Text, "text"), (ReportFormat::Json, "json")] {
        insta::assert_snapshot!(format!("folder__{label}"), common::render(&report, format));
    }
}

#[test]
fn examples_end_as_the_readme_says() {
    let outcome = |name: &str| common::run(&[&format!("examples/{name}")]);
    assert_eq!(outcome("01-startup.charter.toml").exit_code(), 0);
    assert_eq!(outcome("01-startup.charter.toml").summary.info, 1);
    assert!(outcome("02-scaled-program.charter.toml").findings.is_empty());
    assert_eq!(outcome("03-visionary-no-backlog.charter.toml").exit_code(), 1);
    let blurred = outcome("04-blurred-boundaries.charter.toml");
    assert!(
        blurred
            .findings
            .iter()
            .any(|finding| finding.rule == "shared-accountability")
    );
    assert!(outcome("05-kanban-team.charter.toml").findings.is_empty());
    assert_eq!(outcome("06-json-team.charter.json").exit_code(), 0);
}
