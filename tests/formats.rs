//! Every report format on a clean, a failing and a multi-team example and on an org
//! folder, plus the checks each CI consumer needs.

mod common;

use charterlint::lint::RunReport;
use charterlint::report::ReportFormat;

const CASES: [(&str, &str); 5] = [
    ("clean", "examples/02-scaled-program.charter.toml"),
    ("failing", "examples/03-visionary-no-backlog.charter.toml"),
    ("startup", "examples/01-startup.charter.toml"),
    ("org", "tests/fixtures/org"),
    ("broken", "tests/fixtures/org-with-broken"),
];

/// A SARIF log as a snapshot shows it: the tool's version redacted, and the rule
/// metadata (every rule's documentation, the same in every log) left to its own
/// snapshot, so a version bump or a doc edit changes one file rather than every case.
fn sarif_for_snapshot(sarif: &str) -> String {
    let mut log: serde_json::Value = serde_json::from_str(sarif).expect("SARIF is JSON");
    let driver = log
        .pointer_mut("/runs/0/tool/driver")
        .and_then(serde_json::Value::as_object_mut)
        .expect("a tool driver");
    for key in ["version", "semanticVersion"] {
        assert_eq!(driver[key], env!("CARGO_PKG_VERSION"), "{key}");
        driver[key] = "[version]".into();
    }
    let rules = driver["rules"].as_array().expect("rules").len();
    driver["rules"] = format!("[{rules} rules: see formats__sarif_rules]").into();
    serde_json::to_string_pretty(&log).expect("JSON")
}

#[test]
fn every_format_of_every_case() {
    for (case, path) in CASES {
        let report = common::run(&[path]);
        // The HTML page is a compressed bundle; its structure has its own snapshots.
        for format in ReportFormat::ALL
            .into_iter()
            .filter(|&format| format != ReportFormat::Html)
        {
            let rendered = common::render(&report, format);
            let shown = if format == ReportFormat::Sarif {
                sarif_for_snapshot(&rendered)
            } else {
                rendered
            };
            insta::assert_snapshot!(format!("{case}__{}", format.name()), shown);
        }
    }
}

#[test]
fn sarif_rules() {
    let log = sarif(&common::run(&[CASES[0].1]));
    let rules = log.pointer("/runs/0/tool/driver/rules").expect("rules");
    // Every rule, and the descriptor that input errors are reported under.
    assert_eq!(
        rules.as_array().map(Vec::len),
        Some(charterlint::rules::RULES.len() + 1)
    );
    insta::assert_snapshot!(serde_json::to_string_pretty(rules).expect("JSON"));
}

/// Counts the tables in a Markdown document and checks each row has the header's width.
fn markdown_tables(markdown: &str) -> usize {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut tables = 0;
    let mut header_cells = 0;
    let mut cells = 0;
    let mut in_head = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::TableHead) => {
                in_head = true;
                header_cells = 0;
            }
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => {
                if in_head {
                    header_cells += 1;
                } else {
                    cells += 1;
                }
            }
            Event::End(TagEnd::TableRow) => assert_eq!(cells, header_cells, "a row of another width"),
            _ => {}
        }
    }
    tables
}

#[test]
fn the_markdown_report_is_well_formed_github_markdown() {
    let report = common::run(&["examples/", "tests/fixtures/org"]);
    let markdown = common::render(&report, ReportFormat::Markdown);
    // The organisation's three tables, one coverage matrix per team, the load table
    // and the accepted risks.
    assert_eq!(markdown_tables(&markdown), 3 + report.files.len() + 2);
    let mut previous = 0;
    for heading in [
        "# charterlint gap report",
        "## Organisation",
        "## Findings",
        "## Load per person",
        "## Coverage",
        "## Accepted risks",
    ] {
        let at = markdown.find(heading).unwrap_or_else(|| panic!("{heading}"));
        assert!(
            at >= previous,
            "{heading} comes in its place: the reviewer reads findings first"
        );
        previous = at;
    }
    // The one failing team of the examples is the first team under Findings.
    let findings = &markdown[markdown.find("## Findings").expect("findings")..];
    let first_team = findings.lines().find(|line| line.starts_with("### ")).expect("a team");
    assert!(
        first_team.contains("Atlas Search") || first_team.contains("Billing"),
        "{first_team}"
    );
    assert!(first_team.starts_with("### ❌"), "{first_team}");
    assert!(
        markdown.contains("(examples/03-visionary-no-backlog.charter.toml#L5)"),
        "findings link to their line"
    );
    assert!(markdown.contains("**gap**"), "unowned rows are marked");
    let shared = common::render(
        &common::run(&["examples/04-blurred-boundaries.charter.toml"]),
        ReportFormat::Markdown,
    );
    assert!(
        shared.contains("**shared**: Chloe Martin, Diego Alvarez"),
        "shared rows are marked"
    );
}

