//! Adopting charterlint with a baseline, and reviewing what a change does to
//! ownership: golden tests of `check --write-baseline`, `check --baseline` and
//! `charterlint diff`, each in a fresh folder with relative paths.

mod common;

use common::Scratch;
use insta_cmd::assert_cmd_snapshot;

const STARTUP: &str = "examples/01-startup.charter.toml";
const BLURRED: &str = "examples/04-blurred-boundaries.charter.toml";
const FELL_THROUGH: &str = "examples/09-acceptance-fell-through.charter.toml";

/// A scratch organisation of three example charters with a baseline of their findings.
fn adopted() -> Scratch {
    let scratch = Scratch::new();
    scratch.copy(STARTUP, "teams/lumen.charter.toml");
    scratch.copy(BLURRED, "teams/mobile.charter.toml");
    scratch.copy(FELL_THROUGH, "teams/billing.charter.toml");
    let output = scratch
        .charterlint()
        .args(["check", "teams", "--write-baseline", "baseline.toml", "--quiet"])
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    scratch
}

fn edit(scratch: &Scratch, relative: &str, from: &str, to: &str) {
    let path = scratch.path(relative);
    let text = std::fs::read_to_string(&path).expect("readable");
    assert!(text.contains(from), "{relative} holds {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("written");
}

#[test]
fn a_baseline_records_every_finding_readably() {
    let scratch = adopted();
    let baseline = std::fs::read_to_string(scratch.path("baseline.toml")).expect("written");
    insta::assert_snapshot!(baseline);
}

#[test]
fn a_run_against_its_baseline_is_clean() {
    let scratch = adopted();
    assert_cmd_snapshot!(
        scratch
            .charterlint()
            .args(["check", "teams", "--baseline", "baseline.toml"])
    );
}

#[test]
fn a_new_finding_on_top_of_the_baseline_fails_alone() {
    let scratch = adopted();
    // The startup's product person no longer sets the vision: a new error, and an
    // unknown duty.
    edit(
        &scratch,
        "teams/lumen.charter.toml",
        "\"Setting the product vision\"",
        "\"Watering the plants\"",
    );
    assert_cmd_snapshot!(
        scratch
            .charterlint()
            .args(["check", "teams", "--baseline", "baseline.toml"])
    );
}

#[test]
fn a_fixed_finding_leaves_a_stale_entry_that_prune_removes() {
    let scratch = adopted();
    edit(
        &scratch,
        "teams/billing.charter.toml",
        "holders = []",
        "holders = [\"Lea Novak\"]",
    );
    assert_cmd_snapshot!(
        "stale",
        scratch
            .charterlint()
            .args(["check", "teams", "--baseline", "baseline.toml"])
    );
    let before = std::fs::read_to_string(scratch.path("baseline.toml")).expect("readable");
    let output = scratch
        .charterlint()
        .args([
            "check",
            "teams",
            "--baseline",
            "baseline.toml",
            "--prune-baseline",
            "--quiet",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let after = std::fs::read_to_string(scratch.path("baseline.toml")).expect("readable");
    assert!(after.len() < before.len(), "stale entries are removed");
    assert!(!after.contains("vacant-role"), "{after}");
    assert_cmd_snapshot!(
        "pruned",
        scratch
            .charterlint()
            .args(["check", "teams", "--baseline", "baseline.toml"])
    );
}

#[test]
fn an_edit_that_moves_lines_resurrects_nothing() {
    let scratch = adopted();
    edit(
        &scratch,
        "teams/billing.charter.toml",
        "version = 1\n",
        "version = 1\n# a comment\n# and another one, which move every finding two lines down\n",
    );
    assert_cmd_snapshot!(
        scratch
            .charterlint()
            .args(["check", "teams", "--baseline", "baseline.toml"])
    );
}

#[test]
fn a_broken_or_missing_baseline_is_a_located_input_error() {
    let scratch = adopted();
    std::fs::write(
        scratch.path("broken.toml"),
        "version = 1\n\n[[finding]]\npath = \"teams/lumen.charter.toml\"\nrule = 7\n",
    )
    .expect("written");
    assert_cmd_snapshot!(
        "broken",
        scratch
            .charterlint()
            .args(["check", "teams", "--baseline", "broken.toml"])
    );
    assert_cmd_snapshot!(
        "missing",
        scratch
            .charterlint()
            .args(["check", "teams", "--baseline", "missing.toml"])
    );
}
