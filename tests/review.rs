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
    common::exits(
        scratch
            .charterlint()
            .args(["check", "teams", "--write-baseline", "baseline.toml", "--quiet"]),
        0,
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
    common::exits(
        scratch.charterlint().args([
            "check",
            "teams",
            "--baseline",
            "baseline.toml",
            "--prune-baseline",
            "--quiet",
        ]),
        0,
    );
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

/// Runs git in the scratch folder, failing the test if git fails.
fn git(scratch: &Scratch, arguments: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(scratch.path(""))
        .args([
            "-c",
            "user.name=Charter Bot",
            "-c",
            "user.email=bot@example.com",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(arguments)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {arguments:?}");
}

/// A git repository with three charters committed, then changed in the working tree:
/// a role removed, a holder changed, a duty reworded into the same responsibility,
/// a file renamed and a new team.
fn changed_repository() -> Scratch {
    let scratch = Scratch::new();
    scratch.copy(STARTUP, "teams/lumen.charter.toml");
    scratch.copy(BLURRED, "teams/mobile.charter.toml");
    scratch.copy(FELL_THROUGH, "teams/billing.charter.toml");
    git(&scratch, &["init", "--quiet"]);
    git(&scratch, &["add", "."]);
    git(&scratch, &["commit", "--quiet", "-m", "charters as they were"]);
    // Billing's Scrum Master role is removed.
    let billing = std::fs::read_to_string(scratch.path("teams/billing.charter.toml")).expect("readable");
    let cut = billing.find("[[roles]]\nid = \"sm\"").expect("the sm role");
    std::fs::write(scratch.path("teams/billing.charter.toml"), &billing[..cut]).expect("written");
    // Mobile's product owner changes hands.
    edit(
        &scratch,
        "teams/mobile.charter.toml",
        "\"Diego Alvarez\"",
        "\"Mei Tanaka\"",
    );
    // Lumen's vision is reworded: still strategy.vision.
    edit(
        &scratch,
        "teams/lumen.charter.toml",
        "\"Setting the product vision\"",
        "\"Owning the product vision\"",
    );
    git(
        &scratch,
        &["mv", "teams/lumen.charter.toml", "teams/lumen-web.charter.toml"],
    );
    scratch.copy("examples/05-kanban-team.charter.toml", "teams/docs.charter.toml");
    scratch
}

#[test]
fn diff_against_a_revision_names_what_changed_and_nothing_else() {
    let scratch = changed_repository();
    assert_cmd_snapshot!(
        "against_text",
        scratch.charterlint().args(["diff", "--against", "HEAD", "teams"])
    );
    let markdown = scratch
        .charterlint()
        .args(["diff", "--against", "HEAD", "teams", "--format", "markdown"])
        .output()
        .expect("runs");
    insta::assert_snapshot!("against_markdown", String::from_utf8_lossy(&markdown.stdout));
    let json = scratch
        .charterlint()
        .args(["diff", "--against", "HEAD", "teams", "--format", "json"])
        .output()
        .expect("runs");
    let changes: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    // The reworded vision is no ownership change.
    let raci = changes["raci"].as_array().expect("raci");
    assert!(
        raci.iter().all(|change| change["team"] != "Lumen"),
        "rewording a duty into the same responsibility changes nothing: {raci:?}"
    );
    let charters = changes["charters"].as_array().expect("charters");
    assert!(
        charters.iter().any(|change| change["change"] == "renamed"),
        "{charters:?}"
    );
    assert!(
        charters.iter().any(|change| change["change"] == "added"),
        "{charters:?}"
    );
}

#[test]
fn diff_of_two_folders() {
    let scratch = Scratch::new();
    scratch.copy(BLURRED, "before/mobile.charter.toml");
    scratch.copy(BLURRED, "after/mobile.charter.toml");
    // The product manager stops ranking the backlog: the shared accountability is gone.
    edit(
        &scratch,
        "after/mobile.charter.toml",
        "\"business outcomes\", \"backlog prioritization\"]",
        "\"business outcomes\"]\nconsulted = [\"backlog prioritization\"]",
    );
    assert_cmd_snapshot!(scratch.charterlint().args(["diff", "before", "after"]));
}

#[test]
fn a_change_that_introduces_an_error_fails_and_an_unknown_revision_is_explained() {
    let scratch = changed_repository();
    edit(&scratch, "teams/mobile.charter.toml", "\"Mei Tanaka\"", "");
    common::exits(scratch.charterlint().args(["diff", "--against", "HEAD", "teams"]), 1);
    assert_cmd_snapshot!(
        "unknown_revision",
        scratch.charterlint().args(["diff", "--against", "no-such-branch"])
    );
}

#[test]
fn a_large_change_still_fits_one_pull_request_comment() {
    let scratch = Scratch::new();
    let team = |holder: &str, index: usize| {
        format!(
            "version = 1\n[team]\nname = \"Team {index}\"\nmethodology = \"kanban\"\n\n[[roles]]\nid = \"pm\"\ntitle = \"Product Manager\"\nholders = [\"{holder} {index}\"]\nowns = [\"product vision\", \"roadmap\", \"user research\", \"success metrics\", \"business outcomes\", \"backlog prioritization\", \"user stories\", \"acceptance\"]\n"
        )
    };
    for index in 0..400 {
        for (side, holder) in [("before", "Dana"), ("after", "Sam")] {
            let path = scratch.path(&format!("{side}/team-{index:03}.charter.toml"));
            std::fs::create_dir_all(path.parent().expect("folder")).expect("created");
            std::fs::write(path, team(holder, index)).expect("written");
        }
    }
    let output = scratch
        .charterlint()
        .args(["diff", "before", "after", "--format", "markdown"])
        .output()
        .expect("runs");
    let comment = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        comment.chars().count() <= charterlint::report::changes::COMMENT_LIMIT,
        "{} characters",
        comment.chars().count()
    );
    assert!(
        comment.contains("left out to fit a comment"),
        "a summarized comment says so"
    );
    assert!(comment.starts_with("## "), "{}", &comment[..80]);
}
