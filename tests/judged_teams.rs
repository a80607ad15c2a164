//! Whole-team charters judged as a careful reviewer would judge them: each folder of
//! `tests/fixtures/judged-teams*` holds real-language charters and `expected.toml`,
//! the errors and warnings a reviewer expects, written before charterlint was run on
//! them. A charter is judged right when its errors and warnings are exactly those.

mod common;

use charterlint::catalog::Area;
use charterlint::finding::Severity;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectations {
    charter: Vec<ExpectedCharter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedCharter {
    file: String,
    errors: Vec<ExpectedFinding>,
    warnings: Vec<ExpectedFinding>,
    /// The reviewer's reasons, for people reading the set; not compared.
    #[serde(rename = "note")]
    _note: String,
}

#[derive(Deserialize, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[serde(deny_unknown_fields)]
struct ExpectedFinding {
    rule: String,
    /// Compared only when given: some rules concern a person, not a responsibility.
    responsibility: Option<String>,
    /// The area an `unowned-area` finding names; compared only when given.
    area: Option<String>,
}

/// The area a finding's message names ("no one owns any outcomes responsibility"):
/// findings carry no area of their own.
fn area_named_in(message: &str) -> Option<String> {
    Area::ALL
        .into_iter()
        .map(Area::name)
        .find(|name| message.contains(&format!(" any {name} responsibility")))
        .map(str::to_string)
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
                    area: area_named_in(&finding.message),
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
                            && (want.area.is_none() || got.area == want.area)
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

/// Each set, with the fewest charters it must judge as expected (measured on
/// 2026-12-01; each folder's README says how the set was used).
const SETS: &[(&str, usize)] = &[
    // Measured once as written (1 of 8), then used to find what real charters trip on.
    // It and the eighteenth rose to 8 when duties no phrase matches were first read by
    // their words (`src/likeness.rs`).
    ("tests/fixtures/judged-teams", 8),
    // The next seven were written by people who saw neither the catalog nor the
    // corpus, and measured blind first (1, 1, 0, 2, 3, 3 and 1 of 8); each was then
    // read for what real charters trip on, so they now guard what was learnt rather
    // than measure it.
    ("tests/fixtures/judged-teams-held-out", 6),
    ("tests/fixtures/judged-teams-third", 6),
    ("tests/fixtures/judged-teams-fourth", 8),
    ("tests/fixtures/judged-teams-fifth", 7),
    ("tests/fixtures/judged-teams-sixth", 7),
    ("tests/fixtures/judged-teams-seventh", 7),
    ("tests/fixtures/judged-teams-eighth", 6),
    // Written blind after them and measured before any change of its day (4 of 8),
    // then once after them all (5 of 8); its misses have not been read.
    ("tests/fixtures/judged-teams-ninth", 5),
    // Written blind later that day and measured before anything was chosen on them
    // (6 and 7 of 8; 5 and 7 with `1596b19`), then read for misses.
    ("tests/fixtures/judged-teams-tenth", 8),
    ("tests/fixtures/judged-teams-eleventh", 7),
    // Written blind on 2026-12-02 and measured before anything was chosen on them
    // (8 and 7 of 8, the same with `685d8a7`), then read for misses.
    ("tests/fixtures/judged-teams-twelfth", 8),
    ("tests/fixtures/judged-teams-thirteenth", 8),
    // Written blind later that day: the fourteenth measured 6 of 8 (5 with `685d8a7`)
    // and was then read for misses; the fifteenth measured 7 of 8 (6 with `685d8a7`)
    // with the day's last build and was read for misses the next day.
    ("tests/fixtures/judged-teams-fourteenth", 7),
    ("tests/fixtures/judged-teams-fifteenth", 8),
    // Written blind on 2026-12-02: the sixteenth and seventeenth measured 7 and 3 of 8
    // before anything was chosen on them (the same with `88450cd`) and were then read
    // for misses; the eighteenth and nineteenth measured 7 and 6 of 8 with the day's
    // last build (the same with `88450cd`), and their misses were read the day after
    // (the nineteenth is 7 since "it" and "them" point back to the part before).
    ("tests/fixtures/judged-teams-sixteenth", 8),
    ("tests/fixtures/judged-teams-seventeenth", 6),
    ("tests/fixtures/judged-teams-eighteenth", 8),
    ("tests/fixtures/judged-teams-nineteenth", 7),
    // Written blind on 2026-12-02 (public-sector and private-sector teams): 7 and 7 of
    // 8 before anything was chosen on them, the same with `83e5730`; their misses have
    // not been read.
    ("tests/fixtures/judged-teams-twentieth", 7),
    ("tests/fixtures/judged-teams-twenty-first", 7),
];

#[test]
fn whole_teams_are_judged_as_a_reviewer_would() {
    let mut below = Vec::new();
    for &(folder, floor) in SETS {
        let (right, all, wrong) = judge(folder);
        if right < floor {
            below.push(format!(
                "{folder}: {right} of {all} judged as expected (floor {floor}):\n{}",
                wrong.join("\n")
            ));
        }
    }
    assert!(below.is_empty(), "{}", below.join("\n\n"));
}
