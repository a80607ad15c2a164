//! Every input that once crashed charterlint, run through the whole pipeline again.
//! Files in `tests/fuzz-regressions/` use the fuzz target's layout: the first byte
//! picks the format (even: TOML, odd: JSON), the rest is the charter.

mod common;

use charterlint::charter::InputFormat;
use charterlint::lint::{self, RunOptions};
use charterlint::report::ReportFormat;

#[test]
fn former_crashes_stay_fixed() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut inputs: Vec<_> = std::fs::read_dir(&folder)
        .expect("folder")
        .map(|entry| entry.expect("entry").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    for input in inputs {
        let bytes = std::fs::read(&input).expect("readable");
        let Some((&selector, text)) = bytes.split_first() else {
            continue;
        };
        let format = if selector % 2 == 0 {
            InputFormat::Toml
        } else {
            InputFormat::Json
        };
        let mut options = RunOptions::new(common::today());
        options.coverage = true;
        options.stdin = Some((text.to_vec(), format));
        let report = lint::run(&["-".to_string()], &options);
        // The input is either checked or reported, never dropped.
        assert_eq!(report.files.len() + report.input_errors.len(), 1, "{}", input.display());
        for format in ReportFormat::ALL {
            assert!(!common::render(&report, format).is_empty(), "{}", input.display());
        }
    }
}
