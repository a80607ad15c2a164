//! Golden tests of the command line: stdout, stderr and exit code of each scenario.

mod common;

use std::path::Path;

use insta_cmd::assert_cmd_snapshot;

use common::charterlint;

fn files_in(folder: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(folder))
        .expect("folder exists")
        .map(|entry| {
            entry
                .expect("readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_broken_input_is_located_and_exits_2() {
    let files = files_in("tests/broken");
    assert!(files.len() >= 15, "the corpus has {} files", files.len());
    for file in files {
        let path = format!("tests/broken/{file}");
        let output = common::exits(charterlint().args(["check", &path]), 2);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.contains(&format!("--> {path}:")),
            "{path} has no location:\n{stdout}"
        );
        // A panic prints to stderr and exits 101; the status above already rules it
        // out, and stderr must stay empty of one too.
        assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"), "{path}");
        assert_cmd_snapshot!(format!("broken__{file}"), charterlint().args(["check", &path]));
    }
}

/// Runs `check -` on text in the given format and returns (exit code, stdout).
fn check_stdin(text: String, format: &str) -> (Option<i32>, String) {
    check_stdin_with(text, &["--stdin-format", format])
}

/// Runs `check -` with more arguments on text and returns (exit code, stdout).
fn check_stdin_with(text: String, arguments: &[&str]) -> (Option<i32>, String) {
    use std::io::Write;
    let mut child = charterlint()
        .args(["check", "-"])
        .args(arguments)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("written");
    let output = child.wait_with_output().expect("finishes");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

// The inputs are 200 KB, so these record the essentials instead of a snapshot.
#[test]
fn a_deeply_nested_json_array_is_refused_cleanly() {
    let depth = 100_000;
    let (code, stdout) = check_stdin(format!("{}{}", "[".repeat(depth), "]".repeat(depth)), "json");
    assert_eq!(code, Some(2));
    assert!(
        stdout.starts_with("error: nesting deeper than 64 levels\n --> <stdin>:1:"),
        "{stdout}"
    );
    assert!(
        stdout.contains("= help: a charter needs at most four levels"),
        "{stdout}"
    );
}

#[test]
fn a_deeply_nested_toml_value_is_refused_cleanly() {
    let depth = 100_000;
    let (code, stdout) = check_stdin(
        format!("version = 1\nx = {}{}\n", "[".repeat(depth), "]".repeat(depth)),
        "toml",
    );
    assert_eq!(code, Some(2));
    assert!(
        stdout.starts_with("error: nesting deeper than 64 levels\n --> <stdin>:2:"),
        "{stdout}"
    );
}

#[test]
fn a_clean_charter_exits_0() {
    assert_cmd_snapshot!(charterlint().args(["check", "examples/02-scaled-program.charter.toml"]));
}

#[test]
fn an_unowned_core_responsibility_exits_1() {
    assert_cmd_snapshot!(charterlint().args(["check", "examples/03-visionary-no-backlog.charter.toml"]));
}

#[test]
fn fail_on_warning_fails_on_warnings() {
    assert_cmd_snapshot!(charterlint().args([
        "check",
        "--fail-on",
        "warning",
        "examples/04-blurred-boundaries.charter.toml"
    ]));
}

#[test]
fn fail_on_never_passes_errors() {
    assert_cmd_snapshot!(charterlint().args([
        "check",
        "--fail-on",
        "never",
        "examples/03-visionary-no-backlog.charter.toml"
    ]));
}

#[test]
fn fail_on_info_fails_on_an_info() {
    assert_cmd_snapshot!(charterlint().args(["check", "--fail-on", "info", "examples/01-startup.charter.toml"]));
}

#[test]
fn quiet_leaves_out_the_summary() {
    assert_cmd_snapshot!(charterlint().args(["check", "--quiet", "examples/02-scaled-program.charter.toml"]));
}

#[test]
fn the_examples_folder() {
    assert_cmd_snapshot!(charterlint().args(["check", "examples/"]));
}

#[test]
fn a_broken_file_among_good_ones_still_reports_the_others() {
    assert_cmd_snapshot!(charterlint().args([
        "check",
        "examples/03-visionary-no-backlog.charter.toml",
        "tests/broken/unknown-key.charter.toml",
        "examples/02-scaled-program.charter.toml",
    ]));
}

#[test]
fn a_missing_path_exits_2() {
    assert_cmd_snapshot!(charterlint().args(["check", "no/such/team.charter.toml"]));
}

#[test]
fn a_folder_without_charters_exits_2() {
    assert_cmd_snapshot!(charterlint().args(["check", "schemas"]));
}

#[test]
fn an_unknown_flag_exits_2() {
    assert_cmd_snapshot!(charterlint().args(["check", "--format", "yaml", "examples/"]));
}

#[test]
fn json_from_standard_input() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/06-json-team.charter.json"))
            .expect("example exists");
    assert_cmd_snapshot!(
        charterlint()
            .args(["check", "-", "--stdin-format", "json"])
            .pass_stdin(text)
    );
}

#[test]
fn an_org_policy_file_applies_to_every_charter() {
    assert_cmd_snapshot!(charterlint().args([
        "check",
        "--config",
        "tests/fixtures/policy/org-policy.toml",
        "examples/01-startup.charter.toml",
        "examples/04-blurred-boundaries.charter.toml",
    ]));
}

#[test]
fn a_broken_org_policy_file_exits_2() {
    assert_cmd_snapshot!(charterlint().args([
        "check",
        "--config",
        "tests/fixtures/policy/broken-policy.toml",
        "examples/01-startup.charter.toml",
    ]));
}

#[test]
fn map_explains_every_duty() {
    for file in files_in("examples")
        .into_iter()
        .filter(|name| name.contains(".charter."))
    {
        assert_cmd_snapshot!(
            format!("map__{file}"),
            charterlint().args(["map", &format!("examples/{file}")])
        );
    }
}

#[test]
fn map_as_json() {
    assert_cmd_snapshot!(charterlint().args(["map", "--format", "json", "tests/fixtures/mapping/mixed.charter.toml"]));
}

#[test]
fn map_of_a_broken_file_exits_2() {
    assert_cmd_snapshot!(charterlint().args(["map", "tests/broken/unknown-methodology.charter.toml"]));
}

#[test]
fn catalog() {
    assert_cmd_snapshot!(charterlint().arg("catalog"));
}

#[test]
fn explain_lists_every_rule() {
    assert_cmd_snapshot!(charterlint().arg("explain"));
}

#[test]
fn explain_one_rule() {
    assert_cmd_snapshot!(charterlint().args(["explain", "shared-accountability"]));
}

#[test]
fn explain_an_unknown_rule_suggests_one() {
    assert_cmd_snapshot!(charterlint().args(["explain", "shared-accountabilty"]));
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let output = charterlint().arg("schema").output().expect("runs");
    let checked_in = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/charter.schema.json"))
        .expect("schema exists");
    assert_eq!(output.stdout, checked_in);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn init_writes_a_starter_that_loads_and_never_overwrites() {
    let folder = tempfile::tempdir().expect("temporary folder");
    for format in ["toml", "json"] {
        let path = folder.path().join(format!("team.charter.{format}"));
        let path_text = path.to_string_lossy().into_owned();
        let status = charterlint()
            .args(["init", &path_text, "--format", format])
            .status()
            .expect("runs");
        assert_eq!(status.code(), Some(0));
        let written = std::fs::read(&path).expect("written");

        common::exits(charterlint().args(["check", &path_text]), 0);

        let again = common::exits(charterlint().args(["init", &path_text, "--format", format]), 2);
        assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
        assert_eq!(std::fs::read(&path).expect("still there"), written);

        std::fs::write(&path, "changed").expect("writable");
        let forced = charterlint()
            .args(["init", &path_text, "--format", format, "--force"])
            .status()
            .expect("runs");
        assert_eq!(forced.code(), Some(0));
        assert_eq!(std::fs::read(&path).expect("rewritten"), written);
    }
}

#[test]
fn color_never_and_no_color_give_plain_text() {
    let output = charterlint()
        .args([
            "check",
            "--color",
            "always",
            "examples/03-visionary-no-backlog.charter.toml",
        ])
        .output()
        .expect("runs");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains('\u{1b}'),
        "--color always colors"
    );
    let plain = charterlint()
        .env("NO_COLOR", "1")
        .args(["check", "examples/03-visionary-no-backlog.charter.toml"])
        .output()
        .expect("runs");
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\u{1b}'));
    // CI logs are not terminals but render color; CLICOLOR_FORCE asks for it there.
    let forced = charterlint()
        .env("CLICOLOR_FORCE", "1")
        .args(["check", "examples/03-visionary-no-backlog.charter.toml"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&forced.stdout).contains('\u{1b}'));
}

#[test]
fn a_file_over_the_size_limit_is_an_input_error() {
    assert_cmd_snapshot!(charterlint().args([
        "check",
        "--max-file-size",
        "100",
        "examples/02-scaled-program.charter.toml"
    ]));
}

#[test]
fn standard_input_over_the_size_limit_is_an_input_error() {
    let (code, stdout) = check_stdin_with(
        "version = 1\n[team]\nname = \"x\"\n".to_string(),
        &["--max-file-size", "10"],
    );
    assert_eq!(code, Some(2));
    assert!(stdout.contains("larger than the limit of 10 bytes"), "{stdout}");
}

#[test]
fn more_roles_than_the_limit_is_an_input_error_at_the_first_extra_role() {
    let roles = charterlint::charter::MAX_ROLES + 1;
    let mut text = String::from("version = 1\n[team]\nname = \"Huge\"\n");
    for index in 0..roles {
        text.push_str(&format!("[[roles]]\nid = \"r{index}\"\ntitle = \"T\"\nholders = []\n"));
    }
    let (code, stdout) = check_stdin(text, "toml");
    assert_eq!(code, Some(2));
    let first_extra_line = 4 + 4 * charterlint::charter::MAX_ROLES;
    let heading = format!(
        "error: more than {} roles in one charter\n",
        charterlint::charter::MAX_ROLES
    );
    assert!(stdout.starts_with(&heading), "{}", &stdout[..stdout.len().min(400)]);
    assert!(
        stdout.contains(&format!("--> <stdin>:{first_extra_line}:1")),
        "{}",
        &stdout[..stdout.len().min(400)]
    );
}

#[test]
fn a_broken_pipe_ends_the_run_quietly() {
    use std::io::Read;
    let mut child = charterlint()
        // More than a pipe buffer holds, so the writer really meets the closed pipe.
        .args(["check", "--format", "sarif", "examples/", "tests/fixtures/rules"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // Dropping the pipe's read end is what `| head -c 16` does.
    let output = child.wait_with_output().expect("finishes");
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_minified_charter_points_at_the_right_column_without_copying_its_line() {
    let roles: Vec<String> = (0..2_000)
        .map(|index| format!("{{\"id\":\"r{index}\",\"title\":\"Product Owner\",\"holders\":[\"P{index}\"],\"owns\":[\"ordering team lunch {index}\"]}}"))
        .collect();
    let text = format!(
        "{{\"version\":1,\"team\":{{\"name\":\"Min\"}},\"roles\":[{}]}}",
        roles.join(",")
    );
    let last_duty = text.rfind("\"ordering team lunch 1999\"").expect("present");
    let (code, stdout) = check_stdin(text.clone(), "json");
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains(&format!("--> <stdin>:1:{}\n", last_duty + 1)),
        "the last duty's column"
    );
    let longest = stdout.lines().map(str::len).max().unwrap_or(0);
    assert!(
        longest < 1_000,
        "a report line of {longest} bytes copies the input line"
    );
}

#[cfg(unix)]
#[test]
fn a_charter_named_on_the_command_line_in_bytes_that_are_not_utf8_is_checked() {
    use std::os::unix::ffi::OsStrExt;
    let folder = tempfile::tempdir().expect("temporary folder");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.charter.toml");
    let path = folder.path().join(name);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/03-visionary-no-backlog.charter.toml"),
        &path,
    )
    .expect("copied");
    let output = charterlint()
        .current_dir(folder.path())
        .arg("check")
        .arg(name)
        .output()
        .expect("runs");
    // The findings decide the exit code; the name is shown lossily.
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("--> caf\u{fffd}.charter.toml:"));
}

#[test]
fn every_command_takes_a_path_in_bytes_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let folder = tempfile::tempdir().expect("temporary folder");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/03-visionary-no-backlog.charter.toml");
    let charter = std::ffi::OsStr::from_bytes(b"caf\xe9.charter.toml");
    std::fs::copy(&example, folder.path().join(charter)).expect("copied");
    let corpus = std::ffi::OsStr::from_bytes(b"caf\xe9.tsv");
    std::fs::write(
        folder.path().join(corpus),
        "phrase\texpected\tsource\nbacklog prioritization\tbacklog.prioritization\tcatalog\n",
    )
    .expect("written");
    let sheet = std::ffi::OsStr::from_bytes(b"caf\xe9.csv");
    let starter = std::ffi::OsStr::from_bytes(b"d\xe9part.charter.toml");
    let commands: [(&[&std::ffi::OsStr], i32); 6] = [
        (&["map".as_ref(), charter], 0),
        (&["diff".as_ref(), charter, charter], 0),
        (&["accuracy".as_ref(), corpus], 0),
        (&["export".as_ref(), charter, "--output".as_ref(), sheet], 0),
        (&["import".as_ref(), sheet], 0),
        (&["init".as_ref(), starter], 0),
    ];
    for (arguments, code) in commands {
        let output = charterlint()
            .current_dir(folder.path())
            .args(arguments)
            .output()
            .expect("runs");
        assert_eq!(
            output.status.code(),
            Some(code),
            "{arguments:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert!(folder.path().join(sheet).is_file());
    assert!(folder.path().join(starter).is_file());
}

#[test]
fn accuracy_scores_a_corpus_and_tells_its_product_misses_apart() {
    assert_cmd_snapshot!(charterlint().args(["accuracy", "--misses", "tests/fixtures/corpus/small.tsv"]));
}
