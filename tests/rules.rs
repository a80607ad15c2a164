//! Every rule has a charter where it fires and one where it stays quiet; the findings of
//! both are recorded as snapshots.

mod common;

use charterlint::report::ReportFormat;
use charterlint::rules::RULES;

#[test]
fn every_rule_fires_on_its_fixture_and_stays_quiet_on_the_other() {
    for rule in RULES {
        for (kind, should_fire) in [("fires", true), ("quiet", false)] {
            let folder = format!("tests/fixtures/rules/{}/{kind}", rule.name);
            let mut report = common::run(&[&folder]);
            // A baseline rule judges the run against the baseline beside its charter.
            let baseline = format!("{folder}/baseline.toml");
            if std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(&baseline)
                .exists()
            {
                let baseline = charterlint::baseline::load(&baseline, u64::MAX).expect("the fixture baseline loads");
                let org = charterlint::policy::OrgPolicy::default();
                charterlint::lint::apply_baseline(
                    &mut report,
                    &baseline,
                    &org,
                    None,
                    env!("CARGO_MANIFEST_DIR").as_ref(),
                );
            }
            assert!(!report.files.is_empty(), "{folder} holds no charter");
            assert!(report.input_errors.is_empty(), "{folder} does not load");
            let fired = report.findings.iter().any(|finding| finding.rule == rule.name);
            assert_eq!(fired, should_fire, "{} in {folder}", rule.name);
            insta::assert_snapshot!(
                format!("{}__{kind}", rule.name),
                common::render(&report, ReportFormat::Text)
            );
        }
    }
}

#[test]
fn messages_are_lowercase_without_a_final_period() {
    for rule in RULES {
        let report = common::run(&[&format!("tests/fixtures/rules/{}/fires", rule.name)]);
        for finding in &report.findings {
            let first = finding.message.chars().next().expect("non-empty message");
            assert!(!first.is_uppercase(), "{}: {}", finding.rule, finding.message);
            assert!(!finding.message.ends_with('.'), "{}: {}", finding.rule, finding.message);
            assert!(finding.help.is_some(), "{} has no help", finding.rule);
        }
    }
}
