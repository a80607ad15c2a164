//! Golden tests of the messages a person meets when a charter, a flag or standard
//! input is not what charterlint expects: each says what was expected, where, and
//! the fix. (Broken charter files are in `tests/broken/`, one snapshot each.)

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};

use common::charterlint;

/// charterlint run in a fresh folder holding the given files, so the snapshots name
/// them by relative path.
fn in_folder(files: &[(&str, &str)]) -> (tempfile::TempDir, Command) {
    let folder = tempfile::tempdir().expect("temporary folder");
    for (name, text) in files {
        std::fs::write(folder.path().join(name), text).expect("written");
    }
    let mut command = charterlint();
    command.current_dir(folder.path());
    (folder, command)
}

fn example(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)).expect("example")
}

#[test]
fn a_charter_given_as_the_policy_file_is_named_as_a_charter() {
    assert_cmd_snapshot!(charterlint().args([
        "check",
        "examples/01-startup.charter.toml",
        "--config",
        "examples/02-scaled-program.charter.toml",
    ]));
}

#[test]
fn json_on_standard_input_is_recognized_without_a_flag() {
    assert_cmd_snapshot!(
        charterlint()
            .args(["check", "-"])
            .pass_stdin(example("06-json-team.charter.json"))
    );
}

#[test]
fn a_charter_read_through_process_substitution_is_checked() {
    // `<(…)` hands charterlint a pipe named /dev/fd/N, with no extension to go by.
    let script = format!(
        "exec {} check <(cat examples/01-startup.charter.toml)",
        get_cargo_bin("charterlint").display()
    );
    let output = Command::new("bash")
        .args(["-c", &script])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("checked 1 charter: 0 errors"), "{stdout}");
}

#[test]
fn a_report_into_a_folder_that_refuses_names_the_folder() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let locked = folder.path().join("locked");
    std::fs::create_dir(&locked).expect("folder");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("read-only");
    // Root writes anywhere; the refusal can only be seen as another user.
    if std::fs::write(locked.join("probe"), "").is_ok() {
        return;
    }
    let output = charterlint()
        .args(["check", "examples/01-startup.charter.toml", "--output"])
        .arg(locked.join("report.json"))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&locked.display().to_string()), "{stderr}");
    assert!(stderr.contains("permission denied"), "{stderr}");
}

#[test]
fn map_given_a_folder_says_it_takes_one_file() {
    assert_cmd_snapshot!(charterlint().args(["map", "examples"]));
}

#[test]
fn a_folder_on_standard_input_is_named_as_a_folder() {
    let folder = std::fs::File::open(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")).expect("opens");
    assert_cmd_snapshot!(charterlint().args(["check", "-"]).stdin(Stdio::from(folder)));
}

#[test]
fn empty_standard_input_is_named_as_empty() {
    assert_cmd_snapshot!(charterlint().args(["check", "-"]).stdin(Stdio::null()));
}

/// A team that lints clean, with `{pm}` and `{po}` for the two product roles'
/// holders and allocations, and `{vocabulary}` for extra lines at the end.
const CLEAN_TEAM: &str = r#"version = 1

[team]
name = "Checkout"

[[roles]]
id = "pm"
title = "Product Manager"
holders = ["Dana"]
allocation = {pm}
owns = ["product vision", "roadmap", "product discovery", "success metrics", "business outcomes"]

[[roles]]
id = "po"
title = "Product Owner"
holders = ["{po}"]
allocation = 0.5001
owns = ["ordering the Product Backlog", "writing user stories", "answering questions during the sprint", "accepting completed work", "sprint goals"]
consulted = ["roadmap"]
{vocabulary}
"#;

fn team(pm_allocation: &str, po_holder: &str, vocabulary: &str) -> String {
    CLEAN_TEAM
        .replace("{pm}", pm_allocation)
        .replace("{po}", po_holder)
        .replace("{vocabulary}", vocabulary)
}

#[test]
fn the_team_the_message_tests_vary_lints_clean() {
    let (_folder, mut command) = in_folder(&[("team.charter.toml", &team("0.4", "Sam", ""))]);
    let output = command.args(["check", "team.charter.toml"]).output().expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout, "checked 1 charter: 0 errors, 0 warnings, 0 info\n");
}

#[test]
fn an_allocation_just_over_one_shows_the_excess() {
    // Dana holds both roles, 0.5 and 0.5001: 1.0001 in all, not "1.0".
    let (_folder, mut command) = in_folder(&[("team.charter.toml", &team("0.5", "Dana", ""))]);
    assert_cmd_snapshot!(command.args(["check", "team.charter.toml", "--fail-on", "never"]));
}

#[test]
fn a_vocabulary_entry_that_redirects_a_duty_is_named_in_the_help() {
    let vocabulary = "\n[vocabulary]\n\"roadmap\" = \"backlog.prioritization\"\n";
    let (_folder, mut command) = in_folder(&[("team.charter.toml", &team("0.4", "Sam", vocabulary))]);
    assert_cmd_snapshot!(command.args(["check", "team.charter.toml", "--fail-on", "never"]));
}

#[test]
fn init_refuses_a_format_its_file_name_contradicts() {
    let (_folder, mut command) = in_folder(&[]);
    assert_cmd_snapshot!(command.args(["init", "--format", "json", "team.charter.toml"]));
}

#[test]
fn init_refuses_a_file_name_check_would_not_read() {
    let (_folder, mut command) = in_folder(&[]);
    assert_cmd_snapshot!(command.args(["init", "notes.txt"]));
}

#[test]
fn a_negative_size_limit_gets_a_hint_that_is_not_a_path() {
    assert_cmd_snapshot!(charterlint().args(["check", "examples", "--max-file-size", "-1"]));
}

#[test]
fn expiry_is_explained_in_utc() {
    let output = charterlint()
        .args(["explain", "expired-acceptance"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("UTC"), "{text}");
    assert!(text.contains("TZ"), "{text}");
}
