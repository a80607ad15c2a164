//! Charters from the spreadsheets teams keep, and back: golden tests of `import` on
//! matrices made the way people make them (LibreOffice exports, a CSV with a BOM and
//! CRLF line endings, a title row and a merged header, a second sheet of people,
//! combined cells, a broken cell), and of `export` read back by `import`.

mod common;

use common::Scratch;
use insta_cmd::assert_cmd_snapshot;

const FIXTURES: &str = "tests/fixtures/import";

use common::charterlint;

#[test]
fn every_fixture_imports_to_a_charter_that_lints() {
    for fixture in [
        "product-team.csv",
        "safe-train.xlsx",
        "design-team.ods",
        "combined-cells.csv",
        "raci-matrix.csv",
    ] {
        let path = format!("{FIXTURES}/{fixture}");
        assert_cmd_snapshot!(format!("import__{fixture}"), charterlint().args(["import", &path]));
        let output = common::exits(charterlint().args(["import", &path]), 0);
        let report = {
            let mut options = charterlint::lint::RunOptions::new(common::today());
            options.coverage = true;
            options.stdin = Some((output.stdout, charterlint::charter::InputFormat::Toml));
            charterlint::lint::run(&["-".to_string()], &options)
        };
        assert!(report.input_errors.is_empty(), "{fixture}: {:?}", report.input_errors);
        assert_eq!(report.files.len(), 1, "{fixture}");
    }
}

#[test]
fn a_broken_sheet_names_its_sheet_row_and_column() {
    assert_cmd_snapshot!(charterlint().args(["import", &format!("{FIXTURES}/broken.xlsx")]));
}

#[test]
fn import_never_overwrites_without_force_and_writes_json_by_extension() {
    let scratch = Scratch::new();
    let source = scratch.copy("examples/10-raci-matrix.csv", "matrix.csv");
    let source = source.to_string_lossy().into_owned();
    common::exits(
        scratch
            .charterlint()
            .args(["import", &source, "-o", "team.charter.json"]),
        0,
    );
    let written = std::fs::read_to_string(scratch.path("team.charter.json")).expect("written");
    assert!(written.trim_start().starts_with('{'), "JSON by the extension");
    common::exits(
        scratch
            .charterlint()
            .args(["import", &source, "-o", "team.charter.json"]),
        2,
    );
    assert_eq!(
        std::fs::read_to_string(scratch.path("team.charter.json")).expect("kept"),
        written
    );
    common::exits(
        scratch
            .charterlint()
            .args(["import", &source, "-o", "team.charter.json", "--force"]),
        0,
    );
}

#[test]
fn an_exported_workbook_imports_to_the_same_findings() {
    let scratch = Scratch::new();
    let charter = scratch.copy(
        "examples/09-acceptance-fell-through.charter.toml",
        "billing.charter.toml",
    );
    common::exits(
        scratch.charterlint().args([
            "export",
            "billing.charter.toml",
            "--format",
            "xlsx",
            "-o",
            "billing.xlsx",
        ]),
        0,
    );
    common::exits(
        scratch
            .charterlint()
            .args(["import", "billing.xlsx", "-o", "back.charter.toml"]),
        0,
    );
    let findings = |path: &std::path::Path| {
        let mut options = charterlint::lint::RunOptions::new(common::today());
        options.threads = 1;
        let report = charterlint::lint::run(&[path.to_string_lossy().into_owned()], &options);
        assert!(report.input_errors.is_empty(), "{:?}", report.input_errors);
        common::finding_set(&report)
    };
    assert_eq!(findings(&charter), findings(&scratch.path("back.charter.toml")));
}

#[test]
fn the_export_of_a_charter_is_a_readable_matrix() {
    assert_cmd_snapshot!(charterlint().args(["export", "examples/09-acceptance-fell-through.charter.toml"]));
}