#[test]
fn markdown_escapes_what_would_break_a_table_only_in_a_table() {
    use charterlint::report::markdown::{cell, escape};
    assert_eq!(cell("a|b*c_<d>&e"), "a\\|b\\*c\\_\\<d\\>&amp;e");
    // Outside a table a `|` needs no backslash, which would show.
    assert_eq!(escape("a|b"), "a|b");
    assert_eq!(escape("a\u{1b}[31mred"), "a\u{241b}\\[31mred");
}

fn sarif(report: &RunReport) -> serde_json::Value {
    serde_json::from_str(&common::render(report, ReportFormat::Sarif)).expect("SARIF is JSON")
}

fn non_empty(value: &serde_json::Value, pointer: &str) {
    let found = value.pointer(pointer).unwrap_or_else(|| panic!("{pointer} missing"));
    let empty = match found {
        serde_json::Value::String(text) => text.is_empty(),
        serde_json::Value::Array(items) => items.is_empty(),
        serde_json::Value::Null => true,
        _ => false,
    };
    assert!(!empty, "{pointer} is empty");
}

#[test]
fn sarif_has_every_field_github_code_scanning_requires() {
    let log = sarif(&common::run(&["examples/", "tests/fixtures/org"]));
    assert_eq!(log["version"], "2.1.0");
    for pointer in [
        "/$schema",
        "/runs/0/tool/driver/name",
        "/runs/0/tool/driver/version",
        "/runs/0/tool/driver/informationUri",
        "/runs/0/tool/driver/rules",
        "/runs/0/results",
    ] {
        non_empty(&log, pointer);
    }
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().expect("rules");
    // Every rule, and the rule of input errors after them.
    assert_eq!(rules.len(), charterlint::rules::RULES.len() + 1);
    for index in 0..rules.len() {
        for field in [
            "id",
            "shortDescription/text",
            "fullDescription/text",
            "help/text",
            "defaultConfiguration/level",
        ] {
            non_empty(&log, &format!("/runs/0/tool/driver/rules/{index}/{field}"));
        }
    }
    let results = log["runs"][0]["results"].as_array().expect("results");
    for index in 0..results.len() {
        let base = format!("/runs/0/results/{index}");
        for field in [
            "ruleId",
            "level",
            "message/text",
            "locations/0/physicalLocation/artifactLocation/uri",
            "partialFingerprints/charterlint~1v1",
        ] {
            non_empty(&log, &format!("{base}/{field}"));
        }
        for field in ["startLine", "startColumn", "endLine", "endColumn"] {
            let number = log
                .pointer(&format!("{base}/locations/0/physicalLocation/region/{field}"))
                .and_then(|value| value.as_u64());
            assert!(number.is_some_and(|number| number >= 1), "{base} {field}");
        }
        let uri = log
            .pointer(&format!("{base}/locations/0/physicalLocation/artifactLocation/uri"))
            .expect("uri");
        assert!(!uri.as_str().expect("string").starts_with('/'), "repository-relative");
    }
}

fn fingerprints(report: &RunReport) -> Vec<(String, String)> {
    let log = sarif(report);
    let mut prints: Vec<(String, String)> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|result| {
            (
                result["ruleId"].as_str().expect("rule").to_string(),
                result["partialFingerprints"]["charterlint/v1"]
                    .as_str()
                    .expect("fingerprint")
                    .to_string(),
            )
        })
        .collect();
    prints.sort();
    prints
}

