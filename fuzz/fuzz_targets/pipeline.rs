//! The whole pipeline on arbitrary bytes: load (TOML or JSON, chosen by the first
//! byte), map, lint, and every report format. Any panic is a bug.
#![no_main]

use charterlint::charter::{Date, InputFormat};
use charterlint::lint::{RunOptions, run};
use charterlint::report::ReportFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, text)) = data.split_first() else {
        return;
    };
    let format = if selector % 2 == 0 { InputFormat::Toml } else { InputFormat::Json };
    let mut options = RunOptions::new(Date::parse("2026-06-01").expect("valid date"));
    options.coverage = true;
    options.stdin = Some((text.to_vec(), format));
    let report = run(&["-".to_string()], &options);
    assert!(report.exit_code() <= 2);
    for format in ReportFormat::ALL {
        let mut out = Vec::new();
        format.emitter(charterlint::report::EmitOptions::default()).emit(&report, &mut out).expect("writing to memory succeeds");
    }
});
