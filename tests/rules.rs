//! Every rule has a charter where it fires and one, just on the quiet side of its
//! boundary, where it stays quiet. Each runs with only that rule on (and the rules its
//! acceptances and baseline name, which the acceptance and baseline rules judge), so
//! the snapshot of where it fires records that rule's findings alone and changes only
//! when it does.

mod common;

use charterlint::charter::{LintConfig, RuleLevel, SeverityOverrides, Spanned};
use charterlint::lint::{self, RunOptions};
use charterlint::policy::OrgPolicy;
use charterlint::report::ReportFormat;
use charterlint::rules::RULES;

/// The rules named by `rule = "…"` in the `[[lint.accept]]` entries of the charters
/// in `folder` and in the `[[finding]]` entries of its baseline.
fn rules_named_in(folder: &str) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut names = Vec::new();
    for entry in std::fs::read_dir(root).expect("fixture folder") {
        let path = entry.expect("entry").path();
        let value: toml::Value = toml::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("TOML");
        let accepts = value
            .get("lint")
            .and_then(|lint| lint.get("accept"))
            .and_then(toml::Value::as_array);
        let known = value.get("finding").and_then(toml::Value::as_array);
        for accept in accepts.into_iter().flatten().chain(known.into_iter().flatten()) {
            if let Some(rule) = accept.get("rule").and_then(toml::Value::as_str) {
                names.push(rule.to_string());
            }
        }
    }
    names
}

/// An org policy that turns every rule off but `rule` and `also`.
fn only(rule: &str, also: &[String]) -> OrgPolicy {
    let off = RULES
        .iter()
        .filter(|other| other.name != rule && !also.iter().any(|name| name == other.name))
        .map(|other| {
            (
                Spanned::new(other.name.to_string(), 0..0),
                Spanned::new(RuleLevel::Off, 0..0),
            )
        })
        .collect();
    OrgPolicy {
        lint: LintConfig {
            severity: SeverityOverrides(off),
            ..LintConfig::default()
        },
        source: None,
    }
}

#[test]
fn every_rule_fires_on_its_fixture_and_stays_quiet_on_the_other() {
    for rule in RULES {
        for (kind, should_fire) in [("fires", true), ("quiet", false)] {
            let folder = format!("tests/fixtures/rules/{}/{kind}", rule.name);
            let org = only(rule.name, &rules_named_in(&folder));
            std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("crate root");
            let mut options = RunOptions::new(common::today());
            options.org = org.clone();
            let mut report = lint::run(std::slice::from_ref(&folder), &options);
            // A baseline rule judges the run against the baseline beside its charter.
            let baseline = format!("{folder}/baseline.toml");
            if std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(&baseline)
                .exists()
            {
                let baseline = charterlint::baseline::load(std::path::Path::new(&baseline), u64::MAX)
                    .expect("the fixture baseline loads");
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
            // A quiet run has nothing of the rule to show; the assertion above is its test.
            if should_fire {
                insta::assert_snapshot!(
                    format!("{}__{kind}", rule.name),
                    common::render(&report, ReportFormat::Text)
                );
            }
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
