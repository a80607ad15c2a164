//! The situations the seed articles describe, and the promises of determinism.

mod common;

use charterlint::finding::Severity;
use charterlint::lint::{self, RunOptions};

fn charter(team: &str, roles: &str) -> String {
    format!("version = 1\n\n[team]\nname = \"Scenario\"\n{team}\n{roles}")
}

/// Checks one charter given as text.
fn check(text: &str, format: charterlint::charter::InputFormat) -> lint::RunReport {
    let mut options = RunOptions::new(common::today());
    options.stdin = Some((text.as_bytes().to_vec(), format));
    lint::run(&["-".to_string()], &options)
}

fn check_toml(text: &str) -> lint::RunReport {
    let report = check(text, charterlint::charter::InputFormat::Toml);
    assert!(report.input_errors.is_empty(), "{:?}", report.input_errors);
    report
}

const ONE_PERSON_BOTH_ROLES: &str = r#"
[[roles]]
id = "product"
title = "Product Manager"
holders = ["Dana"]
owns = ["product vision", "roadmap", "user research", "success metrics", "business outcomes",
        "backlog prioritization", "user stories", "sprint planning", "acceptance", "sprint goals",
        "cross-team dependencies"]
"#;

/// The charter fails, and the reason is that nobody owns anything in `area`.
fn assert_area_unowned(report: &lint::RunReport, area: &str) {
    let gap = report.findings.iter().find(|finding| {
        finding.rule == "unowned-area" && finding.message.contains(&format!("any {area} responsibility"))
    });
    assert!(
        gap.is_some(),
        "no unowned-area finding for {area}: {:?}",
        report.findings
    );
    assert_eq!(report.exit_code(), 1);
}

fn severity_of(report: &lint::RunReport, rule: &str) -> Option<Severity> {
    report
        .findings
        .iter()
        .find(|finding| finding.rule == rule)
        .map(|finding| finding.severity)
}

#[test]
fn one_person_as_pm_and_po_is_fine_at_one_delivery_team() {
    let report = check_toml(&charter("delivery_teams = 1", ONE_PERSON_BOTH_ROLES));
    assert_eq!(severity_of(&report, "combined-roles"), Some(Severity::Info));
    assert_eq!(report.exit_code(), 0);
}

#[test]
fn one_person_as_pm_and_po_is_a_warning_at_four_delivery_teams() {
    let report = check_toml(&charter("delivery_teams = 4", ONE_PERSON_BOTH_ROLES));
    assert_eq!(severity_of(&report, "combined-roles"), Some(Severity::Warning));
}

/// One `[[roles]]` table held by one person, owning `owns` (TOML strings).
fn one_role(id: &str, title: &str, owns: &str) -> String {
    format!("\n[[roles]]\nid = \"{id}\"\ntitle = \"{title}\"\nholders = [\"Dana\"]\nowns = [{owns}]\n")
}

#[test]
fn a_visionary_pm_without_a_backlog_owner_fails() {
    let roles = one_role(
        "pm",
        "Product Manager",
        r#""product vision", "roadmap", "user research", "success metrics", "business outcomes", "sprint goals""#,
    );
    let report = check_toml(&charter("", &roles));
    assert_area_unowned(&report, "backlog");
}

#[test]
fn an_excellent_po_without_product_direction_fails() {
    let roles = one_role(
        "po",
        "Product Owner",
        r#""backlog prioritization", "user stories", "sprint planning", "acceptance", "sprint goals",
        "success metrics", "business outcomes""#,
    );
    let report = check_toml(&charter("", &roles));
    assert_area_unowned(&report, "strategy");
}

const SPLIT_ROLES: &str = r#"
[[roles]]
id = "pm"
title = "Product Manager"
holders = ["Dana"]
owns = ["product vision", "roadmap", "user research", "success metrics", "business outcomes"]
consulted = ["backlog prioritization"]

[[roles]]
id = "po"
title = "Product Owner"
holders = ["Sam"]
owns = ["backlog prioritization", "user stories", "sprint planning", "acceptance", "sprint goals"]
consulted = ["roadmap"]
"#;