#[test]
fn sarif_fingerprints_are_stable_across_runs_and_unrelated_edits() {
    let original = common::read("tests/fixtures/rules/shared-accountability/fires/team.charter.toml");
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("team.charter.toml");
    let path_text = path.to_string_lossy().into_owned();
    let options = charterlint::lint::RunOptions::new(common::today());
    let run = || charterlint::lint::run(std::slice::from_ref(&path_text), &options);

    std::fs::write(&path, &original).expect("writable");
    let first = fingerprints(&run());
    assert!(!first.is_empty());
    assert_eq!(fingerprints(&run()), first, "a second run");

    // Unrelated edits: comments, a size, and a new role, all above the findings.
    let edited = original
        .replacen("version = 1\n", "# owned by the checkout guild\nversion = 1\n\n", 1)
        .replacen("methodology = \"scrum\"\n", "methodology = \"scrum\"\nsize = 9\n\n[[roles]]\nid = \"designer\"\ntitle = \"Product Designer\"\nholders = [\"Ana\"]\ndoes = [\"user research\"]\n", 1);
    std::fs::write(&path, &edited).expect("writable");
    let after_edit = run();
    assert_ne!(
        after_edit.findings[0].location.start.line,
        common::run(&["tests/fixtures/rules/shared-accountability/fires"]).findings[0]
            .location
            .start
            .line,
        "the edit moved the finding"
    );
    assert_eq!(fingerprints(&after_edit), first, "after unrelated edits");
}

#[test]
fn junit_is_well_formed_with_a_suite_per_file() {
    for path in ["examples/", "tests/fixtures/org-with-broken"] {
        let report = common::run(&[path]);
        let xml = common::render(&report, ReportFormat::Junit);
        let document = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let suites: Vec<_> = document
            .descendants()
            .filter(|node| node.has_tag_name("testsuite"))
            .collect();
        assert_eq!(suites.len(), report.files.len() + report.input_errors.len());
        let failures = document
            .descendants()
            .filter(|node| node.has_tag_name("failure"))
            .count();
        let failing_findings = report
            .findings
            .iter()
            .filter(|finding| finding.severity == charterlint::finding::Severity::Error)
            .count();
        assert!(failures <= failing_findings && (failures > 0) == (failing_findings > 0));
    }
}

#[test]
fn junit_escapes_markup_in_names() {
    assert_eq!(
        charterlint::report::junit::escape("<a & \"b\">\u{1}"),
        "&lt;a &amp; &quot;b&quot;&gt;"
    );
}

#[test]
fn github_commands_escape_their_data_and_properties() {
    use charterlint::report::github::{escape_data, escape_property};
    assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
    assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
}

#[test]
fn a_folder_with_one_broken_file_still_reports_the_others_and_exits_2() {
    let report = common::run(&["tests/fixtures/org-with-broken"]);
    assert_eq!(report.files.len(), 2);
    assert_eq!(report.input_errors.len(), 1);
    assert_eq!(report.exit_code(), 2);
    let json: serde_json::Value = serde_json::from_str(&common::render(&report, ReportFormat::Json)).expect("JSON");
    assert_eq!(
        json["errors"][0]["path"],
        "tests/fixtures/org-with-broken/broken.charter.toml"
    );
    assert_eq!(json["errors"][0]["line"], 5);
    assert_eq!(json["files"].as_array().expect("files").len(), 2);
}

#[test]
fn folders_honour_gitignore() {
    let report = common::run(&["tests/fixtures/org"]);
    assert_eq!(report.files.len(), 3);
    assert!(report.input_errors.is_empty(), "the ignored scratch file is not read");
}

