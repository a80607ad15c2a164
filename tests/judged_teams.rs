//! Whole-team charters judged as a careful reviewer would judge them: each folder of
//! `tests/fixtures/judged-teams*` holds real-language charters and `expected.toml`,
//! the errors and warnings a reviewer expects, written before charterlint was run on
//! them. A charter is judged right when its errors and warnings are exactly those.

mod common;

use charterlint::finding::Severity;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expectations {
    charter: Vec<ExpectedCharter>,
}

#[derive(Deserialize)]
struct ExpectedCharter {
    file: String,
    errors: Vec<ExpectedFinding>,
    warnings: Vec<ExpectedFinding>,
}

#[derive(Deserialize, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct ExpectedFinding {
    rule: String,
    /// Compared only when given: some rules concern a person, not a responsibility.
    responsibility: Option<String>,
}

/// The charters of `folder` that charterlint judges as expected, and a description of
/// every one it does not.
fn judge(folder: &str) -> (usize, usize, Vec<String>) {
    let path = format!("{}/{folder}/expected.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("expected.toml");
    let expectations: Expectations = toml::from_str(&text).expect("expected.toml parses");
    let mut right = 0;
    let mut wrong = Vec::new();
    for charter in &expectations.charter {
        let file = format!("{folder}/{}", charter.file);
        let report = common::run(&[&file]);
        let found = |severity: Severity| {
            let mut found: Vec<ExpectedFinding> = report
                .findings
                .iter()
                .filter(|finding| finding.severity == severity)
                .map(|finding| ExpectedFinding {
                    rule: finding.rule.to_string(),
                    responsibility: finding.responsibility.map(str::to_string),
                })
                .collect();
            found.sort();
            found
        };
        let matches = |expected: &[ExpectedFinding], found: &[ExpectedFinding]| {
            let mut expected = expected.to_vec();
            expected.sort();
            expected.len() == found.len()
                && expected.iter().all(|want| {
                    found.iter().any(|got| {
                        got.rule == want.rule
                            && (want.responsibility.is_none() || got.responsibility == want.responsibility)
                    })
                })
        };
        let (errors, warnings) = (found(Severity::Error), found(Severity::Warning));
        if matches(&charter.errors, &errors) && matches(&charter.warnings, &warnings) {
            right += 1;
        } else {
            wrong.push(format!(
                "{file}: expected errors {:?} warnings {:?}, got errors {errors:?} warnings {warnings:?}",
                charter.errors, charter.warnings
            ));
        }
    }
    (right, expectations.charter.len(), wrong)
}

/// The first set: 1 of 8 judged as expected when it was written, before any change
/// was chosen on it; then used to find what real charters trip on.
#[test]
fn whole_teams_are_judged_as_a_reviewer_would() {
    let (right, all, wrong) = judge("tests/fixtures/judged-teams");
    assert!(right >= 7, "{right} of {all} judged as expected:\n{}", wrong.join("\n"));
}

/// The second set, written by someone who saw neither the first set nor the corpus,
/// and measured after the changes the first set led to: 2 of 8 (1 of 8 before them).
/// Its misses are false errors and unknown duties; none was chosen on.
#[test]
fn whole_teams_nobody_tuned_for_are_judged_as_a_reviewer_would() {
    let (right, all, wrong) = judge("tests/fixtures/judged-teams-held-out");
    assert!(right >= 2, "{right} of {all} judged as expected:\n{}", wrong.join("\n"));
}

/// The third set, written by someone who saw neither other set nor the corpus: 1 of 8
/// when first measured (8 false errors before this set's day's changes, 4 after),
/// 2 of 8 after the one fix its measurement called for, 4 of 8 after the fourth set's.
#[test]
fn a_third_set_of_whole_teams_is_judged_as_a_reviewer_would() {
    let (right, all, wrong) = judge("tests/fixtures/judged-teams-third");
    assert!(right >= 4, "{right} of {all} judged as expected:\n{}", wrong.join("\n"));
}

/// The fourth set, like the first, was measured once as written (0 of 8, 8 false
/// errors) and then used to find what real charters trip on.
#[test]
fn a_fourth_set_of_whole_teams_is_judged_as_a_reviewer_would() {
    let (right, all, wrong) = judge("tests/fixtures/judged-teams-fourth");
    assert!(right >= 4, "{right} of {all} judged as expected:\n{}", wrong.join("\n"));
}

/// The fifth set, written by someone who saw no other set nor the corpus, measured
/// after every change: 4 of 8 (2 of 8 for the build before the day's changes).
#[test]
fn a_fifth_set_of_whole_teams_nobody_tuned_for_is_judged_as_a_reviewer_would() {
    let (right, all, wrong) = judge("tests/fixtures/judged-teams-fifth");
    assert!(right >= 4, "{right} of {all} judged as expected:\n{}", wrong.join("\n"));
}

/// The sixth set, like the fifth, measured only after every change: 4 of 8 (3 of 8
/// for the build before the day's changes).
#[test]
fn a_sixth_set_of_whole_teams_nobody_tuned_for_is_judged_as_a_reviewer_would() {
    let (right, all, wrong) = judge("tests/fixtures/judged-teams-sixth");
    assert!(right >= 4, "{right} of {all} judged as expected:\n{}", wrong.join("\n"));
}