#[test]
fn a_multi_team_program_without_delivery_governance_fails() {
    let report = check_toml(&charter("delivery_teams = 4", SPLIT_ROLES));
    assert_area_unowned(&report, "delivery");

    let report = check_toml(&charter("cross_team_dependencies = true", SPLIT_ROLES));
    assert_eq!(report.exit_code(), 1, "cross-team dependencies also need governance");

    let governed = format!(
        "{SPLIT_ROLES}\n[[roles]]\nid = \"delivery\"\ntitle = \"Delivery Manager\"\nholders = [\"Kim\"]\nowns = [\"cross-team dependencies\"]\n"
    );
    let report = check_toml(&charter("delivery_teams = 4", &governed));
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_kanban_team_is_not_asked_for_sprint_duties() {
    let roles = SPLIT_ROLES
        .replace(", \"sprint planning\"", "")
        .replace(", \"sprint goals\"", "");
    let kanban = check_toml(&charter("methodology = \"kanban\"", &roles));
    assert!(kanban.findings.is_empty(), "{:?}", kanban.findings);
    let scrum = check_toml(&charter("methodology = \"scrum\"", &roles));
    let missing: Vec<_> = scrum
        .findings
        .iter()
        .filter_map(|finding| finding.responsibility)
        .collect();
    assert_eq!(missing, ["backlog.sprint-support", "outcomes.delivery-outcomes"]);
}

#[test]
fn a_vacant_role_owns_nothing_and_the_message_says_so() {
    let roles = SPLIT_ROLES.replace("holders = [\"Sam\"]", "holders = []");
    let report = check_toml(&charter("", &roles));
    let gap = report
        .findings
        .iter()
        .find(|finding| finding.rule == "unowned-area")
        .expect("backlog gap");
    assert!(gap.message.contains("only vacant role `po`"), "{}", gap.message);
    assert!(report.findings.iter().any(|finding| finding.rule == "vacant-role"));
}

#[test]
fn severity_off_silences_and_require_adds() {
    let with_policy = format!(
        "{}\n[lint]\nseverity = {{ \"handoff-undefined\" = \"off\" }}\nrequire = [\"strategy.go-to-market\"]\n",
        charter(
            "",
            &SPLIT_ROLES
                .replace("consulted = [\"roadmap\"]\n", "")
                .replace("consulted = [\"backlog prioritization\"]\n", "")
        )
    );
    let report = check_toml(&with_policy);
    assert!(
        report
            .findings
            .iter()
            .all(|finding| finding.rule != "handoff-undefined")
    );
    assert!(
        report
            .findings
            .iter()
            .any(|finding| finding.responsibility == Some("strategy.go-to-market"))
    );
}

/// Rebuilds the split-roles charter with its roles and duty lists in another order.
fn permuted(role_order: [usize; 3], reverse_duties: bool) -> String {
    let mut duties = [
        vec![
            "product vision",
            "roadmap",
            "user research",
            "success metrics",
            "business outcomes",
            "backlog prioritization",
        ],
        vec![
            "backlog prioritization",
            "user stories",
            "sprint planning",
            "acceptance",
            "ordering team lunch",
        ],
        vec!["vision and strategy", "sprint goals"],
    ];
    if reverse_duties {
        duties.iter_mut().for_each(|list| list.reverse());
    }
    let roles = [
        ("pm", "Product Manager", "\"Dana\""),
        ("po", "Product Owner", "\"Sam\", \"Dana\""),
        ("coach", "Agile Coach", ""),
    ];
    let mut text = charter("delivery_teams = 2", "");
    for index in role_order {
        let (id, title, holders) = roles[index];
        let owns: Vec<String> = duties[index].iter().map(|duty| format!("\"{duty}\"")).collect();
        text.push_str(&format!(
            "\n[[roles]]\nid = \"{id}\"\ntitle = \"{title}\"\nholders = [{holders}]\nowns = [{}]\n",
            owns.join(", ")
        ));
    }
    text
}

#[test]
fn permuting_roles_and_duties_keeps_the_findings() {
    let baseline = common::finding_set(&check_toml(&permuted([0, 1, 2], false)));
    assert!(baseline.len() >= 4, "{baseline:?}");
    for order in [[2, 1, 0], [1, 0, 2], [2, 0, 1]] {
        for reverse in [false, true] {
            assert_eq!(
                common::finding_set(&check_toml(&permuted(order, reverse))),
                baseline,
                "{order:?} {reverse}"
            );
        }
    }
}

#[test]
fn the_same_input_gives_byte_identical_reports() {
    let first = common::render(&common::run(&["examples/"]), charterlint::report::ReportFormat::Json);
    let second = common::render(&common::run(&["examples/"]), charterlint::report::ReportFormat::Json);
    assert_eq!(first, second);
}

#[test]
fn toml_and_json_forms_of_one_charter_give_the_same_findings() {
    let toml = common::read("tests/fixtures/equivalent/team.charter.toml");
    let json = common::read("tests/fixtures/equivalent/team.charter.json");
    let from_toml = check(&toml, charterlint::charter::InputFormat::Toml);
    let from_json = check(&json, charterlint::charter::InputFormat::Json);
    assert!(from_toml.input_errors.is_empty() && from_json.input_errors.is_empty());
    assert!(!from_toml.findings.is_empty());
    assert_eq!(common::finding_set(&from_toml), common::finding_set(&from_json));
    let messages = |report: &lint::RunReport| {
        report
            .findings
            .iter()
            .map(|finding| finding.message.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(messages(&from_toml), messages(&from_json));
}

#[test]
fn findings_are_sorted_by_file_line_column_and_rule() {
    let report = common::run(&["examples/", "tests/fixtures/rules/"]);
    let keys: Vec<_> = report.findings.iter().map(|finding| finding.sort_key()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

/// The six-role team of the Scrum Guide and ordinary job descriptions (product
/// manager, product owner, Scrum Master, engineering manager, designer, analyst):
/// no false error, and no warning about the neighbouring work.
#[test]
fn a_whole_team_in_its_own_words_lints_clean() {
    for charter in [
        "tests/fixtures/whole-team/six-roles.charter.toml",
        "examples/07-whole-scrum-team.charter.toml",
        "examples/08-safe-program.charter.toml",
    ] {
        let report = common::run(&[charter]);
        let findings: Vec<String> = report
            .findings
            .iter()
            .map(|finding| format!("{}: {}", finding.rule, finding.message))
            .collect();
        assert!(findings.is_empty(), "{charter}:\n{}", findings.join("\n"));
    }
}