#[test]
fn cross_file_rules_name_every_team() {
    let report = common::run(&["tests/fixtures/org"]);
    let by_rule = |rule: &str| {
        report
            .findings
            .iter()
            .filter(|finding| finding.rule == rule)
            .collect::<Vec<_>>()
    };
    let spread = by_rule("spread-too-thin");
    assert_eq!(spread.len(), 2, "Dana and Sam");
    for finding in spread {
        for team in ["Checkout", "Payments", "Search"] {
            assert!(finding.message.contains(team), "{}", finding.message);
        }
    }
    let allocated = by_rule("over-allocated");
    assert_eq!(allocated.len(), 2);
    assert!(allocated[0].message.contains("1.25"), "{}", allocated[0].message);
    // Checked one at a time, no file shows a problem.
    for path in [
        "tests/fixtures/org/checkout",
        "tests/fixtures/org/search",
        "tests/fixtures/org/payments",
    ] {
        assert!(common::run(&[path]).findings.is_empty(), "{path}");
    }
}

use common::charterlint;

#[test]
fn output_writes_the_whole_report_and_a_run_with_a_broken_charter_replaces_the_old_one() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let output = folder.path().join("report.sarif");
    let output_text = output.to_string_lossy().into_owned();

    let status = charterlint()
        .args(["check", "--format", "sarif", "--output", &output_text, "examples/"])
        .status()
        .expect("runs");
    assert_eq!(status.code(), Some(1));
    let written = std::fs::read_to_string(&output).expect("report written");
    let expected = common::render_for_run(&common::run(&["examples/"]), ReportFormat::Sarif);
    assert_eq!(written, expected);

    let failed = common::exits(
        charterlint().args([
            "check",
            "--format",
            "sarif",
            "--output",
            &output_text,
            "tests/fixtures/org-with-broken",
        ]),
        2,
    );
    assert!(String::from_utf8_lossy(&failed.stderr).contains("waterfall"));
    let replaced = std::fs::read_to_string(&output).expect("written");
    assert_eq!(
        replaced,
        common::render_for_run(&common::run(&["tests/fixtures/org-with-broken"]), ReportFormat::Sarif),
        "this run's report, input errors included, replaces last run's"
    );
    assert!(replaced.contains("\"executionSuccessful\": false"), "{replaced}");

    let leftovers: Vec<_> = std::fs::read_dir(folder.path()).expect("listable").collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn output_into_a_missing_folder_is_an_error() {
    let output = common::exits(
        charterlint().args([
            "check",
            "--output",
            "no/such/folder/report.txt",
            "examples/02-scaled-program.charter.toml",
        ]),
        2,
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("cannot write `no/such/folder/report.txt`: cannot create a file in the folder `no/such/folder`"),
        "{stderr}"
    );
}

