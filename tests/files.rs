//! Nothing lost, nothing skipped: how `check` treats the files it reads and writes.
//! Each scenario runs in a fresh folder with relative paths, so the golden output
//! does not depend on where the folder lies.

use std::path::Path;
use std::process::Command;

use insta_cmd::assert_cmd_snapshot;

mod common;

const CLEAN: &str = "examples/01-startup.charter.toml";
const FAILING: &str = "examples/03-visionary-no-backlog.charter.toml";

use common::Scratch;

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("readable")
}

#[test]
fn output_onto_an_input_is_refused_and_the_charter_survives() {
    let scratch = Scratch::new();
    let charter = scratch.copy(FAILING, "atlas.charter.toml");
    let before = bytes(&charter);
    assert_cmd_snapshot!(
        "output_onto_the_named_input",
        scratch
            .charterlint()
            .args(["check", "atlas.charter.toml", "--output", "atlas.charter.toml"])
    );
    assert_cmd_snapshot!(
        "output_onto_an_input_found_in_a_folder",
        scratch
            .charterlint()
            .args(["check", ".", "--output", "./atlas.charter.toml"])
    );
    std::fs::hard_link(&charter, scratch.path("report.json")).expect("linked");
    std::os::unix::fs::symlink("atlas.charter.toml", scratch.path("report.sarif")).expect("linked");
    for output in ["report.json", "report.sarif"] {
        let run = common::exits(
            scratch
                .charterlint()
                .args(["check", "atlas.charter.toml", "--output", output]),
            2,
        );
        assert!(String::from_utf8_lossy(&run.stderr).contains("it is an input of this run"));
    }
    assert_eq!(bytes(&charter), before, "the charter is untouched");
}

#[test]
fn output_onto_the_policy_file_is_refused() {
    let scratch = Scratch::new();
    scratch.copy(CLEAN, "team.charter.toml");
    let policy = scratch.copy("tests/fixtures/policy/org-policy.toml", "org.toml");
    let before = bytes(&policy);
    common::exits(
        scratch.charterlint().args([
            "check",
            "team.charter.toml",
            "--config",
            "org.toml",
            "--output",
            "org.toml",
        ]),
        2,
    );
    assert_eq!(bytes(&policy), before);
}

#[test]
fn output_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let scratch = Scratch::new();
    scratch.copy(FAILING, "team.charter.toml");
    std::fs::create_dir(scratch.path("reports")).expect("folder");
    std::fs::write(scratch.path("reports/latest.json"), "old").expect("written");
    std::os::unix::fs::symlink("reports/latest.json", scratch.path("report.json")).expect("linked");
    common::exits(
        scratch.charterlint().args([
            "check",
            "team.charter.toml",
            "--format",
            "json",
            "--output",
            "report.json",
        ]),
        1,
    );
    let link = std::fs::symlink_metadata(scratch.path("report.json")).expect("exists");
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let written = std::fs::read_to_string(scratch.path("reports/latest.json")).expect("readable");
    assert!(written.starts_with('{'), "{written}");
}

#[test]
fn output_to_a_device_or_a_fifo_writes_straight_through() {
    let scratch = Scratch::new();
    scratch.copy(FAILING, "team.charter.toml");
    common::exits(
        scratch
            .charterlint()
            .args(["check", "team.charter.toml", "--output", "/dev/null"]),
        1,
    );
    let null = std::fs::metadata("/dev/null").expect("exists");
    assert!(!null.is_file(), "/dev/null is still a device");

    let fifo = scratch.path("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let reader = std::thread::spawn(move || std::fs::read(fifo).expect("readable"));
    common::exits(
        scratch
            .charterlint()
            .args(["check", "team.charter.toml", "--format", "json", "--output", "pipe"]),
        1,
    );
    let received = reader.join().expect("reader finishes");
    assert!(received.starts_with(b"{"), "the report came through the FIFO");
    let node = std::fs::symlink_metadata(scratch.path("pipe")).expect("exists");
    assert!(!node.is_file(), "the FIFO is still a FIFO");
}

#[test]
fn output_dash_is_standard_output() {
    let scratch = Scratch::new();
    scratch.copy(CLEAN, "team.charter.toml");
    assert_cmd_snapshot!(scratch.charterlint().args([
        "check",
        "team.charter.toml",
        "--format",
        "github",
        "--output",
        "-"
    ]));
    assert_eq!(scratch.listing(), ["team.charter.toml"]);
}

#[test]
fn a_planted_symlink_at_the_old_temporary_name_is_left_alone() {
    let scratch = Scratch::new();
    scratch.copy(CLEAN, "team.charter.toml");
    std::fs::write(scratch.path("victim.txt"), "precious").expect("written");
    // The name the first version used for its temporary file, for any process id.
    for pid in 1..=64 {
        std::os::unix::fs::symlink("victim.txt", scratch.path(&format!(".report.txt.{pid}.tmp"))).expect("planted");
    }
    common::exits(
        scratch
            .charterlint()
            .args(["check", "team.charter.toml", "--output", "report.txt"]),
        0,
    );
    assert_eq!(
        std::fs::read_to_string(scratch.path("victim.txt")).expect("readable"),
        "precious"
    );
    assert!(
        !scratch.listing().iter().any(|name| name.contains(".charterlint-")),
        "no temporary file is left: {:?}",
        scratch.listing()
    );
}

#[test]
fn an_interrupted_run_leaves_no_temporary_file() {
    let scratch = Scratch::new();
    // Enough charters that a signal often lands while the report is being written.
    let template = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FAILING)).expect("readable");
    std::fs::create_dir(scratch.path("org")).expect("folder");
    for index in 0..1_500 {
        std::fs::write(
            scratch.path(&format!("org/team-{index:04}.charter.toml")),
            template.replace("name = \"", &format!("name = \"{index} ")),
        )
        .expect("written");
    }
    for (attempt, signal) in (0..16).zip(["INT", "TERM"].iter().cycle()) {
        let mut child = scratch
            .charterlint()
            .args(["check", "org", "--format", "markdown", "--output", "report.md"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("runs");
        std::thread::sleep(std::time::Duration::from_millis(20 + 15 * attempt));
        let _ = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status();
        let status = child.wait().expect("ends");
        assert!(
            matches!(status.code(), Some(0..=2 | 130)),
            "ended by the handler or by finishing: {status:?}"
        );
        let leftovers: Vec<String> = scratch
            .listing()
            .into_iter()
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "attempt {attempt} left {leftovers:?}");
    }
}