/// The HTML page without its style and script, whose text is the templates': what a
/// change to the page's structure looks like.
fn html_structure(page: &str) -> String {
    let mut out = String::new();
    let mut rest = page;
    while let Some(start) = rest.find("<style>").or_else(|| rest.find("<script")) {
        let (tag_end, close) = if rest[start..].starts_with("<style>") {
            ("<style>".len(), "</style>")
        } else {
            (rest[start..].find('>').map_or(0, |end| end + 1), "</script>")
        };
        out.push_str(&rest[..start + tag_end]);
        out.push('…');
        let Some(end) = rest[start..].find(close) else {
            rest = "";
            break;
        };
        rest = &rest[start + end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn the_html_report_of_one_team_has_its_matrix_and_findings_without_javascript() {
    let page = common::render(
        &common::run(&["examples/09-acceptance-fell-through.charter.toml"]),
        ReportFormat::Html,
    );
    assert!(
        !page.contains("http://") && !page.contains("src=\"http"),
        "self-contained"
    );
    insta::assert_snapshot!(html_structure(&page));
}

#[test]
fn the_html_report_of_the_examples_holds_every_team() {
    let report = common::run(&["examples/"]);
    let page = common::render(&report, ReportFormat::Html);
    assert_eq!(page.matches("<section class=\"team\"").count(), report.files.len());
    for file in &report.files {
        assert!(page.contains(&*file.path), "{}", file.path);
    }
}

/// Fifty teams of a made-up organisation, written under `target/`: some share people,
/// some leave responsibilities unowned, some are over-allocated.
fn generated_organisation() -> &'static str {
    const FOLDER: &str = "target/generated-org-50";
    // Tests run in parallel: the folder is written once, before any of them reads it.
    static WRITTEN: std::sync::Once = std::sync::Once::new();
    WRITTEN.call_once(|| write_organisation(FOLDER));
    FOLDER
}

fn write_organisation(folder: &str) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("folder");
    let strategy = ["product vision", "roadmap", "customer research"];
    let backlog = [
        "backlog prioritization",
        "user stories",
        "sprint planning",
        "acceptance",
    ];
    let outcomes = ["success metrics", "business outcomes", "sprint goals"];
    for team in 0..50 {
        let pm = format!("Person {}", team % 17);
        let po = format!("Person {}", 100 + team % 23);
        let pm_duties: Vec<&str> = strategy.iter().chain(&outcomes).copied().skip(team % 3).collect();
        let po_duties: Vec<&str> = backlog.iter().copied().take(4 - team % 4 / 3).collect();
        let list = |duties: &[&str]| {
            duties
                .iter()
                .map(|duty| format!("\"{duty}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let text = format!(
            "version = 1\n\n[team]\nname = \"Team {team:02}\"\ndelivery_teams = {}\n\n[[roles]]\nid = \"pm\"\ntitle = \"Product Manager\"\nholders = [\"{pm}\"]\nallocation = 0.5\nowns = [{}]\n\n[[roles]]\nid = \"po\"\ntitle = \"Product Owner\"\nholders = [\"{po}\"]\nowns = [{}]\n",
            1 + team % 4,
            list(&pm_duties),
            list(&po_duties)
        );
        std::fs::write(root.join(format!("team-{team:02}.charter.toml")), text).expect("written");
    }
}

#[test]
fn the_markdown_report_of_an_organisation_opens_with_its_summary() {
    let report = common::run(&[generated_organisation()]);
    assert_eq!(report.files.len(), 50);
    let markdown = common::render(&report, ReportFormat::Markdown);
    let findings = markdown.find("## Findings").expect("a findings section");
    assert!(markdown.find("## Organisation").expect("an organisation section") < findings);
    for team in 0..50 {
        let file = format!("team-{team:02}.charter.toml");
        assert!(markdown[findings..].contains(&file), "{file} has no section");
    }
    // The summary is what a reader of fifty teams sees first; the per-team sections below
    // it are the same renderer the one-team snapshots already pin.
    insta::assert_snapshot!(&markdown[..findings]);
}

#[test]
fn past_the_matrix_limit_keeping_only_failing_teams_matrices_changes_nothing_in_the_report() {
    // The run drops the matrices the Markdown report will not show; the report must
    // not tell the difference, whichever teams fail and whatever the limit.
    let folder = generated_organisation();
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("crate root");
    for limit in [0, 5, 49] {
        let render = |failing_only_past: Option<usize>| {
            let mut options = charterlint::lint::RunOptions::new(common::today());
            options.coverage = true;
            options.matrices_of_failing_only_past = failing_only_past;
            let report = charterlint::lint::run(&[folder.to_string()], &options);
            let mut emit = charterlint::report::EmitOptions::relative_to(env!("CARGO_MANIFEST_DIR"));
            emit.matrix_limit = limit;
            let mut out = Vec::new();
            ReportFormat::Markdown
                .emitter(emit)
                .emit(&report, &mut out)
                .expect("in memory");
            (String::from_utf8(out).expect("UTF-8"), report)
        };
        let (everything, full) = render(None);
        let (trimmed, report) = render(Some(limit));
        assert_eq!(everything, trimmed, "limit {limit}");
        let with_matrix = |report: &charterlint::lint::RunReport| {
            report
                .files
                .iter()
                .filter(|file| {
                    file.coverage
                        .as_ref()
                        .is_some_and(|coverage| !coverage.roles.is_empty())
                })
                .count()
        };
        if limit < 10 {
            assert!(
                with_matrix(&report) < with_matrix(&full),
                "limit {limit} kept every matrix"
            );
        }
    }
}