#[test]
fn a_broken_charter_among_many_still_writes_this_runs_report() {
    let scratch = Scratch::new();
    scratch.copy(CLEAN, "org/a.charter.toml");
    scratch.copy(
        "tests/fixtures/org-with-broken/broken.charter.toml",
        "org/b.charter.toml",
    );
    std::fs::write(scratch.path("report.json"), "last week's report").expect("written");
    assert_cmd_snapshot!(
        scratch
            .charterlint()
            .args(["check", "org", "--format", "json", "--output", "report.json"])
    );
    let written = std::fs::read_to_string(scratch.path("report.json")).expect("readable");
    let report: serde_json::Value = serde_json::from_str(&written).expect("a JSON report");
    assert_eq!(report["files"].as_array().map(Vec::len), Some(1));
    assert_eq!(report["errors"].as_array().map(Vec::len), Some(1));
}

#[test]
fn hidden_folders_are_walked_and_git_internals_are_not() {
    let scratch = Scratch::new();
    scratch.copy(FAILING, ".github/charters/team.charter.toml");
    scratch.copy(FAILING, ".git/refs/team.charter.toml");
    assert_cmd_snapshot!(scratch.charterlint().args(["check", "--format", "github", "."]));
}

#[test]
fn symlinked_charters_and_folders_are_followed_and_loops_reported() {
    let scratch = Scratch::new();
    scratch.copy(CLEAN, "shared/platform.charter.toml");
    std::fs::create_dir(scratch.path("org")).expect("folder");
    std::os::unix::fs::symlink("../shared", scratch.path("org/linked")).expect("linked");
    std::os::unix::fs::symlink(
        "../shared/platform.charter.toml",
        scratch.path("org/alias.charter.toml"),
    )
    .expect("linked");
    std::os::unix::fs::symlink("..", scratch.path("org/loop")).expect("linked");
    assert_cmd_snapshot!(scratch.charterlint().args(["check", "--format", "github", "org"]));
}

#[test]
fn a_loop_or_a_dangling_link_named_on_the_command_line_says_what_it_is() {
    let scratch = Scratch::new();
    std::os::unix::fs::symlink("self.charter.toml", scratch.path("self.charter.toml")).expect("linked");
    std::os::unix::fs::symlink("gone.charter.toml", scratch.path("dangling.charter.toml")).expect("linked");
    assert_cmd_snapshot!(
        scratch
            .charterlint()
            .args(["check", "self.charter.toml", "dangling.charter.toml"])
    );
}

#[test]
fn an_unreadable_subfolder_is_an_input_error() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new();
    scratch.copy(CLEAN, "org/open/team.charter.toml");
    scratch.copy(FAILING, "org/locked/team.charter.toml");
    let locked = scratch.path("org/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("locked");
    if std::fs::read_dir(&locked).is_ok() {
        // Running as root, where permissions do not lock anything: nothing to test.
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("unlocked");
        return;
    }
    let run = scratch.charterlint().args(["check", "org"]).output().expect("runs");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("unlocked");
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stdout);
    assert!(stderr.contains("org/locked"), "{stderr}");
}

#[test]
fn the_same_file_under_two_spellings_is_checked_once() {
    let scratch = Scratch::new();
    let charter = scratch.copy(
        "tests/fixtures/rules/over-allocated/quiet/team.charter.toml",
        "x.charter.toml",
    );
    let absolute = charter.to_string_lossy().into_owned();
    // The absolute path differs on every run, so this records the essentials.
    let run = common::exits(
        scratch.charterlint().args([
            "check",
            "--format",
            "github",
            "x.charter.toml",
            "./x.charter.toml",
            &absolute,
            ".",
            "./",
        ]),
        0,
    );
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "checked 1 charter: 0 errors, 0 warnings, 0 info\n"
    );
}

#[test]
fn a_charter_with_a_name_that_is_not_utf8_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let scratch = Scratch::new();
    std::fs::create_dir(scratch.path("org")).expect("folder");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.charter.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(FAILING),
        scratch.path("org").join(name),
    )
    .expect("copied");
    assert_cmd_snapshot!(scratch.charterlint().args(["check", "--format", "github", "org"]));
}

#[test]
fn a_broken_pipe_keeps_the_exit_code_of_the_findings() {
    let scratch = Scratch::new();
    for index in 0..200 {
        scratch.copy(FAILING, &format!("org/team-{index:03}.charter.toml"));
    }
    let mut child = scratch
        .charterlint()
        .args(["check", "org"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut child.stdout.take().expect("stdout"), &mut first).expect("some output");
    let output = child.wait_with_output().expect("finishes");
    assert_eq!(output.status.code(), Some(1), "the findings decide, not the pipe");
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn ignored_charters_are_explained_when_nothing_is_found() {
    let scratch = Scratch::new();
    scratch.copy(CLEAN, "org/team.charter.toml");
    std::fs::write(scratch.path(".gitignore"), "org/\n").expect("written");
    assert_cmd_snapshot!(scratch.charterlint().args(["check", "."]));
}
